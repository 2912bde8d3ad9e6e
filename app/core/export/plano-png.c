/* plano-png.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-png"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "plano-png.h"

/* A PNG's pixels are one zlib stream of filtered rows. zlib, even at its fastest, spends most
 * of the export of a large board looking for matches a byte at a time. A diagram's rows are
 * mostly runs of one colour and stretches equal to the row above, with a few busy pixels
 * (text, antialiased edges) between them. This deflater finds those a pixel at a time, straight
 * from cairo's pixels, and writes them with Huffman codes fitted to each block (RFC 1951).
 *
 * Every row is filtered with Sub: each byte minus the one a pixel to its left. A run of one
 * colour is then zeros, written as a match one byte back; a stretch equal to the row above
 * is a match one row back, as long as a row fits deflate's 32 KiB window.
 */

#define BASE 65521u        /* Adler-32's modulus */
#define NMAX 5552          /* bytes that can be summed before the sums must be reduced */
#define MAX_TOKENS 65536   /* per block */
#define WINDOW 32768
#define MAX_MATCH 258
#define MIN_MATCH 3
#define N_LITLEN 288
#define N_DIST 32
#define N_CODELEN 19
#define END_OF_BLOCK 256
#define MATCH_FLAG 0x80000000u

typedef struct
{
  /* A literal is its byte; a match is MATCH_FLAG | (length - 3) << 16 | (distance - 1). */
  guint32    *tokens;
  guint32     litlen_freq[N_LITLEN];
  guint32     dist_freq[N_DIST];

  GByteArray *out;
  guint64     bits;       /* not yet written, the first in the lowest bit */
  guint       n_bits;

  gboolean    alpha;
  gsize       row_size;
} Deflater;

/* Where the deflater is. Kept apart from the Deflater, in a local variable, so that the
 * compiler can hold it in registers: stores of tokens could otherwise change it. */
typedef struct
{
  guint32    *token;      /* the next token */
  guint32    *end;        /* of the token buffer */
  guint32     a, b;       /* Adler-32 of the bytes so far, reduced every NMAX bytes */
  guint       unreduced;
  gboolean    last_zero;  /* whether the byte before the next one is a zero */
} Cursor;

/* Bits on their way out, in a local variable for the same reason. */
typedef struct
{
  guint64     bits;       /* the first in the lowest bit */
  guint       n_bits;
  guint8     *p;          /* where the next byte goes; room was made for it */
} Bits;

/* Length symbols, from length - 3. */
static guint16 length_symbol[256];
static guint8 length_extra_bits[256];
static guint8 length_extra[256];

static void
init_tables (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;

  for (guint l = 0; l < 256; l++)
    {
      if (l < 8)
        length_symbol[l] = 257 + l;
      else if (l == 255)
        length_symbol[l] = 285;
      else
        {
          guint n = g_bit_storage (l) - 1;   /* 3 to 7 */
          guint high = (l >> (n - 2)) & 3;

          length_symbol[l] = 257 + 4 * (n - 1) + high;
          length_extra_bits[l] = n - 2;
          length_extra[l] = l - ((4 | high) << (n - 2));
        }
    }

  g_once_init_leave (&done, 1);
}

/* The distance code of @d, a distance minus one, and its extra bits. */
static inline guint
distance_code (guint  d,
               guint *extra_bits,
               guint *extra)
{
  guint n, high;

  if (d < 4)
    {
      *extra_bits = *extra = 0;
      return d;
    }
  n = g_bit_storage (d) - 1;
  high = (d >> (n - 1)) & 1;
  *extra_bits = n - 1;
  *extra = d - ((2 | high) << (n - 1));
  return 2 * n + high;
}

/* Makes room for @bytes more bytes of output and starts writing bits there. */
static Bits
bits_begin (Deflater *d,
            gsize     bytes)
{
  guint len = d->out->len;

  g_byte_array_set_size (d->out, len + bytes + 16);
  d->out->len = len;
  return (Bits) { d->bits, d->n_bits, d->out->data + len };
}

