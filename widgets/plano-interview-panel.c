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

#include "plano-a11y.h"
#include "plano-interview-panel.h"
#include "plano-progress-view.h"
#include "plano-report-view.h"
#include "plano-question.h"

/* The mock interview beside the canvas: the question, a large countdown for the current step
 * and the total, the controls, each step's checklist, notes and hint (hidden until asked for),
 * the curveballs, the follow-up questions of the last steps, a chart of planned against spent
 * time with a replay slider, and a way to Your Progress. At Finish the feedback opens in a
 * window of its own (PlanoReportView); a card at the top keeps it one click away. The
 * session's clock is the interview's; this panel only looks at it, a few times a second while
 * it runs, whether the panel is shown or not.
 */

#define UPDATE_INTERVAL_MS 250

/* The follow-up questions open with the fifth step, scalability and reliability. */
#define FOLLOW_UP_STEP 4

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
  GtkWidget      *hint_buttons[PLANO_INTERVIEW_N_STEPS];
  GtkWidget      *notes[PLANO_INTERVIEW_N_STEPS];
  GtkWidget      *scroller;
  GtkWidget      *scroll_target;    /* what the next frame scrolls into view */
  guint           scroll_tick;
  guint           scroll_tries;
  GtkWidget      *follow_group;
  GtkWidget      *follow_rows[PLANO_GUIDE_MAX_FOLLOW_UPS];
  GtkWidget      *follow_questions[PLANO_GUIDE_MAX_FOLLOW_UPS];
  GtkWidget      *follow_answers[PLANO_GUIDE_MAX_FOLLOW_UPS];
  GtkWidget      *model_buttons[PLANO_GUIDE_MAX_FOLLOW_UPS];
  GtkWidget      *model_revealers[PLANO_GUIDE_MAX_FOLLOW_UPS];
  GtkWidget      *model_labels[PLANO_GUIDE_MAX_FOLLOW_UPS];
  GtkWidget      *finished_card;
  GtkWidget      *finished_label;
  GtkWidget      *feedback_button;
  GtkWidget      *solution_row;
  GtkWidget      *solution_button;
  GtkWidget      *timeline;
  GtkWidget      *replay_scale;
  GtkWidget      *replay_label;
  GtkWidget      *progress_row;
  GPtrArray      *history;    /* of JsonNode, the sessions recorded so far */
  GtkWidget      *report_view;    /* the feedback window, while open */
  GtkWidget      *progress_view;  /* Your Progress, while open */
  PlanoInterviewState last_state;  /* to tell when the session has just finished */
  int             last_step;      /* the step last announced */
  int             warned_step;    /* the step whose last minute was announced, or -1 */
  char           *countdown_name; /* the countdown as a screen reader says it */
  guint           n_curveballs;   /* curveballs already announced */
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
static void update_follow_ups         (PlanoInterviewPanel *self);
static void show_question             (PlanoInterviewPanel *self);
static void plano_interview_panel_map (GtkWidget           *widget);
static void scroll_into_view          (PlanoInterviewPanel *self,
                                       GtkWidget           *target);
static void open_report               (PlanoInterviewPanel *self);
static void ensure_built              (PlanoInterviewPanel *self);

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
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

/* Says @text in a toast of the window, and scrolls @target into view: what changes the session
 * (a curveball, the end of a step) must not go unnoticed below the fold. */
static void
announce (PlanoInterviewPanel *self,
          const char          *text,
          GtkWidget           *target)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (text);

      /* The latest news first: an earlier toast waits its turn behind it. */
      adw_toast_set_timeout (toast, 6);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      plano_a11y_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }

  if (target != NULL && self->built)
    scroll_into_view (self, target);
}

/* "6 minutes 28 seconds", as a screen reader says a time; the countdown shows "6:28". */
static char *
spoken_time (double seconds)
{
  int total = (int) (fabs (seconds) + 0.5);
  int minutes = total / 60;
  int secs = total % 60;
  g_autofree char *m = g_strdup_printf (ngettext ("%d minute", "%d minutes", minutes), minutes);
  g_autofree char *sec = g_strdup_printf (ngettext ("%d second", "%d seconds", secs), secs);

  if (minutes == 0)
    return g_steal_pointer (&sec);
  if (secs == 0)
    return g_steal_pointer (&m);
  /* TRANSLATORS: a time said aloud: "6 minutes 28 seconds" */
  return g_strdup_printf (C_("spoken time", "%s %s"), m, sec);
}

/* "6 minutes 28 seconds left in High-level design", or over it in overtime. */
static char *
countdown_text (PlanoInterview *interview)
{
  int step = plano_interview_get_step (interview);
  double remaining = plano_interview_get_remaining (interview, step);
  g_autofree char *time = NULL;

  if (plano_interview_get_state (interview) == PLANO_INTERVIEW_FINISHED)
    {
      time = spoken_time (plano_interview_get_total_spent (interview));
      /* TRANSLATORS: the countdown of a finished session, said aloud */
      return g_strdup_printf (_("Total time %s"), time);
    }

  time = spoken_time (remaining);
  if (remaining < 0)
    /* TRANSLATORS: the countdown said aloud in overtime: "2 minutes 5 seconds over in
     * High-level design" */
    return g_strdup_printf (_("%s over in %s"), time, step_title (step));

  /* TRANSLATORS: the countdown said aloud: "6 minutes 28 seconds left in High-level design" */
  return g_strdup_printf (_("%s left in %s"), time, step_title (step));
}

