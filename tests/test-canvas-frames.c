/* test-canvas-frames.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas's frames under Xvfb, rendered by GTK's cairo renderer: the board on the canvas is
 * the picture the exports' painter makes, and a frame of a drag gives GTK new nodes only for
 * the tiles the drag touched, so that GTK draws only those again.
 */

#include "config.h"

#include <math.h>

#include "plano-test-utils.h"

#include "plano-bench-gen.h"
#include "plano-canvas-private.h"

#define VIEW_W 900
#define VIEW_H 600

/* Pixels that may differ by more than a few levels between the canvas and the painter: where a
 * connection is cut at a tile's edge, cairo 1.18 (Debian 13) puts the coverage of the cut a
 * little differently from 1.16, on a handful of pixels. */
#define MAX_STRAY_PIXELS 12

typedef struct
{
  GtkWidget    *window;
  PlanoCanvas  *canvas;
  PlanoBoard   *board;
  PlanoHistory *history;
  GskRenderer  *renderer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->board = plano_bench_generate (200, 11);
  f->history = plano_history_new (f->board);
  f->canvas = PLANO_CANVAS (plano_canvas_new ());
  gtk_widget_set_size_request (GTK_WIDGET (f->canvas), VIEW_W, VIEW_H);
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->canvas));
  plano_canvas_set_history (f->canvas, f->history);
  plano_canvas_set_snap (f->canvas, FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  plano_test_iterate ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->canvas)), ==, VIEW_W);

  f->renderer = gsk_cairo_renderer_new ();
  g_assert_true (gsk_renderer_realize (f->renderer, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gsk_renderer_unrealize (f->renderer);
  g_clear_object (&f->renderer);
  gtk_window_destroy (GTK_WINDOW (f->window));
  plano_test_iterate ();
  g_clear_object (&f->history);
  g_assert_finalize_object (f->board);
}

/* A new frame of @canvas: what its snapshot gives GTK, in its own coordinates. */
static GskRenderNode *
snapshot_canvas (PlanoCanvas *canvas)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* @node's pixels, as GTK's cairo renderer draws them. */
static cairo_surface_t *
render (Fixture       *f,
        GskRenderNode *node)
{
  g_autoptr(GdkTexture) texture = gsk_renderer_render_texture (f->renderer, node,
                                                               &GRAPHENE_RECT_INIT (0, 0, VIEW_W, VIEW_H));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_W, VIEW_H);

  gdk_texture_download (texture, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* The cairo nodes of @node's tree that are tiles: 256 device pixels square, at the origin of
 * their own coordinates. */
static void
collect_tiles (GskRenderNode *node,
               GPtrArray     *tiles)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);
  graphene_rect_t bounds;

  if (type == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      collect_tiles (gsk_container_node_get_child (node, i), tiles);
  else if (type == GSK_TRANSFORM_NODE)
    collect_tiles (gsk_transform_node_get_child (node), tiles);
  else if (type == GSK_CLIP_NODE)
    collect_tiles (gsk_clip_node_get_child (node), tiles);
  else if (type == GSK_ROUNDED_CLIP_NODE)
    collect_tiles (gsk_rounded_clip_node_get_child (node), tiles);
  else if (type == GSK_CAIRO_NODE)
    {
      gsk_render_node_get_bounds (node, &bounds);
      if (bounds.origin.x == 0 && bounds.origin.y == 0 && bounds.size.width == 256 && bounds.size.height == 256)
        g_ptr_array_add (tiles, node);
    }
}

/* The board as the canvas shows it, drawn by the exports' painter over the canvas's
 * background and grid, from the corner the canvas draws from. */
static cairo_surface_t *
draw_expected (Fixture *f)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_W, VIEW_H);
  cairo_t *cr = cairo_create (surface);
  double zoom = plano_canvas_get_zoom (f->canvas);
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, zoom, FALSE, NULL, f->canvas->hover, FALSE };
  double x, y;

  if (g_hash_table_size (f->canvas->selection) > 0)
    options.selected = f->canvas->selection;

  cairo_set_source_rgb (cr, 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0);
  cairo_paint (cr);
  _plano_canvas_draw_grid (f->canvas, cr, VIEW_W, VIEW_H);

  plano_canvas_widget_to_canvas (f->canvas, 0, 0, &x, &y);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -x, -y);
  plano_renderer_draw (plano_canvas_get_renderer (f->canvas), cr,
                       &(PlanoRect) { x, y, VIEW_W / zoom + 1, VIEW_H / zoom + 1 }, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The canvas shows the picture the exports' painter draws, with the ring around the component
 * under the pointer, whether its frame was drawn directly (the first at a zoom) or from tiles;
 * a connection cut at a tile's edge may differ by a few levels of antialiasing, as in
 * test-tiles, and on a handful of pixels by more (MAX_STRAY_PIXELS). (A selection would add the
 * handles, which only the canvas draws.) */
static void
test_same_as_renderer (Fixture       *f,
                       gconstpointer  data)
{
  static const double zooms[] = { 1, 0.6 };

  f->canvas->hover = g_strdup (plano_board_get_item (f->board, PLANO_ITEM_NODE, 20)->id);
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      plano_canvas_set_zoom (f->canvas, zooms[z]);
      plano_canvas_reveal (f->canvas, plano_board_get_item (f->board, PLANO_ITEM_NODE, 20)->id);

      for (guint frame = 0; frame < 3; frame++)
        {
          g_autoptr(GskRenderNode) node = snapshot_canvas (f->canvas);
          cairo_surface_t *canvas = render (f, node);
          cairo_surface_t *expected = draw_expected (f);

          g_test_message ("zoom %g, frame %u: %u pixels differ by more than 8, %u by more than 48",
                          zooms[z], frame, plano_test_count_differences (canvas, expected, 8, NULL),
                          plano_test_count_differences (canvas, expected, 48, NULL));
          g_assert_cmpuint (plano_test_count_differences (canvas, expected, 48, NULL), <=, MAX_STRAY_PIXELS);
          g_assert_cmpuint (plano_test_count_differences (canvas, expected, 8, NULL), <, VIEW_W * VIEW_H / 1000);
          cairo_surface_destroy (canvas);
          cairo_surface_destroy (expected);
        }
    }
}

