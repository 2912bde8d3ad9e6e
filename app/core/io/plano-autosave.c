/* plano-autosave.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-autosave"

#include "config.h"

#include "plano-autosave.h"

/* When the next draft of a board is due. Waiting for a pause in the work alone (a debounce)
 * never drafts a user who keeps working: every change would push the draft further away. So a
 * draft is due PLANO_AUTOSAVE_QUIET after the last change, or PLANO_AUTOSAVE_MAX_LAG after the
 * first change not yet drafted, whichever comes first.
 *
 * The clock is injected, as PlanoInterview's is: with the real one, a main-loop timeout emits
 * ::due on time; with an injected one no timeout is armed and whoever drives the clock calls
 * plano_autosave_run_due(), so that a test plays 30 s of work without waiting for them.
 */

struct _PlanoAutosave
{
  GObject         parent_instance;

  PlanoClockFunc  clock;
  gpointer        clock_data;
  gint64          first_change;   /* -1 when everything is drafted */
  gint64          last_change;
  guint           timeout;
};

G_DEFINE_FINAL_TYPE (PlanoAutosave, plano_autosave, G_TYPE_OBJECT)

enum {
  DUE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
now (PlanoAutosave *self)
{
  return self->clock (self->clock_data);
}

static gboolean
timeout_cb (gpointer user_data)
{
  PlanoAutosave *self = user_data;

  self->timeout = 0;
  plano_autosave_run_due (self);

  return G_SOURCE_REMOVE;
}

static void
arm (PlanoAutosave *self)
{
  gint64 wait;

  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->clock != monotonic_clock || self->first_change < 0)
    return;

  wait = MAX (plano_autosave_get_due (self) - now (self), 0);
  self->timeout = g_timeout_add ((wait + 999) / 1000, timeout_cb, self);
}

static void
plano_autosave_dispose (GObject *object)
{
  PlanoAutosave *self = PLANO_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout, g_source_remove);

  G_OBJECT_CLASS (plano_autosave_parent_class)->dispose (object);
}

static void
plano_autosave_class_init (PlanoAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plano_autosave_dispose;

  /**
   * PlanoAutosave::due:
   *
   * A draft is due: write one, then call plano_autosave_done(). When it cannot be written now
   * (halfway through a drag), leave it pending and call plano_autosave_run_due() later.
   */
  signals [DUE] =
    g_signal_new ("due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
plano_autosave_init (PlanoAutosave *self)
{
  self->clock = monotonic_clock;
  self->first_change = -1;
  self->last_change = -1;
}

PlanoAutosave *
plano_autosave_new (void)
{
  return g_object_new (PLANO_TYPE_AUTOSAVE, NULL);
}

/**
 * plano_autosave_set_clock:
 * @clock: (nullable): gives the time in microseconds; %NULL for the monotonic clock
 *
 * With a clock of its own, no timeout is armed: call plano_autosave_run_due() as time goes on.
 */
void
plano_autosave_set_clock (PlanoAutosave  *self,
                          PlanoClockFunc  clock,
                          gpointer        user_data)
{
  g_return_if_fail (PLANO_IS_AUTOSAVE (self));

  self->clock = clock != NULL ? clock : monotonic_clock;
  self->clock_data = user_data;
  arm (self);
}

/**
 * plano_autosave_changed:
 *
 * The board changed now.
 */
void
plano_autosave_changed (PlanoAutosave *self)
{
  g_return_if_fail (PLANO_IS_AUTOSAVE (self));

  self->last_change = now (self);
  if (self->first_change < 0)
    self->first_change = self->last_change;
  arm (self);
}

/**
 * plano_autosave_done:
 *
 * Every change so far is in a draft, or saved, or nothing needs a draft: nothing is pending
 * until the next change.
 */
void
plano_autosave_done (PlanoAutosave *self)
{
  g_return_if_fail (PLANO_IS_AUTOSAVE (self));

  self->first_change = -1;
  self->last_change = -1;
  g_clear_handle_id (&self->timeout, g_source_remove);
}

/**
 * plano_autosave_get_pending:
 *
 * Returns: whether there are changes not yet drafted
 */
gboolean
plano_autosave_get_pending (PlanoAutosave *self)
{
  g_return_val_if_fail (PLANO_IS_AUTOSAVE (self), FALSE);

  return self->first_change >= 0;
}

/**
 * plano_autosave_get_due:
 *
 * Returns: when the next draft is due, on the clock's scale, or -1 when nothing is pending
 */
gint64
plano_autosave_get_due (PlanoAutosave *self)
{
  g_return_val_if_fail (PLANO_IS_AUTOSAVE (self), -1);

  if (self->first_change < 0)
    return -1;

  return MIN (self->last_change + PLANO_AUTOSAVE_QUIET,
              self->first_change + PLANO_AUTOSAVE_MAX_LAG);
}

/**
 * plano_autosave_run_due:
 *
 * Emits ::due if a draft is due by the clock.
 *
 * Returns: whether it did
 */
gboolean
plano_autosave_run_due (PlanoAutosave *self)
{
  g_return_val_if_fail (PLANO_IS_AUTOSAVE (self), FALSE);

  if (self->first_change < 0 || now (self) < plano_autosave_get_due (self))
    return FALSE;

  g_signal_emit (self, signals [DUE], 0);

  return TRUE;
}
