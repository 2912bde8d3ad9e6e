/* test-mastery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The course's mastery checklist as the user scores it: read back as written, a missing file
 * read as nothing scored, and a damaged file refused with the place that is wrong.
 */

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "plano-mastery.h"

static void
test_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plano-mastery-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plano", "mastery.json", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  int scores[PLANO_INTERVIEW_N_MASTERY];
  int back[PLANO_INTERVIEW_N_MASTERY];

  /* Nothing scored yet: no file. */
  g_assert_true (plano_mastery_load (path, back, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    g_assert_cmpint (back[i], ==, PLANO_MASTERY_NOT_SCORED);

  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    scores[i] = i % 5 == 4 ? PLANO_MASTERY_NOT_SCORED : (int) (i % 4);
  g_assert_true (plano_mastery_save (path, scores, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"version\" : 1"));
  g_assert_nonnull (strstr (contents, "null"));

  g_assert_true (plano_mastery_load (path, back, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < PLANO_INTERVIEW_N_MASTERY; i++)
    g_assert_cmpint (back[i], ==, scores[i]);

  g_unlink (path);
  g_rmdir (folder);
  g_rmdir (dir);
}

static void
test_bad_file (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "[1, 2]", "mastery.json: expected a JSON object with the mastery scores" },
    { "{\"version\": 1}", "mastery.json: scores: expected an array" },
    { "{\"scores\": [1, 4]}", "mastery.json: scores[1]: expected null or a whole number from 0 to 3" },
    { "{\"scores\": [\"2\"]}", "mastery.json: scores[0]: expected null or a whole number from 0 to 3" },
    { "{\"scores\": [1.5]}", "mastery.json: scores[0]: expected null or a whole number from 0 to 3" },
  };
  g_autofree char *dir = g_dir_make_tmp ("plano-mastery-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "mastery.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int scores[PLANO_INTERVIEW_N_MASTERY];

      g_assert_true (g_file_set_contents (path, cases[i].json, -1, NULL));
      g_assert_false (plano_mastery_load (path, scores, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      /* Nothing half read is handed back. */
      for (guint j = 0; j < PLANO_INTERVIEW_N_MASTERY; j++)
        g_assert_cmpint (scores[j], ==, PLANO_MASTERY_NOT_SCORED);
    }

  /* An older file with fewer items still reads; the new ones are not scored. */
  {
    g_autoptr(GError) error = NULL;
    int scores[PLANO_INTERVIEW_N_MASTERY];

    g_assert_true (g_file_set_contents (path, "{\"scores\": [3, null, 2]}", -1, NULL));
    g_assert_true (plano_mastery_load (path, scores, &error));
    g_assert_no_error (error);
    g_assert_cmpint (scores[0], ==, 3);
    g_assert_cmpint (scores[1], ==, PLANO_MASTERY_NOT_SCORED);
    g_assert_cmpint (scores[2], ==, 2);
    g_assert_cmpint (scores[3], ==, PLANO_MASTERY_NOT_SCORED);
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/mastery/round-trip", test_round_trip);
  g_test_add_func ("/plano/mastery/bad-file", test_bad_file);

  return g_test_run ();
}
