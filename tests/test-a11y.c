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

#include "plano-a11y.h"
#include "plano-application.h"
#include "plano-board-summary.h"
#include "plano-canvas.h"
#include "plano-interview-panel.h"
#include "plano-palette.h"
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
 * description, so that a screen reader says it as the selection moves: its place among the
 * items, its kind and label, its zone, its connections in and out with their kinds and labels,
 * its trade-offs and whether it is down. With nothing selected it says how to work it. */
#define HINT "23 items. Page Down and Page Up walk the items, the arrow keys move the selection, " \
             "C connects it, Ctrl+Shift+O shows the outline, Tab leaves the canvas."

static void
test_canvas_describes_selection (void)
{
  PlanoWindow *window = plano_application_new_window (app);
  PlanoCanvas *canvas;
  PlanoBoard *board;

  g_assert_true (plano_window_new_from_template (window, "realtime-analytics"));
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();
  canvas = PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS));
  board = plano_window_get_board (window);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Board canvas");

  plano_canvas_select (canvas, NULL, FALSE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, HINT);

  /* A connection names its kind, both ends and its label; a component its kind and label, its
   * place, its zone, its connections in and out, its trade-offs and its down state. */
  plano_canvas_select (canvas, "kafka-lake", FALSE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Connection, batch, from Kafka topics: events, clicks, logs to "
                                       "Data lake (S3/Delta), labelled raw, 19 of 23");
  plano_canvas_select (canvas, "kafka", FALSE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Kafka: Kafka topics: events, clicks, logs, 4 of 23; in: stream from Sources; "
                                       "out: stream to Flink jobs: enrich, aggregate, alert, batch to Data lake (S3/Delta), "
                                       "labelled raw; 1 trade-off");
  plano_canvas_select (canvas, "redis", FALSE);
  g_assert_cmpuint (plano_canvas_set_selection_down (canvas, TRUE), ==, 1);
  plano_canvas_select (canvas, "redis", FALSE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Redis: Redis (hot), 6 of 23; in zone Serving layer; marked down");

  /* Page Down walks on; the arrow keys move, and the move is said. */
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.select-next", "i", 1));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Druid: Druid (OLAP), 7 of 23; in zone Serving layer");
  {
    const PlanoNode *druid;
    g_autofree char *said = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.nudge", "(dd)", 20.0, 0.0));
    druid = plano_board_lookup_node (board, "druid");
    said = g_strdup_printf ("Moved Druid (OLAP) to %.0f, %.0f. Druid: Druid (OLAP), 7 of 23; in zone Serving layer",
                            druid->x, druid->y);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said);
  }

  /* Connecting from the keyboard: C, Page Down or Tab to pick the target, Enter. */
  plano_canvas_select (canvas, "reports", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.connect", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.edit", NULL));
  {
    g_auto(GStrv) selection = plano_canvas_get_selection (canvas);
    const PlanoEdge *edge = (const PlanoEdge *) plano_board_lookup (board, selection[0]);
    g_autofree char *prefix = NULL;

    g_assert_nonnull (edge);
    g_assert_cmpint (edge->item.type, ==, PLANO_ITEM_EDGE);
    prefix = g_strdup_printf ("Connected Reports to %s. Connection, flow, from Reports to %s, 24 of 24",
                              plano_board_get_label (board, edge->to), plano_board_get_label (board, edge->to));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, prefix);
  }

  /* A delete is said, with the way back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.delete", NULL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Deleted the connection from Reports to Apps; Ctrl+Z brings it back. " HINT);

  /* Tab leaves the canvas, forwards and backwards. */
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
  g_assert_false (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (canvas));
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_BACKWARD);
  g_assert_false (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (canvas));

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

  /* Tab, the window's focus move, leaves the canvas. */
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

/* Sends @keyval to the key controller @widget has, as GTK does for a key press. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }

  return handled;
}

/* The palette's 54 components are one stop for Tab: in from the search, out at the next Tab;
 * the arrow keys move between them. */
static void
test_palette_one_stop (void)
{
  PlanoWindow *window = open_example ();
  GtkWidget *list;
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-palette", NULL));
  plano_test_iterate ();
  list = plano_test_find_widget (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_PALETTE),
                                 GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);

  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, list));

  g_assert_true (press_key (list, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (focus == list || gtk_widget_is_ancestor (focus, list));

  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_BACKWARD);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, list));
  g_assert_true (press_key (list, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));

  plano_test_close_all_windows ();
}

/* Closing a side bar or a dialog gives the focus back; Ctrl+Shift+O reaches the outline. */
static void
test_focus_returns (void)
{
  PlanoWindow *window = open_example ();
  GtkWidget *canvas = plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS);
  GtkWidget *panel = plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_INTERVIEW_PANEL);
  GtkWidget *preferences;
  GtkWidget *focus;

  gtk_widget_grab_focus (canvas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-interview", NULL));
  plano_test_iterate ();
  g_assert_true (gtk_widget_grab_focus (plano_interview_panel_get_part (PLANO_INTERVIEW_PANEL (panel), "start")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-interview", NULL));
  plano_test_iterate ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == canvas);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  plano_test_iterate ();
  preferences = plano_test_find_shown (PLANO_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  plano_test_close_dialog (preferences);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == canvas);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-outline", NULL));
  plano_test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, PLANO_TYPE_BOARD_SUMMARY));

  plano_test_close_all_windows ();
}

