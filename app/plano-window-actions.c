/* plano-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plano-a11y.h"
#include "plano-application.h"
#include "plano-export.h"
#include "plano-template-chooser.h"
#include "plano-templates.h"
#include "plano-toolbar-view.h"
#include "plano-window-private.h"

/* The window's actions, installed on its class: each a thin call into the window or a widget. */

static void
toggle_properties_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->outline_button),
                                !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->outline_button)));
}

static void
focus_outline_cb (GtkWidget *summary)
{
  g_signal_handlers_disconnect_by_func (summary, focus_outline_cb, NULL);
  gtk_widget_child_focus (summary, GTK_DIR_TAB_FORWARD);
}

/* Ctrl+Shift+O: the board's outline (its summary), whatever is selected, with the focus in it,
 * once the side bar shows it. */
static void
show_outline_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (self->board == NULL)
    return;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->outline_button), TRUE);
  gtk_stack_set_visible_child_name (GTK_STACK (self->side_views), "properties");
  gtk_stack_set_visible_child_name (self->side_stack, "outline");
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->summary)) ||
      !gtk_widget_child_focus (GTK_WIDGET (self->summary), GTK_DIR_TAB_FORWARD))
    g_signal_connect (self->summary, "map", G_CALLBACK (focus_outline_cb), NULL);
}

static void
search_palette_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (self->board == NULL)
    return;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->palette_button), TRUE);
  plano_palette_focus_search (self->palette);
}

static void
toggle_palette_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->palette_button),
                                !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->palette_button)));
}

/* Ctrl+?: the shortcuts window, built the first time it is asked for. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (self->shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/planoboard/Plano/plano-shortcuts-window.ui");

      /* As the window's help overlay, its shortcuts given by action name show their keys. */
      self->shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                               GTK_SHORTCUTS_WINDOW (self->shortcuts));
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts), (gpointer *) &self->shortcuts);
    }

  plano_a11y_return_focus (GTK_WIDGET (self->shortcuts), GTK_WINDOW (self));
  gtk_window_present (self->shortcuts);
}

static void
toggle_interview_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (self->board == NULL)
    return;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->interview_button),
                                !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->interview_button)));
}

/* New from Template: the templates as cards in a dialog; the chosen one opens here when this
 * window shows no board or an untouched one, else in a new window. */
static void
template_activated_cb (GtkWindow  *dialog,
                       const char *id)
{
  PlanoWindow *self = PLANO_WINDOW (gtk_window_get_transient_for (dialog));
  PlanoWindow *target = self;

  if (self->board != NULL && !plano_window_is_reusable (self))
    {
      target = plano_window_new (PLANO_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      gtk_window_present (GTK_WINDOW (target));
    }

  plano_window_new_from_template (target, id);
  gtk_window_destroy (dialog);
}

static void
new_from_template_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *chooser = plano_template_chooser_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkWidget *content;

  gtk_window_set_title (GTK_WINDOW (dialog), _("New from Template"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (widget));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 900, 640);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_box_append (GTK_BOX (view), header);
  gtk_widget_set_vexpand (chooser, TRUE);
  gtk_box_append (GTK_BOX (view), chooser);
  content = plano_toolbar_view_adopt (view);
  adw_window_set_content (ADW_WINDOW (dialog), content);
  if (content != view)
    g_object_unref (g_object_ref_sink (view));
  g_signal_connect_swapped (chooser, "template-activated", G_CALLBACK (template_activated_cb), dialog);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, keys);
  plano_a11y_return_focus (dialog, GTK_WINDOW (widget));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Copy as Image: the selection, or the whole board, as PNG (at twice the size, for sharp
 * pasting) and as SVG, for whichever the other app takes. */
static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  g_auto(GStrv) selection = NULL;
  g_autoptr(PlanoBoard) part = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  PlanoExportOptions options = { PLANO_EXPORT_PNG, 2, FALSE, PLANO_THEME_LIGHT, NULL };
  PlanoBoard *board;
  GdkContentProvider *providers[2];

  if (self->board == NULL)
    return;

  options.theme = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? PLANO_THEME_DARK
                                                                                : PLANO_THEME_LIGHT;
  selection = plano_canvas_get_selection (self->canvas);
  if (selection != NULL && selection[0] != NULL)
    part = plano_board_copy_items (self->board, (const char * const *) selection);
  board = part != NULL ? part : self->board;

  png = plano_export_to_bytes (board, &options, &error);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);
  options.format = PLANO_EXPORT_SVG;
  if (texture != NULL)
    svg = plano_export_to_bytes (board, &options, &error);
  if (svg == NULL)
    {
      plano_a11y_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  providers[0] = gdk_content_provider_new_typed (GDK_TYPE_TEXTURE, texture);
  providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget),
                             gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers)));
  plano_a11y_add_toast (self->toast_overlay,
                               adw_toast_new (part != NULL ? _("Selection copied as an image")
                                                           : _("Board copied as an image")));
}

