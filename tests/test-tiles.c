/* test-tiles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "plano-bench-gen.h"
#include "plano-board.h"
#include "plano-render.h"
#include "plano-tiles.h"

#define VIEW_W 900
#define VIEW_H 600

typedef struct
{
  PlanoBoard    *board;
  PlanoRenderer *renderer;
  PlanoTiles    *tiles;
  PlanoRect      bounds;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->board = plano_bench_generate (400, 7);
  f->renderer = plano_renderer_new (f->board);
  f->tiles = plano_tiles_new (f->renderer);
  g_assert_true (plano_renderer_get_bounds (f->renderer, &f->bounds));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->tiles);
  g_assert_finalize_object (f->renderer);
  g_assert_finalize_object (f->board);
}

/* A view of the canvas, drawn as the canvas draws it: from tiles, device_scale pixels a unit. */
static cairo_surface_t *
draw_tiled (Fixture                  *f,
            const PlanoRect          *view,
            const PlanoRenderOptions *options,
            int                       device_scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_W * device_scale,
                                                         VIEW_H * device_scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  cr = cairo_create (surface);
  plano_tiles_draw (f->tiles, cr, view, options, device_scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The same view drawn directly by the renderer, from the corner the tiles use. */
static cairo_surface_t *
draw_direct (Fixture                  *f,
             const PlanoRect          *view,
             const PlanoRenderOptions *options,
             int                       device_scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_W * device_scale,
                                                         VIEW_H * device_scale);
  double x, y;
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  cr = cairo_create (surface);
  plano_tiles_get_origin (f->tiles, view, options, device_scale, &x, &y);
  cairo_scale (cr, options->zoom, options->zoom);
  cairo_translate (cr, -x, -y);
  plano_renderer_draw (f->renderer, cr, &(PlanoRect) { x, y, view->w + 1, view->h + 1 }, options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Pixels whose channels differ by more than @tolerance; where, in @box if given. */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   int              tolerance,
                   PlanoRect       *box)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  guint n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = ((guint32 *) (cairo_image_surface_get_data (a) + y * stride))[x];
        guint32 q = ((guint32 *) (cairo_image_surface_get_data (b) + y * stride))[x];

        for (int shift = 0; shift < 32; shift += 8)
          if (ABS ((int) (p >> shift & 0xff) - (int) (q >> shift & 0xff)) > tolerance)
            {
              n++;
              x0 = MIN (x0, x), y0 = MIN (y0, y), x1 = MAX (x1, x + 1), y1 = MAX (y1, y + 1);
              break;
            }
      }
  if (box != NULL)
    *box = (PlanoRect) { x0, y0, x1 - x0, y1 - y0 };
  return n;
}

/* The same picture: a line cut to a tile's edge is rasterized from other end points than the
 * whole line, which moves its antialiasing by a few levels; nothing else may differ. */
static void
assert_same_picture (cairo_surface_t *tiled,
                     cairo_surface_t *direct)
{
  int n_pixels = cairo_image_surface_get_width (tiled) * cairo_image_surface_get_height (tiled);

  g_test_message ("%u pixels differ by more than 8, %u by more than 48",
                  count_differences (tiled, direct, 8, NULL), count_differences (tiled, direct, 48, NULL));
  g_assert_cmpuint (count_differences (tiled, direct, 48, NULL), <=, 4);
  g_assert_cmpuint (count_differences (tiled, direct, 8, NULL), <, n_pixels / 1000);
}

static PlanoRect
view_at (Fixture *f,
         double   fx,
         double   fy,
         double   zoom)
{
  return (PlanoRect) { f->bounds.x + fx * f->bounds.w, f->bounds.y + fy * f->bounds.h,
                       VIEW_W / zoom, VIEW_H / zoom };
}

/* From tiles, a view is the same picture the renderer draws, at any zoom and pixel density:
 * the first frame at a zoom is drawn directly, the next ones from tiles. */
