/* plano-board.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "plano-change.h"
#include "plano-item.h"

G_BEGIN_DECLS

#define PLANO_BOARD_ERROR (plano_board_error_quark ())

typedef enum
{
  PLANO_BOARD_ERROR_INVALID_ID,
  PLANO_BOARD_ERROR_DUPLICATE_ID,
  PLANO_BOARD_ERROR_NOT_FOUND,
  PLANO_BOARD_ERROR_INVALID,
} PlanoBoardError;

/* Coordinates the file format accepts; the board keeps every item inside them. */
#define PLANO_COORD_MAX 10000000.0
#define PLANO_SIZE_MAX  100000.0

#define PLANO_TYPE_BOARD (plano_board_get_type ())

G_DECLARE_FINAL_TYPE (PlanoBoard, plano_board, PLANO, BOARD, GObject)

GQuark            plano_board_error_quark     (void);

PlanoBoard       *plano_board_new             (void);
const char       *plano_board_get_title       (PlanoBoard          *self);
void              plano_board_set_title       (PlanoBoard          *self,
                                               const char          *title);
guint             plano_board_get_n_items     (PlanoBoard          *self,
                                               PlanoItemType        type);
const PlanoItem  *plano_board_get_item        (PlanoBoard          *self,
                                               PlanoItemType        type,
                                               guint                position);
const PlanoItem  *plano_board_lookup          (PlanoBoard          *self,
                                               const char          *id);
const PlanoNode  *plano_board_lookup_node     (PlanoBoard          *self,
                                               const char          *id);
char             *plano_board_new_id          (PlanoBoard          *self,
                                               const char          *prefix);
gboolean          plano_board_is_empty        (PlanoBoard          *self);

gboolean          plano_board_add_item        (PlanoBoard          *self,
                                               PlanoItem           *item,
                                               GError             **error);
const PlanoNode  *plano_board_add_node        (PlanoBoard          *self,
                                               const char          *kind,
                                               double               x,
                                               double               y);
const PlanoEdge  *plano_board_add_edge        (PlanoBoard          *self,
                                               const char          *from,
                                               const char          *to,
                                               const char          *kind,
                                               GError             **error);
gboolean          plano_board_update_item     (PlanoBoard          *self,
                                               const PlanoItem     *item,
                                               GError             **error);
gboolean          plano_board_remove_item     (PlanoBoard          *self,
                                               const char          *id);
guint             plano_board_remove_items    (PlanoBoard          *self,
                                               const char * const  *ids);
gboolean          plano_board_move_items      (PlanoBoard          *self,
                                               const char * const  *ids,
                                               double               dx,
                                               double               dy);
gboolean          plano_board_set_bounds      (PlanoBoard          *self,
                                               const char          *id,
                                               double               x,
                                               double               y,
                                               double               w,
                                               double               h);
gboolean          plano_board_set_label       (PlanoBoard          *self,
                                               const char          *id,
                                               const char          *label);
const char       *plano_board_get_label       (PlanoBoard          *self,
                                               const char          *id);
GArray           *plano_board_get_props       (PlanoBoard          *self);
gboolean          plano_board_set_prop        (PlanoBoard          *self,
                                               const char          *id,
                                               const PlanoProp     *prop);
gboolean          plano_board_unset_prop      (PlanoBoard          *self,
                                               const char          *id,
                                               const char          *name);

PlanoBoard       *plano_board_copy           (PlanoBoard          *self);
gboolean          plano_board_replace_contents (PlanoBoard        *self,
                                               PlanoBoard          *other);
PlanoBoard       *plano_board_copy_items     (PlanoBoard          *self,
                                               const char * const  *ids);
GStrv             plano_board_insert_copy    (PlanoBoard          *self,
                                               PlanoBoard          *fragment,
                                               double               dx,
                                               double               dy);

JsonNode         *plano_board_get_interview   (PlanoBoard          *self);
void              plano_board_set_interview   (PlanoBoard          *self,
                                               JsonNode            *interview);
JsonNode         *plano_board_get_view        (PlanoBoard          *self);
void              plano_board_set_view        (PlanoBoard          *self,
                                               JsonNode            *view);

G_END_DECLS
