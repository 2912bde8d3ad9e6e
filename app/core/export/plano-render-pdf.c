/* plano-render-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <hb.h>
#include <pango/pango.h>
#include <zlib.h>

#include "plano-pipe.h"
#include "plano-render-private.h"

/* A PDF of a board, written by hand from the laid-out items, as the SVG export is. cairo's PDF
 * surface records the whole drawing, replays it twice and prints every number with printf: at
 * ten thousand components that took seconds, where this takes a fraction of one.
 *
 * Text stays text: every glyph Pango placed is shown from a Type 3 font holding that glyph's
 * outline as the font file has it (variable fonts at the instance in use), with a ToUnicode map
 * so that readers can search and copy the labels. Type 3 works for every font format and keeps
 * only the glyphs a board uses.
 */

/* A Type 3 font holds at most 256 glyphs: a face that shows more gets several. */
#define GLYPHS_PER_FONT 256
#define KAPPA 0.5522847498307936

typedef struct
{
  hb_codepoint_t glyph;
  double         width;      /* its advance, in thousandths of an em */
  char          *text;       /* what the glyph stands for, for ToUnicode; may be empty */
} PdfGlyph;

/* One typeface: a face at one point of its variation axes. */
typedef struct
{
  hb_face_t  *face;
  hb_font_t  *font;          /* unscaled: one unit is one font unit */
  int        *coords;
  guint       n_coords;
  double      upem;
} PdfFace;

/* A face at one size, and the glyphs shown from it: the PDF fonts /F<index>.<n>. Each size has
 * fonts of its own so that their widths are Pango's, rounded as Pango rounds them, and text
 * needs no correction between glyphs but for kerning.
 */
typedef struct
{
  PdfFace  *face;
  double    size;            /* in canvas units */
  gboolean  rounded;         /* whether Pango puts glyphs on whole units */
  guint     index;
  guint    *codes;           /* by glyph id: its code + 1, or 0 */
  guint     n_ids;
  GArray   *glyphs;          /* of PdfGlyph, by code */
} PdfFont;

typedef struct
{
  GString *content;
  double   w, h;
} PdfForm;

static void
pdf_form_free (gpointer data)
{
  PdfForm *form = data;

  g_string_free (form->content, TRUE);
  g_free (form);
}

/* The page's content is deflated in a thread of its own as it is written: on a large board it
 * is tens of megabytes, and compressing it took as long as writing it.
 */
#define CHUNK_SIZE (256 * 1024)

typedef struct
{
  PlanoPipe   *pipe;
  z_stream     z;
  GByteArray  *packed;
} Deflater;

typedef struct
{
  Painter     painter;
  GString    *out;           /* the page's content stream, up to a chunk of it */
  Deflater    deflater;
  Color       pending_fill;  /* a fill that keeps its path, waiting to see if a stroke follows */
  gboolean    has_pending_fill;
  /* A path that is one rounded rectangle is drawn from a form of that size, placed: cards and
   * their icons are most of a board's paths, and mostly of a few sizes. */
  gboolean    has_form_rect;
  double      form_rect[5];  /* x, y, w, h, r */
  GHashTable *form_codes;    /* "w h r op" or "glyph size" → its form's index + 1 */
  GPtrArray  *forms;         /* of PdfForm */
  GString    *path;          /* the path being built, written out when filled or stroked */
  gboolean    in_form;       /* writing a form's content rather than the page's */
  GPtrArray  *faces;
  GPtrArray  *pdf_fonts;
  GHashTable *fonts;         /* PangoFont → PdfFont */
  GHashTable *fill_alphas;   /* alphas in thousandths, for the page's graphics states */
  GHashTable *stroke_alphas;

  /* The graphics state as last written, so that only changes are. */
  guint32     fill_rgb, stroke_rgb;
  int         fill_alpha, stroke_alpha;
  double      line_width;
  int         cap, join;
  gboolean    dashed;
} PdfPainter;

static void
pdf_glyph_clear (gpointer data)
{
  g_free (((PdfGlyph *) data)->text);
}

static void
pdf_face_free (PdfFace *face)
{
  hb_font_destroy (face->font);
  hb_face_destroy (face->face);
  g_free (face->coords);
  g_free (face);
}

static void
pdf_font_free (PdfFont *font)
{
  g_free (font->codes);
  g_array_unref (font->glyphs);
  g_free (font);
}

/* Numbers */

static void
append_number (GString *s,
               double   v)
{
  plano_render_append_number (s, v);
  g_string_append_c (s, ' ');
}

static void
append_int (GString *s,
            int      v)
{
  char buffer[16];
  char *p = buffer + sizeof buffer;
  gboolean negative = v < 0;

  *--p = ' ';
  if (negative)
    v = -v;
  do
    *--p = '0' + v % 10;
  while ((v /= 10) > 0);
  if (negative)
    *--p = '-';
  g_string_append_len (s, p, buffer + sizeof buffer - p);
}

/* "F2.0 ": the first PDF font of the third font in use. */
static void
append_font_name (GString *s,
                  guint    font,
                  guint    part)
{
  g_string_append_c (s, 'F');
  append_int (s, (int) font);
  g_string_truncate (s, s->len - 1);
  g_string_append_c (s, '.');
  append_int (s, (int) part);
}

/* A colour channel or an alpha, in thousandths. */
static void
append_unit (GString *s,
             int      thousandths)
{
  thousandths = CLAMP (thousandths, 0, 1000);
  if (thousandths == 1000)
    g_string_append (s, "1 ");
  else if (thousandths == 0)
    g_string_append (s, "0 ");
  else
    {
      char digits[6] = { '0', '.', '0' + thousandths / 100, '0' + thousandths / 10 % 10,
                         '0' + thousandths % 10, 0 };
      int end = 5;

      while (digits[end - 1] == '0')
        end--;
      g_string_append_len (s, digits, end);
      g_string_append_c (s, ' ');
    }
}

