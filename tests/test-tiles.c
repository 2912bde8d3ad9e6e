/* test-tiles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "plano-bench-gen.h"
#include "plano-board.h"
#include "plano-history.h"
#include "plano-render.h"
#include "plano-test-core.h"
#include "plano-tiles.h"

#define VIEW_W 900
#define VIEW_H 600
#define TILE_SIZE 256

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

/* A view of the canvas, drawn by @tiles as the canvas draws it, device_scale pixels a unit. */
static cairo_surface_t *
draw_with (PlanoTiles               *tiles,
           const PlanoRect          *view,
           const PlanoRenderOptions *options,
           int                       device_scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_W * device_scale,
                                                         VIEW_H * device_scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  cr = cairo_create (surface);
  plano_tiles_draw (tiles, cr, view, options, device_scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The same from the fixture's tiles, kept from frame to frame. */
static cairo_surface_t *
draw_tiled (Fixture                  *f,
            const PlanoRect          *view,
            const PlanoRenderOptions *options,
            int                       device_scale)
{
  return draw_with (f->tiles, view, options, device_scale);
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

/* The same picture: a line cut to a tile's edge is rasterized from other end points than the
 * whole line, which moves its antialiasing by a few levels; nothing else may differ. */
static void
assert_same_picture (cairo_surface_t *tiled,
                     cairo_surface_t *direct)
{
  int n_pixels = cairo_image_surface_get_width (tiled) * cairo_image_surface_get_height (tiled);

  g_test_message ("%u pixels differ by more than 8, %u by more than 48",
                  plano_test_count_differences (tiled, direct, 8, NULL), plano_test_count_differences (tiled, direct, 48, NULL));
  g_assert_cmpuint (plano_test_count_differences (tiled, direct, 48, NULL), <=, 4);
  g_assert_cmpuint (plano_test_count_differences (tiled, direct, 8, NULL), <, n_pixels / 1000);
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
  g_assert_cmpuint (plano_test_count_differences (plain, with_selection, 8, &changed), >, 100);
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

/* The view from new tiles: each drawn whole, as if nothing had ever changed. */
static cairo_surface_t *
draw_fresh (Fixture                  *f,
            const PlanoRect          *view,
            const PlanoRenderOptions *options,
            int                       device_scale)
{
  g_autoptr(PlanoTiles) fresh = plano_tiles_new (f->renderer);

  /* The first frame at a zoom is drawn directly; the second draws the tiles. */
  cairo_surface_destroy (draw_with (fresh, view, options, device_scale));
  return draw_with (fresh, view, options, device_scale);
}

/* How many of the tiles that the view shows lie under any of @boxes, in canvas units; all of
 * them with @boxes NULL. */
static guint
count_tiles_under (Fixture                  *f,
                   const PlanoRect          *view,
                   const PlanoRenderOptions *options,
                   int                       device_scale,
                   GArray                   *boxes)
{
  double scale = options->zoom * device_scale;
  double x, y, size = TILE_SIZE / scale;
  gint64 first_column, first_row, last_column, last_row;
  guint n = 0;

  plano_tiles_get_origin (f->tiles, view, options, device_scale, &x, &y);
  first_column = (gint64) floor (round (x * scale) / TILE_SIZE);
  first_row = (gint64) floor (round (y * scale) / TILE_SIZE);
  last_column = (gint64) floor ((round (x * scale) + ceil (view->w * scale) - 1) / TILE_SIZE);
  last_row = (gint64) floor ((round (y * scale) + ceil (view->h * scale) - 1) / TILE_SIZE);

  for (gint64 row = first_row; row <= last_row; row++)
    for (gint64 column = first_column; column <= last_column; column++)
      {
        PlanoRect tile = { column * size, row * size, size, size };
        gboolean under = boxes == NULL;

        for (guint i = 0; !under && i < boxes->len; i++)
          under = plano_rect_intersects (&tile, &g_array_index (boxes, PlanoRect, i));
        n += under;
      }

  return n;
}

/* A component in the middle of @view with connections, and those connections and the others of
 * the components at their far ends: moving it moves its connections, and their ends take other
 * places among the ports they share a side with. */
static const PlanoNode *
find_connected_node (Fixture         *f,
                     const PlanoRect *view,
                     GPtrArray       *edges)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  PlanoRect middle = { view->x + view->w / 3, view->y + view->h / 3, view->w / 3, view->h / 3 };
  guint n_edges = plano_board_get_n_items (f->board, PLANO_ITEM_EDGE);

  plano_renderer_query (f->renderer, &middle, ids);
  for (guint i = 0; i < ids->len; i++)
    {
      const PlanoNode *node = plano_board_lookup_node (f->board, g_ptr_array_index (ids, i));
      g_autoptr(GHashTable) ends = g_hash_table_new (g_str_hash, g_str_equal);

      if (node == NULL || !plano_rect_contains (&middle, node->x + node->w / 2, node->y + node->h / 2))
        continue;

      g_hash_table_add (ends, node->item.id);
      for (guint e = 0; e < n_edges; e++)
        {
          const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (f->board, PLANO_ITEM_EDGE, e);

          if (g_str_equal (edge->from, node->item.id) || g_str_equal (edge->to, node->item.id))
            {
              g_hash_table_add (ends, edge->from);
              g_hash_table_add (ends, edge->to);
            }
        }

      g_ptr_array_set_size (edges, 0);
      for (guint e = 0; e < n_edges; e++)
        {
          const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (f->board, PLANO_ITEM_EDGE, e);

          if (g_hash_table_contains (ends, edge->from) || g_hash_table_contains (ends, edge->to))
            g_ptr_array_add (edges, edge->item.id);
        }
      if (g_hash_table_size (ends) > 1)
        return node;
    }

  g_assert_not_reached ();
}

/* What a move of @node may make look different, as the canvas shows it: its box and its
 * connections', with the room a connection's label may take (at most 188 × 62 units, centred
 * on the line) and two device pixels of antialiasing. */
static void
add_surroundings (Fixture         *f,
                  const char      *id,
                  GPtrArray       *edges,
                  double           scale,
                  GArray          *boxes)
{
  PlanoRect box;

  g_assert_true (plano_renderer_get_item_box (f->renderer, id, &box));
  plano_rect_inflate (&box, 2 / scale);
  g_array_append_val (boxes, box);
  for (guint i = 0; i < edges->len; i++)
    {
      g_assert_true (plano_renderer_get_item_box (f->renderer, g_ptr_array_index (edges, i), &box));
      plano_rect_inflate (&box, 100 + 2 / scale);
      g_array_append_val (boxes, box);
    }
}

/* Dragging a component redraws only the tiles under its old and new places, those of its
 * connections and those of the connections that share a side with them, counted by the tiles
 * themselves, at every motion event; the picture after the
 * drag is a full redraw's, pixel for pixel. At 100 % and at a pixel density of 2, at a zoom
 * without text and in the overview. */
static void
test_drag_damage (Fixture       *f,
                  gconstpointer  data)
{
  static const struct { double zoom; int device_scale; } cases[] = {
    { 1, 1 }, { 1, 2 }, { 0.3, 1 }, { 0.15, 2 },
  };
  g_autoptr(PlanoHistory) history = plano_history_new (f->board);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      PlanoRenderOptions options = { PLANO_THEME_LIGHT, cases[c].zoom, TRUE, NULL, NULL, FALSE };
      PlanoRect view = view_at (f, 0.31, 0.27, cases[c].zoom);
      double scale = cases[c].zoom * cases[c].device_scale;
      g_autoptr(GPtrArray) edges = g_ptr_array_new ();
      g_autofree char *id = NULL;
      const PlanoNode *node = find_connected_node (f, &view, edges);
      cairo_surface_t *tiled, *fresh;
      guint n_visible = count_tiles_under (f, &view, &options, cases[c].device_scale, NULL);

      g_test_message ("zoom %g, device scale %d: %s and %u connections, %u tiles in view",
                      cases[c].zoom, cases[c].device_scale, node->item.id, edges->len, n_visible);
      id = g_strdup (node->item.id);
      cairo_surface_destroy (draw_tiled (f, &view, &options, cases[c].device_scale));
      cairo_surface_destroy (draw_tiled (f, &view, &options, cases[c].device_scale));

      plano_history_begin (history, "Move");
      for (guint motion = 0; motion < 4; motion++)
        {
          const char *ids[] = { id, NULL };
          g_autoptr(GArray) surroundings = g_array_new (FALSE, FALSE, sizeof (PlanoRect));
          g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (PlanoRect));
          guint drawn = plano_tiles_get_n_drawn (f->tiles);
          guint lower, upper;
          PlanoRect box;

          node = plano_board_lookup_node (f->board, id);
          box = (PlanoRect) { node->x + 1, node->y + 1, node->w - 2, node->h - 2 };
          g_array_append_val (own, box);
          add_surroundings (f, id, edges, scale, surroundings);

          g_assert_true (plano_board_move_items (f->board, ids, 17 / cases[c].zoom, 9 / cases[c].zoom));

          node = plano_board_lookup_node (f->board, id);
          box = (PlanoRect) { node->x + 1, node->y + 1, node->w - 2, node->h - 2 };
          g_array_append_val (own, box);
          add_surroundings (f, id, edges, scale, surroundings);

          cairo_surface_destroy (draw_tiled (f, &view, &options, cases[c].device_scale));
          drawn = plano_tiles_get_n_drawn (f->tiles) - drawn;
          lower = count_tiles_under (f, &view, &options, cases[c].device_scale, own);
          upper = count_tiles_under (f, &view, &options, cases[c].device_scale, surroundings);
          g_test_message ("motion %u: %u tiles drawn again; %u under the component, %u under it "
                          "and its connections", motion, drawn, lower, upper);
          g_assert_cmpuint (lower, >, 0);
          g_assert_cmpuint (drawn, >=, lower);
          g_assert_cmpuint (drawn, <=, upper);
        }
      plano_history_commit (history);

      tiled = draw_tiled (f, &view, &options, cases[c].device_scale);
      fresh = draw_fresh (f, &view, &options, cases[c].device_scale);
      g_assert_cmpuint (plano_test_count_differences (tiled, fresh, 0, NULL), ==, 0);
      cairo_surface_destroy (tiled);
      cairo_surface_destroy (fresh);
    }
}

/* Orthogonal and curved connections as a component is dragged across the board: what its move
 * makes other routes do (go around it, or no longer) is drawn again in the tiles, so that after
 * every motion event the picture is a full redraw's, pixel for pixel. */
static void
test_routes_damage (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const routes[] = { "orthogonal", "curved" };
  g_autoptr(PlanoHistory) history = plano_history_new (f->board);
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, TRUE, NULL, NULL, FALSE };
  PlanoRect view = view_at (f, 0.31, 0.27, 1);

  for (guint r = 0; r < G_N_ELEMENTS (routes); r++)
    {
      PlanoProp prop = { (char *) "route", PLANO_VALUE_STRING, 0, (char *) routes[r], FALSE };
      g_autoptr(GPtrArray) edges = g_ptr_array_new ();
      g_autofree char *id = g_strdup (find_connected_node (f, &view, edges)->item.id);

      g_assert_true (plano_board_set_prop (f->board, NULL, &prop));
      cairo_surface_destroy (draw_tiled (f, &view, &options, 1));
      cairo_surface_destroy (draw_tiled (f, &view, &options, 1));

      plano_history_begin (history, "Move");
      for (guint motion = 0; motion < 6; motion++)
        {
          const char *ids[] = { id, NULL };
          cairo_surface_t *tiled, *fresh;

          g_assert_true (plano_board_move_items (f->board, ids, 41, motion % 2 ? 37 : -23));
          tiled = draw_tiled (f, &view, &options, 1);
          fresh = draw_fresh (f, &view, &options, 1);
          g_assert_cmpuint (plano_test_count_differences (tiled, fresh, 0, NULL), ==, 0);
          cairo_surface_destroy (tiled);
          cairo_surface_destroy (fresh);
        }
      plano_history_commit (history);
    }
}

