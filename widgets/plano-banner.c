/* plano-banner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-banner"

#include "config.h"

#include "plano-banner.h"

/* A bar under the header bar that says something about the board's file and offers what to do
 * about it: "changed by another program" with Reload and Keep Mine, "deleted" with Save, or the
 * progress of a long save. AdwBanner (libadwaita 1.3) has one button and no progress, and
 * Debian 12 has libadwaita 1.2, so Plano has its own, styled like it. The buttons activate
 * actions, so the window decides what they do.
 */

struct _PlanoBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *title_label;
  GtkWidget   *progress_bar;
  GtkWidget   *primary_button;
  GtkWidget   *secondary_button;
};

G_DEFINE_FINAL_TYPE (PlanoBanner, plano_banner, GTK_TYPE_WIDGET)

static void
plano_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PLANO_TYPE_BANNER);

  G_OBJECT_CLASS (plano_banner_parent_class)->dispose (object);
}

static void
plano_banner_class_init (PlanoBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plano_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/plano-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanoBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, PlanoBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlanoBanner, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PlanoBanner, primary_button);
  gtk_widget_class_bind_template_child (widget_class, PlanoBanner, secondary_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
plano_banner_init (PlanoBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plano_banner_new (void)
{
  return g_object_new (PLANO_TYPE_BANNER, NULL);
}

static void
set_button (GtkWidget  *button,
            const char *label,
            const char *action)
{
  gtk_widget_set_visible (button, label != NULL);
  gtk_button_set_label (GTK_BUTTON (button), label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
}

/**
 * plano_banner_show:
 * @title: what happened, a sentence
 * @primary_label: (nullable): the label of the suggested button, with a mnemonic
 * @primary_action: (nullable): the action it activates
 * @secondary_label: (nullable): a second button's
 * @secondary_action: (nullable): and its action
 */
void
plano_banner_show (PlanoBanner *self,
                   const char  *title,
                   const char  *primary_label,
                   const char  *primary_action,
                   const char  *secondary_label,
                   const char  *secondary_action)
{
  g_return_if_fail (PLANO_IS_BANNER (self));

  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_visible (self->progress_bar, FALSE);
  set_button (self->primary_button, primary_label, primary_action);
  set_button (self->secondary_button, secondary_label, secondary_action);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

/**
 * plano_banner_show_progress:
 * @fraction: how much is done, from 0 to 1
 *
 * Shows @title with a progress bar and no buttons.
 */
void
plano_banner_show_progress (PlanoBanner *self,
                            const char  *title,
                            double       fraction)
{
  g_return_if_fail (PLANO_IS_BANNER (self));

  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_visible (self->progress_bar, TRUE);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), CLAMP (fraction, 0, 1));
  set_button (self->primary_button, NULL, NULL);
  set_button (self->secondary_button, NULL, NULL);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
plano_banner_hide (PlanoBanner *self)
{
  g_return_if_fail (PLANO_IS_BANNER (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

gboolean
plano_banner_get_revealed (PlanoBanner *self)
{
  g_return_val_if_fail (PLANO_IS_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

/**
 * plano_banner_get_title:
 *
 * Returns: what the banner says, or says last
 */
const char *
plano_banner_get_title (PlanoBanner *self)
{
  g_return_val_if_fail (PLANO_IS_BANNER (self), NULL);

  return gtk_label_get_text (self->title_label);
}

/**
 * plano_banner_get_fraction:
 *
 * Returns: the progress shown, or -1 when the banner shows none
 */
double
plano_banner_get_fraction (PlanoBanner *self)
{
  g_return_val_if_fail (PLANO_IS_BANNER (self), -1);

  if (!gtk_widget_get_visible (self->progress_bar))
    return -1;

  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (self->progress_bar));
}
