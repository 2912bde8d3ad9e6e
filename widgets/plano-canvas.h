/* plano-canvas.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plano-board.h"
#include "plano-history.h"
#include "plano-render.h"

G_BEGIN_DECLS

#define PLANO_CANVAS_GRID     20.0    /* the default grid size, in canvas units */
#define PLANO_CANVAS_GRID_MIN 5.0
#define PLANO_CANVAS_GRID_MAX 100.0

#define PLANO_TYPE_CANVAS (plano_canvas_get_type ())

G_DECLARE_FINAL_TYPE (PlanoCanvas, plano_canvas, PLANO, CANVAS, GtkWidget)

GtkWidget     *plano_canvas_new                (void);
void           plano_canvas_set_history        (PlanoCanvas  *self,
                                                PlanoHistory *history);
PlanoHistory  *plano_canvas_get_history        (PlanoCanvas  *self);
PlanoBoard    *plano_canvas_get_board          (PlanoCanvas  *self);
PlanoRenderer *plano_canvas_get_renderer       (PlanoCanvas  *self);
double         plano_canvas_get_zoom           (PlanoCanvas  *self);
void           plano_canvas_set_zoom           (PlanoCanvas  *self,
                                                double        zoom);
void           plano_canvas_zoom_at            (PlanoCanvas  *self,
                                                double        factor,
                                                double        widget_x,
                                                double        widget_y);
double         plano_canvas_get_grid_size      (PlanoCanvas  *self);
void           plano_canvas_set_grid_size      (PlanoCanvas  *self,
                                                double        grid_size);
void           plano_canvas_fit                (PlanoCanvas  *self);
void           plano_canvas_widget_to_canvas   (PlanoCanvas  *self,
                                                double        widget_x,
                                                double        widget_y,
                                                double       *x,
                                                double       *y);
void           plano_canvas_canvas_to_widget   (PlanoCanvas  *self,
                                                double        x,
                                                double        y,
                                                double       *widget_x,
                                                double       *widget_y);
gboolean       plano_canvas_get_snap           (PlanoCanvas  *self);
void           plano_canvas_set_snap           (PlanoCanvas  *self,
                                                gboolean      snap);
GStrv          plano_canvas_get_selection      (PlanoCanvas  *self);
void           plano_canvas_select             (PlanoCanvas  *self,
                                                const char   *id,
                                                gboolean      add);
void           plano_canvas_select_all         (PlanoCanvas  *self);
void           plano_canvas_clear_selection    (PlanoCanvas  *self);
const char    *plano_canvas_add_kind           (PlanoCanvas  *self,
                                                const char   *kind,
                                                double        x,
                                                double        y);
const char    *plano_canvas_add_kind_at_center (PlanoCanvas  *self,
                                                const char   *kind);
guint          plano_canvas_delete_selection   (PlanoCanvas  *self);
guint          plano_canvas_set_selection_down (PlanoCanvas  *self,
                                                gboolean      down);
void           plano_canvas_set_preview        (PlanoCanvas  *self,
                                                PlanoBoard   *board);
PlanoBoard    *plano_canvas_get_preview        (PlanoCanvas  *self);
void           plano_canvas_reveal             (PlanoCanvas  *self,
                                                const char   *id);
void           plano_canvas_nudge              (PlanoCanvas  *self,
                                                double        dx,
                                                double        dy);
void           plano_canvas_begin_edit         (PlanoCanvas  *self);
void           plano_canvas_end_edit           (PlanoCanvas  *self,
                                                gboolean      apply);
gboolean       plano_canvas_is_editing         (PlanoCanvas  *self);
void           plano_canvas_copy               (PlanoCanvas  *self);
void           plano_canvas_cut                (PlanoCanvas  *self);
void           plano_canvas_paste              (PlanoCanvas  *self);
void           plano_canvas_duplicate          (PlanoCanvas  *self);
guint          plano_canvas_insert_fragment    (PlanoCanvas  *self,
                                                PlanoBoard   *fragment,
                                                double        offset);
void           plano_canvas_align              (PlanoCanvas  *self,
                                                const char   *edge);
void           plano_canvas_distribute         (PlanoCanvas  *self,
                                                const char   *direction);
void           plano_canvas_select_next        (PlanoCanvas  *self,
                                                int           direction);
void           plano_canvas_begin_key_connect  (PlanoCanvas  *self);
void           plano_canvas_finish_key_connect (PlanoCanvas  *self);

G_END_DECLS
