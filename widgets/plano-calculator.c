/* plano-calculator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-calculator"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plano-calculator.h"

/* The capacity step's back-of-envelope maths: inputs on top, results below, worked out as the
 * inputs change, and the seed's numbers to know beneath them. "Add to Interview Notes" puts
 * the results in the capacity step's notes (the window's action), "Copy as Notes" on the
 * clipboard as text. The thresholds are plano-capacity's, which the design review uses too.
 */

struct _PlanoCalculator
{
  GtkWidget           parent_instance;

  GtkWidget          *scroller;
  GHashTable         *inputs;    /* name → GtkSpinButton */
  GHashTable         *outputs;   /* name → AdwActionRow */
  AdwComboRow        *store;
  GtkSpinButton      *downtime;  /* minutes a year, the availability target the other way */
  PlanoCapacityInput  input;
  PlanoCapacityResult result;
  gboolean            updating;
  gboolean            built;
};

G_DEFINE_FINAL_TYPE (PlanoCalculator, plano_calculator, GTK_TYPE_WIDGET)

#define SECONDS_PER_YEAR (365 * 86400.0)

static void ensure_built          (PlanoCalculator *self);
static void show_input            (PlanoCalculator *self);
static void plano_calculator_map  (GtkWidget       *widget);

static const struct
{
  const char *name;
  const char *title;
  gsize       offset;
  double      max;
  double      step;
  int         digits;
} fields[] = {
  { "users", N_("Daily active users"), G_STRUCT_OFFSET (PlanoCapacityInput, daily_active_users), 1e10, 100000, 0 },
  { "events", N_("Events per user per day"), G_STRUCT_OFFSET (PlanoCapacityInput, events_per_user), 1e6, 1, 0 },
  { "bytes", N_("Event size (bytes)"), G_STRUCT_OFFSET (PlanoCapacityInput, event_bytes), 1e9, 100, 0 },
  { "peak", N_("Peak over average"), G_STRUCT_OFFSET (PlanoCapacityInput, peak_factor), 1000, 0.5, 1 },
  { "reads", N_("Reads per write"), G_STRUCT_OFFSET (PlanoCapacityInput, read_write_ratio), 1e6, 1, 1 },
  { "retention", N_("Retention (days)"), G_STRUCT_OFFSET (PlanoCapacityInput, retention_days), 36500, 1, 0 },
  { "replication", N_("Copies paid for"), G_STRUCT_OFFSET (PlanoCapacityInput, replication), 10, 1, 0 },
  { "compression", N_("Compression ratio"), G_STRUCT_OFFSET (PlanoCapacityInput, compression), 100, 0.5, 1 },
  { "hot", N_("Hot share of a day's data"), G_STRUCT_OFFSET (PlanoCapacityInput, hot_fraction), 1, 0.05, 2 },
  { "headroom", N_("Partition headroom"), G_STRUCT_OFFSET (PlanoCapacityInput, headroom), 20, 0.5, 1 },
  { "availability", N_("Availability target (%)"), G_STRUCT_OFFSET (PlanoCapacityInput, availability), 100, 0.01, 3 },
};

static void
set_output (PlanoCalculator *self,
            const char      *name,
            const char      *value)
{
  AdwActionRow *row = g_hash_table_lookup (self->outputs, name);
  g_autofree char *escaped = g_markup_escape_text (value, -1);

  adw_action_row_set_subtitle (row, escaped);
  g_object_set_data_full (G_OBJECT (row), "value", g_strdup (value), g_free);
}

