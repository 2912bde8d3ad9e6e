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
#include "plano-format.h"
#include "plano-review.h"

/* The design review: the back-of-envelope checks an experienced engineer makes on a diagram.
 * docs/review.md lists the rules, their thresholds and their basis in the seed.
 *
 * The load model goes by the kind of each connection. Stream, flow, CDC and replication
 * connections carry writes: events per second and their bytes. Request connections carry
 * queries per second, in their own direction, and never add to writes. Batch connections
 * carry a daily volume, which a component works through in runs within its batch window.
 * Load starts where a rate is given (a connection's or a component's "rate" prop); a
 * connection without one carries what its source takes in and makes, of its own kind.
 *
 * A zone with connections is two hubs in the graph: one that the connections into the zone
 * end at, which passes all it takes to each member, and one that gathers what the members
 * send and that the connections out of the zone start from. So every member of a serving
 * layer gets the whole stream drawn into the layer; what the layer sends on is that stream
 * once, plus what each member adds of its own. The links stay as many as the connections
 * plus the members.
 *
 * A component's capacity is its throughput per instance (its "throughput" prop or the
 * catalog's) times its instances: partitions for streams, replicas for the rest. Cycles are
 * cut, not followed, so a loop cannot hang the review.
 */

#define SECONDS_PER_DAY 86400.0

/* What a link carries. */
typedef enum
{
  CARRY_WRITES,   /* stream, flow, CDC, replication: events and their bytes */
  CARRY_READS,    /* request: queries */
  CARRY_BATCH,    /* batch: a daily volume */
  CARRY_ALL,      /* between a zone's hub and its members: everything */
} Carry;

/* Connection kinds, as bits, so that a hub's links can say which kinds reach them. */
enum
{
  KIND_FLOW        = 1 << 0,
  KIND_STREAM      = 1 << 1,
  KIND_CDC         = 1 << 2,
  KIND_BATCH       = 1 << 3,
  KIND_REQUEST     = 1 << 4,
  KIND_REPLICATION = 1 << 5,
};

#define KINDS_DATA (KIND_FLOW | KIND_STREAM | KIND_CDC | KIND_BATCH | KIND_REPLICATION)
#define KINDS_WRITE (KIND_FLOW | KIND_STREAM | KIND_CDC | KIND_REPLICATION)

typedef struct
{
  double writes;
  double write_bytes;
  double reads;
  double daily;
  double daily_bytes;
} Volume;

typedef struct _Link Link;
typedef struct _NodeInfo NodeInfo;

/* What the review knows of one component, or of one of a zone's hubs, in board order: the
 * checks walk these instead of looking each figure up by id.
 */
struct _NodeInfo
{
  const PlanoNode *node;       /* NULL for a zone's hub */
  const PlanoItem *zone;       /* a hub's zone; NULL for a component */
  const PlanoKind *kind;
  guint            classes;    /* IS_* of its kind */
  guint            flags;      /* HAS_* of its props */
  Volume           volume;     /* what arrives */
  double           own;        /* events/s it makes itself: its rate prop */
  double           own_bytes;  /* bytes per event: its bytes prop, or 1 KB */
  double           load;       /* events/s its capacity is judged against */
  double           run_rate;   /* events/s its batch volume needs while a run lasts */
  double           capacity;
  double           instances;  /* partitions for a log, replicas for the rest */
  double           replicas;
  double           parallelism;  /* consumers it runs on a log */
  double           retention_days;
  double           latency_ms;
  double           throughput; /* per instance */
  double           window_h;   /* its batch schedule */
  double           runs;
  guint            pending;    /* while walking: links in from components not yet done */
  guint            mark;       /* the walk that last reached it */
  gboolean         loaded;
  gboolean         rated;      /* has a capacity */
  gboolean         down;
  gboolean         reported;   /* a walk's own flag, such as "already named as a source" */
  NodeInfo        *tainted;    /* no-replay-log: a source upstream with no log between */
  double           tainted_rate;
  double           best;       /* longest paths: the slowest way here, in ms */
  Link            *via;
  Link           **in;         /* its links in and out, slices of the review's two arrays */
  Link           **out;
  guint            n_in;
  guint            n_out;
};

struct _Link
{
  const PlanoEdge *edge;       /* NULL between a member and its zone's hub */
  const PlanoNode *from;       /* the component the data leaves; NULL for a zone */
  const PlanoNode *to;         /* the component it reaches; NULL for a zone */
  NodeInfo        *origin;     /* the info of @from, when there is one */
  NodeInfo        *from_info;
  NodeInfo        *to_info;
  Carry            carry;
  guint            kinds;      /* KIND_* of the connections it stands for */
  double           rate;       /* the connection's own rate, or -1 */
  double           bytes;      /* the connection's bytes per event, or 0 */
  NodeInfo        *pass;       /* from a member: its zone's inner hub, whose volume the
                                * zone passes on once, not once per member */
  gboolean         hub;        /* between a zone's hub and a member: no hop of its own */
  gboolean         dead_letter;  /* to a dead-letter topic: carries failures, not the stream */
};

struct _PlanoReview
{
  PlanoBoard *board;
  NodeInfo   *infos;       /* one per component, in board order, then two per zone */
  guint       n_nodes;
  guint       n_infos;
  GHashTable *nodes;       /* node → its NodeInfo; a review is read while the board stays as it is */
  Link       *links;
  guint       n_links;
  Link      **in_store;
  Link      **out_store;
  guint      *order;       /* infos in the order the load reached them */
  guint       n_order;
  guint       walk;        /* the current walk's mark */
  GArray     *board_props;
  GPtrArray  *bad;         /* ids of items with values the review could not use */
  guint       n_bad;
  GPtrArray  *findings;
};

/* What the rules need to know of a kind, as bits: looked up once per component. */
enum
{
  IS_LOG                = 1 << 0,   /* a partitioned, replayable log */
  IS_BUFFER             = 1 << 1,   /* absorbs a burst between a producer and a consumer */
  IS_DURABLE            = 1 << 2,   /* keeps events to replay: a log, a queue, CDC's database log */
  IS_STREAM_PROCESSOR   = 1 << 3,
  IS_STATEFUL_PROCESSOR = 1 << 4,   /* keeps windows, joins and offsets */
  IS_BATCH_PROCESSOR    = 1 << 5,
  IS_EPHEMERAL          = 1 << 6,   /* produces events that exist only in flight */
  IS_SINK               = 1 << 7,   /* where a firehose ends: warehouse, lake, OLAP, database */
  IS_MANAGED            = 1 << 8,   /* keeps its own copies: one replica is no single point of failure */
  IS_SPARK              = 1 << 9,
  IS_CASSANDRA          = 1 << 10,
  IS_KINESIS            = 1 << 11,
  IS_CONSUMER           = 1 << 12,  /* reads a log as a consumer group */
};

static const struct
{
  const char *kind;
  guint       classes;
} kind_classes[] = {
  { "kafka", IS_LOG | IS_BUFFER | IS_DURABLE },
  { "kinesis", IS_LOG | IS_BUFFER | IS_DURABLE | IS_MANAGED | IS_KINESIS },
  { "pulsar", IS_LOG | IS_BUFFER | IS_DURABLE },
  { "queue", IS_BUFFER | IS_DURABLE },
  { "cdc", IS_DURABLE },
  { "flink", IS_STREAM_PROCESSOR | IS_STATEFUL_PROCESSOR | IS_CONSUMER },
  { "spark-streaming", IS_STREAM_PROCESSOR | IS_STATEFUL_PROCESSOR | IS_CONSUMER },
  { "stream-job", IS_STREAM_PROCESSOR | IS_STATEFUL_PROCESSOR | IS_CONSUMER },
  { "kafka-connect", IS_STREAM_PROCESSOR | IS_CONSUMER },
  { "spark", IS_BATCH_PROCESSOR | IS_SPARK | IS_CONSUMER },
  { "batch-job", IS_BATCH_PROCESSOR | IS_CONSUMER },
  { "dask", IS_BATCH_PROCESSOR | IS_CONSUMER },
  { "dbt", IS_BATCH_PROCESSOR },
  { "pandas", IS_BATCH_PROCESSOR },
  { "polars", IS_BATCH_PROCESSOR },
  { "duckdb", IS_BATCH_PROCESSOR },
  { "app", IS_EPHEMERAL },
  { "iot", IS_EPHEMERAL },
  { "client", IS_EPHEMERAL },
  { "external", IS_EPHEMERAL },
  { "lake", IS_SINK | IS_MANAGED },
  { "warehouse", IS_SINK | IS_MANAGED },
  { "lakehouse", IS_SINK | IS_MANAGED },
  { "hdfs", IS_SINK | IS_MANAGED },
  { "object-store", IS_SINK | IS_MANAGED },
  { "files", IS_MANAGED },
  { "clickhouse", IS_SINK | IS_CONSUMER },   /* its Kafka engine */
  { "druid", IS_SINK | IS_CONSUMER },        /* its Kafka indexing tasks */
  { "service", IS_CONSUMER },
  { "api", IS_CONSUMER },
  { "cassandra", IS_SINK | IS_CASSANDRA },
  { "postgres", IS_SINK },
  { "database", IS_SINK },
};

/* Words that name a place for records a job cannot process, in a label. */
static const char * const dead_letter_words[] = {
  "dead", "dlq", "error", "erro", "quarant", "cuarent", NULL
};

#define MAX_KINDS 128

static guint
classes_of (const PlanoKind *kind)
{
  static guint table[MAX_KINDS];
  static gsize initialised;
  guint n_kinds;
  const PlanoKind *kinds = plano_catalog_get_kinds (&n_kinds);

  if (g_once_init_enter (&initialised))
    {
      g_assert (n_kinds <= MAX_KINDS);
      for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
        {
          const PlanoKind *known = plano_catalog_lookup (kind_classes[i].kind);

          g_assert (known != NULL);
          table[known - kinds] = kind_classes[i].classes;
        }
      g_once_init_leave (&initialised, 1);
    }

  return kind >= kinds && kind < kinds + n_kinds ? table[kind - kinds] : 0;
}

