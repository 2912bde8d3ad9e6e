/* test-window-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb: the window and its file when the user or the file system does something
 * unexpected. One window per file; devices and FIFOs refused without a hang; changes made by
 * other programs noticed as they happen; a read-only file replaced only when the user says so;
 * large saves in the background with their progress; drafts at most 3 s behind continuous work;
 * a crash's draft recovered into the window of its file; files dropped on the window read as
 * Open reads them.
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plano-test-utils.h"

#include "plano-application.h"
#include "plano-file.h"
#include "plano-format.h"
#include "plano-window-private.h"
#include "plano-window.h"

static PlanoApplication *app;

static guint
count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (PLANO_IS_WINDOW (l->data))
      n++;

  return n;
}

/* The question shown over @parent (any window when NULL): an AdwAlertDialog or an
 * AdwMessageDialog, as the platform has. */
static GtkWidget *
find_message_dialog (GtkWindow *parent)
{
  return plano_test_find_question (parent);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks a button the way a person does. */
static void
click (GtkWidget  *where,
       const char *label)
{
  GtkWidget *button = find_button (where, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  plano_test_iterate ();
}

/* Closes the dialog the way its Close button does. */
static void
close_dialog (GtkWidget *dialog)
{
  click (dialog, "_Close");
}

static PlanoBanner *
get_banner (PlanoWindow *window)
{
  return PLANO_BANNER (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_BANNER));
}

typedef gboolean (*Condition) (gpointer data);

/* Lets GTK and the file monitor catch up until @condition holds, five seconds at most. */
static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 start = g_get_monotonic_time ();

  while (!condition (data) && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return condition (data);
}

static gboolean
banner_revealed (gpointer data)
{
  return plano_banner_get_revealed (get_banner (data));
}

/* Whether a label in @widget's tree reads @text: how a toast is seen. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
toast_shown (gpointer data)
{
  PlanoWindow *window = data;

  return shows_label (GTK_WIDGET (window->toast_overlay),
                      g_object_get_data (G_OBJECT (window), "expected-toast"));
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (data) &&
         gtk_application_get_active_window (GTK_APPLICATION (app)) == data;
}

/* The rows of the start page's recent boards of @window that open @file. */
static guint
count_recent_rows (PlanoWindow *window,
                   GFile       *file,
                   const char **title,
                   const char **subtitle)
{
  g_autofree char *uri = g_file_get_uri (file);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->recent_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (g_object_get_data (G_OBJECT (row), "uri"), uri) == 0)
      {
        n++;
        if (title != NULL)
          *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
        if (subtitle != NULL)
          *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      }

  return n;
}

static gboolean
recent_row_shown (gpointer data)
{
  PlanoWindow *window = data;

  return gtk_widget_get_visible (window->recent_box) &&
         count_recent_rows (window, g_object_get_data (G_OBJECT (window), "expected-recent"),
                            NULL, NULL) > 0;
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("plano-window-files-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy (plano_test_remove_dir, g_strdup (dir));

  return dir;
}

static char *
write_board (const char *dir,
             const char *name,
             const char *title,
             guint       n_nodes)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  plano_board_set_title (board, title);
  for (guint i = 0; i < n_nodes; i++)
    plano_board_add_node (board, "kafka", (i % 100) * 200.0, (i / 100) * 100.0);
  g_assert_true (plano_format_save_file (board, path, &error));
  g_assert_no_error (error);

  return path;
}

/* Another program writes the file: a temporary file renamed over it, as editors do, with a
 * time that differs even on a coarse file system clock. */
