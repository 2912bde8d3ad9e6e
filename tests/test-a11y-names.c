/* test-a11y-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a screen reader says, read the way it reads it: the test runs on a session bus of its
 * own with the accessibility bus (dbus-run-session starts both), opens each window, panel and
 * dialog, and has tests/a11y/atspi-tree.py read the application's accessible tree over AT-SPI
 * while GTK answers. Every control must have one clean name: not empty, not its GTK type
 * ("GtkSwitch"), without a mnemonic underscore ("_Open") and not said twice ("Replicas
 * Replicas"), which is what GTK 4.8 derives when a control gets no name of its own; what labels
 * a control, and what Orca says around it (the panel, the list it is in), is not named after a
 * type either ("GtkImage Show Components", "GtkStackPage panel" were in Orca 43's speech).
 */

#include "config.h"

#include "plano-test-utils.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "plano-application.h"
#include "plano-canvas.h"
#include "plano-interview-panel.h"
#include "plano-preferences-window.h"
#include "plano-progress-view.h"
#include "plano-report-view.h"
#include "plano-template-chooser.h"
#include "plano-tradeoff-editor.h"
#include "plano-window.h"

static PlanoApplication *app;

typedef struct
{
  char *window;
  char *role;
  char *name;
  char *description;
  gboolean top;       /* a window */
  char *labelled_by;  /* the names of what labels it, " | " between them */
} Accessible;

static void
accessible_free (gpointer data)
{
  Accessible *a = data;

  g_free (a->window);
  g_free (a->role);
  g_free (a->name);
  g_free (a->description);
  g_free (a->labelled_by);
  g_free (a);
}

typedef struct
{
  gboolean  done;
  char     *out;
  char     *err;
  gboolean  ok;
} Reading;

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Reading *reading = data;
  g_autoptr(GError) error = NULL;

  reading->ok = g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result,
                                                      &reading->out, &reading->err, &error) &&
                g_subprocess_get_if_exited (G_SUBPROCESS (source)) &&
                g_subprocess_get_exit_status (G_SUBPROCESS (source)) == 0;
  if (error != NULL)
    g_printerr ("%s\n", error->message);
  reading->done = TRUE;
}

/* The application's accessible tree as an assistive technology reads it over the bus, while
 * this process answers; one Accessible for each object. */
static GPtrArray *
read_tree (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "a11y", "atspi-tree.py", NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) reader = NULL;
  g_auto(GStrv) lines = NULL;
  Reading reading = { 0, };
  GPtrArray *tree = g_ptr_array_new_with_free_func (accessible_free);

  plano_test_iterate ();
  reader = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                             &error, script, pid, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (reader, NULL, NULL, read_done_cb, &reading);
  while (!reading.done)
    g_main_context_iteration (NULL, TRUE);
  if (!reading.ok || *reading.out == '\0' || *reading.out == '\n')
    g_printerr ("atspi-tree.py failed: %s\n", reading.err);
  g_assert_true (reading.ok);

  lines = g_strsplit (reading.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 6);
      Accessible *a;

      if (g_strv_length (fields) != 6)
        continue;
      a = g_new0 (Accessible, 1);
      a->window = g_strdup (fields[0]);
      a->role = g_strdup (fields[1]);
      a->name = g_strdup (fields[2]);
      a->description = g_strdup (fields[3]);
      a->top = g_str_equal (fields[4], "1");
      a->labelled_by = g_strdup (fields[5]);
      g_ptr_array_add (tree, a);
    }
  g_free (reading.out);
  g_free (reading.err);

  return tree;
}

/* The roles of what a person operates, and of notifications: their name is what a screen reader
 * says first, and must be there and clean. Windows are checked too. Of the rest (panels, lists,
 * labels, images), which may go unnamed, only a type's name is refused, as Orca says it for the
 * context of a control; the parts GTK draws controls with (fillers, scroll bars) are not said. */
static gboolean
is_control_role (const char *role)
{
  static const char * const roles[] = {
    "push button", "toggle button", "check box", "radio button", "switch", "spin button",
    "text", "entry", "password text", "combo box", "slider", "progress bar", "menu item",
    "check menu item", "radio menu item", "link", "page tab", "notification", "alert",
    NULL
  };

  return g_strv_contains (roles, role);
}

/* A window of the application: GTK 4.8 may give one the role "filler", GTK 4.18 lists popovers
 * beside the windows as panels; a window's title is its name. */
static gboolean
is_window (const Accessible *a)
{
  static const char * const roles[] = { "frame", "dialog", "window", "file chooser", "filler", NULL };

  return a->top && g_strv_contains (roles, a->role);
}

/* "GtkSwitch", "AdwActionRow", "PlanoCanvas": a name GTK made up from the type. */
static gboolean
is_type_name (const char *name)
{
  return g_regex_match_simple ("^(Gtk|Adw|Plano)[A-Z][A-Za-z]*$", name, 0, 0);
}

