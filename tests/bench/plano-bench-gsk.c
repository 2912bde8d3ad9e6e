/* plano-bench-gsk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which render nodes the canvas should hand GTK, measured (docs/performance.md). For the boards
 * of plano-bench, a 1920 × 1080 view with the whole board in it and one at 100 %, at device
 * scales 1 and 2, it times a frame through each of GTK's renderers (GSK_RENDERER decides, as in
 * the app: cairo or gl), both the snapshot and the rendering, in three ways:
 *
 *   tiles   what the canvas does: the board in tiles (PlanoTiles), each tile a cairo node kept
 *           from frame to frame while its picture is the same;
 *   frame   what the canvas did before: one cairo node of the whole view, the tiles painted in;
 *   items   the board as render nodes of GTK's own, item by item, from the same laid-out
 *           items and through the renderer's painter interface: a component's card a rounded
 *           colour and border node, text a text node, and what GTK 4.8 has no node for (a
 *           connection's dashed line, an arrowhead, an icon's strokes) a cairo node each.
 *
 * Each way is timed for a whole frame (the first at a place, or a pan, where everything is
 * drawn) and for the frame after one motion event of a drag, where GTK draws again only where
 * the new nodes differ from the last frame's: it is rendered clipped to that region, as GTK's
 * cairo renderer does. The GL renderer here is Mesa's llvmpipe, on the CPU.
 *
 *   plano-bench-gsk [--quick] [--sizes=200,10000] [--runs=N] [--all-cores]
 *
 * With --quick it runs once on a small board, as a test that keeps it working.
 */

#define _GNU_SOURCE   /* sched_setaffinity */

#include "config.h"

#include <math.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <gtk/gtk.h>

#include "plano-bench-gen.h"
#include "plano-history.h"
#include "plano-render-private.h"
#include "plano-tiles.h"

#define SEED 20261125

static gboolean quick;
static int runs = 5;
static char *sizes_arg;
static gboolean all_cores;

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return samples->len % 2 ? g_array_index (samples, double, samples->len / 2)
                          : (g_array_index (samples, double, samples->len / 2 - 1) +
                             g_array_index (samples, double, samples->len / 2)) / 2;
}

/* The items as GTK's render nodes: a painter that appends to a GtkSnapshot. Paths are kept in
 * a cairo context of their own until they are filled or stroked; a path that is one rounded
 * rectangle becomes a colour node in a rounded clip, or a border node, anything else a cairo
 * node as large as what it draws. */
typedef struct
{
  Painter      painter;
  GtkSnapshot *snapshot;
  cairo_t     *path;          /* where the path is built */
  gboolean     one_rect;      /* the path is the one rounded rectangle below */
  int          n_ops;
  double       rect[5];       /* x, y, w, h, radius */
} NodePainter;

static void
np_op (NodePainter *np)
{
  np->n_ops++;
  np->one_rect = FALSE;
}

static void
np_move_to (Painter *p, double x, double y)
{
  np_op ((NodePainter *) p);
  cairo_move_to (((NodePainter *) p)->path, x, y);
}

static void
np_line_to (Painter *p, double x, double y)
{
  np_op ((NodePainter *) p);
  cairo_line_to (((NodePainter *) p)->path, x, y);
}

static void
np_curve_to (Painter *p, double x1, double y1, double x2, double y2, double x, double y)
{
  np_op ((NodePainter *) p);
  cairo_curve_to (((NodePainter *) p)->path, x1, y1, x2, y2, x, y);
}

static void
np_close_path (Painter *p)
{
  NodePainter *np = (NodePainter *) p;
  gboolean one_rect = np->one_rect;

  np_op (np);
  np->one_rect = one_rect;
  cairo_close_path (np->path);
}

static void
np_circle (Painter *p, double cx, double cy, double r)
{
  NodePainter *np = (NodePainter *) p;

  np_op (np);
  cairo_new_sub_path (np->path);
  cairo_arc (np->path, cx, cy, r, 0, 2 * G_PI);
  cairo_close_path (np->path);
}

