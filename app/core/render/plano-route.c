/* plano-route.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-route"

#include "config.h"

#include <math.h>
#include <string.h>

#include "plano-route.h"

/* The ways a connection runs: the side of a box that faces the other end, and the three routes
 * between two ends that the renderer draws.
 *
 * An orthogonal route is found on a grid, as libavoid's and draw.io's routers do it in spirit.
 * The lines of the grid are the borders of the components near the connection, kept
 * CLEARANCE away from them, the lines through both ends, and the lines halfway between
 * neighbouring ones, so that a route runs down the middle of a gap rather than along a border.
 * A* finds the cheapest way on it: a route costs its length, BEND_COST a bend (one with fewer
 * bends reads better than one a little shorter) and HUG_COST more a unit of length run along a
 * component's border. A route leaves its start and reaches its end at right angles to their
 * sides, by a straight piece CLEARANCE long.
 *
 * The work is bounded so that a board of 10 000 components opens: only components near the box
 * between the ends are looked at (the area grows at most ROUNDS times to take in those it
 * found), at most MAX_OBSTACLES of them, on a grid of at most MAX_GRID points. Past those, or
 * when the ends are walled in, the route is the plain one, which goes around nothing. Before any
 * of that, the plain route is tried: most connections have a clear way and need no search.
 *
 * The same ends and components always give the same route: the components are sorted before use
 * and ties are broken in a fixed order, so that exports and tests are reproducible.
 */

#define CLEARANCE      PLANO_ROUTE_CLEARANCE
#define MARGIN         (3 * CLEARANCE)
#define ROUNDS         3
#define MAX_OBSTACLES  24
#define MAX_GRID       16000
#define BEND_COST      30.0
#define HUG_COST       0.25
#define EPSILON        0.01

/* Directions on the grid: east, west, south, north. The opposite of d is d ^ 1. */
enum { DIR_E, DIR_W, DIR_S, DIR_N, N_DIRS };

static const int dir_dx[N_DIRS] = { 1, -1, 0, 0 };
static const int dir_dy[N_DIRS] = { 0, 0, 1, -1 };

#define OPPOSITE(d) ((d) ^ 1)
#define HORIZONTAL(d) ((d) == DIR_E || (d) == DIR_W)

/* Sides */

/**
 * plano_rect_facing_side:
 * @rect: the box a connection ends on
 * @other: the box, or the point as an empty box, at its other end
 *
 * The side of @rect that faces @other: along the axis on which the two are further apart (by
 * the gap between them, so that a connection between two components of a row runs across the
 * row even when they are not level), or, when one holds the centre of the other, the side of
 * the outer one nearest to that centre, for both. @rect and @other swapped give the opposite
 * side, so that both ends of a connection face each other.
 *
 * Returns: the side
 */
PlanoSide
plano_rect_facing_side (const PlanoRect *rect,
                        const PlanoRect *other)
{
  PlanoPoint a = plano_rect_center (rect);
  PlanoPoint b = plano_rect_center (other);
  double dx = b.x - a.x;
  double dy = b.y - a.y;
  double gap_x = fabs (dx) - (rect->w + other->w) / 2;
  double gap_y = fabs (dy) - (rect->h + other->h) / 2;
  gboolean horizontal;

  if (plano_rect_contains (other, a.x, a.y) || plano_rect_contains (rect, b.x, b.y))
    {
      const PlanoRect *outer = plano_rect_contains (other, a.x, a.y) ? other : rect;
      PlanoPoint inner = outer == other ? a : b;
      double top = inner.y - outer->y;
      double bottom = outer->y + outer->h - inner.y;
      double left = inner.x - outer->x;
      double right = outer->x + outer->w - inner.x;
      double least = MIN (MIN (top, bottom), MIN (left, right));

      if (least == right)
        return PLANO_SIDE_RIGHT;
      if (least == left)
        return PLANO_SIDE_LEFT;
      if (least == bottom)
        return PLANO_SIDE_BOTTOM;
      return PLANO_SIDE_TOP;
    }

  if (gap_x >= 0 && gap_y >= 0)
    horizontal = gap_x >= gap_y;
  else if (gap_x >= 0 || gap_y >= 0)
    horizontal = gap_x >= 0;
  else
    horizontal = fabs (dx) / MAX (rect->w + other->w, 1) >= fabs (dy) / MAX (rect->h + other->h, 1);

  if (horizontal)
    return dx >= 0 ? PLANO_SIDE_RIGHT : PLANO_SIDE_LEFT;
  return dy >= 0 ? PLANO_SIDE_BOTTOM : PLANO_SIDE_TOP;
}

/**
 * plano_rect_side_point:
 * @t: where along the side, from 0 (its top or left end) to 1
 *
 * Returns: the point @t of the way along @side of @rect
 */
