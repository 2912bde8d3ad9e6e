/* plano-progress-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLANO_TYPE_PROGRESS_VIEW (plano_progress_view_get_type ())

G_DECLARE_FINAL_TYPE (PlanoProgressView, plano_progress_view, PLANO, PROGRESS_VIEW, AdwWindow)

GtkWidget *plano_progress_view_new       (const char        *history_path);
void       plano_progress_view_reload    (PlanoProgressView *self);
guint      plano_progress_view_get_n_plotted (PlanoProgressView *self);
GtkWidget *plano_progress_view_get_part  (PlanoProgressView *self,
                                          const char        *name);

G_END_DECLS
