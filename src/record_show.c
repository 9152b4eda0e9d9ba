/* gdprctl KIND show: one record with its computed values, references and
 * findings, as text or JSON. */
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "l10n.h"
#include "record.h"
#include "record_kind.h"
#include "table.h"
#include "utf8.h"
#include "xalloc.h"

/* The record's keys take at most this many columns before the values. */
#define KEY_MAX 26

struct text {
	struct buf *out;
	size_t width;
	int color;
	const char *locale;
};

static void
pad(struct buf *out, size_t n)
{
	buf_fill(out, ' ', n);
}

static int
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Append s[0..len) with anything that could move the cursor replaced. */
static size_t
put_clean(struct buf *out, const char *s, size_t len)
{
	size_t i, n, w = 0;
	uint32_t cp;

	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == '\t') {
			buf_putc(out, ' ');
			w++;
			continue;
		}
		if (cp == UTF8_BAD || cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
		    is_bidi_control(cp)) {
			buf_puts(out, "\xEF\xBF\xBD");
			w++;
			continue;
		}
		buf_add(out, s + i, n);
		w += (size_t)utf8_cpwidth(cp);
	}
	return w;
}

/*
 * Append s wrapped at word boundaries into the columns from col to width;
 * the cursor is at col already, and continuation lines are indented to
 * it. Ends with a newline.
 */
static void
wrap(const struct text *t, const char *s, size_t col)
{
	size_t avail = t->width > col + 16 ? t->width - col : 16;
	size_t used = 0;

	while (*s != '\0') {
		size_t wl, ww;

		if (*s == '\n') {
			buf_putc(t->out, '\n');
			pad(t->out, col);
			used = 0;
			s++;
			continue;
		}
		if (*s == ' ' || *s == '\t') {
			s++;
			continue;
		}
		wl = strcspn(s, " \t\n");
		ww = utf8_width(s, wl);
		if (used > 0 && used + 1 + ww > avail) {
			buf_putc(t->out, '\n');
			pad(t->out, col);
			used = 0;
		} else if (used > 0) {
			buf_putc(t->out, ' ');
			used++;
		}
		/* A word wider than the line is broken where it must be. */
		while (ww > avail - used && used == 0 && wl > 0) {
			size_t i = 0, w = 0, n;
			uint32_t cp;

			while (i < wl) {
				n = utf8_decode(s + i, wl - i, &cp);
				if (w + (size_t)utf8_cpwidth(cp) > avail)
					break;
				w += (size_t)utf8_cpwidth(cp);
				i += n;
			}
			if (i == 0)
				break;
			put_clean(t->out, s, i);
			buf_putc(t->out, '\n');
			pad(t->out, col);
			s += i;
			wl -= i;
			ww = utf8_width(s, wl);
		}
		used += put_clean(t->out, s, wl);
		s += wl;
	}
	buf_putc(t->out, '\n');
}

static void
heading(const struct text *t, const char *label)
{
	buf_puts(t->out, "\n");
	if (t->color)
		buf_puts(t->out, "\033[1m");
	put_clean(t->out, label, strlen(label));
	if (t->color)
		buf_puts(t->out, "\033[0m");
	buf_putc(t->out, '\n');
}

/* The record as it is written. */

static int
all_scalars(const struct yml_node *seq)
{
	size_t i;

	for (i = 0; i < seq->n; i++)
		if (!yml_is_scalar(seq->items[i]))
			return 0;
	return 1;
}

static const char *
scalar_text(const struct yml_node *n)
{
	return n->type == YML_NULL || n->str == NULL ? "" : n->str;
}

