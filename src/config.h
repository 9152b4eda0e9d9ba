/* gdprctl.yaml: the organisation's settings with SPEC defaults applied. */
#ifndef GD_CONFIG_H
#define GD_CONFIG_H

#include <stddef.h>

#include "diag.h"
#include "yml.h"

struct risk_level {
	const char *name;
	long max;
};

struct config {
	struct yml_doc *doc; /* owned; NULL when defaults only */
	const char *org_name;
	const char *country;
	int public_authority;
	const char *controller_name, *controller_contact;
	const char *dpo_name, *dpo_contact;
	const char *locale;      /* "en", "nb" or "sv" */
	const char **likelihood; /* labels for 1..nlikelihood */
	size_t nlikelihood;
	const char **consequence;
	size_t nconsequence;
	int labels_given;          /* likelihood/consequence set in the file */
	struct risk_level *levels; /* owned array */
	size_t nlevels;
	const char **matrix; /* nlikelihood * nconsequence names, or NULL */
	const char *acceptable;
	long breach_hours;
	long request_months;
	long extension_months;
	long ros_max_age_years;
	long review_max_age_months;
	long dpa_warning_days;
};

/* Defaults of SPEC section 1 for a locale. */
void config_defaults(struct config *cfg, const char *locale);
/*
 * Take over doc (the parsed gdprctl.yaml) and read the settings from it.
 * Inconsistent risk settings become findings; per-rule severities are set
 * on d. Values of the wrong type are left at their defaults (the schema
 * reports them). Returns -1, with findings on d, when rules: lowers the
 * severity of yaml or schema: the file cannot be used.
 */
int config_load(struct config *cfg, struct yml_doc *doc, struct diag_list *d);
/* Switch the locale (and the default labels, unless the file set them). */
void config_set_locale(struct config *cfg, const char *locale);
void config_free(struct config *cfg);

#endif
