/* plano-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-format"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plano-board-private.h"
#include "plano-catalog.h"
#include "plano-file.h"
#include "plano-format.h"

/* Reads and writes the .plano format of FORMAT.md, version 1.
 *
 * The reader refuses a bad board with one error that names the JSON path of the problem. The
 * bytes are checked before json-glib parses them, for what json-glib cannot be trusted with:
 * its parser recurses once per level of nesting and overflows the stack on a deep enough file,
 * and it takes more than JSON, some of it wrongly (an escape such as \777 decodes to bytes
 * that are not UTF-8, 010 reads as the octal 8, an integer past 64 bits wraps around). What
 * passes the checks is JSON as RFC 8259 has it, plus a byte order mark and control characters
 * written raw inside strings, which json-glib read from the first version of Plano on.
 * json-glib builds the tree and the items are read from it.
 *
 * The writer produces the members in FORMAT.md's order with two-space indentation and
 * coordinates rounded to two decimals, so that files diff cleanly; json-glib's generator can
 * do neither, so the JSON is written by hand.
 */

#define MAX_DEPTH       64
#define MAX_STRING_LEN  100000

G_DEFINE_QUARK (plano-format-error-quark, plano_format_error)

typedef struct
{
  GString     *path;
  GPtrArray   *warnings;
  PlanoBoard  *board;
  GHashTable  *ids;       /* id → PlanoItemType + 1, for the items read so far */
} Reader;

static void G_GNUC_PRINTF (3, 4)
set_path_error (Reader      *reader,
                GError     **error,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (reader->path->len == 0)
    g_set_error_literal (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID, message);
  else
    g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID,
                 "%s: %s", reader->path->str, message);
}

static gsize
push_member (Reader     *reader,
             const char *name)
{
  gsize len = reader->path->len;

  if (len > 0)
    g_string_append_c (reader->path, '.');
  g_string_append (reader->path, name);

  return len;
}

/* Without printf, which took a tenth of the time to read a large board. */
static gsize
push_index (Reader *reader,
            guint   index)
{
  gsize len = reader->path->len;
  char digits[16];
  guint n = 0;

  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);

  g_string_append_c (reader->path, '[');
  while (n > 0)
    g_string_append_c (reader->path, digits[--n]);
  g_string_append_c (reader->path, ']');

  return len;
}

static void
pop (Reader *reader,
     gsize   len)
{
  g_string_truncate (reader->path, len);
}

/* Checks of the raw bytes */

#define BYTE_ORDER_MARK "\xef\xbb\xbf"

/* 3 when the @length bytes of @data start with a byte order mark, which json-glib skips. */
static gsize
byte_order_mark_length (const char *data,
                        gsize       length)
{
  return length >= 3 && memcmp (data, BYTE_ORDER_MARK, 3) == 0 ? 3 : 0;
}

/* What the checks of the bytes found for the reader to act on. */
typedef struct
{
  GArray   *big_integers;   /* offsets of integers too large for 64 bits, or NULL */
  GArray   *raw_controls;   /* offsets of control characters written raw in strings, or NULL */
  gboolean  check_values;   /* a string or a number may break the limits of check_tree() */
} Findings;

static void
findings_clear (Findings *findings)
{
  g_clear_pointer (&findings->big_integers, g_array_unref);
  g_clear_pointer (&findings->raw_controls, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Findings, findings_clear)

/* The line of byte @offset, counted only for an error message. */
static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

/* Refuses the bytes with the line and column of byte @offset; the column counts characters,
 * and a byte order mark is not one.
 */
static gboolean
fail_at (const char  *data,
         gsize        offset,
         const char  *reason,
         GError     **error)
{
  gsize start = offset;
  gsize skip = byte_order_mark_length (data, offset);

  while (start > skip && data[start - 1] != '\n')
    start--;

  g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID,
               _("line %u, column %u: not valid JSON: %s"), line_at (data, offset),
               (guint) g_utf8_strlen (data + start, offset - start) + 1, reason);
  return FALSE;
}

static gboolean
is_hex (const char *data,
        gsize       length,
        gsize       offset)
{
  return offset < length && g_ascii_isxdigit (data[offset]);
}

/* Reads the \uXXXX escape at @offset into *@out; where there is none, *@bad is the first byte
 * that does not fit.
 */
static gboolean
read_unicode_escape (const char *data,
                     gsize       length,
                     gsize       offset,
                     gunichar   *out,
                     gsize      *bad)
{
  gunichar c = 0;

  if (offset + 1 >= length || data[offset] != '\\' || data[offset + 1] != 'u')
    {
      *bad = offset;
      return FALSE;
    }

  for (gsize i = offset + 2; i < offset + 6; i++)
    {
      if (!is_hex (data, length, i))
        {
          *bad = i;
          return FALSE;
        }
      c = c * 16 + g_ascii_xdigit_value (data[i]);
    }

  *out = c;
  return TRUE;
}

/* The escape whose backslash is at *@i: one of JSON's, with a surrogate only as the first half
 * of a pair that is all there. json-glib takes any other character after a backslash (\q is q,
 * \777 the byte 0xff) and turns a lone surrogate into bytes that are not UTF-8. On success *@i
 * is the escape's last byte.
 */
static gboolean
check_escape (const char  *data,
              gsize        length,
              gsize       *i,
              GError     **error)
{
  gsize bad;
  gunichar c;

  if (*i + 1 >= length)
    return TRUE; /* json-glib says the string is not closed */

  switch (data[*i + 1])
    {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
      *i += 1;
      return TRUE;

    case 'u':
      if (!read_unicode_escape (data, length, *i, &c, &bad))
        return fail_at (data, bad, _("not a valid escape in a string"), error);

      if (c >= 0xdc00 && c <= 0xdfff)
        return fail_at (data, *i + 6, _("not a valid escape in a string"), error);

      if (c >= 0xd800 && c <= 0xdbff)
        {
          if (!read_unicode_escape (data, length, *i + 6, &c, &bad))
            return fail_at (data, *i + 6, _("not a valid escape in a string"), error);
          if (c < 0xdc00 || c > 0xdfff)
            return fail_at (data, *i + 12, _("not a valid escape in a string"), error);
          *i += 6;
        }

      *i += 5;
      return TRUE;

    default:
      return fail_at (data, *i + 1, _("not a valid escape in a string"), error);
    }
}

/* The number that starts at *@i, spelt as JSON has it: json-glib also takes 01 (and reads 010
 * as the octal 8), 1., .5, "- 1" and 0x1f. On success *@i is the byte after it.
 */
static gboolean
check_number (const char  *data,
              gsize        length,
              gsize       *i,
              Findings    *findings,
              GError     **error)
{
  gsize start = *i;
  gsize p = start;
  gsize digits;
  gsize exponent = 0;
  gboolean integer = TRUE;

  if (data[p] == '-')
    p++;

  digits = p;
  if (p < length && data[p] == '0')
    p++;
  else if (p < length && data[p] >= '1' && data[p] <= '9')
    while (p < length && g_ascii_isdigit (data[p]))
      p++;
  else
    return fail_at (data, p, _("not a valid number"), error);
  digits = p - digits;

  if (p < length && data[p] == '.')
    {
      integer = FALSE;
      p++;
      if (p >= length || !g_ascii_isdigit (data[p]))
        return fail_at (data, p, _("not a valid number"), error);
      while (p < length && g_ascii_isdigit (data[p]))
        p++;
    }

  if (p < length && (data[p] == 'e' || data[p] == 'E'))
    {
      integer = FALSE;
      p++;
      gboolean negative = p < length && data[p] == '-';

      if (p < length && (data[p] == '+' || data[p] == '-'))
        p++;
      if (p >= length || !g_ascii_isdigit (data[p]))
        return fail_at (data, p, _("not a valid number"), error);
      for (; p < length && g_ascii_isdigit (data[p]); p++)
        if (!negative)
          exponent = MIN (exponent * 10 + (data[p] - '0'), 1000);
    }

  if (p < length && (g_ascii_isalnum (data[p]) || data[p] == '.' || data[p] == '+' ||
                     data[p] == '-'))
    return fail_at (data, p, _("not a valid number"), error);

  /* Below 10^300 a number is finite. */
  if (digits + exponent >= 300)
    findings->check_values = TRUE;

  /* G_MAXINT64 has 19 digits; -G_MININT64 is one more. */
  if (integer && digits >= 19)
    {
      const char *limit = data[start] == '-' ? "9223372036854775808" : "9223372036854775807";

      if (digits > 19 || memcmp (data + p - 19, limit, 19) > 0)
        {
          if (findings->big_integers == NULL)
            findings->big_integers = g_array_new (FALSE, FALSE, sizeof (gsize));
          g_array_append_val (findings->big_integers, start);
        }
    }

  *i = p;
  return TRUE;
}