/* The widest key with its indentation, as field_line lays them out. */
static size_t
key_width(const struct yml_node *n, size_t indent)
{
	size_t i, j, w = 0, k;

	if (n->type == YML_MAP) {
		for (i = 0; i < n->n; i++) {
			k = indent +
			    utf8_width(
			        n->pairs[i].key->str, n->pairs[i].key->len);
			if (k > w)
				w = k;
			k = key_width(n->pairs[i].val, indent + 2);
			if (k > w)
				w = k;
		}
	} else if (n->type == YML_SEQ) {
		for (i = 0; i < n->n; i++) {
			const struct yml_node *it = n->items[i];

			if (it->type != YML_MAP)
				continue;
			for (j = 0; j < it->n; j++) {
				k = indent + 2 +
				    utf8_width(it->pairs[j].key->str,
				        it->pairs[j].key->len);
				if (k > w)
					w = k;
				k = key_width(it->pairs[j].val, indent + 4);
				if (k > w)
					w = k;
			}
		}
	}
	return w;
}

/* Move from column col to the value column kw (a new line if past it). */
static void
to_value(const struct text *t, size_t col, size_t kw)
{
	if (col + 2 > kw) {
		buf_putc(t->out, '\n');
		pad(t->out, kw);
	} else {
		pad(t->out, kw - col);
	}
}

static void field_line(const struct text *t, size_t kw, size_t indent,
    const char *prefix, const char *key, const struct yml_node *n);

static void
map_lines(const struct text *t, size_t kw, size_t indent,
    const struct yml_node *map, int item)
{
	size_t j;

	for (j = 0; j < map->n; j++)
		field_line(t, kw, indent,
		    !item        ? ""
		        : j == 0 ? "- "
		                 : "  ",
		    map->pairs[j].key->str, map->pairs[j].val);
}

static void
field_line(const struct text *t, size_t kw, size_t indent, const char *prefix,
    const char *key, const struct yml_node *n)
{
	size_t i, col;

	pad(t->out, indent);
	buf_puts(t->out, prefix);
	col = indent + strlen(prefix) + put_clean(t->out, key, strlen(key));
	if (yml_is_scalar(n)) {
		to_value(t, col, kw);
		wrap(t, scalar_text(n), kw);
	} else if (n->type == YML_SEQ && all_scalars(n)) {
		if (n->n == 0)
			buf_putc(t->out, '\n');
		for (i = 0; i < n->n; i++) {
			if (i == 0)
				to_value(t, col, kw);
			else
				pad(t->out, kw);
			buf_puts(t->out, n->n > 1 ? "- " : "");
			wrap(t, scalar_text(n->items[i]),
			    kw + (n->n > 1 ? 2 : 0));
		}
	} else if (n->type == YML_SEQ) {
		buf_putc(t->out, '\n');
		for (i = 0; i < n->n; i++) {
			if (n->items[i]->type == YML_MAP)
				map_lines(t, kw, indent + strlen(prefix) + 2,
				    n->items[i], 1);
			else
				field_line(t, kw, indent + strlen(prefix) + 2,
				    "- ", "", n->items[i]);
		}
	} else {
		buf_putc(t->out, '\n');
		map_lines(t, kw, indent + strlen(prefix) + 2, n, 0);
	}
}

/* The computed values. */

static const char *
label_of(const struct text *t, const struct rnode *n)
{
	return n->label != NULL ? l10n_get(t->locale, n->label) : n->key;
}

/* An array of objects as a table, indented by two; values without a
 * label are for JSON only. */
static void
node_table(const struct text *t, const struct rnode *arr)
{
	const struct rnode *first = arr->kids[0];
	struct buf tb = BUF_INIT, scratch = BUF_INIT;
	struct table *tab;
	size_t i, j, col, ncols = 0, start;

	for (j = 0; j < first->n; j++)
		ncols += first->kids[j]->label != NULL;
	tab = table_new(ncols);
	for (j = 0, col = 0; j < first->n; j++) {
		const struct rnode *k = first->kids[j];

		if (k->label == NULL)
			continue;
		table_header(tab, col, label_of(t, k),
		    k->v.type == RV_INT    ? TABLE_RIGHT
		        : col + 1 == ncols ? TABLE_LEFT | TABLE_SHRINK
		                           : TABLE_LEFT);
		col++;
	}
	for (i = 0; i < arr->n; i++) {
		table_add_row(tab);
		for (j = 0, col = 0; j < arr->kids[i]->n; j++) {
			const struct rnode *k = arr->kids[i]->kids[j];

			if (k->label == NULL)
				continue;
			table_cell_color(tab, col++,
			    rv_display(&k->v, t->locale, &scratch), k->v.color);
		}
	}
	table_render(tab, &tb, (int)t->width - 2, t->color);
	for (start = 0; start < tb.len;) {
		const char *nl = memchr(tb.ptr + start, '\n', tb.len - start);
		size_t end = nl ? (size_t)(nl - tb.ptr) + 1 : tb.len;

		pad(t->out, 2);
		buf_add(t->out, tb.ptr + start, end - start);
		start = end;
	}
	table_free(tab);
	buf_free(&tb);
	buf_free(&scratch);
}

