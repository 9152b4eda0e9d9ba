/*
 * Rule personal-data: national identity numbers anywhere in a record's
 * text (values, keys and comments alike) or in any file `scan` reads.
 */
#include <stdlib.h>
#include <string.h>

#include "idnum.h"
#include "rules.h"

/* Scan once this much is buffered; keep this much back for the next
 * piece, more than the longest number plus the bytes around it. */
#define PDATA_CHUNK (64u << 10)
#define PDATA_MARGIN 64

struct cursor {
	size_t off;
	int line, col, cr;
};

/* Move c to offset to of s, counting lines (LF, CRLF or CR) and
 * characters. */
static void
advance(struct cursor *c, const char *s, size_t to)
{
	for (; c->off < to; c->off++) {
		unsigned char ch = (unsigned char)s[c->off];

		if (ch == '\n') {
			if (!c->cr) {
				c->line++;
				c->col = 1;
			}
			c->cr = 0;
		} else if (ch == '\r') {
			c->line++;
			c->col = 1;
			c->cr = 1;
		} else {
			c->cr = 0;
			if ((ch & 0xC0) != 0x80)
				c->col++;
		}
	}
}

static void
report(struct diag_list *d, const char *path, int line, int col, const char *s,
    const struct idnum_match *m)
{
	struct buf masked = BUF_INIT;

	idnum_mask(s + m->off, m->len, &masked);
	diag_add(d, path, line, col, RULE_PERSONAL_DATA,
	    "looks like a %s (%s); records must not hold national "
	    "identity numbers — refer to a case number instead",
	    idnum_kind_name(m->kind), buf_cstr(&masked));
	buf_free(&masked);
}

void
pdata_begin(struct pdata_scan *ps, const char *path, struct diag_list *d)
{
	memset(ps, 0, sizeof(*ps));
	ps->path = path;
	ps->d = d;
	ps->line = 1;
	ps->col = 1;
}

/*
 * Scan the buffer. Unless this is the end, numbers that start within the
 * margin wait for the next piece, which may extend them; the byte before
 * the margin stays as their left context.
 */
static void
process(struct pdata_scan *ps, int final)
{
	const char *s = ps->buf.ptr;
	size_t len = ps->buf.len, limit, n, i;
	struct idnum_match *m = NULL;
	struct cursor c = {0, ps->line, ps->col, ps->cr};

	if (len == 0)
		return;
	if (!ps->started) {
		ps->started = 1;
		/* A BOM is not a character of the first line. */
		if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
			c.col = 0;
	}
	limit = final ? len : len - PDATA_MARGIN;
	n = idnum_scan(s, len, &m);
	for (i = 0; i < n; i++) {
		if (m[i].off < ps->skip)
			continue;
		if (m[i].off >= limit)
			break;
		advance(&c, s, m[i].off);
		report(ps->d, ps->path, c.line, c.col, s, &m[i]);
		ps->found++;
	}
	free(m);
	if (final)
		return;
	advance(&c, s, limit - 1);
	ps->line = c.line;
	ps->col = c.col;
	ps->cr = c.cr;
	memmove(ps->buf.ptr, s + limit - 1, len - (limit - 1));
	buf_truncate(&ps->buf, len - (limit - 1));
	ps->skip = 1;
}

void
pdata_feed(struct pdata_scan *ps, const char *data, size_t len)
{
	buf_add(&ps->buf, data, len);
	if (ps->buf.len >= PDATA_CHUNK)
		process(ps, 0);
}

size_t
pdata_end(struct pdata_scan *ps)
{
	process(ps, 1);
	buf_free(&ps->buf);
	return ps->found;
}

/*
 * An escape in a double-quoted scalar ("\x31", a line continuation) can
 * hide a number from the scan of the source text: scan such values as
 * decoded too, and report what the source does not show as it is.
 */
static void
scan_escaped(
    const struct record *rec, const struct yml_node *n, struct diag_list *d)
{
	const char *src = rec->doc->src;
	size_t i;

	if (n->type == YML_SEQ) {
		for (i = 0; i < n->n; i++)
			scan_escaped(rec, n->items[i], d);
		return;
	}
	if (n->type == YML_MAP) {
		for (i = 0; i < n->n; i++) {
			scan_escaped(rec, n->pairs[i].key, d);
			scan_escaped(rec, n->pairs[i].val, d);
		}
		return;
	}
	if (n->style == YML_DOUBLE && n->str != NULL && n->end > n->start &&
	    n->end <= rec->doc->srclen &&
	    memchr(src + n->start, '\\', n->end - n->start) != NULL) {
		struct idnum_match *m = NULL;
		size_t k = idnum_scan(n->str, n->len, &m);

		for (i = 0; i < k; i++)
			if (memmem(src + n->start, n->end - n->start,
			        n->str + m[i].off, m[i].len) == NULL)
				report(d, rec->path, n->line, n->col, n->str,
				    &m[i]);
		free(m);
	}
}

static void
scan_doc(const struct record *rec, struct diag_list *d)
{
	struct pdata_scan ps;

	pdata_begin(&ps, rec->path, d);
	pdata_feed(&ps, rec->doc->src, rec->doc->srclen);
	pdata_end(&ps);
	/* Escapes need a backslash in the text. */
	if (memchr(rec->doc->src, '\\', rec->doc->srclen) != NULL)
		scan_escaped(rec, rec->doc->root, d);
}

void
rules_pdata_record(const struct rules_ctx *x, const struct record *rec)
{
	scan_doc(rec, x->d);
}

void
rules_pdata_config(const struct rules_ctx *x)
{
	if (x->cfg->doc != NULL && repo_in_scope(x->r, x->cfg->doc->path)) {
		struct record cfg = {0};

		cfg.path = x->cfg->doc->path;
		cfg.doc = x->cfg->doc;
		cfg.in_scope = 1;
		scan_doc(&cfg, x->d);
	}
}
