/* plano-bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The performance benchmark. It generates boards of 50, 200, 1 000 and 10 000 components
 * with 1.5 connections each: 50 and 200 are the sizes people draw, where the targets are what
 * a user feels; 10 000 guards against what does not scale. It times every path a user waits
 * on (open, save, a frame of the whole board and one at 100 %, picking, one motion event of a
 * drag, the frame after a motion event of a drag and after a character typed into a label at
 * device scales 1 and 2, the design review, exports as whole processes, the app's memory and
 * start-up) as the median of several runs, and prints a table and JSON. With --quick it runs
 * everything once on small boards, as a test that keeps the benchmark working; its figures are
 * then meaningless.
 *
 * The targets are for one core, so the benchmark runs on one: it binds itself to the last CPU
 * it may use, and the processes it starts (exports, the app, the bare window) inherit that.
 * --all-cores lets them use every CPU, for comparison.
 *
 *   plano-bench [--quick] [--runs=N] [--sizes=50,200,1000,10000] [--huge] [--all-cores] [--json=FILE]
 *               [--route=straight|orthogonal|curved]
 *   plano-bench --generate=N FILE          write a synthetic board of N components
 */

#define _GNU_SOURCE   /* sched_setaffinity */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <malloc.h>
#include <sched.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "plano-bench-gen.h"
#include "plano-format.h"
#include "plano-history.h"
#include "plano-render.h"
#include "plano-review.h"
#include "plano-tiles.h"

#define SEED 20261125

typedef struct
{
  const char *key;      /* JSON name */
  const char *what;     /* the table's words */
  const char *unit;     /* ms, µs or MB */
  /* The targets, on one core: at the sizes people draw (200 components) and as a guard
   * against what does not scale (at @large_nodes). 0: none, reported only. */
  double      small;
  double      large;
  guint       large_nodes;
} Metric;

#define SMALL_NODES 200

enum
{
  OPEN, SAVE, FIRST_FRAME, FRAME_FIT, FRAME_100, FRAME_PAN, DRAWN_FIT, DRAWN_100, PICK, DRAG,
  DRAG_FRAME, DRAG_FRAME_2X, DRAG_FRAME_100, DRAG_FRAME_100_2X,
  EDIT_FRAME, EDIT_FRAME_2X, EDIT_FRAME_100, EDIT_FRAME_100_2X, REVIEW,
  EXPORT_SVG, EXPORT_PDF, EXPORT_PNG, SVG_PEAK, APP_RSS, N_METRICS
};

static const Metric metrics[N_METRICS] = {
  [OPEN]        = { "open_ms", "open (parse, build board, index)", "ms", 10, 300, 10000 },
  [SAVE]        = { "save_ms", "save", "ms", 10, 100, 10000 },
  [FIRST_FRAME] = { "first_frame_ms", "first 1920×1080 frame of the board just opened, whole board", "ms", 25, 0, 0 },
  [FRAME_FIT]   = { "frame_fit_ms", "1920×1080 frame, whole board in view", "ms", 2, 16, 10000 },
  [FRAME_100]   = { "frame_100_ms", "1920×1080 frame at 100 %", "ms", 2, 2, 10000 },
  [FRAME_PAN]   = { "frame_pan_ms", "1920×1080 frame at 100 %, panning 16 px a frame", "ms", 0, 0, 0 },
  [DRAWN_FIT]   = { "drawn_fit_ms", "1920×1080 frame, whole board, drawn without tiles", "ms", 0, 0, 0 },
  [DRAWN_100]   = { "drawn_100_ms", "1920×1080 frame at 100 %, drawn without tiles", "ms", 0, 0, 0 },
  [PICK]        = { "pick_us", "hit-test at the pointer", "µs", 0, 5, 10000 },
  [DRAG]        = { "drag_motion_ms", "one motion event dragging a component", "ms", 0, 1, 10000 },
  /* What a user feels: a motion event, or a typed character, and the frame that shows it. */
  [DRAG_FRAME]  = { "drag_frame_ms", "drag: motion event and its frame, whole board in view", "ms", 3, 8, 10000 },
  [DRAG_FRAME_2X] = { "drag_frame_2x_ms", "the same at device scale 2", "ms", 6, 0, 0 },
  [DRAG_FRAME_100] = { "drag_frame_100_ms", "drag: motion event and its frame at 100 %", "ms", 0, 0, 0 },
  [DRAG_FRAME_100_2X] = { "drag_frame_100_2x_ms", "the same at device scale 2", "ms", 0, 0, 0 },
  [EDIT_FRAME]  = { "edit_frame_ms", "a character typed into a label and its frame, whole board", "ms", 3, 8, 10000 },
  [EDIT_FRAME_2X] = { "edit_frame_2x_ms", "the same at device scale 2", "ms", 6, 0, 0 },
  [EDIT_FRAME_100] = { "edit_frame_100_ms", "a character typed and its frame at 100 %", "ms", 0, 0, 0 },
  [EDIT_FRAME_100_2X] = { "edit_frame_100_2x_ms", "the same at device scale 2", "ms", 0, 0, 0 },
  [REVIEW]      = { "review_ms", "design review", "ms", 0, 20, 10000 },
  [EXPORT_SVG]  = { "export_svg_ms", "plano --export SVG, whole process", "ms", 60, 350, 10000 },
  [EXPORT_PDF]  = { "export_pdf_ms", "plano --export PDF, whole process", "ms", 100, 1200, 10000 },
  [EXPORT_PNG]  = { "export_png_ms", "plano --export PNG at scale 2, whole process", "ms", 150, 700, 1000 },
  [SVG_PEAK]    = { "export_svg_peak_mb", "peak memory of the SVG export", "MB", 0, 0, 0 },
  /* At 200 components its target is the bare window's figure + 40 MB; see get_target(). */
  [APP_RSS]     = { "app_rss_mb", "app resident with the board open", "MB", 40, 180, 10000 },
};

