/* test-interview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interview session on a fake clock: steps, pause, overtime, reset, finishing, the record
 * saved with the board and read back; the question bank; frames and the replay; the history.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "plano-format.h"
#include "plano-interview.h"

typedef struct
{
  gint64 now;
} FakeClock;

static gint64
fake_clock (gpointer user_data)
{
  return ((FakeClock *) user_data)->now;
}

static void
advance (FakeClock *clock,
         double     seconds)
{
  clock->now += (gint64) (seconds * G_USEC_PER_SEC);
}

static PlanoInterview *
new_session (FakeClock *clock)
{
  PlanoInterview *interview = plano_interview_new ();

  clock->now = G_GINT64_CONSTANT (1000) * G_USEC_PER_SEC;
  plano_interview_set_clock (interview, fake_clock, clock);
  return interview;
}

static void
step_ended_cb (PlanoInterview *interview,
               int             step,
               GArray         *ended)
{
  g_array_append_val (ended, step);
}

/* 301 s into the 5-minute requirements step: one second of overtime. */
static void
test_overtime (void)
{
  FakeClock clock;
  g_autoptr(PlanoInterview) interview = new_session (&clock);
  g_autoptr(GArray) ended = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *shown = NULL;

  g_signal_connect (interview, "step-ended", G_CALLBACK (step_ended_cb), ended);

  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_IDLE);
  g_assert_cmpfloat (plano_interview_get_planned (interview, 0), ==, 300);
  g_assert_cmpfloat (plano_interview_get_total_planned (interview), ==, 50 * 60);

  plano_interview_start (interview, NULL);
  advance (&clock, 240);
  plano_interview_tick (interview);
  g_assert_cmpfloat (plano_interview_get_remaining (interview, 0), ==, 60);
  shown = plano_interview_format_time (plano_interview_get_remaining (interview, 0));
  g_assert_cmpstr (shown, ==, "1:00");
  g_assert_cmpuint (ended->len, ==, 0);

  advance (&clock, 61);
  plano_interview_tick (interview);
  g_assert_cmpfloat (plano_interview_get_spent (interview, 0), ==, 301);
  g_assert_cmpfloat (plano_interview_get_overtime (interview, 0), ==, 1);
  g_clear_pointer (&shown, g_free);
  shown = plano_interview_format_time (plano_interview_get_remaining (interview, 0));
  g_assert_cmpstr (shown, ==, "−0:01");
  g_assert_cmpuint (ended->len, ==, 1);
  g_assert_cmpint (g_array_index (ended, int, 0), ==, 0);

  /* Once per step, and without auto-advance the step stays. */
  advance (&clock, 10);
  plano_interview_tick (interview);
  g_assert_cmpuint (ended->len, ==, 1);
  g_assert_cmpint (plano_interview_get_step (interview), ==, 0);
}

static void
test_pause_next_previous_reset (void)
{
  FakeClock clock;
  g_autoptr(PlanoInterview) interview = new_session (&clock);

  plano_interview_start (interview, NULL);
  advance (&clock, 100);
  plano_interview_pause (interview);
  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_PAUSED);

  /* Paused: time stands still. */
  advance (&clock, 500);
  g_assert_cmpfloat (plano_interview_get_spent (interview, 0), ==, 100);

  plano_interview_resume (interview);
  advance (&clock, 20);
  plano_interview_next (interview);
  g_assert_cmpint (plano_interview_get_step (interview), ==, 1);
  advance (&clock, 30);
  g_assert_cmpfloat (plano_interview_get_spent (interview, 0), ==, 120);
  g_assert_cmpfloat (plano_interview_get_spent (interview, 1), ==, 30);

  /* Back to the first step: both keep their time, and it counts on the first again. */
  plano_interview_previous (interview);
  advance (&clock, 5);
  g_assert_cmpfloat (plano_interview_get_spent (interview, 0), ==, 125);
  g_assert_cmpfloat (plano_interview_get_spent (interview, 1), ==, 30);
  g_assert_cmpfloat (plano_interview_get_total_spent (interview), ==, 155);

  plano_interview_set_notes (interview, 0, "Latency under 1 s");
  plano_interview_set_checked (interview, 0, 1, TRUE);
  plano_interview_set_score (interview, 0, 2);
  plano_interview_reset (interview);
  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_IDLE);
  g_assert_cmpint (plano_interview_get_step (interview), ==, 0);
  g_assert_cmpfloat (plano_interview_get_total_spent (interview), ==, 0);
  g_assert_null (plano_interview_get_notes (interview, 0));
  g_assert_false (plano_interview_get_checked (interview, 0, 1));
  g_assert_cmpint (plano_interview_get_score (interview, 0), ==, -1);

  /* After a reset there is nothing to keep; a note before any start is something. */
  g_assert_true (plano_interview_is_blank (interview));
  plano_interview_set_notes (interview, 1, "10 M DAU × 50 events");
  g_assert_false (plano_interview_is_blank (interview));
}

