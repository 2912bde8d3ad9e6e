/* test-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <signal.h>
#include <sys/resource.h>

#include "plano-board.h"
#include "plano-format.h"
#include "plano-test-core.h"

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static PlanoBoard *
read_string (const char  *json,
             GError     **error)
{
  return plano_format_read (json, strlen (json), NULL, error);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("plano-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* The example of FORMAT.md reads into the board it describes. */
static void
test_read_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *json = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  const PlanoNode *kafka;
  const PlanoEdge *edge;
  const PlanoTradeoff *tradeoff;
  double value = 0;
  gsize length;

  json = read_fixture ("example.plano", &length);
  board = plano_format_read (json, length, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (board);
  g_assert_cmpuint (warnings->len, ==, 0);

  g_assert_cmpstr (plano_board_get_title (board), ==, "Clickstream");
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_NODE), ==, 3);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_EDGE), ==, 2);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_TRADEOFF), ==, 1);

  kafka = plano_board_lookup_node (board, "kafka");
  g_assert_nonnull (kafka);
  g_assert_cmpfloat (kafka->x, ==, 260);
  g_assert_false (kafka->has_size);
  g_assert_cmpfloat (kafka->w, >, 0);
  g_assert_true (plano_props_get_number (kafka->props, "partitions", &value));
  g_assert_cmpfloat (value, ==, 12);

  g_assert_cmpstr (plano_board_get_label (board, "apps"), ==, "Mobile apps");

  edge = (const PlanoEdge *) plano_board_lookup (board, "e1");
  g_assert_cmpstr (edge->from, ==, "apps");
  g_assert_cmpstr (edge->kind, ==, "stream");
  g_assert_true (plano_props_get_number (edge->props, "rate", &value));
  g_assert_cmpfloat (value, ==, 50000);

  tradeoff = (const PlanoTradeoff *) plano_board_lookup (board, "t1");
  g_assert_cmpstr (tradeoff->target, ==, "kafka");
  g_assert_cmpstrv (tradeoff->pros, ((const char *[]) { "replay", "back-pressure", NULL }));
}

/* Written out, the example reads back the same, and writing that gives the same bytes; the
 * text is exactly what FORMAT.md asks for: member order, two-space indentation, one newline.
 */
static void
test_round_trip_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoBoard) again = NULL;
  gsize length;

  json = read_fixture ("example.plano", &length);
  board = plano_format_read (json, length, NULL, &error);
  g_assert_no_error (error);

  first = plano_format_write (board, NULL);
  expected = read_fixture ("example-written.plano", NULL);
  g_assert_cmpstr (first, ==, expected);

  again = read_string (first, &error);
  g_assert_no_error (error);
  second = plano_format_write (again, NULL);
  g_assert_cmpstr (first, ==, second);
}

static void
test_writer_rounds_coordinates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autofree char *text = NULL;

  board = read_string ("{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"kafka\", "
                       "\"x\": 10.456, \"y\": -0.001, \"w\": 100.125, \"h\": 50,"
                       "\"props\": {\"ratio\": 0.1, \"big\": 123456789012}}]}", &error);
  g_assert_no_error (error);

  text = plano_format_write (board, NULL);
  g_assert_nonnull (strstr (text, "\"x\": 10.46,\n"));
  g_assert_nonnull (strstr (text, "\"y\": 0,\n"));
  g_assert_nonnull (strstr (text, "\"w\": 100.13,\n"));
  /* Props are not coordinates: written as they are, in their shortest form. */
  g_assert_nonnull (strstr (text, "\"ratio\": 0.1,\n"));
  g_assert_nonnull (strstr (text, "\"big\": 123456789012\n"));
  g_assert_true (g_str_has_suffix (text, "}\n"));
  g_assert_false (g_str_has_suffix (text, "}\n\n"));
}

static void
test_unknown_members_ignored (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autofree char *text = NULL;

  board = read_string ("{\"plano\": 1, \"colour\": \"red\", \"nodes\": [{\"id\": \"a\", "
                       "\"kind\": \"redis\", \"x\": 1, \"y\": 2, \"shadow\": {\"deep\": [1]}}]}",
                       &error);
  g_assert_no_error (error);
  g_assert_nonnull (plano_board_lookup_node (board, "a"));

  text = plano_format_write (board, NULL);
  g_assert_null (strstr (text, "colour"));
  g_assert_null (strstr (text, "shadow"));
}

