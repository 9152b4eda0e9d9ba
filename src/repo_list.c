/*
 * Listing the record files: which paths are records, and the record
 * directories of the working tree (on the pool, next to git's part of
 * --changed-since) or of a commit.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "pool.h"
#include "repo.h"
#include "repo_int.h"
#include "xalloc.h"

int
repo_cmp_path(const void *a, const void *b)
{
	return strcmp(
	    ((const struct record *)a)->path, ((const struct record *)b)->path);
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* A record file name: *.yaml (or a misnamed *.yml), not hidden. */
int
repo_record_name(const char *name)
{
	return name[0] != '.' && strchr(name, '/') == NULL &&
	    (ends_with(name, ".yaml") || ends_with(name, ".yml"));
}

int
repo_record_kind(const char *path)
{
	const char *slash = strchr(path, '/');
	int k;

	if (slash == NULL)
		return strcmp(path, CONFIG_FILE) == 0 ? KIND_COUNT : -1;
	for (k = 0; k < KIND_COUNT; k++) {
		size_t n = strlen(kinds[k]->dir);

		if ((size_t)(slash - path) == n &&
		    strncmp(path, kinds[k]->dir, n) == 0)
			return repo_record_name(slash + 1) ? k : -1;
	}
	return -1;
}

int
repo_is_record_file(const char *path)
{
	return repo_record_kind(path) >= 0;
}

static void
add_record(struct repo *r, enum kind k, char *path)
{
	struct record *rec;

	r->recs = xgrow(r->recs, &r->cap, r->n + 1, sizeof(*r->recs));
	rec = &r->recs[r->n++];
	memset(rec, 0, sizeof(*rec));
	rec->kind = k;
	rec->path = path;
	rec->in_scope = 1;
}

/*
 * Append a record's path "dir/name" to b, and after its NUL the name up to
 * its first dot, the id repo_name_ids takes from it; no printf, as this
 * runs for every record.
 */
static void
put_path(struct buf *b, const char *dir, size_t dlen, const char *name)
{
	size_t nlen = strlen(name), slen = strcspn(name, ".");
	char *q;

	buf_grow(b, dlen + nlen + slen + 3);
	q = b->ptr + b->len;
	if (dlen > 0) {
		memcpy(q, dir, dlen);
		q += dlen;
		*q++ = '/';
	}
	memcpy(q, name, nlen + 1);
	q += nlen + 1;
	memcpy(q, name, slen);
	q[slen] = '\0';
	b->len = (size_t)(q + slen + 1 - b->ptr);
}

/* Keep block (holding record paths) until repo_free; returns it. */
static char *
keep(struct repo *r, char *block)
{
	r->blocks = xgrow(
	    r->blocks, &r->nblocks_cap, r->nblocks + 1, sizeof(*r->blocks));
	r->blocks[r->nblocks++] = block;
	return block;
}

char *
repo_keep_path(struct repo *r, const char *dir, size_t dlen, const char *name)
{
	struct buf b = BUF_INIT;

	put_path(&b, dir, dlen, name);
	return keep(r, buf_detach(&b));
}

struct list_ctx {
	struct repo *r;
	enum kind k;
};

static int
list_entry(const char *name, enum git_entry_type type, void *arg)
{
	struct list_ctx *lc = arg;
	const char *dir = kinds[lc->k]->dir;

	(void)type;
	if (repo_record_name(name))
		add_record(lc->r, lc->k,
		    repo_keep_path(lc->r, dir, strlen(dir), name));
	return 0;
}

