/* report: from a results database to a reviewer's report (see report.h).
 *
 * Everything comes from the .db file: the runs, their per-replication metrics, series, flows
 * and wait histograms, and the resolved scenario text each run stored.  The resolved text is
 * read back in the Lua sandbox (cite/assume kept), never by loading scenario files, so a report
 * can be rebuilt on a machine that has only the database.  Charts are drawn by gnuplot, run as a
 * child process that writes SVG to a temporary file, which is then inlined. */
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <spawn.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <lauxlib.h>

#include "parse.h"
#include "version.h"
#include "sandbox.h"

extern char **environ;

/* ==== growable text ============================================================================ */

typedef struct sbuf {
    char *s;
    size_t n, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *p = realloc(b->s, cap);
        if (!p)
            abort();  /* a report is small; running out here is not something to recover from */
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void sb_str(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

static void sb_fmt(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_fmt(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    char *tmp = malloc((size_t)k + 1);
    if (!tmp)
        abort();
    va_start(ap, fmt);
    vsnprintf(tmp, (size_t)k + 1, fmt, ap);
    va_end(ap);
    sb_add(b, tmp, (size_t)k);
    free(tmp);
}

/* Text into HTML: the five characters that could open markup or end an attribute. */
static void sb_html(sbuf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': sb_str(b, "&amp;"); break;
        case '<': sb_str(b, "&lt;"); break;
        case '>': sb_str(b, "&gt;"); break;
        case '"': sb_str(b, "&quot;"); break;
        case '\'': sb_str(b, "&#39;"); break;
        default: sb_add(b, s, 1);
        }
    }
}

/* Text into a Markdown table cell: a pipe would end the cell, a line break the row. */
static void sb_md(sbuf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '|') sb_str(b, "\\|");
        else if (*s == '\n') sb_str(b, " ");
        else sb_add(b, s, 1);
    }
}

static char *dup_or_empty(const char *s) { return strdup(s ? s : ""); }

/* ==== words, in English and Norwegian ============================================================ */

typedef enum {
    S_TITLE, S_DATABASE, S_CONTENTS, S_QUESTION, S_QUESTION_TEXT, S_QUESTION_SINGLE, S_MODEL, S_SCENARIO,
    S_RUN, S_FTE_TOTAL, S_REPS, S_SEED, S_BASE, S_CHANGES, S_CHANGES_VS, S_NO_CHANGES, S_PARAM, S_OLD,
    S_NEW, S_ADDED, S_REMOVED, S_RULES_SAME, S_RULES_DIFF, S_FTE_WARN, S_FTE_SAME, S_NO_COST, S_COST, S_RESULTS,
    S_HOWTO, S_SERVICE, S_RESULT, S_DIFF, S_CHANGE, S_BEYOND, S_NARROW, S_YES, S_NO, S_ALL_SERVICES,
    S_PAIRING, S_ALL_RESULTS, S_CHARTS, S_FIG_WAITS, S_FIG_WAITS_NOTE, S_AX_WAIT_X, S_AX_WAIT_Y,
    S_FIG_QUEUES, S_FIG_QUEUES_NOTE, S_AX_QUEUE_Y, S_WARMUP, S_FIG_CASELOAD, S_FIG_CASELOAD_NOTE,
    S_AX_CASELOAD_Y, S_FIG_FLOWS, S_FIG_FLOWS_NOTE, S_FROM, S_TO, S_NEW_CONCERN, S_LEAVES, S_AX_FLOWS_X,
    S_FIG_COMPLIANCE, S_COMPLIANCE_NOTE, S_NO_COORDINATION, S_NO_COORDINATION_ENGINE, S_NO_COMPLIANCE, S_AX_COMPLIANCE_Y,
    S_FIG_COORDINATION,
    S_NO_GNUPLOT, S_CHART_FAILED, S_REGISTER, S_REGISTER_NOTE, S_KIND, S_SOURCE_OR_REASON, S_VALUE,
    S_KIND_SOURCE, S_KIND_ASSUMPTION, S_KIND_CALIBRATED, S_KIND_EFFECT, S_MISSING, S_REGISTER_CHANGED, S_REGISTER_SAME, S_REPRO,
    S_REPRO_NOTE, S_ENGINE, S_SCEN_HASH, S_RULES_HASH, S_PERIOD, S_PERIOD_FMT, S_COMMAND, S_STARTED,
    S_COMPARE_CMD, S_REPORT_CMD, S_MD_CHARTS, S_ONLY_BASE, S_IN_WORDS, S_NO_QUEUE, S_WAITS_QUICK, S_AS_A_WHOLE, S_NSTRINGS
} string_id;

static const char *const strings[S_NSTRINGS][2] = {
    [S_TITLE] = {"Comparison of organisational models", "Sammenligning av organisasjonsmodeller"},
    [S_DATABASE] = {"Database", "Database"},
    [S_CONTENTS] = {"Contents", "Innhold"},
    [S_QUESTION] = {"The question and the models compared", "Spørsmålet og modellene som sammenlignes"},
    [S_QUESTION_TEXT] = {"What happens to waiting times, queues, caseloads and hand-offs in %s if the services are organised as in %s instead of as in %s? And how sure can we be?",
                         "Hva skjer med ventetider, køer, saksmengde og overganger i %s hvis tjenestene organiseres som i %s i stedet for som i %s? Og hvor sikre kan vi være?"},
    [S_QUESTION_SINGLE] = {"How do waiting times, queues, caseloads and hand-offs look in %s, and how sure can we be?",
                           "Hvordan ser ventetider, køer, saksmengde og overganger ut i %s, og hvor sikre kan vi være?"},
    [S_MODEL] = {"Model", "Modell"},
    [S_SCENARIO] = {"Scenario", "Scenario"},
    [S_RUN] = {"Run", "Kjøring"},
    [S_FTE_TOTAL] = {"Total FTE", "Årsverk i alt"},
    [S_REPS] = {"Replications", "Replikasjoner"},
    [S_SEED] = {"Seed", "Frø"},
    [S_BASE] = {"base", "utgangspunkt"},
    [S_CHANGES] = {"What each model changes", "Hva hver modell endrer"},
    [S_CHANGES_VS] = {"%s compared with %s", "%s sammenlignet med %s"},
    [S_NO_CHANGES] = {"No parameter differs: %s is the same scenario as %s.", "Ingen parametere er ulike: %s er samme scenario som %s."},
    [S_PARAM] = {"Parameter", "Parameter"},
    [S_OLD] = {"Before", "Før"},
    [S_NEW] = {"After", "Etter"},
    [S_ADDED] = {"added", "lagt til"},
    [S_REMOVED] = {"removed", "fjernet"},
    [S_RULES_SAME] = {"The rule files are the same.", "Regelfilene er de samme."},
    [S_RULES_DIFF] = {"The rule files differ (rules hash %.12s against %.12s).", "Regelfilene er ulike (regel-hash %.12s mot %.12s)."},
    [S_FTE_WARN] = {"Warning: the models differ in total staffing: %s has %s FTE and %s has %s FTE (%s FTE).",
                    "Advarsel: modellene har ulik bemanning i alt: %s har %s årsverk og %s har %s årsverk (%s årsverk)."},
    [S_FTE_SAME] = {"Both models have the same total staffing (%s FTE).", "Begge modellene har samme bemanning i alt (%s årsverk)."},
    [S_NO_COST] = {"The scenarios give no cost per FTE, so the difference is shown in FTE only.",
                   "Scenarioene oppgir ingen kostnad per årsverk, så forskjellen vises bare i årsverk."},
    [S_COST] = {"At %s NOK per FTE a year (costs.nok_per_fte), that is %s NOK a year.",
                "Med %s kroner per årsverk i året (costs.nok_per_fte) er det %s kroner i året."},
    [S_RESULTS] = {"Key results", "Hovedresultater"},
    [S_HOWTO] = {"Each figure is the mean over %d replications with its 95 %% confidence interval in brackets. The difference is paired: replication i of every model saw the same people arrive at the same times (common random numbers), so it is estimated replication by replication. \"Beyond noise\" means that the paired interval excludes zero.",
                 "Hvert tall er gjennomsnittet over %d replikasjoner med 95 %% konfidensintervall i klammer. Forskjellen er parvis: replikasjon i av hver modell fikk de samme personene på de samme tidspunktene (felles tilfeldige tall), så den beregnes replikasjon for replikasjon. «Utenfor støyen» betyr at det parvise intervallet ikke inneholder null."},
    [S_SERVICE] = {"Service", "Tjeneste"},
    [S_RESULT] = {"Result", "Resultat"},
    [S_DIFF] = {"difference", "forskjell"},
    [S_CHANGE] = {"Change", "Endring"},
    [S_BEYOND] = {"Beyond noise", "Utenfor støyen"},
    [S_NARROW] = {"Paired / unpaired width", "Parvis / uparet bredde"},
    [S_YES] = {"yes", "ja"},
    [S_NO] = {"no", "nei"},
    [S_ALL_SERVICES] = {"All services", "Alle tjenester"},
    [S_PAIRING] = {"Pairing narrowed the intervals: the paired intervals are a median %.0f %% as wide as unpaired ones would be (%d results).",
                   "Parvis sammenligning gjorde intervallene smalere: de parvise intervallene er i median %.0f %% så brede som uparede ville vært (%d resultater)."},
    [S_ALL_RESULTS] = {"All results (every metric)", "Alle resultater (alle mål)"},
    [S_CHARTS] = {"Charts", "Figurer"},
    [S_FIG_WAITS] = {"Waiting-time distribution per service", "Fordeling av ventetid per tjeneste"},
    [S_FIG_WAITS_NOTE] = {"Share of first contacts by days waited from referral to first contact, in two-week bins; mean over replications.",
                          "Andel første kontakter etter antall dager fra henvisning til første kontakt, i bolker på to uker; gjennomsnitt over replikasjonene."},
    [S_AX_WAIT_X] = {"days from referral to first contact", "dager fra henvisning til første kontakt"},
    [S_AX_WAIT_Y] = {"% of first contacts", "% av første kontakter"},
    [S_FIG_QUEUES] = {"Queue length over time", "Kø over tid"},
    [S_FIG_QUEUES_NOTE] = {"Cases waiting for first contact. The line is the mean over replications; the band holds the middle 80 % of replications. The grey area is the warm-up, which is not counted in the results.",
                           "Saker som venter på første kontakt. Linjen er gjennomsnittet over replikasjonene; båndet rommer de midterste 80 % av replikasjonene. Det grå feltet er oppvarmingen, som ikke telles med i resultatene."},
    [S_AX_QUEUE_Y] = {"cases waiting", "saker i kø"},
    [S_WARMUP] = {"warm-up", "oppvarming"},
    [S_FIG_CASELOAD] = {"Caseload per FTE per service", "Saker per årsverk per tjeneste"},
    [S_FIG_CASELOAD_NOTE] = {"Time-average open cases per FTE; the whiskers are the 95 % confidence interval.",
                             "Tidsgjennomsnitt av åpne saker per årsverk; strekene viser 95 % konfidensintervall."},
    [S_AX_CASELOAD_Y] = {"open cases per FTE", "åpne saker per årsverk"},
    [S_FIG_FLOWS] = {"Flows between services", "Flyt mellom tjenester"},
    [S_FIG_FLOWS_NOTE] = {"Persons moving from one service to another, entering or leaving: mean per replication over the %g measured days.",
                          "Personer som går fra én tjeneste til en annen, kommer inn eller går ut: gjennomsnitt per replikasjon over de %g målte dagene."},
    [S_FROM] = {"From", "Fra"},
    [S_TO] = {"To", "Til"},
    [S_NEW_CONCERN] = {"new concern", "ny henvendelse"},
    [S_LEAVES] = {"leaves", "går ut"},
    [S_AX_FLOWS_X] = {"persons per replication", "personer per replikasjon"},
    [S_FIG_COMPLIANCE] = {"Coordination and compliance", "Koordinering og lovkrav"},
    [S_COMPLIANCE_NOTE] = {"Targets, legal time limits and coordination, with 95 % confidence intervals: every such figure these runs hold.",
                           "Mål, lovens frister og koordinering, med 95 % konfidensintervall: alle slike tall disse kjøringene har."},
    [S_NO_COORDINATION] = {"These runs have no coordination figures (individual plan, coordinator, responsibility groups; helse- og omsorgstjenesteloven §§ 7-1 to 7-3): the scenario does not model coordination, so none are shown.",
                           "Disse kjøringene har ingen tall for koordinering (individuell plan, koordinator, ansvarsgrupper; helse- og omsorgstjenesteloven §§ 7-1 til 7-3): scenarioet modellerer ikke koordinering, så ingen slike tall vises."},
    [S_NO_COORDINATION_ENGINE] = {"The engine does not yet measure coordination (individual plan, coordinator; helse- og omsorgstjenesteloven §§ 7-1 to 7-3), so there are no such figures.",
                                  "Motoren måler ennå ikke koordinering (individuell plan, koordinator; helse- og omsorgstjenesteloven §§ 7-1 til 7-3), så det finnes ingen slike tall."},
    [S_FIG_COORDINATION] = {"Coordination and decisions, all services", "Koordinering og vedtak, alle tjenester"},
    [S_NO_COMPLIANCE] = {"No service in these runs has a target wait, so there are no compliance figures to show.",
                         "Ingen tjeneste i disse kjøringene har mål for ventetid, så det finnes ingen tall for lovkrav å vise."},
    [S_AX_COMPLIANCE_Y] = {"% over the target wait", "% over målet for ventetid"},
    [S_NO_GNUPLOT] = {"Charts are missing: %s. The tables hold every figure.", "Figurene mangler: %s. Tabellene inneholder alle tallene."},
    [S_CHART_FAILED] = {"This chart could not be drawn: %s", "Denne figuren kunne ikke tegnes: %s"},
    [S_REGISTER] = {"Assumptions register", "Antakelsesregister"},
    [S_REGISTER_NOTE] = {"Every number in the base model (%s) with its source or the assumption behind it, read from the resolved scenario stored with the run.",
                         "Hvert tall i utgangsmodellen (%s) med kilde eller antakelsen bak, lest fra det ferdige scenarioet som er lagret med kjøringen."},
    [S_KIND] = {"Kind", "Type"},
    [S_SOURCE_OR_REASON] = {"Source or reason", "Kilde eller begrunnelse"},
    [S_VALUE] = {"Value", "Verdi"},
    [S_KIND_SOURCE] = {"source", "kilde"},
    [S_KIND_ASSUMPTION] = {"assumption", "antakelse"},
    [S_KIND_CALIBRATED] = {"calibrated", "kalibrert"},
    [S_KIND_EFFECT] = {"effect assumption", "antatt effekt"},
    [S_MISSING] = {"%d numbers have neither a source nor a stated assumption", "%d tall har verken kilde eller oppgitt antakelse"},
    [S_REGISTER_CHANGED] = {"Values that differ in %s", "Verdier som er ulike i %s"},
    [S_REGISTER_SAME] = {"%s rests on the same sources and assumptions as %s.", "%s bygger på de samme kildene og antakelsene som %s."},
    [S_REPRO] = {"Reproducibility", "Reproduserbarhet"},
    [S_REPRO_NOTE] = {"The same engine version, scenario (hash), rules (hash), seed and number of replications give the same figures, byte for byte.",
                      "Samme motorversjon, scenario (hash), regler (hash), frø og antall replikasjoner gir de samme tallene, byte for byte."},
    [S_ENGINE] = {"Engine version", "Motorversjon"},
    [S_SCEN_HASH] = {"Scenario hash", "Scenario-hash"},
    [S_RULES_HASH] = {"Rules hash", "Regel-hash"},
    [S_PERIOD] = {"Period", "Periode"},
    [S_PERIOD_FMT] = {"from %s, %g days, of which %g days warm-up", "fra %s, %g dager, hvorav %g dager oppvarming"},
    [S_COMMAND] = {"Command", "Kommando"},
    [S_STARTED] = {"Run at", "Kjørt"},
    [S_COMPARE_CMD] = {"The comparison was made with", "Sammenligningen ble laget med"},
    [S_REPORT_CMD] = {"This report was built from the database alone, without running anything again, with",
                      "Denne rapporten ble laget fra databasen alene, uten ny kjøring, med"},
    [S_MD_CHARTS] = {"The charts are in the HTML version of this report.", "Figurene finnes i HTML-versjonen av rapporten."},
    [S_ONLY_BASE] = {"Only one model: there is nothing to compare it with.", "Bare én modell: det er ingenting å sammenligne med."},
    [S_IN_WORDS] = {"In plain words", "Med vanlige ord"},
    [S_WAITS_QUICK] = {"Every first contact came within two weeks, in every model, at: %s.",
                        "Alle første kontakter kom innen to uker, i alle modellene, ved: %s."},
    [S_AS_A_WHOLE] = {"as a whole", "som helhet"},
    [S_NO_QUEUE] = {"No service has a queue worth drawing (a mean below half a case).", "Ingen tjeneste har kø verdt å tegne (under en halv sak i snitt)."},
};

