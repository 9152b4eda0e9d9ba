/*
 * The types of the record commands' parts of a kind's descriptor (the
 * columns of list, the computed values of show, the options of new), and
 * the values and helpers the record commands and descriptors share.
 */
#ifndef GD_RECORD_KIND_H
#define GD_RECORD_KIND_H

#include <stddef.h>

#include "buf.h"
#include "jsonw.h"
#include "cmd.h"
#include "date.h"
#include "repo.h"
#include "table.h"
#include "yml.h"

/* What a value in a list row or among the computed values of show is. */
enum rv_type {
	RV_NULL,
	RV_STR,
	RV_INT,
	RV_TENTHS, /* num is tenths: one decimal */
	RV_BOOL,
};

/*
 * One value in its machine form (CSV cells and JSON values) and how the
 * terminal shows it: text when set, else str through l10n_enum when
 * etype is set, else the machine form.
 */
struct rv {
	enum rv_type type;
	const char *str; /* RV_STR: record data, or own */
	long long num;   /* RV_INT, RV_TENTHS, RV_BOOL */
	const char *etype;
	char *text;        /* owned */
	const char *color; /* SGR parameters for the terminal, or NULL */
	char own[40];      /* room for a formatted date or date-time */
};

/* What the getters of a kind need besides the record. */
struct rctx {
	const struct repo *r;
	const struct config *cfg;
	const char *locale;
	struct gd_date today;
	struct gd_datetime now; /* see rec_now */
};

/*
 * The computed values of show: a tree of objects, arrays and values with
 * stable keys (JSON) and localised labels (text).
 */
enum rnode_type {
	RN_VALUE,
	RN_OBJECT,
	RN_ARRAY,
};

struct rnode {
	enum rnode_type type;
	const char *key;   /* JSON key; NULL in an array */
	const char *label; /* l10n key of the text label, or NULL */
	struct rv v;
	struct rnode **kids;
	size_t n, cap;
};

struct rnode *rnode_new(enum rnode_type t, const char *key, const char *label);
/* Add a child to an object or array and return it. */
struct rnode *rnode_add(struct rnode *parent, enum rnode_type t,
    const char *key, const char *label);
/* Add a value and return it for the caller to set. */
struct rv *rnode_val(struct rnode *parent, const char *key, const char *label);
void rnode_free(struct rnode *n);

/* Where a column appears. */
enum {
	RC_TABLE = 1, /* the table and Markdown of list */
	RC_DATA = 2,  /* CSV and JSON of list */
	RC_SHOW = 4,  /* the computed values of show */
};
#define RC_LIST (RC_TABLE | RC_DATA)
#define RC_CALC (RC_DATA | RC_SHOW)
#define RC_ALL (RC_TABLE | RC_DATA | RC_SHOW)
/* The alignment of a column of text that may be cut to fit. */
#define RC_SHRINK (TABLE_LEFT | TABLE_SHRINK)
/* The number of elements of an array, for the descriptors' counts. */
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* One column of list, and possibly a computed value of show. */
struct rcol {
	const char *key;   /* CSV header and JSON key */
	const char *label; /* l10n key of the header or label */
	int align;         /* TABLE_LEFT or TABLE_RIGHT, | TABLE_SHRINK */
	int where;         /* RC_TABLE | RC_DATA | RC_SHOW */
	/* The value: by get, or else the scalar at field (a dotted path). */
	void (*get)(const struct rctx *c, const struct rcol *col,
	    const struct yml_node *rec, struct rv *out);
	const char *field;
	const char *etype; /* l10n enum type of the value */
};

/* How a field option of new fills the template. */
enum ropt_type {
	RO_TEXT,     /* free text, written quoted */
	RO_DATE,     /* YYYY-MM-DD or "today" */
	RO_DATETIME, /* a date-time with offset, or "now" */
	RO_ENUM,     /* one of values */
	RO_COUNTRY,  /* ISO 3166-1 alpha-2 */
};

struct ropt {
	const char *name; /* --name, and ${name} in the template */
	enum ropt_type type;
	const char *const *values; /* RO_ENUM, NULL-terminated */
	const char *def;           /* RO_TEXT and RO_ENUM: the default */
	const char *meta;          /* the value in the usage: "DATE|today" */
	const char *help;
};

/* The options of new of the kinds a title and a date name (dpia, ros). */
extern const struct ropt rec_dated_opts[2];

/* The kind of the running command, ctx->cmd. */
enum kind rec_kind(const struct gd_ctx *ctx);
/* Print the usage of verb list, show or new of kind k; returns 0. */
int rec_usage(enum kind k, const char *verb);