/* Says @text to screen readers only: what the countdown and the step show already. */
static void
say (PlanoInterviewPanel *self,
     const char          *text)
{
  plano_a11y_announce (GTK_WIDGET (self), text);
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
  g_autofree char *toast = NULL;
  gboolean moves_on = plano_interview_get_auto_advance (self->interview) && step + 1 < PLANO_INTERVIEW_N_STEPS;

  /* The desktop's alert sound, which follows the user's sound settings. */
  if (self->sound)
    gdk_display_beep (gtk_widget_get_display (GTK_WIDGET (self)));

  /* TRANSLATORS: a notification; %s is a step such as "Requirements" */
  title = g_strdup_printf (_("Time is up for %s"), step_title (step));
  if (moves_on)
    /* TRANSLATORS: a toast when a step's time ends and the session moves on: "Time is up for
     * Requirements: on to Capacity estimation" */
    toast = g_strdup_printf (_("Time is up for %s: on to %s"), step_title (step), step_title (step + 1));
  announce (self, toast != NULL ? toast : title, self->built ? self->step_rows[moves_on ? step + 1 : step] : NULL);
  /* The toast said where the session goes: the step change is not said again. */
  if (moves_on)
    self->last_step = step + 1;

  /* In the window the toast says so. */
  if (app == NULL || window == NULL || gtk_window_is_active (window))
    return;

  if (step + 1 < PLANO_INTERVIEW_N_STEPS)
    body = g_strdup_printf (_("Next: %s"), step_title (step + 1));
  else
    body = g_strdup (_("That was the last step: finish to see your feedback."));

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

/* What a step's bar says in text: "6:20 / 10:00", and "12:05 / 10:00 +2:05" in overtime. */
static char *
timeline_text (PlanoInterview *interview,
               int             step)
{
  double planned = plano_interview_get_planned (interview, step);
  double spent = plano_interview_get_spent (interview, step);
  g_autofree char *spent_text = plano_interview_format_time (spent);
  g_autofree char *planned_text = plano_interview_format_time (planned);

  if (spent > planned)
    {
      g_autofree char *over = plano_interview_format_time (spent - planned);

      return g_strdup_printf ("%s / %s +%s", spent_text, planned_text, over);
    }

  return g_strdup_printf ("%s / %s", spent_text, planned_text);
}

/* Diagonal stripes over @x, @y, @w, @h: overtime is told by its pattern as well as its
 * colour. */
static void
fill_striped (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_line_width (cr, 2);
  for (double d = -h; d < w + h; d += 6)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Planned against spent time per step: an outlined bar for the plan, a solid bar in the accent
 * colour for the time spent within it and a striped bar in the error colour for overtime, with
 * the times written after the bars ("12:05 / 10:00 +2:05"), so that no colour carries a meaning
 * alone. Step names take what they need, up to 40 % of the width, and are shortened beyond
 * that.
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
  double times = 0;
  double left, bar_w;
  guint32 ink = is_dark () ? 0xffffff : 0x000000;

  if (self->interview == NULL)
    return;

  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      g_autofree char *text = timeline_text (self->interview, i);

      max = MAX (max, MAX (plano_interview_get_planned (self->interview, i), plano_interview_get_spent (self->interview, i)));
      names = MAX (names, text_width (widget, step_title (i)));
      times = MAX (times, text_width (widget, text));
    }
  names = MIN (names, width * 0.4);
  left = names + 8;
  bar_w = MAX (width - left - times - 8, 10);

  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      double planned = plano_interview_get_planned (self->interview, i);
      double spent = plano_interview_get_spent (self->interview, i);
      double y = i * row + row * 0.2;
      double h = row * 0.6;
      g_autofree char *text = timeline_text (self->interview, i);

      draw_text (widget, cr, step_title (i), 0, y + h / 2, 0.7, names);

      set_color (cr, ink, 0.08);
      cairo_rectangle (cr, left, y, bar_w * planned / max, h);
      cairo_fill (cr);
      set_color (cr, ink, 0.55);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, left + 0.5, y + 0.5, MAX (bar_w * planned / max - 1, 0), h - 1);
      cairo_stroke (cr);

      set_color (cr, is_dark () ? 0x78aeed : 0x3584e4, 1);
      cairo_rectangle (cr, left, y, bar_w * MIN (spent, planned) / max, h);
      cairo_fill (cr);

      if (spent > planned)
        {
          double x = left + bar_w * planned / max;
          double w = bar_w * (spent - planned) / max;

          set_color (cr, is_dark () ? 0xff7b63 : 0xc01c28, 0.35);
          cairo_rectangle (cr, x, y, w, h);
          cairo_fill (cr);
          set_color (cr, is_dark () ? 0xff7b63 : 0xc01c28, 1);
          fill_striped (cr, x, y, w, h);
        }

      draw_text (widget, cr, text, left + bar_w * MAX (spent, planned) / max + 4, y + h / 2, 0.8, -1);
    }
}

