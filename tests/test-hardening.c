/* test-hardening.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bad input never crashes, hangs or eats memory: every byte offset of a truncated board,
 * random byte flips, huge numbers, invalid UTF-8, deep nesting, a 50 MB file and a board of
 * 100 000 nodes each give an error or a correct board.
 */

#include "config.h"

#include <string.h>

#include "plano-board.h"
#include "plano-format.h"

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

/* Either an error with a message, or a board that writes out and reads back the same. */
static void
assert_error_or_board (const char *data,
                       gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_format_read (data, length, NULL, &error);

  if (board == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == PLANO_FORMAT_ERROR);
      g_assert_cmpstr (error->message, !=, "");
    }
  else
    {
      g_autofree char *written = plano_format_write (board, NULL);
      g_autoptr(PlanoBoard) again = plano_format_read (written, strlen (written), NULL, &error);
      g_autofree char *rewritten = NULL;

      g_assert_no_error (error);
      rewritten = plano_format_write (again, NULL);
      g_assert_cmpstr (written, ==, rewritten);
    }
}

static void
test_truncation (void)
{
  gsize length;
  g_autofree char *board = read_fixture ("realtime.plano", &length);
  guint boards = 0;

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlanoBoard) result = plano_format_read (board, cut, NULL, &error);

      /* Only a cut in the trailing white space leaves a whole board. */
      if (result != NULL)
        boards++;
      else
        g_assert_cmpstr (error->message, !=, "");
    }

  g_assert_cmpuint (boards, <=, 1);
}

static void
test_byte_flips (void)
{
  gsize length;
  g_autofree char *board = read_fixture ("realtime.plano", &length);
  g_autofree char *copy = g_malloc (length);
  GRand *rand = g_rand_new_with_seed (20261125);

  for (guint round = 0; round < 3000; round++)
    {
      guint flips = g_rand_int_range (rand, 1, 5);

      memcpy (copy, board, length);
      for (guint i = 0; i < flips; i++)
        copy[g_rand_int_range (rand, 0, length)] ^= 1 << g_rand_int_range (rand, 0, 8);

      assert_error_or_board (copy, length);
    }

  g_rand_free (rand);
}

typedef struct
{
  const char *name;
  const char *json;
  const char *message;  /* NULL: a board */
} Case;

