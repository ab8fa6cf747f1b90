/* runs: simulating the model from the REPL — run, results, export, trace and compare.
 *
 * A run keeps a reference to the scenario it ran (the study borrows it), so its results stay
 * readable while the planner goes on changing the model.  The two newest runs are kept: the
 * newest is `results`, the one before is `previous`.  A plain `compare` is against the baseline
 * (the scenario file as loaded, or what the planner chose with `baseline now`), never against
 * whatever ran before: after undo, redo and apply that could be anything. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "compare.h"
#include "verdict_text.h"
#include "explain.h"
#include "output.h"
#include "repl.h"
#include "robust.h"
#include "robust_text.h"
#include "trend_text.h"

#define MAX_REPS 100000
#define ROBUST_SAMPLES 32   /* compare robust: fewer than the command line's 64, for an answer while one waits */

/* ---- runs ------------------------------------------------------------------------------------ */

void repl_run_free(repl_run *run)
{
    if (!run) return;
    ss_study_fini(&run->st);
    repl_scen_release(run->scen);
    free(run);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A progress line only once a run has taken a second, and only for a person at a terminal. */
static void progress(void *ud, int done, int total)
{
    repl *r = ud;
    double elapsed = now_seconds() - r->progress_t0;
    if (elapsed < 1.0 && !r->progress_shown) return;
    r->progress_shown = true;
    fprintf(stderr, "\rrunning: replication %d of %d (%.0f s, Ctrl-C stops)", done, total, elapsed);
    fflush(stderr);
}

/* Run scen, made from the edit state `from` (NULL: a file as it is), whose overlays and overrides
 * the run records for export; with precision > 0, replications are added (at most reps) until the
 * key intervals are within it.  A Ctrl-C is reported and forgotten (at a terminal the planner
 * carries on; a script stops).  NULL when there are no results. */
static repl_run *simulate_to(repl *r, repl_scen *scen, const repl_edit *from, const char *label, int reps, uint64_t seed,
                             double precision)
{
    repl_run *run = calloc(1, sizeof *run);
    run->scen = repl_scen_hold(scen);
    snprintf(run->label, sizeof run->label, "%s", label);
    char cmdline[600];
    snprintf(cmdline, sizeof cmdline, "samsim repl: %s", label);
    bool show = r->interactive && isatty(2);
    ss_study_opts o = {.interrupt = r->interrupt, .progress = show ? progress : NULL, .progress_ud = r,
                       .precision = precision, .max_reps = reps};
    ss_study_init(&run->st, scen->sc, seed, precision > 0 && reps > SS_PRECISION_FIRST_REPS ? SS_PRECISION_FIRST_REPS : reps,
                  cmdline);
    if (from)
        ss_study_inputs(&run->st, &(ss_scenario_opts){.overlays = (const char *const *)from->overlays,
                                                      .noverlays = from->noverlays,
                                                      .sets = (const char *const *)from->sets, .nsets = from->nsets});
    r->progress_t0 = now_seconds();
    r->progress_shown = false;
    ss_diag d;
    int interrupted, io_error;
    int rc = ss_study_run(&run->st, &o, &d, &interrupted, &io_error);
    if (r->progress_shown) fputs("\r\033[K", stderr);
    if (rc == 0) return run;
    repl_run_free(run);
    if (!interrupted) {
        repl_fail(r, NULL, -1, "%s", d.msg);
        return NULL;
    }
    repl_interrupted(r);
    repl_fail(r, NULL, -1, "interrupted: the model and the results you had are as they were");
    return NULL;
}

/* A fixed number of replications (compare, explain, charts: they pair with a run made before). */
static repl_run *simulate(repl *r, repl_scen *scen, const repl_edit *from, const char *label, int reps, uint64_t seed)
{
    return simulate_to(r, scen, from, label, reps, seed, 0.0);
}

/* run becomes the newest run; the newest becomes the previous one. */
static void keep(repl *r, repl_run *run)
{
    repl_run_free(r->prev);
    r->prev = r->last;
    r->last = run;
    repl_lua_results_changed(r);
}

bool repl_need_run(repl *r, const repl_args *a)
{
    if (r->last) return true;
    repl_fail(r, NULL, -1, "no results yet: 'run' first");
    return false;
}

int repl_run_service(repl *r, const repl_args *a, int argi)
{
    const ss_study *st = &r->last->st;
    for (int i = 0; i < st->info.nservices; i++)
        if (strcmp(st->ids[i], a->argv[argi]) == 0) return i;
    char near[512];
    if (ss_near_names(a->argv[argi], st->ids, st->info.nservices, near, sizeof near))
        return repl_fail(r, a, argi, "unknown service '%s' (did you mean %s?)", a->argv[argi], near);
    return repl_fail(r, a, argi, "unknown service '%s' ('show services' lists them)", a->argv[argi]);
}

/* ---- run ------------------------------------------------------------------------------------- */

static const ss_estimate *service_estimate(const ss_study *st, int s, int metric)
{
    return &st->summary.service[(long)s * SS_SERVICE_METRICS + metric];
}

static void fmt_metric(char *out, size_t n, const ss_study *st, int s, int metric)
{
    repl_fmt_number(out, n, service_estimate(st, s, metric)->mean, ss_service_metric_info[metric].unit);
}

/* Queues with no steady state (sim/trend.h), worded in the planner's language. */
static void print_trend_warnings(repl *r, const ss_study *st)
{
    char w[512];
    ss_trend_note note;
    for (int s = 0; s < st->info.nservices; s++)
        if (ss_trend_warning(&st->summary, &st->info, s, &note)) {
            ss_trend_sentence(w, sizeof w, &note, r->lang);
            repl_say(r, "warning: %s\n", w);
        }
}


/* The few figures a planner looks at first, one line a service. */
static void print_summary(repl *r, const repl_run *run, double seconds)
{
    const ss_study *st = &run->st;
    repl_say(r, "%d replications, seed %" PRIu64 ": %s", st->nreps, st->info.seed, run->label);
    if (r->interactive) repl_say(r, " (%.2f s)", seconds);
    fputc('\n', r->out);
    if (st->info.precision.target > 0) {
        char line[256];
        ss_output_precision_line(line, sizeof line, &st->info.precision);
        fprintf(r->out, "%s; `run N` runs N replications\n", line);
    }
    ss_table t;
    ss_table_init(&t, 7, "llrrrrr");
    t.lang = r->lang;
    ss_table_fit(&t, 1, 28, repl_columns(r));
    ss_table_row(&t, "id", repl_w(r, "service"), repl_w(r, "wait days"), "p90", repl_w(r, "over target"),
                 repl_w(r, "queue"), repl_w(r, "busy"));
    for (int s = 0; s < st->info.nservices; s++) {
        char name[512], wait[64], p90[32], over[32], queue[32], busy[32];
        snprintf(name, sizeof name, "%s", st->names[s]);  /* the table cuts it to fit */
        repl_fmt_estimate(wait, sizeof wait, service_estimate(st, s, SS_SM_WAIT_MEAN), "days");
        fmt_metric(p90, sizeof p90, st, s, SS_SM_WAIT_P90);
        fmt_metric(over, sizeof over, st, s, SS_SM_OVER_TARGET_SHARE);
        fmt_metric(queue, sizeof queue, st, s, SS_SM_QUEUE_MEAN);
        fmt_metric(busy, sizeof busy, st, s, SS_SM_UTILISATION);
        ss_table_row(&t, st->ids[s], name, wait, p90, over, queue, busy);
    }
    ss_table_print(&t, r->out);
    ss_table_free(&t);
    char persons[32], handoffs[32], tis[32];
    repl_fmt_number(persons, sizeof persons, st->summary.system[SS_YM_PERSONS].mean, "persons");
    repl_fmt_number(handoffs, sizeof handoffs, st->summary.system[SS_YM_HANDOFFS_MEAN].mean, "per person");
    repl_fmt_number(tis, sizeof tis, st->summary.system[SS_YM_TIME_IN_SYSTEM_MEAN].mean, "days");
    repl_say(r, "%s persons came in; %s hand-offs per person; %s days from first concern to leaving\n",
            persons, handoffs, tis);
    print_trend_warnings(r, st);
}

static int parse_reps(repl *r, const repl_args *a, int i, int *reps)
{
    long v;
    if (!ss_parse_count(a->argv[i], 1, MAX_REPS, &v))
        return repl_fail(r, a, i, "expected a number of replications from 1 to %d", MAX_REPS);
    *reps = (int)v;
    return 0;
}

static int parse_seed(repl *r, const repl_args *a, int i, uint64_t *seed)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(a->argv[i], &end, 10);
    if (errno || *end || end == a->argv[i] || a->argv[i][0] == '-' || v > INT64_MAX)
        return repl_fail(r, a, i, "expected a seed, a whole number from 0 to %" PRId64, INT64_MAX);
    *seed = v;
    return 0;
}