static void
change_on_disk (const char *path,
                const char *title)
{
  g_autofree char *contents = g_strdup_printf ("{\"plano\": 1, \"title\": \"%s\", \"nodes\": "
                                               "[{\"id\": \"s3\", \"kind\": \"s3\", \"x\": 0, \"y\": 0}]}\n",
                                               title);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              g_get_real_time () / G_USEC_PER_SEC + 60,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

/* Another program writes @contents in the file, with a time that differs even on a coarse file
 * system clock. */
static void
change_on_disk_raw (const char *path,
                    const char *contents)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              g_get_real_time () / G_USEC_PER_SEC + 60,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

/* One window per file: opening an open file, under its name or through a link, from the command
 * line, the Open dialog, a drop or the recent list, shows the window it is in. Saving another
 * board under its name is refused. */
static void
test_one_window_per_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "pipeline.plano", "Pipeline", 3);
  g_autofree char *link = g_build_filename (dir, "link.plano", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) linked = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  PlanoWindow *window;
  PlanoWindow *other;

  g_assert_cmpint (symlink ("pipeline.plano", link), ==, 0);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  plano_test_iterate ();
  g_assert_cmpuint (count_windows (), ==, 1);
  window = plano_application_lookup_window (app, file);
  g_assert_nonnull (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Pipeline");

  /* Again, and through the link: still the one window. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_application_open (G_APPLICATION (app), &linked, 1, "");
  plano_test_iterate ();
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_true (plano_application_lookup_window (app, linked) == window);

  /* From another window, which stays as it was. */
  other = plano_application_new_window (app);
  plano_window_new_board (other);
  plano_board_set_title (plano_window_get_board (other), "Another board");
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (plano_window_open_file (other, file));
  plano_test_iterate ();
  g_assert_cmpuint (count_windows (), ==, 2);
  g_assert_null (plano_window_get_file (other));
  g_assert_cmpstr (plano_board_get_title (plano_window_get_board (other)), ==, "Another board");

  /* The other board may not take the open file's name. */
  g_assert_false (plano_window_save_to (other, linked, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==,
                   "“link.plano” is open in another window. Save under another name, or close that "
                   "window first.");
  {
    g_autoptr(PlanoBoard) on_disk = plano_format_read_file (path, NULL, NULL);

    g_assert_cmpstr (plano_board_get_title (on_disk), ==, "Pipeline");
  }

  plano_test_close_all_windows ();
}

/* Opening a file that is open already, from another window, from the command line or through a
 * link, presents the window it is in, which keeps its name and title; the recent boards name
 * the file once, under its own name, never under the link's. */
static void
test_open_again_presents (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "pipeline.plano", "Pipeline", 3);
  g_autofree char *link = g_build_filename (dir, "link.plano", NULL);
  g_autofree char *folder = g_filename_display_name (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) linked = g_file_new_for_path (link);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *link_uri = g_file_get_uri (linked);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  PlanoWindow *window = plano_application_new_window (app);
  PlanoWindow *start = plano_application_new_window (app);
  const char *row_title = NULL;
  const char *row_subtitle = NULL;

  g_assert_cmpint (symlink ("pipeline.plano", link), ==, 0);
  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  gtk_window_present (GTK_WINDOW (start));
  g_assert_true (wait_for (window_is_active, start));
  g_assert_cmpstr (plano_window_get_page (start), ==, "start");

  /* From the start page of the other window, under its name and through the link, and from
   * the command line: the window of the file comes to the front, as it was. */
  for (guint i = 0; i < 3; i++)
    {
      GFile *again = i == 1 ? linked : file;

      if (i < 2)
        g_assert_true (plano_window_open_file (start, again));
      else
        g_application_open (G_APPLICATION (app), &again, 1, "");
      g_assert_true (wait_for (window_is_active, window));
      g_assert_cmpuint (count_windows (), ==, 2);
      g_assert_cmpstr (plano_window_get_page (start), ==, "start");
      g_assert_null (plano_window_get_board (start));
      g_assert_null (find_message_dialog (NULL));
      g_assert_true (g_file_equal (plano_window_get_file (window), file));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Pipeline");
      g_assert_false (plano_history_get_is_modified (plano_window_get_history (window)));

      gtk_window_present (GTK_WINDOW (start));
      g_assert_true (wait_for (window_is_active, start));
    }

  /* The recent boards: the file, once, under its own name and folder; not the link. */
  g_assert_true (gtk_recent_manager_has_item (recent, uri));
  g_assert_false (gtk_recent_manager_has_item (recent, link_uri));
  g_object_set_data_full (G_OBJECT (start), "expected-recent", g_object_ref (file), g_object_unref);
  g_assert_true (wait_for (recent_row_shown, start));
  g_assert_cmpuint (count_recent_rows (start, file, &row_title, &row_subtitle), ==, 1);
  g_assert_cmpstr (row_title, ==, "pipeline.plano");
  g_assert_cmpstr (row_subtitle, ==, folder);
  g_assert_cmpuint (count_recent_rows (start, linked, NULL, NULL), ==, 0);

  /* Its row, activated, presents the window too. */
  {
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (start->recent_list));

    while (row != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (row), "uri"), uri) != 0)
      row = gtk_widget_get_next_sibling (row);
    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activate");
    g_assert_true (wait_for (window_is_active, window));
    g_assert_cmpuint (count_windows (), ==, 2);
    g_assert_null (plano_window_get_board (start));
  }

  plano_test_close_all_windows ();
}

/* /dev/zero, /dev/urandom and a FIFO with no writer, opened in the window: each says why it is
 * not a board, at once, and the window stays as it was. */
static void
test_special_files (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.plano", NULL);
  const char *paths[] = { "/dev/zero", "/dev/urandom", fifo };
  const char *messages[] = {
    "“zero” is a device, not a regular file",
    "“urandom” is a device, not a regular file",
    "“pipe.plano” is a pipe, not a regular file",
  };
  PlanoWindow *window = plano_application_new_window (app);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      gint64 start = g_get_monotonic_time ();
      GtkWidget *dialog;

      g_assert_false (plano_window_open_file (window, file));
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
      plano_test_iterate ();

      g_assert_cmpstr (plano_window_get_page (window), ==, "start");
      dialog = find_message_dialog (GTK_WINDOW (window));
      g_assert_nonnull (dialog);
      g_assert_cmpstr (plano_question_get_heading (dialog), ==, "Could Not Open Board");
      g_assert_cmpstr (plano_question_get_body (dialog), ==, messages[i]);
      close_dialog (dialog);
    }

  /* From the command line too: the window shows, with the reason. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (fifo);

    g_application_open (G_APPLICATION (app), &file, 1, "");
    plano_test_iterate ();
    g_assert_nonnull (find_message_dialog (NULL));
    g_assert_cmpstr (plano_question_get_body (find_message_dialog (NULL)), ==, messages[2]);
  }

  plano_test_close_all_windows ();
}

static gboolean
title_is (gpointer data)
{
  PlanoWindow *window = data;
  const char *expected = g_object_get_data (G_OBJECT (window), "expected-title");

  return g_strcmp0 (plano_board_get_title (plano_window_get_board (window)), expected) == 0;
}

static void
expect_title (PlanoWindow *window,
              const char  *title)
{
  g_object_set_data_full (G_OBJECT (window), "expected-title", g_strdup (title), g_free);
  g_assert_true (wait_for (title_is, window));
}

/* A board without unsaved changes follows its file as another program changes it, and one
 * undo gives back the board from before; a second change does not read the undone board. */
