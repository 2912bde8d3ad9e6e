/* plano-window-watch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-a11y.h"
#include "plano-format.h"
#include "plano-window-private.h"

/* Changes made to the window's file outside Plano, noticed as they happen through a
 * GFileMonitor. What decides is the file's stamp (time, size, inode) against the one Plano
 * remembers from its own last read or write, so Plano's own saves never count:
 *
 * - changed, and the board has no unsaved changes: it is read again, as one step that undo
 *   takes back, and a toast says so;
 * - changed, and the board has unsaved changes: the banner offers Reload or Keep Mine;
 * - renamed in its folder: the window follows it;
 * - deleted or moved away: the banner says so, and the board counts as unsaved, so that
 *   closing the window asks and saving writes the file again;
 * - changed into something that is not a board: the banner says why, and the board counts as
 *   unsaved too.
 *
 * A file being written is looked at once it is closed (G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT),
 * not halfway through.
 */

static char *
get_file_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static void
hide_disk_banner (PlanoWindow *self)
{
  if (self->disk_banner)
    plano_banner_hide (self->banner);
  self->disk_banner = FALSE;
}

static void
show_disk_banner (PlanoWindow *self,
                  const char  *title,
                  const char  *primary_label,
                  const char  *primary_action,
                  const char  *secondary_label,
                  const char  *secondary_action)
{
  /* The progress of a save wins: the file is looked at again when it is done. */
  if (self->saving != NULL)
    return;

  plano_banner_show (self->banner, title, primary_label, primary_action, secondary_label,
                     secondary_action);
  self->disk_banner = TRUE;
}

/**
 * _plano_window_reload:
 *
 * Reads the window's file again into the board shown, as one step of the history: an undo
 * gives back the board as it was before. The board then counts as saved.
 *
 * Returns: whether the file could be read
 */
gboolean
_plano_window_reload (PlanoWindow  *self,
                      GError      **error)
{
  g_autoptr(PlanoBoard) board = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (self->file != NULL && self->board != NULL, FALSE);

  path = g_file_get_path (self->file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Plano opens only files on this computer."));
      return FALSE;
    }

  board = plano_format_read_file (path, NULL, error);
  if (board == NULL)
    return FALSE;

  plano_history_begin (self->history, _("Reload"));
  plano_board_replace_contents (self->board, board);
  plano_history_commit (self->history);
  plano_board_set_interview (self->board, plano_board_get_interview (board));
  _plano_window_reload_interview (self);

  plano_history_set_saved (self->history);
  _plano_window_remember_file_stamp (self);
  _plano_window_discard_draft (self);
  hide_disk_banner (self);
  _plano_window_update_title (self);

  return TRUE;
}

/* Where the window's file went, if it is the same file under another name. */
static GFile *
find_renamed (PlanoWindow *self)
{
  g_autofree char *stamp = NULL;

  if (self->renamed_to == NULL || self->disk_event != G_FILE_MONITOR_EVENT_RENAMED)
    return NULL;

  stamp = _plano_window_get_file_stamp (self->renamed_to);
  if (stamp == NULL || g_strcmp0 (stamp, self->file_stamp) != 0)
    return NULL;

  return self->renamed_to;
}

