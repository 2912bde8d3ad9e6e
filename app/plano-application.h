/* plano-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plano-window.h"

G_BEGIN_DECLS

#define PLANO_TYPE_APPLICATION (plano_application_get_type ())

G_DECLARE_FINAL_TYPE (PlanoApplication, plano_application, PLANO, APPLICATION, AdwApplication)

PlanoApplication *plano_application_new          (void);
PlanoWindow      *plano_application_new_window   (PlanoApplication *self);
void              plano_application_set_startup_template (PlanoApplication *self,
                                                          const char       *id);
void              plano_application_set_startup_solution (PlanoApplication *self,
                                                          const char       *id);
GSettings        *plano_application_get_settings (PlanoApplication *self);
GtkWidget        *plano_application_offer_recovery (PlanoApplication *self,
                                                    GtkWindow        *parent);
PlanoWindow      *plano_application_lookup_window (PlanoApplication *self,
                                                   GFile            *file);

G_END_DECLS