/* The timeline in words, for screen readers: each step's name and times. */
static void
update_timeline_description (PlanoInterviewPanel *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      g_autofree char *spent = spoken_time (plano_interview_get_spent (self->interview, i));
      g_autofree char *planned = spoken_time (plano_interview_get_planned (self->interview, i));

      if (text->len > 0)
        g_string_append (text, "; ");
      /* TRANSLATORS: one step of the timeline, said aloud: "Requirements and scope: 6 minutes
       * spent of 5 minutes" */
      g_string_append_printf (text, _("%s: %s spent of %s"), step_title (i), spent, planned);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timeline), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
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
    caption = g_strdup (_("No sessions recorded yet; the mastery checklist of the course is there too"));
  else
    /* TRANSLATORS: below "Your Progress" in the interview panel */
    caption = g_strdup_printf (ngettext ("%u session recorded: your rubric scores over time, what you miss most",
                                         "%u sessions recorded: your rubric scores over time, what you miss most",
                                         self->history->len),
                               self->history->len);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->progress_row), caption);
  if (self->progress_view != NULL)
    plano_progress_view_reload (PLANO_PROGRESS_VIEW (self->progress_view));
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
  gboolean overtime, last_minute;

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

  /* The last minute in amber, overtime in red: two colours a glance tells apart. */
  overtime = state != PLANO_INTERVIEW_FINISHED && state != PLANO_INTERVIEW_IDLE && remaining < 0;
  last_minute = state != PLANO_INTERVIEW_FINISHED && state != PLANO_INTERVIEW_IDLE && !overtime &&
                remaining <= PLANO_INTERVIEW_WARNING_S;
  set_css_class (self->countdown, "warning", last_minute);
  set_css_class (self->countdown, "error", overtime);

  /* The countdown's name is what it shows in words, with the step it counts. */
  {
    g_autofree char *name = countdown_text (self->interview);

    if (g_strcmp0 (name, self->countdown_name) != 0)
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
        g_free (self->countdown_name);
        self->countdown_name = g_steal_pointer (&name);
      }
  }

  /* The last minute is said once, as it turns amber. */
  if (state == PLANO_INTERVIEW_RUNNING && last_minute && self->warned_step != step)
    {
      /* TRANSLATORS: said by the screen reader: "One minute left in Requirements and scope" */
      g_autofree char *text = g_strdup_printf (_("One minute left in %s"), step_title (step));

      self->warned_step = step;
      say (self, text);
    }

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
  set_css_class (self->status_label, "warning", last_minute);
  set_css_class (self->status_label, "error", overtime);

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
  gtk_widget_set_visible (self->finished_card, state == PLANO_INTERVIEW_FINISHED);

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
      set_css_class (self->step_rows[i], "plano-overtime", plano_interview_get_overtime (self->interview, i) > 0);

      for (guint c = 0; c < 5 && self->checks[i][c] != NULL; c++)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->checks[i][c]),
                                     plano_interview_get_checked (self->interview, i, c));

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (!gtk_widget_has_focus (self->notes[i]) && g_strcmp0 (shown, notes != NULL ? notes : "") != 0)
        gtk_text_buffer_set_text (buffer, notes != NULL ? notes : "", -1);
    }

  update_follow_ups (self);

  n_frames = plano_interview_get_n_frames (self->interview);
  gtk_range_set_range (GTK_RANGE (self->replay_scale), 0, MAX (n_frames, 1));
  gtk_widget_set_sensitive (self->replay_scale, n_frames > 0);
  if (self->canvas == NULL || plano_canvas_get_preview (self->canvas) == NULL)
    gtk_range_set_value (GTK_RANGE (self->replay_scale), n_frames);
  gtk_widget_queue_draw (self->timeline);
  update_timeline_description (self);

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

/* "Session finished", and how much of what the question asks for the board shows. */
static void
update_finished (PlanoInterviewPanel *self)
{
  PlanoBoard *board = self->canvas != NULL ? plano_canvas_get_board (self->canvas) : NULL;
  const char *question = plano_interview_get_question (self->interview);
  g_autoptr(PlanoGrade) grade = NULL;
  g_autofree char *text = NULL;

  if (plano_interview_get_state (self->interview) != PLANO_INTERVIEW_FINISHED)
    return;

  if (board != NULL && plano_guide_lookup (question) != NULL)
    grade = plano_grade_new (board, question, NULL, NULL);

  if (grade != NULL)
    /* TRANSLATORS: in the card at the top of a finished session: "Coverage: 5 of 7 must-haves" */
    text = g_strdup_printf (_("Coverage: %u of %u must-haves"), plano_grade_get_n_covered (grade),
                            plano_grade_get_n_items (grade));
  else
    {
      g_autofree char *spent = plano_interview_format_time (plano_interview_get_total_spent (self->interview));

      /* TRANSLATORS: in the card at the top of a finished session: "Total time 48:10" */
      text = g_strdup_printf (_("Total time %s"), spent);
    }
  gtk_label_set_label (GTK_LABEL (self->finished_label), text);
}