PlanoPoint
plano_rect_side_point (const PlanoRect *rect,
                       PlanoSide        side,
                       double           t)
{
  switch (side)
    {
    case PLANO_SIDE_TOP:
      return (PlanoPoint) { rect->x + t * rect->w, rect->y };
    case PLANO_SIDE_RIGHT:
      return (PlanoPoint) { rect->x + rect->w, rect->y + t * rect->h };
    case PLANO_SIDE_BOTTOM:
      return (PlanoPoint) { rect->x + t * rect->w, rect->y + rect->h };
    case PLANO_SIDE_LEFT:
    default:
      return (PlanoPoint) { rect->x, rect->y + t * rect->h };
    }
}

/**
 * plano_side_get_normal:
 *
 * Returns: the unit vector out of a box through @side
 */
PlanoPoint
plano_side_get_normal (PlanoSide side)
{
  static const PlanoPoint normals[] = {
    [PLANO_SIDE_TOP] = { 0, -1 },
    [PLANO_SIDE_RIGHT] = { 1, 0 },
    [PLANO_SIDE_BOTTOM] = { 0, 1 },
    [PLANO_SIDE_LEFT] = { -1, 0 },
  };

  g_return_val_if_fail (side <= PLANO_SIDE_LEFT, normals[0]);

  return normals[side];
}

/* Orthogonal routes */

static int
dir_of (PlanoPoint v)
{
  if (fabs (v.x) >= fabs (v.y))
    return v.x >= 0 ? DIR_E : DIR_W;
  return v.y >= 0 ? DIR_S : DIR_N;
}

static PlanoPoint
step (PlanoPoint p,
      int        dir,
      double     length)
{
  return (PlanoPoint) { p.x + dir_dx[dir] * length, p.y + dir_dy[dir] * length };
}

static gboolean
same_point (PlanoPoint a,
            PlanoPoint b)
{
  return fabs (a.x - b.x) < EPSILON && fabs (a.y - b.y) < EPSILON;
}

/* Without repeated points, and without points in the middle of a straight run. */
static void
simplify (GArray *points)
{
  guint out = 0;

  for (guint i = 0; i < points->len; i++)
    {
      PlanoPoint p = g_array_index (points, PlanoPoint, i);

      if (out > 0 && same_point (p, g_array_index (points, PlanoPoint, out - 1)))
        continue;
      if (out > 1)
        {
          PlanoPoint a = g_array_index (points, PlanoPoint, out - 2);
          PlanoPoint b = g_array_index (points, PlanoPoint, out - 1);
          gboolean level = fabs (a.y - b.y) < EPSILON && fabs (b.y - p.y) < EPSILON &&
                           (b.x - a.x) * (p.x - b.x) >= 0;
          gboolean plumb = fabs (a.x - b.x) < EPSILON && fabs (b.x - p.x) < EPSILON &&
                           (b.y - a.y) * (p.y - b.y) >= 0;

          if (level || plumb)
            out--;
        }
      g_array_index (points, PlanoPoint, out++) = p;
    }
  g_array_set_size (points, out);
}

/* Whether the axis-aligned segment from @a to @b stays out of every box of @boxes (it may run
 * along their borders). */
static gboolean
segment_clear (PlanoPoint    a,
               PlanoPoint    b,
               const GArray *boxes)
{
  double x0 = MIN (a.x, b.x), x1 = MAX (a.x, b.x);
  double y0 = MIN (a.y, b.y), y1 = MAX (a.y, b.y);

  for (guint i = 0; boxes != NULL && i < boxes->len; i++)
    {
      const PlanoRect *r = &g_array_index (boxes, PlanoRect, i);

      if (x1 > r->x + EPSILON && x0 < r->x + r->w - EPSILON &&
          y1 > r->y + EPSILON && y0 < r->y + r->h - EPSILON)
        return FALSE;
    }

  return TRUE;
}

/* The route with the fewest bends from @s (moving along @sd) to @t (arriving along @td), as
 * long as it goes around nothing: a Z through the middle, an L, or a straight line. NULL when
 * the ends need more than that or it crosses one of @boxes. */
