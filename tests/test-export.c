/* test-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <unistd.h>

#include "plano-board.h"
#include "plano-export.h"
#include "plano-format.h"
#include "plano-render.h"

static PlanoBoard *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  PlanoBoard *board = plano_format_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return board;
}

static GBytes *
export (PlanoBoard        *board,
        PlanoExportFormat  format,
        double             scale,
        gboolean           transparent)
{
  PlanoExportOptions options = { format, scale, transparent, PLANO_THEME_LIGHT };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = plano_export_to_bytes (board, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strndup (data, length);
}

static void
png_size (GBytes *bytes,
          guint  *width,
          guint  *height)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  *width = GUINT32_FROM_BE (*(const guint32 *) (data + 16));
  *height = GUINT32_FROM_BE (*(const guint32 *) (data + 20));
}

/* Every node label is real text in the SVG, and so is every edge label. */
static void
test_svg_text (void)
{
  g_autoptr(PlanoBoard) board = load_fixture ("example.plano");
  g_autoptr(GBytes) bytes = export (board, PLANO_EXPORT_SVG, 1, FALSE);
  g_autofree char *svg = bytes_to_string (bytes);

  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  g_assert_nonnull (strstr (svg, ">Mobile apps</tspan>"));
  g_assert_nonnull (strstr (svg, ">Kafka</tspan>"));
  g_assert_nonnull (strstr (svg, ">Flink</tspan>"));
  g_assert_nonnull (strstr (svg, "<title>Clickstream</title>"));
  g_assert_true (g_str_has_suffix (svg, "</svg>\n"));
}

static void
test_svg_escapes (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *svg = NULL;
  const PlanoNode *node = plano_board_add_node (board, "api", 0, 0);

  plano_board_set_label (board, node->item.id, "<A & B>");
  bytes = export (board, PLANO_EXPORT_SVG, 1, FALSE);
  svg = bytes_to_string (bytes);
  g_assert_nonnull (strstr (svg, ">&lt;A &amp; B&gt;</tspan>"));
  g_assert_null (strstr (svg, "<A & B>"));
}

/* Scale 2 gives twice the pixels of scale 1, cropped to the content with a margin. */
static void
test_png_scale (void)
{
  g_autoptr(PlanoBoard) board = load_fixture ("example.plano");
  g_autoptr(GBytes) one = export (board, PLANO_EXPORT_PNG, 1, FALSE);
  g_autoptr(GBytes) two = export (board, PLANO_EXPORT_PNG, 2, FALSE);
  guint w1, h1, w2, h2;

  png_size (one, &w1, &h1);
  png_size (two, &w2, &h2);

  g_assert_cmpuint (w2, ==, 2 * w1);
  g_assert_cmpuint (h2, ==, 2 * h1);

  /* apps at x 40 to flink's right edge at 640, plus the margins. */
  g_assert_cmpuint (w1, >=, 600 + 2 * PLANO_EXPORT_MARGIN);
  g_assert_cmpuint (w1, <=, 600 + 2 * PLANO_EXPORT_MARGIN + 40);
}

