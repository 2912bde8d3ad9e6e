/* test-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule of the design review on a small board that has the flaw and one that does not;
 * the load model (reads, batch volumes, zones, event sizes); load through a diamond and
 * cycles; bad values; and the templates with realistic rates.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "plano-catalog.h"
#include "plano-format.h"
#include "plano-review.h"
#include "plano-templates.h"
#include "plano-test-core.h"
#include "plano-test-locale.h"

/* The rules that fired, as "rule:first-id" in order, such as "spof:db". */
static char *
fired_on (PlanoBoard         *board,
          const char * const *down)
{
  g_autoptr(PlanoReview) review = plano_review_new (board, down);
  GPtrArray *findings = plano_review_get_findings (review);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const PlanoFinding *f = g_ptr_array_index (findings, i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s:%s", f->rule, f->ids[0] != NULL ? f->ids[0] : "");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
fired (const char         *json,
       const char * const *down)
{
  g_autoptr(PlanoBoard) board = plano_test_board_from_json (json);

  return fired_on (board, down);
}

/* The message of the first finding of @rule. */
static char *
message_of (const char *json,
            const char *rule)
{
  g_autoptr(PlanoBoard) board = plano_test_board_from_json (json);
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  GPtrArray *findings = plano_review_get_findings (review);

  for (guint i = 0; i < findings->len; i++)
    {
      const PlanoFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->rule, rule))
        return g_strdup (f->message);
    }

  g_error ("no %s finding", rule);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

#define NODE(id, kind, props) "{\"id\": \"" id "\", \"kind\": \"" kind "\", \"x\": 0, \"y\": 0, \"props\": {" props "}}"
#define NAMED(id, kind, label, props) "{\"id\": \"" id "\", \"kind\": \"" kind "\", \"x\": 0, \"y\": 0, \"label\": \"" label "\", \"props\": {" props "}}"
#define MEMBER(id, kind, zone, props) "{\"id\": \"" id "\", \"kind\": \"" kind "\", \"x\": 0, \"y\": 0, \"zone\": \"" zone "\", \"props\": {" props "}}"
#define EDGE(id, from, to, extra) "{\"id\": \"" id "\", \"from\": \"" from "\", \"to\": \"" to "\"" extra "}"
#define ZONE(id) "{\"id\": \"" id "\", \"x\": 0, \"y\": 0, \"w\": 100, \"h\": 100}"
#define STREAM ", \"kind\": \"stream\""
#define BATCH ", \"kind\": \"batch\""
#define REQUEST ", \"kind\": \"request\""

static void
test_bottleneck_and_hot (void)
{
#define API_BOARD(rate) "{\"plano\": 1, \"nodes\": [" NODE ("src", "app", "\"rate\": " rate) "," \
  NODE ("api", "api", "\"replicas\": 2") "], \"edges\": [" EDGE ("e1", "src", "api", "") "]}"
  g_autofree char *over = fired (API_BOARD ("3000"), NULL);
  g_autofree char *hot = fired (API_BOARD ("1700"), NULL);
  g_autofree char *fine = fired (API_BOARD ("1000"), NULL);
  g_autofree char *message = message_of (API_BOARD ("3000"), "bottleneck");

  /* 3 000/s into 2 × 1 000/s: four instances keep it under 80 %. */
  g_assert_cmpstr (over, ==, "bottleneck:api missing-buffer:e1");
  g_assert_cmpstr (hot, ==, "hot:api");
  g_assert_cmpstr (fine, ==, "");
  g_assert_cmpstr (message, ==, "Serving API takes 3\u00a0000/s against a capacity of 2\u00a0000/s (150 %): a bottleneck "
                                "that falls further behind every second; run 4 instances to stay under 80 %");
#undef API_BOARD
}

/* Kafka's capacity counts partitions, and the advice counts them as the calculator does. */
static void
test_partitions (void)
{
#define KAFKA_BOARD(props) "{\"plano\": 1, \"nodes\": [" NODE ("src", "app", "\"rate\": 250000") "," \
  NODE ("k", "kafka", props) "], \"edges\": [" EDGE ("e1", "src", "k", "") "]}"
  g_autofree char *one = fired (KAFKA_BOARD ("\"replicas\": 3"), NULL);
  g_autofree char *three = fired (KAFKA_BOARD ("\"replicas\": 3, \"partitions\": 3"), NULL);
  g_autofree char *message = message_of (KAFKA_BOARD ("\"replicas\": 3"), "bottleneck");

  g_assert_cmpstr (one, ==, "bottleneck:k");
  g_assert_cmpstr (three, ==, "hot:k");
  /* 250 MB/s at 10 MB/s a partition, with 3× headroom. */
  assert_contains (message, "give it 75 partitions");
#undef KAFKA_BOARD
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
  /* A source system the design only reads from is its owners' matter. */
  g_autofree char *source = fired ("{\"plano\": 1, \"nodes\": [" NODE ("db", "postgres", "") ","
                                   NODE ("k", "kafka", "\"replicas\": 3") "], \"edges\": ["
                                   EDGE ("e1", "db", "k", ", \"kind\": \"cdc\"") "]}", NULL);

  g_assert_cmpstr (single, ==, "spof:db");
  g_assert_cmpstr (replicated, ==, "");
  g_assert_cmpstr (managed, ==, "");
  g_assert_cmpstr (alone, ==, "");
  g_assert_cmpstr (critical, ==, "spof:api");
  g_assert_cmpstr (source, ==, "");

  /* A component with an empty or blank label is named by its kind. */
  {
    g_autofree char *empty = message_of ("{\"plano\": 1, \"nodes\": [" NODE ("api", "api", "") ","
                                         NAMED ("db", "postgres", "", "") "], \"edges\": ["
                                         EDGE ("e1", "api", "db", "") "]}", "spof");
    g_autofree char *blank = message_of ("{\"plano\": 1, \"nodes\": [" NODE ("api", "api", "") ","
                                         NAMED ("db", "postgres", " ", "") "], \"edges\": ["
                                         EDGE ("e1", "api", "db", "") "]}", "spof");

    g_assert_true (g_str_has_prefix (empty, "PostgreSQL keeps state on a single replica"));
    g_assert_true (g_str_has_prefix (blank, "PostgreSQL keeps state on a single replica"));
  }
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
                                     NODE ("k", "kafka", "\"replicas\": 3, \"partitions\": 8") ","
                                     NODE ("es", "elasticsearch", "\"replicas\": 5, \"idempotent\": true") "], \"edges\": ["
                                     EDGE ("e1", "f", "k", "") "," EDGE ("e2", "k", "es", "") "]}", NULL);
  g_autofree char *batch = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 5000") ","
                                  NODE ("job", "batch-job", "\"throughput\": 1000") "], \"edges\": ["
                                  EDGE ("e1", "s", "job", BATCH) "]}", NULL);

  g_assert_cmpstr (direct, ==, "bottleneck:es missing-buffer:e1");
  g_assert_cmpstr (buffered, ==, "");
  g_assert_cmpstr (batch, ==, "bottleneck:job");
}

/* Over-engineering: a log for a trickle, Spark for a small day, Cassandra for what
 * PostgreSQL holds; Spark and stores judged by the day's volume, analytics stores never
 * told to be PostgreSQL.
 */
