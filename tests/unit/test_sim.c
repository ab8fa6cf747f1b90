/* test_sim: the simulation's event handlers, through ss_sim_run on small scenarios made for each
 * behaviour: capacity is never exceeded and every person is accounted for; admissions happen on
 * working days only; a relapse share of 0 brings no one back and 1 brings people back; the
 * coordinators' pool is never exceeded; the same seed gives the same replication and capacity
 * does not change who arrives (common random numbers); a summer cut leaves places alone and
 * never lifts utilisation above 100 %; a wait outside the model counts as waiting; Little's law
 * holds for the time in the queue of everyone who joined it; the persons in and out balance; a
 * service's staff_share is the part of its FTE that serves the modelled persons.  The handlers' own assertions (no
 * negative queue, one pending move per person, time never going back) run throughout. */
#include "testing.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "calendar.h"
#include "results.h"
#include "scenario.h"
#include "sim.h"

/* The test chain of tests/fixtures/base.lua, two years long; each test adds fields to the intake
 * service, the severe demand stream and the scenario (the three %s). */
static const char chain[] =
    "return {\n"
    "  name = 'handlers',\n"
    "  calendar = { start = '2021-03-01', horizon_days = 730, warmup_days = 0, working_days = 'mon-fri',\n"
    "               holidays = 'norway' },\n"
    "  needs = { 'mild', 'severe' },\n"
    "  doors = { gp = { name = 'GP', route = { intake = 1.0 } } },\n"
    "  services = {\n"
    "    intake = { name = 'Intake', fte = 2, capacity = { slots = 2 }, episode = 2, %s\n"
    "               next = { by_need = { severe = { treat = 1.0 } }, default = { discharge = 1.0 } } },\n"
    "    treat = { name = 'Treatment', fte = 3, capacity = { slots = 3 }, episode = { 'exponential', mean = 10 } },\n"
    "  },\n"
    "  demand = {\n"
    "    { need = 'mild', rate_per_day = 0.5, door = 'gp' },\n"
    "    { need = 'severe', rate_per_day = 0.25, door = 'gp', %s },\n"
    "  },\n"
    "  %s\n"
    "}\n";

typedef struct fixture {
    char path[64];
    ss_scenario *sc;
    ss_sim *sim;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->path, sizeof f->path, "/tmp/test_sim_%ld.lua", (long)getpid());
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ss_sim_free(f->sim);
    ss_scenario_free(f->sc);
    remove(f->path);
    free(f);
    return 0;
}

/* Write the chain with the extra fields, load it with overrides, make a simulation of it. */
static const ss_model *load_with(fixture *f, const char *intake, const char *severe, const char *top,
                                 const char *const *sets, int nsets)
{
    ss_sim_free(f->sim);
    ss_scenario_free(f->sc);
    f->sim = NULL;
    f->sc = NULL;
    FILE *out = fopen(f->path, "w");
    if (!out) fail_msg("cannot write %s", f->path);
    fprintf(out, chain, intake, severe, top);
    fclose(out);
    ss_scenario_opts so = {.sets = sets, .nsets = nsets};
    ss_diag d;
    f->sc = ss_scenario_load(f->path, &so, &d);
    if (!f->sc) fail_msg("%s", d.msg);
    f->sim = ss_sim_new(ss_scenario_model(f->sc), &d);
    if (!f->sim) fail_msg("%s", d.msg);
    return ss_scenario_model(f->sc);
}

static const ss_model *load(fixture *f, const char *const *sets, int nsets)
{
    return load_with(f, "", "", "", sets, nsets);
}

static void run(fixture *f, uint64_t seed, int rep, ss_rep_result *r)
{
    ss_diag d;
    if (ss_sim_run(f->sim, seed, rep, r, &d) < 0) fail_msg("%s", d.msg);
}

