/* plano-window-files.c
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
#include "plano-guide.h"
#include "plano-templates.h"
#include "plano-thumbnail.h"
#include "plano-widget-utils.h"
#include "plano-window-private.h"

/* The window's files: opening, saving, drafts and the recent boards of the start page.
 *
 * Saving takes a snapshot of the board on the main thread (plano_board_copy(), less than half
 * the cost of writing it out) and writes and syncs it on a worker thread, so the window stays
 * responsive; a save that takes more than half a second shows its progress in the banner. The
 * history remembers the state the snapshot was taken in, so changes made during the save still
 * count as unsaved. A file without write permission is replaced only once the user says so.
 *
 * Drafts: PlanoAutosave says when one is due (two seconds after the last change, and never more
 * than two and a half after the first one not yet drafted), and PlanoDraftWriter writes it off
 * the main thread; saving or discarding the board removes it.
 */

#define MAX_RECENT 8
#define PROGRESS_DELAY (G_USEC_PER_SEC / 2)
#define PROGRESS_INTERVAL_MS 100

struct _PlanoSaveJob
{
  PlanoWindow           *window;      /* (owned) */
  GFile                 *file;
  char                  *path;
  PlanoBoard            *snapshot;
  PlanoFileReplaceFlags  flags;
  guint                  state;       /* the history's state at the snapshot */
  guint                  generation;  /* the window's count of changes at the snapshot */
  gboolean               quiet;       /* Save Automatically: failures said in a toast */
  gint64                 started;
  int                    progress;    /* per mille, written by the worker (atomic) */
};

/* May run on the worker thread, which must not drop the last reference to the window: the
 * callback takes that reference first. */
static void
save_job_free (PlanoSaveJob *job)
{
  g_clear_object (&job->window);
  g_object_unref (job->file);
  g_free (job->path);
  g_clear_object (&job->snapshot);
  g_free (job);
}

static gint64
window_now (PlanoWindow *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_monotonic_time ();
}

static gboolean save_quietly (PlanoWindow *self);

void
_plano_window_discard_draft (PlanoWindow *self)
{
  plano_autosave_done (self->autosave);
  if (self->draft != NULL)
    plano_draft_writer_discard (self->draft);
}

static void
write_draft (PlanoWindow *self)
{
  g_autofree char *uri = NULL;

  if (self->board == NULL || self->draft == NULL)
    return;

  _plano_window_sync_interview (self);
  uri = self->file != NULL ? g_file_get_uri (self->file) : NULL;
  plano_draft_writer_write (self->draft, self->board, uri);
  plano_autosave_done (self->autosave);
}

static void
autosave_due_cb (PlanoWindow   *self,
                 PlanoAutosave *autosave)
{
  if (self->board == NULL || self->draft == NULL)
    {
      plano_autosave_done (autosave);
      return;
    }

  if (!plano_history_get_is_modified (self->history))
    {
      _plano_window_discard_draft (self);
      return;
    }

  /* Halfway through a drag the board is not what the user means to keep yet: the draft
   * follows the commit at once (_plano_window_history_committed_autosave_cb). */
  if (plano_history_get_in_transaction (self->history))
    return;

  /* With Save Automatically the file itself is written; a failure writes a draft instead. */
  if (save_quietly (self))
    {
      plano_autosave_done (autosave);
      return;
    }

  write_draft (self);
}

static void
draft_failed_cb (PlanoWindow      *self,
                 const GError     *error,
                 PlanoDraftWriter *writer)
{
  g_warning ("Could not write the draft of the board: %s", error->message);
}

/* The board shown now gets its own draft: @id to go on with one, as a recovered board does, or
 * NULL for a new one. What the old writer still has to do, it does on its own. */
