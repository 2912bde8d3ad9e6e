/* plano-inspector.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-inspector"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plano-catalog.h"
#include "plano-a11y.h"
#include "plano-inspector.h"
#include "plano-review.h"
#include "plano-tradeoff-editor.h"

/* The properties of what is selected on the canvas. One item shows all its fields; several
 * items of one type show the fields they share, and an edit applies to all of them. Every
 * edit is one history step. Rows are found by name (plano_inspector_get_row()) for tests.
 */

struct _PlanoInspector
{
  GtkWidget      parent_instance;

  PlanoCanvas   *canvas;
  PlanoBoard    *board;
  gulong         selection_handler;
  gulong         changed_handler;

  GtkWidget     *scroller;
  GtkWidget     *box;
  GHashTable    *rows;       /* name → row */
  GStrv          ids;        /* the selection shown */
  PlanoItemType  type;       /* their type, when they share one */
  gboolean       updating;   /* values are being set from the board, not by the user */
};

G_DEFINE_FINAL_TYPE (PlanoInspector, plano_inspector, GTK_TYPE_WIDGET)

static const struct
{
  const char *name;
  const char *title;
  double      max;
  int         digits;
} node_numbers[] = {
  { "replicas", N_("Replicas"), 1000, 0 },
  { "partitions", N_("Partitions"), 100000, 0 },
  { "throughput", N_("Throughput per instance (events/s)"), 1e9, 0 },
  { "latency_ms", N_("Latency (ms)"), 1e7, 1 },
}, edge_numbers[] = {
  { "rate", N_("Rate (events/s)"), 1e9, 0 },
  { "bytes", N_("Event size (bytes)"), 1e9, 0 },
};

static const char * const edge_kinds[] = { "flow", "stream", "batch", "request", "cdc", "replication" };
static const char * const edge_kind_names[] = {
  N_("Flow"), N_("Stream"), N_("Batch"), N_("Request"), N_("Change data capture"), N_("Replication"),
};
/* The routing styles a connection can have: its board's first (no "route" of its own). */
static const char * const edge_routes[] = { NULL, "straight", "orthogonal", "curved" };
static const char * const edge_route_names[] = {
  NULL, N_("Straight"), N_("Orthogonal"), N_("Curved"),
};
static const char * const text_sizes[] = { "small", "normal", "large" };
static const char * const text_size_names[] = { N_("Small"), N_("Normal"), N_("Large") };
static const char * const zone_kinds[] = { "group", "layer", "domain", "bronze", "silver", "gold" };
static const char * const zone_kind_names[] = {
  N_("Group"), N_("Layer"), N_("Domain"), N_("Bronze tier"), N_("Silver tier"), N_("Gold tier"),
};

static PlanoHistory *
history (PlanoInspector *self)
{
  return self->canvas != NULL ? plano_canvas_get_history (self->canvas) : NULL;
}

static void
begin (PlanoInspector *self,
       const char     *label)
{
  if (history (self) != NULL)
    plano_history_begin (history (self), label);
}

static void
commit (PlanoInspector *self)
{
  if (history (self) != NULL)
    plano_history_commit (history (self));
}

static const PlanoItem *
first_item (PlanoInspector *self)
{
  if (self->ids == NULL || self->ids[0] == NULL)
    return NULL;

  return plano_board_lookup (self->board, self->ids[0]);
}

/* Default for a node number the board does not set: the catalog's, or 1 for counts. */
static double
node_default (const PlanoNode *node,
              const char      *name)
{
  const PlanoKind *kind = plano_catalog_lookup (node->kind);

  if (g_str_equal (name, "throughput"))
    return kind != NULL ? kind->throughput : 0;
  if (g_str_equal (name, "latency_ms"))
    return kind != NULL ? kind->latency_ms : 0;

  return g_str_equal (name, "bytes") || g_str_equal (name, "rate") ? 0 : 1;
}

