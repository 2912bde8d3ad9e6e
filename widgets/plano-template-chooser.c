/* plano-template-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plano-templates.h"
#include "plano-template-chooser.h"
#include "plano-thumbnail.h"

/* The templates as cards: a thumbnail drawn by the core renderer, the title and what it shows.
 * Activating a card, by click or keyboard, emits ::template-activated with its id.
 */

#define THUMBNAIL_WIDTH  256
#define THUMBNAIL_HEIGHT 160

struct _PlanoTemplateChooser
{
  GtkWidget   parent_instance;

  GtkWidget  *scroller;
  GtkWidget  *flow;
};

enum {
  TEMPLATE_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (PlanoTemplateChooser, plano_template_chooser, GTK_TYPE_WIDGET)

/**
 * plano_template_render_thumbnail:
 *
 * Returns: (transfer full) (nullable): the template drawn whole, fitted into @width × @height
 *   device pixels on the theme's background
 */
GdkTexture *
plano_template_render_thumbnail (const char *id,
                                 int         width,
                                 int         height,
                                 PlanoTheme  theme)
{
  g_autoptr(PlanoBoard) board = plano_template_load (id, NULL);

  if (board == NULL)
    return NULL;

  return plano_thumbnail_new (board, width, height, theme);
}

static void
child_activated_cb (PlanoTemplateChooser *self,
                    GtkFlowBoxChild      *child,
                    GtkFlowBox           *flow)
{
  g_signal_emit (self, signals [TEMPLATE_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (child), "template-id"));
}

/* Thumbnails follow the light or dark style. */
static void
update_thumbnails (PlanoTemplateChooser *self)
{
  PlanoTheme theme = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? PLANO_THEME_DARK
                                                                                   : PLANO_THEME_LIGHT;
  int scale = MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1);

  for (GtkWidget *child = gtk_widget_get_first_child (self->flow);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *picture = g_object_get_data (G_OBJECT (child), "picture");
      g_autoptr(GdkTexture) texture =
        plano_template_render_thumbnail (g_object_get_data (G_OBJECT (child), "template-id"),
                                         THUMBNAIL_WIDTH * scale, THUMBNAIL_HEIGHT * scale, theme);

      gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
    }
}

static void
plano_template_chooser_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (plano_template_chooser_parent_class)->realize (widget);
  update_thumbnails (PLANO_TEMPLATE_CHOOSER (widget));
}

static void
plano_template_chooser_dispose (GObject *object)
{
  PlanoTemplateChooser *self = PLANO_TEMPLATE_CHOOSER (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (plano_template_chooser_parent_class)->dispose (object);
}

static void
plano_template_chooser_class_init (PlanoTemplateChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plano_template_chooser_dispose;
  widget_class->realize = plano_template_chooser_realize;

  /**
   * PlanoTemplateChooser::template-activated:
   * @id: the template's id
   */
  signals [TEMPLATE_ACTIVATED] =
    g_signal_new ("template-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plano_template_chooser_init (PlanoTemplateChooser *self)
{
  guint n;
  const PlanoTemplate *templates = plano_templates_get (&n);

  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 18);
  gtk_widget_set_margin_start (self->flow, 18);
  gtk_widget_set_margin_end (self->flow, 18);
  gtk_widget_set_margin_top (self->flow, 18);
  gtk_widget_set_margin_bottom (self->flow, 18);
  gtk_widget_set_valign (self->flow, GTK_ALIGN_START);
  g_signal_connect_swapped (self->flow, "child-activated", G_CALLBACK (child_activated_cb), self);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *child = gtk_flow_box_child_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *picture = gtk_picture_new ();
      GtkWidget *title = gtk_label_new (_(templates[i].title));
      GtkWidget *description = gtk_label_new (_(templates[i].description));
      g_autofree char *accessible = g_strdup_printf ("%s: %s", _(templates[i].title), _(templates[i].description));

      gtk_widget_add_css_class (child, "card");
      gtk_widget_add_css_class (child, "activatable");
      gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_overflow (box, GTK_OVERFLOW_HIDDEN);
      gtk_box_append (GTK_BOX (box), picture);

      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      /* Narrow enough that three cards fit on a line in every language. */
      gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
      gtk_widget_set_margin_start (title, 12);
      gtk_widget_set_margin_end (title, 12);
      gtk_box_append (GTK_BOX (box), title);

      gtk_widget_add_css_class (description, "dim-label");
      gtk_widget_add_css_class (description, "caption");
      gtk_label_set_xalign (GTK_LABEL (description), 0);
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      /* Whole, however many lines it takes in a language: the cards of a row grow alike. */
      gtk_label_set_max_width_chars (GTK_LABEL (description), 24);
      gtk_widget_set_margin_start (description, 12);
      gtk_widget_set_margin_end (description, 12);
      gtk_widget_set_margin_bottom (description, 12);
      gtk_widget_set_valign (description, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), description);

      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data_full (G_OBJECT (child), "template-id", g_strdup (templates[i].id), g_free);
      g_object_set_data (G_OBJECT (child), "picture", picture);
      gtk_flow_box_append (GTK_FLOW_BOX (self->flow), child);
    }

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->flow);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_thumbnails), self, G_CONNECT_SWAPPED);
}

GtkWidget *
plano_template_chooser_new (void)
{
  return g_object_new (PLANO_TYPE_TEMPLATE_CHOOSER, NULL);
}

/**
 * plano_template_chooser_get_card:
 *
 * Returns: (transfer none) (nullable): the card of template @id, for tests
 */
GtkWidget *
plano_template_chooser_get_card (PlanoTemplateChooser *self,
                                 const char           *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->flow);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "template-id"), id) == 0)
      return child;

  return NULL;
}
