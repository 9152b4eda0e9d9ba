/* The compliance rules of SPEC section 2 beyond yaml and schema. */
#ifndef GD_RULES_H
#define GD_RULES_H

#include <stddef.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "repo.h"

/* id-filename and id-duplicate over the records of the repository. */
void rules_ids(const struct repo *r, struct diag_list *d);

/*
 * Every other rule of SPEC section 2 over the loaded records of r (and,
 * for personal-data, gdprctl.yaml), comparing dates against today.
 * Records that did not load are skipped, and so are fields of the wrong
 * type: the yaml and schema findings cover them. Findings are reported
 * only for records that are in scope.
 */
void rules_run(const struct repo *r, struct gd_date today, struct diag_list *d);
/*
 * The rules that look across records, and personal-data in gdprctl.yaml.
 * Of each record they read only the fields rules_cross_keys names.
 */
void rules_cross(
    const struct repo *r, struct gd_date today, struct diag_list *d);
/*
 * The rules of one record alone, personal-data among them; nothing when
 * rec is out of scope or did not load. They read no other record: safe
 * on any thread while r does not change.
 */
void rules_record(const struct repo *r, const struct record *rec,
    struct gd_date today, struct diag_list *d);
/*
 * The top-level keys of records of kind k that rules_cross and rules_ids
 * read (*n of them, the kind's cross_keys): a record cut down to these
 * keys gives them the same findings.
 */
const char *const *rules_cross_keys(enum kind k, size_t *n);

/*
 * The rule personal-data over a text that may arrive in pieces: feed it
 * with pdata_feed and finish with pdata_end. Findings name path and the
 * 1-based line and column (in characters) of each number, masked.
 */
struct pdata_scan {
	const char *path;
	struct diag_list *d;
	struct buf buf;    /* the part not yet scanned */
	size_t skip;       /* leading bytes of buf already scanned */
	int line, col, cr; /* position of buf.ptr[0]; cr: it follows a CR */
	int started;       /* a first piece was scanned */
	size_t found;
};

void pdata_begin(struct pdata_scan *ps, const char *path, struct diag_list *d);
void pdata_feed(struct pdata_scan *ps, const char *data, size_t len);
/* Scan what is left; returns the number of findings, frees the buffer. */
size_t pdata_end(struct pdata_scan *ps);

/* A dpia or ros record whose register field lists a register id. */
struct rules_link {
	const char *reg;
	enum kind kind;
	const struct record *rec;
	const struct yml_node *node; /* the id in the register list */
};

/* The context the rules of each kind share during one run. */
struct rules_ctx {
	const struct repo *r;
	const struct config *cfg;
	struct gd_date today;
	struct diag_list *d;
	struct rules_link *links; /* (register id, dpia or ros record) */
	size_t nlinks;
};

/* Each kind's rules across records, over all records of the kind. */
void rules_register(const struct rules_ctx *x);
void rules_incident(const struct rules_ctx *x);
void rules_dpia(const struct rules_ctx *x);
void rules_ros(const struct rules_ctx *x);
void rules_request(const struct rules_ctx *x);
void rules_pdata_config(const struct rules_ctx *x);
/* Each kind's rules of one loaded record alone. */
void rules_register_record(const struct rules_ctx *x, const struct record *rec);
void rules_dpa_record(const struct rules_ctx *x, const struct record *rec);
void rules_incident_record(const struct rules_ctx *x, const struct record *rec);
void rules_dpia_record(const struct rules_ctx *x, const struct record *rec);
void rules_ros_record(const struct rules_ctx *x, const struct record *rec);
void rules_request_record(const struct rules_ctx *x, const struct record *rec);
void rules_plan_record(const struct rules_ctx *x, const struct record *rec);
void rules_pdata_record(const struct rules_ctx *x, const struct record *rec);
void rules_template_record(const struct rules_ctx *x, const struct record *rec);

/* Helpers of the rule files (src/rules.c). */

/* A finding of rule r at node n of rec (or at the top of rec when n is
 * NULL); nothing when rec is out of scope. */
void rules_add(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *n, enum rule r, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* As rules_add, in the rule's warning form (see diag_add_warning). */
void rules_add_warning(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *n, enum rule r, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The key node of key in map, or NULL. */
const struct yml_node *rules_key(const struct yml_node *map, const char *key);
/*
 * Rule ref-missing for one reference: n names a record of kind k. Returns
 * the record, or NULL (with a finding when n is a well-formed id of that
 * kind that names nothing; other values are the schema's).
 */
const struct record *rules_ref(const struct rules_ctx *x,
    const struct record *rec, const struct yml_node *n, enum kind k);
/* rules_ref for each string of a sequence. */
void rules_ref_list(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *seq, enum kind k);
/*
 * Index the register lists of the dpia and ros records of x->r into
 * x->links (freed by the caller), for rules_linked.
 */
void rules_links_build(struct rules_ctx *x);
/*
 * The records of kind k (dpia or ros) whose register field lists reg_id,
 * in path order: returns how many, the first in *out.
 */
size_t rules_linked(const struct rules_ctx *x, const char *reg_id, enum kind k,
    const struct rules_link **out);
/*
 * id-duplicate among the items of seq (plan tasks, risk items): each
 * later item whose id a former one has. what names the items in the
 * message ("task", "threat", "risk").
 */
void rules_item_ids(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *seq, const char *what);
/*
 * The risk items under key of a dpia or ros (risks, threats): checks
 * their ids and, in scope, their scales; returns the list, or NULL when
 * there is none. what names an item as for rules_item_ids.
 */
const struct yml_node *rules_risk_items(const struct rules_ctx *x,
    const struct record *rec, const char *key, const char *what);

#endif
