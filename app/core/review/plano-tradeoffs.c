/* plano-tradeoffs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-tradeoffs"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plano-capacity.h"
#include "plano-catalog.h"
#include "plano-tradeoffs.h"

/* Trade-off annotations: the decisions behind a design. The seed's rule is that there is no
 * perfect architecture, only trade-offs, so Plano offers its classic axes as starting points
 * and, for the components a decision is about, what an interviewer expects to hear weighed.
 */

static const PlanoTradeoffPreset presets[] = {
  { "consistency-availability", N_("Consistency vs availability"),
    { N_("Consistency"), N_("Availability") },
    N_("During a network partition, must every read see the latest write, or must every request get an answer?") },
  { "latency-throughput", N_("Latency vs throughput"),
    { N_("Low latency"), N_("High throughput") },
    N_("Is each event needed fast, or are many events needed cheaply? Batching raises throughput and latency together.") },
  { "cost-performance", N_("Cost vs performance"),
    { N_("Lower cost"), N_("Higher performance") },
    N_("What does the last bit of speed cost per month, and does the requirement pay for it?") },
  { "batch-streaming", N_("Batch vs streaming"),
    { N_("Batch"), N_("Streaming") },
    N_("How fresh must the data be? Streaming buys seconds of freshness with state, late events and operations.") },
  { "normalize-denormalize", N_("Normalize vs denormalize"),
    { N_("Normalize"), N_("Denormalize") },
    N_("Is the workload write-heavy (normalize) or read-heavy (denormalize)? Which queries are most frequent?") },
  { "acid-base", N_("ACID vs BASE"),
    { N_("ACID transactions"), N_("BASE, eventual consistency") },
    N_("Must a transaction be all or nothing and visible at once, or can replicas converge later?") },
  { "push-pull", N_("Push vs pull"),
    { N_("Push"), N_("Pull") },
    N_("Who controls the pace: the producer pushing, or the consumer pulling at its own rate with back-pressure?") },
};

typedef struct
{
  const char *kind;
  const char *hint;    /* untranslated; with a %s for the threshold when it has one */
  double      number;  /* the threshold: bytes when it is 1 GB or more, else a rate */
} KindHint;

/* What to weigh for a decision about a component of this kind. */
static const KindHint kind_hints[] = {
  { "kafka", N_("durability (replication factor, acks), replay from retained offsets, back-pressure, partitions for ordering and parallelism") },
  { "kinesis", N_("managed operations against shard limits (1 MB/s per shard), retention, cost per shard hour") },
  { "pulsar", N_("tiered storage, multi-tenancy, geo-replication, a smaller ecosystem than Kafka") },
  { "queue", N_("delivery guarantees, ordering, dead-letter handling, no replay once consumed") },
  { "flink", N_("exactly-once through checkpoints, low latency, state size and its backend, late events and watermarks") },
  { "spark-streaming", N_("micro-batch latency of seconds, one engine for batch and streaming, checkpointing") },
  { "stream-job", N_("exactly-once or at-least-once, state, late events, reprocessing") },
  { "spark", N_("scale from about %s a day, cluster cost, shuffle, a simpler tool for smaller data"), PLANO_SINGLE_MACHINE_BYTES },
  { "batch-job", N_("schedule and freshness, idempotent reruns, backfills") },
  { "dbt", N_("SQL transformations in the warehouse, tests and lineage, warehouse compute cost") },
  { "pandas", N_("one machine and memory-bound: fine up to about 1 GB") },
  { "polars", N_("one machine, fast and out of core: fine up to about %s"), PLANO_SINGLE_MACHINE_BYTES },
  { "duckdb", N_("in-process analytics on one machine: fine up to about %s"), PLANO_SINGLE_MACHINE_BYTES },
  { "dask", N_("parallel Python across a cluster, less mature than Spark") },
  { "lake", N_("cheap storage of raw data, schema on read, small-file problems, no transactions without a table format") },
  { "lakehouse", N_("ACID tables on the lake, time travel, compaction, engine support") },
  { "warehouse", N_("fast SQL and concurrency, cost per query or per credit, loading latency") },
  { "object-store", N_("durability and low cost against request latency and listing costs") },
  { "hdfs", N_("on-premises control against operations, the NameNode, and scaling storage with compute") },
  { "postgres", N_("ACID and simplicity: enough below about %s writes/s; replicas for reads"), PLANO_POSTGRES_WRITE_LIMIT },
  { "database", N_("ACID and simplicity: enough below about %s writes/s; replicas for reads"), PLANO_POSTGRES_WRITE_LIMIT },
  { "cassandra", N_("write throughput and availability, eventual consistency, queries designed around partition keys") },
  { "clickhouse", N_("fast columnar aggregations, weak updates and deletes, operations") },
  { "druid", N_("sub-second OLAP on fresh events, rollup at ingestion, a complex cluster") },
  { "elasticsearch", N_("full-text search and flexible queries, memory hungry, eventual consistency") },
  { "redis", N_("sub-millisecond reads from memory, memory cost, persistence and eviction policy") },
  { "cache", N_("hit ratio against staleness, invalidation, a thundering herd when it empties") },
  { "airflow", N_("scheduling, retries and backfills, DAG sprawl, not for streaming") },
  { "schema-registry", N_("compatible schema evolution, producers and consumers decoupled") },
  { "cdc", N_("changes without touching the source, ordering per key, snapshots, schema changes upstream") },
  { "fivetran", N_("managed connectors against cost per row and less control") },
  { "airbyte", N_("open-source connectors against running them yourself") },
  { "kafka-connect", N_("connectors without code, exactly-once sinks, operating a Connect cluster") },
  { "api", N_("latency budget, caching, rate limits, versioning") },
  { "load-balancer", N_("health checks, sticky sessions, one more hop") },
  { "data-product", N_("domain ownership, contracts and SLAs, discoverability") },
  { "reverse-etl", N_("freshness in operational tools against API limits") },
};

