/* plano-widget-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plano-review.h"

G_BEGIN_DECLS

void       plano_list_box_remove_all        (GtkListBox    *list);
GtkWidget *plano_list_box_add_text_row      (GtkListBox    *list,
                                             const char    *title,
                                             const char    *subtitle);
GtkWidget *plano_list_box_add_more_findings (GtkListBox    *list,
                                             guint          more);
GtkWidget *plano_status_icon_new            (const char    *icon_name,
                                             const char    *style,
                                             const char    *meaning);
const char *plano_severity_get_icon_name   (PlanoSeverity  severity);
const char *plano_severity_get_style_class (PlanoSeverity  severity);
GtkWidget *plano_severity_icon_new          (PlanoSeverity  severity);

G_END_DECLS