typedef struct
{
  PlanoBoard   *board;
  PlanoHistory *history;
  char         *node;      /* a component in view, with connections */
  char         *other;     /* another one in view */
  char         *edge;      /* a connection of the first */
  char         *zone;      /* a zone in view */
  PlanoBoard   *clipboard;
} Scene;

typedef void (*ChangeFunc) (Scene *scene);

static void
change_resize (Scene *scene)
{
  const PlanoNode *node = plano_board_lookup_node (scene->board, scene->node);

  g_assert_true (plano_board_set_bounds (scene->board, scene->node, node->x, node->y, node->w + 40, node->h + 24));
}

static void
change_rename (Scene *scene)
{
  g_assert_true (plano_board_set_label (scene->board, scene->node, "Card authorisations, renamed"));
}

static void
change_type_a_character (Scene *scene)
{
  g_autofree char *label = g_strconcat (plano_board_get_label (scene->board, scene->node), "x", NULL);

  g_assert_true (plano_board_set_label (scene->board, scene->node, label));
}

static void
change_nudge (Scene *scene)
{
  const char *ids[] = { scene->node, NULL };

  g_assert_true (plano_board_move_items (scene->board, ids, 10, 0));
}

static void
change_connect (Scene *scene)
{
  g_assert_nonnull (plano_board_add_edge (scene->board, scene->node, scene->other, "stream", NULL));
}

