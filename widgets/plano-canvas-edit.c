/* plano-canvas-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-canvas"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "plano-canvas-private.h"

/* Editing a label in place: an entry over the item. */

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
      _plano_canvas_begin (self, _("Rename"));
      plano_board_set_label (self->board, id, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
      _plano_canvas_commit (self);
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

void
_plano_canvas_edit_init (PlanoCanvas *self)
{
  GtkEventController *entry_keys;

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
}