static void
finding_free (PlanoFinding *finding)
{
  g_free (finding->message);
  g_strfreev (finding->ids);
  g_free (finding);
}

/* A number the review computes with: a load prop only when plano --check would take it. */
static gboolean
get_number (GArray     *props,
            const char *name,
            double     *value)
{
  const PlanoProp *prop = plano_props_lookup (props, name);

  if (prop == NULL || prop->type != PLANO_VALUE_NUMBER || !isfinite (prop->number) ||
      !plano_format_check_load_prop (prop, NULL))
    return FALSE;

  *value = prop->number;
  return TRUE;
}

static double
prop_number (GArray     *props,
             const char *name,
             double      fallback)
{
  double value;

  return get_number (props, name, &value) ? value : fallback;
}

static gboolean
prop_true (GArray     *props,
           const char *name)
{
  const PlanoProp *prop = plano_props_lookup (props, name);

  return prop != NULL && ((prop->type == PLANO_VALUE_BOOLEAN && prop->boolean) ||
                          (prop->type == PLANO_VALUE_STRING && g_strcmp0 (prop->string, "true") == 0));
}

/* What a component's props say, read in one pass over them. */
enum
{
  HAS_CRITICAL    = 1 << 0,
  HAS_IDEMPOTENT  = 1 << 1,   /* idempotent or upsert */
  HAS_CHECKPOINTS = 1 << 2,
  HAS_DEAD_LETTER = 1 << 3,
};

static const struct
{
  const char *name;
  gsize       offset;
} number_props[] = {
  { "rate", G_STRUCT_OFFSET (NodeInfo, own) },
  { "bytes", G_STRUCT_OFFSET (NodeInfo, own_bytes) },
  { "throughput", G_STRUCT_OFFSET (NodeInfo, throughput) },
  { "replicas", G_STRUCT_OFFSET (NodeInfo, replicas) },
  { "parallelism", G_STRUCT_OFFSET (NodeInfo, parallelism) },
  { "batch_window_h", G_STRUCT_OFFSET (NodeInfo, window_h) },
  { "batch_runs", G_STRUCT_OFFSET (NodeInfo, runs) },
  { "retention_days", G_STRUCT_OFFSET (NodeInfo, retention_days) },
  { "latency_ms", G_STRUCT_OFFSET (NodeInfo, latency_ms) },
  { "partitions", G_STRUCT_OFFSET (NodeInfo, instances) },
};

static const struct
{
  const char *name;
  guint       flag;
} flag_props[] = {
  { "critical", HAS_CRITICAL },
  { "idempotent", HAS_IDEMPOTENT },
  { "upsert", HAS_IDEMPOTENT },
  { "checkpoints", HAS_CHECKPOINTS },
  { "dead_letter", HAS_DEAD_LETTER },
};

static gboolean
is_true (const PlanoProp *prop)
{
  return (prop->type == PLANO_VALUE_BOOLEAN && prop->boolean) ||
         (prop->type == PLANO_VALUE_STRING && g_strcmp0 (prop->string, "true") == 0);
}

/* Fills @info's figures from its props, over the defaults already there; returns how many
 * values it had to leave out. */
static guint
scan_props (NodeInfo *info,
            GArray   *props)
{
  guint n_bad = 0;

  for (guint i = 0; props != NULL && i < props->len; i++)
    {
      const PlanoProp *prop = &g_array_index (props, PlanoProp, i);

      if (!plano_format_check_load_prop (prop, NULL))
        {
          n_bad++;
          continue;
        }

      if (prop->type == PLANO_VALUE_NUMBER)
        {
          if (!isfinite (prop->number) || prop->number < 0)
            continue;
          for (guint j = 0; j < G_N_ELEMENTS (number_props); j++)
            if (g_str_equal (prop->name, number_props[j].name))
              {
                /* partitions count only for the kinds rated per partition */
                if (number_props[j].offset != G_STRUCT_OFFSET (NodeInfo, instances) ||
                    info->kind->basis == PLANO_THROUGHPUT_PER_PARTITION)
                  G_STRUCT_MEMBER (double, info, number_props[j].offset) = prop->number;
                break;
              }
        }
      else if (is_true (prop))
        {
          for (guint j = 0; j < G_N_ELEMENTS (flag_props); j++)
            if (g_str_equal (prop->name, flag_props[j].name))
              info->flags |= flag_props[j].flag;
        }
    }

  info->replicas = MAX (info->replicas, 1);
  info->parallelism = info->parallelism >= 1 ? info->parallelism : info->replicas;
  if (info->kind->basis != PLANO_THROUGHPUT_PER_PARTITION)
    info->instances = info->replicas;
  info->instances = MAX (info->instances, 1);

  return n_bad;
}

static const PlanoKind *
kind_of (const PlanoNode *node)
{
  const PlanoKind *kind = plano_catalog_lookup (node->kind);

  return kind != NULL ? kind : plano_catalog_get_generic ();
}

static const char *
label (PlanoReview     *self,
       const PlanoNode *node)
{
  const PlanoKind *kind;

  /* An empty or blank label names nothing: the kind's name does. */
  for (const char *p = node->label; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return node->label;

  kind = plano_catalog_lookup (node->kind);
  return kind != NULL ? plano_kind_get_name (kind) : node->kind;
}

static PlanoFinding *
add_finding_valist (PlanoReview   *self,
                    PlanoSeverity  severity,
                    const char    *rule,
                    const char    *format,
                    va_list        args) G_GNUC_PRINTF (4, 0);

static PlanoFinding *
add_finding_valist (PlanoReview   *self,
                    PlanoSeverity  severity,
                    const char    *rule,
                    const char    *format,
                    va_list        args)
{
  PlanoFinding *finding = g_new0 (PlanoFinding, 1);

  finding->message = g_strdup_vprintf (format, args);
  finding->severity = severity;
  finding->rule = rule;
  g_ptr_array_add (self->findings, finding);

  return finding;
}

static void G_GNUC_PRINTF (4, 5)
add_finding (PlanoReview   *self,
             PlanoSeverity  severity,
             const char    *rule,
             const char    *format,
             ...)
{
  va_list args;

  va_start (args, format);
  add_finding_valist (self, severity, rule, format, args);
  va_end (args);
}

/* The ids of the last finding: at most three items, such as a connection and its ends. */
static void
set_ids (PlanoReview *self,
         ...)
{
  PlanoFinding *finding = g_ptr_array_index (self->findings, self->findings->len - 1);
  const char *ids[4];
  guint n = 0;
  va_list args;
  const char *id;

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

static void
set_ids_strv (PlanoReview *self,
              GStrv        ids)
{
  ((PlanoFinding *) g_ptr_array_index (self->findings, self->findings->len - 1))->ids = ids;
}

/* Values */

/* Every prop of @props that plano --check would refuse is left out of the review: the
 * item's id is kept for the one warning that says so. */
static void
note_bad_values (PlanoReview *self,
                 GArray      *props,
                 const char  *id)
{
  gboolean bad = FALSE;

  for (guint i = 0; props != NULL && i < props->len; i++)
    if (!plano_format_check_load_prop (&g_array_index (props, PlanoProp, i), NULL))
      {
        bad = TRUE;
        self->n_bad++;
      }

  if (bad && id != NULL)
    g_ptr_array_add (self->bad, (gpointer) id);
}

static void
check_bad_values (PlanoReview *self)
{
  g_autoptr(GString) names = NULL;
  g_autoptr(GStrvBuilder) ids = NULL;

  if (self->n_bad == 0)
    return;

  names = g_string_new (NULL);
  ids = g_strv_builder_new ();
  for (guint i = 0; i < self->bad->len; i++)
    {
      const char *id = g_ptr_array_index (self->bad, i);
      const char *name = plano_board_get_label (self->board, id);

      g_strv_builder_add (ids, id);
      if (i == 3)
        {
          g_string_append (names, ", …");
          continue;
        }
      if (i > 3)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name != NULL ? name : id);
    }
  if (names->len == 0)
    g_string_append (names, _("the board"));

  add_finding (self, PLANO_SEVERITY_WARNING, "bad-value",
               g_dngettext (GETTEXT_PACKAGE,
                            "%u rate, size or window left out, on %s: it must be a number, not negative, above 0 where it divides and at most 10¹²; plano --check names it",
                            "%u rates, sizes or windows left out, on %s: each must be a number, not negative, above 0 where it divides and at most 10¹²; plano --check names them",
                            self->n_bad),
               self->n_bad, names->str);
  set_ids_strv (self, g_strv_builder_end (ids));
}

/* Whether @text has one of the dead-letter words, in any case: the words are ASCII, so
 * this compares bytes without folding the whole text. */
static gboolean
says_dead_letter (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      char first = g_ascii_tolower (*p);

      if (first != 'd' && first != 'e' && first != 'q' && first != 'c')
        continue;

      for (guint i = 0; dead_letter_words[i] != NULL; i++)
        {
          const char *word = dead_letter_words[i];
          gsize n = 0;

          while (word[n] != '\0' && g_ascii_tolower (p[n]) == word[n])
            n++;
          if (word[n] == '\0')
            return TRUE;
        }
    }

  return FALSE;
}

/* A connection to a place for the records a job cannot process: `dead_letter: true` on it, or
 * a dead-letter word in its label or its target's. The dead-letter rule takes it as the job's
 * path for failures, and the load model as carrying only those: none of the stream.
 */
static gboolean
is_dead_letter_path (PlanoReview *self,
                     const Link  *link)
{
  return link->edge != NULL && !link->hub &&
         (prop_true (link->edge->props, "dead_letter") || says_dead_letter (link->edge->label) ||
          (link->to != NULL && says_dead_letter (label (self, link->to))));
}

/* The graph */

