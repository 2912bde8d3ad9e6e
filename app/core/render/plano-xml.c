/* plano-xml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plano-xml.h"

/* Text from a board goes into XML documents (SVG, draw.io) through here, and only here. XML 1.0
 * has no way to write some code points, not even as character references: the C0 controls but
 * tab, newline and carriage return, and U+FFFE and U+FFFF. GLib's g_markup_escape_text() writes
 * them as "&#x1;", which XML parsers refuse (librsvg, xmllint, browsers show nothing at all), so
 * they are taken out first: the controls, which show nothing, are dropped, and the two
 * non-characters become U+FFFD, the replacement character, which shows that something was there.
 */

/* Whether @text, of @length bytes, holds a code point that plano_text_clean() changes. */
static gboolean
needs_cleaning (const char *text,
                gsize       length,
                gboolean    keep_newlines)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (c < 0x20 && c != '\t' && c != '\r' && (c != '\n' || !keep_newlines))
        return TRUE;
      if (c == 0xef && i + 2 < length && (guchar) text[i + 1] == 0xbf &&
          ((guchar) text[i + 2] == 0xbe || (guchar) text[i + 2] == 0xbf))
        return TRUE;
    }

  return FALSE;
}

static char *
clean (const char *text,
       gsize       length,
       gboolean    keep_newlines)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (c == '\n' && !keep_newlines)
        g_string_append_c (out, ' ');
      else if (c < 0x20 && c != '\t' && c != '\r' && c != '\n')
        continue;
      else if (c == 0xef && i + 2 < length && (guchar) text[i + 1] == 0xbf &&
               ((guchar) text[i + 2] == 0xbe || (guchar) text[i + 2] == 0xbf))
        {
          g_string_append (out, "\xef\xbf\xbd");
          i += 2;
        }
      else
        g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * plano_text_clean:
 * @keep_newlines: whether newlines stay; otherwise each becomes a space
 *
 * Returns: (transfer full): @text without the code points XML 1.0 forbids, for any format that
 *   keeps to them (XML, PDF metadata, JSON read by picky tools)
 */
char *
plano_text_clean (const char *text,
                  gboolean    keep_newlines)
{
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  if (!needs_cleaning (text, length, keep_newlines))
    return g_strndup (text, length);
  return clean (text, length, keep_newlines);
}

/**
 * plano_text_one_line:
 *
 * A title as the formats that show it on one line take it: Mermaid's front matter, PDF
 * metadata, draw.io's page name, the notes' heading.
 *
 * Returns: (transfer full): @text without controls (C0, DEL and C1), each tab and line break
 *   (CR, LF or CR LF) a space, U+FFFE and U+FFFF as U+FFFD, without spaces around it
 */
char *
plano_text_one_line (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\t' || c == '\n' || c == '\r')
        g_string_append_c (out, ' ');
      else if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        continue;
      else if (c == 0xfffe || c == 0xffff)
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/**
 * plano_xml_escape:
 * @length: of @text in bytes, or -1 when it ends with a nul
 *
 * Returns: (transfer full): @text as XML 1.0 character data or an attribute's value
 */
char *
plano_xml_escape (const char *text,
                  gssize      length)
{
  g_autofree char *cleaned = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  /* Most text needs nothing taken out: it is escaped as it is. */
  if (!needs_cleaning (text, length, TRUE))
    return g_markup_escape_text (text, length);

  cleaned = clean (text, length, TRUE);
  return g_markup_escape_text (cleaned, -1);
}

/**
 * plano_xml_append_escaped:
 *
 * Appends what plano_xml_escape() returns to @out.
 */
void
plano_xml_append_escaped (GString    *out,
                          const char *text,
                          gssize      length)
{
  g_autofree char *escaped = plano_xml_escape (text, length);

  g_string_append (out, escaped);
}

/**
 * plano_xml_append_attribute:
 *
 * Appends @text to @out as an attribute's value between double quotes: as
 * plano_xml_append_escaped(), and with newlines, tabs and carriage returns as character
 * references, which a parser would otherwise turn into spaces (attribute value normalisation).
 */
void
plano_xml_append_attribute (GString    *out,
                            const char *text)
{
  g_autofree char *escaped = plano_xml_escape (text, -1);

  for (const char *p = escaped; *p != '\0'; p++)
    switch (*p)
      {
      case '\n': g_string_append (out, "&#10;"); break;
      case '\r': g_string_append (out, "&#13;"); break;
      case '\t': g_string_append (out, "&#9;"); break;
      default: g_string_append_c (out, *p); break;
      }
}
