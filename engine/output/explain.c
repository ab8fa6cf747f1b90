/* explain: why a service's wait is what it is (see explain.h).
 *
 * Capacity a year is not a parameter: it follows from staff, case share, slots and how long a
 * case stays, and summer leave.  It is measured instead: a service that made A first contacts a
 * year while busy a share U of the time could make about A / U at full use (Little's law, with
 * the time a case stays unchanged).  Every figure is computed per replication and then given
 * with its 95 % interval across replications, as everywhere else. */
#include "explain.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "words.h"

#define LEVEL 0.95
#define DAYS_A_YEAR 365.25

static double metric(const ss_rep_result *rep, int s, int m)
{
    return rep->service[(long)s * SS_SERVICE_METRICS + m];
}

/* The queue at the first sample of the measured period, or NaN. */
static double queue_at_start(const ss_rep_result *rep, int s, double warmup)
{
    for (int i = 0; i < rep->nsamples; i++)
        if (rep->series_day[i] >= warmup) return rep->series_queue[(long)s * rep->nsamples + i];
    return NAN;
}

/* What explain shows, one estimate each. */
typedef struct figures {
    ss_estimate demand, served, capacity, ratio, busy, left, left_share, trend, q_start, q_end, q_mean,
        wait, p90, over;
} figures;

static void measure(const ss_study *st, int s, figures *g)
{
    int n = st->nreps;
    double years = (st->info.horizon_days - st->info.warmup_days) / DAYS_A_YEAR, w = st->info.warmup_days;
    double *x = malloc(sizeof *x * (size_t)n * 14);
    double *v[14];
    for (int k = 0; k < 14; k++) v[k] = x + (long)k * n;
    for (int i = 0; i < n; i++) {
        const ss_rep_result *r = &st->reps[i];
        double acc = metric(r, s, SS_SM_ACCEPTED) / years, adm = metric(r, s, SS_SM_ADMITTED) / years;
        double u = metric(r, s, SS_SM_UTILISATION), esc = metric(r, s, SS_SM_ESCALATED);
        double cap = isfinite(u) && u > 0 ? adm / u : NAN;
        v[0][i] = acc, v[1][i] = adm, v[2][i] = cap, v[3][i] = cap > 0 ? acc / cap : NAN, v[4][i] = u;
        v[5][i] = esc / years, v[6][i] = acc > 0 ? esc / years / acc : NAN;
        v[8][i] = queue_at_start(r, s, w), v[9][i] = metric(r, s, SS_SM_QUEUE_END);
        v[7][i] = (v[9][i] - v[8][i]) / years;  /* end against start: a least-squares slope would
                                                  * read the school year's seasons as a trend */
        v[10][i] = metric(r, s, SS_SM_QUEUE_MEAN);
        v[11][i] = metric(r, s, SS_SM_WAIT_MEAN), v[12][i] = metric(r, s, SS_SM_WAIT_P90);
        v[13][i] = metric(r, s, SS_SM_OVER_TARGET_SHARE);
    }
    ss_estimate *out[14] = {&g->demand, &g->served, &g->capacity, &g->ratio, &g->busy, &g->left,
                            &g->left_share, &g->trend, &g->q_start, &g->q_end, &g->q_mean, &g->wait, &g->p90, &g->over};
    for (int k = 0; k < 14; k++)  /* the trend (k 7) has either sign; the rest cannot be negative */
        *out[k] = ss_estimate_bounded(v[k], n, LEVEL, k == 7 ? SS_ANY_SIGN : SS_NON_NEGATIVE);
    free(x);
}

/* x at this many decimals, never "-0" (an interval that reaches just below zero). */
static double shown(double x, int decimals)
{
    double p = pow(10, decimals), r = round(x * p) / p;
    return r == 0 ? 0 : r;
}

/* "537 [518, 556]": the mean with its interval, at a given number of decimals and scale. */
static void est(char *out, size_t n, const ss_estimate *e, int decimals, double scale, const char *unit)
{
    if (!isfinite(e->mean)) {
        snprintf(out, n, "-");
        return;
    }
    double m = shown(e->mean * scale, decimals);
    if (isfinite(e->ci_low) && e->n > 1)
        snprintf(out, n, "%.*f%s [%.*f, %.*f]", decimals, m, unit, decimals, shown(e->ci_low * scale, decimals),
                 decimals, shown(e->ci_high * scale, decimals));
    else
        snprintf(out, n, "%.*f%s", decimals, m, unit);
}