static void
interview_changed_cb (PlanoInterviewPanel *self)
{
  PlanoInterviewState state = plano_interview_get_state (self->interview);
  PlanoInterviewState before = self->last_state;
  guint n_curveballs = plano_interview_get_n_curveballs_drawn (self->interview);

  self->last_state = state;
  if (state == PLANO_INTERVIEW_IDLE)
    self->recorded = FALSE;

  /* Starting, pausing, resuming and each step change are said; the toasts say the rest. */
  {
    int step = plano_interview_get_step (self->interview);
    g_autofree char *where = countdown_text (self->interview);
    g_autofree char *text = NULL;

    if (state == PLANO_INTERVIEW_RUNNING && before == PLANO_INTERVIEW_IDLE)
      /* TRANSLATORS: said by the screen reader; %s is "5 minutes left in Requirements and scope" */
      text = g_strdup_printf (_("Interview started: %s"), where);
    else if (state == PLANO_INTERVIEW_RUNNING && before == PLANO_INTERVIEW_PAUSED)
      /* TRANSLATORS: said by the screen reader; %s is "3 minutes left in Requirements and scope" */
      text = g_strdup_printf (_("Interview resumed: %s"), where);
    else if (state == PLANO_INTERVIEW_PAUSED && before == PLANO_INTERVIEW_RUNNING)
      /* TRANSLATORS: said by the screen reader; %s is "3 minutes left in Requirements and scope" */
      text = g_strdup_printf (_("Interview paused: %s"), where);
    else if ((state == PLANO_INTERVIEW_RUNNING || state == PLANO_INTERVIEW_PAUSED) &&
             step != self->last_step)
      {
        g_autofree char *planned = spoken_time (plano_interview_get_planned (self->interview, step));

        /* TRANSLATORS: said by the screen reader: "Step 3 of 6: High-level design, 10 minutes" */
        text = g_strdup_printf (_("Step %d of %d: %s, %s"), step + 1, PLANO_INTERVIEW_N_STEPS,
                                step_title (step), planned);
      }
    if (before == PLANO_INTERVIEW_IDLE)
      self->warned_step = -1;
    self->last_step = step;
    if (text != NULL)
      say (self, text);
  }

  update_brief (self);
  rebuild_curveballs (self);
  plano_interview_panel_update (self);
  update_finished (self);
  update_timer (self);
  update_inhibit (self);

  /* A curveball changes the requirements: it says so, and shows itself. */
  if (n_curveballs > self->n_curveballs)
    {
      const PlanoCurveball *curveball = plano_interview_get_curveball_drawn (self->interview, n_curveballs - 1, NULL, NULL);
      /* TRANSLATORS: a toast; %s is a curveball such as "Traffic grows 10×" */
      g_autofree char *text = g_strdup_printf (_("Curveball: %s"), _(curveball->title));

      announce (self, text, self->curveball_group);
    }
  self->n_curveballs = n_curveballs;

  /* The feedback is what a session is for: it opens in view as the session ends. */
  if (state == PLANO_INTERVIEW_FINISHED && (before == PLANO_INTERVIEW_RUNNING || before == PLANO_INTERVIEW_PAUSED))
    open_report (self);
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
  if (self->report_view != NULL)
    gtk_window_destroy (GTK_WINDOW (self->report_view));
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
hint_clicked_cb (GtkButton           *button,
                 PlanoInterviewPanel *self)
{
  plano_interview_reveal_hint (self->interview, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step")));
}

static void
answer_changed_cb (GtkTextBuffer       *buffer,
                   PlanoInterviewPanel *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;

  if (self->updating || self->interview == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* An answer of spaces alone is no answer, and does not open the model answer. */
  stripped = g_strstrip (g_strdup (text));
  plano_interview_set_answer (self->interview, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "index")),
                              stripped[0] != '\0' ? text : NULL);
}

static void
model_clicked_cb (GtkButton           *button,
                  PlanoInterviewPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (plano_interview_get_answer (self->interview, index) == NULL)
    return;

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->model_revealers[index]), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (button), FALSE);
}

static void
feedback_clicked_cb (PlanoInterviewPanel *self)
{
  open_report (self);
}

/* The reference solution */

static void
open_solution (PlanoInterviewPanel *self)
{
  const char *question = plano_interview_get_question (self->interview);

  if (question != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.open-solution", "s", question);
}

static void
solution_response_cb (GtkWidget           *question,
                      const char          *response,
                      PlanoInterviewPanel *self)
{
  if (g_str_equal (response, "open") && self->interview != NULL)
    open_solution (self);
}

/* A worked answer spoils the practice when it is seen first: before the session ends, it
 * opens only after a warning. */
static void
solution_clicked_cb (PlanoInterviewPanel *self)
{
  static const PlanoResponse responses[] = {
    { "cancel", N_("_Cancel") },
    { "open", N_("_Open Anyway"), ADW_RESPONSE_DESTRUCTIVE },
  };

  if (plano_interview_get_state (self->interview) == PLANO_INTERVIEW_FINISHED)
    {
      open_solution (self);
      return;
    }

  plano_question_present (GTK_WIDGET (self), _("Open the Reference Solution?"),
                          _("It shows a strong answer to this question. Seen before you have designed your own, it spoils the practice."),
                          responses, G_N_ELEMENTS (responses), "cancel", "cancel",
                          G_CALLBACK (solution_response_cb), self);
}

static void
update_solution (PlanoInterviewPanel *self)
{
  g_autoptr(GBytes) source = NULL;
  const char *question = plano_interview_get_question (self->interview);

  if (!self->built)
    return;

  source = question != NULL ? plano_solution_get_source (question) : NULL;
  gtk_widget_set_visible (self->solution_row, question != NULL);
  gtk_widget_set_sensitive (self->solution_button, source != NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->solution_row),
                               source != NULL ? _("A strong answer to compare yours with, best opened after the session")
                                              : _("Not written yet for this question"));
}

/* The feedback and Your Progress */

static PlanoBoard *
get_board (PlanoInterviewPanel *self)
{
  return self->canvas != NULL ? plano_canvas_get_board (self->canvas) : NULL;
}

/* Adds the finished session, with the scores the report proposes or the candidate confirmed,
 * to the progress history. */
static gboolean
record_session (PlanoInterviewPanel  *self,
                GError              **error)
{
  g_autoptr(PlanoBoard) empty = NULL;
  PlanoBoard *board = get_board (self);
  g_autoptr(PlanoReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonNode) entry = NULL;

  if (board == NULL)
    board = empty = plano_board_new ();
  report = plano_report_new (self->interview, board, self->history);
  entry = plano_report_to_history_entry (report, plano_board_get_title (board), now);
  if (!plano_interview_history_append (self->history_path, entry, error))
    return FALSE;

  self->recorded = TRUE;
  load_history (self);
  return TRUE;
}

static void
report_recorded_cb (PlanoInterviewPanel *self)
{
  self->recorded = TRUE;
  load_history (self);
}

