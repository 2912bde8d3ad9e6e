/* plano-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-json"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "plano-format.h"
#include "plano-json-private.h"

/* A recursive-descent parser of RFC 8259 JSON into values that live in an arena: blocks of
 * memory handed out in order and freed together. The caller checks the nesting depth first
 * (plano-format.c does, on the raw bytes); the parser refuses more than MAX_DEPTH levels too,
 * so that its recursion stays bounded whoever calls it.
 *
 * Where json-glib 1.6, the reader before this one, took more than RFC 8259, boards that opened
 * then keep opening: a byte order mark at the start, control characters written raw inside
 * strings, and a name that repeats in an object, which keeps its first place and its last
 * value. Its other liberties (comments, single quotes, hexadecimal and octal) are refused.
 */

#define MAX_DEPTH         128
#define BLOCK_SIZE        (256 * 1024)
#define SMALL_OBJECT      16      /* members compared pairwise for repeated names */
#define INTEGER_DIGITS    18      /* digits that always fit a gint64 */

struct _PlanoJsonDoc
{
  GPtrArray      *blocks;
  guint8         *next;
  gsize           left;
  PlanoJsonValue  root;
};

static gpointer
arena_alloc (PlanoJsonDoc *doc,
             gsize         size)
{
  gpointer p;

  size = (size + 7) & ~(gsize) 7;

  if (size > doc->left)
    {
      gsize block = MAX (size, BLOCK_SIZE);

      doc->next = g_malloc (block);
      doc->left = block;
      g_ptr_array_add (doc->blocks, doc->next);
    }

  p = doc->next;
  doc->next += size;
  doc->left -= size;

  return p;
}

static const char *
arena_strdup (PlanoJsonDoc *doc,
              const char   *s,
              gsize         length)
{
  char *copy = arena_alloc (doc, length + 1);

  memcpy (copy, s, length);
  copy[length] = '\0';

  return copy;
}

static PlanoJsonDoc *
doc_new (void)
{
  PlanoJsonDoc *doc = g_new0 (PlanoJsonDoc, 1);

  doc->blocks = g_ptr_array_new_with_free_func (g_free);
  return doc;
}

