/* plano-tradeoff-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plano-canvas.h"

G_BEGIN_DECLS

#define PLANO_TYPE_TRADEOFF_LIST (plano_tradeoff_list_get_type ())

G_DECLARE_FINAL_TYPE (PlanoTradeoffList, plano_tradeoff_list, PLANO, TRADEOFF_LIST, GtkWidget)

GtkWidget  *plano_tradeoff_list_new              (void);
void        plano_tradeoff_list_set_canvas       (PlanoTradeoffList *self,
                                                  PlanoCanvas       *canvas);
void        plano_tradeoff_list_refresh          (PlanoTradeoffList *self);
guint       plano_tradeoff_list_get_n_rows       (PlanoTradeoffList *self);
void        plano_tradeoff_list_activate_row     (PlanoTradeoffList *self,
                                                  guint              index);
GtkWidget  *plano_tradeoff_list_get_search_entry (PlanoTradeoffList *self);

G_END_DECLS