static guint
edge_kind (const PlanoEdge *edge,
           Carry           *carry)
{
  const char *kind = edge->kind != NULL ? edge->kind : "flow";

  *carry = CARRY_WRITES;
  if (g_str_equal (kind, "stream"))
    return KIND_STREAM;
  if (g_str_equal (kind, "cdc"))
    return KIND_CDC;
  if (g_str_equal (kind, "replication"))
    return KIND_REPLICATION;
  if (g_str_equal (kind, "batch"))
    {
      *carry = CARRY_BATCH;
      return KIND_BATCH;
    }
  if (g_str_equal (kind, "request"))
    {
      *carry = CARRY_READS;
      return KIND_REQUEST;
    }

  /* flow, and the kinds this version does not know, which are drawn as flows too */
  return KIND_FLOW;
}

typedef struct
{
  guint            index;          /* among the zones */
  guint            n_in;           /* connections into it */
  guint            n_out;          /* connections out of it */
  guint            kinds_in;
  guint            kinds_out;
  const PlanoEdge *first_in;       /* the connection its members' links stand for */
  const PlanoNode *from;           /* the one component all connections in start at, if one */
  gboolean         several_from;
} ZoneUse;

static NodeInfo *
hub_in (PlanoReview *self,
        guint        zone)
{
  return &self->infos[self->n_nodes + 2 * zone];
}

static NodeInfo *
hub_out (PlanoReview *self,
         guint        zone)
{
  return &self->infos[self->n_nodes + 2 * zone + 1];
}

static Link *
new_link (PlanoReview *self)
{
  return &self->links[self->n_links++];
}

/* The links between components and zones' hubs, in one block, and each info's slices of
 * the links in and out.
 */
static void
build_graph (PlanoReview *self)
{
  PlanoBoard *board = self->board;
  guint n_edges = plano_board_get_n_items (board, PLANO_ITEM_EDGE);
  guint n_zones = plano_board_get_n_items (board, PLANO_ITEM_ZONE);
  g_autofree ZoneUse *uses = NULL;
  g_autofree const PlanoItem **ends = g_new0 (const PlanoItem *, 2 * (gsize) n_edges + 1);
  g_autofree guint8 *carries = g_new0 (guint8, n_edges + 1);
  g_autofree guint8 *kinds = g_new0 (guint8, n_edges + 1);
  g_autoptr(GHashTable) zones = NULL;
  guint n_links = 0, n_in = 0, n_out = 0;
  gboolean any_zone = FALSE;

  self->n_nodes = plano_board_get_n_items (board, PLANO_ITEM_NODE);
  self->n_infos = self->n_nodes + 2 * n_zones;
  self->infos = g_new0 (NodeInfo, MAX (self->n_infos, 1));
  self->nodes = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->n_nodes; i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i);

      self->infos[i].node = node;
      self->infos[i].kind = kind_of (node);
      self->infos[i].classes = classes_of (self->infos[i].kind);
      self->infos[i].down = plano_node_is_down (node);
      g_hash_table_insert (self->nodes, (gpointer) node, &self->infos[i]);
    }
  for (guint i = self->n_nodes; i < self->n_infos; i++)
    {
      self->infos[i].kind = plano_catalog_get_generic ();
      self->infos[i].zone = plano_board_get_item (board, PLANO_ITEM_ZONE, (i - self->n_nodes) / 2);
    }

  /* Which zones have connections, and how many links they need. */
  uses = g_new0 (ZoneUse, MAX (n_zones, 1));
  for (guint i = 0; i < n_edges; i++)
    {
      const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i);
      const PlanoItem *from = plano_board_lookup (board, edge->from);
      const PlanoItem *to = plano_board_lookup (board, edge->to);
      Carry carry;
      guint kind = edge_kind (edge, &carry);

      if (from == NULL || to == NULL || from == to ||
          (from->type != PLANO_ITEM_NODE && from->type != PLANO_ITEM_ZONE) ||
          (to->type != PLANO_ITEM_NODE && to->type != PLANO_ITEM_ZONE))
        continue;

      ends[2 * i] = from;
      ends[2 * i + 1] = to;
      carries[i] = carry;
      kinds[i] = kind;
      n_links++;
      if (from->type == PLANO_ITEM_ZONE || to->type == PLANO_ITEM_ZONE)
        {
          if (zones == NULL)
            {
              zones = g_hash_table_new (NULL, NULL);
              for (guint z = 0; z < n_zones; z++)
                {
                  uses[z].index = z;
                  g_hash_table_insert (zones, (gpointer) plano_board_get_item (board, PLANO_ITEM_ZONE, z), &uses[z]);
                }
            }
          any_zone = TRUE;
        }
      if (from->type == PLANO_ITEM_ZONE)
        {
          ZoneUse *use = g_hash_table_lookup (zones, from);

          use->n_out++;
          use->kinds_out |= kind;
        }
      if (to->type == PLANO_ITEM_ZONE)
        {
          ZoneUse *use = g_hash_table_lookup (zones, to);

          if (use->n_in++ == 0)
            use->first_in = edge;
          use->kinds_in |= kind;
          if (from->type != PLANO_ITEM_NODE || (use->from != NULL && use->from != (const PlanoNode *) from))
            use->several_from = TRUE;
          else
            use->from = (const PlanoNode *) from;
        }
    }

  /* A member's links: one from its zone's inner hub, one to its outer hub; and a zone with
   * connections in and out passes what comes in on once. */
  for (guint z = 0; any_zone && z < n_zones; z++)
    n_links += uses[z].n_in > 0 && uses[z].n_out > 0;
  if (any_zone)
    for (guint i = 0; i < self->n_nodes; i++)
      {
        const PlanoNode *node = self->infos[i].node;
        const PlanoItem *zone = node->zone != NULL ? plano_board_lookup (board, node->zone) : NULL;
        ZoneUse *use = zone != NULL && zone->type == PLANO_ITEM_ZONE ? g_hash_table_lookup (zones, zone) : NULL;

        if (use == NULL)
          continue;
        n_links += (use->n_in > 0) + (use->n_out > 0);
      }

  self->links = g_new0 (Link, MAX (n_links, 1));

  for (guint i = 0; i < n_edges; i++)
    {
      const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i);
      const PlanoItem *from = ends[2 * i];
      const PlanoItem *to = ends[2 * i + 1];
      Link *link;
      double value;

      if (from == NULL)
        continue;

      link = new_link (self);
      link->edge = edge;
      link->kinds = kinds[i];
      link->carry = carries[i];
      link->rate = get_number (edge->props, "rate", &value) ? value : -1;
      link->bytes = prop_number (edge->props, "bytes", 0);

      if (from->type == PLANO_ITEM_NODE)
        {
          link->from = (const PlanoNode *) from;
          link->from_info = link->origin = g_hash_table_lookup (self->nodes, from);
        }
      else
        link->from_info = hub_out (self, ((ZoneUse *) g_hash_table_lookup (zones, from))->index);

      if (to->type == PLANO_ITEM_NODE)
        {
          link->to = (const PlanoNode *) to;
          link->to_info = g_hash_table_lookup (self->nodes, to);
        }
      else
        link->to_info = hub_in (self, ((ZoneUse *) g_hash_table_lookup (zones, to))->index);

      link->dead_letter = is_dead_letter_path (self, link);
    }

  if (any_zone)
    for (guint i = 0; i < self->n_nodes; i++)
      {
        NodeInfo *info = &self->infos[i];
        const PlanoItem *zone = info->node->zone != NULL ? plano_board_lookup (board, info->node->zone) : NULL;
        ZoneUse *use = zone != NULL && zone->type == PLANO_ITEM_ZONE ? g_hash_table_lookup (zones, zone) : NULL;
        Link *link;

        if (use == NULL)
          continue;

        if (use->n_in > 0)
          {
            link = new_link (self);
            link->edge = use->first_in;
            link->from = use->several_from ? NULL : use->from;
            link->origin = link->from != NULL ? g_hash_table_lookup (self->nodes, link->from) : NULL;
            link->to = info->node;
            link->from_info = hub_in (self, use->index);
            link->to_info = info;
            link->carry = CARRY_ALL;
            link->kinds = use->kinds_in;
            link->rate = -1;
            link->hub = TRUE;
          }

        if (use->n_out > 0)
          {
            link = new_link (self);
            link->from = info->node;
            link->from_info = link->origin = info;
            link->to_info = hub_out (self, use->index);
            link->carry = CARRY_ALL;
            link->kinds = use->kinds_out;
            link->rate = -1;
            link->pass = use->n_in > 0 ? hub_in (self, use->index) : NULL;
            link->hub = TRUE;
          }
      }

  for (guint z = 0; any_zone && z < n_zones; z++)
    if (uses[z].n_in > 0 && uses[z].n_out > 0)
      {
        Link *link = new_link (self);

        link->from_info = hub_in (self, z);
        link->to_info = hub_out (self, z);
        link->carry = CARRY_ALL;
        link->kinds = uses[z].kinds_in | uses[z].kinds_out;
        link->rate = -1;
        link->hub = TRUE;
      }

  g_assert (self->n_links == n_links);

  /* Each info's links in and out, as slices of two shared arrays. */
  self->in_store = g_new (Link *, MAX (n_links, 1));
  self->out_store = g_new (Link *, MAX (n_links, 1));
  for (guint i = 0; i < n_links; i++)
    {
      self->links[i].to_info->n_in++;
      self->links[i].from_info->n_out++;
    }
  for (guint i = 0; i < self->n_infos; i++)
    {
      self->infos[i].in = self->in_store + n_in;
      self->infos[i].out = self->out_store + n_out;
      n_in += self->infos[i].n_in;
      n_out += self->infos[i].n_out;
      self->infos[i].n_in = self->infos[i].n_out = 0;
    }
  for (guint i = 0; i < n_links; i++)
    {
      Link *link = &self->links[i];

      link->to_info->in[link->to_info->n_in++] = link;
      link->from_info->out[link->from_info->n_out++] = link;
    }
}

static void
free_graph (PlanoReview *self)
{
  g_clear_pointer (&self->links, g_free);
  g_clear_pointer (&self->in_store, g_free);
  g_clear_pointer (&self->out_store, g_free);
  g_clear_pointer (&self->order, g_free);
  for (guint i = 0; i < self->n_infos; i++)
    {
      self->infos[i].in = self->infos[i].out = NULL;
      self->infos[i].n_in = self->infos[i].n_out = 0;
      self->infos[i].via = NULL;
    }
  self->n_links = 0;
}

