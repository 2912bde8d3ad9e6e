/* plano-notes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "plano-capacity.h"
#include "plano-catalog.h"
#include "plano-interview.h"
#include "plano-notes.h"
#include "plano-report.h"
#include "plano-review.h"
#include "plano-xml.h"

/* Study notes: what a candidate keeps after practising a design. The title, the question, the
 * diagram, the interview record step by step, the trade-offs, the review's findings and the
 * load on each component. A section with nothing to say is left out rather than printed empty.
 */

static void
block_free (gpointer data)
{
  PlanoBlock *block = data;

  g_free (block->text);
  g_strfreev (block->cells);
  g_free (block);
}

static void
add (GPtrArray      *blocks,
     PlanoBlockType  type,
     const char     *text)
{
  PlanoBlock *block = g_new0 (PlanoBlock, 1);

  block->type = type;
  block->text = g_strdup (text);
  g_ptr_array_add (blocks, block);
}

static void G_GNUC_NULL_TERMINATED
add_row (GPtrArray      *blocks,
         PlanoBlockType  type,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  PlanoBlock *block = g_new0 (PlanoBlock, 1);
  const char *cell;
  va_list args;

  va_start (args, type);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, cell);
  va_end (args);

  block->type = type;
  block->cells = g_strv_builder_end (builder);
  g_ptr_array_add (blocks, block);
}

/* Each non-empty line of a user's text as its own paragraph. */
static void
add_lines (GPtrArray  *blocks,
           const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        add (blocks, PLANO_BLOCK_PARAGRAPH, lines[i]);
    }
}

static char *
join (GStrv strv)
{
  return strv != NULL ? g_strjoinv ("; ", strv) : g_strdup ("");
}

static void
add_question (GPtrArray      *blocks,
              PlanoInterview *interview)
{
  const PlanoQuestion *question = plano_interview_lookup_question (plano_interview_get_question (interview));
  const char *prompt = plano_interview_get_prompt (interview);

  if (question != NULL)
    {
      add (blocks, PLANO_BLOCK_HEADING, _("Question"));
      add (blocks, PLANO_BLOCK_SUBHEADING, _(question->title));
      add (blocks, PLANO_BLOCK_PARAGRAPH, _(question->prompt));
      add (blocks, PLANO_BLOCK_BULLET, _(question->users));
      add (blocks, PLANO_BLOCK_BULLET, _(question->events));
      add (blocks, PLANO_BLOCK_BULLET, _(question->volume));
      add (blocks, PLANO_BLOCK_BULLET, _(question->retention));
      add (blocks, PLANO_BLOCK_PARAGRAPH, _(question->constraints));
    }
  else if (prompt != NULL && prompt[0] != '\0')
    {
      add (blocks, PLANO_BLOCK_HEADING, _("Question"));
      add_lines (blocks, prompt);
    }
}