#define T(r, id) (strings[id][(r)->opts.lang == SS_LANG_NB])

/* ==== the results database ========================================================================= */

struct ss_results_db {
    sqlite3 *db;
    char *path;
};

const char *ss_results_db_path(const ss_results_db *db) { return db->path; }

static bool has_table(sqlite3 *db, const char *name, int *rc)
{
    sqlite3_stmt *s = NULL;
    *rc = sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &s, NULL);
    if (*rc != SQLITE_OK)
        return false;
    sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
    *rc = sqlite3_step(s);
    bool yes = *rc == SQLITE_ROW;
    if (*rc == SQLITE_ROW || *rc == SQLITE_DONE)
        *rc = SQLITE_OK;
    sqlite3_finalize(s);
    return yes;
}

ss_results_db *ss_results_db_open(const char *path, ss_diag *d)
{
    struct stat stt;
    if (stat(path, &stt) != 0 || !S_ISREG(stt.st_mode)) {
        ss_fail(d, "%s: no such file (expected a results database from 'samsim run --db' or 'samsim compare --db')", path);
        return NULL;
    }
    ss_results_db *db = calloc(1, sizeof *db);
    if (!db || !(db->path = strdup(path))) {
        free(db);
        ss_fail(d, "%s: cannot open: out of memory", path);
        return NULL;
    }
    int rc;
    if (sqlite3_open_v2(path, &db->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        ss_fail(d, "%s: cannot open: %s", path, db->db ? sqlite3_errmsg(db->db) : "out of memory");
        ss_results_db_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db->db, 10000);
    bool runs = has_table(db->db, "runs", &rc);
    if (rc != SQLITE_OK || !runs) {
        ss_fail(d, "%s: not a samsim results database (%s)", path, rc != SQLITE_OK ? sqlite3_errmsg(db->db) : "it has no runs table");
        ss_results_db_close(db);
        return NULL;
    }
    return db;
}

void ss_results_db_close(ss_results_db *db)
{
    if (!db)
        return;
    sqlite3_close(db->db);
    free(db->path);
    free(db);
}

static int db_fail(ss_results_db *db, ss_diag *d, const char *what)
{
    return ss_fail(d, "%s: cannot read %s: %s", db->path, what, sqlite3_errmsg(db->db));
}

static sqlite3_stmt *query(ss_results_db *db, const char *sql, int64_t run_id, ss_diag *d)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db->db, sql, -1, &s, NULL) != SQLITE_OK) {
        db_fail(db, d, "the results");
        return NULL;
    }
    if (sqlite3_bind_parameter_count(s) > 0)
        sqlite3_bind_int64(s, 1, run_id);
    return s;
}

static char *col_text(sqlite3_stmt *s, int i) { return dup_or_empty((const char *)sqlite3_column_text(s, i)); }

static double col_real(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? NAN : sqlite3_column_double(s, i);
}

/* "1, 2, 3" for a message that says which runs exist. */
static void list_runs(ss_results_db *db, char *out, size_t n)
{
    sqlite3_stmt *s = query(db, "SELECT group_concat(run_id, ', ') FROM (SELECT run_id FROM runs ORDER BY run_id)", 0, NULL);
    const char *t = s && sqlite3_step(s) == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
    snprintf(out, n, "%s", t ? t : "");
    sqlite3_finalize(s);
}

static int load_header(ss_results_db *db, int64_t run_id, ss_stored_run *r, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT scenario_name, scenario_path, scenario_hash, rules_hash, engine_version, seed,"
                                " replications, horizon_days, warmup_days, start_date, command_line, started_at,"
                                " finished_at, status, failure, resolved_scenario FROM runs WHERE run_id = ?", run_id, d);
    if (!s)
        return -1;
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE)
            return db_fail(db, d, "the runs");
        char runs[512];
        list_runs(db, runs, sizeof runs);
        return ss_fail(d, "%s: no run %" PRId64 " (%s%s)", db->path, run_id, *runs ? "runs here: " : "the database has no runs", runs);
    }
    r->run_id = run_id;
    r->scenario_name = col_text(s, 0);
    r->scenario_path = col_text(s, 1);
    r->scenario_hash = col_text(s, 2);
    r->rules_hash = col_text(s, 3);
    r->engine_version = col_text(s, 4);
    r->seed = (uint64_t)sqlite3_column_int64(s, 5);
    r->replications = sqlite3_column_int(s, 6);
    r->horizon_days = col_real(s, 7);
    r->warmup_days = col_real(s, 8);
    r->start_date = col_text(s, 9);
    r->command_line = col_text(s, 10);
    r->started_at = col_text(s, 11);
    r->finished_at = col_text(s, 12);
    r->status = col_text(s, 13);
    char *failure = col_text(s, 14);
    r->resolved = col_text(s, 15);
    sqlite3_finalize(s);
    if (strcmp(r->status, "complete") != 0) {
        ss_fail(d, "%s: run %" PRId64 " is not complete (status '%s'%s%s): only complete runs can be compared",
                db->path, run_id, r->status, *failure ? ": " : "", failure);
        free(failure);
        return -1;
    }
    free(failure);
    return 0;
}

static int load_services(ss_results_db *db, ss_stored_run *r, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT service, name, fte FROM services WHERE run_id = ? ORDER BY rowid", r->run_id, d);
    if (!s)
        return -1;
    int cap = 8;
    r->ids = calloc(cap, sizeof *r->ids);
    r->names = calloc(cap, sizeof *r->names);
    r->fte = calloc(cap, sizeof *r->fte);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (r->nservices == cap) {
            cap *= 2;
            r->ids = realloc(r->ids, cap * sizeof *r->ids);
            r->names = realloc(r->names, cap * sizeof *r->names);
            r->fte = realloc(r->fte, cap * sizeof *r->fte);
        }
        if (!r->ids || !r->names || !r->fte)
            abort();
        r->ids[r->nservices] = col_text(s, 0);
        r->names[r->nservices] = col_text(s, 1);
        r->fte[r->nservices] = col_real(s, 2);
        r->nservices++;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(db, d, "the services");
}

static int service_of(const ss_stored_run *r, const char *id)
{
    if (!*id)
        return r->nservices;  /* '' in flows: outside the services */
    for (int i = 0; i < r->nservices; i++)
        if (strcmp(r->ids[i], id) == 0)
            return i;
    return -1;
}

static int rep_of(const ss_stored_run *r, int rep)
{
    for (int i = 0; i < r->nreps; i++)
        if (r->reps[i].rep == rep)
            return i;
    return -1;
}

static int metric_of(const char *scope, const char *name)
{
    bool service = strcmp(scope, "service") == 0;
    const ss_metric_info *t = service ? ss_service_metric_info : ss_system_metric_info;
    int n = service ? SS_SERVICE_METRICS : SS_SYSTEM_METRICS;
    for (int i = 0; i < n; i++)
        if (strcmp(t[i].name, name) == 0)
            return i;
    return -1;
}

static int count_samples(ss_results_db *db, ss_stored_run *r, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT COUNT(DISTINCT day) FROM series WHERE run_id = ?", r->run_id, d);
    int n = s && sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
    sqlite3_finalize(s);
    return n < 0 ? db_fail(db, d, "the series") : n;
}

static int load_replications(ss_results_db *db, ss_stored_run *r, int nsamples, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT rep FROM replications WHERE run_id = ? ORDER BY rep", r->run_id, d);
    if (!s)
        return -1;
    int cap = 16, rc;
    r->reps = calloc(cap, sizeof *r->reps);
    if (!r->reps)
        abort();  /* a few replications' arrays: out of memory here is not worth a message */
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (r->nreps == cap && !(r->reps = realloc(r->reps, (cap *= 2) * sizeof *r->reps)))
            abort();
        if (ss_rep_result_init(&r->reps[r->nreps], sqlite3_column_int(s, 0), r->nservices, nsamples) < 0)
            abort();
        r->nreps++;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(db, d, "the replications");
}

/* A metric a newer samsim wrote, or of a service this run lacks, is skipped, not an error. */
static int load_metrics(ss_results_db *db, ss_stored_run *r, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT rep, scope, subject, metric, value FROM metrics WHERE run_id = ?", r->run_id, d);
    if (!s)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int i = rep_of(r, sqlite3_column_int(s, 0));
        const char *scope = (const char *)sqlite3_column_text(s, 1);
        int m = metric_of(scope, (const char *)sqlite3_column_text(s, 3));
        if (i < 0 || m < 0)
            continue;
        if (strcmp(scope, "system") == 0) {
            r->reps[i].system[m] = col_real(s, 4);
            continue;
        }
        int svc = service_of(r, (const char *)sqlite3_column_text(s, 2));
        if (svc >= 0 && svc < r->nservices)
            ss_rep_service(&r->reps[i], svc)[m] = col_real(s, 4);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(db, d, "the metrics");
}

/* Rows come ordered by (rep, service, day), so the k-th row of a pair is sample k. */
static int load_series(ss_results_db *db, ss_stored_run *r, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT rep, service, day, queue, caseload FROM series WHERE run_id = ? ORDER BY rep, service, day",
                            r->run_id, d);
    if (!s)
        return -1;
    int rc, last_i = -1, last_svc = -1, k = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int i = rep_of(r, sqlite3_column_int(s, 0)), svc = service_of(r, (const char *)sqlite3_column_text(s, 1));
        if (i < 0 || svc < 0 || svc >= r->nservices)
            continue;
        k = i == last_i && svc == last_svc ? k + 1 : 0;
        last_i = i;
        last_svc = svc;
        ss_rep_result *x = &r->reps[i];
        if (k >= x->nsamples)
            continue;
        x->series_day[k] = sqlite3_column_double(s, 2);
        x->series_queue[(long)svc * x->nsamples + k] = col_real(s, 3);
        x->series_caseload[(long)svc * x->nsamples + k] = col_real(s, 4);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(db, d, "the series");
}

static int load_flows(ss_results_db *db, ss_stored_run *r, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT rep, from_service, to_service, persons FROM flows WHERE run_id = ?", r->run_id, d);
    if (!s)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int i = rep_of(r, sqlite3_column_int(s, 0));
        int from = service_of(r, (const char *)sqlite3_column_text(s, 1));
        int to = service_of(r, (const char *)sqlite3_column_text(s, 2));
        if (i >= 0 && from >= 0 && to >= 0)
            *ss_rep_flow(&r->reps[i], from, to) = sqlite3_column_double(s, 3);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(db, d, "the flows");
}

static int load_waits(ss_results_db *db, ss_stored_run *r, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT rep, service, from_days, persons FROM wait_histogram WHERE run_id = ?", r->run_id, d);
    if (!s)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int i = rep_of(r, sqlite3_column_int(s, 0)), svc = service_of(r, (const char *)sqlite3_column_text(s, 1));
        int bin = (int)floor(sqlite3_column_double(s, 2) / SS_WAIT_BIN_DAYS + 0.5);
        if (i >= 0 && svc >= 0 && svc < r->nservices && bin >= 0 && bin < SS_WAIT_BINS)
            r->reps[i].wait_hist[(long)svc * SS_WAIT_BINS + bin] = sqlite3_column_double(s, 3);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(db, d, "the wait histogram");
}

/* cite(), assume(), effect() and calibrated() as the stored scenario text calls them: the value alone. */
static int first_argument(lua_State *L)
{
    lua_settop(L, 1);
    return 1;
}

/* costs.nok_per_fte from the stored resolved scenario (run in the sandbox); 0 when absent. */
static double stored_cost_per_fte(const char *resolved)
{
    if (!resolved) return 0;
    ss_diag d;
    ss_sandbox *sb = ss_sandbox_new(NULL, &d);
    if (!sb) return 0;
    lua_State *L = ss_sandbox_lua(sb);
    double cost = 0;
    ss_sandbox_push_env(sb);                            /* env */
    lua_pushstring(L, "cite");
    lua_pushcfunction(L, first_argument);
    lua_rawset(L, -3);
    static const char *const helpers[] = {"assume", "effect", "calibrated"};
    for (int i = 0; i < 3; i++) {
        lua_pushstring(L, helpers[i]);
        lua_pushcfunction(L, first_argument);
        lua_rawset(L, -3);
    }
    if (ss_sandbox_load(sb, resolved, strlen(resolved), "stored scenario", lua_gettop(L), &d) == 0 &&
        ss_sandbox_call(sb, 0, 1, &d) == 0) {           /* env scenario */
        /* raw: a stored text is data from a file, and its metamethods must not run here */
        if (lua_istable(L, -1) && (lua_pushliteral(L, "costs"), lua_rawget(L, -2)) == LUA_TTABLE &&
            (lua_pushliteral(L, "nok_per_fte"), lua_rawget(L, -2)) == LUA_TNUMBER)
            cost = lua_tonumber(L, -1);
    }
    ss_sandbox_free(sb);
    return cost;
}

/* The ss_study that ss_compare reads: everything borrowed from the stored run. */
static void make_study_view(ss_stored_run *r)
{
    ss_study *st = &r->study;
    memset(st, 0, sizeof *st);
    st->nreps = r->nreps;
    st->reps = r->reps;
    st->run_id = r->run_id;
    st->info = (ss_run_info){
        .engine_version = r->engine_version, .scenario_name = r->scenario_name, .scenario_path = r->scenario_path,
        .scenario_hash = r->scenario_hash, .rules_hash = r->rules_hash, .resolved_text = r->resolved,
        .command_line = r->command_line, .started_at = r->started_at, .seed = r->seed,
        .replications = r->replications, .horizon_days = r->horizon_days, .warmup_days = r->warmup_days,
        .start_date = r->start_date, .nservices = r->nservices,
        .service_ids = (const char *const *)r->ids, .service_names = (const char *const *)r->names,
        .service_fte = r->fte, .nok_per_fte = stored_cost_per_fte(r->resolved)};
}

int ss_stored_run_load(ss_results_db *db, int64_t run_id, unsigned what, ss_stored_run *r, ss_diag *d)
{
    memset(r, 0, sizeof *r);
    int nsamples = 0;
    int rc = load_header(db, run_id, r, d);
    if (rc == 0) rc = load_services(db, r, d);
    if (rc == 0 && (what & SS_LOAD_SERIES)) rc = (nsamples = count_samples(db, r, d)) < 0 ? -1 : 0;
    if (rc == 0) rc = load_replications(db, r, nsamples, d);
    if (rc == 0) rc = load_metrics(db, r, d);
    if (rc == 0 && (what & SS_LOAD_SERIES)) rc = load_series(db, r, d);
    if (rc == 0 && (what & SS_LOAD_FLOWS)) rc = load_flows(db, r, d);
    if (rc == 0 && (what & SS_LOAD_WAITS)) rc = load_waits(db, r, d);
    if (rc < 0) {
        ss_stored_run_free(r);
        return -1;
    }
    make_study_view(r);
    return 0;
}

void ss_stored_run_free(ss_stored_run *r)
{
    char **texts[] = {&r->scenario_name, &r->scenario_path, &r->scenario_hash, &r->rules_hash, &r->engine_version,
                      &r->start_date, &r->command_line, &r->started_at, &r->finished_at, &r->status, &r->resolved};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        free(*texts[i]);
    for (int i = 0; i < r->nservices; i++) {
        free(r->ids[i]);
        free(r->names[i]);
    }
    for (int i = 0; i < r->nreps; i++)
        ss_rep_result_free(&r->reps[i]);
    free(r->reps);
    free(r->ids);
    free(r->names);
    free(r->fte);
    memset(r, 0, sizeof *r);
}

