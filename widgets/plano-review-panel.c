/* plano-review-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-review-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plano-review.h"
#include "plano-review-panel.h"
#include "plano-widget-utils.h"

/* The design review of the board on the canvas, worst findings first. It runs again a moment
 * after the board stops changing, so typing and dragging never wait for it; activating a
 * finding selects its items on the canvas.
 */

#define REVIEW_DELAY_MS 300
/* Findings come worst first; past this many, a row says how many more there are. A list of
 * thousands helps nobody, and each row costs memory and time to build.
 */
#define MAX_ROWS        200

struct _PlanoReviewPanel
{
  GtkWidget    parent_instance;

  PlanoCanvas *canvas;
  PlanoBoard  *board;
  gulong       changed_handler;
  guint        review_source;

  GtkWidget   *scroller;
  GtkWidget   *status;
  GtkWidget   *summary;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (PlanoReviewPanel, plano_review_panel, GTK_TYPE_WIDGET)

/**
 * plano_review_panel_refresh:
 *
 * Reviews the board now, instead of a moment after its last change.
 */
void
plano_review_panel_refresh (PlanoReviewPanel *self)
{
  g_autoptr(PlanoReview) review = NULL;
  GPtrArray *findings;
  guint counts[3] = { 0, };
  g_autofree char *summary = NULL;

  g_return_if_fail (PLANO_IS_REVIEW_PANEL (self));

  g_clear_handle_id (&self->review_source, g_source_remove);
  plano_list_box_remove_all (self->list);

  if (self->board == NULL)
    return;

  review = plano_review_new (self->board, NULL);
  findings = plano_review_get_findings (review);

  gtk_widget_set_visible (self->status, findings->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), findings->len > 0);
  gtk_widget_set_visible (self->summary, findings->len > 0);

  for (guint i = 0; i < findings->len; i++)
    counts[((const PlanoFinding *) g_ptr_array_index (findings, i))->severity]++;

  for (guint i = 0; i < MIN (findings->len, MAX_ROWS); i++)
    {
      const PlanoFinding *finding = g_ptr_array_index (findings, i);
      const char *rule = plano_review_get_rule_title (finding->rule);
      g_autofree char *title = g_markup_escape_text (rule != NULL ? rule : finding->rule, -1);
      g_autofree char *message = g_markup_escape_text (finding->message, -1);
      GtkWidget *row = adw_action_row_new ();

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), plano_severity_icon_new (finding->severity));
      /* The rule names the flaw at a glance; the sentence under it says the number that shows
       * it and what to do. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "ids", g_strdupv (finding->ids), (GDestroyNotify) g_strfreev);
      gtk_list_box_append (self->list, row);
    }

  if (findings->len > MAX_ROWS)
    plano_list_box_add_more_findings (self->list, findings->len - MAX_ROWS);

  /* TRANSLATORS: counts of the design review's findings, by severity */
  summary = g_strdup_printf (_("Problems: %u · Warnings: %u · Notes: %u"),
                             counts[PLANO_SEVERITY_ERROR], counts[PLANO_SEVERITY_WARNING],
                             counts[PLANO_SEVERITY_INFO]);
  gtk_label_set_label (GTK_LABEL (self->summary), summary);
}

static gboolean
review_timeout_cb (gpointer user_data)
{
  PlanoReviewPanel *self = user_data;

  self->review_source = 0;
  plano_review_panel_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
board_changed_cb (PlanoReviewPanel *self,
                  PlanoChange      *change,
                  PlanoBoard       *board)
{
  g_clear_handle_id (&self->review_source, g_source_remove);
  self->review_source = g_timeout_add (REVIEW_DELAY_MS, review_timeout_cb, self);
}

static void
row_activated_cb (PlanoReviewPanel *self,
                  GtkListBoxRow    *row,
                  GtkListBox       *list)
{
  GStrv ids = g_object_get_data (G_OBJECT (row), "ids");

  if (self->canvas == NULL || ids == NULL)
    return;

  plano_canvas_clear_selection (self->canvas);
  for (guint i = 0; ids[i] != NULL; i++)
    plano_canvas_select (self->canvas, ids[i], TRUE);
  if (ids[0] != NULL)
    plano_canvas_reveal (self->canvas, ids[0]);
}

guint
plano_review_panel_get_n_rows (PlanoReviewPanel *self)
{
  guint n = 0;

  g_return_val_if_fail (PLANO_IS_REVIEW_PANEL (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/**
 * plano_review_panel_activate_row:
 *
 * Does what activating the finding at @index does: selects its items.
 */
void
plano_review_panel_activate_row (PlanoReviewPanel *self,
                                 guint             index)
{
  GtkListBoxRow *row;

  g_return_if_fail (PLANO_IS_REVIEW_PANEL (self));

  row = gtk_list_box_get_row_at_index (self->list, index);
  if (row != NULL)
    g_signal_emit_by_name (self->list, "row-activated", row);
}

static void
history_notify_cb (PlanoReviewPanel *self,
                   GParamSpec       *pspec,
                   PlanoCanvas      *canvas)
{
  PlanoHistory *history = plano_canvas_get_history (canvas);

  if (self->board != NULL)
    g_clear_signal_handler (&self->changed_handler, self->board);
  g_clear_object (&self->board);

  if (history != NULL)
    {
      self->board = g_object_ref (plano_history_get_board (history));
      self->changed_handler = g_signal_connect_object (self->board, "changed",
                                                       G_CALLBACK (board_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
    }

  plano_review_panel_refresh (self);
}

void
plano_review_panel_set_canvas (PlanoReviewPanel *self,
                               PlanoCanvas      *canvas)
{
  g_return_if_fail (PLANO_IS_REVIEW_PANEL (self));

  if (self->canvas == canvas)
    return;

  if (self->canvas != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->canvas, self);
      g_clear_object (&self->canvas);
    }

  if (canvas != NULL)
    {
      self->canvas = g_object_ref (canvas);
      g_signal_connect_object (canvas, "notify::history", G_CALLBACK (history_notify_cb),
                               self, G_CONNECT_SWAPPED);
      history_notify_cb (self, NULL, canvas);
    }
}

static void
plano_review_panel_dispose (GObject *object)
{
  PlanoReviewPanel *self = (PlanoReviewPanel *)object;

  g_clear_handle_id (&self->review_source, g_source_remove);
  if (self->board != NULL)
    g_clear_signal_handler (&self->changed_handler, self->board);
  g_clear_object (&self->board);
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  g_clear_object (&self->canvas);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (plano_review_panel_parent_class)->dispose (object);
}

static void
plano_review_panel_class_init (PlanoReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plano_review_panel_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planoreviewpanel");
}

static void
plano_review_panel_init (PlanoReviewPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_widget_add_css_class (self->summary, "heading");
  gtk_box_append (GTK_BOX (box), self->summary);

  self->status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("No Findings"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->status),
                                   _("Give the sources a rate, in events per second, and the review checks every component’s load against its capacity, as an interviewer would."));
  gtk_widget_add_css_class (self->status, "compact");
  gtk_box_append (GTK_BOX (box), self->status);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Design review findings"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
plano_review_panel_new (void)
{
  return g_object_new (PLANO_TYPE_REVIEW_PANEL, NULL);
}
