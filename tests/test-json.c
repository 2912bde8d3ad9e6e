/* test-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON of a board, as a user gets it through plano_format_read(): the values json-glib
 * reads, what the checks on the bytes refuse of json-glib's liberties, where every refusal says
 * the problem is, and the JSON the board keeps as json-glib trees.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "plano-board.h"
#include "plano-format.h"

static PlanoBoard *
read_board (const char  *json,
            GError     **error)
{
  return plano_format_read (json, strlen (json), NULL, error);
}

static const PlanoProp *
board_prop (PlanoBoard *board,
            const char *name)
{
  const PlanoProp *prop = plano_props_lookup (plano_board_get_props (board), name);

  g_assert_nonnull (prop);
  return prop;
}

static double
board_number (PlanoBoard *board,
              const char *name)
{
  const PlanoProp *prop = board_prop (board, name);

  g_assert_cmpint (prop->type, ==, PLANO_VALUE_NUMBER);
  return prop->number;
}

static void
test_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = read_board (" {\"plano\": 1, \"title\": null, \"props\": "
                                            "{\"n\": -2, \"d\": 3.5, \"s\": \"x\", \"t\": true, "
                                            "\"f\": false}, \"shadow\": [1, {}, [], null]}\n",
                                            &error);

  g_assert_no_error (error);
  g_assert_null (plano_board_get_title (board));
  g_assert_cmpfloat (board_number (board, "n"), ==, -2.0);
  g_assert_cmpfloat (board_number (board, "d"), ==, 3.5);
  g_assert_cmpstr (board_prop (board, "s")->string, ==, "x");
  g_assert_cmpint (board_prop (board, "t")->type, ==, PLANO_VALUE_BOOLEAN);
  g_assert_true (board_prop (board, "t")->boolean);
  g_assert_false (board_prop (board, "f")->boolean);
}

/* Integers up to 64 bits are read exactly; past them, as the nearest double, where json-glib
 * alone would wrap them around. */
static void
test_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = read_board ("{\"plano\": 1, \"props\": {\"zero\": 0, \"minus-zero\": -0, "
                                            "\"big\": 123456789012345678, \"max\": 9223372036854775807, "
                                            "\"min\": -9223372036854775808, \"past-max\": 9223372036854775808, "
                                            "\"past-min\": -9223372036854775809, \"twenty\": 99999999999999999999, "
                                            "\"long\": 123456789012345678901234567890123456789, "
                                            "\"e\": 1e3, \"E\": 1E+3, \"e-\": 25e-1, \"half\": -0.5, \"tiny\": 1e-999}}",
                                            &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (board_number (board, "zero"), ==, 0.0);
  g_assert_cmpfloat (board_number (board, "minus-zero"), ==, 0.0);
  g_assert_cmpfloat (board_number (board, "big"), ==, 123456789012345678.0);
  g_assert_cmpfloat (board_number (board, "max"), ==, 9223372036854775807.0);
  g_assert_cmpfloat (board_number (board, "min"), ==, -9223372036854775808.0);
  g_assert_cmpfloat (board_number (board, "past-max"), ==, 9223372036854775808.0);
  g_assert_cmpfloat (board_number (board, "past-min"), ==, -9223372036854775809.0);
  g_assert_cmpfloat (board_number (board, "twenty"), ==, 1e20);
  g_assert_cmpfloat (board_number (board, "long"), ==, 123456789012345678901234567890123456789.0);
  g_assert_cmpfloat (board_number (board, "e"), ==, 1000.0);
  g_assert_cmpfloat (board_number (board, "E"), ==, 1000.0);
  g_assert_cmpfloat (board_number (board, "e-"), ==, 2.5);
  g_assert_cmpfloat (board_number (board, "half"), ==, -0.5);
  g_assert_cmpfloat (board_number (board, "tiny"), ==, 0.0);
}

/* The integers past 64 bits are given to json-glib rewritten; an error after them is still
 * placed on the bytes of the file. */
static void
test_big_integer_then_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = read_board ("{\"plano\": 1,\n"
                                            " \"props\": {\"a\": -99999999999999999999, \"b\" 1}}",
                                            &error);

  /* Where json-glib stopped: after "b", which wants a colon. */
  g_assert_null (board);
  g_assert_true (g_str_has_prefix (error->message, "line 2, column 42: not valid JSON: "));
}

/* A number past the largest double is refused where it is, however it is written; the checks
 * of the tree run only when the bytes have such a number or a long string, so every spelling
 * that can reach infinity is tried. */
