/* Unit tests for engine/core/calendar.c: civil dates, Easter, Norwegian holidays, working days, summer
 * capacity and seasonality. */
#include "testing.h"

#include "calendar.h"

static ss_date D(int y, int m, int d)
{
    return (ss_date){y, m, d};
}

/* Simulated day of a civil date under calendar c. */
static double day_of(const ss_calendar *c, int y, int m, int d)
{
    return (double)(ss_date_to_epoch(D(y, m, d)) - c->start);
}

static void assert_date(ss_date got, int y, int m, int d)
{
    if (got.year != y || got.month != m || got.day != d)
        fail_msg("got %04d-%02d-%02d, expected %04d-%02d-%02d", got.year, got.month, got.day, y, m, d);
}

static void test_known_epochs(void **state)
{
    assert_int_equal(ss_date_to_epoch(D(1970, 1, 1)), 0);
    assert_int_equal(ss_date_to_epoch(D(1969, 12, 31)), -1);
    assert_int_equal(ss_date_to_epoch(D(2000, 1, 1)), 10957);
    assert_int_equal(ss_date_to_epoch(D(2000, 3, 1)), 11017);
    assert_int_equal(ss_date_to_epoch(D(2024, 2, 29)), 19782);
    assert_date(ss_epoch_to_date(19782), 2024, 2, 29);
    assert_date(ss_epoch_to_date(-719468), 0, 3, 1);
}

static void test_weekday(void **state)
{
    assert_int_equal(ss_weekday(0), 3);                                  /* Thursday */
    assert_int_equal(ss_weekday(ss_date_to_epoch(D(2021, 3, 14))), 6);  /* Sunday */
    assert_int_equal(ss_weekday(ss_date_to_epoch(D(2021, 3, 15))), 0);  /* Monday */
    assert_int_equal(ss_weekday(ss_date_to_epoch(D(1969, 12, 29))), 0); /* Monday, before epoch */
    assert_int_equal(ss_weekday(ss_date_to_epoch(D(1900, 1, 1))), 0);   /* Monday */
}

/* Every day from 1600 to 2400 round-trips, and consecutive days step by exactly one civil day
 * (which also checks month lengths and every leap day, including 1600, 2000 and not 1700). */
static void test_round_trip_many_years(void **state)
{
    ss_epoch_day first = ss_date_to_epoch(D(1600, 1, 1)), last = ss_date_to_epoch(D(2400, 12, 31));
    ss_date prev = ss_epoch_to_date(first - 1);
    assert_date(prev, 1599, 12, 31);
    int leap_days = 0;
    for (ss_epoch_day e = first; e <= last; e++) {
        ss_date d = ss_epoch_to_date(e);
        assert_int_equal(ss_date_to_epoch(d), e);
        bool next_day = d.year == prev.year && d.month == prev.month && d.day == prev.day + 1;
        bool next_month = d.year == prev.year && d.month == prev.month + 1 && d.day == 1;
        bool next_year = d.year == prev.year + 1 && d.month == 1 && d.day == 1 && prev.month == 12;
        assert_true(next_day || next_month || next_year);
        leap_days += d.month == 2 && d.day == 29;
        prev = d;
    }
    assert_date(prev, 2400, 12, 31);
    /* 201 multiples of 4 in 1600..2400, less 1700, 1800, 1900, 2100, 2200 and 2300 */
    assert_int_equal(leap_days, 195);
}

static void test_parse_valid(void **state)
{
    ss_date d;
    assert_int_equal(ss_date_parse("2024-02-29", &d), 0);
    assert_date(d, 2024, 2, 29);
    assert_int_equal(ss_date_parse("2000-02-29", &d), 0);
    assert_int_equal(ss_date_parse("2021-12-31", &d), 0);
    assert_date(d, 2021, 12, 31);
    assert_int_equal(ss_date_parse("0001-01-01", &d), 0);
    assert_date(d, 1, 1, 1);
}