int repl_cmd_run(repl *r, const repl_args *a)
{
    if (!repl_need_model(r, a) || !repl_arity(r, a, 0, 2)) return -1;
    int reps = r->reps;
    uint64_t seed = r->seed;
    if (a->argc > 1 && parse_reps(r, a, 1, &reps) < 0) return -1;
    if (a->argc > 2 && parse_seed(r, a, 2, &seed) < 0) return -1;
    if (a->argc > 1) r->precision = 0;  /* the planner chose the number */
    char label[512];
    repl_edit_label(&r->edit, label, sizeof label);
    double t0 = now_seconds();
    repl_run *run = r->precision > 0 ? simulate_to(r, r->cur, &r->edit, label, REPL_DEFAULT_REPS, seed, r->precision)
                                     : simulate(r, r->cur, &r->edit, label, reps, seed);
    if (!run) return -1;
    r->reps = run->st.nreps;  /* remembered for compare (pairs need as many) and the next `run N` */
    r->seed = seed;
    keep(r, run);
    print_summary(r, r->last, now_seconds() - t0);
    return 0;
}

/* ---- results --------------------------------------------------------------------------------- */

/* A measure with no value in any replication (no decision limit, no meeting door, ...) is
 * left out: a row of dashes tells the planner nothing. */
static void add_estimate_row(const repl *r, ss_table *t, const ss_metric_info *info, const ss_estimate *e)
{
    if (!isfinite(e->mean)) return;
    char v[96];
    repl_fmt_estimate(v, sizeof v, e, info->unit);
    /* a share shows as a percentage once: the figure carries "%", so its heading ("over tgt %") does not */
    bool share = strcmp(info->unit, "share") == 0;
    char label[128];
    snprintf(label, sizeof label, "%s", repl_w(r, info->label));
    size_t n = strlen(label);
    if (share && n > 2 && strcmp(label + n - 2, " %") == 0) label[n - 2] = '\0';
    ss_table_row(t, label, v, share ? "" : repl_w(r, info->unit), repl_w(r, info->doc));
}

