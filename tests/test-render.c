/* test-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "plano-board.h"
#include "plano-catalog.h"
#include "plano-format.h"
#include "plano-geometry.h"
#include "plano-index.h"
#include "plano-render.h"
#include "plano-test-core.h"

static void
test_border_point (void)
{
  PlanoRect r = { 0, 0, 100, 50 };
  PlanoPoint p;

  p = plano_rect_border_point (&r, (PlanoPoint) { 300, 25 });
  g_assert_cmpfloat (p.x, ==, 100);
  g_assert_cmpfloat (p.y, ==, 25);

  p = plano_rect_border_point (&r, (PlanoPoint) { 50, -200 });
  g_assert_cmpfloat (p.x, ==, 50);
  g_assert_cmpfloat (p.y, ==, 0);

  /* Diagonally, the box's shorter side is crossed first. */
  p = plano_rect_border_point (&r, (PlanoPoint) { 150, 75 });
  g_assert_cmpfloat (p.y, ==, 50);
  g_assert_cmpfloat (p.x, ==, 100);

  g_assert_cmpfloat (plano_segment_distance ((PlanoPoint) { 5, 5 }, (PlanoPoint) { 0, 0 },
                                             (PlanoPoint) { 10, 0 }), ==, 5);
  g_assert_cmpfloat (plano_segment_distance ((PlanoPoint) { 13, 4 }, (PlanoPoint) { 0, 0 },
                                             (PlanoPoint) { 10, 0 }), ==, 5);
}

/* Edges touch the borders of the shapes they join. */
static void
test_edge_anchoring (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  g_autoptr(GPtrArray) points = plano_renderer_get_edge_points (renderer, "e1");
  const PlanoNode *apps = plano_board_lookup_node (board, "apps");
  const PlanoNode *kafka = plano_board_lookup_node (board, "kafka");
  const PlanoPoint *start, *end;

  g_assert_cmpuint (points->len, ==, 2);
  start = g_ptr_array_index (points, 0);
  end = g_ptr_array_index (points, 1);

  /* apps and kafka sit side by side on one row: right border to left border. */
  g_assert_cmpfloat (start->x, ==, apps->x + apps->w);
  g_assert_cmpfloat (start->y, ==, apps->y + apps->h / 2);
  g_assert_cmpfloat (end->x, ==, kafka->x);
  g_assert_cmpfloat (end->y, ==, kafka->y + kafka->h / 2);

  /* Waypoints are honoured, in order, between the anchors. */
  g_clear_pointer (&points, g_ptr_array_unref);
  {
    g_autoptr(PlanoBoard) realtime = plano_test_load_fixture ("realtime.plano");
    g_autoptr(PlanoRenderer) r2 = plano_renderer_new (realtime);
    const PlanoPoint *w0;

    points = plano_renderer_get_edge_points (r2, "e9");
    g_assert_cmpuint (points->len, ==, 4);
    w0 = g_ptr_array_index (points, 1);
    g_assert_cmpfloat (w0->x, ==, 900.5);
    g_assert_cmpfloat (w0->y, ==, 380);
  }
}

static void
test_pick (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("realtime.plano");
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  const PlanoNode *kafka = plano_board_lookup_node (board, "kafka");
  const PlanoNote *note = (const PlanoNote *) plano_board_lookup (board, "n1");
  g_autoptr(GPtrArray) points = plano_renderer_get_edge_points (renderer, "e4");
  const PlanoPoint *a = g_ptr_array_index (points, 0);
  const PlanoPoint *b = g_ptr_array_index (points, 1);

  /* A node, anywhere inside it. */
  g_assert_cmpstr (plano_renderer_pick (renderer, kafka->x + 5, kafka->y + 5, 4), ==, "kafka");
  /* An edge, near its line. */
  g_assert_cmpstr (plano_renderer_pick (renderer, (a->x + b->x) / 2, (a->y + b->y) / 2 + 3, 4), ==, "e4");
  /* A note. */
  g_assert_cmpstr (plano_renderer_pick (renderer, note->x + 20, note->y + 20, 4), ==, "n1");
  /* A zone by its label strip, and a node inside the zone before the zone. */
  g_assert_cmpstr (plano_renderer_pick (renderer, 30, 60, 4), ==, "sources");
  g_assert_cmpstr (plano_renderer_pick (renderer, 60, 100, 4), ==, "apps");
  /* The empty inside of a zone is not the zone, and empty canvas is nothing. */
  g_assert_null (plano_renderer_pick (renderer, 600, 660, 4));
  g_assert_null (plano_renderer_pick (renderer, -500, -500, 4));
}

