/* request: data-subject requests (Art. 12 to 22). */
#include "record_kind.h"
#include "rules.h"

static void
get_due(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct answer a;

	(void)col;
	rec_answer(c, rec, &a);
	if (a.valid)
		rv_date(v, a.deadline);
}

static void
get_req_status(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct answer a;

	(void)col;
	rec_answer(c, rec, &a);
	rv_str(v, a.responded ? "responded" : "open");
	if (a.responded && a.valid &&
	    date_cmp(a.responded_on, a.deadline) > 0) {
		rv_l10n(v, c->locale, "rec.responded_late", NULL);
		v->color = RC_WARN;
	} else if (!a.responded && a.valid) {
		rec_days_text(c, a.left, v);
	}
}

static void
get_days_left(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct answer a;

	(void)col;
	rec_answer(c, rec, &a);
	if (a.valid && !a.responded) {
		rv_int(v, a.left);
		rec_days_text(c, a.left, v);
	}
}

static void
get_answered_on_time(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct answer a;

	(void)col;
	rec_answer(c, rec, &a);
	if (a.valid && a.responded)
		rv_bool(v, date_cmp(a.responded_on, a.deadline) <= 0);
}

static const struct rcol req_cols[] = {
    {"id", "col.id", TABLE_LEFT, RC_LIST, NULL, "id", NULL},
    {"type", "col.type", TABLE_LEFT, RC_LIST, NULL, "type", "request-type"},
    {"received", "col.received", TABLE_LEFT, RC_LIST, NULL, "received", NULL},
    {"due", "col.deadline", TABLE_LEFT, RC_ALL, get_due, NULL, NULL},
    {"status", "col.status", TABLE_LEFT, RC_LIST, get_req_status, NULL,
        "request-status"},
    {"days_left", "col.days_left", TABLE_RIGHT, RC_CALC, get_days_left, NULL,
        NULL},
    {"responded", "col.responded", TABLE_LEFT, RC_DATA, NULL, "responded",
        NULL},
    {"outcome", "col.outcome", TABLE_LEFT, RC_DATA, NULL, "outcome",
        "request-outcome"},
    {"on_time", "col.on_time", TABLE_LEFT, RC_CALC, get_answered_on_time, NULL,
        NULL},
    {"case", "rec.col.case", TABLE_LEFT, RC_DATA, NULL, "case", NULL},
};

static const char *const req_statuses[] = {"open", "responded", NULL};

static const struct kind_ref req_refs[] = {
    {"register", KIND_REGISTER},
};

static const char *const req_types[] = {"access", "rectification", "erasure",
    "restriction", "portability", "objection", NULL};

static const struct ropt req_opts[] = {
    {"type", RO_ENUM, req_types, "access", "T",
        "access (default), rectification, erasure, restriction, portability "
        "or objection"},
    {"received", RO_DATE, NULL, NULL, "DATE|today",
        "the date it was received (default today)"},
    {"case", RO_TEXT, NULL, "TODO", "CASE",
        "the archive case number; never the person's name"},
};

static const char req_tmpl[] =
    "# Data-subject request (Art. 12 to 22). Never write the person's\n"
    "# name: refer to the case in the archive. Uncomment the optional\n"
    "# fields that apply.\n"
    "id: ${id}\n"
    "# access, rectification, erasure, restriction, portability or\n"
    "# objection.\n"
    "type: ${type}\n"
    "# The date it was received; the answer is due ${months} month(s)\n"
    "# later (Art. 12(3)).\n"
    "received: ${received}\n"
    "# The archive case number.\n"
    "case: ${case}\n"
    "# The processing activities it concerns (ids in register/).\n"
    "#register: [REG-001]\n"
    "# When the requester's identity was verified (Art. 12(6)).\n"
    "#identity_verified: ${received}\n"
    "# Whether the deadline was extended by ${extension} months, and why\n"
    "# (the person is told within the first month).\n"
    "#extended: true\n"
    "#extension_reason: TODO\n"
    "# When it was answered, and the outcome: granted,\n"
    "# partially-granted, refused or withdrawn.\n"
    "#responded: YYYY-MM-DD\n"
    "#outcome: granted\n";

static const char *const req_keys[] = {"id", "register", NULL};

const struct kind_info kind_request = {
    .kind = KIND_REQUEST,
    .name = "request",
    .dir = "request",
    .prefix = "REQ",
    .schema = "request.schema.json",
    .refs = req_refs,
    .nrefs = NELEM(req_refs),
    .rules_record = rules_request_record,
    .rules_cross = rules_request,
    .cross_keys = req_keys,
    .title_field = "case",
    .cols = req_cols,
    .ncols = NELEM(req_cols),
    .statuses = req_statuses,
    .year_field = "received",
    .opts = req_opts,
    .nopts = NELEM(req_opts),
    .year_opt = "received",
    .tmpl = req_tmpl,
    .new_usage =
        "usage: gdprctl request new [--id ID] [--type T] "
        "[--received DATE|today]\n"
        "                           [--case CASE] [--edit|--no-edit]\n",
};
