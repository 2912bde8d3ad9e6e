/* plano-canvas-nodes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include "plano-canvas-private.h"

/* The board on the canvas as render nodes that stay the same from frame to frame where the
 * picture does: GTK compares a frame's nodes with the last one's and draws again only where
 * they differ, and its GL renderer keeps what it made of a node it is handed again. So the
 * background is a colour, the grid a node kept until the view changes, each tile of the board
 * (PlanoTiles) a node made once per picture of it, and what is drawn over the board
 * (selection, handles, a connection being drawn) a cairo node just as large as what it shows.
 * A frame of a drag then draws again the few tiles the component left and entered, and its
 * selection ring, rather than the whole canvas.
 *
 * A tile is a cairo node that paints the tile's pixels, not a texture node: GTK 4.8's cairo
 * renderer converts a texture's pixels one by one at every frame, for every texture node, which
 * made a frame of a drag at device scale 2 take 45 ms instead of 3 (docs/performance.md).
 */

struct _PlanoCanvasNodes
{
  GHashTable    *tiles;      /* tile serial → GskRenderNode, for the tiles of the last frame */
  GskRenderNode *grid;       /* (nullable) */
  double         grid_key[8];
  guint          prepare_source;
};

void
_plano_canvas_nodes_free (PlanoCanvasNodes *nodes)
{
  if (nodes == NULL)
    return;

  g_clear_handle_id (&nodes->prepare_source, g_source_remove);
  g_clear_pointer (&nodes->tiles, g_hash_table_unref);
  g_clear_pointer (&nodes->grid, gsk_render_node_unref);
  g_free (nodes);
}

static PlanoCanvasNodes *
get_nodes (PlanoCanvas *self)
{
  if (self->nodes == NULL)
    {
      self->nodes = g_new0 (PlanoCanvasNodes, 1);
      self->nodes->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                  (GDestroyNotify) gsk_render_node_unref);
    }

  return self->nodes;
}

/* The grid, as a node kept while it looks the same. */
void
_plano_canvas_nodes_append_grid (PlanoCanvas *self,
                                 GtkSnapshot *snapshot,
                                 int          width,
                                 int          height,
                                 gboolean     dark,
                                 gboolean     high_contrast)
{
  PlanoCanvasNodes *nodes = get_nodes (self);
  double key[G_N_ELEMENTS (nodes->grid_key)] = {
    width, height, self->ox, self->oy, self->zoom, self->grid, dark, high_contrast,
  };

  if (nodes->grid == NULL || memcmp (key, nodes->grid_key, sizeof key) != 0)
    {
      g_autoptr(GtkSnapshot) grid = gtk_snapshot_new ();
      cairo_t *cr = gtk_snapshot_append_cairo (grid, &GRAPHENE_RECT_INIT (0, 0, width, height));

      _plano_canvas_draw_grid (self, cr, width, height);
      cairo_destroy (cr);
      g_clear_pointer (&nodes->grid, gsk_render_node_unref);
      nodes->grid = gtk_snapshot_free_to_node (g_steal_pointer (&grid));
      memcpy (nodes->grid_key, key, sizeof key);
    }

  if (nodes->grid != NULL)
    gtk_snapshot_append_node (snapshot, nodes->grid);
}

typedef struct
{
  GtkSnapshot *snapshot;
  GHashTable  *before;
  GHashTable  *nodes;
} Tiles;

static void
append_tile (cairo_surface_t *surface,
             guint64          serial,
             double           x,
             double           y,
             double           size,
             gpointer         user_data)
{
  Tiles *tiles = user_data;
  GskRenderNode *node = g_hash_table_lookup (tiles->before, &serial);

  if (node == NULL)
    node = g_hash_table_lookup (tiles->nodes, &serial);
  if (node == NULL)
    {
      cairo_t *cr;

      /* A picture of the tile as it is now: cairo keeps it as it was, should the tile be
       * drawn again. */
      node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, size, size));
      cr = gsk_cairo_node_get_draw_context (node);
      cairo_scale (cr, size / cairo_image_surface_get_width (surface),
                   size / cairo_image_surface_get_height (surface));
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  else
    gsk_render_node_ref (node);

  g_hash_table_replace (tiles->nodes, g_memdup2 (&serial, sizeof serial), node);
  gtk_snapshot_save (tiles->snapshot);
  gtk_snapshot_translate (tiles->snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_node (tiles->snapshot, node);
  gtk_snapshot_restore (tiles->snapshot);
}

