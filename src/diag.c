/* Diagnostics: collecting, sorting and printing findings; program messages. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "jsonw.h"
#include "pager.h"
#include "xalloc.h"

static int quiet;

void
diag_set_quiet(int q)
{
	quiet = q;
}

static void
vmsg(const char *prefix, const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;

	buf_puts(&b, "gdprctl: ");
	buf_puts(&b, prefix);
	buf_vprintf(&b, fmt, ap);
	buf_putc(&b, '\n');
	fflush(stdout);
	fputs(b.ptr, stderr);
	buf_free(&b);
}

void
diag_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
}

void
diag_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("warning: ", fmt, ap);
	va_end(ap);
}

void
diag_info(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
}

int
diag_color_enabled(const char *mode, FILE *fp)
{
	const char *nc, *term;

	if (mode != NULL && strcmp(mode, "always") == 0)
		return 1;
	if (mode != NULL && strcmp(mode, "never") == 0)
		return 0;
	nc = getenv("NO_COLOR");
	if (nc != NULL && *nc != '\0')
		return 0;
	term = getenv("TERM");
	if (term != NULL && strcmp(term, "dumb") == 0)
		return 0;
	/* The pager shows colour on the terminal it runs on. */
	if (pager_holds(fileno(fp)))
		return 1;
	return isatty(fileno(fp));
}

void
diag_override(struct diag_list *l, enum rule r, enum diag_severity sev)
{
	l->level[r] = (unsigned char)(sev + 1);
}

enum diag_severity
diag_effective(const struct diag_list *l, enum rule r)
{
	if (l->level[r] != 0)
		return (enum diag_severity)(l->level[r] - 1);
	return rule_catalog[r].severity;
}

static void
vadd(struct diag_list *l, const char *path, int line, int col,
    enum diag_severity sev, enum rule r, const char *pointer, const char *fmt,
    va_list ap)
{
	struct buf msg = BUF_INIT;
	struct diag *d;

	if (sev == DIAG_OFF)
		return;
	buf_vprintf(&msg, fmt, ap);
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	d = &l->v[l->n++];
	d->path = xstrdup(path ? path : "");
	d->line = line;
	d->col = col;
	d->severity = sev;
	d->rule = r;
	d->message = buf_detach(&msg);
	d->pointer = pointer ? xstrdup(pointer) : NULL;
}

void
diag_add(struct diag_list *l, const char *path, int line, int col, enum rule r,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(l, path, line, col, diag_effective(l, r), r, NULL, fmt, ap);
	va_end(ap);
}

void
diag_add_warning(struct diag_list *l, const char *path, int line, int col,
    enum rule r, const char *pointer, const char *fmt, ...)
{
	enum diag_severity sev =
	    l->level[r] ? diag_effective(l, r) : DIAG_WARNING;
	va_list ap;

	va_start(ap, fmt);
	vadd(l, path, line, col, sev, r, pointer, fmt, ap);
	va_end(ap);
}

void
diag_addp(struct diag_list *l, const char *path, int line, int col, enum rule r,
    const char *pointer, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(l, path, line, col, diag_effective(l, r), r, pointer, fmt, ap);
	va_end(ap);
}

void
diag_push(struct diag_list *l, const struct diag *d)
{
	struct diag *c;

	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	c = &l->v[l->n++];
	*c = *d;
	c->path = xstrdup(d->path);
	c->message = xstrdup(d->message);
	c->pointer = d->pointer ? xstrdup(d->pointer) : NULL;
}

void
diag_copy_overrides(struct diag_list *dst, const struct diag_list *src)
{
	memcpy(dst->level, src->level, sizeof(dst->level));
}

void
diag_move(struct diag_list *dst, struct diag_list *src)
{
	dst->v = xgrow(dst->v, &dst->cap, dst->n + src->n, sizeof(*dst->v));
	if (src->n)
		memcpy(dst->v + dst->n, src->v, src->n * sizeof(*src->v));
	dst->n += src->n;
	src->n = 0;
}

static int
cmp_diag(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->path, b->path)) != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	if ((c = strcmp(rule_name(a->rule), rule_name(b->rule))) != 0)
		return c;
	if ((c = strcmp(a->message, b->message)) != 0)
		return c;
	return (int)b->severity - (int)a->severity;
}

