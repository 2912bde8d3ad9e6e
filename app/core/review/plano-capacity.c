/* plano-capacity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-capacity"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "plano-capacity.h"

#define SECONDS_PER_DAY 86400.0

/* The seed's guide: which tool for how much data. */
static const struct
{
  double      bytes;
  const char *size;
  const char *advice;
} scales[PLANO_N_SCALES] = {
  [PLANO_SCALE_1_GB]   = { 1e9,  N_("1 GB"),   N_("Pandas on a laptop") },
  [PLANO_SCALE_10_GB]  = { 1e10, N_("10 GB"),  N_("Optimised Pandas, Polars or DuckDB") },
  [PLANO_SCALE_100_GB] = { 1e11, N_("100 GB"), N_("Spark on a single node, or Dask") },
  [PLANO_SCALE_1_TB]   = { 1e12, N_("1 TB"),   N_("A small Spark cluster") },
  [PLANO_SCALE_10_TB]  = { 1e13, N_("10 TB"),  N_("A medium Spark cluster, or a data warehouse") },
  [PLANO_SCALE_100_TB] = { 1e14, N_("100 TB"), N_("A data lake and a large Spark cluster") },
  [PLANO_SCALE_1_PB]   = { 1e15, N_("1 PB"),   N_("A distributed data lake and custom infrastructure") },
};

/**
 * plano_capacity_input_init:
 *
 * Fills @input with a starting point: no users yet, 1 KB events, a peak of 3× the average,
 * one read per write, a year of retention, three copies and a fifth of a day's data hot.
 */
void
plano_capacity_input_init (PlanoCapacityInput *input)
{
  *input = (PlanoCapacityInput) {
    .daily_active_users = 0,
    .events_per_user = 0,
    .event_bytes = 1000,
    .peak_factor = 3,
    .read_write_ratio = 1,
    .retention_days = 365,
    .replication = 3,
    .hot_fraction = 0.2,
  };
}

static double
positive (double value)
{
  return isfinite (value) && value > 0 ? value : 0;
}

/**
 * plano_capacity_compute:
 *
 * Works out rates, storage, bandwidth, partitions, cache and scale from @input. Negative or
 * non-finite inputs count as zero; a peak factor below 1 counts as 1.
 */
void
plano_capacity_compute (const PlanoCapacityInput *input,
                        PlanoCapacityResult      *result)
{
  double users = positive (input->daily_active_users);
  double events = positive (input->events_per_user);
  double bytes = positive (input->event_bytes);
  double peak = MAX (positive (input->peak_factor), 1);
  double reads = positive (input->read_write_ratio);
  double retention = positive (input->retention_days);
  double replication = MAX (positive (input->replication), 1);
  double hot = CLAMP (positive (input->hot_fraction), 0, 1);
  double retained_once;

  g_return_if_fail (input != NULL && result != NULL);

  *result = (PlanoCapacityResult) { 0, };

  result->events_per_day = users * events;
  result->average_events_per_second = result->events_per_day / SECONDS_PER_DAY;
  result->peak_events_per_second = result->average_events_per_second * peak;
  result->average_reads_per_second = result->average_events_per_second * reads;
  result->peak_reads_per_second = result->peak_events_per_second * reads;
  result->average_ingest_bytes_per_second = result->average_events_per_second * bytes;
  result->peak_ingest_bytes_per_second = result->peak_events_per_second * bytes;

  result->storage_bytes_per_day = result->events_per_day * bytes;
  result->storage_bytes_per_month = result->storage_bytes_per_day * 30;
  result->storage_bytes_per_year = result->storage_bytes_per_day * 365;
  retained_once = result->storage_bytes_per_day * retention;
  result->retained_bytes = retained_once * replication;

  result->share_of_1_gbps = result->peak_ingest_bytes_per_second / PLANO_LINK_1_GBPS;
  result->share_of_10_gbps = result->peak_ingest_bytes_per_second / PLANO_LINK_10_GBPS;

  result->kafka_partitions = (guint) MAX (1, ceil (result->peak_events_per_second / PLANO_KAFKA_PARTITION_RATE));
  result->cache_bytes = result->storage_bytes_per_day * hot;

  /* The smallest tier that holds the data. */
  result->scale = PLANO_SCALE_1_PB;
  for (guint i = 0; i < PLANO_N_SCALES; i++)
    if (retained_once <= scales[i].bytes)
      {
        result->scale = i;
        break;
      }

  result->postgres_is_enough = result->peak_events_per_second < PLANO_POSTGRES_WRITE_LIMIT;
  result->kafka_is_overkill = result->peak_events_per_second <= PLANO_KAFKA_MINIMUM_RATE;
}

const char *
plano_scale_get_size (PlanoScale scale)
{
  g_return_val_if_fail (scale < PLANO_N_SCALES, NULL);

  return _(scales[scale].size);
}

const char *
plano_scale_get_advice (PlanoScale scale)
{
  g_return_val_if_fail (scale < PLANO_N_SCALES, NULL);

  return _(scales[scale].advice);
}

