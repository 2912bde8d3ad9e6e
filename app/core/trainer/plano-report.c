/* plano-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "plano-report.h"

/* Plano proposes a score per dimension from what a session shows, as an interviewer fills in
 * a feedback form from their notes: the checklist ticked in each step, the notes taken, the
 * time against the plan, the must-haves of the question found on the board, the findings of
 * the design review, the trade-offs recorded, the hints used and the follow-ups answered. The
 * candidate confirms or changes each score; the confirmed one counts. docs/trainer.md gives
 * every rule.
 */

struct _PlanoReport
{
  PlanoInterview *interview;
  PlanoBoard     *board;
  PlanoGrade     *grade;       /* NULL for a question of one's own */
  PlanoReview    *review;
  int             proposed[PLANO_RUBRIC_N_DIMENSIONS];
  char           *evidence[PLANO_RUBRIC_N_DIMENSIONS];
  PlanoPractice   practice;
  guint           n_answered;
  guint           n_follow_ups;
};

enum
{
  STEP_REQUIREMENTS,
  STEP_CAPACITY,
  STEP_HIGH_LEVEL,
  STEP_DETAILED,
  STEP_SCALABILITY,
  STEP_TRADEOFFS,
};

/* A checklist coverage from 0 to 1, as a score from 1 to 4. */
static int
score_from_fraction (double fraction)
{
  if (fraction >= 0.99)
    return 4;
  if (fraction >= 0.7)
    return 3;
  if (fraction >= 0.4)
    return 2;
  return 1;
}

static gboolean
has_notes (PlanoInterview *interview,
           int             step)
{
  const char *notes = plano_interview_get_notes (interview, step);

  return notes != NULL && g_utf8_strlen (notes, -1) >= 20;
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;

  return FALSE;
}

/* The share of a dimension's must-haves covered, or -1 when the question has none in it. */
static double
must_have_fraction (PlanoReport          *self,
                    PlanoRubricDimension  dimension,
                    guint                *n_out,
                    guint                *covered_out)
{
  guint n = 0;
  guint covered = 0;

  for (guint i = 0; self->grade != NULL && i < plano_grade_get_n_items (self->grade); i++)
    {
      const PlanoGradeItem *item = plano_grade_get_item (self->grade, i);

      if (item->must_have->dimension != dimension)
        continue;
      n++;
      covered += item->covered;
    }

  if (n_out != NULL)
    *n_out = n;
  if (covered_out != NULL)
    *covered_out = covered;

  return n > 0 ? (double) covered / n : -1;
}

static guint
count_findings (PlanoReport   *self,
                PlanoSeverity  severity)
{
  GPtrArray *findings = plano_review_get_findings (self->review);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += ((PlanoFinding *) g_ptr_array_index (findings, i))->severity == severity;

  return n;
}

/* Evidence of a step: "3 of 4 checklist items, notes, 4:50 of 5:00". */
static char *
step_evidence (PlanoInterview *interview,
               int             step)
{
  const PlanoInterviewStep *info = &plano_interview_get_steps ()[step];
  guint n_items = 0;
  guint n_checked = 0;
  g_autofree char *spent = plano_interview_format_time (plano_interview_get_spent (interview, step));
  g_autofree char *planned = plano_interview_format_time (plano_interview_get_planned (interview, step));

  while (n_items < G_N_ELEMENTS (info->checklist) && info->checklist[n_items] != NULL)
    n_checked += plano_interview_get_checked (interview, step, n_items++);

  /* TRANSLATORS: evidence for a rubric score: "3 of 4 checklist items ticked, notes taken,
   * 4:50 of 5:00"; the last part is time spent of time planned */
  return g_strdup_printf (_("%u of %u checklist items ticked, %s, %s of %s"),
                          n_checked, n_items,
                          has_notes (interview, step) ? _("notes taken") : _("no notes"),
                          spent, planned);
}

