/* Safe writes: temporary file, fsync, link or rename, fsync of the directory.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "write.h"
#include "xalloc.h"

static int fail_at;
static int step;

void
write_fail_at(int n)
{
	fail_at = n;
	step = 0;
}

/* Injected failures let tests prove the old file survives every step. */
static int
injected(void)
{
	const char *env;

	if (fail_at == 0 && (env = getenv("GDPRCTL_FAIL_WRITE_STEP")) != NULL)
		fail_at = (int)strtol(env, NULL, 10);
	if (fail_at > 0 && ++step == fail_at) {
		errno = EIO;
		return 1;
	}
	return 0;
}

/* Sync the directory that holds shown; reports a failure. */
static int
fsync_dir(int dirfd, const char *shown)
{
	if (injected() || fsync(dirfd) < 0) {
		diag_error("cannot sync the directory of '%s': %s", shown,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* Write data to a new temporary file next to name; its name in *tmp. */
static int
write_temp(
    int dirfd, const char *name, const char *data, size_t len, struct buf *tmp)
{
	size_t off = 0;
	int fd, i;

	for (i = 0; i < 100; i++) {
		buf_reset(tmp);
		buf_printf(tmp, "%s.%ld.%d.tmp", name, (long)getpid(), i);
		fd = openat(dirfd, tmp->ptr,
		    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0)
		return -1;
	while (off < len) {
		ssize_t w;

		if (injected()) {
			w = -1;
		} else {
			w = write(fd, data + off, len - off);
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			goto fail;
		off += (size_t)w;
	}
	if (injected() || fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail : {
	int e = errno;

	if (fd >= 0)
		close(fd);
	unlinkat(dirfd, tmp->ptr, 0);
	errno = e;
}
	return -1;
}

int
write_new_at(int dirfd, const char *name, const char *shown, const char *data,
    size_t len)
{
	struct buf tmp = BUF_INIT;
	int rc = -1;

	if (write_temp(dirfd, name, data, len, &tmp) < 0) {
		diag_error("cannot write '%s': %s", shown, strerror(errno));
		goto done;
	}
	/* link() refuses to replace a file that appeared meanwhile. */
	if (injected() || linkat(dirfd, tmp.ptr, dirfd, name, 0) < 0) {
		int e = errno;

		unlinkat(dirfd, tmp.ptr, 0);
		if (e == EEXIST)
			diag_error(
			    "'%s' already exists; not overwriting it", shown);
		else
			diag_error(
			    "cannot create '%s': %s", shown, strerror(e));
		goto done;
	}
	unlinkat(dirfd, tmp.ptr, 0);
	rc = fsync_dir(dirfd, shown);
done:
	buf_free(&tmp);
	return rc;
}

int
write_replace_at(int dirfd, const char *name, const char *shown,
    const char *data, size_t len)
{
	struct buf tmp = BUF_INIT;
	struct stat st;
	int rc = -1;

	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    !S_ISREG(st.st_mode)) {
		diag_error(
		    "'%s' is not a regular file; not replacing it", shown);
		return -1;
	}
	if (write_temp(dirfd, name, data, len, &tmp) < 0) {
		diag_error("cannot write '%s': %s", shown, strerror(errno));
		goto done;
	}
	if (injected() || renameat(dirfd, tmp.ptr, dirfd, name) < 0) {
		int e = errno;

		unlinkat(dirfd, tmp.ptr, 0);
		diag_error("cannot replace '%s': %s", shown, strerror(e));
		goto done;
	}
	rc = fsync_dir(dirfd, shown);
done:
	buf_free(&tmp);
	return rc;
}

/* Open the directory of path; the last component in *name. */
static int
open_parent(const char *path, const char **name)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd;

	if (slash == NULL) {
		dir = xstrdup(".");
		*name = path;
	} else {
		dir =
		    xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
		*name = slash + 1;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		diag_error("cannot open the directory of '%s': %s", path,
		    strerror(errno));
	free(dir);
	return fd;
}

/* Write path by write_new_at or write_replace_at in its directory. */
static int
write_path(const char *path, const char *data, size_t len,
    int (*write_at)(int, const char *, const char *, const char *, size_t))
{
	const char *name;
	int fd = open_parent(path, &name), rc;

	if (fd < 0)
		return -1;
	rc = write_at(fd, name, path, data, len);
	close(fd);
	return rc;
}

int
write_new(const char *path, const char *data, size_t len)
{
	return write_path(path, data, len, write_new_at);
}

int
write_replace(const char *path, const char *data, size_t len)
{
	return write_path(path, data, len, write_replace_at);
}

int
write_mkdir(const char *path)
{
	struct stat st;

	if (mkdir(path, 0755) == 0)
		return 0;
	if (errno == EEXIST && lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	if (errno == EEXIST)
		diag_error("'%s' exists and is not a directory", path);
	else
		diag_error(
		    "cannot create directory '%s': %s", path, strerror(errno));
	return -1;
}
