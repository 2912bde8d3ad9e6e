/* test-inspector.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inspector under Xvfb: its fields follow the selection, and each edit is one undo step.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "plano-test-utils.h"

#include "plano-canvas.h"
#include "plano-format.h"
#include "plano-inspector.h"
#include "plano-board-summary.h"
#include "plano-review-panel.h"
#include "plano-calculator.h"
#include "plano-review.h"
#include "plano-tradeoff-editor.h"
#include "plano-tradeoff-list.h"
#include "plano-tradeoffs.h"

typedef struct
{
  GtkWidget      *window;
  PlanoCanvas    *canvas;
  PlanoInspector *inspector;
  PlanoBoard     *board;
  PlanoHistory   *history;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "realtime.plano", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  f->board = plano_format_read_file (path, NULL, &error);
  g_assert_no_error (error);
  f->history = plano_history_new (f->board);
  f->canvas = PLANO_CANVAS (plano_canvas_new ());
  f->inspector = PLANO_INSPECTOR (plano_inspector_new ());
  gtk_widget_set_size_request (GTK_WIDGET (f->inspector), 340, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->canvas));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->inspector));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  plano_canvas_set_history (f->canvas, f->history);
  plano_inspector_set_canvas (f->inspector, f->canvas);
  gtk_window_present (GTK_WINDOW (f->window));
  plano_test_iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  plano_test_iterate ();
  g_clear_object (&f->history);
  g_clear_object (&f->board);
}

static double
prop (Fixture    *f,
      const char *id,
      const char *name)
{
  const PlanoItem *item = plano_board_lookup (f->board, id);
  GArray *props = item->type == PLANO_ITEM_NODE ? ((const PlanoNode *) item)->props :
                  ((const PlanoEdge *) item)->props;
  double value = -1;

  plano_props_get_number (props, name, &value);
  return value;
}

/* The fields show the selected node: its label, kind and numbers (set or defaults). */
static void
test_shows_node (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *label, *kind, *replicas, *throughput;

  g_assert_null (plano_inspector_get_row (f->inspector, "label"));

  plano_canvas_select (f->canvas, "kafka", FALSE);
  label = plano_inspector_get_row (f->inspector, "label");
  kind = plano_inspector_get_row (f->inspector, "kind");
  replicas = plano_inspector_get_row (f->inspector, "replicas");
  throughput = plano_inspector_get_row (f->inspector, "throughput");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label)), ==, "Kafka: events, clicks, logs");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (kind))), ==, "Kafka");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (replicas)), ==, 3);
  /* Not set on the node: the catalog's default shows. */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (throughput)), ==, 100000);
}

/* Each edit is one undo step. */
static void
test_edits_undoable (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *replicas, *label, *kind;
  guint steps = plano_history_get_n_undo (f->history);

  plano_canvas_select (f->canvas, "flink", FALSE);
  replicas = plano_inspector_get_row (f->inspector, "replicas");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (replicas), 6);
  g_assert_cmpfloat (prop (f, "flink", "replicas"), ==, 6);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);

  label = plano_inspector_get_row (f->inspector, "label");
  gtk_editable_set_text (GTK_EDITABLE (label), "Enrichment");
  g_signal_emit_by_name (label, "apply");
  g_assert_cmpstr (plano_board_get_label (f->board, "flink"), ==, "Enrichment");
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 2);

  kind = plano_inspector_get_row (f->inspector, "kind");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), 15);   /* spark-streaming */
  g_assert_cmpstr (plano_board_lookup_node (f->board, "flink")->kind, ==, "spark-streaming");
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 3);

  plano_history_undo (f->history);
  plano_history_undo (f->history);
  plano_history_undo (f->history);
  g_assert_cmpfloat (prop (f, "flink", "replicas"), ==, 4);
  g_assert_cmpstr (plano_board_get_label (f->board, "flink"), ==, "Flink: enrich, aggregate, alert");
  g_assert_cmpstr (plano_board_lookup_node (f->board, "flink")->kind, ==, "flink");

  /* The fields follow the undo. */
  plano_test_iterate ();
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (plano_inspector_get_row (f->inspector, "replicas"))), ==, 4);
}

