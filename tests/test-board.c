/* test-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plano-board.h"
#include "plano-format.h"
#include "plano-history.h"

typedef struct
{
  GPtrArray *log;   /* "added nodes kafka-1", one string an op */
} Recorder;

static void
changed_cb (PlanoBoard  *board,
            PlanoChange *change,
            Recorder    *recorder)
{
  static const char *kinds[] = { "added", "removed", "modified", "title", "board-props" };

  for (guint i = 0; i < plano_change_get_n_ops (change); i++)
    {
      PlanoItemType type;
      const char *id;
      PlanoChangeKind kind = plano_change_get_op (change, i, &type, &id);

      if (kind == PLANO_CHANGE_TITLE || kind == PLANO_CHANGE_BOARD_PROPS)
        g_ptr_array_add (recorder->log, g_strdup (kinds[kind]));
      else
        g_ptr_array_add (recorder->log, g_strdup_printf ("%s %s %s", kinds[kind],
                                                         plano_item_type_get_name (type), id));
    }
}

static char *
take_log (Recorder *recorder)
{
  char *joined;

  g_ptr_array_add (recorder->log, NULL);
  joined = g_strjoinv ("; ", (char **) recorder->log->pdata);
  g_ptr_array_set_size (recorder->log, 0);

  return joined;
}

static PlanoBoard *
new_pipeline (void)
{
  PlanoBoard *board = plano_board_new ();
  g_autoptr(GError) error = NULL;

  plano_board_add_node (board, "app", 0, 0);
  plano_board_add_node (board, "kafka", 200, 0);
  plano_board_add_node (board, "flink", 400, 0);
  plano_board_add_edge (board, "app-1", "kafka-1", "stream", &error);
  g_assert_no_error (error);
  plano_board_add_edge (board, "kafka-1", "flink-1", "stream", &error);
  g_assert_no_error (error);

  return board;
}

static void
test_add_node (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  const PlanoNode *node;
  const PlanoNode *second;

  node = plano_board_add_node (board, "kafka", 12.5, -40);
  g_assert_nonnull (node);
  g_assert_cmpstr (node->item.id, ==, "kafka-1");
  g_assert_cmpfloat (node->x, ==, 12.5);
  g_assert_cmpfloat (node->y, ==, -40);
  g_assert_cmpfloat (node->w, ==, 160);
  g_assert_false (node->has_size);
  g_assert_null (node->label);
  g_assert_cmpstr (plano_board_get_label (board, "kafka-1"), ==, "Kafka");

  second = plano_board_add_node (board, "kafka", 0, 0);
  g_assert_cmpstr (second->item.id, ==, "kafka-2");
  g_assert_true (plano_board_lookup (board, "kafka-2") == (const PlanoItem *) second);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_NODE), ==, 2);
}

static void
test_add_refused (void)
{
  g_autoptr(PlanoBoard) board = new_pipeline ();
  g_autoptr(GError) error = NULL;
  PlanoNode *dup = (PlanoNode *) plano_item_new (PLANO_ITEM_NODE, "kafka-1");
  PlanoNode *bad = (PlanoNode *) plano_item_new (PLANO_ITEM_NODE, "has space");

  dup->kind = g_strdup ("redis");
  g_assert_false (plano_board_add_item (board, (PlanoItem *) dup, &error));
  g_assert_error (error, PLANO_BOARD_ERROR, PLANO_BOARD_ERROR_DUPLICATE_ID);
  g_clear_error (&error);

  bad->kind = g_strdup ("redis");
  g_assert_false (plano_board_add_item (board, (PlanoItem *) bad, &error));
  g_assert_error (error, PLANO_BOARD_ERROR, PLANO_BOARD_ERROR_INVALID_ID);
  g_clear_error (&error);

  g_assert_null (plano_board_add_edge (board, "kafka-1", "nowhere", NULL, &error));
  g_assert_error (error, PLANO_BOARD_ERROR, PLANO_BOARD_ERROR_NOT_FOUND);

  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_NODE), ==, 3);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_EDGE), ==, 2);
}

