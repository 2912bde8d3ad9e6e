/* test-templates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in templates against the seed's diagrams: every box, list item and arrow is there;
 * each template reads cleanly, renders, and reads back the same after a save. And the study
 * notes made from a board: Markdown with its diagram beside it, Mermaid, the PDF sheet.
 */

#define _GNU_SOURCE

#include "config.h"

#include "plano-test-locale.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "plano-export.h"
#include "plano-format.h"
#include "plano-interview.h"
#include "plano-notes.h"
#include "plano-render.h"
#include "plano-templates.h"

/* The item whose label (or, for notes, text) contains @text, ignoring case. */
static const PlanoItem *
find_text (PlanoBoard *board,
           const char *text)
{
  g_autofree char *needle = g_utf8_casefold (text, -1);

  for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
    for (guint i = 0; i < plano_board_get_n_items (board, t); i++)
      {
        const PlanoItem *item = plano_board_get_item (board, t, i);
        const char *shown = t == PLANO_ITEM_NOTE ? ((const PlanoNote *) item)->text
                                                 : plano_board_get_label (board, item->id);
        g_autofree char *haystack = shown != NULL ? g_utf8_casefold (shown, -1) : NULL;

        if (haystack != NULL && strstr (haystack, needle) != NULL)
          return item;
      }

  return NULL;
}

static gboolean
has_kind (PlanoBoard *board,
          const char *kind)
{
  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_NODE); i++)
    if (g_str_equal (((const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i))->kind, kind))
      return TRUE;

  return FALSE;
}

/* An arrow from the item labelled @from to the one labelled @to; a node inside a zone counts
 * as the zone, as a box inside a box does in the seed's drawings. */
static gboolean
is_inside (PlanoBoard      *board,
           const PlanoItem *item,
           const char      *zone_id)
{
  if (g_str_equal (item->id, zone_id))
    return TRUE;

  return item->type == PLANO_ITEM_NODE && g_strcmp0 (((const PlanoNode *) item)->zone, zone_id) == 0;
}

static gboolean
connected (PlanoBoard *board,
           const char *from,
           const char *to)
{
  const PlanoItem *a = find_text (board, from);
  const PlanoItem *b = find_text (board, to);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_EDGE); i++)
    {
      const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i);
      const PlanoItem *edge_from = plano_board_lookup (board, edge->from);
      const PlanoItem *edge_to = plano_board_lookup (board, edge->to);

      if ((is_inside (board, edge_from, a->id) || is_inside (board, a, edge_from->id)) &&
          (is_inside (board, edge_to, b->id) || is_inside (board, b, edge_to->id)))
        return TRUE;
    }

  g_printerr ("# no arrow from “%s” to “%s”\n", from, to);
  return FALSE;
}

typedef struct
{
  const char *id;
  const char *kinds[16];
  const char *texts[24];        /* every box and list item of the seed's drawing */
  const char *arrows[16][2];    /* every arrow */
  const char *zones[8];         /* zone kinds, in any order */
  const char *zone_ends[8];     /* the zones an arrow may start or end on, where the whole layer
                                 * is meant; every other arrow joins components */
} Expected;

