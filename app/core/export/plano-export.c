/* plano-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <langinfo.h>
#include <unistd.h>
#include <pango/pangocairo.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plano-export.h"
#include "plano-file.h"
#include "plano-format.h"
#include "plano-interop.h"
#include "plano-notes.h"
#include "plano-png.h"
#include "plano-xml.h"

/* PNG, SVG and PDF of a whole board, cropped to what is drawn plus a margin. The bytes are
 * made in memory and written with the same atomic replace as boards, so that a failure at any
 * point leaves nothing at the destination.
 */

#define MAX_PIXELS (16384.0 * 16384.0)
#define MAX_SIDE   32767    /* cairo's image surfaces go no larger */

/**
 * plano_export_format_from_name:
 * @name: "png", "svg", "pdf", "md", "mmd", "sheet", "excalidraw" or "drawio", or a file name
 *   ending in one of them but "sheet"
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
    { "md", PLANO_EXPORT_MARKDOWN },
    { "markdown", PLANO_EXPORT_MARKDOWN },
    { "mmd", PLANO_EXPORT_MERMAID },
    { "mermaid", PLANO_EXPORT_MERMAID },
    { "sheet", PLANO_EXPORT_SHEET },
    { "excalidraw", PLANO_EXPORT_EXCALIDRAW },
    { "drawio", PLANO_EXPORT_DRAWIO },
  };
  const char *dot;

  g_return_val_if_fail (name != NULL, FALSE);

  dot = strrchr (name, '.');
  if (dot != NULL)
    {
      name = dot + 1;
      /* A file ending in .sheet is not a study sheet; that one is a .pdf asked for by name. */
      if (g_ascii_strcasecmp (name, "sheet") == 0)
        return FALSE;
    }

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

static gboolean
check_context (cairo_t  *cr,
               GError  **error)
{
  cairo_status_t status = cairo_status (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the board: %s"),
               cairo_status_to_string (status));
  return FALSE;
}

/* PNG: the image is drawn in bands of rows, and each band is encoded (plano-png.c) by a
 * second thread while the first draws the next: both cores work until the end. Three bands
 * are held at most, never the whole image, and the file is written as it is encoded.
 */
#define PNG_BAND_ROWS 256
#define PNG_BANDS_HELD 3

typedef struct
{
  cairo_surface_t *surface;
  int              rows;       /* 0 ends the encoding thread */
} Band;

typedef struct
{
  PlanoPngEncoder *encoder;
  GAsyncQueue     *drawn;      /* of Band, to encode, in order */
  GAsyncQueue     *free;       /* of Band, encoded, to draw into again */
  gint             failed;
} PngJob;

static gpointer
encode_bands_thread (gpointer data)
{
  PngJob *job = data;
  Band *band;

  while ((band = g_async_queue_pop (job->drawn))->rows > 0)
    {
      if (!g_atomic_int_get (&job->failed))
        plano_png_encoder_add_rows (job->encoder, cairo_image_surface_get_data (band->surface),
                                    cairo_image_surface_get_stride (band->surface), band->rows);
      g_async_queue_push (job->free, band);
    }
  g_free (band);

  return NULL;
}

static void
bytes_emit (const guint8 *data,
            gsize         length,
            gpointer      user_data)
{
  g_byte_array_append (user_data, data, length);
}

/* The PNG's size in pixels; FALSE, with an error that says which scale fits, past cairo's
 * limits. */
static gboolean
png_size (const PlanoRect  *area,
          double            scale,
          int              *width,
          int              *height,
          GError          **error)
{
  double fits;

  *width = (int) ceil (area->w * scale);
  *height = (int) ceil (area->h * scale);
  if ((double) *width * *height <= MAX_PIXELS && *width <= MAX_SIDE && *height <= MAX_SIDE)
    return TRUE;

  /* The largest scale that fits, to two decimals, rounded down. */
  fits = MIN (MIN (MAX_SIDE / area->w, MAX_SIDE / area->h), sqrt (MAX_PIXELS / (area->w * area->h)));
  fits = floor (fits * 100) / 100;
  if (fits >= 0.01)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("The image would be %d × %d pixels, too large for a PNG: export at scale %.2f or less, or as SVG or PDF"),
                 *width, *height, fits);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("The image would be %d × %d pixels, too large for a PNG: export as SVG or PDF"),
                 *width, *height);
  return FALSE;
}

