/* plano-guide.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-guide"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plano-catalog.h"
#include "plano-guide.h"
#include "plano-interview.h"
#include "plano-solution-resources.h"
#include "plano-templates.h"
#include "plano-tradeoffs.h"

/* Must-haves are checked on the board as drawn: kinds, connections, props and words. A check
 * never guesses what a component is for from its label; a candidate who means something the
 * catalog has a kind for draws that kind, and says the rest in a note or a trade-off.
 */

#define SOLUTIONS_PATH "/io/github/planoboard/Plano/solutions/"

static const PlanoGuide guides[] = {
#include "plano-question-guides.inc"
};

/**
 * plano_guide_lookup:
 *
 * Returns: (nullable): the guide of a question of the bank, or %NULL
 */
const PlanoGuide *
plano_guide_lookup (const char *question_id)
{
  for (guint i = 0; question_id != NULL && i < G_N_ELEMENTS (guides); i++)
    if (g_str_equal (guides[i].question_id, question_id))
      return &guides[i];

  return NULL;
}

guint
plano_guide_get_n_must_haves (const PlanoGuide *guide)
{
  guint n = 0;

  g_return_val_if_fail (guide != NULL, 0);

  while (n < PLANO_GUIDE_MAX_MUST_HAVES && guide->must_haves[n].id != NULL)
    n++;

  return n;
}

guint
plano_guide_get_n_follow_ups (const PlanoGuide *guide)
{
  guint n = 0;

  g_return_val_if_fail (guide != NULL, 0);

  while (n < PLANO_GUIDE_MAX_FOLLOW_UPS && guide->follow_ups[n].question != NULL)
    n++;

  return n;
}

/**
 * plano_solution_get_source:
 *
 * Returns: (transfer full) (nullable): the reference solution's file as shipped, in English
 */