static GArray *
plain_route (PlanoPoint    s,
             int           sd,
             PlanoPoint    t,
             int           td,
             const GArray *boxes)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
  double ahead_s, ahead_t;

  g_array_append_val (points, s);
  if (HORIZONTAL (sd) == HORIZONTAL (td))
    {
      if (sd != td)
        return NULL;
      ahead_s = HORIZONTAL (sd) ? (t.x - s.x) * dir_dx[sd] : (t.y - s.y) * dir_dy[sd];
      if (ahead_s < 0)
        return NULL;
      if (HORIZONTAL (sd) && fabs (s.y - t.y) >= EPSILON)
        {
          double mx = (s.x + t.x) / 2;

          g_array_append_vals (points, (PlanoPoint[]) { { mx, s.y }, { mx, t.y } }, 2);
        }
      else if (!HORIZONTAL (sd) && fabs (s.x - t.x) >= EPSILON)
        {
          double my = (s.y + t.y) / 2;

          g_array_append_vals (points, (PlanoPoint[]) { { s.x, my }, { t.x, my } }, 2);
        }
    }
  else
    {
      PlanoPoint corner = HORIZONTAL (sd) ? (PlanoPoint) { t.x, s.y } : (PlanoPoint) { s.x, t.y };

      ahead_s = HORIZONTAL (sd) ? (corner.x - s.x) * dir_dx[sd] : (corner.y - s.y) * dir_dy[sd];
      ahead_t = HORIZONTAL (td) ? (t.x - corner.x) * dir_dx[td] : (t.y - corner.y) * dir_dy[td];
      if (ahead_s < 0 || ahead_t < 0)
        return NULL;
      g_array_append_val (points, corner);
    }
  g_array_append_val (points, t);

  for (guint i = 1; i < points->len; i++)
    if (!segment_clear (g_array_index (points, PlanoPoint, i - 1),
                        g_array_index (points, PlanoPoint, i), boxes))
      return NULL;

  return g_steal_pointer (&points);
}

/* The grid: lines across x and across y, each marked preferred (a route may run along it at its
 * length's cost) or not (it runs along a component's border, or the edge of the area). */
typedef struct
{
  double   v;
  gboolean preferred;
} Line;

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const Line *x = a, *y = b;

  if (x->v != y->v)
    return x->v < y->v ? -1 : 1;
  return (x->preferred > y->preferred) - (x->preferred < y->preferred);
}

static void
add_line (GArray   *lines,
          double    v,
          gboolean  preferred)
{
  Line line = { v, preferred };

  g_array_append_val (lines, line);
}

/* Sorts @lines, merges those that coincide (a line is preferred only if all that made it are),
 * keeps those within @lo … @hi when @lo < @hi, and adds a preferred line halfway between
 * neighbours at least @gap apart. */
static void
finish_lines (GArray *lines,
              double  lo,
              double  hi,
              double  gap)
{
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (Line));

  g_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      Line line = g_array_index (lines, Line, i);

      if (lo < hi && (line.v < lo - EPSILON || line.v > hi + EPSILON))
        continue;
      if (merged->len > 0 && line.v - g_array_index (merged, Line, merged->len - 1).v < EPSILON)
        {
          g_array_index (merged, Line, merged->len - 1).preferred &= line.preferred;
          continue;
        }
      if (merged->len > 0 && line.v - g_array_index (merged, Line, merged->len - 1).v >= gap)
        add_line (merged, (line.v + g_array_index (merged, Line, merged->len - 1).v) / 2, TRUE);
      g_array_append_val (merged, line);
    }

  g_array_set_size (lines, 0);
  g_array_append_vals (lines, merged->data, merged->len);
}

/* The first line at @v or after it. */
static guint
lower_bound (const GArray *lines,
             double        v)
{
  guint lo = 0, hi = lines->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (lines, Line, mid).v < v)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static int
find_line (const GArray *lines,
           double        v)
{
  guint i = lower_bound (lines, v - EPSILON);

  return i < lines->len && fabs (g_array_index (lines, Line, i).v - v) < EPSILON ? (int) i : -1;
}

typedef struct
{
  double f;
  double g;
  guint  seq;
  guint  state;
} Open;

/* The cheapest first; among equally cheap ones the furthest along, which on a grid of many
 * equally good ways follows one of them to the end instead of widening all of them; then the
 * first pushed, so that the same grid always gives the same way. */
static gboolean
open_less (const Open *a,
           const Open *b)
{
  if (a->f != b->f)
    return a->f < b->f;
  if (a->g != b->g)
    return a->g > b->g;
  return a->seq < b->seq;
}

typedef struct
{
  Open  *items;
  guint  len;
  guint  allocated;
} Heap;

static void
heap_push (Heap *heap,
           Open  item)
{
  guint i;

  if (heap->len == heap->allocated)
    {
      heap->allocated = MAX (64, 2 * heap->allocated);
      heap->items = g_renew (Open, heap->items, heap->allocated);
    }
  for (i = heap->len++; i > 0 && open_less (&item, &heap->items[(i - 1) / 2]); i = (i - 1) / 2)
    heap->items[i] = heap->items[(i - 1) / 2];
  heap->items[i] = item;
}

static Open
heap_pop (Heap *heap)
{
  Open top = heap->items[0];
  Open last = heap->items[--heap->len];
  guint n = heap->len;
  guint i = 0;

  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n && open_less (&heap->items[child + 1], &heap->items[child]))
        child++;
      if (!open_less (&heap->items[child], &last))
        break;
      heap->items[i] = heap->items[child];
      i = child;
    }
  if (n > 0)
    heap->items[i] = last;

  return top;
}