void
_plano_window_reset_draft (PlanoWindow *self,
                           const char  *id)
{
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_clear_object (&self->draft);
  plano_autosave_done (self->autosave);

  if (self->board == NULL)
    return;

  self->draft = plano_draft_writer_new (id);
  g_signal_connect_object (self->draft, "failed", G_CALLBACK (draft_failed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_plano_window_init_files (PlanoWindow *self)
{
  self->autosave = plano_autosave_new ();
  g_signal_connect_object (self->autosave, "due", G_CALLBACK (autosave_due_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_plano_window_dispose_files (PlanoWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->queued_save);
  if (self->autosave != NULL)
    plano_autosave_done (self->autosave);
  g_clear_object (&self->autosave);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_clear_object (&self->draft);
}

/* Something in the document changed: the board, or the interview record. */
void
_plano_window_edited (PlanoWindow *self)
{
  self->generation++;
  plano_autosave_changed (self->autosave);
}

void
_plano_window_board_changed_autosave_cb (PlanoWindow *self,
                                         PlanoChange *change,
                                         PlanoBoard  *board)
{
  _plano_window_edited (self);
}

void
_plano_window_history_committed_autosave_cb (PlanoWindow  *self,
                                             PlanoChange  *change,
                                             const char   *label,
                                             PlanoHistory *history)
{
  plano_autosave_run_due (self->autosave);
}

/**
 * _plano_window_set_clock:
 * @clock: (nullable): gives the time in microseconds; %NULL for the monotonic clock
 *
 * For tests: the autosave and the save's progress follow @clock, and nothing runs on a timeout;
 * _plano_window_run_timers() runs what is due.
 */
void
_plano_window_set_clock (PlanoWindow    *self,
                         PlanoClockFunc  clock,
                         gpointer        user_data)
{
  self->clock = clock;
  self->clock_data = user_data;
  plano_autosave_set_clock (self->autosave, clock, user_data);
}

static void update_progress (PlanoWindow *self);

void
_plano_window_run_timers (PlanoWindow *self)
{
  plano_autosave_run_due (self->autosave);
  update_progress (self);
}

/* What tells whether a file changed since Plano read or wrote it: its modification time, size
 * and inode (a file replaced by renaming another over it is another inode). NULL when the file
 * does not exist.
 */
char *
_plano_window_get_file_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_ID_FILE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;

  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%u:%" G_GINT64_FORMAT ":%s",
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC),
                          g_file_info_get_size (info),
                          g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE));
}

void
_plano_window_remember_file_stamp (PlanoWindow *self)
{
  g_free (self->file_stamp);
  self->file_stamp = _plano_window_get_file_stamp (self->file);
}

/* Whether two names are one file: the same path, or the same inode through a link. */
gboolean
_plano_window_same_file (GFile *a,
                         GFile *b)
{
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;
  const char *id_a, *id_b;

  if (a == NULL || b == NULL)
    return FALSE;
  if (g_file_equal (a, b))
    return TRUE;

  info_a = g_file_query_info (a, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  info_b = g_file_query_info (b, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info_a == NULL || info_b == NULL)
    return FALSE;

  id_a = g_file_info_get_attribute_string (info_a, G_FILE_ATTRIBUTE_ID_FILE);
  id_b = g_file_info_get_attribute_string (info_b, G_FILE_ATTRIBUTE_ID_FILE);

  return id_a != NULL && g_strcmp0 (id_a, id_b) == 0;
}

/* The other window of this application that shows @file, if any. */
static PlanoWindow *
find_window_showing (PlanoWindow *self,
                     GFile       *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (PLANO_IS_WINDOW (l->data) && l->data != self && plano_window_shows_file (l->data, file))
      return l->data;

  return NULL;
}

void
_plano_window_add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) PLANO_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "plano %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
_plano_window_recent_row_activated_cb (PlanoWindow   *self,
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

void
_plano_window_refresh_recent (PlanoWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) boards = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GHashTable *kept;

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

  plano_list_box_remove_all (self->recent_list);

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

void
_plano_window_refresh_recent_if_stale (PlanoWindow *self)
{
  if (self->recent_stale)
    _plano_window_refresh_recent (self);
}

/* Boards dropped from the file manager open as they do from the command line, the first in
 * this window when it holds nothing worth keeping; a board with work in it is never replaced. */
gboolean
_plano_window_file_drop_cb (PlanoWindow   *self,
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
 * why in a dialog. One window shows a file: when another window of the application shows
 * @file already, that window is presented instead and this one is left as it was.
 *
 * Returns: whether the board opened or is shown
 */
gboolean
plano_window_open_file (PlanoWindow *self,
                        GFile       *file)
{
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PlanoWindow *other;

  g_return_val_if_fail (PLANO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  other = find_window_showing (self, file);
  if (other != NULL)
    {
      gtk_window_present (GTK_WINDOW (other));
      return TRUE;
    }
  if (_plano_window_same_file (self->file, file))
    return TRUE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      _plano_window_show_error (self, _("Could Not Open Board"), _("Plano opens only files on this computer."));
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

      _plano_window_show_error (self, _("Could Not Open Board"), body);
      return FALSE;
    }

  _plano_window_set_board (self, board, file);
  _plano_window_add_to_recent (file);

  if (warnings != NULL && warnings->len > 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (ngettext ("Opened with %u warning: %s",
                                           "Opened with %u warnings, the first: %s",
                                           warnings->len),
                                 warnings->len, (const char *) g_ptr_array_index (warnings, 0));
      plano_a11y_add_toast (self->toast_overlay, adw_toast_new (message));
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
  g_autofree char *uri = NULL;

  g_return_val_if_fail (PLANO_IS_WINDOW (self), FALSE);

  board = plano_draft_load (info->id, &error);
  if (board == NULL)
    {
      _plano_window_show_error (self, _("Could Not Recover Board"), error->message);
      return FALSE;
    }

  if (info->source != NULL)
    source = g_file_new_for_uri (info->source);

  _plano_window_set_board (self, board, source);
  if (source != NULL)
    _plano_window_add_to_recent (source);

  /* Keep writing to the crashed session's draft, so that only one is left, and claim it for
   * this process at once, so that nobody else offers to recover it.
   */
  _plano_window_reset_draft (self, info->id);
  plano_history_set_unsaved (self->history);
  _plano_window_sync_interview (self);
  uri = source != NULL ? g_file_get_uri (source) : NULL;
  if (!plano_draft_write (info->id, self->board, uri, &error))
    g_warning ("Could not write the draft of the board: %s", error->message);

  return TRUE;
}

/* A new board, blank, from a template or a solution, draws its connections as the Preferences
 * say, and keeps that style in its own props (docs/format.md), so that its file looks the same
 * to everyone. Set before the board has a history: it is how the board starts, not an edit. */
static void
set_new_board_route (PlanoWindow *self,
                     PlanoBoard  *board)
{
  g_autofree char *route = NULL;
  PlanoProp prop = { (char *) "route", PLANO_VALUE_STRING, 0, NULL, FALSE };

  if (self->settings == NULL)
    return;

  route = g_settings_get_string (self->settings, "connection-route");
  prop.string = route;
  plano_board_set_prop (board, NULL, &prop);
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

  set_new_board_route (self, board);
  _plano_window_set_board (self, board, NULL);
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
      plano_a11y_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }

  set_new_board_route (self, board);
  _plano_window_set_board (self, board, NULL);
  plano_canvas_fit (self->canvas);
  return TRUE;
}

/**
 * plano_window_new_from_solution:
 *
 * Shows the reference solution of question @id as a new board, in the user's language, not
 * yet saved anywhere.
 *
 * Returns: %FALSE, after saying why in a toast, when the question has no solution
 */
gboolean
plano_window_new_from_solution (PlanoWindow *self,
                                const char  *id)
{
  const PlanoQuestion *question = plano_interview_lookup_question (id);
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (PLANO_IS_WINDOW (self), FALSE);

  board = plano_solution_load (id, &error);
  if (board == NULL)
    {
      plano_a11y_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }

  set_new_board_route (self, board);
  _plano_window_set_board (self, board, NULL);
  plano_canvas_fit (self->canvas);
  /* TRANSLATORS: a toast; %s is a question such as "Clickstream analytics" */
  message = g_strdup_printf (_("The reference solution of “%s”, as a new board"), _(question->title));
  plano_a11y_add_toast (self->toast_overlay, adw_toast_new (message));
  return TRUE;
}

/* What a save that worked leaves: the file is the window's, the history knows which state is
 * on disk, and the draft goes unless the board changed after the snapshot. */
static void
save_succeeded (PlanoWindow *self,
                GFile       *file,
                guint        state,
                guint        generation)
{
  gboolean new_file = self->file == NULL || !g_file_equal (file, self->file);

  g_set_object (&self->file, file);
  _plano_window_remember_file_stamp (self);

  if (generation == self->generation)
    {
      plano_history_set_saved (self->history);
      _plano_window_discard_draft (self);
    }
  else if (plano_history_get_state (self->history) != state)
    {
      /* Changed during the save: unsaved still, and drafted as usual. */
      plano_history_set_saved_state (self->history, state);
    }

  _plano_window_add_to_recent (file);
  _plano_window_update_title (self);
  if (new_file)
    _plano_window_watch_file (self);
  _plano_window_check_disk (self);
}

/* Save As onto a file another window shows would make two windows of one file. */
static gboolean
check_not_open_elsewhere (PlanoWindow  *self,
                          GFile        *file,
                          GError      **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  if (find_window_showing (self, file) == NULL)
    return TRUE;

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               /* TRANSLATORS: %s is a file name */
               _("“%s” is open in another window. Save under another name, or close that window first."),
               name);
  return FALSE;
}

/**
 * plano_window_save_to:
 * @file: where to save; becomes the window's file on success
 *
 * Saves at once, on this thread: for scripts and tests. Saving from the window's actions runs
 * on a worker thread instead. A file without write permission is not replaced.
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
  if (!check_not_open_elsewhere (self, file, error))
    return FALSE;

  _plano_window_sync_interview (self);
  if (!plano_format_save_file_full (self->board, path, PLANO_FILE_REPLACE_DURABLE, NULL, NULL, error))
    return FALSE;

  save_succeeded (self, file, plano_history_get_state (self->history), self->generation);

  return TRUE;
}

/**
 * plano_window_get_saving:
 *
 * Returns: whether a save is running in the background
 */
gboolean
plano_window_get_saving (PlanoWindow *self)
{
  g_return_val_if_fail (PLANO_IS_WINDOW (self), FALSE);

  return self->saving != NULL;
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

static void start_save (PlanoWindow           *self,
                        GFile                 *file,
                        PlanoFileReplaceFlags  flags,
                        gboolean               quiet);

static void
read_only_response_cb (GtkWidget   *dialog,
                       const char  *response,
                       PlanoWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_strcmp0 (response, "replace") == 0)
    {
      start_save (self, file, PLANO_FILE_REPLACE_DURABLE | PLANO_FILE_REPLACE_READ_ONLY, FALSE);
    }
  else if (g_strcmp0 (response, "save-as") == 0)
    {
      _plano_window_save_as (self);
    }
  else
    {
      self->close_after_save = FALSE;
    }
}

/* A file without write permission is someone's decision: replacing it asks first. */
static void
ask_replace_read_only (PlanoWindow *self,
                       GFile       *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  static const PlanoResponse responses[] = {
    { "cancel", N_("_Cancel") },
    { "save-as", N_("Save _As…") },
    { "replace", N_("_Replace"), ADW_RESPONSE_DESTRUCTIVE },
  };

  /* TRANSLATORS: %s is a file name */
  body = g_strdup_printf (_("“%s” is read-only. Replacing it writes the board in its place, "
                            "and the new file is read-only too."), name);
  dialog = plano_question_present (GTK_WIDGET (self), _("Replace Read-Only File?"), body,
                                   responses, G_N_ELEMENTS (responses), "save-as", "cancel",
                                   G_CALLBACK (read_only_response_cb), self);
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
}

static void
save_progress_cb (gsize    done,
                  gsize    total,
                  gpointer user_data)
{
  PlanoSaveJob *job = user_data;

  g_atomic_int_set (&job->progress, total > 0 ? (int) (done * 1000 / total) : 1000);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PlanoSaveJob *job = task_data;
  GError *error = NULL;
  gboolean saved;

  saved = plano_format_save_file_full (job->snapshot, job->path, job->flags, save_progress_cb, job,
                                       &error);
  /* Freeing 100 000 items takes tens of milliseconds: here, not on the main thread. */
  g_clear_object (&job->snapshot);

  if (saved)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* A save that runs longer than half a second shows how far it is. */
static void
update_progress (PlanoWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (self->saving == NULL || window_now (self) - self->saving->started < PROGRESS_DELAY)
    return;

  title = _plano_window_get_display_title (self);
  /* TRANSLATORS: %s is the board's title */
  message = g_strdup_printf (_("Saving “%s”…"), title);
  plano_banner_show_progress (self->banner, message,
                              g_atomic_int_get (&self->saving->progress) / 1000.0);
}

static gboolean
progress_cb (gpointer user_data)
{
  update_progress (user_data);

  return G_SOURCE_CONTINUE;
}

/* A close asked for during a save goes on once it is done, asking as a close does. */
static gboolean
close_when_saved_cb (gpointer user_data)
{
  PlanoWindow *self = user_data;

  self->close_when_saved = FALSE;
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PlanoSaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(PlanoWindow) self = g_steal_pointer (&job->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) queued = NULL;
  gboolean saved;

  saved = g_task_propagate_boolean (G_TASK (result), &error);
  if (self->saving != job)
    return;

  self->saving = NULL;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->disposed)
    return;

  if (plano_banner_get_fraction (self->banner) >= 0)
    plano_banner_hide (self->banner);

  if (saved)
    {
      save_succeeded (self, job->file, job->state, job->generation);
      if (job->quiet)
        self->autosave_failed = FALSE;
    }
  else if (job->quiet)
    {
      /* Said once until a save works again; a draft keeps the work meanwhile. */
      if (!self->autosave_failed)
        {
          /* TRANSLATORS: a toast; %s says what went wrong and where */
          g_autofree char *message = g_strdup_printf (_("Could not save automatically: %s"),
                                                      error->message);

          plano_a11y_add_toast (self->toast_overlay, adw_toast_new (message));
        }
      self->autosave_failed = TRUE;
      write_draft (self);
    }
  else if (g_error_matches (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_READ_ONLY))
    {
      ask_replace_read_only (self, job->file);
    }
  else
    {
      self->close_after_save = FALSE;
      self->close_when_saved = FALSE;
      _plano_window_show_error (self, _("Could Not Save Board"), error->message);
    }

  queued = g_steal_pointer (&self->queued_save);
  if (queued != NULL)
    start_save (self, queued, self->queued_flags, self->queued_quiet);
  else if (saved && self->close_after_save)
    close_when_idle (self);
  else if (self->close_when_saved)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_saved_cb, g_object_ref (self),
                     g_object_unref);
}

/* Saves a snapshot of the board to @file on a worker thread. A save asked for while one runs
 * follows it. */
static void
start_save (PlanoWindow           *self,
            GFile                 *file,
            PlanoFileReplaceFlags  flags,
            gboolean               quiet)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PlanoSaveJob *job;

  if (self->board == NULL)
    return;

  if (self->saving != NULL)
    {
      g_set_object (&self->queued_save, file);
      self->queued_flags = flags;
      self->queued_quiet = quiet;
      return;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Plano saves only to files on this computer."));
  else
    check_not_open_elsewhere (self, file, &error);
  if (error != NULL)
    {
      self->close_after_save = FALSE;
      self->close_when_saved = FALSE;
      if (!quiet)
        _plano_window_show_error (self, _("Could Not Save Board"), error->message);
      return;
    }

  if ((flags & PLANO_FILE_REPLACE_READ_ONLY) == 0 && plano_file_is_read_only (path) && !quiet)
    {
      ask_replace_read_only (self, file);
      return;
    }

  _plano_window_sync_interview (self);

  job = g_new0 (PlanoSaveJob, 1);
  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  job->path = g_steal_pointer (&path);
  job->snapshot = plano_board_copy (self->board);
  job->flags = flags;
  job->state = plano_history_get_state (self->history);
  job->generation = self->generation;
  job->quiet = quiet;
  job->started = window_now (self);
  self->saving = job;

  if (self->clock == NULL)
    self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, progress_cb, self);

  task = g_task_new (NULL, NULL, save_done_cb, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static void
finish_save (PlanoWindow *self,
             GFile       *file)
{
  start_save (self, file, PLANO_FILE_REPLACE_DURABLE, FALSE);
}

/* The file dialog for boards, GtkFileDialog from GTK 4.10 and GtkFileChooserNative before: both
 * go through the portal, which is how the Flatpak reaches files. */
typedef struct
{
  PlanoWindow         *self;
  gboolean             save;
  PlanoFileChosenFunc  chosen;
} FileChoice;

static GtkFileFilter *
new_board_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plano Boards"));
  gtk_file_filter_add_mime_type (filter, PLANO_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "plano");

  return filter;
}

/* Where Save and Export start: beside the board; for a board never saved, in the folder of
 * the board saved or opened last, as the start page lists them; else in Documents. Never in
 * the folder Plano happened to be started from. */
GFile *
_plano_window_get_default_folder (PlanoWindow *self)
{
  GList *items;
  GDateTime *newest = NULL;
  GFile *folder = NULL;
  const char *documents;

  if (self->file != NULL && (folder = g_file_get_parent (self->file)) != NULL)
    return folder;

  items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) parent = NULL;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), PLANO_MIME_TYPE) != 0 ||
          !gtk_recent_info_is_local (info) ||
          (newest != NULL && g_date_time_compare (gtk_recent_info_get_modified (info), newest) <= 0))
        continue;

      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      parent = g_file_get_parent (file);
      if (parent == NULL || g_file_query_file_type (parent, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
        continue;

      newest = gtk_recent_info_get_modified (info);
      g_set_object (&folder, parent);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (folder != NULL)
    return folder;

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

static void
file_chosen (FileChoice *choice,
             GFile      *file)
{
  choice->chosen (choice->self, file);
  g_object_unref (choice->self);
  g_free (choice);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
file_dialog_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  FileChoice *choice = user_data;
  g_autoptr(GFile) file = NULL;

  /* Dismissing the dialog is an error too: either way there is no file. */
  if (choice->save)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  file_chosen (choice, file);
}
#else
static void
file_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  file_chosen (user_data, file);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}
#endif

/* Asks for a board to open, or (@save) for the file to save one as, starting from @file or,
 * without one, the name @name; calls @chosen with the file, or NULL when none was chosen. */
void
_plano_window_choose_board_file (PlanoWindow         *self,
                                 gboolean             save,
                                 GFile               *file,
                                 const char          *name,
                                 PlanoFileChosenFunc  chosen)
{
  g_autoptr(GtkFileFilter) filter = new_board_filter ();
  const char *title = save ? _("Save Board") : _("Open Board");
  FileChoice *choice = g_new0 (FileChoice, 1);

  choice->self = g_object_ref (self);
  choice->save = save;
  choice->chosen = chosen;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (dialog, filter);
    if (save)
      {
        g_autoptr(GFile) folder = _plano_window_get_default_folder (self);

        gtk_file_dialog_set_accept_label (dialog, _("_Save"));
        if (file != NULL)
          {
            gtk_file_dialog_set_initial_file (dialog, file);
          }
        else
          {
            gtk_file_dialog_set_initial_folder (dialog, folder);
            gtk_file_dialog_set_initial_name (dialog, name);
          }
        gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, file_dialog_done_cb, choice);
      }
    else
      {
        gtk_file_dialog_set_accept_label (dialog, _("_Open"));
        gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, file_dialog_done_cb, choice);
      }
  }
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                           save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                           save ? _("_Save") : _("_Open"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    /* The folder and the name rather than the file: GTK 4.8 moves to the file's folder only
     * later, if at all. */
    if (save)
      {
        g_autoptr(GFile) folder = _plano_window_get_default_folder (self);
        g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
        g_autofree char *basename = path != NULL ? g_filename_display_basename (path) : NULL;

        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), basename != NULL ? basename : name);
      }

    g_signal_connect (chooser, "response", G_CALLBACK (file_chooser_response_cb), choice);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