/* Slots are never exceeded at any sample, and everyone who arrived has left or is still in. */
static void capacity_and_conservation(void **state)
{
    fixture *f = *state;
    const ss_model *m = load(f, NULL, 0);
    ss_rep_result r;
    run(f, 3, 0, &r);
    for (int sv = 0; sv < m->nservices; sv++) {
        double slots = m->services[sv].capacity;
        for (int i = 0; i < r.nsamples; i++) {
            assert_true(r.series_caseload[(long)sv * r.nsamples + i] <= slots);
            assert_true(r.series_queue[(long)sv * r.nsamples + i] >= 0);
        }
        double *v = ss_rep_service(&r, sv);
        assert_true(v[SS_SM_ADMITTED] <= v[SS_SM_ACCEPTED]);
        assert_true(v[SS_SM_COMPLETED] <= v[SS_SM_ADMITTED]);
        assert_true(v[SS_SM_WAIT_MEDIAN] <= v[SS_SM_WAIT_P90] && v[SS_SM_WAIT_P90] <= v[SS_SM_WAIT_MAX]);
    }
    assert_true(r.system[SS_YM_PERSONS] > 300);
    assert_near(r.system[SS_YM_PERSONS], r.system[SS_YM_EXITED] + r.system[SS_YM_IN_SYSTEM_END], 0);
    ss_rep_result_free(&r);
}

/* First contacts happen on working days only: every "first contact" line of a person's trace
 * falls on a weekday that is not a Norwegian holiday. */
static void admissions_on_working_days(void **state)
{
    fixture *f = *state;
    const ss_model *m = load(f, NULL, 0);
    int contacts = 0;
    for (int64_t person = 1; person <= 120; person++) {
        char *text = NULL;
        size_t len = 0;
        FILE *trace = open_memstream(&text, &len);
        assert_non_null(trace);
        ss_sim_set_trace(f->sim, person, trace);
        ss_rep_result r;
        run(f, 11, 0, &r);
        ss_rep_result_free(&r);
        fclose(trace);
        for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
            if (!strstr(line, "first contact")) continue;
            ss_date date;
            char day[11];
            memcpy(day, line, 10);
            day[10] = 0;
            assert_int_equal(ss_date_parse(day, &date), 0);
            ss_epoch_day e = ss_date_to_epoch(date);
            assert_true(ss_weekday(e) < 5);
            assert_false(ss_is_norwegian_holiday(e));
            contacts++;
        }
        free(text);
    }
    ss_sim_set_trace(f->sim, 0, NULL);
    assert_true(contacts > 100);
    (void)m;
}

/* Relapse: a share of 0 brings no one back (and draws nothing); a share of 1 brings back
 * people discharged early enough. */
static void relapse_shares(void **state)
{
    fixture *f = *state;
    ss_rep_result r;
    load_with(f, "relapse = { share = 0, after = 30 },", "", "", NULL, 0);
    run(f, 5, 0, &r);
    assert_near(r.system[SS_YM_RELAPSES], 0, 0);
    ss_rep_result_free(&r);
    load_with(f, "relapse = { share = 1, after = 30 },", "", "", NULL, 0);
    run(f, 5, 0, &r);
    assert_true(r.system[SS_YM_RELAPSES] > 100);
    ss_rep_result_free(&r);
}

/* Coordinators: with one coordinator taking one case, the mean load never exceeds 1, and some
 * entitled persons get one. */
static void coordinator_pool_is_respected(void **state)
{
    fixture *f = *state;
    load_with(f, "", "complex_share = 0.5",
              "coordination = { notified = 1, consent = 1, coordinators = 1, cases_per_coordinator = 1, "
              "offer_delay = 5 },", NULL, 0);
    ss_rep_result r;
    run(f, 9, 0, &r);
    assert_true(r.system[SS_YM_ENTITLED] > 20);
    assert_true(r.system[SS_YM_COORDINATOR_LOAD_MEAN] <= 1.0 + 1e-12);
    assert_true(r.system[SS_YM_COORDINATOR_SHARE] > 0 && r.system[SS_YM_COORDINATOR_SHARE] < 1);
    ss_rep_result_free(&r);
}

