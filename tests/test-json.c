/* test-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board reader's JSON parser: what it reads, what it refuses and where it says the
 * problem is, and what it keeps from json-glib's ways.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "plano-format.h"
#include "plano-json-private.h"

static PlanoJsonDoc *
parse (const char  *json,
       GError     **error)
{
  return plano_json_parse (json, strlen (json), error);
}

static const PlanoJsonValue *
element (const PlanoJsonValue *array,
         guint                 index)
{
  g_assert_cmpint (array->type, ==, PLANO_JSON_ARRAY);
  g_assert_cmpuint (index, <, array->n);
  return &array->elements[index];
}

static void
test_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoJsonDoc) doc = parse (" {\"a\": [1, -2, 3.5, \"x\", true, false, null], \"b\": {}}\n",
                                       &error);
  const PlanoJsonValue *root;
  const PlanoJsonValue *a;
  const PlanoJsonValue *b;

  g_assert_no_error (error);
  root = plano_json_doc_get_root (doc);
  g_assert_cmpint (root->type, ==, PLANO_JSON_OBJECT);
  g_assert_cmpuint (root->n, ==, 2);
  g_assert_cmpstr (root->members[0].name, ==, "a");
  g_assert_cmpstr (root->members[1].name, ==, "b");

  a = plano_json_object_get (root, "a");
  g_assert_cmpuint (a->n, ==, 7);
  g_assert_cmpint (element (a, 0)->type, ==, PLANO_JSON_INTEGER);
  g_assert_cmpint (element (a, 0)->integer, ==, 1);
  g_assert_cmpint (element (a, 1)->integer, ==, -2);
  g_assert_cmpint (element (a, 2)->type, ==, PLANO_JSON_DOUBLE);
  g_assert_cmpfloat (element (a, 2)->number, ==, 3.5);
  g_assert_true (plano_json_is_number (element (a, 0)));
  g_assert_true (plano_json_is_number (element (a, 2)));
  g_assert_false (plano_json_is_number (element (a, 3)));
  g_assert_cmpfloat (plano_json_get_number (element (a, 1)), ==, -2.0);
  g_assert_cmpint (element (a, 3)->type, ==, PLANO_JSON_STRING);
  g_assert_cmpstr (element (a, 3)->string, ==, "x");
  g_assert_cmpint (element (a, 4)->type, ==, PLANO_JSON_BOOLEAN);
  g_assert_true (element (a, 4)->boolean);
  g_assert_false (element (a, 5)->boolean);
  g_assert_cmpint (element (a, 6)->type, ==, PLANO_JSON_NULL);

  b = plano_json_object_get (root, "b");
  g_assert_cmpint (b->type, ==, PLANO_JSON_OBJECT);
  g_assert_cmpuint (b->n, ==, 0);
  g_assert_null (plano_json_object_get (root, "c"));
  g_assert_null (plano_json_object_get (root, ""));
}

static void
test_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoJsonDoc) doc = parse ("[0, -0, 123456789012345678, 1234567890123456789, "
                                       "9223372036854775807, -9223372036854775808, "
                                       "9223372036854775808, 99999999999999999999, "
                                       "1e3, 1E+3, 25e-1, -0.5, 1e999, -1e999, 1e-999]",
                                       &error);
  const PlanoJsonValue *a;

  g_assert_no_error (error);
  a = plano_json_doc_get_root (doc);

  g_assert_cmpint (element (a, 0)->integer, ==, 0);
  g_assert_cmpint (element (a, 1)->type, ==, PLANO_JSON_INTEGER);
  g_assert_cmpint (element (a, 1)->integer, ==, 0);
  g_assert_cmpint (element (a, 2)->integer, ==, G_GINT64_CONSTANT (123456789012345678));
  g_assert_cmpint (element (a, 3)->integer, ==, G_GINT64_CONSTANT (1234567890123456789));
  g_assert_cmpint (element (a, 4)->integer, ==, G_MAXINT64);
  g_assert_cmpint (element (a, 5)->integer, ==, G_MININT64);

  /* Past 64 bits an integer is a double, not wrapped around. */
  g_assert_cmpint (element (a, 6)->type, ==, PLANO_JSON_DOUBLE);
  g_assert_cmpfloat (element (a, 6)->number, ==, 9223372036854775808.0);
  g_assert_cmpint (element (a, 7)->type, ==, PLANO_JSON_DOUBLE);
  g_assert_cmpfloat (element (a, 7)->number, ==, 1e20);

  g_assert_cmpint (element (a, 8)->type, ==, PLANO_JSON_DOUBLE);
  g_assert_cmpfloat (element (a, 8)->number, ==, 1000.0);
  g_assert_cmpfloat (element (a, 9)->number, ==, 1000.0);
  g_assert_cmpfloat (element (a, 10)->number, ==, 2.5);
  g_assert_cmpfloat (element (a, 11)->number, ==, -0.5);

  /* Out of range is infinite or zero, as with json-glib; the board reader refuses infinity. */
  g_assert_true (isinf (element (a, 12)->number) && element (a, 12)->number > 0);
  g_assert_true (isinf (element (a, 13)->number) && element (a, 13)->number < 0);
  g_assert_cmpfloat (element (a, 14)->number, ==, 0.0);
}

