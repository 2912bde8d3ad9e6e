/* plano-mastery.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-interview.h"

G_BEGIN_DECLS

/* The course's mastery checklist (plano_interview_get_mastery_items()), as the user scores
 * it for themselves: one score per item, from 0 (not yet) to 3 (confidently), or not scored.
 * It belongs to the course, not to a session, and is kept in the user's data folder beside
 * the interview history.
 */

#define PLANO_MASTERY_NOT_SCORED (-1)
#define PLANO_MASTERY_MAX_SCORE  3

gboolean  plano_mastery_load  (const char  *path,
                               int          scores[PLANO_INTERVIEW_N_MASTERY],
                               GError     **error);
gboolean  plano_mastery_save  (const char  *path,
                               const int    scores[PLANO_INTERVIEW_N_MASTERY],
                               GError     **error);

G_END_DECLS
