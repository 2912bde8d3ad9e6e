/* test-interview-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interview panel under Xvfb on a fake clock: starting, pausing and advancing change the
 * countdown the user reads; the last minute and overtime show in two colours; finishing opens
 * the feedback in view, with the rubric's proposed scores and the coverage; hints stay hidden
 * until asked for; follow-ups keep their model answers until answered; curveballs and step ends
 * announce themselves; the reference solution warns before it spoils the practice; Your
 * Progress plots the recorded sessions and keeps the course's checklist.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "plano-test-utils.h"

#include "plano-canvas.h"
#include "plano-interview-panel.h"
#include "plano-mastery.h"
#include "plano-progress-view.h"
#include "plano-report-view.h"

#define QUESTION "clickstream-analytics"

static gint64 fake_now = G_GINT64_CONSTANT (5000) * G_USEC_PER_SEC;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static void
advance (double seconds)
{
  fake_now += (gint64) (seconds * G_USEC_PER_SEC);
}

static const char *
text_of (PlanoInterviewPanel *panel,
         const char          *part)
{
  GtkWidget *widget = plano_interview_panel_get_part (panel, part);

  return GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : gtk_label_get_label (GTK_LABEL (widget));
}

/* The question shown over @parent, an AdwAlertDialog or an AdwMessageDialog. */
static GtkWidget *
find_message_dialog (GtkWindow *parent)
{
  return plano_test_find_question (parent);
}

/* Answers @question as a click on its button labelled @label would, which also closes it. */
static void
respond (GtkWidget  *question,
         const char *label)
{
  plano_test_answer (question, label);
}

/* Whether a label in @widget's tree reads @text, or starts with it when @prefix. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text,
             gboolean    prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (widget));

      if (prefix ? g_str_has_prefix (label, text) : g_str_equal (label, text))
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text, prefix))
      return TRUE;

  return FALSE;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child);

  return n;
}

static char *
buffer_text (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Whether @widget lies inside the part of the scrolled window around it that is scrolled
 * into view. */
static gboolean
scrolled_into_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds;
  double top, bottom;

  g_assert_true (gtk_widget_compute_bounds (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                            &bounds));
  top = gtk_adjustment_get_value (adjustment);
  bottom = top + gtk_adjustment_get_page_size (adjustment);
  g_test_message ("%s at %g to %g, in view %g to %g", G_OBJECT_TYPE_NAME (widget), bounds.origin.y,
                  bounds.origin.y + bounds.size.height, top, bottom);

  return bounds.origin.y >= top && bounds.origin.y + MIN (bounds.size.height, 40) <= bottom;
}

/* A panel beside a canvas in a window with a toast overlay, as in Plano's window. */
typedef struct
{
  PlanoBoard          *board;
  PlanoHistory        *history;
  PlanoInterview      *interview;
  PlanoCanvas         *canvas;
  PlanoInterviewPanel *panel;
  GtkWidget           *window;
  GtkWidget           *overlay;
  char                *dir;
  char                *history_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  fixture->board = plano_board_new ();
  fixture->history = plano_history_new (fixture->board);
  fixture->interview = plano_interview_new ();
  fixture->dir = g_dir_make_tmp ("plano-panel-XXXXXX", NULL);
  fixture->history_path = g_build_filename (fixture->dir, "history.jsonl", NULL);
  fixture->canvas = PLANO_CANVAS (plano_canvas_new ());
  fixture->panel = PLANO_INTERVIEW_PANEL (plano_interview_panel_new ());
  fixture->window = gtk_window_new ();
  fixture->overlay = adw_toast_overlay_new ();

  gtk_widget_set_size_request (GTK_WIDGET (fixture->panel), 360, 700);
  gtk_widget_set_hexpand (GTK_WIDGET (fixture->canvas), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->panel));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->canvas));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), box);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->overlay);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  plano_canvas_set_history (fixture->canvas, fixture->history);
  plano_interview_panel_set_canvas (fixture->panel, fixture->canvas);
  plano_interview_panel_set_history_path (fixture->panel, fixture->history_path);
  plano_interview_set_clock (fixture->interview, fake_clock, NULL);
  plano_interview_panel_set_interview (fixture->panel, fixture->interview);
  gtk_window_present (GTK_WINDOW (fixture->window));
  plano_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  plano_test_close_all_windows ();
  g_clear_object (&fixture->interview);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->board);
  plano_test_remove_dir (g_steal_pointer (&fixture->dir));
  g_free (fixture->history_path);
}