/**
 * plano_tradeoff_get_presets:
 *
 * Returns: (array length=n_presets): the seed's classic axes
 */
const PlanoTradeoffPreset *
plano_tradeoff_get_presets (guint *n_presets)
{
  if (n_presets != NULL)
    *n_presets = G_N_ELEMENTS (presets);

  return presets;
}

const PlanoTradeoffPreset *
plano_tradeoff_lookup_preset (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_strcmp0 (presets[i].id, id) == 0)
      return &presets[i];

  return NULL;
}

/**
 * plano_tradeoff_get_kind_hint:
 * @kind: a catalog id
 *
 * Returns: (transfer full) (nullable): a translated sentence saying what to weigh when
 *   deciding about a component of @kind, or %NULL when Plano has no advice for it
 */
char *
plano_tradeoff_get_kind_hint (const char *kind)
{
  const PlanoKind *info = plano_catalog_lookup (kind);

  for (guint i = 0; i < G_N_ELEMENTS (kind_hints); i++)
    if (g_strcmp0 (kind_hints[i].kind, kind) == 0)
      {
        g_autoptr(GString) hint = g_string_new (_(kind_hints[i].hint));

        /* The thresholds are the review's and the calculator's, not written twice. */
        if (kind_hints[i].number > 0)
          {
            g_autofree char *number = kind_hints[i].number >= 1e9 ? plano_format_bytes (kind_hints[i].number)
                                                                  : plano_format_number (kind_hints[i].number);

            g_string_replace (hint, "%s", number, 1);
          }

        /* TRANSLATORS: "For Kafka, weigh durability, replay…" */
        return g_strdup_printf (_("For %s, weigh %s."),
                                info != NULL ? plano_kind_get_name (info) : kind, hint->str);
      }

  return NULL;
}

/**
 * plano_tradeoff_new:
 * @target: (nullable): the item the decision is about, or %NULL for the whole board
 * @preset: (nullable): an axis to start from
 *
 * Returns: (transfer full): a trade-off with a fresh id, ready for plano_board_add_item()
 */
PlanoTradeoff *
plano_tradeoff_new (PlanoBoard                *board,
                    const char                *target,
                    const PlanoTradeoffPreset *preset)
{
  g_autofree char *id = plano_board_new_id (board, "tradeoff");
  PlanoTradeoff *tradeoff = (PlanoTradeoff *) plano_item_new (PLANO_ITEM_TRADEOFF, id);

  tradeoff->target = g_strdup (target);

  if (preset != NULL)
    {
      const char *sides[] = { _(preset->sides[0]), _(preset->sides[1]), NULL };

      tradeoff->title = g_strdup (_(preset->title));
      tradeoff->alternatives = g_strdupv ((GStrv) sides);
    }
  else if (target != NULL && plano_board_get_label (board, target) != NULL)
    {
      /* TRANSLATORS: the default title of a decision about one component, e.g. "Why Kafka" */
      tradeoff->title = g_strdup_printf (_("Why %s"), plano_board_get_label (board, target));
    }
  else
    {
      tradeoff->title = g_strdup (_("Decision"));
    }

  return tradeoff;
}

static gboolean
contains (const char *text,
          const char *folded_query)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_query) != NULL;
}

static gboolean
any_contains (const char * const *texts,
              const char         *folded_query)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    if (contains (texts[i], folded_query))
      return TRUE;

  return FALSE;
}

/**
 * plano_tradeoff_matches:
 * @query: (nullable): what the user typed in the filter
 *
 * Returns: whether @tradeoff mentions @query, in any of its texts or in the label of the item
 *   it is about, ignoring case; an empty query matches everything
 */
gboolean
plano_tradeoff_matches (PlanoBoard          *board,
                        const PlanoTradeoff *tradeoff,
                        const char          *query)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (tradeoff != NULL, FALSE);

  if (query == NULL)
    return TRUE;

  normalized = g_strstrip (g_utf8_normalize (query, -1, G_NORMALIZE_ALL_COMPOSE));
  if (normalized == NULL || normalized[0] == '\0')
    return TRUE;

  folded = g_utf8_casefold (normalized, -1);

  return contains (tradeoff->title, folded) ||
         contains (tradeoff->choice, folded) ||
         contains (tradeoff->rationale, folded) ||
         any_contains ((const char * const *) tradeoff->alternatives, folded) ||
         any_contains ((const char * const *) tradeoff->pros, folded) ||
         any_contains ((const char * const *) tradeoff->cons, folded) ||
         (tradeoff->target != NULL && contains (plano_board_get_label (board, tradeoff->target), folded));
}

/**
 * plano_tradeoff_split_lines:
 * @text: (nullable): one entry per line, as typed in the editor
 *
 * Returns: (transfer full) (nullable): the non-empty lines, trimmed; %NULL when there are none
 */
GStrv
plano_tradeoff_split_lines (const char *text)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  if (text == NULL)
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        {
          g_strv_builder_add (builder, lines[i]);
          n++;
        }
    }

  return n > 0 ? g_strv_builder_end (builder) : NULL;
}

/**
 * plano_tradeoff_join_lines:
 *
 * Returns: (transfer full): @lines, one per line, for the editor
 */
char *
plano_tradeoff_join_lines (const char * const *lines)
{
  return lines != NULL ? g_strjoinv ("\n", (GStrv) lines) : g_strdup ("");
}
