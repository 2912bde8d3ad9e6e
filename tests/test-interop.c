/* test-interop.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports as their readers take them: every format of a corpus board (accents, <>&"', control
 * characters, U+FFFE, right-to-left text, emoji, Chinese, an empty label, a label of 5 000
 * characters, newlines, every item type) opened by the programs people open them with, from
 * Debian's packages (build-aux/install-deps.sh): xmllint and rsvg-convert for SVG and draw.io,
 * poppler for PDF, pngcheck for PNG, cmark-gfm for Markdown, and mermaid's own parser, versions
 * 10 and 11 under Node.js (tests/mermaid/), for Mermaid. Excalidraw and draw.io files are checked
 * against the members their formats document, read back with json-glib and GMarkup.
 *
 * Where a reader is missing the test is skipped, except under CI (CI=true), which must have them.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "plano-board.h"
#include "plano-export.h"
#include "plano-format.h"
#include "plano-notes.h"
#include "plano-render.h"
#include "plano-test-core.h"
#include "plano-test-locale.h"
#include "plano-xml.h"

/* The program, or NULL and the test skipped; under CI a missing reader fails the test. */
static char *
find_reader (const char *name)
{
  char *program = g_find_program_in_path (name);

  if (program == NULL)
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("%s is not installed: build-aux/install-deps.sh installs it", name);
      g_test_skip_printf ("%s is not installed (build-aux/install-deps.sh installs it)", name);
    }
  return program;
}

/* Runs @argv; asserts it exits 0 and returns what it printed. */
static char *
run (const char * const *argv,
     const char * const *envp)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", argv[0], out, err);
  return out;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("plano-interop-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
export_file (PlanoBoard        *board,
             const char        *dir,
             const char        *name,
             PlanoExportFormat  format)
{
  PlanoExportOptions options = { format, 1, FALSE, PLANO_THEME_LIGHT };
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (plano_export_to_file (board, path, &options, &error));
  g_assert_no_error (error);
  return path;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return text;
}

/* Excalidraw: the members its JSON schema documents for a file and for each kind of element,
 * and the bindings both ways: an arrow's ends name shapes that list the arrow, a text's
 * container lists the text, a frame's children name a frame. */

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static gboolean
lists_bound (JsonObject *shape,
             const char *id,
             const char *type)
{
  JsonNode *node = json_object_get_member (shape, "boundElements");
  JsonArray *bound;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  bound = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (bound); i++)
    {
      JsonObject *entry = json_array_get_object_element (bound, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "id"), id) == 0 &&
          g_strcmp0 (json_object_get_string_member (entry, "type"), type) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  guint rectangles, texts, free_texts, arrows, frames, bound_arrows;
} ExcalidrawCounts;

static void
check_excalidraw (const char       *text,
                  ExcalidrawCounts *counts)
{
  static const char *base[] = {
    "id", "type", "x", "y", "width", "height", "angle", "strokeColor", "backgroundColor",
    "fillStyle", "strokeWidth", "strokeStyle", "roughness", "opacity", "groupIds", "frameId",
    "roundness", "seed", "version", "versionNonce", "isDeleted", "boundElements", "updated",
    "link", "locked", NULL
  };
  static const char *text_members[] = {
    "text", "fontSize", "fontFamily", "textAlign", "verticalAlign", "containerId", "originalText",
    "lineHeight", NULL
  };
  static const char *arrow_members[] = {
    "points", "lastCommittedPoint", "startBinding", "endBinding", "startArrowhead", "endArrowhead", NULL
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *file;
  JsonArray *elements;

  *counts = (ExcalidrawCounts) { 0, };
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  file = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (file, "type"), ==, "excalidraw");
  g_assert_cmpint (json_object_get_int_member (file, "version"), ==, 2);
  g_assert_true (json_object_has_member (file, "source"));
  g_assert_nonnull (member_object (file, "appState"));
  g_assert_nonnull (member_object (file, "files"));
  elements = json_object_get_array_member (file, "elements");
  g_assert_nonnull (elements);

  for (guint i = 0; i < json_array_get_length (elements); i++)
    {
      JsonObject *element = json_array_get_object_element (elements, i);

      for (guint m = 0; base[m] != NULL; m++)
        if (!json_object_has_member (element, base[m]))
          g_error ("element %u lacks %s", i, base[m]);
      g_assert_false (g_hash_table_contains (by_id, json_object_get_string_member (element, "id")));
      g_hash_table_insert (by_id, (gpointer) json_object_get_string_member (element, "id"), element);
    }

  for (guint i = 0; i < json_array_get_length (elements); i++)
    {
      JsonObject *element = json_array_get_object_element (elements, i);
      const char *id = json_object_get_string_member (element, "id");
      const char *type = json_object_get_string_member (element, "type");
      const char *frame = json_object_get_string_member_with_default (element, "frameId", NULL);

      g_assert_true (isfinite (json_object_get_double_member (element, "x")));
      g_assert_cmpfloat (json_object_get_double_member (element, "width"), >=, 0);
      if (frame != NULL)
        g_assert_cmpstr (json_object_get_string_member (g_hash_table_lookup (by_id, frame), "type"), ==, "frame");

      if (g_str_equal (type, "text"))
        {
          const char *container;

          for (guint m = 0; text_members[m] != NULL; m++)
            g_assert_true (json_object_has_member (element, text_members[m]));
          g_assert_cmpstr (json_object_get_string_member (element, "text"), !=, "");
          g_assert_cmpfloat (json_object_get_double_member (element, "fontSize"), >, 0);
          container = json_object_get_string_member_with_default (element, "containerId", NULL);
          if (container != NULL)
            {
              g_assert_true (lists_bound (g_hash_table_lookup (by_id, container), id, "text"));
              counts->texts++;
            }
          else
            {
              /* Free text: bound to nothing, its box as tall as its lines. */
              g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (element, "boundElements")));
              g_assert_cmpfloat (json_object_get_double_member (element, "height"), >=,
                                 json_object_get_double_member (element, "fontSize"));
              counts->free_texts++;
            }
        }
      else if (g_str_equal (type, "arrow"))
        {
          JsonArray *points = json_object_get_array_member (element, "points");

          for (guint m = 0; arrow_members[m] != NULL; m++)
            g_assert_true (json_object_has_member (element, arrow_members[m]));
          g_assert_cmpuint (json_array_get_length (points), >=, 2);
          /* Bound at both ends, to shapes that list the arrow. */
          for (guint end = 0; end < 2; end++)
            {
              JsonObject *binding = member_object (element, end == 0 ? "startBinding" : "endBinding");
              JsonObject *shape = g_hash_table_lookup (by_id, json_object_get_string_member (binding, "elementId"));

              g_assert_nonnull (shape);
              g_assert_true (lists_bound (shape, id, "arrow"));
              g_assert_true (json_object_has_member (binding, "focus"));
              g_assert_true (json_object_has_member (binding, "gap"));
            }
          counts->arrows++;
        }
      else if (g_str_equal (type, "frame"))
        {
          g_assert_true (json_object_has_member (element, "name"));
          counts->frames++;
        }
      else
        {
          g_assert_cmpstr (type, ==, "rectangle");
          counts->rectangles++;
        }

      if (!JSON_NODE_HOLDS_NULL (json_object_get_member (element, "boundElements")))
        {
          JsonArray *bound = json_object_get_array_member (element, "boundElements");

          for (guint b = 0; b < json_array_get_length (bound); b++)
            {
              JsonObject *entry = json_array_get_object_element (bound, b);
              JsonObject *other = g_hash_table_lookup (by_id, json_object_get_string_member (entry, "id"));

              g_assert_nonnull (other);
              g_assert_cmpstr (json_object_get_string_member (other, "type"), ==,
                               json_object_get_string_member (entry, "type"));
              counts->bound_arrows += g_str_equal (json_object_get_string_member (entry, "type"), "arrow");
            }
        }
    }
}

