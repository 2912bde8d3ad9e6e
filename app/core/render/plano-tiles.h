/* plano-tiles.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "plano-render.h"

G_BEGIN_DECLS

/* A tile of the view: its picture, which @serial names, placed with its top-left corner at
 * @x, @y in the view's logical pixels, @size of them wide and high. */
typedef void (*PlanoTileFunc) (cairo_surface_t *surface,
                               guint64          serial,
                               double           x,
                               double           y,
                               double           size,
                               gpointer         user_data);

#define PLANO_TYPE_TILES (plano_tiles_get_type ())

G_DECLARE_FINAL_TYPE (PlanoTiles, plano_tiles, PLANO, TILES, GObject)

PlanoTiles     *plano_tiles_new            (PlanoRenderer             *renderer);
PlanoRenderer  *plano_tiles_get_renderer   (PlanoTiles                *self);
void            plano_tiles_draw           (PlanoTiles                *self,
                                            cairo_t                   *cr,
                                            const PlanoRect           *area,
                                            const PlanoRenderOptions  *options,
                                            int                        device_scale);
gboolean        plano_tiles_foreach        (PlanoTiles                *self,
                                            const PlanoRect           *area,
                                            const PlanoRenderOptions  *options,
                                            int                        device_scale,
                                            PlanoTileFunc              func,
                                            gpointer                   user_data);
gboolean        plano_tiles_prepare        (PlanoTiles                *self,
                                            const PlanoRect           *area,
                                            const PlanoRenderOptions  *options,
                                            int                        device_scale,
                                            guint                      max);
void            plano_tiles_get_origin     (PlanoTiles                *self,
                                            const PlanoRect           *area,
                                            const PlanoRenderOptions  *options,
                                            int                        device_scale,
                                            double                    *x,
                                            double                    *y);
guint           plano_tiles_get_n_cached   (PlanoTiles                *self);
guint           plano_tiles_get_n_drawn    (PlanoTiles                *self);

G_END_DECLS