/* The fewest turns from moving along @d to reach a point @dx, @dy away: none when it is
 * straight ahead, one when it is ahead or beside, two when it is behind. */
static guint
turns (int    d,
       double dx,
       double dy)
{
  double ahead = dx * dir_dx[d] + dy * dir_dy[d];
  double aside = fabs (dx * dir_dy[d]) + fabs (dy * dir_dx[d]);

  if (aside < EPSILON)
    return ahead > -EPSILON ? 0 : 2;
  return ahead > -EPSILON ? 1 : 2;
}

/* A lower bound of what a route costs from @x, @y, moving along @d, to @tx, @ty, arriving along
 * @td (any way when negative): its length, and a bend for each turn it must make, counted from
 * both ends. A route that arrives another way pays at least as much at its end. */
static double
estimate (double x,
          double y,
          int    d,
          double tx,
          double ty,
          int    td)
{
  guint bends = turns (d, tx - x, ty - y);

  if (td >= 0)
    bends = MAX (bends, turns (OPPOSITE (td), x - tx, y - ty));

  return fabs (tx - x) + fabs (ty - y) + bends * BEND_COST;
}

/* Marks what each box of @boxes closes on the grid: the points strictly inside it, and the
 * segments between two points that run through its inside. */
static void
close_boxes (const GArray *xs,
             const GArray *ys,
             const GArray *boxes,
             guint8       *node,
             guint8       *hseg,
             guint8       *vseg)
{
  guint nx = xs->len;

  for (guint b = 0; boxes != NULL && b < boxes->len; b++)
    {
      const PlanoRect *r = &g_array_index (boxes, PlanoRect, b);
      /* Lines strictly inside the box, and lines on or inside it. */
      guint xi0 = lower_bound (xs, r->x + EPSILON), xi1 = lower_bound (xs, r->x + r->w - EPSILON);
      guint yi0 = lower_bound (ys, r->y + EPSILON), yi1 = lower_bound (ys, r->y + r->h - EPSILON);
      guint xc0 = lower_bound (xs, r->x - EPSILON), xc1 = lower_bound (xs, r->x + r->w + EPSILON);
      guint yc0 = lower_bound (ys, r->y - EPSILON), yc1 = lower_bound (ys, r->y + r->h + EPSILON);

      for (guint j = yi0; j < yi1; j++)
        {
          for (guint i = xi0; i < xi1; i++)
            node[j * nx + i] = 1;
          for (guint i = xc0; i + 1 < xc1; i++)
            hseg[j * nx + i] = 1;
        }
      for (guint j = yc0; j + 1 < yc1; j++)
        for (guint i = xi0; i < xi1; i++)
          vseg[j * nx + i] = 1;
    }
}

/* A* on the grid from @s, moving along @sd (only along it at first when @lock), to @t, arriving
 * along @td: any direction when @td is negative; only that one when @hard, or at the cost of a
 * bend or two otherwise. The grid is made of the lines through both ends, CLEARANCE either side
 * of them, the borders of @boxes and, when @area is given, the edges of @area, and nothing
 * outside it; around @boxes, the lines halfway between those, and without @boxes, the lines
 * halfway between the ends. Returns the points from @s to @t, or NULL when there is no way. */
