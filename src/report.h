/*
 * The reports of `gdprctl report`: each computes its figures into a struct
 * and renders them as Markdown (labels in the report's locale), CSV or
 * JSON (columns and keys of SPEC section 3 in every locale).
 */
#ifndef GD_REPORT_H
#define GD_REPORT_H

#include <stddef.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "git.h"
#include "jsonw.h"
#include "repo.h"
#include "risk.h"

struct rules_ctx;

enum report_format {
	REPORT_MD,
	REPORT_CSV,
	REPORT_JSON,
};

/* The folders whose commits the annual report counts. */
#define REPORT_NCOUNTED 3
extern const char *const report_counted[REPORT_NCOUNTED];

/* The commits of a year that changed each of report_counted. */
struct report_commits {
	int known; /* 0: not in a git repository */
	size_t n[REPORT_NCOUNTED];
};

/* What a report is computed from. */
struct report_ctx {
	const struct repo *r; /* loaded */
	const char *locale;   /* en, nb or sv */
	struct gd_date today;
	int year;
	int quarter; /* 1..4, or 0 for every quarter */
	enum report_format format;
	struct git_prov prov; /* where the records came from */
	/* For the annual report: every finding of validate, sorted, and
	 * the commit counts. */
	const struct diag_list *findings;
	struct report_commits commits;
	/* The register lists of dpia and ros records, indexed (annual). */
	const struct rules_ctx *links;
};

/* The reports, rendering into out. Each returns 0, or -1 after a message
 * (a status report of a year without a plan). */
int report_status(const struct report_ctx *x, struct buf *out);
int report_register(const struct report_ctx *x, struct buf *out);
int report_incidents(const struct report_ctx *x, struct buf *out);
int report_risks(const struct report_ctx *x, struct buf *out);
int report_annual(const struct report_ctx *x, struct buf *out);

/*
 * The figures of the status report (and the plan section of the annual
 * one). Strings point into the plan record; NULL is an absent value.
 */
struct status_task {
	const char *id, *quarter, *title, *priority, *status, *date, *role,
	    *notes;
	long percent;        /* 0..100; 0 when absent or not a percent */
	const char *pct_raw; /* as written, or NULL when absent */
	int pct_valid;       /* an integer 0..100 was written */
	int cancelled;
	int complete; /* percent is 100 */
};

struct status_part {
	struct status_task *tasks; /* not owned: points into the report's */
	size_t ntasks;
	const char *const *themes;
	size_t nthemes;
	size_t counted;   /* tasks that are not cancelled */
	long sum;         /* their percent */
	size_t ncomplete; /* tasks at 100 */
	int completion;   /* rounded mean, or -1 when no task counts */
};

struct status_report {
	int year;
	const struct record *plan;
	struct status_task *tasks; /* every task with a quarter, in order */
	size_t ntasks;
	const char **strs; /* owned arrays of themes and continuous work */
	struct status_part q[4];
	struct status_part all;
	const char *const *continuous;
	size_t ncontinuous;
};

/* The plan of year: PLAN-<year>, else a plan whose year field is year. */
const struct record *status_find_plan(const struct repo *r, int year);
/* Compute the figures of plan (NULL: an empty report). */
void status_compute(
    const struct record *plan, int year, struct status_report *out);
void status_free(struct status_report *s);

/* Whether an incident was notified in time (Art. 33(1)). */
enum incident_timing {
	TIMING_ON_TIME,      /* notified by the deadline */
	TIMING_LATE,         /* notified after it, or not and it passed */
	TIMING_PENDING,      /* not notified, the deadline has not passed */
	TIMING_NOT_REQUIRED, /* risk none and not notified */
	TIMING_UNKNOWN,      /* discovered or notified is not a date-time */
};

