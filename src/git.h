/*
 * Git access through libgit2: only the git*.c files include <git2.h>.
 * Paths in and out are relative to the root the caller gives (the records
 * root), which may lie anywhere inside the git work tree. Functions
 * return 0 on success and -1 after reporting a plain message; libgit2's
 * codes never pass this interface.
 */
#ifndef GD_GIT_H
#define GD_GIT_H

#include <stddef.h>

#include "buf.h"

/* libgit2 set-up (done by the first call that needs it) and tear-down. */
void git_start(void);
void git_stop(void);
/* Whether dir is inside a git work tree. */
int git_in_repo(const char *dir);
/* git init in dir. */
int git_init_repo(const char *dir);
/*
 * Where root (an absolute, real path) lies in the work tree of the git
 * repository holding it: "sub/dir/", or "" at its top or outside git; for
 * the caller to free.
 */
char *git_root_prefix(const char *root);

/* The tree of one commit, to read the records as they were (--at REV). */
struct git_snap;

enum git_entry_type {
	GIT_ENTRY_FILE,
	GIT_ENTRY_SYMLINK,
	GIT_ENTRY_OTHER, /* a directory or a submodule */
};

/*
 * Resolve rev (any revision libgit2 understands: HEAD~1, a tag, a hash)
 * in the git repository holding root. Reports "--at needs a git
 * repository", "unknown revision 'X'" (saying so when the clone is
 * shallow and how to fetch the rest) and the like.
 */
int git_snap_open(struct git_snap **out, const char *root, const char *rev);
/* The full id of the commit, 40 hex digits. */
const char *git_snap_commit(const struct git_snap *s);
/*
 * Call fn with the name and type of every entry directly in dir (relative
 * to the root), in git's order. Nothing when dir is absent or not a
 * directory. A non-zero return of fn stops the listing and is returned.
 */
int git_snap_list(struct git_snap *s, const char *dir,
    int (*fn)(const char *name, enum git_entry_type type, void *arg),
    void *arg);
/*
 * Read path of the commit: 1 when absent, 0 with *type set. For a file of
 * at most max bytes *data is a NUL-terminated copy (the caller frees it)
 * of *len bytes; for a larger one *data is NULL and *len its size.
 */
int git_snap_read(struct git_snap *s, const char *path, size_t max, char **data,
    size_t *len, enum git_entry_type *type);
void git_snap_free(struct git_snap *s);

/*
 * The files of the records root that a comparison with a commit looks at:
 * those directly in one of the ndirs (fewer than 65535) directories whose
 * names name_ok accepts, and the ntop files named in top at the root
 * itself.
 */
struct git_files {
	const char *const *dirs;
	size_t ndirs;
	int (*name_ok)(const char *name);
	const char *const *top;
	size_t ntop;
};

/* A sorted set of paths relative to the root. */
struct git_pathset {
	char **v;
	size_t n, cap;
};

/*
 * What the caller knows of the working tree: the threads that may read
 * it (0: one per processor) and, when listed is not NULL, the nlisted
 * files of the directories of a struct git_files it holds (paths
 * relative to the root, sorted), so that the directories are not read a
 * second time.
 */
struct git_wt {
	int jobs;
	const char *const *listed;
	size_t nlisted;
	int looked; /* every slice went through git_changes_look */
};

/*
 * The files of f that differ between the tree of rev and the index or
 * working tree: added, modified, deleted, untracked (not ignored); a
 * rename counts as a change to its new path (and a deletion of the old
 * one). The working tree is compared with the index by the stat data git
 * keeps there, as libgit2 does: another mode or size is a change, other
 * stat data that differ, or an entry as new as the index, are settled by
 * the content (through git's filters); files marked assume-unchanged or
 * skip-worktree count as unchanged there, as for git. The index is never
 * written. wt may be NULL.
 */
int git_changed_since(const char *root, const char *rev,
    const struct git_files *f, const struct git_wt *wt,
    struct git_pathset *out);
/*
 * git_changed_since in two steps, for a caller that lists the working
 * tree meanwhile: git_changes_open compares the tree of rev with the
 * index (on any one thread), git_changes_finish adds what differs in the
 * working tree into out. f must last until git_changes_free.
 */
struct git_changes;
int git_changes_open(struct git_changes **out, const char *root,
    const char *rev, const struct git_files *f);
int git_changes_finish(
    struct git_changes *ch, const struct git_wt *wt, struct git_pathset *out);
/*
 * Compare slice i of n of the index entries with the working tree's stat
 * data, between git_changes_open and git_changes_finish: slices can run
 * on the pool next to the listing. With every slice done, wt->looked
 * spares git_changes_finish that work.
 */
void git_changes_look(struct git_changes *ch, size_t i, size_t n);
void git_changes_free(struct git_changes *ch);
int git_pathset_has(const struct git_pathset *s, const char *path);
void git_pathset_free(struct git_pathset *s);

/* Where a report's records came from. */
enum git_prov_state {
	GIT_PROV_COMMIT,     /* commit, date and dirty are set */
	GIT_PROV_NO_REPO,    /* the root is not in a git repository */
	GIT_PROV_NO_COMMITS, /* a git repository without commits */
};

struct git_prov {
	enum git_prov_state state;
	char commit[41]; /* the shortest unique abbreviation, 7+ digits */
	char date[11];   /* committer date, YYYY-MM-DD in its own offset */
	int dirty;       /* record files differ from the commit */
};

/*
 * The commit of rev (never dirty), or of HEAD when rev is NULL, dirty when
 * a file of f is modified, staged, deleted or untracked.
 */
int git_provenance(const char *root, const char *rev, const struct git_files *f,
    struct git_prov *out);
/*
 * Append the English provenance sentence: "Computed from commit 1a2b3c4
 * (2026-01-15) with uncommitted changes.", "... not in a git repository."
 */
void git_prov_text(const struct git_prov *p, struct buf *out);

/* One commit that changed a record. */
struct git_hist_entry {
	char commit[41]; /* full id */
	char short_id[41];
	char date[11]; /* author date, YYYY-MM-DD in the author's offset */
	char *author;
	char *summary;
	char *path; /* the record's path in that commit (renames followed) */
};

struct git_hist {
	struct git_hist_entry *v; /* newest first */
	size_t n, cap;
};

/*
 * The commits that changed path, as `git log -- path` lists them: from
 * HEAD by commit date, newest first, with git's history simplification (a
 * merge is listed only when it differs from every parent; when it equals
 * one, only that parent is followed). Like --follow, a commit that added
 * the file by renaming another continues the walk under the old path; a
 * copy is not followed (git --follow would also take a record created
 * from another's copy for its history), and merges that changed the file
 * are listed (git --follow hides them). Reports "history needs a git
 * repository" and, in a shallow clone, that a full clone is needed.
 */
int git_history(const char *root, const char *path, struct git_hist *out);
void git_hist_free(struct git_hist *h);

/*
 * For each of the npaths directories ("register/", "dpa/", ...) the number
 * of commits that `git log -- DIR` lists (see git_history: a merge counts
 * only when it differs from every parent) whose committer date, in the
 * committer's own offset, falls in year, in the history of rev (NULL:
 * HEAD). Returns 1, reporting nothing and
 * with zero counts, when root is not in a git repository; a shallow clone
 * is an error ("counting commits needs a full clone: ...").
 */
int git_count_commits(const char *root, const char *rev, int year,
    const char *const *paths, size_t npaths, size_t *counts);

#endif
