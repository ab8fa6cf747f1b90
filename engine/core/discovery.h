/* discovery: scenario discovery — which inputs decide a yes/no outcome over many cases (at each
 * sample of a robust comparison: is the option better?), knowing nothing of scenarios.
 *
 * The best single split: for each factor, the cases sorted by its value are cut at every gap
 * between two values, and the cut that best predicts the outcome (yes above it, or yes below it)
 * is that factor's; its accuracy is the share of cases it gets right.  A factor decides the
 * outcome when its split
 *   - is right in at least SS_SPLIT_ACCURACY of the cases,
 *   - removes at least half the errors of always guessing the more common outcome, and
 *   - beats chance: it is more accurate than the best split of any factor in 95 % of
 *     SS_SPLIT_PERMUTATIONS relabellings of the cases at random (the outcomes shuffled, so that
 *     with few cases and many factors a factor that splits them well by luck is not named).
 * A simpler cousin of PRIM's boxes (Friedman and Fisher; the EMA workbench's scenario discovery):
 * one factor, one threshold, which is what a reviewer can read in one line. */
#ifndef SS_DISCOVERY_H
#define SS_DISCOVERY_H

#include <stdbool.h>
#include <stdint.h>

#define SS_SPLIT_ACCURACY 0.75
#define SS_SPLIT_PERMUTATIONS 100

/* The outcome is yes where factor >= threshold (above) or where it is below; right in
 * `accuracy` of the cases.  threshold is the midpoint of the gap it cuts. */
typedef struct ss_split {
    int factor;
    double threshold;
    bool above;
    double accuracy;
} ss_split;

/* The factors that decide the outcome, the most accurate first, at most max of them, into out;
 * returns how many.  x[i k + j] is factor j in case i, yes[i] the outcome of case i; seed fixes
 * the relabellings (the same arguments give the same answer). */
int ss_discover_splits(int n, int k, const double *x, const bool *yes, uint64_t seed, int max, ss_split *out);

#endif