static void
click (PlanoInterviewPanel *panel,
       const char          *part)
{
  GtkWidget *button = plano_interview_panel_get_part (panel, part);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Runs a whole session at 90 % of each step's plan, with a few ticks and notes with figures,
 * and finishes it from the panel. */
static void
run_to_finish (Fixture *fixture)
{
  click (fixture->panel, "start");
  for (int step = 0; step < PLANO_INTERVIEW_N_STEPS; step++)
    {
      advance (plano_interview_get_planned (fixture->interview, step) * 0.9);
      plano_interview_tick (fixture->interview);
      plano_interview_set_checked (fixture->interview, step, 0, TRUE);
      plano_interview_set_notes (fixture->interview, step, "150 000 events/s at peak, 1 KB each: 150 MB/s.");
      plano_interview_panel_update (fixture->panel);
      if (step < PLANO_INTERVIEW_N_STEPS - 1)
        click (fixture->panel, "next");
    }
  click (fixture->panel, "finish");
  plano_test_iterate ();
}

/* From libadwaita 1.4 a window's header bar sits in an AdwToolbarView, and the deprecated
 * AdwViewSwitcherTitle is not used; before, the .ui's box holds it. */
static void
assert_current_bars (GtkWidget *window)
{
  GtkWidget *header = plano_test_find_widget (window, ADW_TYPE_HEADER_BAR);

  g_assert_nonnull (header);
#if ADW_CHECK_VERSION (1, 4, 0)
  g_assert_true (ADW_IS_TOOLBAR_VIEW (gtk_widget_get_parent (header)) ||
                 gtk_widget_get_ancestor (header, ADW_TYPE_TOOLBAR_VIEW) != NULL);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_null (plano_test_find_widget (window, ADW_TYPE_VIEW_SWITCHER_TITLE));
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  g_assert_true (GTK_IS_BOX (gtk_widget_get_parent (header)));
#endif
}

/* The text poppler's pdftotext reads from the PDF at @path, as a reader of the file would see
 * it; NULL, and the test skipped, where poppler-utils is missing (build-aux/install-deps.sh
 * installs it). */
static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip_printf ("pdftotext is not installed");
      return NULL;
    }
  g_spawn_sync (NULL, (char *[]) { program, (char *) "-raw", (char *) "-enc", (char *) "UTF-8", (char *) path, (char *) "-", NULL },
                NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static PlanoReportView *
report_view (Fixture *fixture)
{
  GtkWidget *view = plano_interview_panel_get_report_view (fixture->panel);

  return view != NULL ? PLANO_REPORT_VIEW (view) : NULL;
}

static void
test_countdown (Fixture       *fixture,
                gconstpointer  data)
{
  PlanoInterviewPanel *panel = fixture->panel;
  PlanoInterview *interview = fixture->interview;
  GtkWidget *countdown = plano_interview_panel_get_part (panel, "countdown");
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *dialog;
  PlanoReportView *view;

  g_assert_cmpstr (text_of (panel, "countdown"), ==, "5:00");
  g_assert_cmpstr (text_of (panel, "start"), ==, "_Start");
  g_assert_false (gtk_widget_is_sensitive (plano_interview_panel_get_part (panel, "next")));

  /* Start, and a minute and a half passes. */
  click (panel, "start");
  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_RUNNING);
  g_assert_cmpstr (text_of (panel, "start"), ==, "_Pause");
  advance (90);
  plano_interview_panel_update (panel);
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "3:30");
  g_assert_cmpstr (text_of (panel, "total"), ==, "Total 1:30 of 50:00");
  g_assert_false (gtk_widget_has_css_class (countdown, "warning"));

  /* Pause: the countdown stands still. */
  click (panel, "start");
  g_assert_cmpstr (text_of (panel, "start"), ==, "_Resume");
  advance (600);
  plano_interview_panel_update (panel);
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "3:30");
  g_assert_cmpstr (text_of (panel, "status"), ==, "Paused");

  /* Resume; under a minute left is a warning, in amber. */
  click (panel, "start");
  advance (170);
  plano_interview_panel_update (panel);
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "0:40");
  g_assert_true (gtk_widget_has_css_class (countdown, "warning"));
  g_assert_false (gtk_widget_has_css_class (countdown, "error"));
  g_assert_cmpstr (text_of (panel, "status"), ==, "Less than a minute left");

  /* Overtime: the time past the plan, in red, not in the warning's colour. */
  advance (52);
  plano_interview_panel_update (panel);
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "−0:12");
  g_assert_cmpstr (text_of (panel, "status"), ==, "Overtime");
  g_assert_true (gtk_widget_has_css_class (countdown, "error"));
  g_assert_false (gtk_widget_has_css_class (countdown, "warning"));
  g_assert_true (gtk_widget_has_css_class (plano_interview_panel_get_part (panel, "status"), "error"));

  /* Next: the capacity step's full five minutes. */
  click (panel, "next");
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "5:00");
  g_assert_cmpstr (text_of (panel, "step"), ==, "Step 2 of 6 · Capacity estimation");
  g_assert_false (gtk_widget_has_css_class (countdown, "warning"));
  g_assert_false (gtk_widget_has_css_class (countdown, "error"));
  g_assert_false (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "finished")));
  g_assert_null (report_view (fixture));

  /* Finish: the feedback opens; it records the session in the progress history. */
  click (panel, "finish");
  plano_test_iterate ();
  view = report_view (fixture);
  g_assert_nonnull (view);
  assert_current_bars (GTK_WIDGET (view));
  g_assert_true (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "finished")));
  g_assert_false (gtk_widget_is_visible (plano_interview_panel_get_part (panel, "start")));
  g_assert_false (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "finish")));

  g_signal_emit_by_name (plano_report_view_get_part (view, "record"), "clicked");
  entries = plano_interview_history_load (fixture->history_path, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_true (json_object_has_member (json_node_get_object (g_ptr_array_index (entries, 0)), "ratings"));
  g_assert_false (json_object_has_member (json_node_get_object (g_ptr_array_index (entries, 0)), "score"));
  g_assert_false (gtk_widget_is_sensitive (plano_report_view_get_part (view, "record")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (plano_interview_panel_get_part (panel, "progress"))),
                   ==, "1 session recorded: your rubric scores over time, what you miss most");

  /* Closed, it opens again from the card at the top, already recorded. */
  gtk_window_destroy (GTK_WINDOW (view));
  plano_test_iterate ();
  g_assert_null (report_view (fixture));
  click (panel, "feedback");
  plano_test_iterate ();
  g_assert_nonnull (report_view (fixture));
  g_assert_false (gtk_widget_is_sensitive (plano_report_view_get_part (report_view (fixture), "record")));

  /* Reset asks first: Cancel keeps the session, Clear starts afresh and closes the feedback. */
  click (panel, "reset");
  plano_test_iterate ();
  dialog = find_message_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (plano_question_get_heading (dialog), ==, "Clear This Session?");
  respond (dialog, "_Cancel");
  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_FINISHED);
  click (panel, "reset");
  plano_test_iterate ();
  dialog = find_message_dialog (GTK_WINDOW (fixture->window));
  respond (dialog, "C_lear");
  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_IDLE);
  g_assert_null (report_view (fixture));
  g_assert_true (gtk_widget_is_visible (plano_interview_panel_get_part (panel, "start")));
  g_assert_false (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "finished")));
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "5:00");
}