/* Culling returns what intersects the view, and only that. */
static void
test_culling (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("realtime.plano");
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  PlanoRect view = { 790, 60, 200, 150 };   /* Redis and Druid, inside the serving zone */
  PlanoRect nowhere = { 5000, 5000, 100, 100 };
  const char * const expected[] = { "redis", "druid", "serving", "e5", "e6" };

  plano_renderer_query (renderer, &view, ids);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (ids, expected[i], g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (ids, "apps", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (ids, "spark", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (ids, "lake", g_str_equal, NULL));

  g_ptr_array_set_size (ids, 0);
  plano_renderer_query (renderer, &nowhere, ids);
  g_assert_cmpuint (ids->len, ==, 0);
}

/* The index follows the board: moved, added and removed items. */
static void
test_index_follows_board (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  const char *ids[] = { "flink", NULL };
  const PlanoNode *redis;

  plano_board_move_items (board, (const char **) ids, 3000, 0);
  g_assert_null (plano_renderer_pick (renderer, 490, 130, 2));
  g_assert_cmpstr (plano_renderer_pick (renderer, 3490, 130, 2), ==, "flink");

  redis = plano_board_add_node (board, "redis", -800, -800);
  g_assert_cmpstr (plano_renderer_pick (renderer, -790, -790, 2), ==, redis->item.id);

  plano_board_remove_item (board, "kafka");
  g_assert_null (plano_renderer_pick (renderer, 270, 130, 2));
}

static void
test_index_big_boxes (void)
{
  g_autoptr(PlanoIndex) index = plano_index_new (100);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  PlanoRect huge = { -50000, -50000, 100000, 100000 };
  PlanoRect small = { 10, 10, 20, 20 };
  PlanoRect view = { 0, 0, 50, 50 };
  PlanoRect far = { 40000, 40000, 10, 10 };

  plano_index_set (index, "zone", &huge);
  plano_index_set (index, "node", &small);
  plano_index_query (index, &view, ids);
  g_assert_cmpuint (ids->len, ==, 2);

  g_ptr_array_set_size (ids, 0);
  plano_index_query (index, &far, ids);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "zone");

  g_assert_true (plano_index_remove (index, "zone"));
  g_assert_cmpuint (plano_index_get_size (index), ==, 1);
}

static gboolean
surface_has_ink (cairo_surface_t *surface)
{
  const guint32 *data = (const guint32 *) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  guint32 first = data[0];

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (data[y * stride + x] != first)
        return TRUE;

  return FALSE;
}

/* Every kind of the catalog, every connection kind and every zone kind, in both themes and at
 * both levels of detail, draws without a cairo error and leaves ink.
 */
static void
test_draw_every_kind (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoRenderer) renderer = NULL;
  static const char *edge_kinds[] = { NULL, "flow", "stream", "batch", "request", "cdc", "replication" };
  static const char *zone_kinds[] = { NULL, "group", "layer", "domain", "bronze", "silver", "gold" };
  const PlanoNode *previous = NULL;
  guint n_kinds;
  const PlanoKind *kinds = plano_catalog_get_kinds (&n_kinds);
  PlanoRect bounds;

  for (guint i = 0; i < n_kinds; i++)
    {
      const PlanoNode *node = plano_board_add_node (board, kinds[i].id, (i % 8) * 200.0, (i / 8) * 100.0);

      if (previous != NULL)
        g_assert_nonnull (plano_board_add_edge (board, previous->item.id, node->item.id,
                                                edge_kinds[i % G_N_ELEMENTS (edge_kinds)], NULL));
      previous = node;
    }

  for (guint i = 0; i < G_N_ELEMENTS (zone_kinds); i++)
    {
      g_autofree char *id = plano_board_new_id (board, "zone");
      PlanoZone *zone = (PlanoZone *) plano_item_new (PLANO_ITEM_ZONE, id);

      zone->x = i * 260.0, zone->y = 800, zone->w = 240, zone->h = 160;
      zone->kind = g_strdup (zone_kinds[i]);
      zone->label = g_strdup ("A zone with a long label that has to be cut short");
      g_assert_true (plano_board_add_item (board, (PlanoItem *) zone, NULL));
    }

  renderer = plano_renderer_new (board);
  g_assert_true (plano_renderer_get_bounds (renderer, &bounds));

  for (guint theme = PLANO_THEME_LIGHT; theme <= PLANO_THEME_DARK; theme++)
    for (guint lod = 0; lod < 2; lod++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
        cairo_t *cr = cairo_create (surface);
        double zoom = lod == 0 ? 1.0 : 0.1;
        PlanoRenderOptions options = { theme, zoom, TRUE, NULL, NULL };
        double scale = 400 / bounds.w;

        cairo_scale (cr, scale, scale);
        cairo_translate (cr, -bounds.x, -bounds.y);
        plano_renderer_draw (renderer, cr, &bounds, &options);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        g_assert_true (surface_has_ink (surface));
        cairo_surface_destroy (surface);
      }
}

/* Long labels stay inside their card: wrapped, then cut with an ellipsis. */
static void
test_text_stays_inside (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoRenderer) renderer = NULL;
  const PlanoNode *node = plano_board_add_node (board, "kafka", 0, 0);
  g_autofree char *svg = NULL;
  PlanoRect area = { -50, -50, 300, 200 };
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, FALSE, NULL, NULL };

  plano_board_set_label (board, node->item.id,
                         "An extraordinarily long label for a topic that no card could ever hold in full");
  renderer = plano_renderer_new (board);
  svg = plano_renderer_to_svg (renderer, &area, &options);

  /* The full label stays available as the item's title; the drawn text ends in an ellipsis. */
  g_assert_nonnull (strstr (svg, "<title>An extraordinarily long label"));
  g_assert_nonnull (strstr (svg, "…</tspan>"));
}

/* The pixel at canvas point (x, y) of a 1:1 rendering of @board's area from (0, 0). */
static void
pixel_at (PlanoRenderer *renderer,
          double         x,
          double         y,
          guint8        *r,
          guint8        *g,
          guint8        *b)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 200);
  cairo_t *cr = cairo_create (surface);
  PlanoRect area = { 0, 0, 600, 200 };
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1.0, TRUE, NULL, NULL };
  guint32 pixel;

  plano_renderer_draw (renderer, cr, &area, &options);
  cairo_surface_flush (surface);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) +
                        (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);
  *r = (pixel >> 16) & 0xff;
  *g = (pixel >> 8) & 0xff;
  *b = pixel & 0xff;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The failure drill on the canvas: a red marker on the component that is down, an orange one on
 * what goes stale downstream, nothing on what is upstream; and it follows the board.
 */
