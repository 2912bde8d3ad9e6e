/* plano-tradeoffs.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-board.h"

G_BEGIN_DECLS

/* One of the seed's classic axes, as a starting point for a decision. */
typedef struct
{
  const char *id;
  const char *title;         /* untranslated; use _() */
  const char *sides[2];      /* untranslated; the two alternatives */
  const char *question;      /* untranslated; what to ask yourself */
} PlanoTradeoffPreset;

const PlanoTradeoffPreset *plano_tradeoff_get_presets      (guint                      *n_presets);
const PlanoTradeoffPreset *plano_tradeoff_lookup_preset    (const char                 *id);
char                      *plano_tradeoff_get_kind_hint    (const char                 *kind);
PlanoTradeoff             *plano_tradeoff_new              (PlanoBoard                 *board,
                                                            const char                 *target,
                                                            const PlanoTradeoffPreset  *preset);
gboolean                   plano_tradeoff_matches          (PlanoBoard                 *board,
                                                            const PlanoTradeoff        *tradeoff,
                                                            const char                 *query);
GStrv                      plano_tradeoff_split_lines      (const char                 *text);
char                      *plano_tradeoff_join_lines       (const char * const         *lines);

G_END_DECLS
