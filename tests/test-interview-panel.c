/* test-interview-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interview panel under Xvfb on a fake clock: starting, pausing and advancing change the
 * countdown the user reads; overtime shows in the warning style; finishing shows the rubric,
 * and recording the score adds the session to the progress history.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "plano-test-utils.h"

#include "plano-canvas.h"
#include "plano-interview-panel.h"

static gint64 fake_now = G_GINT64_CONSTANT (5000) * G_USEC_PER_SEC;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static const char *
text_of (PlanoInterviewPanel *panel,
         const char          *part)
{
  GtkWidget *widget = plano_interview_panel_get_part (panel, part);

  return GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : gtk_label_get_label (GTK_LABEL (widget));
}

static void
test_panel (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  g_autoptr(PlanoInterview) interview = plano_interview_new ();
  g_autofree char *dir = g_dir_make_tmp ("plano-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "history.jsonl", NULL);
  PlanoCanvas *canvas = PLANO_CANVAS (plano_canvas_new ());
  PlanoInterviewPanel *panel = PLANO_INTERVIEW_PANEL (plano_interview_panel_new ());
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *countdown;
  GtkWidget *question;

  gtk_widget_set_size_request (GTK_WIDGET (panel), 360, 700);
  gtk_widget_set_hexpand (GTK_WIDGET (canvas), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (panel));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (canvas));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  plano_canvas_set_history (canvas, history);
  plano_interview_panel_set_canvas (panel, canvas);
  plano_interview_panel_set_history_path (panel, path);
  plano_interview_set_clock (interview, fake_clock, NULL);
  plano_interview_panel_set_interview (panel, interview);
  gtk_window_present (GTK_WINDOW (window));
  plano_test_iterate ();

  countdown = plano_interview_panel_get_part (panel, "countdown");
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "5:00");
  g_assert_cmpstr (text_of (panel, "start"), ==, "_Start");
  g_assert_false (gtk_widget_is_sensitive (plano_interview_panel_get_part (panel, "next")));

  /* Start, and a minute and a half passes. */
  g_signal_emit_by_name (plano_interview_panel_get_part (panel, "start"), "clicked");
  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_RUNNING);
  g_assert_cmpstr (text_of (panel, "start"), ==, "_Pause");
  fake_now += G_GINT64_CONSTANT (90) * G_USEC_PER_SEC;
  plano_interview_panel_update (panel);
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "3:30");
  g_assert_cmpstr (text_of (panel, "total"), ==, "Total 1:30 of 50:00");
  g_assert_false (gtk_widget_has_css_class (countdown, "warning"));

  /* Pause: the countdown stands still. */
  g_signal_emit_by_name (plano_interview_panel_get_part (panel, "start"), "clicked");
  g_assert_cmpstr (text_of (panel, "start"), ==, "_Resume");
  fake_now += G_GINT64_CONSTANT (600) * G_USEC_PER_SEC;
  plano_interview_panel_update (panel);
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "3:30");
  g_assert_cmpstr (text_of (panel, "status"), ==, "Paused");

  /* Resume; under a minute left is a warning. */
  g_signal_emit_by_name (plano_interview_panel_get_part (panel, "start"), "clicked");
  fake_now += G_GINT64_CONSTANT (170) * G_USEC_PER_SEC;
  plano_interview_panel_update (panel);
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "0:40");
  g_assert_true (gtk_widget_has_css_class (countdown, "warning"));

  /* Overtime: the time past the plan, in the warning style. */
  fake_now += G_GINT64_CONSTANT (52) * G_USEC_PER_SEC;
  plano_interview_panel_update (panel);
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "−0:12");
  g_assert_cmpstr (text_of (panel, "status"), ==, "Overtime");
  g_assert_true (gtk_widget_has_css_class (countdown, "warning"));
  g_assert_true (gtk_widget_has_css_class (plano_interview_panel_get_part (panel, "status"), "warning"));

  /* Next: the capacity step's full five minutes. */
  g_signal_emit_by_name (plano_interview_panel_get_part (panel, "next"), "clicked");
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "5:00");
  g_assert_cmpstr (text_of (panel, "step"), ==, "Step 2 of 6 · Capacity estimation");
  g_assert_false (gtk_widget_has_css_class (countdown, "warning"));

  g_assert_false (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "rubric")));

  /* Finish, score, record. */
  g_signal_emit_by_name (plano_interview_panel_get_part (panel, "finish"), "clicked");
  g_assert_true (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "rubric")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (plano_interview_panel_get_part (panel, "score-2")), 4);
  adw_combo_row_set_selected (ADW_COMBO_ROW (plano_interview_panel_get_part (panel, "score-4")), 3);
  g_assert_cmpint (plano_interview_get_rubric_total (interview), ==, 5);
  g_signal_emit_by_name (plano_interview_panel_get_part (panel, "record"), "clicked");
  entries = plano_interview_history_load (path, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (g_ptr_array_index (entries, 0)), "score"), ==, 5);
  g_assert_nonnull (strstr (text_of (panel, "progress-caption"), "1 session; the last scored 5 of 30"));
  g_assert_false (gtk_widget_is_sensitive (plano_interview_panel_get_part (panel, "record")));
  g_assert_false (gtk_widget_is_visible (plano_interview_panel_get_part (panel, "start")));
  g_assert_false (gtk_widget_get_visible (plano_interview_panel_get_part (panel, "finish")));

  /* Reset asks first: Cancel keeps the session, Clear starts afresh. */
  g_signal_emit_by_name (plano_interview_panel_get_part (panel, "reset"), "clicked");
  plano_test_iterate ();
  question = plano_test_find_question (GTK_WINDOW (window));
  g_assert_nonnull (question);
  g_assert_cmpstr (plano_question_get_heading (question), ==, "Clear This Session?");
  plano_test_answer (question, "_Cancel");
  g_assert_null (plano_test_find_question (GTK_WINDOW (window)));
  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_FINISHED);
  g_signal_emit_by_name (plano_interview_panel_get_part (panel, "reset"), "clicked");
  plano_test_iterate ();
  plano_test_answer (plano_test_find_question (GTK_WINDOW (window)), "C_lear");
  g_assert_cmpint (plano_interview_get_state (interview), ==, PLANO_INTERVIEW_IDLE);
  g_assert_cmpint (plano_interview_get_rubric_total (interview), ==, 0);
  g_assert_true (gtk_widget_is_visible (plano_interview_panel_get_part (panel, "start")));
  g_assert_cmpstr (text_of (panel, "countdown"), ==, "5:00");

  gtk_window_destroy (GTK_WINDOW (window));
  plano_test_iterate ();
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  PlanoApplication *app = plano_test_init_app (&argc, &argv);
  int status;

  g_test_add_func ("/plano/interview-panel/countdown", test_panel);

  status = g_test_run ();
  plano_test_finish_app (app);

  return status;
}
