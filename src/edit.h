/*
 * Comment-preserving edits of YAML text: values are replaced and keys
 * inserted at the byte positions the loader recorded, so that comments,
 * key order, quoting and blank lines elsewhere stay byte-identical.
 */
#ifndef GD_EDIT_H
#define GD_EDIT_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "yml.h"

/* How a new value must read back. */
enum edit_type {
	EDIT_STR,  /* a string; quoted when plain text would read otherwise */
	EDIT_DATE, /* a date or date-time string, plain when it can be */
	EDIT_INT,  /* a decimal integer: -?[0-9]+ */
	EDIT_BOOL, /* true or false */
};

struct edit;

/*
 * Start editing text (len bytes). path names the file in messages. When
 * the text does not parse, its findings go to d and -1 is returned.
 */
int edit_open(struct edit **out, const char *path, const char *text, size_t len,
    struct diag_list *d);

/*
 * Set the scalar at path to value. path is keys separated by '.', each
 * optionally followed by [N] to take the N-th (0-based) item of a list:
 * "tasks[2].percent", "authority_notification.notified". A missing key is
 * inserted after the last pair of its mapping, at that mapping's
 * indentation; missing parent mappings are created. A quoted value keeps
 * its quotes, a plain one stays plain when the new value reads back the
 * same without quotes, a block scalar (| or >) stays a block scalar when
 * it can. The result is parsed again and must equal the old document but
 * for this one value; otherwise nothing changes. Returns 0, or -1 after
 * reporting why with diag_error.
 */
int edit_set(
    struct edit *e, const char *path, const char *value, enum edit_type type);

/* The value at path (as for edit_set) in the current text, or NULL. */
const struct yml_node *edit_get(const struct edit *e, const char *path);
/* The current text (NUL-terminated) and its length. */
const char *edit_text(const struct edit *e, size_t *len);
/* The parse of the current text. */
const struct yml_doc *edit_doc(const struct edit *e);
void edit_free(struct edit *e);

/*
 * Append value as a YAML scalar that reads back as type: plain when that
 * is safe, else double-quoted. flow: the scalar goes inside [ ] or { }.
 */
void edit_scalar(
    struct buf *b, const char *value, enum edit_type type, int flow);

#endif
