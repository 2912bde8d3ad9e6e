/* test-drafts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "plano-drafts.h"
#include "plano-format.h"

static char *
make_dir (void)
{
  char *dir = g_dir_make_tmp ("plano-drafts-XXXXXX", NULL);

  g_assert_nonnull (dir);
  plano_drafts_set_dir (dir);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  plano_drafts_set_dir (NULL);
}

/* A process id that no process has any more. */
static int
dead_pid (void)
{
  GPid pid;
  const char *argv[] = { "true", NULL };

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL));
  waitpid (pid, NULL, 0);

  return pid;
}

static void
test_write_list_discard (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *id = plano_draft_new_id ();
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoBoard) loaded = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  const PlanoDraftInfo *info;

  plano_board_set_title (board, "Clickstream");
  plano_board_add_node (board, "kafka", 10, 20);

  g_assert_true (plano_draft_write (id, board, "file:///home/me/clicks.plano", &error));
  g_assert_no_error (error);

  all = plano_drafts_list (FALSE);
  g_assert_cmpuint (all->len, ==, 1);
  info = g_ptr_array_index (all, 0);
  g_assert_cmpstr (info->id, ==, id);
  g_assert_cmpstr (info->title, ==, "Clickstream");
  g_assert_cmpstr (info->source, ==, "file:///home/me/clicks.plano");
  g_assert_cmpint (info->pid, ==, getpid ());
  g_assert_cmpint (ABS (g_get_real_time () - info->time), <, 60 * G_USEC_PER_SEC);

  /* This process is alive: its own drafts are not a crash's leftovers. */
  orphans = plano_drafts_list (TRUE);
  g_assert_cmpuint (orphans->len, ==, 0);

  loaded = plano_draft_load (id, &error);
  g_assert_no_error (error);
  expected = plano_format_write (board, NULL);
  actual = plano_format_write (loaded, NULL);
  g_assert_cmpstr (actual, ==, expected);

  g_assert_true (plano_draft_discard (id));
  g_assert_false (plano_draft_discard (id));
  g_clear_pointer (&all, g_ptr_array_unref);
  all = plano_drafts_list (FALSE);
  g_assert_cmpuint (all->len, ==, 0);

  remove_dir (dir);
}

/* A draft whose process has ended is an orphan, offered for recovery. */
static void
test_orphans (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *id = plano_draft_new_id ();
  g_autofree char *meta_path = NULL;
  g_autofree char *meta = NULL;
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();

  g_assert_true (plano_draft_write (id, board, NULL, NULL));

  meta_path = g_strconcat (dir, "/", id, ".draft", NULL);
  g_assert_true (g_key_file_load_from_file (keys, meta_path, G_KEY_FILE_NONE, NULL));
  g_key_file_set_integer (keys, "Draft", "Pid", dead_pid ());
  g_assert_true (g_key_file_save_to_file (keys, meta_path, NULL));

  orphans = plano_drafts_list (TRUE);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (((PlanoDraftInfo *) g_ptr_array_index (orphans, 0))->id, ==, id);
  g_assert_null (((PlanoDraftInfo *) g_ptr_array_index (orphans, 0))->title);

  /* A draft whose board file is missing is not offered. */
  {
    g_autofree char *board_path = g_strconcat (dir, "/", id, ".plano", NULL);

    g_unlink (board_path);
    g_clear_pointer (&orphans, g_ptr_array_unref);
    orphans = plano_drafts_list (TRUE);
    g_assert_cmpuint (orphans->len, ==, 0);
  }

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/drafts/write-list-discard", test_write_list_discard);
  g_test_add_func ("/plano/drafts/orphans", test_orphans);

  return g_test_run ();
}
