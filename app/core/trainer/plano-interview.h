/* plano-interview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "plano-board.h"
#include "plano-guide.h"
#include "plano-history.h"
#include "plano-rubric.h"

G_BEGIN_DECLS

#define PLANO_INTERVIEW_N_STEPS   6
#define PLANO_INTERVIEW_N_MASTERY 10
#define PLANO_INTERVIEW_WARNING_S 60
/* The most checklist items a step has. A saved record keeps ticked items by index: items are
 * appended, never reordered (docs/format.md). */
#define PLANO_INTERVIEW_MAX_CHECKLIST 5

typedef enum
{
  PLANO_INTERVIEW_IDLE,
  PLANO_INTERVIEW_RUNNING,
  PLANO_INTERVIEW_PAUSED,
  PLANO_INTERVIEW_FINISHED,
} PlanoInterviewState;

typedef struct
{
  const char *id;           /* "requirements", "capacity"… */
  const char *title;        /* untranslated; use _() */
  int         minutes;      /* the seed's plan */
  const char *checklist[PLANO_INTERVIEW_MAX_CHECKLIST + 1]; /* untranslated, NULL-terminated */
} PlanoInterviewStep;

typedef struct
{
  const char *id;
  const char *title;        /* untranslated */
  const char *description;  /* untranslated */
} PlanoCurveball;

typedef struct
{
  const char *id;
  const char *title;        /* untranslated */
  const char *prompt;       /* untranslated */
  const char *users;
  const char *events;
  const char *volume;
  const char *retention;
  const char *constraints;
  const char *hints[PLANO_INTERVIEW_N_STEPS];
  const char *template_id;  /* nullable */
} PlanoQuestion;

#define PLANO_TYPE_INTERVIEW (plano_interview_get_type ())

G_DECLARE_FINAL_TYPE (PlanoInterview, plano_interview, PLANO, INTERVIEW, GObject)

const PlanoInterviewStep *plano_interview_get_steps          (void);
const char * const       *plano_interview_get_mastery_items  (void);
const PlanoCurveball     *plano_interview_get_curveballs     (guint             *n_curveballs);
const PlanoCurveball     *plano_interview_lookup_curveball   (const char        *id);
const PlanoQuestion      *plano_interview_get_questions      (guint             *n_questions);
const PlanoQuestion      *plano_interview_lookup_question    (const char        *id);

PlanoInterview     *plano_interview_new                (void);
void                plano_interview_set_clock          (PlanoInterview    *self,
                                                        PlanoClockFunc     clock,
                                                        gpointer           user_data);
PlanoInterviewState plano_interview_get_state          (PlanoInterview    *self);
gboolean            plano_interview_is_blank           (PlanoInterview    *self);
int                 plano_interview_get_step           (PlanoInterview    *self);

const char         *plano_interview_get_question       (PlanoInterview    *self);
void                plano_interview_set_question       (PlanoInterview    *self,
                                                        const char        *id);
const char         *plano_interview_get_prompt         (PlanoInterview    *self);
void                plano_interview_set_prompt         (PlanoInterview    *self,
                                                        const char        *prompt);
gboolean            plano_interview_get_auto_advance   (PlanoInterview    *self);
void                plano_interview_set_auto_advance   (PlanoInterview    *self,
                                                        gboolean           auto_advance);

void                plano_interview_start              (PlanoInterview    *self,
                                                        PlanoBoard        *board);
void                plano_interview_pause              (PlanoInterview    *self);
void                plano_interview_resume             (PlanoInterview    *self);
void                plano_interview_next               (PlanoInterview    *self);
void                plano_interview_previous           (PlanoInterview    *self);
void                plano_interview_finish             (PlanoInterview    *self);
void                plano_interview_reset              (PlanoInterview    *self);
void                plano_interview_tick               (PlanoInterview    *self);

double              plano_interview_get_planned        (PlanoInterview    *self,
                                                        int                step);
