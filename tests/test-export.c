/* test-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <math.h>
#include <string.h>

#include <zlib.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "plano-board.h"
#include "plano-export.h"
#include "plano-format.h"
#include "plano-render.h"
#include "plano-test-core.h"

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
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
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
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
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
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
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

/* Runs a poppler tool on @pdf and returns what it printed; NULL, and the test skipped, where
 * poppler-utils is missing (build-aux/install-deps.sh installs it). */
static char *
run_poppler (const char *tool,
             const char *pdf,
             const char *const *arguments)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip_printf ("%s is not installed", tool);
      return NULL;
    }
  g_ptr_array_add (argv, program);
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) arguments[i]);
  g_ptr_array_add (argv, (char *) pdf);
  /* pdftotext writes to a file unless told "-"; pdfinfo writes to standard output. */
  if (g_str_equal (tool, "pdftotext"))
    g_ptr_array_add (argv, (char *) "-");
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static char *
write_temporary (GBytes     *bytes,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plano-export-XXXXXX", &error);
  char *path = g_build_filename (dir, name, NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_no_error (error);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_temporary (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* The page's size in points, as pdfinfo reads it; FALSE, and the test skipped, without it. */
static gboolean
pdf_page_size (const char *path,
               double     *width,
               double     *height)
{
  g_autofree char *info = run_poppler ("pdfinfo", path, (const char *[]) { NULL });
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *w = NULL;
  g_autofree char *h = NULL;

  if (info == NULL)
    return FALSE;
  regex = g_regex_new ("^Page size: +([0-9.]+) x ([0-9.]+) pts", G_REGEX_MULTILINE, 0, NULL);
  g_assert_true (g_regex_match (regex, info, 0, &match));
  w = g_match_info_fetch (match, 1);
  h = g_match_info_fetch (match, 2);
  *width = g_ascii_strtod (w, NULL);
  *height = g_ascii_strtod (h, NULL);
  g_assert_true (g_regex_match_simple ("^Pages: +1$", info, G_REGEX_MULTILINE, 0));
  return TRUE;
}

/* A PDF of one page, sized to the content (canvas units are CSS pixels, 0.75 pt each). */
static void
test_pdf_page (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
  g_autoptr(GBytes) bytes = export (board, PLANO_EXPORT_PDF, 1, FALSE);
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  g_autofree char *path = write_temporary (bytes, "page.pdf");
  PlanoRect area;
  double width, height;

  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
  g_assert_true (plano_export_get_area (renderer, &area));
  if (pdf_page_size (path, &width, &height))
    {
      g_assert_cmpfloat_with_epsilon (width, area.w * 0.75, 0.01);
      g_assert_cmpfloat_with_epsilon (height, area.h * 0.75, 0.01);
    }
  remove_temporary (path);
}

/* Each font pdffonts lists, as "name|type|embedded"; NULL, and the test skipped, without it. */
static GPtrArray *
pdf_fonts (const char *path)
{
  g_autofree char *listing = run_poppler ("pdffonts", path, (const char *[]) { NULL });
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) regex = NULL;
  GPtrArray *fonts;

  if (listing == NULL)
    return NULL;
  fonts = g_ptr_array_new_with_free_func (g_free);
  /* name, type (of one or more words), encoding, emb, sub, uni, object, generation */
  regex = g_regex_new ("^(\\S+) +(.+?) +(\\S+) +(yes|no) +(yes|no) +(yes|no) +\\d+ +\\d+$", 0, 0, NULL);
  lines = g_strsplit (listing, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *name = NULL, *type = NULL, *embedded = NULL;

      if (lines[i][0] == '\0')
        continue;
      g_assert_true (g_regex_match (regex, lines[i], 0, &match));
      name = g_match_info_fetch (match, 1);
      type = g_match_info_fetch (match, 2);
      embedded = g_match_info_fetch (match, 4);
      g_ptr_array_add (fonts, g_strdup_printf ("%s|%s|%s", name, type, embedded));
    }
  return fonts;
}

/* Text is in real fonts, embedded as subsets, none of them Type 3 (glyphs drawn as
 * procedures, which readers neither hint nor always search). */
static void
test_pdf_fonts (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("realtime.plano");
  g_autoptr(GBytes) bytes = export (board, PLANO_EXPORT_PDF, 1, FALSE);
  g_autofree char *path = write_temporary (bytes, "fonts.pdf");
  g_autoptr(GPtrArray) fonts = pdf_fonts (path);

  if (fonts != NULL)
    {
      g_assert_cmpuint (fonts->len, >, 0);
      for (guint i = 0; i < fonts->len; i++)
        {
          const char *font = g_ptr_array_index (fonts, i);

          g_test_message ("%s", font);
          g_assert_true (g_str_has_suffix (font, "|yes"));
          g_assert_null (strstr (font, "Type 3"));
          /* cairo 1.18 names an instance of a variable font, as Debian 13's Cantarell is,
           * CairoFont-N-M instead of by its family. */
          g_assert_true (strstr (font, "Cantarell") != NULL || strstr (font, "+CairoFont-") != NULL);
        }
    }
  remove_temporary (path);
}

static guint
count (const char *haystack,
       gsize       length,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = memmem (p, length - (p - haystack), needle, strlen (needle))) != NULL; p++)
    n++;
  return n;
}

