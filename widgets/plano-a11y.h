/* plano-a11y.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void plano_a11y_init        (void);
void plano_a11y_clean_names (GtkWidget *widget);

G_END_DECLS
