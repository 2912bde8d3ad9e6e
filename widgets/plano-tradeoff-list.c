/* plano-tradeoff-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-tradeoff-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plano-a11y.h"
#include "plano-tradeoff-editor.h"
#include "plano-tradeoff-list.h"
#include "plano-tradeoffs.h"
#include "plano-widget-utils.h"

/* Every trade-off of the board, filtered by what the user types. Activating one selects the
 * item it is about and scrolls the canvas to it; its edit button opens the editor.
 */

struct _PlanoTradeoffList
{
  GtkWidget    parent_instance;

  PlanoCanvas *canvas;
  PlanoBoard  *board;
  gulong       changed_handler;

  GtkWidget   *search;
  GtkWidget   *add_button;
  GtkWidget   *empty;
  GtkWidget   *no_match;
  GtkWidget   *scroller;
  GtkListBox  *list;
  char        *shown;        /* the titles and subtitles listed, to tell when they change */
};

G_DEFINE_FINAL_TYPE (PlanoTradeoffList, plano_tradeoff_list, GTK_TYPE_WIDGET)

static void
open_editor (PlanoTradeoffList *self,
             const char        *id,
             const char        *target)
{
  GtkWidget *editor;

  if (self->canvas == NULL)
    return;

  editor = plano_tradeoff_editor_new (self->canvas, id, target);
  plano_a11y_return_focus (editor, gtk_window_get_transient_for (GTK_WINDOW (editor)));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_clicked_cb (GtkButton         *button,
                 PlanoTradeoffList *self)
{
  open_editor (self, g_object_get_data (G_OBJECT (button), "id"), NULL);
}

static char *
describe (PlanoBoard          *board,
          const PlanoTradeoff *tradeoff)
{
  GString *subtitle = g_string_new (NULL);

  if (tradeoff->choice != NULL)
    g_string_append_printf (subtitle, _("Chosen: %s"), tradeoff->choice);

  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");

  if (tradeoff->target != NULL && plano_board_lookup (board, tradeoff->target) != NULL)
    g_string_append_printf (subtitle, _("About %s"), plano_board_get_label (board, tradeoff->target));
  else
    g_string_append (subtitle, _("About the whole board"));

  return g_string_free (subtitle, FALSE);
}

/* The titles and subtitles of the trade-offs that match the filter, one after the other. */
static char *
list_text (PlanoTradeoffList *self)
{
  GString *text = g_string_new (NULL);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));
  guint n = self->board != NULL ? plano_board_get_n_items (self->board, PLANO_ITEM_TRADEOFF) : 0;

  for (guint i = 0; i < n; i++)
    {
      const PlanoTradeoff *tradeoff =
        (const PlanoTradeoff *) plano_board_get_item (self->board, PLANO_ITEM_TRADEOFF, i);
      g_autofree char *subtitle = NULL;

      if (!plano_tradeoff_matches (self->board, tradeoff, query))
        continue;

      subtitle = describe (self->board, tradeoff);
      g_string_append_printf (text, "%s\n%s\n", tradeoff->title, subtitle);
    }

  return g_string_free (text, FALSE);
}

/**
 * plano_tradeoff_list_refresh:
 *
 * Lists the board's trade-offs that match the filter, in board order.
 */