/* An edge shows its kind, rate and size. */
static void
test_edge (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *rate, *kind;

  plano_canvas_select (f->canvas, "e1", FALSE);
  rate = plano_inspector_get_row (f->inspector, "rate");
  kind = plano_inspector_get_row (f->inspector, "kind");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (rate)), ==, 50000);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (kind))), ==, "Stream");
  g_assert_null (plano_inspector_get_row (f->inspector, "replicas"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rate), 80000);
  g_assert_cmpfloat (prop (f, "e1", "rate"), ==, 80000);
}

static const char *
combo_item (GtkWidget *row,
            guint      position)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  return g_intern_string (gtk_string_object_get_string (item));
}

/* A connection's route: as the board's, or one of its own, each choice one undo step; its bend
 * points cleared in one more. The board's style, chosen in its outline, names the first choice. */
static void
test_edge_route (Fixture       *f,
                 gconstpointer  data)
{
  PlanoBoardSummary *summary = PLANO_BOARD_SUMMARY (plano_board_summary_new ());
  PlanoRenderer *renderer = plano_canvas_get_renderer (f->canvas);
  GtkWidget *route, *clear;
  const PlanoEdge *edge;
  guint steps = plano_history_get_n_undo (f->history);

  g_object_ref_sink (summary);
  plano_board_summary_set_board (summary, f->board);

  plano_canvas_select (f->canvas, "e9", FALSE);
  route = plano_inspector_get_row (f->inspector, "route");
  clear = plano_inspector_get_row (f->inspector, "clear-bends");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (route)), ==, 0);
  g_assert_cmpstr (combo_item (route, 0), ==, "Straight (Board)");
  g_assert_cmpstr (combo_item (route, 3), ==, "Curved");
  g_assert_true (gtk_widget_get_sensitive (clear));

  adw_combo_row_set_selected (ADW_COMBO_ROW (route), 3);
  edge = (const PlanoEdge *) plano_board_lookup (f->board, "e9");
  g_assert_cmpstr (edge->route, ==, "curved");
  g_assert_cmpint (plano_renderer_get_edge_route (renderer, "e9"), ==, PLANO_ROUTE_CURVED);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);

  g_signal_emit_by_name (clear, "clicked");
  edge = (const PlanoEdge *) plano_board_lookup (f->board, "e9");
  g_assert_null (edge->waypoints);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 2);
  plano_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (plano_inspector_get_row (f->inspector, "clear-bends")));

  /* Back to the board's style, which the outline makes orthogonal. */
  plano_history_undo (f->history);
  plano_history_undo (f->history);
  plano_test_iterate ();
  edge = (const PlanoEdge *) plano_board_lookup (f->board, "e9");
  g_assert_null (edge->route);
  g_assert_nonnull (edge->waypoints);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (plano_inspector_get_row (f->inspector, "route"))), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (plano_board_summary_get_route_row (summary)), PLANO_ROUTE_ORTHOGONAL);
  g_assert_cmpstr (plano_props_lookup (plano_board_get_props (f->board), "route")->string, ==, "orthogonal");
  g_assert_cmpint (plano_renderer_get_edge_route (renderer, "e9"), ==, PLANO_ROUTE_ORTHOGONAL);
  plano_test_iterate ();
  g_assert_cmpstr (combo_item (plano_inspector_get_row (f->inspector, "route"), 0), ==, "Orthogonal (Board)");

  plano_board_summary_set_board (summary, NULL);
  g_object_unref (summary);
}

