/* plano-board-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-board-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-board-summary.h"
#include "plano-catalog.h"

/* A read-only outline of a board: its title (editable), and lists of its components,
 * connections, zones, notes and trade-offs. Long lists stop after MAX_ROWS rows.
 */

#define MAX_ROWS 100

struct _PlanoBoardSummary
{
  GtkWidget    parent_instance;

  PlanoBoard  *board;
  gulong       changed_handler;
  guint        rebuild_source;
  GPtrArray   *groups;

  GtkWidget   *scroller;
  GtkBox      *groups_box;
  AdwEntryRow *title_row;
  AdwActionRow *counts_row;
  GtkSpinButton *target_spin;
  AdwComboRow *route_row;
  gboolean     updating;
  char        *shown;         /* what the lists say, to tell when it changes */
};

G_DEFINE_FINAL_TYPE (PlanoBoardSummary, plano_board_summary, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
edge_kind_name (const char *kind)
{
  static const struct
  {
    const char *id;
    const char *name;
  } kinds[] = {
    { "flow", N_("Flow") },
    { "stream", N_("Stream") },
    { "batch", N_("Batch") },
    { "request", N_("Request") },
    { "cdc", N_("Change data capture") },
    { "replication", N_("Replication") },
  };

  if (kind == NULL)
    kind = "flow";

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].id, kind) == 0)
      return _(kinds[i].name);

  return kind;
}

static const char *
zone_kind_name (const char *kind)
{
  static const struct
  {
    const char *id;
    const char *name;
  } kinds[] = {
    { "group", N_("Group") },
    { "layer", N_("Layer") },
    { "domain", N_("Domain") },
    { "bronze", N_("Bronze tier") },
    { "silver", N_("Silver tier") },
    { "gold", N_("Gold tier") },
  };

  if (kind == NULL)
    kind = "group";

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].id, kind) == 0)
      return _(kinds[i].name);

  return kind;
}

/* The lists are written out as text first, and their rows made only when the text differs
 * from what they show: most changes to a board (a component dragged, at every motion of the
 * pointer) change nothing they say, and making hundreds of rows again takes longer than a
 * frame. */
typedef struct
{
  PlanoBoardSummary   *self;
  GString             *text;
  gboolean             build;    /* make the rows, besides writing them out */
  AdwPreferencesGroup *group;
} Outline;

static GtkWidget *
add_row (Outline    *outline,
         const char *title,
         const char *subtitle)
{
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_subtitle = NULL;
  GtkWidget *row;

  g_string_append_printf (outline->text, "%s\x1f%s\x1e", title != NULL ? title : "",
                          subtitle != NULL ? subtitle : "");
  if (!outline->build)
    return NULL;

  escaped_title = g_markup_escape_text (title != NULL ? title : "", -1);
  escaped_subtitle = g_markup_escape_text (subtitle != NULL ? subtitle : "", -1);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_preferences_group_add (outline->group, row);

  return row;
}

/* A dot in the category's colour before a component, as on the canvas. */
static void
add_category_dot (Outline       *outline,
                  GtkWidget     *row,
                  PlanoCategory  category)
{
  g_autofree char *css_class = g_strdup_printf ("category-%s", plano_category_get_id (category));
  GtkWidget *dot;

  g_string_append_printf (outline->text, "%s\x1e", css_class);
  if (row == NULL)
    return;

  dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (dot, "category-dot");
  gtk_widget_add_css_class (dot, css_class);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
}