static double
item_number (const PlanoItem *item,
             const char      *name)
{
  double value;

  if (item->type == PLANO_ITEM_NODE)
    {
      if (plano_props_get_number (((const PlanoNode *) item)->props, name, &value))
        return value;
      return node_default ((const PlanoNode *) item, name);
    }

  if (item->type == PLANO_ITEM_EDGE &&
      plano_props_get_number (((const PlanoEdge *) item)->props, name, &value))
    return value;

  return 0;
}

/* Edits */

static void
set_number (PlanoInspector *self,
            const char     *name,
            double          value)
{
  PlanoProp prop = { (char *) name, PLANO_VALUE_NUMBER, value, NULL, FALSE };

  begin (self, _("Change Property"));
  for (guint i = 0; self->ids[i] != NULL; i++)
    plano_board_set_prop (self->board, self->ids[i], &prop);
  commit (self);
}

static void
number_changed_cb (GtkSpinButton  *spin,
                   PlanoInspector *self)
{
  if (self->updating)
    return;

  set_number (self, g_object_get_data (G_OBJECT (spin), "prop"), gtk_spin_button_get_value (spin));
}

/* A text item's box follows its text and its size. */
static void
fit_text (PlanoInspector *self,
          const char     *id)
{
  const PlanoItem *item = plano_board_lookup (self->board, id);
  const PlanoText *text = (const PlanoText *) item;
  double w, h;

  if (item == NULL || item->type != PLANO_ITEM_TEXT)
    return;

  plano_renderer_fit_text (plano_canvas_get_renderer (self->canvas), text, FALSE, &w, &h);
  plano_board_set_bounds (self->board, id, text->x, text->y, w, h);
}

static void
label_apply_cb (AdwEntryRow    *row,
                PlanoInspector *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  begin (self, _("Rename"));
  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      plano_board_set_label (self->board, self->ids[i], text);
      fit_text (self, self->ids[i]);
    }
  commit (self);
}

static void
note_apply_cb (AdwEntryRow    *row,
               PlanoInspector *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  begin (self, _("Change Note"));
  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      const PlanoItem *item = plano_board_lookup (self->board, self->ids[i]);
      PlanoNode *copy;

      if (item == NULL || item->type != PLANO_ITEM_NODE)
        continue;

      copy = (PlanoNode *) plano_item_copy (item);
      g_free (copy->note);
      copy->note = text[0] != '\0' ? g_strdup (text) : NULL;
      plano_board_update_item (self->board, (PlanoItem *) copy, NULL);
      plano_item_free ((PlanoItem *) copy);
    }
  commit (self);
}

/* Kind of a node, an edge or a zone, from a combo row. */
static void
kind_selected_cb (AdwComboRow    *row,
                  GParamSpec     *pspec,
                  PlanoInspector *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const char * const *ids = g_object_get_data (G_OBJECT (row), "ids");
  const char *kind;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  kind = ids[selected];

  begin (self, self->type == PLANO_ITEM_TEXT ? _("Change Size") : _("Change Kind"));
  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      const PlanoItem *item = plano_board_lookup (self->board, self->ids[i]);
      PlanoItem *copy;
      char **field;

      if (item == NULL)
        continue;

      copy = plano_item_copy (item);
      if (copy->type == PLANO_ITEM_NODE)
        field = &((PlanoNode *) copy)->kind;
      else if (copy->type == PLANO_ITEM_EDGE)
        field = &((PlanoEdge *) copy)->kind;
      else if (copy->type == PLANO_ITEM_TEXT)
        field = &((PlanoText *) copy)->size;
      else
        field = &((PlanoZone *) copy)->kind;

      g_free (*field);
      /* The normal size is the one a text has without saying. */
      *field = copy->type == PLANO_ITEM_TEXT && g_str_equal (kind, "normal") ? NULL : g_strdup (kind);
      plano_board_update_item (self->board, copy, NULL);
      plano_item_free (copy);
      fit_text (self, self->ids[i]);
    }
  commit (self);
}

