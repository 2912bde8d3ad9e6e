/* plano-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preferences: every row writes its GSettings key at once, and the windows that read the
 * key apply it while they are open.
 */

#define G_LOG_DOMAIN "plano-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-a11y.h"
#include "plano-interview.h"
#include "plano-preferences-window.h"

#if ADW_CHECK_VERSION (1, 5, 0)
# define PARENT_TYPE ADW_TYPE_PREFERENCES_DIALOG
typedef AdwPreferencesDialog PlanoPreferencesParent;
#else
# define PARENT_TYPE ADW_TYPE_PREFERENCES_WINDOW
typedef AdwPreferencesWindow PlanoPreferencesParent;
#endif

/* As big as the window was before it became a dialog. */
#define WIDTH 560
#define HEIGHT 640

struct _PlanoPreferencesWindow
{
  PlanoPreferencesParent  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
  GtkWidget            *snap_switch;
  GtkWidget            *grid_spin;
  GtkWidget            *autosave_switch;
  AdwComboRow          *export_format_row;
  AdwComboRow          *export_scale_row;
  AdwComboRow          *route_row;
  AdwPreferencesGroup  *steps_group;
  GtkWidget            *auto_advance_switch;
  GtkWidget            *sound_switch;
  GtkWidget            *step_spins[PLANO_INTERVIEW_N_STEPS];
  gboolean              showing_steps;  /* the spin buttons follow the setting, not the user */
};

G_DEFINE_FINAL_TYPE (PlanoPreferencesWindow, plano_preferences_window, PARENT_TYPE)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* A combo row's position is the enum key's value. */
static gboolean
get_enum_position (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
set_enum_position (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[position]);
}

/* The scale row lists 1×, 2×, 3×. */
static gboolean
get_scale_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  g_value_set_uint (value, CLAMP (g_variant_get_int32 (variant), 1, 3) - 1);
  return TRUE;
}

static GVariant *
set_scale_position (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  return g_variant_new_int32 (MIN (g_value_get_uint (value), 2) + 1);
}

static void
step_minutes_changed_cb (PlanoPreferencesWindow *self)
{
  g_autoptr(GVariant) minutes = g_settings_get_value (self->settings, "step-minutes");
  gsize n = 0;
  const gint32 *values = g_variant_get_fixed_array (minutes, &n, sizeof (gint32));

  self->showing_steps = TRUE;
  for (guint i = 0; i < PLANO_INTERVIEW_N_STEPS && i < n; i++)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->step_spins[i]), values[i]);
  self->showing_steps = FALSE;
}

static void
step_spin_value_changed_cb (PlanoPreferencesWindow *self)
{
  gint32 values[PLANO_INTERVIEW_N_STEPS];
  g_autoptr(GVariant) current = NULL;
  GVariant *minutes;

  if (self->showing_steps)
    return;

  current = g_settings_get_value (self->settings, "step-minutes");
  for (guint i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    values[i] = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->step_spins[i]));

  minutes = g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, values, PLANO_INTERVIEW_N_STEPS,
                                       sizeof (gint32));
  if (g_variant_equal (minutes, current))
    {
      g_variant_unref (g_variant_ref_sink (minutes));
      return;
    }

  g_settings_set_value (self->settings, "step-minutes", minutes);
}

static void
reset_steps_cb (PlanoPreferencesWindow *self)
{
  g_settings_reset (self->settings, "step-minutes");
}

/* The first widget of @type in @widget's tree, with @icon_name when that is not NULL. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *icon_name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (icon_name == NULL ||
       g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, icon_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* libadwaita leaves its search of the preferences unnamed for screen readers: the entry in 1.2,
 * the button that shows it in 1.7, which the dialog makes when it is shown. */