static void
test_down_and_stale (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  PlanoProp down = { (char *) "down", PLANO_VALUE_BOOLEAN, 0, NULL, TRUE };
  const PlanoNode *k = plano_board_add_node (board, "kafka", 20, 40);
  const PlanoNode *f = plano_board_add_node (board, "flink", 220, 40);
  const PlanoNode *r = plano_board_add_node (board, "redis", 420, 40);
  g_autofree char *flink = NULL;
  guint8 red, green, blue;

  g_assert_nonnull (plano_board_add_edge (board, k->item.id, f->item.id, NULL, NULL));
  g_assert_nonnull (plano_board_add_edge (board, f->item.id, r->item.id, NULL, NULL));

  /* Nothing down: the corners are the background. */
  pixel_at (renderer, 222 - 7, 42, &red, &green, &blue);
  g_assert_cmpuint (red, >, 0xe0);
  g_assert_cmpuint (green, >, 0xe0);

  /* Setting a prop replaces the node: keep its id, not the pointer. */
  flink = g_strdup (f->item.id);
  plano_board_set_prop (board, flink, &down);

  /* Flink's corner: the down marker, red. */
  pixel_at (renderer, 222 - 7, 42, &red, &green, &blue);
  g_assert_cmpuint (red, >, 0xa0);
  g_assert_cmpuint (green, <, 0x50);
  /* Redis's corner: the stale marker, orange. */
  pixel_at (renderer, 422 - 7, 42, &red, &green, &blue);
  g_assert_cmpuint (red, >, 0xa0);
  g_assert_cmpuint (green, >, 0x30);
  g_assert_cmpuint (green, <, 0x90);
  g_assert_cmpuint (blue, <, 0x30);
  /* Kafka, upstream: untouched. */
  pixel_at (renderer, 22 - 7, 42, &red, &green, &blue);
  g_assert_cmpuint (green, >, 0xe0);

  plano_board_unset_prop (board, flink, "down");
  pixel_at (renderer, 422 - 7, 42, &red, &green, &blue);
  g_assert_cmpuint (green, >, 0xe0);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (haystack, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* What is drawn at each zoom: everything at 100 %; cards and glyphs without text below the
 * level-of-detail threshold; in the overview, one block per component and one line per
 * connection, drawn as one path per colour, with no text and no per-item groups.
 */
static void
test_level_of_detail (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("realtime.plano");
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  PlanoRect bounds;
  g_autofree char *full = NULL;
  g_autofree char *small = NULL;
  g_autofree char *overview = NULL;
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, FALSE, NULL, NULL };
  guint n_nodes = plano_board_get_n_items (board, PLANO_ITEM_NODE);
  guint n_zones = plano_board_get_n_items (board, PLANO_ITEM_ZONE);

  g_assert_true (plano_renderer_get_bounds (renderer, &bounds));

  full = plano_renderer_to_svg (renderer, &bounds, &options);
  g_assert_nonnull (strstr (full, "<g id=\"kafka\">"));
  g_assert_nonnull (strstr (full, "<g id=\"e8\">"));
  g_assert_nonnull (strstr (full, ">Kafka<"));
  g_assert_nonnull (strstr (full, ">raw<"));      /* an edge label */

  options.zoom = 0.3;
  small = plano_renderer_to_svg (renderer, &bounds, &options);
  g_assert_nonnull (strstr (small, "<g id=\"kafka\">"));
  g_assert_null (strstr (small, "<text"));
  g_assert_cmpuint (count (small, "<path") + count (small, "<rect"), >, n_nodes);

  options.zoom = 0.1;
  overview = plano_renderer_to_svg (renderer, &bounds, &options);
  g_assert_null (strstr (overview, "<text"));
  g_assert_null (strstr (overview, "<g id="));
  /* Each zone its own <rect>; components and connections share one path per colour. */
  g_assert_cmpuint (count (overview, "<path") + count (overview, "<rect"), <, n_zones * 2 + 6 + PLANO_N_CATEGORIES + 1);
  g_assert_cmpuint (count (overview, "<rect"), >=, n_zones);
}

/* In the overview a component is a block of its category's colour, so it stays visible. */
static void
test_overview_pixels (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("realtime.plano");
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 120, 80);
  cairo_t *cr = cairo_create (surface);
  PlanoRect area = { 0, 0, 1200, 800 };
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 0.1, TRUE, NULL, NULL };
  const PlanoNode *kafka = plano_board_lookup_node (board, "kafka");
  guint32 pixel;
  int x = (int) ((kafka->x + kafka->w / 2) * 0.1), y = (int) ((kafka->y + kafka->h / 2) * 0.1);

  cairo_scale (cr, 0.1, 0.1);
  plano_renderer_draw (renderer, cr, &area, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
  g_assert_cmphex (pixel & 0xffffff, ==, 0xe66100);   /* streaming */
  cairo_surface_destroy (surface);
}

/* Culling: drawing a part of the board draws only what is in it. */
static void
test_culling_draws (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("realtime.plano");
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  PlanoRect view = { 790, 60, 200, 150 };
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, FALSE, NULL, NULL };
  g_autofree char *svg = plano_renderer_to_svg (renderer, &view, &options);

  g_assert_nonnull (strstr (svg, "<g id=\"redis\">"));
  g_assert_nonnull (strstr (svg, "<g id=\"druid\">"));
  g_assert_null (strstr (svg, "<g id=\"apps\">"));
  g_assert_null (strstr (svg, "<g id=\"spark\">"));
  g_assert_null (strstr (svg, "<g id=\"e10\">"));
}

/* Moving a component moves its connections with it, and only those are laid out again. */
static void
test_edges_follow_moves (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("realtime.plano");
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  const char *ids[] = { "redis", NULL };
  g_autoptr(GPtrArray) before = plano_renderer_get_edge_points (renderer, "e5");
  g_autoptr(GPtrArray) after = NULL;
  PlanoPoint *end;

  plano_board_move_items (board, ids, 0, 2000);
  after = plano_renderer_get_edge_points (renderer, "e5");
  end = g_ptr_array_index (after, after->len - 1);
  g_assert_cmpfloat (end->y, >, 2000);

  /* The index has the edge where it is now: picked halfway down its new course. */
  g_assert_cmpstr (plano_renderer_pick (renderer, (((PlanoPoint *) g_ptr_array_index (after, 0))->x + end->x) / 2,
                                        (((PlanoPoint *) g_ptr_array_index (after, 0))->y + end->y) / 2, 3), ==, "e5");
  g_assert_cmpuint (before->len, ==, after->len);
}

/* An item's box is what is drawn: a short edge label makes a small box, even though the index
 * keeps room for the longest label, so that a rubber band around it selects it.
 */
static void
test_item_box_is_tight (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoRenderer) renderer = NULL;
  g_autofree char *from = g_strdup (plano_board_add_node (board, "kafka", 0, 0)->item.id);
  g_autofree char *to = g_strdup (plano_board_add_node (board, "flink", 600, 0)->item.id);
  g_autofree char *edge = g_strdup (plano_board_add_edge (board, from, to, NULL, NULL)->item.id);
  PlanoRect box;

  plano_board_set_label (board, edge, "raw");
  renderer = plano_renderer_new (board);
  g_assert_true (plano_renderer_get_item_box (renderer, edge, &box));
  g_assert_cmpfloat (box.h, <, 40);
  g_assert_cmpfloat (box.y, >, 0);
  g_assert_cmpfloat (box.x, >=, 160 - 12);
  g_assert_cmpfloat (box.x + box.w, <=, 600 + 12);
}

/* Each connection kind has a dash of its own, so that none is told apart by colour alone. */
static void
test_edge_dashes_differ (void)
{
  static const char *edge_kinds[] = { "flow", "stream", "batch", "request", "cdc", "replication" };
  g_autoptr(GHashTable) dashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edge_kinds); i++)
    {
      g_autoptr(PlanoBoard) board = plano_board_new ();
      g_autoptr(PlanoRenderer) renderer = NULL;
      const PlanoNode *a = plano_board_add_node (board, "kafka", 0, 0);
      const PlanoNode *b = plano_board_add_node (board, "flink", 400, 0);
      PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, FALSE, NULL, NULL };
      g_autofree char *svg = NULL;
      g_autofree char *dash = NULL;
      const char *start;
      PlanoRect bounds;

      g_assert_nonnull (plano_board_add_edge (board, a->item.id, b->item.id, edge_kinds[i], NULL));
      renderer = plano_renderer_new (board);
      g_assert_true (plano_renderer_get_bounds (renderer, &bounds));
      svg = plano_renderer_to_svg (renderer, &bounds, &options);

      /* The connection is the only path drawn without fill between the two nodes. */
      start = strstr (svg, "stroke-dasharray=\"");
      dash = start != NULL ? g_strndup (start, strchr (start + 18, '"') - start) : g_strdup ("solid");
      g_assert_false (g_hash_table_contains (dashes, dash));
      g_hash_table_add (dashes, g_steal_pointer (&dash));
    }

  g_assert_cmpuint (g_hash_table_size (dashes), ==, G_N_ELEMENTS (edge_kinds));
}

