/* plano-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The items of a board are plain structs owned by the board: 10 000 nodes must stay cheap.
 * Treat what the board hands out as read-only; change items through PlanoBoard's operations,
 * which record what changed and make it undoable.
 */

typedef enum
{
  PLANO_ITEM_NODE,
  PLANO_ITEM_EDGE,
  PLANO_ITEM_ZONE,
  PLANO_ITEM_NOTE,
  PLANO_ITEM_TEXT,
  PLANO_ITEM_TRADEOFF,
  PLANO_N_ITEM_TYPES,
} PlanoItemType;

typedef enum
{
  PLANO_VALUE_NUMBER,
  PLANO_VALUE_STRING,
  PLANO_VALUE_BOOLEAN,
} PlanoValueType;

typedef struct
{
  char           *name;
  PlanoValueType  type;
  double          number;
  char           *string;
  gboolean        boolean;
} PlanoProp;

typedef struct
{
  double x;
  double y;
} PlanoPoint;

/* How a connection runs between the items it joins (docs/format.md, "route"). */
typedef enum
{
  PLANO_ROUTE_STRAIGHT,
  PLANO_ROUTE_ORTHOGONAL,
  PLANO_ROUTE_CURVED,
} PlanoRoute;

#define PLANO_N_ROUTES 3

/* The header every item starts with. */
typedef struct
{
  PlanoItemType  type;
  char          *id;
} PlanoItem;

typedef struct
{
  PlanoItem  item;
  char      *kind;      /* as written, even when the catalog does not know it */
  double     x, y, w, h;
  gboolean   has_size;  /* w and h were given; otherwise they are the kind's default */
  char      *label;     /* NULL: the kind's name in the user's language */
  char      *zone;
  GArray    *props;     /* of PlanoProp, in file order; NULL when there are none */
  char      *note;
} PlanoNode;

typedef struct
{
  PlanoItem  item;
  char      *from;
  char      *to;
  char      *kind;      /* NULL: flow */
  char      *label;
  GArray    *waypoints; /* of PlanoPoint; NULL when there are none */
  char      *route;     /* "straight", "orthogonal", "curved", as written; NULL: the board's */
  GArray    *props;
} PlanoEdge;

typedef struct
{
  PlanoItem  item;
  char      *label;
  double     x, y, w, h;
  char      *kind;      /* NULL: group */
} PlanoZone;

typedef struct
{
  PlanoItem  item;
  char      *text;
  double     x, y, w, h;
  gboolean   has_size;
  char      *target;
} PlanoNote;

/* Plain text on the board, such as a title or a remark beside an arrow: no card around it. It
 * wraps at its box's width; the box's height is the text's, fitted whenever the text changes. */
typedef struct
{
  PlanoItem  item;
  char      *text;
  double     x, y, w, h;
  char      *size;      /* "small" or "large"; NULL: normal. Another value is kept as written */
} PlanoText;

typedef struct
{
  PlanoItem   item;
  char       *title;
  char       *target;   /* NULL: the whole board */
  char       *choice;
  GStrv       alternatives;
  GStrv       pros;
  GStrv       cons;
  char       *rationale;
} PlanoTradeoff;

#define PLANO_NOTE_DEFAULT_WIDTH  200.0
#define PLANO_NOTE_DEFAULT_HEIGHT 120.0

#define PLANO_TEXT_MAX_WIDTH      360.0   /* a new text grows to this width, then wraps */

PlanoItem       *plano_item_new              (PlanoItemType     type,
                                              const char       *id);
PlanoItem       *plano_item_copy             (const PlanoItem  *item);
void             plano_item_free             (PlanoItem        *item);
gboolean         plano_item_equal            (const PlanoItem  *a,
                                              const PlanoItem  *b);
gsize            plano_item_get_memory_size  (const PlanoItem  *item);
gboolean         plano_item_get_bounds       (const PlanoItem  *item,
                                              double           *x,
                                              double           *y,
                                              double           *w,
                                              double           *h);
const char      *plano_item_type_get_name    (PlanoItemType     type);
double           plano_text_get_font_size    (const PlanoText  *text);
gboolean         plano_text_is_bold          (const PlanoText  *text);
gboolean         plano_id_is_valid           (const char       *id);

const char      *plano_route_to_string       (PlanoRoute        route);
gboolean         plano_route_from_string     (const char       *string,
                                              PlanoRoute       *route);

const PlanoProp *plano_props_lookup          (GArray           *props,
                                              const char       *name);
gboolean         plano_props_get_number      (GArray           *props,
                                              const char       *name,
                                              double           *value);
gboolean         plano_props_equal           (GArray           *a,
                                              GArray           *b);
GArray          *plano_props_copy            (GArray           *props);
void             plano_props_set             (GArray          **props,
                                              const PlanoProp  *prop);
gboolean         plano_props_remove          (GArray          **props,
                                              const char       *name);
void             plano_prop_clear            (PlanoProp        *prop);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanoItem, plano_item_free)

G_END_DECLS
