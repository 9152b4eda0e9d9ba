/* report register: the Art. 30 record of processing activities. */
#include "csv.h"
#include "l10n.h"
#include "md.h"
#include "report.h"

static const struct yml_node *
seq_item(const struct yml_node *seq, size_t i)
{
	return seq != NULL && seq->type == YML_SEQ && i < seq->n ? seq->items[i]
	                                                         : NULL;
}

static size_t
seq_len(const struct yml_node *n)
{
	return n != NULL && n->type == YML_SEQ ? n->n : 0;
}

/* v, or in Markdown (md non-NULL) its label when it is a value of enum. */
static const char *
shown(const struct report_ctx *md, const char *en, const char *v)
{
	return md != NULL && en != NULL ? rep_enum(md, en, v) : v;
}

/*
 * The items of seq with keys ka and kb (legal_basis, transfers) as
 * "contract (Arbeidsavtalen)" in CSV, or as "label: reference" in Markdown
 * (md is then non-NULL), where a value of a key with an enum (ea, eb
 * non-NULL) shows as its label.
 */
static void
join_pairs(const struct report_ctx *md, struct buf *b,
    const struct yml_node *seq, const char *sep, const char *ka, const char *ea,
    const char *kb, const char *eb)
{
	size_t i, k = 0;

	for (i = 0; i < seq_len(seq); i++) {
		const struct yml_node *it = seq_item(seq, i);
		const char *va = rep_str(it, ka);
		const char *vb = rep_str(it, kb);

		if (va == NULL && vb == NULL)
			continue;
		if (k++ > 0)
			buf_puts(b, sep);
		if (va != NULL)
			buf_puts(b, shown(md, ea, va));
		if (va != NULL && vb != NULL)
			buf_puts(b, md != NULL ? ": " : " (");
		if (vb != NULL)
			buf_puts(b, shown(md, eb, vb));
		if (va != NULL && vb != NULL && md == NULL)
			buf_putc(b, ')');
	}
}

/* Processor ids, in Markdown with the processor's name from its dpa. */
static void
join_processors(const struct report_ctx *x, struct buf *b,
    const struct yml_node *seq, int md)
{
	size_t i, k = 0;

	for (i = 0; i < seq_len(seq); i++) {
		const struct yml_node *it = seq_item(seq, i);
		const struct record *dpa;
		const char *name = NULL;

		if (!yml_is_scalar(it) || it->type == YML_NULL)
			continue;
		if (k++ > 0)
			buf_puts(b, md ? "\n" : "; ");
		buf_puts(b, it->str);
		if (!md)
			continue;
		dpa = repo_find(x->r, KIND_DPA, it->str);
		if (dpa != NULL && dpa->doc != NULL)
			name = rep_str(
			    yml_get(dpa->doc->root, "processor"), "name");
		if (name != NULL)
			buf_printf(b, " (%s)", name);
	}
}

static void
md_row(struct md_table *t, const struct report_ctx *x, const char *key,
    const char *value)
{
	md_table_cell(t, rep_label(x, key));
	md_table_cell(t, value);
	md_table_row_end(t);
}

static void
md_person(struct buf *b, const char *name, const char *contact)
{
	if (name != NULL)
		buf_puts(b, name);
	if (contact != NULL)
		buf_printf(b, "%s%s", name != NULL ? "\n" : "", contact);
}