static void
test_overkill (void)
{
  g_autofree char *kafka = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 50") ","
                                  NODE ("k", "kafka", "\"replicas\": 3") "], \"edges\": ["
                                  EDGE ("e1", "s", "k", "") "]}", NULL);
  g_autofree char *kafka_busy = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 5000") ","
                                       NODE ("k", "kafka", "\"replicas\": 3, \"partitions\": 2") "], \"edges\": ["
                                       EDGE ("e1", "s", "k", "") "]}", NULL);
  g_autofree char *spark = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 100") ","
                                  NODE ("sp", "spark", "") "], \"edges\": ["
                                  EDGE ("e1", "s", "sp", BATCH) "]}", NULL);
  /* 1 000 events/s of 100 KB is 8.6 TB a day: Spark's work. */
  g_autofree char *spark_big = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "") ","
                                      NODE ("sp", "spark", "\"replicas\": 10") "], \"edges\": ["
                                      EDGE ("e1", "s", "sp", BATCH ", \"props\": {\"rate\": 1000, \"bytes\": 100000}") "]}", NULL);
  /* 900 writes/s of 1 KB kept a week is 544 GB: one PostgreSQL; kept a year, 28 TB is not. */
  g_autofree char *cassandra = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 900") ","
                                      NODE ("c", "cassandra", "\"replicas\": 3, \"retention_days\": 7") "], \"edges\": ["
                                      EDGE ("e1", "s", "c", "") "]}", NULL);
  g_autofree char *cassandra_year = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 900") ","
                                           NODE ("c", "cassandra", "\"replicas\": 3") "], \"edges\": ["
                                           EDGE ("e1", "s", "c", "") "]}", NULL);
  /* 9 000 rows/s, 780 M rows a day, into ClickHouse: an analytics store, kept. */
  g_autofree char *clickhouse = fired ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 9000") ","
                                       NODE ("k", "kafka", "\"replicas\": 3, \"partitions\": 4") ","
                                       NODE ("ch", "clickhouse", "\"replicas\": 2, \"upsert\": true") "], \"edges\": ["
                                       EDGE ("e1", "s", "k", STREAM) "," EDGE ("e2", "k", "ch", STREAM) "]}", NULL);
  g_autofree char *spark_message = message_of ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 100") ","
                                               NODE ("sp", "spark", "") "], \"edges\": ["
                                               EDGE ("e1", "s", "sp", BATCH) "]}", "overkill-spark");

  g_assert_cmpstr (kafka, ==, "overkill-stream:k");
  g_assert_cmpstr (kafka_busy, ==, "");
  g_assert_cmpstr (spark, ==, "overkill-spark:sp");
  g_assert_cmpstr (spark_big, ==, "");
  g_assert_cmpstr (cassandra, ==, "overkill-database:c");
  g_assert_cmpstr (cassandra_year, ==, "");
  g_assert_cmpstr (clickhouse, ==, "");
  assert_contains (spark_message, "8.6 GB a day, under the 100 GB where Spark starts to pay off");
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
                                    EDGE ("e1", "a", "r", REQUEST) "]}", NULL);
  g_autofree char *message = message_of ("{\"plano\": 1, \"nodes\": [" NODE ("f", "flink", "\"replicas\": 2") ","
                                         NODE ("r", "redis", "\"replicas\": 2") "], \"edges\": ["
                                         EDGE ("e1", "f", "r", "") "]}", "idempotency");

  g_assert_cmpstr (plain, ==, "idempotency:r");
  g_assert_cmpstr (upsert, ==, "");
  g_assert_cmpstr (request, ==, "");
  /* Plain words, no prop names. */
  g_assert_null (strstr (message, "prop"));
  assert_contains (message, "upserts on a key");
}

