/* The records in memory: the index by kind and id, lookup, adding one. */
#include <stdlib.h>
#include <string.h>

#include "repo.h"
#include "repo_int.h"
#include "xalloc.h"

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

struct yml_doc *
repo_set_doc(struct repo *r, const struct record *rec, struct yml_doc *doc)
{
	struct record *m = &r->recs[rec - r->recs];
	struct yml_doc *old = m->doc;

	m->doc = doc;
	repo_set_id(m);
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
	    ? repo_keep_path(r, path, (size_t)(slash - path), slash + 1)
	    : repo_keep_path(r, "", 0, path);
	rec->doc = doc;
	rec->in_scope = 1;
	repo_set_id(rec);
	qsort(r->recs, r->n, sizeof(*r->recs), repo_cmp_path);
	build_index(r);
	for (i = 0; i < r->n; i++)
		if (strcmp(r->recs[i].path, path) == 0)
			return &r->recs[i];
	return NULL;
}