static void
md_entry(const struct report_ctx *x, const struct record *rec, struct buf *out)
{
	const struct yml_node *m = rec->doc->root;
	const char *name = rep_str(m, "name"), *dpia = rep_str(m, "dpia");
	struct md_table t;
	struct buf b = BUF_INIT;

	buf_puts(&b, rec->id != NULL ? rec->id : rec->path);
	if (name != NULL)
		buf_printf(&b, " %s", name);
	md_heading(out, 2, b.ptr);
	md_table_begin(&t, out, 2);
	md_table_header(&t, rep_label(x, "col.field"), MD_LEFT);
	md_table_header(&t, rep_label(x, "col.value"), MD_LEFT);
	md_row(&t, x, "field.name", name);
	md_row(&t, x, "field.system", rep_str(m, "system"));
	md_row(&t, x, "field.purpose", rep_str(m, "purpose"));
	buf_reset(&b);
	rep_join(x, &b, yml_get(m, "department"), "\n", NULL);
	md_row(&t, x, "field.department", buf_cstr(&b));
	md_row(&t, x, "field.system_owner", rep_str(m, "system_owner"));
	md_row(&t, x, "field.system_responsible",
	    rep_str(m, "system_responsible"));
	buf_reset(&b);
	rep_join(x, &b, yml_get(m, "data_subjects"), "\n", NULL);
	md_row(&t, x, "field.data_subjects", buf_cstr(&b));
	buf_reset(&b);
	rep_join(x, &b, yml_get(m, "data_categories"), "\n", NULL);
	md_row(&t, x, "field.data_categories", buf_cstr(&b));
	buf_reset(&b);
	rep_join(
	    x, &b, yml_get(m, "special_categories"), "\n", "special-category");
	md_row(&t, x, "field.special_categories", buf_cstr(&b));
	buf_reset(&b);
	join_pairs(x, &b, yml_get(m, "legal_basis"), "\n", "basis",
	    "legal-basis", "reference", NULL);
	md_row(&t, x, "field.legal_basis", buf_cstr(&b));
	md_row(&t, x, "field.art9_condition",
	    rep_enum(x, "art9-condition", rep_str(m, "art9_condition")));
	buf_reset(&b);
	rep_join(x, &b, yml_get(m, "recipients"), "\n", NULL);
	md_row(&t, x, "field.recipients", buf_cstr(&b));
	buf_reset(&b);
	join_processors(x, &b, yml_get(m, "processors"), 1);
	md_row(&t, x, "field.processors", buf_cstr(&b));
	buf_reset(&b);
	join_pairs(x, &b, yml_get(m, "transfers"), "\n", "country", NULL,
	    "safeguard", "safeguard");
	md_row(&t, x, "field.transfers", buf_cstr(&b));
	md_row(&t, x, "field.retention", rep_str(m, "retention"));
	buf_reset(&b);
	rep_join(x, &b, yml_get(m, "security_measures"), "\n", NULL);
	md_row(&t, x, "field.security_measures", buf_cstr(&b));
	md_row(&t, x, "field.dpia", rep_enum(x, "dpia", dpia));
	buf_reset(&b);
	rep_join(x, &b, yml_get(m, "ros"), "\n", NULL);
	md_row(&t, x, "field.ros", buf_cstr(&b));
	md_row(&t, x, "field.status",
	    rep_enum(x, "register-status", rep_str(m, "status")));
	md_row(&t, x, "field.reviewed", rep_str(m, "reviewed"));
	md_table_end(&t);
	buf_free(&b);
}

static void
render_md(const struct report_ctx *x, struct buf *out)
{
	const struct config *cfg = &x->r->cfg;
	const struct record *rec;
	struct md_table t;
	struct buf b = BUF_INIT;
	char count[24];
	size_t n = 0;

	rep_md_title(x, out, rep_label(x, "report.register.title"), 0);
	md_heading(out, 2, rep_label(x, "report.register.organisation"));
	md_table_begin(&t, out, 2);
	md_table_header(&t, rep_label(x, "col.field"), MD_LEFT);
	md_table_header(&t, rep_label(x, "col.value"), MD_LEFT);
	md_row(&t, x, "report.register.organisation", cfg->org_name);
	md_person(&b, cfg->controller_name, cfg->controller_contact);
	md_row(&t, x, "report.register.controller", buf_cstr(&b));
	buf_reset(&b);
	if (cfg->dpo_name != NULL || cfg->dpo_contact != NULL)
		md_person(&b, cfg->dpo_name, cfg->dpo_contact);
	else
		buf_puts(&b, rep_label(x, "report.register.no_dpo"));
	md_row(&t, x, "report.register.dpo", buf_cstr(&b));
	md_table_end(&t);

	for (rec = repo_next(x->r, KIND_REGISTER, NULL); rec != NULL;
	     rec = repo_next(x->r, KIND_REGISTER, rec))
		n += rep_is_active(rec);
	snprintf(count, sizeof(count), "%zu", n);
	buf_reset(&b);
	l10n_format(&b, x->locale, "report.register.count", count, NULL);
	md_escape_inline(out, b.ptr, b.len);
	buf_puts(out, "\n\n");
	for (rec = repo_next(x->r, KIND_REGISTER, NULL); rec != NULL;
	     rec = repo_next(x->r, KIND_REGISTER, rec))
		if (rep_is_active(rec))
			md_entry(x, rec, out);
	rep_md_provenance(x, out);
	buf_free(&b);
}

static void
csv_list(struct csv *c, const struct report_ctx *x, const struct yml_node *n)
{
	struct buf b = BUF_INIT;

	rep_join(x, &b, n, "; ", NULL);
	csv_cell(c, b.len > 0 ? b.ptr : NULL);
	buf_free(&b);
}

