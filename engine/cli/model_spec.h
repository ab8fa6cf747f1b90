/* model_spec: a model as written on the command line of `compare` and `audit`: a scenario file,
 * a scenario with overlays ("BASE.lua+models/x.lua+models/y.lua"), or "+models/x.lua" for the
 * first model plus overlays.  An overlay named after '+' is looked for beside the scenario first
 * (models/ lives in scenarios/), then from the current folder. */
#ifndef SS_MODEL_SPEC_H
#define SS_MODEL_SPEC_H

#define SS_SPEC_MAX_OVERLAYS 16

typedef struct ss_model_spec {
    char file[1024];                 /* scenario file */
    char overlay_paths[SS_SPEC_MAX_OVERLAYS][1024];
    const char *overlays[SS_SPEC_MAX_OVERLAYS];  /* point into overlay_paths */
    int noverlays;
} ss_model_spec;

/* Parse spec (model `letter` of command cmd) into out; base is the first model's, or NULL when
 * there is none to add overlays to.  0, or an exit code after printing the error. */
int ss_model_spec_parse(const char *cmd, const char *letter, const char *spec, const ss_model_spec *base,
                        ss_model_spec *out);

#endif