/* "GtkImage", in the names of what labels an object: Orca says them before its name. */
static gboolean
labelled_by_type (const char *labelled_by)
{
  g_auto(GStrv) names = g_strsplit (labelled_by, " | ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (is_type_name (names[i]))
      return TRUE;

  return FALSE;
}

/* A mnemonic left in: "_Open", "Rese_t", "From _Template…". An underscore between letters of
 * one word is a mnemonic when the name without it is said too, or when the word has no other
 * underscore (snake_case names of properties have them between words, which is checked by the
 * second rule: "latency_ms" has its underscore before a lowercase word of its own, and is
 * written that way on purpose). */
static gboolean
has_mnemonic (const char *name)
{
  return g_regex_match_simple ("(^|[\\s(])_\\w|[A-Za-z]_[A-Za-z]", name, 0, 0) &&
         !g_regex_match_simple ("^[a-z0-9]+(_[a-z0-9]+)+$", name, 0, 0);
}

/* "Replicas Replicas": the same words twice in a row, the name said by two sources. */
static gboolean
is_doubled (const char *name)
{
  gsize len = strlen (name);

  if (len < 3 || len % 2 == 0)
    return FALSE;

  return name[len / 2] == ' ' && strncmp (name, name + len / 2 + 1, len / 2) == 0;
}

static void
check_tree (const char *what,
            GString    *bad)
{
  g_autoptr(GPtrArray) tree = read_tree ();

  g_assert_cmpuint (tree->len, >, 0);
  for (guint i = 0; i < tree->len; i++)
    {
      Accessible *a = g_ptr_array_index (tree, i);
      const char *fault = NULL;

      if (!is_window (a) && !is_control_role (a->role))
        {
          if (is_type_name (a->name) && g_strcmp0 (a->role, "filler") != 0 &&
              g_strcmp0 (a->role, "scroll bar") != 0)
            fault = "named after its type";
        }
      else if (is_type_name (a->name))
        fault = "named after its type";
      else if (labelled_by_type (a->labelled_by))
        fault = "labelled by a part named after its type";
      else if (*a->name == '\0')
        fault = "without a name";
      else if (has_mnemonic (a->name))
        fault = "with a mnemonic in its name";
      else if (is_doubled (a->name))
        fault = "named twice";

      if (fault != NULL)
        g_string_append_printf (bad, "\n  %s: %s \"%s\" %s (description \"%s\", in \"%s\")",
                                what, a->role, a->name, fault, a->description, a->window);
    }
}

/* Whether the tree has an object of one of @roles ("a|b") named @name in the window named
 * @window. */
static gboolean
tree_has (const char *window,
          const char *roles,
          const char *name)
{
  g_autoptr(GPtrArray) tree = read_tree ();

  for (guint i = 0; i < tree->len; i++)
    {
      Accessible *a = g_ptr_array_index (tree, i);

      g_auto(GStrv) allowed = g_strsplit (roles, "|", -1);

      if (g_str_equal (a->window, window) && g_strv_contains ((const char * const *) allowed, a->role) &&
          g_str_equal (a->name, name))
        return TRUE;
    }

  return FALSE;
}

static void
assert_clean (GString *bad)
{
  if (bad->len > 0)
    g_printerr ("Names a screen reader would say wrong:%s\n", bad->str);
  g_assert_cmpstr (bad->str, ==, "");
}

static PlanoWindow *
open_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "example.plano", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlanoWindow *window = plano_application_new_window (app);

  g_assert_true (plano_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  return window;
}

static void
show_every_side_page (PlanoWindow *window,
                      GString     *bad)
{
  GtkWidget *switcher = plano_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK_SWITCHER);
  GtkStack *stack = gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher));
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      g_autofree char *what = g_strdup_printf ("the side panel %s",
                                               gtk_stack_page_get_name (page));

      gtk_stack_set_visible_child (stack, gtk_stack_page_get_child (page));
      check_tree (what, bad);
    }
}

/* The start page, then the board with the palette, the interview panel and the side panel
 * open, each of its pages, and a component's properties. */
