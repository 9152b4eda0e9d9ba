/* Risk scores and levels on the organisation's scales, and DPIA screening. */
#ifndef GD_RISK_H
#define GD_RISK_H

#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "yml.h"

/*
 * One risk item (a ROS threat or a DPIA risk) evaluated on the scales of
 * gdprctl.yaml. The residual values are the inherent ones when the item
 * gives none.
 */
struct risk_eval {
	const char *id; /* the item's id when it is a string, else NULL */
	int ok;         /* likelihood and consequence are on the scales */
	long l, c, score;
	const char *level;  /* NULL when !ok */
	int rank;           /* index of level in cfg->levels, -1 when !ok */
	int residual_given; /* residual_likelihood and residual_consequence */
	int rok;            /* the residual values are on the scales */
	long rl, rc, rscore;
	const char *rlevel;   /* NULL when !rok */
	int rrank;            /* -1 when !rok */
	size_t measures;      /* the items of measures */
	size_t open_measures; /* measures whose done is not true */
};

/*
 * Evaluate item. Values that are missing, not integers or outside the
 * scales leave ok (or rok) 0. Returns 0 when both the inherent and the
 * residual risk could be evaluated, else -1.
 */
int risk_eval(const struct config *cfg, const struct yml_node *item,
    struct risk_eval *out);

/*
 * The level name of likelihood l and consequence c (both on the scales):
 * matrix[l-1][c-1] when the configuration has a matrix, else the first
 * level whose max is at least l*c. A score above every max counts as the
 * highest level.
 */
const char *risk_level(const struct config *cfg, long l, long c);
/* The index of a level name in cfg->levels, or -1 (higher is worse). */
int risk_rank(const struct config *cfg, const char *level);
/* The label of likelihood l / consequence c in the configured locale. */
const char *risk_likelihood_label(const struct config *cfg, long l);
const char *risk_consequence_label(const struct config *cfg, long c);

/*
 * Findings (rule "schema") for the values of item above the scales of
 * gdprctl.yaml. Values below 1 and of other types are the JSON Schema's.
 */
void risk_check_scale(const struct config *cfg, const char *path,
    const struct yml_node *item, struct diag_list *d);

/* The WP248 screening criteria, in the order of the dpia record. */
extern const char *const risk_criteria[];
extern const size_t risk_ncriteria;
/* How many criteria a dpia's screening mapping marks true. */
int risk_screening_count(const struct yml_node *screening);

#endif
