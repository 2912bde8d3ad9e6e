/* plano-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-review"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "plano-capacity.h"
#include "plano-catalog.h"
#include "plano-review.h"

/* The design review: the back-of-envelope checks an experienced engineer makes on a diagram.
 *
 * Load starts where a rate is given (an edge's or a node's "rate" prop, events per second)
 * and flows along the edges between components: an edge without a rate carries everything its
 * source takes in and makes. A component's capacity is its throughput per instance (its
 * "throughput" prop or the catalog's) times its instances: partitions for streams, replicas
 * for the rest. Cycles are cut, not followed, so a loop cannot hang the review.
 */

#define HOT_UTILISATION       0.8
#define SPARK_MINIMUM_BYTES   1e11     /* the seed: Spark pays off from about 100 GB */
#define DEFAULT_EVENT_BYTES   1000.0
#define HOP_LATENCY_MS        0.5      /* the seed: a round trip within one data centre */
#define REGION_LATENCY_MS     150.0    /* the seed: a round trip across regions */

/* What the review knows of one component, in board order: the checks walk these instead of
 * looking each figure up by id.
 */
typedef struct
{
  const PlanoKind *kind;
  double     load;
  double     capacity;
  guint      pending;        /* while propagating: links in from components not yet loaded */
  gboolean   loaded;
  gboolean   rated;          /* has a capacity */
  gboolean   down;
  struct _Link **in;         /* its links in and out, within the review's one array of each */
  struct _Link **out;
  guint      n_in;
  guint      n_out;
} NodeInfo;

struct _PlanoReview
{
  PlanoBoard *board;
  NodeInfo   *infos;       /* one per component, in board order */
  GHashTable *nodes;       /* node → its NodeInfo; a review is read while the board stays as it is */
  GPtrArray  *findings;
};

typedef struct _Link
{
  const PlanoEdge *edge;
  const PlanoNode *from;   /* NULL when the edge starts at a zone */
  const PlanoNode *to;
  NodeInfo        *from_info;
  NodeInfo        *to_info;
} Link;

static const char * const buffer_kinds[] = { "kafka", "kinesis", "pulsar", "queue", NULL };
static const char * const stream_kinds[] = { "kafka", "kinesis", "pulsar", NULL };
static const char * const stream_processors[] = { "flink", "spark-streaming", "stream-job", "kafka-connect", NULL };

/* Kinds whose storage keeps its own copies: one "replica" of them is not a single point of
 * failure.
 */
static const char * const managed_kinds[] = {
  "lake", "warehouse", "lakehouse", "object-store", "files", "kinesis", "hdfs", NULL
};

static void
finding_free (PlanoFinding *finding)
{
  g_free (finding->message);
  g_strfreev (finding->ids);
  g_free (finding);
}

static double
prop_number (GArray     *props,
             const char *name,
             double      fallback)
{
  double value;

  if (plano_props_get_number (props, name, &value) && isfinite (value))
    return value;

  return fallback;
}

static gboolean
prop_true (GArray     *props,
           const char *name)
{
  const PlanoProp *prop = plano_props_lookup (props, name);

  return prop != NULL && ((prop->type == PLANO_VALUE_BOOLEAN && prop->boolean) ||
                          (prop->type == PLANO_VALUE_STRING && g_strcmp0 (prop->string, "true") == 0));
}

static const PlanoKind *
kind_of (const PlanoNode *node)
{
  const PlanoKind *kind = plano_catalog_lookup (node->kind);

  return kind != NULL ? kind : plano_catalog_get_generic ();
}

static gboolean
is_kind (const PlanoNode    *node,
         const char * const *kinds)
{
  return g_strv_contains (kinds, node->kind);
}

static const char *
label (PlanoReview     *self,
       const PlanoNode *node)
{
  return plano_board_get_label (self->board, node->item.id);
}

static void G_GNUC_PRINTF (4, 5)
add_finding (PlanoReview        *self,
             PlanoSeverity       severity,
             const char         *rule,
             const char         *format,
             ...)
{
  PlanoFinding *finding = g_new0 (PlanoFinding, 1);
  va_list args;

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);

  finding->severity = severity;
  finding->rule = rule;
  g_ptr_array_add (self->findings, finding);
}