static void
test_outside_change_reloads (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "board.plano", "Mine", 2);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlanoWindow *window = plano_application_new_window (app);
  PlanoHistory *history;

  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  history = plano_window_get_history (window);

  change_on_disk (path, "Theirs");
  expect_title (window, "Theirs");
  g_assert_cmpuint (plano_board_get_n_items (plano_window_get_board (window), PLANO_ITEM_NODE), ==, 1);
  g_assert_false (plano_history_get_is_modified (history));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Theirs");
  g_assert_false (plano_banner_get_revealed (get_banner (window)));

  /* One step back to before the reload, which differs from the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  plano_test_iterate ();
  g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Mine");
  g_assert_cmpuint (plano_board_get_n_items (plano_window_get_board (window), PLANO_ITEM_NODE), ==, 2);
  g_assert_true (plano_history_get_is_modified (history));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Mine");

  /* Plano's own save is no outside change. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plano_test_wait_saved (window);
  plano_test_iterate ();
  g_assert_false (plano_banner_get_revealed (get_banner (window)));
  g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Mine");
  g_assert_false (plano_history_get_is_modified (history));

  plano_test_close_all_windows ();
}

/* With unsaved changes, a change on disk shows the banner: Reload takes the file (one undo
 * gives the unsaved board back), Keep Mine keeps the board and the next save writes it without
 * asking. */
