/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "plano-test-locale.h"

/* Runs the installed-to-be plano binary the way a user or a script does, with no display. */
typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_plano (Run                *run,
           const char * const *args,
           const char         *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *data_dir = g_test_build_filename (G_TEST_DIST, "data", NULL);
  const char *exe = g_getenv ("PLANO_EXE");
  int wait_status = 0;

  g_assert_nonnull (exe);

  g_ptr_array_add (argv, (char *) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Headless means headless: no display server of any kind. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  /* A user of another language runs a locale of that language. */
  if (language != NULL)
    {
      env = g_environ_setenv (env, "LC_ALL", plano_test_locale (language), TRUE);
      env = g_environ_unsetenv (env, "LANGUAGE");
    }

  g_spawn_sync (data_dir, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
test_version (void)
{
  g_auto(Run) run = { 0, };

  run_plano (&run, (const char *[]) { "--version", NULL }, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "plano " PACKAGE_VERSION "\n");
}

static void
test_check_good (void)
{
  g_auto(Run) run = { 0, };

  run_plano (&run, (const char *[]) { "--check", "realtime.plano", "example.plano", NULL }, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "realtime.plano: ok, 12 nodes, 14 edges, 3 zones\n"
                   "example.plano: ok, 3 nodes, 2 edges, 0 zones\n");
  g_assert_cmpstr (run.err, ==, "");
}

/* One line per file, the bad ones with the place and reason; exit 1 when any is bad. */
static void
test_check_bad (void)
{
  g_auto(Run) run = { 0, };

  run_plano (&run, (const char *[]) { "--check", "example.plano", "bad-x.plano", "bad-endpoint.plano",
                                      "newer.plano", "missing.plano", "bad-rate.plano", "bad-window.plano",
                                      NULL }, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==,
                   "example.plano: ok, 3 nodes, 2 edges, 0 zones\n"
                   "bad-x.plano: nodes[3].x: expected a number\n"
                   "bad-endpoint.plano: edges[0].to: no item with id “flink-9”\n"
                   "newer.plano: plano: the board is format version 2, newer than this Plano "
                   "reads (version 1); update Plano to open it\n"
                   "missing.plano: Could not read “missing.plano”: no such file\n"
                   "bad-rate.plano: edges[0].props.rate: -5 is not a rate: give events per second, from 0 to 10¹²\n"
                   "bad-window.plano: nodes[0].props.bytes: expected a number of bytes per event\n");
}

static void
test_check_warning (void)
{
  g_auto(Run) run = { 0, };

  run_plano (&run, (const char *[]) { "--check", "unknown-kind.plano", NULL }, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "unknown-kind.plano: ok, 2 nodes, 1 edge, 0 zones; warning: nodes[0].kind: "
                   "unknown kind “quantum-db”, drawn as a generic component\n");
}

static void
test_check_needs_files (void)
{
  g_auto(Run) run = { 0, };

  run_plano (&run, (const char *[]) { "--check", NULL }, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "plano: --check needs at least one file\n");
}

static void
test_unknown_option (void)
{
  g_auto(Run) run = { 0, };

  run_plano (&run, (const char *[]) { "--frobnicate", NULL }, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "plano: "));
}

/* `plano --solution=ID` without --export opens the app; an unknown question is refused first,
 * without a display, as is asking for a template and a solution at once. */
static void
test_solution_refused (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) both = { 0, };

  run_plano (&run, (const char *[]) { "--solution=no-such-question", NULL }, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "plano: there is no such question; plano --list-questions shows them\n");

  run_plano (&both, (const char *[]) { "--template=kappa", "--solution=clickstream-analytics", NULL }, NULL);
  g_assert_cmpint (both.status, ==, 2);
  g_assert_cmpstr (both.err, ==, "plano: give either --template or --solution, not both\n");
}

/* --export works with no display and writes exactly the file asked for. */
static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plano-cli-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "board.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "board.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *png_arg = g_strconcat ("--export=", png, NULL);
  g_autofree char *svg_arg = g_strconcat ("--export=", svg, NULL);
  g_autofree char *pdf_arg = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) run_png = { 0, };
  g_auto(Run) run_svg = { 0, };
  g_auto(Run) run_pdf = { 0, };
  gsize length;

  run_plano (&run_png, (const char *[]) { png_arg, "--scale=2", "realtime.plano", NULL }, NULL);
  g_assert_cmpint (run_png.status, ==, 0);
  g_assert_cmpstr (run_png.err, ==, "");
  g_file_get_contents (png, &contents, &length, NULL);
  g_assert_true (length > 8 && memcmp (contents, "\x89PNG", 4) == 0);
  g_clear_pointer (&contents, g_free);

  run_plano (&run_svg, (const char *[]) { svg_arg, "realtime.plano", NULL }, NULL);
  g_assert_cmpint (run_svg.status, ==, 0);
  g_file_get_contents (svg, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, ">Redis (hot)</tspan>"));
  g_clear_pointer (&contents, g_free);

  run_plano (&run_pdf, (const char *[]) { pdf_arg, "--background=transparent", "realtime.plano", NULL }, NULL);
  g_assert_cmpint (run_pdf.status, ==, 0);
  g_file_get_contents (pdf, &contents, NULL, NULL);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* --export picks Excalidraw and draw.io from the name alone: OUT.excalidraw is an Excalidraw
 * scene, OUT.drawio an mxGraph file, each with the board's components. */
