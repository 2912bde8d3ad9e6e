/* plano-pipe.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-pipe"

#include "config.h"

#include "plano-pipe.h"

/* Chunks of an export handed to a second thread as they are made: the PDF's content to be
 * deflated, a file's bytes to be written. Chunks come back to be filled again, and at most a
 * few are in flight, so that a slow consumer makes the maker wait instead of the whole
 * document piling up.
 */

#define MAX_CHUNKS 8

struct _PlanoPipe
{
  GThread       *thread;
  GAsyncQueue   *chunks;     /* of GString; an empty one ends */
  GAsyncQueue   *spare;      /* consumed, to be filled again */
  guint          n_chunks;   /* made so far */
  PlanoPipeFunc  consume;
  gpointer       user_data;
};

static void
chunk_free (gpointer chunk)
{
  g_string_free (chunk, TRUE);
}

static gpointer
pipe_thread (gpointer data)
{
  PlanoPipe *self = data;
  gboolean last;

  do
    {
      GString *chunk = g_async_queue_pop (self->chunks);

      last = chunk->len == 0;
      if (last)
        self->consume (NULL, 0, TRUE, self->user_data);
      else
        self->consume (chunk->str, chunk->len, FALSE, self->user_data);
      g_string_truncate (chunk, 0);
      g_async_queue_push (self->spare, chunk);
    }
  while (!last);

  return NULL;
}

/**
 * plano_pipe_new:
 * @consume: what the thread does with each chunk
 *
 * Returns: (transfer full): a pipe to a new thread; plano_pipe_finish() ends both
 */
PlanoPipe *
plano_pipe_new (const char    *thread_name,
                PlanoPipeFunc  consume,
                gpointer       user_data)
{
  PlanoPipe *self = g_new0 (PlanoPipe, 1);

  self->consume = consume;
  self->user_data = user_data;
  self->chunks = g_async_queue_new ();
  self->spare = g_async_queue_new_full (chunk_free);
  self->thread = g_thread_new (thread_name, pipe_thread, self);

  return self;
}

/**
 * plano_pipe_push:
 * @chunk: (transfer full): what was made; an empty one is given back as it is
 *
 * Returns: (transfer full): an empty string to go on with
 */
GString *
plano_pipe_push (PlanoPipe *self,
                 GString   *chunk)
{
  GString *next;

  if (chunk->len == 0)
    return chunk;

  g_async_queue_push (self->chunks, chunk);
  next = g_async_queue_try_pop (self->spare);
  if (next != NULL)
    return next;
  if (self->n_chunks >= MAX_CHUNKS)
    return g_async_queue_pop (self->spare);
  self->n_chunks++;
  return g_string_sized_new (chunk->allocated_len);
}

/**
 * plano_pipe_finish:
 * @rest: (transfer full): the last of what was made, maybe empty
 *
 * Hands over @rest, waits until the thread has consumed everything, and frees the pipe.
 */
void
plano_pipe_finish (PlanoPipe *self,
                   GString   *rest)
{
  g_string_free (plano_pipe_push (self, rest), TRUE);
  g_async_queue_push (self->chunks, g_string_new (NULL));
  g_thread_join (self->thread);
  g_async_queue_unref (self->chunks);
  g_async_queue_unref (self->spare);
  g_free (self);
}
