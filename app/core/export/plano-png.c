/* plano-png.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-png"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "plano-png.h"

/* A PNG from cairo's pixels: the rows made straight (not premultiplied) and filtered with Sub
 * (each byte minus the one a pixel to its left: a run of one colour becomes zeros), deflated
 * by zlib at its fastest level with its default strategy, and put in chunks, each with zlib's
 * CRC-32. The image comes a band of rows at a time, so that it is never held whole, as
 * cairo_surface_write_to_png() would hold it.
 */

/* An IDAT chunk's data, at most: the chunks of a large image then go out as it is encoded. */
#define IDAT_SIZE (256 * 1024)

struct _PlanoPngEncoder
{
  int               width;
  int               height;
  gboolean          alpha;
  guint             bpp;        /* bytes a pixel */
  gsize             row_size;   /* a row's bytes, without its filter byte */
  guint8           *row;        /* the row being filtered, as PNG has it, and a byte */
  GByteArray       *filtered;   /* the rows of a band, each with its filter byte */
  z_stream          z;
  guint8           *packed;     /* IDAT_SIZE bytes of deflated data */
  int               rows_left;
  PlanoPngEmitFunc  emit;
  gpointer          emit_data;
};

static void
emit_chunk (PlanoPngEncoder *self,
            const char      *type,
            const guint8    *data,
            gsize            length)
{
  guint8 header[8] = { length >> 24, length >> 16, length >> 8, length,
                       type[0], type[1], type[2], type[3] };
  uLong crc = crc32 (crc32 (0, NULL, 0), (const Bytef *) type, 4);
  guint8 trailer[4];

  if (length > 0)   /* with no data, crc32() would start again */
    crc = crc32 (crc, data, length);
  trailer[0] = crc >> 24, trailer[1] = crc >> 16, trailer[2] = crc >> 8, trailer[3] = crc;
  self->emit (header, sizeof header, self->emit_data);
  if (length > 0)
    self->emit (data, length, self->emit_data);
  self->emit (trailer, sizeof trailer, self->emit_data);
}

/**
 * plano_png_encoder_new:
 * @alpha: whether the PNG has an alpha channel (RGBA rather than RGB)
 * @emit: called with the file's bytes, in order, as they are made
 *
 * Writes the PNG's signature and header; the rows follow, top to bottom, through
 * plano_png_encoder_add_rows().
 *
 * Returns: (transfer full): an encoder, freed by plano_png_encoder_finish()
 */
PlanoPngEncoder *
plano_png_encoder_new (int               width,
                       int               height,
                       gboolean          alpha,
                       PlanoPngEmitFunc  emit,
                       gpointer          user_data)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint8 ihdr[13] = { width >> 24, width >> 16, width >> 8, width,
                      height >> 24, height >> 16, height >> 8, height,
                      8, alpha ? 6 : 2, 0, 0, 0 };
  PlanoPngEncoder *self;

  g_return_val_if_fail (width > 0 && height > 0 && emit != NULL, NULL);

  self = g_new0 (PlanoPngEncoder, 1);
  self->width = width;
  self->height = height;
  self->alpha = alpha;
  self->bpp = alpha ? 4 : 3;
  self->row_size = (gsize) width * self->bpp;
  self->row = g_malloc (self->row_size + 1);
  self->filtered = g_byte_array_new ();
  self->packed = g_malloc (IDAT_SIZE);
  self->rows_left = height;
  self->emit = emit;
  self->emit_data = user_data;

  /* The fastest level, with the default strategy: Z_RLE finds only runs, and writes files
   * a third larger. */
  if (deflateInit (&self->z, 1) != Z_OK)
    g_error ("zlib could not start a stream: out of memory");
  self->z.next_out = self->packed;
  self->z.avail_out = IDAT_SIZE;

  emit (signature, sizeof signature, user_data);
  emit_chunk (self, "IHDR", ihdr, sizeof ihdr);

  return self;
}

/* Deflates @length bytes, or with @flush = Z_FINISH what is left; a full IDAT chunk leaves at
 * once. */