static void
test_not_finite (void)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *numbers[] = { "1e999", "-1e309", "0.1e310", "17976931348623159e292", NULL, NULL, NULL };

  g_string_append_c (digits, '1');
  for (guint i = 0; i < 309; i++)
    g_string_append_c (digits, '0');
  numbers[4] = digits->str;
  numbers[5] = g_strconcat ("-", digits->str, ".5", NULL);

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"plano\": 1, \"view\": {\"zoom\": [1, %s]}}", numbers[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanoBoard) board = read_board (json, &error);

      g_assert_null (board);
      g_assert_cmpstr (error->message, ==, "view.zoom[1]: not a finite number");
    }

  g_free ((char *) numbers[5]);
}

/* The limit counts characters as json-glib decodes them, escapes included, anywhere in the
 * board. */
static void
test_long_strings (void)
{
  for (guint n = 99999; n <= 100001; n++)
    {
      g_autoptr(GString) json = g_string_new ("{\"plano\": 1, \"view\": {\"x\": 0, \"note\": \"");
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanoBoard) board = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append (json, i % 2 == 0 ? "\\u00e9" : "\\n");
      g_string_append (json, "\"}}");

      board = read_board (json->str, &error);
      if (n <= 100000)
        {
          g_assert_no_error (error);
          g_assert_nonnull (board);
        }
      else
        {
          g_assert_null (board);
          g_assert_cmpstr (error->message, ==, "view.note: string longer than 100000 characters");
        }
    }
}

static void
test_strings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = read_board ("{\"plano\": 1, \"tradeoffs\": [{\"id\": \"t\", \"title\": \"T\", \"pros\": "
                                            "[\"plain\", \"\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"caf\\u00e9 \\u2192\", "
                                            "\"\\ud83d\\ude00\", \"ñ → 日本\", \"tab\there\", "
                                            "\"a\\u0000b\", \"\", \"\\u00E9\"]}]}",
                                            &error);
  const PlanoTradeoff *tradeoff;

  g_assert_no_error (error);
  tradeoff = (const PlanoTradeoff *) plano_board_get_item (board, PLANO_ITEM_TRADEOFF, 0);
  g_assert_cmpuint (g_strv_length (tradeoff->pros), ==, 9);
  g_assert_cmpstr (tradeoff->pros[0], ==, "plain");
  g_assert_cmpstr (tradeoff->pros[1], ==, "\"\\/\b\f\n\r\t");
  g_assert_cmpstr (tradeoff->pros[2], ==, "café →");
  g_assert_cmpstr (tradeoff->pros[3], ==, "\xf0\x9f\x98\x80");
  g_assert_cmpstr (tradeoff->pros[4], ==, "ñ → 日本");

  /* Control characters written raw in a string are kept, as json-glib reads them. */
  g_assert_cmpstr (tradeoff->pros[5], ==, "tab\there");

  /* \u0000 ends the string: json-glib's strings end at the first NUL. */
  g_assert_cmpstr (tradeoff->pros[6], ==, "a");
  g_assert_cmpstr (tradeoff->pros[7], ==, "");
  g_assert_cmpstr (tradeoff->pros[8], ==, "é");
}

/* A name that repeats keeps its first place and its last value. */
static void
test_repeated_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = read_board ("{\"plano\": 1, \"title\": \"first\", \"props\": "
                                            "{\"a\": 1, \"b\": 2, \"a\": \"three\", \"ab\": 4, \"a\": 5}, "
                                            "\"title\": \"last\"}",
                                            &error);
  g_autoptr(GString) json = g_string_new ("{\"plano\": 1, \"props\": {");
  GArray *props;

  g_assert_no_error (error);
  g_assert_cmpstr (plano_board_get_title (board), ==, "last");
  props = plano_board_get_props (board);
  g_assert_cmpuint (props->len, ==, 3);
  g_assert_cmpstr (g_array_index (props, PlanoProp, 0).name, ==, "a");
  g_assert_cmpfloat (g_array_index (props, PlanoProp, 0).number, ==, 5.0);
  g_assert_cmpstr (g_array_index (props, PlanoProp, 1).name, ==, "b");
  g_assert_cmpstr (g_array_index (props, PlanoProp, 2).name, ==, "ab");

  /* A large object, with names that repeat all over it. */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (json, "%s\"m%u\": %u", i > 0 ? ", " : "", i % 300, i);
  g_string_append (json, "}}");
  g_clear_object (&board);
  board = read_board (json->str, &error);
  g_assert_no_error (error);
  props = plano_board_get_props (board);
  g_assert_cmpuint (props->len, ==, 300);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("m%u", i);

      g_assert_cmpstr (g_array_index (props, PlanoProp, i).name, ==, name);
      g_assert_cmpfloat (g_array_index (props, PlanoProp, i).number, ==, i + (i < 100 ? 900 : 600));
    }
}