static void
test_export_interop (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plano-cli-XXXXXX", NULL);
  g_autofree char *excalidraw = g_build_filename (dir, "board.excalidraw", NULL);
  g_autofree char *drawio = g_build_filename (dir, "board.drawio", NULL);
  g_autofree char *excalidraw_arg = g_strconcat ("--export=", excalidraw, NULL);
  g_autofree char *drawio_arg = g_strconcat ("--export=", drawio, NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) run_excalidraw = { 0, };
  g_auto(Run) run_drawio = { 0, };

  run_plano (&run_excalidraw, (const char *[]) { excalidraw_arg, "realtime.plano", NULL }, NULL);
  g_assert_cmpint (run_excalidraw.status, ==, 0);
  g_assert_cmpstr (run_excalidraw.err, ==, "");
  g_assert_true (g_file_get_contents (excalidraw, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"type\" : \"excalidraw\",\n  \"version\" : 2,"));
  g_assert_nonnull (strstr (contents, "\"originalText\" : \"Redis (hot)\\nRedis\""));
  g_clear_pointer (&contents, g_free);

  run_plano (&run_drawio, (const char *[]) { drawio_arg, "realtime.plano", NULL }, NULL);
  g_assert_cmpint (run_drawio.status, ==, 0);
  g_assert_cmpstr (run_drawio.err, ==, "");
  g_assert_true (g_file_get_contents (drawio, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mxfile host=\"Plano\""));
  g_assert_nonnull (strstr (contents, " value=\"Redis (hot)&lt;br&gt;Redis\""));

  g_unlink (excalidraw);
  g_unlink (drawio);
  g_rmdir (dir);
}