static void
bits_end (Deflater *d,
          Bits     *w)
{
  d->out->len = w->p - d->out->data;
  d->bits = w->bits;
  d->n_bits = w->n_bits;
}

static inline void
put_bits (Bits    *w,
          guint64  value,
          guint    n)
{
  w->bits |= value << w->n_bits;
  w->n_bits += n;
  if (w->n_bits >= 32)
    {
      w->p[0] = w->bits, w->p[1] = w->bits >> 8, w->p[2] = w->bits >> 16, w->p[3] = w->bits >> 24;
      w->p += 4;
      w->bits >>= 32;
      w->n_bits -= 32;
    }
}

/* Whatever bits are left, padded with zeros to a whole byte. */
static void
put_to_byte (Bits *w)
{
  while (w->n_bits > 0)
    {
      *w->p++ = w->bits;
      w->bits >>= 8;
      w->n_bits = w->n_bits > 8 ? w->n_bits - 8 : 0;
    }
  w->bits = 0;
}

/* Huffman codes */

static int
compare_by_frequency (const void *a,
                      const void *b)
{
  const guint64 *x = a, *y = b;

  return (*x > *y) - (*x < *y);
}

/* Code lengths for the @n symbols with frequencies @freq, none longer than @limit. At least
 * two symbols get a code, as decoders want. The lengths are Huffman's, found in place by
 * Moffat and Katajainen's method, then fitted to the limit as zlib and miniz do it: the
 * codes past it are brought up to it and the tree is balanced again from below. */
static void
huffman_lengths (const guint32 *freq,
                 guint          n,
                 guint          limit,
                 guint8        *lengths)
{
  guint64 sorted[N_LITLEN];   /* frequency << 16 | symbol */
  guint32 depth[N_LITLEN];
  guint count[32] = { 0, };
  guint m = 0, root, leaf, next, avail, used, level, k;
  guint64 total = 0;

  memset (lengths, 0, n);
  for (guint i = 0; i < n; i++)
    if (freq[i] > 0)
      sorted[m++] = (guint64) freq[i] << 16 | i;
  for (guint i = 0; m < 2; i++)
    if (freq[i] == 0)
      sorted[m++] = (guint64) 1 << 16 | i;
  qsort (sorted, m, sizeof sorted[0], compare_by_frequency);

  for (guint i = 0; i < m; i++)
    depth[i] = sorted[i] >> 16;

  /* Parents, left to right. */
  depth[0] += depth[1];
  root = 0;
  leaf = 2;
  for (next = 1; next < m - 1; next++)
    {
      if (leaf >= m || depth[root] < depth[leaf])
        {
          depth[next] = depth[root];
          depth[root++] = next;
        }
      else
        depth[next] = depth[leaf++];

      if (leaf >= m || (root < next && depth[root] < depth[leaf]))
        {
          depth[next] += depth[root];
          depth[root++] = next;
        }
      else
        depth[next] += depth[leaf++];
    }

  /* Depths of the internal nodes, right to left. */
  depth[m - 2] = 0;
  for (int i = (int) m - 3; i >= 0; i--)
    depth[i] = depth[depth[i]] + 1;

  /* Depths of the leaves, right to left. */
  avail = 1;
  used = level = 0;
  root = m - 2;
  next = m - 1;
  while (avail > 0)
    {
      while ((int) root >= 0 && depth[root] == level)
        {
          used++;
          root--;
        }
      while (avail > used)
        {
          depth[next--] = level;
          avail--;
        }
      avail = 2 * used;
      level++;
      used = 0;
    }

  for (guint i = 0; i < m; i++)
    count[MIN (depth[i], limit)]++;
  for (guint i = 1; i <= limit; i++)
    total += (guint64) count[i] << (limit - i);
  while (total > (G_GUINT64_CONSTANT (1) << limit))
    {
      count[limit]--;
      for (guint i = limit - 1; i > 0; i--)
        if (count[i] > 0)
          {
            count[i]--;
            count[i + 1] += 2;
            break;
          }
      total--;
    }

  /* The rarest symbols get the longest codes. */
  k = 0;
  for (guint len = limit; len > 0; len--)
    for (guint i = 0; i < count[len]; i++)
      lengths[sorted[k++] & 0xffff] = len;
}

