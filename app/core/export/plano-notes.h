/* plano-notes.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-board.h"

G_BEGIN_DECLS

/* Study notes are built once as a list of blocks, then written as Markdown or laid out on the
 * pages of a PDF study sheet, so both carry the same content. */
typedef enum
{
  PLANO_BLOCK_TITLE,
  PLANO_BLOCK_HEADING,
  PLANO_BLOCK_SUBHEADING,
  PLANO_BLOCK_PARAGRAPH,
  PLANO_BLOCK_BULLET,
  PLANO_BLOCK_CHECKED,    /* a checklist item that was ticked */
  PLANO_BLOCK_UNCHECKED,  /* one that was not */
  PLANO_BLOCK_TABLE_HEADER,
  PLANO_BLOCK_TABLE_ROW,
  PLANO_BLOCK_DIAGRAM,    /* where the diagram goes */
} PlanoBlockType;

typedef struct
{
  PlanoBlockType  type;
  char           *text;   /* plain text; NULL for table rows and the diagram */
  GStrv           cells;  /* table header and rows */
} PlanoBlock;

GPtrArray *plano_notes_build        (PlanoBoard  *board);
char      *plano_notes_to_markdown  (PlanoBoard  *board,
                                     const char  *diagram_link);
char      *plano_notes_to_mermaid   (PlanoBoard  *board);
const PlanoZone *plano_notes_zone_parent (PlanoBoard *board,
                                     guint       index);

G_END_DECLS
