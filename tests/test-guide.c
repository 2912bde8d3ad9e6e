/* test-guide.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interview guides: every question of the bank has must-haves, follow-ups and a reference
 * solution; each solution covers all its question's must-haves and an empty board none, and the
 * design review finds no error in it; each kind of check finds what it should on small boards,
 * and a solution with one capability taken away misses exactly that must-have.
 */

#include "config.h"

#include "plano-test-core.h"
#include "plano-test-locale.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "plano-format.h"
#include "plano-guide.h"
#include "plano-interview.h"
#include "plano-review.h"

/* The ids of the missing must-haves, in order, separated by spaces. */
static char *
missing (PlanoBoard         *board,
         const char         *question,
         const char * const *texts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoGrade) grade = plano_grade_new (board, question, texts, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < plano_grade_get_n_items (grade); i++)
    {
      const PlanoGradeItem *item = plano_grade_get_item (grade, i);

      if (item->covered)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, item->must_have->id);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_every_question_has_a_guide (void)
{
  guint n;
  const PlanoQuestion *questions = plano_interview_get_questions (&n);

  g_assert_cmpuint (n, ==, 22);
  for (guint i = 0; i < n; i++)
    {
      const PlanoGuide *guide = plano_guide_lookup (questions[i].id);
      guint n_must = 0;
      guint n_follow = 0;

      g_test_message ("question %s", questions[i].id);
      g_assert_nonnull (guide);
      n_must = plano_guide_get_n_must_haves (guide);
      n_follow = plano_guide_get_n_follow_ups (guide);
      g_assert_cmpuint (n_must, >=, 4);
      g_assert_cmpuint (n_must, <=, 8);
      g_assert_cmpuint (n_follow, >=, 3);
      g_assert_cmpuint (n_follow, <=, 5);

      for (guint m = 0; m < n_must; m++)
        {
          const PlanoMustHave *must = &guide->must_haves[m];

          g_assert_nonnull (must->text);
          g_assert_nonnull (must->why);
          g_assert_cmpint (must->checks[0].type, !=, PLANO_CHECK_NONE);
          for (guint o = 0; o < m; o++)
            g_assert_cmpstr (guide->must_haves[o].id, !=, must->id);
        }
      for (guint f = 0; f < n_follow; f++)
        g_assert_true (guide->follow_ups[f].question[0] != '\0' && guide->follow_ups[f].answer[0] != '\0');
    }

  g_assert_null (plano_guide_lookup ("no-such-question"));
}

static void
test_solutions_cover_everything (void)
{
  guint n;
  const PlanoQuestion *questions = plano_interview_get_questions (&n);
  g_autoptr(PlanoBoard) empty = plano_test_board_from_json ("{\"plano\": 1, \"nodes\": []}");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanoBoard) solution = plano_solution_load (questions[i].id, &error);
      g_autoptr(PlanoGrade) grade = NULL;
      g_autoptr(PlanoGrade) none = NULL;
      g_autofree char *missed = NULL;

      g_test_message ("solution %s", questions[i].id);
      g_assert_no_error (error);
      g_assert_nonnull (solution);
      g_assert_false (plano_board_is_empty (solution));
      /* Drawn as a strong candidate would: several components, their trade-offs recorded. */
      g_assert_cmpuint (plano_board_get_n_items (solution, PLANO_ITEM_NODE), >=, 6);
      g_assert_cmpuint (plano_board_get_n_items (solution, PLANO_ITEM_TRADEOFF), >=, 2);

      missed = missing (solution, questions[i].id, NULL);
      g_assert_cmpstr (missed, ==, "");

      none = plano_grade_new (empty, questions[i].id, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (plano_grade_get_n_covered (none), ==, 0);
      grade = plano_grade_new (solution, questions[i].id, NULL, &error);
      g_assert_cmpuint (plano_grade_get_n_covered (grade), ==, plano_grade_get_n_items (grade));
    }
}

/* A reference solution is what a strong candidate draws: the design review must find no error
 * in it, or the report would mark down a candidate who drew it. Its warnings are listed, so
 * that a reader of the test log sees what the review still says about each. */
