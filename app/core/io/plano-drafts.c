/* plano-drafts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-drafts"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plano-drafts.h"
#include "plano-format.h"

/* Each draft is two files in the drafts folder: ID.plano, the board in the .plano format,
 * and ID.draft, a key file with its title, source file, time and process. Both are written
 * atomically, the board first, so that a draft whose .draft file exists is whole.
 */

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
  if (drafts_dir == NULL)
    drafts_dir = g_build_filename (g_get_user_state_dir (), "plano", "drafts", NULL);

  return drafts_dir;
}

/**
 * plano_drafts_set_dir:
 * @dir: (nullable): another folder, for tests; %NULL goes back to the default
 */
void
plano_drafts_set_dir (const char *dir)
{
  g_free (drafts_dir);
  drafts_dir = g_strdup (dir);
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
 * @board: the board as it is now
 * @source: (nullable): the URI of the board's file, if it has one
 *
 * Writes or replaces the draft.
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

  board_path = draft_path (id, ".plano");
  if (!plano_format_save_file (board, board_path, error))
    return FALSE;

  if (plano_board_get_title (board) != NULL)
    g_key_file_set_string (meta, "Draft", "Title", plano_board_get_title (board));
  if (source != NULL)
    g_key_file_set_string (meta, "Draft", "Source", source);
  g_key_file_set_int64 (meta, "Draft", "Time", g_get_real_time ());
  g_key_file_set_integer (meta, "Draft", "Pid", getpid ());

  meta_path = draft_path (id, ".draft");
  meta_text = g_key_file_to_data (meta, &length, NULL);

  return g_file_set_contents_full (meta_path, meta_text, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
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
  gboolean existed;

  g_return_val_if_fail (id_is_safe (id), FALSE);

  board_path = draft_path (id, ".plano");
  meta_path = draft_path (id, ".draft");

  /* The key file goes first: without it, what is left is not offered. */
  existed = g_unlink (meta_path) == 0;
  g_unlink (board_path);

  return existed;
}

static gboolean
process_alive (int pid)
{
  if (pid <= 0)
    return FALSE;

  return kill (pid, 0) == 0 || errno == EPERM;
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
          (orphans_only && (info->pid == getpid () || process_alive (info->pid))))
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
