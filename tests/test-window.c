/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb: the application, its windows and what they show.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "plano-test-utils.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "plano-application.h"
#include "plano-calculator.h"
#include "plano-canvas.h"
#include "plano-format.h"
#include "plano-interview-panel.h"
#include "plano-preferences-window.h"
#include "plano-progress-view.h"
#include "plano-template-chooser.h"
#include "plano-window.h"

static PlanoApplication *app;

static GList *
plano_windows (void)
{
  GList *result = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (PLANO_IS_WINDOW (l->data))
      result = g_list_prepend (result, l->data);

  return result;
}

/* Whether the header bar button for @action can be clicked. */
static gboolean
button_sensitive (GtkWidget  *widget,
                  const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0 &&
      gtk_widget_is_drawable (widget))
    return gtk_widget_is_sensitive (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (button_sensitive (child, action))
      return TRUE;

  return FALSE;
}

static char *
copy_fixture (const char *name,
              char      **dir)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  char *path;

  *dir = g_dir_make_tmp ("plano-window-XXXXXX", &error);
  g_assert_no_error (error);
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, name, NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  /* Gone when the test ends. */
  g_test_queue_destroy (plano_test_remove_dir, g_strdup (*dir));

  return path;
}

static void
test_start_page (void)
{
  PlanoWindow *window;

  g_application_activate (G_APPLICATION (app));
  plano_test_iterate ();

  window = PLANO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (plano_window_get_page (window), ==, "start");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Plano");
  g_assert_null (plano_window_get_board (window));

  /* Nothing to save or undo on the start page. */
  g_assert_false (button_sensitive (GTK_WIDGET (window), "win.save"));
  g_assert_false (button_sensitive (GTK_WIDGET (window), "win.undo"));
  g_assert_true (button_sensitive (GTK_WIDGET (window), "win.open"));

  plano_test_close_all_windows ();
}

/* `plano board.plano` opens the board in a window that shows its title and contents. */
static void
test_open_from_command_line (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("realtime.plano", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GList) windows = NULL;
  PlanoWindow *window;
  PlanoBoard *board;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  plano_test_iterate ();

  windows = plano_windows ();
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  window = windows->data;

  g_assert_cmpstr (plano_window_get_page (window), ==, "board");
  board = plano_window_get_board (window);
  g_assert_nonnull (board);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_NODE), ==, 12);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Real-time analytics pipeline");
  g_assert_true (g_file_equal (plano_window_get_file (window), file));

  plano_test_close_all_windows ();
}

/* A file that is not a board leaves the window on its page and says why. */
static void
test_open_bad_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("bad-x.plano", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlanoWindow *window = plano_application_new_window (app);
  GtkWidget *question;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (plano_window_open_file (window, file));
  plano_test_iterate ();

  g_assert_cmpstr (plano_window_get_page (window), ==, "start");
  question = plano_test_find_question (GTK_WINDOW (window));
  g_assert_nonnull (question);
  g_assert_cmpstr (plano_question_get_heading (question), ==, "Could Not Open Board");
  g_assert_cmpstr (plano_question_get_body (question), ==,
                   "“bad-x.plano” is not a valid board: nodes[3].x: expected a number");

  plano_test_close_all_windows ();
}

/* Closing with unsaved changes asks first; Cancel keeps the window, Discard closes it. */
static void
test_close_asks (void)
{
  PlanoWindow *window = plano_application_new_window (app);
  GtkWidget *question;
  g_autoptr(GList) windows = NULL;

  plano_window_new_board (window);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  plano_board_add_node (plano_window_get_board (window), "kafka", 0, 0);
  plano_test_iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Untitled Board");

  gtk_window_close (GTK_WINDOW (window));
  plano_test_iterate ();
  question = plano_test_find_question (GTK_WINDOW (window));
  g_assert_nonnull (question);
  g_assert_cmpstr (plano_question_get_heading (question), ==, "Save Changes?");
  g_assert_true (plano_question_has_response (question, "save"));

  plano_test_answer (question, "_Cancel");
  g_assert_null (plano_test_find_question (GTK_WINDOW (window)));
  windows = plano_windows ();
  g_assert_nonnull (g_list_find (windows, window));
  g_clear_pointer (&windows, g_list_free);

  gtk_window_close (GTK_WINDOW (window));
  plano_test_iterate ();
  question = plano_test_find_question (GTK_WINDOW (window));
  g_assert_nonnull (question);
  plano_test_answer (question, "_Discard");
  plano_test_iterate ();
  windows = plano_windows ();
  g_assert_null (windows);

  plano_test_close_all_windows ();
}

/* Save from the close dialog writes the file, then closes. */
static void
test_close_saves (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("example.plano", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlanoBoard) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) windows = NULL;
  PlanoWindow *window = plano_application_new_window (app);
  GtkWidget *question;

  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_board_set_title (plano_window_get_board (window), "Renamed before closing");
  plano_test_iterate ();

  gtk_window_close (GTK_WINDOW (window));
  plano_test_iterate ();
  question = plano_test_find_question (GTK_WINDOW (window));
  g_assert_nonnull (question);
  plano_test_answer (question, "_Save");
  {
    gint64 start = g_get_monotonic_time ();

    while ((windows = plano_windows ()) != NULL && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
      {
        g_clear_pointer (&windows, g_list_free);
        g_main_context_iteration (NULL, FALSE);
      }
  }
  g_assert_null (windows);
  saved = plano_format_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plano_board_get_title (saved), ==, "Renamed before closing");

  plano_test_close_all_windows ();
}

/* An unchanged board closes at once. */
static void
test_close_unchanged (void)
{
  PlanoWindow *window = plano_application_new_window (app);
  g_autoptr(GList) windows = NULL;

  plano_window_new_board (window);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  gtk_window_close (GTK_WINDOW (window));
  plano_test_iterate ();

  windows = plano_windows ();
  g_assert_null (windows);
  g_assert_null (plano_test_find_question (NULL));
}

