/* test-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whiteboard under Xvfb: what a drop, a drag, a connection, a rubber band, a label edit
 * and a delete do to the board and its history.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "plano-test-utils.h"

#include <adwaita.h>
#include <math.h>

#include "plano-canvas-private.h"
#include "plano-format.h"

typedef struct
{
  GtkWidget    *window;
  PlanoCanvas  *canvas;
  PlanoBoard   *board;
  PlanoHistory *history;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->board = plano_board_new ();
  f->history = plano_history_new (f->board);
  f->canvas = PLANO_CANVAS (plano_canvas_new ());
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->canvas));
  plano_canvas_set_history (f->canvas, f->history);
  plano_canvas_set_snap (f->canvas, FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  plano_test_iterate ();

  /* A known view: 100 % with the canvas origin at the widget's top-left corner. */
  plano_canvas_set_zoom (f->canvas, 1);
  plano_canvas_fit (f->canvas);
  g_assert_cmpfloat (plano_canvas_get_zoom (f->canvas), ==, 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  plano_test_iterate ();
  g_clear_object (&f->history);
  g_assert_finalize_object (f->board);
}

/* Canvas point → widget point. */
static void
to_widget (Fixture *f,
           double   x,
           double   y,
           double  *wx,
           double  *wy)
{
  plano_canvas_canvas_to_widget (f->canvas, x, y, wx, wy);
}

static const PlanoNode *
add_node_at (Fixture    *f,
             const char *kind,
             double      x,
             double      y)
{
  double wx, wy;
  g_auto(GStrv) selection = NULL;

  to_widget (f, x, y, &wx, &wy);
  g_assert_true (plano_canvas_drop_kind (f->canvas, kind, wx, wy));
  selection = plano_canvas_get_selection (f->canvas);
  g_assert_cmpuint (g_strv_length (selection), ==, 1);

  return plano_board_lookup_node (f->board, selection[0]);
}

/* A kind dropped from the palette lands centred on the drop point, selected, as one step. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  const PlanoNode *node = add_node_at (f, "kafka", 100, 50);

  g_assert_cmpstr (node->kind, ==, "kafka");
  g_assert_cmpfloat (node->x + node->w / 2, ==, 100);
  g_assert_cmpfloat (node->y + node->h / 2, ==, 50);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, 1);

  /* With snapping on, the card's corner lands on the grid. */
  plano_canvas_set_snap (f->canvas, TRUE);
  node = add_node_at (f, "flink", 333, 77);
  g_assert_cmpfloat (fmod (node->x, PLANO_CANVAS_GRID), ==, 0);
  g_assert_cmpfloat (fmod (node->y, PLANO_CANVAS_GRID), ==, 0);

  /* Zones and sticky notes are placed the same way. */
  g_assert_true (plano_canvas_drop_kind (f->canvas, "zone:gold", 400, 400));
  g_assert_true (plano_canvas_drop_kind (f->canvas, "note", 500, 100));
  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_ZONE), ==, 1);
  g_assert_cmpstr (((const PlanoZone *) plano_board_get_item (f->board, PLANO_ITEM_ZONE, 0))->kind, ==, "gold");
  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_NOTE), ==, 1);
}

/* A drag from node A's connection handle onto node B makes one edge A → B. */
static void
test_connect (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  g_autofree char *b = g_strdup (add_node_at (f, "flink", 500, 300)->item.id);
  double hx, hy, bx, by;
  const PlanoEdge *edge;
  guint steps;

  plano_canvas_select (f->canvas, a, FALSE);
  plano_canvas_get_handle_point (f->canvas, &hx, &hy);
  to_widget (f, 500, 300, &bx, &by);
  steps = plano_history_get_n_undo (f->history);

  plano_canvas_pointer_press (f->canvas, hx, hy, 0);
  plano_canvas_pointer_drag (f->canvas, (bx - hx) / 2, (by - hy) / 2);
  plano_canvas_pointer_drag (f->canvas, bx - hx, by - hy);
  plano_canvas_pointer_release (f->canvas, bx - hx, by - hy);

  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_EDGE), ==, 1);
  edge = (const PlanoEdge *) plano_board_get_item (f->board, PLANO_ITEM_EDGE, 0);
  g_assert_cmpstr (edge->from, ==, a);
  g_assert_cmpstr (edge->to, ==, b);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);

  /* A drag from the handle onto empty canvas makes nothing. */
  plano_canvas_select (f->canvas, a, FALSE);
  plano_canvas_get_handle_point (f->canvas, &hx, &hy);
  plano_canvas_pointer_press (f->canvas, hx, hy, 0);
  plano_canvas_pointer_release (f->canvas, 0, 300);
  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_EDGE), ==, 1);
}