/* The same seed and replication give the same numbers; capacity does not change who arrives. */
static void same_seed_same_replication_and_crn(void **state)
{
    fixture *f = *state;
    const ss_model *m = load(f, NULL, 0);
    ss_rep_result a, b;
    run(f, 21, 2, &a);
    run(f, 21, 2, &b);
    assert_memory_equal(a.system, b.system, sizeof(double) * SS_SYSTEM_METRICS);
    assert_memory_equal(a.service, b.service, sizeof(double) * SS_SERVICE_METRICS * m->nservices);
    double persons = a.system[SS_YM_PERSONS];
    ss_rep_result_free(&a);
    ss_rep_result_free(&b);
    const char *more[] = {"services.treat.capacity.slots=6"};
    load(f, more, 1);
    run(f, 21, 2, &a);
    assert_near(a.system[SS_YM_PERSONS], persons, 0);
    ss_rep_result_free(&a);
}

/* A summer cut applies to the staff's capacity (case slots, staffed hours), not to places: with
 * every capacity counted in places, a summer changes nothing.  Cut, utilisation stays at or below
 * 100 % and the cases already open when the cut came show as over capacity instead. */
static void summer_cuts_staff_not_places(void **state)
{
    fixture *f = *state;
    const char *sets[] = {"services.intake.capacity.kind=\"places\"", "services.treat.capacity.kind=\"places\"",
                          "calendar.summer={from=\"07-01\", to=\"08-31\", capacity=0.4}"};
    ss_rep_result plain, placed, staff;
    int n = load(f, sets, 2)->nservices;  /* places, no summer */
    run(f, 4, 0, &plain);
    load(f, sets, 3);                     /* places, a summer */
    run(f, 4, 0, &placed);
    assert_memory_equal(plain.service, placed.service, sizeof(double) * SS_SERVICE_METRICS * n);
    assert_memory_equal(plain.system, placed.system, sizeof(double) * SS_SYSTEM_METRICS);
    load(f, sets + 2, 1);                 /* case slots (the default), a summer */
    run(f, 4, 0, &staff);
    double over = 0;
    for (int sv = 0; sv < n; sv++) {
        assert_true(ss_rep_service(&staff, sv)[SS_SM_UTILISATION] <= 1.0);
        assert_near(ss_rep_service(&plain, sv)[SS_SM_OVER_CAPACITY_SHARE], 0, 0);
        over += ss_rep_service(&staff, sv)[SS_SM_OVER_CAPACITY_SHARE];
    }
    assert_true(over > 0);
    const char *places_cut[] = {sets[0], sets[1], "calendar.summer={from=\"07-01\", to=\"08-31\", capacity=0.4, "
                                                  "applies_to={\"places\"}}"};
    load(f, places_cut, 3);               /* places, a summer that says it closes them */
    ss_rep_result closed;
    run(f, 4, 0, &closed);
    assert_true(ss_rep_service(&closed, 1)[SS_SM_OVER_CAPACITY_SHARE] > 0);
    ss_rep_result_free(&plain);
    ss_rep_result_free(&placed);
    ss_rep_result_free(&staff);
    ss_rep_result_free(&closed);
}

/* A service whose waiting list is outside the model (external_wait) makes people wait the given
 * time: the wait, the time to first help and to the right help all include it (the start falls on
 * the next working day), and the queue it makes agrees with Little's law. */
static void external_wait_counts_as_waiting(void **state)
{
    fixture *f = *state;
    const char *sets[] = {"services.intake.capacity=\"unlimited\"", "services.intake.external_wait=30"};
    ss_rep_result r;
    load(f, sets, 1);
    run(f, 6, 0, &r);
    assert_true(ss_rep_service(&r, 0)[SS_SM_WAIT_MEAN] < 4);  /* weekends and holidays only */
    ss_rep_result_free(&r);
    load(f, sets, 2);
    run(f, 6, 0, &r);
    const double *v = ss_rep_service(&r, 0);
    assert_true(v[SS_SM_WAIT_MEAN] >= 30 && v[SS_SM_WAIT_MEAN] < 32);
    assert_true(v[SS_SM_WAIT_MAX] < 35);
    assert_true(r.system[SS_YM_FIRST_HELP_MEAN] >= 30);
    assert_true(r.system[SS_YM_RIGHT_HELP_MEAN] >= 30);
    double flow = v[SS_SM_ADMITTED] / 730 * v[SS_SM_WAIT_MEAN];
    assert_true(fabs(v[SS_SM_QUEUE_MEAN] - flow) < 0.05 * flow);
    ss_rep_result_free(&r);
}