static void test_parse_invalid(void **state)
{
    static const char *bad[] = {
        "2023-02-29", "1900-02-29", "2021-04-31", "2021-13-01", "2021-00-10", "2021-01-00",
        "2021-3-14",  "21-03-14",   "2021-03-14x", " 2021-03-14", "2021/03/14", "2021-03-1",
        "",           "2021-03",    "+021-03-14", "2021-03-32", "2021-0a-01", "2021--3-14",
    };
    ss_date d = D(1, 2, 3);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (ss_date_parse(bad[i], &d) != -1)
            fail_msg("\"%s\" should not parse", bad[i]);
    assert_date(d, 1, 2, 3); /* untouched on error */
}

static void test_monthday_parse(void **state)
{
    int md = 0;
    assert_int_equal(ss_monthday_parse("07-01", &md), 0);
    assert_int_equal(md, 701);
    assert_int_equal(ss_monthday_parse("12-31", &md), 0);
    assert_int_equal(md, 1231);
    assert_int_equal(ss_monthday_parse("02-29", &md), 0);
    assert_int_equal(md, 229);
    static const char *bad[] = {"02-30", "04-31", "13-01", "00-05", "7-01", "07-1", "07-01 ", "0701", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (ss_monthday_parse(bad[i], &md) != -1)
            fail_msg("\"%s\" should not parse", bad[i]);
    assert_int_equal(md, 229);
}

static void test_format(void **state)
{
    char buf[11];
    ss_date_format(D(2024, 2, 29), buf);
    assert_string_equal(buf, "2024-02-29");
    ss_date_format(D(987, 6, 5), buf);
    assert_string_equal(buf, "0987-06-05");
    ss_date d;
    assert_int_equal(ss_date_parse("2021-03-14", &d), 0);
    ss_date_format(d, buf);
    assert_string_equal(buf, "2021-03-14");
}

static void test_easter(void **state)
{
    assert_date(ss_easter(2021), 2021, 4, 4);
    assert_date(ss_easter(2024), 2024, 3, 31);
    assert_date(ss_easter(2025), 2025, 4, 20);
    assert_date(ss_easter(2000), 2000, 4, 23);
    assert_date(ss_easter(2019), 2019, 4, 21);
    assert_date(ss_easter(1818), 1818, 3, 22); /* earliest possible */
    assert_date(ss_easter(2038), 2038, 4, 25); /* latest possible */
    for (int y = 1900; y <= 2200; y++) {
        ss_epoch_day e = ss_date_to_epoch(ss_easter(y));
        assert_int_equal(ss_weekday(e), 6);
        assert_true(e >= ss_date_to_epoch(D(y, 3, 22)) && e <= ss_date_to_epoch(D(y, 4, 25)));
    }
}

static void test_holidays_2021(void **state)
{
    static const ss_date holidays[] = {
        {2021, 1, 1},  {2021, 4, 1},  {2021, 4, 2},  {2021, 4, 4},   {2021, 4, 5},   {2021, 5, 1},
        {2021, 5, 13}, {2021, 5, 17}, {2021, 5, 23}, {2021, 5, 24}, {2021, 12, 25}, {2021, 12, 26},
    };
    size_t n = sizeof holidays / sizeof *holidays;
    for (size_t i = 0; i < n; i++)
        if (!ss_is_norwegian_holiday(ss_date_to_epoch(holidays[i])))
            fail_msg("%04d-%02d-%02d should be a holiday", holidays[i].year, holidays[i].month,
                     holidays[i].day);
    int count = 0;
    for (ss_epoch_day e = ss_date_to_epoch(D(2021, 1, 1)); e <= ss_date_to_epoch(D(2021, 12, 31)); e++)
        count += ss_is_norwegian_holiday(e);
    assert_int_equal(count, (int)n);
    /* Easter Saturday, Christmas Eve, New Year's Eve and the days around Ascension are not. */
    assert_false(ss_is_norwegian_holiday(ss_date_to_epoch(D(2021, 4, 3))));
    assert_false(ss_is_norwegian_holiday(ss_date_to_epoch(D(2021, 12, 24))));
    assert_false(ss_is_norwegian_holiday(ss_date_to_epoch(D(2021, 12, 31))));
    assert_false(ss_is_norwegian_holiday(ss_date_to_epoch(D(2021, 5, 12))));
    assert_false(ss_is_norwegian_holiday(ss_date_to_epoch(D(2021, 5, 14))));
}

/* In 2008 Ascension fell on 1 May, so that year has only 11 holiday dates. */
static void test_holidays_coinciding(void **state)
{
    assert_date(ss_epoch_to_date(ss_date_to_epoch(ss_easter(2008)) + 39), 2008, 5, 1);
    int count = 0;
    for (ss_epoch_day e = ss_date_to_epoch(D(2008, 1, 1)); e <= ss_date_to_epoch(D(2008, 12, 31)); e++)
        count += ss_is_norwegian_holiday(e);
    assert_int_equal(count, 11);
}

/* The calendar keeps Easter for SS_EASTER_YEARS years from its start and computes it beyond:
 * working days read from the table agree with the computus on every day of 300 years, across
 * the table's end. */
static void test_working_days_easter_table(void **state)
{
    ss_calendar c;
    ss_calendar_init(&c, D(1950, 1, 1));
    c.working_mon_fri = true;
    c.norwegian_holidays = true;
    int easters = 0;
    for (int t = 0; t < 300 * 366; t++) {
        ss_epoch_day e = c.start + t;
        bool expected = ss_weekday(e) < 5 && !ss_is_norwegian_holiday(e);
        if (ss_calendar_is_working(&c, t) != expected)
            fail_msg("day %d (epoch %d): the calendar says %d, the computus %d", t, (int)e,
                     ss_calendar_is_working(&c, t), expected);
        easters += e == ss_date_to_epoch(ss_easter(ss_epoch_to_date(e).year));
    }
    assert_true(easters >= 300);
    assert_int_equal(c.easter_first_year, 1950);
    assert_int_equal(c.easter_day[2021 - 1950], ss_date_to_epoch(ss_easter(2021)));
}

static void test_init_defaults(void **state)
{
    ss_calendar c;
    ss_calendar_init(&c, D(2021, 3, 13));
    assert_int_equal(c.start, ss_date_to_epoch(D(2021, 3, 13)));
    assert_false(c.working_mon_fri);
    assert_false(c.norwegian_holidays);
    assert_false(c.has_summer);
    assert_near(c.season_max, 1.0, 0.0);
    for (int i = 0; i < 12; i++)
        assert_near(c.season[i], 1.0, 0.0);
    /* A Saturday is a working day in a calendar that never closes. */
    assert_true(ss_calendar_is_working(&c, 0.5));
    assert_near(ss_calendar_next_working(&c, 0.5), 0.5, 0.0);
    assert_near(ss_calendar_capacity(&c, 100.0), 1.0, 0.0);
    assert_true(isinf(ss_calendar_next_capacity_change(&c, 0.0)));
    assert_near(ss_calendar_season(&c, 200.0), 1.0, 0.0);
}

static void test_calendar_date(void **state)
{
    ss_calendar c;
    ss_calendar_init(&c, D(2024, 1, 1));
    char buf[11];
    ss_calendar_format(&c, 59.7, buf);
    assert_string_equal(buf, "2024-02-29");
    ss_calendar_format(&c, 60.0, buf);
    assert_string_equal(buf, "2024-03-01");
    ss_calendar_format(&c, 0.0, buf);
    assert_string_equal(buf, "2024-01-01");
    assert_date(ss_calendar_date(&c, -0.25), 2023, 12, 31);
    assert_date(ss_calendar_date(&c, 366.0), 2025, 1, 1);
}

static void test_next_working_weekend(void **state)
{
    ss_calendar c;
    ss_calendar_init(&c, D(2021, 3, 12)); /* a Friday */
    c.working_mon_fri = true;
    assert_true(ss_calendar_is_working(&c, 0.25));
    assert_near(ss_calendar_next_working(&c, 0.25), 0.25, 0.0);
    assert_false(ss_calendar_is_working(&c, 1.0));  /* Saturday */
    assert_false(ss_calendar_is_working(&c, 2.99)); /* Sunday */
    assert_near(ss_calendar_next_working(&c, 1.0), 3.0, 0.0);
    assert_near(ss_calendar_next_working(&c, 1.5), 3.0, 0.0);
    assert_near(ss_calendar_next_working(&c, 2.99), 3.0, 0.0);
    assert_near(ss_calendar_next_working(&c, 3.0), 3.0, 0.0);
    assert_near(ss_calendar_next_working(&c, 3.75), 3.75, 0.0);
}

static void test_next_working_easter(void **state)
{
    ss_calendar c;
    ss_calendar_init(&c, D(2021, 3, 31)); /* Wednesday before Easter */
    c.working_mon_fri = true;
    c.norwegian_holidays = true;
    assert_true(ss_calendar_is_working(&c, 0.5));
    for (double t = 1.0; t < 6.0; t += 0.5)
        assert_false(ss_calendar_is_working(&c, t));
    /* Maundy Thursday 1 April to Easter Monday 5 April are closed: Tuesday 6 April. */
    assert_near(ss_calendar_next_working(&c, 1.0), day_of(&c, 2021, 4, 6), 0.0);
    assert_near(ss_calendar_next_working(&c, 4.2), 6.0, 0.0);
    /* Ascension Thursday 13 May, then Friday 14 May is open. */
    assert_near(ss_calendar_next_working(&c, day_of(&c, 2021, 5, 13) + 0.3), day_of(&c, 2021, 5, 14), 0.0);
    /* 17 May 2021 is a Monday: Saturday 15 May moves to Tuesday 18 May. */
    assert_near(ss_calendar_next_working(&c, day_of(&c, 2021, 5, 15)), day_of(&c, 2021, 5, 18), 0.0);
    /* Whit Monday 24 May. */
    assert_near(ss_calendar_next_working(&c, day_of(&c, 2021, 5, 22)), day_of(&c, 2021, 5, 25), 0.0);

    /* Without holidays Maundy Thursday is a working day. */
    c.norwegian_holidays = false;
    assert_near(ss_calendar_next_working(&c, 1.0), 1.0, 0.0);
    assert_near(ss_calendar_next_working(&c, 3.0), 5.0, 0.0);
    /* Without Monday-Friday every day works, holidays included. */
    c.norwegian_holidays = true;
    c.working_mon_fri = false;
    assert_true(ss_calendar_is_working(&c, 2.0));
    assert_near(ss_calendar_next_working(&c, 2.0), 2.0, 0.0);
}

static void summer_calendar(ss_calendar *c)
{
    ss_calendar_init(c, D(2021, 1, 1));
    c->has_summer = true;
    c->summer_from_md = 701;
    c->summer_to_md = 810;
    c->summer_capacity = 0.6;
}

static void test_summer_capacity(void **state)
{
    ss_calendar c;
    summer_calendar(&c);
    double jul1 = day_of(&c, 2021, 7, 1), aug11 = day_of(&c, 2021, 8, 11);
    assert_near(jul1, 181.0, 0.0);
    assert_near(aug11, 222.0, 0.0);
    assert_near(ss_calendar_capacity(&c, 0.0), 1.0, 0.0);
    assert_near(ss_calendar_capacity(&c, jul1 - 0.001), 1.0, 0.0);
    assert_near(ss_calendar_capacity(&c, jul1), 0.6, 0.0);
    assert_near(ss_calendar_capacity(&c, aug11 - 0.001), 0.6, 0.0);
    assert_near(ss_calendar_capacity(&c, aug11), 1.0, 0.0);
    assert_near(ss_calendar_capacity(&c, day_of(&c, 2022, 7, 15)), 0.6, 0.0);
    /* Without has_summer the bounds are ignored. */
    c.has_summer = false;
    assert_near(ss_calendar_capacity(&c, jul1), 1.0, 0.0);
}

static void test_summer_change_points(void **state)
{
    ss_calendar c;
    summer_calendar(&c);
    double jul1 = day_of(&c, 2021, 7, 1), aug11 = day_of(&c, 2021, 8, 11);
    assert_near(ss_calendar_next_capacity_change(&c, 0.0), jul1, 0.0);
    assert_near(ss_calendar_next_capacity_change(&c, jul1 - 0.5), jul1, 0.0);
    /* strictly after t */
    assert_near(ss_calendar_next_capacity_change(&c, jul1), aug11, 0.0);
    assert_near(ss_calendar_next_capacity_change(&c, jul1 + 20.5), aug11, 0.0);
    assert_near(ss_calendar_next_capacity_change(&c, aug11), day_of(&c, 2022, 7, 1), 0.0);
    assert_near(ss_calendar_next_capacity_change(&c, aug11 - 0.25), aug11, 0.0);
    /* Following the change points alternates the capacity for several years. */
    double t = 0.0;
    for (int i = 0; i < 10; i++) {
        double next = ss_calendar_next_capacity_change(&c, t);
        assert_true(next > t);
        assert_true(ss_calendar_capacity(&c, next) != ss_calendar_capacity(&c, next - 1e-6));
        t = next;
    }
    assert_near(t, day_of(&c, 2025, 8, 11), 0.0); /* five summers: 2021..2025 */
}

static void test_summer_corner_cases(void **state)
{
    ss_calendar c;
    summer_calendar(&c);
    c.summer_from_md = 101; /* the whole year: never changes */
    c.summer_to_md = 1231;
    assert_near(ss_calendar_capacity(&c, 10.0), 0.6, 0.0);
    assert_true(isinf(ss_calendar_next_capacity_change(&c, 10.0)));
    c.summer_from_md = 1201; /* a single day */
    c.summer_to_md = 1201;
    assert_near(ss_calendar_next_capacity_change(&c, 0.0), day_of(&c, 2021, 12, 1), 0.0);
    assert_near(ss_calendar_next_capacity_change(&c, day_of(&c, 2021, 12, 1)), day_of(&c, 2021, 12, 2), 0.0);
    c.summer_from_md = 810; /* wrapping is unsupported: an empty period */
    c.summer_to_md = 701;
    assert_near(ss_calendar_capacity(&c, day_of(&c, 2021, 12, 1)), 1.0, 0.0);
    assert_true(isinf(ss_calendar_next_capacity_change(&c, 0.0)));
}

static void test_season(void **state)
{
    ss_calendar c;
    ss_calendar_init(&c, D(2021, 1, 1));
    c.season[6] = 0.5; /* July */
    c.season[8] = 1.4; /* September */
    c.season_max = 1.4;
    assert_near(ss_calendar_season(&c, day_of(&c, 2021, 6, 30) + 0.9), 1.0, 0.0);
    assert_near(ss_calendar_season(&c, day_of(&c, 2021, 7, 1)), 0.5, 0.0);
    assert_near(ss_calendar_season(&c, day_of(&c, 2021, 7, 31) + 0.5), 0.5, 0.0);
    assert_near(ss_calendar_season(&c, day_of(&c, 2022, 9, 15)), 1.4, 0.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_epochs),
        cmocka_unit_test(test_weekday),
        cmocka_unit_test(test_round_trip_many_years),
        cmocka_unit_test(test_parse_valid),
        cmocka_unit_test(test_parse_invalid),
        cmocka_unit_test(test_monthday_parse),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_easter),
        cmocka_unit_test(test_holidays_2021),
        cmocka_unit_test(test_holidays_coinciding),
        cmocka_unit_test(test_init_defaults),
        cmocka_unit_test(test_calendar_date),
        cmocka_unit_test(test_next_working_weekend),
        cmocka_unit_test(test_next_working_easter),
        cmocka_unit_test(test_summer_capacity),
        cmocka_unit_test(test_summer_change_points),
        cmocka_unit_test(test_summer_corner_cases),
        cmocka_unit_test(test_season),
        cmocka_unit_test(test_working_days_easter_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
