/* plano-geometry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-item.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double w;
  double h;
} PlanoRect;

gboolean    plano_rect_intersects        (const PlanoRect *a,
                                          const PlanoRect *b);
gboolean    plano_rect_contains          (const PlanoRect *rect,
                                          double           x,
                                          double           y);
void        plano_rect_union             (PlanoRect       *rect,
                                          const PlanoRect *other);
void        plano_rect_inflate           (PlanoRect       *rect,
                                          double           amount);
PlanoPoint  plano_rect_center            (const PlanoRect *rect);
PlanoPoint  plano_rect_border_point      (const PlanoRect *rect,
                                          PlanoPoint       toward);
double      plano_segment_distance       (PlanoPoint       p,
                                          PlanoPoint       a,
                                          PlanoPoint       b);

G_END_DECLS