static void
set_ids (PlanoReview *self,
         ...)
{
  PlanoFinding *finding = g_ptr_array_index (self->findings, self->findings->len - 1);
  const char *ids[4];
  guint n = 0;
  va_list args;
  const char *id;

  /* A finding names at most three items: an edge and its ends. */
  va_start (args, self);
  while ((id = va_arg (args, const char *)) != NULL)
    {
      g_assert (n < G_N_ELEMENTS (ids) - 1);
      ids[n++] = id;
    }
  va_end (args);

  finding->ids = g_new (char *, n + 1);
  for (guint i = 0; i < n; i++)
    finding->ids[i] = g_strdup (ids[i]);
  finding->ids[n] = NULL;
}

static double *
number (double value)
{
  return g_memdup2 (&value, sizeof value);
}

/* What an edge carries: its own rate, or all its source takes in and makes. */
static double
link_load (const Link *link)
{
  double rate;

  if (link->from_info != NULL && link->from_info->down)
    return 0;

  if (link->edge->props != NULL && plano_props_get_number (link->edge->props, "rate", &rate) &&
      isfinite (rate))
    return MAX (rate, 0);

  /* A zone's edge without a rate adds nothing: its members' own edges already carry it. */
  return link->from_info != NULL ? link->from_info->load : 0;
}

/* The links between components, in board order; they live in @store, one block. */
static GPtrArray *
collect_links (PlanoReview  *self,
               Link        **store)
{
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_EDGE);
  GPtrArray *links = g_ptr_array_sized_new (n);
  Link *block = *store = g_new0 (Link, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (self->board, PLANO_ITEM_EDGE, i);
      Link *link = &block[links->len];

      link->edge = edge;
      link->from = plano_board_lookup_node (self->board, edge->from);
      link->to = plano_board_lookup_node (self->board, edge->to);

      /* Into a zone, or a loop on one node: nothing to propagate. */
      if (link->to == NULL || link->from == link->to)
        {
          memset (link, 0, sizeof *link);
          continue;
        }

      g_ptr_array_add (links, link);
    }

  return links;
}

/* Each component's links in and out, so that no check walks every link per component: two
 * arrays of all the links, by component, each component pointing at its part. */
static void
index_links (PlanoReview  *self,
             GPtrArray    *links,
             Link       ***in_store,
             Link       ***out_store)
{
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_NODE);
  Link **in = *in_store = g_new (Link *, MAX (links->len, 1));
  Link **out = *out_store = g_new (Link *, MAX (links->len, 1));
  guint n_in = 0, n_out = 0;

  for (guint i = 0; i < links->len; i++)
    {
      Link *link = g_ptr_array_index (links, i);

      link->to_info = g_hash_table_lookup (self->nodes, link->to);
      link->from_info = link->from != NULL ? g_hash_table_lookup (self->nodes, link->from) : NULL;
      link->to_info->n_in++;
      if (link->from_info != NULL)
        link->from_info->n_out++;
    }

  for (guint i = 0; i < n; i++)
    {
      self->infos[i].in = in + n_in;
      self->infos[i].out = out + n_out;
      n_in += self->infos[i].n_in;
      n_out += self->infos[i].n_out;
      self->infos[i].n_in = self->infos[i].n_out = 0;
    }

  for (guint i = 0; i < links->len; i++)
    {
      Link *link = g_ptr_array_index (links, i);

      link->to_info->in[link->to_info->n_in++] = link;
      if (link->from_info != NULL)
        link->from_info->out[link->from_info->n_out++] = link;
    }
}

/* Kahn's algorithm over the components; what remains in cycles is taken once, in board
 * order, with the loads known by then.
 */