/* What JSON has outside strings and numbers: white space, punctuation, and the letters of true,
 * false and null. Anything else is a liberty json-glib takes (comments, single quotes, NaN,
 * "var x = …") or not JSON at all.
 */
static const gboolean outside_strings[256] = {
  [' '] = TRUE, ['\t'] = TRUE, ['\r'] = TRUE, ['\n'] = TRUE,
  ['{'] = TRUE, ['}'] = TRUE, ['['] = TRUE, [']'] = TRUE, [','] = TRUE, [':'] = TRUE,
  ['a'] = TRUE, ['e'] = TRUE, ['f'] = TRUE, ['l'] = TRUE, ['n'] = TRUE, ['r'] = TRUE,
  ['s'] = TRUE, ['t'] = TRUE, ['u'] = TRUE,
};

/* Before json-glib sees the bytes: they are UTF-8, hold more than white space, nest no deeper
 * than MAX_DEPTH levels, and stop after the top-level value; what is outside strings is JSON
 * punctuation, the letters of true, false and null, and numbers as JSON spells them; escapes
 * are JSON's. json-glib checks the rest: that the values, commas and colons are in their
 * places.
 */
static gboolean
check_bytes (const char  *data,
             gsize        length,
             Findings    *findings,
             GError     **error)
{
  const char *end = NULL;
  guint depth = 0;
  gboolean only_space = TRUE;
  gboolean closed = FALSE;
  gsize i;

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID,
                   _("line %u: the file is not valid UTF-8 text"), line_at (data, end - data));
      return FALSE;
    }

  i = byte_order_mark_length (data, length);

  while (i < length)
    {
      guchar c = data[i];

      if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        {
          i++;
          continue;
        }

      only_space = FALSE;

      if (closed)
        return fail_at (data, i, _("more text after the end of the JSON value"), error);

      if (c == '"')
        {
          gsize start = i;

          for (i++; i < length && data[i] != '"'; i++)
            {
              if (data[i] == '\\' && !check_escape (data, length, &i, error))
                return FALSE;
              if ((guchar) data[i] < 0x20)
                {
                  if (findings->raw_controls == NULL)
                    findings->raw_controls = g_array_new (FALSE, FALSE, sizeof (gsize));
                  g_array_append_val (findings->raw_controls, i);
                }
            }

          /* No fewer bytes than characters. */
          if (i - start - 1 > MAX_STRING_LEN)
            findings->check_values = TRUE;
          i++;
          continue;
        }

      if (c == '-' || g_ascii_isdigit (c))
        {
          if (!check_number (data, length, &i, findings, error))
            return FALSE;
          continue;
        }

      if (!outside_strings[c])
        {
          gunichar u = g_utf8_get_char (data + i);
          char character[16] = { 0, };
          g_autofree char *reason = NULL;

          if (g_unichar_isprint (u))
            g_unichar_to_utf8 (u, character);
          else
            g_snprintf (character, sizeof character, "U+%04X", u);
          reason = g_strdup_printf (_("“%s” cannot appear outside a string"), character);
          return fail_at (data, i, reason, error);
        }

      if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            {
              g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID,
                           _("line %u: nesting deeper than %u levels"), line_at (data, i),
                           MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        {
          closed = --depth == 0;
        }

      i++;
    }

  if (only_space)
    {
      g_set_error_literal (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID,
                           _("the file is empty"));
      return FALSE;
    }

  return TRUE;
}

/* json-glib reads an integer past 64 bits wrapped around (99999999999999999999 as -1). The
 * integers at @offsets of @data are written over, in place, with the same number as digits
 * and a power of ten, which json-glib reads as the double nearest to it; spaces fill the rest,
 * so that lines and columns stay where they were.
 */
static void
rewrite_big_integers (char   *data,
                      gsize   length,
                      GArray *offsets)
{
  for (guint k = 0; k < offsets->len; k++)
    {
      gsize start = g_array_index (offsets, gsize, k);
      gsize end = start + 1;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *integer = NULL;
      double value;

      while (end < length && g_ascii_isdigit (data[end]))
        end++;
      integer = g_strndup (data + start, end - start);
      value = g_ascii_strtod (integer, NULL);

      if (isfinite (value))
        {
          /* "-9.2233720368547758e+18": 17 significant digits, enough for any double. */
          char mantissa[G_ASCII_DTOSTR_BUF_SIZE];
          const char *e;

          g_ascii_formatd (mantissa, sizeof mantissa, "%.16e", value);
          e = strchr (mantissa, 'e');
          g_assert (e != NULL);

          for (const char *p = mantissa; p < e; p++)
            if (*p != '.')
              g_string_append_c (text, *p);
          g_string_append_printf (text, "e%d", atoi (e + 1) - 16);
        }
      else
        {
          /* Past the largest double: check_tree() refuses it as not finite. */
          g_string_append (text, value < 0 ? "-1e999" : "1e999");
        }

      /* The integer had at least 19 digits; its new spelling takes at most 19 bytes. */
      g_assert (text->len <= end - start);
      memset (data + start, ' ', end - start);
      memcpy (data + start, text->str, text->len);
    }
}

/* json-glib 1.6 read a control character written raw in a string as itself; later versions
 * refuse it. Each one at @offsets is written as its \u escape in a copy of @data, so that every
 * json-glib reads the board as Plano always has. An escape is 5 bytes longer than the
 * character it stands for: plano_format_read() takes the offsets to map a place in the copy
 * back to the file.
 */
static char *
escape_raw_controls (const char *data,
                     gsize       length,
                     GArray     *offsets,
                     gsize      *new_length)
{
  GString *out = g_string_sized_new (length + 5 * offsets->len);
  gsize from = 0;

  for (guint k = 0; k < offsets->len; k++)
    {
      gsize at = g_array_index (offsets, gsize, k);

      g_string_append_len (out, data + from, at - from);
      g_string_append_printf (out, "\\u%04x", (guchar) data[at]);
      from = at + 1;
    }
  g_string_append_len (out, data + from, length - from);

  *new_length = out->len;
  return g_string_free (out, FALSE);
}

/* Where json-glib stopped on a syntax error, read while its scanner is there. */
typedef struct
{
  guint line;
  guint position;   /* bytes into the line */
} SyntaxErrorPlace;

static void
parser_error_cb (JsonParser   *parser,
                 const GError *error,
                 gpointer      user_data)
{
  SyntaxErrorPlace *place = user_data;

  place->line = json_parser_get_current_line (parser);
  place->position = json_parser_get_current_pos (parser);
}

/* json-glib says "<data>:3:14: Parse error: unexpected character `,'" (or the same in the
 * user's language): the reason is what follows the second ": ".
 */
static const char *
syntax_error_reason (const char *message)
{
  const char *p = message;

  if (!g_str_has_prefix (p, "<data>:"))
    return message;

  p += strlen ("<data>:");
  while (g_ascii_isdigit (*p) || *p == ':')
    p++;
  p = strstr (p, ": ");

  return p != NULL ? p + 2 : message;
}

/* The same error in Plano's words, with the column in characters. @parsed is what json-glib
 * read, @data the file; they differ by the escapes of @raw_controls (NULL when they are the
 * same).
 */