static void
save_as_chosen (PlanoWindow *self,
                GFile       *chosen)
{
  g_autoptr(GFile) file = chosen != NULL ? g_object_ref (chosen) : NULL;
  g_autofree char *basename = NULL;

  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  /* A name typed without the extension gets it, so the file manager knows it. */
  basename = g_file_get_basename (file);
  if (!g_str_has_suffix (basename, ".plano"))
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *with_suffix = g_strconcat (basename, ".plano", NULL);

      g_set_object (&file, g_file_get_child (parent, with_suffix));
    }

  finish_save (self, file);
}

void
_plano_window_save_as (PlanoWindow *self)
{
  g_autofree char *title = _plano_window_get_display_title (self);
  g_autofree char *name = g_strconcat (title, ".plano", NULL);

  for (char *p = name; *p != '\0'; p++)
    if (*p == '/')
      *p = '-';

  _plano_window_choose_board_file (self, TRUE, self->file, name, save_as_chosen);
}

static void
changed_on_disk_response_cb (GtkWidget   *question,
                             const char  *response,
                             PlanoWindow *self)
{
  if (g_strcmp0 (response, "overwrite") == 0)
    {
      finish_save (self, self->file);
    }
  else if (g_strcmp0 (response, "save-as") == 0)
    {
      _plano_window_save_as (self);
    }
  else if (g_strcmp0 (response, "reload") == 0)
    {
      g_autoptr(GError) error = NULL;

      self->close_after_save = FALSE;
      if (!_plano_window_reload (self, &error))
        _plano_window_show_error (self, _("Could Not Open Board"), error->message);
    }
  else
    {
      self->close_after_save = FALSE;
    }
}