static void
np_rounded_rect (Painter *p, double x, double y, double w, double h, double r)
{
  NodePainter *np = (NodePainter *) p;
  int n_ops = np->n_ops;

  np_op (np);
  np->one_rect = n_ops == 0;
  np->rect[0] = x, np->rect[1] = y, np->rect[2] = w, np->rect[3] = h;
  np->rect[4] = MIN (r, MIN (w, h) / 2);
  cairo_rectangle (np->path, x, y, w, h);
}

static void
clear_path (NodePainter *np)
{
  cairo_new_path (np->path);
  np->n_ops = 0;
  np->one_rect = FALSE;
}

static GdkRGBA
rgba (const Color *c)
{
  return (GdkRGBA) { c->r, c->g, c->b, c->a };
}

/* The path as a cairo node that fills or strokes it. */
static void
append_path_node (NodePainter  *np,
                  const Color  *color,
                  double        width,
                  const double *dash,
                  int           n_dash,
                  double        dash_offset)
{
  cairo_path_t *path = cairo_copy_path (np->path);
  double x1, y1, x2, y2;
  cairo_t *cr;

  if (width > 0)
    {
      cairo_set_line_width (np->path, width);
      cairo_stroke_extents (np->path, &x1, &y1, &x2, &y2);
    }
  else
    cairo_fill_extents (np->path, &x1, &y1, &x2, &y2);

  if (x2 > x1 && y2 > y1)
    {
      cr = gtk_snapshot_append_cairo (np->snapshot, &GRAPHENE_RECT_INIT (x1 - 1, y1 - 1, x2 - x1 + 2, y2 - y1 + 2));
      cairo_append_path (cr, path);
      cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
      if (width > 0)
        {
          cairo_set_line_width (cr, width);
          cairo_set_line_cap (cr, n_dash > 0 || np->painter.coarse ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
          cairo_set_line_join (cr, np->painter.coarse ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_ROUND);
          cairo_set_dash (cr, dash, n_dash, dash_offset);
          if (np->painter.coarse)
            cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
      cairo_destroy (cr);
    }
  cairo_path_destroy (path);
}

static GskRoundedRect
rounded (const double rect[5],
         double       grow)
{
  GskRoundedRect r;
  double radius = MAX (rect[4] + grow, 0);

  gsk_rounded_rect_init_from_rect (&r, &GRAPHENE_RECT_INIT (rect[0] - grow, rect[1] - grow,
                                                           rect[2] + 2 * grow, rect[3] + 2 * grow), radius);
  return r;
}

static void
np_fill (Painter *p, const Color *color, gboolean preserve)
{
  NodePainter *np = (NodePainter *) p;
  GdkRGBA c = rgba (color);

  if (color->a > 0 && np->one_rect)
    {
      GskRoundedRect r = rounded (np->rect, 0);

      gtk_snapshot_push_rounded_clip (np->snapshot, &r);
      gtk_snapshot_append_color (np->snapshot, &c, &r.bounds);
      gtk_snapshot_pop (np->snapshot);
    }
  else if (color->a > 0)
    append_path_node (np, color, 0, NULL, 0, 0);

  if (!preserve)
    clear_path (np);
}

static void
np_stroke (Painter *p, const Color *color, double width, const double *dash, int n_dash)
{
  NodePainter *np = (NodePainter *) p;

  if (color->a > 0 && width > 0 && np->one_rect && n_dash == 0)
    {
      /* A border lies inside its outline; a stroke straddles the path. */
      GskRoundedRect r = rounded (np->rect, width / 2);
      float widths[4] = { width, width, width, width };
      GdkRGBA colors[4] = { rgba (color), rgba (color), rgba (color), rgba (color) };

      gtk_snapshot_append_border (np->snapshot, &r, widths, colors);
    }
  else if (color->a > 0 && width > 0)
    append_path_node (np, color, width, dash, n_dash, p->dash_offset);

  clear_path (np);
}

static void
np_text (Painter *p, PangoLayout *layout, double x, double y, const Color *color)
{
  NodePainter *np = (NodePainter *) p;
  GdkRGBA c = rgba (color);

  gtk_snapshot_save (np->snapshot);
  gtk_snapshot_translate (np->snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (np->snapshot, layout, &c);
  gtk_snapshot_restore (np->snapshot);
}

static void
np_begin_item (Painter *p, const char *id, const char *title)
{
}

static void
np_end_item (Painter *p)
{
}

/* The nodes of the board in @area, in canvas units. */
static GskRenderNode *
item_nodes (PlanoRenderer            *renderer,
            const PlanoRect          *area,
            const PlanoRenderOptions *options)
{
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  NodePainter np = {
    {
      np_move_to, np_line_to, np_curve_to, np_close_path, np_circle, np_rounded_rect,
      np_fill, np_stroke, np_text, np_begin_item, np_end_item, FALSE, FALSE,
    },
    gtk_snapshot_new (),
    cairo_create (scratch),
  };

  plano_renderer_paint (renderer, &np.painter, area, options);
  cairo_destroy (np.path);
  cairo_surface_destroy (scratch);
  return gtk_snapshot_free_to_node (np.snapshot);
}

/* The tiles' picture kept as the canvas keeps it (plano-canvas-nodes.c): a cairo node a tile,
 * made again only when the tile's serial is new. */
typedef struct
{
  GtkSnapshot *snapshot;
  GHashTable  *before;
  GHashTable  *now;
} TileNodes;

static void
append_tile (cairo_surface_t *surface,
             guint64          serial,
             double           x,
             double           y,
             double           size,
             gpointer         user_data)
{
  TileNodes *tiles = user_data;
  GskRenderNode *node = g_hash_table_lookup (tiles->before, &serial);

  if (node == NULL)
    {
      cairo_t *cr;

      node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, size, size));
      cr = gsk_cairo_node_get_draw_context (node);
      cairo_scale (cr, size / cairo_image_surface_get_width (surface), size / cairo_image_surface_get_height (surface));
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  else
    gsk_render_node_ref (node);

  g_hash_table_replace (tiles->now, g_memdup2 (&serial, sizeof serial), node);
  gtk_snapshot_save (tiles->snapshot);
  gtk_snapshot_translate (tiles->snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_node (tiles->snapshot, node);
  gtk_snapshot_restore (tiles->snapshot);
}

typedef enum
{
  WAY_TILES,
  WAY_FRAME,
  WAY_ITEMS,
  N_WAYS
} Way;

static const char *way_names[N_WAYS] = { "tiles", "frame", "items" };

typedef struct
{
  Way            way;
  PlanoRenderer *renderer;
  PlanoTiles    *tiles;
  GHashTable    *tile_nodes;   /* serial → node, of the last frame */
  PlanoRect      area;
  double         zoom;
  int            device_scale;
} View;

/* A frame of @view, in view coordinates (logical pixels). */
static GskRenderNode *
snapshot_view (View *view)
{
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, view->zoom, FALSE, NULL, NULL };
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, view->area.w * view->zoom, view->area.h * view->zoom);
  GdkRGBA background = { 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0, 1 };

  gtk_snapshot_append_color (snapshot, &background, &bounds);

  switch (view->way)
    {
    case WAY_TILES:
      {
        TileNodes tiles = {
          snapshot, view->tile_nodes,
          g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) gsk_render_node_unref),
        };

        if (!plano_tiles_foreach (view->tiles, &view->area, &options, view->device_scale, append_tile, &tiles))
          g_error ("the tiles are not ready");
        g_hash_table_unref (view->tile_nodes);
        view->tile_nodes = tiles.now;
      }
      break;

    case WAY_FRAME:
      {
        cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

        plano_tiles_draw (view->tiles, cr, &view->area, &options, view->device_scale);
        cairo_destroy (cr);
      }
      break;

    case WAY_ITEMS:
      {
        GskRenderNode *items = item_nodes (view->renderer, &view->area, &options);

        gtk_snapshot_push_clip (snapshot, &bounds);
        gtk_snapshot_scale (snapshot, view->zoom, view->zoom);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-view->area.x, -view->area.y));
        if (items != NULL)
          gtk_snapshot_append_node (snapshot, items);
        gtk_snapshot_pop (snapshot);
        g_clear_pointer (&items, gsk_render_node_unref);
      }
      break;

    case N_WAYS:
    default:
      g_assert_not_reached ();
    }

  return gtk_snapshot_free_to_node (snapshot);
}

