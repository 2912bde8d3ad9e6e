/* plano-bench-gen.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plano-bench-gen.h"
#include "plano-item.h"

/* A synthetic board that looks like a large organisation's data platform: one zone per
 * pipeline of 20 components in five stages (sources, ingestion, processing, storage,
 * serving), laid out on a grid of zones; 1.5 connections per component, mostly along the
 * pipeline and some to the next pipeline; rates and replicas on some components so that the
 * review has loads to compute; a sticky note every 50 components and a few trade-offs.
 * The same seed always gives the same board.
 */

#define PER_ZONE     20
#define COLUMNS      5
#define ROWS         4
#define STEP_X       220.0
#define STEP_Y       110.0
#define ZONE_PAD     40.0
#define ZONE_W       (COLUMNS * STEP_X + 2 * ZONE_PAD)
#define ZONE_H       (ROWS * STEP_Y + 2 * ZONE_PAD + 20)
#define ZONE_GAP     120.0

static const char *const stages[COLUMNS][6] = {
  { "app", "iot", "cdc", "postgres", "salesforce", "files" },
  { "kafka", "kinesis", "kafka-connect", "fivetran", "airbyte", "pulsar" },
  { "flink", "spark", "dbt", "airflow", "spark-streaming", "stream-job" },
  { "lake", "warehouse", "lakehouse", "object-store", "cassandra", "clickhouse" },
  { "redis", "druid", "looker", "api", "ml-training", "tableau" },
};

static const char *const domains[] = {
  "Payments", "Orders", "Checkout", "Search", "Ads", "Fraud", "Logistics", "Inventory",
  "Identity", "Pricing", "Marketing", "Support", "Billing", "Catalog", "Recommendations",
  "Telemetry", "Finance", "Growth", "Risk", "Shipping",
};

static const char *const entities[] = {
  "order events", "clickstream", "page views", "card authorisations", "shipments",
  "user profiles", "sessions", "ad impressions", "refunds", "stock levels", "price changes",
  "support tickets", "invoices", "device telemetry", "search queries", "carts",
};

static const char *const zone_kinds[] = {
  "layer", "domain", "bronze", "silver", "gold", "group",
};

static const char *const edge_kinds[] = {
  "stream", "batch", "flow", "cdc", "request", "stream", "flow", "replication",
};

static const char *const note_texts[] = {
  "Late events up to 2 h: watermark on event time, allowed lateness 30 min.",
  "Backfill runs from the lake, not from the source: the source keeps 7 days.",
  "Keys are order_id, so updates for one order stay in order in one partition.",
  "GDPR: deletions arrive as tombstones and are applied nightly in the warehouse.",
  "Dashboards read the gold tables only; nothing queries raw data directly.",
};

/* Which kinds may carry a rate or replicas without the catalog complaining. */
static gboolean
is_source (guint column)
{
  return column == 0;
}

static void
set_number (GArray    **props,
            const char *name,
            double      value)
{
  PlanoProp prop = { (char *) name, PLANO_VALUE_NUMBER, value, NULL, FALSE };

  plano_props_set (props, &prop);
}

static void
add_edge (PlanoBoard *board,
          GRand      *rand,
          guint       n,
          const char *from,
          const char *to,
          gboolean    may_have_label)
{
  g_autofree char *id = g_strdup_printf ("e%u", n);
  PlanoEdge *edge = (PlanoEdge *) plano_item_new (PLANO_ITEM_EDGE, id);

  edge->from = g_strdup (from);
  edge->to = g_strdup (to);
  edge->kind = g_strdup (edge_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (edge_kinds))]);
  if (may_have_label && g_rand_int_range (rand, 0, 4) == 0)
    edge->label = g_strdup_printf ("%u k ev/s", g_rand_int_range (rand, 1, 50));
  plano_board_add_item (board, (PlanoItem *) edge, NULL);
}