static void
propagate (PlanoReview *self,
           GPtrArray   *links)
{
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_NODE);
  /* A queue of component indices: each enters it once when ready and at most once more in
   * the pass over cycles. */
  g_autofree guint *ready = g_new (guint, 2 * (gsize) n + 1);
  guint head = 0, tail = 0;

  for (guint i = 0; i < links->len; i++)
    {
      const Link *link = g_ptr_array_index (links, i);

      if (link->from != NULL)
        link->to_info->pending++;
    }

  for (guint i = 0; i < n; i++)
    if (self->infos[i].pending == 0)
      ready[tail++] = i;

  for (guint pass = 0; pass < 2; pass++)
    {
      while (head < tail)
        {
          guint index = ready[head++];
          const PlanoNode *node = (const PlanoNode *) plano_board_get_item (self->board, PLANO_ITEM_NODE, index);
          NodeInfo *info = &self->infos[index];
          double load = node->props != NULL ? MAX (prop_number (node->props, "rate", 0), 0) : 0;

          if (info->loaded)
            continue;

          for (guint i = 0; i < info->n_in; i++)
            load += link_load (info->in[i]);

          info->load = load;
          info->loaded = TRUE;

          for (guint i = 0; i < info->n_out; i++)
            {
              const Link *link = info->out[i];

              if (link->to_info->pending > 0 && --link->to_info->pending == 0)
                ready[tail++] = (guint) (link->to_info - self->infos);
            }
        }

      /* Components in a cycle: once each, in board order. */
      for (guint i = 0; i < n; i++)
        if (!self->infos[i].loaded)
          ready[tail++] = i;
    }
}

static void
compute_capacities (PlanoReview *self)
{
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_NODE);

  for (guint i = 0; i < n; i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (self->board, PLANO_ITEM_NODE, i);
      const PlanoKind *kind = self->infos[i].kind;
      double throughput = prop_number (node->props, "throughput", kind->throughput);
      double instances = kind->basis == PLANO_THROUGHPUT_PER_PARTITION ?
                         prop_number (node->props, "partitions", 1) :
                         prop_number (node->props, "replicas", 1);

      if (throughput > 0 && instances > 0)
        {
          self->infos[i].capacity = throughput * MAX (instances, 1);
          self->infos[i].rated = TRUE;
        }
    }
}

static void
check_utilisation (PlanoReview *self)
{
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_NODE);

  for (guint i = 0; i < n; i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (self->board, PLANO_ITEM_NODE, i);
      const NodeInfo *info = &self->infos[i];
      double load = info->load;
      double capacity = info->capacity;
      g_autofree char *in = NULL;
      g_autofree char *max = NULL;

      if (load <= 0 || !info->rated || load <= capacity * HOT_UTILISATION)
        continue;

      in = plano_format_rate (load);
      max = plano_format_rate (capacity);

      if (load > capacity)
        {
          add_finding (self, PLANO_SEVERITY_ERROR, "bottleneck",
                       /* TRANSLATORS: "Kafka takes 250 000/s against a capacity of 100 000/s (250 %)…" */
                       _("%s takes %s against a capacity of %s (%.0f %%): a bottleneck; add instances or partitions"),
                       label (self, node), in, max, load / capacity * 100);
          set_ids (self, node->item.id, NULL);
        }
      else
        {
          add_finding (self, PLANO_SEVERITY_WARNING, "hot",
                       _("%s takes %s against a capacity of %s (%.0f %%): little room for a peak"),
                       label (self, node), in, max, load / capacity * 100);
          set_ids (self, node->item.id, NULL);
        }
    }
}

static void
check_single_points (PlanoReview *self,
                     GPtrArray   *links)
{
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_NODE);

  for (guint i = 0; i < n; i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (self->board, PLANO_ITEM_NODE, i);
      if (!(self->infos[i].kind->stateful || prop_true (node->props, "critical")) ||
          is_kind (node, managed_kinds) || prop_number (node->props, "replicas", 1) >= 2)
        continue;

      if (self->infos[i].n_in == 0 && self->infos[i].n_out == 0)
        continue;

      add_finding (self, PLANO_SEVERITY_WARNING, "spof",
                   _("%s keeps state on a single replica: if it fails, the pipeline stops or loses data"),
                   label (self, node));
      set_ids (self, node->item.id, NULL);
    }
}

static void
check_buffers (PlanoReview *self,
               GPtrArray   *links)
{
  for (guint i = 0; i < links->len; i++)
    {
      const Link *link = g_ptr_array_index (links, i);
      double capacity = link->to_info->capacity;
      double load;
      g_autofree char *in = NULL;
      g_autofree char *max = NULL;

      /* Back-pressure is a streaming concern: a batch reader pulls at its own pace. */
      if (link->from == NULL || !link->to_info->rated || g_strcmp0 (link->edge->kind, "batch") == 0)
        continue;
      load = link_load (link);
      if (load <= 0 || load <= capacity || is_kind (link->from, buffer_kinds) ||
          is_kind (link->to, buffer_kinds))
        continue;

      in = plano_format_rate (load);
      max = plano_format_rate (capacity);
      add_finding (self, PLANO_SEVERITY_WARNING, "missing-buffer",
                   _("%s sends %s to %s, which takes %s, with nothing in between to absorb it: put a queue or a stream there for back-pressure"),
                   label (self, link->from), in, label (self, link->to), max);
      set_ids (self, link->edge->item.id, link->from->item.id, link->to->item.id, NULL);
    }
}