/* A kind the catalog does not know loads with a warning and is written back as it was. */
static void
test_unknown_kind_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autofree char *text = NULL;
  const char *json = "{\"plano\": 1, \"nodes\": [{\"id\": \"q\", \"kind\": \"quantum-db\", "
                     "\"x\": 0, \"y\": 0}]}";

  board = plano_format_read (json, strlen (json), &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "nodes[0].kind: "));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "quantum-db"));

  text = plano_format_write (board, NULL);
  g_assert_nonnull (strstr (text, "\"kind\": \"quantum-db\""));
}

/* Text items: the "texts" array, after the notes, with their size; a box left out is
 * estimated from the text, a size Plano does not know is kept with a warning, and an empty
 * array is not written, so that a board without text reads and writes as before. */
static void
test_texts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoBoard) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *second = NULL;
  const PlanoText *title, *remark, *odd;
  const char *json =
    "{\"plano\": 1, \"nodes\": [], "
    "\"notes\": [{\"id\": \"n\", \"text\": \"a note\", \"x\": 0, \"y\": 0}], "
    "\"texts\": [{\"id\": \"title\", \"text\": \"Ingestion\", \"x\": 10, \"y\": 20, \"w\": 140, \"h\": 32, \"size\": \"large\"}, "
    "{\"id\": \"remark\", \"text\": \"at least once\\nthen dedup\", \"x\": 0, \"y\": 100}, "
    "{\"id\": \"odd\", \"text\": \"x\", \"x\": 0, \"y\": 200, \"size\": \"huge\"}]}";

  board = plano_format_read (json, strlen (json), &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_TEXT), ==, 3);

  title = (const PlanoText *) plano_board_lookup (board, "title");
  g_assert_cmpint (title->item.type, ==, PLANO_ITEM_TEXT);
  g_assert_cmpstr (title->text, ==, "Ingestion");
  g_assert_cmpstr (title->size, ==, "large");
  g_assert_cmpfloat (plano_text_get_font_size (title), ==, 24);
  g_assert_true (plano_text_is_bold (title));
  g_assert_cmpfloat (title->w, ==, 140);
  g_assert_cmpfloat (title->h, ==, 32);

  /* Two lines at the normal size: a box about two lines tall. */
  remark = (const PlanoText *) plano_board_lookup (board, "remark");
  g_assert_null (remark->size);
  g_assert_cmpfloat (remark->w, >, 0);
  g_assert_cmpfloat (remark->h, >=, 2 * 16);
  g_assert_cmpfloat (remark->h, <, 4 * 16);

  odd = (const PlanoText *) plano_board_lookup (board, "odd");
  g_assert_cmpfloat (plano_text_get_font_size (odd), ==, 16);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "texts[2].size: "));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "huge"));

  text = plano_format_write (board, NULL);
  g_assert_nonnull (strstr (text, "  \"notes\": [\n"));
  g_assert_nonnull (strstr (text, "\n  \"texts\": [\n    {\n      \"id\": \"title\",\n      \"text\": \"Ingestion\",\n"
                                  "      \"x\": 10,\n      \"y\": 20,\n      \"w\": 140,\n      \"h\": 32,\n"
                                  "      \"size\": \"large\"\n    },\n"));
  g_assert_true (strstr (text, "\"notes\"") < strstr (text, "\"texts\""));
  g_assert_nonnull (strstr (text, "\"size\": \"huge\""));

  again = read_string (text, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    g_assert_true (plano_item_equal (plano_board_get_item (board, PLANO_ITEM_TEXT, i),
                                     plano_board_get_item (again, PLANO_ITEM_TEXT, i)));
  second = plano_format_write (again, NULL);
  g_assert_cmpstr (text, ==, second);

  /* A text item needs its text. */
  {
    const char *bad = "{\"plano\": 1, \"texts\": [{\"id\": \"t\", \"x\": 0, \"y\": 0}]}";
    g_autoptr(GError) refused = NULL;
    g_autoptr(PlanoBoard) none = plano_format_read (bad, strlen (bad), NULL, &refused);

    g_assert_null (none);
    g_assert_nonnull (refused);
    g_assert_true (g_str_has_prefix (refused->message, "texts[0].text: "));
  }
}