static void
append_hex_utf16 (GString    *s,
                  const char *text)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
  for (glong i = 0; utf16 != NULL && i < n; i++)
    g_string_append_printf (s, "%04X", utf16[i]);
}

/* Faces and glyphs */

static PdfFace *
get_face (PdfPainter *pp,
          hb_font_t  *pango_font)
{
  hb_face_t *hb_face = hb_font_get_face (pango_font);
  unsigned int n_coords = 0;
  const int *coords = hb_font_get_var_coords_normalized (pango_font, &n_coords);
  PdfFace *face;

  for (guint i = 0; i < pp->faces->len; i++)
    {
      face = g_ptr_array_index (pp->faces, i);
      if (face->face == hb_face && face->n_coords == n_coords &&
          (n_coords == 0 || memcmp (face->coords, coords, n_coords * sizeof (int)) == 0))
        return face;
    }

  face = g_new0 (PdfFace, 1);
  face->face = hb_face_reference (hb_face);
  face->font = hb_font_create (hb_face);
  face->upem = hb_face_get_upem (hb_face);
  hb_font_set_scale (face->font, (int) face->upem, (int) face->upem);
  if (n_coords > 0)
    {
      face->coords = g_memdup2 (coords, n_coords * sizeof (int));
      face->n_coords = n_coords;
      hb_font_set_var_coords_normalized (face->font, coords, n_coords);
    }
  g_ptr_array_add (pp->faces, face);

  return face;
}

static PdfFont *
get_font (PdfPainter  *pp,
          PangoLayout *layout,
          PangoFont   *font)
{
  PdfFont *pdf_font = g_hash_table_lookup (pp->fonts, font);
  PangoFontDescription *desc;
  PdfFace *face;
  double size;

  if (pdf_font != NULL)
    return pdf_font;

  desc = pango_font_describe_with_absolute_size (font);
  size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;
  pango_font_description_free (desc);
  face = get_face (pp, pango_font_get_hb_font (font));

  for (guint i = 0; i < pp->pdf_fonts->len && pdf_font == NULL; i++)
    {
      PdfFont *f = g_ptr_array_index (pp->pdf_fonts, i);

      if (f->face == face && f->size == size)
        pdf_font = f;
    }

  if (pdf_font == NULL)
    {
      pdf_font = g_new0 (PdfFont, 1);
      pdf_font->face = face;
      pdf_font->size = size;
      pdf_font->rounded = pango_context_get_round_glyph_positions (pango_layout_get_context (layout));
      pdf_font->index = pp->pdf_fonts->len;
      pdf_font->n_ids = hb_face_get_glyph_count (face->face);
      pdf_font->codes = g_new0 (guint, pdf_font->n_ids);
      pdf_font->glyphs = g_array_new (FALSE, TRUE, sizeof (PdfGlyph));
      g_array_set_clear_func (pdf_font->glyphs, pdf_glyph_clear);
      g_ptr_array_add (pp->pdf_fonts, pdf_font);
    }
  g_hash_table_insert (pp->fonts, g_object_ref (font), pdf_font);

  return pdf_font;
}

/* The text of the cluster that glyph @i of @run starts, or "" if it is not the cluster's first. */
static char *
cluster_text (const PangoGlyphItem *run,
              const char           *text,
              int                   i)
{
  const PangoGlyphString *glyphs = run->glyphs;
  int start = glyphs->log_clusters[i];
  int end = run->item->length;

  if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
    return g_strdup (i == 0 ? "…" : "");

  /* Only the glyph nearest the start of the text, in logical order, stands for the cluster. */
  if (run->item->analysis.level % 2 == 0 ? i > 0 && glyphs->log_clusters[i - 1] == start
                                          : i + 1 < glyphs->num_glyphs && glyphs->log_clusters[i + 1] == start)
    return g_strdup ("");

  for (int j = 0; j < glyphs->num_glyphs; j++)
    if (glyphs->log_clusters[j] > start && glyphs->log_clusters[j] < end)
      end = glyphs->log_clusters[j];

  return g_strndup (text + run->item->offset + start, end - start);
}

/* The code that shows @glyph in the PDF: its font is code / 256, its byte code % 256. */
static guint
glyph_code (PdfFont              *font,
            hb_codepoint_t        glyph,
            const PangoGlyphItem *run,
            const char           *text,
            int                   i)
{
  guint code;

  if (glyph >= font->n_ids)
    {
      font->codes = g_renew (guint, font->codes, glyph + 1);
      memset (font->codes + font->n_ids, 0, (glyph + 1 - font->n_ids) * sizeof (guint));
      font->n_ids = glyph + 1;
    }

  code = font->codes[glyph];
  if (code == 0)
    {
      double advance = hb_font_get_glyph_h_advance (font->face->font, glyph) * font->size / font->face->upem;
      PdfGlyph g = { glyph, 0, cluster_text (run, text, i) };

      /* The advance Pango gives the glyph where nothing kerns it. */
      if (font->rounded)
        advance = round (advance);
      g.width = advance * 1000 / font->size;
      g_array_append_val (font->glyphs, g);
      code = font->codes[glyph] = font->glyphs->len;
    }
  else if (g_array_index (font->glyphs, PdfGlyph, code - 1).text[0] == '\0')
    {
      /* Seen before inside a cluster: this time it may start one. */
      PdfGlyph *g = &g_array_index (font->glyphs, PdfGlyph, code - 1);

      g_free (g->text);
      g->text = cluster_text (run, text, i);
    }

  return code - 1;
}

/* Compression */

