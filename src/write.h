/* Safe writes: new files never replace anything; replacements are atomic. */
#ifndef GD_WRITE_H
#define GD_WRITE_H

#include <stddef.h>

/*
 * Create path with data, failing (and reporting) when it exists. The file
 * is written to a temporary name, fsynced and linked into place so that a
 * reader never sees it half-written.
 */
int write_new(const char *path, const char *data, size_t len);
/*
 * Replace path atomically: temporary file in the same directory, fsync,
 * rename, fsync of the directory. On failure the old file is intact.
 */
int write_replace(const char *path, const char *data, size_t len);
/*
 * As write_new and write_replace, for the file name in the directory open
 * as dirfd (so that the directory cannot change under the write); shown
 * names the file in messages.
 */
int write_new_at(int dirfd, const char *name, const char *shown,
    const char *data, size_t len);
int write_replace_at(int dirfd, const char *name, const char *shown,
    const char *data, size_t len);
/* mkdir that accepts an existing directory (but not a symlink to one). */
int write_mkdir(const char *path);

/* Test hook: make the n-th write system step fail (0 = never). */
void write_fail_at(int n);

#endif
