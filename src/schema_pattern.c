/*
 * Schema patterns: ECMA-262 regular expressions (u-mode), translated to the
 * PCRE2 syntax with the same meaning and compiled once.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "schema_int.h"
#include "xalloc.h"

/* Bounds backtracking so a pathological pattern cannot hang a run. */
#define RE_MATCH_LIMIT 10000000

struct schema_re {
	char *source;
	pcre2_code *code;
	pcre2_match_context *mctx;
	int jit; /* compiled to machine code: match without the checks */
	/* The source is exactly \S, the usual "not blank" pattern: ASCII
	 * text is answered without PCRE2. */
	int nonblank;
};

/* ECMA-262 WhiteSpace and LineTerminator, as the inside of a class. */
#define ECMA_SPACE "\\t\\n\\x{b}\\f\\r\\x{feff}\\x{2028}\\x{2029}\\p{Zs}"
/* ECMA-262 LineTerminator: what '.' does not match. */
#define ECMA_DOT "[^\\n\\r\\x{2028}\\x{2029}]"

struct tr {
	const char *s;
	size_t len, i;
	struct buf *out;
	struct buf *err;
};

/* General_Category values: long name, the short one PCRE2 knows. */
static const char *const gc_names[][2] = {
    {"Letter", "L"},
    {"Cased_Letter", "LC"},
    {"Uppercase_Letter", "Lu"},
    {"Lowercase_Letter", "Ll"},
    {"Titlecase_Letter", "Lt"},
    {"Modifier_Letter", "Lm"},
    {"Other_Letter", "Lo"},
    {"Mark", "M"},
    {"Combining_Mark", "M"},
    {"Nonspacing_Mark", "Mn"},
    {"Spacing_Mark", "Mc"},
    {"Enclosing_Mark", "Me"},
    {"Number", "N"},
    {"Decimal_Number", "Nd"},
    {"digit", "Nd"},
    {"Letter_Number", "Nl"},
    {"Other_Number", "No"},
    {"Punctuation", "P"},
    {"punct", "P"},
    {"Connector_Punctuation", "Pc"},
    {"Dash_Punctuation", "Pd"},
    {"Open_Punctuation", "Ps"},
    {"Close_Punctuation", "Pe"},
    {"Initial_Punctuation", "Pi"},
    {"Final_Punctuation", "Pf"},
    {"Other_Punctuation", "Po"},
    {"Symbol", "S"},
    {"Math_Symbol", "Sm"},
    {"Currency_Symbol", "Sc"},
    {"Modifier_Symbol", "Sk"},
    {"Other_Symbol", "So"},
    {"Separator", "Z"},
    {"Space_Separator", "Zs"},
    {"Line_Separator", "Zl"},
    {"Paragraph_Separator", "Zp"},
    {"Other", "C"},
    {"Control", "Cc"},
    {"cntrl", "Cc"},
    {"Format", "Cf"},
    {"Surrogate", "Cs"},
    {"Private_Use", "Co"},
    {"Unassigned", "Cn"},
};

static const char *const gc_short[] = {
    "L",
    "LC",
    "Lu",
    "Ll",
    "Lt",
    "Lm",
    "Lo",
    "M",
    "Mn",
    "Mc",
    "Me",
    "N",
    "Nd",
    "Nl",
    "No",
    "P",
    "Pc",
    "Pd",
    "Ps",
    "Pe",
    "Pi",
    "Pf",
    "Po",
    "S",
    "Sm",
    "Sc",
    "Sk",
    "So",
    "Z",
    "Zs",
    "Zl",
    "Zp",
    "C",
    "Cc",
    "Cf",
    "Cs",
    "Co",
    "Cn",
};

static int
fail(struct tr *t, const char *msg)
{
	buf_reset(t->err);
	buf_puts(t->err, msg);
	return -1;
}