double ss_stored_run_fte(const ss_stored_run *r)
{
    double sum = 0.0;
    for (int i = 0; i < r->nservices; i++)
        if (isfinite(r->fte[i]))
            sum += r->fte[i];
    return sum;
}

/* ==== choosing the runs ============================================================================= */

static int parse_run_list(const char *runs, ss_run_choice *c, ss_diag *d)
{
    char copy[1024], *save = NULL;
    snprintf(copy, sizeof copy, "%s", runs);
    for (char *p = strtok_r(copy, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
        long v;
        if (!ss_parse_count(p, 1, INT32_MAX, &v))
            return ss_fail(d, "--runs: expected run numbers separated by commas, e.g. --runs 1,2, got '%s'", runs);
        for (int i = 0; i < c->n; i++)
            if (c->run_ids[i] == v)
                return ss_fail(d, "--runs: run %ld is listed twice", v);
        if (c->n == SS_REPORT_MAX_RUNS)
            return ss_fail(d, "--runs: at most %d runs fit in one report", SS_REPORT_MAX_RUNS);
        c->run_ids[c->n++] = v;
    }
    if (c->n == 0)
        return ss_fail(d, "--runs: expected run numbers separated by commas, e.g. --runs 1,2, got '%s'", runs);
    return 0;
}

/* The newest comparison: its base first, then its options in the order they were given. */
static int latest_comparison(ss_results_db *db, ss_run_choice *c, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT comparison_id, base_run, base_model, option_run, option_model, command_line"
                                " FROM comparisons WHERE comparison_id = (SELECT MAX(comparison_id) FROM comparisons)"
                                " ORDER BY rowid", 0, d);
    if (!s)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && c->n < SS_REPORT_MAX_RUNS) {
        if (c->n == 0) {
            c->comparison_id = sqlite3_column_int64(s, 0);
            c->run_ids[0] = sqlite3_column_int64(s, 1);
            snprintf(c->models[0], sizeof c->models[0], "%s", sqlite3_column_text(s, 2) ? (const char *)sqlite3_column_text(s, 2) : "");
            snprintf(c->command_line, sizeof c->command_line, "%s", sqlite3_column_text(s, 5) ? (const char *)sqlite3_column_text(s, 5) : "");
            c->n = 1;
        }
        c->run_ids[c->n] = sqlite3_column_int64(s, 3);
        snprintf(c->models[c->n], sizeof c->models[0], "%s", sqlite3_column_text(s, 4) ? (const char *)sqlite3_column_text(s, 4) : "");
        c->n++;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_fail(db, d, "the comparisons");
}

static int complete_runs(ss_results_db *db, ss_run_choice *c, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT run_id FROM runs WHERE status = 'complete' ORDER BY run_id", 0, d);
    if (!s)
        return -1;
    int rc, total = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (c->n < SS_REPORT_MAX_RUNS)
            c->run_ids[c->n++] = sqlite3_column_int64(s, 0);
        total++;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return db_fail(db, d, "the runs");
    if (total == 0)
        return ss_fail(d, "%s: no complete runs to report (store some with 'samsim compare BASE OPTION --db %s')", db->path, db->path);
    if (total > SS_REPORT_MAX_RUNS)
        return ss_fail(d, "%s: %d complete runs and no comparison: choose up to %d with --runs, e.g. --runs 1,2",
                       db->path, total, SS_REPORT_MAX_RUNS);
    return 0;
}

int ss_report_choose_runs(ss_results_db *db, const char *runs, ss_run_choice *c, ss_diag *d)
{
    memset(c, 0, sizeof *c);
    if (runs)
        return parse_run_list(runs, c, d);
    int rc;
    if (has_table(db->db, "comparisons", &rc) && rc == SQLITE_OK) {
        if (latest_comparison(db, c, d) < 0)
            return -1;
        if (c->n > 0)
            return 0;
    }
    return complete_runs(db, c, d);
}

/* ==== reading resolved scenarios in the sandbox ======================================================= */

/* Runs in the sandbox with the stored text, which is data: cite/assume become tagged tables, a
 * diff walks two such tables, and the register lists every tagged value and untagged number.
 * Tables with [1] set (lists, distributions) are compared and printed whole, as scenario.c
 * merges them whole. */
static const char scenario_reader_lua[] =
    "local TAG = {}\n"
    "local function tag(kind)\n"
    "  return function(v, text) return setmetatable({ value = v, text = text, kind = kind }, TAG) end\n"
    "end\n"
    "local function is_tag(v) return type(v) == 'table' and getmetatable(v) == TAG end\n"
    "local function before(a, b)\n"
    "  local ta, tb = type(a), type(b)\n"
    "  if ta ~= tb then return ta == 'number' end\n"
    "  if ta == 'number' or ta == 'string' then return a < b end\n"
    "  return tostring(a) < tostring(b)\n"
    "end\n"
    "local function sorted_keys(t, u)\n"
    "  local ks, seen = {}, {}\n"
    "  for k in pairs(t) do ks[#ks + 1] = k; seen[k] = true end\n"
    "  if u then for k in pairs(u) do if not seen[k] then ks[#ks + 1] = k end end end\n"
    "  table.sort(ks, before)\n"
    "  return ks\n"
    "end\n"
    "local show\n"
    "local function show_table(t)\n"
    "  local parts, n = {}, #t\n"
    "  for _, k in ipairs(sorted_keys(t)) do\n"
    "    if math.type(k) == 'integer' and k >= 1 and k <= n then parts[#parts + 1] = show(t[k])\n"
    "    else parts[#parts + 1] = tostring(k) .. ' = ' .. show(t[k]) end\n"
    "  end\n"
    "  return '{ ' .. table.concat(parts, ', ') .. ' }'\n"
    "end\n"
    "show = function(v)\n"
    "  if is_tag(v) then return show(v.value) end\n"
    "  if type(v) == 'table' then return show_table(v) end\n"
    "  if type(v) == 'string' then return '\"' .. v .. '\"' end\n"
    "  if math.type(v) == 'float' then\n"
    "    if v == math.floor(v) and math.abs(v) < 1e15 then return string.format('%.1f', v) end\n"
    "    return string.format('%.10g', v)\n"
    "  end\n"
    "  return tostring(v)\n"
    "end\n"
    "local function whole(v) return type(v) ~= 'table' or is_tag(v) or rawget(v, 1) ~= nil end\n"
    "local function diff(a, b, prefix, out)\n"
    "  for _, k in ipairs(sorted_keys(a, b)) do\n"
    "    local p, va, vb = prefix .. tostring(k), a[k], b[k]\n"
    "    if va ~= nil and vb ~= nil and not whole(va) and not whole(vb) then diff(va, vb, p .. '.', out)\n"
    "    else\n"
    "      local sa, sb = va ~= nil and show(va) or '', vb ~= nil and show(vb) or ''\n"
    "      if sa ~= sb then out[#out + 1] = { path = p, old = sa, new = sb } end\n"
    "    end\n"
    "  end\n"
    "  return out\n"
    "end\n"
    "local function register(t, prefix, out)\n"
    "  for _, k in ipairs(sorted_keys(t)) do\n"
    "    local p, v = prefix .. tostring(k), t[k]\n"
    "    if is_tag(v) then out[#out + 1] = { path = p, value = show(v.value), kind = v.kind, text = v.text }\n"
    "    elseif type(v) == 'table' then register(v, p .. '.', out)\n"
    "    elseif type(v) == 'number' then out[#out + 1] = { path = p, value = show(v), kind = 'missing', text = '' } end\n"
    "  end\n"
    "  return out\n"
    "end\n"
    "return {\n"
    "  cite = tag('source'), assume = tag('assumption'), effect = tag('effect'),\n"
    "  calibrated = function(v, target, text) return tag('calibrated')(v, 'to target ' .. target .. ': ' .. text) end,\n"
    "  diff = function(a, b) return diff(a, b, '', {}) end,\n"
    "  register = function(t) return register(t, '', {}) end,\n"
    "}\n";

/* Pushes the reader's table of functions. */
static int push_reader(ss_sandbox *sb, ss_diag *d)
{
    if (ss_sandbox_load(sb, scenario_reader_lua, sizeof scenario_reader_lua - 1, "report: scenario reader", 0, d) < 0)
        return -1;
    return ss_sandbox_call(sb, 0, 1, d);
}

/* Pushes the table a stored resolved text returns; its chunk sees only the provenance helpers and the safe
 * globals (math.huge appears in printed infinities). */
static int push_resolved(ss_sandbox *sb, int reader, const char *text, const char *name, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    ss_sandbox_push_env(sb);                           /* env */
    const char *helpers[] = {"cite", "assume", "effect", "calibrated"};
    for (int i = 0; i < 4; i++) {
        lua_pushstring(L, helpers[i]);                 /* env name */
        lua_getfield(L, reader, helpers[i]);           /* env name fn */
        lua_rawset(L, -3);                             /* env */
    }
    int rc = ss_sandbox_load(sb, text, strlen(text), name, lua_gettop(L), d);
    lua_remove(L, rc == 0 ? -2 : -1);                  /* chunk | (nothing) */
    if (rc < 0 || ss_sandbox_call(sb, 0, 1, d) < 0)
        return -1;
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        return ss_fail(d, "%s: the stored scenario does not return a table", name);
    }
    return 0;
}

static char *field_text(lua_State *L, int idx, const char *key)
{
    lua_getfield(L, idx, key);
    char *s = dup_or_empty(lua_tostring(L, -1));
    lua_pop(L, 1);
    return s;
}

static int diff_in(ss_sandbox *sb, const char *a, const char *b, ss_scenario_change **out, int *n, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    if (push_reader(sb, d) < 0)
        return -1;
    int reader = lua_gettop(L);
    lua_getfield(L, reader, "diff");                   /* reader diff */
    if (push_resolved(sb, reader, a, "base scenario", d) < 0 || push_resolved(sb, reader, b, "option scenario", d) < 0 ||
        ss_sandbox_call(sb, 2, 1, d) < 0)
        return -1;
    int len = (int)lua_rawlen(L, -1);
    *out = calloc(len > 0 ? len : 1, sizeof **out);
    for (int i = 0; i < len; i++) {
        lua_rawgeti(L, -1, i + 1);
        (*out)[i] = (ss_scenario_change){field_text(L, -1, "path"), field_text(L, -1, "old"), field_text(L, -1, "new")};
        lua_pop(L, 1);
    }
    *n = len;
    return 0;
}

int ss_scenario_diff(const char *base_text, const char *option_text, ss_scenario_change **changes, int *n, ss_diag *d)
{
    *changes = NULL;
    *n = 0;
    ss_sandbox *sb = ss_sandbox_new(NULL, d);
    if (!sb)
        return -1;
    int rc = diff_in(sb, base_text, option_text, changes, n, d);
    ss_sandbox_free(sb);
    return rc < 0 ? ss_wrap(d, "cannot compare the stored scenarios") : 0;
}

void ss_scenario_changes_free(ss_scenario_change *c, int n)
{
    for (int i = 0; c && i < n; i++) {
        free(c[i].path);
        free(c[i].old_value);
        free(c[i].new_value);
    }
    free(c);
}

static int register_in(ss_sandbox *sb, const char *text, ss_register_entry **out, int *n, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    if (push_reader(sb, d) < 0)
        return -1;
    int reader = lua_gettop(L);
    lua_getfield(L, reader, "register");
    if (push_resolved(sb, reader, text, "stored scenario", d) < 0 || ss_sandbox_call(sb, 1, 1, d) < 0)
        return -1;
    int len = (int)lua_rawlen(L, -1);
    *out = calloc(len > 0 ? len : 1, sizeof **out);
    for (int i = 0; i < len; i++) {
        lua_rawgeti(L, -1, i + 1);
        (*out)[i] = (ss_register_entry){field_text(L, -1, "path"), field_text(L, -1, "value"), field_text(L, -1, "kind"),
                                        field_text(L, -1, "text")};
        lua_pop(L, 1);
    }
    *n = len;
    return 0;
}

int ss_scenario_register(const char *text, ss_register_entry **entries, int *n, ss_diag *d)
{
    *entries = NULL;
    *n = 0;
    ss_sandbox *sb = ss_sandbox_new(NULL, d);
    if (!sb)
        return -1;
    int rc = register_in(sb, text, entries, n, d);
    ss_sandbox_free(sb);
    return rc < 0 ? ss_wrap(d, "cannot read the assumptions of the stored scenario") : 0;
}

void ss_register_free(ss_register_entry *e, int n)
{
    for (int i = 0; e && i < n; i++) {
        free(e[i].path);
        free(e[i].value);
        free(e[i].kind);
        free(e[i].text);
    }
    free(e);
}

/* ==== gnuplot ========================================================================================= */

typedef struct plotter {
    const char *program;
    char dir[512];     /* temporary folder for scripts and SVG files */
    int count;
    bool missing;      /* gnuplot could not be started: no point trying again */
    bool decimal_comma;
    char why[512];
} plotter;

static int plotter_init(plotter *p, const char *program, bool decimal_comma)
{
    memset(p, 0, sizeof *p);
    p->program = program && *program ? program : "gnuplot";
    p->decimal_comma = decimal_comma;
    const char *tmp = getenv("TMPDIR");
    snprintf(p->dir, sizeof p->dir, "%s/samsim-report-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(p->dir)) {
        p->missing = true;
        snprintf(p->why, sizeof p->why, "cannot make a temporary folder for gnuplot (%s)", strerror(errno));
        return -1;
    }
    return 0;
}

static void plotter_fini(plotter *p)
{
    if (p->missing && !*p->dir)
        return;
    for (int i = 1; i <= p->count; i++) {
        const char *ext[] = {"gp", "svg", "err"};
        for (int e = 0; e < 3; e++) {
            char path[600];
            snprintf(path, sizeof path, "%s/c%d.%s", p->dir, i, ext[e]);
            unlink(path);
        }
    }
    rmdir(p->dir);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    sbuf b = {0};
    char chunk[8192];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_add(&b, chunk, k);
    fclose(f);
    if (!b.s)
        sb_str(&b, "");
    return b.s;
}

/* gnuplot's SVG, ready to inline: from <svg on, and with every id made unique to this chart
 * (each file defines the same marker ids; in one HTML page they would clash). */
static char *inline_svg(const char *svg, int chart)
{
    const char *start = strstr(svg, "<svg");
    if (!start)
        return NULL;
    static const char *const refs[] = {"id=\"", "id='", "href=\"#", "href='#", "url(#"};
    char prefix[32];
    snprintf(prefix, sizeof prefix, "c%d-", chart);
    sbuf b = {0};
    for (const char *s = start; *s;) {
        size_t matched = 0;
        for (size_t i = 0; i < sizeof refs / sizeof refs[0] && !matched; i++)
            if (strncmp(s, refs[i], strlen(refs[i])) == 0)
                matched = strlen(refs[i]);
        if (matched) {
            sb_add(&b, s, matched);
            sb_str(&b, prefix);
            s += matched;
        } else {
            sb_add(&b, s, 1);
            s++;
        }
    }
    return b.s;
}

/* The first line gnuplot wrote to stderr, which names the line of the script that failed. */
static void first_line(const char *path, char *out, size_t n)
{
    char *text = read_file(path);
    snprintf(out, n, "%s", text && *text ? text : "no message");
    char *nl = strchr(out, '\n');
    if (nl)
        *nl = '\0';
    free(text);
}

static int run_gnuplot(plotter *p, const char *script_path, const char *err_path, int *status)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    char *argv[] = {(char *)p->program, (char *)script_path, NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, p->program, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        return rc;
    while (waitpid(pid, status, 0) < 0)
        if (errno != EINTR)
            return errno;
    return 0;
}

/* Draw one chart: the script body gets the terminal and output around it.  Returns the SVG to
 * inline, or NULL with p->why (and p->missing when gnuplot cannot be run at all). */
