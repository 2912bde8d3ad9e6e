/* plano-canvas-guides.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-canvas"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "plano-canvas-private.h"

/* Smart guides: while items are moved or resized, an edge or centre that comes within a few
 * pixels of an edge or centre of another item in view snaps to it, and a line shows the
 * alignment; a box moved between two others, or beside a pair, snaps to equal gaps, and marks
 * show them. They take precedence over the grid, which still applies on an axis where nothing
 * lines up; Alt held turns both off. The items in view are gathered once, when the gesture
 * starts.
 */

#define GUIDE_DISTANCE  6.0     /* screen pixels within which an edge snaps */
#define SAME            0.01    /* canvas units: lined up */

static double
start (const PlanoRect *r,
       gboolean         x)
{
  return x ? r->x : r->y;
}

static double
size (const PlanoRect *r,
      gboolean         x)
{
  return x ? r->w : r->h;
}

/* Whether @a and @b overlap across the axis: side by side along x means overlapping in y. */
static gboolean
overlap_across (const PlanoRect *a,
                const PlanoRect *b,
                gboolean         x)
{
  return start (a, !x) < start (b, !x) + size (b, !x) && start (b, !x) < start (a, !x) + size (a, !x);
}

/**
 * _plano_canvas_guides_begin:
 * @exclude: the items that move or change, which nothing snaps to
 * @zones: whether zones are snapped to too (when a zone moves), or only what zones hold
 *
 * Gathers the boxes in view that a moved or resized box may line up with.
 */
void
_plano_canvas_guides_begin (PlanoCanvas        *self,
                            const char * const *exclude,
                            gboolean            zones)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  PlanoRect view;
  double ox, oy;

  _plano_canvas_guides_end (self);
  if (self->renderer == NULL)
    return;

  plano_canvas_widget_to_canvas (self, 0, 0, &ox, &oy);
  view = (PlanoRect) { ox, oy, gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom,
                       gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom };
  plano_renderer_query (self->renderer, &view, ids);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const PlanoItem *item = plano_board_lookup (self->board, id);
      PlanoRect box;

      /* As drawn: a component may be taller than its box, to show its label. */
      if (item == NULL || (exclude != NULL && g_strv_contains (exclude, id)) ||
          (item->type == PLANO_ITEM_ZONE && !zones) ||
          !plano_item_get_bounds (item, NULL, NULL, NULL, NULL) ||
          !plano_renderer_get_drawn_bounds (self->renderer, id, &box))
        continue;

      g_array_append_val (self->snap_boxes, box);
    }
}

