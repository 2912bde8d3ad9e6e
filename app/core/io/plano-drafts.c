/* plano-drafts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-drafts"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plano-drafts.h"
#include "plano-file.h"
#include "plano-format.h"

/* Each draft is two files in the drafts folder: ID.draft, a key file with its title, source
 * file, time and process, and ID.plano, the board in the .plano format. Both are written
 * through plano_file_replace(), so each is whole at any moment. The key file is written first
 * and removed last: a draft cut short by a crash is a key file without a board, which names the
 * process that wrote it, so the next start can tell it from a draft still being written by
 * another Plano and remove it (plano_drafts_remove_leftovers()). Only a draft with both files is
 * offered for recovery.
 */

G_LOCK_DEFINE_STATIC (drafts_dir);
static char *drafts_dir;

void
plano_draft_info_free (PlanoDraftInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_free (info->title);
  g_free (info->source);
  g_free (info);
}

/**
 * plano_drafts_get_dir:
 *
 * Returns: the folder drafts go to: plano/drafts in the user's state folder
 */
const char *
plano_drafts_get_dir (void)
{
  const char *dir;

  /* Drafts are written from worker threads too. */
  G_LOCK (drafts_dir);
  if (drafts_dir == NULL)
    drafts_dir = g_build_filename (g_get_user_state_dir (), "plano", "drafts", NULL);
  dir = drafts_dir;
  G_UNLOCK (drafts_dir);

  return dir;
}

/**
 * plano_drafts_set_dir:
 * @dir: (nullable): another folder, for tests; %NULL goes back to the default
 */
void
plano_drafts_set_dir (const char *dir)
{
  G_LOCK (drafts_dir);
  g_free (drafts_dir);
  drafts_dir = g_strdup (dir);
  G_UNLOCK (drafts_dir);
}

/**
 * plano_draft_new_id:
 *
 * Returns: (transfer full): an id no other draft has
 */
char *
plano_draft_new_id (void)
{
  return g_uuid_string_random ();
}

static char *
draft_path (const char *id,
            const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (plano_drafts_get_dir (), name, NULL);
}

static gboolean
id_is_safe (const char *id)
{
  return id != NULL && id[0] != '\0' && strchr (id, '/') == NULL && strchr (id, '.') == NULL;
}

/**
 * plano_draft_write:
 * @id: the draft's id, from plano_draft_new_id()
 * @board: the board as it is now; only read, so a snapshot may be written from another thread
 * @source: (nullable): the URI of the board's file, if it has one
 *
 * Writes or replaces the draft. Safe to call from any thread, one call per draft at a time.
 */
gboolean
plano_draft_write (const char  *id,
                   PlanoBoard  *board,
                   const char  *source,
                   GError     **error)
{
  g_autoptr(GKeyFile) meta = g_key_file_new ();
  g_autofree char *board_path = NULL;
  g_autofree char *meta_path = NULL;
  g_autofree char *meta_text = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (id_is_safe (id), FALSE);
  g_return_val_if_fail (PLANO_IS_BOARD (board), FALSE);

  if (g_mkdir_with_parents (plano_drafts_get_dir (), 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not make the drafts folder %s: %s"), plano_drafts_get_dir (),
                   g_strerror (saved_errno));
      return FALSE;
    }

  if (plano_board_get_title (board) != NULL)
    g_key_file_set_string (meta, "Draft", "Title", plano_board_get_title (board));
  if (source != NULL)
    g_key_file_set_string (meta, "Draft", "Source", source);
  g_key_file_set_int64 (meta, "Draft", "Time", g_get_real_time ());
  g_key_file_set_integer (meta, "Draft", "Pid", getpid ());

  meta_path = draft_path (id, ".draft");
  meta_text = g_key_file_to_data (meta, &length, NULL);
  /* The drafts folder is Plano's own: nothing in it is read-only on purpose. */
  if (!plano_file_replace (meta_path, meta_text, length,
                           PLANO_FILE_REPLACE_DURABLE | PLANO_FILE_REPLACE_READ_ONLY, NULL, NULL,
                           &local_error))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write the draft in %s: %s"), plano_drafts_get_dir (),
                   local_error->message);
      return FALSE;
    }

  board_path = draft_path (id, ".plano");

  return plano_format_save_file_full (board, board_path,
                                      PLANO_FILE_REPLACE_DURABLE | PLANO_FILE_REPLACE_READ_ONLY,
                                      NULL, NULL, error);
}

/**
 * plano_draft_discard:
 *
 * Deletes a draft, as after a save or when the user drops it.
 *
 * Returns: whether there was a draft
 */
gboolean
plano_draft_discard (const char *id)
{
  g_autofree char *board_path = NULL;
  g_autofree char *meta_path = NULL;

  g_return_val_if_fail (id_is_safe (id), FALSE);

  board_path = draft_path (id, ".plano");
  meta_path = draft_path (id, ".draft");

  /* The board goes first: without it, what is left is not offered, and the key file left by a
   * crash here says whose it was. */
  g_unlink (board_path);

  return g_unlink (meta_path) == 0;
}