static void
test_strings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoJsonDoc) doc = parse ("[\"plain\", \"\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"caf\\u00e9 \\u2192\", "
                                       "\"\\ud83d\\ude00\", \"ñ → 日本\", \"tab\there\", "
                                       "\"a\\u0000b\", \"\", \"\\u00E9\"]",
                                       &error);
  const PlanoJsonValue *a;

  g_assert_no_error (error);
  a = plano_json_doc_get_root (doc);

  g_assert_cmpstr (element (a, 0)->string, ==, "plain");
  g_assert_cmpstr (element (a, 1)->string, ==, "\"\\/\b\f\n\r\t");
  g_assert_cmpstr (element (a, 2)->string, ==, "café →");
  g_assert_cmpstr (element (a, 3)->string, ==, "\xf0\x9f\x98\x80");
  g_assert_cmpstr (element (a, 4)->string, ==, "ñ → 日本");

  /* json-glib read control characters written raw in a string; they are kept. */
  g_assert_cmpstr (element (a, 5)->string, ==, "tab\there");

  /* \u0000 ends the string, as it did with json-glib. */
  g_assert_cmpstr (element (a, 6)->string, ==, "a");
  g_assert_cmpstr (element (a, 7)->string, ==, "");
  g_assert_cmpstr (element (a, 8)->string, ==, "é");
}

/* A name that repeats keeps its first place and its last value, as json-glib does. */
static void
test_repeated_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoJsonDoc) doc = parse ("{\"a\": 1, \"b\": 2, \"a\": [3], \"ab\": 4, \"a\": 5}", &error);
  g_autoptr(GString) json = g_string_new ("{");
  g_autoptr(PlanoJsonDoc) large = NULL;
  const PlanoJsonValue *root;

  g_assert_no_error (error);
  root = plano_json_doc_get_root (doc);
  g_assert_cmpuint (root->n, ==, 3);
  g_assert_cmpstr (root->members[0].name, ==, "a");
  g_assert_cmpint (root->members[0].value.integer, ==, 5);
  g_assert_cmpstr (root->members[1].name, ==, "b");
  g_assert_cmpstr (root->members[2].name, ==, "ab");
  g_assert_cmpint (plano_json_object_get (root, "a")->integer, ==, 5);

  /* Large objects take another path. */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (json, "%s\"m%u\": %u", i > 0 ? ", " : "", i % 300, i);
  g_string_append_c (json, '}');
  large = parse (json->str, &error);
  g_assert_no_error (error);
  root = plano_json_doc_get_root (large);
  g_assert_cmpuint (root->n, ==, 300);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("m%u", i);

      g_assert_cmpstr (root->members[i].name, ==, name);
      g_assert_cmpint (root->members[i].value.integer, ==, i + (i < 100 ? 900 : 600));
    }
}

static void
test_byte_order_mark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoJsonDoc) doc = parse ("\xef\xbb\xbf{\"a\": 1}", &error);

  g_assert_no_error (error);
  g_assert_cmpint (plano_json_doc_get_root (doc)->type, ==, PLANO_JSON_OBJECT);

  g_clear_pointer (&doc, plano_json_doc_free);
  doc = parse ("\xef\xbb\xbf{\"a\" 1}", &error);
  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==, "line 1, column 6: not valid JSON: expected “:”");
}

typedef struct
{
  const char *name;
  const char *json;
  const char *message;
} Refusal;