static void
check_overkill (PlanoReview *self)
{
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_NODE);

  for (guint i = 0; i < n; i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (self->board, PLANO_ITEM_NODE, i);
      double load = self->infos[i].load;
      g_autofree char *rate = NULL;

      if (load <= 0)
        continue;

      if (load <= PLANO_KAFKA_MINIMUM_RATE && is_kind (node, stream_kinds))
        {
          rate = plano_format_rate (load);
          add_finding (self, PLANO_SEVERITY_INFO, "overkill-stream",
                       _("%s carries only %s: for so few events, direct writes or a simple queue are enough"),
                       label (self, node), rate);
          set_ids (self, node->item.id, NULL);
        }
      else if (g_str_equal (node->kind, "spark") &&
               load * DEFAULT_EVENT_BYTES * 86400 < SPARK_MINIMUM_BYTES)
        {
          g_autofree char *daily = plano_format_bytes (load * DEFAULT_EVENT_BYTES * 86400);

          add_finding (self, PLANO_SEVERITY_INFO, "overkill-spark",
                       _("%s handles about %s a day: Polars or DuckDB on one machine do that; Spark pays off from about 100 GB"),
                       label (self, node), daily);
          set_ids (self, node->item.id, NULL);
        }
      else if ((g_str_equal (node->kind, "cassandra") || g_str_equal (node->kind, "clickhouse")) &&
               load < PLANO_POSTGRES_WRITE_LIMIT)
        {
          rate = plano_format_rate (load);
          add_finding (self, PLANO_SEVERITY_INFO, "overkill-database",
                       _("%s takes %s: below 10 000 writes/s, PostgreSQL is enough"),
                       label (self, node), rate);
          set_ids (self, node->item.id, NULL);
        }
    }
}

static void
check_idempotency (PlanoReview *self,
                   GPtrArray   *links)
{
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_NODE);

  for (guint i = 0; i < n; i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (self->board, PLANO_ITEM_NODE, i);
      PlanoCategory category = self->infos[i].kind->category;
      const NodeInfo *info = &self->infos[i];
      const Link *stream = NULL;

      if ((category != PLANO_CATEGORY_STORAGE && category != PLANO_CATEGORY_SERVING) ||
          is_kind (node, buffer_kinds) || prop_true (node->props, "idempotent") ||
          prop_true (node->props, "upsert"))
        continue;

      for (guint j = 0; j < info->n_in && stream == NULL; j++)
        {
          const Link *link = info->in[j];

          if ((g_strcmp0 (link->edge->kind, "stream") == 0 || g_strcmp0 (link->edge->kind, "cdc") == 0 ||
               (link->from != NULL && is_kind (link->from, stream_processors))))
            stream = link;
        }

      if (stream == NULL)
        continue;

      add_finding (self, PLANO_SEVERITY_INFO, "idempotency",
                   _("%s is written by a stream: make the writes idempotent (upserts) so that a replay does not duplicate data, then set its idempotent prop"),
                   label (self, node));
      set_ids (self, node->item.id, stream->edge->item.id, NULL);
    }
}

/* Adds to @reached every component downstream of those already in it. */
static void
reach_downstream (GPtrArray  *links,
                  GPtrArray  *reached,
                  GHashTable *seen)
{
  g_autoptr(GHashTable) outgoing = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint j = 0; j < links->len; j++)
    {
      const Link *link = g_ptr_array_index (links, j);
      GPtrArray *out;

      if (link->from == NULL)
        continue;
      out = g_hash_table_lookup (outgoing, link->from);
      if (out == NULL)
        g_hash_table_insert (outgoing, (gpointer) link->from, out = g_ptr_array_new ());
      g_ptr_array_add (out, (gpointer) link->to);
    }

  for (guint r = 0; r < reached->len; r++)
    {
      GPtrArray *out = g_hash_table_lookup (outgoing, g_ptr_array_index (reached, r));

      for (guint j = 0; out != NULL && j < out->len; j++)
        if (g_hash_table_add (seen, g_ptr_array_index (out, j)))
          g_ptr_array_add (reached, g_ptr_array_index (out, j));
    }
}