GBytes *
plano_solution_get_source (const char *question_id)
{
  g_autofree char *path = NULL;

  if (plano_interview_lookup_question (question_id) == NULL)
    return NULL;

  path = g_strconcat (SOLUTIONS_PATH, question_id, ".plano", NULL);
  return g_resource_lookup_data (plano_solutions_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

/**
 * plano_solution_load:
 *
 * Returns: (transfer full) (nullable): a new board with the reference solution of a question,
 *   its texts in the user's language, or %NULL with @error
 */
PlanoBoard *
plano_solution_load (const char  *question_id,
                     GError     **error)
{
  g_autoptr(GBytes) source = plano_solution_get_source (question_id);

  if (source == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no question “%s”; plano --list-questions shows them"),
                   question_id);
      return NULL;
    }

  return plano_template_read_translated (source, error);
}

/* Matching kinds. */

static gboolean
kind_matches (const char *spec,
              const char *kind)
{
  const PlanoKind *info = NULL;
  const char *p = spec;

  if (spec == NULL || kind == NULL)
    return FALSE;

  while (*p != '\0')
    {
      const char *end = strchr (p, '|');
      gsize len = end != NULL ? (gsize) (end - p) : strlen (p);

      if (len == 1 && p[0] == '*')
        return TRUE;

      if (p[0] == '@')
        {
          if (info == NULL)
            info = plano_catalog_lookup (kind);
          if (info != NULL)
            {
              const char *category = plano_category_get_id (info->category);

              if (strlen (category) == len - 1 && strncmp (category, p + 1, len - 1) == 0)
                return TRUE;
            }
        }
      else if (strlen (kind) == len && strncmp (kind, p, len) == 0)
        return TRUE;

      if (end == NULL)
        break;
      p = end + 1;
    }

  return FALSE;
}

static gboolean
node_has_prop (const PlanoNode *node,
               const char      *name,
               double           min)
{
  const PlanoProp *prop;

  if (name == NULL)
    return TRUE;

  prop = plano_props_lookup (node->props, name);
  if (prop == NULL)
    return FALSE;

  switch (prop->type)
    {
    case PLANO_VALUE_NUMBER:
      return prop->number >= min;
    case PLANO_VALUE_BOOLEAN:
      return prop->boolean;
    case PLANO_VALUE_STRING:
      return prop->string != NULL && prop->string[0] != '\0';
    default:
      return FALSE;
    }
}

/* The board as a graph of components: a connection to or from a zone joins every component
 * in it. Components are numbered in board order.
 */
typedef struct
{
  PlanoBoard  *board;
  guint        n_nodes;
  GHashTable  *index;     /* node id → its number + 1 */
  GArray     **out;       /* per node, the numbers of the nodes it connects to */
} Graph;

static gboolean
node_in_zone (const PlanoNode *node,
              const PlanoZone *zone)
{
  double cx = node->x + node->w / 2;
  double cy = node->y + node->h / 2;

  if (node->zone != NULL)
    return g_str_equal (node->zone, zone->item.id);

  return cx >= zone->x && cx <= zone->x + zone->w && cy >= zone->y && cy <= zone->y + zone->h;
}

/* The numbers of the components an end of a connection stands for. */
static void
collect_end (Graph      *graph,
             const char *id,
             GArray     *ends)
{
  const PlanoItem *item = plano_board_lookup (graph->board, id);
  guint number;

  g_array_set_size (ends, 0);
  if (item == NULL)
    return;

  if (item->type == PLANO_ITEM_NODE)
    {
      number = GPOINTER_TO_UINT (g_hash_table_lookup (graph->index, id)) - 1;
      g_array_append_val (ends, number);
    }
  else if (item->type == PLANO_ITEM_ZONE)
    {
      for (guint i = 0; i < graph->n_nodes; i++)
        {
          const PlanoNode *node = (const PlanoNode *) plano_board_get_item (graph->board, PLANO_ITEM_NODE, i);

          if (node_in_zone (node, (const PlanoZone *) item))
            g_array_append_val (ends, i);
        }
    }
}

static void
graph_init (Graph      *graph,
            PlanoBoard *board)
{
  g_autoptr(GArray) from = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) to = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_edges = plano_board_get_n_items (board, PLANO_ITEM_EDGE);

  graph->board = board;
  graph->n_nodes = plano_board_get_n_items (board, PLANO_ITEM_NODE);
  graph->index = g_hash_table_new (g_str_hash, g_str_equal);
  graph->out = g_new0 (GArray *, MAX (graph->n_nodes, 1));

  for (guint i = 0; i < graph->n_nodes; i++)
    {
      const PlanoItem *node = plano_board_get_item (board, PLANO_ITEM_NODE, i);

      g_hash_table_insert (graph->index, node->id, GUINT_TO_POINTER (i + 1));
      graph->out[i] = g_array_new (FALSE, FALSE, sizeof (guint));
    }

  for (guint e = 0; e < n_edges; e++)
    {
      const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, e);

      collect_end (graph, edge->from, from);
      collect_end (graph, edge->to, to);
      for (guint i = 0; i < from->len; i++)
        for (guint j = 0; j < to->len; j++)
          {
            guint a = g_array_index (from, guint, i);
            guint b = g_array_index (to, guint, j);

            if (a != b)
              g_array_append_val (graph->out[a], b);
          }
    }
}

static void
graph_clear (Graph *graph)
{
  for (guint i = 0; i < graph->n_nodes; i++)
    g_array_unref (graph->out[i]);
  g_free (graph->out);
  g_hash_table_unref (graph->index);
}

static const PlanoNode *
graph_node (Graph *graph,
            guint  number)
{
  return (const PlanoNode *) plano_board_get_item (graph->board, PLANO_ITEM_NODE, number);
}

/* Marks in @reached every component reachable from those set in @start, @start included. */
static void
graph_reach (Graph    *graph,
             gboolean *start,
             gboolean *reached)
{
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < graph->n_nodes; i++)
    {
      reached[i] = start[i];
      if (start[i])
        g_array_append_val (queue, i);
    }

  for (guint q = 0; q < queue->len; q++)
    {
      GArray *out = graph->out[g_array_index (queue, guint, q)];

      for (guint k = 0; k < out->len; k++)
        {
          guint next = g_array_index (out, guint, k);

          if (!reached[next])
            {
              reached[next] = TRUE;
              g_array_append_val (queue, next);
            }
        }
    }
}

