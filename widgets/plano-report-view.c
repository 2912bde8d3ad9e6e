/* plano-report-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-report-view"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "plano-a11y.h"
#include "plano-report-view.h"
#include "plano-toolbar-view.h"
#include "plano-thumbnail.h"
#include "plano-widget-utils.h"

/* The feedback on a finished mock interview, in a window of its own that opens at Finish: what
 * a mock interviewer hands back. At the top, what a candidate wants first (the must-haves
 * covered, the time, the hints, what to practise next, and the button that records the
 * session); then the rubric, whose proposed scores the candidate confirms or changes; then the
 * evidence: the must-haves with why each matters, the time per step, the design review of the
 * final board, the board beside the reference solution, the hints and the follow-ups.
 *
 * The view reads the session and the board and writes only the candidate's level and ratings
 * into the session; the report is worked out again whenever the session changes.
 */

#define PICTURE_WIDTH  760
#define PICTURE_HEIGHT 440
#define MAX_FINDINGS   8

struct _PlanoReportView
{
  AdwWindow        parent_instance;

  PlanoInterview  *interview;
  PlanoBoard      *board;
  GPtrArray       *history;        /* earlier sessions, to choose what to practise; nullable */
  char            *history_path;
  PlanoReport     *report;
  gboolean         recorded;
  gboolean         updating;
  guint            refresh_source;
  GtkWidget       *score_rows[PLANO_RUBRIC_N_DIMENSIONS];

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *scroller;
  GtkWidget       *heading;
  GtkWidget       *subheading;
  GtkWidget       *coverage_value;
  GtkWidget       *coverage_caption;
  GtkWidget       *time_value;
  GtkWidget       *time_caption;
  GtkWidget       *hints_value;
  GtkWidget       *hints_caption;
  GtkWidget       *practice_row;
  GtkWidget       *practise_button;
  GtkWidget       *record_button;
  GtkWidget       *export_button;
  GtkWidget       *rubric_group;
  GtkWidget       *level_row;
  GtkWidget       *must_group;
  GtkListBox      *must_list;
  GtkListBox      *time_list;
  GtkListBox      *review_list;
  GtkWidget       *compare_group;
  GtkWidget       *pictures_box;
  GtkWidget       *board_picture;
  GtkWidget       *solution_picture;
  GtkWidget       *solution_button;
  GtkWidget       *hints_group;
  GtkListBox      *hints_list;
  GtkWidget       *follow_group;
  GtkListBox      *follow_list;
};

G_DEFINE_FINAL_TYPE (PlanoReportView, plano_report_view, ADW_TYPE_WINDOW)

