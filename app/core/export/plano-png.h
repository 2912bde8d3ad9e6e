/* plano-png.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  plano_png_deflate_rows  (const guint8  *pixels,
                               int            stride,
                               int            width,
                               int            n_rows,
                               gboolean       alpha,
                               gboolean       last,
                               GByteArray    *out,
                               guint32       *adler);

G_END_DECLS
