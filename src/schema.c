/*
 * Schema validation: applies a compiled schema to a node tree and turns each
 * failure into a finding a person understands, at the offending node.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "idnum.h"
#include "schema_int.h"
#include "xalloc.h"

/* Values quoted in messages are cut after this many bytes. */
#define QUOTE_MAX 60
/* Enum values listed in a message before "...". */
#define ENUM_LIST_MAX 12

/* An entry of a pointer-keyed hash table (open addressing). */
struct slot {
	const void *p; /* NULL: free */
	uint64_t k;
	char *msg; /* findings: the message */
	unsigned flags;
};

struct table {
	struct slot *v;
	size_t cap, n;
	int heap; /* v is allocated, not the caller's first block */
};

/* Slots of the memo table on the stack: enough for most records, and no
 * allocation to clear. */
#define MEMO_FIRST 128

/* One step of a path: a mapping key, or (key NULL) a list index. */
struct seg {
	const struct yml_node *key;
	size_t index;
};

/* What is known of a (schema, node) pair. */
enum {
	M_KNOWN = 1,
	M_VALID = 2,
	M_REPORTED = 4,
};

struct vctx {
	struct diag_list *d;
	const char *path;
	int report; /* 0 while only asking whether something is valid */
	/* The path to the node being checked, made a JSON pointer only for a
	 * finding: most nodes have none. */
	struct seg *segs;
	size_t nsegs, capsegs;
	void *md;          /* pcre2 match data of this call */
	struct table seen; /* findings made, to report each once */
	struct table memo; /* results per (schema, collection node) */
	size_t nfail;
};

static size_t check(
    struct vctx *c, const struct schema *s, const struct yml_node *n);

static int
is_whole(const struct yml_node *n)
{
	return n->type == YML_INT ||
	    (n->type == YML_FLOAT && isfinite(n->num) &&
	        n->num == floor(n->num));
}

/* Messages */

/*
 * Append s with the identity numbers in it masked: a finding must not
 * spread the personal data it points at.
 */
static void
put_masked(struct buf *b, const char *s, size_t len)
{
	struct idnum_match *m = NULL;
	size_t nm = idnum_scan(s, len, &m), at = 0;

	for (size_t i = 0; i < nm; i++) {
		buf_add(b, s + at, m[i].off - at);
		idnum_mask(s + m[i].off, m[i].len, b);
		at = m[i].off + m[i].len;
	}
	buf_add(b, s + at, len - at);
	free(m);
}

/* A string quoted as JSON, masked and cut short when long. */
static void
quote(struct buf *b, const char *s, size_t len)
{
	struct buf masked = BUF_INIT;
	size_t n;

	put_masked(&masked, s, len);
	s = buf_cstr(&masked);
	len = masked.len;
	n = len > QUOTE_MAX ? QUOTE_MAX : len;
	/* Cut on a character boundary. */
	while (n < len && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, c);
	}
	buf_puts(b, n < len ? "...\"" : "\"");
	buf_free(&masked);
}

/* A value as compact JSON, cut short when long. */
static void
render(struct buf *b, const struct yml_node *n)
{
	size_t start = b->len;

	switch (n->type) {
	case YML_NULL:
		buf_puts(b, "null");
		break;
	case YML_BOOL:
		buf_puts(b, n->boolean ? "true" : "false");
		break;
	case YML_INT:
	case YML_FLOAT:
		put_masked(b, n->str, n->len);
		break;
	case YML_STR:
		quote(b, n->str, n->len);
		break;
	case YML_SEQ:
		buf_putc(b, '[');
		for (size_t i = 0; i < n->n && b->len - start < QUOTE_MAX;
		     i++) {
			if (i)
				buf_puts(b, ", ");
			render(b, n->items[i]);
		}
		buf_puts(b, b->len - start < QUOTE_MAX ? "]" : "...]");
		break;
	case YML_MAP:
		buf_putc(b, '{');
		for (size_t i = 0; i < n->n && b->len - start < QUOTE_MAX;
		     i++) {
			if (i)
				buf_puts(b, ", ");
			quote(b, n->pairs[i].key->str, n->pairs[i].key->len);
			buf_puts(b, ": ");
			render(b, n->pairs[i].val);
		}
		buf_puts(b, b->len - start < QUOTE_MAX ? "}" : "...}");
		break;
	}
}

/* An enum value in a list: plain words bare, anything else as JSON. */
static void
render_choice(struct buf *b, const struct yml_node *n)
{
	int bare = n->type == YML_STR && n->len > 0 && n->len <= QUOTE_MAX &&
	    n->str[0] != ' ' && n->str[n->len - 1] != ' ';

	for (size_t i = 0; bare && i < n->len; i++) {
		unsigned char c = (unsigned char)n->str[i];
		bare = c >= 0x80 ||
		    (c >= 0x20 && c != 0x7f && c != ',' && c != '"');
	}
	if (bare)
		buf_add(b, n->str, n->len);
	else
		render(b, n);
}

