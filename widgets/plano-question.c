/* plano-question.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The questions Plano asks (save the changes? recover the drafts? clear the session?) in the
 * platform's current widget: AdwAlertDialog from libadwaita 1.5, which GNOME's own apps use,
 * and AdwMessageDialog, which 1.6 deprecates, where only that exists (Debian 12's 1.2).
 */

#define G_LOG_DOMAIN "plano-question"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-a11y.h"
#include "plano-question.h"

#if ADW_CHECK_VERSION (1, 5, 0) && !ADW_CHECK_VERSION (1, 8, 0)
/* From libadwaita 1.6, an alert shows its heading in a large one-line label when the line fits
 * the dialog and in a smaller wrapping one when it does not. Before 1.8 (libadwaita issue 1025,
 * fixed by commit 34d32f5e), it measures the large label's height for the width it offers even
 * when that is narrower than the line, as a dialog a little narrower than its heading is, or one
 * whose window works out its smallest size: GTK 4.18 warns on every such measure. The large
 * label ellipsized says what is true, that it can be given less than its line; it is never
 * drawn shorter, as the dialog shows the wrapping label whenever the line does not fit. */
static void
fit_heading (GtkWidget *question)
{
  GObject *large = gtk_widget_get_template_child (question, ADW_TYPE_ALERT_DIALOG, "heading_label");
  GObject *small = gtk_widget_get_template_child (question, ADW_TYPE_ALERT_DIALOG, "heading_label_small");

  if (GTK_IS_LABEL (large) && GTK_IS_LABEL (small) && !gtk_label_get_wrap (GTK_LABEL (large)))
    gtk_label_set_ellipsize (GTK_LABEL (large), PANGO_ELLIPSIZE_END);
}
#endif

/**
 * plano_question_present:
 * @parent: (nullable): the widget the question is about; it is shown over its window
 * @heading: the question
 * @body: (nullable): what the answers mean
 * @responses: the answers, in the order they are shown
 * @default_response: (nullable): the id of the answer Enter gives
 * @close_response: the id of the answer that closing the question gives
 * @response_cb: called as `void cb (GtkWidget *question, const char *response, gpointer
 *   user_data)` with the id of the answer
 * @user_data: a #GObject for @response_cb; no answer is reported once it is finalized
 *
 * Asks @heading and reports the answer.
 *
 * Returns: (transfer none): the question, which lives until it is answered
 */
GtkWidget *
plano_question_present (GtkWidget           *parent,
                        const char          *heading,
                        const char          *body,
                        const PlanoResponse *responses,
                        guint                n_responses,
                        const char          *default_response,
                        const char          *close_response,
                        GCallback            response_cb,
                        gpointer             user_data)
{
  GtkWidget *question;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (close_response != NULL, NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  question = GTK_WIDGET (adw_alert_dialog_new (heading, body));
  for (guint i = 0; i < n_responses; i++)
    {
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (question), responses[i].id,
                                     _(responses[i].label));
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (question), responses[i].id,
                                                responses[i].appearance);
    }
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (question), default_response);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (question), close_response);
#if !ADW_CHECK_VERSION (1, 8, 0)
  fit_heading (question);
#endif
#else
  question = adw_message_dialog_new (NULL, heading, body);
  for (guint i = 0; i < n_responses; i++)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (question), responses[i].id,
                                       _(responses[i].label));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), responses[i].id,
                                                  responses[i].appearance);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), default_response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), close_response);
#endif

  if (response_cb != NULL)
    g_signal_connect_object (question, "response", response_cb, user_data, 0);

  if (parent != NULL && GTK_IS_WINDOW (gtk_widget_get_root (parent)))
    plano_a11y_return_focus (question, GTK_WINDOW (gtk_widget_get_root (parent)));
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (question), parent);
#else
  if (parent != NULL && GTK_IS_WINDOW (gtk_widget_get_root (parent)))
    gtk_window_set_transient_for (GTK_WINDOW (question), GTK_WINDOW (gtk_widget_get_root (parent)));
  gtk_window_present (GTK_WINDOW (question));
#endif

  return question;
}

const char *
plano_question_get_heading (GtkWidget *question)
{
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (question, PLANO_TYPE_QUESTION), NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  return adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (question));
#else
  return adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question));
#endif
}

const char *
plano_question_get_body (GtkWidget *question)
{
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (question, PLANO_TYPE_QUESTION), NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  return adw_alert_dialog_get_body (ADW_ALERT_DIALOG (question));
#else
  return adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question));
#endif
}

gboolean
plano_question_has_response (GtkWidget  *question,
                             const char *response)
{
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (question, PLANO_TYPE_QUESTION), FALSE);

#if ADW_CHECK_VERSION (1, 5, 0)
  return adw_alert_dialog_has_response (ADW_ALERT_DIALOG (question), response);
#else
  return adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (question), response);
#endif
}