static char *
describe_node (const PlanoNode *node)
{
  const PlanoKind *kind = plano_catalog_lookup (node->kind);
  g_autoptr(GString) text = NULL;
  double replicas = 1;

  if (kind == NULL)
    /* TRANSLATORS: a component whose kind this version does not know; %s is the kind's id */
    return g_strdup_printf (_("Unknown kind “%s”"), node->kind);

  text = g_string_new (NULL);

  /* A node without its own label already shows the kind's name as its title. */
  if (node->label != NULL)
    g_string_append_printf (text, "%s · ", plano_kind_get_name (kind));
  g_string_append (text, plano_category_get_name (kind->category));

  if (plano_props_get_number (node->props, "replicas", &replicas) && replicas > 1)
    {
      g_string_append (text, " · ");
      /* TRANSLATORS: how many copies of a component run, as in "Kafka · Streaming · 3 replicas" */
      g_string_append_printf (text, _("%g replicas"), replicas);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_group (Outline    *outline,
           const char *title,
           guint       n)
{
  g_autofree char *description = NULL;
  GtkWidget *group;

  if (n > MAX_ROWS)
    /* TRANSLATORS: shown above a list that is cut short */
    description = g_strdup_printf (_("The first %u of %u"), MAX_ROWS, n);
  g_string_append_printf (outline->text, "\x1d%s\x1f%s\x1e", title,
                          description != NULL ? description : "");
  if (!outline->build)
    return;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  gtk_box_append (outline->self->groups_box, group);
  g_ptr_array_add (outline->self->groups, group);
  outline->group = ADW_PREFERENCES_GROUP (group);
}

static void write_lists (PlanoBoardSummary *self,
                         Outline           *outline);

static void
rebuild (PlanoBoardSummary *self)
{
  g_autofree char *counts = NULL;
  g_autofree char *nodes_text = NULL;
  g_autofree char *edges_text = NULL;
  g_autofree char *zones_text = NULL;
  guint n[PLANO_N_ITEM_TYPES] = { 0, };
  Outline outline = { self, NULL, FALSE, NULL };

  if (self->board == NULL)
    {
      for (guint i = 0; i < self->groups->len; i++)
        gtk_box_remove (self->groups_box, g_ptr_array_index (self->groups, i));
      g_ptr_array_set_size (self->groups, 0);
      g_clear_pointer (&self->shown, g_free);
      return;
    }

  for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
    n[t] = plano_board_get_n_items (self->board, t);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         plano_board_get_title (self->board) != NULL ?
                         plano_board_get_title (self->board) : "");

  {
    double target = 0;

    const PlanoProp *route = plano_props_lookup (plano_board_get_props (self->board), "route");
    PlanoRoute style = PLANO_ROUTE_STRAIGHT;

    plano_props_get_number (plano_board_get_props (self->board), "p99_ms", &target);
    if (route != NULL && route->type == PLANO_VALUE_STRING)
      plano_route_from_string (route->string, &style);
    self->updating = TRUE;
    gtk_spin_button_set_value (self->target_spin, target);
    adw_combo_row_set_selected (self->route_row, style);
    self->updating = FALSE;
  }

  nodes_text = g_strdup_printf (ngettext ("%u component", "%u components", n[PLANO_ITEM_NODE]),
                                n[PLANO_ITEM_NODE]);
  edges_text = g_strdup_printf (ngettext ("%u connection", "%u connections", n[PLANO_ITEM_EDGE]),
                                n[PLANO_ITEM_EDGE]);
  zones_text = g_strdup_printf (ngettext ("%u zone", "%u zones", n[PLANO_ITEM_ZONE]),
                                n[PLANO_ITEM_ZONE]);
  counts = g_strdup_printf ("%s, %s, %s", nodes_text, edges_text, zones_text);
  adw_action_row_set_subtitle (self->counts_row, counts);

  outline.text = g_string_new (NULL);
  write_lists (self, &outline);
  if (g_strcmp0 (outline.text->str, self->shown) == 0)
    {
      g_string_free (outline.text, TRUE);
      return;
    }

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  g_free (self->shown);
  self->shown = g_string_free (outline.text, FALSE);
  outline.text = g_string_new (NULL);
  outline.build = TRUE;
  write_lists (self, &outline);
  g_string_free (outline.text, TRUE);
}

static void
write_lists (PlanoBoardSummary *self,
             Outline           *outline)
{
  guint n[PLANO_N_ITEM_TYPES] = { 0, };

  for (guint t = 0; t < PLANO_N_ITEM_TYPES; t++)
    n[t] = plano_board_get_n_items (self->board, t);

  if (n[PLANO_ITEM_NODE] > 0)
    {
      add_group (outline, _("Components"), n[PLANO_ITEM_NODE]);

      for (guint i = 0; i < MIN (n[PLANO_ITEM_NODE], MAX_ROWS); i++)
        {
          const PlanoNode *node = (const PlanoNode *) plano_board_get_item (self->board, PLANO_ITEM_NODE, i);
          const PlanoKind *kind = plano_catalog_lookup (node->kind);
          g_autofree char *subtitle = describe_node (node);
          GtkWidget *row;

          row = add_row (outline, plano_board_get_label (self->board, node->item.id), subtitle);
          add_category_dot (outline, row, kind != NULL ? kind->category : PLANO_CATEGORY_GENERIC);
        }
    }

  if (n[PLANO_ITEM_EDGE] > 0)
    {
      add_group (outline, _("Connections"), n[PLANO_ITEM_EDGE]);

      for (guint i = 0; i < MIN (n[PLANO_ITEM_EDGE], MAX_ROWS); i++)
        {
          const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (self->board, PLANO_ITEM_EDGE, i);
          g_autofree char *title = NULL;
          g_autofree char *subtitle = NULL;

          /* TRANSLATORS: a connection from one component to another */
          title = g_strdup_printf (_("%s → %s"), plano_board_get_label (self->board, edge->from),
                                   plano_board_get_label (self->board, edge->to));
          if (edge->label != NULL)
            subtitle = g_strdup_printf ("%s · %s", edge_kind_name (edge->kind), edge->label);
          else
            subtitle = g_strdup (edge_kind_name (edge->kind));
          add_row (outline, title, subtitle);
        }
    }

  if (n[PLANO_ITEM_ZONE] > 0)
    {
      add_group (outline, _("Zones"), n[PLANO_ITEM_ZONE]);

      for (guint i = 0; i < MIN (n[PLANO_ITEM_ZONE], MAX_ROWS); i++)
        {
          const PlanoZone *zone = (const PlanoZone *) plano_board_get_item (self->board, PLANO_ITEM_ZONE, i);

          add_row (outline, zone->label != NULL ? zone->label : _("Unnamed zone"),
                   zone_kind_name (zone->kind));
        }
    }

  if (n[PLANO_ITEM_NOTE] > 0)
    {
      add_group (outline, _("Notes"), n[PLANO_ITEM_NOTE]);

      for (guint i = 0; i < MIN (n[PLANO_ITEM_NOTE], MAX_ROWS); i++)
        {
          const PlanoNote *note = (const PlanoNote *) plano_board_get_item (self->board, PLANO_ITEM_NOTE, i);
          const char *target = note->target != NULL ? plano_board_get_label (self->board, note->target) : NULL;
          g_autofree char *subtitle = NULL;

          if (target != NULL)
            /* TRANSLATORS: what a sticky note points at */
            subtitle = g_strdup_printf (_("On %s"), target);
          add_row (outline, note->text, subtitle);
        }
    }

  if (n[PLANO_ITEM_TRADEOFF] > 0)
    {
      add_group (outline, _("Trade-offs"), n[PLANO_ITEM_TRADEOFF]);

      for (guint i = 0; i < MIN (n[PLANO_ITEM_TRADEOFF], MAX_ROWS); i++)
        {
          const PlanoTradeoff *tradeoff = (const PlanoTradeoff *) plano_board_get_item (self->board, PLANO_ITEM_TRADEOFF, i);
          g_autofree char *subtitle = NULL;

          if (tradeoff->choice != NULL)
            /* TRANSLATORS: the option a trade-off settled on */
            subtitle = g_strdup_printf (_("Chosen: %s"), tradeoff->choice);
          add_row (outline, tradeoff->title, subtitle);
        }
    }
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  PlanoBoardSummary *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
board_changed_cb (PlanoBoardSummary *self,
                  PlanoChange       *change,
                  PlanoBoard        *board)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_idle_cb, self);
}

