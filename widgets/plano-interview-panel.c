/* plano-interview-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-interview-panel"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plano-interview-panel.h"
#include "plano-question.h"

/* The mock interview beside the canvas: the question, a large countdown for the current step
 * and the total, the controls, each step's checklist, hint and notes, the curveballs, the
 * self-assessment at the end, a chart of planned against spent time with a replay slider, and
 * the progress over past sessions. The session's clock is the interview's; this panel only
 * looks at it, a few times a second while it runs, whether the panel is shown or not.
 */

#define UPDATE_INTERVAL_MS 250

struct _PlanoInterviewPanel
{
  GtkWidget       parent_instance;

  PlanoInterview *interview;
  PlanoCanvas    *canvas;
  guint           timer;
  guint           inhibit_cookie;
  gboolean        updating;
  char           *history_path;
  gboolean        recorded;

  GtkWidget      *question_row;
  GtkWidget      *prompt_row;
  GtkWidget      *brief;
  GtkWidget      *step_label;
  GtkWidget      *countdown;
  GtkWidget      *status_label;
  GtkWidget      *total_label;
  GtkWidget      *progress;
  GtkWidget      *controls;
  GtkWidget      *start_button;
  GtkWidget      *previous_button;
  GtkWidget      *next_button;
  GtkWidget      *finish_button;
  GtkWidget      *reset_button;
  GtkWidget      *auto_switch;
  GtkWidget      *curveball_button;
  GtkWidget      *curveball_group;
  GPtrArray      *curveball_rows;
  GtkWidget      *step_rows[PLANO_INTERVIEW_N_STEPS];
  GtkWidget      *checks[PLANO_INTERVIEW_N_STEPS][5];
  GtkWidget      *hint_rows[PLANO_INTERVIEW_N_STEPS];
  GtkWidget      *notes[PLANO_INTERVIEW_N_STEPS];
  GtkWidget      *scroller;
  int             show_notes;       /* the step whose notes show_step() scrolls to */
  guint           show_notes_tick;
  guint           show_notes_tries;
  GtkWidget      *rubric_group;
  GtkWidget      *score_rows[PLANO_INTERVIEW_N_MASTERY];
  GtkWidget      *score_label;
  GtkWidget      *record_button;
  GtkWidget      *timeline;
  GtkWidget      *replay_scale;
  GtkWidget      *replay_label;
  GtkWidget      *progress_chart;
  GtkWidget      *progress_caption;
  GPtrArray      *history;    /* of JsonNode, the progress chart's sessions */
  gboolean        sound;
  GtkWidget      *content;  /* what scrolls below the countdown, built when first shown */
  gboolean        built;
};