int
schema_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Read exactly n hex digits at t->i; -1 if they are not there. */
static long
hexn(struct tr *t, size_t n)
{
	long v = 0;

	if (t->len - t->i < n)
		return -1;
	for (size_t k = 0; k < n; k++) {
		int h = schema_hexval((unsigned char)t->s[t->i + k]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	t->i += n;
	return v;
}

/* After "\u": HHHH, a surrogate pair \uHHHH\uHHHH, or {H...}. */
static long
unicode_escape(struct tr *t)
{
	long v, lo;
	size_t save;

	if (t->i < t->len && t->s[t->i] == '{') {
		t->i++;
		v = 0;
		size_t start = t->i;
		while (t->i < t->len &&
		    schema_hexval((unsigned char)t->s[t->i]) >= 0) {
			v = v * 16 + schema_hexval((unsigned char)t->s[t->i]);
			if (v > 0x10FFFF)
				return -1;
			t->i++;
		}
		if (t->i == start || t->i >= t->len || t->s[t->i] != '}')
			return -1;
		t->i++;
		return v;
	}
	v = hexn(t, 4);
	if (v < 0xD800 || v > 0xDBFF)
		return v;
	save = t->i;
	if (t->len - t->i >= 6 && t->s[t->i] == '\\' && t->s[t->i + 1] == 'u') {
		t->i += 2;
		lo = hexn(t, 4);
		if (lo >= 0xDC00 && lo <= 0xDFFF)
			return 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
	}
	t->i = save;
	return v;
}

static int
emit_cp(struct tr *t, long cp)
{
	if (cp < 0)
		return fail(t, "invalid \\u or \\x escape");
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return fail(t, "lone surrogate escape");
	buf_printf(t->out, "\\x{%lx}", cp);
	return 0;
}

/* \p{...} or \P{...}: map ECMA-262 property names to PCRE2's. */
static int
property(struct tr *t, int neg)
{
	const char *name, *eq, *end;
	size_t nlen;
	char p = neg ? 'P' : 'p';

	if (t->i >= t->len || t->s[t->i] != '{')
		return fail(t, "\\p needs a {property}");
	name = t->s + t->i + 1;
	end = memchr(name, '}', t->len - t->i - 1);
	if (end == NULL)
		return fail(t, "unterminated \\p{");
	t->i = (size_t)(end - t->s) + 1;
	nlen = (size_t)(end - name);
	if (nlen == 0)
		return fail(t, "empty \\p{}");
	for (size_t k = 0; k < nlen; k++)
		if (!(name[k] == '_' || name[k] == '=' ||
		        (name[k] >= '0' && name[k] <= '9') ||
		        (name[k] >= 'a' && name[k] <= 'z') ||
		        (name[k] >= 'A' && name[k] <= 'Z')))
			return fail(t, "invalid \\p{} property name");
	eq = memchr(name, '=', nlen);
	if (eq != NULL) {
		size_t klen = (size_t)(eq - name);
		const char *val = eq + 1;
		size_t vlen = (size_t)(end - val);
		const char *kind = NULL;

		if ((klen == 6 && !memcmp(name, "Script", 6)) ||
		    (klen == 2 && !memcmp(name, "sc", 2)))
			kind = "sc";
		else if ((klen == 18 &&
		             !memcmp(name, "Script_Extensions", 17)) ||
		    (klen == 3 && !memcmp(name, "scx", 3)))
			kind = "scx";
		else if (!((klen == 16 &&
		               !memcmp(name, "General_Category", 16)) ||
		             (klen == 2 && !memcmp(name, "gc", 2))))
			return fail(t, "unknown \\p{} property");
		if (vlen == 0)
			return fail(t, "empty \\p{} value");
		if (kind != NULL) {
			buf_printf(
			    t->out, "\\%c{%s:%.*s}", p, kind, (int)vlen, val);
			return 0;
		}
		name = val;
		nlen = vlen;
		for (size_t k = 0; k < sizeof gc_names / sizeof gc_names[0];
		     k++)
			if (strlen(gc_names[k][0]) == nlen &&
			    !memcmp(gc_names[k][0], name, nlen)) {
				buf_printf(
				    t->out, "\\%c{%s}", p, gc_names[k][1]);
				return 0;
			}
		for (size_t k = 0; k < sizeof gc_short / sizeof gc_short[0];
		     k++)
			if (strlen(gc_short[k]) == nlen &&
			    !memcmp(gc_short[k], name, nlen)) {
				buf_printf(t->out, "\\%c{%s}", p, gc_short[k]);
				return 0;
			}
		return fail(t, "unknown General_Category value");
	}
	for (size_t k = 0; k < sizeof gc_names / sizeof gc_names[0]; k++)
		if (strlen(gc_names[k][0]) == nlen &&
		    !memcmp(gc_names[k][0], name, nlen)) {
			buf_printf(t->out, "\\%c{%s}", p, gc_names[k][1]);
			return 0;
		}
	if (nlen == 8 && !memcmp(name, "Assigned", 8)) {
		buf_printf(t->out, "\\%c{Cn}", neg ? 'p' : 'P');
		return 0;
	}
	/* Short General_Category names and binary properties. */
	buf_printf(t->out, "\\%c{%.*s}", p, (int)nlen, name);
	return 0;
}

enum atom {
	A_CHAR,  /* one character: ranges may use it */
	A_CLASS, /* a class escape (\d, \s, \p{..}) */
	A_NONSPACE,
};

/*
 * One escape after the backslash (t->i at the letter). in_class selects
 * the meaning of \b and whether \s may expand to a class. Returns the kind
 * of atom written, or -1.
 */
static int
escape(struct tr *t, int in_class)
{
	unsigned char c;
	long cp;

	if (t->i >= t->len)
		return fail(t, "pattern ends with a backslash");
	c = (unsigned char)t->s[t->i++];
	switch (c) {
	case 'd':
	case 'D':
	case 'w':
	case 'W':
		/* Without PCRE2_UCP these are ASCII-only, as in ECMA-262. */
		buf_printf(t->out, "\\%c", c);
		return A_CLASS;
	case 's':
		buf_puts(t->out, in_class ? ECMA_SPACE : "[" ECMA_SPACE "]");
		return A_CLASS;
	case 'S':
		if (in_class)
			return A_NONSPACE;
		buf_puts(t->out, "[^" ECMA_SPACE "]");
		return A_CLASS;
	case 'b':
		if (in_class) {
			buf_puts(t->out, "\\x{8}");
			return A_CHAR;
		}
		buf_puts(t->out, "\\b");
		return A_CLASS;
	case 'B':
		if (in_class)
			return fail(t, "\\B inside a character class");
		buf_puts(t->out, "\\B");
		return A_CLASS;
	case 'f':
	case 'n':
	case 'r':
	case 't':
		buf_printf(t->out, "\\%c", c);
		return A_CHAR;
	case 'v':
		buf_puts(t->out, "\\x{b}");
		return A_CHAR;
	case 'c':
		if (t->i < t->len &&
		    ((t->s[t->i] >= 'a' && t->s[t->i] <= 'z') ||
		        (t->s[t->i] >= 'A' && t->s[t->i] <= 'Z'))) {
			buf_printf(t->out, "\\x{%x}", t->s[t->i] % 32);
			t->i++;
			return A_CHAR;
		}
		return fail(t, "invalid \\c escape");
	case 'x':
		if (emit_cp(t, hexn(t, 2)) < 0)
			return -1;
		return A_CHAR;
	case 'u':
		if (emit_cp(t, unicode_escape(t)) < 0)
			return -1;
		return A_CHAR;
	case '0':
		if (t->i < t->len && t->s[t->i] >= '0' && t->s[t->i] <= '9')
			return fail(t, "invalid octal escape");
		buf_puts(t->out, "\\x{0}");
		return A_CHAR;
	case 'p':
	case 'P':
		if (property(t, c == 'P') < 0)
			return -1;
		return A_CLASS;
	case 'k':
		if (in_class)
			return fail(t, "\\k inside a character class");
		if (t->i >= t->len || t->s[t->i] != '<')
			return fail(t, "invalid \\k escape");
		buf_puts(t->out, "\\k");
		return A_CLASS;
	case '-':
		if (!in_class)
			return fail(t, "invalid escape \\-");
		buf_puts(t->out, "\\-");
		return A_CHAR;
	default:
		break;
	}
	if (c >= '1' && c <= '9') {
		if (in_class)
			return fail(
			    t, "back reference inside a character class");
		cp = c - '0';
		while (t->i < t->len && t->s[t->i] >= '0' &&
		    t->s[t->i] <= '9' && cp < 100000)
			cp = cp * 10 + (t->s[t->i++] - '0');
		buf_printf(t->out, "\\g{%ld}", cp);
		return A_CLASS;
	}
	if (c != '\0' && strchr("^$\\.*+?()[]{}|/", c) != NULL) {
		buf_printf(t->out, "\\%c", c);
		return A_CHAR;
	}
	return fail(t, "invalid escape in pattern");
}

/* One class member at t->i, written to out; returns its atom kind. */
static int
class_atom(struct tr *t)
{
	unsigned char c = (unsigned char)t->s[t->i];

	if (c == '\\') {
		t->i++;
		return escape(t, 1);
	}
	if (c == '[' || c == '^' || c == '-' || c == ']') {
		buf_printf(t->out, "\\%c", c);
		t->i++;
		return A_CHAR;
	}
	/* A whole UTF-8 sequence, copied as is. */
	do {
		buf_putc(t->out, t->s[t->i++]);
	} while (t->i < t->len && ((unsigned char)t->s[t->i] & 0xC0) == 0x80);
	return A_CHAR;
}

/* A character class, t->i just after '['. */
static int
char_class(struct tr *t)
{
	struct buf body = BUF_INIT;
	struct buf *saved = t->out;
	int neg = 0, nonspace = 0, rc = -1;

	if (t->i < t->len && t->s[t->i] == '^') {
		neg = 1;
		t->i++;
	}
	if (t->i < t->len && t->s[t->i] == ']') {
		t->i++;
		/* [] matches nothing, [^] any character. */
		buf_puts(saved, neg ? "(?s:.)" : "(?!)");
		return 0;
	}
	t->out = &body;
	for (;;) {
		int a, b;

		if (t->i >= t->len) {
			fail(t, "unterminated character class");
			goto done;
		}
		if (t->s[t->i] == ']') {
			t->i++;
			break;
		}
		a = class_atom(t);
		if (a < 0)
			goto done;
		if (a == A_NONSPACE) {
			nonspace = 1;
			continue;
		}
		if (t->i + 1 < t->len && t->s[t->i] == '-' &&
		    t->s[t->i + 1] != ']') {
			t->i++;
			buf_putc(&body, '-');
			b = class_atom(t);
			if (b < 0)
				goto done;
			if (a != A_CHAR || b != A_CHAR) {
				fail(t, "class escape in a range");
				goto done;
			}
		}
	}
	t->out = saved;
	if (!nonspace) {
		buf_printf(saved, "[%s%s]", neg ? "^" : "", buf_cstr(&body));
	} else if (!neg) {
		/* [x\S]: x or anything but white space. */
		if (body.len)
			buf_printf(saved, "(?:[%s]|[^" ECMA_SPACE "])",
			    buf_cstr(&body));
		else
			buf_puts(saved, "[^" ECMA_SPACE "]");
	} else {
		/* [^x\S]: white space that is not x. */
		if (body.len)
			buf_printf(saved, "(?:(?![%s])[" ECMA_SPACE "])",
			    buf_cstr(&body));
		else
			buf_puts(saved, "[" ECMA_SPACE "]");
	}
	rc = 0;
done:
	t->out = saved;
	buf_free(&body);
	return rc;
}

static int
translate(struct tr *t)
{
	while (t->i < t->len) {
		unsigned char c = (unsigned char)t->s[t->i];

		switch (c) {
		case '\\':
			t->i++;
			if (escape(t, 0) < 0)
				return -1;
			break;
		case '.':
			t->i++;
			buf_puts(t->out, ECMA_DOT);
			break;
		case '[':
			t->i++;
			if (char_class(t) < 0)
				return -1;
			break;
		case '(':
			t->i++;
			buf_putc(t->out, '(');
			if (t->i < t->len && t->s[t->i] == '?') {
				const char *r = t->s + t->i + 1;
				size_t left = t->len - t->i - 1;

				if (left >= 1 &&
				    (r[0] == ':' || r[0] == '=' || r[0] == '!'))
					;
				else if (left >= 2 && r[0] == '<' &&
				    r[1] != '\0' &&
				    strchr("=!_$", r[1]) != NULL)
					;
				else if (left >= 2 && r[0] == '<' &&
				    ((r[1] >= 'a' && r[1] <= 'z') ||
				        (r[1] >= 'A' && r[1] <= 'Z')))
					;
				else
					return fail(t,
					    "unsupported group "
					    "syntax (?");
				buf_putc(t->out, '?');
				t->i++;
			}
			break;
		default:
			do {
				buf_putc(t->out, t->s[t->i++]);
			} while (t->i < t->len &&
			    ((unsigned char)t->s[t->i] & 0xC0) == 0x80);
			break;
		}
	}
	return 0;
}

struct schema_re *
schema_re_compile(const char *src, size_t len, struct buf *err)
{
	struct buf out = BUF_INIT;
	struct tr t = {src, len, 0, &out, err};
	struct schema_re *re = NULL;
	pcre2_code *code;
	int ec;
	PCRE2_SIZE off;

	if (translate(&t) < 0)
		goto done;
	code = pcre2_compile((PCRE2_SPTR)buf_cstr(&out), out.len,
	    PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_NEVER_BACKSLASH_C, &ec,
	    &off, NULL);
	if (code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(ec, msg, sizeof msg);
		buf_reset(err);
		buf_puts(err, (const char *)msg);
		goto done;
	}
	re = xcalloc(1, sizeof *re);
	/* Without JIT support the interpreter does the same work. */
	re->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
	re->source = xstrndup(src, len);
	re->nonblank = len == 2 && memcmp(src, "\\S", 2) == 0;
	re->code = code;
	re->mctx = pcre2_match_context_create(NULL);
	if (re->mctx == NULL) {
		schema_re_free(re);
		re = NULL;
		buf_reset(err);
		buf_puts(err, "out of memory");
		goto done;
	}
	pcre2_set_match_limit(re->mctx, RE_MATCH_LIMIT);
done:
	buf_free(&out);
	return re;
}

const char *
schema_re_source(const struct schema_re *re)
{
	return re->source;
}

int
schema_re_match(
    const struct schema_re *re, const char *subject, size_t len, void **md)
{
	int rc;

	if (re->nonblank) {
		size_t i;

		for (i = 0; i < len && (unsigned char)subject[i] < 0x80; i++)
			if (subject[i] != ' ' &&
			    (subject[i] < '\t' || subject[i] > '\r'))
				return 1;
		/* All blank so far; other characters are for PCRE2. */
		if (i == len)
			return 0;
	}
	if (*md == NULL) {
		/* One pair is enough: only whether it matched matters. */
		*md = pcre2_match_data_create(1, NULL);
		if (*md == NULL)
			return -1;
	}
	/* The loader hands over valid UTF-8 only (libyaml checks the input
	 * and refuses surrogate escapes), so PCRE2 need not check again. */
	if (re->jit)
		rc = pcre2_jit_match(
		    re->code, (PCRE2_SPTR)subject, len, 0, 0, *md, re->mctx);
	else
		rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, 0,
		    PCRE2_NO_UTF_CHECK, *md, re->mctx);
	if (rc >= 0)
		return 1;
	return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

void
schema_re_match_free(void *md)
{
	pcre2_match_data_free(md);
}

void
schema_re_free(struct schema_re *re)
{
	if (re == NULL)
		return;
	pcre2_match_context_free(re->mctx);
	pcre2_code_free(re->code);
	free(re->source);
	free(re);
}
