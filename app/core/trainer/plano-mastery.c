/* plano-mastery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-mastery"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "plano-mastery.h"

/* The file is a JSON object: {"version": 1, "scores": [2, null, 3, …]}, one score per item of
 * the checklist in its order, null for an item not scored. Items are only ever appended to
 * the checklist, so an older file with fewer scores still reads.
 */

#define MASTERY_VERSION 1

/**
 * plano_mastery_load:
 * @path: the file, such as ~/.local/share/plano/mastery.json
 * @scores: (out caller-allocates): the scores, %PLANO_MASTERY_NOT_SCORED where none was given
 *
 * A missing file is a checklist not scored yet.
 *
 * Returns: %FALSE with @error when the file cannot be read or is not a mastery file
 */
gboolean
plano_mastery_load (const char  *path,
                    int          scores[PLANO_INTERVIEW_N_MASTERY],
                    GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *array;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scores != NULL, FALSE);

  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    scores[i] = PLANO_MASTERY_NOT_SCORED;

  if (!g_file_get_contents (path, &contents, NULL, &read_error))
    {
      if (g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }

  name = g_filename_display_basename (path);
  root = json_from_string (contents, &read_error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      /* TRANSLATORS: %s is a file name */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: expected a JSON object with the mastery scores"), name);
      return FALSE;
    }

  object = json_node_get_object (root);
  member = json_object_get_member (object, "scores");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      /* TRANSLATORS: %s is a file name; "scores" is a JSON member, not translated */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: scores: expected an array"), name);
      return FALSE;
    }

  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array) && i < PLANO_INTERVIEW_N_MASTERY; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      double value;

      if (JSON_NODE_HOLDS_NULL (element))
        continue;

      value = JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) != G_TYPE_STRING &&
              json_node_get_value_type (element) != G_TYPE_BOOLEAN
              ? json_node_get_double (element) : -1;
      if (value < 0 || value > PLANO_MASTERY_MAX_SCORE || value != (int) value)
        {
          for (guint j = 0; j < PLANO_INTERVIEW_N_MASTERY; j++)
            scores[j] = PLANO_MASTERY_NOT_SCORED;
          /* TRANSLATORS: "mastery.json: scores[3]: expected null or a whole number from 0 to 3" */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: scores[%u]: expected null or a whole number from 0 to %d"),
                       name, i, PLANO_MASTERY_MAX_SCORE);
          return FALSE;
        }
      scores[i] = (int) value;
    }

  return TRUE;
}

/**
 * plano_mastery_save:
 * @path: the file; its folder is created when needed
 *
 * Writes the scores, replacing the file at once so that it is never half written.
 */
gboolean
plano_mastery_save (const char  *path,
                    const int    scores[PLANO_INTERVIEW_N_MASTERY],
                    GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scores != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, MASTERY_VERSION);
  json_builder_set_member_name (builder, "scores");
  json_builder_begin_array (builder);
  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    if (scores[i] >= 0 && scores[i] <= PLANO_MASTERY_MAX_SCORE)
      json_builder_add_int_value (builder, scores[i]);
    else
      json_builder_add_null_value (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);

  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