static void
title_row_apply_cb (PlanoBoardSummary *self,
                    AdwEntryRow       *row)
{
  if (self->board != NULL)
    plano_board_set_title (self->board, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
target_changed_cb (PlanoBoardSummary *self,
                   GtkSpinButton     *spin)
{
  PlanoProp prop = { (char *) "p99_ms", PLANO_VALUE_NUMBER, 0, NULL, FALSE };

  if (self->board == NULL || self->updating)
    return;

  prop.number = gtk_spin_button_get_value (spin);
  if (prop.number > 0)
    plano_board_set_prop (self->board, NULL, &prop);
  else
    plano_board_unset_prop (self->board, NULL, "p99_ms");
}

/* The board's routing style, which its connections without one of their own follow. */
static void
route_changed_cb (PlanoBoardSummary *self,
                  GParamSpec        *pspec,
                  AdwComboRow       *row)
{
  PlanoProp prop = { (char *) "route", PLANO_VALUE_STRING, 0, NULL, FALSE };
  guint selected = adw_combo_row_get_selected (row);

  if (self->board == NULL || self->updating || selected >= PLANO_N_ROUTES)
    return;

  prop.string = (char *) plano_route_to_string (selected);
  plano_board_set_prop (self->board, NULL, &prop);
}

/**
 * plano_board_summary_get_route_row:
 *
 * Returns: (transfer none): the combo row of the board's routing style, for tests
 */
GtkWidget *
plano_board_summary_get_route_row (PlanoBoardSummary *self)
{
  g_return_val_if_fail (PLANO_IS_BOARD_SUMMARY (self), NULL);

  return GTK_WIDGET (self->route_row);
}

/**
 * plano_board_summary_get_target_spin:
 *
 * Returns: (transfer none): the spin button of the board's p99 target, for tests
 */
GtkWidget *
plano_board_summary_get_target_spin (PlanoBoardSummary *self)
{
  g_return_val_if_fail (PLANO_IS_BOARD_SUMMARY (self), NULL);

  return GTK_WIDGET (self->target_spin);
}

static void
plano_board_summary_dispose (GObject *object)
{
  PlanoBoardSummary *self = (PlanoBoardSummary *)object;

  plano_board_summary_set_board (self, NULL);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLANO_TYPE_BOARD_SUMMARY);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_free);

  G_OBJECT_CLASS (plano_board_summary_parent_class)->dispose (object);
}