PlanoBoard *
plano_bench_generate (guint   n_nodes,
                      guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  PlanoBoard *board = plano_board_new ();
  guint n_zones = (n_nodes + PER_ZONE - 1) / PER_ZONE;
  guint grid = 1;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint n_edges = 0;
  guint target_edges = n_nodes * 3 / 2;

  while (grid * grid < n_zones)
    grid++;

  plano_board_set_title (board, "Synthetic data platform");

  for (guint z = 0; z < n_zones; z++)
    {
      double zx = (z % grid) * (ZONE_W + ZONE_GAP);
      double zy = (z / grid) * (ZONE_H + ZONE_GAP);
      const char *domain = domains[z % G_N_ELEMENTS (domains)];
      g_autofree char *zone_id = g_strdup_printf ("zone%u", z + 1);
      PlanoZone *zone = (PlanoZone *) plano_item_new (PLANO_ITEM_ZONE, zone_id);

      zone->x = zx;
      zone->y = zy;
      zone->w = ZONE_W;
      zone->h = ZONE_H;
      zone->kind = g_strdup (zone_kinds[z % G_N_ELEMENTS (zone_kinds)]);
      zone->label = g_strdup_printf ("%s pipeline %u", domain, (guint) (z / G_N_ELEMENTS (domains) + 1));
      plano_board_add_item (board, (PlanoItem *) zone, NULL);

      for (guint i = 0; i < PER_ZONE && ids->len < n_nodes; i++)
        {
          guint column = i / ROWS;
          guint row = i % ROWS;
          const char *kind = stages[column][g_rand_int_range (rand, 0, G_N_ELEMENTS (stages[column]))];
          g_autofree char *id = g_strdup_printf ("n%u", ids->len + 1);
          PlanoNode *node = (PlanoNode *) plano_item_new (PLANO_ITEM_NODE, id);
          const char *entity = entities[g_rand_int_range (rand, 0, G_N_ELEMENTS (entities))];

          node->kind = g_strdup (kind);
          node->x = zx + ZONE_PAD + column * STEP_X;
          node->y = zy + ZONE_PAD + 20 + row * STEP_Y;
          node->zone = g_strdup (zone_id);
          node->label = g_strdup_printf ("%s %s", domain, entity);
          if (is_source (column))
            set_number (&node->props, "rate", 500 * g_rand_int_range (rand, 1, 40));
          else if (g_rand_int_range (rand, 0, 3) == 0)
            set_number (&node->props, "replicas", g_rand_int_range (rand, 2, 6));
          plano_board_add_item (board, (PlanoItem *) node, NULL);
          g_ptr_array_add (ids, g_steal_pointer (&id));
        }
    }

  /* Along each pipeline: every component to one in the next stage. */
  for (guint i = 0; i < ids->len && n_edges < target_edges; i++)
    {
      guint first = i - i % PER_ZONE;
      guint next = i + ROWS + (g_rand_int_range (rand, 0, 3) == 0 ? 1 : 0);

      if ((i % PER_ZONE) / ROWS == COLUMNS - 1 || next >= ids->len || next >= first + PER_ZONE)
        continue;

      add_edge (board, rand, ++n_edges, g_ptr_array_index (ids, i), g_ptr_array_index (ids, next), TRUE);
    }

  /* The rest: across stages in the same pipeline and to the next pipeline. */
  while (n_edges < target_edges && ids->len > 1)
    {
      guint from = g_rand_int_range (rand, 0, ids->len);
      guint to;

      if (g_rand_int_range (rand, 0, 3) == 0)
        to = MIN (from + PER_ZONE + g_rand_int_range (rand, 0, ROWS), ids->len - 1);
      else
        to = (from - from % PER_ZONE) + g_rand_int_range (rand, 0, PER_ZONE);

      if (to >= ids->len || to == from)
        continue;

      add_edge (board, rand, ++n_edges, g_ptr_array_index (ids, from), g_ptr_array_index (ids, to), FALSE);
    }

  /* A sticky note beside every 50th component. */
  for (guint i = 0; i < ids->len; i += 50)
    {
      const PlanoItem *target = plano_board_lookup (board, g_ptr_array_index (ids, i));
      const PlanoNode *node = (const PlanoNode *) target;
      g_autofree char *id = g_strdup_printf ("note%u", i / 50 + 1);
      PlanoNote *note = (PlanoNote *) plano_item_new (PLANO_ITEM_NOTE, id);

      note->x = node->x + 40;
      note->y = node->y - 60;
      note->text = g_strdup (note_texts[(i / 50) % G_N_ELEMENTS (note_texts)]);
      note->target = g_strdup (target->id);
      plano_board_add_item (board, (PlanoItem *) note, NULL);
    }

  /* A few decisions, as a real board has. */
  for (guint i = 0; i < MIN (ids->len, 20u); i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i + 1);
      PlanoTradeoff *tradeoff = (PlanoTradeoff *) plano_item_new (PLANO_ITEM_TRADEOFF, id);
      const char *pros[] = { "Replayable history", "Absorbs bursts", NULL };
      const char *cons[] = { "One more system to run", NULL };

      tradeoff->title = g_strdup ("Buffer before processing");
      tradeoff->target = g_strdup (g_ptr_array_index (ids, i * (ids->len / MIN (ids->len, 20u))));
      tradeoff->choice = g_strdup ("Kafka between the sources and Flink");
      tradeoff->pros = g_strdupv ((char **) pros);
      tradeoff->cons = g_strdupv ((char **) cons);
      tradeoff->rationale = g_strdup ("Peaks reach ten times the average during sales.");
      plano_board_add_item (board, (PlanoItem *) tradeoff, NULL);
    }

  return board;
}