typedef struct
{
  guint   nodes;
  guint   edges;
  double  values[N_METRICS];    /* NAN: not measured */
} Row;

static gboolean quick;
static int runs = 7;
static char *sizes_arg;
static gboolean huge;
static gboolean all_cores;
static char *route_arg;
static int cpu = -1;   /* the one the benchmark runs on, or -1 for all */
static char *json_path;
static char *generate_path;
static int generate_n;
static char *tmp_dir;

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *samples)
{
  guint n = samples->len;

  g_assert (n > 0);
  g_array_sort (samples, compare_doubles);
  return n % 2 ? g_array_index (samples, double, n / 2)
               : (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}

static void
add_sample (GArray *samples,
            double  value)
{
  g_array_append_val (samples, value);
}

static const char *
plano_exe (void)
{
  const char *exe = g_getenv ("PLANO_EXE");

  return exe != NULL ? exe : "plano";
}

/* In-process paths */

static PlanoBoard *
open_board (const char     *path,
            PlanoRenderer **renderer)
{
  g_autoptr(GError) error = NULL;
  PlanoBoard *board = plano_format_read_file (path, NULL, &error);
  PlanoRect bounds;

  if (board == NULL)
    g_error ("%s: %s", path, error->message);
  *renderer = plano_renderer_new (board);
  plano_renderer_get_bounds (*renderer, &bounds);
  return board;
}

/* The canvas transform that shows @bounds whole in a @width × @height view. */
static double
fit (const PlanoRect *bounds,
     double           width,
     double           height,
     PlanoRect       *area)
{
  double zoom = MIN (width / bounds->w, height / bounds->h);

  area->w = width / zoom;
  area->h = height / zoom;
  area->x = bounds->x + bounds->w / 2 - area->w / 2;
  area->y = bounds->y + bounds->h / 2 - area->h / 2;
  return zoom;
}

/* One frame, drawn by @renderer, or as the canvas draws it from @tiles if given, at the device
 * scale of @surface. */
static double
time_frame (PlanoRenderer   *renderer,
            PlanoTiles      *tiles,
            cairo_surface_t *surface,
            const PlanoRect *area,
            double           zoom)
{
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, zoom, TRUE, NULL, NULL };
  cairo_t *cr = cairo_create (surface);
  gint64 start = now_ns ();
  double device_scale;

  cairo_surface_get_device_scale (surface, &device_scale, NULL);
  if (tiles != NULL)
    plano_tiles_draw (tiles, cr, area, &options, (int) device_scale);
  else
    {
      cairo_scale (cr, zoom, zoom);
      cairo_translate (cr, -area->x, -area->y);
      plano_renderer_draw (renderer, cr, area, &options);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return (now_ns () - start) / 1e6;
}

/* A 1920 × 1080 view at @device_scale pixels per logical pixel. */
static cairo_surface_t *
view_surface (int device_scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920 * device_scale,
                                                         1080 * device_scale);

  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  return surface;
}

/* A frame as the canvas gives it to GTK: each tile of the view is a render node of its own,
 * kept while the tile's picture is, and GTK draws again only where the nodes differ from the
 * last frame's. So the frame draws onto the last one the tiles whose picture is new. */
typedef struct
{
  cairo_t    *cr;
  GHashTable *shown;   /* the tile at a place in the view → its serial, as last drawn */
} Changed;

