/* plan: the yearly plan of tasks; its verbs are in cmd_plan.c. */
#include "kind.h"
#include "rules.h"

static const char *const plan_keys[] = {"id", NULL};

const struct kind_info kind_plan = {
    .kind = KIND_PLAN,
    .name = "plan",
    .dir = "plan",
    .prefix = "PLAN",
    .schema = "plan.schema.json",
    .rules_record = rules_plan_record,
    .cross_keys = plan_keys,
};
