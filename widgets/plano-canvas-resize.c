/* plano-canvas-resize.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-canvas"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "plano-canvas-private.h"

/* The handles of the single selected item: four corners that resize it, and for a node the
 * "+" that starts a connection. The "+" also shows on the node under the pointer, selected or
 * not, so that connecting is found by pointing at a component; it stays while the pointer
 * crosses the gap between the card and the "+". */

static void
handle_position (PlanoCanvas     *self,
                 const PlanoItem *item,
                 Handle           handle,
                 double          *wx,
                 double          *wy)
{
  PlanoRect r;

  /* Around the item as drawn: a component may be taller than its box, to show its label. */
  if (!plano_renderer_get_drawn_bounds (self->renderer, item->id, &r))
    plano_item_get_bounds (item, &r.x, &r.y, &r.w, &r.h);

  switch (handle)
    {
    case HANDLE_CONNECT:
      plano_canvas_canvas_to_widget (self, r.x + r.w, r.y + r.h / 2, wx, wy);
      *wx += CONNECT_OFFSET;
      break;
    case HANDLE_TOP_LEFT:
      plano_canvas_canvas_to_widget (self, r.x, r.y, wx, wy);
      break;
    case HANDLE_TOP_RIGHT:
      plano_canvas_canvas_to_widget (self, r.x + r.w, r.y, wx, wy);
      break;
    case HANDLE_BOTTOM_LEFT:
      plano_canvas_canvas_to_widget (self, r.x, r.y + r.h, wx, wy);
      break;
    case HANDLE_BOTTOM_RIGHT:
      plano_canvas_canvas_to_widget (self, r.x + r.w, r.y + r.h, wx, wy);
      break;
    case HANDLE_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* The node whose "+" shows because the pointer is on it, if it is not the selected item. */
static const PlanoItem *
port_item (PlanoCanvas *self)
{
  const PlanoItem *item;

  if (self->port == NULL || self->board == NULL || self->state != STATE_IDLE)
    return NULL;

  item = plano_board_lookup (self->board, self->port);
  if (item == NULL || item->type != PLANO_ITEM_NODE || item == _plano_canvas_single_selected (self))
    return NULL;

  return item;
}

static gboolean
near_handle (PlanoCanvas     *self,
             const PlanoItem *item,
             Handle           handle,
             double           wx,
             double           wy)
{
  double hx, hy;

  handle_position (self, item, handle, &hx, &hy);
  return fabs (wx - hx) <= HANDLE_SIZE && fabs (wy - hy) <= HANDLE_SIZE;
}

/* The handle at @wx, @wy, and the item it belongs to. */
Handle
_plano_canvas_pick_handle (PlanoCanvas      *self,
                           double            wx,
                           double            wy,
                           const PlanoItem **owner)
{
  const PlanoItem *item = _plano_canvas_single_selected (self);
  const PlanoItem *port = port_item (self);

  if (item != NULL)
    for (Handle h = HANDLE_CONNECT; h <= HANDLE_BOTTOM_RIGHT; h++)
      {
        if (h == HANDLE_CONNECT && item->type != PLANO_ITEM_NODE)
          continue;

        if (near_handle (self, item, h, wx, wy))
          {
            if (owner != NULL)
              *owner = item;
            return h;
          }
      }

  if (port != NULL && near_handle (self, port, HANDLE_CONNECT, wx, wy))
    {
      if (owner != NULL)
        *owner = port;
      return HANDLE_CONNECT;
    }

  return HANDLE_NONE;
}

/* The pointer moved to @wx, @wy over @hover: the "+" follows it from node to node. */
void
_plano_canvas_update_port (PlanoCanvas *self,
                           double       wx,
                           double       wy,
                           const char  *hover)
{
  const PlanoItem *current = self->port != NULL ? plano_board_lookup (self->board, self->port) : NULL;
  const PlanoItem *item = hover != NULL ? plano_board_lookup (self->board, hover) : NULL;
  const char *port = item != NULL && item->type == PLANO_ITEM_NODE ? hover : NULL;

  /* Between a card and its "+", and on the "+", the "+" stays. */
  if (current != NULL && current->type == PLANO_ITEM_NODE && port == NULL)
    {
      PlanoRect r;
      double x1, y1, x2, y2;

      if (!plano_renderer_get_drawn_bounds (self->renderer, current->id, &r))
        plano_item_get_bounds (current, &r.x, &r.y, &r.w, &r.h);
      plano_canvas_canvas_to_widget (self, r.x, r.y, &x1, &y1);
      plano_canvas_canvas_to_widget (self, r.x + r.w, r.y + r.h, &x2, &y2);
      if (wx >= x1 && wx <= x2 + CONNECT_OFFSET + HANDLE_SIZE && wy >= y1 && wy <= y2)
        port = current->id;
    }

  if (g_strcmp0 (port, self->port) != 0)
    {
      g_free (self->port);
      self->port = g_strdup (port);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/**
 * plano_canvas_get_handle_point:
 *
 * Where the connection handle of the single selected node is, in widget coordinates.
 */
void
plano_canvas_get_handle_point (PlanoCanvas *self,
                               double      *widget_x,
                               double      *widget_y)
{
  const PlanoItem *item = _plano_canvas_single_selected (self);

  g_return_if_fail (item != NULL && item->type == PLANO_ITEM_NODE);

  handle_position (self, item, HANDLE_CONNECT, widget_x, widget_y);
}

/* A press on a handle of the single selected item: the "+" starts a connection, a corner a
 * resize. */
gboolean
_plano_canvas_handle_begin (PlanoCanvas *self,
                            double       wx,
                            double       wy)
{
  const PlanoItem *item = NULL;
  Handle handle = _plano_canvas_pick_handle (self, wx, wy, &item);

  if (handle == HANDLE_NONE)
    return FALSE;

  g_free (self->source);
  self->source = g_strdup (item->id);
  self->handle = handle;

  if (handle == HANDLE_CONNECT)
    {
      self->state = STATE_CONNECTING;
    }
  else
    {
      const char *resized[] = { item->id, NULL };

      self->state = STATE_RESIZING;
      /* From the size it is drawn at, which the drag then writes. */
      if (!plano_renderer_get_drawn_bounds (self->renderer, item->id, &self->resize_start))
        plano_item_get_bounds (item, &self->resize_start.x, &self->resize_start.y,
                               &self->resize_start.w, &self->resize_start.h);
      _plano_canvas_guides_begin (self, resized, TRUE);
      _plano_canvas_begin (self, _("Resize"));
    }

  return TRUE;
}

/* A resized text wraps at its new width; its height follows its lines, not the pointer. */
void
_plano_canvas_resize_end (PlanoCanvas *self)
{
  const PlanoItem *item = plano_board_lookup (self->board, self->source);

  if (item != NULL && item->type == PLANO_ITEM_TEXT)
    {
      const PlanoText *text = (const PlanoText *) item;
      double w, h;

      plano_renderer_fit_text (self->renderer, text, TRUE, &w, &h);
      plano_board_set_bounds (self->board, item->id, text->x, text->y, w, h);
    }

  _plano_canvas_commit (self);
}

void
_plano_canvas_resize_drag (PlanoCanvas *self)
{
  PlanoRect r = self->resize_start;
  double x1 = r.x, y1 = r.y, x2 = r.x + r.w, y2 = r.y + r.h;
  double px = self->pointer_x;
  double py = self->pointer_y;
  gboolean left = self->handle == HANDLE_TOP_LEFT || self->handle == HANDLE_BOTTOM_LEFT;
  gboolean top = self->handle == HANDLE_TOP_LEFT || self->handle == HANDLE_TOP_RIGHT;

  _plano_canvas_guides_snap_resize (self, &px, &py, self->drag_state);

  if (left)
    x1 = MIN (px, x2 - 40);
  else
    x2 = MAX (px, x1 + 40);
  if (top)
    y1 = MIN (py, y2 - 32);
  else
    y2 = MAX (py, y1 + 32);

  plano_board_set_bounds (self->board, self->source, x1, y1, x2 - x1, y2 - y1);
  if ((self->drag_state & GDK_ALT_MASK) == 0)
    _plano_canvas_guides_show_resize (self, &(PlanoRect) { x1, y1, x2 - x1, y2 - y1 },
                                      left ? x1 : x2, top ? y1 : y2);
}

static void
draw_connect_handle (cairo_t       *cr,
                     double         hx,
                     double         hy,
                     const GdkRGBA *accent)
{
  cairo_arc (cr, hx, hy, HANDLE_SIZE / 2 + 1, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1);
  cairo_fill (cr);
  cairo_move_to (cr, hx - 3, hy);
  cairo_line_to (cr, hx + 3, hy);
  cairo_move_to (cr, hx, hy - 3);
  cairo_line_to (cr, hx, hy + 3);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

void
_plano_canvas_handles_draw (PlanoCanvas   *self,
                            cairo_t       *cr,
                            const GdkRGBA *accent)
{
  const PlanoItem *item = _plano_canvas_single_selected (self);
  const PlanoItem *port = port_item (self);

  if (port != NULL)
    {
      double hx, hy;

      handle_position (self, port, HANDLE_CONNECT, &hx, &hy);
      draw_connect_handle (cr, hx, hy, accent);
    }

  if (item != NULL && self->state != STATE_CONNECTING && self->state != STATE_KEY_CONNECTING)
    {
      for (Handle h = HANDLE_CONNECT; h <= HANDLE_BOTTOM_RIGHT; h++)
        {
          double hx, hy;

          if (h == HANDLE_CONNECT && item->type != PLANO_ITEM_NODE)
            continue;

          handle_position (self, item, h, &hx, &hy);

          if (h == HANDLE_CONNECT)
            {
              draw_connect_handle (cr, hx, hy, accent);
            }
          else
            {
              cairo_rectangle (cr, hx - HANDLE_SIZE / 2, hy - HANDLE_SIZE / 2, HANDLE_SIZE, HANDLE_SIZE);
              cairo_set_source_rgb (cr, 1, 1, 1);
              cairo_fill_preserve (cr);
              cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1);
              cairo_set_line_width (cr, 1.5);
              cairo_stroke (cr);
            }
        }
    }
}
