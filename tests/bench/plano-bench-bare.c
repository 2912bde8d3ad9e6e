/* plano-bench-bare.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A bare libadwaita window of Plano's size, with a header bar and nothing else: the baseline
 * for Plano's start-up time. It prints "first-frame" once its first frame is painted, as Plano
 * does with PLANO_REPORT_FIRST_FRAME set.
 */

#include <stdio.h>

#include <adwaita.h>

static void
first_frame_cb (GdkFrameClock *clock,
                GtkWidget     *widget)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, widget);
  fputs ("first-frame\n", stdout);
  fflush (stdout);
}

static void
realize_cb (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (first_frame_cb), widget);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.planoboard.PlanoBenchBare",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
