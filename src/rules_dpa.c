/* Rules over processor agreements: transfer-safeguard and dpa-expired. */
#include <string.h>

#include "adequacy.h"
#include "deadline.h"
#include "rules.h"

static void
check_subprocessors(const struct rules_ctx *x, const struct record *rec)
{
	const struct yml_node *s = yml_get(rec->doc->root, "subprocessors");
	size_t i;

	if (s == NULL || s->type != YML_SEQ)
		return;
	for (i = 0; i < s->n; i++) {
		const struct yml_node *c = yml_get(s->items[i], "country");
		const struct yml_node *sg = yml_get(s->items[i], "safeguard");

		if (c == NULL || c->type != YML_STR || c->len != 2 ||
		    c->str[0] < 'A' || c->str[0] > 'Z' || c->str[1] < 'A' ||
		    c->str[1] > 'Z' || adequacy_in_eea(c->str) ||
		    (sg != NULL && sg->type != YML_NULL))
			continue;
		rules_add(x, rec, c, RULE_TRANSFER_SAFEGUARD,
		    "sub-processor in %s, outside the EEA, without "
		    "safeguard; name adequacy, scc, bcr, derogation or "
		    "other (Art. 28(4), Art. 44-49)",
		    c->str);
	}
}

static void
check_expiry(const struct rules_ctx *x, const struct record *rec)
{
	const struct yml_node *root = rec->doc->root;
	const struct yml_node *n = yml_get(root, "expires");
	const char *status = yml_get_str(root, "status");
	struct gd_date expires;
	long left;

	if (status == NULL || strcmp(status, "signed") != 0 ||
	    deadline_date(n, &expires) < 0)
		return;
	left = date_to_days(expires) - date_to_days(x->today);
	if (left < 0)
		rules_add(x, rec, n, RULE_DPA_EXPIRED,
		    "the agreement expired on %s, %ld day%s ago; renew "
		    "it, or set status terminated when the processor is "
		    "no longer used (Art. 28(3))",
		    n->str, -left, left == -1 ? "" : "s");
	else if (left <= x->cfg->dpa_warning_days)
		rules_add_warning(x, rec, n, RULE_DPA_EXPIRED,
		    "the agreement expires on %s, in %ld day%s; renew it "
		    "in time (Art. 28(3))",
		    n->str, left, left == 1 ? "" : "s");
}

void
rules_dpa_record(const struct rules_ctx *x, const struct record *rec)
{
	check_subprocessors(x, rec);
	check_expiry(x, rec);
}
