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
 * Tab and Return.
 *
 * An orthogonal connection bends as in draw.io: it has a handle in the middle of each segment,
 * and dragging one moves the segment sideways, the route staying orthogonal. Its corners then
 * become its bend points: the route is the user's from then on, no longer found around
 * components, until its bend points are cleared (the inspector's Clear Bend Points). A straight
 * or curved connection has a handle on each bend point and in the middle of each segment,
 * where dragging makes a new one. */

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

static gboolean
is_orthogonal (PlanoCanvas     *self,
               const PlanoEdge *edge)
{
  return plano_renderer_get_edge_route (self->renderer, edge->item.id) == PLANO_ROUTE_ORTHOGONAL;
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

  if (is_orthogonal (self, edge))
    {
      for (guint i = 0; i + 1 < n; i++)
        {
          PlanoPoint a = g_array_index (points, PlanoPoint, i);
          PlanoPoint b = g_array_index (points, PlanoPoint, i + 1);
          PlanoPoint m = { (a.x + b.x) / 2, (a.y + b.y) / 2 };

          if (NEAR (m))
            {
              *index = i;
              return EDGE_HANDLE_SEGMENT;
            }
        }
      return EDGE_HANDLE_NONE;
    }

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

/* Moves segment self->edge_index of the selected orthogonal edge's route as it was when the
 * drag began sideways to the pointer, its new place on the grid when snapping: the route's
 * corners become the edge's bend points. */
static void
move_segment (PlanoCanvas *self)
{
  const PlanoEdge *edge = selected_edge (self);
  g_autoptr(GArray) waypoints = NULL;
  PlanoEdge *copy;
  PlanoPoint a, b;
  gboolean level;
  double was, now;

  if (edge == NULL || self->edge_route == NULL || self->edge_index + 1 >= self->edge_route->len)
    return;

  a = g_array_index (self->edge_route, PlanoPoint, self->edge_index);
  b = g_array_index (self->edge_route, PlanoPoint, self->edge_index + 1);
  level = fabs (b.x - a.x) >= fabs (b.y - a.y);
  was = level ? (a.y + b.y) / 2 : (a.x + b.x) / 2;
  now = _plano_canvas_snapped (self, was + (level ? self->pointer_y - self->start_y
                                                  : self->pointer_x - self->start_x));
  waypoints = plano_route_move_segment (self->edge_route, self->edge_index, now - was);

  copy = (PlanoEdge *) plano_item_copy ((const PlanoItem *) edge);
  g_clear_pointer (&copy->waypoints, g_array_unref);
  copy->waypoints = g_steal_pointer (&waypoints);
  plano_board_update_item (self->board, (PlanoItem *) copy, NULL);
  plano_item_free ((PlanoItem *) copy);
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
  if (is_orthogonal (self, edge))
    {
      /* The ends, and a bar across the middle of each segment, which drags it sideways. */
      for (guint i = 0; i < points->len; i++)
        {
          PlanoPoint p = g_array_index (points, PlanoPoint, i);

          if (i == 0 || i + 1 == points->len)
            cairo_arc (cr, p.x, p.y, HANDLE_SIZE / 2, 0, 2 * G_PI);
          if (i + 1 < points->len)
            {
              PlanoPoint q = g_array_index (points, PlanoPoint, i + 1);
              gboolean level = fabs (q.x - p.x) >= fabs (q.y - p.y);
              double w = level ? HANDLE_SIZE * 1.6 : HANDLE_SIZE * 0.8;
              double h = level ? HANDLE_SIZE * 0.8 : HANDLE_SIZE * 1.6;

              cairo_new_sub_path (cr);
              cairo_rectangle (cr, (p.x + q.x) / 2 - w / 2, (p.y + q.y) / 2 - h / 2, w, h);
            }
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      return;
    }

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

/* The dashed line of a connection being made or moved, from the port it would leave @from by
 * (PlanoRenderer's, where the connection will end once made) to the pointer, or to the port it
 * would reach on @to; a dot on each port. */
static void
draw_preview_line (PlanoCanvas   *self,
                   cairo_t       *cr,
                   const GdkRGBA *accent,
                   const char    *from,
                   const char    *to)
{
  static const double dash[] = { 6, 4 };
  PlanoPoint start, end = { self->pointer_x, self->pointer_y };
  gboolean has_end = FALSE;
  double x1, y1, x2, y2;

  if (!plano_renderer_get_port_point (self->renderer, from, end.x, end.y, &start, NULL))
    return;
  /* Over an item it can end on, each end faces the other, as the connection will. */
  if (to != NULL && g_strcmp0 (to, from) != 0 &&
      plano_renderer_get_port_toward (self->renderer, to, from, &end, NULL))
    {
      has_end = TRUE;
      plano_renderer_get_port_toward (self->renderer, from, to, &start, NULL);
    }

  plano_canvas_canvas_to_widget (self, start.x, start.y, &x1, &y1);
  plano_canvas_canvas_to_widget (self, end.x, end.y, &x2, &y2);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_arc (cr, x1, y1, HANDLE_SIZE / 3, 0, 2 * G_PI);
  if (has_end)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x2, y2, HANDLE_SIZE / 3, 0, 2 * G_PI);
    }
  cairo_fill (cr);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.pick-target", TRUE);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.pick-target", FALSE);

  if (self->key_target != NULL)
    {
      _plano_canvas_begin (self, _("Connect"));
      edge = plano_board_add_edge (self->board, self->source, self->key_target, NULL, NULL);
      _plano_canvas_commit (self);
    }

  g_clear_pointer (&self->key_target, g_free);
  if (edge != NULL)
    {
      /* TRANSLATORS: said aloud after a connection is made: "Connected Flink to Redis" */
      g_autofree char *text = g_strdup_printf (_("Connected %s to %s"),
                                               plano_board_get_label (self->board, edge->from),
                                               plano_board_get_label (self->board, edge->to));

      plano_canvas_select (self, edge->item.id, FALSE);
      _plano_canvas_describe (self, text);
    }
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
      g_clear_pointer (&self->edge_route, g_array_unref);
      if (self->edge_handle == EDGE_HANDLE_SEGMENT)
        {
          const char *id = selected_edge (self)->item.id;
          g_autoptr(GPtrArray) points = plano_renderer_get_edge_points (self->renderer, id);

          self->edge_route = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
          for (guint i = 0; points != NULL && i < points->len; i++)
            g_array_append_vals (self->edge_route, g_ptr_array_index (points, i), 1);
        }
      _plano_canvas_begin (self, _("Bend Connection"));
    }

  return TRUE;
}

