/* plano-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the headless command line was asked to do. */
typedef struct
{
  gboolean   version;
  gboolean   check;
  char      *export_path;  /* --export=OUT */
  char      *format;       /* --format=png|svg|pdf; default from OUT's extension */
  double     scale;        /* --scale=F; 0 when not given */
  char      *background;   /* --background=white|transparent */
  gboolean   review;
  char     **down;         /* --down=ID, for --review */
  char      *template_id;  /* --template=ID: a built-in template instead of a file */
  gboolean   list_templates;
  gboolean   list_kinds;
  gboolean   list_questions;
  char      *solution_id;  /* --solution=ID: a question's reference solution instead of a file */
  gboolean   grade;
  char      *question_id;  /* --question=ID, for --grade */
  char     **files;      /* the files named on the command line */
} PlanoCliOptions;

gboolean  plano_cli_wants_headless  (const PlanoCliOptions *options);
int       plano_cli_run             (const PlanoCliOptions *options);

G_END_DECLS
