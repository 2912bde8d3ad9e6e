/* test-png.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <zlib.h>

#include <glib/gstdio.h>

#include "plano-export.h"
#include "plano-format.h"
#include "plano-render.h"
#include "plano-test-core.h"

/* PNG files as the export writes them to disk, read back the plain way: every chunk checked,
 * the pixels inflated with zlib and unfiltered, and compared with what the renderer draws.
 * pngcheck, a reader of its own, must accept each file too.
 */

/* The PNG of @board, written to a file as `plano --export` writes it; returns its bytes. */
static GBytes *
export_file (PlanoBoard *board,
             double      scale,
             gboolean    transparent,
             char      **path)
{
  PlanoExportOptions options = { PLANO_EXPORT_PNG, scale, transparent, PLANO_THEME_LIGHT };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plano-png-XXXXXX", &error);
  char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  *path = g_build_filename (dir, "board.png", NULL);
  g_assert_true (plano_export_to_file (board, *path, &options, &error));
  g_assert_no_error (error);
  g_file_get_contents (*path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
remove_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  guint32     width;
  guint32     height;
  guint       channels;
  GByteArray *idat;        /* the IDAT chunks' data, joined */
  guint       n_idat;
} Png;

/* Reads the chunks of @bytes, checking each one's CRC-32 and their order. */
static void
read_chunks (GBytes *bytes,
             Png    *png)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  gsize at = 8;
  gboolean ended = FALSE;

  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  png->idat = g_byte_array_new ();
  png->n_idat = 0;

  while (at < length)
    {
      guint32 size, crc;
      const guint8 *type, *body;

      g_assert_false (ended);
      g_assert_cmpuint (at + 12, <=, length);
      size = (guint32) data[at] << 24 | data[at + 1] << 16 | data[at + 2] << 8 | data[at + 3];
      g_assert_cmpuint (at + 12 + size, <=, length);
      type = data + at + 4;
      body = data + at + 8;
      crc = (guint32) body[size] << 24 | body[size + 1] << 16 | body[size + 2] << 8 | body[size + 3];
      g_assert_cmpuint (crc, ==, crc32 (0, type, 4 + size));

      if (at == 8)
        {
          g_assert_cmpmem (type, 4, "IHDR", 4);
          g_assert_cmpuint (size, ==, 13);
          png->width = (guint32) body[0] << 24 | body[1] << 16 | body[2] << 8 | body[3];
          png->height = (guint32) body[4] << 24 | body[5] << 16 | body[6] << 8 | body[7];
          g_assert_cmpuint (body[8], ==, 8);                        /* bits a channel */
          g_assert_true (body[9] == 2 || body[9] == 6);             /* RGB or RGBA */
          g_assert_cmpuint (body[10] | body[11] | body[12], ==, 0); /* deflate, no interlace */
          png->channels = body[9] == 6 ? 4 : 3;
        }
      else if (memcmp (type, "IDAT", 4) == 0)
        {
          g_byte_array_append (png->idat, body, size);
          png->n_idat++;
        }
      else
        {
          g_assert_cmpmem (type, 4, "IEND", 4);
          g_assert_cmpuint (size, ==, 0);
          ended = TRUE;
        }
      at += 12 + size;
    }

  g_assert_true (ended);
  g_assert_cmpuint (png->n_idat, >, 0);
}

/* The image's rows, inflated by zlib and unfiltered: straight RGB or RGBA bytes. */
static guint8 *
decode_rows (Png *png)
{
  gsize row = 1 + (gsize) png->width * png->channels;
  uLongf length = row * png->height;
  g_autofree guint8 *filtered = g_malloc (length + 1);
  guint8 *pixels = g_malloc (row * png->height);
  uLongf inflated = length + 1;

  /* One whole zlib stream, checked by its Adler-32, with no byte over. */
  g_assert_cmpint (uncompress (filtered, &inflated, png->idat->data, png->idat->len), ==, Z_OK);
  g_assert_cmpuint (inflated, ==, length);

  for (guint32 y = 0; y < png->height; y++)
    {
      const guint8 *in = filtered + row * y;
      guint8 *out = pixels + (row - 1) * y;

      /* Sub: each byte was made the difference from the byte a pixel to its left. */
      g_assert_cmpuint (in[0], ==, 1);
      for (gsize i = 0; i < row - 1; i++)
        out[i] = in[1 + i] + (i >= png->channels ? out[i - png->channels] : 0);
    }

  return pixels;
}

/* How many channels of the decoded image are off by more than @tolerance from what the
 * renderer draws of @board at @scale. */