/* A connection's routing style and the board's are read, kept and written back where
 * docs/format.md puts them; an unknown one loads with a warning and is kept as written. */
static void
test_route_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoBoard) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  const PlanoEdge *edge;
  const PlanoProp *route;
  const char *json =
    "{\"plano\": 1, \"nodes\": ["
    "{\"id\": \"a\", \"kind\": \"kafka\", \"x\": 0, \"y\": 0},"
    "{\"id\": \"b\", \"kind\": \"flink\", \"x\": 300, \"y\": 0}],"
    "\"edges\": ["
    "{\"id\": \"e1\", \"from\": \"a\", \"to\": \"b\", \"route\": \"curved\", \"props\": {\"rate\": 5}},"
    "{\"id\": \"e2\", \"from\": \"b\", \"to\": \"a\", \"waypoints\": [[150, 100]], \"route\": \"orthogonal\"},"
    "{\"id\": \"e3\", \"from\": \"a\", \"to\": \"b\", \"route\": \"isometric\"},"
    "{\"id\": \"e4\", \"from\": \"b\", \"to\": \"a\"}],"
    "\"props\": {\"route\": \"orthogonal\"}}";

  board = plano_format_read (json, strlen (json), &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "edges[2].route: "));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "isometric"));

  edge = (const PlanoEdge *) plano_board_lookup (board, "e1");
  g_assert_cmpstr (edge->route, ==, "curved");
  g_assert_null (((const PlanoEdge *) plano_board_lookup (board, "e4"))->route);
  route = plano_props_lookup (plano_board_get_props (board), "route");
  g_assert_nonnull (route);
  g_assert_cmpstr (route->string, ==, "orthogonal");

  text = plano_format_write (board, NULL);
  g_assert_nonnull (strstr (text, "\"route\": \"curved\",\n      \"props\": {"));
  g_assert_nonnull (strstr (text, "\"waypoints\": [[150, 100]],\n      \"route\": \"orthogonal\"\n"));
  g_assert_nonnull (strstr (text, "\"route\": \"isometric\""));
  g_assert_nonnull (strstr (text, "\"props\": {\n    \"route\": \"orthogonal\"\n  }"));

  again = read_string (text, &error);
  g_assert_no_error (error);
  text_again = plano_format_write (again, NULL);
  g_assert_cmpstr (text, ==, text_again);

  /* A board's style that is no style draws straight, with a word. */
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_object (&board);
  board = plano_format_read ("{\"plano\": 1, \"props\": {\"route\": 3}}", 35, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "props.route: "));
}

/* Members Plano does not use yet are written back unchanged. */
static void
test_interview_and_view_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoBoard) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  board = read_string ("{\"plano\": 1, \"interview\": {\"step\": 2, \"paused\": true, "
                       "\"notes\": [\"a\", \"b\"], \"spent\": {\"requirements\": 312.5}}, "
                       "\"view\": {\"x\": -120.5, \"y\": 40, \"zoom\": 1.25}}", &error);
  g_assert_no_error (error);

  text = plano_format_write (board, NULL);
  g_assert_nonnull (strstr (text, "\"interview\": {\n    \"step\": 2,\n    \"paused\": true,\n"));
  g_assert_nonnull (strstr (text, "\"requirements\": 312.5"));
  g_assert_nonnull (strstr (text, "\"view\": {\n    \"x\": -120.5,\n    \"y\": 40,\n    \"zoom\": 1.25\n  }\n}\n"));

  again = read_string (text, &error);
  g_assert_no_error (error);
  text2 = plano_format_write (again, NULL);
  g_assert_cmpstr (text, ==, text2);
}