/* Undo and Redo act on the board and follow what can be undone; the title shows the marker. */
static void
test_undo_redo_actions (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("example.plano", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlanoWindow *window = plano_application_new_window (app);
  PlanoBoard *board;

  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  board = plano_window_get_board (window);

  g_assert_false (button_sensitive (GTK_WIDGET (window), "win.undo"));
  plano_board_set_title (board, "Clicks");
  plano_test_iterate ();
  g_assert_true (button_sensitive (GTK_WIDGET (window), "win.undo"));
  g_assert_false (button_sensitive (GTK_WIDGET (window), "win.redo"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Clicks");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  plano_test_iterate ();
  g_assert_cmpstr (plano_board_get_title (board), ==, "Clickstream");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Clickstream");
  g_assert_true (button_sensitive (GTK_WIDGET (window), "win.redo"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  plano_test_iterate ();
  g_assert_cmpstr (plano_board_get_title (board), ==, "Clicks");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plano_test_wait_saved (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Clicks");

  plano_test_close_all_windows ();
}

/* Saving adds the board to the recent boards that the start page lists. */
static void
test_recent_boards (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("example.plano", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  PlanoWindow *window = plano_application_new_window (app);
  GtkRecentInfo *info;

  g_assert_true (plano_window_open_file (window, file));
  plano_test_iterate ();

  info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, NULL);
  g_assert_nonnull (info);
  g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, "application/x-plano");
  gtk_recent_info_unref (info);

  plano_test_close_all_windows ();
}

/* Another program writes the file after Plano opened it. */
static void
change_on_disk (const char *path,
                const char *title)
{
  g_autofree char *contents = g_strdup_printf ("{\"plano\": 1, \"title\": \"%s\"}\n", title);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  /* Make sure the time differs even on a coarse file system clock. */
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              g_get_real_time () / G_USEC_PER_SEC + 60,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

/* Saving over a file that changed on disk since it was opened asks first: Overwrite writes
 * the board, Reload shows what is on disk.
 */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("example.plano", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlanoBoard) saved = NULL;
  PlanoWindow *window = plano_application_new_window (app);
  GtkWidget *question;

  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_board_set_title (plano_window_get_board (window), "Mine");
  change_on_disk (path, "Theirs");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plano_test_wait_saved (window);
  question = plano_test_find_question (GTK_WINDOW (window));
  g_assert_nonnull (question);
  g_assert_cmpstr (plano_question_get_heading (question), ==, "File Changed on Disk");
  plano_test_answer (question, "_Overwrite");
  plano_test_wait_saved (window);

  saved = plano_format_read_file (path, NULL, NULL);
  g_assert_cmpstr (plano_board_get_title (saved), ==, "Mine");

  /* Once saved, a second save does not ask again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plano_test_wait_saved (window);
  g_assert_null (plano_test_find_question (GTK_WINDOW (window)));

  /* Changed again: this time the user reloads. */
  plano_board_set_title (plano_window_get_board (window), "Mine again");
  change_on_disk (path, "Theirs again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plano_test_wait_saved (window);
  plano_test_answer (plano_test_find_question (GTK_WINDOW (window)), "_Reload");
  g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Theirs again");
  g_assert_false (plano_history_get_is_modified (plano_window_get_history (window)));

  plano_test_close_all_windows ();
}

static guint
count_drafts (gboolean orphans_only)
{
  g_autoptr(GPtrArray) drafts = plano_drafts_list (orphans_only);

  return drafts->len;
}

/* An edit is autosaved to a draft within three seconds; saving removes the draft. */
static void
test_autosave (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("example.plano", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(PlanoBoard) draft = NULL;
  PlanoWindow *window = plano_application_new_window (app);
  gint64 start;

  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (count_drafts (FALSE), ==, 0);

  plano_board_set_title (plano_window_get_board (window), "Edited");
  start = g_get_monotonic_time ();
  while (count_drafts (FALSE) == 0 && g_get_monotonic_time () - start < 4 * G_USEC_PER_SEC)
    plano_test_iterate ();
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);

  drafts = plano_drafts_list (FALSE);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = plano_draft_load (((PlanoDraftInfo *) g_ptr_array_index (drafts, 0))->id, NULL);
  g_assert_cmpstr (plano_board_get_title (draft), ==, "Edited");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plano_test_wait_saved (window);
  g_assert_cmpuint (count_drafts (FALSE), ==, 0);

  plano_test_close_all_windows ();
}

/* Drafts a crash left behind are offered at start, and a recovered board is unsaved. */
static void
test_recovery_offered (void)
{
  g_autofree char *id = plano_draft_new_id ();
  g_autofree char *meta_path = g_strconcat (plano_drafts_get_dir (), "/", id, ".draft", NULL);
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GList) windows = NULL;
  PlanoWindow *window;
  GtkWidget *dialog;

  plano_board_set_title (board, "Lost in the crash");
  plano_board_add_node (board, "flink", 0, 0);
  g_assert_true (plano_draft_write (id, board, NULL, NULL));
  /* As if written by a process that no longer runs. */
  g_assert_true (g_key_file_load_from_file (keys, meta_path, G_KEY_FILE_NONE, NULL));
  g_key_file_set_integer (keys, "Draft", "Pid", G_MAXINT - 1);
  g_assert_true (g_key_file_save_to_file (keys, meta_path, NULL));

  window = plano_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  dialog = plano_application_offer_recovery (app, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (plano_question_get_heading (dialog), ==, "Recover Unsaved Board?");
  g_assert_nonnull (strstr (plano_question_get_body (dialog), "Lost in the crash"));

  plano_test_answer (dialog, "_Recover");
  g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Lost in the crash");
  g_assert_true (plano_history_get_is_modified (plano_window_get_history (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Lost in the crash");

  /* The draft now belongs to this window, so there is nothing more to recover. */
  g_assert_null (plano_application_offer_recovery (app, GTK_WINDOW (window)));

  /* Discarding the recovered board removes its draft. */
  gtk_window_close (GTK_WINDOW (window));
  plano_test_iterate ();
  plano_test_answer (plano_test_find_question (GTK_WINDOW (window)), "_Discard");
  plano_test_iterate ();
  g_assert_cmpuint (count_drafts (FALSE), ==, 0);

  plano_test_close_all_windows ();
}

/* A new window takes the size the last one closed with, and closing stores it. */
static void
test_window_size_remembered (void)
{
  GSettings *settings = plano_application_get_settings (app);
  PlanoWindow *window;
  int width, height;

  g_settings_set (settings, "window-size", "(ii)", 900, 640);
  window = plano_application_new_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  plano_test_iterate ();
  gtk_window_close (GTK_WINDOW (window));
  plano_test_iterate ();

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
}

/* Snap to Grid in the menu follows the canvas and the setting. */
static void
test_snap_toggle (void)
{
  PlanoWindow *window = plano_application_new_window (app);
  GSettings *settings = plano_application_get_settings (app);
  gboolean snap = TRUE;

  plano_window_new_board (window);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  g_object_get (window, "snap", &snap, NULL);
  g_assert_true (snap);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.snap", NULL));
  g_object_get (window, "snap", &snap, NULL);
  g_assert_false (snap);
  g_assert_false (g_settings_get_boolean (settings, "snap-to-grid"));

  g_settings_set_boolean (settings, "snap-to-grid", TRUE);
  g_object_get (window, "snap", &snap, NULL);
  g_assert_true (snap);

  plano_test_close_all_windows ();
}

static PlanoInterview *
window_interview (PlanoWindow *window)
{
  GtkWidget *panel = plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_INTERVIEW_PANEL);

  g_assert_nonnull (panel);
  return plano_interview_panel_get_interview (PLANO_INTERVIEW_PANEL (panel));
}

/* The trainer from the window: `plano --solution=ID` opens the reference solution as a new,
 * unsaved board; the solution opens beside the board being worked on, not over it; Your
 * Progress opens from the main menu; practising a question from the start page makes a board
 * and opens the interview on that question. */
static void
test_trainer_actions (void)
{
  g_autoptr(GList) windows = NULL;
  PlanoWindow *window;
  PlanoBoard *board;
  GtkWindow *progress = NULL;
  g_autoptr(GList) toplevels = NULL;

  plano_application_set_startup_solution (app, "clickstream-analytics");
  g_application_activate (G_APPLICATION (app));
  plano_test_iterate ();
  windows = plano_windows ();
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  window = windows->data;
  g_assert_cmpstr (plano_window_get_page (window), ==, "board");
  board = plano_window_get_board (window);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_NODE), >, 5);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_TRADEOFF), >, 0);
  g_assert_null (plano_window_get_file (window));

  /* From a question, while this board is shown: a window of its own. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-solution", g_variant_new_string ("clickstream-analytics"));
  plano_test_iterate ();
  g_clear_pointer (&windows, g_list_free);
  windows = plano_windows ();
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  g_assert_true (plano_window_get_board (window) == board);
  plano_test_close_all_windows ();

  /* Your Progress from the main menu of a window on its start page. */
  window = plano_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-progress", NULL));
  plano_test_iterate ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PLANO_IS_PROGRESS_VIEW (l->data))
      progress = l->data;
  g_assert_nonnull (progress);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (progress)));
  g_assert_true (gtk_window_get_transient_for (progress) == GTK_WINDOW (window));

  /* Practise from there: a new board, the interview shown, on that question. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.practise", "s", "ad-click-aggregation"));
  plano_test_iterate ();
  g_assert_cmpstr (plano_window_get_page (window), ==, "board");
  g_assert_cmpstr (plano_interview_get_question (window_interview (window)), ==, "ad-click-aggregation");
  g_assert_true (gtk_widget_get_mapped (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_INTERVIEW_PANEL)));

  plano_test_close_all_windows ();
}

/* F5 starts a session; changes to the board are tagged with the step; saving writes the record
 * into the file, and opening the file again brings the session back, paused where it was. */
static void
test_interview_saved (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("example.plano", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  PlanoWindow *window = plano_application_new_window (app);
  PlanoInterview *interview;
  JsonObject *record;
  JsonArray *timeline;

  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  interview = window_interview (window);
  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_IDLE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.interview-start-pause", NULL));
  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_RUNNING);
  plano_board_set_title (plano_window_get_board (window), "Clicks at scale");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.interview-next", NULL));
  g_assert_cmpint (plano_interview_get_step (interview), ==, 1);
  plano_interview_set_notes (interview, 1, "150 000 events/s at peak");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plano_test_wait_saved (window);
  plano_test_close_all_windows ();

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  record = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "interview");
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (record, "state"), ==, "paused");
  g_assert_cmpint (json_object_get_int_member (record, "step"), ==, 1);
  timeline = json_object_get_array_member (record, "timeline");
  g_assert_cmpuint (json_array_get_length (timeline), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (timeline, 0), "step"), ==, 0);

  window = plano_application_new_window (app);
  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  interview = window_interview (window);
  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_PAUSED);
  g_assert_cmpint (plano_interview_get_step (interview), ==, 1);
  g_assert_cmpstr (plano_interview_get_notes (interview, 1), ==, "150 000 events/s at peak");
  g_assert_cmpuint (plano_interview_get_n_frames (interview), ==, 1);

  /* Replaying the start: the canvas shows the old title's board, and nothing can edit the
   * document meanwhile; back at the end, undo is there again. */
  {
    GtkWidget *panel = plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_INTERVIEW_PANEL);
    GtkRange *replay = GTK_RANGE (plano_interview_panel_get_part (PLANO_INTERVIEW_PANEL (panel), "replay"));
    PlanoCanvas *canvas = PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS));

    plano_board_set_title (plano_window_get_board (window), "Clicks, replayed");
    plano_test_iterate ();
    g_assert_true (button_sensitive (GTK_WIDGET (window), "win.undo"));
    gtk_range_set_value (replay, 0);
    g_assert_cmpstr (plano_board_get_title (plano_canvas_get_preview (canvas)), ==, "Clickstream");
    plano_test_iterate ();
    g_assert_false (button_sensitive (GTK_WIDGET (window), "win.undo"));
    g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Clicks, replayed");
    gtk_range_set_value (replay, gtk_adjustment_get_upper (gtk_range_get_adjustment (replay)));
    g_assert_null (plano_canvas_get_preview (canvas));
    plano_test_iterate ();
    g_assert_true (button_sensitive (GTK_WIDGET (window), "win.undo"));
  }

  plano_test_close_all_windows ();
}