void
plano_tradeoff_list_refresh (PlanoTradeoffList *self)
{
  const char *query;
  guint n, shown = 0;

  g_return_if_fail (PLANO_IS_TRADEOFF_LIST (self));

  plano_list_box_remove_all (self->list);

  n = self->board != NULL ? plano_board_get_n_items (self->board, PLANO_ITEM_TRADEOFF) : 0;
  query = gtk_editable_get_text (GTK_EDITABLE (self->search));

  for (guint i = 0; i < n; i++)
    {
      const PlanoTradeoff *tradeoff = (const PlanoTradeoff *) plano_board_get_item (self->board, PLANO_ITEM_TRADEOFF, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;
      GtkWidget *row;
      GtkWidget *edit;

      if (!plano_tradeoff_matches (self->board, tradeoff, query))
        continue;

      title = g_markup_escape_text (tradeoff->title, -1);
      subtitle = describe (self->board, tradeoff);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      escaped = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "id", g_strdup (tradeoff->item.id), g_free);
      g_object_set_data_full (G_OBJECT (row), "target", g_strdup (tradeoff->target), g_free);

      edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (edit, _("Edit Trade-off"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Edit Trade-off"), -1);
      gtk_widget_add_css_class (edit, "flat");
      g_object_set_data_full (G_OBJECT (edit), "id", g_strdup (tradeoff->item.id), g_free);
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

      gtk_list_box_append (self->list, row);
      shown++;
    }

  gtk_widget_set_visible (self->empty, n == 0);
  gtk_widget_set_visible (self->no_match, n > 0 && shown == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), shown > 0);

  g_free (self->shown);
  self->shown = list_text (self);
}

static void
row_activated_cb (PlanoTradeoffList *self,
                  GtkListBoxRow     *row,
                  GtkListBox        *list)
{
  const char *id = g_object_get_data (G_OBJECT (row), "id");
  const char *target = g_object_get_data (G_OBJECT (row), "target");

  if (self->canvas == NULL || self->board == NULL)
    return;

  /* A decision about the whole board has nothing to show on the canvas: edit it instead. */
  if (target == NULL || plano_board_lookup (self->board, target) == NULL)
    {
      open_editor (self, id, NULL);
      return;
    }

  plano_canvas_select (self->canvas, target, FALSE);
  plano_canvas_reveal (self->canvas, target);
}

static void
add_clicked_cb (PlanoTradeoffList *self)
{
  g_auto(GStrv) selection = NULL;
  const char *target = NULL;

  if (self->canvas == NULL)
    return;

  /* About the one selected item, or else the whole board. */
  selection = plano_canvas_get_selection (self->canvas);
  if (selection != NULL && g_strv_length (selection) == 1)
    {
      const PlanoItem *item = plano_board_lookup (self->board, selection[0]);

      if (item != NULL && item->type != PLANO_ITEM_NOTE && item->type != PLANO_ITEM_TRADEOFF)
        target = selection[0];
    }

  open_editor (self, NULL, target);
}

static void
board_changed_cb (PlanoTradeoffList *self,
                  PlanoChange       *change,
                  PlanoBoard        *board)
{
  gboolean others = FALSE;

  /* Trade-offs themselves, or the labels of what they are about: the rows are built again
   * only when what they say changes, and not while a component is dragged, which changes
   * the board at every motion of the pointer. */
  for (guint i = 0; i < plano_change_get_n_ops (change); i++)
    {
      PlanoItemType type;

      if (plano_change_get_op (change, i, &type, NULL) == PLANO_CHANGE_TITLE ||
          type == PLANO_N_ITEM_TYPES || type == PLANO_ITEM_NOTE)
        continue;

      if (type == PLANO_ITEM_TRADEOFF)
        {
          plano_tradeoff_list_refresh (self);
          return;
        }
      others = TRUE;
    }

  if (others && plano_board_get_n_items (board, PLANO_ITEM_TRADEOFF) > 0)
    {
      g_autofree char *text = list_text (self);

      if (g_strcmp0 (text, self->shown) != 0)
        plano_tradeoff_list_refresh (self);
    }
}

static void
set_board (PlanoTradeoffList *self,
           PlanoBoard        *board)
{
  if (self->board == board)
    return;

  if (self->board != NULL)
    g_clear_signal_handler (&self->changed_handler, self->board);
  g_set_object (&self->board, board);
  if (board != NULL)
    self->changed_handler = g_signal_connect_object (board, "changed", G_CALLBACK (board_changed_cb),
                                                     self, G_CONNECT_SWAPPED);

  plano_tradeoff_list_refresh (self);
}

static void
history_notify_cb (PlanoTradeoffList *self)
{
  set_board (self, plano_canvas_get_board (self->canvas));
}

void
plano_tradeoff_list_set_canvas (PlanoTradeoffList *self,
                                PlanoCanvas       *canvas)
{
  g_return_if_fail (PLANO_IS_TRADEOFF_LIST (self));

  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  g_set_object (&self->canvas, canvas);
  if (canvas != NULL)
    g_signal_connect_object (canvas, "notify::history", G_CALLBACK (history_notify_cb), self,
                             G_CONNECT_SWAPPED);

  set_board (self, canvas != NULL ? plano_canvas_get_board (canvas) : NULL);
}

guint
plano_tradeoff_list_get_n_rows (PlanoTradeoffList *self)
{
  guint n = 0;

  g_return_val_if_fail (PLANO_IS_TRADEOFF_LIST (self), 0);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->list)))
    return 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

void
plano_tradeoff_list_activate_row (PlanoTradeoffList *self,
                                  guint              index)
{
  GtkListBoxRow *row;

  g_return_if_fail (PLANO_IS_TRADEOFF_LIST (self));

  row = gtk_list_box_get_row_at_index (self->list, (int) index);
  if (row != NULL)
    g_signal_emit_by_name (self->list, "row-activated", row);
}

/**
 * plano_tradeoff_list_get_search_entry:
 *
 * Returns: (transfer none): the filter's entry
 */
GtkWidget *
plano_tradeoff_list_get_search_entry (PlanoTradeoffList *self)
{
  g_return_val_if_fail (PLANO_IS_TRADEOFF_LIST (self), NULL);

  return self->search;
}

static void
plano_tradeoff_list_dispose (GObject *object)
{
  PlanoTradeoffList *self = (PlanoTradeoffList *)object;
  GtkWidget *child;

  if (self->board != NULL)
    g_clear_signal_handler (&self->changed_handler, self->board);
  g_clear_object (&self->board);
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  g_clear_object (&self->canvas);
  g_clear_pointer (&self->shown, g_free);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plano_tradeoff_list_parent_class)->dispose (object);
}

static void
plano_tradeoff_list_class_init (PlanoTradeoffListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plano_tradeoff_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
plano_tradeoff_list_init (PlanoTradeoffList *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  self->search = gtk_search_entry_new ();
  gtk_widget_set_hexpand (self->search, TRUE);
  g_object_set (self->search, "placeholder-text", _("Filter trade-offs"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter trade-offs"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (plano_tradeoff_list_refresh), self);
  gtk_box_append (GTK_BOX (bar), self->search);

  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (self->add_button, _("Add a Trade-off About the Selection or the Board"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a Trade-off About the Selection or the Board"), -1);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->add_button);
  gtk_widget_set_parent (bar, GTK_WIDGET (self));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), box);

  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "io.github.planoboard.Plano-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("No Trade-offs Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   _("Record the decisions behind the design: what you chose, what else you weighed, and why."));
  gtk_widget_add_css_class (self->empty, "compact");
  gtk_box_append (GTK_BOX (box), self->empty);

  self->no_match = gtk_label_new (_("No trade-off matches the filter."));
  gtk_widget_add_css_class (self->no_match, "dim-label");
  gtk_widget_set_visible (self->no_match, FALSE);
  gtk_box_append (GTK_BOX (box), self->no_match);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
}

GtkWidget *
plano_tradeoff_list_new (void)
{
  return g_object_new (PLANO_TYPE_TRADEOFF_LIST, NULL);
}