/* Load */

/* The bytes per event of what @info sends on: what reaches it, on average, else its own. */
static double
bytes_per_event (const NodeInfo *info)
{
  double events = info->volume.writes + info->own + info->volume.daily / SECONDS_PER_DAY;
  double bytes = info->volume.write_bytes + info->own * info->own_bytes + info->volume.daily_bytes / SECONDS_PER_DAY;

  return events > 0 && bytes > 0 ? bytes / events : info->own_bytes;
}

/* What @link carries, by its kind: its own rate, or all its source takes in and makes. */
static void
link_carry (const Link *link,
            Volume     *out)
{
  const NodeInfo *src = link->from_info;
  double events;

  *out = (Volume) { 0, };
  /* A dead-letter topic gets the few records that fail, which no one can size from the
   * stream: only a rate drawn on its connection loads it. */
  if (src->down || (link->dead_letter && link->rate < 0))
    return;

  switch (link->carry)
    {
    case CARRY_WRITES:
      /* A component fed in batches sends its day on spread over the day. */
      events = link->rate >= 0 ? link->rate : src->volume.writes + src->own + src->volume.daily / SECONDS_PER_DAY;
      out->writes = events;
      out->write_bytes = events * (link->bytes > 0 ? link->bytes : bytes_per_event (src));
      break;

    case CARRY_READS:
      out->reads = link->rate >= 0 ? link->rate : src->volume.reads + src->own;
      break;

    case CARRY_BATCH:
      events = link->rate >= 0 ? link->rate * SECONDS_PER_DAY
                               : (src->volume.writes + src->own) * SECONDS_PER_DAY + src->volume.daily;
      out->daily = events;
      out->daily_bytes = events * (link->bytes > 0 ? link->bytes : bytes_per_event (src));
      break;

    case CARRY_ALL:
    default:
      out->writes = src->volume.writes + src->own;
      out->write_bytes = src->volume.write_bytes + src->own * src->own_bytes;
      out->reads = src->volume.reads + src->own;
      out->daily = src->volume.daily;
      out->daily_bytes = src->volume.daily_bytes;
      /* What the member got from its zone leaves the zone once, by the zone's own link. */
      if (link->pass != NULL)
        {
          out->writes = MAX (out->writes - link->pass->volume.writes, 0);
          out->write_bytes = MAX (out->write_bytes - link->pass->volume.write_bytes, 0);
          out->reads = MAX (out->reads - link->pass->volume.reads, 0);
          out->daily = MAX (out->daily - link->pass->volume.daily, 0);
          out->daily_bytes = MAX (out->daily_bytes - link->pass->volume.daily_bytes, 0);
        }
      break;
    }
}

/* Kahn's algorithm over the components and hubs; what remains in cycles is taken once, in
 * board order, with the loads known by then. The order the load reached them is kept for
 * the checks that follow the data.
 */
static void
propagate (PlanoReview *self)
{
  /* A queue of info indices: each enters it once when ready and at most once more in the
   * pass over cycles. */
  guint *ready = g_new (guint, 2 * (gsize) self->n_infos + 1);
  guint head = 0, tail = 0;

  self->order = g_new (guint, MAX (self->n_infos, 1));
  self->n_order = 0;

  for (guint i = 0; i < self->n_links; i++)
    self->links[i].to_info->pending++;

  for (guint i = 0; i < self->n_infos; i++)
    if (self->infos[i].pending == 0)
      ready[tail++] = i;

  for (guint pass = 0; pass < 2; pass++)
    {
      while (head < tail)
        {
          guint index = ready[head++];
          NodeInfo *info = &self->infos[index];

          if (info->loaded)
            continue;

          for (guint i = 0; i < info->n_in; i++)
            {
              Volume carried;

              link_carry (info->in[i], &carried);
              info->volume.writes += carried.writes;
              info->volume.write_bytes += carried.write_bytes;
              info->volume.reads += carried.reads;
              info->volume.daily += carried.daily;
              info->volume.daily_bytes += carried.daily_bytes;
            }

          info->loaded = TRUE;
          self->order[self->n_order++] = index;

          for (guint i = 0; i < info->n_out; i++)
            {
              NodeInfo *to = info->out[i]->to_info;

              if (to->pending > 0 && --to->pending == 0)
                ready[tail++] = (guint) (to - self->infos);
            }
        }

      /* Components in a cycle: once each, in board order. */
      for (guint i = 0; i < self->n_infos; i++)
        if (!self->infos[i].loaded)
          ready[tail++] = i;
    }

  for (guint i = 0; i < self->n_infos; i++)
    self->infos[i].pending = 0;
  g_free (ready);
}

static void
read_props (PlanoReview *self)
{
  double board_window = prop_number (self->board_props, "batch_window_h", PLANO_BATCH_WINDOW_HOURS);
  double board_runs = prop_number (self->board_props, "batch_runs", PLANO_BATCH_RUNS_PER_DAY);

  note_bad_values (self, self->board_props, NULL);

  for (guint i = 0; i < self->n_infos; i++)
    {
      NodeInfo *info = &self->infos[i];
      guint n_bad;

      info->window_h = board_window;
      info->runs = board_runs;
      info->own_bytes = PLANO_DEFAULT_EVENT_BYTES;
      info->throughput = info->kind->throughput;
      info->latency_ms = info->kind->latency_ms;
      info->retention_days = 365;
      info->replicas = info->instances = 1;

      if (info->node == NULL)
        continue;

      n_bad = scan_props (info, info->node->props);
      if (n_bad > 0)
        {
          self->n_bad += n_bad;
          g_ptr_array_add (self->bad, info->node->item.id);
        }
    }

  for (guint i = 0; i < plano_board_get_n_items (self->board, PLANO_ITEM_EDGE); i++)
    {
      const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (self->board, PLANO_ITEM_EDGE, i);

      if (edge->props != NULL)
        note_bad_values (self, edge->props, edge->item.id);
    }
}

/* Spark's figure is for events of 1 KB; bigger events take it longer by their size. */
static gboolean
rated_by_bytes (const NodeInfo *info)
{
  return (info->classes & IS_SPARK) != 0;
}

static void
compute_capacities (PlanoReview *self)
{
  for (guint i = 0; i < self->n_nodes; i++)
    {
      NodeInfo *info = &self->infos[i];

      info->run_rate = info->volume.daily / MAX (info->runs, 1e-9) / (MAX (info->window_h, 1e-9) * 3600);
      info->load = info->volume.writes + info->own + info->volume.reads + info->run_rate;

      if (info->throughput > 0)
        {
          info->capacity = info->throughput * info->instances;
          if (rated_by_bytes (info))
            {
              double events = info->volume.writes + info->own + info->volume.daily / SECONDS_PER_DAY;
              double bytes = info->volume.write_bytes + info->own * info->own_bytes +
                             info->volume.daily_bytes / SECONDS_PER_DAY;

              if (events > 0 && bytes / events > PLANO_DEFAULT_EVENT_BYTES)
                info->capacity *= PLANO_DEFAULT_EVENT_BYTES / (bytes / events);
            }
          info->rated = TRUE;
        }
    }
}

/* Rules */

/* "72 000/s", "3 000 queries/s", or both. */
static char *
describe_load (const NodeInfo *info)
{
  double writes = info->load - info->volume.reads;
  g_autofree char *rate = plano_format_rate (writes);
  g_autofree char *queries = plano_format_number (info->volume.reads);

  if (info->volume.reads <= 0)
    return g_steal_pointer (&rate);
  if (writes <= 0)
    /* TRANSLATORS: a load of queries, "3 000 queries/s" */
    return g_strdup_printf (_("%s queries/s"), queries);

  /* TRANSLATORS: a load of writes and queries, "5 000/s of writes and 3 000 queries/s" */
  return g_strdup_printf (_("%s of writes and %s queries/s"), rate, queries);
}

static guint
instances_for (double load,
               double per_instance)
{
  return (guint) CLAMP (ceil (load / (per_instance * PLANO_HOT_UTILISATION) - 1e-9), 1, G_MAXUINT);
}

static double
partition_bytes (const NodeInfo *info)
{
  return (info->classes & IS_KINESIS) != 0 ? PLANO_KINESIS_SHARD_BYTES : PLANO_KAFKA_PARTITION_BYTES;
}

/* The partitions a log needs for what it takes, as the calculator counts them. */
static guint
partitions_needed (const NodeInfo *info)
{
  return plano_capacity_partitions (info->volume.writes + info->own,
                                    info->volume.write_bytes + info->own * info->own_bytes,
                                    PLANO_PARTITION_HEADROOM, info->throughput,
                                    partition_bytes (info));
}

