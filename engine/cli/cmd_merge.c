/* `samsim merge OUT IN...`: join shard files into one (merge.h). */
#include <stdio.h>

#include "cli.h"
#include "merge.h"

#define CMD "merge"

static void print_summary(const char *out, int ninputs, const ss_merge_result *r)
{
    const ss_merge_counts *c = &r->counts;
    printf("%s: merged %d file%s: %d new run%s, %ld replication%s copied, %ld already there\n", out, ninputs,
           ninputs == 1 ? "" : "s", c->runs_new, c->runs_new == 1 ? "" : "s", c->reps_copied,
           c->reps_copied == 1 ? "" : "s", c->reps_duplicate);
    printf("%d run%s completed by this merge", r->runs_completed, r->runs_completed == 1 ? "" : "s");
    if (r->runs_incomplete)
        printf("; %d run%s still miss replications: merge the remaining shards too\n", r->runs_incomplete,
               r->runs_incomplete == 1 ? "" : "s");
    else
        printf("; every run in the file is complete\n");
}

static int cmd_merge(int argc, char **argv, ss_stop_flag *interrupt)
{
    ss_cli_opts o = {.reps = 10, .seed = 1};
    int code = ss_cli_parse(CMD, "", argc - 1, argv + 1, &o);
    if (code || o.help)
        return code ? code : ss_cli_help(CMD);
    if (o.npositional < 2)
        return ss_cli_usage_error(CMD, "expected an output file and at least one input, e.g. samsim merge all.db "
                                       "out.shard-*-of-4.db");
    ss_merge_result r;
    ss_diag d;
    if (ss_merge(o.positional[0], o.positional + 1, o.npositional - 1, &r, &d)) {
        fprintf(stderr, "%s\n", d.msg);
        return SS_EXIT_IO;
    }
    if (!o.quiet)
        print_summary(o.positional[0], o.npositional - 1, &r);
    return fflush(stdout) == 0 ? SS_EXIT_OK : SS_EXIT_IO;
}

const ss_command ss_cmd_merge = {
    "merge", "samsim merge OUTPUT INPUT... [-q]",
    "Join result files, usually the shards of a batch (samsim batch PLAN --shard K/N), into\n"
    "OUTPUT (created if missing).  A run present in several inputs becomes one run with the\n"
    "replications of all of them; once a run has every replication its summary is written, the\n"
    "same numbers as a batch run without shards.  Inputs are checked before anything is\n"
    "written, and merging again (more shards, or the same ones) only adds what is missing.\n"
    "  -q, --quiet   print nothing on success",
    cmd_merge};
