/* plano-progress-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-progress-view"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "plano-a11y.h"
#include "plano-mastery.h"
#include "plano-progress-view.h"
#include "plano-toolbar-view.h"
#include "plano-report.h"
#include "plano-widget-utils.h"

/* Progress that guides practice, in a window of its own. The Interviews page plots each rubric
 * dimension over the recorded sessions, says the same in words dimension by dimension, lists
 * the must-haves missed most often, and offers the next question for the weakest dimension.
 * The Course page is the seed's mastery checklist, scored by the user for themselves and kept
 * in mastery.json beside the history.
 *
 * Sessions recorded before the rubric carry only the old self-assessment: they are counted
 * and said, not plotted, since that score measured the course and not the interview.
 */

#define MAX_MISSED 5

typedef struct
{
  GDateTime *date;
  int        ratings[PLANO_RUBRIC_N_DIMENSIONS];  /* 0 where a dimension was not scored */
} Session;

struct _PlanoProgressView
{
  AdwWindow        parent_instance;

  char            *history_path;
  char            *mastery_path;
  GPtrArray       *history;      /* of JsonNode */
  GArray          *sessions;     /* of Session, the rated ones, oldest first */
  guint            n_unrated;
  gboolean         shown[PLANO_RUBRIC_N_DIMENSIONS];
  char            *practice_id;
  int              mastery[PLANO_INTERVIEW_N_MASTERY];
  GtkWidget       *mastery_rows[PLANO_INTERVIEW_N_MASTERY];
  gboolean         updating;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkWidget       *view_stack;
  GtkWidget       *switcher_title;
  GtkWidget       *interviews_stack;
  GtkWidget       *empty_page;
  GtkWidget       *scroller;
  GtkWidget       *practice_list;
  GtkWidget       *practice_row;
  GtkWidget       *practise_button;
  GtkWidget       *chart;
  GtkWidget       *legend;
  GtkWidget       *chart_caption;
  GtkListBox      *dimension_list;
  GtkListBox      *missed_list;
  GtkWidget       *mastery_group;
  GtkWidget       *mastery_caption;
};

G_DEFINE_FINAL_TYPE (PlanoProgressView, plano_progress_view, ADW_TYPE_WINDOW)

enum {
  PRACTISE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* One colour a dimension, from the GNOME palette, chosen to read on light and dark alike. */
static const guint32 dimension_colors[PLANO_RUBRIC_N_DIMENSIONS] = {
  0x3584e4,  /* blue */
  0xe5a50a,  /* yellow */
  0x2ec27e,  /* green */
  0x9141ac,  /* purple */
  0xe66100,  /* orange */
  0xe01b24,  /* red */
  0x986a44,  /* brown */
  0x2190a4,  /* teal */
};

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
set_color (cairo_t *cr,
           guint32  rgb,
           double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static void
session_clear (gpointer data)
{
  Session *session = data;

  g_clear_pointer (&session->date, g_date_time_unref);
}

/* The chart */

static PangoLayout *
chart_layout (GtkWidget  *widget,
              const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* Draws @text with its centre at @x and its middle at @y, or its right edge at @x when
 * @align_right; returns its width. */
static int
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           gboolean    align_right,
           double      alpha)
{
  g_autoptr(PangoLayout) layout = chart_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  set_color (cr, is_dark () ? 0xffffff : 0x000000, alpha);
  cairo_move_to (cr, align_right ? x - w : x - w / 2.0, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);

  return w;
}

static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  /* TRANSLATORS: a session's date below the progress chart, as in "Dec 4"; see strftime */
  return g_date_time_format (local, _("%b %-d"));
}

/* Each dimension a line over the sessions, 1 to 4 upwards, the sessions' dates along the
 * bottom. Lines of equal scores would hide one another, so each is set a pixel or two apart. */
static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  PlanoProgressView *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  guint n = self->sessions->len;
  g_autoptr(PangoLayout) probe = chart_layout (widget, "4");
  int text_h;
  double left, right, top, bottom, plot_w, plot_h, last_label_end = -G_MAXDOUBLE;

  if (n == 0)
    return;

  pango_layout_get_pixel_size (probe, NULL, &text_h);
  left = text_h * 2 + 16;
  right = width - 16;
  top = text_h / 2.0 + 4;
  bottom = height - text_h * 2 - 12;
  plot_w = MAX (right - left, 1);
  plot_h = MAX (bottom - top, 1);

