/* test-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plano-board.h"
#include "plano-catalog.h"
#include "plano-format.h"
#include "plano-history.h"
#include "plano-test-core.h"

static const char *
random_id (PlanoBoard    *board,
           PlanoItemType  type)
{
  guint n = plano_board_get_n_items (board, type);

  if (n == 0)
    return NULL;

  return plano_board_get_item (board, type, g_test_rand_int_range (0, n))->id;
}

/* One random operation of every kind a user can make; returns whether it changed the board. */
static gboolean
random_operation (PlanoBoard *board)
{
  guint n_kinds;
  const PlanoKind *kinds = plano_catalog_get_kinds (&n_kinds);
  const char *node_id = random_id (board, PLANO_ITEM_NODE);
  g_autofree char *id = NULL;

  switch (g_test_rand_int_range (0, 12))
    {
    case 0:
    case 1:
      return plano_board_add_node (board, kinds[g_test_rand_int_range (0, n_kinds)].id,
                                   g_test_rand_double_range (-2000, 2000),
                                   g_test_rand_double_range (-2000, 2000)) != NULL;

    case 2:
      {
        const char *other = random_id (board, PLANO_ITEM_NODE);
        static const char *edge_kinds[] = { NULL, "stream", "batch", "request", "cdc" };

        if (node_id == NULL)
          return FALSE;
        return plano_board_add_edge (board, node_id, other,
                                     edge_kinds[g_test_rand_int_range (0, 5)], NULL) != NULL;
      }

    case 3:
      {
        PlanoItemType type = g_test_rand_int_range (0, PLANO_N_ITEM_TYPES);
        const char *victim = random_id (board, type);

        return victim != NULL && plano_board_remove_item (board, victim);
      }

    case 4:
      {
        const char *ids[] = { node_id, random_id (board, PLANO_ITEM_ZONE),
                              random_id (board, PLANO_ITEM_NOTE), NULL };

        if (node_id == NULL)
          return FALSE;
        return plano_board_move_items (board, ids, g_test_rand_double_range (-50, 50),
                                       g_test_rand_double_range (-50, 50));
      }

    case 5:
      if (node_id == NULL)
        return FALSE;
      return plano_board_set_bounds (board, node_id, g_test_rand_double_range (-500, 500),
                                     g_test_rand_double_range (-500, 500),
                                     g_test_rand_double_range (40, 400),
                                     g_test_rand_double_range (40, 400));

    case 6:
      {
        g_autofree char *label = g_strdup_printf ("Label %d", g_test_rand_int ());

        return node_id != NULL && plano_board_set_label (board, node_id, label);
      }

    case 7:
      {
        PlanoProp prop = { (char *) "replicas", PLANO_VALUE_NUMBER,
                           g_test_rand_int_range (1, 9), NULL, FALSE };

        if (g_test_rand_bit ())
          return node_id != NULL && plano_board_set_prop (board, node_id, &prop);
        return node_id != NULL && plano_board_unset_prop (board, node_id, "replicas");
      }

    case 8:
      {
        PlanoZone *zone;

        id = plano_board_new_id (board, "zone");
        zone = (PlanoZone *) plano_item_new (PLANO_ITEM_ZONE, id);
        zone->x = g_test_rand_double_range (-1000, 1000);
        zone->y = g_test_rand_double_range (-1000, 1000);
        zone->w = 400, zone->h = 300;
        zone->kind = g_strdup ("silver");
        return plano_board_add_item (board, (PlanoItem *) zone, NULL);
      }

    case 9:
      {
        PlanoNote *note;

        id = plano_board_new_id (board, "note");
        note = (PlanoNote *) plano_item_new (PLANO_ITEM_NOTE, id);
        note->text = g_strdup ("Remember back-pressure");
        note->target = g_strdup (node_id);
        return plano_board_add_item (board, (PlanoItem *) note, NULL);
      }

    case 10:
      {
        PlanoTradeoff *tradeoff;

        id = plano_board_new_id (board, "tradeoff");
        tradeoff = (PlanoTradeoff *) plano_item_new (PLANO_ITEM_TRADEOFF, id);
        tradeoff->title = g_strdup ("Batch or streaming");
        tradeoff->target = g_strdup (node_id);
        tradeoff->pros = g_strsplit ("fresh data,one code path", ",", -1);
        return plano_board_add_item (board, (PlanoItem *) tradeoff, NULL);
      }

    case 11:
      {
        g_autofree char *title = g_strdup_printf ("Board %d", g_test_rand_int_range (0, 5));
        g_autofree char *before = g_strdup (plano_board_get_title (board));

        plano_board_set_title (board, title);
        return g_strcmp0 (before, title) != 0;
      }

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* Random operations, 1 000 and 10 000 of them: undoing them all gives back the exact file of
 * the start, redoing them all the exact file of the end, within the memory budget.
 */
static void
test_random_sequence (gconstpointer data)
{
  guint n_operations = GPOINTER_TO_UINT (data);
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  g_autofree char *start = plano_format_write (board, NULL);
  g_autofree char *end = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  guint changes = 0;

  for (guint i = 0; i < n_operations; i++)
    changes += random_operation (board);

  end = plano_format_write (board, NULL);
  g_assert_cmpstr (start, !=, end);
  g_assert_cmpuint (plano_history_get_n_undo (history), ==, changes);
  g_assert_cmpuint (plano_history_get_memory_used (history), <=, plano_history_get_budget (history));

  while (plano_history_undo (history))
    ;
  undone = plano_format_write (board, NULL);
  g_assert_cmpstr (undone, ==, start);
  g_assert_false (plano_history_get_is_modified (history));

  while (plano_history_redo (history))
    ;
  redone = plano_format_write (board, NULL);
  g_assert_cmpstr (redone, ==, end);
}

/* A drag is one transaction: one step to undo, and its moves fold into one op. */
static void
test_drag_is_one_step (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  const char *ids[] = { "kafka", NULL };
  gsize after_one;

  plano_history_begin (history, "Move");
  plano_board_move_items (board, ids, 1, 1);
  after_one = plano_history_get_memory_used (history);
  for (guint i = 0; i < 499; i++)
    plano_board_move_items (board, ids, 1, 1);
  plano_history_commit (history);

  g_assert_cmpuint (plano_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (plano_history_get_undo_label (history), ==, "Move");
  g_assert_cmpuint (plano_history_get_memory_used (history), ==, after_one);
  g_assert_cmpfloat (plano_board_lookup_node (board, "kafka")->x, ==, 760);

  plano_history_undo (history);
  g_assert_cmpfloat (plano_board_lookup_node (board, "kafka")->x, ==, 260);
  g_assert_cmpfloat (plano_board_lookup_node (board, "kafka")->y, ==, 120);
}

static void
test_nested_transactions (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
  g_autoptr(PlanoHistory) history = plano_history_new (board);

  plano_history_begin (history, "Paste");
  plano_board_add_node (board, "redis", 0, 0);
  plano_history_begin (history, "inner");
  plano_board_add_node (board, "druid", 0, 0);
  plano_history_commit (history);
  plano_board_set_title (board, "Pasted");
  plano_history_commit (history);

  g_assert_cmpuint (plano_history_get_n_undo (history), ==, 1);
  plano_history_undo (history);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_NODE), ==, 3);
  g_assert_cmpstr (plano_board_get_title (board), ==, "Clickstream");
}

/* Escape during a drag: everything since begin is taken back and no step is left. */
static void
test_cancel (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  g_autofree char *start = plano_format_write (board, NULL);
  g_autofree char *after = NULL;
  const char *ids[] = { "flink", NULL };

  plano_history_begin (history, "Move");
  plano_board_move_items (board, ids, 100, 0);
  plano_board_remove_item (board, "apps");
  plano_history_cancel (history);

  after = plano_format_write (board, NULL);
  g_assert_cmpstr (after, ==, start);
  g_assert_false (plano_history_get_can_undo (history));
  g_assert_cmpuint (plano_history_get_memory_used (history), ==, 0);
}

static void
test_new_change_clears_redo (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
  g_autoptr(PlanoHistory) history = plano_history_new (board);

  plano_board_set_title (board, "One");
  plano_history_undo (history);
  g_assert_true (plano_history_get_can_redo (history));
  plano_board_set_title (board, "Two");
  g_assert_false (plano_history_get_can_redo (history));
  g_assert_false (plano_history_redo (history));
  g_assert_cmpstr (plano_board_get_title (board), ==, "Two");
}

static void
test_modified (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
  g_autoptr(PlanoHistory) history = plano_history_new (board);

  g_assert_false (plano_history_get_is_modified (history));
  plano_board_set_title (board, "One");
  g_assert_true (plano_history_get_is_modified (history));
  plano_history_set_saved (history);
  g_assert_false (plano_history_get_is_modified (history));

  plano_history_undo (history);
  g_assert_true (plano_history_get_is_modified (history));
  plano_history_redo (history);
  g_assert_false (plano_history_get_is_modified (history));

  /* Undo past the save and change something else: the saved state is gone for good. */
  plano_history_undo (history);
  plano_board_set_title (board, "Other");
  plano_history_undo (history);
  g_assert_true (plano_history_get_is_modified (history));
}

/* Past the memory budget the oldest steps go, never the newest. */
static void
test_budget (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  g_autofree char *before_last = NULL;
  g_autofree char *after_undo = NULL;
  gsize budget = 16 * 1024;

  plano_history_set_budget (history, budget);

  for (guint i = 0; i < 2000; i++)
    plano_board_add_node (board, "kafka", i, i);

  g_assert_cmpuint (plano_history_get_memory_used (history), <=, budget);
  g_assert_cmpuint (plano_history_get_n_undo (history), <, 2000);
  g_assert_cmpuint (plano_history_get_n_undo (history), >, 10);

  /* The newest step is still there. */
  before_last = plano_format_write (board, NULL);
  g_assert_true (plano_history_undo (history));
  g_assert_null (plano_board_lookup (board, "kafka-2000"));
  g_assert_nonnull (plano_board_lookup (board, "kafka-1999"));

  /* Undo everything left: the oldest nodes stay, since their steps were dropped. */
  while (plano_history_undo (history))
    ;
  after_undo = plano_format_write (board, NULL);
  g_assert_nonnull (plano_board_lookup (board, "kafka-1"));
  g_assert_cmpstr (before_last, !=, after_undo);

  /* A step bigger than the whole budget still stays, alone. */
  plano_history_set_budget (history, 1);
  plano_board_set_title (board, "Huge");
  g_assert_cmpuint (plano_history_get_n_undo (history), ==, 1);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* The undo and redo buttons follow can-undo and can-redo. */
static void
test_can_undo_notify (void)
{
  g_autoptr(PlanoBoard) board = plano_test_load_fixture ("example.plano");
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  guint undo_notified = 0;
  guint redo_notified = 0;

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_cb), &undo_notified);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (count_cb), &redo_notified);

  g_assert_false (plano_history_get_can_undo (history));
  plano_board_set_title (board, "x");
  g_assert_true (plano_history_get_can_undo (history));
  g_assert_cmpuint (undo_notified, ==, 1);

  plano_board_set_title (board, "y");
  g_assert_cmpuint (undo_notified, ==, 1);

  plano_history_undo (history);
  g_assert_cmpuint (redo_notified, ==, 1);
  plano_history_undo (history);
  g_assert_false (plano_history_get_can_undo (history));
  g_assert_cmpuint (undo_notified, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/plano/history/random-sequence-1000", GUINT_TO_POINTER (1000), test_random_sequence);
  g_test_add_data_func ("/plano/history/random-sequence-10000", GUINT_TO_POINTER (10000), test_random_sequence);
  g_test_add_func ("/plano/history/drag-is-one-step", test_drag_is_one_step);
  g_test_add_func ("/plano/history/nested-transactions", test_nested_transactions);
  g_test_add_func ("/plano/history/cancel", test_cancel);
  g_test_add_func ("/plano/history/new-change-clears-redo", test_new_change_clears_redo);
  g_test_add_func ("/plano/history/modified", test_modified);
  g_test_add_func ("/plano/history/budget", test_budget);
  g_test_add_func ("/plano/history/can-undo-notify", test_can_undo_notify);

  return g_test_run ();
}