/* draw.io: mxfile > diagram > mxGraphModel > root > mxCell, read with GMarkup. Cells 0 and 1
 * first; every cell's parent read before it; vertices and edges with their geometry; edges
 * with a source and a target that are vertices. */
typedef struct
{
  GHashTable *vertices;    /* ids */
  GHashTable *cells;
  GPtrArray  *ends;        /* source and target ids of edges, checked at the end */
  GPtrArray  *stack;
  GHashTable *texts;       /* id → value of the text vertices */
  guint       n_vertices, n_edges, n_containers, n_texts, n_geometries;
  char       *cell;        /* the open mxCell's id */
} DrawioCheck;

static void
drawio_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  DrawioCheck *check = user_data;
  static const char *parents[][2] = {
    { "mxfile", NULL }, { "diagram", "mxfile" }, { "mxGraphModel", "diagram" }, { "root", "mxGraphModel" },
    { "mxCell", "root" }, { "mxGeometry", "mxCell" }, { "Array", "mxGeometry" }, { "mxPoint", "Array" },
  };
  const char *parent = check->stack->len > 0 ? g_ptr_array_index (check->stack, check->stack->len - 1) : NULL;
  gboolean known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
    if (g_str_equal (parents[i][0], element))
      {
        g_assert_cmpstr (parent, ==, parents[i][1]);
        known = TRUE;
      }
  g_assert_true (known);
  g_ptr_array_add (check->stack, g_strdup (element));

  if (g_str_equal (element, "mxCell"))
    {
      const char *id = NULL, *cell_parent = NULL, *source = NULL, *target = NULL, *style = "";
      const char *value = "";
      gboolean vertex = FALSE, edge = FALSE;

      for (guint i = 0; names[i] != NULL; i++)
        {
          if (g_str_equal (names[i], "id")) id = values[i];
          else if (g_str_equal (names[i], "parent")) cell_parent = values[i];
          else if (g_str_equal (names[i], "vertex")) vertex = g_str_equal (values[i], "1");
          else if (g_str_equal (names[i], "edge")) edge = g_str_equal (values[i], "1");
          else if (g_str_equal (names[i], "source")) source = values[i];
          else if (g_str_equal (names[i], "target")) target = values[i];
          else if (g_str_equal (names[i], "style")) style = values[i];
          else if (g_str_equal (names[i], "value")) value = values[i];
        }
      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (check->cells, id));
      if (g_hash_table_size (check->cells) == 0)
        g_assert_cmpstr (id, ==, "0");
      else
        {
          g_assert_nonnull (cell_parent);
          g_assert_true (g_hash_table_contains (check->cells, cell_parent));
        }
      if (g_hash_table_size (check->cells) == 1)
        g_assert_cmpstr (id, ==, "1");
      g_hash_table_add (check->cells, g_strdup (id));
      g_free (check->cell);
      check->cell = g_strdup (id);
      g_assert_false (vertex && edge);
      if (vertex)
        {
          g_hash_table_add (check->vertices, g_strdup (id));
          check->n_vertices++;
          check->n_containers += strstr (style, "container=1") != NULL;
        }
      if (edge)
        {
          g_assert_nonnull (source);
          g_assert_nonnull (target);
          g_ptr_array_add (check->ends, g_strdup (source));
          g_ptr_array_add (check->ends, g_strdup (target));
          check->n_edges++;
        }
      if (vertex && g_str_has_prefix (style, "text;"))
        {
          /* draw.io's free text: a plain label, neither filled nor outlined. */
          g_assert_nonnull (strstr (style, ";html=0;"));
          g_assert_nonnull (strstr (style, ";fillColor=none;"));
          g_assert_nonnull (strstr (style, ";strokeColor=none;"));
          g_assert_cmpstr (value, !=, "");
          g_hash_table_insert (check->texts, g_strdup (id), g_strdup (value));
          check->n_texts++;
        }
      else if (vertex || edge)
        g_assert_nonnull (strstr (style, "html=1"));
    }
  else if (g_str_equal (element, "mxGeometry"))
    {
      gboolean as_geometry = FALSE;

      for (guint i = 0; names[i] != NULL; i++)
        {
          if (g_str_equal (names[i], "as"))
            as_geometry = g_str_equal (values[i], "geometry");
          else if (g_str_equal (names[i], "x") || g_str_equal (names[i], "width"))
            g_assert_true (g_regex_match_simple ("^-?[0-9]+\\.[0-9]{2}$", values[i], 0, 0));
        }
      g_assert_true (as_geometry);
      check->n_geometries++;
    }
}

static void
drawio_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  DrawioCheck *check = user_data;

  g_ptr_array_remove_index (check->stack, check->stack->len - 1);
}

static void
check_drawio (const char  *text,
              DrawioCheck *check)
{
  static const GMarkupParser parser = { drawio_start, drawio_end, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  GMarkupParseContext *context;

  *check = (DrawioCheck) { 0, };
  check->vertices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  check->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  check->ends = g_ptr_array_new_with_free_func (g_free);
  check->stack = g_ptr_array_new_with_free_func (g_free);
  check->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, check, NULL);
  g_markup_parse_context_parse (context, text, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_markup_parse_context_free (context);

  g_assert_cmpuint (check->n_geometries, ==, check->n_vertices + check->n_edges);
  for (guint i = 0; i < check->ends->len; i++)
    g_assert_true (g_hash_table_contains (check->vertices, g_ptr_array_index (check->ends, i)));
}

static void
drawio_check_clear (DrawioCheck *check)
{
  g_hash_table_unref (check->vertices);
  g_hash_table_unref (check->cells);
  g_ptr_array_unref (check->ends);
  g_ptr_array_unref (check->stack);
  g_hash_table_unref (check->texts);
  g_free (check->cell);
}

/* Mermaid, parsed by mermaid 10 and 11; FALSE, and the test skipped, without Node.js or the
 * packages. */
static gboolean
parse_mermaid (const char *path)
{
  g_autofree char *node = find_reader ("node");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "mermaid", "parse.mjs", NULL);
  g_autofree char *modules = g_test_build_filename (G_TEST_DIST, "mermaid", "node_modules", "mermaid11", NULL);

  if (node == NULL)
    return FALSE;
  if (!g_file_test (modules, G_FILE_TEST_IS_DIR))
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("tests/mermaid/node_modules is missing: build-aux/install-deps.sh installs it");
      g_test_skip ("mermaid is not installed in tests/mermaid (build-aux/install-deps.sh installs it)");
      return FALSE;
    }

  for (guint v = 10; v <= 11; v++)
    {
      g_autofree char *version = g_strdup_printf ("mermaid%u", v);
      const char *argv[] = { node, script, version, path, NULL };
      g_autofree char *out = run (argv, NULL);

      g_test_message ("%s", out);
      g_assert_true (g_str_has_prefix (out, "ok mermaid "));
    }
  return TRUE;
}

/* @text with its line breaks as spaces: a text item's words, however a format wraps them. */
static char *
words_of (const char *text)
{
  char *words = g_strdup (text);

  g_strdelimit (words, "\n", ' ');
  return words;
}

/* The corpus's text items as each format's free text: an Excalidraw text element bound to
 * nothing, and a draw.io text vertex, where the board has them, in their size. */
