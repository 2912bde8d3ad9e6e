/* plano-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-palette"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-catalog.h"
#include "plano-palette.h"
#include "plano-render.h"

/* The components a board can hold, by category, with a search entry. A row is dragged onto
 * the canvas, where it lands at the drop point, or activated, which places it at the centre
 * of the view (the window does that on PlanoPalette::kind-activated).
 *
 * A search ranks what it finds: a name or id that is the text typed first, then those that
 * start with it, then those with a word that starts with it, then the rest that contain it.
 * The best is highlighted; Down and Up move the highlight from the search entry, and Enter
 * adds the highlighted kind.
 */

#define ICON_SIZE 28

struct _PlanoPalette
{
  GtkWidget   parent_instance;

  GtkWidget  *search_entry;
  GtkWidget  *scroller;
  GtkListBox *list;
  char       *filter;
};

G_DEFINE_FINAL_TYPE (PlanoPalette, plano_palette, GTK_TYPE_WIDGET)

enum {
  KIND_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Items that are not catalog kinds: zones of each kind and sticky notes. */
static const struct
{
  const char *id;
  const char *name;
  const char *hint;
} board_items[] = {
  { "zone", N_("Zone"), N_("Groups components that belong together.") },
  { "zone:layer", N_("Layer"), N_("A layer of an architecture: batch, speed, serving.") },
  { "zone:domain", N_("Domain"), N_("A data-mesh domain that owns its data products.") },
  { "zone:bronze", N_("Bronze tier"), N_("Medallion bronze: raw data as it arrived.") },
  { "zone:silver", N_("Silver tier"), N_("Medallion silver: cleaned and conformed data.") },
  { "zone:gold", N_("Gold tier"), N_("Medallion gold: aggregates ready for the business.") },
  { "note", N_("Sticky note"), N_("A note on the board, for assumptions and open questions.") },
  { "text", N_("Text"), N_("Plain text on the board: a title, or a remark beside an arrow.") },
};

static void
draw_icon_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  const char *id = user_data;
  const PlanoKind *kind = plano_catalog_lookup (id);

  if (kind != NULL)
    {
      plano_render_kind_icon (cr, kind, MIN (width, height));
      return;
    }

  /* Plain text: a letter, in the text's own colour. */
  if (g_str_equal (id, "text"))
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
      GdkRGBA color;
      int w, h;

      pango_layout_set_markup (layout, "<span size='x-large' weight='bold'>T</span>", -1);
      pango_layout_get_pixel_size (layout, &w, &h);
#if GTK_CHECK_VERSION (4, 10, 0)
      gtk_widget_get_color (GTK_WIDGET (area), &color);
#else
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
      G_GNUC_END_IGNORE_DEPRECATIONS
#endif
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_move_to (cr, (width - w) / 2.0, (height - h) / 2.0);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  /* Board items: a tinted box, a note's yellow square. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - 6, 6, 5, -G_PI / 2, 0);
  cairo_arc (cr, width - 6, height - 6, 5, 0, G_PI / 2);
  cairo_arc (cr, 6, height - 6, 5, G_PI / 2, G_PI);
  cairo_arc (cr, 6, 6, 5, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);

  if (g_str_equal (id, "note"))
    cairo_set_source_rgb (cr, 1, 0.96, 0.65);
  else if (g_str_has_suffix (id, "bronze"))
    cairo_set_source_rgba (cr, 0.63, 0.38, 0.18, 0.35);
  else if (g_str_has_suffix (id, "silver"))
    cairo_set_source_rgba (cr, 0.56, 0.57, 0.59, 0.35);
  else if (g_str_has_suffix (id, "gold"))
    cairo_set_source_rgba (cr, 0.83, 0.63, 0.09, 0.35);
  else
    cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.2);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 const char    *id)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, id);
}

static GtkWidget *
new_row (const char *id,
         const char *name,
         const char *hint,
         const char *category)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (name);
  GtkDragSource *drag = gtk_drag_source_new ();
  char *owned_id = g_strdup (id);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (icon), ICON_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (icon), ICON_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (icon), draw_icon_cb, owned_id, g_free);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 5);
  gtk_widget_set_margin_bottom (box, 5);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_widget_set_tooltip_text (row, hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint,
                                  -1);

  g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (row), "id", g_utf8_casefold (id, -1), g_free);
  g_object_set_data_full (G_OBJECT (row), "name", g_utf8_casefold (name, -1), g_free);
  g_object_set_data_full (G_OBJECT (row), "category", g_strdup (category), g_free);

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect_data (drag, "prepare", G_CALLBACK (drag_prepare_cb),
                         g_strdup (id), (GClosureNotify) g_free, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));

  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  PlanoPalette *self = user_data;
  const char *category = g_object_get_data (G_OBJECT (row), "category");
  GtkWidget *header;

  /* Search results are ranked, not grouped. */
  if ((self->filter != NULL && self->filter[0] != '\0') ||
      (before != NULL && g_strcmp0 (category, g_object_get_data (G_OBJECT (before), "category")) == 0))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (category);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 16 : 8);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_list_box_row_set_header (row, header);
}