/* A failed export says why on one line and writes nothing. */
static void
test_export_fails (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plano-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "board.svg", NULL);
  g_autofree char *out_arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *missing_arg = g_strconcat ("--export=", dir, "/none/board.svg", NULL);
  g_auto(Run) bad_board = { 0, };
  g_auto(Run) bad_folder = { 0, };
  g_auto(Run) bad_format = { 0, };
  g_auto(Run) two_boards = { 0, };

  run_plano (&bad_board, (const char *[]) { out_arg, "bad-x.plano", NULL }, NULL);
  g_assert_cmpint (bad_board.status, ==, 1);
  g_assert_cmpstr (bad_board.err, ==, "plano: bad-x.plano: nodes[3].x: expected a number\n");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_plano (&bad_folder, (const char *[]) { missing_arg, "example.plano", NULL }, NULL);
  g_assert_cmpint (bad_folder.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad_folder.err, "plano: example.plano: Could not write “board.svg” in "));
  g_assert_true (g_str_has_suffix (bad_folder.err, ": the folder does not exist\n"));

  run_plano (&bad_format, (const char *[]) { out_arg, "--format=jpeg", "example.plano", NULL }, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_cmpstr (bad_format.err, ==, "plano: unknown format “jpeg”: use png, svg, pdf, md, mmd, sheet, excalidraw, drawio or plano\n");

  run_plano (&two_boards, (const char *[]) { out_arg, "example.plano", "realtime.plano", NULL }, NULL);
  g_assert_cmpint (two_boards.status, ==, 2);

  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* --review prints the same findings, line by line, every time; exit 0 even with findings. */
static void
test_review (void)
{
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "data", "realtime-review.txt", NULL);
  g_autofree char *coach_path = g_test_build_filename (G_TEST_DIST, "data", "coach-review.txt", NULL);
  g_autofree char *golden = NULL;
  g_autofree char *coach_golden = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) coach = { 0, };
  g_auto(Run) down = { 0, };
  g_auto(Run) bad = { 0, };
  g_auto(Run) bad_value = { 0, };
  g_auto(Run) unknown = { 0, };
  g_auto(Run) template = { 0, };

  g_assert_true (g_file_get_contents (golden_path, &golden, NULL, NULL));
  g_assert_true (g_file_get_contents (coach_path, &coach_golden, NULL, NULL));

  run_plano (&run, (const char *[]) { "--review", "realtime.plano", NULL }, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, golden);

  /* A board with one of each flaw a coach raises: freshness, checkpoint, no-replay-log,
   * dead-letter, consumer-parallelism, lambda-vs-kappa, unconnected. */
  run_plano (&coach, (const char *[]) { "--review", "coach.plano", NULL }, NULL);
  g_assert_cmpint (coach.status, ==, 0);
  g_assert_cmpstr (coach.out, ==, coach_golden);

  run_plano (&down, (const char *[]) { "--review", "--down=flink", "realtime.plano", NULL }, NULL);
  g_assert_cmpint (down.status, ==, 0);
  g_assert_true (g_str_has_prefix (down.out, "error down: Flink: enrich, aggregate, alert is down: "
                                             "Redis (hot), Druid (OLAP), Elasticsearch (search), "
                                             "Data lake (S3/Delta), Batch jobs (Spark), ML training, Reports "
                                             "lose data or freshness [flink, redis, druid, es, lake, spark, ml, reports]\n"));

  /* What --check refuses, the review leaves out and says so once. */
  run_plano (&bad_value, (const char *[]) { "--review", "bad-rate.plano", NULL }, NULL);
  g_assert_cmpint (bad_value.status, ==, 0);
  g_assert_true (g_str_has_prefix (bad_value.out, "warning bad-value: 1 rate, size or window left out, on e1:"));
  g_assert_true (g_str_has_suffix (bad_value.out, "[e1]\n"));
  g_assert_null (strstr (bad_value.out, "bottleneck"));

  run_plano (&template, (const char *[]) { "--review", "--template=realtime-analytics", NULL }, NULL);
  g_assert_cmpint (template.status, ==, 0);
  g_assert_true (g_str_has_prefix (template.out, "error bottleneck: Elasticsearch (search) takes 50\u00a0000/s"));
  g_assert_null (strstr (template.out, "Batch jobs (Spark) gets"));

  run_plano (&bad, (const char *[]) { "--review", "bad-x.plano", NULL }, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_cmpstr (bad.err, ==, "plano: bad-x.plano: nodes[3].x: expected a number\n");

  run_plano (&unknown, (const char *[]) { "--review", "--down=nobody", "realtime.plano", NULL }, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpstr (unknown.err, ==, "plano: realtime.plano: no component with id “nobody” to mark down\n");
}

/* The command line speaks the user's language. */
static void
test_check_translated (void)
{
  g_auto(Run) es = { 0, };
  g_auto(Run) pt = { 0, };
  g_auto(Run) review = { 0, };

  run_plano (&es, (const char *[]) { "--check", "realtime.plano", "bad-x.plano", NULL }, "es");
  g_assert_cmpstr (es.out, ==,
                   "realtime.plano: correcto, 12 nodos, 14 conexiones, 3 zonas\n"
                   "bad-x.plano: nodes[3].x: se esperaba un número\n");

  run_plano (&review, (const char *[]) { "--review", "realtime.plano", NULL }, "es");
  g_assert_true (g_str_has_prefix (review.out, "error bottleneck: Druid (OLAP) recibe 72\u00a0000/s frente a una "
                                               "capacidad de 50\u00a0000/s (144 %): un cuello de botella"));
  g_assert_nonnull (strstr (review.out, "\naviso dead-letter: Flink: enrich, aggregate, alert no tiene dónde "
                                        "dejar un registro que no puede procesar"));

  run_plano (&pt, (const char *[]) { "--check", "realtime.plano", NULL }, "pt");
  g_assert_true (g_str_has_prefix (pt.out, "realtime.plano: ok, 12 nós, 14 conexões, 3 zonas\n"));
}

/* The interview questions, their reference solutions and the grade of a board against one,
 * with no display: a script can list, export and grade; the must-haves read in the user's
 * language. */
static void
test_trainer (void)
{
  g_autofree char *solution = g_test_build_filename (G_TEST_DIST, "..", "data", "solutions",
                                                     "clickstream-analytics.plano", NULL);
  g_autofree char *dir = g_dir_make_tmp ("plano-cli-trainer-XXXXXX", NULL);
  g_autofree char *recorded = g_build_filename (dir, "recorded.plano", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.plano", NULL);
  g_autofree char *svg = g_build_filename (dir, "solution.svg", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) list = { 0, };
  g_auto(Run) exported = { 0, };
  g_auto(Run) full = { 0, };
  g_auto(Run) from_record = { 0, };
  g_auto(Run) none = { 0, };
  g_auto(Run) no_question = { 0, };
  g_auto(Run) unknown = { 0, };
  g_auto(Run) es = { 0, };
  g_auto(Run) pt = { 0, };

  run_plano (&list, (const char *[]) { "--list-questions", NULL }, NULL);
  g_assert_cmpint (list.status, ==, 0);
  lines = g_strsplit (list.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 23);
  g_assert_cmpstr (lines[0], ==, "clickstream-analytics\tReal-time clickstream analytics");
  for (guint i = 0; i < 22; i++)
    g_assert_nonnull (strchr (lines[i], '\t'));

  run_plano (&exported, (const char *[]) { "--solution=clickstream-analytics", "--export", svg, NULL }, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "Kafka: clicks"));

  /* The reference solution covers all its must-haves, one line each, then the coverage. */
  run_plano (&full, (const char *[]) { "--grade", "--question=clickstream-analytics", solution, NULL }, NULL);
  g_assert_cmpint (full.status, ==, 0);
  g_assert_true (g_str_has_prefix (full.out, "covered durable-log: A durable log between the sources and storage\n"));
  g_assert_true (g_str_has_suffix (full.out, "\ncoverage: 7 of 7\n"));
  g_assert_null (strstr (full.out, "missing "));

  /* The question comes from the board's interview record when --question is absent. */
  g_assert_true (g_file_set_contents (recorded,
                                      "{\"plano\": 1, \"nodes\": ["
                                      "{\"id\": \"k\", \"kind\": \"kafka\", \"x\": 0, \"y\": 0, \"props\": {\"replicas\": 3}},"
                                      "{\"id\": \"f\", \"kind\": \"flink\", \"x\": 300, \"y\": 0, \"label\": \"Flink: sessions\","
                                      "\"props\": {\"replicas\": 2}}],"
                                      "\"edges\": [{\"id\": \"e\", \"from\": \"k\", \"to\": \"f\"}],"
                                      "\"interview\": {\"version\": 1, \"question\": \"clickstream-analytics\"}}",
                                      -1, NULL));
  run_plano (&from_record, (const char *[]) { "--grade", recorded, NULL }, NULL);
  g_assert_cmpint (from_record.status, ==, 0);
  g_assert_nonnull (strstr (from_record.out, "\ncovered sessionize: Sessions built on event time, keyed by user\n"));
  g_assert_nonnull (strstr (from_record.out, "\ncovered replicated: "));
  g_assert_nonnull (strstr (from_record.out, "\nmissing olap: An OLAP store for sub-second dashboards\n"));
  g_assert_true (g_str_has_suffix (from_record.out, "\ncoverage: 2 of 7\n"));

  /* An empty board covers nothing; a board with no question, or an unknown one, is refused. */
  g_assert_true (g_file_set_contents (empty, "{\"plano\": 1, \"nodes\": []}", -1, NULL));
  run_plano (&none, (const char *[]) { "--grade", "--question=clickstream-analytics", empty, NULL }, NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_true (g_str_has_suffix (none.out, "\ncoverage: 0 of 7\n"));

  run_plano (&no_question, (const char *[]) { "--grade", empty, NULL }, NULL);
  g_assert_cmpint (no_question.status, ==, 2);
  g_assert_true (g_str_has_suffix (no_question.err, "the board records no interview question: give one with "
                                                     "--question=ID (plano --list-questions shows them)\n"));
  g_assert_cmpstr (no_question.out, ==, "");

  run_plano (&unknown, (const char *[]) { "--grade", "--question=nope", empty, NULL }, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "There is no question “nope”; plano --list-questions shows them"));

  /* The must-haves in the user's language; the words that a script reads stay as they are. */
  run_plano (&es, (const char *[]) { "--grade", "--question=clickstream-analytics", solution, NULL }, "es");
  g_assert_true (g_str_has_prefix (es.out, "covered durable-log: Un log duradero entre las fuentes y el almacenamiento\n"));
  g_assert_true (g_str_has_suffix (es.out, "\ncoverage: 7 of 7\n"));
  run_plano (&pt, (const char *[]) { "--grade", "--question=clickstream-analytics", empty, NULL }, "pt");
  g_assert_true (g_str_has_prefix (pt.out, "missing durable-log: "));
  g_assert_null (strstr (pt.out, "A durable log"));

  g_unlink (recorded);
  g_unlink (empty);
  g_unlink (svg);
  g_rmdir (dir);
}

/* --list-templates: one line per template; --template=ID exports one with no display, as
 * Markdown notes with their SVG, as Mermaid, as a study sheet; in Spanish too. */
static void
test_templates (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plano-cli-XXXXXX", NULL);
  g_autofree char *md = g_build_filename (dir, "mesh.md", NULL);
  g_autofree char *svg = g_build_filename (dir, "mesh.svg", NULL);
  g_autofree char *mmd = g_build_filename (dir, "mesh.mmd", NULL);
  g_autofree char *sheet = g_build_filename (dir, "mesh.pdf", NULL);
  g_autofree char *md_arg = g_strconcat ("--export=", md, NULL);
  g_autofree char *mmd_arg = g_strconcat ("--export=", mmd, NULL);
  g_autofree char *sheet_arg = g_strconcat ("--export=", sheet, NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) list = { 0, };
  g_auto(Run) notes = { 0, };
  g_auto(Run) mermaid = { 0, };
  g_auto(Run) study = { 0, };
  g_auto(Run) spanish = { 0, };
  g_auto(Run) unknown = { 0, };

  run_plano (&list, (const char *[]) { "--list-templates", NULL }, NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==,
                   "realtime-analytics   Real-time analytics pipeline\n"
                   "modern-data-stack    Modern data stack\n"
                   "data-mesh            Data mesh\n"
                   "lambda               Lambda architecture\n"
                   "kappa                Kappa architecture\n"
                   "medallion            Medallion architecture\n");

  run_plano (&notes, (const char *[]) { "--template=data-mesh", md_arg, NULL }, NULL);
  g_assert_cmpint (notes.status, ==, 0);
  g_assert_cmpstr (notes.err, ==, "");
  g_file_get_contents (md, &contents, NULL, NULL);
  g_assert_true (g_str_has_prefix (contents, "# Data mesh\n"));
  g_assert_nonnull (strstr (contents, "![Data mesh](mesh.svg)"));
  g_assert_nonnull (strstr (contents, "| Domain ownership | The whole board | Each domain owns its data |"));
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (svg, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, ">Federated governance</tspan>"));
  g_clear_pointer (&contents, g_free);

  run_plano (&mermaid, (const char *[]) { "--template=data-mesh", mmd_arg, NULL }, NULL);
  g_assert_cmpint (mermaid.status, ==, 0);
  g_file_get_contents (mmd, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "\nflowchart LR\n"));
  g_assert_nonnull (strstr (contents, "  subgraph sales[\"Domain 1: Sales\"]\n"));
  g_assert_nonnull (strstr (contents, "  customer_360 --> governance\n"));
  g_assert_nonnull (strstr (contents, "  customer_360 -->|\"customer profiles\"| campaign_analytics\n"));
  g_clear_pointer (&contents, g_free);

  run_plano (&study, (const char *[]) { "--template=lambda", "--format=sheet", sheet_arg, NULL }, NULL);
  g_assert_cmpint (study.status, ==, 0);
  g_file_get_contents (sheet, &contents, NULL, NULL);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  run_plano (&spanish, (const char *[]) { "--template=data-mesh", md_arg, NULL }, "es");
  g_assert_cmpint (spanish.status, ==, 0);
  g_file_get_contents (md, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "## Diagrama\n"));
  g_assert_nonnull (strstr (contents, "Gobernanza federada"));
  g_clear_pointer (&contents, g_free);

  run_plano (&unknown, (const char *[]) { "--template=nope", md_arg, NULL }, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_cmpstr (unknown.err, ==, "plano: There is no template “nope”; plano --list-templates shows them\n");

  g_unlink (md);
  g_unlink (svg);
  g_unlink (mmd);
  g_unlink (sheet);
  g_rmdir (dir);
}

