/* plano-json-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A read-only JSON document for the board reader: parsed in one pass into blocks of memory
 * that are freed at once. json-glib's tree costs a hash table per object and, on GLib before
 * 2.76, keeps its memory after it is freed; a board of 10 000 components has 25 000 objects.
 */

typedef enum
{
  PLANO_JSON_NULL,
  PLANO_JSON_BOOLEAN,
  PLANO_JSON_INTEGER,   /* a number written without fraction or exponent, that fits 64 bits */
  PLANO_JSON_DOUBLE,
  PLANO_JSON_STRING,
  PLANO_JSON_ARRAY,
  PLANO_JSON_OBJECT,
} PlanoJsonType;

typedef struct _PlanoJsonValue  PlanoJsonValue;
typedef struct _PlanoJsonMember PlanoJsonMember;

struct _PlanoJsonValue
{
  PlanoJsonType  type;
  guint          n;         /* arrays: elements; objects: members */
  union
  {
    gboolean          boolean;
    gint64            integer;
    double            number;
    const char       *string;   /* UTF-8; a \u0000 escape ends it, as in json-glib */
    PlanoJsonValue   *elements;
    PlanoJsonMember  *members;  /* each name once */
  };
};

struct _PlanoJsonMember
{
  const char     *name;
  PlanoJsonValue  value;
};

typedef struct _PlanoJsonDoc PlanoJsonDoc;

PlanoJsonDoc          *plano_json_parse           (const char            *data,
                                                   gsize                  length,
                                                   GError               **error);
PlanoJsonDoc          *plano_json_from_node       (JsonNode              *node);
void                   plano_json_doc_free        (PlanoJsonDoc          *doc);
const PlanoJsonValue  *plano_json_doc_get_root    (PlanoJsonDoc          *doc);

const PlanoJsonValue  *plano_json_object_get      (const PlanoJsonValue  *object,
                                                   const char            *name);
gboolean               plano_json_is_number       (const PlanoJsonValue  *value);
double                 plano_json_get_number      (const PlanoJsonValue  *value);
JsonNode              *plano_json_to_node         (const PlanoJsonValue  *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanoJsonDoc, plano_json_doc_free)

G_END_DECLS