static void
add_interview (GPtrArray      *blocks,
               PlanoInterview *interview)
{
  const PlanoInterviewStep *steps = plano_interview_get_steps ();
  const char * const *mastery = plano_interview_get_mastery_items ();
  g_autofree char *total = plano_interview_format_time (plano_interview_get_total_spent (interview));
  g_autofree char *planned = plano_interview_format_time (plano_interview_get_total_planned (interview));
  g_autofree char *summary = NULL;
  gboolean scored = FALSE;
  guint n_curveballs = plano_interview_get_n_curveballs_drawn (interview);

  add (blocks, PLANO_BLOCK_HEADING, _("Interview"));
  add_row (blocks, PLANO_BLOCK_TABLE_HEADER, _("Step"), _("Planned"), _("Spent"), _("Checklist"), NULL);
  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      g_autofree char *title = g_strdup_printf ("%d. %s", i + 1, _(steps[i].title));
      g_autofree char *plan = plano_interview_format_time (plano_interview_get_planned (interview, i));
      g_autofree char *spent = plano_interview_format_time (plano_interview_get_spent (interview, i));
      double overtime = plano_interview_get_overtime (interview, i);
      g_autofree char *spent_text = NULL;
      g_autofree char *coverage = NULL;
      guint n_items = 0, n_checked = 0;

      while (n_items < G_N_ELEMENTS (steps[i].checklist) && steps[i].checklist[n_items] != NULL)
        n_checked += plano_interview_get_checked (interview, i, n_items++);

      if (overtime >= 1)
        {
          g_autofree char *over = plano_interview_format_time (overtime);

          /* TRANSLATORS: time spent on a step, with the overtime: "5:12 (0:12 over)" */
          spent_text = g_strdup_printf (_("%s (%s over)"), spent, over);
        }
      else
        spent_text = g_strdup (spent);

      /* TRANSLATORS: checklist items ticked in a step: "2 of 4" */
      coverage = g_strdup_printf (_("%u of %u"), n_checked, n_items);
      add_row (blocks, PLANO_BLOCK_TABLE_ROW, title, plan, spent_text, coverage, NULL);
    }

  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    scored |= plano_interview_get_score (interview, i) >= 0;

  if (scored)
    /* TRANSLATORS: "Total time: 48:10 of 50:00. Self-assessment: 18 of 30." */
    summary = g_strdup_printf (_("Total time: %s of %s. Self-assessment: %d of %d."), total, planned,
                               plano_interview_get_rubric_total (interview), PLANO_INTERVIEW_N_MASTERY * 3);
  else
    /* TRANSLATORS: "Total time: 48:10 of 50:00." */
    summary = g_strdup_printf (_("Total time: %s of %s."), total, planned);
  add (blocks, PLANO_BLOCK_PARAGRAPH, summary);

  for (int i = 0; i < PLANO_INTERVIEW_N_STEPS; i++)
    {
      g_autofree char *title = g_strdup_printf ("%d. %s", i + 1, _(steps[i].title));
      const char *notes = plano_interview_get_notes (interview, i);

      add (blocks, PLANO_BLOCK_SUBHEADING, title);
      for (guint c = 0; c < G_N_ELEMENTS (steps[i].checklist) && steps[i].checklist[c] != NULL; c++)
        add (blocks, plano_interview_get_checked (interview, i, c) ? PLANO_BLOCK_CHECKED : PLANO_BLOCK_UNCHECKED,
             _(steps[i].checklist[c]));
      if (notes != NULL)
        add_lines (blocks, notes);
    }

  if (n_curveballs > 0)
    {
      add (blocks, PLANO_BLOCK_SUBHEADING, _("Curveballs"));
      for (guint i = 0; i < n_curveballs; i++)
        {
          int step;
          double at;
          const PlanoCurveball *curveball = plano_interview_get_curveball_drawn (interview, i, &step, &at);
          g_autofree char *time = plano_interview_format_time (at);
          /* TRANSLATORS: a curveball drawn during a session: "Events up to 48 h late (at 21:40, Detailed design)" */
          g_autofree char *line = g_strdup_printf (_("%s (at %s, %s)"), _(curveball->title), time, _(steps[step].title));

          add (blocks, PLANO_BLOCK_BULLET, line);
        }
    }

  if (scored)
    {
      add (blocks, PLANO_BLOCK_SUBHEADING, _("Self-Assessment"));
      add_row (blocks, PLANO_BLOCK_TABLE_HEADER, _("Skill"), _("Score"), NULL);
      for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
        {
          int score = plano_interview_get_score (interview, i);
          g_autofree char *value = score >= 0 ? g_strdup_printf ("%d / 3", score) : g_strdup ("—");

          add_row (blocks, PLANO_BLOCK_TABLE_ROW, _(mastery[i]), value, NULL);
        }
    }
}

