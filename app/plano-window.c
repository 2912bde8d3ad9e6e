/* plano-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-a11y.h"
#include "plano-application.h"
#include "plano-drafts.h"
#include "plano-format.h"
#include "plano-toolbar-view.h"
#include "plano-window-private.h"

G_DEFINE_FINAL_TYPE (PlanoWindow, plano_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SNAP,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

void
_plano_window_show_error (PlanoWindow *self,
                          const char  *heading,
                          const char  *body)
{
  static const PlanoResponse responses[] = { { "close", N_("_Close") } };

  plano_question_present (GTK_WIDGET (self), heading, body, responses, G_N_ELEMENTS (responses),
                          NULL, "close", NULL, NULL);
}

char *
_plano_window_get_display_title (PlanoWindow *self)
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

void
_plano_window_update_title (PlanoWindow *self)
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

  title = _plano_window_get_display_title (self);
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
  _plano_window_update_title (self);
  update_actions (self);
}

static void
board_title_notify_cb (PlanoWindow *self,
                       GParamSpec  *pspec,
                       PlanoBoard  *board)
{
  _plano_window_update_title (self);
}

/* The interview panel's session goes into the board's "interview" member once it holds
 * anything (a question, notes, a started session), except that a record that could not be
 * read stays as it was until a new session replaces it.
 */
void
_plano_window_sync_interview (PlanoWindow *self)
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
    {
      plano_history_set_unsaved (self->history);
      _plano_window_edited (self);
    }
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
          plano_a11y_add_toast (self->toast_overlay, adw_toast_new (message));
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

/* The interview record of the board, read again after a reload replaced the board's contents. */
void
_plano_window_reload_interview (PlanoWindow *self)
{
  load_interview (self, self->board);
}

