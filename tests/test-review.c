/* test-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule of the design review on a small board that triggers it and one that does not,
 * load through a diamond, and a cycle.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "plano-format.h"
#include "plano-review.h"

static PlanoBoard *
board_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  PlanoBoard *board = plano_format_read (json, strlen (json), NULL, &error);

  g_assert_no_error (error);
  return board;
}

/* The rules that fired, as "rule:first-id" in order, such as "spof:db". */
static char *
fired (const char         *json,
       const char * const *down)
{
  g_autoptr(PlanoBoard) board = board_from (json);
  g_autoptr(PlanoReview) review = plano_review_new (board, down);
  GPtrArray *findings = plano_review_get_findings (review);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const PlanoFinding *f = g_ptr_array_index (findings, i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s:%s", f->rule, f->ids[0]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define NODE(id, kind, props) "{\"id\": \"" id "\", \"kind\": \"" kind "\", \"x\": 0, \"y\": 0, \"props\": {" props "}}"
#define EDGE(id, from, to, extra) "{\"id\": \"" id "\", \"from\": \"" from "\", \"to\": \"" to "\"" extra "}"

static void
test_bottleneck_and_hot (void)
{
  g_autofree char *over = fired ("{\"plano\": 1, \"nodes\": [" NODE ("src", "app", "\"rate\": 3000") ","
                                 NODE ("api", "api", "\"replicas\": 2") "], \"edges\": ["
                                 EDGE ("e1", "src", "api", "") "]}", NULL);
  g_autofree char *hot = fired ("{\"plano\": 1, \"nodes\": [" NODE ("src", "app", "\"rate\": 1700") ","
                                NODE ("api", "api", "\"replicas\": 2") "], \"edges\": ["
                                EDGE ("e1", "src", "api", "") "]}", NULL);
  g_autofree char *fine = fired ("{\"plano\": 1, \"nodes\": [" NODE ("src", "app", "\"rate\": 1000") ","
                                 NODE ("api", "api", "\"replicas\": 2") "], \"edges\": ["
                                 EDGE ("e1", "src", "api", "") "]}", NULL);

  /* 3 000/s into 2 × 1 000/s. */
  g_assert_cmpstr (over, ==, "bottleneck:api missing-buffer:e1");
  g_assert_cmpstr (hot, ==, "hot:api");
  g_assert_cmpstr (fine, ==, "");
}

/* Kafka's capacity counts partitions. */
static void
test_partitions (void)
{
  g_autofree char *one = fired ("{\"plano\": 1, \"nodes\": [" NODE ("src", "app", "\"rate\": 250000") ","
                                NODE ("k", "kafka", "\"replicas\": 3") "], \"edges\": ["
                                EDGE ("e1", "src", "k", "") "]}", NULL);
  g_autofree char *three = fired ("{\"plano\": 1, \"nodes\": [" NODE ("src", "app", "\"rate\": 250000") ","
                                  NODE ("k", "kafka", "\"replicas\": 3, \"partitions\": 3") "], \"edges\": ["
                                  EDGE ("e1", "src", "k", "") "]}", NULL);

  g_assert_cmpstr (one, ==, "bottleneck:k");
  g_assert_cmpstr (three, ==, "hot:k");
}

static void
test_single_point_of_failure (void)
{
  g_autofree char *single = fired ("{\"plano\": 1, \"nodes\": [" NODE ("api", "api", "") ","
                                   NODE ("db", "postgres", "") "], \"edges\": ["
                                   EDGE ("e1", "api", "db", "") "]}", NULL);
  g_autofree char *replicated = fired ("{\"plano\": 1, \"nodes\": [" NODE ("api", "api", "") ","
                                       NODE ("db", "postgres", "\"replicas\": 2") "], \"edges\": ["
                                       EDGE ("e1", "api", "db", "") "]}", NULL);
  g_autofree char *managed = fired ("{\"plano\": 1, \"nodes\": [" NODE ("api", "api", "") ","
                                    NODE ("lake", "lake", "") "], \"edges\": ["
                                    EDGE ("e1", "api", "lake", "") "]}", NULL);
  g_autofree char *alone = fired ("{\"plano\": 1, \"nodes\": [" NODE ("db", "postgres", "") "]}", NULL);
  g_autofree char *critical = fired ("{\"plano\": 1, \"nodes\": [" NODE ("api", "api", "\"critical\": true") ","
                                     NODE ("c", "client", "") "], \"edges\": ["
                                     EDGE ("e1", "c", "api", "") "]}", NULL);

  g_assert_cmpstr (single, ==, "spof:db");
  g_assert_cmpstr (replicated, ==, "");
  g_assert_cmpstr (managed, ==, "");
  g_assert_cmpstr (alone, ==, "");
  g_assert_cmpstr (critical, ==, "spof:api");
}

/* A producer faster than its consumer needs a buffer; with Kafka between them it has one, and
 * a batch reader pulls at its own pace.
 */
static void
test_missing_buffer (void)
{
  g_autofree char *direct = fired ("{\"plano\": 1, \"nodes\": [" NODE ("f", "flink", "\"rate\": 20000, \"replicas\": 2") ","
                                   NODE ("es", "elasticsearch", "\"replicas\": 2, \"idempotent\": true") "], \"edges\": ["
                                   EDGE ("e1", "f", "es", "") "]}", NULL);
  g_autofree char *buffered = fired ("{\"plano\": 1, \"nodes\": [" NODE ("f", "flink", "\"rate\": 20000, \"replicas\": 2") ","
                                     NODE ("k", "kafka", "\"replicas\": 3") ","
                                     NODE ("es", "elasticsearch", "\"replicas\": 5, \"idempotent\": true") "], \"edges\": ["
                                     EDGE ("e1", "f", "k", "") "," EDGE ("e2", "k", "es", "") "]}", NULL);
  g_autofree char *batch = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 5000") ","
                                  NODE ("job", "batch-job", "\"throughput\": 1000") "], \"edges\": ["
                                  EDGE ("e1", "s", "job", ", \"kind\": \"batch\"") "]}", NULL);

  g_assert_cmpstr (direct, ==, "bottleneck:es missing-buffer:e1");
  g_assert_cmpstr (buffered, ==, "");
  g_assert_cmpstr (batch, ==, "bottleneck:job");
}

static void
test_overkill (void)
{
  g_autofree char *kafka = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 50") ","
                                  NODE ("k", "kafka", "\"replicas\": 3") "], \"edges\": ["
                                  EDGE ("e1", "s", "k", "") "]}", NULL);
  g_autofree char *kafka_busy = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 5000") ","
                                       NODE ("k", "kafka", "\"replicas\": 3") "], \"edges\": ["
                                       EDGE ("e1", "s", "k", "") "]}", NULL);
  g_autofree char *spark = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 100") ","
                                  NODE ("sp", "spark", "") "], \"edges\": ["
                                  EDGE ("e1", "s", "sp", ", \"kind\": \"batch\"") "]}", NULL);
  g_autofree char *cassandra = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 2000") ","
                                      NODE ("c", "cassandra", "\"replicas\": 3") "], \"edges\": ["
                                      EDGE ("e1", "s", "c", "") "]}", NULL);

  g_assert_cmpstr (kafka, ==, "overkill-stream:k");
  g_assert_cmpstr (kafka_busy, ==, "");
  g_assert_cmpstr (spark, ==, "overkill-spark:sp");
  g_assert_cmpstr (cassandra, ==, "overkill-database:c");
}

