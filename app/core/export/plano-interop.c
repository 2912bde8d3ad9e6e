/* plano-interop.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-interop"

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>

#include "plano-catalog.h"
#include "plano-interop.h"
#include "plano-notes.h"
#include "plano-xml.h"

/* A board for the tools teams already draw in, so that a design practised in Plano can go on
 * there: Excalidraw (its .excalidraw JSON, written with json-glib) and draw.io (uncompressed
 * mxGraph XML, escaped by plano-xml.c). Both get what can be edited there: components as boxes
 * with their label and kind, connections bound to both ends with their label, zones as frames
 * or containers, sticky notes, text items as each format's free text. What only Plano knows
 * (properties, trade-offs, the interview) is left out; docs/export.md says what is kept.
 */

/* The outermost zone around zone @zone_id, through the zones that contain it. */
static const PlanoZone *
outermost_zone (PlanoBoard *board,
                const char *zone_id)
{
  const PlanoItem *item = zone_id != NULL ? plano_board_lookup (board, zone_id) : NULL;
  const PlanoZone *zone;

  if (item == NULL || item->type != PLANO_ITEM_ZONE)
    return NULL;
  zone = (const PlanoZone *) item;
  for (guint depth = 0; depth < 64; depth++)
    {
      const PlanoZone *parent = NULL;

      for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_ZONE); i++)
        if (plano_board_get_item (board, PLANO_ITEM_ZONE, i) == (const PlanoItem *) zone)
          {
            parent = plano_notes_zone_parent (board, i);
            break;
          }
      if (parent == NULL)
        break;
      zone = parent;
    }

  return zone;
}

static gboolean
is_top_zone (PlanoBoard      *board,
             const PlanoZone *zone)
{
  return outermost_zone (board, zone->item.id) == zone;
}

/* What a component's box says: its label and, under its own label, its kind. */
static char *
node_text (PlanoBoard      *board,
           const PlanoNode *node)
{
  const PlanoKind *kind = plano_catalog_lookup (node->kind);
  const char *kind_name = kind != NULL ? plano_kind_get_name (kind) : node->kind;
  g_autofree char *label = plano_text_clean (plano_board_get_label (board, node->item.id), TRUE);

  g_strstrip (label);
  if (node->label == NULL || label[0] == '\0' || g_str_equal (label, kind_name))
    return g_strdup (label[0] != '\0' ? label : kind_name);
  return g_strconcat (label, "\n", kind_name, NULL);
}

static const char *
edge_dash (const char *kind)
{
  if (kind == NULL || g_str_equal (kind, "flow"))
    return NULL;
  if (g_str_equal (kind, "request"))
    return "dotted";
  return "dashed";
}

/* A text item's lines, broken where the canvas breaks them, and the box they need in the
 * Helvetica of Excalidraw and draw.io: as wide as the item, or as its widest line in that face
 * where it is wider than Cantarell, so that the reader does not break a line the canvas keeps
 * whole. NULL for a text item without text. */
static char *
free_text_lines (PlanoRenderer   *renderer,
                 PangoContext    *pango,
                 const PlanoText *item,
                 double           line_height,
                 double          *width,
                 double          *height)
{
  g_auto(GStrv) lines = plano_renderer_get_text_lines (renderer, item->item.id);
  g_autoptr(PangoLayout) layout = pango_layout_new (pango);
  PangoFontDescription *desc = pango_font_description_from_string ("Helvetica, Arial, Liberation Sans, Sans");
  PlanoRect box = { item->x, item->y, item->w, item->h };
  gboolean blank = TRUE;

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    blank = blank && lines[i][strspn (lines[i], " \t")] == '\0';
  if (blank)
    return NULL;

  pango_font_description_set_absolute_size (desc, plano_text_get_font_size (item) * PANGO_SCALE);
  if (plano_text_is_bold (item))
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  plano_renderer_get_drawn_bounds (renderer, item->item.id, &box);
  *width = box.w;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      int line_width;

      pango_layout_set_text (layout, lines[i], -1);
      pango_layout_get_pixel_size (layout, &line_width, NULL);
      *width = MAX (*width, line_width + 2);
    }
  *height = g_strv_length (lines) * plano_text_get_font_size (item) * line_height;

  return g_strjoinv ("\n", lines);
}

/* Excalidraw */

#define EXCALIDRAW_FONT_FAMILY 2     /* "Helvetica", the plain sans of Excalidraw's fonts */
#define EXCALIDRAW_LINE_HEIGHT 1.15  /* that font's, as Excalidraw sets it */
/* Excalidraw's roundness types: a curve through an arrow's points, rounded corners of a box. */
#define ROUNDNESS_PROPORTIONAL 2
#define ROUNDNESS_ADAPTIVE     3

