/* plano-report-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plano-export.h"
#include "plano-report.h"

G_BEGIN_DECLS

#define PLANO_TYPE_REPORT_VIEW (plano_report_view_get_type ())

G_DECLARE_FINAL_TYPE (PlanoReportView, plano_report_view, PLANO, REPORT_VIEW, AdwWindow)

GtkWidget   *plano_report_view_new           (PlanoInterview     *interview,
                                              PlanoBoard         *board,
                                              GPtrArray          *history,
                                              const char         *history_path);
PlanoInterview *plano_report_view_get_interview (PlanoReportView *self);
PlanoReport *plano_report_view_get_report    (PlanoReportView    *self);
gboolean     plano_report_view_get_recorded  (PlanoReportView    *self);
void         plano_report_view_set_recorded  (PlanoReportView    *self,
                                              gboolean            recorded);
gboolean     plano_report_view_record        (PlanoReportView    *self,
                                              GError            **error);
gboolean     plano_report_view_export        (PlanoReportView    *self,
                                              const char         *path,
                                              PlanoExportFormat   format,
                                              GError            **error);
GtkWidget   *plano_report_view_get_part      (PlanoReportView    *self,
                                              const char         *name);

G_END_DECLS