/* The record directories of the working tree, read on the pool. */
struct listing {
	int root;                    /* the root, open */
	int fd[KIND_COUNT];          /* each directory, or -1 */
	int err[KIND_COUNT];         /* errno of opening or reading it, or 0 */
	struct buf text[KIND_COUNT]; /* its record files' paths (put_path) */
	char **paths[KIND_COUNT];    /* into text, sorted */
	size_t n[KIND_COUNT];
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A path and, big-endian, the sixteen bytes after the part all share. */
struct sortkey {
	uint64_t hi, lo;
	char *p;
};

/*
 * Sort the paths v, which all start with the same skip bytes (a record
 * directory's): a radix sort on the next sixteen bytes, then strcmp
 * within the runs that share them. A listing sorts up to 100 000 names,
 * and qsort's comparisons were a tenth of a --changed-since run.
 */
static void
sort_paths(char **v, size_t n, size_t skip)
{
	struct sortkey *a, *b, *t;
	size_t i, j, count[256];
	int pass;

	if (n < 2)
		return;
	a = xmalloc(2 * n * sizeof(*a));
	b = a + n;
	for (i = 0; i < n; i++) {
		const unsigned char *s = (const unsigned char *)v[i] + skip;
		uint64_t w[2] = {0, 0};

		for (j = 0; j < 16 && s[j] != '\0'; j++)
			w[j / 8] |= (uint64_t)s[j] << (56 - 8 * (j % 8));
		a[i].hi = w[0];
		a[i].lo = w[1];
		a[i].p = v[i];
	}
	/* Least significant byte first; a byte all keys share moves none. */
	for (pass = 0; pass < 16; pass++) {
		int shift = 8 * (pass % 8);
		size_t at = 0;

		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[((pass < 8 ? a[i].lo : a[i].hi) >> shift) &
			    0xFF]++;
		if (count[((pass < 8 ? a[0].lo : a[0].hi) >> shift) & 0xFF] ==
		    n)
			continue;
		for (i = 0; i < 256; i++) {
			size_t c = count[i];

			count[i] = at;
			at += c;
		}
		for (i = 0; i < n; i++)
			b[count[((pass < 8 ? a[i].lo : a[i].hi) >> shift) &
			    0xFF]++] = a[i];
		t = a;
		a = b;
		b = t;
	}
	for (i = 0; i < n; i++)
		v[i] = a[i].p;
	for (i = 0; i < n; i = j) {
		for (j = i + 1;
		     j < n && a[j].hi == a[i].hi && a[j].lo == a[i].lo;)
			j++;
		if (j - i > 1)
			qsort(v + i, j - i, sizeof(*v), cmp_str);
	}
	free(a < b ? a : b);
}

/* List and sort the .yaml (and misnamed .yml) files of one directory. */
static void
list_dir(size_t k, int worker, void *arg)
{
	struct listing *l = arg;
	const char *dir = kinds[k]->dir;
	size_t dlen = strlen(dir), *off = NULL, cap = 0, i;
	struct dirent *de;
	DIR *dp;
	int fd;

	(void)worker;
	/* O_NOFOLLOW: a symlinked record directory could lead out of the
	 * repository, and only files inside it are read. */
	l->fd[k] = openat(
	    l->root, dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	fd = l->fd[k] >= 0 ? dup(l->fd[k]) : -1;
	dp = fd >= 0 ? fdopendir(fd) : NULL;
	if (dp == NULL) {
		l->err[k] = errno;
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		if (!repo_record_name(de->d_name))
			continue;
		off = xgrow(off, &cap, l->n[k] + 1, sizeof(*off));
		off[l->n[k]++] = l->text[k].len;
		put_path(&l->text[k], dir, dlen, de->d_name);
	}
	closedir(dp);
	l->paths[k] = xmalloc((l->n[k] + 1) * sizeof(char *));
	for (i = 0; i < l->n[k]; i++)
		l->paths[k][i] = l->text[k].ptr + off[i];
	free(off);
	sort_paths(l->paths[k], l->n[k], dlen + 1);
}

/* Report why directory k could not be listed; -1, or 0 when it simply
 * holds no records. */
static int
list_failed(const struct listing *l, int k)
{
	struct stat st;
	int e = l->err[k], link;

	link = fstatat(l->root, kinds[k]->dir, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode);
	/* A missing directory, or a file in its place, holds no records. */
	if (!link && (e == ENOENT || e == ENOTDIR))
		return 0;
	if (link)
		diag_error("'%s' is a symbolic link; record directories "
		           "must be real directories in the repository",
		    kinds[k]->dir);
	else
		diag_error("cannot read directory '%s': %s", kinds[k]->dir,
		    strerror(e));
	return -1;
}

/* The kinds in the order of their directories' paths. */
static int
cmp_dir(const void *a, const void *b)
{
	const char *x = kinds[*(const int *)a]->dir,
	           *y = kinds[*(const int *)b]->dir;
	size_t n = strlen(x), m = strlen(y);
	int c = strncmp(x, y, n < m ? n : m);

	/* As "dir/": a directory before one it is a prefix of. */
	if (c == 0 && n != m)
		c = n < m ? ('/' - (unsigned char)y[n])
		          : ((unsigned char)x[m] - '/');
	return c;
}

/* The slices of the work tree's stat data, after git's part. */
#define LOOK_SLICES 32

/* The listing, and git's comparison of a commit with its index. */
struct list_job {
	struct listing l;
	const char *root, *rev; /* rev NULL: no comparison */
	const struct git_files *files;
	struct git_changes *ch;
	int job[KIND_COUNT + 1]; /* a kind, or KIND_COUNT for git's part */
	/* Slices wait for git's part, the first job, to be done. */
	pthread_mutex_t lock;
	pthread_cond_t opened;
	int open;
};

static void
list_job(size_t i, int worker, void *arg)
{
	struct list_job *j = arg;

	if (i > KIND_COUNT) {
		pthread_mutex_lock(&j->lock);
		while (!j->open)
			pthread_cond_wait(&j->opened, &j->lock);
		pthread_mutex_unlock(&j->lock);
		if (j->ch != NULL)
			git_changes_look(
			    j->ch, i - KIND_COUNT - 1, LOOK_SLICES);
	} else if (j->job[i] < KIND_COUNT) {
		list_dir((size_t)j->job[i], worker, &j->l);
	} else {
		git_changes_open(&j->ch, j->root, j->rev, j->files);
		pthread_mutex_lock(&j->lock);
		j->open = 1;
		pthread_cond_broadcast(&j->opened);
		pthread_mutex_unlock(&j->lock);
	}
}

/* git's part (the longest), then the larger directories first, for the
 * threads to end at about the same time; a directory's file size is a
 * measure of its entries. */
static void
order_jobs(struct list_job *j)
{
	off_t size[KIND_COUNT];
	struct stat st;
	int k, a, first = j->rev != NULL, n = first;

	if (first)
		j->job[0] = KIND_COUNT;
	for (k = 0; k < KIND_COUNT; k++) {
		size[k] = fstatat(j->l.root, kinds[k]->dir, &st,
		              AT_SYMLINK_NOFOLLOW) == 0
		    ? st.st_size
		    : 0;
		for (a = n++; a > first && size[j->job[a - 1]] < size[k]; a--)
			j->job[a] = j->job[a - 1];
		j->job[a] = k;
	}
}

int
repo_list_worktree(struct repo *r, const char *rev, struct git_changes **ch)
{
	struct list_job j;
	int order[KIND_COUNT], k, rc = 0;
	size_t i, before = r->n, total = r->n;

	memset(&j, 0, sizeof(j));
	pthread_mutex_init(&j.lock, NULL);
	pthread_cond_init(&j.opened, NULL);
	j.root = r->root;
	j.rev = rev;
	j.files = &r->files;
	j.l.root = open(r->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (j.l.root < 0) {
		diag_error(
		    "cannot use directory '%s': %s", r->root, strerror(errno));
		return -1;
	}
	for (k = 0; k < KIND_COUNT; k++) {
		j.l.fd[k] = -1;
		order[k] = k;
	}
	order_jobs(&j);
	pool_run_coarse(rev != NULL ? KIND_COUNT + 1 + LOOK_SLICES : KIND_COUNT,
	    repo_load_jobs(r), list_job, &j);
	pthread_cond_destroy(&j.opened);
	pthread_mutex_destroy(&j.lock);
	qsort(order, KIND_COUNT, sizeof(*order), cmp_dir);
	for (k = 0; k < KIND_COUNT; k++)
		total += j.l.n[k];
	r->recs = xgrow(r->recs, &r->cap, total, sizeof(*r->recs));
	for (k = 0; k < KIND_COUNT; k++) {
		int o = order[k];

		if (j.l.err[o] != 0 && list_failed(&j.l, o) < 0)
			rc = -1;
		for (i = 0; i < j.l.n[o]; i++)
			add_record(r, (enum kind)o, j.l.paths[o][i]);
		free(j.l.paths[o]);
		if (j.l.text[o].ptr != NULL)
			keep(r, buf_detach(&j.l.text[o]));
		if (r->dirfd[o] >= 0)
			close(r->dirfd[o]);
		r->dirfd[o] = j.l.fd[o];
	}
	close(j.l.root);
	/* Records added before (repo_add) go to their places. */
	if (before > 0)
		qsort(r->recs, r->n, sizeof(*r->recs), repo_cmp_path);
	r->listed = rc == 0;
	if (ch != NULL)
		*ch = j.ch;
	return rc;
}

int
repo_list(struct repo *r)
{
	int k, rc = 0;

	if (r->snap == NULL)
		return repo_list_worktree(r, NULL, NULL);
	for (k = 0; k < KIND_COUNT; k++) {
		struct list_ctx lc = {r, (enum kind)k};

		if (git_snap_list(r->snap, kinds[k]->dir, list_entry, &lc) < 0)
			rc = -1;
	}
	if (r->n > 1)
		qsort(r->recs, r->n, sizeof(*r->recs), repo_cmp_path);
	return rc;
}
