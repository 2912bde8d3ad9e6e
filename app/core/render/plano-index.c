/* plano-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-index"

#include "config.h"

#include <math.h>
#include <string.h>

#include "plano-index.h"

/* Boxes that would cover more cells than this (big zones) go to a short list of their own
 * that every query checks, so that one huge box does not fill thousands of cells.
 */
#define MAX_CELLS_PER_ENTRY 64

/* An entry and its id are one block, and a cell its key and its list: a large board makes tens
 * of thousands of each, and building and freeing them was a third of opening one. */
typedef struct
{
  PlanoRect  rect;
  gpointer   data;
  int        cx0, cy0, cx1, cy1;
  gboolean   big;
  guint      stamp;
  char       id[];
} Entry;

typedef struct
{
  gint64     key;
  guint      len;
  guint      allocated;
  Entry    **entries;
} Cell;

struct _PlanoIndex
{
  double      cell_size;
  GHashTable *entries;   /* id → Entry */
  GHashTable *cells;     /* cell key → Cell */
  GPtrArray  *big;       /* of Entry */
  guint       stamp;
  gboolean    want_data; /* the query under way collects data, not ids */
};

/* Both cell coordinates in one 64-bit key; negative cells are common, so the packing is
 * done on unsigned values.
 */
static gint64
cell_key (int cx,
          int cy)
{
  return (gint64) (((guint64) (guint32) cx << 32) | (guint32) cy);
}

/* g_int64_hash() folds the two halves together with XOR, so every cell of a diagonal would
 * share one bucket; the key's bits are mixed first (MurmurHash3's finaliser). */
static guint
key_hash (gconstpointer key)
{
  guint64 v = *(const guint64 *) key;

  v ^= v >> 33;
  v *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  v ^= v >> 33;
  v *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  v ^= v >> 33;

  return (guint) v;
}

static void
cell_free (Cell *cell)
{
  g_free (cell->entries);
  g_free (cell);
}

static void
cell_add (Cell  *cell,
          Entry *entry)
{
  if (cell->len == cell->allocated)
    {
      cell->allocated = MAX (4, cell->allocated * 2);
      cell->entries = g_renew (Entry *, cell->entries, cell->allocated);
    }
  cell->entries[cell->len++] = entry;
}

static void
cell_remove (Cell  *cell,
             Entry *entry)
{
  for (guint i = 0; i < cell->len; i++)
    if (cell->entries[i] == entry)
      {
        cell->entries[i] = cell->entries[--cell->len];
        return;
      }
}

PlanoIndex *
plano_index_new (double cell_size)
{
  PlanoIndex *self = g_new0 (PlanoIndex, 1);

  g_return_val_if_fail (cell_size > 0, NULL);

  self->cell_size = cell_size;
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->cells = g_hash_table_new_full (key_hash, g_int64_equal, NULL, (GDestroyNotify) cell_free);
  self->big = g_ptr_array_new ();

  return self;
}

void
plano_index_free (PlanoIndex *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->cells);
  g_ptr_array_unref (self->big);
  g_hash_table_unref (self->entries);
  g_free (self);
}

static int
cell_of (PlanoIndex *self,
         double      v)
{
  return (int) floor (v / self->cell_size);
}

static void
unlink_entry (PlanoIndex *self,
              Entry      *entry)
{
  if (entry->big)
    {
      g_ptr_array_remove_fast (self->big, entry);
      return;
    }

  for (int cx = entry->cx0; cx <= entry->cx1; cx++)
    for (int cy = entry->cy0; cy <= entry->cy1; cy++)
      {
        gint64 key = cell_key (cx, cy);
        Cell *cell = g_hash_table_lookup (self->cells, &key);

        if (cell == NULL)
          continue;

        cell_remove (cell, entry);
        if (cell->len == 0)
          g_hash_table_remove (self->cells, &key);
      }
}

static void
link_entry (PlanoIndex *self,
            Entry      *entry)
{
  const PlanoRect *r = &entry->rect;
  gint64 n_cells;

  entry->cx0 = cell_of (self, r->x);
  entry->cy0 = cell_of (self, r->y);
  entry->cx1 = cell_of (self, r->x + r->w);
  entry->cy1 = cell_of (self, r->y + r->h);

  n_cells = (gint64) (entry->cx1 - entry->cx0 + 1) * (entry->cy1 - entry->cy0 + 1);
  entry->big = n_cells > MAX_CELLS_PER_ENTRY;

  if (entry->big)
    {
      g_ptr_array_add (self->big, entry);
      return;
    }

  for (int cx = entry->cx0; cx <= entry->cx1; cx++)
    for (int cy = entry->cy0; cy <= entry->cy1; cy++)
      {
        gint64 key = cell_key (cx, cy);
        Cell *cell = g_hash_table_lookup (self->cells, &key);

        if (cell == NULL)
          {
            cell = g_new0 (Cell, 1);
            cell->key = key;
            g_hash_table_insert (self->cells, &cell->key, cell);
          }
        cell_add (cell, entry);
      }
}

