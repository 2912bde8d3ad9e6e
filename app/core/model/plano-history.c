/* plano-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-history"

#include "config.h"

#include "plano-board-private.h"
#include "plano-change-private.h"
#include "plano-history.h"

/* The history records every change of its board into transactions: what
 * plano_history_begin() and plano_history_commit() enclose, or one change on its own. A drag
 * is one transaction, and the moves of the same item inside it fold into one op, so a long
 * drag costs no more memory than a short one. When the undo steps outgrow the memory budget,
 * the oldest go first.
 */

typedef struct
{
  char      *label;
  gint64     time;
  int        step;
  GPtrArray *ops;
  gsize      size;
  guint      serial;
} Transaction;

struct _PlanoHistory
{
  GObject         parent_instance;

  PlanoBoard     *board;
  gulong          changed_handler;

  GQueue          undo;       /* of Transaction, newest at the head */
  GQueue          redo;
  Transaction    *open;
  guint           depth;
  gboolean        replaying;
  gsize           budget;
  gsize           used;
  int             step;
  guint           next_serial;

  /* The serial of the newest undo step when the board was saved: 0 for "nothing done yet",
   * G_MAXUINT when the saved state can no longer be reached.
   */
  guint           saved_serial;

  PlanoClockFunc  clock;
  gpointer        clock_data;
};

G_DEFINE_FINAL_TYPE (PlanoHistory, plano_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BOARD,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_IS_MODIFIED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  COMMITTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
transaction_free (Transaction *transaction)
{
  g_free (transaction->label);
  g_ptr_array_unref (transaction->ops);
  g_free (transaction);
}

static Transaction *
transaction_new (PlanoHistory *self,
                 const char   *label)
{
  Transaction *transaction = g_new0 (Transaction, 1);

  transaction->label = g_strdup (label);
  transaction->time = self->clock (self->clock_data);
  transaction->step = self->step;
  transaction->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) plano_op_unref);
  transaction->serial = ++self->next_serial;

  return transaction;
}

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time ();
}

static guint
current_serial (PlanoHistory *self)
{
  Transaction *newest = g_queue_peek_head (&self->undo);

  return newest != NULL ? newest->serial : 0;
}

