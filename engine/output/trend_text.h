/* trend_text: the trend check's warning in words, in English or Norwegian.  The check itself
 * (sim/trend.h) gives only data — the service, its slope in cases a month, the measured window —
 * since the sim layer cannot reach the output's translations; every place that shows the warning
 * (the results table, JSON, the report, the REPL) words it here. */
#ifndef SS_TREND_TEXT_H
#define SS_TREND_TEXT_H

#include <stddef.h>

#include "lang.h"
#include "trend.h"

/* "fph_voksen: queue still growing (+4.1 a month over 2021); lengthen the warm-up or check that
 * demand does not exceed capacity", or in Norwegian "fph_voksen: køen vokser fortsatt (+4,1 i
 * måneden i 2021); ...". */
void ss_trend_sentence(char *buf, size_t n, const ss_trend_note *t, ss_lang lang);

#endif
