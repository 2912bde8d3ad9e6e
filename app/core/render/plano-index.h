/* plano-index.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-geometry.h"

G_BEGIN_DECLS

/* A spatial index of boxes by id: a uniform grid of cells, each listing the boxes that touch
 * it. Culling asks it what intersects the view, picking what lies under the pointer.
 */
typedef struct _PlanoIndex PlanoIndex;

PlanoIndex  *plano_index_new          (double            cell_size);
void         plano_index_free         (PlanoIndex       *self);
void         plano_index_set          (PlanoIndex       *self,
                                       const char       *id,
                                       const PlanoRect  *rect);
void         plano_index_set_full     (PlanoIndex       *self,
                                       const char       *id,
                                       const PlanoRect  *rect,
                                       gpointer          data);
gboolean     plano_index_remove       (PlanoIndex       *self,
                                       const char       *id);
void         plano_index_clear        (PlanoIndex       *self);
guint        plano_index_get_size     (PlanoIndex       *self);
void         plano_index_query        (PlanoIndex       *self,
                                       const PlanoRect  *rect,
                                       GPtrArray        *ids);

void         plano_index_query_data   (PlanoIndex       *self,
                                       const PlanoRect  *rect,
                                       GPtrArray        *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanoIndex, plano_index_free)

G_END_DECLS
