/* report_words: the report's words in English and Norwegian, and the sentences both writers use. */
#include "report_parts.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* ==== words, in English and Norwegian ==== */

const char *const report_strings[S_NSTRINGS][2] = {
#define WORD(id, en, nb) [id] = {en, nb},
#include "report_words.h"
#undef WORD
};

/* ==== shared wording ======================================================================================= */

/* Norwegian writes a decimal comma, so an interval's two ends are parted by a semicolon, and a
 * space before a percent sign: "28.1% [15.3%, 40.9%]" becomes "28,1 % [15,3 %; 40,9 %]" (s holds
 * n bytes).  Only figures pass through here. */
void report_localise(const ss_report *r, char *s, size_t n)
{
    if (r->opts.lang != SS_LANG_NB)
        return;
    for (char *p = s; *p; p++) {
        if (*p == ',') *p = ';';
        else if (*p == '.') *p = ',';
    }
    ss_lang_percent(r->opts.lang, s, n);
}

void report_lua_value(const ss_report *r, const char *lua, char *out, size_t n)
{
    snprintf(out, n, "%s", lua);
    ss_lang_figures(r->opts.lang, out);
}

void report_fte_text(const ss_report *r, char *buf, size_t n, double fte, bool signed_)
{
    snprintf(buf, n, signed_ ? "%+.1f" : "%.1f", fte);
    report_localise(r, buf, n);
}

/* A sentence naming option opt and the base, in that order ("B against A"), from string id. */
void report_versus(const ss_report *r, int opt, int id, char *buf, size_t n)
{
    snprintf(buf, n, report_strings[id][r->opts.lang == SS_LANG_NB], r->models[opt + 1].letter,
             report_base_model(r)->letter);
}


/* The sentence that warns about different staffing, or says it is the same. */
bool report_fte_pair(const ss_report *r, double base, double option, char a[32], char b[32], char diff[32])
{
    report_fte_text(r, a, 32, base, false);
    report_fte_text(r, b, 32, option, false);
    report_fte_text(r, diff, 32, option - base, true);
    return fabs(option - base) < 1e-9;
}

void report_staffing_sentence(const ss_report *r, int opt, char *buf, size_t n)
{
    const ss_comparison *c = &r->options[opt].cmp;
    char a[32], b[32], diff[32];
    if (report_fte_pair(r, c->fte_base, c->fte_option, a, b, diff))
        snprintf(buf, n, T(r, S_FTE_SAME), a);
    else
        snprintf(buf, n, T(r, S_FTE_WARN), r->models[opt + 1].letter, b, r->models[0].letter, a, diff);
}

/* What the staffing difference costs a year, when the scenarios give a cost per FTE. */
void report_cost_sentence(const ss_report *r, int opt, char *buf, size_t n)
{
    const ss_comparison *c = &r->options[opt].cmp;
    if (!(c->nok_per_fte_base > 0 && c->nok_per_fte_option > 0)) {
        snprintf(buf, n, "%s", T(r, S_NO_COST));
        return;
    }
    char per[48], diff[48];
    ss_lang_amount(r->opts.lang, per, sizeof per, c->nok_per_fte_option, false);
    ss_lang_amount(r->opts.lang, diff, sizeof diff, c->fte_option * c->nok_per_fte_option - c->fte_base * c->nok_per_fte_base, true);
    snprintf(buf, n, T(r, S_COST), per, diff);
}