/**
 * plano_format_bytes:
 *
 * Returns: (transfer full): @bytes in decimal units, as "182.5 TB"
 */
char *
plano_format_bytes (double bytes)
{
  static const char *units[] = { "B", "KB", "MB", "GB", "TB", "PB", "EB" };
  guint unit = 0;

  while (bytes >= 1000 && unit + 1 < G_N_ELEMENTS (units))
    {
      bytes /= 1000;
      unit++;
    }

  if (bytes == floor (bytes))
    return g_strdup_printf ("%.0f %s", bytes, units[unit]);

  return g_strdup_printf ("%.*f %s", bytes < 10 ? 2 : 1, bytes, units[unit]);
}

/**
 * plano_format_rate:
 *
 * Returns: (transfer full): a per-second count, rounded the way people say it: "17 361/s"
 */
char *
plano_format_rate (double per_second)
{
  g_autofree char *count = NULL;

  if (per_second > 0 && per_second < 10 && per_second != round (per_second))
    return g_strdup_printf ("%.2f/s", per_second);

  count = plano_format_number (per_second);
  return g_strconcat (count, "/s", NULL);
}

/**
 * plano_format_number:
 *
 * Returns: (transfer full): @value rounded to a whole number, thousands apart: "17 361"
 */
char *
plano_format_number (double value)
{
  char buffer[64];
  char *p = buffer + sizeof buffer;
  guint64 whole;
  gboolean negative;
  int n_digits = 0;

  if (!isfinite (value) || fabs (value) >= 1e18)
    return g_strdup_printf ("%.0f", value);

  /* By hand rather than with printf's slow "%.0f": the review formats numbers for every
   * component that is short of capacity. A space between thousands, as in the seed's
   * "100 000", that never breaks a line. */
  value = round (value);
  negative = value < 0;
  whole = (guint64) fabs (value);
  *--p = '\0';
  do
    {
      if (n_digits > 0 && n_digits % 3 == 0)
        {
          p -= strlen ("\u00a0");
          memcpy (p, "\u00a0", strlen ("\u00a0"));
        }
      *--p = '0' + whole % 10;
      n_digits++;
    }
  while ((whole /= 10) > 0);
  if (negative)
    *--p = '-';

  return g_strdup (p);
}

/**
 * plano_capacity_to_notes:
 *
 * Returns: (transfer full): the inputs and results as a few lines of text for the notes of
 *   the interview's capacity step
 */
char *
plano_capacity_to_notes (const PlanoCapacityInput  *input,
                         const PlanoCapacityResult *result)
{
  g_autofree char *avg = plano_format_rate (result->average_events_per_second);
  g_autofree char *peak = plano_format_rate (result->peak_events_per_second);
  g_autofree char *reads = plano_format_rate (result->peak_reads_per_second);
  g_autofree char *ingest = plano_format_bytes (result->peak_ingest_bytes_per_second);
  g_autofree char *day = plano_format_bytes (result->storage_bytes_per_day);
  g_autofree char *year = plano_format_bytes (result->storage_bytes_per_year);
  g_autofree char *retained = plano_format_bytes (result->retained_bytes);
  g_autofree char *cache = plano_format_bytes (result->cache_bytes);
  GString *notes = g_string_new (NULL);

  g_string_append_printf (notes, _("Events: %s on average, %s at peak (×%g)"), avg, peak,
                          MAX (input->peak_factor, 1));
  g_string_append_c (notes, '\n');
  g_string_append_printf (notes, _("Reads at peak: %s"), reads);
  g_string_append_c (notes, '\n');
  g_string_append_printf (notes, _("Ingest at peak: %s/s, %.1f %% of a 1 Gbps link"), ingest,
                          result->share_of_1_gbps * 100);
  g_string_append_c (notes, '\n');
  g_string_append_printf (notes, _("Storage: %s a day, %s a year, %s retained with copies"),
                          day, year, retained);
  g_string_append_c (notes, '\n');
  g_string_append_printf (notes, g_dngettext (GETTEXT_PACKAGE, "Kafka: %u partition at 100 000 messages/s",
                                              "Kafka: %u partitions at 100 000 messages/s",
                                              result->kafka_partitions),
                          result->kafka_partitions);
  g_string_append_c (notes, '\n');
  g_string_append_printf (notes, _("Cache for the hot set: %s"), cache);
  g_string_append_c (notes, '\n');
  g_string_append_printf (notes, _("Scale: up to %s, %s"), plano_scale_get_size (result->scale),
                          plano_scale_get_advice (result->scale));

  if (result->kafka_is_overkill)
    {
      g_string_append_c (notes, '\n');
      g_string_append (notes, _("At this rate Kafka is overkill: write directly, or use a simple queue."));
    }
  else if (result->postgres_is_enough)
    {
      g_string_append_c (notes, '\n');
      g_string_append (notes, _("Below 10 000 writes/s, PostgreSQL is enough."));
    }

  return g_string_free (notes, FALSE);
}