/* A component drawn taller than its box, to show its label, is framed, connected and resized
 * as drawn; a label cut short shows whole in a tooltip. */
static void
test_tall_label (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "monte-carlo", 100, 100)->item.id);
  g_autofree char *tooltip = NULL;
  const char *longest = "Observability of freshness, volume and schema of every table in every "
                        "pipeline that the data team runs (Monte Carlo)";
  double hx, hy, cx, cy;
  PlanoRect drawn, area;
  const PlanoNode *node;

  plano_board_set_label (f->board, a, "Observability of every pipeline (Monte Carlo)");
  plano_test_iterate ();
  g_assert_true (plano_renderer_get_drawn_bounds (f->canvas->renderer, a, &drawn));
  g_assert_cmpfloat (drawn.h, >, plano_board_lookup_node (f->board, a)->h);

  /* The connection handle sits halfway down the card as drawn. */
  plano_canvas_select (f->canvas, a, FALSE);
  plano_canvas_get_handle_point (f->canvas, &hx, &hy);
  to_widget (f, drawn.x + drawn.w, drawn.y + drawn.h / 2, &cx, &cy);
  g_assert_cmpfloat (fabs (hy - cy), <, 0.5);

  /* The whole label fits: no tooltip. */
  g_assert_null (_plano_canvas_tooltip_text (f->canvas, drawn.x + 20, drawn.y + drawn.h - 4, &area));

  /* The bottom-right corner of the card as drawn resizes it; a drag of 10 units down writes
   * the drawn height and 10 more. */
  to_widget (f, drawn.x + drawn.w, drawn.y + drawn.h, &cx, &cy);
  plano_canvas_pointer_press (f->canvas, cx, cy, 0);
  plano_canvas_pointer_drag (f->canvas, 0, 10);
  plano_canvas_pointer_release (f->canvas, 0, 10);
  node = plano_board_lookup_node (f->board, a);
  g_assert_cmpfloat (fabs (node->h - (drawn.h + 10)), <, 0.5);

  /* A label too long for four lines is ellipsized, and shown whole over the card. */
  plano_board_set_bounds (f->board, a, 100, 100, 160, 64);
  plano_board_set_label (f->board, a, longest);
  plano_test_iterate ();
  tooltip = _plano_canvas_tooltip_text (f->canvas, 120, 110, &area);
  g_assert_nonnull (tooltip);
  g_assert_true (g_str_has_prefix (tooltip, longest));
  g_assert_true (g_str_has_suffix (tooltip, "\nMonte Carlo"));
  g_assert_true (plano_rect_contains (&area, 120, 110));
}

/* Moving two selected nodes is one undo step, however many motion events it took. */
static void
test_move_two (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  g_autofree char *b = g_strdup (add_node_at (f, "flink", 400, 100)->item.id);
  double ax = plano_board_lookup_node (f->board, a)->x;
  double bx = plano_board_lookup_node (f->board, b)->x;
  double wx, wy;
  guint steps;

  plano_canvas_select (f->canvas, a, FALSE);
  plano_canvas_select (f->canvas, b, TRUE);
  steps = plano_history_get_n_undo (f->history);

  to_widget (f, 100, 100, &wx, &wy);
  plano_canvas_pointer_press (f->canvas, wx, wy, 0);
  for (guint i = 1; i <= 10; i++)
    plano_canvas_pointer_drag (f->canvas, i * 5, i * 3);
  plano_canvas_pointer_release (f->canvas, 50, 30);

  g_assert_cmpfloat (plano_board_lookup_node (f->board, a)->x, ==, ax + 50);
  g_assert_cmpfloat (plano_board_lookup_node (f->board, b)->x, ==, bx + 50);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);

  plano_history_undo (f->history);
  g_assert_cmpfloat (plano_board_lookup_node (f->board, a)->x, ==, ax);
  g_assert_cmpfloat (plano_board_lookup_node (f->board, b)->x, ==, bx);
}

