/* test-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The feedback report of an interview session on a fake clock: the proposed score of each
 * rubric dimension and its evidence, the must-haves, the level's calibration, what to
 * practise next; the record of hints, level, ratings and answers saved with the board; the
 * progress history and the choice of the next question.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "plano-format.h"
#include "plano-notes.h"
#include "plano-report.h"
#include "plano-review.h"
#include "plano-templates.h"

typedef struct
{
  gint64 now;
} FakeClock;

static gint64
fake_clock (gpointer user_data)
{
  return ((FakeClock *) user_data)->now;
}

static PlanoInterview *
new_session (FakeClock  *clock,
             const char *question)
{
  PlanoInterview *interview = plano_interview_new ();

  clock->now = G_GINT64_CONSTANT (1000) * G_USEC_PER_SEC;
  plano_interview_set_clock (interview, fake_clock, clock);
  plano_interview_set_question (interview, question);
  return interview;
}

static guint
checklist_length (int step)
{
  const PlanoInterviewStep *info = &plano_interview_get_steps ()[step];
  guint n = 0;

  while (n < G_N_ELEMENTS (info->checklist) && info->checklist[n] != NULL)
    n++;

  return n;
}

/* A session that spends @fraction of each step's planned time, ticks every item of the
 * checklists, and writes notes with figures in every step.
 */
static void
run_session (PlanoInterview *interview,
             FakeClock      *clock,
             PlanoBoard     *board,
             double          fraction,
             gboolean        diligent)
{
  plano_interview_start (interview, board);
  for (int step = 0; step < PLANO_INTERVIEW_N_STEPS; step++)
    {
      clock->now += (gint64) (plano_interview_get_planned (interview, step) * fraction * G_USEC_PER_SEC);
      plano_interview_tick (interview);
      if (diligent)
        {
          for (guint item = 0; item < checklist_length (step); item++)
            plano_interview_set_checked (interview, step, item, TRUE);
          plano_interview_set_notes (interview, step,
                                     "150 000 events/s at peak, 1 KB each: 150 MB/s, 48 partitions.");
        }
      if (step < PLANO_INTERVIEW_N_STEPS - 1)
        plano_interview_next (interview);
    }
  plano_interview_finish (interview);
}

static void
test_strong_session (void)
{
  FakeClock clock;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_solution_load ("clickstream-analytics", &error);
  g_autoptr(PlanoInterview) interview = new_session (&clock, "clickstream-analytics");
  g_autoptr(PlanoReport) report = NULL;
  PlanoGrade *grade;
  const PlanoPractice *practice;

  g_assert_no_error (error);
  run_session (interview, &clock, board, 0.9, TRUE);
  for (guint i = 0; i < 4; i++)
    plano_interview_set_answer (interview, i, "Restart from the checkpoint and replay Kafka.");

  report = plano_report_new (interview, board, NULL);
  grade = plano_report_get_grade (report);
  g_assert_nonnull (grade);
  g_assert_cmpuint (plano_grade_get_n_covered (grade), ==, plano_grade_get_n_items (grade));
  g_assert_cmpuint (plano_report_get_n_answered (report), ==, 4);
  g_assert_cmpuint (plano_report_get_n_follow_ups (report), ==, 4);

  /* Everything ticked with notes and figures, every must-have, four reasoned trade-offs and no
   * hint: full marks where the evidence is complete. */
  g_assert_cmpint (plano_report_get_proposed (report, PLANO_RUBRIC_REQUIREMENTS), ==, 4);
  g_assert_cmpint (plano_report_get_proposed (report, PLANO_RUBRIC_ESTIMATION), ==, 4);
  g_assert_cmpint (plano_report_get_proposed (report, PLANO_RUBRIC_HIGH_LEVEL), ==, 4);
  g_assert_cmpint (plano_report_get_proposed (report, PLANO_RUBRIC_DATA_MODEL), ==, 4);
  g_assert_cmpint (plano_report_get_proposed (report, PLANO_RUBRIC_DEEP_DIVE), ==, 4);
  g_assert_cmpint (plano_report_get_proposed (report, PLANO_RUBRIC_TRADEOFFS), ==, 4);
  g_assert_cmpint (plano_report_get_proposed (report, PLANO_RUBRIC_COMMUNICATION), ==, 4);
  g_assert_nonnull (strstr (plano_report_get_evidence (report, PLANO_RUBRIC_TRADEOFFS), "3 of 3 trade-offs"));
  g_assert_nonnull (strstr (plano_report_get_evidence (report, PLANO_RUBRIC_HIGH_LEVEL), "must-haves on the board"));

  /* The candidate's own score counts over the proposal. */
  plano_interview_set_rating (interview, PLANO_RUBRIC_ESTIMATION, 2);
  g_assert_cmpint (plano_report_get_score (report, PLANO_RUBRIC_ESTIMATION), ==, 2);
  g_assert_cmpint (plano_report_get_proposed (report, PLANO_RUBRIC_ESTIMATION), ==, 4);

  practice = plano_report_get_practice (report);
  g_assert_nonnull (practice->text);
  g_assert_true (g_str_has_prefix (practice->text, "Practise next: "));
  g_assert_cmpstr (practice->question_id, !=, "clickstream-analytics");
}