static void
test_solutions_reviewed (void)
{
  guint n;
  const PlanoQuestion *questions = plano_interview_get_questions (&n);
  g_autoptr(GString) errors = g_string_new (NULL);
  guint n_warnings = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanoBoard) solution = plano_solution_load (questions[i].id, &error);
      g_autoptr(PlanoReview) review = NULL;
      GPtrArray *findings;

      g_assert_no_error (error);
      review = plano_review_new (solution, NULL);
      findings = plano_review_get_findings (review);
      for (guint f = 0; f < findings->len; f++)
        {
          const PlanoFinding *finding = g_ptr_array_index (findings, f);
          g_autofree char *line = plano_finding_to_line (finding);

          if (finding->severity == PLANO_SEVERITY_ERROR)
            g_string_append_printf (errors, "%s: %s\n", questions[i].id, line);
          else if (finding->severity == PLANO_SEVERITY_WARNING)
            {
              g_test_message ("%s: %s", questions[i].id, line);
              n_warnings++;
            }
        }
    }

  g_test_message ("%u warnings in %u reference solutions", n_warnings, n);
  if (errors->len > 0)
    g_test_message ("errors found by the design review:\n%s", errors->str);
  g_assert_cmpstr (errors->str, ==, "");
}

static void
test_unknown_question (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) empty = plano_test_board_from_json ("{\"plano\": 1, \"nodes\": []}");
  PlanoGrade *grade = plano_grade_new (empty, "no-such-question", NULL, &error);

  g_assert_null (grade);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-question"));
  g_clear_error (&error);

  g_assert_null (plano_solution_load ("no-such-question", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

#define NODE(id, kind, extra) "{\"id\": \"" id "\", \"kind\": \"" kind "\", \"x\": 0, \"y\": 0" extra "}"
#define EDGE(id, from, to) "{\"id\": \"" id "\", \"from\": \"" from "\", \"to\": \"" to "\"}"

static gboolean
holds (const char         *json,
       const PlanoCheck   *check,
       const char * const *texts,
       const char         *expected_ids)
{
  g_autoptr(PlanoBoard) board = plano_test_board_from_json (json);
  g_auto(GStrv) ids = NULL;
  g_autofree char *joined = NULL;
  gboolean result = plano_check_holds (check, board, texts, &ids);

  joined = g_strjoinv (" ", ids);
  if (expected_ids != NULL)
    g_assert_cmpstr (joined, ==, expected_ids);

  return result;
}

static void
test_check_node (void)
{
  const char *board = "{\"plano\": 1, \"nodes\": ["
    NODE ("k", "kafka", ", \"props\": {\"replicas\": 3}") ","
    NODE ("f", "flink", ", \"props\": {\"replicas\": 1, \"idempotent\": true}") ","
    NODE ("d", "druid", "") "]}";
  PlanoCheck kafka = { PLANO_CHECK_NODE, "kafka|kinesis" };
  PlanoCheck category = { PLANO_CHECK_NODE, "@serving" };
  PlanoCheck any_idempotent = { PLANO_CHECK_NODE, "*", NULL, NULL, "idempotent" };
  PlanoCheck replicated = { PLANO_CHECK_NODE, "kafka|flink", NULL, NULL, "replicas", 2 };
  PlanoCheck every_replicated = { PLANO_CHECK_EVERY, "kafka|flink", NULL, NULL, "replicas", 2 };
  PlanoCheck every_kafka = { PLANO_CHECK_EVERY, "kafka", NULL, NULL, "replicas", 2 };
  PlanoCheck missing_kind = { PLANO_CHECK_EVERY, "pulsar", NULL, NULL, "replicas", 2 };

  g_assert_true (holds (board, &kafka, NULL, "k"));
  g_assert_true (holds (board, &category, NULL, "d"));
  g_assert_true (holds (board, &any_idempotent, NULL, "f"));
  g_assert_true (holds (board, &replicated, NULL, "k"));
  g_assert_false (holds (board, &every_replicated, NULL, ""));
  g_assert_true (holds (board, &every_kafka, NULL, "k"));
  g_assert_false (holds (board, &missing_kind, NULL, ""));
}

static void
test_check_path (void)
{
  /* app → kafka → flink → (zone serving: druid, redis); app → warehouse directly. */
  const char *board = "{\"plano\": 1, \"nodes\": ["
    NODE ("app", "app", "") "," NODE ("k", "kafka", "") "," NODE ("f", "flink", "") ","
    NODE ("d", "druid", ", \"zone\": \"serving\"") "," NODE ("r", "redis", ", \"zone\": \"serving\"") ","
    NODE ("w", "warehouse", "") "],"
    "\"edges\": [" EDGE ("e1", "app", "k") "," EDGE ("e2", "k", "f") "," EDGE ("e3", "f", "serving") ","
    EDGE ("e4", "app", "w") "],"
    "\"zones\": [{\"id\": \"serving\", \"label\": \"Serving\", \"x\": 0, \"y\": 0, \"w\": 10, \"h\": 10}]}";
  PlanoCheck through_log = { PLANO_CHECK_PATH, "app", "kafka", "druid" };
  PlanoCheck into_zone = { PLANO_CHECK_PATH, "flink", NULL, "redis" };
  PlanoCheck warehouse_through_log = { PLANO_CHECK_PATH, "app", "kafka|kinesis", "warehouse" };
  PlanoCheck backwards = { PLANO_CHECK_PATH, "druid", NULL, "app" };
  PlanoCheck self = { PLANO_CHECK_PATH, "kafka", NULL, "kafka" };

  g_assert_true (holds (board, &through_log, NULL, "k d"));
  g_assert_true (holds (board, &into_zone, NULL, "r"));
  g_assert_false (holds (board, &warehouse_through_log, NULL, NULL));
  g_assert_false (holds (board, &backwards, NULL, NULL));
  /* A path must take a connection: a component does not reach itself without a loop. */
  g_assert_false (holds (board, &self, NULL, NULL));
}

static void
test_check_text (void)
{
  const char *board = "{\"plano\": 1, \"nodes\": [" NODE ("f", "flink", ", \"label\": \"Flink: sessions\"") "],"
    "\"notes\": [{\"id\": \"n\", \"text\": \"Allowed lateness: 1 hour, then the lake.\", \"x\": 0, \"y\": 0, \"target\": \"f\"}],"
    "\"tradeoffs\": [{\"id\": \"t\", \"title\": \"Batch vs streaming\", \"choice\": \"Kappa: replay the log\"}]}";
  PlanoCheck late = { PLANO_CHECK_TEXT, "watermark|allowed lateness" };
  PlanoCheck session = { PLANO_CHECK_TEXT, "sessionize|session" };
  PlanoCheck gdpr = { PLANO_CHECK_TEXT, "GDPR|erasure" };
  PlanoCheck kappa = { PLANO_CHECK_TRADEOFF, "lambda|kappa" };
  PlanoCheck preset = { PLANO_CHECK_TRADEOFF, "preset:batch-streaming" };
  PlanoCheck other_preset = { PLANO_CHECK_TRADEOFF, "preset:push-pull" };
  const char *notes[] = { "We must support GDPR erasure within 30 days.", NULL };

  g_assert_true (holds (board, &late, NULL, "f"));
  g_assert_true (holds (board, &session, NULL, "f"));
  g_assert_false (holds (board, &gdpr, NULL, NULL));
  g_assert_true (holds (board, &gdpr, notes, NULL));
  g_assert_true (holds (board, &kappa, NULL, NULL));
  {
    /* Accents are folded on both sides: either spelling finds the other. */
    PlanoCheck accented = { PLANO_CHECK_TEXT, "sesión" };
    PlanoCheck plain = { PLANO_CHECK_TEXT, "sesion" };
    const char *accented_notes[] = { "Ventana de sesión por usuario", NULL };
    const char *plain_notes[] = { "Ventana de sesion por usuario", NULL };

    g_assert_true (holds (board, &accented, plain_notes, NULL));
    g_assert_true (holds (board, &plain, accented_notes, NULL));
  }
  g_assert_true (holds (board, &preset, NULL, NULL));
  g_assert_false (holds (board, &other_preset, NULL, NULL));
}

/* A solution with one capability taken away misses exactly that must-have. */
static void
test_take_one_away (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_solution_load ("clickstream-analytics", &error);
  g_autofree char *missed = NULL;

  g_assert_no_error (error);
  g_assert_true (plano_board_remove_item (board, "druid"));
  missed = missing (board, "clickstream-analytics", NULL);
  g_assert_cmpstr (missed, ==, "olap");
}

/* The solutions in Spanish and Portuguese: their notes and trade-offs are translated as they
 * load, and the translated keywords of the must-haves still find them.
 */

static void
test_solutions_translated (void)
{
  static const char * const languages[] = { "es", "pt" };
  guint n;
  const PlanoQuestion *questions = plano_interview_get_questions (&n);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      plano_test_use_language (languages[l]);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(PlanoBoard) solution = plano_solution_load (questions[i].id, &error);
          g_autofree char *missed = NULL;

          g_test_message ("solution %s in %s", questions[i].id, languages[l]);
          g_assert_no_error (error);
          /* The board really is in the language: its title is the question's, translated. */
          g_assert_cmpstr (plano_board_get_title (solution), ==, _(questions[i].title));
          g_assert_cmpstr (plano_board_get_title (solution), !=, questions[i].title);

          missed = missing (solution, questions[i].id, NULL);
          g_assert_cmpstr (missed, ==, "");
        }
    }
  plano_test_use_language ("en");
}

