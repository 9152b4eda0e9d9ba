/* UTF-8 helpers: validation, decoding, code point counts, display width. */
#include <string.h>

#include "utf8.h"

struct utf8_range {
	uint32_t lo, hi;
};

#include "utf8_tab.h"

#define ASCII_MASK UINT64_C(0x8080808080808080)

/* Bytes from s[i] on that are ASCII, checked eight at a time. */
static size_t
ascii_run(const unsigned char *p, size_t i, size_t len)
{
	uint64_t w;

	while (i + 8 <= len) {
		memcpy(&w, p + i, 8);
		if (w & ASCII_MASK)
			break;
		i += 8;
	}
	while (i < len && p[i] < 0x80)
		i++;
	return i;
}

size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char c = p[0], lo = 0x80, hi = 0xBF;
	uint32_t v;
	size_t n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	/* C0, C1 would be overlong; F5..FF would exceed U+10FFFF. */
	if (c < 0xC2 || c > 0xF4) {
		*cp = UTF8_BAD;
		return 1;
	}
	if (c < 0xE0) {
		n = 2;
		v = c & 0x1F;
	} else if (c < 0xF0) {
		n = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0; /* overlong */
		else if (c == 0xED)
			hi = 0x9F; /* surrogates */
	} else {
		n = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90; /* overlong */
		else if (c == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	}
	for (i = 1; i < n; i++) {
		if (i >= len || p[i] < lo || p[i] > hi) {
			*cp = UTF8_BAD;
			return i;
		}
		v = v << 6 | (p[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return n;
}

size_t
utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
utf8_validate(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	uint32_t cp;

	for (;;) {
		i = ascii_run(p, i, len);
		if (i >= len)
			return len;
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_BAD)
			return i;
		i += n;
	}
}

size_t
utf8_count(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, j, n = 0;
	uint32_t cp;

	while (i < len) {
		j = ascii_run(p, i, len);
		n += j - i;
		i = j;
		if (i < len) {
			i += utf8_decode(s + i, len - i, &cp);
			n++;
		}
	}
	return n;
}

static int
in_ranges(uint32_t cp, const struct utf8_range *r, size_t n)
{
	size_t lo = 0, hi = n;

	if (cp < r[0].lo || cp > r[n - 1].hi)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp > r[mid].hi)
			lo = mid + 1;
		else if (cp < r[mid].lo)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

int
utf8_cpwidth(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < 0x300)
		return 1;
	if (cp == UTF8_BAD)
		return 1;
	if (in_ranges(cp, utf8_zero, sizeof utf8_zero / sizeof utf8_zero[0]))
		return 0;
	if (in_ranges(cp, utf8_wide, sizeof utf8_wide / sizeof utf8_wide[0]))
		return 2;
	return 1;
}

size_t
utf8_width(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, w = 0;
	uint32_t cp;

	while (i < len) {
		if (p[i] < 0x80) {
			w += p[i] >= 0x20 && p[i] < 0x7F;
			i++;
			continue;
		}
		i += utf8_decode(s + i, len - i, &cp);
		w += (size_t)utf8_cpwidth(cp);
	}
	return w;
}
