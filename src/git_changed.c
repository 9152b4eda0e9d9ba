/*
 * The files of some directories changed since a commit (--changed-since,
 * the dirty mark of reports): the commit's tree against the index, then
 * the index against the work tree by the stat data git keeps, as git
 * status compares them, but only over those directories and without
 * libgit2's diff, which walks and allocates for every file of the
 * repository.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "git_int.h"
#include "pool.h"
#include "xalloc.h"

/* Index entries whose work tree files one job item looks at. */
#define CHUNK 512

/* Where the work tree file of an index entry stands. */
enum wt_state {
	WT_SAME,
	WT_CHANGED,
	WT_HASH, /* the stat data differ: compare the content */
	WT_GONE, /* no file (or none git would look at) */
};

/* An index entry of a file the comparison looks at. */
struct ent {
	size_t name; /* offset of its name in the arena */
	uint32_t ctime_s, ctime_ns, mtime_s, mtime_ns, ino, mode, uid, gid;
	uint32_t size;
	unsigned char id[GIT_OID_RAWSZ];
	uint16_t dir;          /* its directory, or TOP(c) for a top file */
	unsigned char stage;   /* > 0: a conflict */
	unsigned char unseen;  /* assume-unchanged or skip-worktree */
	unsigned char added;   /* not in the commit's tree */
	unsigned char differs; /* from the commit's tree */
	unsigned char wt;      /* enum wt_state */
};

struct cmp {
	struct gitr *g;
	const struct git_files *f;
	struct ent *v;
	size_t n, cap;
	struct buf names;      /* the arena: every name, NUL-terminated */
	struct timespec stamp; /* of the index file */
	int *fd; /* the directories of f, then the root: TOP(c) + 1 */
	int filemode, symlinks, trustctime, nsec;
	int last; /* the directory classify found last */
	int dirs; /* open_dirs has opened fd */
	struct git_pathset *out;
};

/* The directory number of the files at the top of the root. */
#define TOP(c) ((int)(c)->f->ndirs)

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
git_pathset_has(const struct git_pathset *s, const char *path)
{
	return s->n > 0 &&
	    bsearch(&path, s->v, s->n, sizeof(*s->v), cmp_str) != NULL;
}

void
git_pathset_free(struct git_pathset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

static void
pathset_sort(struct git_pathset *s)
{
	size_t i, j = 0;

	if (s->n == 0)
		return;
	qsort(s->v, s->n, sizeof(*s->v), cmp_str);
	for (i = 0; i < s->n; i++) {
		if (j > 0 && strcmp(s->v[j - 1], s->v[i]) == 0)
			free(s->v[i]);
		else
			s->v[j++] = s->v[i];
	}
	s->n = j;
}

static const char *
name_of(const struct cmp *c, const struct ent *e)
{
	return c->names.ptr + e->name;
}

/* The path relative to the root of file name of directory d. */
static char *
path_of(const struct cmp *c, int d, const char *name)
{
	struct buf p = BUF_INIT;

	if (d < TOP(c))
		buf_printf(&p, "%s/", c->f->dirs[d]);
	buf_puts(&p, name);
	return buf_detach(&p);
}

/* Add path (given to the set) to the set. */
static void
pathset_take(struct git_pathset *s, char *path)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n++] = path;
}

/* Add the file name of directory d to the changes. */
static void
changed(struct cmp *c, int d, const char *name)
{
	pathset_take(c->out, path_of(c, d, name));
}

/* Whether name is one of the files of f's directories. */
static int
dir_file(const struct git_files *f, const char *name)
{
	return strchr(name, '/') == NULL && f->name_ok(name);
}

/* Whether name is one of the files of f at the top of the root. */
static int
top_file(const struct git_files *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->ntop; i++)
		if (strcmp(name, f->top[i]) == 0)
			return 1;
	return 0;
}

/*
 * The directory of the file at path (relative to the root) that f names,
 * trying hint first, and its name there; ndirs for a file at the top, -1
 * for a path f does not name.
 */
