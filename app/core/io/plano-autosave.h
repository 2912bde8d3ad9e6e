/* plano-autosave.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plano-history.h"

G_BEGIN_DECLS

/* A draft is due this long after the last change… */
#define PLANO_AUTOSAVE_QUIET   (2 * G_USEC_PER_SEC)
/* …but never later than this after the first change not yet drafted, however the changes keep
 * coming: with the time to write it, a draft is at most 3 s behind. */
#define PLANO_AUTOSAVE_MAX_LAG (5 * G_USEC_PER_SEC / 2)

#define PLANO_TYPE_AUTOSAVE (plano_autosave_get_type ())

G_DECLARE_FINAL_TYPE (PlanoAutosave, plano_autosave, PLANO, AUTOSAVE, GObject)

PlanoAutosave  *plano_autosave_new          (void);
void            plano_autosave_set_clock    (PlanoAutosave  *self,
                                             PlanoClockFunc  clock,
                                             gpointer        user_data);
void            plano_autosave_changed      (PlanoAutosave  *self);
void            plano_autosave_done         (PlanoAutosave  *self);
gboolean        plano_autosave_get_pending  (PlanoAutosave  *self);
gint64          plano_autosave_get_due      (PlanoAutosave  *self);
gboolean        plano_autosave_run_due      (PlanoAutosave  *self);

G_END_DECLS
