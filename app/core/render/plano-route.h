/* plano-route.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-geometry.h"

G_BEGIN_DECLS

/* A side of a box, where a connection ends. */
typedef enum
{
  PLANO_SIDE_TOP,
  PLANO_SIDE_RIGHT,
  PLANO_SIDE_BOTTOM,
  PLANO_SIDE_LEFT,
} PlanoSide;

/* The room an orthogonal route keeps around components, and the length of the straight piece
 * by which it leaves and reaches a side: an arrowhead always has a straight end to sit on. */
#define PLANO_ROUTE_CLEARANCE 16.0

/* Asked by the orthogonal router for the boxes to go around that intersect @area: it appends
 * their PlanoRects to @boxes. */
typedef void (*PlanoObstaclesFunc) (const PlanoRect *area,
                                    GArray          *boxes,
                                    gpointer         user_data);

PlanoSide    plano_rect_facing_side         (const PlanoRect    *rect,
                                             const PlanoRect    *other);
PlanoPoint   plano_rect_side_point          (const PlanoRect    *rect,
                                             PlanoSide           side,
                                             double              t);
PlanoPoint   plano_side_get_normal          (PlanoSide           side);

GArray      *plano_route_orthogonal         (PlanoPoint          from,
                                             PlanoPoint          from_dir,
                                             PlanoPoint          to,
                                             PlanoPoint          to_dir,
                                             PlanoObstaclesFunc  obstacles,
                                             gpointer            user_data,
                                             PlanoRect          *searched);
GArray      *plano_route_orthogonal_through (PlanoPoint          from,
                                             PlanoPoint          from_dir,
                                             GArray             *waypoints,
                                             PlanoPoint          to,
                                             PlanoPoint          to_dir);
GArray      *plano_route_move_segment       (GArray             *route,
                                             guint               segment,
                                             double              offset);
GArray      *plano_route_curve              (PlanoPoint          from,
                                             PlanoPoint          from_dir,
                                             GArray             *waypoints,
                                             PlanoPoint          to,
                                             PlanoPoint          to_dir);
GArray      *plano_route_flatten_curve      (GArray             *curve);

G_END_DECLS