/* Draws and encodes the image; FALSE, with an error, when cairo could not draw it. */
static gboolean
write_png (PlanoRenderer            *renderer,
           const PlanoRect          *area,
           double                    scale,
           int                       width,
           int                       height,
           const PlanoRenderOptions *render,
           gboolean                  transparent,
           PlanoPngEmitFunc          emit,
           gpointer                  emit_data,
           GError                  **error)
{
  cairo_format_t format = transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
  guint n_bands = (height + PNG_BAND_ROWS - 1) / PNG_BAND_ROWS;
  PngJob job = { 0, };
  GThread *thread;
  Band *band, *end;
  gboolean ok = TRUE;

  /* Opaque images need no alpha channel: a quarter less to write. */
  job.encoder = plano_png_encoder_new (width, height, transparent, emit, emit_data);
  job.drawn = g_async_queue_new ();
  job.free = g_async_queue_new ();
  for (guint i = 0; i < MIN (PNG_BANDS_HELD, n_bands); i++)
    {
      band = g_new0 (Band, 1);
      band->surface = cairo_image_surface_create (format, width, MIN (height, PNG_BAND_ROWS));
      g_async_queue_push (job.free, band);
    }
  thread = g_thread_new ("plano-png", encode_bands_thread, &job);

  for (guint i = 0; i < n_bands; i++)
    {
      int y = (int) i * PNG_BAND_ROWS;
      PlanoRect part = { area->x, area->y + y / scale, area->w, PNG_BAND_ROWS / scale };
      cairo_t *cr;

      band = g_async_queue_pop (job.free);
      band->rows = MIN (PNG_BAND_ROWS, height - y);
      cr = cairo_create (band->surface);
      /* Antialiased on a 4 × 4 grid of samples rather than cairo's default 256 × 15: on lines
       * a pixel or two wide, as a board's are, the two cannot be told apart, and a long dashed
       * connection is drawn in half the time. Text is not affected. */
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
      /* An opaque image gets its background from the renderer, over the whole band. */
      if (transparent)
        {
          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          cairo_paint (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        }
      /* A whole number of pixels up, so that every band is drawn as the whole image would be. */
      cairo_translate (cr, 0, -y);
      cairo_scale (cr, scale, scale);
      cairo_translate (cr, -area->x, -area->y);
      plano_renderer_draw (renderer, cr, &part, render);
      cairo_destroy (cr);
      cairo_surface_flush (band->surface);

      if (ok && !check_surface (band->surface, error))
        {
          ok = FALSE;
          g_atomic_int_set (&job.failed, TRUE);
        }
      g_async_queue_push (job.drawn, band);
    }

  end = g_new0 (Band, 1);
  g_async_queue_push (job.drawn, end);
  g_thread_join (thread);

  while ((band = g_async_queue_try_pop (job.free)) != NULL)
    {
      cairo_surface_destroy (band->surface);
      g_free (band);
    }
  g_async_queue_unref (job.drawn);
  g_async_queue_unref (job.free);

  /* A band that failed to draw leaves the image short, and nothing more is written. */
  return plano_png_encoder_finish (job.encoder) && ok;
}

/* The PDF: one page, the size of the area, each canvas unit 0.75 pt (a CSS pixel), drawn by
 * cairo's PDF surface as the canvas draws. Text stays text, in embedded font subsets. */

/* Readers stop at pages of 14 400 pt (200 in): a larger board is drawn smaller. */
#define PDF_MAX_PAGE 14400.0

/* PDF metadata, the one place a board's text goes into it: cairo writes any Unicode as a PDF
 * text string, but readers show the title on one line, and some stop at a control character. */
static void
set_pdf_metadata (cairo_surface_t *surface,
                  const char      *title)
{
  if (title != NULL && title[0] != '\0')
    {
      g_autofree char *cleaned = plano_text_one_line (title);

      if (cleaned[0] != '\0')
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, cleaned);
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Plano " PACKAGE_VERSION);
}

static gboolean
write_pdf (PlanoRenderer            *renderer,
           const PlanoRect          *area,
           const PlanoRenderOptions *render,
           const char               *title,
           GByteArray               *bytes,
           GError                  **error)
{
  double k = 0.75;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (MAX (area->w, area->h) * k > PDF_MAX_PAGE)
    k = PDF_MAX_PAGE / MAX (area->w, area->h);

  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, area->w * k, area->h * k);
  set_pdf_metadata (surface, title);
  cr = cairo_create (surface);
  cairo_scale (cr, k, k);
  cairo_translate (cr, -area->x, -area->y);
  plano_renderer_draw (renderer, cr, area, render);
  /* A drawing that fails stops on its context, which the surface does not know. */
  ok = check_context (cr, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = ok && check_surface (surface, error);
  cairo_surface_destroy (surface);

  return ok;
}

/* The study sheet: A4 or US Letter, as the paper of the user's locale (LC_PAPER) says or
 * the caller asks; text in the diagram's own family. */

#define SHEET_MARGIN 48.0
#define SHEET_FONT   "Cantarell, Sans"
/* Tables of more columns than this are stacked: each row a block of "column: value" lines.
 * Seven columns of trade-offs on a page 500 pt wide would break words in the middle. */
#define SHEET_MAX_COLUMNS 4

typedef struct
{
  cairo_t *cr;
  double   y;
  double   width;   /* of the page */
  double   height;
} Sheet;

/* The paper of the user's locale, from glibc's LC_PAPER; A4 elsewhere. */
static PlanoPaper
locale_paper (void)
{
#ifdef __GLIBC__
  union { char *string; unsigned int number; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (width.number == 216)
    return PLANO_PAPER_LETTER;
#endif
  return PLANO_PAPER_A4;
}

static PangoLayout *
sheet_layout (Sheet      *sheet,
              const char *text,
              const char *style,
              double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (sheet->cr);
  g_autofree char *font = g_strconcat (SHEET_FONT " ", style, NULL);
  PangoFontDescription *description = pango_font_description_from_string (font);
  g_autofree char *cleaned = plano_text_clean (text, TRUE);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Words whole: a word is broken only when it is wider than its column on its own. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, cleaned, -1);
  pango_font_description_free (description);

  return layout;
}

/* Starts a new page when @height does not fit on this one. */
static void
sheet_reserve (Sheet  *sheet,
               double  height)
{
  if (sheet->y + height > sheet->height - SHEET_MARGIN && sheet->y > SHEET_MARGIN)
    {
      cairo_show_page (sheet->cr);
      sheet->y = SHEET_MARGIN;
    }
}

static void
sheet_text (Sheet      *sheet,
            const char *text,
            const char *style,
            double      indent,
            double      space_before)
{
  PangoLayout *layout = sheet_layout (sheet, text, style, sheet->width - 2 * SHEET_MARGIN - indent);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  sheet->y += space_before;
  sheet_reserve (sheet, height);
  cairo_move_to (sheet->cr, SHEET_MARGIN + indent, sheet->y);
  pango_cairo_show_layout (sheet->cr, layout);
  sheet->y += height;
  g_object_unref (layout);
}

/* The width @text takes on one line, and that of its widest word. */
static void
sheet_measure (Sheet      *sheet,
               const char *text,
               const char *style,
               double     *natural,
               double     *widest_word)
{
  PangoLayout *layout = sheet_layout (sheet, text, style, 1);
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  int w;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &w, NULL);
  *natural = w;
  *widest_word = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      pango_layout_set_text (layout, words[i], -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      *widest_word = MAX (*widest_word, w);
    }
  g_object_unref (layout);
}

