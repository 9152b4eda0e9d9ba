/* gdprctl dpa: data processing agreements (Art. 28). */
#include "record.h"

static const struct verb verbs[] = {
    RECORD_VERBS,
    {"expiring", record_expiring, NULL, CMD_PAGER},
    {NULL, NULL, NULL, 0},
};

int
cmd_dpa(int argc, char **argv, struct gd_ctx *ctx)
{
	return verb_run("dpa", verbs, argc, argv, ctx);
}
