/*
 * Comment-preserving edits: new text is spliced into the old at the byte
 * positions the loader recorded, then parsed again and compared with the
 * old document, so an edit either does exactly what was asked or nothing.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "xalloc.h"

struct edit {
	char *path;
	char *text;
	size_t len;
	struct yml_doc *doc;
};

/* One step of a path: a key, or an index into a list. */
struct seg {
	const char *key;
	size_t keylen;
	long index; /* -1 for a key */
};

/* Replace bytes [start,end) of the text with text. */
struct splice {
	size_t start, end;
	struct buf text;
};

/*
 * Renderings tried in turn: the old style where it can be kept, then a
 * double-quoted scalar, which can hold any string.
 */
enum mode {
	MODE_KEEP,
	MODE_DOUBLE,
};

static int
parse_path(const char *path, struct seg **out, size_t *n)
{
	struct seg *v = NULL;
	size_t cap = 0, cnt = 0;
	const char *p = path;

	for (;;) {
		const char *k = p;

		while (*p != '\0' && *p != '.' && *p != '[')
			p++;
		if (p == k)
			goto bad;
		v = xgrow(v, &cap, cnt + 1, sizeof(*v));
		v[cnt].key = k;
		v[cnt].keylen = (size_t)(p - k);
		v[cnt++].index = -1;
		while (*p == '[') {
			char *end;
			long i;

			if (!(p[1] >= '0' && p[1] <= '9'))
				goto bad;
			errno = 0;
			i = strtol(p + 1, &end, 10);
			if (errno != 0 || *end != ']')
				goto bad;
			v = xgrow(v, &cap, cnt + 1, sizeof(*v));
			v[cnt].key = NULL;
			v[cnt].keylen = 0;
			v[cnt++].index = i;
			p = end + 1;
		}
		if (*p == '\0')
			break;
		if (*p++ != '.')
			goto bad;
	}
	*out = v;
	*n = cnt;
	return 0;
bad:
	free(v);
	return -1;
}

static int
key_is(const struct yml_node *k, const struct seg *s)
{
	return k->len == s->keylen && memcmp(k->str, s->key, s->keylen) == 0;
}

static long
find_key(const struct yml_node *map, const struct seg *s)
{
	size_t i;

	for (i = 0; i < map->n; i++)
		if (key_is(map->pairs[i].key, s))
			return (long)i;
	return -1;
}

static int
value_matches(const struct yml_node *n, const char *value, enum edit_type type)
{
	size_t len = strlen(value);

	switch (type) {
	case EDIT_INT:
		return n->type == YML_INT && !n->is_big &&
		    n->ival == strtoll(value, NULL, 10);
	case EDIT_BOOL:
		return n->type == YML_BOOL &&
		    n->boolean == (strcmp(value, "true") == 0);
	case EDIT_STR:
	case EDIT_DATE:
		break;
	}
	return n->type == YML_STR && n->len == len &&
	    memcmp(n->str, value, len) == 0;
}

/* Whether text, as a value in a block or flow context, reads as value. */
static int
reads_as(const char *text, const char *value, enum edit_type type, int flow)
{
	struct buf b = BUF_INIT;
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc = NULL;
	int ok = 0;

	buf_printf(&b, flow ? "v: [%s]\n" : "v: %s\n", text);
	if (yml_parse(&doc, "value", b.ptr, b.len, 0, &d) == 0 &&
	    doc->root->n == 1) {
		const struct yml_node *v = doc->root->pairs[0].val;

		if (flow)
			v = v->type == YML_SEQ && v->n == 1 ? v->items[0]
			                                    : NULL;
		ok = v != NULL && v->style == YML_PLAIN &&
		    value_matches(v, value, type);
	}
	yml_doc_free(doc);
	diag_list_free(&d);
	buf_free(&b);
	return ok;
}

/* YYYY-MM...: a string other tools may read as a date. */
static int
dateish(const char *s)
{
	int i;

	for (i = 0; i < 4; i++)
		if (!(s[i] >= '0' && s[i] <= '9'))
			return 0;
	return s[4] == '-' && s[5] >= '0' && s[5] <= '9';
}