static void
check_free_texts (PlanoBoard  *board,
                  const char  *excalidraw,
                  DrawioCheck *drawio)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *elements;
  guint n_texts = plano_board_get_n_items (board, PLANO_ITEM_TEXT);

  json_parser_load_from_data (parser, excalidraw, -1, &error);
  g_assert_no_error (error);
  elements = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "elements");
  g_assert_cmpuint (drawio->n_texts, ==, n_texts);

  for (guint i = 0; i < n_texts; i++)
    {
      const PlanoText *item = (const PlanoText *) plano_board_get_item (board, PLANO_ITEM_TEXT, i);
      g_autofree char *words = words_of (item->text);
      g_autofree char *drawn = NULL;
      JsonObject *element = NULL;

      for (guint e = 0; e < json_array_get_length (elements); e++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (elements, e), "id"),
                         item->item.id))
          element = json_array_get_object_element (elements, e);
      g_assert_nonnull (element);
      g_assert_cmpstr (json_object_get_string_member (element, "type"), ==, "text");
      g_assert_null (json_object_get_string_member_with_default (element, "containerId", NULL));
      g_assert_cmpstr (json_object_get_string_member (element, "originalText"), ==, item->text);
      g_assert_cmpfloat (json_object_get_double_member (element, "fontSize"), ==, plano_text_get_font_size (item));
      g_assert_cmpfloat (json_object_get_double_member (element, "x"), ==, item->x);
      g_assert_cmpfloat (json_object_get_double_member (element, "y"), ==, item->y);
      g_assert_cmpfloat (json_object_get_double_member (element, "width"), >=, item->w);

      g_assert_true (g_hash_table_contains (drawio->texts, item->item.id));
      drawn = words_of (g_hash_table_lookup (drawio->texts, item->item.id));
      g_assert_cmpstr (drawn, ==, words);
    }
}

/* The corpus board, exported to every format, and each file opened by its reader. */
static void
test_corpus (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("corpus.plano");
  g_autofree char *dir = temp_dir ();

  /* Every item type, and the texts the corpus promises. */
  for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
    g_assert_cmpuint (plano_board_get_n_items (board, t), >, 0);
  g_assert_cmpuint (g_utf8_strlen (plano_board_get_label (board, "long"), -1), ==, 5000);
  g_assert_cmpstr (plano_board_get_label (board, "empty"), ==, "");
  g_assert_nonnull (strstr (plano_board_get_label (board, "ctrl"), "\x01"));
  g_assert_nonnull (strstr (plano_board_get_label (board, "ctrl"), "\xef\xbf\xbe"));

  /* SVG: well-formed XML 1.0, drawn by librsvg. */
  {
    g_autofree char *svg = export_file (board, dir, "corpus.svg", PLANO_EXPORT_SVG);
    g_autofree char *png = g_build_filename (dir, "corpus-svg.png", NULL);
    g_autofree char *xmllint = find_reader ("xmllint");
    g_autofree char *rsvg = find_reader ("rsvg-convert");
    g_autofree char *text = read_text (svg);

    g_assert_null (strstr (text, "&#x1;"));
    g_assert_null (strstr (text, "\xef\xbf\xbe"));
    g_assert_nonnull (strstr (text, "数据仓库"));
    g_assert_nonnull (strstr (text, "ذاكرة مؤقتة سريعة"));
    if (xmllint != NULL)
      g_free (run ((const char *[]) { xmllint, "--noout", svg, NULL }, NULL));
    if (rsvg != NULL)
      g_free (run ((const char *[]) { rsvg, "-o", png, svg, NULL }, NULL));
  }

  /* PNG */
  {
    g_autofree char *png = export_file (board, dir, "corpus.png", PLANO_EXPORT_PNG);
    g_autofree char *pngcheck = find_reader ("pngcheck");

    if (pngcheck != NULL)
      {
        g_autofree char *out = run ((const char *[]) { pngcheck, png, NULL }, NULL);

        g_assert_true (g_str_has_prefix (out, "OK: "));
      }
  }

  /* PDF and the study sheet: poppler reads the text as written, fonts embedded. */
  for (guint sheet = 0; sheet < 2; sheet++)
    {
      g_autofree char *pdf = export_file (board, dir, sheet ? "corpus-sheet.pdf" : "corpus.pdf",
                                          sheet ? PLANO_EXPORT_SHEET : PLANO_EXPORT_PDF);
      g_autofree char *pdftotext = find_reader ("pdftotext");
      g_autofree char *pdffonts = find_reader ("pdffonts");

      if (pdftotext != NULL)
        {
          g_autofree char *out = run ((const char *[]) { pdftotext, "-enc", "UTF-8", pdf, "-", NULL }, NULL);

          g_assert_nonnull (strstr (out, "数据仓库"));
          /* cairo 1.18 writes the emoji as a colour font of its own, which poppler may put on
           * a line apart from the word before it. */
          if (cairo_version () >= CAIRO_VERSION_ENCODE (1, 17, 8))
            g_assert_true (strstr (out, "Caché") != NULL && strstr (out, "🚀") != NULL);
          else
            g_assert_nonnull (strstr (out, "Caché 🚀"));
          if (sheet)
            {
              g_assert_nonnull (strstr (out, "Retención: 7 días <replay>"));
              g_assert_nonnull (strstr (out, "Alternatives: Kinesis; Pulsar; RabbitMQ"));
            }
        }
      if (pdffonts != NULL)
        {
          g_autofree char *out = run ((const char *[]) { pdffonts, pdf, NULL }, NULL);
          g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

          for (guint i = 2; lines[i] != NULL; i++)
            if (lines[i][0] != '\0')
              {
                /* cairo 1.18's colour font for the emoji: Type 3, whole, with its text. */
                if (cairo_version () >= CAIRO_VERSION_ENCODE (1, 17, 8) && strstr (lines[i], "Type 3") != NULL)
                  g_assert_true (g_regex_match_simple (" yes +no +yes +[0-9]+ +[0-9]+$", lines[i], 0, 0));
                else
                  g_assert_true (g_regex_match_simple (" yes +yes +yes +[0-9]+ +[0-9]+$", lines[i], 0, 0));
              }
        }
    }

  /* Markdown, read by cmark-gfm as GitHub does: the notes' lines stay text, not markup. */
  {
    g_autofree char *md = export_file (board, dir, "corpus.md", PLANO_EXPORT_MARKDOWN);
    g_autofree char *cmark = find_reader ("cmark-gfm");
    g_autofree char *text = read_text (md);

    g_assert_nonnull (strstr (text, "## Notes\n"));
    g_assert_null (strstr (text, "\x01"));
    if (cmark != NULL)
      {
        g_autofree char *html = run ((const char *[]) { cmark, "--extension", "table", md, NULL }, NULL);

        g_assert_nonnull (strstr (html, "Retención: 7 días &lt;replay&gt; &amp; &quot;más&quot;<br />\n- not a list<br />\n# not a heading"));
        g_assert_null (strstr (html, "<h1>not a heading"));
        g_assert_nonnull (strstr (html, "<td>operación | costo</td>"));
        g_assert_nonnull (strstr (html, "<img src=\"corpus.svg\""));
      }
  }

  /* Mermaid */
  {
    g_autofree char *mmd = export_file (board, dir, "corpus.mmd", PLANO_EXPORT_MERMAID);
    g_autofree char *text = read_text (mmd);

    /* The title without its control character; U+FFFE as U+FFFD. */
    g_assert_true (g_str_has_prefix (text, "---\ntitle: \"Pipeline de analítica <en> tiempo \\\"real\\\" & 'más' \xef\xbf\xbd\"\nconfig:\n"));
    /* An empty label is the kind's name; an id that is a keyword of mermaid's is another. */
    g_assert_nonnull (strstr (text, "\n  empty[\"PostgreSQL\"]\n"));
    g_assert_nonnull (strstr (text, "\n      n_end["));
    g_assert_nonnull (strstr (text, "\n  n1 -.- kafka\n"));
    parse_mermaid (mmd);
  }

  /* Excalidraw and draw.io, with the text items as their own free text. */
  {
    g_autofree char *path = export_file (board, dir, "corpus.excalidraw", PLANO_EXPORT_EXCALIDRAW);
    g_autofree char *excalidraw = read_text (path);
    g_autofree char *drawio_path = export_file (board, dir, "corpus.drawio", PLANO_EXPORT_DRAWIO);
    g_autofree char *xmllint = find_reader ("xmllint");
    g_autofree char *drawio = read_text (drawio_path);
    ExcalidrawCounts counts;
    DrawioCheck check;

    check_excalidraw (excalidraw, &counts);
    g_assert_cmpuint (counts.arrows, ==, plano_board_get_n_items (board, PLANO_ITEM_EDGE));
    g_assert_cmpuint (counts.frames, ==, 3);
    g_assert_cmpuint (counts.free_texts, ==, plano_board_get_n_items (board, PLANO_ITEM_TEXT));

    check_drawio (drawio, &check);
    g_assert_cmpuint (check.n_containers, ==, plano_board_get_n_items (board, PLANO_ITEM_ZONE));
    check_free_texts (board, excalidraw, &check);
    drawio_check_clear (&check);
    if (xmllint != NULL)
      g_free (run ((const char *[]) { xmllint, "--noout", drawio_path, NULL }, NULL));
  }

  plano_test_remove_tree (dir);
}