static void
check_utilisation (PlanoReview *self)
{
  for (guint i = 0; i < self->n_nodes; i++)
    {
      NodeInfo *info = &self->infos[i];
      const PlanoNode *node = info->node;
      double load = info->load;
      double capacity = info->capacity;
      double share;
      gboolean over;
      g_autofree char *in = NULL;
      g_autofree char *max = NULL;

      if (load <= 0 || !info->rated || load <= capacity * PLANO_HOT_UTILISATION)
        continue;

      over = load > capacity;
      share = load / capacity * 100;
      max = plano_format_rate (capacity);

      if (info->kind->basis == PLANO_THROUGHPUT_PER_PARTITION)
        {
          guint needed = MAX (partitions_needed (info), instances_for (load, capacity / info->instances));

          in = describe_load (info);
          if (over)
            add_finding (self, PLANO_SEVERITY_ERROR, "bottleneck",
                         /* TRANSLATORS: "Kafka takes 250 000/s against a capacity of 100 000/s (250 %)…" */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s takes %s against a capacity of %s (%.0f %%): a bottleneck that falls further behind every second; give it %u partition",
                                      "%s takes %s against a capacity of %s (%.0f %%): a bottleneck that falls further behind every second; give it %u partitions",
                                      needed),
                         label (self, node), in, max, share, needed);
          else
            add_finding (self, PLANO_SEVERITY_WARNING, "hot",
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s takes %s against a capacity of %s (%.0f %%): little room for a peak; plan %u partition",
                                      "%s takes %s against a capacity of %s (%.0f %%): little room for a peak; plan %u partitions",
                                      needed),
                         label (self, node), in, max, share, needed);
        }
      else if (info->run_rate >= load - info->run_rate)
        {
          /* Mostly batch: judged against the window its runs must fit in. */
          double day_bytes = info->volume.daily_bytes + (info->volume.write_bytes + info->own * info->own_bytes) * SECONDS_PER_DAY;
          g_autofree char *day = plano_format_bytes (day_bytes);
          g_autofree char *window = plano_format_duration (info->window_h * 3600);
          guint needed = instances_for (load, capacity / info->instances);

          in = plano_format_rate (load);
          if (over)
            add_finding (self, PLANO_SEVERITY_ERROR, "bottleneck",
                         /* TRANSLATORS: "Spark gets 8.6 TB a day and needs 100 000/s to finish each run within 1.00 h, against…" */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s gets %s a day and needs %s to finish each run within %s, against a capacity of %s (%.0f %%): the runs will overrun; give it %u node or a longer window",
                                      "%s gets %s a day and needs %s to finish each run within %s, against a capacity of %s (%.0f %%): the runs will overrun; give it %u nodes or a longer window",
                                      needed),
                         label (self, node), day, in, window, max, share, needed);
          else
            add_finding (self, PLANO_SEVERITY_WARNING, "hot",
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s gets %s a day and needs %s to finish each run within %s, against a capacity of %s (%.0f %%): a bigger day will overrun; %u node would leave headroom",
                                      "%s gets %s a day and needs %s to finish each run within %s, against a capacity of %s (%.0f %%): a bigger day will overrun; %u nodes would leave headroom",
                                      needed),
                         label (self, node), day, in, window, max, share, needed);
        }
      else
        {
          guint needed = instances_for (load, capacity / info->instances);

          in = describe_load (info);
          if (over)
            add_finding (self, PLANO_SEVERITY_ERROR, "bottleneck",
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s takes %s against a capacity of %s (%.0f %%): a bottleneck that falls further behind every second; run %u instance to stay under 80 %%",
                                      "%s takes %s against a capacity of %s (%.0f %%): a bottleneck that falls further behind every second; run %u instances to stay under 80 %%",
                                      needed),
                         label (self, node), in, max, share, needed);
          else
            add_finding (self, PLANO_SEVERITY_WARNING, "hot",
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s takes %s against a capacity of %s (%.0f %%): little room for a peak; %u instance would keep it under 80 %%",
                                      "%s takes %s against a capacity of %s (%.0f %%): little room for a peak; %u instances would keep it under 80 %%",
                                      needed),
                         label (self, node), in, max, share, needed);
        }
      set_ids (self, node->item.id, NULL);
    }
}

static void
check_single_points (PlanoReview *self)
{
  for (guint i = 0; i < self->n_nodes; i++)
    {
      const NodeInfo *info = &self->infos[i];
      const PlanoNode *node = info->node;

      /* A stream job's state is the checkpoint rule's matter. */
      if (!(info->kind->stateful || (info->flags & HAS_CRITICAL)) ||
          (info->classes & (IS_MANAGED | IS_STATEFUL_PROCESSOR)) != 0 || info->replicas >= 2)
        continue;

      /* Nothing in the design writes to it: a source system, whose availability is its
       * owners' matter; the failure drill shows what its loss costs. */
      if (info->n_in == 0 && !(info->flags & HAS_CRITICAL))
        continue;

      add_finding (self, PLANO_SEVERITY_WARNING, "spof",
                   _("%s keeps state on a single replica: if that machine fails, the pipeline stops or loses data; run a standby or a second replica"),
                   label (self, node));
      set_ids (self, node->item.id, NULL);
    }
}

static void
check_buffers (PlanoReview *self)
{
  for (guint i = 0; i < self->n_links; i++)
    {
      const Link *link = &self->links[i];
      double capacity = link->to_info->capacity;
      Volume carried;
      g_autofree char *in = NULL;
      g_autofree char *max = NULL;

      /* Back-pressure is a matter of writes: a batch reader pulls at its own pace, and a
       * request is answered or refused. */
      if (link->from == NULL || link->to == NULL || !link->to_info->rated ||
          (link->kinds & KINDS_WRITE) == 0)
        continue;
      link_carry (link, &carried);
      if (carried.writes <= 0 || carried.writes <= capacity || (link->origin->classes & IS_BUFFER) ||
          (link->to_info->classes & IS_BUFFER))
        continue;

      in = plano_format_rate (carried.writes);
      max = plano_format_rate (capacity);
      add_finding (self, PLANO_SEVERITY_WARNING, "missing-buffer",
                   _("%s sends %s to %s, which takes %s, with nothing in between to absorb the difference: put a log or a queue there, so that a burst waits instead of slowing the sender or being lost"),
                   label (self, link->from), in, label (self, link->to), max);
      set_ids (self, link->edge->item.id, link->from->item.id, link->to->item.id, NULL);
    }
}

/* Whether all that reaches @info comes by dead-letter paths: a topic for failures, which is
 * meant to carry a trickle. */
static gboolean
takes_only_failures (const NodeInfo *info)
{
  for (guint j = 0; j < info->n_in; j++)
    if (!info->in[j]->dead_letter)
      return FALSE;

  return info->n_in > 0;
}

static void
check_overkill (PlanoReview *self)
{
  for (guint i = 0; i < self->n_nodes; i++)
    {
      const NodeInfo *info = &self->infos[i];
      const PlanoNode *node = info->node;
      double writes = info->volume.writes + info->own;
      double day_bytes = info->volume.daily_bytes + (info->volume.write_bytes + info->own * info->own_bytes) * SECONDS_PER_DAY;

      if (info->load <= 0)
        continue;

      if (writes <= PLANO_KAFKA_MINIMUM_RATE && writes > 0 && (info->classes & IS_LOG) &&
          !takes_only_failures (info))
        {
          g_autofree char *rate = plano_format_rate (writes);

          add_finding (self, PLANO_SEVERITY_INFO, "overkill-stream",
                       _("%s carries only %s: a log cluster to run for a trickle that one table or a simple queue takes; write directly, or use a queue"),
                       label (self, node), rate);
          set_ids (self, node->item.id, NULL);
        }
      else if ((info->classes & IS_SPARK) && day_bytes > 0 && day_bytes < PLANO_SINGLE_MACHINE_BYTES)
        {
          g_autofree char *daily = plano_format_bytes (day_bytes);
          g_autofree char *limit = plano_format_bytes (PLANO_SINGLE_MACHINE_BYTES);

          add_finding (self, PLANO_SEVERITY_INFO, "overkill-spark",
                       _("%s processes about %s a day, under the %s where Spark starts to pay off: Polars or DuckDB on one machine do it for less"),
                       label (self, node), daily, limit);
          set_ids (self, node->item.id, NULL);
        }
      else if ((info->classes & IS_CASSANDRA) &&
               plano_capacity_postgres_is_enough (writes, day_bytes * info->retention_days))
        {
          /* Analytics stores (ClickHouse, Druid, warehouses) answer other queries than
           * PostgreSQL does: only an operational store is told it could be one. */
          g_autofree char *rate = plano_format_rate (writes);
          g_autofree char *kept = plano_format_bytes (day_bytes * info->retention_days);

          add_finding (self, PLANO_SEVERITY_INFO, "overkill-database",
                       _("%s takes %s and keeps about %s: one PostgreSQL with a standby handles below 10 000 writes/s and 1 TB, with one node to run instead of a cluster"),
                       label (self, node), rate, kept);
          set_ids (self, node->item.id, NULL);
        }
    }
}

static void
check_idempotency (PlanoReview *self)
{
  for (guint i = 0; i < self->n_nodes; i++)
    {
      const NodeInfo *info = &self->infos[i];
      const PlanoNode *node = info->node;
      PlanoCategory category = info->kind->category;
      const Link *stream = NULL;

      /* A stateless API or service that forwards what it gets stores nothing to duplicate. */
      if ((category != PLANO_CATEGORY_STORAGE && category != PLANO_CATEGORY_SERVING) ||
          !info->kind->stateful || (info->classes & IS_BUFFER) || (info->flags & HAS_IDEMPOTENT))
        continue;

      for (guint j = 0; j < info->n_in && stream == NULL; j++)
        {
          const Link *link = info->in[j];

          if ((link->kinds & (KIND_STREAM | KIND_CDC)) != 0 ||
              ((link->kinds & KINDS_WRITE) != 0 && link->origin != NULL &&
               (link->origin->classes & IS_STREAM_PROCESSOR)))
            stream = link;
        }

      if (stream == NULL)
        continue;

      add_finding (self, PLANO_SEVERITY_INFO, "idempotency",
                   _("%s is written by a stream, and a stream replays after a failure: write with upserts on a key, or deduplicate, so that the same events twice change nothing"),
                   label (self, node));
      set_ids (self, node->item.id, stream->edge->item.id, NULL);
    }
}

/* Whether what leaves @hub, a zone's outer hub, leaves a source of events: the zone holds
 * apps, devices, clients or external systems and no log or queue. What a connection out of a
 * zone carries comes from its members, as in the load model; with a log among them, the
 * events may well leave through it, and the rule gives the board the benefit of the doubt.
 */
static gboolean
zone_is_source (const NodeInfo *hub)
{
  gboolean ephemeral = FALSE;

  for (guint j = 0; j < hub->n_in; j++)
    {
      const Link *link = hub->in[j];

      if (!link->hub || link->from_info->node == NULL)
        continue;
      if (link->from_info->classes & IS_DURABLE)
        return FALSE;
      ephemeral |= (link->from_info->classes & IS_EPHEMERAL) != 0;
    }

  return ephemeral;
}

/* No log between a producer of events and where they are stored: nothing to replay. Follows
 * the data in the order the load reached it; a log, a queue or CDC's database log clears
 * the taint. A zone of sources is a source: the rate of a connection out of it is what its
 * members send.
 */
