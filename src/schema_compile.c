/*
 * Schema compilation: keywords checked and pre-parsed once per run, patterns
 * compiled, $refs resolved inside and between the files of a set.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "schema_data.h"
#include "schema_int.h"
#include "xalloc.h"

/*
 * Longest chain of subschemas applied to one instance node ($ref, allOf,
 * if, ...); bounds the recursion of validation.
 */
#define MAX_CHAIN 128

struct comp {
	struct schema_set *set;
	struct schema_doc *sd;
	struct diag_list *d;
	int errors;
};

static void cerr(struct comp *c, const struct yml_node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
cerr(struct comp *c, const struct yml_node *n, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	diag_add(c->d, c->sd->doc->path, n->line, n->col, RULE_SCHEMA,
	    "invalid schema: %s", buf_cstr(&b));
	buf_free(&b);
	c->errors++;
}

static int
key_is(const struct yml_node *k, const char *name)
{
	size_t n = strlen(name);

	return k->len == n && memcmp(k->str, name, n) == 0;
}

static int
is_whole(const struct yml_node *n)
{
	return n->type == YML_INT ||
	    (n->type == YML_FLOAT && isfinite(n->num) &&
	        n->num == floor(n->num));
}

static int
is_number(const struct yml_node *n)
{
	return n->type == YML_INT || (n->type == YML_FLOAT && !isnan(n->num));
}

static struct schema *compile(struct comp *c, const struct yml_node *n);

static struct schema *
sub(struct comp *c, const struct yml_node *n, const char *kw)
{
	if (n->type != YML_MAP && n->type != YML_BOOL) {
		cerr(c, n, "\"%s\" must be a schema (an object or a boolean)",
		    kw);
		return NULL;
	}
	return compile(c, n);
}

static void
sub_list(struct comp *c, const struct yml_node *n, const char *kw,
    struct schema_list *l)
{
	if (n->type != YML_SEQ || n->n == 0) {
		cerr(c, n, "\"%s\" must be a non-empty array of schemas", kw);
		return;
	}
	l->v = xcalloc(n->n, sizeof *l->v);
	l->n = n->n;
	for (size_t i = 0; i < n->n; i++)
		l->v[i] = sub(c, n->items[i], kw);
}

static int
count(struct comp *c, const struct yml_node *n, const char *kw, size_t *out)
{
	if (!is_whole(n) || n->num < 0) {
		cerr(c, n, "\"%s\" must be a non-negative integer", kw);
		return -1;
	}
	if (n->type == YML_INT && !n->is_big)
		*out = (size_t)n->ival;
	else
		*out = n->num >= (double)SIZE_MAX ? SIZE_MAX : (size_t)n->num;
	return 0;
}

static int
number(struct comp *c, const struct yml_node *n, const char *kw)
{
	if (!is_number(n)) {
		cerr(c, n, "\"%s\" must be a number", kw);
		return -1;
	}
	return 0;
}

static int
string_array(struct comp *c, const struct yml_node *n, const char *kw)
{
	if (n->type != YML_SEQ) {
		cerr(c, n, "\"%s\" must be an array of strings", kw);
		return -1;
	}
	for (size_t i = 0; i < n->n; i++) {
		if (n->items[i]->type != YML_STR) {
			cerr(c, n->items[i],
			    "\"%s\" must be an array of strings", kw);
			return -1;
		}
		for (size_t j = 0; j < i; j++)
			if (schema_node_equal(n->items[i], n->items[j])) {
				cerr(c, n->items[i],
				    "\"%s\" lists \"%s\" twice", kw,
				    n->items[i]->str);
				return -1;
			}
	}
	return 0;
}

static unsigned
type_bit(const struct yml_node *n)
{
	static const struct {
		const char *name;
		unsigned bit;
	} types[] = {
	    {"null", ST_NULL},
	    {"boolean", ST_BOOL},
	    {"integer", ST_INT},
	    {"number", ST_NUM | ST_INT},
	    {"string", ST_STR},
	    {"array", ST_ARR},
	    {"object", ST_OBJ},
	};

	if (n->type != YML_STR)
		return 0;
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (key_is(n, types[i].name))
			return types[i].bit;
	return 0;
}

static void
kw_type(struct comp *c, struct schema *s, const struct yml_node *v)
{
	static const char msg[] = "\"type\" must be one of null, boolean, "
	                          "integer, number, string, array, object, "
	                          "or an array of them";
	unsigned b;

	if (v->type == YML_SEQ) {
		for (size_t i = 0; i < v->n; i++) {
			b = type_bit(v->items[i]);
			if (b == 0) {
				cerr(c, v->items[i], msg);
				return;
			}
			s->types |= b;
		}
	} else {
		b = type_bit(v);
		if (b == 0) {
			cerr(c, v, msg);
			return;
		}
		s->types = b;
	}
	s->has |= SK_TYPE;
}

static struct schema_re *
regex(struct comp *c, const struct yml_node *v)
{
	struct buf err = BUF_INIT;
	struct schema_re *re;

	re = schema_re_compile(v->str, v->len, &err);
	if (re == NULL) {
		cerr(c, v, "pattern \"%s\": %s", v->str, buf_cstr(&err));
	} else {
		c->sd->res = xgrow(c->sd->res, &c->sd->capres, c->sd->nres + 1,
		    sizeof *c->sd->res);
		c->sd->res[c->sd->nres++] = re;
	}
	buf_free(&err);
	return re;
}

/* From the length and three bytes: names that collide are told apart by
 * probing, and hashing every byte cost more than that. */
static size_t
prop_hash(const char *s, size_t len)
{
	uint64_t h = len;

	if (len > 0)
		h = h << 24 ^ (unsigned char)s[0] << 16 ^
		    (unsigned char)s[len / 2] << 8 ^ (unsigned char)s[len - 1];
	h *= 0x9E3779B97F4A7C15u;
	return (size_t)(h >> 32);
}

static void
kw_properties(struct comp *c, struct schema *s, const struct yml_node *v)
{
	if (v->type != YML_MAP) {
		cerr(c, v, "\"properties\" must be an object of schemas");
		return;
	}
	s->props = xcalloc(v->n, sizeof *s->props);
	s->nprops = v->n;
	for (s->prop_mask = 7; s->prop_mask + 1 < 2 * v->n;)
		s->prop_mask = 2 * s->prop_mask + 1;
	s->prop_tab = xcalloc(s->prop_mask + 1, sizeof *s->prop_tab);
	for (size_t i = 0; i < v->n; i++) {
		const struct yml_node *k = v->pairs[i].key;
		size_t h = prop_hash(k->str, k->len) & s->prop_mask;

		s->props[i].key = k;
		s->props[i].s = sub(c, v->pairs[i].val, "properties");
		while (s->prop_tab[h] != 0)
			h = (h + 1) & s->prop_mask;
		s->prop_tab[h] = (unsigned)i + 1;
	}
}

long
schema_prop_find(const struct schema *s, const char *name, size_t len)
{
	size_t h;

	if (s->prop_tab == NULL)
		return -1;
	for (h = prop_hash(name, len) & s->prop_mask; s->prop_tab[h] != 0;
	     h = (h + 1) & s->prop_mask) {
		const struct yml_node *k = s->props[s->prop_tab[h] - 1].key;

		if (k->len == len && memcmp(k->str, name, len) == 0)
			return (long)s->prop_tab[h] - 1;
	}
	return -1;
}

static void
kw_pattern_properties(
    struct comp *c, struct schema *s, const struct yml_node *v)
{
	if (v->type != YML_MAP) {
		cerr(
		    c, v, "\"patternProperties\" must be an object of schemas");
		return;
	}
	s->patprops = xcalloc(v->n, sizeof *s->patprops);
	s->npatprops = v->n;
	for (size_t i = 0; i < v->n; i++) {
		s->patprops[i].re = regex(c, v->pairs[i].key);
		s->patprops[i].s = sub(c, v->pairs[i].val, "patternProperties");
	}
}

static void
kw_dependent(
    struct comp *c, struct schema *s, const struct yml_node *v, int schemas)
{
	const char *kw = schemas ? "dependentSchemas" : "dependentRequired";
	struct schema_dep *deps;

	if (v->type != YML_MAP) {
		cerr(c, v, "\"%s\" must be an object", kw);
		return;
	}
	deps = xcalloc(v->n, sizeof *deps);
	for (size_t i = 0; i < v->n; i++) {
		deps[i].key = v->pairs[i].key;
		if (schemas)
			deps[i].s = sub(c, v->pairs[i].val, kw);
		else if (string_array(c, v->pairs[i].val, kw) == 0)
			deps[i].names = v->pairs[i].val;
	}
	if (schemas) {
		s->dep_sch = deps;
		s->ndep_sch = v->n;
	} else {
		s->dep_req = deps;
		s->ndep_req = v->n;
	}
}

static void
kw_defs(struct comp *c, const struct yml_node *v)
{
	if (v->type != YML_MAP) {
		cerr(c, v, "\"$defs\" must be an object of schemas");
		return;
	}
	for (size_t i = 0; i < v->n; i++)
		sub(c, v->pairs[i].val, "$defs");
}

/* gdprctl-date-time: the records' date-time (seconds optional), a name
 * other validators ignore while they read the schema's pattern. */
static void
kw_format(struct schema *s, const struct yml_node *v)
{
	if (key_is(v, "date"))
		s->format = SF_DATE;
	else if (key_is(v, "date-time") || key_is(v, "gdprctl-date-time"))
		s->format = SF_DATETIME;
	else if (key_is(v, "email"))
		s->format = SF_EMAIL;
}

/*
 * Assertions of draft 2020-12 that gdprctl does not implement: refusing
 * them beats passing data the schema's author meant to reject.
 */
static const char *const unsupported[] = {
    "contains",
    "minContains",
    "maxContains",
    "minProperties",
    "maxProperties",
    "unevaluatedItems",
    "unevaluatedProperties",
    "$dynamicRef",
    "$recursiveRef",
    "$anchor",
    "$dynamicAnchor",
};

/* Compile one keyword; returns 0 for an annotation or unknown keyword. */
static int
keyword(struct comp *c, struct schema *s, const struct yml_node *k,
    const struct yml_node *v)
{
	if (key_is(k, "type")) {
		kw_type(c, s, v);
	} else if (key_is(k, "enum")) {
		if (v->type != YML_SEQ)
			cerr(c, v, "\"enum\" must be an array");
		else {
			s->enum_v = v;
			s->has |= SK_ENUM;
		}
	} else if (key_is(k, "const")) {
		s->const_v = v;
		s->has |= SK_CONST;
	} else if (key_is(k, "required")) {
		if (string_array(c, v, "required") == 0)
			s->required = v;
	} else if (key_is(k, "properties")) {
		kw_properties(c, s, v);
	} else if (key_is(k, "additionalProperties")) {
		s->additional = sub(c, v, "additionalProperties");
	} else if (key_is(k, "patternProperties")) {
		kw_pattern_properties(c, s, v);
	} else if (key_is(k, "items")) {
		s->items = sub(c, v, "items");
	} else if (key_is(k, "prefixItems")) {
		sub_list(c, v, "prefixItems", &s->prefix);
	} else if (key_is(k, "minItems")) {
		if (count(c, v, "minItems", &s->min_items) == 0)
			s->has |= SK_MIN_ITEMS;
	} else if (key_is(k, "maxItems")) {
		if (count(c, v, "maxItems", &s->max_items) == 0)
			s->has |= SK_MAX_ITEMS;
	} else if (key_is(k, "uniqueItems")) {
		if (v->type != YML_BOOL)
			cerr(c, v, "\"uniqueItems\" must be a boolean");
		else if (v->boolean)
			s->has |= SK_UNIQUE;
	} else if (key_is(k, "minLength")) {
		if (count(c, v, "minLength", &s->min_len) == 0)
			s->has |= SK_MIN_LEN;
	} else if (key_is(k, "maxLength")) {
		if (count(c, v, "maxLength", &s->max_len) == 0)
			s->has |= SK_MAX_LEN;
	} else if (key_is(k, "minimum")) {
		if (number(c, v, "minimum") == 0) {
			s->min = v;
			s->has |= SK_MIN;
		}
	} else if (key_is(k, "maximum")) {
		if (number(c, v, "maximum") == 0) {
			s->max = v;
			s->has |= SK_MAX;
		}
	} else if (key_is(k, "exclusiveMinimum")) {
		if (number(c, v, "exclusiveMinimum") == 0) {
			s->xmin = v;
			s->has |= SK_XMIN;
		}
	} else if (key_is(k, "exclusiveMaximum")) {
		if (number(c, v, "exclusiveMaximum") == 0) {
			s->xmax = v;
			s->has |= SK_XMAX;
		}
	} else if (key_is(k, "multipleOf")) {
		if (!is_number(v) || v->num <= 0 || !isfinite(v->num))
			cerr(c, v, "\"multipleOf\" must be a number above 0");
		else {
			s->mult = v;
			s->has |= SK_MULT;
		}
	} else if (key_is(k, "pattern")) {
		if (v->type != YML_STR)
			cerr(c, v, "\"pattern\" must be a string");
		else {
			s->pattern = regex(c, v);
			s->pattern_node = v;
		}
	} else if (key_is(k, "allOf")) {
		sub_list(c, v, "allOf", &s->all_of);
	} else if (key_is(k, "anyOf")) {
		sub_list(c, v, "anyOf", &s->any_of);
	} else if (key_is(k, "oneOf")) {
		sub_list(c, v, "oneOf", &s->one_of);
	} else if (key_is(k, "not")) {
		s->not_s = sub(c, v, "not");
	} else if (key_is(k, "if")) {
		s->if_s = sub(c, v, "if");
	} else if (key_is(k, "then")) {
		s->then_s = sub(c, v, "then");
	} else if (key_is(k, "else")) {
		s->else_s = sub(c, v, "else");
	} else if (key_is(k, "dependentRequired")) {
		kw_dependent(c, s, v, 0);
	} else if (key_is(k, "dependentSchemas")) {
		kw_dependent(c, s, v, 1);
	} else if (key_is(k, "propertyNames")) {
		s->prop_names = sub(c, v, "propertyNames");
	} else if (key_is(k, "$defs")) {
		kw_defs(c, v);
	} else if (key_is(k, "$ref")) {
		if (v->type != YML_STR)
			cerr(c, v, "\"$ref\" must be a string");
		else
			s->ref_node = v;
	} else if (key_is(k, "format")) {
		if (v->type != YML_STR)
			cerr(c, v, "\"format\" must be a string");
		else
			kw_format(s, v);
	} else {
		for (size_t i = 0; i < sizeof unsupported / sizeof *unsupported;
		     i++)
			if (key_is(k, unsupported[i]))
				cerr(c, k, "keyword \"%s\" is not supported",
				    unsupported[i]);
		return 0;
	}
	return 1;
}

static struct schema *
compile(struct comp *c, const struct yml_node *n)
{
	struct schema_doc *sd = c->sd;
	struct schema *s = xcalloc(1, sizeof *s);

	s->node = n;
	s->doc = sd;
	s->boolean = -1;
	sd->all = xgrow(sd->all, &sd->capall, sd->nall + 1, sizeof *sd->all);
	sd->all[sd->nall++] = s;
	if (n->type == YML_BOOL) {
		s->boolean = n->boolean;
		return s;
	}
	for (size_t i = 0; i < n->n; i++)
		if (keyword(c, s, n->pairs[i].key, n->pairs[i].val) &&
		    !key_is(n->pairs[i].key, "$defs"))
			s->nkw++;
	if (s->all_of.n || s->any_of.n || s->one_of.n || s->not_s != NULL ||
	    s->if_s != NULL)
		s->has |= SK_APPLY;
	return s;
}

static void
schema_free(struct schema *s)
{
	free(s->props);
	free(s->prop_tab);
	free(s->patprops);
	free(s->prefix.v);
	free(s->all_of.v);
	free(s->any_of.v);
	free(s->one_of.v);
	free(s->dep_req);
	free(s->dep_sch);
	free(s);
}

static void
doc_free(struct schema_doc *sd)
{
	if (sd == NULL)
		return;
	for (size_t i = 0; i < sd->nall; i++)
		schema_free(sd->all[i]);
	free(sd->all);
	for (size_t i = 0; i < sd->nres; i++)
		schema_re_free(sd->res[i]);
	free(sd->res);
	yml_doc_free(sd->doc);
	free(sd->name);
	free(sd);
}

int
schema_set_new(struct schema_set **out)
{
	*out = xcalloc(1, sizeof **out);
	return 0;
}

static struct schema_doc *
find_doc(const struct schema_set *set, const char *name, size_t len)
{
	for (size_t i = 0; i < set->ndocs; i++)
		if (strlen(set->docs[i]->name) == len &&
		    memcmp(set->docs[i]->name, name, len) == 0)
			return set->docs[i];
	return NULL;
}

int
schema_set_add(struct schema_set *set, const char *name, struct yml_doc *doc,
    struct diag_list *d)
{
	struct schema_doc *sd;
	struct comp c = {set, NULL, d, 0};

	if (set->finished || find_doc(set, name, strlen(name)) != NULL) {
		diag_error("schema '%s': %s", name,
		    set->finished ? "set already finished" : "name used twice");
		yml_doc_free(doc);
		set->failed = 1;
		return -1;
	}
	sd = xcalloc(1, sizeof *sd);
	sd->name = xstrdup(name);
	sd->doc = doc;
	c.sd = sd;
	set->docs =
	    xgrow(set->docs, &set->capdocs, set->ndocs + 1, sizeof *set->docs);
	set->docs[set->ndocs++] = sd;
	if (doc->root->type != YML_MAP && doc->root->type != YML_BOOL)
		cerr(&c, doc->root,
		    "a schema must be an object or a boolean, not %s",
		    yml_type_name(doc->root->type));
	else
		sd->root = compile(&c, doc->root);
	if (c.errors) {
		set->failed = 1;
		return -1;
	}
	return 0;
}

int
schema_set_add_builtin(struct schema_set *set, struct diag_list *d)
{
	int rc = 0;

	for (unsigned i = 0; i < schema_nfiles; i++) {
		const struct schema_file *f = &schema_files[i];
		struct buf path = BUF_INIT;
		struct yml_doc *doc = NULL;

		buf_printf(&path, "schema/%s", f->name);
		if (yml_parse(&doc, buf_cstr(&path), f->data, f->len,
		        YML_JSON | YML_ANY_ROOT, d) < 0) {
			set->failed = 1;
			rc = -1;
		} else if (schema_set_add(set, f->name, doc, d) < 0) {
			rc = -1;
		}
		buf_free(&path);
	}
	return rc;
}

static struct schema *
schema_of(const struct schema_doc *sd, const struct yml_node *n)
{
	for (size_t i = 0; i < sd->nall; i++)
		if (sd->all[i]->node == n)
			return sd->all[i];
	return NULL;
}

/* Percent-decode s[0..len) into out; -1 on a bad escape. */
static int
percent_decode(const char *s, size_t len, struct buf *out)
{
	for (size_t i = 0; i < len; i++) {
		int hi, lo;

		if (s[i] != '%') {
			buf_putc(out, s[i]);
			continue;
		}
		if (len - i < 3)
			return -1;
		hi = schema_hexval((unsigned char)s[i + 1]);
		lo = schema_hexval((unsigned char)s[i + 2]);
		if (hi < 0 || lo < 0)
			return -1;
		buf_putc(out, hi * 16 + lo);
		i += 2;
	}
	return 0;
}

/* The node a JSON pointer (already percent-decoded) names, or NULL. */
static const struct yml_node *
walk_pointer(const struct yml_node *n, const char *p, size_t len)
{
	struct buf tok = BUF_INIT;
	size_t i = 0;

	if (len > 0 && p[0] != '/')
		return NULL;
	while (n != NULL && i < len) {
		const struct yml_node *next = NULL;

		buf_reset(&tok);
		for (i++; i < len && p[i] != '/'; i++) {
			if (p[i] == '~' && i + 1 < len &&
			    (p[i + 1] == '0' || p[i + 1] == '1')) {
				buf_putc(&tok, p[i + 1] == '0' ? '~' : '/');
				i++;
			} else if (p[i] == '~') {
				n = NULL;
				break;
			} else {
				buf_putc(&tok, p[i]);
			}
		}
		if (n == NULL)
			break;
		if (n->type == YML_MAP) {
			for (size_t k = 0; k < n->n; k++)
				if (n->pairs[k].key->len == tok.len &&
				    (tok.len == 0 ||
				        memcmp(n->pairs[k].key->str, tok.ptr,
				            tok.len) == 0))
					next = n->pairs[k].val;
		} else if (n->type == YML_SEQ && tok.len > 0 && tok.len <= 9 &&
		    (tok.ptr[0] != '0' || tok.len == 1) &&
		    strspn(tok.ptr, "0123456789") == tok.len) {
			char *end;
			unsigned long idx = strtoul(tok.ptr, &end, 10);
			if (idx < n->n)
				next = n->items[idx];
		}
		n = next;
	}
	buf_free(&tok);
	return n;
}

/* Resolve one $ref; compiles the target when nothing compiled it yet. */
static int
resolve(struct comp *c, struct schema *s)
{
	const struct yml_node *rn = s->ref_node;
	const char *ref = rn->str, *hash;
	struct schema_doc *target = s->doc;
	struct buf ptr = BUF_INIT;
	const struct yml_node *tn;
	size_t flen;

	hash = memchr(ref, '#', rn->len);
	flen = hash ? (size_t)(hash - ref) : rn->len;
	if (flen > 2 && ref[0] == '.' && ref[1] == '/') {
		ref += 2;
		flen -= 2;
	}
	if (flen > 0) {
		target = find_doc(c->set, ref, flen);
		if (target == NULL) {
			cerr(c, rn, "$ref \"%s\": no schema file \"%.*s\"",
			    rn->str, (int)flen, ref);
			goto fail;
		}
	}
	if (hash &&
	    percent_decode(
	        hash + 1, rn->len - (size_t)(hash - rn->str) - 1, &ptr) < 0) {
		cerr(c, rn, "$ref \"%s\": bad percent-encoding", rn->str);
		goto fail;
	}
	if (ptr.len > 0 && ptr.ptr[0] != '/') {
		cerr(c, rn,
		    "$ref \"%s\": only JSON-pointer fragments are "
		    "supported",
		    rn->str);
		goto fail;
	}
	tn = walk_pointer(target->doc->root, ptr.ptr, ptr.len);
	if (tn == NULL) {
		cerr(c, rn, "$ref \"%s\" names nothing", rn->str);
		goto fail;
	}
	if (tn->type != YML_MAP && tn->type != YML_BOOL) {
		cerr(c, rn, "$ref \"%s\" names %s, not a schema", rn->str,
		    yml_type_name(tn->type));
		goto fail;
	}
	s->ref = schema_of(target, tn);
	if (s->ref == NULL) {
		struct schema_doc *saved = c->sd;

		c->sd = target;
		s->ref = compile(c, tn);
		c->sd = saved;
	}
	buf_free(&ptr);
	return 0;
fail:
	buf_free(&ptr);
	return -1;
}

/* The subschemas applied to the same instance as s. */
static size_t
same_instance(const struct schema *s, size_t i, struct schema **out)
{
	size_t k = 0;
	const struct schema_list *lists[] = {
	    &s->all_of, &s->any_of, &s->one_of};
	struct schema *single[] = {
	    s->ref, s->not_s, s->if_s, s->then_s, s->else_s};

	for (size_t j = 0; j < sizeof single / sizeof *single; j++)
		if (single[j] != NULL && k++ == i) {
			*out = single[j];
			return 1;
		}
	for (size_t j = 0; j < 3; j++)
		for (size_t m = 0; m < lists[j]->n; m++)
			if (lists[j]->v[m] != NULL && k++ == i) {
				*out = lists[j]->v[m];
				return 1;
			}
	for (size_t m = 0; m < s->ndep_sch; m++)
		if (s->dep_sch[m].s != NULL && k++ == i) {
			*out = s->dep_sch[m].s;
			return 1;
		}
	return 0;
}

struct frame {
	struct schema *s;
	size_t next;
	unsigned height; /* of the highest child seen */
};

/*
 * Reject a loop of subschemas that apply to the same instance ({"$ref":
 * "#"} at the top), as validation would never end, and chains longer than
 * MAX_CHAIN. Iterative depth-first search; visit: 0 unseen, 1 on the stack,
 * 2 done with its height known.
 */
static void
check_loops(struct comp *c, struct schema *root)
{
	struct frame *st = NULL;
	size_t nst = 0, capst = 0;
	const char *problem = NULL;
	struct schema *at = NULL;

	if (root->visit)
		return;
	st = xgrow(st, &capst, 1, sizeof *st);
	st[nst++] = (struct frame){root, 0, 0};
	root->visit = 1;
	while (nst > 0 && problem == NULL) {
		struct frame *f = &st[nst - 1];
		struct schema *child;

		if (!same_instance(f->s, f->next++, &child)) {
			f->s->visit = 2;
			f->s->height = f->height + 1;
			if (f->s->height > MAX_CHAIN) {
				problem = "subschemas nest too deeply";
				at = f->s;
			}
			nst--;
			if (nst > 0 && st[nst - 1].height < f->s->height)
				st[nst - 1].height = f->s->height;
		} else if (child->visit == 1) {
			problem = "subschemas refer to each other in a loop "
			          "that never reaches a value";
			at = f->s;
		} else if (child->visit == 2) {
			if (f->height < child->height)
				f->height = child->height;
		} else {
			child->visit = 1;
			st = xgrow(st, &capst, nst + 1, sizeof *st);
			st[nst++] = (struct frame){child, 0, 0};
		}
	}
	if (problem != NULL) {
		struct schema_doc *saved = c->sd;

		c->sd = at->doc;
		cerr(c, at->ref_node ? at->ref_node : at->node, "%s", problem);
		c->sd = saved;
	}
	free(st);
}

int
schema_set_finish(struct schema_set *set, struct diag_list *d)
{
	struct comp c = {set, NULL, d, 0};

	if (set->finished)
		return set->failed ? -1 : 0;
	/*
	 * Resolving may compile a target into any document, with $refs of
	 * its own: repeat until nothing is left.
	 */
	for (int again = 1; again;) {
		again = 0;
		for (size_t i = 0; i < set->ndocs; i++)
			for (size_t j = 0; j < set->docs[i]->nall; j++) {
				struct schema *s = set->docs[i]->all[j];
				if (s->ref_node == NULL || s->ref_tried)
					continue;
				s->ref_tried = 1;
				c.sd = set->docs[i];
				resolve(&c, s);
				again = 1;
			}
	}
	for (size_t i = 0; i < set->ndocs && c.errors == 0; i++)
		for (size_t j = 0; j < set->docs[i]->nall && c.errors == 0; j++)
			check_loops(&c, set->docs[i]->all[j]);
	if (c.errors)
		set->failed = 1;
	set->finished = 1;
	return set->failed ? -1 : 0;
}

const struct schema *
schema_set_get(const struct schema_set *set, const char *name)
{
	const struct schema_doc *sd = find_doc(set, name, strlen(name));

	return sd ? sd->root : NULL;
}

void
schema_set_free(struct schema_set *set)
{
	if (set == NULL)
		return;
	for (size_t i = 0; i < set->ndocs; i++)
		doc_free(set->docs[i]);
	free(set->docs);
	free(set);
}