static void
test_escapes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoBoard) again = NULL;
  g_autofree char *text = NULL;
  const char *title = "Quotes \" back\\slash\nnew line\ttab \x01 ñ → 日本";

  plano_board_set_title (board, title);
  text = plano_format_write (board, NULL);
  again = read_string (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plano_board_get_title (again), ==, title);
}

typedef struct
{
  const char *name;
  const char *json;
  const char *message;   /* the error starts with this */
} Refusal;

static const Refusal refusals[] = {
  { "not-utf8", "{\"plano\": 1, \"title\": \"caf\xe9\"}", "line 1: the file is not valid UTF-8" },
  { "not-json", "{\"plano\": 1,\n \"nodes\": [", "line " },
  { "empty", "  \n", "the file is empty" },
  { "top-level-array", "[1, 2]", "the top level is not a JSON object" },
  { "version-missing", "{\"title\": \"x\"}", "plano: missing" },
  { "version-string", "{\"plano\": \"1\"}", "plano: expected an integer" },
  { "version-fraction", "{\"plano\": 1.5}", "plano: expected an integer" },
  { "version-newer", "{\"plano\": 2}", "plano: the board is format version 2, newer than this Plano reads (version 1)" },
  { "version-zero", "{\"plano\": 0}", "plano: 0 is not a format version" },
  { "nodes-not-array", "{\"plano\": 1, \"nodes\": {}}", "nodes: expected an array" },
  { "node-not-object", "{\"plano\": 1, \"nodes\": [3]}", "nodes[0]: expected an object" },
  { "title-not-string", "{\"plano\": 1, \"title\": 4}", "title: expected a string" },
  { "node-id-missing", "{\"plano\": 1, \"nodes\": [{\"kind\": \"app\", \"x\": 0, \"y\": 0}]}", "nodes[0].id: missing" },
  { "node-kind-missing", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"x\": 0, \"y\": 0}]}", "nodes[0].kind: missing" },
  { "node-x-missing", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"y\": 0}]}", "nodes[0].x: missing" },
  { "node-x-string", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0}, {\"id\": \"b\", \"kind\": \"app\", \"x\": \"7\", \"y\": 0}]}", "nodes[1].x: expected a number" },
  { "node-label-number", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0, \"label\": 5}]}", "nodes[0].label: expected a string" },
  { "node-prop-array", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0, \"props\": {\"replicas\": [3]}}]}", "nodes[0].props.replicas: expected a number, a string, true or false" },
  { "edge-to-missing", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0}], \"edges\": [{\"id\": \"e\", \"from\": \"a\"}]}", "edges[0].to: missing" },
  { "edge-waypoint-bad", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0}], \"edges\": [{\"id\": \"e\", \"from\": \"a\", \"to\": \"a\", \"waypoints\": [[1, 2], [3]]}]}", "edges[0].waypoints[1]: expected an [x, y] point" },
  { "zone-w-missing", "{\"plano\": 1, \"zones\": [{\"id\": \"z\", \"x\": 0, \"y\": 0, \"h\": 10}]}", "zones[0].w: missing" },
  { "note-text-missing", "{\"plano\": 1, \"notes\": [{\"id\": \"n\", \"x\": 0, \"y\": 0}]}", "notes[0].text: missing" },
  { "tradeoff-title-missing", "{\"plano\": 1, \"tradeoffs\": [{\"id\": \"t\"}]}", "tradeoffs[0].title: missing" },
  { "tradeoff-pros-not-strings", "{\"plano\": 1, \"tradeoffs\": [{\"id\": \"t\", \"title\": \"x\", \"pros\": [\"a\", 2]}]}", "tradeoffs[0].pros[1]: expected a string" },
  { "interview-not-object", "{\"plano\": 1, \"interview\": [1]}", "interview: expected an object" },
  { "duplicate-id", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0}], \"zones\": [{\"id\": \"a\", \"x\": 0, \"y\": 0, \"w\": 5, \"h\": 5}]}", "zones[0].id: duplicate id “a”" },
  { "invalid-id", "{\"plano\": 1, \"nodes\": [{\"id\": \"a b\", \"kind\": \"app\", \"x\": 0, \"y\": 0}]}", "nodes[0].id: “a b” is not a valid id" },
  { "id-too-long", "{\"plano\": 1, \"nodes\": [{\"id\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"kind\": \"app\", \"x\": 0, \"y\": 0}]}", "nodes[0].id: “aaaa" },
  { "edge-endpoint-missing", "{\"plano\": 1, \"nodes\": [{\"id\": \"kafka\", \"kind\": \"kafka\", \"x\": 0, \"y\": 0}], \"edges\": [{\"id\": \"e0\", \"from\": \"kafka\", \"to\": \"kafka\"}, {\"id\": \"e1\", \"from\": \"kafka\", \"to\": \"kafka\"}, {\"id\": \"e2\", \"from\": \"kafka\", \"to\": \"kafka\"}, {\"id\": \"e3\", \"from\": \"kafka\", \"to\": \"flink-9\"}]}", "edges[3].to: no item with id “flink-9”" },
  { "edge-endpoint-edge", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0}], \"edges\": [{\"id\": \"e0\", \"from\": \"e0\", \"to\": \"a\"}]}", "edges[0].from: “e0” is not a component or a zone" },
  { "number-not-finite", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 1e999, \"y\": 0}]}", "nodes[0].x: " },
  { "coordinate-out-of-range", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": -10000001}]}", "nodes[0].y: -1e+07 is out of range" },
  { "size-zero", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0, \"w\": 0, \"h\": 10}]}", "nodes[0].w: 0 is out of range" },
  { "size-too-big", "{\"plano\": 1, \"zones\": [{\"id\": \"z\", \"x\": 0, \"y\": 0, \"w\": 10, \"h\": 100001}]}", "zones[0].h: 100001 is out of range" },
  { "waypoint-out-of-range", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0}], \"edges\": [{\"id\": \"e\", \"from\": \"a\", \"to\": \"a\", \"waypoints\": [[1, 2e8]]}]}", "edges[0].waypoints[0][1]: " },
};

