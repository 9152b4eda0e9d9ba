/* The validation pipeline: load, schema, id rules and compliance rules. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "pool.h"
#include "rules.h"
#include "schema.h"
#include "xalloc.h"

/* Compiled once per run, on first use; freed by check_cleanup. */
static struct schema_set *schemas;

const struct schema_set *
check_schemas(void)
{
	struct diag_list d = DIAG_LIST_INIT;

	if (schemas != NULL)
		return schemas;
	if (schema_set_new(&schemas) < 0 ||
	    schema_set_add_builtin(schemas, &d) < 0 ||
	    schema_set_finish(schemas, &d) < 0) {
		/* The built-in schemas are tested; this is a build defect. */
		diag_print(&d, stderr, DIAG_TEXT, 0);
		diag_error("the built-in schemas do not compile");
		schema_set_free(schemas);
		schemas = NULL;
	}
	diag_list_free(&d);
	return schemas;
}

void
check_cleanup(void)
{
	schema_set_free(schemas);
	schemas = NULL;
}

/*
 * One pass over records on the pool. With load set, each worker parses
 * its record first; with prune set, it then cuts the record down to what
 * the rules across records read, so the full trees of a large repository
 * never all stay in memory at once.
 */
struct pass {
	struct repo *r;
	const struct schema_set *set;
	struct gd_date today;
	int load, prune;
	const size_t *which; /* the indices of the records, or NULL for all */
	struct diag_list *d; /* one per worker */
	atomic_int failed;
};

/* What each record needs checked on its own. */
static void
check_one(size_t i, int worker, void *arg)
{
	struct pass *p = arg;
	struct record *rec = &p->r->recs[p->which ? p->which[i] : i];
	const struct schema *s;
	const char *const *keys;
	size_t nkeys;

	if (p->load && repo_load_record(p->r, rec, &p->d[worker]) < 0)
		atomic_store(&p->failed, 1);
	if (rec->in_scope && rec->doc != NULL) {
		s = schema_set_get(p->set, kinds[rec->kind]->schema);
		if (s != NULL)
			schema_validate(
			    s, rec->doc->root, rec->path, &p->d[worker]);
		rules_record(p->r, rec, p->today, &p->d[worker]);
	}
	if (p->prune) {
		keys = rules_cross_keys(rec->kind, &nkeys);
		repo_prune_record(p->r, rec, keys, nkeys);
	}
}

/* Run the pass over n records (which, or all) and collect the findings in
 * d; -1 when a record could not be loaded for want of a resource. */
static int
run_pass(struct pass *p, const size_t *which, size_t n, struct diag_list *d)
{
	int k,
	    jobs = p->load ? repo_load_jobs(p->r)
	                   : (p->r->jobs > 0 ? p->r->jobs : 1);

	p->which = which;
	p->d = xcalloc((size_t)jobs, sizeof(*p->d));
	atomic_init(&p->failed, 0);
	for (k = 0; k < jobs; k++)
		diag_copy_overrides(&p->d[k], d);
	pool_run(n, jobs, check_one, p);
	for (k = 0; k < jobs; k++) {
		diag_move(d, &p->d[k]);
		diag_list_free(&p->d[k]);
	}
	free(p->d);
	p->d = NULL;
	return atomic_load(&p->failed) ? -1 : 0;
}

static int
pass_init(struct pass *p, struct repo *r, const struct check_opts *co)
{
	memset(p, 0, sizeof(*p));
	p->r = r;
	p->today = co->today;
	p->set = check_schemas();
	return p->set != NULL ? 0 : -1;
}

/* The checks of gdprctl.yaml and those across records. */
static void
check_whole(struct repo *r, const struct check_opts *co, struct diag_list *d)
{
	const struct schema *s =
	    schema_set_get(check_schemas(), "config.schema.json");

	if (r->cfg.doc != NULL && s != NULL &&
	    repo_in_scope(r, r->cfg.doc->path))
		schema_validate(s, r->cfg.doc->root, r->cfg.doc->path, d);
	rules_ids(r, d);
	rules_cross(r, co->today, d);
}

int
check_records(struct repo *r, const struct check_opts *co, struct diag_list *d)
{
	struct pass p;

	if (pass_init(&p, r, co) < 0)
		return -1;
	run_pass(&p, NULL, r->n, d);
	check_whole(r, co, d);
	return 0;
}

/*
 * With more changed register entries than this, load every dpia and ros
 * rather than search the text of each for every id.
 */
#define MENTIONS_MAX 8

/* The dpia and ros records not loaded yet, and which mention an id. */
struct mentions {
	const struct repo *r;
	const char **ids;
	size_t nids;
	size_t *cand;
	unsigned char *hit;
	struct buf *text; /* one per worker */
};

static void
mention_one(size_t i, int worker, void *arg)
{
	struct mentions *m = arg;

	m->hit[i] = (unsigned char)repo_mentions(
	    m->r, &m->r->recs[m->cand[i]], m->ids, m->nids, &m->text[worker]);
}