/* YAML 1.1 booleans: strings to us, booleans to older tools. */
static int
old_bool(const char *s)
{
	static const char *const words[] = {
	    "y", "yes", "n", "no", "on", "off", NULL};
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	return 0;
}

static int
plain_ok(const char *v, enum edit_type type, int flow)
{
	size_t n = strlen(v), i;

	if (n == 0 || v[0] == ' ' || v[n - 1] == ' ' || v[n - 1] == ':')
		return 0;
	if (strchr("-?:,[]{}#&*!|>'\"%@`", v[0]) != NULL)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];

		if (c < 0x20 || c == 0x7F)
			return 0;
		if (c == ':' && (v[i + 1] == ' ' || flow))
			return 0;
		if (c == '#' && i > 0 && v[i - 1] == ' ')
			return 0;
		if (flow && strchr(",[]{}", c) != NULL)
			return 0;
	}
	if (type == EDIT_STR && (dateish(v) || old_bool(v)))
		return 0;
	return reads_as(v, v, type, flow);
}

static int
single_ok(const char *v)
{
	for (; *v; v++)
		if ((unsigned char)*v < 0x20 || *v == 0x7F)
			return 0;
	return 1;
}

static void
put_single(struct buf *b, const char *v)
{
	buf_putc(b, '\'');
	for (; *v; v++) {
		if (*v == '\'')
			buf_putc(b, '\'');
		buf_putc(b, *v);
	}
	buf_putc(b, '\'');
}

static void
put_double(struct buf *b, const char *v)
{
	buf_putc(b, '"');
	for (; *v; v++) {
		unsigned char c = (unsigned char)*v;

		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, c);
		} else if (c == '\n') {
			buf_puts(b, "\\n");
		} else if (c == '\t') {
			buf_puts(b, "\\t");
		} else if (c < 0x20 || c == 0x7F) {
			buf_printf(b, "\\x%02x", c);
		} else {
			buf_putc(b, c);
		}
	}
	buf_putc(b, '"');
}

/* A one-line scalar, in the style of the old one (style) where it fits. */
static void
render_inline(struct buf *b, const char *v, enum edit_type type,
    enum yml_style style, int flow, enum mode mode)
{
	if (type == EDIT_INT || type == EDIT_BOOL)
		buf_puts(b, v);
	else if (mode == MODE_DOUBLE || style == YML_DOUBLE)
		put_double(b, v);
	else if (style == YML_SINGLE && single_ok(v))
		put_single(b, v);
	else if (plain_ok(v, type, flow))
		buf_puts(b, v);
	else
		put_double(b, v);
}

void
edit_scalar(struct buf *b, const char *value, enum edit_type type, int flow)
{
	render_inline(b, value, type, YML_PLAIN, flow, MODE_KEEP);
}

static void
put_key(struct buf *b, const struct seg *s, int flow)
{
	char *k = xstrndup(s->key, s->keylen);

	/* Keys are read by the core schema only: no caution for others. */
	if (plain_ok(k, EDIT_DATE, flow))
		buf_puts(b, k);
	else
		put_double(b, k);
	free(k);
}

/* The line break used around pos: that of its line, else the first. */
static const char *
newline_at(const char *s, size_t len, size_t pos)
{
	const char *nl = pos < len ? memchr(s + pos, '\n', len - pos) : NULL;

	if (nl == NULL)
		nl = memchr(s, '\n', len);
	return nl != NULL && nl > s && nl[-1] == '\r' ? "\r\n" : "\n";
}

/* The position after the line break that ends the line holding pos. */
static size_t
after_line(const char *s, size_t len, size_t pos)
{
	const char *nl = pos < len ? memchr(s + pos, '\n', len - pos) : NULL;

	return nl != NULL ? (size_t)(nl - s) + 1 : len;
}

