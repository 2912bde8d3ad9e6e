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
 * (plano-format.c does, on the raw bytes); the parser refuses more than MAX_DEPTH levels too.
 */

#define MAX_DEPTH   128
#define BLOCK_SIZE  (256 * 1024)

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

static gboolean
read_hex4 (Parser   *p,
           gunichar *out)
{
  gunichar value = 0;

  if (p->length - p->pos < 4)
    return fail (p, _("not a valid escape in a string"));

  for (int i = 0; i < 4; i++)
    {
      int d = hex_digit (p->data[p->pos + i]);

      if (d < 0)
        return fail (p, _("not a valid escape in a string"));
      value = value << 4 | d;
    }

  p->pos += 4;
  *out = value;
  return TRUE;
}

/* A string, the opening quote already seen; its UTF-8 was checked with the whole file. */
static gboolean
parse_string (Parser      *p,
              const char **out)
{
  gsize start = p->pos;
  gsize run;
  char *copy;

  /* Most strings have no escapes: copy them as they are. */
  while (p->pos < p->length)
    {
      guchar c = p->data[p->pos];

      if (c == '"' || c == '\\' || c < 0x20)
        break;
      p->pos++;
    }

  if (p->pos >= p->length)
    return fail (p, _("a text does not end"));

  if (p->data[p->pos] == '"')
    {
      run = p->pos - start;
      copy = arena_alloc (p->doc, run + 1);
      memcpy (copy, p->data + start, run);
      copy[run] = '\0';
      p->pos++;
      *out = copy;
      return TRUE;
    }

  g_string_truncate (p->text, 0);
  g_string_append_len (p->text, p->data + start, p->pos - start);

  while (p->pos < p->length)
    {
      guchar c = p->data[p->pos];

      if (c == '"')
        {
          p->pos++;
          copy = arena_alloc (p->doc, p->text->len + 1);
          memcpy (copy, p->text->str, p->text->len + 1);
          *out = copy;
          return TRUE;
        }

      if (c < 0x20)
        return fail (p, _("a control character in a text"));

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
          {
            gunichar ch, low;

            if (!read_hex4 (p, &ch))
              return FALSE;

            /* A character beyond the first 65 536 comes as two halves of a surrogate pair. */
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
            else if (ch >= 0xdc00 && ch <= 0xdfff)
              {
                return fail (p, _("not a valid escape in a string"));
              }

            g_string_append_unichar (p->text, ch);
          }
          break;
        default:
          p->pos--;
          return fail (p, _("not a valid escape in a string"));
        }
    }

  return fail (p, _("a text does not end"));
}

