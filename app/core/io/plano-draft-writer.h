/* plano-draft-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plano-board.h"

G_BEGIN_DECLS

#define PLANO_TYPE_DRAFT_WRITER (plano_draft_writer_get_type ())

G_DECLARE_FINAL_TYPE (PlanoDraftWriter, plano_draft_writer, PLANO, DRAFT_WRITER, GObject)

PlanoDraftWriter *plano_draft_writer_new      (const char       *id);
const char       *plano_draft_writer_get_id   (PlanoDraftWriter *self);
void              plano_draft_writer_write    (PlanoDraftWriter *self,
                                               PlanoBoard       *board,
                                               const char       *source);
void              plano_draft_writer_discard  (PlanoDraftWriter *self);
gboolean          plano_draft_writer_get_busy (PlanoDraftWriter *self);

G_END_DECLS