static void
set_syntax_error (const char             *parsed,
                  gsize                   parsed_length,
                  const char             *data,
                  GArray                 *raw_controls,
                  const SyntaxErrorPlace *place,
                  const GError           *parse_error,
                  GError                **error)
{
  const char *reason = syntax_error_reason (parse_error->message);
  gsize start = byte_order_mark_length (parsed, parsed_length);
  gsize end;

  if (place->line == 0)
    {
      g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID,
                   _("not valid JSON: %s"), reason);
      return;
    }

  for (guint line = 1; line < place->line && start < parsed_length; start++)
    if (parsed[start] == '\n')
      line++;

  end = MIN (start + MAX (place->position, 1) - 1, parsed_length);

  /* Back from the copy to the file: each escape before the place took 5 more bytes, and a
   * place inside an escape is its character's. */
  if (raw_controls != NULL)
    {
      gsize copied = end;

      for (guint k = 0; k < raw_controls->len; k++)
        {
          gsize at = g_array_index (raw_controls, gsize, k) + 5 * k;

          if (at >= copied)
            break;
          end -= MIN (5, copied - at);
        }
    }

  fail_at (data, end, reason, error);
}

static JsonNode *
parse (const char  *parsed,
       gsize        parsed_length,
       const char  *data,
       GArray      *raw_controls,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  SyntaxErrorPlace place = { 0, };
  JsonNode *root;

  g_signal_connect (parser, "error", G_CALLBACK (parser_error_cb), &place);

  if (!json_parser_load_from_data (parser, parsed, parsed_length, &parse_error))
    {
      set_syntax_error (parsed, parsed_length, data, raw_controls, &place, parse_error, error);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    g_set_error_literal (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID,
                         _("the file is empty"));

  return root;
}

/* A walk over the whole tree for the rules that hold everywhere: strings no longer than
 * 100 000 characters and only finite numbers. It is needed only when the bytes have a string or
 * a number that may break them (check_bytes() says). Strings and member names need no UTF-8
 * check: the bytes and their escapes were checked before parsing.
 *
 * With a %NULL @reader the walk only says whether the tree passes; building the path of every
 * value would cost more than the checks, so it is done again with the reader for a tree that
 * does not pass.
 */
static gboolean
check_tree (Reader    *reader,
            JsonNode  *node,
            GError   **error)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            gsize len = reader != NULL ? push_member (reader, name) : 0;

            if (!check_tree (reader, member, error))
              return FALSE;
            if (reader != NULL)
              pop (reader, len);
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        for (guint i = 0; i < n; i++)
          {
            gsize len = reader != NULL ? push_index (reader, i) : 0;

            if (!check_tree (reader, json_array_get_element (array, i), error))
              return FALSE;
            if (reader != NULL)
              pop (reader, len);
          }
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          {
            const char *s = json_node_get_string (node);

            if (strlen (s) > MAX_STRING_LEN && g_utf8_strlen (s, -1) > MAX_STRING_LEN)
              {
                if (reader != NULL)
                  set_path_error (reader, error, _("string longer than %u characters"),
                                  MAX_STRING_LEN);
                return FALSE;
              }
          }
        else if (type == G_TYPE_DOUBLE && !isfinite (json_node_get_double (node)))
          {
            if (reader != NULL)
              set_path_error (reader, error, _("not a finite number"));
            return FALSE;
          }
      }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }

  return TRUE;
}

/* Typed members. Each get_* reads member @name of @object into @out; a missing member is an
 * error when @required and leaves @out alone otherwise.
 */

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static JsonNode *
get_member_node (Reader      *reader,
                 JsonObject  *object,
                 const char  *name,
                 gboolean     required,
                 gsize       *len,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *len = push_member (reader, name);

  if (node == NULL || (JSON_NODE_HOLDS_NULL (node) && !required))
    {
      if (required)
        set_path_error (reader, error, _("missing"));
      return NULL;
    }

  return node;
}

/* Looks up the optional member @name of @object, which must hold a @type node. Returns FALSE
 * with @expected as the error when it holds something else; TRUE otherwise, with *@out NULL
 * when the member is absent. When *@out is set, the path names the member until the caller
 * pops *@len.
 */
static gboolean
get_optional (Reader        *reader,
              JsonObject    *object,
              const char    *name,
              JsonNodeType   type,
              const char    *expected,
              JsonNode     **out,
              gsize         *len,
              GError       **error)
{
  JsonNode *node = get_member_node (reader, object, name, FALSE, len, error);

  *out = NULL;

  if (node == NULL)
    {
      pop (reader, *len);
      return TRUE;
    }

  if (JSON_NODE_TYPE (node) != type)
    {
      set_path_error (reader, error, "%s", expected);
      return FALSE;
    }

  *out = node;

  return TRUE;
}

static gboolean
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *name,
            gboolean     required,
            char       **out,
            GError     **error)
{
  gsize len;
  JsonNode *node = get_member_node (reader, object, name, required, &len, error);

  if (node == NULL)
    {
      pop (reader, len);
      return !required;
    }

  if (!holds_type (node, G_TYPE_STRING))
    {
      set_path_error (reader, error, _("expected a string"));
      return FALSE;
    }

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  pop (reader, len);

  return TRUE;
}

typedef enum
{
  RANGE_COORD,
  RANGE_SIZE,
} Range;

