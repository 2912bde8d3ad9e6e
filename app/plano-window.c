/* plano-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-application.h"
#include "plano-board-summary.h"
#include "plano-calculator.h"
#include "plano-templates.h"
#include "plano-template-chooser.h"
#include "plano-canvas.h"
#include "plano-drafts.h"
#include "plano-export.h"
#include "plano-inspector.h"
#include "plano-interview-panel.h"
#include "plano-thumbnail.h"
#include "plano-palette.h"
#include "plano-review-panel.h"
#include "plano-tradeoff-list.h"
#include "plano-format.h"
#include "plano-window.h"

#define PLANO_MIME_TYPE "application/x-plano"
#define MAX_RECENT 8

struct _PlanoWindow
{
  AdwApplicationWindow  parent_instance;

  PlanoBoard           *board;
  PlanoHistory         *history;
  GFile                *file;
  char                 *file_stamp;   /* the file's time and size when read or written */
  gboolean              autosave_failed;
  char                 *draft_id;     /* autosave writes the board here */
  guint                 autosave_source;
  gulong                autosave_handler;
  GSettings            *settings;
  gulong                modified_handler;
  gulong                title_handler;

  /* Set once the user chose to close despite unsaved changes, or saved them for closing. */
  gboolean              close_confirmed;
  gboolean              close_after_save;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkWidget            *board_page;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  GtkWindow            *shortcuts;      /* the Keyboard Shortcuts window, once asked for */
  GHashTable           *thumbnails;     /* "uri time theme" → GdkTexture of recent boards */
  GCancellable         *thumbnails_cancellable;
  gboolean              recent_stale;   /* the list changed while a board was shown */
  gboolean              painted;        /* the window has shown its first frame */
  PlanoBoardSummary    *summary;
  PlanoCanvas          *canvas;
  PlanoPalette         *palette;
  PlanoInspector       *inspector;
  PlanoReviewPanel     *review_panel;
  PlanoTradeoffList    *tradeoff_list;
  PlanoInterviewPanel  *interview_panel;
  GtkWidget            *interview_button;
  PlanoCalculator      *calculator;
  char                 *notes_before_insert; /* the capacity notes an Undo puts back */
  char                 *notes_after_insert;
  gulong                record_handler;
  gboolean              interview_unreadable;
  GtkStack             *side_stack;
  GtkWidget            *side_views;
  GtkWidget            *palette_button;
  GtkWidget            *palette_revealer;
  GtkWidget            *interview_revealer;
  GtkWidget            *outline_revealer;
  guint                 sidebar_clock;  /* counts side bars opened, to close the oldest first */
  GtkWidget            *outline_button;
};

G_DEFINE_FINAL_TYPE (PlanoWindow, plano_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SNAP,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
show_error (PlanoWindow *self,
            const char  *heading,
            const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
get_display_title (PlanoWindow *self)
{
  const char *title = self->board != NULL ? plano_board_get_title (self->board) : NULL;

  if (title != NULL)
    return g_strdup (title);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      g_autofree char *name = g_filename_display_name (basename);

      if (g_str_has_suffix (name, ".plano"))
        name[strlen (name) - strlen (".plano")] = '\0';
      return g_steal_pointer (&name);
    }

  return g_strdup (_("Untitled Board"));
}

static char *
get_display_folder (PlanoWindow *self)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) home = NULL;
  g_autofree char *path = NULL;
  g_autofree char *relative = NULL;

  if (self->file == NULL)
    return g_strdup (_("Not saved yet"));

  parent = g_file_get_parent (self->file);
  if (parent == NULL)
    return NULL;

  home = g_file_new_for_path (g_get_home_dir ());
  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_strdup_printf ("~/%s", relative);

  path = g_file_get_path (parent);
  return path != NULL ? g_filename_display_name (path) : g_file_get_uri (parent);
}

static void
update_title (PlanoWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *shown = NULL;

  if (self->board == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Plano"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Plano"));
      return;
    }

  title = get_display_title (self);
  folder = get_display_folder (self);

  if (plano_history_get_is_modified (self->history))
    /* TRANSLATORS: the window title of a board with unsaved changes */
    shown = g_strdup_printf (_("• %s"), title);
  else
    shown = g_strdup (title);

  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, folder);
  gtk_window_set_title (GTK_WINDOW (self), shown);
}

static void
update_actions (PlanoWindow *self)
{
  gboolean has_board = self->board != NULL;
  /* The interview's replay shows an earlier state; undoing then would edit what is hidden. */
  gboolean editable = has_board && plano_canvas_get_preview (self->canvas) == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", has_board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 editable && plano_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 editable && plano_history_get_can_redo (self->history));
}

/* While the interview's replay shows an earlier state of the board, nothing edits the
 * document: not the canvas (it takes no input then), the palette, the side bar or undo. */
static void
canvas_preview_notify_cb (PlanoWindow *self,
                          GParamSpec  *pspec,
                          PlanoCanvas *canvas)
{
  gboolean editable = plano_canvas_get_preview (canvas) == NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->palette), editable);
  gtk_widget_set_sensitive (self->side_views, editable);
  update_actions (self);
}

static void
history_notify_cb (PlanoWindow *self,
                   GParamSpec  *pspec,
                   PlanoHistory *history)
{
  update_title (self);
  update_actions (self);
}

static void
board_title_notify_cb (PlanoWindow *self,
                       GParamSpec  *pspec,
                       PlanoBoard  *board)
{
  update_title (self);
}

/* Autosave: two seconds after the last change, a draft of the board goes to the drafts
 * folder, so that a crash costs at most that. A save or a close removes it.
 */
#define AUTOSAVE_DELAY_SECONDS 2

/* The interview panel's session goes into the board's "interview" member once it holds
 * anything (a question, notes, a started session), except that a record that could not be
 * read stays as it was until a new session replaces it.
 */
static void
sync_interview (PlanoWindow *self)
{
  PlanoInterview *interview = plano_interview_panel_get_interview (self->interview_panel);
  g_autoptr(JsonNode) node = NULL;

  if (self->board == NULL || interview == NULL)
    return;

  if (self->interview_unreadable && plano_interview_get_state (interview) == PLANO_INTERVIEW_IDLE)
    return;
  if (plano_interview_is_blank (interview) && plano_board_get_interview (self->board) == NULL)
    return;

  node = plano_interview_to_json (interview);
  plano_board_set_interview (self->board, node);
  self->interview_unreadable = FALSE;
}

