/* plano-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <hb-ot.h>
#include <pango/pangocairo.h>

#include "plano-catalog.h"
#include "plano-index.h"
#include "plano-render-private.h"
#include "plano-review.h"
#include "plano-route.h"
#include "plano-xml.h"

/* The renderer keeps, for one board, the box of every item in a spatial index and the text
 * layout of every item, both updated from PlanoBoard::changed. It draws through a Painter: one
 * implementation paints with cairo (canvas, PNG, PDF, print, thumbnails), the other writes SVG
 * elements with real <text> (below), so that what is exported is what the canvas shows.
 */

#define CELL_SIZE      256.0
#define FONT_FAMILY    "Cantarell, Sans"
/* Cantarell first, as laid out; then the common sans faces of other systems, the narrower first,
 * for readers without it. Each line also carries its width (textLength), to which readers that
 * honour it fit whatever face they use. */
#define SVG_FONTS      "Cantarell, 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', Roboto, " \
                       "'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif"
#define LOD_ZOOM       0.35
#define GLYPH_BOX      36.0
#define ARROW_LENGTH   11.0
#define BADGE_RADIUS   9.0
#define EDGE_LABEL_WIDTH 160.0
/* An edge label is at most two lines of EDGE_LABEL_WIDTH, with its padding and badge. */
#define EDGE_LABEL_MAX_W (EDGE_LABEL_WIDTH + 10 + 2 * BADGE_RADIUS)
#define EDGE_LABEL_MAX_H (2 * 20.0 + 4 + 2 * BADGE_RADIUS)
/* Below this zoom a board is drawn as an overview: blocks of colour and plain lines. */
#define OVERVIEW_ZOOM  0.2
/* A component's label wraps to this many lines, its kind's name to two, and the card grows to
 * show them with this much room above and below; longer text is ellipsized. */
#define TITLE_MAX_LINES    4
#define SUBTITLE_MAX_LINES 2
#define CARD_PADDING       8.0
/* A zone's title wraps to this many lines across the zone, then is ellipsized. */
#define ZONE_TITLE_MAX_LINES 3

/* Colours */

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

static Color
with_alpha (Color  c,
            double alpha)
{
  c.a = alpha;
  return c;
}

static const Color category_colors[PLANO_N_CATEGORIES] = {
  [PLANO_CATEGORY_SOURCES]     = RGB (0x3584e4),
  [PLANO_CATEGORY_INGESTION]   = RGB (0x2190a4),
  [PLANO_CATEGORY_STREAMING]   = RGB (0xe66100),
  [PLANO_CATEGORY_PROCESSING]  = RGB (0x9141ac),
  [PLANO_CATEGORY_STORAGE]     = RGB (0x986a44),
  [PLANO_CATEGORY_SERVING]     = RGB (0xe01b24),
  [PLANO_CATEGORY_CONSUMPTION] = RGB (0x26a269),
  [PLANO_CATEGORY_PLATFORM]    = RGB (0xc88800),
  [PLANO_CATEGORY_GENERIC]     = RGB (0x77767b),
};

typedef struct
{
  Color background;
  Color card;
  Color card_border;
  Color text;
  Color text_dim;
  Color edge;
  Color label_background;
  Color accent;
  Color note;
  Color note_border;
  Color note_text;
  Color badge;
  Color badge_text;
  Color down;
  Color stale;
} Palette;

/* Light, dark, then their high contrast variants: what is dim or translucent in the first two
 * is solid in the others. */
static const Palette palettes[] = {
  [PLANO_THEME_LIGHT] = {
    .background = RGB (0xfafafa),
    .card = RGB (0xffffff),
    .card_border = { 0, 0, 0, 0.15 },
    .text = { 0, 0, 0, 0.8 },
    /* Subtitles: 6.2:1 on a card, with room for tinted and antialiased backgrounds. */
    .text_dim = { 0, 0, 0, 0.62 },
    .edge = RGB (0x5e5c64),
    .label_background = RGB (0xfafafa),
    .accent = RGB (0x3584e4),
    .note = RGB (0xfff5a5),
    .note_border = RGB (0xe5c96a),
    .note_text = { 0.25, 0.2, 0, 0.9 },
    .badge = RGB (0xe5a50a),
    .badge_text = RGB (0xffffff),
    .down = RGB (0xc01c28),
    .stale = RGB (0xc64600),
  },
  [PLANO_THEME_DARK] = {
    .background = RGB (0x242424),
    .card = RGB (0x383838),
    .card_border = { 1, 1, 1, 0.15 },
    .text = RGB (0xffffff),
    .text_dim = { 1, 1, 1, 0.7 },
    .edge = RGB (0xc0bfbc),
    .label_background = RGB (0x242424),
    .accent = RGB (0x78aeed),
    .note = RGB (0x5c5218),
    .note_border = RGB (0x8a7a20),
    .note_text = { 1, 0.97, 0.85, 0.95 },
    .badge = RGB (0xf5c211),
    .badge_text = RGB (0x241f31),
    .down = RGB (0xe01b24),
    .stale = RGB (0xff7800),
  },
  [PLANO_THEME_LIGHT + 2] = {
    .background = RGB (0xffffff),
    .card = RGB (0xffffff),
    .card_border = RGB (0x000000),
    .text = RGB (0x000000),
    .text_dim = RGB (0x3d3846),
    .edge = RGB (0x000000),
    .label_background = RGB (0xffffff),
    .accent = RGB (0x1a5fb4),
    .note = RGB (0xfff5a5),
    .note_border = RGB (0x000000),
    .note_text = RGB (0x000000),
    .badge = RGB (0x986a44),
    .badge_text = RGB (0xffffff),
    .down = RGB (0xa51d2d),
    .stale = RGB (0x9c3300),
  },
  [PLANO_THEME_DARK + 2] = {
    .background = RGB (0x000000),
    .card = RGB (0x1e1e1e),
    .card_border = RGB (0xffffff),
    .text = RGB (0xffffff),
    .text_dim = RGB (0xdeddda),
    .edge = RGB (0xffffff),
    .label_background = RGB (0x000000),
    .accent = RGB (0x99c1f1),
    .note = RGB (0x3d3500),
    .note_border = RGB (0xffffff),
    .note_text = RGB (0xffffff),
    .badge = RGB (0xf8e45c),
    .badge_text = RGB (0x000000),
    .down = RGB (0xff7b63),
    .stale = RGB (0xffa348),
  },
};

static const Palette *
get_palette (const PlanoRenderOptions *options)
{
  return &palettes[(options->theme == PLANO_THEME_DARK) + (options->high_contrast ? 2 : 0)];
}

typedef struct
{
  const char *id;
  Color       color;
  double      width;
  double      dash[4];
  int         n_dash;
} EdgeStyle;

/* Connection kinds differ in dash as well as colour, so that none depends on colour alone. */
static const EdgeStyle edge_styles[] = {
  { "flow", RGB (0x77767b), 1.5, { 0 }, 0 },
  { "stream", RGB (0x1c71d8), 2.5, { 14, 3 }, 2 },
  { "batch", RGB (0x9141ac), 2.0, { 9, 5 }, 2 },
  { "request", RGB (0x5e5c64), 1.5, { 2, 4 }, 2 },
  { "cdc", RGB (0xc64600), 2.0, { 10, 4, 2, 4 }, 4 },
  { "replication", RGB (0x26a269), 2.0, { 5, 3 }, 2 },
};

static const EdgeStyle *
edge_style (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (edge_styles); i++)
    if (g_strcmp0 (edge_styles[i].id, kind) == 0)
      return &edge_styles[i];

  return &edge_styles[0];
}

/* A zone's colour, for its fill, border and medal, and the darker shade of it its title is
 * written in on a light board: 13 px bold is small text for WCAG, and the zone colours on
 * their own tint reach only 2.1–5:1; the shades reach 5.4:1 and more. */
static const struct
{
  const char *id;
  Color       color;
  Color       title;
} zone_colors[] = {
  { "group", RGB (0x77767b), RGB (0x5e5c64) },
  { "layer", RGB (0x3584e4), RGB (0x1a5fb4) },
  { "domain", RGB (0x9141ac), RGB (0x613583) },
  { "bronze", RGB (0xa0622d), RGB (0x63452c) },
  { "silver", RGB (0x8e9196), RGB (0x5e5c64) },
  { "gold", RGB (0xd4a017), RGB (0x7d5b00) },
};

static Color zone_color (const char *kind);
static Color zone_title_color (const char *kind);

/* Glyphs: small drawings in a 16 × 16 box, in a tiny language both painters understand.
 * M x y, L x y, C x1 y1 x2 y2 x y, Z: a path; O cx cy r: a circle; R x y w h: a box;
 * F fills what came before, S strokes it.
 *
 * Every kind of the catalog has a drawing of its own, different in outline and not only in
 * detail, so that two kinds can be told apart at a glance on a card (20 pixels) and in the
 * palette (17): none is a vendor's logo, each draws what the thing does.
 */
static const struct
{
  const char *id;
  const char *program;
} glyphs[] = {
  /* Sources */
  { "device", "R 4.5 1.5 7 13 S O 8 12 0.9 F" },
  { "sensor", "O 8 10 1.8 F M 4.5 7 C 6.5 5 9.5 5 11.5 7 M 2 4.5 C 5.5 1 10.5 1 14 4.5 S" },
  { "cdc", "M 2.5 7 C 3 3.5 7 1.5 10.5 3 M 13.5 9 C 13 12.5 9 14.5 5.5 13 M 8.5 1 L 11 3.2 L 8.8 5.6 M 7.5 15 L 5 12.8 L 7.2 10.4 S" },
  /* A transactional database: a cylinder with a padlock in front of it. */
  { "relational", "M 1.5 3.5 C 1.5 1.7 10.5 1.7 10.5 3.5 C 10.5 5.3 1.5 5.3 1.5 3.5 Z M 1.5 3.5 L 1.5 12 C 1.5 13.8 7 14 8 13.8 M 10.5 3.5 L 10.5 6.5 S M 10.5 9.5 L 10.5 8 C 10.5 5.8 14 5.8 14 8 L 14 9.5 S R 9 9.5 6.5 5 F" },
  { "cloud", "M 4.5 12.5 C 1.5 12.5 1.5 8 4.5 8 C 4.5 4 10.5 3.5 11.5 7.5 C 14.5 7.5 15 12.5 12 12.5 Z S" },
  { "chart", "M 1.5 14.5 L 14.5 14.5 S R 3 9 2.5 4.5 F R 7 4 2.5 9.5 F R 11 7 2.5 6.5 F" },
  { "file", "M 3.5 1.5 L 10 1.5 L 13 4.5 L 13 14.5 L 3.5 14.5 Z M 10 1.5 L 10 4.5 L 13 4.5 S" },
  /* Ingestion: a managed pipeline (a pipe's elbow with its flanges), open connectors (a cable
   * between two ends), Kafka Connect (a plug). */
  { "pipe", "M 1 2.5 L 9 2.5 C 12 2.5 13.5 4 13.5 7 L 13.5 15 M 1 7.5 L 7 7.5 C 8 7.5 8.5 8 8.5 9 L 8.5 15 S R 3 1 2.5 8 F R 7 10 8 2.5 F" },
  { "connector", "R 1 1.5 5 5 F R 10 9.5 5 5 F M 6 4 C 11 4 5 12 10 12 S" },
  { "plug", "R 4.5 6 7 5 M 6.5 2 L 6.5 6 M 9.5 2 L 9.5 6 M 8 11 L 8 15 S" },
  /* Streaming: a partitioned log (rows of appended segments), a stream (a wave flowing
   * right), a log with a pulse over its tiers. */
  { "log", "R 1.5 2 3.5 3 R 6 2 3.5 3 R 10.5 2 3.5 3 R 1.5 6.5 3.5 3 R 6 6.5 3.5 3 R 1.5 11 3.5 3 R 6 11 3.5 3 R 10.5 11 3.5 3 F" },
  { "wave", "M 1 10 C 3 4 5.5 4 7.5 9 C 9 12.5 10.5 12 12 9 S M 10 6.5 L 15 6 L 13.5 11 Z F" },
  { "pulse", "M 1 5.5 L 4.5 5.5 L 6 1.5 L 8.5 9 L 10 5.5 L 15 5.5 S R 1.5 10.5 13 2 F R 1.5 13.5 8 2 F" },
  /* Processing */
  { "bolt", "M 9.5 1 L 3 9 L 7.5 9 L 6.5 15 L 13 7 L 8.5 7 Z F" },
  { "spark", "M 8 1 C 8.6 5.6 10.4 7.4 15 8 C 10.4 8.6 8.6 10.4 8 15 C 7.4 10.4 5.6 8.6 1 8 C 5.6 7.4 7.4 5.6 8 1 Z F" },
  { "microbatch", "M 5.5 3.5 C 5.9 6.5 7 7.6 10 8 C 7 8.4 5.9 9.5 5.5 12.5 C 5.1 9.5 4 8.4 1 8 C 4 7.6 5.1 6.5 5.5 3.5 Z R 12 2 3 3 R 12 6.5 3 3 R 12 11 3 3 F" },
  { "layers", "M 8 2 L 14.5 5 L 8 8 L 1.5 5 Z M 1.5 8.5 L 8 11.5 L 14.5 8.5 M 1.5 12 L 8 15 L 14.5 12 S" },
  /* A dataframe: a table whose index column is filled. */
  { "dataframe", "R 1.5 2.5 13 11 M 1.5 6.2 L 14.5 6.2 M 1.5 9.8 L 14.5 9.8 S R 1.5 2.5 4 11 F" },
  /* Columnar dataframes: three columns, each with its header. */
  { "columns", "R 1.5 5 3.5 9 R 6.25 5 3.5 9 R 11 5 3.5 9 S R 1.5 1.5 3.5 3 R 6.25 1.5 3.5 3 R 11 1.5 3.5 3 F" },
  /* An embedded database: a small cylinder inside its host. */
  { "embedded", "R 1.5 1.5 13 13 M 5 5.5 C 5 4.2 11 4.2 11 5.5 C 11 6.8 5 6.8 5 5.5 Z M 5 5.5 L 5 10.5 C 5 11.8 11 11.8 11 10.5 L 11 5.5 S" },
  /* Tasks in a graph. */
  { "graph", "M 4 4 L 12 8 M 4 12 L 12 8 M 4 4 L 4 12 S O 4 3.5 2.2 O 4 12.5 2.2 O 12.5 8 2.2 F" },
  /* Storage */
  { "lake", "M 1.5 5 C 3.5 3 5.5 3 7.5 5 C 9.5 7 11.5 7 14.5 5 M 1.5 9 C 3.5 7 5.5 7 7.5 9 C 9.5 11 11.5 11 14.5 9 M 1.5 13 C 3.5 11 5.5 11 7.5 13 C 9.5 15 11.5 15 14.5 13 S" },
  { "warehouse", "M 1.5 7 L 8 2 L 14.5 7 M 3 7 L 3 14 L 13 14 L 13 7 M 6 14 L 6 10 L 10 10 L 10 14 S" },
  /* A roof over a lake. */
  { "lakehouse", "M 1.5 7 L 8 1.5 L 14.5 7 M 1.5 10.5 C 3.5 8.5 5.5 8.5 8 10.5 C 10.5 12.5 12.5 12.5 14.5 10.5 M 1.5 14 C 3.5 12 5.5 12 8 14 C 10.5 16 12.5 16 14.5 14 S" },
  /* A hard disk: its platter in its case. */
  { "disk", "R 2 1.5 12 13 O 8 6.75 3.75 M 6.5 12 L 11.5 12 S O 8 6.75 1 O 4.5 12 0.9 F" },
  /* Serving: a key for a key-value store, an OLAP cube, search, a ring of nodes, a sum for
   * a store made for aggregations, an API. */
  { "key", "O 5 8 3.3 M 8.3 8 L 14.5 8 M 12.5 8 L 12.5 11.5 M 10 8 L 10 10.5 S" },
  { "cube", "M 8 1.5 L 14 4.5 L 14 11.5 L 8 14.5 L 2 11.5 L 2 4.5 Z M 2 4.5 L 8 7.5 L 14 4.5 M 8 7.5 L 8 14.5 S" },
  { "search", "O 6.75 6.75 4.75 M 10.2 10.2 L 14.5 14.5 S" },
  { "ring", "O 8 8 5.5 S O 8 2.5 1.5 F O 13.5 8 1.5 F O 8 13.5 1.5 F O 2.5 8 1.5 F" },
  { "sigma", "M 13 4 L 13 2 L 3 2 L 8.5 8 L 3 14 L 13 14 L 13 12 S" },
  { "api", "M 5 4 L 1.5 8 L 5 12 M 11 4 L 14.5 8 L 11 12 M 9.5 2.5 L 6.5 13.5 S" },
  /* Consumption */
  { "dashboard", "R 1.5 2.5 13 11 M 4 10.5 L 6.5 7.5 L 9 9.5 L 12 5.5 S" },
  { "pie", "O 8 8 6.5 S M 8 8 L 8 1.5 C 11.6 1.5 14.5 4.4 14.5 8 Z F" },
  { "notebook", "R 3 1.5 10 13 M 5.5 5 L 10.5 5 M 5.5 8 L 10.5 8 M 5.5 11 L 8.5 11 S" },
  /* Data going back where it came from. */
  { "return", "M 14.5 3.5 L 5.5 3.5 C 1 3.5 1 11 5.5 11 L 13 11 M 10 8 L 13 11 L 10 14 S" },
  { "brain", "O 5.75 8 4.25 O 10.25 8 4.25 S" },
  /* Platform */
  { "clock", "O 8 8 6.5 M 8 4 L 8 8 L 11 9.5 S" },
  { "check", "O 8 8 6.5 M 5 8.2 L 7.2 10.5 L 11 5.5 S" },
  { "eye", "M 1 8 C 4 3 12 3 15 8 C 12 13 4 13 1 8 Z S O 8 8 2.2 F" },
  { "schema", "R 1.5 1.5 6 4.5 R 8.5 10 6 4.5 M 4.5 6 L 4.5 12.25 L 8.5 12.25 S" },
  { "book", "M 1.5 3 C 4 2 6 2 8 3.5 C 10 2 12 2 14.5 3 L 14.5 13.5 C 12 12.5 10 12.5 8 14 C 6 12.5 4 12.5 1.5 13.5 Z M 8 3.5 L 8 14 S" },
  { "shield", "M 8 1.5 L 14 4 C 14 9 11.5 12.5 8 14.5 C 4.5 12.5 2 9 2 4 Z S" },
  /* Building blocks on a common base. */
  { "blocks", "R 3 6.5 4.5 4 R 8.5 6.5 4.5 4 R 5.75 1.5 4.5 4 S R 1 12 14 3 F" },
  /* A package: a box with its lid and a handle. */
  { "package", "R 2 6 12 8.5 M 6 9.5 L 10 9.5 S R 1 2 14 3.5 F" },
  /* Generic */
  { "server", "R 1.5 2 13 5 R 1.5 9 13 5 S O 4.5 4.5 0.9 O 4.5 11.5 0.9 F" },
  { "user", "O 8 5 3 M 2.5 14.5 C 2.5 9.5 13.5 9.5 13.5 14.5 S" },
  /* One way in, spread over several. */
  { "fanout", "M 4 8 L 7.5 8 L 11.5 3 M 7.5 8 L 12 8 M 7.5 8 L 11.5 13 S O 2.5 8 2 O 13 3 1.8 O 13.5 8 1.8 O 13 13 1.8 F" },
  { "queue", "R 1.5 4.5 3.5 7 F R 6.25 4.5 3.5 7 F R 11 4.5 3.5 7 F" },
  { "cache", "R 3.5 3.5 9 9 M 6 1.5 L 6 3.5 M 10 1.5 L 10 3.5 M 6 12.5 L 6 14.5 M 10 12.5 L 10 14.5 M 1.5 6 L 3.5 6 M 1.5 10 L 3.5 10 M 12.5 6 L 14.5 6 M 12.5 10 L 14.5 10 S R 6 6 4 4 F" },
  { "database", "M 3 4 C 3 2.3 13 2.3 13 4 C 13 5.7 3 5.7 3 4 Z M 3 4 L 3 12 C 3 13.7 13 13.7 13 12 L 13 4 M 3 8 C 3 9.7 13 9.7 13 8 S" },
  { "bucket", "M 2.5 4 L 4 14.5 L 12 14.5 L 13.5 4 M 1.5 4 L 14.5 4 S" },
  { "gear", "O 8 8 4.5 M 8 1.5 L 8 3.5 M 8 12.5 L 8 14.5 M 1.5 8 L 3.5 8 M 12.5 8 L 14.5 8 M 3.4 3.4 L 4.8 4.8 M 11.2 11.2 L 12.6 12.6 M 3.4 12.6 L 4.8 11.2 M 11.2 4.8 L 12.6 3.4 S O 8 8 1.8 F" },
  /* Runs for ever. */
  { "loop", "M 8 8 C 6 4.5 1.5 4.5 1.5 8 C 1.5 11.5 6 11.5 8 8 C 10 4.5 14.5 4.5 14.5 8 C 14.5 11.5 10 11.5 8 8 Z S" },
  { "external", "M 9 1.5 L 14.5 1.5 L 14.5 7 M 14.5 1.5 L 7 9 M 12 10 L 12 14.5 L 1.5 14.5 L 1.5 4 L 6 4 S" },
  /* A kind this version does not know: a box with a question mark. */
  { "unknown", "R 1.5 1.5 13 13 M 5.5 6 C 5.5 2.8 10.5 2.8 10.5 6 C 10.5 8.2 8 8 8 10.5 S O 8 12.5 1 F" },
  /* Badges */
  { "cross", "M 4 4 L 12 12 M 12 4 L 4 12 S" },
  { "balance", "M 8 2 L 8 14.5 M 4.5 14.5 L 11.5 14.5 M 2 4.5 L 14 4.5 M 3.5 4.5 L 1.5 9.5 C 2.5 11 4.5 11 5.5 9.5 Z M 12.5 4.5 L 10.5 9.5 C 11.5 11 13.5 11 14.5 9.5 Z S" },
};