/* Load through a diamond: both branches carry the source's 1 000/s and meet again. */
static void
test_diamond (void)
{
  g_autoptr(PlanoBoard) board = plano_test_board_from_json ("{\"plano\": 1, \"nodes\": ["
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

/* A cycle ends, and its loads are finite; a ring of services with a rate does too, and so
 * does a ring of zones. */
static void
test_cycle (void)
{
  g_autoptr(PlanoBoard) board = plano_test_board_from_json ("{\"plano\": 1, \"nodes\": ["
                                            NODE ("a", "app", "\"rate\": 100") "," NODE ("b", "service", "") ","
                                            NODE ("c", "service", "") "], \"edges\": ["
                                            EDGE ("e1", "a", "b", "") "," EDGE ("e2", "b", "c", "") ","
                                            EDGE ("e3", "c", "b", "") "," EDGE ("e4", "c", "c", "") "]}");
  g_autoptr(PlanoBoard) ring = plano_test_board_from_json ("{\"plano\": 1, \"nodes\": ["
                                           NODE ("a", "service", "\"rate\": 5000") "," NODE ("b", "service", "\"rate\": 5000") ","
                                           MEMBER ("c", "service", "z", "\"rate\": 5000") "], \"edges\": ["
                                           EDGE ("e1", "a", "b", REQUEST) "," EDGE ("e2", "b", "z", STREAM) ","
                                           EDGE ("e3", "z", "a", BATCH) "," EDGE ("e4", "z", "z", "") ","
                                           EDGE ("e5", "a", "z", "") "], \"zones\": [" ZONE ("z") "], "
                                           "\"props\": {\"p99_ms\": 1, \"freshness_s\": 1}}");
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  g_autoptr(PlanoReview) ring_review = plano_review_new (ring, NULL);
  double load = 0;

  g_assert_true (plano_review_get_load (review, "b", &load));
  g_assert_true (isfinite (load) && load >= 100);
  g_assert_true (plano_review_get_load (review, "c", &load));
  g_assert_true (isfinite (load));

  for (const char * const *id = (const char * const[]) { "a", "b", "c", NULL }; *id != NULL; id++)
    {
      g_assert_true (plano_review_get_load (ring_review, *id, &load));
      g_assert_true (isfinite (load) && load >= 5000);
    }
  g_assert_cmpuint (plano_review_get_findings (ring_review)->len, >, 0);
}

/* Failure injection: what is downstream of a failed component loses data or freshness. */
static void
test_down (void)
{
  const char *down[] = { "f", NULL };
  const char *leaf[] = { "r", NULL };
  g_autoptr(PlanoBoard) board = plano_test_board_from_json ("{\"plano\": 1, \"nodes\": ["
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
  assert_contains (finding->message, "Redis, Looker lose data or freshness");

  leaf_finding = g_ptr_array_index (plano_review_get_findings (review_leaf), 0);
  g_assert_cmpstr (leaf_finding->rule, ==, "down");
  g_assert_cmpstrv (leaf_finding->ids, ((const char *[]) { "r", "d", NULL }));
}

/* The down prop marks a component failed in the file itself, and the stale set is what the
 * canvas shows downstream of it, through zones too.
 */
static void
test_down_prop (void)
{
  g_autoptr(PlanoBoard) board = plano_test_board_from_json ("{\"plano\": 1, \"nodes\": ["
                                            NODE ("k", "kafka", "\"replicas\": 3") "," NODE ("f", "flink", "\"replicas\": 2, \"down\": true") ","
                                            NODE ("r", "redis", "\"replicas\": 2, \"upsert\": true") "," NODE ("x", "looker", "") ","
                                            MEMBER ("m", "druid", "z", "\"replicas\": 2, \"upsert\": true") "], \"edges\": ["
                                            EDGE ("e1", "k", "f", "") "," EDGE ("e2", "f", "r", "") ","
                                            EDGE ("e3", "f", "z", "") "], \"zones\": [" ZONE ("z") "]}");
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  g_autoptr(GHashTable) stale = plano_review_find_stale (board);
  g_autoptr(GHashTable) none = NULL;
  const PlanoFinding *finding = g_ptr_array_index (plano_review_get_findings (review), 0);
  PlanoProp up = { (char *) "down", PLANO_VALUE_BOOLEAN, 0, NULL, FALSE };

  g_assert_cmpstr (finding->rule, ==, "down");
  g_assert_cmpstrv (finding->ids, ((const char *[]) { "f", "r", "m", NULL }));
  g_assert_cmpuint (g_hash_table_size (stale), ==, 2);
  g_assert_true (g_hash_table_contains (stale, "r"));
  g_assert_true (g_hash_table_contains (stale, "m"));

  plano_board_set_prop (board, "f", &up);
  none = plano_review_find_stale (board);
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);
}

/* Request p99: node latencies plus 0.5 ms a hop, 150 ms across regions, against p99_ms, along
 * request connections only: a warehouse loaded in batches is not on the request path, and a
 * data flow is not a request.
 */
static void
test_path_latency (void)
{
#define LATENCY_BOARD(target, cross, kind) \
  "{\"plano\": 1, \"nodes\": [" \
  NODE ("a", "api", "\"replicas\": 2, \"latency_ms\": 20") "," \
  NODE ("c", "cache", "\"replicas\": 2, \"latency_ms\": 1") "," \
  NODE ("d", "database", "\"replicas\": 2, \"latency_ms\": 30") "," \
  NODE ("w", "warehouse", "\"latency_ms\": 5000") "], \"edges\": [" \
  EDGE ("e1", "a", "c", kind) "," EDGE ("e2", "c", "d", kind cross) "," \
  EDGE ("e3", "d", "w", BATCH) "]" target "}"
  g_autofree char *none = fired (LATENCY_BOARD ("", "", REQUEST), NULL);
  g_autofree char *within = fired (LATENCY_BOARD (", \"props\": {\"p99_ms\": 100}", "", REQUEST), NULL);
  g_autofree char *regions = fired (LATENCY_BOARD (", \"props\": {\"p99_ms\": 100}",
                                                   ", \"props\": {\"cross_region\": true}", REQUEST), NULL);
  g_autofree char *flows = fired (LATENCY_BOARD (", \"props\": {\"p99_ms\": 100}",
                                                 ", \"props\": {\"cross_region\": true}", ""), NULL);
  g_autoptr(PlanoBoard) board = plano_test_board_from_json (LATENCY_BOARD (", \"props\": {\"p99_ms\": 100}",
                                                           ", \"props\": {\"cross_region\": true}", REQUEST));
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  const PlanoFinding *finding = g_ptr_array_index (plano_review_get_findings (review), 0);

  /* 20 + 0.5 + 1 + 0.5 + 30 = 52 ms; the batch hop into the warehouse does not count. */
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (within, ==, "");
  /* 20 + 0.5 + 1 + 150 + 30 = 201.5 ms. */
  g_assert_cmpstr (regions, ==, "path-latency:a");
  g_assert_cmpstr (flows, ==, "");
  g_assert_cmpstrv (finding->ids, ((const char *[]) { "a", "c", "d", NULL }));
  assert_contains (finding->message, "The slowest request path, Serving API → Cache → Database,");
  assert_contains (finding->message, "202 ms against the p99 target of 100 ms");
#undef LATENCY_BOARD
}

/* A loop on the latency path is left out, not followed. */
static void
test_path_latency_cycle (void)
{
  g_autofree char *loop = fired ("{\"plano\": 1, \"nodes\": [" NODE ("a", "api", "\"replicas\": 2, \"latency_ms\": 300") ","
                                 NODE ("b", "api", "\"replicas\": 2, \"latency_ms\": 300") "], \"edges\": ["
                                 EDGE ("e1", "a", "b", REQUEST) "," EDGE ("e2", "b", "a", REQUEST) "], \"props\": {\"p99_ms\": 100}}", NULL);

  g_assert_cmpstr (loop, ==, "");
}

/* Freshness: the slowest data path, each scheduled step waiting for its next run and taking
 * its window, against freshness_s.
 */
static void
test_freshness (void)
{
#define FRESH_BOARD(target, schedule) \
  "{\"plano\": 1, \"nodes\": [" NODE ("apps", "app", "\"rate\": 5000") "," \
  NODE ("k", "kafka", "\"replicas\": 3, \"partitions\": 4") "," NODE ("lake", "lake", "") "," \
  NODE ("sp", "spark", "\"replicas\": 2") "," NAMED ("r", "looker", "Reports", "") "], \"edges\": [" \
  EDGE ("e1", "apps", "k", STREAM) "," EDGE ("e2", "k", "lake", BATCH schedule) "," \
  EDGE ("e3", "lake", "sp", BATCH schedule) "," EDGE ("e4", "sp", "r", BATCH schedule) "]" target "}"
  g_autofree char *none = fired (FRESH_BOARD ("", ""), NULL);
  g_autofree char *late = fired (FRESH_BOARD (", \"props\": {\"freshness_s\": 300}", ""), NULL);
  g_autofree char *day = fired (FRESH_BOARD (", \"props\": {\"freshness_s\": 86400}", ""), NULL);
  /* Runs every 15 minutes that take at most 15: 30 minutes a hop. */
  g_autofree char *often = fired (FRESH_BOARD (", \"props\": {\"freshness_s\": 7200}",
                                               ", \"props\": {\"batch_runs\": 96, \"batch_window_h\": 0.25}"), NULL);
  g_autofree char *message = message_of (FRESH_BOARD (", \"props\": {\"freshness_s\": 300}", ""), "freshness");

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (late, ==, "freshness:apps");
  g_assert_cmpstr (day, ==, "");
  g_assert_cmpstr (often, ==, "");
  /* Two scheduled steps, the load into the lake and Spark's run, each 1 h to the next run and
   * 1 h of run, plus Spark's minute: Spark's output reaches Reports when its run ends, without
   * a second wait on the way out. */
  assert_contains (message, "Data reaches Reports up to 4.02 h after the event, along Apps → Kafka → Data lake → Spark → Reports,");
  assert_contains (message, "against a freshness target of 5.00 min");
#undef FRESH_BOARD
}

/* A service that reads a store by request is as fresh as the store: the path it is told runs
 * through the store, as drawn (a batch load into Redis, which the API reads), and the one slow
 * path is one finding, at the reader, not a second one at the store. */
#define READS_BOARD(api_target) \
  "{\"plano\": 1, \"nodes\": [" NODE ("user", "client", "") "," NODE ("api", "api", "\"replicas\": 2" api_target) "," \
  NODE ("cache", "redis", "\"replicas\": 2, \"idempotent\": true") "," NODE ("apps", "app", "") "," \
  NODE ("kafka", "kafka", "\"partitions\": 12, \"replicas\": 3") "," NODE ("wh", "warehouse", "\"idempotent\": true") \
  "], \"edges\": [" EDGE ("r1", "user", "api", REQUEST ", \"props\": {\"rate\": 100}") "," \
  EDGE ("r2", "api", "cache", REQUEST) "," EDGE ("w1", "apps", "kafka", STREAM ", \"props\": {\"rate\": 5000}") "," \
  EDGE ("w2", "kafka", "wh", STREAM) "," EDGE ("w3", "wh", "cache", BATCH) "], " \
  "\"props\": {\"p99_ms\": 50, \"freshness_s\": 300}}"

static void
test_freshness_reads (void)
{
  g_autoptr(PlanoBoard) board = plano_test_board_from_json (READS_BOARD (""));
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  const PlanoFinding *finding = g_ptr_array_index (plano_review_get_findings (review), 0);
  g_autofree char *rules = fired_on (board, NULL);
  /* A looser target of the API's own: it is in time, and Redis, late, is reported itself. */
  g_autofree char *api_in_time = fired (READS_BOARD (", \"freshness_s\": 86400"), NULL);
  g_autofree char *store_message = message_of (READS_BOARD (", \"freshness_s\": 86400"), "freshness");

  g_assert_cmpstr (rules, ==, "freshness:apps");
  g_assert_cmpstrv (finding->ids, ((const char *[]) { "apps", "kafka", "wh", "cache", "api", NULL }));
  /* The batch hop waits up to an hour for its run and takes an hour. */
  assert_contains (finding->message, "Data reaches Serving API up to 2.00 h after the event, along "
                                     "Apps → Kafka → Data warehouse → Redis → Serving API, against a freshness target of 5.00 min");
  g_assert_cmpstr (api_in_time, ==, "freshness:apps");
  assert_contains (store_message, "Data reaches Redis up to 2.00 h after the event, along Apps → Kafka → Data warehouse → Redis,");
}

/* The same finding in Spanish and Portuguese, with the same path. */
static void
test_freshness_reads_translated (gconstpointer data)
{
  const char *language = data;
  const char *english = "Data reaches %s up to %s after the event, along %s, against a freshness target of %s: "
                        "run the slowest batch step more often or in a shorter window, or move it onto the stream";
  g_autoptr(PlanoBoard) board = plano_test_board_from_json (READS_BOARD (""));
  g_autoptr(PlanoReview) review = NULL;
  const PlanoFinding *finding;
  g_autofree char *path = NULL;
  const char *start;

  plano_test_use_language (language);
  review = plano_review_new (board, NULL);
  g_assert_cmpuint (plano_review_get_findings (review)->len, ==, 1);
  finding = g_ptr_array_index (plano_review_get_findings (review), 0);
  path = g_strdup_printf ("%s → Kafka → %s → Redis → %s,", plano_kind_get_name (plano_catalog_lookup ("app")),
                          plano_kind_get_name (plano_catalog_lookup ("warehouse")),
                          plano_kind_get_name (plano_catalog_lookup ("api")));
  start = g_str_equal (language, "es") ? "Los datos llegan a API de consulta hasta 2,00 h después del evento, por "
                                       : "Os dados chegam a API de consulta até 2,00 h depois do evento, por ";

  g_assert_cmpstr (finding->rule, ==, "freshness");
  g_assert_cmpstr (_(english), !=, english);
  if (!g_str_has_prefix (finding->message, start))
    g_error ("“%s” does not start with “%s”", finding->message, start);
  assert_contains (finding->message, path);
  plano_test_use_language ("en");
}
#undef READS_BOARD

/* A firehose into a warehouse with nothing durable between keeps nothing to replay. */
static void
test_no_replay_log (void)
{
  g_autofree char *firehose = fired ("{\"plano\": 1, \"nodes\": [" NODE ("apps", "app", "\"rate\": 200000") ","
                                     NODE ("wh", "warehouse", "") "], \"edges\": ["
                                     EDGE ("e1", "apps", "wh", "") "]}", NULL);
  g_autofree char *logged = fired ("{\"plano\": 1, \"nodes\": [" NODE ("apps", "app", "\"rate\": 200000") ","
                                   NODE ("k", "kafka", "\"replicas\": 3, \"partitions\": 60") ","
                                   NODE ("wh", "warehouse", "") "], \"edges\": ["
                                   EDGE ("e1", "apps", "k", "") "," EDGE ("e2", "k", "wh", BATCH) "]}", NULL);
  g_autofree char *through_job = fired ("{\"plano\": 1, \"nodes\": [" NODE ("apps", "app", "\"rate\": 5000") ","
                                        NODE ("f", "flink", "\"replicas\": 2, \"dead_letter\": true") ","
                                        NODE ("wh", "warehouse", "\"idempotent\": true") "], \"edges\": ["
                                        EDGE ("e1", "apps", "f", STREAM) "," EDGE ("e2", "f", "wh", "") "]}", NULL);
  g_autofree char *modest = fired ("{\"plano\": 1, \"nodes\": [" NODE ("apps", "app", "\"rate\": 500") ","
                                   NODE ("wh", "warehouse", "") "], \"edges\": ["
                                   EDGE ("e1", "apps", "wh", "") "]}", NULL);
  g_autofree char *cdc = fired ("{\"plano\": 1, \"nodes\": [" NODE ("db", "postgres", "") ","
                                NODE ("wh", "warehouse", "") "], \"edges\": ["
                                EDGE ("e1", "db", "wh", ", \"kind\": \"cdc\", \"props\": {\"rate\": 20000}") "]}", NULL);
  g_autofree char *message = message_of ("{\"plano\": 1, \"nodes\": [" NODE ("apps", "app", "\"rate\": 200000") ","
                                         NAMED ("wh", "warehouse", "Snowflake", "") "], \"edges\": ["
                                         EDGE ("e1", "apps", "wh", "") "]}", "no-replay-log");

  g_assert_cmpstr (firehose, ==, "no-replay-log:apps");
  g_assert_cmpstr (logged, ==, "");
  g_assert_cmpstr (through_job, ==, "no-replay-log:apps");
  g_assert_cmpstr (modest, ==, "");
  g_assert_cmpstr (cdc, ==, "idempotency:wh");
  assert_contains (message, "Apps sends 200\u00a0000/s into Snowflake with no durable log on the way");
}

/* A connection out of a zone comes from its members: a zone of sources straight into a
 * warehouse keeps nothing to replay, as the same sources drawn one by one do. */
static void
test_no_replay_log_zone (void)
{
#define SOURCES_BOARD(members, rate) \
  "{\"plano\": 1, \"nodes\": [" MEMBER ("iot", "iot", "src", "") "," MEMBER ("apps", "app", "src", "") members "," \
  NODE ("wh", "warehouse", "\"idempotent\": true") "], \"edges\": [" \
  EDGE ("e1", "src", "wh", STREAM rate) "], \"zones\": [{\"id\": \"src\", \"label\": \"Sources\", " \
  "\"x\": 0, \"y\": 0, \"w\": 300, \"h\": 300}]}"
  g_autofree char *zone = fired (SOURCES_BOARD ("", ", \"props\": {\"rate\": 50000}"), NULL);
  g_autofree char *no_rate = fired (SOURCES_BOARD ("", ""), NULL);
  g_autofree char *modest = fired (SOURCES_BOARD ("", ", \"props\": {\"rate\": 500}"), NULL);
  /* With a log among the members, the events may leave through it. */
  g_autofree char *logged = fired (SOURCES_BOARD ("," MEMBER ("k", "kafka", "src", "\"partitions\": 4, \"replicas\": 3"),
                                                  ", \"props\": {\"rate\": 50000}"), NULL);
  g_autofree char *message = message_of (SOURCES_BOARD ("", ", \"props\": {\"rate\": 50000}"), "no-replay-log");
  g_autoptr(PlanoBoard) board = plano_test_board_from_json (SOURCES_BOARD ("", ", \"props\": {\"rate\": 50000}"));
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  const PlanoFinding *finding = g_ptr_array_index (plano_review_get_findings (review), 0);

  g_assert_cmpstr (zone, ==, "no-replay-log:src");
  g_assert_cmpstr (no_rate, ==, "");
  g_assert_cmpstr (modest, ==, "");
  g_assert_cmpstr (logged, ==, "");
  g_assert_cmpstrv (finding->ids, ((const char *[]) { "src", "wh", NULL }));
  assert_contains (message, "Sources sends 50\u00a0000/s into Data warehouse with no durable log on the way");
#undef SOURCES_BOARD
}

static void
test_dead_letter (void)
{
#define DLQ_BOARD(flink, queue, out) \
  "{\"plano\": 1, \"nodes\": [" NODE ("k", "kafka", "\"replicas\": 3, \"partitions\": 4") "," \
  NODE ("f", "flink", "\"replicas\": 2" flink) "," NODE ("r", "redis", "\"replicas\": 2, \"upsert\": true") \
  queue "], \"edges\": [" EDGE ("e1", "k", "f", STREAM) "," EDGE ("e2", "f", "r", STREAM) out "]}"
  g_autofree char *none = fired (DLQ_BOARD ("", "", ""), NULL);
  g_autofree char *labelled = fired (DLQ_BOARD ("", "," NODE ("q", "queue", "\"replicas\": 2"),
                                                "," EDGE ("e3", "f", "q", ", \"label\": \"DLQ\"")), NULL);
  g_autofree char *named = fired (DLQ_BOARD ("", "," NAMED ("q", "kafka", "Dead letters", "\"replicas\": 3"),
                                             "," EDGE ("e3", "f", "q", "")), NULL);
  g_autofree char *flagged = fired (DLQ_BOARD (", \"dead_letter\": true", "", ""), NULL);
  g_autofree char *connector = fired ("{\"plano\": 1, \"nodes\": [" NODE ("k", "kafka", "\"replicas\": 3") ","
                                      NODE ("c", "kafka-connect", "") "," NODE ("l", "lake", "\"idempotent\": true") "], \"edges\": ["
                                      EDGE ("e1", "k", "c", STREAM) "," EDGE ("e2", "c", "l", "") "]}", NULL);

  g_assert_cmpstr (none, ==, "dead-letter:f");
  g_assert_cmpstr (labelled, ==, "");
  g_assert_cmpstr (named, ==, "");
  g_assert_cmpstr (flagged, ==, "");
  g_assert_cmpstr (connector, ==, "dead-letter:c");
  /* A source connector reading a database's log (Debezium) stops on a change it cannot read,
   * as a copy should: no dead-letter topic is asked of it. */
  {
    g_autofree char *source = fired ("{\"plano\": 1, \"nodes\": [" NODE ("db", "postgres", "\"replicas\": 2") ","
                                     NODE ("c", "kafka-connect", "\"replicas\": 2") "," NODE ("k", "kafka", "\"replicas\": 3") "], \"edges\": ["
                                     EDGE ("e1", "db", "c", ", \"kind\": \"cdc\"") "," EDGE ("e2", "c", "k", STREAM) "]}", NULL);

    g_assert_null (strstr (source, "dead-letter"));
  }
#undef DLQ_BOARD
}

/* A dead-letter topic takes the records that fail, not the stream: a topic of one partition
 * for them is no parallelism or bottleneck flaw, whatever the job reads; a rate drawn on its
 * connection still loads it. */
static void
test_dead_letter_load (void)
{
#define DEAD_BOARD(out) \
  "{\"plano\": 1, \"nodes\": [" NODE ("apps", "app", "") "," \
  NODE ("k", "kafka", "\"partitions\": 4, \"replicas\": 3") "," \
  NODE ("f", "flink", "\"replicas\": 2, \"checkpoints\": true") "," \
  NODE ("dlq", "kafka", "\"partitions\": 1, \"replicas\": 3") "], \"edges\": [" \
  EDGE ("e1", "apps", "k", STREAM ", \"props\": {\"rate\": 5000, \"bytes\": 1000}") "," \
  EDGE ("e2", "k", "f", STREAM) "," EDGE ("e3", "f", "dlq", STREAM out) "]}"
  g_autoptr(PlanoBoard) board = plano_test_board_from_json (DEAD_BOARD (", \"label\": \"dead letters\""));
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  g_autofree char *labelled = fired_on (board, NULL);
  g_autofree char *flagged = fired (DEAD_BOARD (", \"props\": {\"dead_letter\": true}"), NULL);
  /* Without a word that says so, the topic is the job's output, and 5 MB/s needs 2 partitions. */
  g_autofree char *output = fired (DEAD_BOARD (""), NULL);
  g_autoptr(PlanoBoard) board_rated = plano_test_board_from_json (DEAD_BOARD (", \"label\": \"dead letters\", \"props\": {\"rate\": 50, \"bytes\": 1000}"));
  g_autoptr(PlanoReview) review_rated = plano_review_new (board_rated, NULL);
  g_autofree char *rated = fired_on (board_rated, NULL);
  double load = -1;

  g_assert_cmpstr (labelled, ==, "");
  g_assert_cmpstr (flagged, ==, "");
  g_assert_true (plano_review_get_load (review, "dlq", &load));
  g_assert_cmpfloat (load, ==, 0);
  g_assert_true (plano_review_get_load (review, "k", &load));
  g_assert_cmpfloat (load, ==, 5000);
  g_assert_cmpstr (output, ==, "dead-letter:f consumer-parallelism:dlq");
  /* 50 records/s that fail: a trickle, which one partition takes and which is no log built
   * for a trickle either. */
  g_assert_cmpstr (rated, ==, "");
  g_assert_true (plano_review_get_load (review_rated, "dlq", &load));
  g_assert_cmpfloat (load, ==, 50);
#undef DEAD_BOARD
}

/* Idle consumers past the partitions, and partitions short of the bytes. */
static void
test_consumer_parallelism (void)
{
#define GROUP_BOARD(partitions, bytes) \
  "{\"plano\": 1, \"nodes\": [" NODE ("apps", "app", "") "," \
  NODE ("k", "kafka", "\"replicas\": 3, \"partitions\": " partitions) "," \
  NODE ("f", "flink", "\"replicas\": 4, \"dead_letter\": true") "], \"edges\": [" \
  EDGE ("e1", "apps", "k", ", \"props\": {\"rate\": 50000, \"bytes\": " bytes "}") "," EDGE ("e2", "k", "f", STREAM) "]}"
  g_autofree char *idle = fired (GROUP_BOARD ("2", "100"), NULL);
  g_autofree char *enough = fired (GROUP_BOARD ("4", "100"), NULL);
  g_autofree char *short_of_bytes = fired (GROUP_BOARD ("4", "1000"), NULL);
  g_autofree char *bytes_fine = fired (GROUP_BOARD ("8", "1000"), NULL);
  g_autofree char *idle_message = message_of (GROUP_BOARD ("2", "100"), "consumer-parallelism");
  g_autofree char *bytes_message = message_of (GROUP_BOARD ("4", "1000"), "consumer-parallelism");

  g_assert_cmpstr (idle, ==, "consumer-parallelism:f");
  g_assert_cmpstr (enough, ==, "");
  /* 50 MB/s at 10 MB/s a partition with 3× headroom: 15 partitions. */
  g_assert_cmpstr (short_of_bytes, ==, "consumer-parallelism:k");
  g_assert_cmpstr (bytes_fine, ==, "");
  assert_contains (idle_message, "runs more instances (4) than Kafka has partitions (2)");
  assert_contains (idle_message, "so 2 of them sit idle; give the topic at least 4 partitions");
  assert_contains (bytes_message, "Kafka has 4 partitions for 50 MB/s");
  assert_contains (bytes_message, "it needs 15");
#undef GROUP_BOARD
}

/* A stateful stream job on one instance: checkpoints and a standby, not a plain spof. */
static void
test_checkpoint (void)
{
#define JOB_BOARD(props) \
  "{\"plano\": 1, \"nodes\": [" NODE ("k", "kafka", "\"replicas\": 3, \"partitions\": 4") "," \
  NODE ("f", "flink", "\"dead_letter\": true" props) "], \"edges\": [" EDGE ("e1", "k", "f", STREAM) "]}"
  g_autofree char *single = fired (JOB_BOARD (""), NULL);
  g_autofree char *checkpointed = fired (JOB_BOARD (", \"checkpoints\": true"), NULL);
  g_autofree char *replicated = fired (JOB_BOARD (", \"replicas\": 2"), NULL);
  g_autofree char *message = message_of (JOB_BOARD (""), "checkpoint");

  g_assert_cmpstr (single, ==, "checkpoint:f");
  g_assert_cmpstr (checkpointed, ==, "");
  g_assert_cmpstr (replicated, ==, "");
  assert_contains (message, "checkpoint it to durable storage");
  assert_contains (message, "standby job manager");
#undef JOB_BOARD
}

static void
test_lambda_vs_kappa (void)
{
#define LOG_BOARD(batch) \
  "{\"plano\": 1, \"nodes\": [" NODE ("apps", "app", "") "," NODE ("k", "kafka", "\"replicas\": 3, \"partitions\": 12") "," \
  NODE ("f", "flink", "\"replicas\": 2, \"dead_letter\": true") "," NODE ("lake", "lake", "") "," NODE ("sp", "spark", "") \
  "], \"edges\": [" EDGE ("e1", "apps", "k", STREAM) "," EDGE ("e2", "k", "f", STREAM) "," \
  EDGE ("e3", "k", "lake", batch) "," EDGE ("e4", "lake", "sp", BATCH) "]}"
  g_autofree char *both = fired (LOG_BOARD (BATCH), NULL);
  g_autofree char *stream_only = fired (LOG_BOARD (", \"kind\": \"replication\""), NULL);
  g_autofree char *message = message_of (LOG_BOARD (BATCH), "lambda-vs-kappa");

  g_assert_cmpstr (both, ==, "lambda-vs-kappa:k");
  g_assert_cmpstr (stream_only, ==, "");
  assert_contains (message, "Kafka feeds both a stream job (Flink) and a batch recompute (Spark)");
  assert_contains (message, "(Kappa)");
  assert_contains (message, "(Lambda)");
#undef LOG_BOARD
}

static void
test_unconnected (void)
{
  g_autofree char *stray = fired ("{\"plano\": 1, \"nodes\": [" NODE ("a", "client", "") "," NODE ("b", "looker", "") ","
                                  NODE ("c", "redis", "") "," NODE ("o", "airflow", "") "], \"edges\": ["
                                  EDGE ("e1", "a", "b", "") "]}", NULL);
  g_autofree char *sketch = fired ("{\"plano\": 1, \"nodes\": [" NODE ("a", "client", "") "," NODE ("c", "redis", "") "]}", NULL);

  /* Airflow orchestrates the whole board and is drawn on its own. */
  g_assert_cmpstr (stray, ==, "unconnected:c");
  g_assert_cmpstr (sketch, ==, "");
}

/* Reads are not writes: the query service behind a serving store takes none of the ingest,
 * only the queries its request connection says. */
static void
test_reads_not_writes (void)
{
#define READ_BOARD(request) \
  "{\"plano\": 1, \"nodes\": [" NODE ("apps", "app", "\"rate\": 50000") "," \
  NODE ("k", "kafka", "\"replicas\": 3, \"partitions\": 24") "," \
  NODE ("f", "flink", "\"replicas\": 4, \"dead_letter\": true") "," \
  NODE ("d", "druid", "\"replicas\": 2, \"upsert\": true") "," NODE ("q", "api", "\"replicas\": 2") "], \"edges\": [" \
  EDGE ("e1", "apps", "k", STREAM) "," EDGE ("e2", "k", "f", STREAM) "," EDGE ("e3", "f", "d", STREAM) "," \
  EDGE ("e4", "d", "q", REQUEST request) "]}"
  g_autoptr(PlanoBoard) board = plano_test_board_from_json (READ_BOARD (""));
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  g_autofree char *quiet = fired (READ_BOARD (""), NULL);
  g_autofree char *busy = fired (READ_BOARD (", \"props\": {\"rate\": 3000}"), NULL);
  g_autofree char *message = message_of (READ_BOARD (", \"props\": {\"rate\": 3000}"), "bottleneck");
  PlanoLoad volume;
  double load = -1;

  g_assert_true (plano_review_get_load (review, "q", &load));
  g_assert_cmpfloat (load, ==, 0);
  g_assert_true (plano_review_get_volume (review, "d", &volume));
  g_assert_cmpfloat (volume.writes, ==, 50000);
  g_assert_cmpfloat (volume.write_bytes, ==, 50e6);
  g_assert_cmpfloat (volume.reads, ==, 0);
  g_assert_cmpstr (quiet, ==, "");
  /* 3 000 queries/s on 2 × 1 000/s; no buffer asked for in front of a query. */
  g_assert_cmpstr (busy, ==, "bottleneck:q");
  assert_contains (message, "Serving API takes 3\u00a0000 queries/s against a capacity of 2\u00a0000/s");
#undef READ_BOARD
}

/* Batch work is a day's volume against the window its runs must fit in, not the peak per
 * second. */
static void
test_batch_window (void)
{
#define SPARK_BOARD(props) \
  "{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "\"rate\": 50000") "," NODE ("sp", "spark", props) "], \"edges\": [" \
  EDGE ("e1", "s", "sp", BATCH) "]}"
  g_autofree char *hourly = fired (SPARK_BOARD ("\"replicas\": 3"), NULL);
  g_autofree char *nightly = fired (SPARK_BOARD ("\"replicas\": 3, \"batch_runs\": 1, \"batch_window_h\": 2"), NULL);
  g_autofree char *enough = fired (SPARK_BOARD ("\"replicas\": 20"), NULL);
  g_autofree char *message = message_of (SPARK_BOARD ("\"replicas\": 3, \"batch_runs\": 1, \"batch_window_h\": 2"), "bottleneck");
  g_autoptr(PlanoBoard) board = plano_test_board_from_json (SPARK_BOARD ("\"replicas\": 3"));
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  PlanoLoad volume;

  g_assert_true (plano_review_get_volume (review, "sp", &volume));
  g_assert_cmpfloat (volume.daily, ==, 50000.0 * 86400);
  g_assert_cmpfloat (volume.writes, ==, 0);
  /* 24 runs of an hour: the day's average, 50 000/s, on 3 × 20 000/s. */
  g_assert_cmpstr (hourly, ==, "hot:sp");
  /* One run of two hours: the whole day in 7 200 s, 600 000/s. */
  g_assert_cmpstr (nightly, ==, "bottleneck:sp");
  g_assert_cmpstr (enough, ==, "");
  assert_contains (message, "Spark gets 4.3 TB a day and needs 600\u00a0000/s to finish each run within 2.00 h");
  assert_contains (message, "give it 38 nodes or a longer window");
#undef SPARK_BOARD
}

/* A connection into a zone reaches each member; one out of it carries what came in once. */
static void
test_zones (void)
{
  g_autoptr(PlanoBoard) board = plano_test_board_from_json ("{\"plano\": 1, \"nodes\": ["
                                            NODE ("f", "flink", "\"rate\": 30000, \"replicas\": 2, \"dead_letter\": true") ","
                                            MEMBER ("r", "redis", "serving", "") "," MEMBER ("d", "druid", "serving", "") ","
                                            MEMBER ("e", "elasticsearch", "serving", "") "," NODE ("lake", "lake", "") "], \"edges\": ["
                                            EDGE ("e1", "f", "serving", STREAM) "," EDGE ("e2", "serving", "lake", BATCH)
                                            "], \"zones\": [" ZONE ("serving") "]}");
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  g_autofree char *rules = fired_on (board, NULL);
  PlanoLoad volume;
  double load;

  for (const char * const *id = (const char * const[]) { "r", "d", "e", NULL }; *id != NULL; id++)
    {
      g_assert_true (plano_review_get_load (review, *id, &load));
      g_assert_cmpfloat (load, ==, 30000);
    }
  g_assert_true (plano_review_get_volume (review, "lake", &volume));
  g_assert_cmpfloat (volume.daily, ==, 30000.0 * 86400);

  g_assert_cmpstr (rules, ==, "bottleneck:e spof:r spof:d spof:e missing-buffer:e1 "
                              "idempotency:r idempotency:d idempotency:e");
}

/* Values that are not rates, sizes or windows are left out, with one warning, and refused by
 * the check with their path. */
static void
test_bad_values (void)
{
  g_autoptr(PlanoBoard) board = plano_test_board_from_json ("{\"plano\": 1, \"nodes\": [" NODE ("s", "app", "") ","
                                            NODE ("api", "api", "") "," NODE ("b", "batch-job", "") "], \"edges\": ["
                                            EDGE ("e1", "s", "api", ", \"props\": {\"rate\": 500}") ","
                                            EDGE ("e2", "s", "b", BATCH) "]}");
  PlanoProp negative = { (char *) "rate", PLANO_VALUE_NUMBER, -5, NULL, FALSE };
  PlanoProp absurd = { (char *) "rate", PLANO_VALUE_NUMBER, 1e300, NULL, FALSE };
  PlanoProp words = { (char *) "bytes", PLANO_VALUE_STRING, 0, (char *) "big", FALSE };
  PlanoProp window = { (char *) "batch_window_h", PLANO_VALUE_NUMBER, 0, NULL, FALSE };
  g_autoptr(PlanoReview) review = NULL;
  g_autoptr(GError) error = NULL;
  const PlanoFinding *finding;
  double load = -1;

  g_assert_true (plano_format_check_load_props (board, NULL));

  g_assert_true (plano_board_set_prop (board, "e1", &negative));
  g_assert_true (plano_board_set_prop (board, "s", &absurd));
  g_assert_true (plano_board_set_prop (board, "s", &words));
  g_assert_true (plano_board_set_prop (board, "b", &window));

  review = plano_review_new (board, NULL);
  g_assert_cmpuint (plano_review_get_findings (review)->len, ==, 1);
  finding = g_ptr_array_index (plano_review_get_findings (review), 0);
  g_assert_cmpstr (finding->rule, ==, "bad-value");
  g_assert_cmpint (finding->severity, ==, PLANO_SEVERITY_WARNING);
  g_assert_cmpstrv (finding->ids, ((const char *[]) { "s", "b", "e1", NULL }));
  assert_contains (finding->message, "4 rates, sizes or windows left out, on Apps, Batch job, e1");
  /* Left out: the source's absurd rate and the edge's negative one carry nothing. */
  g_assert_true (plano_review_get_load (review, "api", &load));
  g_assert_cmpfloat (load, ==, 0);

  g_assert_false (plano_format_check_load_props (board, &error));
  g_assert_cmpstr (error->message, ==, "nodes[0].props.rate: 1e+300 is not a rate: give events per second, from 0 to 10¹²");
}

/* A p99 target or a latency below zero is no target: left out with the one warning, and
 * refused by the check with its path, as a negative freshness target is. */
static void
test_bad_latencies (void)
{
  g_autoptr(PlanoBoard) board = plano_test_board_from_json ("{\"plano\": 1, \"nodes\": [" NODE ("apps", "app", "") ","
                                            NODE ("spark", "spark", "") "," NODE ("api", "api", "") "], \"edges\": ["
                                            EDGE ("e1", "apps", "spark", BATCH ", \"props\": {\"rate\": 100}") ","
                                            EDGE ("r1", "api", "spark", REQUEST) "], \"props\": {\"p99_ms\": -5}}");
  g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
  g_autofree char *slow_rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) slow_error = NULL;
  PlanoProp slow = { (char *) "latency_ms", PLANO_VALUE_NUMBER, -1, NULL, FALSE };
  PlanoProp target = { (char *) "p99_ms", PLANO_VALUE_NUMBER, 100, NULL, FALSE };
  g_autofree char *rules = fired_on (board, NULL);
  const PlanoFinding *finding = g_ptr_array_index (plano_review_get_findings (review), 0);

  g_assert_cmpstr (rules, ==, "bad-value: overkill-spark:spark");
  assert_contains (finding->message, "1 rate, size or window left out, on the board");
  g_assert_false (plano_format_check_load_props (board, &error));
  g_assert_cmpstr (error->message, ==, "props.p99_ms: -5 is not a latency: give milliseconds, from 0 to 10¹²");

  g_assert_true (plano_board_set_prop (board, NULL, &target));
  g_assert_true (plano_board_set_prop (board, "api", &slow));
  slow_rules = fired_on (board, NULL);
  /* Spark's minute is past the 100 ms target; the API's latency is left out, not taken off. */
  g_assert_cmpstr (slow_rules, ==, "path-latency:api bad-value:api overkill-spark:spark");
  g_assert_false (plano_format_check_load_props (board, &slow_error));
  g_assert_cmpstr (slow_error->message, ==, "nodes[2].props.latency_ms: -1 is not a latency: give milliseconds, from 0 to 10¹²");
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

      g_assert_false (g_strv_contains ((const char * const *) f->ids, "kafka") &&
                      !g_str_equal (f->rule, "lambda-vs-kappa"));
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

typedef struct
{
  const char *id;
  const char *load_rules;   /* bottleneck, hot and missing-buffer findings, as in fired() */
} TemplateLoad;

/* Every template with its realistic rates: the load findings are the true ones, and none
 * comes from reads, batch volumes or zones. */
static void
test_templates (void)
{
  static const TemplateLoad expected[] = {
    /* Flink's stream reaches each store of the serving layer: Elasticsearch indexes 50 000
     * documents/s on one node, Druid ingests at its capacity. Spark, fed in batches, holds. */
    { "realtime-analytics", "bottleneck:es hot:druid missing-buffer:flink-serving" },
    { "lambda", "" },
    { "kappa", "" },
    { "medallion", "" },
    { "modern-data-stack", "" },
    { "data-mesh", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanoBoard) board = plano_template_load (expected[i].id, &error);
      g_autoptr(PlanoReview) review = NULL;
      g_autoptr(GString) load_rules = g_string_new (NULL);
      GPtrArray *findings;

      g_assert_no_error (error);
      g_assert_true (plano_format_check_load_props (board, NULL));
      review = plano_review_new (board, NULL);
      findings = plano_review_get_findings (review);
      for (guint j = 0; j < findings->len; j++)
        {
          const PlanoFinding *f = g_ptr_array_index (findings, j);

          if (!g_str_equal (f->rule, "bottleneck") && !g_str_equal (f->rule, "hot") &&
              !g_str_equal (f->rule, "missing-buffer"))
            continue;
          if (load_rules->len > 0)
            g_string_append_c (load_rules, ' ');
          g_string_append_printf (load_rules, "%s:%s", f->rule, f->ids[0]);
        }
      g_assert_cmpstr (load_rules->str, ==, expected[i].load_rules);
    }
}

/* The query service of Lambda and Kappa takes none of the ingest, and the reads it is given. */
static void
test_templates_reads (void)
{
  for (const char * const *id = (const char * const[]) { "lambda", "kappa", NULL }; *id != NULL; id++)
    {
      g_autoptr(PlanoBoard) board = plano_template_load (*id, NULL);
      g_autoptr(PlanoReview) quiet = plano_review_new (board, NULL);
      g_autoptr(PlanoReview) busy = NULL;
      const char *api = g_str_equal (*id, "lambda") ? "query" : "api";
      PlanoProp rate = { (char *) "rate", PLANO_VALUE_NUMBER, 1500, NULL, FALSE };
      g_autofree char *rules = NULL;
      double load = -1;

      g_assert_true (plano_review_get_load (quiet, api, &load));
      g_assert_cmpfloat (load, ==, 0);

      /* 1 500 queries/s on each of the two request connections: 3 000 on 2 × 1 000/s. */
      for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_EDGE); i++)
        {
          const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i);

          if (g_strcmp0 (edge->kind, "request") == 0)
            g_assert_true (plano_board_set_prop (board, edge->item.id, &rate));
        }
      busy = plano_review_new (board, NULL);
      g_assert_true (plano_review_get_load (busy, api, &load));
      g_assert_cmpfloat (load, ==, 3000);
      rules = fired_on (board, NULL);
      g_assert_true (g_str_has_prefix (rules, "bottleneck:"));
      g_assert_null (strstr (rules, "missing-buffer"));
    }
}