void
plano_json_doc_free (PlanoJsonDoc *doc)
{
  if (doc == NULL)
    return;

  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

/**
 * plano_json_doc_get_root:
 *
 * Returns: (transfer none): the top-level value, which lives as long as @doc
 */
const PlanoJsonValue *
plano_json_doc_get_root (PlanoJsonDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return &doc->root;
}

/* Parsing */

typedef struct
{
  PlanoJsonDoc *doc;
  const char   *data;
  gsize         length;
  gsize         pos;
  GArray       *stack;   /* of PlanoJsonMember: the children of the containers open now */
  GString      *text;    /* scratch for strings with escapes */
  GHashTable   *names;   /* scratch for the names of a large object */
  const char   *problem; /* why parsing stopped; NULL while all is well */
} Parser;

static gboolean
fail (Parser     *p,
      const char *problem)
{
  if (p->problem == NULL)
    p->problem = problem;
  return FALSE;
}

static inline gboolean
at (Parser *p,
    char    c)
{
  return p->pos < p->length && p->data[p->pos] == c;
}

static void
skip_space (Parser *p)
{
  while (p->pos < p->length)
    {
      char c = p->data[p->pos];

      if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
        break;
      p->pos++;
    }
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u". */
static gboolean
read_hex4 (Parser   *p,
           gunichar *out)
{
  gunichar value = 0;

  if (p->length - p->pos < 4)
    return fail (p, _("not a valid escape in a string"));

  for (guint i = 0; i < 4; i++)
    {
      int d = hex_digit (p->data[p->pos]);

      if (d < 0)
        return fail (p, _("not a valid escape in a string"));
      value = value << 4 | (gunichar) d;
      p->pos++;
    }

  *out = value;
  return TRUE;
}

static gboolean
read_unicode_escape (Parser *p)
{
  gunichar ch;
  gunichar low;

  if (!read_hex4 (p, &ch))
    return FALSE;

  /* A character beyond the first 65 536 comes as the two halves of a surrogate pair;
   * a half alone is not a character.
   */
  if (ch >= 0xdc00 && ch <= 0xdfff)
    return fail (p, _("not a valid escape in a string"));

  if (ch >= 0xd800 && ch <= 0xdbff)
    {
      if (p->length - p->pos < 2 || p->data[p->pos] != '\\' || p->data[p->pos + 1] != 'u')
        return fail (p, _("not a valid escape in a string"));
      p->pos += 2;
      if (!read_hex4 (p, &low))
        return FALSE;
      if (low < 0xdc00 || low > 0xdfff)
        return fail (p, _("not a valid escape in a string"));
      ch = 0x10000 + ((ch - 0xd800) << 10) + (low - 0xdc00);
    }

  /* \u0000 gives a NUL byte, which ends the string as it did with json-glib. */
  g_string_append_unichar (p->text, ch);
  return TRUE;
}

/* A string, the opening quote already seen. The bytes were checked as UTF-8 with the whole
 * input, and quotes and backslashes never fall inside a character, so a run without escapes
 * is copied as it is.
 */
static gboolean
parse_string (Parser      *p,
              const char **out)
{
  gsize start = p->pos;

  while (p->pos < p->length && p->data[p->pos] != '"' && p->data[p->pos] != '\\')
    p->pos++;

  if (p->pos >= p->length)
    return fail (p, _("a string has no closing quote"));

  if (p->data[p->pos] == '"')
    {
      *out = arena_strdup (p->doc, p->data + start, p->pos - start);
      p->pos++;
      return TRUE;
    }

  g_string_truncate (p->text, 0);
  g_string_append_len (p->text, p->data + start, p->pos - start);

  while (p->pos < p->length)
    {
      char c = p->data[p->pos];

      if (c == '"')
        {
          *out = arena_strdup (p->doc, p->text->str, p->text->len);
          p->pos++;
          return TRUE;
        }

      if (c != '\\')
        {
          g_string_append_c (p->text, c);
          p->pos++;
          continue;
        }

      if (++p->pos >= p->length)
        break;

      switch (p->data[p->pos++])
        {
        case '"': g_string_append_c (p->text, '"'); break;
        case '\\': g_string_append_c (p->text, '\\'); break;
        case '/': g_string_append_c (p->text, '/'); break;
        case 'b': g_string_append_c (p->text, '\b'); break;
        case 'f': g_string_append_c (p->text, '\f'); break;
        case 'n': g_string_append_c (p->text, '\n'); break;
        case 'r': g_string_append_c (p->text, '\r'); break;
        case 't': g_string_append_c (p->text, '\t'); break;
        case 'u':
          if (!read_unicode_escape (p))
            return FALSE;
          break;
        default:
          p->pos--;
          return fail (p, _("not a valid escape in a string"));
        }
    }

  return fail (p, _("a string has no closing quote"));
}

static inline gboolean
is_digit (Parser *p)
{
  return p->pos < p->length && p->data[p->pos] >= '0' && p->data[p->pos] <= '9';
}

static gboolean
parse_number (Parser         *p,
              PlanoJsonValue *value)
{
  gsize start = p->pos;
  gboolean negative = FALSE;
  gboolean integer = TRUE;
  gsize digits;
  char buffer[64];
  g_autofree char *long_copy = NULL;
  char *text;
  gsize n;

  if (at (p, '-'))
    {
      negative = TRUE;
      p->pos++;
    }
  if (!is_digit (p))
    return fail (p, _("not a valid number"));
  if (p->data[p->pos] == '0')
    p->pos++;
  else
    while (is_digit (p))
      p->pos++;
  digits = p->pos - start - negative;

  if (at (p, '.'))
    {
      integer = FALSE;
      p->pos++;
      if (!is_digit (p))
        return fail (p, _("not a valid number"));
      while (is_digit (p))
        p->pos++;
    }

  if (at (p, 'e') || at (p, 'E'))
    {
      integer = FALSE;
      p->pos++;
      if (at (p, '+') || at (p, '-'))
        p->pos++;
      if (!is_digit (p))
        return fail (p, _("not a valid number"));
      while (is_digit (p))
        p->pos++;
    }

  if (integer && digits <= INTEGER_DIGITS)
    {
      gint64 v = 0;

      for (gsize i = start + negative; i < p->pos; i++)
        v = v * 10 + (p->data[i] - '0');

      value->type = PLANO_JSON_INTEGER;
      value->integer = negative ? -v : v;
      return TRUE;
    }

  n = p->pos - start;
  if (n < sizeof buffer)
    text = buffer;
  else
    text = long_copy = g_malloc (n + 1);
  memcpy (text, p->data + start, n);
  text[n] = '\0';

  if (integer)
    {
      char *end;
      gint64 v;

      errno = 0;
      v = g_ascii_strtoll (text, &end, 10);
      if (errno == 0 && end == text + n)
        {
          value->type = PLANO_JSON_INTEGER;
          value->integer = v;
          return TRUE;
        }
    }

  /* An integer too large for 64 bits is kept as a double (json-glib wrapped it around);
   * too large a number becomes infinite, which the board reader refuses with its place.
   */
  value->type = PLANO_JSON_DOUBLE;
  value->number = g_ascii_strtod (text, NULL);
  return TRUE;
}

static gboolean
match (Parser     *p,
       const char *word)
{
  gsize n = strlen (word);

  if (p->length - p->pos < n || memcmp (p->data + p->pos, word, n) != 0)
    return fail (p, _("expected a value"));

  p->pos += n;
  return TRUE;
}

static gboolean parse_value (Parser         *p,
                             PlanoJsonValue *value,
                             guint           depth);

/* Moves the elements gathered on the stack since @base into the arena. */
static void
take_elements (Parser         *p,
               guint           base,
               PlanoJsonValue *array)
{
  guint count = p->stack->len - base;
  PlanoJsonValue *elements = NULL;

  if (count > 0)
    elements = arena_alloc (p->doc, count * sizeof (PlanoJsonValue));

  for (guint i = 0; i < count; i++)
    elements[i] = g_array_index (p->stack, PlanoJsonMember, base + i).value;

  g_array_set_size (p->stack, base);
  array->n = count;
  array->elements = elements;
}

/* Folds the members of one object that repeat a name into the first of them, with the last
 * value, as json-glib does. Returns how many members are left.
 */
static guint
fold_repeated_names (Parser          *p,
                     PlanoJsonMember *members,
                     guint            count)
{
  guint kept = 0;

  if (count <= SMALL_OBJECT)
    {
      for (guint i = 0; i < count; i++)
        {
          guint j;

          for (j = 0; j < kept; j++)
            if (members[j].name[0] == members[i].name[0] &&
                strcmp (members[j].name, members[i].name) == 0)
              break;

          if (j < kept)
            members[j].value = members[i].value;
          else
            members[kept++] = members[i];
        }

      return kept;
    }

  if (p->names == NULL)
    p->names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < count; i++)
    {
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (p->names, members[i].name));

      if (j > 0)
        {
          members[j - 1].value = members[i].value;
        }
      else
        {
          members[kept] = members[i];
          g_hash_table_insert (p->names, (gpointer) members[kept].name,
                               GUINT_TO_POINTER (kept + 1));
          kept++;
        }
    }

  g_hash_table_remove_all (p->names);
  return kept;
}