static guint
count_differences (PlanoBoard   *board,
                   double        scale,
                   gboolean      transparent,
                   Png          *png,
                   const guint8 *pixels,
                   int           tolerance)
{
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (board);
  /* As the export draws: a transparent image gives zone titles their plates. */
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, scale, !transparent, NULL, NULL, FALSE, transparent };
  cairo_surface_t *expected;
  cairo_t *cr;
  PlanoRect area;
  guint differing = 0;

  g_assert_true (plano_export_get_area (renderer, &area));
  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, png->width, png->height);
  /* As the export draws: in bands of 256 rows, each culled to its part of the board (where a
   * dashed line is cut at a band's border, a pixel may differ from one drawn whole). */
  for (guint32 y = 0; y < png->height; y += 256)
    {
      PlanoRect part = { area.x, area.y + y / scale, area.w, 256 / scale };

      cr = cairo_create (expected);
      cairo_rectangle (cr, 0, y, png->width, 256);
      cairo_clip (cr);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
      cairo_translate (cr, 0, y);
      cairo_scale (cr, scale, scale);
      cairo_translate (cr, -area.x, -area.y - y / scale);
      plano_renderer_draw (renderer, cr, &part, &options);
      cairo_destroy (cr);
    }
  cairo_surface_flush (expected);

  for (guint32 y = 0; y < png->height; y++)
    {
      const guint32 *drawn = (const guint32 *) (cairo_image_surface_get_data (expected) +
                                                y * cairo_image_surface_get_stride (expected));
      const guint8 *row = pixels + (gsize) png->width * png->channels * y;

      for (guint32 x = 0; x < png->width; x++)
        {
          const guint8 *p = row + x * png->channels;
          guint a = png->channels == 4 ? p[3] : 255;
          /* Premultiplied again, as cairo holds it. */
          int channels[4] = { a, (p[0] * a + 127) / 255, (p[1] * a + 127) / 255, (p[2] * a + 127) / 255 };

          for (guint c = 0; c < 4; c++)
            if (ABS (channels[c] - (int) ((drawn[x] >> (24 - 8 * c)) & 0xff)) > tolerance)
              differing++;
        }
    }

  cairo_surface_destroy (expected);
  return differing;
}

/* Each file holds, in well-formed chunks, exactly the pixels the renderer draws: opaque as
 * RGB, transparent as RGBA. */
static void
test_round_trip (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("realtime.plano");

  for (guint scale = 1; scale <= 4; scale += 3)
    for (guint transparent = 0; transparent < 2; transparent++)
      {
        g_autofree char *path = NULL;
        g_autoptr(GBytes) bytes = export_file (board, scale, transparent, &path);
        g_autofree guint8 *pixels = NULL;
        Png png = { 0, };

        read_chunks (bytes, &png);
        g_assert_cmpuint (png.channels, ==, transparent ? 4 : 3);
        /* Several bands of rows, and at scale 4 several IDAT chunks. */
        g_assert_cmpuint (png.height, >, 2 * 256);
        if (scale == 4)
          g_assert_cmpuint (png.n_idat, >, 1);
        pixels = decode_rows (&png);
        /* Straight alpha in the file: premultiplying again may round by one. */
        g_assert_cmpuint (count_differences (board, scale, transparent, &png, pixels,
                                             transparent ? 1 : 0), ==, 0);

        g_byte_array_unref (png.idat);
        remove_file (path);
      }
}

/* pngcheck, which checks every chunk, the zlib stream and the filters, accepts every file. */
static void
test_pngcheck (void)
{
  g_autofree char *program = g_find_program_in_path ("pngcheck");
  const char *fixtures[] = { "example.plano", "realtime.plano" };
  const double scales[] = { 1, 2.5 };

  if (program == NULL)
    {
      g_test_skip ("pngcheck is not installed (build-aux/install-deps.sh installs it)");
      return;
    }

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
      for (guint transparent = 0; transparent < 2; transparent++)
        {
          g_autoptr(PlanoBoard) board = plano_test_load_fixture (fixtures[f]);
          g_autofree char *path = NULL;
          g_autoptr(GBytes) bytes = export_file (board, scales[s], transparent, &path);
          g_autofree char *out = NULL;
          g_autoptr(GError) error = NULL;
          const char *argv[] = { program, "-v", path, NULL };
          int status = 0;

          g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                        &status, &error);
          g_assert_no_error (error);
          g_test_message ("%s", out);
          g_assert_true (g_spawn_check_wait_status (status, NULL));
          g_assert_nonnull (strstr (out, "No errors detected"));
          remove_file (path);
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/png/round-trip", test_round_trip);
  g_test_add_func ("/plano/png/pngcheck", test_pngcheck);

  return g_test_run ();
}