G_DEFINE_FINAL_TYPE (PlanoInterviewPanel, plano_interview_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SOUND,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void update_timer              (PlanoInterviewPanel *self);
static void show_question             (PlanoInterviewPanel *self);
static void plano_interview_panel_map (GtkWidget           *widget);

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static const char *
step_title (int step)
{
  return _(plano_interview_get_steps ()[step].title);
}

static GtkWindow *
get_window (PlanoInterviewPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Keeps the system awake while a session runs. */
static void
update_inhibit (PlanoInterviewPanel *self)
{
  GtkWindow *window = get_window (self);
  GtkApplication *app = window != NULL ? gtk_window_get_application (window) : NULL;
  gboolean running = self->interview != NULL &&
                     plano_interview_get_state (self->interview) == PLANO_INTERVIEW_RUNNING;

  if (running && self->inhibit_cookie == 0 && app != NULL)
    self->inhibit_cookie = gtk_application_inhibit (app, window,
                                                    GTK_APPLICATION_INHIBIT_IDLE | GTK_APPLICATION_INHIBIT_SUSPEND,
                                                    _("A mock interview is running"));
  else if (!running && self->inhibit_cookie != 0 && app != NULL)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
step_ended_cb (PlanoInterviewPanel *self,
               int                  step)
{
  GtkWindow *window = get_window (self);
  GApplication *app = window != NULL ? G_APPLICATION (gtk_window_get_application (window)) : NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  /* The desktop's alert sound, which follows the user's sound settings. */
  if (self->sound)
    gdk_display_beep (gtk_widget_get_display (GTK_WIDGET (self)));

  /* In the window the countdown already says so. */
  if (app == NULL || window == NULL || gtk_window_is_active (window))
    return;

  /* TRANSLATORS: a notification; %s is a step such as "Requirements" */
  title = g_strdup_printf (_("Time is up for %s"), step_title (step));
  if (step + 1 < PLANO_INTERVIEW_N_STEPS)
    body = g_strdup_printf (_("Next: %s"), step_title (step + 1));
  else
    body = g_strdup (_("That was the last step: finish and score yourself."));

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_application_send_notification (app, "interview-step", notification);
}

/* Charts */

static void
set_color (cairo_t    *cr,
           guint32     rgb,
           double      alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

/* Chart text: the widget's font at a smaller size, so it follows the user's font settings. */
static PangoLayout *
chart_layout (GtkWidget  *widget,
              const char *text,
              double      max_width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

/* Draws @text with its left edge at @x, centred on @y; returns its width. */
static int
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      alpha,
           double      max_width)
{
  PangoLayout *layout = chart_layout (widget, text, max_width);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  set_color (cr, is_dark () ? 0xffffff : 0x000000, alpha);
  cairo_move_to (cr, x, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);

  return w;
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  PangoLayout *layout = chart_layout (widget, text, -1);
  int w;

  pango_layout_get_pixel_size (layout, &w, NULL);
  g_object_unref (layout);

  return w;
}

/* Planned against spent time per step: a grey bar for the plan, the accent colour for the time
 * spent within it and the warning colour for overtime, with the time spent after the bar.
 * Step names take what they need, up to 40 % of the width, and are shortened beyond that.
 */
static void
draw_timeline (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  PlanoInterviewPanel *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  double max = 1;
  double row = height / (double) PLANO_INTERVIEW_N_STEPS;
  double names = 0;
  double left, bar_w;

  if (self->interview == NULL)
    return;

  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      max = MAX (max, MAX (plano_interview_get_planned (self->interview, i), plano_interview_get_spent (self->interview, i)));
      names = MAX (names, text_width (widget, step_title (i)));
    }
  names = MIN (names, width * 0.4);
  left = names + 8;
  bar_w = MAX (width - left - text_width (widget, "00:00") - 8, 10);

  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      double planned = plano_interview_get_planned (self->interview, i);
      double spent = plano_interview_get_spent (self->interview, i);
      double y = i * row + row * 0.2;
      double h = row * 0.6;
      g_autofree char *time = plano_interview_format_time (spent);

      draw_text (widget, cr, step_title (i), 0, y + h / 2, 0.7, names);

      set_color (cr, is_dark () ? 0xffffff : 0x000000, 0.12);
      cairo_rectangle (cr, left, y, bar_w * planned / max, h);
      cairo_fill (cr);

      set_color (cr, is_dark () ? 0x78aeed : 0x3584e4, 1);
      cairo_rectangle (cr, left, y, bar_w * MIN (spent, planned) / max, h);
      cairo_fill (cr);

      if (spent > planned)
        {
          set_color (cr, is_dark () ? 0xffa348 : 0xc64600, 1);
          cairo_rectangle (cr, left + bar_w * planned / max, y, bar_w * (spent - planned) / max, h);
          cairo_fill (cr);
        }

      if (spent > 0)
        draw_text (widget, cr, time, left + bar_w * MAX (spent, planned) / max + 4, y + h / 2, 0.7, -1);
    }
}

/* Past sessions: the score out of 30 as a line, overtime in minutes as bars. */
static void
draw_progress (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  PlanoInterviewPanel *self = user_data;
  guint n = self->history != NULL ? self->history->len : 0;
  double top = 6, bottom = height - 16;
  double max_overtime = 1;

  if (n == 0)
    return;

  set_color (cr, is_dark () ? 0xffffff : 0x000000, 0.12);
  cairo_rectangle (cr, 0, bottom, width, 1);
  cairo_fill (cr);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *entry = json_node_get_object (g_ptr_array_index (self->history, i));

      max_overtime = MAX (max_overtime, json_object_get_double_member_with_default (entry, "overtime", 0) / 60);
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *entry = json_node_get_object (g_ptr_array_index (self->history, i));
      double x = n == 1 ? width / 2.0 : 8 + (width - 16) * i / (double) (n - 1);
      double overtime = json_object_get_double_member_with_default (entry, "overtime", 0) / 60;
      double h = (bottom - top) * 0.4 * overtime / max_overtime;

      set_color (cr, is_dark () ? 0xffa348 : 0xc64600, 0.6);
      cairo_rectangle (cr, x - 3, bottom - h, 6, h);
      cairo_fill (cr);
    }

  set_color (cr, is_dark () ? 0x78aeed : 0x3584e4, 1);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *entry = json_node_get_object (g_ptr_array_index (self->history, i));
      double x = n == 1 ? width / 2.0 : 8 + (width - 16) * i / (double) (n - 1);
      double max = MAX (json_object_get_double_member_with_default (entry, "max_score", 30), 1);
      double y = bottom - (bottom - top) * json_object_get_double_member_with_default (entry, "score", 0) / max;

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *entry = json_node_get_object (g_ptr_array_index (self->history, i));
      double x = n == 1 ? width / 2.0 : 8 + (width - 16) * i / (double) (n - 1);
      double max = MAX (json_object_get_double_member_with_default (entry, "max_score", 30), 1);
      double y = bottom - (bottom - top) * json_object_get_double_member_with_default (entry, "score", 0) / max;

      cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  draw_text (GTK_WIDGET (area), cr, _("Oldest"), 0, bottom + 8, 0.55, -1);
  draw_text (GTK_WIDGET (area), cr, _("Latest"), width - text_width (GTK_WIDGET (area), _("Latest")),
             bottom + 8, 0.55, -1);
}

static void
load_history (PlanoInterviewPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *caption = NULL;

  if (!self->built)
    return;

  g_clear_pointer (&self->history, g_ptr_array_unref);
  self->history = plano_interview_history_load (self->history_path, &error);
  if (self->history == NULL)
    {
      g_warning ("Could not read the interview history %s: %s", self->history_path, error->message);
      self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
    }

  if (self->history->len == 0)
    caption = g_strdup (_("Finish a session and record your score to see your progress here."));
  else
    {
      JsonObject *last = json_node_get_object (g_ptr_array_index (self->history, self->history->len - 1));

      /* TRANSLATORS: below the progress chart: "3 sessions; the last scored 21 of 30" */
      caption = g_strdup_printf (ngettext ("%u session; the last scored %d of %d. The line is the score, the bars are overtime.",
                                           "%u sessions; the last scored %d of %d. The line is the score, the bars are overtime.",
                                           self->history->len),
                                 self->history->len,
                                 (int) json_object_get_int_member_with_default (last, "score", 0),
                                 (int) json_object_get_int_member_with_default (last, "max_score", 30));
    }

  gtk_label_set_label (GTK_LABEL (self->progress_caption), caption);
  gtk_widget_set_visible (self->progress_chart, self->history->len > 0);
  gtk_widget_queue_draw (self->progress_chart);
}

/* Updating */

static void
update_brief (PlanoInterviewPanel *self)
{
  const PlanoQuestion *question = plano_interview_lookup_question (plano_interview_get_question (self->interview));
  g_autoptr(GString) text = g_string_new (NULL);

  if (!self->built)
    return;

  gtk_widget_set_visible (self->prompt_row, question == NULL);

  if (question == NULL)
    {
      gtk_widget_set_visible (self->brief, FALSE);
      return;
    }

  g_string_append_printf (text, "%s\n\n• %s\n• %s\n• %s\n• %s\n\n%s",
                          _(question->prompt), _(question->users), _(question->events),
                          _(question->volume), _(question->retention), _(question->constraints));
  gtk_label_set_label (GTK_LABEL (self->brief), text->str);
  gtk_widget_set_visible (self->brief, TRUE);
}

/**
 * plano_interview_panel_update:
 *
 * Shows the session as it is now: the countdown, the total, the buttons, the checklists.
 */
void
plano_interview_panel_update (PlanoInterviewPanel *self)
{
  PlanoInterviewState state;
  int step;
  double remaining, total, planned;
  g_autofree char *countdown = NULL;
  g_autofree char *step_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *spent_text = NULL;
  g_autofree char *planned_text = NULL;
  const char *status = NULL;
  guint n_frames;

  g_return_if_fail (PLANO_IS_INTERVIEW_PANEL (self));

  if (self->interview == NULL)
    return;

  self->updating = TRUE;

  state = plano_interview_get_state (self->interview);
  step = plano_interview_get_step (self->interview);
  remaining = plano_interview_get_remaining (self->interview, step);
  total = plano_interview_get_total_spent (self->interview);
  planned = plano_interview_get_total_planned (self->interview);

  /* TRANSLATORS: above the countdown: "Step 2 of 6 · Capacity estimation" */
  step_text = g_strdup_printf (_("Step %d of %d · %s"), step + 1, PLANO_INTERVIEW_N_STEPS, step_title (step));
  gtk_label_set_label (GTK_LABEL (self->step_label), state == PLANO_INTERVIEW_FINISHED ? _("Finished") : step_text);

  countdown = plano_interview_format_time (state == PLANO_INTERVIEW_FINISHED ? total : remaining);
  gtk_label_set_label (GTK_LABEL (self->countdown), countdown);

  if (state != PLANO_INTERVIEW_FINISHED && remaining <= PLANO_INTERVIEW_WARNING_S && state != PLANO_INTERVIEW_IDLE)
    gtk_widget_add_css_class (self->countdown, "warning");
  else
    gtk_widget_remove_css_class (self->countdown, "warning");

  if (state == PLANO_INTERVIEW_IDLE)
    status = _("Ready when you are");
  else if (state == PLANO_INTERVIEW_FINISHED)
    status = _("Total time");
  else if (remaining < 0)
    status = _("Overtime");
  else if (state == PLANO_INTERVIEW_PAUSED)
    status = _("Paused");
  else if (remaining <= PLANO_INTERVIEW_WARNING_S)
    status = _("Less than a minute left");
  else
    status = _("Left in this step");
  gtk_label_set_label (GTK_LABEL (self->status_label), status);
  if (remaining < 0 && state != PLANO_INTERVIEW_FINISHED)
    gtk_widget_add_css_class (self->status_label, "warning");
  else
    gtk_widget_remove_css_class (self->status_label, "warning");

  spent_text = plano_interview_format_time (total);
  planned_text = plano_interview_format_time (planned);
  /* TRANSLATORS: "Total 12:30 of 50:00" */
  total_text = g_strdup_printf (_("Total %s of %s"), spent_text, planned_text);
  gtk_label_set_label (GTK_LABEL (self->total_label), total_text);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), planned > 0 ? MIN (total / planned, 1) : 0);

  gtk_button_set_label (GTK_BUTTON (self->start_button),
                        state == PLANO_INTERVIEW_RUNNING ? _("_Pause") :
                        state == PLANO_INTERVIEW_PAUSED ? _("_Resume") : _("_Start"));
  /* A finished session has nothing to start or move through; Reset begins a new one. */
  gtk_widget_set_visible (self->controls, state != PLANO_INTERVIEW_FINISHED);
  gtk_widget_set_visible (self->finish_button, state != PLANO_INTERVIEW_FINISHED);
  gtk_widget_set_sensitive (self->previous_button, (state == PLANO_INTERVIEW_RUNNING || state == PLANO_INTERVIEW_PAUSED) && step > 0);
  gtk_widget_set_sensitive (self->next_button, state == PLANO_INTERVIEW_RUNNING || state == PLANO_INTERVIEW_PAUSED);
  gtk_widget_set_sensitive (self->finish_button, state == PLANO_INTERVIEW_RUNNING || state == PLANO_INTERVIEW_PAUSED);
  gtk_widget_set_sensitive (self->reset_button, state != PLANO_INTERVIEW_IDLE);

  if (!self->built)
    {
      self->updating = FALSE;
      return;
    }

  gtk_widget_set_sensitive (self->curveball_button, state == PLANO_INTERVIEW_RUNNING || state == PLANO_INTERVIEW_PAUSED);
  gtk_widget_set_sensitive (self->question_row, state == PLANO_INTERVIEW_IDLE);
  gtk_widget_set_sensitive (self->prompt_row, state == PLANO_INTERVIEW_IDLE);
  gtk_switch_set_active (GTK_SWITCH (self->auto_switch), plano_interview_get_auto_advance (self->interview));

  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      g_autofree char *spent = plano_interview_format_time (plano_interview_get_spent (self->interview, i));
      g_autofree char *plan = plano_interview_format_time (plano_interview_get_planned (self->interview, i));
      g_autofree char *subtitle = g_strdup_printf ("%s / %s", spent, plan);
      const char *notes = plano_interview_get_notes (self->interview, i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes[i]));
      g_autofree char *shown = NULL;
      GtkTextIter start, end;

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->step_rows[i]), subtitle);
      if (plano_interview_get_overtime (self->interview, i) > 0)
        gtk_widget_add_css_class (self->step_rows[i], "plano-overtime");
      else
        gtk_widget_remove_css_class (self->step_rows[i], "plano-overtime");

      for (guint c = 0; c < 5 && self->checks[i][c] != NULL; c++)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->checks[i][c]),
                                     plano_interview_get_checked (self->interview, i, c));

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (!gtk_widget_has_focus (self->notes[i]) && g_strcmp0 (shown, notes != NULL ? notes : "") != 0)
        gtk_text_buffer_set_text (buffer, notes != NULL ? notes : "", -1);
    }

  gtk_widget_set_visible (self->rubric_group, state == PLANO_INTERVIEW_FINISHED);
  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->score_rows[i]),
                                (guint) (plano_interview_get_score (self->interview, i) + 1));
  {
    /* TRANSLATORS: the self-assessment's total */
    g_autofree char *score = g_strdup_printf (_("Score: %d of %d"),
                                              plano_interview_get_rubric_total (self->interview),
                                              PLANO_INTERVIEW_N_MASTERY * 3);

    gtk_label_set_label (GTK_LABEL (self->score_label), score);
  }
  gtk_widget_set_sensitive (self->record_button, !self->recorded);

  n_frames = plano_interview_get_n_frames (self->interview);
  gtk_range_set_range (GTK_RANGE (self->replay_scale), 0, MAX (n_frames, 1));
  gtk_widget_set_sensitive (self->replay_scale, n_frames > 0);
  if (self->canvas == NULL || plano_canvas_get_preview (self->canvas) == NULL)
    gtk_range_set_value (GTK_RANGE (self->replay_scale), n_frames);
  gtk_widget_queue_draw (self->timeline);

  self->updating = FALSE;
}