static void print_figures(FILE *f, ss_lang lang, const ss_study *st, int s, const figures *g)
{
    const ss_service *svc = &ss_scenario_model(st->sc)->services[s];
    char a[128], b[128], c[128];
    est(a, sizeof a, &g->wait, 1, 1, ss_words(lang, " days"));
    est(b, sizeof b, &g->p90, 1, 1, ss_words(lang, " days"));
    ss_words_print(f, lang, "  wait              %s on average, p90 %s", a, b);
    if (isfinite(svc->target_wait) && svc->target_wait < 1e300) {
        est(c, sizeof c, &g->over, 0, 100, " %");
        ss_words_print(f, lang, "; %s over the target of %.0f days", c, svc->target_wait);
    }
    fputc('\n', f);
    est(a, sizeof a, &g->demand, 0, 1, "");
    ss_words_print(f, lang, "  demand            %s a year accepted into the queue\n", a);
    est(a, sizeof a, &g->capacity, 0, 1, "");
    est(b, sizeof b, &g->served, 0, 1, "");
    if (isfinite(g->capacity.mean))
        ss_words_print(f, lang, "  capacity          about %s a year at full use (%s first contacts a year made)\n", a, b);
    else
        ss_words_print(f, lang, "  capacity          unlimited (%s first contacts a year made)\n", b);
    est(a, sizeof a, &g->ratio, 2, 1, "");
    est(b, sizeof b, &g->busy, 1, 100, " %");
    if (isfinite(g->ratio.mean)) ss_words_print(f, lang, "  demand/capacity   %s\n", a);
    if (isfinite(g->busy.mean)) ss_words_print(f, lang, "  busy              %s of the capacity in use, on average\n", b);
    est(a, sizeof a, &g->left, 0, 1, "");
    est(b, sizeof b, &g->left_share, 1, 100, " %");
    if (isfinite(g->left.mean))
        ss_words_print(f, lang, "  left the queue    %s a year grew too ill while waiting and went elsewhere (%s of those accepted)\n", a, b);
    else
        ss_words_print(f, lang, "  left the queue    nobody: the scenario has no deterioration while waiting at %s\n", st->ids[s]);
    est(a, sizeof a, &g->q_start, 0, 1, "");
    est(b, sizeof b, &g->q_end, 0, 1, "");
    est(c, sizeof c, &g->trend, 0, 1, "");
    ss_words_print(f, lang, "  queue             %s waiting when the measured period began, %s at its end: %s a year\n", a, b, c);
}

/* One sentence on what drives the wait. */
static void print_verdict(FILE *f, ss_lang lang, const figures *g)
{
    bool over = isfinite(g->ratio.ci_low) ? g->ratio.ci_low > 1 : g->ratio.mean > 1;
    bool grows = isfinite(g->trend.ci_low) ? g->trend.ci_low > 0 : g->trend.mean > 0;
    const char *why;
    if (!isfinite(g->capacity.mean))
        why = "capacity is unlimited: the wait is intake and meeting time, not a queue for staff.";
    else if (over && grows)
        why = "more comes in than the service can take and the queue grows, so the wait depends on how long\n"
              "  it has grown (the warm-up and the horizon), not on a steady state; more capacity or less demand\n"
              "  shortens it.";
    else if (over && g->left.mean > 0)
        why = "more comes in than the service can take; the queue stops growing only because people leave it\n"
              "  (they grow too ill and go elsewhere), so the wait is about as long as they last in the queue.\n"
              "  More capacity or less demand shortens it.";
    else if (over)
        why = "more comes in than the service can take, yet the queue did not grow in the measured period:\n"
              "  look at the warm-up and at the queue over time ('chart queue' in the REPL).";
    else if (g->busy.mean >= 0.9)
        why = "the service is nearly always full: at this load waits are long and sensitive, and a little more\n"
              "  capacity (or a little less demand) moves them a lot.";
    else
        why = "there is room: the wait comes from intake and from bursts of demand, not from a lack of capacity.";
    ss_words_print(f, lang, "so: %s\n", ss_words(lang, why));
}