/* Canonical codes for @lengths, bit-reversed, since deflate sends a code's top bit first. */
static void
huffman_codes (const guint8 *lengths,
               guint         n,
               guint16      *codes)
{
  guint count[16] = { 0, }, next[16];
  guint code = 0;

  for (guint i = 0; i < n; i++)
    count[lengths[i]]++;
  count[0] = 0;
  for (guint len = 1; len < 16; len++)
    {
      code = (code + count[len - 1]) << 1;
      next[len] = code;
    }
  for (guint i = 0; i < n; i++)
    {
      guint len = lengths[i], c, reversed = 0;

      if (len == 0)
        continue;
      c = next[len]++;
      for (guint j = 0; j < len; j++)
        reversed |= ((c >> j) & 1) << (len - 1 - j);
      codes[i] = reversed;
    }
}

/* Blocks */

/* Writes the @n_tokens tokens so far as one block with codes of its own. */
static void
write_block (Deflater *d,
             guint     n_tokens,
             gboolean  final)
{
  static const guint8 order[N_CODELEN] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };
  static const guint8 repeat_bits[3] = { 2, 3, 7 };
  guint8 lengths[N_LITLEN + N_DIST], codelen_lengths[N_CODELEN];
  guint16 litlen_codes[N_LITLEN], dist_codes[N_DIST], codelen_codes[N_CODELEN];
  guint32 codelen_freq[N_CODELEN] = { 0, };
  guint16 runs[N_LITLEN + N_DIST];   /* symbol | extra << 8 */
  guint n_runs = 0, n_litlen = 286, n_dist = 30, n_codelen = N_CODELEN;
  const guint32 *tokens = d->tokens;
  guint8 *dist_lengths;
  Bits w;

  d->litlen_freq[END_OF_BLOCK]++;
  huffman_lengths (d->litlen_freq, 286, 15, lengths);
  while (n_litlen > 257 && lengths[n_litlen - 1] == 0)
    n_litlen--;
  dist_lengths = lengths + n_litlen;
  huffman_lengths (d->dist_freq, 30, 15, dist_lengths);
  while (n_dist > 1 && dist_lengths[n_dist - 1] == 0)
    n_dist--;
  huffman_codes (lengths, n_litlen, litlen_codes);
  huffman_codes (dist_lengths, n_dist, dist_codes);

  /* The code lengths, run-length coded with symbols 16 (repeat), 17 and 18 (zeros). */
  for (guint i = 0; i < n_litlen + n_dist;)
    {
      guint8 len = lengths[i];
      guint run = 1;

      while (i + run < n_litlen + n_dist && lengths[i + run] == len)
        run++;
      i += run;
      if (len == 0)
        {
          while (run >= 11)
            {
              guint r = MIN (run, 138);

              runs[n_runs++] = 18 | (r - 11) << 8;
              run -= r;
            }
          if (run >= 3)
            {
              runs[n_runs++] = 17 | (run - 3) << 8;
              run = 0;
            }
        }
      else
        {
          runs[n_runs++] = len;
          run--;
          while (run >= 3)
            {
              guint r = MIN (run, 6);

              runs[n_runs++] = 16 | (r - 3) << 8;
              run -= r;
            }
        }
      while (run-- > 0)
        runs[n_runs++] = len;
    }
  for (guint i = 0; i < n_runs; i++)
    codelen_freq[runs[i] & 0xff]++;
  huffman_lengths (codelen_freq, N_CODELEN, 7, codelen_lengths);
  huffman_codes (codelen_lengths, N_CODELEN, codelen_codes);
  while (n_codelen > 4 && codelen_lengths[order[n_codelen - 1]] == 0)
    n_codelen--;

  /* The header, then the tokens: at most 15 + 5 + 15 + 13 bits each. */
  w = bits_begin (d, 64 + n_runs * 3 + (gsize) n_tokens * 6);
  put_bits (&w, final ? 1 : 0, 1);
  put_bits (&w, 2, 2);
  put_bits (&w, n_litlen - 257, 5);
  put_bits (&w, n_dist - 1, 5);
  put_bits (&w, n_codelen - 4, 4);
  for (guint i = 0; i < n_codelen; i++)
    put_bits (&w, codelen_lengths[order[i]], 3);
  for (guint i = 0; i < n_runs; i++)
    {
      guint symbol = runs[i] & 0xff;

      put_bits (&w, codelen_codes[symbol], codelen_lengths[symbol]);
      if (symbol >= 16)
        put_bits (&w, runs[i] >> 8, repeat_bits[symbol - 16]);
    }

  for (guint i = 0; i < n_tokens; i++)
    {
      guint32 t = tokens[i];

      if (!(t & MATCH_FLAG))
        put_bits (&w, litlen_codes[t], lengths[t]);
      else
        {
          guint l = (t >> 16) & 0xff, symbol = length_symbol[l];
          guint code, extra_bits, extra;

          put_bits (&w, litlen_codes[symbol] | (guint64) length_extra[l] << lengths[symbol],
                    lengths[symbol] + length_extra_bits[l]);
          code = distance_code (t & 0x7fff, &extra_bits, &extra);
          put_bits (&w, dist_codes[code] | (guint64) extra << dist_lengths[code],
                    dist_lengths[code] + extra_bits);
        }
    }
  put_bits (&w, litlen_codes[END_OF_BLOCK], lengths[END_OF_BLOCK]);
  bits_end (d, &w);

  memset (d->litlen_freq, 0, sizeof d->litlen_freq);
  memset (d->dist_freq, 0, sizeof d->dist_freq);
}