/* The tiles of @area, each a node of its own, those of the last frame that still show the same
 * kept.
 * Returns FALSE, appending nothing, when the frame is to be drawn directly (the first at a
 * zoom: see PlanoTiles). */
gboolean
_plano_canvas_nodes_append_tiles (PlanoCanvas              *self,
                                  GtkSnapshot              *snapshot,
                                  const PlanoRect          *area,
                                  const PlanoRenderOptions *options)
{
  PlanoCanvasNodes *nodes = get_nodes (self);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  Tiles tiles = {
    snapshot, nodes->tiles,
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                           (GDestroyNotify) gsk_render_node_unref),
  };

  if (!plano_tiles_foreach (self->tiles, area, options, scale, append_tile, &tiles))
    {
      g_hash_table_unref (tiles.nodes);
      return FALSE;
    }

  g_hash_table_unref (nodes->tiles);
  nodes->tiles = tiles.nodes;
  return TRUE;
}

static gboolean
prepare_tiles_cb (gpointer user_data)
{
  PlanoCanvas *self = user_data;
  PlanoRenderOptions options;
  PlanoRect area;

  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  _plano_canvas_get_view (self, &area, &options);
  if (self->tiles != NULL && plano_tiles_prepare (self->tiles, &area, &options, scale, 1))
    return G_SOURCE_CONTINUE;

  self->nodes->prepare_source = 0;
  return G_SOURCE_REMOVE;
}

/* After a frame drawn directly, the tiles of the view are drawn while the canvas is idle, one
 * at a time, so that the frame after it, when the pointer first moves over the board, copies
 * them rather than drawing them all. */
void
_plano_canvas_nodes_prepare_tiles (PlanoCanvas *self)
{
  PlanoCanvasNodes *nodes = get_nodes (self);

  if (nodes->prepare_source == 0)
    nodes->prepare_source = g_idle_add_full (G_PRIORITY_LOW, prepare_tiles_cb, self, NULL);
}

/* A cairo node at @x, @y, @w × @h that paints what @recording holds there. */
static void
append_recorded (GtkSnapshot     *snapshot,
                 cairo_surface_t *recording,
                 double           x,
                 double           y,
                 double           w,
                 double           h)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, w, h));

  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
}

/* Ink over an area larger than this (logical pixels) is split among nodes of its own. */
#define SPLIT_INK  (256.0 * 256.0)
/* The cells the split works with: each node covers whole cells. */
#define INK_CELL   8

typedef struct
{
  int first, last;    /* columns */
  int top;            /* the row it started on */
} Run;

/* The cells of the view, @columns × @rows, each the number of the patch of ink it belongs to
 * (from 1), or 0. */
typedef struct
{
  int  columns, rows;
  int *patch;
} Cells;

/* Nodes for the cells of patch @p, in @top to @bottom: runs along each row, those with the same
 * columns on the rows below merged into one. */
static void
append_runs (GtkSnapshot     *snapshot,
             cairo_surface_t *recording,
             const Cells     *cells,
             int              p,
             int              top,
             int              bottom)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (Run));

  for (int row = top; row <= bottom + 1; row++)
    {
      int column = 0;

      g_array_set_size (next, 0);
      while (row <= bottom && column < cells->columns)
        {
          Run run = { column, column, row };

          if (cells->patch[row * cells->columns + column] != p)
            {
              column++;
              continue;
            }
          while (run.last + 1 < cells->columns &&
                 cells->patch[row * cells->columns + run.last + 1] == p)
            run.last++;
          column = run.last + 1;

          for (guint i = 0; i < open->len; i++)
            {
              Run *above = &g_array_index (open, Run, i);

              if (above->first == run.first && above->last == run.last)
                {
                  run.top = above->top;
                  above->first = -1;
                  break;
                }
            }
          g_array_append_val (next, run);
        }

      /* The runs that stop above this row. */
      for (guint i = 0; i < open->len; i++)
        {
          const Run *run = &g_array_index (open, Run, i);

          if (run->first >= 0)
            append_recorded (snapshot, recording, run->first * INK_CELL, run->top * INK_CELL,
                             (run->last - run->first + 1) * INK_CELL, (row - run->top) * INK_CELL);
        }
      g_array_set_size (open, 0);
      g_array_append_vals (open, next->data, next->len);
    }
}