/* The feedback report of a finished session: what a mock interviewer would hand back. */
static void
add_feedback (GPtrArray      *blocks,
              PlanoReport    *report)
{
  PlanoInterview *interview = plano_report_get_interview (report);
  PlanoGrade *grade = plano_report_get_grade (report);
  const PlanoGuide *guide = plano_guide_lookup (plano_interview_get_question (interview));
  PlanoLevel level = plano_interview_get_level (interview);
  guint hints = plano_interview_get_n_hints_revealed (interview);
  g_autofree char *summary = NULL;

  add (blocks, PLANO_BLOCK_HEADING, _("Feedback"));

  if (grade != NULL)
    /* TRANSLATORS: "Level: Senior. Must-haves covered: 5 of 7. Hints used: 1." */
    summary = g_strdup_printf (_("Level: %s. Must-haves covered: %u of %u. Hints used: %u."),
                               plano_level_get_name (level), plano_grade_get_n_covered (grade),
                               plano_grade_get_n_items (grade), hints);
  else
    /* TRANSLATORS: "Level: Senior. Hints used: 1." */
    summary = g_strdup_printf (_("Level: %s. Hints used: %u."), plano_level_get_name (level), hints);
  add (blocks, PLANO_BLOCK_PARAGRAPH, summary);

  add_row (blocks, PLANO_BLOCK_TABLE_HEADER, _("Dimension"), _("Score"), _("Evidence"), NULL);
  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    {
      int score = plano_report_get_score (report, d);
      int proposed = plano_report_get_proposed (report, d);
      g_autofree char *value = NULL;

      if (score != proposed)
        /* TRANSLATORS: a rubric score the candidate changed: "3 / 4 (Plano proposed 2)" */
        value = g_strdup_printf (_("%d / %d (Plano proposed %d)"), score, PLANO_RUBRIC_MAX_SCORE, proposed);
      else
        value = g_strdup_printf ("%d / %d", score, PLANO_RUBRIC_MAX_SCORE);
      add_row (blocks, PLANO_BLOCK_TABLE_ROW, _(plano_rubric_get_info (d)->title), value,
               plano_report_get_evidence (report, d), NULL);
    }

  if (grade != NULL)
    {
      add (blocks, PLANO_BLOCK_SUBHEADING, _("Must-Haves"));
      for (guint i = 0; i < plano_grade_get_n_items (grade); i++)
        {
          const PlanoGradeItem *item = plano_grade_get_item (grade, i);
          g_autofree char *line = NULL;

          if (item->covered)
            line = g_strdup (_(item->must_have->text));
          else
            /* TRANSLATORS: a must-have missed, and why it matters */
            line = g_strdup_printf (_("%s — %s"), _(item->must_have->text), _(item->must_have->why));
          add (blocks, item->covered ? PLANO_BLOCK_CHECKED : PLANO_BLOCK_UNCHECKED, line);
        }
    }

  if (guide != NULL && plano_guide_get_n_follow_ups (guide) > 0)
    {
      add (blocks, PLANO_BLOCK_SUBHEADING, _("Follow-Up Questions"));
      for (guint i = 0; i < plano_guide_get_n_follow_ups (guide); i++)
        {
          const char *answer = plano_interview_get_answer (interview, i);
          g_autofree char *mine = NULL;
          g_autofree char *model = NULL;

          add (blocks, PLANO_BLOCK_BULLET, _(guide->follow_ups[i].question));
          /* TRANSLATORS: the candidate's answer to a follow-up question */
          mine = g_strdup_printf (_("Your answer: %s"), answer != NULL ? answer : _("not answered"));
          add (blocks, PLANO_BLOCK_PARAGRAPH, mine);
          /* TRANSLATORS: the model answer to a follow-up question */
          model = g_strdup_printf (_("Model answer: %s"), _(guide->follow_ups[i].answer));
          add (blocks, PLANO_BLOCK_PARAGRAPH, model);
        }
    }

  add (blocks, PLANO_BLOCK_PARAGRAPH, plano_report_get_practice (report)->text);
}

/* Sticky notes: the templates' study hints, and a candidate's own, searchable with the rest. */
static void
add_sticky_notes (GPtrArray  *blocks,
                  PlanoBoard *board)
{
  guint n = plano_board_get_n_items (board, PLANO_ITEM_NOTE);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const PlanoNote *note = (const PlanoNote *) plano_board_get_item (board, PLANO_ITEM_NOTE, i);
      const char *about = note->target != NULL ? plano_board_get_label (board, note->target) : NULL;
      g_autofree char *text = g_strstrip (g_strdup (note->text != NULL ? note->text : ""));

      if (text[0] == '\0')
        continue;
      if (!any)
        add (blocks, PLANO_BLOCK_HEADING, _("Notes"));
      any = TRUE;

      if (about != NULL && about[0] != '\0')
        {
          /* TRANSLATORS: a sticky note in the study notes, and what it points at:
           * "Keep 7 days to replay (on Kafka)" */
          g_autofree char *line = g_strdup_printf (_("%s (on %s)"), text, about);

          add (blocks, PLANO_BLOCK_BULLET, line);
        }
      else
        add (blocks, PLANO_BLOCK_BULLET, text);
    }

  /* Plain text on the board (titles, remarks beside arrows) is read with the notes. */
  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_TEXT); i++)
    {
      const PlanoText *item = (const PlanoText *) plano_board_get_item (board, PLANO_ITEM_TEXT, i);
      g_autofree char *text = g_strstrip (g_strdup (item->text != NULL ? item->text : ""));

      if (text[0] == '\0')
        continue;
      if (!any)
        add (blocks, PLANO_BLOCK_HEADING, _("Notes"));
      any = TRUE;
      add (blocks, PLANO_BLOCK_BULLET, text);
    }
}

static void
add_tradeoffs (GPtrArray  *blocks,
               PlanoBoard *board)
{
  guint n = plano_board_get_n_items (board, PLANO_ITEM_TRADEOFF);

  if (n == 0)
    return;

  add (blocks, PLANO_BLOCK_HEADING, _("Trade-offs"));
  add_row (blocks, PLANO_BLOCK_TABLE_HEADER, _("Decision"), _("About"), _("Choice"), _("Alternatives"),
           _("Pros"), _("Cons"), _("Rationale"), NULL);
  for (guint i = 0; i < n; i++)
    {
      const PlanoTradeoff *tradeoff = (const PlanoTradeoff *) plano_board_get_item (board, PLANO_ITEM_TRADEOFF, i);
      const char *about = tradeoff->target != NULL ? plano_board_get_label (board, tradeoff->target) : NULL;
      g_autofree char *alternatives = join (tradeoff->alternatives);
      g_autofree char *pros = join (tradeoff->pros);
      g_autofree char *cons = join (tradeoff->cons);

      add_row (blocks, PLANO_BLOCK_TABLE_ROW, tradeoff->title,
               about != NULL ? about : _("The whole board"),
               tradeoff->choice != NULL ? tradeoff->choice : "",
               alternatives, pros, cons,
               tradeoff->rationale != NULL ? tradeoff->rationale : "", NULL);
    }
}

