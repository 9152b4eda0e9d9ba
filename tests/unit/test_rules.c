/*
 * Unit tests of the compliance rules: for every rule a repository that
 * fires it and the nearest one that does not. Each case is written to a
 * temporary directory, loaded with repo_load and checked with rules_run.
 * The identity numbers are the test numbers of NOTES.md.
 */
#include "unit.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "repo.h"
#include "rules.h"

#define CONFIG                                                                 \
	"organisation: {name: T, country: NO}\n"                               \
	"controller: {name: C}\n"
#define PUBLIC_CONFIG                                                          \
	"organisation: {name: T, country: NO, public_authority: true}\n"       \
	"controller: {name: C}\n"

/* Seven lines: a field added after it is on line 8. */
#define REG_BASIS(id, basis)                                                   \
	"id: " id "\n"                                                         \
	"name: A\n"                                                            \
	"purpose: P\n"                                                         \
	"data_subjects: [s]\n"                                                 \
	"data_categories: [c]\n"                                               \
	"legal_basis: [{basis: " basis "}]\n"                                  \
	"retention: r\n"
#define REG(id) REG_BASIS(id, "contract")
/* Three lines (four when signed). */
#define DPA(id, country, status)                                               \
	"id: " id "\n"                                                         \
	"processor: {name: P, country: " country "}\n"                         \
	"status: " status "\n"
#define DPA_SIGNED(id) DPA(id, "NO", "signed") "signed: 2024-01-01\n"
/* Seven lines; risk on line 6, column 7; the deadline is
 * 2026-03-05T10:15:00+01:00. */
#define INC(risk)                                                              \
	"id: INC-2026-001\n"                                                   \
	"title: T\n"                                                           \
	"discovered: 2026-03-02T10:15:00+01:00\n"                              \
	"breach_type: [confidentiality]\n"                                     \
	"description: D\n"                                                     \
	"risk: " risk "\n"                                                     \
	"status: open\n"
/* Four lines; status on line 4, column 9. */
#define DPIA(date, status)                                                     \
	"id: DPIA-001\n"                                                       \
	"title: T\n"                                                           \
	"date: " date "\n"                                                     \
	"status: " status "\n"
/* Four lines, then threats. */
#define ROS_HEAD(id, date, status)                                             \
	"id: " id "\n"                                                         \
	"title: T\n"                                                           \
	"date: " date "\n"                                                     \
	"status: " status "\n"
#define ROS(id, date, status)                                                  \
	ROS_HEAD(id, date, status)                                             \
	"threats: [{id: T1, threat: x, likelihood: 1, consequence: 1}]\n"
/* Two lines; received on line 2, column 11. */
#define REQ(received)                                                          \
	"id: REQ-2026-001\n"                                                   \
	"received: " received "\n"
/* Three lines; tasks from line 4. */
#define PLAN                                                                   \
	"id: PLAN-2026\n"                                                      \
	"year: 2026\n"                                                         \
	"tasks:\n"

#define MAXF 5

struct rcase {
	const char *name;
	const char *today;          /* default 2026-03-10 */
	const char *files[MAXF][2]; /* path, text; gdprctl.yaml has CONFIG
	                               unless given */
	const char *rule;
	int count;        /* findings of rule */
	const char *path; /* of the first of them */
	int line, col;
	enum diag_severity sev;
	const char *text; /* in its message */
	int others;       /* findings of other rules */
};