void
_plano_window_save (PlanoWindow *self)
{
  g_autofree char *stamp = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  static const PlanoResponse responses[] = {
    { "cancel", N_("_Cancel") },
    { "reload", N_("_Reload") },
    { "save-as", N_("Save _As…") },
    { "overwrite", N_("_Overwrite"), ADW_RESPONSE_DESTRUCTIVE },
  };

  if (self->file == NULL)
    {
      _plano_window_save_as (self);
      return;
    }

  /* Another program wrote the file since Plano did, and the user has not said to keep this
   * board over it: ask before writing over it. A file that is gone is simply written again.
   */
  stamp = _plano_window_get_file_stamp (self->file);
  if (stamp == NULL || self->file_stamp == NULL || g_str_equal (stamp, self->file_stamp))
    {
      finish_save (self, self->file);
      return;
    }

  title = _plano_window_get_display_title (self);
  /* TRANSLATORS: %s is the board's title */
  body = g_strdup_printf (_("“%s” was changed by another program since Plano opened it. "
                            "Saving now replaces those changes."), title);
  plano_question_present (GTK_WIDGET (self), _("File Changed on Disk"), body,
                          responses, G_N_ELEMENTS (responses), "save-as", "cancel",
                          G_CALLBACK (changed_on_disk_response_cb), self);
}

