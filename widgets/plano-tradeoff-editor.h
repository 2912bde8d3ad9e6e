/* plano-tradeoff-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plano-canvas.h"

G_BEGIN_DECLS

#define PLANO_TYPE_TRADEOFF_EDITOR (plano_tradeoff_editor_get_type ())

G_DECLARE_FINAL_TYPE (PlanoTradeoffEditor, plano_tradeoff_editor, PLANO, TRADEOFF_EDITOR, AdwWindow)

GtkWidget  *plano_tradeoff_editor_new     (PlanoCanvas          *canvas,
                                           const char           *id,
                                           const char           *target);
gboolean    plano_tradeoff_editor_save    (PlanoTradeoffEditor  *self);
GtkWidget  *plano_tradeoff_editor_get_row (PlanoTradeoffEditor  *self,
                                           const char           *name);

G_END_DECLS
