/* Unit tests of safe writes: no overwriting, and no damage on failure. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"

#include "buf.h"
#include "write.h"

#define SKIP_CODE 77

static char *
scratch(void)
{
	const char *tmp = getenv("TMPDIR");
	struct buf b = BUF_INIT;

	buf_printf(&b, "%s/gdprctl-write.XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(b.ptr) == NULL)
		fail_msg("mkdtemp: %s", strerror(errno));
	return buf_detach(&b);
}

static char *
path_in(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "%s/%s", dir, name);
	return buf_detach(&b);
}

static int
put(const char *path, const char *s)
{
	FILE *fp = fopen(path, "w");

	if (fp == NULL)
		return -1;
	fputs(s, fp);
	return fclose(fp);
}

/* The file's contents, or NULL when it cannot be read. */
static char *
get(const char *path)
{
	struct buf b = BUF_INIT;
	char chunk[256];
	size_t n;
	FILE *fp = fopen(path, "r");

	if (fp == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	return buf_detach(&b);
}

static int
same(const char *path, const char *want)
{
	char *got = get(path);
	int ok = got != NULL && strcmp(got, want) == 0;

	free(got);
	return ok;
}

/* Entries of dir other than . and ..; those ending in .tmp in *tmps. */
static int
entries(const char *dir, int *tmps)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	int n = 0;

	*tmps = 0;
	if (dp == NULL)
		return -1;
	while ((de = readdir(dp)) != NULL) {
		size_t len = strlen(de->d_name);

		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		n++;
		if (len > 4 && strcmp(de->d_name + len - 4, ".tmp") == 0)
			(*tmps)++;
	}
	closedir(dp);
	return n;
}

static void
remove_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *de;

	if (dp == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		char *p;

		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		p = path_in(dir, de->d_name);
		unlink(p);
		free(p);
	}
	closedir(dp);
	rmdir(dir);
}

static void
test_new_never_overwrites(void **state)
{
	char *dir = scratch(), *p = path_in(dir, "REG-001.yaml");
	int tmps;

	(void)state;
	assert_int_equal(write_new(p, "first\n", 6), 0);
	assert_true(same(p, "first\n"));
	assert_int_equal(write_new(p, "second\n", 7), -1);
	assert_true(same(p, "first\n"));
	assert_int_equal(entries(dir, &tmps), 1);
	assert_int_equal(tmps, 0);
	remove_dir(dir);
	free(p);
	free(dir);
}

/* A symlink in the way is not followed, whether or not it dangles. */
static void
test_symlinks(void **state)
{
	char *dir = scratch(), *p = path_in(dir, "a.yaml");
	char *target = path_in(dir, "target");
	int tmps;

	(void)state;
	assert_int_equal(symlink("target", p), 0);
	assert_int_equal(write_new(p, "x\n", 2), -1);
	assert_null(get(target));
	assert_int_equal(put(target, "kept\n"), 0);
	assert_int_equal(write_replace(p, "x\n", 2), -1);
	assert_true(same(target, "kept\n"));
	assert_int_equal(entries(dir, &tmps), 2);
	assert_int_equal(tmps, 0);
	remove_dir(dir);
	free(p);
	free(target);
	free(dir);
}

static void
test_replace(void **state)
{
	char *dir = scratch(), *p = path_in(dir, "a.yaml");
	int tmps;

	(void)state;
	assert_int_equal(put(p, "old\n"), 0);
	assert_int_equal(write_replace(p, "new\n", 4), 0);
	assert_true(same(p, "new\n"));
	assert_int_equal(entries(dir, &tmps), 1);
	assert_int_equal(tmps, 0);
	remove_dir(dir);
	free(p);
	free(dir);
}

/*
 * Each step of write_replace failing in turn. Up to the rename the old
 * file stays; a failed fsync of the directory comes after the rename, so
 * the new contents are in place but not known to be durable, and the
 * failure is still reported.
 */