static gboolean
check_range (Reader  *reader,
             double   value,
             Range    range,
             GError **error)
{
  if (range == RANGE_COORD && fabs (value) > PLANO_COORD_MAX)
    {
      set_path_error (reader, error, _("%g is out of range (at most ±10 000 000)"), value);
      return FALSE;
    }

  if (range == RANGE_SIZE && (value <= 0 || value > PLANO_SIZE_MAX))
    {
      set_path_error (reader, error, _("%g is out of range (more than 0, at most 100 000)"),
                      value);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_number (Reader      *reader,
            JsonObject  *object,
            const char  *name,
            gboolean     required,
            Range        range,
            double      *out,
            gboolean    *found,
            GError     **error)
{
  gsize len;
  JsonNode *node = get_member_node (reader, object, name, required, &len, error);

  if (node == NULL)
    {
      pop (reader, len);
      return !required;
    }

  if (!is_number (node))
    {
      set_path_error (reader, error, _("expected a number"));
      return FALSE;
    }

  *out = json_node_get_double (node);
  if (!check_range (reader, *out, range, error))
    return FALSE;

  if (found != NULL)
    *found = TRUE;
  pop (reader, len);

  return TRUE;
}

static gboolean
get_strv (Reader      *reader,
          JsonObject  *object,
          const char  *name,
          GStrv       *out,
          GError     **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  JsonNode *node;
  guint n;
  gsize len;

  if (!get_optional (reader, object, name, JSON_NODE_ARRAY, _("expected an array of strings"),
                     &node, &len, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  builder = g_strv_builder_new ();
  array = json_node_get_array (node);
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize index_len = push_index (reader, i);

      if (!holds_type (element, G_TYPE_STRING))
        {
          set_path_error (reader, error, _("expected a string"));
          return FALSE;
        }

      g_strv_builder_add (builder, json_node_get_string (element));
      pop (reader, index_len);
    }

  *out = g_strv_builder_end (builder);
  pop (reader, len);

  return TRUE;
}

static gboolean
get_props (Reader      *reader,
           JsonObject  *object,
           GArray     **out,
           GError     **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  JsonNode *node;
  gsize len;

  if (!get_optional (reader, object, "props", JSON_NODE_OBJECT, _("expected an object"),
                     &node, &len, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      PlanoProp prop = { (char *) name, 0, };
      gsize prop_len = push_member (reader, name);
      GType type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_NONE;

      if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
        {
          prop.type = PLANO_VALUE_NUMBER;
          prop.number = json_node_get_double (value);
        }
      else if (type == G_TYPE_STRING)
        {
          prop.type = PLANO_VALUE_STRING;
          prop.string = (char *) json_node_get_string (value);
        }
      else if (type == G_TYPE_BOOLEAN)
        {
          prop.type = PLANO_VALUE_BOOLEAN;
          prop.boolean = json_node_get_boolean (value);
        }
      else
        {
          set_path_error (reader, error, _("expected a number, a string, true or false"));
          return FALSE;
        }

      plano_props_set (out, &prop);
      pop (reader, prop_len);
    }

  pop (reader, len);

  return TRUE;
}

static gboolean
get_id (Reader      *reader,
        JsonObject  *object,
        PlanoItem   *item,
        GError     **error)
{
  gsize len;

  if (!get_string (reader, object, "id", TRUE, &item->id, error))
    return FALSE;

  len = push_member (reader, "id");

  if (!plano_id_is_valid (item->id))
    {
      set_path_error (reader, error,
                      _("“%s” is not a valid id: use 1 to 64 letters, digits and _ . : -"),
                      item->id);
      return FALSE;
    }

  if (g_hash_table_contains (reader->ids, item->id))
    {
      set_path_error (reader, error, _("duplicate id “%s”"), item->id);
      return FALSE;
    }

  g_hash_table_insert (reader->ids, item->id, GINT_TO_POINTER (item->type + 1));
  pop (reader, len);

  return TRUE;
}

static void G_GNUC_PRINTF (2, 3)
add_warning (Reader     *reader,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (reader->warnings == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (reader->warnings, g_strdup_printf ("%s: %s", reader->path->str, message));
}

/* Items */

static gboolean
read_node (Reader      *reader,
           JsonObject  *object,
           PlanoItem   *item,
           GError     **error)
{
  PlanoNode *node = (PlanoNode *) item;
  gboolean has_w = FALSE;
  gboolean has_h = FALSE;

  if (!get_string (reader, object, "kind", TRUE, &node->kind, error) ||
      !get_number (reader, object, "x", TRUE, RANGE_COORD, &node->x, NULL, error) ||
      !get_number (reader, object, "y", TRUE, RANGE_COORD, &node->y, NULL, error) ||
      !get_number (reader, object, "w", FALSE, RANGE_SIZE, &node->w, &has_w, error) ||
      !get_number (reader, object, "h", FALSE, RANGE_SIZE, &node->h, &has_h, error) ||
      !get_string (reader, object, "label", FALSE, &node->label, error) ||
      !get_string (reader, object, "zone", FALSE, &node->zone, error) ||
      !get_props (reader, object, &node->props, error) ||
      !get_string (reader, object, "note", FALSE, &node->note, error))
    return FALSE;

  if (has_w != has_h)
    {
      const PlanoKind *kind = plano_catalog_lookup (node->kind);

      if (kind == NULL)
        kind = plano_catalog_get_generic ();
      if (!has_w)
        node->w = kind->width;
      if (!has_h)
        node->h = kind->height;
    }
  node->has_size = has_w || has_h;

  if (plano_catalog_lookup (node->kind) == NULL)
    {
      gsize len = push_member (reader, "kind");

      add_warning (reader, _("unknown kind “%s”, drawn as a generic component"), node->kind);
      pop (reader, len);
    }

  return TRUE;
}

static gboolean
read_waypoints (Reader      *reader,
                JsonObject  *object,
                GArray     **out,
                GError     **error)
{
  JsonArray *array;
  JsonNode *node;
  guint n;
  gsize len;

  if (!get_optional (reader, object, "waypoints", JSON_NODE_ARRAY,
                     _("expected an array of [x, y] points"), &node, &len, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  *out = g_array_sized_new (FALSE, FALSE, sizeof (PlanoPoint), n);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize point_len = push_index (reader, i);
      JsonArray *pair;
      PlanoPoint point;

      if (!JSON_NODE_HOLDS_ARRAY (element) ||
          json_array_get_length (json_node_get_array (element)) != 2)
        {
          set_path_error (reader, error, _("expected an [x, y] point"));
          return FALSE;
        }

      pair = json_node_get_array (element);
      for (guint j = 0; j < 2; j++)
        {
          JsonNode *coord = json_array_get_element (pair, j);
          gsize coord_len = push_index (reader, j);
          double value;

          if (!is_number (coord))
            {
              set_path_error (reader, error, _("expected a number"));
              return FALSE;
            }

          value = json_node_get_double (coord);
          if (!check_range (reader, value, RANGE_COORD, error))
            return FALSE;

          if (j == 0)
            point.x = value;
          else
            point.y = value;
          pop (reader, coord_len);
        }

      g_array_append_val (*out, point);
      pop (reader, point_len);
    }

  pop (reader, len);

  return TRUE;
}

static gboolean
read_edge (Reader      *reader,
           JsonObject  *object,
           PlanoItem   *item,
           GError     **error)
{
  PlanoEdge *edge = (PlanoEdge *) item;
  static const char * const kinds[] = {
    "flow", "stream", "batch", "request", "cdc", "replication", NULL
  };

  if (!get_string (reader, object, "from", TRUE, &edge->from, error) ||
      !get_string (reader, object, "to", TRUE, &edge->to, error) ||
      !get_string (reader, object, "kind", FALSE, &edge->kind, error) ||
      !get_string (reader, object, "label", FALSE, &edge->label, error) ||
      !read_waypoints (reader, object, &edge->waypoints, error) ||
      !get_string (reader, object, "route", FALSE, &edge->route, error) ||
      !get_props (reader, object, &edge->props, error))
    return FALSE;

  if (edge->kind != NULL && !g_strv_contains (kinds, edge->kind))
    {
      gsize len = push_member (reader, "kind");

      add_warning (reader, _("unknown connection kind “%s”, drawn as a plain flow"), edge->kind);
      pop (reader, len);
    }

  /* A routing style of a later version is kept as written and drawn in the board's. */
  if (edge->route != NULL && !plano_route_from_string (edge->route, NULL))
    {
      gsize len = push_member (reader, "route");

      add_warning (reader, _("unknown routing style “%s”, drawn in the board’s style"),
                   edge->route);
      pop (reader, len);
    }

  return TRUE;
}

static gboolean
read_zone (Reader      *reader,
           JsonObject  *object,
           PlanoItem   *item,
           GError     **error)
{
  PlanoZone *zone = (PlanoZone *) item;

  return get_string (reader, object, "label", FALSE, &zone->label, error) &&
         get_number (reader, object, "x", TRUE, RANGE_COORD, &zone->x, NULL, error) &&
         get_number (reader, object, "y", TRUE, RANGE_COORD, &zone->y, NULL, error) &&
         get_number (reader, object, "w", TRUE, RANGE_SIZE, &zone->w, NULL, error) &&
         get_number (reader, object, "h", TRUE, RANGE_SIZE, &zone->h, NULL, error) &&
         get_string (reader, object, "kind", FALSE, &zone->kind, error);
}

static gboolean
read_note (Reader      *reader,
           JsonObject  *object,
           PlanoItem   *item,
           GError     **error)
{
  PlanoNote *note = (PlanoNote *) item;
  gboolean has_w = FALSE;
  gboolean has_h = FALSE;

  if (!get_string (reader, object, "text", TRUE, &note->text, error) ||
      !get_number (reader, object, "x", TRUE, RANGE_COORD, &note->x, NULL, error) ||
      !get_number (reader, object, "y", TRUE, RANGE_COORD, &note->y, NULL, error) ||
      !get_number (reader, object, "w", FALSE, RANGE_SIZE, &note->w, &has_w, error) ||
      !get_number (reader, object, "h", FALSE, RANGE_SIZE, &note->h, &has_h, error) ||
      !get_string (reader, object, "target", FALSE, &note->target, error))
    return FALSE;

  if (has_w != has_h)
    {
      if (!has_w)
        note->w = PLANO_NOTE_DEFAULT_WIDTH;
      if (!has_h)
        note->h = PLANO_NOTE_DEFAULT_HEIGHT;
    }
  note->has_size = has_w || has_h;

  return TRUE;
}

/* A text's box when the file leaves it out: as wide as its longest line, up to the width at
 * which a new text wraps, and as tall as its lines, at about half an em a letter. The renderer
 * draws the text whole whatever the box says, and Plano fits the box when the text is edited.
 */
static void
estimate_text_box (PlanoText *text,
                   gboolean   has_w,
                   gboolean   has_h)
{
  double size = plano_text_get_font_size (text);
  g_auto(GStrv) lines = g_strsplit (text->text, "\n", -1);
  double longest = 0;
  guint n_lines = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    longest = MAX (longest, g_utf8_strlen (lines[i], -1) * size * 0.55);

  if (!has_w)
    text->w = CLAMP (longest + 4, size, PLANO_TEXT_MAX_WIDTH);
  for (guint i = 0; lines[i] != NULL; i++)
    n_lines += MAX (1, (guint) ceil (g_utf8_strlen (lines[i], -1) * size * 0.55 / MAX (text->w - 4, 1)));
  if (!has_h)
    text->h = MAX (n_lines, 1) * size * 1.3 + 4;
}

/* texts[]: plain text on the board (docs/format.md). A size this Plano does not know is kept
 * as written and drawn at the normal size, with a warning, as an unknown kind is. */
static gboolean
read_text (Reader      *reader,
           JsonObject  *object,
           PlanoItem   *item,
           GError     **error)
{
  PlanoText *text = (PlanoText *) item;
  gboolean has_w = FALSE;
  gboolean has_h = FALSE;

  if (!get_string (reader, object, "text", TRUE, &text->text, error) ||
      !get_number (reader, object, "x", TRUE, RANGE_COORD, &text->x, NULL, error) ||
      !get_number (reader, object, "y", TRUE, RANGE_COORD, &text->y, NULL, error) ||
      !get_number (reader, object, "w", FALSE, RANGE_SIZE, &text->w, &has_w, error) ||
      !get_number (reader, object, "h", FALSE, RANGE_SIZE, &text->h, &has_h, error) ||
      !get_string (reader, object, "size", FALSE, &text->size, error))
    return FALSE;

  if (!has_w || !has_h)
    estimate_text_box (text, has_w, has_h);

  if (text->size != NULL && !g_str_equal (text->size, "small") && !g_str_equal (text->size, "normal") &&
      !g_str_equal (text->size, "large"))
    {
      gsize len = push_member (reader, "size");

      add_warning (reader, _("unknown text size “%s”, drawn at the normal size"), text->size);
      pop (reader, len);
    }

  return TRUE;
}

static gboolean
read_tradeoff (Reader      *reader,
               JsonObject  *object,
               PlanoItem   *item,
               GError     **error)
{
  PlanoTradeoff *tradeoff = (PlanoTradeoff *) item;

  return get_string (reader, object, "title", TRUE, &tradeoff->title, error) &&
         get_string (reader, object, "target", FALSE, &tradeoff->target, error) &&
         get_string (reader, object, "choice", FALSE, &tradeoff->choice, error) &&
         get_strv (reader, object, "alternatives", &tradeoff->alternatives, error) &&
         get_strv (reader, object, "pros", &tradeoff->pros, error) &&
         get_strv (reader, object, "cons", &tradeoff->cons, error) &&
         get_string (reader, object, "rationale", FALSE, &tradeoff->rationale, error);
}

typedef gboolean (*ReadItemFunc) (Reader      *reader,
                                  JsonObject  *object,
                                  PlanoItem   *item,
                                  GError     **error);

static const ReadItemFunc read_item_funcs[PLANO_N_ITEM_TYPES] = {
  [PLANO_ITEM_NODE] = read_node,
  [PLANO_ITEM_EDGE] = read_edge,
  [PLANO_ITEM_ZONE] = read_zone,
  [PLANO_ITEM_NOTE] = read_note,
  [PLANO_ITEM_TEXT] = read_text,
  [PLANO_ITEM_TRADEOFF] = read_tradeoff,
};

static gboolean
read_items (Reader         *reader,
            JsonObject     *root,
            PlanoItemType   type,
            GPtrArray      *items,
            GError        **error)
{
  JsonArray *array;
  JsonNode *node;
  guint n;
  gsize len;

  if (!get_optional (reader, root, plano_item_type_get_name (type), JSON_NODE_ARRAY,
                     _("expected an array"), &node, &len, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize item_len = push_index (reader, i);
      JsonObject *object;
      PlanoItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          set_path_error (reader, error, _("expected an object"));
          return FALSE;
        }

      object = json_node_get_object (element);
      item = plano_item_new (type, NULL);
      g_ptr_array_add (items, item);

      if (!get_id (reader, object, item, error) ||
          !read_item_funcs[type] (reader, object, item, error))
        return FALSE;

      pop (reader, item_len);
    }

  pop (reader, len);

  return TRUE;
}

static gboolean
check_endpoint (Reader      *reader,
                const char  *id,
                GError     **error)
{
  int type = GPOINTER_TO_INT (g_hash_table_lookup (reader->ids, id)) - 1;

  if (type < 0)
    {
      set_path_error (reader, error, _("no item with id “%s”"), id);
      return FALSE;
    }

  if (type != PLANO_ITEM_NODE && type != PLANO_ITEM_ZONE)
    {
      set_path_error (reader, error, _("“%s” is not a component or a zone"), id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_version (Reader      *reader,
              JsonObject  *root,
              GError     **error)
{
  gsize len;
  JsonNode *node = get_member_node (reader, root, "plano", TRUE, &len, error);
  gint64 version;

  if (node == NULL)
    return FALSE;

  if (!holds_type (node, G_TYPE_INT64))
    {
      set_path_error (reader, error, _("expected an integer"));
      return FALSE;
    }

  version = json_node_get_int (node);
  if (version > PLANO_FORMAT_VERSION || version < 1)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      if (version > PLANO_FORMAT_VERSION)
        g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_VERSION,
                     _("plano: the board is format version %s, newer than this Plano reads "
                       "(version %d); update Plano to open it"),
                     number, PLANO_FORMAT_VERSION);
      else
        g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_VERSION,
                     _("plano: %s is not a format version (this Plano reads version %d)"),
                     number, PLANO_FORMAT_VERSION);
      return FALSE;
    }

  pop (reader, len);

  return TRUE;
}

/* The members the board keeps as JSON, the interview record and the view, are shared with the
 * tree, which is freed around them, and sealed: nothing changes them in place.
 */
static gboolean
read_object_member (Reader      *reader,
                    JsonObject  *root,
                    const char  *name,
                    JsonNode   **out,
                    GError     **error)
{
  JsonNode *node;
  gsize len;

  if (!get_optional (reader, root, name, JSON_NODE_OBJECT, _("expected an object"),
                     &node, &len, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  *out = json_node_copy (node);
  json_node_seal (*out);
  pop (reader, len);

  return TRUE;
}

static gboolean
read_contents (Reader      *reader,
               JsonObject  *root,
               GPtrArray  **items,
               char       **title,
               GArray     **props,
               JsonNode   **interview,
               JsonNode   **view,
               GError     **error)
{
  if (!get_string (reader, root, "title", FALSE, title, error))
    return FALSE;

  for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
    if (!read_items (reader, root, t, items[t], error))
      return FALSE;

  for (guint i = 0; i < items[PLANO_ITEM_EDGE]->len; i++)
    {
      const PlanoEdge *edge = g_ptr_array_index (items[PLANO_ITEM_EDGE], i);
      gsize len = push_member (reader, "edges");
      gsize member_len;

      push_index (reader, i);

      member_len = push_member (reader, "from");
      if (!check_endpoint (reader, edge->from, error))
        return FALSE;
      pop (reader, member_len);

      member_len = push_member (reader, "to");
      if (!check_endpoint (reader, edge->to, error))
        return FALSE;

      pop (reader, len);
    }

  if (!get_props (reader, root, props, error))
    return FALSE;

  /* The board's routing style: one this version does not know draws straight, as before. */
  {
    const PlanoProp *route = plano_props_lookup (*props, "route");

    if (route != NULL && (route->type != PLANO_VALUE_STRING ||
                          !plano_route_from_string (route->string, NULL)))
      {
        gsize len = push_member (reader, "props");
        gsize route_len = push_member (reader, "route");

        add_warning (reader, _("not a routing style (straight, orthogonal or curved): "
                               "connections are drawn straight"));
        pop (reader, route_len);
        pop (reader, len);
      }
  }

  return read_object_member (reader, root, "interview", interview, error) &&
         read_object_member (reader, root, "view", view, error);
}

static PlanoBoard *
read_root (Reader    *reader,
           JsonNode  *root_node,
           gboolean   check_values,
           GError   **error)
{
  GPtrArray *items[PLANO_N_ITEM_TYPES];
  g_autoptr(JsonNode) interview = NULL;
  g_autoptr(JsonNode) view = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GArray) props = NULL;
  PlanoBoard *board = NULL;
  JsonObject *root;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error_literal (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID,
                           _("the top level is not a JSON object, so this is not a Plano board"));
      return NULL;
    }

  root = json_node_get_object (root_node);

  if (!read_version (reader, root, error))
    return NULL;

  if (check_values && !check_tree (NULL, root_node, NULL))
    {
      check_tree (reader, root_node, error);
      return NULL;
    }

  for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
    items[t] = g_ptr_array_new_with_free_func ((GDestroyNotify) plano_item_free);

  if (read_contents (reader, root, items, &title, &props, &interview, &view, error))
    {
      board = plano_board_new ();
      plano_board_set_loaded_title (board, title);
      plano_board_set_loaded_props (board, props);
      for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
        for (guint i = 0; i < items[t]->len; i++)
          plano_board_append_loaded (board, g_steal_pointer (&g_ptr_array_index (items[t], i)));
      plano_board_set_interview (board, interview);
      plano_board_set_view (board, view);
    }

  for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
    g_ptr_array_unref (items[t]);

  return board;
}

/**
 * plano_format_read:
 * @data: the bytes of a .plano file
 * @length: their length
 * @warnings: (out) (optional) (transfer full): what loaded but deserves a word, such as an
 *   unknown kind; one string each, starting with its JSON path
 * @error: where to say why the bytes are not a board
 *
 * Returns: (transfer full) (nullable): the board, or %NULL with @error naming the place
 */
PlanoBoard *
plano_format_read (const char  *data,
                   gsize        length,
                   GPtrArray  **warnings,
                   GError     **error)
{
  g_auto(Findings) findings = { NULL, NULL, FALSE };
  g_autofree char *rewritten = NULL;
  g_autofree char *escaped = NULL;
  const char *parsed = data;
  gsize parsed_length = length;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GPtrArray) found_warnings = NULL;
  PlanoBoard *board;
  Reader reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (warnings != NULL)
    *warnings = NULL;

  if (!check_bytes (data, length, &findings, error))
    return NULL;

  if (findings.big_integers != NULL)
    {
      rewritten = g_memdup2 (data, length);
      rewrite_big_integers (rewritten, length, findings.big_integers);
      parsed = rewritten;
    }

  if (findings.raw_controls != NULL)
    {
      escaped = escape_raw_controls (parsed, parsed_length, findings.raw_controls, &parsed_length);
      parsed = escaped;
    }

  root = parse (parsed, parsed_length, data, findings.raw_controls, error);
  if (root == NULL)
    return NULL;

  path = g_string_new (NULL);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  found_warnings = g_ptr_array_new_with_free_func (g_free);

  reader = (Reader) {
    .path = path,
    .warnings = found_warnings,
    .ids = ids,
  };

  board = read_root (&reader, root, findings.check_values, error);

  if (board != NULL && warnings != NULL)
    *warnings = g_steal_pointer (&found_warnings);

  return board;
}

static char *
display_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_filename_display_name (base);
}

/**
 * plano_format_read_file:
 * @path: a file name
 *
 * Reads the board in @path; see plano_format_read(). I/O errors have the domain
 * %PLANO_FORMAT_ERROR too, with the code %PLANO_FORMAT_ERROR_IO.
 *
 * Returns: (transfer full) (nullable): the board
 */
PlanoBoard *
plano_format_read_file (const char  *path,
                        GPtrArray  **warnings,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  /* Only a regular file of a board's size is read: a device, a FIFO or a folder is refused
   * before a byte is read, so no read waits or runs out of memory. */
  if (!plano_file_read (path, PLANO_FILE_MAX_SIZE, &contents, &length, &local_error))
    {
      g_set_error_literal (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_IO, local_error->message);
      return NULL;
    }

  return plano_format_read (contents, length, warnings, error);
}

/* Writer */

static void
append_indent (GString *out,
               guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
append_string (GString    *out,
               const char *s)
{
  g_string_append_c (out, '"');

  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }

  g_string_append_c (out, '"');
}

/* The shortest text that reads back as @value; whole numbers without a fraction. */
static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0)
    value = 0; /* no "-0" */

  if (fabs (value) < 1e15 && value == floor (value))
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);

  g_string_append (out, buffer);
}

static void
append_coord (GString *out,
              double   value)
{
  append_double (out, round (value * 100.0) / 100.0);
}

/* Writes the members of one object: begin_member() before each. */
typedef struct
{
  GString *out;
  guint    level;
  gboolean first;
} ObjectWriter;

static void
begin_object (ObjectWriter *w,
              GString      *out,
              guint         level)
{
  *w = (ObjectWriter) { out, level, TRUE };
  g_string_append_c (out, '{');
}

static void
begin_member (ObjectWriter *w,
              const char   *name)
{
  g_string_append (w->out, w->first ? "\n" : ",\n");
  w->first = FALSE;
  append_indent (w->out, w->level + 1);
  append_string (w->out, name);
  g_string_append (w->out, ": ");
}

static void
end_object (ObjectWriter *w)
{
  if (!w->first)
    {
      g_string_append_c (w->out, '\n');
      append_indent (w->out, w->level);
    }
  g_string_append_c (w->out, '}');
}

static void
member_string (ObjectWriter *w,
               const char   *name,
               const char   *value)
{
  if (value == NULL)
    return;

  begin_member (w, name);
  append_string (w->out, value);
}

static void
member_coord (ObjectWriter *w,
              const char   *name,
              double        value)
{
  begin_member (w, name);
  append_coord (w->out, value);
}

static void
member_strv (ObjectWriter *w,
             const char   *name,
             GStrv         strv)
{
  if (strv == NULL)
    return;

  begin_member (w, name);

  if (strv[0] == NULL)
    {
      g_string_append (w->out, "[]");
      return;
    }

  g_string_append_c (w->out, '[');
  for (guint i = 0; strv[i] != NULL; i++)
    {
      g_string_append (w->out, i == 0 ? "\n" : ",\n");
      append_indent (w->out, w->level + 2);
      append_string (w->out, strv[i]);
    }
  g_string_append_c (w->out, '\n');
  append_indent (w->out, w->level + 1);
  g_string_append_c (w->out, ']');
}

static void
member_props (ObjectWriter *w,
              GArray       *props)
{
  ObjectWriter inner;

  if (props == NULL)
    return;

  begin_member (w, "props");
  begin_object (&inner, w->out, w->level + 1);

  for (guint i = 0; i < props->len; i++)
    {
      const PlanoProp *prop = &g_array_index (props, PlanoProp, i);

      begin_member (&inner, prop->name);
      switch (prop->type)
        {
        case PLANO_VALUE_NUMBER:
          append_double (w->out, prop->number);
          break;
        case PLANO_VALUE_STRING:
          append_string (w->out, prop->string);
          break;
        case PLANO_VALUE_BOOLEAN:
          g_string_append (w->out, prop->boolean ? "true" : "false");
          break;
        default:
          g_assert_not_reached ();
        }
    }

  end_object (&inner);
}

static void
write_json_node (GString  *out,
                 JsonNode *node,
                 guint     level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        ObjectWriter w;
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        begin_object (&w, out, level);
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            begin_member (&w, name);
            write_json_node (out, member, level + 1);
          }
        end_object (&w);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            g_string_append (out, i == 0 ? "\n" : ",\n");
            append_indent (out, level + 1);
            write_json_node (out, json_array_get_element (array, i), level + 1);
          }
        g_string_append_c (out, '\n');
        append_indent (out, level);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          append_double (out, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_STRING)
          append_string (out, json_node_get_string (node));
        else
          g_string_append (out, "null");
      }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