/* A whole session to Finish: the feedback is in view at once, at its top, with the rubric's
 * proposed scores and the must-haves covered; the level and the candidate's own scores change
 * it, and it exports as study notes. */
static void
test_report_in_view (Fixture       *fixture,
                     gconstpointer  data)
{
  PlanoInterview *interview = fixture->interview;
  PlanoReportView *view;
  PlanoReport *report;
  PlanoGrade *grade;
  GtkAdjustment *adjustment;
  g_autofree char *coverage = NULL;
  g_autofree char *notes_path = g_build_filename (fixture->dir, "notes.md", NULL);
  g_autofree char *svg_path = g_build_filename (fixture->dir, "notes.svg", NULL);
  g_autofree char *notes = NULL;
  int tradeoffs_senior;

  plano_board_add_node (fixture->board, "kafka", 0, 0);
  plano_interview_set_question (interview, QUESTION);
  plano_interview_set_answer (interview, 0, "Restart from the checkpoint and replay Kafka.");
  run_to_finish (fixture);

  view = report_view (fixture);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (view)) == GTK_WINDOW (fixture->window));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (plano_report_view_get_part (view, "scroller")));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_true (gtk_widget_get_mapped (plano_report_view_get_part (view, "coverage")));
  g_assert_true (gtk_widget_get_mapped (plano_report_view_get_part (view, "record")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (plano_report_view_get_part (view, "heading"))), ==,
                   plano_interview_lookup_question (QUESTION)->title);

  /* The coverage the board shows, as the report grades it. */
  report = plano_report_view_get_report (view);
  grade = plano_report_get_grade (report);
  g_assert_nonnull (grade);
  g_assert_cmpuint (plano_grade_get_n_items (grade), >, 0);
  coverage = g_strdup_printf ("%u of %u", plano_grade_get_n_covered (grade), plano_grade_get_n_items (grade));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (plano_report_view_get_part (view, "coverage"))), ==, coverage);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (plano_report_view_get_part (view, "coverage-caption"))), ==,
                   "must-haves covered");
  g_assert_cmpuint (count_rows (plano_report_view_get_part (view, "must-haves")), ==, plano_grade_get_n_items (grade));
  g_assert_cmpuint (count_rows (plano_report_view_get_part (view, "steps")), ==, PLANO_INTERVIEW_N_STEPS);
  g_assert_cmpuint (count_rows (plano_report_view_get_part (view, "follow-ups")), ==,
                    plano_guide_get_n_follow_ups (plano_guide_lookup (QUESTION)));
  g_assert_true (shows_label (GTK_WIDGET (view), "Practise next: ", TRUE));
  g_assert_true (gtk_widget_get_visible (plano_report_view_get_part (view, "compare")));
  g_assert_true (gtk_widget_is_sensitive (plano_report_view_get_part (view, "solution")));

  /* Each dimension shows the score Plano proposes, preselected, and the evidence. */
  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    {
      char name[16];
      AdwComboRow *row;
      const char *subtitle;
      const char *descriptor = plano_rubric_get_info (d)->descriptors[PLANO_LEVEL_SENIOR][plano_report_get_proposed (report, d) - 1];

      g_snprintf (name, sizeof name, "score-%u", d);
      row = ADW_COMBO_ROW (plano_report_view_get_part (view, name));
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      g_assert_cmpint (plano_report_get_proposed (report, d), >=, 1);
      g_assert_cmpuint (adw_combo_row_get_selected (row), ==, (guint) plano_report_get_proposed (report, d) - 1);
      g_assert_true (g_str_has_prefix (subtitle, descriptor));
      g_assert_nonnull (strstr (subtitle, "Evidence: "));
      g_assert_cmpint (plano_interview_get_rating (interview, d), ==, 0);
    }

  /* A staff candidate is held to more in the trade-offs: the proposals follow the level. */
  tradeoffs_senior = plano_report_get_proposed (report, PLANO_RUBRIC_TRADEOFFS);
  adw_combo_row_set_selected (ADW_COMBO_ROW (plano_report_view_get_part (view, "level")), PLANO_LEVEL_MID);
  plano_test_iterate ();
  g_assert_cmpint (plano_interview_get_level (interview), ==, PLANO_LEVEL_MID);
  report = plano_report_view_get_report (view);
  g_assert_cmpint (plano_report_get_proposed (report, PLANO_RUBRIC_DEEP_DIVE), >=, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (plano_report_view_get_part (view, "score-4"))), ==,
                    (guint) plano_report_get_proposed (report, PLANO_RUBRIC_DEEP_DIVE) - 1);
  g_assert_true (shows_label (GTK_WIDGET (view), "Mock interview · Level: Mid-level", FALSE));

  /* The candidate changes a score: it is theirs, and Plano's proposal is still said. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (plano_report_view_get_part (view, "score-6")), tradeoffs_senior == 4 ? 0 : 3);
  plano_test_iterate ();
  g_assert_cmpint (plano_interview_get_rating (interview, PLANO_RUBRIC_TRADEOFFS), ==, tradeoffs_senior == 4 ? 1 : 4);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (plano_report_view_get_part (view, "score-6"))),
                            "Plano proposed"));

  /* Study notes carry the feedback. */
  g_assert_true (plano_report_view_export (view, notes_path, PLANO_EXPORT_MARKDOWN, NULL));
  g_assert_true (g_file_get_contents (notes_path, &notes, NULL, NULL));
  g_assert_nonnull (strstr (notes, "## Feedback"));
  g_assert_nonnull (strstr (notes, "Level: Mid-level. Must-haves covered: "));
  g_assert_nonnull (strstr (notes, "(Plano proposed "));
  g_assert_nonnull (strstr (notes, "Model answer: "));
  g_unlink (svg_path);
  {
    g_autofree char *sheet_path = g_build_filename (fixture->dir, "sheet.pdf", NULL);
    g_autofree char *sheet = NULL;
    gsize length = 0;

    g_autofree char *text = NULL;

    g_assert_true (plano_report_view_export (view, sheet_path, PLANO_EXPORT_SHEET, NULL));
    g_assert_true (g_file_get_contents (sheet_path, &sheet, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (sheet, "%PDF-"));
    /* What a reader of the sheet finds in it: the question, the coverage, the rubric's
     * dimensions with their scores, the candidate's own marked as changed from Plano's. */
    text = pdf_text (sheet_path);
    if (text != NULL)
      {
        PlanoReport *exported = plano_report_view_get_report (view);
        PlanoGrade *exported_grade = plano_report_get_grade (exported);
        g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
        g_autoptr(GString) flat = g_string_new (NULL);
        g_autofree char *covered = g_strdup_printf ("Must-haves covered: %u of %u.",
                                                    plano_grade_get_n_covered (exported_grade),
                                                    plano_grade_get_n_items (exported_grade));
        g_autofree char *estimation = g_strdup_printf ("%s %d / 4",
                                                       plano_rubric_get_info (PLANO_RUBRIC_ESTIMATION)->title,
                                                       plano_report_get_proposed (exported, PLANO_RUBRIC_ESTIMATION));
        g_autofree char *tradeoffs = g_strdup_printf ("%s %d / 4 (Plano proposed %d)",
                                                      plano_rubric_get_info (PLANO_RUBRIC_TRADEOFFS)->title,
                                                      plano_interview_get_rating (interview, PLANO_RUBRIC_TRADEOFFS),
                                                      plano_report_get_proposed (exported, PLANO_RUBRIC_TRADEOFFS));

        /* pdftotext breaks lines where the sheet wraps them: compare the words. */
        for (guint w = 0; words[w] != NULL; w++)
          if (words[w][0] != '\0')
            g_string_append_printf (flat, "%s%s", flat->len > 0 ? " " : "", words[w]);
        g_test_message ("study sheet: %s", flat->str);
        g_assert_nonnull (strstr (flat->str, plano_interview_lookup_question (QUESTION)->title));
        g_assert_nonnull (strstr (flat->str, "Feedback"));
        g_assert_nonnull (strstr (flat->str, covered));
        g_assert_nonnull (strstr (flat->str, estimation));
        g_assert_nonnull (strstr (flat->str, tradeoffs));
        g_assert_nonnull (strstr (flat->str, plano_grade_get_item (exported_grade, 0)->must_have->text));
        g_assert_nonnull (strstr (flat->str, "Your answer: Restart from the checkpoint and replay Kafka."));
      }
  }

  /* Practise next, on a session not recorded: asked first, then a new session on that
   * question, and the feedback closes. */
  {
    const PlanoPractice *practice = plano_report_get_practice (plano_report_view_get_report (view));
    g_autofree char *next = g_strdup (practice->question_id);
    GtkWidget *dialog;

    /* Every question has a guide, so another one asks for what this board missed: the
     * suggestion names it and its button starts it. */
    g_assert_nonnull (next);
    g_assert_cmpstr (next, !=, QUESTION);
    g_assert_nonnull (plano_interview_lookup_question (next));
    g_assert_nonnull (strstr (practice->text, plano_interview_lookup_question (next)->title));
    g_assert_true (gtk_widget_get_visible (plano_report_view_get_part (view, "practise")));
    g_signal_emit_by_name (plano_report_view_get_part (view, "practise"), "clicked");
    plano_test_iterate ();
    dialog = find_message_dialog (GTK_WINDOW (fixture->window));
    g_assert_nonnull (dialog);
    g_assert_cmpstr (plano_question_get_heading (dialog), ==, "Start a New Session?");
    respond (dialog, "_Record and Start");
    g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_IDLE);
    g_assert_cmpstr (plano_interview_get_question (interview), ==, next);
    g_assert_null (report_view (fixture));
    {
      g_autoptr(GPtrArray) entries = plano_interview_history_load (fixture->history_path, NULL);

      g_assert_cmpuint (entries->len, ==, 1);
    }
  }
}