/* A rubber band selects what lies wholly inside it. */
static void
test_rubber_band (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  g_autofree char *b = g_strdup (add_node_at (f, "flink", 300, 100)->item.id);
  g_autofree char *c = g_strdup (add_node_at (f, "redis", 700, 400)->item.id);
  g_auto(GStrv) selection = NULL;
  double x1, y1, x2, y2;

  to_widget (f, -10, 0, &x1, &y1);
  to_widget (f, 420, 200, &x2, &y2);
  plano_canvas_pointer_press (f->canvas, x1, y1, 0);
  plano_canvas_pointer_drag (f->canvas, x2 - x1, y2 - y1);
  plano_canvas_pointer_release (f->canvas, x2 - x1, y2 - y1);

  selection = plano_canvas_get_selection (f->canvas);
  g_assert_cmpuint (g_strv_length (selection), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) selection, a));
  g_assert_true (g_strv_contains ((const char * const *) selection, b));
  g_assert_false (g_strv_contains ((const char * const *) selection, c));
}

/* Label editing: Enter keeps the text, Escape leaves the label as it was. */
static void
test_label_editing (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  GtkWidget *entry = plano_canvas_get_entry (f->canvas);

  plano_canvas_begin_edit (f->canvas);
  plano_test_iterate ();
  g_assert_true (gtk_widget_get_visible (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Kafka");

  gtk_editable_set_text (GTK_EDITABLE (entry), "Clicks topic");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_get_visible (entry));
  g_assert_cmpstr (plano_board_get_label (f->board, id), ==, "Clicks topic");

  plano_canvas_begin_edit (f->canvas);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Something else");
  plano_canvas_end_edit (f->canvas, FALSE);
  g_assert_cmpstr (plano_board_get_label (f->board, id), ==, "Clicks topic");
}

static void
count_deleted_cb (PlanoCanvas *canvas,
                  guint        n,
                  guint       *count)
{
  *count += n;
}

/* Delete removes the selection and its edges as one step; undo brings all back. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  g_autofree char *b = g_strdup (add_node_at (f, "flink", 400, 100)->item.id);
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  guint deleted = 0;

  plano_board_add_edge (f->board, a, b, "stream", NULL);
  before = plano_format_write (f->board, NULL);
  g_signal_connect (f->canvas, "items-deleted", G_CALLBACK (count_deleted_cb), &deleted);

  plano_canvas_select (f->canvas, a, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.delete", NULL));
  g_assert_null (plano_board_lookup (f->board, a));
  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_EDGE), ==, 0);
  g_assert_cmpuint (deleted, ==, 1);

  plano_history_undo (f->history);
  after_undo = plano_format_write (f->board, NULL);
  g_assert_cmpstr (after_undo, ==, before);
}

/* Arrow keys nudge the selection, one step each. */
static void
test_nudge (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  double x = plano_board_lookup_node (f->board, a)->x;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.nudge", "(dd)", 20.0, 0.0));
  g_assert_cmpfloat (plano_board_lookup_node (f->board, a)->x, ==, x + 20);
  plano_history_undo (f->history);
  g_assert_cmpfloat (plano_board_lookup_node (f->board, a)->x, ==, x);
}

/* Zooming at a point keeps that point under the pointer. */
static void
test_zoom_at_pointer (Fixture       *f,
                      gconstpointer  data)
{
  double before_x, before_y, after_x, after_y;

  plano_canvas_widget_to_canvas (f->canvas, 200, 150, &before_x, &before_y);
  plano_canvas_zoom_at (f->canvas, 2, 200, 150);
  plano_canvas_widget_to_canvas (f->canvas, 200, 150, &after_x, &after_y);

  g_assert_cmpfloat (plano_canvas_get_zoom (f->canvas), ==, 2);
  g_assert_cmpfloat_with_epsilon (before_x, after_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (before_y, after_y, 1e-9);
}

/* Duplicate lands one grid step down and right, with new ids, as one undo step. */
static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  g_autofree char *b = g_strdup (add_node_at (f, "flink", 400, 100)->item.id);
  g_auto(GStrv) selection = NULL;
  guint steps;

  plano_board_add_edge (f->board, a, b, NULL, NULL);
  plano_canvas_select (f->canvas, a, FALSE);
  plano_canvas_select (f->canvas, b, TRUE);
  steps = plano_history_get_n_undo (f->history);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.duplicate", NULL));
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);
  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_NODE), ==, 4);
  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_EDGE), ==, 2);

  selection = plano_canvas_get_selection (f->canvas);
  g_assert_cmpuint (g_strv_length (selection), ==, 3);
  g_assert_false (g_strv_contains ((const char * const *) selection, a));
  g_assert_cmpfloat (plano_board_lookup_node (f->board, selection[0])->x, ==,
                     plano_board_lookup_node (f->board, a)->x + PLANO_CANVAS_GRID);
}