static int
file_dir(
    const struct git_files *f, const char *path, int hint, const char **name)
{
	const char *slash;
	size_t n, d;

	if (hint >= 0 && (size_t)hint < f->ndirs) {
		n = strlen(f->dirs[hint]);
		if (strncmp(path, f->dirs[hint], n) == 0 && path[n] == '/') {
			*name = path + n + 1;
			return dir_file(f, *name) ? hint : -1;
		}
	}
	*name = path;
	slash = strchr(path, '/');
	if (slash == NULL)
		return top_file(f, path) ? (int)f->ndirs : -1;
	n = (size_t)(slash - path);
	for (d = 0; d < f->ndirs; d++) {
		if (strlen(f->dirs[d]) == n &&
		    strncmp(path, f->dirs[d], n) == 0) {
			*name = slash + 1;
			return dir_file(f, *name) ? (int)d : -1;
		}
	}
	return -1;
}

/*
 * The directory of the file at path and its name in it, or -1 (see
 * file_dir). Paths come in order: most are in the directory of the one
 * before.
 */
static int
classify(struct cmp *c, const char *path, const char **name)
{
	int d = file_dir(c->f, path, c->last, name);

	if (d >= 0)
		c->last = d;
	return d;
}

/* The index entries of the files of c->f, in the index's (path) order. */
static int
read_index(struct cmp *c, struct gitx *x)
{
	size_t plen = strlen(c->g->prefix);
	struct gitx_entry e;
	int rc;

	while ((rc = gitx_next(x, &e)) == 1) {
		const char *name;
		struct ent *n;
		int d;

		if (strncmp(e.path, c->g->prefix, plen) != 0 ||
		    (d = classify(c, e.path + plen, &name)) < 0)
			continue;
		c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof(*c->v));
		n = &c->v[c->n++];
		memset(n, 0, sizeof(*n));
		n->name = c->names.len;
		buf_add(&c->names, name, strlen(name) + 1);
		n->ctime_s = e.ctime_s;
		n->ctime_ns = e.ctime_ns;
		n->mtime_s = e.mtime_s;
		n->mtime_ns = e.mtime_ns;
		n->ino = e.ino;
		n->mode = e.mode;
		n->uid = e.uid;
		n->gid = e.gid;
		n->size = e.size;
		memcpy(n->id, e.id, GIT_OID_RAWSZ);
		n->dir = (uint16_t)d;
		n->stage = (unsigned char)e.stage;
		n->unseen = e.assume_valid || e.skip_worktree;
		/* Never in a tree: git add -N. */
		n->added = n->differs = e.intent_to_add;
	}
	return rc;
}

/* Whether a tree entry can be one of the files of directory d. */
static int
tree_file(const struct cmp *c, const git_tree_entry *te, int d)
{
	const char *name = git_tree_entry_name(te);

	if (git_tree_entry_filemode(te) == GIT_FILEMODE_TREE)
		return 0;
	return d < TOP(c) ? dir_file(c->f, name) : top_file(c->f, name);
}

/* Mark an index entry against the tree entry of the same name. */
static void
match(struct ent *e, const git_tree_entry *te)
{
	if (te == NULL) {
		e->added = e->differs = 1;
		return;
	}
	if (e->stage > 0 || git_tree_entry_filemode(te) != e->mode ||
	    memcmp(git_tree_entry_id(te)->id, e->id, GIT_OID_RAWSZ) != 0)
		e->differs = 1;
}

/*
 * Walk the files of tree t (NULL: none) of directory d and the index
 * entries of directory d side by side, both in name order: a file only
 * in the tree is a change, an entry only in the index an addition.
 */
