/*
 * The record kinds. Each has one descriptor, in kind_<name>.c, holding all
 * that the rest of gdprctl knows of it; kind.c lists them by enum kind. A
 * unit test (test_kind) checks that no descriptor lacks a part.
 */
#ifndef GD_KIND_H
#define GD_KIND_H

#include <stddef.h>

enum kind {
	KIND_REGISTER,
	KIND_DPA,
	KIND_INCIDENT,
	KIND_DPIA,
	KIND_ROS,
	KIND_REQUEST,
	KIND_PLAN,
	KIND_COUNT,
};

struct record;
struct rules_ctx;
struct rctx;
struct rcol;
struct rnode;
struct ropt;

/* A field whose ids (one, or a list) name records of kind target. */
struct kind_ref {
	const char *field;
	enum kind target;
};

struct kind_info {
	enum kind kind;
	/* Its records: dir/PREFIX-....yaml, valid against schema. */
	const char *name;   /* "incident": command and schema name */
	const char *dir;    /* "incident" */
	const char *prefix; /* "INC" */
	const char *schema; /* "incident.schema.json" */
	/* The fields that name records of other kinds. */
	const struct kind_ref *refs;
	size_t nrefs;
	/*
	 * Its rules (rules_<name>.c): those of one record alone, and those
	 * across the records of the kind (NULL when it has none). The rules
	 * across records read of it only cross_keys (NULL-terminated, "id"
	 * first, its refs among them): a record cut down to these keys gives
	 * them the same findings.
	 */
	void (*rules_record)(
	    const struct rules_ctx *x, const struct record *rec);
	void (*rules_cross)(const struct rules_ctx *x);
	const char *const *cross_keys;
	/*
	 * The verbs list, show and new (record_*.c). A kind with a command of
	 * its own (plan) has none of these parts.
	 */
	const char *title_field; /* what names a record in one line */
	const struct rcol *cols; /* the columns of list, values of show */
	size_t ncols;
	const char *const *statuses; /* the values --status takes */
	const char *year_field;      /* what --year looks at */
	/* Its computed values for show beyond the columns, or NULL. */
	void (*computed)(
	    const struct rctx *c, const struct record *rec, struct rnode *out);
	/*
	 * new: the field options (up to 3) and the template, with
	 * ${placeholders}. New ids are PREFIX-NNN, or PREFIX-YYYY-NNN with the
	 * year of option year_opt when it is set.
	 */
	const struct ropt *opts;
	size_t nopts;
	const char *year_opt;
	const char *tmpl;
	const char *new_usage; /* the synopsis of new */
};

/* The descriptor of each kind, in the order of enum kind. */
extern const struct kind_info *const kinds[KIND_COUNT];

extern const struct kind_info kind_register, kind_dpa, kind_incident, kind_dpia,
    kind_ros, kind_request, kind_plan;

/* The kind whose name is s, or -1. */
int kind_by_name(const char *s);
/*
 * The placeholder the templates of new write where the user is to fill in
 * a value ("name: TODO", "data_subjects: [TODO]"); rule
 * template-placeholder finds those left, and reports show them as absent.
 */
#define KIND_PLACEHOLDER "TODO"
/* Whether the scalar s (len bytes) is a placeholder nobody filled in. */
int kind_placeholder(const char *s, size_t len);
/* Whether id is a well-formed id: ^[A-Z]+-[A-Za-z0-9][A-Za-z0-9-]*$ */
int id_valid(const char *id);

#endif