/* The calculator's "Add to Interview Notes" puts its figures at the end of the capacity step's
 * notes and opens the interview panel; the toast's Undo takes them out again. */
static void
test_capacity_notes (void)
{
  PlanoWindow *window = plano_application_new_window (app);
  PlanoCalculator *calculator;
  PlanoInterview *interview;
  g_autofree char *figures = NULL;
  g_autofree char *expected = NULL;

  plano_window_new_board (window);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  interview = window_interview (window);
  calculator = PLANO_CALCULATOR (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CALCULATOR));
  figures = plano_calculator_get_notes (calculator);
  g_assert_true (g_str_has_prefix (figures, "Events: "));

  plano_interview_set_notes (interview, 1, "Reads dominate.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-capacity-notes", NULL));
  plano_test_iterate ();
  expected = g_strdup_printf ("Reads dominate.\n\n%s", figures);
  g_assert_cmpstr (plano_interview_get_notes (interview, 1), ==, expected);
  g_assert_true (gtk_widget_get_mapped (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_INTERVIEW_PANEL)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-insert-capacity-notes", NULL));
  g_assert_cmpstr (plano_interview_get_notes (interview, 1), ==, "Reads dominate.");

  /* Notes are worth keeping before any session starts: the board has unsaved changes, and
   * saving writes them. */
  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_IDLE);
  g_assert_true (plano_history_get_is_modified (plano_window_get_history (window)));
  {
    g_autofree char *dir = g_dir_make_tmp ("plano-notes-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "notes.plano", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;

    g_assert_true (plano_window_save_to (window, file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\"notes\": \"Reads dominate.\""));
    g_remove (path);
    g_rmdir (dir);
  }

  plano_test_close_all_windows ();
}

