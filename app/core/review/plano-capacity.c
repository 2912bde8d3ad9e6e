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

#define SECONDS_PER_DAY   86400.0
#define SECONDS_PER_MONTH (30 * SECONDS_PER_DAY)
#define SECONDS_PER_YEAR  (365 * SECONDS_PER_DAY)

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

/* Where the data is kept: copies paid for and raw bytes per stored byte. Object storage keeps
 * its own copies and bills one; HDFS writes three; a database runs a primary and a standby and
 * stores rows, which pack far less than columnar files.
 */
static const struct
{
  const char *name;
  double      copies;
  double      compression;
} stores[PLANO_N_STORES] = {
  [PLANO_STORE_OBJECT]   = { N_("Object storage, columnar files"), 1, PLANO_COLUMNAR_COMPRESSION },
  [PLANO_STORE_HDFS]     = { N_("HDFS, columnar files"), 3, PLANO_COLUMNAR_COMPRESSION },
  [PLANO_STORE_DATABASE] = { N_("Database, rows"), 2, 1 },
};

/* The seed's numbers you should know, shown beside the calculator. */
static const PlanoReferenceNumber reference[] = {
  { N_("L1 cache reference"), N_("0.5 ns") },
  { N_("L2 cache reference"), N_("7 ns") },
  { N_("Main memory reference"), N_("100 ns") },
  { N_("SSD random read"), N_("16 µs") },
  { N_("HDD seek"), N_("10 ms") },
  { N_("Round trip within a data centre"), N_("0.5 ms") },
  { N_("Round trip across regions"), N_("150 ms") },
  { N_("SSD sequential read"), N_("500 MB/s – 3 GB/s") },
  { N_("HDD sequential read"), N_("100–200 MB/s") },
  { N_("Network, 1 Gbps / 10 Gbps"), N_("125 MB/s / 1.25 GB/s") },
  { N_("Kafka, one partition"), N_("100 000+ messages/s; plan 10 MB/s") },
  { N_("PostgreSQL writes"), N_("10 000–50 000 rows/s") },
  { N_("Redis"), N_("100 000+ operations/s") },
  { N_("Spark, 100 nodes"), N_("terabytes an hour") },
  /* xgettext:no-c-format */
  { N_("99.9 % available"), N_("8.76 h down a year") },
  /* xgettext:no-c-format */
  { N_("99.99 % available"), N_("52.6 min down a year") },
};

/**
 * plano_capacity_input_init:
 *
 * Fills @input with a starting point: no users yet, 1 KB events, a peak of 3× the average,
 * one read per write, a year of retention in object storage as columnar files (one copy
 * billed, 5× compression), a fifth of a day's data hot, partitions with 3× headroom and a
 * target of 99.9 % availability.
 */
void
plano_capacity_input_init (PlanoCapacityInput *input)
{
  *input = (PlanoCapacityInput) {
    .daily_active_users = 0,
    .events_per_user = 0,
    .event_bytes = PLANO_DEFAULT_EVENT_BYTES,
    .peak_factor = 3,
    .read_write_ratio = 1,
    .retention_days = 365,
    .replication = stores[PLANO_STORE_OBJECT].copies,
    .hot_fraction = 0.2,
    .headroom = PLANO_PARTITION_HEADROOM,
    .compression = stores[PLANO_STORE_OBJECT].compression,
    .availability = 99.9,
    .store = PLANO_STORE_OBJECT,
  };
}

static double
positive (double value)
{
  return isfinite (value) && value > 0 ? value : 0;
}

/**
 * plano_capacity_postgres_is_enough:
 * @writes_per_second: the peak writes
 * @bytes_kept: the raw data kept over the retention, one copy
 *
 * The seed's "below 10 000 writes/s, PostgreSQL is enough", with the scale guide's 1 TB from
 * which clusters start: both limits, as the calculator's advice and the design review judge.
 *
 * Returns: whether one PostgreSQL with a standby takes @writes_per_second and holds @bytes_kept
 */
gboolean
plano_capacity_postgres_is_enough (double writes_per_second,
                                   double bytes_kept)
{
  return positive (writes_per_second) < PLANO_POSTGRES_WRITE_LIMIT &&
         positive (bytes_kept) < PLANO_POSTGRES_DATA_LIMIT;
}

/**
 * plano_capacity_partitions:
 * @messages_per_second: the peak message rate
 * @bytes_per_second: the peak byte rate
 * @headroom: how many times the peak to plan for; below 1 counts as 1
 * @partition_rate: messages/s one partition takes
 * @partition_bytes: bytes/s one partition takes
 *
 * The partitions a topic needs: for the messages and for the bytes, whichever asks more,
 * times the headroom, rounded up. The calculator and the design review both count this way.
 *
 * Returns: at least 1
 */
