/* plano-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-application"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-application.h"
#include "plano-drafts.h"
#include "plano-file.h"
#include "plano-preferences-window.h"
#include "plano-question.h"
#include "plano-window.h"

struct _PlanoApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        recovery_offered;
  char           *startup_template;  /* --template=ID for the first window */
  char           *startup_solution;  /* --solution=ID for the first window */
};

G_DEFINE_FINAL_TYPE (PlanoApplication, plano_application, ADW_TYPE_APPLICATION)

PlanoApplication *
plano_application_new (void)
{
  return g_object_new (PLANO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * plano_application_new_window:
 *
 * Returns: (transfer none): a new window showing the start page
 */
PlanoWindow *
plano_application_new_window (PlanoApplication *self)
{
  g_return_val_if_fail (PLANO_IS_APPLICATION (self), NULL);

  return plano_window_new (self);
}

/**
 * plano_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
plano_application_get_settings (PlanoApplication *self)
{
  g_return_val_if_fail (PLANO_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* A window that shows nothing yet, or an untouched empty board, takes the next file. */
static PlanoWindow *
find_reusable_window (PlanoApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PLANO_IS_WINDOW (l->data) && plano_window_is_reusable (l->data))
      return l->data;

  return NULL;
}

/**
 * plano_application_lookup_window:
 * @file: a board's file
 *
 * Returns: (transfer none) (nullable): the window that shows @file, under this name or another
 *   (a link)
 */
PlanoWindow *
plano_application_lookup_window (PlanoApplication *self,
                                 GFile            *file)
{
  g_return_val_if_fail (PLANO_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PLANO_IS_WINDOW (l->data) && plano_window_shows_file (l->data, file))
      return l->data;

  return NULL;
}

/* The window a recovered draft goes to: the one that shows its file when that one has nothing
 * of its own to lose (one window per file), else one with nothing in it, else a new one. NULL
 * when the file's window has unsaved work: the draft then stays for later. */
static PlanoWindow *
window_for_draft (PlanoApplication     *self,
                  const PlanoDraftInfo *info)
{
  PlanoWindow *window = NULL;

  if (info->source != NULL)
    {
      g_autoptr(GFile) source = g_file_new_for_uri (info->source);

      window = plano_application_lookup_window (self, source);
      if (window != NULL)
        {
          PlanoHistory *history = plano_window_get_history (window);

          return history != NULL && plano_history_get_is_modified (history) ? NULL : window;
        }
    }

  window = find_reusable_window (self);
  if (window == NULL)
    window = plano_application_new_window (self);

  return window;
}

static void
recovery_response_cb (GtkWidget        *question,
                      const char       *response,
                      PlanoApplication *self)
{
  GPtrArray *drafts = g_object_get_data (G_OBJECT (question), "drafts");
  GPtrArray *superseded = g_object_get_data (G_OBJECT (question), "superseded");

  for (guint i = 0; i < drafts->len; i++)
    {
      const PlanoDraftInfo *info = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (response, "recover") == 0)
        {
          PlanoWindow *window = window_for_draft (self, info);

          if (window == NULL)
            continue;
          plano_window_recover_draft (window, info);
          gtk_window_present (GTK_WINDOW (window));
        }
      else if (g_strcmp0 (response, "discard") == 0)
        {
          plano_draft_discard (info->id);
        }
    }

  /* Older drafts of a board whose newest draft was recovered or discarded are of no more use. */
  if (g_strcmp0 (response, "later") != 0)
    for (guint i = 0; i < superseded->len; i++)
      plano_draft_discard (((PlanoDraftInfo *) g_ptr_array_index (superseded, i))->id);
}

/**
 * plano_application_offer_recovery:
 * @parent: the window to ask over
 *
 * When boards were left unsaved by a crash, asks whether to recover them.
 *
 * Returns: (transfer none) (nullable): the dialog, when there was something to recover
 */
GtkWidget *
plano_application_offer_recovery (PlanoApplication *self,
                                  GtkWindow        *parent)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) superseded = NULL;
  g_autoptr(GString) body = NULL;
  GtkWidget *question;
  static const PlanoResponse responses[] = {
    { "later", N_("_Not Now") },
    { "discard", N_("_Discard"), ADW_RESPONSE_DESTRUCTIVE },
    { "recover", N_("_Recover"), ADW_RESPONSE_SUGGESTED },
  };

  g_return_val_if_fail (PLANO_IS_APPLICATION (self), NULL);

  /* Newest first, and of each board only the newest. */
  drafts = plano_drafts_list (TRUE);
  superseded = plano_drafts_take_superseded (drafts);
  if (drafts->len == 0)
    return NULL;

  body = g_string_new (ngettext ("Plano closed before this board was saved:",
                                 "Plano closed before these boards were saved:", drafts->len));
  for (guint i = 0; i < drafts->len; i++)
    {
      const PlanoDraftInfo *info = g_ptr_array_index (drafts, i);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (info->time / G_USEC_PER_SEC);
      /* TRANSLATORS: the date and time a draft was written, as in "Nov 25, 14:02" */
      g_autofree char *when = g_date_time_format (time, _("%b %-d, %H:%M"));

      /* TRANSLATORS: one line of the list of recoverable boards: title, then time */
      g_string_append_printf (body, _("\n• %s, %s"),
                              info->title != NULL ? info->title : _("Untitled Board"), when);
    }

  question = plano_question_present (GTK_WIDGET (parent),
                                     ngettext ("Recover Unsaved Board?", "Recover Unsaved Boards?",
                                               drafts->len),
                                     body->str, responses, G_N_ELEMENTS (responses),
                                     "recover", "later", G_CALLBACK (recovery_response_cb), self);
  g_object_set_data_full (G_OBJECT (question), "drafts", g_steal_pointer (&drafts),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (question), "superseded", g_steal_pointer (&superseded),
                          (GDestroyNotify) g_ptr_array_unref);

  return question;
}