/* New from Template: a dialog of cards with thumbnails; choosing one shows its board in this
 * window, unsaved and untitled on disk. */
static void
test_new_from_template (void)
{
  PlanoWindow *window = plano_application_new_window (app);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *chooser = NULL;
  GtkWidget *card;
  GtkWidget *picture;

  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-template", NULL));
  plano_test_iterate ();

  for (guint i = 0; chooser == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        chooser = plano_test_find_widget (GTK_WIDGET (toplevel), PLANO_TYPE_TEMPLATE_CHOOSER);
    }
  g_assert_nonnull (chooser);

  card = plano_template_chooser_get_card (PLANO_TEMPLATE_CHOOSER (chooser), "modern-data-stack");
  g_assert_nonnull (card);
  picture = plano_test_find_widget (card, GTK_TYPE_PICTURE);
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (picture)));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (GTK_PICTURE (picture))), >=, 256);

  /* Every card's title and description show whole. */
  for (GtkWidget *c = gtk_widget_get_first_child (gtk_widget_get_parent (card)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *box = gtk_widget_get_first_child (c);
      guint n_labels = 0;

      for (GtkWidget *w = gtk_widget_get_first_child (box); w != NULL; w = gtk_widget_get_next_sibling (w))
        if (GTK_IS_LABEL (w))
          {
            g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (w)), ==, PANGO_ELLIPSIZE_NONE);
            g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (w))));
            g_assert_cmpint (gtk_widget_get_height (w), >=, 10);
            n_labels++;
          }
      g_assert_cmpuint (n_labels, ==, 2);
    }

  g_signal_emit_by_name (card, "activate");
  plano_test_iterate ();
  g_assert_nonnull (plano_window_get_board (window));
  g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Modern data stack");
  g_assert_null (plano_window_get_file (window));
  g_assert_cmpuint (plano_board_get_n_items (plano_window_get_board (window), PLANO_ITEM_ZONE), ==, 8);

  plano_test_close_all_windows ();
}

/* A new board, blank or from a template, draws its connections as the Preferences say, and keeps
 * that in its own props from the start: it is not an edit, so nothing asks to be saved. */
static void
test_new_board_route (void)
{
  PlanoWindow *window = plano_application_new_window (app);
  GSettings *settings = plano_application_get_settings (app);
  const PlanoProp *route;

  gtk_window_present (GTK_WINDOW (window));
  plano_window_new_board (window);
  route = plano_props_lookup (plano_board_get_props (plano_window_get_board (window)), "route");
  g_assert_nonnull (route);
  g_assert_cmpstr (route->string, ==, "orthogonal");
  g_assert_cmpuint (plano_history_get_n_undo (plano_window_get_history (window)), ==, 0);

  g_settings_set_string (settings, "connection-route", "curved");
  g_assert_true (plano_window_new_from_template (window, "realtime-analytics"));
  route = plano_props_lookup (plano_board_get_props (plano_window_get_board (window)), "route");
  g_assert_cmpstr (route->string, ==, "curved");
  g_assert_cmpuint (plano_history_get_n_undo (plano_window_get_history (window)), ==, 0);
  g_assert_false (plano_history_get_is_modified (plano_window_get_history (window)));

  g_settings_reset (settings, "connection-route");
  plano_test_close_all_windows ();
}

/* Copy as Image offers both a picture and SVG to other apps. */
static void
test_copy_image (void)
{
  PlanoWindow *window = plano_application_new_window (app);
  GdkContentFormats *formats;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (plano_window_new_from_template (window, "kappa"));
  plano_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-image", NULL));
  plano_test_iterate ();
  formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (window)));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));

  plano_test_close_all_windows ();
}

/* Preferences apply to an open window as soon as they change: the grid, the style, and the
 * plan of a session that has not started. */
static void
test_preferences_live (void)
{
  PlanoWindow *window = plano_application_new_window (app);
  GSettings *settings = plano_application_get_settings (app);
  AdwStyleManager *style = adw_style_manager_get_default ();
  const gint32 minutes[] = { 1, 2, 3, 4, 5, 6 };
  PlanoCanvas *canvas;
  PlanoInterview *interview;

  plano_window_new_board (window);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  canvas = PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS));

  g_assert_cmpfloat (plano_canvas_get_grid_size (canvas), ==, 20);
  g_settings_set_int (settings, "grid-size", 40);
  g_assert_cmpfloat (plano_canvas_get_grid_size (canvas), ==, 40);

  g_settings_set_string (settings, "style", "dark");
  g_assert_true (adw_style_manager_get_dark (style));
  g_settings_set_string (settings, "style", "light");
  g_assert_false (adw_style_manager_get_dark (style));

  interview = window_interview (window);
  g_assert_cmpfloat (plano_interview_get_planned (interview, 3), ==, 15 * 60);
  g_settings_set_value (settings, "step-minutes",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, minutes, 6, sizeof (gint32)));
  g_settings_set_boolean (settings, "auto-advance", TRUE);
  for (int i = 0; i < 6; i++)
    g_assert_cmpfloat (plano_interview_get_planned (interview, i), ==, (i + 1) * 60);
  g_assert_true (plano_interview_get_auto_advance (interview));

  /* A board opened later starts its session with the same plan. */
  plano_window_new_board (window);
  g_assert_cmpfloat (plano_interview_get_planned (window_interview (window), 5), ==, 6 * 60);

  g_settings_reset (settings, "grid-size");
  g_settings_reset (settings, "style");
  g_settings_reset (settings, "step-minutes");
  g_settings_reset (settings, "auto-advance");
  g_assert_cmpfloat (plano_interview_get_planned (window_interview (window), 5), ==, 5 * 60);
  plano_test_close_all_windows ();
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/* The file dialog, GtkFileDialog from GTK 4.10 and GtkFileChooserNative before: both show GTK's
 * own chooser where there is no portal, as here, and answer with the file picked in it. */