/* Removing a node takes its edges and the trade-offs about it, in one change. */
static void
test_remove_node_removes_edges (void)
{
  g_autoptr(PlanoBoard) board = new_pipeline ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  Recorder recorder = { log };
  g_autofree char *ops = NULL;
  PlanoTradeoff *tradeoff = (PlanoTradeoff *) plano_item_new (PLANO_ITEM_TRADEOFF, "t1");
  PlanoNote *note = (PlanoNote *) plano_item_new (PLANO_ITEM_NOTE, "n1");

  tradeoff->title = g_strdup ("Kafka or Kinesis");
  tradeoff->target = g_strdup ("kafka-1");
  g_assert_true (plano_board_add_item (board, (PlanoItem *) tradeoff, NULL));
  note->text = g_strdup ("three brokers");
  note->target = g_strdup ("kafka-1");
  g_assert_true (plano_board_add_item (board, (PlanoItem *) note, NULL));

  g_signal_connect (board, "changed", G_CALLBACK (changed_cb), &recorder);
  g_assert_true (plano_board_remove_item (board, "kafka-1"));

  ops = take_log (&recorder);
  g_assert_cmpstr (ops, ==, "removed edges edge-1; removed edges edge-2; removed tradeoffs t1; "
                            "modified notes n1; removed nodes kafka-1");

  g_assert_null (plano_board_lookup (board, "kafka-1"));
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_EDGE), ==, 0);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_NODE), ==, 2);
  g_assert_null (((const PlanoNote *) plano_board_lookup (board, "n1"))->target);
  g_assert_false (plano_board_remove_item (board, "kafka-1"));
}

static void
test_remove_zone_detaches_nodes (void)
{
  g_autoptr(PlanoBoard) board = new_pipeline ();
  PlanoZone *zone = (PlanoZone *) plano_item_new (PLANO_ITEM_ZONE, "serving");
  PlanoNode *node;

  zone->x = -10, zone->y = -10, zone->w = 300, zone->h = 200;
  g_assert_true (plano_board_add_item (board, (PlanoItem *) zone, NULL));

  node = (PlanoNode *) plano_item_copy (plano_board_lookup (board, "app-1"));
  node->zone = g_strdup ("serving");
  g_assert_true (plano_board_update_item (board, (PlanoItem *) node, NULL));
  plano_item_free ((PlanoItem *) node);
  g_assert_nonnull (plano_board_add_edge (board, "serving", "flink-1", NULL, NULL));

  g_assert_true (plano_board_remove_item (board, "serving"));
  g_assert_null (plano_board_lookup_node (board, "app-1")->zone);
  g_assert_cmpuint (plano_board_get_n_items (board, PLANO_ITEM_EDGE), ==, 2);
}

static void
test_move_resize_relabel (void)
{
  g_autoptr(PlanoBoard) board = new_pipeline ();
  const char *ids[] = { "app-1", "flink-1", NULL };
  const PlanoNode *app;
  double replicas = 0;
  PlanoProp prop = { (char *) "replicas", PLANO_VALUE_NUMBER, 3, NULL, FALSE };

  g_assert_true (plano_board_move_items (board, ids, 10, -5));
  app = plano_board_lookup_node (board, "app-1");
  g_assert_cmpfloat (app->x, ==, 10);
  g_assert_cmpfloat (app->y, ==, -5);
  g_assert_cmpfloat (plano_board_lookup_node (board, "flink-1")->x, ==, 410);
  g_assert_cmpfloat (plano_board_lookup_node (board, "kafka-1")->x, ==, 200);

  /* Moving far keeps the item inside the coordinates the format allows. */
  g_assert_true (plano_board_move_items (board, ids, 1e9, 0));
  g_assert_cmpfloat (plano_board_lookup_node (board, "app-1")->x, ==, PLANO_COORD_MAX);

  g_assert_true (plano_board_set_bounds (board, "kafka-1", 1, 2, 300, 90));
  g_assert_true (plano_board_lookup_node (board, "kafka-1")->has_size);
  g_assert_cmpfloat (plano_board_lookup_node (board, "kafka-1")->w, ==, 300);
  g_assert_false (plano_board_set_bounds (board, "kafka-1", 1, 2, 0, 90));

  g_assert_true (plano_board_set_label (board, "kafka-1", "Event bus"));
  g_assert_cmpstr (plano_board_get_label (board, "kafka-1"), ==, "Event bus");
  g_assert_true (plano_board_set_label (board, "kafka-1", ""));
  g_assert_cmpstr (plano_board_get_label (board, "kafka-1"), ==, "Kafka");
  g_assert_false (plano_board_set_label (board, "kafka-1", NULL));

  g_assert_true (plano_board_set_prop (board, "kafka-1", &prop));
  g_assert_true (plano_props_get_number (plano_board_lookup_node (board, "kafka-1")->props,
                                         "replicas", &replicas));
  g_assert_cmpfloat (replicas, ==, 3);
  g_assert_false (plano_board_set_prop (board, "kafka-1", &prop));
  g_assert_true (plano_board_unset_prop (board, "kafka-1", "replicas"));
  g_assert_null (plano_board_lookup_node (board, "kafka-1")->props);
}