/* A transparent background leaves the margin clear; the default paints it. */
static void
test_png_background (void)
{
  g_autoptr(PlanoBoard) board = load_fixture ("example.plano");
  g_autoptr(GBytes) clear = export (board, PLANO_EXPORT_PNG, 1, TRUE);
  g_autoptr(GBytes) filled = export (board, PLANO_EXPORT_PNG, 1, FALSE);
  g_autofree char *dir = g_dir_make_tmp ("plano-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "x.png", NULL);
  cairo_surface_t *surface;
  guint32 corner;

  g_file_set_contents (path, g_bytes_get_data (clear, NULL), g_bytes_get_size (clear), NULL);
  surface = cairo_image_surface_create_from_png (path);
  corner = *(const guint32 *) cairo_image_surface_get_data (surface);
  g_assert_cmpuint (corner >> 24, ==, 0);
  cairo_surface_destroy (surface);

  g_file_set_contents (path, g_bytes_get_data (filled, NULL), g_bytes_get_size (filled), NULL);
  surface = cairo_image_surface_create_from_png (path);
  corner = *(const guint32 *) cairo_image_surface_get_data (surface);
  g_assert_cmpuint (corner >> 24, ==, 0xff);
  cairo_surface_destroy (surface);

  g_unlink (path);
  g_rmdir (dir);
}

/* A PDF of one page, sized to the content (canvas units are CSS pixels, 0.75 pt each). */
static void
test_pdf_page (void)
{
  g_autoptr(PlanoBoard) board = load_fixture ("example.plano");
  g_autoptr(GBytes) bytes = export (board, PLANO_EXPORT_PDF, 1, FALSE);
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  g_autofree char *media_box = NULL;
  char width[G_ASCII_DTOSTR_BUF_SIZE];
  PlanoRect area;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_true (length > 5 && memcmp (data, "%PDF-", 5) == 0);
  /* The PDF holds binary streams: search the bytes, not a string. */
  g_assert_nonnull (memmem (data, length, "/Count 1\n", 9));

  g_assert_true (plano_export_get_area (renderer, &area));
  g_ascii_formatd (width, sizeof width, "%g", area.w * 0.75);
  media_box = g_strdup_printf ("/MediaBox [ 0 0 %s ", width);
  g_assert_nonnull (memmem (data, length, media_box, strlen (media_box)));
}

static void
test_empty_board (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  PlanoExportOptions options = { PLANO_EXPORT_PNG, 1, FALSE, PLANO_THEME_LIGHT };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = plano_export_to_bytes (board, &options, &error);

  g_assert_null (bytes);
  g_assert_cmpstr (error->message, ==, "The board is empty: there is nothing to export");
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static char *
read_only_dir (GPid parent)
{
  return g_strdup_printf ("%s/plano-export-read-only-%d", g_get_tmp_dir (), (int) parent);
}

/* A write that cannot happen fails with a sentence and leaves nothing behind: a missing
 * folder, and a read-only one, entered by a subprocess that gives up root first.
 */
static void
test_write_fails_cleanly (void)
{
  g_autoptr(PlanoBoard) board = NULL;
  PlanoExportOptions options = { PLANO_EXPORT_SVG, 1, FALSE, PLANO_THEME_LIGHT };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *read_only = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *inside = NULL;

      board = load_fixture ("example.plano");
      read_only = read_only_dir (getppid ());
      inside = g_build_filename (read_only, "out.svg", NULL);
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }

      g_assert_false (plano_export_to_file (board, inside, &options, &error));
      g_assert_true (g_str_has_suffix (error->message, ": the folder is read-only or you may not write there"));
      return;
    }

  board = load_fixture ("example.plano");
  dir = g_dir_make_tmp ("plano-export-XXXXXX", NULL);
  {
    g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.svg", NULL);

    g_assert_false (plano_export_to_file (board, missing, &options, &error));
    g_assert_true (g_str_has_suffix (error->message, ": the folder does not exist"));
    g_assert_cmpuint (count_files (dir), ==, 0);
  }
  g_rmdir (dir);

  read_only = read_only_dir (getpid ());
  g_assert_cmpint (g_mkdir (read_only, 0555), ==, 0);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_assert_cmpuint (count_files (read_only), ==, 0);
  g_rmdir (read_only);
  g_test_trap_assert_passed ();
}

static void
test_format_names (void)
{
  PlanoExportFormat format;

  g_assert_true (plano_export_format_from_name ("board.PNG", &format));
  g_assert_cmpint (format, ==, PLANO_EXPORT_PNG);
  g_assert_true (plano_export_format_from_name ("svg", &format));
  g_assert_cmpint (format, ==, PLANO_EXPORT_SVG);
  g_assert_true (plano_export_format_from_name ("/tmp/a.b/notes.pdf", &format));
  g_assert_cmpint (format, ==, PLANO_EXPORT_PDF);
  g_assert_false (plano_export_format_from_name ("board.jpeg", &format));
  g_assert_false (plano_export_format_from_name ("board", &format));
}

