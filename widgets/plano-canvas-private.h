/* plano-canvas-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plano-canvas.h"
#include "plano-tiles.h"

G_BEGIN_DECLS

/* What the canvas's parts share. The canvas itself (plano-canvas.c) draws the board, keeps
 * the view, the selection and the board's history, and hands each pointer gesture to the tool
 * it starts: select and move (plano-canvas-move.c), connect and reshape connections
 * (plano-canvas-connect.c), resize (plano-canvas-resize.c), pan and zoom (plano-canvas-pan.c)
 * and edit a label in place (plano-canvas-edit.c). Its actions, clipboard and context menu are
 * in plano-canvas-actions.c.
 */

#define MIN_ZOOM        0.1
#define MAX_ZOOM        4.0
#define HANDLE_SIZE     9.0     /* screen pixels */
#define CONNECT_OFFSET  14.0    /* screen pixels right of a node */
#define PICK_TOLERANCE  5.0     /* screen pixels */
#define NUDGE           10.0    /* canvas units; one grid step with Shift */

typedef struct _PlanoCanvasFrames PlanoCanvasFrames;
typedef struct _PlanoCanvasNodes PlanoCanvasNodes;

/* Draws in view coordinates: one unit a logical pixel, (0, 0) the canvas's top-left corner. */
typedef void (*PlanoCanvasDrawFunc) (PlanoCanvas *self,
                                     cairo_t     *cr,
                                     gpointer     user_data);

typedef enum
{
  STATE_IDLE,
  STATE_MOVING,
  STATE_RUBBER_BAND,
  STATE_CONNECTING,
  STATE_RESIZING,
  STATE_PANNING,
  STATE_KEY_CONNECTING,
  STATE_EDGE_POINT,
  STATE_EDGE_END,
} State;

/* The handles of a selected edge: its two ends, its bend points, and the middle of each
 * segment, where dragging makes a new bend point; on an orthogonal edge, the middle of each
 * segment, which drags the segment sideways.
 */
typedef enum
{
  EDGE_HANDLE_NONE,
  EDGE_HANDLE_FROM,
  EDGE_HANDLE_TO,
  EDGE_HANDLE_WAYPOINT,
  EDGE_HANDLE_MIDPOINT,
  EDGE_HANDLE_SEGMENT,
} EdgeHandle;

/* A smart guide: a line through an edge or centre that the moved box shares with another. */
typedef struct
{
  gboolean vertical;            /* a vertical line, at x = position */
  double   position;
  double   from, to;            /* its extent along itself */
} Guide;

/* One of the equal gaps the moved box sits at: the space between two boxes side by side. */
typedef struct
{
  gboolean horizontal;          /* a gap along x, from x = from to x = to */
  double   from, to;
  double   across_from, across_to; /* where the two boxes face each other, across the gap */
} Gap;

typedef enum
{
  HANDLE_NONE,
  HANDLE_CONNECT,
  HANDLE_TOP_LEFT,
  HANDLE_TOP_RIGHT,
  HANDLE_BOTTOM_LEFT,
  HANDLE_BOTTOM_RIGHT,
} Handle;

struct _PlanoCanvas
{
  GtkWidget      parent_instance;

  PlanoHistory  *history;
  PlanoBoard    *board;
  PlanoRenderer *renderer;
  PlanoTiles    *tiles;         /* the renderer's drawing, kept between frames */
  gulong         changed_handler;

  double         ox, oy;        /* the canvas point at the widget's top-left corner */
  double         zoom;
  gboolean       snap;
  double         grid;                   /* canvas units between grid lines */
  gboolean       centered;

  GHashTable    *selection;     /* ids */
  char          *hover;
  char          *port;          /* the node under the pointer, whose "+" shows */

  /* The gesture under way. */
  State          state;
  double         start_x, start_y;       /* canvas point where it began */
  double         pointer_x, pointer_y;   /* canvas point it is at */
  double         applied_dx, applied_dy; /* how far a move has moved things so far */
  double         anchor_x, anchor_y;     /* where the grabbed item started, for snapping */
  PlanoRect      moving_box;             /* what a move moves, where it started */
  GdkModifierType drag_state;            /* the modifiers held during the gesture */
  double         drag_x, drag_y;         /* the gesture's last offset, in widget pixels */
  GStrv          moving;                 /* what a move moves */
  char          *source;                 /* a connection's or resize's item */
  Handle         handle;
  EdgeHandle     edge_handle;
  guint          edge_index;    /* the bend point, or segment, being dragged */
  GArray        *edge_route;    /* of PlanoPoint: an orthogonal edge's route when the drag of
                                 * one of its segments began */
  PlanoRect      resize_start;
  double         pan_ox, pan_oy;
  double         zoom_start;