/* --list-kinds: one line per kind of the catalog, its id, its category's id and its name,
 * separated by tabs; the name in the user's language, the ids never. */
static void
test_list_kinds (void)
{
  g_auto(Run) english = { 0, };
  g_auto(Run) spanish = { 0, };
  g_auto(GStrv) lines = NULL;
  guint n;

  run_plano (&english, (const char *[]) { "--list-kinds", NULL }, NULL);
  g_assert_cmpint (english.status, ==, 0);
  g_assert_cmpstr (english.err, ==, "");
  g_assert_true (g_str_has_prefix (english.out, "app\tsources\tApps\n"));
  g_assert_nonnull (strstr (english.out, "\nkafka\tstreaming\tKafka\n"));
  g_assert_nonnull (strstr (english.out, "\nkafka-connect\tingestion\tKafka Connect\n"));

  /* Every kind of the catalog (CATALOG.md lists 54), each with three fields. */
  lines = g_strsplit (english.out, "\n", -1);
  n = g_strv_length (lines) - 1;
  g_assert_cmpuint (n, >=, 54);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
    }

  run_plano (&spanish, (const char *[]) { "--list-kinds", NULL }, "es");
  g_assert_true (g_str_has_prefix (spanish.out, "app\tsources\tAplicaciones\n"));
  g_assert_nonnull (strstr (spanish.out, "\nlake\tstorage\t"));
}

