/* calendar: simulated days <-> civil dates, Norwegian working days and public holidays, the
 * summer period (fellesferie) with reduced capacity, and month-of-year seasonality.
 *
 * Simulated time is a double counting days from the scenario's start date (day 0.0 is 00:00 on
 * the start date).  Everything that needs a date (rules, traces, reports) goes through here. */
#ifndef SS_CALENDAR_H
#define SS_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"

/* Days since 1970-01-01 (proleptic Gregorian); the civil date arithmetic is done on these. */
typedef int32_t ss_epoch_day;

typedef struct ss_date {
    int year, month, day; /* month 1..12, day 1..31 */
} ss_date;

#define SS_EASTER_YEARS 256  /* years of Easter kept; a longer run computes the rest */

typedef struct ss_calendar {
    ss_epoch_day start;       /* civil date of simulated day 0 */
    bool working_mon_fri;     /* false: every day is a working day (queueing models) */
    bool norwegian_holidays;  /* public holidays are not working days */
    bool has_summer;          /* summer period with reduced capacity */
    int summer_from_md;       /* month*100+day, inclusive, e.g. 701 */
    int summer_to_md;         /* month*100+day, inclusive, e.g. 810 */
    double summer_capacity;   /* capacity factor in summer, 0..1 */
    double season[12];        /* arrival-rate multipliers per month, 1.0 = none */
    double season_max;        /* largest of season[], for thinning */
    /* Easter Sunday (epoch day) of the start's year and the SS_EASTER_YEARS - 1 after it,
     * computed once by ss_calendar_init: a working-day check in spring reads it here. */
    int easter_first_year;
    int32_t easter_day[SS_EASTER_YEARS];
} ss_calendar;

/* Civil date <-> epoch day. */
ss_epoch_day ss_date_to_epoch(ss_date d);
ss_date ss_epoch_to_date(ss_epoch_day e);
/* Parse "YYYY-MM-DD" strictly (valid month/day, leap years). 0 ok, -1 on error. */
int ss_date_parse(const char *s, ss_date *out);
/* Parse "MM-DD" into month*100+day. 0 ok, -1 on error. */
int ss_monthday_parse(const char *s, int *md);
/* Write "YYYY-MM-DD" (needs 11 bytes). */
void ss_date_format(ss_date d, char out[11]);
/* 0 = Monday .. 6 = Sunday */
int ss_weekday(ss_epoch_day e);
/* Easter Sunday of a year (Gregorian computus). */
ss_date ss_easter(int year);
/* Norwegian public holiday (helligdag or 1 and 17 May): New Year, Maundy Thursday, Good Friday,
 * Easter Sunday and Monday, 1 May, 17 May, Ascension, Whit Sunday and Monday, 25 and 26 Dec. */
bool ss_is_norwegian_holiday(ss_epoch_day e);

/* Calendar with every day a working day, no summer, flat seasonality, starting at start. */
void ss_calendar_init(ss_calendar *c, ss_date start);

/* The civil date of simulated time t (floor of t). */
ss_date ss_calendar_date(const ss_calendar *c, double t);
/* "YYYY-MM-DD" of simulated time t. */
void ss_calendar_format(const ss_calendar *c, double t, char out[11]);
/* Whether simulated day floor(t) is a working day under this calendar. */
bool ss_calendar_is_working(const ss_calendar *c, double t);
/* The start (a whole day number) of the first working day at or after t: t itself when t is
 * within a working day, else the midnight that begins the next working day. */
double ss_calendar_next_working(const ss_calendar *c, double t);
/* Capacity factor on day floor(t): summer_capacity inside the summer period, else 1. */
double ss_calendar_capacity(const ss_calendar *c, double t);
/* The next simulated time > t at which ss_calendar_capacity changes (a summer boundary),
 * or INFINITY when there is none (no summer). */
double ss_calendar_next_capacity_change(const ss_calendar *c, double t);
/* Arrival-rate multiplier on the month of t. */
double ss_calendar_season(const ss_calendar *c, double t);

#endif
