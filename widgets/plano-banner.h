/* plano-banner.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLANO_TYPE_BANNER (plano_banner_get_type ())

G_DECLARE_FINAL_TYPE (PlanoBanner, plano_banner, PLANO, BANNER, GtkWidget)

GtkWidget   *plano_banner_new            (void);
void         plano_banner_show           (PlanoBanner *self,
                                          const char  *title,
                                          const char  *primary_label,
                                          const char  *primary_action,
                                          const char  *secondary_label,
                                          const char  *secondary_action);
void         plano_banner_show_progress  (PlanoBanner *self,
                                          const char  *title,
                                          double       fraction);
void         plano_banner_hide           (PlanoBanner *self);
gboolean     plano_banner_get_revealed   (PlanoBanner *self);
const char  *plano_banner_get_title      (PlanoBanner *self);
double       plano_banner_get_fraction   (PlanoBanner *self);

G_END_DECLS