/* The position of the line break (\r\n or \n) ending the line of pos. */
static size_t
line_break(const char *s, size_t len, size_t pos)
{
	const char *nl = pos < len ? memchr(s + pos, '\n', len - pos) : NULL;
	size_t at = nl != NULL ? (size_t)(nl - s) : len;

	if (nl != NULL && at > pos && s[at - 1] == '\r')
		at--;
	return at;
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* The end of the indicators of a block scalar header: |, >, +, -, 1-9. */
static size_t
header_end(const char *s, size_t len, size_t start)
{
	size_t i = start + 1;

	while (i < len && s[i] != '\0' && strchr("+-123456789", s[i]) != NULL)
		i++;
	return i;
}

/*
 * The loader's range of a block scalar runs to the next line with content,
 * over trailing blank lines; those belong to the value only when it keeps
 * them (+). Returns the end of its last line with content otherwise.
 */
static size_t
block_end(const char *s, size_t len, const struct yml_node *n)
{
	size_t hend = header_end(s, len, n->start), i, line = n->start;
	size_t end = n->start;

	if (memchr(s + n->start, '+', hend - n->start) != NULL)
		return n->end;
	for (i = n->start; i < n->end; i++) {
		if (s[i] != '\n')
			continue;
		if (!blank(s + line, i - line))
			end = i + 1;
		line = i + 1;
	}
	if (line < n->end && !blank(s + line, n->end - line))
		end = n->end;
	return end;
}

/* Where a new pair goes after a block mapping's value n. */
static size_t
after_value(const char *s, size_t len, const struct yml_node *n)
{
	if (n->style == YML_BLOCK && n->type == YML_SEQ && n->n > 0)
		return after_value(s, len, n->items[n->n - 1]);
	if (n->style == YML_BLOCK && n->type == YML_MAP && n->n > 0)
		return after_value(s, len, n->pairs[n->n - 1].val);
	if (n->style == YML_LITERAL || n->style == YML_FOLDED)
		return block_end(s, len, n);
	return after_line(s, len, n->end);
}

/* The indentation step of the file: child keys against their parent's. */
static int
indent_step(const struct yml_node *n)
{
	size_t i;
	int step;

	if (n->type == YML_SEQ) {
		for (i = 0; i < n->n; i++)
			if ((step = indent_step(n->items[i])) > 0)
				return step;
	}
	if (n->type != YML_MAP)
		return 0;
	for (i = 0; i < n->n; i++) {
		const struct yml_node *v = n->pairs[i].val;

		if (v->type == YML_MAP && v->style == YML_BLOCK && v->n > 0 &&
		    v->pairs[0].key->col > n->pairs[i].key->col)
			return v->pairs[0].key->col - n->pairs[i].key->col;
		if ((step = indent_step(v)) > 0)
			return step;
	}
	return 0;
}

/* Block lines "key:" down to "key: value", one deeper per level. */
static void
block_chain(struct buf *b, const struct seg *segs, size_t n, size_t indent,
    int step, const char *value, enum edit_type type, enum mode mode,
    const char *nl, int lead, int trail)
{
	size_t j;

	for (j = 0; j < n; j++) {
		if (j > 0 || lead)
			buf_puts(b, nl);
		buf_fill(b, ' ', indent + (size_t)step * j);
		put_key(b, &segs[j], 0);
		buf_putc(b, ':');
		if (j == n - 1) {
			buf_putc(b, ' ');
			render_inline(b, value, type, YML_PLAIN, 0, mode);
		}
	}
	if (trail)
		buf_puts(b, nl);
}

/* Flow text "key: {key: value}". */
static void
flow_chain(struct buf *b, const struct seg *segs, size_t n, const char *value,
    enum edit_type type, enum mode mode)
{
	size_t j;

	for (j = 0; j < n; j++) {
		put_key(b, &segs[j], 1);
		buf_puts(b, j == n - 1 ? ": " : ": {");
	}
	render_inline(b, value, type, YML_PLAIN, 1, mode);
	for (j = 1; j < n; j++)
		buf_putc(b, '}');
}

struct op {
	struct edit *e;
	const char *value;
	enum edit_type type;
	enum mode mode;
	int step;
	struct splice sp[2];
	size_t nsp;
	struct buf *why;
};

static struct buf *
add_splice(struct op *op, size_t start, size_t end)
{
	struct splice *sp = &op->sp[op->nsp++];

	sp->start = start;
	sp->end = end;
	return &sp->text;
}

static int
no_index(struct op *op, const struct seg *segs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (segs[i].index >= 0) {
			buf_puts(op->why, "cannot create list items");
			return -1;
		}
	return 0;
}

/* Insert segs (keys, the first missing from map) with the value. */
static int
insert_keys(
    struct op *op, const struct yml_node *map, const struct seg *segs, size_t n)
{
	const char *s = op->e->text;
	size_t len = op->e->len;
	struct buf *t;

	if (no_index(op, segs, n) < 0)
		return -1;
	if (map->style == YML_FLOW) {
		const struct yml_pair *last;
		size_t at;

		if (map->n == 0) {
			t = add_splice(op, map->start + 1, map->start + 1);
		} else {
			last = &map->pairs[map->n - 1];
			at = last->val->end > last->key->end ? last->val->end
			                                     : last->key->end;
			t = add_splice(op, at, at);
			buf_puts(t, ", ");
		}
		flow_chain(t, segs, n, op->value, op->type, op->mode);
	} else {
		size_t at = after_value(s, len, map->pairs[map->n - 1].val);
		int lead = at > 0 && s[at - 1] != '\n';

		t = add_splice(op, at, at);
		block_chain(t, segs, n, (size_t)map->pairs[0].key->col - 1,
		    op->step, op->value, op->type, op->mode,
		    newline_at(s, len, at), lead, !lead);
	}
	return 0;
}

/* The key's value is null: make it a mapping holding segs. */
static int
null_to_map(struct op *op, const struct yml_node *parent,
    const struct yml_node *key, const struct yml_node *node,
    const struct seg *segs, size_t n)
{
	const char *s = op->e->text;
	size_t len = op->e->len, at;
	struct buf *t;

	if (no_index(op, segs, n) < 0)
		return -1;
	if (parent->style == YML_FLOW) {
		t = add_splice(op, node->start, node->end);
		if (node->start == node->end)
			buf_putc(t, ' ');
		buf_putc(t, '{');
		flow_chain(t, segs, n, op->value, op->type, op->mode);
		buf_putc(t, '}');
		return 0;
	}
	if (node->start < node->end)
		add_splice(op, node->start, node->end);
	at = line_break(s, len, node->end);
	t = add_splice(op, at, at);
	block_chain(t, segs, n, (size_t)key->col - 1 + (size_t)op->step,
	    op->step, op->value, op->type, op->mode, newline_at(s, len, at), 1,
	    0);
	return 0;
}

/* Whether v can be written as block scalar content. */
static int
block_ok(const char *v)
{
	size_t n = strlen(v), i;

	if (n == 0 || v[0] == ' ' || v[0] == '\n' ||
	    (n >= 2 && v[n - 1] == '\n' && v[n - 2] == '\n'))
		return 0;
	for (i = 0; i < n; i++)
		if (((unsigned char)v[i] < 0x20 && v[i] != '\n') ||
		    v[i] == 0x7F)
			return 0;
	return 1;
}

static size_t
leading_spaces(const char *s, size_t len, size_t pos)
{
	size_t i = pos;

	while (i > 0 && s[i - 1] != '\n')
		i--;
	pos = i;
	while (i < len && s[i] == ' ')
		i++;
	return i - pos;
}

/* Replace a | or > scalar: as a block scalar again, else on one line. */
static void
replace_block(
    struct op *op, const struct yml_node *key, const struct yml_node *node)
{
	const char *s = op->e->text, *v = op->value;
	size_t len = op->e->len, hend = header_end(s, len, node->start);
	size_t hl = line_break(s, len, node->start);
	size_t end = block_end(s, len, node), ci = 0, i;
	const char *nl = newline_at(s, len, node->start);
	struct buf *t = add_splice(op, node->start, end);

	/* The content indentation: that of the old content, if any. */
	for (i = after_line(s, len, node->start); i < end;
	     i = after_line(s, len, i)) {
		size_t e = line_break(s, len, i);

		if (!blank(s + i, e - i)) {
			ci = leading_spaces(s, len, i);
			break;
		}
	}
	if (ci == 0)
		ci = (key != NULL ? (size_t)key->col - 1
		                  : leading_spaces(s, len, node->start)) +
		    (size_t)op->step;
	if (op->mode == MODE_KEEP && block_ok(v)) {
		size_t n = strlen(v);
		int clip = v[n - 1] == '\n';
		const char *p = v, *q;
		int folded = node->style == YML_FOLDED &&
		    memchr(v, '\n', n - (size_t)clip) == NULL;

		buf_putc(t, folded ? '>' : '|');
		if (!clip)
			buf_putc(t, '-');
		buf_add(t, s + hend, hl - hend);
		buf_puts(t, nl);
		while (p < v + n) {
			q = strchr(p, '\n');
			if (q == NULL)
				q = v + n;
			if (q > p)
				buf_fill(t, ' ', ci);
			buf_add(t, p, (size_t)(q - p));
			buf_puts(t, nl);
			p = q + 1;
		}
	} else {
		render_inline(t, v, op->type, YML_PLAIN, 0, op->mode);
		if (!blank(s + hend, hl - hend))
			buf_add(t, s + hend, hl - hend);
		if (end > hl)
			buf_puts(t, nl);
	}
}

static void
replace_scalar(struct op *op, const struct yml_node *parent,
    const struct yml_node *key, const struct yml_node *node)
{
	int flow = parent != NULL && parent->style == YML_FLOW;
	const char *s = op->e->text;
	struct buf *t;

	if (node->style == YML_LITERAL || node->style == YML_FOLDED) {
		replace_block(op, key, node);
		return;
	}
	t = add_splice(op, node->start, node->end);
	if (node->start == node->end && node->start > 0 &&
	    s[node->start - 1] != ' ' && s[node->start - 1] != '\t')
		buf_putc(t, ' ');
	render_inline(t, op->value, op->type, node->style, flow, op->mode);
}

static void
path_prefix(struct buf *b, const struct seg *segs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (segs[i].index >= 0)
			buf_printf(b, "[%ld]", segs[i].index);
		else
			buf_printf(b, "%s%.*s", i > 0 ? "." : "",
			    (int)segs[i].keylen, segs[i].key);
	}
}

