/* test_rulefields: the rules bridge reads every field its table (rulefields.h) names, with the
 * values of the call in progress, and names the table's fields when a rule asks for another. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rulefields.h"
#include "rules.h"
#include "scenario.h"

/* "p.id, p.age, ...": the rule reads every field of the view (lookups are called). */
static void reads(const ss_rule_view *v, const char *var, char *out, size_t n)
{
    size_t k = 0;
    out[0] = '\0';
    for (const ss_rule_field *f = v->fields; f->name; f++)
        k += (size_t)snprintf(out + k, n - k, "%s%s.%s%s", k ? ", " : "", var, f->name,
                              f->type == SS_RF_LOOKUP ? "('treat')" : "");
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

typedef struct fixture {
    char dir[64];
    ss_scenario *sc;
    ss_rules *rules;
    int queue[4], caseload[4];
    ss_world w;
    ss_person p;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/samsim_test_rulefields_XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    char path[128], rule[4096], p[1024], s[1024], c[1024];
    reads(&ss_person_view, "p", p, sizeof p);
    reads(&ss_service_view, "s", s, sizeof s);
    reads(&ss_ctx_view, "ctx", c, sizeof c);
    snprintf(rule, sizeof rule,
             "return {\n"
             "  next = function(p, s, ctx)\n"
             "    local _ = { %s, %s, %s }\n"
             "    return (p.need == 'severe' and s.id == 'intake' and ctx.day == 5 and ctx.queue('treat') == 4\n"
             "            and #p.history == 1 and p.door == 'gp') and 'treat' or 'discharge'\n"
             "  end,\n"
             "  odd = function(p) return p.nosuch end,\n"
             "  svc = function(p, s, ctx)\n"
             "    return (s.id == 'treat' and s.queue == 4 and s.caseload == 2 and s.unit == nil\n"
             "            and s.capacity == 1 and s.fte ~= nil) and 'intake' or 'discharge'\n"
             "  end,\n"
             "  bad = function(p, s, ctx) if ctx.rep == 9 then return s.queu end return 'discharge' end,\n"
             "  write = function(p, s, ctx) if ctx.rep == 9 then s.fte = 2 end return 'discharge' end,\n"
             "}\n", p, s, c);
    snprintf(path, sizeof path, "%s/all.lua", f->dir);
    write_text(path, rule);
    /* a file that writes nothing and calls nothing unknown: its rules get a table for person
     * (each calls a function, so its calls are not kept: it reads the table, not the view) */
    snprintf(path, sizeof path, "%s/tab.lua", f->dir);
    write_text(path,
               "local function sum(p)\n"
               "  return p.id * 1000000 + p.severity * 100000 + p.referrals * 10000 + p.handoffs * 1000\n"
               "    + p.bounces * 100 + p.services * 10 + (p.complex and 1 or 0) + (p.need == 'severe' and 2 or 0)\n"
               "    + (p.door == nil and 4 or 0) + (p.current == 'intake' and 8 or 0)\n"
               "    + p.age + p.arrived + p.days_since_concern + p.waited\n"
               "end\n"
               "return {\n"
               "  priority = function(p, s, ctx) return sum(p) end,\n"
               "  odd = function(p) return sum(p) and p.nosuch end,\n"
               "  same = function(p) return sum(p) and p end,\n"
               "}\n");
    snprintf(path, sizeof path, "%s/s.lua", f->dir);
    write_text(path,
               "return { name = 't', calendar = { start = '2021-03-01', horizon_days = 30 },\n"
               "  needs = { 'mild', 'severe' }, doors = { gp = { route = 'intake' } },\n"
               "  services = { intake = { capacity = { slots = 1 }, episode = 1, next = 'all.lua:next' },\n"
               "               treat = { capacity = { slots = 1 }, episode = 1, next = 'all.lua:odd' },\n"
               "               x_check = { capacity = { slots = 1 }, episode = 1, next = 'all.lua:svc' },\n"
               "               x_bad = { capacity = { slots = 1 }, episode = 1, next = 'all.lua:bad' },\n"
               "               x_write = { capacity = { slots = 1 }, episode = 1, next = 'all.lua:write' },\n"
               "               y_tab = { capacity = { slots = 1 }, episode = 1, next = 'tab.lua:odd',\n"
               "                         queue = { 'priority', rule = 'tab.lua' }, accept = 'tab.lua:same' } },\n"
               "  demand = { { need = 'mild', rate_per_day = 1, door = 'gp' } } }\n");
    ss_diag d;
    f->sc = ss_scenario_load(path, NULL, &d);
    if (!f->sc) fail_msg("%s", d.msg);
    f->rules = ss_rules_new(ss_scenario_model(f->sc), &d);
    if (!f->rules) fail_msg("%s", d.msg);
    f->queue[1] = 4;
    f->caseload[1] = 2;
    f->w = (ss_world){.m = ss_scenario_model(f->sc), .queue_len = f->queue, .caseload = f->caseload, .now = 5};
    f->p = (ss_person){.id = 1, .need = 1, .severity = 1, .door = 0, .service = 0, .age0 = 30, .npath = 1};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    ss_rules_free(f->rules);
    ss_scenario_free(f->sc);
    snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static void every_field_of_the_table_is_given(void **state)
{
    fixture *f = *state;
    const ss_model *m = ss_scenario_model(f->sc);
    int target = -9;
    ss_diag d;
    if (ss_rules_next(f->rules, m->services[0].next.slot, &f->p, 0, &f->w, &target, &d) < 0)
        fail_msg("%s", d.msg);
    assert_int_equal(target, 1);  /* treat: every value was the call's */
    f->p.need = 0;
    assert_int_equal(ss_rules_next(f->rules, m->services[0].next.slot, &f->p, 0, &f->w, &target, &d), 0);
    assert_int_equal(target, SS_T_DISCHARGE);
}

static void an_unknown_field_lists_the_table(void **state)
{
    fixture *f = *state;
    const ss_model *m = ss_scenario_model(f->sc);
    int target;
    ss_diag d;
    char list[512], want[700];
    assert_int_equal(ss_rules_next(f->rules, m->services[1].next.slot, &f->p, 1, &f->w, &target, &d), -1);
    ss_rule_field_list(&ss_person_view, list, sizeof list);
    snprintf(want, sizeof want, "person has no field 'nosuch' (fields: %s)", list);
    assert_contains(d.msg, want);
    assert_contains(d.msg, "all.lua:7: error in rule 'odd' (person 1, service treat, 2021-03-06, replication 1): ");
}

/* The service view shows the service of the call: its fixed fields (read without a call into C)
 * and those that change (queue, caseload) alike; a name that is no field is an error at the
 * rule's line naming the fields, and the view cannot be written. */
static void the_service_view_is_the_calls_service(void **state)
{
    fixture *f = *state;
    const ss_model *m = ss_scenario_model(f->sc);
    int target = -9;
    ss_diag d;
    if (ss_rules_next(f->rules, m->services[3].next.slot, &f->p, 1, &f->w, &target, &d) < 0)
        fail_msg("%s", d.msg);
    assert_int_equal(target, 0);  /* intake: the view was treat's (services in id order: intake, treat,
                                   * x_bad, x_check, x_write) */
    assert_int_equal(ss_rules_next(f->rules, m->services[3].next.slot, &f->p, 0, &f->w, &target, &d), 0);
    assert_int_equal(target, SS_T_DISCHARGE);  /* intake's view: another id, queue and caseload */
    f->queue[0] = 4;
    f->caseload[0] = 2;
    assert_int_equal(ss_rules_next(f->rules, m->services[3].next.slot, &f->p, 0, &f->w, &target, &d), 0);
    assert_int_equal(target, SS_T_DISCHARGE);  /* still not treat */
    char list[512], want[700];
    ss_rule_field_list(&ss_service_view, list, sizeof list);
    f->w.rep = 8;  /* the rules below fail only here (ctx.rep 9), not when the scenario is checked */
    snprintf(want, sizeof want, "all.lua:12: error in rule 'bad' (person 1, service treat, 2021-03-06, replication 9): "
             "service has no field 'queu' (fields: %s)", list);
    assert_int_equal(ss_rules_next(f->rules, m->services[2].next.slot, &f->p, 1, &f->w, &target, &d), -1);
    assert_contains(d.msg, want);
    assert_int_equal(ss_rules_next(f->rules, m->services[4].next.slot, &f->p, 1, &f->w, &target, &d), -1);
    assert_contains(d.msg, "the service view is read-only");
}

/* A rule that cannot tell a table from the person view (ss_sandbox_views_as_tables) gets one
 * with the fields it reads set for each call: the call's values, nil for a door there is not,
 * and the view's own error for a name that is no field and name when returned. */
static void a_table_for_the_person_view_gives_the_same(void **state)
{
    fixture *f = *state;
    const ss_model *m = ss_scenario_model(f->sc);
    const ss_service *tab = &m->services[5];
    double prio = 0;
    ss_diag d;
    f->p = (ss_person){.id = 7, .need = 1, .severity = 2, .door = -1, .service = 0, .age0 = 30.5, .arrived = 1.25,
                       .referrals = 3, .handoffs = 2, .bounces = 1, .visited = 5, .complex = true,
                       .state = SS_P_QUEUED, .referred = 2};
    if (ss_rules_priority(f->rules, tab->priority.slot, &f->p, 5, &f->w, &prio, &d) < 0)
        fail_msg("%s", d.msg);
    double age = ss_person_age(&f->p, 5);
    assert_true(prio == 7232120.0 + 1 + 2 + 4 + 8 + age + 1.25 + (5 - 1.25) + (5 - 2.0));
    f->p = (ss_person){.id = 8, .need = 0, .severity = 1, .door = 0, .service = 1, .age0 = 12, .arrived = 2};
    if (ss_rules_priority(f->rules, tab->priority.slot, &f->p, 5, &f->w, &prio, &d) < 0)
        fail_msg("%s", d.msg);
    assert_true(prio == 8100000.0 + ss_person_age(&f->p, 5) + 2 + 3 + 0.0);  /* every field of this call */
    f->p.arrived = 3;  /* the fields that did not change keep their values */
    if (ss_rules_priority(f->rules, tab->priority.slot, &f->p, 5, &f->w, &prio, &d) < 0)
        fail_msg("%s", d.msg);
    assert_true(prio == 8100000.0 + ss_person_age(&f->p, 5) + 3 + 2 + 0.0);
    char list[512], want[700];
    ss_rule_field_list(&ss_person_view, list, sizeof list);
    snprintf(want, sizeof want, "tab.lua:9: error in rule 'odd' (person 8, service treat, 2021-03-06, replication 1): "
             "person has no field 'nosuch' (fields: %s)", list);
    int target, outcome;
    assert_int_equal(ss_rules_next(f->rules, tab->next.slot, &f->p, 1, &f->w, &target, &d), -1);
    assert_contains(d.msg, want);
    assert_int_equal(ss_rules_accept(f->rules, tab->accept.slot, &f->p, 5, true, &f->w, &outcome, &d), -1);
    assert_contains(d.msg, "error in rule 'same' (person 8, service y_tab, 2021-03-06, replication 1): returned userdata");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(every_field_of_the_table_is_given, setup, teardown),
        cmocka_unit_test_setup_teardown(an_unknown_field_lists_the_table, setup, teardown),
        cmocka_unit_test_setup_teardown(the_service_view_is_the_calls_service, setup, teardown),
        cmocka_unit_test_setup_teardown(a_table_for_the_person_view_gives_the_same, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