static GtkFileChooser *
find_file_chooser (const char *title)
{
  GtkWidget *chooser = plano_test_find_shown (GTK_TYPE_FILE_CHOOSER_DIALOG);

  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, title);
  return GTK_FILE_CHOOSER (chooser);
}

/* Clicks the chooser's accept button; in a save dialog, the chooser first looks whether the
 * file exists, so its answer comes once it has gone. */
static void
answer_file_chooser (GtkFileChooser *chooser)
{
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  while (plano_test_find_shown (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);
  plano_test_iterate ();
}

/* Open… opens the board picked in the file dialog; Save As… writes it under the name typed,
 * with the .plano extension added. */
static void
test_file_dialogs (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("example.plano", &dir);
  g_autofree char *saved_path = g_build_filename (dir, "copy.plano", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  PlanoWindow *window = plano_application_new_window (app);
  GtkFileChooser *chooser;
  g_autoptr(GFile) chosen = NULL;

  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  plano_test_iterate ();
  chooser = find_file_chooser ("Open Board");
  g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
  /* The chooser selects the file once it has listed its folder. */
  while ((chosen = gtk_file_chooser_get_file (chooser)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_equal (chosen, file));
  answer_file_chooser (chooser);
  g_assert_cmpstr (plano_window_get_page (window), ==, "board");
  g_assert_true (g_file_equal (plano_window_get_file (window), file));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  plano_test_iterate ();
  chooser = find_file_chooser ("Save Board");
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  gtk_file_chooser_set_current_name (chooser, "copy");
  answer_file_chooser (chooser);
  g_assert_true (g_file_test (saved_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (g_file_peek_path (plano_window_get_file (window)), ==, saved_path);

  plano_test_close_all_windows ();
}

/* About Plano names the version and the licence the program is under, GPL 3 or later. */
static void
test_about (void)
{
  PlanoWindow *window = plano_application_new_window (app);
  GtkLicense license = GTK_LICENSE_UNKNOWN;
  g_autofree char *version = NULL;
  g_autofree char *name = NULL;
  GtkWidget *about;
#if ADW_CHECK_VERSION (1, 5, 0)
  GType about_type = ADW_TYPE_ABOUT_DIALOG;
#else
  GType about_type = ADW_TYPE_ABOUT_WINDOW;
#endif

  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  plano_test_iterate ();

  about = plano_test_find_shown (about_type);
  g_assert_nonnull (about);
  g_assert_true (plano_test_get_dialog_parent (about) == GTK_WINDOW (window));
  g_object_get (about, "license-type", &license, "version", &version, "application-name", &name,
                NULL);
  g_assert_cmpint (license, ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_cmpstr (name, ==, "Plano");

  plano_test_close_dialog (about);
  plano_test_close_all_windows ();
}

/* Ctrl+, opens the preferences; what is changed there is stored at once. */
static void
test_preferences_window (void)
{
  PlanoWindow *window = plano_application_new_window (app);
  GSettings *settings = plano_application_get_settings (app);
  PlanoPreferencesWindow *preferences;
  GtkWidget *style_row;
  GtkWidget *snap_switch;

  plano_window_new_board (window);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  plano_test_iterate ();
  preferences = PLANO_PREFERENCES_WINDOW (plano_test_find_shown (PLANO_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  g_assert_true (plano_test_get_dialog_parent (GTK_WIDGET (preferences)) == GTK_WINDOW (window));

  /* The first combo row is the style, the first switch snapping. */
  style_row = plano_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (style_row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 2);
  g_assert_cmpstr (g_settings_get_string (settings, "style"), ==, "dark");
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));

  snap_switch = plano_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_SWITCH);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (snap_switch)));
  gtk_switch_set_active (GTK_SWITCH (snap_switch), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "snap-to-grid"));
  g_assert_false (plano_canvas_get_snap (PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window),
                                                                           PLANO_TYPE_CANVAS))));

  /* And a change made elsewhere shows in the open preferences. */
  g_settings_set_string (settings, "style", "system");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (style_row)), ==, 0);

  /* The step durations: one spin button changes one step; Reset brings the course's back. */
  {
    g_autoptr(GPtrArray) spins = g_ptr_array_new ();
    g_autoptr(GVariant) minutes = NULL;
    const gint32 *values;
    gsize n;
    GtkWidget *reset;

    collect_widgets (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, spins);
    g_assert_cmpuint (spins->len, ==, 1 + 6);   /* the grid size, then the six steps */
    gtk_spin_button_set_value (g_ptr_array_index (spins, 4), 25);
    minutes = g_settings_get_value (settings, "step-minutes");
    values = g_variant_get_fixed_array (minutes, &n, sizeof (gint32));
    g_assert_cmpuint (n, ==, 6);
    g_assert_cmpint (values[3], ==, 25);
    g_assert_cmpint (values[2], ==, 10);
    g_assert_cmpint (values[4], ==, 10);

    reset = plano_test_find_button (GTK_WIDGET (preferences), "_Reset");
    g_assert_nonnull (reset);
    g_signal_emit_by_name (reset, "clicked");
    g_clear_pointer (&minutes, g_variant_unref);
    minutes = g_settings_get_value (settings, "step-minutes");
    values = g_variant_get_fixed_array (minutes, &n, sizeof (gint32));
    g_assert_cmpint (values[3], ==, 15);
    g_assert_cmpfloat (gtk_spin_button_get_value (g_ptr_array_index (spins, 4)), ==, 15);
    g_assert_cmpfloat (gtk_spin_button_get_value (g_ptr_array_index (spins, 1)), ==, 5);
  }

  g_settings_reset (settings, "snap-to-grid");
  g_settings_reset (settings, "style");
  plano_test_close_all_windows ();
}

/* With Save Automatically on, an edit reaches the board's file by itself, and no draft is
 * left behind. */