static void
rebuild_curveballs (PlanoInterviewPanel *self)
{
  guint n = plano_interview_get_n_curveballs_drawn (self->interview);

  if (!self->built)
    return;

  for (guint i = 0; i < self->curveball_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->curveball_group),
                                  g_ptr_array_index (self->curveball_rows, i));
  g_ptr_array_set_size (self->curveball_rows, 0);

  /* The latest first. */
  for (guint i = n; i > 0; i--)
    {
      int step;
      double at;
      const PlanoCurveball *curveball = plano_interview_get_curveball_drawn (self->interview, i - 1, &step, &at);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (_(curveball->title), -1);
      g_autofree char *description = g_markup_escape_text (_(curveball->description), -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->curveball_group), row);
      g_ptr_array_add (self->curveball_rows, row);
    }

  gtk_widget_set_visible (self->curveball_group, n > 0);
}

static void
interview_changed_cb (PlanoInterviewPanel *self)
{
  if (plano_interview_get_state (self->interview) == PLANO_INTERVIEW_IDLE)
    self->recorded = FALSE;

  update_brief (self);
  rebuild_curveballs (self);
  plano_interview_panel_update (self);
  update_timer (self);
  update_inhibit (self);
}

static gboolean
timer_cb (gpointer user_data)
{
  PlanoInterviewPanel *self = user_data;

  plano_interview_tick (self->interview);
  plano_interview_panel_update (self);

  return G_SOURCE_CONTINUE;
}