static void
test_outside_change_banner (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "board.plano", "Saved", 2);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlanoBoard) saved = NULL;
  PlanoWindow *window = plano_application_new_window (app);
  PlanoBanner *banner = get_banner (window);

  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  plano_board_set_title (plano_window_get_board (window), "Mine");
  change_on_disk (path, "Theirs");
  g_assert_true (wait_for (banner_revealed, window));
  g_assert_cmpstr (plano_banner_get_title (banner), ==, "“board.plano” was changed by another program.");
  g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Mine");

  click (GTK_WIDGET (banner), "_Reload");
  g_assert_false (plano_banner_get_revealed (banner));
  g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Theirs");
  g_assert_false (plano_history_get_is_modified (plano_window_get_history (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Mine");

  /* Changed again: this time the user keeps the board. */
  change_on_disk (path, "Theirs again");
  g_assert_true (wait_for (banner_revealed, window));
  click (GTK_WIDGET (banner), "_Keep Mine");
  g_assert_false (plano_banner_get_revealed (banner));
  g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Mine");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plano_test_wait_saved (window);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
  saved = plano_format_read_file (path, NULL, NULL);
  g_assert_cmpstr (plano_board_get_title (saved), ==, "Mine");

  plano_test_close_all_windows ();
}

static gboolean
file_is (gpointer data)
{
  PlanoWindow *window = data;
  GFile *expected = g_object_get_data (G_OBJECT (window), "expected-file");

  return g_file_equal (plano_window_get_file (window), expected);
}

/* A file renamed in its folder is followed; a file deleted is said so, and the board counts as
 * unsaved, so that closing asks and Save writes it again. */
static void
test_deleted_or_renamed (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "board.plano", "Pipeline", 2);
  g_autofree char *renamed = g_build_filename (dir, "renamed.plano", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) renamed_file = g_file_new_for_path (renamed);
  PlanoWindow *window = plano_application_new_window (app);
  PlanoBanner *banner = get_banner (window);

  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  g_assert_cmpint (g_rename (path, renamed), ==, 0);
  g_object_set_data_full (G_OBJECT (window), "expected-file", g_object_ref (renamed_file), g_object_unref);
  g_assert_true (wait_for (file_is, window));
  g_assert_false (plano_banner_get_revealed (banner));
  g_assert_false (plano_history_get_is_modified (plano_window_get_history (window)));

  g_assert_cmpint (g_unlink (renamed), ==, 0);
  g_assert_true (wait_for (banner_revealed, window));
  g_assert_cmpstr (plano_banner_get_title (banner), ==, "“renamed.plano” was deleted. Saving writes it again.");
  g_assert_true (plano_history_get_is_modified (plano_window_get_history (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Pipeline");

  click (GTK_WIDGET (banner), "_Save");
  plano_test_wait_saved (window);
  g_assert_true (g_file_test (renamed, G_FILE_TEST_IS_REGULAR));
  g_assert_false (plano_banner_get_revealed (banner));
  g_assert_false (plano_history_get_is_modified (plano_window_get_history (window)));

  plano_test_close_all_windows ();
}

/* Saving over a file without write permission asks; Cancel leaves it, Replace writes it and it
 * stays read-only. */
static void
test_read_only_asks (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "board.plano", "Read only", 2);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlanoBoard) saved = NULL;
  PlanoWindow *window = plano_application_new_window (app);
  GtkWidget *dialog;
  GStatBuf st;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_board_set_title (plano_window_get_board (window), "Edited");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plano_test_iterate ();
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (plano_question_get_heading (dialog), ==, "Replace Read-Only File?");
  g_assert_cmpstr (plano_question_get_body (dialog), ==,
                   "“board.plano” is read-only. Replacing it writes the board in its place, and the "
                   "new file is read-only too.");
  click (dialog, "_Cancel");
  g_assert_false (plano_window_get_saving (window));
  saved = plano_format_read_file (path, NULL, NULL);
  g_assert_cmpstr (plano_board_get_title (saved), ==, "Read only");
  g_clear_object (&saved);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plano_test_iterate ();
  click (find_message_dialog (GTK_WINDOW (window)), "_Replace");
  plano_test_wait_saved (window);
  saved = plano_format_read_file (path, NULL, NULL);
  g_assert_cmpstr (plano_board_get_title (saved), ==, "Edited");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);
  g_assert_false (plano_history_get_is_modified (plano_window_get_history (window)));

  plano_test_close_all_windows ();
}

/* The clock the window's autosave and the save's progress follow, in microseconds. */
static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

/* Holds the save's writer at its first piece until the test lets it go. */
static GMutex gate_lock;
static GCond gate_cond;
static gboolean gate_reached;
static gboolean gate_open;

static void
gate_hook (PlanoFileStep step,
           gsize         done,
           gpointer      user_data)
{
  if (step != PLANO_FILE_STEP_WROTE)
    return;

  g_mutex_lock (&gate_lock);
  gate_reached = TRUE;
  while (!gate_open)
    g_cond_wait (&gate_cond, &gate_lock);
  g_mutex_unlock (&gate_lock);
}

static gboolean
gate_is_reached (gpointer data)
{
  gboolean reached;

  g_mutex_lock (&gate_lock);
  reached = gate_reached;
  g_mutex_unlock (&gate_lock);

  return reached;
}

static gboolean
no_windows (gpointer data)
{
  return count_windows () == 0;
}

/* A save runs on a worker thread: while it writes, the window takes edits; past half a second
 * it shows its progress; when done, the file holds the board as it was when Save was pressed
 * and the edits made meanwhile are still unsaved. */
static void
test_save_in_background (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "large.plano", "Large", 20000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlanoBoard) saved = NULL;
  PlanoWindow *window = plano_application_new_window (app);
  PlanoBanner *banner = get_banner (window);
  PlanoHistory *history;
  double fraction;

  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  history = plano_window_get_history (window);
  fake_now = 0;
  _plano_window_set_clock (window, fake_clock, NULL);

  plano_board_set_title (plano_window_get_board (window), "Saved in the background");
  gate_reached = gate_open = FALSE;
  plano_file_set_step_hook (gate_hook, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (plano_window_get_saving (window));
  g_assert_true (wait_for (gate_is_reached, NULL));

  /* The writer is held; the window is not. */
  plano_board_set_title (plano_window_get_board (window), "Edited during the save");
  plano_test_iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Edited during the save");

  fake_now += 4 * G_USEC_PER_SEC / 10;
  _plano_window_run_timers (window);
  g_assert_false (plano_banner_get_revealed (banner));
  fake_now += 2 * G_USEC_PER_SEC / 10;
  _plano_window_run_timers (window);
  g_assert_true (plano_banner_get_revealed (banner));
  g_assert_cmpstr (plano_banner_get_title (banner), ==, "Saving “Edited during the save”…");
  fraction = plano_banner_get_fraction (banner);
  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <, 1);

  g_mutex_lock (&gate_lock);
  gate_open = TRUE;
  g_cond_broadcast (&gate_cond);
  g_mutex_unlock (&gate_lock);
  plano_test_wait_saved (window);
  plano_file_set_step_hook (NULL, NULL);

  g_assert_false (plano_banner_get_revealed (banner));
  saved = plano_format_read_file (path, NULL, NULL);
  g_assert_cmpstr (plano_board_get_title (saved), ==, "Saved in the background");
  g_assert_cmpuint (plano_board_get_n_items (saved, PLANO_ITEM_NODE), ==, 20000);
  g_assert_true (plano_history_get_is_modified (history));

  /* Undoing the edit made during the save gives the saved board back. */
  g_assert_true (plano_history_undo (history));
  g_assert_false (plano_history_get_is_modified (history));

  /* Closed during a save, the window waits for it, then closes. */
  plano_board_set_title (plano_window_get_board (window), "Saved while closing");
  gate_reached = gate_open = FALSE;
  plano_file_set_step_hook (gate_hook, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (wait_for (gate_is_reached, NULL));
  gtk_window_close (GTK_WINDOW (window));
  plano_test_iterate ();
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_null (find_message_dialog (NULL));

  g_mutex_lock (&gate_lock);
  gate_open = TRUE;
  g_cond_broadcast (&gate_cond);
  g_mutex_unlock (&gate_lock);
  g_assert_true (wait_for (no_windows, NULL));
  plano_file_set_step_hook (NULL, NULL);
  g_clear_object (&saved);
  saved = plano_format_read_file (path, NULL, NULL);
  g_assert_cmpstr (plano_board_get_title (saved), ==, "Saved while closing");

  plano_test_close_all_windows ();
}

static gboolean
draft_writer_idle (gpointer data)
{
  PlanoWindow *window = data;

  return window->draft == NULL || !plano_draft_writer_get_busy (window->draft);
}

static char *
read_draft (PlanoWindow *window)
{
  g_autofree char *path = g_strconcat (plano_drafts_get_dir (), "/",
                                       plano_draft_writer_get_id (window->draft), ".plano", NULL);
  char *text = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  g_assert_true (plano_file_read (path, PLANO_FILE_MAX_SIZE, &text, NULL, NULL));

  return text;
}

/* 30 s of continuous work in the window, with its clock injected: an edit every 50 to 700 ms,
 * drafts written by the window off the main thread. At every moment (every 10 ms) the board a
 * crash would give back was the board itself at some moment of the last 3 s. */
static void
test_continuous_drafts (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "board.plano", "Busy", 3);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GHashTable) versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (30);
  g_autofree char *opened = NULL;
  PlanoWindow *window = plano_application_new_window (app);
  PlanoBoard *board;
  gint64 next_edit = 0;
  gint64 oldest = 0;
  guint n_edits = 0;

  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  board = plano_window_get_board (window);
  fake_now = 0;
  _plano_window_set_clock (window, fake_clock, NULL);
  opened = plano_format_write (board, NULL);
  g_hash_table_insert (versions, g_strdup (opened), GUINT_TO_POINTER (0));

  for (fake_now = 0; fake_now <= 30 * G_USEC_PER_SEC; fake_now += 10 * 1000)
    {
      g_autofree char *text = NULL;
      guint version;
      gint64 end;

      if (fake_now >= next_edit)
        {
          gint64 now = fake_now;
          char *written;

          g_array_append_val (ends, now);
          if (n_edits % 2 == 0)
            plano_board_add_node (board, "flink", n_edits * 20.0, 500);
          else
            {
              g_autofree char *id = g_strdup (plano_board_get_item (board, PLANO_ITEM_NODE, 0)->id);

              plano_board_move_items (board, (const char *[]) { id, NULL }, 5, 0);
            }
          n_edits++;
          written = plano_format_write (board, NULL);
          g_hash_table_insert (versions, written, GUINT_TO_POINTER (n_edits));
          next_edit = fake_now + g_rand_int_range (rand, 50, 701) * 1000;
        }

      _plano_window_run_timers (window);
      g_assert_true (wait_for (draft_writer_idle, window));

      text = read_draft (window);
      if (text == NULL)
        text = g_strdup (opened);
      g_assert_true (g_hash_table_lookup_extended (versions, text, NULL, (gpointer *) &version));
      end = version < ends->len ? g_array_index (ends, gint64, version) : fake_now;
      g_assert_cmpint (fake_now - end, <=, 3 * G_USEC_PER_SEC);
      oldest = MAX (oldest, fake_now - end);
    }

  g_test_message ("%u edits in 30 s; the board a crash gives back was at most %.2f s old",
                  n_edits, oldest / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (n_edits, >, 60);

  /* Saving removes the draft. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plano_test_wait_saved (window);
  g_assert_true (wait_for (draft_writer_idle, window));
  g_assert_null (read_draft (window));

  _plano_window_set_clock (window, NULL, NULL);
  plano_test_close_all_windows ();
}

static void
write_crash_draft (const char *id,
                   const char *title,
                   const char *source,
                   gint64      time)
{
  g_autofree char *meta_path = g_strconcat (plano_drafts_get_dir (), "/", id, ".draft", NULL);
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(GKeyFile) keys = g_key_file_new ();

  plano_board_set_title (board, title);
  plano_board_add_node (board, "flink", 0, 0);
  g_assert_true (plano_draft_write (id, board, source, NULL));
  /* As if written by a process that no longer runs. */
  g_assert_true (g_key_file_load_from_file (keys, meta_path, G_KEY_FILE_NONE, NULL));
  g_key_file_set_integer (keys, "Draft", "Pid", G_MAXINT - 1);
  g_key_file_set_int64 (keys, "Draft", "Time", time);
  g_assert_true (g_key_file_save_to_file (keys, meta_path, NULL));
}