static void
wait_for_nodes (Fixture *f,
                guint    n)
{
  for (guint i = 0; i < 200 && plano_board_get_n_items (f->board, PLANO_ITEM_NODE) < n; i++)
    plano_test_iterate ();
}

/* Copy and paste through the clipboard: the paste lands offset, with new ids. */
static void
test_copy_paste (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "redis", 100, 100)->item.id);
  const PlanoNode *pasted;
  g_auto(GStrv) selection = NULL;
  double x = plano_board_lookup_node (f->board, a)->x;

  plano_canvas_select (f->canvas, a, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.copy", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.paste", NULL));
  wait_for_nodes (f, 2);

  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_NODE), ==, 2);
  selection = plano_canvas_get_selection (f->canvas);
  g_assert_cmpuint (g_strv_length (selection), ==, 1);
  g_assert_cmpstr (selection[0], !=, a);
  pasted = plano_board_lookup_node (f->board, selection[0]);
  g_assert_cmpstr (pasted->kind, ==, "redis");
  g_assert_cmpfloat (pasted->x, ==, x + PLANO_CANVAS_GRID);

  /* Cut takes the item away and a paste brings a copy back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.cut", NULL));
  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_NODE), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.paste", NULL));
  wait_for_nodes (f, 2);
  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_NODE), ==, 2);
}

static void
test_align_distribute (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  g_autofree char *b = g_strdup (add_node_at (f, "flink", 260, 180)->item.id);
  g_autofree char *c = g_strdup (add_node_at (f, "redis", 700, 140)->item.id);
  guint steps;

  plano_canvas_select_all (f->canvas);
  steps = plano_history_get_n_undo (f->history);

  plano_canvas_align (f->canvas, "top");
  g_assert_cmpfloat (plano_board_lookup_node (f->board, b)->y, ==, plano_board_lookup_node (f->board, a)->y);
  g_assert_cmpfloat (plano_board_lookup_node (f->board, c)->y, ==, plano_board_lookup_node (f->board, a)->y);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);

  /* Centres 100, 260, 700: the middle one moves to 400. */
  plano_canvas_distribute (f->canvas, "horizontal");
  g_assert_cmpfloat (plano_board_lookup_node (f->board, b)->x + 80, ==, 400);
  g_assert_cmpfloat (plano_board_lookup_node (f->board, a)->x + 80, ==, 100);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 2);
}

