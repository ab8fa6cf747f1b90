/* `samsim schema`: the results schema — metric names and the SQLite tables — as Markdown.
 * The README's "Results" section is this output; a test checks that they agree, so the
 * documentation cannot drift from the code. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "results.h"
#include "store.h"

static void metric_table(const char *title, const ss_metric_info *info, int n)
{
    printf("%s\n\n| metric | unit | better | meaning |\n|---|---|---|---|\n", title);
    for (int i = 0; i < n; i++)
        printf("| `%s` | %s | %s | %s |\n", info[i].name, info[i].unit, ss_better_name(info[i].better), info[i].doc);
    printf("\n");
}

static int cmd_schema(int argc, char **argv, ss_stop_flag *interrupt)
{
    (void)interrupt;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) return ss_cli_help("schema");
        return ss_cli_usage_error("schema", "unexpected argument '%s'", argv[i]);
    }
    metric_table("Per service (`services` in JSON, scope `service` in SQLite):", ss_service_metric_info, SS_SERVICE_METRICS);
    metric_table("For the whole system (`system` in JSON, scope `system` in SQLite):", ss_system_metric_info, SS_SYSTEM_METRICS);
    printf("SQLite tables:\n\n```sql\n%s```\n\n", ss_store_schema());
    printf("Added by `samsim batch` and `samsim merge`:\n\n```sql\n%s```\n", ss_store_batch_schema());
    return SS_EXIT_OK;
}

const ss_command ss_cmd_schema = {
    "schema", "samsim schema",
    "Print the results schema: every metric with its unit, which way is better and its meaning,\n"
    "and the SQLite tables, as Markdown (the README's Results section is this text).",
    cmd_schema};
