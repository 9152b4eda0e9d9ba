/*
 * Walking git history: the commits that changed one record (following
 * renames) and the number of commits per year that changed a directory.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "git_int.h"
#include "xalloc.h"

/* A set of commit ids, open addressing. */
struct oidset {
	git_oid *v;
	unsigned char *used;
	size_t n, cap;
};

static size_t
oid_hash(const git_oid *id)
{
	size_t h;

	memcpy(&h, id->id, sizeof(h));
	return h;
}

/* Add id; 0 when it was there already. */
static int
oidset_add(struct oidset *s, const git_oid *id)
{
	size_t i;

	if (s->n * 2 >= s->cap) {
		struct oidset big = {0};

		big.cap = s->cap ? s->cap * 2 : 64;
		big.v = xmalloc(big.cap * sizeof(*big.v));
		big.used = xcalloc(big.cap, 1);
		for (i = 0; i < s->cap; i++)
			if (s->used[i])
				oidset_add(&big, &s->v[i]);
		free(s->v);
		free(s->used);
		*s = big;
	}
	i = oid_hash(id) & (s->cap - 1);
	while (s->used[i]) {
		if (git_oid_equal(&s->v[i], id))
			return 0;
		i = (i + 1) & (s->cap - 1);
	}
	s->used[i] = 1;
	git_oid_cpy(&s->v[i], id);
	s->n++;
	return 1;
}

static void
oidset_free(struct oidset *s)
{
	free(s->v);
	free(s->used);
}

/* A commit waiting in the walk with the path it is followed under. */
struct pending {
	git_commit *c;
	char *path;
	uint64_t seq;
};

/* Newest committer time first; equal times in the order they came. */
struct queue {
	struct pending *v;
	size_t n, cap;
	uint64_t seq;
};

static int
before(const struct pending *a, const struct pending *b)
{
	git_time_t ta = git_commit_time(a->c), tb = git_commit_time(b->c);

	return ta != tb ? ta > tb : a->seq < b->seq;
}

static void
queue_push(struct queue *q, git_commit *c, const char *path)
{
	size_t i;

	q->v = xgrow(q->v, &q->cap, q->n + 1, sizeof(*q->v));
	i = q->n++;
	q->v[i].c = c;
	q->v[i].path = xstrdup(path);
	q->v[i].seq = q->seq++;
	while (i > 0 && before(&q->v[i], &q->v[(i - 1) / 2])) {
		struct pending t = q->v[i];

		q->v[i] = q->v[(i - 1) / 2];
		q->v[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
}

static struct pending
queue_pop(struct queue *q)
{
	struct pending top = q->v[0];
	size_t i = 0;

	q->v[0] = q->v[--q->n];
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		struct pending t;

		if (l < q->n && before(&q->v[l], &q->v[m]))
			m = l;
		if (l + 1 < q->n && before(&q->v[l + 1], &q->v[m]))
			m = l + 1;
		if (m == i)
			break;
		t = q->v[i];
		q->v[i] = q->v[m];
		q->v[m] = t;
		i = m;
	}
	return top;
}

static void
queue_free(struct queue *q)
{
	size_t i;

	for (i = 0; i < q->n; i++) {
		git_commit_free(q->v[i].c);
		free(q->v[i].path);
	}
	free(q->v);
}

/* The id and mode of path in c's tree; 0 absent, 1 present, -1 error. */
struct entry {
	git_oid id;
	unsigned mode;
	int present;
};

static int
path_entry(git_commit *c, const char *path, struct entry *out)
{
	git_tree *t = NULL;
	git_tree_entry *e = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	if (git_commit_tree(&t, c) < 0)
		return gitr_fail("cannot read a commit's tree");
	rc = git_tree_entry_bypath(&e, t, path);
	git_tree_free(t);
	if (rc == GIT_ENOTFOUND)
		return 0;
	if (rc < 0)
		return gitr_fail("cannot read a commit's tree");
	git_oid_cpy(&out->id, git_tree_entry_id(e));
	out->mode = (unsigned)git_tree_entry_filemode(e);
	out->present = 1;
	git_tree_entry_free(e);
	return 0;
}

static int
entry_same(const struct entry *a, const struct entry *b)
{
	if (a->present != b->present)
		return 0;
	return !a->present ||
	    (a->mode == b->mode && git_oid_equal(&a->id, &b->id));
}

/*
 * The path that path was renamed from between parent and c, as git log
 * --follow finds it (rename detection at 50% similarity), or NULL.
 */
static int
renamed_from(git_repository *repo, git_commit *parent, git_commit *c,
    const char *path, char **out)
{
	git_diff_find_options fo;
	git_tree *a = NULL, *b = NULL;
	git_diff *diff = NULL;
	size_t i, n;
	int rc;

	*out = NULL;
	rc = git_commit_tree(&a, parent);
	if (rc == 0)
		rc = git_commit_tree(&b, c);
	if (rc == 0)
		rc = git_diff_tree_to_tree(&diff, repo, a, b, NULL);
	git_diff_find_options_init(&fo, GIT_DIFF_FIND_OPTIONS_VERSION);
	fo.flags = GIT_DIFF_FIND_RENAMES;
	if (rc == 0)
		rc = git_diff_find_similar(diff, &fo);
	if (rc < 0) {
		rc = gitr_fail("cannot look for renames");
		goto done;
	}
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);

		if (d->status == GIT_DELTA_RENAMED &&
		    strcmp(d->new_file.path, path) == 0) {
			*out = xstrdup(d->old_file.path);
			break;
		}
	}