void                plano_interview_set_planned        (PlanoInterview    *self,
                                                        int                step,
                                                        double             seconds);
double              plano_interview_get_spent          (PlanoInterview    *self,
                                                        int                step);
double              plano_interview_get_remaining      (PlanoInterview    *self,
                                                        int                step);
double              plano_interview_get_overtime       (PlanoInterview    *self,
                                                        int                step);
double              plano_interview_get_total_planned  (PlanoInterview    *self);
double              plano_interview_get_total_spent    (PlanoInterview    *self);
double              plano_interview_get_elapsed        (PlanoInterview    *self);

const char         *plano_interview_get_notes          (PlanoInterview    *self,
                                                        int                step);
void                plano_interview_set_notes          (PlanoInterview    *self,
                                                        int                step,
                                                        const char        *notes);
void                plano_interview_append_notes       (PlanoInterview    *self,
                                                        int                step,
                                                        const char        *text);
gboolean            plano_interview_get_checked        (PlanoInterview    *self,
                                                        int                step,
                                                        guint              item);
void                plano_interview_set_checked        (PlanoInterview    *self,
                                                        int                step,
                                                        guint              item,
                                                        gboolean           checked);
double              plano_interview_get_coverage       (PlanoInterview    *self,
                                                        int                step);

int                 plano_interview_get_score          (PlanoInterview    *self,
                                                        guint              item);
void                plano_interview_set_score          (PlanoInterview    *self,
                                                        guint              item,
                                                        int                score);
int                 plano_interview_get_rubric_total   (PlanoInterview    *self);

void                plano_interview_reveal_hint        (PlanoInterview    *self,
                                                        int                step);
gboolean            plano_interview_get_hint_revealed  (PlanoInterview    *self,
                                                        int                step);
guint               plano_interview_get_n_hints_revealed (PlanoInterview  *self);
PlanoLevel          plano_interview_get_level          (PlanoInterview    *self);
void                plano_interview_set_level          (PlanoInterview    *self,
                                                        PlanoLevel         level);
int                 plano_interview_get_rating         (PlanoInterview    *self,
                                                        PlanoRubricDimension dimension);
void                plano_interview_set_rating         (PlanoInterview    *self,
                                                        PlanoRubricDimension dimension,
                                                        int                score);
const char         *plano_interview_get_answer         (PlanoInterview    *self,
                                                        guint              index);
void                plano_interview_set_answer         (PlanoInterview    *self,
                                                        guint              index,
                                                        const char        *answer);

const PlanoCurveball *plano_interview_draw_curveball   (PlanoInterview    *self,
                                                        guint              seed);
guint               plano_interview_get_n_curveballs_drawn (PlanoInterview *self);
const PlanoCurveball *plano_interview_get_curveball_drawn (PlanoInterview  *self,
                                                        guint              index,
                                                        int               *step,
                                                        double            *at);

void                plano_interview_record_change      (PlanoInterview    *self,
                                                        PlanoBoard        *board,
                                                        PlanoChange       *change,
                                                        const char        *label);
guint               plano_interview_get_n_frames       (PlanoInterview    *self);
gboolean            plano_interview_get_frame          (PlanoInterview    *self,
                                                        guint              index,
                                                        double            *at,
                                                        int               *step,
                                                        const char       **label);
PlanoBoard         *plano_interview_build_replay       (PlanoInterview    *self,
                                                        guint              n_frames);

JsonNode           *plano_interview_to_json            (PlanoInterview    *self);
PlanoInterview     *plano_interview_new_from_json      (JsonNode          *node,
                                                        GError           **error);
char               *plano_interview_format_time        (double             seconds);
JsonNode           *plano_interview_to_history_entry   (PlanoInterview    *self,
                                                        const char        *title,
                                                        GDateTime         *when);
gboolean            plano_interview_history_append     (const char        *path,
                                                        JsonNode          *entry,
                                                        GError           **error);
GPtrArray          *plano_interview_history_load       (const char        *path,
                                                        GError           **error);

G_END_DECLS