static const Expected expected[] = {
  { "realtime-analytics",
    { "app", "iot", "cdc", "kafka", "flink", "redis", "druid", "elasticsearch", "lake", "spark" },
    { "Sources", "Apps", "IoT", "CDC", "Kafka", "events", "clicks", "logs", "Flink", "enrich", "aggregate",
      "alert", "Serving layer", "Redis (hot)", "Druid (OLAP)", "search", "Data lake (S3/Delta)", "raw",
      "enriched", "aggregated", "Batch jobs (Spark)", "ML train", "Reports" },
    { { "Sources", "Kafka" }, { "Kafka", "Flink" }, { "Flink", "Serving layer" }, { "Kafka", "Data lake" },
      { "Flink", "Data lake" }, { "Data lake", "Batch jobs" }, { "Batch jobs", "ML train" },
      { "Batch jobs", "Reports" } },
    { "layer" },
    { "sources", "serving" } },
  { "modern-data-stack",
    { "postgres", "salesforce", "google-analytics", "files", "fivetran", "airbyte", "dbt", "looker", "tableau",
      "notebook", "reverse-etl", "airflow", "great-expectations", "monte-carlo" },
    { "Sources", "PostgreSQL", "Salesforce", "Google", "S3 files", "Ingestion", "CDC", "full refresh",
      "incremental", "Warehouse (Snowflake/BigQuery)", "Raw", "Staging", "Marts", "dbt", "Consumption",
      "Looker", "Tableau", "Python / ML", "Reverse ETL", "Orchestration (Airflow)",
      "Quality (Great Expectations)", "Observability (Monte Carlo)" },
    { { "PostgreSQL", "Fivetran" }, { "Salesforce", "Fivetran" }, { "Google", "Airbyte" },
      { "S3 files", "Airbyte" }, { "Fivetran", "Raw" }, { "Airbyte", "Raw" }, { "Raw", "Staging" },
      { "Staging", "Marts" }, { "dbt", "Raw" }, { "dbt", "Staging" }, { "dbt", "Marts" },
      { "Marts", "Consumption" } },
    { "layer", "bronze", "silver", "gold" },
    { "raw", "staging", "marts", "consumption" } },
  { "data-mesh",
    { "data-product", "governance", "platform" },
    { "Domain 1: Sales", "Domain 2: Marketing", "Customer 360", "Campaign Analytics", "Schema registry",
      "SLAs defined", "Self-serve access", "Owned by the domain", "Federated governance",
      "Global policies (security, privacy)", "Interoperability standards", "Data catalog (searchable)",
      "Quality metrics", "Self-serve platform", "Infrastructure as code", "Template pipelines",
      "Monitoring and alerting", "Compute provisioning" },
    { { "Customer 360", "Federated governance" }, { "Campaign Analytics", "Federated governance" },
      { "Customer 360", "Campaign Analytics" } },
    { "domain", "layer" },
    { NULL } },
  { "lambda",
    { "kafka", "lake", "spark", "flink", "api" },
    { "Batch layer", "Speed layer", "Serving layer", "Master dataset", "Batch views", "Real-time views",
      "Query service" },
    { { "Kafka", "Master dataset" }, { "Kafka", "Stream processing" }, { "Master dataset", "Batch recompute" },
      { "Batch recompute", "Batch views" }, { "Stream processing", "Real-time views" },
      { "Batch views", "Query service" }, { "Real-time views", "Query service" } },
    { "layer" },
    { NULL } },
  { "kappa",
    { "kafka", "flink", "druid", "api" },
    { "long retention", "Stream job v1", "Stream job v2", "replay", "Serving tables", "Query service" },
    { { "Kafka", "Stream job v1" }, { "Kafka", "Stream job v2" }, { "Stream job v1", "Results topic v1" },
      { "Results topic v1", "Serving tables" }, { "Stream job v2", "Results topic v2" },
      { "Results topic v2", "New serving tables" }, { "Serving tables", "Query service" } },
    { NULL },
    { NULL } },
  { "medallion",
    { "postgres", "cdc", "files", "kafka", "spark", "lakehouse", "looker", "notebook" },
    { "Bronze", "Silver", "Gold", "Raw tables", "Cleaned", "Business aggregates", "BI dashboards",
      "ML features" },
    { { "PostgreSQL", "CDC connector" }, { "CDC connector", "Ingestion" }, { "Ingestion", "Bronze" },
      { "Ingestion", "Raw tables" }, { "Raw tables", "Cleaned" }, { "Cleaned", "Business aggregates" },
      { "Bronze", "Silver" }, { "Silver", "Gold" }, { "Gold", "BI dashboards" }, { "Gold", "ML features" } },
    { "bronze", "silver", "gold" },
    { NULL } },
};