static void
test_autosave_to_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("example.plano", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlanoBoard) saved = NULL;
  GSettings *settings = plano_application_get_settings (app);
  PlanoWindow *window = plano_application_new_window (app);
  gint64 start;

  g_settings_set_boolean (settings, "autosave", TRUE);
  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));

  plano_board_set_title (plano_window_get_board (window), "Saved by itself");
  start = g_get_monotonic_time ();
  while (plano_history_get_is_modified (plano_window_get_history (window)) &&
         g_get_monotonic_time () - start < 4 * G_USEC_PER_SEC)
    plano_test_iterate ();

  g_assert_false (plano_history_get_is_modified (plano_window_get_history (window)));
  saved = plano_format_read_file (path, NULL, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (plano_board_get_title (saved), ==, "Saved by itself");
  g_assert_cmpuint (count_drafts (FALSE), ==, 0);

  g_settings_reset (settings, "autosave");
  plano_test_close_all_windows ();
}

static GtkDropTarget *
find_file_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                             GDK_TYPE_FILE_LIST))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static gboolean
drop_files (GtkWidget *widget,
            GFile    **files,
            gsize      n_files)
{
  GtkDropTarget *target = find_file_drop_target (widget);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, n_files));
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &handled);
  plano_test_iterate ();

  return handled;
}

/* A board dropped from the file manager opens in the window it lands on; on a window with
 * work in it, it opens in a window of its own and the work stays. */
static void
test_file_drop (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("example.plano", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *other_dir = NULL;
  g_autofree char *other_path = copy_fixture ("realtime.plano", &other_dir);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  PlanoWindow *window = plano_application_new_window (app);
  g_autoptr(GList) windows = NULL;
  PlanoBoard *board;

  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  g_assert_cmpstr (plano_window_get_page (window), ==, "start");

  g_assert_true (drop_files (GTK_WIDGET (window), &file, 1));
  g_assert_cmpstr (plano_window_get_page (window), ==, "board");
  g_assert_true (g_file_equal (plano_window_get_file (window), file));
  board = plano_window_get_board (window);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_NODE), >, 0);

  /* Edited, the board is not replaced by the next drop; the same file dropped again is the
   * window it is in, and another file opens in a new window. */
  plano_board_set_title (board, "Work in progress");
  g_assert_true (drop_files (GTK_WIDGET (window), &file, 1));
  g_assert_true (plano_window_get_board (window) == board);
  windows = plano_windows ();
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_clear_pointer (&windows, g_list_free);

  g_assert_true (drop_files (GTK_WIDGET (window), &other, 1));
  g_assert_true (plano_window_get_board (window) == board);
  windows = plano_windows ();
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  for (GList *l = windows; l != NULL; l = l->next)
    g_assert_cmpstr (plano_window_get_page (l->data), ==, "board");

  plano_test_close_all_windows ();
}

static GtkWidget *
find_recent_row (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_recent_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Saving a board puts it at the top of the start page's recent boards, with its picture. */
static void
test_recent_thumbnail (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plano-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "thumbnailed.plano", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlanoWindow *editor = plano_application_new_window (app);
  PlanoWindow *start = plano_application_new_window (app);
  GtkWidget *row;
  GtkWidget *picture;
  GdkPaintable *paintable = NULL;
  gint64 begin;

  g_test_queue_destroy (plano_test_remove_dir, g_strdup (dir));
  gtk_window_present (GTK_WINDOW (start));
  plano_window_new_board (editor);
  plano_board_add_node (plano_window_get_board (editor), "kafka", 0, 0);
  g_assert_true (plano_window_save_to (editor, file, &error));
  g_assert_no_error (error);

  /* The recent files list tells of the change after a short pause. */
  begin = g_get_monotonic_time ();
  while ((row = find_recent_row (GTK_WIDGET (start), "thumbnailed.plano")) == NULL &&
         g_get_monotonic_time () - begin < 5 * G_USEC_PER_SEC)
    plano_test_iterate ();
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_prev_sibling (row) == NULL);
  picture = plano_test_find_widget (row, GTK_TYPE_PICTURE);
  g_assert_nonnull (picture);

  /* Drawn in a worker thread. */
  begin = g_get_monotonic_time ();
  while ((paintable = gtk_picture_get_paintable (GTK_PICTURE (picture))) == NULL &&
         g_get_monotonic_time () - begin < 5 * G_USEC_PER_SEC)
    plano_test_iterate ();
  g_assert_nonnull (paintable);
  g_assert_true (GDK_IS_TEXTURE (paintable));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==,
                   96 * gtk_widget_get_scale_factor (picture));

  /* A board too large to draw that small shows Plano's icon instead. */
  {
    g_autofree char *large_path = g_build_filename (dir, "large.plano", NULL);
    g_autoptr(GFile) large = g_file_new_for_path (large_path);
    g_autofree char *label = g_strnfill (1000, 'k');
    PlanoBoard *board;

    plano_window_new_board (editor);
    board = plano_window_get_board (editor);

    for (guint i = 0; i < 3000; i++)
      plano_board_set_label (board, plano_board_add_node (board, "kafka", (i % 100) * 200.0,
                                                          (i / 100) * 100.0)->item.id, label);
    g_assert_true (plano_window_save_to (editor, large, &error));
    g_assert_no_error (error);

    begin = g_get_monotonic_time ();
    while ((row = find_recent_row (GTK_WIDGET (start), "large.plano")) == NULL &&
           g_get_monotonic_time () - begin < 5 * G_USEC_PER_SEC)
      plano_test_iterate ();
    g_assert_nonnull (row);
    picture = plano_test_find_widget (row, GTK_TYPE_PICTURE);
    begin = g_get_monotonic_time ();
    while ((paintable = gtk_picture_get_paintable (GTK_PICTURE (picture))) == NULL &&
           g_get_monotonic_time () - begin < 5 * G_USEC_PER_SEC)
      plano_test_iterate ();
    g_assert_true (GTK_IS_ICON_PAINTABLE (paintable));
  }

  plano_test_close_all_windows ();
}