static void
take_members (Parser         *p,
              guint           base,
              PlanoJsonValue *object)
{
  guint count = p->stack->len - base;
  PlanoJsonMember *members = NULL;

  if (count > 0)
    {
      count = fold_repeated_names (p, &g_array_index (p->stack, PlanoJsonMember, base), count);
      members = arena_alloc (p->doc, count * sizeof (PlanoJsonMember));
      memcpy (members, &g_array_index (p->stack, PlanoJsonMember, base),
              count * sizeof (PlanoJsonMember));
    }

  g_array_set_size (p->stack, base);
  object->n = count;
  object->members = members;
}

static gboolean
parse_array (Parser         *p,
             PlanoJsonValue *value,
             guint           depth)
{
  guint base = p->stack->len;

  value->type = PLANO_JSON_ARRAY;
  skip_space (p);
  if (at (p, ']'))
    {
      p->pos++;
      take_elements (p, base, value);
      return TRUE;
    }

  for (;;)
    {
      PlanoJsonMember element = { NULL, { PLANO_JSON_NULL, 0, { 0, } } };

      if (!parse_value (p, &element.value, depth + 1))
        return FALSE;
      g_array_append_val (p->stack, element);

      skip_space (p);
      if (p->pos >= p->length)
        return fail (p, _("the file ends too soon"));
      if (p->data[p->pos] == ']')
        {
          p->pos++;
          break;
        }
      if (p->data[p->pos] != ',')
        return fail (p, _("expected “,” or “]”"));
      p->pos++;
    }

  take_elements (p, base, value);
  return TRUE;
}