static char *plot(plotter *p, const char *body, int width, int height)
{
    if (p->missing)
        return NULL;
    int n = ++p->count;
    char script[600], svg[600], err[600];
    snprintf(script, sizeof script, "%s/c%d.gp", p->dir, n);
    snprintf(svg, sizeof svg, "%s/c%d.svg", p->dir, n);
    snprintf(err, sizeof err, "%s/c%d.err", p->dir, n);
    FILE *f = fopen(script, "w");
    if (!f) {
        snprintf(p->why, sizeof p->why, "cannot write %s (%s)", script, strerror(errno));
        return NULL;
    }
    fprintf(f, "set encoding utf8\nset terminal svg size %d,%d dynamic noenhanced font 'sans-serif,12' background rgb 'white'\n"
               "set output '%s'\n%s%s\nunset output\n", width, height, svg, p->decimal_comma ? "set decimalsign ','\n" : "", body);
    fclose(f);
    int status = 0, rc = run_gnuplot(p, script, err, &status);
    if (rc != 0) {
        p->missing = true;
        snprintf(p->why, sizeof p->why, "%s could not be run (%s); install the Debian package gnuplot-nox", p->program,
                 rc == ENOENT ? "not found" : strerror(rc));
        return NULL;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        char line[400];
        first_line(err, line, sizeof line);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {  /* the shell's "not found", from a wrapper */
            p->missing = true;
            snprintf(p->why, sizeof p->why, "%s could not be run (%s); install the Debian package gnuplot-nox", p->program, line);
        } else {
            snprintf(p->why, sizeof p->why, "gnuplot failed: %s", line);
        }
        return NULL;
    }
    char *raw = read_file(svg);
    char *out = raw ? inline_svg(raw, n) : NULL;
    free(raw);
    if (!out)
        snprintf(p->why, sizeof p->why, "gnuplot wrote no SVG");
    return out;
}

/* A string inside a gnuplot script: single quotes, where only '' needs escaping. */
static void gp_quote(sbuf *b, const char *s)
{
    sb_str(b, "'");
    for (; *s; s++) {
        if (*s == '\'') sb_str(b, "''");
        else if (*s != '\n') sb_add(b, s, 1);
    }
    sb_str(b, "'");
}

static const char *const model_colours[] = {"#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c"};
#define COLOUR(i) model_colours[(i) % (int)(sizeof model_colours / sizeof model_colours[0])]

/* ==== the report's pieces ============================================================================== */

typedef enum { FIG_WAITS, FIG_QUEUES, FIG_CASELOAD, FIG_FLOWS, FIG_COMPLIANCE, NFIGURES } figure_id;
static const char *const figure_anchor[NFIGURES] = {"fig-waits", "fig-queues", "fig-caseload", "fig-flows", "fig-compliance"};
static const string_id figure_title[NFIGURES] = {S_FIG_WAITS, S_FIG_QUEUES, S_FIG_CASELOAD, S_FIG_FLOWS, S_FIG_COMPLIANCE};

typedef struct chart {
    figure_id figure;
    char title[1024];
    char *svg;      /* NULL when it could not be drawn */
    char why[512];
} chart;

typedef struct model {
    ss_stored_run run;
    char letter[4];
    char label[512];   /* the model as given to compare, else the scenario file */
} model;

typedef struct option_view {
    ss_comparison cmp;              /* option - base */
    ss_scenario_change *changes;
    int nchanges;
    ss_register_entry *reg;          /* this option's register (to show what differs from the base) */
    int nreg;
} option_view;

typedef struct flow_row {
    int from, to;      /* service index, or nservices for outside */
    double *mean;      /* [nmodels] persons per replication */
} flow_row;

struct ss_report {
    ss_report_opts opts;
    char db_path[1024];
    ss_run_choice choice;
    int nmodels;
    model *models;
    option_view *options;            /* [nmodels - 1] */
    ss_comparison self;              /* the base against itself: its estimates when alone */
    int nsvc;                        /* services of any model: the base's, then new ones (charts, flows) */
    const char **svc_id, **svc_name; /* borrowed from the runs */
    ss_register_entry *reg;
    int nreg;
    int nflows;
    flow_row *flows;
    chart *charts;
    int ncharts, cap_charts;
    char no_charts[512];             /* why there are no charts at all ("" when there are) */
    char waits_quick[1024];          /* services where every first contact came within two weeks */
    bool no_queue;                   /* no service has a queue of half a case or more */
    char command_line[4096];
};

static const model *base_model(const ss_report *r) { return &r->models[0]; }

static const char *service_name(const ss_stored_run *run, int s)
{
    return s >= run->nservices ? "" : *run->names[s] ? run->names[s] : run->ids[s];
}

static void add_chart(ss_report *r, figure_id fig, const char *title, char *svg, const plotter *p)
{
    if (r->ncharts == r->cap_charts) {
        r->cap_charts = r->cap_charts ? r->cap_charts * 2 : 16;
        r->charts = realloc(r->charts, r->cap_charts * sizeof *r->charts);
        if (!r->charts)
            abort();
    }
    chart *c = &r->charts[r->ncharts++];
    c->figure = fig;
    snprintf(c->title, sizeof c->title, "%s", title);
    c->svg = svg;
    snprintf(c->why, sizeof c->why, "%s", svg ? "" : p->why);
}

/* The legend entry of model i: "A (base)" or "B". */
static void model_title(const ss_report *r, int i, char *out, size_t n)
{
    if (i == 0 && r->nmodels > 1)
        snprintf(out, n, "%s (%s)", r->models[i].letter, T(r, S_BASE));
    else
        snprintf(out, n, "%s", r->models[i].letter);
}

/* Index of a base service in model m, by id (-1 when m lacks it). */
static int service_in(const ss_stored_run *run, const char *id)
{
    for (int i = 0; i < run->nservices; i++)
        if (strcmp(run->ids[i], id) == 0)
            return i;
    return -1;
}

/* ---- chart: waiting-time distribution ------------------------------------------------------------ */

/* Mean persons per bin over replications, as a share (%) of all first contacts. */
static bool wait_shares(const ss_stored_run *run, int s, double share[SS_WAIT_BINS])
{
    double total = 0.0;
    for (int b = 0; b < SS_WAIT_BINS; b++) {
        share[b] = 0.0;
        for (int i = 0; i < run->nreps; i++)
            share[b] += run->reps[i].wait_hist[(long)s * SS_WAIT_BINS + b];
        total += share[b];
    }
    for (int b = 0; b < SS_WAIT_BINS; b++)
        share[b] = total > 0 ? 100.0 * share[b] / total : 0.0;
    return total > 0;
}

/* Shares of every model for service s (of the union); the last bin worth drawing, or -1 when nobody
 * reached the service in any model. */
static int wait_shares_all(const ss_report *r, int s, double share[][SS_WAIT_BINS])
{
    int last = -1;
    for (int m = 0; m < r->nmodels; m++) {
        int t = service_in(&r->models[m].run, r->svc_id[s]);
        if (t < 0 || !wait_shares(&r->models[m].run, t, share[m])) {
            memset(share[m], 0, sizeof share[m]);
            continue;
        }
        for (int b = 0; b < SS_WAIT_BINS; b++)
            if (share[m][b] > 0.05 && b > last)
                last = b;
    }
    return last;
}

static void wait_chart(ss_report *r, plotter *p, int s, double share[][SS_WAIT_BINS], int last)
{
    {
        sbuf sc = {0};
        double w = (double)SS_WAIT_BIN_DAYS / (r->nmodels + 1);
        sb_str(&sc, "$d << EOD\n");
        for (int b = 0; b <= last; b++)
            for (int m = 0; m < r->nmodels; m++)
                sb_fmt(&sc, "%d %g %g\n", m, b * SS_WAIT_BIN_DAYS + (m + 1) * w, share[m][b]);
        sb_str(&sc, "EOD\n");
        sb_fmt(&sc, "set title ");
        gp_quote(&sc, r->svc_name[s]);
        sb_str(&sc, "\nset xlabel ");
        gp_quote(&sc, T(r, S_AX_WAIT_X));
        sb_str(&sc, "\nset ylabel ");
        gp_quote(&sc, T(r, S_AX_WAIT_Y));
        sb_fmt(&sc, "\nset xrange [0:%d]\nset yrange [0:*]\nset xtics %d out nomirror\nset ytics nomirror\n"
                    "set grid ytics lc rgb '#dddddd'\nset border 3\nset style fill solid 0.85 noborder\nset boxwidth %g absolute\n"
                    "set key top right opaque\n",
                (last + 1) * SS_WAIT_BIN_DAYS, last >= 12 ? 4 * SS_WAIT_BIN_DAYS : 2 * SS_WAIT_BIN_DAYS, w * 0.95);
        if (last == SS_WAIT_BINS - 1)
            sb_fmt(&sc, "set label 1 '%d+' at %d, graph 1.02 center\n", (SS_WAIT_BINS - 1) * SS_WAIT_BIN_DAYS,
                   (SS_WAIT_BINS - 1) * SS_WAIT_BIN_DAYS + SS_WAIT_BIN_DAYS / 2);
        sb_str(&sc, "plot ");
        for (int m = 0; m < r->nmodels; m++) {
            char title[64];
            model_title(r, m, title, sizeof title);
            sb_fmt(&sc, "%s$d using 2:($1 == %d ? $3 : NaN) with boxes lc rgb '%s' title ", m ? ", " : "", m, COLOUR(m));
            gp_quote(&sc, title);
        }
        sb_str(&sc, "\n");
        add_chart(r, FIG_WAITS, r->svc_name[s], plot(p, sc.s, 560, 320), p);
        free(sc.s);
    }
}

/* A service where every first contact came within the first two weeks gives one full bar, which
 * says less than a sentence: those are listed instead, unless no service has more to show. */
static void chart_waits(ss_report *r, plotter *p)
{
    double share[SS_REPORT_MAX_RUNS][SS_WAIT_BINS];
    int drawn = 0, first_reached = -1;
    for (int s = 0; s < r->nsvc; s++) {
        int last = wait_shares_all(r, s, share);
        if (last < 0)
            continue;  /* nobody reached this service */
        if (first_reached < 0)
            first_reached = s;
        if (last == 0) {
            size_t l = strlen(r->waits_quick);
            snprintf(r->waits_quick + l, sizeof r->waits_quick - l, "%s%s", l ? ", " : "", r->svc_name[s]);
            continue;
        }
        wait_chart(r, p, s, share, last);
        drawn++;
    }
    if (drawn == 0 && first_reached >= 0)
        wait_chart(r, p, first_reached, share, wait_shares_all(r, first_reached, share));
}

/* ---- chart: queue over time ------------------------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm), so a day offset from the
 * scenario's start becomes a calendar date without the C library's time zone handling. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static void date_after(const char *start, double days, char out[16])
{
    int y = 2000, m = 1, d = 1;
    if (sscanf(start, "%d-%d-%d", &y, &m, &d) != 3)
        y = 2000, m = 1, d = 1;
    civil_from_days(days_from_civil(y, m, d) + (long)floor(days), &y, &m, &d);
    snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
}

/* Mean, 10th and 90th percentile across replications of the queue of service s at sample k. */
static void queue_band(const ss_stored_run *run, int s, int k, double *buf, double *mean, double *lo, double *hi)
{
    int n = 0;
    for (int i = 0; i < run->nreps; i++) {
        const ss_rep_result *x = &run->reps[i];
        double v = k < x->nsamples ? x->series_queue[(long)s * x->nsamples + k] : NAN;
        if (isfinite(v))
            buf[n++] = v;
    }
    if (n == 0) {
        *mean = *lo = *hi = NAN;
        return;
    }
    gsl_sort(buf, 1, n);
    *mean = gsl_stats_mean(buf, 1, n);
    *lo = gsl_stats_quantile_from_sorted_data(buf, 1, n, 0.1);
    *hi = gsl_stats_quantile_from_sorted_data(buf, 1, n, 0.9);
}

static double peak_mean_queue(const ss_stored_run *run, int s, double *buf)
{
    double peak = 0.0, mean, lo, hi;
    int nsamples = run->nreps ? run->reps[0].nsamples : 0;
    for (int k = 0; k < nsamples; k++) {
        queue_band(run, s, k, buf, &mean, &lo, &hi);
        if (isfinite(mean) && mean > peak)
            peak = mean;
    }
    return peak;
}

static void queue_chart(ss_report *r, plotter *p, int s, double *buf)
{
    const ss_stored_run *base = &base_model(r)->run;
    sbuf sc = {0};
    for (int m = 0; m < r->nmodels; m++) {
        const ss_stored_run *run = &r->models[m].run;
        int t = service_in(run, r->svc_id[s]);
        sb_fmt(&sc, "$m%d << EOD\n", m);
        int nsamples = run->nreps ? run->reps[0].nsamples : 0;
        for (int k = 0; t >= 0 && k < nsamples; k++) {
            double mean, lo, hi;
            char date[16];
            queue_band(run, t, k, buf, &mean, &lo, &hi);
            date_after(run->start_date, run->reps[0].series_day[k], date);
            if (isfinite(mean))
                sb_fmt(&sc, "%s %g %g %g\n", date, mean, lo, hi);
        }
        sb_str(&sc, "EOD\n");
    }
    char from[16], to[16], end[16];
    date_after(base->start_date, 0, from);
    date_after(base->start_date, base->warmup_days, to);
    date_after(base->start_date, base->horizon_days, end);
    sb_str(&sc, "set xdata time\nset timefmt '%Y-%m-%d'\nset format x '%Y-%m'\nset title ");
    gp_quote(&sc, r->svc_name[s]);
    sb_str(&sc, "\nset ylabel ");
    gp_quote(&sc, T(r, S_AX_QUEUE_Y));
    /* ticks every half year (in seconds, gnuplot's time unit) */
    sb_fmt(&sc, "\nset xrange ['%s':'%s']\nset yrange [0:*]\nset xtics '%s', 15778800 out nomirror\nset ytics nomirror\nset border 3\n"
                "set grid ytics lc rgb '#dddddd'\nset key top right opaque\nset style fill transparent solid 0.22 noborder\n"
                "set object 1 rect from '%s', graph 0 to '%s', graph 1 fc rgb '#eeeeee' fs solid 1.0 noborder behind\n"
                "set label 1 ",
           from, end, from, from, to);
    gp_quote(&sc, T(r, S_WARMUP));
    sb_fmt(&sc, " at '%s', graph 0.95 offset 1,0 tc rgb '#777777'\nplot ", from);
    for (int m = 0; m < r->nmodels; m++) {
        char title[64];
        model_title(r, m, title, sizeof title);
        sb_fmt(&sc, "%s$m%d using 1:3:4 with filledcurves lc rgb '%s' notitle, $m%d using 1:2 with lines lw 2 lc rgb '%s' title ",
               m ? ", " : "", m, COLOUR(m), m, COLOUR(m));
        gp_quote(&sc, title);
    }
    sb_str(&sc, "\n");
    add_chart(r, FIG_QUEUES, r->svc_name[s], plot(p, sc.s, 560, 320), p);
    free(sc.s);
}

/* Only services where people actually wait: a flat line at zero says nothing. */
static void chart_queues(ss_report *r, plotter *p)
{
    int maxreps = 1;
    for (int m = 0; m < r->nmodels; m++)
        maxreps = r->models[m].run.nreps > maxreps ? r->models[m].run.nreps : maxreps;
    double *buf = calloc(maxreps, sizeof *buf);
    int drawn = 0, best = -1;
    double best_peak = 0.0;
    for (int s = 0; buf && s < r->nsvc; s++) {
        double peak = 0.0;
        for (int m = 0; m < r->nmodels; m++) {
            int t = service_in(&r->models[m].run, r->svc_id[s]);
            double q = t >= 0 ? peak_mean_queue(&r->models[m].run, t, buf) : 0.0;
            peak = q > peak ? q : peak;
        }
        if (peak > best_peak) {
            best_peak = peak;
            best = s;
        }
        if (peak >= 0.5) {
            queue_chart(r, p, s, buf);
            drawn++;
        }
    }
    if (drawn == 0 && buf) {
        r->no_queue = true;
        queue_chart(r, p, best >= 0 ? best : 0, buf);  /* the figure is asked for: show the largest */
    }
    free(buf);
}

