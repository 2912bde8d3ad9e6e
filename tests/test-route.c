/* test-route.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "plano-route.h"

#define P(array, i) g_array_index ((array), PlanoPoint, (i))

/* Every segment of @route is horizontal or vertical. */
static void
assert_orthogonal (GArray *route)
{
  g_assert_cmpuint (route->len, >=, 2);
  for (guint i = 1; i < route->len; i++)
    g_assert_true (fabs (P (route, i).x - P (route, i - 1).x) < 1e-6 ||
                   fabs (P (route, i).y - P (route, i - 1).y) < 1e-6);
}

/* No segment of @route passes through the inside of @box. */
static gboolean
route_crosses (GArray          *route,
               const PlanoRect *box)
{
  for (guint i = 1; i < route->len; i++)
    {
      PlanoPoint a = P (route, i - 1), b = P (route, i);
      double x0 = MIN (a.x, b.x), x1 = MAX (a.x, b.x), y0 = MIN (a.y, b.y), y1 = MAX (a.y, b.y);

      if (x1 > box->x && x0 < box->x + box->w && y1 > box->y && y0 < box->y + box->h)
        return TRUE;
    }

  return FALSE;
}

static void
test_names (void)
{
  PlanoRoute route = PLANO_ROUTE_STRAIGHT;

  for (guint r = 0; r < PLANO_N_ROUTES; r++)
    {
      g_assert_true (plano_route_from_string (plano_route_to_string (r), &route));
      g_assert_cmpuint (route, ==, r);
    }
  g_assert_cmpstr (plano_route_to_string (PLANO_ROUTE_ORTHOGONAL), ==, "orthogonal");
  g_assert_false (plano_route_from_string ("isometric", &route));
  g_assert_false (plano_route_from_string (NULL, NULL));
}

/* Each end faces the other, across the wider gap; the two ends are on opposite sides. */
static void
test_facing_side (void)
{
  PlanoRect a = { 0, 0, 160, 64 };
  PlanoRect right = { 300, 40, 160, 64 };     /* on the row, a little lower */
  PlanoRect below = { 20, 200, 160, 64 };
  PlanoRect diagonal = { 230, 100, 160, 64 }; /* 70 across, 36 down: across wins */
  PlanoRect zone = { -100, -100, 500, 400 };
  PlanoRect point = { 80, -50, 0, 0 };

  g_assert_cmpint (plano_rect_facing_side (&a, &right), ==, PLANO_SIDE_RIGHT);
  g_assert_cmpint (plano_rect_facing_side (&right, &a), ==, PLANO_SIDE_LEFT);
  g_assert_cmpint (plano_rect_facing_side (&a, &below), ==, PLANO_SIDE_BOTTOM);
  g_assert_cmpint (plano_rect_facing_side (&below, &a), ==, PLANO_SIDE_TOP);
  g_assert_cmpint (plano_rect_facing_side (&a, &diagonal), ==, PLANO_SIDE_RIGHT);
  g_assert_cmpint (plano_rect_facing_side (&a, &point), ==, PLANO_SIDE_TOP);

  /* A box inside a zone and the zone: the zone's nearest side, for both. */
  g_assert_cmpint (plano_rect_facing_side (&a, &zone), ==, PLANO_SIDE_TOP);
  g_assert_cmpint (plano_rect_facing_side (&zone, &a), ==, PLANO_SIDE_TOP);

  g_assert_cmpfloat (plano_rect_side_point (&a, PLANO_SIDE_RIGHT, 0.25).y, ==, 16);
  g_assert_cmpfloat (plano_rect_side_point (&a, PLANO_SIDE_RIGHT, 0.25).x, ==, 160);
  g_assert_cmpfloat (plano_rect_side_point (&a, PLANO_SIDE_BOTTOM, 0.5).x, ==, 80);
  g_assert_cmpfloat (plano_side_get_normal (PLANO_SIDE_LEFT).x, ==, -1);
}

/* Facing ends with nothing between them: a straight line when level, else a Z whose middle
 * runs halfway between them. */
static void
test_plain (void)
{
  g_autoptr(GArray) level = plano_route_orthogonal ((PlanoPoint) { 160, 32 }, (PlanoPoint) { 1, 0 },
                                                    (PlanoPoint) { 400, 32 }, (PlanoPoint) { -1, 0 },
                                                    NULL, NULL, NULL);
  g_autoptr(GArray) z = plano_route_orthogonal ((PlanoPoint) { 160, 32 }, (PlanoPoint) { 1, 0 },
                                                (PlanoPoint) { 400, 132 }, (PlanoPoint) { -1, 0 },
                                                NULL, NULL, NULL);

  g_assert_cmpuint (level->len, ==, 2);
  g_assert_cmpuint (z->len, ==, 4);
  assert_orthogonal (z);
  g_assert_cmpfloat (P (z, 1).x, ==, 280);
  g_assert_cmpfloat (P (z, 2).x, ==, 280);
  g_assert_cmpfloat (P (z, 3).y, ==, 132);
}

