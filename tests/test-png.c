/* test-png.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <zlib.h>

#include "plano-png.h"

/* An image as cairo holds it: native-endian ARGB words, premultiplied, @stride bytes a row. */
typedef struct
{
  int      width;
  int      height;
  int      stride;
  gboolean alpha;
  guint32 *pixels;
} Image;

static Image *
image_new (int      width,
           int      height,
           gboolean alpha)
{
  Image *image = g_new0 (Image, 1);

  image->width = width;
  image->height = height;
  image->stride = (width + 3) * 4;   /* padded, as cairo may pad */
  image->alpha = alpha;
  image->pixels = g_new0 (guint32, (gsize) image->stride / 4 * height);
  return image;
}

static void
image_free (Image *image)
{
  g_free (image->pixels);
  g_free (image);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Image, image_free)

static guint32 *
image_row (Image *image,
           int    y)
{
  return image->pixels + (gsize) y * image->stride / 4;
}

/* A pixel of colour @rgb: in an opaque image with @junk in the unused top byte, since cairo
 * does not promise what is there; otherwise at @alpha, premultiplied. */
static guint32
pixel (Image   *image,
       guint32  rgb,
       guint    alpha,
       guint    junk)
{
  guint r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;

  if (!image->alpha)
    return junk << 24 | (rgb & 0xffffff);
  r = (r * alpha + 127) / 255, g = (g * alpha + 127) / 255, b = (b * alpha + 127) / 255;
  return alpha << 24 | r << 16 | g << 8 | b;
}

/* The rows a PNG decoder expects, written the plain way: each a Sub filter byte, then each
 * pixel's straight channels minus those of the pixel to its left. */
static GByteArray *
expected_rows (Image *image)
{
  guint channels = image->alpha ? 4 : 3;
  GByteArray *rows = g_byte_array_new ();

  for (int y = 0; y < image->height; y++)
    {
      guint8 left[4] = { 0, };

      g_byte_array_append (rows, (const guint8 *) "\1", 1);
      for (int x = 0; x < image->width; x++)
        {
          guint32 v = image_row (image, y)[x];
          guint a = image->alpha ? v >> 24 : 0xff;
          guint8 here[4] = { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, a };
          guint8 bytes[4];

          if (a == 0)
            memset (here, 0, sizeof here);
          else if (a < 0xff)
            for (guint c = 0; c < 3; c++)
              here[c] = (here[c] * 255 + a / 2) / a;
          for (guint c = 0; c < channels; c++)
            bytes[c] = here[c] - left[c];
          g_byte_array_append (rows, bytes, channels);
          memcpy (left, here, sizeof left);
        }
    }
  return rows;
}

/* Deflates @image in pieces of @piece_rows rows and inflates the zlib stream they make with
 * zlib, which checks the Adler-32 too; asserts that the rows come back. Returns the size of
 * the deflated data. */
static gsize
assert_round_trip (Image *image,
                   int    piece_rows)
{
  g_autoptr(GByteArray) expected = expected_rows (image);
  g_autoptr(GByteArray) stream = g_byte_array_new ();
  g_autofree guint8 *inflated = g_malloc (expected->len + 1);
  uLongf inflated_length = expected->len + 1;
  uLong adler = adler32 (0, NULL, 0);
  guint8 check[4];

  g_byte_array_append (stream, (const guint8 *) "\x78\x01", 2);
  for (int y = 0; y < image->height; y += piece_rows)
    {
      int rows = MIN (piece_rows, image->height - y);
      guint32 piece_adler;

      plano_png_deflate_rows ((const guint8 *) image_row (image, y), image->stride, image->width,
                              rows, image->alpha, y + rows == image->height, stream, &piece_adler);
      adler = adler32_combine (adler, piece_adler, (z_off_t) rows * (1 + image->width * (image->alpha ? 4 : 3)));
    }
  check[0] = adler >> 24, check[1] = adler >> 16, check[2] = adler >> 8, check[3] = adler;
  g_byte_array_append (stream, check, 4);

  g_assert_cmpint (uncompress (inflated, &inflated_length, stream->data, stream->len), ==, Z_OK);
  g_assert_cmpmem (inflated, inflated_length, expected->data, expected->len);

  return stream->len - 6;
}

/* Noise: no runs, no rows alike; every byte is a literal, in blocks of their own codes. */
static void
test_noise (void)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (guint alpha = 0; alpha < 2; alpha++)
    {
      g_autoptr(Image) image = image_new (301, 257, alpha);

      for (int y = 0; y < image->height; y++)
        for (int x = 0; x < image->width; x++)
          image_row (image, y)[x] = pixel (image, g_rand_int (rand), alpha ? g_rand_int_range (rand, 0, 256) : 0xff,
                                           g_rand_int_range (rand, 0, 256));
      assert_round_trip (image, image->height);
      assert_round_trip (image, 64);
    }

  g_rand_free (rand);
}

/* A diagram's picture: a background, boxes, lines, a row now and then like the one above,
 * runs of every length around deflate's longest match of 258 bytes. */