/* A table row: each cell wrapped in its column, the row as tall as its tallest cell. */
static void
sheet_row (Sheet        *sheet,
           GStrv         cells,
           const double *columns,
           gboolean      header)
{
  guint n = g_strv_length (cells);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double x = SHEET_MARGIN;
  int tallest = 0;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = sheet_layout (sheet, cells[i], header ? "Bold 8" : "8", columns[i] - 6);
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      tallest = MAX (tallest, height);
      g_ptr_array_add (layouts, layout);
    }

  sheet_reserve (sheet, tallest + 6);
  for (guint i = 0; i < n; i++)
    {
      cairo_move_to (sheet->cr, x, sheet->y + 3);
      pango_cairo_show_layout (sheet->cr, g_ptr_array_index (layouts, i));
      x += columns[i];
    }
  sheet->y += tallest + 6;
  cairo_set_source_rgba (sheet->cr, 0, 0, 0, header ? 0.5 : 0.15);
  cairo_rectangle (sheet->cr, SHEET_MARGIN, sheet->y - 0.5, sheet->width - 2 * SHEET_MARGIN, header ? 1 : 0.5);
  cairo_fill (sheet->cr);
  cairo_set_source_rgb (sheet->cr, 0, 0, 0);
}

/* A table of a few columns, each as wide as its text asks, and never narrower than its widest
 * word while the page has room for that. */