static void print_service(repl *r, const ss_study *st, int s)
{
    repl_say(r, "%s: %s (%.1f FTE serving the modelled population), %d replications, seed %" PRIu64 "\n", st->ids[s], st->names[s],
            st->fte[s], st->nreps, st->info.seed);
    ss_table t;
    ss_table_init(&t, 4, "lrll");
    t.lang = r->lang;
    for (int m = 0; m < SS_SERVICE_METRICS; m++)
        add_estimate_row(r, &t, &ss_service_metric_info[m], service_estimate(st, s, m));
    t.indent = 2;
    ss_table_print(&t, r->out);
    ss_table_free(&t);
}

static void print_system(repl *r, const ss_study *st)
{
    repl_say(r, "the whole system, %d replications, seed %" PRIu64 "\n", st->nreps, st->info.seed);
    ss_table t;
    ss_table_init(&t, 4, "lrll");
    t.lang = r->lang;
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        add_estimate_row(r, &t, &ss_system_metric_info[m], &st->summary.system[m]);
    t.indent = 2;
    ss_table_print(&t, r->out);
    ss_table_free(&t);
}

int repl_cmd_results(repl *r, const repl_args *a)
{
    if (!repl_need_run(r, a) || !repl_arity(r, a, 0, 1)) return -1;
    const ss_study *st = &r->last->st;
    if (a->argc == 1)
        ss_output_table_for(r->out, &st->info, &st->summary, &(ss_output_opts){.lang = r->lang, .width = repl_columns(r)});
    else if (strcmp(a->argv[1], "system") == 0) print_system(r, st);
    else {
        int s = repl_run_service(r, a, 1);
        if (s < 0) return -1;
        print_service(r, st, s);
    }
    if (r->cur && strcmp(ss_scenario_hash(r->cur->sc), st->info.scenario_hash) != 0)
        repl_say(r, "(the model has changed since this run: 'run' to see its results)\n");
    return 0;
}