static void
discard_draft (PlanoWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->draft_id != NULL)
    plano_draft_discard (self->draft_id);
}

static gboolean save_quietly      (PlanoWindow *self);
static void     schedule_autosave (PlanoWindow *self);

static gboolean
autosave_cb (gpointer user_data)
{
  PlanoWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  self->autosave_source = 0;

  if (self->board == NULL || self->draft_id == NULL)
    return G_SOURCE_REMOVE;

  if (!plano_history_get_is_modified (self->history))
    {
      plano_draft_discard (self->draft_id);
      return G_SOURCE_REMOVE;
    }

  /* Halfway through a drag the board is not what the user means to keep yet. */
  if (plano_history_get_in_transaction (self->history))
    {
      schedule_autosave (self);
      return G_SOURCE_REMOVE;
    }

  if (save_quietly (self))
    return G_SOURCE_REMOVE;

  sync_interview (self);
  uri = self->file != NULL ? g_file_get_uri (self->file) : NULL;
  if (!plano_draft_write (self->draft_id, self->board, uri, &error))
    g_warning ("Could not write the draft of the board: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (PlanoWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add_seconds (AUTOSAVE_DELAY_SECONDS, autosave_cb, self);
}

static void
board_changed_autosave_cb (PlanoWindow *self,
                           PlanoChange *change,
                           PlanoBoard  *board)
{
  schedule_autosave (self);
}

/* What tells whether a file changed since Plano read or wrote it: its modification time and
 * size. NULL when the file does not exist.
 */
static char *
get_file_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;

  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%u:%" G_GINT64_FORMAT,
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC),
                          g_file_info_get_size (info));
}

static void
remember_file_stamp (PlanoWindow *self)
{
  g_free (self->file_stamp);
  self->file_stamp = get_file_stamp (self->file);
}

static void
interview_changed_cb (PlanoWindow    *self,
                      PlanoInterview *interview)
{
  PlanoInterviewState state = plano_interview_get_state (interview);
  gboolean under_way = state == PLANO_INTERVIEW_RUNNING || state == PLANO_INTERVIEW_PAUSED;

  if (self->history == NULL)
    return;

  /* Changes made during the session carry its step; the record is part of the document. */
  plano_history_set_step (self->history, under_way ? plano_interview_get_step (interview) : -1);
  if (!plano_interview_is_blank (interview) || plano_board_get_interview (self->board) != NULL)
    plano_history_set_unsaved (self->history);
}

/* Each step of the history, undos included, goes into the session's timeline. */
static void
history_committed_cb (PlanoWindow  *self,
                      PlanoChange  *change,
                      const char   *label,
                      PlanoHistory *history)
{
  PlanoInterview *interview = plano_interview_panel_get_interview (self->interview_panel);

  if (interview != NULL)
    plano_interview_record_change (interview, self->board, change,
                                   plano_change_is_undo (change) ? _("Undo") : label);
}

/* A new session plans its steps as the preferences say. */
static void
apply_interview_defaults (PlanoWindow    *self,
                          PlanoInterview *interview)
{
  g_autoptr(GVariant) minutes = NULL;
  const gint32 *values;
  gsize n = 0;

  if (self->settings == NULL)
    return;

  minutes = g_settings_get_value (self->settings, "step-minutes");
  values = g_variant_get_fixed_array (minutes, &n, sizeof (gint32));
  for (guint i = 0; i < PLANO_INTERVIEW_N_STEPS && i < n; i++)
    plano_interview_set_planned (interview, i, values[i] * 60.0);
  plano_interview_set_auto_advance (interview, g_settings_get_boolean (self->settings, "auto-advance"));
}

/* Changed preferences apply to a session that has not started yet. */
static void
interview_defaults_changed_cb (PlanoWindow *self)
{
  PlanoInterview *interview = plano_interview_panel_get_interview (self->interview_panel);

  if (interview != NULL && plano_interview_is_blank (interview) &&
      (self->board == NULL || plano_board_get_interview (self->board) == NULL))
    apply_interview_defaults (self, interview);
}