static GArray *
search (PlanoPoint       s,
        int              sd,
        gboolean         lock,
        PlanoPoint       t,
        int              td,
        gboolean         hard,
        const GArray    *boxes,
        const PlanoRect *area)
{
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (Line));
  Heap heap = { NULL, 0, 0 };
  g_autofree guint8 *node = NULL, *hseg = NULL, *vseg = NULL;
  g_autofree double *cost = NULL;
  g_autofree gint32 *parent = NULL;
  GArray *path;
  double lo_x = 0, hi_x = 0, lo_y = 0, hi_y = 0;
  double best = INFINITY;
  int best_state = -1;
  gboolean plain = boxes == NULL;
  int si, sj, ti, tj;
  guint nx, ny, n_states, start, seq = 0;

  if (same_point (s, t))
    {
      path = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
      g_array_append_val (path, s);
      return path;
    }

  /* Around components, the lines through an end are preferred across its direction only: a
   * route leaves a right side along its level line, not along the component's border. With
   * nothing to go around, a route runs through its ends and turns halfway between them, or
   * CLEARANCE past one of them when it must double back. */
  add_line (xs, s.x, plain || !HORIZONTAL (sd));
  add_line (ys, s.y, plain || HORIZONTAL (sd));
  add_line (xs, t.x, plain || td < 0 || !HORIZONTAL (td));
  add_line (ys, t.y, plain || td < 0 || HORIZONTAL (td));
  if (plain)
    {
      add_line (xs, (s.x + t.x) / 2, TRUE);
      add_line (ys, (s.y + t.y) / 2, TRUE);
    }
  for (int k = -1; k <= 1; k += 2)
    {
      add_line (xs, s.x + k * CLEARANCE, FALSE);
      add_line (ys, s.y + k * CLEARANCE, FALSE);
      add_line (xs, t.x + k * CLEARANCE, FALSE);
      add_line (ys, t.y + k * CLEARANCE, FALSE);
    }
  for (guint b = 0; boxes != NULL && b < boxes->len; b++)
    {
      const PlanoRect *r = &g_array_index (boxes, PlanoRect, b);

      add_line (xs, r->x, FALSE);
      add_line (xs, r->x + r->w, FALSE);
      add_line (ys, r->y, FALSE);
      add_line (ys, r->y + r->h, FALSE);
    }
  if (area != NULL)
    {
      lo_x = area->x, hi_x = area->x + area->w;
      lo_y = area->y, hi_y = area->y + area->h;
      add_line (xs, lo_x, FALSE);
      add_line (xs, hi_x, FALSE);
      add_line (ys, lo_y, FALSE);
      add_line (ys, hi_y, FALSE);
    }
  finish_lines (xs, lo_x, hi_x, plain ? INFINITY : CLEARANCE);
  finish_lines (ys, lo_y, hi_y, plain ? INFINITY : CLEARANCE);

  nx = xs->len;
  ny = ys->len;
  si = find_line (xs, s.x), sj = find_line (ys, s.y);
  ti = find_line (xs, t.x), tj = find_line (ys, t.y);
  if (si < 0 || sj < 0 || ti < 0 || tj < 0 || nx * ny > MAX_GRID)
    return NULL;

  node = g_malloc0 (nx * ny);
  hseg = g_malloc0 (nx * ny);
  vseg = g_malloc0 (nx * ny);
  close_boxes (xs, ys, boxes, node, hseg, vseg);

  n_states = nx * ny * N_DIRS;
  cost = g_new (double, n_states);
  parent = g_new (gint32, n_states);
  for (guint i = 0; i < n_states; i++)
    {
      cost[i] = INFINITY;
      parent[i] = -1;
    }

  start = ((guint) sj * nx + (guint) si) * N_DIRS + (guint) sd;
  cost[start] = 0;
  heap_push (&heap, (Open) { 0, 0, seq++, start });

  while (heap.len > 0)
    {
      Open open = heap_pop (&heap);
      guint at = open.state / N_DIRS;
      int d = (int) (open.state % N_DIRS);
      int i = (int) (at % nx), j = (int) (at / nx);

      if (open.f >= best)
        break;
      if (open.g > cost[open.state])
        continue;

      if (i == ti && j == tj)
        {
          double arrival = td < 0 || d == td ? 0 : hard ? INFINITY :
                           d == OPPOSITE (td) ? 2 * BEND_COST : BEND_COST;

          if (open.g + arrival < best)
            {
              best = open.g + arrival;
              best_state = (int) open.state;
            }
          continue;
        }

      for (int nd = 0; nd < N_DIRS; nd++)
        {
          int ni = i + dir_dx[nd], nj = j + dir_dy[nd];
          guint next;
          const Line *along;
          double length, g;
          gboolean blocked;

          if (nd == OPPOSITE (d) || (lock && open.state == start && nd != d))
            continue;
          if (ni < 0 || nj < 0 || ni >= (int) nx || nj >= (int) ny)
            continue;

          switch (nd)
            {
            case DIR_E: blocked = hseg[j * nx + i]; break;
            case DIR_W: blocked = hseg[j * nx + ni]; break;
            case DIR_S: blocked = vseg[j * nx + i]; break;
            case DIR_N:
            default: blocked = vseg[nj * nx + i]; break;
            }
          next = (guint) nj * nx + (guint) ni;
          if (blocked || (node[next] && !(ni == ti && nj == tj)))
            continue;

          along = HORIZONTAL (nd) ? &g_array_index (ys, Line, j) : &g_array_index (xs, Line, i);
          length = fabs (g_array_index (xs, Line, ni).v - g_array_index (xs, Line, i).v) +
                   fabs (g_array_index (ys, Line, nj).v - g_array_index (ys, Line, j).v);
          g = open.g + length * (along->preferred ? 1 : 1 + HUG_COST) + (nd != d ? BEND_COST : 0);
          next = next * N_DIRS + (guint) nd;
          if (g >= cost[next])
            continue;

          cost[next] = g;
          parent[next] = (gint32) open.state;
          heap_push (&heap, (Open) { g + estimate (g_array_index (xs, Line, ni).v,
                                                   g_array_index (ys, Line, nj).v, nd,
                                                   t.x, t.y, td),
                                     g, seq++, next });
        }
    }
  g_free (heap.items);

  if (best_state < 0)
    return NULL;

  path = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
  for (gint32 state = best_state; state >= 0; state = parent[state])
    {
      guint at = (guint) state / N_DIRS;
      PlanoPoint p = { g_array_index (xs, Line, at % nx).v, g_array_index (ys, Line, at / nx).v };

      g_array_prepend_val (path, p);
    }
  /* The ends exactly as given, not as the grid rounded them. */
  g_array_index (path, PlanoPoint, 0) = s;
  g_array_index (path, PlanoPoint, path->len - 1) = t;

  return path;
}

