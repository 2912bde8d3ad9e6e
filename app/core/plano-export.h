/* plano-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-board.h"
#include "plano-render.h"

G_BEGIN_DECLS

typedef enum
{
  PLANO_EXPORT_PNG,
  PLANO_EXPORT_SVG,
  PLANO_EXPORT_PDF,
} PlanoExportFormat;

typedef struct
{
  PlanoExportFormat  format;
  double             scale;        /* pixels per canvas unit, for PNG; SVG and PDF are vector */
  gboolean           transparent;  /* no background */
  PlanoTheme         theme;
} PlanoExportOptions;

#define PLANO_EXPORT_MARGIN 32.0

gboolean  plano_export_format_from_name  (const char               *name,
                                          PlanoExportFormat        *format);
gboolean  plano_export_get_area          (PlanoRenderer            *renderer,
                                          PlanoRect                *area);
GBytes   *plano_export_to_bytes          (PlanoBoard               *board,
                                          const PlanoExportOptions *options,
                                          GError                  **error);
gboolean  plano_export_to_file           (PlanoBoard               *board,
                                          const char               *path,
                                          const PlanoExportOptions *options,
                                          GError                  **error);

G_END_DECLS
