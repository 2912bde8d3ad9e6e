/* plano-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-item"

#include "config.h"

#include <string.h>

#include "plano-catalog.h"
#include "plano-item.h"

static const gsize item_sizes[PLANO_N_ITEM_TYPES] = {
  [PLANO_ITEM_NODE] = sizeof (PlanoNode),
  [PLANO_ITEM_EDGE] = sizeof (PlanoEdge),
  [PLANO_ITEM_ZONE] = sizeof (PlanoZone),
  [PLANO_ITEM_NOTE] = sizeof (PlanoNote),
  [PLANO_ITEM_TEXT] = sizeof (PlanoText),
  [PLANO_ITEM_TRADEOFF] = sizeof (PlanoTradeoff),
};

static const char * const item_type_names[PLANO_N_ITEM_TYPES] = {
  [PLANO_ITEM_NODE] = "nodes",
  [PLANO_ITEM_EDGE] = "edges",
  [PLANO_ITEM_ZONE] = "zones",
  [PLANO_ITEM_NOTE] = "notes",
  [PLANO_ITEM_TEXT] = "texts",
  [PLANO_ITEM_TRADEOFF] = "tradeoffs",
};

/**
 * plano_item_type_get_name:
 *
 * Returns: the member of the file format that holds items of @type, such as "nodes"
 */
const char *
plano_item_type_get_name (PlanoItemType type)
{
  g_return_val_if_fail (type < PLANO_N_ITEM_TYPES, NULL);

  return item_type_names[type];
}

/**
 * plano_text_get_font_size:
 *
 * Returns: the size of @text's letters in canvas units: 12 small, 16 normal, 24 large
 */
double
plano_text_get_font_size (const PlanoText *text)
{
  g_return_val_if_fail (text != NULL, 16);

  if (g_strcmp0 (text->size, "small") == 0)
    return 12;
  if (g_strcmp0 (text->size, "large") == 0)
    return 24;

  return 16;
}

/**
 * plano_text_is_bold:
 *
 * Returns: whether @text is drawn bold: large text is a title
 */
gboolean
plano_text_is_bold (const PlanoText *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return g_strcmp0 (text->size, "large") == 0;
}

/**
 * plano_id_is_valid:
 *
 * Returns: whether @id is 1–64 characters from A–Z a–z 0–9 _ . : -
 */
gboolean
plano_id_is_valid (const char *id)
{
  gsize len = 0;

  if (id == NULL)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++, len++)
    {
      if (len >= 64)
        return FALSE;
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.' && *p != ':' && *p != '-')
        return FALSE;
    }

  return len > 0;
}

static const char * const route_names[PLANO_N_ROUTES] = {
  [PLANO_ROUTE_STRAIGHT] = "straight",
  [PLANO_ROUTE_ORTHOGONAL] = "orthogonal",
  [PLANO_ROUTE_CURVED] = "curved",
};

/**
 * plano_route_to_string:
 *
 * Returns: the name of @route in the file format: "straight", "orthogonal" or "curved"
 */
const char *
plano_route_to_string (PlanoRoute route)
{
  g_return_val_if_fail (route < PLANO_N_ROUTES, NULL);

  return route_names[route];
}

/**
 * plano_route_from_string:
 * @route: (out) (optional): the route @string names
 *
 * Returns: whether @string is the name of a route
 */
