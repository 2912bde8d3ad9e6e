/* test-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plano's way to the disk: only regular files of a board's size are read, and nothing waits on
 * a device or a FIFO; a replace killed at any of 50 moments leaves the old board or the new
 * one, whole, and after the next start no temporary file anywhere.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "plano-drafts.h"
#include "plano-export.h"
#include "plano-file.h"
#include "plano-format.h"
#include "plano-test-core.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("plano-file-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The names in @dir, sorted, joined by spaces: what a user would see listing it. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* Reading, in a thread, so that a read that waits fails the test instead of hanging it. */

typedef struct
{
  GMutex      lock;
  GCond       cond;
  const char *path;
  gboolean    done;
  PlanoBoard *board;
  GError     *error;
} ReadJob;

static gpointer
read_thread (gpointer data)
{
  ReadJob *job = data;
  GError *error = NULL;
  PlanoBoard *board = plano_format_read_file (job->path, NULL, &error);

  g_mutex_lock (&job->lock);
  job->board = board;
  job->error = error;
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);

  return NULL;
}

/* Reads @path as the app does and returns the error's message; fails if the read takes more
 * than two seconds (a FIFO is then opened for writing, so that the reader can end). */
static char *
read_error_message (const char *path)
{
  ReadJob job = { .path = path };
  GThread *thread;
  gboolean done;
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + 2 * G_USEC_PER_SEC;
  char *message;

  g_mutex_init (&job.lock);
  g_cond_init (&job.cond);
  thread = g_thread_new ("read", read_thread, &job);

  g_mutex_lock (&job.lock);
  while (!job.done && g_cond_wait_until (&job.cond, &job.lock, deadline))
    ;
  done = job.done;
  g_mutex_unlock (&job.lock);

  if (!done)
    {
      int fd = open (path, O_WRONLY | O_NONBLOCK);

      if (fd >= 0)
        close (fd);
    }
  g_thread_join (thread);

  g_assert_true (done);
  g_assert_null (job.board);
  g_assert_error (job.error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_IO);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  message = g_strdup (job.error->message);

  g_clear_error (&job.error);
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.cond);

  return message;
}

/* /dev/zero and /dev/urandom never end, a FIFO with no writer never answers, a socket is no
 * file: each is refused at once, with a sentence. */
static void
test_special_files (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.plano", NULL);
  g_autofree char *socket_path = g_build_filename (dir, "socket.plano", NULL);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  message = read_error_message ("/dev/zero");
  g_assert_cmpstr (message, ==, "“zero” is a device, not a regular file");
  g_clear_pointer (&message, g_free);

  message = read_error_message ("/dev/urandom");
  g_assert_cmpstr (message, ==, "“urandom” is a device, not a regular file");
  g_clear_pointer (&message, g_free);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  message = read_error_message (fifo);
  g_assert_cmpstr (message, ==, "“pipe.plano” is a pipe, not a regular file");
  g_clear_pointer (&message, g_free);

  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  address = g_unix_socket_address_new (socket_path);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  g_assert_no_error (error);
  message = read_error_message (socket_path);
  g_assert_cmpstr (message, ==, "“socket.plano” is a socket, not a regular file");
  g_clear_pointer (&message, g_free);

  message = read_error_message (dir);
  g_assert_true (g_str_has_suffix (message, "” is a folder, not a board"));

  g_socket_close (socket, NULL);
  plano_test_remove_tree (dir);
}

/* A file over the limit is refused by its size, before a byte is read: a sparse file of
 * 257 MB takes no disk and, read, would take 257 MB of memory. */