typedef enum
{
  MATCH_EXACT,
  MATCH_PREFIX,
  MATCH_WORD,
  MATCH_SUBSTRING,
  MATCH_NONE,
} Match;

/* How well @text, casefolded, matches the search. */
static Match
match_text (const char *text,
            const char *filter)
{
  const char *found;

  if (g_str_equal (text, filter))
    return MATCH_EXACT;
  if (g_str_has_prefix (text, filter))
    return MATCH_PREFIX;

  found = strstr (text, filter);
  if (found == NULL)
    return MATCH_NONE;

  /* A word of the name starts with it: "connect" in "kafka connect", "delta" in "(s3/delta)". */
  for (; found != NULL; found = strstr (found + 1, filter))
    if (!g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (text, found))))
      return MATCH_WORD;

  return MATCH_SUBSTRING;
}

static Match
match_row (PlanoPalette  *self,
           GtkListBoxRow *row)
{
  if (self->filter == NULL || self->filter[0] == '\0')
    return MATCH_EXACT;

  return MIN (match_text (g_object_get_data (G_OBJECT (row), "name"), self->filter),
              match_text (g_object_get_data (G_OBJECT (row), "id"), self->filter));
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  return match_row (user_data, row) != MATCH_NONE;
}

/* Best match first; among names that start with the text, the shortest, which is nearest to
 * what was typed ("ka": Kafka, then Kafka Connect); otherwise the catalog's order. */
static int
sort_func (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  PlanoPalette *self = user_data;
  int order_a = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (a), "order"));
  int order_b = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), "order"));
  Match ma = match_row (self, a);
  Match mb = match_row (self, b);

  if (ma != mb)
    return ma < mb ? -1 : 1;

  if (ma == MATCH_PREFIX)
    {
      glong la = g_utf8_strlen (g_object_get_data (G_OBJECT (a), "name"), -1);
      glong lb = g_utf8_strlen (g_object_get_data (G_OBJECT (b), "name"), -1);

      if (la != lb)
        return la < lb ? -1 : 1;
    }

  return order_a - order_b;
}

/* The rows the search shows, best first. */
static GPtrArray *
shown_rows (PlanoPalette *self)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (filter_func (row, self))
      g_ptr_array_add (rows, row);

  return rows;
}

static void
highlight (PlanoPalette  *self,
           GtkListBoxRow *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;

  if (row == NULL)
    {
      gtk_list_box_unselect_all (self->list);
      return;
    }

  gtk_list_box_select_row (self->list, row);
  if (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
    gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
}

/* The rows, one per kind, made when the palette is first shown rather than with every
 * window: the start page does not need them. */
static void
ensure_rows (PlanoPalette *self)
{
  guint n_kinds;
  const PlanoKind *kinds = plano_catalog_get_kinds (&n_kinds);
  const char *board_category = _("Board");

  if (gtk_widget_get_first_child (GTK_WIDGET (self->list)) != NULL)
    return;

  for (guint i = 0; i < n_kinds; i++)
    {
      GtkWidget *row = new_row (kinds[i].id, plano_kind_get_name (&kinds[i]),
                                plano_kind_get_hint (&kinds[i]),
                                plano_category_get_name (kinds[i].category));

      g_object_set_data (G_OBJECT (row), "order", GINT_TO_POINTER (i));
      gtk_list_box_append (self->list, row);
    }

  for (guint i = 0; i < G_N_ELEMENTS (board_items); i++)
    {
      GtkWidget *row = new_row (board_items[i].id, _(board_items[i].name),
                                _(board_items[i].hint), board_category);

      g_object_set_data (G_OBJECT (row), "order", GINT_TO_POINTER (n_kinds + i));
      gtk_list_box_append (self->list, row);
    }
}

static void
plano_palette_map (GtkWidget *widget)
{
  ensure_rows (PLANO_PALETTE (widget));

  GTK_WIDGET_CLASS (plano_palette_parent_class)->map (widget);
}

/**
 * plano_palette_set_filter:
 * @text: (nullable): show only the kinds whose name or id contains @text, best match first
 *
 * The best match is highlighted, for Enter to add.
 */
void
plano_palette_set_filter (PlanoPalette *self,
                          const char   *text)
{
  g_autofree char *filter = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_if_fail (PLANO_IS_PALETTE (self));

  ensure_rows (self);
  filter = text != NULL ? g_utf8_casefold (text, -1) : NULL;
  if (g_strcmp0 (filter, self->filter) == 0)
    return;

  g_free (self->filter);
  self->filter = g_steal_pointer (&filter);
  gtk_list_box_invalidate_filter (self->list);
  gtk_list_box_invalidate_sort (self->list);
  gtk_list_box_invalidate_headers (self->list);

  rows = shown_rows (self);
  highlight (self, self->filter != NULL && self->filter[0] != '\0' && rows->len > 0 ? g_ptr_array_index (rows, 0) : NULL);
}

/**
 * plano_palette_count_shown:
 *
 * Returns: how many rows the filter lets through
 */
guint
plano_palette_count_shown (PlanoPalette *self)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (PLANO_IS_PALETTE (self), 0);

  ensure_rows (self);
  rows = shown_rows (self);

  return rows->len;
}