static void
fill_outputs (PlanoCalculator *self)
{
  PlanoCapacityResult *r = &self->result;
  PlanoCapacityInput *in = &self->input;
  g_autofree char *avg = plano_format_rate (r->average_events_per_second);
  g_autofree char *peak = plano_format_rate (r->peak_events_per_second);
  g_autofree char *reads = plano_format_rate (r->peak_reads_per_second);
  g_autofree char *ingest = plano_format_bytes (r->peak_ingest_bytes_per_second);
  g_autofree char *ingest_text = NULL;
  g_autofree char *day = plano_format_bytes (r->storage_bytes_per_day);
  g_autofree char *month = plano_format_bytes (r->storage_bytes_per_month);
  g_autofree char *year = plano_format_bytes (r->storage_bytes_per_year);
  g_autofree char *retained = plano_format_bytes (r->retained_bytes);
  g_autofree char *storage = NULL;
  g_autofree char *links = NULL;
  g_autofree char *partitions = NULL;
  g_autofree char *per_partition = plano_format_bytes (PLANO_KAFKA_PARTITION_BYTES);
  g_autofree char *cache = plano_format_bytes (r->cache_bytes);
  g_autofree char *scale = plano_capacity_describe_scale (r);
  g_autofree char *advice = plano_capacity_get_advice (r);
  g_autofree char *year_down = plano_format_duration (r->downtime_per_year);
  g_autofree char *month_down = plano_format_duration (r->downtime_per_month);
  g_autofree char *downtime = NULL;
  g_autofree char *events = NULL;

  /* TRANSLATORS: average and peak event rates */
  events = g_strdup_printf (_("%s on average, %s at peak"), avg, peak);
  ingest_text = g_strdup_printf ("%s/s", ingest);
  /* TRANSLATORS: raw storage per day, month and year, then what is paid for over the
   * retention: compressed, times the copies */
  storage = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s a day, %s a month, %s a year raw; %s kept (%g× compression, %g copy)",
                                          "%s a day, %s a month, %s a year raw; %s kept (%g× compression, %g copies)",
                                          (gulong) MAX (in->replication, 1)),
                             day, month, year, retained, MAX (in->compression, 1), MAX (in->replication, 1));
  /* TRANSLATORS: how much of a 1 Gbps and a 10 Gbps link the peak ingest fills */
  links = g_strdup_printf (_("%.1f %% of 1 Gbps, %.2f %% of 10 Gbps"),
                           r->share_of_1_gbps * 100, r->share_of_10_gbps * 100);
  if (r->partitions_for_bytes >= r->partitions_for_messages)
    /* TRANSLATORS: "6, for 17.4 MB/s at 10 MB/s a partition, with 3× headroom" */
    partitions = g_strdup_printf (_("%u, for %s/s at %s/s a partition, with %g× headroom"),
                                  r->kafka_partitions, ingest, per_partition, MAX (in->headroom, 1));
  else
    /* TRANSLATORS: "45, for 1 500 000/s at 100 000 messages/s a partition, with 3× headroom" */
    partitions = g_strdup_printf (_("%u, for %s at 100 000 messages/s a partition, with %g× headroom"),
                                  r->kafka_partitions, peak, MAX (in->headroom, 1));
  /* TRANSLATORS: the downtime an availability target allows: "8.76 h a year, 43.8 min a month" */
  downtime = g_strdup_printf (_("%s a year, %s a month"), year_down, month_down);

  set_output (self, "events", events);
  set_output (self, "reads", reads);
  set_output (self, "ingest", ingest_text);
  set_output (self, "storage", storage);
  set_output (self, "network", links);
  set_output (self, "partitions", partitions);
  set_output (self, "cache", cache);
  set_output (self, "downtime", downtime);
  set_output (self, "scale", scale);
  set_output (self, "advice", advice);
}

static void
update_outputs (PlanoCalculator *self)
{
  plano_capacity_compute (&self->input, &self->result);
  if (self->built)
    fill_outputs (self);
}

static void
input_changed_cb (GtkSpinButton   *spin,
                  PlanoCalculator *self)
{
  gsize offset = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (spin), "offset"));

  if (self->updating)
    return;

  G_STRUCT_MEMBER (double, &self->input, offset) = gtk_spin_button_get_value (spin);
  /* The downtime follows the availability target, and the other way round. */
  if (offset == G_STRUCT_OFFSET (PlanoCapacityInput, availability))
    show_input (self);
  update_outputs (self);
}

static void
show_input (PlanoCalculator *self)
{
  if (!self->built)
    return;

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_spin_button_set_value (g_hash_table_lookup (self->inputs, fields[i].name),
                               G_STRUCT_MEMBER (double, &self->input, fields[i].offset));
  adw_combo_row_set_selected (self->store, self->input.store);
  gtk_spin_button_set_value (self->downtime,
                             plano_capacity_downtime (self->input.availability, SECONDS_PER_YEAR) / 60);
  self->updating = FALSE;
}