static void
propose_step_based (PlanoReport          *self,
                    PlanoRubricDimension  dimension,
                    int                   step,
                    gboolean              needs_numbers)
{
  PlanoInterview *interview = self->interview;
  double coverage = plano_interview_get_coverage (interview, step);
  double planned = plano_interview_get_planned (interview, step);
  double spent = plano_interview_get_spent (interview, step);
  int score = score_from_fraction (coverage);
  g_autofree char *evidence = step_evidence (interview, step);

  /* Ticking boxes is not enough for full marks: the notes must show the work. */
  if (score == 4 && !has_notes (interview, step))
    score = 3;
  if (needs_numbers && !has_digit (plano_interview_get_notes (interview, step)))
    {
      score = MIN (score, 2);
      self->evidence[dimension] = g_strdup_printf (_("%s; no figures in the notes"), evidence);
    }
  /* A step hurried through in under a third of its time was skipped rather than done. */
  else if (planned > 0 && spent < planned / 3)
    {
      score = MIN (score, 2);
      self->evidence[dimension] = g_strdup_printf (_("%s; the step was cut short"), evidence);
    }
  else
    self->evidence[dimension] = g_steal_pointer (&evidence);

  self->proposed[dimension] = score;
}

static void
propose_design (PlanoReport          *self,
                PlanoRubricDimension  dimension,
                int                   step)
{
  guint n = 0;
  guint covered = 0;
  double fraction = must_have_fraction (self, dimension, &n, &covered);
  g_autofree char *step_text = step_evidence (self->interview, step);
  int score;

  if (fraction < 0)
    {
      propose_step_based (self, dimension, step, FALSE);
      return;
    }

  score = score_from_fraction (fraction);
  if (dimension == PLANO_RUBRIC_DEEP_DIVE && self->n_follow_ups > 0)
    {
      /* The deep dive is also how the follow-up questions were met. */
      double answered = (double) self->n_answered / self->n_follow_ups;

      score = (int) floor ((score + score_from_fraction (answered)) / 2.0 + 0.5);
      self->evidence[dimension] =
        /* TRANSLATORS: evidence for a rubric score */
        g_strdup_printf (_("%u of %u must-haves on the board, %u of %u follow-ups answered; %s"),
                         covered, n, self->n_answered, self->n_follow_ups, step_text);
    }
  else
    self->evidence[dimension] =
      /* TRANSLATORS: evidence for a rubric score */
      g_strdup_printf (_("%u of %u must-haves on the board; %s"), covered, n, step_text);

  self->proposed[dimension] = score;
}

static void
propose_scalability (PlanoReport *self)
{
  guint errors = count_findings (self, PLANO_SEVERITY_ERROR);
  guint warnings = count_findings (self, PLANO_SEVERITY_WARNING);
  double fraction = must_have_fraction (self, PLANO_RUBRIC_SCALABILITY, NULL, NULL);
  int score = score_from_fraction (fraction >= 0 ? fraction
                                                 : plano_interview_get_coverage (self->interview, STEP_SCALABILITY));

  /* An interviewer sees what the review sees: each flaw that stays on the board costs. */
  score -= MIN (errors, 2);
  if (warnings >= 3)
    score--;
  self->proposed[PLANO_RUBRIC_SCALABILITY] = MAX (score, 1);
  {
    /* TRANSLATORS: part of "The review finds 2 errors and 1 warning on the final board" */
    g_autofree char *error_text = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
    /* TRANSLATORS: part of "The review finds 2 errors and 1 warning on the final board" */
    g_autofree char *warning_text = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);

    self->evidence[PLANO_RUBRIC_SCALABILITY] =
      /* TRANSLATORS: evidence for a rubric score: "The review finds 2 errors and 1 warning on
       * the final board" */
      g_strdup_printf (_("The review finds %s and %s on the final board"), error_text, warning_text);
  }
}