  /* The axes' titles: the score up the left side, the date under the dates. */
  {
    g_autoptr(PangoLayout) layout = chart_layout (widget, _("Score"));
    int w, h;

    pango_layout_get_pixel_size (layout, &w, &h);
    cairo_save (cr);
    set_color (cr, is_dark () ? 0xffffff : 0x000000, 0.7);
    cairo_translate (cr, 0, top + plot_h / 2 + w / 2.0);
    cairo_rotate (cr, -G_PI / 2);
    cairo_move_to (cr, 0, 0);
    pango_cairo_show_layout (cr, layout);
    cairo_restore (cr);
  }
  draw_text (widget, cr, _("Session date"), left + plot_w / 2, height - text_h / 2.0 - 2, FALSE, 0.7);

  /* Grid lines and their scores. */
  for (int score = 1; score <= PLANO_RUBRIC_MAX_SCORE; score++)
    {
      double y = bottom - plot_h * (score - 1) / (PLANO_RUBRIC_MAX_SCORE - 1);
      g_autofree char *label = g_strdup_printf ("%d", score);

      set_color (cr, is_dark () ? 0xffffff : 0x000000, score == 1 ? 0.3 : 0.1);
      cairo_rectangle (cr, left, round (y), plot_w, 1);
      cairo_fill (cr);
      draw_text (widget, cr, label, left - 8, y, TRUE, 0.7);
    }

  /* The sessions' dates, as many as fit without overlapping. */
  for (guint i = 0; i < n; i++)
    {
      Session *session = &g_array_index (self->sessions, Session, i);
      double x = n == 1 ? left + plot_w / 2 : left + 12 + (plot_w - 24) * i / (n - 1);
      g_autofree char *date = format_date (session->date);
      g_autoptr(PangoLayout) layout = chart_layout (widget, date);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      if (x - w / 2.0 < last_label_end + 8 && i + 1 < n)
        continue;
      draw_text (widget, cr, date, x, bottom + text_h * 0.5 + 6, FALSE, 0.7);
      last_label_end = x + w / 2.0;
    }

  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    {
      double dodge = (d - (PLANO_RUBRIC_N_DIMENSIONS - 1) / 2.0) * 1.5;
      gboolean started = FALSE;

      if (!self->shown[d])
        continue;

      set_color (cr, dimension_colors[d], 1);
      for (guint i = 0; i < n; i++)
        {
          Session *session = &g_array_index (self->sessions, Session, i);
          double x = n == 1 ? left + plot_w / 2 : left + 12 + (plot_w - 24) * i / (n - 1);
          double y = bottom - plot_h * (session->ratings[d] - 1) / (PLANO_RUBRIC_MAX_SCORE - 1) + dodge;

          if (session->ratings[d] == 0)
            {
              started = FALSE;
              continue;
            }
          if (started)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          started = TRUE;
        }
      cairo_stroke (cr);

      for (guint i = 0; i < n; i++)
        {
          Session *session = &g_array_index (self->sessions, Session, i);
          double x = n == 1 ? left + plot_w / 2 : left + 12 + (plot_w - 24) * i / (n - 1);
          double y = bottom - plot_h * (session->ratings[d] - 1) / (PLANO_RUBRIC_MAX_SCORE - 1) + dodge;

          if (session->ratings[d] == 0)
            continue;
          cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  set_color (cr, dimension_colors[GPOINTER_TO_UINT (user_data)], 1);
  cairo_rectangle (cr, 0, height / 2.0 - 2, width, 4);
  cairo_fill (cr);
  cairo_arc (cr, width / 2.0, height / 2.0, 4, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
legend_toggled_cb (GtkCheckButton    *check,
                   PlanoProgressView *self)
{
  guint d = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "dimension"));

  self->shown[d] = gtk_check_button_get_active (check);
  gtk_widget_queue_draw (self->chart);
}

static void
build_legend (PlanoProgressView *self)
{
  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    {
      const PlanoRubricInfo *info = plano_rubric_get_info (d);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (info->title != NULL ? _(info->title) : info->id);

      self->shown[d] = TRUE;
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 18);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, GUINT_TO_POINTER (d), NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), label);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_tooltip_text (check, info->title != NULL ? _(info->title) : info->id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      info->title != NULL ? _(info->title) : info->id, -1);
      g_object_set_data (G_OBJECT (check), "dimension", GUINT_TO_POINTER (d));
      g_signal_connect (check, "toggled", G_CALLBACK (legend_toggled_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->legend), check);
    }
}

/* The page in words */