/* ---- export ---------------------------------------------------------------------------------- */

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

int repl_cmd_export(repl *r, const repl_args *a)
{
    if (!repl_need_run(r, a) || !repl_arity(r, a, 1, 1)) return -1;
    const char *path = a->argv[1];
    bool json = ends_with(path, ".json"), csv = ends_with(path, ".csv");
    if (!json && !csv) return repl_fail(r, a, 1, "the file name must end in .csv or .json (that says the format)");
    FILE *f = fopen(path, "w");
    if (!f) return repl_fail(r, a, 1, "cannot write %s (%s)", path, strerror(errno));
    const ss_study *st = &r->last->st;
    int rc = json ? ss_output_json(f, &st->info, &st->summary) : ss_output_csv(f, &st->info, &st->summary);
    if (fclose(f) != 0 || rc < 0) return repl_fail(r, a, 1, "could not write all of %s", path);
    repl_say(r, "wrote the last run's results (%d replications, seed %" PRIu64 ") to %s\n", st->nreps, st->info.seed, path);
    return 0;
}

/* ---- trace ----------------------------------------------------------------------------------- */

/* What a trace adds up to: waits in queues, and days on the way between doors and services. */
typedef struct trace_sums {
    ss_buf waits;
    double waited, travelled;
} trace_sums;

/* The number just before suffix in text ("...: 5.0 days on the way"), or NAN. */
static double number_before(const char *text, const char *suffix)
{
    const char *end = strstr(text, suffix);
    if (!end) return NAN;
    const char *p = end;
    while (p > text && (p[-1] == '.' || (p[-1] >= '0' && p[-1] <= '9'))) p--;
    return p < end ? strtod(p, NULL) : NAN;
}

/* One engine trace line, "2024-05-17  day   137.61  person 100  text": the date and the text.
 * Waits are summed from "first contact at SVC after W days waiting", and time between services
 * from "... D days on the way". */
static void print_step(repl *r, const char *line, trace_sums *sums)
{
    const char *text = strstr(line, "  person ");
    if (text) text = strstr(text + 9, "  ");
    text = text ? text + 2 : line;
    repl_say(r, "  %.10s  %s\n", line, text);
    char svc[64];
    double w;
    if (sscanf(text, "first contact at %63s after %lf days waiting", svc, &w) == 2) {
        ss_buf_fmt(&sums->waits, "%s%s %.1f", sums->waits.n ? ", " : "", svc, w);
        sums->waited += w;
    }
    double way = number_before(text, " days on the way");
    if (isfinite(way)) sums->travelled += way;
}

static int print_trace(repl *r, const repl_args *a, long person, long long persons, const char *text)
{
    if (!*text)
        return repl_fail(r, a, 1, "there is no person %ld: replication 1 has %lld persons, numbered 1 to %lld "
                         "as their first concern arises", person, persons, persons);
    repl_say(r, "person %ld, replication 1 (seed %" PRIu64 ") of %s:\n", person, r->seed, r->edit.path);
    trace_sums sums = {0};
    char *copy = strdup(text);
    for (char *line = copy, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        print_step(r, line, &sums);
    }
    if (sums.waits.n)
        repl_say(r, "waited %.1f days (%.1f weeks) in queues before first contact: %s", sums.waited,
                sums.waited / 7, sums.waits.s);
    else
        repl_say(r, "never reached first contact at a service");
    if (sums.travelled > 0) repl_say(r, "; %.1f days on the way between services", sums.travelled);
    fputc('\n', r->out);
    free(copy);
    ss_buf_free(&sums.waits);
    return 0;
}