static void
update_timer (PlanoInterviewPanel *self)
{
  gboolean running = self->interview != NULL &&
                     plano_interview_get_state (self->interview) == PLANO_INTERVIEW_RUNNING;

  if (running && self->timer == 0)
    self->timer = g_timeout_add (UPDATE_INTERVAL_MS, timer_cb, self);
  else if (!running)
    g_clear_handle_id (&self->timer, g_source_remove);
}

/* Controls */

static void
start_clicked_cb (PlanoInterviewPanel *self)
{
  switch (plano_interview_get_state (self->interview))
    {
    case PLANO_INTERVIEW_IDLE:
      plano_interview_start (self->interview, self->canvas != NULL ? plano_canvas_get_board (self->canvas) : NULL);
      break;
    case PLANO_INTERVIEW_RUNNING:
      plano_interview_pause (self->interview);
      break;
    case PLANO_INTERVIEW_PAUSED:
      plano_interview_resume (self->interview);
      break;
    case PLANO_INTERVIEW_FINISHED:
    default:
      break;
    }
}

static void
previous_clicked_cb (PlanoInterviewPanel *self)
{
  plano_interview_previous (self->interview);
}

static void
next_clicked_cb (PlanoInterviewPanel *self)
{
  plano_interview_next (self->interview);
}

static void
finish_clicked_cb (PlanoInterviewPanel *self)
{
  plano_interview_finish (self->interview);
}

static void
reset_session (PlanoInterviewPanel *self)
{
  if (self->canvas != NULL)
    plano_canvas_set_preview (self->canvas, NULL);
  plano_interview_reset (self->interview);
}

static void
reset_response_cb (GtkWidget           *question,
                   const char          *response,
                   PlanoInterviewPanel *self)
{
  if (g_str_equal (response, "clear") && self->interview != NULL)
    reset_session (self);
}

/* Times, notes, ticks and scores are work: clearing them is confirmed first. Sessions already
 * recorded in the progress history are not touched. */
static void
reset_clicked_cb (PlanoInterviewPanel *self)
{
  static const PlanoResponse responses[] = {
    { "cancel", N_("_Cancel") },
    { "clear", N_("C_lear"), ADW_RESPONSE_DESTRUCTIVE },
  };

  if (plano_interview_is_blank (self->interview))
    {
      reset_session (self);
      return;
    }

  plano_question_present (GTK_WIDGET (self), _("Clear This Session?"),
                          _("Its times, notes, ticked items and scores will be lost. "
                            "Sessions recorded in Progress stay."),
                          responses, G_N_ELEMENTS (responses), "cancel", "cancel",
                          G_CALLBACK (reset_response_cb), self);
}

static void
curveball_clicked_cb (PlanoInterviewPanel *self)
{
  plano_interview_draw_curveball (self->interview, g_random_int ());
}

static void
auto_advance_cb (PlanoInterviewPanel *self)
{
  if (!self->updating)
    plano_interview_set_auto_advance (self->interview, gtk_switch_get_active (GTK_SWITCH (self->auto_switch)));
}

/* The question list shows whole titles, with a check on the chosen one; the row itself
 * shortens the chosen title. */
static void
question_item_setup_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
question_item_update_check (GtkListItem *item,
                            GParamSpec  *pspec,
                            AdwComboRow *row)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected (row) == gtk_list_item_get_position (item) ? 1 : 0);
}

