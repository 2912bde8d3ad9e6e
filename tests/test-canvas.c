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

static char *
editor_text (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (plano_canvas_get_editor (f->canvas)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_editor_text (Fixture    *f,
                 const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (plano_canvas_get_editor (f->canvas))), text, -1);
}

/* Whether the whole text of the editor is selected, so that typing replaces it. */
static gboolean
editor_all_selected (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (plano_canvas_get_editor (f->canvas)));
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return gtk_text_buffer_get_char_count (buffer) == 0;

  return gtk_text_iter_is_start (&start) && gtk_text_iter_is_end (&end);
}

/* Label editing: Enter keeps the text, Escape leaves the label as it was; each kept edit is
 * one undo step, and the editor goes away either way. */
static void
test_label_editing (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  GtkWidget *editor = plano_canvas_get_editor (f->canvas);
  g_autofree char *text = NULL;
  guint steps = plano_history_get_n_undo (f->history);

  plano_canvas_begin_edit (f->canvas);
  plano_test_iterate ();
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_true (plano_canvas_is_editing (f->canvas));
  text = editor_text (f);
  g_assert_cmpstr (text, ==, "Kafka");
  g_assert_true (editor_all_selected (f));

  /* While it is open, the canvas's keys do nothing: "c" would start a connection. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.connect", NULL));
  g_assert_false (plano_canvas_get_board (f->canvas) == NULL);
  g_assert_cmpint (f->canvas->state, ==, STATE_IDLE);

  set_editor_text (f, "Clicks topic");
  plano_canvas_end_edit (f->canvas, TRUE);
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_false (plano_canvas_is_editing (f->canvas));
  g_assert_cmpstr (plano_board_get_label (f->board, id), ==, "Clicks topic");
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);

  plano_canvas_begin_edit (f->canvas);
  set_editor_text (f, "Something else");
  plano_canvas_end_edit (f->canvas, FALSE);
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_cmpstr (plano_board_get_label (f->board, id), ==, "Clicks topic");
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);

  /* The canvas's keys work again once it is closed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.connect", NULL));
  g_assert_cmpint (f->canvas->state, ==, STATE_KEY_CONNECTING);
}

/* Where to double-click to edit each kind of item. */
typedef struct
{
  char   *id;
  double  x, y;     /* canvas point on its text */
} Editable;

static void
editable_items (Fixture  *f,
                Editable *items)
{
  g_autofree char *kafka = g_strdup (add_node_at (f, "kafka", -250, -150)->item.id);
  g_autofree char *flink = g_strdup (add_node_at (f, "flink", 150, -150)->item.id);
  g_autoptr(GPtrArray) points = NULL;
  const PlanoNode *node = plano_board_lookup_node (f->board, kafka);
  const PlanoZone *zone;
  const PlanoNote *note;
  const PlanoPoint *a, *b;
  char *edge;
  double wx, wy;

  items[0] = (Editable) { g_strdup (kafka), node->x + node->w * 0.65, node->y + node->h / 2 };

  to_widget (f, -200, 150, &wx, &wy);
  g_assert_true (plano_canvas_drop_kind (f->canvas, "zone", wx, wy));
  zone = (const PlanoZone *) plano_board_get_item (f->board, PLANO_ITEM_ZONE, 0);
  items[1] = (Editable) { g_strdup (zone->item.id), zone->x + 40, zone->y + 18 };

  to_widget (f, 250, 150, &wx, &wy);
  g_assert_true (plano_canvas_drop_kind (f->canvas, "note", wx, wy));
  note = (const PlanoNote *) plano_board_get_item (f->board, PLANO_ITEM_NOTE, 0);
  items[2] = (Editable) { g_strdup (note->item.id), note->x + note->w / 2, note->y + note->h / 2 };

  edge = g_strdup (plano_board_add_edge (f->board, kafka, flink, NULL, NULL)->item.id);
  plano_board_set_label (f->board, edge, "raw");
  points = plano_renderer_get_edge_points (plano_canvas_get_renderer (f->canvas), edge);
  a = g_ptr_array_index (points, 0);
  b = g_ptr_array_index (points, points->len - 1);
  items[3] = (Editable) { edge, (a->x + b->x) / 2, (a->y + b->y) / 2 };

  {
    const PlanoText *text;
    char *id = g_strdup (plano_canvas_add_kind (f->canvas, "text", 250, 260));

    /* A new text opens for writing; kept as it is, it says "Text". */
    g_assert_true (plano_canvas_is_editing (f->canvas));
    plano_canvas_end_edit (f->canvas, TRUE);
    text = (const PlanoText *) plano_board_lookup (f->board, id);
    g_assert_cmpstr (text->text, ==, "Text");
    items[4] = (Editable) { id, text->x + text->w / 2, text->y + text->h / 2 };
  }
  plano_test_iterate ();
}

static void
double_click (Fixture        *f,
              const Editable *item)
{
  double wx, wy;

  to_widget (f, item->x, item->y, &wx, &wy);
  plano_test_click (GTK_WIDGET (f->canvas), wx, wy, 2);
}

/* Real input: a double click on each kind of item (component, zone, note, connection, text)
 * opens the editor with its text selected, focused; what is typed goes into it and nowhere
 * else ("c" does not start a connection, Ctrl+A selects the editor's text rather than the
 * board, Return does not end a connection but keeps the text), and Escape drops the edit.
 * Each kept edit is one undo step. */
static void
test_edit_in_place_keys (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *editor = plano_canvas_get_editor (f->canvas);
  Editable items[5];

  if (!plano_test_can_type (GTK_WIDGET (f->canvas)))
    {
      g_test_skip ("needs X11 and xdotool");
      return;
    }

  editable_items (f, items);
  plano_test_focus_window (GTK_WIDGET (f->canvas));

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *before = g_strdup (plano_board_get_label (f->board, items[i].id));
      g_autofree char *shown = NULL;
      g_autofree char *typed = NULL;
      g_auto(GStrv) selection = NULL;
      guint n_edges = plano_board_get_n_items (f->board, PLANO_ITEM_EDGE);
      guint steps = plano_history_get_n_undo (f->history);
      PlanoItemType type = plano_board_lookup (f->board, items[i].id)->type;

      /* Escape drops what was typed. */
      double_click (f, &items[i]);
      g_assert_true (gtk_widget_get_visible (editor));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == editor);
      shown = editor_text (f);
      g_assert_cmpstr (shown, ==, before);
      g_assert_true (editor_all_selected (f));
      plano_test_type ("Nope");
      plano_test_keys ("Escape");
      g_assert_false (gtk_widget_get_visible (editor));
      g_assert_cmpstr (plano_board_get_label (f->board, items[i].id), ==, before);
      g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps);

      /* Return keeps it; the keys stayed in the editor. */
      double_click (f, &items[i]);
      g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == editor);
      plano_test_type ("Enrich");
      typed = editor_text (f);
      g_assert_cmpstr (typed, ==, "Enrich");
      g_assert_cmpint (f->canvas->state, ==, STATE_IDLE);

      plano_test_keys ("ctrl+a");
      g_assert_true (editor_all_selected (f));
      selection = plano_canvas_get_selection (f->canvas);
      g_assert_cmpuint (g_strv_length (selection), ==, 1);
      g_assert_cmpstr (selection[0], ==, items[i].id);
      plano_test_keys ("End");

      if (type == PLANO_ITEM_NOTE || type == PLANO_ITEM_TEXT)
        {
          /* Shift+Return starts a new line in a note or a text. */
          plano_test_keys ("shift+Return");
          plano_test_type ("Flink");
        }
      plano_test_keys ("Return");

      g_assert_false (gtk_widget_get_visible (editor));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (f->canvas));
      g_assert_cmpstr (plano_board_get_label (f->board, items[i].id), ==,
                       type == PLANO_ITEM_NOTE || type == PLANO_ITEM_TEXT ? "Enrich\nFlink" : "Enrich");
      /* A text's box follows its lines. */
      if (type == PLANO_ITEM_TEXT)
        g_assert_cmpfloat (((const PlanoText *) plano_board_lookup (f->board, items[i].id))->h, >=, 2 * 16);
      g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_EDGE), ==, n_edges);
      g_assert_cmpint (f->canvas->state, ==, STATE_IDLE);
      g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_free (items[i].id);
}

