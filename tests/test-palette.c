/* test-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The components' palette under Xvfb: what a search shows and in what order, and what Enter,
 * Down and Up in the search do, typed with real keys.
 */

#include "config.h"

#include "plano-test-utils.h"

#include "plano-palette.h"

typedef struct
{
  GtkWidget    *window;
  PlanoPalette *palette;
  GtkWidget    *entry;
  GPtrArray    *activated;
} Fixture;

static void
kind_activated_cb (PlanoPalette *palette,
                   const char   *kind,
                   Fixture      *f)
{
  g_ptr_array_add (f->activated, g_strdup (kind));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->palette = PLANO_PALETTE (plano_palette_new ());
  f->window = gtk_window_new ();
  f->activated = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 300, 600);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->palette));
  g_signal_connect (f->palette, "kind-activated", G_CALLBACK (kind_activated_cb), f);
  gtk_window_present (GTK_WINDOW (f->window));
  plano_test_iterate ();

  f->entry = plano_test_find_widget (GTK_WIDGET (f->palette), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (f->entry);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  plano_test_iterate ();
  g_ptr_array_unref (f->activated);
}

/* The first @n kinds the search for @text shows. */
static char *
first_shown (Fixture    *f,
             const char *text,
             guint       n)
{
  g_auto(GStrv) shown = NULL;

  plano_palette_set_filter (f->palette, text);
  shown = plano_palette_get_shown (f->palette);
  if (g_strv_length (shown) > n)
    {
      g_free (shown[n]);
      shown[n] = NULL;
    }

  return g_strjoinv (" ", shown);
}

/* An exact name or id comes first, then names that start with the text, then names with a
 * word that starts with it, then the rest; the first is highlighted, and Enter adds it. */
static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *kafka = first_shown (f, "kafka", 3);
  g_autofree char *kafka_caps = first_shown (f, "KAFKA", 3);
  g_autofree char *ka = first_shown (f, "ka", 3);
  g_autofree char *lake = first_shown (f, "lake", 3);
  g_autofree char *connect = first_shown (f, "connect", 3);
  g_autofree char *spark = first_shown (f, "spark", 3);
  g_autofree char *nothing = first_shown (f, "zzzz", 3);

  g_assert_cmpstr (kafka, ==, "kafka kafka-connect");
  g_assert_cmpstr (kafka_caps, ==, "kafka kafka-connect");
  /* Of the names that start with the text, the shortest first. */
  g_assert_cmpstr (ka, ==, "kafka kafka-connect");
  /* The id "lake" is the Data lake; the Lakehouse's name starts with it. */
  g_assert_cmpstr (lake, ==, "lake lakehouse");
  /* "Kafka Connect" has a word that starts with it. */
  g_assert_cmpstr (connect, ==, "kafka-connect");
  g_assert_cmpstr (spark, ==, "spark spark-streaming");
  g_assert_cmpstr (nothing, ==, "");

  /* Enter on "kafka" adds Kafka, not Kafka Connect. */
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "kafka");
  g_signal_emit_by_name (f->entry, "activate");
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->activated, 0), ==, "kafka");
  g_assert_cmpstr (plano_palette_get_highlighted (f->palette), ==, "kafka");

  /* With no search, the categories come back in the catalog's order. */
  plano_palette_set_filter (f->palette, "");
  g_assert_null (plano_palette_get_highlighted (f->palette));
  g_assert_cmpuint (plano_palette_count_shown (f->palette), >, 50);
}

/* Real keys: typing in the search highlights the best match, Down and Up move the highlight
 * while the focus stays in the search, Enter adds the highlighted kind; focusing the search
 * again selects its text, so that typing starts a new search. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  if (!plano_test_can_type (f->window))
    {
      g_test_skip ("needs X11 and xdotool");
      return;
    }

  plano_test_focus_window (f->window);
  plano_palette_focus_search (f->palette);
  plano_test_type ("kafka");
  /* The search applies what is typed after a pause, or at the first key that needs it. */
  plano_test_keys ("Down");
  g_assert_cmpstr (plano_palette_get_highlighted (f->palette), ==, "kafka-connect");
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_TYPE_SEARCH_ENTRY));
  plano_test_keys ("Up");
  g_assert_cmpstr (plano_palette_get_highlighted (f->palette), ==, "kafka");
  plano_test_keys ("Up");
  g_assert_cmpstr (plano_palette_get_highlighted (f->palette), ==, "kafka");
  plano_test_keys ("Down", "Return");
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->activated, 0), ==, "kafka-connect");

  /* Ctrl+F again: the old text is selected, and what is typed replaces it. */
  plano_palette_focus_search (f->palette);
  plano_test_type ("flink");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "flink");
  plano_test_keys ("Return");
  g_assert_cmpuint (f->activated->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->activated, 1), ==, "flink");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/plano/palette/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("ranking", test_ranking);
  ADD ("keys", test_keys);

#undef ADD

  return g_test_run ();
}
