/* plano-tiles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-tiles"

#include "config.h"

#include <math.h>

#include "plano-render-private.h"
#include "plano-tiles.h"

/* The board, drawn once into tiles of 256 × 256 device pixels and kept: a frame that shows
 * nothing new (the pointer moved over a component, the selection changed, the view panned a
 * little) copies tiles instead of drawing hundreds of items again. Selection and hover are not
 * in the tiles; they are drawn over them on every frame.
 *
 * Tiles sit on a grid of whole device pixels anchored at the canvas origin, and the view is
 * put on that grid too (it moves by less than half a pixel), so that a tile is copied pixel for
 * pixel, never resampled, and neighbours meet without a seam.
 *
 * Tiles are kept for one zoom at a time. A frame at a zoom other than the last one's is drawn
 * directly: while the zoom changes from frame to frame, tiles would be drawn and never used.
 *
 * A change to the board damages the parts of the canvas it makes look different (the renderer
 * says which: PlanoRenderer::damaged). Each tile under them remembers its damaged pixels and
 * draws those again, and only those, the next time it is shown: a frame of a drag draws the
 * dragged component's old and new places and its connections', and copies the rest.
 */

#define TILE_SIZE 256

typedef struct
{
  cairo_surface_t *surface;
  cairo_region_t  *damage;   /* (nullable): its pixels to draw again */
  guint64          used;     /* the frame that last showed it */
  guint64          serial;   /* which picture it holds: new each time it is drawn */
} Tile;

struct _PlanoTiles
{
  GObject        parent_instance;

  PlanoRenderer *renderer;
  gulong         damaged_handler;
  GHashTable    *tiles;      /* column << 32 | row (as guint32s) → Tile */
  cairo_surface_t *scratch;  /* (nullable): where damaged tiles are drawn again */

  /* What the tiles are drawn for; a frame drawn for anything else drops them. */
  double         scale;      /* device pixels per canvas unit */
  double         zoom;       /* which sets the level of detail */
  PlanoTheme     theme;
  gboolean       background;
  gboolean       high_contrast;
  gboolean       plates;
  gboolean       ready;      /* the previous frame was drawn for the same */

  guint64        frame;
  guint64        serial;     /* the last tile picture's */
  guint          n_drawn;
};

G_DEFINE_FINAL_TYPE (PlanoTiles, plano_tiles, G_TYPE_OBJECT)

static void
tile_free (Tile *tile)
{
  cairo_surface_destroy (tile->surface);
  g_clear_pointer (&tile->damage, cairo_region_destroy);
  g_free (tile);
}

static gint64
tile_key (gint64 column,
          gint64 row)
{
  return (gint64) ((guint64) (guint32) column << 32 | (guint32) row);
}

static void
forget_tiles (PlanoTiles *self)
{
  g_hash_table_remove_all (self->tiles);
  self->ready = FALSE;
}

/* Marks the pixels of the tile at @column, @row that the device pixels from @x0, @y0 to @x1,
 * @y1 cover. */
static void
damage_tile (Tile   *tile,
             gint64  column,
             gint64  row,
             double  x0,
             double  y0,
             double  x1,
             double  y1)
{
  double left = (double) column * TILE_SIZE, top = (double) row * TILE_SIZE;
  int tx0 = (int) (MAX (x0, left) - left);
  int ty0 = (int) (MAX (y0, top) - top);
  int tx1 = (int) (MIN (x1, left + TILE_SIZE) - left);
  int ty1 = (int) (MIN (y1, top + TILE_SIZE) - top);

  if (tx0 >= tx1 || ty0 >= ty1)
    return;

  if (tile->damage == NULL)
    tile->damage = cairo_region_create ();
  cairo_region_union_rectangle (tile->damage,
                                &(cairo_rectangle_int_t) { tx0, ty0, tx1 - tx0, ty1 - ty0 });
}

/* Marks the pixels of the kept tiles that @rects cover, with a pixel more on every side for
 * antialiasing. A small box looks up the few tiles under it; one larger than all the tiles
 * kept goes through those. */