/* A service that serves people beyond the modelled population gives the modelled persons only
 * its staff_share of its FTE: 8 FTE of which a quarter serve them are, in capacity and in
 * caseload per FTE, the same as 2 FTE serving no one else (same seed: the same replication);
 * without the share all 8 count. */
static void staff_share_serves_the_modelled_population(void **state)
{
    fixture *f = *state;
    const char *shared[] = {"services.treat.capacity={slots_per_fte=1}", "services.treat.fte=8",
                            "services.treat.staff_share=0.25"};
    const char *own[] = {"services.treat.capacity={slots_per_fte=1}", "services.treat.fte=2"};
    ss_rep_result a, b, all;
    assert_near(load(f, shared, 3)->services[1].capacity, 2, 0);
    run(f, 5, 0, &a);
    assert_near(load(f, own, 2)->services[1].capacity, 2, 0);
    run(f, 5, 0, &b);
    int n = ss_scenario_model(f->sc)->nservices;
    assert_memory_equal(a.service, b.service, sizeof(double) * SS_SERVICE_METRICS * n);
    const double *v = ss_rep_service(&a, 1);
    assert_true(v[SS_SM_CASELOAD_MEAN] > 1);
    assert_near(v[SS_SM_CASELOAD_PER_FTE], v[SS_SM_CASELOAD_MEAN] / 2, 1e-12);
    assert_near(load(f, shared, 2)->services[1].capacity, 8, 0);  /* no share: all 8 serve them */
    run(f, 5, 0, &all);
    v = ss_rep_service(&all, 1);
    assert_near(v[SS_SM_CASELOAD_PER_FTE], v[SS_SM_CASELOAD_MEAN] / 8, 1e-12);
    ss_rep_result_free(&a);
    ss_rep_result_free(&b);
    ss_rep_result_free(&all);
}

/* Little's law for the time in the queue of everyone who joined it: at a queue that people also
 * leave unhelped (they worsen, and are referred on), queue_mean = joined per day x
 * queue_time_mean on every service, within the noise of the period's edges; the wait of those
 * helped alone misses the time of those who left. */
static void littles_law_for_everyone_in_the_queue(void **state)
{
    fixture *f = *state;
    const char *sets[] = {"calendar.horizon_days=3650", "calendar.warmup_days=365", "services.intake.episode=2.5",
                          "services.treat.capacity.slots=8"};
    const ss_model *m = load_with(f, "eligibility = { max_severity = 1 }, deterioration = { mean_days = 4, escalate_to = 'treat' },",
                                  "", "", sets, 4);
    double days = m->horizon - m->warmup;
    for (int rep = 0; rep < 3; rep++) {
        ss_rep_result r;
        run(f, 17, rep, &r);
        for (int sv = 0; sv < m->nservices; sv++) {
            const double *v = ss_rep_service(&r, sv);
            double all = v[SS_SM_QUEUE_JOINED] / days * v[SS_SM_QUEUE_TIME_MEAN];
            printf("rep %d %s: queue %.4f, joined/day x time in queue %.4f (%.2f %%)",
                   rep, m->services[sv].id, v[SS_SM_QUEUE_MEAN], all, 100 * (all / v[SS_SM_QUEUE_MEAN] - 1));
            printf("; admitted/day x wait of those helped %.4f\n", v[SS_SM_ADMITTED] / days * v[SS_SM_WAIT_MEAN]);
            assert_true(fabs(all - v[SS_SM_QUEUE_MEAN]) <= 0.03 * v[SS_SM_QUEUE_MEAN]);
        }
        const double *in = ss_rep_service(&r, 0);
        assert_true(in[SS_SM_LEFT_QUEUE] > 100 && in[SS_SM_LEFT_QUEUE] == in[SS_SM_ESCALATED]);
        double helped = in[SS_SM_ADMITTED] / days * in[SS_SM_WAIT_MEAN];
        assert_true(helped < 0.9 * in[SS_SM_QUEUE_MEAN]);
        ss_rep_result_free(&r);
    }
}