/* Work out the splices of one edit on the current text. */
static int
plan_edit(struct op *op, const struct seg *segs, size_t nseg)
{
	const struct yml_node *node = op->e->doc->root, *parent = NULL;
	const struct yml_node *key = NULL;
	size_t i;

	for (i = 0; i < nseg; i++) {
		const struct seg *sg = &segs[i];
		long k;

		if (sg->index >= 0) {
			if (node->type != YML_SEQ) {
				path_prefix(op->why, segs, i);
				buf_printf(op->why, " is %s, not a list",
				    yml_type_name(node->type));
				return -1;
			}
			if ((size_t)sg->index >= node->n) {
				path_prefix(op->why, segs, i);
				buf_printf(
				    op->why, " has %zu items", (size_t)node->n);
				return -1;
			}
			parent = node;
			key = NULL;
			node = node->items[sg->index];
			continue;
		}
		if (node->type == YML_MAP) {
			k = find_key(node, sg);
			if (k < 0)
				return insert_keys(
				    op, node, segs + i, nseg - i);
			parent = node;
			key = node->pairs[k].key;
			node = node->pairs[k].val;
			continue;
		}
		if (node->type == YML_NULL && key != NULL)
			return null_to_map(
			    op, parent, key, node, segs + i, nseg - i);
		path_prefix(op->why, segs, i);
		buf_printf(op->why, " is %s, not a mapping",
		    yml_type_name(node->type));
		return -1;
	}
	if (!yml_is_scalar(node)) {
		buf_printf(op->why, "it is %s, not a single value",
		    yml_type_name(node->type));
		return -1;
	}
	replace_scalar(op, parent, key, node);
	return 0;
}