/* Painters */

typedef struct
{
  Painter     painter;
  cairo_t    *cr;
  /* (nullable): on a vector surface (PDF, PostScript), what looks the same in many places
   * (a component's card) is drawn once into a recording surface, which cairo writes once and
   * places wherever it is painted: a form's key → its recording. */
  GHashTable *forms;
  gboolean    text_colour_glyphs;  /* on a PDF: see show_colour_text() */
} CairoPainter;

static void
cp_move_to (Painter *p, double x, double y)
{
  cairo_move_to (((CairoPainter *) p)->cr, x, y);
}

static void
cp_line_to (Painter *p, double x, double y)
{
  cairo_line_to (((CairoPainter *) p)->cr, x, y);
}

static void
cp_curve_to (Painter *p, double x1, double y1, double x2, double y2, double x, double y)
{
  cairo_curve_to (((CairoPainter *) p)->cr, x1, y1, x2, y2, x, y);
}

static void
cp_close_path (Painter *p)
{
  cairo_close_path (((CairoPainter *) p)->cr);
}

static void
cp_circle (Painter *p, double cx, double cy, double r)
{
  cairo_t *cr = ((CairoPainter *) p)->cr;

  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_close_path (cr);
}

static void
cp_rounded_rect (Painter *p, double x, double y, double w, double h, double r)
{
  cairo_t *cr = ((CairoPainter *) p)->cr;

  r = MIN (r, MIN (w, h) / 2);
  if (r <= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
cp_fill (Painter *p, const Color *color, gboolean preserve)
{
  cairo_t *cr = ((CairoPainter *) p)->cr;

  /* What would not show is not drawn: a PDF would carry it all the same. */
  if (color->a <= 0)
    {
      if (!preserve)
        cairo_new_path (cr);
      return;
    }
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
  if (preserve)
    cairo_fill_preserve (cr);
  else
    cairo_fill (cr);
}

static void
cp_stroke (Painter *p, const Color *color, double width, const double *dash, int n_dash)
{
  cairo_t *cr = ((CairoPainter *) p)->cr;

  if (color->a <= 0 || width <= 0)
    {
      cairo_new_path (cr);
      return;
    }
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, n_dash > 0 || p->coarse ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, p->coarse ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dash, n_dash, n_dash > 0 ? p->dash_offset : 0);
  if (p->coarse)
    {
      cairo_antialias_t antialias = cairo_get_antialias (cr);

      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      cairo_stroke (cr);
      cairo_set_antialias (cr, antialias);
    }
  else
    cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Whether @font's glyphs are colour pictures (as emoji are) rather than outlines. */
static gboolean
is_colour_font (PangoFont *font)
{
  hb_font_t *hb_font = pango_font_get_hb_font (font);

  return hb_font != NULL && hb_ot_color_has_png (hb_font_get_face (hb_font));
}

/* cairo before 1.18 paints colour glyphs (emoji) as pictures, without the text they stand for,
 * so that a PDF reader would neither find nor copy them. Over each such cluster this shows a
 * period of the layout's own font, faint enough that no one sees it (cairo drops what is fully
 * transparent, and a blank glyph), that stands for the cluster's text: cairo writes it as text
 * that readers extract, in the font's ToUnicode map or an /ActualText span.
 */
static void
show_colour_text (cairo_t     *cr,
                  PangoLayout *layout,
                  double       x,
                  double       y)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoFont *base = NULL;
  hb_codepoint_t period = 0;

  do
    {
      PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
      PangoGlyphItemIter cluster;
      PangoRectangle logical;
      double baseline;
      gboolean more;

      if (run == NULL || !is_colour_font (run->item->analysis.font))
        continue;

      if (base == NULL)
        {
          PangoFontDescription *description = pango_font_describe (run->item->analysis.font);

          /* The layout's own face, which has outlines. */
          pango_font_description_set_family_static (description, FONT_FAMILY);
          base = pango_context_load_font (pango_layout_get_context (layout), description);
          pango_font_description_free (description);
          if (base == NULL ||
              !hb_font_get_nominal_glyph (pango_font_get_hb_font (base), '.', &period))
            break;
        }

      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      baseline = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      cairo_set_scaled_font (cr, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (base)));
      cairo_set_source_rgba (cr, 0, 0, 0, 0.01);
      for (more = pango_glyph_item_iter_init_start (&cluster, run, text); more;
           more = pango_glyph_item_iter_next_cluster (&cluster))
        {
          int first = MIN (cluster.start_glyph, cluster.end_glyph + 1);
          int offset = logical.x;
          cairo_glyph_t glyph;
          cairo_text_cluster_t mapping = { cluster.end_index - cluster.start_index, 1 };

          for (int g = 0; g < first; g++)
            offset += run->glyphs->glyphs[g].geometry.width;
          glyph = (cairo_glyph_t) { period, x + (double) offset / PANGO_SCALE, baseline };
          cairo_show_text_glyphs (cr, text + cluster.start_index, mapping.num_bytes,
                                  &glyph, 1, &mapping, 1, 0);
        }
    }
  while (pango_layout_iter_next_run (iter));

  g_clear_object (&base);
  pango_layout_iter_free (iter);
}

static void
cp_text (Painter *p, PangoLayout *layout, double x, double y, const Color *color)
{
  CairoPainter *cp = (CairoPainter *) p;
  cairo_t *cr = cp->cr;

  if (color->a <= 0)
    return;
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  if (cp->text_colour_glyphs)
    show_colour_text (cr, layout, x, y);
  cairo_new_path (cr);
}

static void
cp_begin_item (Painter *p, const char *id, const char *title)
{
}

static void
cp_end_item (Painter *p)
{
}

static void
cairo_painter_init (CairoPainter *cp,
                    cairo_t      *cr)
{
  *cp = (CairoPainter) {
    {
      cp_move_to, cp_line_to, cp_curve_to, cp_close_path, cp_circle, cp_rounded_rect,
      cp_fill, cp_stroke, cp_text, cp_begin_item, cp_end_item, FALSE, FALSE,
    },
    cr,
  };
}

static gboolean
cp_form (Painter       *p,
         const char    *key,
         double         x,
         double         y,
         double         w,
         double         h,
         double         margin,
         PaintFunc      paint,
         gconstpointer  data)
{
  CairoPainter *cp = (CairoPainter *) p;
  cairo_surface_t *form = g_hash_table_lookup (cp->forms, key);

  if (form == NULL)
    {
      cairo_rectangle_t extents = { -margin, -margin, w + 2 * margin, h + 2 * margin };
      CairoPainter inner;
      cairo_t *cr;

      form = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cr = cairo_create (form);
      cairo_painter_init (&inner, cr);
      inner.text_colour_glyphs = cp->text_colour_glyphs;
      paint (&inner.painter, data, 0, 0);
      cairo_destroy (cr);
      g_hash_table_insert (cp->forms, g_strdup (key), form);
    }

  cairo_set_source_surface (cp->cr, form, x, y);
  cairo_paint (cp->cr);

  return TRUE;
}

/* A painter for @cr, which on a vector surface draws forms once. */
static void
cairo_painter_init_for_target (CairoPainter *cp,
                               cairo_t      *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  cairo_painter_init (cp, cr);
  /* An image surface would replay a recording wherever it is placed: no faster than drawing. */
  if (type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_PS)
    {
      cp->painter.form = cp_form;
      cp->text_colour_glyphs = cairo_version () < CAIRO_VERSION_ENCODE (1, 18, 0);
      cp->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) cairo_surface_destroy);
    }
}

typedef struct
{
  Painter               painter;
  GString              *out;
  GString              *d;
  PlanoRenderFlushFunc  flush;       /* (nullable): takes the document so far, past a chunk */
  gpointer              flush_data;
  /* The path, when it is one rounded rectangle: written as a <rect>. */
  gboolean              is_rect;
  double                rect[5];     /* x, y, w, h, r */
  /* A fill that keeps its path, waiting to see whether a stroke of it follows: the two are
   * then one element, as SVG paints an element's stroke over its fill. */
  gboolean              has_pending_fill;
  Color                 pending_fill;
  /* Glyphs, each drawn once in <defs> at each size and colour, and placed with <use>. */
  GHashTable           *glyph_ids;   /* "glyph size colour" → its number + 1 */
  GString              *defs;        /* NULL while drawing into the defs */
} SvgPainter;

/* Streaming: what is written so far goes, and writing goes on in the buffer given back. */
#define SVG_CHUNK (256 * 1024)

static void
sp_maybe_flush (SvgPainter *sp)
{
  if (sp->flush != NULL && sp->out->len >= SVG_CHUNK)
    sp->out = sp->flush (sp->out, sp->flush_data);
}

void
plano_render_append_number (GString *s,
                            double   v)
{
  char buffer[32];
  char *p = buffer + sizeof buffer;
  gint64 hundredths;
  gboolean negative;

  /* Two decimals at most, without trailing zeros: "12.5", "3", "-0.25". Written by hand: it is
   * called for every coordinate of an export, and printf's float formatting is slow.
   */
  if (!isfinite (v) || fabs (v) > 1e15)
    v = 0;
  hundredths = (gint64) llround (v * 100);
  negative = hundredths < 0;
  if (negative)
    hundredths = -hundredths;

  if (hundredths % 100 != 0)
    {
      int frac = hundredths % 100;

      if (frac % 10 != 0)
        *--p = '0' + frac % 10;
      *--p = '0' + frac / 10;
      *--p = '.';
    }
  hundredths /= 100;
  do
    {
      *--p = '0' + hundredths % 10;
      hundredths /= 10;
    }
  while (hundredths > 0);
  if (negative)
    *--p = '-';

  g_string_append_len (s, p, buffer + sizeof buffer - p);
}

static void
svg_point (GString    *s,
           const char *command,
           double      x,
           double      y)
{
  g_string_append (s, command);
  plano_render_append_number (s, x);
  g_string_append_c (s, ' ');
  plano_render_append_number (s, y);
}

static void
svg_color (GString     *s,
           const char  *attribute,
           const Color *c)
{
  static const char hex[] = "0123456789abcdef";
  int channels[3] = { (int) round (c->r * 255), (int) round (c->g * 255), (int) round (c->b * 255) };

  /* By hand: this runs several times for every item of the board. */
  g_string_append_c (s, ' ');
  g_string_append (s, attribute);
  g_string_append (s, "=\"#");
  for (guint i = 0; i < 3; i++)
    {
      int v = CLAMP (channels[i], 0, 255);

      g_string_append_c (s, hex[v >> 4]);
      g_string_append_c (s, hex[v & 0xf]);
    }
  g_string_append_c (s, '"');
  if (c->a < 1)
    {
      g_string_append_c (s, ' ');
      g_string_append (s, attribute);
      g_string_append (s, "-opacity=\"");
      plano_render_append_number (s, c->a);
      g_string_append_c (s, '"');
    }
}

static void
svg_escape (GString    *s,
            const char *text,
            gssize      length)
{
  plano_xml_append_escaped (s, text, length);
}

static void
svg_rounded_rect (GString *d,
                  double   x,
                  double   y,
                  double   w,
                  double   h,
                  double   r)
{
  if (r <= 0)
    {
      svg_point (d, "M", x, y);
      svg_point (d, "L", x + w, y);
      svg_point (d, "L", x + w, y + h);
      svg_point (d, "L", x, y + h);
      g_string_append_c (d, 'Z');
      return;
    }
  svg_point (d, "M", x + r, y);
  svg_point (d, "L", x + w - r, y);
  svg_point (d, "Q", x + w, y);
  svg_point (d, " ", x + w, y + r);
  svg_point (d, "L", x + w, y + h - r);
  svg_point (d, "Q", x + w, y + h);
  svg_point (d, " ", x + w - r, y + h);
  svg_point (d, "L", x + r, y + h);
  svg_point (d, "Q", x, y + h);
  svg_point (d, " ", x, y + h - r);
  svg_point (d, "L", x, y + r);
  svg_point (d, "Q", x, y);
  svg_point (d, " ", x + r, y);
  g_string_append_c (d, 'Z');
}

/* The rounded rectangle kept for a <rect>, as a path after all: more is added to it. */
static void
sp_materialize_rect (SvgPainter *sp)
{
  if (!sp->is_rect)
    return;
  sp->is_rect = FALSE;
  svg_rounded_rect (sp->d, sp->rect[0], sp->rect[1], sp->rect[2], sp->rect[3], sp->rect[4]);
}

/* The path as an element's start: "<rect …" or "<path d=…", its attributes to follow. */
static void
sp_shape (SvgPainter *sp)
{
  GString *out = sp->out;

  if (!sp->is_rect)
    {
      g_string_append (out, "<path d=\"");
      g_string_append_len (out, sp->d->str, sp->d->len);
      g_string_append_c (out, '"');
      return;
    }
  g_string_append (out, "<rect x=\"");
  plano_render_append_number (out, sp->rect[0]);
  g_string_append (out, "\" y=\"");
  plano_render_append_number (out, sp->rect[1]);
  g_string_append (out, "\" width=\"");
  plano_render_append_number (out, sp->rect[2]);
  g_string_append (out, "\" height=\"");
  plano_render_append_number (out, sp->rect[3]);
  g_string_append_c (out, '"');
  if (sp->rect[4] > 0)
    {
      g_string_append (out, " rx=\"");
      plano_render_append_number (out, sp->rect[4]);
      g_string_append_c (out, '"');
    }
}

/* A fill kept for a stroke that did not come: it is its own element. */
static void
sp_write_pending_fill (SvgPainter *sp)
{
  if (!sp->has_pending_fill)
    return;
  sp->has_pending_fill = FALSE;
  sp_shape (sp);
  svg_color (sp->out, "fill", &sp->pending_fill);
  g_string_append (sp->out, "/>\n");
  sp_maybe_flush (sp);
}

/* Before the path grows: what waits is written, and a kept rectangle becomes a path. */
static GString *
sp_path (Painter *p)
{
  SvgPainter *sp = (SvgPainter *) p;

  sp_write_pending_fill (sp);
  sp_materialize_rect (sp);
  return sp->d;
}

static void
sp_move_to (Painter *p, double x, double y)
{
  svg_point (sp_path (p), "M", x, y);
}

static void
sp_line_to (Painter *p, double x, double y)
{
  svg_point (sp_path (p), "L", x, y);
}

static void
sp_curve_to (Painter *p, double x1, double y1, double x2, double y2, double x, double y)
{
  GString *d = sp_path (p);

  svg_point (d, "C", x1, y1);
  svg_point (d, " ", x2, y2);
  svg_point (d, " ", x, y);
}

static void
sp_close_path (Painter *p)
{
  g_string_append_c (sp_path (p), 'Z');
}

static void
sp_circle (Painter *p, double cx, double cy, double r)
{
  GString *d = sp_path (p);

  svg_point (d, "M", cx + r, cy);
  g_string_append (d, "A");
  plano_render_append_number (d, r);
  g_string_append_c (d, ' ');
  plano_render_append_number (d, r);
  svg_point (d, " 0 1 0 ", cx - r, cy);
  g_string_append (d, "A");
  plano_render_append_number (d, r);
  g_string_append_c (d, ' ');
  plano_render_append_number (d, r);
  svg_point (d, " 0 1 0 ", cx + r, cy);
  g_string_append_c (d, 'Z');
}

static void
sp_rounded_rect (Painter *p, double x, double y, double w, double h, double r)
{
  SvgPainter *sp = (SvgPainter *) p;
  GString *d = sp_path (p);

  r = MIN (r, MIN (w, h) / 2);
  if (d->len == 0)
    {
      sp->is_rect = TRUE;
      sp->rect[0] = x, sp->rect[1] = y, sp->rect[2] = w, sp->rect[3] = h, sp->rect[4] = MAX (r, 0);
      return;
    }
  svg_rounded_rect (d, x, y, w, h, r);
}

static void
sp_fill (Painter *p, const Color *color, gboolean preserve)
{
  SvgPainter *sp = (SvgPainter *) p;

  sp_write_pending_fill (sp);
  if (preserve)
    {
      sp->has_pending_fill = TRUE;
      sp->pending_fill = *color;
      return;
    }

  sp_shape (sp);
  svg_color (sp->out, "fill", color);
  g_string_append (sp->out, "/>\n");

  g_string_truncate (sp->d, 0);
  sp->is_rect = FALSE;
  sp_maybe_flush (sp);
}