/* Random boards, zones, cycles and values of every kind: the review ends, its loads are
 * finite and every finding names a rule it has and items the board holds. */
static void
test_random_boards (void)
{
  static const char * const kinds[] = {
    "app", "iot", "cdc", "postgres", "kafka", "kinesis", "flink", "spark", "spark-streaming",
    "lake", "warehouse", "druid", "redis", "clickhouse", "cassandra", "api", "service",
    "queue", "stream-job", "kafka-connect", "looker", "airflow", "quantum-db",
  };
  static const char * const edge_kinds[] = {
    "flow", "stream", "batch", "request", "cdc", "replication", "teleport",
  };
  static const char * const names[] = {
    "rate", "bytes", "throughput", "replicas", "partitions", "batch_window_h", "batch_runs",
    "latency_ms", "parallelism", "retention_days",
  };
  static const double values[] = { -5, 0, 0.5, 1, 3, 1000, 5e4, 1e12, 1e300 };
  g_autofree const char **rules = plano_review_get_rule_ids ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  for (guint b = 0; b < 200; b++)
    {
      g_autoptr(PlanoBoard) board = plano_board_new ();
      g_autoptr(PlanoReview) review = NULL;
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      guint n_zones = g_rand_int_range (rand, 0, 4);
      guint n_nodes = g_rand_int_range (rand, 1, 30);
      GPtrArray *findings;

      for (guint z = 0; z < n_zones; z++)
        {
          g_autofree char *id = g_strdup_printf ("z%u", z);
          PlanoZone *zone = (PlanoZone *) plano_item_new (PLANO_ITEM_ZONE, id);

          zone->w = zone->h = 100;
          g_assert_true (plano_board_add_item (board, (PlanoItem *) zone, NULL));
          g_ptr_array_add (ids, g_steal_pointer (&id));
        }

      for (guint i = 0; i < n_nodes; i++)
        {
          g_autofree char *id = g_strdup_printf ("n%u", i);
          PlanoNode *node = (PlanoNode *) plano_item_new (PLANO_ITEM_NODE, id);

          node->kind = g_strdup (kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);
          node->w = node->h = 50;
          if (n_zones > 0 && g_rand_boolean (rand))
            node->zone = g_strdup_printf ("z%u", g_rand_int_range (rand, 0, n_zones));
          for (guint p = g_rand_int_range (rand, 0, 4); p > 0; p--)
            {
              PlanoProp prop = { (char *) names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))],
                                 PLANO_VALUE_NUMBER, values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))],
                                 NULL, FALSE };

              plano_props_set (&node->props, &prop);
            }
          g_assert_true (plano_board_add_item (board, (PlanoItem *) node, NULL));
          g_ptr_array_add (ids, g_steal_pointer (&id));
        }

      for (guint e = g_rand_int_range (rand, 0, 3 * n_nodes); e > 0; e--)
        {
          const char *from = g_ptr_array_index (ids, g_rand_int_range (rand, 0, ids->len));
          const char *to = g_ptr_array_index (ids, g_rand_int_range (rand, 0, ids->len));
          const PlanoEdge *edge = plano_board_add_edge (board, from, to,
                                                        edge_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (edge_kinds))],
                                                        NULL);

          if (edge != NULL && g_rand_boolean (rand))
            {
              PlanoProp prop = { (char *) "rate", PLANO_VALUE_NUMBER,
                                 values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))], NULL, FALSE };

              plano_board_set_prop (board, edge->item.id, &prop);
            }
        }

      if (g_rand_boolean (rand))
        {
          PlanoProp fresh = { (char *) "freshness_s", PLANO_VALUE_NUMBER, 60, NULL, FALSE };
          PlanoProp p99 = { (char *) "p99_ms", PLANO_VALUE_NUMBER, 10, NULL, FALSE };

          plano_board_set_prop (board, NULL, &fresh);
          plano_board_set_prop (board, NULL, &p99);
        }

      review = plano_review_new (board, (const char * const[]) { "n0", NULL });
      findings = plano_review_get_findings (review);
      for (guint i = 0; i < n_nodes; i++)
        {
          g_autofree char *id = g_strdup_printf ("n%u", i);
          double load;

          g_assert_true (plano_review_get_load (review, id, &load));
          g_assert_true (isfinite (load) && load >= 0);
        }
      for (guint i = 0; i < findings->len; i++)
        {
          const PlanoFinding *f = g_ptr_array_index (findings, i);

          g_assert_true (g_strv_contains (rules, f->rule));
          g_assert_nonnull (f->message);
          for (guint j = 0; f->ids[j] != NULL; j++)
            g_assert_nonnull (plano_board_lookup (board, f->ids[j]));
        }
    }
}

