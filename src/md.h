/*
 * Markdown writer: escaping of record text and pipe tables that render the
 * same on GitHub, GitLab and pandoc (pipe_tables). Every block ends with a
 * blank line.
 */
#ifndef GD_MD_H
#define GD_MD_H

#include <stddef.h>

#include "buf.h"

enum md_align {
	MD_LEFT,
	MD_RIGHT,
	MD_CENTER,
};

/*
 * Text as literal inline Markdown: backslash before the punctuation that
 * starts emphasis, code, links, HTML, entities or math, and at the start of
 * a line before what would start a heading, quote or list. Newlines stay.
 */
void md_escape_inline(struct buf *b, const char *s, size_t len);
/* Text for one table cell: inline escapes, '|' as "\|", line breaks as
 * "<br>", tabs as spaces, leading and trailing blanks dropped. */
void md_escape_cell(struct buf *b, const char *s, size_t len);
/* "## text" and a blank line; level is clamped to 1..6. */
void md_heading(struct buf *b, int level, const char *text);

/*
 * A table written as it is built: ncols calls of md_table_header, then for
 * each row up to ncols cells and md_table_row_end (missing cells are left
 * empty), then md_table_end.
 */
struct md_table {
	struct buf *out;
	struct buf delim; /* the delimiter row while headers come in */
	size_t ncols, col;
	int body; /* the header is complete */
};

void md_table_begin(struct md_table *t, struct buf *out, size_t ncols);
void md_table_header(struct md_table *t, const char *text, enum md_align a);
/* A text cell; NULL is an empty cell. */
void md_table_cell(struct md_table *t, const char *text);
void md_table_celln(struct md_table *t, const char *text, size_t len);
void md_table_cellf(struct md_table *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/*
 * A cell that already is inline Markdown (a link, `code`): only '|' and
 * line breaks are escaped.
 */
void md_table_cell_md(struct md_table *t, const char *md);
void md_table_row_end(struct md_table *t);
void md_table_end(struct md_table *t);

#endif
