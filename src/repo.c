/* The records repository: root discovery, listing and loading records. */
#include <dirent.h>
#include <stdatomic.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "pool.h"
#include "repo.h"
#include "xalloc.h"

const struct kind_info kind_info[KIND_COUNT] = {
    {"register", "register", "REG", "register.schema.json"},
    {"dpa", "dpa", "DPA", "dpa.schema.json"},
    {"incident", "incident", "INC", "incident.schema.json"},
    {"dpia", "dpia", "DPIA", "dpia.schema.json"},
    {"ros", "ros", "ROS", "ros.schema.json"},
    {"request", "request", "REQ", "request.schema.json"},
    {"plan", "plan", "PLAN", "plan.schema.json"},
};

int
kind_by_name(const char *s)
{
	int k;

	for (k = 0; k < KIND_COUNT; k++)
		if (strcmp(kind_info[k].name, s) == 0)
			return k;
	return -1;
}

int
id_valid(const char *id)
{
	const char *p = id;

	if (!(*p >= 'A' && *p <= 'Z'))
		return 0;
	while (*p >= 'A' && *p <= 'Z')
		p++;
	if (*p++ != '-')
		return 0;
	if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
	        (*p >= '0' && *p <= '9')))
		return 0;
	for (; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		        (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	return 1;
}

int
repo_find_root(const char *start, char **out)
{
	char *dir = realpath(start, NULL);
	struct buf b = BUF_INIT;

	*out = NULL;
	if (dir == NULL) {
		diag_error(
		    "cannot use directory '%s': %s", start, strerror(errno));
		return -1;
	}
	for (;;) {
		struct stat st;
		char *slash;

		buf_reset(&b);
		buf_printf(
		    &b, "%s/%s", strcmp(dir, "/") ? dir : "", CONFIG_FILE);
		if (lstat(b.ptr, &st) == 0) {
			*out = dir;
			buf_free(&b);
			return 0;
		}
		if (strcmp(dir, "/") == 0)
			break;
		slash = strrchr(dir, '/');
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	buf_free(&b);
	free(dir);
	diag_error("not in a gdprctl repository (no %s here or in any parent "
	           "directory); run 'gdprctl init' to create one",
	    CONFIG_FILE);
	return -1;
}

/*
 * Load path (relative to the root) from the working tree, or from the
 * commit of --at. Returns 0, -1 after a finding, -2 after a program error
 * and, from a commit only, 1 when the file is not there.
 */
static int
load_file(const struct repo *r, const char *path, struct yml_doc **doc,
    struct diag_list *d)
{
	enum git_entry_type type = GIT_ENTRY_OTHER;
	struct buf fs = BUF_INIT;
	char *data = NULL;
	size_t len = 0;
	int rc, k;

	*doc = NULL;
	k = repo_record_kind(path);
	/* A listed directory's files open without walking the path again. */
	if (r->snap == NULL && k >= 0 && k < KIND_COUNT && r->dirfd[k] >= 0)
		return yml_load_file_at(
		    doc, path, r->dirfd[k], strchr(path, '/') + 1, 0, d);
	if (r->snap == NULL) {
		buf_printf(&fs, "%s/%s", r->root, path);
		rc = yml_load_file(doc, path, fs.ptr, 0, d);
		buf_free(&fs);
		return rc;
	}
	rc = git_snap_read(r->snap, path, YML_MAX_SIZE, &data, &len, &type);
	if (rc != 0)
		return rc < 0 ? -2 : 1;
	if (type == GIT_ENTRY_SYMLINK) {
		diag_add(d, path, 0, 0, DIAG_ERROR, "yaml",
		    "is a symbolic link; records must be regular files");
		return -1;
	}
	if (type != GIT_ENTRY_FILE) {
		diag_add(
		    d, path, 0, 0, DIAG_ERROR, "yaml", "is not a regular file");
		return -1;
	}
	if (data == NULL) {
		diag_add(d, path, 1, 1, DIAG_ERROR, "yaml",
		    "file of %zu bytes is larger than the limit of 4 MiB", len);
		return -1;
	}
	rc = yml_parse(doc, path, data, len, 0, d);
	free(data);
	return rc;
}

int
repo_open(struct repo **out, const char *start, struct diag_list *d)
{
	return repo_open_at(out, start, NULL, d);
}

int
repo_open_at(
    struct repo **out, const char *start, const char *rev, struct diag_list *d)
{
	struct repo *r;
	struct yml_doc *doc = NULL;
	int k, rc;

	*out = NULL;
	r = xcalloc(1, sizeof(*r));
	r->jobs = pool_default_jobs();
	for (k = 0; k < KIND_COUNT; k++)
		r->dirfd[k] = -1;
	if (repo_find_root(start, &r->root) < 0) {
		free(r);
		return -1;
	}
	r->store = yml_store_new();
	if (rev != NULL) {
		r->rev = xstrdup(rev);
		if (git_snap_open(&r->snap, r->root, rev) < 0) {
			repo_free(r);
			return -1;
		}
	}
	rc = load_file(r, CONFIG_FILE, &doc, d);
	if (rc == 1)
		diag_error("there is no %s in revision '%s'", CONFIG_FILE, rev);
	if (rc == -2 || rc == 1) {
		repo_free(r);
		return -1;
	}
	if (doc != NULL)
		config_load(&r->cfg, doc, d);
	else
		config_defaults(&r->cfg, "en");
	*out = r;
	return 0;
}

static int
cmp_path(const void *a, const void *b)
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
		size_t n = strlen(kind_info[k].dir);

		if ((size_t)(slash - path) == n &&
		    strncmp(path, kind_info[k].dir, n) == 0)
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

/* A record's path as put_path lays it out, in a block of its own. */
static char *
join(struct repo *r, const char *dir, size_t dlen, const char *name)
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
	const char *dir = kind_info[lc->k].dir;

	(void)type;
	if (repo_record_name(name))
		add_record(lc->r, lc->k, join(lc->r, dir, strlen(dir), name));
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

/* List and sort the .yaml (and misnamed .yml) files of one directory. */
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

static void
list_dir(size_t k, int worker, void *arg)
{
	struct listing *l = arg;
	const char *dir = kind_info[k].dir;
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

	link =
	    fstatat(l->root, kind_info[k].dir, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode);
	/* A missing directory, or a file in its place, holds no records. */
	if (!link && (e == ENOENT || e == ENOTDIR))
		return 0;
	if (link)
		diag_error("'%s' is a symbolic link; record directories "
		           "must be real directories in the repository",
		    kind_info[k].dir);
	else
		diag_error("cannot read directory '%s': %s", kind_info[k].dir,
		    strerror(e));
	return -1;
}

/* The kinds in the order of their directories' paths. */
static int
cmp_dir(const void *a, const void *b)
{
	const char *x = kind_info[*(const int *)a].dir,
	           *y = kind_info[*(const int *)b].dir;
	size_t n = strlen(x), m = strlen(y);
	int c = strncmp(x, y, n < m ? n : m);

	/* As "dir/": a directory before one it is a prefix of. */
	if (c == 0 && n != m)
		c = n < m ? ('/' - (unsigned char)y[n])
		          : ((unsigned char)x[m] - '/');
	return c;
}

/* The listing, and git's comparison of a commit with its index. */
/* The slices of the work tree's stat data, after git's part. */
#define LOOK_SLICES 32

struct list_job {
	struct listing l;
	const char *root, *rev; /* rev NULL: no comparison */
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
		git_changes_open(&j->ch, j->root, j->rev);
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
		size[k] = fstatat(j->l.root, kind_info[k].dir, &st,
		              AT_SYMLINK_NOFOLLOW) == 0
		    ? st.st_size
		    : 0;
		for (a = n++; a > first && size[j->job[a - 1]] < size[k]; a--)
			j->job[a] = j->job[a - 1];
		j->job[a] = k;
	}
}

/*
 * List every record directory of the working tree on the pool; with rev
 * not NULL, compare the tree of rev with git's index and then the index
 * with the working tree's stat data meanwhile, into *ch (NULL after
 * reporting why not).
 */
static int
list_worktree(struct repo *r, const char *rev, struct git_changes **ch)
{
	struct list_job j;
	int order[KIND_COUNT], k, rc = 0;
	size_t i, before = r->n, total = r->n;

	memset(&j, 0, sizeof(j));
	pthread_mutex_init(&j.lock, NULL);
	pthread_cond_init(&j.opened, NULL);
	j.root = r->root;
	j.rev = rev;
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
		qsort(r->recs, r->n, sizeof(*r->recs), cmp_path);
	r->listed = rc == 0;
	if (ch != NULL)
		*ch = j.ch;
	return rc;
}

static size_t
hash_id(enum kind k, const char *id)
{
	size_t h = 1469598103934665603u ^ (size_t)k;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 1099511628211u;
	return h;
}

/* Index the first record of each (kind, id); later ones are duplicates. */
static void
build_index(struct repo *r)
{
	size_t i, cap = 16;

	while (cap < r->n * 2 + 1)
		cap *= 2;
	free(r->idx);
	r->idx = xmalloc(cap * sizeof(*r->idx));
	r->idxcap = cap;
	for (i = 0; i < cap; i++)
		r->idx[i] = (size_t)-1;
	for (i = 0; i < r->n; i++) {
		const struct record *rec = &r->recs[i];
		size_t h;

		if (rec->id == NULL)
			continue;
		h = hash_id(rec->kind, rec->id) & (cap - 1);
		while (r->idx[h] != (size_t)-1) {
			const struct record *o = &r->recs[r->idx[h]];

			if (o->kind == rec->kind && strcmp(o->id, rec->id) == 0)
				break;
			h = (h + 1) & (cap - 1);
		}
		if (r->idx[h] == (size_t)-1)
			r->idx[h] = i;
	}
}

const struct record *
repo_find(const struct repo *r, enum kind k, const char *id)
{
	size_t h;

	if (r->idx == NULL || id == NULL)
		return NULL;
	h = hash_id(k, id) & (r->idxcap - 1);
	while (r->idx[h] != (size_t)-1) {
		const struct record *o = &r->recs[r->idx[h]];

		if (o->kind == k && strcmp(o->id, id) == 0)
			return o;
		h = (h + 1) & (r->idxcap - 1);
	}
	return NULL;
}

const struct record *
repo_next(const struct repo *r, enum kind k, const struct record *prev)
{
	size_t i = prev ? (size_t)(prev - r->recs) + 1 : 0;

	for (; i < r->n; i++)
		if (r->recs[i].kind == k)
			return &r->recs[i];
	return NULL;
}

static void
record_set_id(struct record *rec)
{
	const struct yml_pair *p;

	rec->id = NULL;
	rec->id_node = NULL;
	if (rec->doc == NULL)
		return;
	p = yml_get_pair(rec->doc->root, "id");
	if (p != NULL && p->val->type == YML_STR) {
		rec->id = p->val->str;
		rec->id_node = p->val;
	}
}

int
repo_list(struct repo *r)
{
	int k, rc = 0;

	if (r->snap == NULL)
		return list_worktree(r, NULL, NULL);
	for (k = 0; k < KIND_COUNT; k++) {
		struct list_ctx lc = {r, (enum kind)k};

		if (git_snap_list(r->snap, kind_info[k].dir, list_entry, &lc) <
		    0)
			rc = -1;
	}
	if (r->n > 1)
		qsort(r->recs, r->n, sizeof(*r->recs), cmp_path);
	return rc;
}

int
repo_load_jobs(const struct repo *r)
{
	/* libgit2 reads of one repository stay on one thread. */
	return r->snap != NULL || r->jobs < 1 ? 1 : r->jobs;
}

int
repo_load_record(const struct repo *r, struct record *rec, struct diag_list *d)
{
	int rc;

	yml_doc_free(rec->doc);
	rc = load_file(r, rec->path, &rec->doc, d);
	record_set_id(rec);
	return rc < -1 ? -1 : 0;
}

void
repo_prune_record(
    struct repo *r, struct record *rec, const char *const *keys, size_t nkeys)
{
	struct yml_doc *full = rec->doc;

	if (full == NULL)
		return;
	rec->doc = yml_doc_prune(full, keys, nkeys, r->store);
	yml_doc_free(full);
	record_set_id(rec);
}

void
repo_name_ids(struct repo *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		struct record *rec = &r->recs[i];

		if (rec->doc == NULL && rec->id == NULL)
			rec->id = rec->path + strlen(rec->path) + 1;
	}
	build_index(r);
}

