/* audit_view: the auditors' criteria against the models' runs (audit_view.h). */
#include "audit_view.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "compare.h"
#include "table.h"

/* The row of model v for criterion id, or NULL when its scenario does not list it. */
static const ss_audit_row *row_for(const ss_audit_model *v, const char *id)
{
    for (int i = 0; i < v->m->ncriteria; i++)
        if (strcmp(v->rows[i].c->id, id) == 0) return &v->rows[i];
    return NULL;
}

/* "at least 80 %" / "at most 21 days" */
static void threshold_text(char *buf, size_t n, const ss_criterion *c, const ss_metric_info *info)
{
    bool least = !isnan(c->at_least);
    double t = least ? c->at_least : c->at_most;
    bool share = strcmp(info->unit, "share") == 0;
    /* as written, not rounded like a result: 0.6687 days must not print as 0.7 */
    snprintf(buf, n, "%s %.6g%s%s", least ? "at least" : "at most", share ? 100 * t : t, share ? " %" : " ",
             share ? "" : info->unit);
}

static void print_criterion(FILE *f, const ss_audit_model *v, int n, const ss_audit_row *r0)
{
    const ss_criterion *c = r0->c;
    fprintf(f, "%s: %s\n  [%s%s%s]\n", c->id, c->text, c->source, *c->law ? "; " : "", c->law);
    char th[96];
    threshold_text(th, sizeof th, c, r0->info);
    fprintf(f, "  indicator: %s%s%s (%s); met when %s\n", c->metric, c->service >= 0 ? " at " : "",
            c->service >= 0 ? v[0].m->services[c->service].id : "", r0->info->doc, th);
    ss_table t;
    ss_table_init(&t, 3, "lrl");
    t.indent = 4;
    for (int k = 0; k < n; k++) {
        const ss_audit_row *r = row_for(&v[k], c->id);
        char val[128] = "-";
        if (r && r->info) ss_compare_format_estimate(val, sizeof val, &r->value, r->info->unit, false);
        ss_table_row(&t, v[k].label, val, r ? ss_audit_verdict_name(r->verdict) : "not in this model");
    }
    ss_table_print(&t, f);
    ss_table_free(&t);
    if (c->finding != SS_FINDING_NONE) {
        static const char *const agree[] = {"does not agree", "agrees", "cannot be compared"};
        fprintf(f, "  the audit found: %s (%s)\n  the run against it:", ss_audit_finding_name(c->finding), c->finding_source);
        for (int k = 0; k < n; k++) {
            const ss_audit_row *r = row_for(&v[k], c->id);
            int a = r ? ss_audit_agrees(c->finding, r->verdict) : -1;
            fprintf(f, "%s %s %s", k ? "," : "", v[k].label, agree[a < 0 ? 2 : a]);
        }
        fputc('\n', f);
    }
    fputc('\n', f);
}

void ss_audit_print(FILE *f, const ss_audit_model *v, int n, uint64_t seed, int reps)
{
    fprintf(f, "The auditors' criteria: seed %" PRIu64 ", %d replications, 95 %% intervals; met when the whole\n"
               "interval is on the right side of the threshold, unclear when it straddles it\n",
            seed, reps);
    for (int k = 0; k < n; k++) fprintf(f, "  %s  %s (%s)\n", v[k].label, v[k].spec, v[k].name);
    fputc('\n', f);
    const ss_model *m = v[0].m;
    if (m->ncriteria == 0) {
        fprintf(f, "The scenario lists no audit criteria (audit = { ... }).\n");
        return;
    }
    int unchecked = 0;
    for (int i = 0; i < m->ncriteria; i++) {
        if (v[0].rows[i].c->metric) print_criterion(f, v, n, &v[0].rows[i]);
        else unchecked++;
    }
    if (!unchecked) return;
    fprintf(f, "Criteria a simulation cannot check:\n");
    for (int i = 0; i < m->ncriteria; i++) {
        const ss_criterion *c = &m->criteria[i];
        if (c->metric) continue;
        fprintf(f, "  %s: %s\n    [%s%s%s]\n    why not: %s\n", c->id, c->text, c->source, *c->law ? "; " : "",
                c->law, c->not_simulated);
        if (c->finding != SS_FINDING_NONE)
            fprintf(f, "    the audit found: %s (%s)\n", ss_audit_finding_name(c->finding), c->finding_source);
    }
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
