/* The pager: stdout (and stderr on a terminal) through less, as git does. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "pager.h"

static pid_t pager_pid = -1;
static int columns;
static int has_stderr;

static const int stop_signals[] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM};

/* Close our end and wait, so that the pager keeps the terminal no
 * longer than we run. */
static void
wait_pager(void)
{
	int status;

	close(STDOUT_FILENO);
	close(STDERR_FILENO);
	while (waitpid(pager_pid, &status, 0) < 0 && errno == EINTR)
		;
	pager_pid = -1;
}

/* On a fatal signal the pager still gets to restore the terminal. */
static void
on_signal(int sig)
{
	if (pager_pid > 0)
		wait_pager();
	signal(sig, SIG_DFL);
	raise(sig);
}

static const char *
pager_command(void)
{
	const char *p = getenv("GDPRCTL_PAGER");

	if (p == NULL)
		p = getenv("PAGER");
	if (p == NULL)
		p = "less";
	p += strspn(p, " \t");
	if (*p == '\0' || strcmp(p, "cat") == 0)
		return NULL;
	return p;
}

int
pager_start(void)
{
	const char *cmd;
	struct winsize ws;
	struct sigaction sa;
	int fds[2];
	size_t i;
	pid_t pid;

	if (pager_pid > 0 || !isatty(STDOUT_FILENO) ||
	    (cmd = pager_command()) == NULL)
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
		columns = ws.ws_col;
	if (pipe(fds) < 0) {
		diag_warn("cannot start the pager: %s", strerror(errno));
		return -1;
	}
	/* git's defaults: quit if one screen, raw colour, no clearing;
	 * lv likewise shows colour. Set before fork: the child only execs. */
	setenv("LESS", "FRX", 0);
	setenv("LV", "-c", 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		diag_warn("cannot start the pager: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	dup2(fds[1], STDOUT_FILENO);
	/* Messages then appear in order with the output, as in git. */
	has_stderr = isatty(STDERR_FILENO);
	if (has_stderr)
		dup2(fds[1], STDERR_FILENO);
	close(fds[0]);
	close(fds[1]);
	pager_pid = pid;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++)
		sigaction(stop_signals[i], &sa, NULL);
	return 0;
}

void
pager_stop(void)
{
	if (pager_pid <= 0)
		return;
	fflush(stdout);
	fflush(stderr);
	wait_pager();
}

int
pager_holds(int fd)
{
	return pager_pid > 0 &&
	    (fd == STDOUT_FILENO || (fd == STDERR_FILENO && has_stderr));
}

int
pager_columns(void)
{
	return pager_pid > 0 ? columns : 0;
}