static void
practise_requested_cb (PlanoInterviewPanel *self,
                       const char          *question)
{
  /* In a window, the window takes it: it may need a board and the panel shown. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.practise", "s", question))
    plano_interview_panel_practise (self, question);
}

static void
open_solution_requested_cb (PlanoInterviewPanel *self,
                            const char          *question)
{
  if (g_strcmp0 (question, plano_interview_get_question (self->interview)) == 0)
    open_solution (self);
}

static void
open_report (PlanoInterviewPanel *self)
{
  g_autoptr(PlanoBoard) empty = NULL;
  PlanoBoard *board = get_board (self);
  GtkWidget *view;

  if (self->report_view != NULL &&
      plano_report_view_get_interview (PLANO_REPORT_VIEW (self->report_view)) == self->interview)
    {
      gtk_window_present (GTK_WINDOW (self->report_view));
      return;
    }
  if (self->report_view != NULL)
    gtk_window_destroy (GTK_WINDOW (self->report_view));

  ensure_built (self);
  if (board == NULL)
    board = empty = plano_board_new ();

  view = plano_report_view_new (self->interview, board, self->history, self->history_path);
  plano_report_view_set_recorded (PLANO_REPORT_VIEW (view), self->recorded);
  gtk_window_set_transient_for (GTK_WINDOW (view), get_window (self));
  g_signal_connect_object (view, "practise", G_CALLBACK (practise_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "open-solution", G_CALLBACK (open_solution_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "recorded", G_CALLBACK (report_recorded_cb), self, G_CONNECT_SWAPPED);
  self->report_view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->report_view);
  gtk_window_present (GTK_WINDOW (view));
}

static void
close_report (PlanoInterviewPanel *self)
{
  if (self->report_view != NULL)
    gtk_window_destroy (GTK_WINDOW (self->report_view));
}

static void
start_practice (PlanoInterviewPanel *self,
                const char          *question)
{
  const PlanoQuestion *info = plano_interview_lookup_question (question);
  g_autofree char *text = NULL;

  close_report (self);
  reset_session (self);
  plano_interview_set_question (self->interview, question);

  /* TRANSLATORS: a toast; %s is a question such as "Clickstream analytics" */
  text = g_strdup_printf (_("Next question: %s. Start when you are ready."), info != NULL ? _(info->title) : question);
  announce (self, text, self->built ? self->question_row : NULL);
}

static void
practise_response_cb (GtkWidget           *dialog,
                      const char          *response,
                      PlanoInterviewPanel *self)
{
  const char *question = g_object_get_data (G_OBJECT (dialog), "question");
  g_autoptr(GError) error = NULL;

  if (self->interview == NULL)
    return;

  if (g_str_equal (response, "record"))
    {
      if (!record_session (self, &error))
        {
          /* TRANSLATORS: a toast; %s says why */
          g_autofree char *message = g_strdup_printf (_("Could not record the session: %s"), error->message);

          announce (self, message, NULL);
          return;
        }
      start_practice (self, question);
    }
  else if (g_str_equal (response, "discard"))
    start_practice (self, question);
}

/**
 * plano_interview_panel_practise:
 * @question: a question's id
 *
 * Sets @question on a new session, ready to start. A session with work in it that is not
 * recorded in the progress history is not cleared without asking first.
 */
void
plano_interview_panel_practise (PlanoInterviewPanel *self,
                                const char          *question)
{
  PlanoInterviewState state;
  GtkWidget *dialog;

  g_return_if_fail (PLANO_IS_INTERVIEW_PANEL (self));
  g_return_if_fail (plano_interview_lookup_question (question) != NULL);

  state = plano_interview_get_state (self->interview);
  if (self->recorded || (state == PLANO_INTERVIEW_IDLE && plano_interview_get_n_frames (self->interview) == 0 &&
                         plano_interview_get_total_spent (self->interview) == 0))
    {
      start_practice (self, question);
      return;
    }

  if (state == PLANO_INTERVIEW_FINISHED)
    {
      static const PlanoResponse responses[] = {
        { "cancel", N_("_Cancel") },
        { "discard", N_("_Discard and Start"), ADW_RESPONSE_DESTRUCTIVE },
        { "record", N_("_Record and Start"), ADW_RESPONSE_SUGGESTED },
      };

      dialog = plano_question_present (GTK_WIDGET (self), _("Start a New Session?"),
                                       _("This session is not recorded in Your Progress. Record it first, or its times, notes and scores will be lost."),
                                       responses, G_N_ELEMENTS (responses), "record", "cancel",
                                       G_CALLBACK (practise_response_cb), self);
    }
  else
    {
      static const PlanoResponse responses[] = {
        { "cancel", N_("_Cancel") },
        { "discard", N_("_Discard and Start"), ADW_RESPONSE_DESTRUCTIVE },
      };

      dialog = plano_question_present (GTK_WIDGET (self), _("Start a New Session?"),
                                       _("The session under way will be cleared: its times, notes and scores will be lost."),
                                       responses, G_N_ELEMENTS (responses), "cancel", "cancel",
                                       G_CALLBACK (practise_response_cb), self);
    }
  g_object_set_data_full (G_OBJECT (dialog), "question", g_strdup (question), g_free);
}

/**
 * plano_interview_panel_show_progress:
 *
 * Opens Your Progress, or brings it to the front.
 */
void
plano_interview_panel_show_progress (PlanoInterviewPanel *self)
{
  GtkWidget *view;

  g_return_if_fail (PLANO_IS_INTERVIEW_PANEL (self));

  if (self->progress_view != NULL)
    {
      plano_progress_view_reload (PLANO_PROGRESS_VIEW (self->progress_view));
      gtk_window_present (GTK_WINDOW (self->progress_view));
      return;
    }

  view = plano_progress_view_new (self->history_path);
  gtk_window_set_transient_for (GTK_WINDOW (view), get_window (self));
  g_signal_connect_object (view, "practise", G_CALLBACK (practise_requested_cb), self, G_CONNECT_SWAPPED);
  self->progress_view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->progress_view);
  gtk_window_present (GTK_WINDOW (view));
}

