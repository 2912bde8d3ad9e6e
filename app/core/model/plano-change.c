/* plano-change.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-change"

#include "config.h"

#include <string.h>

#include "plano-change-private.h"

struct _PlanoChange
{
  GPtrArray *ops;
  gboolean   undo;
  gboolean   replay;
};

G_DEFINE_BOXED_TYPE (PlanoChange, plano_change, plano_change_ref, plano_change_unref)

static void
op_clear (PlanoOp *op)
{
  g_clear_pointer (&op->before, plano_item_free);
  g_clear_pointer (&op->after, plano_item_free);
  g_clear_pointer (&op->title_before, g_free);
  g_clear_pointer (&op->title_after, g_free);
  g_clear_pointer (&op->props_before, g_array_unref);
  g_clear_pointer (&op->props_after, g_array_unref);
}

/**
 * plano_op_new_item:
 * @before: (transfer full) (nullable): the item as it was
 * @after: (transfer full) (nullable): the item as it becomes
 */
PlanoOp *
plano_op_new_item (PlanoItemType  type,
                   guint          index,
                   PlanoItem     *before,
                   PlanoItem     *after)
{
  PlanoOp *op = g_atomic_rc_box_new0 (PlanoOp);

  g_assert (before != NULL || after != NULL);

  op->type = type;
  op->index = index;
  op->before = before;
  op->after = after;

  return op;
}

PlanoOp *
plano_op_new_title (const char *before,
                    const char *after)
{
  PlanoOp *op = g_atomic_rc_box_new0 (PlanoOp);

  op->type = PLANO_N_ITEM_TYPES;
  op->title_before = g_strdup (before);
  op->title_after = g_strdup (after);

  return op;
}

/**
 * plano_op_new_board_props:
 * @before: (transfer full) (nullable): the board's props as they were
 * @after: (transfer full) (nullable): the board's props as they become
 */
PlanoOp *
plano_op_new_board_props (GArray *before,
                          GArray *after)
{
  PlanoOp *op = g_atomic_rc_box_new0 (PlanoOp);

  op->type = PLANO_N_ITEM_TYPES;
  op->board_props = TRUE;
  op->props_before = before;
  op->props_after = after;

  return op;
}

PlanoOp *
plano_op_ref (PlanoOp *op)
{
  return g_atomic_rc_box_acquire (op);
}

void
plano_op_unref (PlanoOp *op)
{
  g_atomic_rc_box_release_full (op, (GDestroyNotify) op_clear);
}

gsize
plano_op_get_memory_size (PlanoOp *op)
{
  gsize size = sizeof (PlanoOp) + 2 * sizeof (gpointer);

  size += plano_item_get_memory_size (op->before);
  size += plano_item_get_memory_size (op->after);
  if (op->title_before != NULL)
    size += strlen (op->title_before) + 1;
  if (op->title_after != NULL)
    size += strlen (op->title_after) + 1;
  for (guint i = 0; op->props_before != NULL && i < op->props_before->len; i++)
    size += sizeof (PlanoProp) + 32;
  for (guint i = 0; op->props_after != NULL && i < op->props_after->len; i++)
    size += sizeof (PlanoProp) + 32;

  return size;
}

/**
 * plano_change_new:
 * @ops: (transfer none): the ops, in the order they were applied
 * @undo: whether they were applied backwards, from after to before
 */
PlanoChange *
plano_change_new (GPtrArray *ops,
                  gboolean   undo)
{
  PlanoChange *self = g_atomic_rc_box_new0 (PlanoChange);

  self->ops = g_ptr_array_ref (ops);
  self->undo = !!undo;

  return self;
}

static void
change_clear (PlanoChange *self)
{
  g_clear_pointer (&self->ops, g_ptr_array_unref);
}

PlanoChange *
plano_change_ref (PlanoChange *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
plano_change_unref (PlanoChange *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) change_clear);
}

GPtrArray *
plano_change_get_ops (PlanoChange *self)
{
  return self->ops;
}

guint
plano_change_get_n_ops (PlanoChange *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->ops->len;
}

/**
 * plano_change_is_undo:
 *
 * Returns: whether this change is an undo of earlier changes
 */
gboolean
plano_change_is_undo (PlanoChange *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->undo;
}

/**
 * plano_change_is_replay:
 *
 * Returns: whether this change is the history's undo or redo of earlier steps, rather than a
 *   new operation
 */
gboolean
plano_change_is_replay (PlanoChange *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->replay;
}

void
plano_change_set_replay (PlanoChange *self,
                         gboolean     replay)
{
  self->replay = !!replay;
}

/**
 * plano_change_get_op:
 * @self: a change
 * @position: which step, in the order the steps happened
 * @type: (out) (optional): the type of the item; %PLANO_N_ITEM_TYPES for a change of the
 *   board's title or props
 * @id: (out) (optional) (transfer none): the id of the item, %NULL for the board's title or props
 *
 * Returns: what happened at that step
 */
PlanoChangeKind
plano_change_get_op (PlanoChange    *self,
                     guint           position,
                     PlanoItemType  *type,
                     const char    **id)
{
  const PlanoOp *op;
  const PlanoItem *before;
  const PlanoItem *after;

  g_return_val_if_fail (self != NULL, PLANO_CHANGE_MODIFIED);
  g_return_val_if_fail (position < self->ops->len, PLANO_CHANGE_MODIFIED);

  if (self->undo)
    position = self->ops->len - 1 - position;

  op = g_ptr_array_index (self->ops, position);

  if (op->type == PLANO_N_ITEM_TYPES)
    {
      if (type != NULL)
        *type = PLANO_N_ITEM_TYPES;
      if (id != NULL)
        *id = NULL;
      return op->board_props ? PLANO_CHANGE_BOARD_PROPS : PLANO_CHANGE_TITLE;
    }

  before = self->undo ? op->after : op->before;
  after = self->undo ? op->before : op->after;

  if (type != NULL)
    *type = op->type;
  if (id != NULL)
    *id = after != NULL ? after->id : before->id;

  if (before == NULL)
    return PLANO_CHANGE_ADDED;
  else if (after == NULL)
    return PLANO_CHANGE_REMOVED;
  else
    return PLANO_CHANGE_MODIFIED;
}