static void
add_review (GPtrArray   *blocks,
            PlanoBoard  *board,
            PlanoReview *review)
{
  GPtrArray *findings = plano_review_get_findings (review);
  gboolean any_load = FALSE;

  if (findings->len > 0)
    {
      add (blocks, PLANO_BLOCK_HEADING, _("Design Review"));
      for (guint i = 0; i < findings->len; i++)
        {
          const PlanoFinding *finding = g_ptr_array_index (findings, i);
          const char *severity = plano_severity_get_name (finding->severity);
          g_autofree char *first = g_utf8_strup (severity, g_utf8_next_char (severity) - severity);
          /* TRANSLATORS: a review finding in the notes: "Warning: Kafka runs at 85 % of its capacity" */
          g_autofree char *line = g_strdup_printf (_("%s%s: %s"), first, g_utf8_next_char (severity),
                                                   finding->message);

          add (blocks, PLANO_BLOCK_BULLET, line);
        }
    }

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_NODE); i++)
    {
      const PlanoItem *node = plano_board_get_item (board, PLANO_ITEM_NODE, i);
      double load = 0, capacity = 0;
      g_autofree char *load_text = NULL;
      g_autofree char *capacity_text = NULL;
      g_autofree char *share = NULL;

      if (!plano_review_get_load (review, node->id, &load) || load <= 0)
        continue;

      if (!any_load)
        {
          add (blocks, PLANO_BLOCK_HEADING, _("Capacity"));
          add_row (blocks, PLANO_BLOCK_TABLE_HEADER, _("Component"), _("Load"), _("Capacity"), _("Utilisation"), NULL);
          any_load = TRUE;
        }

      load_text = plano_format_rate (load);
      if (plano_review_get_capacity (review, node->id, &capacity) && capacity > 0)
        {
          capacity_text = plano_format_rate (capacity);
          share = g_strdup_printf ("%.0f %%", 100 * load / capacity);
        }
      add_row (blocks, PLANO_BLOCK_TABLE_ROW, plano_board_get_label (board, node->id), load_text,
               capacity_text != NULL ? capacity_text : "—", share != NULL ? share : "—", NULL);
    }
}

/**
 * plano_notes_build:
 *
 * Returns: (transfer container) (element-type PlanoBlock): the study notes of @board, in the
 *   user's language
 */
GPtrArray *
plano_notes_build (PlanoBoard *board)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (block_free);
  g_autoptr(PlanoInterview) interview = NULL;
  g_autoptr(PlanoReport) report = NULL;
  g_autoptr(PlanoReview) review = NULL;
  JsonNode *record;
  g_autofree char *title = NULL;

  g_return_val_if_fail (PLANO_IS_BOARD (board), blocks);

  /* A heading on one line, as the PDF's metadata has it. */
  title = plano_text_one_line (plano_board_get_title (board) != NULL ? plano_board_get_title (board) : "");
  add (blocks, PLANO_BLOCK_TITLE, title[0] != '\0' ? title : _("Untitled Board"));

  record = plano_board_get_interview (board);
  if (record != NULL)
    interview = plano_interview_new_from_json (record, NULL);
  if (interview != NULL)
    add_question (blocks, interview);

  add (blocks, PLANO_BLOCK_HEADING, _("Diagram"));
  add (blocks, PLANO_BLOCK_DIAGRAM, NULL);
  add_sticky_notes (blocks, board);

  if (interview != NULL && plano_interview_get_state (interview) != PLANO_INTERVIEW_IDLE)
    add_interview (blocks, interview);
  if (interview != NULL && plano_interview_get_state (interview) == PLANO_INTERVIEW_FINISHED)
    {
      report = plano_report_new (interview, board, NULL);
      add_feedback (blocks, report);
    }

  add_tradeoffs (blocks, board);

  /* The feedback reviewed the board already. */
  if (report == NULL)
    review = plano_review_new (board, NULL);
  add_review (blocks, board, report != NULL ? plano_report_get_review (report) : review);

  return blocks;
}

/* Markdown */