static void
damaged_cb (PlanoTiles      *self,
            const PlanoRect *rects,
            guint            n_rects,
            PlanoRenderer   *renderer)
{
  guint n_tiles = g_hash_table_size (self->tiles);

  for (guint i = 0; i < n_rects && n_tiles > 0; i++)
    {
      double x0 = floor (rects[i].x * self->scale) - 1;
      double y0 = floor (rects[i].y * self->scale) - 1;
      double x1 = ceil ((rects[i].x + rects[i].w) * self->scale) + 1;
      double y1 = ceil ((rects[i].y + rects[i].h) * self->scale) + 1;
      double first_column = floor (x0 / TILE_SIZE), last_column = floor ((x1 - 1) / TILE_SIZE);
      double first_row = floor (y0 / TILE_SIZE), last_row = floor ((y1 - 1) / TILE_SIZE);

      if ((last_column - first_column + 1) * (last_row - first_row + 1) <= n_tiles)
        {
          for (gint64 row = (gint64) first_row; row <= (gint64) last_row; row++)
            for (gint64 column = (gint64) first_column; column <= (gint64) last_column; column++)
              {
                gint64 key = tile_key (column, row);
                Tile *tile = g_hash_table_lookup (self->tiles, &key);

                if (tile != NULL)
                  damage_tile (tile, column, row, x0, y0, x1, y1);
              }
        }
      else
        {
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, self->tiles);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              guint64 k = *(const guint64 *) key;

              damage_tile (value, (gint32) (guint32) (k >> 32), (gint32) (guint32) k,
                           x0, y0, x1, y1);
            }
        }
    }
}

static void
plano_tiles_dispose (GObject *object)
{
  PlanoTiles *self = PLANO_TILES (object);

  if (self->renderer != NULL)
    g_clear_signal_handler (&self->damaged_handler, self->renderer);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (plano_tiles_parent_class)->dispose (object);
}

static void
plano_tiles_finalize (GObject *object)
{
  PlanoTiles *self = PLANO_TILES (object);

  g_hash_table_unref (self->tiles);
  g_clear_pointer (&self->scratch, cairo_surface_destroy);

  G_OBJECT_CLASS (plano_tiles_parent_class)->finalize (object);
}

static void
plano_tiles_class_init (PlanoTilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plano_tiles_dispose;
  object_class->finalize = plano_tiles_finalize;
}

static void
plano_tiles_init (PlanoTiles *self)
{
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) tile_free);
}

/**
 * plano_tiles_new:
 * @renderer: what draws the board
 *
 * Returns: (transfer full): a cache of @renderer's drawing, for a canvas
 */
PlanoTiles *
plano_tiles_new (PlanoRenderer *renderer)
{
  PlanoTiles *self;

  g_return_val_if_fail (PLANO_IS_RENDERER (renderer), NULL);

  self = g_object_new (PLANO_TYPE_TILES, NULL);
  self->renderer = g_object_ref (renderer);
  self->damaged_handler = g_signal_connect_object (renderer, "damaged", G_CALLBACK (damaged_cb),
                                                   self, G_CONNECT_SWAPPED);
  return self;
}

PlanoRenderer *
plano_tiles_get_renderer (PlanoTiles *self)
{
  g_return_val_if_fail (PLANO_IS_TILES (self), NULL);

  return self->renderer;
}

/* The view's top-left corner in device pixels, on the pixel grid. */
static void
snapped_corner (const PlanoRect *area,
                double           scale,
                double          *x,
                double          *y)
{
  *x = round (area->x * scale);
  *y = round (area->y * scale);
}

/**
 * plano_tiles_get_origin:
 * @area: the view, as for plano_tiles_draw()
 * @x: (out): where the view's left edge is drawn, in canvas units
 * @y: (out): where its top edge is drawn
 *
 * The view is drawn from a corner moved onto the device pixel grid: what is drawn over it
 * lines up when it is drawn from this corner.
 */
void
plano_tiles_get_origin (PlanoTiles               *self,
                        const PlanoRect          *area,
                        const PlanoRenderOptions *options,
                        int                       device_scale,
                        double                   *x,
                        double                   *y)
{
  double scale = options->zoom * MAX (device_scale, 1);

  snapped_corner (area, scale, x, y);
  *x /= scale;
  *y /= scale;
}

/* Draws again the damaged pixels of @tile, which shows @area, as they are when the whole tile
 * is drawn: the items there are drawn whole, without a clip, onto a scratch tile, and the
 * damaged pixels copied from it. A clip would cut their edges where it runs, and cairo
 * rasterizes an edge cut in two a level or so differently from the whole one. */