static void
test_idempotency (void)
{
  g_autofree char *plain = fired ("{\"plano\": 1, \"nodes\": [" NODE ("f", "flink", "\"replicas\": 2") ","
                                  NODE ("r", "redis", "\"replicas\": 2") "], \"edges\": ["
                                  EDGE ("e1", "f", "r", "") "]}", NULL);
  g_autofree char *upsert = fired ("{\"plano\": 1, \"nodes\": [" NODE ("f", "flink", "\"replicas\": 2") ","
                                   NODE ("r", "redis", "\"replicas\": 2, \"upsert\": true") "], \"edges\": ["
                                   EDGE ("e1", "f", "r", "") "]}", NULL);
  g_autofree char *request = fired ("{\"plano\": 1, \"nodes\": [" NODE ("a", "api", "") ","
                                    NODE ("r", "redis", "\"replicas\": 2") "], \"edges\": ["
                                    EDGE ("e1", "a", "r", ", \"kind\": \"request\"") "]}", NULL);

  g_assert_cmpstr (plain, ==, "idempotency:r");
  g_assert_cmpstr (upsert, ==, "");
  g_assert_cmpstr (request, ==, "");
}

/* Load through a diamond: both branches carry the source's 1 000/s and meet again. */
static void
test_diamond (void)
{
  g_autoptr(PlanoBoard) board = board_from ("{\"plano\": 1, \"nodes\": ["
                                            NODE ("a", "app", "\"rate\": 1000") "," NODE ("b", "service", "") ","
                                            NODE ("c", "service", "") "," NODE ("d", "service", "") "], \"edges\": ["
                                            EDGE ("e1", "a", "b", "") "," EDGE ("e2", "a", "c", "") ","
                                            EDGE ("e3", "b", "d", "") "," EDGE ("e4", "c", "d", ", \"props\": {\"rate\": 250}") "]}");
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  double load = 0;

  g_assert_true (plano_review_get_load (review, "b", &load));
  g_assert_cmpfloat (load, ==, 1000);
  g_assert_true (plano_review_get_load (review, "c", &load));
  g_assert_cmpfloat (load, ==, 1000);
  /* b passes on all it takes; c's edge says 250. */
  g_assert_true (plano_review_get_load (review, "d", &load));
  g_assert_cmpfloat (load, ==, 1250);
}

