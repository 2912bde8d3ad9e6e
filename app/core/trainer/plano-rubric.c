/* plano-rubric.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-rubric"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-rubric.h"

static const PlanoRubricInfo dimensions[PLANO_RUBRIC_N_DIMENSIONS] = {
#include "plano-rubric-descriptors.inc"
};

static const struct
{
  const char *id;
  const char *name;
} levels[PLANO_N_LEVELS] = {
  [PLANO_LEVEL_MID]    = { "mid", N_("Mid-level") },
  [PLANO_LEVEL_SENIOR] = { "senior", N_("Senior") },
  [PLANO_LEVEL_STAFF]  = { "staff", N_("Staff") },
};

/**
 * plano_rubric_get_info:
 *
 * Returns: (transfer none): the dimension's title, summary and descriptors, untranslated
 */
const PlanoRubricInfo *
plano_rubric_get_info (PlanoRubricDimension dimension)
{
  g_return_val_if_fail (dimension < PLANO_RUBRIC_N_DIMENSIONS, NULL);

  return &dimensions[dimension];
}

gboolean
plano_rubric_lookup (const char           *id,
                     PlanoRubricDimension *dimension)
{
  for (guint i = 0; id != NULL && i < PLANO_RUBRIC_N_DIMENSIONS; i++)
    if (g_strcmp0 (dimensions[i].id, id) == 0)
      {
        if (dimension != NULL)
          *dimension = i;
        return TRUE;
      }

  return FALSE;
}

const char *
plano_level_get_id (PlanoLevel level)
{
  g_return_val_if_fail (level < PLANO_N_LEVELS, NULL);

  return levels[level].id;
}

/**
 * plano_level_get_name:
 *
 * Returns: the level's name in the user's language
 */
const char *
plano_level_get_name (PlanoLevel level)
{
  g_return_val_if_fail (level < PLANO_N_LEVELS, NULL);

  return _(levels[level].name);
}

gboolean
plano_level_lookup (const char *id,
                    PlanoLevel *level)
{
  for (guint i = 0; id != NULL && i < PLANO_N_LEVELS; i++)
    if (g_str_equal (levels[i].id, id))
      {
        if (level != NULL)
          *level = i;
        return TRUE;
      }

  return FALSE;
}