int repl_cmd_trace(repl *r, const repl_args *a)
{
    if (!repl_need_model(r, a) || !repl_arity(r, a, 1, 1)) return -1;
    long person;
    if (!ss_parse_count(a->argv[1], 1, 2000000000L, &person))
        return repl_fail(r, a, 1, "expected a person number (1, 2, ...)");
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    ss_study st;
    ss_study_init(&st, r->cur->sc, r->seed, 1, "samsim repl: trace");
    ss_study_opts o = {.jobs = 1, .interrupt = r->interrupt, .trace_person = person, .trace = mem};
    ss_diag d;
    int interrupted, io_error;
    int rc = ss_study_run(&st, &o, &d, &interrupted, &io_error);
    fclose(mem);
    long long persons = rc == 0 ? (long long)st.reps[0].persons_created : 0;
    ss_study_fini(&st);
    if (rc < 0 && interrupted) repl_interrupted(r);
    if (rc < 0) rc = repl_fail(r, NULL, -1, "%s", d.msg);
    else rc = print_trace(r, a, person, persons, text);
    free(text);
    return rc;
}

/* ---- compare --------------------------------------------------------------------------------- */

static const ss_metric_info *metric_info(const char *scope, const char *name)
{
    bool service = strcmp(scope, "service") == 0;
    const ss_metric_info *t = service ? ss_service_metric_info : ss_system_metric_info;
    int n = service ? SS_SERVICE_METRICS : SS_SYSTEM_METRICS;
    for (int i = 0; i < n; i++)
        if (strcmp(t[i].name, name) == 0) return &t[i];
    return NULL;
}

/* The measures a comparison is read for, in plain words; the export and `samsim compare`
 * have all of them. */
static const struct { const char *metric, *label; } compared[] = {
    {"wait_mean", "wait, days"}, {"wait_p90", "wait p90, days"}, {"over_target_share", "over target"},
    {"queue_mean", "waiting"}, {"caseload_per_fte", "cases per FTE"}, {"utilisation", "busy"},
    {"persons", "persons"}, {"time_in_system_mean", "days in system"},
    {"handoffs_mean", "hand-offs per person"}, {"rejections", "rejections"},
    {"in_system_end", "in system at end"}, {NULL, NULL}};

/* A row worth reading: a compared measure that is defined and changed at all (with common random
 * numbers a service the change does not reach comes out exactly the same). */
static const char *row_label(const ss_compare_row *row)
{
    if (!isfinite(row->base.mean) && !isfinite(row->option.mean)) return NULL;
    if (row->diff.mean == 0 && row->diff.ci_low == 0 && row->diff.ci_high == 0) return NULL;
    for (int i = 0; compared[i].metric; i++)
        if (strcmp(row->metric, compared[i].metric) == 0) return compared[i].label;
    return NULL;
}

static void add_compare_row(const repl *r, ss_table *t, const ss_compare_row *row, const char *label)
{
    const ss_metric_info *info = metric_info(row->scope, row->metric);
    const char *unit = info ? info->unit : "";
    char base[48], option[48], diff[96], rel[32];
    repl_fmt_number(base, sizeof base, row->base.mean, unit);
    repl_fmt_number(option, sizeof option, row->option.mean, unit);
    /* the engine's one writer of differences: signed, shares in percentage points, an interval
     * that excludes 0 never shown touching it (the table makes the decimal commas) */
    ss_compare_format_difference(diff, sizeof diff, &row->diff, unit, SS_LANG_EN);
    double pct = row->relative * 100;
    if (!isfinite(pct)) snprintf(rel, sizeof rel, "-");
    else if (fabs(pct) < 0.5) snprintf(rel, sizeof rel, "0 %%");
    else snprintf(rel, sizeof rel, "%+.0f %%", pct);
    ss_table_row(t, *row->subject ? row->subject : repl_w(r, "system"), repl_w(r, label), base, option, diff, rel,
                   row->distinguishable ? "*" : "");
}

