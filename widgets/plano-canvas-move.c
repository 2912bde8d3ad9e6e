/* plano-canvas-move.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-canvas"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "plano-canvas-private.h"

/* The select and move tool: a press on an item selects it and drags it with everything a
 * moved zone carries; a press on the empty board draws a rubber band that selects what it
 * encloses. */

/* Everything a move of @ids carries: the items, and the nodes inside moved zones. */
static GStrv
collect_moving (PlanoCanvas *self,
                GStrv        ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const PlanoItem *item = plano_board_lookup (self->board, ids[i]);
      PlanoRect zone;

      if (item == NULL || !g_hash_table_add (seen, ids[i]))
        continue;
      g_strv_builder_add (builder, ids[i]);

      if (item->type != PLANO_ITEM_ZONE)
        continue;

      plano_item_get_bounds (item, &zone.x, &zone.y, &zone.w, &zone.h);
      for (guint t = PLANO_ITEM_NODE; t <= PLANO_ITEM_TEXT; t++)
        for (guint j = 0; j < plano_board_get_n_items (self->board, t); j++)
          {
            const PlanoItem *inner = plano_board_get_item (self->board, t, j);
            PlanoRect r;

            if (inner == item || !plano_item_get_bounds (inner, &r.x, &r.y, &r.w, &r.h))
              continue;

            if ((t == PLANO_ITEM_NODE && g_strcmp0 (((const PlanoNode *) inner)->zone, item->id) == 0) ||
                (r.x >= zone.x && r.y >= zone.y && r.x + r.w <= zone.x + zone.w &&
                 r.y + r.h <= zone.y + zone.h))
              if (g_hash_table_add (seen, inner->id))
                g_strv_builder_add (builder, inner->id);
          }
    }

  return g_strv_builder_end (builder);
}

/* After a move, a node dropped inside a zone belongs to it, and one dragged out no longer. */
void
_plano_canvas_update_membership (PlanoCanvas *self)
{
  for (guint i = 0; self->moving != NULL && self->moving[i] != NULL; i++)
    {
      const PlanoNode *node = plano_board_lookup_node (self->board, self->moving[i]);
      const char *zone_id = NULL;
      double best_area = G_MAXDOUBLE;
      PlanoPoint c;

      if (node == NULL)
        continue;

      c = (PlanoPoint) { node->x + node->w / 2, node->y + node->h / 2 };
      for (guint j = 0; j < plano_board_get_n_items (self->board, PLANO_ITEM_ZONE); j++)
        {
          const PlanoZone *zone = (const PlanoZone *) plano_board_get_item (self->board, PLANO_ITEM_ZONE, j);
          PlanoRect r = { zone->x, zone->y, zone->w, zone->h };

          if (plano_rect_contains (&r, c.x, c.y) && r.w * r.h < best_area)
            {
              best_area = r.w * r.h;
              zone_id = zone->item.id;
            }
        }

      if (g_strcmp0 (zone_id, node->zone) != 0)
        {
          PlanoNode *copy = (PlanoNode *) plano_item_copy ((const PlanoItem *) node);

          g_free (copy->zone);
          copy->zone = g_strdup (zone_id);
          plano_board_update_item (self->board, (PlanoItem *) copy, NULL);
          plano_item_free ((PlanoItem *) copy);
        }
    }
}

static void
select_in_band (PlanoCanvas *self)
{
  PlanoRect band = {
    MIN (self->start_x, self->pointer_x), MIN (self->start_y, self->pointer_y),
    fabs (self->pointer_x - self->start_x), fabs (self->pointer_y - self->start_y),
  };
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  plano_renderer_query (self->renderer, &band, ids);
  for (guint i = 0; i < ids->len; i++)
    {
      PlanoRect box;

      if (plano_renderer_get_item_box (self->renderer, g_ptr_array_index (ids, i), &box) &&
          box.x >= band.x && box.y >= band.y &&
          box.x + box.w <= band.x + band.w && box.y + box.h <= band.y + band.h)
        g_hash_table_add (self->selection, g_strdup (g_ptr_array_index (ids, i)));
    }

  _plano_canvas_emit_selection_changed (self);
}