done:
	git_diff_free(diff);
	git_tree_free(a);
	git_tree_free(b);
	return rc;
}

/* A walk over the commits that changed one path, as git log -- path. */
struct walker {
	struct gitr *g;
	int follow; /* continue under the old path of a renamed file */
	/* Whether c matters; other single-parent commits are not compared. */
	int (*wanted)(git_commit *c, void *arg);
	/* c changed path (newest first, by commit date). */
	void (*show)(git_commit *c, const char *path, void *arg);
	void *arg;
};

/*
 * One step of git's history simplification: show c when it differs from
 * every parent (or is a root commit holding the path); when it equals a
 * parent, follow only that one.
 */
static int
walk_step(const struct walker *w, struct queue *q, struct oidset *seen,
    struct pending *it)
{
	unsigned i, np = git_commit_parentcount(it->c);
	git_commit **par = xcalloc(np ? np : 1, sizeof(*par));
	struct entry *pe = xcalloc(np ? np : 1, sizeof(*pe));
	int compare = np > 1 || w->wanted(it->c, w->arg);
	struct entry ce;
	int rc = 0, same = -1;

	memset(&ce, 0, sizeof(ce));
	if (compare)
		rc = path_entry(it->c, it->path, &ce);
	for (i = 0; i < np && rc == 0; i++) {
		if (git_commit_parent(&par[i], it->c, i) < 0)
			rc = gitr_fail("cannot read a parent commit");
		else if (compare)
			rc = path_entry(par[i], it->path, &pe[i]);
		if (rc == 0 && same < 0 &&
		    (!compare || entry_same(&ce, &pe[i])))
			same = (int)i;
	}
	if (rc < 0)
		goto done;
	if (np == 0 && ce.present)
		w->show(it->c, it->path, w->arg);
	if (same >= 0) {
		if (oidset_add(seen, git_commit_id(par[same]))) {
			queue_push(q, par[same], it->path);
			par[same] = NULL;
		}
		goto done;
	}
	if (np > 0)
		w->show(it->c, it->path, w->arg);
	for (i = 0; i < np && rc == 0; i++) {
		char *from = NULL;

		if (!oidset_add(seen, git_commit_id(par[i])))
			continue;
		if (w->follow && ce.present && !pe[i].present)
			rc = renamed_from(
			    w->g->repo, par[i], it->c, it->path, &from);
		queue_push(q, par[i], from != NULL ? from : it->path);
		par[i] = NULL;
		free(from);
	}
done:
	for (i = 0; i < np; i++)
		git_commit_free(par[i]);
	free(par);
	free(pe);
	return rc;
}

/* Walk from head (borrowed) with path relative to the work tree. */
static int
walk_path(const struct walker *w, git_commit *head, const char *path)
{
	struct oidset seen = {0};
	struct queue q = {0};
	git_commit *c = NULL;
	int rc = 0;

	if (git_commit_dup(&c, head) < 0)
		return gitr_fail("cannot read a commit");
	oidset_add(&seen, git_commit_id(c));
	queue_push(&q, c, path);
	while (rc == 0 && q.n > 0) {
		struct pending it = queue_pop(&q);

		rc = walk_step(w, &q, &seen, &it);
		git_commit_free(it.c);
		free(it.path);
	}
	queue_free(&q);
	oidset_free(&seen);
	return rc;
}

struct hist_ctx {
	const struct gitr *g;
	struct git_hist *h;
};

static int
hist_wanted(git_commit *c, void *arg)
{
	(void)c;
	(void)arg;
	return 1;
}