guint
plano_capacity_partitions (double messages_per_second,
                           double bytes_per_second,
                           double headroom,
                           double partition_rate,
                           double partition_bytes)
{
  double by_messages = partition_rate > 0 ? positive (messages_per_second) / partition_rate : 0;
  double by_bytes = partition_bytes > 0 ? positive (bytes_per_second) / partition_bytes : 0;
  double needed = MAX (by_messages, by_bytes) * MAX (positive (headroom), 1);

  /* A hair above a whole number is that number: 3 × 4.0000000001 is 12 partitions. */
  return (guint) CLAMP (ceil (needed - 1e-9), 1, G_MAXUINT);
}

/**
 * plano_capacity_downtime:
 * @availability: the uptime target in percent, such as 99.9
 * @period_seconds: the period, such as a year
 *
 * Returns: the seconds of downtime @availability allows in @period_seconds
 */
double
plano_capacity_downtime (double availability,
                         double period_seconds)
{
  double up = CLAMP (positive (availability), 0, 100);

  return (100 - up) / 100 * positive (period_seconds);
}

/**
 * plano_capacity_availability:
 * @downtime_seconds: the downtime allowed in @period_seconds
 * @period_seconds: the period, such as a year
 *
 * The other way round from plano_capacity_downtime().
 *
 * Returns: the availability in percent that allows @downtime_seconds in @period_seconds
 */
double
plano_capacity_availability (double downtime_seconds,
                             double period_seconds)
{
  double period = positive (period_seconds);

  if (period == 0)
    return 100;

  return 100 * (1 - CLAMP (positive (downtime_seconds), 0, period) / period);
}

/**
 * plano_capacity_compute:
 *
 * Works out rates, storage, bandwidth, partitions, cache, downtime and scale from @input.
 * Negative or non-finite inputs count as zero; a peak factor, a headroom, a compression ratio
 * or a number of copies below 1 counts as 1.
 */
void
plano_capacity_compute (const PlanoCapacityInput *input,
                        PlanoCapacityResult      *result)
{
  double users, events, bytes, peak, reads, retention, replication, hot, headroom, compression;

  g_return_if_fail (input != NULL && result != NULL);

  users = positive (input->daily_active_users);
  events = positive (input->events_per_user);
  bytes = positive (input->event_bytes);
  peak = MAX (positive (input->peak_factor), 1);
  reads = positive (input->read_write_ratio);
  retention = positive (input->retention_days);
  replication = MAX (positive (input->replication), 1);
  hot = CLAMP (positive (input->hot_fraction), 0, 1);
  headroom = MAX (positive (input->headroom), 1);
  compression = MAX (positive (input->compression), 1);

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
  result->retained_raw_bytes = result->storage_bytes_per_day * retention;
  result->retained_bytes = result->retained_raw_bytes / compression * replication;

  result->share_of_1_gbps = result->peak_ingest_bytes_per_second / PLANO_LINK_1_GBPS;
  result->share_of_10_gbps = result->peak_ingest_bytes_per_second / PLANO_LINK_10_GBPS;

  result->partitions_for_messages = result->peak_events_per_second / PLANO_KAFKA_PARTITION_RATE;
  result->partitions_for_bytes = result->peak_ingest_bytes_per_second / PLANO_KAFKA_PARTITION_BYTES;
  result->kafka_partitions = plano_capacity_partitions (result->peak_events_per_second,
                                                        result->peak_ingest_bytes_per_second,
                                                        headroom, PLANO_KAFKA_PARTITION_RATE,
                                                        PLANO_KAFKA_PARTITION_BYTES);
  result->cache_bytes = result->storage_bytes_per_day * hot;
  result->downtime_per_year = plano_capacity_downtime (input->availability, SECONDS_PER_YEAR);
  result->downtime_per_month = plano_capacity_downtime (input->availability, SECONDS_PER_MONTH);

  /* The seed's tier the data has reached: 36 GB is past "10 GB, Polars or DuckDB" and short
   * of "100 GB, Spark", as the seed's "below 100 GB you do not need Spark" says. */
  result->scale = PLANO_SCALE_1_GB;
  for (guint i = 0; i < PLANO_N_SCALES; i++)
    if (result->retained_raw_bytes >= scales[i].bytes)
      result->scale = i;

  result->postgres_is_enough = plano_capacity_postgres_is_enough (result->peak_events_per_second,
                                                                  result->retained_raw_bytes);
  result->kafka_is_overkill = result->peak_events_per_second <= PLANO_KAFKA_MINIMUM_RATE;
  result->single_machine_is_enough = result->storage_bytes_per_day < PLANO_SINGLE_MACHINE_BYTES;
}

