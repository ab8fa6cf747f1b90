/* trend: the queue trend of a replication and the warning across replications.
 *
 * Which test, and why.  Two are in use for warm-up and steady state: the slope of a regression
 * of queue length on time over the measured window, with its standard error, and MSER
 * (truncating the warm-up where the marginal standard error of the mean is least).  MSER answers
 * "where should the warm-up end", not "is the queue still moving at the end", and it reads a
 * seasonal swing as a transient; the slope answers the question a reader of the table has, in
 * cases a month, and its interval across replications needs no model of the autocorrelation
 * within a run (each replication gives one independent slope).  So: the slope, one per
 * replication, and a t interval over them.
 *
 * Seasons.  Municipal demand follows the school year and staff take summer leave, so over one
 * measured year the queue rises in autumn and falls in summer, and a least-squares line through
 * one year reads that swing as a trend (sign and size depend on the month the window starts).
 * When the calendar has seasons and a whole year of series lies before the window, the trend is
 * instead the change of the queue from the same date a year earlier, averaged over the window
 * (the mean of Q(t) - Q(t - 1 year) over the window, per month): a seasonal pattern repeats a year
 * later and drops out, a growth does not.  Without seasons it is the least-squares slope. */
#include "trend.h"

#include <math.h>
#include <stdio.h>

#include <gsl/gsl_cdf.h>

#define DAYS_PER_MONTH (365.25 / 12.0)
#define DAYS_PER_YEAR 365.25

static bool is_seasonal(const ss_model *m)
{
    if (m->cal.has_summer && m->cal.summer_capacity < 1.0)
        return true;
    for (int i = 1; i < 12; i++)
        if (m->cal.season[i] != m->cal.season[0])
            return true;
    return false;
}

/* Least-squares slope of q on the sample days in [from, to), per day. */
static double ls_slope(const double *day, const double *q, int n, double from, double to)
{
    double sx = 0, sy = 0, k = 0;
    for (int i = 0; i < n; i++)
        if (day[i] >= from && day[i] < to) {
            sx += day[i];
            sy += q[i];
            k++;
        }
    if (k < 3)
        return NAN;
    double mx = sx / k, my = sy / k, sxy = 0, sxx = 0;
    for (int i = 0; i < n; i++)
        if (day[i] >= from && day[i] < to) {
            sxy += (day[i] - mx) * (q[i] - my);
            sxx += (day[i] - mx) * (day[i] - mx);
        }
    return sxx > 0 ? sxy / sxx : NAN;
}

/* Mean of q(t) - q(t - lag samples) over the samples in [from, to), per day of the lag. */
static double year_on_year(const double *day, const double *q, int n, double from, double to, int lag)
{
    double sum = 0, k = 0;
    for (int i = lag; i < n; i++)
        if (day[i] >= from && day[i] < to) {
            sum += q[i] - q[i - lag];
            k++;
        }
    return k < 3 ? NAN : sum / k / (day[lag] - day[0]);
}

void ss_queue_trend(ss_rep_result *r, const ss_model *m)
{
    double from = m->warmup, to = m->horizon + 1e-9;
    int lag = (int)lround(DAYS_PER_YEAR / m->sample_days);
    bool by_year = is_seasonal(m) && lag >= 1 && from - DAYS_PER_YEAR >= -1e-9 && lag < r->nsamples;
    for (int s = 0; s < r->nservices; s++) {
        const double *q = r->series_queue + (long)s * r->nsamples;
        double per_day = by_year ? year_on_year(r->series_day, q, r->nsamples, from, to, lag)
                                 : ls_slope(r->series_day, q, r->nsamples, from, to);
        ss_rep_service(r, s)[SS_SM_QUEUE_TREND] = per_day * DAYS_PER_MONTH;
    }
}

void ss_trend_window(const char *start_date, double warmup_days, double horizon_days, char from[11], char to[11])
{
    ss_date d0;
    from[0] = to[0] = '\0';
    if (!start_date || ss_date_parse(start_date, &d0) < 0)
        return;
    ss_epoch_day e0 = ss_date_to_epoch(d0);
    ss_date_format(ss_epoch_to_date(e0 + (ss_epoch_day)ceil(warmup_days - 1e-9)), from);
    ss_date_format(ss_epoch_to_date(e0 + (ss_epoch_day)ceil(horizon_days - 1e-9) - 1), to);
}

/* The services whose trend was measured: the family the false-alarm rate is shared over. */
static int measured_services(const ss_summary *sum)
{
    int k = 0;
    for (int s = 0; s < sum->nservices; s++)
        k += sum->service[(long)s * SS_SERVICE_METRICS + SS_SM_QUEUE_TREND].n >= 2;
    return k;
}

/* Whether the trend's interval at the family-wise level excludes 0.  A run checks every queue, so
 * each interval is taken at 1 - SS_TREND_FALSE_ALARM / k (Bonferroni): a run whose queues are all
 * steady then warns in at most 1 % of runs, instead of in most runs of a model with many services. */
static bool clearly_nonzero(const ss_estimate *t, int k)
{
    if (t->n < 2 || !isfinite(t->sd) || !isfinite(t->mean))
        return false;
    if (t->sd == 0.0)
        return t->mean != 0.0;
    double level = 1.0 - SS_TREND_FALSE_ALARM / (k > 0 ? k : 1);
    double half = gsl_cdf_tdist_Pinv(0.5 + level / 2.0, t->n - 1) * t->sd / sqrt((double)t->n);
    return fabs(t->mean) > half;
}

bool ss_trend_warning(const ss_summary *sum, const ss_run_info *info, int s, ss_trend_note *note)
{
    const ss_estimate *t = &sum->service[(long)s * SS_SERVICE_METRICS + SS_SM_QUEUE_TREND];
    const ss_estimate *q = &sum->service[(long)s * SS_SERVICE_METRICS + SS_SM_QUEUE_MEAN];
    if (!clearly_nonzero(t, measured_services(sum)))
        return false;
    double months = fmax(info->horizon_days - info->warmup_days, DAYS_PER_YEAR) / DAYS_PER_MONTH;
    double change = fabs(t->mean) * months, scale = isfinite(q->mean) ? q->mean : 0.0;
    if (change < 1.0 || change < SS_TREND_RELEVANT * scale)
        return false;
    note->service = info->service_ids[s];
    note->per_month = t->mean;
    note->surges = info->surges && *info->surges ? info->surges : NULL;
    ss_trend_window(info->start_date, info->warmup_days, info->horizon_days, note->from, note->to);
    return true;
}