/* Whether the image shows a line at canvas point @p: a pixel there, or next to it, darker than
 * the light theme's background. */
static gboolean
drawn_at (cairo_surface_t *image,
          const PlanoRect *area,
          PlanoPoint       p)
{
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  int px = (int) floor (p.x - area->x), py = (int) floor (p.y - area->y);

  cairo_surface_flush (image);
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        int x = px + dx, y = py + dy;
        const guint32 *pixel;
        guint green;

        if (x < 0 || y < 0 || x >= cairo_image_surface_get_width (image) ||
            y >= cairo_image_surface_get_height (image))
          continue;
        pixel = (const guint32 *) (data + y * stride) + x;
        green = (*pixel >> 8) & 0xff;
        if (green < 0xd0)
          return TRUE;
      }

  return FALSE;
}

/* What the routes board looks like at its telling places: the middle of the orthogonal route's
 * detour, and of the curve; and that neither passes where a straight line would. */
static void
check_routes_drawn (cairo_surface_t *image,
                    const PlanoRect *area,
                    PlanoPoint       detour,
                    PlanoPoint       straight_through,
                    PlanoPoint       curve_middle,
                    PlanoPoint       chord_quarter)
{
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (drawn_at (image, area, detour));
  g_assert_false (drawn_at (image, area, straight_through));
  g_assert_true (drawn_at (image, area, curve_middle));
  g_assert_false (drawn_at (image, area, chord_quarter));
}

static JsonObject *
find_element (JsonArray  *elements,
              const char *id)
{
  for (guint i = 0; i < json_array_get_length (elements); i++)
    {
      JsonObject *element = json_array_get_object_element (elements, i);

      if (g_strcmp0 (json_object_get_string_member (element, "id"), id) == 0)
        return element;
    }

  g_assert_not_reached ();
}

/* The routing styles everywhere: a connection of each (an orthogonal one around a component in
 * its way), read back from the .plano file, drawn where the canvas draws them in PNG, PDF and
 * SVG, and handed to Excalidraw, draw.io and Mermaid in their own styles. */