/* Decodes PNG bytes with cairo's reader, an independent decoder. */
static cairo_surface_t *
decode_png (GBytes *bytes)
{
  g_autofree char *dir = g_dir_make_tmp ("plano-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "x.png", NULL);
  cairo_surface_t *surface;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_unlink (path);
  g_rmdir (dir);
  return surface;
}

/* The PNG holds exactly what the renderer draws, opaque or transparent. */
static void
test_png_pixels (void)
{
  g_autoptr(PlanoBoard) board = load_fixture ("example.plano");
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  PlanoRect area;

  g_assert_true (plano_export_get_area (renderer, &area));

  /* At scale 4 the image is drawn and encoded in several bands of rows. */
  for (guint scale = 1; scale <= 4; scale += 3)
    for (guint transparent = 0; transparent < 2; transparent++)
      {
        g_autoptr(GBytes) png = export (board, PLANO_EXPORT_PNG, scale, transparent);
        cairo_surface_t *decoded = decode_png (png);
        int width = cairo_image_surface_get_width (decoded);
        int height = cairo_image_surface_get_height (decoded);
        cairo_surface_t *expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
        cairo_t *cr = cairo_create (expected);
        PlanoRenderOptions options = { PLANO_THEME_LIGHT, scale, !transparent, NULL, NULL };
        guint differing = 0;

        if (scale > 1)
          g_assert_cmpint (height, >, 2 * 256);

        cairo_scale (cr, scale, scale);
        cairo_translate (cr, -area.x, -area.y);
        plano_renderer_draw (renderer, cr, &area, &options);
        cairo_destroy (cr);
        cairo_surface_flush (expected);

        for (int y = 0; y < height; y++)
          for (int x = 0; x < width; x++)
            {
              guint32 a = ((guint32 *) (cairo_image_surface_get_data (decoded) + y * cairo_image_surface_get_stride (decoded)))[x];
              guint32 b = ((guint32 *) (cairo_image_surface_get_data (expected) + y * cairo_image_surface_get_stride (expected)))[x];

              /* Straight alpha in the file: premultiplying again may round by one; so may
               * the edge of a dash cut at a band's border. */
              for (int shift = 0; shift < 32; shift += 8)
                if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > (transparent || scale > 1 ? 1 : 0))
                  differing++;
            }
        g_assert_cmpuint (differing, ==, 0);

        cairo_surface_destroy (expected);
        cairo_surface_destroy (decoded);
      }
}

/* Past cairo's 32 767 pixels a side, the export says which scale fits, and that one works. */
static void
test_png_too_large (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  PlanoExportOptions options = { PLANO_EXPORT_PNG, 1, FALSE, PLANO_THEME_LIGHT };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint width, height;

  plano_board_add_node (board, "kafka", 0, 0);
  plano_board_add_node (board, "flink", 40000, 0);

  bytes = plano_export_to_bytes (board, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "too large for a PNG"));
  g_assert_nonnull (strstr (error->message, "scale 0.81 or less"));

  options.scale = 0.81;
  bytes = export (board, PLANO_EXPORT_PNG, 0.81, FALSE);
  png_size (bytes, &width, &height);
  g_assert_cmpuint (width, <=, 32767);
  g_assert_cmpuint (width, >, 32000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/export/svg-text", test_svg_text);
  g_test_add_func ("/plano/export/svg-escapes", test_svg_escapes);
  g_test_add_func ("/plano/export/png-scale", test_png_scale);
  g_test_add_func ("/plano/export/png-background", test_png_background);
  g_test_add_func ("/plano/export/png-pixels", test_png_pixels);
  g_test_add_func ("/plano/export/png-too-large", test_png_too_large);
  g_test_add_func ("/plano/export/pdf-page", test_pdf_page);
  g_test_add_func ("/plano/export/empty-board", test_empty_board);
  g_test_add_func ("/plano/export/write-fails-cleanly", test_write_fails_cleanly);
  g_test_add_func ("/plano/export/format-names", test_format_names);

  return g_test_run ();
}