/* Routing style of the selected connections, from the route row. */
static void
route_selected_cb (AdwComboRow    *row,
                   GParamSpec     *pspec,
                   PlanoInspector *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected >= G_N_ELEMENTS (edge_routes))
    return;

  begin (self, _("Change Route"));
  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      const PlanoItem *item = plano_board_lookup (self->board, self->ids[i]);
      PlanoEdge *copy;

      if (item == NULL || item->type != PLANO_ITEM_EDGE ||
          g_strcmp0 (((const PlanoEdge *) item)->route, edge_routes[selected]) == 0)
        continue;

      copy = (PlanoEdge *) plano_item_copy (item);
      g_free (copy->route);
      copy->route = g_strdup (edge_routes[selected]);
      plano_board_update_item (self->board, (PlanoItem *) copy, NULL);
      plano_item_free ((PlanoItem *) copy);
    }
  commit (self);
}

/* The bend points of the selected connections go: an orthogonal one is routed around
 * components again. */
static void
clear_bends_cb (GtkButton      *button,
                PlanoInspector *self)
{
  begin (self, _("Clear Bend Points"));
  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      const PlanoItem *item = plano_board_lookup (self->board, self->ids[i]);
      PlanoEdge *copy;

      if (item == NULL || item->type != PLANO_ITEM_EDGE ||
          ((const PlanoEdge *) item)->waypoints == NULL)
        continue;

      copy = (PlanoEdge *) plano_item_copy (item);
      g_clear_pointer (&copy->waypoints, g_array_unref);
      plano_board_update_item (self->board, (PlanoItem *) copy, NULL);
      plano_item_free ((PlanoItem *) copy);
    }
  commit (self);
}

static gboolean
any_bends (PlanoInspector *self)
{
  for (guint i = 0; self->ids != NULL && self->ids[i] != NULL; i++)
    {
      const PlanoItem *item = plano_board_lookup (self->board, self->ids[i]);

      if (item != NULL && item->type == PLANO_ITEM_EDGE &&
          ((const PlanoEdge *) item)->waypoints != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The board's style, named, as the first choice of the route row. */
static char *
board_route_name (PlanoInspector *self)
{
  const PlanoProp *prop = plano_props_lookup (plano_board_get_props (self->board), "route");
  PlanoRoute route = PLANO_ROUTE_STRAIGHT;

  if (prop != NULL && prop->type == PLANO_VALUE_STRING)
    plano_route_from_string (prop->string, &route);

  /* TRANSLATORS: the routing style a connection takes from its board, as a short choice in a
   * list; %s is "Straight", "Orthogonal" or "Curved" */
  return g_strdup_printf (_("%s (Board)"), _(edge_route_names[route + 1]));
}

static void
add_route_rows (PlanoInspector      *self,
                AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *list = gtk_string_list_new (NULL);
  g_autofree char *board = board_route_name (self);
  GtkWidget *bends, *clear;

  gtk_string_list_append (list, board);
  for (guint i = 1; i < G_N_ELEMENTS (edge_route_names); i++)
    gtk_string_list_append (list, _(edge_route_names[i]));

  /* TRANSLATORS: how a connection runs: straight, orthogonal (at right angles) or curved */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Route"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  g_object_unref (list);
  g_signal_connect (row, "notify::selected", G_CALLBACK (route_selected_cb), self);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->rows, g_strdup ("route"), row);

  bends = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (bends), _("Bend Points"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (bends),
                               _("Dragged by hand; an orthogonal connection without them goes "
                                 "around components"));
  clear = gtk_button_new_with_mnemonic (_("_Clear"));
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Clear Bend Points"), -1);
  g_signal_connect (clear, "clicked", G_CALLBACK (clear_bends_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (bends), clear);
  adw_preferences_group_add (group, bends);
  g_hash_table_insert (self->rows, g_strdup ("clear-bends"), clear);
}

static void
remove_prop_cb (GtkButton      *button,
                PlanoInspector *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "prop");

  begin (self, _("Remove Property"));
  for (guint i = 0; self->ids[i] != NULL; i++)
    plano_board_unset_prop (self->board, self->ids[i], name);
  commit (self);
}

/* "name = value": a number, true or false, or text. */
static void
add_prop_apply_cb (AdwEntryRow    *row,
                   PlanoInspector *self)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (row)), "=", 2);
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  PlanoProp prop = { NULL, PLANO_VALUE_STRING, 0, NULL, FALSE };
  char *end = NULL;

  if (parts[0] == NULL || parts[1] == NULL)
    return;

  name = g_strstrip (g_strdup (parts[0]));
  value = g_strstrip (g_strdup (parts[1]));
  if (name[0] == '\0')
    return;

  prop.name = name;
  prop.number = g_ascii_strtod (value, &end);
  if (value[0] != '\0' && end != NULL && *end == '\0' && isfinite (prop.number))
    prop.type = PLANO_VALUE_NUMBER;
  else if (g_str_equal (value, "true") || g_str_equal (value, "false"))
    prop.type = PLANO_VALUE_BOOLEAN, prop.boolean = g_str_equal (value, "true");
  else
    prop.string = value;

  begin (self, _("Add Property"));
  for (guint i = 0; self->ids[i] != NULL; i++)
    plano_board_set_prop (self->board, self->ids[i], &prop);
  commit (self);

  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

