/* calendar: civil dates on epoch days, Norwegian working days, summer capacity, seasonality.
 *
 * All civil arithmetic goes through epoch days (days since 1970-01-01, proleptic Gregorian) using
 * Howard Hinnant's days_from_civil / civil_from_days, which are exact for any year without tables.
 *
 * Summer period: the month-day bounds repeat every year and must satisfy from <= to (a period that
 * wraps the new year is not supported; the scenario loader rejects it).  With from > to the period
 * is empty: capacity is always 1 and there is no change point. */
#include "calendar.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>

/* Easter-relative holidays: Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension,
 * Whit Sunday and Whit Monday. */
static const int easter_offsets[] = {-3, -2, 0, 1, 39, 49, 50};
/* Fixed holidays as month*100+day: New Year, 1 May, 17 May, Christmas Day, Boxing Day. */
static const int fixed_holidays[] = {101, 501, 517, 1225, 1226};

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Hinnant's days_from_civil: shift the year to start in March so the leap day is last. */
ss_epoch_day ss_date_to_epoch(ss_date d)
{
    long long y = d.year - (d.month <= 2);
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;                                        /* [0, 399] */
    long long doy = (153 * (d.month > 2 ? d.month - 3 : d.month + 9) + 2) / 5 + d.day - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                /* [0, 146096] */
    return (ss_epoch_day)(era * 146097 + doe - 719468);
}

/* Hinnant's civil_from_days, the inverse of the above. */
ss_date ss_epoch_to_date(ss_epoch_day e)
{
    long long z = (long long)e + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int day = (int)(doy - (153 * mp + 2) / 5 + 1);
    int month = (int)(mp < 10 ? mp + 3 : mp - 9);
    return (ss_date){(int)(yoe + era * 400) + (month <= 2), month, day};
}

/* Exactly n ASCII digits (not isdigit: it depends on the locale). */
static bool read_digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

int ss_date_parse(const char *s, ss_date *out)
{
    ss_date d;
    if (!read_digits(s, 4, &d.year) || s[4] != '-' || !read_digits(s + 5, 2, &d.month) ||
        s[7] != '-' || !read_digits(s + 8, 2, &d.day) || s[10] != '\0')
        return -1;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
        return -1;
    *out = d;
    return 0;
}

/* 29 February is accepted: the bound applies in the years that have it. */
int ss_monthday_parse(const char *s, int *md)
{
    int m, d;
    if (!read_digits(s, 2, &m) || s[2] != '-' || !read_digits(s + 3, 2, &d) || s[5] != '\0')
        return -1;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(2000, m))
        return -1;
    *md = m * 100 + d;
    return 0;
}

/* Digit by digit: a rule reads ctx.date at most calls, and snprintf made formatting it 2 % of a
 * Lørenskog run. */
void ss_date_format(ss_date d, char out[11])
{
    /* Clamped as "%04u-%02u-%02u" of the remainders would; valid dates are unchanged. */
    unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u, dd = (unsigned)d.day % 100u;
    const unsigned parts[3][2] = {{y, 4}, {m, 2}, {dd, 2}};
    char *p = out;
    for (int i = 0; i < 3; i++) {
        if (i)
            *p++ = '-';
        unsigned v = parts[i][0];
        for (unsigned k = parts[i][1]; k > 0; k--, v /= 10)
            p[k - 1] = (char)('0' + v % 10);
        p += parts[i][1];
    }
    *p = '\0';
}

/* 1970-01-01 was a Thursday (3). */
int ss_weekday(ss_epoch_day e)
{
    int w = (int)(((long long)e + 3) % 7);
    return w < 0 ? w + 7 : w;
}

/* Anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8). */
ss_date ss_easter(int year)
{
    int a = year % 19, b = year / 100, c = year % 100;
    int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int n = h + l - 7 * m + 114;
    return (ss_date){year, n / 31, n % 31 + 1};
}

/* Easter Sunday of the year as an epoch day: from c's table when it has the year. */
static ss_epoch_day easter_of(const ss_calendar *c, int year)
{
    int k = c ? year - c->easter_first_year : -1;
    return k >= 0 && k < SS_EASTER_YEARS ? c->easter_day[k] : ss_date_to_epoch(ss_easter(year));
}

