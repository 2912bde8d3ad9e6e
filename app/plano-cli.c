/* plano-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-cli"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "plano-board.h"
#include "plano-catalog.h"
#include "plano-cli.h"
#include "plano-export.h"
#include "plano-guide.h"
#include "plano-interview.h"
#include "plano-review.h"
#include "plano-format.h"
#include "plano-templates.h"

/* The headless command line: it uses the core alone and never opens a display. */

gboolean
plano_cli_wants_headless (const PlanoCliOptions *options)
{
  return options->version || options->check || options->review || options->list_templates ||
         options->list_kinds || options->list_questions || options->grade ||
         options->export_path != NULL;
}

static char *
display_path (const char *path)
{
  return g_filename_display_name (path);
}

/* One line per file: "board.plano: ok, 12 nodes, 14 edges, 3 zones" or the reason it is bad. */
static gboolean
check_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autofree char *name = display_path (path);
  g_autoptr(GString) line = NULL;
  guint n_nodes, n_edges, n_zones;

  board = plano_format_read_file (path, &warnings, &error);
  /* A board that opens may still hold a rate the design review cannot use. */
  if (board == NULL || !plano_format_check_load_props (board, &error))
    {
      g_print ("%s: %s\n", name, error->message);
      return FALSE;
    }

  n_nodes = plano_board_get_n_items (board, PLANO_ITEM_NODE);
  n_edges = plano_board_get_n_items (board, PLANO_ITEM_EDGE);
  n_zones = plano_board_get_n_items (board, PLANO_ITEM_ZONE);

  line = g_string_new (name);
  g_string_append (line, ": ");
  /* TRANSLATORS: the start of "board.plano: ok, 12 nodes, 14 edges, 3 zones" */
  g_string_append (line, _("ok"));
  g_string_append (line, ", ");
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u node", "%u nodes", n_nodes), n_nodes);
  g_string_append (line, ", ");
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u edge", "%u edges", n_edges), n_edges);
  g_string_append (line, ", ");
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u zone", "%u zones", n_zones), n_zones);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      g_string_append (line, "; ");
      /* TRANSLATORS: a warning about a board that loaded all the same */
      g_string_append_printf (line, _("warning: %s"), (const char *) g_ptr_array_index (warnings, i));
    }

  g_print ("%s\n", line->str);

  return TRUE;
}

static void G_GNUC_PRINTF (2, 3)
print_error (const char *file,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (file != NULL)
    {
      g_autofree char *name = display_path (file);

      g_printerr ("plano: %s: %s\n", name, message);
    }
  else
    {
      g_printerr ("plano: %s\n", message);
    }
}

/* Whether --export asks for the board itself, as a .plano file: a template or a reference
 * solution to start from, or a board written again in the current format. */
static gboolean
wants_board (const PlanoCliOptions *options)
{
  if (options->format != NULL)
    return g_ascii_strcasecmp (options->format, "plano") == 0;

  return g_str_has_suffix (options->export_path, ".plano") || g_str_has_suffix (options->export_path, ".PLANO");
}

