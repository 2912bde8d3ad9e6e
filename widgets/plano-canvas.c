/* plano-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-canvas"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plano-canvas-private.h"
#include "plano-catalog.h"
#include "plano-format.h"
#include "plano-review.h"
#include "plano-tiles.h"
#include "plano-tradeoff-editor.h"

/* The whiteboard. It draws the board through the core renderer and turns input into core
 * calls, each gesture inside one history transaction so that it is one undo step. What the
 * pointer does is a small state machine: idle, moving, rubber band, connecting, resizing,
 * panning.
 */

#define MIN_ZOOM        0.1
#define MAX_ZOOM        4.0
#define HANDLE_SIZE     9.0     /* screen pixels */
#define CONNECT_OFFSET  14.0    /* screen pixels right of a node */
#define PICK_TOLERANCE  5.0     /* screen pixels */
#define NUDGE           10.0    /* canvas units; one grid step with Shift */

typedef enum
{
  STATE_IDLE,
  STATE_MOVING,
  STATE_RUBBER_BAND,
  STATE_CONNECTING,
  STATE_RESIZING,
  STATE_PANNING,
  STATE_KEY_CONNECTING,
  STATE_EDGE_POINT,
  STATE_EDGE_END,
} State;

/* The handles of a selected edge: its two ends, its bend points, and the middle of each
 * segment, where dragging makes a new bend point.
 */
typedef enum
{
  EDGE_HANDLE_NONE,
  EDGE_HANDLE_FROM,
  EDGE_HANDLE_TO,
  EDGE_HANDLE_WAYPOINT,
  EDGE_HANDLE_MIDPOINT,
} EdgeHandle;

typedef enum
{
  HANDLE_NONE,
  HANDLE_CONNECT,
  HANDLE_TOP_LEFT,
  HANDLE_TOP_RIGHT,
  HANDLE_BOTTOM_LEFT,
  HANDLE_BOTTOM_RIGHT,
} Handle;

struct _PlanoCanvas
{
  GtkWidget      parent_instance;

  PlanoHistory  *history;
  PlanoBoard    *board;
  PlanoRenderer *renderer;
  PlanoTiles    *tiles;         /* the renderer's drawing, kept between frames */
  gulong         changed_handler;

  double         ox, oy;        /* the canvas point at the widget's top-left corner */
  double         zoom;
  gboolean       snap;
  double         grid;                   /* canvas units between grid lines */
  gboolean       centered;

  GHashTable    *selection;     /* ids */
  char          *hover;

  /* The gesture under way. */
  State          state;
  double         start_x, start_y;       /* canvas point where it began */
  double         pointer_x, pointer_y;   /* canvas point it is at */
  double         applied_dx, applied_dy; /* how far a move has moved things so far */
  double         anchor_x, anchor_y;     /* where the grabbed item started, for snapping */
  GStrv          moving;                 /* what a move moves */
  char          *source;                 /* a connection's or resize's item */
  Handle         handle;
  EdgeHandle     edge_handle;
  guint          edge_index;    /* the bend point being dragged */
  PlanoRect      resize_start;
  double         pan_ox, pan_oy;
  double         zoom_start;

  /* Label editing */
  GtkWidget     *entry;
  char          *editing;

  /* Keyboard connecting: the target Tab has picked. */
  char          *key_target;

  GtkWidget     *menu;
  PlanoRenderer *preview;       /* a replayed state shown instead of the document */
  double         paste_offset;
  gboolean       space_down;    /* Space held: a primary drag pans */
};

G_DEFINE_FINAL_TYPE (PlanoCanvas, plano_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_ZOOM,
  PROP_SNAP,
  PROP_GRID_SIZE,
  PROP_PREVIEW,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  ITEMS_DELETED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static gboolean
is_high_contrast (void)
{
  return adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

/* The canvas point drawn at the widget's top-left corner: the view's origin moved onto the
 * device pixel grid, as the tiles draw the board, so that what is drawn over the board and
 * where the pointer lands line up with it to the pixel. */
static void
view_origin (PlanoCanvas *self,
             double      *x,
             double      *y)
{
  PlanoRenderOptions options = { .zoom = self->zoom };
  PlanoRect area = { self->ox, self->oy, 0, 0 };

  if (self->tiles == NULL)
    {
      *x = self->ox;
      *y = self->oy;
      return;
    }
  plano_tiles_get_origin (self->tiles, &area, &options,
                          gtk_widget_get_scale_factor (GTK_WIDGET (self)), x, y);
}

void
plano_canvas_widget_to_canvas (PlanoCanvas *self,
                               double       widget_x,
                               double       widget_y,
                               double      *x,
                               double      *y)
{
  double ox, oy;

  view_origin (self, &ox, &oy);
  *x = ox + widget_x / self->zoom;
  *y = oy + widget_y / self->zoom;
}

void
plano_canvas_canvas_to_widget (PlanoCanvas *self,
                               double       x,
                               double       y,
                               double      *widget_x,
                               double      *widget_y)
{
  double ox, oy;

  view_origin (self, &ox, &oy);
  *widget_x = (x - ox) * self->zoom;
  *widget_y = (y - oy) * self->zoom;
}

/* Whether the selection holds a node that is up, and one that is down. */
static void
count_down (PlanoCanvas *self,
            gboolean    *any_up,
            gboolean    *any_down)
{
  GHashTableIter iter;
  gpointer id;

  *any_up = *any_down = FALSE;
  if (self->board == NULL)
    return;

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      const PlanoNode *node = plano_board_lookup_node (self->board, id);

      if (node == NULL)
        continue;
      if (plano_node_is_down (node))
        *any_down = TRUE;
      else
        *any_up = TRUE;
    }
}

static void
update_selection_actions (PlanoCanvas *self)
{
  gboolean any_up, any_down;

  count_down (self, &any_up, &any_down);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.mark-down", any_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.mark-up", any_down);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.add-tradeoff", self->board != NULL);
}

/* What the selection is, in words, for screen readers: a component's kind and label, a
 * connection's ends, or how many items. */
static char *
describe_selection (PlanoCanvas *self)
{
  g_auto(GStrv) selection = plano_canvas_get_selection (self);
  guint n = selection != NULL ? g_strv_length (selection) : 0;
  const PlanoItem *item;

  if (n == 0 || self->board == NULL)
    return g_strdup ("");
  if (n > 1)
    return g_strdup_printf (ngettext ("%u item selected", "%u items selected", n), n);

  item = plano_board_lookup (self->board, selection[0]);
  if (item == NULL)
    return g_strdup ("");

  switch (item->type)
    {
    case PLANO_ITEM_NODE:
      {
        const PlanoNode *node = (const PlanoNode *) item;
        const PlanoKind *kind = plano_catalog_lookup (node->kind);
        const char *name = kind != NULL ? plano_kind_get_name (kind) : node->kind;

        if (node->label == NULL || g_str_equal (node->label, name))
          return g_strdup (name);
        /* TRANSLATORS: a selected component, told to screen readers: its kind, then its label */
        return g_strdup_printf (_("%s: %s"), name, node->label);
      }

    case PLANO_ITEM_EDGE:
      {
        const PlanoEdge *edge = (const PlanoEdge *) item;
        const char *from = plano_board_get_label (self->board, edge->from);
        const char *to = plano_board_get_label (self->board, edge->to);

        /* TRANSLATORS: a selected connection, told to screen readers; %s are its ends */
        return g_strdup_printf (_("Connection from %s to %s"), from != NULL ? from : "",
                                to != NULL ? to : "");
      }

    case PLANO_ITEM_ZONE:
    case PLANO_ITEM_NOTE:
      {
        const char *text = plano_board_get_label (self->board, item->id);

        if (text == NULL || *text == '\0')
          return g_strdup (item->type == PLANO_ITEM_ZONE ? _("Zone") : _("Note"));
        if (item->type == PLANO_ITEM_ZONE)
          /* TRANSLATORS: a selected zone, told to screen readers; %s is its label */
          return g_strdup_printf (_("Zone: %s"), text);
        /* TRANSLATORS: a selected note, told to screen readers; %s is its text */
        return g_strdup_printf (_("Note: %s"), text);
      }

    case PLANO_ITEM_TRADEOFF:
    case PLANO_N_ITEM_TYPES:
    default:
      return g_strdup ("");
    }
}