enum {
  PRACTISE,
  OPEN_SOLUTION,
  RECORDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* What each score means to an interviewer, as the rubric's descriptors are calibrated. */
static const char * const score_names[PLANO_RUBRIC_MAX_SCORE] = {
  N_("No hire"),
  N_("Lean no hire"),
  N_("Hire"),
  N_("Strong hire"),
};

static const char *
step_title (int step)
{
  return _(plano_interview_get_steps ()[step].title);
}

/* An icon that says something, such as "Covered", in its tooltip and to a screen reader. */
static void
add_status_icon (GtkWidget  *row,
                 const char *icon_name,
                 const char *style,
                 const char *meaning)
{
  GtkWidget *icon = plano_status_icon_new (icon_name, style, meaning);

  gtk_widget_set_tooltip_text (icon, meaning);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
}

static void
update_summary (PlanoReportView *self)
{
  const PlanoQuestion *question = plano_interview_lookup_question (plano_interview_get_question (self->interview));
  PlanoGrade *grade = plano_report_get_grade (self->report);
  PlanoLevel level = plano_interview_get_level (self->interview);
  const PlanoPractice *practice = plano_report_get_practice (self->report);
  g_autofree char *subheading = NULL;
  g_autofree char *spent = plano_interview_format_time (plano_interview_get_total_spent (self->interview));
  g_autofree char *planned = plano_interview_format_time (plano_interview_get_total_planned (self->interview));
  g_autofree char *planned_text = NULL;
  g_autofree char *hints = NULL;
  g_autofree char *practice_text = g_markup_escape_text (practice->text, -1);
  const char *title;

  if (question != NULL)
    title = _(question->title);
  else if (plano_interview_get_prompt (self->interview) != NULL)
    title = plano_interview_get_prompt (self->interview);
  else
    title = _("Your Own Question");

  gtk_label_set_label (GTK_LABEL (self->heading), title);
  adw_window_title_set_subtitle (self->window_title, question != NULL ? _(question->title) : NULL);
  /* TRANSLATORS: below the question in the feedback: "Mock interview · Level: Senior" */
  subheading = g_strdup_printf (_("Mock interview · Level: %s"), plano_level_get_name (level));
  gtk_label_set_label (GTK_LABEL (self->subheading), subheading);

  if (grade != NULL)
    {
      /* TRANSLATORS: must-haves covered: "5 of 7" */
      g_autofree char *coverage = g_strdup_printf (_("%u of %u"), plano_grade_get_n_covered (grade),
                                                   plano_grade_get_n_items (grade));

      gtk_label_set_label (GTK_LABEL (self->coverage_value), coverage);
      gtk_label_set_label (GTK_LABEL (self->coverage_caption), _("must-haves covered"));
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (self->coverage_value), "—");
      gtk_label_set_label (GTK_LABEL (self->coverage_caption), _("no must-haves for a question of your own"));
    }

  gtk_label_set_label (GTK_LABEL (self->time_value), spent);
  /* TRANSLATORS: below the total time of a session: "of 50:00 planned" */
  planned_text = g_strdup_printf (_("of %s planned"), planned);
  gtk_label_set_label (GTK_LABEL (self->time_caption), planned_text);
  if (plano_interview_get_total_spent (self->interview) > plano_interview_get_total_planned (self->interview))
    gtk_widget_add_css_class (self->time_value, "error");
  else
    gtk_widget_remove_css_class (self->time_value, "error");

  hints = g_strdup_printf ("%u", plano_interview_get_n_hints_revealed (self->interview));
  gtk_label_set_label (GTK_LABEL (self->hints_value), hints);
  gtk_label_set_label (GTK_LABEL (self->hints_caption),
                       g_dngettext (GETTEXT_PACKAGE, "hint revealed", "hints revealed",
                                    plano_interview_get_n_hints_revealed (self->interview)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->practice_row), practice_text);
  gtk_widget_set_visible (self->practise_button, practice->question_id != NULL);

  gtk_widget_set_sensitive (self->record_button, !self->recorded && self->history_path != NULL);
  gtk_button_set_label (GTK_BUTTON (self->record_button),
                        self->recorded ? _("Recorded in Progress") : _("_Record in Progress"));
}

static void
update_rubric (PlanoReportView *self)
{
  PlanoLevel level = plano_interview_get_level (self->interview);

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->level_row), level);

  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    {
      const PlanoRubricInfo *info = plano_rubric_get_info (d);
      int score = plano_report_get_score (self->report, d);
      int proposed = plano_report_get_proposed (self->report, d);
      const char *descriptor = info->descriptors[level][CLAMP (score, 1, PLANO_RUBRIC_MAX_SCORE) - 1];
      const char *evidence = plano_report_get_evidence (self->report, d);
      g_autofree char *evidence_text = NULL;
      g_autofree char *subtitle = NULL;

      if (self->score_rows[d] == NULL)
        continue;

      /* A dimension whose descriptors are not written yet shows what it looks at. */
      if (descriptor == NULL)
        descriptor = info->summary;

      if (score != proposed)
        /* TRANSLATORS: below a rubric score the candidate changed: "Plano proposed 2. Evidence: …" */
        evidence_text = g_strdup_printf (_("Plano proposed %d. Evidence: %s"), proposed, evidence != NULL ? evidence : "");
      else
        /* TRANSLATORS: below a rubric score: what Plano saw in the session */
        evidence_text = g_strdup_printf (_("Evidence: %s"), evidence != NULL ? evidence : "");
      /* A combo row's subtitle is plain text, not markup. */
      subtitle = g_strdup_printf ("%s\n%s", descriptor != NULL ? _(descriptor) : "", evidence_text);

      adw_combo_row_set_selected (ADW_COMBO_ROW (self->score_rows[d]), score - 1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->score_rows[d]), subtitle);
    }
}