static void
test_template (gconstpointer data)
{
  const Expected *want = data;
  g_autoptr(GBytes) source = plano_template_get_source (want->id);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoBoard) again = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  PlanoExportOptions options = { PLANO_EXPORT_PNG, 1, FALSE, PLANO_THEME_LIGHT, NULL };
  gsize length;

  g_assert_nonnull (plano_templates_lookup (want->id));
  g_assert_nonnull (source);

  /* What plano --check does: it reads, with no error and no warning. */
  board = plano_format_read (g_bytes_get_data (source, NULL), g_bytes_get_size (source), &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_nonnull (plano_board_get_title (board));
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_TRADEOFF), >, 0);

  for (guint i = 0; want->kinds[i] != NULL; i++)
    if (!has_kind (board, want->kinds[i]))
      g_error ("%s has no %s", want->id, want->kinds[i]);
  for (guint i = 0; want->texts[i] != NULL; i++)
    if (find_text (board, want->texts[i]) == NULL)
      g_error ("%s does not show “%s”", want->id, want->texts[i]);
  for (guint i = 0; want->arrows[i][0] != NULL; i++)
    g_assert_true (connected (board, want->arrows[i][0], want->arrows[i][1]));
  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_EDGE); i++)
    {
      const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i);
      const char *ends[] = { edge->from, edge->to };

      for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
        if (plano_board_lookup (board, ends[e])->type == PLANO_ITEM_ZONE &&
            !g_strv_contains (want->zone_ends, ends[e]))
          g_error ("%s: the arrow %s ends on the zone %s, not on a component", want->id,
                   edge->item.id, ends[e]);
    }
  for (guint i = 0; want->zones[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint z = 0; z < plano_board_get_n_items (board, PLANO_ITEM_ZONE); z++)
        found |= g_strcmp0 (((const PlanoZone *) plano_board_get_item (board, PLANO_ITEM_ZONE, z))->kind,
                            want->zones[i]) == 0;
      g_assert_true (found);
    }

  /* It renders. */
  png = plano_export_to_bytes (board, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), >, 1000);

  /* Saved and read again, it is the same board, written the same way: the file as shipped is
   * in the form Plano writes. */
  first = plano_format_write (board, &length);
  g_assert_cmpstr (first, ==, g_bytes_get_data (source, NULL));
  again = plano_format_read (first, length, NULL, &error);
  g_assert_no_error (error);
  second = plano_format_write (again, NULL);
  g_assert_cmpstr (first, ==, second);
}


/* The lines of the first <text> of item @id in @svg, as written there (escaped). */
static GPtrArray *
first_text_lines (const char *svg,
                  const char *id)
{
  g_autofree char *open = g_strdup_printf ("<g id=\"%s\">", id);
  const char *start = strstr (svg, open);
  const char *text = start != NULL ? strstr (start, "<text") : NULL;
  const char *end = text != NULL ? strstr (text, "</text>") : NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (end);
  g_assert_true (strstr (start, "</g>") > text);
  for (const char *p = text; (p = strstr (p, "<tspan")) != NULL && p < end; p++)
    {
      const char *line = strchr (p, '>') + 1;

      g_ptr_array_add (lines, g_strndup (line, strstr (line, "</tspan>") - line));
    }

  return lines;
}

/* Whether @lines are @label broken only where a line may break between words: at a space, or
 * after a slash or a hyphen that the label has. */
static gboolean
broken_between_words (GPtrArray  *lines,
                      const char *label)
{
  g_autofree char *escaped = g_markup_escape_text (label, -1);
  const char *p = escaped;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      gsize length = strlen (line);

      while (*p == ' ')
        p++;
      if (strncmp (p, line, length) != 0)
        return FALSE;
      p += length;
      if (i + 1 < lines->len && *p != ' ' && p[-1] != '/' && p[-1] != '-')
        return FALSE;
    }

  return *p == '\0';
}

/* Every template in English, Spanish and Portuguese, exported to SVG, shows its labels whole:
 * no text of a component, zone, connection or note is ellipsized, and the label of every
 * component and zone breaks between words only. */