static void
diag_free_one(struct diag *d)
{
	free(d->path);
	free(d->message);
	free(d->pointer);
}

void
diag_sort(struct diag_list *l)
{
	size_t i, j;

	if (l->n == 0)
		return;
	qsort(l->v, l->n, sizeof(*l->v), cmp_diag);
	for (i = 1, j = 0; i < l->n; i++) {
		struct diag *a = &l->v[j], *b = &l->v[i];

		if (strcmp(a->path, b->path) == 0 && a->line == b->line &&
		    a->col == b->col && a->rule == b->rule &&
		    strcmp(a->message, b->message) == 0) {
			diag_free_one(b);
			continue;
		}
		l->v[++j] = *b;
	}
	l->n = j + 1;
}

void
diag_retain(
    struct diag_list *l, int (*keep)(const struct diag *, void *), void *arg)
{
	size_t i, j = 0;

	for (i = 0; i < l->n; i++) {
		if (keep(&l->v[i], arg))
			l->v[j++] = l->v[i];
		else
			diag_free_one(&l->v[i]);
	}
	l->n = j;
}

size_t
diag_count(const struct diag_list *l, enum diag_severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (l->v[i].severity == sev)
			n++;
	return n;
}

void
diag_list_free(struct diag_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		diag_free_one(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

const char *
diag_severity_name(enum diag_severity sev)
{
	switch (sev) {
	case DIAG_ERROR:
		return "error";
	case DIAG_WARNING:
		return "warning";
	default:
		return "off";
	}
}

static const char *const format_names[] = {
    "text", "json", "github", "sarif", "codequality"};

int
diag_format_parse(const char *s, enum diag_format *out)
{
	size_t i;

	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++) {
		if (strcmp(s, format_names[i]) == 0) {
			*out = (enum diag_format)i;
			return 0;
		}
	}
	return -1;
}

int
diag_ci_format(enum diag_format fmt)
{
	return fmt == DIAG_GITHUB || fmt == DIAG_SARIF ||
	    fmt == DIAG_CODEQUALITY;
}

const char *
diag_format_name(enum diag_format fmt)
{
	return format_names[fmt];
}

static void
print_text(const struct diag_list *l, struct buf *b, int color)
{
	const char *bold = color ? "\033[1m" : "";
	const char *reset = color ? "\033[0m" : "";
	const char *dim = color ? "\033[2m" : "";
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];
		const char *sc = "";

		if (color)
			sc = d->severity == DIAG_ERROR ? "\033[1;31m"
			                               : "\033[1;35m";
		buf_printf(b, "%s%s:", bold, d->path);
		if (d->line > 0)
			buf_printf(b, "%d:%d:", d->line, d->col);
		buf_printf(b, "%s %s%s:%s %s %s[%s]%s\n", reset, sc,
		    diag_severity_name(d->severity), reset, d->message, dim,
		    rule_name(d->rule), reset);
	}
}