static const Refusal refusals[] = {
  { "empty", "", "line 1, column 1: not valid JSON: the file ends too soon" },
  { "only-space", " \n ", "line 2, column 2: not valid JSON: the file ends too soon" },
  { "trailing-comma", "[1,]", "line 1, column 4: not valid JSON: expected a value" },
  { "trailing-comma-object", "{\"a\": 1,}", "line 1, column 9: not valid JSON: expected a member name in double quotes" },
  { "missing-comma", "[1 2]", "line 1, column 4: not valid JSON: expected “,” or “]”" },
  { "missing-comma-object", "{\"a\": 1 \"b\": 2}", "line 1, column 9: not valid JSON: expected “,” or “}”" },
  { "missing-colon", "{\"a\" 1}", "line 1, column 6: not valid JSON: expected “:”" },
  { "unquoted-name", "{a: 1}", "line 1, column 2: not valid JSON: expected a member name in double quotes" },
  { "single-quotes", "['a']", "line 1, column 2: not valid JSON: expected a value" },
  { "unclosed-array", "[1, 2", "line 1, column 6: not valid JSON: the file ends too soon" },
  { "unclosed-object", "{\"a\": 1", "line 1, column 8: not valid JSON: the file ends too soon" },
  { "unclosed-string", "[\"abc", "line 1, column 6: not valid JSON: a string has no closing quote" },
  { "unclosed-string-escape", "[\"a\\n", "line 1, column 6: not valid JSON: a string has no closing quote" },
  { "string-ends-in-backslash", "[\"a\\", "line 1, column 5: not valid JSON: a string has no closing quote" },
  { "garbage-after", "{} x", "line 1, column 4: not valid JSON: more text after the end of the JSON value" },
  { "two-values", "{}{}", "line 1, column 3: not valid JSON: more text after the end of the JSON value" },
  { "comment", "/* c */ {}", "line 1, column 1: not valid JSON: expected a value" },
  { "true-misspelt", "[tru]", "line 1, column 2: not valid JSON: expected a value" },
  { "true-truncated", "[tr", "line 1, column 2: not valid JSON: expected a value" },
  { "capital-true", "[True]", "line 1, column 2: not valid JSON: expected a value" },
  { "nan", "[NaN]", "line 1, column 2: not valid JSON: expected a value" },
  { "infinity", "[-Infinity]", "line 1, column 3: not valid JSON: not a valid number" },
  { "minus-alone", "[-]", "line 1, column 3: not valid JSON: not a valid number" },
  { "minus-space", "[- 1]", "line 1, column 3: not valid JSON: not a valid number" },
  { "plus", "[+1]", "line 1, column 2: not valid JSON: expected a value" },
  { "leading-zero", "[01]", "line 1, column 3: not valid JSON: expected “,” or “]”" },
  { "hexadecimal", "[0x1f]", "line 1, column 3: not valid JSON: expected “,” or “]”" },
  { "point-no-digits", "[1.]", "line 1, column 4: not valid JSON: not a valid number" },
  { "point-first", "[.5]", "line 1, column 2: not valid JSON: expected a value" },
  { "exponent-no-digits", "[1e]", "line 1, column 4: not valid JSON: not a valid number" },
  { "exponent-sign-only", "[1e+]", "line 1, column 5: not valid JSON: not a valid number" },
  { "octal-escape", "[\"\\777\"]", "line 1, column 4: not valid JSON: not a valid escape in a string" },
  { "unknown-escape", "[\"\\q\"]", "line 1, column 4: not valid JSON: not a valid escape in a string" },
  { "short-unicode-escape", "[\"\\u12\"]", "line 1, column 7: not valid JSON: not a valid escape in a string" },
  { "truncated-unicode-escape", "[\"\\u12", "line 1, column 5: not valid JSON: not a valid escape in a string" },
  { "lone-high-surrogate", "[\"\\ud83d\"]", "line 1, column 9: not valid JSON: not a valid escape in a string" },
  { "lone-low-surrogate", "[\"\\ude00\"]", "line 1, column 9: not valid JSON: not a valid escape in a string" },
  { "high-surrogate-then-letter", "[\"\\ud83d\\u0041\"]", "line 1, column 15: not valid JSON: not a valid escape in a string" },
  { "two-high-surrogates", "[\"\\ud83d\\ud83d\"]", "line 1, column 15: not valid JSON: not a valid escape in a string" },
  { "column-counts-characters", "[\"é\", x]", "line 1, column 7: not valid JSON: expected a value" },
  { "line-and-column", "{\n  \"a\": tru\n}", "line 2, column 8: not valid JSON: expected a value" },
};