/* Hints stay hidden until asked for, are counted, and stay shown when the session is read
 * back from the board. */
static void
test_hints (Fixture       *fixture,
            gconstpointer  data)
{
  PlanoInterviewPanel *panel = fixture->panel;
  const PlanoQuestion *question = plano_interview_lookup_question (QUESTION);
  AdwActionRow *row;
  g_autofree char *hint = g_markup_escape_text (question->hints[1], -1);
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(PlanoInterview) back = NULL;

  /* A question of one's own has no hints. */
  g_assert_false (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "hint-row-1")));

  plano_interview_set_question (fixture->interview, QUESTION);
  plano_test_iterate ();
  row = ADW_ACTION_ROW (plano_interview_panel_get_part (panel, "hint-row-1"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Hidden until you ask for it");
  g_assert_true (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "hint-1")));
  g_assert_cmpuint (plano_interview_get_n_hints_revealed (fixture->interview), ==, 0);

  click (panel, "hint-1");
  plano_test_iterate ();
  g_assert_cmpuint (plano_interview_get_n_hints_revealed (fixture->interview), ==, 1);
  g_assert_true (plano_interview_get_hint_revealed (fixture->interview, 1));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, hint);
  g_assert_false (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "hint-1")));
  /* The others are still hidden. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (plano_interview_panel_get_part (panel, "hint-row-2"))),
                   ==, "Hidden until you ask for it");

  click (panel, "hint-3");
  plano_test_iterate ();
  g_assert_cmpuint (plano_interview_get_n_hints_revealed (fixture->interview), ==, 2);

  /* Read back, as when the board is opened again. */
  record = plano_interview_to_json (fixture->interview);
  back = plano_interview_new_from_json (record, NULL);
  plano_interview_panel_set_interview (panel, back);
  plano_test_iterate ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (plano_interview_panel_get_part (panel, "hint-row-1"))),
                   ==, hint);
  g_assert_false (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "hint-3")));
  g_assert_true (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "hint-2")));
}

