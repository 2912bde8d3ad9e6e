/* plano-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-canvas"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plano-a11y.h"
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

void
_plano_canvas_update_selection_actions (PlanoCanvas *self)
{
  gboolean any_up, any_down;

  count_down (self, &any_up, &any_down);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.mark-down", any_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.mark-up", any_down);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.add-tradeoff", self->board != NULL);
}

/* The name of a connection's kind, said aloud. */
static const char *
edge_kind_name (const char *kind)
{
  static const struct { const char *id; const char *name; } kinds[] = {
    { "flow", N_("flow") }, { "stream", N_("stream") }, { "batch", N_("batch") },
    { "request", N_("request") }, { "cdc", N_("change data capture") },
    { "replication", N_("replication") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind != NULL ? kind : "flow", kinds[i].id) == 0)
      return _(kinds[i].name);

  return kind;
}

static const char *
label_of (PlanoCanvas *self,
          const char  *id)
{
  const char *label = plano_board_get_label (self->board, id);

  return label != NULL ? label : id;
}

/* "stream to Redis “alerts”", a connection seen from one end. */
static void
append_connection (PlanoCanvas     *self,
                   GString         *text,
                   const PlanoEdge *edge,
                   gboolean         outgoing)
{
  const char *other = label_of (self, outgoing ? edge->to : edge->from);

  if (edge->label != NULL && *edge->label != '\0')
    /* TRANSLATORS: a connection said aloud: its kind, where it goes or comes from, its label:
     * "stream to Redis, labelled alerts" */
    g_string_append_printf (text, outgoing ? _("%s to %s, labelled %s") : _("%s from %s, labelled %s"),
                            edge_kind_name (edge->kind), other, edge->label);
  else
    /* TRANSLATORS: a connection said aloud: its kind and where it goes or comes from */
    g_string_append_printf (text, outgoing ? _("%s to %s") : _("%s from %s"),
                            edge_kind_name (edge->kind), other);
}

/* A component's connections in and out, its zone, its trade-offs and whether it is down. */
static void
append_node_context (PlanoCanvas     *self,
                     GString         *text,
                     const PlanoNode *node)
{
  guint n_edges = plano_board_get_n_items (self->board, PLANO_ITEM_EDGE);
  guint n_tradeoffs = 0;

  if (node->zone != NULL && plano_board_lookup (self->board, node->zone) != NULL)
    /* TRANSLATORS: said aloud after a component: the zone it is in */
    g_string_append_printf (text, _("; in zone %s"), label_of (self, node->zone));

  for (int outgoing = 0; outgoing < 2; outgoing++)
    {
      guint n = 0;

      for (guint i = 0; i < n_edges; i++)
        {
          const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (self->board, PLANO_ITEM_EDGE, i);

          if (g_strcmp0 (outgoing ? edge->from : edge->to, node->item.id) != 0)
            continue;
          if (n++ == 0)
            g_string_append (text, outgoing ? _("; out: ") : _("; in: "));
          else
            g_string_append (text, ", ");
          append_connection (self, text, edge, outgoing);
        }
    }

  for (guint i = 0; i < plano_board_get_n_items (self->board, PLANO_ITEM_TRADEOFF); i++)
    if (g_strcmp0 (((const PlanoTradeoff *) plano_board_get_item (self->board, PLANO_ITEM_TRADEOFF, i))->target,
                   node->item.id) == 0)
      n_tradeoffs++;
  if (n_tradeoffs > 0)
    g_string_append_printf (text, ngettext ("; %u trade-off", "; %u trade-offs", n_tradeoffs), n_tradeoffs);

  if (plano_node_is_down (node))
    g_string_append (text, _("; marked down"));
}

/* The item's place among those Page Down walks, "3 of 23". */
static char *
position_of (PlanoCanvas *self,
             const char  *id)
{
  g_autoptr(GPtrArray) ids = _plano_canvas_navigable_ids (self);
  guint index;

  if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, &index))
    return g_strdup ("");

  /* TRANSLATORS: an item's place on the board, said aloud: "3 of 23" */
  return g_strdup_printf (_("%u of %u"), index + 1, ids->len);
}

