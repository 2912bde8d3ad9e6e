/* plano-interview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-interview"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plano-format.h"
#include "plano-interview.h"

/* The mock interview: the seed's six steps against the clock, as a state machine (idle,
 * running, paused, finished) whose time comes from an injected clock, so that tests never
 * sleep. Each step keeps its planned and spent time, its checklist and its notes. While a
 * session runs, every change to the board is recorded as a frame with its time and step, on
 * top of a snapshot of the board at the start: that is what the replay steps through, and it
 * is saved with the board in its "interview" member (docs/format.md).
 */

#define RECORD_VERSION 1

static const PlanoInterviewStep steps[PLANO_INTERVIEW_N_STEPS] = {
  { "requirements", N_("Requirements"), 5,
    { N_("Functional: what must the system do?"),
      N_("Non-functional: latency, throughput, availability"),
      N_("Scale: how many users, how much data, how fast it grows"),
      N_("Constraints: budget, team, timeline"),
      N_("Freshness and correctness: how fresh the data must be, exactly-once or at-least-once, late data"),
      NULL } },
  { "capacity", N_("Capacity estimation"), 5,
    { N_("Requests or events per second, average and peak"),
      N_("Storage per day, month and year"),
      N_("Bandwidth in and out"),
      N_("Memory for caches and buffers"), NULL } },
  { "high-level", N_("High-level design"), 10,
    { N_("Main components"),
      N_("How data flows between them"),
      N_("The architecture diagram"),
      N_("The APIs between components"), NULL } },
  { "detailed", N_("Detailed design"), 15,
    { N_("Data model: the core entities and the grain of each table"),
      N_("Key algorithms"),
      N_("A deep dive into one component"),
      N_("APIs and schema evolution: the contracts, and how they change without breaking consumers"),
      N_("Access patterns: the main queries, and the keys and partitions that serve them"),
      NULL } },
  { "scalability", N_("Scalability and reliability"), 10,
    { N_("Bottlenecks and how to remove them"),
      N_("A failure list: what fails (node, disk, network, bad data, a dependency), how it is detected, how it recovers, the impact"),
      N_("Monitoring and alerting"),
      N_("Evolution and versioning"),
      N_("Recovery: checkpoints, replay from the log, idempotent reprocessing and backfills"),
      NULL } },
  { "tradeoffs", N_("Trade-offs"), 5,
    { N_("The decisions taken, and why"),
      N_("The alternatives considered"),
      N_("What would change with more time or resources"), NULL } },
};

static const char * const mastery[PLANO_INTERVIEW_N_MASTERY + 1] = {
  N_("Explain the CAP theorem with concrete examples"),
  N_("Design an end-to-end architecture in 50 minutes"),
  N_("Estimate capacity: storage, throughput, latency"),
  N_("Find bottlenecks and propose fixes"),
  N_("Defend architecture decisions with trade-offs"),
  N_("Design for failure: what happens when each part fails"),
  N_("Choose between batch, micro-batch and streaming"),
  N_("Design schemas that can evolve"),
  N_("Make pipelines idempotent"),
  N_("Read and understand distributed-systems papers"),
  NULL,
};

static const PlanoCurveball curveballs[] = {
  { "peak-10x", N_("Traffic ten times higher"),
    N_("Marketing launched a campaign: peak traffic is now ten times the figure you planned for. What breaks first, and what do you change?") },
  { "late-events", N_("Events up to 48 hours late"),
    N_("Mobile clients buffer offline: events now arrive up to 48 hours late. How do windows, watermarks and corrections work?") },
  { "gdpr-deletion", N_("GDPR deletion requests"),
    N_("Legal needs every record of a user deleted within 30 days of a request, in every store including backups and the lake.") },
  { "region-down", N_("A region goes down"),
    N_("The primary cloud region is unavailable for six hours. What keeps working, what is lost, and how do you recover?") },
  { "schema-change", N_("Schema change upstream"),
    N_("The source team renamed a field and changed a type without warning. How does the pipeline detect it and keep running?") },
  { "budget-cut", N_("Budget cut in half"),
    N_("Finance cuts the infrastructure budget by 50 %. Which components do you simplify or remove?") },
  { "exactly-once", N_("Billing needs exactly-once"),
    N_("The same events now feed customer invoices: a duplicate or a loss costs money. What changes end to end?") },
  { "fresher", N_("Dashboards within a minute"),
    N_("The business wants dashboards fresh within one minute instead of one hour. What has to become streaming?") },
};

static const PlanoQuestion questions[] = {
#include "plano-question-bank.inc"
};

typedef struct
{
  double   planned;   /* seconds */
  double   spent;     /* seconds, not counting the current run */
  char    *notes;
  guint    checked;   /* bit per checklist item */
  gboolean ended;     /* step-ended was emitted for it */
} Step;

typedef struct
{
  const PlanoCurveball *curveball;
  int                   step;
  double                at;
} DrawnCurveball;

typedef struct
{
  double    at;
  int       step;
  char     *label;
  JsonNode *ops;      /* array */
} Frame;

struct _PlanoInterview
{
  GObject              parent_instance;

  PlanoClockFunc       clock;
  gpointer             clock_data;

  PlanoInterviewState  state;
  int                  step;
  gint64               since;      /* clock time when the current run started */
  Step                 steps[PLANO_INTERVIEW_N_STEPS];
  char                *question;
  char                *prompt;
  gboolean             auto_advance;
  int                  scores[PLANO_INTERVIEW_N_MASTERY];
  guint                hints;      /* bit per step whose hint was revealed */
  PlanoLevel           level;
  int                  ratings[PLANO_RUBRIC_N_DIMENSIONS];  /* 1–4, or 0 when not rated */
  char                *answers[PLANO_GUIDE_MAX_FOLLOW_UPS];  /* to the follow-up questions */
  GArray              *curveballs; /* of DrawnCurveball */
  GPtrArray           *frames;     /* of Frame */
  JsonNode            *start_board;
};

G_DEFINE_FINAL_TYPE (PlanoInterview, plano_interview, G_TYPE_OBJECT)

