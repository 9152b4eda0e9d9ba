/* gdprctl request: the verbs that work on data-subject requests. */
#include <stdio.h>
#include <string.h>

#include "change.h"
#include "cmd.h"
#include "record.h"

static const char respond_usage[] =
    "usage: gdprctl request respond ID [--date D] [--outcome O]\n"
    "\n"
    "Record the answer to request ID: set responded: D, and outcome: O when\n"
    "given. Nothing else in the file changes; a change that would make the\n"
    "record invalid is refused.\n"
    "\n"
    "  --date D      the date of the answer, YYYY-MM-DD (default today)\n"
    "  --outcome O   granted, partially-granted, refused or withdrawn\n";

static const char *const outcomes[] = {
    "granted",
    "partially-granted",
    "refused",
    "withdrawn",
    NULL,
};

static int
known_outcome(const char *s)
{
	size_t i;

	for (i = 0; outcomes[i] != NULL; i++)
		if (strcmp(outcomes[i], s) == 0)
			return 1;
	return 0;
}

static int
request_respond(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"date", required_argument, NULL, 'd'},
	    {"outcome", required_argument, NULL, 'o'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct change c;
	const char *date = NULL, *outcome = NULL, *id;
	int ch, rc = EXIT_FAIL;

	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'd':
			date = optarg;
			if (opt_date("request", date) != 0)
				return EXIT_FAIL;
			break;
		case 'o':
			outcome = optarg;
			if (!known_outcome(outcome))
				return usage_error("request",
				    "--outcome takes granted, "
				    "partially-granted, refused or withdrawn, "
				    "not '%s'",
				    outcome);
			break;
		case 'h':
			fputs(respond_usage, stdout);
			return EXIT_OK;
		default:
			return opt_error("request", ch, argv);
		}
	}
	if (argc - optind != 1)
		return usage_error("request", "request respond takes one id");
	id = argv[optind];
	if (!id_valid(id) || strncmp(id, "REQ-", 4) != 0)
		return usage_error(
		    "request", "'%s' is not a request id (REQ-...)", id);
	if (cmd_change_open(&c, ctx) < 0 ||
	    change_begin_id(&c, KIND_REQUEST, id) < 0 ||
	    change_set(&c, "responded", "responded", date ? date : c.today,
	        EDIT_DATE, 1) < 0 ||
	    (outcome != NULL &&
	        change_set(&c, "outcome", "outcome", outcome, EDIT_STR, 1) < 0))
		goto done;
	rc = cmd_change_status(change_commit(&c));
done:
	change_close(&c);
	return rc;
}

static const struct verb verbs[] = {
    RECORD_VERBS,
    {"due", record_due, NULL, CMD_PAGER},
    {"respond", request_respond, respond_usage, 0},
    {NULL, NULL, NULL, 0},
};

int
cmd_request(int argc, char **argv, struct gd_ctx *ctx)
{
	return verb_run("request", verbs, argc, argv, ctx);
}
