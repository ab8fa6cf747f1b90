/* audit_view: the auditors' criteria against the models' runs (audit_view.h). */
#include "audit_view.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "compare.h"
#include "reason.h"
#include "table.h"
#include "words.h"

/* The row of model v for criterion id, or NULL when its scenario does not list it. */
static const ss_audit_row *row_for(const ss_audit_model *v, const char *id)
{
    for (int i = 0; i < v->m->ncriteria; i++)
        if (strcmp(v->rows[i].c->id, id) == 0) return &v->rows[i];
    return NULL;
}

/* "at least 80 %" / "at most 21 days", "minst 80 %" / "høyst 21 dager" in Norwegian */
static void threshold_text(char *buf, size_t n, const ss_criterion *c, const ss_metric_info *info, ss_lang lang)
{
    bool least = !isnan(c->at_least);
    double t = least ? c->at_least : c->at_most;
    bool share = strcmp(info->unit, "share") == 0;
    /* as written, not rounded like a result: 0.6687 days must not print as 0.7 */
    snprintf(buf, n, "%s %.6g%s%s", ss_words(lang, least ? "at least" : "at most"), share ? 100 * t : t, share ? " %" : " ",
             share ? "" : ss_words(lang, info->unit));
    ss_lang_figures(lang, buf);
}

/* The criterion's texts in lang: Norwegian where the scenario gives it beside the English. */
static const char *text_in(const char *en, const char *nb, ss_lang lang)
{
    return ss_reason_pick(en ? en : "", nb, lang == SS_LANG_NB);
}

/* "[source; law]" under a criterion */
static void print_source(FILE *f, const ss_criterion *c, const char *indent, ss_lang lang)
{
    fprintf(f, "%s[%s%s%s]\n", indent, c->source, *c->law ? "; " : "", text_in(c->law, c->law_nb, lang));
}

/* "  indicator: wait_mean at fph (...); met when at most 21 days"; in Norwegian the result and the
 * service by their names, the key after them. */
static void print_indicator(FILE *f, const ss_audit_model *v, const ss_audit_row *r0, ss_lang lang)
{
    const ss_criterion *c = r0->c;
    char th[96];
    threshold_text(th, sizeof th, c, r0->info, lang);
    const ss_service *sv = c->service >= 0 ? &v[0].m->services[c->service] : NULL;
    if (lang == SS_LANG_NB)
        fprintf(f, "  indikator: %s%s%s (%s; %s); oppfylt når %s\n", ss_metric_label(sv ? "service" : "system", c->metric, lang),
                sv ? " ved " : "", sv ? sv->name : "", c->metric, ss_words(lang, r0->info->doc), th);
    else
        fprintf(f, "  indicator: %s%s%s (%s); met when %s\n", c->metric, sv ? " at " : "", sv ? sv->id : "", r0->info->doc, th);
}

static void print_criterion(FILE *f, const ss_audit_model *v, int n, const ss_audit_row *r0, ss_lang lang)
{
    const ss_criterion *c = r0->c;
    fprintf(f, "%s: %s\n", c->id, text_in(c->text, c->text_nb, lang));
    print_source(f, c, "  ", lang);
    print_indicator(f, v, r0, lang);
    ss_table t;
    ss_table_init(&t, 3, "lrl");
    t.indent = 4;
    for (int k = 0; k < n; k++) {
        const ss_audit_row *r = row_for(&v[k], c->id);
        char val[128] = "-";
        if (r && r->info) ss_compare_format_estimate(val, sizeof val, &r->value, r->info->unit, false);
        ss_lang_figures(lang, val);
        ss_lang_percent(lang, val, sizeof val);
        ss_table_row(&t, v[k].label, val, ss_words(lang, r ? ss_audit_verdict_name(r->verdict) : "not in this model"));
    }
    ss_table_print(&t, f);
    ss_table_free(&t);
    if (c->finding != SS_FINDING_NONE) {
        static const char *const agree[] = {"does not agree", "agrees", "cannot be compared"};
        fprintf(f, ss_words(lang, "  the audit found: %s (%s)\n  the run against it:"), ss_words(lang, ss_audit_finding_name(c->finding)),
                text_in(c->finding_source, c->finding_source_nb, lang));
        for (int k = 0; k < n; k++) {
            const ss_audit_row *r = row_for(&v[k], c->id);
            int a = r ? ss_audit_agrees(c->finding, r->verdict) : -1;
            fprintf(f, "%s %s %s", k ? "," : "", v[k].label, ss_words(lang, agree[a < 0 ? 2 : a]));
        }
        fputc('\n', f);
    }
    fputc('\n', f);
}

