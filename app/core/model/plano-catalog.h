/* plano-catalog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PLANO_CATEGORY_SOURCES,
  PLANO_CATEGORY_INGESTION,
  PLANO_CATEGORY_STREAMING,
  PLANO_CATEGORY_PROCESSING,
  PLANO_CATEGORY_STORAGE,
  PLANO_CATEGORY_SERVING,
  PLANO_CATEGORY_CONSUMPTION,
  PLANO_CATEGORY_PLATFORM,
  PLANO_CATEGORY_GENERIC,
  PLANO_N_CATEGORIES
} PlanoCategory;

typedef enum
{
  PLANO_CONSISTENCY_NONE,
  PLANO_CONSISTENCY_STRONG,
  PLANO_CONSISTENCY_EVENTUAL,
} PlanoConsistency;

/* What one unit of a kind's throughput is counted against. */
typedef enum
{
  PLANO_THROUGHPUT_PER_INSTANCE,
  PLANO_THROUGHPUT_PER_PARTITION,
} PlanoThroughputBasis;

typedef struct
{
  const char           *id;
  const char           *name;         /* untranslated; use plano_kind_get_name() */
  PlanoCategory         category;
  const char           *glyph;        /* id of the renderer's drawing */
  double                width;
  double                height;
  double                throughput;   /* events per second; 0 when it does not apply */
  PlanoThroughputBasis  basis;
  double                latency_ms;   /* typical added latency; 0 when it does not apply */
  PlanoConsistency      consistency;
  gboolean              stateful;
  const char           *hint;         /* untranslated; use plano_kind_get_hint() */
} PlanoKind;

const PlanoKind  *plano_catalog_get_kinds         (guint               *n_kinds);
const PlanoKind  *plano_catalog_lookup            (const char          *id);
const PlanoKind  *plano_catalog_get_generic       (void);
const char       *plano_kind_get_name             (const PlanoKind     *kind);
const char       *plano_kind_get_hint             (const PlanoKind     *kind);
const char       *plano_category_get_name         (PlanoCategory        category);
const char       *plano_category_get_id           (PlanoCategory        category);

G_END_DECLS