/* The board's interview record, or a new session; an unreadable record is said once and kept. */
static void
load_interview (PlanoWindow *self,
                PlanoBoard  *board)
{
  g_autoptr(PlanoInterview) interview = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *record = board != NULL ? plano_board_get_interview (board) : NULL;

  self->interview_unreadable = FALSE;
  g_clear_pointer (&self->notes_before_insert, g_free);
  g_clear_pointer (&self->notes_after_insert, g_free);
  if (record != NULL)
    {
      interview = plano_interview_new_from_json (record, &error);
      if (interview == NULL)
        {
          /* TRANSLATORS: a toast; %s says what is wrong and where */
          g_autofree char *message = g_strdup_printf (_("The interview record could not be read, and is kept as it is: %s"),
                                                      error->message);

          self->interview_unreadable = TRUE;
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
        }
    }

  if (plano_interview_panel_get_interview (self->interview_panel) != NULL)
    g_signal_handlers_disconnect_by_data (plano_interview_panel_get_interview (self->interview_panel), self);
  plano_interview_panel_set_interview (self->interview_panel, interview);
  if (record == NULL)
    apply_interview_defaults (self, plano_interview_panel_get_interview (self->interview_panel));
  g_signal_connect_object (plano_interview_panel_get_interview (self->interview_panel), "changed",
                           G_CALLBACK (interview_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->history != NULL)
    plano_history_set_step (self->history, -1);

  if (self->history != NULL)
    {
      g_clear_signal_handler (&self->record_handler, self->history);
      self->record_handler = g_signal_connect_object (self->history, "committed",
                                                      G_CALLBACK (history_committed_cb),
                                                      self, G_CONNECT_SWAPPED);
    }
}

static void refresh_recent          (PlanoWindow *self);
static void refresh_recent_if_stale (PlanoWindow *self);

/* Shows @board, read from @file or new when @file is NULL. */
static void
set_board (PlanoWindow *self,
           PlanoBoard  *board,
           GFile       *file)
{
  if (self->history != NULL)
    {
      g_clear_signal_handler (&self->modified_handler, self->history);
      g_clear_signal_handler (&self->record_handler, self->history);
    }
  if (self->board != NULL)
    {
      g_clear_signal_handler (&self->title_handler, self->board);
      g_clear_signal_handler (&self->autosave_handler, self->board);
    }

  discard_draft (self);
  g_clear_pointer (&self->draft_id, g_free);

  g_clear_object (&self->history);
  g_set_object (&self->board, board);
  g_set_object (&self->file, file);
  remember_file_stamp (self);

  if (board != NULL)
    {
      self->history = plano_history_new (board);
      self->modified_handler = g_signal_connect_object (self->history, "notify",
                                                        G_CALLBACK (history_notify_cb), self,
                                                        G_CONNECT_SWAPPED);
      self->title_handler = g_signal_connect_object (board, "notify::title",
                                                     G_CALLBACK (board_title_notify_cb), self,
                                                     G_CONNECT_SWAPPED);
      self->autosave_handler = g_signal_connect_object (board, "changed",
                                                        G_CALLBACK (board_changed_autosave_cb), self,
                                                        G_CONNECT_SWAPPED);
      self->draft_id = plano_draft_new_id ();
    }

  plano_board_summary_set_board (self->summary, board);
  plano_canvas_set_history (self->canvas, self->history);
  load_interview (self, board);
  if (board != NULL)
    gtk_widget_set_visible (self->board_page, TRUE);
  gtk_stack_set_visible_child_name (self->stack, board != NULL ? "board" : "start");
  if (board == NULL)
    refresh_recent_if_stale (self);
  gtk_widget_set_visible (self->palette_button, board != NULL);
  gtk_widget_set_visible (self->interview_button, board != NULL);
  gtk_widget_set_visible (self->outline_button, board != NULL);
  if (board != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  update_title (self);
  update_actions (self);
}

static void
palette_kind_activated_cb (PlanoWindow  *self,
                           const char   *kind,
                           PlanoPalette *palette)
{
  plano_canvas_add_kind_at_center (self->canvas, kind);
}

static void
canvas_items_deleted_cb (PlanoWindow *self,
                         guint        n,
                         PlanoCanvas *canvas)
{
  g_autofree char *title = g_strdup_printf (ngettext ("%u item deleted", "%u items deleted", n), n);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The side bar shows the board's outline, or the properties of what is selected. */
static void
canvas_selection_changed_cb (PlanoWindow *self,
                             PlanoCanvas *canvas)
{
  g_auto(GStrv) selection = plano_canvas_get_selection (canvas);

  gtk_stack_set_visible_child_name (self->side_stack,
                                    selection[0] != NULL ? "inspector" : "outline");
}

static void
toggle_properties_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->outline_button),
                                !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->outline_button)));
}

static void
search_palette_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (self->board == NULL)
    return;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->palette_button), TRUE);
  plano_palette_focus_search (self->palette);
}

static void
toggle_palette_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->palette_button),
                                !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->palette_button)));
}

#define CANVAS_MIN_WIDTH 360

/* The side bar a toggle button shows, and how wide it must be. */
static int
sidebar_width (PlanoWindow *self,
               GtkWidget   *button)
{
  GtkWidget *revealer = button == self->palette_button ? self->palette_revealer
                        : button == self->interview_button ? self->interview_revealer
                        : self->outline_revealer;
  int width = 0;

  gtk_widget_measure (gtk_revealer_get_child (GTK_REVEALER (revealer)), GTK_ORIENTATION_HORIZONTAL,
                      -1, &width, NULL, NULL, NULL);

  return width;
}

/* In a narrow window the side bars take turns: opening one closes those opened before it
 * until the canvas keeps room to work in, instead of pushing the window wider than the
 * screen. */
static void
sidebar_toggled_cb (PlanoWindow     *self,
                    GParamSpec      *pspec,
                    GtkToggleButton *button)
{
  GtkWidget *buttons[] = { self->palette_button, self->interview_button, self->outline_button };
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (!gtk_toggle_button_get_active (button))
    return;

  g_object_set_data (G_OBJECT (button), "opened", GUINT_TO_POINTER (++self->sidebar_clock));
  if (width <= 0)
    return;

  for (;;)
    {
      GtkWidget *oldest = NULL;
      guint oldest_time = G_MAXUINT;
      int needed = CANVAS_MIN_WIDTH;

      for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
        if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (buttons[i])))
          {
            guint opened = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buttons[i]), "opened"));

            needed += sidebar_width (self, buttons[i]);
            if (buttons[i] != GTK_WIDGET (button) && opened < oldest_time)
              {
                oldest = buttons[i];
                oldest_time = opened;
              }
          }

      if (needed <= width || oldest == NULL)
        break;

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (oldest), FALSE);
    }
}

/* Ctrl+?: the shortcuts window, built the first time it is asked for. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (self->shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/planoboard/Plano/plano-shortcuts-window.ui");

      /* As the window's help overlay, its shortcuts given by action name show their keys. */
      self->shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                               GTK_SHORTCUTS_WINDOW (self->shortcuts));
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts), (gpointer *) &self->shortcuts);
    }

  gtk_window_present (self->shortcuts);
}

static void
toggle_interview_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (self->board == NULL)
    return;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->interview_button),
                                !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->interview_button)));
}

/* New from Template: the templates as cards in a dialog; the chosen one opens here when this
 * window shows no board or an untouched one, else in a new window. */
static void
template_activated_cb (GtkWindow  *dialog,
                       const char *id)
{
  PlanoWindow *self = PLANO_WINDOW (gtk_window_get_transient_for (dialog));
  PlanoWindow *target = self;

  if (self->board != NULL && !plano_window_is_reusable (self))
    {
      target = plano_window_new (PLANO_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      gtk_window_present (GTK_WINDOW (target));
    }

  plano_window_new_from_template (target, id);
  gtk_window_destroy (dialog);
}

static void
new_from_template_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *chooser = plano_template_chooser_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (dialog), _("New from Template"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (widget));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 900, 640);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_box_append (GTK_BOX (view), header);
  gtk_widget_set_vexpand (chooser, TRUE);
  gtk_box_append (GTK_BOX (view), chooser);
  adw_window_set_content (ADW_WINDOW (dialog), view);
  g_signal_connect_swapped (chooser, "template-activated", G_CALLBACK (template_activated_cb), dialog);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, keys);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Copy as Image: the selection, or the whole board, as PNG (at twice the size, for sharp
 * pasting) and as SVG, for whichever the other app takes. */