/* Renders @node as a window's frame at @device_scale pixels a logical pixel would, where
 * @clip says (everything when NULL), and waits for the pixels. */
static void
render (GskRenderer          *renderer,
        GskRenderNode        *node,
        const View           *view,
        const cairo_region_t *clip)
{
  double w = view->area.w * view->zoom, h = view->area.h * view->zoom;
  g_autoptr(GskRenderNode) scaled = view->device_scale == 1 ? gsk_render_node_ref (node) :
                                     gsk_transform_node_new (node, gsk_transform_scale (NULL, view->device_scale,
                                                                                        view->device_scale));
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;

  if (GSK_IS_CAIRO_RENDERER (renderer))
    {
      /* As GskCairoRenderer renders a window's frame: clipped to what changed. */
      cairo_t *cr;

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w * view->device_scale),
                                            (int) (h * view->device_scale));
      cr = cairo_create (surface);
      if (clip != NULL)
        {
          cairo_scale (cr, view->device_scale, view->device_scale);
          gdk_cairo_region (cr, clip);
          cairo_clip (cr);
          cairo_identity_matrix (cr);
        }
      gsk_render_node_draw (scaled, cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return;
    }

  /* The GL renderer draws whole frames; the download waits for it. */
  texture = gsk_renderer_render_texture (renderer, scaled,
                                         &GRAPHENE_RECT_INIT (0, 0, w * view->device_scale, h * view->device_scale));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (texture),
                                        gdk_texture_get_height (texture));
  gdk_texture_download (texture, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
}

