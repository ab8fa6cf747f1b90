/* compare_robust: the --robust part of `samsim compare` (see compare_robust.h). */
#include "compare_robust.h"

#include <getopt.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "ensemble.h"
#include "points_store.h"
#include "sbuf.h"
#include "robust_text.h"
#include "robustness.h"
#include "store.h"
#include "table.h"
#include "xalloc.h"

#define DEFAULT_SAMPLES 64

/* ---- options ------------------------------------------------------------------------------------ */

enum { OPT_ROBUST = SS_CLI_OWN, OPT_SAMPLES, OPT_ENSEMBLE, OPT_SHARD };

const struct option ss_robust_options[] = {
    {"robust", no_argument, NULL, OPT_ROBUST},       {"samples", required_argument, NULL, OPT_SAMPLES},
    {"ensemble", required_argument, NULL, OPT_ENSEMBLE}, {"shard", required_argument, NULL, OPT_SHARD}, {0},
};

int ss_robust_args_take(const char *cmd, int opt, const char *v, ss_robust_args *a)
{
    switch (opt) {
    case OPT_ROBUST: a->robust = true; return 0;
    case OPT_SAMPLES: {
        long n;
        if (!ss_parse_count(v, 1, 1000000, &n))
            return ss_cli_usage_error(cmd, "--samples: expected a whole number of samples from 1 to 1000000, got '%s'", v);
        a->samples = (int)n;
        return 0;
    }
    case OPT_ENSEMBLE: a->ensemble = v; return 0;
    }
    return ss_cli_shard(cmd, v, &a->shard, &a->nshards);
}

int ss_robust_args_check(const char *cmd, const ss_robust_args *a, const char *db, int reps)
{
    if (!a->robust && (a->samples || a->ensemble || a->nshards))
        return ss_cli_usage_error(cmd, "%s is for a robust comparison: add --robust",
                                  a->samples ? "--samples" : a->ensemble ? "--ensemble" : "--shard");
    if (!a->robust) return 0;
    if (a->samples && a->ensemble)
        return ss_cli_usage_error(cmd, "choose one of --samples (sample the ranges) and --ensemble (a calibrated ensemble's "
                                       "parameter sets)");
    if (a->nshards && !db)
        return ss_cli_usage_error(cmd, "--shard %d/%d: a shard keeps its samples in a file: give it --db FILE", a->shard,
                                  a->nshards);
    if (reps == 1)
        return ss_cli_usage_error(cmd, "--robust needs at least 2 replications (--reps) for a paired interval at each sample");
    return 0;
}

/* ---- progress ------------------------------------------------------------------------------------- */

typedef struct progress_ctx {
    const char *letter;
    struct timespec start;
    long first;              /* samples already done when timing began (stored ones) */
} progress_ctx;

/* "\rrobust B: sample 12 of 256, about 3 min left" on a terminal. */
static void progress(void *ud, const ss_points_part *part, long done, long total)
{
    (void)part;
    progress_ctx *p = ud;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (p->first < 0) {
        p->first = done - 1;
        p->start = now;
    }
    double spent = (double)(now.tv_sec - p->start.tv_sec) + (now.tv_nsec - p->start.tv_nsec) / 1e9;
    long run = done - p->first;
    fprintf(stderr, "\r\033[Krobust %s: sample %ld of %ld", p->letter, done, total);
    if (run > 1 && done < total) {
        double left = spent / (double)(run - 1) * (double)(total - done);
        if (left >= 90) fprintf(stderr, ", about %.0f min left", left / 60);
        else fprintf(stderr, ", about %.0f s left", left);
    }
    if (done == total) fputs("\r\033[K", stderr);
    fflush(stderr);
}

/* ---- JSON, CSV and Markdown ----------------------------------------------------------------------- */

void ss_robust_deciders_text(char *buf, size_t n, const ss_robust_result *r, const ss_robust_row *row)
{
    buf[0] = '\0';
    for (int i = 0; i < row->ndecided; i++) {
        char cond[64];
        size_t l = strlen(buf);
        ss_robust_condition(cond, sizeof cond, &row->decided[i]);
        snprintf(buf + l, n - l, "%s%s %s", i ? "; " : "", r->params[row->decided[i].factor].path, cond);
    }
}

/* A row's robustness: the fields on every row, "robust": {"samples", "share_better",
 * "share_worse", "share_unclear", "diff_p05", "diff_p50", "diff_p95", "decided_by": [{"name",
 * "condition", ...}]}; a metric better neither way has share_better and share_worse null and says
 * share_higher and share_lower instead. */