static gboolean
parse_object (Parser         *p,
              PlanoJsonValue *value,
              guint           depth)
{
  guint base = p->stack->len;

  value->type = PLANO_JSON_OBJECT;
  skip_space (p);
  if (at (p, '}'))
    {
      p->pos++;
      take_members (p, base, value);
      return TRUE;
    }

  for (;;)
    {
      PlanoJsonMember member = { NULL, { PLANO_JSON_NULL, 0, { 0, } } };

      skip_space (p);
      if (p->pos >= p->length)
        return fail (p, _("the file ends too soon"));
      if (p->data[p->pos] != '"')
        return fail (p, _("expected a member name in double quotes"));
      p->pos++;
      if (!parse_string (p, &member.name))
        return FALSE;

      skip_space (p);
      if (p->pos >= p->length)
        return fail (p, _("the file ends too soon"));
      if (p->data[p->pos] != ':')
        return fail (p, _("expected “:”"));
      p->pos++;

      if (!parse_value (p, &member.value, depth + 1))
        return FALSE;
      g_array_append_val (p->stack, member);

      skip_space (p);
      if (p->pos >= p->length)
        return fail (p, _("the file ends too soon"));
      if (p->data[p->pos] == '}')
        {
          p->pos++;
          break;
        }
      if (p->data[p->pos] != ',')
        return fail (p, _("expected “,” or “}”"));
      p->pos++;
    }

  take_members (p, base, value);
  return TRUE;
}

static gboolean
parse_value (Parser         *p,
             PlanoJsonValue *value,
             guint           depth)
{
  *value = (PlanoJsonValue) { .type = PLANO_JSON_NULL };

  if (depth >= MAX_DEPTH)
    return fail (p, _("nested too deeply"));

  skip_space (p);
  if (p->pos >= p->length)
    return fail (p, _("the file ends too soon"));

  switch (p->data[p->pos])
    {
    case '{':
      p->pos++;
      return parse_object (p, value, depth);

    case '[':
      p->pos++;
      return parse_array (p, value, depth);

    case '"':
      p->pos++;
      value->type = PLANO_JSON_STRING;
      return parse_string (p, &value->string);

    case 't':
      value->type = PLANO_JSON_BOOLEAN;
      value->boolean = TRUE;
      return match (p, "true");

    case 'f':
      value->type = PLANO_JSON_BOOLEAN;
      value->boolean = FALSE;
      return match (p, "false");

    case 'n':
      return match (p, "null");

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return parse_number (p, value);

    default:
      return fail (p, _("expected a value"));
    }
}

/**
 * plano_json_parse:
 * @data: UTF-8 text, already validated, such as by g_utf8_validate_len()
 * @length: its length in bytes
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with a %PLANO_FORMAT_ERROR that
 *   gives the line and column of the problem
 */