static void
sp_stroke (Painter *p, const Color *color, double width, const double *dash, int n_dash)
{
  SvgPainter *sp = (SvgPainter *) p;

  sp_shape (sp);
  if (sp->has_pending_fill)
    svg_color (sp->out, "fill", &sp->pending_fill);
  else
    g_string_append (sp->out, " fill=\"none\"");
  sp->has_pending_fill = FALSE;
  svg_color (sp->out, "stroke", color);
  g_string_append (sp->out, " stroke-width=\"");
  plano_render_append_number (sp->out, width);
  g_string_append (sp->out, n_dash > 0 ? "\" stroke-linejoin=\"round\" stroke-linecap=\"butt\""
                                        : "\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
  if (n_dash > 0)
    {
      g_string_append (sp->out, " stroke-dasharray=\"");
      for (int i = 0; i < n_dash; i++)
        {
          if (i > 0)
            g_string_append_c (sp->out, ' ');
          plano_render_append_number (sp->out, dash[i]);
        }
      g_string_append_c (sp->out, '"');
      if (p->dash_offset != 0)
        {
          g_string_append (sp->out, " stroke-dashoffset=\"");
          plano_render_append_number (sp->out, p->dash_offset);
          g_string_append_c (sp->out, '"');
        }
    }
  g_string_append (sp->out, "/>\n");

  g_string_truncate (sp->d, 0);
  sp->is_rect = FALSE;
  sp_maybe_flush (sp);
}

/* The visible text of a layout line: an ellipsized last line is cut where pango cut it. */
static char *
line_text (PangoLayout     *layout,
           PangoLayoutLine *line,
           gboolean         last)
{
  const char *text = pango_layout_get_text (layout);
  g_autofree char *whole = g_strndup (text + line->start_index, line->length);
  g_autoptr(PangoLayout) probe = NULL;
  g_autofree char *best = NULL;
  int width = pango_layout_get_width (layout);
  glong n_chars;

  g_strchomp (whole);

  if (!last || !pango_layout_is_ellipsized (layout) || width < 0)
    return g_steal_pointer (&whole);

  /* Pango marks the run that stands for the text it left out: the line is the text of the
   * other runs with an ellipsis in its place. */
  {
    g_autoptr(GString) shown = g_string_new (NULL);
    gboolean elided = FALSE;

    for (GSList *l = line->runs; l != NULL; l = l->next)
      {
        const PangoGlyphItem *run = l->data;

        if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
          {
            g_strchomp (shown->str);
            g_string_truncate (shown, strlen (shown->str));
            g_string_append (shown, "…");
            elided = TRUE;
          }
        else
          g_string_append_len (shown, text + run->item->offset, run->item->length);
      }

    if (elided)
      return g_string_free (g_steal_pointer (&shown), FALSE);
  }

  /* Pango does not say which characters the ellipsis replaced; measure until it fits. */
  probe = pango_layout_copy (layout);
  pango_layout_set_width (probe, -1);
  pango_layout_set_height (probe, -1);
  pango_layout_set_ellipsize (probe, PANGO_ELLIPSIZE_NONE);

  /* The longest start of the line that fits with the ellipsis after it: a start is never
   * narrower than a shorter one, so a binary search finds it in a few measurements. */
  n_chars = g_utf8_strlen (whole, -1);
  for (glong low = 1, high = n_chars; low <= high;)
    {
      glong n = low + (high - low) / 2;
      g_autofree char *cut = g_utf8_substring (whole, 0, n);
      g_autofree char *candidate = g_strconcat (g_strchomp (cut), "…", NULL);
      int w;

      pango_layout_set_text (probe, candidate, -1);
      pango_layout_get_size (probe, &w, NULL);
      if (w <= width)
        {
          g_free (best);
          best = g_steal_pointer (&candidate);
          low = n + 1;
        }
      else
        high = n - 1;
    }

  return best != NULL ? g_steal_pointer (&best) : g_strdup ("…");
}

/* Text as <text>, a <tspan> a line. Each line carries textLength, its width as laid out here,
 * with lengthAdjust="spacingAndGlyphs": a reader without Cantarell (Windows, macOS, a notes app)
 * fits its own face to that width, as Chromium, Firefox and Inkscape do. librsvg does not honour
 * textLength (2.54 measured); for it and others like it, the text is also clipped to its box,
 * with a little room, by a nested <svg> viewport: a wider face is cut at the box rather than
 * crossing a card's border or spilling out of a label's pill. */
static void
sp_text (Painter *p, PangoLayout *layout, double x, double y, const Color *color)
{
  SvgPainter *sp = (SvgPainter *) p;
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
  int n_lines = pango_layout_get_line_count (layout);
  int index = 0;
  PangoAlignment alignment = pango_layout_get_alignment (layout);
  PangoRectangle extents;
  double clip[4];

  sp_write_pending_fill (sp);

  pango_layout_get_extents (layout, NULL, &extents);
  clip[0] = x + MIN (extents.x, 0) / (double) PANGO_SCALE - 4;
  clip[1] = y + extents.y / (double) PANGO_SCALE - 4;
  clip[2] = MAX (extents.x + extents.width, pango_layout_get_width (layout)) / (double) PANGO_SCALE
            - MIN (extents.x, 0) / (double) PANGO_SCALE + 8;
  clip[3] = extents.height / (double) PANGO_SCALE + 8;
  g_string_append (sp->out, "<svg x=\"");
  plano_render_append_number (sp->out, clip[0]);
  g_string_append (sp->out, "\" y=\"");
  plano_render_append_number (sp->out, clip[1]);
  g_string_append (sp->out, "\" width=\"");
  plano_render_append_number (sp->out, clip[2]);
  g_string_append (sp->out, "\" height=\"");
  plano_render_append_number (sp->out, clip[3]);
  g_string_append (sp->out, "\" viewBox=\"");
  for (guint i = 0; i < 4; i++)
    {
      if (i > 0)
        g_string_append_c (sp->out, ' ');
      plano_render_append_number (sp->out, clip[i]);
    }
  g_string_append (sp->out, "\" overflow=\"hidden\">");

  g_string_append (sp->out, "<text font-family=\"" SVG_FONTS "\" font-size=\"");
  plano_render_append_number (sp->out, pango_font_description_get_size (desc) / (double) PANGO_SCALE);
  g_string_append_c (sp->out, '"');
  if (pango_font_description_get_weight (desc) >= PANGO_WEIGHT_BOLD)
    g_string_append (sp->out, " font-weight=\"bold\"");
  svg_color (sp->out, "fill", color);
  g_string_append (sp->out, ">");

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      g_autofree char *text = NULL;
      double baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      double lx;

      /* Lines past the layout's height limit are not shown. */
      if (line->length == 0 && index > 0)
        {
          index++;
          continue;
        }

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      text = line_text (layout, line, index == n_lines - 1);
      lx = x + logical.x / (double) PANGO_SCALE;
      index++;
      if (text[0] == '\0')
        continue;

      g_string_append (sp->out, "<tspan x=\"");
      if (alignment == PANGO_ALIGN_CENTER)
        plano_render_append_number (sp->out, lx + logical.width / (2.0 * PANGO_SCALE));
      else
        plano_render_append_number (sp->out, lx);
      g_string_append (sp->out, "\" y=\"");
      plano_render_append_number (sp->out, y + baseline);
      g_string_append_c (sp->out, '"');
      if (alignment == PANGO_ALIGN_CENTER)
        g_string_append (sp->out, " text-anchor=\"middle\"");
      if (logical.width > 0)
        {
          g_string_append (sp->out, " textLength=\"");
          plano_render_append_number (sp->out, logical.width / (double) PANGO_SCALE);
          g_string_append (sp->out, "\" lengthAdjust=\"spacingAndGlyphs\"");
        }
      g_string_append_c (sp->out, '>');
      svg_escape (sp->out, text, -1);
      g_string_append (sp->out, "</tspan>");
    }
  while (pango_layout_iter_next_line (iter));

  g_string_append (sp->out, "</text></svg>\n");
}

static void
sp_begin_item (Painter *p, const char *id, const char *title)
{
  SvgPainter *sp = (SvgPainter *) p;

  sp_write_pending_fill (sp);
  g_string_append (sp->out, "<g id=\"");
  svg_escape (sp->out, id, -1);
  g_string_append (sp->out, "\">\n");
  if (title != NULL)
    {
      g_string_append (sp->out, "<title>");
      svg_escape (sp->out, title, -1);
      g_string_append (sp->out, "</title>\n");
    }
}

static void
sp_end_item (Painter *p)
{
  sp_write_pending_fill ((SvgPainter *) p);
  g_string_append (((SvgPainter *) p)->out, "</g>\n");
  sp_maybe_flush ((SvgPainter *) p);
}

/* A component's icon: a <use> of the glyph drawn once in <defs> at that size and colour. Its
 * id has a middle dot, which an item's id cannot have. */
static gboolean
sp_glyph (Painter     *p,
          const char  *glyph,
          double       x,
          double       y,
          double       size,
          const Color *color)
{
  SvgPainter *sp = (SvgPainter *) p;
  g_autofree char *key = NULL;
  guint number;

  sp_write_pending_fill (sp);
  if (sp->defs == NULL || sp->d->len > 0 || sp->is_rect)
    return FALSE;

  key = g_strdup_printf ("%s %ld %ld %ld %ld %ld", glyph, lround (size * 100),
                         lround (color->r * 255), lround (color->g * 255), lround (color->b * 255),
                         lround (color->a * 100));
  number = GPOINTER_TO_UINT (g_hash_table_lookup (sp->glyph_ids, key));
  if (number == 0)
    {
      SvgPainter inner = *sp;

      number = g_hash_table_size (sp->glyph_ids) + 1;
      g_string_append_printf (sp->defs, "<g id=\"glyph·%u\">\n", number - 1);
      inner.out = sp->defs;
      inner.d = g_string_new (NULL);
      inner.flush = NULL;
      inner.defs = NULL;
      plano_render_glyph (&inner.painter, glyph, 0, 0, size, color);
      sp_write_pending_fill (&inner);
      g_string_free (inner.d, TRUE);
      g_string_append (sp->defs, "</g>\n");
      g_hash_table_insert (sp->glyph_ids, g_steal_pointer (&key), GUINT_TO_POINTER (number));
    }

  g_string_append_printf (sp->out, "<use xlink:href=\"#glyph·%u\" x=\"", number - 1);
  plano_render_append_number (sp->out, x);
  g_string_append (sp->out, "\" y=\"");
  plano_render_append_number (sp->out, y);
  g_string_append (sp->out, "\"/>\n");
  sp_maybe_flush (sp);
  return TRUE;
}

static void
svg_painter_init (SvgPainter           *sp,
                  GString              *out,
                  PlanoRenderFlushFunc  flush,
                  gpointer              flush_data)
{
  *sp = (SvgPainter) {
    {
      sp_move_to, sp_line_to, sp_curve_to, sp_close_path, sp_circle, sp_rounded_rect,
      sp_fill, sp_stroke, sp_text, sp_begin_item, sp_end_item, TRUE, FALSE, 0, sp_glyph,
    },
    out,
    g_string_new (NULL),
    flush,
    flush_data,
  };
  sp->glyph_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sp->defs = g_string_new (NULL);
}

/* A glyph program's steps, parsed once: programs run for every component drawn. */
typedef struct
{
  char   command;
  double args[6];
} GlyphOp;

typedef struct
{
  GlyphOp *ops;
  guint    n_ops;
} GlyphProgram;

static GlyphProgram
parse_glyph (const char *program)
{
  g_auto(GStrv) tokens = g_strsplit (program, " ", -1);
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (GlyphOp));
  GlyphProgram parsed;

  for (guint i = 0; tokens[i] != NULL;)
    {
      GlyphOp op = { tokens[i][0], { 0, } };
      guint n_args;

      switch (op.command)
        {
        case 'M': case 'L': n_args = 2; break;
        case 'C': n_args = 6; break;
        case 'O': n_args = 3; break;
        case 'R': n_args = 4; break;
        case 'Z': case 'F': case 'S': n_args = 0; break;
        default: g_assert_not_reached ();
        }

      for (guint a = 0; a < n_args; a++)
        op.args[a] = g_ascii_strtod (tokens[i + 1 + a], NULL);
      g_array_append_val (ops, op);
      i += 1 + n_args;
    }

  parsed.n_ops = ops->len;
  parsed.ops = (GlyphOp *) g_array_free (ops, FALSE);

  return parsed;
}

/* Every glyph's program parsed, the fallback last; read-only once made, so any thread may
 * draw with it. */
static const GlyphProgram *
glyph_program (const char *glyph)
{
  static GlyphProgram *programs;
  static GHashTable *by_id;

  if (g_once_init_enter (&programs))
    {
      GlyphProgram *parsed = g_new (GlyphProgram, G_N_ELEMENTS (glyphs) + 1);

      by_id = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint g = 0; g < G_N_ELEMENTS (glyphs); g++)
        {
          parsed[g] = parse_glyph (glyphs[g].program);
          g_hash_table_insert (by_id, (gpointer) glyphs[g].id, &parsed[g]);
        }
      parsed[G_N_ELEMENTS (glyphs)] = parse_glyph ("O 8 8 5 S");
      g_once_init_leave (&programs, parsed);
    }

  if (glyph != NULL)
    {
      const GlyphProgram *found = g_hash_table_lookup (by_id, glyph);

      if (found != NULL)
        return found;
    }

  return &programs[G_N_ELEMENTS (glyphs)];
}

/* Runs a glyph program scaled into the box at @x, @y of @size. */
void
plano_render_glyph (Painter     *p,
                    const char  *glyph,
                    double       x,
                    double       y,
                    double       size,
                    const Color *color)
{
  const GlyphProgram *program = glyph_program (glyph);
  double k = size / 16.0;

#define PX(v) (x + (v) * k)
#define PY(v) (y + (v) * k)

  for (guint i = 0; i < program->n_ops; i++)
    {
      const double *a = program->ops[i].args;

      switch (program->ops[i].command)
        {
        case 'M':
          p->move_to (p, PX (a[0]), PY (a[1]));
          break;
        case 'L':
          p->line_to (p, PX (a[0]), PY (a[1]));
          break;
        case 'C':
          p->curve_to (p, PX (a[0]), PY (a[1]), PX (a[2]), PY (a[3]), PX (a[4]), PY (a[5]));
          break;
        case 'Z':
          p->close_path (p);
          break;
        case 'O':
          p->circle (p, PX (a[0]), PY (a[1]), a[2] * k);
          break;
        case 'R':
          p->rounded_rect (p, PX (a[0]), PY (a[1]), a[2] * k, a[3] * k, 0.75 * k);
          break;
        case 'F':
          p->fill (p, color, FALSE);
          break;
        case 'S':
          p->stroke (p, color, 1.5 * k, NULL, 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }

#undef PX
#undef PY
}

static void
paint_glyph (Painter     *p,
             const char  *glyph,
             double       x,
             double       y,
             double       size,
             const Color *color)
{
  if (p->glyph == NULL || !p->glyph (p, glyph, x, y, size, color))
    plano_render_glyph (p, glyph, x, y, size, color);
}

/* The renderer */

typedef struct
{
  PangoLayout *title;
  PangoLayout *subtitle;
  double       height;   /* nodes: the card's height as drawn, grown to fit the text */
} ItemText;

/* An item as laid out: what the index gives for its box, so that drawing and picking need no
 * lookups. Its text is laid out the first time it is drawn large enough to read.
 */
typedef struct
{
  const PlanoItem *item;     /* the board's struct for it, updated when the item changes */
  PlanoItemType    type;     /* the item's, kept here: the overview reads it for every shape */
  guint            n_points;
  PlanoPoint       ends[2];  /* an edge's first and last points, which are all the overview draws of a straight one */
  GArray          *points;   /* edges: the polyline, from border to border; a curve's, flattened */
  GArray          *curve;    /* curved edges: the Bézier segments that are painted */
  char            *end_ids[2]; /* edges: the ids of the items it joined when laid out, which tell
                                * whose ports to spread again once it is gone */
  ItemText        *text;     /* NULL until needed */
  PlanoRect        bounds;   /* nodes, zones and notes: the box as drawn (a node's grows to fit
                              * its label) */
  PlanoRect        box;      /* what the index holds: room for everything it may draw */
  PlanoRect        tight;    /* edges: the same without the room for a label */
  guint            klass;    /* how the overview paints it: an edge's style, a node's category */
  gboolean         down;     /* a node marked down in the failure drill */
  gboolean         labelled; /* an edge with a label; kept here because the item may be gone
                              * when the shape's old place is damaged */
} Shape;

struct _PlanoRenderer
{
  GObject       parent_instance;

  PlanoBoard   *board;
  gulong        changed_handler;
  PangoContext *pango;
  PlanoIndex   *index;
  GHashTable   *shapes;      /* id → Shape, for the items that are drawn */
  GHashTable   *layouts;     /* "size|bold|width|height|text" → PangoLayout, shared by items */
  GHashTable   *badges;      /* target id → number of trade-offs */
  guint         n_board_tradeoffs;
  GHashTable   *stale;       /* ids downstream of a component marked down; NULL: recompute */
  GHashTable   *positions;   /* id → 1 + its place among the items of its type; NULL: recompute */
  GHashTable   *links;       /* node or zone id → GPtrArray of the ids of edges that may end
                              * there (some may have moved away since); NULL: recompute */
  guint         n_links;     /* entries in links, to know when stale ones pile up */
  PlanoIndex   *routes;      /* edge id → the area its orthogonal route was found in, for the
                              * edges routed around components: a component that moves into or
                              * out of that area routes them again */
  PlanoRoute    default_route; /* the board's routing style, for edges without their own */
  guint         n_down;      /* nodes marked down */
  GArray       *damage;      /* of PlanoRect: what the change being handled makes look
                              * different; NULL outside PlanoBoard::changed */
};

G_DEFINE_FINAL_TYPE (PlanoRenderer, plano_renderer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

enum {
  DAMAGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
item_text_free (ItemText *text)
{
  g_clear_object (&text->title);
  g_clear_object (&text->subtitle);
  g_free (text);
}

static void
shape_free (Shape *shape)
{
  g_clear_pointer (&shape->points, g_array_unref);
  g_clear_pointer (&shape->curve, g_array_unref);
  g_clear_pointer (&shape->text, item_text_free);
  g_free (shape->end_ids[0]);
  g_free (shape->end_ids[1]);
  g_free (shape);
}

/* Lines break between words, so that a word that fits on a line is never cut in two. Only a
 * word longer than a whole line is broken, where Pango breaks it, with a hyphen. Pango's
 * PANGO_WRAP_WORD_CHAR alone would also break a word at the end of any line ("Observabilida-de")
 * rather than move it to the next. Call again after changing the layout's width or height.
 */
static void
set_wrap (PangoLayout *layout)
{
  int width = pango_layout_get_width (layout);
  int natural;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  if (width < 0)
    return;
  pango_layout_get_size (layout, &natural, NULL);
  if (natural > width)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
}

static PangoLayout *
new_layout (PlanoRenderer *self,
            const char    *text,
            double         size,
            gboolean       bold,
            double         width,
            int            max_lines)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);
  g_autofree char *cleaned = NULL;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  /* Without what no format can carry (controls, U+FFFE): what is drawn is what is exported. */
  cleaned = plano_text_clean (text != NULL ? text : "", TRUE);
  pango_layout_set_text (layout, cleaned, -1);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -MAX (max_lines, 1));
  set_wrap (layout);

  return layout;
}

/* A layout shared by every item with the same text in the same box: kind names repeat on
 * every card of a kind, and labels repeat across a large board. Returns a new reference.
 */
static PangoLayout *
shared_layout (PlanoRenderer *self,
               const char    *text,
               double         size,
               gboolean       bold,
               double         width,
               int            height)
{
  /* Sizes in 64ths: whole numbers print without printf's slow float formatting. */
  g_autofree char *key = g_strdup_printf ("%ld|%d|%ld|%d|%s", lround (size * 64), bold, lround (width * 64), height,
                                          text != NULL ? text : "");
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      /* Layouts no item uses any more go when the cache has grown well past what is shown. */
      if (g_hash_table_size (self->layouts) > 2 * g_hash_table_size (self->shapes) + 256)
        {
          GHashTableIter iter;
          gpointer value;

          g_hash_table_iter_init (&iter, self->layouts);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            if (G_OBJECT (value)->ref_count == 1)
              g_hash_table_iter_remove (&iter);
        }

      layout = new_layout (self, text, size, bold, width, 1);
      pango_layout_set_height (layout, height);
      set_wrap (layout);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }

  return g_object_ref (layout);
}

/* A text item's text: whole, wrapped at @width, in the size it asks for. */
static PangoLayout *
text_layout (PlanoRenderer   *self,
             const PlanoText *text,
             double           width)
{
  PangoLayout *layout = new_layout (self, text->text, plano_text_get_font_size (text),
                                    plano_text_is_bold (text), width, 1);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_height (layout, -1);
  if (width <= 0)
    pango_layout_set_width (layout, -1);

  return layout;
}

static const PlanoKind *
node_kind (const PlanoNode *node)
{
  const PlanoKind *kind = plano_catalog_lookup (node->kind);

  return kind != NULL ? kind : plano_catalog_get_generic ();
}

static gboolean
is_medal (const PlanoZone *zone)
{
  return zone->kind != NULL && (g_str_equal (zone->kind, "bronze") ||
                                g_str_equal (zone->kind, "silver") ||
                                g_str_equal (zone->kind, "gold"));
}

/* A zone's title starts after its medal, if any, and stops short of the trade-off badge on
 * its corner. */
static double
zone_title_x (const PlanoZone *zone)
{
  return is_medal (zone) ? 36 : 14;
}

static double
zone_title_width (const PlanoZone *zone)
{
  return zone->w - zone_title_x (zone) - 2 * BADGE_RADIUS - 8;
}

static double
line_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height / (double) MAX (pango_layout_get_line_count (layout), 1);
}

/* A component's text: its label, and under it the name of its kind, or of its category when the
 * label is the kind's name. The card is as high as the node says, or higher when the text needs
 * more room (docs/format.md): the label wraps to TITLE_MAX_LINES, or to as many as fit a card
 * resized taller, and only then is ellipsized.
 */
static void
layout_node_text (PlanoRenderer   *self,
                  const PlanoNode *node,
                  ItemText        *text)
{
  const PlanoKind *kind = node_kind (node);
  const char *label = plano_board_get_label (self->board, node->item.id);
  const char *kind_name = plano_kind_get_name (kind);
  double text_width = node->w - GLYPH_BOX - 30;
  int title_h, subtitle_h;
  int max_lines;

  text->subtitle = shared_layout (self, g_strcmp0 (label, kind_name) != 0 ? kind_name :
                                        plano_category_get_name (kind->category),
                                  11, FALSE, text_width, -SUBTITLE_MAX_LINES);
  text->title = shared_layout (self, label, 13, TRUE, text_width, -TITLE_MAX_LINES);
  pango_layout_get_pixel_size (text->subtitle, NULL, &subtitle_h);

  max_lines = (int) ((node->h - 2 * CARD_PADDING - 2 - subtitle_h) / line_height (text->title));
  if (strchr (label, '\n') != NULL)
    {
      /* A negative height limits the lines of each paragraph, and a label's own newlines make
       * paragraphs: such a label is limited by its lines in all. */
      double lh = line_height (text->title);

      g_object_unref (text->title);
      text->title = shared_layout (self, label, 13, TRUE, text_width,
                                   (int) ((MAX (max_lines, TITLE_MAX_LINES) * lh + 0.5) * PANGO_SCALE));
    }
  else if (max_lines > TITLE_MAX_LINES && pango_layout_is_ellipsized (text->title))
    {
      g_object_unref (text->title);
      text->title = shared_layout (self, label, 13, TRUE, text_width, -max_lines);
    }
  pango_layout_get_pixel_size (text->title, NULL, &title_h);

  /* Grown by whole steps of 4 units, so that cards of nearly the same text line up. */
  text->height = MAX (node->h, ceil ((title_h + 2 + subtitle_h + 2 * CARD_PADDING) / 4) * 4);
}