static void
notify_state (PlanoHistory *self,
              gboolean      could_undo,
              gboolean      could_redo,
              gboolean      was_modified)
{
  if (could_undo != plano_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  if (could_redo != plano_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
  if (was_modified != plano_history_get_is_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IS_MODIFIED]);
}

static void
clear_queue (PlanoHistory *self,
             GQueue       *queue)
{
  Transaction *transaction;

  while ((transaction = g_queue_pop_head (queue)) != NULL)
    {
      if (transaction->serial == self->saved_serial)
        self->saved_serial = G_MAXUINT;
      self->used -= transaction->size;
      transaction_free (transaction);
    }
}

static void
enforce_budget (PlanoHistory *self)
{
  /* The newest step always stays, even when it alone is over the budget. */
  while (self->used > self->budget && self->undo.length > 1)
    {
      Transaction *oldest = g_queue_pop_tail (&self->undo);

      if (oldest->serial == self->saved_serial)
        self->saved_serial = G_MAXUINT;
      self->used -= oldest->size;
      transaction_free (oldest);
    }
}

/* Two successive changes of the same item inside one transaction fold into one op. */
static gboolean
try_fold (Transaction *transaction,
          PlanoOp     *op)
{
  PlanoOp *last;
  PlanoOp *folded;

  if (transaction->ops->len == 0 || op->type == PLANO_N_ITEM_TYPES)
    return FALSE;

  last = g_ptr_array_index (transaction->ops, transaction->ops->len - 1);
  if (last->type != op->type || last->index != op->index ||
      last->before == NULL || last->after == NULL || op->before == NULL || op->after == NULL ||
      g_strcmp0 (last->after->id, op->before->id) != 0)
    return FALSE;

  folded = plano_op_new_item (op->type, op->index,
                              plano_item_copy (last->before), plano_item_copy (op->after));
  transaction->size -= plano_op_get_memory_size (last);
  transaction->size += plano_op_get_memory_size (folded);
  g_ptr_array_index (transaction->ops, transaction->ops->len - 1) = folded;
  plano_op_unref (last);

  return TRUE;
}

/* One ::committed per step the user sees: a drag that moved items a hundred times is one. */
static void
emit_committed (PlanoHistory *self,
                Transaction  *transaction,
                gboolean      undo)
{
  g_autoptr(PlanoChange) change = plano_change_new (transaction->ops, undo);

  g_signal_emit (self, signals [COMMITTED], 0, change, transaction->label);
}

static void
close_transaction (PlanoHistory *self)
{
  Transaction *transaction = g_steal_pointer (&self->open);

  if (transaction->ops->len == 0)
    {
      self->used -= transaction->size;
      transaction_free (transaction);
      return;
    }

  g_queue_push_head (&self->undo, transaction);
  emit_committed (self, transaction, FALSE);
  enforce_budget (self);
}

static void
board_changed_cb (PlanoHistory *self,
                  PlanoChange  *change,
                  PlanoBoard   *board)
{
  gboolean could_undo = plano_history_get_can_undo (self);
  gboolean could_redo = plano_history_get_can_redo (self);
  gboolean was_modified = plano_history_get_is_modified (self);
  GPtrArray *ops;
  gboolean single = FALSE;

  if (self->replaying)
    return;

  clear_queue (self, &self->redo);

  if (self->open == NULL)
    {
      self->open = transaction_new (self, NULL);
      single = TRUE;
    }

  ops = plano_change_get_ops (change);
  for (guint i = 0; i < ops->len; i++)
    {
      PlanoOp *op = g_ptr_array_index (ops, i);
      gsize before = self->open->size;

      if (!try_fold (self->open, op))
        {
          g_ptr_array_add (self->open->ops, plano_op_ref (op));
          self->open->size += plano_op_get_memory_size (op);
        }

      self->used += self->open->size - before;
    }

  if (single)
    close_transaction (self);

  notify_state (self, could_undo, could_redo, was_modified);
}

static void
plano_history_dispose (GObject *object)
{
  PlanoHistory *self = (PlanoHistory *)object;

  g_clear_signal_handler (&self->changed_handler, self->board);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (plano_history_parent_class)->dispose (object);
}

static void
plano_history_finalize (GObject *object)
{
  PlanoHistory *self = (PlanoHistory *)object;

  g_clear_pointer (&self->open, transaction_free);
  clear_queue (self, &self->undo);
  clear_queue (self, &self->redo);

  G_OBJECT_CLASS (plano_history_parent_class)->finalize (object);
}

static void
plano_history_constructed (GObject *object)
{
  PlanoHistory *self = (PlanoHistory *)object;

  G_OBJECT_CLASS (plano_history_parent_class)->constructed (object);

  g_assert (PLANO_IS_BOARD (self->board));

  self->changed_handler = g_signal_connect_object (self->board, "changed",
                                                   G_CALLBACK (board_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
}

static void
plano_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PlanoHistory *self = PLANO_HISTORY (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, plano_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, plano_history_get_can_redo (self));
      break;

    case PROP_IS_MODIFIED:
      g_value_set_boolean (value, plano_history_get_is_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plano_history_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PlanoHistory *self = PLANO_HISTORY (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      self->board = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plano_history_class_init (PlanoHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plano_history_constructed;
  object_class->dispose = plano_history_dispose;
  object_class->finalize = plano_history_finalize;
  object_class->get_property = plano_history_get_property;
  object_class->set_property = plano_history_set_property;

  properties [PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         PLANO_TYPE_BOARD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IS_MODIFIED] =
    g_param_spec_boolean ("is-modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlanoHistory::committed:
   * @change: the step's changes, as one; an undo reads them backwards
   * @label: (nullable): the step's label, such as "Move"
   *
   * A step was added to the history, undone or redone: once per step, however many changes of
   * the board made it up. A cancelled step emits nothing. The interview's timeline records
   * these.
   */
  signals [COMMITTED] =
    g_signal_new ("committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, PLANO_TYPE_CHANGE, G_TYPE_STRING);
}

static void
plano_history_init (PlanoHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->budget = PLANO_HISTORY_DEFAULT_BUDGET;
  self->step = -1;
  self->clock = real_clock;
}

/**
 * plano_history_new:
 * @board: the board whose changes to record
 *
 * Returns: (transfer full): a history that records every change of @board from now on
 */
PlanoHistory *
plano_history_new (PlanoBoard *board)
{
  g_return_val_if_fail (PLANO_IS_BOARD (board), NULL);

  return g_object_new (PLANO_TYPE_HISTORY, "board", board, NULL);
}

/**
 * plano_history_get_board:
 *
 * Returns: (transfer none): the board
 */
PlanoBoard *
plano_history_get_board (PlanoHistory *self)
{
  g_return_val_if_fail (PLANO_IS_HISTORY (self), NULL);

  return self->board;
}

/**
 * plano_history_begin:
 * @label: (nullable): what the step does, shown as "Undo @label"
 *
 * Starts a transaction: every change until the matching plano_history_commit() is one step.
 * Transactions nest; only the outermost one counts.
 */
void
plano_history_begin (PlanoHistory *self,
                     const char   *label)
{
  g_return_if_fail (PLANO_IS_HISTORY (self));

  if (self->depth++ == 0)
    {
      g_assert (self->open == NULL);
      self->open = transaction_new (self, label);
    }
}

void
plano_history_commit (PlanoHistory *self)
{
  gboolean could_undo;
  gboolean was_modified;

  g_return_if_fail (PLANO_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  could_undo = plano_history_get_can_undo (self);
  was_modified = plano_history_get_is_modified (self);
  close_transaction (self);
  notify_state (self, could_undo, plano_history_get_can_redo (self), was_modified);
}

/**
 * plano_history_get_in_transaction:
 *
 * Returns: whether a transaction is open, as while an item is being dragged
 */
gboolean
plano_history_get_in_transaction (PlanoHistory *self)
{
  g_return_val_if_fail (PLANO_IS_HISTORY (self), FALSE);

  return self->depth > 0;
}

/**
 * plano_history_cancel:
 *
 * Ends the open transaction and takes back every change made inside it, as when a drag is
 * cancelled with Escape.
 */
void
plano_history_cancel (PlanoHistory *self)
{
  Transaction *transaction;

  g_return_if_fail (PLANO_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  self->depth = 0;
  transaction = g_steal_pointer (&self->open);

  self->replaying = TRUE;
  plano_board_apply_ops (self->board, transaction->ops, TRUE);
  self->replaying = FALSE;

  self->used -= transaction->size;
  transaction_free (transaction);
}

static void
finish_open (PlanoHistory *self)
{
  if (self->open != NULL)
    {
      self->depth = 0;
      close_transaction (self);
    }
}

/**
 * plano_history_undo:
 *
 * Takes back the newest step; an open transaction is committed first.
 *
 * Returns: whether there was a step to undo
 */
gboolean
plano_history_undo (PlanoHistory *self)
{
  gboolean was_modified;
  gboolean could_redo;
  Transaction *transaction;

  g_return_val_if_fail (PLANO_IS_HISTORY (self), FALSE);

  finish_open (self);

  was_modified = plano_history_get_is_modified (self);
  could_redo = plano_history_get_can_redo (self);

  transaction = g_queue_pop_head (&self->undo);
  if (transaction == NULL)
    return FALSE;

  self->replaying = TRUE;
  plano_board_apply_ops (self->board, transaction->ops, TRUE);
  self->replaying = FALSE;

  g_queue_push_head (&self->redo, transaction);
  emit_committed (self, transaction, TRUE);
  notify_state (self, TRUE, could_redo, was_modified);

  return TRUE;
}

/**
 * plano_history_redo:
 *
 * Returns: whether there was a step to redo
 */
gboolean
plano_history_redo (PlanoHistory *self)
{
  gboolean was_modified;
  gboolean could_undo;
  Transaction *transaction;

  g_return_val_if_fail (PLANO_IS_HISTORY (self), FALSE);

  finish_open (self);

  was_modified = plano_history_get_is_modified (self);
  could_undo = plano_history_get_can_undo (self);

  transaction = g_queue_pop_head (&self->redo);
  if (transaction == NULL)
    return FALSE;

  self->replaying = TRUE;
  plano_board_apply_ops (self->board, transaction->ops, FALSE);
  self->replaying = FALSE;

  g_queue_push_head (&self->undo, transaction);
  emit_committed (self, transaction, FALSE);
  notify_state (self, could_undo, TRUE, was_modified);

  return TRUE;
}

gboolean
plano_history_get_can_undo (PlanoHistory *self)
{
  g_return_val_if_fail (PLANO_IS_HISTORY (self), FALSE);

  return self->undo.length > 0 || (self->open != NULL && self->open->ops->len > 0);
}

gboolean
plano_history_get_can_redo (PlanoHistory *self)
{
  g_return_val_if_fail (PLANO_IS_HISTORY (self), FALSE);

  return self->redo.length > 0;
}

/**
 * plano_history_get_undo_label:
 *
 * Returns: (nullable): the label of the step that undo takes back
 */
const char *
plano_history_get_undo_label (PlanoHistory *self)
{
  Transaction *transaction;

  g_return_val_if_fail (PLANO_IS_HISTORY (self), NULL);

  transaction = g_queue_peek_head (&self->undo);
  return transaction != NULL ? transaction->label : NULL;
}

/**
 * plano_history_get_redo_label:
 *
 * Returns: (nullable): the label of the step that redo brings back
 */
const char *
plano_history_get_redo_label (PlanoHistory *self)
{
  Transaction *transaction;

  g_return_val_if_fail (PLANO_IS_HISTORY (self), NULL);

  transaction = g_queue_peek_head (&self->redo);
  return transaction != NULL ? transaction->label : NULL;
}

guint
plano_history_get_n_undo (PlanoHistory *self)
{
  g_return_val_if_fail (PLANO_IS_HISTORY (self), 0);

  return self->undo.length;
}

/**
 * plano_history_get_transaction_info:
 * @index: a transaction that can be undone, 0 for the oldest kept
 * @time: (out) (optional): when it was committed, by the history's clock, in microseconds
 * @step: (out) (optional): the interview step it was made in, or -1
 * @label: (out) (optional) (transfer none): what it was, such as "Move"
 *
 * Returns: whether there is such a transaction
 */
gboolean
plano_history_get_transaction_info (PlanoHistory  *self,
                                    guint          index,
                                    gint64        *time,
                                    int           *step,
                                    const char   **label)
{
  const Transaction *transaction;

  g_return_val_if_fail (PLANO_IS_HISTORY (self), FALSE);

  if (index >= self->undo.length)
    return FALSE;

  /* The undo queue has the newest at its head. */
  transaction = g_queue_peek_nth (&self->undo, self->undo.length - 1 - index);
  if (time != NULL)
    *time = transaction->time;
  if (step != NULL)
    *step = transaction->step;
  if (label != NULL)
    *label = transaction->label;

  return TRUE;
}

guint
plano_history_get_n_redo (PlanoHistory *self)
{
  g_return_val_if_fail (PLANO_IS_HISTORY (self), 0);

  return self->redo.length;
}

/**
 * plano_history_clear:
 *
 * Forgets every step, as after opening a file. The board counts as saved.
 */
void
plano_history_clear (PlanoHistory *self)
{
  gboolean could_undo;
  gboolean could_redo;
  gboolean was_modified;

  g_return_if_fail (PLANO_IS_HISTORY (self));
  g_return_if_fail (self->depth == 0);

  could_undo = plano_history_get_can_undo (self);
  could_redo = plano_history_get_can_redo (self);
  was_modified = plano_history_get_is_modified (self);

  clear_queue (self, &self->undo);
  clear_queue (self, &self->redo);
  self->saved_serial = 0;

  notify_state (self, could_undo, could_redo, was_modified);
}

gsize
plano_history_get_budget (PlanoHistory *self)
{
  g_return_val_if_fail (PLANO_IS_HISTORY (self), 0);

  return self->budget;
}

/**
 * plano_history_set_budget:
 * @budget: bytes the undo steps may hold; past it the oldest steps are dropped
 */
void
plano_history_set_budget (PlanoHistory *self,
                          gsize         budget)
{
  g_return_if_fail (PLANO_IS_HISTORY (self));

  self->budget = budget;
  enforce_budget (self);
}

/**
 * plano_history_get_memory_used:
 *
 * Returns: about how many bytes the recorded steps hold
 */
gsize
plano_history_get_memory_used (PlanoHistory *self)
{
  g_return_val_if_fail (PLANO_IS_HISTORY (self), 0);

  return self->used;
}

/**
 * plano_history_set_step:
 * @step: the interview step new transactions belong to, or -1 for none
 */
void
plano_history_set_step (PlanoHistory *self,
                        int           step)
{
  g_return_if_fail (PLANO_IS_HISTORY (self));

  self->step = step;
}

/**
 * plano_history_set_clock:
 * @clock: (nullable): gives the time that new transactions record; %NULL for the real time
 *
 * Tests and replays inject their own clock here.
 */
void
plano_history_set_clock (PlanoHistory   *self,
                         PlanoClockFunc  clock,
                         gpointer        user_data)
{
  g_return_if_fail (PLANO_IS_HISTORY (self));

  self->clock = clock != NULL ? clock : real_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

/**
 * plano_history_get_is_modified:
 *
 * Returns: whether the board differs from when it was last saved or opened
 */
gboolean
plano_history_get_is_modified (PlanoHistory *self)
{
  g_return_val_if_fail (PLANO_IS_HISTORY (self), FALSE);

  if (self->open != NULL && self->open->ops->len > 0)
    return TRUE;

  return current_serial (self) != self->saved_serial;
}

/**
 * plano_history_set_saved:
 *
 * Marks the board's current state as the saved one.
 */
void
plano_history_set_saved (PlanoHistory *self)
{
  gboolean was_modified;

  g_return_if_fail (PLANO_IS_HISTORY (self));

  was_modified = plano_history_get_is_modified (self);
  self->saved_serial = current_serial (self);
  notify_state (self, plano_history_get_can_undo (self), plano_history_get_can_redo (self),
                was_modified);
}

/**
 * plano_history_get_state:
 *
 * Returns: the board's current state, as a number that plano_history_set_saved_state() takes:
 *   what a save that runs in the background remembers of the moment it took its snapshot
 */
guint
plano_history_get_state (PlanoHistory *self)
{
  g_return_val_if_fail (PLANO_IS_HISTORY (self), 0);

  return current_serial (self);
}

/**
 * plano_history_set_saved_state:
 * @state: from plano_history_get_state()
 *
 * Marks @state as the saved one, as when the snapshot saved in the background was taken
 * before the latest changes: the board counts as modified until undo goes back to @state.
 */
void
plano_history_set_saved_state (PlanoHistory *self,
                               guint         state)
{
  gboolean was_modified;

  g_return_if_fail (PLANO_IS_HISTORY (self));

  was_modified = plano_history_get_is_modified (self);
  self->saved_serial = state;
  notify_state (self, plano_history_get_can_undo (self), plano_history_get_can_redo (self),
                was_modified);
}

/**
 * plano_history_set_unsaved:
 *
 * Marks the board as differing from any saved file, as a board recovered from a draft does,
 * until it is saved.
 */
void
plano_history_set_unsaved (PlanoHistory *self)
{
  gboolean was_modified;

  g_return_if_fail (PLANO_IS_HISTORY (self));

  was_modified = plano_history_get_is_modified (self);
  self->saved_serial = G_MAXUINT;
  notify_state (self, plano_history_get_can_undo (self), plano_history_get_can_redo (self),
                was_modified);
}
