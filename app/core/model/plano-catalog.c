/* plano-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-catalog.h"

/* The component kinds of CATALOG.md. The ids are part of the file format and never change.
 * Throughput and latency are the defaults a node gets when its props do not say otherwise;
 * docs/catalog.md gives the source of every number.
 */

#define W 160
#define H 64

#define STRONG   PLANO_CONSISTENCY_STRONG
#define EVENTUAL PLANO_CONSISTENCY_EVENTUAL
#define NONE     PLANO_CONSISTENCY_NONE
#define INSTANCE PLANO_THROUGHPUT_PER_INSTANCE
#define PARTITION PLANO_THROUGHPUT_PER_PARTITION

static const PlanoKind kinds[] = {
  /* Sources */
  { "app", N_("Apps"), PLANO_CATEGORY_SOURCES, "device", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Web and mobile applications that emit events or write data.") },
  { "iot", N_("IoT devices"), PLANO_CATEGORY_SOURCES, "sensor", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Many small devices sending telemetry; expect bursts and late or duplicate events.") },
  { "cdc", N_("CDC"), PLANO_CATEGORY_SOURCES, "cdc", W, H, 10000, INSTANCE, 50, NONE, FALSE,
    N_("Change data capture: streams every insert, update and delete from a database log.") },
  { "postgres", N_("PostgreSQL"), PLANO_CATEGORY_SOURCES, "relational", W, H, 10000, INSTANCE, 1, STRONG, TRUE,
    N_("Transactional database (ACID). Handles about 10 000–50 000 writes per second: enough below 10 000 writes/s.") },
  { "salesforce", N_("Salesforce"), PLANO_CATEGORY_SOURCES, "cloud", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("SaaS source read through its API; API limits bound how fast you can extract.") },
  { "google-analytics", N_("Google Analytics"), PLANO_CATEGORY_SOURCES, "chart", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Web analytics source, usually loaded in daily batches.") },
  { "files", N_("S3 files"), PLANO_CATEGORY_SOURCES, "file", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Files dropped into object storage: CSV, JSON or Parquet exports from other systems.") },

  /* Ingestion */
  { "fivetran", N_("Fivetran"), PLANO_CATEGORY_INGESTION, "pipe", W, H, 0, INSTANCE, 300000, NONE, FALSE,
    N_("Managed ELT connectors: CDC, full refresh or incremental loads on a schedule.") },
  { "airbyte", N_("Airbyte"), PLANO_CATEGORY_INGESTION, "connector", W, H, 0, INSTANCE, 300000, NONE, FALSE,
    N_("Open-source ELT connectors; same patterns as Fivetran, run by your team.") },
  { "kafka-connect", N_("Kafka Connect"), PLANO_CATEGORY_INGESTION, "plug", W, H, 10000, INSTANCE, 50, NONE, FALSE,
    N_("Moves data between Kafka and other systems; scale it with more tasks.") },

  /* Streaming */
  { "kafka", N_("Kafka"), PLANO_CATEGORY_STREAMING, "log", W, H, 100000, PARTITION, 5, EVENTUAL, TRUE,
    N_("Durable, replayable log that absorbs back-pressure. One partition handles about 100 000 messages/s; plan about 10 MB/s each.") },
  { "kinesis", N_("Kinesis"), PLANO_CATEGORY_STREAMING, "wave", W, H, 1000, PARTITION, 200, EVENTUAL, TRUE,
    N_("Managed stream on AWS; each shard takes about 1 000 records/s or 1 MB/s of writes.") },
  { "pulsar", N_("Pulsar"), PLANO_CATEGORY_STREAMING, "pulse", W, H, 100000, PARTITION, 5, EVENTUAL, TRUE,
    N_("Streaming and queueing with storage separated from brokers; tiered storage for long retention.") },

  /* Processing */
  { "flink", N_("Flink"), PLANO_CATEGORY_PROCESSING, "bolt", W, H, 100000, INSTANCE, 10, NONE, TRUE,
    N_("Stateful stream processing with exactly-once checkpoints and low latency.") },
  { "spark", N_("Spark"), PLANO_CATEGORY_PROCESSING, "spark", W, H, 20000, INSTANCE, 60000, NONE, FALSE,
    N_("Distributed batch processing: a 100-node cluster processes terabytes per hour; it pays off from about 100 GB a day.") },
  { "spark-streaming", N_("Spark Structured Streaming"), PLANO_CATEGORY_PROCESSING, "microbatch", W, H, 10000, INSTANCE, 1000, NONE, TRUE,
    N_("Micro-batch streaming on Spark: seconds of latency, one engine for batch and stream.") },
  { "dbt", N_("dbt"), PLANO_CATEGORY_PROCESSING, "layers", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("SQL transformations inside the warehouse, with tests and documentation: staging, intermediate, marts.") },
  { "pandas", N_("Pandas"), PLANO_CATEGORY_PROCESSING, "dataframe", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("In-memory dataframes on one machine: fine up to about 1 GB.") },
  { "polars", N_("Polars"), PLANO_CATEGORY_PROCESSING, "columns", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Fast multi-threaded dataframes on one machine: below about 100 GB you do not need Spark.") },
  { "duckdb", N_("DuckDB"), PLANO_CATEGORY_PROCESSING, "embedded", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Embedded analytical SQL engine on one machine: below about 100 GB of Parquet you do not need Spark.") },
  { "dask", N_("Dask"), PLANO_CATEGORY_PROCESSING, "graph", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Parallel Python on one machine or a small cluster: around 100 GB.") },

  /* Storage */
  { "lake", N_("Data lake"), PLANO_CATEGORY_STORAGE, "lake", W, H, 0, INSTANCE, 100, EVENTUAL, TRUE,
    N_("Cheap object storage (S3, Delta) for raw and refined data; schema on read.") },
  { "warehouse", N_("Data warehouse"), PLANO_CATEGORY_STORAGE, "warehouse", W, H, 0, INSTANCE, 1000, STRONG, TRUE,
    N_("Columnar SQL warehouse (Snowflake, BigQuery) for analytics; scales to tens of terabytes and more.") },
  { "lakehouse", N_("Lakehouse"), PLANO_CATEGORY_STORAGE, "lakehouse", W, H, 0, INSTANCE, 1000, STRONG, TRUE,
    N_("Open table format on a lake with ACID transactions and warehouse-style queries.") },
  { "hdfs", N_("HDFS"), PLANO_CATEGORY_STORAGE, "disk", W, H, 0, INSTANCE, 10, EVENTUAL, TRUE,
    N_("Hadoop distributed file system; disks read 100–200 MB/s sequentially.") },

  /* Serving */
  { "redis", N_("Redis"), PLANO_CATEGORY_SERVING, "key", W, H, 100000, INSTANCE, 0.5, EVENTUAL, TRUE,
    N_("In-memory key-value store for hot data: about 100 000 operations/s.") },
  { "druid", N_("Druid"), PLANO_CATEGORY_SERVING, "cube", W, H, 50000, INSTANCE, 100, EVENTUAL, TRUE,
    N_("Real-time OLAP store for sub-second aggregations over fresh events.") },
  { "elasticsearch", N_("Elasticsearch"), PLANO_CATEGORY_SERVING, "search", W, H, 5000, INSTANCE, 50, EVENTUAL, TRUE,
    N_("Full-text search and log analytics; indexing is the expensive part.") },
  { "cassandra", N_("Cassandra"), PLANO_CATEGORY_SERVING, "ring", W, H, 10000, INSTANCE, 5, EVENTUAL, TRUE,
    N_("Leaderless wide-column store: high write throughput, tunable eventual consistency.") },
  { "clickhouse", N_("ClickHouse"), PLANO_CATEGORY_SERVING, "sigma", W, H, 100000, INSTANCE, 100, EVENTUAL, TRUE,
    N_("Columnar OLAP database: fast aggregations, best fed with large batched inserts.") },
  { "api", N_("Serving API"), PLANO_CATEGORY_SERVING, "api", W, H, 1000, INSTANCE, 10, NONE, FALSE,
    N_("The service that answers queries from dashboards and applications.") },

  /* Consumption */
  { "looker", N_("Looker"), PLANO_CATEGORY_CONSUMPTION, "dashboard", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("BI dashboards with a semantic model on top of the warehouse.") },
  { "tableau", N_("Tableau"), PLANO_CATEGORY_CONSUMPTION, "pie", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("BI dashboards and visual exploration.") },
  { "notebook", N_("Python / ML"), PLANO_CATEGORY_CONSUMPTION, "notebook", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Notebooks and scripts for analysis and machine learning.") },
  { "reverse-etl", N_("Reverse ETL"), PLANO_CATEGORY_CONSUMPTION, "return", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Sends modelled data from the warehouse back into operational tools.") },
  { "ml-training", N_("ML training"), PLANO_CATEGORY_CONSUMPTION, "brain", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Batch training of models on historical data.") },

  /* Platform */
  { "airflow", N_("Airflow"), PLANO_CATEGORY_PLATFORM, "clock", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Orchestrates batch pipelines as DAGs with schedules, retries and backfills.") },
  { "great-expectations", N_("Great Expectations"), PLANO_CATEGORY_PLATFORM, "check", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Data quality tests that run inside the pipeline.") },
  { "monte-carlo", N_("Monte Carlo"), PLANO_CATEGORY_PLATFORM, "eye", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Data observability: freshness, volume and schema anomaly alerts.") },
  { "schema-registry", N_("Schema registry"), PLANO_CATEGORY_PLATFORM, "schema", W, H, 0, INSTANCE, 0, NONE, TRUE,
    N_("Stores event schemas and enforces compatible evolution between producers and consumers.") },
  { "data-catalog", N_("Data catalog"), PLANO_CATEGORY_PLATFORM, "book", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Discovery, ownership and lineage of datasets.") },
  { "governance", N_("Federated governance"), PLANO_CATEGORY_PLATFORM, "shield", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Global standards for interoperability, security and quality, applied by every domain.") },
  { "platform", N_("Self-serve platform"), PLANO_CATEGORY_PLATFORM, "blocks", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Shared infrastructure that lets domains build and run data products on their own.") },
  { "data-product", N_("Data product"), PLANO_CATEGORY_PLATFORM, "package", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("A dataset owned by a domain and served as a product, with a contract and an owner.") },

  /* Generic */
  { "service", N_("Service"), PLANO_CATEGORY_GENERIC, "server", W, H, 1000, INSTANCE, 10, NONE, FALSE,
    N_("An application service; scale it horizontally behind a load balancer.") },
  { "client", N_("Client"), PLANO_CATEGORY_GENERIC, "user", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("Whoever sends the requests: users, devices or other systems.") },
  { "load-balancer", N_("Load balancer"), PLANO_CATEGORY_GENERIC, "fanout", W, H, 50000, INSTANCE, 1, NONE, FALSE,
    N_("Spreads requests over the instances behind it and removes unhealthy ones.") },
  { "queue", N_("Queue"), PLANO_CATEGORY_GENERIC, "queue", W, H, 10000, INSTANCE, 5, EVENTUAL, TRUE,
    N_("Message queue that decouples producers from consumers and buffers bursts.") },
  { "cache", N_("Cache"), PLANO_CATEGORY_GENERIC, "cache", W, H, 100000, INSTANCE, 0.5, EVENTUAL, TRUE,
    N_("Keeps hot data in memory; plan for invalidation and for the misses.") },
  { "database", N_("Database"), PLANO_CATEGORY_GENERIC, "database", W, H, 10000, INSTANCE, 1, STRONG, TRUE,
    N_("A general-purpose database; a single primary is a single point of failure.") },
  { "object-store", N_("Object storage"), PLANO_CATEGORY_GENERIC, "bucket", W, H, 0, INSTANCE, 100, EVENTUAL, TRUE,
    N_("Durable, cheap storage for files and blobs.") },
  { "batch-job", N_("Batch job"), PLANO_CATEGORY_GENERIC, "gear", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("A scheduled job; make it idempotent so that a rerun gives the same result.") },
  { "stream-job", N_("Stream job"), PLANO_CATEGORY_GENERIC, "loop", W, H, 10000, INSTANCE, 10, NONE, TRUE,
    N_("A continuously running consumer; it needs checkpoints and back-pressure.") },
  { "external", N_("External system"), PLANO_CATEGORY_GENERIC, "external", W, H, 0, INSTANCE, 0, NONE, FALSE,
    N_("A system outside your control; expect it to be slow or down.") },
};

/* Used for nodes whose kind is not in the catalog: they load, keep their kind, and draw as this. */
static const PlanoKind generic_kind = {
  "component", N_("Component"), PLANO_CATEGORY_GENERIC, "unknown", W, H, 0, INSTANCE, 0, NONE, FALSE,
  N_("A component of a kind this version of Plano does not know."),
};

static const struct
{
  const char *id;
  const char *name;
} categories[PLANO_N_CATEGORIES] = {
  [PLANO_CATEGORY_SOURCES]     = { "sources", N_("Sources") },
  [PLANO_CATEGORY_INGESTION]   = { "ingestion", N_("Ingestion") },
  [PLANO_CATEGORY_STREAMING]   = { "streaming", N_("Streaming") },
  [PLANO_CATEGORY_PROCESSING]  = { "processing", N_("Processing") },
  [PLANO_CATEGORY_STORAGE]     = { "storage", N_("Storage") },
  [PLANO_CATEGORY_SERVING]     = { "serving", N_("Serving") },
  [PLANO_CATEGORY_CONSUMPTION] = { "consumption", N_("Consumption") },
  [PLANO_CATEGORY_PLATFORM]    = { "platform", N_("Platform") },
  [PLANO_CATEGORY_GENERIC]     = { "generic", N_("Generic") },
};

static GHashTable *
get_index (void)
{
  static gsize index;

  if (g_once_init_enter (&index))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        g_hash_table_insert (table, (gpointer) kinds[i].id, (gpointer) &kinds[i]);

      g_once_init_leave (&index, (gsize) table);
    }

  return (GHashTable *) index;
}

/**
 * plano_catalog_get_kinds:
 * @n_kinds: (out): the number of kinds
 *
 * Returns: all kinds of the catalog, grouped by category in display order
 */
const PlanoKind *
plano_catalog_get_kinds (guint *n_kinds)
{
  g_return_val_if_fail (n_kinds != NULL, NULL);

  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

/**
 * plano_catalog_lookup:
 * @id: a kind id such as "kafka"
 *
 * Returns: (nullable): the kind, or %NULL when the catalog has no such id
 */
const PlanoKind *
plano_catalog_lookup (const char *id)
{
  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (get_index (), id);
}

/**
 * plano_catalog_get_generic:
 *
 * Returns: the kind used to draw and rate nodes whose kind is unknown
 */
const PlanoKind *
plano_catalog_get_generic (void)
{
  return &generic_kind;
}

const char *
plano_kind_get_name (const PlanoKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return _(kind->name);
}

const char *
plano_kind_get_hint (const PlanoKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return _(kind->hint);
}

const char *
plano_category_get_name (PlanoCategory category)
{
  g_return_val_if_fail (category < PLANO_N_CATEGORIES, NULL);

  return _(categories[category].name);
}

const char *
plano_category_get_id (PlanoCategory category)
{
  g_return_val_if_fail (category < PLANO_N_CATEGORIES, NULL);

  return categories[category].id;
}