/* --export=OUT.plano writes the board itself: a template to start from, or a file written
 * again; it reads back as the same board. */
static void
test_export_board (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plano-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "lambda.plano", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.plano", NULL);
  g_autofree char *out_arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *copy_arg = g_strconcat ("--export=", copy, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "example-written.plano", NULL);
  g_autofree char *expected = NULL;
  g_auto(Run) template = { 0, };
  g_auto(Run) check = { 0, };
  g_auto(Run) again = { 0, };
  g_auto(Run) named = { 0, };

  run_plano (&template, (const char *[]) { "--template=lambda", out_arg, NULL }, NULL);
  g_assert_cmpint (template.status, ==, 0);
  g_assert_cmpstr (template.err, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"plano\": 1,\n  \"title\": \"Lambda architecture\""));

  run_plano (&check, (const char *[]) { "--check", out, NULL }, NULL);
  g_assert_cmpint (check.status, ==, 0);

  /* A board written by Plano comes back byte for byte. */
  run_plano (&again, (const char *[]) { "example-written.plano", copy_arg, NULL }, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (copy, &contents, NULL, NULL));
  g_assert_true (g_file_get_contents (source, &expected, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  /* --format=plano names it whatever the name says. */
  g_unlink (copy);
  run_plano (&named, (const char *[]) { "--format=plano", "--template=kappa", copy_arg, NULL }, NULL);
  g_assert_cmpint (named.status, ==, 0);
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));

  g_unlink (out);
  g_unlink (copy);
  g_rmdir (dir);
}