typedef struct
{
  GArray *boxes;
  guint   asked;
} Obstacles;

static void
obstacles_cb (const PlanoRect *area,
              GArray          *boxes,
              gpointer         user_data)
{
  Obstacles *obstacles = user_data;

  obstacles->asked++;
  for (guint i = 0; i < obstacles->boxes->len; i++)
    {
      const PlanoRect *r = &g_array_index (obstacles->boxes, PlanoRect, i);

      if (plano_rect_intersects (r, area))
        g_array_append_val (boxes, *r);
    }
}

/* A component between two others: the route goes around it, keeping its distance, and the
 * same every time. */
static void
test_avoids (void)
{
  PlanoRect a = { 0, 0, 160, 64 }, b = { 240, 0, 160, 64 }, c = { 480, 0, 160, 64 };
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (PlanoRect));
  Obstacles obstacles = { boxes, 0 };
  g_autoptr(GArray) route = NULL;
  g_autoptr(GArray) again = NULL;
  PlanoRect searched, kept = b;

  g_array_append_vals (boxes, (PlanoRect[]) { a, b, c }, 3);
  route = plano_route_orthogonal ((PlanoPoint) { 160, 32 }, (PlanoPoint) { 1, 0 },
                                  (PlanoPoint) { 480, 32 }, (PlanoPoint) { -1, 0 },
                                  obstacles_cb, &obstacles, &searched);

  g_assert_cmpuint (obstacles.asked, >, 0);
  assert_orthogonal (route);
  g_assert_cmpfloat (P (route, 0).x, ==, 160);
  g_assert_cmpfloat (P (route, route->len - 1).x, ==, 480);
  /* It leaves and arrives level with its ends, across their sides. */
  g_assert_cmpfloat (P (route, 1).y, ==, 32);
  g_assert_cmpfloat (P (route, route->len - 2).y, ==, 32);
  plano_rect_inflate (&kept, PLANO_ROUTE_CLEARANCE - 0.5);
  g_assert_false (route_crosses (route, &kept));
  /* Over or under the component in the way: two bends to go around it, two to come back. */
  g_assert_cmpuint (route->len, ==, 6);
  g_assert_true (plano_rect_contains (&searched, 320, 32));

  again = plano_route_orthogonal ((PlanoPoint) { 160, 32 }, (PlanoPoint) { 1, 0 },
                                  (PlanoPoint) { 480, 32 }, (PlanoPoint) { -1, 0 },
                                  obstacles_cb, &obstacles, NULL);
  g_assert_cmpuint (again->len, ==, route->len);
  for (guint i = 0; i < route->len; i++)
    {
      g_assert_cmpfloat (P (again, i).x, ==, P (route, i).x);
      g_assert_cmpfloat (P (again, i).y, ==, P (route, i).y);
    }
}

/* Walled in on every side but the one it leaves by, the route goes around the wall's end. */
static void
test_around_a_wall (void)
{
  PlanoRect a = { 0, 0, 100, 60 }, wall = { 150, -300, 40, 700 }, c = { 300, 0, 100, 60 };
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (PlanoRect));
  Obstacles obstacles = { boxes, 0 };
  g_autoptr(GArray) route = NULL;
  PlanoRect kept = wall;

  g_array_append_vals (boxes, (PlanoRect[]) { a, wall, c }, 3);
  route = plano_route_orthogonal ((PlanoPoint) { 100, 30 }, (PlanoPoint) { 1, 0 },
                                  (PlanoPoint) { 300, 30 }, (PlanoPoint) { -1, 0 },
                                  obstacles_cb, &obstacles, NULL);
  assert_orthogonal (route);
  plano_rect_inflate (&kept, PLANO_ROUTE_CLEARANCE - 0.5);
  g_assert_false (route_crosses (route, &kept));
  g_assert_false (route_crosses (route, &a));
  g_assert_false (route_crosses (route, &c));
}

/* Through bend points of the user's: orthogonal, through each of them, leaving and reaching
 * the ends across their sides. */
static void
test_through (void)
{
  g_autoptr(GArray) waypoints = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
  g_autoptr(GArray) route = NULL;
  guint found = 0;

  g_array_append_vals (waypoints, (PlanoPoint[]) { { 250, 100 }, { 330, 20 } }, 2);
  route = plano_route_orthogonal_through ((PlanoPoint) { 160, 32 }, (PlanoPoint) { 1, 0 }, waypoints,
                                          (PlanoPoint) { 480, 60 }, (PlanoPoint) { -1, 0 });
  assert_orthogonal (route);
  for (guint i = 0; i < route->len; i++)
    g_test_message ("%g %g", P (route, i).x, P (route, i).y);
  for (guint i = 0; i < route->len; i++)
    for (guint w = 0; w < waypoints->len; w++)
      if (P (route, i).x == P (waypoints, w).x && P (route, i).y == P (waypoints, w).y)
        found++;
  g_assert_cmpuint (found, ==, 2);
  g_assert_cmpfloat (P (route, 1).y, ==, 32);
  g_assert_cmpfloat (P (route, route->len - 2).y, ==, 60);
  g_assert_cmpfloat (P (route, route->len - 2).x, <, 480);
}

