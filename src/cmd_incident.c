/* gdprctl incident: the verbs that work on personal-data breaches. */
#include <stdio.h>
#include <string.h>

#include "change.h"
#include "cmd.h"
#include "record.h"

static const char close_usage[] =
    "usage: gdprctl incident close ID [--date D]\n"
    "\n"
    "Close breach ID: set status: closed and closed: D. Nothing else in\n"
    "the file changes; a change that would make the record invalid is\n"
    "refused.\n"
    "\n"
    "  --date D    the date it was closed, YYYY-MM-DD (default today)\n";

static int
incident_close(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"date", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct change c;
	const char *date = NULL, *id;
	int ch, rc = EXIT_FAIL;

	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'd':
			date = optarg;
			if (opt_date("incident", date) != 0)
				return EXIT_FAIL;
			break;
		case 'h':
			fputs(close_usage, stdout);
			return EXIT_OK;
		default:
			return opt_error("incident", ch, argv);
		}
	}
	if (argc - optind != 1)
		return usage_error("incident", "incident close takes one id");
	id = argv[optind];
	if (!id_valid(id) || strncmp(id, "INC-", 4) != 0)
		return usage_error(
		    "incident", "'%s' is not an incident id (INC-...)", id);
	if (cmd_change_open(&c, ctx) < 0 ||
	    change_begin_id(&c, KIND_INCIDENT, id) < 0 ||
	    change_set(&c, "status", "status", "closed", EDIT_STR, 1) < 0 ||
	    change_set(&c, "closed", "closed", date ? date : c.today, EDIT_DATE,
	        1) < 0)
		goto done;
	rc = cmd_change_status(change_commit(&c));
done:
	change_close(&c);
	return rc;
}

static const struct verb verbs[] = {
    RECORD_VERBS,
    {"deadlines", record_deadlines, NULL, CMD_PAGER},
    {"close", incident_close, close_usage, 0},
    {NULL, NULL, NULL, 0},
};

int
cmd_incident(int argc, char **argv, struct gd_ctx *ctx)
{
	return verb_run("incident", verbs, argc, argv, ctx);
}