/* Cards that look the same (their kind, size and state; the label is drawn over them) are
 * drawn once, as a form placed for each: six cards of one kind make one form, a seventh of
 * another kind a second. */
static void
test_pdf_forms (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(GBytes) six = NULL;
  g_autoptr(GBytes) seven = NULL;
  gsize length;
  const char *data;

  for (guint i = 0; i < 6; i++)
    plano_board_add_node (board, "kafka", 200 * i, 100 * (i % 2));
  six = export (board, PLANO_EXPORT_PDF, 1, FALSE);
  data = g_bytes_get_data (six, &length);
  g_assert_cmpuint (count (data, length, "/Subtype /Form"), ==, 1);

  plano_board_add_node (board, "flink", 0, 300);
  seven = export (board, PLANO_EXPORT_PDF, 1, FALSE);
  data = g_bytes_get_data (seven, &length);
  g_assert_cmpuint (count (data, length, "/Subtype /Form"), ==, 2);

  /* Every card is there, with its label and, from the form, the line under it. */
  {
    g_autofree char *path = write_temporary (seven, "forms.pdf");
    g_autofree char *text = run_poppler ("pdftotext", path, (const char *[]) { "-raw", NULL });

    if (text != NULL)
      {
        g_assert_cmpuint (count (text, strlen (text), "Kafka"), ==, 6);
        g_assert_cmpuint (count (text, strlen (text), "Streaming"), ==, 6);
        g_assert_cmpuint (count (text, strlen (text), "Flink"), ==, 1);
      }
    remove_temporary (path);
  }
}

/* Labels are text a reader can search and copy, accents and cut labels included. */
static void
test_pdf_text (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  const PlanoNode *a = plano_board_add_node (board, "kafka", 0, 0);
  const PlanoNode *b = plano_board_add_node (board, "flink", 300, 0);
  const PlanoNode *c = plano_board_add_node (board, "spark", 600, 0);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  plano_board_set_label (board, a->item.id, "Ingestión de eventos");
  plano_board_set_label (board, b->item.id, "Transformação");
  plano_board_set_label (board, c->item.id,
                         "A label far too long to fit on the card of a component, even on three lines of it");
  plano_board_set_title (board, "Año cero");
  bytes = export (board, PLANO_EXPORT_PDF, 1, FALSE);
  path = write_temporary (bytes, "text.pdf");

  text = run_poppler ("pdftotext", path, (const char *[]) { "-raw", "-enc", "UTF-8", NULL });
  if (text != NULL)
    {
      flat = g_strdelimit (g_strdup (text), "\n", ' ');
      g_assert_nonnull (strstr (flat, "Ingestión de eventos"));
      g_assert_nonnull (strstr (flat, "Transformação"));
      g_assert_nonnull (strstr (flat, "Kafka"));
      /* The card shows the label cut short with "…", which stands for the words it hides:
       * search and copy find the whole label. */
      g_assert_nonnull (strstr (flat, "A label far too long to fit on the card of a component, even on three lines of it"));
    }
  g_clear_pointer (&text, g_free);
  text = run_poppler ("pdfinfo", path, (const char *[]) { "-enc", "UTF-8", NULL });
  if (text != NULL)
    {
      g_assert_true (g_regex_match_simple ("^Title: +Año cero$", text, G_REGEX_MULTILINE, 0));
      g_assert_true (g_regex_match_simple ("^Pages: +1$", text, G_REGEX_MULTILINE, 0));
    }
  remove_temporary (path);
}