/* --export: nothing is written to OUT unless the whole export succeeds. */
static int
export_file (const PlanoCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoRenderer) renderer = NULL;
  PlanoExportOptions export = { PLANO_EXPORT_PNG, 1, FALSE, PLANO_THEME_LIGHT };
  gboolean as_board = wants_board (options);
  const char *input;

  if (options->template_id != NULL && options->solution_id != NULL)
    {
      print_error (NULL, _("give either --template or --solution, not both"));
      return 2;
    }
  else if (options->template_id != NULL || options->solution_id != NULL)
    {
      if (options->files != NULL && options->files[0] != NULL)
        {
          print_error (NULL, options->template_id != NULL
                               ? _("--template replaces FILE: give one or the other")
                               : _("--solution replaces FILE: give one or the other"));
          return 2;
        }
      input = options->template_id != NULL ? options->template_id : options->solution_id;
    }
  else if (options->files == NULL || options->files[0] == NULL || options->files[1] != NULL)
    {
      print_error (NULL, _("--export needs exactly one board to export"));
      return 2;
    }
  else
    input = options->files[0];

  /* A .plano board has no export options; any other format is named or told by the name. */
  if (!as_board && options->format != NULL)
    {
      if (!plano_export_format_from_name (options->format, &export.format))
        {
          print_error (NULL, _("unknown format “%s”: use png, svg, pdf, md, mmd, sheet, excalidraw, drawio or plano"), options->format);
          return 2;
        }
    }
  else if (!as_board && !plano_export_format_from_name (options->export_path, &export.format))
    {
      print_error (options->export_path,
                   _("cannot tell the format from the name; end it in .png, .svg, .pdf, .md, .mmd, .excalidraw, .drawio or .plano, or give --format"));
      return 2;
    }

  if (options->scale != 0)
    export.scale = options->scale;

  if (options->background != NULL)
    {
      if (g_str_equal (options->background, "transparent"))
        export.transparent = TRUE;
      else if (!g_str_equal (options->background, "white"))
        {
          print_error (NULL, _("unknown background “%s”: use white or transparent"),
                       options->background);
          return 2;
        }
    }

  if (options->template_id != NULL)
    board = plano_template_load (input, &error);
  else if (options->solution_id != NULL)
    board = plano_solution_load (input, &error);
  else
    board = plano_format_read_file (input, NULL, &error);
  if (board == NULL)
    {
      print_error (options->template_id == NULL && options->solution_id == NULL ? input : NULL,
                   "%s", error->message);
      return 1;
    }

  if (as_board)
    {
      /* As every export: a read-only file is refused, not replaced. */
      if (!plano_format_save_file_full (board, options->export_path, PLANO_FILE_REPLACE_DURABLE,
                                        NULL, NULL, &error))
        {
          print_error (options->export_path, "%s", error->message);
          return 1;
        }
      return 0;
    }

  if (export.format == PLANO_EXPORT_MARKDOWN || export.format == PLANO_EXPORT_MERMAID)
    {
      if (!plano_export_to_file (board, options->export_path, &export, &error))
        {
          print_error (input, "%s", error->message);
          return 1;
        }
      return 0;
    }

  renderer = plano_renderer_new (board);
  if (!plano_export_renderer_to_file (renderer, options->export_path, &export, &error))
    {
      print_error (input, "%s", error->message);
      return 1;
    }

  /* The process ends with the export. Freeing the board and its renderer one item and one
   * text layout at a time takes tens of milliseconds on a large board, a tenth of the export;
   * the system takes the memory back at once. */
  exit (0);
}

/* --review: one finding per line; exit 0 even with findings. */
static int
review_file (const PlanoCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoReview) review = NULL;
  GPtrArray *findings;

  const char *input;

  if (options->template_id != NULL)
    {
      if (options->files != NULL && options->files[0] != NULL)
        {
          print_error (NULL, _("--template replaces FILE: give one or the other"));
          return 2;
        }
      input = options->template_id;
    }
  else if (options->files == NULL || options->files[0] == NULL || options->files[1] != NULL)
    {
      print_error (NULL, _("--review needs exactly one board"));
      return 2;
    }
  else
    input = options->files[0];

  board = options->template_id != NULL ? plano_template_load (input, &error)
                                       : plano_format_read_file (input, NULL, &error);
  if (board == NULL)
    {
      print_error (options->template_id != NULL ? NULL : input, "%s", error->message);
      return 1;
    }

  for (guint i = 0; options->down != NULL && options->down[i] != NULL; i++)
    if (plano_board_lookup_node (board, options->down[i]) == NULL)
      {
        print_error (input, _("no component with id “%s” to mark down"), options->down[i]);
        return 2;
      }

  review = plano_review_new (board, (const char * const *) options->down);
  findings = plano_review_get_findings (review);

  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *line = plano_finding_to_line (g_ptr_array_index (findings, i));

      g_print ("%s\n", line);
    }

  return 0;
}