/* F2 edits the selected item with its text selected: typing replaces it rather than adds to
 * it. A click beside the editor keeps what was typed and closes it. */
static void
test_edit_f2_click_outside (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *editor = plano_canvas_get_editor (f->canvas);
  g_autofree char *id = NULL;
  g_autofree char *typed = NULL;
  PlanoRect box;
  double wx, wy;

  if (!plano_test_can_type (GTK_WIDGET (f->canvas)))
    {
      g_test_skip ("needs X11 and xdotool");
      return;
    }

  id = g_strdup (add_node_at (f, "kafka", 200, 150)->item.id);
  plano_test_iterate ();
  plano_test_focus_window (GTK_WIDGET (f->canvas));
  gtk_widget_grab_focus (GTK_WIDGET (f->canvas));

  plano_test_keys ("F2");
  g_assert_true (gtk_widget_get_visible (editor));
  plano_test_type ("Events");
  typed = editor_text (f);
  g_assert_cmpstr (typed, ==, "Events");

  /* The editor covers the label, not the kind's icon at the left of the card. */
  {
    graphene_rect_t bounds;
    const PlanoNode *node = plano_board_lookup_node (f->board, id);
    double icon_right;

    g_assert_true (gtk_widget_compute_bounds (editor, GTK_WIDGET (f->canvas), &bounds));
    to_widget (f, node->x + 10 + 36, node->y, &icon_right, &wy);
    g_assert_cmpfloat (bounds.origin.x, >=, icon_right);
    to_widget (f, node->x + node->w, node->y, &wx, &wy);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, wx);
  }

  g_assert_true (plano_renderer_get_item_box (plano_canvas_get_renderer (f->canvas), id, &box));
  to_widget (f, box.x - 200, box.y - 200, &wx, &wy);
  plano_test_click (GTK_WIDGET (f->canvas), wx, wy, 1);
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_cmpstr (plano_board_get_label (f->board, id), ==, "Events");
}

