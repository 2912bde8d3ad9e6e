/* plano-png.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the bytes of a PNG go, in order. */
typedef void (*PlanoPngEmitFunc) (const guint8 *data,
                                  gsize         length,
                                  gpointer      user_data);

typedef struct _PlanoPngEncoder PlanoPngEncoder;

PlanoPngEncoder  *plano_png_encoder_new       (int               width,
                                               int               height,
                                               gboolean          alpha,
                                               PlanoPngEmitFunc  emit,
                                               gpointer          user_data);
void              plano_png_encoder_add_rows  (PlanoPngEncoder  *self,
                                               const guint8     *pixels,
                                               int               stride,
                                               int               n_rows);
gboolean          plano_png_encoder_finish    (PlanoPngEncoder  *self);

G_END_DECLS
