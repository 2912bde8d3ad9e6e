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
#include <math.h>
#include <glib/gstdio.h>

#include "plano-application.h"
#include "plano-drafts.h"
#include "plano-question.h"
#include "plano-test-core.h"

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

/* Removes a folder the test made, and frees its path: for g_test_queue_destroy(). */
static inline void
plano_test_remove_dir (gpointer data)
{
  plano_test_remove_tree (data);
  g_free (data);
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
  g_autofree char *data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);

  /* The recent list, the drafts and the journal of saves in progress all live there. */
  plano_test_remove_tree (data_home);
}

/* Real input, for what only real input shows (which widget a key reaches): xdotool types and
 * clicks into the tests' windows on the X server they run on (Xvfb). */

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* Whether real input can be made: an X display and xdotool. */
static inline gboolean
plano_test_can_type (GtkWidget *widget)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

#ifdef GDK_WINDOWING_X11
  return xdotool != NULL && GDK_IS_X11_DISPLAY (gtk_widget_get_display (widget));
#else
  return FALSE;
#endif
}

static inline void
plano_test_child_exited_cb (GPid     pid,
                            int      status,
                            gpointer user_data)
{
  *(int *) user_data = status;
  g_spawn_close_pid (pid);
}

/* Runs xdotool with the NULL-terminated arguments, letting GTK handle what it sends as it
 * comes; returns whether xdotool succeeded. */
static inline gboolean G_GNUC_NULL_TERMINATED
plano_test_xdotool (const char *first,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status = -1;
  gboolean exited = FALSE;
  GPid pid;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_async (NULL, (char **) argv->pdata, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, NULL))
    return FALSE;

  status = -1;
  g_child_watch_add (pid, plano_test_child_exited_cb, &status);
  while (status == -1)
    g_main_context_iteration (NULL, TRUE);
  exited = g_spawn_check_wait_status (status, NULL);
  /* xdotool's events reached the X server before it exited; a round trip to the server then
   * brings every event they made into GDK's queue, however busy the machine, and the loop
   * below hands them out before the test looks. */
  gdk_display_sync (gdk_display_get_default ());
  for (guint i = 0; i < 3; i++)
    {
      plano_test_iterate ();
      gdk_display_sync (gdk_display_get_default ());
    }

  return exited;
}

#ifdef GDK_WINDOWING_X11
/* The X window of @widget's window, as xdotool names it. */
static inline char *
plano_test_window_id (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  return g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
}
#endif

/* Gives @widget's window the keyboard, as a click on it would. */
static inline void
plano_test_focus_window (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *id = plano_test_window_id (widget);

  g_assert_true (plano_test_xdotool ("windowfocus", "--sync", id, NULL));
#endif
}

/* Clicks @n times at @x, @y of @widget with the primary button, as the user would. */
static inline void
plano_test_click (GtkWidget *widget,
                  double     x,
                  double     y,
                  guint      n)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  g_autofree char *id = plano_test_window_id (widget);
  g_autofree char *sx = NULL, *sy = NULL, *repeat = g_strdup_printf ("%u", n);
  double nx, ny, tx, ty;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y, &nx, &ny));
  gtk_native_get_surface_transform (native, &tx, &ty);
  sx = g_strdup_printf ("%d", (int) round (nx + tx));
  sy = g_strdup_printf ("%d", (int) round (ny + ty));
  g_assert_true (plano_test_xdotool ("mousemove", "--window", id, sx, sy,
                                     "click", "--repeat", repeat, "--delay", "60", "1", NULL));
#endif
}

/* Presses the keys, such as "ctrl+a" or "Return", one after the other. */
#define plano_test_keys(...) \
  g_assert_true (plano_test_xdotool ("key", "--delay", "20", __VA_ARGS__, NULL))

/* Types @text as keys. */
#define plano_test_type(text) \
  g_assert_true (plano_test_xdotool ("type", "--delay", "20", (text), NULL))