/* The grey level of each pixel of an opaque image, averaged with its neighbours. */
static double *
blurred_gray (cairo_surface_t *image)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  g_autofree double *gray = g_new (double, width * height);
  double *blurred = g_new (double, width * height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = ((const guint32 *) (data + y * stride))[x];

        gray[y * width + x] = ((p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff)) / 3.0;
      }

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double sum = 0;
        int n = 0;

        for (int dy = -1; dy <= 1; dy++)
          for (int dx = -1; dx <= 1; dx++)
            if (x + dx >= 0 && x + dx < width && y + dy >= 0 && y + dy < height)
              {
                sum += gray[(y + dy) * width + x + dx];
                n++;
              }
        blurred[y * width + x] = sum / n;
      }

  return blurred;
}

/* How many pixels of @shown, an image of @area drawn by another program, are far from what
 * the renderer draws, once both are blurred over 3 × 3 pixels. */
static guint
count_far_pixels (PlanoRenderer   *renderer,
                  const PlanoRect *area,
                  cairo_surface_t *shown)
{
  int width = cairo_image_surface_get_width (shown);
  int height = cairo_image_surface_get_height (shown);
  cairo_surface_t *expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, TRUE, NULL, NULL };
  g_autofree double *shown_gray = NULL;
  g_autofree double *expected_gray = NULL;
  cairo_t *cr = cairo_create (expected);
  guint far = 0;

  cairo_translate (cr, -area->x, -area->y);
  plano_renderer_draw (renderer, cr, area, &options);
  cairo_destroy (cr);
  cairo_surface_flush (expected);

  shown_gray = blurred_gray (shown);
  expected_gray = blurred_gray (expected);
  for (int i = 0; i < width * height; i++)
    if (ABS (shown_gray[i] - expected_gray[i]) > 64)
      far++;
  g_test_message ("%u of %d pixels differ", far, width * height);

  cairo_surface_destroy (expected);
  return far;
}