/* Several nodes: a shared field changes all of them in one step. */
static void
test_several (Fixture       *f,
              gconstpointer  data)
{
  guint steps = plano_history_get_n_undo (f->history);

  plano_canvas_select (f->canvas, "redis", FALSE);
  plano_canvas_select (f->canvas, "druid", TRUE);
  plano_canvas_select (f->canvas, "es", TRUE);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (plano_inspector_get_row (f->inspector, "replicas")), 2);
  g_assert_cmpfloat (prop (f, "redis", "replicas"), ==, 2);
  g_assert_cmpfloat (prop (f, "druid", "replicas"), ==, 2);
  g_assert_cmpfloat (prop (f, "es", "replicas"), ==, 2);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);

  /* Mixed types share nothing to edit. */
  plano_canvas_select (f->canvas, "e1", TRUE);
  g_assert_null (plano_inspector_get_row (f->inspector, "replicas"));
}

/* Custom properties: added as name = value, removed with their button. */
static void
test_custom_props (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *add;
  const PlanoProp *p;

  plano_canvas_select (f->canvas, "lake", FALSE);
  add = plano_inspector_get_row (f->inspector, "add-prop");
  gtk_editable_set_text (GTK_EDITABLE (add), "format = delta");
  g_signal_emit_by_name (add, "apply");
  p = plano_props_lookup (plano_board_lookup_node (f->board, "lake")->props, "format");
  g_assert_nonnull (p);
  g_assert_cmpint (p->type, ==, PLANO_VALUE_STRING);
  g_assert_cmpstr (p->string, ==, "delta");

  add = plano_inspector_get_row (f->inspector, "add-prop");
  gtk_editable_set_text (GTK_EDITABLE (add), "retention_days = 30");
  g_signal_emit_by_name (add, "apply");
  p = plano_props_lookup (plano_board_lookup_node (f->board, "lake")->props, "retention_days");
  g_assert_cmpint (p->type, ==, PLANO_VALUE_NUMBER);
  g_assert_cmpfloat (p->number, ==, 30);
}

/* The review panel lists the findings, selects a finding's items on the canvas, and follows
 * the board a moment after it changes.
 */
static void
test_review_panel (Fixture       *f,
                   gconstpointer  data)
{
  PlanoReviewPanel *panel = PLANO_REVIEW_PANEL (plano_review_panel_new ());
  g_auto(GStrv) selection = NULL;
  PlanoProp replicas = { (char *) "replicas", PLANO_VALUE_NUMBER, 2, NULL, FALSE };
  guint before;
  gint64 start;

  g_object_ref_sink (panel);
  plano_review_panel_set_canvas (panel, f->canvas);
  before = plano_review_panel_get_n_rows (panel);
  g_assert_cmpuint (before, ==, 13);

  /* The first finding: Druid is a bottleneck. */
  plano_review_panel_activate_row (panel, 0);
  selection = plano_canvas_get_selection (f->canvas);
  g_assert_cmpstrv (selection, ((const char *[]) { "druid", NULL }));

  /* Two Druid replicas: no bottleneck, no single point of failure, no missing buffer. */
  plano_board_set_prop (f->board, "druid", &replicas);
  g_assert_cmpuint (plano_review_panel_get_n_rows (panel), ==, before);
  start = g_get_monotonic_time ();
  while (plano_review_panel_get_n_rows (panel) == before && g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
    plano_test_iterate ();
  g_assert_cmpuint (plano_review_panel_get_n_rows (panel), ==, before - 3);

  plano_review_panel_set_canvas (panel, NULL);
  g_object_unref (panel);
}

/* A row whose title contains @text, anywhere under @widget. */
static gboolean
has_row_titled (GtkWidget  *widget,
                const char *text)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_row_titled (child, text))
      return TRUE;

  return FALSE;
}

/* On a board with hundreds of findings the panel lists the 200 worst and says how many more
 * there are, instead of building a row for each.
 */
