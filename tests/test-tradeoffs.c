/* test-tradeoffs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trade-off annotations: create, edit, undo, save and reload keep every field; presets and
 * per-kind hints; the list's filter. And the board's own props, where its p99 target lives.
 */

#include "config.h"

#include <string.h>

#include "plano-format.h"
#include "plano-history.h"
#include "plano-tradeoffs.h"

static PlanoBoard *
reload (PlanoBoard *board)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *text = plano_format_write (board, &length);
  PlanoBoard *copy = plano_format_read (text, length, NULL, &error);

  g_assert_no_error (error);
  return copy;
}

static void
assert_same_tradeoff (const PlanoTradeoff *a,
                      const PlanoTradeoff *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (a->item.id, ==, b->item.id);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->target, ==, b->target);
  g_assert_cmpstr (a->choice, ==, b->choice);
  g_assert_cmpstrv (a->alternatives, b->alternatives);
  g_assert_cmpstrv (a->pros, b->pros);
  g_assert_cmpstrv (a->cons, b->cons);
  g_assert_cmpstr (a->rationale, ==, b->rationale);
}

static void
test_create_edit_undo_reload (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  g_autoptr(PlanoBoard) saved = NULL;
  g_autoptr(GError) error = NULL;
  const PlanoNode *kafka = plano_board_add_node (board, "kafka", 0, 0);
  PlanoTradeoff *tradeoff;
  PlanoTradeoff *edit;
  g_autofree char *id = NULL;

  plano_history_clear (history);

  /* Created from the batch-vs-streaming preset, on Kafka. */
  tradeoff = plano_tradeoff_new (board, kafka->item.id, plano_tradeoff_lookup_preset ("batch-streaming"));
  id = g_strdup (tradeoff->item.id);
  g_assert_cmpstr (tradeoff->title, ==, "Batch vs streaming");
  g_assert_cmpstrv (tradeoff->alternatives, ((const char *[]) { "Batch", "Streaming", NULL }));
  g_assert_cmpstr (tradeoff->target, ==, kafka->item.id);

  plano_history_begin (history, "Add Trade-off");
  g_assert_true (plano_board_add_item (board, (PlanoItem *) tradeoff, &error));
  g_assert_no_error (error);
  plano_history_commit (history);

  /* Every field edited in one change. */
  edit = (PlanoTradeoff *) plano_item_copy (plano_board_lookup (board, id));
  edit->choice = g_strdup ("Streaming");
  edit->pros = plano_tradeoff_split_lines ("replay\n  back-pressure  \n\n");
  edit->cons = plano_tradeoff_split_lines ("operations cost");
  edit->rationale = g_strdup ("Fraud scores are needed within seconds.");
  g_strfreev (edit->alternatives);
  edit->alternatives = plano_tradeoff_split_lines ("Batch\nStreaming\nMicro-batch");
  plano_history_begin (history, "Edit Trade-off");
  g_assert_true (plano_board_update_item (board, (PlanoItem *) edit, &error));
  g_assert_no_error (error);
  plano_history_commit (history);

  g_assert_cmpstrv (((const PlanoTradeoff *) plano_board_lookup (board, id))->pros,
                    ((const char *[]) { "replay", "back-pressure", NULL }));

  /* Save and reload keep every field. */
  saved = reload (board);
  assert_same_tradeoff ((const PlanoTradeoff *) plano_board_lookup (board, id),
                        (const PlanoTradeoff *) plano_board_lookup (saved, id));

  /* Undo the edit, then the creation. */
  plano_history_undo (history);
  g_assert_null (((const PlanoTradeoff *) plano_board_lookup (board, id))->choice);
  g_assert_null (((const PlanoTradeoff *) plano_board_lookup (board, id))->pros);
  plano_history_undo (history);
  g_assert_null (plano_board_lookup (board, id));
  plano_history_redo (history);
  plano_history_redo (history);
  assert_same_tradeoff ((const PlanoTradeoff *) plano_board_lookup (board, id),
                        (const PlanoTradeoff *) plano_board_lookup (saved, id));

  /* Removing Kafka takes its trade-off with it, and undo brings both back. */
  plano_history_begin (history, "Delete");
  plano_board_remove_item (board, kafka->item.id);
  plano_history_commit (history);
  g_assert_null (plano_board_lookup (board, id));
  plano_history_undo (history);
  g_assert_nonnull (plano_board_lookup (board, id));

  plano_item_free ((PlanoItem *) edit);
}