void
_plano_canvas_edge_drag (PlanoCanvas *self)
{
  if (self->edge_handle == EDGE_HANDLE_SEGMENT)
    {
      move_segment (self);
      return;
    }

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
      const char *target = _plano_canvas_pick (self, self->pointer_x, self->pointer_y);
      const PlanoItem *t = target != NULL && g_strcmp0 (target, self->source) != 0 ?
                           plano_board_lookup (self->board, target) : NULL;
      PlanoRect box;
      double x1, y1;

      if (t != NULL && t->type != PLANO_ITEM_NODE && t->type != PLANO_ITEM_ZONE)
        t = NULL;
      draw_preview_line (self, cr, accent, self->source, t != NULL ? t->id : NULL);

      /* The item the connection would end on. */
      if (t != NULL && plano_renderer_get_drawn_bounds (self->renderer, t->id, &box))
        {
          plano_canvas_canvas_to_widget (self, box.x, box.y, &x1, &y1);
          cairo_rectangle (cr, x1 - 4, y1 - 4, box.w * self->zoom + 8, box.h * self->zoom + 8);
          cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.9);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
    }

  draw_edge_handles (self, cr, accent);

  if (self->state == STATE_EDGE_END)
    {
      const PlanoEdge *edge = selected_edge (self);
      const char *fixed = edge == NULL ? NULL : self->edge_handle == EDGE_HANDLE_FROM ? edge->to : edge->from;

      if (fixed != NULL)
        draw_preview_line (self, cr, accent, fixed, NULL);
    }

  if (self->state == STATE_KEY_CONNECTING && self->source != NULL && self->key_target != NULL)
    {
      PlanoRect b;
      double x1, y1;

      draw_preview_line (self, cr, accent, self->source, self->key_target);

      plano_item_get_bounds (plano_board_lookup (self->board, self->key_target),
                             &b.x, &b.y, &b.w, &b.h);
      plano_canvas_canvas_to_widget (self, b.x, b.y, &x1, &y1);
      cairo_rectangle (cr, x1 - 4, y1 - 4, b.w * self->zoom + 8, b.h * self->zoom + 8);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}
