/*
 * The rule catalogue: every rule a finding can name, with its default
 * severity, the articles it rests on and its explanation. Findings,
 * gdprctl.yaml's rules:, 'gdprctl rules', 'gdprctl explain' and SARIF all
 * read this one table. To add a rule: an entry in enum rule, its row in
 * rule_catalog (catalog.c), the check, tests, and docs (README).
 */
#ifndef GD_CATALOG_H
#define GD_CATALOG_H

enum diag_severity {
	DIAG_OFF = 0,
	DIAG_WARNING = 1,
	DIAG_ERROR = 2,
};

/* The rules, in the order 'gdprctl rules' and gdprctl(1) list them. */
enum rule {
	RULE_YAML,
	RULE_SCHEMA,
	RULE_ID_FILENAME,
	RULE_ID_DUPLICATE,
	RULE_TEMPLATE_PLACEHOLDER,
	RULE_REF_MISSING,
	RULE_ART9_CONDITION,
	RULE_PUBLIC_TASK_BASIS,
	RULE_TRANSFER_SAFEGUARD,
	RULE_DPA_MISSING,
	RULE_DPA_EXPIRED,
	RULE_BREACH_NOTIFICATION,
	RULE_BREACH_SUBJECTS,
	RULE_DPIA_REQUIRED,
	RULE_DPIA_PRIOR_CONSULTATION,
	RULE_ROS_STALE,
	RULE_REVIEW_STALE,
	RULE_REQUEST_OVERDUE,
	RULE_PLAN_CONSISTENCY,
	RULE_PERSONAL_DATA,
	RULE_COUNT
};

/* gdprctl.yaml may not lower the rule's severity (yaml, schema). */
#define RULE_FIXED 0x1
/* Some findings are warnings though the default is error (dpa-expired's
 * "expires soon"): see diag_add_warning. */
#define RULE_WARNING_FORM 0x2

#define RULE_MAX_ARTICLES 4

struct rule_info {
	const char *id; /* the name of SPEC section 2, fixed */
	enum diag_severity severity;
	unsigned flags;
	/* "Art. 28(3)"; unused places NULL */
	const char *articles[RULE_MAX_ARTICLES];
	const char *summary; /* one line, lower case, no final period */
	/* Sentences, unwrapped: what it checks, why (the law and guidance),
	 * and how to fix a finding. */
	const char *checks;
	const char *why;
	const char *fix;
};

/* One row per rule, indexed by enum rule. */
extern const struct rule_info rule_catalog[];

const char *rule_name(enum rule r);
/* The rule named id; -1 when there is none. */
int rule_lookup(const char *id, enum rule *out);

#endif
