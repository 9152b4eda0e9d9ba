/* Internals shared by the git*.c files: an opened repository, messages. */
#ifndef GD_GIT_INT_H
#define GD_GIT_INT_H

#include <git2.h>
#include <stdint.h>
#include <time.h>

#include "buf.h"
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

/*
 * The files of f that differ between tree and the index or the work
 * tree, untracked ones included, into out (see git_changed_since).
 */
int gitr_changed(struct gitr *g, const char *root, const struct git_files *f,
    git_tree *tree, const struct git_wt *wt, struct git_pathset *out);

/* One entry of the index file (git_index.c). */
struct gitx_entry {
	const char *path; /* in the work tree; valid until the next entry */
	const unsigned char *id; /* GIT_OID_RAWSZ bytes */
	uint32_t ctime_s, ctime_ns, mtime_s, mtime_ns, ino, mode, uid, gid;
	uint32_t size;
	unsigned stage;
	unsigned assume_valid : 1, skip_worktree : 1, intent_to_add : 1;
};

/* A directory's tree as the index records it. */
struct gitx_tree {
	char *path; /* "" for the top, "a/b" */
	const unsigned char *id;
};

/* The index file, mapped, and where reading it has got to. */
struct gitx {
	unsigned char *map; /* NULL when there is no index file */
	size_t size, pos, end;
	uint32_t version, nent, i;
	int done;
	struct timespec mtime; /* of the file: entries as new are racy */
	struct buf path;       /* version 4: the path of the last entry */
	/* The valid nodes of the cache tree (TREE extension). */
	struct gitx_tree *trees;
	size_t ntrees, trees_cap;
};

/* Map file; 0 also when it does not exist (then it has no entries). */
int gitx_open(struct gitx *x, const char *file);
/* The next entry in path order: 1, or 0 at the end, -1 after a message. */
int gitx_next(struct gitx *x, struct gitx_entry *e);
/*
 * The tree id the cache tree records for dir ("" or "a/b", no trailing
 * slash) once gitx_next has returned 0, or NULL when it has none.
 */
const unsigned char *gitx_tree(const struct gitx *x, const char *dir);
void gitx_close(struct gitx *x);

#endif