static void
test_review_panel_many (Fixture       *f,
                        gconstpointer  data)
{
  PlanoReviewPanel *panel = PLANO_REVIEW_PANEL (plano_review_panel_new ());
  PlanoProp rate = { (char *) "rate", PLANO_VALUE_NUMBER, 1e6, NULL, FALSE };
  g_autoptr(PlanoReview) review = NULL;
  guint n_findings;
  g_autofree char *more = NULL;

  g_object_ref_sink (panel);
  for (guint i = 0; i < 150; i++)
    {
      /* Copies: setting a prop replaces the node. */
      g_autofree char *app = g_strdup (plano_board_add_node (f->board, "app", i * 200.0, 2000)->item.id);
      g_autofree char *db = g_strdup (plano_board_add_node (f->board, "postgres", i * 200.0, 2200)->item.id);

      plano_board_set_prop (f->board, app, &rate);
      g_assert_nonnull (plano_board_add_edge (f->board, app, db, NULL, NULL));
    }

  review = plano_review_new (f->board, NULL);
  n_findings = plano_review_get_findings (review)->len;
  g_assert_cmpuint (n_findings, >, 300);

  plano_review_panel_set_canvas (panel, f->canvas);
  plano_review_panel_refresh (panel);
  g_assert_cmpuint (plano_review_panel_get_n_rows (panel), ==, 201);
  more = g_strdup_printf ("%u more findings, less severe", n_findings - 200);
  g_assert_true (has_row_titled (GTK_WIDGET (panel), more));

  plano_review_panel_set_canvas (panel, NULL);
  g_object_unref (panel);
}