static void
test_replace_faults(void **state)
{
	static const struct {
		const char *step;
		int old_kept;
	} steps[] = {
	    {"write of the temporary file", 1},
	    {"fsync of the temporary file", 1},
	    {"rename over the old file", 1},
	    {"fsync of the directory", 0},
	};
	char *dir = scratch(), *p = path_in(dir, "a.yaml");
	size_t i;
	int tmps;

	(void)state;
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		int rc;

		assert_int_equal(put(p, "old\n"), 0);
		write_fail_at((int)i + 1);
		rc = write_replace(p, "new\n", 4);
		write_fail_at(0);
		if (rc != -1)
			fail_msg("failed %s not reported", steps[i].step);
		if (!same(p, steps[i].old_kept ? "old\n" : "new\n"))
			fail_msg(
			    "wrong contents after a failed %s", steps[i].step);
		if (entries(dir, &tmps) != 1 || tmps != 0)
			fail_msg("files left behind after a failed %s",
			    steps[i].step);
	}
	/* There is no fifth step. */
	write_fail_at(5);
	assert_int_equal(write_replace(p, "fifth\n", 6), 0);
	write_fail_at(0);
	assert_true(same(p, "fifth\n"));
	remove_dir(dir);
	free(p);
	free(dir);
}

static void
test_new_faults(void **state)
{
	static const struct {
		const char *step;
		int exists;
	} steps[] = {
	    {"write of the temporary file", 0},
	    {"fsync of the temporary file", 0},
	    {"link into place", 0},
	    {"fsync of the directory", 1},
	};
	char *dir = scratch(), *p = path_in(dir, "a.yaml");
	size_t i;
	int tmps;

	(void)state;
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		int rc;

		unlink(p);
		write_fail_at((int)i + 1);
		rc = write_new(p, "new\n", 4);
		write_fail_at(0);
		if (rc != -1)
			fail_msg("failed %s not reported", steps[i].step);
		if (steps[i].exists ? !same(p, "new\n") : access(p, F_OK) == 0)
			fail_msg(
			    "wrong state after a failed %s", steps[i].step);
		if (entries(dir, &tmps) != steps[i].exists || tmps != 0)
			fail_msg("files left behind after a failed %s",
			    steps[i].step);
	}
	remove_dir(dir);
	free(p);
	free(dir);
}

static int
write_proc(const char *file, const char *s)
{
	int fd = open(file, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, s, strlen(s));
	close(fd);
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

/* A mount namespace of our own: as root, else through a user namespace. */
static int
own_mounts(void)
{
	char map[64];
	uid_t uid = getuid();
	gid_t gid = getgid();

	if (unshare(CLONE_NEWNS) == 0)
		return 0;
	if (unshare(CLONE_NEWUSER | CLONE_NEWNS) < 0)
		return -1;
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)uid);
	if (write_proc("/proc/self/setgroups", "deny") < 0 ||
	    write_proc("/proc/self/uid_map", map) < 0)
		return -1;
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)gid);
	return write_proc("/proc/self/gid_map", map);
}

/* In a child: a read-only tmpfs on dir, then the writes must fail. */
static int
read_only_child(const char *dir)
{
	char *p = path_in(dir, "a.yaml"), *q = path_in(dir, "b.yaml");
	int tmps, rc = 1;

	/* The kernel ignores the type of a propagation change or remount;
	 * valgrind wants one to read all the same. */
	if (own_mounts() < 0 ||
	    mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) < 0 ||
	    mount("none", dir, "tmpfs", 0, "size=64k") < 0 ||
	    put(p, "old\n") < 0 ||
	    mount("none", dir, "tmpfs", MS_REMOUNT | MS_RDONLY, NULL) < 0) {
		rc = SKIP_CODE;
		goto done;
	}
	if (write_replace(p, "new\n", 4) == -1 && same(p, "old\n") &&
	    write_new(q, "new\n", 4) == -1 && access(q, F_OK) < 0 &&
	    entries(dir, &tmps) == 1 && tmps == 0)
		rc = 0;
done:
	free(p);
	free(q);
	return rc;
}

/*
 * Root ignores permissions, so the directory is made read-only the way
 * the kernel enforces for everyone: a read-only mount.
 */
static void
test_read_only_dir(void **state)
{
	char *dir = scratch();
	int status = 0;
	pid_t pid;

	(void)state;
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int rc = read_only_child(dir);

		free(dir);
		_exit(rc);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	remove_dir(dir);
	free(dir);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == SKIP_CODE) {
		print_message("skipped: no read-only mount possible here\n");
		skip();
	}
	assert_int_equal(WEXITSTATUS(status), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_new_never_overwrites),
	    cmocka_unit_test(test_symlinks),
	    cmocka_unit_test(test_replace),
	    cmocka_unit_test(test_replace_faults),
	    cmocka_unit_test(test_new_faults),
	    cmocka_unit_test(test_read_only_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