static gboolean
check_path (const PlanoCheck *check,
            PlanoBoard       *board,
            GPtrArray        *ids)
{
  Graph graph;
  g_autofree gboolean *start = NULL;
  g_autofree gboolean *reached = NULL;
  gboolean found = FALSE;

  graph_init (&graph, board);
  start = g_new0 (gboolean, MAX (graph.n_nodes, 1));
  reached = g_new0 (gboolean, MAX (graph.n_nodes, 1));

  /* From the sources, through a component of @via when it is given: then the walk starts
   * again from the components of @via that the sources reach. A source never counts as its
   * own @via or @to: the path must take at least one connection each time. */
  for (guint i = 0; i < graph.n_nodes; i++)
    start[i] = kind_matches (check->match, graph_node (&graph, i)->kind);

  for (guint step = 0; step < 2; step++)
    {
      const char *target = step == 0 && check->via != NULL ? check->via : check->to;
      gboolean any = FALSE;

      /* Reach from the neighbours of the starting set, so that each leg has a connection. */
      g_autofree gboolean *next = g_new0 (gboolean, MAX (graph.n_nodes, 1));

      for (guint i = 0; i < graph.n_nodes; i++)
        if (start[i])
          for (guint k = 0; k < graph.out[i]->len; k++)
            next[g_array_index (graph.out[i], guint, k)] = TRUE;
      graph_reach (&graph, next, reached);

      for (guint i = 0; i < graph.n_nodes; i++)
        {
          start[i] = reached[i] && kind_matches (target, graph_node (&graph, i)->kind);
          any |= start[i];
        }

      if (!any)
        break;

      if (step == 1 || check->via == NULL)
        {
          found = TRUE;
          break;
        }

      for (guint i = 0; i < graph.n_nodes && ids != NULL; i++)
        if (start[i])
          g_ptr_array_add (ids, g_strdup (graph_node (&graph, i)->item.id));
    }

  if (found && ids != NULL)
    for (guint i = 0; i < graph.n_nodes; i++)
      if (start[i])
        g_ptr_array_add (ids, g_strdup (graph_node (&graph, i)->item.id));

  graph_clear (&graph);

  return found;
}

/* NODE: one component of the kinds has the prop; EVERY: one at least, and all of them. */
static gboolean
check_node (const PlanoCheck *check,
            PlanoBoard       *board,
            GPtrArray        *ids)
{
  guint n = plano_board_get_n_items (board, PLANO_ITEM_NODE);
  gboolean every = check->type == PLANO_CHECK_EVERY;
  gboolean found = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i);

      if (!kind_matches (check->match, node->kind))
        continue;

      if (node_has_prop (node, check->prop, check->min))
        {
          found = TRUE;
          if (ids != NULL)
            g_ptr_array_add (ids, g_strdup (node->item.id));
          else if (!every)
            break;
        }
      else if (every)
        return FALSE;
    }

  return found;
}

/* Words. */

static gboolean
keywords_match (const char *keywords,
                const char *text)
{
  g_auto(GStrv) words = NULL;

  if (keywords == NULL || text == NULL || text[0] == '\0')
    return FALSE;

  words = g_strsplit (keywords, "|", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      /* g_str_match_string() folds accents in the text, not in the search term: "sesión"
       * would not find "sesion". Folded on both sides, either spelling finds the other. */
      g_autofree char *folded = g_str_to_ascii (words[i], "C");

      if (words[i][0] != '\0' && g_str_match_string (folded, text, TRUE))
        return TRUE;
    }

  return FALSE;
}

/* Whether @text mentions a keyword of @keywords, in English or in the user's language. */
static gboolean
text_matches (const char *keywords,
              const char *text)
{
  const char *translated = g_dgettext (GETTEXT_PACKAGE, keywords);

  return keywords_match (keywords, text) ||
         (translated != keywords && keywords_match (translated, text));
}

static gboolean
tradeoff_matches (const char          *keywords,
                  const PlanoTradeoff *tradeoff)
{
  g_auto(GStrv) words = g_strsplit (keywords, "|", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (words[i], "preset:"))
      {
        const PlanoTradeoffPreset *preset = plano_tradeoff_lookup_preset (words[i] + strlen ("preset:"));

        if (preset != NULL && tradeoff->title != NULL &&
            (g_str_equal (tradeoff->title, preset->title) ||
             g_str_equal (tradeoff->title, g_dgettext (GETTEXT_PACKAGE, preset->title))))
          return TRUE;
      }

  if (text_matches (keywords, tradeoff->title) || text_matches (keywords, tradeoff->choice) ||
      text_matches (keywords, tradeoff->rationale))
    return TRUE;

  for (guint k = 0; tradeoff->alternatives != NULL && tradeoff->alternatives[k] != NULL; k++)
    if (text_matches (keywords, tradeoff->alternatives[k]))
      return TRUE;
  for (guint k = 0; tradeoff->pros != NULL && tradeoff->pros[k] != NULL; k++)
    if (text_matches (keywords, tradeoff->pros[k]))
      return TRUE;
  for (guint k = 0; tradeoff->cons != NULL && tradeoff->cons[k] != NULL; k++)
    if (text_matches (keywords, tradeoff->cons[k]))
      return TRUE;

  return FALSE;
}