static void
question_item_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       AdwComboRow              *row)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (string));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (question_item_update_check), item,
                           G_CONNECT_SWAPPED);
  question_item_update_check (item, NULL, row);
}

static void
question_item_unbind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, question_item_update_check, item);
}

static void
question_selected_cb (PlanoInterviewPanel *self)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self->question_row));
  const PlanoQuestion *questions = plano_interview_get_questions (NULL);

  if (self->updating || self->interview == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  plano_interview_set_question (self->interview, position == 0 ? NULL : questions[position - 1].id);
}

static void
prompt_changed_cb (PlanoInterviewPanel *self)
{
  if (!self->updating && self->interview != NULL)
    plano_interview_set_prompt (self->interview, gtk_editable_get_text (GTK_EDITABLE (self->prompt_row)));
}

static void
check_toggled_cb (GtkCheckButton      *check,
                  PlanoInterviewPanel *self)
{
  if (self->updating || self->interview == NULL)
    return;

  plano_interview_set_checked (self->interview,
                               GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "step")),
                               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "item")),
                               gtk_check_button_get_active (check));
}

static void
notes_changed_cb (GtkTextBuffer       *buffer,
                  PlanoInterviewPanel *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating || self->interview == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  plano_interview_set_notes (self->interview, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (buffer), "step")), text);
}

static void
score_selected_cb (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   PlanoInterviewPanel *self)
{
  if (self->updating || self->interview == NULL)
    return;

  plano_interview_set_score (self->interview, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "item")),
                             (int) adw_combo_row_get_selected (row) - 1);
}

static void
record_clicked_cb (PlanoInterviewPanel *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(GError) error = NULL;
  PlanoBoard *board = self->canvas != NULL ? plano_canvas_get_board (self->canvas) : NULL;

  entry = plano_interview_to_history_entry (self->interview, board != NULL ? plano_board_get_title (board) : NULL, now);
  if (!plano_interview_history_append (self->history_path, entry, &error))
    {
      g_warning ("Could not record the session in %s: %s", self->history_path, error->message);
      gtk_label_set_label (GTK_LABEL (self->progress_caption), error->message);
      return;
    }

  self->recorded = TRUE;
  load_history (self);
  plano_interview_panel_update (self);
}

static void
replay_changed_cb (PlanoInterviewPanel *self)
{
  guint n = plano_interview_get_n_frames (self->interview);
  guint position = (guint) round (gtk_range_get_value (GTK_RANGE (self->replay_scale)));
  g_autofree char *text = NULL;

  if (self->updating || self->canvas == NULL)
    return;

  if (position >= n)
    {
      plano_canvas_set_preview (self->canvas, NULL);
      text = g_strdup (_("The board as it is now"));
    }
  else
    {
      g_autoptr(PlanoBoard) replay = plano_interview_build_replay (self->interview, position);
      double at = 0;
      int step = 0;
      g_autofree char *time = NULL;

      plano_canvas_set_preview (self->canvas, replay);
      if (position > 0)
        {
          plano_interview_get_frame (self->interview, position - 1, &at, &step, NULL);
          time = plano_interview_format_time (at);
          /* TRANSLATORS: the replay's position: "Change 12 of 40 · 14:03 · Detailed design" */
          text = g_strdup_printf (_("Change %u of %u · %s · %s"), position, n, time, step_title (step));
        }
      else
        text = g_strdup (_("The board when the session started"));
    }

  gtk_label_set_label (GTK_LABEL (self->replay_label), text);
}

/* Building */

static GtkWidget *
add_group (GtkWidget  *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);

  return group;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

static void
build_timer (PlanoInterviewPanel *self,
             GtkWidget           *box)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *more = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "plano-timer");

  self->step_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->step_label, "heading");
  gtk_box_append (GTK_BOX (card), self->step_label);

  self->countdown = gtk_label_new ("5:00");
  gtk_widget_add_css_class (self->countdown, "plano-countdown");
  gtk_widget_add_css_class (self->countdown, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Time left in this step"), -1);
  gtk_box_append (GTK_BOX (card), self->countdown);

  self->status_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->status_label, "dim-label");
  gtk_box_append (GTK_BOX (card), self->status_label);

  self->progress = gtk_progress_bar_new ();
  gtk_widget_set_margin_top (self->progress, 6);
  gtk_box_append (GTK_BOX (card), self->progress);

  self->total_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->total_label, "caption");
  gtk_widget_add_css_class (self->total_label, "numeric");
  gtk_box_append (GTK_BOX (card), self->total_label);

  self->controls = controls;
  gtk_widget_set_halign (controls, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (controls, 6);
  self->previous_button = icon_button ("go-previous-symbolic", _("Previous Step"));
  g_signal_connect_swapped (self->previous_button, "clicked", G_CALLBACK (previous_clicked_cb), self);
  gtk_box_append (GTK_BOX (controls), self->previous_button);

  self->start_button = gtk_button_new_with_mnemonic (_("_Start"));
  gtk_widget_add_css_class (self->start_button, "pill");
  gtk_widget_add_css_class (self->start_button, "suggested-action");
  g_signal_connect_swapped (self->start_button, "clicked", G_CALLBACK (start_clicked_cb), self);
  gtk_box_append (GTK_BOX (controls), self->start_button);

  self->next_button = icon_button ("go-next-symbolic", _("Next Step"));
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_box_append (GTK_BOX (controls), self->next_button);
  gtk_box_append (GTK_BOX (card), controls);

  gtk_widget_set_halign (more, GTK_ALIGN_CENTER);
  self->finish_button = gtk_button_new_with_mnemonic (_("_Finish"));
  gtk_widget_add_css_class (self->finish_button, "flat");
  g_signal_connect_swapped (self->finish_button, "clicked", G_CALLBACK (finish_clicked_cb), self);
  gtk_box_append (GTK_BOX (more), self->finish_button);
  self->reset_button = gtk_button_new_with_mnemonic (_("Rese_t"));
  gtk_widget_add_css_class (self->reset_button, "flat");
  gtk_widget_set_tooltip_text (self->reset_button, _("Clear the times, notes, checklists and scores"));
  g_signal_connect_swapped (self->reset_button, "clicked", G_CALLBACK (reset_clicked_cb), self);
  gtk_box_append (GTK_BOX (more), self->reset_button);
  gtk_box_append (GTK_BOX (card), more);

  gtk_box_append (GTK_BOX (box), card);
}