static void
test_weak_session (void)
{
  FakeClock clock;
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoInterview) interview = new_session (&clock, "clickstream-analytics");
  g_autoptr(PlanoReport) report = NULL;
  g_autofree char *practice_question = NULL;

  /* A rushed session on an empty board, three hints, no ticks, no notes, no trade-offs. */
  plano_interview_reveal_hint (interview, 0);
  plano_interview_reveal_hint (interview, 2);
  plano_interview_reveal_hint (interview, 3);
  plano_interview_reveal_hint (interview, 3);
  g_assert_cmpuint (plano_interview_get_n_hints_revealed (interview), ==, 3);
  run_session (interview, &clock, board, 0.2, FALSE);

  report = plano_report_new (interview, board, NULL);
  g_assert_cmpuint (plano_grade_get_n_covered (plano_report_get_grade (report)), ==, 0);
  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    {
      g_test_message ("dimension %s: %d", plano_rubric_get_info (d)->id, plano_report_get_proposed (report, d));
      g_assert_cmpint (plano_report_get_proposed (report, d), >=, 1);
      g_assert_cmpint (plano_report_get_proposed (report, d), <=, 2);
      g_assert_nonnull (plano_report_get_evidence (report, d));
    }
  g_assert_cmpint (plano_report_get_proposed (report, PLANO_RUBRIC_TRADEOFFS), ==, 1);
  /* Three steps cut short and three hints: communication and time is marked down twice. */
  g_assert_cmpint (plano_report_get_proposed (report, PLANO_RUBRIC_COMMUNICATION), ==, 2);
  g_assert_nonnull (strstr (plano_report_get_evidence (report, PLANO_RUBRIC_COMMUNICATION), "3 hints used"));
  g_assert_nonnull (strstr (plano_report_get_evidence (report, PLANO_RUBRIC_REQUIREMENTS), "cut short"));
}

/* A mid-level candidate is held to less in the deep dive, a staff candidate to more in the
 * trade-offs, for the same session. */
static void
test_levels (void)
{
  FakeClock clock;
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoInterview) interview = new_session (&clock, "clickstream-analytics");
  int senior_deep, senior_tradeoffs;

  plano_board_add_node (board, "kafka", 0, 0);
  run_session (interview, &clock, board, 0.9, TRUE);
  {
    g_autoptr(PlanoReport) senior = plano_report_new (interview, board, NULL);

    senior_deep = plano_report_get_proposed (senior, PLANO_RUBRIC_DEEP_DIVE);
    senior_tradeoffs = plano_report_get_proposed (senior, PLANO_RUBRIC_TRADEOFFS);
  }

  plano_interview_set_level (interview, PLANO_LEVEL_MID);
  {
    g_autoptr(PlanoReport) mid = plano_report_new (interview, board, NULL);

    g_assert_cmpint (plano_report_get_proposed (mid, PLANO_RUBRIC_DEEP_DIVE), ==, MIN (senior_deep + 1, 4));
    g_assert_cmpint (plano_report_get_proposed (mid, PLANO_RUBRIC_TRADEOFFS), ==, senior_tradeoffs);
  }

  plano_interview_set_level (interview, PLANO_LEVEL_STAFF);
  {
    g_autoptr(PlanoReport) staff = plano_report_new (interview, board, NULL);

    g_assert_cmpint (senior_tradeoffs, ==, 1);
    g_assert_cmpint (plano_report_get_proposed (staff, PLANO_RUBRIC_TRADEOFFS), ==, 1);
    g_assert_cmpint (plano_report_get_proposed (staff, PLANO_RUBRIC_DEEP_DIVE), ==, senior_deep);
  }
}