/**
 * plano_interview_panel_get_report_view:
 *
 * Returns: (transfer none) (nullable): the feedback window, while it is open
 */
GtkWidget *
plano_interview_panel_get_report_view (PlanoInterviewPanel *self)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW_PANEL (self), NULL);

  return self->report_view;
}

/**
 * plano_interview_panel_get_progress_view:
 *
 * Returns: (transfer none) (nullable): Your Progress, while it is open
 */
GtkWidget *
plano_interview_panel_get_progress_view (PlanoInterviewPanel *self)
{
  g_return_val_if_fail (PLANO_IS_INTERVIEW_PANEL (self), NULL);

  return self->progress_view;
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
  GtkWidget *finished_text;
  GtkWidget *label;

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
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Time spent in the whole session"), -1);
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

  /* Once the session is over, its feedback stays one click away at the top. */
  self->finished_card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->finished_card, "card");
  gtk_widget_add_css_class (self->finished_card, "plano-finished");
  gtk_widget_set_margin_top (self->finished_card, 12);
  finished_text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (finished_text, TRUE);
  gtk_widget_set_valign (finished_text, GTK_ALIGN_CENTER);
  label = gtk_label_new (_("Session finished"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (finished_text), label);
  self->finished_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->finished_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->finished_label), TRUE);
  gtk_widget_add_css_class (self->finished_label, "caption");
  gtk_box_append (GTK_BOX (finished_text), self->finished_label);
  gtk_box_append (GTK_BOX (self->finished_card), finished_text);
  self->feedback_button = gtk_button_new_with_mnemonic (_("Open _Feedback"));
  gtk_widget_set_valign (self->feedback_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->feedback_button, "suggested-action");
  g_signal_connect_swapped (self->feedback_button, "clicked", G_CALLBACK (feedback_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->finished_card), self->feedback_button);
  gtk_widget_set_visible (self->finished_card, FALSE);
  gtk_box_append (GTK_BOX (box), self->finished_card);
}

static void
build_steps (PlanoInterviewPanel *self,
             GtkWidget           *box)
{
  GtkWidget *group = add_group (box, _("Steps"), NULL);
  const PlanoInterviewStep *steps = plano_interview_get_steps ();
  char *hint_tooltip = NULL;

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

      /* The hint stays hidden until asked for: seeing it costs a little in the feedback. */
      self->hint_rows[i] = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hint_rows[i]), _("Hint"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->hint_rows[i]), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (self->hint_rows[i]),
                                 gtk_image_new_from_icon_name ("dialog-information-symbolic"));
      self->hint_buttons[i] = gtk_button_new_with_mnemonic (_("Show _Hint"));
      gtk_widget_set_valign (self->hint_buttons[i], GTK_ALIGN_CENTER);
      /* TRANSLATORS: tooltip of a step's Show Hint button; %s is the step */
      hint_tooltip = g_strdup_printf (_("Show the hint for %s; the feedback counts the hints used"), step_title (i));
      gtk_widget_set_tooltip_text (self->hint_buttons[i], hint_tooltip);
      g_clear_pointer (&hint_tooltip, g_free);
      g_object_set_data (G_OBJECT (self->hint_buttons[i]), "step", GINT_TO_POINTER (i));
      g_signal_connect (self->hint_buttons[i], "clicked", G_CALLBACK (hint_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->hint_rows[i]), self->hint_buttons[i]);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), self->hint_rows[i]);

      self->notes[i] = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->notes[i]), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->notes[i]), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->notes[i]), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->notes[i]), 10);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->notes[i]), 10);
      gtk_widget_set_size_request (self->notes[i], -1, 80);
      {
        /* TRANSLATORS: the name of a step's notes for screen readers: "Notes on Capacity
         * estimation" */
        g_autofree char *name = g_strdup_printf (_("Notes on %s"), step_title (i));

        gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
      }
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
      gboolean revealed = question != NULL && plano_interview_get_hint_revealed (self->interview, i);

      gtk_widget_set_visible (self->hint_rows[i], question != NULL);
      gtk_widget_set_visible (self->hint_buttons[i], !revealed);
      if (revealed)
        {
          g_autofree char *hint = g_markup_escape_text (_(question->hints[i]), -1);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->hint_rows[i]), hint);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->hint_rows[i]), _("Hidden until you ask for it"));
    }
}

/* The follow-up questions: what an interviewer probes in the last two steps. Each is answered
 * in a few sentences; its model answer opens only once an answer is written. */
