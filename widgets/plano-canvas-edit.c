/* plano-canvas-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-canvas"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "plano-canvas-private.h"

/* Editing a text in place: a text view over the item, where its text is drawn, opaque so that
 * the old text does not show through, in the item's font at the view's zoom. It opens with
 * the whole text selected, so that typing replaces it.
 *
 * While it is open it owns the keyboard. Keys it does not use itself would bubble up to the
 * canvas, whose key bindings ("c" connects, Return confirms, Tab selects, F2 edits) are class
 * shortcuts that see the events of its children; so the canvas's actions are off while the
 * editor is open, and Return, Escape and Tab are taken in the capture phase, before the text
 * view would insert them. Return keeps the text, Shift+Return starts a new line in a note or a
 * text item, Escape drops the edit, and Tab, a click elsewhere or the focus moving away keep it.
 * One edit is one undo step.
 */

#define EDITOR_MIN_WIDTH  80.0   /* screen pixels */
#define EDITOR_MIN_FONT   10.0   /* screen pixels: below that, text cannot be read while typed */
#define EDITOR_PADDING    4      /* screen pixels between the editor's border and its text */

/* Where an item's text is drawn, in canvas units, and in what font: the editor covers it. */
typedef struct
{
  PlanoRect area;
  double    font_size;     /* canvas units */
  gboolean  bold;
  gboolean  multiline;     /* Shift+Return starts a new line */
  gboolean  centered;      /* the text sits in the middle of the area's height */
} TextPlace;

static gboolean
text_place (PlanoCanvas     *self,
            const PlanoItem *item,
            TextPlace       *place)
{
  PlanoRect r;

  *place = (TextPlace) { { 0, }, 12, FALSE, FALSE, FALSE };

  switch (item->type)
    {
    case PLANO_ITEM_NODE:
      {
        /* Right of the kind's icon, which stays in view, on the card as drawn: it may be
         * taller than its box, to show its label. */
        double glyph;
        double tx;

        if (!plano_renderer_get_drawn_bounds (self->renderer, item->id, &r))
          plano_item_get_bounds (item, &r.x, &r.y, &r.w, &r.h);
        glyph = MIN (36.0, r.h - 12);
        tx = r.x + 10 + glyph + 10;
        place->area = (PlanoRect) { tx - EDITOR_PADDING, r.y + 3, r.x + r.w - 4 - (tx - EDITOR_PADDING), r.h - 6 };
        place->font_size = 13;
        place->bold = TRUE;
        place->centered = TRUE;
      }
      return TRUE;

    case PLANO_ITEM_ZONE:
      {
        const PlanoZone *zone = (const PlanoZone *) item;
        gboolean medal = g_strcmp0 (zone->kind, "bronze") == 0 || g_strcmp0 (zone->kind, "silver") == 0 ||
                         g_strcmp0 (zone->kind, "gold") == 0;
        double left = zone->x + (medal ? 36 : 14) - EDITOR_PADDING;

        place->area = (PlanoRect) { left, zone->y + 6, MAX (zone->x + zone->w - 20 - left, 60), 26 };
        place->font_size = 13;
        place->bold = TRUE;
      }
      return TRUE;

    case PLANO_ITEM_NOTE:
      plano_item_get_bounds (item, &r.x, &r.y, &r.w, &r.h);
      place->area = (PlanoRect) { r.x + 6, r.y + 6, r.w - 12, r.h - 12 };
      place->font_size = 12;
      place->multiline = TRUE;
      return TRUE;

    case PLANO_ITEM_TEXT:
      {
        const PlanoText *text = (const PlanoText *) item;

        /* A little wider than the text, so that the next letters have room before it wraps. */
        place->area = (PlanoRect) { text->x - EDITOR_PADDING - 2, text->y - 2,
                                    MAX (text->w + 40, 120) + 2 * EDITOR_PADDING, text->h + 4 };
        place->font_size = plano_text_get_font_size (text);
        place->bold = plano_text_is_bold (text);
        place->multiline = TRUE;
      }
      return TRUE;

    case PLANO_ITEM_EDGE:
      {
        g_autoptr(GPtrArray) points = plano_renderer_get_edge_points (self->renderer, item->id);
        double total = 0, half;
        PlanoPoint middle = { 0, 0 };

        if (points == NULL || points->len < 2)
          return FALSE;

        /* Halfway along the line, where the renderer puts the label. */
        for (guint i = 1; i < points->len; i++)
          {
            const PlanoPoint *a = g_ptr_array_index (points, i - 1), *b = g_ptr_array_index (points, i);

            total += hypot (b->x - a->x, b->y - a->y);
          }
        half = total / 2;
        middle = *(const PlanoPoint *) g_ptr_array_index (points, 0);
        for (guint i = 1; i < points->len; i++)
          {
            const PlanoPoint *a = g_ptr_array_index (points, i - 1), *b = g_ptr_array_index (points, i);
            double length = hypot (b->x - a->x, b->y - a->y);

            if (length >= half && length > 0)
              {
                middle = (PlanoPoint) { a->x + (b->x - a->x) * half / length, a->y + (b->y - a->y) * half / length };
                break;
              }
            half -= length;
          }

        place->area = (PlanoRect) { middle.x - 80, middle.y - 12, 160, 24 };
        place->font_size = 11;
        place->centered = TRUE;
      }
      return TRUE;

    case PLANO_ITEM_TRADEOFF:
    case PLANO_N_ITEM_TYPES:
    default:
      return FALSE;
    }
}