/* What the selection is, in words, for screen readers: a component's kind and label, its place
 * among the items, its zone, its connections in and out, its trade-offs and whether it is down;
 * a connection's kind, label and ends; or how many items. With nothing selected, how to work
 * the canvas from the keyboard. */
static char *
describe_selection (PlanoCanvas *self)
{
  g_auto(GStrv) selection = plano_canvas_get_selection (self);
  guint n = selection != NULL ? g_strv_length (selection) : 0;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *position = NULL;
  const PlanoItem *item;

  if (self->board == NULL)
    return g_strdup ("");
  if (n == 0)
    {
      guint items = _plano_canvas_count_navigable (self);

      /* TRANSLATORS: the canvas's description with nothing selected, said when it takes the
       * focus */
      return g_strdup_printf (ngettext ("%u item. Page Down and Page Up walk the items, the arrow keys move the selection, C connects it, Ctrl+Shift+O shows the outline, Tab leaves the canvas.",
                                        "%u items. Page Down and Page Up walk the items, the arrow keys move the selection, C connects it, Ctrl+Shift+O shows the outline, Tab leaves the canvas.",
                                        items), items);
    }
  if (n > 1)
    return g_strdup_printf (ngettext ("%u item selected", "%u items selected", n), n);

  item = plano_board_lookup (self->board, selection[0]);
  if (item == NULL)
    return g_strdup ("");
  position = position_of (self, item->id);

  switch (item->type)
    {
    case PLANO_ITEM_NODE:
      {
        const PlanoNode *node = (const PlanoNode *) item;
        const PlanoKind *kind = plano_catalog_lookup (node->kind);
        const char *name = kind != NULL ? plano_kind_get_name (kind) : node->kind;

        if (node->label == NULL || g_str_equal (node->label, name))
          g_string_append (text, name);
        else
          /* TRANSLATORS: a selected component, told to screen readers: its kind, then its label */
          g_string_append_printf (text, _("%s: %s"), name, node->label);
        g_string_append_printf (text, ", %s", position);
        append_node_context (self, text, node);
        break;
      }

    case PLANO_ITEM_EDGE:
      {
        const PlanoEdge *edge = (const PlanoEdge *) item;

        /* TRANSLATORS: a selected connection, told to screen readers: its kind, then its ends */
        g_string_append_printf (text, _("Connection, %s, from %s to %s"), edge_kind_name (edge->kind),
                                label_of (self, edge->from), label_of (self, edge->to));
        if (edge->label != NULL && *edge->label != '\0')
          /* TRANSLATORS: said aloud after a connection: its label */
          g_string_append_printf (text, _(", labelled %s"), edge->label);
        g_string_append_printf (text, ", %s", position);
        break;
      }

    case PLANO_ITEM_ZONE:
    case PLANO_ITEM_NOTE:
      {
        const char *label = plano_board_get_label (self->board, item->id);

        if (label == NULL || *label == '\0')
          g_string_append (text, item->type == PLANO_ITEM_ZONE ? _("Zone") : _("Note"));
        else if (item->type == PLANO_ITEM_ZONE)
          /* TRANSLATORS: a selected zone, told to screen readers; %s is its label */
          g_string_append_printf (text, _("Zone: %s"), label);
        else
          /* TRANSLATORS: a selected note, told to screen readers; %s is its text */
          g_string_append_printf (text, _("Note: %s"), label);
        g_string_append_printf (text, ", %s", position);
        break;
      }

    case PLANO_ITEM_TEXT:
      /* TRANSLATORS: a selected text item, told to screen readers; %s is its text */
      g_string_append_printf (text, _("Text: %s"), plano_board_get_label (self->board, item->id));
      g_string_append_printf (text, ", %s", position);
      break;

    case PLANO_ITEM_TRADEOFF:
    case PLANO_N_ITEM_TYPES:
    default:
      break;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Sets the canvas's description: what just happened, when something did (a move, a
 * connection, a delete), then the selection. The focused canvas's description is what Orca
 * says as it changes; the window's announcer says it too, where the focus is elsewhere. */
void
_plano_canvas_describe (PlanoCanvas *self,
                        const char  *event)
{
  g_autofree char *selection = describe_selection (self);
  g_autofree char *description = event != NULL && *selection != '\0'
                                 ? g_strdup_printf ("%s. %s", event, selection)
                                 : g_strdup (event != NULL ? event : selection);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  if (event != NULL)
    plano_a11y_announce (GTK_WIDGET (self), event);
}

void
_plano_canvas_emit_selection_changed (PlanoCanvas *self)
{
  _plano_canvas_describe (self, NULL);
  _plano_canvas_update_selection_actions (self);
  g_signal_emit (self, signals [SELECTION_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The one selected item with a box, whose handles are shown. */
const PlanoItem *
_plano_canvas_single_selected (PlanoCanvas *self)
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

const char *
_plano_canvas_pick (PlanoCanvas *self,
      double       x,
      double       y)
{
  if (self->renderer == NULL)
    return NULL;

  return plano_renderer_pick (self->renderer, x, y, PICK_TOLERANCE / self->zoom);
}

/* Drawing */

void
_plano_canvas_draw_grid (PlanoCanvas *self,
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

static void
draw_overlay (PlanoCanvas *self,
              cairo_t     *cr)
{
  GdkRGBA accent;

  gdk_rgba_parse (&accent, is_dark () ? "#78aeed" : "#3584e4");

  _plano_canvas_guides_draw (self, cr);
  _plano_canvas_band_draw (self, cr, &accent);
  _plano_canvas_connect_draw (self, cr, &accent);
  _plano_canvas_handles_draw (self, cr, &accent);
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

typedef struct
{
  PlanoRect                 area;
  const PlanoRenderOptions *options;
  gboolean                  highlights;
  int                       width, height;
} OverBoard;

/* What is drawn over the board: the selection and hover when the board came from tiles, the
 * gesture under way, and on an empty board, how to start. */
static void
draw_over_board (PlanoCanvas *self,
                 cairo_t     *cr,
                 gpointer     user_data)
{
  const OverBoard *over = user_data;

  if (over->highlights)
    {
      int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
      double x, y;
      PlanoRect shown;

      /* From the corner the tiles are drawn from, as plano_tiles_draw() does. */
      plano_tiles_get_origin (self->tiles, &over->area, over->options, scale, &x, &y);
      shown = (PlanoRect) { x, y, over->area.w + 1 / (self->zoom * scale),
                            over->area.h + 1 / (self->zoom * scale) };
      cairo_save (cr);
      cairo_scale (cr, self->zoom, self->zoom);
      cairo_translate (cr, -x, -y);
      plano_renderer_draw_highlights (self->renderer, cr, &shown, over->options);
      cairo_restore (cr);
    }

  draw_overlay (self, cr);

  if (plano_board_is_empty (self->board))
    draw_empty_hint (self, cr, over->width, over->height);
}

/* The part of the board the canvas shows, and how it draws it but for the selection and
 * hover. */
void
_plano_canvas_get_view (PlanoCanvas        *self,
                        PlanoRect          *area,
                        PlanoRenderOptions *options)
{
  *options = (PlanoRenderOptions) { 0, };
  options->high_contrast = is_high_contrast ();
  options->theme = is_dark () ? PLANO_THEME_DARK : PLANO_THEME_LIGHT;
  options->zoom = self->zoom;
  *area = (PlanoRect) { self->ox, self->oy, gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom,
                        gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom };
}

static void
plano_canvas_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  PlanoCanvas *self = PLANO_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = is_dark ();
  gboolean high_contrast = is_high_contrast ();
  PlanoRenderOptions options = { 0, };
  GdkRGBA background;
  PlanoRect area;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  _plano_canvas_frames_snapshot_begin (self);

  if (high_contrast)
    background = dark ? (GdkRGBA) { 0, 0, 0, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
  else if (dark)
    background = (GdkRGBA) { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1 };
  else
    background = (GdkRGBA) { 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0, 1 };
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  _plano_canvas_nodes_append_grid (self, snapshot, width, height, dark, high_contrast);
  _plano_canvas_get_view (self, &area, &options);

  if (self->preview != NULL)
    {
      /* A replay: another state of the board, drawn as it was, with nothing to edit. */
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_save (cr);
      cairo_scale (cr, self->zoom, self->zoom);
      cairo_translate (cr, -self->ox, -self->oy);
      plano_renderer_draw (self->preview, cr, &area, &options);
      cairo_restore (cr);
      draw_replay_badge (self, cr, width);
      cairo_destroy (cr);
    }
  else if (self->renderer != NULL)
    {
      OverBoard over = { area, &options, TRUE, width, height };

      options.selected = self->selection;
      options.hover = self->hover;

      /* The board from tiles, a node each; or drawn directly, selection and all, in the first
       * frame at a zoom. */
      if (!_plano_canvas_nodes_append_tiles (self, snapshot, &area, &options))
        {
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
          plano_tiles_draw (self->tiles, cr, &area, &options, gtk_widget_get_scale_factor (widget));
          cairo_destroy (cr);
          over.highlights = FALSE;
          _plano_canvas_nodes_prepare_tiles (self);
        }

      _plano_canvas_nodes_append_drawn (self, snapshot, draw_over_board, &over);
    }

  _plano_canvas_frames_snapshot_end (self);

  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
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
  _plano_canvas_emit_selection_changed (self);
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

  _plano_canvas_emit_selection_changed (self);
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

  _plano_canvas_emit_selection_changed (self);
}

/* Operations */

void
_plano_canvas_begin (PlanoCanvas *self,
       const char  *label)
{
  if (self->history != NULL)
    plano_history_begin (self->history, label);
}

void
_plano_canvas_commit (PlanoCanvas *self)
{
  if (self->history != NULL)
    plano_history_commit (self->history);
}

/**
 * plano_canvas_add_kind:
 * @kind: a catalog id, "note" for a sticky note, "text" for plain text, or "zone" / "zone:KIND"
 *   for a zone
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

  _plano_canvas_begin (self, _("Add"));

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
  else if (g_str_equal (kind, "text"))
    {
      PlanoText *text;

      id = plano_board_new_id (self->board, "text");
      text = (PlanoText *) plano_item_new (PLANO_ITEM_TEXT, id);
      text->text = g_strdup (_("Text"));
      text->w = 1;
      plano_renderer_fit_text (self->renderer, text, FALSE, &text->w, &text->h);
      text->x = x - text->w / 2;
      text->y = y - text->h / 2;
      item = (PlanoItem *) text;
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

  _plano_canvas_commit (self);

  if (id == NULL)
    return NULL;

  plano_canvas_select (self, id, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  /* A new text is there to be written: its placeholder is selected, to be typed over. */
  if (g_str_equal (kind, "text"))
    plano_canvas_begin_edit (self);

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
  _plano_canvas_begin (self, _("Delete"));
  removed = plano_board_remove_items (self->board, (const char * const *) ids);
  _plano_canvas_commit (self);

  g_hash_table_remove_all (self->selection);
  _plano_canvas_emit_selection_changed (self);
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
  _plano_canvas_begin (self, _("Move"));
  plano_board_move_items (self->board, (const char * const *) ids, dx, dy);
  g_strfreev (self->moving);
  self->moving = g_strdupv (ids);
  _plano_canvas_update_membership (self);
  g_clear_pointer (&self->moving, g_strfreev);
  _plano_canvas_commit (self);
}

double
_plano_canvas_snapped (PlanoCanvas *self,
                       double       v)
{
  /* Alt held during a gesture places things exactly where the pointer is. */
  return self->snap && (self->drag_state & GDK_ALT_MASK) == 0 ? round (v / self->grid) * self->grid : v;
}

/* Pointer gestures: a press starts the tool under the pointer, which then gets the drag and
 * the release. */

void
plano_canvas_pointer_press (PlanoCanvas     *self,
                            double           wx,
                            double           wy,
                            GdkModifierType  state)
{
  gboolean add = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  const char *id;

  if (self->board == NULL)
    return;

  /* A press beside the text being edited keeps it, and then does what it does. */
  plano_canvas_end_edit (self, TRUE);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  plano_canvas_widget_to_canvas (self, wx, wy, &self->start_x, &self->start_y);
  self->pointer_x = self->start_x;
  self->pointer_y = self->start_y;
  self->applied_dx = self->applied_dy = 0;
  self->drag_state = state;
  self->drag_x = self->drag_y = 0;

  if (self->space_down)
    {
      _plano_canvas_pan_begin (self);
      return;
    }

  if (_plano_canvas_edge_begin (self, wx, wy) || _plano_canvas_handle_begin (self, wx, wy))
    return;

  id = _plano_canvas_pick (self, self->start_x, self->start_y);
  if (id == NULL)
    {
      if (!add)
        plano_canvas_clear_selection (self);
      self->state = STATE_RUBBER_BAND;
      return;
    }

  _plano_canvas_move_begin (self, id, add);
}

void
plano_canvas_pointer_drag (PlanoCanvas *self,
                           double       offset_x,
                           double       offset_y)
{
  plano_canvas_pointer_drag_with_state (self, offset_x, offset_y, 0);
}

/**
 * plano_canvas_pointer_drag_with_state:
 * @state: the modifiers held: with Alt, a move or a resize does not snap
 */
void
plano_canvas_pointer_drag_with_state (PlanoCanvas     *self,
                                      double           offset_x,
                                      double           offset_y,
                                      GdkModifierType  state)
{
  _plano_canvas_frames_input (self);
  self->drag_state = state;
  self->drag_x = offset_x;
  self->drag_y = offset_y;
  self->pointer_x = self->start_x + offset_x / self->zoom;
  self->pointer_y = self->start_y + offset_y / self->zoom;

  switch (self->state)
    {
    case STATE_MOVING:
      _plano_canvas_move_drag (self, offset_x, offset_y);
      break;

    case STATE_RESIZING:
      _plano_canvas_resize_drag (self);
      break;

    case STATE_PANNING:
      _plano_canvas_pan_drag (self, offset_x, offset_y);
      break;

    case STATE_EDGE_POINT:
      _plano_canvas_edge_drag (self);
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

void
plano_canvas_pointer_release (PlanoCanvas *self,
                              double       offset_x,
                              double       offset_y)
{
  State state = self->state;

  self->state = STATE_IDLE;
  _plano_canvas_guides_end (self);

  switch (state)
    {
    case STATE_MOVING:
      _plano_canvas_move_end (self);
      break;

    case STATE_RESIZING:
      _plano_canvas_resize_end (self);
      break;

    case STATE_EDGE_POINT:
      _plano_canvas_commit (self);
      break;

    case STATE_EDGE_END:
      _plano_canvas_edge_end (self);
      break;

    case STATE_RUBBER_BAND:
      _plano_canvas_band_end (self, offset_x, offset_y);
      break;

    case STATE_CONNECTING:
      _plano_canvas_connect_end (self);
      break;

    case STATE_IDLE:
    case STATE_PANNING:
    case STATE_KEY_CONNECTING:
    default:
      break;
    }

  /* What is under the pointer now, and what a drag from there would do. */
  {
    double wx, wy;

    plano_canvas_canvas_to_widget (self, self->pointer_x, self->pointer_y, &wx, &wy);
    plano_canvas_pointer_motion (self, wx, wy);
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
  plano_canvas_pointer_drag_with_state (self, offset_x, offset_y,
                                        gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)));
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
 * plano_canvas_double_click:
 *
 * What a double click does: edits the text of the item under the pointer in place, or on the
 * empty board, starts a text there.
 */
void
plano_canvas_double_click (PlanoCanvas *self,
                           double       wx,
                           double       wy)
{
  double x, y;
  const char *id;

  if (self->board == NULL)
    return;

  plano_canvas_widget_to_canvas (self, wx, wy, &x, &y);
  id = _plano_canvas_pick (self, x, y);

  /* On the empty board, a double click writes there, as on paper. */
  if (id == NULL)
    id = plano_canvas_add_kind (self, "text", x, y);
  if (id == NULL)
    return;

  plano_canvas_select (self, id, FALSE);
  plano_canvas_begin_edit (self);
}

/* The editor opens when the second click is released, not pressed: the press starts the drag
 * gesture too, which takes the focus for the canvas; the editor must have it after that. Clicks
 * that follow quickly in the same place count on (a double click right after an edit closed
 * is the fourth), so every second one is a double click. */
static void
click_released_cb (PlanoCanvas     *self,
                   int              n_press,
                   double           wx,
                   double           wy,
                   GtkGestureClick *gesture)
{
  if (n_press >= 2 && n_press % 2 == 0)
    plano_canvas_double_click (self, wx, wy);
}

/* What a drag from @wx, @wy would do, as a cursor: move, resize which way, connect, pan. */
static const char *
cursor_at (PlanoCanvas *self,
           double       wx,
           double       wy,
           const char  *id)
{
  const PlanoItem *item;
  guint index;

  if (self->state == STATE_PANNING)
    return "grabbing";
  if (self->space_down)
    return "grab";

  switch (_plano_canvas_pick_edge_handle (self, wx, wy, &index))
    {
    case EDGE_HANDLE_FROM:
    case EDGE_HANDLE_TO:
      return "crosshair";
    case EDGE_HANDLE_WAYPOINT:
    case EDGE_HANDLE_MIDPOINT:
      return "move";
    case EDGE_HANDLE_SEGMENT:
      {
        /* A segment of an orthogonal connection moves across itself. */
        const PlanoItem *edge = _plano_canvas_single_selected (self);
        g_autoptr(GPtrArray) points = NULL;
        const PlanoPoint *a, *b;

        if (edge != NULL)
          points = plano_renderer_get_edge_points (self->renderer, edge->id);
        if (points == NULL || index + 1 >= points->len)
          return "move";
        a = g_ptr_array_index (points, index);
        b = g_ptr_array_index (points, index + 1);
        return fabs (b->x - a->x) >= fabs (b->y - a->y) ? "ns-resize" : "ew-resize";
      }
    case EDGE_HANDLE_NONE:
    default:
      break;
    }

  switch (_plano_canvas_pick_handle (self, wx, wy, NULL))
    {
    case HANDLE_CONNECT:
      return "crosshair";
    case HANDLE_TOP_LEFT:
    case HANDLE_BOTTOM_RIGHT:
      return "nwse-resize";
    case HANDLE_TOP_RIGHT:
    case HANDLE_BOTTOM_LEFT:
      return "nesw-resize";
    case HANDLE_NONE:
    default:
      break;
    }

  item = id != NULL ? plano_board_lookup (self->board, id) : NULL;
  if (item == NULL)
    return NULL;

  return item->type == PLANO_ITEM_EDGE ? "pointer" : "move";
}

/**
 * plano_canvas_pointer_motion:
 *
 * The pointer moved to @wx, @wy without a button down (or during a gesture): what is under
 * it is highlighted, a component under it shows its "+" to connect from, and the cursor says
 * what a drag would do.
 */
void
plano_canvas_pointer_motion (PlanoCanvas *self,
                             double       wx,
                             double       wy)
{
  double x, y;
  const char *id;

  if (self->board == NULL)
    return;

  plano_canvas_widget_to_canvas (self, wx, wy, &x, &y);
  self->pointer_x = x;
  self->pointer_y = y;
  id = _plano_canvas_pick (self, x, y);

  if (g_strcmp0 (id, self->hover) != 0)
    {
      g_free (self->hover);
      self->hover = g_strdup (id);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  /* During a gesture the cursor stays what the press made it. */
  if (self->state != STATE_IDLE && self->state != STATE_KEY_CONNECTING && self->state != STATE_PANNING)
    return;

  _plano_canvas_update_port (self, wx, wy, id);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor_at (self, wx, wy, id));
}

/* The pointer left the canvas: nothing is under it any more. */
void
plano_canvas_pointer_leave (PlanoCanvas *self)
{
  if (self->hover == NULL && self->port == NULL)
    return;

  g_clear_pointer (&self->hover, g_free);
  g_clear_pointer (&self->port, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (PlanoCanvas              *self,
           double                    wx,
           double                    wy,
           GtkEventControllerMotion *motion)
{
  plano_canvas_pointer_motion (self, wx, wy);
}

static void
motion_leave_cb (PlanoCanvas              *self,
                 GtkEventControllerMotion *motion)
{
  plano_canvas_pointer_leave (self);
}

/* Text the canvas draws cut short (a label past four lines, a note past its box) shows whole
 * in a tooltip over its item: the text for the item at canvas point @x, @y, or %NULL. */
char *
_plano_canvas_tooltip_text (PlanoCanvas *self,
                            double       x,
                            double       y,
                            PlanoRect   *area)
{
  const PlanoItem *item;
  const char *id;

  if (self->board == NULL || self->state != STATE_IDLE || self->editing != NULL)
    return NULL;

  id = _plano_canvas_pick (self, x, y);
  if (id == NULL || !plano_renderer_is_text_cut (self->renderer, id) ||
      (item = plano_board_lookup (self->board, id)) == NULL ||
      !plano_renderer_get_item_box (self->renderer, id, area))
    return NULL;

  switch (item->type)
    {
    case PLANO_ITEM_NODE:
      {
        const PlanoKind *kind = plano_catalog_lookup (((const PlanoNode *) item)->kind);

        return g_strdup_printf ("%s\n%s", plano_board_get_label (self->board, id),
                                plano_kind_get_name (kind != NULL ? kind : plano_catalog_get_generic ()));
      }

    case PLANO_ITEM_NOTE:
      return g_strdup (((const PlanoNote *) item)->text);

    case PLANO_ITEM_ZONE:
    case PLANO_ITEM_EDGE:
    case PLANO_ITEM_TEXT:
    case PLANO_ITEM_TRADEOFF:
    case PLANO_N_ITEM_TYPES:
    default:
      return g_strdup (plano_board_get_label (self->board, id));
    }
}

static gboolean
query_tooltip_cb (PlanoCanvas *self,
                  int          wx,
                  int          wy,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip)
{
  g_autofree char *text = NULL;
  double x, y, x1, y1, x2, y2;
  PlanoRect area;

  if (keyboard)
    return FALSE;

  plano_canvas_widget_to_canvas (self, wx, wy, &x, &y);
  text = _plano_canvas_tooltip_text (self, x, y, &area);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  plano_canvas_canvas_to_widget (self, area.x, area.y, &x1, &y1);
  plano_canvas_canvas_to_widget (self, area.x + area.w, area.y + area.h, &x2, &y2);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { floor (x1), floor (y1),
                                                       ceil (x2 - x1), ceil (y2 - y1) });

  return TRUE;
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
  if (!g_str_equal (kind, "note") && !g_str_equal (kind, "text") && !g_str_equal (kind, "zone") &&
      !g_str_has_prefix (kind, "zone:") && plano_catalog_lookup (kind) == NULL)
    return FALSE;

  return plano_canvas_drop_kind (self, kind, wx, wy);
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

  _plano_canvas_edit_allocate (self);
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

  _plano_canvas_frames_input (self);

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
    _plano_canvas_emit_selection_changed (self);

  /* The editor follows its item, and goes with it when an undo takes the item away. */
  if (self->editing != NULL)
    {
      if (plano_board_lookup (self->board, self->editing) == NULL)
        plano_canvas_end_edit (self, FALSE);
      else
        gtk_widget_queue_allocate (GTK_WIDGET (self));
    }

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
  /* The nodes of the tiles, named by serials of the tiles gone. */
  g_clear_pointer (&self->nodes, _plano_canvas_nodes_free);
  g_clear_object (&self->renderer);
  g_clear_object (&self->preview);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  g_clear_object (&self->board);
  g_set_object (&self->history, history);
  g_hash_table_remove_all (self->selection);
  g_clear_pointer (&self->hover, g_free);
  g_clear_pointer (&self->port, g_free);
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
  _plano_canvas_emit_selection_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HISTORY]);
}

/* Keyboard: Tab walks through the items; c connects, Tab picks the target, Enter confirms. */

static GPtrArray *
navigable_ids (PlanoCanvas *self,
               gboolean     connectable)
{
  /* The order Page Down walks, and what "3 of 23" counts. */
  static const PlanoItemType order[] = {
    PLANO_ITEM_NODE, PLANO_ITEM_ZONE, PLANO_ITEM_NOTE, PLANO_ITEM_TEXT, PLANO_ITEM_EDGE,
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

GPtrArray *
_plano_canvas_navigable_ids (PlanoCanvas *self)
{
  return navigable_ids (self, FALSE);
}

guint
_plano_canvas_count_navigable (PlanoCanvas *self)
{
  guint n = 0;

  for (PlanoItemType type = 0; type < PLANO_N_ITEM_TYPES; type++)
    if (type != PLANO_ITEM_TRADEOFF)
      n += plano_board_get_n_items (self->board, type);

  return n;
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
  _plano_canvas_begin (self, down ? _("Mark as Down") : _("Mark as Up"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (plano_board_lookup_node (self->board, ids[i]) == NULL)
        continue;
      if (down ? plano_board_set_prop (self->board, ids[i], &prop) :
                 plano_board_unset_prop (self->board, ids[i], "down"))
        changed++;
    }
  _plano_canvas_commit (self);

  _plano_canvas_update_selection_actions (self);
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
        {
          /* TRANSLATORS: said aloud while connecting from the keyboard: the target picked */
          g_autofree char *text = g_strdup_printf (_("Connect to %s? Enter connects"),
                                                   label_of (self, next));

          reveal (self, next);
          _plano_canvas_describe (self, text);
        }
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

static void
plano_canvas_dispose (GObject *object)
{
  PlanoCanvas *self = (PlanoCanvas *)object;

  plano_canvas_set_history (self, NULL);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
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
  g_clear_pointer (&self->port, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->moving, g_strfreev);
  g_clear_pointer (&self->editing, g_free);
  g_clear_pointer (&self->key_target, g_free);
  g_clear_pointer (&self->edge_route, g_array_unref);
  g_clear_pointer (&self->nodes, _plano_canvas_nodes_free);
  _plano_canvas_frames_finalize (self);
  _plano_canvas_guides_finalize (self);

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

  _plano_canvas_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "planocanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
plano_canvas_init (PlanoCanvas *self)
{
  GtkGesture *drag;
  GtkGesture *click;
  GtkEventController *motion;
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

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (motion_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  _plano_canvas_pan_init (self);
  _plano_canvas_edit_init (self);
  _plano_canvas_guides_init (self);
  _plano_canvas_actions_init (self);
  _plano_canvas_frames_init (self);

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect (drop, "accept", G_CALLBACK (drop_accept_cb), NULL);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

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