/* Shows @board, read from @file or new when @file is NULL. */
void
_plano_window_set_board (PlanoWindow *self,
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

  _plano_window_discard_draft (self);

  g_clear_object (&self->history);
  g_set_object (&self->board, board);
  g_set_object (&self->file, file);
  _plano_window_remember_file_stamp (self);
  _plano_window_reset_draft (self, NULL);
  _plano_window_watch_file (self);

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
                                                        G_CALLBACK (_plano_window_board_changed_autosave_cb), self,
                                                        G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "committed",
                               G_CALLBACK (_plano_window_history_committed_autosave_cb), self,
                               G_CONNECT_SWAPPED);
    }

  plano_board_summary_set_board (self->summary, board);
  plano_canvas_set_history (self->canvas, self->history);
  load_interview (self, board);
  if (board != NULL)
    gtk_widget_set_visible (self->board_page, TRUE);
  gtk_stack_set_visible_child_name (self->stack, board != NULL ? "board" : "start");
  if (board == NULL)
    _plano_window_refresh_recent_if_stale (self);
  gtk_widget_set_visible (self->palette_button, board != NULL);
  gtk_widget_set_visible (self->interview_button, board != NULL);
  gtk_widget_set_visible (self->outline_button, board != NULL);
  if (board != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  _plano_window_update_title (self);
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
  plano_a11y_add_toast (self->toast_overlay, toast);
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

#define CANVAS_MIN_WIDTH 360

/* The side bar a toggle button shows, and how wide it must be. */
static int
sidebar_width (PlanoWindow *self,
               GtkWidget   *button)
{
  GtkWidget *bar = button == self->palette_button ? GTK_WIDGET (self->palette)
                   : button == self->interview_button ? GTK_WIDGET (self->interview_panel)
                   : self->outline_bar;
  int width = 0;

  gtk_widget_measure (bar, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);

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
  GtkWidget *panels[] = { GTK_WIDGET (self->palette), GTK_WIDGET (self->interview_panel),
                          self->outline_bar };
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* The focus never goes with a side bar that closes: it goes back to where it was before the
   * side bar opened, or to the canvas. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      if (buttons[i] != GTK_WIDGET (button))
        continue;

      if (gtk_toggle_button_get_active (button))
        {
          if (focus != NULL && !gtk_widget_is_ancestor (focus, panels[i]))
            g_set_weak_pointer (&self->focus_before[i], focus);
        }
      else if (focus == NULL || gtk_widget_is_ancestor (focus, panels[i]))
        {
          if (self->focus_before[i] != NULL && gtk_widget_get_mapped (self->focus_before[i]))
            gtk_widget_grab_focus (self->focus_before[i]);
          else if (self->board != NULL)
            gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
        }
    }

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

#if ADW_CHECK_VERSION (1, 4, 0)
/* A side bar shown while @button is active: beside @content, as wide as it must be, or over it
 * once collapsed. Only the button shows and hides it: collapsing does not (pin-sidebar), so
 * the buttons mean the same whatever the window's width. */
static GtkWidget *
split_view_new (GtkWidget   *sidebar,
                GtkWidget   *content,
                GtkPackType  position,
                GtkWidget   *button)
{
  GtkWidget *split = adw_overlay_split_view_new ();
  int width = 0;

  gtk_widget_measure (sidebar, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  adw_overlay_split_view_set_sidebar_position (ADW_OVERLAY_SPLIT_VIEW (split), position);
  adw_overlay_split_view_set_min_sidebar_width (ADW_OVERLAY_SPLIT_VIEW (split), width);
  adw_overlay_split_view_set_max_sidebar_width (ADW_OVERLAY_SPLIT_VIEW (split), width);
  adw_overlay_split_view_set_pin_sidebar (ADW_OVERLAY_SPLIT_VIEW (split), TRUE);
  adw_overlay_split_view_set_sidebar (ADW_OVERLAY_SPLIT_VIEW (split), sidebar);
  adw_overlay_split_view_set_content (ADW_OVERLAY_SPLIT_VIEW (split), content);
  g_object_bind_property (button, "active", split, "show-sidebar",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  return split;
}

/* Takes @widget out of the box it is in, and returns a reference to it. */
static GtkWidget *
take_from_box (GtkWidget *widget)
{
  g_object_ref (widget);
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (widget)), widget);

  return widget;
}

/* Where libadwaita has them (1.4), the window is built as GNOME's current apps are: the header
 * bar in an AdwToolbarView, and each side bar in an AdwOverlaySplitView that a breakpoint
 * collapses over the canvas in a narrow window. The template holds what libadwaita 1.2 reads
 * (a box, revealers beside the canvas); this moves the same widgets into the newer ones. */
static void
adopt_adaptive_layout (PlanoWindow *self)
{
  GtkWidget *box = adw_toast_overlay_get_child (self->toast_overlay);
  g_autoptr(GtkWidget) palette = take_from_box (GTK_WIDGET (self->palette));
  g_autoptr(GtkWidget) interview = take_from_box (GTK_WIDGET (self->interview_panel));
  g_autoptr(GtkWidget) outline = take_from_box (self->outline_bar);
  g_autoptr(GtkWidget) canvas = take_from_box (GTK_WIDGET (self->canvas));
  GtkWidget *interview_split, *palette_split, *outline_split;
  AdwBreakpoint *breakpoint;

  adw_toast_overlay_set_child (self->toast_overlay, plano_toolbar_view_adopt (box));

  gtk_box_remove (GTK_BOX (self->board_page), self->palette_revealer);
  gtk_box_remove (GTK_BOX (self->board_page), self->interview_revealer);
  gtk_box_remove (GTK_BOX (self->board_page), self->outline_revealer);
  self->palette_revealer = self->interview_revealer = self->outline_revealer = NULL;

  interview_split = split_view_new (interview, canvas, GTK_PACK_START, self->interview_button);
  palette_split = split_view_new (palette, interview_split, GTK_PACK_START, self->palette_button);
  outline_split = split_view_new (outline, palette_split, GTK_PACK_END, self->outline_button);
  gtk_widget_set_hexpand (outline_split, TRUE);
  gtk_box_append (GTK_BOX (self->board_page), outline_split);

  /* Narrower than the canvas's least width beside the palette and the properties, the side
   * bars are laid over the canvas instead of beside it. */
  breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse ("max-width: 940sp"));
  adw_breakpoint_add_setters (breakpoint,
                              G_OBJECT (interview_split), "collapsed", TRUE,
                              G_OBJECT (palette_split), "collapsed", TRUE,
                              G_OBJECT (outline_split), "collapsed", TRUE,
                              NULL);
  adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (self), breakpoint);
}
#endif

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

  /* A save under way finishes first; then the window closes as it would have. */
  if (self->saving != NULL)
    {
      self->close_when_saved = TRUE;
      return TRUE;
    }

  if (_plano_window_confirm_close (self))
    return TRUE;

  _plano_window_discard_draft (self);
  store_window_state (self);

  return GTK_WINDOW_CLASS (plano_window_parent_class)->close_request (window);
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

  self->disposed = TRUE;
  if (self->canvas != NULL)
    _plano_window_set_board (self, NULL, NULL);
  _plano_window_dispose_files (self);
  /* Dispose runs again when the last reference goes, after the shortcuts window may be gone. */
  g_clear_weak_pointer (&self->shortcuts);
  for (guint i = 0; i < G_N_ELEMENTS (self->focus_before); i++)
    g_clear_weak_pointer (&self->focus_before[i]);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_cancellable_cancel (self->thumbnails_cancellable);
  g_clear_object (&self->thumbnails_cancellable);
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLANO_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->file_stamp, g_free);
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

  plano_a11y_init ();
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

  g_type_ensure (PLANO_TYPE_BANNER);
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
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, banner);
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
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, outline_bar);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, outline_button);
  gtk_widget_class_bind_template_child (widget_class, PlanoWindow, menu_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "recent_row_activated_cb",
                                                G_CALLBACK (_plano_window_recent_row_activated_cb));
  gtk_widget_class_bind_template_callback (widget_class, palette_kind_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_items_deleted_cb);

  _plano_window_class_init_actions (widget_class);
  _plano_window_class_init_watch (widget_class);
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
  _plano_window_refresh_recent_if_stale (self);
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
#if ADW_CHECK_VERSION (1, 4, 0)
  adopt_adaptive_layout (self);
#endif
  /* The toggle inside the menu button is the control a screen reader reaches, and since GTK 4.10
   * it has no name of its own: it takes the menu button's. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_first_child (self->menu_button)),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->menu_button, NULL,
                                  -1);
  _plano_window_init_files (self);
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
  g_signal_connect_object (drop, "drop", G_CALLBACK (_plano_window_file_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->thumbnails_cancellable = g_cancellable_new ();
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (_plano_window_refresh_recent), self, G_CONNECT_SWAPPED);
  /* Thumbnails follow the light or dark style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (_plano_window_refresh_recent), self, G_CONNECT_SWAPPED);
  /* Listed when the window shows: one opened with a board never shows the start page. */
  self->recent_stale = TRUE;
  g_signal_connect (self, "map", G_CALLBACK (_plano_window_refresh_recent_if_stale), NULL);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  _plano_window_update_title (self);
  update_actions (self);
  plano_a11y_add_announcer (self->toast_overlay);

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
 * plano_window_shows_file:
 *
 * Returns: whether the board shown is @file's, under this name or another (a link)
 */
gboolean
plano_window_shows_file (PlanoWindow *self,
                         GFile       *file)
{
  g_return_val_if_fail (PLANO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return self->board != NULL && _plano_window_same_file (self->file, file);
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