/* Failure injection: what a component marked down takes with it downstream. */
static void
check_down (PlanoReview *self,
            GPtrArray   *links)
{
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_NODE);

  /* In board order, so that the output is the same from one run to the next. */
  for (guint i = 0; i < n; i++)
    {
      const PlanoNode *down;
      g_autoptr(GPtrArray) reached = NULL;
      g_autoptr(GHashTable) seen = NULL;
      g_autoptr(GStrvBuilder) ids = NULL;
      g_autoptr(GString) names = NULL;
      GStrv built;

      /* Checked first: a board has many components and few, if any, down. */
      if (!self->infos[i].down)
        continue;

      down = (const PlanoNode *) plano_board_get_item (self->board, PLANO_ITEM_NODE, i);
      reached = g_ptr_array_new ();
      seen = g_hash_table_new (NULL, NULL);
      ids = g_strv_builder_new ();
      names = g_string_new (NULL);
      g_ptr_array_add (reached, (gpointer) down);
      g_hash_table_add (seen, (gpointer) down);
      reach_downstream (links, reached, seen);

      g_strv_builder_add (ids, down->item.id);
      for (guint r = 1; r < reached->len; r++)
        {
          const PlanoNode *node = g_ptr_array_index (reached, r);

          g_strv_builder_add (ids, node->item.id);
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, label (self, node));
        }

      if (reached->len == 1)
        add_finding (self, PLANO_SEVERITY_WARNING, "down",
                     _("%s is down: nothing downstream depends on it"), label (self, down));
      else
        add_finding (self, PLANO_SEVERITY_ERROR, "down",
                     _("%s is down: %s lose data or freshness"), label (self, down), names->str);

      built = g_strv_builder_end (ids);
      ((PlanoFinding *) g_ptr_array_index (self->findings, self->findings->len - 1))->ids = built;
    }
}

static double
node_latency (const PlanoNode *node)
{
  return MAX (prop_number (node->props, "latency_ms", kind_of (node)->latency_ms), 0);
}

/* A hop's network time: the edge's own latency_ms, or a round trip across regions when it
 * says cross_region, or within one data centre.
 */
static double
hop_latency (const Link *link)
{
  if (plano_props_lookup (link->edge->props, "latency_ms") != NULL)
    return MAX (prop_number (link->edge->props, "latency_ms", 0), 0);

  return prop_true (link->edge->props, "cross_region") ? REGION_LATENCY_MS : HOP_LATENCY_MS;
}

/* The slowest path against the board's p99 target: the longest path over the components
 * (batch edges do not count: a batch hop is not on the request path), by Kahn's algorithm, so
 * that a cycle is left out instead of followed.
 */
