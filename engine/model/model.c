/* model: build the frozen model from the resolved scenario table, and free it.
 *
 * The reading itself is the schema's (model_schema.c, read by schema.c); what is left here is
 * what follows from the whole model: hand-off distances between units, each unit's building, and
 * the refusal of scenarios too large to simulate. */
#include "model_read.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const ss_distance_names[SS_DISTANCES] = {"same_unit", "same_sector", "across_sectors", "outside"};
const char *const ss_capacity_of_names[SS_CAPOF_KINDS] = {"case_slots", "staffed_hours", "places"};

/* The distance between two units: one unit (or one leader), one sector, across sectors, or
 * outside the municipality.  No unit at all counts as across sectors. */
static ss_distance unit_distance(const ss_model *m, int a, int b)
{
    bool ext_a = a >= 0 && m->units[a].parent >= 0 && m->sectors[m->units[a].parent].external;
    bool ext_b = b >= 0 && m->units[b].parent >= 0 && m->sectors[m->units[b].parent].external;
    if (ext_a || ext_b) return SS_OUTSIDE;
    if (a < 0 || b < 0) return SS_ACROSS_SECTORS;
    if (a == b) return SS_SAME_UNIT;
    if (m->units[a].leader && m->units[b].leader && strcmp(m->units[a].leader, m->units[b].leader) == 0)
        return SS_SAME_UNIT;
    if (m->units[a].parent >= 0 && m->units[a].parent == m->units[b].parent) return SS_SAME_SECTOR;
    return SS_ACROSS_SECTORS;
}

static int compute_distances(ss_model *m)
{
    int nodes = m->nservices + m->ndoors;
    m->distance = calloc((size_t)nodes * m->nservices, 1);
    m->co_located = calloc((size_t)nodes * m->nservices, 1);
    if (!m->distance || !m->co_located)
        return -1;
    for (int from = 0; from < nodes; from++) {
        int u = from < m->nservices ? m->services[from].unit : m->doors[from - m->nservices].unit;
        for (int to = 0; to < m->nservices; to++) {
            int v = m->services[to].unit;
            m->distance[(long)from * m->nservices + to] = (unsigned char)unit_distance(m, u, v);
            m->co_located[(long)from * m->nservices + to] = u >= 0 && v >= 0 && m->unit_building[u] >= 0 &&
                                                            m->unit_building[u] == m->unit_building[v];
        }
    }
    return 0;
}

/* Arrivals a stream can draw over the horizon (its thinning bound times the horizon). */
static double stream_events(const ss_model *m, const ss_demand *dm)
{
    double rate = dm->rate_per_day;
    if (dm->cohort >= 0) {
        const ss_cohort *c = &m->cohorts[dm->cohort];
        double n = fmax(c->count, c->count * pow(1.0 + c->growth, m->horizon / 365.25));
        rate = n * dm->per_1000 / 1000.0 / 365.25;
    }
    return rate * (dm->seasonal ? m->cal.season_max : 1) * m->horizon;
}

/* Refuse what would run for days (or until killed): a rate of 1e12 a day, a population of
 * math.maxinteger, a sample every few minutes over centuries. */
static int check_events(ss_reader *r, const ss_model *m)
{
    double total = m->horizon / m->sample_days, worst = total;
    char where[300] = "calendar.sample_days";
    for (int i = 0; i < m->ndemand; i++) {
        double n = stream_events(m, &m->demand[i]);
        total += n;
        const ss_demand *dm = &m->demand[i];
        if (n > worst && dm->cohort >= 0)
            snprintf(where, sizeof where, "population.%s.count", m->cohorts[dm->cohort].id);
        else if (n > worst)
            snprintf(where, sizeof where, "demand.%d.%s", i + 1, dm->per_year ? "rate_per_year" : "rate_per_day");
        worst = fmax(worst, n);
    }
    for (int i = 0; i < m->nservices; i++)
        if (m->services[i].meeting.on) total += m->horizon / m->services[i].meeting.every;
    for (int i = 0; i < m->ndoors; i++)
        if (m->doors[i].meeting.on) total += m->horizon / m->doors[i].meeting.every;
    if (!(total <= SS_MAX_EVENTS))
        return ss_reader_fail(r, where, "would need about %.3g events in %g days (%.3g of them here); "
                              "at most %.0f are simulated per replication (expected a smaller rate, "
                              "population or horizon)", total, m->horizon, worst, SS_MAX_EVENTS);
    return 0;
}