/* A byte order mark is skipped, and is not a column. */
static void
test_byte_order_mark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = read_board ("\xef\xbb\xbf{\"plano\": 1, \"title\": \"BOM\"}", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (plano_board_get_title (board), ==, "BOM");

  g_clear_object (&board);
  board = read_board ("\xef\xbb\xbf{\"plano\": 1, /* c */}", &error);
  g_assert_null (board);
  g_assert_cmpstr (error->message, ==, "line 1, column 14: not valid JSON: “/” cannot appear outside a string");

  g_clear_error (&error);
  board = read_board ("\xef\xbb\xbf \n", &error);
  g_assert_null (board);
  g_assert_cmpstr (error->message, ==, "the file is empty");
}

typedef struct
{
  const char *name;
  const char *json;
  const char *message;
} Refusal;

/* Refused by the checks on the bytes, before json-glib sees them: exact messages. */
static const Refusal refusals[] = {
  { "empty", "", "the file is empty" },
  { "only-space", " \n ", "the file is empty" },
  { "garbage-after", "{} x", "line 1, column 4: not valid JSON: more text after the end of the JSON value" },
  { "two-values", "{}{}", "line 1, column 3: not valid JSON: more text after the end of the JSON value" },
  { "two-boards", "{\"plano\": 1}\n{\"plano\": 2}", "line 2, column 1: not valid JSON: more text after the end of the JSON value" },
  { "closing-too-many", "{\"plano\": 1}}", "line 1, column 13: not valid JSON: more text after the end of the JSON value" },
  { "comment", "/* c */ {}", "line 1, column 1: not valid JSON: “/” cannot appear outside a string" },
  { "comment-inside", "{\"plano\": 1 /* c */}", "line 1, column 13: not valid JSON: “/” cannot appear outside a string" },
  { "line-comment", "{\"plano\": 1} // c", "line 1, column 14: not valid JSON: more text after the end of the JSON value" },
  { "single-quotes", "['a']", "line 1, column 2: not valid JSON: “'” cannot appear outside a string" },
  { "single-quoted-name", "{'plano': 1}", "line 1, column 2: not valid JSON: “'” cannot appear outside a string" },
  { "assignment", "var board = {\"plano\": 1};", "line 1, column 1: not valid JSON: “v” cannot appear outside a string" },
  { "capital-true", "[True]", "line 1, column 2: not valid JSON: “T” cannot appear outside a string" },
  { "nan", "[NaN]", "line 1, column 2: not valid JSON: “N” cannot appear outside a string" },
  { "control-character", "{\"plano\": 1,\x01}", "line 1, column 13: not valid JSON: “U+0001” cannot appear outside a string" },
  { "column-counts-characters", "[\"é\", x]", "line 1, column 7: not valid JSON: “x” cannot appear outside a string" },
  { "infinity", "[-Infinity]", "line 1, column 3: not valid JSON: not a valid number" },
  { "minus-alone", "[-]", "line 1, column 3: not valid JSON: not a valid number" },
  { "minus-space", "[- 1]", "line 1, column 3: not valid JSON: not a valid number" },
  { "plus", "[+1]", "line 1, column 2: not valid JSON: “+” cannot appear outside a string" },
  { "leading-zero", "[01]", "line 1, column 3: not valid JSON: not a valid number" },
  { "octal-number", "{\"plano\": 1, \"props\": {\"rate\": 010}}", "line 1, column 33: not valid JSON: not a valid number" },
  { "hexadecimal", "[0x1f]", "line 1, column 3: not valid JSON: not a valid number" },
  { "point-no-digits", "[1.]", "line 1, column 4: not valid JSON: not a valid number" },
  { "point-first", "[.5]", "line 1, column 2: not valid JSON: “.” cannot appear outside a string" },
  { "exponent-no-digits", "[1e]", "line 1, column 4: not valid JSON: not a valid number" },
  { "exponent-sign-only", "[1e+]", "line 1, column 5: not valid JSON: not a valid number" },
  { "number-then-letter", "[1true]", "line 1, column 3: not valid JSON: not a valid number" },
  { "octal-escape", "[\"\\777\"]", "line 1, column 4: not valid JSON: not a valid escape in a string" },
  { "unknown-escape", "[\"\\q\"]", "line 1, column 4: not valid JSON: not a valid escape in a string" },
  { "hex-escape", "[\"\\x41\"]", "line 1, column 4: not valid JSON: not a valid escape in a string" },
  { "short-unicode-escape", "[\"\\u12\"]", "line 1, column 7: not valid JSON: not a valid escape in a string" },
  { "not-hex-unicode-escape", "[\"\\u12g4\"]", "line 1, column 7: not valid JSON: not a valid escape in a string" },
  { "truncated-unicode-escape", "[\"\\u12", "line 1, column 7: not valid JSON: not a valid escape in a string" },
  { "lone-high-surrogate", "[\"\\ud83d\"]", "line 1, column 9: not valid JSON: not a valid escape in a string" },
  { "lone-high-surrogate-then-text", "[\"\\ud83dab\"]", "line 1, column 9: not valid JSON: not a valid escape in a string" },
  { "lone-low-surrogate", "[\"\\ude00\"]", "line 1, column 9: not valid JSON: not a valid escape in a string" },
  { "high-surrogate-then-letter", "[\"\\ud83d\\u0041\"]", "line 1, column 15: not valid JSON: not a valid escape in a string" },
  { "two-high-surrogates", "[\"\\ud83d\\ud83d\"]", "line 1, column 15: not valid JSON: not a valid escape in a string" },
  { "escape-on-second-line", "{\"plano\": 1,\n \"title\": \"a\\qb\"}", "line 2, column 14: not valid JSON: not a valid escape in a string" },
};

