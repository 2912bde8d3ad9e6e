/* plano-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest file Plano reads as a board: 256 MB. */
#define PLANO_FILE_MAX_SIZE (256u * 1024 * 1024)

typedef enum
{
  PLANO_FILE_REPLACE_NONE      = 0,
  PLANO_FILE_REPLACE_DURABLE   = 1 << 0,  /* on disk, not only in the page cache, when it returns */
  PLANO_FILE_REPLACE_READ_ONLY = 1 << 1,  /* replace a file that has no write permission */
} PlanoFileReplaceFlags;

/* Called from the thread that writes, after each piece. */
typedef void (*PlanoFileProgressFunc) (gsize    done,
                                       gsize    total,
                                       gpointer user_data);

/* The moments of a replace, for tests that stop a writer there. */
typedef enum
{
  PLANO_FILE_STEP_JOURNALED,   /* the temporary file's name is in the journal */
  PLANO_FILE_STEP_CREATED,     /* the temporary file exists, empty */
  PLANO_FILE_STEP_WROTE,       /* a piece is written; @done bytes so far */
  PLANO_FILE_STEP_SYNCED,      /* the temporary file is on disk */
  PLANO_FILE_STEP_RENAMED,     /* it has replaced the file */
  PLANO_FILE_STEP_FINISHED,    /* the journal entry is gone */
} PlanoFileStep;

typedef void (*PlanoFileStepFunc) (PlanoFileStep step,
                                   gsize         done,
                                   gpointer      user_data);

gboolean     plano_file_read                  (const char             *path,
                                               gsize                   max_size,
                                               char                  **contents,
                                               gsize                  *length,
                                               GError                **error);
gboolean     plano_file_is_read_only          (const char             *path);
gboolean     plano_file_replace               (const char             *path,
                                               const char             *contents,
                                               gsize                   length,
                                               PlanoFileReplaceFlags   flags,
                                               PlanoFileProgressFunc   progress,
                                               gpointer                progress_data,
                                               GError                **error);
typedef struct _PlanoFileWriter PlanoFileWriter;

PlanoFileWriter *plano_file_writer_new        (const char             *path,
                                               PlanoFileReplaceFlags   flags,
                                               GError                **error);
gboolean     plano_file_writer_write          (PlanoFileWriter        *self,
                                               const char             *data,
                                               gsize                   length,
                                               GError                **error);
gboolean     plano_file_writer_finish         (PlanoFileWriter        *self,
                                               GError                **error);
void         plano_file_writer_abort          (PlanoFileWriter        *self);
gboolean     plano_file_is_temporary_name     (const char             *name,
                                               int                    *pid);
gboolean     plano_file_process_is_alive      (int                     pid);
guint        plano_file_remove_leftovers      (void);
guint        plano_file_remove_leftovers_beside (const char           *path);

const char  *plano_file_get_journal_dir       (void);
void         plano_file_set_journal_dir       (const char             *dir);
void         plano_file_set_step_hook         (PlanoFileStepFunc       hook,
                                               gpointer                user_data);

G_END_DECLS