/* Building */

static gboolean
node_is_down (const PlanoItem *item)
{
  return item != NULL && item->type == PLANO_ITEM_NODE && plano_node_is_down ((const PlanoNode *) item);
}

static void
down_active_cb (GtkSwitch      *toggle,
                GParamSpec     *pspec,
                PlanoInspector *self)
{
  PlanoProp prop = { (char *) "down", PLANO_VALUE_BOOLEAN, 0, NULL, TRUE };
  gboolean down = gtk_switch_get_active (toggle);

  if (self->updating || self->ids == NULL)
    return;

  begin (self, down ? _("Mark as Down") : _("Mark as Up"));
  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      if (plano_board_lookup_node (self->board, self->ids[i]) == NULL)
        continue;
      if (down)
        plano_board_set_prop (self->board, self->ids[i], &prop);
      else
        plano_board_unset_prop (self->board, self->ids[i], "down");
    }
  commit (self);
}

static void
edit_tradeoff_cb (AdwActionRow   *row,
                  PlanoInspector *self)
{
  GtkWidget *editor;

  if (self->canvas == NULL)
    return;

  editor = plano_tradeoff_editor_new (self->canvas, g_object_get_data (G_OBJECT (row), "id"),
                                      g_object_get_data (G_OBJECT (row), "target"));
  plano_a11y_return_focus (editor, gtk_window_get_transient_for (GTK_WINDOW (editor)));
  gtk_window_present (GTK_WINDOW (editor));
}

/* The decisions about one item, and a row to add one. */
static void
build_tradeoffs (PlanoInspector  *self,
                 const PlanoItem *item)
{
  AdwPreferencesGroup *group;
  guint n = plano_board_get_n_items (self->board, PLANO_ITEM_TRADEOFF);
  GtkWidget *add;

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Trade-offs"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (group));

  for (guint i = 0; i < n; i++)
    {
      const PlanoTradeoff *tradeoff = (const PlanoTradeoff *) plano_board_get_item (self->board, PLANO_ITEM_TRADEOFF, i);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (g_strcmp0 (tradeoff->target, item->id) != 0)
        continue;

      title = g_markup_escape_text (tradeoff->title, -1);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (tradeoff->choice != NULL)
        {
          g_autofree char *chosen = g_strdup_printf (_("Chosen: %s"), tradeoff->choice);
          g_autofree char *escaped = g_markup_escape_text (chosen, -1);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "id", g_strdup (tradeoff->item.id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (edit_tradeoff_cb), self);
      adw_preferences_group_add (group, row);
    }

  add = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Add Trade-off…"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (add), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add), TRUE);
  g_object_set_data_full (G_OBJECT (add), "target", g_strdup (item->id), g_free);
  g_signal_connect (add, "activated", G_CALLBACK (edit_tradeoff_cb), self);
  adw_preferences_group_add (group, add);
  g_hash_table_insert (self->rows, g_strdup ("add-tradeoff"), add);
}

static AdwPreferencesGroup *
add_group (PlanoInspector *self,
           const char     *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->box), group);

  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_entry_row (PlanoInspector      *self,
               AdwPreferencesGroup *group,
               const char          *name,
               const char          *title,
               GCallback            apply)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", apply, self);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->rows, g_strdup (name), row);

  return row;
}