static void
change_label_connection (Scene *scene)
{
  g_assert_true (plano_board_set_label (scene->board, scene->edge, "orders, 40 000 a second"));
}

static void
change_property (Scene *scene)
{
  PlanoProp prop = { (char *) "replicas", PLANO_VALUE_NUMBER, 5, NULL, FALSE };

  g_assert_true (plano_board_set_prop (scene->board, scene->node, &prop));
}

static void
change_mark_down (Scene *scene)
{
  PlanoProp prop = { (char *) "down", PLANO_VALUE_BOOLEAN, 0, NULL, TRUE };

  g_assert_true (plano_board_set_prop (scene->board, scene->node, &prop));
}

static void
change_tradeoff (Scene *scene)
{
  PlanoTradeoff *tradeoff = (PlanoTradeoff *) plano_item_new (PLANO_ITEM_TRADEOFF, "tiles-tradeoff");

  tradeoff->title = g_strdup ("Kafka or Kinesis");
  tradeoff->target = g_strdup (scene->other);
  g_assert_true (plano_board_add_item (scene->board, (PlanoItem *) tradeoff, NULL));
}

static void
change_add_text (Scene *scene)
{
  const PlanoNode *node = plano_board_lookup_node (scene->board, scene->node);
  PlanoText *text = (PlanoText *) plano_item_new (PLANO_ITEM_TEXT, "tiles-text");

  text->text = g_strdup ("Serving layer");
  text->x = node->x;
  text->y = node->y + node->h + 30;
  text->w = 200;
  text->h = 24;
  g_assert_true (plano_board_add_item (scene->board, (PlanoItem *) text, NULL));
}