static void
test_same_pixels (Fixture       *f,
                  gconstpointer  data)
{
  static const struct { double zoom; int device_scale; } cases[] = {
    { 1, 1 }, { 0.73, 1 }, { 1.5, 2 }, { 0.4, 1 }, { 0.1, 1 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      PlanoRenderOptions options = { PLANO_THEME_LIGHT, cases[c].zoom, TRUE, NULL, NULL, FALSE };
      /* Not on whole pixels: the tiles move the view onto them. */
      PlanoRect view = view_at (f, 0.313, 0.271, cases[c].zoom);
      guint drawn = plano_tiles_get_n_drawn (f->tiles);

      for (guint frame = 0; frame < 3; frame++)
        {
          cairo_surface_t *tiled = draw_tiled (f, &view, &options, cases[c].device_scale);
          cairo_surface_t *direct = draw_direct (f, &view, &options, cases[c].device_scale);

          g_test_message ("zoom %g, device scale %d, frame %u", cases[c].zoom, cases[c].device_scale, frame);
          assert_same_picture (tiled, direct);
          cairo_surface_destroy (tiled);
          cairo_surface_destroy (direct);

          /* Drawn directly, then tiles drawn, then tiles reused. */
          if (frame == 0)
            g_assert_cmpuint (plano_tiles_get_n_drawn (f->tiles), ==, drawn);
          else if (frame == 1)
            g_assert_cmpuint (plano_tiles_get_n_drawn (f->tiles), >, drawn);
          else
            g_assert_cmpuint (plano_tiles_get_n_drawn (f->tiles), ==, drawn);
          drawn = plano_tiles_get_n_drawn (f->tiles);
        }
    }
}

/* A transparent background, as the canvas draws its grid first: tiles blend like the items. */
static void
test_transparent (Fixture       *f,
                  gconstpointer  data)
{
  PlanoRenderOptions options = { PLANO_THEME_DARK, 0.8, FALSE, NULL, NULL, FALSE };
  PlanoRect view = view_at (f, 0.5, 0.5, 0.8);

  for (guint frame = 0; frame < 2; frame++)
    {
      cairo_surface_t *tiled = draw_tiled (f, &view, &options, 1);
      cairo_surface_t *direct = draw_direct (f, &view, &options, 1);

      assert_same_picture (tiled, direct);
      cairo_surface_destroy (tiled);
      cairo_surface_destroy (direct);
    }
}

/* The selection and the hover are drawn over the tiles, on every frame, around their items
 * only; the tiles themselves are not drawn again for them. */
static void
test_selection_over_tiles (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GHashTable) selected = g_hash_table_new (g_str_hash, g_str_equal);
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, TRUE, NULL, NULL, FALSE };
  PlanoRect view = view_at (f, 0.4, 0.4, 1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const PlanoNode *node = NULL;
  cairo_surface_t *plain, *with_selection;
  PlanoRect changed, expected;
  double x, y;
  guint drawn;

  plano_renderer_query (f->renderer, &(PlanoRect) { view.x + 100, view.y + 100, view.w - 200, view.h - 200 }, ids);
  for (guint i = 0; i < ids->len && node == NULL; i++)
    node = plano_board_lookup_node (f->board, g_ptr_array_index (ids, i));
  g_assert_nonnull (node);

  cairo_surface_destroy (draw_tiled (f, &view, &options, 1));
  plain = draw_tiled (f, &view, &options, 1);
  drawn = plano_tiles_get_n_drawn (f->tiles);

  g_hash_table_add (selected, node->item.id);
  options.selected = selected;
  with_selection = draw_tiled (f, &view, &options, 1);
  g_assert_cmpuint (plano_tiles_get_n_drawn (f->tiles), ==, drawn);

  /* The ring: around the component, a few pixels out, and nowhere else. */
  g_assert_cmpuint (count_differences (plain, with_selection, 8, &changed), >, 100);
  plano_tiles_get_origin (f->tiles, &view, &options, 1, &x, &y);
  expected = (PlanoRect) { node->x - x - 6, node->y - y - 6, node->w + 12, node->h + 12 };
  g_assert_cmpfloat (changed.x, >=, expected.x);
  g_assert_cmpfloat (changed.y, >=, expected.y);
  g_assert_cmpfloat (changed.x + changed.w, <=, expected.x + expected.w);
  g_assert_cmpfloat (changed.y + changed.h, <=, expected.y + expected.h);
  g_assert_cmpfloat (changed.w, >, node->w);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (with_selection);
}

