/* test-crash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pulling the plug: the real app is started on a board, edited with real key presses,
 * killed with SIGKILL four seconds later, and the draft it left must be the edited board.
 * Runs under Xvfb; the keys are typed with xdotool.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>

#include "plano-drafts.h"
#include "plano-format.h"

static gboolean
run (const char * const *argv)
{
  int status = 0;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                       G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static void
test_kill_after_edit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plano-crash-XXXXXX", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "realtime.plano", NULL);
  g_autofree char *path = g_build_filename (dir, "realtime.plano", NULL);
  g_autofree char *state = g_build_filename (dir, "state", NULL);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *drafts_dir = g_build_filename (state, "plano", "drafts", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(PlanoBoard) edited = NULL;
  g_autoptr(PlanoBoard) draft = NULL;
  const char *exe = g_getenv ("PLANO_EXE");
  const char *find[] = { "xdotool", "search", "--onlyvisible", "--name", "Real-time analytics pipeline", NULL };
  const char *keys[] = { "xdotool", "key", "--delay", "100", "Page_Down", "Delete", NULL };
  const char *argv[] = { exe, path, NULL };
  GPid pid;
  gboolean found = FALSE;
  gsize length;

  if (g_getenv ("DISPLAY") == NULL || g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_skip ("needs a display and xdotool");
      return;
    }

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  env = g_environ_setenv (env, "XDG_STATE_HOME", state, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  g_assert_true (g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL));

  /* The window appears with the board's title. */
  for (guint i = 0; i < 100 && !found; i++)
    {
      found = run (find);
      if (!found)
        g_usleep (G_USEC_PER_SEC / 10);
    }
  g_assert_true (found);
  g_usleep (G_USEC_PER_SEC / 2);

  /* Page Down selects the first component, Delete removes it with its connections. */
  g_assert_true (run (keys));

  g_usleep (4 * G_USEC_PER_SEC);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  /* What the user would get back on the next start: one draft, equal to the edited board. */
  plano_drafts_set_dir (drafts_dir);
  drafts = plano_drafts_list (TRUE);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = plano_draft_load (((PlanoDraftInfo *) g_ptr_array_index (drafts, 0))->id, NULL);
  g_assert_nonnull (draft);

  edited = plano_format_read (contents, length, NULL, NULL);
  plano_board_remove_item (edited, "apps");
  expected = plano_format_write (edited, NULL);
  actual = plano_format_write (draft, NULL);
  g_assert_cmpstr (actual, ==, expected);

  /* The file itself was never touched. */
  {
    g_autofree char *on_disk = NULL;

    g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
    g_assert_cmpstr (on_disk, ==, contents);
  }

  plano_draft_discard (((PlanoDraftInfo *) g_ptr_array_index (drafts, 0))->id);
  g_rmdir (drafts_dir);
  plano_drafts_set_dir (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/crash/kill-after-edit", test_kill_after_edit);

  return g_test_run ();
}