/* An accelerator in one spelling: "<Control>plus" and "<Primary>plus" are the same keys. */
static char *
normalize_accel (const char *accel)
{
  guint keyval = 0;
  GdkModifierType mods = 0;

  if (!gtk_accelerator_parse (accel, &keyval, &mods))
    return g_strdup (accel);

  /* The keypad's and the shifted spellings of a key are the same shortcut to a person. */
  switch (keyval)
    {
    case GDK_KEY_KP_Delete: keyval = GDK_KEY_Delete; break;
    case GDK_KEY_KP_Add: keyval = GDK_KEY_plus; break;
    case GDK_KEY_equal: keyval = GDK_KEY_plus; break;
    case GDK_KEY_KP_Subtract: keyval = GDK_KEY_minus; break;
    case GDK_KEY_ISO_Left_Tab: keyval = GDK_KEY_Tab; break;
    case GDK_KEY_KP_Enter: keyval = GDK_KEY_Return; break;
    default: break;
    }

  return gtk_accelerator_name (keyval, mods);
}

static void
add_listed (GHashTable *listed,
            const char *accels)
{
  g_auto(GStrv) each = g_strsplit (accels, " ", -1);

  for (guint i = 0; each[i] != NULL; i++)
    if (*each[i] != '\0')
      g_hash_table_add (listed, normalize_accel (each[i]));
}

static void
add_missing (GHashTable *listed,
             GString    *missing,
             const char *accel,
             const char *action)
{
  g_autofree char *name = normalize_accel (accel);

  if (!g_hash_table_contains (listed, name))
    g_string_append_printf (missing, "\n  %s (%s)", accel, action);
}

/* Plano's own shortcuts on @widget's class: those that run one of its actions. */
static void
check_class_shortcuts (GtkWidget  *widget,
                       GHashTable *listed,
                       GString    *missing)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          const char *name;
          g_autofree char *accel = NULL;

          if (!GTK_IS_NAMED_ACTION (action) || !GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          if (!g_str_has_prefix (name, "win.") && !g_str_has_prefix (name, "canvas."))
            continue;

          accel = gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                        gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          add_missing (listed, missing, accel, name);
        }
    }
}

/* The Keyboard Shortcuts window lists every shortcut the app has: the application's
 * accelerators and the window's and the canvas's key bindings. */
static void
test_shortcuts_listed (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/planoboard/Plano/plano-shortcuts-window.ui");
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  GSList *objects = gtk_builder_get_objects (builder);
  PlanoWindow *window = plano_application_new_window (app);

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;
        g_autofree char *action = NULL;

        g_object_get (l->data, "accelerator", &accelerator, "action-name", &action, NULL);
        if (accelerator != NULL)
          add_listed (listed, accelerator);
        if (action != NULL)
          {
            g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

            for (guint i = 0; accels[i] != NULL; i++)
              add_listed (listed, accels[i]);
          }
      }
  g_slist_free (objects);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        add_missing (listed, missing, accels[j], actions[i]);
    }

  plano_window_new_board (window);
  check_class_shortcuts (GTK_WIDGET (window), listed, missing);
  check_class_shortcuts (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS), listed, missing);

  g_assert_cmpstr (missing->str, ==, "");

  /* Ctrl+? shows them, over the window. */
  {
    g_autoptr(GList) toplevels = NULL;
    GtkWindow *shown = NULL;

    GLogLevelFlags fatal;

    gtk_window_present (GTK_WINDOW (window));
    /* GTK 4.8's shortcuts window warns about the labels of its page switcher ("reported min
     * width -3"); the shortcuts take two pages, so that warning is not fatal here. */
    fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    plano_test_iterate ();
    g_log_set_always_fatal (fatal);
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (GTK_IS_SHORTCUTS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
        shown = l->data;
    g_assert_nonnull (shown);
    g_assert_true (gtk_window_get_transient_for (shown) == GTK_WINDOW (window));
  }

  plano_test_close_all_windows ();
}

static gboolean
toggle_active (PlanoWindow *window,
               const char  *tooltip_start)
{
  GtkWidget *header = plano_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, header);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *widget = g_queue_pop_head (&queue);
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (GTK_IS_TOGGLE_BUTTON (widget) && tooltip != NULL && g_str_has_prefix (tooltip, tooltip_start))
        {
          g_queue_clear (&queue);
          return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget));
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (&queue, child);
    }

  g_assert_not_reached ();
}

/* At 800 × 600 the side bars take turns, so the window never grows wider than the screen;
 * on a wide screen they all stay open. */