static double
point_segment_distance (PlanoPoint p,
                        PlanoPoint a,
                        PlanoPoint b)
{
  return plano_segment_distance (p, a, b);
}

typedef struct
{
  PlanoRect rect;
  double    distance;
} Obstacle;

static int
compare_obstacles (gconstpointer a,
                   gconstpointer b)
{
  const Obstacle *x = a, *y = b;
  const double kx[] = { x->distance, x->rect.x, x->rect.y, x->rect.w, x->rect.h };
  const double ky[] = { y->distance, y->rect.x, y->rect.y, y->rect.w, y->rect.h };

  for (guint i = 0; i < G_N_ELEMENTS (kx); i++)
    if (kx[i] != ky[i])
      return kx[i] < ky[i] ? -1 : 1;

  return 0;
}

/* The components to go around, padded by CLEARANCE, nearest to the way between @s and @t first,
 * and the area they were looked for in. Those that hold an end are left out: there is no way
 * around them. */
static void
gather (PlanoObstaclesFunc  func,
        gpointer            user_data,
        PlanoPoint          s,
        PlanoPoint          t,
        GArray             *boxes,
        PlanoRect          *area)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (PlanoRect));
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (Obstacle));

  *area = (PlanoRect) { MIN (s.x, t.x), MIN (s.y, t.y), fabs (t.x - s.x), fabs (t.y - s.y) };
  plano_rect_inflate (area, MARGIN);

  for (guint round = 0; func != NULL && round < ROUNDS; round++)
    {
      PlanoRect grown = *area;

      g_array_set_size (found, 0);
      func (area, found, user_data);
      if (round + 1 == ROUNDS)
        break;

      for (guint i = 0; i < found->len; i++)
        {
          PlanoRect r = g_array_index (found, PlanoRect, i);

          plano_rect_inflate (&r, 2 * CLEARANCE);
          plano_rect_union (&grown, &r);
        }
      if (memcmp (&grown, area, sizeof grown) == 0)
        break;
      *area = grown;
    }

  for (guint i = 0; i < found->len; i++)
    {
      Obstacle o = { g_array_index (found, PlanoRect, i), 0 };

      plano_rect_inflate (&o.rect, CLEARANCE);
      if ((s.x > o.rect.x + EPSILON && s.x < o.rect.x + o.rect.w - EPSILON &&
           s.y > o.rect.y + EPSILON && s.y < o.rect.y + o.rect.h - EPSILON) ||
          (t.x > o.rect.x + EPSILON && t.x < o.rect.x + o.rect.w - EPSILON &&
           t.y > o.rect.y + EPSILON && t.y < o.rect.y + o.rect.h - EPSILON))
        continue;
      o.distance = point_segment_distance (plano_rect_center (&o.rect), s, t);
      g_array_append_val (sorted, o);
    }
  g_array_sort (sorted, compare_obstacles);

  g_array_set_size (boxes, 0);
  for (guint i = 0; i < sorted->len && i < MAX_OBSTACLES; i++)
    g_array_append_val (boxes, g_array_index (sorted, Obstacle, i).rect);
}

/**
 * plano_route_orthogonal:
 * @from: where the route starts, on a side of its box
 * @from_dir: the unit vector out of that side
 * @to: where it ends
 * @to_dir: the unit vector out of the side it ends on (the route arrives against it)
 * @obstacles: (nullable) (scope call): asked for the components to go around
 * @searched: (out) (optional): the area @obstacles was asked about: the route depends on what
 *   lies in it and on nothing outside it
 *
 * A route of horizontal and vertical segments from @from to @to that goes around the boxes
 * @obstacles gives, keeping PLANO_ROUTE_CLEARANCE from them, with few bends.
 *
 * Returns: (transfer full) (element-type PlanoPoint): its points, @from and @to included
 */