enum {
  CHANGED,
  STEP_ENDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gint64
real_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static void
frame_free (Frame *frame)
{
  g_free (frame->label);
  g_clear_pointer (&frame->ops, json_node_unref);
  g_free (frame);
}

static void
emit_changed (PlanoInterview *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static gboolean
valid_step (int step)
{
  return step >= 0 && step < PLANO_INTERVIEW_N_STEPS;
}

/* Catalogue */

const PlanoInterviewStep *
plano_interview_get_steps (void)
{
  return steps;
}

/**
 * plano_interview_get_mastery_items:
 *
 * Returns: (transfer none): the seed's mastery checklist, untranslated, %NULL-terminated
 */
const char * const *
plano_interview_get_mastery_items (void)
{
  return mastery;
}

const PlanoCurveball *
plano_interview_get_curveballs (guint *n_curveballs)
{
  if (n_curveballs != NULL)
    *n_curveballs = G_N_ELEMENTS (curveballs);

  return curveballs;
}

const PlanoCurveball *
plano_interview_lookup_curveball (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (curveballs); i++)
    if (g_strcmp0 (curveballs[i].id, id) == 0)
      return &curveballs[i];

  return NULL;
}

const PlanoQuestion *
plano_interview_get_questions (guint *n_questions)
{
  if (n_questions != NULL)
    *n_questions = G_N_ELEMENTS (questions);

  return questions;
}

const PlanoQuestion *
plano_interview_lookup_question (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    if (g_strcmp0 (questions[i].id, id) == 0)
      return &questions[i];

  return NULL;
}

/* GObject */

static void
plano_interview_finalize (GObject *object)
{
  PlanoInterview *self = (PlanoInterview *)object;

  for (guint i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    g_free (self->steps[i].notes);
  for (guint i = 0; i < PLANO_GUIDE_MAX_FOLLOW_UPS; i++)
    g_free (self->answers[i]);
  g_free (self->question);
  g_free (self->prompt);
  g_clear_pointer (&self->curveballs, g_array_unref);
  g_clear_pointer (&self->frames, g_ptr_array_unref);
  g_clear_pointer (&self->start_board, json_node_unref);

  G_OBJECT_CLASS (plano_interview_parent_class)->finalize (object);
}

static void
plano_interview_class_init (PlanoInterviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plano_interview_finalize;

  /**
   * PlanoInterview::changed:
   *
   * The state, the step, a note, a checklist or a score changed; the time passing does not
   * emit it.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * PlanoInterview::step-ended:
   * @step: the step whose planned time has just run out
   *
   * Emitted once per step, by plano_interview_tick(), when its time runs out.
   */
  signals [STEP_ENDED] =
    g_signal_new ("step-ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
clear_session (PlanoInterview *self)
{
  self->state = PLANO_INTERVIEW_IDLE;
  self->step = 0;
  self->since = 0;
  for (guint i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      self->steps[i].spent = 0;
      self->steps[i].checked = 0;
      self->steps[i].ended = FALSE;
      g_clear_pointer (&self->steps[i].notes, g_free);
    }
  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    self->scores[i] = -1;
  self->hints = 0;
  for (guint i = 0; i < PLANO_RUBRIC_N_DIMENSIONS; i++)
    self->ratings[i] = 0;
  for (guint i = 0; i < PLANO_GUIDE_MAX_FOLLOW_UPS; i++)
    g_clear_pointer (&self->answers[i], g_free);
  g_array_set_size (self->curveballs, 0);
  g_ptr_array_set_size (self->frames, 0);
  g_clear_pointer (&self->start_board, json_node_unref);
}

static void
plano_interview_init (PlanoInterview *self)
{
  self->clock = real_clock;
  self->curveballs = g_array_new (FALSE, TRUE, sizeof (DrawnCurveball));
  self->frames = g_ptr_array_new_with_free_func ((GDestroyNotify) frame_free);
  for (guint i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    self->steps[i].planned = steps[i].minutes * 60;
  self->level = PLANO_LEVEL_SENIOR;
  clear_session (self);
}

PlanoInterview *
plano_interview_new (void)
{
  return g_object_new (PLANO_TYPE_INTERVIEW, NULL);
}

/**
 * plano_interview_set_clock:
 * @clock: (nullable): gives the time in microseconds; %NULL for the monotonic clock
 */
void
plano_interview_set_clock (PlanoInterview *self,
                           PlanoClockFunc  clock,
                           gpointer        user_data)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));

  self->clock = clock != NULL ? clock : real_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

static gint64
now (PlanoInterview *self)
{
  return self->clock (self->clock_data);
}

/* Moves the time of the run so far into the current step. */
static void
bank_time (PlanoInterview *self)
{
  gint64 t;

  if (self->state != PLANO_INTERVIEW_RUNNING)
    return;

  t = now (self);
  self->steps[self->step].spent += MAX (t - self->since, 0) / (double) G_USEC_PER_SEC;
  self->since = t;
}

PlanoInterviewState
plano_interview_get_state (PlanoInterview *self)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), PLANO_INTERVIEW_IDLE);

  return self->state;
}

int
plano_interview_get_step (PlanoInterview *self)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), 0);

  return self->step;
}

const char *
plano_interview_get_question (PlanoInterview *self)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), NULL);

  return self->question;
}

/**
 * plano_interview_set_question:
 * @id: (nullable): a question of the bank, or %NULL for a free-text prompt
 */
void
plano_interview_set_question (PlanoInterview *self,
                              const char     *id)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));

  if (g_strcmp0 (self->question, id) == 0)
    return;

  g_free (self->question);
  self->question = g_strdup (id);
  emit_changed (self);
}

const char *
plano_interview_get_prompt (PlanoInterview *self)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), NULL);

  return self->prompt;
}

/**
 * plano_interview_set_prompt:
 * @prompt: (nullable): the user's own question, used when no bank question is chosen
 */
void
plano_interview_set_prompt (PlanoInterview *self,
                            const char     *prompt)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));

  if (g_strcmp0 (self->prompt, prompt) == 0)
    return;

  g_free (self->prompt);
  self->prompt = prompt != NULL && prompt[0] != '\0' ? g_strdup (prompt) : NULL;
  emit_changed (self);
}

gboolean
plano_interview_get_auto_advance (PlanoInterview *self)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), FALSE);

  return self->auto_advance;
}

void
plano_interview_set_auto_advance (PlanoInterview *self,
                                  gboolean        auto_advance)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));

  self->auto_advance = !!auto_advance;
  emit_changed (self);
}

/* The state machine */

/**
 * plano_interview_start:
 * @board: (nullable): the board the session draws on; its state now is where the replay
 *   starts
 *
 * Starts the first step's clock. Only an idle session starts.
 */
