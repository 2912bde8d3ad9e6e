/* plano-canvas-connect.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-canvas"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "plano-canvas-private.h"

/* The connect tool: the "+" handle of a node drags out a new connection; the handles of a
 * selected connection move its ends to other items and bend it; the keyboard connects with C,
 * Tab and Return. */

static const PlanoEdge *
selected_edge (PlanoCanvas *self)
{
  GHashTableIter iter;
  gpointer key;
  const PlanoItem *item;

  if (self->board == NULL || g_hash_table_size (self->selection) != 1)
    return NULL;

  g_hash_table_iter_init (&iter, self->selection);
  g_hash_table_iter_next (&iter, &key, NULL);
  item = plano_board_lookup (self->board, key);

  return item != NULL && item->type == PLANO_ITEM_EDGE ? (const PlanoEdge *) item : NULL;
}

/* The drawn points of the selected edge, in widget coordinates. */
static GArray *
edge_handle_points (PlanoCanvas     *self,
                    const PlanoEdge *edge)
{
  g_autoptr(GPtrArray) points = plano_renderer_get_edge_points (self->renderer, edge->item.id);
  GArray *result = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));

  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      const PlanoPoint *p = g_ptr_array_index (points, i);
      PlanoPoint w;

      plano_canvas_canvas_to_widget (self, p->x, p->y, &w.x, &w.y);
      g_array_append_val (result, w);
    }

  return result;
}

EdgeHandle
_plano_canvas_pick_edge_handle (PlanoCanvas *self,
                                double       wx,
                                double       wy,
                                guint       *index)
{
  const PlanoEdge *edge = selected_edge (self);
  g_autoptr(GArray) points = NULL;
  guint n;

  if (edge == NULL || (edge->waypoints == NULL && g_strcmp0 (edge->from, edge->to) == 0))
    return EDGE_HANDLE_NONE;

  points = edge_handle_points (self, edge);
  n = points->len;
  if (n < 2)
    return EDGE_HANDLE_NONE;

#define NEAR(p) (fabs ((p).x - wx) <= HANDLE_SIZE && fabs ((p).y - wy) <= HANDLE_SIZE)
  if (NEAR (g_array_index (points, PlanoPoint, 0)))
    return EDGE_HANDLE_FROM;
  if (NEAR (g_array_index (points, PlanoPoint, n - 1)))
    return EDGE_HANDLE_TO;

  for (guint i = 1; i + 1 < n; i++)
    if (NEAR (g_array_index (points, PlanoPoint, i)))
      {
        *index = i - 1;
        return EDGE_HANDLE_WAYPOINT;
      }

  for (guint i = 0; i + 1 < n; i++)
    {
      PlanoPoint a = g_array_index (points, PlanoPoint, i);
      PlanoPoint b = g_array_index (points, PlanoPoint, i + 1);
      PlanoPoint m = { (a.x + b.x) / 2, (a.y + b.y) / 2 };

      if (NEAR (m))
        {
          *index = i;
          return EDGE_HANDLE_MIDPOINT;
        }
    }
#undef NEAR

  return EDGE_HANDLE_NONE;
}

/* Sets bend point @index of the selected edge, inserting it first when @insert. */
static void
set_waypoint (PlanoCanvas *self,
              guint        index,
              gboolean     insert,
              double       x,
              double       y)
{
  const PlanoEdge *edge = selected_edge (self);
  PlanoEdge *copy;
  PlanoPoint point = { x, y };

  if (edge == NULL)
    return;

  copy = (PlanoEdge *) plano_item_copy ((const PlanoItem *) edge);
  if (copy->waypoints == NULL)
    copy->waypoints = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));

  if (insert)
    g_array_insert_val (copy->waypoints, MIN (index, copy->waypoints->len), point);
  else if (index < copy->waypoints->len)
    g_array_index (copy->waypoints, PlanoPoint, index) = point;

  plano_board_update_item (self->board, (PlanoItem *) copy, NULL);
  plano_item_free ((PlanoItem *) copy);
}