/* The texts a candidate wrote during a session, which a must-have may find its words in. */
static GStrv
get_interview_texts (PlanoInterview *interview)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (int step = 0; interview != NULL && step < PLANO_INTERVIEW_N_STEPS; step++)
    {
      const char *notes = plano_interview_get_notes (interview, step);

      if (notes != NULL && notes[0] != '\0')
        g_strv_builder_add (builder, notes);
    }

  return g_strv_builder_end (builder);
}

/* --grade: one line per must-have of the question, then the coverage. */
static int
grade_file (const PlanoCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoInterview) interview = NULL;
  g_autoptr(PlanoGrade) grade = NULL;
  g_auto(GStrv) texts = NULL;
  const char *question = options->question_id;
  const char *file;

  if (options->files == NULL || options->files[0] == NULL || options->files[1] != NULL)
    {
      print_error (NULL, _("--grade needs exactly one board"));
      return 2;
    }
  file = options->files[0];

  board = plano_format_read_file (file, NULL, &error);
  if (board == NULL)
    {
      print_error (file, "%s", error->message);
      return 1;
    }

  if (plano_board_get_interview (board) != NULL)
    interview = plano_interview_new_from_json (plano_board_get_interview (board), NULL);

  if (question == NULL && interview != NULL)
    question = plano_interview_get_question (interview);

  if (question == NULL || question[0] == '\0')
    {
      print_error (file, _("the board records no interview question: give one with --question=ID "
                           "(plano --list-questions shows them)"));
      return 2;
    }

  texts = get_interview_texts (interview);
  grade = plano_grade_new (board, question, (const char * const *) texts, &error);
  if (grade == NULL)
    {
      print_error (file, "%s", error->message);
      return 2;
    }

  for (guint i = 0; i < plano_grade_get_n_items (grade); i++)
    {
      g_autofree char *line = plano_grade_item_to_line (plano_grade_get_item (grade, i));

      g_print ("%s\n", line);
    }
  g_print ("coverage: %u of %u\n", plano_grade_get_n_covered (grade), plano_grade_get_n_items (grade));

  return 0;
}

/* --list-questions: one line per question of the bank, its id and its title. */
static int
list_questions (void)
{
  guint n;
  const PlanoQuestion *questions = plano_interview_get_questions (&n);

  for (guint i = 0; i < n; i++)
    g_print ("%s\t%s\n", questions[i].id, _(questions[i].title));

  return 0;
}

/* --list-kinds: one line per kind of the catalog, for scripts: its id, its category's id and
 * its name in the user's language, separated by tabs. */
static int
list_kinds (void)
{
  guint n;
  const PlanoKind *kinds = plano_catalog_get_kinds (&n);

  for (guint i = 0; i < n; i++)
    g_print ("%s\t%s\t%s\n", kinds[i].id, plano_category_get_id (kinds[i].category),
             plano_kind_get_name (&kinds[i]));

  return 0;
}

/* --list-templates: one line per template, its id and its title. */
static int
list_templates (void)
{
  guint n;
  const PlanoTemplate *templates = plano_templates_get (&n);

  for (guint i = 0; i < n; i++)
    g_print ("%-20s %s\n", templates[i].id, _(templates[i].title));

  return 0;
}

/**
 * plano_cli_run:
 *
 * Returns: the exit status: 0 when everything went well, 1 when a file was bad
 */
int
plano_cli_run (const PlanoCliOptions *options)
{
  if (options->version)
    {
      g_print ("plano %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (options->check)
    {
      gboolean all_ok = TRUE;

      if (options->files == NULL || options->files[0] == NULL)
        {
          g_printerr ("plano: %s\n", _("--check needs at least one file"));
          return 2;
        }

      for (guint i = 0; options->files[i] != NULL; i++)
        all_ok &= check_file (options->files[i]);

      return all_ok ? 0 : 1;
    }

  if (options->list_templates)
    return list_templates ();

  if (options->list_kinds)
    return list_kinds ();

  if (options->list_questions)
    return list_questions ();

  if (options->export_path != NULL)
    return export_file (options);

  if (options->review)
    return review_file (options);

  if (options->grade)
    return grade_file (options);

  return 0;
}
