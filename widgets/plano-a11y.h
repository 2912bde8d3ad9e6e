/* plano-a11y.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once


G_BEGIN_DECLS

#include <adwaita.h>

void        plano_a11y_init           (void);
void        plano_a11y_clean_names    (GtkWidget       *widget);
void        plano_a11y_clean_tree     (GtkWidget       *widget);
void        plano_a11y_add_announcer  (AdwToastOverlay *overlay);
void        plano_a11y_announce       (GtkWidget       *widget,
                                       const char      *text);
const char *plano_a11y_get_announced  (GtkWidget       *widget);
void        plano_a11y_add_toast      (AdwToastOverlay *overlay,
                                       AdwToast        *toast);
void        plano_a11y_return_focus   (GtkWidget       *dialog,
                                       GtkWindow       *parent);

G_END_DECLS