static void
change_type_into_text (Scene *scene)
{
  g_assert_true (plano_board_set_label (scene->board, "tiles-text", "Serving layer, p99 under 100 ms"));
}

static void
change_move_text (Scene *scene)
{
  const char *ids[] = { "tiles-text", NULL };

  g_assert_true (plano_board_move_items (scene->board, ids, 30, -10));
}

static void
change_move_zone (Scene *scene)
{
  const char *ids[] = { scene->zone, NULL };

  g_assert_true (plano_board_move_items (scene->board, ids, 20, 10));
}

static void
change_resize_zone (Scene *scene)
{
  const PlanoZone *zone = (const PlanoZone *) plano_board_lookup (scene->board, scene->zone);

  g_assert_true (plano_board_set_bounds (scene->board, scene->zone, zone->x, zone->y, zone->w + 60, zone->h + 30));
}

static void
change_rename_zone (Scene *scene)
{
  g_assert_true (plano_board_set_label (scene->board, scene->zone, "Payments, renamed"));
}

static void
change_copy (Scene *scene)
{
  const char *ids[] = { scene->node, scene->other, NULL };

  g_clear_object (&scene->clipboard);
  scene->clipboard = plano_board_copy_items (scene->board, ids);
}

static void
change_paste (Scene *scene)
{
  g_auto(GStrv) pasted = plano_board_insert_copy (scene->board, scene->clipboard, 30, 30);

  g_assert_cmpuint (g_strv_length (pasted), >, 0);
}

static void
change_delete (Scene *scene)
{
  const char *ids[] = { scene->other, NULL };

  g_assert_cmpuint (plano_board_remove_items (scene->board, ids), >, 0);
}

static void
change_undo (Scene *scene)
{
  g_assert_true (plano_history_undo (scene->history));
}

static void
change_redo (Scene *scene)
{
  g_assert_true (plano_history_redo (scene->history));
}

/* The everyday edits each redraw part of the view, never all of it, and leave the picture a
 * full redraw gives, pixel for pixel: with the failure drill's stale components, the
 * trade-off badges that follow them, text items and zones; at device scale 1 and 2 (@data). */