static void
update_must_haves (PlanoReportView *self)
{
  PlanoGrade *grade = plano_report_get_grade (self->report);
  g_autofree char *description = NULL;

  plano_list_box_remove_all (self->must_list);
  gtk_widget_set_visible (self->must_group, grade != NULL);
  if (grade == NULL)
    return;

  /* TRANSLATORS: above the list of must-haves: "5 of 7 covered on your board. Each says why an
   * interviewer expects it." */
  description = g_strdup_printf (_("%u of %u covered on your board. Each says why an interviewer expects it."),
                                 plano_grade_get_n_covered (grade), plano_grade_get_n_items (grade));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->must_group), description);

  /* What was missed first: that is what to work on. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < plano_grade_get_n_items (grade); i++)
      {
        const PlanoGradeItem *item = plano_grade_get_item (grade, i);
        GtkWidget *row;

        if (item->covered != (pass == 1))
          continue;

        row = plano_list_box_add_text_row (self->must_list, _(item->must_have->text), _(item->must_have->why));
        if (item->covered)
          add_status_icon (row, "object-select-symbolic", "success", _("Covered"));
        else
          add_status_icon (row, "window-close-symbolic", "error", _("Missed"));
      }
}

static void
update_time (PlanoReportView *self)
{
  plano_list_box_remove_all (self->time_list);

  for (int step = 0; step < PLANO_INTERVIEW_N_STEPS; step++)
    {
      const PlanoInterviewStep *info = &plano_interview_get_steps ()[step];
      double overtime = plano_interview_get_overtime (self->interview, step);
      g_autofree char *title = g_strdup_printf ("%d. %s", step + 1, step_title (step));
      g_autofree char *spent = plano_interview_format_time (plano_interview_get_spent (self->interview, step));
      g_autofree char *planned = plano_interview_format_time (plano_interview_get_planned (self->interview, step));
      g_autofree char *times = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *label;
      guint n_items = 0, n_checked = 0;

      while (n_items < PLANO_INTERVIEW_MAX_CHECKLIST && info->checklist[n_items] != NULL)
        n_checked += plano_interview_get_checked (self->interview, step, n_items++);

      if (overtime >= 1)
        {
          g_autofree char *over = plano_interview_format_time (overtime);

          /* TRANSLATORS: "3 of 5 checklist items ticked · 0:40 over the plan" */
          subtitle = g_strdup_printf (_("%u of %u checklist items ticked · %s over the plan"), n_checked, n_items, over);
        }
      else
        /* TRANSLATORS: "3 of 5 checklist items ticked" */
        subtitle = g_strdup_printf (_("%u of %u checklist items ticked"), n_checked, n_items);

      row = plano_list_box_add_text_row (self->time_list, title, subtitle);
      /* TRANSLATORS: time spent on a step against the plan: "4:50 / 5:00" */
      times = g_strdup_printf (_("%s / %s"), spent, planned);
      label = gtk_label_new (times);
      gtk_widget_add_css_class (label, "numeric");
      if (overtime >= 1)
        gtk_widget_add_css_class (label, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
}