/* "hs: Helsestasjon og skolehelsetjenesten · fph: ..." under charts that name services by id. */
static void id_legend(const ss_report *r, const char *title, char *out, size_t n)
{
    snprintf(out, n, "%s.", title);
    for (int s = 0; s < r->nsvc; s++) {
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s%s: %s", s ? " · " : " ", r->svc_id[s], r->svc_name[s]);
    }
}

/* ---- charts: bars with intervals (caseload per FTE, compliance) ------------------------------------ */

/* Estimates of one service metric of model m for service s of the union (NaN when m lacks it). */
static ss_estimate model_estimate(const ss_report *r, int m, int s, int metric)
{
    const ss_stored_run *run = &r->models[m].run;
    ss_estimate none = {NAN, NAN, NAN, NAN, 0};
    int t = service_in(run, r->svc_id[s]);
    if (t < 0 || run->nreps == 0)
        return none;
    double *x = calloc(run->nreps, sizeof *x);
    if (!x)
        return none;
    for (int i = 0; i < run->nreps; i++)
        x[i] = ss_rep_service(&run->reps[i], t)[metric];
    ss_estimate e = ss_estimate_from(x, run->nreps, 0.95);
    free(x);
    return e;
}

/* Grouped bars with the 95 % interval as whiskers, one group per service that has the metric. */
static int bars_chart(ss_report *r, plotter *p, figure_id fig, int metric, double scale, const char *ylabel)
{
    sbuf sc = {0};
    int rows = 0;
    sb_str(&sc, "$d << EOD\n");
    for (int s = 0; s < r->nsvc; s++) {
        sbuf line = {0};
        bool any = false;
        sb_fmt(&line, "\"%s\"", r->svc_id[s]);  /* data files know only double quotes */
        for (int m = 0; m < r->nmodels; m++) {
            ss_estimate e = model_estimate(r, m, s, metric);
            any |= isfinite(e.mean);
            double lo = isfinite(e.ci_low) ? e.ci_low : e.mean, hi = isfinite(e.ci_high) ? e.ci_high : e.mean;
            sb_fmt(&line, " %g %g %g", e.mean * scale, lo * scale, hi * scale);
        }
        if (any) {
            sb_fmt(&sc, "%s\n", line.s);
            rows++;
        }
        free(line.s);
    }
    sb_str(&sc, "EOD\n");
    if (rows == 0) {
        free(sc.s);
        return 0;
    }
    sb_str(&sc, "set datafile missing 'nan'\nset style data histograms\nset style histogram errorbars gap 1 lw 1\n"
                "set style fill solid 0.85 border -1\nset yrange [0:*]\nset border 3\nset xtics nomirror\nset ytics nomirror\n"
                "set grid ytics lc rgb '#dddddd'\nset key top right\nset ylabel ");
    gp_quote(&sc, ylabel);
    sb_str(&sc, "\nplot ");
    for (int m = 0; m < r->nmodels; m++) {
        char title[64];
        model_title(r, m, title, sizeof title);
        sb_fmt(&sc, "%s$d using %d:%d:%d%s lc rgb '%s' title ", m ? ", " : "", 2 + 3 * m, 3 + 3 * m, 4 + 3 * m,
               m ? "" : ":xtic(1)", COLOUR(m));
        gp_quote(&sc, title);
    }
    sb_str(&sc, "\n");
    char caption[1024];
    id_legend(r, fig == FIG_COMPLIANCE ? ylabel : T(r, figure_title[fig]), caption, sizeof caption);
    add_chart(r, fig, caption, plot(p, sc.s, 720, 340), p);
    free(sc.s);
    return rows;
}

/* ---- flows ---------------------------------------------------------------------------------------- */

static const char *flow_end(const ss_report *r, int s, bool from, bool long_name)
{
    if (s >= r->nsvc)
        return T(r, from ? S_NEW_CONCERN : S_LEAVES);
    return long_name ? r->svc_name[s] : r->svc_id[s];
}

static double mean_flow(const ss_report *r, int m, int from, int to)
{
    const ss_stored_run *run = &r->models[m].run;
    int f = from >= r->nsvc ? run->nservices : service_in(run, r->svc_id[from]);
    int t = to >= r->nsvc ? run->nservices : service_in(run, r->svc_id[to]);
    if (f < 0 || t < 0 || run->nreps == 0)
        return 0.0;
    double sum = 0.0;
    for (int i = 0; i < run->nreps; i++)
        sum += *ss_rep_flow(&run->reps[i], f, t);
    return sum / run->nreps;
}

static int cmp_flow(const void *x, const void *y)
{
    const flow_row *a = x, *b = y;
    double ma = 0, mb = 0;
    for (int i = 0; i < 2; i++) {  /* the base, then the first option, decide the order */
        ma += a->mean[i] * (i ? 1e-6 : 1);
        mb += b->mean[i] * (i ? 1e-6 : 1);
    }
    return ma < mb ? 1 : ma > mb ? -1 : (a->from - b->from) * 1000 + (a->to - b->to);
}

/* Every pair of the base's services (and outside) that any model moved someone along. */
static void collect_flows(ss_report *r)
{
    int n = r->nsvc + 1;
    r->flows = calloc((size_t)n * n, sizeof *r->flows);
    if (!r->flows)
        abort();
    for (int f = 0; f < n; f++) {
        for (int t = 0; t < n; t++) {
            double *mean = calloc(r->nmodels > 1 ? r->nmodels : 2, sizeof *mean);
            double any = 0.0;
            for (int m = 0; m < r->nmodels; m++)
                any += (mean[m] = mean_flow(r, m, f, t));
            if (any > 0.0)
                r->flows[r->nflows++] = (flow_row){f, t, mean};
            else
                free(mean);
        }
    }
    qsort(r->flows, r->nflows, sizeof *r->flows, cmp_flow);
}

enum { TOP_FLOWS = 12 };

/* Horizontal bars of the largest flows, one bar per model. */
static void chart_flows(ss_report *r, plotter *p)
{
    int n = r->nflows < TOP_FLOWS ? r->nflows : TOP_FLOWS;
    if (n == 0)
        return;
    sbuf sc = {0};
    double h = 0.8 / r->nmodels;
    for (int m = 0; m < r->nmodels; m++) {
        sb_fmt(&sc, "$m%d << EOD\n", m);
        for (int i = 0; i < n; i++)
            sb_fmt(&sc, "%g %g\n", r->flows[i].mean[m], (n - 1 - i) + 0.4 - (m + 0.5) * h);
        sb_str(&sc, "EOD\n");
    }
    sb_str(&sc, "set ytics (");
    for (int i = 0; i < n; i++) {
        char label[300];
        snprintf(label, sizeof label, "%s → %s", flow_end(r, r->flows[i].from, true, false),
                 flow_end(r, r->flows[i].to, false, false));
        sb_str(&sc, i ? ", " : "");
        gp_quote(&sc, label);
        sb_fmt(&sc, " %d", n - 1 - i);
    }
    sb_fmt(&sc, ") nomirror scale 0\nset yrange [-0.6:%g]\nset xrange [0:*]\nset xtics nomirror out\nset border 3\n"
                "set grid xtics lc rgb '#dddddd'\nset style fill solid 0.85 noborder\nset key bottom right\nset xlabel ",
           n - 0.4);
    gp_quote(&sc, T(r, S_AX_FLOWS_X));
    sb_str(&sc, "\nplot ");
    for (int m = 0; m < r->nmodels; m++) {
        char title[64];
        model_title(r, m, title, sizeof title);
        sb_fmt(&sc, "%s$m%d using ($1/2):2:($1/2):(%g) with boxxyerror lc rgb '%s' title ", m ? ", " : "", m, h * 0.45,
               COLOUR(m));
        gp_quote(&sc, title);
    }
    sb_str(&sc, "\n");
    char caption[1024];
    id_legend(r, T(r, S_FIG_FLOWS), caption, sizeof caption);
    add_chart(r, FIG_FLOWS, caption, plot(p, sc.s, 720, 120 + 34 * n), p);
    free(sc.s);
}

/* ---- compliance ------------------------------------------------------------------------------------ */

/* Metrics about targets, legal limits and coordination, found by name in the metric tables so
 * that figures added to results.c later appear here without another change. */
static bool is_coordination_metric(const char *name)
{
    static const char *const words[] = {"coordinat", "plan_", "entitled", "responsibility_group", NULL};
    for (int i = 0; words[i]; i++)
        if (strstr(name, words[i]))
            return true;
    return false;
}

static bool is_compliance_metric(const char *name)
{
    static const char *const words[] = {"over_target", "within", "complian", "vedtak", "interim", "meeting", NULL};
    for (int i = 0; words[i]; i++)
        if (strstr(name, words[i]))
            return true;
    return is_coordination_metric(name);
}

/* Does the engine measure coordination at all (whatever these runs hold)? */
static bool engine_has_coordination_metrics(void)
{
    for (int m = 0; m < SS_SERVICE_METRICS; m++)
        if (is_coordination_metric(ss_service_metric_info[m].name))
            return true;
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        if (is_coordination_metric(ss_system_metric_info[m].name))
            return true;
    return false;
}

static bool row_has_values(const ss_compare_row *row)
{
    return isfinite(row->base.mean) || isfinite(row->option.mean);
}

/* Any model has a value for this metric (in any service). */
static bool metric_has_values(const ss_report *r, const char *metric)
{
    for (int opt = r->nmodels > 1 ? 0 : -1; opt < r->nmodels - 1; opt++) {
        const ss_comparison *c = opt >= 0 ? &r->options[opt].cmp : &r->self;
        for (int i = 0; i < c->nrows; i++)
            if (strcmp(c->rows[i].metric, metric) == 0 && row_has_values(&c->rows[i]))
                return true;
    }
    return false;
}

static bool runs_have_coordination_figures(const ss_report *r)
{
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        if (is_coordination_metric(ss_system_metric_info[m].name) && metric_has_values(r, ss_system_metric_info[m].name))
            return true;
    for (int m = 0; m < SS_SERVICE_METRICS; m++)
        if (is_coordination_metric(ss_service_metric_info[m].name) && metric_has_values(r, ss_service_metric_info[m].name))
            return true;
    return false;
}

static bool is_compliance_row(const ss_compare_row *row)
{
    return is_compliance_metric(row->metric) && row_has_values(row);
}

static ss_estimate system_estimate(const ss_stored_run *run, int metric)
{
    ss_estimate none = {NAN, NAN, NAN, NAN, 0};
    double *x = run->nreps ? calloc(run->nreps, sizeof *x) : NULL;
    if (!x)
        return none;
    for (int i = 0; i < run->nreps; i++)
        x[i] = run->reps[i].system[metric];
    ss_estimate e = ss_estimate_from(x, run->nreps, 0.95);
    free(x);
    return e;
}

/* The system-wide shares (plan offered, coordinator given, decided at the first meeting ...) as
 * grouped bars with intervals, one group per metric. */
static void system_shares_chart(ss_report *r, plotter *p)
{
    sbuf sc = {0};
    int rows = 0;
    sb_str(&sc, "$d << EOD\n");
    for (int m = 0; m < SS_SYSTEM_METRICS; m++) {
        const ss_metric_info *mi = &ss_system_metric_info[m];
        if (!is_compliance_metric(mi->name) || strcmp(mi->unit, "share") != 0 || !metric_has_values(r, mi->name))
            continue;
        sb_fmt(&sc, "\"%s\"", ss_metric_label("system", mi->name, r->opts.lang));
        for (int k = 0; k < r->nmodels; k++) {
            ss_estimate e = system_estimate(&r->models[k].run, m);
            double lo = isfinite(e.ci_low) ? e.ci_low : e.mean, hi = isfinite(e.ci_high) ? e.ci_high : e.mean;
            sb_fmt(&sc, " %g %g %g", 100 * e.mean, 100 * lo, 100 * hi);
        }
        sb_str(&sc, "\n");
        rows++;
    }
    sb_str(&sc, "EOD\n");
    if (rows > 0) {
        sb_str(&sc, "set datafile missing 'nan'\nset style data histograms\nset style histogram errorbars gap 1 lw 1\n"
                    "set style fill solid 0.85 border -1\nset yrange [0:105]\nset border 3\nset xtics nomirror\nset ytics nomirror\n"
                    "set grid ytics lc rgb '#dddddd'\nset key outside top center horizontal\nset ylabel '%'\nplot ");
        for (int k = 0; k < r->nmodels; k++) {
            char title[64];
            model_title(r, k, title, sizeof title);
            sb_fmt(&sc, "%s$d using %d:%d:%d%s lc rgb '%s' title ", k ? ", " : "", 2 + 3 * k, 3 + 3 * k, 4 + 3 * k,
                   k ? "" : ":xtic(1)", COLOUR(k));
            gp_quote(&sc, title);
        }
        sb_str(&sc, "\n");
        add_chart(r, FIG_COMPLIANCE, T(r, S_FIG_COORDINATION), plot(p, sc.s, 720, 340), p);
    }
    free(sc.s);
}

static void chart_compliance(ss_report *r, plotter *p)
{
    for (int m = 0; m < SS_SERVICE_METRICS; m++) {
        const ss_metric_info *mi = &ss_service_metric_info[m];
        if (!is_compliance_metric(mi->name) || !metric_has_values(r, mi->name))
            continue;
        bool share = strcmp(mi->unit, "share") == 0;
        const char *ylabel = m == SS_SM_OVER_TARGET_SHARE ? T(r, S_AX_COMPLIANCE_Y) : ss_metric_label("service", mi->name, r->opts.lang);
        bars_chart(r, p, FIG_COMPLIANCE, m, share ? 100.0 : 1.0, ylabel);
    }
    system_shares_chart(r, p);
}

/* ==== building the report ================================================================================ */

static void model_label(ss_report *r, int i)
{
    model *m = &r->models[i];
    snprintf(m->letter, sizeof m->letter, "%c", 'A' + i);
    const char *given = r->choice.models[i];
    snprintf(m->label, sizeof m->label, "%s", *given ? given : *m->run.scenario_path ? m->run.scenario_path : m->run.scenario_name);
}

/* An option may open a service the base lacks (an intake team, a family centre): charts and flows
 * cover the union, in the base's order first. */
static int collect_services(ss_report *r, ss_diag *d)
{
    int cap = 1;
    for (int m = 0; m < r->nmodels; m++)
        cap += r->models[m].run.nservices;
    r->svc_id = calloc(cap, sizeof *r->svc_id);
    r->svc_name = calloc(cap, sizeof *r->svc_name);
    if (!r->svc_id || !r->svc_name)
        return ss_fail(d, "out of memory");
    for (int m = 0; m < r->nmodels; m++) {
        const ss_stored_run *run = &r->models[m].run;
        for (int s = 0; s < run->nservices; s++) {
            int k = 0;
            while (k < r->nsvc && strcmp(r->svc_id[k], run->ids[s]) != 0)
                k++;
            if (k == r->nsvc) {
                r->svc_id[r->nsvc] = run->ids[s];
                r->svc_name[r->nsvc++] = service_name(run, s);
            }
        }
    }
    return 0;
}

static int load_models(ss_report *r, ss_results_db *db, ss_diag *d)
{
    r->models = calloc(r->choice.n, sizeof *r->models);
    if (!r->models)
        return ss_fail(d, "out of memory");
    for (int i = 0; i < r->choice.n; i++) {
        if (ss_stored_run_load(db, r->choice.run_ids[i], SS_LOAD_ALL, &r->models[i].run, d) < 0)
            return -1;
        r->nmodels++;
        model_label(r, i);
    }
    return collect_services(r, d);
}