gboolean
plano_route_from_string (const char *string,
                         PlanoRoute *route)
{
  for (guint i = 0; i < PLANO_N_ROUTES; i++)
    if (g_strcmp0 (string, route_names[i]) == 0)
      {
        if (route != NULL)
          *route = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * plano_item_new:
 * @type: the type of item
 * @id: its id
 *
 * Returns: (transfer full): a zeroed item of @type, to be filled in by the caller
 */
PlanoItem *
plano_item_new (PlanoItemType  type,
                const char    *id)
{
  PlanoItem *item;

  g_return_val_if_fail (type < PLANO_N_ITEM_TYPES, NULL);

  item = g_malloc0 (item_sizes[type]);
  item->type = type;
  item->id = g_strdup (id);

  return item;
}

void
plano_prop_clear (PlanoProp *prop)
{
  g_clear_pointer (&prop->name, g_free);
  g_clear_pointer (&prop->string, g_free);
}

static void
prop_copy_into (PlanoProp       *dest,
                const PlanoProp *src)
{
  *dest = *src;
  dest->name = g_strdup (src->name);
  dest->string = g_strdup (src->string);
}

static GArray *
props_new (void)
{
  GArray *props = g_array_new (FALSE, TRUE, sizeof (PlanoProp));

  g_array_set_clear_func (props, (GDestroyNotify) plano_prop_clear);
  return props;
}

GArray *
plano_props_copy (GArray *props)
{
  GArray *copy;

  if (props == NULL)
    return NULL;

  copy = props_new ();
  g_array_set_size (copy, props->len);
  for (guint i = 0; i < props->len; i++)
    prop_copy_into (&g_array_index (copy, PlanoProp, i), &g_array_index (props, PlanoProp, i));

  return copy;
}

/**
 * plano_props_lookup:
 * @props: (nullable): an array of PlanoProp
 * @name: the property's name
 *
 * Returns: (nullable): the property called @name
 */
const PlanoProp *
plano_props_lookup (GArray     *props,
                    const char *name)
{
  if (props == NULL)
    return NULL;

  for (guint i = 0; i < props->len; i++)
    {
      const PlanoProp *prop = &g_array_index (props, PlanoProp, i);

      if (g_strcmp0 (prop->name, name) == 0)
        return prop;
    }

  return NULL;
}

/**
 * plano_props_get_number:
 *
 * Returns: %TRUE and sets @value when @props has a number called @name
 */
gboolean
plano_props_get_number (GArray     *props,
                        const char *name,
                        double     *value)
{
  const PlanoProp *prop = plano_props_lookup (props, name);

  if (prop == NULL || prop->type != PLANO_VALUE_NUMBER)
    return FALSE;

  if (value != NULL)
    *value = prop->number;

  return TRUE;
}

/**
 * plano_props_set:
 * @props: (inout) (nullable): an array of PlanoProp, created when %NULL
 * @prop: the property to set; copied
 *
 * Replaces the property of the same name in place, or appends it.
 */
void
plano_props_set (GArray          **props,
                 const PlanoProp  *prop)
{
  g_return_if_fail (props != NULL);
  g_return_if_fail (prop != NULL && prop->name != NULL);

  if (*props == NULL)
    *props = props_new ();

  for (guint i = 0; i < (*props)->len; i++)
    {
      PlanoProp *existing = &g_array_index (*props, PlanoProp, i);

      if (strcmp (existing->name, prop->name) == 0)
        {
          plano_prop_clear (existing);
          prop_copy_into (existing, prop);
          return;
        }
    }

  g_array_set_size (*props, (*props)->len + 1);
  prop_copy_into (&g_array_index (*props, PlanoProp, (*props)->len - 1), prop);
}

/**
 * plano_props_remove:
 * @props: (inout) (nullable): an array of PlanoProp, freed when it becomes empty
 *
 * Returns: whether a property called @name was removed
 */
gboolean
plano_props_remove (GArray     **props,
                    const char  *name)
{
  g_return_val_if_fail (props != NULL, FALSE);

  if (*props == NULL)
    return FALSE;

  for (guint i = 0; i < (*props)->len; i++)
    {
      if (g_strcmp0 (g_array_index (*props, PlanoProp, i).name, name) == 0)
        {
          g_array_remove_index (*props, i);
          if ((*props)->len == 0)
            g_clear_pointer (props, g_array_unref);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * plano_props_equal:
 *
 * Returns: whether two lists of props hold the same names, types and values in the same order
 */
gboolean
plano_props_equal (GArray *a,
                   GArray *b)
{
  guint na = a != NULL ? a->len : 0;
  guint nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;

  for (guint i = 0; i < na; i++)
    {
      const PlanoProp *pa = &g_array_index (a, PlanoProp, i);
      const PlanoProp *pb = &g_array_index (b, PlanoProp, i);

      if (g_strcmp0 (pa->name, pb->name) != 0 || pa->type != pb->type)
        return FALSE;

      switch (pa->type)
        {
        case PLANO_VALUE_NUMBER:
          if (pa->number != pb->number)
            return FALSE;
          break;
        case PLANO_VALUE_STRING:
          if (g_strcmp0 (pa->string, pb->string) != 0)
            return FALSE;
          break;
        case PLANO_VALUE_BOOLEAN:
          if (!pa->boolean != !pb->boolean)
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

static gsize
props_size (GArray *props)
{
  gsize size = 0;

  if (props == NULL)
    return 0;

  size = sizeof (GArray) + props->len * sizeof (PlanoProp);
  for (guint i = 0; i < props->len; i++)
    {
      const PlanoProp *prop = &g_array_index (props, PlanoProp, i);

      size += strlen (prop->name) + 1;
      if (prop->string != NULL)
        size += strlen (prop->string) + 1;
    }

  return size;
}

static gboolean
points_equal (GArray *a,
              GArray *b)
{
  guint na = a != NULL ? a->len : 0;
  guint nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;

  return na == 0 || memcmp (a->data, b->data, na * sizeof (PlanoPoint)) == 0;
}

static GArray *
points_copy (GArray *points)
{
  GArray *copy;

  if (points == NULL)
    return NULL;

  copy = g_array_sized_new (FALSE, FALSE, sizeof (PlanoPoint), points->len);
  g_array_append_vals (copy, points->data, points->len);
  return copy;
}

static gsize
str_size (const char *s)
{
  return s != NULL ? strlen (s) + 1 : 0;
}

static gsize
strv_size (GStrv strv)
{
  gsize size = 0;

  if (strv == NULL)
    return 0;

  for (guint i = 0; strv[i] != NULL; i++)
    size += sizeof (char *) + strlen (strv[i]) + 1;

  return size + sizeof (char *);
}

static gboolean
strv_equal (GStrv a,
            GStrv b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/**
 * plano_item_copy:
 *
 * Returns: (transfer full): a deep copy of @item
 */
PlanoItem *
plano_item_copy (const PlanoItem *item)
{
  PlanoItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_memdup2 (item, item_sizes[item->type]);
  copy->id = g_strdup (item->id);

  switch (item->type)
    {
    case PLANO_ITEM_NODE:
      {
        PlanoNode *node = (PlanoNode *) copy;

        node->kind = g_strdup (node->kind);
        node->label = g_strdup (node->label);
        node->zone = g_strdup (node->zone);
        node->props = plano_props_copy (node->props);
        node->note = g_strdup (node->note);
      }
      break;

    case PLANO_ITEM_EDGE:
      {
        PlanoEdge *edge = (PlanoEdge *) copy;

        edge->from = g_strdup (edge->from);
        edge->to = g_strdup (edge->to);
        edge->kind = g_strdup (edge->kind);
        edge->label = g_strdup (edge->label);
        edge->waypoints = points_copy (edge->waypoints);
        edge->route = g_strdup (edge->route);
        edge->props = plano_props_copy (edge->props);
      }
      break;

    case PLANO_ITEM_ZONE:
      {
        PlanoZone *zone = (PlanoZone *) copy;

        zone->label = g_strdup (zone->label);
        zone->kind = g_strdup (zone->kind);
      }
      break;

    case PLANO_ITEM_NOTE:
      {
        PlanoNote *note = (PlanoNote *) copy;

        note->text = g_strdup (note->text);
        note->target = g_strdup (note->target);
      }
      break;

    case PLANO_ITEM_TEXT:
      {
        PlanoText *text = (PlanoText *) copy;

        text->text = g_strdup (text->text);
        text->size = g_strdup (text->size);
      }
      break;

    case PLANO_ITEM_TRADEOFF:
      {
        PlanoTradeoff *tradeoff = (PlanoTradeoff *) copy;

        tradeoff->title = g_strdup (tradeoff->title);
        tradeoff->target = g_strdup (tradeoff->target);
        tradeoff->choice = g_strdup (tradeoff->choice);
        tradeoff->alternatives = g_strdupv (tradeoff->alternatives);
        tradeoff->pros = g_strdupv (tradeoff->pros);
        tradeoff->cons = g_strdupv (tradeoff->cons);
        tradeoff->rationale = g_strdup (tradeoff->rationale);
      }
      break;

    case PLANO_N_ITEM_TYPES:
    default:
      g_assert_not_reached ();
    }

  return copy;
}

void
plano_item_free (PlanoItem *item)
{
  if (item == NULL)
    return;

  switch (item->type)
    {
    case PLANO_ITEM_NODE:
      {
        PlanoNode *node = (PlanoNode *) item;

        g_free (node->kind);
        g_free (node->label);
        g_free (node->zone);
        g_clear_pointer (&node->props, g_array_unref);
        g_free (node->note);
      }
      break;

    case PLANO_ITEM_EDGE:
      {
        PlanoEdge *edge = (PlanoEdge *) item;

        g_free (edge->from);
        g_free (edge->to);
        g_free (edge->kind);
        g_free (edge->label);
        g_clear_pointer (&edge->waypoints, g_array_unref);
        g_free (edge->route);
        g_clear_pointer (&edge->props, g_array_unref);
      }
      break;

    case PLANO_ITEM_ZONE:
      {
        PlanoZone *zone = (PlanoZone *) item;

        g_free (zone->label);
        g_free (zone->kind);
      }
      break;

    case PLANO_ITEM_NOTE:
      {
        PlanoNote *note = (PlanoNote *) item;

        g_free (note->text);
        g_free (note->target);
      }
      break;

    case PLANO_ITEM_TEXT:
      {
        PlanoText *text = (PlanoText *) item;

        g_free (text->text);
        g_free (text->size);
      }
      break;

    case PLANO_ITEM_TRADEOFF:
      {
        PlanoTradeoff *tradeoff = (PlanoTradeoff *) item;

        g_free (tradeoff->title);
        g_free (tradeoff->target);
        g_free (tradeoff->choice);
        g_strfreev (tradeoff->alternatives);
        g_strfreev (tradeoff->pros);
        g_strfreev (tradeoff->cons);
        g_free (tradeoff->rationale);
      }
      break;

    case PLANO_N_ITEM_TYPES:
    default:
      g_assert_not_reached ();
    }

  g_free (item->id);
  g_free (item);
}

/**
 * plano_item_equal:
 *
 * Returns: whether @a and @b hold the same content
 */
gboolean
plano_item_equal (const PlanoItem *a,
                  const PlanoItem *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->type != b->type || g_strcmp0 (a->id, b->id) != 0)
    return FALSE;

  switch (a->type)
    {
    case PLANO_ITEM_NODE:
      {
        const PlanoNode *na = (const PlanoNode *) a;
        const PlanoNode *nb = (const PlanoNode *) b;

        return g_strcmp0 (na->kind, nb->kind) == 0 &&
               na->x == nb->x && na->y == nb->y && na->w == nb->w && na->h == nb->h &&
               !na->has_size == !nb->has_size &&
               g_strcmp0 (na->label, nb->label) == 0 &&
               g_strcmp0 (na->zone, nb->zone) == 0 &&
               plano_props_equal (na->props, nb->props) &&
               g_strcmp0 (na->note, nb->note) == 0;
      }

    case PLANO_ITEM_EDGE:
      {
        const PlanoEdge *ea = (const PlanoEdge *) a;
        const PlanoEdge *eb = (const PlanoEdge *) b;

        return g_strcmp0 (ea->from, eb->from) == 0 &&
               g_strcmp0 (ea->to, eb->to) == 0 &&
               g_strcmp0 (ea->kind, eb->kind) == 0 &&
               g_strcmp0 (ea->label, eb->label) == 0 &&
               points_equal (ea->waypoints, eb->waypoints) &&
               g_strcmp0 (ea->route, eb->route) == 0 &&
               plano_props_equal (ea->props, eb->props);
      }

    case PLANO_ITEM_ZONE:
      {
        const PlanoZone *za = (const PlanoZone *) a;
        const PlanoZone *zb = (const PlanoZone *) b;

        return g_strcmp0 (za->label, zb->label) == 0 &&
               za->x == zb->x && za->y == zb->y && za->w == zb->w && za->h == zb->h &&
               g_strcmp0 (za->kind, zb->kind) == 0;
      }

    case PLANO_ITEM_NOTE:
      {
        const PlanoNote *na = (const PlanoNote *) a;
        const PlanoNote *nb = (const PlanoNote *) b;

        return g_strcmp0 (na->text, nb->text) == 0 &&
               na->x == nb->x && na->y == nb->y && na->w == nb->w && na->h == nb->h &&
               !na->has_size == !nb->has_size &&
               g_strcmp0 (na->target, nb->target) == 0;
      }

    case PLANO_ITEM_TEXT:
      {
        const PlanoText *ta = (const PlanoText *) a;
        const PlanoText *tb = (const PlanoText *) b;

        return g_strcmp0 (ta->text, tb->text) == 0 &&
               ta->x == tb->x && ta->y == tb->y && ta->w == tb->w && ta->h == tb->h &&
               g_strcmp0 (ta->size, tb->size) == 0;
      }

    case PLANO_ITEM_TRADEOFF:
      {
        const PlanoTradeoff *ta = (const PlanoTradeoff *) a;
        const PlanoTradeoff *tb = (const PlanoTradeoff *) b;

        return g_strcmp0 (ta->title, tb->title) == 0 &&
               g_strcmp0 (ta->target, tb->target) == 0 &&
               g_strcmp0 (ta->choice, tb->choice) == 0 &&
               strv_equal (ta->alternatives, tb->alternatives) &&
               strv_equal (ta->pros, tb->pros) &&
               strv_equal (ta->cons, tb->cons) &&
               g_strcmp0 (ta->rationale, tb->rationale) == 0;
      }

    case PLANO_N_ITEM_TYPES:
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/**
 * plano_item_get_memory_size:
 *
 * Returns: about how many bytes @item holds, for the history's memory budget
 */
gsize
plano_item_get_memory_size (const PlanoItem *item)
{
  gsize size;

  if (item == NULL)
    return 0;

  size = item_sizes[item->type] + str_size (item->id);

  switch (item->type)
    {
    case PLANO_ITEM_NODE:
      {
        const PlanoNode *node = (const PlanoNode *) item;

        size += str_size (node->kind) + str_size (node->label) + str_size (node->zone) +
                props_size (node->props) + str_size (node->note);
      }
      break;

    case PLANO_ITEM_EDGE:
      {
        const PlanoEdge *edge = (const PlanoEdge *) item;

        size += str_size (edge->from) + str_size (edge->to) + str_size (edge->kind) +
                str_size (edge->label) + str_size (edge->route) + props_size (edge->props);
        if (edge->waypoints != NULL)
          size += sizeof (GArray) + edge->waypoints->len * sizeof (PlanoPoint);
      }
      break;

    case PLANO_ITEM_ZONE:
      {
        const PlanoZone *zone = (const PlanoZone *) item;

        size += str_size (zone->label) + str_size (zone->kind);
      }
      break;

    case PLANO_ITEM_NOTE:
      {
        const PlanoNote *note = (const PlanoNote *) item;

        size += str_size (note->text) + str_size (note->target);
      }
      break;

    case PLANO_ITEM_TEXT:
      {
        const PlanoText *text = (const PlanoText *) item;

        size += str_size (text->text) + str_size (text->size);
      }
      break;

    case PLANO_ITEM_TRADEOFF:
      {
        const PlanoTradeoff *tradeoff = (const PlanoTradeoff *) item;

        size += str_size (tradeoff->title) + str_size (tradeoff->target) +
                str_size (tradeoff->choice) + strv_size (tradeoff->alternatives) +
                strv_size (tradeoff->pros) + strv_size (tradeoff->cons) +
                str_size (tradeoff->rationale);
      }
      break;

    case PLANO_N_ITEM_TYPES:
    default:
      g_assert_not_reached ();
    }

  return size;
}

/**
 * plano_item_get_bounds:
 *
 * Returns: %TRUE and the box of @item when it has one (nodes, zones, notes and texts)
 */
gboolean
plano_item_get_bounds (const PlanoItem *item,
                       double          *x,
                       double          *y,
                       double          *w,
                       double          *h)
{
  double bx, by, bw, bh;

  g_return_val_if_fail (item != NULL, FALSE);

  switch (item->type)
    {
    case PLANO_ITEM_NODE:
      {
        const PlanoNode *node = (const PlanoNode *) item;

        bx = node->x, by = node->y, bw = node->w, bh = node->h;
      }
      break;

    case PLANO_ITEM_ZONE:
      {
        const PlanoZone *zone = (const PlanoZone *) item;

        bx = zone->x, by = zone->y, bw = zone->w, bh = zone->h;
      }
      break;

    case PLANO_ITEM_NOTE:
      {
        const PlanoNote *note = (const PlanoNote *) item;

        bx = note->x, by = note->y, bw = note->w, bh = note->h;
      }
      break;

    case PLANO_ITEM_TEXT:
      {
        const PlanoText *text = (const PlanoText *) item;

        bx = text->x, by = text->y, bw = text->w, bh = text->h;
      }
      break;

    case PLANO_ITEM_EDGE:
    case PLANO_ITEM_TRADEOFF:
    case PLANO_N_ITEM_TYPES:
    default:
      return FALSE;
    }

  if (x != NULL)
    *x = bx;
  if (y != NULL)
    *y = by;
  if (w != NULL)
    *w = bw;
  if (h != NULL)
    *h = bh;

  return TRUE;
}
