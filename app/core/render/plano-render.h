/* plano-render.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "plano-board.h"
#include "plano-catalog.h"
#include "plano-geometry.h"
#include "plano-route.h"

G_BEGIN_DECLS

typedef enum
{
  PLANO_THEME_LIGHT,
  PLANO_THEME_DARK,
} PlanoTheme;

typedef struct
{
  PlanoTheme   theme;
  double       zoom;        /* screen pixels per canvas unit; small zooms draw less detail */
  gboolean     background;  /* paint the theme's background over the area first */
  GHashTable  *selected;    /* (nullable): set of selected ids */
  const char  *hover;       /* (nullable): the id under the pointer */
  gboolean     high_contrast; /* opaque text and borders, for the high contrast style */
  gboolean     plates;      /* text that lies on no card (zone titles, text items) gets a
                             * plate of the theme's background: for a transparent export,
                             * which may be shown on a light page or a dark one */
} PlanoRenderOptions;

/* Takes @chunk, the document written so far, and returns an empty string to go on with. */
typedef GString *(*PlanoRenderFlushFunc) (GString  *chunk,
                                          gpointer  user_data);

#define PLANO_TYPE_RENDERER (plano_renderer_get_type ())

G_DECLARE_FINAL_TYPE (PlanoRenderer, plano_renderer, PLANO, RENDERER, GObject)

PlanoRenderer  *plano_renderer_new          (PlanoBoard                *board);
PlanoBoard     *plano_renderer_get_board    (PlanoRenderer             *self);
gboolean        plano_renderer_get_bounds   (PlanoRenderer             *self,
                                             PlanoRect                 *bounds);
gboolean        plano_renderer_get_item_box (PlanoRenderer             *self,
                                             const char                *id,
                                             PlanoRect                 *box);
gboolean        plano_renderer_get_drawn_bounds (PlanoRenderer         *self,
                                             const char                *id,
                                             PlanoRect                 *bounds);
gboolean        plano_renderer_is_text_cut  (PlanoRenderer             *self,
                                             const char                *id);
GPtrArray      *plano_renderer_get_edge_points (PlanoRenderer          *self,
                                             const char                *id);
PlanoRoute      plano_renderer_get_edge_route (PlanoRenderer           *self,
                                             const char                *id);
PlanoRoute      plano_renderer_get_default_route (PlanoRenderer        *self);
gboolean        plano_renderer_get_edge_middle (PlanoRenderer          *self,
                                             const char                *id,
                                             PlanoPoint                *middle);
gboolean        plano_renderer_get_edge_port (PlanoRenderer            *self,
                                             const char                *id,
                                             gboolean                   target,
                                             PlanoPoint                *point,
                                             PlanoSide                 *side);
gboolean        plano_renderer_get_port_point (PlanoRenderer           *self,
                                             const char                *id,
                                             double                     x,
                                             double                     y,
                                             PlanoPoint                *point,
                                             PlanoSide                 *side);
gboolean        plano_renderer_get_port_toward (PlanoRenderer          *self,
                                             const char                *id,
                                             const char                *other,
                                             PlanoPoint                *point,
                                             PlanoSide                 *side);
gboolean        plano_renderer_get_text_box (PlanoRenderer             *self,
                                             const char                *id,
                                             PlanoRect                 *box);
GStrv           plano_renderer_get_text_lines (PlanoRenderer           *self,
                                             const char                *id);
gboolean        plano_renderer_get_item_color (PlanoRenderer           *self,
                                             const char                *id,
                                             char                       color[8]);
void            plano_renderer_query        (PlanoRenderer             *self,
                                             const PlanoRect           *area,
                                             GPtrArray                 *ids);
const char     *plano_renderer_pick         (PlanoRenderer             *self,
                                             double                     x,
                                             double                     y,
                                             double                     tolerance);
void            plano_renderer_draw         (PlanoRenderer             *self,
                                             cairo_t                   *cr,
                                             const PlanoRect           *area,
                                             const PlanoRenderOptions  *options);
void            plano_renderer_draw_highlights (PlanoRenderer       *self,
                                             cairo_t                   *cr,
                                             const PlanoRect           *area,
                                             const PlanoRenderOptions  *options);
void            plano_renderer_fit_text     (PlanoRenderer             *self,
                                             const PlanoText           *text,
                                             gboolean                   keep_width,
                                             double                    *w,
                                             double                    *h);
void            plano_render_kind_icon      (cairo_t                   *cr,
                                             const PlanoKind           *kind,
                                             double                     size);
char           *plano_renderer_to_svg       (PlanoRenderer             *self,
                                             const PlanoRect           *area,
                                             const PlanoRenderOptions  *options);
void            plano_renderer_write_svg    (PlanoRenderer             *self,
                                             const PlanoRect           *area,
                                             const PlanoRenderOptions  *options,
                                             PlanoRenderFlushFunc       flush,
                                             gpointer                   user_data);

G_END_DECLS
