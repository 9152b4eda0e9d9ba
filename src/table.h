/*
 * Aligned tables for the terminal: columns sized by the display width of
 * their UTF-8 text, two spaces apart, the header underlined with '─', no
 * trailing blanks. Cells are stored sanitised: line breaks and tabs become
 * spaces; other control characters, bidirectional overrides and ill-formed
 * UTF-8 become U+FFFD, so record text cannot move the cursor, reorder the
 * line or send escape sequences.
 */
#ifndef GD_TABLE_H
#define GD_TABLE_H

#include <stddef.h>

#include "buf.h"

/* Alignment of a column, optionally | TABLE_SHRINK. */
enum {
	TABLE_LEFT = 0,
	TABLE_RIGHT = 1,
	/* The column may be truncated (with '…') to fit the total width. */
	TABLE_SHRINK = 2,
};

/* A shrinking column keeps at least this many columns or its header. */
#define TABLE_MIN_SHRINK 8

struct table;

struct table *table_new(size_t ncols);
/* The header of col; a table whose headers are all empty has none. */
void table_header(struct table *t, size_t col, const char *text, int align);
/* Truncate the cells of col to at most w columns (0: no limit). */
void table_set_maxwidth(struct table *t, size_t col, size_t w);
/* Start a new row; the cells below fill it. */
void table_add_row(struct table *t);
/* The text of col in the current row; NULL is an empty cell. */
void table_cell(struct table *t, size_t col, const char *text);
void table_cellf(struct table *t, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/*
 * A cell shown in colour: color holds SGR parameters such as "31" or
 * "1;33" (anything else is ignored); colour does not count in the width.
 */
void table_cell_color(
    struct table *t, size_t col, const char *text, const char *color);
size_t table_rows(const struct table *t);
/*
 * Append the table to out. With width > 0, TABLE_SHRINK columns are
 * narrowed, widest first, until lines fit in width columns (or cannot
 * shrink further). Colour and a bold header only with use_color.
 */
void table_render(
    const struct table *t, struct buf *out, int width, int use_color);
void table_free(struct table *t);

#endif
