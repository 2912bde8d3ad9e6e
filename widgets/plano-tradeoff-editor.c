/* plano-tradeoff-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-tradeoff-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-toolbar-view.h"
#include "plano-tradeoff-editor.h"
#include "plano-tradeoffs.h"

/* Edits one trade-off of the canvas's board, or a new one about an item or the whole board.
 * Nothing reaches the board until Save, which makes one undoable change; Cancel leaves the
 * board as it was.
 */

#define RESOURCE_BASE "/io/github/planoboard/Plano"

struct _PlanoTradeoffEditor
{
  AdwWindow     parent_instance;

  PlanoCanvas  *canvas;
  char         *id;         /* the trade-off edited; NULL while it is new */
  char         *target;
  char         *auto_title; /* what the editor filled in, which a preset may replace */
  char         *auto_alternatives;

  AdwWindowTitle       *window_title;
  AdwPreferencesGroup  *decision_group;
  AdwPreferencesGroup  *rationale_group;
  AdwComboRow          *preset_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *choice_row;
  GtkTextView          *alternatives_view;
  GtkTextView          *pros_view;
  GtkTextView          *cons_view;
  GtkTextView          *rationale_view;
  GtkWidget            *save_button;
  GtkWidget            *delete_button;
};

G_DEFINE_FINAL_TYPE (PlanoTradeoffEditor, plano_tradeoff_editor, ADW_TYPE_WINDOW)

static char *
view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
view_set_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
view_set_lines (GtkTextView        *view,
                const char * const *lines)
{
  g_autofree char *text = plano_tradeoff_join_lines (lines);

  view_set_text (view, text);
}

static char *
nonempty (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return copy[0] != '\0' ? g_steal_pointer (&copy) : NULL;
}

static PlanoBoard *
get_board (PlanoTradeoffEditor *self)
{
  return self->canvas != NULL ? plano_canvas_get_board (self->canvas) : NULL;
}

