/* plano-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "plano-board.h"
#include "plano-file.h"

G_BEGIN_DECLS

#define PLANO_FORMAT_VERSION 1

#define PLANO_FORMAT_ERROR (plano_format_error_quark ())

typedef enum
{
  PLANO_FORMAT_ERROR_INVALID,   /* the bytes are not a board; the message names the place */
  PLANO_FORMAT_ERROR_VERSION,   /* a newer or unknown format version */
  PLANO_FORMAT_ERROR_IO,        /* the file could not be read or written */
  PLANO_FORMAT_ERROR_READ_ONLY, /* the file has no write permission: ask before replacing it */
} PlanoFormatError;

GQuark       plano_format_error_quark  (void);

PlanoBoard  *plano_format_read         (const char   *data,
                                        gsize         length,
                                        GPtrArray   **warnings,
                                        GError      **error);
PlanoBoard  *plano_format_read_file    (const char   *path,
                                        GPtrArray   **warnings,
                                        GError      **error);
char        *plano_format_write        (PlanoBoard   *board,
                                        gsize        *length);
JsonNode    *plano_format_item_to_json (const PlanoItem *item);
PlanoItem   *plano_format_item_from_json (JsonNode     *node,
                                        PlanoItemType type,
                                        const char   *path,
                                        GError      **error);
gboolean     plano_format_save_file    (PlanoBoard   *board,
                                        const char   *path,
                                        GError      **error);
gboolean     plano_format_save_file_full (PlanoBoard           *board,
                                        const char            *path,
                                        PlanoFileReplaceFlags  flags,
                                        PlanoFileProgressFunc  progress,
                                        gpointer               progress_data,
                                        GError               **error);

/* The rates, sizes and windows the design review computes with: `plano --check` refuses a
 * board whose values it cannot use, the review ignores them. */
#define PLANO_LOAD_VALUE_MAX 1e12

gboolean     plano_format_check_load_prop  (const PlanoProp  *prop,
                                            char            **reason);
gboolean     plano_format_check_load_props (PlanoBoard       *board,
                                            GError          **error);

G_END_DECLS