/* Dragging a segment sideways moves its inner ends; a lone segment gets two bend points. */
static void
test_move_segment (void)
{
  g_autoptr(GArray) route = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
  g_autoptr(GArray) moved = NULL;
  g_autoptr(GArray) lone = NULL;

  g_array_append_vals (route, (PlanoPoint[]) { { 0, 0 }, { 100, 0 }, { 100, 80 }, { 200, 80 } }, 4);
  moved = plano_route_move_segment (route, 1, 30);
  g_assert_cmpuint (moved->len, ==, 2);
  g_assert_cmpfloat (P (moved, 0).x, ==, 130);
  g_assert_cmpfloat (P (moved, 0).y, ==, 0);
  g_assert_cmpfloat (P (moved, 1).x, ==, 130);
  g_assert_cmpfloat (P (moved, 1).y, ==, 80);

  g_clear_pointer (&moved, g_array_unref);
  moved = plano_route_move_segment (route, 0, -10);
  g_assert_cmpfloat (P (moved, 0).y, ==, -10);
  g_assert_cmpfloat (P (moved, 1).y, ==, 80);

  g_array_set_size (route, 2);
  P (route, 1) = (PlanoPoint) { 200, 0 };
  lone = plano_route_move_segment (route, 0, 40);
  g_assert_cmpuint (lone->len, ==, 2);
  g_assert_cmpfloat (P (lone, 0).x, ==, 2 * PLANO_ROUTE_CLEARANCE);
  g_assert_cmpfloat (P (lone, 0).y, ==, 40);
  g_assert_cmpfloat (P (lone, 1).x, ==, 200 - 2 * PLANO_ROUTE_CLEARANCE);
  g_assert_cmpfloat (P (lone, 1).y, ==, 40);
}

/* A curve leaves and reaches its ends across their sides, passes through its bend points, and
 * its flattened form follows it. */
static void
test_curve (void)
{
  g_autoptr(GArray) waypoints = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
  g_autoptr(GArray) curve = NULL;
  g_autoptr(GArray) flat = NULL;
  gboolean through = FALSE;

  g_array_append_val (waypoints, ((PlanoPoint) { 300, 200 }));
  curve = plano_route_curve ((PlanoPoint) { 160, 32 }, (PlanoPoint) { 1, 0 }, waypoints,
                             (PlanoPoint) { 480, 100 }, (PlanoPoint) { 0, -1 });
  g_assert_cmpuint (curve->len, ==, 7);
  g_assert_cmpfloat (P (curve, 0).x, ==, 160);
  g_assert_cmpfloat (P (curve, 3).x, ==, 300);
  g_assert_cmpfloat (P (curve, 6).y, ==, 100);
  /* The first control point lies to the right of the start, the last above the end. */
  g_assert_cmpfloat (P (curve, 1).y, ==, 32);
  g_assert_cmpfloat (P (curve, 1).x, >, 160);
  g_assert_cmpfloat (P (curve, 5).x, ==, 480);
  g_assert_cmpfloat (P (curve, 5).y, <, 100);

  flat = plano_route_flatten_curve (curve);
  g_assert_cmpuint (flat->len, >, 8);
  g_assert_cmpfloat (P (flat, 0).x, ==, 160);
  g_assert_cmpfloat (P (flat, flat->len - 1).x, ==, 480);
  for (guint i = 0; i < flat->len; i++)
    through |= P (flat, i).x == 300 && P (flat, i).y == 200;
  g_assert_true (through);
  for (guint i = 1; i < flat->len; i++)
    g_assert_cmpfloat (hypot (P (flat, i).x - P (flat, i - 1).x, P (flat, i).y - P (flat, i - 1).y), <, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/route/names", test_names);
  g_test_add_func ("/plano/route/facing-side", test_facing_side);
  g_test_add_func ("/plano/route/plain", test_plain);
  g_test_add_func ("/plano/route/avoids", test_avoids);
  g_test_add_func ("/plano/route/around-a-wall", test_around_a_wall);
  g_test_add_func ("/plano/route/through", test_through);
  g_test_add_func ("/plano/route/move-segment", test_move_segment);
  g_test_add_func ("/plano/route/curve", test_curve);

  return g_test_run ();
}