/* The darkest pixel on a node's top border, drawn at 100 %. */
static guint
border_darkness (gboolean high_contrast)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoRenderer) renderer = NULL;
  const PlanoNode *node = plano_board_add_node (board, "kafka", 20, 20);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 240, 120);
  cairo_t *cr = cairo_create (surface);
  PlanoRect area = { 0, 0, 240, 120 };
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, TRUE, NULL, NULL, high_contrast };
  int x = (int) (node->x + node->w / 2);
  guint darkest = 0;

  renderer = plano_renderer_new (board);
  plano_renderer_draw (renderer, cr, &area, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = (int) node->y - 2; y <= (int) node->y + 2; y++)
    {
      guint32 pixel = *(guint32 *) (cairo_image_surface_get_data (surface) +
                                    y * cairo_image_surface_get_stride (surface) + x * 4);
      guint luma = (((pixel >> 16) & 0xff) * 3 + ((pixel >> 8) & 0xff) * 6 + (pixel & 0xff)) / 10;

      darkest = MAX (darkest, 255 - luma);
    }
  cairo_surface_destroy (surface);

  return darkest;
}

/* In the high contrast style a component's border is solid black, not a pale tint. */
static void
test_high_contrast (void)
{
  g_assert_cmpuint (border_darkness (FALSE), <, 0x80);
  g_assert_cmpuint (border_darkness (TRUE), >, 0xa0);
}

/* Draws @board's part in @area onto a 200 × 200 surface showing canvas (300, 0)–(500, 200). */
static cairo_surface_t *
draw_window_onto (PlanoRenderer   *renderer,
                  const PlanoRect *area)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 200);
  cairo_t *cr = cairo_create (surface);
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, FALSE, NULL, NULL, FALSE };

  cairo_set_source_rgb (cr, 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0);
  cairo_paint (cr);
  cairo_translate (cr, -300, 0);
  plano_renderer_draw (renderer, cr, area, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Only the part of a long connection that crosses the view is stroked, and its dashes fall
 * exactly where they would if the whole line were drawn. */
static void
test_edge_clipping (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoRenderer) renderer = NULL;
  const PlanoNode *a = plano_board_add_node (board, "kafka", -3000, 37);
  const PlanoNode *b = plano_board_add_node (board, "flink", 4000, 71);
  PlanoRect view = { 300, 0, 200, 200 };
  PlanoRect everything;
  cairo_surface_t *clipped;
  cairo_surface_t *whole;
  guint differing = 0;
  guint inked = 0;

  g_assert_nonnull (plano_board_add_edge (board, a->item.id, b->item.id, "cdc", NULL));
  renderer = plano_renderer_new (board);
  g_assert_true (plano_renderer_get_bounds (renderer, &everything));

  clipped = draw_window_onto (renderer, &view);
  whole = draw_window_onto (renderer, &everything);

  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 200; x++)
      {
        guint32 c = *(guint32 *) (cairo_image_surface_get_data (clipped) + y * cairo_image_surface_get_stride (clipped) + x * 4);
        guint32 w = *(guint32 *) (cairo_image_surface_get_data (whole) + y * cairo_image_surface_get_stride (whole) + x * 4);

        if ((c & 0xffffff) != (w & 0xffffff))
          differing++;
        if ((c & 0xffffff) != 0xfafafa)
          inked++;
      }

  /* The line crosses the view, and is drawn the same either way, but for the rounding of a
   * few antialiased dash ends. */
  g_assert_cmpuint (inked, >, 100);
  g_assert_cmpuint (differing, <=, inked / 20);

  cairo_surface_destroy (clipped);
  cairo_surface_destroy (whole);
}

/* The lines of text an SVG shows for item @id, in order. */
static GPtrArray *
svg_lines (const char *svg,
           const char *id)
{
  g_autofree char *open = g_strdup_printf ("<g id=\"%s\">", id);
  const char *start = strstr (svg, open);
  const char *end = start != NULL ? strstr (start, "</g>") : NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (end);
  for (const char *p = start; (p = strstr (p, "<tspan")) != NULL && p < end; p++)
    {
      const char *text = strchr (p, '>') + 1;

      g_ptr_array_add (lines, g_strndup (text, strstr (text, "</tspan>") - text));
    }

  return lines;
}

/* A component whose label needs more room than its box is drawn taller, as far as four lines
 * of label: the box in the file stays as it was, and everything that uses the box (picking,
 * connections, the index, selection) uses the taller one. Longer labels are ellipsized, and
 * say so for the canvas's tooltip. */
static void
test_label_grows_card (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoRenderer) renderer = NULL;
  g_autofree char *id = g_strdup (plano_board_add_node (board, "monte-carlo", 0, 0)->item.id);
  g_autofree char *below = g_strdup (plano_board_add_node (board, "kafka", 0, 300)->item.id);
  g_autofree char *plain = g_strdup (plano_board_add_node (board, "kafka", 300, 0)->item.id);
  g_autofree char *edge = g_strdup (plano_board_add_edge (board, below, id, NULL, NULL)->item.id);
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *file = NULL;
  PlanoRect drawn, probe;
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, FALSE, NULL, NULL };
  const PlanoPoint *end;

  plano_board_set_label (board, id, "Observability of every pipeline (Monte Carlo)");
  renderer = plano_renderer_new (board);

  g_assert_true (plano_renderer_get_drawn_bounds (renderer, id, &drawn));
  g_assert_cmpfloat (plano_board_lookup_node (board, id)->h, ==, 64);
  g_assert_cmpfloat (drawn.h, >, 64);
  g_assert_cmpfloat (drawn.h, <=, 4 * 17 + 2 + 15 + 16 + 4);
  g_assert_cmpfloat (drawn.w, ==, 160);
  g_assert_false (plano_renderer_is_text_cut (renderer, id));

  /* A short label keeps the box it has. */
  g_assert_true (plano_renderer_get_drawn_bounds (renderer, plain, &probe));
  g_assert_cmpfloat (probe.h, ==, 64);

  /* The file keeps the size it had: the default one is not even written. */
  file = plano_format_write (board, NULL);
  g_assert_null (strstr (file, "\"h\""));

  /* The grown part picks the node, and the connection from below ends on its bottom. */
  g_assert_cmpstr (plano_renderer_pick (renderer, 20, drawn.h - 3, 2), ==, id);
  points = plano_renderer_get_edge_points (renderer, edge);
  end = g_ptr_array_index (points, points->len - 1);
  g_assert_cmpfloat (fabs (end->y - drawn.h), <, 0.01);

  /* The index finds it there. */
  probe = (PlanoRect) { 10, drawn.h - 4, 2, 2 };
  plano_renderer_query (renderer, &probe, ids);
  g_assert_true (g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL));

  /* Every word of the label is drawn whole, none ellipsized. */
  svg = plano_renderer_to_svg (renderer, &(PlanoRect) { -20, -20, 400, 400 }, &options);
  lines = svg_lines (svg, id);
  g_assert_cmpuint (lines->len, >=, 4);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      g_assert_false (g_str_has_suffix (line, "…"));
      g_assert_false (g_str_has_suffix (line, "-"));
    }

  /* Past four lines the label is ellipsized, and the card stops growing. */
  plano_board_set_label (board, id,
                         "An extraordinarily long label for a topic that no card could ever hold in full");
  g_assert_true (plano_renderer_is_text_cut (renderer, id));
  g_assert_true (plano_renderer_get_drawn_bounds (renderer, id, &probe));
  g_assert_cmpfloat (probe.h, <=, drawn.h + 17);

  /* A card resized taller shows more lines before it ellipsizes. */
  plano_board_set_bounds (board, id, 0, 0, 160, 240);
  g_assert_false (plano_renderer_is_text_cut (renderer, id));
  g_assert_true (plano_renderer_get_drawn_bounds (renderer, id, &probe));
  g_assert_cmpfloat (probe.h, ==, 240);
}