  /* Editing a text in place (plano-canvas-edit.c) */
  GtkWidget     *editor;
  char          *editing;       /* the item whose text is edited */
  gboolean       edit_multiline;

  /* Smart guides (plano-canvas-guides.c) */
  GArray        *snap_boxes;    /* of PlanoRect: what a move or resize may line up with */
  GArray        *guides;        /* of Guide, shown */
  GArray        *gaps;          /* of Gap, shown */

  /* Keyboard connecting: the target Tab has picked. */
  char          *key_target;

  GtkWidget     *menu;
  PlanoRenderer *preview;       /* a replayed state shown instead of the document */
  double         paste_offset;
  gboolean       space_down;    /* Space held: a primary drag pans */

  PlanoCanvasFrames *frames;    /* (nullable): frame times, with PLANO_DEBUG=frames */
  PlanoCanvasNodes  *nodes;     /* (nullable): what the last frame showed, kept for the next */
};

/* plano-canvas.c */
void             _plano_canvas_begin                   (PlanoCanvas     *self,
                                                        const char      *label);
void             _plano_canvas_commit                  (PlanoCanvas     *self);
const char      *_plano_canvas_pick                    (PlanoCanvas     *self,
                                                        double           x,
                                                        double           y);
const PlanoItem *_plano_canvas_single_selected         (PlanoCanvas     *self);
void             _plano_canvas_emit_selection_changed  (PlanoCanvas     *self);
void             _plano_canvas_describe                (PlanoCanvas     *self,
                                                        const char      *event);
GPtrArray       *_plano_canvas_navigable_ids           (PlanoCanvas     *self);
guint            _plano_canvas_count_navigable         (PlanoCanvas     *self);
void             _plano_canvas_update_selection_actions (PlanoCanvas    *self);
double           _plano_canvas_snapped                 (PlanoCanvas     *self,
                                                        double           v);
char            *_plano_canvas_tooltip_text            (PlanoCanvas     *self,
                                                        double           x,
                                                        double           y,
                                                        PlanoRect       *area);

/* plano-canvas-move.c: select, move, rubber band */
void             _plano_canvas_update_membership       (PlanoCanvas     *self);
void             _plano_canvas_move_begin              (PlanoCanvas     *self,
                                                        const char      *id,
                                                        gboolean         add);
void             _plano_canvas_move_drag               (PlanoCanvas     *self,
                                                        double           offset_x,
                                                        double           offset_y);
void             _plano_canvas_move_end                (PlanoCanvas     *self);
void             _plano_canvas_band_end                (PlanoCanvas     *self,
                                                        double           offset_x,
                                                        double           offset_y);
void             _plano_canvas_band_draw               (PlanoCanvas     *self,
                                                        cairo_t         *cr,
                                                        const GdkRGBA   *accent);

/* plano-canvas-connect.c: connecting, bend points, reconnecting ends */
gboolean         _plano_canvas_edge_begin              (PlanoCanvas     *self,
                                                        double           widget_x,
                                                        double           widget_y);
void             _plano_canvas_edge_drag               (PlanoCanvas     *self);
void             _plano_canvas_edge_end                (PlanoCanvas     *self);
void             _plano_canvas_connect_end             (PlanoCanvas     *self);
EdgeHandle       _plano_canvas_pick_edge_handle        (PlanoCanvas     *self,
                                                        double           widget_x,
                                                        double           widget_y,
                                                        guint           *index);
void             _plano_canvas_connect_draw            (PlanoCanvas     *self,
                                                        cairo_t         *cr,
                                                        const GdkRGBA   *accent);

/* plano-canvas-resize.c: the handles of the selected item */
gboolean         _plano_canvas_handle_begin            (PlanoCanvas     *self,
                                                        double           widget_x,
                                                        double           widget_y);
Handle           _plano_canvas_pick_handle             (PlanoCanvas     *self,
                                                        double           widget_x,
                                                        double           widget_y,
                                                        const PlanoItem **owner);
void             _plano_canvas_update_port             (PlanoCanvas     *self,
                                                        double           widget_x,
                                                        double           widget_y,
                                                        const char      *hover);
void             _plano_canvas_resize_drag             (PlanoCanvas     *self);
void             _plano_canvas_resize_end              (PlanoCanvas     *self);
void             _plano_canvas_handles_draw            (PlanoCanvas     *self,
                                                        cairo_t         *cr,
                                                        const GdkRGBA   *accent);

/* plano-canvas-pan.c: panning and zooming */
void             _plano_canvas_pan_init                (PlanoCanvas     *self);
void             _plano_canvas_pan_begin               (PlanoCanvas     *self);
void             _plano_canvas_pan_drag                (PlanoCanvas     *self,
                                                        double           offset_x,
                                                        double           offset_y);