static void
test_labels_whole (void)
{
  static const char * const languages[] = { "en", "es", "pt" };
  guint n;
  const PlanoTemplate *templates = plano_templates_get (&n);
  PlanoExportOptions options = { PLANO_EXPORT_SVG, 1, FALSE, PLANO_THEME_LIGHT, NULL };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      plano_test_use_language (languages[l]);
      for (guint t = 0; t < n; t++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(PlanoBoard) board = plano_template_load (templates[t].id, &error);
          g_autoptr(PlanoRenderer) renderer = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autofree char *svg = NULL;
          guint n_lines = 0;

          g_test_message ("%s in %s", templates[t].id, languages[l]);
          g_assert_no_error (error);
          /* The board is in the language: its title is translated. */
          if (!g_str_equal (languages[l], "en"))
            g_assert_cmpstr (plano_board_get_title (board), !=, templates[t].title);

          bytes = plano_export_to_bytes (board, &options, &error);
          g_assert_no_error (error);
          svg = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          for (const char *p = svg; (p = strstr (p, "</tspan>")) != NULL; p++, n_lines++)
            if (p - svg >= (gssize) strlen ("…") && strncmp (p - strlen ("…"), "…", strlen ("…")) == 0)
              g_error ("%s in %s: a text is cut short: %.*s", templates[t].id, languages[l],
                       (int) MIN (p - svg, 60), p - MIN (p - svg, 60));
          g_assert_cmpuint (n_lines, >, 10);

          renderer = plano_renderer_new (board);
          for (guint type = 0; type < PLANO_N_ITEM_TYPES; type++)
            for (guint i = 0; i < plano_board_get_n_items (board, type); i++)
              {
                const PlanoItem *item = plano_board_get_item (board, type, i);
                const char *label = plano_board_get_label (board, item->id);

                if (plano_renderer_is_text_cut (renderer, item->id))
                  g_error ("%s in %s: the text of %s is cut short", templates[t].id, languages[l], item->id);

                if ((type == PLANO_ITEM_NODE || type == PLANO_ITEM_ZONE) && label != NULL)
                  {
                    g_autoptr(GPtrArray) lines = first_text_lines (svg, item->id);

                    if (!broken_between_words (lines, label))
                      g_error ("%s in %s: “%s” is broken inside a word", templates[t].id,
                               languages[l], label);
                  }
              }
        }
    }
  plano_test_use_language ("en");
}

/* Whether the segment from @a to @b passes through @box: sampled every half unit. */
static gboolean
segment_crosses (PlanoPoint       a,
                 PlanoPoint       b,
                 const PlanoRect *box)
{
  double length = hypot (b.x - a.x, b.y - a.y);
  guint steps = MAX (1, (guint) ceil (length * 2));

  for (guint i = 0; i <= steps; i++)
    if (plano_rect_contains (box, a.x + (b.x - a.x) * i / steps, a.y + (b.y - a.y) * i / steps))
      return TRUE;

  return FALSE;
}

/* Every template in English, Spanish and Portuguese, as laid out by the renderer: no
 * connection's label pill covers another connection's route, so that one can see where each
 * arrow runs and turns. */
static void
test_labels_clear_of_routes (void)
{
  static const char * const languages[] = { "en", "es", "pt" };
  guint n;
  const PlanoTemplate *templates = plano_templates_get (&n);
  g_autoptr(GString) covered = g_string_new (NULL);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      plano_test_use_language (languages[l]);
      for (guint t = 0; t < n; t++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(PlanoBoard) board = plano_template_load (templates[t].id, &error);
          g_autoptr(PlanoRenderer) renderer = NULL;
          guint n_edges, n_labels = 0;

          g_assert_no_error (error);
          renderer = plano_renderer_new (board);
          n_edges = plano_board_get_n_items (board, PLANO_ITEM_EDGE);
          for (guint i = 0; i < n_edges; i++)
            {
              const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i);
              PlanoRect pill;

              if (edge->label == NULL || edge->label[0] == '\0')
                continue;
              g_assert_true (plano_renderer_get_text_box (renderer, edge->item.id, &pill));
              n_labels++;
              for (guint j = 0; j < n_edges; j++)
                {
                  const PlanoEdge *other = (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, j);
                  g_autoptr(GPtrArray) points = NULL;

                  if (j == i)
                    continue;
                  points = plano_renderer_get_edge_points (renderer, other->item.id);
                  g_assert_nonnull (points);
                  for (guint k = 0; k + 1 < points->len; k++)
                    {
                      PlanoPoint *a = g_ptr_array_index (points, k);
                      PlanoPoint *b = g_ptr_array_index (points, k + 1);

                      if (segment_crosses (*a, *b, &pill))
                        g_string_append_printf (covered, "%s in %s: the label “%s” of %s (%g, %g, %g × %g) "
                                                "covers the route of %s from (%g, %g) to (%g, %g)\n",
                                                templates[t].id, languages[l], edge->label, edge->item.id,
                                                pill.x, pill.y, pill.w, pill.h, other->item.id,
                                                a->x, a->y, b->x, b->y);
                    }
                }
            }
          g_test_message ("%s in %s: %u labels against %u routes", templates[t].id, languages[l],
                          n_labels, n_edges);
        }
    }
  plano_test_use_language ("en");
  if (covered->len > 0)
    g_error ("%s", covered->str);
}