static void
propose_tradeoffs (PlanoReport *self)
{
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_TRADEOFF);
  guint reasoned = 0;
  int score;

  for (guint i = 0; i < n; i++)
    {
      const PlanoTradeoff *tradeoff = (const PlanoTradeoff *) plano_board_get_item (self->board, PLANO_ITEM_TRADEOFF, i);

      /* A decision counts when it names a choice, an alternative and a reason. */
      if (tradeoff->choice != NULL && tradeoff->choice[0] != '\0' &&
          tradeoff->alternatives != NULL && tradeoff->alternatives[0] != NULL &&
          tradeoff->rationale != NULL && tradeoff->rationale[0] != '\0')
        reasoned++;
    }

  score = reasoned >= 3 ? 4 : reasoned == 2 ? 3 : reasoned == 1 ? 2 : 1;
  self->proposed[PLANO_RUBRIC_TRADEOFFS] = score;
  self->evidence[PLANO_RUBRIC_TRADEOFFS] =
    /* TRANSLATORS: evidence for a rubric score */
    g_strdup_printf (ngettext ("%u of %u trade-off recorded with a choice, an alternative and a reason",
                               "%u of %u trade-offs recorded with a choice, an alternative and a reason",
                               n),
                     reasoned, n);
}

static void
propose_communication (PlanoReport *self)
{
  PlanoInterview *interview = self->interview;
  double overtime = 0;
  guint rushed = 0;
  guint hints = plano_interview_get_n_hints_revealed (interview);
  g_autofree char *over = NULL;
  int score = 4;

  for (int step = 0; step < PLANO_INTERVIEW_N_STEPS; step++)
    {
      overtime += plano_interview_get_overtime (interview, step);
      if (plano_interview_get_spent (interview, step) < plano_interview_get_planned (interview, step) / 3)
        rushed++;
    }

  /* Running five minutes over, hurrying through steps, and leaning on hints each cost a point. */
  if (overtime > 5 * 60)
    score--;
  if (rushed >= 2)
    score--;
  if (hints >= 3)
    score--;

  over = plano_interview_format_time (overtime);
  self->proposed[PLANO_RUBRIC_COMMUNICATION] = MAX (score, 1);
  {
    /* TRANSLATORS: part of "2:30 over the plan, 1 step cut short, 2 hints used" */
    g_autofree char *rushed_text = g_strdup_printf (ngettext ("%u step cut short", "%u steps cut short", rushed), rushed);
    /* TRANSLATORS: part of "2:30 over the plan, 1 step cut short, 2 hints used" */
    g_autofree char *hints_text = g_strdup_printf (ngettext ("%u hint used", "%u hints used", hints), hints);

    self->evidence[PLANO_RUBRIC_COMMUNICATION] =
      /* TRANSLATORS: evidence for a rubric score: "2:30 over the plan, 1 step cut short, 2
       * hints used"; the first %s is a time */
      g_strdup_printf (_("%s over the plan, %s, %s"), over, rushed_text, hints_text);
  }
}

/* A mid-level candidate is not expected to lead the deep dive or the operations story; a
 * staff candidate is expected to lead both and to argue every decision. */
static void
calibrate (PlanoReport *self)
{
  PlanoLevel level = plano_interview_get_level (self->interview);
  static const PlanoRubricDimension lenient[] = { PLANO_RUBRIC_DEEP_DIVE, PLANO_RUBRIC_SCALABILITY };
  static const PlanoRubricDimension demanding[] = {
    PLANO_RUBRIC_SCALABILITY, PLANO_RUBRIC_TRADEOFFS, PLANO_RUBRIC_HIGH_LEVEL
  };

  if (level == PLANO_LEVEL_MID)
    for (guint i = 0; i < G_N_ELEMENTS (lenient); i++)
      self->proposed[lenient[i]] = MIN (self->proposed[lenient[i]] + 1, PLANO_RUBRIC_MAX_SCORE);

  if (level == PLANO_LEVEL_STAFF)
    for (guint i = 0; i < G_N_ELEMENTS (demanding); i++)
      if (self->proposed[demanding[i]] < PLANO_RUBRIC_MAX_SCORE)
        self->proposed[demanding[i]] = MAX (self->proposed[demanding[i]] - 1, 1);
}