static void
emit_selection_changed (PlanoCanvas *self)
{
  g_autofree char *description = describe_selection (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  update_selection_actions (self);
  g_signal_emit (self, signals [SELECTION_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The one selected item with a box, whose handles are shown. */
static const PlanoItem *
single_selected (PlanoCanvas *self)
{
  GHashTableIter iter;
  gpointer key;
  const PlanoItem *item;

  if (g_hash_table_size (self->selection) != 1)
    return NULL;

  g_hash_table_iter_init (&iter, self->selection);
  g_hash_table_iter_next (&iter, &key, NULL);
  item = plano_board_lookup (self->board, key);

  if (item == NULL || !plano_item_get_bounds (item, NULL, NULL, NULL, NULL))
    return NULL;

  return item;
}

static void
handle_position (PlanoCanvas     *self,
                 const PlanoItem *item,
                 Handle           handle,
                 double          *wx,
                 double          *wy)
{
  PlanoRect r;

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

static Handle
pick_handle (PlanoCanvas *self,
             double       wx,
             double       wy)
{
  const PlanoItem *item = single_selected (self);

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

static const char *
pick (PlanoCanvas *self,
      double       x,
      double       y)
{
  if (self->renderer == NULL)
    return NULL;

  return plano_renderer_pick (self->renderer, x, y, PICK_TOLERANCE / self->zoom);
}


static void update_membership (PlanoCanvas *self);

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

static EdgeHandle
pick_edge_handle (PlanoCanvas *self,
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

/* Drawing */

static void
draw_grid (PlanoCanvas *self,
           cairo_t     *cr,
           int          width,
           int          height)
{
  double step = self->grid * self->zoom;
  double x0, y0;

  while (step < 12)
    step *= 5;

  x0 = fmod (-self->ox * self->zoom, step);
  y0 = fmod (-self->oy * self->zoom, step);
  if (x0 < 0)
    x0 += step;
  if (y0 < 0)
    y0 += step;

  if (is_dark ())
    cairo_set_source_rgba (cr, 1, 1, 1, is_high_contrast () ? 0.3 : 0.12);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, is_high_contrast () ? 0.3 : 0.14);

  for (double x = x0; x < width; x += step)
    for (double y = y0; y < height; y += step)
      cairo_rectangle (cr, round (x) - 1, round (y) - 1, 2, 2);
  cairo_fill (cr);
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

static void
draw_overlay (PlanoCanvas *self,
              cairo_t     *cr)
{
  const PlanoItem *item = single_selected (self);
  GdkRGBA accent;

  gdk_rgba_parse (&accent, is_dark () ? "#78aeed" : "#3584e4");

  if (self->state == STATE_RUBBER_BAND)
    {
      double x1, y1, x2, y2;

      plano_canvas_canvas_to_widget (self, self->start_x, self->start_y, &x1, &y1);
      plano_canvas_canvas_to_widget (self, self->pointer_x, self->pointer_y, &x2, &y2);
      cairo_rectangle (cr, MIN (x1, x2) + 0.5, MIN (y1, y2) + 0.5, fabs (x2 - x1), fabs (y2 - y1));
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.8);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  if (self->state == STATE_CONNECTING && self->source != NULL)
    {
      PlanoRect box;
      double x1, y1;
      const char *target = pick (self, self->pointer_x, self->pointer_y);

      if (plano_renderer_get_item_box (self->renderer, self->source, &box))
        {
          const PlanoItem *source = plano_board_lookup (self->board, self->source);

          plano_item_get_bounds (source, &box.x, &box.y, &box.w, &box.h);
          draw_preview_line (self, cr, &accent, &box);
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
              cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.9);
              cairo_set_line_width (cr, 2);
              cairo_stroke (cr);
            }
        }
    }

  draw_edge_handles (self, cr, &accent);

  if (self->state == STATE_EDGE_END)
    {
      const PlanoEdge *edge = selected_edge (self);
      const char *fixed = edge == NULL ? NULL : self->edge_handle == EDGE_HANDLE_FROM ? edge->to : edge->from;
      const PlanoItem *end = plano_board_lookup (self->board, fixed);
      PlanoRect box;

      if (end != NULL && plano_item_get_bounds (end, &box.x, &box.y, &box.w, &box.h))
        {
          draw_preview_line (self, cr, &accent, &box);
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
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      plano_canvas_canvas_to_widget (self, b.x, b.y, &x1, &y1);
      cairo_rectangle (cr, x1 - 4, y1 - 4, b.w * self->zoom + 8, b.h * self->zoom + 8);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
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
              cairo_arc (cr, hx, hy, HANDLE_SIZE / 2 + 1, 0, 2 * G_PI);
              cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
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
              cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
              cairo_set_line_width (cr, 1.5);
              cairo_stroke (cr);
            }
        }
    }
}

/* What an empty board says: how to start. */
static void
draw_empty_hint (PlanoCanvas *self,
                 cairo_t     *cr,
                 int          width,
                 int          height)
{
  g_autoptr(PangoLayout) title = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autoptr(PangoLayout) body = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autofree char *markup = g_markup_printf_escaped ("<span size='x-large' weight='bold'>%s</span>",
                                                      _("An Empty Board"));
  int tw, th, bw, bh;
  double alpha = 0.55;

  pango_layout_set_markup (title, markup, -1);
  pango_layout_set_text (body, _("Drag components from the left onto the board, or search them with Ctrl+F and press Enter"), -1);
  pango_layout_set_width (body, MIN (width - 48, 420) * PANGO_SCALE);
  pango_layout_set_alignment (body, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (body, PANGO_WRAP_WORD);

  pango_layout_get_pixel_size (title, &tw, &th);
  pango_layout_get_pixel_size (body, &bw, &bh);

  if (is_dark ())
    cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, alpha);

  cairo_move_to (cr, (width - tw) / 2.0, (height - th - bh - 12) / 2.0);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, (width - bw) / 2.0, (height - th - bh - 12) / 2.0 + th + 12);
  pango_cairo_show_layout (cr, body);
}

/* While a replay shows, a label at the top says so: the board looks real but is not the
 * document, and nothing on it can be edited. */
static void
draw_replay_badge (PlanoCanvas *self,
                   cairo_t     *cr,
                   int          width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                 _("Replay of the session, read-only"));
  int w, h;
  double x, y, pad = 8, r;

  pango_layout_set_width (layout, MAX (width - 48, 80) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  {
    PangoRectangle ink, logical;

    pango_layout_get_pixel_extents (layout, &ink, &logical);
    w = logical.width;
    h = logical.height;
    x = (width - w) / 2.0 - logical.x;
  }
  y = 12;
  r = MIN (h + 2 * pad, 40) / 2.0;

  cairo_new_sub_path (cr);
  cairo_arc (cr, (width - w) / 2.0 - 2 * pad + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_arc (cr, (width + w) / 2.0 + 2 * pad - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, (width + w) / 2.0 + 2 * pad - r, y + h + 2 * pad - r, r, 0, G_PI / 2);
  cairo_arc (cr, (width - w) / 2.0 - 2 * pad + r, y + h + 2 * pad - r, r, G_PI / 2, G_PI);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.75);
  cairo_fill (cr);

  cairo_set_source_rgba (cr, 1, 1, 1, 1);
  cairo_move_to (cr, x, y + pad);
  pango_cairo_show_layout (cr, layout);
}

static void
plano_canvas_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  PlanoCanvas *self = PLANO_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PlanoRenderOptions options = { 0, };
  PlanoRect area;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (is_high_contrast ())
    cairo_set_source_rgb (cr, is_dark () ? 0 : 1, is_dark () ? 0 : 1, is_dark () ? 0 : 1);
  else if (is_dark ())
    cairo_set_source_rgb (cr, 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0);
  else
    cairo_set_source_rgb (cr, 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0);
  cairo_paint (cr);
  options.high_contrast = is_high_contrast ();

  draw_grid (self, cr, width, height);

  if (self->preview != NULL)
    {
      /* A replay: another state of the board, drawn as it was, with nothing to edit. */
      area = (PlanoRect) { self->ox, self->oy, width / self->zoom, height / self->zoom };
      options.theme = is_dark () ? PLANO_THEME_DARK : PLANO_THEME_LIGHT;
      options.zoom = self->zoom;

      cairo_save (cr);
      cairo_scale (cr, self->zoom, self->zoom);
      cairo_translate (cr, -self->ox, -self->oy);
      plano_renderer_draw (self->preview, cr, &area, &options);
      cairo_restore (cr);
      draw_replay_badge (self, cr, width);
    }
  else if (self->renderer != NULL)
    {
      area = (PlanoRect) { self->ox, self->oy, width / self->zoom, height / self->zoom };
      options.theme = is_dark () ? PLANO_THEME_DARK : PLANO_THEME_LIGHT;
      options.zoom = self->zoom;
      options.selected = self->selection;
      options.hover = self->hover;

      plano_tiles_draw (self->tiles, cr, &area, &options, gtk_widget_get_scale_factor (widget));

      draw_overlay (self, cr);

      if (plano_board_is_empty (self->board))
        draw_empty_hint (self, cr, width, height);
    }

  cairo_destroy (cr);

  if (self->entry != NULL && gtk_widget_get_visible (self->entry))
    gtk_widget_snapshot_child (widget, self->entry, snapshot);
}

/* Selection */

/**
 * plano_canvas_get_selection:
 *
 * Returns: (transfer full): the selected ids, in board order
 */
GStrv
plano_canvas_get_selection (PlanoCanvas *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PLANO_IS_CANVAS (self), NULL);

  if (self->board != NULL)
    for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
      for (guint i = 0; i < plano_board_get_n_items (self->board, t); i++)
        {
          const PlanoItem *item = plano_board_get_item (self->board, t, i);

          if (g_hash_table_contains (self->selection, item->id))
            g_strv_builder_add (builder, item->id);
        }

  return g_strv_builder_end (builder);
}

void
plano_canvas_clear_selection (PlanoCanvas *self)
{
  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (g_hash_table_size (self->selection) == 0)
    return;

  g_hash_table_remove_all (self->selection);
  emit_selection_changed (self);
}

/**
 * plano_canvas_select:
 * @id: an item's id
 * @add: add to the selection (or take away when already selected) instead of replacing it
 */
void
plano_canvas_select (PlanoCanvas *self,
                     const char  *id,
                     gboolean     add)
{
  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (!add)
    g_hash_table_remove_all (self->selection);

  if (id != NULL && plano_board_lookup (self->board, id) != NULL)
    {
      if (add && g_hash_table_contains (self->selection, id))
        g_hash_table_remove (self->selection, id);
      else
        g_hash_table_add (self->selection, g_strdup (id));
    }

  emit_selection_changed (self);
}

void
plano_canvas_select_all (PlanoCanvas *self)
{
  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (self->board == NULL)
    return;

  for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
    for (guint i = 0; i < plano_board_get_n_items (self->board, t); i++)
      {
        const PlanoItem *item = plano_board_get_item (self->board, t, i);

        if (item->type != PLANO_ITEM_TRADEOFF)
          g_hash_table_add (self->selection, g_strdup (item->id));
      }

  emit_selection_changed (self);
}

/* Operations */

static void
begin (PlanoCanvas *self,
       const char  *label)
{
  if (self->history != NULL)
    plano_history_begin (self->history, label);
}

static void
commit (PlanoCanvas *self)
{
  if (self->history != NULL)
    plano_history_commit (self->history);
}

/**
 * plano_canvas_add_kind:
 * @kind: a catalog id, "note" for a sticky note, or "zone" / "zone:KIND" for a zone
 * @x: canvas x of the new item's centre
 * @y: canvas y of its centre
 *
 * Places a new item and selects it, as one undo step.
 *
 * Returns: (nullable): the new item's id
 */
const char *
plano_canvas_add_kind (PlanoCanvas *self,
                       const char  *kind,
                       double       x,
                       double       y)
{
  g_autofree char *id = NULL;
  PlanoItem *item = NULL;

  g_return_val_if_fail (PLANO_IS_CANVAS (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (self->board == NULL)
    return NULL;

  begin (self, _("Add"));

  if (g_str_equal (kind, "note"))
    {
      PlanoNote *note;

      id = plano_board_new_id (self->board, "note");
      note = (PlanoNote *) plano_item_new (PLANO_ITEM_NOTE, id);
      note->text = g_strdup (_("Note"));
      note->x = x - PLANO_NOTE_DEFAULT_WIDTH / 2;
      note->y = y - PLANO_NOTE_DEFAULT_HEIGHT / 2;
      item = (PlanoItem *) note;
    }
  else if (g_str_equal (kind, "zone") || g_str_has_prefix (kind, "zone:"))
    {
      PlanoZone *zone;

      id = plano_board_new_id (self->board, "zone");
      zone = (PlanoZone *) plano_item_new (PLANO_ITEM_ZONE, id);
      zone->kind = kind[4] == ':' ? g_strdup (kind + 5) : NULL;
      zone->label = g_strdup (_("Zone"));
      zone->w = 360;
      zone->h = 240;
      zone->x = x - zone->w / 2;
      zone->y = y - zone->h / 2;
      item = (PlanoItem *) zone;
    }
  else
    {
      const PlanoKind *k = plano_catalog_lookup (kind);
      double w = k != NULL ? k->width : 160;
      double h = k != NULL ? k->height : 64;

      if (self->snap)
        {
          x = round ((x - w / 2) / self->grid) * self->grid + w / 2;
          y = round ((y - h / 2) / self->grid) * self->grid + h / 2;
        }
      id = g_strdup (plano_board_add_node (self->board, kind, x - w / 2, y - h / 2)->item.id);
    }

  if (item != NULL && !plano_board_add_item (self->board, item, NULL))
    g_clear_pointer (&id, g_free);

  commit (self);

  if (id == NULL)
    return NULL;

  plano_canvas_select (self, id, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  return plano_board_lookup (self->board, id)->id;
}

/**
 * plano_canvas_add_kind_at_center:
 *
 * Places a new item at the centre of the view; see plano_canvas_add_kind().
 */
const char *
plano_canvas_add_kind_at_center (PlanoCanvas *self,
                                 const char  *kind)
{
  double x, y;

  g_return_val_if_fail (PLANO_IS_CANVAS (self), NULL);

  plano_canvas_widget_to_canvas (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                 gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, &x, &y);

  /* Items placed one after another from the keyboard go below each other, not on top. */
  if (self->renderer != NULL && !g_str_has_prefix (kind, "zone"))
    for (guint i = 0; i < 50; i++)
      {
        g_autoptr(GPtrArray) ids = g_ptr_array_new ();
        PlanoRect box = { x - 90, y - 42, 180, 84 };
        gboolean vacant = TRUE;

        plano_renderer_query (self->renderer, &box, ids);
        for (guint j = 0; j < ids->len && vacant; j++)
          {
            const PlanoItem *item = plano_board_lookup (self->board, g_ptr_array_index (ids, j));

            vacant = item->type == PLANO_ITEM_ZONE || item->type == PLANO_ITEM_EDGE;
          }

        if (vacant)
          break;
        y += 100;
      }

  return plano_canvas_add_kind (self, kind, x, y);
}

/**
 * plano_canvas_delete_selection:
 *
 * Returns: how many selected items were deleted, as one undo step
 */
guint
plano_canvas_delete_selection (PlanoCanvas *self)
{
  g_auto(GStrv) ids = NULL;
  guint removed;

  g_return_val_if_fail (PLANO_IS_CANVAS (self), 0);

  if (self->board == NULL || g_hash_table_size (self->selection) == 0)
    return 0;

  ids = plano_canvas_get_selection (self);
  begin (self, _("Delete"));
  removed = plano_board_remove_items (self->board, (const char * const *) ids);
  commit (self);

  g_hash_table_remove_all (self->selection);
  emit_selection_changed (self);
  if (removed > 0)
    g_signal_emit (self, signals [ITEMS_DELETED], 0, removed);

  return removed;
}

void
plano_canvas_nudge (PlanoCanvas *self,
                    double       dx,
                    double       dy)
{
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (self->board == NULL || g_hash_table_size (self->selection) == 0)
    return;

  ids = plano_canvas_get_selection (self);
  begin (self, _("Move"));
  plano_board_move_items (self->board, (const char * const *) ids, dx, dy);
  g_strfreev (self->moving);
  self->moving = g_strdupv (ids);
  update_membership (self);
  g_clear_pointer (&self->moving, g_strfreev);
  commit (self);
}

/* Everything a move of @ids carries: the items, and the nodes inside moved zones. */
static GStrv
collect_moving (PlanoCanvas *self,
                GStrv        ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const PlanoItem *item = plano_board_lookup (self->board, ids[i]);
      PlanoRect zone;

      if (item == NULL || !g_hash_table_add (seen, ids[i]))
        continue;
      g_strv_builder_add (builder, ids[i]);

      if (item->type != PLANO_ITEM_ZONE)
        continue;

      plano_item_get_bounds (item, &zone.x, &zone.y, &zone.w, &zone.h);
      for (guint t = PLANO_ITEM_NODE; t <= PLANO_ITEM_NOTE; t++)
        for (guint j = 0; j < plano_board_get_n_items (self->board, t); j++)
          {
            const PlanoItem *inner = plano_board_get_item (self->board, t, j);
            PlanoRect r;

            if (inner == item || !plano_item_get_bounds (inner, &r.x, &r.y, &r.w, &r.h))
              continue;

            if ((t == PLANO_ITEM_NODE && g_strcmp0 (((const PlanoNode *) inner)->zone, item->id) == 0) ||
                (r.x >= zone.x && r.y >= zone.y && r.x + r.w <= zone.x + zone.w &&
                 r.y + r.h <= zone.y + zone.h))
              if (g_hash_table_add (seen, inner->id))
                g_strv_builder_add (builder, inner->id);
          }
    }

  return g_strv_builder_end (builder);
}

/* After a move, a node dropped inside a zone belongs to it, and one dragged out no longer. */
static void
update_membership (PlanoCanvas *self)
{
  for (guint i = 0; self->moving != NULL && self->moving[i] != NULL; i++)
    {
      const PlanoNode *node = plano_board_lookup_node (self->board, self->moving[i]);
      const char *zone_id = NULL;
      double best_area = G_MAXDOUBLE;
      PlanoPoint c;

      if (node == NULL)
        continue;

      c = (PlanoPoint) { node->x + node->w / 2, node->y + node->h / 2 };
      for (guint j = 0; j < plano_board_get_n_items (self->board, PLANO_ITEM_ZONE); j++)
        {
          const PlanoZone *zone = (const PlanoZone *) plano_board_get_item (self->board, PLANO_ITEM_ZONE, j);
          PlanoRect r = { zone->x, zone->y, zone->w, zone->h };

          if (plano_rect_contains (&r, c.x, c.y) && r.w * r.h < best_area)
            {
              best_area = r.w * r.h;
              zone_id = zone->item.id;
            }
        }

      if (g_strcmp0 (zone_id, node->zone) != 0)
        {
          PlanoNode *copy = (PlanoNode *) plano_item_copy ((const PlanoItem *) node);

          g_free (copy->zone);
          copy->zone = g_strdup (zone_id);
          plano_board_update_item (self->board, (PlanoItem *) copy, NULL);
          plano_item_free ((PlanoItem *) copy);
        }
    }
}

/* Pointer gestures */

void
plano_canvas_pointer_press (PlanoCanvas     *self,
                            double           wx,
                            double           wy,
                            GdkModifierType  state)
{
  gboolean add = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  const char *id;
  Handle handle;

  if (self->board == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  plano_canvas_widget_to_canvas (self, wx, wy, &self->start_x, &self->start_y);
  self->pointer_x = self->start_x;
  self->pointer_y = self->start_y;
  self->applied_dx = self->applied_dy = 0;

  if (self->space_down)
    {
      self->state = STATE_PANNING;
      self->pan_ox = self->ox;
      self->pan_oy = self->oy;
      return;
    }

  self->edge_handle = pick_edge_handle (self, wx, wy, &self->edge_index);
  if (self->edge_handle != EDGE_HANDLE_NONE)
    {
      if (self->edge_handle == EDGE_HANDLE_FROM || self->edge_handle == EDGE_HANDLE_TO)
        {
          self->state = STATE_EDGE_END;
        }
      else
        {
          self->state = STATE_EDGE_POINT;
          begin (self, _("Bend Connection"));
        }
      return;
    }

  handle = pick_handle (self, wx, wy);
  if (handle != HANDLE_NONE)
    {
      const PlanoItem *item = single_selected (self);

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
          plano_item_get_bounds (item, &self->resize_start.x, &self->resize_start.y,
                                 &self->resize_start.w, &self->resize_start.h);
          begin (self, _("Resize"));
        }
      return;
    }

  id = pick (self, self->start_x, self->start_y);

  if (id == NULL)
    {
      if (!add)
        plano_canvas_clear_selection (self);
      self->state = STATE_RUBBER_BAND;
      return;
    }

  if (add)
    {
      plano_canvas_select (self, id, TRUE);
      if (!g_hash_table_contains (self->selection, id))
        {
          self->state = STATE_IDLE;
          return;
        }
    }
  else if (!g_hash_table_contains (self->selection, id))
    {
      plano_canvas_select (self, id, FALSE);
    }

  {
    const PlanoItem *item = plano_board_lookup (self->board, id);
    g_auto(GStrv) selected = plano_canvas_get_selection (self);
    double w, h;

    if (!plano_item_get_bounds (item, &self->anchor_x, &self->anchor_y, &w, &h))
      self->anchor_x = self->start_x, self->anchor_y = self->start_y;

    g_strfreev (self->moving);
    self->moving = collect_moving (self, selected);
  }

  self->state = STATE_MOVING;
  begin (self, _("Move"));
}

static double
snapped (PlanoCanvas *self,
         double       v)
{
  return self->snap ? round (v / self->grid) * self->grid : v;
}

void
plano_canvas_pointer_drag (PlanoCanvas *self,
                           double       offset_x,
                           double       offset_y)
{
  self->pointer_x = self->start_x + offset_x / self->zoom;
  self->pointer_y = self->start_y + offset_y / self->zoom;

  switch (self->state)
    {
    case STATE_MOVING:
      {
        double dx = snapped (self, self->anchor_x + offset_x / self->zoom) - self->anchor_x;
        double dy = snapped (self, self->anchor_y + offset_y / self->zoom) - self->anchor_y;

        if (dx != self->applied_dx || dy != self->applied_dy)
          {
            plano_board_move_items (self->board, (const char * const *) self->moving,
                                    dx - self->applied_dx, dy - self->applied_dy);
            self->applied_dx = dx;
            self->applied_dy = dy;
          }
      }
      break;

    case STATE_RESIZING:
      {
        PlanoRect r = self->resize_start;
        double x1 = r.x, y1 = r.y, x2 = r.x + r.w, y2 = r.y + r.h;
        double px = snapped (self, self->pointer_x);
        double py = snapped (self, self->pointer_y);

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
      break;

    case STATE_PANNING:
      self->ox = self->pan_ox - offset_x / self->zoom;
      self->oy = self->pan_oy - offset_y / self->zoom;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case STATE_EDGE_POINT:
      set_waypoint (self, self->edge_index, self->edge_handle == EDGE_HANDLE_MIDPOINT,
                    snapped (self, self->pointer_x), snapped (self, self->pointer_y));
      /* Once inserted, the new point is dragged like any other. */
      self->edge_handle = EDGE_HANDLE_WAYPOINT;
      break;

    case STATE_RUBBER_BAND:
    case STATE_CONNECTING:
    case STATE_EDGE_END:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case STATE_IDLE:
    case STATE_KEY_CONNECTING:
    default:
      break;
    }
}

static void
select_in_band (PlanoCanvas *self)
{
  PlanoRect band = {
    MIN (self->start_x, self->pointer_x), MIN (self->start_y, self->pointer_y),
    fabs (self->pointer_x - self->start_x), fabs (self->pointer_y - self->start_y),
  };
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  plano_renderer_query (self->renderer, &band, ids);
  for (guint i = 0; i < ids->len; i++)
    {
      PlanoRect box;

      if (plano_renderer_get_item_box (self->renderer, g_ptr_array_index (ids, i), &box) &&
          box.x >= band.x && box.y >= band.y &&
          box.x + box.w <= band.x + band.w && box.y + box.h <= band.y + band.h)
        g_hash_table_add (self->selection, g_strdup (g_ptr_array_index (ids, i)));
    }

  emit_selection_changed (self);
}

void
plano_canvas_pointer_release (PlanoCanvas *self,
                              double       offset_x,
                              double       offset_y)
{
  State state = self->state;

  self->state = STATE_IDLE;

  switch (state)
    {
    case STATE_MOVING:
      update_membership (self);
      commit (self);
      g_clear_pointer (&self->moving, g_strfreev);
      break;

    case STATE_RESIZING:
    case STATE_EDGE_POINT:
      commit (self);
      break;

    case STATE_EDGE_END:
      {
        const PlanoEdge *edge = selected_edge (self);
        const char *target = pick (self, self->pointer_x, self->pointer_y);
        const PlanoItem *item = plano_board_lookup (self->board, target);

        /* Reconnect the dragged end to what it was dropped on, if that can be an end. */
        if (edge != NULL && item != NULL &&
            (item->type == PLANO_ITEM_NODE || item->type == PLANO_ITEM_ZONE))
          {
            PlanoEdge *copy = (PlanoEdge *) plano_item_copy ((const PlanoItem *) edge);
            char **end = self->edge_handle == EDGE_HANDLE_FROM ? &copy->from : &copy->to;

            g_free (*end);
            *end = g_strdup (target);
            begin (self, _("Reconnect"));
            plano_board_update_item (self->board, (PlanoItem *) copy, NULL);
            commit (self);
            plano_item_free ((PlanoItem *) copy);
          }
      }
      break;

    case STATE_RUBBER_BAND:
      if (offset_x != 0 || offset_y != 0)
        select_in_band (self);
      break;

    case STATE_CONNECTING:
      {
        const char *target = pick (self, self->pointer_x, self->pointer_y);
        const PlanoItem *item = plano_board_lookup (self->board, target);

        if (item != NULL && g_strcmp0 (target, self->source) != 0 &&
            (item->type == PLANO_ITEM_NODE || item->type == PLANO_ITEM_ZONE))
          {
            const PlanoEdge *edge;

            begin (self, _("Connect"));
            edge = plano_board_add_edge (self->board, self->source, target, NULL, NULL);
            commit (self);
            if (edge != NULL)
              plano_canvas_select (self, edge->item.id, FALSE);
          }
      }
      break;

    case STATE_IDLE:
    case STATE_PANNING:
    case STATE_KEY_CONNECTING:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_begin_cb (PlanoCanvas    *self,
               double          wx,
               double          wy,
               GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  plano_canvas_pointer_press (self, wx, wy, state);
  if (self->state == STATE_CONNECTING || self->state == STATE_RESIZING)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (PlanoCanvas    *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  plano_canvas_pointer_drag (self, offset_x, offset_y);
}

static void
drag_end_cb (PlanoCanvas    *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  plano_canvas_pointer_release (self, offset_x, offset_y);
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
  const PlanoItem *item = single_selected (self);

  g_return_if_fail (item != NULL && item->type == PLANO_ITEM_NODE);

  handle_position (self, item, HANDLE_CONNECT, widget_x, widget_y);
}

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

static void
click_pressed_cb (PlanoCanvas     *self,
                  int              n_press,
                  double           wx,
                  double           wy,
                  GtkGestureClick *gesture)
{
  double x, y;
  const char *id;

  if (n_press != 2 || self->board == NULL)
    return;

  plano_canvas_widget_to_canvas (self, wx, wy, &x, &y);
  id = pick (self, x, y);
  if (id == NULL)
    return;

  plano_canvas_select (self, id, FALSE);
  plano_canvas_begin_edit (self);
}

static void
motion_cb (PlanoCanvas              *self,
           double                    wx,
           double                    wy,
           GtkEventControllerMotion *motion)
{
  double x, y;
  const char *id;

  if (self->board == NULL)
    return;

  plano_canvas_widget_to_canvas (self, wx, wy, &x, &y);
  self->pointer_x = x;
  self->pointer_y = y;
  id = pick (self, x, y);

  if (g_strcmp0 (id, self->hover) != 0)
    {
      g_free (self->hover);
      self->hover = g_strdup (id);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   pick_handle (self, wx, wy) != HANDLE_NONE ? "crosshair" :
                                   id != NULL ? "pointer" : NULL);
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

/**
 * plano_canvas_drop_kind:
 *
 * What a drop from the palette does: the kind lands centred on the drop point.
 */
gboolean
plano_canvas_drop_kind (PlanoCanvas *self,
                        const char  *kind,
                        double       wx,
                        double       wy)
{
  double x, y;

  if (kind == NULL || self->board == NULL)
    return FALSE;

  plano_canvas_widget_to_canvas (self, wx, wy, &x, &y);

  return plano_canvas_add_kind (self, kind, x, y) != NULL;
}

/* Files dragged from a file manager also come as text; they are for the window to open. */
static gboolean
drop_accept_cb (GtkDropTarget *target,
                GdkDrop       *drop,
                gpointer       user_data)
{
  GdkContentFormats *formats = gdk_drop_get_formats (drop);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST) ||
      gdk_content_formats_contain_mime_type (formats, "text/uri-list"))
    return FALSE;

  /* Otherwise as GtkDropTarget decides by itself; the first handler's answer is final. */
  return (gdk_drop_get_actions (drop) & gtk_drop_target_get_actions (target)) != 0 &&
         gdk_content_formats_match (gtk_drop_target_get_formats (target), formats);
}

static gboolean
drop_cb (PlanoCanvas   *self,
         const GValue  *value,
         double         wx,
         double         wy,
         GtkDropTarget *target)
{
  const char *kind;

  if (!G_VALUE_HOLDS_STRING (value) || (kind = g_value_get_string (value)) == NULL)
    return FALSE;

  /* Text dragged from another app is not a component; a file goes on to the window. */
  if (!g_str_equal (kind, "note") && !g_str_equal (kind, "zone") &&
      !g_str_has_prefix (kind, "zone:") && plano_catalog_lookup (kind) == NULL)
    return FALSE;

  return plano_canvas_drop_kind (self, kind, wx, wy);
}

static gboolean
key_pressed_cb (PlanoCanvas           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *key)
{
  if (keyval != GDK_KEY_space)
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

/* Label editing: an entry over the item. */

void
plano_canvas_end_edit (PlanoCanvas *self,
                       gboolean     apply)
{
  g_autofree char *id = g_steal_pointer (&self->editing);

  if (id == NULL)
    return;

  if (apply && self->board != NULL)
    {
      begin (self, _("Rename"));
      plano_board_set_label (self->board, id, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
      commit (self);
    }

  gtk_widget_set_visible (self->entry, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
entry_activate_cb (PlanoCanvas *self,
                   GtkEntry    *entry)
{
  plano_canvas_end_edit (self, TRUE);
}

static gboolean
entry_key_pressed_cb (PlanoCanvas           *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *key)
{
  if (keyval == GDK_KEY_Escape)
    {
      plano_canvas_end_edit (self, FALSE);
      return TRUE;
    }

  return FALSE;
}

/**
 * plano_canvas_get_entry:
 *
 * Returns: (transfer none): the entry that edits labels in place
 */
GtkWidget *
plano_canvas_get_entry (PlanoCanvas *self)
{
  return self->entry;
}

/**
 * plano_canvas_begin_edit:
 *
 * Edits the label of the single selected item in place: Enter keeps it, Escape drops it.
 */
void
plano_canvas_begin_edit (PlanoCanvas *self)
{
  g_auto(GStrv) ids = NULL;
  const char *label;

  g_return_if_fail (PLANO_IS_CANVAS (self));

  ids = plano_canvas_get_selection (self);
  if (ids == NULL || ids[0] == NULL || ids[1] != NULL)
    return;

  g_free (self->editing);
  self->editing = g_strdup (ids[0]);

  label = plano_board_get_label (self->board, ids[0]);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), label != NULL ? label : "");
  gtk_widget_set_visible (self->entry, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

static void
plano_canvas_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  PlanoCanvas *self = PLANO_CANVAS (widget);

  if (!self->centered && self->board != NULL && width > 0)
    {
      self->centered = TRUE;
      plano_canvas_fit (self);
    }

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));

  if (self->entry != NULL && gtk_widget_get_visible (self->entry))
    {
      PlanoRect box = { 0, 0, 160, 40 };
      const PlanoItem *item = self->editing != NULL ? plano_board_lookup (self->board, self->editing) : NULL;
      double wx, wy;
      int min_h;

      if (item != NULL)
        plano_renderer_get_item_box (self->renderer, item->id, &box);

      plano_canvas_canvas_to_widget (self, box.x, box.y, &wx, &wy);
      gtk_widget_measure (self->entry, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      gtk_widget_size_allocate (self->entry,
                                &(GtkAllocation) {
                                  (int) wx,
                                  (int) (wy + box.h * self->zoom / 2 - min_h / 2.0),
                                  MAX ((int) (box.w * self->zoom), 120),
                                  min_h,
                                }, -1);
    }
}

static void
plano_canvas_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = 0;
  *natural = 400;
}

/* Zoom */

double
plano_canvas_get_zoom (PlanoCanvas *self)
{
  g_return_val_if_fail (PLANO_IS_CANVAS (self), 1);

  return self->zoom;
}

/**
 * plano_canvas_zoom_at:
 * @factor: how much to zoom in (above 1) or out
 *
 * Zooms keeping the canvas point under @widget_x, @widget_y where it is.
 */
void
plano_canvas_zoom_at (PlanoCanvas *self,
                      double       factor,
                      double       widget_x,
                      double       widget_y)
{
  double x, y, zoom;

  g_return_if_fail (PLANO_IS_CANVAS (self));

  zoom = CLAMP (self->zoom * factor, MIN_ZOOM, MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  plano_canvas_widget_to_canvas (self, widget_x, widget_y, &x, &y);
  self->zoom = zoom;
  self->ox = x - widget_x / zoom;
  self->oy = y - widget_y / zoom;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
plano_canvas_set_zoom (PlanoCanvas *self,
                       double       zoom)
{
  g_return_if_fail (PLANO_IS_CANVAS (self));

  plano_canvas_zoom_at (self, zoom / self->zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                        gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/**
 * plano_canvas_fit:
 *
 * Zooms and scrolls so that the whole board is in view, at most at 100 %.
 */
void
plano_canvas_fit (PlanoCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  PlanoRect bounds;

  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (width <= 0 || height <= 0)
    return;

  if (self->renderer == NULL || !plano_renderer_get_bounds (self->renderer, &bounds))
    {
      self->zoom = 1;
      self->ox = -width / 2.0;
      self->oy = -height / 2.0;
    }
  else
    {
      plano_rect_inflate (&bounds, 40);
      self->zoom = CLAMP (MIN (width / bounds.w, height / bounds.h), MIN_ZOOM, 1.0);
      self->ox = bounds.x + bounds.w / 2 - width / (2 * self->zoom);
      self->oy = bounds.y + bounds.h / 2 - height / (2 * self->zoom);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
plano_canvas_get_snap (PlanoCanvas *self)
{
  g_return_val_if_fail (PLANO_IS_CANVAS (self), FALSE);

  return self->snap;
}

void
plano_canvas_set_snap (PlanoCanvas *self,
                       gboolean     snap)
{
  g_return_if_fail (PLANO_IS_CANVAS (self));

  snap = !!snap;
  if (self->snap == snap)
    return;

  self->snap = snap;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SNAP]);
}

double
plano_canvas_get_grid_size (PlanoCanvas *self)
{
  g_return_val_if_fail (PLANO_IS_CANVAS (self), PLANO_CANVAS_GRID);

  return self->grid;
}

void
plano_canvas_set_grid_size (PlanoCanvas *self,
                            double       grid_size)
{
  g_return_if_fail (PLANO_IS_CANVAS (self));

  grid_size = CLAMP (grid_size, PLANO_CANVAS_GRID_MIN, PLANO_CANVAS_GRID_MAX);
  if (self->grid == grid_size)
    return;

  self->grid = grid_size;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GRID_SIZE]);
}

/* The board */

static void
board_changed_cb (PlanoCanvas *self,
                  PlanoChange *change,
                  PlanoBoard  *board)
{
  GHashTableIter iter;
  gpointer key;
  gboolean dropped = FALSE;

  /* After undo or redo, what the step touched is selected, so that the user sees it. */
  if (plano_change_is_replay (change) && self->state == STATE_IDLE)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < plano_change_get_n_ops (change); i++)
        {
          PlanoItemType type;
          const char *id;
          PlanoChangeKind kind = plano_change_get_op (change, i, &type, &id);

          if (type != PLANO_N_ITEM_TYPES && kind != PLANO_CHANGE_REMOVED &&
              type != PLANO_ITEM_TRADEOFF && plano_board_lookup (self->board, id) != NULL)
            {
              if (!any)
                g_hash_table_remove_all (self->selection);
              any = TRUE;
              g_hash_table_add (self->selection, g_strdup (id));
            }
        }

      if (any)
        dropped = TRUE;
    }

  /* Undo can take selected items away. */
  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (plano_board_lookup (self->board, key) == NULL)
      {
        g_hash_table_iter_remove (&iter);
        dropped = TRUE;
      }

  if (dropped)
    emit_selection_changed (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

PlanoBoard *
plano_canvas_get_board (PlanoCanvas *self)
{
  g_return_val_if_fail (PLANO_IS_CANVAS (self), NULL);

  return self->board;
}

PlanoHistory *
plano_canvas_get_history (PlanoCanvas *self)
{
  g_return_val_if_fail (PLANO_IS_CANVAS (self), NULL);

  return self->history;
}

PlanoRenderer *
plano_canvas_get_renderer (PlanoCanvas *self)
{
  g_return_val_if_fail (PLANO_IS_CANVAS (self), NULL);

  return self->renderer;
}

/**
 * plano_canvas_set_history:
 * @history: (nullable): the history of the board to show
 *
 * Shows the board of @history; every gesture becomes one step of it.
 */
void
plano_canvas_set_history (PlanoCanvas  *self,
                          PlanoHistory *history)
{
  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (self->history == history)
    return;

  plano_canvas_end_edit (self, FALSE);
  if (self->board != NULL)
    g_clear_signal_handler (&self->changed_handler, self->board);
  g_clear_object (&self->tiles);
  g_clear_object (&self->renderer);
  g_clear_object (&self->preview);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  g_clear_object (&self->board);
  g_set_object (&self->history, history);
  g_hash_table_remove_all (self->selection);
  g_clear_pointer (&self->hover, g_free);
  self->state = STATE_IDLE;

  if (history != NULL)
    {
      self->board = g_object_ref (plano_history_get_board (history));
      self->renderer = plano_renderer_new (self->board);
      self->tiles = plano_tiles_new (self->renderer);
      self->changed_handler = g_signal_connect_object (self->board, "changed",
                                                       G_CALLBACK (board_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
      self->centered = FALSE;
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  emit_selection_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HISTORY]);
}

/* Clipboard */

static GdkContentProvider *
selection_content (PlanoCanvas *self)
{
  g_auto(GStrv) ids = plano_canvas_get_selection (self);
  g_autoptr(PlanoBoard) fragment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkContentProvider *providers[2];
  char *text;
  gsize length;

  if (ids[0] == NULL)
    return NULL;

  fragment = plano_board_copy_items (self->board, (const char * const *) ids);
  text = plano_format_write (fragment, &length);
  bytes = g_bytes_new_take (text, length);

  /* A .plano fragment for Plano, and the same JSON as text for everything else. */
  providers[0] = gdk_content_provider_new_for_bytes ("application/x-plano", bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);

  return gdk_content_provider_new_union (providers, 2);
}

/**
 * plano_canvas_copy:
 *
 * Puts the selection on the clipboard, with the edges between selected items.
 */
void
plano_canvas_copy (PlanoCanvas *self)
{
  g_autoptr(GdkContentProvider) content = NULL;

  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (self->board == NULL || (content = selection_content (self)) == NULL)
    return;

  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), content);
  self->paste_offset = 0;
}

void
plano_canvas_cut (PlanoCanvas *self)
{
  g_return_if_fail (PLANO_IS_CANVAS (self));

  plano_canvas_copy (self);
  plano_canvas_delete_selection (self);
}

/**
 * plano_canvas_insert_fragment:
 * @fragment: items to add, such as a pasted .plano fragment
 * @offset: how far right and down of their own place
 *
 * Adds copies with new ids as one undo step and selects them.
 *
 * Returns: how many items were added
 */
guint
plano_canvas_insert_fragment (PlanoCanvas *self,
                              PlanoBoard  *fragment,
                              double       offset)
{
  g_auto(GStrv) added = NULL;

  g_return_val_if_fail (PLANO_IS_CANVAS (self), 0);

  if (self->board == NULL || plano_board_is_empty (fragment))
    return 0;

  begin (self, _("Paste"));
  added = plano_board_insert_copy (self->board, fragment, offset, offset);
  commit (self);

  g_hash_table_remove_all (self->selection);
  for (guint i = 0; added[i] != NULL; i++)
    g_hash_table_add (self->selection, g_strdup (added[i]));
  emit_selection_changed (self);

  return g_strv_length (added);
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlanoCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) fragment = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || self->board == NULL)
    return;

  /* Text that is not a board is not something to paste on the canvas. */
  fragment = plano_format_read (text, strlen (text), NULL, NULL);
  if (fragment == NULL)
    return;

  self->paste_offset += self->grid;
  plano_canvas_insert_fragment (self, fragment, self->paste_offset);
}

/**
 * plano_canvas_paste:
 *
 * Pastes a .plano fragment from the clipboard, offset from where it was copied, with new ids.
 */
void
plano_canvas_paste (PlanoCanvas *self)
{
  g_return_if_fail (PLANO_IS_CANVAS (self));

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 paste_text_cb, g_object_ref (self));
}

/**
 * plano_canvas_duplicate:
 *
 * Copies the selection in place, one grid step down and right, as one undo step.
 */
void
plano_canvas_duplicate (PlanoCanvas *self)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(PlanoBoard) fragment = NULL;

  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (self->board == NULL)
    return;

  ids = plano_canvas_get_selection (self);
  fragment = plano_board_copy_items (self->board, (const char * const *) ids);
  plano_canvas_insert_fragment (self, fragment, self->grid);
}

/* Align and distribute */

typedef struct
{
  const char *id;
  PlanoRect   box;
} Placed;

static GArray *
selected_boxes (PlanoCanvas *self)
{
  g_auto(GStrv) ids = plano_canvas_get_selection (self);
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (Placed));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const PlanoItem *item = plano_board_lookup (self->board, ids[i]);
      Placed placed = { item->id, };

      if (plano_item_get_bounds (item, &placed.box.x, &placed.box.y, &placed.box.w, &placed.box.h))
        g_array_append_val (boxes, placed);
    }

  return boxes;
}

static void
move_one (PlanoCanvas *self,
          const char  *id,
          double       dx,
          double       dy)
{
  const char *ids[] = { id, NULL };

  plano_board_move_items (self->board, ids, dx, dy);
}

/**
 * plano_canvas_align:
 * @edge: "left", "center", "right", "top", "middle" or "bottom"
 *
 * Lines up the selected boxes, as one undo step.
 */
void
plano_canvas_align (PlanoCanvas *self,
                    const char  *edge)
{
  g_autoptr(GArray) boxes = NULL;
  PlanoRect all = { 0, };

  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (self->board == NULL)
    return;

  boxes = selected_boxes (self);
  if (boxes->len < 2)
    return;

  for (guint i = 0; i < boxes->len; i++)
    plano_rect_union (&all, &g_array_index (boxes, Placed, i).box);

  begin (self, _("Align"));
  for (guint i = 0; i < boxes->len; i++)
    {
      const Placed *p = &g_array_index (boxes, Placed, i);
      double dx = 0, dy = 0;

      if (g_str_equal (edge, "left"))
        dx = all.x - p->box.x;
      else if (g_str_equal (edge, "right"))
        dx = all.x + all.w - (p->box.x + p->box.w);
      else if (g_str_equal (edge, "center"))
        dx = all.x + all.w / 2 - (p->box.x + p->box.w / 2);
      else if (g_str_equal (edge, "top"))
        dy = all.y - p->box.y;
      else if (g_str_equal (edge, "bottom"))
        dy = all.y + all.h - (p->box.y + p->box.h);
      else if (g_str_equal (edge, "middle"))
        dy = all.y + all.h / 2 - (p->box.y + p->box.h / 2);

      move_one (self, p->id, dx, dy);
    }
  commit (self);
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  double ca = ((const Placed *) a)->box.x + ((const Placed *) a)->box.w / 2;
  double cb = ((const Placed *) b)->box.x + ((const Placed *) b)->box.w / 2;

  return (ca > cb) - (ca < cb);
}

static int
compare_y (gconstpointer a,
           gconstpointer b)
{
  double ca = ((const Placed *) a)->box.y + ((const Placed *) a)->box.h / 2;
  double cb = ((const Placed *) b)->box.y + ((const Placed *) b)->box.h / 2;

  return (ca > cb) - (ca < cb);
}

/**
 * plano_canvas_distribute:
 * @direction: "horizontal" or "vertical"
 *
 * Spaces the centres of three or more selected boxes evenly between the outermost two.
 */
void
plano_canvas_distribute (PlanoCanvas *self,
                         const char  *direction)
{
  g_autoptr(GArray) boxes = NULL;
  gboolean horizontal;
  double first, last;

  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (self->board == NULL)
    return;

  boxes = selected_boxes (self);
  if (boxes->len < 3)
    return;

  horizontal = g_str_equal (direction, "horizontal");
  g_array_sort (boxes, horizontal ? compare_x : compare_y);

#define CENTER(i) (horizontal ? g_array_index (boxes, Placed, i).box.x + g_array_index (boxes, Placed, i).box.w / 2 \
                              : g_array_index (boxes, Placed, i).box.y + g_array_index (boxes, Placed, i).box.h / 2)
  first = CENTER (0);
  last = CENTER (boxes->len - 1);

  begin (self, _("Distribute"));
  for (guint i = 1; i + 1 < boxes->len; i++)
    {
      double target = first + (last - first) * i / (boxes->len - 1);
      double delta = target - CENTER (i);

      move_one (self, g_array_index (boxes, Placed, i).id, horizontal ? delta : 0, horizontal ? 0 : delta);
    }
  commit (self);
#undef CENTER
}

/* Keyboard: Tab walks through the items; c connects, Tab picks the target, Enter confirms. */

static GPtrArray *
navigable_ids (PlanoCanvas *self,
               gboolean     connectable)
{
  static const PlanoItemType order[] = {
    PLANO_ITEM_NODE, PLANO_ITEM_ZONE, PLANO_ITEM_NOTE, PLANO_ITEM_EDGE,
  };
  GPtrArray *ids = g_ptr_array_new ();

  for (guint o = 0; o < G_N_ELEMENTS (order); o++)
    {
      if (connectable && order[o] != PLANO_ITEM_NODE && order[o] != PLANO_ITEM_ZONE)
        continue;

      for (guint i = 0; i < plano_board_get_n_items (self->board, order[o]); i++)
        g_ptr_array_add (ids, (gpointer) plano_board_get_item (self->board, order[o], i)->id);
    }

  return ids;
}

static const char *
step_through (GPtrArray  *ids,
              const char *current,
              int         direction,
              const char *skip)
{
  guint index = 0;
  gboolean found = FALSE;

  if (ids->len == 0)
    return NULL;

  if (current != NULL)
    found = g_ptr_array_find_with_equal_func (ids, current, g_str_equal, &index);

  for (guint tries = 0; tries < ids->len; tries++)
    {
      if (!found)
        index = direction > 0 ? 0 : ids->len - 1, found = TRUE;
      else
        index = (index + ids->len + direction) % ids->len;

      if (g_strcmp0 (g_ptr_array_index (ids, index), skip) != 0)
        return g_ptr_array_index (ids, index);
    }

  return NULL;
}

/**
 * plano_canvas_set_selection_down:
 * @down: whether the selected components fail
 *
 * The failure drill: marks the selected components down (their `down` prop), or brings them
 * back up, as one undoable change. The review then lists what loses data or freshness, and
 * the canvas shows it.
 *
 * Returns: how many components changed
 */
guint
plano_canvas_set_selection_down (PlanoCanvas *self,
                                 gboolean     down)
{
  g_auto(GStrv) ids = NULL;
  PlanoProp prop = { (char *) "down", PLANO_VALUE_BOOLEAN, 0, NULL, TRUE };
  guint changed = 0;

  g_return_val_if_fail (PLANO_IS_CANVAS (self), 0);

  if (self->board == NULL)
    return 0;

  ids = plano_canvas_get_selection (self);
  begin (self, down ? _("Mark as Down") : _("Mark as Up"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (plano_board_lookup_node (self->board, ids[i]) == NULL)
        continue;
      if (down ? plano_board_set_prop (self->board, ids[i], &prop) :
                 plano_board_unset_prop (self->board, ids[i], "down"))
        changed++;
    }
  commit (self);

  update_selection_actions (self);
  return changed;
}

/* Scrolls so that @id is in view, without changing the zoom. */
static void
reveal (PlanoCanvas *self,
        const char  *id)
{
  PlanoRect box;
  double w = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  double h = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;

  if (self->renderer == NULL || !plano_renderer_get_item_box (self->renderer, id, &box))
    return;

  if (box.x < self->ox || box.x + box.w > self->ox + w)
    self->ox = box.x + box.w / 2 - w / 2;
  if (box.y < self->oy || box.y + box.h > self->oy + h)
    self->oy = box.y + box.h / 2 - h / 2;

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * plano_canvas_set_preview:
 * @board: (nullable): a board to show instead of the document, or %NULL to show the document
 *
 * Shows another state of the board, such as a step of the interview's replay, without
 * touching the document. While a preview shows, the canvas takes no input.
 */
void
plano_canvas_set_preview (PlanoCanvas *self,
                          PlanoBoard  *board)
{
  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (board == plano_canvas_get_preview (self))
    return;

  g_clear_object (&self->preview);
  if (board != NULL)
    self->preview = plano_renderer_new (board);

  gtk_widget_set_sensitive (GTK_WIDGET (self), board == NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PREVIEW]);
}

/**
 * plano_canvas_get_preview:
 *
 * Returns: (transfer none) (nullable): the board shown instead of the document, if any
 */
PlanoBoard *
plano_canvas_get_preview (PlanoCanvas *self)
{
  g_return_val_if_fail (PLANO_IS_CANVAS (self), NULL);

  return self->preview != NULL ? plano_renderer_get_board (self->preview) : NULL;
}

/**
 * plano_canvas_reveal:
 * @id: an item of the board
 *
 * Scrolls the canvas, if needed, so that @id is in view.
 */
void
plano_canvas_reveal (PlanoCanvas *self,
                     const char  *id)
{
  g_return_if_fail (PLANO_IS_CANVAS (self));

  reveal (self, id);
}

/**
 * plano_canvas_select_next:
 * @direction: 1 for the next item, -1 for the previous
 *
 * Selects the next item in board order, or while connecting, picks the next target.
 */
void
plano_canvas_select_next (PlanoCanvas *self,
                          int          direction)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_auto(GStrv) selection = NULL;
  const char *next;

  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (self->board == NULL)
    return;

  if (self->state == STATE_KEY_CONNECTING)
    {
      ids = navigable_ids (self, TRUE);
      next = step_through (ids, self->key_target, direction, self->source);
      g_free (self->key_target);
      self->key_target = g_strdup (next);
      if (next != NULL)
        reveal (self, next);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  ids = navigable_ids (self, FALSE);
  selection = plano_canvas_get_selection (self);
  next = step_through (ids, selection[0], direction, NULL);
  if (next == NULL)
    return;

  plano_canvas_select (self, next, FALSE);
  reveal (self, next);
}

/**
 * plano_canvas_begin_key_connect:
 *
 * Starts a connection from the single selected component, from the keyboard.
 */
void
plano_canvas_begin_key_connect (PlanoCanvas *self)
{
  const PlanoItem *item = single_selected (self);
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
      begin (self, _("Connect"));
      edge = plano_board_add_edge (self->board, self->source, self->key_target, NULL, NULL);
      commit (self);
    }

  g_clear_pointer (&self->key_target, g_free);
  if (edge != NULL)
    plano_canvas_select (self, edge->item.id, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Context menu */

static GMenuModel *
build_menu (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *section;
  GMenu *align = g_menu_new ();
  GMenu *distribute = g_menu_new ();

  section = g_menu_new ();
  g_menu_append (section, _("_Rename"), "canvas.edit");
  g_menu_append (section, _("_Connect"), "canvas.connect");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  section = g_menu_new ();
  g_menu_append (section, _("Cu_t"), "canvas.cut");
  g_menu_append (section, _("_Copy"), "canvas.copy");
  g_menu_append (section, _("_Paste"), "canvas.paste");
  g_menu_append (section, _("D_uplicate"), "canvas.duplicate");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  g_menu_append (align, _("_Left"), "canvas.align::left");
  g_menu_append (align, _("_Center"), "canvas.align::center");
  g_menu_append (align, _("_Right"), "canvas.align::right");
  g_menu_append (align, _("_Top"), "canvas.align::top");
  g_menu_append (align, _("_Middle"), "canvas.align::middle");
  g_menu_append (align, _("_Bottom"), "canvas.align::bottom");
  g_menu_append (distribute, _("_Horizontally"), "canvas.distribute::horizontal");
  g_menu_append (distribute, _("_Vertically"), "canvas.distribute::vertical");

  section = g_menu_new ();
  g_menu_append_submenu (section, _("_Align"), G_MENU_MODEL (align));
  g_menu_append_submenu (section, _("D_istribute"), G_MENU_MODEL (distribute));
  g_menu_append (section, _("Select _All"), "canvas.select-all");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  g_object_unref (align);
  g_object_unref (distribute);

  section = g_menu_new ();
  g_menu_append (section, _("Add _Trade-off…"), "canvas.add-tradeoff");
  g_menu_append (section, _("Mark as Do_wn"), "canvas.mark-down");
  g_menu_append (section, _("Mark as _Up"), "canvas.mark-up");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  section = g_menu_new ();
  g_menu_append (section, _("_Delete"), "canvas.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  return G_MENU_MODEL (menu);
}

/* The context menu, made the first time it is asked for rather than with the window: it is a
 * tree of widgets that start-up need not build. */
static GtkWidget *
get_menu (PlanoCanvas *self)
{
  if (self->menu == NULL)
    {
      g_autoptr(GMenuModel) model = build_menu ();

      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }
  return self->menu;
}

static void
secondary_pressed_cb (PlanoCanvas     *self,
                      int              n_press,
                      double           wx,
                      double           wy,
                      GtkGestureClick *gesture)
{
  double x, y;
  const char *id;

  if (self->board == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  plano_canvas_widget_to_canvas (self, wx, wy, &x, &y);
  id = pick (self, x, y);
  if (id != NULL && !g_hash_table_contains (self->selection, id))
    plano_canvas_select (self, id, FALSE);

  gtk_popover_set_pointing_to (GTK_POPOVER (get_menu (self)), &(GdkRectangle) { (int) wx, (int) wy, 1, 1 });
  update_selection_actions (self);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Actions */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  plano_canvas_copy (PLANO_CANVAS (widget));
}

static void
cut_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  plano_canvas_cut (PLANO_CANVAS (widget));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  plano_canvas_paste (PLANO_CANVAS (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  plano_canvas_duplicate (PLANO_CANVAS (widget));
}

static void
align_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  plano_canvas_align (PLANO_CANVAS (widget), g_variant_get_string (parameter, NULL));
}

static void
distribute_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  plano_canvas_distribute (PLANO_CANVAS (widget), g_variant_get_string (parameter, NULL));
}

static void
select_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  plano_canvas_select_next (PLANO_CANVAS (widget), g_variant_get_int32 (parameter));
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  plano_canvas_begin_key_connect (PLANO_CANVAS (widget));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlanoCanvas *self = PLANO_CANVAS (widget);
  g_auto(GStrv) ids = plano_canvas_get_selection (self);
  PlanoRect box = { 0, 0, 0, 0 };
  double wx = gtk_widget_get_width (widget) / 2.0;
  double wy = gtk_widget_get_height (widget) / 2.0;

  if (ids[0] != NULL && plano_renderer_get_item_box (self->renderer, ids[0], &box))
    plano_canvas_canvas_to_widget (self, box.x + box.w / 2, box.y + box.h / 2, &wx, &wy);

  gtk_popover_set_pointing_to (GTK_POPOVER (get_menu (self)), &(GdkRectangle) { (int) wx, (int) wy, 1, 1 });
  update_selection_actions (self);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
mark_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  plano_canvas_set_selection_down (PLANO_CANVAS (widget), g_str_equal (action_name, "canvas.mark-down"));
}

static void
add_tradeoff_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlanoCanvas *self = PLANO_CANVAS (widget);
  g_auto(GStrv) ids = plano_canvas_get_selection (self);
  const char *target = NULL;
  GtkWidget *editor;

  if (self->board == NULL)
    return;

  /* About the one selected item, or else the whole board. */
  if (g_strv_length (ids) == 1)
    {
      const PlanoItem *item = plano_board_lookup (self->board, ids[0]);

      if (item != NULL && item->type != PLANO_ITEM_NOTE && item->type != PLANO_ITEM_TRADEOFF)
        target = ids[0];
    }

  editor = plano_tradeoff_editor_new (self, NULL, target);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  plano_canvas_delete_selection (PLANO_CANVAS (widget));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  plano_canvas_select_all (PLANO_CANVAS (widget));
}

static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  plano_canvas_nudge (PLANO_CANVAS (widget), dx, dy);
}

/* Shift+arrow moves the selection by whole grid steps, whatever the grid size. */
static void
nudge_grid_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlanoCanvas *self = PLANO_CANVAS (widget);
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  plano_canvas_nudge (self, dx * self->grid, dy * self->grid);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  plano_canvas_set_zoom (PLANO_CANVAS (widget), PLANO_CANVAS (widget)->zoom * 1.25);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  plano_canvas_set_zoom (PLANO_CANVAS (widget), PLANO_CANVAS (widget)->zoom / 1.25);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  plano_canvas_fit (PLANO_CANVAS (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlanoCanvas *self = PLANO_CANVAS (widget);

  if (self->state == STATE_KEY_CONNECTING)
    plano_canvas_finish_key_connect (self);
  else
    plano_canvas_begin_edit (self);
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlanoCanvas *self = PLANO_CANVAS (widget);

  if (self->state == STATE_MOVING || self->state == STATE_RESIZING || self->state == STATE_EDGE_POINT)
    {
      if (self->history != NULL)
        plano_history_cancel (self->history);
      g_clear_pointer (&self->moving, g_strfreev);
    }

  if (self->state != STATE_IDLE)
    {
      g_clear_pointer (&self->key_target, g_free);
      self->state = STATE_IDLE;
      gtk_widget_queue_draw (widget);
      return;
    }

  plano_canvas_clear_selection (self);
}

static void
plano_canvas_dispose (GObject *object)
{
  PlanoCanvas *self = (PlanoCanvas *)object;

  plano_canvas_set_history (self, NULL);
  g_clear_pointer (&self->entry, gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);

  g_clear_object (&self->preview);

  G_OBJECT_CLASS (plano_canvas_parent_class)->dispose (object);
}

static void
plano_canvas_finalize (GObject *object)
{
  PlanoCanvas *self = (PlanoCanvas *)object;

  g_clear_pointer (&self->selection, g_hash_table_unref);
  g_clear_pointer (&self->hover, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->moving, g_strfreev);
  g_clear_pointer (&self->editing, g_free);
  g_clear_pointer (&self->key_target, g_free);

  G_OBJECT_CLASS (plano_canvas_parent_class)->finalize (object);
}

static void
plano_canvas_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlanoCanvas *self = PLANO_CANVAS (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_SNAP:
      g_value_set_boolean (value, self->snap);
      break;

    case PROP_GRID_SIZE:
      g_value_set_double (value, self->grid);
      break;

    case PROP_PREVIEW:
      g_value_set_object (value, plano_canvas_get_preview (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plano_canvas_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PlanoCanvas *self = PLANO_CANVAS (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      plano_canvas_set_history (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      plano_canvas_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_SNAP:
      plano_canvas_set_snap (self, g_value_get_boolean (value));
      break;

    case PROP_GRID_SIZE:
      plano_canvas_set_grid_size (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_nudge_binding (GtkWidgetClass  *widget_class,
                   guint            keyval,
                   GdkModifierType  mods,
                   const char      *action,
                   double           dx,
                   double           dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, "(dd)", dx, dy);
}

static void
plano_canvas_class_init (PlanoCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plano_canvas_dispose;
  object_class->finalize = plano_canvas_finalize;
  object_class->get_property = plano_canvas_get_property;
  object_class->set_property = plano_canvas_set_property;

  widget_class->snapshot = plano_canvas_snapshot;
  widget_class->size_allocate = plano_canvas_size_allocate;
  widget_class->measure = plano_canvas_measure;

  properties [PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         PLANO_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         MIN_ZOOM, MAX_ZOOM, 1,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SNAP] =
    g_param_spec_boolean ("snap", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The distance between grid lines, in canvas units: what snapping rounds to and what
   * Shift+arrow moves by. */
  properties [PROP_GRID_SIZE] =
    g_param_spec_double ("grid-size", NULL, NULL,
                         PLANO_CANVAS_GRID_MIN, PLANO_CANVAS_GRID_MAX, PLANO_CANVAS_GRID,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The replayed board shown instead of the document; while there is one, nothing edits. */
  properties [PROP_PREVIEW] =
    g_param_spec_object ("preview", NULL, NULL,
                         PLANO_TYPE_BOARD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlanoCanvas::selection-changed:
   *
   * Emitted when items are selected or unselected.
   */
  signals [SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * PlanoCanvas::items-deleted:
   * @n: how many
   *
   * Emitted after the user deleted items, so that the window can offer to undo it.
   */
  signals [ITEMS_DELETED] =
    g_signal_new ("items-deleted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(dd)", nudge_action);
  gtk_widget_class_install_action (widget_class, "canvas.nudge-grid", "(dd)", nudge_grid_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "canvas.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "canvas.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.align", "s", align_action);
  gtk_widget_class_install_action (widget_class, "canvas.distribute", "s", distribute_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-next", "i", select_next_action);
  gtk_widget_class_install_action (widget_class, "canvas.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "canvas.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "canvas.mark-down", NULL, mark_down_action);
  gtk_widget_class_install_action (widget_class, "canvas.mark-up", NULL, mark_down_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-tradeoff", NULL, add_tradeoff_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "canvas.select-next", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "canvas.select-next", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, "canvas.select-next", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, 0, "canvas.connect", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.menu", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "canvas.escape", NULL);

  add_nudge_binding (widget_class, GDK_KEY_Left, 0, "canvas.nudge", -NUDGE / 2, 0);
  add_nudge_binding (widget_class, GDK_KEY_Right, 0, "canvas.nudge", NUDGE / 2, 0);
  add_nudge_binding (widget_class, GDK_KEY_Up, 0, "canvas.nudge", 0, -NUDGE / 2);
  add_nudge_binding (widget_class, GDK_KEY_Down, 0, "canvas.nudge", 0, NUDGE / 2);
  add_nudge_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "canvas.nudge-grid", -1.0, 0.0);
  add_nudge_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "canvas.nudge-grid", 1.0, 0.0);
  add_nudge_binding (widget_class, GDK_KEY_Up, GDK_SHIFT_MASK, "canvas.nudge-grid", 0.0, -1.0);
  add_nudge_binding (widget_class, GDK_KEY_Down, GDK_SHIFT_MASK, "canvas.nudge-grid", 0.0, 1.0);

  gtk_widget_class_set_css_name (widget_class, "planocanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
plano_canvas_init (PlanoCanvas *self)
{
  GtkGesture *drag;
  GtkGesture *pan;
  GtkGesture *click;
  GtkGesture *zoom;
  GtkEventController *motion;
  GtkEventController *scroll;
  GtkEventController *entry_keys;
  GtkDropTarget *drop;

  self->zoom = 1;
  self->snap = TRUE;
  self->grid = PLANO_CANVAS_GRID;
  self->selection = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Board canvas"),
                                  -1);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect_swapped (pan, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect_swapped (pan, "drag-update", G_CALLBACK (pan_update_cb), self);
  g_signal_connect_swapped (pan, "drag-end", G_CALLBACK (pan_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
    g_signal_connect_swapped (keys, "key-released", G_CALLBACK (key_released_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect (drop, "accept", G_CALLBACK (drop_accept_cb), NULL);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->entry = gtk_entry_new ();
  gtk_widget_set_visible (self->entry, FALSE);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label"),
                                  -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  entry_keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (entry_keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, entry_keys);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
plano_canvas_new (void)
{
  return g_object_new (PLANO_TYPE_CANVAS, NULL);
}