/* The region of the view where two frames differ, as GTK finds it (gsk_render_node_diff()): a
 * node that is the same object, or a colour, border or text node with the same values, is
 * unchanged; a cairo node is unchanged only if it is the same object. */
static void
add_bounds (GskRenderNode  *node,
            GskTransform   *transform,
            cairo_region_t *region)
{
  graphene_rect_t r;

  gsk_render_node_get_bounds (node, &r);
  gsk_transform_transform_bounds (transform, &r, &r);
  cairo_region_union_rectangle (region, &(cairo_rectangle_int_t) {
    (int) floor (r.origin.x), (int) floor (r.origin.y),
    (int) ceil (r.origin.x + r.size.width) - (int) floor (r.origin.x),
    (int) ceil (r.origin.y + r.size.height) - (int) floor (r.origin.y) });
}

static gboolean
same_values (GskRenderNode *a,
             GskRenderNode *b)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (a);
  graphene_rect_t ra, rb;

  gsk_render_node_get_bounds (a, &ra);
  gsk_render_node_get_bounds (b, &rb);
  if (!graphene_rect_equal (&ra, &rb))
    return FALSE;

  if (type == GSK_COLOR_NODE)
    return gdk_rgba_equal (gsk_color_node_get_color (a), gsk_color_node_get_color (b));
  if (type == GSK_BORDER_NODE)
    return memcmp (gsk_border_node_get_outline (a), gsk_border_node_get_outline (b), sizeof (GskRoundedRect)) == 0 &&
           memcmp (gsk_border_node_get_widths (a), gsk_border_node_get_widths (b), 4 * sizeof (float)) == 0 &&
           memcmp (gsk_border_node_get_colors (a), gsk_border_node_get_colors (b), 4 * sizeof (GdkRGBA)) == 0;
  if (type == GSK_TEXT_NODE)
    {
      guint n = gsk_text_node_get_num_glyphs (a);

      return gsk_text_node_get_font (a) == gsk_text_node_get_font (b) && n == gsk_text_node_get_num_glyphs (b) &&
             gdk_rgba_equal (gsk_text_node_get_color (a), gsk_text_node_get_color (b)) &&
             graphene_point_equal (gsk_text_node_get_offset (a), gsk_text_node_get_offset (b)) &&
             memcmp (gsk_text_node_get_glyphs (a, NULL), gsk_text_node_get_glyphs (b, NULL),
                     n * sizeof (PangoGlyphInfo)) == 0;
    }

  return FALSE;
}