typedef struct
{
  PlanoRenderer *renderer;
  PlanoBoard    *board;
  JsonBuilder   *builder;
  PangoContext  *pango;
  GHashTable    *bound;     /* shape id → GPtrArray of "arrow id" the shape is bound to */
} Excalidraw;

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  double rounded = round (value * 100) / 100;

  json_builder_set_member_name (builder, name);
  if (rounded == floor (rounded) && fabs (rounded) < 1e15)
    json_builder_add_int_value (builder, (gint64) rounded);
  else
    json_builder_add_double_value (builder, rounded);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The members every element has. A seed and a nonce from the id, so that the same board gives
 * the same file. */
static void
begin_element (Excalidraw  *ex,
               const char  *id,
               const char  *type,
               double       x,
               double       y,
               double       width,
               double       height,
               const char  *stroke,
               const char  *background,
               double       stroke_width,
               const char  *stroke_style,
               guint        roundness,
               const char  *frame_id)
{
  JsonBuilder *b = ex->builder;
  guint hash = g_str_hash (id);

  json_builder_begin_object (b);
  add_string (b, "id", id);
  add_string (b, "type", type);
  add_number (b, "x", x);
  add_number (b, "y", y);
  add_number (b, "width", width);
  add_number (b, "height", height);
  add_number (b, "angle", 0);
  add_string (b, "strokeColor", stroke);
  add_string (b, "backgroundColor", background);
  add_string (b, "fillStyle", "solid");
  add_number (b, "strokeWidth", stroke_width);
  add_string (b, "strokeStyle", stroke_style != NULL ? stroke_style : "solid");
  add_number (b, "roughness", 0);
  add_number (b, "opacity", 100);
  json_builder_set_member_name (b, "groupIds");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  add_string (b, "frameId", frame_id);
  json_builder_set_member_name (b, "roundness");
  if (roundness != 0)
    {
      json_builder_begin_object (b);
      add_number (b, "type", roundness);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  add_number (b, "seed", hash & 0x7fffffff);
  add_number (b, "version", 1);
  add_number (b, "versionNonce", (hash * 2654435761u) & 0x7fffffff);
  json_builder_set_member_name (b, "isDeleted");
  json_builder_add_boolean_value (b, FALSE);
  add_number (b, "updated", 1);
  add_string (b, "link", NULL);
  json_builder_set_member_name (b, "locked");
  json_builder_add_boolean_value (b, FALSE);
}

/* boundElements: the text inside, then the arrows that end on the shape. */
static void
add_bound (Excalidraw *ex,
           const char *id,
           const char *text_id)
{
  JsonBuilder *b = ex->builder;
  GPtrArray *arrows = g_hash_table_lookup (ex->bound, id);

  json_builder_set_member_name (b, "boundElements");
  if (text_id == NULL && arrows == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_array (b);
  if (text_id != NULL)
    {
      json_builder_begin_object (b);
      add_string (b, "id", text_id);
      add_string (b, "type", "text");
      json_builder_end_object (b);
    }
  for (guint i = 0; arrows != NULL && i < arrows->len; i++)
    {
      json_builder_begin_object (b);
      add_string (b, "id", g_ptr_array_index (arrows, i));
      add_string (b, "type", "arrow");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* @text wrapped to @width as Excalidraw would show it in that font; its height. */
static char *
wrap_text (Excalidraw *ex,
           const char *text,
           double      font_size,
           double      width,
           double     *height)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (ex->pango);
  PangoFontDescription *desc = pango_font_description_from_string ("Helvetica, Arial, Liberation Sans, Sans");
  GString *wrapped = g_string_new (NULL);
  PangoLayoutIter *iter;

  pango_font_description_set_absolute_size (desc, font_size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autofree char *part = g_strndup (text + line->start_index, line->length);

      if (wrapped->len > 0)
        g_string_append_c (wrapped, '\n');
      g_strchomp (part);
      g_string_append (wrapped, part);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  *height = pango_layout_get_line_count (layout) * font_size * EXCALIDRAW_LINE_HEIGHT;
  return g_string_free (wrapped, FALSE);
}

/* A text element inside @container_id, centred on @cx, @cy. */
static void
add_text (Excalidraw *ex,
          const char *id,
          const char *container_id,
          const char *text,
          double      cx,
          double      cy,
          double      width,
          double      font_size,
          const char *align,
          const char *frame_id)
{
  JsonBuilder *b = ex->builder;
  double height;
  g_autofree char *wrapped = wrap_text (ex, text, font_size, width, &height);

  begin_element (ex, id, "text", cx - width / 2, cy - height / 2, width, height, "#1e1e1e",
                 "transparent", 1, NULL, 0, frame_id);
  add_bound (ex, id, NULL);
  add_string (b, "text", wrapped);
  add_number (b, "fontSize", font_size);
  add_number (b, "fontFamily", EXCALIDRAW_FONT_FAMILY);
  add_string (b, "textAlign", align);
  add_string (b, "verticalAlign", "middle");
  add_string (b, "containerId", container_id);
  add_string (b, "originalText", text);
  json_builder_set_member_name (b, "autoResize");
  json_builder_add_boolean_value (b, TRUE);
  add_number (b, "lineHeight", EXCALIDRAW_LINE_HEIGHT);
  json_builder_end_object (b);
}

/* A text item: a text element of its own, bound to nothing, where the board has it, its lines
 * as on the board, in the item's size. Excalidraw keeps that width (autoResize off) and wraps
 * what is typed into it there. */
static void
add_free_text (Excalidraw      *ex,
               const PlanoText *item)
{
  JsonBuilder *b = ex->builder;
  g_autofree char *text = plano_text_clean (item->text != NULL ? item->text : "", TRUE);
  double width, height;
  g_autofree char *lines = free_text_lines (ex->renderer, ex->pango, item, EXCALIDRAW_LINE_HEIGHT,
                                            &width, &height);

  if (lines == NULL)
    return;
  begin_element (ex, item->item.id, "text", item->x, item->y, width, height, "#1e1e1e",
                 "transparent", 1, NULL, 0, NULL);
  add_bound (ex, item->item.id, NULL);
  add_string (b, "text", lines);
  add_number (b, "fontSize", plano_text_get_font_size (item));
  add_number (b, "fontFamily", EXCALIDRAW_FONT_FAMILY);
  add_string (b, "textAlign", "left");
  add_string (b, "verticalAlign", "top");
  add_string (b, "containerId", NULL);
  add_string (b, "originalText", text);
  json_builder_set_member_name (b, "autoResize");
  json_builder_add_boolean_value (b, FALSE);
  add_number (b, "lineHeight", EXCALIDRAW_LINE_HEIGHT);
  json_builder_end_object (b);
}

static char *
text_id (const char *id)
{
  /* A middle dot, which no Plano id has. */
  return g_strconcat (id, "·text", NULL);
}

/* What a shape's text needs, so that a box grows to hold a long label as Excalidraw would. */
static double
text_height (Excalidraw *ex,
             const char *text,
             double      font_size,
             double      width)
{
  double height;
  g_autofree char *wrapped = wrap_text (ex, text, font_size, width, &height);

  return height;
}

/* A box with its text: a component, a sticky note, a zone inside another. */
static void
add_box (Excalidraw *ex,
         const char *id,
         const char *text,
         double      x,
         double      y,
         double      w,
         double      h,
         const char *stroke,
         const char *background,
         const char *stroke_style,
         double      font_size,
         const char *align,
         const char *frame_id)
{
  g_autofree char *inner = text_id (id);
  gboolean has_text = text != NULL && text[0] != '\0';

  if (has_text)
    h = MAX (h, text_height (ex, text, font_size, w - 10) + 10);
  begin_element (ex, id, "rectangle", x, y, w, h, stroke, background, 2, stroke_style,
                 ROUNDNESS_ADAPTIVE, frame_id);
  add_bound (ex, id, has_text ? inner : NULL);
  json_builder_end_object (ex->builder);
  if (has_text)
    add_text (ex, inner, id, text, x + w / 2, y + h / 2, w - 10, font_size, align, frame_id);
}

static void
bind_arrow (Excalidraw *ex,
            const char *shape,
            const char *arrow)
{
  GPtrArray *arrows = g_hash_table_lookup (ex->bound, shape);

  if (arrows == NULL)
    {
      arrows = g_ptr_array_new ();
      g_hash_table_insert (ex->bound, (gpointer) shape, arrows);
    }
  g_ptr_array_add (arrows, (gpointer) arrow);
}

/* An arrow's end bound to @element; an elbow arrow's end at a fixed point of it as well, given
 * as fractions of its width and height, as Excalidraw keeps them. */
static void
add_binding (Excalidraw      *ex,
             const char      *name,
             const char      *element,
             gboolean         fixed,
             const PlanoPoint *at)
{
  JsonBuilder *b = ex->builder;
  PlanoRect box;

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_string (b, "elementId", element);
  add_number (b, "focus", 0);
  add_number (b, "gap", fixed ? 0 : 4);
  if (fixed && plano_renderer_get_drawn_bounds (ex->renderer, element, &box) &&
      box.w > 0 && box.h > 0)
    {
      json_builder_set_member_name (b, "fixedPoint");
      json_builder_begin_array (b);
      json_builder_add_double_value (b, round ((at->x - box.x) / box.w * 10000) / 10000);
      json_builder_add_double_value (b, round ((at->y - box.y) / box.h * 10000) / 10000);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

/* A connection as an arrow, drawn as on the canvas: a straight one through its bend points, an
 * orthogonal one as an elbow arrow through its corners, a curved one as a curved arrow through
 * the points of its curve (its bend points, or its middle when it has none). */
static void
add_arrow (Excalidraw      *ex,
           const PlanoEdge *edge)
{
  JsonBuilder *b = ex->builder;
  g_autoptr(GPtrArray) points = plano_renderer_get_edge_points (ex->renderer, edge->item.id);
  g_autofree char *label = edge->label != NULL ? plano_text_clean (edge->label, TRUE) : NULL;
  g_autofree char *inner = text_id (edge->item.id);
  gboolean has_label = label != NULL && g_strstrip (label)[0] != '\0';
  PlanoRoute route = plano_renderer_get_edge_route (ex->renderer, edge->item.id);
  gboolean elbowed = route == PLANO_ROUTE_ORTHOGONAL && !g_str_equal (edge->from, edge->to);
  char color[8] = "#1e1e1e";
  PlanoPoint first, last, middle;
  double x1, y1, x2, y2;

  if (points == NULL || points->len < 2)
    return;
  if (!plano_renderer_get_edge_middle (ex->renderer, edge->item.id, &middle))
    return;
  if (route == PLANO_ROUTE_CURVED && points->len == 2)
    g_ptr_array_insert (points, 1, g_memdup2 (&middle, sizeof middle));

  plano_renderer_get_item_color (ex->renderer, edge->item.id, color);
  first = *(PlanoPoint *) g_ptr_array_index (points, 0);
  last = *(PlanoPoint *) g_ptr_array_index (points, points->len - 1);
  x1 = x2 = first.x;
  y1 = y2 = first.y;
  for (guint i = 1; i < points->len; i++)
    {
      PlanoPoint *p = g_ptr_array_index (points, i);

      x1 = MIN (x1, p->x), y1 = MIN (y1, p->y);
      x2 = MAX (x2, p->x), y2 = MAX (y2, p->y);
    }

  begin_element (ex, edge->item.id, "arrow", first.x, first.y, x2 - x1, y2 - y1, color,
                 "transparent", 2, edge_dash (edge->kind),
                 route == PLANO_ROUTE_CURVED ? ROUNDNESS_PROPORTIONAL : 0, NULL);
  add_bound (ex, edge->item.id, has_label ? inner : NULL);
  json_builder_set_member_name (b, "points");
  json_builder_begin_array (b);
  for (guint i = 0; i < points->len; i++)
    {
      PlanoPoint *p = g_ptr_array_index (points, i);
      double v[2] = { round ((p->x - first.x) * 100) / 100, round ((p->y - first.y) * 100) / 100 };

      json_builder_begin_array (b);
      for (guint k = 0; k < 2; k++)
        if (v[k] == floor (v[k]))
          json_builder_add_int_value (b, (gint64) v[k]);
        else
          json_builder_add_double_value (b, v[k]);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  add_string (b, "lastCommittedPoint", NULL);
  add_binding (ex, "startBinding", edge->from, elbowed, &first);
  add_binding (ex, "endBinding", edge->to, elbowed, &last);
  add_string (b, "startArrowhead", g_strcmp0 (edge->kind, "replication") == 0 ? "arrow" : NULL);
  add_string (b, "endArrowhead", "arrow");
  json_builder_set_member_name (b, "elbowed");
  json_builder_add_boolean_value (b, elbowed);
  if (elbowed)
    {
      add_string (b, "fixedSegments", NULL);
      add_string (b, "startIsSpecial", NULL);
      add_string (b, "endIsSpecial", NULL);
    }
  json_builder_end_object (b);

  /* The label where the canvas puts it: halfway along the connection. */
  if (has_label)
    add_text (ex, inner, edge->item.id, label, middle.x, middle.y, 160, 14, "center", NULL);
}

/**
 * plano_interop_to_excalidraw:
 *
 * Returns: (transfer full): the board as an Excalidraw scene (.excalidraw): components and
 *   sticky notes as rectangles with their text bound inside, connections as arrows bound to
 *   both ends with their label, zones as frames, a zone inside another as a rectangle in it,
 *   text items as free text elements
 */
char *
plano_interop_to_excalidraw (PlanoRenderer *renderer)
{
  PlanoBoard *board = plano_renderer_get_board (renderer);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  Excalidraw ex = { renderer, board, builder, NULL, NULL };
  guint n_nodes = plano_board_get_n_items (board, PLANO_ITEM_NODE);
  guint n_edges = plano_board_get_n_items (board, PLANO_ITEM_EDGE);
  guint n_zones = plano_board_get_n_items (board, PLANO_ITEM_ZONE);
  guint n_notes = plano_board_get_n_items (board, PLANO_ITEM_NOTE);
  char *text;

  g_return_val_if_fail (PLANO_IS_RENDERER (renderer), NULL);

  ex.pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  ex.bound = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_edges; i++)
    {
      const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i);
      g_autoptr(GPtrArray) points = plano_renderer_get_edge_points (renderer, edge->item.id);

      if (points == NULL || points->len < 2)
        continue;
      bind_arrow (&ex, edge->from, edge->item.id);
      if (!g_str_equal (edge->from, edge->to))
        bind_arrow (&ex, edge->to, edge->item.id);
    }

  json_builder_begin_object (builder);
  add_string (builder, "type", "excalidraw");
  add_number (builder, "version", 2);
  add_string (builder, "source", "Plano " PACKAGE_VERSION);
  json_builder_set_member_name (builder, "elements");
  json_builder_begin_array (builder);

  /* Bottom to top, as on the canvas: zones, connections, components, notes, texts. */
  for (guint i = 0; i < n_zones; i++)
    {
      const PlanoZone *zone = (const PlanoZone *) plano_board_get_item (board, PLANO_ITEM_ZONE, i);
      g_autofree char *label = plano_text_clean (zone->label != NULL ? zone->label : "", FALSE);
      char color[8];

      plano_renderer_get_item_color (renderer, zone->item.id, color);
      if (is_top_zone (board, zone))
        {
          begin_element (&ex, zone->item.id, "frame", zone->x, zone->y, zone->w, zone->h, "#bbb",
                         "transparent", 2, NULL, 0, NULL);
          add_bound (&ex, zone->item.id, NULL);
          add_string (builder, "name", g_strstrip (label));
          json_builder_end_object (builder);
        }
      else
        {
          const PlanoZone *frame = outermost_zone (board, zone->item.id);
          g_autofree char *tint = g_strconcat (color, "22", NULL);

          add_box (&ex, zone->item.id, g_strstrip (label), zone->x, zone->y, zone->w, zone->h, color,
                   tint, "dashed", 16, "left", frame->item.id);
        }
    }

  for (guint i = 0; i < n_edges; i++)
    add_arrow (&ex, (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i));

  for (guint i = 0; i < n_nodes; i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i);
      const PlanoZone *frame = outermost_zone (board, node->zone);
      g_autofree char *label = node_text (board, node);
      char color[8];

      PlanoRect box = { node->x, node->y, node->w, node->h };

      /* As drawn, grown to its label, so that connections end on its sides. */
      plano_renderer_get_drawn_bounds (renderer, node->item.id, &box);
      plano_renderer_get_item_color (renderer, node->item.id, color);
      add_box (&ex, node->item.id, label, box.x, box.y, box.w, box.h, color, "#ffffff",
               NULL, 16, "center", frame != NULL ? frame->item.id : NULL);
    }

  for (guint i = 0; i < n_notes; i++)
    {
      const PlanoNote *note = (const PlanoNote *) plano_board_get_item (board, PLANO_ITEM_NOTE, i);
      g_autofree char *label = plano_text_clean (note->text != NULL ? note->text : "", TRUE);

      add_box (&ex, note->item.id, g_strstrip (label), note->x, note->y, note->w, note->h,
               "#e5c96a", "#fff5a5", NULL, 14, "left", NULL);
    }

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_TEXT); i++)
    add_free_text (&ex, (const PlanoText *) plano_board_get_item (board, PLANO_ITEM_TEXT, i));

  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "appState");
  json_builder_begin_object (builder);
  add_string (builder, "viewBackgroundColor", "#ffffff");
  add_string (builder, "gridSize", NULL);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  g_hash_table_unref (ex.bound);
  g_object_unref (ex.pango);

  return text;
}

/* draw.io */

/* A label as draw.io shows it with html=1: HTML text, in an attribute. */
static void
append_html_value (GString    *out,
                   const char *text)
{
  g_autofree char *cleaned = plano_text_clean (text != NULL ? text : "", TRUE);
  g_autofree char *html = g_markup_escape_text (g_strstrip (cleaned), -1);
  g_auto(GStrv) lines = g_strsplit (html, "\n", -1);
  g_autofree char *joined = g_strjoinv ("<br>", lines);

  g_string_append (out, " value=\"");
  plano_xml_append_attribute (out, joined);
  g_string_append_c (out, '"');
}

/* name="value", the number with two decimals at most, whatever the locale. */
static void
append_number_attribute (GString    *out,
                         const char *name,
                         double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, " %s=\"%s\"", name,
                          g_ascii_formatd (buffer, sizeof buffer, "%.2f", round (value * 100) / 100));
}

