/* plano-widget-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-widget-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-widget-utils.h"

/* What the lists of the side bars and of the feedback and progress windows build alike: rows
 * of plain text, and the icons that say a finding's severity or a status, to a screen reader
 * too.
 */

/* gtk_list_box_remove_all() is GTK 4.12. */
void
plano_list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/**
 * plano_list_box_add_text_row:
 * @title: plain text, not markup
 * @subtitle: (nullable): plain text, not markup
 *
 * Appends a row that shows @title and @subtitle whole, and does nothing when activated.
 *
 * Returns: (transfer none): the row, an AdwActionRow
 */
GtkWidget *
plano_list_box_add_text_row (GtkListBox *list,
                             const char *title,
                             const char *subtitle)
{
  g_autofree char *title_markup = NULL;
  GtkWidget *row;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  title_markup = g_markup_escape_text (title, -1);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    {
      g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);

  return row;
}

/**
 * plano_list_box_add_more_findings:
 * @more: how many findings the list leaves out
 *
 * Appends the dimmed row that ends a list of findings cut short.
 *
 * Returns: (transfer none): the row
 */
GtkWidget *
plano_list_box_add_more_findings (GtkListBox *list,
                                  guint       more)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u more finding, less severe: plano --review lists them all",
                                                        "%u more findings, less severe: plano --review lists them all",
                                                        more), more);
  GtkWidget *row = plano_list_box_add_text_row (list, text, NULL);

  gtk_widget_add_css_class (row, "dim-label");

  return row;
}

/**
 * plano_status_icon_new:
 * @style: (nullable): a style class, such as "success"
 * @meaning: what the icon says, such as "Covered"
 *
 * Returns: (transfer floating): an icon whose meaning a screen reader says as its name
 */
GtkWidget *
plano_status_icon_new (const char *icon_name,
                       const char *style,
                       const char *meaning)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  if (style != NULL)
    gtk_widget_add_css_class (icon, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, meaning, -1);

  return icon;
}

static const char * const severity_icon_names[] = {
  [PLANO_SEVERITY_INFO] = "dialog-information-symbolic",
  [PLANO_SEVERITY_WARNING] = "dialog-warning-symbolic",
  [PLANO_SEVERITY_ERROR] = "dialog-error-symbolic",
};

static const char * const severity_style_classes[] = {
  [PLANO_SEVERITY_INFO] = "accent",
  [PLANO_SEVERITY_WARNING] = "warning",
  [PLANO_SEVERITY_ERROR] = "error",
};

const char *
plano_severity_get_icon_name (PlanoSeverity severity)
{
  g_return_val_if_fail (severity < G_N_ELEMENTS (severity_icon_names), NULL);

  return severity_icon_names[severity];
}

/**
 * plano_severity_get_style_class:
 *
 * Returns: the style class that colours what shows a finding of @severity
 */
const char *
plano_severity_get_style_class (PlanoSeverity severity)
{
  g_return_val_if_fail (severity < G_N_ELEMENTS (severity_style_classes), NULL);

  return severity_style_classes[severity];
}

/**
 * plano_severity_icon_new:
 *
 * Returns: (transfer floating): the icon of a finding of @severity, in its colour, named after
 *   the severity for a screen reader
 */
GtkWidget *
plano_severity_icon_new (PlanoSeverity severity)
{
  return plano_status_icon_new (plano_severity_get_icon_name (severity),
                                plano_severity_get_style_class (severity),
                                plano_severity_get_name (severity));
}