/* Question families: each takes a question's reference solution, removes one capability (a
 * component, a note, a trade-off or a prop) and expects exactly that must-have to go missing.
 * A component's connections, and the notes and trade-offs pinned to it, go with it, as when a
 * candidate deletes it.
 */
typedef struct
{
  const char *question;
  const char *remove[3];
  const char *node;
  const char *prop;
  const char *expected;
} TakeAway;

static void
check_take_away (const TakeAway *take)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_solution_load (take->question, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_test_message ("%s without %s", take->question, take->expected);
  g_assert_no_error (error);
  before = missing (board, take->question, NULL);
  g_assert_cmpstr (before, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (take->remove) && take->remove[i] != NULL; i++)
    g_assert_true (plano_board_remove_item (board, take->remove[i]));
  if (take->prop != NULL)
    g_assert_true (plano_board_unset_prop (board, take->node, take->prop));

  after = missing (board, take->question, NULL);
  g_assert_cmpstr (after, ==, take->expected);
}

static void
check_family (const TakeAway *takes,
              guint           n_takes)
{
  for (guint i = 0; i < n_takes; i++)
    check_take_away (&takes[i]);
}

/* Streaming event analytics: metrics, late mobile events, video QoE. */
static void
test_family_event_analytics (void)
{
  static const TakeAway takes[] = {
    { "metrics-monitoring", { "alertmanager" }, NULL, NULL, "alert-routing" },
    { "late-mobile-events", { "druid" }, NULL, NULL, "provisional-live" },
    { "video-qoe-analytics", { NULL }, "kafka", "partitions", "ingest-partitions" },
  };

  check_family (takes, G_N_ELEMENTS (takes));
}

