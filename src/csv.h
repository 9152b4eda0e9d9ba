/*
 * CSV writer (RFC 4180): comma-separated, records ended by CRLF, a field
 * quoted when it holds '"', ',', CR or LF or begins or ends with a space,
 * '"' doubled. Text cells that a spreadsheet would run as a formula (first
 * character '=', '+', '-', '@', tab or CR) get a leading "'" (OWASP CSV
 * injection); numeric cells are written as they are.
 */
#ifndef GD_CSV_H
#define GD_CSV_H

#include <stddef.h>

#include "buf.h"

struct csv {
	struct buf *out;
	size_t col; /* cells written in the current record */
};

void csv_init(struct csv *c, struct buf *out);
/*
 * The header record from a comma-separated list of names, e.g.
 * "year,quarter,id" (the column lists of the specification, verbatim).
 */
void csv_header(struct csv *c, const char *names);
/* A text cell; NULL is an absent value, an empty cell. */
void csv_cell(struct csv *c, const char *s);
void csv_celln(struct csv *c, const char *s, size_t len);
void csv_cellf(struct csv *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/*
 * A number such as "-3", "71.5" or "1e-3", written unneutralised; anything
 * that is not a plain decimal number is written as a text cell instead.
 */
void csv_cell_num(struct csv *c, const char *s);
void csv_cell_int(struct csv *c, long long v);
/* tenths / 10 with one decimal: 715 is "71.5", -5 is "-0.5". */
void csv_cell_tenths(struct csv *c, long tenths);
/* "true" or "false". */
void csv_cell_bool(struct csv *c, int v);
/* End the record (CRLF). */
void csv_row_end(struct csv *c);

#endif
