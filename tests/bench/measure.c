/* Benchmark helper: wall time, CPU time and peak memory of one command. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void
usage(void)
{
	fputs("usage: measure [-o FILE] [-e FILE] COMMAND [ARG...]\n"
	      "Run COMMAND with its standard output to FILE (-o) and its\n"
	      "errors to FILE (-e), both /dev/null by default, and print\n"
	      "'WALL MAXRSS STATUS USER SYS': seconds, KiB, the exit status\n"
	      "(128 + signal when killed), CPU seconds.\n",
	    stderr);
}

/* Point fd at path, created or truncated; -1 when it cannot be opened. */
static int
redirect(int fd, const char *path)
{
	int f = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

	if (f < 0)
		return -1;
	if (dup2(f, fd) < 0) {
		close(f);
		return -1;
	}
	close(f);
	return 0;
}

static double
seconds(const struct timeval *tv)
{
	return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

int
main(int argc, char **argv)
{
	const char *out = "/dev/null", *err = "/dev/null";
	struct timespec t0, t1;
	struct rusage ru;
	int ch, st, status;
	pid_t pid;

	while ((ch = getopt(argc, argv, "+o:e:h")) != -1) {
		switch (ch) {
		case 'o':
			out = optarg;
			break;
		case 'e':
			err = optarg;
			break;
		case 'h':
			usage();
			return 0;
		default:
			usage();
			return 2;
		}
	}
	if (optind >= argc) {
		usage();
		return 2;
	}
	fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "measure: fork: %s\n", strerror(errno));
		return 2;
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_RDONLY);

		if (fd < 0 || dup2(fd, 0) < 0 || redirect(1, out) < 0 ||
		    redirect(2, err) < 0)
			_exit(126);
		close(fd);
		execvp(argv[optind], argv + optind);
		_exit(127);
	}
	while (wait4(pid, &st, 0, &ru) < 0)
		if (errno != EINTR) {
			fprintf(
			    stderr, "measure: wait4: %s\n", strerror(errno));
			return 2;
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	printf("%.3f %ld %d %.3f %.3f\n",
	    (double)(t1.tv_sec - t0.tv_sec) +
	        (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	    ru.ru_maxrss, status, seconds(&ru.ru_utime), seconds(&ru.ru_stime));
	return 0;
}