/* Follow-ups open with step 5; a model answer stays hidden until an answer is written. */
static void
test_follow_ups (Fixture       *fixture,
                 gconstpointer  data)
{
  PlanoInterviewPanel *panel = fixture->panel;
  GtkWidget *group = plano_interview_panel_get_part (panel, "follow-ups");
  GtkWidget *answer = plano_interview_panel_get_part (panel, "answer-0");
  GtkWidget *model = plano_interview_panel_get_part (panel, "model-0");
  GtkRevealer *revealer = GTK_REVEALER (plano_interview_panel_get_part (panel, "model-answer-0"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (answer));
  const PlanoGuide *guide = plano_guide_lookup (QUESTION);

  plano_interview_set_question (fixture->interview, QUESTION);
  click (panel, "start");
  for (int step = 0; step < 4; step++)
    {
      plano_test_iterate ();
      g_assert_false (gtk_widget_get_visible (group));
      click (panel, "next");
    }
  plano_test_iterate ();
  g_assert_cmpint (plano_interview_get_step (fixture->interview), ==, 4);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_true (shows_label (group, guide->follow_ups[0].question, FALSE));

  /* Not answered: the model answer is hidden and cannot be asked for. */
  g_assert_false (gtk_widget_is_sensitive (model));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_false (gtk_widget_get_child_visible (gtk_revealer_get_child (revealer)));

  /* Spaces are not an answer. */
  gtk_text_buffer_set_text (buffer, "   ", -1);
  plano_test_iterate ();
  g_assert_null (plano_interview_get_answer (fixture->interview, 0));
  g_assert_false (gtk_widget_is_sensitive (model));

  gtk_text_buffer_set_text (buffer, "The job restarts from its last checkpoint.", -1);
  plano_test_iterate ();
  g_assert_cmpstr (plano_interview_get_answer (fixture->interview, 0), ==, "The job restarts from its last checkpoint.");
  g_assert_true (gtk_widget_is_sensitive (model));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  click (panel, "model-0");
  plano_test_iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (shows_label (gtk_revealer_get_child (revealer), guide->follow_ups[0].answer, FALSE));
  g_assert_false (gtk_widget_get_visible (model));
  /* The second is still closed. */
  g_assert_false (gtk_widget_is_sensitive (plano_interview_panel_get_part (panel, "model-1")));

  /* After the session they stay, with what was written. */
  click (panel, "finish");
  plano_test_iterate ();
  g_assert_true (gtk_widget_get_visible (group));
  {
    g_autofree char *text = buffer_text (answer);

    g_assert_cmpstr (text, ==, "The job restarts from its last checkpoint.");
  }
}

/* A curveball and the end of a step say so in a toast and scroll into view; the toasts are
 * what a user reads in the window's overlay. */
static void
test_announcements (Fixture       *fixture,
                    gconstpointer  data)
{
  PlanoInterviewPanel *panel = fixture->panel;
  const PlanoCurveball *curveball;
  g_autofree char *curveball_toast = NULL;

  plano_interview_set_question (fixture->interview, QUESTION);
  plano_interview_set_auto_advance (fixture->interview, TRUE);
  click (panel, "start");
  plano_test_iterate ();

  click (panel, "curveball");
  plano_test_iterate ();
  g_assert_cmpuint (plano_interview_get_n_curveballs_drawn (fixture->interview), ==, 1);
  curveball = plano_interview_get_curveball_drawn (fixture->interview, 0, NULL, NULL);
  curveball_toast = g_strdup_printf ("Curveball: %s", curveball->title);
  g_assert_true (shows_label (fixture->overlay, curveball_toast, FALSE));
  g_assert_true (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "curveballs")));
  g_assert_true (scrolled_into_view (plano_interview_panel_get_part (panel, "curveballs")));

  /* The first step's time runs out; the session moves on and says so. */
  advance (plano_interview_get_planned (fixture->interview, 0) + 1);
  plano_interview_tick (fixture->interview);
  plano_test_iterate ();
  g_assert_cmpint (plano_interview_get_step (fixture->interview), ==, 1);
  g_assert_true (shows_label (fixture->overlay, "Time is up for Requirements: on to Capacity estimation", FALSE));
  g_assert_true (scrolled_into_view (plano_interview_panel_get_part (panel, "step-1")));
}