static void
walk(struct cmp *c, int d, git_tree *t)
{
	size_t i = 0, j, nt = t != NULL ? git_tree_entrycount(t) : 0;
	int matched = 0;

	for (j = 0; j <= c->n; j++) {
		const char *name = NULL;
		int order = 1;

		if (j < c->n && c->v[j].dir != d)
			continue;
		if (j < c->n)
			name = name_of(c, &c->v[j]);
		/* The tree's files before this entry's name are not in the
		 * index; after the last entry, none are. */
		for (; i < nt; i++, matched = 0) {
			const git_tree_entry *te = git_tree_entry_byindex(t, i);

			if (!tree_file(c, te, d))
				continue;
			order = name != NULL
			    ? strcmp(git_tree_entry_name(te), name)
			    : -1;
			if (order >= 0)
				break;
			if (!matched)
				changed(c, d, git_tree_entry_name(te));
		}
		if (j == c->n)
			break;
		if (i < nt && order == 0) {
			match(&c->v[j], git_tree_entry_byindex(t, i));
			matched = 1;
		} else {
			match(&c->v[j], NULL);
		}
	}
}

/* The tree of path in tree, or NULL (when there is no such directory). */
static git_tree *
subtree(struct cmp *c, git_tree *tree, const char *path, int *rc)
{
	git_tree_entry *te = NULL;
	git_tree *t = NULL;
	int r;

	*rc = 0;
	r = git_tree_entry_bypath(&te, tree, path);
	if (r == 0 && git_tree_entry_type(te) == GIT_OBJECT_TREE &&
	    git_tree_lookup(&t, c->g->repo, git_tree_entry_id(te)) < 0)
		r = -1;
	if (r < 0 && r != GIT_ENOTFOUND)
		*rc = gitr_fail("cannot read the commit's tree");
	git_tree_entry_free(te);
	return t;
}

/*
 * Compare tree (the commit's) with the index. A directory whose tree the
 * index's cache tree records as the commit's needs no walk.
 */
static int
against_tree(struct cmp *c, git_tree *tree, const struct gitx *x)
{
	const unsigned char *cached;
	git_tree_entry *te = NULL;
	git_tree *t;
	char *path;
	size_t i;
	int d, rc = 0;

	for (d = 0; d < TOP(c) && rc == 0; d++) {
		path = gitr_path(c->g, c->f->dirs[d]);
		cached = gitx_tree(x, path);
		if (cached != NULL &&
		    git_tree_entry_bypath(&te, tree, path) == 0 &&
		    git_tree_entry_type(te) == GIT_OBJECT_TREE &&
		    memcmp(git_tree_entry_id(te)->id, cached, GIT_OID_RAWSZ) ==
		        0) {
			size_t j;

			/* Only conflicts (not in the cache tree) differ. */
			for (j = 0; j < c->n; j++)
				if (c->v[j].dir == d && c->v[j].stage > 0)
					c->v[j].differs = 1;
		} else {
			t = subtree(c, tree, path, &rc);
			walk(c, d, t);
			git_tree_free(t);
		}
		git_tree_entry_free(te);
		te = NULL;
		free(path);
	}
	if (rc < 0)
		return -1;
	/* The top files: the root's tree holds more than they. */
	path = gitr_path(c->g, "");
	if (*path != '\0')
		path[strlen(path) - 1] = '\0';
	t = *path != '\0' ? subtree(c, tree, path, &rc) : tree;
	free(path);
	for (i = 0; rc == 0 && i < c->f->ntop; i++) {
		const char *name = c->f->top[i];
		const git_tree_entry *top =
		    t != NULL ? git_tree_entry_byname(t, name) : NULL;
		size_t j;
		int found = 0;

		if (top != NULL && !tree_file(c, top, TOP(c)))
			top = NULL;
		for (j = 0; j < c->n; j++) {
			if (c->v[j].dir == TOP(c) &&
			    strcmp(name_of(c, &c->v[j]), name) == 0) {
				match(&c->v[j], top);
				found = 1;
			}
		}
		if (!found && top != NULL)
			changed(c, TOP(c), name);
	}
	if (t != tree)
		git_tree_free(t);
	return rc;
}

/* git's mode for a file of the work tree, 0 for one git passes over. */
static uint32_t
wt_mode(const struct stat *st)
{
	if (S_ISREG(st->st_mode))
		return st->st_mode & 0100 ? 0100755 : 0100644;
	if (S_ISLNK(st->st_mode))
		return 0120000;
	return 0;
}