/* The calculator panel shows the worked example's numbers as the inputs change. */
static void
test_calculator (Fixture       *f,
                 gconstpointer  data)
{
  PlanoCalculator *calculator = PLANO_CALCULATOR (plano_calculator_new ());
  PlanoCapacityInput input;
  PlanoCapacityResult result;
  g_autofree char *notes = NULL;

  g_object_ref_sink (calculator);
  plano_capacity_input_init (&input);
  input.daily_active_users = 10e6;
  input.events_per_user = 50;
  input.event_bytes = 1000;
  input.peak_factor = 3;
  plano_calculator_set_input (calculator, &input);

  plano_calculator_get_result (calculator, &result);
  g_assert_cmpuint (result.kafka_partitions, ==, 6);
  g_assert_cmpstr (plano_calculator_get_value (calculator, "events"), ==,
                   "5\u00a0787/s on average, 17\u00a0361/s at peak");
  g_assert_cmpstr (plano_calculator_get_value (calculator, "ingest"), ==, "17.4 MB/s");
  g_assert_cmpstr (plano_calculator_get_value (calculator, "partitions"), ==,
                   "6, for 17.4 MB/s at 10 MB/s a partition, with 3× headroom");

  notes = plano_calculator_get_notes (calculator);
  g_assert_nonnull (strstr (notes, "Storage: 500 GB a day, 182.5 TB a year"));

  g_object_unref (calculator);
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_view_text (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* A trade-off on Kafka from the batch-vs-streaming preset: every field reaches the board in one
 * undoable step; editing and deleting are undoable too; Cancel changes nothing.
 */
static void
test_tradeoff_editor (Fixture       *f,
                      gconstpointer  data)
{
  PlanoTradeoffEditor *editor;
  const PlanoTradeoff *tradeoff = NULL;
  g_autofree char *alternatives = NULL;
  g_autofree char *id = NULL;
  guint before = plano_board_get_n_items (f->board, PLANO_ITEM_TRADEOFF);
  GtkWidget *add_row;

  /* The inspector offers to add one about the selected node. */
  plano_canvas_select (f->canvas, "kafka", FALSE);
  plano_test_iterate ();
  add_row = plano_inspector_get_row (f->inspector, "add-tradeoff");
  g_assert_nonnull (add_row);

  editor = PLANO_TRADEOFF_EDITOR (plano_tradeoff_editor_new (f->canvas, NULL, "kafka"));
  gtk_window_present (GTK_WINDOW (editor));
  plano_test_iterate ();

  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (plano_tradeoff_editor_get_row (editor, "hint"))),
                            "For Kafka, weigh durability"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (plano_tradeoff_editor_get_row (editor, "title"))), ==,
                   "Why Kafka: events, clicks, logs");

  /* The preset replaces the title the editor made up, and fills the alternatives. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (plano_tradeoff_editor_get_row (editor, "preset")), 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (plano_tradeoff_editor_get_row (editor, "title"))), ==,
                   "Batch vs streaming");
  alternatives = view_text (plano_tradeoff_editor_get_row (editor, "alternatives"));
  g_assert_cmpstr (alternatives, ==, "Batch\nStreaming");

  gtk_editable_set_text (GTK_EDITABLE (plano_tradeoff_editor_get_row (editor, "choice")), "Streaming");
  set_view_text (plano_tradeoff_editor_get_row (editor, "pros"), "seconds of freshness\n\nreplay ");
  set_view_text (plano_tradeoff_editor_get_row (editor, "cons"), "state to operate");
  set_view_text (plano_tradeoff_editor_get_row (editor, "rationale"), "Fraud must be caught within seconds.");
  g_assert_true (plano_tradeoff_editor_save (editor));
  plano_test_iterate ();

  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_TRADEOFF), ==, before + 1);
  tradeoff = (const PlanoTradeoff *) plano_board_get_item (f->board, PLANO_ITEM_TRADEOFF, before);
  id = g_strdup (tradeoff->item.id);
  g_assert_cmpstr (tradeoff->target, ==, "kafka");
  g_assert_cmpstr (tradeoff->title, ==, "Batch vs streaming");
  g_assert_cmpstr (tradeoff->choice, ==, "Streaming");
  g_assert_cmpstrv (tradeoff->alternatives, ((const char *[]) { "Batch", "Streaming", NULL }));
  g_assert_cmpstrv (tradeoff->pros, ((const char *[]) { "seconds of freshness", "replay", NULL }));
  g_assert_cmpstrv (tradeoff->cons, ((const char *[]) { "state to operate", NULL }));
  g_assert_cmpstr (tradeoff->rationale, ==, "Fraud must be caught within seconds.");
  g_assert_cmpstr (plano_history_get_undo_label (f->history), ==, "Add Trade-off");

  /* The inspector lists it under Kafka now. */
  g_assert_nonnull (plano_inspector_get_row (f->inspector, "add-tradeoff"));

  /* Edit: the fields come back, and a change is one more step. */
  editor = PLANO_TRADEOFF_EDITOR (plano_tradeoff_editor_new (f->canvas, id, NULL));
  gtk_window_present (GTK_WINDOW (editor));
  plano_test_iterate ();
  g_assert_false (gtk_widget_get_visible (plano_tradeoff_editor_get_row (editor, "preset")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (plano_tradeoff_editor_get_row (editor, "choice"))), ==, "Streaming");
  gtk_editable_set_text (GTK_EDITABLE (plano_tradeoff_editor_get_row (editor, "choice")), "Micro-batch");
  g_assert_true (plano_tradeoff_editor_save (editor));
  plano_test_iterate ();
  g_assert_cmpstr (((const PlanoTradeoff *) plano_board_lookup (f->board, id))->choice, ==, "Micro-batch");
  g_assert_cmpstr (plano_history_get_undo_label (f->history), ==, "Edit Trade-off");
  plano_history_undo (f->history);
  g_assert_cmpstr (((const PlanoTradeoff *) plano_board_lookup (f->board, id))->choice, ==, "Streaming");

  /* Cancel: nothing changes. */
  editor = PLANO_TRADEOFF_EDITOR (plano_tradeoff_editor_new (f->canvas, id, NULL));
  gtk_window_present (GTK_WINDOW (editor));
  plano_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (plano_tradeoff_editor_get_row (editor, "choice")), "Batch");
  gtk_window_close (GTK_WINDOW (editor));
  plano_test_iterate ();
  g_assert_cmpstr (((const PlanoTradeoff *) plano_board_lookup (f->board, id))->choice, ==, "Streaming");

  /* Delete, then undo. */
  editor = PLANO_TRADEOFF_EDITOR (plano_tradeoff_editor_new (f->canvas, id, NULL));
  gtk_window_present (GTK_WINDOW (editor));
  plano_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  plano_test_iterate ();
  g_assert_null (plano_board_lookup (f->board, id));
  plano_history_undo (f->history);
  g_assert_nonnull (plano_board_lookup (f->board, id));
  plano_history_undo (f->history);
  g_assert_null (plano_board_lookup (f->board, id));
}