static void
repair_tile (PlanoTiles               *self,
             Tile                     *tile,
             const PlanoRect          *area,
             const PlanoRenderOptions *options)
{
  cairo_region_t *damage = g_steal_pointer (&tile->damage);
  cairo_format_t format = cairo_image_surface_get_format (tile->surface);
  cairo_rectangle_int_t extents;
  PlanoRect within;
  cairo_t *cr;

  if (self->scratch == NULL || cairo_image_surface_get_format (self->scratch) != format)
    {
      g_clear_pointer (&self->scratch, cairo_surface_destroy);
      self->scratch = cairo_image_surface_create (format, TILE_SIZE, TILE_SIZE);
    }

  cairo_region_get_extents (damage, &extents);
  within = (PlanoRect) { area->x + extents.x / self->scale, area->y + extents.y / self->scale,
                         extents.width / self->scale, extents.height / self->scale };

  cr = cairo_create (self->scratch);
  cairo_rectangle (cr, extents.x, extents.y, extents.width, extents.height);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_fill (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  cairo_scale (cr, self->scale, self->scale);
  cairo_translate (cr, -area->x, -area->y);
  plano_renderer_draw_within (self->renderer, cr, area, &within, options);
  cairo_destroy (cr);
  cairo_surface_flush (self->scratch);

  cr = cairo_create (tile->surface);
  for (int i = 0; i < cairo_region_num_rectangles (damage); i++)
    {
      cairo_rectangle_int_t r;

      cairo_region_get_rectangle (damage, i, &r);
      cairo_rectangle (cr, r.x, r.y, r.width, r.height);
    }
  cairo_clip (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, self->scratch, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (tile->surface);
  cairo_region_destroy (damage);
  tile->serial = ++self->serial;
  self->n_drawn++;
}

static Tile *
get_tile (PlanoTiles               *self,
          gint64                    column,
          gint64                    row,
          const PlanoRenderOptions *options)
{
  gint64 key = tile_key (column, row);
  Tile *tile = g_hash_table_lookup (self->tiles, &key);
  double size = TILE_SIZE / self->scale;
  PlanoRect area = { column * size, row * size, size, size };
  cairo_t *cr;

  if (tile != NULL)
    {
      if (tile->damage != NULL)
        repair_tile (self, tile, &area, options);
      return tile;
    }

  tile = g_new0 (Tile, 1);
  /* With a background the tile is opaque, and copied rather than blended. */
  tile->surface = cairo_image_surface_create (options->background ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32,
                                              TILE_SIZE, TILE_SIZE);
  cr = cairo_create (tile->surface);
  cairo_scale (cr, self->scale, self->scale);
  cairo_translate (cr, -area.x, -area.y);
  plano_renderer_draw (self->renderer, cr, &area, options);
  cairo_destroy (cr);
  cairo_surface_flush (tile->surface);
  tile->serial = ++self->serial;
  self->n_drawn++;

  g_hash_table_insert (self->tiles, g_memdup2 (&key, sizeof key), tile);
  return tile;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Keeps the tiles of the last frames, half again what one frame shows: the ring around the
 * view that a little panning brings back. */
static void
trim (PlanoTiles *self,
      guint       n_visible)
{
  guint limit = MAX (n_visible * 3 / 2, 16);
  g_autoptr(GArray) ages = NULL;
  GHashTableIter iter;
  Tile *tile;
  guint64 cutoff;

  if (g_hash_table_size (self->tiles) <= limit)
    return;

  ages = g_array_sized_new (FALSE, FALSE, sizeof (guint64), g_hash_table_size (self->tiles));
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tile))
    g_array_append_val (ages, tile->used);
  g_array_sort (ages, compare_newest_first);
  cutoff = g_array_index (ages, guint64, limit - 1);

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tile))
    if (tile->used < cutoff)
      g_hash_table_iter_remove (&iter);
}

/* Whether the tiles kept are for a frame of @options at @scale device pixels per canvas unit. */
static gboolean
is_ready (PlanoTiles               *self,
          const PlanoRenderOptions *options,
          double                    scale)
{
  return self->ready && scale == self->scale && options->zoom == self->zoom &&
         options->theme == self->theme && options->background == self->background &&
         options->high_contrast == self->high_contrast && options->plates == self->plates;
}

typedef void (*TileFunc) (Tile     *tile,
                          double    x,
                          double    y,
                          gpointer  user_data);

/* Calls @func for each tile of the view, drawn or repaired where needed, with its top-left
 * corner in device pixels from the view's; then lets go of the tiles no longer worth keeping. */
