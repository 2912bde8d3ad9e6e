/* plano-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a screen reader gets from Plano beyond what each widget sets for itself.
 *
 * Names: one clean accessible name for every control, whoever built it. GTK 4.8 joins a
 * control's label property and the names of what labels it ("_Open Open": a button keeps its
 * label with the mnemonic, and its mnemonic label names it again), and names anything with
 * neither after its type ("GtkSwitch", "GtkImage" for an icon-only button, "GtkStackPage" for
 * the page a control is on, which Orca says as its context). Plano sets names where it builds
 * its controls; what GTK and libadwaita build inside their own widgets (the responses of a
 * question, a toast's buttons, a row's switch) is cleaned here, as it is mapped, so that a
 * screen reader says one name, the one shown. GTK 4.8 has no public call that reads a computed
 * name; whether a label property or a labelled-by relation is set is read with
 * gtk_test_accessible_has_property() and _has_relation(), which work on any back end.
 *
 * Announcements (plano_a11y_announce(), toasts) and giving the focus back when a dialog closes
 * are at the end of the file.
 */

#define G_LOG_DOMAIN "plano-a11y"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plano-a11y.h"

/* "S_nap to Grid" as shown: "Snap to Grid"; a doubled underscore is one shown. */
static char *
strip_mnemonic (const char *text)
{
  GString *shown = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (shown, *p);
    }

  return g_string_free (shown, FALSE);
}

static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* The names of the icons GTK and libadwaita put on buttons without a tooltip of their own. */
static const char *
icon_meaning (const char *icon_name)
{
  static const struct { const char *icon; const char *name; } icons[] = {
    { "window-close-symbolic", N_("Close") },
    { "go-previous-symbolic", N_("Back") },
    { "edit-find-symbolic", N_("Search") },
    { "system-search-symbolic", N_("Search") },
    { "open-menu-symbolic", N_("Main Menu") },
    { "view-more-symbolic", N_("More") },
  };

  for (guint i = 0; icon_name != NULL && i < G_N_ELEMENTS (icons); i++)
    if (g_str_equal (icon_name, icons[i].icon))
      return _(icons[i].name);

  return NULL;
}

static const char *
button_icon_name (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (GTK_IS_IMAGE (child) && gtk_image_get_storage_type (GTK_IMAGE (child)) == GTK_IMAGE_ICON_NAME)
    return gtk_image_get_icon_name (GTK_IMAGE (child));

  return NULL;
}

/* The text a widget shows, its labels' in order, as GTK 4.8 does not name a button by its
 * content. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *shown = gtk_label_get_text (GTK_LABEL (widget));

      if (shown != NULL && *shown != '\0')
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", shown);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static void
name_by_content (GtkWidget *widget)
{
  g_autoptr(GString) text = g_string_new (NULL);

  collect_text (widget, text);
  if (text->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    text->str, -1);
}

/* A button with a mnemonic ("_Open") is named by its label, which GTK makes label it: its own
 * label property, which keeps the underscore, is said besides. */
static void
clean_button (GtkWidget *button)
{
  const char *label = gtk_button_get_label (GTK_BUTTON (button));

  if (label != NULL && gtk_button_get_use_underline (GTK_BUTTON (button)) &&
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  /* An icon-only button: GTK 4.8 makes its image label it, which names it "GtkImage", and
   * Orca says that image's name before the button's own. */
  if (label == NULL && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (button))))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (button);
      const char *meaning = tooltip != NULL ? tooltip : icon_meaning (button_icon_name (button));

      if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      else if (meaning != NULL)
        {
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          meaning, -1);
        }
    }

  /* A button that shows labels in a box of its own. */
  if (label == NULL && !has_name (button) && !GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (button))))
    name_by_content (button);

  /* A page of a stack switcher, such as those of the shortcuts window ("_1"): its label as
   * shown. */
  if (GTK_IS_STACK_SWITCHER (gtk_widget_get_parent (button)) &&
      GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (button))))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))),
                                    -1);
}

/* A menu button without a name of its own: what it shows, its tooltip, or its icon. */
static void
clean_menu_button (GtkWidget *button)
{
  const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
  const char *meaning;
  g_autofree char *shown = NULL;

  if (has_name (button))
    return;

  if (label != NULL && gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (button)))
    label = shown = strip_mnemonic (label);
  meaning = label != NULL ? label : gtk_widget_get_tooltip_text (button);
  if (meaning == NULL)
    meaning = icon_meaning (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)));
  if (meaning == NULL)
    {
      name_by_content (button);
      if (!has_name (button))
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Menu"), -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    meaning, -1);
}