static void
title_changed_cb (PlanoTradeoffEditor *self)
{
  g_autofree char *title = nonempty (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", title != NULL);
}

static void
preset_selected_cb (PlanoTradeoffEditor *self)
{
  guint position = adw_combo_row_get_selected (self->preset_row);
  const PlanoTradeoffPreset *presets = plano_tradeoff_get_presets (NULL);
  const PlanoTradeoffPreset *preset;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *alternatives = view_get_text (self->alternatives_view);

  if (position == GTK_INVALID_LIST_POSITION || position == 0)
    {
      adw_preferences_group_set_description (self->rationale_group, NULL);
      return;
    }

  preset = &presets[position - 1];

  /* Fill in what the user has not written themselves. */
  if (title[0] == '\0' || g_strcmp0 (title, self->auto_title) == 0)
    {
      g_free (self->auto_title);
      self->auto_title = g_strdup (_(preset->title));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->auto_title);
    }

  if (g_strstrip (alternatives)[0] == '\0' || g_strcmp0 (alternatives, self->auto_alternatives) == 0)
    {
      g_free (self->auto_alternatives);
      self->auto_alternatives = g_strdup_printf ("%s\n%s", _(preset->sides[0]), _(preset->sides[1]));
      view_set_text (self->alternatives_view, self->auto_alternatives);
    }

  adw_preferences_group_set_description (self->rationale_group, _(preset->question));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  plano_tradeoff_editor_save (PLANO_TRADEOFF_EDITOR (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlanoTradeoffEditor *self = PLANO_TRADEOFF_EDITOR (widget);
  PlanoBoard *board = get_board (self);
  PlanoHistory *history = self->canvas != NULL ? plano_canvas_get_history (self->canvas) : NULL;

  if (board != NULL && self->id != NULL && history != NULL)
    {
      plano_history_begin (history, _("Delete Trade-off"));
      plano_board_remove_item (board, self->id);
      plano_history_commit (history);
    }

  gtk_window_close (GTK_WINDOW (self));
}

/**
 * plano_tradeoff_editor_save:
 *
 * Writes the editor's fields to the board as one undoable change and closes the editor.
 *
 * Returns: whether the board changed
 */
gboolean
plano_tradeoff_editor_save (PlanoTradeoffEditor *self)
{
  PlanoBoard *board;
  PlanoHistory *history;
  const PlanoItem *existing;
  g_autoptr(PlanoItem) item = NULL;
  PlanoTradeoff *tradeoff;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *alternatives = view_get_text (self->alternatives_view);
  g_autofree char *pros = view_get_text (self->pros_view);
  g_autofree char *cons = view_get_text (self->cons_view);
  g_autofree char *rationale = view_get_text (self->rationale_view);
  gboolean changed;

  g_return_val_if_fail (PLANO_IS_TRADEOFF_EDITOR (self), FALSE);

  board = get_board (self);
  history = self->canvas != NULL ? plano_canvas_get_history (self->canvas) : NULL;
  title = nonempty (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  if (board == NULL || history == NULL || title == NULL)
    return FALSE;

  existing = self->id != NULL ? plano_board_lookup (board, self->id) : NULL;
  if (existing != NULL && existing->type == PLANO_ITEM_TRADEOFF)
    item = plano_item_copy (existing);
  else
    item = (PlanoItem *) plano_tradeoff_new (board, self->target, NULL);

  /* The item it was about may have gone while the editor was open. */
  tradeoff = (PlanoTradeoff *) item;
  if (tradeoff->target != NULL && plano_board_lookup (board, tradeoff->target) == NULL)
    g_clear_pointer (&tradeoff->target, g_free);

  g_free (tradeoff->title);
  tradeoff->title = g_steal_pointer (&title);
  g_free (tradeoff->choice);
  tradeoff->choice = nonempty (gtk_editable_get_text (GTK_EDITABLE (self->choice_row)));
  g_strfreev (tradeoff->alternatives);
  tradeoff->alternatives = plano_tradeoff_split_lines (alternatives);
  g_strfreev (tradeoff->pros);
  tradeoff->pros = plano_tradeoff_split_lines (pros);
  g_strfreev (tradeoff->cons);
  tradeoff->cons = plano_tradeoff_split_lines (cons);
  g_free (tradeoff->rationale);
  tradeoff->rationale = nonempty (rationale);

  plano_history_begin (history, existing != NULL ? _("Edit Trade-off") : _("Add Trade-off"));
  if (existing != NULL)
    {
      changed = plano_board_update_item (board, item, &error);
    }
  else
    {
      changed = plano_board_add_item (board, item, &error);
      if (changed)
        {
          g_free (self->id);
          self->id = g_strdup (item->id);
          item = NULL;  /* the board owns it now */
        }
    }
  plano_history_commit (history);

  if (error != NULL)
    g_warning ("Could not save the trade-off: %s", error->message);

  gtk_window_close (GTK_WINDOW (self));

  return changed;
}

static void
load (PlanoTradeoffEditor *self)
{
  PlanoBoard *board = get_board (self);
  const PlanoTradeoff *tradeoff = NULL;
  const char *target = self->target;
  g_autofree char *hint = NULL;
  g_autofree char *subtitle = NULL;
  const PlanoItem *target_item;

  if (board != NULL && self->id != NULL)
    {
      const PlanoItem *item = plano_board_lookup (board, self->id);

      if (item != NULL && item->type == PLANO_ITEM_TRADEOFF)
        tradeoff = (const PlanoTradeoff *) item;
    }

  if (tradeoff != NULL)
    {
      target = tradeoff->target;
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), tradeoff->title);
      gtk_editable_set_text (GTK_EDITABLE (self->choice_row), tradeoff->choice != NULL ? tradeoff->choice : "");
      view_set_lines (self->alternatives_view, (const char * const *) tradeoff->alternatives);
      view_set_lines (self->pros_view, (const char * const *) tradeoff->pros);
      view_set_lines (self->cons_view, (const char * const *) tradeoff->cons);
      view_set_text (self->rationale_view, tradeoff->rationale);
      adw_window_title_set_title (self->window_title, _("Edit Trade-off"));
    }
  else
    {
      g_autoptr(PlanoItem) fresh = board != NULL ? (PlanoItem *) plano_tradeoff_new (board, target, NULL) : NULL;

      if (fresh != NULL)
        {
          self->auto_title = g_strdup (((PlanoTradeoff *) fresh)->title);
          gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->auto_title);
        }
      adw_window_title_set_title (self->window_title, _("New Trade-off"));
    }

  gtk_widget_set_visible (self->delete_button, tradeoff != NULL);
  /* A preset starts a new decision; an existing one keeps its own words. */
  gtk_widget_set_visible (GTK_WIDGET (self->preset_row), tradeoff == NULL);

  target_item = target != NULL && board != NULL ? plano_board_lookup (board, target) : NULL;
  if (target_item != NULL)
    {
      /* TRANSLATORS: the subtitle of the trade-off editor: what the decision is about */
      subtitle = g_strdup_printf (_("About %s"), plano_board_get_label (board, target));
      if (target_item->type == PLANO_ITEM_NODE)
        hint = plano_tradeoff_get_kind_hint (((const PlanoNode *) target_item)->kind);
    }
  else
    {
      subtitle = g_strdup (_("About the whole board"));
    }

  adw_window_title_set_subtitle (self->window_title, subtitle);
  adw_preferences_group_set_description (self->decision_group, hint);
  title_changed_cb (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));
}