/* Minutes of downtime a year typed in: the availability target they allow. */
static void
downtime_changed_cb (GtkSpinButton   *spin,
                     PlanoCalculator *self)
{
  if (self->updating)
    return;

  self->input.availability = plano_capacity_availability (gtk_spin_button_get_value (spin) * 60,
                                                          SECONDS_PER_YEAR);
  show_input (self);
  update_outputs (self);
}

/* Another store: its copies and compression, which the user may still change. */
static void
store_notify_cb (PlanoCalculator *self,
                 GParamSpec      *pspec,
                 AdwComboRow     *row)
{
  guint store = adw_combo_row_get_selected (row);

  if (self->updating || store >= PLANO_N_STORES)
    return;

  self->input.store = store;
  self->input.replication = plano_store_get_copies (store);
  self->input.compression = plano_store_get_compression (store);
  show_input (self);
  update_outputs (self);
}

void
plano_calculator_set_input (PlanoCalculator          *self,
                            const PlanoCapacityInput *input)
{
  g_return_if_fail (PLANO_IS_CALCULATOR (self));

  self->input = *input;
  show_input (self);
  update_outputs (self);
}

void
plano_calculator_get_result (PlanoCalculator     *self,
                             PlanoCapacityResult *result)
{
  g_return_if_fail (PLANO_IS_CALCULATOR (self));

  *result = self->result;
}

/**
 * plano_calculator_get_value:
 * @name: a result row: "events", "reads", "ingest", "storage", "network", "partitions",
 *   "cache", "downtime", "scale" or "advice"
 *
 * Returns: (nullable): the text the row shows
 */
const char *
plano_calculator_get_value (PlanoCalculator *self,
                            const char      *name)
{
  GObject *row;

  g_return_val_if_fail (PLANO_IS_CALCULATOR (self), NULL);

  ensure_built (self);
  row = g_hash_table_lookup (self->outputs, name);
  return row != NULL ? g_object_get_data (row, "value") : NULL;
}

char *
plano_calculator_get_notes (PlanoCalculator *self)
{
  g_return_val_if_fail (PLANO_IS_CALCULATOR (self), NULL);

  return plano_capacity_to_notes (&self->input, &self->result);
}

static void
copy_clicked_cb (GtkButton       *button,
                 PlanoCalculator *self)
{
  g_autofree char *notes = plano_calculator_get_notes (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), notes);
}

static void
plano_calculator_dispose (GObject *object)
{
  PlanoCalculator *self = (PlanoCalculator *)object;

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->inputs, g_hash_table_unref);
  g_clear_pointer (&self->outputs, g_hash_table_unref);

  G_OBJECT_CLASS (plano_calculator_parent_class)->dispose (object);
}

static void
plano_calculator_class_init (PlanoCalculatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plano_calculator_dispose;
  widget_class->map = plano_calculator_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planocalculator");
}