static gboolean solution_opened;
static char *solution_question;

static void
open_solution_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  solution_opened = TRUE;
  g_free (solution_question);
  solution_question = g_variant_dup_string (parameter, NULL);
}

/* The reference solution opens from the question, after a warning while a session is young;
 * a question with none written yet leaves the button insensitive. */
static void
test_solution (Fixture       *fixture,
               gconstpointer  data)
{
  PlanoInterviewPanel *panel = fixture->panel;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  static const GActionEntry entries[] = { { "open-solution", open_solution_cb, "s" } };
  GtkWidget *button = plano_interview_panel_get_part (panel, "solution");
  GtkWidget *dialog;
  const PlanoQuestion *questions;
  guint n;

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (fixture->window, "app", G_ACTION_GROUP (group));

  /* A question of one's own has no solution. */
  g_assert_false (gtk_widget_is_visible (button));

  /* A bank question whose solution is not written yet, if any is left. */
  questions = plano_interview_get_questions (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) source = plano_solution_get_source (questions[i].id);

      if (source != NULL)
        continue;
      plano_interview_set_question (fixture->interview, questions[i].id);
      plano_test_iterate ();
      g_assert_true (gtk_widget_is_visible (button));
      g_assert_false (gtk_widget_is_sensitive (button));
      break;
    }

  plano_interview_set_question (fixture->interview, QUESTION);
  plano_test_iterate ();
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  /* Before the session ends, a warning: Cancel keeps the practice unspoiled. */
  solution_opened = FALSE;
  click (panel, "solution");
  plano_test_iterate ();
  dialog = find_message_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (plano_question_get_heading (dialog), ==, "Open the Reference Solution?");
  respond (dialog, "_Cancel");
  g_assert_false (solution_opened);

  click (panel, "solution");
  plano_test_iterate ();
  dialog = find_message_dialog (GTK_WINDOW (fixture->window));
  respond (dialog, "_Open Anyway");
  g_assert_true (solution_opened);
  g_assert_cmpstr (solution_question, ==, QUESTION);

  /* After the session, from the feedback, without a warning. */
  solution_opened = FALSE;
  run_to_finish (fixture);
  g_signal_emit_by_name (plano_report_view_get_part (report_view (fixture), "solution"), "clicked");
  plano_test_iterate ();
  g_assert_null (find_message_dialog (GTK_WINDOW (fixture->window)));
  g_assert_true (solution_opened);
  g_clear_pointer (&solution_question, g_free);
}

