/* plano-canvas-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plano-canvas.h"

G_BEGIN_DECLS

/* The pointer handling behind the canvas's gestures, in widget coordinates, so that tests can
 * drive a press, a drag and a release through the same code as real input.
 */
void  plano_canvas_pointer_press    (PlanoCanvas     *self,
                                     double           widget_x,
                                     double           widget_y,
                                     GdkModifierType  modifiers);
void  plano_canvas_pointer_drag     (PlanoCanvas     *self,
                                     double           offset_x,
                                     double           offset_y);
void  plano_canvas_pointer_release  (PlanoCanvas     *self,
                                     double           offset_x,
                                     double           offset_y);
gboolean plano_canvas_drop_kind     (PlanoCanvas     *self,
                                     const char      *kind,
                                     double           widget_x,
                                     double           widget_y);
void  plano_canvas_end_edit         (PlanoCanvas     *self,
                                     gboolean         apply);
GtkWidget *plano_canvas_get_entry   (PlanoCanvas     *self);
void  plano_canvas_get_handle_point (PlanoCanvas     *self,
                                     double          *widget_x,
                                     double          *widget_y);

G_END_DECLS