/* In the user's language, and a new board: loading twice gives two boards. */
static void
test_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_template_load ("data-mesh", &error);
  g_autoptr(PlanoBoard) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (plano_board_get_title (board), ==, "Data mesh");
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_ZONE), ==, 4);

  missing = plano_template_load ("no-such-template", &error);
  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-template"));
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Markdown notes: each section, a link to the SVG written beside them, and the SVG itself. */
static void
test_markdown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_template_load ("realtime-analytics", &error);
  g_autoptr(PlanoInterview) interview = plano_interview_new ();
  g_autofree char *dir = g_dir_make_tmp ("plano-notes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "my notes.md", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "my notes.svg", NULL);
  g_autofree char *markdown = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(JsonNode) record = NULL;
  PlanoExportOptions options = { PLANO_EXPORT_MARKDOWN, 1, FALSE, PLANO_THEME_LIGHT, NULL };

  g_assert_no_error (error);

  /* A session: a question, a minute and a half, a ticked item and a note. */
  plano_interview_set_question (interview, "clickstream-analytics");
  plano_interview_start (interview, board);
  plano_interview_set_checked (interview, 0, 0, TRUE);
  plano_interview_set_notes (interview, 0, "Dashboards 1 min behind at most");
  plano_interview_finish (interview);
  plano_interview_set_score (interview, 1, 2);
  record = plano_interview_to_json (interview);
  plano_board_set_interview (board, record);

  g_assert_true (plano_export_to_file (board, path, &options, &error));
  g_assert_no_error (error);
  markdown = read_text (path);
  svg = read_text (svg_path);

  g_assert_true (g_str_has_prefix (markdown, "# Real-time analytics pipeline\n"));
  g_assert_nonnull (strstr (markdown, "\n## Question\n\n### Real-time clickstream analytics\n"));
  g_assert_nonnull (strstr (markdown, "\n## Diagram\n\n![Real-time analytics pipeline](my%20notes.svg)\n"));
  g_assert_nonnull (strstr (markdown, "\n## Interview\n\n| Step | Planned | Spent | Checklist |\n|---|---|---|---|\n| 1. Requirements | 5:00 |"));
  g_assert_nonnull (strstr (markdown, "\n- [x] "));
  g_assert_nonnull (strstr (markdown, "\n- [ ] "));
  g_assert_nonnull (strstr (markdown, "\nDashboards 1 min behind at most\n"));
  g_assert_nonnull (strstr (markdown, "Self-assessment: 2 of 30."));
  g_assert_nonnull (strstr (markdown, "\n## Trade-offs\n\n| Decision | About | Choice |"));
  g_assert_nonnull (strstr (markdown, "| Why Kafka in the middle | Kafka topics: events, clicks, logs | Kafka |"));
  g_assert_nonnull (strstr (markdown, "\n## Design Review\n\n- Error: Elasticsearch (search) takes 50\u00a0000/s"));
  g_assert_nonnull (strstr (markdown, "\n## Capacity\n\n| Component | Load | Capacity | Utilisation |"));
  g_assert_true (g_str_has_prefix (svg, "<?xml") || g_str_has_prefix (svg, "<svg"));
  g_assert_nonnull (strstr (svg, ">Redis (hot)</tspan>"));

  g_remove (path);
  g_remove (svg_path);
  g_rmdir (dir);
}

/* A board with nothing but boxes: no question, interview, trade-off or review sections, rather
 * than empty ones; an empty board has no diagram either. */
