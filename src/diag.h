/*
 * Diagnostics: findings in records (collected, sorted, printed once) and
 * program messages (printed at once to stderr).
 */
#ifndef GD_DIAG_H
#define GD_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "catalog.h"
#include "jsonw.h"

enum diag_format {
	DIAG_TEXT,
	DIAG_JSON,
	DIAG_GITHUB,
	DIAG_SARIF,
	DIAG_CODEQUALITY, /* GitLab's Code Quality report */
};

struct diag {
	char *path;    /* relative to the repository root */
	int line, col; /* 1-based; 0 when the finding concerns the whole file */
	enum diag_severity severity;
	enum rule rule;
	char *message;
	char *pointer; /* JSON pointer of the node, or NULL */
};

struct diag_list {
	struct diag *v;
	size_t n, cap;
	/* The severities gdprctl.yaml sets, plus one; 0: the rule's own. */
	unsigned char level[RULE_COUNT];
};

#define DIAG_LIST_INIT                                                         \
	{                                                                      \
		0                                                              \
	}

/* Set the severity a rule's findings get (DIAG_OFF drops them). */
void diag_override(struct diag_list *l, enum rule r, enum diag_severity sev);
/* The severity in force for the findings of rule r. */
enum diag_severity diag_effective(const struct diag_list *l, enum rule r);

/* A finding of rule r, with the severity in force for r. */
void diag_add(struct diag_list *l, const char *path, int line, int col,
    enum rule r, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/*
 * A finding of r in its warning form (a rule with RULE_WARNING_FORM): a
 * warning, unless gdprctl.yaml sets the severity of r. pointer: as for
 * diag_addp.
 */
void diag_add_warning(struct diag_list *l, const char *path, int line, int col,
    enum rule r, const char *pointer, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* As diag_add, with the JSON pointer of the offending node. */
void diag_addp(struct diag_list *l, const char *path, int line, int col,
    enum rule r, const char *pointer, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* Append a copy of finding d as it is, its severity already in force. */
void diag_push(struct diag_list *l, const struct diag *d);
/* Give dst the per-rule severities of src (for per-thread lists). */
void diag_copy_overrides(struct diag_list *dst, const struct diag_list *src);
/* Move every finding of src to dst, leaving src empty. */
void diag_move(struct diag_list *dst, struct diag_list *src);
/* Sort by path, line, column, rule, message; drop exact duplicates. */
void diag_sort(struct diag_list *l);
/* Keep only the findings for which keep returns non-zero. */
void diag_retain(
    struct diag_list *l, int (*keep)(const struct diag *, void *), void *arg);
size_t diag_count(const struct diag_list *l, enum diag_severity sev);
/* Append "N errors, N warnings" of l, for a summary line. */
void diag_tally(const struct diag_list *l, struct buf *b);
/*
 * The line on stderr of a command that exits 1 for findings it printed
 * where the person running it may not look: "gdprctl: N errors, N
 * warnings " and the rest from fmt.
 */
void diag_exit_summary(const struct diag_list *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/*
 * diag_exit_summary for findings printed to stdout in fmt, for a CI log
 * that shows only stderr; nothing for text and github, which have their
 * own summary.
 */
void diag_format_summary(const struct diag_list *l, enum diag_format fmt);
void diag_list_free(struct diag_list *l);

/* Print findings in one of the formats; color applies to text only. */
int diag_print(
    const struct diag_list *l, FILE *fp, enum diag_format fmt, int color);
/*
 * As diag_print, with prefix ("" or "dir/") before every path in the
 * formats CI reads (github, sarif, codequality): there paths are relative
 * to the top of the git work tree, not to the records root.
 */
int diag_print_under(const struct diag_list *l, FILE *fp, enum diag_format fmt,
    int color, const char *prefix);
/* The findings as a JSON array, the items of the json format. */
void diag_json(const struct diag_list *l, struct jsonw *w);
/* Parse "text", "json", "github", "sarif", "codequality"; -1 when
 * unknown. */
int diag_format_parse(const char *s, enum diag_format *out);
const char *diag_format_name(enum diag_format fmt);
/* Whether a CI system reads fmt: github, sarif, codequality (paths from the
 * top of the git work tree, see diag_print_under). */
int diag_ci_format(enum diag_format fmt);
const char *diag_severity_name(enum diag_severity sev);

/* Program messages on stderr, prefixed "gdprctl: ". */
void diag_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Informational; silenced by -q. */
void diag_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_set_quiet(int quiet);

/* Whether stderr/stdout should be coloured: mode is "auto", "always", "never".
 */
int diag_color_enabled(const char *mode, FILE *fp);

#endif
