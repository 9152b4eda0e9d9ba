/* gdprctl dpia: data protection impact assessments (Art. 35). */
#include "record.h"

static const struct verb verbs[] = {
    RECORD_VERBS,
    {"screen", record_screen, NULL, CMD_PAGER},
    {NULL, NULL, NULL, 0},
};

int
cmd_dpia(int argc, char **argv, struct gd_ctx *ctx)
{
	return verb_run("dpia", verbs, argc, argv, ctx);
}