ss_model *ss_model_build(lua_State *L, int idx, ss_origin_fn origin, void *origin_ud, ss_diag *d)
{
    ss_model *m = calloc(1, sizeof *m);
    if (!m) {
        ss_fail(d, "out of memory");
        return NULL;
    }
    ss_reader r = {.L = L, .origin = origin, .origin_ud = origin_ud, .d = d, .user = m, .raw = true};
    lua_pushvalue(L, idx);
    int rc = lua_istable(L, -1) ? ss_schema_read(&r, &ss_scenario_schema, m)
                                : ss_reader_fail(&r, NULL, "expected a scenario table");
    lua_pop(L, 1);
    if (rc == 0 && !(m->unit_building = calloc(m->nunits ? (size_t)m->nunits : 1, sizeof(int))))
        rc = ss_fail(d, "out of memory");
    for (int i = 0; rc == 0 && i < m->nunits; i++)
        m->unit_building[i] = m->units[i].building;
    if (rc == 0) rc = compute_distances(m) < 0 ? ss_fail(d, "out of memory") : 0;
    if (rc == 0) rc = check_events(&r, m);
    if (rc < 0) {
        ss_model_free(m);
        return NULL;
    }
    return m;
}

/* What hooks allocated (the schema frees what its fields hold). */
static void free_service(ss_service *s, int nneeds)
{
    ss_dist_free(&s->case_hours);
    if (s->episode) {
        for (int k = 0; k < nneeds; k++) ss_dist_free(&s->episode[k]);
        free(s->episode);
    }
    ss_rule_free(&s->priority, nneeds);
    ss_rule_free(&s->accept, nneeds);
    ss_rule_free(&s->next, nneeds);
    ss_rule_free(&s->at_age, nneeds);
}

void ss_model_free(ss_model *m)
{
    if (!m) return;
    for (int i = 0; i < m->nservices; i++) free_service(&m->services[i], m->nneeds);
    for (int i = 0; i < m->ndoors; i++) ss_rule_free(&m->doors[i].route, m->nneeds);
    for (int i = 0; i < m->ndemand; i++) ss_rule_free(&m->demand[i].door, m->nneeds);
    ss_rule_free(&m->coord.duties, m->nneeds);
    ss_schema_free(&ss_scenario_schema, m);
    ss_free_all(m->unit_building, m->distance, m->co_located);
    for (ss_lua_rule *lr = m->lua_rules; lr < m->lua_rules + m->nlua_rules; lr++)
        ss_free_all(lr->path, lr->display, lr->field, lr->point);
    free(m->lua_rules);
    for (int i = 0; i < m->nrule_params; i++) {
        free(m->rule_params[i].path);
        free(m->rule_params[i].name);
    }
    free(m->rule_params);
    for (int i = 0; i < m->nneeds; i++) free(m->needs[i]);
    free(m);
}

int ss_model_service_index(const ss_model *m, const char *id)
{
    for (int i = 0; i < m->nservices; i++)
        if (strcmp(m->services[i].id, id) == 0) return i;
    return -1;
}

int ss_model_door_index(const ss_model *m, const char *id)
{
    for (int i = 0; i < m->ndoors; i++)
        if (strcmp(m->doors[i].id, id) == 0) return i;
    return -1;
}

int ss_model_need_index(const ss_model *m, const char *id)
{
    for (int i = 0; i < m->nneeds; i++)
        if (strcmp(m->needs[i], id) == 0) return i;
    return -1;
}

double ss_demand_surge(const ss_model *m, const ss_demand *dm, double t)
{
    double x = 1.0;
    for (int i = 0; dm->surges >> i; i++)
        if ((dm->surges >> i & 1u) && t >= m->surges[i].from && t < m->surges[i].to + 1.0)
            x *= m->surges[i].multiplier;
    return x;
}

double ss_demand_surge_max(const ss_model *m, const ss_demand *dm)
{
    double x = 1.0;
    for (int i = 0; dm->surges >> i; i++)
        if (dm->surges >> i & 1u)
            x *= fmax(1.0, m->surges[i].multiplier);
    return x;
}

double ss_model_total_fte(const ss_model *m)
{
    double t = 0;
    for (int i = 0; i < m->nservices; i++) t += m->services[i].fte;
    return t;
}

int ss_choice_pick(const ss_choice *c, double u)
{
    int lo = 0, hi = c->n - 1;
    while (lo < hi) {  /* first cum > u */
        int mid = (lo + hi) / 2;
        if (u < c->cum[mid]) hi = mid; else lo = mid + 1;
    }
    return c->target[lo];
}