/* In the deflater's thread: each chunk of content, then the end of the stream. */
static void
deflate_chunk (const char *data,
               gsize       length,
               gboolean    last,
               gpointer    user_data)
{
  Deflater *d = user_data;
  guint8 buffer[64 * 1024];

  d->z.next_in = (Bytef *) data;
  d->z.avail_in = length;
  for (;;)
    {
      int status;

      d->z.next_out = buffer;
      d->z.avail_out = sizeof buffer;
      status = deflate (&d->z, last ? Z_FINISH : Z_NO_FLUSH);
      g_assert (status != Z_STREAM_ERROR);
      g_byte_array_append (d->packed, buffer, sizeof buffer - d->z.avail_out);
      if (last ? status == Z_STREAM_END : d->z.avail_in == 0 && d->z.avail_out != 0)
        break;
    }
}

static void
deflater_start (Deflater *d)
{
  int status;

  memset (&d->z, 0, sizeof d->z);
  /* The fastest level: it already shrinks a board's content about fourfold. */
  status = deflateInit (&d->z, Z_BEST_SPEED);
  g_assert (status == Z_OK);
  d->packed = g_byte_array_new ();
  d->pipe = plano_pipe_new ("plano-pdf-deflate", deflate_chunk, d);
}

/* Returns: (transfer full): the deflated stream */
static GByteArray *
deflater_finish (Deflater *d,
                 GString  *rest)
{
  plano_pipe_finish (g_steal_pointer (&d->pipe), rest);
  deflateEnd (&d->z);

  return g_steal_pointer (&d->packed);
}

/* Hands the content written so far to the deflater once it makes a chunk. */
static void
maybe_flush (PdfPainter *pp)
{
  if (!pp->in_form && pp->out->len >= CHUNK_SIZE)
    pp->out = plano_pipe_push (pp->deflater.pipe, pp->out);
}

/* The state */

static guint32
rgb_of (const Color *c)
{
  return (guint32) CLAMP (lround (c->r * 1000), 0, 1000) << 20 ^
         (guint32) CLAMP (lround (c->g * 1000), 0, 1000) << 10 ^
         (guint32) CLAMP (lround (c->b * 1000), 0, 1000);
}

static void
set_color (PdfPainter  *pp,
           const Color *c,
           gboolean     stroke)
{
  guint32 rgb = rgb_of (c);
  int alpha = (int) CLAMP (lround (c->a * 1000), 0, 1000);
  guint32 *current_rgb = stroke ? &pp->stroke_rgb : &pp->fill_rgb;
  int *current_alpha = stroke ? &pp->stroke_alpha : &pp->fill_alpha;

  if (*current_rgb != rgb)
    {
      append_unit (pp->out, rgb >> 20);
      append_unit (pp->out, rgb >> 10 & 0x3ff);
      append_unit (pp->out, rgb & 0x3ff);
      g_string_append (pp->out, stroke ? "RG\n" : "rg\n");
      *current_rgb = rgb;
    }
  if (*current_alpha != alpha)
    {
      g_hash_table_add (stroke ? pp->stroke_alphas : pp->fill_alphas, GINT_TO_POINTER (alpha + 1));
      g_string_append (pp->out, stroke ? "/CA" : "/ca");
      append_int (pp->out, alpha);
      g_string_append (pp->out, "gs\n");
      *current_alpha = alpha;
    }
}

/* Paths */

static void
rounded_rect_path (GString *path,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  double k = (1 - KAPPA) * r;
  double points[][6] = {
    { x + w - k, y, x + w, y + k, x + w, y + r },
    { x + w, y + h - k, x + w - k, y + h, x + w - r, y + h },
    { x + k, y + h, x, y + h - k, x, y + h - r },
    { x, y + k, x + k, y, x + r, y },
  };
  double lines[][2] = { { x + w - r, y }, { x + w, y + h - r }, { x + r, y + h }, { x, y + r } };

  append_number (path, x + r);
  append_number (path, y);
  g_string_append (path, "m\n");
  for (guint i = 0; i < 4; i++)
    {
      append_number (path, lines[i][0]);
      append_number (path, lines[i][1]);
      g_string_append (path, "l\n");
      for (guint j = 0; j < 6; j++)
        append_number (path, points[i][j]);
      g_string_append (path, "c\n");
    }
  g_string_append (path, "h\n");
}

/* The rounded rectangle kept for a form goes into the path after all: more is added to it. */
static void
materialize_rect (PdfPainter *pp)
{
  if (!pp->has_form_rect)
    return;
  rounded_rect_path (pp->path, pp->form_rect[0], pp->form_rect[1], pp->form_rect[2],
                     pp->form_rect[3], pp->form_rect[4]);
  pp->has_form_rect = FALSE;
}

/* Paints the path with @op (f, S or B): from a form when it is one rounded rectangle. */
static void
paint_path (PdfPainter *pp,
            const char *op)
{
  g_autofree char *key = NULL;
  guint index;

  if (!pp->has_form_rect)
    {
      g_string_append_len (pp->out, pp->path->str, pp->path->len);
      g_string_append (pp->out, op);
      g_string_append_c (pp->out, '\n');
      return;
    }

  key = g_strdup_printf ("%ld %ld %ld %s", lround (pp->form_rect[2] * 100), lround (pp->form_rect[3] * 100),
                         lround (pp->form_rect[4] * 100), op);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (pp->form_codes, key));
  if (index == 0)
    {
      PdfForm *form = g_new0 (PdfForm, 1);

      form->content = g_string_new (NULL);
      form->w = pp->form_rect[2];
      form->h = pp->form_rect[3];
      rounded_rect_path (form->content, 0, 0, form->w, form->h, pp->form_rect[4]);
      g_string_append (form->content, op);
      g_string_append_c (form->content, '\n');
      g_ptr_array_add (pp->forms, form);
      index = pp->forms->len;
      g_hash_table_insert (pp->form_codes, g_steal_pointer (&key), GUINT_TO_POINTER (index));
    }

  g_string_append (pp->out, "q 1 0 0 1 ");
  append_number (pp->out, pp->form_rect[0]);
  append_number (pp->out, pp->form_rect[1]);
  g_string_append (pp->out, "cm /R");
  append_int (pp->out, (int) index - 1);
  g_string_append (pp->out, "Do Q\n");
}

