/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "plano-application.h"
#include "plano-cli.h"
#include "plano-guide.h"
#include "plano-interview.h"
#include "plano-templates.h"

/* Where the translations are: the installed ones, or those of a build tree when
 * PLANO_LOCALEDIR says so (tests and `meson devenv`).
 */
static const char *
get_localedir (void)
{
  const char *dir = g_getenv ("PLANO_LOCALEDIR");

  return dir != NULL && dir[0] != '\0' ? dir : LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoApplication) app = NULL;
  g_autoptr(GPtrArray) app_argv = NULL;
  g_auto(GStrv) files = NULL;
  PlanoCliOptions options = { 0, };
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version,
      N_("Print the version and exit"), NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &options.check,
      N_("Check that each FILE is a valid board; one line per file"), NULL },
    { "review", 0, 0, G_OPTION_ARG_NONE, &options.review,
      N_("Print the design review of FILE, one finding per line"), NULL },
    { "down", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.down,
      N_("With --review, treat the component ID as failed"), N_("ID") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &options.export_path,
      N_("Export the board to OUT (PNG, SVG, PDF, Markdown notes, Mermaid, Excalidraw, draw.io or a .plano board) and exit"), N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("Export format: png, svg, pdf, md, mmd, excalidraw, drawio, plano, or sheet for a PDF study sheet (default: from OUT's extension)"), N_("FORMAT") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &options.template_id,
      N_("Start from the built-in template ID instead of a file"), N_("ID") },
    { "list-templates", 0, 0, G_OPTION_ARG_NONE, &options.list_templates,
      N_("List the built-in templates and exit"), NULL },
    { "list-kinds", 0, 0, G_OPTION_ARG_NONE, &options.list_kinds,
      N_("List the component kinds, one per line: id, category and name, separated by tabs, and exit"), NULL },
    { "list-questions", 0, 0, G_OPTION_ARG_NONE, &options.list_questions,
      N_("List the interview questions and exit"), NULL },
    { "solution", 0, 0, G_OPTION_ARG_STRING, &options.solution_id,
      N_("Open or export the reference solution of question ID instead of a file"), N_("ID") },
    { "grade", 0, 0, G_OPTION_ARG_NONE, &options.grade,
      N_("Check FILE against the must-haves of its interview question, one line each"), NULL },
    { "question", 0, 0, G_OPTION_ARG_STRING, &options.question_id,
      N_("With --grade, the question ID to grade against (default: the board's interview)"), N_("ID") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.scale,
      N_("Pixels per canvas unit for PNG export (default: 1)"), N_("F") },
    { "background", 0, 0, G_OPTION_ARG_STRING, &options.background,
      N_("Export background: white or transparent (default: white)"), N_("BACKGROUND") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files,
      NULL, N_("[FILE…]") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Sketch data architectures and practise system design interviews."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("plano: %s\n", error->message);
      return 2;
    }

  options.files = files;

  if (options.scale < 0 || (options.scale != 0 && options.scale > 16))
    {
      g_printerr ("plano: %s\n", _("--scale must be more than 0 and at most 16"));
      return 2;
    }

  if (plano_cli_wants_headless (&options))
    {
      int status = plano_cli_run (&options);

      g_free (options.export_path);
      g_free (options.format);
      g_free (options.background);
      g_free (options.template_id);
      g_free (options.solution_id);
      g_free (options.question_id);
      g_strfreev (options.down);
      return status;
    }

  app_argv = g_ptr_array_new ();
  g_ptr_array_add (app_argv, argv[0]);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_ptr_array_add (app_argv, files[i]);
  g_ptr_array_add (app_argv, NULL);

  if (options.template_id != NULL && options.solution_id != NULL)
    {
      g_printerr ("plano: %s\n", _("give either --template or --solution, not both"));
      return 2;
    }

  app = plano_application_new ();
  if (options.template_id != NULL)
    {
      if (plano_templates_lookup (options.template_id) == NULL)
        {
          g_printerr ("plano: %s\n", _("there is no such template; plano --list-templates shows them"));
          return 2;
        }
      plano_application_set_startup_template (app, options.template_id);
      g_free (options.template_id);
    }
  if (options.solution_id != NULL)
    {
      g_autoptr(GBytes) solution = plano_solution_get_source (options.solution_id);

      if (plano_interview_lookup_question (options.solution_id) == NULL)
        {
          g_printerr ("plano: %s\n", _("there is no such question; plano --list-questions shows them"));
          return 2;
        }
      if (solution == NULL)
        {
          g_printerr ("plano: %s\n", _("that question has no reference solution yet"));
          return 2;
        }
      plano_application_set_startup_solution (app, options.solution_id);
      g_free (options.solution_id);
    }

  return g_application_run (G_APPLICATION (app), app_argv->len - 1, (char **) app_argv->pdata);
}