/* exited counts everyone who left in the measured period, whenever they came, so the persons
 * balance exactly: in_system_start + persons + relapses - exited = in_system_end.  Stays still
 * going at the end are reported apart (censored), with their days so far. */
static void persons_balance_and_censored_stays(void **state)
{
    fixture *f = *state;
    const char *sets[] = {"calendar.warmup_days=200"};
    const ss_model *m = load_with(f, "relapse = { share = 0.3, after = 30 },", "", "", sets, 1);
    ss_rep_result r;
    run(f, 8, 0, &r);
    const double *y = r.system;
    assert_true(y[SS_YM_IN_SYSTEM_START] > 0 && y[SS_YM_RELAPSES] > 0);
    assert_near(y[SS_YM_IN_SYSTEM_START] + y[SS_YM_PERSONS] + y[SS_YM_RELAPSES] - y[SS_YM_EXITED], y[SS_YM_IN_SYSTEM_END], 0);
    assert_true(y[SS_YM_IN_SYSTEM_END] > 0);
    assert_true(y[SS_YM_CENSORED_TIME_MEAN] > 0 && y[SS_YM_CENSORED_TIME_MEAN] <= m->horizon);
    ss_rep_result_free(&r);
}

/* A surge multiplies its streams' arrivals inside its window and nowhere else: the severe stream
 * (0.25 a day, named "sev") doubled from 1 September to 31 December 2021.  Measured (warm-up and
 * horizon set to a window) over 20 replications: the window's persons come at twice the rate of
 * the same stream before and after it, and at the plain rate in the same window without the surge. */
static double persons_between(fixture *f, const char *top, const char *warmup, const char *horizon)
{
    const char *sets[] = {"demand.1.rate_per_day=0", warmup, horizon};
    load_with(f, "", "name = 'sev'", top, sets, 3);
    double sum = 0;
    for (int rep = 0; rep < 20; rep++) {
        ss_rep_result r;
        run(f, 11, rep, &r);
        sum += r.system[SS_YM_PERSONS];
        ss_rep_result_free(&r);
    }
    return sum / 20;
}

static void surge_doubles_arrivals_in_its_window(void **state)
{
    fixture *f = *state;
    const char *surge = "surges = { flu = { from = '2021-09-01', to = '2021-12-31', multiplier = 2, streams = { 'sev' } } },";
    /* 2021-03-01 + 184 days = 2021-09-01; the window is 122 days, the same length before and after */
    double before = persons_between(f, surge, "calendar.warmup_days=62", "calendar.horizon_days=184");
    double during = persons_between(f, surge, "calendar.warmup_days=184", "calendar.horizon_days=306");
    double after = persons_between(f, surge, "calendar.warmup_days=306", "calendar.horizon_days=428");
    /* 0.25 a day x 122 days = 30.5 a replication; 20 replications: a standard error of about 1.2 */
    assert_near(before, 30.5, 4);
    assert_near(after, 30.5, 4);
    assert_near(during, 61, 6);
    double plain = persons_between(f, "", "calendar.warmup_days=184", "calendar.horizon_days=306");
    assert_near(plain, 30.5, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(capacity_and_conservation, setup, teardown),
        cmocka_unit_test_setup_teardown(admissions_on_working_days, setup, teardown),
        cmocka_unit_test_setup_teardown(relapse_shares, setup, teardown),
        cmocka_unit_test_setup_teardown(coordinator_pool_is_respected, setup, teardown),
        cmocka_unit_test_setup_teardown(same_seed_same_replication_and_crn, setup, teardown),
        cmocka_unit_test_setup_teardown(surge_doubles_arrivals_in_its_window, setup, teardown),
        cmocka_unit_test_setup_teardown(summer_cuts_staff_not_places, setup, teardown),
        cmocka_unit_test_setup_teardown(external_wait_counts_as_waiting, setup, teardown),
        cmocka_unit_test_setup_teardown(littles_law_for_everyone_in_the_queue, setup, teardown),
        cmocka_unit_test_setup_teardown(staff_share_serves_the_modelled_population, setup, teardown),
        cmocka_unit_test_setup_teardown(persons_balance_and_censored_stays, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