void
plano_interview_start (PlanoInterview *self,
                       PlanoBoard     *board)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));

  if (self->state != PLANO_INTERVIEW_IDLE)
    return;

  g_clear_pointer (&self->start_board, json_node_unref);
  if (board != NULL)
    {
      g_autofree char *text = plano_format_write (board, NULL);
      JsonNode *copy = json_from_string (text, NULL);

      /* The snapshot is of the drawing: the session record itself is not part of it. */
      if (copy != NULL && JSON_NODE_HOLDS_OBJECT (copy))
        {
          json_object_remove_member (json_node_get_object (copy), "interview");
          json_object_remove_member (json_node_get_object (copy), "view");
        }
      self->start_board = copy;
    }

  self->state = PLANO_INTERVIEW_RUNNING;
  self->step = 0;
  self->since = now (self);
  emit_changed (self);
}

void
plano_interview_pause (PlanoInterview *self)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));

  if (self->state != PLANO_INTERVIEW_RUNNING)
    return;

  bank_time (self);
  self->state = PLANO_INTERVIEW_PAUSED;
  emit_changed (self);
}

void
plano_interview_resume (PlanoInterview *self)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));

  if (self->state != PLANO_INTERVIEW_PAUSED)
    return;

  self->state = PLANO_INTERVIEW_RUNNING;
  self->since = now (self);
  emit_changed (self);
}

static void
go_to (PlanoInterview *self,
       int             step)
{
  if (!valid_step (step) || step == self->step)
    return;

  bank_time (self);
  self->step = step;
  emit_changed (self);
}

/**
 * plano_interview_next:
 *
 * Moves to the next step, keeping the time spent on this one; on the last step, finishes.
 */
void
plano_interview_next (PlanoInterview *self)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));

  if (self->state != PLANO_INTERVIEW_RUNNING && self->state != PLANO_INTERVIEW_PAUSED)
    return;

  if (self->step == PLANO_INTERVIEW_N_STEPS - 1)
    plano_interview_finish (self);
  else
    go_to (self, self->step + 1);
}

void
plano_interview_previous (PlanoInterview *self)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));

  if (self->state != PLANO_INTERVIEW_RUNNING && self->state != PLANO_INTERVIEW_PAUSED)
    return;

  go_to (self, self->step - 1);
}

void
plano_interview_finish (PlanoInterview *self)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));

  if (self->state != PLANO_INTERVIEW_RUNNING && self->state != PLANO_INTERVIEW_PAUSED)
    return;

  bank_time (self);
  self->state = PLANO_INTERVIEW_FINISHED;
  emit_changed (self);
}

/**
 * plano_interview_reset:
 *
 * Back to idle: times, notes, checklists, scores, curveballs and the replay are cleared; the
 * question and the planned times stay.
 */
void
plano_interview_reset (PlanoInterview *self)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));

  clear_session (self);
  emit_changed (self);
}

/**
 * plano_interview_is_blank:
 *
 * Returns: %TRUE when there is nothing to keep: the session has not started and no question,
 *   note, tick or score was given. A board need not carry a blank session.
 */
gboolean
plano_interview_is_blank (PlanoInterview *self)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), TRUE);

  if (self->state != PLANO_INTERVIEW_IDLE || self->question != NULL ||
      (self->prompt != NULL && self->prompt[0] != '\0') ||
      self->curveballs->len > 0 || self->frames->len > 0)
    return FALSE;

  for (guint i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    if (self->steps[i].spent > 0 || self->steps[i].checked != 0 ||
        (self->steps[i].notes != NULL && self->steps[i].notes[0] != '\0'))
      return FALSE;

  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    if (self->scores[i] >= 0)
      return FALSE;

  if (self->hints != 0)
    return FALSE;
  for (guint i = 0; i < PLANO_RUBRIC_N_DIMENSIONS; i++)
    if (self->ratings[i] > 0)
      return FALSE;
  for (guint i = 0; i < PLANO_GUIDE_MAX_FOLLOW_UPS; i++)
    if (self->answers[i] != NULL)
      return FALSE;

  return TRUE;
}

/**
 * plano_interview_tick:
 *
 * Called about once a second while the session runs: when the current step's time runs out
 * it emits #PlanoInterview::step-ended once, and with auto-advance moves on.
 */
void
plano_interview_tick (PlanoInterview *self)
{
  int step;

  g_return_if_fail (PLANO_IS_INTERVIEW (self));

  if (self->state != PLANO_INTERVIEW_RUNNING)
    return;

  step = self->step;
  if (self->steps[step].ended || plano_interview_get_remaining (self, step) > 0)
    return;

  self->steps[step].ended = TRUE;
  g_signal_emit (self, signals [STEP_ENDED], 0, step);

  if (self->auto_advance && self->state == PLANO_INTERVIEW_RUNNING && self->step == step)
    plano_interview_next (self);
}

/* Time */

double
plano_interview_get_planned (PlanoInterview *self,
                             int             step)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), 0);
  g_return_val_if_fail (valid_step (step), 0);

  return self->steps[step].planned;
}

/**
 * plano_interview_set_planned:
 * @seconds: the step's duration, at least one second
 */
void
plano_interview_set_planned (PlanoInterview *self,
                             int             step,
                             double          seconds)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));
  g_return_if_fail (valid_step (step));

  if (!isfinite (seconds))
    return;

  self->steps[step].planned = CLAMP (round (seconds), 1, 24 * 3600);
  self->steps[step].ended = FALSE;
  emit_changed (self);
}

/**
 * plano_interview_get_spent:
 *
 * Returns: the seconds spent on @step so far, the current run included
 */
double
plano_interview_get_spent (PlanoInterview *self,
                           int             step)
{
  double spent;

  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), 0);
  g_return_val_if_fail (valid_step (step), 0);

  spent = self->steps[step].spent;
  if (self->state == PLANO_INTERVIEW_RUNNING && step == self->step)
    spent += MAX (now (self) - self->since, 0) / (double) G_USEC_PER_SEC;

  return spent;
}

/**
 * plano_interview_get_remaining:
 *
 * Returns: the seconds left of @step's plan; negative in overtime
 */
double
plano_interview_get_remaining (PlanoInterview *self,
                               int             step)
{
  return plano_interview_get_planned (self, step) - plano_interview_get_spent (self, step);
}

