/*
 * The verbs of the record commands register, dpa, incident, dpia, ros and
 * request: list, show and new for every kind (the kind is the command's
 * name, ctx->cmd), and the kinds' own verbs.
 */
#ifndef GD_RECORD_H
#define GD_RECORD_H

#include "cmd.h"

/* KIND list [--format table|csv|json|md] [--status S] [--year Y] */
int record_list(int argc, char **argv, struct gd_ctx *ctx);
/* KIND show ID [--format text|json] */
int record_show(int argc, char **argv, struct gd_ctx *ctx);
/* KIND new [--id ID] [field options] [--edit|--no-edit] */
int record_new(int argc, char **argv, struct gd_ctx *ctx);

/* incident deadlines */
int record_deadlines(int argc, char **argv, struct gd_ctx *ctx);
/* request due */
int record_due(int argc, char **argv, struct gd_ctx *ctx);
/* dpa expiring [--within DAYS] */
int record_expiring(int argc, char **argv, struct gd_ctx *ctx);
/* dpia screen ID */
int record_screen(int argc, char **argv, struct gd_ctx *ctx);
/* ros matrix [ID] */
int record_matrix(int argc, char **argv, struct gd_ctx *ctx);

/* The verbs every kind has, for the kinds' verb tables; each prints its
 * own usage. */
/* clang-format off */
#define RECORD_VERBS                                                           \
	{"list", record_list, NULL, CMD_PAGER},                                \
	{"show", record_show, NULL, CMD_PAGER},                                \
	{"new", record_new, NULL, 0}
/* clang-format on */

#endif
