/*
 * Rules over impact assessments: id-duplicate and the scales of their
 * risks, dpia-required (drafts left lying) and dpia-prior-consultation
 * (Art. 36(1)) on the assessment alone, ref-missing across records.
 */
#include <string.h>

#include "deadline.h"
#include "risk.h"
#include "rules.h"

/* How long a DPIA that screening found necessary may stay a draft. */
#define DPIA_DRAFT_DAYS 90

static void
check_draft(const struct rules_ctx *x, const struct record *rec)
{
	const struct yml_node *root = rec->doc->root;
	const struct yml_node *status = yml_get(root, "status");
	const struct yml_node *date = yml_get(root, "date");
	int count = risk_screening_count(yml_get(root, "screening"));
	struct gd_date d;

	if (count < 2 || status == NULL || status->type != YML_STR ||
	    strcmp(status->str, "draft") != 0 || deadline_date(date, &d) < 0 ||
	    date_cmp(date_add_days(d, DPIA_DRAFT_DAYS), x->today) >= 0)
		return;
	rules_add(x, rec, status, RULE_DPIA_REQUIRED,
	    "still a draft more than %d days after its date %s although "
	    "it meets %d of the WP248 screening criteria; complete the "
	    "assessment before the processing starts (Art. 35(1))",
	    DPIA_DRAFT_DAYS, date->str, count);
}

/*
 * A draft without a conclusion is unfinished work and is not held to the
 * rule; a conclusion, or a completed or approved DPIA, is.
 */
static void
check_prior(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *risks)
{
	const struct yml_node *root = rec->doc->root;
	const struct yml_node *concl = yml_get(root, "conclusion");
	const char *status = yml_get_str(root, "status");
	const struct yml_node *worst = NULL;
	struct risk_eval e, we = {0};
	int top = (int)x->cfg->nlevels - 1;
	size_t i;

	for (i = 0; i < risks->n; i++) {
		risk_eval(x->cfg, risks->items[i], &e);
		if (e.rok && e.rrank == top && worst == NULL) {
			worst = risks->items[i];
			we = e;
		}
	}
	if (worst == NULL)
		return;
	if (concl != NULL && concl->type == YML_STR) {
		struct buf what = BUF_INIT;

		if (strcmp(concl->str, "prior-consultation") == 0)
			return;
		if (we.id != NULL)
			buf_printf(&what, "risk %s", we.id);
		else
			buf_printf(&what, "the risk on line %d", worst->line);
		rules_add(x, rec, concl, RULE_DPIA_PRIOR_CONSULTATION,
		    "the highest residual risk is %s (%s, score %ld) but "
		    "conclusion is %s; consult the supervisory authority "
		    "before processing and conclude prior-consultation "
		    "(Art. 36(1))",
		    we.rlevel, buf_cstr(&what), we.rscore, concl->str);
		buf_free(&what);
		return;
	}
	if (concl != NULL || status == NULL || strcmp(status, "draft") == 0)
		return;
	rules_add(x, rec, worst, RULE_DPIA_PRIOR_CONSULTATION,
	    "the residual risk is %s (score %ld) and the DPIA is %s "
	    "without a conclusion; consult the supervisory authority "
	    "before processing and conclude prior-consultation "
	    "(Art. 36(1))",
	    we.rlevel, we.rscore, status);
}

void
rules_dpia_record(const struct rules_ctx *x, const struct record *rec)
{
	const struct yml_node *risks;

	check_draft(x, rec);
	risks = rules_risk_items(x, rec, "risks", "risk");
	if (risks != NULL)
		check_prior(x, rec, risks);
}

void
rules_dpia(const struct rules_ctx *x)
{
	const struct record *rec = NULL;

	while ((rec = repo_next(x->r, KIND_DPIA, rec)) != NULL)
		if (rec->doc != NULL)
			rules_ref_list(x, rec,
			    yml_get(rec->doc->root, "register"), KIND_REGISTER);
}