/* The text of @item laid out, new. */
static ItemText *
layout_text (PlanoRenderer   *self,
             const PlanoItem *item)
{
  ItemText *text = g_new0 (ItemText, 1);

  switch (item->type)
    {
    case PLANO_ITEM_NODE:
      layout_node_text (self, (const PlanoNode *) item, text);
      break;

    case PLANO_ITEM_ZONE:
      {
        const PlanoZone *zone = (const PlanoZone *) item;

        text->title = shared_layout (self, zone->label, 13, TRUE, zone_title_width (zone),
                                     -ZONE_TITLE_MAX_LINES);
      }
      break;

    case PLANO_ITEM_NOTE:
      {
        const PlanoNote *note = (const PlanoNote *) item;

        /* A positive height limits the text to the note's box. */
        text->title = shared_layout (self, note->text, 12, FALSE, note->w - 20,
                                     (int) ((note->h - 20) * PANGO_SCALE));
      }
      break;

    case PLANO_ITEM_TEXT:
      text->title = text_layout (self, (const PlanoText *) item, ((const PlanoText *) item)->w);
      break;

    case PLANO_ITEM_EDGE:
      {
        const PlanoEdge *edge = (const PlanoEdge *) item;

        if (edge->label != NULL)
          {
            int natural;

            /* Short labels keep their own width, so that the box around them fits: one line,
             * laid out once. Longer ones wrap to two centred lines. */
            text->title = new_layout (self, edge->label, 11, FALSE, EDGE_LABEL_WIDTH, 2);
            pango_layout_set_width (text->title, -1);
            pango_layout_set_alignment (text->title, PANGO_ALIGN_CENTER);
            pango_layout_get_size (text->title, &natural, NULL);
            if (natural > EDGE_LABEL_WIDTH * PANGO_SCALE)
              pango_layout_set_width (text->title, EDGE_LABEL_WIDTH * PANGO_SCALE);
            /* Two lines at most in all, newlines in the label or not (a negative height
             * counts the lines of each paragraph). */
            if (pango_layout_get_line_count (text->title) > 2)
              {
                pango_layout_set_width (text->title, EDGE_LABEL_WIDTH * PANGO_SCALE);
                pango_layout_set_height (text->title, (int) ((2 * line_height (text->title) + 0.5) * PANGO_SCALE));
              }
          }
      }
      break;

    case PLANO_ITEM_TRADEOFF:
    case PLANO_N_ITEM_TYPES:
    default:
      break;
    }

  return text;
}

/* An item's text, laid out the first time it is needed: a component's when it is laid out
 * itself, for its height; the others' when they are drawn large enough to read. */
static ItemText *
get_text (PlanoRenderer   *self,
          const PlanoItem *item)
{
  Shape *shape = g_hash_table_lookup (self->shapes, item->id);

  g_assert (shape != NULL);
  if (shape->text == NULL)
    shape->text = layout_text (self, item);

  return shape->text;
}

/* The box of a node, zone or note as drawn, from its shape: a node's is as high as its text
 * needs. Nodes are laid out before the edges that join them. */
static gboolean
drawn_bounds (PlanoRenderer   *self,
              const PlanoItem *item,
              PlanoRect       *box)
{
  const Shape *shape = g_hash_table_lookup (self->shapes, item->id);

  if (shape != NULL && shape->type != PLANO_ITEM_EDGE)
    {
      *box = shape->bounds;
      return TRUE;
    }

  return plano_item_get_bounds (item, &box->x, &box->y, &box->w, &box->h);
}

static gboolean
endpoint_box (PlanoRenderer *self,
              const char    *id,
              PlanoRect     *box)
{
  const Shape *shape = id != NULL ? g_hash_table_lookup (self->shapes, id) : NULL;
  const PlanoItem *item;

  /* A shape laid out already knows its box: connections ask for their ends' boxes often. */
  if (shape != NULL && shape->type != PLANO_ITEM_EDGE)
    {
      *box = shape->bounds;
      return TRUE;
    }

  item = plano_board_lookup (self->board, id);
  return item != NULL && drawn_bounds (self, item, box);
}

/* Connections.
 *
 * A connection ends on the side of each item that faces the other end (or its nearest bend
 * point), at a port: a component spreads the connections that share a side evenly along it, in
 * the order of where their other ends lie, so that they do not cross on the way out; a zone
 * takes each where it is level with the other end, as a zone's side is long. Between the
 * ports, a connection runs straight, orthogonally or as a curve (plano-route.c), by its own
 * "route" or the board's; an orthogonal one without bend points of its own goes around the
 * components in its way.
 *
 * What an edge's layout depends on, for laying out again only what a change affects: the boxes
 * of its ends, its bend points, the ends and bend points of the other connections on the same
 * sides (their order and number place the ports), and for an orthogonal route, the components
 * in the area it was found in (self->routes). board_changed_cb() follows those.
 */

static guint        item_position (PlanoRenderer   *self,
                                   const PlanoItem *item);
static GHashTable  *get_links     (PlanoRenderer   *self);

typedef struct
{
  PlanoRect  box;    /* the item's box as drawn */
  PlanoSide  side;
  PlanoPoint point;
  PlanoPoint dir;    /* the way the connection leaves or reaches @point: out of the side, or
                      * into the box when it holds the other end (a zone around a component) */
} End;

static PlanoRoute
edge_route (PlanoRenderer   *self,
            const PlanoEdge *edge)
{
  PlanoRoute route;

  if (edge->route != NULL && plano_route_from_string (edge->route, &route))
    return route;
  return self->default_route;
}

/* What end @which (0: from, 1: to) of @edge faces: the nearest bend point as an empty box, or
 * the other end's box. */
static gboolean
end_facing (PlanoRenderer   *self,
            const PlanoEdge *edge,
            guint            which,
            PlanoRect       *other)
{
  guint n = edge->waypoints != NULL ? edge->waypoints->len : 0;

  if (n > 0)
    {
      PlanoPoint w = g_array_index (edge->waypoints, PlanoPoint, which == 0 ? 0 : n - 1);

      *other = (PlanoRect) { w.x, w.y, 0, 0 };
      return TRUE;
    }

  return endpoint_box (self, which == 0 ? edge->to : edge->from, other);
}

/* The box of end @which of @edge, and what it faces. */
static gboolean
end_reference (PlanoRenderer   *self,
               const PlanoEdge *edge,
               guint            which,
               PlanoRect       *box,
               PlanoRect       *other)
{
  return endpoint_box (self, which == 0 ? edge->from : edge->to, box) &&
         end_facing (self, edge, which, other);
}

/* Where along the side's axis @other lies: what orders the ports of a side. */
static double
side_key (PlanoSide        side,
          const PlanoRect *other)
{
  PlanoPoint c = plano_rect_center (other);

  return side == PLANO_SIDE_TOP || side == PLANO_SIDE_BOTTOM ? c.x : c.y;
}

typedef struct
{
  double key;
  guint  position;   /* POSITION_UNKNOWN until a tie needs it: it costs a lookup */
  guint  which;
} PortKey;

#define POSITION_UNKNOWN (G_MAXUINT - 1)

static gboolean
port_key_less (const PortKey *a,
               const PortKey *b)
{
  if (a->key != b->key)
    return a->key < b->key;
  if (a->position != b->position)
    return a->position < b->position;
  return a->which < b->which;
}

/* How far along @side of item @id's @box a port goes, from 0 to 1. @self_key is the port's own
 * key; @edge is its connection (NULL for one yet to be made), whose entry among the others it
 * stands for. A zone places it level with @other; a component spreads the ports of the side
 * evenly, in the order of their keys. */
static double
port_position (PlanoRenderer   *self,
               const char      *id,
               const PlanoRect *box,
               PlanoSide        side,
               const PlanoRect *other,
               const PlanoEdge *edge,
               const PortKey   *self_key,
               guint           *n_ports)
{
  const Shape *shape = g_hash_table_lookup (self->shapes, id);
  GPtrArray *edges;
  guint before = 0, count = 1;
  PortKey me = *self_key;
  gboolean node;

  if (n_ports != NULL)
    *n_ports = 0;

  if (shape != NULL)
    node = shape->type == PLANO_ITEM_NODE;
  else
    {
      const PlanoItem *item = plano_board_lookup (self->board, id);

      node = item != NULL && item->type == PLANO_ITEM_NODE;
    }

  if (!node)
    {
      gboolean across = side == PLANO_SIDE_TOP || side == PLANO_SIDE_BOTTOM;
      double start = across ? box->x : box->y;
      double length = across ? box->w : box->h;
      double inset = MIN (24, length / 2);

      if (length <= 0)
        return 0.5;
      return CLAMP (side_key (side, other) - start, inset, length - inset) / length;
    }

  edges = g_hash_table_lookup (get_links (self), id);
  for (guint i = 0; edges != NULL && i < edges->len; i++)
    {
      const PlanoItem *found = plano_board_lookup (self->board, g_ptr_array_index (edges, i));
      const PlanoEdge *e = (const PlanoEdge *) found;

      if (found == NULL || found->type != PLANO_ITEM_EDGE || g_strcmp0 (e->from, e->to) == 0)
        continue;

      for (guint which = 0; which < 2; which++)
        {
          PlanoRect o;
          PortKey key;

          if (!g_str_equal (which == 0 ? e->from : e->to, id))
            continue;
          /* The port being placed itself. */
          if (edge != NULL && g_str_equal (e->item.id, edge->item.id) && which == self_key->which)
            continue;
          /* This end is on @box: only what it faces is looked up. */
          if (!end_facing (self, e, which, &o) || plano_rect_facing_side (box, &o) != side)
            continue;

          /* The place on the board only breaks ties. */
          key = (PortKey) { side_key (side, &o), 0, which };
          if (key.key == me.key)
            {
              key.position = item_position (self, found);
              if (me.position == POSITION_UNKNOWN)
                me.position = item_position (self, (const PlanoItem *) edge);
            }
          count++;
          if (port_key_less (&key, &me))
            before++;
        }
    }

  if (n_ports != NULL)
    *n_ports = count;
  return (before + 1.0) / (count + 1.0);
}

/* The span of @side of @box along its axis: where it starts, and how long it is. */
static void
side_span (const PlanoRect *box,
           PlanoSide        side,
           double          *start,
           double          *length)
{
  gboolean across = side == PLANO_SIDE_TOP || side == PLANO_SIDE_BOTTOM;

  *start = across ? box->x : box->y;
  *length = across ? box->w : box->h;
}

/* A port alone on its side lines up with the other end, so that the connection runs straight
 * across rather than with a small step: with the other end's port when that one is spread among
 * others, or halfway along what both sides share when it is alone too. NAN when it cannot: the
 * sides do not face each other that far, or the other end is a zone, which lines up itself. */
static double
aligned_position (PlanoRenderer   *self,
                  const PlanoEdge *edge,
                  guint            which,
                  const PlanoRect *box,
                  PlanoSide        side)
{
  const char *other_id = which == 0 ? edge->to : edge->from;
  const PlanoItem *other_item = plano_board_lookup (self->board, other_id);
  PlanoRect other_box;
  PlanoSide other_side;
  PortKey key;
  guint m;
  double t, start, length, other_start, other_length, c;
  const double inset = 8;

  if (other_item == NULL || other_item->type != PLANO_ITEM_NODE || edge->waypoints != NULL ||
      !endpoint_box (self, other_id, &other_box))
    return NAN;

  other_side = plano_rect_facing_side (&other_box, box);
  if ((other_side ^ 2) != side)
    return NAN;

  key = (PortKey) { side_key (other_side, box), POSITION_UNKNOWN, 1 - which };
  t = port_position (self, other_id, &other_box, other_side, box, edge, &key, &m);
  side_span (box, side, &start, &length);
  side_span (&other_box, other_side, &other_start, &other_length);

  if (m >= 2)
    c = other_start + t * other_length;
  else
    {
      double lo = MAX (start, other_start) + inset;
      double hi = MIN (start + length, other_start + other_length) - inset;

      if (lo > hi)
        return NAN;
      c = (lo + hi) / 2;
    }

  if (length <= 2 * inset || c < start + inset || c > start + length - inset)
    return NAN;
  return (c - start) / length;
}

/* End @which of @edge: its side, its port, the way the route leaves or reaches it. */
static gboolean
edge_end (PlanoRenderer   *self,
          const PlanoEdge *edge,
          guint            which,
          PlanoRoute       route,
          End             *end)
{
  const char *id = which == 0 ? edge->from : edge->to;
  guint n = edge->waypoints != NULL ? edge->waypoints->len : 0;
  PlanoRect other;
  PlanoPoint centre;
  PortKey key;
  guint count;
  double t;

  if (!end_reference (self, edge, which, &end->box, &other))
    return FALSE;

  end->side = plano_rect_facing_side (&end->box, &other);
  key = (PortKey) { side_key (end->side, &other), POSITION_UNKNOWN, which };
  t = port_position (self, id, &end->box, end->side, &other, edge, &key, &count);
  if (count == 1)
    {
      double aligned = aligned_position (self, edge, which, &end->box, end->side);

      if (!isnan (aligned))
        t = aligned;
    }

  /* An orthogonal route through bend points of its own leaves level with the first of them
   * when the side reaches that far, so that dragging its first segment slides it along. */
  if (route == PLANO_ROUTE_ORTHOGONAL && n > 0)
    {
      gboolean across = end->side == PLANO_SIDE_TOP || end->side == PLANO_SIDE_BOTTOM;
      double start = across ? end->box.x : end->box.y;
      double length = across ? end->box.w : end->box.h;
      double along = side_key (end->side, &other) - start;
      double inset = MIN (8, length / 2);

      if (length > 0 && along >= inset && along <= length - inset)
        t = along / length;
    }

  end->point = plano_rect_side_point (&end->box, end->side, t);
  end->dir = plano_side_get_normal (end->side);
  centre = plano_rect_center (&other);
  if (other.w > 0 && other.h > 0 && plano_rect_contains (&end->box, centre.x, centre.y))
    end->dir = (PlanoPoint) { -end->dir.x, -end->dir.y };

  return TRUE;
}

/* The components a route goes around: those whose box meets @area. */
static void
route_obstacles_cb (const PlanoRect *area,
                    GArray          *boxes,
                    gpointer         user_data)
{
  PlanoRenderer *self = user_data;
  g_autoptr(GPtrArray) shapes = g_ptr_array_new ();

  plano_index_query_data (self->index, area, shapes);
  for (guint i = 0; i < shapes->len; i++)
    {
      const Shape *shape = g_ptr_array_index (shapes, i);

      if (shape->type == PLANO_ITEM_NODE && plano_rect_intersects (&shape->bounds, area))
        g_array_append_val (boxes, shape->bounds);
    }
}

typedef struct
{
  GArray    *points;    /* the polyline, from port to port; empty when it has none */
  GArray    *curve;     /* curved: the Bézier segments it is painted with */
  gboolean   routed;    /* found around the components in @searched */
  PlanoRect  searched;
} EdgeLayout;

/* An edge laid out: its ports and its route. */
static void
layout_edge (PlanoRenderer   *self,
             const PlanoEdge *edge,
             EdgeLayout      *layout)
{
  PlanoRoute route = edge_route (self, edge);
  guint n_way = edge->waypoints != NULL ? edge->waypoints->len : 0;
  PlanoRect from;
  End a, b;

  *layout = (EdgeLayout) { NULL, };

  if (g_strcmp0 (edge->from, edge->to) == 0 && n_way == 0 && endpoint_box (self, edge->from, &from))
    {
      /* A loop on one item: out of the right side and back in. */
      PlanoPoint loop[] = {
        { from.x + from.w, from.y + from.h / 2 - 12 },
        { from.x + from.w + 36, from.y + from.h / 2 - 12 },
        { from.x + from.w + 36, from.y + from.h / 2 + 12 },
        { from.x + from.w, from.y + from.h / 2 + 12 },
      };

      layout->points = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
      g_array_append_vals (layout->points, loop, G_N_ELEMENTS (loop));
      return;
    }

  if (!edge_end (self, edge, 0, route, &a) || !edge_end (self, edge, 1, route, &b))
    {
      layout->points = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
      return;
    }

  switch (route)
    {
    case PLANO_ROUTE_ORTHOGONAL:
      if (n_way > 0)
        layout->points = plano_route_orthogonal_through (a.point, a.dir, edge->waypoints,
                                                         b.point, b.dir);
      else
        {
          layout->points = plano_route_orthogonal (a.point, a.dir, b.point, b.dir,
                                                   route_obstacles_cb, self, &layout->searched);
          layout->routed = TRUE;
        }
      break;

    case PLANO_ROUTE_CURVED:
      layout->curve = plano_route_curve (a.point, a.dir, edge->waypoints, b.point, b.dir);
      layout->points = plano_route_flatten_curve (layout->curve);
      break;

    case PLANO_ROUTE_STRAIGHT:
    default:
      layout->points = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
      g_array_append_val (layout->points, a.point);
      if (n_way > 0)
        g_array_append_vals (layout->points, edge->waypoints->data, n_way);
      g_array_append_val (layout->points, b.point);
      break;
    }
}

/* Whether the ports of @edge are no longer where it was laid out: another connection on one of
 * its sides came, went or moved. */
static gboolean
ports_moved (PlanoRenderer   *self,
             const PlanoEdge *edge)
{
  const Shape *shape = g_hash_table_lookup (self->shapes, edge->item.id);
  PlanoRoute route = edge_route (self, edge);
  End end;

  if (shape == NULL || shape->n_points < 2)
    return TRUE;
  if (g_strcmp0 (edge->from, edge->to) == 0 && edge->waypoints == NULL)
    return FALSE;

  for (guint which = 0; which < 2; which++)
    {
      if (!edge_end (self, edge, which, route, &end))
        return TRUE;
      if (end.point.x != shape->ends[which].x || end.point.y != shape->ends[which].y)
        return TRUE;
    }

  return FALSE;
}

/* The point halfway along a polyline, where its label goes. */
static PlanoPoint
polyline_middle (GArray *points)
{
  double total = 0;
  double half;

  for (guint i = 1; i < points->len; i++)
    {
      PlanoPoint a = g_array_index (points, PlanoPoint, i - 1);
      PlanoPoint b = g_array_index (points, PlanoPoint, i);

      total += hypot (b.x - a.x, b.y - a.y);
    }

  half = total / 2;
  for (guint i = 1; i < points->len; i++)
    {
      PlanoPoint a = g_array_index (points, PlanoPoint, i - 1);
      PlanoPoint b = g_array_index (points, PlanoPoint, i);
      double len = hypot (b.x - a.x, b.y - a.y);

      if (len >= half && len > 0)
        return (PlanoPoint) { a.x + (b.x - a.x) * half / len, a.y + (b.y - a.y) * half / len };
      half -= len;
    }

  return points->len > 0 ? g_array_index (points, PlanoPoint, 0) : (PlanoPoint) { 0, 0 };
}

static gboolean
edge_label_box (PlanoRenderer   *self,
                const PlanoEdge *edge,
                GArray          *points,
                PlanoRect       *box)
{
  ItemText *text = get_text (self, (const PlanoItem *) edge);
  PangoRectangle logical;
  PlanoPoint middle;
  int w, h;

  if (text->title == NULL || points->len < 2)
    return FALSE;

  middle = polyline_middle (points);
  pango_layout_get_pixel_extents (text->title, NULL, &logical);
  w = logical.width;
  h = logical.height;
  *box = (PlanoRect) { middle.x - w / 2.0 - 5, middle.y - h / 2.0 - 2, w + 10, h + 4 };

  return TRUE;
}