static gint64 fake_now = G_GINT64_CONSTANT (7000) * G_USEC_PER_SEC;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static void
assert_announced (PlanoWindow *window,
                  const char  *expected)
{
  GtkWidget *announcer = NULL;

  /* The announcer, found by its name. */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, window);
    while (stack->len > 0 && announcer == NULL)
      {
        GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

        if (g_strcmp0 (gtk_widget_get_name (widget), "plano-announcer") == 0)
          announcer = widget;
        for (GtkWidget *child = gtk_widget_get_first_child (widget);
             child != NULL;
             child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (stack, child);
      }
  }
  g_assert_nonnull (announcer);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (announcer), GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (announcer), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_assert_cmpstr (plano_a11y_get_announced (GTK_WIDGET (window)), ==, expected);
}

/* The session says what happens to it: started, the last minute, each step, paused; the
 * countdown's name is the time left in words, with its step. */
static void
test_timer_announced (void)
{
  PlanoWindow *window = open_example ();
  PlanoInterviewPanel *panel;
  PlanoInterview *interview;
  GtkWidget *countdown;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-interview", NULL));
  plano_test_iterate ();
  panel = PLANO_INTERVIEW_PANEL (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_INTERVIEW_PANEL));
  interview = plano_interview_panel_get_interview (panel);
  plano_interview_set_clock (interview, fake_clock, NULL);
  countdown = plano_interview_panel_get_part (panel, "countdown");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.interview-start-pause", NULL));
  plano_test_iterate ();
  assert_announced (window, "Interview started: 5 minutes left in Requirements");

  fake_now += 4 * 60 * G_USEC_PER_SEC + 5 * G_USEC_PER_SEC;
  plano_interview_tick (interview);
  plano_interview_panel_update (panel);
  assert_announced (window, "One minute left in Requirements");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (countdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "55 seconds left in Requirements");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.interview-next", NULL));
  plano_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.interview-next", NULL));
  plano_test_iterate ();
  assert_announced (window, "Step 3 of 6: High-level design, 10 minutes");

  fake_now += 3 * 60 * G_USEC_PER_SEC + 32 * G_USEC_PER_SEC;
  plano_interview_tick (interview);
  plano_interview_panel_update (panel);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (countdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "6 minutes 28 seconds left in High-level design");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.interview-start-pause", NULL));
  plano_test_iterate ();
  assert_announced (window, "Interview paused: 6 minutes 28 seconds left in High-level design");


  /* The timeline in words, and each step's notes named after it. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (plano_interview_panel_get_part (panel, "timeline")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Requirements: 4 minutes 5 seconds spent of 5 minutes; "
                                       "Capacity estimation: 0 seconds spent of 5 minutes; "
                                       "High-level design: 3 minutes 32 seconds spent of 10 minutes; "
                                       "Detailed design: 0 seconds spent of 15 minutes; "
                                       "Scalability and reliability: 0 seconds spent of 10 minutes; "
                                       "Trade-offs: 0 seconds spent of 5 minutes");
  {
    static const char * const names[] = {
      "Notes on Requirements", "Notes on Capacity estimation", "Notes on High-level design",
      "Notes on Detailed design", "Notes on Scalability and reliability", "Notes on Trade-offs",
    };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *part = g_strdup_printf ("notes-%u", i);

        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (plano_interview_panel_get_part (panel, part)),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL, names[i]);
      }
  }

  /* A curveball, and the end of a step with the session staying on it: toasts, which are said
   * (by libadwaita itself since 1.6). */
  g_signal_emit_by_name (plano_interview_panel_get_part (panel, "curveball"), "clicked");
  plano_test_iterate ();
  g_assert_cmpuint (plano_interview_get_n_curveballs_drawn (interview), ==, 1);
#if !ADW_CHECK_VERSION (1, 6, 0) || !GTK_CHECK_VERSION (4, 14, 0)
  {
    const PlanoCurveball *curveball = plano_interview_get_curveball_drawn (interview, 0, NULL, NULL);
    g_autofree char *said = g_strdup_printf ("Curveball: %s", curveball->title);

    assert_announced (window, said);
  }
#endif
  plano_interview_set_auto_advance (interview, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.interview-start-pause", NULL));
  plano_test_iterate ();
  fake_now += 6 * 60 * G_USEC_PER_SEC + 40 * G_USEC_PER_SEC;
  plano_interview_tick (interview);
  plano_interview_panel_update (panel);
  plano_test_iterate ();
  g_assert_cmpint (plano_interview_get_step (interview), ==, 2);
#if !ADW_CHECK_VERSION (1, 6, 0) || !GTK_CHECK_VERSION (4, 14, 0)
  assert_announced (window, "Time is up for High-level design");
#endif
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.interview-start-pause", NULL));
  plano_test_iterate ();

  /* A toast is said too (by libadwaita itself since 1.6). */
  plano_canvas_select (PLANO_CANVAS (plano_test_find_widget (GTK_WIDGET (window), PLANO_TYPE_CANVAS)), "apps", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-image", NULL));
  plano_test_iterate ();
#if !ADW_CHECK_VERSION (1, 6, 0) || !GTK_CHECK_VERSION (4, 14, 0)
  assert_announced (window, "Selection copied as an image");
#endif

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
  g_test_add_func ("/plano/a11y/timer-announced", test_timer_announced);
  g_test_add_func ("/plano/a11y/focus-returns", test_focus_returns);
  g_test_add_func ("/plano/a11y/palette-one-stop", test_palette_one_stop);

  status = g_test_run ();
  plano_test_finish_app (app);

  return status;
}