static void
add_changed (GskRenderNode  *a,
             GskRenderNode  *b,
             GskTransform   *transform,
             cairo_region_t *region)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (a);

  if (a == b)
    return;

  if (type == gsk_render_node_get_node_type (b))
    {
      if (type == GSK_CONTAINER_NODE &&
          gsk_container_node_get_n_children (a) == gsk_container_node_get_n_children (b))
        {
          for (guint i = 0; i < gsk_container_node_get_n_children (a); i++)
            add_changed (gsk_container_node_get_child (a, i), gsk_container_node_get_child (b, i), transform, region);
          return;
        }
      if (type == GSK_TRANSFORM_NODE &&
          gsk_transform_equal (gsk_transform_node_get_transform (a), gsk_transform_node_get_transform (b)))
        {
          g_autoptr(GskTransform) inner = gsk_transform_transform (gsk_transform_ref (transform),
                                                                   gsk_transform_node_get_transform (a));

          add_changed (gsk_transform_node_get_child (a), gsk_transform_node_get_child (b), inner, region);
          return;
        }
      if (type == GSK_CLIP_NODE &&
          graphene_rect_equal (gsk_clip_node_get_clip (a), gsk_clip_node_get_clip (b)))
        {
          add_changed (gsk_clip_node_get_child (a), gsk_clip_node_get_child (b), transform, region);
          return;
        }
      if (type == GSK_ROUNDED_CLIP_NODE &&
          memcmp (gsk_rounded_clip_node_get_clip (a), gsk_rounded_clip_node_get_clip (b), sizeof (GskRoundedRect)) == 0)
        {
          add_changed (gsk_rounded_clip_node_get_child (a), gsk_rounded_clip_node_get_child (b), transform, region);
          return;
        }
      if (same_values (a, b))
        return;
    }

  add_bounds (a, transform, region);
  add_bounds (b, transform, region);
}