/* Deep equality of values, positions aside. */
static int
same_node(const struct yml_node *a, const struct yml_node *b)
{
	size_t i;

	if (a->type != b->type || a->style != b->style || a->n != b->n)
		return 0;
	if (yml_is_scalar(a))
		return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
	for (i = 0; i < a->n; i++) {
		if (a->type == YML_SEQ) {
			if (!same_node(a->items[i], b->items[i]))
				return 0;
		} else if (!same_node(a->pairs[i].key, b->pairs[i].key) ||
		    !same_node(a->pairs[i].val, b->pairs[i].val)) {
			return 0;
		}
	}
	return 1;
}

/*
 * Whether nw is old with only the value at segs set (old NULL: created).
 * Pairs keep their order; a new key may go anywhere in its mapping.
 */
static int
expect(const struct yml_node *old, const struct yml_node *nw,
    const struct seg *segs, size_t n, const char *value, enum edit_type type)
{
	long oi, ni;
	size_t i, j;

	if (n == 0)
		return yml_is_scalar(nw) && value_matches(nw, value, type);
	if (segs->index >= 0) {
		size_t idx = (size_t)segs->index;

		if (old == NULL || old->type != YML_SEQ ||
		    nw->type != YML_SEQ || old->n != nw->n ||
		    old->style != nw->style || idx >= old->n)
			return 0;
		for (i = 0; i < old->n; i++)
			if (i != idx && !same_node(old->items[i], nw->items[i]))
				return 0;
		return expect(old->items[idx], nw->items[idx], segs + 1, n - 1,
		    value, type);
	}
	if (nw->type != YML_MAP)
		return 0;
	if (old != NULL && old->type == YML_NULL)
		old = NULL;
	if (old == NULL)
		return nw->n == 1 && key_is(nw->pairs[0].key, segs) &&
		    expect(
		        NULL, nw->pairs[0].val, segs + 1, n - 1, value, type);
	if (old->type != YML_MAP || old->style != nw->style)
		return 0;
	oi = find_key(old, segs);
	ni = find_key(nw, segs);
	if (ni < 0 || nw->n != old->n + (oi < 0) || (oi >= 0 && oi != ni))
		return 0;
	for (i = j = 0; i < nw->n; i++) {
		if ((long)i == ni)
			continue;
		if ((long)j == oi)
			j++;
		if (!same_node(old->pairs[j].key, nw->pairs[i].key) ||
		    !same_node(old->pairs[j].val, nw->pairs[i].val))
			return 0;
		j++;
	}
	return expect(oi >= 0 ? old->pairs[oi].val : NULL, nw->pairs[ni].val,
	    segs + 1, n - 1, value, type);
}

