/* plano-change.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plano-item.h"

G_BEGIN_DECLS

/* What PlanoBoard::changed reports: an ordered list of what happened to which item. */

typedef enum
{
  PLANO_CHANGE_ADDED,
  PLANO_CHANGE_REMOVED,
  PLANO_CHANGE_MODIFIED,
  PLANO_CHANGE_TITLE,
  PLANO_CHANGE_BOARD_PROPS,
} PlanoChangeKind;

#define PLANO_TYPE_CHANGE (plano_change_get_type ())

typedef struct _PlanoChange PlanoChange;

GType             plano_change_get_type      (void) G_GNUC_CONST;
PlanoChange      *plano_change_ref           (PlanoChange      *self);
void              plano_change_unref         (PlanoChange      *self);
guint             plano_change_get_n_ops     (PlanoChange      *self);
PlanoChangeKind   plano_change_get_op        (PlanoChange      *self,
                                              guint             position,
                                              PlanoItemType    *type,
                                              const char      **id);
gboolean          plano_change_is_undo       (PlanoChange      *self);
gboolean          plano_change_is_replay     (PlanoChange      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanoChange, plano_change_unref)

G_END_DECLS
