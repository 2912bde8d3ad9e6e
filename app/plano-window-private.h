/* plano-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plano-board-summary.h"
#include "plano-calculator.h"
#include "plano-canvas.h"
#include "plano-inspector.h"
#include "plano-interview-panel.h"
#include "plano-palette.h"
#include "plano-question.h"
#include "plano-review-panel.h"
#include "plano-tradeoff-list.h"
#include "plano-window.h"

G_BEGIN_DECLS

#define PLANO_MIME_TYPE "application/x-plano"

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

/* plano-window-actions.c */
void      _plano_window_class_init_actions        (GtkWidgetClass *widget_class);

/* plano-window-files.c */
void      _plano_window_discard_draft             (PlanoWindow   *self);
void      _plano_window_board_changed_autosave_cb (PlanoWindow   *self,
                                                   PlanoChange   *change,
                                                   PlanoBoard    *board);
void      _plano_window_remember_file_stamp       (PlanoWindow   *self);
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

G_END_DECLS