/* A cycle ends, and its loads are finite. */
static void
test_cycle (void)
{
  g_autoptr(PlanoBoard) board = board_from ("{\"plano\": 1, \"nodes\": ["
                                            NODE ("a", "app", "\"rate\": 100") "," NODE ("b", "service", "") ","
                                            NODE ("c", "service", "") "], \"edges\": ["
                                            EDGE ("e1", "a", "b", "") "," EDGE ("e2", "b", "c", "") ","
                                            EDGE ("e3", "c", "b", "") "," EDGE ("e4", "c", "c", "") "]}");
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  double load = 0;

  g_assert_true (plano_review_get_load (review, "b", &load));
  g_assert_true (isfinite (load) && load >= 100);
  g_assert_true (plano_review_get_load (review, "c", &load));
  g_assert_true (isfinite (load));
}

/* Failure injection: what is downstream of a failed component loses data or freshness. */
static void
test_down (void)
{
  const char *down[] = { "f", NULL };
  const char *leaf[] = { "r", NULL };
  g_autoptr(PlanoBoard) board = board_from ("{\"plano\": 1, \"nodes\": ["
                                            NODE ("k", "kafka", "\"replicas\": 3") "," NODE ("f", "flink", "\"replicas\": 2") ","
                                            NODE ("r", "redis", "\"replicas\": 2, \"upsert\": true") "," NODE ("d", "looker", "") "], \"edges\": ["
                                            EDGE ("e1", "k", "f", "") "," EDGE ("e2", "f", "r", "") ","
                                            EDGE ("e3", "r", "d", "") "]}");
  g_autoptr(PlanoReview) review = plano_review_new (board, down);
  g_autoptr(PlanoReview) review_leaf = plano_review_new (board, leaf);
  const PlanoFinding *finding = g_ptr_array_index (plano_review_get_findings (review), 0);
  const PlanoFinding *leaf_finding = NULL;

  g_assert_cmpstr (finding->rule, ==, "down");
  g_assert_cmpint (finding->severity, ==, PLANO_SEVERITY_ERROR);
  g_assert_cmpstrv (finding->ids, ((const char *[]) { "f", "r", "d", NULL }));
  g_assert_nonnull (strstr (finding->message, "Redis, Looker lose data or freshness"));

  leaf_finding = g_ptr_array_index (plano_review_get_findings (review_leaf), 0);
  g_assert_cmpstr (leaf_finding->rule, ==, "down");
  g_assert_cmpstrv (leaf_finding->ids, ((const char *[]) { "r", "d", NULL }));
}

