/* Values, computed-value trees and helpers shared by the record commands. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "l10n.h"
#include "num.h"
#include "pager.h"
#include "record_kind.h"
#include "xalloc.h"

void
rv_clear(struct rv *v)
{
	free(v->text);
	memset(v, 0, sizeof(*v));
}

void
rv_str(struct rv *v, const char *s)
{
	v->type = s != NULL ? RV_STR : RV_NULL;
	v->str = s;
}

void
rv_int(struct rv *v, long long n)
{
	v->type = RV_INT;
	v->num = n;
}

void
rv_tenths(struct rv *v, long long tenths)
{
	v->type = RV_TENTHS;
	v->num = tenths;
}

void
rv_bool(struct rv *v, int b)
{
	v->type = RV_BOOL;
	v->num = b != 0;
}

void
rv_date(struct rv *v, struct gd_date d)
{
	date_format(d, v->own);
	rv_str(v, v->own);
}

void
rv_datetime(struct rv *v, struct gd_datetime t)
{
	struct buf b = BUF_INIT;

	datetime_format(t, &b);
	snprintf(v->own, sizeof(v->own), "%s", buf_cstr(&b));
	buf_free(&b);
	rv_str(v, v->own);
}

void
rv_textf(struct rv *v, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(v->text);
	v->text = buf_detach(&b);
}

void
rv_node(struct rv *v, const struct yml_node *n)
{
	if (n == NULL || n->type == YML_NULL || !yml_is_scalar(n))
		v->type = RV_NULL;
	else if (n->type == YML_BOOL)
		rv_bool(v, n->boolean);
	else if (n->type == YML_INT && !n->is_big)
		rv_int(v, n->ival);
	else
		rv_str(v, n->str);
}

const char *
rv_display(const struct rv *v, const char *locale, struct buf *scratch)
{
	if (v->text != NULL)
		return v->text;
	buf_reset(scratch);
	switch (v->type) {
	case RV_NULL:
		return "";
	case RV_STR:
		return v->etype ? l10n_enum(locale, v->etype, v->str) : v->str;
	case RV_INT:
		buf_printf(scratch, "%lld", v->num);
		break;
	case RV_TENTHS:
		num_tenths(scratch, (long)v->num);
		break;
	case RV_BOOL:
		return l10n_get(
		    locale, v->num ? "enum.bool.true" : "enum.bool.false");
	}
	return buf_cstr(scratch);
}

struct rnode *
rnode_new(enum rnode_type t, const char *key, const char *label)
{
	struct rnode *n = xcalloc(1, sizeof(*n));

	n->type = t;
	n->key = key;
	n->label = label;
	return n;
}

struct rnode *
rnode_add(
    struct rnode *parent, enum rnode_type t, const char *key, const char *label)
{
	struct rnode *n = rnode_new(t, key, label);

	parent->kids =
	    xgrow(parent->kids, &parent->cap, parent->n + 1, sizeof(n));
	parent->kids[parent->n++] = n;
	return n;
}

struct rv *
rnode_val(struct rnode *parent, const char *key, const char *label)
{
	return &rnode_add(parent, RN_VALUE, key, label)->v;
}

void
rnode_free(struct rnode *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++)
		rnode_free(n->kids[i]);
	free(n->kids);
	rv_clear(&n->v);
	free(n);
}

const struct yml_node *
rec_get(const struct yml_node *rec, const char *path)
{
	char key[64];
	const char *dot;

	while ((dot = strchr(path, '.')) != NULL) {
		size_t n = (size_t)(dot - path);

		if (n >= sizeof(key))
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		rec = yml_get(rec, key);
		path = dot + 1;
	}
	return yml_get(rec, path);
}

const char *
rec_str(const struct yml_node *rec, const char *path)
{
	const struct yml_node *n = rec_get(rec, path);

	return n != NULL && n->type == YML_STR ? n->str : NULL;
}

int
rec_names(const struct yml_node *rec, const char *field, const char *id)
{
	const struct yml_node *n = yml_get(rec, field);
	size_t i;

	if (n == NULL || id == NULL)
		return 0;
	if (n->type == YML_STR)
		return strcmp(n->str, id) == 0;
	if (n->type != YML_SEQ)
		return 0;
	for (i = 0; i < n->n; i++)
		if (n->items[i]->type == YML_STR &&
		    strcmp(n->items[i]->str, id) == 0)
			return 1;
	return 0;
}

int
rec_date(const struct yml_node *rec, const char *path, struct gd_date *out)
{
	const struct yml_node *n = rec_get(rec, path);

	if (n == NULL || n->type != YML_STR)
		return -1;
	return date_parse(n->str, n->len, out);
}

int
rec_datetime(
    const struct yml_node *rec, const char *path, struct gd_datetime *out)
{
	const struct yml_node *n = rec_get(rec, path);

	if (n == NULL || n->type != YML_STR)
		return -1;
	return datetime_parse(n->str, n->len, out, NULL);
}

void
rec_short_datetime(struct gd_datetime t, char out[17])
{
	struct buf b = BUF_INIT;

	datetime_format(t, &b);
	/* "2026-03-05T10:15:00+01:00" -> "2026-03-05 10:15" */
	snprintf(out, 17, "%.10s %.5s", buf_cstr(&b), buf_cstr(&b) + 11);
	buf_free(&b);
}

