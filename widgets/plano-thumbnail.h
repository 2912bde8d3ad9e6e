/* plano-thumbnail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plano-board.h"
#include "plano-render.h"

G_BEGIN_DECLS

/* Files larger than this, about 6 000 components, get no thumbnail. */
#define PLANO_THUMBNAIL_MAX_FILE_SIZE (2 * 1024 * 1024)

GdkTexture *plano_thumbnail_new         (PlanoBoard           *board,
                                         int                   width,
                                         int                   height,
                                         PlanoTheme            theme);
void        plano_thumbnail_load_async  (GFile                *file,
                                         int                   width,
                                         int                   height,
                                         PlanoTheme            theme,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GdkTexture *plano_thumbnail_load_finish (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