static void
test_refusal (gconstpointer data)
{
  const Refusal *refusal = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoJsonDoc) doc = parse (refusal->json, &error);

  g_assert_null (doc);
  g_assert_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, refusal->message);
}

/* The parser bounds its own recursion, whoever calls it. */
static void
test_depth (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoJsonDoc) doc = NULL;
  g_autoptr(GString) json = g_string_new (NULL);

  for (guint i = 0; i < 128; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 128; i++)
    g_string_append_c (json, ']');
  doc = parse (json->str, &error);
  g_assert_no_error (error);

  g_clear_pointer (&doc, plano_json_doc_free);
  g_string_truncate (json, 0);
  for (guint i = 0; i < 100000; i++)
    g_string_append (json, "{\"a\":[");
  doc = parse (json->str, &error);
  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==, "line 1, column 385: not valid JSON: nested too deeply");
}

/* Every cut of a document short of its end is refused, and none reads past the cut. */
static void
test_truncation (void)
{
  const char *json = "{\"a\": [1, -2.5e3, \"x\\u00e9\\ud83d\\ude00\\n\", true, false, null], \"b\": {\"c\": {}}}";
  gsize length = strlen (json);

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autofree char *copy = g_memdup2 (json, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanoJsonDoc) doc = plano_json_parse (copy, cut, &error);

      g_assert_null (doc);
      g_assert_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID);
    }
}

static void
test_to_node (void)
{
  const char *json = "{\"a\": [1, 2.5, \"x\", true, null, {\"b\": []}], \"c\": {\"d\": -3}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoJsonDoc) doc = parse (json, &error);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) expected = json_from_string (json, NULL);

  g_assert_no_error (error);
  node = plano_json_to_node (plano_json_doc_get_root (doc));
  g_assert_true (json_node_is_immutable (node));
  g_assert_true (json_node_equal (node, expected));
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (json_object_get_array_member (json_node_get_object (node), "a"), 0)),
                   ==, G_TYPE_INT64);
}

static void
test_from_node (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"id\": \"a\", \"x\": 1, \"y\": 2.5, \"ok\": false, "
                                               "\"list\": [\"p\", null], \"o\": {}}", NULL);
  g_autoptr(PlanoJsonDoc) doc = plano_json_from_node (node);
  g_autoptr(PlanoJsonDoc) empty = plano_json_from_node (NULL);
  const PlanoJsonValue *root = plano_json_doc_get_root (doc);
  const PlanoJsonValue *list;

  g_assert_cmpint (root->type, ==, PLANO_JSON_OBJECT);
  g_assert_cmpuint (root->n, ==, 6);
  g_assert_cmpstr (root->members[0].name, ==, "id");
  g_assert_cmpstr (plano_json_object_get (root, "id")->string, ==, "a");
  g_assert_cmpint (plano_json_object_get (root, "x")->type, ==, PLANO_JSON_INTEGER);
  g_assert_cmpint (plano_json_object_get (root, "x")->integer, ==, 1);
  g_assert_cmpfloat (plano_json_object_get (root, "y")->number, ==, 2.5);
  g_assert_false (plano_json_object_get (root, "ok")->boolean);
  list = plano_json_object_get (root, "list");
  g_assert_cmpstr (element (list, 0)->string, ==, "p");
  g_assert_cmpint (element (list, 1)->type, ==, PLANO_JSON_NULL);
  g_assert_cmpuint (plano_json_object_get (root, "o")->n, ==, 0);

  g_assert_cmpint (plano_json_doc_get_root (empty)->type, ==, PLANO_JSON_NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/json/values", test_values);
  g_test_add_func ("/plano/json/numbers", test_numbers);
  g_test_add_func ("/plano/json/strings", test_strings);
  g_test_add_func ("/plano/json/repeated-names", test_repeated_names);
  g_test_add_func ("/plano/json/byte-order-mark", test_byte_order_mark);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/plano/json/refuse/%s", refusals[i].name);

      g_test_add_data_func (name, &refusals[i], test_refusal);
    }
  g_test_add_func ("/plano/json/depth", test_depth);
  g_test_add_func ("/plano/json/truncation", test_truncation);
  g_test_add_func ("/plano/json/to-node", test_to_node);
  g_test_add_func ("/plano/json/from-node", test_from_node);

  return g_test_run ();
}
