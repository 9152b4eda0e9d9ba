/* Risk scores and levels on the organisation's scales, and DPIA screening. */
#include <string.h>

#include "risk.h"

const char *const risk_criteria[] = {
    "evaluation_scoring",
    "automated_decision",
    "systematic_monitoring",
    "sensitive_data",
    "large_scale",
    "matching_datasets",
    "vulnerable_subjects",
    "innovative_technology",
    "prevents_rights",
};
const size_t risk_ncriteria = sizeof(risk_criteria) / sizeof(risk_criteria[0]);

const char *
risk_level(const struct config *cfg, long l, long c)
{
	long score = l * c;
	size_t i;

	if (cfg->nlevels == 0)
		return NULL;
	if (cfg->matrix != NULL && l >= 1 && c >= 1 &&
	    (size_t)l <= cfg->nlikelihood && (size_t)c <= cfg->nconsequence)
		return cfg->matrix[(size_t)(l - 1) * cfg->nconsequence +
		    (size_t)(c - 1)];
	for (i = 0; i < cfg->nlevels; i++)
		if (cfg->levels[i].max >= score)
			return cfg->levels[i].name;
	return cfg->levels[cfg->nlevels - 1].name;
}

int
risk_rank(const struct config *cfg, const char *level)
{
	size_t i;

	if (level == NULL)
		return -1;
	for (i = 0; i < cfg->nlevels; i++)
		if (strcmp(cfg->levels[i].name, level) == 0)
			return (int)i;
	return -1;
}

const char *
risk_likelihood_label(const struct config *cfg, long l)
{
	if (l < 1 || (size_t)l > cfg->nlikelihood)
		return NULL;
	return cfg->likelihood[l - 1];
}

const char *
risk_consequence_label(const struct config *cfg, long c)
{
	if (c < 1 || (size_t)c > cfg->nconsequence)
		return NULL;
	return cfg->consequence[c - 1];
}

/* The integer value of key, or 0 when absent or not an integer. */
static long
int_value(const struct yml_node *item, const char *key)
{
	const struct yml_node *n = yml_get(item, key);

	if (n == NULL || n->type != YML_INT || n->is_big)
		return 0;
	/* Far outside any scale, and l * c cannot overflow. */
	if (n->ival < 0 || n->ival > 1000000)
		return 0;
	return (long)n->ival;
}

static int
on_scale(long v, size_t n)
{
	return v >= 1 && (size_t)v <= n;
}

int
risk_eval(const struct config *cfg, const struct yml_node *item,
    struct risk_eval *out)
{
	const struct yml_node *m = yml_get(item, "measures");
	const struct yml_node *rl = yml_get(item, "residual_likelihood");
	const struct yml_node *rc = yml_get(item, "residual_consequence");
	size_t i;

	memset(out, 0, sizeof(*out));
	out->rank = out->rrank = -1;
	out->id = yml_get_str(item, "id");
	out->l = int_value(item, "likelihood");
	out->c = int_value(item, "consequence");
	out->ok = on_scale(out->l, cfg->nlikelihood) &&
	    on_scale(out->c, cfg->nconsequence);
	if (out->ok) {
		out->score = out->l * out->c;
		out->level = risk_level(cfg, out->l, out->c);
		out->rank = risk_rank(cfg, out->level);
	}
	out->residual_given = (rl != NULL && rl->type != YML_NULL) ||
	    (rc != NULL && rc->type != YML_NULL);
	if (out->residual_given) {
		out->rl = int_value(item, "residual_likelihood");
		out->rc = int_value(item, "residual_consequence");
		out->rok = on_scale(out->rl, cfg->nlikelihood) &&
		    on_scale(out->rc, cfg->nconsequence);
	} else {
		out->rl = out->l;
		out->rc = out->c;
		out->rok = out->ok;
	}
	if (out->rok) {
		out->rscore = out->rl * out->rc;
		out->rlevel = risk_level(cfg, out->rl, out->rc);
		out->rrank = risk_rank(cfg, out->rlevel);
	}
	if (m != NULL && m->type == YML_SEQ) {
		out->measures = m->n;
		for (i = 0; i < m->n; i++) {
			const struct yml_node *done =
			    yml_get(m->items[i], "done");

			if (done == NULL || done->type != YML_BOOL ||
			    !done->boolean)
				out->open_measures++;
		}
	}
	return out->ok && out->rok ? 0 : -1;
}

static void
check_one(const char *path, const struct yml_node *item, const char *key,
    size_t n, struct diag_list *d)
{
	const struct yml_node *v = yml_get(item, key);

	if (v == NULL || v->type != YML_INT)
		return;
	if (v->is_big || v->ival > (int64_t)n)
		diag_add(d, path, v->line, v->col, RULE_SCHEMA,
		    "%s %s is outside the scale 1..%zu of gdprctl.yaml", key,
		    v->str, n);
}

void
risk_check_scale(const struct config *cfg, const char *path,
    const struct yml_node *item, struct diag_list *d)
{
	if (item == NULL || item->type != YML_MAP)
		return;
	check_one(path, item, "likelihood", cfg->nlikelihood, d);
	check_one(path, item, "consequence", cfg->nconsequence, d);
	check_one(path, item, "residual_likelihood", cfg->nlikelihood, d);
	check_one(path, item, "residual_consequence", cfg->nconsequence, d);
}

int
risk_screening_count(const struct yml_node *screening)
{
	int count = 0;
	size_t i;

	for (i = 0; i < risk_ncriteria; i++) {
		const struct yml_node *v = yml_get(screening, risk_criteria[i]);

		if (v != NULL && v->type == YML_BOOL && v->boolean)
			count++;
	}
	return count;
}