/* The down prop marks a component failed in the file itself, and the stale set is what the
 * canvas shows downstream of it.
 */
static void
test_down_prop (void)
{
  g_autoptr(PlanoBoard) board = board_from ("{\"plano\": 1, \"nodes\": ["
                                            NODE ("k", "kafka", "\"replicas\": 3") "," NODE ("f", "flink", "\"replicas\": 2, \"down\": true") ","
                                            NODE ("r", "redis", "\"replicas\": 2, \"upsert\": true") "," NODE ("x", "looker", "") "], \"edges\": ["
                                            EDGE ("e1", "k", "f", "") "," EDGE ("e2", "f", "r", "") "]}");
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  g_autoptr(GHashTable) stale = plano_review_find_stale (board);
  g_autoptr(GHashTable) none = NULL;
  const PlanoFinding *finding = g_ptr_array_index (plano_review_get_findings (review), 0);
  PlanoProp up = { (char *) "down", PLANO_VALUE_BOOLEAN, 0, NULL, FALSE };

  g_assert_cmpstr (finding->rule, ==, "down");
  g_assert_cmpstrv (finding->ids, ((const char *[]) { "f", "r", NULL }));
  g_assert_cmpuint (g_hash_table_size (stale), ==, 1);
  g_assert_true (g_hash_table_contains (stale, "r"));

  plano_board_set_prop (board, "f", &up);
  none = plano_review_find_stale (board);
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);
}

/* Path latency: node latencies plus 0.5 ms a hop, 150 ms across regions, against p99_ms. */
static void
test_path_latency (void)
{
#define LATENCY_BOARD(target, cross) \
  "{\"plano\": 1, \"nodes\": [" \
  NODE ("a", "api", "\"replicas\": 2, \"latency_ms\": 20") "," \
  NODE ("c", "cache", "\"replicas\": 2, \"latency_ms\": 1") "," \
  NODE ("d", "database", "\"replicas\": 2, \"latency_ms\": 30") "," \
  NODE ("w", "warehouse", "\"latency_ms\": 5000") "], \"edges\": [" \
  EDGE ("e1", "a", "c", "") "," EDGE ("e2", "c", "d", cross) "," \
  EDGE ("e3", "d", "w", ", \"kind\": \"batch\"") "]" target "}"
  g_autofree char *none = fired (LATENCY_BOARD ("", ""), NULL);
  g_autofree char *within = fired (LATENCY_BOARD (", \"props\": {\"p99_ms\": 100}", ""), NULL);
  g_autofree char *regions = fired (LATENCY_BOARD (", \"props\": {\"p99_ms\": 100}",
                                                   ", \"props\": {\"cross_region\": true}"), NULL);
  g_autoptr(PlanoBoard) board = board_from (LATENCY_BOARD (", \"props\": {\"p99_ms\": 100}",
                                                           ", \"props\": {\"cross_region\": true}"));
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  const PlanoFinding *finding = g_ptr_array_index (plano_review_get_findings (review), 0);

  /* 20 + 0.5 + 1 + 0.5 + 30 = 52 ms; the batch hop into the warehouse does not count. */
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (within, ==, "");
  /* 20 + 0.5 + 1 + 150 + 30 = 201.5 ms. */
  g_assert_cmpstr (regions, ==, "path-latency:a");
  g_assert_cmpstrv (finding->ids, ((const char *[]) { "a", "c", "d", NULL }));
  g_assert_nonnull (strstr (finding->message, "API → Cache → Database"));
  g_assert_nonnull (strstr (finding->message, "202 ms against the p99 target of 100 ms"));
#undef LATENCY_BOARD
}