/* The list: every trade-off, a filter, and activating one selects what it is about. */
static void
test_tradeoff_list (Fixture       *f,
                    gconstpointer  data)
{
  PlanoTradeoffList *list = PLANO_TRADEOFF_LIST (plano_tradeoff_list_new ());
  GtkWidget *search;
  g_auto(GStrv) selection = NULL;
  g_autoptr(GError) error = NULL;
  PlanoTradeoff *wide;

  g_object_ref_sink (list);
  plano_tradeoff_list_set_canvas (list, f->canvas);
  g_assert_cmpuint (plano_tradeoff_list_get_n_rows (list), ==, 3);

  search = plano_tradeoff_list_get_search_entry (list);
  gtk_editable_set_text (GTK_EDITABLE (search), "SPARK");
  plano_tradeoff_list_refresh (list);
  g_assert_cmpuint (plano_tradeoff_list_get_n_rows (list), ==, 1);
  plano_tradeoff_list_activate_row (list, 0);
  selection = plano_canvas_get_selection (f->canvas);
  g_assert_cmpstrv (selection, ((const char *[]) { "flink", NULL }));

  gtk_editable_set_text (GTK_EDITABLE (search), "nothing like this");
  plano_tradeoff_list_refresh (list);
  g_assert_cmpuint (plano_tradeoff_list_get_n_rows (list), ==, 0);

  /* A new one shows up as soon as the board has it. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  plano_tradeoff_list_refresh (list);
  wide = plano_tradeoff_new (f->board, NULL, plano_tradeoff_lookup_preset ("cost-performance"));
  plano_history_begin (f->history, "Add Trade-off");
  g_assert_true (plano_board_add_item (f->board, (PlanoItem *) wide, &error));
  plano_history_commit (f->history);
  g_assert_cmpuint (plano_tradeoff_list_get_n_rows (list), ==, 4);
  plano_history_undo (f->history);
  g_assert_cmpuint (plano_tradeoff_list_get_n_rows (list), ==, 3);

  plano_tradeoff_list_set_canvas (list, NULL);
  g_object_unref (list);
}

/* The failure drill: Flink marked down from the canvas, undoably; the review says what goes
 * stale and the inspector's switch follows.
 */
static void
test_mark_down (Fixture       *f,
                gconstpointer  data)
{
  PlanoReviewPanel *panel = PLANO_REVIEW_PANEL (plano_review_panel_new ());
  g_autoptr(PlanoReview) review = NULL;
  g_autoptr(GHashTable) stale = NULL;
  const PlanoFinding *finding;
  GtkWidget *toggle;

  g_object_ref_sink (panel);
  plano_review_panel_set_canvas (panel, f->canvas);

  plano_canvas_select (f->canvas, "flink", FALSE);
  plano_test_iterate ();
  toggle = plano_inspector_get_row (f->inspector, "down");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->canvas)));

  g_assert_cmpuint (plano_canvas_set_selection_down (f->canvas, TRUE), ==, 1);
  g_assert_cmpstr (plano_history_get_undo_label (f->history), ==, "Mark as Down");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (plano_inspector_get_row (f->inspector, "down"))));

  review = plano_review_new (f->board, NULL);
  finding = g_ptr_array_index (plano_review_get_findings (review), 0);
  g_assert_cmpstr (finding->rule, ==, "down");
  g_assert_nonnull (strstr (finding->message, "Redis (hot), Druid (OLAP), Elasticsearch (search)"));
  stale = plano_review_find_stale (f->board);
  g_assert_true (g_hash_table_contains (stale, "redis"));
  g_assert_true (g_hash_table_contains (stale, "druid"));
  g_assert_false (g_hash_table_contains (stale, "kafka"));

  plano_review_panel_refresh (panel);
  plano_review_panel_activate_row (panel, 0);
  {
    g_auto(GStrv) selection = plano_canvas_get_selection (f->canvas);

    g_assert_true (g_strv_contains ((const char * const *) selection, "flink"));
    g_assert_true (g_strv_contains ((const char * const *) selection, "redis"));
  }

  /* Back up through the switch, then undo that. */
  plano_canvas_select (f->canvas, "flink", FALSE);
  plano_test_iterate ();
  gtk_switch_set_active (GTK_SWITCH (plano_inspector_get_row (f->inspector, "down")), FALSE);
  g_assert_null (plano_props_lookup (plano_board_lookup_node (f->board, "flink")->props, "down"));
  plano_history_undo (f->history);
  g_assert_nonnull (plano_props_lookup (plano_board_lookup_node (f->board, "flink")->props, "down"));
  plano_history_undo (f->history);
  g_assert_null (plano_props_lookup (plano_board_lookup_node (f->board, "flink")->props, "down"));

  plano_review_panel_set_canvas (panel, NULL);
  g_object_unref (panel);
}