enum kind
rec_kind(const struct gd_ctx *ctx)
{
	int k = kind_by_name(ctx->cmd);

	return k >= 0 && k != KIND_PLAN ? (enum kind)k : KIND_REGISTER;
}

const char *
rec_title(const struct record *rec)
{
	if (rec->doc == NULL)
		return NULL;
	return rec_str(rec->doc->root, kinds[rec->kind]->title_field);
}

int
rec_idcmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			size_t na, nb;
			int c;

			while (*a == '0' && a[1] >= '0' && a[1] <= '9')
				a++;
			while (*b == '0' && b[1] >= '0' && b[1] <= '9')
				b++;
			na = strspn(a, "0123456789");
			nb = strspn(b, "0123456789");
			if (na != nb)
				return na < nb ? -1 : 1;
			c = strncmp(a, b, na);
			if (c != 0)
				return c;
			a += na;
			b += nb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

struct gd_datetime
rec_now(const struct gd_ctx *ctx)
{
	struct gd_datetime t = date_start(ctx->today);

	if (ctx->today_given)
		t.utc += 12 * 3600;
	else
		t.utc = (int64_t)time(NULL);
	return t;
}

/* rec_open and rec_open_kind: load as how says (-1: check, else the kind
 * to load, or KIND_COUNT for every kind). */
static int
open_loaded(const struct gd_ctx *ctx, struct repo **r, struct rctx *c,
    struct diag_list *d, int how)
{
	struct check_opts co = {0};
	int rc;

	memset(c, 0, sizeof(*c));
	c->today = ctx->today;
	c->now = rec_now(ctx);
	if (repo_open(r, ctx->dir, d) < 0)
		return -1;
	co.today = ctx->today;
	if (how < 0)
		rc = check_repo(*r, &co, d);
	else if (how == KIND_COUNT)
		rc = repo_load(*r, d);
	else
		rc = repo_load_kind(*r, (enum kind)how, d);
	if (rc < 0)
		return -1;
	c->r = *r;
	c->cfg = &(*r)->cfg;
	c->locale = (*r)->cfg.locale;
	return 0;
}

int
rec_open(const struct gd_ctx *ctx, struct repo **r, struct rctx *c,
    struct diag_list *d, int check)
{
	return open_loaded(ctx, r, c, d, check ? -1 : KIND_COUNT);
}

int
rec_open_kind(const struct gd_ctx *ctx, struct repo **r, struct rctx *c,
    struct diag_list *d, enum kind k)
{
	return open_loaded(ctx, r, c, d, (int)k);
}