static void
check_replay_log (PlanoReview *self)
{
  for (guint o = 0; o < self->n_order; o++)
    {
      NodeInfo *info = &self->infos[self->order[o]];

      if (info->classes & IS_DURABLE)
        continue;

      for (guint j = 0; j < info->n_in && info->tainted == NULL; j++)
        {
          const Link *link = info->in[j];
          NodeInfo *src = link->from_info;

          if ((link->kinds & KINDS_DATA) == 0 || (link->kinds & KIND_CDC) != 0 ||
              (src->classes & IS_DURABLE))
            continue;

          if (src->tainted != NULL)
            {
              info->tainted = src->tainted;
              info->tainted_rate = src->tainted_rate;
            }
          else if ((src->classes & IS_EPHEMERAL) || (src->zone != NULL && zone_is_source (src)))
            {
              Volume carried;
              double rate;

              link_carry (link, &carried);
              rate = carried.writes + carried.daily / SECONDS_PER_DAY;
              if (rate > PLANO_REPLAY_MINIMUM_RATE)
                {
                  info->tainted = src;
                  info->tainted_rate = rate;
                }
            }
        }
    }

  for (guint i = 0; i < self->n_nodes; i++)
    {
      const NodeInfo *info = &self->infos[i];
      const char *source_id;
      const char *source_name;
      g_autofree char *rate = NULL;

      if (info->tainted == NULL || info->tainted->reported || !(info->classes & IS_SINK))
        continue;

      info->tainted->reported = TRUE;
      if (info->tainted->node != NULL)
        {
          source_id = info->tainted->node->item.id;
          source_name = label (self, info->tainted->node);
        }
      else
        {
          const PlanoZone *zone = (const PlanoZone *) info->tainted->zone;

          source_id = zone->item.id;
          source_name = zone->label != NULL ? zone->label : source_id;
        }
      rate = plano_format_rate (info->tainted_rate);
      add_finding (self, PLANO_SEVERITY_WARNING, "no-replay-log",
                   _("%s sends %s into %s with no durable log on the way: after a bad deploy or a failed load there is nothing to replay; put Kafka, Kinesis or a queue in between and keep a few days of events"),
                   source_name, rate, label (self, info->node));
      set_ids (self, source_id, info->node->item.id, NULL);
    }

  for (guint i = 0; i < self->n_infos; i++)
    self->infos[i].reported = FALSE;
}

static void
check_dead_letter (PlanoReview *self)
{
  for (guint i = 0; i < self->n_nodes; i++)
    {
      const NodeInfo *info = &self->infos[i];
      gboolean has_path = FALSE;

      if (info->n_in == 0 || !(info->classes & IS_STREAM_PROCESSOR))
        continue;

      /* Kafka Connect keeps a dead-letter topic for sink connectors, which read a log: a source
       * connector, such as Debezium reading a database's log, stops on a change it cannot
       * read, which is right for a copy that must not skip one. */
      if (!(info->classes & IS_STATEFUL_PROCESSOR))
        {
          gboolean reads_log = FALSE;

          for (guint j = 0; j < info->n_in && !reads_log; j++)
            reads_log = info->in[j]->origin != NULL && (info->in[j]->origin->classes & IS_LOG);
          if (!reads_log)
            continue;
        }

      has_path = (info->flags & HAS_DEAD_LETTER) != 0;
      for (guint j = 0; j < info->n_out && !has_path; j++)
        has_path = info->out[j]->dead_letter;

      if (has_path)
        continue;

      add_finding (self, PLANO_SEVERITY_WARNING, "dead-letter",
                   _("%s has nowhere to put a record it cannot process: one malformed event either stops it or is dropped unseen; send failures to a dead-letter topic and alert on its size"),
                   label (self, info->node));
      set_ids (self, info->node->item.id, NULL);
    }
}

static void
check_consumer_parallelism (PlanoReview *self)
{
  for (guint i = 0; i < self->n_nodes; i++)
    {
      const NodeInfo *info = &self->infos[i];
      double partitions = info->instances;
      double bytes = info->volume.write_bytes + info->own * info->own_bytes;

      if (!(info->classes & IS_LOG))
        continue;

      for (guint j = 0; j < info->n_out; j++)
        {
          const Link *link = info->out[j];
          double consumers;

          /* A store such as Redis reads a log through a connector, which is the group. */
          if (link->to == NULL || (link->kinds & (KIND_STREAM | KIND_FLOW)) == 0 ||
              !(link->to_info->classes & IS_CONSUMER))
            continue;

          consumers = link->to_info->parallelism;
          if (consumers <= partitions)
            continue;

          add_finding (self, PLANO_SEVERITY_WARNING, "consumer-parallelism",
                       /* TRANSLATORS: "Flink runs more instances (4) than Kafka has partitions (2): a partition feeds one consumer of a group, so 2 of them sit idle…" */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s runs more instances (%.0f) than %s has partitions (%.0f): a partition feeds one consumer of a group, so %.0f of them sits idle; give the topic at least %.0f partitions",
                                    "%s runs more instances (%.0f) than %s has partitions (%.0f): a partition feeds one consumer of a group, so %.0f of them sit idle; give the topic at least %.0f partitions",
                                    (gulong) (consumers - partitions)),
                       label (self, link->to), consumers, label (self, info->node), partitions,
                       consumers - partitions, consumers);
          set_ids (self, link->to->item.id, info->node->item.id, NULL);
        }

      /* Short of the bytes, unless the load itself already says so. */
      if (bytes > 0 && !(info->rated && info->load > info->capacity * PLANO_HOT_UTILISATION))
        {
          guint needed = partitions_needed (info);
          g_autofree char *rate = NULL;
          g_autofree char *each = NULL;

          if (partitions * 2 > needed)
            continue;

          rate = plano_format_bytes (bytes);
          each = plano_format_bytes (partition_bytes (info));
          add_finding (self, PLANO_SEVERITY_WARNING, "consumer-parallelism",
                       /* TRANSLATORS: "Kafka has 2 partitions for 72 MB/s: at about 10 MB/s a partition with 3× headroom it needs 22…" */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s has %.0f partition for %s/s: at about %s/s a partition with %g× headroom it needs %u, which also lets that many consumers work in parallel",
                                    "%s has %.0f partitions for %s/s: at about %s/s a partition with %g× headroom it needs %u, which also lets that many consumers work in parallel",
                                    (gulong) partitions),
                       label (self, info->node), partitions, rate, each, PLANO_PARTITION_HEADROOM, needed);
          set_ids (self, info->node->item.id, NULL);
        }
    }
}

static void
check_checkpoints (PlanoReview *self)
{
  for (guint i = 0; i < self->n_nodes; i++)
    {
      const NodeInfo *info = &self->infos[i];
      const PlanoNode *node = info->node;

      if (!(info->classes & IS_STATEFUL_PROCESSOR) || (info->n_in == 0 && info->n_out == 0) ||
          info->replicas >= 2 || (info->flags & HAS_CHECKPOINTS))
        continue;

      add_finding (self, PLANO_SEVERITY_WARNING, "checkpoint",
                   _("%s keeps its state (windows, joins, offsets) on one instance: if it dies the state goes with it; checkpoint it to durable storage such as S3 and run a standby job manager, since more replicas alone do not bring state back"),
                   label (self, node));
      set_ids (self, node->item.id, NULL);
    }
}

/* Through batch connections, at most this many hops: a log, a lake, a batch job. */
#define RECOMPUTE_DEPTH 4

static const NodeInfo *
find_batch_recompute (PlanoReview    *self,
                      const NodeInfo *log)
{
  const NodeInfo *queue[64];
  guint depth[64];
  guint head = 0, tail = 0;

  self->walk++;
  queue[tail] = log;
  depth[tail++] = 0;
  while (head < tail)
    {
      const NodeInfo *info = queue[head];
      guint d = depth[head++];

      for (guint j = 0; j < info->n_out; j++)
        {
          const Link *link = info->out[j];
          NodeInfo *to = link->to_info;

          if ((link->kinds & KIND_BATCH) == 0 || to->mark == self->walk)
            continue;
          to->mark = self->walk;
          if (to->classes & IS_BATCH_PROCESSOR)
            return to;
          if (d + 1 < RECOMPUTE_DEPTH && tail < G_N_ELEMENTS (queue))
            {
              queue[tail] = to;
              depth[tail++] = d + 1;
            }
        }
    }

  return NULL;
}

static void
check_lambda_kappa (PlanoReview *self)
{
  for (guint i = 0; i < self->n_nodes; i++)
    {
      const NodeInfo *info = &self->infos[i];
      const PlanoNode *stream = NULL;
      const NodeInfo *batch;

      if (!(info->classes & IS_LOG))
        continue;

      for (guint j = 0; j < info->n_out && stream == NULL; j++)
        {
          const Link *link = info->out[j];

          if ((link->kinds & (KIND_STREAM | KIND_FLOW)) != 0 && link->to != NULL &&
              (link->to_info->classes & IS_STATEFUL_PROCESSOR))
            stream = link->to;
        }
      if (stream == NULL || (batch = find_batch_recompute (self, info)) == NULL)
        continue;

      add_finding (self, PLANO_SEVERITY_INFO, "lambda-vs-kappa",
                   _("%s feeds both a stream job (%s) and a batch recompute (%s) of the same events: two code paths that must agree. If the log keeps enough history, replaying it through the stream job (Kappa) is simpler; keep the batch layer (Lambda) when it must recompute years of history or run logic the stream cannot"),
                   label (self, info->node), label (self, stream), label (self, batch->node));
      set_ids (self, info->node->item.id, stream->item.id, batch->node->item.id, NULL);
    }
}

static void
check_unconnected (PlanoReview *self)
{
  /* A board without a single connection is still being laid out. */
  if (self->n_links == 0)
    return;

  for (guint i = 0; i < self->n_nodes; i++)
    {
      const NodeInfo *info = &self->infos[i];

      /* Orchestration, quality and governance serve the whole board. */
      if (info->n_in > 0 || info->n_out > 0 || info->kind->category == PLANO_CATEGORY_PLATFORM)
        continue;

      add_finding (self, PLANO_SEVERITY_INFO, "unconnected",
                   _("%s is not connected to anything: draw where its data comes from and where it goes, or leave it out"),
                   label (self, info->node));
      set_ids (self, info->node->item.id, NULL);
    }
}