/* Started on a file whose board a crash left a draft of: the newest draft is offered, once, and
 * recovered into the window of that file, not beside it; older drafts of the file go. */
static void
test_recovery_into_file_window (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "board.plano", "On disk", 2);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GPtrArray) drafts = NULL;
  PlanoWindow *window;
  GtkWidget *dialog;

  write_crash_draft ("older", "Older work", uri, g_get_real_time () - 600 * G_USEC_PER_SEC);
  write_crash_draft ("newer", "Newer work", uri, g_get_real_time () - 60 * G_USEC_PER_SEC);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  plano_test_iterate ();
  window = plano_application_lookup_window (app, file);
  g_assert_nonnull (window);

  dialog = plano_application_offer_recovery (app, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (plano_question_get_heading (dialog), ==, "Recover Unsaved Board?");
  g_assert_nonnull (strstr (plano_question_get_body (dialog), "Newer work"));
  g_assert_null (strstr (plano_question_get_body (dialog), "Older work"));

  click (dialog, "_Recover");
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_true (plano_application_lookup_window (app, file) == window);
  g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Newer work");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Newer work");

  /* The recovered draft is this window's now; the older one is gone. */
  drafts = plano_drafts_list (FALSE);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((PlanoDraftInfo *) g_ptr_array_index (drafts, 0))->id, ==, "newer");
  g_assert_null (plano_application_offer_recovery (app, GTK_WINDOW (window)));

  gtk_window_close (GTK_WINDOW (window));
  plano_test_iterate ();
  click (find_message_dialog (GTK_WINDOW (window)), "_Discard");
  plano_test_iterate ();
  plano_test_close_all_windows ();
}