/*
 * Read the file at path (relative to directory at) into text, not through
 * a symlink: -1 when it cannot be read, is not a regular file or is larger
 * than YML_MAX_SIZE. Reading up to the end costs less than an fstat, which
 * is left for when nothing could be read.
 */
static int
read_text(int at, const char *path, struct buf *text)
{
	struct stat st;
	ssize_t n;
	int fd, rc;

	buf_reset(text);
	fd = openat(at, path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return -1;
	do {
		size_t want;

		buf_grow(text, 65536);
		want = text->cap - text->len - 1;
		n = read(fd, text->ptr + text->len, want);
		if (n > 0)
			text->len += (size_t)n;
		/* Less than asked of a regular file is its end; anything else
		 * is read only to be searched for ids, and then refused when
		 * loaded. */
		if (n > 0 && (size_t)n < want)
			break;
	} while (
	    (n > 0 || (n < 0 && errno == EINTR)) && text->len <= YML_MAX_SIZE);
	rc = n < 0 || text->len > YML_MAX_SIZE ? -1 : 0;
	/* Nothing read: an empty file, or a FIFO and the like. */
	if (rc == 0 && text->len == 0 &&
	    (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)))
		rc = -1;
	close(fd);
	text->ptr[text->len] = '\0';
	return rc;
}

