/* fuzz-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the board reader: any bytes give an error or a board, and a board
 * written out reads back to the same text. Built by build-aux/fuzz with address and
 * undefined-behaviour sanitizers.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plano-board.h"
#include "plano-format.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanoBoard) board = plano_format_read ((const char *) data, size, NULL, &error);
  g_autoptr(PlanoBoard) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (board == NULL)
    {
      /* A refusal always says why. */
      if (error == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }

  first = plano_format_write (board, NULL);
  again = plano_format_read (first, strlen (first), NULL, NULL);
  if (again == NULL)
    abort ();

  second = plano_format_write (again, NULL);
  if (strcmp (first, second) != 0)
    abort ();

  return 0;
}
