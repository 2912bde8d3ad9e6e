/* plano-canvas-frames.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-canvas"

#include "config.h"

#include <stdio.h>

#include "plano-canvas-private.h"

/* With PLANO_DEBUG=frames in the environment, the canvas writes a line to standard error for
 * each frame it draws: how long the frame clock's paint took (the canvas and every other
 * widget drawn, and the frame handed to the display), how much of it the canvas's own
 * snapshot was, how many of its tiles it drew, and how long after the input the frame was
 * done: the first pointer motion of a drag, or change to the board, that it shows. A drag
 * driven by xdotool is then measured end to end (docs/performance.md). The lines are for
 * developers and are not translated; each is one line, shown here in two:
 *
 *   plano-frames: frame 812: paint 3.41 ms (canvas 0.92 ms, 2 tiles drawn), input 4.10 ms before,
 *   16.68 ms since the last frame
 *
 * Whenever it changes, a line says where the canvas is in its window (in the window's surface,
 * shadow or resize border included) and which part of the board it shows (the board's point
 * at its top-left corner, and the zoom), so that a script can point at a component:
 *
 *   plano-frames: canvas 1280×720 at 320,46 in its window, device scale 1, showing 512.50,-80.00
 *   at zoom 0.378
 */

struct _PlanoCanvasFrames
{
  gulong         before_handler;
  gulong         after_handler;
  GdkFrameClock *clock;

  gint64         paint_start;   /* µs: when the frame clock's paint began */
  gint64         last_end;      /* µs: when the last frame the canvas drew was done */
  gint64         input;         /* µs: the first input not shown yet; 0 when none */
  gint64         snapshot_start;
  gint64         snapshot_us;   /* the canvas's snapshot in this frame; -1 when it drew none */
  guint          tiles_drawn;
  guint          tiles_before;
  int            width, height, scale;
  double         x, y;
  double         ox, oy, zoom;
};

static gboolean
frames_wanted (void)
{
  static const GDebugKey keys[] = { { "frames", 1 } };
  static gsize wanted;

  if (g_once_init_enter (&wanted))
    g_once_init_leave (&wanted, 1 + g_parse_debug_string (g_getenv ("PLANO_DEBUG"), keys,
                                                          G_N_ELEMENTS (keys)));

  return wanted > 1;
}

static void
before_paint_cb (PlanoCanvas   *self,
                 GdkFrameClock *clock)
{
  self->frames->paint_start = g_get_monotonic_time ();
  self->frames->snapshot_us = -1;
}

static void
after_paint_cb (PlanoCanvas   *self,
                GdkFrameClock *clock)
{
  PlanoCanvasFrames *frames = self->frames;
  gint64 end = g_get_monotonic_time ();
  g_autoptr(GString) line = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double zoom = plano_canvas_get_zoom (self);
  graphene_point_t origin;
  GtkNative *native;
  double ox, oy, surface_x, surface_y;

  if (frames->snapshot_us < 0)
    return;

  plano_canvas_widget_to_canvas (self, 0, 0, &ox, &oy);
  native = gtk_widget_get_native (GTK_WIDGET (self));
  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (native), &GRAPHENE_POINT_INIT (0, 0),
                                 &origin))
    origin = GRAPHENE_POINT_INIT (0, 0);
  /* In the window's surface, which has a margin for its shadow or resize border. */
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  origin.x += surface_x;
  origin.y += surface_y;
  if (width != frames->width || height != frames->height || scale != frames->scale ||
      origin.x != frames->x || origin.y != frames->y || ox != frames->ox || oy != frames->oy ||
      zoom != frames->zoom)
    {
      frames->width = width;
      frames->height = height;
      frames->scale = scale;
      frames->x = origin.x;
      frames->y = origin.y;
      frames->ox = ox;
      frames->oy = oy;
      frames->zoom = zoom;
      fprintf (stderr, "plano-frames: canvas %d×%d at %g,%g in its window, device scale %d, "
               "showing %.2f,%.2f at zoom %g\n", width, height, origin.x, origin.y, scale, ox, oy, zoom);
    }

  line = g_string_new (NULL);
  g_string_append_printf (line, "plano-frames: frame %" G_GINT64_FORMAT ": paint %.2f ms "
                          "(canvas %.2f ms, %u tiles drawn)", gdk_frame_clock_get_frame_counter (clock),
                          (end - frames->paint_start) / 1000.0, frames->snapshot_us / 1000.0,
                          frames->tiles_drawn);
  if (frames->input > 0)
    g_string_append_printf (line, ", input %.2f ms before", (end - frames->input) / 1000.0);
  if (frames->last_end > 0)
    g_string_append_printf (line, ", %.2f ms since the last frame",
                            (end - frames->last_end) / 1000.0);
  g_string_append_c (line, '\n');
  fputs (line->str, stderr);

  frames->last_end = end;
  frames->input = 0;
}

static void
realize_cb (PlanoCanvas *self)
{
  PlanoCanvasFrames *frames = self->frames;

  frames->clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  frames->before_handler = g_signal_connect_object (frames->clock, "before-paint",
                                                    G_CALLBACK (before_paint_cb), self,
                                                    G_CONNECT_SWAPPED);
  frames->after_handler = g_signal_connect_object (frames->clock, "after-paint",
                                                   G_CALLBACK (after_paint_cb), self,
                                                   G_CONNECT_SWAPPED);
}

static void
unrealize_cb (PlanoCanvas *self)
{
  PlanoCanvasFrames *frames = self->frames;

  if (frames->clock == NULL)
    return;
  g_clear_signal_handler (&frames->before_handler, frames->clock);
  g_clear_signal_handler (&frames->after_handler, frames->clock);
  g_clear_object (&frames->clock);
}

void
_plano_canvas_frames_init (PlanoCanvas *self)
{
  if (!frames_wanted ())
    return;

  self->frames = g_new0 (PlanoCanvasFrames, 1);
  self->frames->snapshot_us = -1;
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (unrealize_cb), NULL);
}

void
_plano_canvas_frames_finalize (PlanoCanvas *self)
{
  if (self->frames == NULL)
    return;

  unrealize_cb (self);
  g_clear_pointer (&self->frames, g_free);
}

/* An input that the next frame shows. */
void
_plano_canvas_frames_input (PlanoCanvas *self)
{
  if (self->frames != NULL && self->frames->input == 0)
    self->frames->input = g_get_monotonic_time ();
}

void
_plano_canvas_frames_snapshot_begin (PlanoCanvas *self)
{
  if (self->frames == NULL)
    return;

  self->frames->snapshot_start = g_get_monotonic_time ();
  self->frames->tiles_before = self->tiles != NULL ? plano_tiles_get_n_drawn (self->tiles) : 0;
}

void
_plano_canvas_frames_snapshot_end (PlanoCanvas *self)
{
  PlanoCanvasFrames *frames = self->frames;

  if (frames == NULL)
    return;

  /* A frame may snapshot the canvas more than once (never in practice): the times add up. */
  frames->snapshot_us = MAX (frames->snapshot_us, 0) + g_get_monotonic_time () -
                        frames->snapshot_start;
  frames->tiles_drawn = 0;
  if (self->tiles != NULL)
    frames->tiles_drawn = plano_tiles_get_n_drawn (self->tiles) - frames->tiles_before;
}