void
_plano_canvas_guides_end (PlanoCanvas *self)
{
  gboolean shown = self->guides->len > 0 || self->gaps->len > 0;

  g_array_set_size (self->snap_boxes, 0);
  g_array_set_size (self->guides, 0);
  g_array_set_size (self->gaps, 0);
  if (shown)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The three lines of a box along one axis: its start, its centre and its end. */
static void
lines (const PlanoRect *r,
       gboolean         x,
       double           out[3])
{
  out[0] = start (r, x);
  out[1] = start (r, x) + size (r, x) / 2;
  out[2] = start (r, x) + size (r, x);
}

/* The nearest box on one side of @m along the axis, among those beside it across the axis. */
static const PlanoRect *
neighbour (PlanoCanvas     *self,
           const PlanoRect *m,
           gboolean         x,
           int              side)
{
  const PlanoRect *best = NULL;

  for (guint i = 0; i < self->snap_boxes->len; i++)
    {
      const PlanoRect *b = &g_array_index (self->snap_boxes, PlanoRect, i);

      if (b == m || !overlap_across (b, m, x))
        continue;

      if (side < 0 && start (b, x) + size (b, x) <= start (m, x) + SAME &&
          (best == NULL || start (b, x) + size (b, x) > start (best, x) + size (best, x)))
        best = b;
      else if (side > 0 && start (b, x) >= start (m, x) + size (m, x) - SAME &&
               (best == NULL || start (b, x) < start (best, x)))
        best = b;
    }

  return best;
}

typedef struct
{
  const PlanoRect *a, *b;    /* the pair whose gap is repeated, or the two sides of a middle */
  double           target;   /* where @m's start goes */
} Spacing;

/* The places along one axis where @m sits at equal gaps: in the middle between its two
 * neighbours, or as far from its neighbour as that one is from the next. */
static guint
spacings (PlanoCanvas     *self,
          const PlanoRect *m,
          gboolean         x,
          Spacing          out[3])
{
  const PlanoRect *l1 = neighbour (self, m, x, -1);
  const PlanoRect *r1 = neighbour (self, m, x, 1);
  guint n = 0;

  if (l1 != NULL && r1 != NULL && start (r1, x) - (start (l1, x) + size (l1, x)) > size (m, x))
    out[n++] = (Spacing) { l1, r1, (start (l1, x) + size (l1, x) + start (r1, x) - size (m, x)) / 2 };

  if (l1 != NULL)
    {
      const PlanoRect *l2 = neighbour (self, l1, x, -1);
      double gap = l2 != NULL ? start (l1, x) - (start (l2, x) + size (l2, x)) : 0;

      if (gap > 0)
        out[n++] = (Spacing) { l2, l1, start (l1, x) + size (l1, x) + gap };
    }

  if (r1 != NULL)
    {
      const PlanoRect *r2 = neighbour (self, r1, x, 1);
      double gap = r2 != NULL ? start (r2, x) - (start (r1, x) + size (r1, x)) : 0;

      if (gap > 0)
        out[n++] = (Spacing) { r1, r2, start (r1, x) - gap - size (m, x) };
    }

  return n;
}

/* How far to move @m along one axis to line it up, within @tolerance; FALSE if nothing is
 * that near. */
static gboolean
find_snap (PlanoCanvas     *self,
           const PlanoRect *m,
           gboolean         x,
           gboolean         spacing,
           double           tolerance,
           double          *offset)
{
  double best = tolerance;
  gboolean found = FALSE;
  double ms[3];

  lines (m, x, ms);
  for (guint i = 0; i < self->snap_boxes->len; i++)
    {
      double bs[3];

      lines (&g_array_index (self->snap_boxes, PlanoRect, i), x, bs);
      for (guint j = 0; j < 3; j++)
        for (guint k = 0; k < 3; k++)
          if (fabs (bs[k] - ms[j]) <= fabs (best))
            {
              best = bs[k] - ms[j];
              found = TRUE;
            }
    }

  if (spacing)
    {
      Spacing s[3];
      guint n = spacings (self, m, x, s);

      for (guint i = 0; i < n; i++)
        if (fabs (s[i].target - start (m, x)) < fabs (best))
          {
            best = s[i].target - start (m, x);
            found = TRUE;
          }
    }

  if (found)
    *offset = best;
  return found;
}

static void
add_guide (PlanoCanvas *self,
           gboolean     vertical,
           double       position,
           double       from,
           double       to)
{
  Guide guide = { vertical, position, from, to };

  for (guint i = 0; i < self->guides->len; i++)
    {
      Guide *g = &g_array_index (self->guides, Guide, i);

      if (g->vertical == vertical && fabs (g->position - position) < SAME)
        {
          g->from = MIN (g->from, from);
          g->to = MAX (g->to, to);
          return;
        }
    }

  g_array_append_val (self->guides, guide);
}

static void
add_gap (PlanoCanvas     *self,
         gboolean         x,
         double           from,
         double           to,
         const PlanoRect *a,
         const PlanoRect *b)
{
  double lo = MAX (start (a, !x), start (b, !x));
  double hi = MIN (start (a, !x) + size (a, !x), start (b, !x) + size (b, !x));
  Gap gap = { x, from, to, lo, hi };

  g_array_append_val (self->gaps, gap);
}

/* The guides and gap marks that show how @m lines up where it is. */
static void
collect (PlanoCanvas     *self,
         const PlanoRect *m,
         gboolean         spacing)
{
  g_array_set_size (self->guides, 0);
  g_array_set_size (self->gaps, 0);

  for (int axis = 0; axis < 2; axis++)
    {
      gboolean x = axis == 0;
      double ms[3];

      lines (m, x, ms);
      for (guint i = 0; i < self->snap_boxes->len; i++)
        {
          const PlanoRect *b = &g_array_index (self->snap_boxes, PlanoRect, i);
          double bs[3];

          lines (b, x, bs);
          for (guint j = 0; j < 3; j++)
            for (guint k = 0; k < 3; k++)
              if (fabs (bs[k] - ms[j]) < SAME)
                add_guide (self, x, bs[k], MIN (start (m, !x), start (b, !x)),
                           MAX (start (m, !x) + size (m, !x), start (b, !x) + size (b, !x)));
        }

      if (spacing)
        {
          Spacing s[3];
          guint n = spacings (self, m, x, s);

          for (guint i = 0; i < n; i++)
            {
              if (fabs (s[i].target - start (m, x)) >= SAME)
                continue;

              if (start (s[i].a, x) < start (m, x) && start (s[i].b, x) > start (m, x))
                {
                  /* In the middle: the gaps on either side. */
                  add_gap (self, x, start (s[i].a, x) + size (s[i].a, x), start (m, x), s[i].a, m);
                  add_gap (self, x, start (m, x) + size (m, x), start (s[i].b, x), m, s[i].b);
                }
              else if (start (s[i].b, x) < start (m, x))
                {
                  /* After a pair: its gap, and the same one before @m. */
                  add_gap (self, x, start (s[i].a, x) + size (s[i].a, x), start (s[i].b, x), s[i].a, s[i].b);
                  add_gap (self, x, start (s[i].b, x) + size (s[i].b, x), start (m, x), s[i].b, m);
                }
              else
                {
                  add_gap (self, x, start (m, x) + size (m, x), start (s[i].a, x), m, s[i].a);
                  add_gap (self, x, start (s[i].a, x) + size (s[i].a, x), start (s[i].b, x), s[i].a, s[i].b);
                }
            }
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * _plano_canvas_guides_snap_move:
 * @box: the moved items' box where they were when the move started
 * @dx: (inout): how far the pointer has moved them; on return, how far they go
 * @dy: (inout): the same downwards
 * @state: the modifiers held; Alt turns snapping off
 *
 * Snaps a move to the other items in view, or else to the grid, and shows the guides.
 */
void
_plano_canvas_guides_snap_move (PlanoCanvas     *self,
                                const PlanoRect *box,
                                double          *dx,
                                double          *dy,
                                GdkModifierType  state)
{
  double tolerance = GUIDE_DISTANCE / self->zoom;
  PlanoRect m = { box->x + *dx, box->y + *dy, box->w, box->h };
  double offset;

  if ((state & GDK_ALT_MASK) != 0)
    {
      g_array_set_size (self->guides, 0);
      g_array_set_size (self->gaps, 0);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (find_snap (self, &m, TRUE, TRUE, tolerance, &offset))
    *dx += offset;
  else
    *dx = _plano_canvas_snapped (self, self->anchor_x + *dx) - self->anchor_x;

  if (find_snap (self, &m, FALSE, TRUE, tolerance, &offset))
    *dy += offset;
  else
    *dy = _plano_canvas_snapped (self, self->anchor_y + *dy) - self->anchor_y;

  m = (PlanoRect) { box->x + *dx, box->y + *dy, box->w, box->h };
  collect (self, &m, TRUE);
}

/**
 * _plano_canvas_guides_snap_resize:
 * @box: the resized item's box as it would be with the pointer where it is
 * @x: (inout): the canvas x of the moved vertical edge
 * @y: (inout): the canvas y of the moved horizontal edge
 * @state: the modifiers held; Alt turns snapping off
 *
 * Snaps the moved edges of a resize to the other items in view, or else to the grid.
 */
void
_plano_canvas_guides_snap_resize (PlanoCanvas     *self,
                                  double          *x,
                                  double          *y,
                                  GdkModifierType  state)
{
  double tolerance = GUIDE_DISTANCE / self->zoom;
  PlanoRect px = { *x, *y, 0, 0 };
  double offset;

  g_array_set_size (self->guides, 0);
  g_array_set_size (self->gaps, 0);

  if ((state & GDK_ALT_MASK) != 0)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (find_snap (self, &px, TRUE, FALSE, tolerance, &offset))
    *x += offset;
  else
    *x = _plano_canvas_snapped (self, *x);

  if (find_snap (self, &px, FALSE, FALSE, tolerance, &offset))
    *y += offset;
  else
    *y = _plano_canvas_snapped (self, *y);
}

/* After a resize step: the guides of the edges that moved, on the item's new box. */
void
_plano_canvas_guides_show_resize (PlanoCanvas     *self,
                                  const PlanoRect *box,
                                  double           x,
                                  double           y)
{
  PlanoRect edge_x = { x, box->y, 0, box->h };
  PlanoRect edge_y = { box->x, y, box->w, 0 };
  g_autoptr(GArray) guides = g_array_new (FALSE, FALSE, sizeof (Guide));

  /* Only the lines of the moved edges count, each with the extent of the box. */
  collect (self, &edge_x, FALSE);
  for (guint i = 0; i < self->guides->len; i++)
    if (g_array_index (self->guides, Guide, i).vertical)
      g_array_append_val (guides, g_array_index (self->guides, Guide, i));
  collect (self, &edge_y, FALSE);
  for (guint i = 0; i < self->guides->len; i++)
    if (!g_array_index (self->guides, Guide, i).vertical)
      g_array_append_val (guides, g_array_index (self->guides, Guide, i));

  g_array_set_size (self->guides, 0);
  g_array_append_vals (self->guides, guides->data, guides->len);
}

void
_plano_canvas_guides_draw (PlanoCanvas *self,
                           cairo_t     *cr)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double x1, y1, x2, y2;

  if (self->guides->len == 0 && self->gaps->len == 0)
    return;

  /* Not the accent, which marks the selection: a red that stands apart from it. */
  if (dark)
    cairo_set_source_rgb (cr, 0xff / 255.0, 0x7b / 255.0, 0x63 / 255.0);
  else
    cairo_set_source_rgb (cr, 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0);
  cairo_set_line_width (cr, 1);

  for (guint i = 0; i < self->guides->len; i++)
    {
      const Guide *g = &g_array_index (self->guides, Guide, i);

      if (g->vertical)
        {
          plano_canvas_canvas_to_widget (self, g->position, g->from, &x1, &y1);
          plano_canvas_canvas_to_widget (self, g->position, g->to, &x2, &y2);
          x1 = x2 = floor (x1) + 0.5;
          y1 -= 8, y2 += 8;
        }
      else
        {
          plano_canvas_canvas_to_widget (self, g->from, g->position, &x1, &y1);
          plano_canvas_canvas_to_widget (self, g->to, g->position, &x2, &y2);
          y1 = y2 = floor (y1) + 0.5;
          x1 -= 8, x2 += 8;
        }
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, x2, y2);
    }
  cairo_stroke (cr);

  /* A gap: the space shaded, and a line across its middle with a tick at each end. */
  for (guint i = 0; i < self->gaps->len; i++)
    {
      const Gap *g = &g_array_index (self->gaps, Gap, i);
      double across = (g->across_from + g->across_to) / 2;
      double a1, a2;

      if (g->horizontal)
        {
          plano_canvas_canvas_to_widget (self, g->from, g->across_from, &x1, &a1);
          plano_canvas_canvas_to_widget (self, g->to, g->across_to, &x2, &a2);
          cairo_rectangle (cr, x1, a1, x2 - x1, a2 - a1);
        }
      else
        {
          plano_canvas_canvas_to_widget (self, g->across_from, g->from, &a1, &y1);
          plano_canvas_canvas_to_widget (self, g->across_to, g->to, &a2, &y2);
          cairo_rectangle (cr, a1, y1, a2 - a1, y2 - y1);
        }
      cairo_save (cr);
      cairo_clip (cr);
      cairo_paint_with_alpha (cr, 0.15);
      cairo_restore (cr);

      if (g->horizontal)
        {
          plano_canvas_canvas_to_widget (self, g->from, across, &x1, &y1);
          plano_canvas_canvas_to_widget (self, g->to, across, &x2, &y2);
          y1 = y2 = floor (y1) + 0.5;
          cairo_move_to (cr, x1, y1 - 5);
          cairo_line_to (cr, x1, y1 + 5);
          cairo_move_to (cr, x2, y2 - 5);
          cairo_line_to (cr, x2, y2 + 5);
        }
      else
        {
          plano_canvas_canvas_to_widget (self, across, g->from, &x1, &y1);
          plano_canvas_canvas_to_widget (self, across, g->to, &x2, &y2);
          x1 = x2 = floor (x1) + 0.5;
          cairo_move_to (cr, x1 - 5, y1);
          cairo_line_to (cr, x1 + 5, y1);
          cairo_move_to (cr, x2 - 5, y2);
          cairo_line_to (cr, x2 + 5, y2);
        }
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, x2, y2);
      cairo_stroke (cr);
    }
}

/* Alt pressed or let go during a move or a resize: the items jump to where they go now. */
static void
alt_changed (PlanoCanvas     *self,
             guint            keyval,
             GdkModifierType  state,
             gboolean         pressed)
{
  if ((keyval != GDK_KEY_Alt_L && keyval != GDK_KEY_Alt_R) ||
      (self->state != STATE_MOVING && self->state != STATE_RESIZING))
    return;

  state = pressed ? state | GDK_ALT_MASK : state & ~GDK_ALT_MASK;
  plano_canvas_pointer_drag_with_state (self, self->drag_x, self->drag_y, state);
}

static gboolean
key_pressed_cb (PlanoCanvas           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *keys)
{
  alt_changed (self, keyval, state, TRUE);
  return FALSE;
}

static void
key_released_cb (PlanoCanvas           *self,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkEventControllerKey *keys)
{
  alt_changed (self, keyval, state, FALSE);
}

void
_plano_canvas_guides_init (PlanoCanvas *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect_swapped (keys, "key-released", G_CALLBACK (key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->snap_boxes = g_array_new (FALSE, FALSE, sizeof (PlanoRect));
  self->guides = g_array_new (FALSE, FALSE, sizeof (Guide));
  self->gaps = g_array_new (FALSE, FALSE, sizeof (Gap));
}

void
_plano_canvas_guides_finalize (PlanoCanvas *self)
{
  g_clear_pointer (&self->snap_boxes, g_array_unref);
  g_clear_pointer (&self->guides, g_array_unref);
  g_clear_pointer (&self->gaps, g_array_unref);
}