static GtkWidget *
add_number_row (PlanoInspector      *self,
                AdwPreferencesGroup *group,
                const char          *name,
                const char          *title,
                double               max,
                int                  digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, digits > 0 ? 0.1 : 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (spin), "prop", g_strdup (name), g_free);
  g_signal_connect (spin, "value-changed", G_CALLBACK (number_changed_cb), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->rows, g_strdup (name), spin);

  return spin;
}

static GtkWidget *
add_combo_row (PlanoInspector      *self,
               AdwPreferencesGroup *group,
               const char          *title,
               const char * const  *ids,
               GPtrArray           *names)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (names, i));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  g_object_unref (list);
  g_object_set_data (G_OBJECT (row), "ids", (gpointer) ids);
  g_signal_connect (row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->rows, g_strdup ("kind"), row);

  return row;
}

static const char **
catalog_ids (void)
{
  static const char **ids;

  if (ids == NULL)
    {
      guint n;
      const PlanoKind *kinds = plano_catalog_get_kinds (&n);

      ids = g_new0 (const char *, n + 1);
      for (guint i = 0; i < n; i++)
        ids[i] = kinds[i].id;
    }

  return ids;
}

/* The text sizes as a NULL-terminated list, as a combo row's ids are. */
static const char * const *
text_sizes_ids (void)
{
  static const char *ids[G_N_ELEMENTS (text_sizes) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (text_sizes); i++)
    ids[i] = text_sizes[i];

  return ids;
}

static guint
index_of (const char * const *ids,
          const char         *id,
          guint               fallback)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;

  return fallback;
}

static void
clear (PlanoInspector *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  g_hash_table_remove_all (self->rows);
}

/* Puts the board's values into the rows; the user's typing in a focused row is left alone. */
static void
refresh (PlanoInspector *self)
{
  const PlanoItem *item = first_item (self);
  GHashTableIter iter;
  gpointer key, value;

  if (item == NULL)
    return;

  self->updating = TRUE;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *row = value;

      if (gtk_widget_has_focus (row) || gtk_widget_get_focus_child (row) != NULL)
        continue;

      if (GTK_IS_SWITCH (row))
        gtk_switch_set_active (GTK_SWITCH (row), node_is_down (item));
      else if (GTK_IS_SPIN_BUTTON (row))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (row), item_number (item, key));
      else if (g_str_equal (key, "label"))
        gtk_editable_set_text (GTK_EDITABLE (row), plano_board_get_label (self->board, item->id) != NULL ?
                                                   plano_board_get_label (self->board, item->id) : "");
      else if (g_str_equal (key, "note") && item->type == PLANO_ITEM_NODE)
        gtk_editable_set_text (GTK_EDITABLE (row), ((const PlanoNode *) item)->note != NULL ?
                                                   ((const PlanoNode *) item)->note : "");
      else if (g_str_equal (key, "route") && item->type == PLANO_ITEM_EDGE)
        {
          const char *route = ((const PlanoEdge *) item)->route;
          guint index = 0;

          for (guint i = 1; i < G_N_ELEMENTS (edge_routes); i++)
            if (g_strcmp0 (edge_routes[i], route) == 0)
              index = i;
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), index);
        }
      else if (g_str_equal (key, "clear-bends"))
        gtk_widget_set_sensitive (row, any_bends (self));
      else if (g_str_equal (key, "kind") && ADW_IS_COMBO_ROW (row))
        {
          const char * const *ids = g_object_get_data (G_OBJECT (row), "ids");
          const char *kind = item->type == PLANO_ITEM_NODE ? ((const PlanoNode *) item)->kind :
                             item->type == PLANO_ITEM_EDGE ? ((const PlanoEdge *) item)->kind :
                             item->type == PLANO_ITEM_TEXT ? ((const PlanoText *) item)->size :
                             ((const PlanoZone *) item)->kind;

          adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                      index_of (ids, kind, item->type == PLANO_ITEM_TEXT ? 1 : 0));
        }
    }

  self->updating = FALSE;
}