static int compare_options(ss_report *r, ss_diag *d)
{
    const model *base = base_model(r);
    if (ss_compare(&base->run.study, &base->run.study, 0.95, &r->self, d) < 0)
        return -1;
    r->options = calloc(r->nmodels > 1 ? r->nmodels - 1 : 1, sizeof *r->options);
    if (!r->options)
        return ss_fail(d, "out of memory");
    for (int i = 1; i < r->nmodels; i++) {
        option_view *o = &r->options[i - 1];
        const model *m = &r->models[i];
        if (ss_compare(&base->run.study, &m->run.study, 0.95, &o->cmp, d) < 0) {
            ss_wrap(d, "runs %" PRId64 " (%s) and %" PRId64 " (%s)", base->run.run_id, base->letter, m->run.run_id, m->letter);
            size_t l = strlen(d->msg);
            snprintf(d->msg + l, sizeof d->msg - l, "; choose runs made with the same seed and replications with --runs");
            return -1;
        }
        if (ss_scenario_diff(base->run.resolved, m->run.resolved, &o->changes, &o->nchanges, d) < 0 ||
            ss_scenario_register(m->run.resolved, &o->reg, &o->nreg, d) < 0)
            return ss_wrap(d, "run %" PRId64, m->run.run_id);
    }
    return 0;
}

static void draw_charts(ss_report *r)
{
    plotter p;
    if (plotter_init(&p, r->opts.gnuplot, r->opts.lang == SS_LANG_NB) == 0) {
        chart_waits(r, &p);
        chart_queues(r, &p);
        bars_chart(r, &p, FIG_CASELOAD, SS_SM_CASELOAD_PER_FTE, 1.0, T(r, S_AX_CASELOAD_Y));
        chart_flows(r, &p);
        chart_compliance(r, &p);
    }
    if (p.missing)
        snprintf(r->no_charts, sizeof r->no_charts, "%s", p.why);
    plotter_fini(&p);
}

ss_report *ss_report_build(ss_results_db *db, const ss_run_choice *c, const ss_report_opts *o, ss_diag *d)
{
    ss_report *r = calloc(1, sizeof *r);
    if (!r) {
        ss_fail(d, "out of memory");
        return NULL;
    }
    r->opts = *o;
    r->choice = *c;
    snprintf(r->db_path, sizeof r->db_path, "%s", ss_results_db_path(db));
    snprintf(r->command_line, sizeof r->command_line, "%s", o->command_line ? o->command_line : "");
    r->opts.command_line = r->command_line;
    if (c->n < 1 || load_models(r, db, d) < 0 || compare_options(r, d) < 0 ||
        ss_scenario_register(base_model(r)->run.resolved, &r->reg, &r->nreg, d) < 0) {
        if (c->n < 1)
            ss_fail(d, "no runs chosen");
        ss_report_free(r);
        return NULL;
    }
    collect_flows(r);
    draw_charts(r);
    return r;
}

void ss_report_free(ss_report *r)
{
    if (!r)
        return;
    for (int i = 0; r->options && i < r->nmodels - 1; i++) {
        ss_comparison_free(&r->options[i].cmp);
        ss_scenario_changes_free(r->options[i].changes, r->options[i].nchanges);
        ss_register_free(r->options[i].reg, r->options[i].nreg);
    }
    free(r->options);
    for (int i = 0; i < r->nmodels; i++)
        ss_stored_run_free(&r->models[i].run);
    free(r->models);
    ss_comparison_free(&r->self);
    free(r->svc_id);
    free(r->svc_name);
    ss_register_free(r->reg, r->nreg);
    for (int i = 0; i < r->nflows; i++)
        free(r->flows[i].mean);
    free(r->flows);
    for (int i = 0; i < r->ncharts; i++)
        free(r->charts[i].svg);
    free(r->charts);
    free(r);
}

int ss_report_charts(const ss_report *r, const char **why_not)
{
    int n = 0;
    *why_not = r->no_charts;
    for (int i = 0; i < r->ncharts; i++) {
        n += r->charts[i].svg != NULL;
        if (!r->charts[i].svg && !**why_not)
            *why_not = r->charts[i].why;  /* the first failure speaks for the rest */
    }
    return n;
}

/* ==== shared wording ======================================================================================= */

/* Norwegian writes a decimal comma, so an interval's two ends are parted by a semicolon:
 * "28.1 [15.3, 40.9]" becomes "28,1 [15,3; 40,9]".  Only figures pass through here. */
static void localise(const ss_report *r, char *s)
{
    if (r->opts.lang != SS_LANG_NB)
        return;
    for (; *s; s++) {
        if (*s == ',') *s = ';';
        else if (*s == '.') *s = ',';
    }
}

static void fte_text(const ss_report *r, char *buf, size_t n, double fte, bool signed_)
{
    snprintf(buf, n, signed_ ? "%+.1f" : "%.1f", fte);
    localise(r, buf);
}

/* The sentence that warns about different staffing, or says it is the same. */
static void staffing_sentence(const ss_report *r, int opt, char *buf, size_t n)
{
    const ss_comparison *c = &r->options[opt].cmp;
    char a[32], b[32], diff[32];
    fte_text(r, a, sizeof a, c->fte_base, false);
    fte_text(r, b, sizeof b, c->fte_option, false);
    fte_text(r, diff, sizeof diff, c->fte_option - c->fte_base, true);
    if (fabs(c->fte_option - c->fte_base) < 1e-9)
        snprintf(buf, n, T(r, S_FTE_SAME), a);
    else
        snprintf(buf, n, T(r, S_FTE_WARN), r->models[opt + 1].letter, b, r->models[0].letter, a, diff);
}

/* What the staffing difference costs a year, when the scenarios give a cost per FTE. */
static void cost_sentence(const ss_report *r, int opt, char *buf, size_t n)
{
    const ss_comparison *c = &r->options[opt].cmp;
    if (!(c->nok_per_fte_base > 0 && c->nok_per_fte_option > 0)) {
        snprintf(buf, n, "%s", T(r, S_NO_COST));
        return;
    }
    char per[48], diff[48];
    snprintf(per, sizeof per, "%.0f", c->nok_per_fte_option);
    snprintf(diff, sizeof diff, "%+.0f", c->fte_option * c->nok_per_fte_option - c->fte_base * c->nok_per_fte_base);
    snprintf(buf, n, T(r, S_COST), per, diff);
}

/* Words for the last meaningful key of a scenario path. */
typedef struct key_words { const char *key, *en, *nb; } key_words;
static const key_words key_words_table[] = {
    {"fte", "staff (FTE)", "bemanning (årsverk)"},
    {"case_share", "share of staff time for individual cases", "andel av tiden til enkeltsaker"},
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
    {"warmup_days", "warm-up days", "dager oppvarming"},
    {"count", "persons", "personer"},
    {"growth", "growth a year", "vekst per år"},
    {"name", "name", "navn"},
    {"seasonality", "seasonal pattern", "sesongmønster"},
};

static const char *words_for(const ss_report *r, const char *key)
{
    for (size_t i = 0; i < sizeof key_words_table / sizeof key_words_table[0]; i++)
        if (strcmp(key_words_table[i].key, key) == 0)
            return r->opts.lang == SS_LANG_NB ? key_words_table[i].nb : key_words_table[i].en;
    return NULL;
}

static bool is_service_id(const ss_report *r, const char *id)
{
    for (int s = 0; s < r->nsvc; s++)
        if (strcmp(r->svc_id[s], id) == 0)
            return true;
    return false;
}

/* "Forebyggende psykisk helsetjeneste: staff (FTE)" for services.fph.fte; other paths keep their
 * first part as the subject and name the most specific key that has words. */
static void plain_words(const ss_report *r, int opt, const char *path, char *out, size_t n)
{
    char copy[1024], *parts[32];
    int np = 0;
    snprintf(copy, sizeof copy, "%s", path);
    for (char *save = NULL, *p = strtok_r(copy, ".", &save); p && np < 32; p = strtok_r(NULL, ".", &save))
        parts[np++] = p;
    if (np == 0) {
        snprintf(out, n, "%s", path);
        return;
    }
    char subject[300];
    int rest = 1;
    if (strcmp(parts[0], "services") == 0 && np > 1) {
        const ss_stored_run *run = &base_model(r)->run;
        int s = service_in(run, parts[1]);
        if (s < 0) {
            run = &r->models[opt + 1].run;
            s = service_in(run, parts[1]);
        }
        snprintf(subject, sizeof subject, "%s", s >= 0 ? service_name(run, s) : parts[1]);
        rest = 2;
    } else if (np > 1 && (strcmp(parts[0], "doors") == 0 || strcmp(parts[0], "population") == 0 ||
                          strcmp(parts[0], "demand") == 0)) {
        snprintf(subject, sizeof subject, "%s %s", parts[0], parts[1]);
        rest = 2;
    } else {
        snprintf(subject, sizeof subject, "%s", parts[0]);
    }
    const char *what = NULL;
    for (int i = np - 1; i >= rest && !what; i--)
        if (!is_service_id(r, parts[i]))  /* "route.intake": intake names a service here */
            what = words_for(r, parts[i]);
    if (!what && rest == np)
        what = T(r, S_AS_A_WHOLE);  /* a whole service, door or cohort added or removed */
    snprintf(out, n, "%s: %s", subject, what ? what : np > rest ? path + (parts[rest] - copy) : parts[np - 1]);
}

static const char *kind_word(const ss_report *r, const char *kind)
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
static bool register_differs(const ss_report *r, const ss_register_entry *e)
{
    for (int i = 0; i < r->nreg; i++)
        if (strcmp(r->reg[i].path, e->path) == 0)
            return strcmp(r->reg[i].value, e->value) || strcmp(r->reg[i].kind, e->kind) || strcmp(r->reg[i].text, e->text);
    return true;
}

static int count_missing(const ss_register_entry *e, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += strcmp(e[i].kind, "missing") == 0;
    return k;
}

static const char *row_subject(const ss_report *r, const ss_compare_row *row)
{
    if (!*row->subject)
        return T(r, S_ALL_SERVICES);
    const ss_stored_run *base = &base_model(r)->run;
    int s = service_in(base, row->subject);
    return s >= 0 ? service_name(base, s) : row->subject;
}

/* The comparison whose rows the results tables show: the option's, or the base against itself. */
static const ss_comparison *results_of(const ss_report *r, int opt)
{
    return opt >= 0 ? &r->options[opt].cmp : &r->self;
}

/* ==== HTML ================================================================================================ */

static const char html_style[] =
    "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;color:#222;max-width:1150px;margin:0 auto;padding:24px 32px;line-height:1.45;font-size:15px}\n"
    "h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:34px 0 10px;border-bottom:2px solid #4c72b0;padding-bottom:4px}\n"
    "h3{font-size:16px;margin:22px 0 8px}.sub{color:#666;margin:0 0 18px}.question{font-size:17px;background:#f3f6fb;border-left:4px solid #4c72b0;padding:10px 14px}\n"
    "table{border-collapse:collapse;margin:8px 0 14px;font-size:13.5px}th,td{border-bottom:1px solid #ddd;padding:4px 9px;text-align:left;vertical-align:top}\n"
    "th{background:#f2f2f2}tr.first td{border-top:2px solid #bbb}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tr.sig td{background:#fff7e6}\n"
    "code{font-size:12.5px;background:#f4f4f4;padding:1px 3px;border-radius:3px;overflow-wrap:anywhere}\n"
    ".warn{background:#fff1f0;border-left:4px solid #c44e52;padding:8px 12px}.note{color:#555;font-size:13.5px}\n"
    ".charts{display:flex;flex-wrap:wrap;gap:14px}.chart{flex:1 1 520px;max-width:560px;margin:0}.chart.wide{max-width:760px;flex-basis:700px}\n"
    ".chart svg{width:100%;height:auto;border:1px solid #e4e4e4}figcaption{font-size:13px;color:#555}\n"
    ".swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:middle}\n"
    "nav ol{columns:2;font-size:14px}details{margin:8px 0}summary{cursor:pointer;color:#4c72b0}\n";

static void html_td(sbuf *b, const char *text, bool number)
{
    sb_str(b, number ? "<td class=\"n\">" : "<td>");
    sb_html(b, text);
    sb_str(b, "</td>");
}

static void html_th(sbuf *b, const char *text)
{
    sb_str(b, "<th>");
    sb_html(b, text);
    sb_str(b, "</th>");
}

static void html_models(const ss_report *r, sbuf *b)
{
    sb_fmt(b, "<table><tr>");
    const string_id head[] = {S_MODEL, S_SCENARIO, S_RUN, S_FTE_TOTAL, S_REPS, S_SEED};
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        html_th(b, T(r, head[i]));
    sb_str(b, "</tr>\n");
    for (int i = 0; i < r->nmodels; i++) {
        const model *m = &r->models[i];
        char title[64], fte[32], num[32];
        model_title(r, i, title, sizeof title);
        sb_fmt(b, "<tr><td><span class=\"swatch\" style=\"background:%s\"></span><b>", COLOUR(i));
        sb_html(b, title);
        sb_str(b, "</b> <code>");
        sb_html(b, m->label);
        sb_str(b, "</code></td>");
        html_td(b, m->run.scenario_name, false);
        snprintf(num, sizeof num, "%" PRId64, m->run.run_id);
        html_td(b, num, true);
        fte_text(r, fte, sizeof fte, ss_stored_run_fte(&m->run), false);
        html_td(b, fte, true);
        snprintf(num, sizeof num, "%d", m->run.nreps);
        html_td(b, num, true);
        snprintf(num, sizeof num, "%" PRIu64, m->run.seed);
        html_td(b, num, true);
        sb_str(b, "</tr>\n");
    }
    sb_str(b, "</table>\n");
}

static void question_text(const ss_report *r, char *buf, size_t n)
{
    const model *a = base_model(r);
    if (r->nmodels == 1) {
        snprintf(buf, n, T(r, S_QUESTION_SINGLE), a->run.scenario_name);
        return;
    }
    char options[300] = "";
    for (int i = 1; i < r->nmodels; i++) {
        size_t l = strlen(options);
        snprintf(options + l, sizeof options - l, "%s%s", i == 1 ? "" : i + 1 == r->nmodels ? (r->opts.lang == SS_LANG_NB ? " eller " : " or ") : ", ",
                 r->models[i].letter);
    }
    snprintf(buf, n, T(r, S_QUESTION_TEXT), a->run.scenario_name, options, a->letter);
}

static void html_question(const ss_report *r, sbuf *b)
{
    char q[1200];
    question_text(r, q, sizeof q);
    sb_fmt(b, "<h2 id=\"question\">1. %s</h2>\n<p class=\"question\">", T(r, S_QUESTION));
    sb_html(b, q);
    sb_str(b, "</p>\n");
    html_models(r, b);
}

static void html_change_list(const ss_report *r, int opt, sbuf *b)
{
    const option_view *o = &r->options[opt];
    sb_fmt(b, "<table><tr><th>%s</th>", T(r, S_IN_WORDS));
    html_th(b, T(r, S_PARAM));
    sb_fmt(b, "<th>%s (%s)</th><th>%s (%s)</th></tr>\n", T(r, S_OLD), r->models[0].letter, T(r, S_NEW), r->models[opt + 1].letter);
    for (int i = 0; i < o->nchanges; i++) {
        const ss_scenario_change *c = &o->changes[i];
        char words[600];
        plain_words(r, opt, c->path, words, sizeof words);
        sb_str(b, "<tr>");
        html_td(b, words, false);
        sb_str(b, "<td><code>");
        sb_html(b, c->path);
        sb_str(b, "</code></td><td><code>");
        sb_html(b, *c->old_value ? c->old_value : T(r, S_ADDED));
        sb_str(b, "</code></td><td><code>");
        sb_html(b, *c->new_value ? c->new_value : T(r, S_REMOVED));
        sb_str(b, "</code></td></tr>\n");
    }
    sb_str(b, "</table>\n");
}