static char *
apply(const struct edit *e, const struct op *op, size_t *outlen)
{
	struct buf b = BUF_INIT;
	size_t pos = 0, i;

	for (i = 0; i < op->nsp; i++) {
		buf_add(&b, e->text + pos, op->sp[i].start - pos);
		buf_add(&b, op->sp[i].text.ptr, op->sp[i].text.len);
		pos = op->sp[i].end;
	}
	buf_add(&b, e->text + pos, e->len - pos);
	*outlen = b.len;
	return buf_detach(&b);
}

static int
value_valid(const char *v, enum edit_type type)
{
	const char *p = v;

	switch (type) {
	case EDIT_INT:
		if (*p == '-')
			p++;
		return *p != '\0' && strspn(p, "0123456789") == strlen(p) &&
		    strlen(p) <= 18;
	case EDIT_BOOL:
		return strcmp(v, "true") == 0 || strcmp(v, "false") == 0;
	case EDIT_STR:
	case EDIT_DATE:
		break;
	}
	return 1;
}

/* Try one rendering; 1 when it is taken, 0 when not, -1 on a dead end. */
static int
attempt(struct edit *e, const struct seg *segs, size_t nseg, struct op *op)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc = NULL;
	char *text;
	size_t len, i;
	int rc = 0;

	op->nsp = 0;
	buf_reset(op->why);
	if (plan_edit(op, segs, nseg) < 0) {
		rc = -1;
		goto done;
	}
	text = apply(e, op, &len);
	if (yml_parse(&doc, e->path, text, len, 0, &d) < 0) {
		buf_printf(op->why, "the result would not be valid YAML (%s)",
		    d.n > 0 ? d.v[0].message : "parse error");
		free(text);
	} else if (!expect(e->doc->root, doc->root, segs, nseg, op->value,
	               op->type)) {
		buf_puts(op->why,
		    "the edited text would not read back as "
		    "intended");
		free(text);
		yml_doc_free(doc);
	} else {
		free(e->text);
		yml_doc_free(e->doc);
		e->text = text;
		e->len = len;
		e->doc = doc;
		rc = 1;
	}
