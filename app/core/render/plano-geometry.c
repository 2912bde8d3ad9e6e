/* plano-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-geometry"

#include "config.h"

#include <math.h>

#include "plano-geometry.h"

gboolean
plano_rect_intersects (const PlanoRect *a,
                       const PlanoRect *b)
{
  return a->x <= b->x + b->w && b->x <= a->x + a->w &&
         a->y <= b->y + b->h && b->y <= a->y + a->h;
}

gboolean
plano_rect_contains (const PlanoRect *rect,
                     double           x,
                     double           y)
{
  return x >= rect->x && x <= rect->x + rect->w && y >= rect->y && y <= rect->y + rect->h;
}

/**
 * plano_rect_union:
 * @rect: (inout): grows to hold @other too; an empty @rect (w and h 0) becomes @other
 */
void
plano_rect_union (PlanoRect       *rect,
                  const PlanoRect *other)
{
  double x1, y1, x2, y2;

  if (rect->w <= 0 && rect->h <= 0)
    {
      *rect = *other;
      return;
    }

  x1 = MIN (rect->x, other->x);
  y1 = MIN (rect->y, other->y);
  x2 = MAX (rect->x + rect->w, other->x + other->w);
  y2 = MAX (rect->y + rect->h, other->y + other->h);
  *rect = (PlanoRect) { x1, y1, x2 - x1, y2 - y1 };
}

void
plano_rect_inflate (PlanoRect *rect,
                    double     amount)
{
  rect->x -= amount;
  rect->y -= amount;
  rect->w += 2 * amount;
  rect->h += 2 * amount;
}

PlanoPoint
plano_rect_center (const PlanoRect *rect)
{
  return (PlanoPoint) { rect->x + rect->w / 2, rect->y + rect->h / 2 };
}

/**
 * plano_rect_border_point:
 * @rect: a box
 * @toward: a point, usually outside the box
 *
 * Returns: where the line from the centre of @rect to @toward leaves @rect: the point an edge
 *   is anchored at, so that arrows touch the shape instead of pointing at its centre
 */
PlanoPoint
plano_rect_border_point (const PlanoRect *rect,
                         PlanoPoint       toward)
{
  PlanoPoint c = plano_rect_center (rect);
  double dx = toward.x - c.x;
  double dy = toward.y - c.y;
  double sx, sy, s;

  if (dx == 0 && dy == 0)
    return c;

  sx = dx != 0 ? (rect->w / 2) / fabs (dx) : G_MAXDOUBLE;
  sy = dy != 0 ? (rect->h / 2) / fabs (dy) : G_MAXDOUBLE;
  s = MIN (sx, sy);

  /* A point inside the box anchors at itself. */
  if (s >= 1)
    return toward;

  return (PlanoPoint) { c.x + dx * s, c.y + dy * s };
}

/**
 * plano_segment_distance:
 *
 * Returns: the distance from @p to the segment from @a to @b
 */
double
plano_segment_distance (PlanoPoint p,
                        PlanoPoint a,
                        PlanoPoint b)
{
  double dx = b.x - a.x;
  double dy = b.y - a.y;
  double len2 = dx * dx + dy * dy;
  double t;

  if (len2 == 0)
    return hypot (p.x - a.x, p.y - a.y);

  t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
  t = CLAMP (t, 0, 1);

  return hypot (p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
