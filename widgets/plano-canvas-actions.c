/* plano-canvas-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-canvas"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "plano-a11y.h"
#include "plano-canvas-private.h"
#include "plano-format.h"
#include "plano-review.h"
#include "plano-tradeoff-editor.h"

/* The canvas's actions and their keys, the clipboard, align and distribute, and the
 * context menu. */

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

  _plano_canvas_begin (self, _("Paste"));
  added = plano_board_insert_copy (self->board, fragment, offset, offset);
  _plano_canvas_commit (self);

  g_hash_table_remove_all (self->selection);
  for (guint i = 0; added[i] != NULL; i++)
    g_hash_table_add (self->selection, g_strdup (added[i]));
  _plano_canvas_emit_selection_changed (self);

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

  _plano_canvas_begin (self, _("Align"));
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
  _plano_canvas_commit (self);
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

  _plano_canvas_begin (self, _("Distribute"));
  for (guint i = 1; i + 1 < boxes->len; i++)
    {
      double target = first + (last - first) * i / (boxes->len - 1);
      double delta = target - CENTER (i);

      move_one (self, g_array_index (boxes, Placed, i).id, horizontal ? delta : 0, horizontal ? 0 : delta);
    }
  _plano_canvas_commit (self);
#undef CENTER
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

  plano_canvas_end_edit (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  plano_canvas_widget_to_canvas (self, wx, wy, &x, &y);
  id = _plano_canvas_pick (self, x, y);
  if (id != NULL && !g_hash_table_contains (self->selection, id))
    plano_canvas_select (self, id, FALSE);

  gtk_popover_set_pointing_to (GTK_POPOVER (get_menu (self)), &(GdkRectangle) { (int) wx, (int) wy, 1, 1 });
  _plano_canvas_update_selection_actions (self);
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
  _plano_canvas_update_selection_actions (self);
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
  plano_a11y_return_focus (editor, gtk_window_get_transient_for (GTK_WINDOW (editor)));
  gtk_window_present (GTK_WINDOW (editor));
}

/* What the selection is called, for what is said of it: a label, or how many items. */
static char *
selection_words (PlanoCanvas *self)
{
  g_auto(GStrv) ids = plano_canvas_get_selection (self);
  guint n = g_strv_length (ids);
  const PlanoItem *edge;
  const char *label;

  if (n == 1 && (label = plano_board_get_label (self->board, ids[0])) != NULL && *label != '\0')
    return g_strdup (label);
  if (n == 1 && (edge = plano_board_lookup (self->board, ids[0])) != NULL && edge->type == PLANO_ITEM_EDGE)
    /* TRANSLATORS: a connection, said aloud: "the connection from Flink to Redis" */
    return g_strdup_printf (_("the connection from %s to %s"),
                            plano_board_get_label (self->board, ((const PlanoEdge *) edge)->from),
                            plano_board_get_label (self->board, ((const PlanoEdge *) edge)->to));

  return g_strdup_printf (ngettext ("%u item", "%u items", n), n);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlanoCanvas *self = PLANO_CANVAS (widget);
  g_auto(GStrv) ids = plano_canvas_get_selection (self);
  g_autofree char *what = NULL;
  g_autofree char *text = NULL;

  if (self->board == NULL || ids[0] == NULL)
    return;

  what = selection_words (self);
  plano_canvas_delete_selection (self);
  /* TRANSLATORS: said aloud after a delete; %s is a label or "3 items" */
  text = g_strdup_printf (_("Deleted %s; Ctrl+Z brings it back"), what);
  _plano_canvas_describe (self, text);
}

/* Says where a keyboard move took the selection: one item's place on the board, in board
 * units, or how many items moved. */
static void
describe_move (PlanoCanvas *self)
{
  const PlanoItem *item = _plano_canvas_single_selected (self);
  g_autofree char *what = selection_words (self);
  g_autofree char *text = NULL;
  double x, y, w, h;

  if (self->board == NULL)
    return;

  if (item != NULL && plano_item_get_bounds (item, &x, &y, &w, &h))
    /* TRANSLATORS: said aloud after a move from the keyboard: "Moved Kafka to 340, 120" */
    text = g_strdup_printf (_("Moved %s to %.0f, %.0f"), what, x, y);
  else
    /* TRANSLATORS: said aloud after a move from the keyboard: "Moved 3 items" */
    text = g_strdup_printf (_("Moved %s"), what);
  _plano_canvas_describe (self, text);
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
  describe_move (PLANO_CANVAS (widget));
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
  describe_move (self);
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
      _plano_canvas_guides_end (self);
      self->state = STATE_IDLE;
      gtk_widget_action_set_enabled (widget, "canvas.pick-target", FALSE);
      gtk_widget_queue_draw (widget);
      return;
    }

  plano_canvas_clear_selection (self);
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

void
_plano_canvas_class_init_actions (GtkWidgetClass *widget_class)
{
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
  gtk_widget_class_install_action (widget_class, "canvas.pick-target", "i", select_next_action);
  gtk_widget_class_install_action (widget_class, "canvas.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "canvas.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "canvas.mark-down", NULL, mark_down_action);
  gtk_widget_class_install_action (widget_class, "canvas.mark-up", NULL, mark_down_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-tradeoff", NULL, add_tradeoff_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  /* Page Down and Page Up walk the items; Tab leaves the canvas, as it leaves any control, except
   * while a connection is made from the keyboard, where it picks the target too. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "canvas.select-next", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "canvas.select-next", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "canvas.pick-target", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "canvas.pick-target", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, "canvas.pick-target", "i", -1);
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
}

void
_plano_canvas_actions_init (PlanoCanvas *self)
{
  GtkGesture *click;

  /* Tab picks a target only while connecting from the keyboard; otherwise it leaves. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.pick-target", FALSE);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}