static void
build_steps (PlanoInterviewPanel *self,
             GtkWidget           *box)
{
  GtkWidget *group = add_group (box, _("Steps"), NULL);
  const PlanoInterviewStep *steps = plano_interview_get_steps ();

  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *notes_row = gtk_list_box_row_new ();
      GtkWidget *frame = gtk_frame_new (NULL);
      g_autofree char *title = g_strdup_printf ("%d. %s", i + 1, step_title (i));
      GtkTextBuffer *buffer;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      self->step_rows[i] = row;

      for (guint c = 0; c < 5 && steps[i].checklist[c] != NULL; c++)
        {
          GtkWidget *item = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), _(steps[i].checklist[c]));
          adw_action_row_set_title_lines (ADW_ACTION_ROW (item), 0);
          adw_action_row_add_prefix (ADW_ACTION_ROW (item), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (item), check);
          g_object_set_data (G_OBJECT (check), "step", GINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (check), "item", GUINT_TO_POINTER (c));
          g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item);
          self->checks[i][c] = check;
        }

      self->hint_rows[i] = adw_action_row_new ();
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->hint_rows[i]), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (self->hint_rows[i]),
                                 gtk_image_new_from_icon_name ("dialog-information-symbolic"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), self->hint_rows[i]);

      self->notes[i] = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->notes[i]), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->notes[i]), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->notes[i]), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->notes[i]), 10);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->notes[i]), 10);
      gtk_widget_set_size_request (self->notes[i], -1, 80);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Notes"), -1);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes[i]));
      g_object_set_data (G_OBJECT (buffer), "step", GINT_TO_POINTER (i));
      g_signal_connect (buffer, "changed", G_CALLBACK (notes_changed_cb), self);
      gtk_frame_set_child (GTK_FRAME (frame), self->notes[i]);
      gtk_widget_set_margin_start (frame, 12);
      gtk_widget_set_margin_end (frame, 12);
      gtk_widget_set_margin_top (frame, 6);
      gtk_widget_set_margin_bottom (frame, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (notes_row), frame);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (notes_row), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), notes_row);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
update_hints (PlanoInterviewPanel *self)
{
  const PlanoQuestion *question = self->interview != NULL ?
                                  plano_interview_lookup_question (plano_interview_get_question (self->interview)) : NULL;

  if (!self->built)
    return;

  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      gtk_widget_set_visible (self->hint_rows[i], question != NULL);
      if (question != NULL)
        {
          g_autofree char *hint = g_markup_escape_text (_(question->hints[i]), -1);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hint_rows[i]), _("Hint"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->hint_rows[i]), hint);
        }
    }
}

static void
build_rubric (PlanoInterviewPanel *self,
              GtkWidget           *box)
{
  const char * const *items = plano_interview_get_mastery_items ();
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->rubric_group = add_group (box, _("Self-Assessment"),
                                  _("Score each skill from 0 (not yet) to 3 (confidently), as you did it today."));

  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    {
      const char *choices[] = { _("Not scored"), "0", "1", "2", "3", NULL };
      g_autoptr(GtkStringList) model = gtk_string_list_new (choices);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(items[i]));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      g_object_set_data (G_OBJECT (row), "item", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (score_selected_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->rubric_group), row);
      self->score_rows[i] = row;
    }

  gtk_widget_set_margin_top (footer, 12);
  self->score_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->score_label, "heading");
  gtk_widget_set_hexpand (self->score_label, TRUE);
  gtk_widget_set_halign (self->score_label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (footer), self->score_label);
  self->record_button = gtk_button_new_with_mnemonic (_("_Record in Progress"));
  gtk_widget_add_css_class (self->record_button, "suggested-action");
  g_signal_connect_swapped (self->record_button, "clicked", G_CALLBACK (record_clicked_cb), self);
  gtk_box_append (GTK_BOX (footer), self->record_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->rubric_group), footer);
}

