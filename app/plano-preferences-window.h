/* plano-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLANO_TYPE_PREFERENCES_WINDOW (plano_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PlanoPreferencesWindow, plano_preferences_window, PLANO, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *plano_preferences_window_new (GSettings *settings);

G_END_DECLS