/* Text that reads the same in a viewer as in a text editor: only what Markdown would take for
 * markup is escaped. Each of the text's own lines is a line of the paragraph (a hard break), and
 * starts with @indent, which keeps it inside a list item. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_table,
                const char *indent)
{
  g_autofree char *cleaned = plano_text_clean (text, TRUE);
  gboolean line_start = TRUE;

  for (const char *p = cleaned; *p != '\0'; p++)
    {
      if (line_start && !in_table)
        {
          gsize digits = strspn (p, "0123456789");

          /* What would start a heading, a quote or a list ("1. ", "2) "). */
          if (strchr ("#>-+*=", p[0]) != NULL ||
              (digits > 0 && (p[digits] == '.' || p[digits] == ')')))
            g_string_append_c (out, '\\');
        }
      line_start = FALSE;

      if (*p == '|' && in_table)
        g_string_append (out, "\\|");
      else if (*p == '\r')
        continue;
      else if (*p == '\n')
        {
          if (in_table)
            g_string_append (out, "<br>");
          else
            {
              g_string_append (out, "  \n");
              g_string_append (out, indent);
              line_start = TRUE;
            }
        }
      else if (*p == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?'))
        g_string_append (out, "&lt;");
      else if (*p == '&' && (g_ascii_isalpha (p[1]) || p[1] == '#'))
        g_string_append (out, "&amp;");
      else if (*p == '\\' || *p == '*' || *p == '_' || *p == '`' || *p == '[' || *p == ']')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else
        g_string_append_c (out, *p);
    }
}

static void
append_cells (GString *out,
              GStrv    cells)
{
  g_string_append (out, "|");
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_string_append_c (out, ' ');
      append_escaped (out, cells[i], TRUE, "");
      g_string_append (out, " |");
    }
  g_string_append_c (out, '\n');
}

/**
 * plano_notes_to_markdown:
 * @diagram_link: (nullable): the file name of the diagram's SVG, relative to the notes;
 *   %NULL leaves the diagram section out
 *
 * Returns: (transfer full): the study notes as Markdown
 */
char *
plano_notes_to_markdown (PlanoBoard *board,
                         const char *diagram_link)
{
  g_autoptr(GPtrArray) blocks = plano_notes_build (board);
  GString *out = g_string_new (NULL);
  PlanoBlockType previous = PLANO_BLOCK_TITLE;
  const char *title = ((PlanoBlock *) g_ptr_array_index (blocks, 0))->text;

  for (guint i = 0; i < blocks->len; i++)
    {
      const PlanoBlock *block = g_ptr_array_index (blocks, i);
      gboolean list = block->type == PLANO_BLOCK_BULLET || block->type == PLANO_BLOCK_CHECKED ||
                      block->type == PLANO_BLOCK_UNCHECKED;
      gboolean previous_list = previous == PLANO_BLOCK_BULLET || previous == PLANO_BLOCK_CHECKED ||
                               previous == PLANO_BLOCK_UNCHECKED;
      gboolean row = block->type == PLANO_BLOCK_TABLE_ROW;

      if (diagram_link == NULL && (block->type == PLANO_BLOCK_DIAGRAM ||
                                   (block->type == PLANO_BLOCK_HEADING && i + 1 < blocks->len &&
                                    ((PlanoBlock *) g_ptr_array_index (blocks, i + 1))->type == PLANO_BLOCK_DIAGRAM)))
        continue;

      /* A blank line between blocks, except inside a list or a table. */
      if (i > 0 && !(list && previous_list) && !row)
        g_string_append_c (out, '\n');

      switch (block->type)
        {
        case PLANO_BLOCK_TITLE:
          g_string_append (out, "# ");
          append_escaped (out, block->text, TRUE, "");
          g_string_append_c (out, '\n');
          break;

        case PLANO_BLOCK_HEADING:
        case PLANO_BLOCK_SUBHEADING:
          g_string_append (out, block->type == PLANO_BLOCK_HEADING ? "## " : "### ");
          append_escaped (out, block->text, TRUE, "");
          g_string_append_c (out, '\n');
          break;

        case PLANO_BLOCK_PARAGRAPH:
          append_escaped (out, block->text, FALSE, "");
          g_string_append_c (out, '\n');
          break;

        case PLANO_BLOCK_BULLET:
        case PLANO_BLOCK_CHECKED:
        case PLANO_BLOCK_UNCHECKED:
          g_string_append (out, block->type == PLANO_BLOCK_BULLET ? "- " :
                                block->type == PLANO_BLOCK_CHECKED ? "- [x] " : "- [ ] ");
          append_escaped (out, block->text, FALSE, block->type == PLANO_BLOCK_BULLET ? "  " : "      ");
          g_string_append_c (out, '\n');
          break;

        case PLANO_BLOCK_TABLE_HEADER:
          append_cells (out, block->cells);
          g_string_append (out, "|");
          for (guint c = 0; block->cells[c] != NULL; c++)
            g_string_append (out, "---|");
          g_string_append_c (out, '\n');
          break;

        case PLANO_BLOCK_TABLE_ROW:
          append_cells (out, block->cells);
          break;

        case PLANO_BLOCK_DIAGRAM:
          {
            g_autofree char *link = g_uri_escape_string (diagram_link, "/", TRUE);

            g_string_append (out, "![");
            append_escaped (out, title, TRUE, "");
            g_string_append_printf (out, "](%s)\n", link);
          }
          break;

        default:
          g_assert_not_reached ();
        }

      previous = block->type;
    }

  return g_string_free (out, FALSE);
}

