/* model_spec: a model as written on the command line (model_spec.h). */
#include "model_spec.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "overlay_path.h"

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int add_overlay(const char *cmd, const char *letter, const char *spec, ss_model_spec *m, const char *name)
{
    if (m->noverlays == SS_SPEC_MAX_OVERLAYS)
        return ss_cli_usage_error(cmd, "%s '%s': at most %d overlays", letter, spec, SS_SPEC_MAX_OVERLAYS);
    char *out = m->overlay_paths[m->noverlays];
    ss_diag d;
    if (ss_overlay_locate(m->file, name, out, sizeof m->overlay_paths[m->noverlays], &d) < 0) {
        fprintf(stderr, "samsim %s: %s '%s': %s\n", cmd, letter, spec, d.msg);
        return SS_EXIT_MODEL;
    }
    m->overlays[m->noverlays] = out;
    m->noverlays++;
    return 0;
}

int ss_model_spec_parse(const char *cmd, const char *letter, const char *spec, const ss_model_spec *base,
                        ss_model_spec *m)
{
    memset(m, 0, sizeof *m);
    if (is_file(spec)) {
        snprintf(m->file, sizeof m->file, "%s", spec);
        return 0;
    }
    char copy[1024], *save = NULL;
    snprintf(copy, sizeof copy, "%s", spec);
    const char *head = spec[0] == '+' ? "" : strtok_r(copy, "+", &save);
    if (spec[0] == '+')
        save = copy + 1;
    if (!*head || strcmp(head, "BASE") == 0) {
        if (!base)
            return ss_cli_usage_error(cmd, "%s '%s': '+' adds overlays to the base, which must be a scenario file", letter, spec);
        snprintf(m->file, sizeof m->file, "%s", base->file);
        for (int i = 0; i < base->noverlays; i++) {
            snprintf(m->overlay_paths[i], sizeof m->overlay_paths[i], "%s", base->overlay_paths[i]);
            m->overlays[i] = m->overlay_paths[i];
        }
        m->noverlays = base->noverlays;
    } else {
        snprintf(m->file, sizeof m->file, "%s", head);
    }
    for (char *part = strtok_r(NULL, "+", &save); part; part = strtok_r(NULL, "+", &save)) {
        int code = add_overlay(cmd, letter, spec, m, part);
        if (code)
            return code;
    }
    return 0;
}