static void
append_geometry (GString *out,
                 double   x,
                 double   y,
                 double   w,
                 double   h)
{
  g_string_append (out, "<mxGeometry");
  append_number_attribute (out, "x", x);
  append_number_attribute (out, "y", y);
  append_number_attribute (out, "width", w);
  append_number_attribute (out, "height", h);
  g_string_append (out, " as=\"geometry\"/>");
}

/* The cell that holds what lies in zone @zone_id, and where it is; "1", the layer, for none. */
static const char *
container (PlanoBoard *board,
           const char *zone_id,
           double     *ox,
           double     *oy)
{
  const PlanoItem *item = zone_id != NULL ? plano_board_lookup (board, zone_id) : NULL;

  *ox = *oy = 0;
  if (item == NULL || item->type != PLANO_ITEM_ZONE)
    return "1";
  *ox = ((const PlanoZone *) item)->x;
  *oy = ((const PlanoZone *) item)->y;
  return item->id;
}

static void
append_cell_start (GString    *out,
                   const char *id,
                   const char *parent)
{
  g_string_append (out, "        <mxCell id=\"");
  plano_xml_append_attribute (out, id);
  g_string_append (out, "\" parent=\"");
  plano_xml_append_attribute (out, parent);
  g_string_append_c (out, '"');
}

