/* plano-capacity.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The back-of-envelope maths of the capacity step. Units are decimal, as in the seed's
 * numbers (1 KB = 1 000 bytes, 1 Gbps = 125 MB/s); a month is 30 days, a year 365.
 */

typedef struct
{
  double daily_active_users;
  double events_per_user;      /* per day */
  double event_bytes;
  double peak_factor;          /* peak over average, such as 3 */
  double read_write_ratio;     /* reads per write */
  double retention_days;
  double replication;          /* copies kept of each byte */
  double hot_fraction;         /* share of a day's data kept in cache, such as 0.2 */
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
  double      storage_bytes_per_day;
  double      storage_bytes_per_month;
  double      storage_bytes_per_year;
  double      retained_bytes;               /* retention × replication */
  double      share_of_1_gbps;              /* peak ingest against one link */
  double      share_of_10_gbps;
  guint       kafka_partitions;             /* at 100 000 messages/s each */
  double      cache_bytes;                  /* the hot set */
  PlanoScale  scale;                        /* of the data retained once */
  gboolean    postgres_is_enough;           /* peak writes below 10 000/s */
  gboolean    kafka_is_overkill;            /* peak at or below 100 events/s */
} PlanoCapacityResult;

#define PLANO_KAFKA_PARTITION_RATE   100000.0
#define PLANO_POSTGRES_WRITE_LIMIT   10000.0
#define PLANO_KAFKA_MINIMUM_RATE     100.0
#define PLANO_LINK_1_GBPS            125e6
#define PLANO_LINK_10_GBPS           1.25e9

void         plano_capacity_input_init    (PlanoCapacityInput        *input);
void         plano_capacity_compute       (const PlanoCapacityInput  *input,
                                           PlanoCapacityResult       *result);
const char  *plano_scale_get_size         (PlanoScale                 scale);
const char  *plano_scale_get_advice       (PlanoScale                 scale);
char        *plano_format_bytes           (double                     bytes);
char        *plano_format_rate            (double                     per_second);
char        *plano_format_number          (double                     value);
char        *plano_capacity_to_notes      (const PlanoCapacityInput  *input,
                                           const PlanoCapacityResult *result);

G_END_DECLS