/* Panning a little draws only the tiles that come into view; a change to the board is shown
 * at once, and the tiles are drawn again. */
static void
test_pan_and_change (Fixture       *f,
                     gconstpointer  data)
{
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, TRUE, NULL, NULL, FALSE };
  PlanoRect view = view_at (f, 0.2, 0.2, 1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char *moved[2] = { NULL, NULL };
  cairo_surface_t *tiled, *direct;
  guint drawn, first_frame;

  cairo_surface_destroy (draw_tiled (f, &view, &options, 1));
  cairo_surface_destroy (draw_tiled (f, &view, &options, 1));
  first_frame = plano_tiles_get_n_drawn (f->tiles);
  g_assert_cmpuint (first_frame, >=, (VIEW_W / 256) * (VIEW_H / 256));

  /* 40 pixels right and down: one new column and one new row at most. */
  view.x += 40;
  view.y += 40;
  cairo_surface_destroy (draw_tiled (f, &view, &options, 1));
  drawn = plano_tiles_get_n_drawn (f->tiles) - first_frame;
  g_assert_cmpuint (drawn, <=, (VIEW_W / 256 + 2) + (VIEW_H / 256 + 2));

  /* A component in view moves: the next frame shows it where it went. */
  plano_renderer_query (f->renderer, &view, ids);
  for (guint i = 0; i < ids->len && moved[0] == NULL; i++)
    if (plano_board_lookup_node (f->board, g_ptr_array_index (ids, i)) != NULL)
      moved[0] = g_ptr_array_index (ids, i);
  g_assert_nonnull (moved[0]);
  g_assert_true (plano_board_move_items (f->board, moved, 30, 20));

  for (guint frame = 0; frame < 3; frame++)
    {
      tiled = draw_tiled (f, &view, &options, 1);
      direct = draw_direct (f, &view, &options, 1);
      assert_same_picture (tiled, direct);
      cairo_surface_destroy (tiled);
      cairo_surface_destroy (direct);
    }
}

/* Wandering over a large board keeps a bounded number of tiles. */
static void
test_bounded (Fixture       *f,
              gconstpointer  data)
{
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, TRUE, NULL, NULL, FALSE };
  guint most = 0;

  for (guint step = 0; step < 30; step++)
    {
      PlanoRect view = view_at (f, (step % 6) / 6.0, (step / 6) / 5.0, 1);

      cairo_surface_destroy (draw_tiled (f, &view, &options, 1));
      most = MAX (most, plano_tiles_get_n_cached (f->tiles));
    }

  /* A 900 × 600 view shows at most 5 × 4 tiles; half again are kept, and at most one more
   * frame's worth that were last shown together with the oldest kept. */
  g_assert_cmpuint (most, >, 0);
  g_assert_cmpuint (most, <=, 20 * 3 / 2 + 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plano/tiles/same-pixels", Fixture, NULL, fixture_set_up, test_same_pixels, fixture_tear_down);
  g_test_add ("/plano/tiles/transparent", Fixture, NULL, fixture_set_up, test_transparent, fixture_tear_down);
  g_test_add ("/plano/tiles/selection-over-tiles", Fixture, NULL, fixture_set_up, test_selection_over_tiles,
              fixture_tear_down);
  g_test_add ("/plano/tiles/pan-and-change", Fixture, NULL, fixture_set_up, test_pan_and_change, fixture_tear_down);
  g_test_add ("/plano/tiles/bounded", Fixture, NULL, fixture_set_up, test_bounded, fixture_tear_down);

  return g_test_run ();
}
