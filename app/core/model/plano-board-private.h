/* plano-board-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plano-board.h"

G_BEGIN_DECLS

/* For the reader: appends an item already validated, with no change recorded. */
void  plano_board_append_loaded  (PlanoBoard *self,
                                  PlanoItem  *item);
void  plano_board_set_loaded_props (PlanoBoard *self,
                                    GArray     *props);
void  plano_board_set_loaded_title (PlanoBoard *self,
                                    const char *title);
/* For the history: applies @ops (forwards, or backwards when @undo) and emits one change. */
void  plano_board_apply_ops      (PlanoBoard *self,
                                  GPtrArray  *ops,
                                  gboolean    undo);

G_END_DECLS
