/*
 * Changing records: a changed or new record is checked with the checks of
 * `validate` and written atomically, never outside the repository.
 */
#ifndef GD_CHANGE_H
#define GD_CHANGE_H

#include <stddef.h>

#include "buf.h"
#include "check.h"
#include "date.h"
#include "edit.h"
#include "repo.h"
#include "yml.h"

/* How a change is checked and its findings shown. */
struct change_ctx {
	const struct check_opts *co;
	const struct diag_list *rules; /* per-rule severities (repo_open's) */
	int color;                     /* colour findings on stderr */
};

enum {
	CHANGE_FAILED = -1, /* reported; nothing written */
	CHANGE_WRITTEN = 0,
	CHANGE_REFUSED = 1, /* the change would bring error findings */
};

/*
 * Open the directory that the record of kind k with id is written to, as
 * <dir>/<id>.yaml. Refuses (and reports) an id that is not well-formed or
 * lacks the kind's prefix, and a kind directory whose real path leads out
 * of the root. Returns the directory's descriptor, or -1.
 */
int change_dir(const struct repo *r, enum kind k, const char *id);

/*
 * Replace record rec of r (loaded with repo_load) with text: parse it, run
 * the checks over the repository with the record changed, and refuse when
 * the record would have error findings it did not have before (printed to
 * stderr). Otherwise write the file atomically.
 */
int change_record(struct repo *r, const struct record *rec, const char *text,
    size_t len, const struct change_ctx *cc);
/* As change_record for a new record of kind k; never overwrites. */
int change_create(struct repo *r, enum kind k, const char *id, const char *text,
    size_t len, const struct change_ctx *cc);

/* One command's change of one record: open, begin, set..., commit. */
struct change {
	struct repo *r;
	struct diag_list d; /* findings of loading; per-rule severities */
	struct check_opts co;
	struct change_ctx cc;
	char today[11]; /* YYYY-MM-DD */
	const struct record *rec;
	struct edit *ed;
	struct buf summary;  /* "status open -> closed, ..." */
	const char *subject; /* "task T03" before the summary, or NULL */
};

/*
 * Open the repository found from dir and load its records; today is what
 * the rules and the default dates take as today; color: colour findings
 * on stderr.
 */
int change_open(
    struct change *c, const char *dir, struct gd_date today, int color);
/* Start editing record rec of c->r. */
int change_begin(struct change *c, const struct record *rec);
/* change_begin for the record of kind k with id; reports when there is none. */
int change_begin_id(struct change *c, enum kind k, const char *id);
/*
 * Set the value at path (see edit_set). The summary line names it: "name
 * OLD -> NEW" when show is set, else "name changed".
 */
int change_set(struct change *c, const char *path, const char *name,
    const char *value, enum edit_type type, int show);
/*
 * Check and write the record (change_record); then print "PATH: summary"
 * with diag_info. A text that did not change is not written.
 */
int change_commit(struct change *c);
void change_close(struct change *c);

#endif