/* Whether s[at..at+n) is a whole id, not a piece of a longer word. */
static int
whole_id(const char *s, size_t len, size_t at, size_t n)
{
	static const char idchars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                              "abcdefghijklmnopqrstuvwxyz0123456789-";

	return (at == 0 || strchr(idchars, s[at - 1]) == NULL) &&
	    (at + n == len || s[at + n] == '\0' ||
	        strchr(idchars, s[at + n]) == NULL);
}

int
repo_mentions(const struct repo *r, const struct record *rec,
    const char *const *ids, size_t nids, struct buf *text)
{
	struct buf fs = BUF_INIT;
	enum git_entry_type type;
	char *copy = NULL;
	const char *data;
	size_t len = 0, i;
	int found = 0;

	if (r->snap != NULL) {
		if (git_snap_read(r->snap, rec->path, YML_MAX_SIZE, &copy, &len,
		        &type) != 0 ||
		    copy == NULL) {
			free(copy);
			return 1;
		}
		data = copy;
	} else {
		if (r->dirfd[rec->kind] >= 0) {
			found = read_text(r->dirfd[rec->kind],
			    strchr(rec->path, '/') + 1, text);
		} else {
			buf_printf(&fs, "%s/%s", r->root, rec->path);
			found = read_text(AT_FDCWD, fs.ptr, text);
			buf_free(&fs);
		}
		if (found < 0)
			return 1;
		data = text->ptr;
		len = text->len;
	}
	for (i = 0; !found && i < nids; i++) {
		size_t n = strlen(ids[i]);
		const char *p = data;

		while (!found &&
		    (p = memmem(p, len - (size_t)(p - data), ids[i], n)) !=
		        NULL) {
			found = whole_id(data, len, (size_t)(p - data), n);
			p++;
		}
	}
	free(copy);
	return found;
}

