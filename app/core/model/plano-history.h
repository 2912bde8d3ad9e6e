/* plano-history.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plano-board.h"

G_BEGIN_DECLS

#define PLANO_HISTORY_DEFAULT_BUDGET (32 * 1024 * 1024)

/* Gives the time of a step, in microseconds; see plano_history_set_clock(). */
typedef gint64 (*PlanoClockFunc) (gpointer user_data);

#define PLANO_TYPE_HISTORY (plano_history_get_type ())

G_DECLARE_FINAL_TYPE (PlanoHistory, plano_history, PLANO, HISTORY, GObject)

PlanoHistory  *plano_history_new              (PlanoBoard      *board);
PlanoBoard    *plano_history_get_board        (PlanoHistory    *self);
void           plano_history_begin            (PlanoHistory    *self,
                                               const char      *label);
void           plano_history_commit           (PlanoHistory    *self);
void           plano_history_cancel           (PlanoHistory    *self);
gboolean       plano_history_get_in_transaction (PlanoHistory  *self);
gboolean       plano_history_undo             (PlanoHistory    *self);
gboolean       plano_history_redo             (PlanoHistory    *self);
gboolean       plano_history_get_can_undo     (PlanoHistory    *self);
gboolean       plano_history_get_can_redo     (PlanoHistory    *self);
const char    *plano_history_get_undo_label   (PlanoHistory    *self);
const char    *plano_history_get_redo_label   (PlanoHistory    *self);
guint          plano_history_get_n_undo       (PlanoHistory    *self);
guint          plano_history_get_n_redo       (PlanoHistory    *self);
void           plano_history_clear            (PlanoHistory    *self);
gsize          plano_history_get_budget       (PlanoHistory    *self);
void           plano_history_set_budget       (PlanoHistory    *self,
                                               gsize            budget);
gsize          plano_history_get_memory_used  (PlanoHistory    *self);
void           plano_history_set_step         (PlanoHistory    *self,
                                               int              step);
gboolean       plano_history_get_transaction_info (PlanoHistory  *self,
                                                   guint          index,
                                                   gint64        *time,
                                                   int           *step,
                                                   const char   **label);
void           plano_history_set_clock        (PlanoHistory    *self,
                                               PlanoClockFunc   clock,
                                               gpointer         user_data);
gboolean       plano_history_get_is_modified  (PlanoHistory    *self);
void           plano_history_set_saved        (PlanoHistory    *self);
void           plano_history_set_unsaved      (PlanoHistory    *self);
guint          plano_history_get_state        (PlanoHistory    *self);
void           plano_history_set_saved_state  (PlanoHistory    *self,
                                               guint            state);

G_END_DECLS
