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

/* What @draw draws in view coordinates, as a cairo node as large as its ink: recorded first,
 * so that its bounds are known. */
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
  double x, y, w, h;

  draw (self, cr, user_data);
  cairo_destroy (cr);

  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  if (w > 0 && h > 0)
    {
      graphene_rect_t bounds;

      /* Whole logical pixels around the ink, which antialiasing may reach. */
      bounds.origin.x = floor (x) - 1;
      bounds.origin.y = floor (y) - 1;
      bounds.size.width = ceil (x + w) + 1 - bounds.origin.x;
      bounds.size.height = ceil (y + h) + 1 - bounds.origin.y;
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }

  cairo_surface_destroy (recording);
}