double
plano_interview_get_overtime (PlanoInterview *self,
                              int             step)
{
  return MAX (-plano_interview_get_remaining (self, step), 0);
}

double
plano_interview_get_total_planned (PlanoInterview *self)
{
  double total = 0;

  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    total += plano_interview_get_planned (self, i);

  return total;
}

double
plano_interview_get_total_spent (PlanoInterview *self)
{
  double total = 0;

  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    total += plano_interview_get_spent (self, i);

  return total;
}

/**
 * plano_interview_get_elapsed:
 *
 * Returns: the session's clock: the seconds spent on all steps so far
 */
double
plano_interview_get_elapsed (PlanoInterview *self)
{
  return plano_interview_get_total_spent (self);
}

/**
 * plano_interview_format_time:
 *
 * Returns: (transfer full): @seconds as the countdown shows it: "4:05", "−0:12" in overtime,
 *   "1:02:03" past an hour
 */
char *
plano_interview_format_time (double seconds)
{
  gboolean negative = seconds < 0;
  /* A countdown shows 0:01 until the second is over: round the remainder up, overtime down. */
  gint64 total = (gint64) (negative ? floor (-seconds) : ceil (seconds - 1e-9));

  if (total >= 3600)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d:%02d", negative ? "−" : "",
                            total / 3600, (int) (total / 60 % 60), (int) (total % 60));

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d", negative && total > 0 ? "−" : "",
                          total / 60, (int) (total % 60));
}

/* Notes and checklists */

const char *
plano_interview_get_notes (PlanoInterview *self,
                           int             step)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), NULL);
  g_return_val_if_fail (valid_step (step), NULL);

  return self->steps[step].notes;
}

void
plano_interview_set_notes (PlanoInterview *self,
                           int             step,
                           const char     *notes)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));
  g_return_if_fail (valid_step (step));

  if (g_strcmp0 (self->steps[step].notes, notes) == 0)
    return;

  g_free (self->steps[step].notes);
  self->steps[step].notes = notes != NULL && notes[0] != '\0' ? g_strdup (notes) : NULL;
  emit_changed (self);
}

/**
 * plano_interview_append_notes:
 *
 * Adds @text to @step's notes on a new paragraph, as the calculator's "Insert into Notes" does.
 */
void
plano_interview_append_notes (PlanoInterview *self,
                              int             step,
                              const char     *text)
{
  g_autofree char *notes = NULL;
  const char *old;

  g_return_if_fail (PLANO_IS_INTERVIEW (self));
  g_return_if_fail (valid_step (step));

  old = self->steps[step].notes;
  notes = old != NULL ? g_strdup_printf ("%s\n\n%s", old, text) : g_strdup (text);
  plano_interview_set_notes (self, step, notes);
}

static guint
checklist_length (int step)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (steps[step].checklist) && steps[step].checklist[n] != NULL)
    n++;

  return n;
}

gboolean
plano_interview_get_checked (PlanoInterview *self,
                             int             step,
                             guint           item)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), FALSE);
  g_return_val_if_fail (valid_step (step), FALSE);

  return item < checklist_length (step) && (self->steps[step].checked & (1u << item)) != 0;
}

void
plano_interview_set_checked (PlanoInterview *self,
                             int             step,
                             guint           item,
                             gboolean        checked)
{
  guint before;

  g_return_if_fail (PLANO_IS_INTERVIEW (self));
  g_return_if_fail (valid_step (step));

  if (item >= checklist_length (step))
    return;

  before = self->steps[step].checked;
  if (checked)
    self->steps[step].checked |= 1u << item;
  else
    self->steps[step].checked &= ~(1u << item);

  if (before != self->steps[step].checked)
    emit_changed (self);
}

/**
 * plano_interview_get_coverage:
 *
 * Returns: the share of @step's checklist ticked, from 0 to 1
 */
double
plano_interview_get_coverage (PlanoInterview *self,
                              int             step)
{
  guint n, ticked = 0;

  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), 0);
  g_return_val_if_fail (valid_step (step), 0);

  n = checklist_length (step);
  for (guint i = 0; i < n; i++)
    ticked += plano_interview_get_checked (self, step, i);

  return n > 0 ? (double) ticked / n : 0;
}

/* The self-assessment of sessions before the feedback report: read, kept and shown in their
 * study notes, no longer asked for. Sessions are scored by the rubric (PlanoReport). */

/**
 * plano_interview_get_score:
 *
 * Returns: the self-assessment of mastery item @item, 0 to 3, or -1 when not scored
 */
int
plano_interview_get_score (PlanoInterview *self,
                           guint           item)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), -1);
  g_return_val_if_fail (item < PLANO_INTERVIEW_N_MASTERY, -1);

  return self->scores[item];
}

void
plano_interview_set_score (PlanoInterview *self,
                           guint           item,
                           int             score)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));
  g_return_if_fail (item < PLANO_INTERVIEW_N_MASTERY);

  score = CLAMP (score, -1, 3);
  if (self->scores[item] == score)
    return;

  self->scores[item] = score;
  emit_changed (self);
}

/**
 * plano_interview_get_rubric_total:
 *
 * Returns: the sum of the scored items, out of 30
 */
int
plano_interview_get_rubric_total (PlanoInterview *self)
{
  int total = 0;

  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), 0);

  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    total += MAX (self->scores[i], 0);

  return total;
}

/* Hints, ratings and follow-ups */

/**
 * plano_interview_reveal_hint:
 *
 * Shows the hint of @step: hints stay hidden until asked for, and the report counts them.
 */
void
plano_interview_reveal_hint (PlanoInterview *self,
                             int             step)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));
  g_return_if_fail (valid_step (step));

  if (self->hints & (1u << step))
    return;

  self->hints |= 1u << step;
  emit_changed (self);
}

gboolean
plano_interview_get_hint_revealed (PlanoInterview *self,
                                   int             step)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), FALSE);
  g_return_val_if_fail (valid_step (step), FALSE);

  return (self->hints & (1u << step)) != 0;
}

guint
plano_interview_get_n_hints_revealed (PlanoInterview *self)
{
  guint n = 0;

  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), 0);

  for (int step = 0; step < PLANO_INTERVIEW_N_STEPS; step++)
    n += (self->hints >> step) & 1;

  return n;
}