static void
update_dimensions (PlanoProgressView *self)
{
  plano_list_box_remove_all (self->dimension_list);

  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    {
      const PlanoRubricInfo *info = plano_rubric_get_info (d);
      guint n = 0;
      int sum = 0, first = 0, latest = 0;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      for (guint i = 0; i < self->sessions->len; i++)
        {
          int rating = g_array_index (self->sessions, Session, i).ratings[d];

          if (rating == 0)
            continue;
          if (n == 0)
            first = rating;
          latest = rating;
          sum += rating;
          n++;
        }

      if (n == 0)
        subtitle = g_strdup (_("Not scored yet"));
      else
        /* TRANSLATORS: a rubric dimension over the sessions: "Latest: 3 of 4 · average 2.7 over 5 sessions" */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Latest: %d of %d · average %.1f over %u session",
                                                 "Latest: %d of %d · average %.1f over %u sessions", n),
                                    latest, PLANO_RUBRIC_MAX_SCORE, (double) sum / n, n);

      row = plano_list_box_add_text_row (self->dimension_list, info->title != NULL ? _(info->title) : info->id, subtitle);
      /* The change since the first session, as a signed number: "+2", "−1". */
      if (n > 1 && latest != first)
        {
          g_autofree char *change = g_strdup_printf (latest > first ? "+%d" : "−%d", ABS (latest - first));
          GtkWidget *label = gtk_label_new (change);
          const char *meaning = latest > first ? _("Better than in the first session")
                                               : _("Worse than in the first session");

          gtk_widget_add_css_class (label, latest > first ? "success" : "warning");
          gtk_widget_add_css_class (label, "numeric");
          gtk_widget_add_css_class (label, "heading");
          gtk_widget_set_tooltip_text (label, meaning);
          gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meaning, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
    }
}

static void
update_missed (PlanoProgressView *self)
{
  g_autoptr(GArray) missed = plano_report_count_missed (self->history);

  plano_list_box_remove_all (self->missed_list);

  if (missed->len == 0)
    {
      plano_list_box_add_text_row (self->missed_list, _("No must-have missed in the sessions recorded."), NULL);
      return;
    }

  for (guint i = 0; i < MIN (missed->len, MAX_MISSED); i++)
    {
      const PlanoMissed *item = &g_array_index (missed, PlanoMissed, i);
      GtkWidget *row = plano_list_box_add_text_row (self->missed_list, _(item->must_have->text), _(item->must_have->why));
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Missed %u time", "Missed %u times",
                                                             item->count), item->count);
      GtkWidget *label = gtk_label_new (count);

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
}

static void
update_practice (PlanoProgressView *self)
{
  g_autofree char *reason = NULL;
  g_autofree char *markup = NULL;
  const PlanoQuestion *question = plano_report_choose_practice (self->history, &reason);

  g_clear_pointer (&self->practice_id, g_free);
  gtk_widget_set_visible (self->practice_list, question != NULL);
  if (question == NULL)
    return;

  self->practice_id = g_strdup (question->id);
  markup = g_markup_escape_text (reason, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->practice_row), markup);
}