/* Words are not broken to fill a line: a word moves to the next line whole. Only a word longer
 * than a whole line is broken, with a hyphen. */
static void
test_words_stay_whole (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoRenderer) renderer = NULL;
  g_autofree char *id = g_strdup (plano_board_add_node (board, "monte-carlo", 0, 0)->item.id);
  g_autofree char *longest = g_strdup (plano_board_add_node (board, "monte-carlo", 0, 200)->item.id);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) broken = NULL;
  g_autofree char *svg = NULL;
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, FALSE, NULL, NULL };
  g_autoptr(GString) joined = g_string_new (NULL);

  plano_board_set_label (board, id, "Observabilidade (Monte Carlo)");
  plano_board_set_label (board, longest, "Supercalifragilisticexpialidocious");
  plano_board_set_bounds (board, id, 0, 0, 200, 64);
  renderer = plano_renderer_new (board);
  svg = plano_renderer_to_svg (renderer, &(PlanoRect) { -20, -20, 400, 400 }, &options);

  lines = svg_lines (svg, id);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "Observabilidade");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, "(Monte Carlo)");

  /* A word longer than a line is broken over lines (the kind's name comes last), whole. */
  broken = svg_lines (svg, longest);
  g_assert_cmpuint (broken->len, >=, 3);
  for (guint i = 0; i + 1 < broken->len; i++)
    g_string_append (joined, g_ptr_array_index (broken, i));
  g_assert_cmpstr (joined->str, ==, "Supercalifragilisticexpialidocious");
  g_assert_false (plano_renderer_is_text_cut (renderer, longest));
}

/* A zone's title wraps across the zone rather than being cut, and its strip picks the zone. */
static void
test_zone_title_wraps (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoRenderer) renderer = NULL;
  PlanoZone *zone = (PlanoZone *) plano_item_new (PLANO_ITEM_ZONE, "z");
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *svg = NULL;
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, FALSE, NULL, NULL };

  zone->x = 0, zone->y = 0, zone->w = 200, zone->h = 300;
  zone->kind = g_strdup ("gold");
  zone->label = g_strdup ("Observabilidade e qualidade (Monte Carlo)");
  g_assert_true (plano_board_add_item (board, (PlanoItem *) zone, NULL));
  renderer = plano_renderer_new (board);
  svg = plano_renderer_to_svg (renderer, &(PlanoRect) { -20, -20, 300, 400 }, &options);

  lines = svg_lines (svg, "z");
  g_assert_cmpuint (lines->len, >=, 2);
  for (guint i = 0; i < lines->len; i++)
    g_assert_false (g_str_has_suffix (g_ptr_array_index (lines, i), "…"));
  g_assert_false (plano_renderer_is_text_cut (renderer, "z"));
  /* On the second line of the title, and below the title, inside. */
  g_assert_cmpstr (plano_renderer_pick (renderer, 100, 36, 2), ==, "z");
  g_assert_null (plano_renderer_pick (renderer, 100, 150, 2));
}

/* Every kind's icon drawn at the palette's size, as how much white each pixel shows over the
 * category's colour. */
static double *
glyph_coverage (const PlanoKind *kind,
                int              size)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (surface);
  double *coverage = g_new (double, size * size);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  double background;

#define LUMINANCE(x, y) \
  (0.2126 * data[(y) * stride + (x) * 4 + 2] + 0.7152 * data[(y) * stride + (x) * 4 + 1] + \
   0.0722 * data[(y) * stride + (x) * 4]) / 255.0

  plano_render_kind_icon (cr, kind, size);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);

  /* The middle of the left edge is the category's colour, outside the glyph's inset. */
  background = LUMINANCE (1, size / 2);
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      coverage[y * size + x] = CLAMP ((LUMINANCE (x, y) - background) / (1 - background), 0, 1);

#undef LUMINANCE

  cairo_surface_destroy (surface);
  return coverage;
}

/* No two kinds have the same icon: their glyphs differ by a fair number of pixels at the
 * palette's size, whatever their colours. */
static void
test_glyphs_differ (void)
{
  const int size = 28;
  guint n_kinds;
  const PlanoKind *kinds = plano_catalog_get_kinds (&n_kinds);
  g_autoptr(GPtrArray) coverages = g_ptr_array_new_with_free_func (g_free);
  double least = G_MAXDOUBLE;
  guint least_a = 0, least_b = 0;

  for (guint i = 0; i < n_kinds; i++)
    g_ptr_array_add (coverages, glyph_coverage (&kinds[i], size));
  g_ptr_array_add (coverages, glyph_coverage (plano_catalog_get_generic (), size));

  for (guint a = 0; a < coverages->len; a++)
    for (guint b = a + 1; b < coverages->len; b++)
      {
        const double *ca = g_ptr_array_index (coverages, a);
        const double *cb = g_ptr_array_index (coverages, b);
        double difference = 0;

        for (int i = 0; i < size * size; i++)
          difference += fabs (ca[i] - cb[i]);
        if (difference < least)
          least = difference, least_a = a, least_b = b;
      }

  g_test_message ("closest icons: %s and %s, %.0f pixels apart",
                  least_a < n_kinds ? kinds[least_a].id : "component",
                  least_b < n_kinds ? kinds[least_b].id : "component", least);
  /* Two kinds drawn alike differ by nothing. Strokes are about a pixel and a half wide here, so
   * 12 pixels is a stroke across half the glyph's box: a mark that shows. (The closest today,
   * Flink's bolt and Spark's spark, differ by 17.) */
  g_assert_cmpfloat (least, >=, 12);
}