void
diag_json(const struct diag_list *l, struct jsonw *w)
{
	size_t i;

	jsonw_arr_begin(w);
	for (i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		jsonw_obj_begin(w);
		jsonw_key(w, "path");
		jsonw_str(w, d->path);
		jsonw_key(w, "line");
		jsonw_int(w, d->line);
		jsonw_key(w, "column");
		jsonw_int(w, d->col);
		jsonw_key(w, "severity");
		jsonw_str(w, diag_severity_name(d->severity));
		jsonw_key(w, "rule");
		jsonw_str(w, rule_name(d->rule));
		jsonw_key(w, "message");
		jsonw_str(w, d->message);
		if (d->pointer != NULL) {
			jsonw_key(w, "pointer");
			jsonw_str(w, d->pointer);
		}
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
}

static void
print_json(const struct diag_list *l, struct buf *b)
{
	struct jsonw w;

	jsonw_init(&w, b, 1);
	diag_json(l, &w);
}

/* GitHub workflow commands %-escape the message, and also , and : in
 * properties. */
static void
gh_escape(struct buf *b, const char *s, int prop)
{
	for (; *s; s++) {
		if (*s == '%')
			buf_puts(b, "%25");
		else if (*s == '\r')
			buf_puts(b, "%0D");
		else if (*s == '\n')
			buf_puts(b, "%0A");
		else if (prop && *s == ':')
			buf_puts(b, "%3A");
		else if (prop && *s == ',')
			buf_puts(b, "%2C");
		else
			buf_putc(b, *s);
	}
}

void
diag_tally(const struct diag_list *l, struct buf *b)
{
	size_t ne = diag_count(l, DIAG_ERROR), nw = diag_count(l, DIAG_WARNING);

	buf_printf(b, "%zu error%s, %zu warning%s", ne, ne == 1 ? "" : "s", nw,
	    nw == 1 ? "" : "s");
}

void
diag_exit_summary(const struct diag_list *l, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	diag_tally(l, &b);
	buf_putc(&b, ' ');
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	diag_error("%s", b.ptr);
	buf_free(&b);
}

/* The path of d as the output names it: prefix + path. */
static const char *
out_path(struct buf *tmp, const char *prefix, const struct diag *d)
{
	buf_reset(tmp);
	buf_puts(tmp, prefix);
	buf_puts(tmp, d->path);
	return tmp->ptr;
}

void
diag_format_summary(const struct diag_list *l, enum diag_format fmt)
{
	if (fmt != DIAG_TEXT && fmt != DIAG_GITHUB)
		diag_exit_summary(l, "in the %s output", diag_format_name(fmt));
}

static void
print_github(const struct diag_list *l, struct buf *b, const char *prefix)
{
	struct buf path = BUF_INIT;
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		buf_printf(b, "::%s file=",
		    d->severity == DIAG_ERROR ? "error" : "warning");
		gh_escape(b, out_path(&path, prefix, d), 1);
		if (d->line > 0)
			buf_printf(b, ",line=%d,col=%d", d->line, d->col);
		buf_puts(b, ",title=");
		gh_escape(b, rule_name(d->rule), 1);
		buf_puts(b, "::");
		gh_escape(b, d->message, 0);
		buf_putc(b, '\n');
	}
	buf_puts(b, "gdprctl: ");
	diag_tally(l, b);
	buf_putc(b, '\n');
	buf_free(&path);
}

