/* plano-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the widget tests share: letting GTK catch up, and an application that runs without a
 * session bus and keeps its settings and recent files inside the test.
 */

#pragma once

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <glib/gstdio.h>

#include "plano-application.h"
#include "plano-drafts.h"
#include "plano-question.h"

/* Lets GTK handle what is pending: mapping, idle rebuilds, dialogs. */
static inline void
plano_test_iterate (void)
{
  for (guint i = 0; i < 30; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Lets GTK catch up until a save running in the background is done, ten seconds at most. */
static inline void
plano_test_wait_saved (PlanoWindow *window)
{
  gint64 start = g_get_monotonic_time ();

  while (plano_window_get_saving (window) && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (plano_window_get_saving (window));
  plano_test_iterate ();
}

/* Destroys every window, dialogs before the windows they belong to. */
static inline void
plano_test_close_all_windows (void)
{
  GList *windows = gtk_window_list_toplevels ();

  g_list_foreach (windows, (GFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) != NULL)
      gtk_window_destroy (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (windows, g_object_unref);
  plano_test_iterate ();
}

/* The first widget of @type in @widget's tree, @widget included. */
static inline GtkWidget *
plano_test_find_widget (GtkWidget *widget,
                        GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = plano_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The button of @widget's tree that shows @label, with its mnemonic ("_Save"). */
static inline GtkWidget *
plano_test_find_button (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = plano_test_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The question shown over @parent (inside it, or in a window of its own), or over any window
 * when @parent is NULL. */
static inline GtkWidget *
plano_test_find_question (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWidget *question;
      GtkWindow *root;

      if (!gtk_widget_get_visible (l->data))
        continue;
      question = plano_test_find_widget (l->data, PLANO_TYPE_QUESTION);
      if (question == NULL || !gtk_widget_get_visible (question))
        continue;
      root = GTK_WINDOW (gtk_widget_get_root (question));
      if (parent == NULL || root == parent || gtk_window_get_transient_for (root) == parent)
        return question;
    }

  return NULL;
}

/* The shown widget of @type, a window of its own or a dialog inside a window (libadwaita 1.5
 * shows dialogs inside the window they belong to). */
static inline GtkWidget *
plano_test_find_shown (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (l->data))
        continue;
      found = plano_test_find_widget (l->data, type);
      if (found != NULL && gtk_widget_get_visible (found))
        return found;
    }

  return NULL;
}

/* The window @dialog belongs to: the window it is shown inside, or the one it is transient for. */
static inline GtkWindow *
plano_test_get_dialog_parent (GtkWidget *dialog)
{
  GtkWindow *root = GTK_WINDOW (gtk_widget_get_root (dialog));

  return GTK_WIDGET (root) == dialog ? gtk_window_get_transient_for (root) : root;
}

/* Closes @dialog, a window or an AdwDialog. */
static inline void
plano_test_close_dialog (GtkWidget *dialog)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  if (ADW_IS_DIALOG (dialog))
    adw_dialog_force_close (ADW_DIALOG (dialog));
  else
#endif
    gtk_window_destroy (GTK_WINDOW (dialog));
  plano_test_iterate ();
}

/* Answers @question by clicking the button that shows @label, the way a person does. */
static inline void
plano_test_answer (GtkWidget  *question,
                   const char *label)
{
  GtkWidget *button;

  g_assert_nonnull (question);
  button = plano_test_find_button (question, label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  plano_test_iterate ();
}

/* Removes a folder of plain files, as the tests leave them. */
static inline void
plano_test_remove_dir (gpointer data)
{
  char *dir = data;
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

/* Sets up GTK, libadwaita and Plano's translations, and returns a registered application. */
static inline PlanoApplication *
plano_test_init_app (int    *argc,
                     char ***argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("plano-test-data-XXXXXX", NULL);
  PlanoApplication *app;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_STATE_HOME", data_home, TRUE);
  {
    g_autofree char *drafts = g_build_filename (data_home, "drafts", NULL);

    plano_drafts_set_dir (drafts);
  }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PLANO_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Dialogs and side bars open and close at once, as the tests look right after. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = plano_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  /* Keeps the application running between tests, when no window is open. */
  g_application_hold (G_APPLICATION (app));

  return app;
}

static inline void
plano_test_finish_app (PlanoApplication *app)
{
  const char *data_home = g_getenv ("XDG_DATA_HOME");
  g_autofree char *recent = g_build_filename (data_home, "recently-used.xbel", NULL);

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);

  g_unlink (recent);
  g_rmdir (plano_drafts_get_dir ());
  g_rmdir (data_home);
}