/* A fill that keeps its path is written when the painter knows what follows: a stroke of the
 * same path makes one "B", which fills and strokes, instead of the path twice. */
static void
write_pending_fill (PdfPainter *pp)
{
  if (!pp->has_pending_fill)
    return;
  set_color (pp, &pp->pending_fill, FALSE);
  paint_path (pp, "f");
  pp->has_pending_fill = FALSE;
  maybe_flush (pp);
}

static void
path_point (PdfPainter *pp,
            double      x,
            double      y,
            const char *op)
{
  write_pending_fill (pp);
  materialize_rect (pp);
  append_number (pp->path, x);
  append_number (pp->path, y);
  g_string_append (pp->path, op);
}

static void
pdf_move_to (Painter *p, double x, double y)
{
  path_point ((PdfPainter *) p, x, y, "m\n");
}

static void
pdf_line_to (Painter *p, double x, double y)
{
  path_point ((PdfPainter *) p, x, y, "l\n");
}

static void
pdf_curve_to (Painter *p, double x1, double y1, double x2, double y2, double x, double y)
{
  GString *path = ((PdfPainter *) p)->path;

  write_pending_fill ((PdfPainter *) p);
  materialize_rect ((PdfPainter *) p);
  append_number (path, x1);
  append_number (path, y1);
  append_number (path, x2);
  append_number (path, y2);
  append_number (path, x);
  append_number (path, y);
  g_string_append (path, "c\n");
}

static void
pdf_close_path (Painter *p)
{
  write_pending_fill ((PdfPainter *) p);
  materialize_rect ((PdfPainter *) p);
  g_string_append (((PdfPainter *) p)->path, "h\n");
}

static void
pdf_circle (Painter *p, double cx, double cy, double r)
{
  double k = KAPPA * r;

  pdf_move_to (p, cx + r, cy);
  pdf_curve_to (p, cx + r, cy + k, cx + k, cy + r, cx, cy + r);
  pdf_curve_to (p, cx - k, cy + r, cx - r, cy + k, cx - r, cy);
  pdf_curve_to (p, cx - r, cy - k, cx - k, cy - r, cx, cy - r);
  pdf_curve_to (p, cx + k, cy - r, cx + r, cy - k, cx + r, cy);
  pdf_close_path (p);
}

static void
pdf_rounded_rect (Painter *p, double x, double y, double w, double h, double r)
{
  PdfPainter *pp = (PdfPainter *) p;

  write_pending_fill (pp);
  r = MIN (r, MIN (w, h) / 2);
  if (r > 0 && pp->path->len == 0 && !pp->has_form_rect && !pp->in_form)
    {
      pp->has_form_rect = TRUE;
      pp->form_rect[0] = x, pp->form_rect[1] = y, pp->form_rect[2] = w, pp->form_rect[3] = h;
      pp->form_rect[4] = r;
      return;
    }

  materialize_rect (pp);
  if (r > 0)
    {
      rounded_rect_path (pp->path, x, y, w, h, r);
      return;
    }
  append_number (pp->path, x);
  append_number (pp->path, y);
  append_number (pp->path, w);
  append_number (pp->path, h);
  g_string_append (pp->path, "re\n");
}

static void
pdf_fill (Painter *p, const Color *color, gboolean preserve)
{
  PdfPainter *pp = (PdfPainter *) p;

  write_pending_fill (pp);
  if (preserve)
    {
      pp->pending_fill = *color;
      pp->has_pending_fill = TRUE;
      return;
    }
  set_color (pp, color, FALSE);
  paint_path (pp, "f");
  g_string_truncate (pp->path, 0);
  pp->has_form_rect = FALSE;
  maybe_flush (pp);
}

static void
pdf_stroke (Painter *p, const Color *color, double width, const double *dash, int n_dash)
{
  PdfPainter *pp = (PdfPainter *) p;
  int cap = n_dash > 0 || p->coarse ? 0 : 1;   /* butt or round */
  int join = p->coarse ? 2 : 1;                 /* bevel or round */

  /* B fills and strokes as one knockout group: a translucent stroke is then laid over the
   * page, not over the fill as cairo does. Only an opaque stroke can share the path. */
  if (pp->has_pending_fill && color->a < 1)
    write_pending_fill (pp);
  if (pp->has_pending_fill)
    set_color (pp, &pp->pending_fill, FALSE);
  set_color (pp, color, TRUE);
  if (pp->line_width != width)
    {
      append_number (pp->out, width);
      g_string_append (pp->out, "w\n");
      pp->line_width = width;
    }
  if (pp->cap != cap)
    {
      g_string_append (pp->out, cap == 0 ? "0 J\n" : "1 J\n");
      pp->cap = cap;
    }
  if (pp->join != join)
    {
      g_string_append (pp->out, join == 1 ? "1 j\n" : "2 j\n");
      pp->join = join;
    }
  if (n_dash > 0)
    {
      g_string_append_c (pp->out, '[');
      for (int i = 0; i < n_dash; i++)
        append_number (pp->out, dash[i]);
      g_string_append (pp->out, "] ");
      append_number (pp->out, p->dash_offset);
      g_string_append (pp->out, "d\n");
      pp->dashed = TRUE;
    }
  else if (pp->dashed)
    {
      g_string_append (pp->out, "[] 0 d\n");
      pp->dashed = FALSE;
    }

  paint_path (pp, pp->has_pending_fill ? "B" : "S");
  pp->has_pending_fill = FALSE;
  g_string_truncate (pp->path, 0);
  pp->has_form_rect = FALSE;
  maybe_flush (pp);
}

/* A component's icon is drawn from a form of its glyph at its size, placed: icons are a good
 * part of a board's paths, and a board has a few kinds at one size. The form takes its colour
 * from the page, set before it is placed. */