/* The board's p99 target, typed in the outline, is one undoable change that the review uses. */
static void
test_latency_target (Fixture       *f,
                     gconstpointer  data)
{
  PlanoBoardSummary *summary = PLANO_BOARD_SUMMARY (plano_board_summary_new ());
  GtkWidget *spin;
  g_autoptr(PlanoReview) review = NULL;
  GPtrArray *findings;
  gboolean slow = FALSE;
  double target = 0;

  g_object_ref_sink (summary);
  /* The p99 target is for requests: the reports query the lake. */
  g_assert_nonnull (plano_board_add_edge (f->board, "reports", "lake", "request", NULL));
  plano_board_summary_set_board (summary, f->board);
  spin = plano_board_summary_get_target_spin (summary);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 0);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 100);
  g_assert_true (plano_props_get_number (plano_board_get_props (f->board), "p99_ms", &target));
  g_assert_cmpfloat (target, ==, 100);

  review = plano_review_new (f->board, NULL);
  findings = plano_review_get_findings (review);
  for (guint i = 0; i < findings->len; i++)
    slow |= g_str_equal (((const PlanoFinding *) g_ptr_array_index (findings, i))->rule, "path-latency");
  g_assert_true (slow);

  plano_history_undo (f->history);
  g_assert_null (plano_board_get_props (f->board));
  plano_test_iterate ();
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 0);

  plano_board_summary_set_board (summary, NULL);
  g_object_unref (summary);
}

/* The action rows under @widget, in order. */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static gboolean
has_row (GPtrArray  *rows,
         const char *title,
         const char *subtitle)
{
  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);

      if ((title == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0) &&
          (subtitle == NULL || g_strcmp0 (adw_action_row_get_subtitle (row), subtitle) == 0))
        return TRUE;
    }

  return FALSE;
}

/* While a component is dragged, the outline and the trade-off list keep their rows as they are
 * (making them again at every motion of the pointer took longer than a frame); what they say
 * follows a rename at once. */
