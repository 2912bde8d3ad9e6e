/* plano-bench-gen.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plano-board.h"

G_BEGIN_DECLS

PlanoBoard *plano_bench_generate (guint   n_nodes,
                                  guint32 seed);

G_END_DECLS
