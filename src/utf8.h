/* UTF-8 helpers: validation, decoding, code point counts, display width. */
#ifndef GD_UTF8_H
#define GD_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* What utf8_decode stores for an ill-formed sequence. */
#define UTF8_BAD UINT32_MAX
#define UTF8_REPLACEMENT 0xFFFD

/*
 * Decode the code point at s (len > 0) into *cp and return the number of
 * bytes it takes (1-4). An ill-formed sequence (overlong form, surrogate,
 * above U+10FFFF, stray continuation byte, truncated) stores UTF8_BAD and
 * returns the length of its maximal subpart (at least 1), so that replacing
 * each one with U+FFFD follows Unicode's recommended practice.
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp (at most U+10FFFF, not a surrogate) into out; return 1-4. */
size_t utf8_encode(uint32_t cp, char out[4]);

/*
 * The offset of the first byte of the first ill-formed sequence in s, or len
 * if s is valid UTF-8.
 */
size_t utf8_validate(const char *s, size_t len);

/* The number of code points in s; each ill-formed subpart counts one. */
size_t utf8_count(const char *s, size_t len);

/*
 * Terminal columns of one code point: 0 for combining marks, format and
 * control characters, 2 for East Asian Wide and Fullwidth, else 1 (also
 * for UTF8_BAD, shown as U+FFFD).
 */
int utf8_cpwidth(uint32_t cp);

/* Terminal columns of s; each ill-formed subpart counts one (for U+FFFD). */
size_t utf8_width(const char *s, size_t len);

#endif