static void
test_record_round_trip (void)
{
  FakeClock clock;
  g_autoptr(PlanoInterview) interview = new_session (&clock, "clickstream-analytics");
  g_autoptr(PlanoInterview) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  g_assert_true (plano_interview_is_blank (interview) == FALSE);
  g_assert_cmpint (plano_interview_get_level (interview), ==, PLANO_LEVEL_SENIOR);
  plano_interview_set_level (interview, PLANO_LEVEL_STAFF);
  plano_interview_reveal_hint (interview, 4);
  plano_interview_set_rating (interview, PLANO_RUBRIC_DEEP_DIVE, 3);
  plano_interview_set_rating (interview, PLANO_RUBRIC_TRADEOFFS, 9);
  plano_interview_set_answer (interview, 1, "Replay from the log.");
  plano_interview_set_answer (interview, 2, "");

  node = plano_interview_to_json (interview);
  json = json_to_string (node, FALSE);
  g_assert_nonnull (strstr (json, "\"level\":\"staff\""));
  g_assert_nonnull (strstr (json, "\"hints\":[\"scalability\"]"));
  g_assert_nonnull (strstr (json, "\"ratings\":{\"deep-dive\":3,\"tradeoffs\":4}"));
  g_assert_nonnull (strstr (json, "\"answers\":[null,\"Replay from the log.\",null,null,null]"));

  back = plano_interview_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plano_interview_get_level (back), ==, PLANO_LEVEL_STAFF);
  g_assert_true (plano_interview_get_hint_revealed (back, 4));
  g_assert_false (plano_interview_get_hint_revealed (back, 3));
  g_assert_cmpint (plano_interview_get_rating (back, PLANO_RUBRIC_DEEP_DIVE), ==, 3);
  g_assert_cmpint (plano_interview_get_rating (back, PLANO_RUBRIC_TRADEOFFS), ==, 4);
  g_assert_cmpint (plano_interview_get_rating (back, PLANO_RUBRIC_REQUIREMENTS), ==, 0);
  g_assert_cmpstr (plano_interview_get_answer (back, 1), ==, "Replay from the log.");
  g_assert_null (plano_interview_get_answer (back, 2));

  plano_interview_reset (back);
  g_assert_false (plano_interview_get_hint_revealed (back, 4));
  g_assert_null (plano_interview_get_answer (back, 1));
  g_assert_cmpint (plano_interview_get_rating (back, PLANO_RUBRIC_DEEP_DIVE), ==, 0);
}

static void
test_bad_record (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"level\": \"principal\"}", "interview.level: unknown level “principal”: use mid, senior or staff" },
    { "{\"ratings\": [3]}", "interview.ratings: expected an object" },
    { "{\"ratings\": {\"deep-dive\": 5}}", "interview.ratings.deep-dive: expected a number from 1 to 4" },
    { "{\"answers\": \"yes\"}", "interview.answers: expected an array" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanoInterview) interview = plano_interview_new_from_json (node, &error);

      g_assert_null (interview);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_history_and_practice (void)
{
  FakeClock clock;
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoInterview) interview = new_session (&clock, "clickstream-analytics");
  g_autoptr(PlanoReport) report = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 12, 4, 10, 0, 0);
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autofree char *json = NULL;
  g_autofree char *reason = NULL;
  const PlanoQuestion *next;

  g_assert_null (plano_report_choose_practice (history, NULL));

  plano_board_add_node (board, "kafka", 0, 0);
  run_session (interview, &clock, board, 0.9, TRUE);
  report = plano_report_new (interview, board, NULL);
  entry = plano_report_to_history_entry (report, "Clicks", when);
  json = json_to_string (entry, FALSE);
  g_assert_nonnull (strstr (json, "\"level\":\"senior\""));
  g_assert_nonnull (strstr (json, "\"ratings\":{\"requirements\":4,"));
  g_assert_nonnull (strstr (json, "\"covered\":0"));
  g_assert_nonnull (strstr (json, "\"missed\":[\"durable-log\","));
  /* The mastery checklist is no longer the session's score. */
  g_assert_null (strstr (json, "\"score\""));
  g_assert_null (strstr (json, "\"max_score\""));

  g_ptr_array_add (history, json_node_ref (entry));
  next = plano_report_choose_practice (history, &reason);
  g_assert_nonnull (next);
  g_assert_nonnull (reason);
  g_test_message ("%s: %s", next->id, reason);
  g_assert_true (g_str_has_prefix (reason, "Practise next: "));
  /* The weakest dimension is named, and the question chosen asks for what was missed. */
  g_assert_nonnull (strstr (reason, next->title));
}