static void print_comparison(repl *r, const repl_run *base, const repl_run *option, const ss_comparison *c,
                             const char *base_note)
{
    repl_say(r, "base    %s%s\noption  %s\n", base->label, base_note, option->label);
    repl_say(r, "option - base, paired over %d replications (seed %" PRIu64 "), 95%% intervals; "
            "* = the interval excludes 0\n", option->st.nreps, option->st.info.seed);
    ss_table t;
    ss_table_init(&t, 7, "llrrdrl");  /* differences aligned on the decimal point */
    t.heading = true;
    t.lang = r->lang;
    ss_table_row(&t, "", repl_w(r, "measure"), repl_w(r, "base"), repl_w(r, "option"), repl_w(r, "difference"),
                 repl_w(r, "relative"), "");
    for (int i = 0; i < c->nrows; i++) {
        const char *label = row_label(&c->rows[i]);
        if (label) add_compare_row(r, &t, &c->rows[i], label);
    }
    if (t.nrows == 1) repl_say(r, "no measure changed\n");
    else ss_table_print(&t, r->out);
    ss_table_free(&t);
    repl_say(r, "staff serving the modelled population: %.1f FTE in the base, %.1f FTE in the option\n", c->fte_base, c->fte_option);
}

/* The verdict first (samsim compare's, from the runs' resolved texts), then the measures that changed. */
static void print_verdict(repl *r, const repl_run *base, const repl_run *option, const ss_comparison *c,
                          const ss_robust_result *robust)
{
    ss_model_about a, b;
    ss_diag d;
    bool have_a = base->st.info.resolved_text && ss_model_about_read(base->st.info.resolved_text, "base", &a, &d) == 0;
    bool have_b = option->st.info.resolved_text && ss_model_about_read(option->st.info.resolved_text, "option", &b, &d) == 0;
    ss_verdict v;
    ss_verdict_build(c, have_a ? &a : NULL, have_b ? &b : NULL, &v);
    v.base_label = base->label;
    v.option_label = option->label;
    char line[4096];
    if (robust) {
        v.robust = robust;
        ss_robust_verdict_line(line, sizeof line, &v, robust, &base->st.info, r->lang);
        v.robustness = line;
    }
    ss_verdict_print(r->out, &v, repl_w(r, "base"), repl_w(r, "option"), &base->st.info, r->lang);
    fputc('\n', r->out);
    ss_verdict_free(&v);
    if (have_a) ss_model_about_free(&a);
    if (have_b) ss_model_about_free(&b);
}

static int compare_runs(repl *r, const repl_run *base, const repl_run *option, const char *base_note,
                        const ss_robust_result *robust)
{
    ss_comparison c;
    ss_diag d;
    if (ss_compare(&base->st, &option->st, 0.95, &c, &d) < 0) return repl_fail(r, NULL, -1, "%s", d.msg);
    print_verdict(r, base, option, &c, robust);
    print_comparison(r, base, option, &c, base_note);
    ss_comparison_free(&c);
    return 0;
}

static bool same_model(const repl_run *run, const ss_scenario *sc)
{
    return strcmp(run->st.info.scenario_hash, ss_scenario_hash(sc)) == 0;
}

/* The current model as the newest run with this seed and replications (run it if need be). */
static int current_run(repl *r, int reps, uint64_t seed)
{
    if (r->last && same_model(r->last, r->cur->sc) && r->last->st.nreps == reps && r->last->st.info.seed == seed)
        return 0;
    char label[512];
    repl_edit_label(&r->edit, label, sizeof label);
    repl_run *run = simulate(r, r->cur, &r->edit, label, reps, seed);
    if (!run) return -1;
    keep(r, run);
    return 0;
}