static GStrv
interview_texts (PlanoInterview *interview)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (int step = 0; step < PLANO_INTERVIEW_N_STEPS; step++)
    if (plano_interview_get_notes (interview, step) != NULL)
      g_strv_builder_add (builder, plano_interview_get_notes (interview, step));
  for (guint i = 0; i < PLANO_GUIDE_MAX_FOLLOW_UPS; i++)
    if (plano_interview_get_answer (interview, i) != NULL)
      g_strv_builder_add (builder, plano_interview_get_answer (interview, i));

  return g_strv_builder_end (builder);
}

/* How often each must-have was missed and the mean score of each dimension, over sessions. */
typedef struct
{
  double      sum[PLANO_RUBRIC_N_DIMENSIONS];
  guint       n[PLANO_RUBRIC_N_DIMENSIONS];
  GHashTable *missed;       /* must-have id → count */
  GHashTable *practised;    /* question id → count */
} Tally;

static void
tally_init (Tally *tally)
{
  memset (tally, 0, sizeof *tally);
  tally->missed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  tally->practised = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
tally_clear (Tally *tally)
{
  g_hash_table_unref (tally->missed);
  g_hash_table_unref (tally->practised);
}

static void
tally_add_entry (Tally    *tally,
                 JsonNode *entry)
{
  JsonObject *object = json_node_get_object (entry);
  const char *question = json_object_get_string_member_with_default (object, "question", NULL);
  JsonNode *ratings = json_object_get_member (object, "ratings");
  JsonNode *missed = json_object_get_member (object, "missed");

  if (question != NULL)
    g_hash_table_insert (tally->practised, g_strdup (question),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (tally->practised, question)) + 1));

  if (ratings != NULL && JSON_NODE_HOLDS_OBJECT (ratings))
    for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
      {
        JsonObject *r = json_node_get_object (ratings);
        const char *id = plano_rubric_get_info (d)->id;

        if (json_object_has_member (r, id))
          {
            tally->sum[d] += json_object_get_double_member_with_default (r, id, 0);
            tally->n[d]++;
          }
      }

  if (missed != NULL && JSON_NODE_HOLDS_ARRAY (missed))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (missed)); i++)
      {
        const char *id = json_array_get_string_element (json_node_get_array (missed), i);

        if (id != NULL)
          g_hash_table_insert (tally->missed, g_strdup (id),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (tally->missed, id)) + 1));
      }
}

/* The question whose guide asks most for @dimension or @must_have, practised least. */
static const PlanoQuestion *
choose_question (PlanoRubricDimension  dimension,
                 const char           *must_have,
                 const char           *exclude,
                 GHashTable           *practised)
{
  guint n;
  const PlanoQuestion *questions = plano_interview_get_questions (&n);
  const PlanoQuestion *best = NULL;
  double best_weight = -1;

  for (guint i = 0; i < n; i++)
    {
      const PlanoGuide *guide = plano_guide_lookup (questions[i].id);
      double weight = 0;

      if (guide == NULL || g_strcmp0 (questions[i].id, exclude) == 0)
        continue;

      for (guint m = 0; m < plano_guide_get_n_must_haves (guide); m++)
        {
          if (guide->must_haves[m].dimension == dimension)
            weight += 1;
          if (must_have != NULL && g_str_equal (guide->must_haves[m].id, must_have))
            weight += 3;
        }
      weight -= 0.5 * GPOINTER_TO_UINT (g_hash_table_lookup (practised, questions[i].id));

      if (weight > best_weight)
        {
          best = &questions[i];
          best_weight = weight;
        }
    }

  return best;
}

/**
 * plano_report_find_must_have:
 * @id: a must-have's id, as the history's "missed" lists them
 *
 * Returns: (nullable): the must-have of that id in the first guide that has it
 */
const PlanoMustHave *
plano_report_find_must_have (const char *id)
{
  guint n;
  const PlanoQuestion *questions = plano_interview_get_questions (&n);

  for (guint i = 0; id != NULL && i < n; i++)
    {
      const PlanoGuide *guide = plano_guide_lookup (questions[i].id);

      for (guint m = 0; guide != NULL && m < plano_guide_get_n_must_haves (guide); m++)
        if (g_str_equal (guide->must_haves[m].id, id))
          return &guide->must_haves[m];
    }

  return NULL;
}