/* Mermaid
 *
 * Everything a board's text puts into the file goes through three functions, each to the
 * rules of its place: mermaid_id() for ids, append_label() for labels inside "…", and
 * append_yaml() for the title in the front matter. Each was checked against mermaid's own
 * parser, versions 10 and 11 (tests/test-interop.c).
 */

/* Words mermaid's flowchart grammar takes for keywords wherever an id stands (measured: these
 * refuse the whole file), and a few more it reserves. */
static const char * const reserved[] = {
  "end", "graph", "flowchart", "flowchart-elk", "subgraph", "style", "class", "classDef", "click",
  "linkStyle", "interpolate", "direction", "default", "call", "callback", "href", "accTitle",
  "accDescr", NULL
};

static gboolean
is_reserved (const char *id)
{
  for (guint i = 0; reserved[i] != NULL; i++)
    if (g_ascii_strcasecmp (reserved[i], id) == 0)
      return TRUE;

  return FALSE;
}

/* Mermaid ids are letters, digits and underscores, starting with a letter; Plano's may also
 * have . : and -, and start with any of them. Each Plano id gets one Mermaid id, unique. */
static const char *
mermaid_id (GHashTable *ids,
            GHashTable *taken,
            const char *id)
{
  const char *known = g_hash_table_lookup (ids, id);
  GString *name;

  if (known != NULL)
    return known;

  name = g_string_new (NULL);
  if (!g_ascii_isalpha (id[0]) || is_reserved (id))
    g_string_append (name, "n_");
  for (const char *p = id; *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '_' ? *p : '_');

  if (g_hash_table_contains (taken, name->str))
    {
      g_autofree char *base = g_strdup (name->str);

      for (guint n = 2; g_hash_table_contains (taken, name->str); n++)
        g_string_printf (name, "%s_%u", base, n);
    }

  g_hash_table_add (taken, g_strdup (name->str));
  g_hash_table_insert (ids, g_strdup (id), name->str);

  return g_string_free (name, FALSE);
}

/* A label inside "…". Mermaid reads a label as HTML, after turning its own entities ("#quot;",
 * "#35;") into HTML ones: so quotes, and whatever HTML or mermaid would take for markup, become
 * entities; newlines become <br/>; characters that show nothing are left out. An empty label
 * would refuse the file (`[""]`): it is @empty, or a space. */
static void
append_label (GString    *out,
              const char *text,
              const char *empty)
{
  g_autofree char *cleaned = plano_text_clean (text != NULL ? text : "", TRUE);
  const char *p;

  g_strstrip (cleaned);
  p = cleaned[0] != '\0' ? cleaned : empty != NULL && empty[0] != '\0' ? empty : " ";
  g_string_append_c (out, '"');
  for (; *p != '\0'; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "#quot;"); break;
      case '#': g_string_append (out, "#35;"); break;
      case '&': g_string_append (out, "#amp;"); break;
      case '<': g_string_append (out, "#lt;"); break;
      case '>': g_string_append (out, "#gt;"); break;
      case '|': g_string_append (out, "#124;"); break;
      case '`': g_string_append (out, "#96;"); break;
      case '\n': g_string_append (out, "<br/>"); break;
      case '\r': break;
      default: g_string_append_c (out, *p); break;
      }
  g_string_append_c (out, '"');
}

/* A YAML double-quoted scalar, for the front matter. YAML knows none of C's octal escapes,
 * which refuse the whole file: characters outside ASCII stay as they are (the file is UTF-8);
 * only the backslash, the quote and the characters YAML does not allow as they are (controls,
 * U+FFFE, U+FFFF) are escaped, with \\, \" and \uXXXX. */
static void
append_yaml (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c == '"')
        g_string_append (out, "\\\"");
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        g_string_append_printf (out, "\\u%04x", c);
      else if (c == 0xfffe || c == 0xffff)
        g_string_append (out, "\\ufffd");
      else
        g_string_append_unichar (out, c);
    }
  g_string_append_c (out, '"');
}