/* The progress view lists the must-haves missed most often, with their texts. */
static void
test_missed_most (void)
{
  static const char *lines[] = {
    "{\"date\": \"2026-12-01T10:00:00Z\", \"missed\": [\"olap\", \"sessionize\"]}",
    "{\"date\": \"2026-12-02T10:00:00Z\", \"missed\": [\"sessionize\", \"no-such-capability\"]}",
    "{\"date\": \"2026-12-03T10:00:00Z\", \"score\": 12, \"max_score\": 30}",
    "{\"date\": \"2026-12-04T10:00:00Z\", \"missed\": [\"sessionize\", \"late-events\", \"olap\"]}",
  };
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GArray) missed = NULL;
  const PlanoMustHave *must_have;

  must_have = plano_report_find_must_have ("durable-log");
  g_assert_nonnull (must_have);
  g_assert_cmpstr (must_have->text, ==, "A durable log between the sources and storage");
  g_assert_nonnull (must_have->why);
  g_assert_null (plano_report_find_must_have ("no-such-capability"));
  g_assert_null (plano_report_find_must_have (NULL));

  missed = plano_report_count_missed (history);
  g_assert_cmpuint (missed->len, ==, 0);
  g_clear_pointer (&missed, g_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_ptr_array_add (history, json_from_string (lines[i], NULL));

  /* Most often first, equal counts by id; an id no guide knows is left out. */
  missed = plano_report_count_missed (history);
  g_assert_cmpuint (missed->len, ==, 3);
  g_assert_cmpstr (g_array_index (missed, PlanoMissed, 0).must_have->id, ==, "sessionize");
  g_assert_cmpuint (g_array_index (missed, PlanoMissed, 0).count, ==, 3);
  g_assert_cmpstr (g_array_index (missed, PlanoMissed, 1).must_have->id, ==, "olap");
  g_assert_cmpuint (g_array_index (missed, PlanoMissed, 1).count, ==, 2);
  g_assert_cmpstr (g_array_index (missed, PlanoMissed, 1).must_have->text, ==, "An OLAP store for sub-second dashboards");
  g_assert_cmpstr (g_array_index (missed, PlanoMissed, 2).must_have->id, ==, "late-events");
  g_assert_cmpuint (g_array_index (missed, PlanoMissed, 2).count, ==, 1);
}

/* The study notes of a finished session carry the feedback, and after it the design review and
 * the load on each component, the same as the notes of the board without a session. */
static void
test_notes_review (void)
{
  FakeClock clock;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_template_load ("realtime-analytics", &error);
  g_autoptr(PlanoInterview) interview = new_session (&clock, "clickstream-analytics");
  g_autoptr(PlanoReview) review = NULL;
  g_autoptr(JsonNode) record = NULL;
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;
  const char *review_part;
  GPtrArray *findings;

  g_assert_no_error (error);
  without = plano_notes_to_markdown (board, NULL);
  review_part = strstr (without, "## Design Review");
  g_assert_nonnull (review_part);
  g_assert_nonnull (strstr (review_part, "## Capacity"));

  run_session (interview, &clock, board, 0.9, TRUE);
  record = plano_interview_to_json (interview);
  plano_board_set_interview (board, record);
  with = plano_notes_to_markdown (board, NULL);

  g_assert_nonnull (strstr (with, "## Feedback"));
  g_assert_true (g_str_has_suffix (with, review_part));
  g_assert_null (strstr (strstr (with, "## Design Review") + 1, "## Design Review"));

  review = plano_review_new (board, NULL);
  findings = plano_review_get_findings (review);
  g_assert_cmpuint (findings->len, >, 0);
  for (guint i = 0; i < findings->len; i++)
    g_assert_nonnull (strstr (review_part, ((const PlanoFinding *) g_ptr_array_index (findings, i))->message));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/report/strong-session", test_strong_session);
  g_test_add_func ("/plano/report/weak-session", test_weak_session);
  g_test_add_func ("/plano/report/levels", test_levels);
  g_test_add_func ("/plano/report/record-round-trip", test_record_round_trip);
  g_test_add_func ("/plano/report/bad-record", test_bad_record);
  g_test_add_func ("/plano/report/history-and-practice", test_history_and_practice);
  g_test_add_func ("/plano/report/missed-most", test_missed_most);
  g_test_add_func ("/plano/report/notes-review", test_notes_review);

  return g_test_run ();
}