/* An SVG of a board with every kind defines one icon per kind, each a drawing of its own, and
 * places it on every card. */
static void
test_svg_icon_per_kind (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoRenderer) renderer = NULL;
  g_autoptr(GHashTable) drawings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *svg = NULL;
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, FALSE, NULL, NULL };
  guint n_kinds, n_uses = 0;
  const PlanoKind *kinds = plano_catalog_get_kinds (&n_kinds);
  const char *defs, *p;
  PlanoRect bounds;

  for (guint i = 0; i < n_kinds; i++)
    plano_board_add_node (board, kinds[i].id, (i % 8) * 200.0, (i / 8) * 120.0);
  renderer = plano_renderer_new (board);
  g_assert_true (plano_renderer_get_bounds (renderer, &bounds));
  svg = plano_renderer_to_svg (renderer, &bounds, &options);

  defs = strstr (svg, "<defs>");
  g_assert_nonnull (defs);
  for (p = defs; (p = strstr (p, "<g id=\"glyph")) != NULL; p++)
    {
      const char *body = strchr (p, '>') + 1;

      g_hash_table_add (drawings, g_strndup (body, strstr (body, "</g>") - body));
    }
  for (p = svg; (p = strstr (p, "<use ")) != NULL && p < defs; p++)
    n_uses++;

  g_assert_cmpuint (g_hash_table_size (drawings), ==, n_kinds);
  g_assert_cmpuint (n_uses, ==, n_kinds);
}

/* Connections */

static void
set_board_route (PlanoBoard *board,
                 const char *route)
{
  PlanoProp prop = { (char *) "route", PLANO_VALUE_STRING, 0, (char *) route, FALSE };

  g_assert_true (plano_board_set_prop (board, NULL, &prop));
}

static void
set_edge_route (PlanoBoard *board,
                const char *id,
                const char *route)
{
  PlanoEdge *copy = (PlanoEdge *) plano_item_copy (plano_board_lookup (board, id));

  g_free (copy->route);
  copy->route = g_strdup (route);
  g_assert_true (plano_board_update_item (board, (PlanoItem *) copy, NULL));
  plano_item_free ((PlanoItem *) copy);
}

static char *
add_node_at (PlanoBoard *board,
             const char *kind,
             double      x,
             double      y)
{
  return g_strdup (plano_board_add_node (board, kind, x, y)->item.id);
}

static char *
add_edge_between (PlanoBoard *board,
                  const char *from,
                  const char *to)
{
  const PlanoEdge *edge = plano_board_add_edge (board, from, to, NULL, NULL);

  g_assert_nonnull (edge);
  return g_strdup (edge->item.id);
}

/* Whether a segment of @points passes through the inside of @box. */
static gboolean
crosses (GPtrArray       *points,
         const PlanoRect *box)
{
  for (guint i = 1; i < points->len; i++)
    {
      const PlanoPoint *a = g_ptr_array_index (points, i - 1), *b = g_ptr_array_index (points, i);

      if (MAX (a->x, b->x) > box->x && MIN (a->x, b->x) < box->x + box->w &&
          MAX (a->y, b->y) > box->y && MIN (a->y, b->y) < box->y + box->h)
        return TRUE;
    }

  return FALSE;
}

/* Every connection of @board laid out by @renderer as a renderer made now lays it out: what
 * changes laid out again is what a fresh layout gives. */
static void
assert_same_as_fresh (PlanoBoard    *board,
                      PlanoRenderer *renderer)
{
  g_autoptr(PlanoRenderer) fresh = plano_renderer_new (board);

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_EDGE); i++)
    {
      const PlanoItem *edge = plano_board_get_item (board, PLANO_ITEM_EDGE, i);
      g_autoptr(GPtrArray) live = plano_renderer_get_edge_points (renderer, edge->id);
      g_autoptr(GPtrArray) expected = plano_renderer_get_edge_points (fresh, edge->id);

      g_assert_cmpuint (live->len, ==, expected->len);
      for (guint p = 0; p < live->len; p++)
        {
          const PlanoPoint *a = g_ptr_array_index (live, p), *b = g_ptr_array_index (expected, p);

          g_assert_cmpfloat (a->x, ==, b->x);
          g_assert_cmpfloat (a->y, ==, b->y);
        }
    }
}

/* A component placed between two others: the orthogonal connection between them goes around
 * it, keeping its distance, and straight across once it moves away. */
static void
test_orthogonal_avoids (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autofree char *a = add_node_at (board, "kafka", 0, 0);
  g_autofree char *c = add_node_at (board, "redis", 560, 0);
  g_autofree char *edge = add_edge_between (board, a, c);
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  g_autoptr(GPtrArray) points = NULL;
  g_autofree char *b = NULL;
  const char *moved[2] = { NULL, NULL };
  PlanoRect box_a, box_b, box_c, kept;
  const PlanoPoint *first, *last;

  set_board_route (board, "orthogonal");
  g_assert_cmpint (plano_renderer_get_edge_route (renderer, edge), ==, PLANO_ROUTE_ORTHOGONAL);
  points = plano_renderer_get_edge_points (renderer, edge);
  g_assert_cmpuint (points->len, ==, 2);

  /* A component dropped between them. */
  b = add_node_at (board, "flink", 280, 0);
  moved[0] = b;
  g_assert_true (plano_renderer_get_drawn_bounds (renderer, a, &box_a));
  g_assert_true (plano_renderer_get_drawn_bounds (renderer, b, &box_b));
  g_assert_true (plano_renderer_get_drawn_bounds (renderer, c, &box_c));
  g_clear_pointer (&points, g_ptr_array_unref);
  points = plano_renderer_get_edge_points (renderer, edge);
  plano_test_assert_orthogonal (points);
  g_assert_cmpuint (points->len, >, 2);
  first = g_ptr_array_index (points, 0);
  last = g_ptr_array_index (points, points->len - 1);
  g_assert_cmpfloat (first->x, ==, box_a.x + box_a.w);
  g_assert_cmpfloat (first->y, ==, box_a.y + box_a.h / 2);
  g_assert_cmpfloat (last->x, ==, box_c.x);
  kept = box_b;
  plano_rect_inflate (&kept, PLANO_ROUTE_CLEARANCE - 0.5);
  g_assert_false (crosses (points, &kept));
  g_assert_false (crosses (points, &box_a));
  g_assert_false (crosses (points, &box_c));
  assert_same_as_fresh (board, renderer);

  /* Moved out of the way, and back in the way lower down. */
  plano_board_move_items (board, moved, 0, 300);
  g_clear_pointer (&points, g_ptr_array_unref);
  points = plano_renderer_get_edge_points (renderer, edge);
  g_assert_cmpuint (points->len, ==, 2);
  assert_same_as_fresh (board, renderer);

  plano_board_move_items (board, moved, 0, -280);
  g_clear_pointer (&points, g_ptr_array_unref);
  points = plano_renderer_get_edge_points (renderer, edge);
  g_assert_cmpuint (points->len, >, 2);
  g_assert_true (plano_renderer_get_drawn_bounds (renderer, b, &box_b));
  kept = box_b;
  plano_rect_inflate (&kept, PLANO_ROUTE_CLEARANCE - 0.5);
  g_assert_false (crosses (points, &kept));
  assert_same_as_fresh (board, renderer);

  /* Undone by hand: the edge's own style wins over the board's. */
  set_edge_route (board, edge, "straight");
  g_assert_cmpint (plano_renderer_get_edge_route (renderer, edge), ==, PLANO_ROUTE_STRAIGHT);
  g_clear_pointer (&points, g_ptr_array_unref);
  points = plano_renderer_get_edge_points (renderer, edge);
  g_assert_cmpuint (points->len, ==, 2);
  g_assert_true (crosses (points, &box_b));
}