static void
node_values(const struct text *t, const struct rnode *obj)
{
	struct buf scratch = BUF_INIT;
	size_t i, kw = 0;

	for (i = 0; i < obj->n; i++) {
		size_t w;

		if (obj->kids[i]->type != RN_VALUE)
			continue;
		w = utf8_width(label_of(t, obj->kids[i]),
		    strlen(label_of(t, obj->kids[i])));
		if (w > kw)
			kw = w;
	}
	kw = (kw > KEY_MAX ? KEY_MAX : kw) + 4;
	for (i = 0; i < obj->n; i++) {
		const struct rnode *k = obj->kids[i];
		const char *s;
		size_t col;

		if (k->type != RN_VALUE)
			continue;
		pad(t->out, 2);
		col = 2 +
		    put_clean(t->out, label_of(t, k), strlen(label_of(t, k)));
		to_value(t, col, kw);
		s = rv_display(&k->v, t->locale, &scratch);
		if (t->color && k->v.color != NULL)
			buf_printf(t->out, "\033[%sm", k->v.color);
		wrap(t, *s ? s : "-", kw);
		if (t->color && k->v.color != NULL) {
			buf_truncate(t->out, t->out->len - 1);
			buf_puts(t->out, "\033[0m\n");
		}
	}
	for (i = 0; i < obj->n; i++) {
		const struct rnode *k = obj->kids[i];

		if (k->type == RN_ARRAY && k->n > 0) {
			buf_putc(t->out, '\n');
			pad(t->out, 2);
			put_clean(
			    t->out, label_of(t, k), strlen(label_of(t, k)));
			buf_putc(t->out, '\n');
			node_table(t, k);
		}
	}
	buf_free(&scratch);
}

/* JSON. */

static void
json_node(struct jsonw *w, const struct yml_node *n)
{
	size_t i;

	switch (n->type) {
	case YML_NULL:
		jsonw_null(w);
		break;
	case YML_BOOL:
		jsonw_bool(w, n->boolean);
		break;
	case YML_INT:
		if (n->is_big)
			jsonw_double(w, n->num);
		else
			jsonw_int(w, n->ival);
		break;
	case YML_FLOAT:
		jsonw_double(w, n->num);
		break;
	case YML_STR:
		jsonw_strn(w, n->str, n->len);
		break;
	case YML_SEQ:
		jsonw_arr_begin(w);
		for (i = 0; i < n->n; i++)
			json_node(w, n->items[i]);
		jsonw_arr_end(w);
		break;
	case YML_MAP:
		jsonw_obj_begin(w);
		for (i = 0; i < n->n; i++) {
			jsonw_key(w, n->pairs[i].key->str);
			json_node(w, n->pairs[i].val);
		}
		jsonw_obj_end(w);
		break;
	}
}

static void
json_rnode(struct jsonw *w, const struct rnode *n)
{
	size_t i;

	switch (n->type) {
	case RN_VALUE:
		rec_json_value(w, &n->v);
		break;
	case RN_OBJECT:
		jsonw_obj_begin(w);
		for (i = 0; i < n->n; i++) {
			jsonw_key(w, n->kids[i]->key);
			json_rnode(w, n->kids[i]);
		}
		jsonw_obj_end(w);
		break;
	case RN_ARRAY:
		jsonw_arr_begin(w);
		for (i = 0; i < n->n; i++)
			json_rnode(w, n->kids[i]);
		jsonw_arr_end(w);
		break;
	}
}