PlanoLevel
plano_interview_get_level (PlanoInterview *self)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), PLANO_LEVEL_SENIOR);

  return self->level;
}

void
plano_interview_set_level (PlanoInterview *self,
                           PlanoLevel      level)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));
  g_return_if_fail (level < PLANO_N_LEVELS);

  if (self->level == level)
    return;

  self->level = level;
  emit_changed (self);
}

/**
 * plano_interview_get_rating:
 *
 * Returns: the score the candidate confirmed for @dimension, 1 to 4, or 0 when none yet
 */
int
plano_interview_get_rating (PlanoInterview       *self,
                            PlanoRubricDimension  dimension)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), 0);
  g_return_val_if_fail (dimension < PLANO_RUBRIC_N_DIMENSIONS, 0);

  return self->ratings[dimension];
}

void
plano_interview_set_rating (PlanoInterview       *self,
                            PlanoRubricDimension  dimension,
                            int                   score)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));
  g_return_if_fail (dimension < PLANO_RUBRIC_N_DIMENSIONS);

  score = CLAMP (score, 0, PLANO_RUBRIC_MAX_SCORE);
  if (self->ratings[dimension] == score)
    return;

  self->ratings[dimension] = score;
  emit_changed (self);
}

/**
 * plano_interview_get_answer:
 *
 * Returns: (nullable): what the candidate answered to follow-up question @index
 */
const char *
plano_interview_get_answer (PlanoInterview *self,
                            guint           index)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), NULL);
  g_return_val_if_fail (index < PLANO_GUIDE_MAX_FOLLOW_UPS, NULL);

  return self->answers[index];
}

/* An empty answer counts as none, so the model answer stays hidden. */
void
plano_interview_set_answer (PlanoInterview *self,
                            guint           index,
                            const char     *answer)
{
  g_return_if_fail (PLANO_IS_INTERVIEW (self));
  g_return_if_fail (index < PLANO_GUIDE_MAX_FOLLOW_UPS);

  if (answer != NULL && answer[0] == '\0')
    answer = NULL;
  if (g_strcmp0 (self->answers[index], answer) == 0)
    return;

  g_free (self->answers[index]);
  self->answers[index] = g_strdup (answer);
  emit_changed (self);
}

/* Curveballs */

/**
 * plano_interview_draw_curveball:
 * @seed: chooses among those not drawn yet, such as a random number
 *
 * Records a requirement change at the current step and time.
 *
 * Returns: (nullable): the curveball, or %NULL when all were drawn or no session runs
 */
const PlanoCurveball *
plano_interview_draw_curveball (PlanoInterview *self,
                                guint           seed)
{
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  DrawnCurveball drawn;

  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), NULL);

  if (self->state != PLANO_INTERVIEW_RUNNING && self->state != PLANO_INTERVIEW_PAUSED)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (curveballs); i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; j < self->curveballs->len; j++)
        used |= g_array_index (self->curveballs, DrawnCurveball, j).curveball == &curveballs[i];
      if (!used)
        g_ptr_array_add (left, (gpointer) &curveballs[i]);
    }

  if (left->len == 0)
    return NULL;

  drawn.curveball = g_ptr_array_index (left, seed % left->len);
  drawn.step = self->step;
  drawn.at = plano_interview_get_elapsed (self);
  g_array_append_val (self->curveballs, drawn);
  emit_changed (self);

  return drawn.curveball;
}

guint
plano_interview_get_n_curveballs_drawn (PlanoInterview *self)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), 0);

  return self->curveballs->len;
}

const PlanoCurveball *
plano_interview_get_curveball_drawn (PlanoInterview *self,
                                     guint           index,
                                     int            *step,
                                     double         *at)
{
  const DrawnCurveball *drawn;

  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), NULL);
  g_return_val_if_fail (index < self->curveballs->len, NULL);

  drawn = &g_array_index (self->curveballs, DrawnCurveball, index);
  if (step != NULL)
    *step = drawn->step;
  if (at != NULL)
    *at = drawn->at;

  return drawn->curveball;
}

/* Frames: the board's evolution during the session */

/**
 * plano_interview_record_change:
 * @label: (nullable): what the user did, such as the history's "Move"
 *
 * Records @change, which @board has just made, as one frame at the current step and time.
 * Only a session under way (running or paused) records. Feed it #PlanoHistory::committed,
 * one step at a time, rather than every change of the board: a drag changes the board on each
 * motion event, and undo and redo reach the board as replays that are skipped here.
 */
void
plano_interview_record_change (PlanoInterview *self,
                               PlanoBoard     *board,
                               PlanoChange    *change,
                               const char     *label)
{
  g_autoptr(JsonArray) ops = NULL;
  Frame *frame;

  g_return_if_fail (PLANO_IS_INTERVIEW (self));
  g_return_if_fail (PLANO_IS_BOARD (board));

  if (self->state != PLANO_INTERVIEW_RUNNING && self->state != PLANO_INTERVIEW_PAUSED)
    return;
  if (plano_change_is_replay (change))
    return;

  ops = json_array_new ();
  for (guint i = 0; i < plano_change_get_n_ops (change); i++)
    {
      PlanoItemType type;
      const char *id;
      PlanoChangeKind kind = plano_change_get_op (change, i, &type, &id);
      JsonObject *op = json_object_new ();
      const PlanoItem *item;

      switch (kind)
        {
        case PLANO_CHANGE_TITLE:
          json_object_set_string_member (op, "op", "title");
          if (plano_board_get_title (board) != NULL)
            json_object_set_string_member (op, "title", plano_board_get_title (board));
          break;

        case PLANO_CHANGE_REMOVED:
          json_object_set_string_member (op, "op", "remove");
          json_object_set_string_member (op, "id", id);
          break;

        case PLANO_CHANGE_ADDED:
        case PLANO_CHANGE_MODIFIED:
          item = plano_board_lookup (board, id);
          if (item == NULL)
            {
              /* Added and removed within the same change: nothing to show. */
              json_object_unref (op);
              continue;
            }
          json_object_set_string_member (op, "op", "set");
          json_object_set_string_member (op, "type", plano_item_type_get_name (type));
          json_object_set_member (op, "item", plano_format_item_to_json (item));
          break;

        case PLANO_CHANGE_BOARD_PROPS:
        default:
          json_object_unref (op);
          continue;
        }

      json_array_add_object_element (ops, op);
    }

  if (json_array_get_length (ops) == 0)
    return;

  frame = g_new0 (Frame, 1);
  frame->at = plano_interview_get_elapsed (self);
  frame->step = self->step;
  frame->label = g_strdup (label);
  frame->ops = json_node_init_array (json_node_alloc (), ops);
  g_ptr_array_add (self->frames, frame);
  emit_changed (self);
}