static char *
practice_sentence (PlanoRubricDimension  dimension,
                   const PlanoMustHave  *must_have,
                   const PlanoQuestion  *question)
{
  const char *title = _(plano_rubric_get_info (dimension)->title);

  if (question == NULL)
    /* TRANSLATORS: %s is a rubric dimension such as "Trade-offs" */
    return g_strdup_printf (_("Practise next: %s."), title);

  if (must_have != NULL)
    /* TRANSLATORS: "Practise next: Scalability and reliability. “Payments reconciliation”
     * asks for what you missed most: “A durable log between the sources and storage”." */
    return g_strdup_printf (_("Practise next: %s. “%s” asks for what you missed most: “%s”."),
                            title, _(question->title), _(must_have->text));

  /* TRANSLATORS: "Practise next: Trade-offs, with the question “Payments reconciliation”." */
  return g_strdup_printf (_("Practise next: %s, with the question “%s”."), title, _(question->title));
}

/**
 * plano_report_choose_practice:
 * @history: (element-type JsonNode): the progress history, oldest first
 * @reason: (out) (optional): a sentence that says why
 *
 * Picks the next question for the weakest dimension over the recorded sessions, or for the
 * must-have missed most often.
 *
 * Returns: (nullable): the question, or %NULL when no session has ratings yet
 */
const PlanoQuestion *
plano_report_choose_practice (GPtrArray  *history,
                              char      **reason)
{
  Tally tally;
  PlanoRubricDimension weakest = PLANO_RUBRIC_N_DIMENSIONS;
  double weakest_mean = G_MAXDOUBLE;
  const char *most_missed = NULL;
  guint most = 0;
  const PlanoQuestion *question;
  GHashTableIter iter;
  gpointer key, value;

  tally_init (&tally);
  for (guint i = 0; history != NULL && i < history->len; i++)
    tally_add_entry (&tally, g_ptr_array_index (history, i));

  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    if (tally.n[d] > 0 && tally.sum[d] / tally.n[d] < weakest_mean)
      {
        weakest = d;
        weakest_mean = tally.sum[d] / tally.n[d];
      }

  g_hash_table_iter_init (&iter, tally.missed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > most ||
        (GPOINTER_TO_UINT (value) == most && g_strcmp0 (key, most_missed) < 0))
      {
        most = GPOINTER_TO_UINT (value);
        most_missed = key;
      }

  if (weakest == PLANO_RUBRIC_N_DIMENSIONS)
    {
      tally_clear (&tally);
      return NULL;
    }

  question = choose_question (weakest, most_missed, NULL, tally.practised);
  if (reason != NULL)
    *reason = practice_sentence (weakest, plano_report_find_must_have (most_missed), question);

  tally_clear (&tally);
  return question;
}

static int
compare_missed (gconstpointer a,
                gconstpointer b)
{
  const PlanoMissed *x = a;
  const PlanoMissed *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;

  return g_strcmp0 (x->must_have->id, y->must_have->id);
}

/**
 * plano_report_count_missed:
 * @history: (element-type JsonNode): the progress history
 *
 * Counts how often each must-have was missed over the recorded sessions. Ids that no guide
 * knows any more are left out.
 *
 * Returns: (transfer full) (element-type PlanoMissed): the must-haves missed, most often
 *   first, then by id
 */
GArray *
plano_report_count_missed (GPtrArray *history)
{
  GArray *missed = g_array_new (FALSE, FALSE, sizeof (PlanoMissed));
  Tally tally;
  GHashTableIter iter;
  gpointer key, value;

  tally_init (&tally);
  for (guint i = 0; history != NULL && i < history->len; i++)
    tally_add_entry (&tally, g_ptr_array_index (history, i));

  g_hash_table_iter_init (&iter, tally.missed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PlanoMissed item = { plano_report_find_must_have (key), GPOINTER_TO_UINT (value) };

      if (item.must_have != NULL)
        g_array_append_val (missed, item);
    }
  g_array_sort (missed, compare_missed);

  tally_clear (&tally);
  return missed;
}

