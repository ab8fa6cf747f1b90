/* fuzz_scenario: the scenario reader on arbitrary bytes.  The input is written as a scenario
 * file and loaded (sandboxed run, extends, validation, model building, the resolved text); an
 * error message is the right outcome for almost every input, a crash or a hang never is. */
#include <stdio.h>

#include "fuzz_common.h"
#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write("scenario.lua", data, size);
    char path[512];
    snprintf(path, sizeof path, "%s/scenario.lua", fuzz_dir());
    ss_diag d = {{0}};
    ss_scenario *sc = ss_scenario_load(path, NULL, &d);
    if (sc && !ss_scenario_text(sc)[0])
        __builtin_trap(); /* a loaded scenario always has its resolved text */
    ss_scenario_free(sc);
    return 0;
}
