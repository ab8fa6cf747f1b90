/* samsim's entry point: signals, then the command table.  The only global state of the
 * program lives here: the Ctrl-C flag, which the handler sets and the engine polls. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static ss_stop_flag interrupted;

/* First Ctrl-C asks the run to stop cleanly; a second one leaves at once. */
static void on_sigint(int sig)
{
    (void)sig;
    if (interrupted) _exit(128 + SIGINT);
    interrupted = 1;
}

int main(int argc, char **argv)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    return ss_cli_main(argc, argv, &interrupted);
}
