/* test_trend: the queue trend of a replication on made-up series, where the answer is known. */
#include "testing.h"

#include <stdlib.h>

#include "trend.h"
#include "trend_text.h"

#define YEAR 365.25
#define PI 3.14159265358979323846

/* A model shell with only what ss_queue_trend reads: the calendar's seasons, warm-up, horizon
 * and sample interval. */
static ss_model shell(bool seasonal, double warmup, double horizon)
{
    ss_model m = {0};
    ss_calendar_init(&m.cal, (ss_date){2018, 1, 1});
    if (seasonal)
        m.cal.season[6] = 0.4;
    m.warmup = warmup;
    m.horizon = horizon;
    m.sample_days = 7;
    return m;
}

/* Weekly samples of q(t) = level + slope * t + swing * sin(2 pi t / year). */
static void fill(ss_rep_result *r, const ss_model *m, double level, double slope_per_day, double swing)
{
    int n = (int)(m->horizon / m->sample_days) + 1;
    assert_int_equal(ss_rep_result_init(r, 0, 1, n), 0);
    for (int i = 0; i < n; i++) {
        double t = i * m->sample_days;
        r->series_day[i] = t;
        r->series_queue[i] = level + slope_per_day * t + swing * sin(2 * PI * t / YEAR + 1.0);
    }
}

/* Without seasons: the least-squares slope, exactly, in cases a month. */
static void slope_of_a_straight_line(void **state)
{
    ss_model m = shell(false, 200, 2000);
    ss_rep_result r;
    fill(&r, &m, 10, 0.1, 0);
    ss_queue_trend(&r, &m);
    assert_near(ss_rep_service(&r, 0)[SS_SM_QUEUE_TREND], 0.1 * YEAR / 12, 1e-9);
    ss_rep_result_free(&r);
}

/* With seasons, a yearly swing over one measured year is not a trend (a straight line through it
 * would be), and a growth under the swing is still measured. */
static void seasons_are_not_a_trend(void **state)
{
    ss_model m = shell(true, 3 * YEAR, 4 * YEAR);
    ss_rep_result r;
    fill(&r, &m, 100, 0, 30);
    ss_queue_trend(&r, &m);
    double yoy = ss_rep_service(&r, 0)[SS_SM_QUEUE_TREND];
    ss_model flat = shell(false, 3 * YEAR, 4 * YEAR);
    ss_queue_trend(&r, &flat);
    double line = ss_rep_service(&r, 0)[SS_SM_QUEUE_TREND];
    assert_true(fabs(yoy) < 0.2);    /* 364 days of lag for a 365.25-day season: a small residue */
    assert_true(fabs(line) > 2.0);   /* a regression line through one seasonal year reads about 2.6 */
    ss_rep_result_free(&r);
    fill(&r, &m, 100, 0.1, 30);
    ss_queue_trend(&r, &m);
    assert_near(ss_rep_service(&r, 0)[SS_SM_QUEUE_TREND], 0.1 * YEAR / 12, 0.2);
    ss_rep_result_free(&r);
}

/* The warning: a clear and sizeable trend across replications fires, a small or unclear one
 * does not; its data name the service, the slope and the window. */
