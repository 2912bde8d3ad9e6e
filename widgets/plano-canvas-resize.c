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
 * "+" that starts a connection. */

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

Handle
_plano_canvas_pick_handle (PlanoCanvas *self,
             double       wx,
             double       wy)
{
  const PlanoItem *item = _plano_canvas_single_selected (self);

  if (item == NULL)
    return HANDLE_NONE;

  for (Handle h = HANDLE_CONNECT; h <= HANDLE_BOTTOM_RIGHT; h++)
    {
      double hx, hy;

      if (h == HANDLE_CONNECT && item->type != PLANO_ITEM_NODE)
        continue;

      handle_position (self, item, h, &hx, &hy);
      if (fabs (wx - hx) <= HANDLE_SIZE && fabs (wy - hy) <= HANDLE_SIZE)
        return h;
    }

  return HANDLE_NONE;
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
  Handle handle = _plano_canvas_pick_handle (self, wx, wy);
  const PlanoItem *item;

  if (handle == HANDLE_NONE)
    return FALSE;

  item = _plano_canvas_single_selected (self);
  g_free (self->source);
  self->source = g_strdup (item->id);
  self->handle = handle;

  if (handle == HANDLE_CONNECT)
    {
      self->state = STATE_CONNECTING;
    }
  else
    {
      self->state = STATE_RESIZING;
      /* From the size it is drawn at, which the drag then writes. */
      if (!plano_renderer_get_drawn_bounds (self->renderer, item->id, &self->resize_start))
        plano_item_get_bounds (item, &self->resize_start.x, &self->resize_start.y,
                               &self->resize_start.w, &self->resize_start.h);
      _plano_canvas_begin (self, _("Resize"));
    }

  return TRUE;
}

void
_plano_canvas_resize_drag (PlanoCanvas *self)
{
  PlanoRect r = self->resize_start;
  double x1 = r.x, y1 = r.y, x2 = r.x + r.w, y2 = r.y + r.h;
  double px = _plano_canvas_snapped (self, self->pointer_x);
  double py = _plano_canvas_snapped (self, self->pointer_y);

  if (self->handle == HANDLE_TOP_LEFT || self->handle == HANDLE_BOTTOM_LEFT)
    x1 = MIN (px, x2 - 40);
  else
    x2 = MAX (px, x1 + 40);
  if (self->handle == HANDLE_TOP_LEFT || self->handle == HANDLE_TOP_RIGHT)
    y1 = MIN (py, y2 - 32);
  else
    y2 = MAX (py, y1 + 32);

  plano_board_set_bounds (self->board, self->source, x1, y1, x2 - x1, y2 - y1);
}

void
_plano_canvas_handles_draw (PlanoCanvas   *self,
                            cairo_t       *cr,
                            const GdkRGBA *accent)
{
  const PlanoItem *item = _plano_canvas_single_selected (self);

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