/* The PDF as poppler draws it at @dpi; NULL, and the test skipped, without pdftoppm. */
static cairo_surface_t *
pdf_to_image (GBytes *bytes,
              int     dpi)
{
  g_autofree char *program = g_find_program_in_path ("pdftoppm");
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *image = NULL;
  g_autofree char *resolution = g_strdup_printf ("%d", dpi);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *shown;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("pdftoppm is not installed");
      return NULL;
    }

  path = write_temporary (bytes, "shown.pdf");
  prefix = g_strconcat (path, ".out", NULL);
  image = g_strconcat (prefix, ".png", NULL);
  {
    const char *argv[] = { program, "-r", resolution, "-png", "-singlefile", path, prefix, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  shown = cairo_image_surface_create_from_png (image);
  g_assert_cmpint (cairo_surface_status (shown), ==, CAIRO_STATUS_SUCCESS);
  g_unlink (image);
  remove_temporary (path);

  return shown;
}

/* Rendered by another program, the PDF shows what the canvas paints: the same pixels but
 * for antialiasing. */
static void
test_pdf_pixels (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  g_autoptr(GBytes) bytes = export (board, PLANO_EXPORT_PDF, 1, FALSE);
  /* At 96 dpi a point is 4/3 of a pixel: one canvas unit, 0.75 pt, is one pixel. */
  cairo_surface_t *shown = pdf_to_image (bytes, 96);
  PlanoRect area;
  int width, height;

  if (shown == NULL)
    return;

  g_assert_cmpint (cairo_surface_status (shown), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (plano_export_get_area (renderer, &area));
  width = cairo_image_surface_get_width (shown);
  height = cairo_image_surface_get_height (shown);
  g_assert_cmpfloat (fabs (width - area.w), <=, 1);
  g_assert_cmpfloat (fabs (height - area.h), <=, 1);

  /* Two rasterizers differ by a fraction of a pixel at edges, and cairo puts glyphs on whole
   * pixels where poppler does not: compare the images blurred over 3 × 3 pixels. A shape or a
   * label missing makes several times more pixels differ than those fractions do. */
  g_assert_cmpuint (count_far_pixels (renderer, &area, shown), <, width * height * 3 / 1000);

  cairo_surface_destroy (shown);
}

/* The SVG, drawn by librsvg (GNOME's SVG renderer, through gdk-pixbuf), is the picture the
 * renderer draws: zones, cards, icons placed from <defs>, connections, labels, a note. */
static void
test_svg_pixels (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("realtime.plano");
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  g_autoptr(GBytes) bytes = export (board, PLANO_EXPORT_SVG, 1, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  cairo_surface_t *shown;
  PlanoRect area;
  int width, height;

  {
    g_autofree char *path = write_temporary (bytes, "pixels.svg");
    g_autofree char *image = g_strconcat (path, ".png", NULL);

    pixbuf = gdk_pixbuf_new_from_file (path, &error);
    g_assert_no_error (error);
    g_assert_true (gdk_pixbuf_save (pixbuf, image, "png", &error, NULL));
    shown = cairo_image_surface_create_from_png (image);
    g_unlink (image);
    remove_temporary (path);
  }

  g_assert_cmpint (cairo_surface_status (shown), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (plano_export_get_area (renderer, &area));
  width = cairo_image_surface_get_width (shown);
  height = cairo_image_surface_get_height (shown);
  g_assert_cmpfloat (width, ==, area.w);
  g_assert_cmpfloat (height, ==, area.h);

  /* As for the PDF, edges fall a fraction of a pixel apart; librsvg lays text out with Pango
   * as the renderer does, so the bound is tighter: without its icons the board is over it. */
  g_assert_cmpuint (count_far_pixels (renderer, &area, shown), <, width * height / 1000);

  cairo_surface_destroy (shown);
}

/* Readers stop at pages of 200 inches (14 400 pt): a wider board is drawn smaller. */
static void
test_pdf_large_page (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  double width, height;

  plano_board_add_node (board, "kafka", 0, 0);
  plano_board_add_node (board, "flink", 40000, 0);
  bytes = export (board, PLANO_EXPORT_PDF, 1, FALSE);
  path = write_temporary (bytes, "large.pdf");

  if (pdf_page_size (path, &width, &height))
    {
      g_assert_cmpfloat_with_epsilon (width, 14400, 0.01);
      g_assert_cmpfloat (height, >, 0);
      g_assert_cmpfloat (height, <, 100);
    }

  /* Both components are on the page, the far one too. */
  text = run_poppler ("pdftotext", path, (const char *[]) { "-raw", NULL });
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Kafka"));
      g_assert_nonnull (strstr (text, "Flink"));
    }
  remove_temporary (path);
}

/* Whether some font on this machine shows @text without missing glyphs. */
static gboolean
can_show (const char *text)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  gboolean shown;

  pango_layout_set_text (layout, text, -1);
  shown = pango_layout_get_unknown_glyphs_count (layout) == 0;
  g_object_unref (layout);
  g_object_unref (context);
  return shown;
}

/* Dark pixels (text) and colourful ones (a colour emoji) of @image inside @box, in pixels. */
static void
count_ink (cairo_surface_t *image,
           const PlanoRect *box,
           guint           *dark,
           guint           *colourful)
{
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);

  *dark = *colourful = 0;
  for (int y = MAX (0, (int) box->y); y < MIN (cairo_image_surface_get_height (image), (int) (box->y + box->h)); y++)
    for (int x = MAX (0, (int) box->x); x < MIN (cairo_image_surface_get_width (image), (int) (box->x + box->w)); x++)
      {
        guint32 p = ((const guint32 *) (data + y * stride))[x];
        int r = p >> 16 & 0xff, g = p >> 8 & 0xff, b = p & 0xff;

        if ((r + g + b) / 3 < 96)
          (*dark)++;
        if (MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 96)
          (*colourful)++;
      }
}

/* Labels in any script come out of the PDF as written, and every glyph shows: accents, an
 * ellipsis after periods (which must not turn into three), Chinese, and a colour emoji. */
static void
test_pdf_glyphs (void)
{
  static const char *labels[] = { "Caché 🚀", "数据仓库", "Ingestión àéîõü", "v1.2.3…" };
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoRenderer) renderer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) fonts = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *shown;
  char *ids[G_N_ELEMENTS (labels)];
  PlanoRect area;

  if (!can_show ("🚀") || !can_show ("数据仓库"))
    {
      g_test_skip ("no font shows emoji or Chinese here (build-aux/install-deps.sh installs them)");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const PlanoNode *node = plano_board_add_node (board, i % 2 ? "kafka" : "redis", 300 * i, 0);

      ids[i] = g_strdup (node->item.id);
      plano_board_set_label (board, ids[i], labels[i]);
    }
  bytes = export (board, PLANO_EXPORT_PDF, 1, FALSE);
  path = write_temporary (bytes, "glyphs.pdf");

  /* Each label a line of its own, as written. */
  text = run_poppler ("pdftotext", path, (const char *[]) { "-raw", "-enc", "UTF-8", NULL });
  if (text != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      /* A line may hold more than the label: cairo 1.18 writes the emoji's taller glyph, and
       * poppler then joins the next card's kind name to its line. */
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        {
          gboolean found = FALSE;

          for (guint l = 0; lines[l] != NULL && !found; l++)
            found = g_str_equal (lines[l], labels[i]) ||
                    (cairo_version () >= CAIRO_VERSION_ENCODE (1, 17, 8) &&
                     g_str_has_prefix (lines[l], labels[i]));
          g_assert_true (found);
        }
    }

  /* Real fonts, embedded: no font of the text is Type 3. Before cairo 1.18 the emoji is a
   * picture; from 1.18 cairo writes a colour font itself, as the one Type 3 font. */
  fonts = pdf_fonts (path);
  if (fonts != NULL)
    {
      guint type3 = 0;

      for (guint i = 0; i < fonts->len; i++)
        {
          const char *font = g_ptr_array_index (fonts, i);

          g_test_message ("%s", font);
          g_assert_true (g_str_has_suffix (font, "|yes"));
          type3 += strstr (font, "Type 3") != NULL;
        }
      g_assert_cmpuint (type3, <=, cairo_version () >= CAIRO_VERSION_ENCODE (1, 17, 8) ? 1 : 0);
    }
  remove_temporary (path);

  /* Every label shows: dark text in the label's part of each card, and the emoji's colours
   * beside "Caché". At 96 dpi a canvas unit is a pixel. */
  shown = pdf_to_image (bytes, 96);
  if (shown == NULL)
    return;
  renderer = plano_renderer_new (board);
  g_assert_true (plano_export_get_area (renderer, &area));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      PlanoRect card, label;
      guint dark, colourful;

      g_assert_true (plano_renderer_get_item_box (renderer, ids[i], &card));
      /* Right of the icon, above the kind's name, inside the border. */
      label = (PlanoRect) { card.x - area.x + 58, card.y - area.y + 6, card.w - 66, card.h / 2 - 4 };
      count_ink (shown, &label, &dark, &colourful);
      g_test_message ("%s: %u dark, %u colourful pixels", labels[i], dark, colourful);
      g_assert_cmpuint (dark, >, 4 * g_utf8_strlen (labels[i], -1));
      if (i == 0)
        g_assert_cmpuint (colourful, >, 15);
      else
        g_assert_cmpuint (colourful, <=, 5);
    }
  cairo_surface_destroy (shown);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_free (ids[i]);
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

      board = plano_test_load_fixture ("example.plano");
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

  board = plano_test_load_fixture ("example.plano");
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