static void
load_sessions (PlanoProgressView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_array_set_size (self->sessions, 0);
  self->n_unrated = 0;

  self->history = plano_interview_history_load (self->history_path, &error);
  if (self->history == NULL)
    {
      /* TRANSLATORS: a toast; %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not read your progress: %s"), error->message);

      plano_a11y_add_toast (self->toast_overlay, adw_toast_new (message));
      self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
    }

  for (guint i = 0; i < self->history->len; i++)
    {
      JsonObject *entry = json_node_get_object (g_ptr_array_index (self->history, i));
      JsonNode *ratings = json_object_get_member (entry, "ratings");
      const char *date = json_object_get_string_member_with_default (entry, "date", NULL);
      Session session = { NULL, { 0, } };
      gboolean any = FALSE;

      if (ratings == NULL || !JSON_NODE_HOLDS_OBJECT (ratings))
        {
          self->n_unrated++;
          continue;
        }

      for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
        {
          const char *id = plano_rubric_get_info (d)->id;
          JsonObject *object = json_node_get_object (ratings);
          gint64 value = id != NULL ? json_object_get_int_member_with_default (object, id, 0) : 0;

          if (value >= 1 && value <= PLANO_RUBRIC_MAX_SCORE)
            {
              session.ratings[d] = (int) value;
              any = TRUE;
            }
        }

      session.date = date != NULL ? g_date_time_new_from_iso8601 (date, NULL) : NULL;
      if (!any || session.date == NULL)
        {
          g_clear_pointer (&session.date, g_date_time_unref);
          self->n_unrated++;
          continue;
        }
      g_array_append_val (self->sessions, session);
    }
}

/**
 * plano_progress_view_reload:
 *
 * Reads the history again, as after a session was recorded.
 */
void
plano_progress_view_reload (PlanoProgressView *self)
{
  g_autofree char *caption = NULL;
  g_autofree char *empty = NULL;

  g_return_if_fail (PLANO_IS_PROGRESS_VIEW (self));

  load_sessions (self);

  if (self->n_unrated > 0)
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u earlier session was scored on the old self-assessment, not on the rubric, and is not plotted.",
                                            "%u earlier sessions were scored on the old self-assessment, not on the rubric, and are not plotted.",
                                            self->n_unrated),
                               self->n_unrated);
  gtk_label_set_label (GTK_LABEL (self->chart_caption), caption != NULL ? caption : "");
  gtk_widget_set_visible (self->chart_caption, caption != NULL);

  empty = caption != NULL
          ? g_strconcat (_("Finish a mock interview and record it from its feedback: your scores per rubric dimension are plotted here."),
                         " ", caption, NULL)
          : g_strdup (_("Finish a mock interview and record it from its feedback: your scores per rubric dimension are plotted here."));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page), empty);
  gtk_stack_set_visible_child_name (GTK_STACK (self->interviews_stack),
                                    self->sessions->len > 0 ? "sessions" : "empty");

  update_practice (self);
  update_dimensions (self);
  update_missed (self);
  gtk_widget_queue_draw (self->chart);
}

/* The course's checklist */

static void
update_mastery_caption (PlanoProgressView *self)
{
  int total = 0;
  guint scored = 0;
  g_autofree char *caption = NULL;

  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    if (self->mastery[i] >= 0)
      {
        total += self->mastery[i];
        scored++;
      }

  /* TRANSLATORS: the mastery checklist's total: "Mastery: 18 of 30 (8 of 10 skills scored)" */
  caption = g_strdup_printf (_("Mastery: %d of %d (%u of %u skills scored)"), total,
                             PLANO_INTERVIEW_N_MASTERY * PLANO_MASTERY_MAX_SCORE, scored,
                             (guint) PLANO_INTERVIEW_N_MASTERY);
  gtk_label_set_label (GTK_LABEL (self->mastery_caption), caption);
}

static void
mastery_selected_cb (AdwComboRow       *row,
                     GParamSpec        *pspec,
                     PlanoProgressView *self)
{
  guint item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "item"));
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;

  self->mastery[item] = (int) adw_combo_row_get_selected (row) - 1;
  update_mastery_caption (self);
  if (!plano_mastery_save (self->mastery_path, self->mastery, &error))
    {
      /* TRANSLATORS: a toast; %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not save the checklist: %s"), error->message);

      plano_a11y_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static void
load_mastery (PlanoProgressView *self)
{
  g_autoptr(GError) error = NULL;

  if (!plano_mastery_load (self->mastery_path, self->mastery, &error))
    {
      /* TRANSLATORS: a toast; %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not read the checklist: %s"), error->message);

      plano_a11y_add_toast (self->toast_overlay, adw_toast_new (message));
    }

  self->updating = TRUE;
  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->mastery_rows[i]), (guint) (self->mastery[i] + 1));
  self->updating = FALSE;
  update_mastery_caption (self);
}

static void
build_mastery (PlanoProgressView *self)
{
  const char * const *items = plano_interview_get_mastery_items ();
  const char *choices[] = { _("Not scored"), "0", "1", "2", "3", NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    {
      GtkWidget *row = adw_combo_row_new ();

      /* A combo row's title is plain text, not markup. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(items[i]));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      g_object_set_data (G_OBJECT (row), "item", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (mastery_selected_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->mastery_group), row);
      self->mastery_rows[i] = row;
    }
}

static void
practise_clicked_cb (PlanoProgressView *self)
{
  if (self->practice_id != NULL)
    g_signal_emit (self, signals[PRACTISE], 0, self->practice_id);
}

static void
style_dark_cb (PlanoProgressView *self)
{
  gtk_widget_queue_draw (self->chart);
}

static void
plano_progress_view_dispose (GObject *object)
{
  PlanoProgressView *self = (PlanoProgressView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLANO_TYPE_PROGRESS_VIEW);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (plano_progress_view_parent_class)->dispose (object);
}

static void
plano_progress_view_finalize (GObject *object)
{
  PlanoProgressView *self = (PlanoProgressView *)object;

  g_free (self->history_path);
  g_free (self->mastery_path);
  g_free (self->practice_id);
  g_array_unref (self->sessions);

  G_OBJECT_CLASS (plano_progress_view_parent_class)->finalize (object);
}

static void
plano_progress_view_class_init (PlanoProgressViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  plano_a11y_init ();
  object_class->dispose = plano_progress_view_dispose;
  object_class->finalize = plano_progress_view_finalize;

  /**
   * PlanoProgressView::practise:
   * @question: the id of the question chosen for the weakest dimension
   */
  signals [PRACTISE] =
    g_signal_new ("practise", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/planoboard/Plano/plano-progress-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, interviews_stack);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, practice_list);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, practice_row);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, practise_button);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, chart);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, legend);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, chart_caption);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, dimension_list);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, missed_list);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, mastery_group);
  gtk_widget_class_bind_template_child (widget_class, PlanoProgressView, mastery_caption);
  gtk_widget_class_bind_template_callback (widget_class, practise_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
plano_progress_view_init (PlanoProgressView *self)
{
  self->sessions = g_array_new (FALSE, TRUE, sizeof (Session));
  g_array_set_clear_func (self->sessions, session_clear);

  gtk_widget_init_template (GTK_WIDGET (self));
#if ADW_CHECK_VERSION (1, 4, 0)
  /* AdwViewSwitcherTitle is deprecated from libadwaita 1.4: its switcher takes the title's
   * place, wide enough here for the two pages. */
  {
    GtkWidget *header = gtk_widget_get_ancestor (self->switcher_title, ADW_TYPE_HEADER_BAR);
    GtkWidget *switcher = adw_view_switcher_new ();

    adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
    adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_STACK (self->view_stack));
    adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
    self->switcher_title = NULL;
  }
#endif
  plano_toolbar_view_adopt_overlay_child (self->toast_overlay);
  plano_a11y_add_announcer (self->toast_overlay);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  build_legend (self);
  build_mastery (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);
}