static void
draw_changed_tile (cairo_surface_t *surface,
                   guint64          serial,
                   double           x,
                   double           y,
                   double           size,
                   gpointer         user_data)
{
  Changed *changed = user_data;
  guint64 place = (guint64) (guint32) (gint32) lround (x) << 32 | (guint32) (gint32) lround (y);
  gpointer shown = g_hash_table_lookup (changed->shown, &place);

  if (shown != NULL && *(guint64 *) shown == serial)
    return;

  g_hash_table_replace (changed->shown, g_memdup2 (&place, sizeof place), g_memdup2 (&serial, sizeof serial));
  cairo_save (changed->cr);
  cairo_translate (changed->cr, x, y);
  cairo_scale (changed->cr, size / cairo_image_surface_get_width (surface), size / cairo_image_surface_get_height (surface));
  cairo_set_source_surface (changed->cr, surface, 0, 0);
  cairo_paint (changed->cr);
  cairo_restore (changed->cr);
}

static void
time_changed_tiles (PlanoTiles      *tiles,
                    cairo_surface_t *surface,
                    GHashTable      *shown,
                    const PlanoRect *area,
                    double           zoom)
{
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, zoom, TRUE, NULL, NULL };
  double device_scale;
  Changed changed = { cairo_create (surface), shown };

  cairo_surface_get_device_scale (surface, &device_scale, NULL);
  if (!plano_tiles_foreach (tiles, area, &options, (int) device_scale, draw_changed_tile, &changed))
    g_error ("the tiles were not ready");
  cairo_destroy (changed.cr);
  cairo_surface_flush (surface);
}

/* The frames of an edit, as the canvas draws them: @node is dragged by four pixels a motion
 * event (@edit FALSE), or a character is typed into its label (TRUE), and each change is
 * followed by a frame of @area, which the canvas showed before, with the tiles it changed
 * drawn again and drawn onto the last frame (see draw_changed_tile()). The median of the time
 * from the change to the frame drawn. */
static double
time_edit_frames (PlanoBoard      *board,
                  PlanoRenderer   *renderer,
                  const char      *node,
                  const PlanoRect *area,
                  double           zoom,
                  int              device_scale,
                  gboolean         edit)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  g_autoptr(PlanoTiles) tiles = plano_tiles_new (renderer);
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *label = g_strdup (plano_board_get_label (board, node));
  cairo_surface_t *surface = view_surface (device_scale);
  const char *ids[] = { node, NULL };
  int n = quick ? 6 : 60;

  /* The view as shown before: drawn directly, then from tiles. */
  time_frame (renderer, tiles, surface, area, zoom);
  time_changed_tiles (tiles, surface, shown, area, zoom);

  if (!edit)
    plano_history_begin (history, "Move");
  for (int i = 0; i < n; i++)
    {
      gint64 start;
      double ms;

      if (edit && i % 12 == 0)
        {
          /* Back to the label as it was, untimed, before it grows too long to read. */
          plano_board_set_label (board, node, label);
          time_changed_tiles (tiles, surface, shown, area, zoom);
        }

      start = now_ns ();
      if (edit)
        {
          g_autofree char *typed = g_strdup_printf ("%s%c", plano_board_get_label (board, node), 'a' + i % 12);

          plano_board_set_label (board, node, typed);
        }
      else
        {
          double step = (i % 20 < 10 ? 4 : -4) / zoom;

          if (!plano_board_move_items (board, ids, step, step / 2))
            g_error ("%s did not move", node);
        }
      time_changed_tiles (tiles, surface, shown, area, zoom);
      ms = (now_ns () - start) / 1e6;
      g_array_append_val (samples, ms);
    }
  if (!edit)
    plano_history_commit (history);
  plano_board_set_label (board, node, label);

  cairo_surface_destroy (surface);
  return median (samples);
}