static gboolean
pdf_glyph (Painter     *p,
           const char  *glyph,
           double       x,
           double       y,
           double       size,
           const Color *color)
{
  PdfPainter *pp = (PdfPainter *) p;
  g_autofree char *key = NULL;
  guint index;

  /* Inside a form, forms are not placed: one without resources of its own could not name
   * them. A translucent colour would need a graphics state of the page's; there is none. */
  write_pending_fill (pp);
  if (pp->in_form || color->a < 1 || pp->path->len > 0 || pp->has_form_rect)
    return FALSE;

  key = g_strdup_printf ("%s %ld", glyph, lround (size * 100));
  index = GPOINTER_TO_UINT (g_hash_table_lookup (pp->form_codes, key));
  if (index == 0)
    {
      PdfForm *form = g_new0 (PdfForm, 1);
      PdfPainter inner = *pp;

      /* The same painter, writing into the form, with the colour it will inherit and the
       * rest of the state unknown. */
      form->content = g_string_new (NULL);
      form->w = form->h = size;
      inner.out = form->content;
      inner.path = g_string_new (NULL);
      inner.in_form = TRUE;
      inner.fill_rgb = inner.stroke_rgb = rgb_of (color);
      inner.fill_alpha = inner.stroke_alpha = 1000;
      inner.line_width = -1;
      inner.cap = inner.join = -1;
      inner.dashed = TRUE;
      plano_render_glyph (&inner.painter, glyph, 0, 0, size, color);
      write_pending_fill (&inner);
      g_string_free (inner.path, TRUE);

      g_ptr_array_add (pp->forms, form);
      index = pp->forms->len;
      g_hash_table_insert (pp->form_codes, g_steal_pointer (&key), GUINT_TO_POINTER (index));
    }

  set_color (pp, color, FALSE);
  set_color (pp, color, TRUE);
  g_string_append (pp->out, "q 1 0 0 1 ");
  append_number (pp->out, x);
  append_number (pp->out, y);
  g_string_append (pp->out, "cm /R");
  append_int (pp->out, (int) index - 1);
  g_string_append (pp->out, "Do Q\n");
  maybe_flush (pp);
  return TRUE;
}

/* Text */

typedef struct
{
  PdfPainter *pp;
  int         font;       /* the PDF font selected, or -1 */
  gboolean    in_array;   /* inside [ … ] TJ */
  gboolean    in_string;  /* inside < … > in that array */
  double      expected;   /* where the text position is, after what was shown */
} TextState;

static void
end_show (TextState *ts)
{
  if (ts->in_string)
    g_string_append_c (ts->pp->out, '>');
  if (ts->in_array)
    g_string_append (ts->pp->out, "] TJ\n");
  ts->in_array = ts->in_string = FALSE;
}

static void
show_glyph (TextState *ts,
            PdfFont   *pdf_font,
            guint      code,
            double     x,
            double     y,
            gboolean   place)
{
  static const char hex[] = "0123456789ABCDEF";
  GString *out = ts->pp->out;
  int font = (int) (pdf_font->index * 4096 + code / GLYPHS_PER_FONT);
  double size = pdf_font->size;
  int adjust;

  if (font != ts->font)
    {
      end_show (ts);
      g_string_append_c (out, '/');
      append_font_name (out, pdf_font->index, code / GLYPHS_PER_FONT);
      append_number (out, size);
      g_string_append (out, "Tf\n");
      ts->font = font;
      place = TRUE;
    }

  if (place)
    {
      end_show (ts);
      g_string_append (out, "1 0 0 -1 ");
      append_number (out, x);
      append_number (out, y);
      g_string_append (out, "Tm\n");
      ts->expected = x;
    }

  if (!ts->in_array)
    {
      g_string_append_c (out, '[');
      ts->in_array = TRUE;
    }

  /* Pango's advances are those of the font at this size, rounded to whole pixels or not:
   * where the glyph is not where the previous one's width put it, move it there, to a
   * thousandth of an em. */
  adjust = (int) lround (-(x - ts->expected) * 1000 / size);
  if (adjust != 0)
    {
      if (ts->in_string)
        g_string_append_c (out, '>');
      ts->in_string = FALSE;
      append_int (out, adjust);
      g_string_truncate (out, out->len - 1);
    }

  if (!ts->in_string)
    {
      g_string_append_c (out, '<');
      ts->in_string = TRUE;
    }
  g_string_append_c (out, hex[code % GLYPHS_PER_FONT >> 4]);
  g_string_append_c (out, hex[code & 0xf]);

  ts->expected += (g_array_index (pdf_font->glyphs, PdfGlyph, code).width - adjust) * size / 1000;
}