/**
 * plano_palette_get_shown:
 *
 * Returns: (transfer full): the kinds the search shows, in the order shown
 */
GStrv
plano_palette_get_shown (PlanoPalette *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (PLANO_IS_PALETTE (self), NULL);

  ensure_rows (self);
  rows = shown_rows (self);
  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (builder, g_object_get_data (g_ptr_array_index (rows, i), "kind"));

  return g_strv_builder_end (builder);
}

/**
 * plano_palette_get_highlighted:
 *
 * Returns: (nullable): the kind that Enter in the search adds
 */
const char *
plano_palette_get_highlighted (PlanoPalette *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (PLANO_IS_PALETTE (self), NULL);

  row = gtk_list_box_get_selected_row (self->list);
  return row != NULL ? g_object_get_data (G_OBJECT (row), "kind") : NULL;
}

/**
 * plano_palette_focus_search:
 *
 * Puts the focus in the search, with what it holds selected, so that typing starts anew.
 */
void
plano_palette_focus_search (PlanoPalette *self)
{
  g_return_if_fail (PLANO_IS_PALETTE (self));

  gtk_widget_grab_focus (self->search_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
search_changed_cb (PlanoPalette   *self,
                   GtkSearchEntry *entry)
{
  plano_palette_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search places the highlighted kind, the best match unless Down or Up moved
 * on, even when Enter comes before the search entry's pause has applied the filter. */
static void
search_activate_cb (PlanoPalette   *self,
                    GtkSearchEntry *entry)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkListBoxRow *row;

  plano_palette_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));

  row = gtk_list_box_get_selected_row (self->list);
  rows = shown_rows (self);
  if (row == NULL || !g_ptr_array_find (rows, row, NULL))
    row = rows->len > 0 ? g_ptr_array_index (rows, 0) : NULL;

  if (row != NULL)
    g_signal_emit (self, signals [KIND_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "kind"));
}

/* Down and Up in the search move the highlight through what it found; the focus stays in the
 * search, so that typing goes on. */
static gboolean
search_key_pressed_cb (PlanoPalette          *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *key)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkListBoxRow *row;
  guint index = 0;
  int direction;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    direction = 1;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    direction = -1;
  else
    return FALSE;

  plano_palette_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  rows = shown_rows (self);
  if (rows->len == 0)
    return TRUE;

  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL || !g_ptr_array_find (rows, row, &index))
    index = direction > 0 ? 0 : rows->len - 1;
  else
    index = CLAMP ((int) index + direction, 0, (int) rows->len - 1);

  highlight (self, g_ptr_array_index (rows, index));
  return TRUE;
}

static void
row_activated_cb (PlanoPalette  *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  g_signal_emit (self, signals [KIND_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "kind"));
}

static void
plano_palette_dispose (GObject *object)
{
  PlanoPalette *self = (PlanoPalette *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (plano_palette_parent_class)->dispose (object);
}

static void
plano_palette_class_init (PlanoPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plano_palette_dispose;
  widget_class->map = plano_palette_map;

  /**
   * PlanoPalette::kind-activated:
   * @kind: a catalog id, "note", "zone" or "zone:KIND"
   *
   * Emitted when a row is activated with the keyboard or a click.
   */
  signals [KIND_ACTIVATED] =
    g_signal_new ("kind-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planopalette");
}

static void
plano_palette_init (PlanoPalette *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->search_entry = gtk_search_entry_new ();
  gtk_widget_set_margin_start (self->search_entry, 8);
  gtk_widget_set_margin_end (self->search_entry, 8);
  gtk_widget_set_margin_top (self->search_entry, 8);
  gtk_widget_set_margin_bottom (self->search_entry, 4);
  g_object_set (self->search_entry, "placeholder-text", _("Search components"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search components"),
                                  -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  gtk_widget_set_parent (self->search_entry, GTK_WIDGET (self));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Before the entry's text, which takes Up and Down for itself. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
    gtk_widget_add_controller (self->search_entry, keys);
  }

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_list_box_set_header_func (self->list, header_func, self, NULL);
  gtk_list_box_set_filter_func (self->list, filter_func, self, NULL);
  gtk_list_box_set_sort_func (self->list, sort_func, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Components"),
                                  -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
plano_palette_new (void)
{
  return g_object_new (PLANO_TYPE_PALETTE, NULL);
}