/* A loop on the latency path is left out, not followed. */
static void
test_path_latency_cycle (void)
{
  g_autofree char *loop = fired ("{\"plano\": 1, \"nodes\": [" NODE ("a", "api", "\"replicas\": 2, \"latency_ms\": 300") ","
                                 NODE ("b", "api", "\"replicas\": 2, \"latency_ms\": 300") "], \"edges\": ["
                                 EDGE ("e1", "a", "b", "") "," EDGE ("e2", "b", "a", "") "], \"props\": {\"p99_ms\": 100}}", NULL);

  g_assert_cmpstr (loop, ==, "");
}

/* The seed's pipeline with 72 000 events/s entering: Kafka with 3 replicas and 24 partitions
 * and Flink with 4 replicas hold; Kafka with one replica becomes a single point of failure.
 */
static void
test_realtime_pipeline (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "realtime.plano", NULL);
  g_autoptr(PlanoBoard) board = plano_format_read_file (path, NULL, NULL);
  g_autoptr(PlanoReview) review = NULL;
  PlanoProp one = { (char *) "replicas", PLANO_VALUE_NUMBER, 1, NULL, FALSE };
  GPtrArray *findings;
  gboolean kafka_spof = FALSE;
  double load;

  review = plano_review_new (board, NULL);
  g_assert_true (plano_review_get_load (review, "kafka", &load));
  g_assert_cmpfloat (load, ==, 72000);
  findings = plano_review_get_findings (review);
  for (guint i = 0; i < findings->len; i++)
    {
      const PlanoFinding *f = g_ptr_array_index (findings, i);

      g_assert_false (g_strv_contains ((const char * const *) f->ids, "kafka"));
      g_assert_false (g_strv_contains ((const char * const *) f->ids, "flink") && g_str_equal (f->rule, "bottleneck"));
    }

  plano_board_set_prop (board, "kafka", &one);
  g_clear_pointer (&review, plano_review_free);
  review = plano_review_new (board, NULL);
  findings = plano_review_get_findings (review);
  for (guint i = 0; i < findings->len; i++)
    {
      const PlanoFinding *f = g_ptr_array_index (findings, i);

      kafka_spof |= g_str_equal (f->rule, "spof") && g_str_equal (f->ids[0], "kafka");
    }
  g_assert_true (kafka_spof);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/review/bottleneck-and-hot", test_bottleneck_and_hot);
  g_test_add_func ("/plano/review/partitions", test_partitions);
  g_test_add_func ("/plano/review/single-point-of-failure", test_single_point_of_failure);
  g_test_add_func ("/plano/review/missing-buffer", test_missing_buffer);
  g_test_add_func ("/plano/review/overkill", test_overkill);
  g_test_add_func ("/plano/review/idempotency", test_idempotency);
  g_test_add_func ("/plano/review/diamond", test_diamond);
  g_test_add_func ("/plano/review/cycle", test_cycle);
  g_test_add_func ("/plano/review/down", test_down);
  g_test_add_func ("/plano/review/down-prop", test_down_prop);
  g_test_add_func ("/plano/review/path-latency", test_path_latency);
  g_test_add_func ("/plano/review/path-latency-cycle", test_path_latency_cycle);
  g_test_add_func ("/plano/review/realtime-pipeline", test_realtime_pipeline);

  return g_test_run ();
}