/* Each operation, undone, gives back the exact file; redone, the exact file after it. */
static void
test_undo_redo_each (void)
{
  g_autoptr(PlanoBoard) board = new_pipeline ();
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  const char *ids[] = { "kafka-1", NULL };
  PlanoProp prop = { (char *) "partitions", PLANO_VALUE_NUMBER, 12, NULL, FALSE };
  enum { ADD, REMOVE, MOVE, RESIZE, RELABEL, PROP, TITLE, N_OPS };

  for (guint op = 0; op < N_OPS; op++)
    {
      g_autofree char *before = plano_format_write (board, NULL);
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;

      switch (op)
        {
        case ADD:
          g_assert_nonnull (plano_board_add_node (board, "redis", 600, 0));
          break;
        case REMOVE:
          g_assert_true (plano_board_remove_item (board, "kafka-1"));
          break;
        case MOVE:
          g_assert_true (plano_board_move_items (board, ids, 33, 44));
          break;
        case RESIZE:
          g_assert_true (plano_board_set_bounds (board, "kafka-1", 5, 5, 250, 80));
          break;
        case RELABEL:
          g_assert_true (plano_board_set_label (board, "kafka-1", "Clicks topic"));
          break;
        case PROP:
          g_assert_true (plano_board_set_prop (board, "kafka-1", &prop));
          break;
        case TITLE:
          plano_board_set_title (board, "Clickstream");
          break;
        default:
          g_assert_not_reached ();
        }

      after = plano_format_write (board, NULL);
      g_assert_cmpstr (before, !=, after);

      g_assert_true (plano_history_undo (history));
      undone = plano_format_write (board, NULL);
      g_assert_cmpstr (undone, ==, before);

      g_assert_true (plano_history_redo (history));
      redone = plano_format_write (board, NULL);
      g_assert_cmpstr (redone, ==, after);

      /* Undo again so that every operation starts from the same pipeline. */
      g_assert_true (plano_history_undo (history));
    }
}

/* Undo reports its change too, with additions and removals the right way round. */
static void
test_undo_change_reported (void)
{
  g_autoptr(PlanoBoard) board = new_pipeline ();
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  Recorder recorder = { log };
  g_autofree char *removed = NULL;
  g_autofree char *undone = NULL;

  g_signal_connect (board, "changed", G_CALLBACK (changed_cb), &recorder);
  plano_board_remove_item (board, "flink-1");
  removed = take_log (&recorder);
  g_assert_cmpstr (removed, ==, "removed edges edge-2; removed nodes flink-1");

  plano_history_undo (history);
  undone = take_log (&recorder);
  g_assert_cmpstr (undone, ==, "added nodes flink-1; added edges edge-2");
}

/* Copying items takes the edges between them and the trade-offs about them; inserting the
 * copy gives every item a new id, follows the references, and moves everything by the offset.
 */
static void
test_copy_and_insert (void)
{
  g_autoptr(PlanoBoard) board = new_pipeline ();
  g_autoptr(PlanoBoard) fragment = NULL;
  g_autoptr(PlanoBoard) reread = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) added = NULL;
  const char *ids[] = { "kafka-1", "flink-1", NULL };
  PlanoTradeoff *tradeoff = (PlanoTradeoff *) plano_item_new (PLANO_ITEM_TRADEOFF, "t1");
  const PlanoEdge *edge = NULL;
  const PlanoTradeoff *copied = NULL;

  tradeoff->title = g_strdup ("Flink or Spark");
  tradeoff->target = g_strdup ("flink-1");
  g_assert_true (plano_board_add_item (board, (PlanoItem *) tradeoff, NULL));

  fragment = plano_board_copy_items (board, ids);
  g_assert_cmpuint (plano_board_get_n_items (fragment, PLANO_ITEM_NODE), ==, 2);
  g_assert_cmpuint (plano_board_get_n_items (fragment, PLANO_ITEM_EDGE), ==, 1);   /* not app → kafka */
  g_assert_cmpuint (plano_board_get_n_items (fragment, PLANO_ITEM_TRADEOFF), ==, 1);

  /* Through the clipboard's text, as a .plano fragment. */
  text = plano_format_write (fragment, NULL);
  reread = plano_format_read (text, strlen (text), NULL, NULL);
  g_assert_nonnull (reread);

  added = plano_board_insert_copy (board, reread, 20, 20);
  g_assert_cmpuint (g_strv_length (added), ==, 4);
  g_assert_cmpstr (added[0], ==, "kafka-2");
  g_assert_cmpstr (added[1], ==, "flink-2");
  g_assert_cmpfloat (plano_board_lookup_node (board, "kafka-2")->x, ==, 220);
  g_assert_cmpfloat (plano_board_lookup_node (board, "kafka-2")->y, ==, 20);

  for (guint i = 0; added[i] != NULL; i++)
    {
      const PlanoItem *item = plano_board_lookup (board, added[i]);

      if (item->type == PLANO_ITEM_EDGE)
        edge = (const PlanoEdge *) item;
      if (item->type == PLANO_ITEM_TRADEOFF)
        copied = (const PlanoTradeoff *) item;
    }
  g_assert_cmpstr (edge->from, ==, "kafka-2");
  g_assert_cmpstr (edge->to, ==, "flink-2");
  g_assert_cmpstr (copied->target, ==, "flink-2");
  g_assert_cmpstr (copied->item.id, !=, "t1");

  /* The originals are untouched. */
  g_assert_cmpfloat (plano_board_lookup_node (board, "kafka-1")->x, ==, 200);
}

