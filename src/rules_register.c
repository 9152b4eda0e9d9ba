/*
 * Rules over register entries: art9-condition, public-task-basis,
 * transfer-safeguard and review-stale on the entry alone; ref-missing,
 * dpa-missing, transfer-safeguard for processors and dpia-required (for
 * entries marked not-required) across records.
 */
#include <string.h>

#include "adequacy.h"
#include "deadline.h"
#include "risk.h"
#include "rules.h"

/* A well-formed country code, so the schema's findings are not repeated. */
static const char *
country_of(const struct yml_node *n)
{
	if (n == NULL || n->type != YML_STR || n->len != 2 || n->str[0] < 'A' ||
	    n->str[0] > 'Z' || n->str[1] < 'A' || n->str[1] > 'Z')
		return NULL;
	return n->str;
}

static int
has_value(const struct yml_node *map, const char *key)
{
	const struct yml_node *n = yml_get(map, key);

	return n != NULL && n->type != YML_NULL;
}

/* A retired processing needs no agreement or reviews. */
static int
retired(const struct yml_node *root)
{
	const char *status = yml_get_str(root, "status");

	return status != NULL && strcmp(status, "retired") == 0;
}

static void
check_art9(const struct rules_ctx *x, const struct record *rec)
{
	const struct yml_node *root = rec->doc->root;
	const struct yml_node *sc = yml_get(root, "special_categories");

	if (sc == NULL || sc->type != YML_SEQ || sc->n == 0 ||
	    has_value(root, "art9_condition"))
		return;
	rules_add(x, rec, rules_key(root, "special_categories"),
	    RULE_ART9_CONDITION,
	    "special_categories without art9_condition; name the "
	    "condition that permits the processing (Art. 9(2), Art. 10)");
}

static void
check_public_task(const struct rules_ctx *x, const struct record *rec)
{
	const struct yml_node *lb = yml_get(rec->doc->root, "legal_basis");
	size_t i;

	if (!x->cfg->public_authority || lb == NULL || lb->type != YML_SEQ)
		return;
	for (i = 0; i < lb->n; i++) {
		const struct yml_node *b = yml_get(lb->items[i], "basis");

		if (b != NULL && b->type == YML_STR &&
		    strcmp(b->str, "legitimate-interests") == 0)
			rules_add(x, rec, b, RULE_PUBLIC_TASK_BASIS,
			    "legitimate-interests does not apply to a "
			    "public authority performing its tasks; use "
			    "public-task or another basis (Art. 6(1) last "
			    "subparagraph)");
	}
}

static void
check_transfers(const struct rules_ctx *x, const struct record *rec)
{
	const struct yml_node *t = yml_get(rec->doc->root, "transfers");
	size_t i;

	if (t == NULL || t->type != YML_SEQ)
		return;
	for (i = 0; i < t->n; i++) {
		const struct yml_node *c = yml_get(t->items[i], "country");
		const char *cc = country_of(c);

		if (cc == NULL || adequacy_in_eea(cc) ||
		    has_value(t->items[i], "safeguard"))
			continue;
		rules_add(x, rec, c, RULE_TRANSFER_SAFEGUARD,
		    "transfer to %s, outside the EEA, without safeguard; "
		    "name adequacy, scc, bcr, derogation or other "
		    "(Art. 30(1)(e), Art. 44-49)",
		    cc);
	}
}

/* Whether the entry's transfers list a transfer to country cc. */
static int
transfer_listed(const struct yml_node *root, const char *cc)
{
	const struct yml_node *t = yml_get(root, "transfers");
	size_t i;

	if (t == NULL || t->type != YML_SEQ)
		return 0;
	for (i = 0; i < t->n; i++) {
		const char *c = yml_get_str(t->items[i], "country");

		if (c != NULL && strcmp(c, cc) == 0)
			return 1;
	}
	return 0;
}