/**
 * plano_progress_view_new:
 * @history_path: the interview history; the mastery checklist is kept beside it
 *
 * Returns: (transfer floating): the progress view
 */
GtkWidget *
plano_progress_view_new (const char *history_path)
{
  PlanoProgressView *self;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (history_path != NULL, NULL);

  self = g_object_new (PLANO_TYPE_PROGRESS_VIEW, NULL);
  self->history_path = g_strdup (history_path);
  dir = g_path_get_dirname (history_path);
  self->mastery_path = g_build_filename (dir, "mastery.json", NULL);

  plano_progress_view_reload (self);
  load_mastery (self);

  return GTK_WIDGET (self);
}

/**
 * plano_progress_view_get_n_plotted:
 *
 * Returns: how many sessions the chart plots
 */
guint
plano_progress_view_get_n_plotted (PlanoProgressView *self)
{
  g_return_val_if_fail (PLANO_IS_PROGRESS_VIEW (self), 0);

  return self->sessions->len;
}

/**
 * plano_progress_view_get_part:
 * @name: "chart", "chart-caption", "legend", "dimensions", "missed", "practice", "practise",
 *   "stack", "empty", "mastery-caption" or "mastery-N"
 *
 * Returns: (transfer none) (nullable): that part of the view, for tests
 */
GtkWidget *
plano_progress_view_get_part (PlanoProgressView *self,
                              const char        *name)
{
  g_return_val_if_fail (PLANO_IS_PROGRESS_VIEW (self), NULL);

  if (g_str_equal (name, "chart"))
    return self->chart;
  if (g_str_equal (name, "chart-caption"))
    return self->chart_caption;
  if (g_str_equal (name, "legend"))
    return self->legend;
  if (g_str_equal (name, "dimensions"))
    return GTK_WIDGET (self->dimension_list);
  if (g_str_equal (name, "missed"))
    return GTK_WIDGET (self->missed_list);
  if (g_str_equal (name, "practice"))
    return self->practice_row;
  if (g_str_equal (name, "practise"))
    return self->practise_button;
  if (g_str_equal (name, "stack"))
    return self->view_stack;
  if (g_str_equal (name, "empty"))
    return self->empty_page;
  if (g_str_equal (name, "mastery-caption"))
    return self->mastery_caption;
  if (g_str_has_prefix (name, "mastery-"))
    return self->mastery_rows[CLAMP (atoi (name + 8), 0, PLANO_INTERVIEW_N_MASTERY - 1)];

  return NULL;
}