/* Adds to @reached every info downstream of those already in it, marking them. */
static void
reach_downstream (PlanoReview *self,
                  GPtrArray   *reached)
{
  for (guint r = 0; r < reached->len; r++)
    {
      const NodeInfo *info = g_ptr_array_index (reached, r);

      for (guint j = 0; j < info->n_out; j++)
        {
          NodeInfo *to = info->out[j]->to_info;

          if (to->mark != self->walk)
            {
              to->mark = self->walk;
              g_ptr_array_add (reached, to);
            }
        }
    }
}

/* Failure injection: what a component marked down takes with it downstream. */
static void
check_down (PlanoReview *self)
{
  /* In board order, so that the output is the same from one run to the next. */
  for (guint i = 0; i < self->n_nodes; i++)
    {
      NodeInfo *down = &self->infos[i];
      g_autoptr(GPtrArray) reached = NULL;
      g_autoptr(GStrvBuilder) ids = NULL;
      g_autoptr(GString) names = NULL;
      guint n_names = 0;

      /* Checked first: a board has many components and few, if any, down. */
      if (!down->down)
        continue;

      reached = g_ptr_array_new ();
      ids = g_strv_builder_new ();
      names = g_string_new (NULL);
      self->walk++;
      down->mark = self->walk;
      g_ptr_array_add (reached, down);
      reach_downstream (self, reached);

      g_strv_builder_add (ids, down->node->item.id);
      for (guint r = 1; r < reached->len; r++)
        {
          const NodeInfo *info = g_ptr_array_index (reached, r);

          if (info->node == NULL)
            continue;
          g_strv_builder_add (ids, info->node->item.id);
          if (n_names++ > 0)
            g_string_append (names, ", ");
          g_string_append (names, label (self, info->node));
        }

      if (n_names == 0)
        add_finding (self, PLANO_SEVERITY_WARNING, "down",
                     _("%s is down: nothing downstream depends on it"), label (self, down->node));
      else
        add_finding (self, PLANO_SEVERITY_ERROR, "down",
                     _("%s is down: %s lose data or freshness"), label (self, down->node), names->str);
      set_ids_strv (self, g_strv_builder_end (ids));
    }
}

/* Paths */

static double
node_latency (const NodeInfo *info)
{
  if (info->node == NULL)
    return 0;

  return info->latency_ms;
}

/* A hop's network time: the connection's own latency_ms, or a round trip across regions
 * when it says cross_region, or within one data centre. Between a zone and its members
 * there is no hop: the connection to the zone has paid it.
 */
static double
hop_latency (const Link *link)
{
  if (link->hub)
    return 0;

  if (plano_props_lookup (link->edge->props, "latency_ms") != NULL)
    return MAX (prop_number (link->edge->props, "latency_ms", 0), 0);

  return prop_true (link->edge->props, "cross_region") ? PLANO_REGION_LATENCY_MS : PLANO_HOP_LATENCY_MS;
}

/* How stale a batch hop leaves the data at worst, in ms: an event just missed waits for the
 * next run, a day ÷ runs away, and that run takes its window. The schedule is the
 * connection's, else its target's, else the board's.
 */
static double
batch_delay (const Link *link)
{
  double window = link->to_info->window_h;
  double runs = link->to_info->runs;

  window = prop_number (link->edge->props, "batch_window_h", window);
  runs = prop_number (link->edge->props, "batch_runs", runs);

  return (SECONDS_PER_DAY / MAX (runs, 1e-9) + window * 3600) * 1000;
}

/* A scheduled job (Spark, dbt, a batch job…) takes its input at its next run and gives its
 * output when the run ends: its schedule is counted once, on the way in, whatever kind of
 * connection brings the data. A batch connection out of such a job costs only the hop, unless
 * it has a schedule of its own; any other batch connection waits for its schedule. */
static double
freshness_hop (const Link *link)
{
  if (link->hub)
    return hop_latency (link);
  if (link->to_info != NULL && (link->to_info->classes & IS_BATCH_PROCESSOR))
    return batch_delay (link);
  if ((link->kinds & KIND_BATCH) == 0)
    return hop_latency (link);
  if (link->from_info != NULL && (link->from_info->classes & IS_BATCH_PROCESSOR) &&
      plano_props_lookup (link->edge->props, "batch_runs") == NULL &&
      plano_props_lookup (link->edge->props, "batch_window_h") == NULL)
    return hop_latency (link);

  return batch_delay (link);
}

/* The slowest path along the links of @kinds, each hop costing @hop: the longest path by
 * Kahn's algorithm, so that a cycle is left out instead of followed. A path has at least one
 * hop and ends at a component. With @freshest, each component keeps its fastest way in
 * instead (what a consumer fed two ways sees first) and the slowest of those is returned.
 */
static const NodeInfo *
walk_paths (PlanoReview *self,
            guint        kinds,
            double     (*hop) (const Link *link),
            gboolean     freshest)
{
  g_autofree guint *ready = g_new (guint, MAX (self->n_infos, 1));
  guint head = 0, tail = 0;
  const NodeInfo *worst = NULL;

  for (guint i = 0; i < self->n_links; i++)
    if ((self->links[i].kinds & kinds) != 0)
      self->links[i].to_info->pending++;

  for (guint i = 0; i < self->n_infos; i++)
    {
      self->infos[i].best = node_latency (&self->infos[i]);
      self->infos[i].via = NULL;
      if (self->infos[i].pending == 0)
        ready[tail++] = i;
    }

  while (head < tail)
    {
      NodeInfo *info = &self->infos[ready[head++]];

      if (info->via != NULL && info->node != NULL && (worst == NULL || info->best > worst->best))
        worst = info;

      for (guint j = 0; j < info->n_out; j++)
        {
          Link *link = info->out[j];
          NodeInfo *to = link->to_info;
          double there;

          if ((link->kinds & kinds) == 0)
            continue;

          there = info->best + hop (link) + node_latency (to);
          if (to->via == NULL || (freshest ? there < to->best : there > to->best))
            {
              to->best = there;
              to->via = link;
            }
          if (--to->pending == 0)
            ready[tail++] = (guint) (to - self->infos);
        }
    }

  for (guint i = 0; i < self->n_infos; i++)
    self->infos[i].pending = 0;

  return worst;
}

static const NodeInfo *
longest_path (PlanoReview *self,
              guint        kinds,
              double     (*hop) (const Link *link))
{
  return walk_paths (self, kinds, hop, FALSE);
}

/* The step before @info on its path: the source of the link it was reached by, or for a
 * reader that takes its freshness from a store by request, that store, which the request
 * points to. */
static const NodeInfo *
previous_on_path (const NodeInfo *info)
{
  if (info->via == NULL)
    return NULL;

  return info->via->to_info == info ? info->via->from_info : info->via->to_info;
}

/* Whether @info's freshness is a store's, which it reads by request. */
static gboolean
reads_its_freshness (const NodeInfo *info)
{
  return info->via != NULL && info->via->from_info == info && (info->via->kinds & KIND_REQUEST) != 0;
}

/* The components of the path that ends at @end, as names joined by arrows and as ids. */
static void
describe_path (PlanoReview     *self,
               const NodeInfo  *end,
               GString         *names,
               GStrvBuilder    *ids)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (const NodeInfo *info = end; info != NULL; info = previous_on_path (info))
    {
      if (info->node != NULL)
        g_ptr_array_insert (path, 0, (gpointer) info);
      if (path->len > self->n_infos)
        break;
    }

  for (guint i = 0; i < path->len; i++)
    {
      const NodeInfo *info = g_ptr_array_index (path, i);

      g_strv_builder_add (ids, info->node->item.id);
      if (i > 0)
        g_string_append (names, " → ");
      g_string_append (names, label (self, info->node));
    }
}

/* Request p99: the slowest chain of requests against the board's p99_ms. */
static void
check_path_latency (PlanoReview *self)
{
  double target = MAX (prop_number (self->board_props, "p99_ms", 0), 0);
  g_autoptr(GStrvBuilder) ids = NULL;
  g_autoptr(GString) names = NULL;
  g_autofree char *worst_text = NULL;
  g_autofree char *target_text = NULL;
  const NodeInfo *worst;

  if (!(target > 0))
    return;

  worst = longest_path (self, KIND_REQUEST, hop_latency);
  if (worst == NULL || worst->best <= target)
    return;

  ids = g_strv_builder_new ();
  names = g_string_new (NULL);
  describe_path (self, worst, names, ids);
  worst_text = plano_format_number (worst->best);
  target_text = plano_format_number (target);
  add_finding (self, PLANO_SEVERITY_ERROR, "path-latency",
               /* TRANSLATORS: "The slowest request path, API → Cache → Database, takes about 202 ms…" */
               _("The slowest request path, %s, takes about %s ms against the p99 target of %s ms: cut a hop, a region crossing or a slow component, or cache in front of it"),
               names->str, worst_text, target_text);
  set_ids_strv (self, g_strv_builder_end (ids));
}

/* Freshness: how long data takes to reach each consumer by its fastest way in, batch
 * schedules included. A component's own freshness_s prop is its target; the board's applies
 * to what people or services read live, the serving layer and dashboards. Training sets,
 * notebooks, storage and archives are judged only by a target of their own: a nightly batch
 * into a lake is no flaw on a board whose dashboards must be a minute fresh.
 */
static gboolean
judged_by_board_freshness (const NodeInfo *info)
{
  const char *kind = info->node->kind;

  if (info->kind == NULL)
    return FALSE;
  if (g_strcmp0 (kind, "ml-training") == 0 || g_strcmp0 (kind, "notebook") == 0)
    return FALSE;

  return info->kind->category == PLANO_CATEGORY_SERVING ||
         info->kind->category == PLANO_CATEGORY_CONSUMPTION;
}

