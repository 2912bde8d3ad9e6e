/* plano-render-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "plano-render.h"

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} Color;

/* What the renderer draws through: cairo for the canvas, PNG, PDF, print and thumbnails; an
 * SVG writer of its own for the SVG export, so that text stays text.
 */
typedef struct _Painter Painter;

/* Paints something whose top-left corner is at @x, @y, from @data. */
typedef void (*PaintFunc) (Painter       *p,
                           gconstpointer  data,
                           double         x,
                           double         y);

struct _Painter
{
  void (*move_to)      (Painter *p, double x, double y);
  void (*line_to)      (Painter *p, double x, double y);
  void (*curve_to)     (Painter *p, double x1, double y1, double x2, double y2, double x, double y);
  void (*close_path)   (Painter *p);
  void (*circle)       (Painter *p, double cx, double cy, double r);
  void (*rounded_rect) (Painter *p, double x, double y, double w, double h, double r);
  void (*fill)         (Painter *p, const Color *color, gboolean preserve);
  void (*stroke)       (Painter *p, const Color *color, double width, const double *dash, int n_dash);
  void (*text)         (Painter *p, PangoLayout *layout, double x, double y, const Color *color);
  void (*begin_item)   (Painter *p, const char *id, const char *title);
  void (*end_item)     (Painter *p);
  gboolean titles;     /* whether begin_item() uses its title, which costs a string per item */
  gboolean coarse;     /* lines a pixel wide or less: plain joins and caps, no antialiasing */
  double   dash_offset; /* where in its dash pattern the next stroke starts */
  /* (nullable): paints a glyph as plano_render_glyph() would, in a way of its own; FALSE
   * when it does not, and the glyph is then painted through the methods above. */
  gboolean (*glyph)    (Painter *p, const char *glyph, double x, double y, double size, const Color *color);
  /* (nullable): paints what @paint paints at @x, @y, in a way of its own, once for all calls
   * with the same @key: @paint then paints at 0, 0 what fits in @w × @h with @margin around.
   * FALSE when it does not, and @paint is then called at @x, @y. */
  gboolean (*form)     (Painter *p, const char *key, double x, double y, double w, double h,
                        double margin, PaintFunc paint, gconstpointer data);
};

void plano_renderer_paint        (PlanoRenderer            *self,
                                  Painter                  *p,
                                  const PlanoRect          *area,
                                  const PlanoRenderOptions *options);
void plano_renderer_draw_within  (PlanoRenderer            *self,
                                  cairo_t                  *cr,
                                  const PlanoRect          *area,
                                  const PlanoRect          *within,
                                  const PlanoRenderOptions *options);
void plano_render_append_number  (GString                  *s,
                                  double                    v);
void plano_render_glyph          (Painter                  *p,
                                  const char               *glyph,
                                  double                    x,
                                  double                    y,
                                  double                    size,
                                  const Color              *color);

G_END_DECLS