static void
test_routes_everywhere (void)
{
  const char *json =
    "{\"plano\": 1, \"nodes\": ["
    "{\"id\": \"a\", \"kind\": \"kafka\", \"x\": 0, \"y\": 0},"
    "{\"id\": \"m\", \"kind\": \"spark\", \"x\": 280, \"y\": 0},"
    "{\"id\": \"b\", \"kind\": \"flink\", \"x\": 560, \"y\": 0},"
    "{\"id\": \"c\", \"kind\": \"redis\", \"x\": 0, \"y\": 300},"
    "{\"id\": \"d\", \"kind\": \"druid\", \"x\": 500, \"y\": 460},"
    "{\"id\": \"e\", \"kind\": \"app\", \"x\": 0, \"y\": 700},"
    "{\"id\": \"f\", \"kind\": \"api\", \"x\": 500, \"y\": 800}],"
    "\"edges\": ["
    "{\"id\": \"ortho\", \"from\": \"a\", \"to\": \"b\"},"
    "{\"id\": \"curve\", \"from\": \"c\", \"to\": \"d\", \"route\": \"curved\"},"
    "{\"id\": \"line\", \"from\": \"e\", \"to\": \"f\", \"route\": \"straight\"}],"
    "\"props\": {\"route\": \"orthogonal\"}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) read = plano_format_read (json, strlen (json), NULL, &error);
  g_autofree char *written = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoRenderer) renderer = NULL;
  g_autoptr(GPtrArray) route = NULL;
  g_autoptr(GPtrArray) curve = NULL;
  g_autofree char *dir = temp_dir ();
  PlanoPoint detour, through, curve_middle, chord_quarter;
  PlanoRect area, box;
  guint longest = 0;
  double length = 0;

  /* Through the file and back. */
  g_assert_no_error (error);
  written = plano_format_write (read, NULL);
  board = plano_format_read (written, strlen (written), NULL, &error);
  g_assert_no_error (error);
  renderer = plano_renderer_new (board);
  g_assert_cmpint (plano_renderer_get_edge_route (renderer, "ortho"), ==, PLANO_ROUTE_ORTHOGONAL);
  g_assert_cmpint (plano_renderer_get_edge_route (renderer, "curve"), ==, PLANO_ROUTE_CURVED);
  g_assert_cmpint (plano_renderer_get_edge_route (renderer, "line"), ==, PLANO_ROUTE_STRAIGHT);
  g_assert_true (plano_export_get_area (renderer, &area));

  /* The telling places: the middle of the longest segment of the detour, and where a straight
   * line would have crossed the component in the way; the middle of the curve, and a place on
   * the chord it bends away from. */
  route = plano_renderer_get_edge_points (renderer, "ortho");
  g_assert_cmpuint (route->len, >=, 4);
  for (guint i = 1; i < route->len; i++)
    {
      const PlanoPoint *p = g_ptr_array_index (route, i - 1), *q = g_ptr_array_index (route, i);
      double l = hypot (q->x - p->x, q->y - p->y);

      if (l > length)
        length = l, longest = i;
    }
  {
    const PlanoPoint *p = g_ptr_array_index (route, longest - 1), *q = g_ptr_array_index (route, longest);

    detour = (PlanoPoint) { (p->x + q->x) / 2, (p->y + q->y) / 2 };
  }
  g_assert_true (plano_renderer_get_drawn_bounds (renderer, "m", &box));
  g_assert_false (plano_rect_contains (&box, detour.x, detour.y));
  through = (PlanoPoint) { box.x + box.w + 10, box.y + box.h / 2 };
  g_assert_true (plano_renderer_get_edge_middle (renderer, "curve", &curve_middle));
  curve = plano_renderer_get_edge_points (renderer, "curve");
  g_assert_cmpuint (curve->len, ==, 2);
  /* An S between level sides passes through the chord's middle, but not a quarter along it. */
  chord_quarter = (PlanoPoint) {
    (3 * ((PlanoPoint *) g_ptr_array_index (curve, 0))->x + ((PlanoPoint *) g_ptr_array_index (curve, 1))->x) / 4,
    (3 * ((PlanoPoint *) g_ptr_array_index (curve, 0))->y + ((PlanoPoint *) g_ptr_array_index (curve, 1))->y) / 4,
  };

  /* PNG */
  {
    g_autofree char *png = export_file (board, dir, "routes.png", PLANO_EXPORT_PNG);
    cairo_surface_t *image = cairo_image_surface_create_from_png (png);

    check_routes_drawn (image, &area, detour, through, curve_middle, chord_quarter);
    cairo_surface_destroy (image);
  }

  /* PDF, as poppler draws it at one pixel a canvas unit. */
  {
    g_autofree char *pdf = export_file (board, dir, "routes.pdf", PLANO_EXPORT_PDF);
    g_autofree char *pdftoppm = find_reader ("pdftoppm");

    if (pdftoppm != NULL)
      {
        g_autofree char *prefix = g_build_filename (dir, "routes-pdf", NULL);
        g_autofree char *png = g_strconcat (prefix, ".png", NULL);
        cairo_surface_t *image;

        g_free (run ((const char *[]) { pdftoppm, "-r", "96", "-png", "-singlefile", pdf, prefix, NULL }, NULL));
        image = cairo_image_surface_create_from_png (png);
        check_routes_drawn (image, &area, detour, through, curve_middle, chord_quarter);
        cairo_surface_destroy (image);
      }
  }

  /* SVG: a path of straight segments at right angles, one with Bézier segments, one line; and
   * as librsvg draws it. */
  {
    g_autofree char *svg = export_file (board, dir, "routes.svg", PLANO_EXPORT_SVG);
    g_autofree char *text = read_text (svg);
    g_autofree char *rsvg = find_reader ("rsvg-convert");
    const char *ids[] = { "ortho", "curve", "line" };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autofree char *opening = g_strdup_printf ("<g id=\"%s\">", ids[i]);
        const char *path = strstr (strstr (text, opening), "<path d=\"") + strlen ("<path d=\"");
        g_autofree char *d = g_strndup (path, strchr (path, '"') - path);

        g_test_message ("%s: %s", ids[i], d);
        g_assert_true ((strchr (d, 'C') != NULL) == (i == 1));
        if (i == 0)
          {
            g_auto(GStrv) steps = g_regex_split_simple ("[ML]", d, 0, 0);
            double x = NAN, y = NAN;
            guint n = 0;

            for (guint s = 0; steps[s] != NULL; s++)
              {
                double nx, ny;

                if (sscanf (steps[s], "%lf %lf", &nx, &ny) != 2)
                  continue;
                g_assert_true (isnan (x) || nx == x || ny == y);
                x = nx, y = ny, n++;
              }
            g_assert_cmpuint (n, ==, route->len);
          }
      }

    if (rsvg != NULL)
      {
        g_autofree char *png = g_build_filename (dir, "routes-svg.png", NULL);
        cairo_surface_t *image;

        g_free (run ((const char *[]) { rsvg, "-o", png, svg, NULL }, NULL));
        image = cairo_image_surface_create_from_png (png);
        check_routes_drawn (image, &area, detour, through, curve_middle, chord_quarter);
        cairo_surface_destroy (image);
      }
  }

  /* Excalidraw: an elbow arrow through the same corners, bound at the same points; a curved
   * arrow through the curve's middle; a straight one. */
  {
    g_autofree char *path = export_file (board, dir, "routes.excalidraw", PLANO_EXPORT_EXCALIDRAW);
    g_autofree char *text = read_text (path);
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *elements;
    JsonObject *ortho, *curved, *line;
    JsonArray *points;
    ExcalidrawCounts counts;

    check_excalidraw (text, &counts);
    g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
    elements = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "elements");
    ortho = find_element (elements, "ortho");
    curved = find_element (elements, "curve");
    line = find_element (elements, "line");

    g_assert_true (json_object_get_boolean_member (ortho, "elbowed"));
    g_assert_true (json_object_get_null_member (ortho, "roundness"));
    points = json_object_get_array_member (ortho, "points");
    g_assert_cmpuint (json_array_get_length (points), ==, route->len);
    for (guint i = 0; i < route->len; i++)
      {
        JsonArray *xy = json_array_get_array_element (points, i);
        const PlanoPoint *p = g_ptr_array_index (route, i);

        g_assert_cmpfloat (fabs (json_object_get_double_member (ortho, "x") + json_array_get_double_element (xy, 0) - p->x), <, 0.01);
        g_assert_cmpfloat (fabs (json_object_get_double_member (ortho, "y") + json_array_get_double_element (xy, 1) - p->y), <, 0.01);
      }
    g_assert_true (json_object_has_member (member_object (ortho, "startBinding"), "fixedPoint"));
    g_assert_cmpfloat (json_array_get_double_element (json_object_get_array_member (member_object (ortho, "startBinding"), "fixedPoint"), 0), ==, 1);

    g_assert_false (json_object_get_boolean_member (curved, "elbowed"));
    g_assert_cmpint (json_object_get_int_member (member_object (curved, "roundness"), "type"), ==, 2);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (curved, "points")), ==, 3);

    g_assert_false (json_object_get_boolean_member (line, "elbowed"));
    g_assert_true (json_object_get_null_member (line, "roundness"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (line, "points")), ==, 2);
  }

  /* draw.io: its orthogonal style through the same corners, its curved style, no style; each
   * from the port it has on the canvas. */
  {
    g_autofree char *path = export_file (board, dir, "routes.drawio", PLANO_EXPORT_DRAWIO);
    g_autofree char *text = read_text (path);
    const char *ortho = strstr (text, "<mxCell id=\"ortho\"");
    const char *curved = strstr (text, "<mxCell id=\"curve\"");
    const char *line = strstr (text, "<mxCell id=\"line\"");
    g_autofree char *ortho_cell = g_strndup (ortho, strstr (ortho, "</mxCell>") - ortho);
    guint n_points = 0;
    DrawioCheck check;

    check_drawio (text, &check);
    drawio_check_clear (&check);
    g_assert_nonnull (strstr (ortho_cell, "edgeStyle=orthogonalEdgeStyle;"));
    g_assert_nonnull (strstr (ortho_cell, "exitX=1;exitY=0.5;"));
    g_assert_nonnull (strstr (ortho_cell, "entryX=0;entryY=0.5;"));
    for (const char *p = ortho_cell; (p = strstr (p, "<mxPoint")) != NULL; p++)
      n_points++;
    g_assert_cmpuint (n_points, ==, route->len - 2);
    g_assert_true (g_str_has_prefix (strstr (curved, "style=\""), "style=\"edgeStyle=orthogonalEdgeStyle;curved=1;"));
    g_assert_true (g_str_has_prefix (strstr (line, "style=\""), "style=\"edgeStyle=none;"));
  }

  /* Mermaid draws every link alike: one of each style, so the board's. */
  {
    g_autofree char *path = export_file (board, dir, "routes.mmd", PLANO_EXPORT_MERMAID);
    g_autofree char *text = read_text (path);

    g_assert_true (g_str_has_prefix (text, "---\nconfig:\n  flowchart:\n    curve: step\n---\nflowchart LR\n"));
    parse_mermaid (path);
  }

  plano_test_remove_tree (dir);
}

/* The realtime template, with a title added as a text item, in Excalidraw and draw.io: every
 * component, zone, connection, note and text is there, connections bound to both ends,
 * components inside their zone's frame or container. */