/* References to and from the record. */

static void
add_ref(const struct rctx *c, struct rnode *arr, const char *field, enum kind k,
    const char *id, const struct record *target)
{
	struct rnode *o = rnode_add(arr, RN_OBJECT, NULL, NULL);
	struct rv *v;

	rv_str(rnode_val(o, "field", "rec.col.field"), field);
	rv_str(rnode_val(o, "kind", NULL), kinds[k]->name);
	rv_str(rnode_val(o, "id", "col.id"), id);
	rv_bool(rnode_val(o, "found", NULL), target != NULL);
	v = rnode_val(o, "title", "col.title");
	rv_str(v, target ? rec_title(target) : NULL);
	if (target == NULL) {
		rv_l10n(v, c->locale, "rec.not_found", NULL);
		v->color = RC_BAD;
	}
}

static void
references(const struct rctx *c, const struct record *rec, struct rnode *out)
{
	const struct kind_info *rk = kinds[rec->kind];
	struct rnode *to =
	    rnode_add(out, RN_ARRAY, "references", "rec.references");
	struct rnode *from =
	    rnode_add(out, RN_ARRAY, "referenced_by", "rec.referenced_by");
	const struct record *o;
	size_t i, j;

	for (i = 0; i < rk->nrefs; i++) {
		const struct yml_node *n =
		    yml_get(rec->doc->root, rk->refs[i].field);
		size_t cnt = n && n->type == YML_SEQ ? n->n : 1;

		for (j = 0; n != NULL && j < cnt; j++) {
			const struct yml_node *it =
			    n->type == YML_SEQ ? n->items[j] : n;
			enum kind tk = rk->refs[i].target;

			/* dpia: not-required is no reference. */
			if (it->type != YML_STR ||
			    strncmp(it->str, kinds[tk]->prefix,
			        strlen(kinds[tk]->prefix)) != 0)
				continue;
			add_ref(c, to, rk->refs[i].field, tk, it->str,
			    repo_find(c->r, tk, it->str));
		}
	}
	for (i = 0; i < c->r->n; i++) {
		const struct kind_info *ok;

		o = &c->r->recs[i];
		if (o->doc == NULL || o->id == NULL)
			continue;
		ok = kinds[o->kind];
		for (j = 0; j < ok->nrefs; j++)
			if (ok->refs[j].target == rec->kind &&
			    rec_names(o->doc->root, ok->refs[j].field, rec->id))
				add_ref(c, from, ok->refs[j].field, o->kind,
				    o->id, o);
	}
}

static struct rnode *
build(const struct rctx *c, const struct record *rec)
{
	const struct kind_info *rk = kinds[rec->kind];
	struct rnode *root = rnode_new(RN_OBJECT, NULL, NULL);
	struct rnode *comp =
	    rnode_add(root, RN_OBJECT, "computed", "rec.computed");
	size_t i;

	for (i = 0; i < rk->ncols; i++)
		if (rk->cols[i].where & RC_SHOW)
			rec_fill(c, &rk->cols[i], rec->doc->root,
			    rnode_val(
			        comp, rk->cols[i].key, rk->cols[i].label));
	if (rk->computed != NULL)
		rk->computed(c, rec, comp);
	references(c, rec, root);
	return root;
}

static void
show_text(const struct gd_ctx *ctx, const struct rctx *c,
    const struct record *rec, const struct rnode *root, struct buf *out)
{
	struct text t = {out, (size_t)rec_width(), ctx->color_out, c->locale};
	const char *title = rec_title(rec);
	size_t i, kw;

	if (t.color)
		buf_puts(out, "\033[1m");
	put_clean(out, rec->id, strlen(rec->id));
	if (title != NULL) {
		buf_puts(out, "  ");
		put_clean(out, title, strlen(title));
	}
	if (t.color)
		buf_puts(out, "\033[0m");
	buf_printf(out, "\n%s\n\n", rec->path);
	kw = key_width(rec->doc->root, 0);
	kw = (kw > KEY_MAX ? KEY_MAX : kw) + 2;
	map_lines(&t, kw, 0, rec->doc->root, 0);
	for (i = 0; i < root->n; i++) {
		const struct rnode *sec = root->kids[i];

		if (sec->n == 0)
			continue;
		heading(&t, label_of(&t, sec));
		if (sec->type == RN_OBJECT)
			node_values(&t, sec);
		else
			node_table(&t, sec);
	}
}