static void
measure_in_process (Row        *row,
                    const char *path)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoRenderer) renderer = NULL;
  g_autoptr(PlanoTiles) tiles = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *save_path = g_build_filename (tmp_dir, "saved.plano", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  PlanoRect bounds, area;
  double zoom;

  /* Open */
  for (int r = 0; r < runs; r++)
    {
      gint64 start = now_ns ();

      g_clear_object (&renderer);
      g_clear_object (&board);
      board = open_board (path, &renderer);
      add_sample (samples, (now_ns () - start) / 1e6);
    }
  row->values[OPEN] = median (samples);
  g_array_set_size (samples, 0);
  row->edges = plano_board_get_n_items (board, PLANO_ITEM_EDGE);

  /* Save */
  for (int r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = now_ns ();

      if (!plano_format_save_file (board, save_path, &error))
        g_error ("%s", error->message);
      add_sample (samples, (now_ns () - start) / 1e6);
    }
  row->values[SAVE] = median (samples);
  g_array_set_size (samples, 0);

  /* Frames drawn from nothing: the first one of a board just opened lays out the text not
   * laid out on opening (connections' labels, notes) and makes cairo's glyphs at that size;
   * the others paint from the layout. The canvas draws this way the first frame at a zoom, and
   * then draws its tiles while idle. Each first frame is of a renderer of its own, at a zoom a
   * hundredth smaller than the last, so that cairo has no glyphs of that size yet. */
  plano_renderer_get_bounds (renderer, &bounds);
  zoom = fit (&bounds, 1920, 1080, &area);
  for (int r = 0; r < runs; r++)
    {
      g_autoptr(PlanoRenderer) opened = plano_renderer_new (board);
      double smaller = zoom * (1 - 0.01 * (r + 1));
      PlanoRect view = { bounds.x + bounds.w / 2 - 960 / smaller,
                         bounds.y + bounds.h / 2 - 540 / smaller, 1920 / smaller, 1080 / smaller };
      PlanoRect opened_bounds;
      double ms;

      plano_renderer_get_bounds (opened, &opened_bounds);
      ms = time_frame (opened, NULL, surface, &view, smaller);
      g_array_append_val (samples, ms);
    }
  row->values[FIRST_FRAME] = median (samples);
  g_array_set_size (samples, 0);
  time_frame (renderer, NULL, surface, &area, zoom);
  for (int r = 0; r < MAX (runs, 5); r++)
    {
      double ms = time_frame (renderer, NULL, surface, &area, zoom);
      g_array_append_val (samples, ms);
    }
  row->values[DRAWN_FIT] = median (samples);
  g_array_set_size (samples, 0);

  /* The frames the canvas draws while the board stays as it is (the pointer moves over it, the
   * selection changes, the window is drawn again): from tiles kept between frames. The first
   * frame at a zoom is drawn directly, the next one draws the tiles. */
  tiles = plano_tiles_new (renderer);
  time_frame (renderer, tiles, surface, &area, zoom);
  time_frame (renderer, tiles, surface, &area, zoom);
  for (int r = 0; r < MAX (runs, 5); r++)
    {
      double ms = time_frame (renderer, tiles, surface, &area, zoom);
      g_array_append_val (samples, ms);
    }
  row->values[FRAME_FIT] = median (samples);
  g_array_set_size (samples, 0);

  /* At 100 %, somewhere in the middle of the board: each run pans to another place, and draws
   * it once directly and once from tiles, after a first visit that lays out its text (and,
   * from tiles, draws them). */
  {
    g_autoptr(GArray) tiled = g_array_new (FALSE, FALSE, sizeof (double));
    PlanoRect view = { 0, };

    for (int r = 0; r < MAX (runs, 5) + 1; r++)
      {
        double ms;

        view = (PlanoRect) { bounds.x + g_rand_double (rand) * MAX (bounds.w - 1920, 0),
                             bounds.y + g_rand_double (rand) * MAX (bounds.h - 1080, 0), 1920, 1080 };
        time_frame (renderer, NULL, surface, &view, 1.0);
        ms = time_frame (renderer, NULL, surface, &view, 1.0);
        g_array_append_val (samples, ms);

        time_frame (renderer, tiles, surface, &view, 1.0);
        time_frame (renderer, tiles, surface, &view, 1.0);
        ms = time_frame (renderer, tiles, surface, &view, 1.0);
        g_array_append_val (tiled, ms);
      }
    row->values[DRAWN_100] = median (samples);
    row->values[FRAME_100] = median (tiled);
    g_array_set_size (samples, 0);

    /* Panning from the last view, 16 pixels a frame: tiles come into view now and then. */
    for (int r = 0; r < (quick ? 8 : 64); r++)
      {
        double ms;

        view.x += 16;
        view.y += 4;
        ms = time_frame (renderer, tiles, surface, &view, 1.0);
        g_array_append_val (samples, ms);
      }
    row->values[FRAME_PAN] = median (samples);
    g_array_set_size (samples, 0);
  }
  g_clear_object (&tiles);

  /* Hit-test: half on components (a hit), half anywhere. */
  {
    guint n_nodes = plano_board_get_n_items (board, PLANO_ITEM_NODE);
    guint n = quick ? 1000 : 20000;

    for (guint i = 0; i < n; i++)
      {
        double x, y;
        gint64 start;

        if (i % 2 == 0)
          {
            const PlanoNode *node = (const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE,
                                                                              g_rand_int_range (rand, 0, n_nodes));
            x = node->x + 20, y = node->y + 20;
          }
        else
          {
            x = bounds.x + g_rand_double (rand) * bounds.w;
            y = bounds.y + g_rand_double (rand) * bounds.h;
          }

        start = now_ns ();
        plano_renderer_pick (renderer, x, y, 4);
        {
          double us = (now_ns () - start) / 1e3;
          g_array_append_val (samples, us);
        }
      }
    row->values[PICK] = median (samples);
    g_array_set_size (samples, 0);
  }

  /* Dragging one component as the canvas does: one history step, a move per motion event. */
  {
    g_autoptr(PlanoHistory) history = plano_history_new (board);
    /* A copy: moving an item replaces it. */
    g_autofree char *id = g_strdup (plano_board_get_item (board, PLANO_ITEM_NODE,
                                                          plano_board_get_n_items (board, PLANO_ITEM_NODE) / 2)->id);
    const char *ids[] = { id, NULL };
    int n = quick ? 20 : 500;

    plano_history_begin (history, "Move");
    for (int i = 0; i < n; i++)
      {
        gint64 start = now_ns ();
        double ms;

        if (!plano_board_move_items (board, ids, i % 40 < 20 ? 3 : -3, 1))
          g_error ("%s did not move", id);
        ms = (now_ns () - start) / 1e6;
        g_array_append_val (samples, ms);
      }
    plano_history_commit (history);
    row->values[DRAG] = median (samples);
    g_array_set_size (samples, 0);
  }

  /* The frames a user feels while editing: a drag's and a typed character's, with the whole
   * board in view and at 100 % around the component, at device scales 1 and 2. */
  {
    g_autofree char *id = g_strdup (plano_board_get_item (board, PLANO_ITEM_NODE,
                                                          plano_board_get_n_items (board, PLANO_ITEM_NODE) / 2)->id);
    const PlanoNode *node = plano_board_lookup_node (board, id);
    PlanoRect around = { node->x + node->w / 2 - 960, node->y + node->h / 2 - 540, 1920, 1080 };
    static const struct { guint metric; gboolean fit; int device_scale; gboolean edit; } frames[] = {
      { DRAG_FRAME, TRUE, 1, FALSE }, { DRAG_FRAME_2X, TRUE, 2, FALSE },
      { DRAG_FRAME_100, FALSE, 1, FALSE }, { DRAG_FRAME_100_2X, FALSE, 2, FALSE },
      { EDIT_FRAME, TRUE, 1, TRUE }, { EDIT_FRAME_2X, TRUE, 2, TRUE },
      { EDIT_FRAME_100, FALSE, 1, TRUE }, { EDIT_FRAME_100_2X, FALSE, 2, TRUE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
      row->values[frames[i].metric] = time_edit_frames (board, renderer, id, frames[i].fit ? &area : &around,
                                                        frames[i].fit ? zoom : 1.0, frames[i].device_scale,
                                                        frames[i].edit);
  }

  /* The design review */
  for (int r = 0; r < runs; r++)
    {
      gint64 start = now_ns ();
      g_autoptr(PlanoReview) review = plano_review_new (board, NULL);
      double ms = (now_ns () - start) / 1e6;

      g_array_append_val (samples, ms);
    }
  row->values[REVIEW] = median (samples);

  cairo_surface_destroy (surface);
}

/* Whole processes */

/* Runs @argv to its end; the wall time in ms, and its peak resident memory in MB. */
static double
run_process (const char * const *argv,
             double             *peak_mb)
{
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;
  struct rusage usage;
  gint64 start = now_ns ();
  double ms;

  /* A child forked from this process counts this process's pages in its peak until it runs
   * the program: give back what the measurements before freed, or the peak is partly ours. */
  malloc_trim (0);
  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    g_error ("%s: %s", argv[0], error->message);

  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;
  ms = (now_ns () - start) / 1e6;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s failed with status %d", argv[0], argv[1], status);
  if (peak_mb != NULL)
    *peak_mb = usage.ru_maxrss / 1024.0;
  return ms;
}

static double
time_export (const char *board_path,
             const char *format,
             double     *peak_mb)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peaks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *out = g_strdup_printf ("%s/export.%s", tmp_dir, format);
  g_autofree char *export_arg = g_strdup_printf ("--export=%s", out);
  /* PNG at scale 2, as for a screen of twice the density. */
  gboolean png = g_str_equal (format, "png");
  const char *argv[] = { plano_exe (), export_arg, png ? "--scale=2" : board_path, png ? board_path : NULL, NULL };

  for (int r = 0; r < runs; r++)
    {
      double peak;
      double ms = run_process (argv, &peak);

      g_array_append_val (samples, ms);
      g_array_append_val (peaks, peak);
    }

  if (peak_mb != NULL)
    *peak_mb = median (peaks);
  return median (samples);
}

/* The app, in a window: started with PLANO_REPORT_FIRST_FRAME set, it prints a line when its
 * window has painted its first frame. Returns the time to that line in ms, and the resident
 * memory at that moment in MB; the app is then stopped.
 */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Where the app keeps its data, settings and caches during the benchmark, in place of the
 * user's own. */
static char *home_dir;

static double
time_first_frame (const char * const *argv,
                  double             *rss_mb)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  GPid pid;
  int out_fd;
  gint64 start;
  double ms = NAN;
  char buffer[256];
  GString *line = g_string_new (NULL);
  ssize_t n;

  env = g_environ_setenv (env, "PLANO_REPORT_FIRST_FRAME", "1", TRUE);
  /* A home of its own, the same for every run: no recent boards, drafts or settings of the
   * user's, and none left behind by the runs before. */
  if (home_dir != NULL)
    {
      g_autofree char *data = g_build_filename (home_dir, "data", NULL);
      g_autofree char *config = g_build_filename (home_dir, "config", NULL);
      g_autofree char *cache = g_build_filename (home_dir, "cache", NULL);
      g_autofree char *state = g_build_filename (home_dir, "state", NULL);

      env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
      env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
      env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
      env = g_environ_setenv (env, "XDG_STATE_HOME", state, TRUE);
    }
  start = now_ns ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s: %s", argv[0], error->message);

  while ((n = read (out_fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    {
      if (n > 0)
        g_string_append_len (line, buffer, n);
      if (strstr (line->str, "first-frame\n") != NULL)
        {
          ms = (now_ns () - start) / 1e6;
          break;
        }
    }

  if (rss_mb != NULL)
    {
      g_autofree char *status_path = g_strdup_printf ("/proc/%d/status", pid);
      g_autofree char *status = NULL;
      const char *rss;

      *rss_mb = NAN;
      if (g_file_get_contents (status_path, &status, NULL, NULL) &&
          (rss = strstr (status, "VmRSS:")) != NULL)
        *rss_mb = g_ascii_strtod (rss + strlen ("VmRSS:"), NULL) / 1024.0;
    }

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  close (out_fd);
  g_string_free (line, TRUE);

  if (isnan (ms))
    g_error ("%s never reported its first frame", argv[0]);
  return ms;
}

static gboolean
have_display (void)
{
  return g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

/* Output */

static void
print_value (GString *s,
             double   value)
{
  if (isnan (value))
    g_string_append (s, "—");
  else if (value < 0.1)
    g_string_append_printf (s, "%.3f", value);
  else if (value < 10)
    g_string_append_printf (s, "%.2f", value);
  else
    g_string_append_printf (s, "%.0f", value);
}

static double bare_rss_mb = NAN;

/* The target of metric @m at a board of @nodes components, or 0 when it has none there. */
static double
get_target (guint m,
            guint nodes)
{
  if (nodes == SMALL_NODES && metrics[m].small > 0)
    return m == APP_RSS ? bare_rss_mb + metrics[m].small : metrics[m].small;
  if (nodes == metrics[m].large_nodes)
    return metrics[m].large;
  return 0;
}

static void
print_table (GArray *rows,
             double  startup_ms,
             double  bare_ms)
{
  g_autoptr(GString) s = g_string_new ("\n| what |");

  for (guint r = 0; r < rows->len; r++)
    g_string_append_printf (s, " %u nodes |", g_array_index (rows, Row, r).nodes);
  g_string_append (s, " target |\n|---|");
  for (guint r = 0; r < rows->len; r++)
    g_string_append (s, "---:|");
  g_string_append (s, "---|\n");

  for (guint m = 0; m < N_METRICS; m++)
    {
      g_string_append_printf (s, "| %s (%s) |", metrics[m].what, metrics[m].unit);
      for (guint r = 0; r < rows->len; r++)
        {
          const Row *row = &g_array_index (rows, Row, r);
          double target = get_target (m, row->nodes);

          g_string_append_c (s, ' ');
          print_value (s, row->values[m]);
          /* A figure over its target is marked, so that a table pasted in the docs says so. */
          if (target > 0 && !isnan (row->values[m]) && row->values[m] > target)
            g_string_append (s, " ✗");
          g_string_append (s, " |");
        }
      if (metrics[m].small > 0 && metrics[m].large > 0)
        g_string_append_printf (s, " ≤ %g%s at %u, ≤ %g at %u |\n", metrics[m].small,
                                m == APP_RSS ? " over a bare window" : "", SMALL_NODES,
                                metrics[m].large, metrics[m].large_nodes);
      else if (metrics[m].large > 0)
        g_string_append_printf (s, " ≤ %g at %u |\n", metrics[m].large, metrics[m].large_nodes);
      else if (metrics[m].small > 0)
        g_string_append_printf (s, " ≤ %g at %u |\n", metrics[m].small, SMALL_NODES);
      else
        g_string_append (s, " |\n");
    }

  if (cpu >= 0)
    g_string_append_printf (s, "\nOn one core: CPU %d of the %d this machine has.\n", cpu, get_nprocs_conf ());
  else
    g_string_append_printf (s, "\nOn all %d cores (--all-cores): the targets are for one.\n", get_nprocs_conf ());
  g_string_append_printf (s, "Start-up to the first frame: Plano ");
  print_value (s, startup_ms);
  g_string_append (s, " ms, a bare libadwaita window ");
  print_value (s, bare_ms);
  g_string_append_printf (s, " ms: %.2f× (target ≤ 1.3×)\n", startup_ms / bare_ms);
  g_string_append (s, "A bare libadwaita window is resident in ");
  print_value (s, bare_rss_mb);
  g_string_append (s, " MB, the baseline of the app's figure\n");

  fputs (s->str, stdout);
}

static void
add_number (GString    *s,
            const char *indent,
            const char *name,
            double      value,
            gboolean    last)
{
  g_string_append_printf (s, "%s\"%s\": ", indent, name);
  if (isnan (value))
    g_string_append (s, "null");
  else
    g_string_append_printf (s, "%.3f", value);
  g_string_append (s, last ? "\n" : ",\n");
}

/* By hand, so that figures read as 12.345 rather than json-glib's 12.345000000000001. */
static char *
to_json (GArray *rows,
         double  startup_ms,
         double  bare_ms)
{
  GString *s = g_string_new ("{\n");

  g_string_append_printf (s, "  \"runs\": %d,\n  \"quick\": %s,\n  \"cpu\": %d,\n  \"route\": \"%s\",\n"
                          "  \"boards\": [\n",
                          runs, quick ? "true" : "false", cpu, route_arg != NULL ? route_arg : "straight");
  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);

      g_string_append_printf (s, "    {\n      \"nodes\": %u,\n      \"edges\": %u,\n",
                              row->nodes, row->edges);
      for (guint m = 0; m < N_METRICS; m++)
        add_number (s, "      ", metrics[m].key, row->values[m], m + 1 == N_METRICS);
      g_string_append (s, r + 1 == rows->len ? "    }\n" : "    },\n");
    }
  g_string_append (s, "  ],\n");
  add_number (s, "  ", "startup_ms", startup_ms, FALSE);
  add_number (s, "  ", "bare_startup_ms", bare_ms, FALSE);
  add_number (s, "  ", "startup_ratio", startup_ms / bare_ms, FALSE);
  add_number (s, "  ", "bare_rss_mb", bare_rss_mb, TRUE);
  g_string_append (s, "}\n");

  return g_string_free (s, FALSE);
}

/* Binds this process, and so the ones it starts, to the last CPU it may run on. */
static void
pin_to_one_cpu (void)
{
  cpu_set_t set;

  if (sched_getaffinity (0, sizeof set, &set) != 0)
    g_error ("cannot tell which CPUs the benchmark may use: %s", g_strerror (errno));
  for (int i = CPU_SETSIZE - 1; i >= 0; i--)
    if (CPU_ISSET (i, &set))
      {
        CPU_ZERO (&set);
        CPU_SET (i, &set);
        if (sched_setaffinity (0, sizeof set, &set) != 0)
          g_error ("cannot bind the benchmark to CPU %d: %s", i, g_strerror (errno));
        cpu = i;
        return;
      }
}

/* --route: the board's routing style, which every connection of it follows. */
static void
set_route (PlanoBoard *board)
{
  PlanoProp prop = { (char *) "route", PLANO_VALUE_STRING, 0, route_arg, FALSE };

  if (route_arg != NULL)
    plano_board_set_prop (board, NULL, &prop);
}

static void
write_board (PlanoBoard *board,
             const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!plano_format_save_file (board, path, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— Plano's performance benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_auto(GStrv) sizes = NULL;
  g_autofree char *json = NULL;
  double startup_ms = NAN, bare_ms = NAN;
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Small boards, one run: checks that the benchmark works", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure; the median is reported (default 7)", "N" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_arg, "Board sizes in components (default 50,200,1000,10000)", "LIST" },
    { "huge", 0, 0, G_OPTION_ARG_NONE, &huge, "Also a board of 50 000 components", NULL },
    { "all-cores", 0, 0, G_OPTION_ARG_NONE, &all_cores, "Use every CPU (the targets are for one)", NULL },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write the figures as JSON to FILE", "FILE" },
    { "generate", 0, 0, G_OPTION_ARG_INT, &generate_n, "Write a synthetic board of N components to FILE and exit", "N" },
    { "route", 0, 0, G_OPTION_ARG_STRING, &route_arg, "Draw the connections straight (the default), orthogonal or curved", "STYLE" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("plano-bench: %s\n", error->message);
      return 2;
    }

  if (route_arg != NULL && !plano_route_from_string (route_arg, NULL))
    {
      g_printerr ("plano-bench: --route: not straight, orthogonal or curved: %s\n", route_arg);
      return 2;
    }

  if (generate_n > 0)
    {
      g_autoptr(PlanoBoard) board = NULL;

      if (argc != 2)
        {
          g_printerr ("plano-bench: --generate needs one FILE\n");
          return 2;
        }
      generate_path = argv[1];
      board = plano_bench_generate (generate_n, SEED);
      set_route (board);
      write_board (board, generate_path);
      return 0;
    }

  if (!all_cores)
    pin_to_one_cpu ();
  if (quick)
    runs = 1;
  runs = CLAMP (runs, 1, 1000);
  sizes = g_strsplit (sizes_arg != NULL ? sizes_arg : quick ? "200" : "50,200,1000,10000", ",", -1);
  if (huge)
    {
      guint n = g_strv_length (sizes);

      sizes = g_renew (char *, sizes, n + 2);
      sizes[n] = g_strdup ("50000");
      sizes[n + 1] = NULL;
    }

  tmp_dir = g_dir_make_tmp ("plano-bench-XXXXXX", &error);
  if (tmp_dir == NULL)
    g_error ("%s", error->message);
  home_dir = g_dir_make_tmp ("plano-bench-home-XXXXXX", &error);
  if (home_dir == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; sizes[i] != NULL; i++)
    {
      Row row = { 0, };
      g_autoptr(PlanoBoard) board = NULL;
      g_autofree char *path = NULL;
      double peak;

      row.nodes = (guint) g_ascii_strtoull (sizes[i], NULL, 10);
      if (row.nodes == 0)
        g_error ("not a board size: %s", sizes[i]);
      for (guint m = 0; m < N_METRICS; m++)
        row.values[m] = NAN;

      path = g_strdup_printf ("%s/board-%u.plano", tmp_dir, row.nodes);
      board = plano_bench_generate (row.nodes, SEED);
      set_route (board);
      write_board (board, path);
      /* The generated board is a valid board. */
      {
        const char *check_argv[] = { plano_exe (), "--check", path, NULL };

        run_process (check_argv, NULL);
      }

      g_printerr ("%u components: in process…\n", row.nodes);
      measure_in_process (&row, path);

      g_printerr ("%u components: exports…\n", row.nodes);
      row.values[EXPORT_SVG] = time_export (path, "svg", &peak);
      row.values[SVG_PEAK] = peak;
      row.values[EXPORT_PDF] = time_export (path, "pdf", NULL);
      /* Its target is for 1 000 components; larger boards make images beyond the export's limit
       * at scale 2. */
      if (row.nodes <= 1000)
        row.values[EXPORT_PNG] = time_export (path, "png", NULL);

      if (have_display ())
        {
          const char *app_argv[] = { plano_exe (), path, NULL };

          g_printerr ("%u components: the app…\n", row.nodes);
          time_first_frame (app_argv, &row.values[APP_RSS]);
        }

      g_array_append_val (rows, row);
    }

  if (have_display ())
    {
      const char *bare = g_getenv ("PLANO_BENCH_BARE");
      const char *app_argv[] = { plano_exe (), NULL };
      const char *bare_argv[] = { bare != NULL ? bare : "plano-bench-bare", NULL };
      g_autoptr(GArray) app_samples = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) bare_samples = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) bare_rss = g_array_new (FALSE, FALSE, sizeof (double));

      g_printerr ("start-up…\n");
      /* Interleaved, so that both see the same state of the machine. */
      for (int r = 0; r < MAX (runs, quick ? 1 : 11); r++)
        {
          double rss;
          double ms = time_first_frame (bare_argv, &rss);

          g_array_append_val (bare_samples, ms);
          g_array_append_val (bare_rss, rss);
          ms = time_first_frame (app_argv, NULL);
          g_array_append_val (app_samples, ms);
        }
      startup_ms = median (app_samples);
      bare_ms = median (bare_samples);
      bare_rss_mb = median (bare_rss);
    }

  print_table (rows, startup_ms, bare_ms);
  json = to_json (rows, startup_ms, bare_ms);
  if (json_path != NULL && !g_file_set_contents (json_path, json, -1, &error))
    g_error ("%s", error->message);
  else if (json_path == NULL)
    printf ("\n%s\n", json);

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (tmp_dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (tmp_dir);
    remove_tree (home_dir);
    g_clear_pointer (&home_dir, g_free);
  }

  return 0;
}