guint
plano_interview_get_n_frames (PlanoInterview *self)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), 0);

  return self->frames->len;
}

gboolean
plano_interview_get_frame (PlanoInterview  *self,
                           guint            index,
                           double          *at,
                           int             *step,
                           const char     **label)
{
  const Frame *frame;

  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), FALSE);

  if (index >= self->frames->len)
    return FALSE;

  frame = g_ptr_array_index (self->frames, index);
  if (at != NULL)
    *at = frame->at;
  if (step != NULL)
    *step = frame->step;
  if (label != NULL)
    *label = frame->label;

  return TRUE;
}

static PlanoItemType
type_from_name (const char *name)
{
  for (PlanoItemType t = 0; t < PLANO_N_ITEM_TYPES; t++)
    if (g_strcmp0 (plano_item_type_get_name (t), name) == 0)
      return t;

  return PLANO_N_ITEM_TYPES;
}

static void
apply_frame (PlanoBoard *board,
             JsonNode   *ops)
{
  JsonArray *array = json_node_get_array (ops);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *op = json_array_get_object_element (array, i);
      const char *kind = op != NULL ? json_object_get_string_member_with_default (op, "op", "") : "";

      if (g_str_equal (kind, "remove"))
        {
          plano_board_remove_item (board, json_object_get_string_member_with_default (op, "id", ""));
        }
      else if (g_str_equal (kind, "title"))
        {
          plano_board_set_title (board, json_object_get_string_member_with_default (op, "title", NULL));
        }
      else if (g_str_equal (kind, "set"))
        {
          PlanoItemType type = type_from_name (json_object_get_string_member_with_default (op, "type", ""));
          g_autoptr(PlanoItem) item = NULL;

          if (type == PLANO_N_ITEM_TYPES)
            continue;
          item = plano_format_item_from_json (json_object_get_member (op, "item"), type, "item", NULL);
          if (item == NULL)
            continue;

          if (plano_board_lookup (board, item->id) != NULL)
            plano_board_update_item (board, item, NULL);
          else if (plano_board_add_item (board, item, NULL))
            item = NULL;  /* the board owns it */
        }
    }
}

/**
 * plano_interview_build_replay:
 * @n_frames: how many of the session's changes to replay
 *
 * A new board as it was after the first @n_frames changes of the session, built from the
 * snapshot taken at its start; the document itself is not touched.
 *
 * Returns: (transfer full) (nullable): the board, or %NULL when the session has no snapshot
 */
PlanoBoard *
plano_interview_build_replay (PlanoInterview *self,
                              guint           n_frames)
{
  g_autofree char *text = NULL;
  PlanoBoard *board;

  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), NULL);

  if (self->start_board == NULL)
    return NULL;

  text = json_to_string (self->start_board, FALSE);
  board = plano_format_read (text, strlen (text), NULL, NULL);
  if (board == NULL)
    return NULL;

  for (guint i = 0; i < MIN (n_frames, self->frames->len); i++)
    apply_frame (board, ((Frame *) g_ptr_array_index (self->frames, i))->ops);

  return board;
}

/* Serialization */

static const char * const state_names[] = { "idle", "running", "paused", "finished" };

/**
 * plano_interview_to_json:
 *
 * Returns: (transfer full): the session as the board's "interview" member; a running session
 *   is written paused, with the time spent so far
 */
JsonNode *
plano_interview_to_json (PlanoInterview *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  PlanoInterviewState state;

  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), NULL);

  state = self->state == PLANO_INTERVIEW_RUNNING ? PLANO_INTERVIEW_PAUSED : self->state;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RECORD_VERSION);
  if (self->question != NULL)
    {
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, self->question);
    }
  if (self->prompt != NULL)
    {
      json_builder_set_member_name (builder, "prompt");
      json_builder_add_string_value (builder, self->prompt);
    }
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, state_names[state]);
  json_builder_set_member_name (builder, "step");
  json_builder_add_int_value (builder, self->step);
  json_builder_set_member_name (builder, "auto_advance");
  json_builder_add_boolean_value (builder, self->auto_advance);

  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, steps[i].id);
      json_builder_set_member_name (builder, "planned");
      json_builder_add_double_value (builder, self->steps[i].planned);
      json_builder_set_member_name (builder, "spent");
      json_builder_add_double_value (builder, round (plano_interview_get_spent (self, i) * 1000) / 1000);
      json_builder_set_member_name (builder, "checked");
      json_builder_begin_array (builder);
      for (guint item = 0; item < checklist_length (i); item++)
        if (plano_interview_get_checked (self, i, item))
          json_builder_add_int_value (builder, item);
      json_builder_end_array (builder);
      if (self->steps[i].notes != NULL)
        {
          json_builder_set_member_name (builder, "notes");
          json_builder_add_string_value (builder, self->steps[i].notes);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rubric");
  json_builder_begin_array (builder);
  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    if (self->scores[i] < 0)
      json_builder_add_null_value (builder);
    else
      json_builder_add_int_value (builder, self->scores[i]);
  json_builder_end_array (builder);

  if (state == PLANO_INTERVIEW_FINISHED)
    {
      json_builder_set_member_name (builder, "score");
      json_builder_add_int_value (builder, plano_interview_get_rubric_total (self));
    }

  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, plano_level_get_id (self->level));

  if (self->hints != 0)
    {
      json_builder_set_member_name (builder, "hints");
      json_builder_begin_array (builder);
      for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
        if (plano_interview_get_hint_revealed (self, i))
          json_builder_add_string_value (builder, steps[i].id);
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_object (builder);
  for (guint i = 0; i < PLANO_RUBRIC_N_DIMENSIONS; i++)
    if (self->ratings[i] > 0)
      {
        json_builder_set_member_name (builder, plano_rubric_get_info (i)->id);
        json_builder_add_int_value (builder, self->ratings[i]);
      }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < PLANO_GUIDE_MAX_FOLLOW_UPS; i++)
    if (self->answers[i] != NULL)
      json_builder_add_string_value (builder, self->answers[i]);
    else
      json_builder_add_null_value (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "curveballs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->curveballs->len; i++)
    {
      const DrawnCurveball *drawn = &g_array_index (self->curveballs, DrawnCurveball, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, drawn->curveball->id);
      json_builder_set_member_name (builder, "step");
      json_builder_add_int_value (builder, drawn->step);
      json_builder_set_member_name (builder, "at");
      json_builder_add_double_value (builder, round (drawn->at * 1000) / 1000);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (self->start_board != NULL)
    {
      json_builder_set_member_name (builder, "start_board");
      json_builder_add_value (builder, json_node_copy (self->start_board));
    }

  json_builder_set_member_name (builder, "timeline");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->frames->len; i++)
    {
      const Frame *frame = g_ptr_array_index (self->frames, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "at");
      json_builder_add_double_value (builder, round (frame->at * 1000) / 1000);
      json_builder_set_member_name (builder, "step");
      json_builder_add_int_value (builder, frame->step);
      if (frame->label != NULL)
        {
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, frame->label);
        }
      json_builder_set_member_name (builder, "ops");
      json_builder_add_value (builder, json_node_copy (frame->ops));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError     **error,
      const char  *path,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: "interview.steps[2].spent: expected a number" */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: %s"), path, message);
  return FALSE;
}