static char *
get_editor_text (PlanoCanvas *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Every canvas action, on or off: while the editor is open, none of them may take its keys. */
static void
set_actions_enabled (PlanoCanvas *self,
                     gboolean     enabled)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (self);
  const GVariantType *parameter_type;
  const char *name, *property;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property); i++)
    if (owner == PLANO_TYPE_CANVAS)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);

  if (enabled)
    _plano_canvas_update_selection_actions (self);
}

/**
 * plano_canvas_end_edit:
 * @apply: keep what was typed, as one undo step, rather than drop it
 *
 * Closes the editor, if it is open.
 */
void
plano_canvas_end_edit (PlanoCanvas *self,
                       gboolean     apply)
{
  g_autofree char *id = g_steal_pointer (&self->editing);

  if (id == NULL)
    return;

  if (apply && self->board != NULL && plano_board_lookup (self->board, id) != NULL)
    {
      g_autofree char *text = get_editor_text (self);
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      const PlanoItem *item = plano_board_lookup (self->board, id);
      gboolean free_text = item->type == PLANO_ITEM_TEXT;

      _plano_canvas_begin (self, item->type == PLANO_ITEM_NOTE || free_text ? _("Edit Text") : _("Rename"));
      if (free_text && stripped[0] == '\0')
        {
          /* A text left empty is no text. */
          plano_board_remove_item (self->board, id);
        }
      else
        {
          plano_board_set_label (self->board, id, text);
          if (free_text)
            {
              const PlanoText *edited = (const PlanoText *) plano_board_lookup (self->board, id);
              double w, h;

              plano_renderer_fit_text (self->renderer, edited, FALSE, &w, &h);
              plano_board_set_bounds (self->board, id, edited->x, edited->y, w, h);
            }
        }
      _plano_canvas_commit (self);
    }

  set_actions_enabled (self, TRUE);
  gtk_widget_set_visible (self->editor, FALSE);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * plano_canvas_is_editing:
 *
 * Returns: whether a text is being edited in place
 */
gboolean
plano_canvas_is_editing (PlanoCanvas *self)
{
  g_return_val_if_fail (PLANO_IS_CANVAS (self), FALSE);

  return self->editing != NULL;
}

/**
 * plano_canvas_get_editor:
 *
 * Returns: (transfer none): the text view that edits texts in place
 */
GtkWidget *
plano_canvas_get_editor (PlanoCanvas *self)
{
  return self->editor;
}

static gboolean
editor_key_pressed_cb (PlanoCanvas           *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *key)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));

  if (self->editing == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      plano_canvas_end_edit (self, FALSE);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if ((state & GDK_SHIFT_MASK) != 0 && self->edit_multiline)
        {
          gtk_text_buffer_begin_user_action (buffer);
          gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
          gtk_text_buffer_insert_interactive_at_cursor (buffer, "\n", 1, TRUE);
          gtk_text_buffer_end_user_action (buffer);
          gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->editor), gtk_text_buffer_get_insert (buffer));
        }
      else
        {
          plano_canvas_end_edit (self, TRUE);
        }
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
    case GDK_KEY_KP_Tab:
      plano_canvas_end_edit (self, TRUE);
      return TRUE;

    default:
      return FALSE;
    }
}

/* The focus went elsewhere, to the inspector or the palette: what was typed is kept. Not when
 * the window itself lost the focus: the editor is still there when the user comes back. */
static void
editor_focus_leave_cb (PlanoCanvas             *self,
                       GtkEventControllerFocus *focus)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->editing == NULL)
    return;

  if (GTK_IS_WINDOW (root) && !gtk_window_is_active (GTK_WINDOW (root)))
    return;

  plano_canvas_end_edit (self, TRUE);
}

/* The typed text in the item's font, at the view's zoom. */
static void
editor_buffer_changed_cb (PlanoCanvas   *self,
                          GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "font", &start, &end);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static PangoFontDescription *
editor_font (PlanoCanvas     *self,
             const TextPlace *place)
{
  PangoFontDescription *desc = pango_font_description_from_string ("Cantarell, Sans");

  pango_font_description_set_absolute_size (desc, MAX (place->font_size * self->zoom, EDITOR_MIN_FONT) * PANGO_SCALE);
  pango_font_description_set_weight (desc, place->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);

  return desc;
}