static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  g_auto(GStrv) selection = NULL;
  g_autoptr(PlanoBoard) part = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  PlanoExportOptions options = { PLANO_EXPORT_PNG, 2, FALSE, PLANO_THEME_LIGHT, NULL };
  PlanoBoard *board;
  GdkContentProvider *providers[2];

  if (self->board == NULL)
    return;

  options.theme = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? PLANO_THEME_DARK
                                                                                : PLANO_THEME_LIGHT;
  selection = plano_canvas_get_selection (self->canvas);
  if (selection != NULL && selection[0] != NULL)
    part = plano_board_copy_items (self->board, (const char * const *) selection);
  board = part != NULL ? part : self->board;

  png = plano_export_to_bytes (board, &options, &error);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);
  options.format = PLANO_EXPORT_SVG;
  if (texture != NULL)
    svg = plano_export_to_bytes (board, &options, &error);
  if (svg == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  providers[0] = gdk_content_provider_new_typed (GDK_TYPE_TEXTURE, texture);
  providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget),
                             gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers)));
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (part != NULL ? _("Selection copied as an image")
                                                           : _("Board copied as an image")));
}

/* Print: the whole board on one page, as large as the page allows, never enlarged. */
static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PlanoWindow       *self)
{
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (self->board);
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, FALSE, NULL, NULL };
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  PlanoRect area;
  double k;

  if (!plano_export_get_area (renderer, &area))
    return;

  /* One canvas unit is a CSS pixel: 1/96 inch. */
  k = MIN (MIN (width / area.w, height / area.h), gtk_print_context_get_dpi_x (context) / 96.0);
  options.zoom = k;
  cairo_translate (cr, (width - area.w * k) / 2, 0);
  cairo_scale (cr, k, k);
  cairo_translate (cr, -area.x, -area.y);
  plano_renderer_draw (renderer, cr, &area, &options);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->board == NULL)
    return;

  title = get_display_title (self);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print"), error->message);
}

/* The second of the six steps, capacity estimation. */
#define CAPACITY_STEP 1

/* The calculator's "Add to Interview Notes": its figures go to the end of the capacity step's
 * notes, the panel opens on them, and a toast offers to take them out again. */
static void
insert_capacity_notes_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  PlanoInterview *interview = plano_interview_panel_get_interview (self->interview_panel);
  g_autofree char *figures = NULL;
  AdwToast *toast;

  if (self->board == NULL || interview == NULL)
    return;

  figures = plano_calculator_get_notes (self->calculator);
  g_free (self->notes_before_insert);
  self->notes_before_insert = g_strdup (plano_interview_get_notes (interview, CAPACITY_STEP));
  plano_interview_append_notes (interview, CAPACITY_STEP, figures);
  g_free (self->notes_after_insert);
  self->notes_after_insert = g_strdup (plano_interview_get_notes (interview, CAPACITY_STEP));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->interview_button), TRUE);
  plano_interview_panel_show_step (self->interview_panel, CAPACITY_STEP);

  toast = adw_toast_new (_("Figures added to the capacity step’s notes"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-insert-capacity-notes");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Takes the figures out again, unless the notes were edited since. */
static void
undo_insert_capacity_notes_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  PlanoInterview *interview = plano_interview_panel_get_interview (self->interview_panel);

  if (interview == NULL || self->notes_after_insert == NULL)
    return;

  if (g_strcmp0 (plano_interview_get_notes (interview, CAPACITY_STEP), self->notes_after_insert) == 0)
    plano_interview_set_notes (interview, CAPACITY_STEP, self->notes_before_insert);
  g_clear_pointer (&self->notes_before_insert, g_free);
  g_clear_pointer (&self->notes_after_insert, g_free);
}

/* Start, pause or resume the session, and move between steps, from the keyboard. */
static void
interview_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  PlanoInterview *interview = plano_interview_panel_get_interview (self->interview_panel);

  if (self->board == NULL || interview == NULL)
    return;

  if (g_str_equal (action_name, "win.interview-next"))
    plano_interview_next (interview);
  else if (g_str_equal (action_name, "win.interview-previous"))
    plano_interview_previous (interview);
  else
    switch (plano_interview_get_state (interview))
      {
      case PLANO_INTERVIEW_IDLE:
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->interview_button), TRUE);
        plano_interview_start (interview, self->board);
        break;
      case PLANO_INTERVIEW_RUNNING:
        plano_interview_pause (interview);
        break;
      case PLANO_INTERVIEW_PAUSED:
        plano_interview_resume (interview);
        break;
      case PLANO_INTERVIEW_FINISHED:
      default:
        break;
      }
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) PLANO_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "plano %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
recent_row_activated_cb (PlanoWindow   *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  plano_window_open_file (self, file);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;
  GDateTime *ma = gtk_recent_info_get_modified (ia);
  GDateTime *mb = gtk_recent_info_get_modified (ib);

  return g_date_time_compare (mb, ma);
}

#define THUMBNAIL_WIDTH  96
#define THUMBNAIL_HEIGHT 60

typedef struct
{
  PlanoWindow *self;
  GtkPicture  *picture;
  char        *key;
} ThumbnailJob;

static void
thumbnail_job_free (ThumbnailJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->picture);
  g_free (job->key);
  g_free (job);
}

static void
recent_thumbnail_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ThumbnailJob *job = user_data;
  g_autoptr(GdkTexture) texture = plano_thumbnail_load_finish (result, NULL);

  if (job->self->thumbnails == NULL)
    ;
  else if (texture != NULL)
    {
      g_hash_table_replace (job->self->thumbnails, g_strdup (job->key), g_object_ref (texture));
      gtk_picture_set_paintable (job->picture, GDK_PAINTABLE (texture));
    }
  else
    {
      /* A board too large to draw that small, or one that no longer reads (opening it says
       * why), shows Plano's icon. */
      GtkWidget *widget = GTK_WIDGET (job->picture);
      g_autoptr(GtkIconPaintable) icon =
        gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (widget)),
                                    APP_ID, NULL, 48, gtk_widget_get_scale_factor (widget),
                                    gtk_widget_get_direction (widget), 0);

      gtk_picture_set_content_fit (job->picture, GTK_CONTENT_FIT_SCALE_DOWN);
      gtk_picture_set_paintable (job->picture, GDK_PAINTABLE (icon));
    }

  thumbnail_job_free (job);
}

