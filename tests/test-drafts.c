/* test-drafts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "plano-autosave.h"
#include "plano-draft-writer.h"
#include "plano-drafts.h"
#include "plano-file.h"
#include "plano-format.h"
#include "plano-test-core.h"

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
  plano_test_remove_tree (dir);
  plano_drafts_set_dir (NULL);
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
  g_key_file_set_integer (keys, "Draft", "Pid", plano_test_dead_pid ());
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

static void
wait_idle (PlanoDraftWriter *writer)
{
  while (plano_draft_writer_get_busy (writer))
    g_main_context_iteration (NULL, TRUE);
}

static char *
read_draft_text (const char *id)
{
  g_autofree char *path = g_strconcat (plano_drafts_get_dir (), "/", id, ".plano", NULL);
  char *text = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  g_assert_true (plano_file_read (path, PLANO_FILE_MAX_SIZE, &text, NULL, NULL));

  return text;
}

/* Drafts of one board are written in the order asked for, and a discard asked for after a
 * write is never overtaken by it: however fast the asks come, what is on disk at the end is
 * what was asked last. */
static void
test_writer_order (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(PlanoDraftWriter) writer = plano_draft_writer_new (NULL);
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  for (guint i = 0; i < 50; i++)
    {
      plano_board_add_node (board, "kafka", i * 10.0, 0);
      plano_draft_writer_write (writer, board, "file:///tmp/board.plano");
      g_assert_true (plano_draft_writer_get_busy (writer));
    }
  /* The board goes on changing; the draft holds it as it was when asked. */
  expected = plano_format_write (board, NULL);
  plano_board_set_title (board, "After the last draft");
  wait_idle (writer);

  text = read_draft_text (plano_draft_writer_get_id (writer));
  g_assert_cmpstr (text, ==, expected);
  drafts = plano_drafts_list (FALSE);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((PlanoDraftInfo *) g_ptr_array_index (drafts, 0))->source, ==,
                   "file:///tmp/board.plano");

  /* Written then discarded at once, as when a save follows an edit: no draft. */
  plano_draft_writer_write (writer, board, NULL);
  plano_draft_writer_discard (writer);
  wait_idle (writer);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = plano_drafts_list (FALSE);
  g_assert_cmpuint (drafts->len, ==, 0);

  /* Discarded then written, as when the user goes on working after a save: a draft. */
  plano_draft_writer_discard (writer);
  plano_draft_writer_write (writer, board, NULL);
  wait_idle (writer);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  text = read_draft_text (plano_draft_writer_get_id (writer));
  expected = plano_format_write (board, NULL);
  g_assert_cmpstr (text, ==, expected);

  plano_draft_writer_discard (writer);
  wait_idle (writer);
  remove_dir (dir);
}

/* The clock of the continuous-editing test, in microseconds. */
static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

typedef struct
{
  PlanoDraftWriter *writer;
  PlanoAutosave    *autosave;
  PlanoBoard       *board;
  guint             n_drafts;
} Drafting;

static void
due_cb (PlanoAutosave *autosave,
        Drafting      *drafting)
{
  plano_draft_writer_write (drafting->writer, drafting->board, NULL);
  wait_idle (drafting->writer);
  plano_autosave_done (autosave);
  drafting->n_drafts++;
}

/* A user who never stops: an edit every 50 to 700 ms for 30 s, with the clock injected. At
 * every moment (every 10 ms) the board a crash would give back (the draft, or the saved board
 * when there is no draft yet) was the board itself at some moment of the last 3 s. */
