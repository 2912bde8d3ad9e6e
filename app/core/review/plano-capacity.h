/* plano-capacity.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The back-of-envelope maths of the capacity step. Units are decimal, as in the seed's
 * numbers (1 KB = 1 000 bytes, 1 Gbps = 125 MB/s); a month is 30 days, a year 365.
 *
 * The thresholds below are the one source of the numbers that the calculator, the design
 * review and the trade-off hints judge by; docs/review.md and docs/catalog.md give the
 * basis of each.
 */

/* The seed's "numbers you should know" and its scale guide. */
#define PLANO_KAFKA_PARTITION_RATE    100000.0  /* messages/s one partition takes */
#define PLANO_KAFKA_PARTITION_BYTES   10e6      /* bytes/s to plan per partition */
#define PLANO_KINESIS_SHARD_RATE      1000.0    /* records/s one shard takes */
#define PLANO_KINESIS_SHARD_BYTES     1e6       /* bytes/s one shard takes */
#define PLANO_PARTITION_HEADROOM      3.0       /* partitions planned over the peak */
#define PLANO_POSTGRES_WRITE_LIMIT    10000.0   /* writes/s below which PostgreSQL is enough */
#define PLANO_POSTGRES_DATA_LIMIT     1e12      /* raw bytes kept below which PostgreSQL is enough */
#define PLANO_KAFKA_MINIMUM_RATE      100.0     /* events/s at or below which a log is overkill */
#define PLANO_SINGLE_MACHINE_BYTES    1e11      /* a day's data below which Polars or DuckDB do */
#define PLANO_REPLAY_MINIMUM_RATE     1000.0    /* events/s from which losing them matters */
#define PLANO_COLUMNAR_COMPRESSION    5.0       /* raw events against columnar files */
#define PLANO_HOT_UTILISATION         0.8       /* a component past this has no room for a peak */
#define PLANO_DEFAULT_EVENT_BYTES     1000.0    /* an event when nothing says its size */
#define PLANO_HOP_LATENCY_MS          0.5       /* a round trip within one data centre */
#define PLANO_REGION_LATENCY_MS       150.0     /* a round trip across regions */
#define PLANO_BATCH_WINDOW_HOURS      1.0       /* the time one batch run may take */
#define PLANO_BATCH_RUNS_PER_DAY      24.0      /* batch runs a day */
#define PLANO_LINK_1_GBPS             125e6
#define PLANO_LINK_10_GBPS            1.25e9

/* Where the data is kept, which sets how many copies are paid for and how well it packs. */
typedef enum
{
  PLANO_STORE_OBJECT,     /* S3, GCS: one copy billed, columnar files */
  PLANO_STORE_HDFS,       /* three copies on disks you run, columnar files */
  PLANO_STORE_DATABASE,   /* a primary and a standby, rows */
  PLANO_N_STORES
} PlanoStore;

typedef struct
{
  double      daily_active_users;
  double      events_per_user;      /* per day */
  double      event_bytes;
  double      peak_factor;          /* peak over average, such as 3 */
  double      read_write_ratio;     /* reads per write */
  double      retention_days;
  double      replication;          /* copies kept of each byte */
  double      hot_fraction;         /* share of a day's data kept in cache, such as 0.2 */
  double      headroom;             /* partitions planned over the peak, such as 3 */
  double      compression;          /* raw bytes per stored byte, such as 5 */
  double      availability;         /* the uptime target in percent, such as 99.9 */
  PlanoStore  store;
} PlanoCapacityInput;

typedef enum
{
  PLANO_SCALE_1_GB,
  PLANO_SCALE_10_GB,
  PLANO_SCALE_100_GB,
  PLANO_SCALE_1_TB,
  PLANO_SCALE_10_TB,
  PLANO_SCALE_100_TB,
  PLANO_SCALE_1_PB,
  PLANO_N_SCALES
} PlanoScale;

typedef struct
{
  double      events_per_day;
  double      average_events_per_second;
  double      peak_events_per_second;
  double      average_reads_per_second;
  double      peak_reads_per_second;
  double      average_ingest_bytes_per_second;
  double      peak_ingest_bytes_per_second;
  double      storage_bytes_per_day;        /* raw */
  double      storage_bytes_per_month;
  double      storage_bytes_per_year;
  double      retained_raw_bytes;           /* retention × a day, one raw copy */
  double      retained_bytes;               /* what is paid for: compressed, × copies */
  double      share_of_1_gbps;              /* peak ingest against one link */
  double      share_of_10_gbps;
  double      partitions_for_messages;      /* peak ÷ 100 000 messages/s, before headroom */
  double      partitions_for_bytes;         /* peak bytes ÷ 10 MB/s, before headroom */
  guint       kafka_partitions;             /* the larger, × headroom, rounded up */
  double      cache_bytes;                  /* the hot set */
  double      downtime_per_year;            /* seconds the availability target allows */
  double      downtime_per_month;
  PlanoScale  scale;                        /* the seed's tier at or below the raw data kept */
  gboolean    postgres_is_enough;           /* peak writes below 10 000/s and under 1 TB kept */
  gboolean    kafka_is_overkill;            /* peak at or below 100 events/s */
  gboolean    single_machine_is_enough;     /* a day's raw data below 100 GB */
} PlanoCapacityResult;

typedef struct
{
  const char *what;     /* untranslated; use _() */
  const char *value;    /* untranslated; use _() */
} PlanoReferenceNumber;

void         plano_capacity_input_init       (PlanoCapacityInput        *input);
void         plano_capacity_compute          (const PlanoCapacityInput  *input,
                                              PlanoCapacityResult       *result);
gboolean     plano_capacity_postgres_is_enough (double                   writes_per_second,
                                                double                   bytes_kept);
guint        plano_capacity_partitions       (double                     messages_per_second,
                                              double                     bytes_per_second,
                                              double                     headroom,
                                              double                     partition_rate,
                                              double                     partition_bytes);
double       plano_capacity_downtime         (double                     availability,
                                              double                     period_seconds);
double       plano_capacity_availability     (double                     downtime_seconds,
                                              double                     period_seconds);
const char  *plano_store_get_name            (PlanoStore                 store);
double       plano_store_get_copies          (PlanoStore                 store);
double       plano_store_get_compression     (PlanoStore                 store);
const char  *plano_scale_get_size            (PlanoScale                 scale);
const char  *plano_scale_get_advice          (PlanoScale                 scale);
char        *plano_capacity_describe_scale   (const PlanoCapacityResult *result);
char        *plano_capacity_get_advice       (const PlanoCapacityResult *result);
const PlanoReferenceNumber *
             plano_capacity_get_reference    (guint                     *n_numbers);
char        *plano_format_bytes              (double                     bytes);
char        *plano_format_rate               (double                     per_second);
char        *plano_format_number             (double                     value);
char        *plano_format_duration           (double                     seconds);
char        *plano_capacity_to_notes         (const PlanoCapacityInput  *input,
                                              const PlanoCapacityResult *result);

G_END_DECLS
