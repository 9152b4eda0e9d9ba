/* The rule catalogue: one row per rule of enum rule. */
#include <assert.h>
#include <string.h>

#include "catalog.h"

const struct rule_info rule_catalog[] = {
    [RULE_YAML] = {"yaml", DIAG_ERROR, RULE_FIXED, {NULL},
        "the file is not well-formed YAML or breaks a YAML rule of "
        "gdprctl(5)",
        "Every record and gdprctl.yaml is read as YAML 1.2: UTF-8, one "
        "document with a mapping at the top; no duplicate keys, anchors, "
        "aliases, merge keys, explicit tags or directives; no control "
        "characters in values; date-times with a UTC offset; at most 4 MiB "
        "a file, nesting 64 deep and 1 MiB a scalar.",
        "A file that cannot be read one way only cannot be checked: "
        "duplicate keys, anchors and merge keys let one file mean different "
        "things to different readers, and a date-time without an offset is "
        "ambiguous around a change of daylight-saving time. The other rules "
        "do not see a file that breaks this one, so gdprctl.yaml cannot "
        "turn it off or make it a warning.",
        "Correct the file at the line and column named: remove the "
        "duplicate key, write out the content of an anchor in full, add the "
        "offset (+01:00 or Z) to the date-time, or remove the control "
        "character."},
    [RULE_SCHEMA] = {"schema", DIAG_ERROR, RULE_FIXED,
        {"Art. 30(1)", "Art. 33(3)", "Art. 35(7)"},
        "the record violates the JSON Schema of its kind",
        "Each record is checked against the JSON Schema (draft 2020-12) of "
        "its kind, and gdprctl.yaml against that of the configuration: "
        "types, required fields, allowed values, the patterns of ids and "
        "dates, and the consistency of the risk scale. 'gdprctl schema "
        "export' writes the schemas for editors.",
        "The required fields are the contents the GDPR asks of each record: "
        "the record of processing activities (Art. 30(1)), the notification "
        "of a breach (Art. 33(3)), the assessment of an impact (Art. "
        "35(7)). The other rules read only records of the right shape, so "
        "gdprctl.yaml cannot turn this rule off or make it a warning.",
        "Add the missing field or correct the value the message names; the "
        "message lists the allowed values. An editor that knows the "
        "exported schemas shows these errors while you type."},
    [RULE_ID_FILENAME] = {"id-filename", DIAG_ERROR, 0, {NULL},
        "the file is not named <id>.yaml, or the id's prefix is not its "
        "directory's",
        "A record's id must be its file name without .yaml (REG-001 in "
        "register/REG-001.yaml) and start with the prefix of its directory: "
        "REG, DPA, INC, DPIA, ROS, REQ or PLAN.",
        "References between records, 'show', 'history' and the reports find "
        "a record by its id through its file name; a record whose name "
        "differs is found under the wrong id or not at all.",
        "Rename the file after the id, or correct the id, and move a record "
        "filed in the wrong directory. Correct the references to an id you "
        "change."},
    [RULE_ID_DUPLICATE] = {"id-duplicate", DIAG_ERROR, 0, {NULL},
        "two records, two tasks of a plan or two risk items of a record "
        "share an id",
        "The ids of the records of a kind are unique, and so are the ids of "
        "the tasks of a plan, the threats of a ROS and the risks of a DPIA.",
        "An id names one thing in a reference, a report or 'gdprctl plan "
        "set TASK'; a duplicated id names two.",
        "Give one of the two its own id ('gdprctl KIND new' picks the next "
        "free one) and correct the references that meant it."},
    [RULE_TEMPLATE_PLACEHOLDER] = {"template-placeholder", DIAG_WARNING, 0,
        {"Art. 5(2)", "Art. 30(1)"},
        "a value is still the placeholder TODO that 'new' wrote",
        "The templates of 'gdprctl KIND new' write TODO where the user is "
        "to fill in a value (name: TODO, data_subjects: [TODO]). Every "
        "string value that is exactly TODO is a finding.",
        "A record whose values are placeholders passes the schema but says "
        "nothing: the record of processing activities must state the "
        "purposes, categories, recipients and time limits (Art. 30(1)), and "
        "the controller must be able to show that it complies (Art. 5(2)). "
        "Reports leave such values out rather than print TODO in the "
        "official record. With --strict, as every warning, it fails "
        "validate, so CI can refuse records nobody finished.",
        "Write the value in place of TODO, or remove the field (or the list "
        "item) when it does not apply to this record."},
    [RULE_REF_MISSING] = {"ref-missing", DIAG_ERROR, 0, {NULL},
        "a reference names no record of that kind",
        "The references of a register entry (processors, dpia, ros), of a "
        "DPIA, ROS, breach or request (register) and of a breach "
        "(processor) must name a record of the kind they refer to.",
        "The record of processing activities, the breach log and the "
        "assessments rest on these links, such as the agreement with a "
        "processor or the DPIA of a processing; a reference to nothing "
        "hides an agreement or an assessment that is missing.",
        "Correct the id, or create the record it names ('gdprctl KIND new "
        "--id ID')."},
    [RULE_ART9_CONDITION] = {"art9-condition", DIAG_ERROR, 0,
        {"Art. 9(1)", "Art. 9(2)", "Art. 10"},
        "special categories of personal data without an art9_condition",
        "A register entry that lists special_categories (health, ethnic "
        "origin, political opinions, religious beliefs, trade-union "
        "membership, genetic or biometric data, sex life, criminal "
        "offences) must name in art9_condition the condition that permits "
        "the processing.",
        "Processing the special categories of Art. 9(1) is prohibited "
        "unless a condition of Art. 9(2) applies; a legal basis of Art. 6 "
        "alone is not enough. Data on criminal convictions and offences may "
        "be processed only under the control of official authority or when "
        "Union or national law authorises it (Art. 10).",
        "Set art9_condition to the condition that applies (explicit-"
        "consent, employment, substantial-public-interest, health-care, "
        "... as gdprctl(5) lists them), or remove the categories the "
        "processing does not involve."},
    [RULE_PUBLIC_TASK_BASIS] = {"public-task-basis", DIAG_WARNING, 0,
        {"Art. 6(1)"}, "a public authority relies on legitimate interests",
        "When gdprctl.yaml sets organisation.public_authority, a register "
        "entry whose legal_basis is legitimate-interests is a finding.",
        "The last subparagraph of Art. 6(1) says that legitimate interests "
        "(point (f)) do not apply to processing by public authorities in "
        "the performance of their tasks; such processing rests on a legal "
        "obligation or a task in the public interest laid down by law (Art. "
        "6(1)(c) and (e), 6(3)). It is a warning because a public body may "
        "also process outside its tasks.",
        "Use public-task or legal-obligation and name the law in reference; "
        "keep legitimate-interests only for processing that is not part of "
        "the authority's tasks, and set the rule to off if all such "
        "entries are."},
    [RULE_TRANSFER_SAFEGUARD] = {"transfer-safeguard", DIAG_ERROR, 0,
        {"Art. 44-49", "Art. 30(1)(e)"},
        "a transfer or a sub-processor outside the EEA without a safeguard",
        "A transfer of a register entry, or a sub-processor of an "
        "agreement, in a country outside the EEA must name its safeguard: "
        "adequacy, scc, bcr, derogation or other. A processor outside the "
        "EEA must also appear among the transfers of the entries that use "
        "it.",
        "Chapter V allows a transfer to a third country only on an adequacy "
        "decision (Art. 45), with appropriate safeguards such as standard "
        "contractual clauses or binding corporate rules (Art. 46, 47), or "
        "under a derogation for a specific situation (Art. 49). The record "
        "of processing activities names the transfers and their safeguards "
        "(Art. 30(1)(e)).",
        "Add safeguard to the transfer or sub-processor with the mechanism "
        "the agreement uses, and list a processor's country among the "
        "entry's transfers."},
    [RULE_DPA_MISSING] = {"dpa-missing", DIAG_ERROR, 0, {"Art. 28(3)"},
        "a processor of a register entry has no signed agreement",
        "Each processor that a register entry names, unless the entry is "
        "retired, must have a "
        "data processing agreement whose status is signed.",
        "Processing by a processor must be governed by a contract or "
        "another legal act that binds the processor and sets out the "
        "subject matter, duration, nature and purpose of the processing "
        "(Art. 28(3)), in writing (Art. 28(9)).",
        "Sign the agreement and set its status to signed, or remove the "
        "processor from the entry when it no longer processes for it."},
    [RULE_DPA_EXPIRED] = {"dpa-expired", DIAG_ERROR, RULE_WARNING_FORM,
        {"Art. 28(3)"}, "an agreement is past its expiry date, or close to it",
        "A signed agreement whose expires date has passed is an error; one "
        "that expires within dpa_expiry_warning_days (default 90) of today "
        "is a warning.",
        "Once the agreement has ended, the processor processes without the "
        "contract Art. 28(3) demands. The warning leaves time to renew it.",
        "Renew the agreement and update expires, or set status terminated "
        "when the processor is no longer used."},
    [RULE_BREACH_NOTIFICATION] = {"breach-notification", DIAG_ERROR, 0,
        {"Art. 33(1)"},
        "a breach was not notified by the deadline, or late without reasons",
        "A breach of risk risk or high must be notified to the supervisory "
        "authority within breach_notification_hours (72) of discovered. "
        "Not notified after the deadline, or notified after it without "
        "delay_reason, is a finding.",
        "The controller notifies a breach to the supervisory authority "
        "without undue delay and, where feasible, within 72 hours of "
        "becoming aware of it, unless it is unlikely to result in a risk to "
        "people's rights and freedoms; a later notification gives the "
        "reasons for the delay (Art. 33(1)). The information may come in "
        "phases (Art. 33(4)).",
        "Notify the authority now and record authority_notification."
        "notified; when it was late, record the reasons in delay_reason."},
    [RULE_BREACH_SUBJECTS] = {"breach-subjects", DIAG_ERROR, 0,
        {"Art. 34(1)", "Art. 34(3)"},
        "a high-risk breach without notice to the data subjects or an "
        "exemption",
        "A breach of risk high must have subject_notification.notified, or "
        "an exemption that says why the data subjects were not told.",
        "When a breach is likely to result in a high risk to people's "
        "rights and freedoms, the controller tells them without undue delay "
        "(Art. 34(1)), unless the data were unintelligible to others, later "
        "measures mean the high risk is no longer likely, or it would take "
        "disproportionate effort, in which case a public communication "
        "takes its place (Art. 34(3)).",
        "Inform the data subjects and record subject_notification.notified, "
        "or record the exemption that applies."},
    [RULE_DPIA_REQUIRED] = {"dpia-required", DIAG_WARNING, 0,
        {"Art. 35(1)", "Art. 35(3)"},
        "a processing likely to need a DPIA has none, or its DPIA is left a "
        "draft",
        "A register entry with dpia: not-required is a finding when a DPIA "
        "of it meets two or more screening criteria, and so is a DPIA that "
        "meets two or more criteria but is still a draft 90 days after its "
        "date.",
        "A processing likely to result in a high risk needs an assessment "
        "of its impact before it starts (Art. 35(1), with the cases of Art. "
        "35(3)). The European Data Protection Board's guidelines (WP248 "
        "rev.01) list nine criteria; a processing that meets two or more "
        "needs a DPIA in most cases.",
        "Carry out the DPIA, complete it and refer to it from the register "
        "entry; if the screening is wrong, correct it."},
    [RULE_DPIA_PRIOR_CONSULTATION] = {"dpia-prior-consultation", DIAG_ERROR, 0,
        {"Art. 36(1)"},
        "a DPIA with high residual risk does not conclude prior "
        "consultation",
        "A DPIA whose highest residual risk is at the top level of the risk "
        "scale must have conclusion prior-consultation; a draft without a "
        "conclusion is not yet held to it.",
        "When a DPIA shows that the processing would result in a high risk "
        "that the controller's measures do not mitigate, the controller "
        "consults the supervisory authority before processing (Art. 36(1)).",
        "Consult the supervisory authority and set conclusion "
        "prior-consultation, or add measures that bring the residual risk "
        "down and score it again."},
    [RULE_ROS_STALE] = {"ros-stale", DIAG_WARNING, 0, {"Art. 32(1)(d)"},
        "the newest approved risk analysis of a register entry is too old",
        "For each register entry, the newest approved ROS it names or that "
        "names it must be younger than ros_max_age_years (default 3), and "
        "its next_review must not have passed.",
        "Security measures must match the risk, and their effectiveness is "
        "tested, assessed and evaluated regularly (Art. 32(1)(d)); an old "
        "risk analysis no longer shows the risk of today.",
        "Review the risk analysis: approve a new ROS, or update the date "
        "and next_review of the existing one after reviewing it."},
    [RULE_REVIEW_STALE] = {"review-stale", DIAG_WARNING, 0,
        {"Art. 24(1)", "Art. 30"}, "a register entry was not reviewed in time",
        "A register entry that is not retired must have been reviewed "
        "within review_max_age_months (default 12).",
        "The controller reviews and updates its measures where necessary "
        "(Art. 24(1)), and the record of processing activities must match "
        "the processing as it is (Art. 30).",
        "Review the entry, correct what has changed and set reviewed to the "
        "date of the review."},
    [RULE_REQUEST_OVERDUE] = {"request-overdue", DIAG_ERROR, 0, {"Art. 12(3)"},
        "a data-subject request was not answered in time",
        "A request must be responded to within request_response_months (1) "
        "of received, or within the extension of request_extension_months "
        "(2) when extended. Not answered after the deadline, or answered "
        "after it, is a finding; a withdrawn request is not.",
        "The controller answers a request of a data subject without undue "
        "delay and in any event within one month of receipt; it may extend "
        "that by two further months where necessary, telling the person "
        "within the first month why (Art. 12(3)).",
        "Answer the request and record responded; extend it in time with "
        "extended and extension_reason when it needs longer."},
    [RULE_PLAN_CONSISTENCY] = {"plan-consistency", DIAG_WARNING, 0, {NULL},
        "a plan task's percent and status disagree",
        "A task of a plan with percent 100 must have status done (or "
        "cancelled), and a task with status done must have percent 100.",
        "The completion of quarters and of the year in the reports is "
        "computed from percent, and a task counts as done by its status; "
        "when the two disagree, the report contradicts itself.",
        "Set status done, or lower percent to the work that is done; for a "
        "done task, set percent 100."},
    [RULE_PERSONAL_DATA] = {"personal-data", DIAG_ERROR, 0,
        {"Art. 5(1)(c)", "Art. 87"},
        "a value looks like a national identity number",
        "Every value of every record and of gdprctl.yaml is searched for "
        "national identity numbers with a valid checksum: Norwegian "
        "fødselsnummer and D-number, Swedish personnummer and "
        "samordningsnummer, Finnish henkilötunnus, and Danish CPR numbers "
        "with a valid date. The number found is shown masked. 'gdprctl "
        "scan' runs this rule alone over any files.",
        "Records of compliance work describe processing; they need no "
        "personal data about the people concerned (data minimisation, Art. "
        "5(1)(c)), and a git repository keeps every value in its history "
        "and in every clone. National law restricts the use of national "
        "identity numbers (Art. 87; in Norway personopplysningsloven "
        "§ 12, in Sweden dataskyddslagen 3 kap. 10 §).",
        "Replace the number with a reference to the case in the archive, "
        "then remove it from the history if it was committed."},
};

static_assert(sizeof(rule_catalog) / sizeof(rule_catalog[0]) == RULE_COUNT,
    "every rule of enum rule needs its row in rule_catalog");

const char *
rule_name(enum rule r)
{
	return rule_catalog[r].id;
}

int
rule_lookup(const char *id, enum rule *out)
{
	int r;

	for (r = 0; r < RULE_COUNT; r++) {
		if (strcmp(rule_catalog[r].id, id) == 0) {
			*out = (enum rule)r;
			return 0;
		}
	}
	return -1;
}