/**
 * plano_index_set:
 * @id: the item's id
 * @rect: its box, in canvas units
 *
 * Adds the item, or moves it when it is already there.
 */
void
plano_index_set (PlanoIndex      *self,
                 const char      *id,
                 const PlanoRect *rect)
{
  plano_index_set_full (self, id, rect, NULL);
}

/**
 * plano_index_set_full:
 * @data: what plano_index_query_data() gives for this box
 *
 * Like plano_index_set(), with data of the caller's.
 */
void
plano_index_set_full (PlanoIndex      *self,
                      const char      *id,
                      const PlanoRect *rect,
                      gpointer         data)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL && rect != NULL);

  entry = g_hash_table_lookup (self->entries, id);
  if (entry != NULL)
    {
      unlink_entry (self, entry);
    }
  else
    {
      gsize length = strlen (id);

      entry = g_malloc0 (sizeof (Entry) + length + 1);
      memcpy (entry->id, id, length + 1);
      g_hash_table_insert (self->entries, entry->id, entry);
    }

  entry->rect = *rect;
  entry->data = data;
  link_entry (self, entry);
}

gboolean
plano_index_remove (PlanoIndex *self,
                    const char *id)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, id);
  if (entry == NULL)
    return FALSE;

  unlink_entry (self, entry);
  g_hash_table_remove (self->entries, id);

  return TRUE;
}

void
plano_index_clear (PlanoIndex *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->cells);
  g_ptr_array_set_size (self->big, 0);
  g_hash_table_remove_all (self->entries);
}

guint
plano_index_get_size (PlanoIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->entries);
}

static void query (PlanoIndex      *self,
                   const PlanoRect *rect,
                   GPtrArray       *ids);

static void
consider (PlanoIndex      *self,
          Entry           *entry,
          const PlanoRect *rect,
          GPtrArray       *ids)
{
  if (entry->stamp == self->stamp)
    return;

  entry->stamp = self->stamp;
  if (plano_rect_intersects (&entry->rect, rect))
    g_ptr_array_add (ids, self->want_data ? entry->data : entry->id);
}

/**
 * plano_index_query:
 * @rect: the area to look in
 * @ids: (element-type utf8): receives the ids of the boxes that intersect @rect, once each,
 *   in no particular order; the strings belong to the index
 */
void
plano_index_query (PlanoIndex      *self,
                   const PlanoRect *rect,
                   GPtrArray       *ids)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL && ids != NULL);

  self->want_data = FALSE;
  query (self, rect, ids);
}

/**
 * plano_index_query_data:
 * @rect: the area to look in
 * @data: receives the data given to plano_index_set_full() for each box that intersects
 *   @rect, once each, in no particular order
 */
void
plano_index_query_data (PlanoIndex      *self,
                        const PlanoRect *rect,
                        GPtrArray       *data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL && data != NULL);

  self->want_data = TRUE;
  query (self, rect, data);
}

static void
query (PlanoIndex      *self,
       const PlanoRect *rect,
       GPtrArray       *ids)
{
  int cx0, cy0, cx1, cy1;
  double n_cells;

  self->stamp++;

  for (guint i = 0; i < self->big->len; i++)
    consider (self, g_ptr_array_index (self->big, i), rect, ids);

  cx0 = cell_of (self, MAX (rect->x, -1e9));
  cy0 = cell_of (self, MAX (rect->y, -1e9));
  cx1 = cell_of (self, MIN (rect->x + rect->w, 1e9));
  cy1 = cell_of (self, MIN (rect->y + rect->h, 1e9));
  n_cells = ((double) cx1 - cx0 + 1) * ((double) cy1 - cy0 + 1);

  /* A view wider than the board: walking the entries is cheaper, and meets each once. */
  if (n_cells > g_hash_table_size (self->cells))
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Entry *entry = value;

          if (!entry->big && plano_rect_intersects (&entry->rect, rect))
            g_ptr_array_add (ids, self->want_data ? entry->data : entry->id);
        }
      return;
    }

  for (int cx = cx0; cx <= cx1; cx++)
    for (int cy = cy0; cy <= cy1; cy++)
      {
        gint64 key = cell_key (cx, cy);
        const Cell *cell = g_hash_table_lookup (self->cells, &key);

        if (cell == NULL)
          continue;

        for (guint i = 0; i < cell->len; i++)
          consider (self, cell->entries[i], rect, ids);
      }
}