static void
write_item (GString         *out,
            const PlanoItem *item,
            guint            level)
{
  ObjectWriter w;

  begin_object (&w, out, level);
  member_string (&w, "id", item->id);

  switch (item->type)
    {
    case PLANO_ITEM_NODE:
      {
        const PlanoNode *node = (const PlanoNode *) item;

        member_string (&w, "kind", node->kind);
        member_coord (&w, "x", node->x);
        member_coord (&w, "y", node->y);
        if (node->has_size)
          {
            member_coord (&w, "w", node->w);
            member_coord (&w, "h", node->h);
          }
        member_string (&w, "label", node->label);
        member_string (&w, "zone", node->zone);
        member_props (&w, node->props);
        member_string (&w, "note", node->note);
      }
      break;

    case PLANO_ITEM_EDGE:
      {
        const PlanoEdge *edge = (const PlanoEdge *) item;

        member_string (&w, "from", edge->from);
        member_string (&w, "to", edge->to);
        member_string (&w, "kind", edge->kind);
        member_string (&w, "label", edge->label);
        if (edge->waypoints != NULL)
          {
            begin_member (&w, "waypoints");
            g_string_append_c (out, '[');
            for (guint i = 0; i < edge->waypoints->len; i++)
              {
                const PlanoPoint *p = &g_array_index (edge->waypoints, PlanoPoint, i);

                g_string_append (out, i == 0 ? "[" : ", [");
                append_coord (out, p->x);
                g_string_append (out, ", ");
                append_coord (out, p->y);
                g_string_append_c (out, ']');
              }
            g_string_append_c (out, ']');
          }
        member_string (&w, "route", edge->route);
        member_props (&w, edge->props);
      }
      break;

    case PLANO_ITEM_ZONE:
      {
        const PlanoZone *zone = (const PlanoZone *) item;

        member_string (&w, "label", zone->label);
        member_coord (&w, "x", zone->x);
        member_coord (&w, "y", zone->y);
        member_coord (&w, "w", zone->w);
        member_coord (&w, "h", zone->h);
        member_string (&w, "kind", zone->kind);
      }
      break;

    case PLANO_ITEM_NOTE:
      {
        const PlanoNote *note = (const PlanoNote *) item;

        member_string (&w, "text", note->text);
        member_coord (&w, "x", note->x);
        member_coord (&w, "y", note->y);
        if (note->has_size)
          {
            member_coord (&w, "w", note->w);
            member_coord (&w, "h", note->h);
          }
        member_string (&w, "target", note->target);
      }
      break;

    case PLANO_ITEM_TEXT:
      {
        const PlanoText *text = (const PlanoText *) item;

        member_string (&w, "text", text->text);
        member_coord (&w, "x", text->x);
        member_coord (&w, "y", text->y);
        member_coord (&w, "w", text->w);
        member_coord (&w, "h", text->h);
        member_string (&w, "size", text->size);
      }
      break;

    case PLANO_ITEM_TRADEOFF:
      {
        const PlanoTradeoff *tradeoff = (const PlanoTradeoff *) item;

        member_string (&w, "title", tradeoff->title);
        member_string (&w, "target", tradeoff->target);
        member_string (&w, "choice", tradeoff->choice);
        member_strv (&w, "alternatives", tradeoff->alternatives);
        member_strv (&w, "pros", tradeoff->pros);
        member_strv (&w, "cons", tradeoff->cons);
        member_string (&w, "rationale", tradeoff->rationale);
      }
      break;

    case PLANO_N_ITEM_TYPES:
    default:
      g_assert_not_reached ();
    }

  end_object (&w);
}

