/* plano-drafts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-board.h"

G_BEGIN_DECLS

/* Drafts: copies of open boards that autosave writes to the user's state folder, so that a
 * crash costs at most the last few seconds. A draft belongs to the process that wrote it;
 * drafts whose process is gone are offered for recovery.
 */

typedef struct
{
  char   *id;
  char   *title;      /* (nullable) */
  char   *source;     /* (nullable): the URI of the file the board came from */
  gint64  time;       /* when it was written, microseconds since the epoch */
  int     pid;        /* the process that wrote it */
} PlanoDraftInfo;

void             plano_draft_info_free     (PlanoDraftInfo  *info);

const char      *plano_drafts_get_dir      (void);
void             plano_drafts_set_dir      (const char      *dir);
char            *plano_draft_new_id        (void);
gboolean         plano_draft_write         (const char      *id,
                                            PlanoBoard      *board,
                                            const char      *source,
                                            GError         **error);
gboolean         plano_draft_discard       (const char      *id);
GPtrArray       *plano_drafts_list         (gboolean         orphans_only);
PlanoBoard      *plano_draft_load          (const char      *id,
                                            GError         **error);
GPtrArray       *plano_drafts_take_superseded (GPtrArray     *drafts);
guint            plano_drafts_remove_leftovers (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanoDraftInfo, plano_draft_info_free)

G_END_DECLS