static void
test_interop_structure (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("realtime.plano");
  PlanoExportOptions options = { PLANO_EXPORT_EXCALIDRAW, 1, FALSE, PLANO_THEME_LIGHT };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) excalidraw = NULL;
  g_autoptr(GBytes) drawio = NULL;
  g_autofree char *text = NULL;
  PlanoText *title = (PlanoText *) plano_item_new (PLANO_ITEM_TEXT, "board-title");
  guint n_nodes, n_edges, n_zones, n_notes, n_texts;
  ExcalidrawCounts counts;
  DrawioCheck check;

  title->text = g_strdup ("Real-time analytics");
  title->size = g_strdup ("large");
  title->x = 40;
  title->y = -80;
  title->w = 300;
  title->h = 32;
  g_assert_true (plano_board_add_item (board, (PlanoItem *) title, &error));
  g_assert_no_error (error);
  n_nodes = plano_board_get_n_items (board, PLANO_ITEM_NODE);
  n_edges = plano_board_get_n_items (board, PLANO_ITEM_EDGE);
  n_zones = plano_board_get_n_items (board, PLANO_ITEM_ZONE);
  n_notes = plano_board_get_n_items (board, PLANO_ITEM_NOTE);
  n_texts = plano_board_get_n_items (board, PLANO_ITEM_TEXT);
  g_assert_cmpuint (n_texts, ==, 1);

  excalidraw = plano_export_to_bytes (board, &options, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (excalidraw, NULL), g_bytes_get_size (excalidraw));
  check_excalidraw (text, &counts);
  g_assert_cmpuint (counts.arrows, ==, n_edges);
  g_assert_cmpuint (counts.bound_arrows, ==, 2 * n_edges);
  g_assert_cmpuint (counts.rectangles + counts.frames, ==, n_nodes + n_zones + n_notes);
  g_assert_cmpuint (counts.free_texts, ==, n_texts);
  g_assert_nonnull (strstr (text, "\"id\" : \"board-title\",\n      \"type\" : \"text\""));
  g_assert_cmpuint (counts.frames, >, 0);
  g_assert_nonnull (strstr (text, "\"frameId\" : \"sources\""));

  options.format = PLANO_EXPORT_DRAWIO;
  drawio = plano_export_to_bytes (board, &options, &error);
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = g_strndup (g_bytes_get_data (drawio, NULL), g_bytes_get_size (drawio));
  check_drawio (text, &check);
  g_assert_cmpuint (check.n_vertices, ==, n_nodes + n_zones + n_notes + n_texts);
  g_assert_cmpuint (check.n_containers, ==, n_zones);
  g_assert_cmpuint (check.n_texts, ==, n_texts);
  g_assert_cmpstr (g_hash_table_lookup (check.texts, "board-title"), ==, "Real-time analytics");
  g_assert_cmpuint (check.n_edges, >=, n_edges);
  drawio_check_clear (&check);
  g_assert_nonnull (strstr (text, "<mxCell id=\"apps\" parent=\"sources\""));
}

/* XML 1.0 has no way to write most controls nor U+FFFE: they are dropped or replaced. */
static void
test_xml_escape (void)
{
  g_autofree char *escaped = plano_xml_escape ("a\x01<b>\t&\"\n\xef\xbf\xbe\xef\xbf\xbf'", -1);
  g_autoptr(GString) attribute = g_string_new (NULL);

  g_assert_cmpstr (escaped, ==, "a&lt;b&gt;\t&amp;&quot;\n\xef\xbf\xbd\xef\xbf\xbd&apos;");
  plano_xml_append_attribute (attribute, "one\ntwo\x1f");
  g_assert_cmpstr (attribute->str, ==, "one&#10;two");
}

/* Mermaid by its own rules: a title with accents (C's octal escapes refused every Spanish
 * template), empty labels, ids that are mermaid's keywords. */
static void
test_mermaid_escapes (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autofree char *a = g_strdup (plano_board_add_node (board, "kafka", 0, 0)->item.id);
  g_autofree char *b = g_strdup (plano_board_add_node (board, "flink", 300, 0)->item.id);
  g_autofree char *mermaid = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "escapes.mmd", NULL);

  plano_board_set_title (board, "Pipeline de analítica en tiempo real \\ \"ya\"");
  plano_board_set_label (board, a, "");
  plano_board_set_label (board, b, "<b>&amp; `x` #1</b>");
  plano_board_add_edge (board, a, b, NULL, NULL);
  mermaid = plano_notes_to_mermaid (board);

  g_assert_true (g_str_has_prefix (mermaid, "---\ntitle: \"Pipeline de analítica en tiempo real \\\\ \\\"ya\\\"\"\n"
                                            "config:\n  flowchart:\n    curve: linear\n---\n"));
  g_assert_nonnull (strstr (mermaid, "[\"Kafka\"]"));
  g_assert_nonnull (strstr (mermaid, "[\"#lt;b#gt;#amp;amp; #96;x#96; #35;1#lt;/b#gt;\"]"));
  g_test_message ("%s", mermaid);
  g_assert_null (strstr (mermaid, "[\"\"]"));

  g_assert_true (g_file_set_contents (path, mermaid, -1, NULL));
  parse_mermaid (path);
  plano_test_remove_tree (dir);
}

/* A title on one line wherever a format shows it so: its controls (C0, DEL, C1) dropped, a tab
 * and a line break a space each, U+FFFE as U+FFFD; in Mermaid's front matter, the PDF's and the
 * study sheet's metadata, the notes' heading and draw.io's page name. */
static void
test_title_one_line (void)
{
  static const char title[] = "  Plan\tA\x01\x7f\xc2\x85\r\nB \xef\xbf\xbe\n";
  static const char line[] = "Plan A B \xef\xbf\xbd";
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdfinfo = find_reader ("pdfinfo");
  g_autofree char *one = plano_text_one_line (title);

  g_assert_cmpstr (one, ==, line);
  plano_board_set_title (board, title);
  plano_board_add_node (board, "kafka", 0, 0);

  {
    g_autofree char *path = export_file (board, dir, "title.mmd", PLANO_EXPORT_MERMAID);
    g_autofree char *text = read_text (path);
    g_autofree char *expected = g_strdup_printf ("---\ntitle: \"%s\"\nconfig:\n", line);

    g_assert_true (g_str_has_prefix (text, expected));
    parse_mermaid (path);
  }
  {
    g_autofree char *path = export_file (board, dir, "title.md", PLANO_EXPORT_MARKDOWN);
    g_autofree char *text = read_text (path);
    g_autofree char *expected = g_strdup_printf ("# %s\n\n", line);

    g_assert_true (g_str_has_prefix (text, expected));
  }
  {
    g_autofree char *path = export_file (board, dir, "title.drawio", PLANO_EXPORT_DRAWIO);
    g_autofree char *text = read_text (path);
    g_autofree char *expected = g_strdup_printf ("<diagram id=\"plano\" name=\"%s\">", line);

    g_assert_nonnull (strstr (text, expected));
  }
  for (guint sheet = 0; sheet < 2 && pdfinfo != NULL; sheet++)
    {
      g_autofree char *path = export_file (board, dir, sheet ? "title-sheet.pdf" : "title.pdf",
                                           sheet ? PLANO_EXPORT_SHEET : PLANO_EXPORT_PDF);
      g_autofree char *info = run ((const char *[]) { pdfinfo, "-enc", "UTF-8", path, NULL }, NULL);
      g_autofree char *expected = g_strdup_printf ("\nTitle:           %s\n", line);

      g_test_message ("%s", info);
      g_assert_true (g_str_has_prefix (info, expected + 1));
    }

  plano_test_remove_tree (dir);
}

/* Which pixels of two same-sized images differ: text drawn into one and not the other. */
static guint8 *
ink_mask (cairo_surface_t *with,
          cairo_surface_t *without)
{
  int width = cairo_image_surface_get_width (with);
  int height = cairo_image_surface_get_height (with);
  guint8 *mask = g_new0 (guint8, width * height);

  g_assert_cmpint (cairo_image_surface_get_width (without), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (without), ==, height);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = ((guint32 *) (cairo_image_surface_get_data (with) + y * cairo_image_surface_get_stride (with)))[x];
        guint32 q = ((guint32 *) (cairo_image_surface_get_data (without) + y * cairo_image_surface_get_stride (without)))[x];
        int d = 0;

        for (int shift = 0; shift < 32; shift += 8)
          d = MAX (d, ABS ((int) (p >> shift & 0xff) - (int) (q >> shift & 0xff)));
        mask[y * width + x] = d > 48;
      }
  return mask;
}

static cairo_surface_t *
rsvg_render (const char         *rsvg,
             const char         *svg,
             const char * const *envp)
{
  g_autofree char *png = g_strconcat (svg, ".png", NULL);
  cairo_surface_t *image;

  g_free (run ((const char *[]) { rsvg, "-o", png, svg, NULL }, envp));
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_unlink (png);
  return image;
}

/* Without Cantarell (a fontconfig that knows only DejaVu, wider by a sixth), librsvg draws the
 * SVG's text in a wider face and ignores textLength: still no text crosses the box it belongs
 * to, card, note, zone or label pill, as the renderer laid them out; and every label shows. */