/* Places the editor over the item's text; the canvas calls it when it lays out its children. */
void
_plano_canvas_edit_allocate (PlanoCanvas *self)
{
  const PlanoItem *item;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *desc;
  GtkTextTag *tag;
  g_autofree char *text = NULL;
  TextPlace place;
  double wx, wy, width, height;
  int text_height, nat;
  int margin = 0;

  if (self->editing == NULL || !gtk_widget_get_visible (self->editor))
    return;

  item = plano_board_lookup (self->board, self->editing);
  if (item == NULL || !text_place (self, item, &place))
    return;

  /* A changed tag lays the text out again: only when the zoom or the item changed. */
  desc = editor_font (self, &place);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor))),
                                   "font");
  {
    PangoFontDescription *current = NULL;

    g_object_get (tag, "font-desc", &current, NULL);
    if (current == NULL || !pango_font_description_equal (current, desc))
      g_object_set (tag, "font-desc", desc, NULL);
    g_clear_pointer (&current, pango_font_description_free);
  }

  plano_canvas_canvas_to_widget (self, place.area.x, place.area.y, &wx, &wy);
  width = MAX (place.area.w * self->zoom, EDITOR_MIN_WIDTH);
  height = place.area.h * self->zoom;

  text = get_editor_text (self);
  layout = gtk_widget_create_pango_layout (self->editor, text[0] != '\0' ? text : "M");
  pango_layout_set_font_description (layout, desc);

  /* A text grows to the right as it is typed, as wide as it will be drawn, then wraps. */
  if (item->type == PLANO_ITEM_TEXT)
    {
      double widest = MAX (((const PlanoText *) item)->w, PLANO_TEXT_MAX_WIDTH) * self->zoom;
      int natural;

      pango_layout_get_pixel_size (layout, &natural, NULL);
      width = CLAMP (natural + 2 * EDITOR_PADDING + 24, width, MAX (widest, width));
    }

  /* Short texts sit in the middle of their place, as the renderer draws them. */
  pango_layout_set_width (layout, (int) MAX (width - 2 * EDITOR_PADDING - 4, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  pango_font_description_free (desc);

  if (place.centered && text_height + 2 * EDITOR_PADDING < height)
    margin = (int) ((height - text_height) / 2) - 2;
  margin = MAX (margin, EDITOR_PADDING / 2);
  if (gtk_text_view_get_top_margin (GTK_TEXT_VIEW (self->editor)) != margin)
    gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->editor), margin);

  /* Longer texts grow the editor downwards rather than scroll out of sight. */
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, (int) width, NULL, &nat, NULL, NULL);
  height = MAX (height, nat);
  if (place.centered && height > place.area.h * self->zoom)
    wy -= (height - place.area.h * self->zoom) / 2;

  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) { (int) round (wx), (int) round (wy),
                                               (int) ceil (width), (int) ceil (height) }, -1);
}

/**
 * plano_canvas_begin_edit:
 *
 * Edits the text of the single selected item in place, with the whole text selected: Return
 * keeps it, Escape drops it.
 */
void
plano_canvas_begin_edit (PlanoCanvas *self)
{
  g_auto(GStrv) ids = NULL;
  const PlanoItem *item;
  const char *label;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  TextPlace place;

  g_return_if_fail (PLANO_IS_CANVAS (self));

  if (self->board == NULL || self->editing != NULL)
    return;

  ids = plano_canvas_get_selection (self);
  if (ids == NULL || ids[0] == NULL || ids[1] != NULL)
    return;

  item = plano_board_lookup (self->board, ids[0]);
  if (item == NULL || !text_place (self, item, &place))
    return;

  /* A connection being made from the keyboard is given up. */
  if (self->state == STATE_KEY_CONNECTING)
    {
      g_clear_pointer (&self->key_target, g_free);
      self->state = STATE_IDLE;
    }

  self->editing = g_strdup (ids[0]);
  self->edit_multiline = place.multiline;

  label = plano_board_get_label (self->board, ids[0]);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_text (buffer, label != NULL ? label : "", -1);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &end, &start);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_justification (GTK_TEXT_VIEW (self->editor),
                                   item->type == PLANO_ITEM_EDGE ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_LEFT);

  set_actions_enabled (self, FALSE);
  gtk_widget_set_visible (self->editor, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);
}

void
_plano_canvas_edit_init (PlanoCanvas *self)
{
  GtkEventController *keys;
  GtkEventController *focus;
  GtkTextBuffer *buffer;

  self->editor = gtk_text_view_new ();
  gtk_widget_add_css_class (self->editor, "plano-inline-editor");
  gtk_widget_set_overflow (self->editor, GTK_OVERFLOW_HIDDEN);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->editor), EDITOR_PADDING);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->editor), EDITOR_PADDING);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->editor), EDITOR_PADDING / 2);
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label"),
                                  -1);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_create_tag (buffer, "font", NULL);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (editor_buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (editor_key_pressed_cb), self);
  gtk_widget_add_controller (self->editor, keys);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (editor_focus_leave_cb), self);
  gtk_widget_add_controller (self->editor, focus);
}
