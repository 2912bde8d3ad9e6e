/* plano-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLANO_TYPE_PREFERENCES_WINDOW (plano_preferences_window_get_type ())

/* An AdwPreferencesDialog shown inside the window where libadwaita has it (1.5 and later), an
 * AdwPreferencesWindow before. */
#if ADW_CHECK_VERSION (1, 5, 0)
G_DECLARE_FINAL_TYPE (PlanoPreferencesWindow, plano_preferences_window, PLANO, PREFERENCES_WINDOW,
                      AdwPreferencesDialog)
#else
G_DECLARE_FINAL_TYPE (PlanoPreferencesWindow, plano_preferences_window, PLANO, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)
#endif

GtkWidget *plano_preferences_window_new     (GSettings              *settings);
void       plano_preferences_window_present (PlanoPreferencesWindow *self,
                                             GtkWindow              *parent);

G_END_DECLS