/* Print: the whole board on one page, as large as the page allows, never enlarged. */
static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PlanoWindow       *self)
{
  g_autoptr(PlanoRenderer) renderer = plano_renderer_new (self->board);
  PlanoRenderOptions options = { PLANO_THEME_LIGHT, 1, FALSE, NULL, NULL };
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  PlanoRect area;
  double k;

  if (!plano_export_get_area (renderer, &area))
    return;

  /* One canvas unit is a CSS pixel: 1/96 inch. */
  k = MIN (MIN (width / area.w, height / area.h), gtk_print_context_get_dpi_x (context) / 96.0);
  options.zoom = k;
  cairo_translate (cr, (width - area.w * k) / 2, 0);
  cairo_scale (cr, k, k);
  cairo_translate (cr, -area.x, -area.y);
  plano_renderer_draw (renderer, cr, &area, &options);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->board == NULL)
    return;

  title = _plano_window_get_display_title (self);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _plano_window_show_error (self, _("Could Not Print"), error->message);
}

/* The second of the six steps, capacity estimation. */
#define CAPACITY_STEP 1

/* The calculator's "Add to Interview Notes": its figures go to the end of the capacity step's
 * notes, the panel opens on them, and a toast offers to take them out again. */
static void
insert_capacity_notes_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  PlanoInterview *interview = plano_interview_panel_get_interview (self->interview_panel);
  g_autofree char *figures = NULL;
  AdwToast *toast;

  if (self->board == NULL || interview == NULL)
    return;

  figures = plano_calculator_get_notes (self->calculator);
  g_free (self->notes_before_insert);
  self->notes_before_insert = g_strdup (plano_interview_get_notes (interview, CAPACITY_STEP));
  plano_interview_append_notes (interview, CAPACITY_STEP, figures);
  g_free (self->notes_after_insert);
  self->notes_after_insert = g_strdup (plano_interview_get_notes (interview, CAPACITY_STEP));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->interview_button), TRUE);
  plano_interview_panel_show_step (self->interview_panel, CAPACITY_STEP);

  toast = adw_toast_new (_("Figures added to the capacity step’s notes"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-insert-capacity-notes");
  plano_a11y_add_toast (self->toast_overlay, toast);
}

/* Takes the figures out again, unless the notes were edited since. */
static void
undo_insert_capacity_notes_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  PlanoInterview *interview = plano_interview_panel_get_interview (self->interview_panel);

  if (interview == NULL || self->notes_after_insert == NULL)
    return;

  if (g_strcmp0 (plano_interview_get_notes (interview, CAPACITY_STEP), self->notes_after_insert) == 0)
    plano_interview_set_notes (interview, CAPACITY_STEP, self->notes_before_insert);
  g_clear_pointer (&self->notes_before_insert, g_free);
  g_clear_pointer (&self->notes_after_insert, g_free);
}

/* Start, pause or resume the session, and move between steps, from the keyboard. */
static void
interview_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  PlanoInterview *interview = plano_interview_panel_get_interview (self->interview_panel);

  if (self->board == NULL || interview == NULL)
    return;

  if (g_str_equal (action_name, "win.interview-next"))
    plano_interview_next (interview);
  else if (g_str_equal (action_name, "win.interview-previous"))
    plano_interview_previous (interview);
  else
    switch (plano_interview_get_state (interview))
      {
      case PLANO_INTERVIEW_IDLE:
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->interview_button), TRUE);
        plano_interview_start (interview, self->board);
        break;
      case PLANO_INTERVIEW_RUNNING:
        plano_interview_pause (interview);
        break;
      case PLANO_INTERVIEW_PAUSED:
        plano_interview_resume (interview);
        break;
      case PLANO_INTERVIEW_FINISHED:
      default:
        break;
      }
}

/* Your Progress, from the main menu as from the interview panel. */
static void
show_progress_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  plano_interview_panel_show_progress (self->interview_panel);
}