/* A whole 50-minute session, each step on time except the detailed design (2 minutes over),
 * with auto-advance: it finishes by itself with the total and each step recorded.
 */
static void
test_full_session (void)
{
  FakeClock clock;
  g_autoptr(PlanoInterview) interview = new_session (&clock);
  g_autoptr(GArray) ended = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 25, 10, 0, 0);
  JsonObject *object;

  g_signal_connect (interview, "step-ended", G_CALLBACK (step_ended_cb), ended);
  plano_interview_set_auto_advance (interview, TRUE);
  plano_interview_start (interview, NULL);

  for (int step = 0; step < PLANO_INTERVIEW_N_STEPS; step++)
    {
      g_assert_cmpint (plano_interview_get_step (interview), ==, step);
      if (step == 3)
        {
          plano_interview_set_auto_advance (interview, FALSE);
          advance (&clock, plano_interview_get_planned (interview, step) + 120);
          plano_interview_tick (interview);
          plano_interview_set_auto_advance (interview, TRUE);
          plano_interview_next (interview);
          continue;
        }
      advance (&clock, plano_interview_get_planned (interview, step));
      plano_interview_tick (interview);
    }

  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_FINISHED);
  g_assert_cmpuint (ended->len, ==, 6);
  g_assert_cmpfloat (plano_interview_get_total_spent (interview), ==, 52 * 60);
  g_assert_cmpfloat (plano_interview_get_overtime (interview, 3), ==, 120);
  g_assert_cmpfloat (plano_interview_get_spent (interview, 5), ==, 300);

  /* Finished: the clock no longer runs. */
  advance (&clock, 1000);
  g_assert_cmpfloat (plano_interview_get_total_spent (interview), ==, 52 * 60);

  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    plano_interview_set_score (interview, i, i % 4);
  g_assert_cmpint (plano_interview_get_rubric_total (interview), ==, 0 + 1 + 2 + 3 + 0 + 1 + 2 + 3 + 0 + 1);

  entry = plano_interview_to_history_entry (interview, "Clickstream", when);
  object = json_node_get_object (entry);
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2026-11-25T10:00:00Z");
  /* The self-assessment is not the session's score: the report's rubric is. */
  g_assert_false (json_object_has_member (object, "score"));
  g_assert_false (json_object_has_member (object, "max_score"));
  g_assert_cmpfloat (json_object_get_double_member (object, "overtime"), ==, 120);
  g_assert_cmpfloat (json_object_get_double_member (object, "spent"), ==, 3120);
}