static void
hist_show(git_commit *c, const char *path, void *arg)
{
	struct hist_ctx *hc = arg;
	struct git_hist *h = hc->h;
	const git_signature *who = git_commit_author(c);
	struct git_hist_entry *e;
	const char *rel = gitr_strip(hc->g, path);
	const char *sum = git_commit_summary(c);
	git_buf sid = {0};

	h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof(*h->v));
	e = &h->v[h->n++];
	memset(e, 0, sizeof(*e));
	git_oid_tostr(e->commit, sizeof(e->commit), git_commit_id(c));
	if (git_object_short_id(&sid, (const git_object *)c) == 0)
		snprintf(e->short_id, sizeof(e->short_id), "%s", sid.ptr);
	else
		snprintf(e->short_id, sizeof(e->short_id), "%.7s", e->commit);
	git_buf_dispose(&sid);
	gitr_date(who->when.time, who->when.offset, e->date);
	e->author = xstrdup(who->name != NULL ? who->name : "");
	e->summary = xstrdup(sum != NULL ? sum : "");
	/* A path outside the records root keeps its work-tree form. */
	e->path = xstrdup(rel != NULL ? rel : path);
}

/* Open root's repository for a walk from HEAD: 0, 1 no repo, -1. */
static int
walk_open(struct gitr *g, const char *root, const char *rev, const char *what,
    git_commit **head)
{
	int rc;

	*head = NULL;
	rc = gitr_open(g, root);
	if (rc != 0)
		return rc;
	if (gitr_need_history(g, what) < 0)
		return -1;
	if (rev == NULL && git_repository_head_unborn(g->repo) == 1)
		return 0;
	return gitr_commit(g, rev != NULL ? rev : "HEAD", head);
}

int
git_history(const char *root, const char *path, struct git_hist *out)
{
	struct hist_ctx hc = {NULL, out};
	struct walker w = {NULL, 1, hist_wanted, hist_show, &hc};
	struct gitr g;
	git_commit *head = NULL;
	char *full;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = walk_open(&g, root, NULL, "history", &head);
	if (rc == 1)
		diag_error("history needs a git repository");
	if (rc == 0 && head != NULL) {
		hc.g = w.g = &g;
		full = gitr_path(&g, path);
		rc = walk_path(&w, head, full);
		free(full);
	}
	git_commit_free(head);
	gitr_close(&g);
	if (rc != 0)
		git_hist_free(out);
	return rc != 0 ? -1 : 0;
}

void
git_hist_free(struct git_hist *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->v[i].author);
		free(h->v[i].summary);
		free(h->v[i].path);
	}
	free(h->v);
	memset(h, 0, sizeof(*h));
}

struct count_ctx {
	long long from, to; /* the year, in seconds of committer local time */
	size_t n;
};

static int
count_wanted(git_commit *c, void *arg)
{
	const struct count_ctx *cc = arg;
	const git_signature *who = git_commit_committer(c);
	long long t = (long long)who->when.time + who->when.offset * 60LL;

	return t >= cc->from && t < cc->to;
}

static void
count_show(git_commit *c, const char *path, void *arg)
{
	struct count_ctx *cc = arg;

	(void)path;
	if (count_wanted(c, arg))
		cc->n++;
}

int
git_count_commits(const char *root, const char *rev, int year,
    const char *const *paths, size_t npaths, size_t *counts)
{
	struct gd_date d0 = {year, 1, 1}, d1 = {year + 1, 1, 1};
	struct count_ctx cc = {(long long)date_to_days(d0) * 86400,
	    (long long)date_to_days(d1) * 86400, 0};
	struct walker w = {NULL, 0, count_wanted, count_show, &cc};
	struct gitr g;
	git_commit *head = NULL;
	size_t i;
	int rc;

	memset(counts, 0, npaths * sizeof(*counts));
	rc = walk_open(&g, root, rev, "counting commits", &head);
	w.g = &g;
	/*
	 * One walk per path, as git log -- path simplifies history for each
	 * path differently. Every commit is visited: commit dates need not
	 * decrease along history, so no date proves that older history holds
	 * nothing of the year; only the year's commits and merges are
	 * compared, which is where the time goes.
	 */
	for (i = 0; i < npaths && rc == 0 && head != NULL; i++) {
		struct buf full = BUF_INIT;

		buf_puts(&full, g.prefix);
		buf_puts(&full, paths[i]);
		while (full.len > 0 && full.ptr[full.len - 1] == '/')
			buf_truncate(&full, full.len - 1);
		cc.n = 0;
		rc = walk_path(&w, head, buf_cstr(&full));
		counts[i] = cc.n;
		buf_free(&full);
	}
	git_commit_free(head);
	gitr_close(&g);
	if (rc < 0)
		memset(counts, 0, npaths * sizeof(*counts));
	return rc;
}