/* Zones in an order where each comes after the zone that contains it: draw.io reads a cell's
 * parent before the cell. */
static void
append_zones (GString       *out,
              PlanoRenderer *renderer,
              const char    *parent_id,
              guint          depth)
{
  PlanoBoard *board = plano_renderer_get_board (renderer);

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_ZONE) && depth < 64; i++)
    {
      const PlanoZone *zone = (const PlanoZone *) plano_board_get_item (board, PLANO_ITEM_ZONE, i);
      const PlanoZone *parent = plano_notes_zone_parent (board, i);
      double ox = 0, oy = 0;
      char color[8] = "#77767b";

      if (g_strcmp0 (parent != NULL ? parent->item.id : NULL, parent_id) != 0)
        continue;
      if (parent != NULL)
        ox = parent->x, oy = parent->y;
      plano_renderer_get_item_color (renderer, zone->item.id, color);
      append_cell_start (out, zone->item.id, parent != NULL ? parent->item.id : "1");
      append_html_value (out, zone->label);
      g_string_append_printf (out, " style=\"rounded=1;arcSize=4;whiteSpace=wrap;html=1;container=1;"
                              "collapsible=0;verticalAlign=top;align=left;spacingLeft=12;fontStyle=1;"
                              "dashed=%d;fillColor=%s;fillOpacity=10;strokeColor=%s;\" vertex=\"1\">",
                              zone->kind == NULL || g_str_equal (zone->kind, "group"), color, color);
      append_geometry (out, zone->x - ox, zone->y - oy, zone->w, zone->h);
      g_string_append (out, "</mxCell>\n");
      append_zones (out, renderer, zone->item.id, depth + 1);
    }
}