/* Saved while running, read back paused where it was, with everything the user entered. */
static void
test_round_trip (void)
{
  FakeClock clock;
  g_autoptr(PlanoInterview) interview = new_session (&clock);
  g_autoptr(PlanoInterview) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoBoard) reread = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;
  int step;
  double at;

  plano_interview_set_question (interview, "clickstream-analytics");
  plano_interview_set_planned (interview, 2, 420);
  plano_interview_start (interview, board);
  advance (&clock, 200);
  plano_interview_next (interview);
  advance (&clock, 45.5);
  plano_interview_set_notes (interview, 1, "50 000 events/s at peak\n4 TB/day");
  plano_interview_set_checked (interview, 1, 0, TRUE);
  plano_interview_set_checked (interview, 1, 3, TRUE);
  plano_interview_set_score (interview, 4, 3);
  g_assert_nonnull (plano_interview_draw_curveball (interview, 2));

  /* Through the board's file, as the app saves it. */
  node = plano_interview_to_json (interview);
  plano_board_set_interview (board, node);
  text = plano_format_write (board, &length);
  reread = plano_format_read (text, length, NULL, &error);
  g_assert_no_error (error);

  copy = plano_interview_new_from_json (plano_board_get_interview (reread), &error);
  g_assert_no_error (error);
  g_assert_cmpint (plano_interview_get_state (copy), ==, PLANO_INTERVIEW_PAUSED);
  g_assert_cmpint (plano_interview_get_step (copy), ==, 1);
  g_assert_cmpstr (plano_interview_get_question (copy), ==, "clickstream-analytics");
  g_assert_cmpfloat (plano_interview_get_planned (copy, 2), ==, 420);
  g_assert_cmpfloat (plano_interview_get_spent (copy, 0), ==, 200);
  g_assert_cmpfloat (plano_interview_get_spent (copy, 1), ==, 45.5);
  g_assert_cmpstr (plano_interview_get_notes (copy, 1), ==, "50 000 events/s at peak\n4 TB/day");
  g_assert_true (plano_interview_get_checked (copy, 1, 0));
  g_assert_false (plano_interview_get_checked (copy, 1, 1));
  g_assert_true (plano_interview_get_checked (copy, 1, 3));
  g_assert_cmpint (plano_interview_get_score (copy, 4), ==, 3);
  g_assert_cmpint (plano_interview_get_score (copy, 5), ==, -1);
  g_assert_cmpuint (plano_interview_get_n_curveballs_drawn (copy), ==, 1);
  g_assert_nonnull (plano_interview_get_curveball_drawn (copy, 0, &step, &at));
  g_assert_cmpint (step, ==, 1);
  g_assert_cmpfloat (at, ==, 245.5);

  /* Written again, the same record. */
  again = plano_interview_to_json (copy);
  first = json_to_string (node, FALSE);
  second = json_to_string (again, FALSE);
  g_assert_cmpstr (first, ==, second);

  /* Paused on reopening: time does not pass until the user resumes. */
  plano_interview_set_clock (copy, fake_clock, &clock);
  advance (&clock, 60);
  g_assert_cmpfloat (plano_interview_get_spent (copy, 1), ==, 45.5);
  plano_interview_resume (copy);
  advance (&clock, 10);
  g_assert_cmpfloat (plano_interview_get_spent (copy, 1), ==, 55.5);
}

static void
test_bad_records (void)
{
  static const char *bad[][2] = {
    { "[]", "interview: expected an object" },
    { "{\"steps\": 3}", "interview.steps: expected an array" },
    { "{\"steps\": [{\"planned\": \"five\"}]}", "interview.steps[0].planned: expected a number" },
    { "{\"steps\": [{}, {\"spent\": -4}]}", "interview.steps[1].spent: expected a number from 0 to" },
    { "{\"step\": 9}", "interview.step: expected a number from 0 to 5" },
    { "{\"version\": 7}", "interview.version: this record is version 7" },
    { "{\"timeline\": [{\"at\": 1}]}", "interview.timeline[0]: expected an object with an array of ops" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i][0], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanoInterview) interview = plano_interview_new_from_json (node, &error);

      g_assert_null (interview);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, bad[i][1]))
        g_error ("%s gave “%s”", bad[i][0], error->message);
    }
}

static void
record_cb (PlanoBoard     *board,
           PlanoChange    *change,
           PlanoInterview *interview)
{
  plano_interview_record_change (interview, board, change, NULL);
}

static void
committed_cb (PlanoHistory   *history,
              PlanoChange    *change,
              const char     *label,
              PlanoInterview *interview)
{
  plano_interview_record_change (interview, plano_history_get_board (history), change, label);
}

/* The timeline follows the history, as the window wires it: a drag that moves a component
 * on every motion event is one frame, an undo and a redo are one each, a cancelled drag is
 * none; and the replay after the last frame is the board. */
static void
test_frames_follow_history (void)
{
  FakeClock clock;
  g_autoptr(PlanoInterview) interview = new_session (&clock);
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  const char *label;

  g_signal_connect (history, "committed", G_CALLBACK (committed_cb), interview);
  plano_interview_start (interview, board);

  plano_board_add_node (board, "kafka", 0, 0);
  g_assert_cmpuint (plano_interview_get_n_frames (interview), ==, 1);

  plano_history_begin (history, "Move");
  for (int i = 0; i < 50; i++)
    plano_board_move_items (board, (const char *[]) { "kafka-1", NULL }, 2, 1);
  plano_history_commit (history);
  g_assert_cmpuint (plano_interview_get_n_frames (interview), ==, 2);
  g_assert_true (plano_interview_get_frame (interview, 1, NULL, NULL, &label));
  g_assert_cmpstr (label, ==, "Move");

  plano_history_begin (history, "Move");
  plano_board_move_items (board, (const char *[]) { "kafka-1", NULL }, 300, 0);
  plano_history_cancel (history);
  g_assert_cmpuint (plano_interview_get_n_frames (interview), ==, 2);

  g_assert_true (plano_history_undo (history));
  g_assert_cmpuint (plano_interview_get_n_frames (interview), ==, 3);
  g_assert_true (plano_history_redo (history));
  g_assert_true (plano_history_undo (history));
  g_assert_true (plano_history_undo (history));
  g_assert_cmpuint (plano_interview_get_n_frames (interview), ==, 6);

  /* After everything was undone the replay's end is the empty board, as the document is. */
  {
    g_autoptr(PlanoBoard) replay = plano_interview_build_replay (interview, 6);
    g_autofree char *expected = plano_format_write (board, NULL);
    g_autofree char *text = plano_format_write (replay, NULL);

    g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_NODE), ==, 0);
    g_assert_cmpstr (text, ==, expected);
  }
  {
    g_autoptr(PlanoBoard) replay = plano_interview_build_replay (interview, 2);
    const PlanoNode *node = plano_board_lookup_node (replay, "kafka-1");

    g_assert_nonnull (node);
    g_assert_cmpfloat (node->x, ==, 100);
    g_assert_cmpfloat (node->y, ==, 50);
  }
}