/* plano --help describes every option the README's "Command line" section shows. */
static void
test_help_lists_readme_options (void)
{
  g_autofree char *readme_path = g_test_build_filename (G_TEST_DIST, "..", "README.md", NULL);
  g_autofree char *readme = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) option = g_regex_new ("--[a-z][a-z-]*", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(Run) help = { 0, };
  const char *section;
  const char *end;
  g_autofree char *commands = NULL;

  g_file_get_contents (readme_path, &readme, NULL, &error);
  g_assert_no_error (error);
  section = strstr (readme, "\n## Command line\n");
  g_assert_nonnull (section);
  end = strstr (section + 1, "\n## ");
  commands = end != NULL ? g_strndup (section, end - section) : g_strdup (section);

  run_plano (&help, (const char *[]) { "--help", NULL }, NULL);
  g_assert_cmpint (help.status, ==, 0);

  g_regex_match (option, commands, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 0);
      g_autofree char *pattern = g_strdup_printf ("^  %s[= ]", name);

      if (g_hash_table_add (seen, g_strdup (name)) &&
          !g_regex_match_simple (pattern, help.out, G_REGEX_MULTILINE, 0))
        g_error ("plano --help does not describe %s, which the README shows:\n%s", name, help.out);
      g_match_info_next (match, NULL);
    }
  /* The section shows the options it names: --check, --export, --review, --version… */
  g_assert_cmpuint (g_hash_table_size (seen), >=, 10);
}