static void
count_monitor_event_cb (GFileMonitor      *monitor,
                        GFile             *file,
                        GFile             *other,
                        GFileMonitorEvent  event,
                        guint             *n_events)
{
  (*n_events)++;
}

static gboolean
monitor_saw_events (gpointer data)
{
  return *(guint *) data > 0;
}

static void
expect_toast (PlanoWindow *window,
              const char  *text)
{
  g_object_set_data_full (G_OBJECT (window), "expected-toast", g_strdup (text), g_free);
  g_assert_true (wait_for (toast_shown, window));
}

/* A draft recovered into the window of its file: a change another program makes is blamed on
 * it, in the banner and in File Changed on Disk; the window's own save is not, and the file it
 * wrote is the recovered board. */
static void
test_recovered_then_changed (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "board.plano", "On disk", 2);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(PlanoBoard) saved = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  PlanoWindow *window = plano_application_new_window (app);
  PlanoBanner *banner = get_banner (window);
  PlanoHistory *history;
  GtkWidget *dialog;
  guint n_events = 0;
  gulong handler;

  write_crash_draft ("culprit", "Recovered work", uri, g_get_real_time () - 60 * G_USEC_PER_SEC);
  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  dialog = plano_application_offer_recovery (app, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  click (dialog, "_Recover");
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Recovered work");
  history = plano_window_get_history (window);

  /* Another program writes the file: the banner says so, and the recovered board stays. */
  change_on_disk (path, "Theirs");
  g_assert_true (wait_for (banner_revealed, window));
  g_assert_cmpstr (plano_banner_get_title (banner), ==, "“board.plano” was changed by another program.");
  g_assert_nonnull (find_button (GTK_WIDGET (banner), "_Reload"));
  g_assert_nonnull (find_button (GTK_WIDGET (banner), "_Keep Mine"));
  g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Recovered work");

  /* Saving asks first, naming the board another program changed the file of. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plano_test_iterate ();
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (plano_question_get_heading (dialog), ==, "File Changed on Disk");
  g_assert_cmpstr (plano_question_get_body (dialog), ==,
                   "“Recovered work” was changed by another program since Plano opened it. "
                   "Saving now replaces those changes.");
  g_assert_false (plano_window_get_saving (window));
  saved = plano_format_read_file (path, NULL, NULL);
  g_assert_cmpstr (plano_board_get_title (saved), ==, "Theirs");
  g_clear_object (&saved);

  /* Overwrite: the window's own write is no change by another program. */
  handler = g_signal_connect (window->monitor, "changed", G_CALLBACK (count_monitor_event_cb),
                              &n_events);
  click (dialog, "_Overwrite");
  plano_test_wait_saved (window);
  g_assert_true (wait_for (monitor_saw_events, &n_events));
  plano_test_iterate ();
  g_signal_handler_disconnect (window->monitor, handler);
  saved = plano_format_read_file (path, NULL, NULL);
  g_assert_cmpstr (plano_board_get_title (saved), ==, "Recovered work");
  g_assert_cmpuint (plano_board_get_n_items (saved, PLANO_ITEM_NODE), ==, 1);
  g_assert_false (plano_banner_get_revealed (banner));
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
  g_assert_false (shows_label (GTK_WIDGET (window->toast_overlay),
                               "“board.plano” was changed by another program and was read again"));
  g_assert_false (plano_history_get_is_modified (history));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Recovered work");
  drafts = plano_drafts_list (TRUE);
  for (guint i = 0; i < drafts->len; i++)
    g_assert_cmpstr (((PlanoDraftInfo *) g_ptr_array_index (drafts, i))->id, !=, "culprit");

  /* Saved now, the board follows the next outside change, and the toast says whose it was. */
  change_on_disk (path, "Theirs again");
  expect_title (window, "Theirs again");
  expect_toast (window, "“board.plano” was changed by another program and was read again");
  g_assert_false (plano_banner_get_revealed (banner));
  g_assert_false (plano_history_get_is_modified (history));

  plano_test_close_all_windows ();
}

/* A file moved to another folder or to the trash is said so; Save writes the board at its place
 * again and leaves the moved file alone. */