/* Practise a question, as the feedback or Your Progress suggest: on this window's board, or a
 * new one when the window shows none, with the interview panel open. */
static void
practise_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  const char *question = g_variant_get_string (parameter, NULL);

  if (plano_interview_lookup_question (question) == NULL)
    return;

  if (self->board == NULL)
    plano_window_new_board (self);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->interview_button), TRUE);
  plano_interview_panel_practise (self->interview_panel, question);
  gtk_window_present (GTK_WINDOW (self));
}

static const struct
{
  PlanoExportFormat  format;
  const char        *suffix;
  const char        *mime_type;
  const char        *name;
} export_formats[] = {
  { PLANO_EXPORT_PNG, "png", "image/png", N_("PNG Image") },
  { PLANO_EXPORT_SVG, "svg", "image/svg+xml", N_("SVG Image") },
  { PLANO_EXPORT_PDF, "pdf", "application/pdf", N_("PDF Document") },
  { PLANO_EXPORT_MARKDOWN, "md", "text/markdown", N_("Study Notes (Markdown, with an SVG beside)") },
  { PLANO_EXPORT_MERMAID, "mmd", NULL, N_("Mermaid Flowchart") },
  { PLANO_EXPORT_SHEET, "pdf", NULL, N_("Study Sheet (PDF)") },
  { PLANO_EXPORT_EXCALIDRAW, "excalidraw", NULL, N_("Excalidraw Scene") },
  { PLANO_EXPORT_DRAWIO, "drawio", NULL, N_("draw.io Diagram") },
};

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  PlanoWindow *self = PLANO_WINDOW (user_data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  PlanoExportOptions options = { PLANO_EXPORT_PNG, 2, FALSE, PLANO_THEME_LIGHT, NULL };
  GtkFileFilter *filter;
  const char *choice;
  gboolean sheet;

  if (response != GTK_RESPONSE_ACCEPT || self->board == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;

  /* The name's extension decides; without one, the chosen filter does, and names the file. A
   * .pdf is the study sheet when that is the chosen filter. */
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
  sheet = filter != NULL && g_strcmp0 (gtk_file_filter_get_name (filter), _("Study Sheet (PDF)")) == 0;
  if (plano_export_format_from_name (path, &options.format))
    {
      if (sheet && options.format == PLANO_EXPORT_PDF)
        options.format = PLANO_EXPORT_SHEET;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
        if (filter != NULL && g_strcmp0 (gtk_file_filter_get_name (filter), _(export_formats[i].name)) == 0)
          options.format = export_formats[i].format;

      for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
        if (export_formats[i].format == options.format)
          {
            char *with_suffix = g_strconcat (path, ".", export_formats[i].suffix, NULL);

            g_free (path);
            path = with_suffix;
          }
    }

  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "scale");
  if (choice != NULL)
    options.scale = g_ascii_strtod (choice, NULL);
  else if (self->settings != NULL)
    options.scale = g_settings_get_int (self->settings, "export-scale");
  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "background");
  options.transparent = g_strcmp0 (choice, "transparent") == 0;
  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "style");
  options.theme = g_strcmp0 (choice, "dark") == 0 ? PLANO_THEME_DARK : PLANO_THEME_LIGHT;

  /* Study notes carry the session as it is now, feedback included. */
  _plano_window_sync_interview (self);
  if (!plano_export_to_file (self->board, path, &options, &error))
    {
      _plano_window_show_error (self, _("Could Not Export Board"), error->message);
      goto out;
    }

  basename = g_path_get_basename (path);
  {
    g_autofree char *name = g_filename_display_name (basename);
    /* TRANSLATORS: %s is a file name */
    g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

    plano_a11y_add_toast (self->toast_overlay, adw_toast_new (message));
  }

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *title = _plano_window_get_display_title (self);
  g_autofree char *name = NULL;
  const char *suffix = "png";
  const char *scales[] = { "1", "2", "3", NULL };
  const char *scale_labels[] = { "1×", "2×", "3×", NULL };
  const char *backgrounds[] = { "white", "transparent", NULL };
  const char *background_labels[] = { _("Filled"), _("Transparent"), NULL };
  const char *styles[] = { "light", "dark", NULL };
  const char *style_labels[] = { _("Light"), _("Dark"), NULL };
  int scale = self->settings != NULL ? g_settings_get_int (self->settings, "export-scale") : 2;
  g_autoptr(GFile) folder = NULL;

  if (self->board == NULL)
    return;

  /* Export stays with the file chooser where GTK has GtkFileDialog too: it asks for the scale,
   * the background and the style beside the name, and GtkFileDialog has no such choices. */
  chooser = gtk_file_chooser_native_new (_("Export Board"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(export_formats[i].name));
      if (export_formats[i].mime_type != NULL)
        gtk_file_filter_add_mime_type (filter, export_formats[i].mime_type);
      gtk_file_filter_add_suffix (filter, export_formats[i].suffix);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }

  /* What a choice starts at is its first option: GTK 4.8's gtk_file_chooser_set_choice() leaves
   * the first selected whatever it is given. So the preferred scale (Preferences) and style
   * (the app's) go first. */
  if (scale >= 2 && scale <= 3)
    {
      scales[scale - 1] = scales[0], scales[0] = scale == 2 ? "2" : "3";
      scale_labels[scale - 1] = scale_labels[0], scale_labels[0] = scale == 2 ? "2×" : "3×";
    }
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    {
      styles[0] = "dark", styles[1] = "light";
      style_labels[0] = _("Dark"), style_labels[1] = _("Light");
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "scale", _("Scale"), scales, scale_labels);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "background", _("Background"),
                               backgrounds, background_labels);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "style", _("Style"), styles, style_labels);

  for (char *p = title; *p != '\0'; p++)
    if (*p == '/')
      *p = '-';
  /* The preferred format is the chosen filter and the name's extension. */
  if (self->settings != NULL)
    {
      g_autofree char *format = g_settings_get_string (self->settings, "export-format");
      g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
        if (g_str_equal (export_formats[i].suffix, format))
          {
            g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

            gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
            suffix = export_formats[i].suffix;
            break;
          }
    }
  name = g_strconcat (title, ".", suffix, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  /* Exports land beside the board by default. */
  folder = _plano_window_get_default_folder (self);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_chosen (PlanoWindow *self,
             GFile       *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (file != NULL && app != NULL)
    g_application_open (G_APPLICATION (app), &file, 1, "");
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _plano_window_choose_board_file (PLANO_WINDOW (widget), FALSE, NULL, NULL, open_chosen);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (plano_window_is_reusable (self))
    {
      plano_window_new_board (self);
    }
  else
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      PlanoWindow *window = plano_window_new (PLANO_APPLICATION (app));

      plano_window_new_board (window);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _plano_window_save (PLANO_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _plano_window_save_as (PLANO_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* While a text is edited on the canvas, the keys of undo and redo, which the application
 * takes before any widget sees them, undo the typing rather than a change of the board. */
static gboolean
undo_typing (PlanoWindow *self,
             const char  *action)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return plano_canvas_is_editing (self->canvas) && focus != NULL &&
         gtk_widget_activate_action (focus, action, NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (undo_typing (self, "text.undo"))
    return;

  if (self->history != NULL)
    plano_history_undo (self->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlanoWindow *self = PLANO_WINDOW (widget);

  if (undo_typing (self, "text.redo"))
    return;

  if (self->history != NULL)
    plano_history_redo (self->history);
}

void
_plano_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-palette", NULL, toggle_palette_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-palette", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-interview", NULL, toggle_interview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.toggle-interview", NULL);
  gtk_widget_class_install_action (widget_class, "win.interview-start-pause", NULL, interview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.interview-start-pause", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", NULL, new_from_template_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.insert-capacity-notes", NULL, insert_capacity_notes_action);
  gtk_widget_class_install_action (widget_class, "win.undo-insert-capacity-notes", NULL, undo_insert_capacity_notes_action);
  gtk_widget_class_install_action (widget_class, "win.interview-next", NULL, interview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.interview-next", NULL);
  gtk_widget_class_install_action (widget_class, "win.interview-previous", NULL, interview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.interview-previous", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-properties", NULL, toggle_properties_action);
  gtk_widget_class_install_action (widget_class, "win.show-progress", NULL, show_progress_action);
  gtk_widget_class_install_action (widget_class, "win.practise", "s", practise_action);
  gtk_widget_class_install_action (widget_class, "win.search-palette", NULL, search_palette_action);
  gtk_widget_class_install_action (widget_class, "win.show-outline", NULL, show_outline_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-outline", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.snap", "snap");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search-palette", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "win.toggle-properties", NULL);
}