/* SVG and PNG exports write their file as they draw: what they write is what the export
 * makes in memory, and a write that fails halfway (here: past a file size limit, as a full
 * disk would) leaves the file that was there as it was, and nothing else. */
static void
test_write_streams (void)
{
  static const PlanoExportFormat formats[] = { PLANO_EXPORT_SVG, PLANO_EXPORT_PNG };
  g_autoptr(PlanoBoard) board = plano_board_new ();

  /* Several chunks' worth of document, and several bands of image. */
  for (guint i = 0; i < 1500; i++)
    plano_board_add_node (board, i % 2 == 0 ? "kafka" : "flink", (i % 30) * 220, (i / 30) * 120);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      PlanoExportOptions options = { formats[f], 1, FALSE, PLANO_THEME_LIGHT };
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("plano-export-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, f == 0 ? "board.svg" : "board.png", NULL);
      g_autofree char *written = NULL;
      g_autoptr(GBytes) bytes = export (board, formats[f], 1, FALSE);
      gsize length;

      g_assert_cmpuint (g_bytes_get_size (bytes), >, 3 * 256 * 1024);

      if (g_test_subprocess ())
        {
          struct rlimit limit = { 64 * 1024, 64 * 1024 };
          g_autofree char *prefix = g_strdup_printf ("Could not write “%s” in ", f == 0 ? "board.svg" : "board.png");

          g_assert_true (g_file_set_contents (path, "old", -1, NULL));
          signal (SIGXFSZ, SIG_IGN);
          g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
          g_assert_false (plano_export_to_file (board, path, &options, &error));
          g_assert_true (g_str_has_prefix (error->message, prefix));
          g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
          g_assert_cmpstr (written, ==, "old");
          g_assert_cmpuint (count_files (dir), ==, 1);
        }
      else
        {
          g_assert_true (plano_export_to_file (board, path, &options, &error));
          g_assert_no_error (error);
          g_assert_true (g_file_get_contents (path, &written, &length, NULL));
          g_assert_cmpuint (length, ==, g_bytes_get_size (bytes));
          g_assert_true (memcmp (written, g_bytes_get_data (bytes, NULL), length) == 0);
          g_assert_cmpuint (count_files (dir), ==, 1);
        }
      g_unlink (path);
      g_rmdir (dir);
    }

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }
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
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
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
        PlanoRenderOptions options = { PLANO_THEME_LIGHT, scale, !transparent, NULL, NULL, FALSE, transparent };
        guint differing = 0;

        if (scale > 1)
          g_assert_cmpint (height, >, 2 * 256);

        /* As the export draws. */
        cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
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