static void
measure (GskRenderer *gsk,
         PlanoBoard  *board,
         guint        n_nodes,
         gboolean     fit,
         int          device_scale)
{
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  g_autofree char *id = g_strdup (plano_board_get_item (board, PLANO_ITEM_NODE,
                                                        plano_board_get_n_items (board, PLANO_ITEM_NODE) / 2)->id);
  const char *ids[] = { id, NULL };
  PlanoRect bounds, area;
  double zoom = 1;

  plano_renderer_get_bounds (renderer, &bounds);
  if (fit)
    {
      zoom = MIN (1920 / bounds.w, 1080 / bounds.h);
      area = (PlanoRect) { bounds.x + bounds.w / 2 - 960 / zoom, bounds.y + bounds.h / 2 - 540 / zoom,
                           1920 / zoom, 1080 / zoom };
    }
  else
    {
      const PlanoNode *node = plano_board_lookup_node (board, id);

      area = (PlanoRect) { node->x + node->w / 2 - 960, node->y + node->h / 2 - 540, 1920, 1080 };
    }

  for (Way way = 0; way < N_WAYS; way++)
    {
      g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) drag = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(PlanoHistory) history = plano_history_new (board);
      View view = { way, renderer, plano_tiles_new (renderer),
                    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) gsk_render_node_unref),
                    area, zoom, device_scale };
      PlanoRenderOptions options = { PLANO_THEME_LIGHT, zoom, FALSE, NULL, NULL };
      GskRenderNode *last;

      /* The tiles made ready: the first frame at a zoom draws directly. */
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
        cairo_t *cr = cairo_create (surface);

        plano_tiles_draw (view.tiles, cr, &area, &options, device_scale);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }

      /* Whole frames: what a first frame, a pan or a window drawn again costs. The tiles are
       * drawn by then: this is copying them, or drawing the items. */
      for (int r = 0; r < runs + 1; r++)
        {
          gint64 start = now_ns ();
          GskRenderNode *node = snapshot_view (&view);
          double ms;

          render (gsk, node, &view, NULL);
          gsk_render_node_unref (node);
          ms = (now_ns () - start) / 1e6;
          if (r > 0)
            g_array_append_val (whole, ms);
        }

      /* A drag: a motion event, the frame's nodes, and what differs rendered. */
      last = snapshot_view (&view);
      plano_history_begin (history, "Move");
      for (int r = 0; r < MAX (runs * 4, 8); r++)
        {
          double step = (r % 20 < 10 ? 4 : -4) / zoom;
          gint64 start = now_ns ();
          cairo_region_t *changed = cairo_region_create ();
          GskRenderNode *node;
          double ms;

          if (!plano_board_move_items (board, ids, step, step / 2))
            g_error ("%s did not move", id);
          node = snapshot_view (&view);
          add_changed (last, node, NULL, changed);
          render (gsk, node, &view, changed);
          cairo_region_destroy (changed);
          gsk_render_node_unref (last);
          last = node;
          ms = (now_ns () - start) / 1e6;
          g_array_append_val (drag, ms);
        }
      plano_history_commit (history);
      plano_history_undo (history);
      gsk_render_node_unref (last);

      printf ("| %u | %s | %d | %s | %.2f | %.2f |\n", n_nodes, fit ? "whole board" : "100 %", device_scale,
              way_names[way], median (whole), median (drag));
      fflush (stdout);
      g_object_unref (view.tiles);
      g_hash_table_unref (view.tile_nodes);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— frames of the canvas through GTK's renderers");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sizes = NULL;
  GdkSurface *surface;
  GskRenderer *gsk;
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "A small board, one run: checks that it works", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure; the median is reported (default 5)", "N" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_arg, "Board sizes in components (default 200,10000)", "LIST" },
    { "all-cores", 0, 0, G_OPTION_ARG_NONE, &all_cores, "Use every CPU", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("plano-bench-gsk: %s\n", error->message);
      return 2;
    }
  runs = quick ? 1 : CLAMP (runs, 1, 1000);

  if (!all_cores)
    {
      cpu_set_t set;

      /* The last CPU it may use, as plano-bench. */
      if (sched_getaffinity (0, sizeof set, &set) == 0)
        for (int i = CPU_SETSIZE - 1; i >= 0; i--)
          if (CPU_ISSET (i, &set))
            {
              CPU_ZERO (&set);
              CPU_SET (i, &set);
              sched_setaffinity (0, sizeof set, &set);
              break;
            }
    }

  gtk_init ();
  surface = gdk_surface_new_toplevel (gdk_display_get_default ());
  gsk = gsk_renderer_new_for_surface (surface);
  if (gsk == NULL)
    g_error ("no renderer for GSK_RENDERER=%s", g_getenv ("GSK_RENDERER"));

  printf ("Renderer: %s\n\n| components | view | device scale | nodes | whole frame (ms) | drag frame (ms) |\n"
          "|---:|---|---:|---|---:|---:|\n", G_OBJECT_TYPE_NAME (gsk));
  sizes = g_strsplit (sizes_arg != NULL ? sizes_arg : quick ? "50" : "200,10000", ",", -1);
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint n = (guint) g_ascii_strtoull (sizes[i], NULL, 10);
      g_autoptr(PlanoBoard) board = plano_bench_generate (n, SEED);

      for (int scale = 1; scale <= (quick ? 1 : 2); scale++)
        {
          measure (gsk, board, n, TRUE, scale);
          measure (gsk, board, n, FALSE, scale);
        }
    }

  gsk_renderer_unrealize (gsk);
  g_object_unref (gsk);
  gdk_surface_destroy (surface);
  return 0;
}