/* ---- the inputs behind it ------------------------------------------------------------------- */

typedef struct input {
    char path[256], value[64], kind[16], text[1024];
} input;

/* The register's lines under prefix: "PATH VALUE KIND TEXT" (see ss_scenario_print_sources), the
 * reasons in Norwegian where they have a Norwegian text when lang is. */
static int read_register(const ss_scenario *sc, const char *prefix, ss_lang lang, input **out)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    ss_scenario_print_sources(sc, mem, lang == SS_LANG_NB);
    fclose(mem);
    int n = 0, cap = 16;
    input *v = malloc(sizeof *v * (size_t)cap);
    size_t plen = strlen(prefix);
    for (char *line = strchr(text, '\n'), *next; line && *++line; line = next) {  /* the heading skipped */
        next = strchr(line, '\n');
        if (next) *next = '\0';
        if (strncmp(line, prefix, plen) != 0) continue;
        if (n == cap) v = realloc(v, sizeof *v * (size_t)(cap *= 2));
        int at = 0;
        if (sscanf(line, "%255s %63s %15s %n", v[n].path, v[n].value, v[n].kind, &at) == 3) {
            snprintf(v[n].text, sizeof v[n].text, "%s", line + at);
            n++;
        }
        if (!next) break;
    }
    free(text);
    *out = v;
    return n;
}

/* The register's kinds (scenario.h): calibrated() values were tuned to a listed target, effect()
 * values are an organisational model's assumed benefit. */
static const char *input_kind(const input *in)
{
    if (strcmp(in->kind, "source") == 0) return "cited";
    if (strcmp(in->kind, "calibrated") == 0) return "tuned";
    if (strcmp(in->kind, "effect") == 0) return "assumed effect";
    if (strcmp(in->kind, "assumption") == 0) return strncmp(in->text, "TUNED", 5) == 0 ? "tuned" : "assumed";
    return "no source";
}

static void print_inputs(FILE *f, ss_lang lang, const ss_study *st, int s)
{
    char prefix[128];
    snprintf(prefix, sizeof prefix, "services.%s.", st->ids[s]);
    input *in;
    int n = read_register(st->sc, prefix, lang, &in);
    static const char *const kinds[] = {"cited", "tuned", "assumed", "no source", "assumed effect"};
    int count[5] = {0};
    for (int i = 0; i < n; i++)
        for (int k = 0; k < 5; k++) count[k] += strcmp(input_kind(&in[i]), kinds[k]) == 0;
    ss_words_print(f, lang, "\ninputs behind it (%s*): %d cited, %d tuned to fit observed figures, %d assumed, %d without a source",
            prefix, count[0], count[1], count[2], count[3]);
    if (count[4]) ss_words_print(f, lang, ", %d assumed effects", count[4]);
    fputc('\n', f);
    for (int k = 0; k < 5; k++) {
        if (!count[k]) continue;
        ss_words_print(f, lang, "  %s:\n", ss_words(lang, kinds[k]));
        for (int i = 0; i < n; i++)
            if (strcmp(input_kind(&in[i]), kinds[k]) == 0)
                ss_words_print(f, lang, "    %-32s %-8s %s\n", in[i].path + strlen(prefix), in[i].value,
                               ss_words(lang, in[i].text));  /* the register's "no source and no assumption" */
    }
    free(in);
}

int ss_explain_find(const ss_study *st, const char *id)
{
    for (int i = 0; i < st->info.nservices; i++)
        if (strcmp(st->ids[i], id) == 0) return i;
    return -1;
}

void ss_explain_service(FILE *f, const ss_study *st, int s)
{
    ss_explain_service_in(f, st, s, SS_LANG_EN);
}

void ss_explain_service_in(FILE *f, const ss_study *st, int s, ss_lang lang)
{
    figures g;
    measure(st, s, &g);
    ss_words_print(f, lang, "%s: %s, %.1f FTE serving the modelled population; %d replications, seed %llu, measured over %.0f days after %.0f days of warm-up\n",
            st->ids[s], st->names[s], st->fte[s], st->nreps, (unsigned long long)st->info.seed,
            st->info.horizon_days - st->info.warmup_days, st->info.warmup_days);
    print_figures(f, lang, st, s, &g);
    print_verdict(f, lang, &g);
    print_inputs(f, lang, st, s);
}