/* compare SCENARIO: that file (as it is) is the base. */
static int compare_file(repl *r, const repl_args *a)
{
    ss_diag d;
    ss_scenario *sc = ss_scenario_load(a->argv[1], NULL, &d);
    if (!sc) return repl_fail(r, a, 1, "%s", d.msg);
    repl_scen *scen = repl_scen_new(sc);
    repl_run *base = simulate(r, scen, NULL, a->argv[1], r->reps, r->seed);
    repl_scen_release(scen);
    if (!base) return -1;
    int rc = current_run(r, r->reps, r->seed);
    if (rc == 0) rc = compare_runs(r, base, r->last, "", NULL);
    repl_run_free(base);
    return rc;
}

/* ---- the baseline: the base of a plain compare ------------------------------------------------ */

/* The baseline's edit state: the one the planner chose, or the loaded file alone. */
static void baseline_edit(const repl *r, repl_edit *out)
{
    if (r->baseline.path) {
        repl_edit_copy(out, &r->baseline);
    } else {
        memset(out, 0, sizeof *out);
        out->path = strdup(r->edit.path);
    }
}

void repl_baseline_label(const repl *r, char *out, size_t n)
{
    if (!r->baseline.path) {
        snprintf(out, n, repl_w(r, "%s as loaded"), r->edit.path ? r->edit.path : repl_w(r, "the scenario"));
        return;
    }
    repl_edit_label(&r->baseline, out, n);
}

/* The baseline run with the seed and replications of the next run: the one kept, or a new one. */
static const repl_run *baseline_run(repl *r, const ss_scenario *sc, repl_scen **scen)
{
    repl_run *kept = r->base_run;
    if (kept && same_model(kept, sc) && kept->st.nreps == r->reps && kept->st.info.seed == r->seed) return kept;
    char label[512];
    repl_baseline_label(r, label, sizeof label);
    repl_edit from;
    baseline_edit(r, &from);
    repl_run *run = simulate(r, *scen, &from, label, r->reps, r->seed);
    repl_edit_free(&from);
    if (!run) return NULL;
    repl_run_free(r->base_run);
    r->base_run = run;
    return run;
}

/* A model of the REPL as a robust comparison runs it: its file, overlays and set values. */
static ss_robust_model robust_model(const repl_edit *e)
{
    return (ss_robust_model){e->path, (const char *const *)e->overlays, e->noverlays, (const char *const *)e->sets,
                             e->nsets};
}

/* compare robust [N]: the baseline and the model at N samples of their plausible assumptions. */
static int robust_study(repl *r, int samples, ss_robust_result *out)
{
    if (r->reps < 2)
        return repl_fail(r, NULL, -1, "compare robust needs at least 2 replications for a paired interval at each sample "
                         "(run 10 sets them)");
    repl_edit base;
    baseline_edit(r, &base);
    ss_robust_opts o = {.base = robust_model(&base), .option = robust_model(&r->edit), .samples = samples,
                        .reps = r->reps, .seed = r->seed, .run.interrupt = r->interrupt};
    repl_say(r, "running the baseline and the model at %d samples of their plausible assumptions, %d replications each\n",
             samples, r->reps);
    ss_diag d;
    int rc = ss_robust_run(&o, out, &d);
    repl_edit_free(&base);
    return rc < 0 ? repl_fail(r, NULL, -1, "%s", d.msg) : 0;
}