/* Connections that share a side of a component are spread evenly along it, in the order of
 * their other ends, and spread again when another comes. */
static void
test_ports_spread (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autofree char *a = add_node_at (board, "kafka", 0, 200);
  g_autofree char *b1 = add_node_at (board, "flink", 400, 0);
  g_autofree char *b2 = add_node_at (board, "spark", 400, 200);
  g_autofree char *b3 = add_node_at (board, "redis", 400, 400);
  g_autofree char *b4 = NULL;
  /* Made in another order than they lie in. */
  g_autofree char *e3 = add_edge_between (board, a, b3);
  g_autofree char *e1 = add_edge_between (board, a, b1);
  g_autofree char *e2 = add_edge_between (board, b2, a);
  g_autofree char *e4 = NULL;
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  const char *edges[] = { e1, e2, e3 };
  PlanoRect box;
  PlanoPoint port, next;
  PlanoSide side;

  g_assert_true (plano_renderer_get_drawn_bounds (renderer, a, &box));
  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    {
      g_assert_true (plano_renderer_get_edge_port (renderer, edges[i], i == 1, &port, &side));
      g_assert_cmpint (side, ==, PLANO_SIDE_RIGHT);
      g_assert_cmpfloat (port.x, ==, box.x + box.w);
      g_assert_cmpfloat (fabs (port.y - (box.y + box.h * (i + 1) / 4)), <, 1e-9);
    }

  /* Where a fourth would go, toward the bottom right: last on the side. */
  g_assert_true (plano_renderer_get_port_point (renderer, a, 780, 532, &next, &side));
  g_assert_cmpint (side, ==, PLANO_SIDE_RIGHT);
  g_assert_cmpfloat (fabs (next.y - (box.y + box.h * 4 / 5)), <, 1e-9);

  /* It comes: the others move up to make room, as a fresh layout places them. */
  b4 = add_node_at (board, "druid", 700, 500);
  {
    PlanoPoint toward;

    /* Toward the component itself, as a connection to it will end. */
    g_assert_true (plano_renderer_get_port_toward (renderer, a, b4, &toward, &side));
    g_assert_cmpint (side, ==, PLANO_SIDE_RIGHT);
    g_assert_cmpfloat (toward.y, ==, next.y);
  }
  e4 = add_edge_between (board, a, b4);
  g_assert_true (plano_renderer_get_edge_port (renderer, e4, FALSE, &port, NULL));
  g_assert_cmpfloat (port.y, ==, next.y);
  g_assert_true (plano_renderer_get_edge_port (renderer, e1, FALSE, &port, NULL));
  g_assert_cmpfloat (fabs (port.y - (box.y + box.h / 5)), <, 1e-9);
  assert_same_as_fresh (board, renderer);

  /* One goes: the rest spread again. */
  plano_board_remove_item (board, e3);
  g_assert_true (plano_renderer_get_edge_port (renderer, e4, FALSE, &port, NULL));
  g_assert_cmpfloat (fabs (port.y - (box.y + box.h * 3 / 4)), <, 1e-9);
  assert_same_as_fresh (board, renderer);

  /* A lone port across from another lines up with it: e1's far end is level with its port. */
  {
    g_autoptr(GPtrArray) points = NULL;
    g_autofree char *c = add_node_at (board, "looker", -400, 210);
    g_autofree char *e5 = add_edge_between (board, c, a);
    const PlanoPoint *start, *end;

    points = plano_renderer_get_edge_points (renderer, e5);
    start = g_ptr_array_index (points, 0);
    end = g_ptr_array_index (points, points->len - 1);
    g_assert_cmpfloat (start->y, ==, end->y);
    assert_same_as_fresh (board, renderer);
  }
}

/* A connection to a zone ends on the zone's border, level with its other end. */
static void
test_zone_end (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autofree char *a = add_node_at (board, "kafka", 0, 300);
  PlanoZone *zone = (PlanoZone *) plano_item_new (PLANO_ITEM_ZONE, "layer");
  g_autoptr(PlanoRenderer) renderer = NULL;
  g_autofree char *edge = NULL;
  g_autoptr(GPtrArray) points = NULL;
  const PlanoPoint *end;
  PlanoRect box;

  zone->x = 400, zone->y = 0, zone->w = 600, zone->h = 800;
  g_assert_true (plano_board_add_item (board, (PlanoItem *) zone, NULL));
  edge = add_edge_between (board, a, "layer");
  renderer = plano_renderer_new (board);
  g_assert_true (plano_renderer_get_drawn_bounds (renderer, a, &box));

  for (guint r = 0; r < PLANO_N_ROUTES; r++)
    {
      set_board_route (board, plano_route_to_string (r));
      g_clear_pointer (&points, g_ptr_array_unref);
      points = plano_renderer_get_edge_points (renderer, edge);
      end = g_ptr_array_index (points, points->len - 1);
      g_assert_cmpfloat (end->x, ==, 400);
      g_assert_cmpfloat (end->y, ==, box.y + box.h / 2);
    }
}

/* The three styles as the painters draw them: a curve is a path of Bézier segments in the SVG,
 * an orthogonal route straight segments at right angles, the same every time. */