static int
same_time(const struct cmp *c, uint32_t s, uint32_t ns, struct timespec t)
{
	return s == (uint32_t)t.tv_sec &&
	    (!c->nsec || ns == (uint32_t)t.tv_nsec);
}

/* The state of one entry's file, by the stat data (libgit2's rules). */
static enum wt_state
look(const struct cmp *c, const struct ent *e)
{
	int fd = c->fd[e->dir];
	uint32_t mode;
	struct stat st;

	if (e->stage > 0 || e->unseen ||
	    (e->mode & 0170000) == GIT_FILEMODE_COMMIT)
		return WT_SAME;
	if (fd < 0)
		return WT_GONE;
	if (fstatat(fd, name_of(c, e), &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT || errno == ENOTDIR ? WT_GONE
		                                           : WT_CHANGED;
	mode = wt_mode(&st);
	if (mode == 0)
		return WT_GONE;
	if (!c->symlinks && S_ISLNK(e->mode) && S_ISREG(mode))
		mode = e->mode;
	if (!c->filemode)
		mode = (mode & ~0777u) | (e->mode & 0777u);
	if (mode != e->mode)
		return WT_CHANGED;
	if (e->size != (uint32_t)st.st_size)
		return e->size == 0 && st.st_size > 0 ? WT_HASH : WT_CHANGED;
	if (!same_time(c, e->mtime_s, e->mtime_ns, st.st_mtim) ||
	    (c->trustctime &&
	        !same_time(c, e->ctime_s, e->ctime_ns, st.st_ctim)) ||
	    e->ino != (uint32_t)st.st_ino || e->uid != (uint32_t)st.st_uid ||
	    e->gid != (uint32_t)st.st_gid)
		return WT_HASH;
	/* Racy: written in the same instant as the index, maybe after. */
	if (st.st_mtim.tv_sec > c->stamp.tv_sec ||
	    (st.st_mtim.tv_sec == c->stamp.tv_sec &&
	        (!c->nsec || st.st_mtim.tv_nsec >= c->stamp.tv_nsec)))
		return WT_HASH;
	return WT_SAME;
}

/* Look at the work tree files of entries [from, to). */
static void
look_range(struct cmp *c, size_t from, size_t to)
{
	size_t j;

	for (j = from; j < to; j++)
		if (c->v[j].stage == 0)
			c->v[j].wt = (unsigned char)look(c, &c->v[j]);
}

static void
look_chunk(size_t i, int worker, void *arg)
{
	struct cmp *c = arg;

	(void)worker;
	look_range(
	    c, i * CHUNK, (i + 1) * CHUNK < c->n ? (i + 1) * CHUNK : c->n);
}

/* Read a file of at most size bytes not through a symlink into *out. */
static int
slurp(int dirfd, const char *name, size_t size, char **out, size_t *len)
{
	int fd =
	    openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	ssize_t r = 0;

	*out = NULL;
	*len = 0;
	if (fd < 0)
		return -1;
	*out = xmalloc(size + 1);
	while (*len <= size &&
	    ((r = read(fd, *out + *len, size + 1 - *len)) > 0 ||
	        (r < 0 && errno == EINTR)))
		if (r > 0)
			*len += (size_t)r;
	close(fd);
	return r < 0 || *len > size ? -1 : 0;
}

/* The blob id of an entry's work tree file as git would store it. */
static int
hash(const struct cmp *c, const struct ent *e, git_oid *id)
{
	git_filter_list *fl = NULL;
	git_buf filtered = {0};
	char *data = NULL, *rel, *path;
	size_t len = 0;
	struct stat st;
	ssize_t n;
	int fd = c->fd[e->dir], rc = -1;

	if (fstatat(fd, name_of(c, e), &st, AT_SYMLINK_NOFOLLOW) < 0)
		return -1;
	if (S_ISLNK(st.st_mode)) {
		data = xmalloc((size_t)st.st_size + 1);
		n = readlinkat(fd, name_of(c, e), data, (size_t)st.st_size + 1);
		if (n >= 0 && n <= st.st_size)
			rc = git_odb_hash(id, data, (size_t)n, GIT_OBJECT_BLOB);
		free(data);
		return rc < 0 ? -1 : 0;
	}
	if (!S_ISREG(st.st_mode) ||
	    slurp(fd, name_of(c, e), (size_t)st.st_size, &data, &len) < 0) {
		free(data);
		return -1;
	}
	rc = 0;
	/* The filters (core.autocrlf, .gitattributes) of the path; with
	 * core.symlinks off a link is a file holding its target, as is. */
	if (!S_ISLNK(e->mode)) {
		rel = path_of(c, e->dir, name_of(c, e));
		path = gitr_path(c->g, rel);
		rc = git_filter_list_load(&fl, c->g->repo, NULL, path,
		    GIT_FILTER_TO_ODB, GIT_FILTER_ALLOW_UNSAFE);
		if (rc == 0 && fl != NULL)
			rc = git_filter_list_apply_to_buffer(
			    &filtered, fl, data, len);
		git_filter_list_free(fl);
		free(path);
		free(rel);
	}
	if (rc >= 0)
		rc = filtered.ptr != NULL
		    ? git_odb_hash(
		          id, filtered.ptr, filtered.size, GIT_OBJECT_BLOB)
		    : git_odb_hash(id, data, len, GIT_OBJECT_BLOB);
	git_buf_dispose(&filtered);
	free(data);
	return rc < 0 ? -1 : 0;
}

/* Settle the entries whose stat data could not tell, and collect. */
static void
settle(struct cmp *c)
{
	size_t j;

	for (j = 0; j < c->n; j++) {
		struct ent *e = &c->v[j];
		git_oid id;

		if (e->wt == WT_HASH)
			e->wt = hash(c, e, &id) == 0 &&
			        memcmp(id.id, e->id, GIT_OID_RAWSZ) == 0
			    ? WT_SAME
			    : WT_CHANGED;
		/* Staged as new, then deleted: as in neither, no change. */
		if (e->stage > 0 ||
		    ((e->differs || e->wt != WT_SAME) &&
		        !(e->added && e->wt == WT_GONE)))
			changed(c, e->dir, name_of(c, e));
	}
}

static int
config_bool(git_config *cfg, const char *name, int dflt)
{
	int v;

	if (git_config_get_bool(&v, cfg, name) < 0) {
		git_error_clear();
		return dflt;
	}
	return v;
}

static int
read_config(struct cmp *c)
{
	git_config *cfg = NULL;

	if (git_repository_config_snapshot(&cfg, c->g->repo) < 0)
		return gitr_fail("cannot read the git configuration");
	c->filemode = config_bool(cfg, "core.filemode", 1);
	c->symlinks = config_bool(cfg, "core.symlinks", 1);
	c->trustctime = config_bool(cfg, "core.trustctime", 1);
	c->nsec = (git_libgit2_features() & GIT_FEATURE_NSEC) != 0;
	git_config_free(cfg);
	return 0;
}

/* Open the root and its directories (-1 for those git sees no files
 * in: none, a file, a symbolic link). */
static int
open_dirs(struct cmp *c, const char *root)
{
	int d, fd;

	if (c->dirs)
		return 0;
	c->dirs = 1;
	fd = c->fd[TOP(c)] = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		diag_error(
		    "cannot use directory '%s': %s", root, strerror(errno));
		return -1;
	}
	for (d = 0; d < TOP(c); d++) {
		c->fd[d] = openat(fd, c->f->dirs[d],
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (c->fd[d] < 0 && errno != ENOENT && errno != ENOTDIR &&
		    errno != ELOOP) {
			diag_error("cannot read directory '%s': %s",
			    c->f->dirs[d], strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* The files of the work tree's directories, sorted. */
static int
list_dirs(const struct cmp *c, struct git_pathset *l)
{
	struct dirent *de;
	DIR *dp;
	int d, fd;

	for (d = 0; d < TOP(c); d++) {
		if (c->fd[d] < 0)
			continue;
		fd = dup(c->fd[d]);
		dp = fd >= 0 ? fdopendir(fd) : NULL;
		if (dp == NULL) {
			if (fd >= 0)
				close(fd);
			diag_error("cannot read directory '%s': %s",
			    c->f->dirs[d], strerror(errno));
			return -1;
		}
		while ((de = readdir(dp)) != NULL) {
			if (!dir_file(c->f, de->d_name))
				continue;
			l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
			l->v[l->n++] = path_of(c, d, de->d_name);
		}
		closedir(dp);
	}
	pathset_sort(l);
	return 0;
}

/* A file of the work tree not in the index: a change when it is one git
 * would add (a file or a link, not ignored). */
static int
untracked_one(struct cmp *c, int d, const char *name)
{
	struct stat st;
	char *rel, *path;
	int ignored = 0, rc;

	if ((d < TOP(c) && !dir_file(c->f, name)) || c->fd[d] < 0 ||
	    fstatat(c->fd[d], name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
	    wt_mode(&st) == 0)
		return 0;
	rel = path_of(c, d, name);
	path = gitr_path(c->g, rel);
	rc = git_ignore_path_is_ignored(&ignored, c->g->repo, path);
	free(path);
	if (rc == 0 && !ignored)
		pathset_take(c->out, rel);
	else
		free(rel);
	return rc < 0 ? gitr_fail("cannot read the git ignore rules") : 0;
}

/*
 * The listed files not in the index (at any stage). Both are in path
 * order: one cursor per directory walks its index entries alongside.
 */
static int
untracked(struct cmp *c, const char *const *listed, size_t nlisted)
{
	size_t *cur = xcalloc(c->f->ndirs + 1, sizeof(*cur)), i, j, t;
	int d = -1, order, rc = 0;

	for (i = 0; i < nlisted && rc == 0; i++) {
		const char *name;

		/* Most paths are in the directory of the one before. */
		d = file_dir(c->f, listed[i], d, &name);
		if (d < 0 || d == TOP(c))
			continue;
		order = 1;
		for (j = cur[d]; j < c->n; j++)
			if (c->v[j].dir == d &&
			    (order = strcmp(name_of(c, &c->v[j]), name)) >= 0)
				break;
		if (order == 0) {
			/* Past this name's entries, one per stage. */
			for (j++; j < c->n && c->v[j].stage > 0 &&
			     strcmp(name_of(c, &c->v[j]), name) == 0;
			     j++)
				;
		} else {
			rc = untracked_one(c, d, name);
		}
		cur[d] = j;
	}
	free(cur);
	for (t = 0; rc == 0 && t < c->f->ntop; t++) {
		for (j = 0; j < c->n &&
		     !(c->v[j].dir == TOP(c) &&
		         strcmp(name_of(c, &c->v[j]), c->f->top[t]) == 0);
		     j++)
			;
		if (j == c->n)
			rc = untracked_one(c, TOP(c), c->f->top[t]);
	}
	return rc;
}

static void
cmp_init(struct cmp *c, struct gitr *g, const struct git_files *f,
    struct git_pathset *out)
{
	int d;

	memset(c, 0, sizeof(*c));
	c->g = g;
	c->f = f;
	c->out = out;
	c->last = -1;
	c->fd = xcalloc(f->ndirs + 1, sizeof(*c->fd));
	for (d = 0; d <= TOP(c); d++)
		c->fd[d] = -1;
}

/* The index against tree: read the index, then compare. */
static int
index_side(struct cmp *c, git_tree *tree)
{
	struct buf file = BUF_INIT;
	struct gitx x;
	int rc;

	buf_printf(&file, "%sindex", git_repository_path(c->g->repo));
	rc = gitx_open(&x, file.ptr);
	c->stamp = x.mtime;
	if (rc == 0)
		rc = read_index(c, &x);
	if (rc == 0)
		rc = read_config(c);
	if (rc == 0)
		rc = against_tree(c, tree, &x);
	gitx_close(&x);
	buf_free(&file);
	return rc;
}

/* The work tree against the index: stat data, content, untracked. */
static int
wt_side(struct cmp *c, const char *root, const struct git_wt *wt)
{
	struct git_pathset listing = {0};
	int rc;

	rc = open_dirs(c, root);
	if (rc == 0 && (wt == NULL || !wt->looked))
		pool_run((c->n + CHUNK - 1) / CHUNK,
		    wt != NULL && wt->jobs > 0 ? wt->jobs : pool_default_jobs(),
		    look_chunk, c);
	if (rc == 0)
		settle(c);
	if (rc == 0 && (wt == NULL || wt->listed == NULL)) {
		rc = list_dirs(c, &listing);
		if (rc == 0)
			rc = untracked(
			    c, (const char *const *)listing.v, listing.n);
	} else if (rc == 0) {
		rc = untracked(c, wt->listed, wt->nlisted);
	}
	git_pathset_free(&listing);
	return rc;
}

static void
cmp_free(struct cmp *c)
{
	int d;

	for (d = 0; d <= TOP(c); d++)
		if (c->fd[d] >= 0)
			close(c->fd[d]);
	free(c->fd);
	free(c->v);
	buf_free(&c->names);
}

int
gitr_changed(struct gitr *g, const char *root, const struct git_files *f,
    git_tree *tree, const struct git_wt *wt, struct git_pathset *out)
{
	struct cmp c;
	int rc;

	cmp_init(&c, g, f, out);
	rc = index_side(&c, tree);
	if (rc == 0)
		rc = wt_side(&c, root, wt);
	cmp_free(&c);
	pathset_sort(out);
	return rc;
}

struct git_changes {
	struct gitr g;
	char *root;
	struct cmp c;
	struct git_pathset found;
};

int
git_changes_open(struct git_changes **out, const char *root, const char *rev,
    const struct git_files *f)
{
	struct git_changes *ch;
	git_commit *commit = NULL;
	git_tree *t = NULL;
	int rc;

	*out = NULL;
	ch = xcalloc(1, sizeof(*ch));
	cmp_init(&ch->c, &ch->g, f, &ch->found);
	rc = gitr_open(&ch->g, root);
	if (rc == 1)
		diag_error("--changed-since needs a git repository");
	if (rc != 0) {
		cmp_free(&ch->c);
		free(ch);
		return -1;
	}
	ch->root = xstrdup(root);
	rc = gitr_commit(&ch->g, rev, &commit);
	if (rc == 0 && git_commit_tree(&t, commit) < 0)
		rc = gitr_fail("cannot read the commit's tree");
	if (rc == 0)
		rc = index_side(&ch->c, t);
	if (rc == 0)
		rc = open_dirs(&ch->c, root);
	git_tree_free(t);
	git_commit_free(commit);
	if (rc < 0) {
		git_changes_free(ch);
		return -1;
	}
	*out = ch;
	return 0;
}

void
git_changes_look(struct git_changes *ch, size_t i, size_t n)
{
	struct cmp *c = &ch->c;

	look_range(c, c->n * i / n, c->n * (i + 1) / n);
}

int
git_changes_finish(
    struct git_changes *ch, const struct git_wt *wt, struct git_pathset *out)
{
	int rc = wt_side(&ch->c, ch->root, wt);
	size_t i;

	for (i = 0; i < ch->found.n; i++)
		pathset_take(out, ch->found.v[i]);
	ch->found.n = 0;
	pathset_sort(out);
	return rc;
}

void
git_changes_free(struct git_changes *ch)
{
	if (ch == NULL)
		return;
	cmp_free(&ch->c);
	git_pathset_free(&ch->found);
	gitr_close(&ch->g);
	free(ch->root);
	free(ch);
}

int
git_changed_since(const char *root, const char *rev, const struct git_files *f,
    const struct git_wt *wt, struct git_pathset *out)
{
	struct git_changes *ch;
	int rc;

	if (git_changes_open(&ch, root, rev, f) < 0)
		return -1;
	rc = git_changes_finish(ch, wt, out);
	git_changes_free(ch);
	return rc;
}