/* A search entry without a name: what it asks for. */
static void
clean_search_entry (GtkWidget *entry)
{
  g_autofree char *placeholder = NULL;

  if (has_name (entry))
    return;

  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder != NULL && *placeholder != '\0' ? placeholder : _("Search"),
                                  -1);
}

/* "_Start" becomes "_Pause". */
static void
button_label_changed_cb (GtkWidget  *button,
                         GParamSpec *pspec,
                         gpointer    data)
{
  clean_button (button);
}

/* A switch, spin button or check button at the end of a row without a name of its own is
 * named after the row's title: GTK 4.8 does not make a name of the row's relation. */
static void
clean_row_control (GtkWidget *widget)
{
  GtkWidget *row;
  const char *title;
  g_autofree char *shown = NULL;

  if (has_name (widget) &&
      !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return;

  row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  if (row == NULL)
    return;
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  if (title == NULL || *title == '\0')
    return;
  if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)))
    title = shown = strip_mnemonic (title);

  /* The row names its activatable widget through its title label; said once, from here. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    title, -1);
}

/* The title of the page @widget is on: the title of the header bar at the top of one of its
 * ancestors ("What’s New" in About). */
static const char *
page_title (GtkWidget *widget)
{
  for (GtkWidget *parent = gtk_widget_get_parent (widget);
       parent != NULL;
       parent = gtk_widget_get_parent (parent))
    {
      GtkWidget *first = gtk_widget_get_first_child (parent);

      if (GTK_IS_HEADER_BAR (first) &&
          ADW_IS_WINDOW_TITLE (gtk_header_bar_get_title_widget (GTK_HEADER_BAR (first))))
        return adw_window_title_get_title (ADW_WINDOW_TITLE (gtk_header_bar_get_title_widget (GTK_HEADER_BAR (first))));
    }

  return NULL;
}

/* A text shown read-only without a name, such as the pages of About: the page's title. */
static void
clean_text_view (GtkWidget *view)
{
  const char *title;

  if (has_name (view) || gtk_text_view_get_editable (GTK_TEXT_VIEW (view)))
    return;

  title = page_title (view);
  if (title != NULL && *title != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* What lies around controls and what is read with them: a list, an image, a page of a stack, a
 * switcher, an empty label. Without a name GTK 4.8 names them after their type, which a screen
 * reader says as the context of a control ("GtkStackPage panel") or in review. A list takes
 * the title of the group it is in; the others are left unnamed, which is what they are. */
static void
clean_context (GtkWidget *widget)
{
  GtkWidget *group;
  const char *title = NULL;

  if (has_name (widget))
    return;

  if ((GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget) || GTK_IS_FLOW_BOX (widget)) &&
      (group = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP)) != NULL)
    title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
}

static gboolean
is_context (GtkWidget *widget)
{
  return GTK_IS_IMAGE (widget) || GTK_IS_PICTURE (widget) || GTK_IS_LIST_BOX (widget) ||
         GTK_IS_LIST_VIEW (widget) || GTK_IS_FLOW_BOX (widget) || GTK_IS_FLOW_BOX_CHILD (widget) ||
         GTK_IS_STACK_SWITCHER (widget) || ADW_IS_VIEW_SWITCHER (widget) ||
         (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) == '\0');
}

/* A stack's pages, which are accessible objects of their own: named by their title. */
static void
clean_stack_pages (GListModel *pages)
{
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i);
      g_autofree char *title = NULL;

      if (!GTK_IS_ACCESSIBLE (page) || gtk_test_accessible_has_property (GTK_ACCESSIBLE (page),
                                                                       GTK_ACCESSIBLE_PROPERTY_LABEL))
        continue;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "title") != NULL)
        g_object_get (page, "title", &title, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title != NULL ? title : "", -1);
    }
}

/**
 * plano_a11y_clean_names:
 * @widget: a widget about to be shown
 *
 * Gives @widget one clean accessible name where GTK would derive a bad one: a button's
 * mnemonic label said once and without its underscore, an icon-only button named by its
 * tooltip or its icon, a row's control named after the row.
 */