static void
update_review (PlanoReportView *self)
{
  GPtrArray *findings = plano_report_get_findings (self->report);

  plano_list_box_remove_all (self->review_list);

  if (findings->len == 0)
    {
      GtkWidget *row = plano_list_box_add_text_row (self->review_list, _("The review finds nothing to fix on the final board."), NULL);

      add_status_icon (row, "object-select-symbolic", "success", _("No findings"));
      return;
    }

  for (guint i = 0; i < MIN (findings->len, MAX_FINDINGS); i++)
    {
      const PlanoFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = plano_list_box_add_text_row (self->review_list, finding->message, NULL);

      add_status_icon (row, plano_severity_get_icon_name (finding->severity),
                       plano_severity_get_style_class (finding->severity),
                       plano_severity_get_name (finding->severity));
    }

  if (findings->len > MAX_FINDINGS)
    plano_list_box_add_more_findings (self->review_list, findings->len - MAX_FINDINGS);
}

static void
update_hints (PlanoReportView *self)
{
  const PlanoQuestion *question = plano_interview_lookup_question (plano_interview_get_question (self->interview));
  guint n = plano_interview_get_n_hints_revealed (self->interview);
  g_autofree char *description = NULL;

  plano_list_box_remove_all (self->hints_list);
  gtk_widget_set_visible (self->hints_group, question != NULL);
  if (question == NULL)
    return;

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "You revealed %u hint of %u. Each one used counts against communication and time.",
                                              "You revealed %u hints of %u. Each one used counts against communication and time.",
                                              n),
                                 n, (guint) PLANO_INTERVIEW_N_STEPS);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->hints_group), description);

  if (n == 0)
    {
      plano_list_box_add_text_row (self->hints_list, _("No hints used: well done."), NULL);
      return;
    }

  for (int step = 0; step < PLANO_INTERVIEW_N_STEPS; step++)
    if (plano_interview_get_hint_revealed (self->interview, step))
      {
        /* TRANSLATORS: "Hint for step 2, Capacity estimation" */
        g_autofree char *title = g_strdup_printf (_("Hint for step %d, %s"), step + 1, step_title (step));

        plano_list_box_add_text_row (self->hints_list, title, _(question->hints[step]));
      }
}

static void
update_follow_ups (PlanoReportView *self)
{
  const PlanoGuide *guide = plano_guide_lookup (plano_interview_get_question (self->interview));
  guint n = guide != NULL ? plano_guide_get_n_follow_ups (guide) : 0;

  plano_list_box_remove_all (self->follow_list);
  gtk_widget_set_visible (self->follow_group, n > 0);

  for (guint i = 0; i < n; i++)
    {
      const char *answer = plano_interview_get_answer (self->interview, i);
      g_autofree char *question = g_markup_escape_text (_(guide->follow_ups[i].question), -1);
      g_autofree char *mine = g_markup_escape_text (answer != NULL ? answer : _("Not answered"), -1);
      g_autofree char *model = g_markup_escape_text (_(guide->follow_ups[i].answer), -1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      /* TRANSLATORS: a follow-up question in the feedback: the candidate's answer, then the
       * model answer; keep the markup */
      subtitle = g_strdup_printf (_("<b>Your answer:</b> %s\n<b>Model answer:</b> %s"), mine, model);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      if (answer != NULL)
        add_status_icon (row, "object-select-symbolic", "success", _("Answered"));
      else
        add_status_icon (row, "window-close-symbolic", "dim-label", _("Not answered"));
      gtk_list_box_append (self->follow_list, row);
    }
}

static gboolean
has_solution (PlanoReportView *self)
{
  g_autoptr(GBytes) source = plano_solution_get_source (plano_interview_get_question (self->interview));

  return source != NULL;
}

/* The final board beside the reference solution, drawn in the style the app shows. */
static void
update_pictures (PlanoReportView *self)
{
  PlanoTheme theme = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? PLANO_THEME_DARK
                                                                                   : PLANO_THEME_LIGHT;
  const PlanoQuestion *question = plano_interview_lookup_question (plano_interview_get_question (self->interview));
  g_autoptr(GdkTexture) mine = NULL;
  g_autoptr(GdkTexture) reference = NULL;
  g_autoptr(PlanoBoard) solution = NULL;

  gtk_widget_set_visible (self->compare_group, question != NULL);
  if (question == NULL)
    return;

  if (has_solution (self))
    solution = plano_solution_load (question->id, NULL);

  gtk_widget_set_visible (self->pictures_box, solution != NULL);
  gtk_widget_set_sensitive (self->solution_button, solution != NULL);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->compare_group),
                                         solution != NULL
                                         ? _("A strong senior answer at the end of step 5, with its trade-offs recorded.")
                                         : _("The reference solution of this question is not written yet."));
  if (solution == NULL)
    return;

  mine = plano_thumbnail_new (self->board, PICTURE_WIDTH, PICTURE_HEIGHT, theme);
  reference = plano_thumbnail_new (solution, PICTURE_WIDTH, PICTURE_HEIGHT, theme);
  gtk_picture_set_paintable (GTK_PICTURE (self->board_picture), GDK_PAINTABLE (mine));
  gtk_picture_set_paintable (GTK_PICTURE (self->solution_picture), GDK_PAINTABLE (reference));
}