static void html_changes(const ss_report *r, sbuf *b)
{
    sb_fmt(b, "<h2 id=\"changes\">2. %s</h2>\n", T(r, S_CHANGES));
    if (r->nmodels == 1)
        sb_fmt(b, "<p>%s</p>\n", T(r, S_ONLY_BASE));
    for (int i = 0; i + 1 < r->nmodels; i++) {
        const model *a = base_model(r), *m = &r->models[i + 1];
        char head[300], line[1200];
        snprintf(head, sizeof head, T(r, S_CHANGES_VS), m->letter, a->letter);
        sb_str(b, "<h3>");
        sb_html(b, head);
        sb_str(b, "</h3>\n");
        if (r->options[i].nchanges == 0) {
            snprintf(line, sizeof line, T(r, S_NO_CHANGES), m->letter, a->letter);
            sb_fmt(b, "<p>%s</p>\n", line);
        } else {
            html_change_list(r, i, b);
        }
        if (strcmp(a->run.rules_hash, m->run.rules_hash) == 0)
            snprintf(line, sizeof line, "%s", T(r, S_RULES_SAME));
        else
            snprintf(line, sizeof line, T(r, S_RULES_DIFF), a->run.rules_hash, m->run.rules_hash);
        sb_str(b, "<p>");
        sb_html(b, line);
        sb_str(b, "</p>\n");
        staffing_sentence(r, i, line, sizeof line);
        bool differs = fabs(r->options[i].cmp.fte_option - r->options[i].cmp.fte_base) > 1e-9;
        char cost[300];
        cost_sentence(r, i, cost, sizeof cost);
        sb_fmt(b, "<p%s>", differs ? " class=\"warn\"" : "");
        sb_html(b, line);
        sb_str(b, differs ? " " : "");
        sb_html(b, differs ? cost : "");
        sb_str(b, "</p>\n");
    }
}

/* The service is named on its first row only, so a block of rows reads as one service. */
static void html_result_row(const ss_report *r, sbuf *b, const ss_compare_row *row, bool with_diff, bool first_of_subject)
{
    const ss_metric_info *mi = ss_compare_row_info(row);
    char cell[160];
    bool sig = with_diff && row->distinguishable;
    sb_fmt(b, "<tr class=\"%s%s\">", sig ? "sig " : "", first_of_subject ? "first" : "");
    if (first_of_subject) {
        sb_str(b, "<td><b>");
        sb_html(b, row_subject(r, row));
        sb_str(b, "</b></td>");
    } else {
        sb_str(b, "<td></td>");
    }
    html_td(b, ss_metric_label(row->scope, row->metric, r->opts.lang), false);
    ss_compare_format_estimate(cell, sizeof cell, &row->base, mi->unit, false);
    localise(r, cell);
    html_td(b, cell, true);
    if (with_diff) {
        ss_compare_format_estimate(cell, sizeof cell, &row->option, mi->unit, false);
        localise(r, cell);
        html_td(b, cell, true);
        ss_compare_format_estimate(cell, sizeof cell, &row->diff, mi->unit, true);
        localise(r, cell);
        html_td(b, cell, true);
        ss_compare_format_relative(cell, sizeof cell, row->relative);
        localise(r, cell);
        html_td(b, cell, true);
        html_td(b, !isfinite(row->diff.ci_low) ? "-" : row->distinguishable ? T(r, S_YES) : T(r, S_NO), false);
        double q = ss_compare_narrowing(row);
        if (isfinite(q)) snprintf(cell, sizeof cell, "%.2f", q);
        else snprintf(cell, sizeof cell, "-");
        localise(r, cell);
        html_td(b, cell, true);
    }
    sb_str(b, "</tr>\n");
}

typedef bool (*row_filter)(const ss_compare_row *);

/* The rows that pass keep (NULL: every row), grouped by service. */
static void html_results_table(const ss_report *r, sbuf *b, int opt, row_filter keep)
{
    const ss_comparison *c = results_of(r, opt);
    char head[200];
    sb_str(b, "<table><tr>");
    html_th(b, T(r, S_SERVICE));
    html_th(b, T(r, S_RESULT));
    model_title(r, 0, head, sizeof head);
    html_th(b, head);
    if (opt >= 0) {
        html_th(b, r->models[opt + 1].letter);
        snprintf(head, sizeof head, "%s − %s (%s)", r->models[opt + 1].letter, r->models[0].letter, T(r, S_DIFF));
        html_th(b, head);
        html_th(b, T(r, S_CHANGE));
        html_th(b, T(r, S_BEYOND));
        html_th(b, T(r, S_NARROW));
    }
    sb_str(b, "</tr>\n");
    const char *last = NULL;
    for (int i = 0; i < c->nrows; i++) {
        if (keep && !keep(&c->rows[i]))
            continue;
        bool first = !last || strcmp(last, c->rows[i].subject) != 0;
        html_result_row(r, b, &c->rows[i], opt >= 0, first);
        last = c->rows[i].subject;
    }
    sb_str(b, "</table>\n");
}

static void pairing_sentence(const ss_report *r, int opt, char *buf, size_t n)
{
    int k;
    double med = ss_comparison_median_narrowing(&r->options[opt].cmp, &k);
    if (k == 0)
        buf[0] = '\0';
    else
        snprintf(buf, n, T(r, S_PAIRING), 100.0 * med, k);
}

static void html_results(const ss_report *r, sbuf *b)
{
    char line[1200];
    sb_fmt(b, "<h2 id=\"results\">3. %s</h2>\n", T(r, S_RESULTS));
    snprintf(line, sizeof line, T(r, S_HOWTO), base_model(r)->run.nreps);
    sb_str(b, "<p class=\"note\">");
    sb_html(b, line);
    sb_str(b, "</p>\n");
    for (int opt = r->nmodels > 1 ? 0 : -1; opt < r->nmodels - 1; opt++) {
        if (opt >= 0) {
            snprintf(line, sizeof line, T(r, S_CHANGES_VS), r->models[opt + 1].letter, r->models[0].letter);
            sb_str(b, "<h3>");
            sb_html(b, line);
            sb_str(b, "</h3>\n");
        }
        html_results_table(r, b, opt, ss_compare_is_key);
        if (opt >= 0) {
            pairing_sentence(r, opt, line, sizeof line);
            sb_str(b, "<p>");
            sb_html(b, line);
            sb_str(b, "</p>\n");
        }
        sb_fmt(b, "<details><summary>%s</summary>\n", T(r, S_ALL_RESULTS));
        html_results_table(r, b, opt, NULL);
        sb_str(b, "</details>\n");
    }
}

static void html_figure_charts(const ss_report *r, sbuf *b, figure_id fig)
{
    sb_str(b, "<div class=\"charts\">\n");
    for (int i = 0; i < r->ncharts; i++) {
        const chart *c = &r->charts[i];
        if (c->figure != fig)
            continue;
        bool wide = fig == FIG_CASELOAD || fig == FIG_FLOWS || fig == FIG_COMPLIANCE;
        sb_fmt(b, "<figure class=\"chart%s\">", wide ? " wide" : "");
        if (c->svg) {
            sb_str(b, c->svg);
        } else {
            char line[800];
            snprintf(line, sizeof line, T(r, S_CHART_FAILED), c->why);
            sb_str(b, "<p class=\"warn\">");
            sb_html(b, line);
            sb_str(b, "</p>");
        }
        sb_str(b, "<figcaption>");
        sb_html(b, c->title);
        sb_str(b, "</figcaption></figure>\n");
    }
    sb_str(b, "</div>\n");
}

static void html_flow_table(const ss_report *r, sbuf *b)
{
    sb_str(b, "<table><tr>");
    html_th(b, T(r, S_FROM));
    html_th(b, T(r, S_TO));
    for (int m = 0; m < r->nmodels; m++)
        html_th(b, r->models[m].letter);
    sb_str(b, "</tr>\n");
    for (int i = 0; i < r->nflows; i++) {
        const flow_row *f = &r->flows[i];
        char num[32];
        sb_str(b, "<tr>");
        html_td(b, flow_end(r, f->from, true, true), false);
        html_td(b, flow_end(r, f->to, false, true), false);
        for (int m = 0; m < r->nmodels; m++) {
            snprintf(num, sizeof num, "%.1f", f->mean[m]);
            localise(r, num);
            html_td(b, num, true);
        }
        sb_str(b, "</tr>\n");
    }
    sb_str(b, "</table>\n");
}

static bool figure_has_charts(const ss_report *r, figure_id fig)
{
    for (int i = 0; i < r->ncharts; i++)
        if (r->charts[i].figure == fig)
            return true;
    return false;
}

static void html_figure(const ss_report *r, sbuf *b, figure_id fig, int number)
{
    char note[600];
    sb_fmt(b, "<section id=\"%s\"><h3>4.%d %s</h3>\n", figure_anchor[fig], number, T(r, figure_title[fig]));
    switch (fig) {
    case FIG_WAITS: snprintf(note, sizeof note, "%s", T(r, S_FIG_WAITS_NOTE)); break;
    case FIG_QUEUES: snprintf(note, sizeof note, "%s", T(r, S_FIG_QUEUES_NOTE)); break;
    case FIG_CASELOAD: snprintf(note, sizeof note, "%s", T(r, S_FIG_CASELOAD_NOTE)); break;
    case FIG_FLOWS: snprintf(note, sizeof note, T(r, S_FIG_FLOWS_NOTE), base_model(r)->run.horizon_days - base_model(r)->run.warmup_days); break;
    default: snprintf(note, sizeof note, "%s", T(r, S_COMPLIANCE_NOTE));
    }
    sb_str(b, "<p class=\"note\">");
    sb_html(b, note);
    sb_str(b, "</p>\n");
    if (fig == FIG_COMPLIANCE && !runs_have_coordination_figures(r)) {
        sb_str(b, "<p>");
        sb_html(b, T(r, engine_has_coordination_metrics() ? S_NO_COORDINATION : S_NO_COORDINATION_ENGINE));
        sb_str(b, "</p>\n");
    }
    if (fig == FIG_COMPLIANCE)
        html_results_table(r, b, r->nmodels > 1 ? 0 : -1, is_compliance_row);
    if (fig == FIG_WAITS && *r->waits_quick) {
        snprintf(note, sizeof note, T(r, S_WAITS_QUICK), r->waits_quick);
        sb_str(b, "<p>");
        sb_html(b, note);
        sb_str(b, "</p>\n");
    }
    if (fig == FIG_QUEUES && r->no_queue)
        sb_fmt(b, "<p>%s</p>\n", T(r, S_NO_QUEUE));
    if (fig == FIG_FLOWS)
        html_flow_table(r, b);
    if (figure_has_charts(r, fig))
        html_figure_charts(r, b, fig);
    else if (fig == FIG_COMPLIANCE && !*r->no_charts)
        sb_fmt(b, "<p>%s</p>\n", T(r, S_NO_COMPLIANCE));
    sb_str(b, "</section>\n");
}

static void html_charts(const ss_report *r, sbuf *b)
{
    sb_fmt(b, "<h2 id=\"charts\">4. %s</h2>\n", T(r, S_CHARTS));
    if (*r->no_charts) {
        char line[800];
        snprintf(line, sizeof line, T(r, S_NO_GNUPLOT), r->no_charts);
        sb_str(b, "<p class=\"warn\">");
        sb_html(b, line);
        sb_str(b, "</p>\n");
    }
    for (int f = 0; f < NFIGURES; f++)
        html_figure(r, b, (figure_id)f, f + 1);
}

static void html_register_rows(const ss_report *r, sbuf *b, const ss_register_entry *e, int n, bool only_changed)
{
    sb_str(b, "<table><tr>");
    html_th(b, T(r, S_PARAM));
    html_th(b, T(r, S_VALUE));
    html_th(b, T(r, S_KIND));
    html_th(b, T(r, S_SOURCE_OR_REASON));
    sb_str(b, "</tr>\n");
    for (int i = 0; i < n; i++) {
        if (strcmp(e[i].kind, "missing") == 0 || (only_changed && !register_differs(r, &e[i])))
            continue;
        sb_str(b, "<tr><td><code>");
        sb_html(b, e[i].path);
        sb_str(b, "</code></td>");
        html_td(b, e[i].value, false);
        html_td(b, kind_word(r, e[i].kind), false);
        html_td(b, e[i].text, false);
        sb_str(b, "</tr>\n");
    }
    sb_str(b, "</table>\n");
}

static void html_missing(const ss_report *r, sbuf *b)
{
    int k = count_missing(r->reg, r->nreg);
    if (k == 0)
        return;
    char head[200];
    snprintf(head, sizeof head, T(r, S_MISSING), k);
    sb_str(b, "<details><summary>");
    sb_html(b, head);
    sb_str(b, "</summary><p>");
    for (int i = 0, first = 1; i < r->nreg; i++) {
        if (strcmp(r->reg[i].kind, "missing") != 0)
            continue;
        sb_str(b, first ? "<code>" : ", <code>");
        sb_html(b, r->reg[i].path);
        sb_str(b, "</code> = ");
        sb_html(b, r->reg[i].value);
        first = 0;
    }
    sb_str(b, "</p></details>\n");
}

static void html_register(const ss_report *r, sbuf *b)
{
    char line[600];
    sb_fmt(b, "<h2 id=\"assumptions\">5. %s</h2>\n", T(r, S_REGISTER));
    snprintf(line, sizeof line, T(r, S_REGISTER_NOTE), r->models[0].letter);
    sb_str(b, "<p class=\"note\">");
    sb_html(b, line);
    sb_str(b, "</p>\n");
    html_register_rows(r, b, r->reg, r->nreg, false);
    html_missing(r, b);
    for (int i = 0; i + 1 < r->nmodels; i++) {
        const option_view *o = &r->options[i];
        int differing = 0;
        for (int k = 0; k < o->nreg; k++)
            differing += strcmp(o->reg[k].kind, "missing") != 0 && register_differs(r, &o->reg[k]);
        if (differing == 0) {
            snprintf(line, sizeof line, T(r, S_REGISTER_SAME), r->models[i + 1].letter, r->models[0].letter);
            sb_str(b, "<p>");
            sb_html(b, line);
            sb_str(b, "</p>\n");
            continue;
        }
        snprintf(line, sizeof line, T(r, S_REGISTER_CHANGED), r->models[i + 1].letter);
        sb_str(b, "<h3>");
        sb_html(b, line);
        sb_str(b, "</h3>\n");
        html_register_rows(r, b, o->reg, o->nreg, true);
    }
}

static void html_repro_row(sbuf *b, const char *label, const char *value, bool code)
{
    sb_str(b, "<tr><th>");
    sb_html(b, label);
    sb_str(b, code ? "</th><td><code>" : "</th><td>");
    sb_html(b, value);
    sb_str(b, code ? "</code></td></tr>\n" : "</td></tr>\n");
}

static void html_repro(const ss_report *r, sbuf *b)
{
    sb_fmt(b, "<h2 id=\"reproducibility\">6. %s</h2>\n<p class=\"note\">", T(r, S_REPRO));
    sb_html(b, T(r, S_REPRO_NOTE));
    sb_str(b, "</p>\n");
    for (int i = 0; i < r->nmodels; i++) {
        const ss_stored_run *run = &r->models[i].run;
        char title[64], v[600];
        model_title(r, i, title, sizeof title);
        sb_str(b, "<h3>");
        sb_html(b, title);
        sb_fmt(b, " — %s %" PRId64 "</h3>\n<table>\n", T(r, S_RUN), run->run_id);
        html_repro_row(b, T(r, S_SCENARIO), run->scenario_path, true);
        html_repro_row(b, T(r, S_ENGINE), run->engine_version, false);
        html_repro_row(b, T(r, S_SCEN_HASH), run->scenario_hash, true);
        html_repro_row(b, T(r, S_RULES_HASH), run->rules_hash, true);
        snprintf(v, sizeof v, "%" PRIu64, run->seed);
        html_repro_row(b, T(r, S_SEED), v, false);
        snprintf(v, sizeof v, "%d", run->nreps);
        html_repro_row(b, T(r, S_REPS), v, false);
        snprintf(v, sizeof v, T(r, S_PERIOD_FMT), run->start_date, run->horizon_days, run->warmup_days);
        html_repro_row(b, T(r, S_PERIOD), v, false);
        snprintf(v, sizeof v, "%s – %s", run->started_at, run->finished_at);
        html_repro_row(b, T(r, S_STARTED), v, false);
        html_repro_row(b, T(r, S_COMMAND), run->command_line, true);
        sb_str(b, "</table>\n");
    }
    if (*r->choice.command_line) {
        sb_fmt(b, "<p>%s:<br><code>", T(r, S_COMPARE_CMD));
        sb_html(b, r->choice.command_line);
        sb_str(b, "</code></p>\n");
    }
    sb_fmt(b, "<p>%s:<br><code>", T(r, S_REPORT_CMD));
    sb_html(b, r->command_line);
    sb_str(b, "</code></p>\n");
}

