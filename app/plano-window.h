/* plano-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plano-board.h"
#include "plano-drafts.h"
#include "plano-history.h"

G_BEGIN_DECLS

#define PLANO_TYPE_WINDOW (plano_window_get_type ())

G_DECLARE_FINAL_TYPE (PlanoWindow, plano_window, PLANO, WINDOW, AdwApplicationWindow)

typedef struct _PlanoApplication PlanoApplication;

PlanoWindow   *plano_window_new            (PlanoApplication *application);
void           plano_window_new_board      (PlanoWindow      *self);
gboolean       plano_window_new_from_template (PlanoWindow   *self,
                                            const char       *id);
gboolean       plano_window_new_from_solution (PlanoWindow   *self,
                                            const char       *id);
gboolean       plano_window_open_file      (PlanoWindow      *self,
                                            GFile            *file);
gboolean       plano_window_save_to        (PlanoWindow      *self,
                                            GFile            *file,
                                            GError          **error);
gboolean       plano_window_get_saving     (PlanoWindow      *self);
gboolean       plano_window_is_reusable    (PlanoWindow      *self);
gboolean       plano_window_recover_draft  (PlanoWindow          *self,
                                            const PlanoDraftInfo *info);
PlanoBoard    *plano_window_get_board      (PlanoWindow      *self);
PlanoHistory  *plano_window_get_history    (PlanoWindow      *self);
GFile         *plano_window_get_file       (PlanoWindow      *self);
gboolean       plano_window_shows_file     (PlanoWindow      *self,
                                            GFile            *file);
const char    *plano_window_get_page       (PlanoWindow      *self);

G_END_DECLS
