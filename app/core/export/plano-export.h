/* plano-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-board.h"
#include "plano-render.h"

G_BEGIN_DECLS

typedef enum
{
  PLANO_EXPORT_PNG,
  PLANO_EXPORT_SVG,
  PLANO_EXPORT_PDF,
  PLANO_EXPORT_MARKDOWN,  /* study notes, with the diagram as an SVG file beside them */
  PLANO_EXPORT_MERMAID,   /* the graph as a Mermaid flowchart */
  PLANO_EXPORT_SHEET,     /* a PDF study sheet: the diagram, then the notes */
  PLANO_EXPORT_EXCALIDRAW, /* an Excalidraw scene (.excalidraw) */
  PLANO_EXPORT_DRAWIO,    /* a draw.io diagram (.drawio, uncompressed mxGraph XML) */
} PlanoExportFormat;

typedef enum
{
  PLANO_PAPER_FROM_LOCALE,  /* LC_PAPER: US Letter where it says so, A4 elsewhere */
  PLANO_PAPER_A4,
  PLANO_PAPER_LETTER,
} PlanoPaper;

typedef struct
{
  PlanoExportFormat  format;
  double             scale;        /* pixels per canvas unit, for PNG; SVG and PDF are vector */
  gboolean           transparent;  /* no background */
  PlanoTheme         theme;
  const char        *diagram_link; /* Markdown: the diagram's file name; NULL: no diagram */
  PlanoPaper         paper;        /* the study sheet's */
} PlanoExportOptions;

#define PLANO_EXPORT_MARGIN 32.0

gboolean  plano_export_format_from_name  (const char               *name,
                                          PlanoExportFormat        *format);
gboolean  plano_export_get_area          (PlanoRenderer            *renderer,
                                          PlanoRect                *area);
GBytes   *plano_export_to_bytes          (PlanoBoard               *board,
                                          const PlanoExportOptions *options,
                                          GError                  **error);
cairo_surface_t *plano_export_thumbnail (PlanoBoard              *board,
                                          int                      width,
                                          int                      height,
                                          PlanoTheme               theme);
char     *plano_export_diagram_path      (const char               *notes_path);
gboolean  plano_export_to_file           (PlanoBoard               *board,
                                          const char               *path,
                                          const PlanoExportOptions *options,
                                          GError                  **error);
gboolean  plano_export_renderer_to_file  (PlanoRenderer            *renderer,
                                          const char               *path,
                                          const PlanoExportOptions *options,
                                          GError                  **error);

G_END_DECLS
