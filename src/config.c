/* gdprctl.yaml: defaults, reading the settings, per-rule severities. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "xalloc.h"

static const char *lik_en[] = {
    "Very rare", "Rare", "Frequent", "Very frequent"};
static const char *con_en[] = {"Small", "Moderate", "Large", "Catastrophic"};
static const char *lik_nb[] = {
    "Svært sjelden", "Sjelden", "Ofte", "Svært ofte"};
static const char *con_nb[] = {"Liten", "Moderat", "Stor", "Katastrofal"};
static const char *lik_sv[] = {
    "Mycket sällan", "Sällan", "Ofta", "Mycket ofta"};
static const char *con_sv[] = {"Liten", "Måttlig", "Stor", "Katastrofal"};

static void
default_labels(struct config *cfg)
{
	if (cfg->labels_given)
		return;
	if (strcmp(cfg->locale, "nb") == 0) {
		cfg->likelihood = lik_nb;
		cfg->consequence = con_nb;
	} else if (strcmp(cfg->locale, "sv") == 0) {
		cfg->likelihood = lik_sv;
		cfg->consequence = con_sv;
	} else {
		cfg->likelihood = lik_en;
		cfg->consequence = con_en;
	}
	cfg->nlikelihood = 4;
	cfg->nconsequence = 4;
}

void
config_defaults(struct config *cfg, const char *locale)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->locale = locale ? locale : "en";
	default_labels(cfg);
	cfg->levels = xcalloc(3, sizeof(*cfg->levels));
	cfg->levels[0] = (struct risk_level){"low", 3};
	cfg->levels[1] = (struct risk_level){"medium", 6};
	cfg->levels[2] = (struct risk_level){"high", 16};
	cfg->nlevels = 3;
	cfg->acceptable = "low";
	cfg->breach_hours = 72;
	cfg->request_months = 1;
	cfg->extension_months = 2;
	cfg->ros_max_age_years = 3;
	cfg->review_max_age_months = 12;
	cfg->dpa_warning_days = 90;
}

void
config_set_locale(struct config *cfg, const char *locale)
{
	cfg->locale = locale;
	default_labels(cfg);
}

static void
get_long(const struct yml_node *map, const char *key, long *out)
{
	const struct yml_node *n = yml_get(map, key);

	if (n != NULL && n->type == YML_INT && !n->is_big)
		*out = (long)n->ival;
}

static const char **
string_list(const struct yml_node *seq, size_t *n)
{
	const char **v;
	size_t i;

	if (seq == NULL || seq->type != YML_SEQ || seq->n == 0)
		return NULL;
	for (i = 0; i < seq->n; i++)
		if (seq->items[i]->type != YML_STR)
			return NULL;
	v = xcalloc(seq->n, sizeof(*v));
	for (i = 0; i < seq->n; i++)
		v[i] = seq->items[i]->str;
	*n = seq->n;
	return v;
}

static int
level_known(const struct config *cfg, const char *name)
{
	size_t i;

	for (i = 0; i < cfg->nlevels; i++)
		if (strcmp(cfg->levels[i].name, name) == 0)
			return 1;
	return 0;
}

static void
load_risk(struct config *cfg, const struct yml_node *risk, struct diag_list *d)
{
	const char *path = cfg->doc->path;
	const struct yml_node *n, *m;
	const char **lik, **con;
	size_t nl = 0, nc = 0, i, j;

	lik = string_list(yml_get(risk, "likelihood"), &nl);
	con = string_list(yml_get(risk, "consequence"), &nc);
	if (lik != NULL || con != NULL) {
		/* Labels given for one axis only keep the default count on
		 * the other. */
		cfg->labels_given = 1;
		if (lik == NULL) {
			nl = cfg->nlikelihood;
			lik = xcalloc(nl, sizeof(*lik));
			memcpy(lik, cfg->likelihood, nl * sizeof(*lik));
		}
		if (con == NULL) {
			nc = cfg->nconsequence;
			con = xcalloc(nc, sizeof(*con));
			memcpy(con, cfg->consequence, nc * sizeof(*con));
		}
		cfg->likelihood = lik;
		cfg->nlikelihood = nl;
		cfg->consequence = con;
		cfg->nconsequence = nc;
	}
	n = yml_get(risk, "levels");
	if (n != NULL && n->type == YML_SEQ && n->n > 0) {
		struct risk_level *lv = xcalloc(n->n, sizeof(*lv));
		size_t k = 0;

		for (i = 0; i < n->n; i++) {
			const char *name = yml_get_str(n->items[i], "name");
			const struct yml_node *max =
			    yml_get(n->items[i], "max");

			if (name == NULL || max == NULL ||
			    max->type != YML_INT || max->is_big)
				continue;
			if (k > 0 && max->ival <= lv[k - 1].max)
				diag_add(d, path, max->line, max->col,
				    RULE_SCHEMA,
				    "risk level \"%s\" has max %lld, not above "
				    "the previous level's %ld; list levels from "
				    "lowest to highest",
				    name, (long long)max->ival, lv[k - 1].max);
			lv[k].name = name;
			lv[k].max = (long)max->ival;
			k++;
		}
		if (k > 0) {
			free(cfg->levels);
			cfg->levels = lv;
			cfg->nlevels = k;
		} else {
			free(lv);
		}
	}
	m = yml_get(risk, "matrix");
	if (m != NULL && m->type == YML_SEQ) {
		int ok = 1;

		if (m->n != cfg->nlikelihood) {
			diag_add(d, path, m->line, m->col, RULE_SCHEMA,
			    "risk.matrix has %zu rows but there are %zu "
			    "likelihood levels; give one row per likelihood",
			    (size_t)m->n, cfg->nlikelihood);
			ok = 0;
		}
		for (i = 0; ok && i < m->n; i++) {
			const struct yml_node *row = m->items[i];

			if (row->type != YML_SEQ ||
			    row->n != cfg->nconsequence) {
				diag_add(d, path, row->line, row->col,
				    RULE_SCHEMA,
				    "risk.matrix row %zu must have %zu cells, "
				    "one per consequence level",
				    i + 1, cfg->nconsequence);
				ok = 0;
				break;
			}
			for (j = 0; j < row->n; j++) {
				const struct yml_node *c = row->items[j];

				if (c->type != YML_STR) {
					ok = 0;
					break;
				}
				if (!level_known(cfg, c->str)) {
					diag_add(d, path, c->line, c->col,
					    RULE_SCHEMA,
					    "\"%s\" is not a risk level of "
					    "risk.levels",
					    c->str);
					ok = 0;
				}
			}
		}
		if (ok) {
			cfg->matrix =
			    xcalloc(cfg->nlikelihood * cfg->nconsequence,
			        sizeof(*cfg->matrix));
			for (i = 0; i < m->n; i++)
				for (j = 0; j < m->items[i]->n; j++)
					cfg->matrix[i * cfg->nconsequence + j] =
					    m->items[i]->items[j]->str;
		}
	}
	n = yml_get(risk, "acceptable");
	if (n != NULL && n->type == YML_STR) {
		if (level_known(cfg, n->str))
			cfg->acceptable = n->str;
		else
			diag_add(d, path, n->line, n->col, RULE_SCHEMA,
			    "risk.acceptable \"%s\" is not a risk level of "
			    "risk.levels",
			    n->str);
	}
}