static void
foreach_visible (PlanoTiles               *self,
                 const PlanoRect          *area,
                 const PlanoRenderOptions *options,
                 int                       device_scale,
                 TileFunc                  func,
                 gpointer                  user_data)
{
  PlanoRenderOptions plain = *options;
  double scale = options->zoom * device_scale;
  double corner_x, corner_y;
  gint64 first_column, first_row, last_column, last_row;
  guint n_visible = 0;

  plain.selected = NULL;
  plain.hover = NULL;

  snapped_corner (area, scale, &corner_x, &corner_y);
  first_column = (gint64) floor (corner_x / TILE_SIZE);
  first_row = (gint64) floor (corner_y / TILE_SIZE);
  last_column = (gint64) floor ((corner_x + ceil (area->w * scale) - 1) / TILE_SIZE);
  last_row = (gint64) floor ((corner_y + ceil (area->h * scale) - 1) / TILE_SIZE);

  self->frame++;
  for (gint64 row = first_row; row <= last_row; row++)
    for (gint64 column = first_column; column <= last_column; column++)
      {
        Tile *tile = get_tile (self, column, row, &plain);

        tile->used = self->frame;
        func (tile, column * TILE_SIZE - corner_x, row * TILE_SIZE - corner_y, user_data);
        n_visible++;
      }

  trim (self, n_visible);
}

static void
paint_tile (Tile     *tile,
            double    x,
            double    y,
            gpointer  user_data)
{
  cairo_t *cr = user_data;

  cairo_set_source_surface (cr, tile->surface, x, y);
  cairo_rectangle (cr, x, y, TILE_SIZE, TILE_SIZE);
  cairo_fill (cr);
}

/**
 * plano_tiles_draw:
 * @cr: where to draw, in view coordinates: one unit is one logical pixel, (0, 0) the view's
 *   top-left corner
 * @area: the part of the canvas the view shows; its top-left corner is drawn at (0, 0), moved
 *   onto the device pixel grid (see plano_tiles_get_origin())
 * @options: as for plano_renderer_draw(); the zoom is the view's
 * @device_scale: device pixels per logical pixel
 *
 * Draws what plano_renderer_draw() would, from tiles kept between frames where it can.
 */
void
plano_tiles_draw (PlanoTiles               *self,
                  cairo_t                  *cr,
                  const PlanoRect          *area,
                  const PlanoRenderOptions *options,
                  int                       device_scale)
{
  PlanoRect shown;
  double scale, corner_x, corner_y;

  g_return_if_fail (PLANO_IS_TILES (self));
  g_return_if_fail (cr != NULL && area != NULL && options != NULL && options->zoom > 0);

  device_scale = MAX (device_scale, 1);
  scale = options->zoom * device_scale;
  snapped_corner (area, scale, &corner_x, &corner_y);
  /* What the view shows once moved onto the grid, to its last pixel. */
  shown = (PlanoRect) { corner_x / scale, corner_y / scale, area->w + 1 / scale, area->h + 1 / scale };

  if (!is_ready (self, options, scale))
    {
      /* Drawn directly, from the same corner the tiles would use. */
      forget_tiles (self);
      self->scale = scale;
      self->zoom = options->zoom;
      self->theme = options->theme;
      self->background = options->background;
      self->high_contrast = options->high_contrast;
      self->plates = options->plates;
      self->ready = TRUE;
      self->frame++;

      cairo_save (cr);
      cairo_scale (cr, options->zoom, options->zoom);
      cairo_translate (cr, -corner_x / scale, -corner_y / scale);
      plano_renderer_draw (self->renderer, cr, &shown, options);
      cairo_restore (cr);
      return;
    }

  cairo_save (cr);
  cairo_scale (cr, 1.0 / device_scale, 1.0 / device_scale);
  foreach_visible (self, area, options, device_scale, paint_tile, cr);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_scale (cr, options->zoom, options->zoom);
  cairo_translate (cr, -corner_x / scale, -corner_y / scale);
  plano_renderer_draw_highlights (self->renderer, cr, &shown, options);
  cairo_restore (cr);
}

typedef struct
{
  PlanoTileFunc func;
  gpointer      user_data;
  int           device_scale;
} Foreach;

static void
hand_tile (Tile     *tile,
           double    x,
           double    y,
           gpointer  user_data)
{
  Foreach *data = user_data;

  data->func (tile->surface, tile->serial, x / data->device_scale, y / data->device_scale,
              (double) TILE_SIZE / data->device_scale, data->user_data);
}

