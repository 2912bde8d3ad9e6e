/* plano-test-locale.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The locale a user of a language runs, for the tests that check a translation: the one
 * tests/locales names, handed over by tests/meson.build.
 */

#pragma once

#include <glib.h>
#include <locale.h>

/* The locale of @language ("es", "pt"), such as "es_ES.UTF-8". The test fails, saying what to
 * run, where the system lacks it: LANGUAGE alone translates nothing under the C locale. */
static inline const char *
plano_test_locale (const char *language)
{
  g_autofree char *upper = g_ascii_strup (language, -1);
  g_autofree char *variable = g_strconcat ("PLANO_TEST_LOCALE_", upper, NULL);
  const char *name = g_getenv (variable);
  locale_t locale;

  if (name == NULL)
    g_error ("%s is not set: tests/locales names no locale for “%s”", variable, language);

  locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);
  if (locale == (locale_t) 0)
    g_error ("The locale %s is not available; build-aux/install-deps.sh generates it", name);
  freelocale (locale);

  return name;
}

/* Switches the process to the locale of @language, or back to C.UTF-8 for "en", as a user of
 * that language starts Plano. */
static inline void
plano_test_use_language (const char *language)
{
  g_setenv ("LC_ALL", g_str_equal (language, "en") ? "C.UTF-8" : plano_test_locale (language), TRUE);
  g_unsetenv ("LANGUAGE");
  /* Setting the locale again makes gettext drop the catalogs it loaded. */
  setlocale (LC_ALL, "");
}