static void
test_svg_without_cantarell (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("corpus.plano");
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  g_autofree char *rsvg = find_reader ("rsvg-convert");
  g_autofree char *dir = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *svg_path = NULL;
  g_autofree char *bare_path = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *bare = NULL;
  g_autofree guint8 *mask = NULL;
  g_autoptr(GRegex) texts = NULL;
  g_autoptr(GPtrArray) boxes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_auto(GStrv) envp = NULL;
  PlanoExportOptions options = { PLANO_EXPORT_SVG, 1, FALSE, PLANO_THEME_LIGHT };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *with, *without;
  PlanoRect area;
  guint outside = 0;
  int width, height;

  if (rsvg == NULL)
    return;
  if (!g_file_test ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("DejaVu Sans is not installed (fonts-dejavu-core)");
      return;
    }

  dir = temp_dir ();
  cache = g_build_filename (dir, "cache", NULL);
  config = g_build_filename (dir, "fonts.conf", NULL);
  {
    g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                                             "<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>"
                                             "<cachedir>%s</cachedir></fontconfig>\n", cache);

    g_assert_true (g_file_set_contents (config, text, -1, NULL));
  }
  envp = g_environ_setenv (g_get_environ (), "FONTCONFIG_FILE", config, TRUE);

  bytes = plano_export_to_bytes (board, &options, &error);
  g_assert_no_error (error);
  svg = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* Every line carries its width for the readers that honour it; Cantarell first. */
  {
    g_autoptr(GRegex) tspan = g_regex_new ("<tspan [^>]*>", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    guint n = 0;

    for (g_regex_match (tspan, svg, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
      {
        g_autofree char *tag = g_match_info_fetch (match, 0);

        g_assert_true (g_regex_match_simple ("textLength=\"[0-9.]+\" lengthAdjust=\"spacingAndGlyphs\"", tag, 0, 0));
        n++;
      }
    g_assert_cmpuint (n, >, 20);
    g_assert_nonnull (strstr (svg, "<text font-family=\"Cantarell, "));
  }

  /* The same picture without its text. */
  texts = g_regex_new ("<text [^>]*>.*?</text>", G_REGEX_DOTALL, 0, NULL);
  bare = g_regex_replace_literal (texts, svg, -1, 0, "", 0, &error);
  g_assert_no_error (error);
  svg_path = g_build_filename (dir, "text.svg", NULL);
  bare_path = g_build_filename (dir, "bare.svg", NULL);
  g_assert_true (g_file_set_contents (svg_path, svg, -1, NULL));
  g_assert_true (g_file_set_contents (bare_path, bare, -1, NULL));
  with = rsvg_render (rsvg, svg_path, (const char * const *) envp);
  without = rsvg_render (rsvg, bare_path, (const char * const *) envp);
  mask = ink_mask (with, without);
  width = cairo_image_surface_get_width (with);
  height = cairo_image_surface_get_height (with);
  g_assert_true (plano_export_get_area (renderer, &area));
  g_assert_cmpfloat (width, ==, area.w);

  for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
    for (guint i = 0; i < plano_board_get_n_items (board, t); i++)
      {
        const PlanoItem *item = plano_board_get_item (board, t, i);
        PlanoRect box;

        if (plano_renderer_get_text_box (renderer, item->id, &box))
          {
            /* Antialiasing reaches a pixel past the edge. */
            plano_rect_inflate (&box, 1);
            g_ptr_array_add (boxes, g_memdup2 (&box, sizeof box));
            g_ptr_array_add (owners, (gpointer) item);
          }
      }

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        gboolean inside = FALSE;

        if (!mask[y * width + x])
          continue;
        for (guint b = 0; b < boxes->len && !inside; b++)
          inside = plano_rect_contains (g_ptr_array_index (boxes, b), area.x + x + 0.5, area.y + y + 0.5);
        if (!inside)
          {
            if (outside < 10)
              g_test_message ("text at %g, %g is in no box", area.x + x, area.y + y);
            outside++;
          }
      }
  g_assert_cmpuint (outside, ==, 0);

  /* Each item with text shows some: nothing was cut away whole. */
  for (guint b = 0; b < boxes->len; b++)
    {
      const PlanoItem *item = g_ptr_array_index (owners, b);
      const PlanoRect *box = g_ptr_array_index (boxes, b);
      guint ink = 0;

      for (int y = MAX (0, (int) (box->y - area.y)); y < MIN (height, (int) (box->y + box->h - area.y)); y++)
        for (int x = MAX (0, (int) (box->x - area.x)); x < MIN (width, (int) (box->x + box->w - area.x)); x++)
          ink += mask[y * width + x];
      g_test_message ("%s: %u pixels of text", item->id, ink);
      if (g_str_equal (item->id, "apps") || g_str_equal (item->id, "rtl") || g_str_equal (item->id, "long") ||
          g_str_equal (item->id, "e1") || g_str_equal (item->id, "n1") || g_str_equal (item->id, "sources"))
        g_assert_cmpuint (ink, >, 60);
    }

  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
  g_unlink (svg_path);
  g_unlink (bare_path);
  g_unlink (config);
  {
    g_autoptr(GDir) d = g_dir_open (cache, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (cache, name, NULL);

        g_unlink (path);
      }
    g_rmdir (cache);
  }
  plano_test_remove_tree (dir);
}

/* The study sheet on A4 and on US Letter; trade-offs stacked, not in seven narrow columns;
 * a board of Latin text in one family, the diagram's (pdffonts lists Cantarell only). */
static void
test_sheet_paper (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("realtime.plano");
  g_autofree char *pdfinfo = find_reader ("pdfinfo");
  g_autofree char *pdftotext = find_reader ("pdftotext");
  g_autofree char *pdffonts = find_reader ("pdffonts");
  g_autofree char *dir = temp_dir ();
  static const PlanoPaper papers[] = { PLANO_PAPER_A4, PLANO_PAPER_LETTER };
  static const char *sizes[] = { "595 x 842 pts (A4)", "612 x 792 pts (letter)" };

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      PlanoExportOptions options = { PLANO_EXPORT_SHEET, 1, FALSE, PLANO_THEME_LIGHT, NULL, papers[i] };
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (dir, "sheet.pdf", NULL);

      g_assert_true (plano_export_to_file (board, path, &options, &error));
      g_assert_no_error (error);
      if (pdfinfo != NULL)
        {
          g_autofree char *info = run ((const char *[]) { pdfinfo, path, NULL }, NULL);

          g_assert_nonnull (strstr (info, sizes[i]));
        }
      if (pdftotext != NULL)
        {
          g_autofree char *text = run ((const char *[]) { pdftotext, "-enc", "UTF-8", path, "-", NULL }, NULL);

          g_assert_nonnull (strstr (text, "\nAlternatives: RabbitMQ; Kinesis\n"));
          g_assert_null (strstr (text, "Alternativ-"));
        }
      if (pdffonts != NULL)
        {
          g_autofree char *out = run ((const char *[]) { pdffonts, path, NULL }, NULL);
          g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
          guint n_fonts = 0;

          /* After the two heading lines, one a font: "ABCDEF+Cantarell-Bold  Type 1C …". cairo
           * 1.18 names an instance of a variable font, as Debian 13's Cantarell is,
           * "ABCDEF+CairoFont-N-M" instead of by its family; a font of another family (DejaVu,
           * which is not variable) is still named by its own. */
          for (guint l = 2; lines[l] != NULL; l++)
            if (lines[l][0] != '\0')
              {
                g_test_message ("%s", lines[l]);
                g_assert_true (g_regex_match_simple ("^([A-Z]{6}\\+)?(Cantarell|CairoFont)-[A-Za-z0-9-]+ ", lines[l], 0, 0));
                n_fonts++;
              }
          g_assert_cmpuint (n_fonts, >=, 2);
        }
      g_unlink (path);
    }
  plano_test_remove_tree (dir);
}

