/* plano-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "plano-guide.h"
#include "plano-interview.h"
#include "plano-review.h"
#include "plano-rubric.h"

G_BEGIN_DECLS

/* The feedback on one interview session, as a mock interviewer would give it: the time per
 * step, the must-haves covered and missed, the review of the final board, a proposed score per
 * rubric dimension with the evidence behind it, and what to practise next.
 */
typedef struct _PlanoReport PlanoReport;

typedef struct
{
  const char *question_id;  /* the question to practise, or NULL */
  char       *text;         /* a translated sentence */
} PlanoPractice;

/* A must-have and how many recorded sessions missed it. */
typedef struct
{
  const PlanoMustHave *must_have;
  guint                count;
} PlanoMissed;

PlanoReport        *plano_report_new                 (PlanoInterview        *interview,
                                                      PlanoBoard            *board,
                                                      GPtrArray             *history);
void                plano_report_free                (PlanoReport           *self);
PlanoInterview     *plano_report_get_interview       (PlanoReport           *self);
PlanoGrade         *plano_report_get_grade           (PlanoReport           *self);
PlanoReview        *plano_report_get_review          (PlanoReport           *self);
GPtrArray          *plano_report_get_findings        (PlanoReport           *self);
int                 plano_report_get_proposed        (PlanoReport           *self,
                                                      PlanoRubricDimension   dimension);
int                 plano_report_get_score           (PlanoReport           *self,
                                                      PlanoRubricDimension   dimension);
const char         *plano_report_get_evidence        (PlanoReport           *self,
                                                      PlanoRubricDimension   dimension);
PlanoRubricDimension plano_report_get_weakest        (PlanoReport           *self);
const PlanoPractice *plano_report_get_practice       (PlanoReport           *self);
guint               plano_report_get_n_answered      (PlanoReport           *self);
guint               plano_report_get_n_follow_ups    (PlanoReport           *self);
JsonNode           *plano_report_to_history_entry    (PlanoReport           *self,
                                                      const char            *title,
                                                      GDateTime             *when);

const PlanoQuestion *plano_report_choose_practice    (GPtrArray             *history,
                                                      char                 **reason);
const PlanoMustHave *plano_report_find_must_have     (const char            *id);
GArray             *plano_report_count_missed        (GPtrArray             *history);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanoReport, plano_report_free)

G_END_DECLS