json_t *ss_robust_row_json(const ss_robust_result *r, const ss_robust_row *row)
{
    bool directed = ss_robust_directed(row);
    json_t *decided = json_array();
    for (int i = 0; i < row->ndecided; i++) {
        char cond[64];
        ss_robust_condition(cond, sizeof cond, &row->decided[i]);
        json_array_append_new(decided, json_pack("{s:s,s:s,s:o,s:s,s:o}", "name", r->params[row->decided[i].factor].path,
                                                 "condition", cond, "threshold", ss_json_number(row->decided[i].threshold),
                                                 "where", directed ? "better" : "higher",
                                                 "accuracy", ss_json_number(row->decided[i].accuracy)));
    }
    json_t *o = json_pack("{s:i,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "samples", row->samples,
                          "share_better", directed ? ss_json_number(row->share_better) : json_null(),
                          "share_worse", directed ? ss_json_number(row->share_worse) : json_null(),
                          "share_unclear", ss_json_number(row->share_unclear), "diff_p05", ss_json_number(row->diff_p05),
                          "diff_p50", ss_json_number(row->diff_p50), "diff_p95", ss_json_number(row->diff_p95),
                          "decided_by", decided);
    if (o && !directed) {
        json_object_set_new(o, "share_higher", ss_json_number(row->share_better));
        json_object_set_new(o, "share_lower", ss_json_number(row->share_worse));
    }
    return o;
}

void ss_robust_csv_header(FILE *f)
{
    fputs(",robust_samples,share_better,share_worse,share_unclear,share_higher,share_lower,diff_p05,diff_p50,diff_p95,"
          "decided_by", f);
}

void ss_robust_csv_cells(FILE *f, const ss_robust_result *r, const ss_robust_row *row)
{
    if (!row) {
        fputs(",,,,,,,,,,", f);
        return;
    }
    bool directed = ss_robust_directed(row);
    fprintf(f, ",%d", row->samples);
    ss_csv_number(f, directed ? row->share_better : NAN);
    ss_csv_number(f, directed ? row->share_worse : NAN);
    ss_csv_number(f, row->share_unclear);
    ss_csv_number(f, directed ? NAN : row->share_better);
    ss_csv_number(f, directed ? NAN : row->share_worse);
    ss_csv_number(f, row->diff_p05);
    ss_csv_number(f, row->diff_p50);
    ss_csv_number(f, row->diff_p95);
    char who[1024];
    ss_robust_deciders_text(who, sizeof who, r, row);
    fputc(',', f);
    ss_csv_text(f, who);
}

json_t *ss_robust_study_json(const ss_robust_result *r, int reps)
{
    return json_pack("{s:I,s:s,s:i,s:i}", "samples", (json_int_t)r->npoints, "design", r->design, "parameters", r->nparams,
                     "replications", reps);
}

/* ---- running ---------------------------------------------------------------------------------------- */

/* --ensemble FILE as the study takes it, known by a hash over its paths and values. */
static int read_ensemble(const char *cmd, const char *file, ss_ensemble *e, const char ***paths, char hash[65],
                         ss_robust_ensemble *out)
{
    ss_diag d;
    if (ss_ensemble_read(file, e, &d) < 0) {
        fprintf(stderr, "samsim %s: --ensemble: %s\n", cmd, d.msg);
        return SS_EXIT_USAGE;
    }
    *paths = xcalloc((size_t)e->nparams + 1, sizeof **paths);
    ss_buf b = {0};
    for (int i = 0; i < e->nparams; i++) {
        (*paths)[i] = e->params[i].path;
        ss_buf_fmt(&b, "%s\n", e->params[i].path);
    }
    for (long i = 0; i < e->nrows * e->nparams; i++) ss_buf_fmt(&b, "%.17g\n", e->values[i]);
    ss_sha256_hex(b.s, b.n, hash);
    free(b.s);
    *out = (ss_robust_ensemble){.nparams = e->nparams, .paths = *paths, .npoints = (int)e->nrows, .values = e->values,
                                .hash = hash};
    return 0;
}

/* A model as the study runs it: compare takes no --set, so its own numbers are all there is. */
static ss_robust_model study_model(const ss_compare_model *m)
{
    return (ss_robust_model){.file = m->where->file, .overlays = m->where->overlays, .noverlays = m->where->noverlays};
}

/* The options of the study of one option against the base, with the store's hooks under --db. */
static void study_opts(const ss_compare_robust *cr, const ss_robust_run_args *ra, const ss_compare_model *base,
                       const ss_compare_model *option, ss_robust_opts *ro)
{
    *ro = (ss_robust_opts){.base = study_model(base), .option = study_model(option),
                           .samples = cr->args.samples ? cr->args.samples : DEFAULT_SAMPLES, .reps = ra->reps,
                           .seed = ra->seed,
                           .run = {.jobs = ra->jobs, .shard = cr->args.shard, .nshards = cr->args.nshards,
                                   .interrupt = ra->interrupt}};
}

int ss_compare_robust_check(const char *cmd, const ss_compare_robust *cr, const ss_robust_run_args *ra,
                            const ss_compare_model *models, const ss_scenario *const *scenarios, int nmodels)
{
    if (cr->args.ensemble) return 0;   /* its values are set whether or not a number has a range */
    for (int i = 1; i < nmodels; i++) {
        ss_robust_opts ro;
        study_opts(cr, ra, &models[0], &models[i], &ro);
        ss_diag d;
        if (ss_robust_check(&ro, scenarios[0], scenarios[i], &d) < 0) {
            fprintf(stderr, "samsim %s: --robust %s: %s\n", cmd, models[i].letter, d.msg);
            return SS_EXIT_MODEL;
        }
    }
    return 0;
}