done:
	for (i = 0; i < op->nsp; i++)
		buf_free(&op->sp[i].text);
	diag_list_free(&d);
	return rc;
}

int
edit_set(
    struct edit *e, const char *path, const char *value, enum edit_type type)
{
	struct buf why = BUF_INIT;
	struct seg *segs = NULL;
	size_t nseg = 0;
	struct op op;
	int rc = 0;

	if (parse_path(path, &segs, &nseg) < 0) {
		diag_error("'%s' is not a field path", path);
		return -1;
	}
	if (!value_valid(value, type)) {
		diag_error("cannot set %s in '%s': '%s' is not %s", path,
		    e->path, value,
		    type == EDIT_INT ? "an integer" : "true or false");
		free(segs);
		return -1;
	}
	memset(&op, 0, sizeof(op));
	op.e = e;
	op.value = value;
	op.type = type;
	op.why = &why;
	op.step = indent_step(e->doc->root);
	if (op.step <= 0)
		op.step = 2;
	for (op.mode = MODE_KEEP; rc == 0 && op.mode <= MODE_DOUBLE;
	     op.mode++) {
		rc = attempt(e, segs, nseg, &op);
		if (type == EDIT_INT || type == EDIT_BOOL)
			break;
	}
	if (rc != 1)
		diag_error(
		    "cannot set %s in '%s': %s", path, e->path, buf_cstr(&why));
	buf_free(&why);
	free(segs);
	return rc == 1 ? 0 : -1;
}

int
edit_open(struct edit **out, const char *path, const char *text, size_t len,
    struct diag_list *d)
{
	struct edit *e = xcalloc(1, sizeof(*e));

	*out = NULL;
	if (yml_parse(&e->doc, path, text, len, 0, d) < 0) {
		free(e);
		return -1;
	}
	e->path = xstrdup(path);
	e->text = xstrndup(text, len);
	e->len = len;
	*out = e;
	return 0;
}

const struct yml_node *
edit_get(const struct edit *e, const char *path)
{
	const struct yml_node *node = e->doc->root;
	struct seg *segs = NULL;
	size_t nseg = 0, i;

	if (parse_path(path, &segs, &nseg) < 0)
		return NULL;
	for (i = 0; node != NULL && i < nseg; i++) {
		if (segs[i].index >= 0) {
			node = node->type == YML_SEQ &&
			        (size_t)segs[i].index < node->n
			    ? node->items[segs[i].index]
			    : NULL;
		} else {
			long k = node->type == YML_MAP
			    ? find_key(node, &segs[i])
			    : -1;

			node = k >= 0 ? node->pairs[k].val : NULL;
		}
	}
	free(segs);
	return node;
}

const char *
edit_text(const struct edit *e, size_t *len)
{
	if (len != NULL)
		*len = e->len;
	return e->text;
}

const struct yml_doc *
edit_doc(const struct edit *e)
{
	return e->doc;
}

void
edit_free(struct edit *e)
{
	if (e == NULL)
		return;
	yml_doc_free(e->doc);
	free(e->path);
	free(e->text);
	free(e);
}