static void
check_path_latency (PlanoReview *self,
                    GPtrArray   *links)
{
  double target = prop_number (plano_board_get_props (self->board), "p99_ms", 0);
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_NODE);
  g_autoptr(GHashTable) pending = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) best = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) previous = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) outgoing = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GQueue) ready = g_queue_new ();
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *worst_text = NULL;
  g_autofree char *target_text = NULL;
  const PlanoNode *worst = NULL;
  double worst_ms = 0;

  if (!(target > 0))
    return;

  for (guint i = 0; i < links->len; i++)
    {
      const Link *link = g_ptr_array_index (links, i);
      GPtrArray *out;

      if (link->from == NULL || g_strcmp0 (link->edge->kind, "batch") == 0)
        continue;

      out = g_hash_table_lookup (outgoing, link->from);
      if (out == NULL)
        g_hash_table_insert (outgoing, (gpointer) link->from, out = g_ptr_array_new ());
      g_ptr_array_add (out, (gpointer) link);
      g_hash_table_insert (pending, (gpointer) link->to,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (pending, link->to)) + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (self->board, PLANO_ITEM_NODE, i);

      if (!g_hash_table_contains (pending, node))
        {
          g_hash_table_insert (best, (gpointer) node, number (node_latency (node)));
          g_queue_push_tail (ready, (gpointer) node);
        }
    }

  for (const PlanoNode *node; (node = g_queue_pop_head (ready)) != NULL;)
    {
      double here = *(double *) g_hash_table_lookup (best, node);
      GPtrArray *out = g_hash_table_lookup (outgoing, node);

      /* A path has at least one hop: a component on its own is not a request path. */
      if (g_hash_table_contains (previous, node) && (worst == NULL || here > worst_ms))
        {
          worst = node;
          worst_ms = here;
        }

      for (guint j = 0; out != NULL && j < out->len; j++)
        {
          const Link *link = g_ptr_array_index (out, j);
          double there = here + hop_latency (link) + node_latency (link->to);
          double *known = g_hash_table_lookup (best, link->to);
          guint left = GPOINTER_TO_UINT (g_hash_table_lookup (pending, link->to));

          if (known == NULL || there > *known)
            {
              g_hash_table_insert (best, (gpointer) link->to, number (there));
              g_hash_table_insert (previous, (gpointer) link->to, (gpointer) link->from);
            }

          if (left <= 1)
            {
              g_hash_table_remove (pending, link->to);
              g_queue_push_tail (ready, (gpointer) link->to);
            }
          else
            {
              g_hash_table_insert (pending, (gpointer) link->to, GUINT_TO_POINTER (left - 1));
            }
        }
    }

  if (worst == NULL || worst_ms <= target)
    return;

  for (const PlanoNode *node = worst; node != NULL; node = g_hash_table_lookup (previous, node))
    g_ptr_array_insert (path, 0, (gpointer) node);

  for (guint i = 0; i < path->len; i++)
    {
      const PlanoNode *node = g_ptr_array_index (path, i);

      g_strv_builder_add (ids, node->item.id);
      if (i > 0)
        g_string_append (names, " → ");
      g_string_append (names, label (self, node));
    }

  worst_text = plano_format_number (worst_ms);
  target_text = plano_format_number (target);
  add_finding (self, PLANO_SEVERITY_ERROR, "path-latency",
               /* TRANSLATORS: "The slowest path, Apps → Kafka → Flink → Redis, takes about 650 ms…" */
               _("The slowest path, %s, takes about %s ms against the p99 target of %s ms: cut a hop, a region crossing or a slow component"),
               names->str, worst_text, target_text);
  ((PlanoFinding *) g_ptr_array_index (self->findings, self->findings->len - 1))->ids = g_strv_builder_end (ids);
}

/**
 * plano_node_is_down:
 *
 * Returns: whether the failure drill treats @node as failed: its `down` prop is true
 */
gboolean
plano_node_is_down (const PlanoNode *node)
{
  g_return_val_if_fail (node != NULL, FALSE);

  return prop_true (node->props, "down");
}

/**
 * plano_review_find_stale:
 * @board: a board
 *
 * What the failure drill shows on the canvas: the components downstream of those whose `down`
 * prop is true, which lose data or freshness while they are down.
 *
 * Returns: (transfer full): a set of node ids, owned by @board; empty when nothing is down
 */
GHashTable *
plano_review_find_stale (PlanoBoard *board)
{
  GHashTable *stale = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) reached = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) links = NULL;
  g_autofree Link *link_store = NULL;
  PlanoReview scratch = { .board = board };
  guint n_down;

  g_return_val_if_fail (PLANO_IS_BOARD (board), stale);

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_NODE); i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i);

      if (plano_node_is_down (node))
        {
          g_ptr_array_add (reached, (gpointer) node);
          g_hash_table_add (seen, (gpointer) node);
        }
    }

  if (reached->len == 0)
    return stale;

  n_down = reached->len;
  links = collect_links (&scratch, &link_store);
  reach_downstream (links, reached, seen);

  for (guint i = n_down; i < reached->len; i++)
    {
      const PlanoNode *node = g_ptr_array_index (reached, i);

      if (!plano_node_is_down (node))
        g_hash_table_add (stale, node->item.id);
    }

  return stale;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const PlanoFinding *fa = *(PlanoFinding **) a;
  const PlanoFinding *fb = *(PlanoFinding **) b;

  /* Worst first; g_ptr_array_sort is stable, so board order stays within a severity. */
  return (int) fb->severity - (int) fa->severity;
}