static void
test_diagram (void)
{
  static const int piece_rows[] = { 1, 2, 7, 256 };

  for (guint alpha = 0; alpha < 2; alpha++)
    {
      g_autoptr(Image) image = image_new (700, 300, alpha);
      gsize size = 0, raw = (gsize) image->height * (1 + image->width * (alpha ? 4 : 3));

      for (int y = 0; y < image->height; y++)
        {
          guint32 *row = image_row (image, y);

          for (int x = 0; x < image->width; x++)
            {
              guint32 v = alpha ? 0 : pixel (image, 0xfafafa, 0xff, 0xff);

              if (x >= 40 && x < 40 + 86 + y % 5 && y >= 20 && y < 200)
                v = pixel (image, 0xffffff, 0xff, 0xff);          /* runs of 86 to 90 pixels */
              if ((x == 40 || x == 40 + 86 + y % 5) && y >= 20 && y < 200)
                v = pixel (image, 0x3584e4, alpha ? 0x80 : 0xff, 0xff);
              if (x >= 300 && y >= 100 && y < 104)
                v = pixel (image, 0x26a269, 0xff, 0xff);          /* 400 pixels: past 258 bytes */
              if (y % 37 == 0 && x == y)
                v = pixel (image, 0x000000, alpha ? 0x40 : 0xff, 0xff);
              if (y >= 250 && (x * 7 + y * 3) % 11 == 0)
                v = pixel (image, 0xc64600, 0xff, 0xff);          /* text-like, busy */
              row[x] = v;
            }
        }

      for (guint i = 0; i < G_N_ELEMENTS (piece_rows); i++)
        size = assert_round_trip (image, piece_rows[i]);
      /* Such a picture packs well, as a user would expect of a PNG of a diagram. */
      g_assert_cmpuint (size, <, raw / 20);
    }
}

/* Rows longer than deflate's 32 KiB window cannot refer to the row above; they still work,
 * as do runs longer than the window. */
static void
test_wide_rows (void)
{
  for (guint alpha = 0; alpha < 2; alpha++)
    {
      g_autoptr(Image) image = image_new (12000, 6, alpha);

      for (int y = 0; y < image->height; y++)
        for (int x = 0; x < image->width; x++)
          image_row (image, y)[x] = x < 11000 ? pixel (image, 0xffffff, 0xff, 0)
                                              : pixel (image, x * 2654435761u, alpha ? 0xc0 : 0xff, x & 0xff);
      assert_round_trip (image, 3);
    }
}

/* Bytes as unevenly common as can be: with the end-of-block code, which comes once, their
 * counts are a Fibonacci sequence, 1, 1, 2, 3, 5… A plain Huffman code for them is 21 bits
 * deep, past deflate's 15, so the deflater must shorten it. */
static void
test_uneven_bytes (void)
{
  GRand *rand = g_rand_new_with_seed (11);
  g_autoptr(GArray) bytes = g_array_new (FALSE, FALSE, 1);
  guint32 count = 1, before = 1;
  g_autoptr(Image) image = NULL;
  guint8 most = 1;

  /* Symbols 21 down to 1, none of them zero, so that no pixel equals the one to its left;
   * 1 is the commonest, since each row's filter byte is a 1 too. */
  for (guint8 symbol = 21; symbol >= 1; symbol--)
    {
      guint32 next = count + before;

      for (guint32 i = 0; i < count; i++)
        g_array_append_val (bytes, symbol);
      before = count;
      count = next;
    }
  while (bytes->len % 3 != 0)
    g_array_append_val (bytes, most);
  for (guint i = bytes->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      guint8 t = g_array_index (bytes, guint8, i);

      g_array_index (bytes, guint8, i) = g_array_index (bytes, guint8, j);
      g_array_index (bytes, guint8, j) = t;
    }

  /* One row whose Sub filter gives back those bytes, three to a pixel. */
  image = image_new (bytes->len / 3, 1, FALSE);
  {
    guint8 r = 0, g = 0, b = 0;

    for (int x = 0; x < image->width; x++)
      {
        r += g_array_index (bytes, guint8, 3 * x);
        g += g_array_index (bytes, guint8, 3 * x + 1);
        b += g_array_index (bytes, guint8, 3 * x + 2);
        image->pixels[x] = pixel (image, (guint32) r << 16 | (guint32) g << 8 | b, 0xff, 0);
      }
  }
  assert_round_trip (image, 1);

  g_rand_free (rand);
}

/* The smallest images, and the top byte an opaque image ignores. */
static void
test_small (void)
{
  g_autoptr(Image) one = image_new (1, 1, FALSE);
  g_autoptr(Image) two = image_new (2, 3, TRUE);
  g_autoptr(Image) junk = image_new (50, 4, FALSE);

  one->pixels[0] = 0x12345678;
  assert_round_trip (one, 1);

  for (int y = 0; y < two->height; y++)
    for (int x = 0; x < two->width; x++)
      image_row (two, y)[x] = pixel (two, 0x808080, y * 100, 0);
  assert_round_trip (two, 1);

  /* The same colour with different junk on top is one run. */
  for (int y = 0; y < junk->height; y++)
    for (int x = 0; x < junk->width; x++)
      image_row (junk, y)[x] = pixel (junk, 0xabcdef, 0xff, (x * 31 + y) & 0xff);
  g_assert_cmpuint (assert_round_trip (junk, 4), <, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/png/noise", test_noise);
  g_test_add_func ("/plano/png/diagram", test_diagram);
  g_test_add_func ("/plano/png/wide-rows", test_wide_rows);
  g_test_add_func ("/plano/png/uneven-bytes", test_uneven_bytes);
  g_test_add_func ("/plano/png/small", test_small);

  return g_test_run ();
}