static void
test_edits_damage (Fixture       *f,
                   gconstpointer  data)
{
  int device_scale = GPOINTER_TO_INT (data);
  static const struct { const char *name; ChangeFunc apply; gboolean undoable; } changes[] = {
    { "resize", change_resize, TRUE },
    { "rename", change_rename, TRUE },
    { "type a character", change_type_a_character, TRUE },
    { "nudge", change_nudge, TRUE },
    { "connect", change_connect, TRUE },
    { "label a connection", change_label_connection, TRUE },
    { "edit a property", change_property, TRUE },
    { "mark down", change_mark_down, TRUE },
    { "add a trade-off", change_tradeoff, TRUE },
    { "add a text", change_add_text, TRUE },
    { "type into the text", change_type_into_text, TRUE },
    { "move the text", change_move_text, TRUE },
    { "move a zone", change_move_zone, TRUE },
    { "resize the zone", change_resize_zone, TRUE },
    { "rename the zone", change_rename_zone, TRUE },
    { "undo", change_undo, FALSE },
    { "undo", change_undo, FALSE },
    { "redo", change_redo, FALSE },
    { "copy", change_copy, FALSE },
    { "paste", change_paste, TRUE },
    { "delete", change_delete, TRUE },
    { "undo", change_undo, FALSE },
  };
  PlanoRenderOptions options = { PLANO_THEME_DARK, 1, TRUE, NULL, NULL, FALSE };
  PlanoRect view = view_at (f, 0.31, 0.27, 1);
  g_autoptr(GPtrArray) edges = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(PlanoHistory) history = plano_history_new (f->board);
  const PlanoNode *node = find_connected_node (f, &view, edges);
  Scene scene = { f->board, history, g_strdup (node->item.id), NULL, g_strdup (g_ptr_array_index (edges, 0)), NULL, NULL };
  guint n_visible = count_tiles_under (f, &view, &options, device_scale, NULL);

  plano_renderer_query (f->renderer, &(PlanoRect) { view.x + 50, view.y + 50, view.w - 100, view.h - 100 }, ids);
  for (guint i = 0; i < ids->len && scene.other == NULL; i++)
    if (plano_board_lookup_node (f->board, g_ptr_array_index (ids, i)) != NULL &&
        !g_str_equal (g_ptr_array_index (ids, i), scene.node))
      scene.other = g_strdup (g_ptr_array_index (ids, i));
  g_assert_nonnull (scene.other);
  for (guint i = 0; i < ids->len && scene.zone == NULL; i++)
    {
      const PlanoItem *item = plano_board_lookup (f->board, g_ptr_array_index (ids, i));

      if (item != NULL && item->type == PLANO_ITEM_ZONE)
        scene.zone = g_strdup (item->id);
    }
  g_assert_nonnull (scene.zone);

  cairo_surface_destroy (draw_tiled (f, &view, &options, device_scale));
  cairo_surface_destroy (draw_tiled (f, &view, &options, device_scale));

  for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
    {
      guint drawn = plano_tiles_get_n_drawn (f->tiles);
      cairo_surface_t *tiled, *fresh;

      if (changes[c].undoable)
        plano_history_begin (history, changes[c].name);
      changes[c].apply (&scene);
      if (changes[c].undoable)
        plano_history_commit (history);

      tiled = draw_tiled (f, &view, &options, device_scale);
      drawn = plano_tiles_get_n_drawn (f->tiles) - drawn;
      g_test_message ("scale %d, %s: %u of %u tiles drawn again", device_scale, changes[c].name, drawn, n_visible);
      fresh = draw_fresh (f, &view, &options, device_scale);
      g_assert_cmpuint (plano_test_count_differences (tiled, fresh, 0, NULL), ==, 0);
      g_assert_cmpuint (drawn, <, n_visible);
      cairo_surface_destroy (tiled);
      cairo_surface_destroy (fresh);
    }

  g_clear_object (&scene.clipboard);
  g_free (scene.node);
  g_free (scene.other);
  g_free (scene.edge);
  g_free (scene.zone);
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
  g_test_add ("/plano/tiles/drag-damage", Fixture, NULL, fixture_set_up, test_drag_damage, fixture_tear_down);
  g_test_add ("/plano/tiles/routes-damage", Fixture, NULL, fixture_set_up, test_routes_damage, fixture_tear_down);
  g_test_add ("/plano/tiles/edits-damage", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_edits_damage,
              fixture_tear_down);
  g_test_add ("/plano/tiles/edits-damage-2x", Fixture, GINT_TO_POINTER (2), fixture_set_up, test_edits_damage,
              fixture_tear_down);

  return g_test_run ();
}