/* Your Progress: the rated sessions plotted, the older ones said, the must-haves missed most,
 * the weakest dimension to practise, and the course's checklist kept in mastery.json. */
static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  static const char history[] =
    "{\"date\": \"2026-11-20T10:00:00Z\", \"score\": 14, \"max_score\": 30}\n"
    "{\"date\": \"2026-12-01T10:00:00Z\", \"question\": \"clickstream-analytics\", \"ratings\": "
      "{\"requirements\": 2, \"estimation\": 1, \"high-level\": 2, \"data-model\": 2, \"deep-dive\": 1, "
      "\"scalability\": 2, \"tradeoffs\": 1, \"communication\": 3}, \"missed\": [\"olap\", \"late-events\"]}\n"
    "{\"date\": \"2026-12-03T10:00:00Z\", \"question\": \"clickstream-analytics\", \"ratings\": "
      "{\"requirements\": 3, \"estimation\": 2, \"high-level\": 3, \"data-model\": 2, \"deep-dive\": 2, "
      "\"scalability\": 2, \"tradeoffs\": 2, \"communication\": 3}, \"missed\": [\"olap\"]}\n"
    "{\"date\": \"2026-12-04T10:00:00Z\", \"question\": \"clickstream-analytics\", \"ratings\": "
      "{\"requirements\": 3, \"estimation\": 2, \"high-level\": 3, \"data-model\": 3, \"deep-dive\": 2, "
      "\"scalability\": 3, \"tradeoffs\": 3, \"communication\": 4}, \"missed\": [\"olap\"]}\n";
  g_autofree char *mastery_path = g_build_filename (fixture->dir, "mastery.json", NULL);
  PlanoProgressView *view;
  GtkWidget *missed;
  int scores[PLANO_INTERVIEW_N_MASTERY];

  g_assert_true (g_file_set_contents (fixture->history_path, history, -1, NULL));
  plano_interview_panel_set_history_path (fixture->panel, fixture->history_path);
  g_signal_emit_by_name (plano_interview_panel_get_part (fixture->panel, "progress"), "activated");
  plano_test_iterate ();

  view = PLANO_PROGRESS_VIEW (plano_interview_panel_get_progress_view (fixture->panel));
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  assert_current_bars (GTK_WIDGET (view));
  g_assert_cmpuint (plano_progress_view_get_n_plotted (view), ==, 3);
  g_assert_true (gtk_widget_get_mapped (plano_progress_view_get_part (view, "chart")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (plano_progress_view_get_part (view, "chart-caption"))), ==,
                   "1 earlier session was scored on the old self-assessment, not on the rubric, and is not plotted.");
  g_assert_cmpuint (count_rows (plano_progress_view_get_part (view, "dimensions")), ==, PLANO_RUBRIC_N_DIMENSIONS);
  g_assert_true (shows_label (plano_progress_view_get_part (view, "dimensions"),
                              "Latest: 2 of 4 · average 1.7 over 3 sessions", FALSE));
  /* Estimation went from 1 to 2, communication stayed at 3 then rose to 4. */
  g_assert_true (shows_label (plano_progress_view_get_part (view, "dimensions"), "+1", FALSE));

  /* The must-haves missed most, with their texts, most often first. */
  missed = plano_progress_view_get_part (view, "missed");
  g_assert_cmpuint (count_rows (missed), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_first_child (missed))), ==,
                   "An OLAP store for sub-second dashboards");
  g_assert_true (shows_label (missed, "Missed 3 times", FALSE));

  /* Practise your weakest: on a blank session, the question is set at once. */
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (plano_progress_view_get_part (view, "practice"))),
                                   "Practise next: "));
  g_signal_emit_by_name (plano_progress_view_get_part (view, "practise"), "clicked");
  plano_test_iterate ();
  g_assert_nonnull (plano_interview_get_question (fixture->interview));
  g_assert_cmpint (plano_interview_get_state (fixture->interview), ==, PLANO_INTERVIEW_IDLE);

  /* The course's checklist is scored here and kept beside the history. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (plano_progress_view_get_part (view, "mastery-2")), 3);
  plano_test_iterate ();
  g_assert_true (plano_mastery_load (mastery_path, scores, NULL));
  g_assert_cmpint (scores[2], ==, 2);
  g_assert_cmpint (scores[0], ==, PLANO_MASTERY_NOT_SCORED);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (plano_progress_view_get_part (view, "mastery-caption"))), ==,
                   "Mastery: 2 of 30 (1 of 10 skills scored)");

  gtk_window_destroy (GTK_WINDOW (view));
  plano_test_iterate ();
  g_assert_null (plano_interview_panel_get_progress_view (fixture->panel));
  plano_interview_panel_show_progress (fixture->panel);
  plano_test_iterate ();
  view = PLANO_PROGRESS_VIEW (plano_interview_panel_get_progress_view (fixture->panel));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (plano_progress_view_get_part (view, "mastery-2"))), ==, 3);
}

/* No session recorded: the page says how to get one. */
static void
test_progress_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  PlanoProgressView *view;

  plano_interview_panel_show_progress (fixture->panel);
  plano_test_iterate ();
  view = PLANO_PROGRESS_VIEW (plano_interview_panel_get_progress_view (fixture->panel));
  g_assert_cmpuint (plano_progress_view_get_n_plotted (view), ==, 0);
  g_assert_true (gtk_widget_get_mapped (plano_progress_view_get_part (view, "empty")));
  g_assert_false (gtk_widget_get_mapped (plano_progress_view_get_part (view, "chart")));
}