/* Where an end of a connection is on its item, as draw.io's exitX/exitY or entryX/entryY:
 * fractions of the item's width and height. */
static void
append_port (GString       *out,
             PlanoRenderer *renderer,
             const char    *edge_id,
             const char    *item_id,
             gboolean       target)
{
  PlanoPoint port;
  PlanoRect box;
  const char *prefix = target ? "entry" : "exit";
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

  if (!plano_renderer_get_edge_port (renderer, edge_id, target, &port, NULL) ||
      !plano_renderer_get_drawn_bounds (renderer, item_id, &box) || box.w <= 0 || box.h <= 0)
    return;

  g_string_append_printf (out, "%sX=%s;", prefix,
                          g_ascii_formatd (x, sizeof x, "%.4g", (port.x - box.x) / box.w));
  g_string_append_printf (out, "%sY=%s;%sDx=0;%sDy=0;", prefix,
                          g_ascii_formatd (y, sizeof y, "%.4g", (port.y - box.y) / box.h),
                          prefix, prefix);
}

/* A connection as an edge in draw.io's style for its route: straight (no edge style), orthogonal
 * through the corners of its route, or curved, from and to the ports it has on the canvas. */
static void
append_edge (GString         *out,
             PlanoRenderer   *renderer,
             const PlanoEdge *edge)
{
  static const char * const edge_styles[PLANO_N_ROUTES] = {
    [PLANO_ROUTE_STRAIGHT] = "edgeStyle=none;",
    [PLANO_ROUTE_ORTHOGONAL] = "edgeStyle=orthogonalEdgeStyle;",
    [PLANO_ROUTE_CURVED] = "edgeStyle=orthogonalEdgeStyle;curved=1;",
  };
  const char *dash = edge_dash (edge->kind);
  PlanoRoute route = plano_renderer_get_edge_route (renderer, edge->item.id);
  g_autoptr(GArray) bends = g_array_new (FALSE, FALSE, sizeof (PlanoPoint));
  char color[8] = "#77767b";

  if (route == PLANO_ROUTE_ORTHOGONAL)
    {
      g_autoptr(GPtrArray) points = plano_renderer_get_edge_points (renderer, edge->item.id);

      for (guint i = 1; points != NULL && i + 1 < points->len; i++)
        g_array_append_vals (bends, g_ptr_array_index (points, i), 1);
    }
  else if (edge->waypoints != NULL)
    g_array_append_vals (bends, edge->waypoints->data, edge->waypoints->len);

  plano_renderer_get_item_color (renderer, edge->item.id, color);
  append_cell_start (out, edge->item.id, "1");
  append_html_value (out, edge->label);
  g_string_append_printf (out, " style=\"%shtml=1;rounded=0;endArrow=classic;startArrow=%s;"
                          "strokeColor=%s;strokeWidth=2;labelBackgroundColor=#ffffff;%s",
                          edge_styles[route],
                          g_strcmp0 (edge->kind, "replication") == 0 ? "classic" : "none", color,
                          dash == NULL ? "" : g_str_equal (dash, "dotted") ? "dashed=1;dashPattern=2 4;" : "dashed=1;");
  if (!g_str_equal (edge->from, edge->to))
    {
      append_port (out, renderer, edge->item.id, edge->from, FALSE);
      append_port (out, renderer, edge->item.id, edge->to, TRUE);
    }
  g_string_append (out, "\" edge=\"1\" source=\"");
  plano_xml_append_attribute (out, edge->from);
  g_string_append (out, "\" target=\"");
  plano_xml_append_attribute (out, edge->to);
  g_string_append (out, "\">");
  if (bends->len > 0)
    {
      g_string_append (out, "<mxGeometry relative=\"1\" as=\"geometry\"><Array as=\"points\">");
      for (guint i = 0; i < bends->len; i++)
        {
          PlanoPoint p = g_array_index (bends, PlanoPoint, i);

          g_string_append (out, "<mxPoint");
          append_number_attribute (out, "x", p.x);
          append_number_attribute (out, "y", p.y);
          g_string_append (out, "/>");
        }
      g_string_append (out, "</Array></mxGeometry>");
    }
  else
    g_string_append (out, "<mxGeometry relative=\"1\" as=\"geometry\"/>");
  g_string_append (out, "</mxCell>\n");
}