/* Online serving fed by a change stream: fraud scoring, search index freshness. */
static void
test_family_online_serving (void)
{
  static const TakeAway takes[] = {
    { "fraud-detection", { "flink" }, NULL, NULL, "streaming-features" },
    { "search-index-freshness", { "rebuild" }, NULL, NULL, "rebuild-alias" },
  };

  check_family (takes, G_N_ELEMENTS (takes));
}

/* Warehouse and batch analytics: A/B testing results, marketing attribution. */
static void
test_family_warehouse (void)
{
  static const TakeAway takes[] = {
    { "ab-testing-platform", { "flink" }, NULL, NULL, "guardrail-stream" },
    { "marketing-attribution", { "identity" }, NULL, NULL, "identity-stitching" },
  };

  check_family (takes, G_N_ELEMENTS (takes));
}

/* Governance: the bank's data mesh. */
static void
test_family_governance (void)
{
  static const TakeAway takes[] = {
    { "bank-data-mesh", { "catalog" }, NULL, NULL, "catalog-lineage" },
  };

  check_family (takes, G_N_ELEMENTS (takes));
}

/* Right-sized designs, where a database is enough: leaderboard, startup, grocery inventory. */
static void
test_family_right_sized (void)
{
  static const TakeAway takes[] = {
    { "realtime-leaderboard", { "direct-writes" }, NULL, NULL, "right-sized" },
    { "startup-analytics", { "dbt" }, NULL, NULL, "metric-models" },
    { "supply-chain-inventory", { "reconcile" }, NULL, NULL, "reconciliation" },
  };

  check_family (takes, G_N_ELEMENTS (takes));
}