static void
test_lists_follow_edits (Fixture       *f,
                         gconstpointer  data)
{
  PlanoBoardSummary *summary = PLANO_BOARD_SUMMARY (plano_board_summary_new ());
  PlanoTradeoffList *list = PLANO_TRADEOFF_LIST (plano_tradeoff_list_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  g_autoptr(GPtrArray) during = g_ptr_array_new ();
  g_autoptr(GPtrArray) after = g_ptr_array_new ();
  const char *ids[] = { "flink", NULL };

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (summary));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (list));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 900);
  plano_board_summary_set_board (summary, f->board);
  plano_tradeoff_list_set_canvas (list, f->canvas);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  collect_rows (box, before);
  g_assert_true (has_row (before, "Flink: enrich, aggregate, alert", NULL));
  g_assert_true (has_row (before, "Flink or Spark Structured Streaming", NULL));

  plano_history_begin (f->history, "Move");
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (plano_board_move_items (f->board, ids, 12, 4));
      plano_test_iterate ();
    }
  plano_history_commit (f->history);
  collect_rows (box, during);
  g_assert_cmpuint (during->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (g_ptr_array_index (during, i) == g_ptr_array_index (before, i));

  plano_history_begin (f->history, "Rename");
  g_assert_true (plano_board_set_label (f->board, "flink", "Flink jobs"));
  plano_history_commit (f->history);
  plano_test_iterate ();
  collect_rows (box, after);
  g_assert_true (has_row (after, "Flink jobs", NULL));
  g_assert_false (has_row (after, "Flink: enrich, aggregate, alert", NULL));
  g_assert_true (has_row (after, "Flink or Spark Structured Streaming", NULL));
  /* The trade-off list says what each trade-off is about. */
  {
    gboolean about = FALSE;

    for (guint i = 0; i < after->len; i++)
      about |= g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (after, i)),
                          "Flink or Spark Structured Streaming") == 0 &&
               strstr (adw_action_row_get_subtitle (g_ptr_array_index (after, i)), "About Flink jobs") != NULL;
    g_assert_true (about);
  }

  plano_board_summary_set_board (summary, NULL);
  plano_tradeoff_list_set_canvas (list, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A text item: its text and its size, Small, Normal or Large; the box follows, in one step. */
static void
test_text_size (Fixture       *f,
                gconstpointer  data)
{
  const char *id = plano_canvas_add_kind (f->canvas, "text", 0, 0);
  g_autofree char *text_id = g_strdup (id);
  const PlanoText *text;
  GtkWidget *size, *label;
  double h;
  guint steps;

  plano_canvas_end_edit (f->canvas, TRUE);
  plano_canvas_select (f->canvas, text_id, FALSE);
  plano_test_iterate ();

  label = plano_inspector_get_row (f->inspector, "label");
  size = plano_inspector_get_row (f->inspector, "kind");
  g_assert_nonnull (label);
  g_assert_true (ADW_IS_COMBO_ROW (size));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (size)), ==, "Size");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (size)), ==, 1);   /* normal */

  text = (const PlanoText *) plano_board_lookup (f->board, text_id);
  h = text->h;
  steps = plano_history_get_n_undo (f->history);

  adw_combo_row_set_selected (ADW_COMBO_ROW (size), 2);   /* large */
  text = (const PlanoText *) plano_board_lookup (f->board, text_id);
  g_assert_cmpstr (text->size, ==, "large");
  g_assert_cmpfloat (text->h, >, h);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);

  adw_combo_row_set_selected (ADW_COMBO_ROW (size), 1);   /* normal: said by saying nothing */
  text = (const PlanoText *) plano_board_lookup (f->board, text_id);
  g_assert_null (text->size);
  g_assert_cmpfloat (text->h, ==, h);

  gtk_editable_set_text (GTK_EDITABLE (label), "Serving layer");
  g_signal_emit_by_name (label, "apply");
  g_assert_cmpstr (plano_board_get_label (f->board, text_id), ==, "Serving layer");
}

int
main (int   argc,
      char *argv[])
{
  PlanoApplication *app = plano_test_init_app (&argc, &argv);
  int status;

#define ADD(name, func) \
  g_test_add ("/plano/inspector/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("shows-node", test_shows_node);
  ADD ("text-size", test_text_size);
  ADD ("edits-undoable", test_edits_undoable);
  ADD ("edge", test_edge);
  ADD ("edge-route", test_edge_route);
  ADD ("several", test_several);
  ADD ("custom-props", test_custom_props);
  ADD ("review-panel", test_review_panel);
  ADD ("review-panel-many", test_review_panel_many);
  ADD ("calculator", test_calculator);
  ADD ("tradeoff-editor", test_tradeoff_editor);
  ADD ("tradeoff-list", test_tradeoff_list);
  ADD ("mark-down", test_mark_down);
  ADD ("lists-follow-edits", test_lists_follow_edits);
  ADD ("latency-target", test_latency_target);

#undef ADD

  status = g_test_run ();
  plano_test_finish_app (app);

  return status;
}
