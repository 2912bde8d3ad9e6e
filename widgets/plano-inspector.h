/* plano-inspector.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plano-canvas.h"

G_BEGIN_DECLS

#define PLANO_TYPE_INSPECTOR (plano_inspector_get_type ())

G_DECLARE_FINAL_TYPE (PlanoInspector, plano_inspector, PLANO, INSPECTOR, GtkWidget)

GtkWidget   *plano_inspector_new          (void);
PlanoCanvas *plano_inspector_get_canvas   (PlanoInspector *self);
void         plano_inspector_set_canvas   (PlanoInspector *self,
                                           PlanoCanvas    *canvas);
GtkWidget   *plano_inspector_get_row      (PlanoInspector *self,
                                           const char     *name);

G_END_DECLS