/**
 * plano_interop_to_drawio:
 *
 * Returns: (transfer full): the board as a draw.io diagram (.drawio, uncompressed mxGraph
 *   XML): components and sticky notes as vertices with their style and label, zones as
 *   containers of what lies in them, connections as edges from their source to their target,
 *   text items as text vertices
 */
char *
plano_interop_to_drawio (PlanoRenderer *renderer)
{
  PlanoBoard *board;
  PangoContext *pango;
  GString *out;
  const char *title;

  g_return_val_if_fail (PLANO_IS_RENDERER (renderer), NULL);

  board = plano_renderer_get_board (renderer);
  title = plano_board_get_title (board);
  out = g_string_new (NULL);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<mxfile host=\"Plano\" agent=\"Plano " PACKAGE_VERSION "\" type=\"device\">\n"
                        "  <diagram id=\"plano\" name=\"");
  {
    g_autofree char *name = plano_text_one_line (title != NULL ? title : "");

    plano_xml_append_attribute (out, name[0] != '\0' ? name : "Plano");
  }
  g_string_append (out, "\">\n"
                        "    <mxGraphModel grid=\"1\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" "
                        "arrows=\"1\" fold=\"1\" page=\"0\" pageScale=\"1\" math=\"0\" shadow=\"0\">\n"
                        "      <root>\n"
                        "        <mxCell id=\"0\"/>\n"
                        "        <mxCell id=\"1\" parent=\"0\"/>\n");

  /* Bottom to top, as on the canvas: zones, connections, components, notes, texts. */
  append_zones (out, renderer, NULL, 0);

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_EDGE); i++)
    append_edge (out, renderer, (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i));

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_NODE); i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i);
      g_autofree char *text = node_text (board, node);
      double ox, oy;
      const char *parent = container (board, node->zone, &ox, &oy);
      char color[8] = "#77767b";
      PlanoRect box = { node->x, node->y, node->w, node->h };

      /* As drawn, grown to its label, so that connections end on its sides. */
      plano_renderer_get_drawn_bounds (renderer, node->item.id, &box);
      plano_renderer_get_item_color (renderer, node->item.id, color);
      append_cell_start (out, node->item.id, parent);
      append_html_value (out, text);
      g_string_append_printf (out, " style=\"rounded=1;arcSize=14;whiteSpace=wrap;html=1;fillColor=#ffffff;"
                              "strokeColor=%s;strokeWidth=2;fontColor=#1e1e1e;\" vertex=\"1\">", color);
      append_geometry (out, box.x - ox, box.y - oy, box.w, box.h);
      g_string_append (out, "</mxCell>\n");
    }

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_NOTE); i++)
    {
      const PlanoNote *note = (const PlanoNote *) plano_board_get_item (board, PLANO_ITEM_NOTE, i);
      const PlanoItem *target = note->target != NULL ? plano_board_lookup (board, note->target) : NULL;

      append_cell_start (out, note->item.id, "1");
      append_html_value (out, note->text);
      g_string_append (out, " style=\"shape=note;size=16;whiteSpace=wrap;html=1;fillColor=#fff5a5;"
                            "strokeColor=#e5c96a;fontColor=#403300;align=left;verticalAlign=top;"
                            "spacing=10;\" vertex=\"1\">");
      append_geometry (out, note->x, note->y, note->w, note->h);
      g_string_append (out, "</mxCell>\n");

      /* A note points at what it is about with a dotted line, as on the canvas's hover. */
      if (target != NULL && (target->type == PLANO_ITEM_NODE || target->type == PLANO_ITEM_ZONE))
        {
          g_autofree char *link = g_strconcat (note->item.id, "·link", NULL);

          append_cell_start (out, link, "1");
          g_string_append (out, " value=\"\" style=\"edgeStyle=none;html=1;endArrow=none;dashed=1;"
                                "dashPattern=2 4;strokeColor=#e5c96a;\" edge=\"1\" source=\"");
          plano_xml_append_attribute (out, note->item.id);
          g_string_append (out, "\" target=\"");
          plano_xml_append_attribute (out, target->id);
          g_string_append (out, "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>\n");
        }
    }

  /* Text items as draw.io's own text: plain (html=0), no fill nor stroke, in their size, the
   * lines broken where the canvas breaks them, since draw.io wraps HTML labels only. */
  pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_TEXT); i++)
    {
      const PlanoText *item = (const PlanoText *) plano_board_get_item (board, PLANO_ITEM_TEXT, i);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      double width, height;
      /* mxGraph's line height for plain text */
      g_autofree char *lines = free_text_lines (renderer, pango, item, 1.2, &width, &height);

      if (lines == NULL)
        continue;
      append_cell_start (out, item->item.id, "1");
      g_string_append (out, " value=\"");
      plano_xml_append_attribute (out, lines);
      g_string_append_printf (out, "\" style=\"text;html=0;align=left;verticalAlign=top;spacing=0;"
                              "fillColor=none;strokeColor=none;fontColor=#1e1e1e;fontSize=%s;%s\" "
                              "vertex=\"1\">",
                              g_ascii_formatd (buffer, sizeof buffer, "%g", plano_text_get_font_size (item)),
                              plano_text_is_bold (item) ? "fontStyle=1;" : "");
      append_geometry (out, item->x, item->y, width, height);
      g_string_append (out, "</mxCell>\n");
    }
  g_object_unref (pango);

  g_string_append (out, "      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n");

  return g_string_free (out, FALSE);
}