/**
 * plano_format_write:
 * @board: a board
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the board as the text of a .plano file
 */
char *
plano_format_write (PlanoBoard *board,
                    gsize      *length)
{
  GString *out;
  ObjectWriter w;

  g_return_val_if_fail (PLANO_IS_BOARD (board), NULL);

  out = g_string_sized_new (4096);
  begin_object (&w, out, 0);

  begin_member (&w, "plano");
  g_string_append_printf (out, "%d", PLANO_FORMAT_VERSION);
  member_string (&w, "title", plano_board_get_title (board));

  for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
    {
      guint n = plano_board_get_n_items (board, t);

      if (n == 0 && t != PLANO_ITEM_NODE)
        continue;

      begin_member (&w, plano_item_type_get_name (t));
      if (n == 0)
        {
          g_string_append (out, "[]");
          continue;
        }

      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          g_string_append (out, i == 0 ? "\n" : ",\n");
          append_indent (out, 2);
          write_item (out, plano_board_get_item (board, t, i), 2);
        }
      g_string_append_c (out, '\n');
      append_indent (out, 1);
      g_string_append_c (out, ']');
    }

  member_props (&w, plano_board_get_props (board));

  if (plano_board_get_interview (board) != NULL)
    {
      begin_member (&w, "interview");
      write_json_node (out, plano_board_get_interview (board), 1);
    }

  if (plano_board_get_view (board) != NULL)
    {
      begin_member (&w, "view");
      write_json_node (out, plano_board_get_view (board), 1);
    }

  end_object (&w);
  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* Follows symbolic links, so that saving through a link writes the file it points at. */
