/* plano-interop.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-render.h"

G_BEGIN_DECLS

char *plano_interop_to_excalidraw  (PlanoRenderer *renderer);
char *plano_interop_to_drawio      (PlanoRenderer *renderer);

G_END_DECLS