/* The paper the study sheet takes from the locale: A4 in a Spanish user's (tests/locales), US
 * Letter in en_US's. en_US is compiled by localedef into a folder of the test's own, found
 * through LOCPATH, so that the system needs no locale but those the tests already have. */
static void
test_sheet_locale_paper (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("realtime.plano");
  g_autofree char *pdfinfo = find_reader ("pdfinfo");
  g_autofree char *localedef = find_reader ("localedef");
  g_autofree char *dir = temp_dir ();
  g_autofree char *locales = g_build_filename (dir, "locales", NULL);
  g_autofree char *en_us = g_build_filename (locales, "en_US.UTF-8", NULL);
  static const struct { const char *locale; const char *size; } cases[] = {
    { NULL, "595 x 842 pts (A4)" },             /* the Spanish user's locale */
    { "en_US.UTF-8", "612 x 792 pts (letter)" },
    { "C", "595 x 842 pts (A4)" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (pdfinfo == NULL || localedef == NULL)
    return;
  g_assert_cmpint (g_mkdir (locales, 0700), ==, 0);
  g_spawn_sync (NULL, (char **) (const char *[]) { localedef, "-i", "en_US", "-f", "UTF-8", en_us, NULL }, NULL,
                G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("localedef cannot compile en_US (the locales package has its sources): %s", err);
      g_test_skip_printf ("localedef cannot compile en_US: %s", err);
      plano_test_remove_tree (dir);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PlanoExportOptions options = { PLANO_EXPORT_SHEET, 1, FALSE, PLANO_THEME_LIGHT, NULL, PLANO_PAPER_FROM_LOCALE };
      g_autofree char *path = g_build_filename (dir, "sheet.pdf", NULL);
      g_autofree char *info = NULL;

      if (cases[i].locale == NULL)
        g_assert_nonnull (setlocale (LC_PAPER, plano_test_locale ("es")));
      else
        {
          /* glibc reads LOCPATH at each setlocale (). */
          g_setenv ("LOCPATH", locales, TRUE);
          g_assert_nonnull (setlocale (LC_PAPER, cases[i].locale));
        }
      g_assert_true (plano_export_to_file (board, path, &options, &error));
      g_assert_no_error (error);
      info = run ((const char *[]) { pdfinfo, path, NULL }, NULL);
      g_test_message ("%s: %s", cases[i].locale != NULL ? cases[i].locale : plano_test_locale ("es"), cases[i].size);
      g_assert_nonnull (strstr (info, cases[i].size));
      g_unlink (path);
    }

  g_unsetenv ("LOCPATH");
  setlocale (LC_PAPER, "C");
  plano_test_remove_tree (dir);
}

static const char gold_zone[] = "{ \"plano\": 1, \"zones\": [ { \"id\": \"z\", \"label\": \"Gold tier\", "
                                "\"x\": 0, \"y\": 0, \"w\": 400, \"h\": 200, \"kind\": \"gold\" } ], "
                                "\"texts\": [ { \"id\": \"t\", \"text\": \"Serving layer\", "
                                "\"x\": 0, \"y\": 240, \"w\": 200, \"h\": 24 } ] }";

/* How many pixels of @image in the canvas rectangle @r are opaque (alpha of 200 or more), of
 * how many; @area is the exported part of the board. */
static guint
count_opaque (cairo_surface_t *image,
              const PlanoRect *area,
              PlanoRect        r,
              guint           *total)
{
  guint opaque = 0;

  *total = 0;
  cairo_surface_flush (image);
  for (int y = (int) (r.y - area->y); y < (int) (r.y + r.h - area->y); y++)
    for (int x = (int) (r.x - area->x); x < (int) (r.x + r.w - area->x); x++)
      {
        guint32 p = ((guint32 *) (cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image)))[x];

        opaque += (p >> 24) >= 200;
        (*total)++;
      }
  return opaque;
}

/* A transparent PNG gives zone titles and text items a plate, so that they read on a dark page
 * too; the page around them stays transparent. */
static void
test_png_plates (void)
{
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoRenderer) renderer = NULL;
  PlanoExportOptions options = { PLANO_EXPORT_PNG, 1, TRUE, PLANO_THEME_LIGHT };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plates.png", NULL);
  cairo_surface_t *image;
  PlanoRect area, text;
  guint opaque, total;

  board = plano_format_read (gold_zone, strlen (gold_zone), NULL, &error);
  g_assert_no_error (error);
  renderer = plano_renderer_new (board);
  g_assert_true (plano_export_get_area (renderer, &area));
  g_assert_true (plano_renderer_get_drawn_bounds (renderer, "t", &text));
  bytes = plano_export_to_bytes (board, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);

  /* Around the title (right of the medal, 11 units down). */
  opaque = count_opaque (image, &area, (PlanoRect) { 34, 12, 56, 14 }, &total);
  g_test_message ("%u of %u pixels behind the title are opaque", opaque, total);
  g_assert_cmpuint (opaque, ==, total);

  /* Behind the text item's first words, between the letters too. */
  opaque = count_opaque (image, &area, (PlanoRect) { text.x + 1, text.y + 2, 80, text.h - 4 }, &total);
  g_test_message ("%u of %u pixels behind the text are opaque", opaque, total);
  g_assert_cmpuint (total, >, 1000);
  g_assert_cmpuint (opaque, ==, total);

  /* Past the plate, under the text, the page shows through. */
  opaque = count_opaque (image, &area, (PlanoRect) { text.x, text.y + text.h + 4, 80, 8 }, &total);
  g_assert_cmpuint (opaque, ==, 0);

  cairo_surface_destroy (image);
  g_unlink (path);
  plano_test_remove_tree (dir);
}

/* A label's own newlines do not take it past its card: a component's, and a connection's
 * label past its pill's two lines. Below the card the image is the background. */
static void
test_newline_labels (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autofree char *id = g_strdup (plano_board_add_node (board, "kafka", 0, 0)->item.id);
  PlanoExportOptions options = { PLANO_EXPORT_PNG, 1, FALSE, PLANO_THEME_LIGHT };
  g_autoptr(PlanoRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "lines.png", NULL);
  cairo_surface_t *image;
  PlanoRect card, area;
  guint ink = 0;

  plano_board_set_label (board, id, "one\ntwo\nthree\nfour\nfive\nsix\nseven");
  renderer = plano_renderer_new (board);
  g_assert_true (plano_renderer_get_text_box (renderer, id, &card));
  g_assert_true (plano_export_get_area (renderer, &area));
  bytes = plano_export_to_bytes (board, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);

  for (int y = (int) (card.y + card.h - area.y) + 2; y < cairo_image_surface_get_height (image); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      {
        guint32 p = ((guint32 *) (cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image)))[x];

        ink += (p & 0xffffff) != 0xfafafa;
      }
  g_assert_cmpuint (ink, ==, 0);

  cairo_surface_destroy (image);
  g_unlink (path);
  plano_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/interop/xml-escape", test_xml_escape);
  g_test_add_func ("/plano/interop/mermaid-escapes", test_mermaid_escapes);
  g_test_add_func ("/plano/interop/title-one-line", test_title_one_line);
  g_test_add_func ("/plano/interop/corpus", test_corpus);
  g_test_add_func ("/plano/interop/structure", test_interop_structure);
  g_test_add_func ("/plano/interop/routes-everywhere", test_routes_everywhere);
  g_test_add_func ("/plano/interop/svg-without-cantarell", test_svg_without_cantarell);
  g_test_add_func ("/plano/interop/sheet-paper", test_sheet_paper);
  g_test_add_func ("/plano/interop/sheet-locale-paper", test_sheet_locale_paper);
  g_test_add_func ("/plano/interop/png-plates", test_png_plates);
  g_test_add_func ("/plano/interop/newline-labels", test_newline_labels);

  return g_test_run ();
}