static void
test_continuous_editing (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(PlanoDraftWriter) writer = plano_draft_writer_new (NULL);
  g_autoptr(PlanoAutosave) autosave = plano_autosave_new ();
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(GHashTable) versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (22);
  g_autofree char *saved = plano_format_write (board, NULL);
  Drafting drafting = { writer, autosave, board, 0 };
  gint64 next_edit = 0;
  gint64 oldest = 0;
  guint n_edits = 0;
  g_autofree char *first = NULL;

  fake_now = 0;
  plano_autosave_set_clock (autosave, fake_clock, NULL);
  g_signal_connect (autosave, "due", G_CALLBACK (due_cb), &drafting);
  g_hash_table_insert (versions, g_strdup (saved), GUINT_TO_POINTER (0));

  for (fake_now = 0; fake_now <= 30 * G_USEC_PER_SEC; fake_now += 10 * 1000)
    {
      g_autofree char *text = NULL;
      guint version;
      gint64 end;

      if (fake_now >= next_edit)
        {
          gint64 now = fake_now;
          char *written;

          /* The version on screen until now ends now. */
          g_array_append_val (ends, now);
          if (first != NULL && n_edits % 3 == 2)
            g_assert_true (plano_board_move_items (board, (const char *[]) { first, NULL }, 5, 5));
          else
            {
              const PlanoNode *node = plano_board_add_node (board, "kafka", n_edits * 20.0, 0);

              if (first == NULL)
                first = g_strdup (node->item.id);
            }
          n_edits++;
          plano_autosave_changed (autosave);
          written = plano_format_write (board, NULL);
          g_assert_false (g_hash_table_contains (versions, written));
          g_hash_table_insert (versions, written, GUINT_TO_POINTER (n_edits));
          next_edit = fake_now + g_rand_int_range (rand, 50, 701) * 1000;
        }

      plano_autosave_run_due (autosave);

      text = read_draft_text (plano_draft_writer_get_id (writer));
      if (text == NULL)
        text = g_strdup (saved);
      g_assert_true (g_hash_table_lookup_extended (versions, text, NULL, (gpointer *) &version));
      end = version < ends->len ? g_array_index (ends, gint64, version) : fake_now;
      g_assert_cmpint (fake_now - end, <=, 3 * G_USEC_PER_SEC);
      oldest = MAX (oldest, fake_now - end);
    }

  g_test_message ("%u edits in 30 s, %u drafts; the board a crash gives back was at most %.2f s old",
                  n_edits, drafting.n_drafts, oldest / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (n_edits, >, 60);
  g_assert_cmpuint (drafting.n_drafts, >=, 10);

  plano_draft_writer_discard (writer);
  wait_idle (writer);
  remove_dir (dir);
}

/* One edit, then nothing: the draft follows two seconds after it, once. */
static void
test_quiet_after_edit (void)
{
  g_autoptr(PlanoAutosave) autosave = plano_autosave_new ();

  fake_now = 0;
  plano_autosave_set_clock (autosave, fake_clock, NULL);
  g_assert_false (plano_autosave_get_pending (autosave));
  g_assert_cmpint (plano_autosave_get_due (autosave), ==, -1);

  fake_now = 1000;
  plano_autosave_changed (autosave);
  g_assert_cmpint (plano_autosave_get_due (autosave), ==, 1000 + 2 * G_USEC_PER_SEC);
  fake_now = 1000 + 2 * G_USEC_PER_SEC - 1;
  g_assert_false (plano_autosave_run_due (autosave));
  fake_now++;
  g_assert_true (plano_autosave_run_due (autosave));
  plano_autosave_done (autosave);
  g_assert_false (plano_autosave_run_due (autosave));

  /* Changes every second: due 2.5 s after the first, not 2 s after the last. */
  fake_now = 10 * G_USEC_PER_SEC;
  for (guint i = 0; i < 3; i++, fake_now += G_USEC_PER_SEC)
    plano_autosave_changed (autosave);
  g_assert_cmpint (plano_autosave_get_due (autosave), ==, 12 * G_USEC_PER_SEC + G_USEC_PER_SEC / 2);
}

static void
test_superseded (void)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) plano_draft_info_free);
  g_autoptr(GPtrArray) superseded = NULL;
  const char *sources[] = { "file:///a.plano", NULL, "file:///b.plano", "file:///a.plano", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      PlanoDraftInfo *info = g_new0 (PlanoDraftInfo, 1);

      info->id = g_strdup_printf ("d%u", i);
      info->source = g_strdup (sources[i]);
      info->time = 100 - i;
      g_ptr_array_add (drafts, info);
    }

  superseded = plano_drafts_take_superseded (drafts);
  g_assert_cmpuint (drafts->len, ==, 4);
  g_assert_cmpuint (superseded->len, ==, 1);
  g_assert_cmpstr (((PlanoDraftInfo *) g_ptr_array_index (superseded, 0))->id, ==, "d3");
  for (guint i = 0; i < drafts->len; i++)
    g_assert_cmpstr (((PlanoDraftInfo *) g_ptr_array_index (drafts, i))->id, !=, "d3");
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

/* What a crash leaves in the drafts folder that is not a draft goes at the next start; drafts to
 * recover, and what a running Plano is writing, stay. */
static void
test_leftovers (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *dead_meta = g_strdup_printf ("[Draft]\nPid=%d\n", plano_test_dead_pid ());
  g_autofree char *live_meta = g_strdup_printf ("[Draft]\nPid=%d\n", getpid ());
  g_autofree char *dead_temp = g_strdup_printf (".whole.plano.saving-%d-AbC123", plano_test_dead_pid ());
  g_autofree char *live_temp = g_strdup_printf (".whole.plano.saving-%d-AbC123", getpid ());
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  write_file (dir, "whole.draft", dead_meta);
  write_file (dir, "whole.plano", "{\"plano\": 1}\n");
  write_file (dir, "cut.draft", dead_meta);
  write_file (dir, "writing.draft", live_meta);
  write_file (dir, "garbled.draft", "not a key file");
  write_file (dir, "lone.plano", "{\"plano\": 1}\n");
  write_file (dir, dead_temp, "{");
  write_file (dir, live_temp, "{");

  g_assert_cmpuint (plano_drafts_remove_leftovers (), ==, 4);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, ==, 4);
  for (guint i = 0; i < names->len; i++)
    g_assert_true (g_str_equal (names->pdata[i], "whole.draft") ||
                   g_str_equal (names->pdata[i], "whole.plano") ||
                   g_str_equal (names->pdata[i], "writing.draft") ||
                   g_str_equal (names->pdata[i], live_temp));

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/drafts/write-list-discard", test_write_list_discard);
  g_test_add_func ("/plano/drafts/orphans", test_orphans);
  g_test_add_func ("/plano/drafts/writer-order", test_writer_order);
  g_test_add_func ("/plano/drafts/continuous-editing", test_continuous_editing);
  g_test_add_func ("/plano/drafts/quiet-after-edit", test_quiet_after_edit);
  g_test_add_func ("/plano/drafts/superseded", test_superseded);
  g_test_add_func ("/plano/drafts/leftovers", test_leftovers);

  return g_test_run ();
}