/*
 * A processor outside the EEA is a transfer of the entries that use it.
 * The dpa record has no place for a safeguard, so the entry must list the
 * transfer (whose safeguard check_transfers then demands).
 */
static void
check_processor(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *n, const struct record *dpa, int retired)
{
	const struct yml_node *droot = dpa->doc->root;
	const char *status = yml_get_str(droot, "status");
	const char *cc =
	    country_of(yml_get(yml_get(droot, "processor"), "country"));

	if (!retired && status != NULL && strcmp(status, "signed") != 0)
		rules_add(x, rec, n, RULE_DPA_MISSING,
		    "processor %s has no signed agreement (its status is "
		    "%s); sign the data processing agreement or remove "
		    "the processor (Art. 28(3))",
		    n->str, status);
	if (cc != NULL && !adequacy_in_eea(cc) &&
	    !transfer_listed(rec->doc->root, cc))
		rules_add(x, rec, n, RULE_TRANSFER_SAFEGUARD,
		    "processor %s is in %s, outside the EEA, but transfers "
		    "has no entry for %s; add the transfer with its "
		    "safeguard (Art. 30(1)(e), Art. 44)",
		    n->str, cc, cc);
}

static void
check_dpia(const struct rules_ctx *x, const struct record *rec)
{
	const struct yml_node *n = yml_get(rec->doc->root, "dpia");
	const struct rules_link *l;
	size_t i, nl;

	if (n == NULL || n->type != YML_STR)
		return;
	if (strcmp(n->str, "not-required") != 0) {
		rules_ref(x, rec, n, KIND_DPIA);
		return;
	}
	if (rec->id == NULL)
		return;
	nl = rules_linked(x, rec->id, KIND_DPIA, &l);
	for (i = 0; i < nl; i++) {
		int count = risk_screening_count(
		    yml_get(l[i].rec->doc->root, "screening"));

		if (count < 2)
			continue;
		rules_add(x, rec, n, RULE_DPIA_REQUIRED,
		    "dpia is not-required but %s meets %d of the WP248 "
		    "screening criteria; carry out the DPIA and refer to "
		    "it (Art. 35(1), 35(3))",
		    l[i].rec->id, count);
		break;
	}
}

static void
check_review(const struct rules_ctx *x, const struct record *rec)
{
	const struct yml_node *n = yml_get(rec->doc->root, "reviewed");
	struct gd_date due;

	if (deadline_review(x->cfg, rec->doc->root, &due) < 0 ||
	    date_cmp(due, x->today) >= 0)
		return;
	rules_add(x, rec, n, RULE_REVIEW_STALE,
	    "last reviewed %s, more than %ld month%s ago; review the "
	    "entry and update reviewed (Art. 24(1), Art. 30)",
	    n->str, x->cfg->review_max_age_months,
	    x->cfg->review_max_age_months == 1 ? "" : "s");
}

void
rules_register_record(const struct rules_ctx *x, const struct record *rec)
{
	check_art9(x, rec);
	check_public_task(x, rec);
	check_transfers(x, rec);
	if (!retired(rec->doc->root))
		check_review(x, rec);
}

void
rules_register(const struct rules_ctx *x)
{
	const struct record *rec = NULL;

	while ((rec = repo_next(x->r, KIND_REGISTER, rec)) != NULL) {
		const struct yml_node *root, *p;
		size_t i;

		if (rec->doc == NULL)
			continue;
		root = rec->doc->root;
		p = yml_get(root, "processors");
		for (i = 0; p != NULL && p->type == YML_SEQ && i < p->n; i++) {
			const struct record *dpa =
			    rules_ref(x, rec, p->items[i], KIND_DPA);

			if (dpa != NULL && dpa->doc != NULL)
				check_processor(
				    x, rec, p->items[i], dpa, retired(root));
		}
		rules_ref_list(x, rec, yml_get(root, "ros"), KIND_ROS);
		check_dpia(x, rec);
	}
}