/* The cairo nodes of @node's tree that are not tiles. */
static void
collect_others (GskRenderNode *node,
                GPtrArray     *others)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);
  graphene_rect_t bounds;

  if (type == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      collect_others (gsk_container_node_get_child (node, i), others);
  else if (type == GSK_CLIP_NODE)
    collect_others (gsk_clip_node_get_child (node), others);
  else if (type == GSK_CAIRO_NODE)
    {
      gsk_render_node_get_bounds (node, &bounds);
      if (bounds.size.width < VIEW_W || bounds.size.height < VIEW_H)
        g_ptr_array_add (others, node);
    }
}

/* What is drawn over the board in places far apart goes to GTK in nodes of its own, each
 * small, so that GTK does not draw all that lies between them again when it changes: two
 * components selected at opposite corners of the view. The picture is the painter's, rings
 * and all. */
static void
test_overlay_split (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autofree char *first = NULL, *last = NULL;
  GskRenderNode *frame;
  cairo_surface_t *canvas, *expected;
  double x, y, area = 0;

  plano_canvas_set_zoom (f->canvas, 1);
  plano_canvas_reveal (f->canvas, plano_board_get_item (f->board, PLANO_ITEM_NODE, 20)->id);
  plano_canvas_widget_to_canvas (f->canvas, 0, 0, &x, &y);
  plano_renderer_query (plano_canvas_get_renderer (f->canvas), &(PlanoRect) { x, y, VIEW_W, VIEW_H }, ids);
  for (guint i = 0; i < ids->len; i++)
    {
      const PlanoNode *node = plano_board_lookup_node (f->board, g_ptr_array_index (ids, i));

      if (node == NULL || node->x < x + 10 || node->y < y + 10 ||
          node->x + node->w > x + VIEW_W - 10 || node->y + node->h > y + VIEW_H - 10)
        continue;
      if (first == NULL || node->x + node->y < plano_board_lookup_node (f->board, first)->x +
                                              plano_board_lookup_node (f->board, first)->y)
        {
          g_free (first);
          first = g_strdup (node->item.id);
        }
      if (last == NULL || node->x + node->y > plano_board_lookup_node (f->board, last)->x +
                                             plano_board_lookup_node (f->board, last)->y)
        {
          g_free (last);
          last = g_strdup (node->item.id);
        }
    }
  g_assert_nonnull (first);
  g_assert_cmpstr (first, !=, last);
  plano_canvas_select (f->canvas, first, FALSE);
  plano_canvas_select (f->canvas, last, TRUE);

  gsk_render_node_unref (snapshot_canvas (f->canvas));
  frame = snapshot_canvas (f->canvas);
  collect_others (frame, others);
  for (guint i = 0; i < others->len; i++)
    {
      graphene_rect_t bounds;

      gsk_render_node_get_bounds (g_ptr_array_index (others, i), &bounds);
      area += bounds.size.width * bounds.size.height;
    }
  g_test_message ("%u nodes over the board, %.0f pixels in all", others->len, area);
  g_assert_cmpuint (others->len, >=, 2);
  g_assert_cmpfloat (area, <, VIEW_W * VIEW_H / 4);

  canvas = render (f, frame);
  expected = draw_expected (f);
  g_test_message ("%u pixels differ by more than 8, %u by more than 48",
                  plano_test_count_differences (canvas, expected, 8, NULL), plano_test_count_differences (canvas, expected, 48, NULL));
  g_assert_cmpuint (plano_test_count_differences (canvas, expected, 48, NULL), <=, MAX_STRAY_PIXELS);
  g_assert_cmpuint (plano_test_count_differences (canvas, expected, 8, NULL), <, VIEW_W * VIEW_H / 1000);
  cairo_surface_destroy (canvas);
  cairo_surface_destroy (expected);
  gsk_render_node_unref (frame);
}