/* What @draw draws in view coordinates, as cairo nodes as large as its ink: recorded first, so
 * that its bounds are known. GTK draws a changed cairo node again over all of its bounds, so
 * ink spread over the canvas (a guide across it, and the selection far from it) goes in
 * several nodes. The view is cut in cells of 8 × 8 logical pixels, and those with ink or ink
 * beside them are found by drawing the recording eight times smaller; each patch of such cells
 * that touch is a node over its bounds, or when it fills little of them (guides that cross),
 * nodes over runs of its cells. */
void
_plano_canvas_nodes_append_drawn (PlanoCanvas          *self,
                                  GtkSnapshot          *snapshot,
                                  PlanoCanvasDrawFunc   draw,
                                  gpointer              user_data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (recording);
  Cells cells = { (width + INK_CELL - 1) / INK_CELL, (height + INK_CELL - 1) / INK_CELL, NULL };
  g_autofree int *stack = NULL;
  cairo_surface_t *mask;
  const guint8 *data;
  double x, y, w, h;
  int n_patches = 0, stride;

  draw (self, cr, user_data);
  cairo_destroy (cr);

  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  if (w <= 0 || h <= 0)
    {
      cairo_surface_destroy (recording);
      return;
    }

  if (w * h <= SPLIT_INK)
    {
      /* Whole logical pixels around the ink, which antialiasing may reach. */
      double x0 = floor (x) - 1, y0 = floor (y) - 1;

      append_recorded (snapshot, recording, x0, y0, ceil (x + w) + 1 - x0, ceil (y + h) + 1 - y0);
      cairo_surface_destroy (recording);
      return;
    }

  mask = cairo_image_surface_create (CAIRO_FORMAT_A8, cells.columns, cells.rows);
  cr = cairo_create (mask);
  cairo_scale (cr, 1.0 / INK_CELL, 1.0 / INK_CELL);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (mask);

  /* The cells with ink, and their neighbours, which the ink's antialiasing may reach: -1. */
  cells.patch = g_new0 (int, (gsize) cells.columns * cells.rows);
  data = cairo_image_surface_get_data (mask);
  stride = cairo_image_surface_get_stride (mask);
  for (int row = 0; row < cells.rows; row++)
    for (int column = 0; column < cells.columns; column++)
      if (data[row * stride + column] != 0)
        for (int r = MAX (row - 1, 0); r <= MIN (row + 1, cells.rows - 1); r++)
          for (int c = MAX (column - 1, 0); c <= MIN (column + 1, cells.columns - 1); c++)
            cells.patch[r * cells.columns + c] = -1;
  cairo_surface_destroy (mask);

  /* Each patch of cells that touch, found by filling from each cell not yet in one. */
  stack = g_new (int, (gsize) cells.columns * cells.rows);
  for (int start = 0; start < cells.columns * cells.rows; start++)
    {
      int left = cells.columns, right = -1, top = cells.rows, bottom = -1;
      int n = 0, count = 0;

      if (cells.patch[start] != -1)
        continue;

      cells.patch[start] = ++n_patches;
      stack[n++] = start;
      while (n > 0)
        {
          int cell = stack[--n];
          int row = cell / cells.columns, column = cell % cells.columns;

          count++;
          left = MIN (left, column), right = MAX (right, column);
          top = MIN (top, row), bottom = MAX (bottom, row);
          for (int r = MAX (row - 1, 0); r <= MIN (row + 1, cells.rows - 1); r++)
            for (int c = MAX (column - 1, 0); c <= MIN (column + 1, cells.columns - 1); c++)
              if (cells.patch[r * cells.columns + c] == -1)
                {
                  cells.patch[r * cells.columns + c] = n_patches;
                  stack[n++] = r * cells.columns + c;
                }
        }

      if (4 * count >= (right - left + 1) * (bottom - top + 1))
        append_recorded (snapshot, recording, left * INK_CELL, top * INK_CELL,
                         (right - left + 1) * INK_CELL, (bottom - top + 1) * INK_CELL);
      else
        append_runs (snapshot, recording, &cells, n_patches, top, bottom);
    }

  g_free (cells.patch);
  cairo_surface_destroy (recording);
}