static void
test_refusal (gconstpointer data)
{
  const Refusal *refusal = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = read_board (refusal->json, &error);

  g_assert_null (board);
  g_assert_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, refusal->message);
}

/* Refused by json-glib: the line and column of where it stopped, and its own reason. */
static const Refusal syntax_errors[] = {
  { "trailing-comma", "[1,]", "line 1, column 3: not valid JSON: " },
  { "trailing-comma-object", "{\"a\": 1,}", "line 1, column 8: not valid JSON: " },
  { "missing-comma", "[1 2]", "line 1, column 2: not valid JSON: " },
  { "missing-comma-object", "{\"a\": 1 \"b\": 2}", "line 1, column 7: not valid JSON: " },
  { "missing-colon", "{\"a\" 1}", "line 1, column 4: not valid JSON: " },
  { "unquoted-name", "{a: 1}", "line 1, column 1: not valid JSON: " },
  { "unclosed-array", "[1, 2", "line 1, column 5: not valid JSON: " },
  { "unclosed-object", "{\"plano\": 1", "line 1, column 11: not valid JSON: " },
  { "unclosed-string", "[\"abc", "line 1, column 6: not valid JSON: " },
  { "string-ends-in-backslash", "[\"a\\", "line 1, column 5: not valid JSON: " },
  { "true-misspelt", "[tru]", "line 1, column 4: not valid JSON: " },
  { "true-truncated", "[tr", "line 1, column 3: not valid JSON: " },
  { "wrong-bracket", "{\"plano\": [1}", "line 1, column 12: not valid JSON: " },
  { "line-and-column", "{\n  \"a\": tru\n}", "line 2, column 10: not valid JSON: " },
  { "column-counts-characters", "{\"título\": 1 2}", "line 1, column 12: not valid JSON: " },
  { "byte-order-mark", "\xef\xbb\xbf{\"a\" 1}", "line 1, column 4: not valid JSON: " },
  /* Where a later json-glib is given raw control characters as escapes, the place is the
   * file's, not the copy's. */
  { "after-raw-controls", "{\"a\": \"x\ty\tz\" 1}", "line 1, column 13: not valid JSON: " },
  { "after-raw-newline", "{\"a\": \"x\ny\",\n \"b\": tru}", "line 3, column 9: not valid JSON: " },
};

static void
test_syntax_error (gconstpointer data)
{
  const Refusal *refusal = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = read_board (refusal->json, &error);

  g_assert_null (board);
  g_assert_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, refusal->message))
    g_error ("expected an error starting “%s”, got “%s”", refusal->message, error->message);

  /* json-glib's reason follows, without its own "<data>:1:3: Parse error: ". */
  g_assert_cmpuint (strlen (error->message), >, strlen (refusal->message));
  g_assert_null (strstr (error->message, "<data>"));
  g_assert_null (strstr (error->message, "Parse error"));
}

/* Every cut of a board short of its end is refused, and none reads past the cut. */
static void
test_truncation (void)
{
  const char *json = "{\"plano\": 1, \"title\": \"x\\u00e9\\ud83d\\ude00\\n日本\", "
                     "\"view\": {\"a\": [1, -2.5e3, 99999999999999999999, true, false, null], "
                     "\"b\": {\"c\": {}}}}";
  gsize length = strlen (json);

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autofree char *copy = g_memdup2 (json, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanoBoard) board = plano_format_read (copy, cut, NULL, &error);

      g_assert_null (board);
      g_assert_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
    }
}

