/* test-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plano-catalog.h"

/* Every kind of CATALOG.md, by category, with its English name: these ids are part of the
 * file format and must never disappear or be renamed.
 */
static const struct
{
  PlanoCategory  category;
  const char    *id;
  const char    *name;
} expected[] = {
  { PLANO_CATEGORY_SOURCES, "app", "Apps" },
  { PLANO_CATEGORY_SOURCES, "iot", "IoT devices" },
  { PLANO_CATEGORY_SOURCES, "cdc", "CDC" },
  { PLANO_CATEGORY_SOURCES, "postgres", "PostgreSQL" },
  { PLANO_CATEGORY_SOURCES, "salesforce", "Salesforce" },
  { PLANO_CATEGORY_SOURCES, "google-analytics", "Google Analytics" },
  { PLANO_CATEGORY_SOURCES, "files", "S3 files" },
  { PLANO_CATEGORY_INGESTION, "fivetran", "Fivetran" },
  { PLANO_CATEGORY_INGESTION, "airbyte", "Airbyte" },
  { PLANO_CATEGORY_INGESTION, "kafka-connect", "Kafka Connect" },
  { PLANO_CATEGORY_STREAMING, "kafka", "Kafka" },
  { PLANO_CATEGORY_STREAMING, "kinesis", "Kinesis" },
  { PLANO_CATEGORY_STREAMING, "pulsar", "Pulsar" },
  { PLANO_CATEGORY_PROCESSING, "flink", "Flink" },
  { PLANO_CATEGORY_PROCESSING, "spark", "Spark" },
  { PLANO_CATEGORY_PROCESSING, "spark-streaming", "Spark Structured Streaming" },
  { PLANO_CATEGORY_PROCESSING, "dbt", "dbt" },
  { PLANO_CATEGORY_PROCESSING, "pandas", "Pandas" },
  { PLANO_CATEGORY_PROCESSING, "polars", "Polars" },
  { PLANO_CATEGORY_PROCESSING, "duckdb", "DuckDB" },
  { PLANO_CATEGORY_PROCESSING, "dask", "Dask" },
  { PLANO_CATEGORY_STORAGE, "lake", "Data lake" },
  { PLANO_CATEGORY_STORAGE, "warehouse", "Data warehouse" },
  { PLANO_CATEGORY_STORAGE, "lakehouse", "Lakehouse" },
  { PLANO_CATEGORY_STORAGE, "hdfs", "HDFS" },
  { PLANO_CATEGORY_SERVING, "redis", "Redis" },
  { PLANO_CATEGORY_SERVING, "druid", "Druid" },
  { PLANO_CATEGORY_SERVING, "elasticsearch", "Elasticsearch" },
  { PLANO_CATEGORY_SERVING, "cassandra", "Cassandra" },
  { PLANO_CATEGORY_SERVING, "clickhouse", "ClickHouse" },
  { PLANO_CATEGORY_SERVING, "api", "Serving API" },
  { PLANO_CATEGORY_CONSUMPTION, "looker", "Looker" },
  { PLANO_CATEGORY_CONSUMPTION, "tableau", "Tableau" },
  { PLANO_CATEGORY_CONSUMPTION, "notebook", "Python / ML" },
  { PLANO_CATEGORY_CONSUMPTION, "reverse-etl", "Reverse ETL" },
  { PLANO_CATEGORY_CONSUMPTION, "ml-training", "ML training" },
  { PLANO_CATEGORY_PLATFORM, "airflow", "Airflow" },
  { PLANO_CATEGORY_PLATFORM, "great-expectations", "Great Expectations" },
  { PLANO_CATEGORY_PLATFORM, "monte-carlo", "Monte Carlo" },
  { PLANO_CATEGORY_PLATFORM, "schema-registry", "Schema registry" },
  { PLANO_CATEGORY_PLATFORM, "data-catalog", "Data catalog" },
  { PLANO_CATEGORY_PLATFORM, "governance", "Federated governance" },
  { PLANO_CATEGORY_PLATFORM, "platform", "Self-serve platform" },
  { PLANO_CATEGORY_PLATFORM, "data-product", "Data product" },
  { PLANO_CATEGORY_GENERIC, "service", "Service" },
  { PLANO_CATEGORY_GENERIC, "client", "Client" },
  { PLANO_CATEGORY_GENERIC, "load-balancer", "Load balancer" },
  { PLANO_CATEGORY_GENERIC, "queue", "Queue" },
  { PLANO_CATEGORY_GENERIC, "cache", "Cache" },
  { PLANO_CATEGORY_GENERIC, "database", "Database" },
  { PLANO_CATEGORY_GENERIC, "object-store", "Object storage" },
  { PLANO_CATEGORY_GENERIC, "batch-job", "Batch job" },
  { PLANO_CATEGORY_GENERIC, "stream-job", "Stream job" },
  { PLANO_CATEGORY_GENERIC, "external", "External system" },
};

