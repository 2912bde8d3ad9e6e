/* plano-draft-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-drafts"

#include "config.h"

#include <gio/gio.h>

#include "plano-draft-writer.h"
#include "plano-drafts.h"

/* Writes the drafts of one board off the main thread, in the order they were asked for.
 *
 * A write takes a snapshot of the board at once (plano_board_copy(): less than half the cost
 * of writing it out) and writes it on a worker thread, so that a large board does not stall the
 * window. One job runs at a time; of those asked for meanwhile only the last is kept, as it
 * supersedes the others: a newer draft replaces an older one, and a discard after a write
 * leaves no draft either way. So a discard asked for after a save can never be overtaken by a
 * draft still being written. While there is work, the default GApplication is held, so that
 * the process does not end with a discard not yet done.
 */

typedef struct
{
  PlanoBoard *snapshot;   /* NULL: discard */
  char       *source;
} Job;

struct _PlanoDraftWriter
{
  GObject       parent_instance;

  char         *id;
  Job          *pending;
  gboolean      running;
  GApplication *held;
};

G_DEFINE_FINAL_TYPE (PlanoDraftWriter, plano_draft_writer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  FAILED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
job_free (Job *job)
{
  g_clear_object (&job->snapshot);
  g_free (job->source);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  PlanoDraftWriter *self = source_object;
  Job *job = task_data;
  GError *error = NULL;

  if (job->snapshot == NULL)
    plano_draft_discard (self->id);
  else if (!plano_draft_write (self->id, job->snapshot, job->source, &error))
    {
      g_clear_object (&job->snapshot);
      g_task_return_error (task, error);
      return;
    }

  /* Freed here, not on the main thread, where a large board would take tens of milliseconds. */
  g_clear_object (&job->snapshot);
  g_task_return_boolean (task, TRUE);
}

static void start_next (PlanoDraftWriter *self);

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlanoDraftWriter *self = PLANO_DRAFT_WRITER (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_signal_emit (self, signals [FAILED], 0, error);

  self->running = FALSE;
  start_next (self);
}

static void
start_next (PlanoDraftWriter *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->running)
    return;

  job = g_steal_pointer (&self->pending);
  if (job == NULL)
    {
      if (self->held != NULL)
        {
          g_application_release (self->held);
          g_clear_object (&self->held);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
      return;
    }

  if (self->held == NULL && g_application_get_default () != NULL)
    {
      self->held = g_object_ref (g_application_get_default ());
      g_application_hold (self->held);
    }

  self->running = TRUE;
  task = g_task_new (self, NULL, job_done_cb, NULL);
  g_task_set_source_tag (task, start_next);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

static void
queue (PlanoDraftWriter *self,
       Job              *job)
{
  gboolean was_busy = plano_draft_writer_get_busy (self);

  g_clear_pointer (&self->pending, job_free);
  self->pending = job;
  start_next (self);

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
plano_draft_writer_finalize (GObject *object)
{
  PlanoDraftWriter *self = PLANO_DRAFT_WRITER (object);

  /* A running job holds a reference, so only a job never started can be left here. */
  g_clear_pointer (&self->pending, job_free);
  g_free (self->id);
  if (self->held != NULL)
    g_application_release (self->held);
  g_clear_object (&self->held);

  G_OBJECT_CLASS (plano_draft_writer_parent_class)->finalize (object);
}

static void
plano_draft_writer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlanoDraftWriter *self = PLANO_DRAFT_WRITER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, plano_draft_writer_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plano_draft_writer_class_init (PlanoDraftWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plano_draft_writer_finalize;
  object_class->get_property = plano_draft_writer_get_property;

  /**
   * PlanoDraftWriter:busy:
   *
   * Whether a write or a discard is under way or waiting.
   */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlanoDraftWriter::failed:
   * @error: why
   *
   * A draft could not be written.
   */
  signals [FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
plano_draft_writer_init (PlanoDraftWriter *self)
{
}

/**
 * plano_draft_writer_new:
 * @id: (nullable): the draft to write, such as one being recovered; %NULL for a new one
 */
PlanoDraftWriter *
plano_draft_writer_new (const char *id)
{
  PlanoDraftWriter *self = g_object_new (PLANO_TYPE_DRAFT_WRITER, NULL);

  self->id = id != NULL ? g_strdup (id) : plano_draft_new_id ();

  return self;
}

const char *
plano_draft_writer_get_id (PlanoDraftWriter *self)
{
  g_return_val_if_fail (PLANO_IS_DRAFT_WRITER (self), NULL);

  return self->id;
}

/**
 * plano_draft_writer_write:
 * @board: the board as it is now; copied before this returns
 * @source: (nullable): the URI of the board's file
 *
 * Writes the draft on a worker thread.
 */
void
plano_draft_writer_write (PlanoDraftWriter *self,
                          PlanoBoard       *board,
                          const char       *source)
{
  Job *job;

  g_return_if_fail (PLANO_IS_DRAFT_WRITER (self));
  g_return_if_fail (PLANO_IS_BOARD (board));

  job = g_new0 (Job, 1);
  job->snapshot = plano_board_copy (board);
  job->source = g_strdup (source);
  queue (self, job);
}

/**
 * plano_draft_writer_discard:
 *
 * Removes the draft, after any write asked for before.
 */
void
plano_draft_writer_discard (PlanoDraftWriter *self)
{
  g_return_if_fail (PLANO_IS_DRAFT_WRITER (self));

  queue (self, g_new0 (Job, 1));
}

/**
 * plano_draft_writer_get_busy:
 *
 * Returns: whether a write or a discard is under way or waiting
 */
gboolean
plano_draft_writer_get_busy (PlanoDraftWriter *self)
{
  g_return_val_if_fail (PLANO_IS_DRAFT_WRITER (self), FALSE);

  return self->running || self->pending != NULL;
}
