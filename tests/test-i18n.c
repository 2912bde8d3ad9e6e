/* test-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plano in Spanish and Portuguese: catalog names, the window's own strings. Runs under Xvfb
 * in the locale of each language (tests/locales), as a user of that language starts it.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "plano-test-locale.h"
#include "plano-test-utils.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "plano-application.h"
#include "plano-catalog.h"
#include "plano-format.h"
#include "plano-interview.h"
#include "plano-report-view.h"
#include "plano-review.h"
#include "plano-window.h"

static PlanoApplication *app;


/* Every text a person reads in the window: labels, buttons, titles, descriptions. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_button_get_label (GTK_BUTTON (widget))));
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));
  if (ADW_IS_STATUS_PAGE (widget))
    {
      g_ptr_array_add (texts, g_strdup (adw_status_page_get_title (ADW_STATUS_PAGE (widget))));
      g_ptr_array_add (texts, g_strdup (adw_status_page_get_description (ADW_STATUS_PAGE (widget))));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
window_shows (gpointer    window,
              const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (GTK_WIDGET (window), texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;

  g_printerr ("# the window does not show “%s”; it shows:", text);
  for (guint i = 0; i < texts->len; i++)
    g_printerr (" “%s”", (const char *) g_ptr_array_index (texts, i));
  g_printerr ("\n");

  return FALSE;
}

typedef struct
{
  const char *language;
  const char *kind_name;       /* the name of "iot" */
  const char *category_name;   /* the name of Sources */
  const char *new_board;       /* the start page's button */
  const char *description;     /* the start page's text */
  const char *untitled;        /* the title of a new board */
  const char *rule;            /* the title of the dead-letter rule */
  const char *finding;         /* the design review's finding on a job with no dead-letter path */
} Expected;

static const Expected spanish = {
  "es", "Dispositivos IoT", "Fuentes", "_Nuevo tablero",
  "Dibuja arquitecturas de datos y practica entrevistas de diseño de sistemas",
  "Tablero sin título",
  "Sin camino dead-letter",
  "Flink no tiene dónde dejar un registro que no puede procesar: un evento malformado lo detiene "
  "o se pierde sin que nadie lo vea; envía los fallos a un tópico dead-letter y alerta según su tamaño",
};

static const Expected portuguese = {
  "pt", "Dispositivos IoT", "Fontes", "_Novo quadro",
  "Desenhe arquiteturas de dados e pratique entrevistas de design de sistemas",
  "Quadro sem título",
  "Sem caminho dead-letter",
  "Flink não tem onde deixar um registro que não consegue processar: um evento malformado o para "
  "ou é descartado sem ninguém ver; envie as falhas para um tópico dead-letter e alerte pelo tamanho dele",
};

static void
assert_translated (const char *text)
{
  /* Words both languages borrow from English, translated as themselves. */
  static const char *loanwords[] = { "Trade-offs", NULL };
  const char *translated = _(text);

  if (g_strcmp0 (translated, text) == 0 && !g_strv_contains (loanwords, text))
    g_error ("“%s” has no translation in %s", text, setlocale (LC_MESSAGES, NULL));
}

/* The interview's content: every question field, every step and its checklist, every
 * curveball and mastery item reads in the chosen language. */
static void
assert_interview_translated (void)
{
  const PlanoInterviewStep *steps = plano_interview_get_steps ();
  const char * const *mastery = plano_interview_get_mastery_items ();
  const PlanoQuestion *questions;
  const PlanoCurveball *curveballs;
  guint n_questions, n_curveballs;

  questions = plano_interview_get_questions (&n_questions);
  for (guint i = 0; i < n_questions; i++)
    {
      const PlanoQuestion *q = &questions[i];

      assert_translated (q->title);
      assert_translated (q->prompt);
      assert_translated (q->users);
      assert_translated (q->events);
      assert_translated (q->volume);
      assert_translated (q->retention);
      assert_translated (q->constraints);
      for (guint s = 0; s < PLANO_INTERVIEW_N_STEPS; s++)
        assert_translated (q->hints[s]);
    }

  for (guint i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      assert_translated (steps[i].title);
      for (guint c = 0; steps[i].checklist[c] != NULL; c++)
        assert_translated (steps[i].checklist[c]);
    }

  curveballs = plano_interview_get_curveballs (&n_curveballs);
  for (guint i = 0; i < n_curveballs; i++)
    {
      assert_translated (curveballs[i].title);
      assert_translated (curveballs[i].description);
    }

  for (guint i = 0; mastery[i] != NULL; i++)
    assert_translated (mastery[i]);
}