static void
test_every_kind_present (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PlanoKind *kind = plano_catalog_lookup (expected[i].id);

      if (kind == NULL)
        g_error ("the catalog has no kind “%s”", expected[i].id);

      g_assert_cmpstr (kind->id, ==, expected[i].id);
      g_assert_cmpstr (plano_kind_get_name (kind), ==, expected[i].name);
      g_assert_cmpint (kind->category, ==, expected[i].category);
      g_assert_cmpstr (plano_kind_get_hint (kind), !=, "");
      g_assert_nonnull (kind->glyph);
      g_assert_cmpfloat (kind->width, >, 0);
      g_assert_cmpfloat (kind->height, >, 0);
    }
}

static void
test_ids_unique_and_grouped (void)
{
  guint n_kinds;
  const PlanoKind *kinds = plano_catalog_get_kinds (&n_kinds);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n_kinds, >=, G_N_ELEMENTS (expected));

  for (guint i = 0; i < n_kinds; i++)
    {
      g_assert_false (g_hash_table_contains (seen, kinds[i].id));
      g_hash_table_add (seen, (gpointer) kinds[i].id);

      /* In display order: categories never go back. */
      if (i > 0)
        g_assert_cmpint (kinds[i].category, >=, kinds[i - 1].category);
    }
}

/* The seed's numbers every engineer should know, used as defaults. */
static void
test_seed_numbers (void)
{
  const PlanoKind *kafka = plano_catalog_lookup ("kafka");
  const PlanoKind *postgres = plano_catalog_lookup ("postgres");
  const PlanoKind *redis = plano_catalog_lookup ("redis");

  g_assert_cmpfloat (kafka->throughput, ==, 100000);
  g_assert_cmpint (kafka->basis, ==, PLANO_THROUGHPUT_PER_PARTITION);
  g_assert_cmpfloat (postgres->throughput, ==, 10000);
  g_assert_cmpint (postgres->consistency, ==, PLANO_CONSISTENCY_STRONG);
  g_assert_cmpfloat (redis->throughput, ==, 100000);
  g_assert_cmpfloat (redis->latency_ms, ==, 0.5);
}

static void
test_unknown_kind (void)
{
  g_assert_null (plano_catalog_lookup ("quantum-db"));
  g_assert_null (plano_catalog_lookup (NULL));
  g_assert_nonnull (plano_catalog_get_generic ());
  g_assert_cmpstr (plano_kind_get_name (plano_catalog_get_generic ()), ==, "Component");
}

static void
test_category_names (void)
{
  for (guint c = 0; c < PLANO_N_CATEGORIES; c++)
    {
      g_assert_cmpstr (plano_category_get_name (c), !=, "");
      g_assert_cmpstr (plano_category_get_id (c), !=, "");
    }
  g_assert_cmpstr (plano_category_get_name (PLANO_CATEGORY_STREAMING), ==, "Streaming");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/catalog/every-kind-present", test_every_kind_present);
  g_test_add_func ("/plano/catalog/ids-unique-and-grouped", test_ids_unique_and_grouped);
  g_test_add_func ("/plano/catalog/seed-numbers", test_seed_numbers);
  g_test_add_func ("/plano/catalog/unknown-kind", test_unknown_kind);
  g_test_add_func ("/plano/catalog/category-names", test_category_names);

  return g_test_run ();
}