/* compare: the baseline is the base, the model as it is now the option (robust: samples > 0). */
static int compare_baseline(repl *r, const repl_args *a, int samples)
{
    repl_edit e;
    baseline_edit(r, &e);
    ss_diag d;
    ss_scenario *sc = repl_edit_load(&e, &d);
    repl_edit_free(&e);
    char label[512];
    repl_baseline_label(r, label, sizeof label);
    if (!sc) return repl_fail(r, NULL, -1, "the baseline (%s) cannot be loaded: %s", label, d.msg);
    if (strcmp(ss_scenario_hash(sc), ss_scenario_hash(r->cur->sc)) == 0) {
        ss_scenario_free(sc);
        return repl_fail(r, NULL, -1, "the model is the baseline (%s): change something first, "
                         "or 'compare SCENARIO'", label);
    }
    repl_scen *scen = repl_scen_new(sc);
    const repl_run *base = baseline_run(r, sc, &scen);
    repl_scen_release(scen);
    if (!base || current_run(r, r->reps, r->seed) < 0) return -1;
    ss_robust_result robust = {0};
    if (samples > 0 && robust_study(r, samples, &robust) < 0) return -1;
    int rc = compare_runs(r, base, r->last, r->baseline.path ? repl_w(r, " (the baseline, set by 'baseline now')")
                                                            : repl_w(r, " (the baseline; 'baseline now' sets another)"),
                          samples > 0 ? &robust : NULL);
    ss_robust_result_free(&robust);
    return rc;
}

int repl_cmd_compare(repl *r, const repl_args *a)
{
    if (!repl_need_model(r, a) || !repl_arity(r, a, 0, 2)) return -1;
    if (a->argc > 1 && strcasecmp(a->argv[1], "robust") == 0) {
        long samples = ROBUST_SAMPLES;
        if (a->argc > 2 && !ss_parse_count(a->argv[2], 1, 100000, &samples))
            return repl_fail(r, a, 2, "compare robust N: N samples, a whole number from 1 to 100000");
        return compare_baseline(r, a, (int)samples);
    }
    if (a->argc > 2) return repl_fail(r, a, 2, "compare takes one scenario, or 'robust [N]'");
    return a->argc == 2 ? compare_file(r, a) : compare_baseline(r, a, 0);
}

int repl_cmd_baseline(repl *r, const repl_args *a)
{
    if (!repl_need_model(r, a) || !repl_arity(r, a, 0, 1)) return -1;
    char label[512];
    if (a->argc == 2 && strcasecmp(a->argv[1], "now") == 0) {
        repl_edit_free(&r->baseline);
        repl_edit_copy(&r->baseline, &r->edit);
    } else if (a->argc == 2 && strcasecmp(a->argv[1], "loaded") == 0) {
        repl_edit_free(&r->baseline);
    } else if (a->argc == 2) {
        return repl_fail(r, a, 1, "baseline what? 'now' (the model as it is) or 'loaded' (the scenario file as loaded)");
    }
    repl_baseline_label(r, label, sizeof label);
    repl_say(r, "baseline: %s\n", label);
    return 0;
}

void repl_baseline_forget(repl *r)
{
    repl_edit_free(&r->baseline);
    repl_run_free(r->base_run);
    r->base_run = NULL;
}

/* ---- explain --------------------------------------------------------------------------------- */

/* The service's index in the model, or a reported error naming the ids it may stand for. */
static int model_service(repl *r, const repl_args *a, int argi)
{
    const ss_model *m = ss_scenario_model(r->cur->sc);
    const char *ids[512];
    int n = m->nservices < 512 ? m->nservices : 512;
    for (int i = 0; i < n; i++) {
        ids[i] = m->services[i].id;
        if (strcmp(ids[i], a->argv[argi]) == 0) return i;
    }
    char near[512];
    if (ss_near_names(a->argv[argi], ids, n, near, sizeof near))
        return repl_fail(r, a, argi, "unknown service '%s' (did you mean %s?)", a->argv[argi], near);
    return repl_fail(r, a, argi, "unknown service '%s' ('show services' lists them)", a->argv[argi]);
}

/* explain SERVICE: of the model as it is now, from its newest run (run first when it has none). */
int repl_cmd_explain(repl *r, const repl_args *a)
{
    if (!repl_need_model(r, a) || !repl_arity(r, a, 1, 1)) return -1;
    if (model_service(r, a, 1) < 0 || current_run(r, r->reps, r->seed) < 0) return -1;
    int s = ss_explain_find(&r->last->st, a->argv[1]);
    ss_explain_service_in(r->out, &r->last->st, s, r->lang);
    return 0;
}