static gboolean
get_number (JsonObject  *object,
            const char  *name,
            double       min,
            double       max,
            double      *out,
            const char  *path,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, name);
  double value;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return fail (error, where, "%s", _("expected a number"));

  value = json_node_get_double (node);
  if (!isfinite (value) || value < min || value > max)
    return fail (error, where, _("expected a number from %g to %g"), min, max);

  *out = value;
  return TRUE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *name,
            char       **out,
            const char  *path,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, where, "%s", _("expected a string"));

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *name,
           const char  *path,
           gboolean    *ok,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, name);

  *ok = TRUE;
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      *ok = fail (error, where, "%s", _("expected an array"));
      return NULL;
    }

  return json_node_get_array (node);
}

static gboolean
read_steps (PlanoInterview  *self,
            JsonObject      *root,
            GError         **error)
{
  gboolean ok;
  JsonArray *array = get_array (root, "steps", "interview", &ok, error);

  if (!ok)
    return FALSE;

  for (guint i = 0; array != NULL && i < MIN (json_array_get_length (array), PLANO_INTERVIEW_N_STEPS); i++)
    {
      g_autofree char *path = g_strdup_printf ("interview.steps[%u]", i);
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      JsonArray *checked;
      Step *step = &self->steps[i];

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, path, "%s", _("expected an object"));

      object = json_node_get_object (node);
      if (!get_number (object, "planned", 1, 24 * 3600, &step->planned, path, error) ||
          !get_number (object, "spent", 0, 1e7, &step->spent, path, error) ||
          !get_string (object, "notes", &step->notes, path, error))
        return FALSE;

      checked = get_array (object, "checked", path, &ok, error);
      if (!ok)
        return FALSE;
      for (guint j = 0; checked != NULL && j < json_array_get_length (checked); j++)
        {
          JsonNode *item = json_array_get_element (checked, j);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_INT64 &&
              json_node_get_int (item) >= 0 && json_node_get_int (item) < (gint64) checklist_length (i))
            step->checked |= 1u << json_node_get_int (item);
        }

      step->ended = step->spent >= step->planned;
    }

  return TRUE;
}

/* The level, the hints revealed, the ratings and the answers to the follow-ups. Values this
 * Plano does not know (a step or dimension of a later version) are skipped.
 */
static gboolean
read_feedback (PlanoInterview  *self,
               JsonObject      *root,
               GError         **error)
{
  g_autofree char *level = NULL;
  JsonNode *ratings;
  JsonArray *array;
  gboolean ok;

  if (!get_string (root, "level", &level, "interview", error))
    return FALSE;
  if (level != NULL && !plano_level_lookup (level, &self->level))
    return fail (error, "interview.level", _("unknown level “%s”: use mid, senior or staff"), level);

  array = get_array (root, "hints", "interview", &ok, error);
  if (!ok)
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *hint = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (hint) || json_node_get_value_type (hint) != G_TYPE_STRING)
        continue;
      for (int step = 0; step < PLANO_INTERVIEW_N_STEPS; step++)
        if (g_str_equal (json_node_get_string (hint), steps[step].id))
          self->hints |= 1u << step;
    }

  ratings = json_object_get_member (root, "ratings");
  if (ratings != NULL && !JSON_NODE_HOLDS_NULL (ratings))
    {
      if (!JSON_NODE_HOLDS_OBJECT (ratings))
        return fail (error, "interview.ratings", "%s", _("expected an object"));

      for (guint i = 0; i < PLANO_RUBRIC_N_DIMENSIONS; i++)
        {
          double score = 0;
          g_autofree char *path = g_strdup ("interview.ratings");

          if (!get_number (json_node_get_object (ratings), plano_rubric_get_info (i)->id,
                           1, PLANO_RUBRIC_MAX_SCORE, &score, path, error))
            return FALSE;
          self->ratings[i] = (int) score;
        }
    }

  array = get_array (root, "answers", "interview", &ok, error);
  if (!ok)
    return FALSE;
  for (guint i = 0; array != NULL && i < MIN (json_array_get_length (array), PLANO_GUIDE_MAX_FOLLOW_UPS); i++)
    {
      JsonNode *answer = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (answer) && json_node_get_value_type (answer) == G_TYPE_STRING &&
          json_node_get_string (answer)[0] != '\0')
        self->answers[i] = g_strdup (json_node_get_string (answer));
    }

  return TRUE;
}

/**
 * plano_interview_new_from_json:
 * @node: a board's "interview" member
 *
 * Returns: (transfer full) (nullable): the session, paused where it was saved, or %NULL with
 *   @error naming the place of the problem
 */