struct loading {
	struct repo *r;
	const size_t *which; /* the records to load, or NULL: all */
	struct diag_list *d; /* one per worker */
	atomic_int failed;
};

static void
load_one(size_t i, int worker, void *arg)
{
	struct loading *ld = arg;
	struct record *rec = &ld->r->recs[ld->which ? ld->which[i] : i];

	if (repo_load_record(ld->r, rec, &ld->d[worker]) < 0)
		atomic_store(&ld->failed, 1);
}

/* Load n of r's records (which, or all) on the pool; -1 when one could
 * not be for want of a resource. */
static int
load_some(struct repo *r, const size_t *which, size_t n, struct diag_list *d)
{
	struct loading ld;
	int k, jobs = repo_load_jobs(r);

	ld.r = r;
	ld.which = which;
	ld.d = xcalloc((size_t)jobs, sizeof(*ld.d));
	ld.failed = 0;
	for (k = 0; k < jobs; k++)
		diag_copy_overrides(&ld.d[k], d);
	pool_run(n, jobs, load_one, &ld);
	for (k = 0; k < jobs; k++) {
		diag_move(d, &ld.d[k]);
		diag_list_free(&ld.d[k]);
	}
	free(ld.d);
	return atomic_load(&ld.failed) ? -1 : 0;
}

void
repo_index(struct repo *r)
{
	build_index(r);
}

void
repo_index_loaded(struct repo *r, const size_t *which, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct record *rec = &r->recs[which[i]];

		if (rec->id == NULL ||
		    strcmp(rec->id, rec->path + strlen(rec->path) + 1) != 0) {
			build_index(r);
			return;
		}
	}
}