static void
test_markdown_sparse (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autofree char *markdown = NULL;
  g_autofree char *empty = NULL;

  empty = plano_notes_to_markdown (board, NULL);
  g_assert_cmpstr (empty, ==, "# Untitled Board\n");

  plano_board_set_title (board, "Sketch");
  plano_board_add_node (board, "postgres", 0, 0);
  markdown = plano_notes_to_markdown (board, "sketch.svg");
  g_assert_cmpstr (markdown, ==, "# Sketch\n\n## Diagram\n\n![Sketch](sketch.svg)\n");
}

/* A note that cannot be written takes its diagram away again and keeps what was there. */
static void
test_markdown_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_template_load ("kappa", &error);
  g_autofree char *dir = g_dir_make_tmp ("plano-notes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing", "notes.md", NULL);
  PlanoExportOptions options = { PLANO_EXPORT_MARKDOWN, 1, FALSE, PLANO_THEME_LIGHT, NULL };

  g_assert_false (plano_export_to_file (board, path, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "the folder does not exist"));
  g_rmdir (dir);
}

/* Mermaid of a board with zones, nested zones, edge labels and every edge kind, against a
 * golden file checked by eye in the Mermaid live editor's syntax. */
static void
test_mermaid (void)
{
  g_autofree char *board_path = g_test_build_filename (G_TEST_DIST, "data", "mermaid.plano", NULL);
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "data", "mermaid.mmd", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_format_read_file (board_path, NULL, &error);
  g_autofree char *golden = read_text (golden_path);
  g_autofree char *mermaid = NULL;

  g_assert_no_error (error);
  mermaid = plano_notes_to_mermaid (board);
  g_assert_cmpstr (mermaid, ==, golden);
}

/* Reads the number of pages of the PDF @bytes as poppler's pdfinfo does (a count of the page
 * objects in the raw bytes misses those cairo 1.18 puts in compressed object streams). Returns
 * FALSE, the test skipped, where poppler-utils is missing (build-aux/install-deps.sh installs
 * it). */
static gboolean
read_pdf_pages (GBytes *bytes,
                guint  *n_pages)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  const char *pages;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return FALSE;
    }

  dir = g_dir_make_tmp ("plano-sheet-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "sheet.pdf", NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char *[]) { program, path, NULL }, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  g_rmdir (dir);

  pages = strstr (out, "\nPages:");
  g_assert_nonnull (pages);
  *n_pages = (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
  return TRUE;
}

/* The study sheet: a PDF with the diagram on its first page and the notes after it. */
static void
test_sheet (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_template_load ("realtime-analytics", &error);
  PlanoExportOptions options = { PLANO_EXPORT_SHEET, 1, FALSE, PLANO_THEME_LIGHT, NULL };
  g_autoptr(GBytes) bytes = plano_export_to_bytes (board, &options, &error);
  gsize length;
  const char *data;
  guint n_pages = 0;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  g_assert_true (length > 4 && memcmp (data, "%PDF", 4) == 0);
  if (read_pdf_pages (bytes, &n_pages))
    g_assert_cmpuint (n_pages, >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PLANO_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* GLib decides on the first g_dgettext () whether to translate at all, and in C.UTF-8 with
   * no English catalog it decides never to: the decision is made while a catalog is there. */
  plano_test_use_language ("es");
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  plano_test_use_language ("en");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = g_strdup_printf ("/plano/templates/%s", expected[i].id);

      g_test_add_data_func (name, &expected[i], test_template);
    }
  g_test_add_func ("/plano/templates/load", test_load);
  g_test_add_func ("/plano/templates/labels-whole", test_labels_whole);
  g_test_add_func ("/plano/templates/labels-clear-of-routes", test_labels_clear_of_routes);
  g_test_add_func ("/plano/notes/markdown", test_markdown);
  g_test_add_func ("/plano/notes/markdown-sparse", test_markdown_sparse);
  g_test_add_func ("/plano/notes/markdown-unwritable", test_markdown_unwritable);
  g_test_add_func ("/plano/notes/mermaid", test_mermaid);
  g_test_add_func ("/plano/notes/sheet", test_sheet);

  return g_test_run ();
}
