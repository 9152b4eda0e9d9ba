/* gdprctl ros: risk and vulnerability analyses. */
#include "record.h"

static const struct verb verbs[] = {
    RECORD_VERBS,
    {"matrix", record_matrix, NULL},
    {NULL, NULL, NULL},
};

int
cmd_ros(int argc, char **argv, struct gd_ctx *ctx)
{
	return verb_run("ros", verbs, argc, argv, ctx);
}
