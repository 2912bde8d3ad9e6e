/* plano-review.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plano-board.h"

G_BEGIN_DECLS

typedef enum
{
  PLANO_SEVERITY_INFO,
  PLANO_SEVERITY_WARNING,
  PLANO_SEVERITY_ERROR,
} PlanoSeverity;

typedef struct
{
  PlanoSeverity  severity;
  const char    *rule;      /* a stable id: "bottleneck", "spof"…; docs/review.md lists them */
  char          *message;   /* a translated sentence */
  GStrv          ids;       /* the items it is about, the first the main one */
} PlanoFinding;

/* What reaches one component, by the review's load model (docs/review.md): writes come
 * along stream, flow, CDC and replication connections, queries along request connections,
 * a daily volume along batch connections.
 */
typedef struct
{
  double writes;        /* events per second, its own rate included */
  double write_bytes;   /* bytes per second of those events */
  double reads;         /* queries per second */
  double daily;         /* events a day in batches */
  double daily_bytes;   /* bytes a day in batches */
  double load;          /* the events per second its capacity is judged against */
} PlanoLoad;

typedef struct _PlanoReview PlanoReview;

PlanoReview  *plano_review_new             (PlanoBoard          *board,
                                            const char * const  *down);
void          plano_review_free            (PlanoReview         *self);
GPtrArray    *plano_review_get_findings    (PlanoReview         *self);
gboolean      plano_review_get_load        (PlanoReview         *self,
                                            const char          *id,
                                            double              *load);
gboolean      plano_review_get_capacity    (PlanoReview         *self,
                                            const char          *id,
                                            double              *capacity);
gboolean      plano_review_get_volume      (PlanoReview         *self,
                                            const char          *id,
                                            PlanoLoad           *volume);
GHashTable   *plano_review_find_stale      (PlanoBoard          *board);
gboolean      plano_node_is_down           (const PlanoNode     *node);
const char   *plano_severity_get_name      (PlanoSeverity        severity);
const char  **plano_review_get_rule_ids    (void);
const char   *plano_review_get_rule_title  (const char          *rule);
char         *plano_finding_to_line        (const PlanoFinding  *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanoReview, plano_review_free)

G_END_DECLS