static const char *
found_name(const struct yml_node *n)
{
	if (n->type == YML_NULL && n->len == 0 && n->style == YML_PLAIN)
		return "an empty value";
	return yml_type_name(n->type);
}

static void
type_names(struct buf *b, unsigned mask)
{
	const char *names[6];
	size_t n = 0;

	if (mask & ST_STR)
		names[n++] = "a string";
	if (mask & ST_NUM)
		names[n++] = "a number";
	else if (mask & ST_INT)
		names[n++] = "an integer";
	if (mask & ST_BOOL)
		names[n++] = "a boolean";
	if (mask & ST_ARR)
		names[n++] = "a list";
	if (mask & ST_OBJ)
		names[n++] = "a mapping";
	if (mask & ST_NULL)
		names[n++] = "null";
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, i + 1 == n ? " or " : ", ");
		buf_puts(b, names[i]);
	}
}

/* Paths */

static size_t
ptr_push(struct vctx *c, const struct yml_node *key, size_t index)
{
	size_t old = c->nsegs;

	c->segs = xgrow(c->segs, &c->capsegs, c->nsegs + 1, sizeof(*c->segs));
	c->segs[c->nsegs].key = key;
	c->segs[c->nsegs++].index = index;
	return old;
}

static size_t
ptr_key(struct vctx *c, const struct yml_node *k)
{
	return ptr_push(c, k, 0);
}

static size_t
ptr_index(struct vctx *c, size_t i)
{
	return ptr_push(c, NULL, i);
}

static void
ptr_pop(struct vctx *c, size_t old)
{
	c->nsegs = old;
}

/* The JSON pointer (RFC 6901) of the path. */
static void
ptr_render(const struct vctx *c, struct buf *b)
{
	for (size_t i = 0; i < c->nsegs; i++) {
		const struct yml_node *k = c->segs[i].key;

		buf_putc(b, '/');
		if (k == NULL) {
			buf_printf(b, "%zu", c->segs[i].index);
			continue;
		}
		for (size_t j = 0; j < k->len; j++) {
			if (k->str[j] == '~')
				buf_puts(b, "~0");
			else if (k->str[j] == '/')
				buf_puts(b, "~1");
			else
				buf_putc(b, k->str[j]);
		}
	}
}

/* Findings */

static size_t
slot_index(const struct table *t, const void *p, uint64_t k)
{
	uint64_t h = ((uint64_t)(uintptr_t)p ^ (k * 0x9E3779B97F4A7C15u)) *
	    0xC2B2AE3D27D4EB4Fu;

	return (size_t)(h ^ (h >> 29)) & (t->cap - 1);
}

/* The slot of (p, k[, msg]); a new one has msg NULL and flags 0. */
static struct slot *
table_get(struct table *t, const void *p, uint64_t k, const char *msg)
{
	size_t i;

	if (2 * (t->n + 1) > t->cap) {
		struct table old = *t;

		t->cap = old.cap ? 2 * old.cap : 64;
		t->v = xcalloc(t->cap, sizeof *t->v);
		t->heap = 1;
		for (size_t j = 0; j < old.cap; j++) {
			if (old.v[j].p == NULL)
				continue;
			i = slot_index(t, old.v[j].p, old.v[j].k);
			while (t->v[i].p != NULL)
				i = (i + 1) & (t->cap - 1);
			t->v[i] = old.v[j];
		}
		if (old.heap)
			free(old.v);
	}
	for (i = slot_index(t, p, k); t->v[i].p != NULL;
	     i = (i + 1) & (t->cap - 1))
		if (t->v[i].p == p && t->v[i].k == k &&
		    (msg == NULL || strcmp(t->v[i].msg, msg) == 0))
			return &t->v[i];
	t->v[i] = (struct slot){p, k, NULL, 0};
	t->n++;
	return &t->v[i];
}

/* Free t and, for the findings table, the messages it holds. */
static void
table_free(struct table *t, int msgs)
{
	for (size_t i = 0; msgs && t->n > 0 && i < t->cap; i++)
		free(t->v[i].msg);
	if (t->heap)
		free(t->v);
}

static size_t
vfail(struct vctx *c, const struct yml_node *at, const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT, ptr = BUF_INIT;
	struct slot *sl;
	uint64_t h = 14695981039346656037u;

	buf_vprintf(&msg, fmt, ap);
	for (size_t i = 0; i < msg.len; i++)
		h = (h ^ (unsigned char)msg.ptr[i]) * 1099511628211u;
	sl = table_get(&c->seen, at, h, msg.ptr);
	if (sl->msg != NULL) {
		buf_free(&msg);
		return 1;
	}
	ptr_render(c, &ptr);
	diag_addp(c->d, c->path, at->line, at->col, RULE_SCHEMA, buf_cstr(&ptr),
	    "%s", msg.ptr);
	buf_free(&ptr);
	sl->msg = buf_detach(&msg);
	c->nfail++;
	return 1;
}