/* The picture of a recent board: drawn once per version of the file and style, and kept in
 * @kept while the board is listed. */
static GtkWidget *
recent_thumbnail (PlanoWindow   *self,
                  GtkRecentInfo *info,
                  GFile         *file,
                  GHashTable    *kept)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  int scale = MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1);
  g_autofree char *time = g_date_time_format_iso8601 (gtk_recent_info_get_modified (info));
  g_autofree char *key = g_strdup_printf ("%s %s %s %d", gtk_recent_info_get_uri (info), time,
                                          dark ? "dark" : "light", scale);
  GtkWidget *picture = gtk_picture_new ();
  GdkTexture *texture = g_hash_table_lookup (self->thumbnails, key);
  ThumbnailJob *job;

  gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (picture, 6);
  gtk_widget_set_margin_bottom (picture, 6);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_overflow (picture, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (picture, "recent-thumbnail");

  if (texture != NULL)
    {
      gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
      g_hash_table_replace (kept, g_steal_pointer (&key), g_object_ref (texture));
      return picture;
    }

  job = g_new0 (ThumbnailJob, 1);
  job->self = g_object_ref (self);
  job->picture = GTK_PICTURE (g_object_ref (picture));
  job->key = g_steal_pointer (&key);
  plano_thumbnail_load_async (file, THUMBNAIL_WIDTH * scale, THUMBNAIL_HEIGHT * scale,
                              dark ? PLANO_THEME_DARK : PLANO_THEME_LIGHT,
                              self->thumbnails_cancellable, recent_thumbnail_cb, job);

  return picture;
}

static void
refresh_recent (PlanoWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) boards = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GHashTable *kept;
  GtkWidget *child;

  if (self->thumbnails == NULL)
    return;

  /* Behind a board the list waits until the start page shows again; on a window just opened,
   * until its first frame, which the list would otherwise delay by tens of milliseconds. */
  if (!self->painted || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "start") != 0)
    {
      self->recent_stale = TRUE;
      return;
    }
  self->recent_stale = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), PLANO_MIME_TYPE) == 0 &&
          gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (boards, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (boards, compare_recent);
  kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < MIN (boards->len, MAX_RECENT); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (boards, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;
      g_autofree char *folder = path != NULL ? g_filename_display_name (path) : NULL;
      g_autofree char *title = g_markup_escape_text (gtk_recent_info_get_display_name (info), -1);
      g_autofree char *subtitle = folder != NULL ? g_markup_escape_text (folder, -1) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), recent_thumbnail (self, info, file, kept));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (gtk_recent_info_get_uri (info)), g_free);
      gtk_list_box_append (self->recent_list, row);
    }

  gtk_widget_set_visible (self->recent_box, boards->len > 0);

  /* Pictures of boards no longer listed, or of older versions, go. */
  g_hash_table_unref (self->thumbnails);
  self->thumbnails = kept;
}

static void
refresh_recent_if_stale (PlanoWindow *self)
{
  if (self->recent_stale)
    refresh_recent (self);
}

/* Boards dropped from the file manager open as they do from the command line, the first in
 * this window when it holds nothing worth keeping; a board with work in it is never replaced. */
static gboolean
file_drop_cb (PlanoWindow   *self,
              const GValue  *value,
              double         x,
              double         y,
              GtkDropTarget *target)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GSList *list;
  guint first = 0;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));
  g_slist_free (list);

  if (files->len == 0)
    return FALSE;

  if (plano_window_is_reusable (self))
    {
      plano_window_open_file (self, g_ptr_array_index (files, 0));
      first = 1;
    }
  if (files->len > first)
    g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                        (GFile **) files->pdata + first, files->len - first, "");

  return TRUE;
}

/**
 * plano_window_open_file:
 * @file: a .plano file
 *
 * Shows the board in @file. A file that is not a board leaves the window as it was and says
 * why in a dialog.
 *
 * Returns: whether the board opened
 */
gboolean
plano_window_open_file (PlanoWindow *self,
                        GFile       *file)
{
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (PLANO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Could Not Open Board"), _("Plano opens only files on this computer."));
      return FALSE;
    }

  board = plano_format_read_file (path, &warnings, &error);
  if (board == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);
      g_autofree char *body = NULL;

      if (g_error_matches (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_IO))
        body = g_strdup (error->message);
      else
        /* TRANSLATORS: %s is the file name, then the reason, such as "nodes[3].x: expected a number" */
        body = g_strdup_printf (_("“%s” is not a valid board: %s"), name, error->message);

      show_error (self, _("Could Not Open Board"), body);
      return FALSE;
    }

  set_board (self, board, file);
  add_to_recent (file);

  if (warnings != NULL && warnings->len > 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (ngettext ("Opened with %u warning: %s",
                                           "Opened with %u warnings, the first: %s",
                                           warnings->len),
                                 warnings->len, (const char *) g_ptr_array_index (warnings, 0));
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }

  return TRUE;
}

/**
 * plano_window_recover_draft:
 * @info: a draft left behind by a crash
 *
 * Shows the draft's board, marked unsaved, with the file it came from; the draft stays until
 * the board is saved or closed.
 *
 * Returns: whether the draft could be read
 */
gboolean
plano_window_recover_draft (PlanoWindow          *self,
                            const PlanoDraftInfo *info)
{
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PLANO_IS_WINDOW (self), FALSE);

  board = plano_draft_load (info->id, &error);
  if (board == NULL)
    {
      show_error (self, _("Could Not Recover Board"), error->message);
      return FALSE;
    }

  if (info->source != NULL)
    source = g_file_new_for_uri (info->source);

  set_board (self, board, source);

  /* Keep writing to the crashed session's draft, so that only one is left, and claim it for
   * this process at once, so that nobody else offers to recover it.
   */
  g_free (self->draft_id);
  self->draft_id = g_strdup (info->id);
  plano_history_set_unsaved (self->history);
  autosave_cb (self);

  return TRUE;
}

/**
 * plano_window_new_board:
 *
 * Shows a new, empty board.
 */
void
plano_window_new_board (PlanoWindow *self)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();

  g_return_if_fail (PLANO_IS_WINDOW (self));

  set_board (self, board, NULL);
}