static const struct rcase cases[] = {
    /* template-placeholder: 'new' wrote TODO and nobody filled it in; a
     * record must say what Art. 30(1) asks and show it (Art. 5(2)). */
    {.name = "template placeholders left",
        .files = {{"register/REG-001.yaml",
            REG("REG-001") "system: TODO\n"
                           "recipients: [NAV, TODO]\n"}},
        .rule = "template-placeholder",
        .count = 2,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 9,
        .sev = DIAG_WARNING,
        .text = "TODO is the template's placeholder"},
    {.name = "template placeholders filled or in longer text",
        .files = {{"register/REG-001.yaml",
            REG("REG-001") "system: TODO list app\n"
                           "recipients: [todo, \"TODO \"]\n"
                           "# system: TODO\n"}},
        .rule = "template-placeholder"},
    /* id-duplicate inside records */
    {.name = "plan task ids",
        .files = {{"plan/PLAN-2026.yaml",
            PLAN "  - {id: T1, quarter: Q1, title: a}\n"
                 "  - {id: T1, quarter: Q2, title: b}\n"}},
        .rule = "id-duplicate",
        .count = 1,
        .path = "plan/PLAN-2026.yaml",
        .line = 5,
        .col = 10,
        .sev = DIAG_ERROR,
        .text = "task id \"T1\" is also used on line 4"},
    {.name = "plan task ids unique",
        .files = {{"plan/PLAN-2026.yaml",
            PLAN "  - {id: T1, quarter: Q1, title: a}\n"
                 "  - {id: T2, quarter: Q2, title: b}\n"
                 "  - {quarter: Q2, title: c}\n"}},
        .rule = "id-duplicate"},
    {.name = "ros threat ids",
        .files = {{"ros/ROS-001.yaml",
            ROS_HEAD("ROS-001", "2025-10-15",
                "approved") "threats:\n"
                            "  - {id: T1, threat: x, likelihood: 1, consequence: 1}\n"
                            "  - {id: T2, threat: x, likelihood: 1, consequence: 1}\n"
                            "  - {id: T1, threat: y, likelihood: 1, consequence: 1}\n"}},
        .rule = "id-duplicate",
        .count = 1,
        .path = "ros/ROS-001.yaml",
        .line = 8,
        .col = 10,
        .sev = DIAG_ERROR,
        .text = "threat id \"T1\" is also used on line 6"},
    {.name = "dpia risk ids",
        .files = {{"dpia/DPIA-001.yaml",
            DPIA("2026-01-10",
                "draft") "risks:\n"
                         "  - {id: R1, threat: x, likelihood: 1, consequence: 1}\n"
                         "  - {id: R1, threat: y, likelihood: 1, consequence: 1}\n"}},
        .rule = "id-duplicate",
        .count = 1,
        .path = "dpia/DPIA-001.yaml",
        .line = 7,
        .col = 10,
        .sev = DIAG_ERROR,
        .text = "risk id \"R1\""},
    {.name = "dpia risk ids unique",
        .files = {{"dpia/DPIA-001.yaml",
            DPIA("2026-01-10",
                "draft") "risks:\n"
                         "  - {id: R1, threat: x, likelihood: 1, consequence: 1}\n"
                         "  - {id: R2, threat: y, likelihood: 1, consequence: 1}\n"}},
        .rule = "id-duplicate"},

    /* ref-missing, one per reference field */
    {.name = "register.processors",
        .files = {{"register/REG-001.yaml",
            REG("REG-001") "processors: [DPA-009]\n"}},
        .rule = "ref-missing",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 14,
        .sev = DIAG_ERROR,
        .text = "no dpa record has the id DPA-009; correct the reference or "
                "add dpa/DPA-009.yaml"},
    {.name = "register.dpia",
        .files = {{"register/REG-001.yaml", REG("REG-001") "dpia: DPIA-009\n"}},
        .rule = "ref-missing",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 7,
        .sev = DIAG_ERROR,
        .text = "no dpia record has the id DPIA-009"},
    {.name = "register.ros",
        .files = {{"register/REG-001.yaml", REG("REG-001") "ros: [ROS-009]\n"}},
        .rule = "ref-missing",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 7,
        .sev = DIAG_ERROR,
        .text = "no ros record has the id ROS-009"},
    {.name = "incident.register",
        .files = {{"incident/INC-2026-001.yaml",
                      INC("none") "register: [REG-001, REG-009]\n"},
            {"register/REG-001.yaml", REG("REG-001")}},
        .rule = "ref-missing",
        .count = 1,
        .path = "incident/INC-2026-001.yaml",
        .line = 8,
        .col = 21,
        .sev = DIAG_ERROR,
        .text = "no register record has the id REG-009"},
    {.name = "incident.processor",
        .files = {{"incident/INC-2026-001.yaml",
            INC("none") "processor: DPA-009\n"}},
        .rule = "ref-missing",
        .count = 1,
        .path = "incident/INC-2026-001.yaml",
        .line = 8,
        .col = 12,
        .sev = DIAG_ERROR,
        .text = "no dpa record has the id DPA-009"},
    {.name = "dpia.register",
        .files = {{"dpia/DPIA-001.yaml",
            DPIA("2026-01-10", "draft") "register: [REG-009]\n"}},
        .rule = "ref-missing",
        .count = 1,
        .path = "dpia/DPIA-001.yaml",
        .line = 5,
        .col = 12,
        .sev = DIAG_ERROR,
        .text = "no register record has the id REG-009"},
    {.name = "ros.register",
        .files = {{"ros/ROS-001.yaml",
            ROS("ROS-001", "2025-10-15", "approved") "register: [REG-009]\n"}},
        .rule = "ref-missing",
        .count = 1,
        .path = "ros/ROS-001.yaml",
        .line = 6,
        .col = 12,
        .sev = DIAG_ERROR,
        .text = "no register record has the id REG-009"},
    {.name = "request.register",
        .files = {{"request/REQ-2026-001.yaml",
            REQ("2026-03-01") "register: [REG-009]\n"}},
        .rule = "ref-missing",
        .count = 1,
        .path = "request/REQ-2026-001.yaml",
        .line = 3,
        .col = 12,
        .sev = DIAG_ERROR,
        .text = "no register record has the id REG-009"},
    {.name = "every reference resolves",
        .files = {{"register/REG-001.yaml",
                      REG("REG-001") "processors: [DPA-001]\n"
                                     "dpia: DPIA-001\n"
                                     "ros: [ROS-001]\n"},
            {"dpa/DPA-001.yaml", DPA_SIGNED("DPA-001")},
            {"dpia/DPIA-001.yaml",
                DPIA("2026-01-10", "draft") "register: [REG-001]\n"},
            {"ros/ROS-001.yaml",
                ROS("ROS-001", "2025-10-15",
                    "approved") "register: [REG-001]\n"},
            {"incident/INC-2026-001.yaml",
                INC("none") "register: [REG-001]\n"
                            "processor: DPA-001\n"}},
        .rule = "ref-missing"},
    {.name = "request reference resolves",
        .files = {{"request/REQ-2026-001.yaml",
                      REQ("2026-03-01") "register: [REG-001]\n"},
            {"register/REG-001.yaml", REG("REG-001")}},
        .rule = "ref-missing"},
    {.name = "not-required and malformed ids are not references",
        .files = {{"register/REG-001.yaml",
            REG("REG-001") "dpia: not-required\n"
                           "processors: [dpa-1, REG-001, 5]\n"
                           "ros: ROS-001\n"}},
        .rule = "ref-missing"},

    /* art9-condition */
    {.name = "special categories without condition",
        .files = {{"register/REG-001.yaml",
            REG("REG-001") "special_categories: [health]\n"}},
        .rule = "art9-condition",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 1,
        .sev = DIAG_ERROR,
        .text = "special_categories without art9_condition"},
    {.name = "special categories with condition",
        .files = {{"register/REG-001.yaml",
            REG("REG-001") "special_categories: [health]\n"
                           "art9_condition: employment\n"}},
        .rule = "art9-condition"},
    {.name = "no special categories",
        .files = {{"register/REG-001.yaml",
            REG("REG-001") "special_categories: []\n"}},
        .rule = "art9-condition"},

    /* public-task-basis */
    {.name = "legitimate interests of a public authority",
        .files = {{"gdprctl.yaml", PUBLIC_CONFIG},
            {"register/REG-001.yaml",
                REG_BASIS("REG-001", "legitimate-interests")}},
        .rule = "public-task-basis",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 6,
        .col = 23,
        .sev = DIAG_WARNING,
        .text = "(Art. 6(1) last subparagraph)"},
    {.name = "legitimate interests of a company",
        .files = {{"register/REG-001.yaml",
            REG_BASIS("REG-001", "legitimate-interests")}},
        .rule = "public-task-basis"},
    {.name = "public task of a public authority",
        .files = {{"gdprctl.yaml", PUBLIC_CONFIG},
            {"register/REG-001.yaml", REG_BASIS("REG-001", "public-task")}},
        .rule = "public-task-basis"},

    /* transfer-safeguard */
    {.name = "transfer without safeguard",
        .files = {{"register/REG-001.yaml",
            REG("REG-001") "transfers:\n"
                           "  - {country: NO}\n"
                           "  - {country: US}\n"}},
        .rule = "transfer-safeguard",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 10,
        .col = 15,
        .sev = DIAG_ERROR,
        .text = "transfer to US, outside the EEA, without safeguard"},
    {.name = "transfer with safeguard",
        .files = {{"register/REG-001.yaml",
            REG("REG-001") "transfers:\n"
                           "  - {country: LI}\n"
                           "  - {country: US, safeguard: scc}\n"}},
        .rule = "transfer-safeguard"},
    {.name = "sub-processor without safeguard",
        .files = {{"dpa/DPA-001.yaml",
            DPA_SIGNED("DPA-001") "subprocessors:\n"
                                  "  - {name: X, country: CN}\n"}},
        .rule = "transfer-safeguard",
        .count = 1,
        .path = "dpa/DPA-001.yaml",
        .line = 6,
        .col = 24,
        .sev = DIAG_ERROR,
        .text = "sub-processor in CN, outside the EEA, without safeguard"},
    {.name = "sub-processors in the EEA or with safeguard",
        .files = {{"dpa/DPA-001.yaml",
            DPA_SIGNED("DPA-001") "subprocessors:\n"
                                  "  - {name: X, country: IE}\n"
                                  "  - {name: Y, country: CN, "
                                  "safeguard: bcr}\n"}},
        .rule = "transfer-safeguard"},
    {.name = "processor outside the EEA, transfer not listed",
        .files = {{"register/REG-001.yaml",
                      REG("REG-001") "processors: [DPA-001]\n"},
            {"dpa/DPA-001.yaml",
                DPA("DPA-001", "US", "signed") "signed: 2024-01-01\n"}},
        .rule = "transfer-safeguard",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 14,
        .sev = DIAG_ERROR,
        .text = "processor DPA-001 is in US, outside the EEA, but transfers "
                "has no entry for US"},
    {.name = "processor outside the EEA, transfer listed",
        .files = {{"register/REG-001.yaml",
                      REG("REG-001") "processors: [DPA-001]\n"
                                     "transfers: [{country: US, safeguard: "
                                     "adequacy}]\n"},
            {"dpa/DPA-001.yaml",
                DPA("DPA-001", "US", "signed") "signed: 2024-01-01\n"}},
        .rule = "transfer-safeguard"},

    /* dpa-missing */
    {.name = "processor with a draft agreement",
        .files = {{"register/REG-001.yaml",
                      REG("REG-001") "processors: [DPA-001]\n"},
            {"dpa/DPA-001.yaml", DPA("DPA-001", "SE", "draft")}},
        .rule = "dpa-missing",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 14,
        .sev = DIAG_ERROR,
        .text = "processor DPA-001 has no signed agreement (its status is "
                "draft)"},
    {.name = "processor with a signed agreement",
        .files = {{"register/REG-001.yaml",
                      REG("REG-001") "processors: [DPA-001]\n"},
            {"dpa/DPA-001.yaml", DPA_SIGNED("DPA-001")}},
        .rule = "dpa-missing"},
    {.name = "processor without a record is ref-missing only",
        .files = {{"register/REG-001.yaml",
            REG("REG-001") "processors: [DPA-001]\n"}},
        .rule = "dpa-missing",
        .others = 1},
    {.name = "retired entry with a terminated agreement",
        .files = {{"register/REG-001.yaml",
                      REG("REG-001") "processors: [DPA-001]\n"
                                     "status: retired\n"},
            {"dpa/DPA-001.yaml", DPA("DPA-001", "NO", "terminated")}},
        .rule = "dpa-missing"},

    /* dpa-expired */
    {.name = "agreement expired",
        .files = {{"dpa/DPA-001.yaml",
            DPA_SIGNED("DPA-001") "expires: 2026-03-01\n"}},
        .rule = "dpa-expired",
        .count = 1,
        .path = "dpa/DPA-001.yaml",
        .line = 5,
        .col = 10,
        .sev = DIAG_ERROR,
        .text = "the agreement expired on 2026-03-01, 9 days ago"},
    {.name = "agreement expires within the warning days",
        .files = {{"dpa/DPA-001.yaml",
            DPA_SIGNED("DPA-001") "expires: 2026-06-08\n"}},
        .rule = "dpa-expired",
        .count = 1,
        .path = "dpa/DPA-001.yaml",
        .line = 5,
        .col = 10,
        .sev = DIAG_WARNING,
        .text = "the agreement expires on 2026-06-08, in 90 days"},
    {.name = "agreement expires today",
        .files = {{"dpa/DPA-001.yaml",
            DPA_SIGNED("DPA-001") "expires: 2026-03-10\n"}},
        .rule = "dpa-expired",
        .count = 1,
        .path = "dpa/DPA-001.yaml",
        .line = 5,
        .col = 10,
        .sev = DIAG_WARNING,
        .text = "in 0 days"},
    {.name = "agreement expires after the warning days",
        .files = {{"dpa/DPA-001.yaml",
            DPA_SIGNED("DPA-001") "expires: 2026-06-09\n"}},
        .rule = "dpa-expired"},
    {.name = "terminated agreement past its expiry",
        .files = {{"dpa/DPA-001.yaml",
            DPA("DPA-001", "NO", "terminated") "expires: 2026-03-01\n"}},
        .rule = "dpa-expired"},
    {.name = "warning days from gdprctl.yaml",
        .files = {{"gdprctl.yaml",
                      CONFIG "deadlines: {dpa_expiry_warning_days: 10}\n"},
            {"dpa/DPA-001.yaml",
                DPA_SIGNED("DPA-001") "expires: 2026-03-21\n"}},
        .rule = "dpa-expired"},

    /* breach-notification */
    {.name = "not notified after the deadline",
        .today = "2026-03-06",
        .files = {{"incident/INC-2026-001.yaml", INC("risk")}},
        .rule = "breach-notification",
        .count = 1,
        .path = "incident/INC-2026-001.yaml",
        .line = 6,
        .col = 7,
        .sev = DIAG_ERROR,
        .text = "not notified to the supervisory authority; the deadline "
                "2026-03-05T10:15:00+01:00 passed 13.8 h ago (Art. 33(1))"},
    {.name = "not yet notified on the day of the deadline",
        .today = "2026-03-05",
        .files = {{"incident/INC-2026-001.yaml", INC("risk")}},
        .rule = "breach-notification"},
    {.name = "notified late without delay_reason",
        .files = {{"incident/INC-2026-001.yaml",
            INC("risk") "authority_notification:\n"
                        "  notified: 2026-03-05T18:15:00+01:00\n"}},
        .rule = "breach-notification",
        .count = 1,
        .path = "incident/INC-2026-001.yaml",
        .line = 9,
        .col = 13,
        .sev = DIAG_ERROR,
        .text = "notified 80.0 h after discovery without delay_reason"},
    {.name = "notified late with delay_reason",
        .files = {{"incident/INC-2026-001.yaml",
            INC("risk") "authority_notification:\n"
                        "  notified: 2026-03-05T18:15:00+01:00\n"
                        "  delay_reason: Oppdaget i helg\n"}},
        .rule = "breach-notification"},
    {.name = "notified at the deadline, in another offset",
        .files = {{"incident/INC-2026-001.yaml",
            INC("risk") "authority_notification:\n"
                        "  notified: 2026-03-05T09:15:00Z\n"}},
        .rule = "breach-notification"},
    {.name = "no risk, never notified",
        .today = "2026-12-31",
        .files = {{"incident/INC-2026-001.yaml", INC("none")}},
        .rule = "breach-notification"},
    {.name = "hours from gdprctl.yaml",
        .today = "2026-03-04",
        .files = {{"gdprctl.yaml",
                      CONFIG "deadlines: {breach_notification_hours: 24}\n"},
            {"incident/INC-2026-001.yaml", INC("risk")}},
        .rule = "breach-notification",
        .count = 1,
        .path = "incident/INC-2026-001.yaml",
        .line = 6,
        .col = 7,
        .sev = DIAG_ERROR,
        .text = "the deadline 2026-03-03T10:15:00+01:00 passed 13.8 h ago"},

    /* breach-subjects */
    {.name = "high risk, subjects not informed",
        .files = {{"incident/INC-2026-001.yaml",
            INC("high") "authority_notification:\n"
                        "  notified: 2026-03-03T10:00:00+01:00\n"}},
        .rule = "breach-subjects",
        .count = 1,
        .path = "incident/INC-2026-001.yaml",
        .line = 6,
        .col = 7,
        .sev = DIAG_ERROR,
        .text = "high risk without subject_notification.notified or an "
                "exemption"},
    {.name = "high risk, empty subject_notification",
        .files = {{"incident/INC-2026-001.yaml",
            INC("high") "authority_notification:\n"
                        "  notified: 2026-03-03T10:00:00+01:00\n"
                        "subject_notification: {}\n"}},
        .rule = "breach-subjects",
        .count = 1,
        .path = "incident/INC-2026-001.yaml",
        .line = 10,
        .col = 1,
        .sev = DIAG_ERROR,
        .text = "(Art. 34(1), 34(3))"},
    {.name = "high risk, subjects informed",
        .files = {{"incident/INC-2026-001.yaml",
            INC("high") "authority_notification:\n"
                        "  notified: 2026-03-03T10:00:00+01:00\n"
                        "subject_notification:\n"
                        "  notified: 2026-03-04T12:00:00+01:00\n"}},
        .rule = "breach-subjects"},
    {.name = "high risk, exemption",
        .files = {{"incident/INC-2026-001.yaml",
            INC("high") "authority_notification:\n"
                        "  notified: 2026-03-03T10:00:00+01:00\n"
                        "subject_notification: {exemption: "
                        "encrypted}\n"}},
        .rule = "breach-subjects"},
    {.name = "risk, subjects not informed",
        .files = {{"incident/INC-2026-001.yaml",
            INC("risk") "authority_notification:\n"
                        "  notified: 2026-03-03T10:00:00+01:00\n"}},
        .rule = "breach-subjects"},

    /* dpia-required */
    {.name = "not-required although screening meets two criteria",
        .files = {{"register/REG-001.yaml",
                      REG("REG-001") "dpia: not-required\n"},
            {"dpia/DPIA-001.yaml",
                DPIA("2026-01-10",
                    "completed") "register: [REG-001]\n"
                                 "screening: {sensitive_data: true, large_scale: true, "
                                 "evaluation_scoring: false}\n"}},
        .rule = "dpia-required",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 7,
        .sev = DIAG_WARNING,
        .text = "dpia is not-required but DPIA-001 meets 2 of the WP248 "
                "screening criteria"},
    {.name = "not-required, screening meets one criterion",
        .files = {{"register/REG-001.yaml",
                      REG("REG-001") "dpia: not-required\n"},
            {"dpia/DPIA-001.yaml",
                DPIA("2026-01-10",
                    "completed") "register: [REG-001]\n"
                                 "screening: {sensitive_data: true, large_scale: false}\n"}},
        .rule = "dpia-required"},
    {.name = "draft past its date + 90 days",
        .files = {{"dpia/DPIA-001.yaml",
            DPIA("2025-12-09",
                "draft") "screening: {sensitive_data: true, large_scale: true}\n"}},
        .rule = "dpia-required",
        .count = 1,
        .path = "dpia/DPIA-001.yaml",
        .line = 4,
        .col = 9,
        .sev = DIAG_WARNING,
        .text = "still a draft more than 90 days after its date 2025-12-09"},
    {.name = "draft at its date + 90 days",
        .files = {{"dpia/DPIA-001.yaml",
            DPIA("2025-12-10",
                "draft") "screening: {sensitive_data: true, large_scale: true}\n"}},
        .rule = "dpia-required"},
    {.name = "old draft with one criterion",
        .files = {{"dpia/DPIA-001.yaml",
            DPIA("2024-01-01", "draft") "screening: {sensitive_data: true}\n"}},
        .rule = "dpia-required"},

    /* dpia-prior-consultation */
    {.name = "high residual risk, acceptable",
        .files = {{"dpia/DPIA-001.yaml",
            DPIA("2026-01-10",
                "completed") "risks:\n"
                             "  - {id: R1, threat: x, likelihood: 2, consequence: 2}\n"
                             "  - {id: R2, threat: y, likelihood: 4, consequence: 4}\n"
                             "conclusion: acceptable-with-measures\n"}},
        .rule = "dpia-prior-consultation",
        .count = 1,
        .path = "dpia/DPIA-001.yaml",
        .line = 8,
        .col = 13,
        .sev = DIAG_ERROR,
        .text = "the highest residual risk is high (risk R2, score 16) but "
                "conclusion is acceptable-with-measures"},
    {.name = "high residual risk, prior consultation",
        .files = {{"dpia/DPIA-001.yaml",
            DPIA("2026-01-10",
                "completed") "risks:\n"
                             "  - {id: R2, threat: y, likelihood: 4, consequence: 4}\n"
                             "conclusion: prior-consultation\n"}},
        .rule = "dpia-prior-consultation"},
    {.name = "high risk reduced by measures",
        .files = {{"dpia/DPIA-001.yaml",
            DPIA("2026-01-10",
                "completed") "risks:\n"
                             "  - {id: R2, threat: y, likelihood: 4, consequence: 4,\n"
                             "     residual_likelihood: 2, residual_consequence: 3}\n"
                             "conclusion: acceptable-with-measures\n"}},
        .rule = "dpia-prior-consultation"},
    {.name = "high residual risk in a draft without conclusion",
        .files = {{"dpia/DPIA-001.yaml",
            DPIA("2026-01-10",
                "draft") "risks:\n"
                         "  - {id: R2, threat: y, likelihood: 4, consequence: 4}\n"}},
        .rule = "dpia-prior-consultation"},
    {.name = "high residual risk, completed without conclusion",
        .files = {{"dpia/DPIA-001.yaml",
            DPIA("2026-01-10",
                "completed") "risks:\n"
                             "  - {id: R2, threat: y, likelihood: 4, consequence: 4}\n"}},
        .rule = "dpia-prior-consultation",
        .count = 1,
        .path = "dpia/DPIA-001.yaml",
        .line = 6,
        .col = 5,
        .sev = DIAG_ERROR,
        .text = "the DPIA is completed without a conclusion"},
    {.name = "highest level of a custom matrix",
        .files = {{"gdprctl.yaml",
                      CONFIG "risk:\n"
                             "  levels: [{name: lav, max: 2}, {name: middels, "
                             "max: 4}, {name: høy, max: 16}]\n"
                             "  matrix:\n"
                             "    - [lav, lav, middels, høy]\n"
                             "    - [lav, høy, høy, høy]\n"
                             "    - [middels, høy, høy, høy]\n"
                             "    - [høy, høy, høy, høy]\n"},
            {"dpia/DPIA-001.yaml",
                DPIA("2026-01-10",
                    "completed") "risks:\n"
                                 "  - {threat: y, likelihood: 2, consequence: 2}\n"
                                 "conclusion: acceptable\n"}},
        .rule = "dpia-prior-consultation",
        .count = 1,
        .path = "dpia/DPIA-001.yaml",
        .line = 7,
        .col = 13,
        .sev = DIAG_ERROR,
        .text = "the highest residual risk is høy (the risk on line 6, score "
                "4)"},
    {.name = "below the highest level of a custom matrix",
        .files = {{"gdprctl.yaml",
                      CONFIG "risk:\n"
                             "  levels: [{name: lav, max: 2}, {name: middels, "
                             "max: 4}, {name: høy, max: 16}]\n"
                             "  matrix:\n"
                             "    - [lav, lav, middels, høy]\n"
                             "    - [lav, høy, høy, høy]\n"
                             "    - [middels, høy, høy, høy]\n"
                             "    - [høy, høy, høy, høy]\n"},
            {"dpia/DPIA-001.yaml",
                DPIA("2026-01-10",
                    "completed") "risks:\n"
                                 "  - {threat: y, likelihood: 1, consequence: 3}\n"
                                 "conclusion: acceptable\n"}},
        .rule = "dpia-prior-consultation"},

    /* ros-stale */
    {.name = "newest approved ROS too old",
        .files = {{"register/REG-001.yaml", REG("REG-001") "ros: [ROS-001]\n"},
            {"ros/ROS-001.yaml", ROS("ROS-001", "2023-03-09", "approved")}},
        .rule = "ros-stale",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 7,
        .sev = DIAG_WARNING,
        .text = "the newest approved ROS, ROS-001 of 2023-03-09, is older "
                "than 3 years"},
    {.name = "newest approved ROS just within age",
        .files = {{"register/REG-001.yaml", REG("REG-001") "ros: [ROS-001]\n"},
            {"ros/ROS-001.yaml", ROS("ROS-001", "2023-03-10", "approved")}},
        .rule = "ros-stale"},
    {.name = "next_review passed",
        .files = {{"register/REG-001.yaml", REG("REG-001") "ros: [ROS-001]\n"},
            {"ros/ROS-001.yaml",
                ROS("ROS-001", "2025-01-10",
                    "approved") "next_review: 2026-03-09\n"}},
        .rule = "ros-stale",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 7,
        .sev = DIAG_WARNING,
        .text = "was due for review on 2026-03-09"},
    {.name = "newer ROS that names the entry",
        .files = {{"register/REG-001.yaml", REG("REG-001") "ros: [ROS-001]\n"},
            {"ros/ROS-001.yaml", ROS("ROS-001", "2020-01-10", "approved")},
            {"ros/ROS-002.yaml",
                ROS("ROS-002", "2025-10-15",
                    "approved") "register: [REG-001]\n"}},
        .rule = "ros-stale"},
    {.name = "old ROS that names the entry",
        .files = {{"register/REG-001.yaml", REG("REG-001")},
            {"ros/ROS-001.yaml",
                ROS("ROS-001", "2020-01-10",
                    "approved") "register: [REG-001]\n"}},
        .rule = "ros-stale",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 1,
        .col = 5,
        .sev = DIAG_WARNING,
        .text = "ROS-001 of 2020-01-10"},
    {.name = "newer ROS is only a draft",
        .files = {{"register/REG-001.yaml", REG("REG-001") "ros: [ROS-001]\n"},
            {"ros/ROS-001.yaml", ROS("ROS-001", "2020-01-10", "approved")},
            {"ros/ROS-002.yaml",
                ROS("ROS-002", "2025-10-15", "draft") "register: [REG-001]\n"}},
        .rule = "ros-stale",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 7,
        .sev = DIAG_WARNING,
        .text = "ROS-001 of 2020-01-10"},
    {.name = "no approved ROS at all",
        .files = {{"register/REG-001.yaml", REG("REG-001") "ros: [ROS-001]\n"},
            {"ros/ROS-001.yaml", ROS("ROS-001", "2020-01-10", "draft")}},
        .rule = "ros-stale"},
    {.name = "retired entry with an old ROS",
        .files = {{"register/REG-001.yaml",
                      REG("REG-001") "ros: [ROS-001]\nstatus: retired\n"},
            {"ros/ROS-001.yaml", ROS("ROS-001", "2020-01-10", "approved")}},
        .rule = "ros-stale"},

    /* review-stale */
    {.name = "reviewed too long ago",
        .files = {{"register/REG-001.yaml",
            REG("REG-001") "reviewed: 2025-03-09\n"}},
        .rule = "review-stale",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 11,
        .sev = DIAG_WARNING,
        .text = "last reviewed 2025-03-09, more than 12 months ago"},
    {.name = "reviewed twelve months ago",
        .files = {{"register/REG-001.yaml",
            REG("REG-001") "reviewed: 2025-03-10\n"}},
        .rule = "review-stale"},
    {.name = "review age from gdprctl.yaml",
        .files =
            {{"gdprctl.yaml", CONFIG "deadlines: {review_max_age_months: 6}\n"},
                {"register/REG-001.yaml",
                    REG("REG-001") "reviewed: 2025-09-09\n"}},
        .rule = "review-stale",
        .count = 1,
        .path = "register/REG-001.yaml",
        .line = 8,
        .col = 11,
        .sev = DIAG_WARNING,
        .text = "more than 6 months ago"},

    /* request-overdue */
    {.name = "not responded after the deadline",
        .today = "2026-04-02",
        .files = {{"request/REQ-2026-001.yaml", REQ("2026-03-01")}},
        .rule = "request-overdue",
        .count = 1,
        .path = "request/REQ-2026-001.yaml",
        .line = 2,
        .col = 11,
        .sev = DIAG_ERROR,
        .text = "not responded by the deadline 2026-04-01, 1 day ago"},
    {.name = "not responded on the day of the deadline",
        .today = "2026-04-01",
        .files = {{"request/REQ-2026-001.yaml", REQ("2026-03-01")}},
        .rule = "request-overdue"},
    {.name = "responded after the deadline",
        .files = {{"request/REQ-2026-001.yaml",
            REQ("2026-01-31") "responded: 2026-03-02\n"}},
        .rule = "request-overdue",
        .count = 1,
        .path = "request/REQ-2026-001.yaml",
        .line = 3,
        .col = 12,
        .sev = DIAG_ERROR,
        .text = "responded 2026-03-02, 2 days after the deadline 2026-02-28"},
    {.name = "responded on the clamped deadline",
        .files = {{"request/REQ-2026-001.yaml",
            REQ("2026-01-31") "responded: 2026-02-28\n"}},
        .rule = "request-overdue"},
    {.name = "extended, responded in time",
        .today = "2026-12-31",
        .files = {{"request/REQ-2026-001.yaml",
            REQ("2026-01-31") "extended: true\n"
                              "extension_reason: Mange saker\n"
                              "responded: 2026-04-30\n"}},
        .rule = "request-overdue"},
    {.name = "extended, responded late",
        .today = "2026-12-31",
        .files = {{"request/REQ-2026-001.yaml",
            REQ("2026-01-31") "extended: true\n"
                              "extension_reason: Mange saker\n"
                              "responded: 2026-05-01\n"}},
        .rule = "request-overdue",
        .count = 1,
        .path = "request/REQ-2026-001.yaml",
        .line = 5,
        .col = 12,
        .sev = DIAG_ERROR,
        .text = "1 day after the extended deadline 2026-04-30"},
    {.name = "withdrawn before an answer",
        .today = "2026-12-31",
        .files = {{"request/REQ-2026-001.yaml",
            REQ("2026-01-31") "outcome: withdrawn\n"}},
        .rule = "request-overdue"},

    /* plan-consistency */
    {.name = "percent 100, still ongoing",
        .files = {{"plan/PLAN-2026.yaml",
            PLAN "  - {id: T1, quarter: Q1, title: a, status: ongoing, "
                 "percent: 100}\n"}},
        .rule = "plan-consistency",
        .count = 1,
        .path = "plan/PLAN-2026.yaml",
        .line = 4,
        .col = 63,
        .sev = DIAG_WARNING,
        .text = "percent is 100 but status is ongoing"},
    {.name = "percent 100 without status",
        .files = {{"plan/PLAN-2026.yaml",
            PLAN "  - {id: T1, quarter: Q1, title: a, percent: 100}\n"}},
        .rule = "plan-consistency",
        .count = 1,
        .path = "plan/PLAN-2026.yaml",
        .line = 4,
        .col = 46,
        .sev = DIAG_WARNING,
        .text = "but status is not set"},
    {.name = "done at 75 percent",
        .files = {{"plan/PLAN-2026.yaml",
            PLAN "  - {id: T1, quarter: Q1, title: a, status: done, "
                 "percent: 75}\n"}},
        .rule = "plan-consistency",
        .count = 1,
        .path = "plan/PLAN-2026.yaml",
        .line = 4,
        .col = 45,
        .sev = DIAG_WARNING,
        .text = "status is done but percent is 75"},
    {.name = "done without percent",
        .files = {{"plan/PLAN-2026.yaml",
            PLAN "  - {id: T1, quarter: Q1, title: a, status: done}\n"}},
        .rule = "plan-consistency",
        .count = 1,
        .path = "plan/PLAN-2026.yaml",
        .line = 4,
        .col = 45,
        .sev = DIAG_WARNING,
        .text = "percent is 0 (not set)"},
    {.name = "done at 100, cancelled at any percent",
        .files = {{"plan/PLAN-2026.yaml",
            PLAN "  - {id: T1, quarter: Q1, title: a, status: done, "
                 "percent: 100}\n"
                 "  - {id: T2, quarter: Q1, title: b, status: "
                 "cancelled, percent: 100}\n"
                 "  - {id: T3, quarter: Q1, title: c, status: "
                 "cancelled, percent: 40}\n"
                 "  - {id: T4, quarter: Q1, title: d, status: "
                 "ongoing, percent: 99}\n"}},
        .rule = "plan-consistency"},

    /* personal-data */
    {.name = "number in a value",
        .files = {{"request/REQ-2026-001.yaml",
            REQ("2026-03-09") "case: Gjelder 15819012382\n"}},
        .rule = "personal-data",
        .count = 1,
        .path = "request/REQ-2026-001.yaml",
        .line = 3,
        .col = 15,
        .sev = DIAG_ERROR,
        .text = "looks like a Norwegian synthetic test number (1581*******); "
                "records must not hold national identity numbers"},
    {.name = "number in a key, a comment and an integer",
        .files = {{"request/REQ-2026-001.yaml",
            REQ("2026-03-09") "x-notat 19121212-1212: ja\n"
                              "# 131052-308T\n"
                              "x-ref: 15819012463\n"}},
        .rule = "personal-data",
        .count = 3,
        .path = "request/REQ-2026-001.yaml",
        .line = 3,
        .col = 9,
        .sev = DIAG_ERROR,
        .text = "Swedish personnummer (1912****-****)"},
    {.name = "number in gdprctl.yaml",
        .files = {{"gdprctl.yaml", CONFIG "dpo: {name: \"150135-4003\"}\n"}},
        .rule = "personal-data",
        .count = 1,
        .path = "gdprctl.yaml",
        .line = 3,
        .col = 14,
        .sev = DIAG_ERROR,
        .text = "Danish CPR number (1501**-****)"},
    {.name = "number hidden by an escape",
        .files = {{"request/REQ-2026-001.yaml",
            REQ("2026-03-09") "case: \"1581901\\x32382\"\n"}},
        .rule = "personal-data",
        .count = 1,
        .path = "request/REQ-2026-001.yaml",
        .line = 3,
        .col = 7,
        .sev = DIAG_ERROR,
        .text = "(1581*******)"},
    {.name = "CRLF line ends and a BOM",
        .files = {{"request/REQ-2026-001.yaml",
            "\xEF\xBB\xBF# 55819012376\r\nid: REQ-2026-001\r\n"
            "received: 2026-03-09\r\ncase: 15819012382\r\n"}},
        .rule = "personal-data",
        .count = 2,
        .path = "request/REQ-2026-001.yaml",
        .line = 1,
        .col = 3,
        .sev = DIAG_ERROR,
        .text = "(5581*******)"},
    {.name = "numbers with wrong check digits",
        .files = {{"request/REQ-2026-001.yaml",
            REQ("2026-03-09") "case: 15819012383 og 900175-1231\n"
                              "x-nr: 12345678901\n"}},
        .rule = "personal-data"},

    /* the scales of gdprctl.yaml (rule schema) */
    {.name = "likelihood above the scale",
        .files = {{"ros/ROS-001.yaml",
            ROS_HEAD("ROS-001", "2025-10-15",
                "approved") "threats:\n"
                            "  - {id: T1, threat: x, likelihood: 5, consequence: 4}\n"}},
        .rule = "schema",
        .count = 1,
        .path = "ros/ROS-001.yaml",
        .line = 6,
        .col = 37,
        .sev = DIAG_ERROR,
        .text = "likelihood 5 is outside the scale 1..4 of gdprctl.yaml"},
    {.name = "likelihood on the scale",
        .files = {{"ros/ROS-001.yaml",
            ROS_HEAD("ROS-001", "2025-10-15",
                "approved") "threats:\n"
                            "  - {id: T1, threat: x, likelihood: 4, consequence: 4}\n"}},
        .rule = "schema"},

    /* records of the wrong shape: skipped, never a crash */
    {.name = "wrong types in register, incident and request",
        .today = "2030-01-01",
        .files = {{"register/REG-001.yaml",
                      "id: REG-001\nprocessors: DPA-001\n"
                      "transfers: [US, {country: 5}, {country: us}]\n"
                      "special_categories: health\n"
                      "legal_basis: legitimate-interests\ndpia: [x]\n"
                      "ros: {a: b}\nreviewed: 20250101\nstatus: 5\n"},
            {"incident/INC-2026-001.yaml",
                "id: INC-2026-001\ndiscovered: 5\nrisk: high\n"
                "authority_notification: yes\nsubject_notification: [1]\n"
                "register: REG-001\n"},
            {"incident/INC-2026-002.yaml",
                "id: INC-2026-002\n"
                "discovered: 2026-03-02T10:15:00+01:00\nrisk: [high]\n"},
            {"request/REQ-2026-001.yaml",
                "id: REQ-2026-001\nreceived: [2026]\nresponded: 5\n"
                "extended: 1\n"},
            {"dpa/DPA-001.yaml",
                "id: DPA-001\nprocessor: Firma\nstatus: [signed]\n"
                "expires: 2020-01-01\nsubprocessors: {name: x}\n"}},
        .rule = "breach-notification"},
    {.name = "wrong types in dpia, ros and plan",
        .today = "2030-01-01",
        .files = {{"dpia/DPIA-001.yaml",
                      "id: DPIA-001\nrisks: {a: 1}\nscreening: [1]\n"
                      "status: [draft]\nconclusion: 5\nregister: REG-001\n"},
            {"dpia/DPIA-002.yaml",
                "id: DPIA-002\nstatus: completed\n"
                "risks: [1, [2], {likelihood: x}, {id: [1]},\n"
                "  {likelihood: 4, consequence: 4, residual_likelihood: "
                "x}]\n"},
            {"ros/ROS-001.yaml",
                "id: ROS-001\nthreats: [1, [2], {likelihood: x}]\n"
                "register: REG-001\nstatus: approved\ndate: 5\n"},
            {"plan/PLAN-2026.yaml",
                "id: PLAN-2026\ntasks: [1, {percent: x, status: 5},\n"
                "  {percent: 100, status: [done]}, {status: done, "
                "percent: 1.5}]\n"},
            {"register/REG-001.yaml",
                "id: REG-001\nros: [ROS-001, 5]\ndpia: not-required\n"}},
        .rule = "dpia-prior-consultation"},
};

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
write_file(const char *dir, const char *rel, const char *text)
{
	struct buf path = BUF_INIT;
	char *slash;
	FILE *fp;

	buf_printf(&path, "%s/%s", dir, rel);
	slash = strrchr(path.ptr, '/');
	*slash = '\0';
	mkdir(path.ptr, 0700);
	*slash = '/';
	fp = fopen(path.ptr, "w");
	assert_non_null(fp);
	assert_int_equal(fputs(text, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
	buf_free(&path);
}

/* Load the files of c into a fresh repository and run every rule. */
static struct repo *
load(const struct rcase *c, char *dir, struct diag_list *d, int run)
{
	struct repo *r = NULL;
	struct gd_date today;
	int i, config = 0;

	assert_non_null(mkdtemp(dir));
	for (i = 0; i < MAXF && c->files[i][0] != NULL; i++) {
		write_file(dir, c->files[i][0], c->files[i][1]);
		config |= strcmp(c->files[i][0], "gdprctl.yaml") == 0;
	}
	if (!config)
		write_file(dir, "gdprctl.yaml", CONFIG);
	assert_int_equal(repo_open(&r, dir, d), 0);
	assert_int_equal(repo_load(r, d), 0);
	if (d->n > 0)
		fail_msg("%s: the fixture does not load: %s:%d: %s", c->name,
		    d->v[0].path, d->v[0].line, d->v[0].message);
	assert_int_equal(
	    date_parse(c->today ? c->today : "2026-03-10", 10, &today), 0);
	if (run) {
		rules_run(r, today, d);
		diag_sort(d);
	}
	return r;
}

static void
check_case(const struct rcase *c)
{
	char dir[] = "/tmp/gdprctl-rules.XXXXXX";
	struct diag_list d = DIAG_LIST_INIT;
	struct repo *r = load(c, dir, &d, 1);
	const struct diag *first = NULL;
	int n = 0;

	for (size_t i = 0; i < d.n; i++) {
		if (strcmp(rule_name(d.v[i].rule), c->rule) != 0)
			continue;
		if (first == NULL)
			first = &d.v[i];
		n++;
	}
	if (n != c->count || (int)d.n - n != c->others) {
		for (size_t i = 0; i < d.n; i++)
			print_message("  %s:%d:%d: %s [%s]\n", d.v[i].path,
			    d.v[i].line, d.v[i].col, d.v[i].message,
			    rule_name(d.v[i].rule));
		fail_msg("%s: %d findings of %s and %d others, want %d and %d",
		    c->name, n, c->rule, (int)d.n - n, c->count, c->others);
	}
	if (first != NULL &&
	    (strcmp(first->path, c->path) != 0 || first->line != c->line ||
	        first->col != c->col || first->severity != c->sev ||
	        strstr(first->message, c->text) == NULL))
		fail_msg("%s: got %s:%d:%d: %s: %s", c->name, first->path,
		    first->line, first->col,
		    diag_severity_name(first->severity), first->message);
	repo_free(r);
	diag_list_free(&d);
	assert_int_equal(nftw(dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS), 0);
}

static void
test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_case(&cases[i]);
}

/* Every rule of the catalogue beyond those of rules_ids and the loader
 * has a case that fires it and one that does not. */
static void
test_every_rule_covered(void **state)
{
	(void)state;
	for (int i = 0; i < RULE_COUNT; i++) {
		const char *rule = rule_name((enum rule)i);
		int fire = 0, silent = 0;

		if (strcmp(rule, "yaml") == 0 ||
		    strcmp(rule, "id-filename") == 0)
			continue;
		for (size_t j = 0; j < sizeof(cases) / sizeof(cases[0]); j++) {
			if (strcmp(cases[j].rule, rule) != 0)
				continue;
			if (cases[j].count > 0)
				fire = 1;
			else
				silent = 1;
		}
		if (!fire || !silent)
			fail_msg("rule %s lacks a %s case", rule,
			    fire ? "silent" : "firing");
	}
}

/* Findings about records out of scope are not reported; the records are
 * still read for the rules of others. */
static void
test_scope(void **state)
{
	static const struct rcase c = {
	    .name = "scope",
	    .files = {{"register/REG-001.yaml",
	                  REG("REG-001") "processors: [DPA-001, DPA-009]\n"
	                                 "special_categories: [health]\n"},
	        {"dpa/DPA-001.yaml", DPA("DPA-001", "NO", "draft")}},
	};
	char dir[] = "/tmp/gdprctl-rules.XXXXXX";
	struct diag_list d = DIAG_LIST_INIT;
	struct repo *r = load(&c, dir, &d, 0);
	struct gd_date today = {2026, 3, 10};

	(void)state;
	for (size_t i = 0; i < r->n; i++)
		r->recs[i].in_scope =
		    strcmp(r->recs[i].path, "register/REG-001.yaml") != 0;
	rules_run(r, today, &d);
	assert_int_equal(d.n, 0);
	for (size_t i = 0; i < r->n; i++)
		r->recs[i].in_scope = !r->recs[i].in_scope;
	rules_run(r, today, &d);
	/* ref-missing, dpa-missing, art9-condition */
	assert_int_equal(d.n, 3);
	repo_free(r);
	diag_list_free(&d);
	assert_int_equal(nftw(dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS), 0);
}

/* A text fed in pieces of any size gives the findings of one piece. */
static void
test_pdata_pieces(void **state)
{
	static const char *const nums[] = {
	    "15819012382", "19121212-1212", "131052-308T", "150135-4003"};
	static const size_t pieces[] = {1, 7, 4093, 65536, 200000};
	struct diag_list whole = DIAG_LIST_INIT;
	struct pdata_scan ps;
	struct buf text = BUF_INIT;
	size_t k, i;

	(void)state;
	/* Numbers every few dozen bytes, so that wherever the scanner cuts
	 * the text some are cut, between multibyte text and line ends. */
	for (k = 0; text.len < 200000; k++) {
		for (i = 0; i < k % 29; i++)
			buf_puts(&text,
			    i % 3 == 0       ? "ø"
			        : i % 3 == 1 ? "a"
			                     : "\n");
		buf_puts(&text, " ");
		buf_puts(&text, nums[k % 4]);
		buf_puts(&text, k % 2 ? "\r\n" : "\r");
	}
	pdata_begin(&ps, "t.txt", &whole);
	pdata_feed(&ps, text.ptr, text.len);
	assert_int_equal(pdata_end(&ps), k);
	assert_int_equal(whole.n, k);
	for (i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
		struct diag_list d = DIAG_LIST_INIT;
		size_t off;

		pdata_begin(&ps, "t.txt", &d);
		for (off = 0; off < text.len; off += pieces[i])
			pdata_feed(&ps, text.ptr + off,
			    text.len - off < pieces[i] ? text.len - off
			                               : pieces[i]);
		pdata_end(&ps);
		assert_int_equal(d.n, whole.n);
		for (size_t j = 0; j < d.n; j++) {
			assert_int_equal(d.v[j].line, whole.v[j].line);
			assert_int_equal(d.v[j].col, whole.v[j].col);
			assert_string_equal(d.v[j].message, whole.v[j].message);
		}
		diag_list_free(&d);
	}
	buf_free(&text);
	diag_list_free(&whole);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cases),
	    cmocka_unit_test(test_every_rule_covered),
	    cmocka_unit_test(test_scope),
	    cmocka_unit_test(test_pdata_pieces),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
