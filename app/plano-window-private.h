/* plano-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plano-autosave.h"
#include "plano-banner.h"
#include "plano-board-summary.h"
#include "plano-calculator.h"
#include "plano-canvas.h"
#include "plano-draft-writer.h"
#include "plano-file.h"
#include "plano-inspector.h"
#include "plano-interview-panel.h"
#include "plano-palette.h"
#include "plano-question.h"
#include "plano-review-panel.h"
#include "plano-tradeoff-list.h"
#include "plano-window.h"

G_BEGIN_DECLS

#define PLANO_MIME_TYPE "application/x-plano"

typedef struct _PlanoSaveJob PlanoSaveJob;

struct _PlanoWindow
{
  AdwApplicationWindow  parent_instance;

  PlanoBoard           *board;
  PlanoHistory         *history;
  GFile                *file;
  char                 *file_stamp;   /* the file's time, size and inode when read or written */
  gboolean              autosave_failed;
  PlanoDraftWriter     *draft;        /* autosave writes the board's draft through it */
  PlanoAutosave        *autosave;     /* when the next draft is due */
  gulong                autosave_handler;
  gulong                commit_handler;
  guint                 generation;   /* counts changes: did the board change during a save? */
  PlanoClockFunc        clock;        /* injected by tests; NULL for the monotonic clock */
  gpointer              clock_data;

  /* The save running on a worker thread, and the one asked for meanwhile. */
  PlanoSaveJob         *saving;
  GFile                *queued_save;
  PlanoFileReplaceFlags queued_flags;
  gboolean              queued_quiet;
  guint                 progress_source;
  gboolean              close_when_saved;

  /* Changes to the file made outside Plano. */
  GFileMonitor         *monitor;
  guint                 disk_check_source;
  GFile                *renamed_to;   /* where the monitor last saw the file go */
  GFileMonitorEvent     disk_event;
  gboolean              disk_banner;  /* the banner speaks of the file, not of a save */
  gboolean              disposed;
  GSettings            *settings;
  gulong                modified_handler;
  gulong                title_handler;

  /* Set once the user chose to close despite unsaved changes, or saved them for closing. */
  gboolean              close_confirmed;
  gboolean              close_after_save;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  PlanoBanner          *banner;
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
  GtkWidget            *outline_bar;    /* what the properties side bar shows */
  guint                 sidebar_clock;  /* counts side bars opened, to close the oldest first */
  GtkWidget            *outline_button;
  GtkWidget            *menu_button;
};

/* plano-window.c */
void      _plano_window_show_error                (PlanoWindow   *self,
                                                   const char    *heading,
                                                   const char    *body);
char     *_plano_window_get_display_title         (PlanoWindow   *self);
void      _plano_window_update_title              (PlanoWindow   *self);
void      _plano_window_sync_interview            (PlanoWindow   *self);
void      _plano_window_set_board                 (PlanoWindow   *self,
                                                   PlanoBoard    *board,
                                                   GFile         *file);
void      _plano_window_reload_interview          (PlanoWindow   *self);

/* plano-window-actions.c */
void      _plano_window_class_init_actions        (GtkWidgetClass *widget_class);

/* plano-window-files.c */
void      _plano_window_init_files                (PlanoWindow   *self);
void      _plano_window_dispose_files             (PlanoWindow   *self);
void      _plano_window_discard_draft             (PlanoWindow   *self);
void      _plano_window_reset_draft               (PlanoWindow   *self,
                                                   const char    *id);
void      _plano_window_board_changed_autosave_cb (PlanoWindow   *self,
                                                   PlanoChange   *change,
                                                   PlanoBoard    *board);
void      _plano_window_history_committed_autosave_cb (PlanoWindow  *self,
                                                   PlanoChange   *change,
                                                   const char    *label,
                                                   PlanoHistory  *history);
void      _plano_window_edited                    (PlanoWindow   *self);
char     *_plano_window_get_file_stamp            (GFile         *file);
void      _plano_window_remember_file_stamp       (PlanoWindow   *self);
void      _plano_window_add_to_recent             (GFile         *file);
gboolean  _plano_window_get_saving                (PlanoWindow   *self);
gboolean  _plano_window_same_file                 (GFile         *a,
                                                   GFile         *b);
void      _plano_window_set_clock                 (PlanoWindow   *self,
                                                   PlanoClockFunc clock,
                                                   gpointer       user_data);
void      _plano_window_run_timers                (PlanoWindow   *self);
void      _plano_window_refresh_recent            (PlanoWindow   *self);
void      _plano_window_refresh_recent_if_stale   (PlanoWindow   *self);
void      _plano_window_recent_row_activated_cb   (PlanoWindow   *self,
                                                   GtkListBoxRow *row,
                                                   GtkListBox    *list);
gboolean  _plano_window_file_drop_cb              (PlanoWindow   *self,
                                                   const GValue  *value,
                                                   double         x,
                                                   double         y,
                                                   GtkDropTarget *target);
typedef void (*PlanoFileChosenFunc) (PlanoWindow *self,
                                     GFile       *file);
void      _plano_window_choose_board_file         (PlanoWindow         *self,
                                                   gboolean             save,
                                                   GFile               *file,
                                                   const char          *name,
                                                   PlanoFileChosenFunc  chosen);
GFile    *_plano_window_get_default_folder        (PlanoWindow   *self);
void      _plano_window_save                      (PlanoWindow   *self);
void      _plano_window_save_as                   (PlanoWindow   *self);
gboolean  _plano_window_confirm_close             (PlanoWindow   *self);

/* plano-window-watch.c */
void      _plano_window_class_init_watch          (GtkWidgetClass *widget_class);
void      _plano_window_watch_file                (PlanoWindow   *self);
void      _plano_window_check_disk                (PlanoWindow   *self);
gboolean  _plano_window_reload                    (PlanoWindow   *self,
                                                   GError       **error);

G_END_DECLS