void
plano_a11y_clean_names (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget))
    {
      clean_button (widget);
      if (g_object_get_data (G_OBJECT (widget), "plano-a11y-watched") == NULL)
        {
          g_object_set_data (G_OBJECT (widget), "plano-a11y-watched", GINT_TO_POINTER (TRUE));
          g_signal_connect (widget, "notify::label", G_CALLBACK (button_label_changed_cb), NULL);
          g_signal_connect (widget, "notify::use-underline", G_CALLBACK (button_label_changed_cb), NULL);
          g_signal_connect (widget, "notify::icon-name", G_CALLBACK (button_label_changed_cb), NULL);
          g_signal_connect (widget, "notify::child", G_CALLBACK (button_label_changed_cb), NULL);
        }
    }

  if (GTK_IS_MENU_BUTTON (widget))
    clean_menu_button (widget);

  if (GTK_IS_SEARCH_ENTRY (widget))
    clean_search_entry (widget);

  if (GTK_IS_TEXT_VIEW (widget))
    clean_text_view (widget);

  if (is_context (widget))
    clean_context (widget);

  /* A toast of libadwaita 1.7 is an alert without a name: its text is its name. */
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ALERT &&
      !has_name (widget))
    name_by_content (widget);

  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (widget));

      clean_stack_pages (G_LIST_MODEL (pages));
    }
  else if (ADW_IS_VIEW_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (ADW_VIEW_STACK (widget));

      clean_stack_pages (G_LIST_MODEL (pages));
    }

  if (GTK_IS_SWITCH (widget) || GTK_IS_SPIN_BUTTON (widget) ||
      (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) == NULL))
    clean_row_control (widget);
}

/**
 * plano_a11y_clean_tree:
 * @widget: a widget whose children were just built
 *
 * plano_a11y_clean_names() on @widget and all it holds, shown or not: for what is built while
 * hidden.
 */
void
plano_a11y_clean_tree (GtkWidget *widget)
{
  plano_a11y_clean_names (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    plano_a11y_clean_tree (child);
}

/* The window is not held: it may go before the idle runs. */
static gboolean
clean_root_cb (gpointer data)
{
  g_autoptr(GtkWidget) root = g_weak_ref_get (data);

  if (root != NULL)
    {
      g_object_set_data (G_OBJECT (root), "plano-a11y-clean", NULL);
      plano_a11y_clean_tree (root);
    }

  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Each widget as it is mapped, and its window's whole tree once whatever was mapped with it
 * is: screen readers also reach what is not shown, such as the other pages of a stack, and
 * those are filled while hidden (an inspector's rows, a list's). */
static gboolean
map_hook_cb (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkRoot *root = gtk_widget_get_root (widget);

  plano_a11y_clean_names (widget);
  if (root != NULL && g_object_get_data (G_OBJECT (root), "plano-a11y-clean") == NULL)
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, root);
      g_idle_add_full (G_PRIORITY_LOW, clean_root_cb, ref, weak_ref_free);
      g_object_set_data (G_OBJECT (root), "plano-a11y-clean", GINT_TO_POINTER (TRUE));
    }

  return TRUE;
}

/**
 * plano_a11y_init:
 *
 * Cleans the accessible name of every control as it is mapped, from now on; once is enough.
 */
void
plano_a11y_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook_cb, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* Announcements. GTK 4.14 has gtk_accessible_announce(). GTK 4.8 has nothing of the kind: the
 * announcer stands in for a live region, an object of the role "alert", empty and out of sight in
 * a window's overlay (hidden until the first), whose name becomes each announcement, so that AT-SPI sends the change of
 * name (Orca 43 speaks such a change only for the object that has the focus; the canvas, which
 * has it while one works on it, says its changes in its own description). On every GTK the
 * announcer's name is the last announcement, which is what a test reads. */

