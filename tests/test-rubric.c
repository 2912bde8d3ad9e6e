/* test-rubric.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interview rubric as a candidate reads it: eight dimensions, each with its id, title,
 * summary and one distinct line per level and score; ids and levels that read back; and every
 * one of those texts in Spanish and Portuguese.
 */

#include "config.h"

#include "plano-test-locale.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "plano-rubric.h"

/* The ids a saved score names: they must never change. */
static const char * const dimension_ids[PLANO_RUBRIC_N_DIMENSIONS] = {
  "requirements",
  "estimation",
  "high-level",
  "data-model",
  "deep-dive",
  "scalability",
  "tradeoffs",
  "communication",
};

static const char * const level_ids[PLANO_N_LEVELS] = { "mid", "senior", "staff" };

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return TRUE;
  stripped = g_strstrip (g_strdup (text));

  return *stripped == '\0';
}

/* Every dimension has an id, a title, a summary and 3 × 4 descriptors, none empty and none
 * repeated, in the dimension or anywhere else in the rubric: two scores that read the same
 * could not be told apart. */
static void
test_dimensions (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    {
      const PlanoRubricInfo *info = plano_rubric_get_info (d);

      g_assert_nonnull (info);
      g_assert_cmpstr (info->id, ==, dimension_ids[d]);
      g_assert_false (is_blank (info->title));
      g_assert_false (is_blank (info->summary));
      g_assert_cmpstr (info->title, !=, info->summary);

      for (guint level = 0; level < PLANO_N_LEVELS; level++)
        for (guint score = 1; score <= PLANO_RUBRIC_MAX_SCORE; score++)
          {
            const char *line = info->descriptors[level][score - 1];

            if (is_blank (line))
              g_error ("%s, level %s, score %u has no descriptor",
                       info->id, level_ids[level], score);
            if (!g_hash_table_add (seen, (gpointer) line))
              g_error ("%s, level %s, score %u repeats “%s”",
                       info->id, level_ids[level], score, line);
          }
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==,
                    PLANO_RUBRIC_N_DIMENSIONS * PLANO_N_LEVELS * PLANO_RUBRIC_MAX_SCORE);
}

static void
test_dimension_lookup (void)
{
  PlanoRubricDimension found;

  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    {
      found = PLANO_RUBRIC_N_DIMENSIONS;
      g_assert_true (plano_rubric_lookup (plano_rubric_get_info (d)->id, &found));
      g_assert_cmpuint (found, ==, d);
    }
  g_assert_true (plano_rubric_lookup ("tradeoffs", NULL));

  found = PLANO_RUBRIC_N_DIMENSIONS;
  g_assert_false (plano_rubric_lookup ("Requirements", &found));
  g_assert_false (plano_rubric_lookup ("", &found));
  g_assert_false (plano_rubric_lookup (NULL, &found));
  g_assert_cmpuint (found, ==, PLANO_RUBRIC_N_DIMENSIONS);
}

static void
test_level_lookup (void)
{
  PlanoLevel found;

  for (guint level = 0; level < PLANO_N_LEVELS; level++)
    {
      g_assert_cmpstr (plano_level_get_id (level), ==, level_ids[level]);
      g_assert_false (is_blank (plano_level_get_name (level)));
      found = PLANO_N_LEVELS;
      g_assert_true (plano_level_lookup (plano_level_get_id (level), &found));
      g_assert_cmpuint (found, ==, level);
    }
  g_assert_cmpstr (plano_level_get_name (PLANO_LEVEL_SENIOR), ==, "Senior");

  found = PLANO_N_LEVELS;
  g_assert_false (plano_level_lookup ("principal", &found));
  g_assert_false (plano_level_lookup ("Staff", &found));
  g_assert_false (plano_level_lookup (NULL, &found));
  g_assert_cmpuint (found, ==, PLANO_N_LEVELS);
}


typedef struct
{
  const char *language;
  const char *estimation;   /* the title of "estimation" */
  const char *mid;          /* the name of the mid level */
  const char *senior;
} Expected;

static const Expected spanish = { "es", "Estimación", "Intermedio", "Sénior" };
static const Expected portuguese = { "pt", "Estimativa", "Pleno", "Sênior" };

static void
assert_translated (const char *text)
{
  /* Words both languages borrow as they are. */
  static const char * const loanwords[] = { "Trade-offs", "Staff", NULL };
  const char *translated = _(text);

  if (g_strcmp0 (translated, text) == 0 && !g_strv_contains (loanwords, text))
    g_error ("“%s” has no translation in %s", text, setlocale (LC_MESSAGES, NULL));
  g_assert_false (is_blank (translated));
}

/* Every title, summary, descriptor and level name reads in the language chosen. */
static void
test_translated (gconstpointer data)
{
  const Expected *expected = data;
  const char *english[PLANO_N_LEVELS];

  for (guint level = 0; level < PLANO_N_LEVELS; level++)
    english[level] = plano_level_get_name (level);

  plano_test_use_language (expected->language);

  for (guint d = 0; d < PLANO_RUBRIC_N_DIMENSIONS; d++)
    {
      const PlanoRubricInfo *info = plano_rubric_get_info (d);

      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      assert_translated (info->title);
      assert_translated (info->summary);
      /* Translated, the twelve lines still tell the scores and levels apart. */
      for (guint level = 0; level < PLANO_N_LEVELS; level++)
        for (guint score = 0; score < PLANO_RUBRIC_MAX_SCORE; score++)
          {
            assert_translated (info->descriptors[level][score]);
            if (!g_hash_table_add (seen, (gpointer) _(info->descriptors[level][score])))
              g_error ("%s: “%s” is said twice in %s", info->id,
                       _(info->descriptors[level][score]), expected->language);
          }
    }

  /* A level's name is translated on the way out: the name read is compared with the English. */
  for (guint level = 0; level < PLANO_N_LEVELS; level++)
    if (g_strcmp0 (english[level], "Staff") != 0)
      g_assert_cmpstr (plano_level_get_name (level), !=, english[level]);

  g_assert_cmpstr (_(plano_rubric_get_info (PLANO_RUBRIC_ESTIMATION)->title), ==,
                   expected->estimation);
  g_assert_cmpstr (plano_level_get_name (PLANO_LEVEL_MID), ==, expected->mid);
  g_assert_cmpstr (plano_level_get_name (PLANO_LEVEL_SENIOR), ==, expected->senior);

  plano_test_use_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PLANO_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/rubric/dimensions", test_dimensions);
  g_test_add_func ("/plano/rubric/dimension-lookup", test_dimension_lookup);
  g_test_add_func ("/plano/rubric/level-lookup", test_level_lookup);
  g_test_add_data_func ("/plano/rubric/spanish", &spanish, test_translated);
  g_test_add_data_func ("/plano/rubric/portuguese", &portuguese, test_translated);

  return g_test_run ();
}