/* Asks when the first window of a run appears. */
static void
offer_recovery_once (PlanoApplication *self,
                     GtkWindow        *parent)
{
  if (self->recovery_offered)
    return;

  self->recovery_offered = TRUE;
  plano_application_offer_recovery (self, parent);
}

/**
 * plano_application_set_startup_template:
 *
 * The first window shows a new board from template @id (`plano --template=ID`).
 */
void
plano_application_set_startup_template (PlanoApplication *self,
                                        const char       *id)
{
  g_return_if_fail (PLANO_IS_APPLICATION (self));

  g_free (self->startup_template);
  self->startup_template = g_strdup (id);
}

/**
 * plano_application_set_startup_solution:
 *
 * The first window shows the reference solution of question @id as a new board
 * (`plano --solution=ID`).
 */
void
plano_application_set_startup_solution (PlanoApplication *self,
                                        const char       *id)
{
  g_return_if_fail (PLANO_IS_APPLICATION (self));

  g_free (self->startup_solution);
  self->startup_solution = g_strdup (id);
}

static void
plano_application_activate (GApplication *app)
{
  PlanoApplication *self = PLANO_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (plano_application_new_window (self));

  if (self->startup_template != NULL && PLANO_IS_WINDOW (window))
    {
      plano_window_new_from_template (PLANO_WINDOW (window), self->startup_template);
      g_clear_pointer (&self->startup_template, g_free);
    }
  if (self->startup_solution != NULL && PLANO_IS_WINDOW (window))
    {
      plano_window_new_from_solution (PLANO_WINDOW (window), self->startup_solution);
      g_clear_pointer (&self->startup_solution, g_free);
    }

  gtk_window_present (window);
  offer_recovery_once (PLANO_APPLICATION (app), window);
}

static void
plano_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  PlanoApplication *self = PLANO_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      PlanoWindow *window = plano_application_lookup_window (self, files[i]);

      /* One window per file: a file already open is shown where it is. */
      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          continue;
        }

      window = find_reusable_window (self);
      if (window == NULL)
        window = plano_application_new_window (self);

      plano_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }

  if (n_files > 0)
    offer_recovery_once (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

/* The style preference: the system's, or light or dark whatever the system says. */
static void
style_changed_cb (PlanoApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint style = g_settings_get_enum (self->settings, "style");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (style, G_N_ELEMENTS (schemes) - 1)]);
}

/* What a crash left: temporary files of saves, and parts of drafts. On a worker thread, as a
 * temporary file may be on a slow disk. */
static void
remove_leftovers_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  guint removed = plano_file_remove_leftovers () + plano_drafts_remove_leftovers ();

  if (removed > 0)
    g_debug ("Removed %u files left by a crash", removed);
  g_task_return_boolean (task, TRUE);
}

static void
plano_application_startup (GApplication *app)
{
  PlanoApplication *self = PLANO_APPLICATION (app);

  G_APPLICATION_CLASS (plano_application_parent_class)->startup (app);

  {
    g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

    g_task_run_in_thread (task, remove_leftovers_thread);
  }

  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.copy-image", { "<Control><Shift>c", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
  g_set_application_name (_("Plano"));
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  style_changed_cb (self);
}

static void
plano_application_dispose (GObject *object)
{
  PlanoApplication *self = PLANO_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->startup_template, g_free);
  g_clear_pointer (&self->startup_solution, g_free);

  G_OBJECT_CLASS (plano_application_parent_class)->dispose (object);
}

static void
plano_application_class_init (PlanoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = plano_application_dispose;
  app_class->activate = plano_application_activate;
  app_class->open = plano_application_open;
  app_class->startup = plano_application_startup;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  PlanoApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Plano developers", NULL };

  /* An AdwAboutDialog inside the window where libadwaita has it (1.5), a window before. */
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_show_about_dialog (GTK_WIDGET (window),
#else
  adw_show_about_window (window,
#endif
                         "application-name", _("Plano"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Plano developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("A whiteboard for data architectures and a trainer for "
                                       "system design interviews."),
                         "website", "https://github.com/planoboard/plano",
                         "issue-url", "https://github.com/planoboard/plano/issues",
                         "developers", developers,
                         /* TRANSLATORS: your name and email, one translator per line */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 The Plano developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PlanoApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = plano_preferences_window_new (self->settings);

  plano_preferences_window_present (PLANO_PREFERENCES_WINDOW (preferences), window);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  PlanoApplication *self = user_data;
  PlanoWindow *window = plano_application_new_window (self);

  plano_window_new_board (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PlanoApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes; the app ends with the last one. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

/* A question's reference solution, as a new board in a window of its own: the board the user
 * is working on stays as it is. */
static void
open_solution_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  PlanoApplication *self = user_data;
  PlanoWindow *window = find_reusable_window (self);

  if (window == NULL)
    window = plano_application_new_window (self);

  plano_window_new_from_solution (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "open-solution", open_solution_action, "s" },
  { "preferences", preferences_action },
  { "new-window", new_window_action },
  { "quit", quit_action },
};

static void
plano_application_init (PlanoApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}
