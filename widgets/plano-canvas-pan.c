/* plano-canvas-pan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-canvas"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "plano-canvas-private.h"

/* Panning and zooming: the middle button or Space with the primary button drags the view,
 * the scroll wheel pans and with Ctrl zooms at the pointer, and a pinch zooms. */

static void
pan_begin_cb (PlanoCanvas    *self,
              double          wx,
              double          wy,
              GtkGestureDrag *gesture)
{
  self->pan_ox = self->ox;
  self->pan_oy = self->oy;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
pan_update_cb (PlanoCanvas    *self,
               double          offset_x,
               double          offset_y,
               GtkGestureDrag *gesture)
{
  self->ox = self->pan_ox - offset_x / self->zoom;
  self->oy = self->pan_oy - offset_y / self->zoom;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pan_end_cb (PlanoCanvas    *self,
            double          offset_x,
            double          offset_y,
            GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static gboolean
scroll_cb (PlanoCanvas              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *scroll)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  gboolean discrete = gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      double wx, wy;

      plano_canvas_canvas_to_widget (self, self->pointer_x, self->pointer_y, &wx, &wy);
      plano_canvas_zoom_at (self, pow (discrete ? 1.15 : 1.01, -dy), wx, wy);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK && dx == 0)
    dx = dy, dy = 0;

  self->ox += dx * (discrete ? 40 : 1) / self->zoom;
  self->oy += dy * (discrete ? 40 : 1) / self->zoom;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

static void
zoom_begin_cb (PlanoCanvas    *self,
               GdkEventSequence *sequence,
               GtkGesture     *gesture)
{
  self->zoom_start = self->zoom;
}

static void
zoom_scale_changed_cb (PlanoCanvas    *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double cx, cy;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy);
  plano_canvas_zoom_at (self, self->zoom_start * scale / self->zoom, cx, cy);
}

static gboolean
key_pressed_cb (PlanoCanvas           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *key)
{
  if (keyval != GDK_KEY_space || self->editing != NULL)
    return FALSE;

  self->space_down = TRUE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  return TRUE;
}

static void
key_released_cb (PlanoCanvas           *self,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkEventControllerKey *key)
{
  if (keyval != GDK_KEY_space)
    return;

  self->space_down = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

/* Space held: a primary drag pans, as the middle button does. */
void
_plano_canvas_pan_begin (PlanoCanvas *self)
{
  self->state = STATE_PANNING;
  self->pan_ox = self->ox;
  self->pan_oy = self->oy;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

void
_plano_canvas_pan_drag (PlanoCanvas *self,
                        double       offset_x,
                        double       offset_y)
{
  self->ox = self->pan_ox - offset_x / self->zoom;
  self->oy = self->pan_oy - offset_y / self->zoom;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_plano_canvas_pan_init (PlanoCanvas *self)
{
  GtkGesture *pan;
  GtkGesture *zoom;
  GtkEventController *scroll;

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect_swapped (pan, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect_swapped (pan, "drag-update", G_CALLBACK (pan_update_cb), self);
  g_signal_connect_swapped (pan, "drag-end", G_CALLBACK (pan_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
    g_signal_connect_swapped (keys, "key-released", G_CALLBACK (key_released_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}