/* The canvas as it draws itself, in a cairo image surface. */
static cairo_surface_t *
draw_canvas (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->canvas);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  /* The canvas's own drawing, now, rather than the last frame's. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  gsk_render_node_unref (node);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Whether the pixel at @x, @y of @surface is the light style's accent blue (#3584e4). */
static gboolean
is_accent (cairo_surface_t *surface,
           double           x,
           double           y)
{
  const guint8 *p = cairo_image_surface_get_data (surface) +
                    (int) round (y) * cairo_image_surface_get_stride (surface) + (int) round (x) * 4;

  return abs (p[2] - 0x35) < 30 && abs (p[1] - 0x84) < 30 && abs (p[0] - 0xe4) < 30;
}

static const char *
cursor_name (Fixture *f)
{
  GdkCursor *cursor = gtk_widget_get_cursor (GTK_WIDGET (f->canvas));

  return cursor != NULL ? gdk_cursor_get_name (cursor) : NULL;
}

/* Pointing at a component shows the "+" to connect from, selected or not; it stays while the
 * pointer goes to it, and a drag from it connects. The cursor says what a drag would do. */
static void
test_hover_ports (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", -200, 0)->item.id);
  g_autofree char *b = g_strdup (add_node_at (f, "flink", 200, 0)->item.id);
  const PlanoNode *node = plano_board_lookup_node (f->board, a);
  cairo_surface_t *surface;
  const PlanoEdge *edge;
  double px, py, bx, by, wx, wy;

  plano_canvas_clear_selection (f->canvas);
  to_widget (f, node->x + node->w, node->y + node->h / 2, &px, &py);
  px += CONNECT_OFFSET;
  /* The "+" is white on an accent disc: a point of the disc off its cross. */
#define PORT_SHOWN(surface) is_accent (surface, px + 3, py + 3)

  /* Nothing under the pointer: no "+", the default cursor. */
  to_widget (f, 0, 200, &wx, &wy);
  plano_canvas_pointer_motion (f->canvas, wx, wy);
  surface = draw_canvas (f);
  g_assert_false (PORT_SHOWN (surface));
  cairo_surface_destroy (surface);
  g_assert_null (cursor_name (f));

  /* On the card: its "+" shows, and a drag would move it. */
  to_widget (f, node->x + node->w / 2, node->y + node->h / 2, &wx, &wy);
  plano_canvas_pointer_motion (f->canvas, wx, wy);
  surface = draw_canvas (f);
  g_assert_true (PORT_SHOWN (surface));
  cairo_surface_destroy (surface);
  g_assert_cmpstr (cursor_name (f), ==, "move");

  /* Across the gap to the "+", and on it: it stays, and a drag would connect. */
  plano_canvas_pointer_motion (f->canvas, px - CONNECT_OFFSET / 2, py);
  plano_canvas_pointer_motion (f->canvas, px, py);
  surface = draw_canvas (f);
  g_assert_true (PORT_SHOWN (surface));
  cairo_surface_destroy (surface);
  g_assert_cmpstr (cursor_name (f), ==, "crosshair");

  to_widget (f, 200, 0, &bx, &by);
  plano_canvas_pointer_press (f->canvas, px, py, 0);
  plano_canvas_pointer_drag (f->canvas, bx - px, by - py);
  plano_canvas_pointer_release (f->canvas, bx - px, by - py);
  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_EDGE), ==, 1);
  edge = (const PlanoEdge *) plano_board_get_item (f->board, PLANO_ITEM_EDGE, 0);
  g_assert_cmpstr (edge->from, ==, a);
  g_assert_cmpstr (edge->to, ==, b);

  /* Away from it, the "+" goes. */
  to_widget (f, 0, 200, &wx, &wy);
  plano_canvas_pointer_motion (f->canvas, wx, wy);
  surface = draw_canvas (f);
  g_assert_false (PORT_SHOWN (surface));
  cairo_surface_destroy (surface);

  /* A selected card's corners resize it, each its way. */
  plano_canvas_select (f->canvas, a, FALSE);
  node = plano_board_lookup_node (f->board, a);
  to_widget (f, node->x + node->w, node->y + node->h, &wx, &wy);
  plano_canvas_pointer_motion (f->canvas, wx, wy);
  g_assert_cmpstr (cursor_name (f), ==, "nwse-resize");
  to_widget (f, node->x + node->w, node->y, &wx, &wy);
  plano_canvas_pointer_motion (f->canvas, wx, wy);
  g_assert_cmpstr (cursor_name (f), ==, "nesw-resize");