/* The design review speaks the language too: a stream job with nowhere to put bad records. */
static void
assert_review_translated (const Expected *expected)
{
  static const char json[] =
    "{\"plano\": 1, \"nodes\": ["
    "{\"id\": \"k\", \"kind\": \"kafka\", \"x\": 0, \"y\": 0, \"props\": {\"replicas\": 3, \"partitions\": 4}},"
    "{\"id\": \"f\", \"kind\": \"flink\", \"x\": 200, \"y\": 0, \"props\": {\"replicas\": 2}}],"
    "\"edges\": [{\"id\": \"e1\", \"from\": \"k\", \"to\": \"f\", \"kind\": \"stream\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_format_read (json, strlen (json), NULL, &error);
  g_autoptr(PlanoReview) review = NULL;
  const PlanoFinding *finding;

  g_assert_no_error (error);
  review = plano_review_new (board, NULL);
  g_assert_cmpuint (plano_review_get_findings (review)->len, ==, 1);
  finding = g_ptr_array_index (plano_review_get_findings (review), 0);
  g_assert_cmpstr (finding->rule, ==, "dead-letter");
  g_assert_cmpstr (plano_review_get_rule_title (finding->rule), ==, expected->rule);
  g_assert_cmpstr (finding->message, ==, expected->finding);
}

static void
test_language (gconstpointer data)
{
  const Expected *expected = data;
  PlanoWindow *window;

  plano_test_use_language (expected->language);
  assert_review_translated (expected);

  g_assert_cmpstr (plano_kind_get_name (plano_catalog_lookup ("iot")), ==, expected->kind_name);
  g_assert_cmpstr (plano_category_get_name (PLANO_CATEGORY_SOURCES), ==, expected->category_name);
  g_assert_cmpstr (plano_kind_get_name (plano_catalog_lookup ("kafka")), ==, "Kafka");
  assert_interview_translated ();

  window = plano_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  g_assert_true (window_shows (window, expected->new_board));
  g_assert_true (window_shows (window, expected->description));

  plano_window_new_board (window);
  plano_test_iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, expected->untitled);

  gtk_window_destroy (GTK_WINDOW (window));
  plano_test_iterate ();
  plano_test_use_language ("en");
}

typedef struct
{
  const char *language;
  const char *title;            /* the feedback window's title */
  const char *coverage;         /* below the must-haves covered */
  const char *rubric;           /* the rubric's heading */
  const char *level;            /* the level row, at the senior level */
  const char *record;           /* the button that records the session */
  const char *evidence;         /* how each score's evidence begins */
  const char *practice;         /* how the suggestion begins */
  const char *step;             /* the time of the second step */
} ExpectedReport;

static const ExpectedReport spanish_report = {
  "es", "Retroalimentación", "imprescindibles cubiertos", "Rúbrica", "Sénior", "_Registrar en tu progreso",
  "Evidencia: ", "Practica a continuación: ", "2. Estimación de capacidad",
};

static const ExpectedReport portuguese_report = {
  "pt", "Feedback", "itens essenciais cobertos", "Rubrica", "Sênior", "_Registrar no seu progresso",
  "Evidência: ", "Pratique a seguir: ", "2. Estimativa de capacidade",
};

static gint64 report_now;

static gint64
report_clock (gpointer user_data)
{
  return report_now;
}

/* The feedback on a finished session reads in the chosen language: its headings, figures,
 * scores and evidence, as the report worked them out in that language. */
static void
test_report (gconstpointer data)
{
  const ExpectedReport *expected = data;
  g_autoptr(PlanoInterview) interview = NULL;
  g_autoptr(PlanoBoard) board = NULL;
  GtkWidget *view;
  const char *subtitle;

  plano_test_use_language (expected->language);

  board = plano_solution_load ("clickstream-analytics", NULL);
  g_assert_nonnull (board);
  interview = plano_interview_new ();
  report_now = G_GINT64_CONSTANT (1000) * G_USEC_PER_SEC;
  plano_interview_set_clock (interview, report_clock, NULL);
  plano_interview_set_question (interview, "clickstream-analytics");
  plano_interview_start (interview, board);
  for (int step = 0; step < PLANO_INTERVIEW_N_STEPS; step++)
    {
      report_now += (gint64) (plano_interview_get_planned (interview, step) * 0.9 * G_USEC_PER_SEC);
      plano_interview_tick (interview);
      if (step < PLANO_INTERVIEW_N_STEPS - 1)
        plano_interview_next (interview);
    }
  plano_interview_finish (interview);

  view = plano_report_view_new (interview, board, NULL, NULL);
  gtk_window_present (GTK_WINDOW (view));
  plano_test_iterate ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (view)), ==, expected->title);
  g_assert_true (window_shows (view, expected->coverage));
  g_assert_true (window_shows (view, expected->rubric));
  g_assert_true (window_shows (view, expected->level));
  g_assert_true (window_shows (view, expected->record));
  g_assert_true (window_shows (view, expected->step));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (plano_report_view_get_part (PLANO_REPORT_VIEW (view), "practice"))),
                                   expected->practice));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (plano_report_view_get_part (PLANO_REPORT_VIEW (view), "score-1")));
  g_assert_nonnull (strstr (subtitle, expected->evidence));

  gtk_window_destroy (GTK_WINDOW (view));
  plano_test_iterate ();
  plano_test_use_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  app = plano_test_init_app (&argc, &argv);

  g_test_add_data_func ("/plano/i18n/spanish-report", &spanish_report, test_report);
  g_test_add_data_func ("/plano/i18n/portuguese-report", &portuguese_report, test_report);
  g_test_add_data_func ("/plano/i18n/spanish", &spanish, test_language);
  g_test_add_data_func ("/plano/i18n/portuguese", &portuguese, test_language);

  status = g_test_run ();
  plano_test_finish_app (app);

  return status;
}
