/* plano-test-core.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests share that needs no display: boards read from the fixtures or from JSON
 * text, folders removed, a process that is gone, pixels compared and routes checked.
 */

#pragma once

#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "plano-format.h"
#include "plano-geometry.h"

/* The board of tests/data/@name, which must read without an error. */
static inline PlanoBoard *
plano_test_load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  PlanoBoard *board = plano_format_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return board;
}

/* The board @json describes, which must read without an error. */
static inline PlanoBoard *
plano_test_board_from_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  PlanoBoard *board = plano_format_read (json, strlen (json), NULL, &error);

  g_assert_no_error (error);
  return board;
}

/* Removes @path and what it holds; a symbolic link is removed, not followed. */
static inline void
plano_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        plano_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A process id that no process has any more. */
static inline int
plano_test_dead_pid (void)
{
  GPid pid;
  const char *argv[] = { "true", NULL };

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL));
  waitpid (pid, NULL, 0);

  return pid;
}

/* Pixels of two images of the same size whose channels differ by more than @tolerance; where,
 * in @box if given (empty when none differ). */
static inline guint
plano_test_count_differences (cairo_surface_t *a,
                              cairo_surface_t *b,
                              int              tolerance,
                              PlanoRect       *box)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  guint n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = ((guint32 *) (cairo_image_surface_get_data (a) + y * stride))[x];
        guint32 q = ((guint32 *) (cairo_image_surface_get_data (b) + y * stride))[x];

        for (int shift = 0; shift < 32; shift += 8)
          if (ABS ((int) (p >> shift & 0xff) - (int) (q >> shift & 0xff)) > tolerance)
            {
              n++;
              x0 = MIN (x0, x), y0 = MIN (y0, y), x1 = MAX (x1, x + 1), y1 = MAX (y1, y + 1);
              break;
            }
      }

  if (box != NULL)
    *box = n > 0 ? (PlanoRect) { x0, y0, x1 - x0, y1 - y0 } : (PlanoRect) { 0, 0, 0, 0 };

  return n;
}

/* Every segment of @points (of PlanoPoint, as the renderer lays a connection out) is
 * horizontal or vertical. */
static inline void
plano_test_assert_orthogonal (GPtrArray *points)
{
  g_assert_cmpuint (points->len, >=, 2);
  for (guint i = 1; i < points->len; i++)
    {
      const PlanoPoint *a = g_ptr_array_index (points, i - 1), *b = g_ptr_array_index (points, i);

      g_assert_true (a->x == b->x || a->y == b->y);
    }
}

/* Whether a segment of @points passes through the inside of @box. */
static inline gboolean
plano_test_route_crosses (GPtrArray       *points,
                          const PlanoRect *box)
{
  for (guint i = 1; i < points->len; i++)
    {
      const PlanoPoint *a = g_ptr_array_index (points, i - 1), *b = g_ptr_array_index (points, i);

      if (MAX (a->x, b->x) > box->x && MIN (a->x, b->x) < box->x + box->w &&
          MAX (a->y, b->y) > box->y && MIN (a->y, b->y) < box->y + box->h)
        return TRUE;
    }

  return FALSE;
}