static void
deflate_bytes (PlanoPngEncoder *self,
               const guint8    *data,
               gsize            length,
               int              flush)
{
  int status;

  self->z.next_in = (Bytef *) data;
  self->z.avail_in = length;
  do
    {
      status = deflate (&self->z, flush);
      g_assert (status != Z_STREAM_ERROR);
      if (self->z.avail_out == 0 || (flush == Z_FINISH && status == Z_STREAM_END))
        {
          emit_chunk (self, "IDAT", self->packed, IDAT_SIZE - self->z.avail_out);
          self->z.next_out = self->packed;
          self->z.avail_out = IDAT_SIZE;
        }
    }
  while (self->z.avail_in > 0 || (flush == Z_FINISH && status != Z_STREAM_END));
}

/* A row of cairo's native-endian words, premultiplied, as PNG has it: red, green, blue and,
 * with alpha, alpha, straight. */
static void
convert_row (PlanoPngEncoder *self,
             const guint32   *pixels,
             guint8          *out)
{
  if (!self->alpha)
    {
      /* Each pixel as four bytes, red first, of which the next pixel overwrites the fourth:
       * the row has a byte to spare at its end for the last. */
      for (int x = 0; x < self->width; x++, out += 3)
        {
          guint32 v = GUINT32_TO_BE (pixels[x] << 8);

          memcpy (out, &v, 4);
        }
      return;
    }

  for (int x = 0; x < self->width; x++, out += 4)
    {
      guint32 v = pixels[x];
      guint a = v >> 24;

      if (a == 0xff)
        out[0] = v >> 16, out[1] = v >> 8, out[2] = v, out[3] = 0xff;
      else if (a == 0)
        out[0] = out[1] = out[2] = out[3] = 0;
      else
        {
          /* A channel above its alpha is no valid premultiplied pixel; it stays in its byte. */
          out[0] = MIN ((((v >> 16) & 0xff) * 255 + a / 2) / a, 255);
          out[1] = MIN ((((v >> 8) & 0xff) * 255 + a / 2) / a, 255);
          out[2] = MIN (((v & 0xff) * 255 + a / 2) / a, 255);
          out[3] = a;
        }
    }
}

/* Eight bytes minus eight others, each on its own, without carries between them. */
static inline guint64
sub_bytes (guint64 a,
           guint64 b)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);

  return ((a | high) - (b & ~high)) ^ ((a ^ ~b) & high);
}

static void
filter_sub (const guint8 * restrict cur,
            gsize                   n,
            guint                   bpp,
            guint8       * restrict out)
{
  gsize i = bpp;

  memcpy (out, cur, bpp);
  for (; i + 8 <= n; i += 8)
    {
      guint64 a, b, d;

      memcpy (&a, cur + i, 8);
      memcpy (&b, cur + i - bpp, 8);
      d = sub_bytes (a, b);
      memcpy (out + i, &d, 8);
    }
  for (; i < n; i++)
    out[i] = cur[i] - cur[i - bpp];
}

/**
 * plano_png_encoder_add_rows:
 * @pixels: @n_rows rows of a cairo image surface, RGB24 or ARGB32 as the encoder was made
 * @stride: the bytes from one row to the next
 *
 * Filters and deflates the next rows of the image.
 */
void
plano_png_encoder_add_rows (PlanoPngEncoder *self,
                            const guint8    *pixels,
                            int              stride,
                            int              n_rows)
{
  gsize n = self->row_size;

  g_return_if_fail (n_rows <= self->rows_left);

  g_byte_array_set_size (self->filtered, (n + 1) * n_rows);
  for (int y = 0; y < n_rows; y++)
    {
      guint8 *out = self->filtered->data + (n + 1) * y;

      convert_row (self, (const guint32 *) (pixels + (gsize) y * stride), self->row);
      out[0] = 1;   /* Sub */
      filter_sub (self->row, n, self->bpp, out + 1);
    }

  deflate_bytes (self, self->filtered->data, self->filtered->len, Z_NO_FLUSH);
  self->rows_left -= n_rows;
}

/**
 * plano_png_encoder_finish:
 *
 * Ends the image and frees the encoder.
 *
 * Returns: %FALSE, with nothing more written, if fewer rows came than the image has
 */
gboolean
plano_png_encoder_finish (PlanoPngEncoder *self)
{
  gboolean complete = self->rows_left == 0;

  if (complete)
    {
      deflate_bytes (self, NULL, 0, Z_FINISH);
      emit_chunk (self, "IEND", NULL, 0);
    }

  deflateEnd (&self->z);
  g_free (self->row);
  g_byte_array_unref (self->filtered);
  g_free (self->packed);
  g_free (self);

  return complete;
}