static void
append_node (GString        *out,
             GHashTable     *ids,
             GHashTable     *taken,
             PlanoBoard     *board,
             const PlanoNode *node,
             const char     *indent)
{
  const PlanoKind *kind = plano_catalog_lookup (node->kind);
  gboolean stored = kind != NULL && kind->category == PLANO_CATEGORY_STORAGE;

  g_string_append_printf (out, "%s%s%s", indent, mermaid_id (ids, taken, node->item.id), stored ? "[(" : "[");
  append_label (out, plano_board_get_label (board, node->item.id),
                kind != NULL ? plano_kind_get_name (kind) : node->kind);
  g_string_append (out, stored ? ")]\n" : "]\n");
}

/**
 * plano_notes_zone_parent:
 *
 * Returns: (nullable): the smallest zone that holds all of zone @index, as the tiers of a
 *   warehouse lie inside it
 */
const PlanoZone *
plano_notes_zone_parent (PlanoBoard *board,
                         guint       index)
{
  const PlanoZone *zone = (const PlanoZone *) plano_board_get_item (board, PLANO_ITEM_ZONE, index);
  const PlanoZone *parent = NULL;

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_ZONE); i++)
    {
      const PlanoZone *other = (const PlanoZone *) plano_board_get_item (board, PLANO_ITEM_ZONE, i);

      if (i == index || other->w * other->h <= zone->w * zone->h ||
          zone->x < other->x || zone->y < other->y ||
          zone->x + zone->w > other->x + other->w || zone->y + zone->h > other->y + other->h)
        continue;
      if (parent == NULL || other->w * other->h < parent->w * parent->h)
        parent = other;
    }

  return parent;
}

/* A zone with components or zones in it is a subgraph; an empty one, a box of its own, since
 * Mermaid has nothing to lay out inside an empty subgraph. */
static void
append_zone (GString         *out,
             GHashTable      *ids,
             GHashTable      *taken,
             PlanoBoard      *board,
             const PlanoZone *zone,
             guint            depth)
{
  g_autofree char *indent = g_strnfill (depth * 2, ' ');
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) zones = g_ptr_array_new ();

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_NODE); i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i);

      if (g_strcmp0 (node->zone, zone->item.id) == 0)
        g_ptr_array_add (nodes, (gpointer) node);
    }
  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_ZONE); i++)
    if (plano_notes_zone_parent (board, i) == zone)
      g_ptr_array_add (zones, (gpointer) plano_board_get_item (board, PLANO_ITEM_ZONE, i));

  if (nodes->len == 0 && zones->len == 0)
    {
      g_string_append_printf (out, "%s%s[[", indent, mermaid_id (ids, taken, zone->item.id));
      append_label (out, zone->label, NULL);
      g_string_append (out, "]]\n");
      return;
    }

  g_string_append_printf (out, "%ssubgraph %s[", indent, mermaid_id (ids, taken, zone->item.id));
  append_label (out, zone->label, NULL);
  g_string_append (out, "]\n");
  for (guint i = 0; i < zones->len; i++)
    append_zone (out, ids, taken, board, g_ptr_array_index (zones, i), depth + 1);
  {
    g_autofree char *inner = g_strnfill ((depth + 1) * 2, ' ');

    for (guint i = 0; i < nodes->len; i++)
      append_node (out, ids, taken, board, g_ptr_array_index (nodes, i), inner);
  }
  g_string_append_printf (out, "%send\n", indent);
}

/* Edge kinds differ in the arrow, as they do on the canvas in their dash. */
static const char *
mermaid_arrow (const char *kind)
{
  if (g_strcmp0 (kind, "stream") == 0)
    return "==>";
  if (g_strcmp0 (kind, "batch") == 0 || g_strcmp0 (kind, "cdc") == 0)
    return "-.->";
  if (g_strcmp0 (kind, "replication") == 0)
    return "<-->";
  return "-->";
}

/* Mermaid draws all the links of a flowchart with one curve: the one for the routing style most
 * of the board's connections have, the board's own when it is a tie. Mermaid lays the diagram
 * out itself, so a "step" link runs at right angles but does not go around anything. */
static const char *
mermaid_curve (PlanoBoard *board)
{
  static const char * const curves[PLANO_N_ROUTES] = {
    [PLANO_ROUTE_STRAIGHT] = "linear",
    [PLANO_ROUTE_ORTHOGONAL] = "step",
    [PLANO_ROUTE_CURVED] = "basis",
  };
  const PlanoProp *prop = plano_props_lookup (plano_board_get_props (board), "route");
  guint counts[PLANO_N_ROUTES] = { 0, };
  PlanoRoute board_route = PLANO_ROUTE_STRAIGHT;
  PlanoRoute best;

  if (prop != NULL && prop->type == PLANO_VALUE_STRING)
    plano_route_from_string (prop->string, &board_route);

  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_EDGE); i++)
    {
      const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i);
      PlanoRoute route = board_route;

      plano_route_from_string (edge->route, &route);
      counts[route]++;
    }

  best = board_route;
  for (guint r = 0; r < PLANO_N_ROUTES; r++)
    if (counts[r] > counts[best])
      best = r;

  return curves[best];
}