static void
file_gone (PlanoWindow *self)
{
  g_autofree char *name = get_file_name (self->file);
  g_autofree char *title = NULL;
  GFile *renamed = find_renamed (self);

  if (renamed != NULL)
    {
      g_autofree char *new_name = get_file_name (renamed);
      g_autoptr(GFile) file = g_object_ref (renamed);
      g_autofree char *message = NULL;

      g_set_object (&self->file, file);
      _plano_window_remember_file_stamp (self);
      _plano_window_watch_file (self);
      _plano_window_update_title (self);
      _plano_window_add_to_recent (file);
      /* TRANSLATORS: a toast; the old file name, then the new one */
      message = g_strdup_printf (_("“%s” was renamed to “%s”"), name, new_name);
      plano_a11y_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  if (self->disk_event == G_FILE_MONITOR_EVENT_DELETED)
    /* TRANSLATORS: %s is a file name */
    title = g_strdup_printf (_("“%s” was deleted. Saving writes it again."), name);
  else
    /* TRANSLATORS: %s is a file name */
    title = g_strdup_printf (_("“%s” was moved away or to the trash. Saving writes it here again."),
                             name);

  show_disk_banner (self, title, _("_Save"), "win.save", NULL, NULL);
  /* The board is on disk nowhere now: unsaved, and drafted as an edit is. */
  plano_history_set_unsaved (self->history);
  _plano_window_edited (self);
}

static void
file_changed (PlanoWindow *self)
{
  g_autofree char *name = get_file_name (self->file);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (plano_history_get_is_modified (self->history))
    {
      /* TRANSLATORS: %s is a file name */
      title = g_strdup_printf (_("“%s” was changed by another program."), name);
      show_disk_banner (self, title, _("_Reload"), "win.reload-from-disk",
                        _("_Keep Mine"), "win.keep-mine");
      return;
    }

  if (_plano_window_reload (self, &error))
    {
      AdwToast *toast;

      /* TRANSLATORS: a toast; %s is a file name */
      title = g_strdup_printf (_("“%s” was changed by another program and was read again"), name);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      plano_a11y_add_toast (self->toast_overlay, toast);
      return;
    }

  /* TRANSLATORS: the file name, then why it cannot be read */
  title = g_strdup_printf (_("“%s” was changed by another program and cannot be read: %s"),
                           name, error->message);
  show_disk_banner (self, title, _("_Keep Mine"), "win.keep-mine", NULL, NULL);
  /* The file no longer holds the board, as when it is deleted: closing the window asks, and
   * the board is drafted as an edit is. */
  plano_history_set_unsaved (self->history);
  _plano_window_edited (self);
}

static gboolean
check_disk_cb (gpointer user_data)
{
  PlanoWindow *self = user_data;

  self->disk_check_source = 0;
  _plano_window_check_disk (self);

  return G_SOURCE_REMOVE;
}

/**
 * _plano_window_check_disk:
 *
 * Compares the window's file with what Plano last read or wrote, and says or does what a
 * change calls for. Waits while a save runs (the save calls it again) and while a drag is
 * under way.
 */
void
_plano_window_check_disk (PlanoWindow *self)
{
  g_autofree char *stamp = NULL;

  g_clear_handle_id (&self->disk_check_source, g_source_remove);
  if (self->disposed || self->file == NULL || self->board == NULL || self->saving != NULL)
    return;

  if (plano_history_get_in_transaction (self->history))
    {
      self->disk_check_source = g_timeout_add (200, check_disk_cb, self);
      return;
    }

  stamp = _plano_window_get_file_stamp (self->file);
  if (stamp == NULL)
    {
      if (self->disk_event == G_FILE_MONITOR_EVENT_DELETED ||
          self->disk_event == G_FILE_MONITOR_EVENT_MOVED_OUT ||
          self->disk_event == G_FILE_MONITOR_EVENT_RENAMED)
        file_gone (self);
      return;
    }

  if (g_strcmp0 (stamp, self->file_stamp) == 0)
    {
      hide_disk_banner (self);
      return;
    }

  file_changed (self);
}

static void
monitor_changed_cb (PlanoWindow       *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      /* The file went somewhere, or another was renamed over it. */
      if (self->file != NULL && g_file_equal (file, self->file))
        {
          g_set_object (&self->renamed_to, other);
          self->disk_event = event;
        }
      else
        self->disk_event = G_FILE_MONITOR_EVENT_CREATED;
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
      self->disk_event = event;
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      return;
    }

  if (self->disk_check_source == 0)
    self->disk_check_source = g_idle_add (check_disk_cb, self);
}

/**
 * _plano_window_watch_file:
 *
 * Watches the window's file, or stops watching when it has none.
 */
void
_plano_window_watch_file (PlanoWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->disk_check_source, g_source_remove);
  g_clear_object (&self->renamed_to);
  self->disk_event = G_FILE_MONITOR_EVENT_CHANGED;
  hide_disk_banner (self);

  if (self->file == NULL || self->disposed)
    return;

  /* Where files cannot be watched, a change is still found when saving. */
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
reload_from_disk_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->file == NULL || self->board == NULL)
    return;

  if (!_plano_window_reload (self, &error))
    _plano_window_show_error (self, _("Could Not Open Board"), error->message);
}

/* The board stays as it is, and the next save writes it over the file without asking. */
static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  _plano_window_remember_file_stamp (self);
  hide_disk_banner (self);
}

void
_plano_window_class_init_watch (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.reload-from-disk", NULL, reload_from_disk_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
}