/* A drag's frames hand GTK the same node as before for every tile the drag did not touch, and
 * a new one for each tile drawn again; the picture after the drag is that of a canvas showing
 * the board for the first time, pixel for pixel. */
static void
test_drag_keeps_nodes (Fixture       *f,
                       gconstpointer  data)
{
  PlanoTiles *tiles = f->canvas->tiles;
  const PlanoNode *node = (const PlanoNode *) plano_board_get_item (f->board, PLANO_ITEM_NODE, 30);
  g_autofree char *id = g_strdup (node->item.id);
  double start_x = node->x;
  double wx, wy, ox, oy, x, y, fx, fy;
  g_autoptr(GskRenderNode) last = NULL;
  PlanoCanvas *fresh;
  cairo_surface_t *dragged, *expected;

  plano_canvas_set_zoom (f->canvas, 1);
  plano_canvas_reveal (f->canvas, id);
  g_clear_pointer (&last, gsk_render_node_unref);
  gsk_render_node_unref (snapshot_canvas (f->canvas));
  last = snapshot_canvas (f->canvas);

  plano_canvas_canvas_to_widget (f->canvas, node->x + 20, node->y + 20, &wx, &wy);
  plano_canvas_pointer_press (f->canvas, wx, wy, 0);
  for (guint motion = 1; motion <= 5; motion++)
    {
      g_autoptr(GPtrArray) before = g_ptr_array_new ();
      g_autoptr(GPtrArray) after = g_ptr_array_new ();
      guint drawn = plano_tiles_get_n_drawn (tiles);
      guint kept = 0;
      GskRenderNode *frame;

      plano_canvas_pointer_drag (f->canvas, motion * 7.0, motion * 3.0);
      frame = snapshot_canvas (f->canvas);
      drawn = plano_tiles_get_n_drawn (tiles) - drawn;

      collect_tiles (last, before);
      collect_tiles (frame, after);
      for (guint i = 0; i < after->len; i++)
        kept += g_ptr_array_find (before, g_ptr_array_index (after, i), NULL);

      g_test_message ("motion %u: %u of %u tiles drawn again, %u nodes kept", motion, drawn, after->len, kept);
      g_assert_cmpuint (after->len, >=, (VIEW_W / 256) * (VIEW_H / 256));
      g_assert_cmpuint (drawn, >, 0);
      g_assert_cmpuint (drawn, <, after->len / 2);
      g_assert_cmpuint (kept, ==, after->len - drawn);

      gsk_render_node_unref (last);
      last = frame;
    }
  plano_canvas_pointer_release (f->canvas, 35, 15);
  g_assert_cmpfloat (plano_board_lookup_node (f->board, id)->x, ==, start_x + 35);

  /* The frame after the drag, without the guides shown while it went on. */
  gsk_render_node_unref (last);
  last = snapshot_canvas (f->canvas);
  dragged = render (f, last);
  gsk_render_node_unref (g_steal_pointer (&last));
  ox = f->canvas->ox;
  oy = f->canvas->oy;
  plano_canvas_widget_to_canvas (f->canvas, 0, 0, &x, &y);

  /* The same view on a canvas of its own, which draws every tile for the first time. */
  fresh = PLANO_CANVAS (plano_canvas_new ());
  gtk_widget_set_size_request (GTK_WIDGET (fresh), VIEW_W, VIEW_H);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (fresh));
  f->canvas = fresh;
  plano_canvas_set_history (fresh, f->history);
  plano_test_iterate ();
  plano_canvas_set_zoom (fresh, 1);
  fresh->ox = ox;
  fresh->oy = oy;
  plano_canvas_select (fresh, id, FALSE);
  plano_canvas_widget_to_canvas (fresh, 0, 0, &fx, &fy);
  g_assert_cmpfloat (x, ==, fx);
  g_assert_cmpfloat (y, ==, fy);
  gsk_render_node_unref (snapshot_canvas (fresh));
  last = snapshot_canvas (fresh);
  expected = render (f, last);

  g_assert_cmpuint (plano_test_count_differences (dragged, expected, 0, NULL), ==, 0);
  cairo_surface_destroy (dragged);
  cairo_surface_destroy (expected);
}