static void
build_follow_ups (PlanoInterviewPanel *self,
                  GtkWidget           *box)
{
  GtkWidget *list = gtk_list_box_new ();

  self->follow_group = add_group (box, _("Follow-Up Questions"),
                                  _("An interviewer’s probes for scalability and trade-offs. Answer each in a few sentences; then compare with the model answer."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->follow_group), list);

  for (guint i = 0; i < PLANO_GUIDE_MAX_FOLLOW_UPS; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *model_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *heading = gtk_label_new (_("Model answer"));
      GtkTextBuffer *buffer;

      gtk_widget_set_margin_start (content, 12);
      gtk_widget_set_margin_end (content, 12);
      gtk_widget_set_margin_top (content, 10);
      gtk_widget_set_margin_bottom (content, 10);

      self->follow_questions[i] = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->follow_questions[i]), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->follow_questions[i]), 0);
      gtk_label_set_selectable (GTK_LABEL (self->follow_questions[i]), TRUE);
      gtk_widget_add_css_class (self->follow_questions[i], "heading");
      gtk_box_append (GTK_BOX (content), self->follow_questions[i]);

      self->follow_answers[i] = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->follow_answers[i]), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->follow_answers[i]), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->follow_answers[i]), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->follow_answers[i]), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->follow_answers[i]), 8);
      gtk_widget_set_size_request (self->follow_answers[i], -1, 60);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->follow_answers[i]));
      g_object_set_data (G_OBJECT (buffer), "index", GUINT_TO_POINTER (i));
      g_signal_connect (buffer, "changed", G_CALLBACK (answer_changed_cb), self);
      gtk_frame_set_child (GTK_FRAME (frame), self->follow_answers[i]);
      gtk_box_append (GTK_BOX (content), frame);

      self->model_buttons[i] = gtk_button_new_with_mnemonic (_("Show _Model Answer"));
      gtk_widget_set_halign (self->model_buttons[i], GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (self->model_buttons[i], _("Write your answer first"));
      g_object_set_data (G_OBJECT (self->model_buttons[i]), "index", GUINT_TO_POINTER (i));
      g_signal_connect (self->model_buttons[i], "clicked", G_CALLBACK (model_clicked_cb), self);
      gtk_box_append (GTK_BOX (content), self->model_buttons[i]);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "caption-heading");
      gtk_box_append (GTK_BOX (model_box), heading);
      self->model_labels[i] = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->model_labels[i]), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->model_labels[i]), 0);
      gtk_label_set_selectable (GTK_LABEL (self->model_labels[i]), TRUE);
      gtk_box_append (GTK_BOX (model_box), self->model_labels[i]);
      self->model_revealers[i] = gtk_revealer_new ();
      gtk_revealer_set_child (GTK_REVEALER (self->model_revealers[i]), model_box);
      gtk_box_append (GTK_BOX (content), self->model_revealers[i]);

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      self->follow_rows[i] = row;
    }
}

/* Shown from the start of step 5 on, and after the session. */
static void
update_follow_ups (PlanoInterviewPanel *self)
{
  const PlanoGuide *guide;
  PlanoInterviewState state;
  guint n;
  gboolean shown;

  if (!self->built || self->interview == NULL)
    return;

  guide = plano_guide_lookup (plano_interview_get_question (self->interview));
  n = guide != NULL ? plano_guide_get_n_follow_ups (guide) : 0;
  state = plano_interview_get_state (self->interview);
  shown = n > 0 && (state == PLANO_INTERVIEW_FINISHED ||
                    ((state == PLANO_INTERVIEW_RUNNING || state == PLANO_INTERVIEW_PAUSED) &&
                     plano_interview_get_step (self->interview) >= FOLLOW_UP_STEP));
  gtk_widget_set_visible (self->follow_group, shown);

  for (guint i = 0; i < PLANO_GUIDE_MAX_FOLLOW_UPS; i++)
    {
      const char *answer = plano_interview_get_answer (self->interview, i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->follow_answers[i]));
      g_autofree char *accessible = NULL;
      g_autofree char *shown_text = NULL;
      GtkTextIter start, end;

      gtk_widget_set_visible (self->follow_rows[i], i < n);
      if (i >= n)
        continue;

      gtk_label_set_label (GTK_LABEL (self->follow_questions[i]), _(guide->follow_ups[i].question));
      gtk_label_set_label (GTK_LABEL (self->model_labels[i]), _(guide->follow_ups[i].answer));
      /* TRANSLATORS: the accessible name of the answer field of follow-up question N */
      accessible = g_strdup_printf (_("Your answer to follow-up question %u"), i + 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->follow_answers[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown_text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (!gtk_widget_has_focus (self->follow_answers[i]) && g_strcmp0 (shown_text, answer != NULL ? answer : "") != 0)
        gtk_text_buffer_set_text (buffer, answer != NULL ? answer : "", -1);

      /* The model answer only once there is an answer of one's own to compare. */
      gtk_widget_set_sensitive (self->model_buttons[i], answer != NULL);
      gtk_widget_set_tooltip_text (self->model_buttons[i], answer != NULL ? NULL : _("Write your answer first"));
      if (answer == NULL)
        gtk_revealer_set_reveal_child (GTK_REVEALER (self->model_revealers[i]), FALSE);
      gtk_widget_set_visible (self->model_buttons[i],
                              !gtk_revealer_get_reveal_child (GTK_REVEALER (self->model_revealers[i])));
    }
}

static void
plano_interview_panel_dispose (GObject *object)
{
  PlanoInterviewPanel *self = (PlanoInterviewPanel *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  /* The feedback and Your Progress act on this panel's session: they go with it. */
  if (self->report_view != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->report_view), (gpointer *) &self->report_view);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->report_view)));
    }
  if (self->progress_view != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->progress_view), (gpointer *) &self->progress_view);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->progress_view)));
    }
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
  g_free (self->countdown_name);
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

