/* plano-calculator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plano-capacity.h"

G_BEGIN_DECLS

#define PLANO_TYPE_CALCULATOR (plano_calculator_get_type ())

G_DECLARE_FINAL_TYPE (PlanoCalculator, plano_calculator, PLANO, CALCULATOR, GtkWidget)

GtkWidget  *plano_calculator_new         (void);
void        plano_calculator_set_input   (PlanoCalculator          *self,
                                          const PlanoCapacityInput *input);
void        plano_calculator_get_result  (PlanoCalculator          *self,
                                          PlanoCapacityResult      *result);
const char *plano_calculator_get_value   (PlanoCalculator          *self,
                                          const char               *name);
char       *plano_calculator_get_notes   (PlanoCalculator          *self);

G_END_DECLS
