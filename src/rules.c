/* The compliance rules: one run over the repository, and shared helpers. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "risk.h"
#include "rules.h"
#include "xalloc.h"

static void
pointer_token(struct buf *b, const char *s, size_t len)
{
	size_t i;

	buf_putc(b, '/');
	for (i = 0; i < len; i++) {
		if (s[i] == '~')
			buf_puts(b, "~0");
		else if (s[i] == '/')
			buf_puts(b, "~1");
		else
			buf_putc(b, s[i]);
	}
}

/*
 * The JSON pointer of n (a value, or the key of a pair) within at, into
 * b; 0 when found. It names the finding's place apart from its line.
 */
static int
node_pointer(const struct yml_node *at, const struct yml_node *n, struct buf *b)
{
	size_t len = b->len, i;

	if (at == n)
		return 0;
	for (i = 0; i < at->n && at->type == YML_SEQ; i++) {
		buf_printf(b, "/%zu", i);
		if (node_pointer(at->items[i], n, b) == 0)
			return 0;
		buf_truncate(b, len);
	}
	for (i = 0; i < at->n && at->type == YML_MAP; i++) {
		const struct yml_pair *p = &at->pairs[i];

		pointer_token(b, p->key->str, p->key->len);
		if (p->key == n || node_pointer(p->val, n, b) == 0)
			return 0;
		buf_truncate(b, len);
	}
	return -1;
}

static void
vadd(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *n, enum rule r, int warning, const char *fmt,
    va_list ap)
{
	struct buf msg = BUF_INIT, ptr = BUF_INIT;
	const char *pointer = NULL;

	if (!rec->in_scope)
		return;
	if (n == NULL)
		n = rec->doc->root;
	buf_vprintf(&msg, fmt, ap);
	if (node_pointer(rec->doc->root, n, &ptr) == 0)
		pointer = buf_cstr(&ptr);
	if (warning)
		diag_add_warning(x->d, rec->path, n->line, n->col, r, pointer,
		    "%s", buf_cstr(&msg));
	else
		diag_addp(x->d, rec->path, n->line, n->col, r, pointer, "%s",
		    buf_cstr(&msg));
	buf_free(&msg);
	buf_free(&ptr);
}

void
rules_add(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *n, enum rule r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(x, rec, n, r, 0, fmt, ap);
	va_end(ap);
}

void
rules_add_warning(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *n, enum rule r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(x, rec, n, r, 1, fmt, ap);
	va_end(ap);
}

const struct yml_node *
rules_key(const struct yml_node *map, const char *key)
{
	const struct yml_pair *p = yml_get_pair(map, key);

	return p ? p->key : NULL;
}

const struct record *
rules_ref(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *n, enum kind k)
{
	const struct kind_info *ki = kinds[k];
	const struct record *to;
	size_t plen = strlen(ki->prefix);

	if (n == NULL || n->type != YML_STR || !id_valid(n->str) ||
	    strncmp(n->str, ki->prefix, plen) != 0 || n->str[plen] != '-')
		return NULL;
	to = repo_find(x->r, k, n->str);
	if (to == NULL)
		rules_add(x, rec, n, RULE_REF_MISSING,
		    "no %s record has the id %s; correct the reference "
		    "or add %s/%s.yaml",
		    ki->name, n->str, ki->dir, n->str);
	return to;
}

void
rules_ref_list(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *seq, enum kind k)
{
	size_t i;

	if (seq == NULL || seq->type != YML_SEQ)
		return;
	for (i = 0; i < seq->n; i++)
		rules_ref(x, rec, seq->items[i], k);
}

static int
cmp_link(const void *pa, const void *pb)
{
	const struct rules_link *a = pa, *b = pb;
	int c = strcmp(a->reg, b->reg);

	if (c != 0)
		return c;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	/* The records lie in one array sorted by path. */
	if (a->rec != b->rec)
		return a->rec < b->rec ? -1 : 1;
	return a->node->start < b->node->start ? -1 : 1;
}

/* Index the register lists of dpia and ros records once per run, so that
 * register-centred rules need no scan over every record. */
void
rules_links_build(struct rules_ctx *x)
{
	static const enum kind linked[] = {KIND_DPIA, KIND_ROS};
	size_t cap = 0, i, j, n = 0;

	for (i = 0; i < 2; i++) {
		const struct record *rec = NULL;

		while ((rec = repo_next(x->r, linked[i], rec)) != NULL) {
			const struct yml_node *seq;

			if (rec->doc == NULL)
				continue;
			seq = yml_get(rec->doc->root, "register");
			if (seq == NULL || seq->type != YML_SEQ)
				continue;
			for (j = 0; j < seq->n; j++) {
				if (seq->items[j]->type != YML_STR)
					continue;
				x->links = xgrow(
				    x->links, &cap, n + 1, sizeof(*x->links));
				x->links[n].reg = seq->items[j]->str;
				x->links[n].kind = linked[i];
				x->links[n].rec = rec;
				x->links[n].node = seq->items[j];
				n++;
			}
		}
	}
	if (n > 1)
		qsort(x->links, n, sizeof(*x->links), cmp_link);
	/* A register id listed twice in one record links once. */
	for (i = 0, j = 0; i < n; i++) {
		if (j > 0 && x->links[j - 1].rec == x->links[i].rec &&
		    strcmp(x->links[j - 1].reg, x->links[i].reg) == 0)
			continue;
		x->links[j++] = x->links[i];
	}
	x->nlinks = j;
}