static void html_contents(const ss_report *r, sbuf *b)
{
    sb_fmt(b, "<nav><b>%s</b><ol>", T(r, S_CONTENTS));
    sb_fmt(b, "<li><a href=\"#question\">%s</a></li><li><a href=\"#changes\">%s</a></li><li><a href=\"#results\">%s</a></li>",
           T(r, S_QUESTION), T(r, S_CHANGES), T(r, S_RESULTS));
    sb_fmt(b, "<li><a href=\"#charts\">%s</a></li><li><a href=\"#assumptions\">%s</a></li><li><a href=\"#reproducibility\">%s</a></li>",
           T(r, S_CHARTS), T(r, S_REGISTER), T(r, S_REPRO));
    sb_str(b, "</ol></nav>\n");
}

int ss_report_write_html(const ss_report *r, FILE *f)
{
    sbuf b = {0};
    sb_fmt(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>", r->opts.lang == SS_LANG_NB ? "nb" : "en");
    sb_html(&b, T(r, S_TITLE));
    sb_str(&b, " — ");
    sb_html(&b, base_model(r)->run.scenario_name);
    sb_fmt(&b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", html_style);
    sb_html(&b, T(r, S_TITLE));
    sb_str(&b, "</h1>\n<p class=\"sub\">");
    sb_html(&b, base_model(r)->run.scenario_name);
    sb_fmt(&b, " · %s <code>", T(r, S_DATABASE));
    sb_html(&b, r->db_path);
    sb_fmt(&b, "</code> · samsim %s</p>\n", SS_VERSION);
    html_contents(r, &b);
    html_question(r, &b);
    html_changes(r, &b);
    html_results(r, &b);
    html_charts(r, &b);
    html_register(r, &b);
    html_repro(r, &b);
    sb_str(&b, "</body>\n</html>\n");
    size_t w = fwrite(b.s, 1, b.n, f);
    free(b.s);
    return w == b.n && fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

/* ==== Markdown =============================================================================================== */

static void md_row(sbuf *b, const char *const *cells, int n)
{
    sb_str(b, "|");
    for (int i = 0; i < n; i++) {
        sb_str(b, " ");
        sb_md(b, cells[i]);
        sb_str(b, " |");
    }
    sb_str(b, "\n");
}

static void md_rule(sbuf *b, int n, int first_text)
{
    sb_str(b, "|");
    for (int i = 0; i < n; i++)
        sb_str(b, i < first_text ? " --- |" : " ---: |");
    sb_str(b, "\n");
}

static void md_models(const ss_report *r, sbuf *b)
{
    const char *head[] = {T(r, S_MODEL), T(r, S_SCENARIO), T(r, S_RUN), T(r, S_FTE_TOTAL), T(r, S_REPS), T(r, S_SEED)};
    md_row(b, head, 6);
    md_rule(b, 6, 2);
    for (int i = 0; i < r->nmodels; i++) {
        const model *m = &r->models[i];
        char title[600], run[32], fte[32], reps[32], seed[32];
        char t[64];
        model_title(r, i, t, sizeof t);
        snprintf(title, sizeof title, "%s `%s`", t, m->label);
        snprintf(run, sizeof run, "%" PRId64, m->run.run_id);
        fte_text(r, fte, sizeof fte, ss_stored_run_fte(&m->run), false);
        snprintf(reps, sizeof reps, "%d", m->run.nreps);
        snprintf(seed, sizeof seed, "%" PRIu64, m->run.seed);
        const char *cells[] = {title, m->run.scenario_name, run, fte, reps, seed};
        md_row(b, cells, 6);
    }
}

static void md_changes(const ss_report *r, sbuf *b)
{
    sb_fmt(b, "\n## 2. %s\n\n", T(r, S_CHANGES));
    if (r->nmodels == 1)
        sb_fmt(b, "%s\n", T(r, S_ONLY_BASE));
    for (int i = 0; i + 1 < r->nmodels; i++) {
        const model *a = base_model(r), *m = &r->models[i + 1];
        char line[1200];
        snprintf(line, sizeof line, T(r, S_CHANGES_VS), m->letter, a->letter);
        sb_fmt(b, "### %s\n\n", line);
        if (r->options[i].nchanges == 0) {
            snprintf(line, sizeof line, T(r, S_NO_CHANGES), m->letter, a->letter);
            sb_fmt(b, "%s\n\n", line);
        }
        for (int k = 0; k < r->options[i].nchanges; k++) {
            const ss_scenario_change *c = &r->options[i].changes[k];
            char words[600];
            plain_words(r, i, c->path, words, sizeof words);
            sb_fmt(b, "- %s: `%s` → `%s` (`%s`)\n", words, *c->old_value ? c->old_value : T(r, S_ADDED),
                   *c->new_value ? c->new_value : T(r, S_REMOVED), c->path);
        }
        if (strcmp(a->run.rules_hash, m->run.rules_hash) == 0)
            snprintf(line, sizeof line, "%s", T(r, S_RULES_SAME));
        else
            snprintf(line, sizeof line, T(r, S_RULES_DIFF), a->run.rules_hash, m->run.rules_hash);
        sb_fmt(b, "\n%s\n\n", line);
        staffing_sentence(r, i, line, sizeof line);
        bool differs = fabs(r->options[i].cmp.fte_option - r->options[i].cmp.fte_base) > 1e-9;
        char cost[300];
        cost_sentence(r, i, cost, sizeof cost);
        if (differs)
            sb_fmt(b, "> **%s** %s\n\n", line, cost);
        else
            sb_fmt(b, "%s\n\n", line);
    }
}

static void md_results_table(const ss_report *r, sbuf *b, int opt, bool key_only)
{
    const ss_comparison *c = results_of(r, opt);
    char a[64], diff[200];
    model_title(r, 0, a, sizeof a);
    snprintf(diff, sizeof diff, "%s − %s (%s)", opt >= 0 ? r->models[opt + 1].letter : "", r->models[0].letter, T(r, S_DIFF));
    const char *head[] = {T(r, S_SERVICE), T(r, S_RESULT), a, opt >= 0 ? r->models[opt + 1].letter : "", diff,
                          T(r, S_CHANGE), T(r, S_BEYOND), T(r, S_NARROW)};
    int ncols = opt >= 0 ? 8 : 3;
    md_row(b, head, ncols);
    md_rule(b, ncols, 2);
    for (int i = 0; i < c->nrows; i++) {
        const ss_compare_row *row = &c->rows[i];
        if (key_only && !ss_compare_is_key(row))
            continue;
        const ss_metric_info *mi = ss_compare_row_info(row);
        char base[160], option[160], d[160], rel[32], q[32];
        ss_compare_format_estimate(base, sizeof base, &row->base, mi->unit, false);
        ss_compare_format_estimate(option, sizeof option, &row->option, mi->unit, false);
        ss_compare_format_estimate(d, sizeof d, &row->diff, mi->unit, true);
        ss_compare_format_relative(rel, sizeof rel, row->relative);
        double nq = ss_compare_narrowing(row);
        if (isfinite(nq)) snprintf(q, sizeof q, "%.2f", nq);
        else snprintf(q, sizeof q, "-");
        localise(r, base);
        localise(r, option);
        localise(r, d);
        localise(r, rel);
        localise(r, q);
        const char *cells[] = {row_subject(r, row), ss_metric_label(row->scope, row->metric, r->opts.lang), base, option, d, rel,
                               !isfinite(row->diff.ci_low) ? "-" : row->distinguishable ? T(r, S_YES) : T(r, S_NO), q};
        md_row(b, cells, ncols);
    }
}

static void md_results(const ss_report *r, sbuf *b)
{
    char line[1200];
    sb_fmt(b, "\n## 3. %s\n\n", T(r, S_RESULTS));
    snprintf(line, sizeof line, T(r, S_HOWTO), base_model(r)->run.nreps);
    sb_fmt(b, "%s\n\n", line);
    for (int opt = r->nmodels > 1 ? 0 : -1; opt < r->nmodels - 1; opt++) {
        if (opt >= 0) {
            snprintf(line, sizeof line, T(r, S_CHANGES_VS), r->models[opt + 1].letter, r->models[0].letter);
            sb_fmt(b, "### %s\n\n", line);
        }
        md_results_table(r, b, opt, true);
        if (opt >= 0) {
            pairing_sentence(r, opt, line, sizeof line);
            sb_fmt(b, "\n%s\n\n", line);
        }
    }
}

static void md_flows(const ss_report *r, sbuf *b)
{
    const char *head[2 + SS_REPORT_MAX_RUNS];
    head[0] = T(r, S_FROM);
    head[1] = T(r, S_TO);
    for (int m = 0; m < r->nmodels; m++)
        head[2 + m] = r->models[m].letter;
    md_row(b, head, 2 + r->nmodels);
    md_rule(b, 2 + r->nmodels, 2);
    char nums[SS_REPORT_MAX_RUNS][32];
    for (int i = 0; i < r->nflows; i++) {
        const char *cells[2 + SS_REPORT_MAX_RUNS];
        cells[0] = flow_end(r, r->flows[i].from, true, true);
        cells[1] = flow_end(r, r->flows[i].to, false, true);
        for (int m = 0; m < r->nmodels; m++) {
            snprintf(nums[m], sizeof nums[m], "%.1f", r->flows[i].mean[m]);
            localise(r, nums[m]);
            cells[2 + m] = nums[m];
        }
        md_row(b, cells, 2 + r->nmodels);
    }
}

/* The compliance figures as a table, since Markdown has no charts. */
static void md_compliance(const ss_report *r, sbuf *b)
{
    if (!runs_have_coordination_figures(r))
        sb_fmt(b, "%s\n\n", T(r, engine_has_coordination_metrics() ? S_NO_COORDINATION : S_NO_COORDINATION_ENGINE));
    const ss_comparison *c = results_of(r, r->nmodels > 1 ? 0 : -1);
    for (int i = 0; i < c->nrows; i++) {
        const ss_compare_row *row = &c->rows[i];
        if (!is_compliance_row(row))
            continue;
        const ss_metric_info *mi = ss_compare_row_info(row);
        char base[160], option[160];
        ss_compare_format_estimate(base, sizeof base, &row->base, mi->unit, false);
        ss_compare_format_estimate(option, sizeof option, &row->option, mi->unit, false);
        localise(r, base);
        localise(r, option);
        sb_fmt(b, "- %s, %s: %s %s", row_subject(r, row), ss_metric_label(row->scope, row->metric, r->opts.lang),
               r->models[0].letter, base);
        if (r->nmodels > 1)
            sb_fmt(b, ", %s %s", r->models[1].letter, option);
        sb_str(b, "\n");
    }
}

static void md_charts(const ss_report *r, sbuf *b)
{
    sb_fmt(b, "\n## 4. %s\n\n%s", T(r, S_CHARTS), T(r, S_MD_CHARTS));
    if (*r->no_charts) {
        char line[800];
        snprintf(line, sizeof line, T(r, S_NO_GNUPLOT), r->no_charts);
        sb_fmt(b, " %s", line);
    }
    char note[600];
    snprintf(note, sizeof note, T(r, S_FIG_FLOWS_NOTE), base_model(r)->run.horizon_days - base_model(r)->run.warmup_days);
    sb_fmt(b, "\n\n### %s\n\n%s\n\n", T(r, S_FIG_FLOWS), note);
    md_flows(r, b);
    sb_fmt(b, "\n### %s\n\n", T(r, S_FIG_COMPLIANCE));
    md_compliance(r, b);
}

static void md_register(const ss_report *r, sbuf *b)
{
    char line[600];
    sb_fmt(b, "\n## 5. %s\n\n", T(r, S_REGISTER));
    snprintf(line, sizeof line, T(r, S_REGISTER_NOTE), r->models[0].letter);
    sb_fmt(b, "%s\n\n", line);
    const char *head[] = {T(r, S_PARAM), T(r, S_VALUE), T(r, S_KIND), T(r, S_SOURCE_OR_REASON)};
    md_row(b, head, 4);
    md_rule(b, 4, 4);
    for (int i = 0; i < r->nreg; i++) {
        if (strcmp(r->reg[i].kind, "missing") == 0)
            continue;
        char path[600];
        snprintf(path, sizeof path, "`%s`", r->reg[i].path);
        const char *cells[] = {path, r->reg[i].value, kind_word(r, r->reg[i].kind), r->reg[i].text};
        md_row(b, cells, 4);
    }
    int k = count_missing(r->reg, r->nreg);
    if (k > 0) {
        snprintf(line, sizeof line, T(r, S_MISSING), k);
        sb_fmt(b, "\n%s: ", line);
        for (int i = 0, first = 1; i < r->nreg; i++)
            if (strcmp(r->reg[i].kind, "missing") == 0) {
                sb_fmt(b, "%s`%s`", first ? "" : ", ", r->reg[i].path);
                first = 0;
            }
        sb_str(b, "\n");
    }
    for (int i = 0; i + 1 < r->nmodels; i++) {
        const option_view *o = &r->options[i];
        snprintf(line, sizeof line, T(r, S_REGISTER_CHANGED), r->models[i + 1].letter);
        bool any = false;
        for (int e = 0; e < o->nreg; e++) {
            if (strcmp(o->reg[e].kind, "missing") == 0 || !register_differs(r, &o->reg[e]))
                continue;
            if (!any)
                sb_fmt(b, "\n### %s\n\n", line);
            any = true;
            sb_fmt(b, "- `%s` = %s (%s: %s)\n", o->reg[e].path, o->reg[e].value, kind_word(r, o->reg[e].kind), o->reg[e].text);
        }
        if (!any) {
            snprintf(line, sizeof line, T(r, S_REGISTER_SAME), r->models[i + 1].letter, r->models[0].letter);
            sb_fmt(b, "\n%s\n", line);
        }
    }
}

static void md_repro(const ss_report *r, sbuf *b)
{
    sb_fmt(b, "\n## 6. %s\n\n%s\n\n", T(r, S_REPRO), T(r, S_REPRO_NOTE));
    for (int i = 0; i < r->nmodels; i++) {
        const ss_stored_run *run = &r->models[i].run;
        char title[64], period[300];
        model_title(r, i, title, sizeof title);
        snprintf(period, sizeof period, T(r, S_PERIOD_FMT), run->start_date, run->horizon_days, run->warmup_days);
        sb_fmt(b, "- **%s**, %s %" PRId64 ": `%s`; %s %s; %s `%s`; %s `%s`; %s %" PRIu64 "; %s %d; %s %s; %s `%s`\n", title,
               T(r, S_RUN), run->run_id, run->scenario_path, T(r, S_ENGINE), run->engine_version, T(r, S_SCEN_HASH),
               run->scenario_hash, T(r, S_RULES_HASH), run->rules_hash, T(r, S_SEED), run->seed, T(r, S_REPS), run->nreps,
               T(r, S_PERIOD), period, T(r, S_COMMAND), run->command_line);
    }
    if (*r->choice.command_line)
        sb_fmt(b, "\n%s:\n\n    %s\n", T(r, S_COMPARE_CMD), r->choice.command_line);
    sb_fmt(b, "\n%s:\n\n    %s\n", T(r, S_REPORT_CMD), r->command_line);
}

int ss_report_write_markdown(const ss_report *r, FILE *f)
{
    sbuf b = {0};
    char q[1200];
    sb_fmt(&b, "# %s: %s\n\n", T(r, S_TITLE), base_model(r)->run.scenario_name);
    sb_fmt(&b, "%s `%s` · samsim %s\n\n## 1. %s\n\n", T(r, S_DATABASE), r->db_path, SS_VERSION, T(r, S_QUESTION));
    question_text(r, q, sizeof q);
    sb_fmt(&b, "%s\n\n", q);
    md_models(r, &b);
    md_changes(r, &b);
    md_results(r, &b);
    md_charts(r, &b);
    md_register(r, &b);
    md_repro(r, &b);
    size_t w = fwrite(b.s, 1, b.n, f);
    free(b.s);
    return w == b.n && fflush(f) == 0 && !ferror(f) ? 0 : -1;
}