static void
sheet_columns (Sheet       *sheet,
               GPtrArray   *rows,
               double      *columns,
               guint        n)
{
  double total = sheet->width - 2 * SHEET_MARGIN;
  g_autofree double *natural = g_new0 (double, n);
  g_autofree double *least = g_new0 (double, n);
  double sum_natural = 0, sum_least = 0, rest;

  for (guint r = 0; r < rows->len; r++)
    {
      const PlanoBlock *row = g_ptr_array_index (rows, r);

      for (guint i = 0; i < n && row->cells[i] != NULL; i++)
        {
          double w, word;

          sheet_measure (sheet, row->cells[i], r == 0 ? "Bold 8" : "8", &w, &word);
          natural[i] = MAX (natural[i], w + 6);
          least[i] = MAX (least[i], word + 7);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      least[i] = MIN (least[i], natural[i]);
      sum_natural += natural[i];
      sum_least += least[i];
    }

  if (sum_least > total)
    {
      for (guint i = 0; i < n; i++)
        columns[i] = total / n;
      return;
    }
  /* Each column its widest word, and what is left shared as the text asks for it. */
  rest = total - sum_least;
  for (guint i = 0; i < n; i++)
    columns[i] = least[i] + (sum_natural > sum_least ? rest * (natural[i] - least[i]) / (sum_natural - sum_least)
                                                     : rest / n);
}

/* A table: header and rows side by side when they are few, else each row stacked. */
static void
sheet_table (Sheet     *sheet,
             GPtrArray *rows)
{
  const PlanoBlock *header = g_ptr_array_index (rows, 0);
  guint n = g_strv_length (header->cells);

  sheet->y += 4;
  if (n <= SHEET_MAX_COLUMNS)
    {
      g_autofree double *columns = g_new0 (double, n);

      sheet_columns (sheet, rows, columns, n);
      for (guint r = 0; r < rows->len; r++)
        sheet_row (sheet, ((PlanoBlock *) g_ptr_array_index (rows, r))->cells, columns, r == 0);
      return;
    }

  for (guint r = 1; r < rows->len; r++)
    {
      const PlanoBlock *row = g_ptr_array_index (rows, r);

      sheet_reserve (sheet, 40);
      sheet_text (sheet, row->cells[0], "Bold 10", 0, r > 1 ? 8 : 2);
      for (guint i = 1; i < n && row->cells[i] != NULL; i++)
        {
          /* TRANSLATORS: a column and its value in a stacked table: "Choice: Kafka" */
          g_autofree char *line = NULL;

          if (row->cells[i][0] == '\0')
            continue;
          line = g_strdup_printf (_("%s: %s"), header->cells[i], row->cells[i]);
          sheet_text (sheet, line, "9", 12, 1);
        }
      cairo_set_source_rgba (sheet->cr, 0, 0, 0, 0.15);
      cairo_rectangle (sheet->cr, SHEET_MARGIN, sheet->y + 3.5, sheet->width - 2 * SHEET_MARGIN, 0.5);
      cairo_fill (sheet->cr);
      cairo_set_source_rgb (sheet->cr, 0, 0, 0);
      sheet->y += 4;
    }
}

/* The title and the diagram, fitted to the first page, then the study notes. */
static gboolean
render_sheet (PlanoBoard         *board,
              PlanoRenderer      *renderer,
              const PlanoRect    *area,
              PlanoRenderOptions *render,
              PlanoPaper          paper,
              GByteArray         *bytes,
              GError            **error)
{
  g_autoptr(GPtrArray) blocks = plano_notes_build (board);
  g_autoptr(GPtrArray) table = g_ptr_array_new ();
  Sheet sheet = { NULL, SHEET_MARGIN, 595, 842 };
  cairo_surface_t *surface;
  double width, height, k;
  gboolean ok;

  if (paper == PLANO_PAPER_FROM_LOCALE)
    paper = locale_paper ();
  if (paper == PLANO_PAPER_LETTER)
    sheet.width = 612, sheet.height = 792;
  width = sheet.width - 2 * SHEET_MARGIN;

  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, sheet.width, sheet.height);
  sheet.cr = cairo_create (surface);
  set_pdf_metadata (surface, plano_board_get_title (board));

  cairo_set_source_rgb (sheet.cr, 0, 0, 0);
  sheet_text (&sheet, ((PlanoBlock *) g_ptr_array_index (blocks, 0))->text, "Bold 18", 0, 0);
  sheet.y += 16;

  /* The diagram, as large as the rest of the page allows, never enlarged past 100 %. */
  height = sheet.height - SHEET_MARGIN - sheet.y;
  k = MIN (MIN (width / area->w, height / area->h), 0.75);
  cairo_save (sheet.cr);
  cairo_translate (sheet.cr, SHEET_MARGIN + (width - area->w * k) / 2, sheet.y);
  cairo_scale (sheet.cr, k, k);
  cairo_translate (sheet.cr, -area->x, -area->y);
  plano_renderer_draw (renderer, sheet.cr, area, render);
  cairo_restore (sheet.cr);
  cairo_show_page (sheet.cr);
  sheet.y = SHEET_MARGIN;
  cairo_set_source_rgb (sheet.cr, 0, 0, 0);

  for (guint i = 1; i < blocks->len; i++)
    {
      PlanoBlock *block = g_ptr_array_index (blocks, i);
      const PlanoBlock *next = i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL;
      g_autofree char *line = NULL;

      switch (block->type)
        {
        case PLANO_BLOCK_HEADING:
          if (next != NULL && next->type == PLANO_BLOCK_DIAGRAM)
            break;
          sheet_reserve (&sheet, 60);
          sheet_text (&sheet, block->text, "Bold 14", 0, sheet.y > SHEET_MARGIN ? 14 : 0);
          sheet.y += 4;
          break;

        case PLANO_BLOCK_SUBHEADING:
          sheet_reserve (&sheet, 40);
          sheet_text (&sheet, block->text, "Bold 11", 0, 8);
          sheet.y += 2;
          break;

        case PLANO_BLOCK_PARAGRAPH:
          sheet_text (&sheet, block->text, "10", 0, 4);
          break;

        case PLANO_BLOCK_BULLET:
        case PLANO_BLOCK_CHECKED:
        case PLANO_BLOCK_UNCHECKED:
          line = g_strconcat (block->type == PLANO_BLOCK_BULLET ? "• " :
                              block->type == PLANO_BLOCK_CHECKED ? "☑ " : "☐ ", block->text, NULL);
          sheet_text (&sheet, line, "10", 12, 2);
          break;

        case PLANO_BLOCK_TABLE_HEADER:
        case PLANO_BLOCK_TABLE_ROW:
          g_ptr_array_add (table, block);
          if (next == NULL || next->type != PLANO_BLOCK_TABLE_ROW)
            {
              sheet_table (&sheet, table);
              g_ptr_array_set_size (table, 0);
            }
          break;

        case PLANO_BLOCK_TITLE:
        case PLANO_BLOCK_DIAGRAM:
        default:
          break;
        }
    }

  ok = check_context (sheet.cr, error);
  cairo_destroy (sheet.cr);
  cairo_surface_finish (surface);
  ok = ok && check_surface (surface, error);
  cairo_surface_destroy (surface);

  return ok;
}