#undef PORT_SHOWN
}

/* Whether the pixel at @x, @y of @surface is the red of the guides (#e01b24). */
static gboolean
is_guide (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *p = cairo_image_surface_get_data (surface) +
                    (int) floor (y) * cairo_image_surface_get_stride (surface) + (int) floor (x) * 4;

  return abs (p[2] - 0xe0) < 40 && abs (p[1] - 0x1b) < 40 && abs (p[0] - 0x24) < 40;
}

/* Drags @id by @dx, @dy canvas units from its middle, with @state held, and stops before the
 * release, so that what shows during the drag can be seen. */
static void
drag_item (Fixture         *f,
           const char      *id,
           double           dx,
           double           dy,
           GdkModifierType  state)
{
  const PlanoNode *node = plano_board_lookup_node (f->board, id);
  double wx, wy;

  to_widget (f, node->x + node->w / 2, node->y + node->h / 2, &wx, &wy);
  plano_canvas_pointer_press (f->canvas, wx, wy, 0);
  plano_canvas_pointer_drag_with_state (f->canvas, dx / 2, dy / 2, state);
  plano_canvas_pointer_drag_with_state (f->canvas, dx, dy, state);
}

/* Moving a component near another's edge snaps it there and shows the guide; with Alt it goes
 * where the pointer is. Between two others it snaps to equal gaps; a resized edge snaps too. */