PlanoJsonDoc *
plano_json_parse (const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(PlanoJsonDoc) doc = doc_new ();
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (PlanoJsonMember));
  g_autoptr(GString) text = g_string_new (NULL);
  Parser p = { doc, data, length, 0, stack, text, NULL, NULL };
  gsize bom = 0;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* RFC 8259 lets a parser skip a byte order mark, and some editors on Windows write one. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    bom = p.pos = 3;

  ok = parse_value (&p, &doc->root, 0);
  if (ok)
    {
      skip_space (&p);
      if (p.pos < length)
        ok = fail (&p, _("more text after the end of the JSON value"));
    }

  g_clear_pointer (&p.names, g_hash_table_unref);

  if (!ok)
    {
      guint line = 1;
      guint column = 1;

      for (gsize i = bom; i < MIN (p.pos, length); i++)
        {
          if (data[i] == '\n')
            line++, column = 1;
          else if (((guchar) data[i] & 0xc0) != 0x80)
            column++;
        }

      g_set_error (error, PLANO_FORMAT_ERROR, PLANO_FORMAT_ERROR_INVALID,
                   _("line %u, column %u: not valid JSON: %s"), line, column, p.problem);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

/* From json-glib */

static void
convert (PlanoJsonDoc   *doc,
         JsonNode       *node,
         PlanoJsonValue *value)
{
  *value = (PlanoJsonValue) { .type = PLANO_JSON_NULL };

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        guint size = json_object_get_size (object);
        guint i = 0;

        value->type = PLANO_JSON_OBJECT;
        value->members = arena_alloc (doc, size * sizeof (PlanoJsonMember));
        json_object_iter_init_ordered (&iter, object);
        while (i < size && json_object_iter_next_ordered (&iter, &name, &member))
          {
            value->members[i].name = arena_strdup (doc, name, strlen (name));
            convert (doc, member, &value->members[i].value);
            i++;
          }
        value->n = i;
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        value->type = PLANO_JSON_ARRAY;
        value->n = json_array_get_length (array);
        value->elements = arena_alloc (doc, value->n * sizeof (PlanoJsonValue));
        for (guint i = 0; i < value->n; i++)
          convert (doc, json_array_get_element (array, i), &value->elements[i]);
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          {
            value->type = PLANO_JSON_INTEGER;
            value->integer = json_node_get_int (node);
          }
        else if (type == G_TYPE_DOUBLE)
          {
            value->type = PLANO_JSON_DOUBLE;
            value->number = json_node_get_double (node);
          }
        else if (type == G_TYPE_BOOLEAN)
          {
            value->type = PLANO_JSON_BOOLEAN;
            value->boolean = json_node_get_boolean (node);
          }
        else if (type == G_TYPE_STRING)
          {
            const char *s = json_node_get_string (node);

            value->type = PLANO_JSON_STRING;
            value->string = arena_strdup (doc, s, strlen (s));
          }
      }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

/**
 * plano_json_from_node:
 * @node: (nullable): a json-glib tree
 *
 * The same document as json-glib's @node, for reading an item kept in a json-glib tree; a
 * %NULL @node gives a document whose root is null.
 *
 * Returns: (transfer full): the document
 */
PlanoJsonDoc *
plano_json_from_node (JsonNode *node)
{
  PlanoJsonDoc *doc = doc_new ();

  doc->root.type = PLANO_JSON_NULL;
  if (node != NULL)
    convert (doc, node, &doc->root);
  return doc;
}

/* To json-glib */

static JsonNode *
to_node (const PlanoJsonValue *value)
{
  switch (value->type)
    {
    case PLANO_JSON_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), value->boolean);

    case PLANO_JSON_INTEGER:
      return json_node_init_int (json_node_alloc (), value->integer);

    case PLANO_JSON_DOUBLE:
      return json_node_init_double (json_node_alloc (), value->number);

    case PLANO_JSON_STRING:
      return json_node_init_string (json_node_alloc (), value->string);

    case PLANO_JSON_ARRAY:
      {
        JsonNode *node = json_node_new (JSON_NODE_ARRAY);
        JsonArray *array = json_array_sized_new (value->n);

        for (guint i = 0; i < value->n; i++)
          json_array_add_element (array, to_node (&value->elements[i]));
        json_node_take_array (node, array);
        return node;
      }

    case PLANO_JSON_OBJECT:
      {
        JsonNode *node = json_node_new (JSON_NODE_OBJECT);
        JsonObject *object = json_object_new ();

        for (guint i = 0; i < value->n; i++)
          json_object_set_member (object, value->members[i].name,
                                  to_node (&value->members[i].value));
        json_node_take_object (node, object);
        return node;
      }

    case PLANO_JSON_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

/**
 * plano_json_to_node:
 *
 * The json-glib tree of @value, for what the board keeps as JSON (the interview record and
 * the view). It is sealed, as json_parser_new_immutable() makes its nodes.
 *
 * Returns: (transfer full): the tree
 */
JsonNode *
plano_json_to_node (const PlanoJsonValue *value)
{
  JsonNode *node;

  g_return_val_if_fail (value != NULL, NULL);

  node = to_node (value);
  json_node_seal (node);
  return node;
}

/* Reading */

/**
 * plano_json_object_get:
 *
 * Returns: (nullable): the member @name of @object. A name is there once: when it repeats in
 *   the text, the member keeps its first place and its last value, as in json-glib.
 */
const PlanoJsonValue *
plano_json_object_get (const PlanoJsonValue *object,
                       const char           *name)
{
  g_return_val_if_fail (object != NULL && object->type == PLANO_JSON_OBJECT, NULL);

  for (guint i = 0; i < object->n; i++)
    if (object->members[i].name[0] == name[0] && strcmp (object->members[i].name, name) == 0)
      return &object->members[i].value;

  return NULL;
}

gboolean
plano_json_is_number (const PlanoJsonValue *value)
{
  return value->type == PLANO_JSON_INTEGER || value->type == PLANO_JSON_DOUBLE;
}

double
plano_json_get_number (const PlanoJsonValue *value)
{
  return value->type == PLANO_JSON_INTEGER ? (double) value->integer : value->number;
}