static void warning_needs_a_clear_sizeable_trend(void **state)
{
    ss_estimate est[SS_SERVICE_METRICS];
    for (int k = 0; k < SS_SERVICE_METRICS; k++)
        est[k] = (ss_estimate){NAN, NAN, NAN, NAN, 0};
    ss_summary sum = {.nservices = 1, .nreps = 10, .service = est};
    const char *ids[] = {"fph_voksen"};
    ss_run_info info = {.start_date = "2018-01-01", .horizon_days = 1461, .warmup_days = 1096,
                        .nservices = 1, .service_ids = ids};
    est[SS_SM_QUEUE_MEAN] = (ss_estimate){100, 90, 110, 10, 10};
    est[SS_SM_QUEUE_TREND] = (ss_estimate){4.1, 3.0, 5.2, 1.5, 10};
    ss_trend_note t;
    assert_true(ss_trend_warning(&sum, &info, 0, &t));
    assert_string_equal(t.service, "fph_voksen");
    assert_near(t.per_month, 4.1, 1e-12);
    assert_string_equal(t.from, "2021-01-01");
    assert_string_equal(t.to, "2021-12-31");
    est[SS_SM_QUEUE_TREND] = (ss_estimate){0.5, 0.4, 0.6, 0.1, 10};  /* 6 cases a year on 100: small */
    assert_false(ss_trend_warning(&sum, &info, 0, &t));
    est[SS_SM_QUEUE_TREND] = (ss_estimate){4.1, -1.0, 9.2, 8.0, 10};  /* not clear */
    assert_false(ss_trend_warning(&sum, &info, 0, &t));
    est[SS_SM_QUEUE_TREND] = (ss_estimate){-3.0, -4.0, -2.0, 1.0, 10};
    assert_true(ss_trend_warning(&sum, &info, 0, &t));
    assert_near(t.per_month, -3.0, 1e-12);
    assert_null(t.surges);
    info.surges = "pandemic";  /* a surge in force in the window goes with the note */
    assert_true(ss_trend_warning(&sum, &info, 0, &t));
    assert_string_equal(t.surges, "pandemic");
    info.start_date = NULL;  /* no calendar: no dates */
    assert_true(ss_trend_warning(&sum, &info, 0, &t));
    assert_string_equal(t.from, "");
}

/* The output layer words the note, in English and in Norwegian (decimal comma), for a calendar
 * year, another window and a run without dates. */
static void warning_reads_in_both_languages(void **state)
{
    char w[512];
    ss_trend_note t = {.service = "fph_voksen", .per_month = 4.1, .from = "2021-01-01", .to = "2021-12-31"};
    ss_trend_sentence(w, sizeof w, &t, SS_LANG_EN);
    assert_string_equal(w, "fph_voksen: queue still growing (+4.1 a month over 2021); lengthen the warm-up or "
                           "check that demand does not exceed capacity");
    ss_trend_sentence(w, sizeof w, &t, SS_LANG_NB);
    assert_string_equal(w, "fph_voksen: køen vokser fortsatt (+4,1 i måneden i 2021); forleng innkjøringsperioden eller "
                           "sjekk at etterspørselen ikke er større enn kapasiteten");
    ss_trend_note s = {.service = "bolig", .per_month = -3.0, .from = "2021-03-01", .to = "2022-02-28"};
    ss_trend_sentence(w, sizeof w, &s, SS_LANG_EN);
    assert_string_equal(w, "bolig: queue still shrinking (-3.0 a month over 2021-03-01 to 2022-02-28); lengthen the "
                           "warm-up (the queue has not settled since the start or a change)");
    ss_trend_sentence(w, sizeof w, &s, SS_LANG_NB);
    assert_string_equal(w, "bolig: køen krymper fortsatt (-3,0 i måneden fra 2021-03-01 til 2022-02-28); forleng "
                           "innkjøringsperioden (køen har ikke funnet sitt nivå etter starten eller en endring)");
    ss_trend_note surge = {.service = "fph_barn", .per_month = 10.0, .from = "2021-01-01", .to = "2021-12-31",
                           .surges = "pandemic"};  /* the scenario's own surge: no advice on the warm-up */
    ss_trend_sentence(w, sizeof w, &surge, SS_LANG_EN);
    assert_string_equal(w, "fph_barn: queue still growing (+10.0 a month over 2021) with the demand surge pandemic in "
                           "this window: its figures are a moment in a changing queue, not a steady state");
    ss_trend_sentence(w, sizeof w, &surge, SS_LANG_NB);
    assert_string_equal(w, "fph_barn: køen vokser fortsatt (+10,0 i måneden i 2021) med etterspørselstoppen pandemic i "
                           "dette vinduet: tallene er et øyeblikk i en kø som endrer seg, ikke en stabil tilstand");
    ss_trend_note none = {.service = "q", .per_month = 12.0};
    ss_trend_sentence(w, sizeof w, &none, SS_LANG_NB);
    assert_contains(w, "q: køen vokser fortsatt (+12,0 i måneden i den målte perioden)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(slope_of_a_straight_line),
        cmocka_unit_test(seasons_are_not_a_trend),
        cmocka_unit_test(warning_needs_a_clear_sizeable_trend),
        cmocka_unit_test(warning_reads_in_both_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