static gboolean
is_known_prop (const char *name)
{
  if (g_str_equal (name, "down"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (node_numbers); i++)
    if (g_str_equal (node_numbers[i].name, name))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (edge_numbers); i++)
    if (g_str_equal (edge_numbers[i].name, name))
      return TRUE;

  return FALSE;
}

static void
build_custom_props (PlanoInspector *self,
                    GArray         *props)
{
  AdwPreferencesGroup *group = add_group (self, _("Other Properties"));
  guint custom = 0;

  for (guint i = 0; props != NULL && i < props->len; i++)
    {
      const PlanoProp *prop = &g_array_index (props, PlanoProp, i);
      g_autofree char *text = NULL;
      g_autofree char *escaped_name = NULL;
      g_autofree char *escaped_text = NULL;
      GtkWidget *row, *remove;

      if (is_known_prop (prop->name))
        continue;
      custom++;

      if (prop->type == PLANO_VALUE_NUMBER)
        text = g_strdup_printf ("%g", prop->number);
      else if (prop->type == PLANO_VALUE_BOOLEAN)
        text = g_strdup (prop->boolean ? "true" : "false");
      else
        text = g_strdup (prop->string);

      escaped_name = g_markup_escape_text (prop->name, -1);
      escaped_text = g_markup_escape_text (text, -1);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_text);

      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Remove Property"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove Property"), -1);
      g_object_set_data_full (G_OBJECT (remove), "prop", g_strdup (prop->name), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_prop_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (group, row);
    }

  g_object_set_data (G_OBJECT (self), "custom", GUINT_TO_POINTER (custom));

  /* TRANSLATORS: an entry where a property is typed as name = value */
  add_entry_row (self, group, "add-prop", _("New property (name = value)"), G_CALLBACK (add_prop_apply_cb));
}

