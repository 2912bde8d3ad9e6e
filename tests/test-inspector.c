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
#include "plano-review-panel.h"
#include "plano-calculator.h"

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
  g_assert_cmpuint (before, ==, 11);

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
  g_assert_cmpuint (result.kafka_partitions, ==, 1);
  g_assert_cmpstr (plano_calculator_get_value (calculator, "events"), ==,
                   "5\u00a0787/s on average, 17\u00a0361/s at peak");
  g_assert_cmpstr (plano_calculator_get_value (calculator, "ingest"), ==, "17.4 MB/s");
  g_assert_cmpstr (plano_calculator_get_value (calculator, "partitions"), ==, "1");

  notes = plano_calculator_get_notes (calculator);
  g_assert_nonnull (strstr (notes, "Storage: 500 GB a day, 182.5 TB a year"));

  g_object_unref (calculator);
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
  ADD ("edits-undoable", test_edits_undoable);
  ADD ("edge", test_edge);
  ADD ("several", test_several);
  ADD ("custom-props", test_custom_props);
  ADD ("review-panel", test_review_panel);
  ADD ("calculator", test_calculator);

#undef ADD

  status = g_test_run ();
  plano_test_finish_app (app);

  return status;
}