static void
test_moved_away (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "board.plano", "Pipeline", 2);
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere", NULL);
  g_autofree char *moved = g_build_filename (elsewhere, "board.plano", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlanoWindow *window = plano_application_new_window (app);
  PlanoBanner *banner = get_banner (window);
  PlanoHistory *history;

  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  history = plano_window_get_history (window);
  fake_now = 0;
  _plano_window_set_clock (window, fake_clock, NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PlanoBoard) saved = NULL;

      if (i == 0)
        g_assert_cmpint (g_rename (path, moved), ==, 0);
      else
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *trash = g_build_filename (g_get_user_data_dir (), "Trash", NULL);

          /* The test's own data folder holds the trash when it is on the board's disk. */
          g_test_queue_destroy (plano_test_remove_dir, g_steal_pointer (&trash));
          if (!g_file_trash (file, NULL, &error))
            {
              g_test_message ("No trash here (%s): moved to another folder instead",
                              error->message);
              g_assert_cmpint (g_unlink (moved), ==, 0);
              g_assert_cmpint (g_rename (path, moved), ==, 0);
            }
        }

      g_assert_true (wait_for (banner_revealed, window));
      g_assert_cmpstr (plano_banner_get_title (banner), ==,
                       "“board.plano” was moved away or to the trash. Saving writes it here again.");
      g_assert_nonnull (find_button (GTK_WIDGET (banner), "_Save"));
      g_assert_null (find_button (GTK_WIDGET (banner), "_Keep Mine"));
      g_assert_null (find_button (GTK_WIDGET (banner), "_Reload"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_equal (plano_window_get_file (window), file));
      g_assert_true (plano_history_get_is_modified (history));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Pipeline");

      /* The board is on disk nowhere now: it is drafted, as an edit would be. */
      fake_now += 3 * G_USEC_PER_SEC;
      _plano_window_run_timers (window);
      g_assert_true (wait_for (draft_writer_idle, window));
      {
        g_autofree char *draft = read_draft (window);

        g_assert_nonnull (draft);
        g_assert_nonnull (strstr (draft, "\"Pipeline\""));
      }

      click (GTK_WIDGET (banner), "_Save");
      plano_test_wait_saved (window);
      g_assert_null (find_message_dialog (GTK_WINDOW (window)));
      saved = plano_format_read_file (path, NULL, NULL);
      g_assert_nonnull (saved);
      g_assert_cmpstr (plano_board_get_title (saved), ==, "Pipeline");
      g_assert_cmpuint (plano_board_get_n_items (saved, PLANO_ITEM_NODE), ==, 2);
      g_assert_false (plano_banner_get_revealed (banner));
      g_assert_false (plano_history_get_is_modified (history));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Pipeline");
      g_assert_true (wait_for (draft_writer_idle, window));
      g_assert_null (read_draft (window));
    }

  /* The moved file is not the window's any more, and stays as it was. */
  {
    g_autoptr(PlanoBoard) left = plano_format_read_file (moved, NULL, NULL);

    g_assert_nonnull (left);
    g_assert_cmpstr (plano_board_get_title (left), ==, "Pipeline");
  }

  _plano_window_set_clock (window, NULL, NULL);
  plano_test_close_all_windows ();
}

/* Another program puts something that is not a board in the file's place: text that is not a
 * board, then a FIFO. The banner gives the reason and offers Keep Mine; the board stays as it
 * was, and saving writes it over the file. */
static void
test_changed_into_not_a_board (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "board.plano", "Mine", 2);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlanoWindow *window = plano_application_new_window (app);
  PlanoBanner *banner = get_banner (window);
  PlanoHistory *history;
  const char *titles[] = {
    "“board.plano” was changed by another program and cannot be read: line 1, column 1: not "
    "valid JSON: “D” cannot appear outside a string",
    "“board.plano” was changed by another program and cannot be read: “board.plano” is a pipe, "
    "not a regular file",
  };

  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  history = plano_window_get_history (window);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(PlanoBoard) saved = NULL;

      if (i == 0)
        change_on_disk_raw (path, "Dear diary, today I drew no board.\n");
      else
        {
          g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
          g_assert_cmpint (g_rename (fifo, path), ==, 0);
        }

      g_assert_true (wait_for (banner_revealed, window));
      g_assert_cmpstr (plano_banner_get_title (banner), ==, titles[i]);
      g_assert_nonnull (find_button (GTK_WIDGET (banner), "_Keep Mine"));
      g_assert_null (find_button (GTK_WIDGET (banner), "_Reload"));
      g_assert_null (find_button (GTK_WIDGET (banner), "_Save"));
      g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Mine");
      g_assert_cmpuint (plano_board_get_n_items (plano_window_get_board (window), PLANO_ITEM_NODE), ==, 2);
      /* The file no longer holds the board: closing the window would lose it. */
      g_assert_true (plano_history_get_is_modified (history));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Mine");
      gtk_window_close (GTK_WINDOW (window));
      plano_test_iterate ();
      g_assert_cmpstr (plano_question_get_heading (find_message_dialog (GTK_WINDOW (window))), ==,
                       "Save Changes?");
      click (find_message_dialog (GTK_WINDOW (window)), "_Cancel");
      g_assert_cmpuint (count_windows (), ==, 1);

      click (GTK_WIDGET (banner), "_Keep Mine");
      g_assert_false (plano_banner_get_revealed (banner));
      g_assert_cmpstr (plano_board_get_title (plano_window_get_board (window)), ==, "Mine");
      g_assert_true (plano_history_get_is_modified (history));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
      plano_test_wait_saved (window);
      g_assert_null (find_message_dialog (GTK_WINDOW (window)));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      saved = plano_format_read_file (path, NULL, NULL);
      g_assert_nonnull (saved);
      g_assert_cmpstr (plano_board_get_title (saved), ==, "Mine");
      g_assert_cmpuint (plano_board_get_n_items (saved, PLANO_ITEM_NODE), ==, 2);
      g_assert_false (plano_banner_get_revealed (banner));
      g_assert_false (plano_history_get_is_modified (history));
    }

  plano_test_close_all_windows ();
}