/* Words for the last meaningful key of a scenario path. */
typedef struct key_words { const char *key, *en, *nb; } key_words;
static const key_words key_words_table[] = {
    {"fte", "staff (FTE)", "bemanning (årsverk)"},
    {"case_share", "share of staff time for individual cases", "andel av tiden til enkeltsaker"},
    {"staff_share", "share of the staff serving the modelled population", "andel av de ansatte som betjener den modellerte befolkningen"},
    {"slots_per_fte", "case slots per FTE", "saksplasser per årsverk"},
    {"slots", "case slots", "saksplasser"},
    {"hours_per_fte_week", "case hours per FTE a week", "timer til saker per årsverk per uke"},
    {"case_hours", "hours a week per case", "timer per sak per uke"},
    {"target_wait_days", "target wait (days)", "mål for ventetid (dager)"},
    {"intake", "intake assessment (days)", "inntaksvurdering (dager)"},
    {"episode", "episode length (days)", "forløpets lengde (dager)"},
    {"eligibility", "who is eligible", "hvem som har rett"},
    {"next", "where cases go next", "hvor sakene går videre"},
    {"queue", "queue order", "køordning"},
    {"accept", "acceptance rule", "regel for å ta imot"},
    {"at_age", "what happens at an age boundary", "hva som skjer ved en aldersgrense"},
    {"unit", "organisational unit", "organisatorisk enhet"},
    {"capacity", "capacity", "kapasitet"},
    {"per_1000_per_year", "new concerns per 1,000 a year", "nye henvendelser per 1000 per år"},
    {"complex_share", "share with long-term and complex needs", "andel med langvarige og sammensatte behov"},
    {"route", "where the door sends concerns", "hvor inngangen sender henvendelsene"},
    {"door", "entry doors", "innganger"},
    {"horizon_days", "simulated days", "simulerte dager"},
    {"warmup_days", "warm-up days", "dager innkjøring"},
    {"count", "persons", "personer"},
    {"growth", "growth a year", "vekst per år"},
    {"name", "name", "navn"},
    {"seasonality", "seasonal pattern", "sesongmønster"},
    /* the parts of a scenario, as the subject of a change */
    {"demand", "demand (new concerns)", "etterspørsel (nye henvendelser)"},
    {"doors", "door", "inngang"},
    {"organisation", "organisation", "organisering"},
    {"buildings", "building", "bygg"},
    {"units", "unit", "enhet"},
    {"leaders", "leader", "leder"},
    {"sectors", "sector", "sektor"},
    {"building", "building", "bygg"},
    {"leader", "leader", "leder"},
    {"sector", "sector", "sektor"},
    {"handoffs", "hand-offs", "overganger"},
    {"delay", "delay (days)", "forsinkelse (dager)"},
    {"info_loss", "information lost", "informasjon som går tapt"},
    {"lost", "people lost", "personer som faller ut"},
    {"rejection", "referrals rejected", "henvisninger som avvises"},
    {"co_location", "in one building", "i samme bygg"},
    {"shared_log", "with a shared case log", "med felles logg"},
    {"coordination", "coordination", "koordinering"},
    {"calendar", "calendar", "kalender"},
    {"population", "population", "befolkning"},
    {"parameters", "rule parameter", "regelparameter"},
    {"right_first_time", "share routed right the first time", "andel sendt riktig første gang"},
    {"resolved_on_spot", "share met on the spot", "andel løst på stedet"},
    {"costs", "costs", "kostnader"},
    /* values of the scenario's vocabulary (capacity kinds) */
    {"case_slots", "case slots", "saksplasser"},
    {"staffed_hours", "staffed hours", "bemannede timer"},
    {"places", "places", "plasser"},
    {"nok_per_fte", "NOK per FTE", "kroner per årsverk"},
    /* coordination and meetings */
    {"offer_delay", "time until an individual plan is offered (days)", "tid til tilbud om individuell plan (dager)"},
    {"responsibility_group", "responsibility group", "ansvarsgruppe"},
    {"hours", "hours per service at each responsibility-group meeting", "timer per tjeneste på hvert ansvarsgruppemøte"},
    {"every_weeks", "weeks between meetings", "uker mellom møtene"},
    /* rule files whose parameters a change names (parameters.ID.x), by what they decide */
    {"arena_team", "the rule of the teams at the arenas", "regelen for teamene på arenaene"},
    {"gp_route", "the rule for where the GP refers", "regelen for hvor fastlegen henviser"},
    {"gp_triage", "the GP's triage rule", "fastlegens sorteringsregel"},
    {"self_route", "the rule for self-referrals", "regelen for henvendelser folk gjør selv"},
    {"fph_next", "the rule for where FPH sends on", "regelen for hvor FPH sender videre"},
    {"vedtak_route", "the rule for where a vedtak sends a person", "regelen for hvor et vedtak sender personen"},
};

/* Keys that qualify their parent ("offer_delay.mean"): said after the parent's words. */
static const key_words qualifier_table[] = {
    {"mean", "mean", "snitt"},
};

static const char *words_for(const ss_report *r, const char *key);

/* A value of the scenario's own vocabulary ("case_slots") in words, else NULL. */
const char *report_value_word(const ss_report *r, const char *value)
{
    return strchr(value, '_') ? words_for(r, value) : NULL;
}

static const char *words_for(const ss_report *r, const char *key)
{
    for (size_t i = 0; i < sizeof key_words_table / sizeof key_words_table[0]; i++)
        if (strcmp(key_words_table[i].key, key) == 0)
            return r->opts.lang == SS_LANG_NB ? key_words_table[i].nb : key_words_table[i].en;
    return NULL;
}

static const char *qualifier_for(const ss_report *r, const char *key)
{
    for (size_t i = 0; i < sizeof qualifier_table / sizeof qualifier_table[0]; i++)
        if (strcmp(qualifier_table[i].key, key) == 0)
            return r->opts.lang == SS_LANG_NB ? qualifier_table[i].nb : qualifier_table[i].en;
    return NULL;
}

static bool is_service_id(const ss_report *r, const char *id)
{
    for (int s = 0; s < r->nsvc; s++)
        if (strcmp(r->svc_id[s], id) == 0)
            return true;
    return false;
}

const char *report_part_name(const ss_report *r, const char *kind, const char *id)
{
    for (int i = 0; i < r->nnames; i++)
        if (strcmp(r->names[i].kind, kind) == 0 && strcmp(r->names[i].id, id) == 0)
            return r->names[i].name;
    return NULL;
}

/* A door by the name people know it by, quoted as the language quotes ("door «Fastlege»"), else
 * by its id. */