void
_plano_canvas_move_begin (PlanoCanvas *self,
                          const char  *id,
                          gboolean     add)
{
  const PlanoItem *item;
  g_auto(GStrv) selected = NULL;
  double w, h;

  if (add)
    {
      plano_canvas_select (self, id, TRUE);
      if (!g_hash_table_contains (self->selection, id))
        {
          self->state = STATE_IDLE;
          return;
        }
    }
  else if (!g_hash_table_contains (self->selection, id))
    {
      plano_canvas_select (self, id, FALSE);
    }

  item = plano_board_lookup (self->board, id);
  selected = plano_canvas_get_selection (self);
  if (!plano_item_get_bounds (item, &self->anchor_x, &self->anchor_y, &w, &h))
    self->anchor_x = self->start_x, self->anchor_y = self->start_y;

  g_strfreev (self->moving);
  self->moving = collect_moving (self, selected);

  /* The box of all that moves, which the guides line up with what stays. */
  self->moving_box = (PlanoRect) { 0, 0, 0, 0 };
  {
    gboolean zones = FALSE;

    for (guint i = 0; self->moving[i] != NULL; i++)
      {
        const PlanoItem *moved = plano_board_lookup (self->board, self->moving[i]);
        PlanoRect r;

        if (moved == NULL || !plano_item_get_bounds (moved, &r.x, &r.y, &r.w, &r.h))
          continue;
        plano_renderer_get_drawn_bounds (self->renderer, moved->id, &r);
        plano_rect_union (&self->moving_box, &r);
        zones |= moved->type == PLANO_ITEM_ZONE;
      }
    _plano_canvas_guides_begin (self, (const char * const *) self->moving, zones);
  }

  self->state = STATE_MOVING;
  _plano_canvas_begin (self, _("Move"));
}

void
_plano_canvas_move_drag (PlanoCanvas *self,
                         double       offset_x,
                         double       offset_y)
{
  double dx = offset_x / self->zoom;
  double dy = offset_y / self->zoom;

  if (self->moving_box.w > 0 || self->moving_box.h > 0)
    {
      _plano_canvas_guides_snap_move (self, &self->moving_box, &dx, &dy, self->drag_state);
    }
  else
    {
      dx = _plano_canvas_snapped (self, self->anchor_x + dx) - self->anchor_x;
      dy = _plano_canvas_snapped (self, self->anchor_y + dy) - self->anchor_y;
    }

  if (dx != self->applied_dx || dy != self->applied_dy)
    {
      plano_board_move_items (self->board, (const char * const *) self->moving,
                              dx - self->applied_dx, dy - self->applied_dy);
      self->applied_dx = dx;
      self->applied_dy = dy;
    }
}

void
_plano_canvas_move_end (PlanoCanvas *self)
{
  _plano_canvas_guides_end (self);
  _plano_canvas_update_membership (self);
  _plano_canvas_commit (self);
  g_clear_pointer (&self->moving, g_strfreev);
}

void
_plano_canvas_band_end (PlanoCanvas *self,
                        double       offset_x,
                        double       offset_y)
{
  if (offset_x != 0 || offset_y != 0)
    select_in_band (self);
}

void
_plano_canvas_band_draw (PlanoCanvas   *self,
                         cairo_t       *cr,
                         const GdkRGBA *accent)
{
  if (self->state == STATE_RUBBER_BAND)
    {
      double x1, y1, x2, y2;

      plano_canvas_canvas_to_widget (self, self->start_x, self->start_y, &x1, &y1);
      plano_canvas_canvas_to_widget (self, self->pointer_x, self->pointer_y, &x2, &y2);
      cairo_rectangle (cr, MIN (x1, x2) + 0.5, MIN (y1, y2) + 0.5, fabs (x2 - x1), fabs (y2 - y1));
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.8);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
}