/* Everything below the countdown: the question and its reference solution, the session's
 * options and curveballs, the steps with their checklists, notes and hints, the follow-up
 * questions, the timeline and the way to Your Progress. Some 800 widgets, built when the panel
 * is first shown rather than with every window. */
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
  self->solution_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->solution_row), _("Reference Solution"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->solution_row), 0);
  self->solution_button = gtk_button_new_with_mnemonic (_("_Open…"));
  gtk_widget_set_valign (self->solution_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->solution_button, _("Open the reference solution as a new board"));
  g_signal_connect_swapped (self->solution_button, "clicked", G_CALLBACK (solution_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->solution_row), self->solution_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->solution_row);
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
  build_follow_ups (self, box);

  /* Timeline and replay */
  group = add_group (box, _("Timeline"), _("An outlined bar is the time planned for each step, a solid blue bar the time spent, a striped red bar the overtime; the times are written beside them. The slider replays the board."));
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

  /* Progress over past sessions, in a window of its own */
  group = add_group (box, _("Progress"), NULL);
  self->progress_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_row), _("Your Progress"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->progress_row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->progress_row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->progress_row), TRUE);
  g_signal_connect_swapped (self->progress_row, "activated", G_CALLBACK (plano_interview_panel_show_progress), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->progress_row);

  self->built = TRUE;
  load_history (self);
  show_question (self);
  update_hints (self);
  update_solution (self);
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
  if (self->report_view != NULL && self->interview != interview)
    gtk_window_destroy (GTK_WINDOW (self->report_view));
  g_set_object (&self->interview, interview);
  self->recorded = plano_interview_get_state (interview) == PLANO_INTERVIEW_FINISHED;
  /* A session that was already finished when it was opened does not open its feedback again,
   * and its curveballs are not news. */
  self->last_state = plano_interview_get_state (interview);
  self->last_step = plano_interview_get_step (interview);
  self->warned_step = -1;
  self->n_curveballs = plano_interview_get_n_curveballs_drawn (interview);
  if (self->built)
    for (guint i = 0; i < PLANO_GUIDE_MAX_FOLLOW_UPS; i++)
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->model_revealers[i]), FALSE);

  g_signal_connect_swapped (interview, "changed", G_CALLBACK (interview_changed_cb), self);
  g_signal_connect_swapped (interview, "changed", G_CALLBACK (update_hints), self);
  g_signal_connect_swapped (interview, "changed", G_CALLBACK (update_solution), self);
  g_signal_connect_swapped (interview, "step-ended", G_CALLBACK (step_ended_cb), self);

  show_question (self);

  if (self->canvas != NULL)
    plano_canvas_set_preview (self->canvas, NULL);

  update_hints (self);
  update_solution (self);
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
 *   "replay", "question", "solution", "curveball", "curveballs", "finished", "finished-label",
 *   "feedback", "progress", "follow-ups", "timeline", "notes-N", "step-N", "hint-N" (its Show
 *   Hint button), "hint-row-N", "answer-N" (a follow-up's answer), "model-N" (its Show Model Answer button)
 *   or "model-answer-N" (the revealer of the model answer)
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
  if (g_str_equal (name, "finished"))
    return self->finished_card;
  if (g_str_equal (name, "finished-label"))
    return self->finished_label;
  if (g_str_equal (name, "feedback"))
    return self->feedback_button;
  if (g_str_equal (name, "solution"))
    return self->solution_button;
  if (g_str_equal (name, "progress"))
    return self->progress_row;
  if (g_str_equal (name, "curveballs"))
    return self->curveball_group;
  if (g_str_equal (name, "curveball"))
    return self->curveball_button;
  if (g_str_equal (name, "follow-ups"))
    return self->follow_group;
  if (g_str_has_prefix (name, "hint-row-"))
    return self->hint_rows[CLAMP (atoi (name + 9), 0, PLANO_INTERVIEW_N_STEPS - 1)];
  if (g_str_has_prefix (name, "hint-"))
    return self->hint_buttons[CLAMP (atoi (name + 5), 0, PLANO_INTERVIEW_N_STEPS - 1)];
  if (g_str_has_prefix (name, "answer-"))
    return self->follow_answers[CLAMP (atoi (name + 7), 0, PLANO_GUIDE_MAX_FOLLOW_UPS - 1)];
  if (g_str_has_prefix (name, "model-answer-"))
    return self->model_revealers[CLAMP (atoi (name + 13), 0, PLANO_GUIDE_MAX_FOLLOW_UPS - 1)];
  if (g_str_has_prefix (name, "model-"))
    return self->model_buttons[CLAMP (atoi (name + 6), 0, PLANO_GUIDE_MAX_FOLLOW_UPS - 1)];
  if (g_str_equal (name, "question"))
    return self->question_row;
  if (g_str_has_prefix (name, "notes-"))
    return self->notes[CLAMP (atoi (name + 6), 0, PLANO_INTERVIEW_N_STEPS - 1)];
  if (g_str_equal (name, "timeline"))
    return self->timeline;
  if (g_str_has_prefix (name, "step-"))
    return self->step_rows[CLAMP (atoi (name + 5), 0, PLANO_INTERVIEW_N_STEPS - 1)];

  return NULL;
}

/* Scrolls the panel so that @self->scroll_target is in view, once the panel has its size: it
 * may have been hidden a moment ago. */
static gboolean
scroll_cb (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  PlanoInterviewPanel *self = PLANO_INTERVIEW_PANEL (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;

  /* Wait for a size, but not for ever: a panel hidden again at once never gets one. */
  if (self->scroll_target == NULL ||
      !gtk_widget_compute_bounds (self->scroll_target, content, &bounds) || bounds.size.height <= 1)
    {
      if (self->scroll_target != NULL && ++self->scroll_tries < 60)
        return G_SOURCE_CONTINUE;
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_clamp_page (adjustment, bounds.origin.y - 60, bounds.origin.y + bounds.size.height + 12);
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_into_view (PlanoInterviewPanel *self,
                  GtkWidget           *target)
{
  self->scroll_target = target;
  self->scroll_tries = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_cb, NULL, NULL);
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

  scroll_into_view (self, self->notes[step]);
}
