/* plano-change-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plano-change.h"

G_BEGIN_DECLS

/* One reversible step: the item at @index of its type's list goes from @before to @after.
 * @before is NULL for an addition, @after for a removal. A change of the board's own title or
 * props has no items and @type PLANO_N_ITEM_TYPES; @board_props tells which of the two it is.
 * Ops are immutable once made and shared by reference.
 */
typedef struct
{
  PlanoItemType  type;
  guint          index;
  PlanoItem     *before;
  PlanoItem     *after;
  char          *title_before;
  char          *title_after;
  gboolean       board_props;
  GArray        *props_before;
  GArray        *props_after;
} PlanoOp;

PlanoOp     *plano_op_new_item        (PlanoItemType  type,
                                       guint          index,
                                       PlanoItem     *before,
                                       PlanoItem     *after);
PlanoOp     *plano_op_new_title       (const char    *before,
                                       const char    *after);
PlanoOp     *plano_op_new_board_props (GArray        *before,
                                       GArray        *after);
PlanoOp     *plano_op_ref             (PlanoOp       *op);
void         plano_op_unref           (PlanoOp       *op);
gsize        plano_op_get_memory_size (PlanoOp       *op);

PlanoChange *plano_change_new         (GPtrArray     *ops,
                                       gboolean       undo);
GPtrArray   *plano_change_get_ops     (PlanoChange   *self);
void         plano_change_set_replay  (PlanoChange   *self,
                                       gboolean       replay);

G_END_DECLS
