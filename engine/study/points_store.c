/* points_store: a study's points in its results file (see points_store.h). */
#include "points_store.h"

#include <assert.h>

#include "calibrations.h"
#include "robustness.h"
#include "sensitivities.h"

/* The points of a part stored already, when the study was found stored. */
static int stored(void *ud, const ss_points_part *part, long npoints, int noutputs, double *y, unsigned char *have,
                  long *nhave, ss_diag *d)
{
    ss_points_store *ps = ud;
    assert(ps->store && "the study's started hook opens the store before any point");
    *nhave = 0;
    if (!ps->resumed) return 0;
    switch (ps->kind) {
    case SS_POINTS_SENSITIVITY:
        return ss_store_sensitivity_stored(ps->store, ps->study_id, part->name, npoints, noutputs, y, have, nhave, d);
    case SS_POINTS_CALIBRATION:
        return ss_store_calibration_stored(ps->store, ps->study_id, part->number, npoints, noutputs, y, have, nhave, d);
    case SS_POINTS_ROBUST:
        return ss_store_robust_stored(ps->store, ps->study_id, npoints, noutputs, y, have, nhave, d);
    }
    return 0;
}

static int point_done(void *ud, const ss_points_part *part, long point, const double *values, int nvalues,
                      const double *outputs, int noutputs, ss_diag *d)
{
    ss_points_store *ps = ud;
    assert(ps->store && point >= 0);
    switch (ps->kind) {
    case SS_POINTS_SENSITIVITY:
        return ss_store_sensitivity_point(ps->store, ps->study_id, part->name, point, values, nvalues, outputs,
                                          noutputs, d);
    case SS_POINTS_CALIBRATION: {
        assert(ps->calib && noutputs == 2 * ps->calib->ntargets);
        double max_i = ss_calib_max_i(ps->calib, outputs);
        return ss_store_calibration_point(ps->store, ps->study_id, part->number, point, values, nvalues, outputs,
                                          noutputs, max_i, max_i < ps->cutoff, d);
    }
    case SS_POINTS_ROBUST:
        return ss_store_robust_sample(ps->store, ps->study_id, point, values, nvalues, outputs, noutputs, d);
    }
    return 0;
}

ss_points_hooks ss_points_store_hooks(ss_points_store *ps)
{
    return (ss_points_hooks){.stored = stored, .point_done = point_done, .ud = ps};
}

ss_store *ss_points_store_open(ss_points_store *ps, ss_diag *d)
{
    assert(ps->db && !ps->store);
    ps->store = ss_store_open(ps->db, d);
    return ps->store;
}