int
repo_load(struct repo *r, struct diag_list *d)
{
	int rc = repo_list(r);

	if (load_some(r, NULL, r->n, d) < 0)
		rc = -1;
	build_index(r);
	return rc;
}

int
repo_load_kind(struct repo *r, enum kind k, struct diag_list *d)
{
	int rc = repo_list(r);
	size_t *which = xcalloc(r->n + 1, sizeof(*which)), i, n = 0;

	repo_name_ids(r);
	for (i = 0; i < r->n; i++)
		if (r->recs[i].kind == k)
			which[n++] = i;
	if (load_some(r, which, n, d) < 0)
		rc = -1;
	free(which);
	build_index(r);
	return rc;
}

/* Put in scope the records changed since ch's commit; looked: every
 * slice of the stat data went through git_changes_look. */
static int
scope(struct repo *r, struct git_changes *ch, int looked)
{
	struct git_wt wt = {repo_load_jobs(r), NULL, 0, looked};
	const char **listed = NULL;
	size_t i;
	int rc;

	/* The working tree's record files, as listed already. */
	if (r->snap == NULL && r->listed) {
		listed = xcalloc(r->n + 1, sizeof(*listed));
		for (i = 0; i < r->n; i++)
			listed[i] = r->recs[i].path;
		wt.listed = listed;
		wt.nlisted = r->n;
	}
	rc = git_changes_finish(ch, &wt, &r->changed);
	free(listed);
	if (rc < 0)
		return -1;
	r->scoped = 1;
	for (i = 0; i < r->n; i++)
		r->recs[i].in_scope =
		    git_pathset_has(&r->changed, r->recs[i].path);
	return 0;
}

int
repo_scope_changed(struct repo *r, const char *rev)
{
	struct git_changes *ch = NULL;
	int rc;

	if (git_changes_open(&ch, r->root, rev) < 0)
		return -1;
	rc = scope(r, ch, 0);
	git_changes_free(ch);
	return rc;
}

int
repo_list_changed(struct repo *r, const char *rev)
{
	struct git_changes *ch = NULL;
	int rc;

	if (r->snap != NULL) {
		rc = repo_list(r);
		return repo_scope_changed(r, rev) < 0 ? -1 : rc;
	}
	rc = list_worktree(r, rev, &ch);
	if (ch == NULL || scope(r, ch, 1) < 0)
		rc = -1;
	git_changes_free(ch);
	return rc;
}

int
repo_in_scope(const struct repo *r, const char *path)
{
	return !r->scoped || git_pathset_has(&r->changed, path);
}

struct yml_doc *
repo_set_doc(struct repo *r, const struct record *rec, struct yml_doc *doc)
{
	struct record *m = &r->recs[rec - r->recs];
	struct yml_doc *old = m->doc;

	m->doc = doc;
	record_set_id(m);
	build_index(r);
	return old;
}

const struct record *
repo_add(struct repo *r, enum kind k, const char *path, struct yml_doc *doc)
{
	const char *slash;
	struct record *rec;
	size_t i;

	r->recs = xgrow(r->recs, &r->cap, r->n + 1, sizeof(*r->recs));
	rec = &r->recs[r->n++];
	memset(rec, 0, sizeof(*rec));
	rec->kind = k;
	slash = strrchr(path, '/');
	rec->path = slash != NULL
	    ? join(r, path, (size_t)(slash - path), slash + 1)
	    : join(r, "", 0, path);
	rec->doc = doc;
	rec->in_scope = 1;
	record_set_id(rec);
	qsort(r->recs, r->n, sizeof(*r->recs), cmp_path);
	build_index(r);
	for (i = 0; i < r->n; i++)
		if (strcmp(r->recs[i].path, path) == 0)
			return &r->recs[i];
	return NULL;
}

void
repo_free(struct repo *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		yml_doc_free(r->recs[i].doc);
	for (i = 0; i < KIND_COUNT; i++)
		if (r->dirfd[i] >= 0)
			close(r->dirfd[i]);
	for (i = 0; i < r->nblocks; i++)
		free(r->blocks[i]);
	free(r->blocks);
	free(r->recs);
	free(r->idx);
	git_snap_free(r->snap);
	git_pathset_free(&r->changed);
	yml_store_free(r->store);
	config_free(&r->cfg);
	free(r->root);
	free(r->rev);
	free(r);
}
