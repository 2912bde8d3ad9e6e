/* plano-thumbnail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pictures of whole boards for lists and choosers, drawn by the core renderer.
 */

#define G_LOG_DOMAIN "plano-thumbnail"

#include "config.h"

#include "plano-export.h"
#include "plano-format.h"
#include "plano-thumbnail.h"

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                                         (gsize) stride * height);

  /* Cairo's ARGB32 is premultiplied BGRA in memory on little-endian machines, GDK's default. */
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

/**
 * plano_thumbnail_new:
 * @width: in device pixels
 * @height: in device pixels
 *
 * Returns: (transfer full): @board drawn whole, fitted into @width × @height
 */
GdkTexture *
plano_thumbnail_new (PlanoBoard *board,
                     int         width,
                     int         height,
                     PlanoTheme  theme)
{
  cairo_surface_t *surface;
  GdkTexture *texture;

  g_return_val_if_fail (PLANO_IS_BOARD (board), NULL);

  surface = plano_export_thumbnail (board, width, height, theme);
  texture = texture_for_surface (surface);
  cairo_surface_destroy (surface);

  return texture;
}

typedef struct
{
  int        width;
  int        height;
  PlanoTheme theme;
} Request;

/* In a worker thread: reading a large board takes longer than a frame. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = source_object;
  Request *request = task_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GError *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               "Only local files have thumbnails");
      return;
    }

  /* Drawn that small, a board of thousands of components is a blur, and reading it would take
   * a worker a good part of a second and leave its memory with the thread. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_file_info_get_size (info) > PLANO_THUMBNAIL_MAX_FILE_SIZE)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                               "The board is too large for a thumbnail");
      return;
    }

  board = plano_format_read_file (path, NULL, &error);
  if (board == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task,
                         plano_export_thumbnail (board, request->width, request->height, request->theme),
                         (GDestroyNotify) cairo_surface_destroy);
}

/**
 * plano_thumbnail_load_async:
 * @file: a .plano file
 *
 * Reads @file and draws its board in a worker thread.
 */
void
plano_thumbnail_load_async (GFile               *file,
                            int                  width,
                            int                  height,
                            PlanoTheme           theme,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (width > 0 && height > 0);

  request = g_new (Request, 1);
  *request = (Request) { width, height, theme };
  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, plano_thumbnail_load_async);
  g_task_set_task_data (task, request, g_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * plano_thumbnail_load_finish:
 *
 * Returns: (transfer full) (nullable): the board's picture, or %NULL when the file could not
 *   be read
 */
GdkTexture *
plano_thumbnail_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  cairo_surface_t *surface;
  GdkTexture *texture;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plano_thumbnail_load_async, NULL);

  surface = g_task_propagate_pointer (G_TASK (result), error);
  if (surface == NULL)
    return NULL;

  texture = texture_for_surface (surface);
  cairo_surface_destroy (surface);

  return texture;
}