/**
 * plano_export_thumbnail:
 * @width: the thumbnail's width in device pixels
 * @height: its height
 *
 * Draws the whole board fitted into @width × @height, centred on the theme's background: the
 * picture of a board in lists and choosers. An empty board is its background alone.
 *
 * Returns: (transfer full): an ARGB32 image surface
 */
cairo_surface_t *
plano_export_thumbnail (PlanoBoard *board,
                        int         width,
                        int         height,
                        PlanoTheme  theme)
{
  g_autoptr(PlanoRenderer) renderer = NULL;
  PlanoRenderOptions options = { theme, 1, TRUE, NULL, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  PlanoRect bounds;
  PlanoRect all;
  double scale;

  g_return_val_if_fail (PLANO_IS_BOARD (board), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  renderer = plano_renderer_new (board);
  if (!plano_renderer_get_bounds (renderer, &bounds))
    bounds = (PlanoRect) { 0, 0, width, height };
  plano_rect_inflate (&bounds, 16);

  /* The margin around the drawing is the theme's background too. */
  scale = MIN (width / bounds.w, height / bounds.h);
  options.zoom = scale;
  all = (PlanoRect) { bounds.x - (width / scale - bounds.w) / 2,
                      bounds.y - (height / scale - bounds.h) / 2,
                      width / scale, height / scale };
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -all.x, -all.y);
  plano_renderer_draw (renderer, cr, &all, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
export_scale (const PlanoExportOptions  *options,
              double                    *scale,
              GError                   **error)
{
  *scale = options->scale > 0 ? options->scale : 1;
  if (!isfinite (*scale) || *scale > 16)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale must be more than 0 and at most 16"));
      return FALSE;
    }
  return TRUE;
}

/* The renderer of an export of @board (@given, or a new one), the area it covers and how it
 * is drawn; NULL, with an error, for an empty board. */
static PlanoRenderer *
export_renderer (PlanoBoard               *board,
                 PlanoRenderer            *given,
                 const PlanoExportOptions *options,
                 double                    scale,
                 PlanoRect                *area,
                 PlanoRenderOptions       *render,
                 GError                  **error)
{
  g_autoptr(PlanoRenderer) renderer = given != NULL ? g_object_ref (given) : plano_renderer_new (board);

  if (!plano_export_get_area (renderer, area))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The board is empty: there is nothing to export"));
      return NULL;
    }

  *render = (PlanoRenderOptions) { 0, };
  render->theme = options->theme;
  render->zoom = options->format == PLANO_EXPORT_PNG ? scale : 1;
  render->background = !options->transparent;
  render->plates = options->transparent;

  return g_steal_pointer (&renderer);
}

static GBytes *
export_to_bytes (PlanoBoard               *board,
                 PlanoRenderer            *given,
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

  if (!export_scale (options, &scale, error))
    return NULL;

  if (options->format == PLANO_EXPORT_MERMAID || options->format == PLANO_EXPORT_MARKDOWN)
    {
      char *text = options->format == PLANO_EXPORT_MERMAID ? plano_notes_to_mermaid (board)
                                                           : plano_notes_to_markdown (board, options->diagram_link);

      return g_bytes_new_take (text, strlen (text));
    }

  renderer = export_renderer (board, given, options, scale, &area, &render, error);
  if (renderer == NULL)
    return NULL;

  bytes = g_byte_array_new ();

  switch (options->format)
    {
    case PLANO_EXPORT_SVG:
      {
        char *svg = plano_renderer_to_svg (renderer, &area, &render);

        /* The document as it is, not a copy: it is the largest thing an export holds. */
        g_byte_array_unref (bytes);
        bytes = g_byte_array_new_take ((guint8 *) svg, strlen (svg));
      }
      break;

    case PLANO_EXPORT_PNG:
      {
        int width, height;

        if (!png_size (&area, scale, &width, &height, error) ||
            !write_png (renderer, &area, scale, width, height, &render, options->transparent,
                        bytes_emit, bytes, error))
          return NULL;
      }
      break;

    case PLANO_EXPORT_PDF:
      if (!write_pdf (renderer, &area, &render, plano_board_get_title (board), bytes, error))
        return NULL;
      break;

    case PLANO_EXPORT_SHEET:
      if (!render_sheet (board, renderer, &area, &render, options->paper, bytes, error))
        return NULL;
      break;

    case PLANO_EXPORT_EXCALIDRAW:
    case PLANO_EXPORT_DRAWIO:
      {
        char *text = options->format == PLANO_EXPORT_EXCALIDRAW ? plano_interop_to_excalidraw (renderer)
                                                                : plano_interop_to_drawio (renderer);

        g_byte_array_unref (bytes);
        bytes = g_byte_array_new_take ((guint8 *) text, strlen (text));
      }
      break;

    case PLANO_EXPORT_MARKDOWN:
    case PLANO_EXPORT_MERMAID:
    default:
      g_assert_not_reached ();
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
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
  g_return_val_if_fail (PLANO_IS_BOARD (board), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  return export_to_bytes (board, NULL, options, error);
}

/**
 * plano_export_diagram_path:
 * @notes_path: where Markdown notes go
 *
 * Returns: (transfer full): where their diagram goes: the same name, ending in .svg
 */
char *
plano_export_diagram_path (const char *notes_path)
{
  g_autofree char *base = g_path_get_basename (notes_path);
  const char *dot = strrchr (base, '.');
  g_autofree char *dir = g_path_get_dirname (notes_path);
  g_autofree char *stem = dot != NULL && dot != base ? g_strndup (base, dot - base) : g_strdup (base);
  g_autofree char *name = g_strconcat (stem, ".svg", NULL);

  return g_build_filename (dir, name, NULL);
}

/* Why @path could not be written, in a sentence that says where. */
static void
set_write_error (const char  *path,
                 int          code,        /* a GFileError, or -1 for a read-only file */
                 const char  *message,
                 GError     **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_filename_display_name (base);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_filename_display_name (dir);

  switch (code)
    {
    case -1:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("Could not write “%s” in %s: the file is read-only"), name, dir_name);
      break;
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
                   _("Could not write “%s” in %s: %s"), name, dir_name, message);
      break;
    }
}

/* What plano-file said, in the export's own sentence. */
static void
take_file_error (const char  *path,
                 GError      *file_error,
                 GError     **error)
{
  if (g_error_matches (file_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    set_write_error (path, -1, file_error->message, error);
  else if (file_error->domain == G_FILE_ERROR)
    set_write_error (path, file_error->code, file_error->message, error);
  else
    set_write_error (path, G_FILE_ERROR_FAILED, file_error->message, error);
}

/* Exports are replaced as boards are (plano-file): through a temporary file beside the target
 * that a later start or save removes if the export is killed, flushed to disk before it takes
 * the name of a file it replaces, as g_file_set_contents() does. A read-only file is refused. */
static PlanoFileReplaceFlags
export_flags (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS) ? PLANO_FILE_REPLACE_DURABLE : PLANO_FILE_REPLACE_NONE;
}

static gboolean
write_bytes (const char  *path,
             GBytes      *bytes,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (plano_file_replace (path, data != NULL ? data : "", length, export_flags (path), NULL, NULL,
                          &local_error))
    return TRUE;

  take_file_error (path, local_error, error);
  return FALSE;
}

/* A file written while its content is made: SVG and PNG exports write this way, never holding
 * the whole document. (Writing from a thread of its own was measured, and saved nothing on one
 * core.) The first error is kept and the rest of the content dropped. */
typedef struct
{
  const char      *path;
  PlanoFileWriter *writer;
  GError          *error;
} FileStream;

static gboolean
file_stream_open (FileStream  *fs,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *fs = (FileStream) { path, plano_file_writer_new (path, export_flags (path), &local_error), NULL };
  if (fs->writer == NULL)
    {
      take_file_error (path, local_error, error);
      return FALSE;
    }

  return TRUE;
}

static GString *
file_stream_flush_cb (GString  *chunk,
                      gpointer  user_data)
{
  FileStream *fs = user_data;

  if (fs->error == NULL)
    plano_file_writer_write (fs->writer, chunk->str, chunk->len, &fs->error);
  g_string_truncate (chunk, 0);

  return chunk;
}

/* Nothing is written after all: the temporary file goes. */
static void
file_stream_abort (FileStream *fs)
{
  plano_file_writer_abort (fs->writer);
  g_clear_error (&fs->error);
}

/* Gives the file its name, or takes it away again. */
static gboolean
file_stream_close (FileStream  *fs,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (fs->error != NULL)
    {
      take_file_error (fs->path, fs->error, error);
      file_stream_abort (fs);
      return FALSE;
    }
  if (!plano_file_writer_finish (fs->writer, &local_error))
    {
      take_file_error (fs->path, local_error, error);
      return FALSE;
    }

  return TRUE;
}

/* A PNG's bytes, gathered into chunks for the file. */
typedef struct
{
  FileStream *fs;
  GString    *buffer;
} FileSink;

static void
file_sink_emit (const guint8 *data,
                gsize         length,
                gpointer      user_data)
{
  FileSink *sink = user_data;

  g_string_append_len (sink->buffer, (const char *) data, length);
  if (sink->buffer->len >= 256 * 1024)
    sink->buffer = file_stream_flush_cb (sink->buffer, sink->fs);
}

/* SVG and PNG are written to their file as they are made. */
static gboolean
export_streamed (PlanoBoard               *board,
                 PlanoRenderer            *given,
                 const char               *path,
                 const PlanoExportOptions *options,
                 GError                  **error)
{
  g_autoptr(PlanoRenderer) renderer = NULL;
  PlanoRenderOptions render;
  PlanoRect area;
  FileStream fs;
  double scale;
  int width = 0, height = 0;
  gboolean ok = TRUE;

  if (!export_scale (options, &scale, error))
    return FALSE;
  renderer = export_renderer (board, given, options, scale, &area, &render, error);
  if (renderer == NULL ||
      (options->format == PLANO_EXPORT_PNG && !png_size (&area, scale, &width, &height, error)) ||
      !file_stream_open (&fs, path, error))
    return FALSE;

  if (options->format == PLANO_EXPORT_SVG)
    plano_renderer_write_svg (renderer, &area, &render, file_stream_flush_cb, &fs);
  else
    {
      FileSink sink = { &fs, g_string_sized_new (256 * 1024 + 64 * 1024) };

      ok = write_png (renderer, &area, scale, width, height, &render, options->transparent,
                      file_sink_emit, &sink, error);
      g_string_free (file_stream_flush_cb (sink.buffer, &fs), TRUE);
    }

  /* Freed while the last chunks are written and synced, rather than after. */
  g_clear_object (&renderer);
  if (!ok)
    {
      file_stream_abort (&fs);
      return FALSE;
    }
  return file_stream_close (&fs, error);
}

/* Markdown notes and their diagram, an SVG file of the same name beside them. If the notes
 * cannot be written, a diagram written for them is taken away again. */
static gboolean
export_notes (PlanoBoard               *board,
              const char               *path,
              const PlanoExportOptions *options,
              GError                  **error)
{
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  g_autofree char *svg_path = plano_export_diagram_path (path);
  g_autofree char *svg_name = g_path_get_basename (svg_path);
  PlanoExportOptions notes = *options;
  gboolean diagram = FALSE;
  gboolean existed = g_file_test (svg_path, G_FILE_TEST_EXISTS);
  g_autoptr(GBytes) bytes = NULL;
  PlanoRect area;

  if (plano_export_get_area (renderer, &area))
    {
      PlanoExportOptions svg = *options;
      g_autoptr(GBytes) svg_bytes = NULL;

      svg.format = PLANO_EXPORT_SVG;
      svg_bytes = plano_export_to_bytes (board, &svg, error);
      if (svg_bytes == NULL || !write_bytes (svg_path, svg_bytes, error))
        return FALSE;
      diagram = TRUE;
    }

  notes.diagram_link = diagram ? svg_name : NULL;
  bytes = plano_export_to_bytes (board, &notes, error);
  if (bytes != NULL && write_bytes (path, bytes, error))
    return TRUE;

  if (diagram && !existed)
    g_remove (svg_path);

  return FALSE;
}

static gboolean
export_to_file (PlanoBoard               *board,
                PlanoRenderer            *given,
                const char               *path,
                const PlanoExportOptions *options,
                GError                  **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (options->format == PLANO_EXPORT_MARKDOWN && options->diagram_link == NULL)
    return export_notes (board, path, options, error);
  if (options->format == PLANO_EXPORT_SVG || options->format == PLANO_EXPORT_PNG)
    return export_streamed (board, given, path, options, error);

  bytes = export_to_bytes (board, given, options, error);
  if (bytes == NULL)
    return FALSE;

  return write_bytes (path, bytes, error);
}

/**
 * plano_export_to_file:
 * @path: where to write; replaced atomically, and untouched when anything fails
 *
 * Markdown notes also write their diagram beside them, as an SVG file of the same name.
 *
 * Returns: whether the export was written
 */
gboolean
plano_export_to_file (PlanoBoard               *board,
                      const char               *path,
                      const PlanoExportOptions *options,
                      GError                  **error)
{
  g_return_val_if_fail (PLANO_IS_BOARD (board), FALSE);
  g_return_val_if_fail (path != NULL && options != NULL, FALSE);

  return export_to_file (board, NULL, path, options, error);
}

/**
 * plano_export_renderer_to_file:
 * @renderer: a renderer of the board to export, which the export uses instead of its own
 *
 * As plano_export_to_file(), for a caller that keeps the renderer: the command line, which
 * ends with the export and so need not free it.
 *
 * Returns: whether the export was written
 */
gboolean
plano_export_renderer_to_file (PlanoRenderer            *renderer,
                               const char               *path,
                               const PlanoExportOptions *options,
                               GError                  **error)
{
  g_return_val_if_fail (PLANO_IS_RENDERER (renderer), FALSE);
  g_return_val_if_fail (path != NULL && options != NULL, FALSE);

  return export_to_file (plano_renderer_get_board (renderer), renderer, path, options, error);
}