/* The view and the interview record are kept as json-glib trees, sealed, as they were read. */
static void
test_kept_as_json (void)
{
  const char *view = "{\"x\": 1, \"y\": 2.5, \"zoom\": 1}";
  const char *interview = "{\"version\": 1, \"steps\": [{\"id\": \"requirements\", \"checked\": [0, 2], "
                          "\"notes\": \"caf\\u00e9\"}], \"rubric\": [2, null, true], \"extra\": {\"a\": [[]]}}";
  g_autofree char *json = g_strdup_printf ("{\"plano\": 1, \"interview\": %s, \"view\": %s}",
                                           interview, view);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = read_board (json, &error);
  g_autoptr(JsonNode) expected_view = json_from_string (view, NULL);
  g_autoptr(JsonNode) expected_interview = json_from_string (interview, NULL);
  JsonNode *node;

  g_assert_no_error (error);

  node = plano_board_get_view (board);
  g_assert_true (json_node_is_immutable (node));
  g_assert_true (json_node_equal (node, expected_view));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (json_node_get_object (node), "x")),
                   ==, G_TYPE_INT64);

  node = plano_board_get_interview (board);
  g_assert_true (json_node_is_immutable (node));
  g_assert_true (json_node_equal (node, expected_interview));
}

/* An item in a json-glib tree, as the interview's timeline holds them, is read with the same
 * checks as in a board, and its errors name its path. */
static void
test_item_from_json (void)
{
  g_autoptr(JsonNode) good = json_from_string ("{\"id\": \"a\", \"kind\": \"kafka\", \"x\": 1, \"y\": 2.5, "
                                               "\"props\": {\"replicas\": 3}}", NULL);
  g_autoptr(JsonNode) bad = json_from_string ("{\"id\": \"a\", \"kind\": \"kafka\", \"x\": 1, \"y\": \"2\"}",
                                              NULL);
  g_autoptr(JsonNode) not_object = json_from_string ("[1]", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoItem) item = NULL;
  const PlanoNode *node;
  double replicas = 0;

  item = plano_format_item_from_json (good, PLANO_ITEM_NODE, "interview.timeline[0].ops[0].item",
                                      &error);
  g_assert_no_error (error);
  node = (const PlanoNode *) item;
  g_assert_cmpstr (item->id, ==, "a");
  g_assert_cmpfloat (node->y, ==, 2.5);
  g_assert_true (plano_props_get_number (node->props, "replicas", &replicas));
  g_assert_cmpfloat (replicas, ==, 3.0);

  g_clear_pointer (&item, plano_item_free);
  item = plano_format_item_from_json (bad, PLANO_ITEM_NODE, "interview.timeline[3].ops[0].item",
                                      &error);
  g_assert_null (item);
  g_assert_cmpstr (error->message, ==, "interview.timeline[3].ops[0].item.y: expected a number");

  g_clear_error (&error);
  item = plano_format_item_from_json (not_object, PLANO_ITEM_EDGE, "x", &error);
  g_assert_null (item);
  g_assert_cmpstr (error->message, ==, "x: expected an object");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/json/values", test_values);
  g_test_add_func ("/plano/json/numbers", test_numbers);
  g_test_add_func ("/plano/json/big-integer-then-error", test_big_integer_then_error);
  g_test_add_func ("/plano/json/not-finite", test_not_finite);
  g_test_add_func ("/plano/json/long-strings", test_long_strings);
  g_test_add_func ("/plano/json/strings", test_strings);
  g_test_add_func ("/plano/json/repeated-names", test_repeated_names);
  g_test_add_func ("/plano/json/byte-order-mark", test_byte_order_mark);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/plano/json/refuse/%s", refusals[i].name);

      g_test_add_data_func (name, &refusals[i], test_refusal);
    }
  for (guint i = 0; i < G_N_ELEMENTS (syntax_errors); i++)
    {
      g_autofree char *name = g_strdup_printf ("/plano/json/syntax-error/%s", syntax_errors[i].name);

      g_test_add_data_func (name, &syntax_errors[i], test_syntax_error);
    }
  g_test_add_func ("/plano/json/truncation", test_truncation);
  g_test_add_func ("/plano/json/kept-as-json", test_kept_as_json);
  g_test_add_func ("/plano/json/item-from-json", test_item_from_json);

  return g_test_run ();
}