/**
 * plano_report_new:
 * @board: the board as the session left it
 * @history: (nullable) (element-type JsonNode): earlier sessions, to choose what to practise
 *
 * Returns: (transfer full): the report on the session
 */
PlanoReport *
plano_report_new (PlanoInterview *interview,
                  PlanoBoard     *board,
                  GPtrArray      *history)
{
  PlanoReport *self;
  const PlanoGuide *guide;
  const char *question;
  g_auto(GStrv) texts = NULL;
  PlanoRubricDimension weakest;
  const PlanoMustHave *missed = NULL;
  Tally tally;

  g_return_val_if_fail (PLANO_IS_INTERVIEW (interview), NULL);
  g_return_val_if_fail (PLANO_IS_BOARD (board), NULL);

  self = g_new0 (PlanoReport, 1);
  self->interview = g_object_ref (interview);
  self->board = g_object_ref (board);
  self->review = plano_review_new (board, NULL);

  question = plano_interview_get_question (interview);
  guide = plano_guide_lookup (question);
  if (guide != NULL)
    {
      texts = interview_texts (interview);
      self->grade = plano_grade_new (board, question, (const char * const *) texts, NULL);
      self->n_follow_ups = plano_guide_get_n_follow_ups (guide);
      for (guint i = 0; i < self->n_follow_ups; i++)
        self->n_answered += plano_interview_get_answer (interview, i) != NULL;
    }

  propose_step_based (self, PLANO_RUBRIC_REQUIREMENTS, STEP_REQUIREMENTS, FALSE);
  propose_step_based (self, PLANO_RUBRIC_ESTIMATION, STEP_CAPACITY, TRUE);
  propose_design (self, PLANO_RUBRIC_HIGH_LEVEL, STEP_HIGH_LEVEL);
  propose_step_based (self, PLANO_RUBRIC_DATA_MODEL, STEP_DETAILED, FALSE);
  propose_design (self, PLANO_RUBRIC_DEEP_DIVE, STEP_DETAILED);
  propose_scalability (self);
  propose_tradeoffs (self);
  propose_communication (self);
  calibrate (self);

  /* What to practise: the weakest dimension of this session, and in it the first must-have
   * missed, with a question that asks for it and was practised least. */
  weakest = plano_report_get_weakest (self);
  for (guint i = 0; self->grade != NULL && i < plano_grade_get_n_items (self->grade); i++)
    {
      const PlanoGradeItem *item = plano_grade_get_item (self->grade, i);

      if (!item->covered && (missed == NULL || item->must_have->dimension == weakest))
        {
          missed = item->must_have;
          if (item->must_have->dimension == weakest)
            break;
        }
    }

  tally_init (&tally);
  for (guint i = 0; history != NULL && i < history->len; i++)
    tally_add_entry (&tally, g_ptr_array_index (history, i));
  {
    const PlanoQuestion *next = choose_question (weakest, missed != NULL ? missed->id : NULL,
                                                 question, tally.practised);

    self->practice.question_id = next != NULL ? next->id : NULL;
    self->practice.text = practice_sentence (weakest, missed, next);
  }
  tally_clear (&tally);

  return self;
}

void
plano_report_free (PlanoReport *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < PLANO_RUBRIC_N_DIMENSIONS; i++)
    g_free (self->evidence[i]);
  g_free (self->practice.text);
  g_clear_pointer (&self->grade, plano_grade_free);
  g_clear_pointer (&self->review, plano_review_free);
  g_clear_object (&self->board);
  g_clear_object (&self->interview);
  g_free (self);
}

PlanoInterview *
plano_report_get_interview (PlanoReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->interview;
}

/**
 * plano_report_get_grade:
 *
 * Returns: (nullable) (transfer none): the must-haves, or %NULL for a question of one's own
 */
