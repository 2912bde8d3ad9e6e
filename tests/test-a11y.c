/* test-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with GTK's test accessibility back end: every control a person can reach
 * has a name a screen reader can say, and the canvas tells what is selected.
 */

#include "config.h"

#include "plano-test-utils.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "plano-application.h"
#include "plano-canvas.h"
#include "plano-format.h"
#include "plano-preferences-window.h"
#include "plano-progress-view.h"
#include "plano-report-view.h"
#include "plano-template-chooser.h"
#include "plano-tradeoff-editor.h"
#include "plano-window.h"

static PlanoApplication *app;

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Buttons are named by the text they show, a label or a label inside their content. */
static gboolean
shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && has_text (gtk_label_get_text (GTK_LABEL (widget))) &&
      gtk_widget_get_visible (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child))
      return TRUE;

  return FALSE;
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    return shows_text (widget);

  return FALSE;
}

/* The controls a person operates; the text field inside an entry or a spin button is the
 * entry's, which is checked instead. What the toolkit keeps from screen readers (the role
 * "none", as the arrows of a spin button have) is not a control of its own. */
static gboolean
is_control (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  if (GTK_IS_TEXT (widget) || role == GTK_ACCESSIBLE_ROLE_NONE ||
      role == GTK_ACCESSIBLE_ROLE_PRESENTATION)
    return FALSE;

  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SCALE (widget) ||
         GTK_IS_TEXT_VIEW (widget);
}

/* What is hidden for good, such as the switch of an expander row that has none, or kept hidden
 * by its parent, such as the apply button of an entry row that was not edited, is not
 * reachable; what is only scrolled away or in a closed side bar is. */
static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  /* The preferences window's own search, which Plano's preferences switch off. */
  if (GTK_IS_SEARCH_BAR (widget) && !gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (widget)))
    return;

  if (is_control (widget) && !has_accessible_name (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);
      GtkWidget *parent = gtk_widget_get_parent (widget);

      g_string_append_printf (unnamed, "\n  %s (in %s)%s%s", G_OBJECT_TYPE_NAME (widget),
                              parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "nothing",
                              tooltip != NULL ? ", tooltip " : "", tooltip != NULL ? tooltip : "");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *what)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  collect_unnamed (root, unnamed);
  if (unnamed->len > 0)
    g_printerr ("Controls without an accessible name in %s:%s\n", what, unnamed->str);
  g_assert_cmpstr (unnamed->str, ==, "");
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
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

/* Panels build their contents when first shown: show each page of the side bar once. */
static void
show_every_side_page (PlanoWindow *window)
{
  GtkWidget *switcher = plano_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK_SWITCHER);
  GtkStack *stack;
  g_autoptr(GtkSelectionModel) pages = NULL;
  g_autofree char *first = NULL;

  g_assert_nonnull (switcher);
  stack = gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher));
  first = g_strdup (gtk_stack_get_visible_child_name (stack));
  pages = gtk_stack_get_pages (stack);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      GtkStackPage *page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      gtk_stack_set_visible_child (stack, gtk_stack_page_get_child (page));
      g_object_unref (page);
      plano_test_iterate ();
    }
  gtk_stack_set_visible_child_name (stack, first);
  plano_test_iterate ();
}

/* The start page, the board with every panel open, whatever is selected. */
static void
test_window_named (void)
{
  PlanoWindow *window = plano_application_new_window (app);
  PlanoCanvas *canvas;

  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  assert_all_named (GTK_WIDGET (window), "the start page");
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_example ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-interview", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-properties", NULL));
  plano_test_iterate ();
  show_every_side_page (window);
  assert_all_named (GTK_WIDGET (window), "the board window");

  /* The inspector's controls for one component. */
  canvas = PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS));
  plano_canvas_select (canvas, "apps", FALSE);
  plano_test_iterate ();
  assert_all_named (GTK_WIDGET (window), "the board window with a component selected");

  plano_test_close_all_windows ();
}

static void
test_dialogs_named (void)
{
  PlanoWindow *window = open_example ();
  GtkWidget *preferences;
  GtkWindow *dialog;
  GtkWidget *editor;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  plano_test_iterate ();
  preferences = plano_test_find_shown (PLANO_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  assert_all_named (preferences, "the preferences");
  plano_test_close_dialog (preferences);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-template", NULL));
  plano_test_iterate ();
  dialog = GTK_WINDOW (gtk_widget_get_root (plano_test_find_widget (GTK_WIDGET (find_toplevel_of_type (ADW_TYPE_WINDOW)),
                                                                 PLANO_TYPE_TEMPLATE_CHOOSER)));
  assert_all_named (GTK_WIDGET (dialog), "the template chooser");
  gtk_window_destroy (dialog);

  editor = plano_tradeoff_editor_new (PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS)),
                                      NULL, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  plano_test_iterate ();
  assert_all_named (editor, "the trade-off editor");

  /* The feedback on a finished session, with its follow-ups answered or not. */
  {
    g_autoptr(PlanoInterview) interview = plano_interview_new ();
    GtkWidget *report;

    plano_interview_set_question (interview, "clickstream-analytics");
    plano_interview_start (interview, plano_window_get_board (window));
    plano_interview_set_answer (interview, 0, "Replay from the last checkpoint.");
    plano_interview_finish (interview);
    report = plano_report_view_new (interview, plano_window_get_board (window), NULL, NULL);
    gtk_window_present (GTK_WINDOW (report));
    plano_test_iterate ();
    assert_all_named (report, "the feedback");
  }

  /* Your Progress, both pages. */
  {
    g_autofree char *dir = g_dir_make_tmp ("plano-a11y-XXXXXX", NULL);
    g_autofree char *history = g_build_filename (dir, "history.jsonl", NULL);
    GtkWidget *progress;
    GtkWidget *stack;

    g_assert_true (g_file_set_contents (history,
                                        "{\"date\": \"2026-12-01T10:00:00Z\", \"ratings\": {\"requirements\": 2}, "
                                        "\"missed\": [\"olap\"]}\n", -1, NULL));
    progress = plano_progress_view_new (history);
    gtk_window_present (GTK_WINDOW (progress));
    plano_test_iterate ();
    assert_all_named (progress, "Your Progress");
    stack = plano_progress_view_get_part (PLANO_PROGRESS_VIEW (progress), "stack");
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "course");
    plano_test_iterate ();
    assert_all_named (progress, "the course's checklist");
    gtk_window_destroy (GTK_WINDOW (progress));
    plano_test_remove_dir (g_steal_pointer (&dir));
  }

  plano_test_close_all_windows ();
}

