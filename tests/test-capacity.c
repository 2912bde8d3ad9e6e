/* test-capacity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plano-capacity.h"

/* 10 M daily users × 50 events of 1 KB, peak ×3, worked by hand:
 *   events a day      10 000 000 × 50           = 500 000 000
 *   average           500 000 000 / 86 400      = 5 787.037…/s
 *   peak              × 3                       = 17 361.11…/s
 *   ingest at peak    17 361.11 × 1 000 B       = 17.36 MB/s, 13.9 % of 125 MB/s
 *   storage           500 000 000 × 1 000 B     = 500 GB a day, 15 TB a month, 182.5 TB a year
 *   partitions        17 361 / 100 000, rounded up = 1
 */
static void
test_worked_example (void)
{
  PlanoCapacityInput input;
  PlanoCapacityResult r;

  plano_capacity_input_init (&input);
  input.daily_active_users = 10e6;
  input.events_per_user = 50;
  input.event_bytes = 1000;
  input.peak_factor = 3;
  input.read_write_ratio = 10;
  input.retention_days = 30;
  input.replication = 3;
  input.hot_fraction = 0.2;

  plano_capacity_compute (&input, &r);

  g_assert_cmpfloat (r.events_per_day, ==, 5e8);
  g_assert_cmpfloat_with_epsilon (r.average_events_per_second, 5787.037037, 1e-5);
  g_assert_cmpfloat_with_epsilon (r.peak_events_per_second, 17361.111111, 1e-5);
  g_assert_cmpfloat_with_epsilon (r.peak_reads_per_second, 173611.111111, 1e-5);
  g_assert_cmpfloat_with_epsilon (r.peak_ingest_bytes_per_second, 17361111.111, 1e-2);
  g_assert_cmpfloat_with_epsilon (r.share_of_1_gbps, 0.138889, 1e-6);
  g_assert_cmpfloat_with_epsilon (r.share_of_10_gbps, 0.0138889, 1e-7);
  g_assert_cmpfloat (r.storage_bytes_per_day, ==, 5e11);
  g_assert_cmpfloat (r.storage_bytes_per_month, ==, 1.5e13);
  g_assert_cmpfloat (r.storage_bytes_per_year, ==, 1.825e14);
  g_assert_cmpfloat (r.retained_bytes, ==, 4.5e13);      /* 30 days × 500 GB × 3 copies */
  g_assert_cmpuint (r.kafka_partitions, ==, 1);
  g_assert_cmpfloat (r.cache_bytes, ==, 1e11);           /* a fifth of a day */
  g_assert_cmpint (r.scale, ==, PLANO_SCALE_100_TB);     /* 15 TB retained once */
  g_assert_false (r.postgres_is_enough);
  g_assert_false (r.kafka_is_overkill);
}

/* 100 M users × 200 events at 2 KB, peak ×5: 1 157 407/s at peak, which needs 12 partitions
 * and more than a 10 Gbps link.
 */
static void
test_large (void)
{
  PlanoCapacityInput input;
  PlanoCapacityResult r;

  plano_capacity_input_init (&input);
  input.daily_active_users = 100e6;
  input.events_per_user = 200;
  input.event_bytes = 2000;
  input.peak_factor = 5;
  input.retention_days = 365;

  plano_capacity_compute (&input, &r);

  g_assert_cmpfloat_with_epsilon (r.peak_events_per_second, 1157407.407407, 1e-4);
  g_assert_cmpuint (r.kafka_partitions, ==, 12);
  g_assert_cmpfloat (r.share_of_10_gbps, >, 1);
  g_assert_cmpint (r.scale, ==, PLANO_SCALE_1_PB);  /* 14.6 PB a year: the top tier */
}

/* A small internal tool: Kafka is overkill and PostgreSQL is enough. */
static void
test_small (void)
{
  PlanoCapacityInput input;
  PlanoCapacityResult r;
  g_autofree char *notes = NULL;

  plano_capacity_input_init (&input);
  input.daily_active_users = 2000;
  input.events_per_user = 100;
  input.event_bytes = 500;
  input.retention_days = 365;

  plano_capacity_compute (&input, &r);

  g_assert_cmpfloat_with_epsilon (r.peak_events_per_second, 6.944444, 1e-5);
  g_assert_true (r.kafka_is_overkill);
  g_assert_true (r.postgres_is_enough);
  g_assert_cmpint (r.scale, ==, PLANO_SCALE_100_GB);  /* 36.5 GB a year */
  g_assert_cmpuint (r.kafka_partitions, ==, 1);

  notes = plano_capacity_to_notes (&input, &r);
  g_assert_nonnull (strstr (notes, "Events: 2.31/s on average, 6.94/s at peak (×3)"));
  g_assert_nonnull (strstr (notes, "Scale: up to 100 GB, Spark on a single node, or Dask"));
  g_assert_nonnull (strstr (notes, "At this rate Kafka is overkill"));
}

static void
test_bad_input (void)
{
  PlanoCapacityInput input = { -5, 1.0 / 0.0, -1, 0.5, -2, -1, 0, 7 };
  PlanoCapacityResult r;

  plano_capacity_compute (&input, &r);
  g_assert_cmpfloat (r.events_per_day, ==, 0);
  g_assert_cmpfloat (r.peak_events_per_second, ==, 0);
  g_assert_cmpuint (r.kafka_partitions, ==, 1);
  g_assert_cmpint (r.scale, ==, PLANO_SCALE_1_GB);
}

static void
test_formatting (void)
{
  g_autofree char *a = plano_format_bytes (1.825e14);
  g_autofree char *b = plano_format_bytes (17361111.111);
  g_autofree char *c = plano_format_bytes (999);
  g_autofree char *d = plano_format_rate (17361.111);
  g_autofree char *e = plano_format_rate (1157407.4);

  g_assert_cmpstr (a, ==, "182.5 TB");
  g_assert_cmpstr (b, ==, "17.4 MB");
  g_assert_cmpstr (c, ==, "999 B");
  g_assert_cmpstr (d, ==, "17\u00a0361/s");
  g_assert_cmpstr (e, ==, "1\u00a0157\u00a0407/s");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/capacity/worked-example", test_worked_example);
  g_test_add_func ("/plano/capacity/large", test_large);
  g_test_add_func ("/plano/capacity/small", test_small);
  g_test_add_func ("/plano/capacity/bad-input", test_bad_input);
  g_test_add_func ("/plano/capacity/formatting", test_formatting);

  return g_test_run ();
}
