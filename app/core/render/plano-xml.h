/* plano-xml.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   plano_xml_append_escaped  (GString    *out,
                                  const char *text,
                                  gssize      length);
void   plano_xml_append_attribute (GString    *out,
                                  const char *text);
char  *plano_xml_escape          (const char *text,
                                  gssize      length);
char  *plano_text_clean          (const char *text,
                                  gboolean    keep_newlines);
char  *plano_text_one_line       (const char *text);

G_END_DECLS