/* Every rule the review has is documented, with its title, and no finding has a rule it
 * does not list. */
static void
test_rules_documented (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "review.md", NULL);
  g_autofree char *docs = NULL;
  g_autofree const char **ids = plano_review_get_rule_ids ();
  g_autofree char *coach_path = g_test_build_filename (G_TEST_DIST, "data", "coach.plano", NULL);
  g_autoptr(PlanoBoard) coach = plano_format_read_file (coach_path, NULL, NULL);
  g_autoptr(PlanoReview) review = plano_review_new (coach, NULL);
  GPtrArray *findings = plano_review_get_findings (review);

  g_assert_true (g_file_get_contents (path, &docs, NULL, NULL));
  g_assert_cmpuint (g_strv_length ((GStrv) ids), ==, 18);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *row = g_strdup_printf ("| `%s` |", ids[i]);

      assert_contains (docs, row);
      g_assert_nonnull (plano_review_get_rule_title (ids[i]));
    }
  g_assert_null (plano_review_get_rule_title ("no-such-rule"));

  g_assert_cmpuint (findings->len, >, 0);
  for (guint i = 0; i < findings->len; i++)
    g_assert_true (g_strv_contains (ids, ((const PlanoFinding *) g_ptr_array_index (findings, i))->rule));
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
   * no English catalog it decides never to: the decision is made while a catalog is there. */
  plano_test_use_language ("es");
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  plano_test_use_language ("en");
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
  g_test_add_func ("/plano/review/freshness", test_freshness);
  g_test_add_func ("/plano/review/freshness-reads", test_freshness_reads);
  g_test_add_data_func ("/plano/review/freshness-reads/spanish", "es", test_freshness_reads_translated);
  g_test_add_data_func ("/plano/review/freshness-reads/portuguese", "pt", test_freshness_reads_translated);
  g_test_add_func ("/plano/review/no-replay-log", test_no_replay_log);
  g_test_add_func ("/plano/review/no-replay-log-zone", test_no_replay_log_zone);
  g_test_add_func ("/plano/review/dead-letter", test_dead_letter);
  g_test_add_func ("/plano/review/dead-letter-load", test_dead_letter_load);
  g_test_add_func ("/plano/review/consumer-parallelism", test_consumer_parallelism);
  g_test_add_func ("/plano/review/checkpoint", test_checkpoint);
  g_test_add_func ("/plano/review/lambda-vs-kappa", test_lambda_vs_kappa);
  g_test_add_func ("/plano/review/unconnected", test_unconnected);
  g_test_add_func ("/plano/review/reads-not-writes", test_reads_not_writes);
  g_test_add_func ("/plano/review/batch-window", test_batch_window);
  g_test_add_func ("/plano/review/zones", test_zones);
  g_test_add_func ("/plano/review/bad-values", test_bad_values);
  g_test_add_func ("/plano/review/bad-latencies", test_bad_latencies);
  g_test_add_func ("/plano/review/realtime-pipeline", test_realtime_pipeline);
  g_test_add_func ("/plano/review/templates", test_templates);
  g_test_add_func ("/plano/review/templates-reads", test_templates_reads);
  g_test_add_func ("/plano/review/random-boards", test_random_boards);
  g_test_add_func ("/plano/review/rules-documented", test_rules_documented);

  return g_test_run ();
}
