/* plano-template-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plano-render.h"

G_BEGIN_DECLS

#define PLANO_TYPE_TEMPLATE_CHOOSER (plano_template_chooser_get_type ())

G_DECLARE_FINAL_TYPE (PlanoTemplateChooser, plano_template_chooser, PLANO, TEMPLATE_CHOOSER, GtkWidget)

GtkWidget  *plano_template_chooser_new           (void);
GtkWidget  *plano_template_chooser_get_card      (PlanoTemplateChooser *self,
                                                  const char           *id);
GdkTexture *plano_template_render_thumbnail      (const char           *id,
                                                  int                   width,
                                                  int                   height,
                                                  PlanoTheme            theme);

G_END_DECLS