/**
 * plano_window_new_from_template:
 *
 * Shows a new board made from template @id, in the user's language, not yet saved anywhere.
 *
 * Returns: %FALSE, after saying why in a toast, when the template cannot be loaded
 */
gboolean
plano_window_new_from_template (PlanoWindow *self,
                                const char  *id)
{
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PLANO_IS_WINDOW (self), FALSE);

  board = plano_template_load (id, &error);
  if (board == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }

  set_board (self, board, NULL);
  plano_canvas_fit (self->canvas);
  return TRUE;
}

/**
 * plano_window_save_to:
 * @file: where to save; becomes the window's file on success
 *
 * Returns: whether the board was saved; on failure the file on disk is untouched
 */
gboolean
plano_window_save_to (PlanoWindow  *self,
                      GFile        *file,
                      GError      **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (PLANO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->board != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Plano saves only to files on this computer."));
      return FALSE;
    }

  sync_interview (self);
  if (!plano_format_save_file (self->board, path, error))
    return FALSE;

  g_set_object (&self->file, file);
  remember_file_stamp (self);
  plano_history_set_saved (self->history);
  discard_draft (self);
  add_to_recent (file);
  update_title (self);

  return TRUE;
}

static gboolean
close_idle_cb (gpointer user_data)
{
  PlanoWindow *self = user_data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

/* Closes the window once the dialog that asked has finished closing itself: destroying the
 * window from the dialog's response would pull it out from under the dialog.
 */
static void
close_when_idle (PlanoWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
finish_save (PlanoWindow *self,
             GFile       *file)
{
  g_autoptr(GError) error = NULL;

  if (!plano_window_save_to (self, file, &error))
    {
      self->close_after_save = FALSE;
      show_error (self, _("Could Not Save Board"), error->message);
      return;
    }

  if (self->close_after_save)
    close_when_idle (self);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  PlanoWindow *self = PLANO_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        {
          g_autofree char *basename = g_file_get_basename (file);

          /* A name typed without the extension gets it, so the file manager knows it. */
          if (!g_str_has_suffix (basename, ".plano"))
            {
              g_autoptr(GFile) parent = g_file_get_parent (file);
              g_autofree char *with_suffix = g_strconcat (basename, ".plano", NULL);

              g_set_object (&file, g_file_get_child (parent, with_suffix));
            }

          finish_save (self, file);
        }
    }
  else
    {
      self->close_after_save = FALSE;
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static GtkFileFilter *
new_board_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plano Boards"));
  gtk_file_filter_add_mime_type (filter, PLANO_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "plano");

  return filter;
}

static void
save_as (PlanoWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *title = get_display_title (self);
  g_autofree char *name = g_strconcat (title, ".plano", NULL);

  chooser = gtk_file_chooser_native_new (_("Save Board"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), new_board_filter ());

  for (char *p = name; *p != '\0'; p++)
    if (*p == '/')
      *p = '-';

  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const struct
{
  PlanoExportFormat  format;
  const char        *suffix;
  const char        *mime_type;
  const char        *name;
} export_formats[] = {
  { PLANO_EXPORT_PNG, "png", "image/png", N_("PNG Image") },
  { PLANO_EXPORT_SVG, "svg", "image/svg+xml", N_("SVG Image") },
  { PLANO_EXPORT_PDF, "pdf", "application/pdf", N_("PDF Document") },
  { PLANO_EXPORT_MARKDOWN, "md", "text/markdown", N_("Study Notes (Markdown, with an SVG beside)") },
  { PLANO_EXPORT_MERMAID, "mmd", NULL, N_("Mermaid Flowchart") },
  { PLANO_EXPORT_SHEET, "pdf", NULL, N_("Study Sheet (PDF)") },
};

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  PlanoWindow *self = PLANO_WINDOW (user_data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  PlanoExportOptions options = { PLANO_EXPORT_PNG, 1, FALSE, PLANO_THEME_LIGHT, NULL };
  GtkFileFilter *filter;
  const char *choice;
  gboolean sheet;

  if (response != GTK_RESPONSE_ACCEPT || self->board == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;

  /* The name's extension decides; without one, the chosen filter does, and names the file. A
   * .pdf is the study sheet when that is the chosen filter. */
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
  sheet = filter != NULL && g_strcmp0 (gtk_file_filter_get_name (filter), _("Study Sheet (PDF)")) == 0;
  if (plano_export_format_from_name (path, &options.format))
    {
      if (sheet && options.format == PLANO_EXPORT_PDF)
        options.format = PLANO_EXPORT_SHEET;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
        if (filter != NULL && g_strcmp0 (gtk_file_filter_get_name (filter), _(export_formats[i].name)) == 0)
          options.format = export_formats[i].format;

      for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
        if (export_formats[i].format == options.format)
          {
            char *with_suffix = g_strconcat (path, ".", export_formats[i].suffix, NULL);

            g_free (path);
            path = with_suffix;
          }
    }

  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "scale");
  if (choice != NULL)
    options.scale = g_ascii_strtod (choice, NULL);
  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "background");
  options.transparent = g_strcmp0 (choice, "transparent") == 0;
  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "style");
  options.theme = g_strcmp0 (choice, "dark") == 0 ? PLANO_THEME_DARK : PLANO_THEME_LIGHT;

  if (!plano_export_to_file (self->board, path, &options, &error))
    {
      show_error (self, _("Could Not Export Board"), error->message);
      goto out;
    }

  basename = g_path_get_basename (path);
  {
    g_autofree char *name = g_filename_display_name (basename);
    /* TRANSLATORS: %s is a file name */
    g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  }

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *title = get_display_title (self);
  g_autofree char *name = NULL;
  g_autofree char *scale = NULL;
  const char *suffix = "png";
  const char *scales[] = { "1", "2", "3", NULL };
  const char *scale_labels[] = { "1×", "2×", "3×", NULL };
  const char *backgrounds[] = { "white", "transparent", NULL };
  const char *background_labels[] = { _("Filled"), _("Transparent"), NULL };
  const char *styles[] = { "light", "dark", NULL };
  const char *style_labels[] = { _("Light"), _("Dark"), NULL };

  if (self->board == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Board"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(export_formats[i].name));
      if (export_formats[i].mime_type != NULL)
        gtk_file_filter_add_mime_type (filter, export_formats[i].mime_type);
      gtk_file_filter_add_suffix (filter, export_formats[i].suffix);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }

  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "scale", _("Scale"), scales, scale_labels);
  scale = g_strdup_printf ("%d", self->settings != NULL ? g_settings_get_int (self->settings, "export-scale") : 2);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "scale", scale);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "background", _("Background"),
                               backgrounds, background_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "background", "white");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "style", _("Style"), styles, style_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "style",
                               adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "dark" : "light");

  for (char *p = title; *p != '\0'; p++)
    if (*p == '/')
      *p = '-';
  /* The preferred format is the chosen filter and the name's extension. */
  if (self->settings != NULL)
    {
      g_autofree char *format = g_settings_get_string (self->settings, "export-format");
      g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
        if (g_str_equal (export_formats[i].suffix, format))
          {
            g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

            gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
            suffix = export_formats[i].suffix;
            break;
          }
    }
  name = g_strconcat (title, ".", suffix, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  /* Exports land beside the board by default. */
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
changed_on_disk_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             PlanoWindow      *self)
{
  if (g_strcmp0 (response, "overwrite") == 0)
    {
      finish_save (self, self->file);
    }
  else if (g_strcmp0 (response, "save-as") == 0)
    {
      save_as (self);
    }
  else if (g_strcmp0 (response, "reload") == 0)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      self->close_after_save = FALSE;
      plano_window_open_file (self, file);
    }
  else
    {
      self->close_after_save = FALSE;
    }
}

