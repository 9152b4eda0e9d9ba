/*
 * Rules over breaches: breach-notification (Art. 33(1)) and
 * breach-subjects (Art. 34) on the breach alone, ref-missing across
 * records.
 */
#include <string.h>

#include "deadline.h"
#include "rules.h"

static int
has_value(const struct yml_node *map, const char *key)
{
	const struct yml_node *n = yml_get(map, key);

	return n != NULL && n->type != YML_NULL;
}

/*
 * Not yet notified is a finding only once the deadline has passed; a late
 * notification needs the reasons for the delay.
 */
static void
check_notification(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *risk)
{
	const struct yml_node *root = rec->doc->root;
	const struct yml_node *an = yml_get(root, "authority_notification");
	struct gd_datetime discovered, deadline, notified, now;
	struct buf when = BUF_INIT, hours = BUF_INIT;

	if (deadline_breach(x->cfg, root, &discovered, &deadline) < 0)
		return;
	if (an == NULL || an->type == YML_NULL) {
		now = deadline_day_start(x->today, deadline);
		if (datetime_cmp(deadline, now) >= 0)
			return;
		datetime_format(deadline, &when);
		hours_format(datetime_diff_tenths(deadline, now), &hours);
		rules_add(x, rec, risk, RULE_BREACH_NOTIFICATION,
		    "not notified to the supervisory authority; the "
		    "deadline %s passed %s h ago (Art. 33(1))",
		    buf_cstr(&when), buf_cstr(&hours));
	} else if (deadline_datetime(yml_get(an, "notified"), &notified) == 0 &&
	    datetime_cmp(notified, deadline) > 0 &&
	    !has_value(an, "delay_reason")) {
		hours_format(
		    datetime_diff_tenths(discovered, notified), &hours);
		rules_add(x, rec, yml_get(an, "notified"),
		    RULE_BREACH_NOTIFICATION,
		    "notified %s h after discovery without delay_reason; "
		    "record the reasons for the delay (Art. 33(1))",
		    buf_cstr(&hours));
	}
	buf_free(&when);
	buf_free(&hours);
}

static void
check_subjects(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *risk)
{
	const struct yml_node *root = rec->doc->root;
	const struct yml_node *sn = yml_get(root, "subject_notification");
	const struct yml_node *at = rules_key(root, "subject_notification");

	/* A subject_notification of the wrong type is the schema's. */
	if ((sn != NULL && sn->type != YML_MAP && sn->type != YML_NULL) ||
	    has_value(sn, "notified") || has_value(sn, "exemption"))
		return;
	rules_add(x, rec, at ? at : risk, RULE_BREACH_SUBJECTS,
	    "high risk without subject_notification.notified or an "
	    "exemption; inform the data subjects without undue delay, "
	    "or record why it is not required (Art. 34(1), 34(3))");
}

void
rules_incident_record(const struct rules_ctx *x, const struct record *rec)
{
	const struct yml_node *risk = yml_get(rec->doc->root, "risk");

	if (risk == NULL || risk->type != YML_STR)
		return;
	if (strcmp(risk->str, "risk") == 0 || strcmp(risk->str, "high") == 0)
		check_notification(x, rec, risk);
	if (strcmp(risk->str, "high") == 0)
		check_subjects(x, rec, risk);
}

void
rules_incident(const struct rules_ctx *x)
{
	const struct record *rec = NULL;

	while ((rec = repo_next(x->r, KIND_INCIDENT, rec)) != NULL) {
		if (rec->doc == NULL)
			continue;
		rules_ref_list(
		    x, rec, yml_get(rec->doc->root, "register"), KIND_REGISTER);
		rules_ref(
		    x, rec, yml_get(rec->doc->root, "processor"), KIND_DPA);
	}
}