static void
test_smart_guides (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", -200, -150)->item.id);
  g_autofree char *b = g_strdup (add_node_at (f, "flink", 100, 100)->item.id);
  const PlanoNode *na = plano_board_lookup_node (f->board, a);
  const PlanoNode *nb = plano_board_lookup_node (f->board, b);
  double ax = na->x, bx = nb->x, by = nb->y;
  cairo_surface_t *surface;
  const Guide *guide;
  double gx, gy;

  /* b's left edge dragged to 3 units right of a's: it snaps onto it. */
  drag_item (f, b, ax + 3 - bx, -37, 0);
  nb = plano_board_lookup_node (f->board, b);
  g_assert_cmpfloat (nb->x, ==, ax);
  g_assert_cmpfloat (nb->y, ==, by - 37);
  /* Cards of one width line up at both edges and the centre: a guide at each, all upright. */
  g_assert_cmpuint (f->canvas->guides->len, >=, 1);
  for (guint i = 0; i < f->canvas->guides->len; i++)
    {
      guide = &g_array_index (f->canvas->guides, Guide, i);
      g_assert_true (guide->vertical);
    }
  guide = &g_array_index (f->canvas->guides, Guide, 0);
  g_assert_cmpfloat (guide->position, ==, ax);

  /* The guide is drawn between the two cards. */
  na = plano_board_lookup_node (f->board, a);
  to_widget (f, ax, (na->y + na->h + nb->y) / 2, &gx, &gy);
  surface = draw_canvas (f);
  g_assert_true (is_guide (surface, gx, gy));
  cairo_surface_destroy (surface);

  /* With Alt, no snapping, no guide. */
  plano_canvas_pointer_drag_with_state (f->canvas, ax + 3 - bx, -37, GDK_ALT_MASK);
  nb = plano_board_lookup_node (f->board, b);
  g_assert_cmpfloat (nb->x, ==, ax + 3);
  g_assert_cmpuint (f->canvas->guides->len, ==, 0);
  surface = draw_canvas (f);
  g_assert_false (is_guide (surface, gx, gy));
  cairo_surface_destroy (surface);

  /* Without, it snaps again; the release keeps it there, as one step, and the guide goes. */
  plano_canvas_pointer_drag_with_state (f->canvas, ax + 3 - bx, -37, 0);
  plano_canvas_pointer_release (f->canvas, ax + 3 - bx, -37);
  g_assert_cmpfloat (plano_board_lookup_node (f->board, b)->x, ==, ax);
  g_assert_cmpuint (f->canvas->guides->len, ==, 0);

  /* Alt also turns the grid off. */
  plano_canvas_set_snap (f->canvas, TRUE);
  drag_item (f, a, 7, 200, GDK_ALT_MASK);
  plano_canvas_pointer_release (f->canvas, 7, 200);
  g_assert_cmpfloat (plano_board_lookup_node (f->board, a)->x, ==, ax + 7);
  plano_canvas_set_snap (f->canvas, FALSE);
}

/* A card moved between two others in a row snaps to equal gaps, and the gaps are marked. */
static void
test_smart_guides_spacing (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", -250, 0)->item.id);
  g_autofree char *b = g_strdup (add_node_at (f, "flink", 250, 0)->item.id);
  g_autofree char *c = g_strdup (add_node_at (f, "redis", 20, 150)->item.id);
  const PlanoNode *na = plano_board_lookup_node (f->board, a);
  const PlanoNode *nb = plano_board_lookup_node (f->board, b);
  const PlanoNode *nc = plano_board_lookup_node (f->board, c);
  double middle = (na->x + na->w + nb->x - nc->w) / 2;
  double left_gap, right_gap;

  /* Up into the row, 4 units right of the middle (and its top on theirs). */
  drag_item (f, c, middle + 4 - nc->x, na->y - nc->y, 0);
  nc = plano_board_lookup_node (f->board, c);
  na = plano_board_lookup_node (f->board, a);
  nb = plano_board_lookup_node (f->board, b);
  left_gap = nc->x - (na->x + na->w);
  right_gap = nb->x - (nc->x + nc->w);
  g_assert_cmpfloat_with_epsilon (left_gap, right_gap, 1e-9);
  g_assert_cmpuint (f->canvas->gaps->len, ==, 2);
  plano_canvas_pointer_release (f->canvas, 0, 0);

  /* A resized corner snaps to another item's edge, and shows it. */
  {
    g_autofree char *d = NULL;
    const PlanoNote *note;
    gboolean shown = FALSE;
    double hx, hy, wx, wy, dy;

    to_widget (f, 0, 250, &wx, &wy);
    g_assert_true (plano_canvas_drop_kind (f->canvas, "note", wx, wy));
    note = (const PlanoNote *) plano_board_get_item (f->board, PLANO_ITEM_NOTE, 0);
    d = g_strdup (note->item.id);

    plano_canvas_select (f->canvas, c, FALSE);
    nc = plano_board_lookup_node (f->board, c);
    to_widget (f, nc->x + nc->w, nc->y + nc->h, &hx, &hy);
    /* To 3 units above the note's top; the card changes as it is resized. */
    dy = (note->y - 3 - (nc->y + nc->h)) * plano_canvas_get_zoom (f->canvas);
    plano_canvas_pointer_press (f->canvas, hx, hy, 0);
    g_assert_cmpint (f->canvas->state, ==, STATE_RESIZING);
    plano_canvas_pointer_drag (f->canvas, 0, 40);
    plano_canvas_pointer_drag (f->canvas, 0, dy);

    nc = plano_board_lookup_node (f->board, c);
    g_assert_cmpfloat (nc->y + nc->h, ==, note->y);
    for (guint i = 0; i < f->canvas->guides->len; i++)
      {
        const Guide *g = &g_array_index (f->canvas->guides, Guide, i);

        shown |= !g->vertical && g->position == note->y;
      }
    g_assert_true (shown);
    plano_canvas_pointer_release (f->canvas, 0, 0);
    g_assert_cmpuint (f->canvas->guides->len, ==, 0);
  }
}