static void
save (PlanoWindow *self)
{
  g_autofree char *stamp = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->file == NULL)
    {
      save_as (self);
      return;
    }

  /* Another program wrote the file since Plano did: ask before writing over it. A file that
   * is gone is simply written again.
   */
  stamp = get_file_stamp (self->file);
  if (stamp == NULL || self->file_stamp == NULL || g_str_equal (stamp, self->file_stamp))
    {
      finish_save (self, self->file);
      return;
    }

  title = get_display_title (self);
  /* TRANSLATORS: %s is the board's title */
  body = g_strdup_printf (_("“%s” was changed by another program since Plano opened it. "
                            "Saving now replaces those changes."), title);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (changed_on_disk_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* With Save Automatically on, a board that has a file is written to it. A file another program
 * changed is left alone: saving by hand asks what to do about it. */
static gboolean
save_quietly (PlanoWindow *self)
{
  g_autofree char *stamp = NULL;
  g_autoptr(GError) error = NULL;

  if (self->settings == NULL || self->file == NULL ||
      !g_settings_get_boolean (self->settings, "autosave"))
    return FALSE;

  stamp = get_file_stamp (self->file);
  if (stamp != NULL && self->file_stamp != NULL && !g_str_equal (stamp, self->file_stamp))
    return FALSE;

  if (!plano_window_save_to (self, self->file, &error))
    {
      /* Said once until a save works again; the draft keeps the work meanwhile. */
      if (!self->autosave_failed)
        {
          /* TRANSLATORS: a toast; %s says what went wrong and where */
          g_autofree char *message = g_strdup_printf (_("Could not save automatically: %s"),
                                                      error->message);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
        }
      self->autosave_failed = TRUE;
      return FALSE;
    }

  self->autosave_failed = FALSE;
  return TRUE;
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  PlanoWindow *self = PLANO_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (file != NULL)
        g_application_open (G_APPLICATION (app), &file, 1, "");
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Board"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), new_board_filter ());

  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (plano_window_is_reusable (self))
    {
      plano_window_new_board (self);
    }
  else
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      PlanoWindow *window = plano_window_new (PLANO_APPLICATION (app));

      plano_window_new_board (window);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (PLANO_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (PLANO_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (self->history != NULL)
    plano_history_undo (self->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (self->history != NULL)
    plano_history_redo (self->history);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PlanoWindow      *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    close_when_idle (self);
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      save (self);
    }
}

static void
store_window_state (PlanoWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
plano_window_close_request (GtkWindow *window)
{
  PlanoWindow *self = PLANO_WINDOW (window);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->close_confirmed || self->history == NULL ||
      !plano_history_get_is_modified (self->history))
    {
      discard_draft (self);
      store_window_state (self);
      return GTK_WINDOW_CLASS (plano_window_parent_class)->close_request (window);
    }

  title = get_display_title (self);
  /* TRANSLATORS: %s is the board's title */
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved are lost."), title);

  dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
canvas_snap_notify_cb (PlanoWindow *self,
                       GParamSpec  *pspec,
                       PlanoCanvas *canvas)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SNAP]);
}

static void
plano_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlanoWindow *self = PLANO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SNAP:
      /* Asked before the template exists, and after it is gone, when the action updates. */
      g_value_set_boolean (value, self->canvas == NULL || plano_canvas_get_snap (self->canvas));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plano_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PlanoWindow *self = PLANO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SNAP:
      if (self->canvas != NULL)
        plano_canvas_set_snap (self->canvas, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The window's size, and the canvas's snapping, come from the application's settings. */
static void
apply_settings (PlanoWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  int width, height;

  if (!PLANO_IS_APPLICATION (app))
    return;

  self->settings = g_object_ref (plano_application_get_settings (PLANO_APPLICATION (app)));

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "snap-to-grid", self->canvas, "snap", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "grid-size", self->canvas, "grid-size", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "step-sound", self->interview_panel, "sound", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->settings, "changed::step-minutes",
                           G_CALLBACK (interview_defaults_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::auto-advance",
                           G_CALLBACK (interview_defaults_changed_cb), self, G_CONNECT_SWAPPED);
  interview_defaults_changed_cb (self);
}

static void
plano_window_dispose (GObject *object)
{
  PlanoWindow *self = PLANO_WINDOW (object);

  if (self->canvas != NULL)
    set_board (self, NULL, NULL);
  if (self->shortcuts != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->shortcuts), (gpointer *) &self->shortcuts);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_cancellable_cancel (self->thumbnails_cancellable);
  g_clear_object (&self->thumbnails_cancellable);
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLANO_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->file_stamp, g_free);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->notes_before_insert, g_free);
  g_clear_pointer (&self->notes_after_insert, g_free);

  G_OBJECT_CLASS (plano_window_parent_class)->dispose (object);
}