PlanoGrade *
plano_report_get_grade (PlanoReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->grade;
}

/**
 * plano_report_get_review:
 *
 * Returns: (transfer none): the design review of the final board
 */
PlanoReview *
plano_report_get_review (PlanoReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->review;
}

/**
 * plano_report_get_findings:
 *
 * Returns: (transfer none) (element-type PlanoFinding): the review of the final board
 */
GPtrArray *
plano_report_get_findings (PlanoReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return plano_review_get_findings (self->review);
}

int
plano_report_get_proposed (PlanoReport          *self,
                           PlanoRubricDimension  dimension)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (dimension < PLANO_RUBRIC_N_DIMENSIONS, 0);

  return self->proposed[dimension];
}

/**
 * plano_report_get_score:
 *
 * Returns: the score the candidate confirmed, or else the one Plano proposes
 */
int
plano_report_get_score (PlanoReport          *self,
                        PlanoRubricDimension  dimension)
{
  int rating;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (dimension < PLANO_RUBRIC_N_DIMENSIONS, 0);

  rating = plano_interview_get_rating (self->interview, dimension);
  return rating > 0 ? rating : self->proposed[dimension];
}

const char *
plano_report_get_evidence (PlanoReport          *self,
                           PlanoRubricDimension  dimension)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (dimension < PLANO_RUBRIC_N_DIMENSIONS, NULL);

  return self->evidence[dimension];
}

/**
 * plano_report_get_weakest:
 *
 * Returns: the dimension with the lowest score; of equal ones, the one whose must-haves were
 *   missed most, then the first
 */
PlanoRubricDimension
plano_report_get_weakest (PlanoReport *self)
{
  PlanoRubricDimension weakest = 0;
  double weakest_value = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, 0);

  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    {
      double fraction = must_have_fraction (self, d, NULL, NULL);
      double value = plano_report_get_score (self, d) + (fraction >= 0 ? fraction / 2 : 0.5);

      if (value < weakest_value)
        {
          weakest = d;
          weakest_value = value;
        }
    }

  return weakest;
}

const PlanoPractice *
plano_report_get_practice (PlanoReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->practice;
}

guint
plano_report_get_n_answered (PlanoReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_answered;
}

guint
plano_report_get_n_follow_ups (PlanoReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_follow_ups;
}

/**
 * plano_report_to_history_entry:
 *
 * Returns: (transfer full): what the progress view keeps of the session: the interview's
 *   entry, with the score of each dimension, the level, the coverage, the must-haves
 *   missed and the hints used
 */
JsonNode *
plano_report_to_history_entry (PlanoReport *self,
                               const char  *title,
                               GDateTime   *when)
{
  JsonNode *entry;
  JsonObject *object;
  JsonObject *ratings;
  JsonArray *missed;

  g_return_val_if_fail (self != NULL, NULL);

  entry = plano_interview_to_history_entry (self->interview, title, when);
  object = json_node_get_object (entry);

  json_object_set_string_member (object, "level",
                                 plano_level_get_id (plano_interview_get_level (self->interview)));

  ratings = json_object_new ();
  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    json_object_set_int_member (ratings, plano_rubric_get_info (d)->id, plano_report_get_score (self, d));
  json_object_set_object_member (object, "ratings", ratings);

  if (self->grade != NULL)
    {
      missed = json_array_new ();
      for (guint i = 0; i < plano_grade_get_n_items (self->grade); i++)
        {
          const PlanoGradeItem *item = plano_grade_get_item (self->grade, i);

          if (!item->covered)
            json_array_add_string_element (missed, item->must_have->id);
        }
      json_object_set_int_member (object, "covered", plano_grade_get_n_covered (self->grade));
      json_object_set_int_member (object, "must_haves", plano_grade_get_n_items (self->grade));
      json_object_set_array_member (object, "missed", missed);
    }

  json_object_set_int_member (object, "hints", plano_interview_get_n_hints_revealed (self->interview));

  return entry;
}
