/* plano-question.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The widget a question is: an AdwAlertDialog shown inside its window where libadwaita has it
 * (1.5 and later), an AdwMessageDialog window before. */
#if ADW_CHECK_VERSION (1, 5, 0)
# define PLANO_TYPE_QUESTION ADW_TYPE_ALERT_DIALOG
#else
# define PLANO_TYPE_QUESTION ADW_TYPE_MESSAGE_DIALOG
#endif

/* One answer to a question: its id, its label (marked with N_(), with a mnemonic), and how it
 * looks. */
typedef struct
{
  const char            *id;
  const char            *label;
  AdwResponseAppearance  appearance;
} PlanoResponse;

GtkWidget  *plano_question_present      (GtkWidget           *parent,
                                         const char          *heading,
                                         const char          *body,
                                         const PlanoResponse *responses,
                                         guint                n_responses,
                                         const char          *default_response,
                                         const char          *close_response,
                                         GCallback            response_cb,
                                         gpointer             user_data);
const char *plano_question_get_heading  (GtkWidget           *question);
const char *plano_question_get_body     (GtkWidget           *question);
gboolean    plano_question_has_response (GtkWidget           *question,
                                         const char          *response);

G_END_DECLS