/* Streams into serving stores: notes, a store and a prop taken away. */
static void
test_family_streaming (void)
{
  static const TakeAway takes[] = {
    { "ad-click-aggregation", { "hot" }, NULL, NULL, "hot-keys" },
    { "iot-sensor-telemetry", { "clickhouse" }, NULL, NULL, "timeseries-store" },
    { "log-ingestion-search", { NULL }, "es", "replicas", "replicated" },
    { "ride-sharing-location", { "privacy" }, NULL, NULL, "privacy" },
  };

  check_family (takes, G_N_ELEMENTS (takes));
}

/* Changes and files into a warehouse. */
static void
test_family_cdc_warehouse (void)
{
  static const TakeAway takes[] = {
    { "cdc-oltp-to-warehouse", { "snapshot" }, NULL, NULL, "snapshot" },
    { "payments-reconciliation", { "money" }, NULL, NULL, "money-types" },
  };

  check_family (takes, G_N_ELEMENTS (takes));
}

/* A batch lake: the sources no longer land in it. */
static void
test_family_lake_batch (void)
{
  static const TakeAway takes[] = {
    { "retail-data-lake", { "pos-bronze", "fivetran-bronze" }, NULL, NULL, "landing" },
  };

  check_family (takes, G_N_ELEMENTS (takes));
}

/* Features for models: a materialization and a training path taken away. */
static void
test_family_ml_features (void)
{
  static const TakeAway takes[] = {
    { "feature-store", { "spark-online" }, NULL, NULL, "batch-materialize" },
    { "recommendation-events", { "spark-training" }, NULL, NULL, "daily-training" },
  };

  check_family (takes, G_N_ELEMENTS (takes));
}

/* Compliance: without its catalog, nothing says where personal data lives. */
static void
test_family_compliance (void)
{
  static const TakeAway takes[] = {
    { "gdpr-deletion", { "catalog" }, NULL, NULL, "data-inventory" },
  };

  check_family (takes, G_N_ELEMENTS (takes));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PLANO_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* GLib decides on the first g_dgettext () whether to translate at all, and in C.UTF-8 with
   * no English catalog it decides never to; the translated solutions are checked after tests
   * that run in English, so the decision is made while a catalog is there. */
  plano_test_use_language ("es");
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  plano_test_use_language ("en");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/guide/every-question", test_every_question_has_a_guide);
  g_test_add_func ("/plano/guide/solutions", test_solutions_cover_everything);
  g_test_add_func ("/plano/guide/solutions-translated", test_solutions_translated);
  g_test_add_func ("/plano/guide/solutions-reviewed", test_solutions_reviewed);
  g_test_add_func ("/plano/guide/unknown-question", test_unknown_question);
  g_test_add_func ("/plano/guide/check-node", test_check_node);
  g_test_add_func ("/plano/guide/check-path", test_check_path);
  g_test_add_func ("/plano/guide/check-text", test_check_text);
  g_test_add_func ("/plano/guide/take-one-away", test_take_one_away);
  g_test_add_func ("/plano/guide/family/streaming", test_family_streaming);
  g_test_add_func ("/plano/guide/family/cdc-warehouse", test_family_cdc_warehouse);
  g_test_add_func ("/plano/guide/family/lake-batch", test_family_lake_batch);
  g_test_add_func ("/plano/guide/family/ml-features", test_family_ml_features);
  g_test_add_func ("/plano/guide/family/compliance", test_family_compliance);
  g_test_add_func ("/plano/guide/family/event-analytics", test_family_event_analytics);
  g_test_add_func ("/plano/guide/family/online-serving", test_family_online_serving);
  g_test_add_func ("/plano/guide/family/warehouse", test_family_warehouse);
  g_test_add_func ("/plano/guide/family/governance", test_family_governance);
  g_test_add_func ("/plano/guide/family/right-sized", test_family_right_sized);

  return g_test_run ();
}