static void
test_route_styles_drawn (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autofree char *a = add_node_at (board, "kafka", 0, 0);
  g_autofree char *b = add_node_at (board, "flink", 400, 200);
  g_autofree char *edge = add_edge_between (board, a, b);
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, FALSE, NULL, NULL };
  PlanoRect area = { -20, -20, 640, 340 };

  for (guint r = 0; r < PLANO_N_ROUTES; r++)
    {
      g_autofree char *svg = NULL;
      g_autofree char *again = NULL;
      g_autoptr(PlanoRenderer) fresh = NULL;
      g_autoptr(GPtrArray) points = NULL;
      const char *group, *path;
      PlanoPoint middle;

      set_board_route (board, plano_route_to_string (r));
      svg = plano_renderer_to_svg (renderer, &area, &options);
      {
        g_autofree char *opening = g_strdup_printf ("<g id=\"%s\">", edge);

        group = strstr (svg, opening);
      }
      g_assert_nonnull (group);
      path = strstr (group, "<path d=\"M");
      g_assert_nonnull (path);
      path += strlen ("<path d=\"");
      g_test_message ("%s: %.*s", plano_route_to_string (r), (int) (strchr (path, '"') - path), path);
      g_assert_true ((strchr (path, 'C') != NULL && strchr (path, 'C') < strchr (path, '"')) ==
                     (r == PLANO_ROUTE_CURVED));

      points = plano_renderer_get_edge_points (renderer, edge);
      g_assert_cmpuint (points->len, ==, r == PLANO_ROUTE_ORTHOGONAL ? 4 : 2);
      if (r == PLANO_ROUTE_ORTHOGONAL)
        plano_test_assert_orthogonal (points);

      /* The label's place is on the line as drawn. */
      g_assert_true (plano_renderer_get_edge_middle (renderer, edge, &middle));
      g_assert_cmpstr (plano_renderer_pick (renderer, middle.x, middle.y, 1), ==, edge);

      fresh = plano_renderer_new (board);
      again = plano_renderer_to_svg (fresh, &area, &options);
      g_assert_cmpstr (svg, ==, again);
    }
}

/* Random changes to a board of connections in every style: after each, every route is what a
 * renderer made from scratch lays out, so that the canvas shows what the exports draw. */
static void
routes_follow_changes (guint32 seed)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) edges = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PlanoRenderer) renderer = NULL;
  static const char * const kinds[] = { "kafka", "flink", "redis", "spark", "lake" };

  set_board_route (board, "orthogonal");
  for (guint i = 0; i < 12; i++)
    g_ptr_array_add (nodes, add_node_at (board, kinds[i % G_N_ELEMENTS (kinds)],
                                         (i % 4) * 260, (i / 4) * 180));
  renderer = plano_renderer_new (board);

  for (guint step = 0; step < 120; step++)
    {
      guint op = g_rand_int_range (rand, 0, 6);
      const char *from = g_ptr_array_index (nodes, g_rand_int_range (rand, 0, nodes->len));
      const char *to = g_ptr_array_index (nodes, g_rand_int_range (rand, 0, nodes->len));

      if (op <= 1 || edges->len < 4)
        {
          if (!g_str_equal (from, to))
            g_ptr_array_add (edges, add_edge_between (board, from, to));
        }
      else if (op == 2)
        {
          const char *ids[] = { from, NULL };

          plano_board_move_items (board, ids, g_rand_int_range (rand, -200, 200),
                                  g_rand_int_range (rand, -150, 150));
        }
      else if (op == 3)
        {
          guint e = g_rand_int_range (rand, 0, edges->len);

          plano_board_remove_item (board, g_ptr_array_index (edges, e));
          g_ptr_array_remove_index (edges, e);
        }
      else if (op == 4)
        {
          static const char * const routes[] = { NULL, "straight", "orthogonal", "curved" };

          set_edge_route (board, g_ptr_array_index (edges, g_rand_int_range (rand, 0, edges->len)),
                          routes[g_rand_int_range (rand, 0, G_N_ELEMENTS (routes))]);
        }
      else
        {
          PlanoEdge *copy = (PlanoEdge *) plano_item_copy (plano_board_lookup (board, g_ptr_array_index (edges, g_rand_int_range (rand, 0, edges->len))));
          PlanoPoint bend = { g_rand_int_range (rand, -100, 900), g_rand_int_range (rand, -100, 500) };

          if (copy->waypoints == NULL)
            {
              copy->waypoints = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
              g_array_append_val (copy->waypoints, bend);
            }
          else
            g_clear_pointer (&copy->waypoints, g_array_unref);
          plano_board_update_item (board, (PlanoItem *) copy, NULL);
          plano_item_free ((PlanoItem *) copy);
        }

      assert_same_as_fresh (board, renderer);
    }
}

static void
test_routes_follow_changes (void)
{
  for (guint32 seed = 19; seed < 22; seed++)
    routes_follow_changes (seed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/render/border-point", test_border_point);
  g_test_add_func ("/plano/render/edge-anchoring", test_edge_anchoring);
  g_test_add_func ("/plano/render/pick", test_pick);
  g_test_add_func ("/plano/render/culling", test_culling);
  g_test_add_func ("/plano/render/culling-draws", test_culling_draws);
  g_test_add_func ("/plano/render/level-of-detail", test_level_of_detail);
  g_test_add_func ("/plano/render/overview-pixels", test_overview_pixels);
  g_test_add_func ("/plano/render/edges-follow-moves", test_edges_follow_moves);
  g_test_add_func ("/plano/render/item-box-is-tight", test_item_box_is_tight);
  g_test_add_func ("/plano/render/index-follows-board", test_index_follows_board);
  g_test_add_func ("/plano/render/index-big-boxes", test_index_big_boxes);
  g_test_add_func ("/plano/render/draw-every-kind", test_draw_every_kind);
  g_test_add_func ("/plano/render/edge-dashes-differ", test_edge_dashes_differ);
  g_test_add_func ("/plano/render/high-contrast", test_high_contrast);
  g_test_add_func ("/plano/render/orthogonal-avoids", test_orthogonal_avoids);
  g_test_add_func ("/plano/render/ports-spread", test_ports_spread);
  g_test_add_func ("/plano/render/zone-end", test_zone_end);
  g_test_add_func ("/plano/render/route-styles-drawn", test_route_styles_drawn);
  g_test_add_func ("/plano/render/routes-follow-changes", test_routes_follow_changes);
  g_test_add_func ("/plano/render/edge-clipping", test_edge_clipping);
  g_test_add_func ("/plano/render/text-stays-inside", test_text_stays_inside);
  g_test_add_func ("/plano/render/down-and-stale", test_down_and_stale);
  g_test_add_func ("/plano/render/label-grows-card", test_label_grows_card);
  g_test_add_func ("/plano/render/words-stay-whole", test_words_stay_whole);
  g_test_add_func ("/plano/render/zone-title-wraps", test_zone_title_wraps);
  g_test_add_func ("/plano/render/glyphs-differ", test_glyphs_differ);
  g_test_add_func ("/plano/render/svg-icon-per-kind", test_svg_icon_per_kind);

  return g_test_run ();
}
