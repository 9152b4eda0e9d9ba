/* Diagnostics: collecting, sorting and printing findings; program messages. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "jsonw.h"
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
	const char *nc;

	if (mode != NULL && strcmp(mode, "always") == 0)
		return 1;
	if (mode != NULL && strcmp(mode, "never") == 0)
		return 0;
	nc = getenv("NO_COLOR");
	if (nc != NULL && *nc != '\0')
		return 0;
	return isatty(fileno(fp));
}

void
diag_override(struct diag_list *l, const char *rule, enum diag_severity sev)
{
	size_t i;

	for (i = 0; i < l->nov; i++) {
		if (strcmp(l->ov[i].rule, rule) == 0) {
			l->ov[i].severity = sev;
			return;
		}
	}
	l->ov = xgrow(l->ov, &l->capov, l->nov + 1, sizeof(*l->ov));
	l->ov[l->nov].rule = xstrdup(rule);
	l->ov[l->nov].severity = sev;
	l->nov++;
}

enum diag_severity
diag_effective(
    const struct diag_list *l, const char *rule, enum diag_severity sev)
{
	size_t i;

	for (i = 0; i < l->nov; i++)
		if (strcmp(l->ov[i].rule, rule) == 0)
			return l->ov[i].severity;
	return sev;
}

static void
vadd(struct diag_list *l, const char *path, int line, int col,
    enum diag_severity sev, const char *rule, const char *pointer,
    const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT;
	struct diag *d;

	sev = diag_effective(l, rule, sev);
	if (sev == DIAG_OFF)
		return;
	buf_vprintf(&msg, fmt, ap);
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	d = &l->v[l->n++];
	d->path = xstrdup(path ? path : "");
	d->line = line;
	d->col = col;
	d->severity = sev;
	d->rule = xstrdup(rule);
	d->message = buf_detach(&msg);
	d->pointer = pointer ? xstrdup(pointer) : NULL;
}

void
diag_add(struct diag_list *l, const char *path, int line, int col,
    enum diag_severity sev, const char *rule, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(l, path, line, col, sev, rule, NULL, fmt, ap);
	va_end(ap);
}

void
diag_addp(struct diag_list *l, const char *path, int line, int col,
    enum diag_severity sev, const char *rule, const char *pointer,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(l, path, line, col, sev, rule, pointer, fmt, ap);
	va_end(ap);
}

void
diag_copy_overrides(struct diag_list *dst, const struct diag_list *src)
{
	size_t i;

	for (i = 0; i < src->nov; i++)
		diag_override(dst, src->ov[i].rule, src->ov[i].severity);
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
	if ((c = strcmp(a->rule, b->rule)) != 0)
		return c;
	if ((c = strcmp(a->message, b->message)) != 0)
		return c;
	return (int)b->severity - (int)a->severity;
}

static void
diag_free_one(struct diag *d)
{
	free(d->path);
	free(d->rule);
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
		    a->col == b->col && strcmp(a->rule, b->rule) == 0 &&
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
	for (i = 0; i < l->nov; i++)
		free(l->ov[i].rule);
	free(l->v);
	free(l->ov);
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

int
diag_format_parse(const char *s, enum diag_format *out)
{
	static const char *names[] = {"text", "json", "github", "sarif"};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = (enum diag_format)i;
			return 0;
		}
	}
	return -1;
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
		    d->rule, reset);
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
		jsonw_str(w, d->rule);
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

static void
print_github(const struct diag_list *l, struct buf *b)
{
	size_t i, ne, nw;

	for (i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		buf_printf(b, "::%s file=",
		    d->severity == DIAG_ERROR ? "error" : "warning");
		gh_escape(b, d->path, 1);
		if (d->line > 0)
			buf_printf(b, ",line=%d,col=%d", d->line, d->col);
		buf_puts(b, ",title=");
		gh_escape(b, d->rule, 1);
		buf_puts(b, "::");
		gh_escape(b, d->message, 0);
		buf_putc(b, '\n');
	}
	ne = diag_count(l, DIAG_ERROR);
	nw = diag_count(l, DIAG_WARNING);
	buf_printf(b, "gdprctl: %zu error%s, %zu warning%s\n", ne,
	    ne == 1 ? "" : "s", nw, nw == 1 ? "" : "s");
}

/* SARIF 2.1.0 as GitHub code scanning reads it. */
static void
print_sarif(const struct diag_list *l, struct buf *b)
{
	const char **rules = NULL;
	size_t nrules = 0, cap = 0, i, j;
	struct jsonw w;

	for (i = 0; i < l->n; i++) {
		for (j = 0; j < nrules; j++)
			if (strcmp(rules[j], l->v[i].rule) == 0)
				break;
		if (j == nrules) {
			rules = xgrow(rules, &cap, nrules + 1, sizeof(*rules));
			rules[nrules++] = l->v[i].rule;
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
	for (j = 0; j < nrules; j++) {
		jsonw_obj_begin(&w);
		jsonw_key(&w, "id");
		jsonw_str(&w, rules[j]);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	jsonw_obj_end(&w);
	jsonw_key(&w, "results");
	jsonw_arr_begin(&w);
	for (i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		jsonw_obj_begin(&w);
		jsonw_key(&w, "ruleId");
		jsonw_str(&w, d->rule);
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
		jsonw_str(&w, d->path);
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
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	free(rules);
}

int
diag_print(const struct diag_list *l, FILE *fp, enum diag_format fmt, int color)
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
		print_github(l, &b);
		break;
	case DIAG_SARIF:
		print_sarif(l, &b);
		break;
	}
	if (b.len && fwrite(b.ptr, 1, b.len, fp) != b.len)
		rc = -1;
	buf_free(&b);
	return rc;
}