/* The first frame at a zoom is drawn directly; the tiles are then drawn while the canvas is
 * idle, so that the next frame, when the pointer first moves, draws none. */
static void
test_tiles_drawn_ahead (Fixture       *f,
                        gconstpointer  data)
{
  PlanoTiles *tiles = f->canvas->tiles;
  g_autoptr(GPtrArray) direct = g_ptr_array_new ();
  g_autoptr(GPtrArray) from_tiles = g_ptr_array_new ();
  GskRenderNode *frame;
  guint drawn;

  /* No frames but the test's own. */
  gtk_widget_set_visible (f->window, FALSE);
  plano_test_iterate ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->canvas)), ==, VIEW_W);

  plano_canvas_set_zoom (f->canvas, 0.8);
  frame = snapshot_canvas (f->canvas);
  collect_tiles (frame, direct);
  gsk_render_node_unref (frame);
  g_assert_cmpuint (direct->len, ==, 0);

  drawn = plano_tiles_get_n_drawn (tiles);
  plano_test_iterate ();
  g_assert_cmpuint (plano_tiles_get_n_drawn (tiles) - drawn, >=, (VIEW_W / 256) * (VIEW_H / 256));

  drawn = plano_tiles_get_n_drawn (tiles);
  frame = snapshot_canvas (f->canvas);
  collect_tiles (frame, from_tiles);
  gsk_render_node_unref (frame);
  g_assert_cmpuint (from_tiles->len, >=, (VIEW_W / 256) * (VIEW_H / 256));
  g_assert_cmpuint (plano_tiles_get_n_drawn (tiles), ==, drawn);
}

int
main (int   argc,
      char *argv[])
{
  PlanoApplication *app = plano_test_init_app (&argc, &argv);
  int status;

  g_test_add ("/plano/canvas-frames/same-as-renderer", Fixture, NULL, fixture_set_up, test_same_as_renderer,
              fixture_tear_down);
  g_test_add ("/plano/canvas-frames/tiles-drawn-ahead", Fixture, NULL, fixture_set_up, test_tiles_drawn_ahead,
              fixture_tear_down);
  g_test_add ("/plano/canvas-frames/overlay-split", Fixture, NULL, fixture_set_up, test_overlay_split,
              fixture_tear_down);
  g_test_add ("/plano/canvas-frames/drag-keeps-nodes", Fixture, NULL, fixture_set_up, test_drag_keeps_nodes,
              fixture_tear_down);

  status = g_test_run ();
  plano_test_finish_app (app);

  return status;
}
