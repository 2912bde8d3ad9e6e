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
  const char *category = g_object_get_data (G_OBJECT (row), "category");
  GtkWidget *header;

  if (before != NULL && g_strcmp0 (category, g_object_get_data (G_OBJECT (before), "category")) == 0)
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

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  PlanoPalette *self = user_data;

  if (self->filter == NULL || self->filter[0] == '\0')
    return TRUE;

  return strstr (g_object_get_data (G_OBJECT (row), "name"), self->filter) != NULL ||
         strstr (g_object_get_data (G_OBJECT (row), "kind"), self->filter) != NULL;
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
    gtk_list_box_append (self->list,
                         new_row (kinds[i].id, plano_kind_get_name (&kinds[i]),
                                  plano_kind_get_hint (&kinds[i]),
                                  plano_category_get_name (kinds[i].category)));

  for (guint i = 0; i < G_N_ELEMENTS (board_items); i++)
    gtk_list_box_append (self->list,
                         new_row (board_items[i].id, _(board_items[i].name),
                                  _(board_items[i].hint), board_category));
}

static void
plano_palette_map (GtkWidget *widget)
{
  ensure_rows (PLANO_PALETTE (widget));

  GTK_WIDGET_CLASS (plano_palette_parent_class)->map (widget);
}

/**
 * plano_palette_set_filter:
 * @text: (nullable): show only the kinds whose name contains @text
 */
void
plano_palette_set_filter (PlanoPalette *self,
                          const char   *text)
{
  g_return_if_fail (PLANO_IS_PALETTE (self));

  g_free (self->filter);
  self->filter = text != NULL ? g_utf8_casefold (text, -1) : NULL;
  gtk_list_box_invalidate_filter (self->list);
}

/**
 * plano_palette_count_shown:
 *
 * Returns: how many rows the filter lets through
 */
guint
plano_palette_count_shown (PlanoPalette *self)
{
  guint n = 0;

  g_return_val_if_fail (PLANO_IS_PALETTE (self), 0);

  ensure_rows (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && filter_func (GTK_LIST_BOX_ROW (row), self))
      n++;

  return n;
}

void
plano_palette_focus_search (PlanoPalette *self)
{
  g_return_if_fail (PLANO_IS_PALETTE (self));

  gtk_widget_grab_focus (self->search_entry);
}

static void
search_changed_cb (PlanoPalette   *self,
                   GtkSearchEntry *entry)
{
  ensure_rows (self);
  plano_palette_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search places the first kind that matches what is typed, even when Enter
 * comes before the search entry's pause has applied the filter. */
static void
search_activate_cb (PlanoPalette   *self,
                    GtkSearchEntry *entry)
{
  plano_palette_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && filter_func (GTK_LIST_BOX_ROW (row), self))
      {
        g_signal_emit (self, signals [KIND_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "kind"));
        return;
      }
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

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);
  gtk_list_box_set_filter_func (self->list, filter_func, self, NULL);
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