static void
show_json(const struct record *rec, const struct rnode *root,
    const struct diag_list *d, struct buf *out)
{
	struct jsonw w;
	size_t i;

	jsonw_init(&w, out, 1);
	jsonw_obj_begin(&w);
	jsonw_key(&w, "kind");
	jsonw_str(&w, kinds[rec->kind]->name);
	jsonw_key(&w, "path");
	jsonw_str(&w, rec->path);
	jsonw_key(&w, "record");
	json_node(&w, rec->doc->root);
	for (i = 0; i < root->n; i++) {
		jsonw_key(&w, root->kids[i]->key);
		json_rnode(&w, root->kids[i]);
	}
	jsonw_key(&w, "findings");
	diag_json(d, &w);
	jsonw_obj_end(&w);
}

/* The record of kind k with id, or the file <dir>/<id>.yaml that did not
 * load (NULL and *broken set), or neither. */
static const struct record *
lookup(const struct repo *r, enum kind k, const char *id,
    const struct record **broken)
{
	const struct record *rec = repo_find(r, k, id);
	struct buf p = BUF_INIT;

	*broken = NULL;
	if (rec != NULL)
		return rec;
	buf_printf(&p, "%s/%s.yaml", kinds[k]->dir, id);
	for (rec = NULL; (rec = repo_next(r, k, rec)) != NULL;)
		if (rec->doc == NULL && strcmp(rec->path, p.ptr) == 0)
			*broken = rec;
	buf_free(&p);
	return NULL;
}

int
record_show(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	enum kind k = rec_kind(ctx);
	const char *name = kinds[k]->name;
	struct diag_list d = DIAG_LIST_INIT;
	const struct record *rec, *broken;
	struct rnode *root = NULL;
	struct buf out = BUF_INIT;
	struct repo *r = NULL;
	struct rctx c;
	int ch, json = 0, rc = EXIT_FAIL;

	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "text") != 0 &&
			    strcmp(optarg, "json") != 0)
				return usage_error(name,
				    "--format takes text or json, "
				    "not '%s'",
				    optarg);
			json = strcmp(optarg, "json") == 0;
			break;
		case 'h':
			return rec_usage(k, "show");
		default:
			return opt_error(name, ch, argv);
		}
	}
	if (optind + 1 != argc)
		return usage_error(name, "%s show takes one id", name);
	if (rec_open(ctx, &r, &c, &d, 1) < 0)
		goto done;
	rec = lookup(r, k, argv[optind], &broken);
	if (rec == NULL && broken != NULL) {
		diag_retain(&d, rec_of_path, broken->path);
		diag_sort(&d);
		diag_print(&d, stderr, DIAG_TEXT,
		    diag_color_enabled(ctx->color_mode, stderr));
		rc = EXIT_FINDINGS;
		goto done;
	}
	if (rec == NULL) {
		diag_error("no %s record with id '%s'", name, argv[optind]);
		goto done;
	}
	diag_retain(&d, rec_of_path, rec->path);
	diag_sort(&d);
	root = build(&c, rec);
	if (json) {
		show_json(rec, root, &d, &out);
		rec_flush(&out);
	} else {
		show_text(ctx, &c, rec, root, &out);
		rec_flush(&out);
		fflush(stdout);
		diag_print(&d, stderr, DIAG_TEXT,
		    diag_color_enabled(ctx->color_mode, stderr));
	}
	rc = EXIT_OK;
done:
	rnode_free(root);
	buf_free(&out);
	repo_free(r);
	diag_list_free(&d);
	return rc;
}