/* A text item survives a save and shows in every export: drawn in the PNG, real text in the
 * SVG and the PDF, a line of the Markdown notes and a borderless box of the Mermaid chart. */
static void
test_text_items (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoBoard) again = NULL;
  g_autoptr(PlanoRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plano-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "text.plano", NULL);
  PlanoText *text = (PlanoText *) plano_item_new (PLANO_ITEM_TEXT, "title");
  const PlanoText *read;
  PlanoRect area;

  plano_board_add_node (board, "kafka", 0, 0);
  text->text = g_strdup ("Ingestion layer");
  text->size = g_strdup ("large");
  text->x = 0;
  text->y = 120;
  renderer = plano_renderer_new (board);
  text->w = 1;
  plano_renderer_fit_text (renderer, text, FALSE, &text->w, &text->h);
  g_assert_cmpfloat (text->w, >, 100);
  g_assert_cmpfloat (text->h, >=, 24);
  g_assert_true (plano_board_add_item (board, (PlanoItem *) text, &error));
  g_assert_no_error (error);

  /* Saved and read back, the same. */
  g_assert_true (plano_format_save_file (board, path, &error));
  g_assert_no_error (error);
  again = plano_format_read_file (path, NULL, &error);
  g_assert_no_error (error);
  read = (const PlanoText *) plano_board_lookup (again, "title");
  g_assert_nonnull (read);
  g_assert_true (plano_item_equal ((const PlanoItem *) read, plano_board_lookup (board, "title")));
  g_unlink (path);
  g_rmdir (dir);

  /* The PNG: dark letters in the text's box on the white background. */
  {
    g_autoptr(GBytes) png = export (again, PLANO_EXPORT_PNG, 1, FALSE);
    g_autoptr(PlanoRenderer) shown = plano_renderer_new (again);
    cairo_surface_t *decoded = decode_png (png);
    const guint8 *data = cairo_image_surface_get_data (decoded);
    int stride = cairo_image_surface_get_stride (decoded);
    guint dark = 0;

    g_assert_true (plano_export_get_area (shown, &area));
    for (int y = (int) (read->y - area.y); y < (int) (read->y + read->h - area.y); y++)
      for (int x = (int) (read->x - area.x); x < (int) (read->x + read->w - area.x); x++)
        if (data[y * stride + 4 * x + 1] < 0x60)
          dark++;
    g_assert_cmpuint (dark, >, 100);
    cairo_surface_destroy (decoded);
  }

  /* The SVG and the PDF: the words as text. */
  {
    g_autoptr(GBytes) svg = export (again, PLANO_EXPORT_SVG, 1, FALSE);
    g_autofree char *svg_text = bytes_to_string (svg);
    g_autoptr(GBytes) pdf = export (again, PLANO_EXPORT_PDF, 1, FALSE);
    g_autofree char *pdf_path = write_temporary (pdf, "text.pdf");
    g_autofree char *pdf_text = run_poppler ("pdftotext", pdf_path, (const char *[]) { "-raw", "-enc", "UTF-8", NULL });

    g_assert_nonnull (strstr (svg_text, "Ingestion layer"));
    /* Large text is a title: 24 units, bold. */
    g_assert_nonnull (strstr (svg_text, "font-size=\"24\" font-weight=\"bold\""));
    if (pdf_text != NULL)
      g_assert_nonnull (strstr (pdf_text, "Ingestion layer"));
    remove_temporary (pdf_path);
  }

  /* The notes: a line of the Markdown, a borderless box of the Mermaid chart. */
  {
    g_autoptr(GBytes) md = export (again, PLANO_EXPORT_MARKDOWN, 1, FALSE);
    g_autofree char *md_text = bytes_to_string (md);
    g_autoptr(GBytes) mmd = export (again, PLANO_EXPORT_MERMAID, 1, FALSE);
    g_autofree char *mmd_text = bytes_to_string (mmd);

    g_assert_nonnull (strstr (md_text, "\n- Ingestion layer\n"));
    g_assert_nonnull (strstr (mmd_text, "[\"Ingestion layer\"]\n  class title text\n"));
    g_assert_nonnull (strstr (mmd_text, "  classDef text fill:none,stroke:none\n"));
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
  g_test_add_func ("/plano/export/svg-pixels", test_svg_pixels);
  g_test_add_func ("/plano/export/png-scale", test_png_scale);
  g_test_add_func ("/plano/export/png-background", test_png_background);
  g_test_add_func ("/plano/export/png-pixels", test_png_pixels);
  g_test_add_func ("/plano/export/png-too-large", test_png_too_large);
  g_test_add_func ("/plano/export/pdf-page", test_pdf_page);
  g_test_add_func ("/plano/export/pdf-fonts", test_pdf_fonts);
  g_test_add_func ("/plano/export/pdf-forms", test_pdf_forms);
  g_test_add_func ("/plano/export/pdf-glyphs", test_pdf_glyphs);
  g_test_add_func ("/plano/export/pdf-text", test_pdf_text);
  g_test_add_func ("/plano/export/pdf-pixels", test_pdf_pixels);
  g_test_add_func ("/plano/export/pdf-large-page", test_pdf_large_page);
  g_test_add_func ("/plano/export/empty-board", test_empty_board);
  g_test_add_func ("/plano/export/write-fails-cleanly", test_write_fails_cleanly);
  g_test_add_func ("/plano/export/write-streams", test_write_streams);
  g_test_add_func ("/plano/export/format-names", test_format_names);
  g_test_add_func ("/plano/export/text-items", test_text_items);

  return g_test_run ();
}
