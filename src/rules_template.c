/* Rule template-placeholder: values that new wrote and nobody filled in. */
#include "rules.h"

static void
walk(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *n)
{
	size_t i;

	switch (n->type) {
	case YML_STR:
		if (kind_placeholder(n->str, n->len))
			rules_add(x, rec, n, RULE_TEMPLATE_PLACEHOLDER,
			    "%s is the template's placeholder; fill in the "
			    "value, or remove the field if it does not apply",
			    KIND_PLACEHOLDER);
		break;
	case YML_SEQ:
		for (i = 0; i < n->n; i++)
			walk(x, rec, n->items[i]);
		break;
	case YML_MAP:
		for (i = 0; i < n->n; i++)
			walk(x, rec, n->pairs[i].val);
		break;
	default:
		break;
	}
}

void
rules_template_record(const struct rules_ctx *x, const struct record *rec)
{
	walk(x, rec, rec->doc->root);
}