/* One breach of the incidents report. Strings point into the record. */
struct incident_row {
	const struct record *rec;
	const char *id, *title, *discovered, *risk, *notified, *status, *closed,
	    *exemption;
	const struct yml_node *types; /* breach_type */
	struct gd_datetime when;      /* discovered */
	int required;                 /* risk is risk or high */
	int has_hours;
	long hours; /* tenths of an hour from discovered to notified */
	enum incident_timing timing;
	int subjects_notified; /* subject_notification.notified is set */
};

enum { INCIDENT_NRISKS = 3, INCIDENT_NTYPES = 3 };
extern const char *const incident_risks[INCIDENT_NRISKS];
extern const char *const incident_types[INCIDENT_NTYPES];

struct incidents_report {
	int year;
	struct incident_row *v; /* by discovered, then id */
	size_t n;
	size_t by_risk[INCIDENT_NRISKS], by_type[INCIDENT_NTYPES];
	size_t required, notified, on_time, late, pending, subjects, open;
	int has_median;
	long median; /* tenths of an hour; the mean of the middle two rounded
	                half up when their number is even */
};

/* The breaches discovered in year (in the offset they were written in). */
void incidents_compute(const struct repo *r, int year, struct gd_date today,
    struct incidents_report *out);
void incidents_free(struct incidents_report *s);
/* The median of n tenths (sorted in place); 0 when n is 0. */
long report_median(long *v, size_t n);

/* One ROS threat or DPIA risk of the risks report. */
struct risk_row {
	const struct record *rec;
	const char *source; /* the record's id */
	const char *item;   /* the item's id */
	const char *threat;
	const struct yml_node *node;
	struct risk_eval e;
};

struct risks_report {
	struct risk_row *v; /* by residual score, then source, then item */
	size_t n;
	size_t nl, nc;          /* the scales */
	size_t *before, *after; /* nl * nc counts, row l - 1, column c - 1 */
};

void risks_compute(const struct repo *r, struct risks_report *out);
void risks_free(struct risks_report *s);

/*
 * A whole percentage: the mean sum / n rounded half up (43.75 -> 44),
 * computed in integers. -1 when n is 0.
 */
int report_percent(long sum, size_t n);

/* Helpers shared by the report files (src/report.c). */

/* The label of key in the report's locale. */
const char *rep_label(const struct report_ctx *x, const char *key);
/* The label of an enum value, or the value when the table lacks it. */
const char *rep_enum(
    const struct report_ctx *x, const char *type, const char *value);
/* A scalar field as written (strings, numbers, booleans); NULL when it is
 * absent, null or not a scalar. */
const char *rep_str(const struct yml_node *map, const char *key);
/* Whether a register entry is in use: status active, or no status. */
int rep_is_active(const struct record *rec);
/* "64 %" in the report's locale; "–" when pct is -1 (no tasks). */
void rep_percent(const struct report_ctx *x, struct buf *b, int pct);
/* Hours with one decimal, with the locale's decimal separator. */
void rep_hours(const struct report_ctx *x, struct buf *b, long tenths);
/*
 * The scalar items of a sequence joined with sep; with type, each shown
 * with its enum label (x may be NULL without type). Nothing when seq is
 * not a sequence.
 */
void rep_join(const struct report_ctx *x, struct buf *b,
    const struct yml_node *seq, const char *sep, const char *type);
/* The Markdown title of a report: "# text" and, when as_of, "As of DATE." */
void rep_md_title(
    const struct report_ctx *x, struct buf *out, const char *title, int as_of);
/* The provenance paragraph that ends every Markdown report. */
void rep_md_provenance(const struct report_ctx *x, struct buf *out);
/* Begin the JSON object of a report with its "report" member. */
void rep_json_begin(struct jsonw *w, const char *name);
/* The "provenance" member and the end of the report's object. */
void rep_json_end(const struct report_ctx *x, struct jsonw *w);
/* A JSON array of the scalar items of seq ([] when it is not one). */
void rep_json_strs(struct jsonw *w, const struct yml_node *seq);

#endif
