/* plano-pipe.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called in the pipe's thread for each chunk, in order, then once with @last and no data. */
typedef void (*PlanoPipeFunc) (const char *data,
                               gsize       length,
                               gboolean    last,
                               gpointer    user_data);

typedef struct _PlanoPipe PlanoPipe;

PlanoPipe  *plano_pipe_new     (const char    *thread_name,
                                PlanoPipeFunc  consume,
                                gpointer       user_data);
GString    *plano_pipe_push    (PlanoPipe     *self,
                                GString       *chunk);
void        plano_pipe_finish  (PlanoPipe     *self,
                                GString       *rest);

G_END_DECLS
