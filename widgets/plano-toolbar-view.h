/* plano-toolbar-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *plano_toolbar_view_adopt (GtkWidget *box);
void       plano_toolbar_view_adopt_overlay_child (AdwToastOverlay *overlay);

G_END_DECLS