static void
refresh (PlanoReportView *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_pointer (&self->report, plano_report_free);
  self->report = plano_report_new (self->interview, self->board, self->history);

  self->updating = TRUE;
  update_summary (self);
  update_rubric (self);
  update_must_haves (self);
  update_time (self);
  update_review (self);
  update_hints (self);
  update_follow_ups (self);
  self->updating = FALSE;
}

static gboolean
refresh_cb (gpointer user_data)
{
  PlanoReportView *self = user_data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* The session changes a keystroke at a time while follow-ups are answered in the panel: the
 * report is worked out again once things settle. */
static void
interview_changed_cb (PlanoReportView *self)
{
  if (self->updating || self->refresh_source != 0)
    return;

  self->refresh_source = g_idle_add (refresh_cb, self);
}

static void
level_selected_cb (PlanoReportView *self)
{
  guint level = adw_combo_row_get_selected (ADW_COMBO_ROW (self->level_row));

  if (self->updating || self->interview == NULL || level >= PLANO_N_LEVELS)
    return;

  plano_interview_set_level (self->interview, level);
  refresh (self);
}

static void
score_selected_cb (AdwComboRow     *row,
                   GParamSpec      *pspec,
                   PlanoReportView *self)
{
  guint dimension = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "dimension"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  /* Choosing the proposed score confirms it: it stays when the level changes. */
  plano_interview_set_rating (self->interview, dimension, (int) selected + 1);
  refresh (self);
}

static void
practise_clicked_cb (PlanoReportView *self)
{
  const PlanoPractice *practice = plano_report_get_practice (self->report);

  if (practice->question_id != NULL)
    g_signal_emit (self, signals[PRACTISE], 0, practice->question_id);
}

static void
solution_clicked_cb (PlanoReportView *self)
{
  g_signal_emit (self, signals[OPEN_SOLUTION], 0, plano_interview_get_question (self->interview));
}

static void
show_toast (PlanoReportView *self,
            const char      *text)
{
  plano_a11y_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
record_clicked_cb (PlanoReportView *self)
{
  g_autoptr(GError) error = NULL;

  if (!plano_report_view_record (self, &error))
    {
      /* TRANSLATORS: a toast; %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not record the session: %s"), error->message);

      show_toast (self, message);
      return;
    }

  show_toast (self, _("Recorded in Your Progress"));
}

/* Writes the chosen file, and says how it went. */
static void
export_chosen (PlanoReportView   *self,
               GFile             *file,
               PlanoExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path == NULL)
    return;

  if (plano_report_view_export (self, path, format, &error))
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* TRANSLATORS: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

      show_toast (self, message);
    }
  else
    show_toast (self, error->message);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
export_dialog_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  PlanoReportView *self = PLANO_REPORT_VIEW (user_data);
  PlanoExportFormat format = GPOINTER_TO_INT (g_object_get_data (source, "format"));
  /* Dismissing the dialog is an error too: either way there is no file. */
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  export_chosen (self, file, format);
  g_object_unref (self);
}
#else
static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  PlanoReportView *self = PLANO_REPORT_VIEW (user_data);
  PlanoExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  export_chosen (self, file, format);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}
#endif

/* Export: the study notes of the board, which now carry this feedback, as Markdown with the
 * diagram beside it or as a PDF study sheet. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlanoReportView *self = PLANO_REPORT_VIEW (widget);
  gboolean markdown = g_str_equal (g_variant_get_string (parameter, NULL), "md");
  PlanoExportFormat format = markdown ? PLANO_EXPORT_MARKDOWN : PLANO_EXPORT_SHEET;
  const PlanoQuestion *question = plano_interview_lookup_question (plano_interview_get_question (self->interview));
  const char *title = plano_board_get_title (self->board);
  const char *dialog_title = markdown ? _("Export Study Notes") : _("Export Study Sheet");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (title == NULL || title[0] == '\0')
    title = question != NULL ? _(question->title) : _("Interview");
  /* TRANSLATORS: the file name of exported feedback, without its extension: "Clickstream
   * analytics feedback" */
  name = g_strdup_printf (_("%s feedback"), title);
  g_strdelimit (name, "/", '-');
  name = g_strconcat (g_steal_pointer (&name), markdown ? ".md" : ".pdf", NULL);

  gtk_file_filter_set_name (filter, markdown ? _("Study Notes (Markdown, with an SVG beside)") : _("Study Sheet (PDF)"));
  gtk_file_filter_add_suffix (filter, markdown ? "md" : "pdf");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, dialog_title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_set_accept_label (dialog, _("_Export"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_set_initial_name (dialog, name);
    g_object_set_data (G_OBJECT (dialog), "format", GINT_TO_POINTER (format));
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, export_dialog_done_cb, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (dialog_title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Export"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));

    g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

static void
score_item_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
score_item_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
build_rubric_rows (PlanoReportView *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) scores = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  /* The score a row shows stays whole ("4 · Strong hire"); the descriptor beside it wraps. */
  g_signal_connect (factory, "setup", G_CALLBACK (score_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (score_item_bind_cb), NULL);

  for (guint level = 0; level < PLANO_N_LEVELS; level++)
    gtk_string_list_append (levels, plano_level_get_name (level));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->level_row), G_LIST_MODEL (levels));

  for (guint score = 1; score <= PLANO_RUBRIC_MAX_SCORE; score++)
    {
      /* TRANSLATORS: a rubric score and what it means: "3 · Hire" */
      g_autofree char *text = g_strdup_printf (_("%u · %s"), score, _(score_names[score - 1]));

      gtk_string_list_append (scores, text);
    }

  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    {
      const PlanoRubricInfo *info = plano_rubric_get_info (d);
      GtkWidget *row;

      if (info->title == NULL)
        continue;

      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->title));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_combo_row_set_factory (ADW_COMBO_ROW (row), factory);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (scores));
      g_object_set_data (G_OBJECT (row), "dimension", GUINT_TO_POINTER (d));
      g_signal_connect (row, "notify::selected", G_CALLBACK (score_selected_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->rubric_group), row);
      self->score_rows[d] = row;
    }
}