/* The keyboard alone: Tab walks through items, c starts a connection, Tab picks the target
 * and Enter makes it.
 */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  g_autofree char *b = g_strdup (add_node_at (f, "flink", 400, 100)->item.id);
  g_autofree char *c = g_strdup (add_node_at (f, "redis", 700, 100)->item.id);
  g_auto(GStrv) selection = NULL;
  const PlanoEdge *edge;

  plano_canvas_clear_selection (f->canvas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.select-next", "i", 1));
  selection = plano_canvas_get_selection (f->canvas);
  g_assert_cmpstr (selection[0], ==, a);
  g_clear_pointer (&selection, g_strfreev);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.connect", NULL));
  /* The first target offered is the next component; Tab moves on to the one after. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.select-next", "i", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.edit", NULL));

  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_EDGE), ==, 1);
  edge = (const PlanoEdge *) plano_board_get_item (f->board, PLANO_ITEM_EDGE, 0);
  g_assert_cmpstr (edge->from, ==, a);
  g_assert_cmpstr (edge->to, ==, c);

  /* Shift+Tab walks back. */
  plano_canvas_select (f->canvas, b, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.select-next", "i", -1));
  selection = plano_canvas_get_selection (f->canvas);
  g_assert_cmpstr (selection[0], ==, a);
}

/* On a selected edge: dragging the middle of a segment makes a bend point there, and
 * dragging an end onto another component reconnects it; each is one undo step.
 */
static void
test_edge_handles (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  g_autofree char *b = g_strdup (add_node_at (f, "flink", 500, 100)->item.id);
  g_autofree char *c = g_strdup (add_node_at (f, "redis", 500, 400)->item.id);
  g_autofree char *id = g_strdup (plano_board_add_edge (f->board, a, b, NULL, NULL)->item.id);
  g_autoptr(GPtrArray) points = NULL;
  const PlanoPoint *start, *end, *bend;
  const PlanoEdge *edge;
  double mx, my, tx, ty, cx, cy;
  guint steps;

  plano_canvas_select (f->canvas, id, FALSE);
  points = plano_renderer_get_edge_points (plano_canvas_get_renderer (f->canvas), id);
  start = g_ptr_array_index (points, 0);
  end = g_ptr_array_index (points, 1);
  to_widget (f, (start->x + end->x) / 2, (start->y + end->y) / 2, &mx, &my);
  steps = plano_history_get_n_undo (f->history);

  plano_canvas_pointer_press (f->canvas, mx, my, 0);
  plano_canvas_pointer_drag (f->canvas, 0, 40);
  plano_canvas_pointer_drag (f->canvas, 0, 80);
  plano_canvas_pointer_release (f->canvas, 0, 80);

  edge = (const PlanoEdge *) plano_board_lookup (f->board, id);
  g_assert_nonnull (edge->waypoints);
  g_assert_cmpuint (edge->waypoints->len, ==, 1);
  bend = &g_array_index (edge->waypoints, PlanoPoint, 0);
  g_assert_cmpfloat_with_epsilon (bend->y, (start->y + end->y) / 2 + 80, 1e-6);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);

  /* The target end, dragged onto c. */
  g_clear_pointer (&points, g_ptr_array_unref);
  points = plano_renderer_get_edge_points (plano_canvas_get_renderer (f->canvas), id);
  end = g_ptr_array_index (points, points->len - 1);
  to_widget (f, end->x, end->y, &tx, &ty);
  to_widget (f, 500, 400, &cx, &cy);
  plano_canvas_pointer_press (f->canvas, tx, ty, 0);
  plano_canvas_pointer_drag (f->canvas, cx - tx, cy - ty);
  plano_canvas_pointer_release (f->canvas, cx - tx, cy - ty);

  edge = (const PlanoEdge *) plano_board_lookup (f->board, id);
  g_assert_cmpstr (edge->from, ==, a);
  g_assert_cmpstr (edge->to, ==, c);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 2);
}

/* Undo selects what it brought back, so that the user sees what changed. */
static void
test_undo_selects (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  g_autofree char *b = g_strdup (add_node_at (f, "flink", 400, 100)->item.id);
  g_auto(GStrv) selection = NULL;

  plano_canvas_select (f->canvas, a, FALSE);
  plano_canvas_delete_selection (f->canvas);
  plano_canvas_select (f->canvas, b, FALSE);

  plano_history_undo (f->history);
  selection = plano_canvas_get_selection (f->canvas);
  g_assert_cmpuint (g_strv_length (selection), ==, 1);
  g_assert_cmpstr (selection[0], ==, a);
}

/* Kinds placed at the centre one after another, as from the palette with the keyboard, do
 * not land on top of each other.
 */
static void
test_center_placement (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a = g_strdup (plano_canvas_add_kind_at_center (f->canvas, "kafka"));
  g_autofree char *b = g_strdup (plano_canvas_add_kind_at_center (f->canvas, "flink"));
  const PlanoNode *na = plano_board_lookup_node (f->board, a);
  const PlanoNode *nb = plano_board_lookup_node (f->board, b);

  g_assert_cmpfloat (nb->y, >=, na->y + na->h);
  g_assert_cmpfloat (nb->x, ==, na->x);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/plano/canvas/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("drop", test_drop);
  ADD ("connect", test_connect);
  ADD ("tall-label", test_tall_label);
  ADD ("move-two", test_move_two);
  ADD ("rubber-band", test_rubber_band);
  ADD ("label-editing", test_label_editing);
  ADD ("delete", test_delete);
  ADD ("nudge", test_nudge);
  ADD ("zoom-at-pointer", test_zoom_at_pointer);
  ADD ("duplicate", test_duplicate);
  ADD ("copy-paste", test_copy_paste);
  ADD ("align-distribute", test_align_distribute);
  ADD ("keyboard", test_keyboard);
  ADD ("edge-handles", test_edge_handles);
  ADD ("undo-selects", test_undo_selects);
  ADD ("center-placement", test_center_placement);

#undef ADD

  return g_test_run ();
}