/* One option against the base into out (ss_robust_result_free it). */
static int run_option(const char *cmd, const ss_compare_robust *cr, const ss_robust_run_args *ra,
                      const ss_compare_model *base, const ss_compare_model *option, ss_robust_result *out)
{
    ss_robust_opts ro;
    study_opts(cr, ra, base, option, &ro);
    ss_ensemble e = {0};
    const char **paths = NULL;
    char hash[65];
    ss_robust_ensemble re;
    if (cr->args.ensemble) {
        int code = read_ensemble(cmd, cr->args.ensemble, &e, &paths, hash, &re);
        if (code) return code;
        ro.ensemble = &re;
    }
    ss_points_store sc = {.db = ra->db, .command_line = ra->command_line, .base_model = base->spec,
                          .option_model = option->spec};
    if (ra->db) ss_points_store_hook(&sc, SS_POINTS_ROBUST, &ro, &ro.run);
    progress_ctx pc = {.letter = option->letter, .first = -1};
    if (ra->progress) {
        ro.run.hooks.progress = progress;
        ro.run.hooks.progress_ud = &pc;
    }
    ss_diag d;
    int rc = ss_robust_run(&ro, out, &d);
    ss_store_close(sc.store);
    free(paths);
    ss_ensemble_free(&e);
    if (rc < 0) {
        bool interrupted = strcmp(d.msg, "interrupted") == 0;
        fprintf(stderr, "samsim %s: --robust %s: %s\n", cmd, option->letter, d.msg);
        return interrupted ? SS_EXIT_INTERRUPTED : SS_EXIT_MODEL;
    }
    if (out->points_stored && !ra->quiet)
        fprintf(stderr, "%s: resumed robust comparison of %s: %ld sample%s read from the file, not run again\n", ra->db,
                option->letter, out->points_stored, out->points_stored == 1 ? "" : "s");
    return 0;
}

int ss_compare_robust_all(const char *cmd, ss_compare_robust *cr, const ss_robust_run_args *ra,
                          const ss_compare_model *models, int nmodels, ss_verdict *verdicts, const ss_run_info *base_info)
{
    cr->noptions = nmodels - 1;
    cr->results = xcalloc((size_t)cr->noptions, sizeof *cr->results);
    cr->lines = xcalloc((size_t)cr->noptions, sizeof *cr->lines);
    for (int i = 0; i < cr->noptions; i++) {
        ss_robust_result *r = &cr->results[i];
        int code = run_option(cmd, cr, ra, &models[0], &models[i + 1], r);
        if (code) return code;
        cr->waiting |= r->waiting;
        if (r->waiting) continue;
        ss_verdict *v = &verdicts[i];
        v->robust = r;
        ss_robust_verdict_line(cr->lines[i], sizeof cr->lines[i], v, r, base_info, SS_LANG_EN);
        v->robustness = cr->lines[i];
    }
    return 0;
}

const ss_robust_result *ss_compare_robust_of(const ss_compare_robust *cr, int opt)
{
    return cr->results && opt < cr->noptions ? &cr->results[opt] : NULL;
}

int ss_compare_robust_shard_done(const ss_compare_robust *cr, const char *db)
{
    printf("%s: shard %d/%d stored its samples of the robust comparison; the other shards' samples are not in this file.\n"
           "Merge the shards' files (samsim merge ALL.db SHARD.db...), then run the same command without --shard and\n"
           "with --db ALL.db: it reads the stored samples and prints the comparison.\n", db, cr->args.shard,
           cr->args.nshards);
    return fflush(stdout) == 0 ? SS_EXIT_OK : SS_EXIT_IO;
}

void ss_compare_robust_free(ss_compare_robust *cr)
{
    for (int i = 0; cr->results && i < cr->noptions; i++) ss_robust_result_free(&cr->results[i]);
    free(cr->results);
    free(cr->lines);
    cr->results = NULL;
    cr->lines = NULL;
}

int ss_compare_robust_record(const char *cmd, const ss_compare_robust *cr, const char *db, int64_t comparison_id,
                             const int64_t *option_runs)
{
    if (!cr->results) return 0;
    ss_diag d;
    ss_store *st = ss_store_open(db, &d);
    int rc = st ? 0 : -1;
    for (int i = 0; rc == 0 && i < cr->noptions; i++)
        rc = ss_store_robust_finish(st, cr->results[i].study_key, &cr->results[i], comparison_id, option_runs[i], &d);
    ss_store_close(st);
    if (rc < 0) {
        fprintf(stderr, "samsim %s: %s\n", cmd, d.msg);
        return SS_EXIT_IO;
    }
    return 0;
}