static uint64_t
fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= c[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

struct fp_item {
	uint64_t h;
	size_t i;
};

/* A finding's fingerprint, 16 hex digits. */
struct fingerprint {
	char hex[17];
};

static int
cmp_fp(const void *pa, const void *pb)
{
	const struct fp_item *a = pa, *b = pb;

	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/*
 * An identity of each finding that does not move with its line: a hash
 * of its path, rule and the JSON pointer of its node, and of which of
 * the findings alike it is (in order), as 16 hex digits. Code scanning
 * and GitLab match alerts across commits by it, so a finding keeps its
 * alert when lines are added above it or its message says new figures.
 */
static struct fingerprint *
fingerprints(const struct diag_list *l, const char *prefix)
{
	struct fp_item *v = xcalloc(l->n + 1, sizeof(*v));
	struct fingerprint *out = xcalloc(l->n + 1, sizeof(*out));
	size_t i, k = 0;
	uint64_t h;

	for (i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];
		const char *rule = rule_name(d->rule);

		h = 0xcbf29ce484222325ULL;
		h = fnv1a(h, prefix, strlen(prefix));
		h = fnv1a(h, d->path, strlen(d->path) + 1);
		h = fnv1a(h, rule, strlen(rule) + 1);
		if (d->pointer != NULL)
			h = fnv1a(h, d->pointer, strlen(d->pointer));
		v[i].h = h;
		v[i].i = i;
	}
	qsort(v, l->n, sizeof(*v), cmp_fp);
	for (i = 0; i < l->n; i++) {
		unsigned char ord[8];
		size_t j;

		k = i > 0 && v[i].h == v[i - 1].h ? k + 1 : 0;
		for (j = 0; j < sizeof(ord); j++)
			ord[j] = (unsigned char)(k >> (8 * j));
		h = fnv1a(v[i].h, ord, sizeof(ord));
		snprintf(out[v[i].i].hex, sizeof(out->hex), "%016llx",
		    (unsigned long long)h);
	}
	free(v);
	return out;
}

/* A relative path as a URI reference (RFC 3986): bytes other than the
 * unreserved characters and '/' percent-encoded. */
static void
uri_path(struct buf *b, const char *prefix, const char *path)
{
	const char *parts[2] = {prefix, path};
	size_t k;

	for (k = 0; k < 2; k++) {
		const unsigned char *s = (const unsigned char *)parts[k];

		for (; *s; s++) {
			if ((*s >= 'a' && *s <= 'z') ||
			    (*s >= 'A' && *s <= 'Z') ||
			    (*s >= '0' && *s <= '9') ||
			    strchr("-._~/", *s) != NULL)
				buf_putc(b, (char)*s);
			else
				buf_printf(b, "%%%02X", *s);
		}
	}
}

/* GitLab's Code Quality report: the subset of Code Climate's issue format
 * its merge-request widget reads. */
static void
print_codequality(const struct diag_list *l, struct buf *b, const char *prefix)
{
	struct fingerprint *fp = fingerprints(l, prefix);
	struct buf path = BUF_INIT;
	struct jsonw w;
	size_t i;

	jsonw_init(&w, b, 1);
	jsonw_arr_begin(&w);
	for (i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		jsonw_obj_begin(&w);
		jsonw_key(&w, "description");
		jsonw_str(&w, d->message);
		jsonw_key(&w, "check_name");
		jsonw_str(&w, rule_name(d->rule));
		jsonw_key(&w, "fingerprint");
		jsonw_str(&w, fp[i].hex);
		jsonw_key(&w, "severity");
		jsonw_str(&w, d->severity == DIAG_ERROR ? "major" : "minor");
		jsonw_key(&w, "location");
		jsonw_obj_begin(&w);
		jsonw_key(&w, "path");
		jsonw_str(&w, out_path(&path, prefix, d));
		jsonw_key(&w, "lines");
		jsonw_obj_begin(&w);
		jsonw_key(&w, "begin");
		jsonw_int(&w, d->line > 0 ? d->line : 1);
		jsonw_obj_end(&w);
		jsonw_obj_end(&w);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	buf_free(&path);
	free(fp);
}

/* "dpa-expired" as "DpaExpired", the form SARIF's rule names take. */
static void
sarif_name(struct buf *b, const char *id)
{
	int up = 1;

	for (; *id; id++) {
		if (*id == '-') {
			up = 1;
			continue;
		}
		buf_putc(
		    b, up && *id >= 'a' && *id <= 'z' ? *id - 'a' + 'A' : *id);
		up = 0;
	}
}

static void
sarif_text(struct jsonw *w, const char *key, const char *text)
{
	jsonw_key(w, key);
	jsonw_obj_begin(w);
	jsonw_key(w, "text");
	jsonw_str(w, text);
	jsonw_obj_end(w);
}

static void
sarif_rule(struct jsonw *w, enum rule r)
{
	const struct rule_info *ri = &rule_catalog[r];
	struct buf b = BUF_INIT;

	jsonw_obj_begin(w);
	jsonw_key(w, "id");
	jsonw_str(w, ri->id);
	sarif_name(&b, ri->id);
	jsonw_key(w, "name");
	jsonw_str(w, b.ptr);
	sarif_text(w, "shortDescription", ri->summary);
	buf_reset(&b);
	buf_printf(&b, "%s %s", ri->checks, ri->why);
	sarif_text(w, "fullDescription", b.ptr);
	sarif_text(w, "help", ri->fix);
	jsonw_key(w, "defaultConfiguration");
	jsonw_obj_begin(w);
	jsonw_key(w, "level");
	jsonw_str(w, diag_severity_name(ri->severity));
	jsonw_obj_end(w);
	jsonw_obj_end(w);
	buf_free(&b);
}

/* SARIF 2.1.0 as GitHub code scanning reads it: the rules that occur, in
 * the order they first occur, and the results pointing at them. */
static void
print_sarif(const struct diag_list *l, struct buf *b, const char *prefix)
{
	struct fingerprint *fp = fingerprints(l, prefix);
	struct buf uri = BUF_INIT;
	int index[RULE_COUNT];
	enum rule order[RULE_COUNT];
	int nrules = 0, j;
	struct jsonw w;
	size_t i;

	for (j = 0; j < RULE_COUNT; j++)
		index[j] = -1;
	for (i = 0; i < l->n; i++) {
		if (index[l->v[i].rule] < 0) {
			index[l->v[i].rule] = nrules;
			order[nrules++] = l->v[i].rule;
		}
	}
	jsonw_init(&w, b, 1);
	jsonw_obj_begin(&w);
	jsonw_key(&w, "version");
	jsonw_str(&w, "2.1.0");
	jsonw_key(&w, "$schema");
	jsonw_str(&w, "https://json.schemastore.org/sarif-2.1.0.json");
	jsonw_key(&w, "runs");
	jsonw_arr_begin(&w);
	jsonw_obj_begin(&w);
	jsonw_key(&w, "tool");
	jsonw_obj_begin(&w);
	jsonw_key(&w, "driver");
	jsonw_obj_begin(&w);
	jsonw_key(&w, "name");
	jsonw_str(&w, "gdprctl");
	jsonw_key(&w, "version");
	jsonw_str(&w, GD_VERSION);
	jsonw_key(&w, "rules");
	jsonw_arr_begin(&w);
	for (j = 0; j < nrules; j++)
		sarif_rule(&w, order[j]);
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	jsonw_obj_end(&w);
	/* Columns count characters, as in the text output. */
	jsonw_key(&w, "columnKind");
	jsonw_str(&w, "unicodeCodePoints");
	jsonw_key(&w, "results");
	jsonw_arr_begin(&w);
	for (i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		jsonw_obj_begin(&w);
		jsonw_key(&w, "ruleId");
		jsonw_str(&w, rule_name(d->rule));
		jsonw_key(&w, "ruleIndex");
		jsonw_int(&w, index[d->rule]);
		jsonw_key(&w, "level");
		jsonw_str(&w, diag_severity_name(d->severity));
		jsonw_key(&w, "message");
		jsonw_obj_begin(&w);
		jsonw_key(&w, "text");
		jsonw_str(&w, d->message);
		jsonw_obj_end(&w);
		jsonw_key(&w, "locations");
		jsonw_arr_begin(&w);
		jsonw_obj_begin(&w);
		jsonw_key(&w, "physicalLocation");
		jsonw_obj_begin(&w);
		jsonw_key(&w, "artifactLocation");
		jsonw_obj_begin(&w);
		jsonw_key(&w, "uri");
		buf_reset(&uri);
		uri_path(&uri, prefix, d->path);
		jsonw_str(&w, uri.ptr);
		jsonw_obj_end(&w);
		if (d->line > 0) {
			jsonw_key(&w, "region");
			jsonw_obj_begin(&w);
			jsonw_key(&w, "startLine");
			jsonw_int(&w, d->line);
			jsonw_key(&w, "startColumn");
			jsonw_int(&w, d->col > 0 ? d->col : 1);
			jsonw_obj_end(&w);
		}
		jsonw_obj_end(&w);
		jsonw_obj_end(&w);
		jsonw_arr_end(&w);
		jsonw_key(&w, "partialFingerprints");
		jsonw_obj_begin(&w);
		jsonw_key(&w, "gdprctlFinding/v1");
		jsonw_str(&w, fp[i].hex);
		jsonw_obj_end(&w);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	buf_free(&uri);
	free(fp);
}

int
diag_print(const struct diag_list *l, FILE *fp, enum diag_format fmt, int color)
{
	return diag_print_under(l, fp, fmt, color, "");
}

int
diag_print_under(const struct diag_list *l, FILE *fp, enum diag_format fmt,
    int color, const char *prefix)
{
	struct buf b = BUF_INIT;
	int rc = 0;

	switch (fmt) {
	case DIAG_TEXT:
		print_text(l, &b, color);
		break;
	case DIAG_JSON:
		print_json(l, &b);
		break;
	case DIAG_GITHUB:
		print_github(l, &b, prefix);
		break;
	case DIAG_SARIF:
		print_sarif(l, &b, prefix);
		break;
	case DIAG_CODEQUALITY:
		print_codequality(l, &b, prefix);
		break;
	}
	if (b.len && fwrite(b.ptr, 1, b.len, fp) != b.len)
		rc = -1;
	buf_free(&b);
	return rc;
}