size_t
rules_linked(const struct rules_ctx *x, const char *reg_id, enum kind k,
    const struct rules_link **out)
{
	size_t lo = 0, hi = x->nlinks, n = 0;

	*out = NULL;
	/* The first link not before (reg_id, k). */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct rules_link *l = &x->links[mid];
		int c = strcmp(l->reg, reg_id);

		if (c < 0 || (c == 0 && l->kind < k))
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo + n < x->nlinks && x->links[lo + n].kind == k &&
	    strcmp(x->links[lo + n].reg, reg_id) == 0)
		n++;
	if (n > 0)
		*out = &x->links[lo];
	return n;
}

struct item_id {
	const char *id;
	const struct yml_node *node;
};

static int
cmp_item_id(const void *pa, const void *pb)
{
	const struct item_id *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);

	if (c != 0)
		return c;
	return a->node->start < b->node->start ? -1 : 1;
}

void
rules_item_ids(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *seq, const char *what)
{
	struct item_id *v;
	size_t i, n = 0, first = 0;

	if (seq == NULL || seq->type != YML_SEQ || seq->n < 2)
		return;
	v = xcalloc(seq->n, sizeof(*v));
	for (i = 0; i < seq->n; i++) {
		const struct yml_node *id = yml_get(seq->items[i], "id");

		if (id != NULL && id->type == YML_STR) {
			v[n].id = id->str;
			v[n].node = id;
			n++;
		}
	}
	qsort(v, n, sizeof(*v), cmp_item_id);
	for (i = 1; i < n; i++) {
		if (strcmp(v[i].id, v[first].id) != 0) {
			first = i;
			continue;
		}
		rules_add(x, rec, v[i].node, RULE_ID_DUPLICATE,
		    "%s id \"%s\" is also used on line %d; give each %s "
		    "of the record its own id",
		    what, v[i].id, v[first].node->line, what);
	}
	free(v);
}

const struct yml_node *
rules_risk_items(const struct rules_ctx *x, const struct record *rec,
    const char *key, const char *what)
{
	const struct yml_node *seq = yml_get(rec->doc->root, key);
	size_t i;

	if (seq == NULL || seq->type != YML_SEQ)
		return NULL;
	rules_item_ids(x, rec, seq, what);
	for (i = 0; rec->in_scope && i < seq->n; i++)
		risk_check_scale(x->cfg, rec->path, seq->items[i], x->d);
	return seq;
}

const char *const *
rules_cross_keys(enum kind k, size_t *n)
{
	const char *const *keys = kinds[k]->cross_keys;

	for (*n = 0; keys[*n] != NULL; (*n)++)
		;
	return keys;
}

/*
 * The steps of rules_cross after the links, in the order of their
 * findings: each kind's rules across records, in the order of the kinds,
 * then personal-data in gdprctl.yaml.
 */
struct cross {
	const struct rules_ctx *x;
	void (*step[KIND_COUNT + 1])(const struct rules_ctx *);
	struct diag_list d[KIND_COUNT + 1]; /* one per step: a fixed order */
	size_t n;
};

static void
cross_step(size_t i, int worker, void *arg)
{
	struct cross *c = arg;
	struct rules_ctx x = *c->x;

	(void)worker;
	x.d = &c->d[i];
	c->step[i](&x);
}

void
rules_cross(const struct repo *r, struct gd_date today, struct diag_list *d)
{
	struct rules_ctx x = {r, &r->cfg, today, d, NULL, 0};
	struct cross c;
	size_t i;
	int k;

	rules_links_build(&x);
	/* The steps only read the repository; each adds to its own list,
	 * joined in order. */
	c.x = &x;
	c.n = 0;
	for (k = 0; k < KIND_COUNT; k++)
		if (kinds[k]->rules_cross != NULL)
			c.step[c.n++] = kinds[k]->rules_cross;
	c.step[c.n++] = rules_pdata_config;
	for (i = 0; i < c.n; i++) {
		c.d[i] = (struct diag_list)DIAG_LIST_INIT;
		diag_copy_overrides(&c.d[i], d);
	}
	pool_run_coarse(c.n, repo_load_jobs(r), cross_step, &c);
	for (i = 0; i < c.n; i++) {
		diag_move(d, &c.d[i]);
		diag_list_free(&c.d[i]);
	}
	free(x.links);
}

void
rules_record(const struct repo *r, const struct record *rec,
    struct gd_date today, struct diag_list *d)
{
	struct rules_ctx x = {r, &r->cfg, today, d, NULL, 0};

	if (!rec->in_scope || rec->doc == NULL)
		return;
	rules_pdata_record(&x, rec);
	rules_template_record(&x, rec);
	kinds[rec->kind]->rules_record(&x, rec);
}

void
rules_run(const struct repo *r, struct gd_date today, struct diag_list *d)
{
	size_t i;

	rules_cross(r, today, d);
	for (i = 0; i < r->n; i++)
		rules_record(r, &r->recs[i], today, d);
}