/* Values. */
void rv_clear(struct rv *v);
void rv_str(struct rv *v, const char *s);
void rv_int(struct rv *v, long long n);
void rv_tenths(struct rv *v, long long tenths);
void rv_bool(struct rv *v, int b);
void rv_date(struct rv *v, struct gd_date d);
void rv_datetime(struct rv *v, struct gd_datetime t);
/* Set how the terminal shows v; printf-style. */
void rv_textf(struct rv *v, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The scalar n as a value: strings, numbers and booleans as they are. */
void rv_node(struct rv *v, const struct yml_node *n);
/* How the terminal shows v, in locale. */
const char *rv_display(
    const struct rv *v, const char *locale, struct buf *scratch);

/* Shared helpers. */

/* The node at a dotted path ("processor.name"), or NULL. */
const struct yml_node *rec_get(const struct yml_node *rec, const char *path);
/* The string at path, or NULL. */
const char *rec_str(const struct yml_node *rec, const char *path);
/* Whether the list (or single string) at field names id. */
int rec_names(const struct yml_node *rec, const char *field, const char *id);
/* A date / date-time field: 0 when valid. */
int rec_date(const struct yml_node *rec, const char *path, struct gd_date *out);
int rec_datetime(
    const struct yml_node *rec, const char *path, struct gd_datetime *out);
/* "2026-03-05 10:15" in t's own offset. */
void rec_short_datetime(struct gd_datetime t, char out[17]);
/* The one-line name of a record (its title, name, ...) or NULL. */
const char *rec_title(const struct record *rec);
/* Compare ids naturally: INC-2026-9 before INC-2026-10. */
int rec_idcmp(const char *a, const char *b);

/*
 * Now: the clock, in UTC; or, when --today is given, noon UTC of that
 * day, so that output is reproducible.
 */
struct gd_datetime rec_now(const struct gd_ctx *ctx);
/*
 * Open the repository and load the records (with check, run every check of
 * validate too, its findings into d) and fill c. -1 when reported.
 */
int rec_open(const struct gd_ctx *ctx, struct repo **r, struct rctx *c,
    struct diag_list *d, int check);
/* As rec_open without check, loading only the records of kind k. */
int rec_open_kind(const struct gd_ctx *ctx, struct repo **r, struct rctx *c,
    struct diag_list *d, enum kind k);
/* The width to fit tables to: the terminal's, or 80. */
int rec_width(void);
/* Print the load findings of kind k's files to stderr; 1 if any error. */
int rec_print_load(
    const struct gd_ctx *ctx, enum kind k, const struct diag_list *d);
/* For diag_retain: whether a finding is about the file path. */
int rec_of_path(const struct diag *dg, void *path);
/* Write out to stdout. */
void rec_flush(struct buf *out);
/* v as a JSON value. */
void rec_json_value(struct jsonw *w, const struct rv *v);
/* The value of column col of rec. */
void rec_fill(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v);
/* Set v's text to the label of key with {1} replaced by arg. */
void rv_l10n(
    struct rv *v, const char *locale, const char *key, const char *arg);

/* The colour of a risk level by its rank: green, yellow, red. */
const char *rec_level_color(const struct config *cfg, int rank);
/* v is the date due; yellow when it has passed. */
void rec_due_color(const struct rctx *c, struct gd_date due, struct rv *v);
/*
 * A column getter over the risk items at col->field: by col->key their
 * number (threats), the open measures (open_measures), the highest level
 * (highest) or the highest residual level (any other key).
 */
void rec_get_risk_sum(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v);
/* The scored risk items (risks, threats) into an array key of out. */
void rec_risk_items(const struct rctx *c, const struct yml_node *items,
    struct rnode *out, const char *key);

/* The highest risk of the items of a ROS or DPIA. */
struct risk_sum {
	size_t items;
	int rank, rrank; /* highest level, before and after measures; -1 */
	const char *level, *rlevel;
	size_t open_measures;
};
void rec_risk_sum(const struct config *cfg, const struct yml_node *items,
    struct risk_sum *out);

/* Where a breach stands with its notification to the authority. */
struct breach {
	int valid; /* discovered is a valid date-time */
	struct gd_datetime discovered, deadline;
	int needed;   /* risk is risk or high */
	int notified; /* authority_notification.notified is valid */
	struct gd_datetime notified_at;
	long left;            /* tenths of an hour from now to the deadline */
	const char *subjects; /* notified, exempt, missing, not-required */
};
void rec_breach(
    const struct rctx *c, const struct yml_node *inc, struct breach *out);
/* The text of a breach's notification state, and its colour. */
void rec_breach_text(
    const struct rctx *c, const struct breach *b, struct rv *v);

/* Where a request stands with its answer. */
struct answer {
	int valid; /* received is a valid date */
	struct gd_date deadline;
	int responded; /* responded is a valid date */
	struct gd_date responded_on;
	long left; /* days from today to the deadline */
};
void rec_answer(
    const struct rctx *c, const struct yml_node *req, struct answer *out);
/* "12 days left", "due today", "3 days overdue", with a colour. */
void rec_days_text(const struct rctx *c, long days, struct rv *v);
/* "expires in 12 days", "expires today", "expired 3 days ago". */
void rec_expiry_text(const struct rctx *c, long days, struct rv *v);

/* The colours of the terminal output. */
#define RC_BAD "31"
#define RC_WARN "33"
#define RC_GOOD "32"
#define RC_DIM "2"

#endif