static void
test_refusal (gconstpointer data)
{
  const Refusal *refusal = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;

  board = read_string (refusal->json, &error);
  g_assert_null (board);
  g_assert_true (error->domain == PLANO_FORMAT_ERROR);
  if (!g_str_has_prefix (error->message, refusal->message))
    g_error ("expected an error starting “%s”, got “%s”", refusal->message, error->message);
}

static void
test_refuse_long_string (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(GString) json = g_string_new ("{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", "
                                          "\"x\": 0, \"y\": 0, \"label\": \"");

  for (guint i = 0; i < 100001; i++)
    g_string_append_c (json, 'x');
  g_string_append (json, "\"}]}");

  board = plano_format_read (json->str, json->len, NULL, &error);
  g_assert_null (board);
  g_assert_cmpstr (error->message, ==, "nodes[0].label: string longer than 100000 characters");

  /* 100 000 characters of three bytes each are still fine. */
  g_clear_error (&error);
  g_string_assign (json, "{\"plano\": 1, \"title\": \"");
  for (guint i = 0; i < 100000; i++)
    g_string_append (json, "→");
  g_string_append (json, "\"}");
  g_clear_object (&board);
  board = plano_format_read (json->str, json->len, NULL, &error);
  g_assert_no_error (error);
}

/* Deep nesting is refused before parsing, with the line where it passes 64 levels. */
static void
test_refuse_deep_nesting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(GString) json = g_string_new ("{\"plano\": 1, \"interview\": {\"x\": ");
  g_autoptr(GString) ok = g_string_new ("{\"plano\": 1, \"interview\": {\"x\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}}");

  board = plano_format_read (json->str, json->len, NULL, &error);
  g_assert_null (board);
  g_assert_cmpstr (error->message, ==, "line 1: nesting deeper than 64 levels");

  /* 64 levels in all are allowed: the top level, "interview" and 62 arrays. */
  for (guint i = 0; i < 62; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < 62; i++)
    g_string_append_c (ok, ']');
  g_string_append (ok, "}}");

  g_clear_error (&error);
  board = plano_format_read (ok->str, ok->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (board);
}

