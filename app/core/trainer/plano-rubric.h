/* plano-rubric.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The dimensions an interviewer scores a system-design interview on. */
typedef enum
{
  PLANO_RUBRIC_REQUIREMENTS,   /* requirements and scope */
  PLANO_RUBRIC_ESTIMATION,     /* back-of-envelope estimation */
  PLANO_RUBRIC_HIGH_LEVEL,     /* high-level design */
  PLANO_RUBRIC_DATA_MODEL,     /* data model and APIs */
  PLANO_RUBRIC_DEEP_DIVE,      /* deep dive */
  PLANO_RUBRIC_SCALABILITY,    /* scalability and reliability */
  PLANO_RUBRIC_TRADEOFFS,      /* trade-offs */
  PLANO_RUBRIC_COMMUNICATION,  /* communication and time */
  PLANO_RUBRIC_N_DIMENSIONS
} PlanoRubricDimension;

/* The level a candidate interviews for: the same score asks more of a staff engineer. */
typedef enum
{
  PLANO_LEVEL_MID,
  PLANO_LEVEL_SENIOR,
  PLANO_LEVEL_STAFF,
  PLANO_N_LEVELS
} PlanoLevel;

#define PLANO_RUBRIC_MAX_SCORE 4

typedef struct
{
  const char *id;                                         /* stable: "requirements"… */
  const char *title;                                      /* untranslated; use _() */
  const char *summary;                                    /* untranslated: what it looks at */
  /* untranslated: one line per level and score, [level][score - 1] */
  const char *descriptors[PLANO_N_LEVELS][PLANO_RUBRIC_MAX_SCORE];
} PlanoRubricInfo;

const PlanoRubricInfo *plano_rubric_get_info          (PlanoRubricDimension  dimension);
gboolean               plano_rubric_lookup            (const char           *id,
                                                       PlanoRubricDimension *dimension);
const char            *plano_level_get_id             (PlanoLevel            level);
const char            *plano_level_get_name           (PlanoLevel            level);
gboolean               plano_level_lookup             (const char           *id,
                                                       PlanoLevel           *level);

G_END_DECLS