/*
 * One failure at node at. Returns 1 (a failure), so callers add it up;
 * formats nothing while the caller only asks whether a value is valid.
 */
static size_t fail(struct vctx *c, const struct yml_node *at, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));

static size_t
fail(struct vctx *c, const struct yml_node *at, const char *fmt, ...)
{
	va_list ap;

	if (!c->report)
		return 1;
	va_start(ap, fmt);
	vfail(c, at, fmt, ap);
	va_end(ap);
	return 1;
}

static int
is_valid(struct vctx *c, const struct schema *s, const struct yml_node *n)
{
	int saved = c->report, ok;

	c->report = 0;
	ok = check(c, s, n) == 0;
	c->report = saved;
	return ok;
}

/* Keywords */

static int
type_ok(unsigned mask, const struct yml_node *n)
{
	switch (n->type) {
	case YML_NULL:
		return (mask & ST_NULL) != 0;
	case YML_BOOL:
		return (mask & ST_BOOL) != 0;
	case YML_INT:
		return (mask & ST_INT) != 0;
	case YML_FLOAT:
		return (mask & ST_NUM) != 0 || ((mask & ST_INT) && is_whole(n));
	case YML_STR:
		return (mask & ST_STR) != 0;
	case YML_SEQ:
		return (mask & ST_ARR) != 0;
	case YML_MAP:
		return (mask & ST_OBJ) != 0;
	}
	return 0;
}

static int
in_enum(const struct schema *s, const struct yml_node *n)
{
	if ((s->has & SK_CONST) && !schema_node_equal(s->const_v, n))
		return 0;
	if (s->has & SK_ENUM) {
		for (size_t i = 0; i < s->enum_v->n; i++)
			if (schema_node_equal(s->enum_v->items[i], n))
				return 1;
		return 0;
	}
	return 1;
}

static void
choices(struct buf *b, const struct yml_node *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i == ENUM_LIST_MAX) {
			buf_puts(b, ", ...");
			break;
		}
		if (i)
			buf_puts(b, ", ");
		render_choice(b, v[i]);
	}
}

static size_t
fail_choice(struct vctx *c, const struct yml_node *n,
    const struct yml_node *const *v, size_t nv)
{
	struct buf b = BUF_INIT, list = BUF_INIT;

	if (!c->report)
		return 1;
	choices(&list, v, nv);
	if (nv == 0)
		fail(c, n, "no value is allowed here");
	else if (yml_is_scalar(n)) {
		render(&b, n);
		fail(c, n, "%s is not one of: %s", b.ptr, list.ptr);
	} else {
		fail(c, n, "must be one of: %s", list.ptr);
	}
	buf_free(&b);
	buf_free(&list);
	return 1;
}

static size_t
check_enum(struct vctx *c, const struct schema *s, const struct yml_node *n)
{
	struct buf b = BUF_INIT, f = BUF_INIT;

	if (in_enum(s, n))
		return 0;
	if (!c->report)
		return 1;
	if ((s->has & SK_CONST) && !schema_node_equal(s->const_v, n)) {
		render(&b, s->const_v);
		if (yml_is_scalar(n)) {
			render(&f, n);
			fail(c, n, "must be %s, found %s", b.ptr, f.ptr);
		} else {
			fail(c, n, "must be %s", b.ptr);
		}
	} else {
		fail_choice(c, n,
		    (const struct yml_node *const *)s->enum_v->items,
		    s->enum_v->n);
	}
	buf_free(&b);
	buf_free(&f);
	return 1;
}