static gboolean
check_tradeoff (const PlanoCheck *check,
                PlanoBoard       *board,
                GPtrArray        *ids)
{
  guint n = plano_board_get_n_items (board, PLANO_ITEM_TRADEOFF);

  for (guint i = 0; i < n; i++)
    {
      const PlanoTradeoff *tradeoff = (const PlanoTradeoff *) plano_board_get_item (board, PLANO_ITEM_TRADEOFF, i);

      if (tradeoff_matches (check->match, tradeoff))
        {
          if (ids != NULL && tradeoff->target != NULL)
            g_ptr_array_add (ids, g_strdup (tradeoff->target));
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
props_match (const char *keywords,
             GArray     *props)
{
  for (guint k = 0; props != NULL && k < props->len; k++)
    {
      const PlanoProp *prop = &g_array_index (props, PlanoProp, k);

      if (text_matches (keywords, prop->name) ||
          (prop->type == PLANO_VALUE_STRING && text_matches (keywords, prop->string)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
check_text (const PlanoCheck   *check,
            PlanoBoard         *board,
            const char * const *extra_texts,
            GPtrArray          *ids)
{
  guint n;

  if (check_tradeoff (check, board, ids))
    return TRUE;

  n = plano_board_get_n_items (board, PLANO_ITEM_NODE);
  for (guint i = 0; i < n; i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i);

      if (text_matches (check->match, node->label) || text_matches (check->match, node->note) ||
          props_match (check->match, node->props))
        {
          if (ids != NULL)
            g_ptr_array_add (ids, g_strdup (node->item.id));
          return TRUE;
        }
    }

  n = plano_board_get_n_items (board, PLANO_ITEM_EDGE);
  for (guint i = 0; i < n; i++)
    {
      const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i);

      if (text_matches (check->match, edge->label) || props_match (check->match, edge->props))
        return TRUE;
    }

  n = plano_board_get_n_items (board, PLANO_ITEM_ZONE);
  for (guint i = 0; i < n; i++)
    {
      const PlanoZone *zone = (const PlanoZone *) plano_board_get_item (board, PLANO_ITEM_ZONE, i);

      if (text_matches (check->match, zone->label))
        return TRUE;
    }

  n = plano_board_get_n_items (board, PLANO_ITEM_NOTE);
  for (guint i = 0; i < n; i++)
    {
      const PlanoNote *note = (const PlanoNote *) plano_board_get_item (board, PLANO_ITEM_NOTE, i);

      if (text_matches (check->match, note->text))
        {
          if (ids != NULL && note->target != NULL)
            g_ptr_array_add (ids, g_strdup (note->target));
          return TRUE;
        }
    }

  for (guint i = 0; extra_texts != NULL && extra_texts[i] != NULL; i++)
    if (text_matches (check->match, extra_texts[i]))
      return TRUE;

  return FALSE;
}

/**
 * plano_check_holds:
 * @extra_texts: (nullable): more texts that TEXT checks read, such as the interview's notes
 * @ids: (out) (optional): the components that show it; none when it does not hold
 *
 * Returns: whether the check holds on @board
 */
gboolean
plano_check_holds (const PlanoCheck   *check,
                   PlanoBoard         *board,
                   const char * const *extra_texts,
                   GStrv              *ids)
{
  g_autoptr(GPtrArray) found = ids != NULL ? g_ptr_array_new_with_free_func (g_free) : NULL;
  gboolean holds = FALSE;

  g_return_val_if_fail (check != NULL, FALSE);
  g_return_val_if_fail (PLANO_IS_BOARD (board), FALSE);

  switch (check->type)
    {
    case PLANO_CHECK_NODE:
    case PLANO_CHECK_EVERY:
      holds = check_node (check, board, found);
      break;
    case PLANO_CHECK_PATH:
      holds = check_path (check, board, found);
      break;
    case PLANO_CHECK_TEXT:
      holds = check_text (check, board, extra_texts, found);
      break;
    case PLANO_CHECK_TRADEOFF:
      holds = check_tradeoff (check, board, found);
      break;
    case PLANO_CHECK_NONE:
    default:
      break;
    }

  if (ids != NULL)
    {
      if (!holds)
        g_ptr_array_set_size (found, 0);
      g_ptr_array_add (found, NULL);
      *ids = (GStrv) g_ptr_array_free (g_steal_pointer (&found), FALSE);
    }

  return holds;
}

/* Grading. */

struct _PlanoGrade
{
  char            *question_id;
  PlanoGradeItem  *items;
  guint            n_items;
};

static void
add_unique (GPtrArray  *ids,
            GStrv       more)
{
  for (guint i = 0; more != NULL && more[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (ids, more[i], g_str_equal, NULL))
      g_ptr_array_add (ids, g_strdup (more[i]));
}

static void
grade_must_have (PlanoGradeItem     *item,
                 PlanoBoard         *board,
                 const char * const *extra_texts)
{
  const PlanoMustHave *must_have = item->must_have;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint n_checks = 0;
  guint n_held = 0;

  for (guint c = 0; c < PLANO_MUST_HAVE_N_CHECKS && must_have->checks[c].type != PLANO_CHECK_NONE; c++)
    {
      g_auto(GStrv) found = NULL;

      n_checks++;
      if (plano_check_holds (&must_have->checks[c], board, extra_texts, &found))
        {
          n_held++;
          add_unique (ids, found);
          if (must_have->any)
            break;
        }
      else if (!must_have->any)
        break;
    }

  item->covered = n_checks > 0 && (must_have->any ? n_held > 0 : n_held == n_checks);
  if (!item->covered)
    g_ptr_array_set_size (ids, 0);
  g_ptr_array_add (ids, NULL);
  item->ids = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/**
 * plano_grade_new:
 * @extra_texts: (nullable): more texts a candidate wrote, such as the interview's notes
 *
 * Checks every must-have of a question on a board.
 *
 * Returns: (transfer full) (nullable): the grade, or %NULL with @error for a question that
 *   is not in the bank
 */
PlanoGrade *
plano_grade_new (PlanoBoard          *board,
                 const char          *question_id,
                 const char * const  *extra_texts,
                 GError             **error)
{
  const PlanoGuide *guide;
  PlanoGrade *self;

  g_return_val_if_fail (PLANO_IS_BOARD (board), NULL);

  guide = plano_guide_lookup (question_id);
  if (guide == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no question “%s”; plano --list-questions shows them"),
                   question_id != NULL ? question_id : "");
      return NULL;
    }

  self = g_new0 (PlanoGrade, 1);
  self->question_id = g_strdup (question_id);
  self->n_items = plano_guide_get_n_must_haves (guide);
  self->items = g_new0 (PlanoGradeItem, MAX (self->n_items, 1));
  for (guint i = 0; i < self->n_items; i++)
    {
      self->items[i].must_have = &guide->must_haves[i];
      grade_must_have (&self->items[i], board, extra_texts);
    }

  return self;
}

void
plano_grade_free (PlanoGrade *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_items; i++)
    g_strfreev (self->items[i].ids);
  g_free (self->items);
  g_free (self->question_id);
  g_free (self);
}

const char *
plano_grade_get_question_id (PlanoGrade *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->question_id;
}

guint
plano_grade_get_n_items (PlanoGrade *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_items;
}

const PlanoGradeItem *
plano_grade_get_item (PlanoGrade *self,
                      guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_items, NULL);

  return &self->items[index];
}

guint
plano_grade_get_n_covered (PlanoGrade *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->n_items; i++)
    n += self->items[i].covered;

  return n;
}

/**
 * plano_grade_item_to_line:
 *
 * Returns: (transfer full): the line `plano --grade` prints for the item:
 *   "covered ID: text" or "missing ID: text"
 */
char *
plano_grade_item_to_line (const PlanoGradeItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return g_strdup_printf ("%s %s: %s", item->covered ? "covered" : "missing",
                          item->must_have->id, _(item->must_have->text));
}