/* plano-canvas-edit.c: editing a text in place */
void             _plano_canvas_edit_init               (PlanoCanvas     *self);
void             _plano_canvas_edit_allocate           (PlanoCanvas     *self);

/* plano-canvas-guides.c: smart guides while moving and resizing */
void             _plano_canvas_guides_init             (PlanoCanvas     *self);
void             _plano_canvas_guides_finalize         (PlanoCanvas     *self);
void             _plano_canvas_guides_begin            (PlanoCanvas     *self,
                                                        const char * const *exclude,
                                                        gboolean         zones);
void             _plano_canvas_guides_end              (PlanoCanvas     *self);
void             _plano_canvas_guides_snap_move        (PlanoCanvas     *self,
                                                        const PlanoRect *box,
                                                        double          *dx,
                                                        double          *dy,
                                                        GdkModifierType  state);
void             _plano_canvas_guides_snap_resize      (PlanoCanvas     *self,
                                                        double          *x,
                                                        double          *y,
                                                        GdkModifierType  state);
void             _plano_canvas_guides_show_resize      (PlanoCanvas     *self,
                                                        const PlanoRect *box,
                                                        double           x,
                                                        double           y);
void             _plano_canvas_guides_draw             (PlanoCanvas     *self,
                                                        cairo_t         *cr);

/* plano-canvas.c: drawing */
void             _plano_canvas_get_view                (PlanoCanvas        *self,
                                                        PlanoRect          *area,
                                                        PlanoRenderOptions *options);
void             _plano_canvas_draw_grid               (PlanoCanvas     *self,
                                                        cairo_t         *cr,
                                                        int              width,
                                                        int              height);

/* plano-canvas-nodes.c: the board as render nodes */
void             _plano_canvas_nodes_free              (PlanoCanvasNodes *nodes);
void             _plano_canvas_nodes_append_grid       (PlanoCanvas     *self,
                                                        GtkSnapshot     *snapshot,
                                                        int              width,
                                                        int              height,
                                                        gboolean         dark,
                                                        gboolean         high_contrast);
gboolean         _plano_canvas_nodes_append_tiles      (PlanoCanvas              *self,
                                                        GtkSnapshot              *snapshot,
                                                        const PlanoRect          *area,
                                                        const PlanoRenderOptions *options);
void             _plano_canvas_nodes_prepare_tiles     (PlanoCanvas     *self);
void             _plano_canvas_nodes_append_drawn      (PlanoCanvas          *self,
                                                        GtkSnapshot          *snapshot,
                                                        PlanoCanvasDrawFunc   draw,
                                                        gpointer              user_data);

/* plano-canvas-frames.c: PLANO_DEBUG=frames */
void             _plano_canvas_frames_init             (PlanoCanvas     *self);
void             _plano_canvas_frames_finalize         (PlanoCanvas     *self);
void             _plano_canvas_frames_input            (PlanoCanvas     *self);
void             _plano_canvas_frames_snapshot_begin   (PlanoCanvas     *self);
void             _plano_canvas_frames_snapshot_end     (PlanoCanvas     *self);

/* plano-canvas-actions.c */
void             _plano_canvas_class_init_actions      (GtkWidgetClass  *widget_class);
void             _plano_canvas_actions_init            (PlanoCanvas     *self);


/* The pointer handling behind the canvas's gestures, in widget coordinates, so that tests can
 * drive a press, a drag and a release through the same code as real input.
 */
void  plano_canvas_pointer_press    (PlanoCanvas     *self,
                                     double           widget_x,
                                     double           widget_y,
                                     GdkModifierType  modifiers);
void  plano_canvas_pointer_drag     (PlanoCanvas     *self,
                                     double           offset_x,
                                     double           offset_y);
void  plano_canvas_pointer_drag_with_state (PlanoCanvas     *self,
                                     double           offset_x,
                                     double           offset_y,
                                     GdkModifierType  state);
void  plano_canvas_pointer_motion   (PlanoCanvas     *self,
                                     double           widget_x,
                                     double           widget_y);
void  plano_canvas_pointer_leave    (PlanoCanvas     *self);
void  plano_canvas_pointer_release  (PlanoCanvas     *self,
                                     double           offset_x,
                                     double           offset_y);
gboolean plano_canvas_drop_kind     (PlanoCanvas     *self,
                                     const char      *kind,
                                     double           widget_x,
                                     double           widget_y);
GtkWidget *plano_canvas_get_editor  (PlanoCanvas     *self);
void  plano_canvas_double_click     (PlanoCanvas     *self,
                                     double           widget_x,
                                     double           widget_y);
void  plano_canvas_get_handle_point (PlanoCanvas     *self,
                                     double          *widget_x,
                                     double          *widget_y);

G_END_DECLS