/* The rows, built when the calculator is first shown rather than with every window. */
static void
ensure_built (PlanoCalculator *self)
{
  static const struct
  {
    const char *name;
    const char *title;
  } results[] = {
    { "events", N_("Events") },
    { "reads", N_("Reads at peak") },
    { "ingest", N_("Ingest at peak") },
    { "storage", N_("Storage") },
    { "network", N_("Network at peak") },
    { "partitions", N_("Kafka partitions") },
    { "cache", N_("Cache for the hot set") },
    { "downtime", N_("Downtime allowed") },
    { "scale", N_("Scale") },
    { "advice", N_("Advice") },
  };
  g_autoptr(GtkStringList) store_names = gtk_string_list_new (NULL);
  const PlanoReferenceNumber *numbers;
  guint n_numbers;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *inputs = adw_preferences_group_new ();
  GtkWidget *outputs = adw_preferences_group_new ();
  GtkWidget *reference = adw_preferences_group_new ();
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy as Notes"));
  GtkWidget *insert = gtk_button_new_with_mnemonic (_("_Add to Interview Notes"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  if (self->built)
    return;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (inputs), _("Assumptions"));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, fields[i].max, fields[i].step);

      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), fields[i].digits);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(fields[i].title), -1);
      g_object_set_data (G_OBJECT (spin), "offset", GSIZE_TO_POINTER (fields[i].offset));
      g_signal_connect (spin, "value-changed", G_CALLBACK (input_changed_cb), self);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (inputs), row);
      g_hash_table_insert (self->inputs, (gpointer) fields[i].name, spin);

      if (g_str_equal (fields[i].name, "availability"))
        {
          GtkWidget *down_row = adw_action_row_new ();
          GtkWidget *down = gtk_spin_button_new_with_range (0, SECONDS_PER_YEAR / 60, 1);

          gtk_spin_button_set_digits (GTK_SPIN_BUTTON (down), 1);
          gtk_widget_set_valign (down, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Downtime a year (minutes)"), -1);
          g_signal_connect (down, "value-changed", G_CALLBACK (downtime_changed_cb), self);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (down_row), _("Downtime a year (minutes)"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (down_row), down);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (down_row), down);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (inputs), down_row);
          self->downtime = GTK_SPIN_BUTTON (down);
        }

      /* Where the data is kept sets the copies and the compression below it. */
      if (g_str_equal (fields[i].name, "retention"))
        {
          for (guint s = 0; s < PLANO_N_STORES; s++)
            gtk_string_list_append (store_names, plano_store_get_name (s));
          self->store = ADW_COMBO_ROW (adw_combo_row_new ());
          adw_combo_row_set_model (self->store, G_LIST_MODEL (store_names));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->store), _("Kept in"));
          g_signal_connect_swapped (self->store, "notify::selected", G_CALLBACK (store_notify_cb), self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (inputs), GTK_WIDGET (self->store));
        }
    }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (outputs), _("Estimates"));
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(results[i].title));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (outputs), row);
      g_hash_table_insert (self->outputs, (gpointer) results[i].name, row);
    }

  /* The seed's numbers to know, for the estimates above. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (reference), _("Numbers to Know"));
  numbers = plano_capacity_get_reference (&n_numbers);
  for (guint i = 0; i < n_numbers; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *value = g_markup_escape_text (_(numbers[i].value), -1);

      /* As the estimates above: what, and its figure under it. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(numbers[i].what));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (reference), row);
    }

  gtk_widget_add_css_class (copy, "pill");
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  /* The window owns the session; its action adds plano_calculator_get_notes() to the
   * capacity step. Outside a board window the action does not exist and the button is off. */
  gtk_widget_add_css_class (insert, "pill");
  gtk_widget_add_css_class (insert, "suggested-action");
  gtk_widget_set_tooltip_text (insert, _("Add these figures to the notes of the interview’s capacity step"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (insert), "win.insert-capacity-notes");
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  /* One above the other, as wide as each other: side by side they would widen the side bar. */
  gtk_box_append (GTK_BOX (buttons), insert);
  gtk_box_append (GTK_BOX (buttons), copy);

  gtk_box_append (GTK_BOX (box), inputs);
  gtk_box_append (GTK_BOX (box), outputs);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), reference);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->built = TRUE;
  show_input (self);
  fill_outputs (self);
}

static void
plano_calculator_map (GtkWidget *widget)
{
  ensure_built (PLANO_CALCULATOR (widget));

  GTK_WIDGET_CLASS (plano_calculator_parent_class)->map (widget);
}

static void
plano_calculator_init (PlanoCalculator *self)
{
  PlanoCapacityInput input;

  self->inputs = g_hash_table_new (g_str_hash, g_str_equal);
  self->outputs = g_hash_table_new (g_str_hash, g_str_equal);

  /* The seed's kind of example to start from: a million users, fifty events each. */
  plano_capacity_input_init (&input);
  input.daily_active_users = 1e6;
  input.events_per_user = 50;
  plano_calculator_set_input (self, &input);
}


GtkWidget *
plano_calculator_new (void)
{
  return g_object_new (PLANO_TYPE_CALCULATOR, NULL);
}