const char *
plano_store_get_name (PlanoStore store)
{
  g_return_val_if_fail (store < PLANO_N_STORES, NULL);

  return _(stores[store].name);
}

double
plano_store_get_copies (PlanoStore store)
{
  g_return_val_if_fail (store < PLANO_N_STORES, 1);

  return stores[store].copies;
}

double
plano_store_get_compression (PlanoStore store)
{
  g_return_val_if_fail (store < PLANO_N_STORES, 1);

  return stores[store].compression;
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
 * plano_capacity_describe_scale:
 *
 * Returns: (transfer full): the raw data kept, the seed's tier it has reached and that tier's
 *   advice: "1.1 PB (1 PB and up): A distributed data lake and custom infrastructure"
 */
char *
plano_capacity_describe_scale (const PlanoCapacityResult *result)
{
  g_autofree char *size = plano_format_bytes (result->retained_raw_bytes);

  /* TRANSLATORS: the data kept, the tier of the seed's scale guide it has reached, and that
   * tier's advice: "36.5 GB (10 GB and up): Optimised Pandas, Polars or DuckDB" */
  return g_strdup_printf (_("%s (%s and up): %s"), size, plano_scale_get_size (result->scale),
                          plano_scale_get_advice (result->scale));
}

/**
 * plano_capacity_get_advice:
 *
 * What the figures say about tools, by the same thresholds as the design review: a log for
 * so few events, PostgreSQL below 10 000 writes/s and 1 TB kept, Spark against one machine.
 *
 * Returns: (transfer full): one or two sentences
 */
char *
plano_capacity_get_advice (const PlanoCapacityResult *result)
{
  g_autofree char *day = plano_format_bytes (result->storage_bytes_per_day);
  g_autofree char *limit = plano_format_bytes (PLANO_SINGLE_MACHINE_BYTES);
  g_autofree char *writes = plano_format_number (PLANO_POSTGRES_WRITE_LIMIT);
  g_autofree char *data_limit = plano_format_bytes (PLANO_POSTGRES_DATA_LIMIT);
  g_autofree char *kept = plano_format_bytes (result->retained_raw_bytes);
  GString *advice = g_string_new (NULL);

  if (result->kafka_is_overkill)
    g_string_append (advice, _("At this rate Kafka is overkill: write directly, or use a simple queue."));
  else if (result->postgres_is_enough)
    /* TRANSLATORS: "Below 10 000 writes/s and 1 TB kept, PostgreSQL is enough." */
    g_string_append_printf (advice, _("Below %s writes/s and %s kept, PostgreSQL is enough."), writes, data_limit);
  else if (result->peak_events_per_second >= PLANO_POSTGRES_WRITE_LIMIT)
    g_string_append (advice, _("Above 10 000 writes/s: partition the writes, or use a stream in front of the store."));
  else
    /* TRANSLATORS: "146 TB kept is past the 1 TB one PostgreSQL holds with ease, though its writes would fit: …" */
    g_string_append_printf (advice, _("%s kept is past the %s one PostgreSQL holds with ease, though its writes would fit: keep the history in a warehouse or a lake, and in PostgreSQL only what the application reads."),
                            kept, data_limit);

  g_string_append_c (advice, ' ');
  if (result->single_machine_is_enough)
    /* TRANSLATORS: "A day is 50 GB, under 100 GB: Polars or DuckDB on one machine process it; Spark would cost more than it saves." */
    g_string_append_printf (advice, _("A day is %s, under %s: Polars or DuckDB on one machine process it; Spark would cost more than it saves."),
                            day, limit);
  else
    g_string_append_printf (advice, _("A day is %s, over %s: a day’s processing is Spark’s or the warehouse’s work."),
                            day, limit);

  return g_string_free (advice, FALSE);
}

/**
 * plano_capacity_get_reference:
 *
 * Returns: (array length=n_numbers): the seed's latency and throughput numbers
 */
const PlanoReferenceNumber *
plano_capacity_get_reference (guint *n_numbers)
{
  g_return_val_if_fail (n_numbers != NULL, NULL);

  *n_numbers = G_N_ELEMENTS (reference);
  return reference;
}

/* @value rounded to one decimal, as it will be printed: a ".5" never prints as the whole
 * number below it, which printf's binary rounding would do with 1.095 → "1.09". */
static double
round_tenth (double value)
{
  return round (value * 10 + 1e-9) / 10;
}

/**
 * plano_format_bytes:
 *
 * Decimal units, one decimal unless the value is whole. Rounded to the nearest tenth and
 * moved to the next unit when that reaches 1 000, so that a figure past a unit reads past it:
 * 1.095 PB is "1.1 PB", never "1 PB"; 999.96 GB is "1 TB", not "1000.0 GB".
 *
 * Returns: (transfer full): @bytes in decimal units, as "182.5 TB"
 */
char *
plano_format_bytes (double bytes)
{
  static const char *units[] = { "B", "KB", "MB", "GB", "TB", "PB", "EB" };
  guint unit = 0;
  double shown;

  if (!isfinite (bytes) || bytes < 0)
    bytes = 0;

  while (unit + 1 < G_N_ELEMENTS (units) && round_tenth (bytes) >= 1000)
    {
      bytes /= 1000;
      unit++;
    }

  shown = round_tenth (bytes);
  if (unit == 0 || shown == floor (shown))
    return g_strdup_printf ("%.0f %s", unit == 0 ? round (bytes) : shown, units[unit]);

  return g_strdup_printf ("%.1f %s", shown, units[unit]);
}

/**
 * plano_format_duration:
 *
 * Returns: (transfer full): @seconds in the largest unit that keeps the figure at 1 or more,
 *   with three significant digits: "8.76 h", "52.6 min", "3.65 days"
 */
char *
plano_format_duration (double seconds)
{
  double value = positive (seconds);
  double scaled;
  int decimals;

  if (value >= 2 * SECONDS_PER_DAY)
    scaled = value / SECONDS_PER_DAY;
  else if (value >= 3600)
    scaled = value / 3600;
  else if (value >= 60)
    scaled = value / 60;
  else
    scaled = value;

  decimals = scaled >= 100 || scaled == 0 ? 0 : scaled >= 10 ? 1 : 2;

  if (value >= 2 * SECONDS_PER_DAY)
    /* TRANSLATORS: a duration in days, such as "3.65 days" */
    return g_strdup_printf (_("%.*f days"), decimals, scaled);
  else if (value >= 3600)
    /* TRANSLATORS: a duration in hours, such as "8.76 h" */
    return g_strdup_printf (_("%.*f h"), decimals, scaled);
  else if (value >= 60)
    /* TRANSLATORS: a duration in minutes, such as "52.6 min" */
    return g_strdup_printf (_("%.*f min"), decimals, scaled);

  /* TRANSLATORS: a duration in seconds, such as "31.5 s" */
  return g_strdup_printf (_("%.*f s"), decimals, scaled);
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
  g_autofree char *scale = plano_capacity_describe_scale (result);
  g_autofree char *advice = plano_capacity_get_advice (result);
  g_autofree char *year_down = plano_format_duration (result->downtime_per_year);
  g_autofree char *month_down = plano_format_duration (result->downtime_per_month);
  GString *notes = g_string_new (NULL);

  g_string_append_printf (notes, _("Events: %s on average, %s at peak (×%g)"), avg, peak,
                          MAX (input->peak_factor, 1));
  g_string_append_c (notes, '\n');
  g_string_append_printf (notes, _("Reads at peak: %s"), reads);
  g_string_append_c (notes, '\n');
  g_string_append_printf (notes, _("Ingest at peak: %s/s, %.1f %% of a 1 Gbps link"), ingest,
                          result->share_of_1_gbps * 100);
  g_string_append_c (notes, '\n');
  /* TRANSLATORS: raw storage a day and a year, then what is paid for: compressed, with its
   * copies, over the retention */
  g_string_append_printf (notes, g_dngettext (GETTEXT_PACKAGE,
                                              "Storage: %s a day, %s a year raw; %s kept (%g× compression, %g copy, %g days)",
                                              "Storage: %s a day, %s a year raw; %s kept (%g× compression, %g copies, %g days)",
                                              (gulong) MAX (input->replication, 1)),
                          day, year, retained, MAX (input->compression, 1), MAX (input->replication, 1),
                          MAX (input->retention_days, 0));
  g_string_append_c (notes, '\n');
  g_string_append_printf (notes, g_dngettext (GETTEXT_PACKAGE,
                                              "Kafka: %u partition (100 000 messages/s or 10 MB/s each, %g× headroom)",
                                              "Kafka: %u partitions (100 000 messages/s or 10 MB/s each, %g× headroom)",
                                              result->kafka_partitions),
                          result->kafka_partitions, MAX (input->headroom, 1));
  g_string_append_c (notes, '\n');
  g_string_append_printf (notes, _("Cache for the hot set: %s"), cache);
  g_string_append_c (notes, '\n');
  g_string_append_printf (notes, _("Availability %g %%: %s of downtime a year, %s a month"),
                          input->availability, year_down, month_down);
  g_string_append_c (notes, '\n');
  g_string_append_printf (notes, _("Scale: %s"), scale);
  g_string_append_c (notes, '\n');
  g_string_append (notes, advice);

  return g_string_free (notes, FALSE);
}
