/* test-contrast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text on a board reads at WCAG AA for small text: at least 4.5:1 against what lies under
 * it, in the light, dark and both high contrast styles. Each board is drawn by the renderer the
 * canvas and the exports share, as SVG with real text; librsvg (through gdk-pixbuf) draws it
 * twice, as it is and with its texts taken out, and each text's colour is measured against the
 * background under its box in the second picture.
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "plano-board.h"
#include "plano-format.h"
#include "plano-render.h"
#include "plano-templates.h"
#include "plano-test-core.h"

#define SCALE 2

typedef struct
{
  double x, y, w, h;   /* in board units */
  guint32 fill;
  double opacity;
  char *text;
} Text;

static void
text_free (gpointer data)
{
  Text *t = data;

  g_free (t->text);
  g_free (t);
}

typedef struct
{
  GPtrArray *texts;
  guint32 fill;        /* of the <text> being read */
  double opacity;
  double size;
  Text *current;       /* the <tspan> being read */
  double vb_x, vb_y, vb_w, vb_h;
  gboolean root_read;
} Reader;

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];

  return NULL;
}

static void
start_cb (GMarkupParseContext *context,
          const char          *element,
          const char         **names,
          const char         **values,
          gpointer             data,
          GError             **error)
{
  Reader *reader = data;
  const char *value;

  if (g_str_equal (element, "svg") && !reader->root_read)
    {
      value = attribute (names, values, "viewBox");
      g_assert_nonnull (value);
      g_assert_cmpint (sscanf (value, "%lf %lf %lf %lf", &reader->vb_x, &reader->vb_y,
                               &reader->vb_w, &reader->vb_h), ==, 4);
      reader->root_read = TRUE;
    }
  else if (g_str_equal (element, "text"))
    {
      value = attribute (names, values, "fill");
      g_assert_nonnull (value);
      g_assert_true (value[0] == '#');
      reader->fill = (guint32) strtoul (value + 1, NULL, 16);
      value = attribute (names, values, "fill-opacity");
      reader->opacity = value != NULL ? g_ascii_strtod (value, NULL) : 1;
      value = attribute (names, values, "font-size");
      reader->size = value != NULL ? g_ascii_strtod (value, NULL) : 13;
    }
  else if (g_str_equal (element, "tspan"))
    {
      const char *anchor = attribute (names, values, "text-anchor");
      Text *t = g_new0 (Text, 1);
      double x = g_ascii_strtod (attribute (names, values, "x"), NULL);
      double y = g_ascii_strtod (attribute (names, values, "y"), NULL);
      const char *length = attribute (names, values, "textLength");

      t->w = length != NULL ? g_ascii_strtod (length, NULL) : reader->size;
      t->x = g_strcmp0 (anchor, "middle") == 0 ? x - t->w / 2 : g_strcmp0 (anchor, "end") == 0 ? x - t->w : x;
      /* From the top of the letters to the baseline. */
      t->h = reader->size * 0.7;
      t->y = y - t->h;
      t->fill = reader->fill;
      t->opacity = reader->opacity;
      t->text = g_strdup ("");
      reader->current = t;
      g_ptr_array_add (reader->texts, t);
    }
}

static void
end_cb (GMarkupParseContext *context,
        const char          *element,
        gpointer             data,
        GError             **error)
{
  Reader *reader = data;

  if (g_str_equal (element, "tspan"))
    reader->current = NULL;
}

static void
text_cb (GMarkupParseContext *context,
         const char          *text,
         gsize                length,
         gpointer             data,
         GError             **error)
{
  Reader *reader = data;

  if (reader->current != NULL)
    {
      char *joined = g_strconcat (reader->current->text, text, NULL);

      g_free (reader->current->text);
      reader->current->text = joined;
    }
}

static GdkPixbuf *
rasterize (const char *svg,
           int         width,
           int         height)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;
  int fd = g_file_open_tmp ("plano-contrast-XXXXXX.svg", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, svg, -1, &error));
  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, width, height, FALSE, &error);
  g_assert_no_error (error);
  g_unlink (path);

  return pixbuf;
}

/* WCAG 2 relative luminance of an sRGB colour. */
static double
luminance (double r,
           double g,
           double b)
{
  double c[3] = { r, g, b };

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/* The colour most pixels of the box have in @pixbuf: the background the text lies on. */
static guint32
background_under (GdkPixbuf  *pixbuf,
                  const Text *t,
                  double      vb_x,
                  double      vb_y)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int x0 = (int) ceil ((t->x - vb_x) * SCALE), x1 = (int) floor ((t->x + t->w - vb_x) * SCALE);
  int y0 = (int) ceil ((t->y - vb_y) * SCALE), y1 = (int) floor ((t->y + t->h - vb_y) * SCALE);
  guint32 best = 0;
  guint best_count = 0;
  GHashTableIter iter;
  gpointer key, value;

  x0 = CLAMP (x0, 0, gdk_pixbuf_get_width (pixbuf) - 1);
  x1 = CLAMP (x1, x0 + 1, gdk_pixbuf_get_width (pixbuf));
  y0 = CLAMP (y0, 0, gdk_pixbuf_get_height (pixbuf) - 1);
  y1 = CLAMP (y1, y0 + 1, gdk_pixbuf_get_height (pixbuf));
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guchar *p = pixels + y * stride + x * channels;
        guint32 rgb = (p[0] << 16) | (p[1] << 8) | p[2];
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (rgb))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (rgb), GUINT_TO_POINTER (n));
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count)
      {
        best = GPOINTER_TO_UINT (key);
        best_count = GPOINTER_TO_UINT (value);
      }

  return best;
}