GArray *
plano_route_orthogonal (PlanoPoint          from,
                        PlanoPoint          from_dir,
                        PlanoPoint          to,
                        PlanoPoint          to_dir,
                        PlanoObstaclesFunc  obstacles,
                        gpointer            user_data,
                        PlanoRect          *searched)
{
  int sd = dir_of (from_dir);
  int td = OPPOSITE (dir_of (to_dir));
  double ahead = HORIZONTAL (sd) ? (to.x - from.x) * dir_dx[sd] : (to.y - from.y) * dir_dy[sd];
  /* Ends that face each other across a gap narrower than two clearances meet halfway. */
  double stub = sd == td && ahead >= 0 && ahead < 2 * CLEARANCE ? ahead / 2 : CLEARANCE;
  PlanoPoint s = step (from, sd, stub);
  PlanoPoint t = step (to, OPPOSITE (td), stub);
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (PlanoRect));
  GArray *path;
  PlanoRect area;

  gather (obstacles, user_data, s, t, boxes, &area);
  if (searched != NULL)
    *searched = area;

  path = plain_route (s, sd, t, td, boxes);
  if (path == NULL && boxes->len > 0)
    path = search (s, sd, FALSE, t, td, FALSE, boxes, &area);
  if (path == NULL)
    path = search (s, sd, FALSE, t, td, FALSE, NULL, NULL);
  /* The grid through both ends and CLEARANCE around them always has a way; this is only in case
   * rounding left none. */
  if (path == NULL)
    {
      path = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
      g_array_append_vals (path, (PlanoPoint[]) { s, { t.x, s.y }, t }, 3);
    }

  g_array_prepend_val (path, from);
  g_array_append_val (path, to);
  simplify (path);

  return path;
}

/**
 * plano_route_orthogonal_through:
 * @waypoints: (nullable) (element-type PlanoPoint): points the route passes through, in order
 *
 * A route of horizontal and vertical segments from @from, leaving along @from_dir, through
 * @waypoints, to @to, arriving against @to_dir: a bend is added wherever two points are not
 * level or plumb. It goes around nothing: the points are the user's.
 *
 * Returns: (transfer full) (element-type PlanoPoint): its points, @from and @to included
 */
GArray *
plano_route_orthogonal_through (PlanoPoint  from,
                                PlanoPoint  from_dir,
                                GArray     *waypoints,
                                PlanoPoint  to,
                                PlanoPoint  to_dir)
{
  GArray *route = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
  PlanoPoint at = from;
  int d = dir_of (from_dir);
  gboolean lock = TRUE;
  guint n = waypoints != NULL ? waypoints->len : 0;

  g_array_append_val (route, from);
  for (guint i = 0; i <= n; i++)
    {
      gboolean last = i == n;
      PlanoPoint next = last ? to : g_array_index (waypoints, PlanoPoint, i);
      int arrive = last ? OPPOSITE (dir_of (to_dir)) : -1;
      g_autoptr(GArray) leg = search (at, d, lock, next, arrive, TRUE, NULL, NULL);

      if (leg == NULL)
        {
          /* Not expected, with the lines around both ends; an L keeps it orthogonal. */
          leg = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
          g_array_append_vals (leg, (PlanoPoint[]) { at, { next.x, at.y }, next }, 3);
        }

      g_array_append_vals (route, &g_array_index (leg, PlanoPoint, 1), leg->len - 1);
      if (leg->len >= 2)
        {
          PlanoPoint a = g_array_index (leg, PlanoPoint, leg->len - 2);
          PlanoPoint b = g_array_index (leg, PlanoPoint, leg->len - 1);

          d = dir_of ((PlanoPoint) { b.x - a.x, b.y - a.y });
          lock = FALSE;
        }
      at = next;
    }
  simplify (route);

  return route;
}

/**
 * plano_route_move_segment:
 * @route: (element-type PlanoPoint): the points of an orthogonal route, ends included
 * @segment: which segment, 0 for the one from the start
 * @offset: how far to move it, across itself: down for a horizontal one, right for a vertical
 *
 * Moves one segment of an orthogonal route sideways, as dragging it does: its inner ends move
 * with it, and the ends of the route stay where they are, so that the route's renderer slides
 * them along their sides, or adds a bend, to meet the moved segment. A route of one segment
 * keeps a short piece of it at each end and moves the rest.
 *
 * Returns: (transfer full) (element-type PlanoPoint): the points between the ends of the route
 *   after the move: its new bend points
 */
GArray *
plano_route_move_segment (GArray *route,
                          guint   segment,
                          double  offset)
{
  GArray *points;
  PlanoPoint a, b, shift;
  guint n;

  g_return_val_if_fail (route != NULL && segment + 1 < route->len, NULL);

  n = route->len;
  a = g_array_index (route, PlanoPoint, segment);
  b = g_array_index (route, PlanoPoint, segment + 1);
  shift = fabs (b.x - a.x) >= fabs (b.y - a.y) ? (PlanoPoint) { 0, offset }
                                                : (PlanoPoint) { offset, 0 };

  points = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
  if (n == 2)
    {
      /* A lone segment keeps a short piece at each end, across its side, and the rest of it
       * moves. */
      double length = hypot (b.x - a.x, b.y - a.y);
      double inset = MIN (2 * CLEARANCE, length / 4);
      PlanoPoint along = { length > 0 ? (b.x - a.x) / length : 0,
                           length > 0 ? (b.y - a.y) / length : 0 };
      PlanoPoint ends[] = {
        { a.x + along.x * inset + shift.x, a.y + along.y * inset + shift.y },
        { b.x - along.x * inset + shift.x, b.y - along.y * inset + shift.y },
      };

      g_array_append_vals (points, ends, 2);
      return points;
    }

  g_array_append_vals (points, &g_array_index (route, PlanoPoint, 1), n - 2);
  for (guint i = segment; i <= segment + 1; i++)
    if (i >= 1 && i + 1 < n)
      {
        PlanoPoint *p = &g_array_index (points, PlanoPoint, i - 1);

        p->x += shift.x;
        p->y += shift.y;
      }

  return points;
}