/* The canvas is one picture to assistive technologies; what is selected on it is its
 * description, so that a screen reader says it as the selection moves. */
static void
test_canvas_describes_selection (void)
{
  PlanoWindow *window = open_example ();
  PlanoCanvas *canvas = PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS));
  PlanoBoard *board = plano_window_get_board (window);
  const PlanoNode *node = plano_board_lookup_node (board, "apps");
  g_autofree char *expected = NULL;
  const PlanoKind *kind;

  g_assert_nonnull (node);
  kind = plano_catalog_lookup (node->kind);
  g_assert_nonnull (kind);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Board canvas");

  plano_canvas_select (canvas, "apps", FALSE);
  expected = g_strdup_printf ("%s: %s", plano_kind_get_name (kind), node->label);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       expected);

  /* Tab moves to the next item, and the description follows. */
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.select-next", "i", 1));
  {
    g_auto(GStrv) selection = plano_canvas_get_selection (canvas);
    const PlanoItem *item = plano_board_lookup (board, selection[0]);

    g_assert_cmpstr (selection[0], !=, "apps");
    if (item->type == PLANO_ITEM_NODE)
      {
        const PlanoNode *next = (const PlanoNode *) item;
        g_autofree char *said = NULL;

        said = next->label != NULL
               ? g_strdup_printf ("%s: %s", plano_kind_get_name (plano_catalog_lookup (next->kind)), next->label)
               : g_strdup (plano_kind_get_name (plano_catalog_lookup (next->kind)));
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas),
                                             GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said);
      }
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.select-all", NULL));
  {
    g_auto(GStrv) selection = plano_canvas_get_selection (canvas);
    g_autofree char *said = g_strdup_printf ("%u items selected", g_strv_length (selection));

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said);
  }

  plano_canvas_select (canvas, NULL, FALSE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");

  plano_test_close_all_windows ();
}

static guint
count_kind (PlanoBoard *board,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_NODE); i++)
    if (g_strcmp0 (((const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i))->kind, kind) == 0)
      n++;

  return n;
}

/* Every control can take the keyboard focus, itself or through the text field it holds. */
static gboolean
can_focus (GtkWidget *widget)
{
  if (gtk_widget_get_focusable (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (can_focus (child))
      return TRUE;

  return FALSE;
}

static void
collect_unfocusable (GtkWidget *widget,
                     GString   *found)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_sensitive (widget))
    return;
  if (GTK_IS_SEARCH_BAR (widget) && !gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (widget)))
    return;

  if (is_control (widget) && !can_focus (widget))
    g_string_append_printf (found, "\n  %s (in %s)", G_OBJECT_TYPE_NAME (widget),
                            G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unfocusable (child, found);
}

/* The keyboard alone: every control takes the focus; Ctrl+F reaches the components, typing
 * finds one and Enter places it on the board. */
static void
test_keyboard_alone (void)
{
  PlanoWindow *window = open_example ();
  PlanoBoard *board = plano_window_get_board (window);
  g_autoptr(GString) unfocusable = g_string_new (NULL);
  GtkWidget *focus;
  guint before = count_kind (board, "flink");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-interview", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-properties", NULL));
  plano_test_iterate ();
  collect_unfocusable (GTK_WIDGET (window), unfocusable);
  g_assert_cmpstr (unfocusable->str, ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-palette", NULL));
  plano_test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  focus = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (focus);

  gtk_editable_set_text (GTK_EDITABLE (focus), "flink");
  plano_test_iterate ();
  g_signal_emit_by_name (focus, "activate");
  plano_test_iterate ();
  g_assert_cmpuint (count_kind (board, "flink"), ==, before + 1);

  /* Tab walks the canvas's items; Ctrl+Tab, the window's focus move, leaves the canvas. */
  {
    GtkWidget *canvas = plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS);

    gtk_widget_grab_focus (canvas);
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == canvas);
    g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_false (focus == canvas);
  }

  plano_test_close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before GTK starts: the back end that lets a test read what assistive technologies get. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  app = plano_test_init_app (&argc, &argv);

  g_test_add_func ("/plano/a11y/window-named", test_window_named);
  g_test_add_func ("/plano/a11y/dialogs-named", test_dialogs_named);
  g_test_add_func ("/plano/a11y/canvas-describes-selection", test_canvas_describes_selection);
  g_test_add_func ("/plano/a11y/keyboard-alone", test_keyboard_alone);

  status = g_test_run ();
  plano_test_finish_app (app);

  return status;
}