static int
compare_time (gconstpointer a,
              gconstpointer b)
{
  const PlanoDraftInfo *da = *(PlanoDraftInfo **) a;
  const PlanoDraftInfo *db = *(PlanoDraftInfo **) b;

  return (da->time < db->time) - (da->time > db->time);
}

/**
 * plano_drafts_list:
 * @orphans_only: list only drafts whose process has ended, which a crash left behind
 *
 * Returns: (transfer full) (element-type PlanoDraftInfo): the drafts, newest first
 */
GPtrArray *
plano_drafts_list (gboolean orphans_only)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) plano_draft_info_free);
  g_autoptr(GDir) dir = g_dir_open (plano_drafts_get_dir (), 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GKeyFile) meta = NULL;
      g_autofree char *path = NULL;
      g_autofree char *board_path = NULL;
      PlanoDraftInfo *info;

      if (!g_str_has_suffix (name, ".draft"))
        continue;

      path = g_build_filename (plano_drafts_get_dir (), name, NULL);
      meta = g_key_file_new ();
      if (!g_key_file_load_from_file (meta, path, G_KEY_FILE_NONE, NULL))
        continue;

      info = g_new0 (PlanoDraftInfo, 1);
      info->id = g_strndup (name, strlen (name) - strlen (".draft"));
      info->title = g_key_file_get_string (meta, "Draft", "Title", NULL);
      info->source = g_key_file_get_string (meta, "Draft", "Source", NULL);
      info->time = g_key_file_get_int64 (meta, "Draft", "Time", NULL);
      info->pid = g_key_file_get_integer (meta, "Draft", "Pid", NULL);

      board_path = draft_path (info->id, ".plano");
      if (!g_file_test (board_path, G_FILE_TEST_IS_REGULAR) ||
          (orphans_only && plano_file_process_is_alive (info->pid)))
        {
          plano_draft_info_free (info);
          continue;
        }

      g_ptr_array_add (drafts, info);
    }

  g_ptr_array_sort (drafts, compare_time);

  return drafts;
}

/**
 * plano_draft_load:
 *
 * Returns: (transfer full) (nullable): the draft's board
 */
PlanoBoard *
plano_draft_load (const char  *id,
                  GError     **error)
{
  g_autofree char *board_path = NULL;

  g_return_val_if_fail (id_is_safe (id), NULL);

  board_path = draft_path (id, ".plano");

  return plano_format_read_file (board_path, NULL, error);
}

/**
 * plano_drafts_take_superseded:
 * @drafts: (element-type PlanoDraftInfo): drafts, newest first, as plano_drafts_list() gives them
 *
 * Takes out of @drafts every draft of a file that has a newer draft in the list, as two runs
 * that crashed on the same board leave: only the newest is worth offering.
 *
 * Returns: (transfer full) (element-type PlanoDraftInfo): the drafts taken out
 */
GPtrArray *
plano_drafts_take_superseded (GPtrArray *drafts)
{
  GPtrArray *superseded = g_ptr_array_new_with_free_func ((GDestroyNotify) plano_draft_info_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < drafts->len;)
    {
      PlanoDraftInfo *info = g_ptr_array_index (drafts, i);

      if (info->source == NULL || g_hash_table_add (seen, info->source))
        {
          i++;
          continue;
        }

      g_ptr_array_add (superseded, g_ptr_array_steal_index (drafts, i));
    }

  return superseded;
}

/**
 * plano_drafts_remove_leftovers:
 *
 * What the next start does in the drafts folder: removes what a crash left that is not a draft
 * to recover, namely a key file without its board whose process is gone, a board without its
 * key file, and temporary files of processes that are gone. Drafts whose process is gone stay:
 * they are offered for recovery.
 *
 * Returns: how many files were removed
 */
guint
plano_drafts_remove_leftovers (void)
{
  const char *dir_path = plano_drafts_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint removed = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *id = NULL;
      int pid = 0;

      if (plano_file_is_temporary_name (name, &pid))
        {
          if (!plano_file_process_is_alive (pid) && g_unlink (path) == 0)
            removed++;
          continue;
        }

      if (g_str_has_suffix (name, ".draft"))
        {
          g_autoptr(GKeyFile) meta = g_key_file_new ();
          g_autofree char *board_path = NULL;

          id = g_strndup (name, strlen (name) - strlen (".draft"));
          board_path = draft_path (id, ".plano");
          if (g_file_test (board_path, G_FILE_TEST_EXISTS))
            continue;

          /* A key file cut short names no process: nobody is writing it. */
          if (g_key_file_load_from_file (meta, path, G_KEY_FILE_NONE, NULL))
            pid = g_key_file_get_integer (meta, "Draft", "Pid", NULL);
          if (!plano_file_process_is_alive (pid) && g_unlink (path) == 0)
            removed++;
        }
      else if (g_str_has_suffix (name, ".plano"))
        {
          g_autofree char *meta_path = NULL;

          id = g_strndup (name, strlen (name) - strlen (".plano"));
          meta_path = draft_path (id, ".draft");
          if (!g_file_test (meta_path, G_FILE_TEST_EXISTS) && g_unlink (path) == 0)
            removed++;
        }
    }

  return removed;
}
