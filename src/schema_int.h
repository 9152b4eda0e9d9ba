/* Internals shared by schema_compile.c, schema.c and schema_pattern.c. */
#ifndef GD_SCHEMA_INT_H
#define GD_SCHEMA_INT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "schema.h"
#include "yml.h"

/* Instance types, as bits of schema.types. */
enum {
	ST_NULL = 1 << 0,
	ST_BOOL = 1 << 1,
	ST_INT = 1 << 2,
	ST_NUM = 1 << 3,
	ST_STR = 1 << 4,
	ST_ARR = 1 << 5,
	ST_OBJ = 1 << 6,
	ST_ALL = (1 << 7) - 1,
};

/* Keywords present, as bits of schema.has. */
enum {
	SK_TYPE = 1 << 0,
	SK_ENUM = 1 << 1,
	SK_CONST = 1 << 2,
	SK_MIN_ITEMS = 1 << 3,
	SK_MAX_ITEMS = 1 << 4,
	SK_UNIQUE = 1 << 5,
	SK_MIN_LEN = 1 << 6,
	SK_MAX_LEN = 1 << 7,
	SK_MIN = 1 << 8,
	SK_MAX = 1 << 9,
	SK_XMIN = 1 << 10,
	SK_XMAX = 1 << 11,
	SK_MULT = 1 << 12,
	/* allOf, anyOf, oneOf, not or if: set once the keywords are read */
	SK_APPLY = 1 << 13,
};

enum schema_format {
	SF_NONE,
	SF_DATE,
	SF_DATETIME,
	SF_EMAIL,
};

struct schema_re; /* a compiled pattern */

struct schema_prop {
	const struct yml_node *key; /* name in key->str, key->len */
	struct schema *s;
};

struct schema_patprop {
	struct schema_re *re;
	struct schema *s;
};

struct schema_dep {
	const struct yml_node *key;
	const struct yml_node *names; /* dependentRequired: array of strings */
	struct schema *s;             /* dependentSchemas */
};

struct schema_list {
	struct schema **v;
	size_t n;
};

struct schema_doc;

struct schema {
	const struct yml_node *node; /* the schema in its document */
	struct schema_doc *doc;
	int boolean;  /* -1: an object schema; 0/1: false/true */
	unsigned nkw; /* keywords that assert or apply, $ref included */
	unsigned has;
	unsigned types;
	const struct yml_node *enum_v, *const_v;
	const struct yml_node *required; /* array of strings, or NULL */
	struct schema_prop *props;
	size_t nprops;
	/* props by hash of name: index + 1, 0 when free; mask + 1 slots */
	unsigned *prop_tab;
	size_t prop_mask;
	struct schema_patprop *patprops;
	size_t npatprops;
	struct schema *additional;
	struct schema *items;
	struct schema_list prefix;
	size_t min_items, max_items, min_len, max_len;
	const struct yml_node *min, *max, *xmin, *xmax, *mult;
	struct schema_re *pattern;
	const struct yml_node *pattern_node;
	struct schema_list all_of, any_of, one_of;
	struct schema *not_s, *if_s, *then_s, *else_s;
	struct schema_dep *dep_req, *dep_sch;
	size_t ndep_req, ndep_sch;
	struct schema *prop_names;
	enum schema_format format;
	const struct yml_node *ref_node; /* the $ref string */
	struct schema *ref;              /* its target, once resolved */
	/* Used by schema_set_finish. */
	unsigned char ref_tried, visit;
	unsigned height;
};

struct schema_doc {
	char *name;
	struct yml_doc *doc;
	struct schema *root;
	struct schema **all; /* every compiled schema of the document */
	size_t nall, capall;
	struct schema_re **res;
	size_t nres, capres;
};

struct schema_set {
	struct schema_doc **docs;
	size_t ndocs, capdocs;
	int failed;
	int finished;
};

/* schema_pattern.c */
/*
 * Compile an ECMA-262 pattern; on failure returns NULL and puts the reason
 * in err.
 */
struct schema_re *schema_re_compile(
    const char *src, size_t len, struct buf *err);
/* The pattern's source as written in the schema. */
const char *schema_re_source(const struct schema_re *re);
/*
 * Whether subject matches somewhere: 1 yes, 0 no, -1 could not tell
 * (match limit). *md is the caller's match data, created on first use.
 */
int schema_re_match(
    const struct schema_re *re, const char *subject, size_t len, void **md);
void schema_re_match_free(void *md);
void schema_re_free(struct schema_re *re);
/* The value of hex digit c, or -1. */
int schema_hexval(int c);

/* schema_format.c */
int schema_format_ok(enum schema_format f, const char *s, size_t len);

/* schema_value.c */
/* Compare two numbers: <0, 0, >0, or 2 when unordered (NaN). */
int schema_num_cmp(const struct yml_node *a, const struct yml_node *b);
/* Whether number x is a multiple of number m (m > 0). */
int schema_multiple_of(const struct yml_node *x, const struct yml_node *m);
/* JSON equality: 1 equal, 0 not (1 equals 1.0; key order is ignored). */
int schema_node_equal(const struct yml_node *a, const struct yml_node *b);
/* A hash that agrees with schema_node_equal. */
uint64_t schema_node_hash(const struct yml_node *n);
/* The value of key (len bytes, not NUL-terminated) in map, or NULL. */
const struct yml_node *schema_map_get(
    const struct yml_node *map, const char *key, size_t len);

/* The index in s->props of the property named name, or -1. */
long schema_prop_find(const struct schema *s, const char *name, size_t len);

#endif