/* With Save Automatically on, a board that has a file is written to it, in the background. A
 * file another program changed, or one without write permission, is left alone: saving by hand
 * asks what to do about it, and a draft keeps the work meanwhile.
 *
 * Returns: whether a save started
 */
static gboolean
save_quietly (PlanoWindow *self)
{
  g_autofree char *stamp = NULL;
  g_autofree char *path = NULL;

  if (self->settings == NULL || self->file == NULL ||
      !g_settings_get_boolean (self->settings, "autosave"))
    return FALSE;

  stamp = _plano_window_get_file_stamp (self->file);
  if (stamp != NULL && self->file_stamp != NULL && !g_str_equal (stamp, self->file_stamp))
    return FALSE;

  path = g_file_get_path (self->file);
  if (path == NULL || plano_file_is_read_only (path))
    return FALSE;

  start_save (self, self->file, PLANO_FILE_REPLACE_DURABLE, TRUE);

  return TRUE;
}

static void
close_response_cb (GtkWidget   *question,
                   const char  *response,
                   PlanoWindow *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    close_when_idle (self);
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      _plano_window_save (self);
    }
}

/* Asks whether to save a board with unsaved changes before its window closes.
 *
 * Returns: TRUE when the window waits for the answer, FALSE when it may close now
 */
gboolean
_plano_window_confirm_close (PlanoWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  static const PlanoResponse responses[] = {
    { "cancel", N_("_Cancel") },
    { "discard", N_("_Discard"), ADW_RESPONSE_DESTRUCTIVE },
    { "save", N_("_Save"), ADW_RESPONSE_SUGGESTED },
  };

  if (self->close_confirmed || self->history == NULL ||
      !plano_history_get_is_modified (self->history))
    return FALSE;

  title = _plano_window_get_display_title (self);
  /* TRANSLATORS: %s is the board's title */
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved are lost."), title);

  plano_question_present (GTK_WIDGET (self), _("Save Changes?"), body,
                          responses, G_N_ELEMENTS (responses), "save", "cancel",
                          G_CALLBACK (close_response_cb), self);

  return TRUE;
}
