/* plano-review-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plano-canvas.h"

G_BEGIN_DECLS

#define PLANO_TYPE_REVIEW_PANEL (plano_review_panel_get_type ())

G_DECLARE_FINAL_TYPE (PlanoReviewPanel, plano_review_panel, PLANO, REVIEW_PANEL, GtkWidget)

GtkWidget   *plano_review_panel_new          (void);
void         plano_review_panel_set_canvas   (PlanoReviewPanel *self,
                                              PlanoCanvas      *canvas);
void         plano_review_panel_refresh      (PlanoReviewPanel *self);
guint        plano_review_panel_get_n_rows   (PlanoReviewPanel *self);
void         plano_review_panel_activate_row (PlanoReviewPanel *self,
                                              guint             index);

G_END_DECLS