static inline void
push_token (Deflater *d,
            Cursor   *c,
            guint32   token)
{
  if (G_UNLIKELY (c->token == c->end))
    {
      write_block (d, MAX_TOKENS, FALSE);
      c->token = d->tokens;
    }
  *c->token++ = token;
}

static inline void
push_literal (Deflater *d,
              Cursor   *c,
              guint8    byte)
{
  push_token (d, c, byte);
  d->litlen_freq[byte]++;
}

/* A match of any length of at least 3, in pieces deflate can say. */
static inline void
push_match (Deflater *d,
            Cursor   *c,
            gsize     length,
            guint     distance)
{
  guint extra_bits, extra;
  guint code = distance_code (distance - 1, &extra_bits, &extra);

  while (length > 0)
    {
      guint piece = length <= MAX_MATCH ? length
                    : length - MAX_MATCH < MIN_MATCH ? length - MIN_MATCH : MAX_MATCH;

      push_token (d, c, MATCH_FLAG | (piece - MIN_MATCH) << 16 | (distance - 1));
      d->litlen_freq[length_symbol[piece - MIN_MATCH]]++;
      d->dist_freq[code]++;
      length -= piece;
    }
}

/* Adler-32 */

static inline void
adler_reduce (Cursor *c)
{
  c->a %= BASE;
  c->b %= BASE;
  c->unreduced = 0;
}

/* The bytes of a pixel, in order, from the lowest. */
static inline void
adler_pixel (Cursor  *c,
             guint32  bytes,
             guint    channels)
{
  for (guint i = 0; i < channels; i++)
    {
      c->a += (bytes >> (8 * i)) & 0xff;
      c->b += c->a;
    }
  c->unreduced += channels;
  if (G_UNLIKELY (c->unreduced > NMAX - 4))
    adler_reduce (c);
}

/* @n zeros add nothing to the first sum and the first sum @n times to the second. */
static inline void
adler_zeros (Cursor *c,
             gsize   n)
{
  adler_reduce (c);
  c->b = (c->b + (guint64) (n % BASE) * c->a) % BASE;
}

/* Pixels */

/* A pixel as PNG has it, not premultiplied, in cairo's order: alpha, red, green, blue. */
static inline guint32
straight (gboolean alpha,
          guint32  v)
{
  guint a = v >> 24;

  if (!alpha || a == 0xff)
    return v | 0xff000000;
  if (a == 0)
    return 0;
  /* A channel above its alpha is no valid premultiplied pixel; it stays within its byte. */
  return a << 24 |
         MIN ((((v >> 16) & 0xff) * 255 + a / 2) / a, 255) << 16 |
         MIN ((((v >> 8) & 0xff) * 255 + a / 2) / a, 255) << 8 |
         MIN (((v & 0xff) * 255 + a / 2) / a, 255);
}

