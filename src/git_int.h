/* Internals shared by the git*.c files: an opened repository, messages. */
#ifndef GD_GIT_INT_H
#define GD_GIT_INT_H

#include <git2.h>

#include "git.h"

/* A git repository and where the records root lies in its work tree. */
struct gitr {
	git_repository *repo;
	char *prefix; /* "" or "sub/dir/": the root relative to the work tree */
};

/*
 * Open the repository holding root: 0, or 1 (reporting nothing) when there
 * is none, or -1 after a message (another user's repository, ...).
 */
int gitr_open(struct gitr *g, const char *root);
void gitr_close(struct gitr *g);
/* Resolve rev to a commit, reporting unknown and shallow-missing ones. */
int gitr_commit(struct gitr *g, const char *rev, git_commit **out);
/* "prefix" + path, in a buffer the caller frees. */
char *gitr_path(const struct gitr *g, const char *path);
/* path without the prefix, or NULL when it lies outside the root. */
const char *gitr_strip(const struct gitr *g, const char *path);
/* Report "what: <libgit2's message>"; returns -1. */
int gitr_fail(const char *what);
/* In a shallow clone, report that history needs a full clone. */
int gitr_need_history(const struct gitr *g, const char *what);
/* YYYY-MM-DD of a git time in its own offset (minutes). */
void gitr_date(git_time_t t, int offset, char out[11]);

#endif