static gboolean
compute_box (PlanoRenderer   *self,
             const PlanoItem *item,
             GArray          *points,
             const PlanoRect *bounds,
             PlanoRect       *box,
             PlanoRect       *tight)
{
  if (item->type == PLANO_ITEM_EDGE)
    {
      PlanoRect label;

      if (points->len == 0)
        return FALSE;

      *box = (PlanoRect) { g_array_index (points, PlanoPoint, 0).x,
                           g_array_index (points, PlanoPoint, 0).y, 0, 0 };
      for (guint i = 1; i < points->len; i++)
        {
          PlanoPoint p = g_array_index (points, PlanoPoint, i);
          PlanoRect r = { p.x, p.y, 0, 0 };
          double x1 = MIN (box->x, r.x), y1 = MIN (box->y, r.y);
          double x2 = MAX (box->x + box->w, r.x), y2 = MAX (box->y + box->h, r.y);

          *box = (PlanoRect) { x1, y1, x2 - x1, y2 - y1 };
        }
      plano_rect_inflate (box, ARROW_LENGTH);
      if (tight != NULL)
        *tight = *box;

      /* Room for the label at its largest, so that the text need not be laid out yet: a box
       * only has to contain what is drawn.
       */
      if (((const PlanoEdge *) item)->label != NULL)
        {
          PlanoPoint middle = polyline_middle (points);

          label = (PlanoRect) { middle.x - EDGE_LABEL_MAX_W / 2, middle.y - EDGE_LABEL_MAX_H / 2,
                                EDGE_LABEL_MAX_W, EDGE_LABEL_MAX_H };
          plano_rect_union (box, &label);
        }

      return TRUE;
    }

  *box = *bounds;

  /* A text is drawn whole, past its box if the box is short (a board written by hand). */
  if (item->type == PLANO_ITEM_TEXT)
    {
      g_autoptr(PangoLayout) layout = text_layout (self, (const PlanoText *) item, box->w);
      PangoRectangle ink, logical;
      PlanoRect drawn;

      double x = box->x, y = box->y;

      pango_layout_get_pixel_extents (layout, &ink, &logical);
      drawn = (PlanoRect) { x + logical.x, y + logical.y, logical.width, logical.height };
      plano_rect_union (box, &drawn);
      drawn = (PlanoRect) { x + ink.x, y + ink.y, ink.width, ink.height };
      if (ink.width > 0 && ink.height > 0)
        plano_rect_union (box, &drawn);
    }

  /* Room for the trade-off badge that sits on the corner. */
  if (item->type == PLANO_ITEM_NODE)
    plano_rect_inflate (box, BADGE_RADIUS / 2);
  if (tight != NULL)
    *tight = *box;

  /* The index keeps all that is drawn, or a tile next to the item would miss its part: borders
   * straddle the bounds, and badges sit on the corners, reaching 7 units past them. */
  plano_rect_inflate (box, item->type == PLANO_ITEM_NODE ? BADGE_RADIUS / 2 + 1 : BADGE_RADIUS + 1);

  return TRUE;
}

/* Damage: while a change is handled, each shape that is laid out again or forgotten adds
 * where it was drawn and where it will be, so that a canvas keeping pictures of the board
 * draws those parts again and keeps the rest (PlanoRenderer::damaged). Whatever changes how an
 * item is drawn must therefore reach it through update_item() or forget_item() in
 * board_changed_cb(), as a connection does when a component it joins moves, or damage it
 * (damage_id()), as the trade-off badges and the failure drill's stale components do: a
 * connection routed around other components would have to be laid out again when they move.
 * The tiles' tests compare a tiled picture after each kind of edit with one drawn afresh.
 */

/* A connection's damage follows its line in pieces of at most this many units, so that a long
 * diagonal one does not damage the whole box around it. */
#define DAMAGE_PIECE 128.0

static void
add_damage (PlanoRenderer   *self,
            const PlanoRect *rect)
{
  if (self->damage != NULL)
    g_array_append_val (self->damage, *rect);
}

/* Where @shape is drawn: all of its box, or for a connection, its line with room for the
 * arrowheads and badge, and the room its label may take. Reads nothing of the item, which
 * may have been replaced or removed already. */
static void
damage_shape (PlanoRenderer *self,
              const Shape   *shape)
{
  if (self->damage == NULL)
    return;

  if (shape->type != PLANO_ITEM_EDGE || shape->points == NULL || shape->n_points < 2)
    {
      add_damage (self, &shape->box);
      return;
    }

  for (guint i = 1; i < shape->n_points; i++)
    {
      PlanoPoint a = g_array_index (shape->points, PlanoPoint, i - 1);
      PlanoPoint b = g_array_index (shape->points, PlanoPoint, i);
      guint n = (guint) MAX (ceil (hypot (b.x - a.x, b.y - a.y) / DAMAGE_PIECE), 1);

      for (guint k = 0; k < n; k++)
        {
          PlanoPoint p = { a.x + (b.x - a.x) * k / n, a.y + (b.y - a.y) * k / n };
          PlanoPoint q = { a.x + (b.x - a.x) * (k + 1) / n, a.y + (b.y - a.y) * (k + 1) / n };
          PlanoRect piece = { MIN (p.x, q.x), MIN (p.y, q.y), fabs (q.x - p.x), fabs (q.y - p.y) };

          /* As compute_box() keeps room around the whole line. */
          plano_rect_inflate (&piece, ARROW_LENGTH);
          add_damage (self, &piece);
        }
    }

  if (shape->labelled)
    {
      PlanoPoint middle = polyline_middle (shape->points);
      PlanoRect label = { middle.x - EDGE_LABEL_MAX_W / 2, middle.y - EDGE_LABEL_MAX_H / 2,
                          EDGE_LABEL_MAX_W, EDGE_LABEL_MAX_H };

      add_damage (self, &label);
    }
}

static void
damage_id (PlanoRenderer *self,
           const char    *id)
{
  const Shape *shape = g_hash_table_lookup (self->shapes, id);

  if (shape != NULL)
    damage_shape (self, shape);
}

static void
forget_item (PlanoRenderer *self,
             const char    *id)
{
  Shape *shape = g_hash_table_lookup (self->shapes, id);

  if (shape == NULL)
    return;

  damage_shape (self, shape);
  if (shape->down)
    self->n_down--;
  plano_index_remove (self->index, id);
  plano_index_remove (self->routes, id);
  g_hash_table_remove (self->shapes, id);
}

static void
update_item (PlanoRenderer   *self,
             const PlanoItem *item)
{
  EdgeLayout layout = { NULL, };
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) curve = NULL;
  ItemText *text = NULL;
  Shape *shape;
  PlanoRect bounds = { 0, }, box, tight;

  if (item->type == PLANO_ITEM_TRADEOFF ||
      (item->type != PLANO_ITEM_EDGE && !plano_item_get_bounds (item, &bounds.x, &bounds.y, &bounds.w, &bounds.h)))
    {
      forget_item (self, item->id);
      return;
    }

  if (item->type == PLANO_ITEM_EDGE)
    {
      layout_edge (self, (const PlanoEdge *) item, &layout);
      points = layout.points;
      curve = layout.curve;
      if (layout.routed)
        plano_index_set (self->routes, item->id, &layout.searched);
      else
        plano_index_remove (self->routes, item->id);
    }

  /* A component is as high as its text needs: its text is laid out now. */
  if (item->type == PLANO_ITEM_NODE)
    {
      text = layout_text (self, item);
      bounds.h = text->height;
    }

  if (!compute_box (self, item, points, &bounds, &box, &tight))
    {
      g_clear_pointer (&text, item_text_free);
      forget_item (self, item->id);
      return;
    }

  shape = g_hash_table_lookup (self->shapes, item->id);
  if (shape == NULL)
    {
      shape = g_new0 (Shape, 1);
      g_hash_table_insert (self->shapes, g_strdup (item->id), shape);
    }
  else
    {
      damage_shape (self, shape);
      if (shape->down)
        self->n_down--;
      g_clear_pointer (&shape->text, item_text_free);
      g_clear_pointer (&shape->points, g_array_unref);
      g_clear_pointer (&shape->curve, g_array_unref);
      g_clear_pointer (&shape->end_ids[0], g_free);
      g_clear_pointer (&shape->end_ids[1], g_free);
    }

  shape->item = item;
  shape->type = item->type;
  shape->text = text;
  shape->bounds = bounds;
  shape->points = g_steal_pointer (&points);
  shape->curve = g_steal_pointer (&curve);
  if (item->type == PLANO_ITEM_EDGE)
    {
      shape->end_ids[0] = g_strdup (((const PlanoEdge *) item)->from);
      shape->end_ids[1] = g_strdup (((const PlanoEdge *) item)->to);
    }
  shape->n_points = shape->points != NULL ? shape->points->len : 0;
  if (shape->n_points >= 2)
    {
      shape->ends[0] = g_array_index (shape->points, PlanoPoint, 0);
      shape->ends[1] = g_array_index (shape->points, PlanoPoint, shape->n_points - 1);
    }
  shape->box = box;
  shape->tight = tight;
  shape->down = FALSE;
  shape->labelled = FALSE;
  switch (item->type)
    {
    case PLANO_ITEM_EDGE:
      shape->klass = edge_style (((const PlanoEdge *) item)->kind) - edge_styles;
      shape->labelled = ((const PlanoEdge *) item)->label != NULL;
      break;
    case PLANO_ITEM_NODE:
      shape->klass = node_kind ((const PlanoNode *) item)->category;
      shape->down = plano_node_is_down ((const PlanoNode *) item);
      if (shape->down)
        self->n_down++;
      break;
    case PLANO_ITEM_NOTE:
    case PLANO_ITEM_ZONE:
    case PLANO_ITEM_TEXT:
    case PLANO_ITEM_TRADEOFF:
    case PLANO_N_ITEM_TYPES:
    default:
      shape->klass = PLANO_N_CATEGORIES;
      break;
    }
  plano_index_set_full (self->index, item->id, &box, shape);
  damage_shape (self, shape);
}

/* The polyline of an edge as laid out; empty when it has none. */
static GArray *
shape_points (PlanoRenderer   *self,
              const PlanoEdge *edge)
{
  static GArray *none;
  Shape *shape = g_hash_table_lookup (self->shapes, edge->item.id);

  if (shape != NULL && shape->points != NULL)
    return shape->points;

  if (g_once_init_enter (&none))
    g_once_init_leave (&none, g_array_new (FALSE, FALSE, sizeof (PlanoPoint)));
  return none;
}

/* Where each item is among those of its type: later ones are drawn on top. */
static guint
item_position (PlanoRenderer   *self,
               const PlanoItem *item)
{
  if (self->positions == NULL)
    {
      self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
        for (guint i = 0; i < plano_board_get_n_items (self->board, t); i++)
          g_hash_table_insert (self->positions, g_strdup (plano_board_get_item (self->board, t, i)->id),
                               GUINT_TO_POINTER (i + 1));
    }

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, item->id));
}

static void
add_link (PlanoRenderer *self,
          const char    *end,
          const char    *edge_id)
{
  GPtrArray *edges = g_hash_table_lookup (self->links, end);

  if (edges == NULL)
    {
      edges = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->links, g_strdup (end), edges);
    }

  for (guint i = 0; i < edges->len; i++)
    if (g_str_equal (g_ptr_array_index (edges, i), edge_id))
      return;

  g_ptr_array_add (edges, g_strdup (edge_id));
  self->n_links++;
}

static void
link_edge (PlanoRenderer   *self,
           const PlanoEdge *edge)
{
  add_link (self, edge->from, edge->item.id);
  add_link (self, edge->to, edge->item.id);
}

/* The edges that end at each shape, so that moving one shape updates its own edges only. */
static GHashTable *
get_links (PlanoRenderer *self)
{
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_EDGE);

  /* Edges that were reconnected or removed leave entries behind; start again when they are
   * as many as the live ones.
   */
  if (self->links != NULL && self->n_links > 4 * n + 64)
    g_clear_pointer (&self->links, g_hash_table_unref);

  if (self->links == NULL)
    {
      self->links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
      self->n_links = 0;
      for (guint i = 0; i < n; i++)
        link_edge (self, (const PlanoEdge *) plano_board_get_item (self->board, PLANO_ITEM_EDGE, i));
    }

  return self->links;
}

/* The board's routing style, from its props; TRUE when it is not what it was. */
static gboolean
update_default_route (PlanoRenderer *self)
{
  const PlanoProp *prop = plano_props_lookup (plano_board_get_props (self->board), "route");
  PlanoRoute route = PLANO_ROUTE_STRAIGHT;

  if (prop != NULL && prop->type == PLANO_VALUE_STRING)
    plano_route_from_string (prop->string, &route);
  if (route == self->default_route)
    return FALSE;

  self->default_route = route;
  return TRUE;
}

/* Adds to @edges the edges whose orthogonal route was found in an area that meets @box: a
 * component there now, or no longer, may change it. */
static void
add_routes_near (PlanoRenderer   *self,
                 const PlanoRect *box,
                 GHashTable      *edges)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  plano_index_query (self->routes, box, ids);
  for (guint i = 0; i < ids->len; i++)
    if (!g_hash_table_contains (edges, g_ptr_array_index (ids, i)))
      g_hash_table_insert (edges, g_strdup (g_ptr_array_index (ids, i)), GINT_TO_POINTER (FALSE));
}

static void
add_id (GHashTable *set,
        const char *id)
{
  if (id != NULL && !g_hash_table_contains (set, id))
    g_hash_table_add (set, g_strdup (id));
}

/* Trade-offs counted by the item they are about, whose badge shows the count. The items whose
 * count changed are damaged. */
static void
update_badges (PlanoRenderer *self)
{
  g_autoptr(GHashTable) before = g_steal_pointer (&self->badges);
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_TRADEOFF);
  GHashTableIter iter;
  gpointer id, count;

  self->badges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->n_board_tradeoffs = 0;

  for (guint i = 0; i < n; i++)
    {
      const PlanoTradeoff *tradeoff = (const PlanoTradeoff *) plano_board_get_item (self->board, PLANO_ITEM_TRADEOFF, i);

      if (tradeoff->target == NULL)
        {
          self->n_board_tradeoffs++;
          continue;
        }

      g_hash_table_insert (self->badges, g_strdup (tradeoff->target),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->badges, tradeoff->target)) + 1));
    }

  if (before == NULL)
    return;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &id, &count))
    if (g_hash_table_lookup (self->badges, id) != count)
      damage_id (self, id);
  g_hash_table_iter_init (&iter, self->badges);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (before, id))
      damage_id (self, id);
}

/* The failure drill's stale components: downstream of those marked down. Worked out again after
 * a change that may move them, once they have been drawn; those that became stale or fresh are
 * damaged. */
static void
update_stale (PlanoRenderer *self)
{
  g_autoptr(GHashTable) before = g_steal_pointer (&self->stale);
  g_autoptr(GHashTable) found = NULL;
  GHashTableIter iter;
  gpointer id;

  self->stale = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Nothing is stale while nothing is down: the review need not look. */
  if (self->n_down > 0)
    {
      found = plano_review_find_stale (self->board);
      g_hash_table_iter_init (&iter, found);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_hash_table_add (self->stale, g_strdup (id));
    }

  if (before == NULL)
    return;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (self->stale, id))
      damage_id (self, id);
  g_hash_table_iter_init (&iter, self->stale);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (before, id))
      damage_id (self, id);
}

static void
rebuild (PlanoRenderer *self)
{
  plano_index_clear (self->index);
  plano_index_clear (self->routes);
  g_hash_table_remove_all (self->shapes);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->links, g_hash_table_unref);
  update_default_route (self);
  self->n_down = 0;

  for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
    {
      guint n = plano_board_get_n_items (self->board, t);

      for (guint i = 0; i < n; i++)
        update_item (self, plano_board_get_item (self->board, t, i));
    }

  update_badges (self);
}

/* Lays out again what @change makes look different: the items it names, the connections of the
 * components and zones it moved, the connections whose ports those moves or the connections it
 * added, removed or bent spread again along their sides, and the orthogonal routes whose area a
 * component moved into or out of. Laid out from scratch, the board would look the same. */
static void
board_changed_cb (PlanoRenderer *self,
                  PlanoChange   *change,
                  PlanoBoard    *board)
{
  g_autoptr(GArray) damage = g_array_new (FALSE, FALSE, sizeof (PlanoRect));
  gboolean tradeoffs_changed = FALSE;
  gboolean all_edges = FALSE;
  gboolean graph_changed = FALSE;
  guint n_ops = plano_change_get_n_ops (change);
  /* Edge id → whether its ends moved (its neighbours' ports may have too), to lay out again. */
  g_autoptr(GHashTable) again = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Edges laid out already, and the items whose ports may have moved. */
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  /* New connections count on their sides before any port is placed. */
  for (guint i = 0; i < n_ops && self->links != NULL; i++)
    {
      PlanoItemType type;
      const char *id;
      const PlanoItem *item;

      plano_change_get_op (change, i, &type, &id);
      item = type == PLANO_ITEM_EDGE ? plano_board_lookup (self->board, id) : NULL;
      if (item != NULL && item->type == PLANO_ITEM_EDGE)
        link_edge (self, (const PlanoEdge *) item);
    }

  self->damage = damage;

  /* Shapes first, then edges, which are laid out from the shapes they join. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_ops; i++)
      {
        PlanoItemType type;
        const char *id;
        PlanoChangeKind kind = plano_change_get_op (change, i, &type, &id);
        const PlanoItem *item;
        const Shape *shape;

        if (kind == PLANO_CHANGE_BOARD_PROPS && pass == 0)
          all_edges |= update_default_route (self);
        if (kind == PLANO_CHANGE_TITLE || kind == PLANO_CHANGE_BOARD_PROPS ||
            (pass == 0) == (type == PLANO_ITEM_EDGE))
          continue;

        if (pass == 0 && type == PLANO_ITEM_TRADEOFF)
          tradeoffs_changed = TRUE;
        /* Which components are stale follows the connections, the components that are down
         * and the zones that hold them. */
        if (type == PLANO_ITEM_NODE || type == PLANO_ITEM_EDGE || type == PLANO_ITEM_ZONE)
          graph_changed = TRUE;
        if (kind != PLANO_CHANGE_MODIFIED)
          g_clear_pointer (&self->positions, g_hash_table_unref);

        /* Where it was: the routes around it there, and the ports of a connection's ends. */
        shape = g_hash_table_lookup (self->shapes, id);
        if (shape != NULL && type == PLANO_ITEM_NODE)
          add_routes_near (self, &shape->bounds, again);
        if (shape != NULL && type == PLANO_ITEM_EDGE)
          {
            add_id (ends, shape->end_ids[0]);
            add_id (ends, shape->end_ids[1]);
          }

        item = plano_board_lookup (self->board, id);
        if (item == NULL)
          {
            forget_item (self, id);
            continue;
          }

        update_item (self, item);

        /* Where it is now. */
        shape = g_hash_table_lookup (self->shapes, id);
        if (shape != NULL && type == PLANO_ITEM_NODE)
          add_routes_near (self, &shape->bounds, again);
        if (type == PLANO_ITEM_EDGE)
          {
            add_id (done, id);
            add_id (ends, ((const PlanoEdge *) item)->from);
            add_id (ends, ((const PlanoEdge *) item)->to);
          }

        /* Edges follow the shapes they join. */
        if ((type == PLANO_ITEM_NODE || type == PLANO_ITEM_ZONE) && kind != PLANO_CHANGE_REMOVED)
          {
            GPtrArray *edges = g_hash_table_lookup (get_links (self), id);

            add_id (ends, id);
            for (guint e = 0; edges != NULL && e < edges->len; e++)
              g_hash_table_replace (again, g_strdup (g_ptr_array_index (edges, e)),
                                    GINT_TO_POINTER (TRUE));
          }
      }

  if (all_edges)
    {
      for (guint i = 0; i < plano_board_get_n_items (self->board, PLANO_ITEM_EDGE); i++)
        update_item (self, plano_board_get_item (self->board, PLANO_ITEM_EDGE, i));
    }
  else
    {
      g_hash_table_iter_init (&iter, again);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const PlanoItem *item = plano_board_lookup (self->board, key);

          if (item == NULL || item->type != PLANO_ITEM_EDGE || g_hash_table_contains (done, key))
            continue;
          update_item (self, item);
          add_id (done, key);
          if (GPOINTER_TO_INT (value))
            {
              add_id (ends, ((const PlanoEdge *) item)->from);
              add_id (ends, ((const PlanoEdge *) item)->to);
            }
        }

      /* The other connections on the sides of every end that changed. */
      g_hash_table_iter_init (&iter, ends);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          GPtrArray *edges = g_hash_table_lookup (get_links (self), key);

          for (guint e = 0; edges != NULL && e < edges->len; e++)
            {
              const char *edge_id = g_ptr_array_index (edges, e);
              const PlanoItem *item = plano_board_lookup (self->board, edge_id);

              if (item == NULL || item->type != PLANO_ITEM_EDGE ||
                  g_hash_table_contains (done, edge_id))
                continue;
              if (ports_moved (self, (const PlanoEdge *) item))
                update_item (self, item);
              add_id (done, edge_id);
            }
        }
    }

  if (tradeoffs_changed)
    update_badges (self);
  /* Until the board is first drawn nobody has seen the stale ones: they are worked out then. */
  if (graph_changed && self->stale != NULL &&
      (self->n_down > 0 || g_hash_table_size (self->stale) > 0))
    update_stale (self);

  self->damage = NULL;
  if (damage->len > 0)
    g_signal_emit (self, signals [DAMAGED], 0, damage->data, damage->len);
}

