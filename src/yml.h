/*
 * YAML loading: one document becomes a tree of typed nodes that keep their
 * position. The only file that includes <yaml.h>.
 */
#ifndef GD_YML_H
#define GD_YML_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define YML_MAX_SIZE (4u << 20)
#define YML_MAX_DEPTH 64
#define YML_MAX_SCALAR (1u << 20)

enum yml_type {
	YML_NULL,
	YML_BOOL,
	YML_INT,
	YML_FLOAT,
	YML_STR,
	YML_SEQ,
	YML_MAP,
};

enum yml_style {
	YML_PLAIN,
	YML_SINGLE,
	YML_DOUBLE,
	YML_LITERAL,
	YML_FOLDED,
	YML_BLOCK, /* block collection */
	YML_FLOW,  /* flow collection */
};

struct yml_pair;

/*
 * 72 bytes: validate keeps some nodes of every record, and a smaller node
 * is less memory to touch. Offsets and lengths fit 32 bits: files are
 * refused from 4 GiB on, limits or not.
 */
struct yml_node {
	enum yml_type type : 8;
	enum yml_style style : 8;
	unsigned boolean : 1; /* YML_BOOL */
	unsigned is_big : 1;  /* YML_INT that does not fit in int64_t */
	int line, col;        /* 1-based, in characters */
	uint32_t start, end;  /* byte offsets of the node in the source */
	/* Scalars: the decoded text (NUL-terminated; len excludes the NUL). */
	uint32_t len;
	uint32_t n; /* number of items or pairs */
	const char *str;
	int64_t ival;            /* YML_INT when it fits; see is_big */
	double num;              /* YML_INT and YML_FLOAT */
	struct yml_node **items; /* YML_SEQ */
	struct yml_pair *pairs;  /* YML_MAP, in source order */
};

struct yml_pair {
	struct yml_node *key; /* always a scalar */
	struct yml_node *val;
};

struct yml_doc {
	char *path; /* as shown in diagnostics */
	char *src;  /* the source text, NUL-terminated; NULL once pruned */
	size_t srclen;
	struct yml_node *root; /* a mapping unless YML_ANY_ROOT */
	struct yml_arena *arena;
	/* How it is held: its parts apart (0), with them in one block
	 * (YML_ONE_BLOCK), or in a yml_store and freed with it (YML_STORED). */
	int held;
};

#define YML_ONE_BLOCK 1
#define YML_STORED 2

/*
 * Memory that many pruned documents share, in large blocks apart from
 * the short-lived allocations of parsing; threads may prune into one
 * store at once. Freed as a whole, with every document in it.
 */
struct yml_store;

/* Loader flags. */
#define YML_ANY_ROOT 0x1   /* accept any node at the top, not only a mapping */
#define YML_JSON 0x2       /* input is JSON: \uD83D\uDE00 pairs are joined */
#define YML_ALLOW_CTRL 0x4 /* accept control characters in values */
#define YML_NO_LIMITS 0x8  /* no size/scalar limits (depth is kept) */

/*
 * Parse data (len bytes) into *out. path names the file in diagnostics.
 * On a YAML-level problem, adds one finding of rule "yaml" to d and
 * returns -1 with *out NULL.
 */
int yml_parse(struct yml_doc **out, const char *path, const char *data,
    size_t len, unsigned flags, struct diag_list *d);
/*
 * Read a regular file (never following a symlink, size-capped) and parse
 * it. fspath is opened; path is shown. Unreadable files are findings too.
 */
int yml_load_file(struct yml_doc **out, const char *path, const char *fspath,
    unsigned flags, struct diag_list *d);
/* As yml_load_file, with fspath relative to the directory dirfd. */
int yml_load_file_at(struct yml_doc **out, const char *path, int dirfd,
    const char *fspath, unsigned flags, struct diag_list *d);
void yml_doc_free(struct yml_doc *doc);
/*
 * A copy of doc whose top mapping keeps only the pairs whose key is one
 * of keys (with their values whole), in one block: positions are kept,
 * the source text is not (src is NULL). The block is taken from st, or
 * is the copy's own when st is NULL; yml_doc_free frees only the latter.
 */
struct yml_doc *yml_doc_prune(const struct yml_doc *doc,
    const char *const *keys, size_t nkeys, struct yml_store *st);
struct yml_store *yml_store_new(void);
void yml_store_free(struct yml_store *st);

/* The value of key in map, or NULL (also when map is not a mapping). */
const struct yml_node *yml_get(const struct yml_node *map, const char *key);
/* The pair holding key, or NULL. */
const struct yml_pair *yml_get_pair(
    const struct yml_node *map, const char *key);
/* The string value of key when it is a string, else NULL. */
const char *yml_get_str(const struct yml_node *map, const char *key);
/* Whether n is a scalar of any type (NULL, bool, number, string). */
int yml_is_scalar(const struct yml_node *n);
const char *yml_type_name(enum yml_type t);

#endif
