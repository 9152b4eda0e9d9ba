/* Growable byte buffer, always NUL-terminated once anything was added. */
#ifndef GD_BUF_H
#define GD_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *ptr;
	size_t len;
	size_t cap;
};

#define BUF_INIT                                                               \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, int c);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Append n copies of c. */
void buf_fill(struct buf *b, int c, size_t n);
void buf_truncate(struct buf *b, size_t len);
void buf_reset(struct buf *b);
/* The contents as a C string; "" for an empty buffer. */
const char *buf_cstr(const struct buf *b);
/* Hand the contents to the caller (never NULL) and reset the buffer. */
char *buf_detach(struct buf *b);
void buf_free(struct buf *b);

#endif
