/* gdprctl register: processing activities (Art. 30). */
#include "record.h"

static const struct verb verbs[] = {
    RECORD_VERBS,

    {NULL, NULL, NULL, 0},
};

int
cmd_register(int argc, char **argv, struct gd_ctx *ctx)
{
	return verb_run("register", verbs, argc, argv, ctx);
}