static void
test_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *big = g_build_filename (dir, "big.plano", NULL);
  g_autofree char *small = g_build_filename (dir, "small.plano", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gsize length = 0;
  int fd;

  fd = g_open (big, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, PLANO_FILE_MAX_SIZE + 1024 * 1024), ==, 0);
  close (fd);

  message = read_error_message (big);
  g_assert_cmpstr (message, ==, "“big.plano” is larger than 256 MB, the most a board may be");

  /* At the limit a file reads; a byte more does not. */
  g_assert_true (g_file_set_contents (small, "0123456789", 10, NULL));
  g_assert_true (plano_file_read (small, 10, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "0123456789");
  g_assert_cmpuint (length, ==, 10);
  g_clear_pointer (&contents, g_free);

  g_assert_false (plano_file_read (small, 9, &contents, &length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_null (contents);

  plano_test_remove_tree (dir);
}

/* A file without write permission is not replaced unless the caller says so (the window asks
 * first); replaced, it keeps its permissions. */
static void
test_read_only (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "board.plano", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_board_new ();
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "{\"plano\": 1}\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_true (plano_file_is_read_only (path));

  plano_board_set_title (board, "Mine");
  g_assert_false (plano_format_save_file_full (board, path, PLANO_FILE_REPLACE_DURABLE, NULL, NULL,
                                               &error));
  g_assert_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "Could not save “board.plano”: the file is read-only");
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"plano\": 1}\n");
  g_clear_pointer (&contents, g_free);

  g_assert_true (plano_format_save_file_full (board, path,
                                              PLANO_FILE_REPLACE_DURABLE | PLANO_FILE_REPLACE_READ_ONLY,
                                              NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"title\": \"Mine\""));

  /* Nothing but the board is left in the folder. */
  {
    g_autofree char *names = list_dir (dir);

    g_assert_cmpstr (names, ==, "board.plano");
  }

  plano_test_remove_tree (dir);
}

static void
test_temporary_names (void)
{
  int pid = 0;

  g_assert_true (plano_file_is_temporary_name (".board.plano.saving-1234-AbC123", &pid));
  g_assert_cmpint (pid, ==, 1234);
  g_assert_true (plano_file_is_temporary_name (".a.saving-b.plano.saving-7-zzzzzz", &pid));
  g_assert_cmpint (pid, ==, 7);

  g_assert_false (plano_file_is_temporary_name ("board.plano.saving-1234-AbC123", NULL));
  g_assert_false (plano_file_is_temporary_name (".board.plano.saving-1234-AbC12", NULL));
  g_assert_false (plano_file_is_temporary_name (".board.plano.saving-1234-AbC1234", NULL));
  g_assert_false (plano_file_is_temporary_name (".board.plano.saving-x234-AbC123", NULL));
  g_assert_false (plano_file_is_temporary_name (".board.plano.saving-0-AbC123", NULL));
  g_assert_false (plano_file_is_temporary_name (".board.plano.AbC123", NULL));
  g_assert_false (plano_file_is_temporary_name (".saving-1234-AbC123", NULL));
}

/* A save removes what dead processes left beside the same file, and nothing else: not another
 * file's, not a running process's, not a name that only looks alike. */
static void
test_leftovers_beside (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "board.plano", NULL);
  g_autofree char *dead = g_strdup_printf ("%s/.board.plano.saving-%d-AbC123", dir, plano_test_dead_pid ());
  g_autofree char *mine = g_strdup_printf ("%s/.board.plano.saving-%d-XyZ789", dir, getpid ());
  g_autofree char *other = g_strdup_printf ("%s/.other.plano.saving-%d-AbC123", dir, plano_test_dead_pid ());
  g_autofree char *alike = g_build_filename (dir, "board.plano.AbC123", NULL);
  g_autofree char *names = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 4; i++)
    g_assert_true (g_file_set_contents ((const char *[]) { dead, mine, other, alike }[i], "x", 1, NULL));

  g_assert_true (plano_file_replace (path, "{\"plano\": 1}\n", 13, PLANO_FILE_REPLACE_NONE, NULL, NULL,
                                     &error));
  g_assert_no_error (error);

  names = list_dir (dir);
  expected = g_strdup_printf (".board.plano.saving-%d-XyZ789 %s board.plano board.plano.AbC123",
                              getpid (), strrchr (other, '/') + 1);
  g_assert_cmpstr (names, ==, expected);

  plano_test_remove_tree (dir);
}

/* The child: saves the new board over the old one, drafts it, saves the old one back, and
 * kills itself with SIGKILL at step @kill_at of all that (0: never), as a crash or a power
 * button would. Prints each step it passed: "N STEP", for the parent to choose from. */

typedef struct
{
  guint    count;
  guint    kill_at;
  GString *steps;
} Child;

/* What the export child writes in the folder: a PNG, then an SVG. */
static const char *export_names[] = { "board.png", "board.svg" };

static void
child_step_cb (PlanoFileStep  step,
               gsize          done,
               gpointer       user_data)
{
  static const char *names[] = { "journaled", "created", "wrote", "synced", "renamed", "finished" };
  Child *child = user_data;

  child->count++;
  if (child->count == child->kill_at)
    raise (SIGKILL);
  if (child->steps != NULL)
    g_string_append_printf (child->steps, "%u %s\n", child->count, names[step]);
}

