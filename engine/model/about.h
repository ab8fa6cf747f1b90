/* about: what a reviewer is told about a model, read back from its resolved scenario text (the
 * text `samsim show` prints and the store keeps with every run): its name, its description, and
 * the effect assumptions (effect()) it declares, its rule files' among them (the text's header
 * names those: scenario.c).
 *
 * Reading the text, not the engine's state, serves a scenario just loaded and a run read from a
 * database alike.  The text runs in a sandbox with its own limits (a database may come from
 * anywhere), with cite/assume/effect/calibrated rebuilt as tags. */
#ifndef SS_ABOUT_H
#define SS_ABOUT_H

#include <stdbool.h>

#include "diag.h"

typedef struct ss_effect_assumption {
    char *path;   /* "handoffs.co_location.delay" */
    char *value;  /* "0.7", as Lua writes it on one line */
    char *why;    /* the effect's text */
    char *why_nb; /* its Norwegian text beside it (reason.h); "" when none */
    char *source; /* where a rule file declares it, "rules/common/triage.lua:29"; "" when the
                   * scenario text does (the text does not say which file) */
} ss_effect_assumption;

typedef struct ss_model_about {
    char *name;         /* the scenario's name (a described overlay's name when one applied) */
    char *description;  /* "" when none */
    char *description_nb;  /* its Norwegian text beside it (reason.h); "" when none */
    char *name_nb;         /* the Norwegian name (several joined as name is); "" when no model has one */
    int neffects;
    ss_effect_assumption *effects;  /* sorted by path */
} ss_model_about;

/* Read resolved (chunkname names it in messages).  0, or -1 with d filled. */
int ss_model_about_read(const char *resolved, const char *chunkname, ss_model_about *out, ss_diag *d);
void ss_model_about_free(ss_model_about *a);

/* The first sentence of a description, cut at a word to at most max bytes with "...": the one
 * line a model gets beside its name. */
void ss_model_about_line(const char *description, char *out, size_t max);
/* The model's name and description in Norwegian when norwegian and it has them, else in English. */
const char *ss_model_about_name(const ss_model_about *a, bool norwegian);
const char *ss_model_about_description(const ss_model_about *a, bool norwegian);

/* The effect assumptions in which a and b differ: declared in one only, or with another value or
 * text.  pairs[k] = {index in a or -1, index in b or -1}; returns how many (at most max),
 * in path order. */
int ss_effects_differing(const ss_model_about *a, const ss_model_about *b, int (*pairs)[2], int max);

#endif