/* The drop target through which the file manager hands files to @window. */
static GtkDropTarget *
get_file_drop_target (PlanoWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      GdkContentFormats *formats;

      if (!GTK_IS_DROP_TARGET (controller))
        continue;
      formats = gtk_drop_target_get_formats (GTK_DROP_TARGET (controller));
      if (formats != NULL && gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* Drops the files at the paths, a NULL-terminated list, on @window through its drop target's
 * "drop" signal, as the file manager does; returns whether the window took them, and fails the
 * test if that took a second. */
static gboolean G_GNUC_NULL_TERMINATED
drop_files (PlanoWindow *window,
            const char  *first,
            ...)
{
  GtkDropTarget *target = get_file_drop_target (window);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GValue value = G_VALUE_INIT;
  gboolean taken = FALSE;
  gint64 start;
  va_list args;

  g_assert_nonnull (target);
  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    g_ptr_array_add (files, g_file_new_for_path (path));
  va_end (args);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array ((GFile **) files->pdata, files->len));
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &taken);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_value_unset (&value);
  plano_test_iterate ();

  return taken;
}

/* Files dropped on the window go through the reader Open uses: /dev/zero and a FIFO are refused
 * at once with the reason, a board opens, in this window when it holds nothing, else in its
 * own; a board open already comes to the front. */
static void
test_drop (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_board (dir, "dropped.plano", "Dropped", 2);
  g_autofree char *other_path = write_board (dir, "other.plano", "Other", 1);
  g_autofree char *fifo = g_build_filename (dir, "pipe.plano", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  const char *paths[] = { "/dev/zero", fifo };
  const char *messages[] = {
    "“zero” is a device, not a regular file",
    "“pipe.plano” is a pipe, not a regular file",
  };
  PlanoWindow *window = plano_application_new_window (app);
  PlanoWindow *other;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      GtkWidget *dialog;

      g_assert_true (drop_files (window, paths[i], NULL));
      g_assert_cmpuint (count_windows (), ==, 1);
      g_assert_cmpstr (plano_window_get_page (window), ==, "start");
      g_assert_null (plano_window_get_board (window));
      dialog = find_message_dialog (GTK_WINDOW (window));
      g_assert_nonnull (dialog);
      g_assert_cmpstr (plano_question_get_heading (dialog), ==, "Could Not Open Board");
      g_assert_cmpstr (plano_question_get_body (dialog), ==, messages[i]);
      close_dialog (dialog);
      g_assert_null (find_message_dialog (NULL));
    }

  /* A board opens in this window, which holds nothing. */
  g_assert_true (drop_files (window, path, NULL));
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_cmpstr (plano_window_get_page (window), ==, "board");
  g_assert_true (g_file_equal (plano_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Dropped");
  g_assert_cmpuint (plano_board_get_n_items (plano_window_get_board (window), PLANO_ITEM_NODE), ==, 2);
  g_assert_null (find_message_dialog (NULL));

  /* On a window with a board, another board opens in a window of its own, and the board shown
   * stays. */
  g_assert_true (drop_files (window, other_path, NULL));
  g_assert_cmpuint (count_windows (), ==, 2);
  other = plano_application_lookup_window (app, other_file);
  g_assert_nonnull (other);
  g_assert_true (other != window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (other)), ==, "Other");
  g_assert_true (g_file_equal (plano_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Dropped");

  /* The first board, dropped on the second's window, brings its own window to the front. */
  g_assert_true (wait_for (window_is_active, other));
  g_assert_true (drop_files (other, path, NULL));
  g_assert_true (wait_for (window_is_active, window));
  g_assert_cmpuint (count_windows (), ==, 2);
  g_assert_true (g_file_equal (plano_window_get_file (other), other_file));
  g_assert_null (find_message_dialog (NULL));

  /* /dev/zero dropped on a window with a board: refused in a window of its own, in time. */
  g_assert_true (drop_files (window, "/dev/zero", NULL));
  {
    GtkWidget *dialog = find_message_dialog (NULL);

    g_assert_nonnull (dialog);
    g_assert_cmpstr (plano_question_get_body (dialog), ==, messages[0]);
    g_assert_true (plano_test_get_dialog_parent (dialog) != GTK_WINDOW (window));
  }
  g_assert_true (g_file_equal (plano_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Dropped");

  plano_test_close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = plano_test_init_app (&argc, &argv);

  g_test_add_func ("/plano/window-files/one-window-per-file", test_one_window_per_file);
  g_test_add_func ("/plano/window-files/open-again-presents", test_open_again_presents);
  g_test_add_func ("/plano/window-files/special-files", test_special_files);
  g_test_add_func ("/plano/window-files/outside-change-reloads", test_outside_change_reloads);
  g_test_add_func ("/plano/window-files/outside-change-banner", test_outside_change_banner);
  g_test_add_func ("/plano/window-files/deleted-or-renamed", test_deleted_or_renamed);
  g_test_add_func ("/plano/window-files/moved-away", test_moved_away);
  g_test_add_func ("/plano/window-files/changed-into-not-a-board", test_changed_into_not_a_board);
  g_test_add_func ("/plano/window-files/drop", test_drop);
  g_test_add_func ("/plano/window-files/read-only-asks", test_read_only_asks);
  g_test_add_func ("/plano/window-files/save-in-background", test_save_in_background);
  g_test_add_func ("/plano/window-files/continuous-drafts", test_continuous_drafts);
  g_test_add_func ("/plano/window-files/recovery-into-file-window", test_recovery_into_file_window);
  g_test_add_func ("/plano/window-files/recovered-then-changed", test_recovered_then_changed);

  status = g_test_run ();
  plano_test_finish_app (app);

  return status;
}