static void
draw_edge_handles (PlanoCanvas   *self,
                   cairo_t       *cr,
                   const GdkRGBA *accent)
{
  const PlanoEdge *edge = selected_edge (self);
  g_autoptr(GArray) points = NULL;

  if (edge == NULL || self->state == STATE_EDGE_END)
    return;

  points = edge_handle_points (self, edge);
  for (guint i = 0; i < points->len; i++)
    {
      PlanoPoint p = g_array_index (points, PlanoPoint, i);
      gboolean end = i == 0 || i + 1 == points->len;

      if (end)
        cairo_arc (cr, p.x, p.y, HANDLE_SIZE / 2, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, p.x - HANDLE_SIZE / 2, p.y - HANDLE_SIZE / 2, HANDLE_SIZE, HANDLE_SIZE);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);

      if (i + 1 < points->len)
        {
          PlanoPoint q = g_array_index (points, PlanoPoint, i + 1);

          cairo_arc (cr, (p.x + q.x) / 2, (p.y + q.y) / 2, HANDLE_SIZE / 3, 0, 2 * G_PI);
          cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.6);
          cairo_fill (cr);
        }
    }
}

/* The dashed line of a connection being made or moved: from @box's border to the pointer. */
static void
draw_preview_line (PlanoCanvas     *self,
                   cairo_t         *cr,
                   const GdkRGBA   *accent,
                   const PlanoRect *box)
{
  static const double dash[] = { 6, 4 };
  PlanoPoint from = plano_rect_border_point (box, (PlanoPoint) { self->pointer_x, self->pointer_y });
  double x1, y1, x2, y2;

  plano_canvas_canvas_to_widget (self, from.x, from.y, &x1, &y1);
  plano_canvas_canvas_to_widget (self, self->pointer_x, self->pointer_y, &x2, &y2);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/**
 * plano_canvas_begin_key_connect:
 *
 * Starts a connection from the single selected component, from the keyboard.
 */
void
plano_canvas_begin_key_connect (PlanoCanvas *self)
{
  const PlanoItem *item = _plano_canvas_single_selected (self);
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (item == NULL || (item->type != PLANO_ITEM_NODE && item->type != PLANO_ITEM_ZONE))
    return;

  g_free (self->source);
  self->source = g_strdup (item->id);
  self->state = STATE_KEY_CONNECTING;
  g_clear_pointer (&self->key_target, g_free);
  plano_canvas_select_next (self, 1);
}

/**
 * plano_canvas_finish_key_connect:
 *
 * Makes the connection the keyboard picked, as one undo step, and selects it.
 */
void
plano_canvas_finish_key_connect (PlanoCanvas *self)
{
  const PlanoEdge *edge = NULL;

  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (self->state != STATE_KEY_CONNECTING)
    return;

  self->state = STATE_IDLE;

  if (self->key_target != NULL)
    {
      _plano_canvas_begin (self, _("Connect"));
      edge = plano_board_add_edge (self->board, self->source, self->key_target, NULL, NULL);
      _plano_canvas_commit (self);
    }

  g_clear_pointer (&self->key_target, g_free);
  if (edge != NULL)
    plano_canvas_select (self, edge->item.id, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A press on a handle of the selected connection: an end starts a reconnection, a bend point
 * or a segment's middle starts bending. */
gboolean
_plano_canvas_edge_begin (PlanoCanvas *self,
                          double       wx,
                          double       wy)
{
  self->edge_handle = _plano_canvas_pick_edge_handle (self, wx, wy, &self->edge_index);
  if (self->edge_handle == EDGE_HANDLE_NONE)
    return FALSE;

  if (self->edge_handle == EDGE_HANDLE_FROM || self->edge_handle == EDGE_HANDLE_TO)
    {
      self->state = STATE_EDGE_END;
    }
  else
    {
      self->state = STATE_EDGE_POINT;
      _plano_canvas_begin (self, _("Bend Connection"));
    }

  return TRUE;
}

void
_plano_canvas_edge_drag (PlanoCanvas *self)
{
  set_waypoint (self, self->edge_index, self->edge_handle == EDGE_HANDLE_MIDPOINT,
                _plano_canvas_snapped (self, self->pointer_x), _plano_canvas_snapped (self, self->pointer_y));
  /* Once inserted, the new point is dragged like any other. */
  self->edge_handle = EDGE_HANDLE_WAYPOINT;
}

/* Reconnects the dragged end to what it was dropped on, if that can be an end. */
void
_plano_canvas_edge_end (PlanoCanvas *self)
{
  const PlanoEdge *edge = selected_edge (self);
  const char *target = _plano_canvas_pick (self, self->pointer_x, self->pointer_y);
  const PlanoItem *item = plano_board_lookup (self->board, target);

  if (edge != NULL && item != NULL &&
      (item->type == PLANO_ITEM_NODE || item->type == PLANO_ITEM_ZONE))
    {
      PlanoEdge *copy = (PlanoEdge *) plano_item_copy ((const PlanoItem *) edge);
      char **end = self->edge_handle == EDGE_HANDLE_FROM ? &copy->from : &copy->to;

      g_free (*end);
      *end = g_strdup (target);
      _plano_canvas_begin (self, _("Reconnect"));
      plano_board_update_item (self->board, (PlanoItem *) copy, NULL);
      _plano_canvas_commit (self);
      plano_item_free ((PlanoItem *) copy);
    }
}

/* The "+" handle dragged onto another node or a zone connects them. */
void
_plano_canvas_connect_end (PlanoCanvas *self)
{
  const char *target = _plano_canvas_pick (self, self->pointer_x, self->pointer_y);
  const PlanoItem *item = plano_board_lookup (self->board, target);

  if (item != NULL && g_strcmp0 (target, self->source) != 0 &&
      (item->type == PLANO_ITEM_NODE || item->type == PLANO_ITEM_ZONE))
    {
      const PlanoEdge *edge;

      _plano_canvas_begin (self, _("Connect"));
      edge = plano_board_add_edge (self->board, self->source, target, NULL, NULL);
      _plano_canvas_commit (self);
      if (edge != NULL)
        plano_canvas_select (self, edge->item.id, FALSE);
    }
}

void
_plano_canvas_connect_draw (PlanoCanvas   *self,
                            cairo_t       *cr,
                            const GdkRGBA *accent)
{
  if (self->state == STATE_CONNECTING && self->source != NULL)
    {
      PlanoRect box;
      double x1, y1;
      const char *target = _plano_canvas_pick (self, self->pointer_x, self->pointer_y);

      if (plano_renderer_get_item_box (self->renderer, self->source, &box))
        {
          const PlanoItem *source = plano_board_lookup (self->board, self->source);

          plano_item_get_bounds (source, &box.x, &box.y, &box.w, &box.h);
          draw_preview_line (self, cr, accent, &box);
        }

      /* The item the connection would end on. */
      if (target != NULL && g_strcmp0 (target, self->source) != 0)
        {
          const PlanoItem *t = plano_board_lookup (self->board, target);

          if (t->type == PLANO_ITEM_NODE || t->type == PLANO_ITEM_ZONE)
            {
              plano_item_get_bounds (t, &box.x, &box.y, &box.w, &box.h);
              plano_canvas_canvas_to_widget (self, box.x, box.y, &x1, &y1);
              cairo_rectangle (cr, x1 - 4, y1 - 4, box.w * self->zoom + 8, box.h * self->zoom + 8);
              cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.9);
              cairo_set_line_width (cr, 2);
              cairo_stroke (cr);
            }
        }
    }

  draw_edge_handles (self, cr, accent);

  if (self->state == STATE_EDGE_END)
    {
      const PlanoEdge *edge = selected_edge (self);
      const char *fixed = edge == NULL ? NULL : self->edge_handle == EDGE_HANDLE_FROM ? edge->to : edge->from;
      const PlanoItem *end = plano_board_lookup (self->board, fixed);
      PlanoRect box;

      if (end != NULL && plano_item_get_bounds (end, &box.x, &box.y, &box.w, &box.h))
        {
          draw_preview_line (self, cr, accent, &box);
        }
    }

  if (self->state == STATE_KEY_CONNECTING && self->source != NULL && self->key_target != NULL)
    {
      PlanoRect a, b;
      PlanoPoint from, to;
      double x1, y1, x2, y2;
      const double dash[] = { 6, 4 };

      plano_item_get_bounds (plano_board_lookup (self->board, self->source), &a.x, &a.y, &a.w, &a.h);
      plano_item_get_bounds (plano_board_lookup (self->board, self->key_target), &b.x, &b.y, &b.w, &b.h);
      from = plano_rect_border_point (&a, plano_rect_center (&b));
      to = plano_rect_border_point (&b, plano_rect_center (&a));
      plano_canvas_canvas_to_widget (self, from.x, from.y, &x1, &y1);
      plano_canvas_canvas_to_widget (self, to.x, to.y, &x2, &y2);
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, x2, y2);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      plano_canvas_canvas_to_widget (self, b.x, b.y, &x1, &y1);
      cairo_rectangle (cr, x1 - 4, y1 - 4, b.w * self->zoom + 8, b.h * self->zoom + 8);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}