/* Every change during a running session carries its step; the replay at N equals the board
 * after N changes, and the document is left alone.
 */
static void
test_frames_and_replay (void)
{
  FakeClock clock;
  g_autoptr(PlanoInterview) interview = new_session (&clock);
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PlanoInterview) reread = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  PlanoProp replicas = { (char *) "replicas", PLANO_VALUE_NUMBER, 3, NULL, FALSE };
  const char *label;
  double at;
  int step;

  /* Before the session: not recorded, but part of the starting point. */
  plano_board_add_node (board, "app", 0, 0);
  g_signal_connect (board, "changed", G_CALLBACK (record_cb), interview);

  plano_interview_start (interview, board);
  g_ptr_array_add (states, plano_format_write (board, NULL));

  advance (&clock, 30);
  plano_board_add_node (board, "kafka", 200, 0);
  g_ptr_array_add (states, plano_format_write (board, NULL));

  plano_interview_next (interview);
  advance (&clock, 10);
  plano_board_add_edge (board, "app-1", "kafka-1", "stream", NULL);
  g_ptr_array_add (states, plano_format_write (board, NULL));
  plano_board_set_prop (board, "kafka-1", &replicas);
  g_ptr_array_add (states, plano_format_write (board, NULL));
  plano_board_move_items (board, (const char *[]) { "kafka-1", NULL }, 40, 20);
  g_ptr_array_add (states, plano_format_write (board, NULL));
  plano_board_set_title (board, "Clickstream");
  g_ptr_array_add (states, plano_format_write (board, NULL));
  plano_board_remove_item (board, "app-1");
  g_ptr_array_add (states, plano_format_write (board, NULL));

  g_assert_cmpuint (plano_interview_get_n_frames (interview), ==, 6);
  g_assert_true (plano_interview_get_frame (interview, 0, &at, &step, &label));
  g_assert_cmpfloat (at, ==, 30);
  g_assert_cmpint (step, ==, 0);
  g_assert_true (plano_interview_get_frame (interview, 1, &at, &step, NULL));
  g_assert_cmpfloat (at, ==, 40);
  g_assert_cmpint (step, ==, 1);
  g_assert_false (plano_interview_get_frame (interview, 6, NULL, NULL, NULL));

  after = plano_format_write (board, NULL);
  for (guint n = 0; n < states->len; n++)
    {
      g_autoptr(PlanoBoard) replay = plano_interview_build_replay (interview, n);
      g_autofree char *text = plano_format_write (replay, NULL);

      g_assert_cmpstr (text, ==, g_ptr_array_index (states, n));
    }

  /* The document is untouched by the replays. */
  {
    g_autofree char *now_text = plano_format_write (board, NULL);

    g_assert_cmpstr (now_text, ==, after);
  }

  /* The frames survive saving: replay from the record read back. */
  node = plano_interview_to_json (interview);
  reread = plano_interview_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plano_interview_get_n_frames (reread), ==, 6);
  for (guint n = 0; n < states->len; n++)
    {
      g_autoptr(PlanoBoard) replay = plano_interview_build_replay (reread, n);
      g_autofree char *text = plano_format_write (replay, NULL);

      g_assert_cmpstr (text, ==, g_ptr_array_index (states, n));
    }

  /* Not recorded once finished. */
  plano_interview_finish (interview);
  plano_board_add_node (board, "redis", 0, 200);
  g_assert_cmpuint (plano_interview_get_n_frames (interview), ==, 6);

  g_signal_handlers_disconnect_by_data (board, interview);
}