static void
plano_window_class_init (PlanoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = plano_window_dispose;
  object_class->get_property = plano_window_get_property;
  object_class->set_property = plano_window_set_property;

  /**
   * PlanoWindow:snap:
   *
   * Whether moved and placed items snap to the canvas's grid.
   */
  properties [PROP_SNAP] =
    g_param_spec_boolean ("snap", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = plano_window_close_request;

  g_type_ensure (PLANO_TYPE_BOARD_SUMMARY);
  g_type_ensure (PLANO_TYPE_CANVAS);
  g_type_ensure (PLANO_TYPE_PALETTE);
  g_type_ensure (PLANO_TYPE_INSPECTOR);
  g_type_ensure (PLANO_TYPE_REVIEW_PANEL);
  g_type_ensure (PLANO_TYPE_CALCULATOR);
  g_type_ensure (PLANO_TYPE_TRADEOFF_LIST);
  g_type_ensure (PLANO_TYPE_INTERVIEW_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/plano-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, board_page);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, review_panel);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, tradeoff_list);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, interview_panel);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, interview_button);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, calculator);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, side_views);
  gtk_widget_class_bind_template_callback (widget_class, canvas_selection_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, palette_button);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, palette_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, interview_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, outline_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, outline_button);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, palette_kind_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_items_deleted_cb);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-palette", NULL, toggle_palette_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-palette", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-interview", NULL, toggle_interview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.toggle-interview", NULL);
  gtk_widget_class_install_action (widget_class, "win.interview-start-pause", NULL, interview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.interview-start-pause", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", NULL, new_from_template_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.insert-capacity-notes", NULL, insert_capacity_notes_action);
  gtk_widget_class_install_action (widget_class, "win.undo-insert-capacity-notes", NULL, undo_insert_capacity_notes_action);
  gtk_widget_class_install_action (widget_class, "win.interview-next", NULL, interview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.interview-next", NULL);
  gtk_widget_class_install_action (widget_class, "win.interview-previous", NULL, interview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.interview-previous", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-properties", NULL, toggle_properties_action);
  gtk_widget_class_install_action (widget_class, "win.search-palette", NULL, search_palette_action);
  gtk_widget_class_install_property_action (widget_class, "win.snap", "snap");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search-palette", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "win.toggle-properties", NULL);
}

/* For the benchmark: with PLANO_REPORT_FIRST_FRAME set, the window prints "first-frame" on
 * standard output once it has painted its first frame. tests/bench/plano-bench-bare.c does the
 * same for a bare libadwaita window, to compare start-up times.
 */
static void
first_frame_cb (GdkFrameClock *clock,
                GtkWidget     *widget)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, widget);
  fputs ("first-frame\n", stdout);
  fflush (stdout);
}

static void
report_first_frame_cb (GtkWidget *widget)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_frame_cb), widget, 0);
}

static void
first_paint_cb (GdkFrameClock *clock,
                PlanoWindow   *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  self->painted = TRUE;
  refresh_recent_if_stale (self);
}

static void
realize_cb (PlanoWindow *self)
{
  if (!self->painted)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (first_paint_cb), self, 0);
}

static void
plano_window_init (PlanoWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->palette_button, FALSE);
  gtk_widget_set_visible (self->outline_button, FALSE);
  gtk_widget_set_visible (self->interview_button, FALSE);
  g_signal_connect_object (self->palette_button, "notify::active", G_CALLBACK (sidebar_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->interview_button, "notify::active", G_CALLBACK (sidebar_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outline_button, "notify::active", G_CALLBACK (sidebar_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  plano_inspector_set_canvas (self->inspector, self->canvas);
  plano_review_panel_set_canvas (self->review_panel, self->canvas);
  plano_tradeoff_list_set_canvas (self->tradeoff_list, self->canvas);
  plano_interview_panel_set_canvas (self->interview_panel, self->canvas);
  g_signal_connect_object (self->canvas, "notify::snap", G_CALLBACK (canvas_snap_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::preview", G_CALLBACK (canvas_preview_notify_cb),
                           self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (file_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->thumbnails_cancellable = g_cancellable_new ();
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (refresh_recent), self, G_CONNECT_SWAPPED);
  /* Thumbnails follow the light or dark style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (refresh_recent), self, G_CONNECT_SWAPPED);
  /* Listed when the window shows: one opened with a board never shows the start page. */
  self->recent_stale = TRUE;
  g_signal_connect (self, "map", G_CALLBACK (refresh_recent_if_stale), NULL);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  update_title (self);
  update_actions (self);

  if (g_getenv ("PLANO_REPORT_FIRST_FRAME") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (report_first_frame_cb), NULL);
}

PlanoWindow *
plano_window_new (PlanoApplication *application)
{
  PlanoWindow *self = g_object_new (PLANO_TYPE_WINDOW,
                                    "application", application,
                                    NULL);

  apply_settings (self);

  return self;
}

/**
 * plano_window_is_reusable:
 *
 * Returns: whether the window shows nothing worth keeping: the start page, or a new board
 *   that is still empty and unchanged
 */
gboolean
plano_window_is_reusable (PlanoWindow *self)
{
  g_return_val_if_fail (PLANO_IS_WINDOW (self), FALSE);

  if (self->board == NULL)
    return TRUE;

  return self->file == NULL && plano_board_is_empty (self->board) &&
         !plano_history_get_is_modified (self->history);
}

/**
 * plano_window_get_board:
 *
 * Returns: (transfer none) (nullable): the board shown
 */
PlanoBoard *
plano_window_get_board (PlanoWindow *self)
{
  g_return_val_if_fail (PLANO_IS_WINDOW (self), NULL);

  return self->board;
}

/**
 * plano_window_get_history:
 *
 * Returns: (transfer none) (nullable): the history of the board shown
 */
PlanoHistory *
plano_window_get_history (PlanoWindow *self)
{
  g_return_val_if_fail (PLANO_IS_WINDOW (self), NULL);

  return self->history;
}

/**
 * plano_window_get_file:
 *
 * Returns: (transfer none) (nullable): the file of the board shown
 */
GFile *
plano_window_get_file (PlanoWindow *self)
{
  g_return_val_if_fail (PLANO_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * plano_window_get_page:
 *
 * Returns: "start" or "board"
 */
const char *
plano_window_get_page (PlanoWindow *self)
{
  g_return_val_if_fail (PLANO_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