static void
style_dark_cb (PlanoReportView *self)
{
  update_pictures (self);
}

static void
plano_report_view_dispose (GObject *object)
{
  PlanoReportView *self = (PlanoReportView *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->interview != NULL)
    g_signal_handlers_disconnect_by_data (self->interview, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLANO_TYPE_REPORT_VIEW);

  g_clear_pointer (&self->report, plano_report_free);
  g_clear_object (&self->interview);
  g_clear_object (&self->board);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (plano_report_view_parent_class)->dispose (object);
}

static void
plano_report_view_finalize (GObject *object)
{
  PlanoReportView *self = (PlanoReportView *)object;

  g_free (self->history_path);

  G_OBJECT_CLASS (plano_report_view_parent_class)->finalize (object);
}

static void
plano_report_view_class_init (PlanoReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  plano_a11y_init ();
  object_class->dispose = plano_report_view_dispose;
  object_class->finalize = plano_report_view_finalize;

  /**
   * PlanoReportView::practise:
   * @question: the id of the question to practise next
   */
  signals [PRACTISE] =
    g_signal_new ("practise", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * PlanoReportView::open-solution:
   * @question: the id of the question whose reference solution is asked for
   */
  signals [OPEN_SOLUTION] =
    g_signal_new ("open-solution", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * PlanoReportView::recorded:
   *
   * The session was added to the progress history.
   */
  signals [RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/planoboard/Plano/plano-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, heading);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, subheading);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, coverage_value);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, coverage_caption);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, time_value);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, time_caption);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, hints_value);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, hints_caption);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, practice_row);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, practise_button);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, record_button);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, export_button);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, rubric_group);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, level_row);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, must_group);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, must_list);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, time_list);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, review_list);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, compare_group);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, pictures_box);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, board_picture);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, solution_picture);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, solution_button);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, hints_group);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, hints_list);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, follow_group);
  gtk_widget_class_bind_template_child (widget_class, PlanoReportView, follow_list);
  gtk_widget_class_bind_template_callback (widget_class, practise_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, level_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, solution_clicked_cb);

  gtk_widget_class_install_action (widget_class, "report.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
plano_report_view_init (PlanoReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  plano_toolbar_view_adopt_overlay_child (self->toast_overlay);
  plano_a11y_add_announcer (self->toast_overlay);
  build_rubric_rows (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);
}

/**
 * plano_report_view_new:
 * @interview: a finished session
 * @board: the board as the session left it
 * @history: (nullable) (element-type JsonNode): the sessions recorded so far
 * @history_path: where "Record in Progress" appends the session
 *
 * Returns: (transfer floating): the feedback on @interview, in a window of its own
 */
GtkWidget *
plano_report_view_new (PlanoInterview *interview,
                       PlanoBoard     *board,
                       GPtrArray      *history,
                       const char     *history_path)
{
  PlanoReportView *self;

  g_return_val_if_fail (PLANO_IS_INTERVIEW (interview), NULL);
  g_return_val_if_fail (PLANO_IS_BOARD (board), NULL);

  self = g_object_new (PLANO_TYPE_REPORT_VIEW, NULL);
  self->interview = g_object_ref (interview);
  self->board = g_object_ref (board);
  self->history = history != NULL ? g_ptr_array_ref (history) : NULL;
  self->history_path = g_strdup (history_path);
  g_signal_connect_object (interview, "changed", G_CALLBACK (interview_changed_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
  update_pictures (self);

  return GTK_WIDGET (self);
}

PlanoInterview *
plano_report_view_get_interview (PlanoReportView *self)
{
  g_return_val_if_fail (PLANO_IS_REPORT_VIEW (self), NULL);

  return self->interview;
}

/**
 * plano_report_view_get_report:
 *
 * Returns: (transfer none): the report as the view shows it now
 */
PlanoReport *
plano_report_view_get_report (PlanoReportView *self)
{
  g_return_val_if_fail (PLANO_IS_REPORT_VIEW (self), NULL);

  return self->report;
}

gboolean
plano_report_view_get_recorded (PlanoReportView *self)
{
  g_return_val_if_fail (PLANO_IS_REPORT_VIEW (self), FALSE);

  return self->recorded;
}

/**
 * plano_report_view_set_recorded:
 *
 * Says whether the session is already in the progress history, which "Record in Progress"
 * would add it to.
 */
void
plano_report_view_set_recorded (PlanoReportView *self,
                                gboolean         recorded)
{
  g_return_if_fail (PLANO_IS_REPORT_VIEW (self));

  if (self->recorded == !!recorded)
    return;

  self->recorded = !!recorded;
  update_summary (self);
}

/**
 * plano_report_view_record:
 *
 * Adds the session, with its confirmed scores, to the progress history.
 *
 * Returns: %FALSE with @error when the history could not be written
 */
gboolean
plano_report_view_record (PlanoReportView  *self,
                          GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonNode) entry = NULL;

  g_return_val_if_fail (PLANO_IS_REPORT_VIEW (self), FALSE);
  g_return_val_if_fail (self->history_path != NULL, FALSE);

  if (self->refresh_source != 0)
    refresh (self);

  entry = plano_report_to_history_entry (self->report, plano_board_get_title (self->board), now);
  if (!plano_interview_history_append (self->history_path, entry, error))
    return FALSE;

  plano_report_view_set_recorded (self, TRUE);
  g_signal_emit (self, signals[RECORDED], 0);

  return TRUE;
}

/**
 * plano_report_view_export:
 * @format: %PLANO_EXPORT_MARKDOWN or %PLANO_EXPORT_SHEET
 *
 * Writes the study notes of the board with this feedback in them.
 */
gboolean
plano_report_view_export (PlanoReportView    *self,
                          const char         *path,
                          PlanoExportFormat   format,
                          GError            **error)
{
  PlanoExportOptions options = { format, 1, FALSE, PLANO_THEME_LIGHT, NULL };
  g_autoptr(JsonNode) record = NULL;

  g_return_val_if_fail (PLANO_IS_REPORT_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The notes read the session from the board's record, which is otherwise brought up to date
   * when the board is saved. */
  record = plano_interview_to_json (self->interview);
  plano_board_set_interview (self->board, record);

  return plano_export_to_file (self->board, path, &options, error);
}

/**
 * plano_report_view_get_part:
 * @name: "scroller", "heading", "coverage", "coverage-caption", "time", "hints", "practice",
 *   "practise", "record", "level", "score-N" (a rubric dimension), "must-haves", "steps",
 *   "findings", "compare", "solution", "hints-list" or "follow-ups"
 *
 * Returns: (transfer none) (nullable): that part of the view, for tests
 */
GtkWidget *
plano_report_view_get_part (PlanoReportView *self,
                            const char      *name)
{
  static const struct
  {
    const char *name;
    gsize       offset;
  } parts[] = {
    { "scroller", G_STRUCT_OFFSET (PlanoReportView, scroller) },
    { "heading", G_STRUCT_OFFSET (PlanoReportView, heading) },
    { "coverage", G_STRUCT_OFFSET (PlanoReportView, coverage_value) },
    { "coverage-caption", G_STRUCT_OFFSET (PlanoReportView, coverage_caption) },
    { "time", G_STRUCT_OFFSET (PlanoReportView, time_value) },
    { "hints", G_STRUCT_OFFSET (PlanoReportView, hints_value) },
    { "practice", G_STRUCT_OFFSET (PlanoReportView, practice_row) },
    { "practise", G_STRUCT_OFFSET (PlanoReportView, practise_button) },
    { "record", G_STRUCT_OFFSET (PlanoReportView, record_button) },
    { "level", G_STRUCT_OFFSET (PlanoReportView, level_row) },
    { "must-haves", G_STRUCT_OFFSET (PlanoReportView, must_list) },
    { "steps", G_STRUCT_OFFSET (PlanoReportView, time_list) },
    { "findings", G_STRUCT_OFFSET (PlanoReportView, review_list) },
    { "compare", G_STRUCT_OFFSET (PlanoReportView, compare_group) },
    { "solution", G_STRUCT_OFFSET (PlanoReportView, solution_button) },
    { "hints-list", G_STRUCT_OFFSET (PlanoReportView, hints_list) },
    { "follow-ups", G_STRUCT_OFFSET (PlanoReportView, follow_list) },
  };

  g_return_val_if_fail (PLANO_IS_REPORT_VIEW (self), NULL);

  if (g_str_has_prefix (name, "score-"))
    return self->score_rows[CLAMP (atoi (name + 6), 0, PLANO_RUBRIC_N_DIMENSIONS - 1)];

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, parts[i].offset);

  return NULL;
}