static void
test_board_wide (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(GError) error = NULL;
  PlanoTradeoff *tradeoff = plano_tradeoff_new (board, NULL, NULL);
  g_autoptr(PlanoBoard) saved = NULL;
  g_autofree char *id = g_strdup (tradeoff->item.id);

  g_assert_cmpstr (tradeoff->title, ==, "Decision");
  g_assert_null (tradeoff->target);
  g_assert_true (plano_board_add_item (board, (PlanoItem *) tradeoff, &error));

  saved = reload (board);
  assert_same_tradeoff ((const PlanoTradeoff *) plano_board_lookup (board, id),
                        (const PlanoTradeoff *) plano_board_lookup (saved, id));
}

static void
test_presets_and_hints (void)
{
  static const char *axes[] = {
    "consistency-availability", "latency-throughput", "cost-performance", "batch-streaming",
    "normalize-denormalize", "acid-base", "push-pull", NULL,
  };
  guint n;
  const PlanoTradeoffPreset *presets = plano_tradeoff_get_presets (&n);
  g_autofree char *kafka = plano_tradeoff_get_kind_hint ("kafka");
  g_autofree char *flink = plano_tradeoff_get_kind_hint ("flink");
  g_autofree char *looker = plano_tradeoff_get_kind_hint ("looker");

  g_assert_cmpuint (n, ==, g_strv_length ((GStrv) axes));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (presets[i].id, ==, axes[i]);
      g_assert_nonnull (presets[i].sides[0]);
      g_assert_nonnull (presets[i].sides[1]);
      g_assert_nonnull (presets[i].question);
    }

  g_assert_nonnull (strstr (kafka, "For Kafka, weigh durability"));
  g_assert_nonnull (strstr (kafka, "replay"));
  g_assert_nonnull (strstr (kafka, "back-pressure"));
  g_assert_nonnull (strstr (flink, "exactly-once"));
  g_assert_nonnull (strstr (flink, "low latency"));
  g_assert_null (looker);
}

static void
test_filter (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  const PlanoNode *kafka = plano_board_add_node (board, "kafka", 0, 0);
  g_autoptr(PlanoItem) item = (PlanoItem *) plano_tradeoff_new (board, kafka->item.id, NULL);
  PlanoTradeoff *tradeoff = (PlanoTradeoff *) item;

  tradeoff->choice = g_strdup ("Kafka");
  tradeoff->cons = plano_tradeoff_split_lines ("Operations cost");
  tradeoff->rationale = g_strdup ("Replay après un bug");

  g_assert_true (plano_tradeoff_matches (board, tradeoff, NULL));
  g_assert_true (plano_tradeoff_matches (board, tradeoff, "  "));
  g_assert_true (plano_tradeoff_matches (board, tradeoff, "OPERATIONS"));
  g_assert_true (plano_tradeoff_matches (board, tradeoff, "APRÈS"));
  g_assert_true (plano_tradeoff_matches (board, tradeoff, "kafka"));
  g_assert_false (plano_tradeoff_matches (board, tradeoff, "flink"));
}

/* The board's own props: its p99 target is one undoable change, saved under "props". */
static void
test_board_props (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  g_autoptr(PlanoBoard) saved = NULL;
  PlanoProp target = { (char *) "p99_ms", PLANO_VALUE_NUMBER, 500, NULL, FALSE };
  double value = 0;
  g_autofree char *text = NULL;

  plano_history_begin (history, "Set Target");
  g_assert_true (plano_board_set_prop (board, NULL, &target));
  plano_history_commit (history);
  g_assert_false (plano_board_set_prop (board, NULL, &target));

  g_assert_true (plano_props_get_number (plano_board_get_props (board), "p99_ms", &value));
  g_assert_cmpfloat (value, ==, 500);

  text = plano_format_write (board, NULL);
  g_assert_nonnull (strstr (text, "  \"props\": {\n    \"p99_ms\": 500\n  }\n"));
  saved = reload (board);
  g_assert_true (plano_props_get_number (plano_board_get_props (saved), "p99_ms", &value));
  g_assert_cmpfloat (value, ==, 500);

  plano_history_undo (history);
  g_assert_null (plano_board_get_props (board));
  plano_history_redo (history);
  g_assert_nonnull (plano_board_get_props (board));

  g_assert_true (plano_board_unset_prop (board, NULL, "p99_ms"));
  g_assert_null (plano_board_get_props (board));
  g_assert_false (plano_board_unset_prop (board, NULL, "p99_ms"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/tradeoffs/create-edit-undo-reload", test_create_edit_undo_reload);
  g_test_add_func ("/plano/tradeoffs/board-wide", test_board_wide);
  g_test_add_func ("/plano/tradeoffs/presets-and-hints", test_presets_and_hints);
  g_test_add_func ("/plano/tradeoffs/filter", test_filter);
  g_test_add_func ("/plano/tradeoffs/board-props", test_board_props);

  return g_test_run ();
}