/* The criteria no run can check, with why not and what the audit found. */
static void print_unchecked(FILE *f, const ss_model *m, ss_lang lang)
{
    ss_words_print(f, lang, "Criteria a simulation cannot check:\n");
    for (int i = 0; i < m->ncriteria; i++) {
        const ss_criterion *c = &m->criteria[i];
        if (c->metric) continue;
        fprintf(f, "  %s: %s\n", c->id, text_in(c->text, c->text_nb, lang));
        print_source(f, c, "    ", lang);
        fprintf(f, ss_words(lang, "    why not: %s\n"), text_in(c->not_simulated, c->not_simulated_nb, lang));
        if (c->finding != SS_FINDING_NONE)
            fprintf(f, ss_words(lang, "    the audit found: %s (%s)\n"), ss_words(lang, ss_audit_finding_name(c->finding)),
                    text_in(c->finding_source, c->finding_source_nb, lang));
    }
}

void ss_audit_print(FILE *f, const ss_audit_model *v, int n, uint64_t seed, int reps, ss_lang lang)
{
    /* not ss_words_print: its figures pass would read "seed 1, 3 replications" as an interval's ", " */
    fprintf(f, ss_words(lang, "The auditors' criteria: seed %" PRIu64 ", %d replications, 95 %% intervals; met when the whole\n"
                              "interval is on the right side of the threshold, unclear when it straddles it\n"),
            seed, reps);
    for (int k = 0; k < n; k++) fprintf(f, "  %s  %s (%s)\n", v[k].label, v[k].spec, v[k].name);
    fputc('\n', f);
    const ss_model *m = v[0].m;
    if (m->ncriteria == 0) {
        ss_words_print(f, lang, "The scenario lists no audit criteria (audit = { ... }).\n");
        return;
    }
    int unchecked = 0;
    for (int i = 0; i < m->ncriteria; i++) {
        if (v[0].rows[i].c->metric) print_criterion(f, v, n, &v[0].rows[i], lang);
        else unchecked++;
    }
    if (unchecked) print_unchecked(f, m, lang);
}

static json_t *value_json(const ss_audit_model *v, const ss_criterion *c)
{
    const ss_audit_row *r = row_for(v, c->id);
    int err = 0;
    json_t *o = json_object();
    err |= json_object_set_new(o, "model", ss_json_text(v->label));
    if (!r) return ss_json_done(o, err | json_object_set_new(o, "verdict", json_null()));
    err |= json_object_set_new(o, "value", ss_json_number(r->value.mean));
    err |= json_object_set_new(o, "ci_low", ss_json_number(r->value.ci_low));
    err |= json_object_set_new(o, "ci_high", ss_json_number(r->value.ci_high));
    err |= json_object_set_new(o, "verdict", ss_json_text(ss_audit_verdict_name(r->verdict)));
    int a = ss_audit_agrees(c->finding, r->verdict);
    err |= json_object_set_new(o, "agrees_with_audit", a < 0 ? json_null() : json_boolean(a));
    return ss_json_done(o, err);
}

static json_t *criterion_json(const ss_audit_model *v, int n, const ss_criterion *c)
{
    int err = 0;
    json_t *o = json_object(), *vals = json_array();
    err |= json_object_set_new(o, "id", ss_json_text(c->id));
    err |= json_object_set_new(o, "text", ss_json_text(c->text));
    err |= json_object_set_new(o, "source", ss_json_text(c->source));
    err |= json_object_set_new(o, "law", ss_json_text(c->law));
    err |= json_object_set_new(o, "metric", ss_json_text(c->metric));
    err |= json_object_set_new(o, "service", ss_json_text(c->service >= 0 ? v[0].m->services[c->service].id : NULL));
    err |= json_object_set_new(o, "at_least", isnan(c->at_least) ? json_null() : ss_json_number(c->at_least));
    err |= json_object_set_new(o, "at_most", isnan(c->at_most) ? json_null() : ss_json_number(c->at_most));
    err |= json_object_set_new(o, "not_simulated", ss_json_text(c->not_simulated));
    err |= json_object_set_new(o, "finding", ss_json_text(ss_audit_finding_name(c->finding)));
    err |= json_object_set_new(o, "finding_source", ss_json_text(c->finding_source));
    for (int k = 0; c->metric && k < n; k++) err |= json_array_append_new(vals, value_json(&v[k], c));
    err |= json_object_set_new(o, "models", vals);
    return ss_json_done(o, err);
}

int ss_audit_print_json(FILE *f, const ss_audit_model *v, int n, uint64_t seed, int reps)
{
    int err = 0;
    json_t *doc = json_object(), *models = json_array(), *crit = json_array();
    err |= json_object_set_new(doc, "seed", json_integer((json_int_t)seed));
    err |= json_object_set_new(doc, "replications", json_integer(reps));
    for (int k = 0; k < n; k++) {
        json_t *o = json_object();
        err |= json_object_set_new(o, "model", ss_json_text(v[k].label));
        err |= json_object_set_new(o, "spec", ss_json_text(v[k].spec));
        err |= json_object_set_new(o, "name", ss_json_text(v[k].name));
        err |= json_array_append_new(models, o);
    }
    for (int i = 0; i < v[0].m->ncriteria; i++) err |= json_array_append_new(crit, criterion_json(v, n, &v[0].m->criteria[i]));
    err |= json_object_set_new(doc, "models", models);
    err |= json_object_set_new(doc, "criteria", crit);
    return ss_json_write(f, ss_json_done(doc, err));
}