/**
 * plano_review_new:
 * @board: the board to review
 * @down: (nullable): ids of components to treat as failed, besides those whose `down` prop
 *   is true
 *
 * Returns: (transfer full): the review of @board as it is now
 */
PlanoReview *
plano_review_new (PlanoBoard         *board,
                  const char * const *down)
{
  PlanoReview *self = g_new0 (PlanoReview, 1);
  g_autoptr(GPtrArray) links = NULL;
  g_autofree Link *link_store = NULL;
  g_autofree Link **in_store = NULL;
  g_autofree Link **out_store = NULL;

  g_return_val_if_fail (PLANO_IS_BOARD (board), NULL);

  self->board = g_object_ref (board);
  self->infos = g_new0 (NodeInfo, plano_board_get_n_items (board, PLANO_ITEM_NODE));
  self->nodes = g_hash_table_new (NULL, NULL);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_NODE); i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i);

      self->infos[i].kind = kind_of (node);
      self->infos[i].down = plano_node_is_down (node);
      g_hash_table_insert (self->nodes, (gpointer) node, &self->infos[i]);
    }

  for (guint i = 0; down != NULL && down[i] != NULL; i++)
    {
      NodeInfo *info = g_hash_table_lookup (self->nodes, plano_board_lookup_node (board, down[i]));

      if (info != NULL)
        info->down = TRUE;
    }

  links = collect_links (self, &link_store);
  index_links (self, links, &in_store, &out_store);
  propagate (self, links);
  compute_capacities (self);

  check_down (self, links);
  check_utilisation (self);
  check_single_points (self, links);
  check_buffers (self, links);
  check_overkill (self);
  check_idempotency (self, links);
  check_path_latency (self, links);

  g_ptr_array_sort (self->findings, compare_findings);
  /* The link arrays go now: the review keeps only its findings and figures. */
  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_NODE); i++)
    {
      self->infos[i].in = self->infos[i].out = NULL;
      self->infos[i].n_in = self->infos[i].n_out = 0;
    }

  return self;
}

void
plano_review_free (PlanoReview *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->infos, g_free);
  g_clear_object (&self->board);
  g_free (self);
}

/**
 * plano_review_get_findings:
 *
 * Returns: (transfer none) (element-type PlanoFinding): the findings, worst first
 */
GPtrArray *
plano_review_get_findings (PlanoReview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->findings;
}

/**
 * plano_review_get_load:
 *
 * Returns: %TRUE and the events per second reaching component @id
 */
gboolean
plano_review_get_load (PlanoReview *self,
                       const char  *id,
                       double      *load)
{
  const PlanoNode *node;
  const NodeInfo *info;

  g_return_val_if_fail (self != NULL, FALSE);

  node = plano_board_lookup_node (self->board, id);
  info = node != NULL ? g_hash_table_lookup (self->nodes, node) : NULL;
  if (info == NULL || !info->loaded)
    return FALSE;

  *load = info->load;
  return TRUE;
}

/**
 * plano_review_get_capacity:
 *
 * Returns: %TRUE and the events per second component @id can take, when it is rated
 */
gboolean
plano_review_get_capacity (PlanoReview *self,
                           const char  *id,
                           double      *capacity)
{
  const PlanoNode *node;
  const NodeInfo *info;

  g_return_val_if_fail (self != NULL, FALSE);

  node = plano_board_lookup_node (self->board, id);
  info = node != NULL ? g_hash_table_lookup (self->nodes, node) : NULL;
  if (info == NULL || !info->rated)
    return FALSE;

  *capacity = info->capacity;
  return TRUE;
}

const char *
plano_severity_get_name (PlanoSeverity severity)
{
  switch (severity)
    {
    case PLANO_SEVERITY_ERROR:
      return _("error");
    case PLANO_SEVERITY_WARNING:
      return _("warning");
    case PLANO_SEVERITY_INFO:
    default:
      return _("info");
    }
}

/**
 * plano_finding_to_line:
 *
 * Returns: (transfer full): the finding as one line: severity, rule, message and item ids
 */
char *
plano_finding_to_line (const PlanoFinding *finding)
{
  g_autofree char *ids = g_strjoinv (", ", finding->ids != NULL ? finding->ids : (GStrv) (const char *[]) { NULL });

  return g_strdup_printf ("%s %s: %s [%s]", plano_severity_get_name (finding->severity),
                          finding->rule, finding->message, ids);
}