/* A pixel's bytes as the Sub filter makes them, red in the lowest byte, then green, blue
 * and alpha. */
static inline guint32
sub_bytes (guint32 here,
           guint32 left)
{
  guint32 r = ((here >> 16) - (left >> 16)) & 0xff;
  guint32 g = ((here >> 8) - (left >> 8)) & 0xff;
  guint32 b = (here - left) & 0xff;
  guint32 a = ((here >> 24) - (left >> 24)) & 0xff;

  return r | g << 8 | b << 16 | a << 24;
}

/* How many pixels from @x on are @v. */
static inline int
count_same (const guint32 *row,
            int            x,
            int            width,
            guint32        v,
            guint32        mask)
{
  int start = x;

#ifdef __SSE2__
  __m128i want = _mm_set1_epi32 ((int) v), m = _mm_set1_epi32 ((int) mask);

  for (; x + 4 <= width; x += 4)
    {
      __m128i got = _mm_and_si128 (_mm_loadu_si128 ((const __m128i *) (row + x)), m);
      int equal = _mm_movemask_epi8 (_mm_cmpeq_epi32 (got, want));

      if (equal != 0xffff)
        return x - start + __builtin_ctz (~equal) / 4;
    }
#endif
  while (x < width && (row[x] & mask) == v)
    x++;
  return x - start;
}

/* How many pixels from @x on are the same in @row and @above. */
static inline int
count_equal (const guint32 *row,
             const guint32 *above,
             int            x,
             int            width,
             guint32        mask)
{
  int start = x;

#ifdef __SSE2__
  __m128i m = _mm_set1_epi32 ((int) mask);

  for (; x + 4 <= width; x += 4)
    {
      __m128i here = _mm_and_si128 (_mm_loadu_si128 ((const __m128i *) (row + x)), m);
      __m128i there = _mm_and_si128 (_mm_loadu_si128 ((const __m128i *) (above + x)), m);
      int equal = _mm_movemask_epi8 (_mm_cmpeq_epi32 (here, there));

      if (equal != 0xffff)
        return x - start + __builtin_ctz (~equal) / 4;
    }
#endif
  while (x < width && (row[x] & mask) == (above[x] & mask))
    x++;
  return x - start;
}

/* Zeros: a literal zero first if the byte before is not one, then a match one byte back. */
static inline void
push_zeros (Deflater *d,
            Cursor   *c,
            gsize     n)
{
  if (!c->last_zero)
    {
      push_literal (d, c, 0);
      n--;
    }
  if (n >= MIN_MATCH)
    push_match (d, c, n, 1);
  else
    while (n-- > 0)
      push_literal (d, c, 0);
  c->last_zero = TRUE;
}