static size_t
utf8_len(const char *s, size_t len)
{
	size_t n = 0, i = 0;

	/* Eight ASCII bytes are eight characters. */
	for (uint64_t w; len - i >= 8; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
		n += 8;
	}
	for (; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static size_t
fail_format(struct vctx *c, enum schema_format f, const struct yml_node *n)
{
	struct buf z = BUF_INIT;

	if (!c->report)
		return 1;
	switch (f) {
	case SF_DATE:
		fail(c, n, "expected a date YYYY-MM-DD");
		break;
	case SF_DATETIME:
		buf_add(&z, n->str, n->len);
		buf_putc(&z, 'Z');
		if (schema_format_ok(SF_DATETIME, z.ptr, z.len))
			fail(c, n, "ambiguous date-time: add a UTC offset");
		else
			fail(c, n,
			    "expected a date-time like "
			    "2026-03-02T10:15:00+01:00");
		break;
	case SF_EMAIL:
		fail(c, n, "expected an email address");
		break;
	case SF_NONE:
		break;
	}
	buf_free(&z);
	return 1;
}

/*
 * One message per string: an empty string is only "must not be empty", and
 * a failed format hides the pattern that usually spells out the same rule.
 */
static size_t
check_string(struct vctx *c, const struct schema *s, const struct yml_node *n)
{
	size_t nf = 0, len = n->len;
	struct buf b = BUF_INIT;
	int m;

	/* A character takes one to four bytes: the byte count often
	 * settles both bounds without counting. */
	if (((s->has & SK_MIN_LEN) && len / 4 < s->min_len) ||
	    ((s->has & SK_MAX_LEN) && len > s->max_len))
		len = utf8_len(n->str, n->len);
	if ((s->has & SK_MIN_LEN) && len < s->min_len) {
		if (len == 0)
			return fail(c, n, "must not be empty");
		nf += fail(c, n,
		    "must be at least %zu characters long (found %zu)",
		    s->min_len, len);
	}
	if ((s->has & SK_MAX_LEN) && len > s->max_len)
		nf += fail(c, n,
		    "must be at most %zu characters long (found %zu)",
		    s->max_len, len);
	if (nf && !c->report)
		return nf;
	if (s->format != SF_NONE &&
	    !schema_format_ok(s->format, n->str, n->len))
		return nf + fail_format(c, s->format, n);
	if (s->pattern == NULL)
		return nf;
	m = schema_re_match(s->pattern, n->str, n->len, &c->md);
	if (m == 1)
		return nf;
	if (c->report) {
		quote(&b, n->str, n->len);
		if (m == 0)
			fail(c, n, "%s does not match the pattern %s", b.ptr,
			    schema_re_source(s->pattern));
		else
			fail(c, n,
			    "%s is too complex to check against the "
			    "pattern %s",
			    b.ptr, schema_re_source(s->pattern));
		buf_free(&b);
	}
	return nf + 1;
}

/* A number's text for a message, masked like any other value. */
static const char *
shown(struct buf *b, const struct yml_node *n)
{
	if (b->len == 0)
		put_masked(b, n->str, n->len);
	return buf_cstr(b);
}

static size_t
check_number(struct vctx *c, const struct schema *s, const struct yml_node *n)
{
	struct buf f = BUF_INIT;
	size_t nf = 0;
	int r;

	if (s->has & SK_MIN) {
		r = schema_num_cmp(n, s->min);
		if (r < 0 || r == 2)
			nf += fail(c, n, "must be at least %s (found %s)",
			    s->min->str, shown(&f, n));
	}
	if (s->has & SK_XMIN) {
		r = schema_num_cmp(n, s->xmin);
		if (r <= 0 || r == 2)
			nf += fail(c, n, "must be greater than %s (found %s)",
			    s->xmin->str, shown(&f, n));
	}
	if (s->has & SK_MAX) {
		r = schema_num_cmp(n, s->max);
		if (r > 0)
			nf += fail(c, n, "must be at most %s (found %s)",
			    s->max->str, shown(&f, n));
	}
	if (s->has & SK_XMAX) {
		r = schema_num_cmp(n, s->xmax);
		if (r >= 0)
			nf += fail(c, n, "must be less than %s (found %s)",
			    s->xmax->str, shown(&f, n));
	}
	if ((s->has & SK_MULT) && (nf == 0 || c->report) &&
	    !schema_multiple_of(n, s->mult))
		nf += fail(c, n, "must be a multiple of %s", s->mult->str);
	buf_free(&f);
	return nf;
}

struct hashed {
	uint64_t h;
	size_t i;
};

static int
hashed_cmp(const void *a, const void *b)
{
	const struct hashed *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* uniqueItems in O(n log n): only items with equal hashes are compared. */
static size_t
check_unique(struct vctx *c, const struct yml_node *n)
{
	struct hashed *v;
	size_t nf = 0;

	if (n->n < 2)
		return 0;
	v = xcalloc(n->n, sizeof *v);
	for (size_t i = 0; i < n->n; i++)
		v[i] = (struct hashed){schema_node_hash(n->items[i]), i};
	qsort(v, n->n, sizeof *v, hashed_cmp);
	for (size_t i = 1; i < n->n && (nf == 0 || c->report); i++) {
		for (size_t j = i; j-- > 0 && v[j].h == v[i].h;) {
			const struct yml_node *a = n->items[v[i].i];
			const struct yml_node *first = n->items[v[j].i];

			if (!schema_node_equal(a, first))
				continue;
			size_t old = ptr_index(c, v[i].i);
			nf += fail(c, a, "duplicate of the item on line %d",
			    first->line);
			ptr_pop(c, old);
			break;
		}
	}
	free(v);
	return nf;
}

static size_t
check_array(struct vctx *c, const struct schema *s, const struct yml_node *n)
{
	size_t nf = 0;

	if ((s->has & SK_MIN_ITEMS) && n->n < s->min_items) {
		if (n->n == 0)
			nf += fail(c, n, "must not be empty");
		else
			nf +=
			    fail(c, n, "needs at least %zu item%s (found %zu)",
			        s->min_items, s->min_items == 1 ? "" : "s",
			        (size_t)n->n);
	}
	if ((s->has & SK_MAX_ITEMS) && n->n > s->max_items)
		nf += fail(c, n, "allows at most %zu item%s (found %zu)",
		    s->max_items, s->max_items == 1 ? "" : "s", (size_t)n->n);
	if (nf && !c->report)
		return nf;
	if (s->has & SK_UNIQUE)
		nf += check_unique(c, n);
	for (size_t i = 0; i < n->n && (nf == 0 || c->report); i++) {
		const struct schema *sub = NULL;
		size_t old;

		if (i < s->prefix.n)
			sub = s->prefix.v[i];
		else
			sub = s->items;
		if (sub == NULL)
			continue;
		old = ptr_index(c, i);
		if (sub->boolean == 0) {
			if (s->prefix.n == 0)
				nf += fail(c, n->items[i],
				    "no items are allowed here");
			else if (i >= s->prefix.n)
				nf += fail(c, n->items[i],
				    "unexpected item: at most %zu item%s "
				    "allowed",
				    s->prefix.n, s->prefix.n == 1 ? "" : "s");
			else
				nf += fail(
				    c, n->items[i], "no item is allowed here");
			ptr_pop(c, old);
			if (i >= s->prefix.n)
				break;
			continue;
		}
		nf += check(c, sub, n->items[i]);
		ptr_pop(c, old);
	}
	return nf;
}

/* A failure whose message names a field: fmt has one %s for the name. */
static size_t
fail_name(struct vctx *c, const struct yml_node *at,
    const struct yml_node *name, const char *fmt)
{
	struct buf b = BUF_INIT;

	if (!c->report)
		return 1;
	quote(&b, name->str, name->len);
	fail(c, at, fmt, b.ptr);
	buf_free(&b);
	return 1;
}

/* The subschema a property's value must match besides additionalProperties. */
static size_t
check_property(struct vctx *c, const struct schema *s, const struct yml_pair *p)
{
	size_t nf = 0, old = ptr_key(c, p->key);
	long at = schema_prop_find(s, p->key->str, p->key->len);
	int matched = at >= 0;

	if (matched) {
		const struct schema_prop *sp = &s->props[at];

		if (sp->s->boolean == 0)
			nf += fail_name(
			    c, p->key, p->key, "field %s is not allowed");
		else
			nf += check(c, sp->s, p->val);
	}
	for (size_t i = 0; i < s->npatprops && (nf == 0 || c->report); i++) {
		const struct schema_patprop *pp = &s->patprops[i];
		int m =
		    schema_re_match(pp->re, p->key->str, p->key->len, &c->md);

		if (m < 0) {
			nf += fail_name(c, p->key, p->key,
			    "field name %s is too complex to check");
			continue;
		}
		if (m == 0)
			continue;
		matched = 1;
		if (pp->s->boolean == 0)
			nf += fail_name(
			    c, p->key, p->key, "field %s is not allowed");
		else
			nf += check(c, pp->s, p->val);
	}
	if (!matched && s->additional != NULL && (nf == 0 || c->report)) {
		if (s->additional->boolean == 0)
			nf += fail_name(c, p->key, p->key, "unknown field %s");
		else
			nf += check(c, s->additional, p->val);
	}
	ptr_pop(c, old);
	return nf;
}

static size_t
check_object(struct vctx *c, const struct schema *s, const struct yml_node *n)
{
	size_t nf = 0;

	if (s->required != NULL)
		for (size_t i = 0; i < s->required->n; i++) {
			const struct yml_node *r = s->required->items[i];

			if (schema_map_get(n, r->str, r->len) == NULL)
				nf += fail_name(
				    c, n, r, "missing required field %s");
			if (nf && !c->report)
				return nf;
		}
	for (size_t i = 0; i < s->ndep_req; i++) {
		const struct schema_dep *dep = &s->dep_req[i];

		if (dep->names == NULL ||
		    schema_map_get(n, dep->key->str, dep->key->len) == NULL)
			continue;
		for (size_t j = 0; j < dep->names->n; j++) {
			const struct yml_node *r = dep->names->items[j];
			struct buf f = BUF_INIT, t = BUF_INIT;

			if (schema_map_get(n, r->str, r->len) != NULL)
				continue;
			nf++;
			if (!c->report)
				return nf;
			quote(&f, r->str, r->len);
			quote(&t, dep->key->str, dep->key->len);
			fail(c, n, "field %s is required when %s is present",
			    f.ptr, t.ptr);
			buf_free(&f);
			buf_free(&t);
		}
	}
	for (size_t i = 0; i < n->n && (nf == 0 || c->report); i++)
		if (s->nprops || s->npatprops || s->additional)
			nf += check_property(c, s, &n->pairs[i]);
	if (s->prop_names != NULL)
		for (size_t i = 0; i < n->n && (nf == 0 || c->report); i++) {
			struct yml_node name = *n->pairs[i].key;

			/* Property names are strings in the JSON model. */
			name.type = YML_STR;
			if (is_valid(c, s->prop_names, &name))
				continue;
			size_t old = ptr_key(c, n->pairs[i].key);
			nf += fail_name(c, n->pairs[i].key, n->pairs[i].key,
			    "field name %s is not allowed");
			ptr_pop(c, old);
		}
	for (size_t i = 0; i < s->ndep_sch && (nf == 0 || c->report); i++) {
		const struct schema_dep *dep = &s->dep_sch[i];

		if (schema_map_get(n, dep->key->str, dep->key->len) != NULL)
			nf += check(c, dep->s, n);
	}
	return nf;
}

/* Choosing one alternative of anyOf/oneOf to explain */

/* The schema a schema that is only a $ref stands for. */
static const struct schema *
deref(const struct schema *s)
{
	while (s->ref != NULL && s->nkw == 1)
		s = s->ref;
	return s;
}

/* The instance types a schema can accept, from type, $ref and allOf. */
static unsigned
allowed_types(const struct schema *s)
{
	unsigned mask;

	if (s->boolean >= 0)
		return s->boolean ? ST_ALL : 0;
	mask = (s->has & SK_TYPE) ? s->types : ST_ALL;
	if (s->ref != NULL)
		mask &= allowed_types(s->ref);
	for (size_t i = 0; i < s->all_of.n; i++)
		mask &= allowed_types(s->all_of.v[i]);
	return mask;
}

struct disc {
	const struct yml_node *n;
	int score;                   /* discriminators the instance matches */
	const struct yml_node *miss; /* a discriminator key it fails */
	const struct schema *miss_s; /* the const/enum schema there */
};

/*
 * Discriminators: properties whose schema is a const or an enum ("kind":
 * {"const": "transfer"}). The alternative they select is the one to explain.
 */
static void
discriminators(const struct schema *s, struct disc *d)
{
	if (s->boolean >= 0)
		return;
	for (size_t i = 0; i < s->nprops; i++) {
		const struct schema *ps = deref(s->props[i].s);
		const struct yml_node *v;

		if (ps->boolean >= 0 || !(ps->has & (SK_CONST | SK_ENUM)))
			continue;
		v = schema_map_get(
		    d->n, s->props[i].key->str, s->props[i].key->len);
		if (v == NULL)
			continue;
		if (in_enum(ps, v)) {
			d->score++;
		} else if (d->miss == NULL) {
			d->miss = s->props[i].key;
			d->miss_s = ps;
		}
	}
	if (s->ref != NULL)
		discriminators(s->ref, d);
	for (size_t i = 0; i < s->all_of.n; i++)
		discriminators(s->all_of.v[i], d);
}

/* Gather the values of const/enum schemas, for "is not one of". */
static void
collect_values(
    const struct schema *s, const struct yml_node ***v, size_t *n, size_t *cap)
{
	if (s->has & SK_CONST) {
		*v = xgrow(*v, cap, *n + 1, sizeof **v);
		(*v)[(*n)++] = s->const_v;
	} else if (s->has & SK_ENUM) {
		for (size_t i = 0; i < s->enum_v->n; i++) {
			*v = xgrow(*v, cap, *n + 1, sizeof **v);
			(*v)[(*n)++] = s->enum_v->items[i];
		}
	}
}

/* "x" must be a, b or match the pattern P. */
static size_t
fail_forms(struct vctx *c, const struct yml_node *n,
    const struct yml_node *const *vals, size_t nvals,
    const struct schema_re *const *pats, size_t npats)
{
	struct buf b = BUF_INIT, m = BUF_INIT;

	quote(&b, n->str, n->len);
	if (nvals > 0) {
		buf_puts(&m, nvals > 1 ? "be one of: " : "be ");
		choices(&m, vals, nvals);
		buf_puts(&m, " or ");
	}
	buf_puts(&m,
	    npats > 1 ? "match one of the patterns " : "match the pattern ");
	for (size_t i = 0; i < npats; i++)
		buf_printf(
		    &m, "%s%s", i ? ", " : "", schema_re_source(pats[i]));
	fail(c, n, "%s must %s", b.ptr, m.ptr);
	buf_free(&b);
	buf_free(&m);
	return 1;
}

/*
 * No alternative matched: explain the one the value was meant to be (by
 * type or discriminator), or say what the alternatives have in common.
 */
static size_t
explain_alternatives(
    struct vctx *c, const struct schema_list *l, const struct yml_node *n)
{
	const struct schema *best = NULL;
	const struct yml_node *miss = NULL;
	const struct yml_node **vals = NULL;
	const struct schema_re **pats = NULL;
	size_t ncand = 0, nvals = 0, capvals = 0, npats = 0, cappats = 0, nf;
	unsigned types = 0;
	int best_score = -1, tie = 0, all_typed = 1, all_values = 1;
	int same_miss = 1, all_simple = 1;

	if (!c->report)
		return 1;
	for (size_t i = 0; i < l->n; i++) {
		const struct schema *b = l->v[i];
		const struct schema *db = deref(b);
		unsigned t = allowed_types(b);
		struct disc d = {n, 0, NULL, NULL};

		if (t == ST_ALL)
			all_typed = 0;
		else
			types |= t;
		if (db->boolean < 0 && (db->has & (SK_CONST | SK_ENUM))) {
			collect_values(db, &vals, &nvals, &capvals);
		} else {
			all_values = 0;
			/* A pattern, perhaps with "type": easy to name. */
			if (db->boolean < 0 && db->pattern != NULL &&
			    db->nkw == 1 + !!(db->has & SK_TYPE)) {
				pats = xgrow(
				    pats, &cappats, npats + 1, sizeof *pats);
				pats[npats++] = db->pattern;
			} else {
				all_simple = 0;
			}
		}
		if (!type_ok(t, n))
			continue;
		if (n->type == YML_MAP)
			discriminators(b, &d);
		if (d.miss != NULL) {
			if (miss == NULL)
				miss = d.miss;
			else if (miss->len != d.miss->len ||
			    memcmp(miss->str, d.miss->str, miss->len) != 0)
				same_miss = 0;
			continue;
		}
		ncand++;
		if (d.score > best_score) {
			best = b;
			best_score = d.score;
			tie = 0;
		} else if (d.score == best_score) {
			tie = 1;
		}
	}
	if (ncand == 0 && all_typed && types != 0 && !type_ok(types, n)) {
		struct buf b = BUF_INIT;

		type_names(&b, types);
		nf = fail(c, n, "expected %s, found %s", b.ptr, found_name(n));
		buf_free(&b);
	} else if (best != NULL && !tie && (best_score > 0 || ncand == 1)) {
		nf = check(c, best, n);
	} else if (all_values && nvals > 0) {
		nf = fail_choice(c, n, vals, nvals);
	} else if (all_simple && npats > 0 && n->type == YML_STR) {
		nf = fail_forms(c, n, vals, nvals, pats, npats);
	} else if (ncand == 0 && miss != NULL && same_miss) {
		/* Every alternative wants another value of one field. */
		const struct yml_node **mv = NULL;
		size_t nmv = 0, capmv = 0;
		size_t old = ptr_key(c, miss);

		for (size_t i = 0; i < l->n; i++) {
			struct disc d = {n, 0, NULL, NULL};

			discriminators(l->v[i], &d);
			if (d.miss != NULL)
				collect_values(d.miss_s, &mv, &nmv, &capmv);
		}
		nf = fail_choice(
		    c, schema_map_get(n, miss->str, miss->len), mv, nmv);
		ptr_pop(c, old);
		free(mv);
	} else {
		nf = fail(c, n, "does not match any of the allowed forms");
	}
	free(vals);
	free(pats);
	return nf;
}

static size_t
check_not(struct vctx *c, const struct schema *s, const struct yml_node *n)
{
	const struct schema *ns = deref(s->not_s);
	struct buf b = BUF_INIT;
	size_t nf;

	if (!is_valid(c, s->not_s, n))
		return 0;
	if (!c->report)
		return 1;
	if (ns->boolean < 0 && ns->nkw == 1 && ns->required != NULL &&
	    ns->required->n == 1 && n->type == YML_MAP) {
		const struct yml_node *r = ns->required->items[0];
		const struct yml_pair *p = NULL;

		for (size_t i = 0; i < n->n; i++)
			if (n->pairs[i].key->len == r->len &&
			    !memcmp(n->pairs[i].key->str, r->str, r->len))
				p = &n->pairs[i];
		size_t old = ptr_key(c, p->key);
		nf = fail_name(
		    c, p->key, p->key, "field %s is not allowed here");
		ptr_pop(c, old);
	} else if (ns->boolean < 0 && (ns->has & (SK_CONST | SK_ENUM)) &&
	    yml_is_scalar(n)) {
		render(&b, n);
		nf = fail(c, n, "%s is not allowed here", b.ptr);
	} else if (ns->boolean == 1) {
		nf = fail(c, n, "no value is allowed here");
	} else {
		nf = fail(c, n, "matches a form that is not allowed here");
	}
	buf_free(&b);
	return nf;
}

/* Combinators: allOf, anyOf, oneOf, not, if/then/else. */
static size_t
check_applicators(
    struct vctx *c, const struct schema *s, const struct yml_node *n)
{
	size_t nf = 0, nvalid;

	for (size_t i = 0; i < s->all_of.n && (nf == 0 || c->report); i++)
		nf += check(c, s->all_of.v[i], n);
	if (s->any_of.n && (nf == 0 || c->report)) {
		nvalid = 0;
		for (size_t i = 0; i < s->any_of.n && nvalid == 0; i++)
			nvalid += is_valid(c, s->any_of.v[i], n);
		if (nvalid == 0)
			nf += explain_alternatives(c, &s->any_of, n);
	}
	if (s->one_of.n && (nf == 0 || c->report)) {
		nvalid = 0;
		for (size_t i = 0; i < s->one_of.n && nvalid < 2; i++)
			nvalid += is_valid(c, s->one_of.v[i], n);
		if (nvalid == 0)
			nf += explain_alternatives(c, &s->one_of, n);
		else if (nvalid > 1)
			nf += fail(
			    c, n, "matches more than one of the allowed forms");
	}
	if (s->not_s != NULL && (nf == 0 || c->report))
		nf += check_not(c, s, n);
	if (s->if_s != NULL && (nf == 0 || c->report)) {
		if (is_valid(c, s->if_s, n)) {
			if (s->then_s != NULL)
				nf += check(c, s->then_s, n);
		} else if (s->else_s != NULL) {
			nf += check(c, s->else_s, n);
		}
	}
	return nf;
}

static size_t
check_node(struct vctx *c, const struct schema *s, const struct yml_node *n)
{
	size_t nf = 0;

	if (s->boolean >= 0)
		return s->boolean ? 0 : fail(c, n, "no value is allowed here");
	if ((s->has & SK_TYPE) && !type_ok(s->types, n)) {
		struct buf b = BUF_INIT;

		/* The one clear message: other keywords would only echo it. */
		if (c->report) {
			type_names(&b, s->types);
			fail(c, n, "expected %s, found %s", b.ptr,
			    found_name(n));
			buf_free(&b);
		}
		return 1;
	}
	if (s->has & (SK_ENUM | SK_CONST)) {
		nf += check_enum(c, s, n);
		if (nf && !c->report)
			return nf;
	}
	switch (n->type) {
	case YML_STR:
		nf += check_string(c, s, n);
		break;
	case YML_INT:
	case YML_FLOAT:
		nf += check_number(c, s, n);
		break;
	case YML_SEQ:
		nf += check_array(c, s, n);
		break;
	case YML_MAP:
		nf += check_object(c, s, n);
		break;
	default:
		break;
	}
	if (nf && !c->report)
		return nf;
	if (s->ref != NULL) {
		nf += check(c, s->ref, n);
		if (nf && !c->report)
			return nf;
	}
	if (!(s->has & SK_APPLY))
		return nf;
	return nf + check_applicators(c, s, n);
}

/*
 * Apply s to n: 0 when valid, else the number of failures (at least 1;
 * exactly 1 when not reporting, as it stops at the first). Results for
 * collections are remembered: schemas that reach one node by several
 * paths (allOf of $refs, anyOf probing) would otherwise cost time
 * exponential in the depth.
 */
static size_t
check(struct vctx *c, const struct schema *s, const struct yml_node *n)
{
	struct slot *sl;
	size_t nf, at, cap;

	if (n->type != YML_SEQ && n->type != YML_MAP)
		return check_node(c, s, n);
	sl = table_get(&c->memo, n, (uint64_t)(uintptr_t)s, NULL);
	if (sl->flags & (c->report ? M_REPORTED : M_KNOWN))
		return !(sl->flags & M_VALID);
	at = (size_t)(sl - c->memo.v);
	cap = c->memo.cap;
	nf = check_node(c, s, n);
	/* Slots move only when the table grows. */
	sl = c->memo.cap == cap
	    ? &c->memo.v[at]
	    : table_get(&c->memo, n, (uint64_t)(uintptr_t)s, NULL);
	sl->flags |=
	    M_KNOWN | (nf == 0 ? M_VALID : 0) | (c->report ? M_REPORTED : 0);
	return nf;
}

static size_t
run(const struct schema *s, const struct yml_node *root, const char *path,
    struct diag_list *d, int *valid)
{
	struct slot first[MEMO_FIRST];
	struct vctx c = {0};
	size_t nf;

	memset(first, 0, sizeof first);
	c.memo.v = first;
	c.memo.cap = MEMO_FIRST;
	c.d = d;
	c.path = path;
	c.report = d != NULL;
	nf = check(&c, s, root);
	*valid = nf == 0;
	table_free(&c.seen, 1);
	table_free(&c.memo, 0);
	free(c.segs);
	schema_re_match_free(c.md);
	return c.nfail;
}

size_t
schema_validate(const struct schema *s, const struct yml_node *root,
    const char *path, struct diag_list *d)
{
	int valid;

	return run(s, root, path, d, &valid);
}

int
schema_is_valid(const struct schema *s, const struct yml_node *root)
{
	int valid;

	run(s, root, NULL, NULL, &valid);
	return valid;
}