static void
rebuild (PlanoInspector *self)
{
  const PlanoItem *item;
  guint n;
  AdwPreferencesGroup *group;
  g_autofree char *title = NULL;

  clear (self);
  g_clear_pointer (&self->ids, g_strfreev);

  if (self->canvas == NULL || self->board == NULL)
    return;

  self->ids = plano_canvas_get_selection (self->canvas);
  n = g_strv_length (self->ids);
  item = first_item (self);

  if (item == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "edit-select-all-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Nothing Selected"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Select a component, connection or zone to see and change its properties."));
      gtk_widget_add_css_class (status, "compact");
      gtk_box_append (GTK_BOX (self->box), status);
      return;
    }

  /* Several items show only what they share, which needs one type. */
  self->type = item->type;
  for (guint i = 1; i < n; i++)
    {
      const PlanoItem *other = plano_board_lookup (self->board, self->ids[i]);

      if (other != NULL && other->type != self->type)
        self->type = PLANO_N_ITEM_TYPES;
    }

  if (n > 1)
    title = g_strdup_printf (ngettext ("%u item selected", "%u items selected", n), n);

  group = add_group (self, title);

  if (self->type == PLANO_N_ITEM_TYPES)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Items of different types"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Select items of one type to change them together."));
      adw_preferences_group_add (group, row);
      return;
    }

  if (self->type != PLANO_ITEM_TRADEOFF)
    add_entry_row (self, group, "label",
                   self->type == PLANO_ITEM_NOTE || self->type == PLANO_ITEM_TEXT ? _("Text") : _("Label"),
                   G_CALLBACK (label_apply_cb));

  switch (self->type)
    {
    case PLANO_ITEM_NODE:
      {
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        guint n_kinds;
        const PlanoKind *kinds = plano_catalog_get_kinds (&n_kinds);
        AdwPreferencesGroup *numbers;

        for (guint i = 0; i < n_kinds; i++)
          g_ptr_array_add (names, (gpointer) plano_kind_get_name (&kinds[i]));
        add_combo_row (self, group, _("Kind"), catalog_ids (), names);
        add_entry_row (self, group, "note", _("Note"), G_CALLBACK (note_apply_cb));

        numbers = add_group (self, _("Capacity"));
        for (guint i = 0; i < G_N_ELEMENTS (node_numbers); i++)
          add_number_row (self, numbers, node_numbers[i].name, _(node_numbers[i].title),
                          node_numbers[i].max, node_numbers[i].digits);

        {
          AdwPreferencesGroup *drill = add_group (self, _("Failure Drill"));
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *toggle = gtk_switch_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Down"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       _("Treat it as failed: the review lists what loses data or freshness"));
          gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
          gtk_switch_set_active (GTK_SWITCH (toggle), node_is_down (item));
          g_signal_connect (toggle, "notify::active", G_CALLBACK (down_active_cb), self);
          adw_preferences_group_add (drill, row);
          g_hash_table_insert (self->rows, g_strdup ("down"), toggle);
        }

        if (n == 1)
          {
            build_tradeoffs (self, item);
            build_custom_props (self, ((const PlanoNode *) item)->props);
          }
      }
      break;

    case PLANO_ITEM_EDGE:
      {
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        static const char *ids[G_N_ELEMENTS (edge_kinds) + 1];
        AdwPreferencesGroup *numbers;

        for (guint i = 0; i < G_N_ELEMENTS (edge_kinds); i++)
          {
            ids[i] = edge_kinds[i];
            g_ptr_array_add (names, (gpointer) _(edge_kind_names[i]));
          }
        add_combo_row (self, group, _("Kind"), ids, names);
        add_route_rows (self, group);

        numbers = add_group (self, _("Load"));
        for (guint i = 0; i < G_N_ELEMENTS (edge_numbers); i++)
          add_number_row (self, numbers, edge_numbers[i].name, _(edge_numbers[i].title),
                          edge_numbers[i].max, edge_numbers[i].digits);

        if (n == 1)
          {
            build_tradeoffs (self, item);
            build_custom_props (self, ((const PlanoEdge *) item)->props);
          }
      }
      break;

    case PLANO_ITEM_ZONE:
      {
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        static const char *ids[G_N_ELEMENTS (zone_kinds) + 1];

        for (guint i = 0; i < G_N_ELEMENTS (zone_kinds); i++)
          {
            ids[i] = zone_kinds[i];
            g_ptr_array_add (names, (gpointer) _(zone_kind_names[i]));
          }
        add_combo_row (self, group, _("Kind"), ids, names);
        if (n == 1)
          build_tradeoffs (self, item);
      }
      break;

    case PLANO_ITEM_TEXT:
      {
        g_autoptr(GPtrArray) names = g_ptr_array_new ();

        for (guint i = 0; i < G_N_ELEMENTS (text_sizes); i++)
          g_ptr_array_add (names, (gpointer) _(text_size_names[i]));
        add_combo_row (self, group, _("Size"), text_sizes_ids (), names);
      }
      break;

    case PLANO_ITEM_NOTE:
    case PLANO_ITEM_TRADEOFF:
    case PLANO_N_ITEM_TYPES:
    default:
      break;
    }

  refresh (self);
  /* Built while the side bar may be hidden, where screen readers reach it all the same. */
  plano_a11y_clean_tree (GTK_WIDGET (self));
}

static void
selection_changed_cb (PlanoInspector *self,
                      PlanoCanvas    *canvas)
{
  rebuild (self);
}