static void
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
}

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  GSubprocess *process = G_SUBPROCESS (source);
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_communicate_utf8_finish (process, result, &run->out, &run->err, &error))
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

/* Runs plano as run_plano() does, but gives it five seconds: one that hangs is killed, and the
 * test fails instead of hanging too. Returns the time it took, in microseconds. */
static gint64
run_plano_timed (Run                *run,
                 const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  gint64 start;
  guint timeout;

  g_ptr_array_add (argv, (char *) g_getenv ("PLANO_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  run->status = -2;
  timeout = g_timeout_add_once (5000, timed_out_cb, &timed_out);
  g_subprocess_communicate_utf8_async (process, NULL, cancellable, communicated_cb, run);
  while (run->status == -2 && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    {
      g_subprocess_force_exit (process);
      g_cancellable_cancel (cancellable);
      while (run->status == -2)
        g_main_context_iteration (NULL, TRUE);
      g_error ("plano %s did not answer within 5 s", args[0]);
    }
  g_source_remove (timeout);

  return g_get_monotonic_time () - start;
}

/* Devices that never end and a FIFO that never answers are refused before a byte is read: one
 * line each, in well under a second, exit status 1. --export, --review and --grade likewise. */
static void
test_check_special_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plano-cli-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "board.plano", NULL);
  g_autofree char *out = g_build_filename (dir, "board.png", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *expected = NULL;
  g_auto(Run) check = { 0, };
  g_auto(Run) export = { 0, };
  g_auto(Run) review = { 0, };
  g_auto(Run) grade = { 0, };
  gint64 took;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  took = run_plano_timed (&check, (const char *[]) { "--check", "/dev/zero", "/dev/urandom", fifo, NULL });
  g_test_message ("plano --check /dev/zero /dev/urandom FIFO answered in %.0f ms", took / 1000.0);
  g_assert_cmpint (took, <, G_USEC_PER_SEC);
  g_assert_cmpint (check.status, ==, 1);
  expected = g_strdup_printf ("/dev/zero: “zero” is a device, not a regular file\n"
                              "/dev/urandom: “urandom” is a device, not a regular file\n"
                              "%s: “board.plano” is a pipe, not a regular file\n", fifo);
  g_assert_cmpstr (check.out, ==, expected);

  took = run_plano_timed (&export, (const char *[]) { export_arg, "/dev/zero", NULL });
  g_assert_cmpint (took, <, G_USEC_PER_SEC);
  g_assert_cmpint (export.status, ==, 1);
  g_assert_cmpstr (export.err, ==, "plano: /dev/zero: “zero” is a device, not a regular file\n");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  took = run_plano_timed (&review, (const char *[]) { "--review", fifo, NULL });
  g_assert_cmpint (took, <, G_USEC_PER_SEC);
  g_assert_cmpint (review.status, ==, 1);
  g_assert_true (g_str_has_suffix (review.err, ": “board.plano” is a pipe, not a regular file\n"));

  took = run_plano_timed (&grade, (const char *[]) { "--grade", "/dev/urandom", NULL });
  g_assert_cmpint (took, <, G_USEC_PER_SEC);
  g_assert_cmpint (grade.status, ==, 1);
  g_assert_cmpstr (grade.err, ==, "plano: /dev/urandom: “urandom” is a device, not a regular file\n");

  g_unlink (fifo);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plano/cli/version", test_version);
  g_test_add_func ("/plano/cli/check-good", test_check_good);
  g_test_add_func ("/plano/cli/check-bad", test_check_bad);
  g_test_add_func ("/plano/cli/check-warning", test_check_warning);
  g_test_add_func ("/plano/cli/check-needs-files", test_check_needs_files);
  g_test_add_func ("/plano/cli/check-special-files", test_check_special_files);
  g_test_add_func ("/plano/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/plano/cli/solution-refused", test_solution_refused);
  g_test_add_func ("/plano/cli/export", test_export);
  g_test_add_func ("/plano/cli/export-interop", test_export_interop);
  g_test_add_func ("/plano/cli/export-fails", test_export_fails);
  g_test_add_func ("/plano/cli/review", test_review);
  g_test_add_func ("/plano/cli/check-translated", test_check_translated);
  g_test_add_func ("/plano/cli/templates", test_templates);
  g_test_add_func ("/plano/cli/list-kinds", test_list_kinds);
  g_test_add_func ("/plano/cli/export-board", test_export_board);
  g_test_add_func ("/plano/cli/trainer", test_trainer);
  g_test_add_func ("/plano/cli/help-lists-readme-options", test_help_lists_readme_options);

  return g_test_run ();
}