static void
deflate_row (Deflater      *d,
             Cursor        *cursor,
             const guint32 *row,
             const guint32 *above,
             int            width)
{
  Cursor c = *cursor;
  gboolean alpha = d->alpha;
  guint32 mask = alpha ? 0xffffffff : 0x00ffffff;
  guint channels = alpha ? 4 : 3;
  guint32 left = 0;
  int left_x = -1;   /* the pixel @left is, if it is the one before */

  push_literal (d, &c, 1);   /* Sub */
  adler_pixel (&c, 1, 1);
  c.last_zero = FALSE;

  for (int x = 0; x < width;)
    {
      guint32 v = row[x] & mask;
      int run = 0, same = 0;

      if (x > 0 && v == (row[x - 1] & mask))
        run = count_same (row, x, width, v, mask);
      /* A long run is as good as anything; otherwise the row above may do better. */
      if (above != NULL && run < 64 && v == (above[x] & mask) &&
          (x == 0 || (row[x - 1] & mask) == (above[x - 1] & mask)))
        same = count_equal (row, above, x, width, mask);

      if (run > 0 && run >= same)
        {
          push_zeros (d, &c, (gsize) run * channels);
          adler_zeros (&c, (gsize) run * channels);
          x += run;
        }
      else if (same > 0)
        {
          /* The checksum still wants the bytes: runs in them are zeros, the rest are
           * filtered again. */
          int end = x + same;
          guint32 bytes = 0;

          push_match (d, &c, (gsize) same * channels, d->row_size);
          while (x < end)
            {
              if (x > 0 && (row[x] & mask) == (row[x - 1] & mask))
                {
                  int n = count_same (row, x, end, row[x - 1] & mask, mask);

                  adler_zeros (&c, (gsize) n * channels);
                  bytes = 0;
                  x += n;
                  continue;
                }
              bytes = sub_bytes (straight (alpha, row[x]), x > 0 ? straight (alpha, row[x - 1]) : 0);
              adler_pixel (&c, bytes, channels);
              x++;
            }
          c.last_zero = (bytes >> (8 * (channels - 1)) & 0xff) == 0;
        }
      else
        {
          guint32 here = straight (alpha, row[x]), bytes;

          if (left_x != x - 1)
            left = x > 0 ? straight (alpha, row[x - 1]) : 0;
          bytes = sub_bytes (here, left);
          for (guint i = 0; i < channels; i++)
            push_literal (d, &c, bytes >> (8 * i));
          adler_pixel (&c, bytes, channels);
          c.last_zero = (bytes >> (8 * (channels - 1)) & 0xff) == 0;
          left = here;
          left_x = x;
          x++;
        }
    }

  *cursor = c;
}

/**
 * plano_png_deflate_rows:
 * @pixels: the first row of a cairo image surface's pixels, ARGB32 or RGB24
 * @stride: bytes from one row to the next
 * @alpha: whether the PNG has an alpha channel (RGBA rather than RGB)
 * @last: whether these are the image's last rows
 * @out: the deflated rows are appended here
 * @adler: (out): the Adler-32 of the rows as PNG rows, for adler32_combine()
 *
 * Filters @n_rows rows of @width pixels as PNG rows and deflates them as a piece of a zlib
 * stream's deflate data that refers to nothing before it: it ends on a whole byte, and, when
 * @last, with the final block. Pieces deflated apart, even at once in different threads, make
 * the whole stream when put one after the other.
 */
void
plano_png_deflate_rows (const guint8 *pixels,
                        int           stride,
                        int           width,
                        int           n_rows,
                        gboolean      alpha,
                        gboolean      last,
                        GByteArray   *out,
                        guint32      *adler)
{
  Deflater d = { 0, };
  Cursor c = { 0, };
  Bits w;

  g_return_if_fail (pixels != NULL && width > 0 && n_rows > 0 && out != NULL && adler != NULL);

  init_tables ();
  d.tokens = g_new (guint32, MAX_TOKENS);
  d.out = out;
  d.alpha = alpha;
  d.row_size = 1 + (gsize) width * (alpha ? 4 : 3);
  c.token = d.tokens;
  c.end = d.tokens + MAX_TOKENS;
  c.a = 1;

  for (int y = 0; y < n_rows; y++)
    {
      const guint32 *row = (const guint32 *) (pixels + (gsize) y * stride);
      const guint32 *above = y > 0 && d.row_size <= WINDOW ? (const guint32 *) (pixels + (gsize) (y - 1) * stride) : NULL;

      deflate_row (&d, &c, row, above, width);
    }

  write_block (&d, c.token - d.tokens, last);
  w = bits_begin (&d, 8);
  if (!last)
    {
      /* An empty stored block brings the piece to a whole byte, as zlib's Z_SYNC_FLUSH does. */
      put_bits (&w, 0, 3);
      put_to_byte (&w);
      memcpy (w.p, "\0\0\xff\xff", 4);
      w.p += 4;
    }
  else
    put_to_byte (&w);
  bits_end (&d, &w);

  adler_reduce (&c);
  *adler = c.b << 16 | c.a;
  g_free (d.tokens);
}