static void
plano_renderer_constructed (GObject *object)
{
  PlanoRenderer *self = (PlanoRenderer *)object;

  G_OBJECT_CLASS (plano_renderer_parent_class)->constructed (object);

  self->changed_handler = g_signal_connect_object (self->board, "changed",
                                                   G_CALLBACK (board_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
plano_renderer_dispose (GObject *object)
{
  PlanoRenderer *self = (PlanoRenderer *)object;

  g_clear_signal_handler (&self->changed_handler, self->board);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (plano_renderer_parent_class)->dispose (object);
}

static void
plano_renderer_finalize (GObject *object)
{
  PlanoRenderer *self = (PlanoRenderer *)object;

  g_clear_pointer (&self->index, plano_index_free);
  g_clear_pointer (&self->routes, plano_index_free);
  g_clear_pointer (&self->shapes, g_hash_table_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->badges, g_hash_table_unref);
  g_clear_pointer (&self->stale, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->links, g_hash_table_unref);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (plano_renderer_parent_class)->finalize (object);
}

static void
plano_renderer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PlanoRenderer *self = PLANO_RENDERER (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plano_renderer_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PlanoRenderer *self = PLANO_RENDERER (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      self->board = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plano_renderer_class_init (PlanoRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plano_renderer_constructed;
  object_class->dispose = plano_renderer_dispose;
  object_class->finalize = plano_renderer_finalize;
  object_class->get_property = plano_renderer_get_property;
  object_class->set_property = plano_renderer_set_property;

  properties [PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         PLANO_TYPE_BOARD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlanoRenderer::damaged:
   * @self: the renderer
   * @rects: (array length=n_rects) (element-type PlanoRect): the parts of the canvas that look
   *   different, in canvas units; they may overlap
   * @n_rects: how many
   *
   * Emitted after the board changed, once the renderer has laid out what changed: everything
   * drawn outside @rects looks as it did. A picture of the board kept between frames
   * (PlanoTiles) draws these parts again and keeps the rest.
   */
  signals [DAMAGED] =
    g_signal_new ("damaged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_POINTER, G_TYPE_UINT);
}

static void
plano_renderer_init (PlanoRenderer *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: text measures the same at every zoom and in every export. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->pango, options);
  pango_cairo_context_set_resolution (self->pango, 96);
  cairo_font_options_destroy (options);

  self->index = plano_index_new (CELL_SIZE);
  self->routes = plano_index_new (CELL_SIZE);
  self->shapes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) shape_free);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * plano_renderer_new:
 * @board: the board to draw; the renderer follows its changes
 *
 * Returns: (transfer full): a renderer for @board
 */
PlanoRenderer *
plano_renderer_new (PlanoBoard *board)
{
  g_return_val_if_fail (PLANO_IS_BOARD (board), NULL);

  return g_object_new (PLANO_TYPE_RENDERER, "board", board, NULL);
}

/**
 * plano_renderer_get_board:
 *
 * Returns: (transfer none): the board
 */
PlanoBoard *
plano_renderer_get_board (PlanoRenderer *self)
{
  g_return_val_if_fail (PLANO_IS_RENDERER (self), NULL);

  return self->board;
}

/**
 * plano_renderer_get_item_box:
 *
 * Returns: %TRUE and the box @id covers when drawn, arrowheads, labels and badges included
 */
gboolean
plano_renderer_get_item_box (PlanoRenderer *self,
                             const char    *id,
                             PlanoRect     *box)
{
  const Shape *shape;
  PlanoRect label;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), FALSE);

  shape = g_hash_table_lookup (self->shapes, id);
  if (shape == NULL)
    return FALSE;

  /* An edge's label as it is, not the room the index keeps for it. */
  *box = shape->tight;
  if (shape->type == PLANO_ITEM_EDGE &&
      edge_label_box (self, (const PlanoEdge *) shape->item, shape->points, &label))
    plano_rect_union (box, &label);

  return TRUE;
}

/**
 * plano_renderer_get_text_box:
 *
 * Returns: %TRUE and the box the item's text is drawn in and must stay in: a component's card
 *   as drawn, a note, a zone, a connection's label pill; %FALSE for an item without text
 */
gboolean
plano_renderer_get_text_box (PlanoRenderer *self,
                             const char    *id,
                             PlanoRect     *box)
{
  const Shape *shape;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), FALSE);

  shape = g_hash_table_lookup (self->shapes, id);
  if (shape == NULL)
    return FALSE;
  if (shape->type == PLANO_ITEM_EDGE)
    return edge_label_box (self, (const PlanoEdge *) shape->item, shape->points, box);

  /* A text item's box holds its text whole, however short a board written by hand made it,
   * with a quarter of an em around it: a reader without Cantarell draws the lines in another
   * font, whose last letter may reach a little past the width the line was laid out in. */
  if (shape->type == PLANO_ITEM_TEXT)
    {
      *box = shape->tight;
      plano_rect_inflate (box, plano_text_get_font_size ((const PlanoText *) shape->item) / 4);
      return TRUE;
    }

  *box = shape->bounds;
  return TRUE;
}

/**
 * plano_renderer_get_item_color:
 * @color: (out): "#rrggbb", the colour that tells the item apart on the canvas: a component's
 *   category, a zone's kind, a connection's kind, a note's paper
 *
 * For the formats that carry a board to other tools (Excalidraw, draw.io).
 *
 * Returns: %FALSE when @id is not drawn
 */
gboolean
plano_renderer_get_item_color (PlanoRenderer *self,
                               const char    *id,
                               char           color[8])
{
  const PlanoItem *item;
  Color c;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), FALSE);

  item = plano_board_lookup (self->board, id);
  if (item == NULL)
    return FALSE;

  switch (item->type)
    {
    case PLANO_ITEM_NODE:
      c = category_colors[node_kind ((const PlanoNode *) item)->category];
      break;
    case PLANO_ITEM_ZONE:
      c = zone_color (((const PlanoZone *) item)->kind);
      break;
    case PLANO_ITEM_EDGE:
      c = edge_style (((const PlanoEdge *) item)->kind)->color;
      break;
    case PLANO_ITEM_NOTE:
      c = palettes[PLANO_THEME_LIGHT].note;
      break;
    case PLANO_ITEM_TEXT:
      c = palettes[PLANO_THEME_LIGHT].text;
      break;
    case PLANO_ITEM_TRADEOFF:
    case PLANO_N_ITEM_TYPES:
    default:
      return FALSE;
    }

  g_snprintf (color, 8, "#%02x%02x%02x", (int) round (c.r * 255), (int) round (c.g * 255),
              (int) round (c.b * 255));
  return TRUE;
}

/**
 * plano_renderer_get_drawn_bounds:
 * @bounds: (out): the box of @id as drawn
 *
 * The box a component, zone, note or text is drawn in, without its badges or highlight: what
 * selection handles frame, connections end on and picking hits. A component's is its box
 * from the file, taller when its label needs more room (docs/format.md).
 *
 * Returns: %FALSE when @id is not a component, zone, note or text of the board
 */
gboolean
plano_renderer_get_drawn_bounds (PlanoRenderer *self,
                                 const char    *id,
                                 PlanoRect     *bounds)
{
  const Shape *shape;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  shape = id != NULL ? g_hash_table_lookup (self->shapes, id) : NULL;
  if (shape == NULL || shape->type == PLANO_ITEM_EDGE)
    return FALSE;

  *bounds = shape->bounds;
  return TRUE;
}

/**
 * plano_renderer_get_text_lines:
 *
 * For the formats that carry a board to other tools: they break a text item's lines where the
 * canvas breaks them.
 *
 * Returns: (transfer full) (nullable): the lines of text item @id as laid out, without their
 *   line breaks; %NULL when @id is not a text item
 */
GStrv
plano_renderer_get_text_lines (PlanoRenderer *self,
                               const char    *id)
{
  const Shape *shape;
  g_autoptr(GStrvBuilder) lines = NULL;
  PangoLayout *layout;
  const char *text;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), NULL);

  shape = id != NULL ? g_hash_table_lookup (self->shapes, id) : NULL;
  if (shape == NULL || shape->type != PLANO_ITEM_TEXT)
    return NULL;

  layout = get_text (self, shape->item)->title;
  text = pango_layout_get_text (layout);
  lines = g_strv_builder_new ();
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      const PangoLayoutLine *line = l->data;
      g_autofree char *part = g_strndup (text + line->start_index, line->length);

      g_strv_builder_add (lines, g_strchomp (part));
    }

  return g_strv_builder_end (lines);
}

/**
 * plano_renderer_is_text_cut:
 *
 * Whether some of the text of @id does not show: a label longer than its component, zone or
 * connection allows, ellipsized, or a note's text past its box. The canvas then shows the
 * whole text in a tooltip.
 *
 * Returns: %TRUE when @id's text is drawn cut
 */
gboolean
plano_renderer_is_text_cut (PlanoRenderer *self,
                            const char    *id)
{
  const Shape *shape;
  ItemText *text;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), FALSE);

  shape = id != NULL ? g_hash_table_lookup (self->shapes, id) : NULL;
  if (shape == NULL)
    return FALSE;

  text = get_text (self, shape->item);
  return (text->title != NULL && pango_layout_is_ellipsized (text->title)) ||
         (text->subtitle != NULL && pango_layout_is_ellipsized (text->subtitle));
}

/**
 * plano_renderer_get_edge_points:
 *
 * The points an edge is drawn through, from the port of its source to the port of its target:
 * a straight one's bend points, an orthogonal one's corners, the points a curved one passes
 * through (its bend points; the curve between them is plano_renderer_get_edge_middle()'s and
 * the painters').
 *
 * Returns: (transfer full) (nullable) (element-type PlanoPoint): the points, %NULL when @id is
 *   not an edge
 */
GPtrArray *
plano_renderer_get_edge_points (PlanoRenderer *self,
                                const char    *id)
{
  const PlanoItem *item;
  const Shape *shape;
  const PlanoEdge *edge;
  GPtrArray *result;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), NULL);

  item = plano_board_lookup (self->board, id);
  if (item == NULL || item->type != PLANO_ITEM_EDGE)
    return NULL;

  edge = (const PlanoEdge *) item;
  shape = g_hash_table_lookup (self->shapes, id);
  result = g_ptr_array_new_with_free_func (g_free);
  if (shape == NULL || shape->n_points < 2)
    return result;

  if (shape->curve != NULL)
    {
      g_ptr_array_add (result, g_memdup2 (&shape->ends[0], sizeof (PlanoPoint)));
      for (guint i = 0; edge->waypoints != NULL && i < edge->waypoints->len; i++)
        g_ptr_array_add (result, g_memdup2 (&g_array_index (edge->waypoints, PlanoPoint, i),
                                            sizeof (PlanoPoint)));
      g_ptr_array_add (result, g_memdup2 (&shape->ends[1], sizeof (PlanoPoint)));
      return result;
    }

  for (guint i = 0; i < shape->points->len; i++)
    g_ptr_array_add (result, g_memdup2 (&g_array_index (shape->points, PlanoPoint, i),
                                        sizeof (PlanoPoint)));

  return result;
}

/**
 * plano_renderer_get_edge_route:
 *
 * Returns: how edge @id is drawn: its own routing style, or the board's when it has none (or one
 *   this version does not know)
 */
PlanoRoute
plano_renderer_get_edge_route (PlanoRenderer *self,
                               const char    *id)
{
  const PlanoItem *item;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), PLANO_ROUTE_STRAIGHT);

  item = plano_board_lookup (self->board, id);
  if (item == NULL || item->type != PLANO_ITEM_EDGE)
    return self->default_route;

  return edge_route (self, (const PlanoEdge *) item);
}

/**
 * plano_renderer_get_default_route:
 *
 * Returns: the board's routing style (its `route` prop), for connections without their own
 */
PlanoRoute
plano_renderer_get_default_route (PlanoRenderer *self)
{
  g_return_val_if_fail (PLANO_IS_RENDERER (self), PLANO_ROUTE_STRAIGHT);

  return self->default_route;
}

/**
 * plano_renderer_get_edge_middle:
 * @middle: (out): the point halfway along edge @id as drawn, where its label sits
 *
 * Returns: %FALSE when @id is not a drawn edge
 */
gboolean
plano_renderer_get_edge_middle (PlanoRenderer *self,
                                const char    *id,
                                PlanoPoint    *middle)
{
  const Shape *shape;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), FALSE);

  shape = id != NULL ? g_hash_table_lookup (self->shapes, id) : NULL;
  if (shape == NULL || shape->type != PLANO_ITEM_EDGE || shape->n_points < 2)
    return FALSE;

  *middle = polyline_middle (shape->points);
  return TRUE;
}

/**
 * plano_renderer_get_edge_port:
 * @target: %FALSE for the edge's source end, %TRUE for its target
 * @point: (out) (optional): where that end of edge @id is drawn
 * @side: (out) (optional): the side of its item that end is on
 *
 * Returns: %FALSE when @id is not a drawn edge, or a loop
 */
gboolean
plano_renderer_get_edge_port (PlanoRenderer *self,
                              const char    *id,
                              gboolean       target,
                              PlanoPoint    *point,
                              PlanoSide     *side)
{
  const PlanoItem *item;
  End end;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), FALSE);

  item = plano_board_lookup (self->board, id);
  if (item == NULL || item->type != PLANO_ITEM_EDGE ||
      (g_strcmp0 (((const PlanoEdge *) item)->from, ((const PlanoEdge *) item)->to) == 0 &&
       ((const PlanoEdge *) item)->waypoints == NULL) ||
      !edge_end (self, (const PlanoEdge *) item, target ? 1 : 0,
                 edge_route (self, (const PlanoEdge *) item), &end))
    return FALSE;

  if (point != NULL)
    *point = end.point;
  if (side != NULL)
    *side = end.side;
  return TRUE;
}

/* Where a connection from @id toward @toward (a box, or a point as an empty one) would end. */
static gboolean
port_toward (PlanoRenderer   *self,
             const char      *id,
             const PlanoRect *toward,
             PlanoPoint      *point,
             PlanoSide       *side)
{
  const PlanoItem *item = id != NULL ? plano_board_lookup (self->board, id) : NULL;
  PlanoRect box;
  PlanoSide facing;
  PortKey key;

  if (item == NULL || (item->type != PLANO_ITEM_NODE && item->type != PLANO_ITEM_ZONE) ||
      !endpoint_box (self, id, &box))
    return FALSE;

  facing = plano_rect_facing_side (&box, toward);
  /* A new connection comes after the others of the board, at its place along the side. */
  key = (PortKey) { side_key (facing, toward), G_MAXUINT, 0 };
  if (point != NULL)
    *point = plano_rect_side_point (&box, facing, port_position (self, id, &box, facing, toward,
                                                                 NULL, &key, NULL));
  if (side != NULL)
    *side = facing;
  return TRUE;
}

/**
 * plano_renderer_get_port_point:
 * @id: a component or a zone
 * @x: canvas x of where a new connection would go
 * @y: canvas y
 * @point: (out) (optional): where it would end on @id
 * @side: (out) (optional): on which side
 *
 * Where a connection from @id toward @x, @y would end, were it made: on the side that faces
 * that point, in its place among the connections that share the side. For the canvas, to show
 * the port under the pointer before the connection exists.
 *
 * Returns: %FALSE when @id is not a component or a zone
 */
gboolean
plano_renderer_get_port_point (PlanoRenderer *self,
                               const char    *id,
                               double         x,
                               double         y,
                               PlanoPoint    *point,
                               PlanoSide     *side)
{
  PlanoRect toward = { x, y, 0, 0 };

  g_return_val_if_fail (PLANO_IS_RENDERER (self), FALSE);

  return port_toward (self, id, &toward, point, side);
}

/**
 * plano_renderer_get_port_toward:
 * @id: a component or a zone
 * @other: the component or zone at the other end
 * @point: (out) (optional): where a connection between them would end on @id
 * @side: (out) (optional): on which side
 *
 * As plano_renderer_get_port_point(), for a connection between @id and @other: on the side of
 * @id that faces @other's box, as the connection will once made.
 *
 * Returns: %FALSE when either is not a component or a zone
 */
gboolean
plano_renderer_get_port_toward (PlanoRenderer *self,
                                const char    *id,
                                const char    *other,
                                PlanoPoint    *point,
                                PlanoSide     *side)
{
  const PlanoItem *item;
  PlanoRect toward;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), FALSE);

  item = other != NULL ? plano_board_lookup (self->board, other) : NULL;
  if (item == NULL || (item->type != PLANO_ITEM_NODE && item->type != PLANO_ITEM_ZONE) ||
      !endpoint_box (self, other, &toward))
    return FALSE;

  return port_toward (self, id, &toward, point, side);
}

/**
 * plano_renderer_get_bounds:
 * @bounds: (out): the box that holds everything drawn
 *
 * Returns: %FALSE when the board has nothing to draw
 */
gboolean
plano_renderer_get_bounds (PlanoRenderer *self,
                           PlanoRect     *bounds)
{
  gboolean any = FALSE;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), FALSE);

  *bounds = (PlanoRect) { 0, 0, 0, 0 };

  g_hash_table_iter_init (&iter, self->shapes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Shape *shape = value;

      if (!any)
        *bounds = shape->tight;
      else
        plano_rect_union (bounds, &shape->tight);
      any = TRUE;
    }

  /* Edge labels only where they might reach past the rest: measuring them costs. */
  g_hash_table_iter_init (&iter, self->shapes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Shape *shape = value;
      PlanoRect label, united = *bounds;

      plano_rect_union (&united, &shape->box);
      if (shape->type == PLANO_ITEM_EDGE && memcmp (&united, bounds, sizeof united) != 0 &&
          edge_label_box (self, (const PlanoEdge *) shape->item, shape->points, &label))
        plano_rect_union (bounds, &label);
    }

  return any;
}

/**
 * plano_renderer_query:
 * @area: a part of the canvas
 * @ids: (element-type utf8): receives the ids of the items drawn there; strings owned by the
 *   renderer until the board changes
 *
 * The culling step: what intersects @area, found through the spatial index.
 */
void
plano_renderer_query (PlanoRenderer   *self,
                      const PlanoRect *area,
                      GPtrArray       *ids)
{
  g_return_if_fail (PLANO_IS_RENDERER (self));

  plano_index_query (self->index, area, ids);
}

static double
edge_distance (PlanoRenderer *self,
               const Shape   *shape,
               PlanoPoint     p)
{
  const PlanoEdge *edge = (const PlanoEdge *) shape->item;
  GArray *points = shape->points;
  double best = G_MAXDOUBLE;
  PlanoRect label;

  if (points == NULL)
    return best;

  for (guint i = 1; i < points->len; i++)
    best = MIN (best, plano_segment_distance (p, g_array_index (points, PlanoPoint, i - 1),
                                              g_array_index (points, PlanoPoint, i)));

  /* Only a labelled connection has a label's box: the others need not be looked up. */
  if (edge->label != NULL && edge_label_box (self, edge, points, &label) &&
      plano_rect_contains (&label, p.x, p.y))
    best = 0;

  return best;
}

/* The strip along a zone's top that picks it: its title, one line or more. */
static double
zone_strip_height (PlanoRenderer   *self,
                   const PlanoZone *zone)
{
  int title_h = 16;

  if (zone->label != NULL)
    pango_layout_get_pixel_size (get_text (self, (const PlanoItem *) zone)->title, NULL, &title_h);

  return MAX (32, 11 + title_h + 5);
}

/**
 * plano_renderer_pick:
 * @x: canvas x
 * @y: canvas y
 * @tolerance: how far from a line still counts as on it, in canvas units
 *
 * What is under the pointer, topmost first: texts, notes, components, connections, then zones,
 * which are picked only by their border and their label strip so that their inside stays
 * free for rubber-band selection.
 *
 * Returns: (nullable): the id of the item at @x, @y
 */