PlanoInterview *
plano_interview_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(PlanoInterview) self = plano_interview_new ();
  JsonObject *root;
  g_autofree char *state = NULL;
  double step = 0;
  double version = RECORD_VERSION;
  JsonArray *array;
  gboolean ok;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, "interview", "%s", _("expected an object"));
      return NULL;
    }

  root = json_node_get_object (node);

  if (!get_number (root, "version", 0, G_MAXINT, &version, "interview", error))
    return NULL;
  if (version > RECORD_VERSION)
    {
      fail (error, "interview.version", _("this record is version %g; this Plano reads version %d"),
            version, RECORD_VERSION);
      return NULL;
    }

  if (!get_string (root, "question", &self->question, "interview", error) ||
      !get_string (root, "prompt", &self->prompt, "interview", error) ||
      !get_string (root, "state", &state, "interview", error) ||
      !get_number (root, "step", 0, PLANO_INTERVIEW_N_STEPS - 1, &step, "interview", error) ||
      !read_steps (self, root, error))
    return NULL;

  self->step = (int) step;
  self->auto_advance = json_object_get_boolean_member_with_default (root, "auto_advance", FALSE);

  self->state = PLANO_INTERVIEW_IDLE;
  for (guint i = 0; state != NULL && i < G_N_ELEMENTS (state_names); i++)
    if (g_str_equal (state, state_names[i]))
      self->state = i;
  /* Nobody is at the keyboard when a file opens: a running session comes back paused. */
  if (self->state == PLANO_INTERVIEW_RUNNING)
    self->state = PLANO_INTERVIEW_PAUSED;

  array = get_array (root, "rubric", "interview", &ok, error);
  if (!ok)
    return NULL;
  for (guint i = 0; array != NULL && i < MIN (json_array_get_length (array), PLANO_INTERVIEW_N_MASTERY); i++)
    {
      JsonNode *score = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (score) && json_node_get_value_type (score) == G_TYPE_INT64)
        self->scores[i] = CLAMP (json_node_get_int (score), 0, 3);
    }

  if (!read_feedback (self, root, error))
    return NULL;

  array = get_array (root, "curveballs", "interview", &ok, error);
  if (!ok)
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      DrawnCurveball drawn = { NULL, 0, 0 };

      if (object == NULL)
        continue;
      drawn.curveball = plano_interview_lookup_curveball (json_object_get_string_member_with_default (object, "id", ""));
      drawn.step = CLAMP (json_object_get_int_member_with_default (object, "step", 0), 0, PLANO_INTERVIEW_N_STEPS - 1);
      drawn.at = json_object_get_double_member_with_default (object, "at", 0);
      if (drawn.curveball != NULL)
        g_array_append_val (self->curveballs, drawn);
    }

  if (json_object_has_member (root, "start_board") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "start_board")))
    self->start_board = json_node_copy (json_object_get_member (root, "start_board"));

  array = get_array (root, "timeline", "interview", &ok, error);
  if (!ok)
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      JsonNode *ops = object != NULL ? json_object_get_member (object, "ops") : NULL;
      Frame *frame;

      if (ops == NULL || !JSON_NODE_HOLDS_ARRAY (ops))
        {
          g_autofree char *path = g_strdup_printf ("interview.timeline[%u]", i);

          fail (error, path, "%s", _("expected an object with an array of ops"));
          return NULL;
        }

      frame = g_new0 (Frame, 1);
      frame->at = json_object_get_double_member_with_default (object, "at", 0);
      frame->step = CLAMP (json_object_get_int_member_with_default (object, "step", 0), 0, PLANO_INTERVIEW_N_STEPS - 1);
      frame->label = g_strdup (json_object_get_string_member_with_default (object, "label", NULL));
      frame->ops = json_node_copy (ops);
      g_ptr_array_add (self->frames, frame);
    }

  return g_steal_pointer (&self);
}

/* The progress history: one line of JSON per finished session, in the user's data folder */

/**
 * plano_interview_to_history_entry:
 * @title: (nullable): the board's title
 * @when: when the session finished
 *
 * Returns: (transfer full): what the progress view keeps of the session's time and checklists;
 *   plano_report_to_history_entry() adds its scores
 */
JsonNode *
plano_interview_to_history_entry (PlanoInterview *self,
                                  const char     *title,
                                  GDateTime      *when)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *date = g_date_time_format_iso8601 (when);
  double overtime = 0;

  g_return_val_if_fail (PLANO_IS_INTERVIEW (self), NULL);

  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    overtime += plano_interview_get_overtime (self, i);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  if (self->question != NULL)
    {
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, self->question);
    }
  if (title != NULL)
    {
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
    }
  json_builder_set_member_name (builder, "planned");
  json_builder_add_double_value (builder, plano_interview_get_total_planned (self));
  json_builder_set_member_name (builder, "spent");
  json_builder_add_double_value (builder, round (plano_interview_get_total_spent (self)));
  json_builder_set_member_name (builder, "overtime");
  json_builder_add_double_value (builder, round (overtime));
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, steps[i].id);
      json_builder_set_member_name (builder, "planned");
      json_builder_add_double_value (builder, plano_interview_get_planned (self, i));
      json_builder_set_member_name (builder, "spent");
      json_builder_add_double_value (builder, round (plano_interview_get_spent (self, i)));
      json_builder_set_member_name (builder, "coverage");
      json_builder_add_double_value (builder, round (plano_interview_get_coverage (self, i) * 100) / 100);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * plano_interview_history_append:
 * @path: the history file, such as ~/.local/share/plano/history.jsonl
 *
 * Appends @entry as one line, creating the file and its folder when needed.
 */
gboolean
plano_interview_history_append (const char  *path,
                                JsonNode    *entry,
                                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *line = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *text = json_to_string (entry, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  stream = g_file_append_to (file, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL)
    return FALSE;

  line = g_strconcat (text, "\n", NULL);
  return g_output_stream_write_all (G_OUTPUT_STREAM (stream), line, strlen (line), NULL, NULL, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/**
 * plano_interview_history_load:
 *
 * Reads the history file; lines that are not a JSON object are skipped. A missing file is an
 * empty history.
 *
 * Returns: (transfer full) (element-type JsonNode): the entries, oldest first
 */
GPtrArray *
plano_interview_history_load (const char  *path,
                              GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) read_error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  if (!g_file_get_contents (path, &contents, NULL, &read_error))
    {
      if (!g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&read_error));
          g_ptr_array_unref (entries);
          return NULL;
        }
      return entries;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      JsonNode *node;

      if (lines[i][0] == '\0' || !g_utf8_validate (lines[i], -1, NULL))
        continue;
      node = json_from_string (lines[i], NULL);
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        g_ptr_array_add (entries, node);
      else if (node != NULL)
        json_node_unref (node);
    }

  return entries;
}