/* Plain text: placed from the palette's "text", written at once; a double click on the empty
 * board starts one there; the size changes the letters and the box; left empty, it goes. */
static void
test_text_items (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = NULL;
  const PlanoText *text;
  double w, h, wx, wy;
  guint steps;

  id = g_strdup (plano_canvas_add_kind (f->canvas, "text", 0, 0));
  g_assert_nonnull (id);
  g_assert_true (plano_canvas_is_editing (f->canvas));
  g_assert_true (editor_all_selected (f));
  steps = plano_history_get_n_undo (f->history);

  /* Written: the box grows with the text, in one step. */
  text = (const PlanoText *) plano_board_lookup (f->board, id);
  w = text->w;
  set_editor_text (f, "Events arrive at least once and are deduplicated downstream by id");
  plano_canvas_end_edit (f->canvas, TRUE);
  text = (const PlanoText *) plano_board_lookup (f->board, id);
  g_assert_cmpstr (text->text, ==, "Events arrive at least once and are deduplicated downstream by id");
  g_assert_cmpfloat (text->w, >, w);
  g_assert_cmpfloat (text->w, <=, PLANO_TEXT_MAX_WIDTH);
  /* Longer than the widest a text grows: it wraps, two lines or more. */
  g_assert_cmpfloat (text->h, >=, 2 * 16);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);

  /* Large: bigger letters, a bigger box. */
  {
    PlanoText *copy = (PlanoText *) plano_item_copy ((const PlanoItem *) text);

    g_free (copy->size);
    copy->size = g_strdup ("large");
    plano_renderer_fit_text (plano_canvas_get_renderer (f->canvas), copy, TRUE, &w, &h);
    g_assert_cmpfloat (h, >, text->h);
    plano_item_free ((PlanoItem *) copy);
  }

  /* The empty board, double-clicked: a text there, open for writing. */
  to_widget (f, -200, 200, &wx, &wy);
  g_assert_null (_plano_canvas_pick (f->canvas, -200, 200));
  plano_canvas_double_click (f->canvas, wx, wy);
  g_assert_true (plano_canvas_is_editing (f->canvas));
  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_TEXT), ==, 2);
  text = (const PlanoText *) plano_board_get_item (f->board, PLANO_ITEM_TEXT, 1);
  g_assert_cmpfloat_with_epsilon (text->x + text->w / 2, -200, 1);

  /* Left empty, it is no text. */
  set_editor_text (f, "  ");
  plano_canvas_end_edit (f->canvas, TRUE);
  g_assert_cmpuint (plano_board_get_n_items (f->board, PLANO_ITEM_TEXT), ==, 1);

  /* Tab reaches texts too. */
  plano_canvas_clear_selection (f->canvas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.select-next", "i", 1));
  {
    g_auto(GStrv) selection = plano_canvas_get_selection (f->canvas);

    g_assert_cmpstr (selection[0], ==, id);
  }
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

/* On a board whose connections are orthogonal, a component dropped between the two ends of one
 * sends it around, and dragged away lets it run straight across again. Dragging the middle of
 * its segment down moves the segment and keeps it at right angles, as one step, which undo
 * takes back to the route found around components. */
static void
test_orthogonal_connection (Fixture       *f,
                            gconstpointer  data)
{
  PlanoProp prop = { (char *) "route", PLANO_VALUE_STRING, 0, (char *) "orthogonal", FALSE };
  PlanoRenderer *renderer = plano_canvas_get_renderer (f->canvas);
  g_autofree char *a = g_strdup (add_node_at (f, "kafka", 100, 100)->item.id);
  g_autofree char *c = g_strdup (add_node_at (f, "redis", 620, 100)->item.id);
  g_autofree char *m = NULL;
  g_autofree char *edge = NULL;
  g_autoptr(GPtrArray) points = NULL;
  const PlanoEdge *e;
  const PlanoPoint *p, *q;
  PlanoRect box;
  double mx, my;
  guint steps;

  plano_board_set_prop (f->board, NULL, &prop);
  edge = g_strdup (plano_board_add_edge (f->board, a, c, NULL, NULL)->item.id);
  points = plano_renderer_get_edge_points (renderer, edge);
  g_assert_cmpuint (points->len, ==, 2);

  /* Dropped in the way. */
  m = g_strdup (add_node_at (f, "flink", 360, 100)->item.id);
  g_assert_true (plano_renderer_get_drawn_bounds (renderer, m, &box));
  g_clear_pointer (&points, g_ptr_array_unref);
  points = plano_renderer_get_edge_points (renderer, edge);
  g_assert_cmpuint (points->len, >, 2);
  plano_test_assert_orthogonal (points);
  g_assert_false (plano_test_route_crosses (points, &box));

  /* Dragged out of the way with the pointer. */
  to_widget (f, 360, 100, &mx, &my);
  plano_canvas_pointer_press (f->canvas, mx, my, 0);
  plano_canvas_pointer_drag (f->canvas, 0, 120);
  plano_canvas_pointer_drag (f->canvas, 0, 240);
  plano_canvas_pointer_release (f->canvas, 0, 240);
  g_assert_cmpfloat (plano_board_lookup_node (f->board, m)->y, >, 250);
  g_clear_pointer (&points, g_ptr_array_unref);
  points = plano_renderer_get_edge_points (renderer, edge);
  g_assert_cmpuint (points->len, ==, 2);

  /* Its segment, dragged down by the bar in its middle. */
  plano_canvas_select (f->canvas, edge, FALSE);
  p = g_ptr_array_index (points, 0);
  q = g_ptr_array_index (points, 1);
  to_widget (f, (p->x + q->x) / 2, (p->y + q->y) / 2, &mx, &my);
  steps = plano_history_get_n_undo (f->history);
  plano_canvas_pointer_press (f->canvas, mx, my, 0);
  plano_canvas_pointer_drag (f->canvas, 0, 30);
  plano_canvas_pointer_drag (f->canvas, 0, 60);
  plano_canvas_pointer_release (f->canvas, 0, 60);

  e = (const PlanoEdge *) plano_board_lookup (f->board, edge);
  g_assert_null (e->route);
  g_assert_nonnull (e->waypoints);
  g_assert_cmpuint (plano_history_get_n_undo (f->history), ==, steps + 1);
  g_clear_pointer (&points, g_ptr_array_unref);
  points = plano_renderer_get_edge_points (renderer, edge);
  plano_test_assert_orthogonal (points);
  g_assert_cmpuint (points->len, ==, 6);
  p = g_ptr_array_index (points, 2);
  q = g_ptr_array_index (points, 3);
  g_assert_cmpfloat (p->y, ==, 160);
  g_assert_cmpfloat (q->y, ==, 160);
  g_assert_cmpfloat (q->x - p->x, >, 250);

  plano_history_undo (f->history);
  g_assert_null (((const PlanoEdge *) plano_board_lookup (f->board, edge))->waypoints);
  g_clear_pointer (&points, g_ptr_array_unref);
  points = plano_renderer_get_edge_points (renderer, edge);
  g_assert_cmpuint (points->len, ==, 2);
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
  ADD ("edit-in-place-keys", test_edit_in_place_keys);
  ADD ("edit-f2-click-outside", test_edit_f2_click_outside);
  ADD ("hover-ports", test_hover_ports);
  ADD ("text-items", test_text_items);
  ADD ("smart-guides", test_smart_guides);
  ADD ("smart-guides-spacing", test_smart_guides_spacing);
  ADD ("delete", test_delete);
  ADD ("nudge", test_nudge);
  ADD ("zoom-at-pointer", test_zoom_at_pointer);
  ADD ("duplicate", test_duplicate);
  ADD ("copy-paste", test_copy_paste);
  ADD ("align-distribute", test_align_distribute);
  ADD ("keyboard", test_keyboard);
  ADD ("edge-handles", test_edge_handles);
  ADD ("orthogonal-connection", test_orthogonal_connection);
  ADD ("undo-selects", test_undo_selects);
  ADD ("center-placement", test_center_placement);

#undef ADD

  return g_test_run ();
}