/* The history's transactions carry the interview step they were made in. */
static void
test_history_steps (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  int step = -2;

  plano_history_set_step (history, 3);
  plano_history_begin (history, "Add");
  plano_board_add_node (board, "flink", 0, 0);
  plano_history_commit (history);
  g_assert_true (plano_history_get_transaction_info (history, 0, NULL, &step, NULL));
  g_assert_cmpint (step, ==, 3);

  plano_history_set_step (history, -1);
  plano_history_begin (history, "Add");
  plano_board_add_node (board, "kafka", 0, 0);
  plano_history_commit (history);
  g_assert_true (plano_history_get_transaction_info (history, 1, NULL, &step, NULL));
  g_assert_cmpint (step, ==, -1);
}

static void
test_question_bank (void)
{
  guint n;
  const PlanoQuestion *questions = plano_interview_get_questions (&n);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  static const char *templates[] = { "realtime-analytics", "modern-data-stack", "data-mesh", NULL };

  g_assert_cmpuint (n, >=, 20);
  for (guint i = 0; i < n; i++)
    {
      const PlanoQuestion *q = &questions[i];

      g_assert_true (g_hash_table_add (ids, (gpointer) q->id));
      g_assert_true (plano_interview_lookup_question (q->id) == q);
      g_assert_true (q->title != NULL && q->title[0] != '\0');
      g_assert_true (q->prompt != NULL && q->prompt[0] != '\0');
      g_assert_true (q->users != NULL && q->events != NULL && q->volume != NULL && q->retention != NULL);
      g_assert_true (q->constraints != NULL);
      for (guint s = 0; s < PLANO_INTERVIEW_N_STEPS; s++)
        g_assert_true (q->hints[s] != NULL && q->hints[s][0] != '\0');
      g_assert_true (q->template_id == NULL || g_strv_contains (templates, q->template_id));
    }
}

static void
test_catalogue (void)
{
  const PlanoInterviewStep *steps = plano_interview_get_steps ();
  const char * const *mastery = plano_interview_get_mastery_items ();
  static const int minutes[] = { 5, 5, 10, 15, 10, 5 };
  g_autofree char *in_total = NULL;
  guint n_curveballs;
  int total = 0;

  for (guint i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      g_assert_cmpint (steps[i].minutes, ==, minutes[i]);
      g_assert_nonnull (steps[i].checklist[0]);
      g_assert_null (steps[i].checklist[PLANO_INTERVIEW_MAX_CHECKLIST]);
      total += steps[i].minutes;
    }
  g_assert_cmpuint (g_strv_length ((GStrv) mastery), ==, PLANO_INTERVIEW_N_MASTERY);

  /* The mastery checklist asks for the session the six steps make. */
  g_assert_cmpint (total, ==, 50);
  in_total = g_strdup_printf ("in %d minutes", total);
  g_assert_nonnull (strstr (mastery[1], in_total));
  plano_interview_get_curveballs (&n_curveballs);
  g_assert_cmpuint (n_curveballs, >=, 5);
  g_assert_nonnull (plano_interview_lookup_curveball ("late-events"));
}

/* The checklists the seed implies: freshness and correctness in the requirements, the grain,
 * access patterns and schema evolution in the detailed design, a failure list in scalability. */
