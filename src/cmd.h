/* The commands: their entry points, the shared context, option helpers. */
#ifndef GD_CMD_H
#define GD_CMD_H

#include <getopt.h>

#include "date.h"
#include "diag.h"

enum {
	EXIT_OK = 0,
	EXIT_FINDINGS = 1,
	EXIT_FAIL = 2,
};

/* Settings of the global options, passed to every command. */
struct gd_ctx {
	const char *dir;        /* -C DIR, or "." */
	struct gd_date today;   /* --today YYYY-MM-DD, or the local date */
	const char *color_mode; /* auto, always, never */
	int color_out;          /* colour on stdout */
	int quiet;
	int today_given; /* --today was given */
	const char *cmd; /* the command's name: "incident" */
	int no_pager;    /* --no-pager */
	/* Start the pager once the command's options are parsed. */
	int page;
};

/* Flags of a command or verb. */
enum {
	/* Its output may be long: to a terminal, it goes through the pager
	 * (not for what changes records or starts an editor). */
	CMD_PAGER = 0x1,
};

struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv, struct gd_ctx *ctx);
	const char *usage; /* the synopsis lines and options */
	const char *summary;
	unsigned flags;
};

/* A verb of a command with verbs: gdprctl plan list|new|set. */
struct verb {
	const char *name;
	int (*fn)(int argc, char **argv, struct gd_ctx *ctx);
	const char *usage; /* printed by -h; NULL: the verb prints its own */
	unsigned flags;
};

/* The command table, ending with a NULL name. */
extern const struct cmd commands[];
const struct cmd *cmd_lookup(const char *name);

/* Reset getopt before a command parses its own options. */
void opt_reset(void);
/*
 * getopt_long over a command's options that also takes the global
 * options a user may write after the command's name (-q, --color,
 * --today, --no-pager), sets them in ctx and goes on; returns what
 * getopt_long returns for the command's own. At the end of the options
 * (-1) it starts the pager when the command wants one (ctx->page).
 */
int opt_next(struct gd_ctx *ctx, int argc, char **argv, const char *shortopts,
    const struct option *longopts);
/* What opt_next returns after reporting a bad global option itself. */
#define OPT_REPORTED '!'
/* Print a usage error with a hint to 'gdprctl help NAME'; returns 2. */
int usage_error(const char *name, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/*
 * The usage error for getopt's ':' (option 'argv[optind - 1]' needs a
 * value) or anything else it returns (unknown option), nothing more for
 * OPT_REPORTED; returns 2.
 */
int opt_error(const char *name, int ch, char **argv);
/* Print the usage text of a command to stdout; returns 0. */
int print_usage(const char *name);
/* Parse a non-negative integer option strictly; -1 when it is not one. */
int opt_long(const char *s, long min, long max, long *out);
/* Check the value of --date (YYYY-MM-DD); 0, or the usage error (2). */
int opt_date(const char *name, const char *s);

struct change;
/* change_open on the repository, today and stderr colour of ctx. */
int cmd_change_open(struct change *c, const struct gd_ctx *ctx);
/* The exit status for a result of change_commit or change_create. */
int cmd_change_status(int result);

/*
 * Run the verb argv[1] of command name from table (ending with a NULL
 * name); the verb gets argv from its own name on.
 */
int verb_run(const char *name, const struct verb *table, int argc, char **argv,
    struct gd_ctx *ctx);

int cmd_dpa(int argc, char **argv, struct gd_ctx *ctx);
int cmd_dpia(int argc, char **argv, struct gd_ctx *ctx);
int cmd_explain(int argc, char **argv, struct gd_ctx *ctx);
int cmd_help(int argc, char **argv, struct gd_ctx *ctx);
int cmd_history(int argc, char **argv, struct gd_ctx *ctx);
int cmd_init(int argc, char **argv, struct gd_ctx *ctx);
int cmd_register(int argc, char **argv, struct gd_ctx *ctx);
int cmd_ros(int argc, char **argv, struct gd_ctx *ctx);
int cmd_rules(int argc, char **argv, struct gd_ctx *ctx);
int cmd_scan(int argc, char **argv, struct gd_ctx *ctx);
int cmd_validate(int argc, char **argv, struct gd_ctx *ctx);
int cmd_plan(int argc, char **argv, struct gd_ctx *ctx);
int cmd_incident(int argc, char **argv, struct gd_ctx *ctx);
int cmd_request(int argc, char **argv, struct gd_ctx *ctx);
int cmd_schema(int argc, char **argv, struct gd_ctx *ctx);
int cmd_report(int argc, char **argv, struct gd_ctx *ctx);

#endif