/* Brackets inside strings do not count as nesting. */
static void
test_brackets_in_strings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(GString) json = g_string_new ("{\"plano\": 1, \"title\": \"");

  for (guint i = 0; i < 200; i++)
    g_string_append (json, "[{\\\"");
  g_string_append (json, "\"}");

  board = plano_format_read (json->str, json->len, NULL, &error);
  g_assert_no_error (error);
}

static void
test_save_and_reload (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "board.plano", NULL);
  g_autofree char *json = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoBoard) reloaded = NULL;
  gsize length;

  json = read_fixture ("example.plano", &length);
  board = plano_format_read (json, length, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (plano_format_save_file (board, path, &error));
  g_assert_no_error (error);

  g_file_get_contents (path, &on_disk, NULL, &error);
  g_assert_no_error (error);
  expected = plano_format_write (board, NULL);
  g_assert_cmpstr (on_disk, ==, expected);

  reloaded = plano_format_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plano_board_get_n_items (reloaded, PLANO_ITEM_NODE), ==, 3);

  plano_test_remove_tree (dir);
}

/* Saving through a symbolic link writes the file it points at and keeps the link. */
static void
test_save_through_symlink (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *real = g_build_filename (dir, "real.plano", NULL);
  g_autofree char *link = g_build_filename (dir, "link.plano", NULL);
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoBoard) reloaded = NULL;

  g_file_set_contents (real, "{\"plano\": 1}\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("real.plano", link), ==, 0);

  plano_board_set_title (board, "Through the link");
  g_assert_true (plano_format_save_file (board, link, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  reloaded = plano_format_read_file (real, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plano_board_get_title (reloaded), ==, "Through the link");

  plano_test_remove_tree (dir);
}

/* A folder this test may not write to: made by the parent process, which may be root, and
 * entered by a subprocess that gives up root first, since root writes anywhere.
 */
static char *
read_only_dir (GPid parent)
{
  return g_strdup_printf ("%s/plano-read-only-%d", g_get_tmp_dir (), (int) parent);
}

static void
drop_root (void)
{
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
}

static const char old_board[] = "{\"plano\": 1, \"title\": \"old\"}\n";

/* A folder that cannot be written to gives a sentence and leaves the old file untouched. */
static void
test_save_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanoBoard) board = plano_board_new ();

      dir = read_only_dir (getppid ());
      path = g_build_filename (dir, "board.plano", NULL);
      drop_root ();
      g_assert_cmpint (access (dir, W_OK), !=, 0);

      plano_board_set_title (board, "new");
      g_assert_false (plano_format_save_file (board, path, &error));
      g_assert_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_IO);
      g_assert_true (g_str_has_prefix (error->message, "Could not save “board.plano” in "));
      g_assert_true (g_str_has_suffix (error->message, ": the folder is read-only or you may not write there"));
      return;
    }

  dir = read_only_dir (getpid ());
  path = g_build_filename (dir, "board.plano", NULL);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, old_board, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);

  g_chmod (dir, 0755);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_unlink (path);
  g_rmdir (dir);

  g_test_trap_assert_passed ();
  /* The old file is as it was, and nothing was left beside it. */
  g_assert_cmpstr (contents, ==, old_board);
}

/* A write that fails midway, as on a full disk: here a file size limit stops it after 4 KB.
 * The save fails with a sentence naming the file, and the old file is untouched.
 */
static void
test_save_write_fails (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, "board.plano", NULL);
      g_autofree char *contents = NULL;
      g_autoptr(PlanoBoard) board = plano_board_new ();
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };

      g_assert_true (g_file_set_contents (path, old_board, -1, NULL));
      for (guint i = 0; i < 2000; i++)
        plano_board_add_node (board, "kafka", i, i);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (plano_format_save_file (board, path, &error));
      g_assert_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_IO);
      g_assert_true (g_str_has_prefix (error->message, "Could not save “board.plano” in "));

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, old_board);
      /* The temporary file is gone too. */
      g_unlink (path);
      g_assert_cmpint (g_rmdir (dir), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_save_missing_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_board_new ();

  g_assert_false (plano_format_save_file (board, "/nonexistent-plano-folder/board.plano", &error));
  g_assert_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_IO);
  g_assert_cmpstr (error->message, ==,
                   "Could not save “board.plano” in /nonexistent-plano-folder: the folder does not exist");
}