static void
test_window_names (void)
{
  g_autoptr(GString) bad = g_string_new (NULL);
  PlanoWindow *window = plano_application_new_window (app);
  PlanoCanvas *canvas;

  gtk_window_present (GTK_WINDOW (window));
  check_tree ("the start page", bad);
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_example ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-interview", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-properties", NULL));
  check_tree ("the board", bad);
  show_every_side_page (window, bad);

  canvas = PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS));
  plano_canvas_select (canvas, "apps", FALSE);
  check_tree ("a component's properties", bad);

  /* A running session, and the toast that offers to undo a delete. The step change is in the
   * window's announcer, an alert (a notification on newer AT-SPI) whose name is what was said
   * last, beside gtk_accessible_announce() where GTK has it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.interview-start-pause", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.interview-next", NULL));
  g_assert_true (tree_has (gtk_window_get_title (GTK_WINDOW (window)), "alert|notification",
                           "Step 2 of 6: Capacity estimation, 5 minutes"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.delete", NULL));
  check_tree ("a running interview and a toast", bad);

  /* GTK 4.8's shortcuts window warns about the labels of its page switcher ("reported min
   * width -3"), as test-window says. */
  {
    GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    check_tree ("the shortcuts window", bad);
    g_log_set_always_fatal (fatal);
  }

  plano_test_close_all_windows ();

  /* The pipeline with its decisions: the trade-offs of a component and of the whole board. */
  window = plano_application_new_window (app);
  g_assert_true (plano_window_new_from_template (window, "realtime-analytics"));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-properties", NULL));
  canvas = PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS));
  plano_canvas_select (canvas, "kafka", FALSE);
  check_tree ("a component with trade-offs", bad);
  show_every_side_page (window, bad);

  plano_test_close_all_windows ();
  assert_clean (bad);
}

static void
test_dialog_names (void)
{
  g_autoptr(GString) bad = g_string_new (NULL);
  PlanoWindow *window = open_example ();
  PlanoCanvas *canvas = PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS));
  GtkWidget *widget;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  check_tree ("the preferences", bad);
  widget = plano_test_find_shown (PLANO_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (widget);
  plano_test_close_dialog (widget);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-template", NULL));
  check_tree ("the template chooser", bad);
  widget = plano_test_find_shown (PLANO_TYPE_TEMPLATE_CHOOSER);
  g_assert_nonnull (widget);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (widget)));

  widget = plano_tradeoff_editor_new (canvas, NULL, NULL);
  gtk_window_present (GTK_WINDOW (widget));
  check_tree ("the trade-off editor", bad);
  gtk_window_destroy (GTK_WINDOW (widget));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  check_tree ("About", bad);
  plano_test_close_all_windows ();

  /* A question: closing a board with changes asks whether to save them. */
  window = open_example ();
  canvas = PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS));
  plano_canvas_select (canvas, "apps", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.delete", NULL));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (plano_test_find_question (GTK_WINDOW (window)));
  check_tree ("the question Save Changes?", bad);

  plano_test_close_all_windows ();
  assert_clean (bad);
}

/* The feedback on a finished session and Your Progress, both its pages. */
static void
test_feedback_names (void)
{
  g_autoptr(GString) bad = g_string_new (NULL);
  PlanoWindow *window = open_example ();
  g_autoptr(PlanoInterview) interview = plano_interview_new ();
  g_autofree char *dir = g_dir_make_tmp ("plano-a11y-XXXXXX", NULL);
  g_autofree char *history = g_build_filename (dir, "history.jsonl", NULL);
  GtkWidget *report;
  GtkWidget *progress;

  plano_interview_set_question (interview, "clickstream-analytics");
  plano_interview_start (interview, plano_window_get_board (window));
  plano_interview_set_answer (interview, 0, "Replay from the last checkpoint.");
  plano_interview_finish (interview);
  report = plano_report_view_new (interview, plano_window_get_board (window), NULL, NULL);
  gtk_window_present (GTK_WINDOW (report));
  check_tree ("the feedback", bad);
  gtk_window_destroy (GTK_WINDOW (report));

  g_assert_true (g_file_set_contents (history,
                                      "{\"date\": \"2026-12-01T10:00:00Z\", \"ratings\": {\"requirements\": 2}, "
                                      "\"missed\": [\"olap\"]}\n", -1, NULL));
  progress = plano_progress_view_new (history);
  gtk_window_present (GTK_WINDOW (progress));
  check_tree ("Your Progress", bad);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (plano_progress_view_get_part (PLANO_PROGRESS_VIEW (progress), "stack")),
                                         "course");
  check_tree ("the course's checklist", bad);
  gtk_window_destroy (GTK_WINDOW (progress));
  plano_test_remove_dir (g_steal_pointer (&dir));

  plano_test_close_all_windows ();
  assert_clean (bad);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* GTK's own accessibility back end, which talks to the bus the screen reader listens on. */
  g_setenv ("GTK_A11Y", "atspi", TRUE);
  g_unsetenv ("NO_AT_BRIDGE");
  app = plano_test_init_app (&argc, &argv);

  g_test_add_func ("/plano/a11y-names/window", test_window_names);
  g_test_add_func ("/plano/a11y-names/dialogs", test_dialog_names);
  g_test_add_func ("/plano/a11y-names/feedback", test_feedback_names);

  status = g_test_run ();
  plano_test_finish_app (app);

  return status;
}