static void
test_narrow_window (void)
{
  PlanoWindow *window = plano_application_new_window (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  plano_window_new_board (window);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  g_assert_true (toggle_active (window, "Components"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-interview", NULL));
  plano_test_iterate ();
  g_assert_true (toggle_active (window, "Mock Interview"));
  g_assert_false (toggle_active (window, "Components"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-properties", NULL));
  plano_test_iterate ();
  g_assert_true (toggle_active (window, "Properties"));
  g_assert_false (toggle_active (window, "Mock Interview"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);
  g_assert_cmpint (gtk_widget_get_width (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS)), >=, 360);
#if ADW_CHECK_VERSION (1, 4, 0)
  /* With libadwaita 1.4, a side bar lies over the canvas in a window this narrow. */
  g_assert_true (adw_overlay_split_view_get_collapsed (ADW_OVERLAY_SPLIT_VIEW (
    plano_test_find_widget (GTK_WIDGET (window), ADW_TYPE_OVERLAY_SPLIT_VIEW))));
#endif
  gtk_window_destroy (GTK_WINDOW (window));

  window = plano_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  plano_window_new_board (window);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-interview", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-properties", NULL));
  plano_test_iterate ();
  /* Without a window manager, X keeps a window within a small screen. */
  if (gtk_widget_get_width (GTK_WIDGET (window)) >= 1600)
    {
      g_assert_true (toggle_active (window, "Components"));
      g_assert_true (toggle_active (window, "Mock Interview"));
      g_assert_true (toggle_active (window, "Properties"));
#if ADW_CHECK_VERSION (1, 4, 0)
      /* And beside it in a wide one. */
      g_assert_false (adw_overlay_split_view_get_collapsed (ADW_OVERLAY_SPLIT_VIEW (
        plano_test_find_widget (GTK_WIDGET (window), ADW_TYPE_OVERLAY_SPLIT_VIEW))));
#endif
    }
  else
    g_test_message ("The screen is narrower than 1600 pixels: the wide case is not checked");

  plano_test_close_all_windows ();
}

static void
close_file_chooser (GtkFileChooser *chooser)
{
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  plano_test_iterate ();
  g_assert_null (plano_test_find_shown (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

static void
assert_folder (GtkFileChooser *chooser,
               const char     *path)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);
  g_autoptr(GFile) expected = g_file_new_for_path (path);
  g_autofree char *shown = folder != NULL ? g_file_get_path (folder) : NULL;

  g_assert_cmpstr (shown, ==, path);
  g_assert_true (g_file_equal (folder, expected));
}

/* Save and Export start beside the board; a new board's Save starts where the last board
 * was; Export proposes the scale and format of the Preferences. */
static void
test_file_dialog_defaults (void)
{
  GSettings *settings = plano_application_get_settings (app);
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("realtime.plano", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GList) windows = NULL;
  GtkFileChooser *chooser;
  PlanoWindow *window;
  GtkFileFilter *filter;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  plano_test_iterate ();
  windows = plano_windows ();
  window = windows->data;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  plano_test_iterate ();
  chooser = find_file_chooser ("Export Board");
  g_assert_nonnull (chooser);
  assert_folder (chooser, dir);
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "scale"), ==, "2");
  filter = gtk_file_chooser_get_filter (chooser);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "PNG Image");
  close_file_chooser (chooser);

  g_settings_set_int (settings, "export-scale", 3);
  g_settings_set_string (settings, "export-format", "svg");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  plano_test_iterate ();
  chooser = find_file_chooser ("Export Board");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "scale"), ==, "3");
  filter = gtk_file_chooser_get_filter (chooser);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "SVG Image");
  g_assert_true (g_str_has_suffix (gtk_file_chooser_get_current_name (chooser), ".svg"));
  close_file_chooser (chooser);
  g_settings_reset (settings, "export-scale");
  g_settings_reset (settings, "export-format");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  plano_test_iterate ();
  chooser = find_file_chooser ("Save Board");
  g_assert_nonnull (chooser);
  assert_folder (chooser, dir);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "realtime.plano");
  close_file_chooser (chooser);

  /* A new board, never saved, starts in the folder of the board opened last. */
  plano_window_new_board (window);
  plano_test_iterate ();
  g_assert_null (plano_window_get_file (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  plano_test_iterate ();
  chooser = find_file_chooser ("Save Board");
  g_assert_nonnull (chooser);
  assert_folder (chooser, dir);
  close_file_chooser (chooser);

  plano_test_close_all_windows ();
}

/* Real keys: while a text is edited on the canvas, Ctrl+Z undoes the typing, not a change of
 * the board, though the application takes Ctrl+Z before any widget. */
static void
test_undo_while_editing (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("realtime.plano", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GList) windows = NULL;
  PlanoWindow *window;
  PlanoBoard *board;
  PlanoHistory *history;
  PlanoCanvas *canvas;
  GtkWidget *focus;
  guint steps;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  plano_test_iterate ();
  windows = plano_windows ();
  window = windows->data;
  if (!plano_test_can_type (GTK_WIDGET (window)))
    {
      g_test_skip ("needs X11 and xdotool");
      plano_test_close_all_windows ();
      return;
    }

  board = plano_window_get_board (window);
  canvas = PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS));
  history = plano_canvas_get_history (canvas);

  /* A change of the board that Ctrl+Z could undo. */
  plano_canvas_select (canvas, "kafka", FALSE);
  plano_canvas_nudge (canvas, 10, 0);
  steps = plano_history_get_n_undo (history);
  g_assert_true (plano_history_get_can_undo (history));

  plano_test_focus_window (GTK_WIDGET (window));
  plano_canvas_begin_edit (canvas);
  plano_test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  plano_test_type ("Topic");
  plano_test_keys ("ctrl+z");

  /* The typing went; the board did not move back. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, !=, "Topic");
  }
  g_assert_true (plano_canvas_is_editing (canvas));
  g_assert_cmpuint (plano_history_get_n_undo (history), ==, steps);

  plano_test_keys ("Escape");
  g_assert_false (plano_canvas_is_editing (canvas));
  g_assert_cmpstr (plano_board_get_label (board, "kafka"), ==, "Kafka: events, clicks, logs");

  /* Once it is closed, Ctrl+Z undoes on the board again. */
  plano_test_keys ("ctrl+z");
  g_assert_cmpuint (plano_history_get_n_undo (history), ==, steps - 1);

  plano_test_close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = plano_test_init_app (&argc, &argv);

  g_test_add_func ("/plano/window/start-page", test_start_page);
  g_test_add_func ("/plano/window/open-from-command-line", test_open_from_command_line);
  g_test_add_func ("/plano/window/open-bad-file", test_open_bad_file);
  g_test_add_func ("/plano/window/close-asks", test_close_asks);
  g_test_add_func ("/plano/window/close-saves", test_close_saves);
  g_test_add_func ("/plano/window/close-unchanged", test_close_unchanged);
  g_test_add_func ("/plano/window/undo-redo-actions", test_undo_redo_actions);
  g_test_add_func ("/plano/window/recent-boards", test_recent_boards);
  g_test_add_func ("/plano/window/snap-toggle", test_snap_toggle);
  g_test_add_func ("/plano/window/window-size-remembered", test_window_size_remembered);
  g_test_add_func ("/plano/window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/plano/window/autosave", test_autosave);
  g_test_add_func ("/plano/window/recovery-offered", test_recovery_offered);
  g_test_add_func ("/plano/window/interview-saved", test_interview_saved);
  g_test_add_func ("/plano/window/trainer-actions", test_trainer_actions);
  g_test_add_func ("/plano/window/capacity-notes", test_capacity_notes);
  g_test_add_func ("/plano/window/new-from-template", test_new_from_template);
  g_test_add_func ("/plano/window/new-board-route", test_new_board_route);
  g_test_add_func ("/plano/window/copy-image", test_copy_image);
  g_test_add_func ("/plano/window/preferences-live", test_preferences_live);
  g_test_add_func ("/plano/window/preferences-window", test_preferences_window);
  g_test_add_func ("/plano/window/about", test_about);
  g_test_add_func ("/plano/window/file-dialogs", test_file_dialogs);
  g_test_add_func ("/plano/window/autosave-to-file", test_autosave_to_file);
  g_test_add_func ("/plano/window/file-drop", test_file_drop);
  g_test_add_func ("/plano/window/narrow-window", test_narrow_window);
  g_test_add_func ("/plano/window/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/plano/window/recent-thumbnail", test_recent_thumbnail);
  g_test_add_func ("/plano/window/file-dialog-defaults", test_file_dialog_defaults);
  g_test_add_func ("/plano/window/undo-while-editing", test_undo_while_editing);

  status = g_test_run ();
  plano_test_finish_app (app);

  return status;
}