/* A Norwegian public holiday, with c's Easter table when c is given. */
static bool is_holiday(const ss_calendar *c, ss_epoch_day e)
{
    ss_date d = ss_epoch_to_date(e);
    int md = d.month * 100 + d.day;
    for (size_t i = 0; i < sizeof fixed_holidays / sizeof *fixed_holidays; i++)
        if (md == fixed_holidays[i])
            return true;
    /* Easter falls from 22 March to 25 April, so its holidays from 19 March (Maundy Thursday) to
     * 14 June (Whit Monday): outside that, skip the computus (this is called for every admission). */
    if (md < 319 || md > 614)
        return false;
    int from_easter = e - easter_of(c, d.year);
    for (size_t i = 0; i < sizeof easter_offsets / sizeof *easter_offsets; i++)
        if (from_easter == easter_offsets[i])
            return true;
    return false;
}

bool ss_is_norwegian_holiday(ss_epoch_day e)
{
    return is_holiday(NULL, e);
}

void ss_calendar_init(ss_calendar *c, ss_date start)
{
    *c = (ss_calendar){
        .start = ss_date_to_epoch(start),
        .summer_from_md = 0,
        .summer_to_md = 0,
        .summer_capacity = 1.0,
        .season_max = 1.0,
    };
    for (int i = 0; i < 12; i++)
        c->season[i] = 1.0;
    c->easter_first_year = start.year;
    for (int k = 0; k < SS_EASTER_YEARS; k++)
        c->easter_day[k] = (int32_t)ss_date_to_epoch(ss_easter(start.year + k));
}

/* The epoch day that simulated time t falls in. */
static ss_epoch_day epoch_of(const ss_calendar *c, double t)
{
    assert(isfinite(t));
    return c->start + (ss_epoch_day)floor(t);
}

ss_date ss_calendar_date(const ss_calendar *c, double t)
{
    return ss_epoch_to_date(epoch_of(c, t));
}

void ss_calendar_format(const ss_calendar *c, double t, char out[11])
{
    ss_date_format(ss_calendar_date(c, t), out);
}

/* Without Monday-Friday working every day is working, holidays included (a queueing model that
 * never closes); holidays close only a Monday-Friday calendar. */
static bool epoch_is_working(const ss_calendar *c, ss_epoch_day e)
{
    if (!c->working_mon_fri)
        return true;
    if (ss_weekday(e) >= 5)
        return false;
    return !(c->norwegian_holidays && is_holiday(c, e));
}

bool ss_calendar_is_working(const ss_calendar *c, double t)
{
    return epoch_is_working(c, epoch_of(c, t));
}

double ss_calendar_next_working(const ss_calendar *c, double t)
{
    ss_epoch_day e = epoch_of(c, t);
    if (epoch_is_working(c, e))
        return t;
    /* Easter (Thursday to Monday) is the longest closed stretch: 5 days. */
    for (int i = 1; i <= 14; i++)
        if (epoch_is_working(c, e + i))
            return (double)(e + i - c->start);
    assert(!"no working day within two weeks");
    return t;
}

/* Whether an epoch day lies within the summer period of its year. */
static bool in_summer(const ss_calendar *c, ss_epoch_day e)
{
    if (!c->has_summer)
        return false;
    ss_date d = ss_epoch_to_date(e);
    int md = d.month * 100 + d.day;
    return md >= c->summer_from_md && md <= c->summer_to_md;
}

double ss_calendar_capacity(const ss_calendar *c, double t)
{
    return in_summer(c, epoch_of(c, t)) ? c->summer_capacity : 1.0;
}

/* Walk forward day by day to the first day whose membership differs from the day before.  It is
 * called about twice per simulated year, and walking stays right for every corner (29 February as
 * a bound, a period covering the whole year, an empty one) where computing boundary dates would not. */
double ss_calendar_next_capacity_change(const ss_calendar *c, double t)
{
    if (!c->has_summer)
        return INFINITY;
    ss_epoch_day e = epoch_of(c, t);
    bool inside = in_summer(c, e);
    for (int i = 1; i <= 366 + 1; i++)
        if (in_summer(c, e + i) != inside)
            return (double)(e + i - c->start);
    return INFINITY;
}

double ss_calendar_season(const ss_calendar *c, double t)
{
    return c->season[ss_calendar_date(c, t).month - 1];
}