int
rec_width(void)
{
	struct winsize ws;

	/* Through the pager, the terminal it shows. */
	if (pager_columns() >= 20)
		return pager_columns();
	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

static int
in_kind_dir(const struct diag *dg, void *arg)
{
	const char *dir = kinds[*(const enum kind *)arg]->dir;
	size_t n = strlen(dir);

	return strncmp(dg->path, dir, n) == 0 && dg->path[n] == '/';
}

int
rec_print_load(const struct gd_ctx *ctx, enum kind k, const struct diag_list *d)
{
	struct diag_list mine = DIAG_LIST_INIT;
	size_t i;
	int bad;

	for (i = 0; i < d->n; i++)
		if (in_kind_dir(&d->v[i], &k))
			diag_push(&mine, &d->v[i]);
	diag_sort(&mine);
	fflush(stdout);
	diag_print(&mine, stderr, DIAG_TEXT,
	    diag_color_enabled(ctx->color_mode, stderr));
	bad = diag_count(&mine, DIAG_ERROR) > 0;
	diag_list_free(&mine);
	return bad;
}

void
rec_fill(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	if (col->get != NULL)
		col->get(c, col, rec, v);
	else
		rv_node(v, rec_get(rec, col->field));
	if (v->type == RV_STR && v->etype == NULL)
		v->etype = col->etype;
}

void
rv_l10n(struct rv *v, const char *locale, const char *key, const char *arg)
{
	struct buf b = BUF_INIT;

	l10n_format(&b, locale, key, arg, (const char *)NULL);
	free(v->text);
	v->text = buf_detach(&b);
}

void
rec_json_value(struct jsonw *w, const struct rv *v)
{
	switch (v->type) {
	case RV_NULL:
		jsonw_null(w);
		break;
	case RV_STR:
		jsonw_str(w, v->str);
		break;
	case RV_INT:
		jsonw_int(w, v->num);
		break;
	case RV_TENTHS:
		jsonw_tenths(w, (long)v->num);
		break;
	case RV_BOOL:
		jsonw_bool(w, (int)v->num);
		break;
	}
}

int
rec_of_path(const struct diag *dg, void *path)
{
	return strcmp(dg->path, path) == 0;
}

void
rec_flush(struct buf *out)
{
	if (out->len > 0)
		fwrite(out->ptr, 1, out->len, stdout);
	buf_reset(out);
}

/* "a, b or c" */
static void
or_list(struct buf *b, const char *const *v)
{
	size_t i;

	for (i = 0; v[i] != NULL; i++)
		buf_printf(b, "%s%s",
		    i == 0         ? ""
		        : v[i + 1] ? ", "
		                   : " or ",
		    v[i]);
}

/* "  --opt META   help", the help wrapped at 80 columns under itself. */
static void
opt_line(struct buf *b, const char *opt, const char *help)
{
	size_t col = 22, used = 0;

	if (strlen(opt) > 19)
		buf_printf(b, "  %s\n%*s", opt, (int)col, "");
	else
		buf_printf(b, "  %-19s ", opt);
	while (*help != '\0') {
		size_t n = strcspn(help, " ");

		if (used > 0 && col + used + 1 + n > 78) {
			buf_printf(b, "\n%*s", (int)col, "");
			used = 0;
		} else if (used > 0) {
			buf_putc(b, ' ');
			used++;
		}
		buf_add(b, help, n);
		used += n;
		help += n;
		help += strspn(help, " ");
	}
	buf_putc(b, '\n');
}

int
rec_usage(enum kind k, const char *verb)
{
	const struct kind_info *rk = kinds[k];
	const char *name = kinds[k]->name;
	struct buf b = BUF_INIT, t = BUF_INIT;
	size_t i;

	if (strcmp(verb, "list") == 0) {
		buf_printf(&b,
		    "usage: gdprctl %s list [--format table|csv|json|md] "
		    "[--status S]\n%*s[--year Y]\n\n"
		    "List the %s records, one a row, sorted by id.\n\n",
		    name, (int)(21 + strlen(name)), "", name);
		opt_line(&b, "--format F", "table (default), csv, json or md");
		buf_puts(&t, "only the records whose status is S: ");
		or_list(&t, rk->statuses);
		opt_line(&b, "--status S", t.ptr);
		buf_reset(&t);
		buf_printf(&t, "only the records of year Y, by their %s",
		    rk->year_field);
		opt_line(&b, "--year Y", t.ptr);
	} else if (strcmp(verb, "show") == 0) {
		buf_printf(&b,
		    "usage: gdprctl %s show ID [--format text|json]\n\n"
		    "Print record ID with its computed values, the "
		    "records it refers to and\nthose that refer to it; "
		    "its findings go to standard error (text) or\nto "
		    "\"findings\" (json).\n\n",
		    name);
		opt_line(&b, "--format F", "text (default) or json");
	} else {
		buf_printf(&b,
		    "%s\nWrite %s/ID.yaml from the template of the kind "
		    "with the values of the\noptions, and print its "
		    "path. An existing file is never overwritten.\nThe "
		    "file is opened in $VISUAL or $EDITOR when standard "
		    "input is a\nterminal, then checked: its findings go "
		    "to standard error.\n\n",
		    rk->new_usage, kinds[k]->dir);
		buf_printf(&t, "the id, by default the next free one: %s-%sNNN",
		    kinds[k]->prefix, rk->year_opt ? "YYYY-" : "");
		opt_line(&b, "--id ID", t.ptr);
		for (i = 0; i < rk->nopts; i++) {
			buf_reset(&t);
			buf_printf(
			    &t, "--%s %s", rk->opts[i].name, rk->opts[i].meta);
			opt_line(&b, t.ptr, rk->opts[i].help);
		}
		opt_line(&b, "--edit", "open the editor in any case");
		opt_line(&b, "--no-edit", "do not open the editor");
	}
	fputs(b.ptr, stdout);
	buf_free(&b);
	buf_free(&t);
	return EXIT_OK;
}
