/* plano-templates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "plano-format.h"
#include "plano-templates.h"
#include "plano-template-resources.h"

/* The templates are .plano files in data/templates, written in English. Their texts are
 * extracted for translators into data/templates/template-strings.c (see
 * build-aux/template-strings.py), and translated here as a template is loaded: the board a
 * user starts from reads in their language, and is theirs to edit from then on.
 */

#define RESOURCE_PATH "/io/github/planoboard/Plano/templates/"

static const PlanoTemplate templates[] = {
  { "realtime-analytics", N_("Real-time analytics pipeline"),
    N_("Sources into Kafka, Flink jobs feeding a serving layer of Redis, Druid and Elasticsearch, and a data lake with Spark batch jobs beside it") },
  { "modern-data-stack", N_("Modern data stack"),
    N_("Batch-first: managed ingestion into a warehouse with raw, staging and marts tiers modelled by dbt, BI and reverse ETL on top") },
  { "data-mesh", N_("Data mesh"),
    N_("Domains that own their data products, with federated governance and a self-serve platform") },
  { "lambda", N_("Lambda architecture"),
    N_("A batch layer that recomputes from immutable data beside a speed layer, merged at query time") },
  { "kappa", N_("Kappa architecture"),
    N_("One streaming path over a long-retention log; reprocessing replays the log") },
  { "medallion", N_("Medallion architecture"),
    N_("Bronze, silver and gold tiers in a lakehouse, each rebuilt from the one before") },
};

/**
 * plano_templates_get:
 *
 * Returns: the built-in templates, in the order the New from Template dialog shows them
 */
const PlanoTemplate *
plano_templates_get (guint *n_templates)
{
  if (n_templates != NULL)
    *n_templates = G_N_ELEMENTS (templates);

  return templates;
}

const PlanoTemplate *
plano_templates_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (templates); i++)
    if (g_str_equal (templates[i].id, id))
      return &templates[i];

  return NULL;
}

/**
 * plano_template_get_source:
 *
 * Returns: (transfer full) (nullable): the template's file as shipped, in English
 */
GBytes *
plano_template_get_source (const char *id)
{
  g_autofree char *path = NULL;

  if (plano_templates_lookup (id) == NULL)
    return NULL;

  path = g_strconcat (RESOURCE_PATH, id, ".plano", NULL);
  return g_resource_lookup_data (plano_templates_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static void
translate_string_member (JsonObject *object,
                         const char *name)
{
  const char *text;

  if (!json_object_has_member (object, name) ||
      json_node_get_value_type (json_object_get_member (object, name)) != G_TYPE_STRING)
    return;

  /* gettext hands back the very string it was given when there is no translation, and that
   * string belongs to the member about to be replaced. */
  text = json_object_get_string_member (object, name);
  if (text[0] != '\0' && g_dgettext (GETTEXT_PACKAGE, text) != text)
    json_object_set_string_member (object, name, g_dgettext (GETTEXT_PACKAGE, text));
}

static void
translate_array_member (JsonObject *object,
                        const char *name)
{
  JsonArray *array;

  if (!json_object_has_member (object, name) || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, name)))
    return;

  array = json_object_get_array_member (object, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      const char *text;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        continue;
      text = json_node_get_string (element);
      if (g_dgettext (GETTEXT_PACKAGE, text) != text)
        json_node_set_string (element, g_dgettext (GETTEXT_PACKAGE, text));
    }
}

/* The texts a person reads: titles, labels, notes and every field of a trade-off. */
static void
translate_items (JsonObject *root,
                 const char *array_name)
{
  JsonArray *array;

  if (!json_object_has_member (root, array_name) || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, array_name)))
    return;

  array = json_object_get_array_member (root, array_name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (item == NULL)
        continue;
      translate_string_member (item, "label");
      translate_string_member (item, "text");
      translate_string_member (item, "title");
      translate_string_member (item, "choice");
      translate_string_member (item, "rationale");
      translate_array_member (item, "alternatives");
      translate_array_member (item, "pros");
      translate_array_member (item, "cons");
    }
}

/**
 * plano_template_read_translated:
 * @source: a board written in English, as the templates and reference solutions are
 *
 * Returns: (transfer full) (nullable): a new board from @source, its texts in the user's
 *   language, or %NULL with @error
 */
PlanoBoard *
plano_template_read_translated (GBytes  *source,
                                GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *translated = NULL;
  gsize length;
  JsonObject *root;

  g_return_val_if_fail (source != NULL, NULL);

  if (!json_parser_load_from_data (parser, g_bytes_get_data (source, NULL), g_bytes_get_size (source), error))
    return NULL;

  root = json_node_get_object (json_parser_get_root (parser));
  translate_string_member (root, "title");
  translate_items (root, "nodes");
  translate_items (root, "edges");
  translate_items (root, "zones");
  translate_items (root, "notes");
  translate_items (root, "tradeoffs");

  generator = json_generator_new ();
  json_generator_set_root (generator, json_parser_get_root (parser));
  translated = json_generator_to_data (generator, &length);

  return plano_format_read (translated, length, NULL, error);
}

/**
 * plano_template_load:
 *
 * Returns: (transfer full) (nullable): a new board from the template, its texts in the
 *   user's language, or %NULL with @error for an unknown id
 */
PlanoBoard *
plano_template_load (const char  *id,
                     GError     **error)
{
  g_autoptr(GBytes) source = plano_template_get_source (id);

  if (source == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no template “%s”; plano --list-templates shows them"), id);
      return NULL;
    }

  return plano_template_read_translated (source, error);
}