static void
render_csv(const struct report_ctx *x, struct buf *out)
{
	const struct record *rec;
	struct buf b = BUF_INIT;
	struct csv c;

	csv_init(&c, out);
	csv_header(&c,
	    "id,name,system,purpose,data_subjects,data_categories,"
	    "special_categories,legal_basis,recipients,processors,transfers,"
	    "retention,security_measures,dpia,status,reviewed");
	for (rec = repo_next(x->r, KIND_REGISTER, NULL); rec != NULL;
	     rec = repo_next(x->r, KIND_REGISTER, rec)) {
		const struct yml_node *m;

		if (!rep_is_active(rec))
			continue;
		m = rec->doc->root;
		csv_cell(&c, rep_str(m, "id"));
		csv_cell(&c, rep_str(m, "name"));
		csv_cell(&c, rep_str(m, "system"));
		csv_cell(&c, rep_str(m, "purpose"));
		csv_list(&c, x, yml_get(m, "data_subjects"));
		csv_list(&c, x, yml_get(m, "data_categories"));
		csv_list(&c, x, yml_get(m, "special_categories"));
		buf_reset(&b);
		join_pairs(NULL, &b, yml_get(m, "legal_basis"), "; ", "basis",
		    "legal-basis", "reference", NULL);
		csv_cell(&c, b.len > 0 ? b.ptr : NULL);
		csv_list(&c, x, yml_get(m, "recipients"));
		buf_reset(&b);
		join_processors(x, &b, yml_get(m, "processors"), 0);
		csv_cell(&c, b.len > 0 ? b.ptr : NULL);
		buf_reset(&b);
		join_pairs(NULL, &b, yml_get(m, "transfers"), "; ", "country",
		    NULL, "safeguard", "safeguard");
		csv_cell(&c, b.len > 0 ? b.ptr : NULL);
		csv_cell(&c, rep_str(m, "retention"));
		csv_list(&c, x, yml_get(m, "security_measures"));
		csv_cell(&c, rep_str(m, "dpia"));
		csv_cell(&c, rep_str(m, "status"));
		csv_cell(&c, rep_str(m, "reviewed"));
		csv_row_end(&c);
	}
	buf_free(&b);
}

static void
json_person(
    struct jsonw *w, const char *key, const char *name, const char *contact)
{
	jsonw_key(w, key);
	if (name == NULL && contact == NULL) {
		jsonw_null(w);
		return;
	}
	jsonw_obj_begin(w);
	jsonw_key(w, "name");
	jsonw_str(w, name);
	jsonw_key(w, "contact");
	jsonw_str(w, contact);
	jsonw_obj_end(w);
}

static void
json_str(struct jsonw *w, const struct yml_node *m, const char *key)
{
	jsonw_key(w, key);
	jsonw_str(w, rep_str(m, key));
}

static void
json_list(struct jsonw *w, const struct yml_node *m, const char *key)
{
	jsonw_key(w, key);
	rep_json_strs(w, yml_get(m, key));
}

/* An array of the mappings of seq with the string members k1 and k2. */
static void
json_pairs(struct jsonw *w, const struct yml_node *m, const char *key,
    const char *k1, const char *k2)
{
	const struct yml_node *seq = yml_get(m, key);
	size_t i;

	jsonw_key(w, key);
	jsonw_arr_begin(w);
	for (i = 0; i < seq_len(seq); i++) {
		const struct yml_node *it = seq_item(seq, i);

		if (it->type != YML_MAP)
			continue;
		jsonw_obj_begin(w);
		json_str(w, it, k1);
		json_str(w, it, k2);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
}

static void
render_json(const struct report_ctx *x, struct buf *out)
{
	const struct config *cfg = &x->r->cfg;
	const struct record *rec;
	struct jsonw w;

	jsonw_init(&w, out, 1);
	rep_json_begin(&w, "register");
	jsonw_key(&w, "organisation");
	jsonw_obj_begin(&w);
	jsonw_key(&w, "name");
	jsonw_str(&w, cfg->org_name);
	jsonw_key(&w, "country");
	jsonw_str(&w, cfg->country);
	jsonw_key(&w, "public_authority");
	jsonw_bool(&w, cfg->public_authority);
	jsonw_obj_end(&w);
	json_person(
	    &w, "controller", cfg->controller_name, cfg->controller_contact);
	json_person(&w, "dpo", cfg->dpo_name, cfg->dpo_contact);
	jsonw_key(&w, "entries");
	jsonw_arr_begin(&w);
	for (rec = repo_next(x->r, KIND_REGISTER, NULL); rec != NULL;
	     rec = repo_next(x->r, KIND_REGISTER, rec)) {
		const struct yml_node *m;

		if (!rep_is_active(rec))
			continue;
		m = rec->doc->root;
		jsonw_obj_begin(&w);
		json_str(&w, m, "id");
		json_str(&w, m, "name");
		json_str(&w, m, "system");
		json_str(&w, m, "purpose");
		json_list(&w, m, "department");
		json_str(&w, m, "system_owner");
		json_str(&w, m, "system_responsible");
		json_list(&w, m, "data_subjects");
		json_list(&w, m, "data_categories");
		json_list(&w, m, "special_categories");
		json_pairs(&w, m, "legal_basis", "basis", "reference");
		json_str(&w, m, "art9_condition");
		json_list(&w, m, "recipients");
		json_list(&w, m, "processors");
		json_pairs(&w, m, "transfers", "country", "safeguard");
		json_str(&w, m, "retention");
		json_list(&w, m, "security_measures");
		json_str(&w, m, "dpia");
		json_list(&w, m, "ros");
		json_str(&w, m, "status");
		json_str(&w, m, "reviewed");
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	rep_json_end(x, &w);
}

int
report_register(const struct report_ctx *x, struct buf *out)
{
	switch (x->format) {
	case REPORT_MD:
		render_md(x, out);
		break;
	case REPORT_CSV:
		render_csv(x, out);
		break;
	case REPORT_JSON:
		render_json(x, out);
		break;
	}
	return 0;
}