/* A child that writes: killed at step @kill_at, or with 0 listing every step on its output
 * when it ends (child_end()). */
static void
child_begin (Child      *child,
             const char *kill_at,
             const char *journal)
{
  plano_file_set_journal_dir (journal);
  child->kill_at = g_ascii_strtoull (kill_at, NULL, 10);
  if (child->kill_at == 0)
    child->steps = g_string_new (NULL);
  plano_file_set_step_hook (child_step_cb, child);
}

static int
child_end (Child *child)
{
  if (child->steps != NULL)
    {
      g_print ("%s", child->steps->str);
      g_string_free (child->steps, TRUE);
    }

  return 0;
}

/* A child's list of steps, split into the writes and the other steps, by number. */
static void
split_steps (const char *steps,
             GArray     *points,
             GArray     *writes)
{
  g_auto(GStrv) lines = g_strsplit (steps, "\n", -1);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      guint n = g_ascii_strtoull (lines[i], NULL, 10);

      if (strstr (lines[i], " wrote") != NULL)
        g_array_append_val (writes, n);
      else
        g_array_append_val (points, n);
    }
}

static int
run_child (const char *kill_at,
           const char *dir)
{
  g_autofree char *journal = g_build_filename (dir, "journal", NULL);
  g_autofree char *drafts = g_build_filename (dir, "drafts", NULL);
  g_autofree char *old_path = g_build_filename (dir, "old.plano", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.plano", NULL);
  g_autofree char *target = g_build_filename (dir, "folder", "board.plano", NULL);
  g_autoptr(PlanoBoard) old_board = plano_format_read_file (old_path, NULL, NULL);
  g_autoptr(PlanoBoard) new_board = plano_format_read_file (new_path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  Child child = { 0, };

  g_assert_nonnull (old_board);
  g_assert_nonnull (new_board);

  plano_drafts_set_dir (drafts);
  child_begin (&child, kill_at, journal);

  if (!plano_format_save_file (new_board, target, &error) ||
      !plano_draft_write ("crash", new_board, NULL, &error) ||
      !plano_format_save_file (old_board, target, &error))
    g_error ("%s", error->message);

  return child_end (&child);
}

/* Exports the new board over the folder's SVG and PNG, as `plano --export` does. */
static int
run_export_child (const char *kill_at,
                  const char *dir)
{
  g_autofree char *journal = g_build_filename (dir, "journal", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.plano", NULL);
  g_autoptr(PlanoBoard) board = plano_format_read_file (new_path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  Child child = { 0, };

  g_assert_nonnull (board);

  child_begin (&child, kill_at, journal);

  for (guint i = 0; i < G_N_ELEMENTS (export_names); i++)
    {
      g_autofree char *target = g_build_filename (dir, "folder", export_names[i], NULL);
      PlanoExportOptions options = { .format = i == 0 ? PLANO_EXPORT_PNG : PLANO_EXPORT_SVG, .scale = 1 };

      if (!plano_export_to_file (board, target, &options, &error))
        g_error ("%s", error->message);
    }

  return child_end (&child);
}

/* Runs the child to step @kill_at and waits for it, at most a minute. */
static int
spawn_child_mode (const char  *mode,
                  const char  *dir,
                  guint        kill_at,
                  char       **output)
{
  const char *exe = g_test_get_filename (G_TEST_BUILT, "test-file", NULL);
  g_autofree char *point = g_strdup_printf ("%u", kill_at);
  const char *argv[] = { exe, mode, point, dir, NULL };
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);

  if (output != NULL)
    *output = g_steal_pointer (&out);

  if (g_subprocess_get_if_signaled (child))
    return -g_subprocess_get_term_sig (child);

  return g_subprocess_get_exit_status (child);
}

static int
spawn_child (const char  *dir,
             guint        kill_at,
             char       **output)
{
  return spawn_child_mode ("--save-child", dir, kill_at, output);
}

static char *
write_board (const char *path,
             const char *title,
             guint       n_nodes)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(GError) error = NULL;

  plano_board_set_title (board, title);
  for (guint i = 0; i < n_nodes; i++)
    plano_board_add_node (board, i % 2 ? "kafka" : "flink", (i % 100) * 200.0, (i / 100) * 100.0);

  g_assert_true (plano_format_save_file (board, path, &error));
  g_assert_no_error (error);

  return plano_format_write (board, NULL);
}

/* Kills a writer at 50 moments of saving a 3 MB board and drafting it: at every step that is
 * not a write (journaled, created, synced, renamed, finished, in each of the four replaces) and
 * at evenly spread points of the writes. After each kill, the next start's clean-up runs; then
 * the board is the old one or the new one, whole, the draft is whole or absent, and no
 * temporary file or journal entry is left anywhere. */
static void
test_killed_at_fifty_points (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *target = g_build_filename (folder, "board.plano", NULL);
  g_autofree char *journal = g_build_filename (dir, "journal", NULL);
  g_autofree char *drafts = g_build_filename (dir, "drafts", NULL);
  g_autofree char *old_path = g_build_filename (dir, "old.plano", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.plano", NULL);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *steps = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) writes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint saw_old = 0, saw_new = 0, saw_draft = 0, removed = 0;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  old_text = write_board (old_path, "Old", 12000);
  new_text = write_board (new_path, "New", 30000);
  g_assert_cmpuint (strlen (new_text), >, 2 * 1000 * 1000);

  /* A run to the end lists the steps. */
  g_assert_true (g_file_set_contents (target, old_text, -1, NULL));
  g_assert_cmpint (spawn_child (dir, 0, &steps), ==, 0);
  split_steps (steps, points, writes);
  g_assert_cmpuint (points->len, ==, 4 * 5);
  g_assert_cmpuint (writes->len, >, 60);
  for (guint i = 0; points->len < 50; i++)
    g_array_append_val (points, g_array_index (writes, guint, i * writes->len / 30));
  g_test_message ("%u steps, killed at %u of them", points->len - 30 + writes->len, points->len);

  for (guint i = 0; i < points->len; i++)
    {
      guint kill_at = g_array_index (points, guint, i);
      g_autofree char *contents = NULL;
      g_autofree char *names = NULL;
      g_autoptr(GPtrArray) left = NULL;

      plano_test_remove_tree (drafts);
      g_assert_true (g_file_set_contents (target, old_text, -1, NULL));

      g_assert_cmpint (spawn_child (dir, kill_at, NULL), ==, -SIGKILL);

      /* The next start. */
      plano_file_set_journal_dir (journal);
      plano_drafts_set_dir (drafts);
      removed += plano_file_remove_leftovers ();
      plano_drafts_remove_leftovers ();

      g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
      if (g_str_equal (contents, old_text))
        saw_old++;
      else if (g_str_equal (contents, new_text))
        saw_new++;
      else
        g_error ("killed at step %u: the board is neither the old one nor the new one", kill_at);

      names = list_dir (folder);
      g_assert_cmpstr (names, ==, "board.plano");
      g_clear_pointer (&names, g_free);
      names = list_dir (journal);
      g_assert_cmpstr (names, ==, "");
      g_clear_pointer (&names, g_free);

      /* A draft is whole and offered, or there is none and nothing of it is left. */
      names = list_dir (drafts);
      left = plano_drafts_list (FALSE);
      if (left->len == 1)
        {
          g_autoptr(PlanoBoard) draft = plano_draft_load ("crash", NULL);
          g_autofree char *text = plano_format_write (draft, NULL);

          g_assert_cmpstr (text, ==, new_text);
          g_assert_cmpstr (names, ==, "crash.draft crash.plano");
          saw_draft++;
        }
      else
        {
          g_assert_cmpstr (names, ==, "");
        }
    }

  g_test_message ("old board %u times, new %u times, a whole draft %u times; %u temporary files "
                  "removed at the next start", saw_old, saw_new, saw_draft, removed);
  g_assert_cmpuint (saw_old, >, 0);
  g_assert_cmpuint (saw_new, >, 0);
  g_assert_cmpuint (saw_draft, >, 0);
  g_assert_cmpuint (removed, >, 0);

  plano_file_set_journal_dir (NULL);
  plano_drafts_set_dir (NULL);
  plano_test_remove_tree (dir);
}

/* An export killed at any moment leaves the file that was there or the whole new one, and its
 * temporary file is gone after the next start, as a save's is: at every step of writing a PNG
 * and an SVG that is not a write, and at 16 points of the writes. */
static void
test_export_killed (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *reference = g_build_filename (dir, "reference", NULL);
  g_autofree char *journal = g_build_filename (dir, "journal", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.plano", NULL);
  g_autofree char *steps = NULL;
  const char *expected_names = "board.png board.svg";
  g_autofree char *new_text = write_board (new_path, "New", 3000);
  g_autoptr(PlanoBoard) board = plano_format_read_file (new_path, NULL, NULL);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) writes = g_array_new (FALSE, FALSE, sizeof (guint));
  char *expected[G_N_ELEMENTS (export_names)];
  gsize expected_length[G_N_ELEMENTS (export_names)];
  guint saw_old = 0, saw_new = 0, removed = 0;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (reference, 0755), ==, 0);

  /* The exports as they come out whole. */
  for (guint i = 0; i < G_N_ELEMENTS (export_names); i++)
    {
      g_autofree char *path = g_build_filename (reference, export_names[i], NULL);
      PlanoExportOptions options = { .format = i == 0 ? PLANO_EXPORT_PNG : PLANO_EXPORT_SVG, .scale = 1 };
      g_autoptr(GError) error = NULL;

      g_assert_true (plano_export_to_file (board, path, &options, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &expected[i], &expected_length[i], NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (export_names); i++)
    {
      g_autofree char *target = g_build_filename (folder, export_names[i], NULL);

      g_assert_true (g_file_set_contents (target, "old", -1, NULL));
    }
  g_assert_cmpint (spawn_child_mode ("--export-child", dir, 0, &steps), ==, 0);
  split_steps (steps, points, writes);
  g_assert_cmpuint (points->len, ==, 2 * 5);
  g_assert_cmpuint (writes->len, >=, 4);
  for (guint i = 0; i < 16; i++)
    g_array_append_val (points, g_array_index (writes, guint, i * writes->len / 16));

  for (guint i = 0; i < points->len; i++)
    {
      guint kill_at = g_array_index (points, guint, i);
      g_autofree char *names = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (export_names); k++)
        {
          g_autofree char *target = g_build_filename (folder, export_names[k], NULL);

          g_assert_true (g_file_set_contents (target, "old", -1, NULL));
        }

      g_assert_cmpint (spawn_child_mode ("--export-child", dir, kill_at, NULL), ==, -SIGKILL);

      /* The next start. */
      plano_file_set_journal_dir (journal);
      removed += plano_file_remove_leftovers ();

      names = list_dir (folder);
      g_assert_cmpstr (names, ==, expected_names);
      g_clear_pointer (&names, g_free);
      names = list_dir (journal);
      g_assert_cmpstr (names, ==, "");

      for (guint k = 0; k < G_N_ELEMENTS (export_names); k++)
        {
          g_autofree char *target = g_build_filename (folder, export_names[k], NULL);
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
          if (g_str_equal (contents, "old"))
            saw_old++;
          else if (length == expected_length[k] && memcmp (contents, expected[k], length) == 0)
            saw_new++;
          else
            g_error ("killed at step %u: %s is neither the old file nor the whole export", kill_at,
                     export_names[k]);
        }
    }

  g_test_message ("old file %u times, the whole export %u times; %u temporary files removed at "
                  "the next start", saw_old, saw_new, removed);
  g_assert_cmpuint (saw_old, >, 0);
  g_assert_cmpuint (saw_new, >, 0);
  g_assert_cmpuint (removed, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (export_names); i++)
    g_free (expected[i]);
  plano_file_set_journal_dir (NULL);
  plano_test_remove_tree (dir);
}

/* An export is not written over a read-only file: it says so and leaves the file as it was. */
static void
test_export_read_only (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "board.svg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(GError) error = NULL;
  PlanoExportOptions options = { .format = PLANO_EXPORT_SVG, .scale = 1 };

  plano_board_add_node (board, "kafka", 0, 0);
  g_assert_true (g_file_set_contents (target, "mine", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0444), ==, 0);

  g_assert_false (plano_export_to_file (board, target, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "board.svg"));
  g_assert_nonnull (strstr (error->message, "read-only"));

  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "mine");
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "board.svg");

  plano_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--save-child"))
    return run_child (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "--export-child"))
    return run_export_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/file/special-files", test_special_files);
  g_test_add_func ("/plano/file/too-large", test_too_large);
  g_test_add_func ("/plano/file/read-only", test_read_only);
  g_test_add_func ("/plano/file/temporary-names", test_temporary_names);
  g_test_add_func ("/plano/file/leftovers-beside", test_leftovers_beside);
  g_test_add_func ("/plano/file/killed-at-fifty-points", test_killed_at_fifty_points);
  g_test_add_func ("/plano/file/export-killed", test_export_killed);
  g_test_add_func ("/plano/file/export-read-only", test_export_read_only);

  return g_test_run ();
}