static void
pdf_text (Painter *p, PangoLayout *layout, double x, double y, const Color *color)
{
  PdfPainter *pp = (PdfPainter *) p;
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
  const char *text = pango_layout_get_text (layout);
  TextState ts = { pp, -1, FALSE, FALSE, 0 };
  gboolean opened = FALSE;

  write_pending_fill (pp);
  do
    {
      PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;
      PdfFont *font;
      double pen, baseline;
      gboolean place = TRUE;

      if (run == NULL)
        continue;

      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      pen = x + logical.x / (double) PANGO_SCALE;
      baseline = y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      font = get_font (pp, layout, run->item->analysis.font);

      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          const PangoGlyphInfo *info = &run->glyphs->glyphs[i];
          double gx = pen + info->geometry.x_offset / (double) PANGO_SCALE;
          double gy = baseline + info->geometry.y_offset / (double) PANGO_SCALE;

          if (info->glyph != PANGO_GLYPH_EMPTY && !(info->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            {
              guint code = glyph_code (font, info->glyph, run, text, i);

              if (!opened)
                {
                  set_color (pp, color, FALSE);
                  g_string_append (pp->out, "BT\n");
                  opened = TRUE;
                }
              /* A glyph raised or lowered, and the one after it, are placed on their own. */
              show_glyph (&ts, font, code, gx, gy, place || info->geometry.y_offset != 0);
              place = info->geometry.y_offset != 0;
            }
          pen += info->geometry.width / (double) PANGO_SCALE;
        }
    }
  while (pango_layout_iter_next_run (iter));

  if (opened)
    {
      end_show (&ts);
      g_string_append (pp->out, "ET\n");
      maybe_flush (pp);
    }
}

static void
pdf_begin_item (Painter *p, const char *id, const char *title)
{
}

static void
pdf_end_item (Painter *p)
{
}

/* The document */

typedef struct
{
  GByteArray *out;
  GArray     *offsets;       /* of gsize, by object number − 1 */
} Document;

static void
doc_write (Document   *doc,
           const char *data,
           gssize      length)
{
  g_byte_array_append (doc->out, (const guint8 *) data, length < 0 ? strlen (data) : (gsize) length);
}

static guint
reserve_object (Document *doc)
{
  gsize none = 0;

  g_array_append_val (doc->offsets, none);
  return doc->offsets->len;
}

static void
begin_object (Document *doc,
              guint     number)
{
  g_autofree char *header = g_strdup_printf ("%u 0 obj\n", number);

  g_array_index (doc->offsets, gsize, number - 1) = doc->out->len;
  doc_write (doc, header, -1);
}

static void
write_object (Document   *doc,
              guint       number,
              const char *body)
{
  begin_object (doc, number);
  doc_write (doc, body, -1);
  doc_write (doc, "\nendobj\n", -1);
}

static void
write_stream (Document   *doc,
              guint       number,
              const char *extra,
              const char *data,
              gsize       length)
{
  g_autofree char *dict = g_strdup_printf ("<< /Length %" G_GSIZE_FORMAT "%s >>\nstream\n",
                                           length, extra != NULL ? extra : "");

  begin_object (doc, number);
  doc_write (doc, dict, -1);
  doc_write (doc, data, length);
  doc_write (doc, "\nendstream\nendobj\n", -1);
}

typedef struct
{
  GString *s;
  double   scale;
} Outline;

static void
outline_point (Outline *o, float x, float y)
{
  append_number (o->s, x * o->scale);
  append_number (o->s, y * o->scale);
}

static void
outline_move_to (hb_draw_funcs_t *funcs, void *data, hb_draw_state_t *st, float x, float y, void *user_data)
{
  outline_point (data, x, y);
  g_string_append (((Outline *) data)->s, "m\n");
}

static void
outline_line_to (hb_draw_funcs_t *funcs, void *data, hb_draw_state_t *st, float x, float y, void *user_data)
{
  outline_point (data, x, y);
  g_string_append (((Outline *) data)->s, "l\n");
}

static void
outline_quadratic_to (hb_draw_funcs_t *funcs, void *data, hb_draw_state_t *st,
                      float cx, float cy, float x, float y, void *user_data)
{
  /* A quadratic Bézier is the cubic whose controls are 2/3 of the way to its control. */
  outline_point (data, st->current_x + 2.f / 3 * (cx - st->current_x), st->current_y + 2.f / 3 * (cy - st->current_y));
  outline_point (data, x + 2.f / 3 * (cx - x), y + 2.f / 3 * (cy - y));
  outline_point (data, x, y);
  g_string_append (((Outline *) data)->s, "c\n");
}

static void
outline_cubic_to (hb_draw_funcs_t *funcs, void *data, hb_draw_state_t *st,
                  float c1x, float c1y, float c2x, float c2y, float x, float y, void *user_data)
{
  outline_point (data, c1x, c1y);
  outline_point (data, c2x, c2y);
  outline_point (data, x, y);
  g_string_append (((Outline *) data)->s, "c\n");
}

static void
outline_close_path (hb_draw_funcs_t *funcs, void *data, hb_draw_state_t *st, void *user_data)
{
  g_string_append (((Outline *) data)->s, "h\n");
}

static hb_draw_funcs_t *
outline_funcs (void)
{
  static gsize funcs;

  if (g_once_init_enter (&funcs))
    {
      hb_draw_funcs_t *f = hb_draw_funcs_create ();

      hb_draw_funcs_set_move_to_func (f, outline_move_to, NULL, NULL);
      hb_draw_funcs_set_line_to_func (f, outline_line_to, NULL, NULL);
      hb_draw_funcs_set_quadratic_to_func (f, outline_quadratic_to, NULL, NULL);
      hb_draw_funcs_set_cubic_to_func (f, outline_cubic_to, NULL, NULL);
      hb_draw_funcs_set_close_path_func (f, outline_close_path, NULL, NULL);
      hb_draw_funcs_make_immutable (f);
      g_once_init_leave (&funcs, (gsize) f);
    }

  return (hb_draw_funcs_t *) funcs;
}

/* One Type 3 font: glyphs [first, first + n) of @font, in glyph space of 1000 units an em. */
static void
write_type3_font (Document *doc,
                  PdfFont  *font,
                  guint     first,
                  guint     n,
                  guint     font_number)
{
  PdfFace *face = font->face;
  double scale = 1000 / face->upem;
  guint procs_number = reserve_object (doc);
  guint cmap_number = reserve_object (doc);
  g_autoptr(GString) dict = g_string_new (NULL);
  g_autoptr(GString) procs = g_string_new ("<<");
  g_autoptr(GString) widths = g_string_new (NULL);
  g_autoptr(GString) cmap = g_string_new (NULL);
  g_autoptr(GString) glyph = g_string_new (NULL);
  double bbox[4] = { 0, 0, 0, 0 };
  guint n_mapped = 0;

  for (guint i = 0; i < n; i++)
    {
      const PdfGlyph *g = &g_array_index (font->glyphs, PdfGlyph, first + i);
      hb_glyph_extents_t extents = { 0, };
      double advance = g->width;
      double box[4];
      Outline outline = { glyph, scale };
      guint number = reserve_object (doc);

      hb_font_get_glyph_extents (face->font, g->glyph, &extents);
      box[0] = extents.x_bearing * scale;
      box[1] = (extents.y_bearing + extents.height) * scale;
      box[2] = (extents.x_bearing + extents.width) * scale;
      box[3] = extents.y_bearing * scale;
      if (i == 0)
        memcpy (bbox, box, sizeof box);
      bbox[0] = MIN (bbox[0], box[0]);
      bbox[1] = MIN (bbox[1], box[1]);
      bbox[2] = MAX (bbox[2], box[2]);
      bbox[3] = MAX (bbox[3], box[3]);

      /* d1: the glyph is a shape, painted in the colour of the text. */
      g_string_truncate (glyph, 0);
      append_number (glyph, advance);
      g_string_append (glyph, "0 ");
      for (guint c = 0; c < 4; c++)
        append_number (glyph, floor (box[c]) + (c >= 2 ? 1 : 0));
      g_string_append (glyph, "d1\n");
      {
        gsize before = glyph->len;

#if HB_VERSION_ATLEAST (7, 0, 0)
        hb_font_draw_glyph (face->font, g->glyph, outline_funcs (), &outline);
#else
        hb_font_get_glyph_shape (face->font, g->glyph, outline_funcs (), &outline);
#endif
        /* A space has no outline, and a fill needs a path. */
        if (glyph->len > before)
          g_string_append (glyph, "f\n");
      }
      write_stream (doc, number, NULL, glyph->str, glyph->len);

      g_string_append_printf (procs, " /g%u %u 0 R", i, number);
      append_number (widths, advance);
      if (g->text[0] != '\0')
        {
          g_string_append_printf (cmap, "<%02X> <", i);
          append_hex_utf16 (cmap, g->text);
          g_string_append (cmap, ">\n");
          n_mapped++;
        }
    }
  g_string_append (procs, " >>");
  write_object (doc, procs_number, procs->str);

  {
    g_autoptr(GString) to_unicode = g_string_new (
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
    const char *line = cmap->str;

    /* At most 100 entries a block, as the CMap format asks. */
    while (n_mapped > 0)
      {
        guint block = MIN (n_mapped, 100);
        const char *end = line;

        for (guint i = 0; i < block; i++)
          end = strchr (end, '\n') + 1;
        g_string_append_printf (to_unicode, "%u beginbfchar\n", block);
        g_string_append_len (to_unicode, line, end - line);
        g_string_append (to_unicode, "endbfchar\n");
        line = end;
        n_mapped -= block;
      }
    g_string_append (to_unicode, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    write_stream (doc, cmap_number, NULL, to_unicode->str, to_unicode->len);
  }

  g_string_append (dict, "<< /Type /Font /Subtype /Type3 /FontBBox [ ");
  for (guint c = 0; c < 4; c++)
    append_number (dict, floor (bbox[c]) + (c >= 2 ? 1 : 0));
  g_string_append (dict, "] /FontMatrix [ 0.001 0 0 0.001 0 0 ] /Resources << >>");
  g_string_append_printf (dict, " /CharProcs %u 0 R /Encoding << /Type /Encoding /Differences [ 0", procs_number);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (dict, " /g%u", i);
  g_string_append_printf (dict, " ] >> /FirstChar 0 /LastChar %u /Widths [ ", n - 1);
  g_string_append_len (dict, widths->str, widths->len);
  g_string_append_printf (dict, "] /ToUnicode %u 0 R >>", cmap_number);
  write_object (doc, font_number, dict->str);
}

static void
append_alphas (GString    *s,
               GHashTable *alphas,
               const char *key)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, alphas);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    {
      int alpha = GPOINTER_TO_INT (value) - 1;

      g_string_append_printf (s, " /%s%d << /%s ", key, alpha, key);
      append_unit (s, alpha);
      g_string_append (s, ">>");
    }
}

static void
append_text_string (GString    *s,
                    const char *text)
{
  /* UTF-16BE with its byte order mark: titles are in any language. */
  g_string_append (s, "<FEFF");
  append_hex_utf16 (s, text);
  g_string_append_c (s, '>');
}

/**
 * plano_renderer_write_pdf:
 * @area: the part of the canvas to write, which becomes the page
 * @title: (nullable): the document's title
 * @out: where the document is appended
 *
 * Writes a one-page PDF of @area, each canvas unit 0.75 pt (a CSS pixel), as
 * plano_renderer_draw() would paint it.
 */
void
plano_renderer_write_pdf (PlanoRenderer            *self,
                          const PlanoRect          *area,
                          const PlanoRenderOptions *options,
                          const char               *title,
                          GByteArray               *out)
{
  PdfPainter pp = {
    {
      pdf_move_to, pdf_line_to, pdf_curve_to, pdf_close_path, pdf_circle, pdf_rounded_rect,
      pdf_fill, pdf_stroke, pdf_text, pdf_begin_item, pdf_end_item, FALSE, FALSE, 0, pdf_glyph,
    },
  };
  Document doc = { out, g_array_new (FALSE, TRUE, sizeof (gsize)) };
  g_autoptr(GString) page = g_string_new (NULL);
  g_autoptr(GString) info = g_string_new (NULL);
  double k = 0.75, user_unit = 1;
  g_autoptr(GByteArray) content = NULL;
  guint catalog, pages, page_number, contents, info_number;
  gsize xref;

  g_return_if_fail (PLANO_IS_RENDERER (self));
  g_return_if_fail (area != NULL && options != NULL && out != NULL);

  /* Readers stop at pages of 14 400 pt (200 in); a larger board gets a larger unit. */
  if (MAX (area->w, area->h) * k > 14400)
    user_unit = ceil (MAX (area->w, area->h) * k / 14400 * 100) / 100;

  pp.out = g_string_sized_new (CHUNK_SIZE + 16 * 1024);
  deflater_start (&pp.deflater);
  pp.path = g_string_new (NULL);
  pp.faces = g_ptr_array_new_with_free_func ((GDestroyNotify) pdf_face_free);
  pp.pdf_fonts = g_ptr_array_new_with_free_func ((GDestroyNotify) pdf_font_free);
  pp.fonts = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  pp.fill_alphas = g_hash_table_new (NULL, NULL);
  pp.form_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pp.forms = g_ptr_array_new_with_free_func (pdf_form_free);
  pp.stroke_alphas = g_hash_table_new (NULL, NULL);
  pp.fill_rgb = pp.stroke_rgb = 0;   /* black, PDF's initial colour */
  pp.fill_alpha = pp.stroke_alpha = 1000;
  pp.line_width = 1;
  pp.cap = 0;
  pp.join = 0;

  /* Canvas units, y down, on a page in points, y up. Six decimals: in larger page units the
   * scale is no round number, and every coordinate is multiplied by it. */
  {
    char scale[G_ASCII_DTOSTR_BUF_SIZE], x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

    g_ascii_formatd (scale, sizeof scale, "%.6f", k / user_unit);
    g_ascii_formatd (x, sizeof x, "%.4f", -area->x * k / user_unit);
    g_ascii_formatd (y, sizeof y, "%.4f", (area->y + area->h) * k / user_unit);
    g_string_append_printf (pp.out, "%s 0 0 -%s %s %s cm\n", scale, scale, x, y);
  }
  plano_renderer_paint (self, &pp.painter, area, options);
  write_pending_fill (&pp);
  content = deflater_finish (&pp.deflater, g_steal_pointer (&pp.out));

  g_byte_array_append (out, (const guint8 *) "%PDF-1.6\n%\xe2\xe3\xcf\xd3\n", 15);
  catalog = reserve_object (&doc);
  pages = reserve_object (&doc);
  page_number = reserve_object (&doc);
  contents = reserve_object (&doc);
  info_number = reserve_object (&doc);

  write_stream (&doc, contents, " /Filter /FlateDecode", (const char *) content->data, content->len);

  g_string_append (page, "<< /Type /Page /Parent ");
  g_string_append_printf (page, "%u 0 R /MediaBox [ 0 0 ", pages);
  append_number (page, area->w * k / user_unit);
  append_number (page, area->h * k / user_unit);
  g_string_append (page, "]");
  if (user_unit != 1)
    {
      g_string_append (page, " /UserUnit ");
      plano_render_append_number (page, user_unit);
    }
  g_string_append_printf (page, " /Contents %u 0 R /Resources << /Font <<", contents);
  for (guint f = 0; f < pp.pdf_fonts->len; f++)
    {
      PdfFont *font = g_ptr_array_index (pp.pdf_fonts, f);

      for (guint first = 0; first < font->glyphs->len; first += GLYPHS_PER_FONT)
        {
          guint number = reserve_object (&doc);

          write_type3_font (&doc, font, first, MIN (GLYPHS_PER_FONT, font->glyphs->len - first), number);
          g_string_append (page, " /");
          append_font_name (page, f, first / GLYPHS_PER_FONT);
          g_string_append_printf (page, "%u 0 R", number);
        }
    }
  g_string_append (page, " >> /ExtGState <<");
  append_alphas (page, pp.fill_alphas, "ca");
  append_alphas (page, pp.stroke_alphas, "CA");
  g_string_append (page, " >> /XObject <<");
  for (guint i = 0; i < pp.forms->len; i++)
    {
      PdfForm *form = g_ptr_array_index (pp.forms, i);
      guint number = reserve_object (&doc);
      g_autoptr(GString) dict = g_string_new (" /Type /XObject /Subtype /Form /BBox [ ");

      /* Room for the widest stroke around the rectangle. */
      append_number (dict, -10);
      append_number (dict, -10);
      append_number (dict, form->w + 10);
      append_number (dict, form->h + 10);
      g_string_append_c (dict, ']');
      write_stream (&doc, number, dict->str, form->content->str, form->content->len);
      g_string_append_printf (page, " /R%u %u 0 R", i, number);
    }
  g_string_append (page, " >> >> >>");
  write_object (&doc, page_number, page->str);

  {
    g_autofree char *root = g_strdup_printf ("<< /Type /Catalog /Pages %u 0 R >>", pages);
    g_autofree char *kids = g_strdup_printf ("<< /Type /Pages /Kids [ %u 0 R ] /Count 1\n>>", page_number);

    write_object (&doc, catalog, root);
    write_object (&doc, pages, kids);
  }

  g_string_append (info, "<< /Creator (Plano " PACKAGE_VERSION ") /Producer (Plano " PACKAGE_VERSION ")");
  if (title != NULL && title[0] != '\0')
    {
      g_string_append (info, " /Title ");
      append_text_string (info, title);
    }
  g_string_append (info, " >>");
  write_object (&doc, info_number, info->str);

  xref = out->len;
  {
    g_autoptr(GString) table = g_string_new (NULL);

    g_string_append_printf (table, "xref\n0 %u\n0000000000 65535 f \n", doc.offsets->len + 1);
    for (guint i = 0; i < doc.offsets->len; i++)
      g_string_append_printf (table, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (doc.offsets, gsize, i));
    g_string_append_printf (table, "trailer\n<< /Size %u /Root %u 0 R /Info %u 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                            doc.offsets->len + 1, catalog, info_number, xref);
    doc_write (&doc, table->str, table->len);
  }

  g_string_free (pp.path, TRUE);
  g_hash_table_unref (pp.fonts);
  g_ptr_array_unref (pp.pdf_fonts);
  g_ptr_array_unref (pp.faces);
  g_hash_table_unref (pp.fill_alphas);
  g_hash_table_unref (pp.form_codes);
  g_ptr_array_unref (pp.forms);
  g_hash_table_unref (pp.stroke_alphas);
  g_array_unref (doc.offsets);
}