/* A snapshot writes out exactly as the board, and stays as it was while the board changes. */
static void
test_copy_is_snapshot (void)
{
  g_autoptr(PlanoBoard) board = NULL;
  g_autoptr(PlanoBoard) copy = NULL;
  g_autoptr(JsonNode) interview = json_from_string ("{\"question\": \"q\", \"notes\": [\"a\", {\"b\": 1}]}", NULL);
  g_autofree char *before = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *after = NULL;

  board = plano_board_new ();
  plano_board_set_title (board, "Snapshot");
  plano_board_add_node (board, "kafka", 10, 20);
  plano_board_add_node (board, "flink", 200, 20);
  plano_board_set_interview (board, interview);
  before = plano_format_write (board, NULL);

  copy = plano_board_copy (board);
  copied = plano_format_write (copy, NULL);
  g_assert_cmpstr (copied, ==, before);
  /* Nothing of the interview record is shared between the two. */
  g_assert_true (json_node_get_object (plano_board_get_interview (copy)) !=
                 json_node_get_object (interview));

  plano_board_set_title (board, "Changed");
  plano_board_remove_item (board, plano_board_get_item (board, PLANO_ITEM_NODE, 0)->id);
  after = plano_format_write (copy, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* Replacing the contents, as a reload does, is one step of the history: the board becomes the
 * other exactly, and one undo gives back what it was. */
static void
test_replace_contents (void)
{
  g_autoptr(PlanoBoard) board = plano_board_new ();
  g_autoptr(PlanoBoard) other = plano_board_new ();
  g_autoptr(PlanoBoard) same_ids = NULL;
  g_autoptr(PlanoHistory) history = plano_history_new (board);
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *result = NULL;
  g_autofree char *kafka = NULL;
  g_autofree char *flink = NULL;

  plano_board_set_title (board, "Mine");
  kafka = g_strdup (plano_board_add_node (board, "kafka", 0, 0)->item.id);
  flink = g_strdup (plano_board_add_node (board, "flink", 100, 0)->item.id);
  g_assert_nonnull (plano_board_add_edge (board, kafka, flink, "stream", NULL));
  plano_history_clear (history);
  mine = plano_format_write (board, NULL);

  plano_board_set_title (other, "Theirs");
  plano_board_add_node (other, "s3", 5, 5);
  theirs = plano_format_write (other, NULL);

  g_assert_true (plano_board_replace_contents (board, other));
  result = plano_format_write (board, NULL);
  g_assert_cmpstr (result, ==, theirs);
  g_assert_cmpuint (plano_history_get_n_undo (history), ==, 1);
  g_assert_false (plano_board_replace_contents (board, other));

  g_assert_true (plano_history_undo (history));
  g_clear_pointer (&result, g_free);
  result = plano_format_write (board, NULL);
  g_assert_cmpstr (result, ==, mine);

  /* The same ids in the same order: only what differs changes. */
  same_ids = plano_board_copy (board);
  plano_board_move_items (same_ids, (const char *[]) { kafka, NULL }, 40, 0);
  g_clear_pointer (&theirs, g_free);
  theirs = plano_format_write (same_ids, NULL);
  g_assert_true (plano_board_replace_contents (board, same_ids));
  g_clear_pointer (&result, g_free);
  result = plano_format_write (board, NULL);
  g_assert_cmpstr (result, ==, theirs);
  g_assert_true (plano_history_undo (history));
  g_clear_pointer (&result, g_free);
  result = plano_format_write (board, NULL);
  g_assert_cmpstr (result, ==, mine);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/board/add-node", test_add_node);
  g_test_add_func ("/plano/board/add-refused", test_add_refused);
  g_test_add_func ("/plano/board/remove-node-removes-edges", test_remove_node_removes_edges);
  g_test_add_func ("/plano/board/remove-zone-detaches-nodes", test_remove_zone_detaches_nodes);
  g_test_add_func ("/plano/board/move-resize-relabel", test_move_resize_relabel);
  g_test_add_func ("/plano/board/undo-redo-each", test_undo_redo_each);
  g_test_add_func ("/plano/board/undo-change-reported", test_undo_change_reported);
  g_test_add_func ("/plano/board/copy-and-insert", test_copy_and_insert);
  g_test_add_func ("/plano/board/copy-is-snapshot", test_copy_is_snapshot);
  g_test_add_func ("/plano/board/replace-contents", test_replace_contents);

  return g_test_run ();
}