static gboolean
parse_number (Parser         *p,
              PlanoJsonValue *value)
{
  gsize start = p->pos;
  gboolean integer = TRUE;
  char buffer[64];
  g_autofree char *long_copy = NULL;
  char *text;
  char *end;
  gsize n;

#define DIGIT(i) ((i) < p->length && p->data[i] >= '0' && p->data[i] <= '9')

  if (p->pos < p->length && p->data[p->pos] == '-')
    p->pos++;
  if (!DIGIT (p->pos))
    return fail (p, _("not a valid number"));
  if (p->data[p->pos] == '0')
    p->pos++;
  else
    while (DIGIT (p->pos))
      p->pos++;

  if (p->pos < p->length && p->data[p->pos] == '.')
    {
      integer = FALSE;
      p->pos++;
      if (!DIGIT (p->pos))
        return fail (p, _("not a valid number"));
      while (DIGIT (p->pos))
        p->pos++;
    }

  if (p->pos < p->length && (p->data[p->pos] == 'e' || p->data[p->pos] == 'E'))
    {
      integer = FALSE;
      p->pos++;
      if (p->pos < p->length && (p->data[p->pos] == '+' || p->data[p->pos] == '-'))
        p->pos++;
      if (!DIGIT (p->pos))
        return fail (p, _("not a valid number"));
      while (DIGIT (p->pos))
        p->pos++;
    }

#undef DIGIT

  n = p->pos - start;
  if (n < sizeof buffer)
    text = buffer;
  else
    text = long_copy = g_malloc (n + 1);
  memcpy (text, p->data + start, n);
  text[n] = '\0';

  if (integer)
    {
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

  /* Too large a number becomes infinite; the reader refuses it with its place. */
  value->type = PLANO_JSON_DOUBLE;
  value->number = g_ascii_strtod (text, &end);
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

/* Moves the children gathered on the stack since @base into the arena. */
static gpointer
take_children (Parser *p,
               guint   base,
               gsize   size,
               guint  *n)
{
  guint count = p->stack->len - base;
  guint8 *children = count > 0 ? arena_alloc (p->doc, count * size) : NULL;

  for (guint i = 0; i < count; i++)
    {
      const PlanoJsonMember *member = &g_array_index (p->stack, PlanoJsonMember, base + i);

      if (size == sizeof (PlanoJsonValue))
        memcpy (children + i * size, &member->value, size);
      else
        memcpy (children + i * size, member, size);
    }

  g_array_set_size (p->stack, base);
  *n = count;
  return children;
}

static gboolean
parse_array (Parser         *p,
             PlanoJsonValue *value,
             guint           depth)
{
  guint base = p->stack->len;

  value->type = PLANO_JSON_ARRAY;
  skip_space (p);
  if (p->pos < p->length && p->data[p->pos] == ']')
    {
      p->pos++;
      value->elements = take_children (p, base, sizeof (PlanoJsonValue), &value->n);
      return TRUE;
    }

  for (;;)
    {
      PlanoJsonMember element = { NULL, };

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

  value->elements = take_children (p, base, sizeof (PlanoJsonValue), &value->n);
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
  if (p->pos < p->length && p->data[p->pos] == '}')
    {
      p->pos++;
      value->members = take_children (p, base, sizeof (PlanoJsonMember), &value->n);
      return TRUE;
    }

  for (;;)
    {
      PlanoJsonMember member = { NULL, };

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

  value->members = take_children (p, base, sizeof (PlanoJsonMember), &value->n);
  return TRUE;
}

static gboolean
parse_value (Parser         *p,
             PlanoJsonValue *value,
             guint           depth)
{
  gboolean ok;

  if (depth > MAX_DEPTH)
    return fail (p, _("nested too deep"));

  skip_space (p);
  if (p->pos >= p->length)
    return fail (p, _("the file ends too soon"));

  *value = (PlanoJsonValue) { .start = p->pos };

  switch (p->data[p->pos])
    {
    case '{':
      p->pos++;
      ok = parse_object (p, value, depth);
      break;
    case '[':
      p->pos++;
      ok = parse_array (p, value, depth);
      break;
    case '"':
      p->pos++;
      value->type = PLANO_JSON_STRING;
      ok = parse_string (p, &value->string);
      break;
    case 't':
      value->type = PLANO_JSON_BOOLEAN;
      value->boolean = TRUE;
      ok = match (p, "true");
      break;
    case 'f':
      value->type = PLANO_JSON_BOOLEAN;
      ok = match (p, "false");
      break;
    case 'n':
      value->type = PLANO_JSON_NULL;
      ok = match (p, "null");
      break;
    default:
      ok = parse_number (p, value);
      if (!ok && p->pos == value->start)
        {
          p->problem = NULL;
          ok = fail (p, _("expected a value"));
        }
      break;
    }

  value->end = p->pos;
  return ok;
}

/**
 * plano_json_parse:
 * @data: UTF-8 text, already validated
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
  Parser p = { doc, data, length, 0, stack, text, NULL };
  gboolean ok;

  ok = parse_value (&p, &doc->root, 0);
  if (ok)
    {
      skip_space (&p);
      if (p.pos < length)
        ok = fail (&p, _("more after the end of the JSON value"));
    }

  if (!ok)
    {
      guint line = 1;
      guint column = 1;

      for (gsize i = 0; i < MIN (p.pos, length); i++)
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
        guint i = 0;

        value->type = PLANO_JSON_OBJECT;
        value->n = json_object_get_size (object);
        value->members = arena_alloc (doc, value->n * sizeof (PlanoJsonMember));
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member) && i < value->n)
          {
            char *copy = arena_alloc (doc, strlen (name) + 1);

            strcpy (copy, name);
            value->members[i].name = copy;
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
            char *copy = arena_alloc (doc, strlen (s) + 1);

            strcpy (copy, s);
            value->type = PLANO_JSON_STRING;
            value->string = copy;
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
 *
 * The same document as json-glib's @node, for reading an item kept in a json-glib tree.
 * Positions in the source are all 0.
 */
PlanoJsonDoc *
plano_json_from_node (JsonNode *node)
{
  PlanoJsonDoc *doc = doc_new ();

  if (node != NULL)
    convert (doc, node, &doc->root);
  return doc;
}

/* Reading */

/**
 * plano_json_object_get:
 *
 * Returns: (nullable): the member @name of @object; the last one when a name repeats, as
 *   json-glib does
 */
const PlanoJsonValue *
plano_json_object_get (const PlanoJsonValue *object,
                       const char           *name)
{
  g_return_val_if_fail (object != NULL && object->type == PLANO_JSON_OBJECT, NULL);

  for (guint i = object->n; i > 0; i--)
    if (strcmp (object->members[i - 1].name, name) == 0)
      return &object->members[i - 1].value;

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