/*
 * The per-rule severities of rules:. Lowering a RULE_FIXED rule is an
 * error: one line would turn every schema finding off, and CI green.
 */
static int
load_rules(const struct yml_node *map, const char *path, struct diag_list *d)
{
	int rc = 0;
	size_t i;

	if (map == NULL || map->type != YML_MAP)
		return 0;
	for (i = 0; i < map->n; i++) {
		const struct yml_node *k = map->pairs[i].key;
		const struct yml_node *v = map->pairs[i].val;
		enum diag_severity sev;
		enum rule r;

		if (rule_lookup(k->str, &r) < 0 || v->type != YML_STR)
			continue;
		if (strcmp(v->str, "error") == 0)
			sev = DIAG_ERROR;
		else if (strcmp(v->str, "warning") == 0)
			sev = DIAG_WARNING;
		else if (strcmp(v->str, "off") == 0)
			sev = DIAG_OFF;
		else
			continue;
		if ((rule_catalog[r].flags & RULE_FIXED) &&
		    sev < rule_catalog[r].severity) {
			diag_add(d, path, v->line, v->col, RULE_SCHEMA,
			    "rule %s cannot be %s: its findings mean a file "
			    "cannot be read as intended; remove it from rules",
			    k->str,
			    sev == DIAG_OFF ? "turned off" : "made a warning");
			rc = -1;
			continue;
		}
		diag_override(d, r, sev);
	}
	return rc;
}

int
config_load(struct config *cfg, struct yml_doc *doc, struct diag_list *d)
{
	const struct yml_node *root = doc->root, *n;
	const char *locale = yml_get_str(root, "locale");

	if (locale == NULL ||
	    (strcmp(locale, "nb") != 0 && strcmp(locale, "sv") != 0))
		locale = "en";
	config_defaults(cfg, locale);
	cfg->doc = doc;
	n = yml_get(root, "organisation");
	cfg->org_name = yml_get_str(n, "name");
	cfg->country = yml_get_str(n, "country");
	if (yml_get(n, "public_authority") != NULL &&
	    yml_get(n, "public_authority")->type == YML_BOOL)
		cfg->public_authority = yml_get(n, "public_authority")->boolean;
	n = yml_get(root, "controller");
	cfg->controller_name = yml_get_str(n, "name");
	cfg->controller_contact = yml_get_str(n, "contact");
	n = yml_get(root, "dpo");
	cfg->dpo_name = yml_get_str(n, "name");
	cfg->dpo_contact = yml_get_str(n, "contact");
	n = yml_get(root, "deadlines");
	get_long(n, "breach_notification_hours", &cfg->breach_hours);
	get_long(n, "request_response_months", &cfg->request_months);
	get_long(n, "request_extension_months", &cfg->extension_months);
	get_long(n, "ros_max_age_years", &cfg->ros_max_age_years);
	get_long(n, "review_max_age_months", &cfg->review_max_age_months);
	get_long(n, "dpa_expiry_warning_days", &cfg->dpa_warning_days);
	n = yml_get(root, "risk");
	if (n != NULL && n->type == YML_MAP)
		load_risk(cfg, n, d);
	return load_rules(yml_get(root, "rules"), doc->path, d);
}

void
config_free(struct config *cfg)
{
	if (cfg == NULL)
		return;
	if (cfg->labels_given) {
		free(cfg->likelihood);
		free(cfg->consequence);
	}
	free(cfg->levels);
	free(cfg->matrix);
	yml_doc_free(cfg->doc);
	memset(cfg, 0, sizeof(*cfg));
}