/* Curves */

/**
 * plano_route_curve:
 * @waypoints: (nullable) (element-type PlanoPoint): points the curve passes through, in order
 *
 * A smooth curve from @from, leaving along @from_dir, through @waypoints, to @to, arriving
 * against @to_dir: a Catmull-Rom spline through the points, whose ends leave and reach their
 * sides at right angles.
 *
 * Returns: (transfer full) (element-type PlanoPoint): cubic Bézier segments, as their start and
 *   then two control points and an end for each: 1 + 3 × segments points
 */
GArray *
plano_route_curve (PlanoPoint  from,
                   PlanoPoint  from_dir,
                   GArray     *waypoints,
                   PlanoPoint  to,
                   PlanoPoint  to_dir)
{
  g_autoptr(GArray) through = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
  g_autofree PlanoPoint *tangent = NULL;
  GArray *curve = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
  guint n;

  g_array_append_val (through, from);
  if (waypoints != NULL)
    g_array_append_vals (through, waypoints->data, waypoints->len);
  g_array_append_val (through, to);
  n = through->len;

#define P(i) g_array_index (through, PlanoPoint, (i))
  /* The tangents, as a third of which the control points stand off the points: at the ends
   * along the sides' normals, as far as about half the first or last piece, so that a short
   * connection bends gently and a long one leaves its side straight. */
  tangent = g_new (PlanoPoint, n);
  for (guint i = 0; i < n; i++)
    {
      if (i == 0 || i + 1 == n)
        {
          PlanoPoint dir = i == 0 ? from_dir : (PlanoPoint) { -to_dir.x, -to_dir.y };
          PlanoPoint a = P (i == 0 ? 0 : n - 2), b = P (i == 0 ? 1 : n - 1);
          double reach = 3 * CLAMP (0.45 * hypot (b.x - a.x, b.y - a.y), 20, 240);

          tangent[i] = (PlanoPoint) { dir.x * reach, dir.y * reach };
        }
      else
        tangent[i] = (PlanoPoint) { (P (i + 1).x - P (i - 1).x) / 2,
                                    (P (i + 1).y - P (i - 1).y) / 2 };
    }

  g_array_append_val (curve, from);
  for (guint i = 0; i + 1 < n; i++)
    {
      PlanoPoint segment[] = {
        { P (i).x + tangent[i].x / 3, P (i).y + tangent[i].y / 3 },
        { P (i + 1).x - tangent[i + 1].x / 3, P (i + 1).y - tangent[i + 1].y / 3 },
        P (i + 1),
      };

      g_array_append_vals (curve, segment, 3);
    }
#undef P

  return curve;
}

/**
 * plano_route_flatten_curve:
 * @curve: (element-type PlanoPoint): cubic Bézier segments, as plano_route_curve() gives them
 *
 * Returns: (transfer full) (element-type PlanoPoint): points along @curve, close enough
 *   together that the lines between them are within a fraction of a unit of it: what picking,
 *   bounds and the overview use
 */
GArray *
plano_route_flatten_curve (GArray *curve)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));

  g_return_val_if_fail (curve != NULL && curve->len >= 1, points);

  g_array_append_val (points, g_array_index (curve, PlanoPoint, 0));
  for (guint i = 0; i + 3 < curve->len; i += 3)
    {
      PlanoPoint p0 = g_array_index (curve, PlanoPoint, i);
      PlanoPoint p1 = g_array_index (curve, PlanoPoint, i + 1);
      PlanoPoint p2 = g_array_index (curve, PlanoPoint, i + 2);
      PlanoPoint p3 = g_array_index (curve, PlanoPoint, i + 3);
      double hull = hypot (p1.x - p0.x, p1.y - p0.y) + hypot (p2.x - p1.x, p2.y - p1.y) +
                    hypot (p3.x - p2.x, p3.y - p2.y);
      guint steps = (guint) CLAMP (ceil (hull / 6), 4, 64);

      for (guint k = 1; k <= steps; k++)
        {
          double t = (double) k / steps, u = 1 - t;
          PlanoPoint p = {
            u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
            u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y,
          };

          g_array_append_val (points, p);
        }
    }

  return points;
}