static void
check_freshness (PlanoReview *self)
{
  double board_target = prop_number (self->board_props, "freshness_s", 0);

  walk_paths (self, KINDS_DATA, freshness_hop, TRUE);

  /* What a service reads by request is as fresh as the store it reads: a scoring API serves
   * the features a stream keeps current, whatever feeds the API itself. A chain of reads is
   * followed a few hops; each pass can only make data fresher, so it ends. */
  for (guint pass = 0; pass < 4; pass++)
    {
      gboolean changed = FALSE;

      for (guint i = 0; i < self->n_links; i++)
        {
          Link *link = &self->links[i];
          NodeInfo *reader = link->from_info;
          const NodeInfo *store = link->to_info;
          double there;

          if ((link->kinds & KIND_REQUEST) == 0 || reader == NULL || store == NULL ||
              store->via == NULL)
            continue;

          there = store->best + hop_latency (link);
          if (reader->via == NULL || there < reader->best)
            {
              reader->best = there;
              reader->via = link;
              changed = TRUE;
            }
        }

      if (!changed)
        break;
    }

  /* Which components are late, in their "reported" flag; a mark of this walk will say that a
   * late reader names the component on its path. */
  self->walk++;
  for (guint i = 0; i < self->n_infos; i++)
    {
      NodeInfo *info = &self->infos[i];
      double target;

      if (info->node == NULL || info->via == NULL)
        continue;

      target = prop_number (info->node->props, "freshness_s", 0);
      if (!(target > 0) && judged_by_board_freshness (info))
        target = board_target;
      info->reported = target > 0 && info->best > target * 1000;
    }

  /* One slow path, one finding: a late reader's finding names the stores it reads its data
   * from, which are late by the same path and are not reported again. */
  for (guint i = 0; i < self->n_infos; i++)
    {
      const NodeInfo *info = &self->infos[i];
      guint steps = 0;

      if (!info->reported || info->mark == self->walk)
        continue;
      for (const NodeInfo *reader = info; reads_its_freshness (reader) && steps++ < self->n_infos;
           reader = reader->via->to_info)
        reader->via->to_info->mark = self->walk;
    }

  for (guint i = 0; i < self->n_infos; i++)
    {
      const NodeInfo *info = &self->infos[i];
      g_autoptr(GStrvBuilder) ids = NULL;
      g_autoptr(GString) names = NULL;
      g_autofree char *arrival_text = NULL;
      g_autofree char *target_text = NULL;
      double target;

      if (!info->reported || info->mark == self->walk)
        continue;

      target = prop_number (info->node->props, "freshness_s", 0);
      if (!(target > 0))
        target = board_target;

      ids = g_strv_builder_new ();
      names = g_string_new (NULL);
      describe_path (self, info, names, ids);
      arrival_text = plano_format_duration (info->best / 1000);
      target_text = plano_format_duration (target);
      add_finding (self, PLANO_SEVERITY_ERROR, "freshness",
                   /* TRANSLATORS: "Data reaches Reports up to 6.00 h after the event, along Apps → Kafka → …, against a freshness target of 5.00 min…" */
                   _("Data reaches %s up to %s after the event, along %s, against a freshness target of %s: run the slowest batch step more often or in a shorter window, or move it onto the stream"),
                   label (self, info->node), arrival_text, names->str, target_text);
      set_ids_strv (self, g_strv_builder_end (ids));
    }

  for (guint i = 0; i < self->n_infos; i++)
    self->infos[i].reported = FALSE;
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
 * prop is true, which lose data or freshness while they are down. Connections into a zone
 * reach its members, as in the review.
 *
 * Returns: (transfer full): a set of node ids, owned by @board; empty when nothing is down
 */
GHashTable *
plano_review_find_stale (PlanoBoard *board)
{
  GHashTable *stale = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) reached = NULL;
  PlanoReview scratch = { .board = board };
  gboolean any = FALSE;

  g_return_val_if_fail (PLANO_IS_BOARD (board), stale);

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_NODE) && !any; i++)
    any = plano_node_is_down ((const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i));
  if (!any)
    return stale;

  build_graph (&scratch);
  reached = g_ptr_array_new ();
  scratch.walk = 1;
  for (guint i = 0; i < scratch.n_nodes; i++)
    if (scratch.infos[i].down)
      {
        scratch.infos[i].mark = scratch.walk;
        g_ptr_array_add (reached, &scratch.infos[i]);
      }
  reach_downstream (&scratch, reached);

  for (guint i = 0; i < reached->len; i++)
    {
      const NodeInfo *info = g_ptr_array_index (reached, i);

      if (info->node != NULL && !info->down)
        g_hash_table_add (stale, info->node->item.id);
    }

  free_graph (&scratch);
  g_clear_pointer (&scratch.nodes, g_hash_table_unref);
  g_clear_pointer (&scratch.infos, g_free);

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
  PlanoReview *self;

  g_return_val_if_fail (PLANO_IS_BOARD (board), NULL);

  self = g_new0 (PlanoReview, 1);
  self->board = g_object_ref (board);
  self->board_props = plano_board_get_props (board);
  self->bad = g_ptr_array_new ();
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);

  build_graph (self);

  for (guint i = 0; down != NULL && down[i] != NULL; i++)
    {
      NodeInfo *info = g_hash_table_lookup (self->nodes, plano_board_lookup_node (board, down[i]));

      if (info != NULL)
        info->down = TRUE;
    }

  read_props (self);
  propagate (self);
  compute_capacities (self);

  check_down (self);
  check_utilisation (self);
  check_single_points (self);
  check_checkpoints (self);
  check_buffers (self);
  check_replay_log (self);
  check_dead_letter (self);
  check_consumer_parallelism (self);
  check_overkill (self);
  check_idempotency (self);
  check_lambda_kappa (self);
  check_unconnected (self);
  check_path_latency (self);
  check_freshness (self);
  check_bad_values (self);

  g_ptr_array_sort (self->findings, compare_findings);
  /* The links go now: the review keeps only its findings and figures. */
  free_graph (self);
  g_clear_pointer (&self->bad, g_ptr_array_unref);

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
  g_clear_pointer (&self->bad, g_ptr_array_unref);
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

static const NodeInfo *
lookup_info (PlanoReview *self,
             const char  *id)
{
  const PlanoNode *node = plano_board_lookup_node (self->board, id);

  return node != NULL ? g_hash_table_lookup (self->nodes, node) : NULL;
}

/**
 * plano_review_get_load:
 *
 * Returns: %TRUE and the events per second component @id is judged on: its writes, its
 *   queries and what its batch runs need while they last
 */
gboolean
plano_review_get_load (PlanoReview *self,
                       const char  *id,
                       double      *load)
{
  const NodeInfo *info;

  g_return_val_if_fail (self != NULL, FALSE);

  info = lookup_info (self, id);
  if (info == NULL || !info->loaded)
    return FALSE;

  *load = info->load;
  return TRUE;
}

/**
 * plano_review_get_capacity:
 *
 * Returns: %TRUE and the events per second component @id can take, when it is rated, at the
 *   size of the events that reach it
 */
gboolean
plano_review_get_capacity (PlanoReview *self,
                           const char  *id,
                           double      *capacity)
{
  const NodeInfo *info;

  g_return_val_if_fail (self != NULL, FALSE);

  info = lookup_info (self, id);
  if (info == NULL || !info->rated)
    return FALSE;

  *capacity = info->capacity;
  return TRUE;
}

/**
 * plano_review_get_volume:
 *
 * Returns: %TRUE and what reaches component @id, by kind
 */
gboolean
plano_review_get_volume (PlanoReview *self,
                         const char  *id,
                         PlanoLoad   *volume)
{
  const NodeInfo *info;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (volume != NULL, FALSE);

  info = lookup_info (self, id);
  if (info == NULL || !info->loaded)
    return FALSE;

  *volume = (PlanoLoad) {
    .writes = info->volume.writes + info->own,
    .write_bytes = info->volume.write_bytes + info->own * info->own_bytes,
    .reads = info->volume.reads,
    .daily = info->volume.daily,
    .daily_bytes = info->volume.daily_bytes,
    .load = info->load,
  };
  return TRUE;
}

/* Every rule the review has, in the order it runs them; the ids are stable. */
static const struct
{
  const char *id;
  const char *title;
} rules[] = {
  { "down", N_("Failure drill") },
  { "bottleneck", N_("Bottleneck") },
  { "hot", N_("Little headroom") },
  { "spof", N_("Single point of failure") },
  { "checkpoint", N_("Stream job state") },
  { "missing-buffer", N_("Missing buffer") },
  { "no-replay-log", N_("Nothing to replay") },
  { "dead-letter", N_("No dead-letter path") },
  { "consumer-parallelism", N_("Consumer parallelism") },
  { "overkill-stream", N_("More than the load needs: a log") },
  { "overkill-spark", N_("More than the load needs: Spark") },
  { "overkill-database", N_("More than the load needs: a cluster") },
  { "idempotency", N_("Idempotent writes") },
  { "lambda-vs-kappa", N_("Lambda or Kappa") },
  { "unconnected", N_("Not connected") },
  { "path-latency", N_("Request latency") },
  { "freshness", N_("Data freshness") },
  { "bad-value", N_("Values left out") },
};

/**
 * plano_review_get_rule_ids:
 *
 * Returns: (transfer container): the ids of every rule the review has, %NULL-terminated;
 *   free the array, not its strings
 */
const char **
plano_review_get_rule_ids (void)
{
  const char **ids = g_new (const char *, G_N_ELEMENTS (rules) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    ids[i] = rules[i].id;
  ids[G_N_ELEMENTS (rules)] = NULL;

  return ids;
}

/**
 * plano_review_get_rule_title:
 * @rule: a rule id, such as "dead-letter"
 *
 * Returns: (nullable): the rule's short title in the user's language, such as "No
 *   dead-letter path", or %NULL for an id the review does not have
 */
const char *
plano_review_get_rule_title (const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i].id, rule) == 0)
      return _(rules[i].title);

  return NULL;
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