/* A save killed at any moment leaves the old file or the new one, each whole: a child process
 * saves a large board over and over and is killed at random points. The next start removes
 * what the killed saves left beside the board.
 */
static void
test_save_killed (void)
{
  g_autoptr(PlanoBoard) before = plano_board_new ();
  g_autoptr(PlanoBoard) after = plano_board_new ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "board.plano", NULL);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *journal = g_build_filename (dir, "journal", NULL);
  GRand *rand = g_rand_new_with_seed (42);
  guint saw_old = 0, saw_new = 0;

  plano_board_set_title (before, "Old");
  plano_board_set_title (after, "New");
  /* Big enough that a save takes a while, so that kills land in the middle of one. */
  for (guint i = 0; i < 30000; i++)
    plano_board_add_node (after, "kafka", (i % 100) * 200.0, (i / 100) * 100.0);

  old_text = plano_format_write (before, NULL);
  new_text = plano_format_write (after, NULL);

  for (guint round = 0; round < 40; round++)
    {
      g_autofree char *contents = NULL;
      pid_t pid;

      g_assert_true (g_file_set_contents (path, old_text, -1, NULL));

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          plano_file_set_journal_dir (journal);
          for (;;)
            plano_format_save_file (after, path, NULL);
        }

      g_usleep (g_rand_int_range (rand, 0, 60000));
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      if (g_str_equal (contents, old_text))
        saw_old++;
      else if (g_str_equal (contents, new_text))
        saw_new++;
      else
        g_error ("round %u: the file is neither the old board nor the new one", round);
    }

  g_test_message ("old file %u times, new file %u times", saw_old, saw_new);
  g_assert_cmpuint (saw_old + saw_new, ==, 40);

  plano_file_set_journal_dir (journal);
  plano_file_remove_leftovers ();
  plano_file_set_journal_dir (NULL);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      if (!g_str_equal (name, "journal"))
        g_assert_cmpstr (name, ==, "board.plano");
  }

  g_rand_free (rand);
  plano_test_remove_tree (dir);
}

static void
test_read_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;

  board = plano_format_read_file ("/nonexistent-plano-folder/x.plano", NULL, &error);
  g_assert_null (board);
  g_assert_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "Could not read “x.plano”: no such file");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/format/read-example", test_read_example);
  g_test_add_func ("/plano/format/round-trip-example", test_round_trip_example);
  g_test_add_func ("/plano/format/writer-rounds-coordinates", test_writer_rounds_coordinates);
  g_test_add_func ("/plano/format/unknown-members-ignored", test_unknown_members_ignored);
  g_test_add_func ("/plano/format/unknown-kind-kept", test_unknown_kind_kept);
  g_test_add_func ("/plano/format/route-round-trip", test_route_round_trip);
  g_test_add_func ("/plano/format/texts", test_texts);
  g_test_add_func ("/plano/format/interview-and-view-kept", test_interview_and_view_kept);
  g_test_add_func ("/plano/format/escapes", test_escapes);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/plano/format/refuse/%s", refusals[i].name);

      g_test_add_data_func (name, &refusals[i], test_refusal);
    }
  g_test_add_func ("/plano/format/refuse/long-string", test_refuse_long_string);
  g_test_add_func ("/plano/format/refuse/deep-nesting", test_refuse_deep_nesting);
  g_test_add_func ("/plano/format/brackets-in-strings", test_brackets_in_strings);

  g_test_add_func ("/plano/format/save-and-reload", test_save_and_reload);
  g_test_add_func ("/plano/format/save-through-symlink", test_save_through_symlink);
  g_test_add_func ("/plano/format/save-read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/plano/format/save-missing-folder", test_save_missing_folder);
  g_test_add_func ("/plano/format/save-write-fails", test_save_write_fails);
  g_test_add_func ("/plano/format/read-missing-file", test_read_missing_file);
  g_test_add_func ("/plano/format/save-killed", test_save_killed);

  return g_test_run ();
}