static double
channel (guint32 rgb,
         int     shift)
{
  return ((rgb >> shift) & 0xff) / 255.0;
}

/* Measures every text of @board drawn with @options; appends those under 4.5:1 to @low. */
static guint
check_board (PlanoBoard               *board,
             const char               *what,
             const PlanoRenderOptions *options,
             GString                  *low,
             double                   *lowest)
{
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (text_free);
  g_autoptr(GdkPixbuf) background = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *bare = NULL;
  g_autoptr(GRegex) texts_element = g_regex_new ("<text[^>]*>.*?</text>", G_REGEX_DOTALL, 0, NULL);
  Reader reader = { texts, 0, 1, 13, NULL, 0, 0, 0, 0, FALSE };
  GMarkupParser parser = { start_cb, end_cb, text_cb, NULL, NULL };
  GMarkupParseContext *context;
  PlanoRect area;

  g_assert_true (plano_renderer_get_bounds (renderer, &area));
  area.x -= 12;
  area.y -= 12;
  area.w += 24;
  area.h += 24;
  svg = plano_renderer_to_svg (renderer, &area, options);

  context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_markup_parse_context_free (context);
  g_assert_cmpuint (texts->len, >, 0);

  /* The same picture without its texts: what each text lies on. */
  bare = g_regex_replace (texts_element, svg, -1, 0, "", 0, &error);
  g_assert_no_error (error);
  background = rasterize (bare, (int) ceil (reader.vb_w * SCALE), (int) ceil (reader.vb_h * SCALE));

  for (guint i = 0; i < texts->len; i++)
    {
      const Text *t = g_ptr_array_index (texts, i);
      guint32 bg = background_under (background, t, reader.vb_x, reader.vb_y);
      double a = t->opacity;
      double r = channel (t->fill, 16) * a + channel (bg, 16) * (1 - a);
      double g = channel (t->fill, 8) * a + channel (bg, 8) * (1 - a);
      double b = channel (t->fill, 0) * a + channel (bg, 0) * (1 - a);
      double l1 = luminance (r, g, b);
      double l2 = luminance (channel (bg, 16), channel (bg, 8), channel (bg, 0));
      double ratio = (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);

      *lowest = MIN (*lowest, ratio);
      if (ratio < 4.5)
        g_string_append_printf (low, "\n  %s: \"%s\" #%06x at %.2f on #%06x: %.2f:1", what, t->text,
                                t->fill, t->opacity, bg, ratio);
    }

  return texts->len;
}

/* Every template, a board with every kind of zone, connection, note and text, and components
 * marked down, in the four styles. */
static void
test_text_contrast (void)
{
  static const struct { PlanoTheme theme; gboolean high_contrast; const char *name; } styles[] = {
    { PLANO_THEME_LIGHT, FALSE, "light" },
    { PLANO_THEME_DARK, FALSE, "dark" },
    { PLANO_THEME_LIGHT, TRUE, "high contrast" },
    { PLANO_THEME_DARK, TRUE, "high contrast dark" },
  };
  g_autoptr(GPtrArray) boards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) low = g_string_new (NULL);
  const PlanoTemplate *templates;
  guint n_templates;
  guint measured = 0;

  templates = plano_templates_get (&n_templates);
  for (guint i = 0; i < n_templates; i++)
    {
      g_autoptr(GError) error = NULL;
      PlanoBoard *board = plano_template_load (templates[i].id, &error);

      g_assert_no_error (error);
      g_ptr_array_add (boards, board);
      g_ptr_array_add (names, (gpointer) templates[i].id);
    }
  g_ptr_array_add (boards, plano_test_load_fixture ("contrast.plano"));
  g_ptr_array_add (names, (gpointer) "contrast.plano");

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      double lowest = G_MAXDOUBLE;
      PlanoRenderOptions options = { 0, };

      options.theme = styles[s].theme;
      options.high_contrast = styles[s].high_contrast;
      options.zoom = 1;
      options.background = TRUE;

      for (guint i = 0; i < boards->len; i++)
        {
          g_autofree char *what = g_strdup_printf ("%s, %s", (const char *) names->pdata[i], styles[s].name);

          measured += check_board (boards->pdata[i], what, &options, low, &lowest);
        }
      g_test_message ("%s: the lowest contrast of a text is %.2f:1", styles[s].name, lowest);
    }

  g_test_message ("%u texts measured", measured);
  if (low->len > 0)
    g_printerr ("Texts below 4.5:1:%s\n", low->str);
  g_assert_cmpstr (low->str, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/contrast/text", test_text_contrast);

  return g_test_run ();
}