static void
plano_tradeoff_editor_dispose (GObject *object)
{
  PlanoTradeoffEditor *self = (PlanoTradeoffEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLANO_TYPE_TRADEOFF_EDITOR);
  g_clear_object (&self->canvas);

  G_OBJECT_CLASS (plano_tradeoff_editor_parent_class)->dispose (object);
}

static void
plano_tradeoff_editor_finalize (GObject *object)
{
  PlanoTradeoffEditor *self = (PlanoTradeoffEditor *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->auto_title, g_free);
  g_clear_pointer (&self->auto_alternatives, g_free);

  G_OBJECT_CLASS (plano_tradeoff_editor_parent_class)->finalize (object);
}

static void
plano_tradeoff_editor_class_init (PlanoTradeoffEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plano_tradeoff_editor_dispose;
  object_class->finalize = plano_tradeoff_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/plano-tradeoff-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanoTradeoffEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlanoTradeoffEditor, decision_group);
  gtk_widget_class_bind_template_child (widget_class, PlanoTradeoffEditor, rationale_group);
  gtk_widget_class_bind_template_child (widget_class, PlanoTradeoffEditor, preset_row);
  gtk_widget_class_bind_template_child (widget_class, PlanoTradeoffEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, PlanoTradeoffEditor, choice_row);
  gtk_widget_class_bind_template_child (widget_class, PlanoTradeoffEditor, alternatives_view);
  gtk_widget_class_bind_template_child (widget_class, PlanoTradeoffEditor, pros_view);
  gtk_widget_class_bind_template_child (widget_class, PlanoTradeoffEditor, cons_view);
  gtk_widget_class_bind_template_child (widget_class, PlanoTradeoffEditor, rationale_view);
  gtk_widget_class_bind_template_child (widget_class, PlanoTradeoffEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlanoTradeoffEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
plano_tradeoff_editor_init (PlanoTradeoffEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n;
  const PlanoTradeoffPreset *presets = plano_tradeoff_get_presets (&n);

  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkWidget *box = adw_window_get_content (ADW_WINDOW (self));
    GtkWidget *view = plano_toolbar_view_adopt (box);

    if (view != box)
      adw_window_set_content (ADW_WINDOW (self), view);
  }

  gtk_string_list_append (names, _("Nothing"));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (names, _(presets[i].title));
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (names));

  g_signal_connect_swapped (self->preset_row, "notify::selected", G_CALLBACK (preset_selected_cb), self);
}

/**
 * plano_tradeoff_editor_new:
 * @canvas: the canvas whose board and history the editor changes
 * @id: (nullable): the trade-off to edit, or %NULL for a new one
 * @target: (nullable): for a new trade-off, the item it is about; %NULL for the whole board
 *
 * Returns: (transfer full): the editor, modal for @canvas's window; present it
 */
GtkWidget *
plano_tradeoff_editor_new (PlanoCanvas *canvas,
                           const char  *id,
                           const char  *target)
{
  PlanoTradeoffEditor *self;
  GtkRoot *root;

  g_return_val_if_fail (PLANO_IS_CANVAS (canvas), NULL);

  self = g_object_new (PLANO_TYPE_TRADEOFF_EDITOR, NULL);
  self->canvas = g_object_ref (canvas);
  self->id = g_strdup (id);
  self->target = g_strdup (target);

  root = gtk_widget_get_root (GTK_WIDGET (canvas));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  load (self);

  return GTK_WIDGET (self);
}

/**
 * plano_tradeoff_editor_get_row:
 * @name: "preset", "title", "choice", "alternatives", "pros", "cons" or "rationale"
 *
 * Returns: (transfer none) (nullable): the widget that edits @name, for tests
 */
GtkWidget *
plano_tradeoff_editor_get_row (PlanoTradeoffEditor *self,
                               const char          *name)
{
  g_return_val_if_fail (PLANO_IS_TRADEOFF_EDITOR (self), NULL);

  if (g_str_equal (name, "preset"))
    return GTK_WIDGET (self->preset_row);
  if (g_str_equal (name, "title"))
    return GTK_WIDGET (self->title_row);
  if (g_str_equal (name, "choice"))
    return GTK_WIDGET (self->choice_row);
  if (g_str_equal (name, "alternatives"))
    return GTK_WIDGET (self->alternatives_view);
  if (g_str_equal (name, "pros"))
    return GTK_WIDGET (self->pros_view);
  if (g_str_equal (name, "cons"))
    return GTK_WIDGET (self->cons_view);
  if (g_str_equal (name, "rationale"))
    return GTK_WIDGET (self->rationale_view);
  if (g_str_equal (name, "hint"))
    return GTK_WIDGET (self->decision_group);

  return NULL;
}