static const Case cases[] = {
  { "coordinate-1e308", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 1e308, \"y\": 0}]}", "nodes[0].x: 1e+308 is out of range (at most ±10 000 000)" },
  { "coordinate-1e400", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 1e400, \"y\": 0}]}", "nodes[0].x: " },
  { "coordinate-negative-huge", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": -1e9, \"y\": 0}]}", "nodes[0].x: -1e+09 is out of range" },
  { "prop-1e300", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0, \"props\": {\"rate\": 1e300}}]}", NULL },
  { "prop-infinite", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0, \"props\": {\"rate\": -1e999}}]}", "nodes[0].props.rate: " },
  { "version-huge", "{\"plano\": 99999999999999999999}", "plano: " },
  { "version-huge-int", "{\"plano\": 9223372036854775807}", "plano: the board is format version 9223372036854775807, newer than this Plano reads (version 1)" },
  { "utf8-overlong", "{\"plano\": 1, \"title\": \"\xc0\xaf\"}", "line 1: the file is not valid UTF-8 text" },
  { "utf8-surrogate", "{\"plano\": 1, \"title\": \"\xed\xa0\x80\"}", "line 1: the file is not valid UTF-8 text" },
  { "utf8-truncated", "{\"plano\": 1, \"title\": \"\xe2\x82\"}", "line 1: the file is not valid UTF-8 text" },
  { "octal-escape", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0, \"label\": \"\\777\"}]}", "line 1, column 78: not valid JSON: not a valid escape in a string" },
  { "octal-escape-name", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0, \"props\": {\"\\777\": 1}}]}", "line 1, column 79: not valid JSON: not a valid escape in a string" },
  { "nul-byte", "{\"plano\": 1,\0 \"title\": \"x\"}", "" },
  { "escaped-nul", "{\"plano\": 1, \"title\": \"a\\u0000b\"}", NULL },
  { "only-whitespace", " \n\t ", "the file is empty" },
  { "just-a-string", "\"plano\"", "the top level is not a JSON object, so this is not a Plano board" },
  { "duplicate-member", "{\"plano\": 1, \"plano\": 2}", "plano: the board is format version 2" },
  { "duplicate-member-last-checked", "{\"plano\": 1, \"title\": 1e999, \"title\": \"x\"}", NULL },
  { "byte-order-mark", "\xef\xbb\xbf{\"plano\": 1}", NULL },
  { "raw-tab-in-string", "{\"plano\": 1, \"title\": \"a\tb\"}", NULL },
  { "prop-past-64-bits", "{\"plano\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"x\": 0, \"y\": 0, \"props\": {\"rate\": 99999999999999999999}}]}", NULL },
  { "lone-surrogate", "{\"plano\": 1, \"title\": \"\\ud800\"}", "line 1, column 30: not valid JSON: not a valid escape in a string" },
  { "comment", "{\"plano\": 1 /* c */}", "line 1, column 13: not valid JSON: “/” cannot appear outside a string" },
  { "trailing-garbage", "{\"plano\": 1} x", "line 1, column 14: not valid JSON: more text after the end of the JSON value" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  gsize length = strlen (c->json);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;

  /* The NUL case is longer than strlen() says. */
  if (g_str_equal (c->name, "nul-byte"))
    length = sizeof "{\"plano\": 1,\0 \"title\": \"x\"}" - 1;

  board = plano_format_read (c->json, length, NULL, &error);

  if (c->message == NULL)
    {
      g_assert_no_error (error);
      g_assert_nonnull (board);
      return;
    }

  g_assert_null (board);
  if (!g_str_has_prefix (error->message, c->message))
    g_error ("expected an error starting “%s”, got “%s”", c->message, error->message);
}

static GString *
generate_board (guint n_nodes,
                guint label_length)
{
  GString *json = g_string_sized_new (n_nodes * (120 + label_length));
  g_autofree char *label = g_strnfill (label_length, 'x');

  g_string_append (json, "{\"plano\": 1, \"title\": \"Big\", \"nodes\": [");
  for (guint i = 0; i < n_nodes; i++)
    g_string_append_printf (json, "%s\n{\"id\": \"n%u\", \"kind\": \"kafka\", \"x\": %u, \"y\": %u, \"label\": \"%s %u\"}",
                            i > 0 ? "," : "", i, (i % 1000) * 200, (i / 1000) * 100, label, i);
  g_string_append (json, "], \"edges\": [");
  for (guint i = 1; i < n_nodes; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"from\": \"n%u\", \"to\": \"n%u\"}",
                            i > 1 ? "," : "", i, i - 1, i);
  g_string_append (json, "]}\n");

  return json;
}

/* Each large board is read in a process of its own, so that its time is the reader's and not
 * that of the heap an earlier test left. meson sets MALLOC_PERTURB_, under which glibc fills
 * the rest of a free block every time a small block grows into it, and json-glib 1.10 builds
 * each string it scans in a buffer that grows as it goes: after the 100 000 nodes were freed,
 * each growth of the 50 MB board's strings filled tens of megabytes, and the read took four
 * minutes (Debian 13) instead of one second. Returns whether the caller is that process, the
 * one that reads the board. */
static gboolean
in_own_process (void)
{
  if (g_test_subprocess ())
    return TRUE;

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

/* 100 000 nodes and 99 999 edges load as they are. */
static void
test_hundred_thousand_nodes (void)
{
  g_autoptr(GString) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;

  if (!in_own_process ())
    return;

  json = generate_board (100000, 8);
  board = plano_format_read (json->str, json->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_NODE), ==, 100000);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_EDGE), ==, 99999);
  g_assert_nonnull (plano_board_lookup_node (board, "n99999"));
}

/* A 50 MB file loads; its bytes are read once and the board holds about as much as the file. */
static void
test_fifty_megabytes (void)
{
  g_autoptr(GString) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;

  if (!in_own_process ())
    return;

  json = generate_board (60000, 740);
  g_assert_cmpuint (json->len, >=, 50 * 1000 * 1000);

  board = plano_format_read (json->str, json->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_NODE), ==, 60000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/hardening/truncation", test_truncation);
  g_test_add_func ("/plano/hardening/byte-flips", test_byte_flips);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/plano/hardening/case/%s", cases[i].name);

      g_test_add_data_func (name, &cases[i], test_case);
    }
  g_test_add_func ("/plano/hardening/hundred-thousand-nodes", test_hundred_thousand_nodes);
  g_test_add_func ("/plano/hardening/fifty-megabytes", test_fifty_megabytes);

  return g_test_run ();
}