/**
 * plano_tiles_foreach:
 * @area: as for plano_tiles_draw()
 * @options: as for plano_tiles_draw(); its selection and hover are not in the tiles
 * @device_scale: as for plano_tiles_draw()
 * @func: called for each tile the view shows, in rows from the top
 *
 * Hands out the view's tiles, for a caller that places them itself (a GTK canvas, as
 * textures). Each comes with a serial number that is new whenever its picture is: a tile
 * handed out again with the same serial looks as it did. Unlike plano_tiles_draw(), nothing is
 * drawn over them: plano_renderer_draw_highlights(), from the origin plano_tiles_get_origin()
 * gives, draws the selection and hover.
 *
 * Returns: %FALSE, calling nothing, when this frame is better drawn directly, as the first at
 *   a zoom is (see above): plano_tiles_draw() draws it so
 */
gboolean
plano_tiles_foreach (PlanoTiles               *self,
                     const PlanoRect          *area,
                     const PlanoRenderOptions *options,
                     int                       device_scale,
                     PlanoTileFunc             func,
                     gpointer                  user_data)
{
  Foreach data = { func, user_data, MAX (device_scale, 1) };

  g_return_val_if_fail (PLANO_IS_TILES (self), FALSE);
  g_return_val_if_fail (area != NULL && options != NULL && func != NULL, FALSE);
  g_return_val_if_fail (options->zoom > 0, FALSE);

  if (!is_ready (self, options, options->zoom * data.device_scale))
    return FALSE;

  foreach_visible (self, area, options, data.device_scale, hand_tile, &data);
  return TRUE;
}

/**
 * plano_tiles_prepare:
 * @area: as for plano_tiles_draw()
 * @options: as for plano_tiles_draw()
 * @device_scale: as for plano_tiles_draw()
 * @max: at most how many tiles to draw
 *
 * Draws ahead tiles of the view that are missing or damaged, at most @max of them, for the
 * frames to come: a canvas calls it while idle after a frame drawn directly, so that the next
 * frame (the pointer moves over the board) copies tiles rather than drawing them all at once.
 *
 * Returns: whether tiles of the view remain to be drawn; %FALSE too when the tiles kept are
 *   for another zoom, theme or scale than @options and @device_scale say
 */
gboolean
plano_tiles_prepare (PlanoTiles               *self,
                     const PlanoRect          *area,
                     const PlanoRenderOptions *options,
                     int                       device_scale,
                     guint                     max)
{
  PlanoRenderOptions plain;
  double scale, corner_x, corner_y;
  gint64 first_column, first_row, last_column, last_row;
  guint drawn = 0;

  g_return_val_if_fail (PLANO_IS_TILES (self), FALSE);
  g_return_val_if_fail (area != NULL && options != NULL && options->zoom > 0, FALSE);

  device_scale = MAX (device_scale, 1);
  scale = options->zoom * device_scale;
  if (!is_ready (self, options, scale))
    return FALSE;

  plain = *options;
  plain.selected = NULL;
  plain.hover = NULL;
  snapped_corner (area, scale, &corner_x, &corner_y);
  first_column = (gint64) floor (corner_x / TILE_SIZE);
  first_row = (gint64) floor (corner_y / TILE_SIZE);
  last_column = (gint64) floor ((corner_x + ceil (area->w * scale) - 1) / TILE_SIZE);
  last_row = (gint64) floor ((corner_y + ceil (area->h * scale) - 1) / TILE_SIZE);

  for (gint64 row = first_row; row <= last_row; row++)
    for (gint64 column = first_column; column <= last_column; column++)
      {
        gint64 key = tile_key (column, row);
        Tile *tile = g_hash_table_lookup (self->tiles, &key);

        if (tile != NULL && tile->damage == NULL)
          continue;
        if (drawn == max)
          return TRUE;

        tile = get_tile (self, column, row, &plain);
        /* Kept as if the last frame had shown it. */
        tile->used = self->frame;
        drawn++;
      }

  return FALSE;
}

/**
 * plano_tiles_get_n_cached:
 *
 * Returns: how many tiles are kept
 */
guint
plano_tiles_get_n_cached (PlanoTiles *self)
{
  g_return_val_if_fail (PLANO_IS_TILES (self), 0);

  return g_hash_table_size (self->tiles);
}

/**
 * plano_tiles_get_n_drawn:
 *
 * Returns: how many tiles were drawn so far, for tests and benchmarks
 */
guint
plano_tiles_get_n_drawn (PlanoTiles *self)
{
  g_return_val_if_fail (PLANO_IS_TILES (self), 0);

  return self->n_drawn;
}