static char *
resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < 32; i++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        break;

      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
          continue;
        }

      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, target, NULL);
    }

  return g_steal_pointer (&current);
}

/**
 * plano_format_item_to_json:
 *
 * Returns: (transfer full): @item as FORMAT.md writes it, as a JSON object
 */
JsonNode *
plano_format_item_to_json (const PlanoItem *item)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (item != NULL, NULL);

  write_item (out, item, 0);
  return json_from_string (out->str, NULL);
}

/**
 * plano_format_item_from_json:
 * @node: a JSON object as plano_format_item_to_json() makes it
 * @type: what kind of item it is
 * @path: where it is, for the error message, such as "interview.timeline[3]"
 *
 * Reads one item with the same checks as a whole board, except that an edge's endpoints are
 * not looked up.
 *
 * Returns: (transfer full) (nullable): the item, or %NULL with @error set
 */
PlanoItem *
plano_format_item_from_json (JsonNode       *node,
                             PlanoItemType   type,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(GString) reader_path = g_string_new (path);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PlanoItem) item = NULL;
  JsonObject *object;
  Reader reader = { .path = reader_path, .warnings = warnings, .ids = ids };

  g_return_val_if_fail (type < PLANO_N_ITEM_TYPES, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_path_error (&reader, error, _("expected an object"));
      return NULL;
    }

  object = json_node_get_object (node);
  item = plano_item_new (type, NULL);
  if (!get_id (&reader, object, item, error) ||
      !read_item_funcs[type] (&reader, object, item, error))
    return NULL;

  return g_steal_pointer (&item);
}

/**
 * plano_format_save_file:
 * @board: the board to save
 * @path: where; a symbolic link is followed to the file it points at
 *
 * Writes the board so that a crash at any moment leaves either the old file or the new one;
 * see plano_format_save_file_full(). A read-only file is replaced too.
 */
gboolean
plano_format_save_file (PlanoBoard  *board,
                        const char  *path,
                        GError     **error)
{
  return plano_format_save_file_full (board, path,
                                      PLANO_FILE_REPLACE_DURABLE | PLANO_FILE_REPLACE_READ_ONLY,
                                      NULL, NULL, error);
}

/**
 * plano_format_save_file_full:
 * @board: the board to save; only read, so a snapshot may be saved from another thread
 * @path: where; a symbolic link is followed to the file it points at
 * @flags: %PLANO_FILE_REPLACE_DURABLE to have it on disk when this returns;
 *   %PLANO_FILE_REPLACE_READ_ONLY to replace a file without write permission
 * @progress: (nullable): told the bytes written so far, from the thread that saves
 *
 * Writes the board through plano_file_replace(): the text goes to a temporary file in the same
 * folder, is flushed to disk, and then replaces @path. On failure the existing file is
 * untouched, nothing is left beside it, and @error says why in a sentence; a read-only file
 * that @flags does not allow replacing gives %PLANO_FORMAT_ERROR_READ_ONLY.
 */