const char *
plano_renderer_pick (PlanoRenderer *self,
                     double         x,
                     double         y,
                     double         tolerance)
{
  static const PlanoItemType order[] = {
    PLANO_ITEM_TEXT, PLANO_ITEM_NOTE, PLANO_ITEM_NODE, PLANO_ITEM_EDGE, PLANO_ITEM_ZONE,
  };
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  PlanoRect probe = { x - tolerance, y - tolerance, 2 * tolerance, 2 * tolerance };
  PlanoPoint p = { x, y };
  const char *best = NULL;
  guint best_rank = G_N_ELEMENTS (order);
  guint best_position = 0;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), NULL);

  plano_index_query_data (self->index, &probe, ids);

  for (guint i = 0; i < ids->len; i++)
    {
      const Shape *shape = g_ptr_array_index (ids, i);
      const PlanoItem *item = shape->item;
      guint rank;
      guint position = 0;
      gboolean hit = FALSE;
      PlanoRect r;

      if (item == NULL)
        continue;

      for (rank = 0; rank < G_N_ELEMENTS (order); rank++)
        if (order[rank] == item->type)
          break;

      switch (item->type)
        {
        case PLANO_ITEM_NODE:
        case PLANO_ITEM_NOTE:
          hit = plano_rect_contains (&shape->bounds, x, y);
          break;

        case PLANO_ITEM_TEXT:
          hit = plano_rect_contains (&shape->tight, x, y);
          break;

        case PLANO_ITEM_ZONE:
          {
            PlanoRect outer, inner;
            double strip = zone_strip_height (self, (const PlanoZone *) item);

            r = shape->bounds;
            outer = r;
            plano_rect_inflate (&outer, tolerance);
            inner = (PlanoRect) { r.x + tolerance, r.y + strip, r.w - 2 * tolerance, r.h - strip - tolerance };
            hit = plano_rect_contains (&outer, x, y) &&
                  (inner.w <= 0 || inner.h <= 0 || !plano_rect_contains (&inner, x, y));
          }
          break;

        case PLANO_ITEM_EDGE:
          hit = edge_distance (self, shape, p) <= tolerance;
          break;

        case PLANO_ITEM_TRADEOFF:
        case PLANO_N_ITEM_TYPES:
        default:
          break;
        }

      if (!hit)
        continue;

      /* Among items of the same type, the one drawn last is on top. */
      position = item_position (self, item);

      if (rank < best_rank || (rank == best_rank && position >= best_position))
        {
          best = item->id;
          best_rank = rank;
          best_position = position;
        }
    }

  return best;
}

/* Drawing */


static Color
zone_color (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (zone_colors); i++)
    if (g_strcmp0 (zone_colors[i].id, kind) == 0)
      return zone_colors[i].color;

  return zone_colors[0].color;
}

static Color
zone_title_color (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (zone_colors); i++)
    if (g_strcmp0 (zone_colors[i].id, kind) == 0)
      return zone_colors[i].title;

  return zone_colors[0].title;
}

static gboolean
is_selected (const PlanoRenderOptions *options,
             const char               *id)
{
  return options->selected != NULL && g_hash_table_contains (options->selected, id);
}

static void
paint_highlight (Painter                  *p,
                 const PlanoRenderOptions *options,
                 const Palette            *palette,
                 const char               *id,
                 const PlanoRect          *r,
                 double                    radius)
{
  if (is_selected (options, id))
    {
      p->rounded_rect (p, r->x - 4, r->y - 4, r->w + 8, r->h + 8, radius + 4);
      p->stroke (p, &palette->accent, 2.5 / MAX (options->zoom, 0.25), NULL, 0);
    }
  else if (g_strcmp0 (options->hover, id) == 0)
    {
      Color hover = with_alpha (palette->accent, 0.5);

      p->rounded_rect (p, r->x - 3, r->y - 3, r->w + 6, r->h + 6, radius + 3);
      p->stroke (p, &hover, 1.5 / MAX (options->zoom, 0.25), NULL, 0);
    }
}

static void
paint_badge (PlanoRenderer *self,
             Painter       *p,
             const Palette *palette,
             const char    *id,
             double         cx,
             double         cy)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->badges, id));

  if (count == 0)
    return;

  p->circle (p, cx, cy, BADGE_RADIUS);
  p->fill (p, &palette->badge, FALSE);
  paint_glyph (p, "balance", cx - 6, cy - 6, 12, &palette->badge_text);
}

/* What a component's card shows but its label: the card and its border, the icon on its
 * category's colour and the kind's name. Cards of one kind, size and state look the same: a
 * painter may draw the face once and place it (Painter.form).
 */
typedef struct
{
  double       w, h;
  Color        card, border, icon;
  gboolean     status;        /* down or stale: a dashed border */
  const char  *glyph;         /* (nullable): none when too small to read */
  PangoLayout *subtitle;      /* (nullable): the same */
  double       subtitle_y;    /* from the card's top */
  Color        subtitle_color;
} CardFace;

static void
paint_card_face (Painter       *p,
                 gconstpointer  data,
                 double         x,
                 double         y)
{
  const CardFace *face = data;
  static const double status_dash[] = { 6, 4 };
  double glyph_size = MIN (GLYPH_BOX, face->h - 12);
  double gx = x + 10;
  double gy = y + (face->h - glyph_size) / 2;

  p->rounded_rect (p, x, y, face->w, face->h, 10);
  p->fill (p, &face->card, TRUE);
  if (face->status)
    p->stroke (p, &face->border, 2.5, status_dash, 2);
  else
    p->stroke (p, &face->border, 1.5, NULL, 0);

  p->rounded_rect (p, gx, gy, glyph_size, glyph_size, 8);
  p->fill (p, &face->icon, FALSE);

  if (face->glyph != NULL)
    {
      Color white = RGB (0xffffff);
      double inset = glyph_size * 0.22;

      paint_glyph (p, face->glyph, gx + inset, gy + inset, glyph_size - 2 * inset, &white);
    }
  if (face->subtitle != NULL)
    p->text (p, face->subtitle, gx + glyph_size + 10, y + face->subtitle_y, &face->subtitle_color);
}

static void
append_color_key (GString     *key,
                  const Color *c)
{
  g_string_append_printf (key, " %ld,%ld,%ld,%ld", lround (c->r * 1000), lround (c->g * 1000),
                          lround (c->b * 1000), lround (c->a * 1000));
}

static void
paint_node (PlanoRenderer            *self,
            Painter                  *p,
            const PlanoNode          *node,
            const PlanoRenderOptions *options,
            const Palette            *palette)
{
  const PlanoKind *kind = node_kind (node);
  const Shape *shape = g_hash_table_lookup (self->shapes, node->item.id);
  Color color = category_colors[kind->category];
  PlanoRect r = shape->bounds;
  double glyph_size = MIN (GLYPH_BOX, r.h - 12);
  gboolean down = plano_node_is_down (node);
  gboolean stale = !down && g_hash_table_contains (self->stale, node->item.id);
  CardFace face = {
    .w = r.w, .h = r.h,
    .card = palette->card,
    .border = down ? palette->down : stale ? palette->stale :
              options->high_contrast ? palette->card_border : with_alpha (color, 0.55),
    .icon = down ? with_alpha (palette->text_dim, 0.35) : color,
    .status = down || stale,
  };
  ItemText *text = NULL;
  double ty = 0;
  int title_h = 0;

  p->begin_item (p, node->item.id, plano_board_get_label (self->board, node->item.id));

  if (options->zoom >= LOD_ZOOM)
    {
      int subtitle_h;

      text = get_text (self, (const PlanoItem *) node);
      pango_layout_get_pixel_size (text->title, NULL, &title_h);
      pango_layout_get_pixel_size (text->subtitle, NULL, &subtitle_h);
      ty = r.y + (r.h - title_h - subtitle_h - 2) / 2;

      face.glyph = kind->glyph;
      /* The kind's name is the same on every card of a kind: part of a face drawn once. */
      if (p->form != NULL)
        {
          face.subtitle = text->subtitle;
          face.subtitle_y = ty + title_h + 2 - r.y;
          face.subtitle_color = palette->text_dim;
        }
    }

  if (p->form != NULL)
    {
      g_autoptr(GString) key = g_string_new ("card");

      g_string_append_printf (key, " %s %p %.2f %.2f %.2f %d", face.glyph != NULL ? face.glyph : "",
                              face.subtitle, face.w, face.h, face.subtitle_y, face.status);
      append_color_key (key, &face.card);
      append_color_key (key, &face.border);
      append_color_key (key, &face.icon);
      append_color_key (key, &face.subtitle_color);
      /* Room for the border's width and the glyph's strokes. */
      if (!p->form (p, key->str, r.x, r.y, r.w, r.h, 4, paint_card_face, &face))
        paint_card_face (p, &face, r.x, r.y);
    }
  else
    paint_card_face (p, &face, r.x, r.y);

  if (text != NULL)
    {
      double tx = r.x + 10 + glyph_size + 10;

      p->text (p, text->title, tx, ty, &palette->text);
      if (face.subtitle == NULL)
        p->text (p, text->subtitle, tx, ty + title_h + 2, &palette->text_dim);
    }

  paint_badge (self, p, palette, node->item.id, r.x + r.w - 2, r.y + 2);
  if (down || stale)
    {
      Color white = RGB (0xffffff);

      p->circle (p, r.x + 2, r.y + 2, BADGE_RADIUS);
      p->fill (p, down ? &palette->down : &palette->stale, FALSE);
      paint_glyph (p, down ? "cross" : "clock", r.x + 2 - 6, r.y + 2 - 6, 12, &white);
    }
  paint_highlight (p, options, palette, node->item.id, &r, 10);

  p->end_item (p);
}

static void
paint_zone (PlanoRenderer            *self,
            Painter                  *p,
            const PlanoZone          *zone,
            const PlanoRenderOptions *options,
            const Palette            *palette)
{
  Color color = zone_color (zone->kind);
  Color fill = with_alpha (color, options->theme == PLANO_THEME_DARK ? 0.16 : 0.09);
  Color border = with_alpha (color, 0.6);
  PlanoRect r = { zone->x, zone->y, zone->w, zone->h };
  gboolean medal = is_medal (zone);
  static const double dash[] = { 6, 4 };

  p->begin_item (p, zone->item.id, zone->label);

  p->rounded_rect (p, r.x, r.y, r.w, r.h, 14);
  p->fill (p, &fill, TRUE);
  if (zone->kind == NULL || g_str_equal (zone->kind, "group"))
    p->stroke (p, &border, 1.5, dash, 2);
  else
    p->stroke (p, &border, medal ? 2.5 : 1.5, NULL, 0);

  if (medal)
    {
      /* A medal: the tier's colour with a ring, like the medallion layers it stands for. */
      Color ring = with_alpha (color, 0.45);

      p->circle (p, r.x + 22, r.y + 20, 8);
      p->fill (p, &color, FALSE);
      p->circle (p, r.x + 22, r.y + 20, 5);
      p->stroke (p, &ring, 1.5, NULL, 0);
    }

  if (zone->label != NULL && options->zoom >= LOD_ZOOM)
    {
      /* Dark: near white. Light: the zone's darker shade, or black in high contrast. */
      Color label = options->theme == PLANO_THEME_DARK ? with_alpha (palette->text, 0.9) :
                    options->high_contrast ? palette->text : zone_title_color (zone->kind);
      PangoLayout *layout = get_text (self, (const PlanoItem *) zone)->title;
      double tx = r.x + zone_title_x (zone);

      if (options->plates && zone->label[0] != '\0')
        {
          Color plate = with_alpha (palette->background, 0.85);
          int w, h;

          pango_layout_get_pixel_size (layout, &w, &h);
          p->rounded_rect (p, tx - 5, r.y + 9, w + 10, h + 4, 5);
          p->fill (p, &plate, FALSE);
        }
      p->text (p, layout, tx, r.y + 11, medal ? &palette->text : &label);
    }

  paint_badge (self, p, palette, zone->item.id, r.x + r.w - 2, r.y + 2);
  paint_highlight (p, options, palette, zone->item.id, &r, 14);

  p->end_item (p);
}

static void
paint_note (PlanoRenderer            *self,
            Painter                  *p,
            const PlanoNote          *note,
            const PlanoRenderOptions *options,
            const Palette            *palette)
{
  PlanoRect r = { note->x, note->y, note->w, note->h };
  double fold = MIN (16, MIN (r.w, r.h) / 4);
  Color shade = with_alpha (palette->note_border, 0.8);

  p->begin_item (p, note->item.id, note->text);

  p->move_to (p, r.x, r.y);
  p->line_to (p, r.x + r.w, r.y);
  p->line_to (p, r.x + r.w, r.y + r.h - fold);
  p->line_to (p, r.x + r.w - fold, r.y + r.h);
  p->line_to (p, r.x, r.y + r.h);
  p->close_path (p);
  p->fill (p, &palette->note, TRUE);
  p->stroke (p, &palette->note_border, 1, NULL, 0);

  p->move_to (p, r.x + r.w, r.y + r.h - fold);
  p->line_to (p, r.x + r.w - fold, r.y + r.h - fold);
  p->line_to (p, r.x + r.w - fold, r.y + r.h);
  p->close_path (p);
  p->fill (p, &shade, FALSE);

  if (options->zoom >= LOD_ZOOM)
    p->text (p, get_text (self, (const PlanoItem *) note)->title, r.x + 10, r.y + 10,
             &palette->note_text);

  paint_highlight (p, options, palette, note->item.id, &r, 2);

  p->end_item (p);
}

/* Plain text: no card, in the theme's text colour, so that it reads on the theme's background.
 * On a transparent export it gets a plate of that background, as zone titles do, since the
 * page under it may be light or dark. */
static void
paint_text (PlanoRenderer            *self,
            Painter                  *p,
            const PlanoText          *text,
            const PlanoRenderOptions *options,
            const Palette            *palette)
{
  PlanoRect r = { text->x, text->y, text->w, text->h };
  PangoLayout *layout = get_text (self, (const PlanoItem *) text)->title;

  p->begin_item (p, text->item.id, text->text);
  if (options->plates && pango_layout_get_character_count (layout) > 0)
    {
      Color plate = with_alpha (palette->background, 0.85);
      PangoRectangle logical;

      /* Within the room the index keeps around the text, so that a band drawn apart has it. */
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      p->rounded_rect (p, r.x + logical.x - 5, r.y + logical.y - 2, logical.width + 10,
                       logical.height + 4, 5);
      p->fill (p, &plate, FALSE);
    }
  p->text (p, layout, r.x, r.y, &palette->text);
  paint_highlight (p, options, palette, text->item.id, &r, 2);
  p->end_item (p);
}

/* Liang–Barsky: the part of the segment from @a to @b inside @r, as the parameters
 * @t0 ≤ @t1 in [0, 1] along it. */
static gboolean
clip_segment (const PlanoRect *r,
              PlanoPoint       a,
              PlanoPoint       b,
              double          *t0,
              double          *t1)
{
  double dx = b.x - a.x, dy = b.y - a.y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a.x - r->x, r->x + r->w - a.x, a.y - r->y, r->y + r->h - a.y };

  *t0 = 0;
  *t1 = 1;
  for (guint i = 0; i < 4; i++)
    {
      double t;

      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }

      t = q[i] / p[i];
      if (p[i] < 0)
        *t0 = MAX (*t0, t);
      else
        *t1 = MIN (*t1, t);
      if (*t0 > *t1)
        return FALSE;
    }

  return TRUE;
}

/* An edge's line: @points with @end for its last point. Only what crosses @area is stroked,
 * each piece starting at its own place in the dash pattern: a long dashed line stroked whole
 * makes cairo lay out every dash of it, in view or not.
 */
static void
stroke_line (Painter          *p,
             GArray           *points,
             PlanoPoint        end,
             const PlanoRect  *area,
             const Color      *color,
             double            width,
             const EdgeStyle  *style)
{
  PlanoRect clip;
  double along = 0;
  gboolean open = FALSE;
  gboolean all_inside = TRUE;

#define POINT(i) ((i) == points->len - 1 ? end : g_array_index (points, PlanoPoint, (i)))

  if (area != NULL)
    {
      clip = *area;
      plano_rect_inflate (&clip, width + 2);
      for (guint i = 0; i < points->len && all_inside; i++)
        all_inside = plano_rect_contains (&clip, POINT (i).x, POINT (i).y);
    }

  if (all_inside)
    {
      p->move_to (p, POINT (0).x, POINT (0).y);
      for (guint i = 1; i < points->len; i++)
        p->line_to (p, POINT (i).x, POINT (i).y);
      p->stroke (p, color, width, style->dash, style->n_dash);
      return;
    }

  for (guint i = 0; i + 1 < points->len; i++)
    {
      PlanoPoint a = POINT (i), b = POINT (i + 1);
      double length = hypot (b.x - a.x, b.y - a.y);
      double t0, t1;

      if (clip_segment (&clip, a, b, &t0, &t1) && t1 > t0)
        {
          if (!open)
            {
              p->dash_offset = along + t0 * length;
              p->move_to (p, a.x + t0 * (b.x - a.x), a.y + t0 * (b.y - a.y));
              open = TRUE;
            }
          p->line_to (p, a.x + t1 * (b.x - a.x), a.y + t1 * (b.y - a.y));
          if (t1 < 1)
            {
              p->stroke (p, color, width, style->dash, style->n_dash);
              open = FALSE;
            }
        }
      else if (open)
        {
          p->stroke (p, color, width, style->dash, style->n_dash);
          open = FALSE;
        }
      along += length;
    }

  if (open)
    p->stroke (p, color, width, style->dash, style->n_dash);
  p->dash_offset = 0;

#undef POINT
}

static PlanoPoint
bezier_point (const PlanoPoint *c,
              double            t)
{
  double u = 1 - t;

  return (PlanoPoint) {
    u * u * u * c[0].x + 3 * u * u * t * c[1].x + 3 * u * t * t * c[2].x + t * t * t * c[3].x,
    u * u * u * c[0].y + 3 * u * u * t * c[1].y + 3 * u * t * t * c[2].y + t * t * t * c[3].y,
  };
}

/* A curved edge's line: its Bézier segments, the last one cut where it comes within @cut of
 * its end, where the arrowhead starts. Curves are few and short: they are stroked whole. */
static void
stroke_curve (Painter         *p,
              GArray          *curve,
              double           cut,
              const Color     *color,
              double           width,
              const EdgeStyle *style)
{
  guint n = curve->len;
  const PlanoPoint *last;
  PlanoPoint end;
  double lo = 0, hi = 1;

  if (n < 4)
    return;

  /* Where the last segment comes within @cut of its end, by halving: its points come nearer to
   * the end as t grows, but for a bend too small to matter here. */
  last = &g_array_index (curve, PlanoPoint, n - 4);
  end = last[3];
  for (guint i = 0; i < 24; i++)
    {
      double mid = (lo + hi) / 2;
      PlanoPoint q = bezier_point (last, mid);

      if (hypot (q.x - end.x, q.y - end.y) > cut)
        lo = mid;
      else
        hi = mid;
    }

  p->move_to (p, g_array_index (curve, PlanoPoint, 0).x, g_array_index (curve, PlanoPoint, 0).y);
  for (guint i = 0; i + 3 < n; i += 3)
    {
      const PlanoPoint *c = &g_array_index (curve, PlanoPoint, i);

      if (i + 4 < n)
        p->curve_to (p, c[1].x, c[1].y, c[2].x, c[2].y, c[3].x, c[3].y);
      else
        {
          /* The part of the last segment before @lo, by de Casteljau. */
          double t = lo;
          PlanoPoint a = { c[0].x + (c[1].x - c[0].x) * t, c[0].y + (c[1].y - c[0].y) * t };
          PlanoPoint b = { c[1].x + (c[2].x - c[1].x) * t, c[1].y + (c[2].y - c[1].y) * t };
          PlanoPoint ab = { a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t };
          PlanoPoint q = bezier_point (c, t);

          p->curve_to (p, a.x, a.y, ab.x, ab.y, q.x, q.y);
        }
    }
  p->stroke (p, color, width, style->dash, style->n_dash);
}

/* @over: drawn again over a picture that has it already (a highlight over tiles): its label's
 * box is then opaque, so that the text under it is covered rather than drawn twice. */
