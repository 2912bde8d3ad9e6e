/* plano-guide.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-board.h"
#include "plano-rubric.h"

G_BEGIN_DECLS

/* What an interviewer expects of a question, beside the question itself: the capabilities a
 * strong answer has (must-haves), each checked on a board by declarative checks; the probes an
 * interviewer asks in the last steps (follow-ups), each with a model answer; and a reference
 * solution, a board in data/solutions/ID.plano.
 */

typedef enum
{
  PLANO_CHECK_NONE,      /* ends a list of checks */
  PLANO_CHECK_NODE,      /* a component matching @match, with @prop when given */
  PLANO_CHECK_EVERY,     /* at least one component matches @match, and every one that does
                          * has @prop */
  PLANO_CHECK_PATH,      /* connections from a component matching @match, through one
                          * matching @via when given, to one matching @to */
  PLANO_CHECK_TEXT,      /* a label, note, trade-off or interview note mentions a keyword of
                          * @match */
  PLANO_CHECK_TRADEOFF,  /* a recorded trade-off mentions a keyword of @match */
} PlanoCheckType;

/* One check on a board.
 *
 * For NODE, EVERY and PATH, @match, @via and @to list component kinds separated by "|": a kind id
 * ("kafka"), "@" and a catalog category ("@storage") for every kind in it, or "*" for any
 * component. A connection to or from a zone reaches every component inside the zone.
 *
 * With @prop, the component must also have that prop: a number at least @min, a boolean
 * true, or a string that is not empty.
 *
 * For TEXT and TRADEOFF, @match is a translatable list of keywords separated by "|"; a text
 * matches when every word of one keyword starts a word of the text, ignoring case and
 * accents, in English or in the user's language. "preset:ID" matches a trade-off whose title
 * is that preset's (plano-tradeoffs.h).
 */
typedef struct
{
  PlanoCheckType  type;
  const char     *match;
  const char     *via;
  const char     *to;
  const char     *prop;
  double          min;
} PlanoCheck;

#define PLANO_MUST_HAVE_N_CHECKS 4

/* A capability a strong answer has. It is covered when all its checks hold, or with @any
 * when one of them does.
 */
typedef struct
{
  const char           *id;         /* stable: "durable-log", "dedup"… */
  const char           *text;       /* untranslated; use _() */
  const char           *why;        /* untranslated: one line on why it matters */
  PlanoRubricDimension  dimension;  /* the rubric dimension a miss counts against */
  gboolean              any;
  PlanoCheck            checks[PLANO_MUST_HAVE_N_CHECKS];
} PlanoMustHave;

typedef struct
{
  const char *question;  /* untranslated */
  const char *answer;    /* untranslated: the model answer */
} PlanoFollowUp;

#define PLANO_GUIDE_MAX_MUST_HAVES 8
#define PLANO_GUIDE_MAX_FOLLOW_UPS 5

typedef struct
{
  const char    *question_id;
  PlanoMustHave  must_haves[PLANO_GUIDE_MAX_MUST_HAVES + 1];  /* ended by an id of NULL */
  PlanoFollowUp  follow_ups[PLANO_GUIDE_MAX_FOLLOW_UPS + 1];  /* ended by a question of NULL */
} PlanoGuide;

/* A must-have as found on one board. */
typedef struct
{
  const PlanoMustHave *must_have;
  gboolean             covered;
  GStrv                ids;        /* the components that show it, possibly empty */
} PlanoGradeItem;

typedef struct _PlanoGrade PlanoGrade;

const PlanoGuide    *plano_guide_lookup            (const char          *question_id);
guint                plano_guide_get_n_must_haves  (const PlanoGuide    *guide);
guint                plano_guide_get_n_follow_ups  (const PlanoGuide    *guide);

GBytes              *plano_solution_get_source     (const char          *question_id);
PlanoBoard          *plano_solution_load           (const char          *question_id,
                                                    GError             **error);

gboolean             plano_check_holds             (const PlanoCheck    *check,
                                                    PlanoBoard          *board,
                                                    const char * const  *extra_texts,
                                                    GStrv               *ids);

PlanoGrade          *plano_grade_new               (PlanoBoard          *board,
                                                    const char          *question_id,
                                                    const char * const  *extra_texts,
                                                    GError             **error);
void                 plano_grade_free              (PlanoGrade          *self);
const char          *plano_grade_get_question_id   (PlanoGrade          *self);
guint                plano_grade_get_n_items       (PlanoGrade          *self);
const PlanoGradeItem *plano_grade_get_item         (PlanoGrade          *self,
                                                    guint                index);
guint                plano_grade_get_n_covered     (PlanoGrade          *self);
char                *plano_grade_item_to_line      (const PlanoGradeItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanoGrade, plano_grade_free)

G_END_DECLS