static void door_subject(const ss_report *r, const char *word, const char *id, char *subject, size_t n)
{
    const char *name = report_part_name(r, "doors", id);
    if (!name)
        snprintf(subject, n, "%s %s", word, id);
    else if (r->opts.lang == SS_LANG_NB)
        snprintf(subject, n, "%s «%s»", word, name);
    else
        snprintf(subject, n, "%s “%s”", word, name);
}

/* The subject a key path's parts name: a service by its name, a door by its name, "rule
 * parameter triage", or the first part in words.  Returns how many parts it took (1 or 2). */
static int plain_subject(const ss_report *r, int opt, char *const *parts, int np, char *subject, size_t n)
{
    if (strcmp(parts[0], "services") == 0 && np > 1) {
        const ss_stored_run *run = &report_base_model(r)->run;
        int s = report_service_in(run, parts[1]);
        if (s < 0) {
            run = &r->models[opt + 1].run;
            s = report_service_in(run, parts[1]);
        }
        snprintf(subject, n, "%s", s >= 0 ? report_service_name(run, s) : parts[1]);
        return 2;
    }
    const char *w = words_for(r, parts[0]);
    if (np > 1 && strcmp(parts[0], "doors") == 0) {
        door_subject(r, w, parts[1], subject, n);
        return 2;
    }
    const char *rule = np > 1 && strcmp(parts[0], "parameters") == 0 ? words_for(r, parts[1]) : NULL;
    if (rule) {  /* a rule file's parameters by what the rule decides */
        snprintf(subject, n, "%s", rule);
        return 2;
    }
    if (np > 1 && (strcmp(parts[0], "population") == 0 ||
                   strcmp(parts[0], "demand") == 0 || strcmp(parts[0], "parameters") == 0)) {
        snprintf(subject, n, "%s %s", w ? w : parts[0], parts[1]);
        return 2;
    }
    snprintf(subject, n, "%s", w ? w : parts[0]);
    return 1;
}

/* "Forebyggende psykisk helsetjeneste: staff (FTE)" for services.fph.fte; other paths keep their
 * first part as the subject and name the most specific key that has words (false: none has). */
bool report_plain_words(const ss_report *r, int opt, const char *path, char *out, size_t n)
{
    char copy[1024], *parts[32];
    int np = 0;
    snprintf(copy, sizeof copy, "%s", path);
    for (char *save = NULL, *p = strtok_r(copy, ".", &save); p && np < 32; p = strtok_r(NULL, ".", &save))
        parts[np++] = p;
    if (np == 0) {
        snprintf(out, n, "%s", path);
        return false;
    }
    char subject[300];
    int rest = plain_subject(r, opt, parts, np, subject, sizeof subject);
    const char *what = NULL, *qualifier = np - 1 > rest ? qualifier_for(r, parts[np - 1]) : NULL;
    for (int i = np - 1 - (qualifier != NULL); i >= rest && !what; i--)
        if (!is_service_id(r, parts[i]))  /* "route.intake": intake names a service here */
            what = words_for(r, parts[i]);
    if (what && qualifier) {
        snprintf(out, n, "%s: %s, %s", subject, what, qualifier);
        return true;
    }
    if (!what && rest == np)
        what = T(r, S_AS_A_WHOLE);  /* a whole service, door or cohort added or removed */
    snprintf(out, n, "%s: %s", subject, what ? what : np > rest ? path + (parts[rest] - copy) : parts[np - 1]);
    return what != NULL;
}

const char *report_kind_word(const ss_report *r, const char *kind)
{
    if (strcmp(kind, "source") == 0)
        return T(r, S_KIND_SOURCE);
    if (strcmp(kind, "assumption") == 0)
        return T(r, S_KIND_ASSUMPTION);
    if (strcmp(kind, "calibrated") == 0)
        return T(r, S_KIND_CALIBRATED);
    if (strcmp(kind, "effect") == 0)
        return T(r, S_KIND_EFFECT);
    return kind;
}

/* Register entries of option o that the base lacks or holds differently. */
bool report_register_differs(const ss_report *r, const ss_register_entry *e)
{
    for (int i = 0; i < r->nreg; i++)
        if (strcmp(r->reg[i].path, e->path) == 0)
            return strcmp(r->reg[i].value, e->value) || strcmp(r->reg[i].kind, e->kind) || strcmp(r->reg[i].text, e->text);
    return true;
}

int report_count_missing(const ss_register_entry *e, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += strcmp(e[i].kind, "missing") == 0;
    return k;
}

const char *report_row_subject(const ss_report *r, const ss_compare_row *row)
{
    if (!*row->subject)
        return T(r, S_ALL_SERVICES);
    const ss_stored_run *base = &report_base_model(r)->run;
    int s = report_service_in(base, row->subject);
    return s >= 0 ? report_service_name(base, s) : row->subject;
}

/* The comparison whose rows the results tables show: the option's, or the base against itself. */
const ss_comparison *report_results_of(const ss_report *r, int opt)
{
    return opt >= 0 ? &r->options[opt].cmp : &r->self;
}