static void
paint_edge (PlanoRenderer            *self,
            Painter                  *p,
            const PlanoEdge          *edge,
            const PlanoRenderOptions *options,
            const Palette            *palette,
            const PlanoRect          *area,
            gboolean                  over)
{
  const Shape *shape = g_hash_table_lookup (self->shapes, edge->item.id);
  GArray *points = shape_points (self, edge);
  const EdgeStyle *style = edge_style (edge->kind);
  Color color = style->color;
  PlanoPoint tip, before;
  double angle, width = style->width;
  PlanoRect label;
  g_autofree char *title = NULL;

  if (points->len < 2)
    return;

  if (options->theme == PLANO_THEME_DARK && style == &edge_styles[0])
    color = palette->edge;

  if (is_selected (options, edge->item.id))
    {
      color = palette->accent;
      width += 1;
    }
  else if (g_strcmp0 (options->hover, edge->item.id) == 0)
    {
      width += 1;
    }

  if (p->titles && edge->label == NULL)
    title = g_strdup_printf ("%s → %s", plano_board_get_label (self->board, edge->from),
                             plano_board_get_label (self->board, edge->to));
  p->begin_item (p, edge->item.id, edge->label != NULL ? edge->label : title);

  tip = g_array_index (points, PlanoPoint, points->len - 1);
  before = g_array_index (points, PlanoPoint, points->len - 2);
  angle = atan2 (tip.y - before.y, tip.x - before.x);

  /* The line stops where the arrowhead starts, so that dashes do not poke through it. */
  if (shape != NULL && shape->curve != NULL)
    stroke_curve (p, shape->curve, ARROW_LENGTH * 0.8, &color, width, style);
  else
    stroke_line (p, points, (PlanoPoint) { tip.x - cos (angle) * ARROW_LENGTH * 0.8,
                                           tip.y - sin (angle) * ARROW_LENGTH * 0.8 },
                 area, &color, width, style);

  p->move_to (p, tip.x, tip.y);
  p->line_to (p, tip.x - ARROW_LENGTH * cos (angle - 0.4), tip.y - ARROW_LENGTH * sin (angle - 0.4));
  p->line_to (p, tip.x - ARROW_LENGTH * cos (angle + 0.4), tip.y - ARROW_LENGTH * sin (angle + 0.4));
  p->close_path (p);
  p->fill (p, &color, FALSE);

  /* Replication goes both ways: an arrowhead at each end. */
  if (g_strcmp0 (edge->kind, "replication") == 0)
    {
      PlanoPoint start = g_array_index (points, PlanoPoint, 0);
      PlanoPoint next = g_array_index (points, PlanoPoint, 1);
      double back = atan2 (start.y - next.y, start.x - next.x);

      p->move_to (p, start.x, start.y);
      p->line_to (p, start.x - ARROW_LENGTH * cos (back - 0.4), start.y - ARROW_LENGTH * sin (back - 0.4));
      p->line_to (p, start.x - ARROW_LENGTH * cos (back + 0.4), start.y - ARROW_LENGTH * sin (back + 0.4));
      p->close_path (p);
      p->fill (p, &color, FALSE);
    }

  if (options->zoom >= LOD_ZOOM && edge_label_box (self, edge, points, &label))
    {
      Color background = with_alpha (palette->label_background, over ? 1 : 0.92);

      PangoLayout *layout = get_text (self, (const PlanoItem *) edge)->title;
      PangoRectangle logical;

      /* Centred lines of a layout with a width start right of its origin: the widest starts
       * at the pill's padding. */
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      p->rounded_rect (p, label.x, label.y, label.w, label.h, 6);
      p->fill (p, &background, FALSE);
      p->text (p, layout, label.x + 5 - logical.x, label.y + 2 - logical.y, &palette->text);
      paint_badge (self, p, palette, edge->item.id, label.x + label.w, label.y);
    }
  else
    {
      PlanoPoint middle = polyline_middle (points);

      paint_badge (self, p, palette, edge->item.id, middle.x, middle.y);
    }

  p->end_item (p);
}

typedef struct
{
  guint64          order;
  const PlanoItem *item;
  const Shape     *shape;
} Visible;

static int
compare_visible (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = ((const Visible *) a)->order, y = ((const Visible *) b)->order;

  return x < y ? -1 : x > y;
}

/* The overview, for zooms where a card is a few pixels wide: zones, then every connection as a
 * plain line, one path per style, then every component as a block of its category's colour,
 * one path per colour. Text, glyphs and arrowheads would be smaller than a pixel. It is drawn
 * from what update_item() worked out, without looking at the items' strings.
 */
#define N_OVERVIEW_CLASSES (MAX (G_N_ELEMENTS (edge_styles), PLANO_N_CATEGORIES + 1))

static void
paint_overview (PlanoRenderer            *self,
                Painter                  *p,
                GPtrArray                *shapes,
                const PlanoRenderOptions *options,
                const Palette            *palette)
{
  double hairline = 1.0 / options->zoom;
  g_autoptr(GArray) zones = g_array_new (FALSE, FALSE, sizeof (Visible));
  GPtrArray *lines[N_OVERVIEW_CLASSES] = { NULL, };
  GPtrArray *blocks[N_OVERVIEW_CLASSES] = { NULL, };
  gboolean any_stale = g_hash_table_size (self->stale) > 0;

  for (guint c = 0; c < N_OVERVIEW_CLASSES; c++)
    {
      lines[c] = g_ptr_array_new ();
      blocks[c] = g_ptr_array_new ();
    }

  for (guint i = 0; i < shapes->len; i++)
    {
      const Shape *shape = g_ptr_array_index (shapes, i);

      switch (shape->type)
        {
        case PLANO_ITEM_ZONE:
          {
            Visible v = { item_position (self, shape->item), shape->item, shape };

            g_array_append_val (zones, v);
          }
          break;
        case PLANO_ITEM_EDGE:
          g_ptr_array_add (lines[shape->klass], (gpointer) shape);
          break;
        case PLANO_ITEM_NODE:
        case PLANO_ITEM_NOTE:
          g_ptr_array_add (blocks[shape->klass], (gpointer) shape);
          break;
        /* Text would be smaller than a pixel. */
        case PLANO_ITEM_TEXT:
        case PLANO_ITEM_TRADEOFF:
        case PLANO_N_ITEM_TYPES:
        default:
          break;
        }
    }

  /* Zones overlap, so they keep board order. */
  g_array_sort (zones, compare_visible);
  for (guint i = 0; i < zones->len; i++)
    {
      const PlanoZone *zone = (const PlanoZone *) g_array_index (zones, Visible, i).item;
      Color color = zone_color (zone->kind);
      Color fill = with_alpha (color, options->theme == PLANO_THEME_DARK ? 0.16 : 0.09);

      p->rounded_rect (p, zone->x, zone->y, zone->w, zone->h, 0);
      p->fill (p, &fill, TRUE);
      p->stroke (p, &color, hairline, NULL, 0);
    }

  p->coarse = TRUE;
  for (guint c = 0; c < G_N_ELEMENTS (edge_styles); c++)
    {
      const EdgeStyle *style = &edge_styles[c];
      Color color = options->theme == PLANO_THEME_DARK && c == 0 ? palette->edge : style->color;

      if (lines[c]->len == 0)
        continue;

      for (guint i = 0; i < lines[c]->len; i++)
        {
          const Shape *shape = g_ptr_array_index (lines[c], i);
          GArray *points = shape->points;

          if (shape->n_points == 2)
            {
              p->move_to (p, shape->ends[0].x, shape->ends[0].y);
              p->line_to (p, shape->ends[1].x, shape->ends[1].y);
              continue;
            }

          for (guint j = 0; j < points->len; j++)
            {
              PlanoPoint pt = g_array_index (points, PlanoPoint, j);

              if (j == 0)
                p->move_to (p, pt.x, pt.y);
              else
                p->line_to (p, pt.x, pt.y);
            }
        }
      p->stroke (p, &color, MAX (style->width, hairline), NULL, 0);
    }
  p->coarse = FALSE;

  for (guint c = 0; c <= PLANO_N_CATEGORIES; c++)
    {
      if (blocks[c]->len == 0)
        continue;

      for (guint i = 0; i < blocks[c]->len; i++)
        {
          const PlanoRect *r = &((const Shape *) g_ptr_array_index (blocks[c], i))->tight;

          p->rounded_rect (p, r->x, r->y, r->w, r->h, 0);
        }
      p->fill (p, c < PLANO_N_CATEGORIES ? &category_colors[c] : &palette->note_border, FALSE);
    }

  /* What must not vanish in the overview: the selection, and the failure drill. */
  for (guint c = 0; c <= PLANO_N_CATEGORIES; c++)
    for (guint i = 0; i < blocks[c]->len; i++)
      {
        const Shape *shape = g_ptr_array_index (blocks[c], i);
        gboolean selected = options->selected != NULL && is_selected (options, shape->item->id);
        PlanoRect r = shape->tight;

        if (shape->down || (any_stale && g_hash_table_contains (self->stale, shape->item->id)))
          {
            p->rounded_rect (p, r.x, r.y, r.w, r.h, 0);
            p->fill (p, shape->down ? &palette->down : &palette->stale, FALSE);
          }
        if (selected)
          {
            plano_rect_inflate (&r, 2 * hairline);
            p->rounded_rect (p, r.x, r.y, r.w, r.h, 0);
            p->stroke (p, &palette->accent, 2 * hairline, NULL, 0);
          }
      }

  for (guint c = 0; c < N_OVERVIEW_CLASSES; c++)
    {
      g_ptr_array_unref (lines[c]);
      g_ptr_array_unref (blocks[c]);
    }
}

/* Paints what lies in @within, as it is drawn when @area is painted whole: connections that
 * leave @area are cut to it, so that they are cut the same way when only part of it is painted
 * again. What lies outside @within may be left out. */
static void
paint_within (PlanoRenderer            *self,
              Painter                  *p,
              const PlanoRect          *area,
              const PlanoRect          *within,
              const PlanoRenderOptions *options)
{
  const Palette *palette = get_palette (options);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GArray) visible = NULL;
  /* The layers, bottom to top. */
  static const guint64 layer[PLANO_N_ITEM_TYPES] = {
    [PLANO_ITEM_ZONE] = 0, [PLANO_ITEM_EDGE] = 1, [PLANO_ITEM_NODE] = 2, [PLANO_ITEM_NOTE] = 3,
    [PLANO_ITEM_TEXT] = 4, [PLANO_ITEM_TRADEOFF] = 5,
  };

  if (self->stale == NULL)
    update_stale (self);

  if (options->background)
    {
      p->rounded_rect (p, area->x, area->y, area->w, area->h, 0);
      p->fill (p, &palette->background, FALSE);
    }

  /* What is in the area, in board order within each layer, so that later items are drawn
   * on top.
   */
  plano_index_query_data (self->index, within, ids);
  if (options->zoom < OVERVIEW_ZOOM)
    {
      paint_overview (self, p, ids, options, palette);
      return;
    }

  visible = g_array_sized_new (FALSE, FALSE, sizeof (Visible), ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      const Shape *shape = g_ptr_array_index (ids, i);
      Visible v = { layer[shape->type] << 32 | item_position (self, shape->item), shape->item, shape };

      g_array_append_val (visible, v);
    }
  g_array_sort (visible, compare_visible);

  for (guint i = 0; i < visible->len; i++)
    {
      const PlanoItem *item = g_array_index (visible, Visible, i).item;

      switch (item->type)
        {
        case PLANO_ITEM_ZONE:
          paint_zone (self, p, (const PlanoZone *) item, options, palette);
          break;
        case PLANO_ITEM_EDGE:
          paint_edge (self, p, (const PlanoEdge *) item, options, palette, area, FALSE);
          break;
        case PLANO_ITEM_NODE:
          paint_node (self, p, (const PlanoNode *) item, options, palette);
          break;
        case PLANO_ITEM_NOTE:
          paint_note (self, p, (const PlanoNote *) item, options, palette);
          break;
        case PLANO_ITEM_TEXT:
          paint_text (self, p, (const PlanoText *) item, options, palette);
          break;
        case PLANO_ITEM_TRADEOFF:
        case PLANO_N_ITEM_TYPES:
        default:
          g_assert_not_reached ();
        }
    }
}

void
plano_renderer_paint (PlanoRenderer            *self,
                      Painter                  *p,
                      const PlanoRect          *area,
                      const PlanoRenderOptions *options)
{
  paint_within (self, p, area, area, options);
}

/**
 * plano_renderer_draw_within:
 * @cr: as for plano_renderer_draw()
 * @area: the part of the canvas the picture on @cr shows
 * @within: the part of @area that matters
 *
 * Draws what plano_renderer_draw() draws for @area, but only the items that lie in @within:
 * without a clip, the pixels inside @within are those plano_renderer_draw() gives, to the
 * last bit, and outside it they may lack items.
 */
void
plano_renderer_draw_within (PlanoRenderer            *self,
                            cairo_t                  *cr,
                            const PlanoRect          *area,
                            const PlanoRect          *within,
                            const PlanoRenderOptions *options)
{
  CairoPainter painter;

  g_return_if_fail (PLANO_IS_RENDERER (self));
  g_return_if_fail (cr != NULL && area != NULL && within != NULL && options != NULL);

  cairo_save (cr);
  cairo_painter_init_for_target (&painter, cr);
  paint_within (self, &painter.painter, area, within, options);
  g_clear_pointer (&painter.forms, g_hash_table_unref);
  cairo_restore (cr);
}

/**
 * plano_renderer_draw:
 * @cr: where to draw, already transformed so that one unit is one canvas unit
 * @area: the part of the canvas to draw; items outside it are culled
 *
 * Paints with cairo: the canvas, the PNG export, thumbnails, the study sheet.
 */
void
plano_renderer_draw (PlanoRenderer            *self,
                     cairo_t                  *cr,
                     const PlanoRect          *area,
                     const PlanoRenderOptions *options)
{
  CairoPainter painter;

  g_return_if_fail (PLANO_IS_RENDERER (self));
  g_return_if_fail (cr != NULL && area != NULL && options != NULL);

  cairo_save (cr);
  cairo_painter_init_for_target (&painter, cr);
  plano_renderer_paint (self, &painter.painter, area, options);
  g_clear_pointer (&painter.forms, g_hash_table_unref);
  cairo_restore (cr);
}

/**
 * plano_renderer_draw_highlights:
 * @cr: as for plano_renderer_draw()
 *
 * Draws only what @options' selection and hover add to plano_renderer_draw(): rings around
 * components, zones and notes, and the selected or hovered connections over the rest. Drawn
 * over a picture of the same area made without a selection, as PlanoTiles does, it shows the
 * selection on top of everything.
 */
void
plano_renderer_draw_highlights (PlanoRenderer            *self,
                                cairo_t                  *cr,
                                const PlanoRect          *area,
                                const PlanoRenderOptions *options)
{
  const Palette *palette = get_palette (options);
  g_autoptr(GPtrArray) shapes = NULL;
  CairoPainter painter;
  Painter *p = &painter.painter;

  g_return_if_fail (PLANO_IS_RENDERER (self));
  g_return_if_fail (cr != NULL && area != NULL && options != NULL);

  if ((options->selected == NULL || g_hash_table_size (options->selected) == 0) && options->hover == NULL)
    return;

  shapes = g_ptr_array_new ();
  plano_index_query_data (self->index, area, shapes);
  cairo_save (cr);
  cairo_painter_init (&painter, cr);

  for (guint i = 0; i < shapes->len; i++)
    {
      const Shape *shape = g_ptr_array_index (shapes, i);
      const PlanoItem *item = shape->item;
      PlanoRect r;

      if (!is_selected (options, item->id) && g_strcmp0 (options->hover, item->id) != 0)
        continue;

      if (options->zoom < OVERVIEW_ZOOM)
        {
          /* As paint_overview() marks the selection. */
          double hairline = 1.0 / options->zoom;

          if ((shape->type == PLANO_ITEM_NODE || shape->type == PLANO_ITEM_NOTE) &&
              is_selected (options, item->id))
            {
              r = shape->tight;
              plano_rect_inflate (&r, 2 * hairline);
              p->rounded_rect (p, r.x, r.y, r.w, r.h, 0);
              p->stroke (p, &palette->accent, 2 * hairline, NULL, 0);
            }
          continue;
        }

      if (shape->type == PLANO_ITEM_EDGE)
        {
          paint_edge (self, p, (const PlanoEdge *) item, options, palette, area, TRUE);
          continue;
        }

      r = shape->bounds;
      paint_highlight (p, options, palette, item->id, &r,
                       shape->type == PLANO_ITEM_NODE ? 10 : shape->type == PLANO_ITEM_ZONE ? 14 : 2);
    }

  cairo_restore (cr);
}

/**
 * plano_render_kind_icon:
 * @cr: where to draw, with the icon's top-left corner at the origin
 * @kind: the kind
 * @size: the icon's width and height
 *
 * Draws the kind's glyph on its category's colour, as on a component's card: for the palette,
 * and anywhere a kind is listed.
 */
void
plano_render_kind_icon (cairo_t         *cr,
                        const PlanoKind *kind,
                        double           size)
{
  CairoPainter painter;
  Color color = category_colors[kind->category];
  Color white = RGB (0xffffff);
  double inset = size * 0.2;

  cairo_save (cr);
  cairo_painter_init (&painter, cr);
  painter.painter.rounded_rect (&painter.painter, 0, 0, size, size, size * 0.22);
  painter.painter.fill (&painter.painter, &color, FALSE);
  paint_glyph (&painter.painter, kind->glyph, inset, inset, size - 2 * inset, &white);
  cairo_restore (cr);
}

/* The whole document into @out, handed to @flush chunk by chunk if given; returns what is left
 * to write at the end. */
static GString *
write_svg (PlanoRenderer            *self,
           const PlanoRect          *area,
           const PlanoRenderOptions *options,
           GString                  *out,
           PlanoRenderFlushFunc      flush,
           gpointer                  flush_data)
{
  SvgPainter painter;
  double scale = options->zoom > 0 ? options->zoom : 1;

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                   "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"");
  plano_render_append_number (out, area->w * scale);
  g_string_append (out, "\" height=\"");
  plano_render_append_number (out, area->h * scale);
  g_string_append (out, "\" viewBox=\"");
  plano_render_append_number (out, area->x);
  g_string_append_c (out, ' ');
  plano_render_append_number (out, area->y);
  g_string_append_c (out, ' ');
  plano_render_append_number (out, area->w);
  g_string_append_c (out, ' ');
  plano_render_append_number (out, area->h);
  g_string_append (out, "\">\n");

  if (plano_board_get_title (self->board) != NULL)
    {
      g_string_append (out, "<title>");
      svg_escape (out, plano_board_get_title (self->board), -1);
      g_string_append (out, "</title>\n");
    }

  svg_painter_init (&painter, out, flush, flush_data);
  plano_renderer_paint (self, &painter.painter, area, options);
  sp_write_pending_fill (&painter);
  g_string_free (painter.d, TRUE);

  /* After what uses them, which SVG allows: they are known only once all is drawn. */
  if (painter.defs->len > 0)
    {
      g_string_append (painter.out, "<defs>\n");
      g_string_append_len (painter.out, painter.defs->str, painter.defs->len);
      g_string_append (painter.out, "</defs>\n");
    }
  g_string_free (painter.defs, TRUE);
  g_hash_table_unref (painter.glyph_ids);

  g_string_append (painter.out, "</svg>\n");

  return painter.out;
}

/**
 * plano_renderer_to_svg:
 * @area: the part of the canvas to write, which becomes the SVG's view box
 *
 * Returns: (transfer full): a standalone SVG document; every label is real <text>, and every
 *   item a <g> with its id and a <title>
 */
char *
plano_renderer_to_svg (PlanoRenderer            *self,
                       const PlanoRect          *area,
                       const PlanoRenderOptions *options)
{
  GString *out;

  g_return_val_if_fail (PLANO_IS_RENDERER (self), NULL);
  g_return_val_if_fail (area != NULL && options != NULL, NULL);

  /* About 800 bytes an item on a whole board: growing the document by doubling copies it whole
   * each time, and it is the largest thing an export holds. */
  out = g_string_sized_new (4096 + (gsize) plano_index_get_size (self->index) * 1024);
  out = write_svg (self, area, options, out, NULL, NULL);

  return g_string_free (out, FALSE);
}

/**
 * plano_renderer_write_svg:
 * @flush: called with the document written so far each time it passes a chunk (256 KiB), and
 *   with the rest at the end; it takes the string and returns an empty one to go on with
 *
 * Writes what plano_renderer_to_svg() returns, a chunk at a time, so that the document need
 * not be held whole: an export writes it to its file as it goes.
 */
void
plano_renderer_write_svg (PlanoRenderer            *self,
                          const PlanoRect          *area,
                          const PlanoRenderOptions *options,
                          PlanoRenderFlushFunc      flush,
                          gpointer                  user_data)
{
  GString *rest;

  g_return_if_fail (PLANO_IS_RENDERER (self));
  g_return_if_fail (area != NULL && options != NULL && flush != NULL);

  rest = write_svg (self, area, options, g_string_sized_new (SVG_CHUNK + 16 * 1024), flush, user_data);
  g_string_free (flush (rest, user_data), TRUE);
}

/**
 * plano_renderer_fit_text:
 * @text: a text item
 * @keep_width: keep the box's width, as the user just gave it, and fit only the height
 * @w: (out): the width its box should have
 * @h: (out): the height
 *
 * The box a text item gets when its text changes: as wide as its longest line, but never
 * narrower than it is (a width the user gave stays) and, for a text that grows, at most
 * %PLANO_TEXT_MAX_WIDTH before it wraps; as tall as its lines.
 */
void
plano_renderer_fit_text (PlanoRenderer   *self,
                         const PlanoText *text,
                         gboolean         keep_width,
                         double          *w,
                         double          *h)
{
  g_autoptr(PangoLayout) layout = NULL;
  int natural, height;

  g_return_if_fail (PLANO_IS_RENDERER (self));
  g_return_if_fail (text != NULL);

  *w = text->w;
  if (!keep_width)
    {
      layout = text_layout (self, text, -1);
      pango_layout_get_pixel_size (layout, &natural, NULL);
      if (natural + 2 > text->w)
        *w = MAX (text->w, MIN (natural + 2, PLANO_TEXT_MAX_WIDTH));
      g_clear_object (&layout);
    }

  layout = text_layout (self, text, *w);
  pango_layout_get_pixel_size (layout, NULL, &height);
  *h = MAX (height, 1);
}