static void
plano_board_summary_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlanoBoardSummary *self = PLANO_BOARD_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plano_board_summary_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlanoBoardSummary *self = PLANO_BOARD_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      plano_board_summary_set_board (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plano_board_summary_class_init (PlanoBoardSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plano_board_summary_dispose;
  object_class->get_property = plano_board_summary_get_property;
  object_class->set_property = plano_board_summary_set_property;

  properties [PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         PLANO_TYPE_BOARD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/plano-board-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanoBoardSummary, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlanoBoardSummary, groups_box);
  gtk_widget_class_bind_template_child (widget_class, PlanoBoardSummary, title_row);
  gtk_widget_class_bind_template_child (widget_class, PlanoBoardSummary, counts_row);
  gtk_widget_class_bind_template_child (widget_class, PlanoBoardSummary, target_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanoBoardSummary, route_row);
  gtk_widget_class_bind_template_callback (widget_class, title_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, route_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plano_board_summary_init (PlanoBoardSummary *self)
{
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plano_board_summary_new (void)
{
  return g_object_new (PLANO_TYPE_BOARD_SUMMARY, NULL);
}

/**
 * plano_board_summary_get_board:
 *
 * Returns: (transfer none) (nullable): the board shown
 */
PlanoBoard *
plano_board_summary_get_board (PlanoBoardSummary *self)
{
  g_return_val_if_fail (PLANO_IS_BOARD_SUMMARY (self), NULL);

  return self->board;
}

void
plano_board_summary_set_board (PlanoBoardSummary *self,
                               PlanoBoard        *board)
{
  g_return_if_fail (PLANO_IS_BOARD_SUMMARY (self));
  g_return_if_fail (board == NULL || PLANO_IS_BOARD (board));

  if (self->board == board)
    return;

  if (self->board != NULL)
    g_clear_signal_handler (&self->changed_handler, self->board);
  g_set_object (&self->board, board);
  if (board != NULL)
    self->changed_handler = g_signal_connect_object (board, "changed",
                                                     G_CALLBACK (board_changed_cb), self,
                                                     G_CONNECT_SWAPPED);

  if (self->groups != NULL)
    rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BOARD]);
}