static void
test_checklist_content (void)
{
  const PlanoInterviewStep *steps = plano_interview_get_steps ();
  static const struct
  {
    const char *step;
    guint       item;
    const char *words;
  } expected[] = {
    { "requirements", 4, "Freshness and correctness" },
    { "requirements", 4, "exactly-once or at-least-once" },
    { "requirements", 4, "late data" },
    { "detailed", 0, "core entities and the grain" },
    { "detailed", 3, "schema evolution" },
    { "detailed", 4, "Access patterns" },
    { "scalability", 1, "how it is detected, how it recovers, the impact" },
    { "scalability", 4, "replay" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      int s = 0;

      while (s < PLANO_INTERVIEW_N_STEPS && g_strcmp0 (steps[s].id, expected[i].step) != 0)
        s++;
      g_assert_cmpint (s, <, PLANO_INTERVIEW_N_STEPS);
      g_assert_nonnull (steps[s].checklist[expected[i].item]);
      if (strstr (steps[s].checklist[expected[i].item], expected[i].words) == NULL)
        g_error ("%s item %u, “%s”, does not say “%s”", expected[i].step, expected[i].item,
                 steps[s].checklist[expected[i].item], expected[i].words);
    }
}

/* A record keeps ticks by index: the items appended to a checklist read back ticked, the
 * items before them keep their index, and an index past the end of a checklist is dropped. */
static void
test_checklist_indexes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (
    "{\"version\": 1, \"state\": \"paused\", \"step\": 4, \"steps\": ["
    " {\"id\": \"requirements\", \"planned\": 300, \"spent\": 310, \"checked\": [1, 4, 5, 31]},"
    " {\"id\": \"capacity\", \"planned\": 300, \"spent\": 0, \"checked\": [4]},"
    " {\"id\": \"high-level\", \"planned\": 600, \"spent\": 0, \"checked\": []},"
    " {\"id\": \"detailed\", \"planned\": 900, \"spent\": 0, \"checked\": [0, 3, 4]},"
    " {\"id\": \"scalability\", \"planned\": 600, \"spent\": 0, \"checked\": [1]},"
    " {\"id\": \"tradeoffs\", \"planned\": 300, \"spent\": 0, \"checked\": [3]}]}", NULL);
  g_autoptr(PlanoInterview) interview = plano_interview_new_from_json (node, &error);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(PlanoInterview) copy = NULL;

  g_assert_no_error (error);
  g_assert_false (plano_interview_get_checked (interview, 0, 0));
  g_assert_true (plano_interview_get_checked (interview, 0, 1));
  g_assert_true (plano_interview_get_checked (interview, 0, 4));
  g_assert_false (plano_interview_get_checked (interview, 0, 5));
  g_assert_cmpfloat (plano_interview_get_coverage (interview, 0), ==, 2.0 / 5);
  g_assert_false (plano_interview_get_checked (interview, 1, 4));
  g_assert_cmpfloat (plano_interview_get_coverage (interview, 1), ==, 0);
  g_assert_cmpfloat (plano_interview_get_coverage (interview, 3), ==, 3.0 / 5);
  g_assert_true (plano_interview_get_checked (interview, 4, 1));
  g_assert_cmpfloat (plano_interview_get_coverage (interview, 4), ==, 1.0 / 5);
  g_assert_false (plano_interview_get_checked (interview, 5, 3));

  /* The fifth item of a step ticks and reads back like the others. */
  plano_interview_set_checked (interview, 4, 4, TRUE);
  plano_interview_set_checked (interview, 0, 1, FALSE);
  again = plano_interview_to_json (interview);
  copy = plano_interview_new_from_json (again, &error);
  g_assert_no_error (error);
  g_assert_true (plano_interview_get_checked (copy, 4, 4));
  g_assert_false (plano_interview_get_checked (copy, 0, 1));
  g_assert_true (plano_interview_get_checked (copy, 0, 4));
  g_assert_cmpfloat (plano_interview_get_coverage (copy, 4), ==, 2.0 / 5);
}

static void
test_history_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plano-history-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sub", "history.jsonl", NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = NULL;

  entries = plano_interview_history_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(JsonNode) entry = json_from_string (i == 0 ? "{\"score\": 10}" : i == 1 ? "{\"score\": 14}" : "{\"score\": 21}", NULL);

      g_assert_true (plano_interview_history_append (path, entry, &error));
      g_assert_no_error (error);
    }

  entries = plano_interview_history_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (g_ptr_array_index (entries, 2)), "score"), ==, 21);

  g_remove (path);
  sub = g_path_get_dirname (path);
  g_rmdir (sub);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/interview/overtime", test_overtime);
  g_test_add_func ("/plano/interview/pause-next-previous-reset", test_pause_next_previous_reset);
  g_test_add_func ("/plano/interview/full-session", test_full_session);
  g_test_add_func ("/plano/interview/round-trip", test_round_trip);
  g_test_add_func ("/plano/interview/bad-records", test_bad_records);
  g_test_add_func ("/plano/interview/frames-and-replay", test_frames_and_replay);
  g_test_add_func ("/plano/interview/history-steps", test_history_steps);
  g_test_add_func ("/plano/interview/frames-follow-history", test_frames_follow_history);
  g_test_add_func ("/plano/interview/question-bank", test_question_bank);
  g_test_add_func ("/plano/interview/catalogue", test_catalogue);
  g_test_add_func ("/plano/interview/checklist-content", test_checklist_content);
  g_test_add_func ("/plano/interview/checklist-indexes", test_checklist_indexes);
  g_test_add_func ("/plano/interview/history-file", test_history_file);

  return g_test_run ();
}