static void
board_changed_cb (PlanoInspector *self,
                  PlanoChange    *change,
                  PlanoBoard     *board)
{
  gboolean props_changed = FALSE;

  /* A property added or removed changes the list of rows; a value only the rows' values. */
  for (guint i = 0; i < plano_change_get_n_ops (change) && self->ids != NULL; i++)
    {
      const char *id;

      PlanoItemType type;

      /* The board's routing style names the first choice of the route row. */
      if (plano_change_get_op (change, i, &type, &id) == PLANO_CHANGE_BOARD_PROPS &&
          g_hash_table_contains (self->rows, "route"))
        {
          rebuild (self);
          return;
        }
      if (type == PLANO_ITEM_TRADEOFF && g_strv_length (self->ids) == 1)
        {
          rebuild (self);
          return;
        }
      if (id != NULL && g_strv_contains ((const char * const *) self->ids, id))
        props_changed = TRUE;
    }

  if (!props_changed)
    return;

  if (g_hash_table_contains (self->rows, "add-prop"))
    {
      const PlanoItem *item = first_item (self);
      GArray *props = item == NULL ? NULL :
                      item->type == PLANO_ITEM_NODE ? ((const PlanoNode *) item)->props :
                      item->type == PLANO_ITEM_EDGE ? ((const PlanoEdge *) item)->props : NULL;
      guint custom = 0;
      guint shown = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "custom"));

      for (guint i = 0; props != NULL && i < props->len; i++)
        custom += !is_known_prop (g_array_index (props, PlanoProp, i).name);

      g_object_set_data (G_OBJECT (self), "custom", GUINT_TO_POINTER (custom));
      if (custom != shown)
        {
          rebuild (self);
          return;
        }
    }

  refresh (self);
}

/**
 * plano_inspector_get_row:
 * @name: "label", "kind", "note", a property such as "replicas", or "add-prop"
 *
 * Returns: (transfer none) (nullable): the widget that edits @name: an entry row, a combo
 *   row, or the spin button of a number
 */
GtkWidget *
plano_inspector_get_row (PlanoInspector *self,
                         const char     *name)
{
  g_return_val_if_fail (PLANO_IS_INSPECTOR (self), NULL);

  return g_hash_table_lookup (self->rows, name);
}

PlanoCanvas *
plano_inspector_get_canvas (PlanoInspector *self)
{
  g_return_val_if_fail (PLANO_IS_INSPECTOR (self), NULL);

  return self->canvas;
}

static void
history_notify_cb (PlanoInspector *self,
                   GParamSpec     *pspec,
                   PlanoCanvas    *canvas)
{
  PlanoHistory *h = plano_canvas_get_history (canvas);

  if (self->board != NULL)
    g_clear_signal_handler (&self->changed_handler, self->board);
  g_clear_object (&self->board);

  if (h != NULL)
    {
      self->board = g_object_ref (plano_history_get_board (h));
      self->changed_handler = g_signal_connect_object (self->board, "changed",
                                                       G_CALLBACK (board_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
    }

  rebuild (self);
}

void
plano_inspector_set_canvas (PlanoInspector *self,
                            PlanoCanvas    *canvas)
{
  g_return_if_fail (PLANO_IS_INSPECTOR (self));

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
      g_signal_connect_object (canvas, "selection-changed", G_CALLBACK (selection_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (canvas, "notify::history", G_CALLBACK (history_notify_cb),
                               self, G_CONNECT_SWAPPED);
      history_notify_cb (self, NULL, canvas);
    }
}

static void
plano_inspector_dispose (GObject *object)
{
  PlanoInspector *self = (PlanoInspector *)object;

  if (self->board != NULL)
    g_clear_signal_handler (&self->changed_handler, self->board);
  g_clear_object (&self->board);
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  g_clear_object (&self->canvas);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_strfreev);

  G_OBJECT_CLASS (plano_inspector_parent_class)->dispose (object);
}

static void
plano_inspector_class_init (PlanoInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plano_inspector_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planoinspector");
}

static void
plano_inspector_init (PlanoInspector *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
plano_inspector_new (void)
{
  return g_object_new (PLANO_TYPE_INSPECTOR, NULL);
}