static GtkWidget *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The announcer of @widget's window: in the toast overlay that holds it, or in the window's
 * first one (for a header bar's button). */
static GtkWidget *
find_announcer (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root;

  if (overlay == NULL && (root = gtk_widget_get_root (widget)) != NULL)
    overlay = find_toast_overlay (GTK_WIDGET (root));

  return overlay != NULL ? g_object_get_data (G_OBJECT (overlay), "plano-announcer") : NULL;
}

/**
 * plano_a11y_add_announcer:
 * @overlay: the toast overlay that holds a window's content
 *
 * Puts the widget that announces over the window's content: plano_a11y_announce() on any widget
 * of that window speaks through it. Call it once the overlay's child is in place.
 */
void
plano_a11y_add_announcer (AdwToastOverlay *overlay)
{
  g_autoptr(GtkWidget) content = g_object_ref (adw_toast_overlay_get_child (overlay));
  GtkWidget *over = gtk_overlay_new ();

  GtkWidget *announcer = g_object_new (GTK_TYPE_BOX,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                                       "can-target", FALSE,
                                       "can-focus", FALSE,
                                       "halign", GTK_ALIGN_START,
                                       "valign", GTK_ALIGN_START,
                                       "visible", FALSE,
                                       NULL);

  gtk_widget_set_name (announcer, "plano-announcer");
  g_object_set_data (G_OBJECT (overlay), "plano-announcer", announcer);

  adw_toast_overlay_set_child (overlay, NULL);
  gtk_overlay_set_child (GTK_OVERLAY (over), content);
  gtk_overlay_add_overlay (GTK_OVERLAY (over), announcer);
  adw_toast_overlay_set_child (overlay, over);
}

/**
 * plano_a11y_announce:
 * @widget: a widget of the window that announces
 * @text: what a screen reader says
 *
 * Has screen readers say @text at once, without moving the focus: a step that ends, a move on
 * the canvas, a toast.
 */
void
plano_a11y_announce (GtkWidget  *widget,
                     const char *text)
{
  GtkWidget *announcer;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  announcer = find_announcer (widget);
  if (announcer != NULL)
    {
      g_object_set_data_full (G_OBJECT (announcer), "plano-announced", g_strdup (text), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (announcer), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text, -1);
      /* Hidden, and so out of the tree, until it has something to say. */
      gtk_widget_set_visible (announcer, TRUE);
    }

#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (announcer != NULL ? announcer : widget), text,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
}

/**
 * plano_a11y_get_announced:
 * @widget: a widget of a window that announces
 *
 * Returns: (nullable): the last announcement in @widget's window, as screen readers can read it
 */
const char *
plano_a11y_get_announced (GtkWidget *widget)
{
  GtkWidget *announcer = find_announcer (widget);

  return announcer != NULL ? g_object_get_data (G_OBJECT (announcer), "plano-announced") : NULL;
}

/**
 * plano_a11y_add_toast:
 * @overlay: where the toast shows
 * @toast: (transfer full): the toast
 *
 * Shows @toast and has screen readers say it, where libadwaita does not (before 1.6).
 */
void
plano_a11y_add_toast (AdwToastOverlay *overlay,
                      AdwToast        *toast)
{
#if !ADW_CHECK_VERSION (1, 6, 0) || !GTK_CHECK_VERSION (4, 14, 0)
  g_autofree char *title = g_strdup (adw_toast_get_title (toast));

  adw_toast_overlay_add_toast (overlay, toast);
  if (title != NULL)
    plano_a11y_announce (GTK_WIDGET (overlay), title);
#else
  adw_toast_overlay_add_toast (overlay, toast);
#endif
}

/* Focus. Closing a dialog gives the focus back to where it was in the window below, or, when
 * that was a menu's item, to the menu button: a keyboard user goes on from there. */

typedef struct
{
  GWeakRef parent;
  GWeakRef focus;
} ReturnFocus;

static void
return_focus_free (gpointer data)
{
  ReturnFocus *ret = data;

  g_weak_ref_clear (&ret->parent);
  g_weak_ref_clear (&ret->focus);
  g_free (ret);
}

static void
give_focus_back (ReturnFocus *ret)
{
  g_autoptr(GtkWidget) parent = g_weak_ref_get (&ret->parent);
  g_autoptr(GtkWidget) focus = g_weak_ref_get (&ret->focus);

  if (parent == NULL || focus == NULL || !gtk_widget_get_mapped (focus) ||
      gtk_widget_get_root (focus) != GTK_ROOT (parent))
    return;

  gtk_widget_grab_focus (focus);
}

/* Once: a window that is only hidden (the shortcuts window) is shown again later. */
static void
dialog_gone_cb (GtkWidget *dialog,
                gpointer   data)
{
  give_focus_back (data);
  g_signal_handlers_disconnect_by_data (dialog, data);
}

/**
 * plano_a11y_return_focus:
 * @dialog: a dialog shown over @parent, a window or an AdwDialog
 * @parent: the window it belongs to
 *
 * Gives the focus back to where it is in @parent now when @dialog closes.
 */
void
plano_a11y_return_focus (GtkWidget *dialog,
                         GtkWindow *parent)
{
  ReturnFocus *ret;
  GtkWidget *focus;
  GtkWidget *popover;

  g_return_if_fail (GTK_IS_WIDGET (dialog));

  if (parent == NULL || (focus = gtk_root_get_focus (GTK_ROOT (parent))) == NULL)
    return;

  popover = gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER);
  if (popover != NULL)
    {
      GtkWidget *button = gtk_widget_get_ancestor (popover, GTK_TYPE_MENU_BUTTON);

      focus = button != NULL ? button : gtk_widget_get_parent (popover);
      if (focus == NULL)
        return;
    }

  ret = g_new0 (ReturnFocus, 1);
  g_weak_ref_init (&ret->parent, parent);
  g_weak_ref_init (&ret->focus, focus);
#if ADW_CHECK_VERSION (1, 5, 0)
  if (ADW_IS_DIALOG (dialog))
    {
      g_signal_connect_data (dialog, "closed", G_CALLBACK (dialog_gone_cb), ret,
                             (GClosureNotify) (void (*) (void)) return_focus_free, 0);
      return;
    }
#endif
  g_signal_connect_data (dialog, "hide", G_CALLBACK (dialog_gone_cb), ret,
                         (GClosureNotify) (void (*) (void)) return_focus_free, 0);
}
