/* plano-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plano-export.h"
#include "plano-format.h"

/* PNG, SVG and PDF of a whole board, cropped to what is drawn plus a margin. The bytes are
 * made in memory and written with the same atomic replace as boards, so that a failure at any
 * point leaves nothing at the destination.
 */

#define MAX_PIXELS (16384.0 * 16384.0)

/**
 * plano_export_format_from_name:
 * @name: "png", "svg" or "pdf", or a file name ending in one of them
 *
 * Returns: whether @name names a format
 */
gboolean
plano_export_format_from_name (const char        *name,
                               PlanoExportFormat *format)
{
  static const struct
  {
    const char        *name;
    PlanoExportFormat  format;
  } formats[] = {
    { "png", PLANO_EXPORT_PNG },
    { "svg", PLANO_EXPORT_SVG },
    { "pdf", PLANO_EXPORT_PDF },
  };
  const char *dot;

  g_return_val_if_fail (name != NULL, FALSE);

  dot = strrchr (name, '.');
  if (dot != NULL)
    name = dot + 1;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (formats[i].name, name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

/**
 * plano_export_get_area:
 * @area: (out): what is drawn, with a margin around it
 *
 * Returns: %FALSE when the board has nothing to draw
 */
gboolean
plano_export_get_area (PlanoRenderer *renderer,
                       PlanoRect     *area)
{
  if (!plano_renderer_get_bounds (renderer, area))
    return FALSE;

  plano_rect_inflate (area, PLANO_EXPORT_MARGIN);
  area->x = floor (area->x);
  area->y = floor (area->y);
  area->w = ceil (area->w);
  area->h = ceil (area->h);

  return TRUE;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the board: %s"),
               cairo_status_to_string (status));
  return FALSE;
}

/**
 * plano_export_to_bytes:
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
plano_export_to_bytes (PlanoBoard               *board,
                       const PlanoExportOptions *options,
                       GError                  **error)
{
  g_autoptr(PlanoRenderer) renderer = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  PlanoRenderOptions render = { 0, };
  PlanoRect area;
  double scale;

  g_return_val_if_fail (PLANO_IS_BOARD (board), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  scale = options->scale > 0 ? options->scale : 1;
  if (!isfinite (scale) || scale > 16)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale must be more than 0 and at most 16"));
      return NULL;
    }

  renderer = plano_renderer_new (board);
  if (!plano_export_get_area (renderer, &area))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The board is empty: there is nothing to export"));
      return NULL;
    }

  render.theme = options->theme;
  render.zoom = options->format == PLANO_EXPORT_PNG ? scale : 1;
  render.background = !options->transparent;

  bytes = g_byte_array_new ();

  switch (options->format)
    {
    case PLANO_EXPORT_SVG:
      {
        char *svg = plano_renderer_to_svg (renderer, &area, &render);

        g_byte_array_append (bytes, (const guint8 *) svg, strlen (svg));
        g_free (svg);
      }
      break;

    case PLANO_EXPORT_PNG:
      {
        cairo_surface_t *surface;
        cairo_t *cr;
        int width = (int) ceil (area.w * scale);
        int height = (int) ceil (area.h * scale);
        gboolean ok;

        if ((double) width * height > MAX_PIXELS)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("The image would be %d × %d pixels, too large; export at a smaller scale"),
                         width, height);
            return NULL;
          }

        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
        cr = cairo_create (surface);
        cairo_scale (cr, scale, scale);
        cairo_translate (cr, -area.x, -area.y);
        plano_renderer_draw (renderer, cr, &area, &render);
        cairo_destroy (cr);

        ok = check_surface (surface, error) &&
             cairo_surface_write_to_png_stream (surface, append_cb, bytes) == CAIRO_STATUS_SUCCESS;
        if (!ok && error != NULL && *error == NULL)
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not encode the PNG image"));
        cairo_surface_destroy (surface);
        if (!ok)
          return NULL;
      }
      break;

    case PLANO_EXPORT_PDF:
      {
        /* PDF pages are measured in points; one canvas unit is one CSS pixel, 3/4 of a point. */
        double k = 0.75;
        cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, bytes,
                                                                        area.w * k, area.h * k);
        cairo_t *cr = cairo_create (surface);
        gboolean ok;

        if (plano_board_get_title (board) != NULL)
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                          plano_board_get_title (board));
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Plano " PACKAGE_VERSION);
        cairo_scale (cr, k, k);
        cairo_translate (cr, -area.x, -area.y);
        plano_renderer_draw (renderer, cr, &area, &render);
        cairo_destroy (cr);
        cairo_surface_finish (surface);
        ok = check_surface (surface, error);
        cairo_surface_destroy (surface);
        if (!ok)
          return NULL;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * plano_export_to_file:
 * @path: where to write; replaced atomically, and untouched when anything fails
 *
 * Returns: whether the export was written
 */
gboolean
plano_export_to_file (PlanoBoard               *board,
                      const char               *path,
                      const PlanoExportOptions *options,
                      GError                  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *dir_name = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (PLANO_IS_BOARD (board), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = plano_export_to_bytes (board, options, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (g_file_set_contents_full (path, data, length,
                                G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    return TRUE;

  base = g_path_get_basename (path);
  name = g_filename_display_name (base);
  dir = g_path_get_dirname (path);
  dir_name = g_filename_display_name (dir);

  switch (local_error->code)
    {
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Could not write “%s” in %s: the folder is read-only or you may not write there"),
                   name, dir_name);
      break;
    case G_FILE_ERROR_NOSPC:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Could not write “%s” in %s: the disk is full"), name, dir_name);
      break;
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not write “%s” in %s: the folder does not exist"), name, dir_name);
      break;
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s” in %s: %s"), name, dir_name, local_error->message);
      break;
    }

  return FALSE;
}
