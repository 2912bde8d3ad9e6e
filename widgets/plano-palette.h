/* plano-palette.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLANO_TYPE_PALETTE (plano_palette_get_type ())

G_DECLARE_FINAL_TYPE (PlanoPalette, plano_palette, PLANO, PALETTE, GtkWidget)

GtkWidget *plano_palette_new          (void);
void       plano_palette_set_filter   (PlanoPalette *self,
                                       const char   *text);
guint      plano_palette_count_shown  (PlanoPalette *self);
GStrv      plano_palette_get_shown    (PlanoPalette *self);
const char *plano_palette_get_highlighted (PlanoPalette *self);
void       plano_palette_focus_search (PlanoPalette *self);

G_END_DECLS
