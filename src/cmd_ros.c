/* gdprctl ros: risk and vulnerability analyses. */
#include "record.h"

static const struct verb verbs[] = {
    RECORD_VERBS,
    {"matrix", record_matrix, NULL, CMD_PAGER},
    {NULL, NULL, NULL, 0},
};

int
cmd_ros(int argc, char **argv, struct gd_ctx *ctx)
{
	return verb_run("ros", verbs, argc, argv, ctx);
}
