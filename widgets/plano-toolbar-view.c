/* plano-toolbar-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header bars in an AdwToolbarView where libadwaita has it (1.4 and later), which draws the bar
 * and its content as GNOME's current apps do (a flat bar, a shadow once the content scrolls
 * under it). The .ui files keep the vertical box libadwaita 1.2 reads; this moves its parts.
 */

#define G_LOG_DOMAIN "plano-toolbar-view"

#include "config.h"

#include "plano-toolbar-view.h"

/**
 * plano_toolbar_view_adopt:
 * @box: a vertical #GtkBox of a header bar, any other bars below it (a banner), and then the
 *   content
 *
 * From libadwaita 1.4, moves the bars and the content of @box into a new #AdwToolbarView,
 * leaving @box empty; before, does nothing.
 *
 * Returns: (transfer none): the widget to show in @box's place: the toolbar view, or @box
 */
GtkWidget *
plano_toolbar_view_adopt (GtkWidget *box)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  g_autoptr(GPtrArray) bars = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkWidget) content = NULL;
  GtkWidget *view;

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);
  g_return_val_if_fail (gtk_widget_get_first_child (box) != gtk_widget_get_last_child (box), box);

  content = g_object_ref (gtk_widget_get_last_child (box));
  gtk_box_remove (GTK_BOX (box), content);
  while (gtk_widget_get_first_child (box) != NULL)
    {
      GtkWidget *bar = g_object_ref (gtk_widget_get_first_child (box));

      gtk_box_remove (GTK_BOX (box), bar);
      g_ptr_array_add (bars, bar);
    }

  view = adw_toolbar_view_new ();
  for (guint i = 0; i < bars->len; i++)
    adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), g_ptr_array_index (bars, i));
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), content);

  return view;
#else
  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  return box;
#endif
}

/**
 * plano_toolbar_view_adopt_overlay_child:
 * @overlay: a window's toast overlay whose child is such a box
 *
 * plano_toolbar_view_adopt() on the overlay's child, put in its place.
 */
void
plano_toolbar_view_adopt_overlay_child (AdwToastOverlay *overlay)
{
  GtkWidget *box = adw_toast_overlay_get_child (overlay);
  GtkWidget *view = plano_toolbar_view_adopt (box);

  if (view != box)
    adw_toast_overlay_set_child (overlay, view);
}
