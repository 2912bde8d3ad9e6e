/* plano-interview-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plano-canvas.h"
#include "plano-interview.h"

G_BEGIN_DECLS

#define PLANO_TYPE_INTERVIEW_PANEL (plano_interview_panel_get_type ())

G_DECLARE_FINAL_TYPE (PlanoInterviewPanel, plano_interview_panel, PLANO, INTERVIEW_PANEL, GtkWidget)

GtkWidget      *plano_interview_panel_new           (void);
void            plano_interview_panel_set_canvas    (PlanoInterviewPanel *self,
                                                     PlanoCanvas         *canvas);
PlanoInterview *plano_interview_panel_get_interview (PlanoInterviewPanel *self);
void            plano_interview_panel_set_interview (PlanoInterviewPanel *self,
                                                     PlanoInterview      *interview);
void            plano_interview_panel_update        (PlanoInterviewPanel *self);
GtkWidget      *plano_interview_panel_get_part      (PlanoInterviewPanel *self,
                                                     const char          *name);
void            plano_interview_panel_show_step     (PlanoInterviewPanel *self,
                                                     int                  step);
void            plano_interview_panel_set_history_path (PlanoInterviewPanel *self,
                                                     const char          *path);
void            plano_interview_panel_practise      (PlanoInterviewPanel *self,
                                                     const char          *question);
void            plano_interview_panel_show_progress (PlanoInterviewPanel *self);
GtkWidget      *plano_interview_panel_get_report_view (PlanoInterviewPanel *self);
GtkWidget      *plano_interview_panel_get_progress_view (PlanoInterviewPanel *self);

G_END_DECLS