static void
name_search (PlanoPreferencesWindow *self)
{
  GtkWidget *search = find_widget (GTK_WIDGET (self), GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *button = find_widget (GTK_WIDGET (self), GTK_TYPE_TOGGLE_BUTTON, "edit-find-symbolic");

  if (search != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (search),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Preferences"), -1);
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Preferences"), -1);
}

static void
add_step_rows (PlanoPreferencesWindow *self)
{
  const PlanoInterviewStep *steps = plano_interview_get_steps ();

  for (guint i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (1, 60, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(steps[i].title));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->steps_group, row);
      self->step_spins[i] = spin;
    }
}

static void
bind_settings (PlanoPreferencesWindow *self)
{
  static const char * const styles[] = { "system", "light", "dark", NULL };
  static const char * const formats[] = { "png", "svg", "pdf", "md", "mmd", NULL };
  static const char * const routes[] = { "straight", "orthogonal", "curved", NULL };

  g_settings_bind_with_mapping (self->settings, "style", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_enum_position, set_enum_position,
                                (gpointer) styles, NULL);
  g_settings_bind (self->settings, "snap-to-grid", self->snap_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "grid-size", self->grid_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "connection-route", self->route_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_enum_position, set_enum_position,
                                (gpointer) routes, NULL);
  g_settings_bind (self->settings, "autosave", self->autosave_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "export-format", self->export_format_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_enum_position, set_enum_position,
                                (gpointer) formats, NULL);
  g_settings_bind_with_mapping (self->settings, "export-scale", self->export_scale_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_scale_position, set_scale_position,
                                NULL, NULL);
  g_settings_bind (self->settings, "auto-advance", self->auto_advance_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "step-sound", self->sound_switch, "active", G_SETTINGS_BIND_DEFAULT);

  step_minutes_changed_cb (self);
  g_signal_connect_object (self->settings, "changed::step-minutes",
                           G_CALLBACK (step_minutes_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    g_signal_connect_swapped (self->step_spins[i], "value-changed",
                              G_CALLBACK (step_spin_value_changed_cb), self);
}

static void
plano_preferences_window_constructed (GObject *object)
{
  PlanoPreferencesWindow *self = PLANO_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (plano_preferences_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  bind_settings (self);
}

static void
plano_preferences_window_dispose (GObject *object)
{
  PlanoPreferencesWindow *self = PLANO_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLANO_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plano_preferences_window_parent_class)->dispose (object);
}

static void
plano_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PlanoPreferencesWindow *self = PLANO_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#if ADW_CHECK_VERSION (1, 5, 0)
static gboolean
close_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  return adw_dialog_close (ADW_DIALOG (widget));
}
#endif

static void
plano_preferences_window_class_init (PlanoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  plano_a11y_init ();
  object_class->constructed = plano_preferences_window_constructed;
  object_class->dispose = plano_preferences_window_dispose;
  object_class->set_property = plano_preferences_window_set_property;

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/planoboard/Plano/plano-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanoPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, PlanoPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, PlanoPreferencesWindow, grid_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanoPreferencesWindow, autosave_switch);
  gtk_widget_class_bind_template_child (widget_class, PlanoPreferencesWindow, export_format_row);
  gtk_widget_class_bind_template_child (widget_class, PlanoPreferencesWindow, export_scale_row);
  gtk_widget_class_bind_template_child (widget_class, PlanoPreferencesWindow, route_row);
  gtk_widget_class_bind_template_child (widget_class, PlanoPreferencesWindow, steps_group);
  gtk_widget_class_bind_template_child (widget_class, PlanoPreferencesWindow, auto_advance_switch);
  gtk_widget_class_bind_template_child (widget_class, PlanoPreferencesWindow, sound_switch);
  gtk_widget_class_bind_template_callback (widget_class, reset_steps_cb);

#if ADW_CHECK_VERSION (1, 5, 0)
  gtk_widget_class_add_binding (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, close_cb, NULL);
#else
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
#endif
}

static void
plano_preferences_window_init (PlanoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_step_rows (self);

#if ADW_CHECK_VERSION (1, 5, 0)
  /* The window searches its preferences unless told not to; the dialog only when told. */
  adw_preferences_dialog_set_search_enabled (ADW_PREFERENCES_DIALOG (self), TRUE);
  adw_dialog_set_content_width (ADW_DIALOG (self), WIDTH);
  adw_dialog_set_content_height (ADW_DIALOG (self), HEIGHT);
#else
  gtk_window_set_default_size (GTK_WINDOW (self), WIDTH, HEIGHT);
#endif

  name_search (self);
  g_signal_connect (self, "map", G_CALLBACK (name_search), NULL);
}

/**
 * plano_preferences_window_new:
 * @settings: the application's settings, which the window reads and writes
 */
GtkWidget *
plano_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PLANO_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}

/**
 * plano_preferences_window_present:
 * @parent: (nullable): the window the preferences were asked from
 *
 * Shows the preferences over @parent: inside it, as a dialog, from libadwaita 1.5, or as a
 * modal window of their own.
 */
void
plano_preferences_window_present (PlanoPreferencesWindow *self,
                                  GtkWindow              *parent)
{
  g_return_if_fail (PLANO_IS_PREFERENCES_WINDOW (self));

  plano_a11y_return_focus (GTK_WIDGET (self), parent);
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (self), GTK_WIDGET (parent));
#else
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_present (GTK_WINDOW (self));
#endif
}