static void
plano_interview_panel_dispose (GObject *object)
{
  PlanoInterviewPanel *self = (PlanoInterviewPanel *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->show_notes_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->show_notes_tick);
  self->show_notes_tick = 0;
  if (self->inhibit_cookie != 0)
    {
      GtkWindow *window = get_window (self);

      if (window != NULL && gtk_window_get_application (window) != NULL)
        gtk_application_uninhibit (gtk_window_get_application (window), self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
  if (self->interview != NULL)
    g_signal_handlers_disconnect_by_data (self->interview, self);
  g_clear_object (&self->interview);
  g_clear_object (&self->canvas);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plano_interview_panel_parent_class)->dispose (object);
}

static void
plano_interview_panel_finalize (GObject *object)
{
  PlanoInterviewPanel *self = (PlanoInterviewPanel *)object;

  g_free (self->history_path);
  g_ptr_array_unref (self->curveball_rows);

  G_OBJECT_CLASS (plano_interview_panel_parent_class)->finalize (object);
}

static void
plano_interview_panel_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlanoInterviewPanel *self = PLANO_INTERVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_SOUND:
      g_value_set_boolean (value, self->sound);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plano_interview_panel_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlanoInterviewPanel *self = PLANO_INTERVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_SOUND:
      if (self->sound != g_value_get_boolean (value))
        {
          self->sound = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plano_interview_panel_class_init (PlanoInterviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plano_interview_panel_dispose;
  object_class->finalize = plano_interview_panel_finalize;
  object_class->get_property = plano_interview_panel_get_property;
  object_class->set_property = plano_interview_panel_set_property;
  widget_class->map = plano_interview_panel_map;

  /**
   * PlanoInterviewPanel:sound:
   *
   * Whether the end of a step's time plays the desktop's alert sound.
   */
  properties [PROP_SOUND] =
    g_param_spec_boolean ("sound", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planointerviewpanel");
}

/* Everything below the countdown: the question, the session's options, the steps with their
 * checklists and notes, the self-assessment, the timeline and past sessions. Some 800 widgets,
 * built when the panel is first shown rather than with every window. */
static void
ensure_built (PlanoInterviewPanel *self)
{
  GtkWidget *box = self->content;
  GtkWidget *group;
  GtkWidget *row;
  g_autoptr(GtkStringList) titles = NULL;
  guint n_questions;
  const PlanoQuestion *questions = plano_interview_get_questions (&n_questions);
  GtkWidget *replay_box;
  GtkListItemFactory *factory;

  if (self->built)
    return;

  titles = gtk_string_list_new (NULL);
  replay_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  /* The question */
  group = add_group (box, _("Question"), NULL);
  gtk_string_list_append (titles, _("Your Own Question"));
  for (guint i = 0; i < n_questions; i++)
    gtk_string_list_append (titles, _(questions[i].title));
  self->question_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->question_row), _("Question"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->question_row), G_LIST_MODEL (titles));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (question_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (question_item_bind_cb), self->question_row);
  g_signal_connect (factory, "unbind", G_CALLBACK (question_item_unbind_cb), self->question_row);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (self->question_row), factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->question_row, "notify::selected", G_CALLBACK (question_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->question_row);
  self->prompt_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->prompt_row), _("What you were asked"));
  g_signal_connect_swapped (self->prompt_row, "changed", G_CALLBACK (prompt_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->prompt_row);
  self->brief = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->brief), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->brief), 0);
  gtk_label_set_selectable (GTK_LABEL (self->brief), TRUE);
  gtk_widget_set_margin_top (self->brief, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->brief);

  /* Session options */
  group = add_group (box, _("Session"), NULL);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Move On When Time Is Up"));
  self->auto_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->auto_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->auto_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->auto_switch);
  g_signal_connect_swapped (self->auto_switch, "notify::active", G_CALLBACK (auto_advance_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Curveball"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("A requirement changes mid-session, as interviewers do"));
  self->curveball_button = gtk_button_new_with_mnemonic (_("_Draw"));
  gtk_widget_set_valign (self->curveball_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->curveball_button, "clicked", G_CALLBACK (curveball_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->curveball_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->curveball_group = add_group (box, _("Curveballs"), NULL);
  gtk_widget_set_visible (self->curveball_group, FALSE);

  build_steps (self, box);
  build_rubric (self, box);

  /* Timeline and replay */
  group = add_group (box, _("Timeline"), _("Grey is the time planned for each step, blue the time spent, orange the overtime. The slider replays the board."));
  self->timeline = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->timeline), 150);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->timeline), draw_timeline, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timeline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Planned and spent time per step"), -1);
  gtk_box_append (GTK_BOX (replay_box), self->timeline);
  self->replay_scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 1, 1);
  gtk_scale_set_draw_value (GTK_SCALE (self->replay_scale), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->replay_scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Replay"), -1);
  g_signal_connect_swapped (self->replay_scale, "value-changed", G_CALLBACK (replay_changed_cb), self);
  gtk_box_append (GTK_BOX (replay_box), self->replay_scale);
  self->replay_label = gtk_label_new (_("The board as it is now"));
  gtk_widget_add_css_class (self->replay_label, "caption");
  gtk_widget_add_css_class (self->replay_label, "dim-label");
  gtk_box_append (GTK_BOX (replay_box), self->replay_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), replay_box);

  /* Progress over past sessions */
  group = add_group (box, _("Your Progress"), NULL);
  self->progress_chart = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->progress_chart), 110);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->progress_chart), draw_progress, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Score and overtime of past sessions"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->progress_chart);
  self->progress_caption = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->progress_caption), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->progress_caption), 0);
  gtk_widget_add_css_class (self->progress_caption, "caption");
  gtk_widget_add_css_class (self->progress_caption, "dim-label");
  gtk_widget_set_margin_top (self->progress_caption, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->progress_caption);

  self->built = TRUE;
  load_history (self);
  show_question (self);
  update_hints (self);
  interview_changed_cb (self);
}

static void
plano_interview_panel_map (GtkWidget *widget)
{
  ensure_built (PLANO_INTERVIEW_PANEL (widget));

  GTK_WIDGET_CLASS (plano_interview_panel_parent_class)->map (widget);
}

static void
plano_interview_panel_init (PlanoInterviewPanel *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *timer_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->sound = TRUE;
  self->history_path = g_build_filename (g_get_user_data_dir (), "plano", "history.jsonl", NULL);
  self->curveball_rows = g_ptr_array_new ();

  /* The countdown stays in view above everything that scrolls. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_margin_start (timer_box, 12);
  gtk_widget_set_margin_end (timer_box, 12);
  gtk_widget_set_margin_top (timer_box, 12);
  gtk_widget_set_margin_bottom (timer_box, 6);
  build_timer (self, timer_box);
  gtk_widget_set_parent (timer_box, GTK_WIDGET (self));

  self->scroller = scroller;
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);

  self->content = box;

  plano_interview_panel_set_interview (self, NULL);
}

GtkWidget *
plano_interview_panel_new (void)
{
  return g_object_new (PLANO_TYPE_INTERVIEW_PANEL, NULL);
}

PlanoInterview *
plano_interview_panel_get_interview (PlanoInterviewPanel *self)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW_PANEL (self), NULL);

  return self->interview;
}

/* The session's question and prompt in their rows. */
static void
show_question (PlanoInterviewPanel *self)
{
  guint n_questions;
  const PlanoQuestion *questions = plano_interview_get_questions (&n_questions);
  const char *prompt = plano_interview_get_prompt (self->interview);
  guint position = 0;

  if (!self->built)
    return;

  for (guint i = 0; i < n_questions; i++)
    if (g_strcmp0 (questions[i].id, plano_interview_get_question (self->interview)) == 0)
      position = i + 1;

  self->updating = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->question_row), position);
  gtk_editable_set_text (GTK_EDITABLE (self->prompt_row), prompt != NULL ? prompt : "");
  self->updating = FALSE;
}

