/* study: one scenario run end to end — replications, summary, and the SQLite store — as the
 * `run` command, the REPL, comparisons and batches all need it.  Keeps the run's description
 * (ss_run_info) and the strings it points to together. */
#ifndef SS_STUDY_H
#define SS_STUDY_H

#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "flag.h"
#include "results.h"
#include "runner.h"
#include "scenario.h"

typedef struct ss_study {
    const ss_scenario *sc;    /* borrowed */
    ss_run_info info;
    const char **ids, **names;
    double *fte;
    char command_line[4096];
    char started_at[32];
    char start_date[11];
    char surges[256];         /* info.surges */
    int nreps;
    ss_rep_result *reps;      /* after ss_study_run: [nreps] */
    ss_summary summary;       /* after ss_study_run */
    int64_t run_id;           /* in the store, when one was given */
    char **overlays, **sets;  /* copies of what the scenario was loaded with (info points here) */
} ss_study;

/* Describe a run of sc with this seed and number of replications. */
void ss_study_init(ss_study *st, const ss_scenario *sc, uint64_t seed, int reps, const char *command_line);
void ss_study_fini(ss_study *st);
/* The overlays and overrides sc was loaded with, copied, so that the run's JSON and its row in the
 * store say them (so may be NULL: none). */
void ss_study_inputs(ss_study *st, const ss_scenario_opts *so);

typedef struct ss_study_opts {
    int jobs;
    const ss_stop_flag *interrupt;
    const char *db;           /* SQLite file, or NULL */
    int64_t trace_person;
    FILE *trace;
    ss_progress_fn progress;
    void *progress_ud;
    double precision;         /* --precision REL: add replications until every key interval's
                                 half-width is at most REL of its mean; 0: the fixed number */
    int max_reps;             /* the cap with precision (SS_PRECISION_DEFAULT_CAP when 0) */
} ss_study_opts;

/* With --precision and no --reps, a run starts from this many replications and stops at the cap. */
#define SS_PRECISION_FIRST_REPS 10
#define SS_PRECISION_DEFAULT_CAP 200

/* Run every replication and build the summary (with o->precision, more replications until the
 * key intervals are within it or the cap is reached: st->nreps and st->info.precision say how it
 * ended; the same seed gives the same replications and so the same stopping point on any -j).
 * With a db: the run is stored; a rule error
 * stores nothing, an interrupt keeps whole replications (status 'interrupted').
 * Returns 0, or -1 with d filled; *interrupted tells an interrupt from an error, *io_error a
 * store failure. */
int ss_study_run(ss_study *st, const ss_study_opts *o, ss_diag *d, int *interrupted, int *io_error);

/* Where a run with o->precision, starting from `first` replications, stops when its replications
 * are reps[0 .. nreps) (the same replications a run with the same seed makes, e.g. those of a
 * stored run): the number it stops at, its outcome in *p; 0 when it would need more than nreps.
 * A stored run whose replications are exactly that number is the run the precision would make. */
int ss_study_precision_replay(const ss_rep_result *reps, int nreps, int nservices, const char *const *ids, int first,
                              const ss_study_opts *o, ss_precision *p);

/* "samsim run x.lua --reps 5" from argv, quoting where needed. */
void ss_command_line(const char *prog, int argc, char **argv, char *out, size_t n);

#endif
