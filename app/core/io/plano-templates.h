/* plano-templates.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-board.h"

G_BEGIN_DECLS

/* A built-in board to start from: the seed's reference architectures and the classic
 * Lambda, Kappa and Medallion layouts. */
typedef struct
{
  const char *id;
  const char *title;        /* untranslated; use _() */
  const char *description;  /* untranslated; use _() */
} PlanoTemplate;

const PlanoTemplate *plano_templates_get        (guint       *n_templates);
const PlanoTemplate *plano_templates_lookup     (const char  *id);
GBytes              *plano_template_get_source  (const char  *id);
PlanoBoard          *plano_template_load        (const char  *id,
                                                 GError     **error);
PlanoBoard          *plano_template_read_translated (GBytes  *source,
                                                     GError **error);

G_END_DECLS