gboolean
plano_format_save_file_full (PlanoBoard             *board,
                             const char             *path,
                             PlanoFileReplaceFlags   flags,
                             PlanoFileProgressFunc   progress,
                             gpointer                progress_data,
                             GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *dir_name = NULL;
  const char *reason;
  gsize length;

  g_return_val_if_fail (PLANO_IS_BOARD (board), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  target = resolve_links (path);
  name = display_name (target);
  dir = g_path_get_dirname (target);
  dir_name = g_filename_display_name (dir);

  if (g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_IO,
                   _("Could not save “%s”: it is a folder"), name);
      return FALSE;
    }

  contents = plano_format_write (board, &length);

  if (plano_file_replace (target, contents, length, flags, progress, progress_data, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    {
      g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_READ_ONLY,
                   _("Could not save “%s”: the file is read-only"), name);
      return FALSE;
    }

  switch (local_error->domain == G_FILE_ERROR ? local_error->code : -1)
    {
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
      reason = _("the folder is read-only or you may not write there");
      break;
    case G_FILE_ERROR_NOSPC:
      reason = _("the disk is full");
      break;
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      reason = _("the folder does not exist");
      break;
    default:
      reason = local_error->message;
      break;
    }

  g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_IO,
               _("Could not save “%s” in %s: %s"), name, dir_name, reason);
  return FALSE;
}

/* Load props */

/* The props the design review computes with. A board with a negative rate still opens (a
 * reader keeps what it can), but `plano --check` refuses it with the value's path, and the
 * review ignores the value and says so once.
 */
typedef enum
{
  LOAD_RATE,      /* events or queries per second: 0 means none */
  LOAD_SIZE,      /* bytes per event: divides, so more than 0 */
  LOAD_WINDOW,    /* hours a batch run may take: divides, so more than 0 */
  LOAD_RUNS,      /* batch runs a day: divides, so more than 0 */
  LOAD_TARGET,    /* a freshness target in seconds: 0 means none */
  LOAD_LATENCY,   /* a latency or a p99 target in milliseconds: 0 means none */
} LoadKind;

static const struct
{
  const char *name;
  LoadKind    kind;
} load_props[] = {
  { "rate", LOAD_RATE },
  { "throughput", LOAD_RATE },
  { "bytes", LOAD_SIZE },
  { "batch_window_h", LOAD_WINDOW },
  { "batch_runs", LOAD_RUNS },
  { "freshness_s", LOAD_TARGET },
  { "p99_ms", LOAD_LATENCY },
  { "latency_ms", LOAD_LATENCY },
};

#define MAX_WINDOW_HOURS 8760.0   /* a year */
#define MAX_RUNS_PER_DAY 86400.0  /* one a second */

/**
 * plano_format_check_load_prop:
 * @prop: a prop of a node, a connection or the board
 * @reason: (out) (optional) (transfer full): why the review cannot use it, a translated
 *   phrase to follow the prop's path
 *
 * Returns: %TRUE when @prop is not one the design review computes with (`rate`, `throughput`,
 *   `bytes`, `batch_window_h`, `batch_runs`, `freshness_s`, `p99_ms`, `latency_ms`), or is a
 *   number it can use: not
 *   negative, above 0 where it divides, at most 10¹² (a day's window at most a year, at most
 *   one run a second)
 */
gboolean
plano_format_check_load_prop (const PlanoProp  *prop,
                              char            **reason)
{
  double value, max = PLANO_LOAD_VALUE_MAX;
  gboolean zero_allowed;
  LoadKind kind;
  guint i;

  g_return_val_if_fail (prop != NULL, TRUE);

  for (i = 0; i < G_N_ELEMENTS (load_props); i++)
    if (g_str_equal (prop->name, load_props[i].name))
      break;
  if (i == G_N_ELEMENTS (load_props))
    return TRUE;

  kind = load_props[i].kind;
  zero_allowed = kind == LOAD_RATE || kind == LOAD_TARGET || kind == LOAD_LATENCY;
  if (kind == LOAD_WINDOW)
    max = MAX_WINDOW_HOURS;
  else if (kind == LOAD_RUNS)
    max = MAX_RUNS_PER_DAY;

  value = prop->number;
  if (prop->type == PLANO_VALUE_NUMBER && isfinite (value) &&
      (value > 0 || (zero_allowed && value == 0)) && value <= max)
    return TRUE;

  if (reason == NULL)
    return FALSE;

  if (prop->type != PLANO_VALUE_NUMBER)
    {
      switch (kind)
        {
        case LOAD_RATE:
          *reason = g_strdup (_("expected a number of events per second"));
          break;
        case LOAD_SIZE:
          *reason = g_strdup (_("expected a number of bytes per event"));
          break;
        case LOAD_WINDOW:
          *reason = g_strdup (_("expected a number of hours"));
          break;
        case LOAD_RUNS:
          *reason = g_strdup (_("expected a number of runs a day"));
          break;
        case LOAD_LATENCY:
          *reason = g_strdup (_("expected a number of milliseconds"));
          break;
        case LOAD_TARGET:
        default:
          *reason = g_strdup (_("expected a number of seconds"));
          break;
        }
      return FALSE;
    }

  switch (kind)
    {
    case LOAD_RATE:
      *reason = g_strdup_printf (_("%g is not a rate: give events per second, from 0 to 10¹²"), value);
      break;
    case LOAD_SIZE:
      *reason = g_strdup_printf (_("%g is not a size: give bytes per event, more than 0 and at most 10¹²"), value);
      break;
    case LOAD_WINDOW:
      *reason = g_strdup_printf (_("%g is not a batch window: give hours, more than 0 and at most 8 760 (a year)"), value);
      break;
    case LOAD_RUNS:
      *reason = g_strdup_printf (_("%g is not a number of runs: give runs a day, more than 0 and at most 86 400"), value);
      break;
    case LOAD_LATENCY:
      *reason = g_strdup_printf (_("%g is not a latency: give milliseconds, from 0 to 10¹²"), value);
      break;
    case LOAD_TARGET:
    default:
      *reason = g_strdup_printf (_("%g is not a freshness target: give seconds, from 0 to 10¹²"), value);
      break;
    }

  return FALSE;
}

static gboolean
check_load_props_of (GArray      *props,
                     const char  *array,
                     guint        index,
                     GError     **error)
{
  for (guint i = 0; props != NULL && i < props->len; i++)
    {
      const PlanoProp *prop = &g_array_index (props, PlanoProp, i);
      g_autofree char *reason = NULL;

      if (plano_format_check_load_prop (prop, &reason))
        continue;

      if (array != NULL)
        g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID,
                     "%s[%u].props.%s: %s", array, index, prop->name, reason);
      else
        g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID,
                     "props.%s: %s", prop->name, reason);
      return FALSE;
    }

  return TRUE;
}

/**
 * plano_format_check_load_props:
 * @board: a board as read from a file, its items in the file's order
 *
 * What `plano --check` adds to reading: the rates, sizes and windows of the design review
 * must be numbers it can use (see plano_format_check_load_prop()).
 *
 * Returns: %FALSE with an error that names the JSON path of the first value that is not,
 *   such as `edges[3].props.rate: -5 is not a rate: …`
 */
gboolean
plano_format_check_load_props (PlanoBoard  *board,
                               GError     **error)
{
  g_return_val_if_fail (PLANO_IS_BOARD (board), FALSE);

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_NODE); i++)
    if (!check_load_props_of (((const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i))->props,
                              "nodes", i, error))
      return FALSE;

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_EDGE); i++)
    if (!check_load_props_of (((const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i))->props,
                              "edges", i, error))
      return FALSE;

  return check_load_props_of (plano_board_get_props (board), NULL, 0, error);
}
