/* plano-board-summary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plano-board.h"

G_BEGIN_DECLS

#define PLANO_TYPE_BOARD_SUMMARY (plano_board_summary_get_type ())

G_DECLARE_FINAL_TYPE (PlanoBoardSummary, plano_board_summary, PLANO, BOARD_SUMMARY, GtkWidget)

GtkWidget   *plano_board_summary_new        (void);
PlanoBoard  *plano_board_summary_get_board  (PlanoBoardSummary *self);
void         plano_board_summary_set_board  (PlanoBoardSummary *self,
                                             PlanoBoard        *board);

GtkWidget    *plano_board_summary_get_target_spin (PlanoBoardSummary *self);
GtkWidget    *plano_board_summary_get_route_row   (PlanoBoardSummary *self);

G_END_DECLS