int
main (int   argc,
      char *argv[])
{
  PlanoApplication *app = plano_test_init_app (&argc, &argv);
  int status;

  g_test_add ("/plano/interview-panel/countdown", Fixture, NULL, fixture_set_up, test_countdown, fixture_tear_down);
  g_test_add ("/plano/interview-panel/report-in-view", Fixture, NULL, fixture_set_up, test_report_in_view, fixture_tear_down);
  g_test_add ("/plano/interview-panel/hints", Fixture, NULL, fixture_set_up, test_hints, fixture_tear_down);
  g_test_add ("/plano/interview-panel/follow-ups", Fixture, NULL, fixture_set_up, test_follow_ups, fixture_tear_down);
  g_test_add ("/plano/interview-panel/announcements", Fixture, NULL, fixture_set_up, test_announcements, fixture_tear_down);
  g_test_add ("/plano/interview-panel/solution", Fixture, NULL, fixture_set_up, test_solution, fixture_tear_down);
  g_test_add ("/plano/interview-panel/progress", Fixture, NULL, fixture_set_up, test_progress, fixture_tear_down);
  g_test_add ("/plano/interview-panel/progress-empty", Fixture, NULL, fixture_set_up, test_progress_empty, fixture_tear_down);

  status = g_test_run ();
  plano_test_finish_app (app);

  return status;
}