/**
 * plano_interview_panel_set_interview:
 * @interview: (nullable): the session to show; %NULL for a new one
 */
void
plano_interview_panel_set_interview (PlanoInterviewPanel *self,
                                     PlanoInterview      *interview)
{
  g_autoptr(PlanoInterview) fresh = NULL;

  g_return_if_fail (PLANO_IS_INTERVIEW_PANEL (self));

  if (interview == NULL)
    interview = fresh = plano_interview_new ();

  if (self->interview != NULL)
    g_signal_handlers_disconnect_by_data (self->interview, self);
  g_set_object (&self->interview, interview);
  self->recorded = plano_interview_get_state (interview) == PLANO_INTERVIEW_FINISHED;

  g_signal_connect_swapped (interview, "changed", G_CALLBACK (interview_changed_cb), self);
  g_signal_connect_swapped (interview, "changed", G_CALLBACK (update_hints), self);
  g_signal_connect_swapped (interview, "step-ended", G_CALLBACK (step_ended_cb), self);

  show_question (self);

  if (self->canvas != NULL)
    plano_canvas_set_preview (self->canvas, NULL);

  update_hints (self);
  interview_changed_cb (self);
}

void
plano_interview_panel_set_canvas (PlanoInterviewPanel *self,
                                  PlanoCanvas         *canvas)
{
  g_return_if_fail (PLANO_IS_INTERVIEW_PANEL (self));

  g_set_object (&self->canvas, canvas);
}

/**
 * plano_interview_panel_set_history_path:
 * @path: where finished sessions are recorded, instead of the user's data folder
 */
void
plano_interview_panel_set_history_path (PlanoInterviewPanel *self,
                                        const char          *path)
{
  g_return_if_fail (PLANO_IS_INTERVIEW_PANEL (self));

  g_free (self->history_path);
  self->history_path = g_strdup (path);
  load_history (self);
}

/**
 * plano_interview_panel_get_part:
 * @name: "countdown", "status", "total", "start", "next", "previous", "finish", "reset",
 *   "replay", "record", "rubric", "progress-caption", "notes-N" or "step-N"
 *
 * Returns: (transfer none) (nullable): that part of the panel, for tests
 */
GtkWidget *
plano_interview_panel_get_part (PlanoInterviewPanel *self,
                                const char          *name)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW_PANEL (self), NULL);

  ensure_built (self);

  if (g_str_equal (name, "countdown"))
    return self->countdown;
  if (g_str_equal (name, "status"))
    return self->status_label;
  if (g_str_equal (name, "step"))
    return self->step_label;
  if (g_str_equal (name, "total"))
    return self->total_label;
  if (g_str_equal (name, "start"))
    return self->start_button;
  if (g_str_equal (name, "next"))
    return self->next_button;
  if (g_str_equal (name, "previous"))
    return self->previous_button;
  if (g_str_equal (name, "finish"))
    return self->finish_button;
  if (g_str_equal (name, "reset"))
    return self->reset_button;
  if (g_str_equal (name, "replay"))
    return self->replay_scale;
  if (g_str_equal (name, "record"))
    return self->record_button;
  if (g_str_equal (name, "rubric"))
    return self->rubric_group;
  if (g_str_equal (name, "progress-caption"))
    return self->progress_caption;
  if (g_str_equal (name, "question"))
    return self->question_row;
  if (g_str_has_prefix (name, "notes-"))
    return self->notes[CLAMP (atoi (name + 6), 0, PLANO_INTERVIEW_N_STEPS - 1)];
  if (g_str_has_prefix (name, "score-"))
    return self->score_rows[CLAMP (atoi (name + 6), 0, PLANO_INTERVIEW_N_MASTERY - 1)];
  if (g_str_has_prefix (name, "step-"))
    return self->step_rows[CLAMP (atoi (name + 5), 0, PLANO_INTERVIEW_N_STEPS - 1)];

  return NULL;
}

/* Scrolls the panel so that @self->show_notes is in view, once the panel has its size: it may
 * have been hidden a moment ago. */
static gboolean
scroll_to_notes_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  PlanoInterviewPanel *self = PLANO_INTERVIEW_PANEL (widget);
  GtkWidget *notes = self->notes[self->show_notes];
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;

  /* Wait for a size, but not for ever: a panel hidden again at once never gets one. */
  if (!gtk_widget_compute_bounds (notes, content, &bounds) || bounds.size.height <= 1)
    {
      if (++self->show_notes_tries < 60)
        return G_SOURCE_CONTINUE;
      self->show_notes_tick = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_clamp_page (adjustment, bounds.origin.y - 60, bounds.origin.y + bounds.size.height + 12);
  self->show_notes_tick = 0;
  return G_SOURCE_REMOVE;
}

/**
 * plano_interview_panel_show_step:
 *
 * Opens @step's row, scrolls to its notes and puts the cursor at their end, so text just added
 * there is in view and the user can go on typing.
 */
void
plano_interview_panel_show_step (PlanoInterviewPanel *self,
                                 int                  step)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (PLANO_IS_INTERVIEW_PANEL (self));
  g_return_if_fail (step >= 0 && step < PLANO_INTERVIEW_N_STEPS);

  ensure_built (self);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->step_rows[step]), TRUE);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes[step]));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (self->notes[step]);

  self->show_notes = step;
  self->show_notes_tries = 0;
  if (self->show_notes_tick == 0)
    self->show_notes_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_notes_cb, NULL, NULL);
}