/* Add record j to the list of records to load, once. */
static void
want(size_t j, unsigned char *tried, size_t *which, size_t *n)
{
	if (!tried[j]) {
		tried[j] = 1;
		which[(*n)++] = j;
	}
}

static void
want_refs(const struct repo *r, const struct record *rec, unsigned char *tried,
    size_t *which, size_t *n)
{
	const struct kind_info *ki = kinds[rec->kind];
	size_t f, i;

	for (f = 0; f < ki->nrefs; f++) {
		const struct kind_ref *rf = &ki->refs[f];
		const struct yml_node *v;

		v = yml_get(rec->doc->root, rf->field);
		for (i = 0; v != NULL && i < (v->type == YML_SEQ ? v->n : 1);
		     i++) {
			const struct yml_node *id =
			    v->type == YML_SEQ ? v->items[i] : v;
			const struct record *to;

			if (id->type == YML_STR &&
			    (to = repo_find(r, rf->target, id->str)) != NULL)
				want((size_t)(to - r->recs), tried, which, n);
		}
	}
}

/*
 * The records the findings about the loaded ones in scope depend on and
 * that are not loaded yet, into which: those they refer to and, for a
 * register entry, the dpia and ros records whose register list names it
 * (found by searching their text for its id).
 */
static size_t
depends(const struct repo *r, unsigned char *tried, size_t *which)
{
	struct mentions m = {r, NULL, 0, NULL, NULL, NULL};
	size_t i, n = 0, ncand = 0, cap = 0;
	int k, jobs = repo_load_jobs(r);

	for (i = 0; i < r->n; i++) {
		const struct record *rec = &r->recs[i];

		if (!rec->in_scope || rec->doc == NULL)
			continue;
		want_refs(r, rec, tried, which, &n);
		if (rec->kind == KIND_REGISTER && rec->id != NULL) {
			m.ids = xgrow(m.ids, &cap, m.nids + 1, sizeof(*m.ids));
			m.ids[m.nids++] = rec->id;
		}
	}
	if (m.nids == 0)
		return n;
	m.cand = xcalloc(r->n, sizeof(*m.cand));
	m.hit = xcalloc(r->n, 1);
	for (i = 0; i < r->n; i++)
		if (!tried[i] &&
		    (r->recs[i].kind == KIND_DPIA ||
		        r->recs[i].kind == KIND_ROS))
			m.cand[ncand++] = i;
	m.text = xcalloc((size_t)jobs, sizeof(*m.text));
	if (m.nids <= MENTIONS_MAX)
		pool_run(ncand, jobs, mention_one, &m);
	else
		memset(m.hit, 1, ncand);
	for (k = 0; k < jobs; k++)
		buf_free(&m.text[k]);
	free(m.text);
	for (i = 0; i < ncand; i++)
		if (m.hit[i])
			want(m.cand[i], tried, which, &n);
	free(m.ids);
	free(m.cand);
	free(m.hit);
	return n;
}

/*
 * --changed-since reports findings only about the changed records: load
 * those, then what their findings depend on (see depends). The records
 * not loaded keep the id of their file name for ref-missing and
 * id-duplicate. The one difference this can make to a full run: an
 * unchanged record whose id is not its file name (an id-filename finding
 * of its own) is known by its file name.
 */
static int
load_changed(struct pass *p, struct diag_list *d)
{
	struct repo *r = p->r;
	size_t *which = xcalloc(r->n + 1, sizeof(*which));
	unsigned char *tried = xcalloc(r->n + 1, 1);
	size_t i, n = 0;
	int rc;

	repo_name_ids(r);
	for (i = 0; i < r->n; i++)
		if (r->recs[i].in_scope)
			want(i, tried, which, &n);
	rc = run_pass(p, which, n, d);
	repo_index_loaded(r, which, n);
	n = depends(r, tried, which);
	if (run_pass(p, which, n, d) < 0)
		rc = -1;
	repo_index_loaded(r, which, n);
	free(which);
	free(tried);
	return rc;
}

/* Load, check and cut down every record (or those --changed-since needs)
 * in one pass. */
static int
check_pruned(struct repo *r, const struct check_opts *co, struct diag_list *d)
{
	struct pass p;
	int rc = co->changed_since == NULL
	    ? repo_list(r)
	    : repo_list_changed(r, co->changed_since);

	if (pass_init(&p, r, co) < 0)
		return -1;
	p.load = 1;
	p.prune = 1;
	if (co->changed_since == NULL) {
		if (run_pass(&p, NULL, r->n, d) < 0)
			rc = -1;
		repo_index(r);
	} else if (rc == 0 && load_changed(&p, d) < 0) {
		rc = -1;
	}
	if (rc < 0)
		return -1;
	check_whole(r, co, d);
	return 0;
}

int
check_repo(struct repo *r, const struct check_opts *co, struct diag_list *d)
{
	if (co->prune)
		return check_pruned(r, co, d);
	if (repo_load(r, d) < 0)
		return -1;
	if (co->changed_since != NULL &&
	    repo_scope_changed(r, co->changed_since) < 0)
		return -1;
	return check_records(r, co, d);
}