/**
 * plano_notes_to_mermaid:
 *
 * Returns: (transfer full): the board as a Mermaid flowchart: components with their labels,
 *   zones as subgraphs, connections with their labels, their kind shown by the arrow, sticky
 *   notes as boxes of their own
 */
char *
plano_notes_to_mermaid (PlanoBoard *board)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *out = g_string_new (NULL);
  const char *title = plano_board_get_title (board);
  guint n_nodes = plano_board_get_n_items (board, PLANO_ITEM_NODE);
  guint n_zones = plano_board_get_n_items (board, PLANO_ITEM_ZONE);
  guint n_edges = plano_board_get_n_items (board, PLANO_ITEM_EDGE);
  guint n_notes = plano_board_get_n_items (board, PLANO_ITEM_NOTE);

  g_string_append (out, "---\n");
  if (title != NULL && title[0] != '\0')
    {
      g_autofree char *line = plano_text_one_line (title);

      if (line[0] != '\0')
        {
          g_string_append (out, "title: ");
          append_yaml (out, line);
          g_string_append_c (out, '\n');
        }
    }
  g_string_append_printf (out, "config:\n  flowchart:\n    curve: %s\n---\n",
                          mermaid_curve (board));
  g_string_append (out, "flowchart LR\n");
  g_string_append (out, "  %% ==> stream, -.-> batch or CDC, <--> replication, --> flow or request\n");

  for (guint z = 0; z < n_zones; z++)
    if (plano_notes_zone_parent (board, z) == NULL)
      append_zone (out, ids, taken, board, (const PlanoZone *) plano_board_get_item (board, PLANO_ITEM_ZONE, z), 1);

  for (guint i = 0; i < n_nodes; i++)
    {
      const PlanoNode *node = (const PlanoNode *) plano_board_get_item (board, PLANO_ITEM_NODE, i);

      if (node->zone == NULL || plano_board_lookup (board, node->zone) == NULL)
        append_node (out, ids, taken, board, node, "  ");
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const PlanoEdge *edge = (const PlanoEdge *) plano_board_get_item (board, PLANO_ITEM_EDGE, i);
      const char *from = mermaid_id (ids, taken, edge->from);
      const char *to = mermaid_id (ids, taken, edge->to);

      g_string_append_printf (out, "  %s %s", from, mermaid_arrow (edge->kind));
      if (edge->label != NULL && edge->label[0] != '\0')
        {
          g_string_append_c (out, '|');
          append_label (out, edge->label, NULL);
          g_string_append_c (out, '|');
        }
      g_string_append_printf (out, " %s\n", to);
    }

  /* Sticky notes: boxes of their own, drawn as notes, tied by a plain dotted line to what they
   * point at when that is a component or a zone. */
  for (guint i = 0; i < n_notes; i++)
    {
      const PlanoNote *note = (const PlanoNote *) plano_board_get_item (board, PLANO_ITEM_NOTE, i);
      const PlanoItem *target = note->target != NULL ? plano_board_lookup (board, note->target) : NULL;
      const char *id = mermaid_id (ids, taken, note->item.id);

      g_string_append_printf (out, "  %s[", id);
      append_label (out, note->text, NULL);
      g_string_append (out, "]\n");
      if (target != NULL && (target->type == PLANO_ITEM_NODE || target->type == PLANO_ITEM_ZONE))
        g_string_append_printf (out, "  %s -.- %s\n", id, mermaid_id (ids, taken, target->id));
      g_string_append_printf (out, "  class %s note\n", id);
    }
  if (n_notes > 0)
    g_string_append (out, "  classDef note fill:#fff5a5,stroke:#e5c96a,color:#403300\n");

  /* Plain text: a box without a border or a fill, as on the board. */
  for (guint i = 0; i < plano_board_get_n_items (board, PLANO_ITEM_TEXT); i++)
    {
      const PlanoText *text = (const PlanoText *) plano_board_get_item (board, PLANO_ITEM_TEXT, i);
      const char *id = mermaid_id (ids, taken, text->item.id);

      g_string_append_printf (out, "  %s[", id);
      append_label (out, text->text, NULL);
      g_string_append_printf (out, "]\n  class %s text\n", id);
    }
  if (plano_board_get_n_items (board, PLANO_ITEM_TEXT) > 0)
    g_string_append (out, "  classDef text fill:none,stroke:none\n");

  return g_string_free (out, FALSE);
}
