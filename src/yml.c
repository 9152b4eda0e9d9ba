/*
 * YAML loading with libyaml's event API: typed nodes with positions, the
 * YAML rules of the records (SPEC section 1) and limits checked before
 * they can hurt.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "buf.h"
#include "utf8.h"
#include "xalloc.h"
#include "yml.h"

#define ARENA_CHUNK 65536

struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

struct yml_arena {
	struct chunk *head;
	size_t next; /* size of the next chunk */
};

/* What arena_alloc takes for n bytes: nodes hold nothing wider than 8. */
static size_t
arena_round(size_t n)
{
	return (n + 7) / 8 * 8;
}

/*
 * One chunk of a freed document, kept for the next document parsed on the
 * same thread: among libyaml's many small allocations, malloc is slow to
 * find blocks of this size again. Freed when the thread ends.
 */
static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;
static int spare_ok;

static void
spare_init(void)
{
	spare_ok = pthread_key_create(&spare_key, free) == 0;
}

static struct chunk *
spare_take(size_t size)
{
	struct chunk *c;

	pthread_once(&spare_once, spare_init);
	if (!spare_ok || (c = pthread_getspecific(spare_key)) == NULL ||
	    c->size < size)
		return NULL;
	pthread_setspecific(spare_key, NULL);
	return c;
}

/* Keep c as the thread's spare chunk, or free it. */
static void
spare_put(struct chunk *c)
{
	struct chunk *old;

	pthread_once(&spare_once, spare_init);
	if (!spare_ok || c->size > ARENA_CHUNK) {
		free(c);
		return;
	}
	old = pthread_getspecific(spare_key);
	if (old != NULL && old->size >= c->size) {
		free(c);
		return;
	}
	if (pthread_setspecific(spare_key, c) != 0) {
		free(c);
		return;
	}
	free(old);
}

/* A chunk with room for n more bytes at the head. */
static struct chunk *
arena_grow(struct yml_arena *a, size_t n)
{
	size_t size = n > a->next ? n : a->next;
	struct chunk *c = spare_take(size);

	if (c == NULL) {
		c = xmalloc(sizeof(*c) + size);
		c->size = size;
	}
	c->used = 0;
	if (a->next < ARENA_CHUNK)
		a->next *= 2;
	/* A large block goes behind the head so the head keeps its free
	 * space. */
	if (a->head != NULL && n > a->next) {
		c->next = a->head->next;
		a->head->next = c;
	} else {
		c->next = a->head;
		a->head = c;
	}
	return c;
}

static inline void *
arena_alloc(struct yml_arena *a, size_t n)
{
	struct chunk *c = a->head;
	void *p;

	n = arena_round(n);
	if (c == NULL || c->size - c->used < n)
		c = arena_grow(a, n);
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

static char *
arena_strndup(struct yml_arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void
arena_free(struct yml_arena *a)
{
	struct chunk *c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		spare_put(c);
	}
	free(a);
}

/* An open collection while its events arrive. */
struct frame {
	struct yml_node *node;
	struct yml_node **kids; /* items, or keys and values alternating */
	size_t n, cap;
};

/* A character of more than one byte: its index and its bytes after the
 * first. */
struct wide {
	size_t chr, extra;
};

struct loader {
	struct yml_doc *doc;
	const char *data; /* the text given to libyaml */
	size_t len;
	unsigned flags;
	struct diag_list *d;
	struct frame *stack;
	size_t depth, cap, inited;
	/* libyaml counts characters, nodes keep byte offsets: the
	 * characters of more than one byte, and a cursor into them. */
	struct wide *wide;
	size_t nwide, capwide, cur, extra;
	/* The text holds a bidi override; libyaml itself refuses the other
	 * characters bad_char looks for unless escaped. */
	int bidi;
	size_t bom; /* bytes of a leading BOM */
	int failed;
};

static void fail(struct loader *L, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
fail(struct loader *L, int line, int col, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	if (L->failed)
		return;
	L->failed = 1;
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	diag_add(L->d, L->doc->path, line, col, RULE_YAML, "%s", msg.ptr);
	buf_free(&msg);
}

/* U+202A..U+202E or U+2066..U+2069 at s. */
static int
is_bidi(const unsigned char *s, size_t n)
{
	return n >= 3 && s[0] == 0xE2 &&
	    ((s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE) ||
	        (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9));
}

/* Note where the text's characters of more than one byte are; ASCII is
 * skipped eight bytes at a time. */
static void
find_wide(struct loader *L)
{
	const unsigned char *s = (const unsigned char *)L->data;
	size_t i = 0, chr = 0;

	while (i < L->len) {
		uint64_t w;

		if (L->len - i >= 8) {
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080u) == 0) {
				i += 8;
				chr += 8;
				continue;
			}
		}
		if ((s[i] & 0xC0) != 0x80) {
			chr++;
			if (s[i] == 0xE2 && is_bidi(s + i, L->len - i))
				L->bidi = 1;
		} else if (L->nwide > 0 &&
		    L->wide[L->nwide - 1].chr == chr - 1) {
			L->wide[L->nwide - 1].extra++;
		} else {
			L->wide = xgrow(L->wide, &L->capwide, L->nwide + 1,
			    sizeof(*L->wide));
			/* A stray continuation byte belongs to the character
			 * before it, as libyaml would never let it start one.
			 */
			L->wide[L->nwide].chr = chr > 0 ? chr - 1 : 0;
			L->wide[L->nwide++].extra = 1;
		}
		i++;
	}
}

/* Byte offset of a character index; indexes mostly grow, so the cursor
 * moves a step or two. */
static size_t
byte_offset(struct loader *L, size_t chars)
{
	while (L->cur < L->nwide && L->wide[L->cur].chr < chars)
		L->extra += L->wide[L->cur++].extra;
	while (L->cur > 0 && L->wide[L->cur - 1].chr >= chars)
		L->extra -= L->wide[--L->cur].extra;
	chars += L->extra;
	return (chars < L->len ? chars : L->len) + L->bom;
}

/* Line and column of a byte offset, counting characters, 1-based. */
static void
offset_position(const char *s, size_t len, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off && i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n') {
			(*line)++;
			*col = 1;
		} else if ((c & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

static int
is_one_of(const char *s, size_t n, const char *const *set)
{
	for (; *set; set++)
		if (strlen(*set) == n && memcmp(*set, s, n) == 0)
			return 1;
	return 0;
}

static int
all_digits(const char *s, size_t n, int base)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (base == 8 && !(c >= '0' && c <= '7'))
			return 0;
		if (base == 10 && !(c >= '0' && c <= '9'))
			return 0;
		if (base == 16 &&
		    !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		        (c >= 'A' && c <= 'F')))
			return 0;
	}
	return 1;
}

/* [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static int
is_float(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++, digits++;
	if (i < n && s[i] == '.') {
		size_t frac = 0;

		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++, frac++;
		if (digits == 0 && frac == 0)
			return 0;
		digits += frac;
	}
	if (digits == 0)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t exp = 0;

		i++;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++, exp++;
		if (exp == 0)
			return 0;
	}
	return i == n;
}

/* Type a null, boolean, infinity or NaN; these words have at most five
 * characters. */
static int
type_word(struct yml_node *node)
{
	static const char *const nulls[] = {"~", "null", "Null", "NULL", NULL};
	static const char *const trues[] = {"true", "True", "TRUE", NULL};
	static const char *const falses[] = {"false", "False", "FALSE", NULL};
	static const char *const infs[] = {
	    ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", NULL};
	static const char *const ninfs[] = {"-.inf", "-.Inf", "-.INF", NULL};
	static const char *const nans[] = {".nan", ".NaN", ".NAN", NULL};
	const char *s = node->str;
	size_t n = node->len;

	if (n == 0) {
		node->type = YML_NULL;
		return 1;
	}
	if (n > 5)
		return 0;
	switch (s[0]) {
	case '~':
	case 'n':
	case 'N':
		if (!is_one_of(s, n, nulls))
			return 0;
		node->type = YML_NULL;
		return 1;
	case 't':
	case 'T':
	case 'f':
	case 'F':
		if (!is_one_of(s, n, trues) && !is_one_of(s, n, falses))
			return 0;
		node->type = YML_BOOL;
		node->boolean = s[0] == 't' || s[0] == 'T';
		return 1;
	case '.':
		if (is_one_of(s, n, nans)) {
			node->type = YML_FLOAT;
			node->num = NAN;
			return 1;
		}
		/* FALLTHROUGH */
	case '+':
	case '-':
		if (!is_one_of(s, n, infs) && !is_one_of(s, n, ninfs))
			return 0;
		node->type = YML_FLOAT;
		node->num = s[0] == '-' ? -HUGE_VAL : HUGE_VAL;
		return 1;
	}
	return 0;
}

/* Type a plain scalar by the YAML 1.2 core schema. */
static void
type_plain(struct yml_node *node)
{
	const char *s = node->str;
	size_t n = node->len;
	int base = 10;
	const char *digits = s;
	size_t nd = n;

	/* Only these can start a null, boolean or number. */
	if (n > 0 && !(s[0] >= '0' && s[0] <= '9') &&
	    memchr("~nNtTfF.+-", s[0], 10) == NULL)
		return;
	if (type_word(node))
		return;
	if (n > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
		base = s[1] == 'o' ? 8 : 16;
		digits = s + 2;
		nd = n - 2;
	} else if (n > 0 && (s[0] == '-' || s[0] == '+')) {
		digits = s + 1;
		nd = n - 1;
	}
	if (all_digits(digits, nd, base)) {
		char *end;

		node->type = YML_INT;
		errno = 0;
		node->ival = strtoll(digits, &end, base);
		if (errno == ERANGE) {
			node->is_big = 1;
			node->num = strtod(s, NULL);
			if (base != 10)
				node->num = HUGE_VAL;
		} else {
			if (s[0] == '-')
				node->ival = -node->ival;
			node->num = (double)node->ival;
		}
		return;
	}
	if (is_float(s, n)) {
		node->type = YML_FLOAT;
		node->num = strtod(s, NULL);
	}
}

/* 0x0101...01: a byte value times ONES is that byte in all eight. */
#define ONES UINT64_C(0x0101010101010101)

/* NUL, C0 and C1 controls (tab and newline aside) and bidi overrides. */
static int
bad_char(const char *s, size_t n, size_t *at)
{
	/* Bytes below 0x20, 0x7F, and the lead bytes of U+0080..U+009F and
	 * U+2000..U+2FFF. */
	static const unsigned char suspect[256] = {[0x00] = 1,
	    [0x01] = 1,
	    [0x02] = 1,
	    [0x03] = 1,
	    [0x04] = 1,
	    [0x05] = 1,
	    [0x06] = 1,
	    [0x07] = 1,
	    [0x08] = 1,
	    [0x09] = 1,
	    [0x0A] = 1,
	    [0x0B] = 1,
	    [0x0C] = 1,
	    [0x0D] = 1,
	    [0x0E] = 1,
	    [0x0F] = 1,
	    [0x10] = 1,
	    [0x11] = 1,
	    [0x12] = 1,
	    [0x13] = 1,
	    [0x14] = 1,
	    [0x15] = 1,
	    [0x16] = 1,
	    [0x17] = 1,
	    [0x18] = 1,
	    [0x19] = 1,
	    [0x1A] = 1,
	    [0x1B] = 1,
	    [0x1C] = 1,
	    [0x1D] = 1,
	    [0x1E] = 1,
	    [0x1F] = 1,
	    [0x7F] = 1,
	    [0xC2] = 1,
	    [0xE2] = 1};
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c;
		uint64_t w;

		/* Skip eight printable ASCII bytes at a time: no high bit,
		 * none below 0x20 and no 0x7F (a zero byte after ^ 0x7F). */
		while (n - i >= 8) {
			memcpy(&w, s + i, 8);
			if (((w | ((w - ONES * 0x20) & ~w) |
			         ((w ^ ONES * 0x7F) - ONES)) &
			        ONES * 0x80) != 0)
				break;
			i += 8;
		}
		if (i == n)
			break;
		c = (unsigned char)s[i];
		/* Most bytes are none of the ones looked at below. */
		if (!suspect[c])
			continue;
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
			goto bad;
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F)
			goto bad;
		if (is_bidi((const unsigned char *)s + i, n - i))
			goto bad;
	}
	return 0;
bad:
	*at = i;
	return 1;
}

static void
set_pos(struct loader *L, struct yml_node *node, const yaml_mark_t *start,
    const yaml_mark_t *end)
{
	node->line = (int)start->line + 1;
	node->col = (int)start->column + 1;
	node->start = byte_offset(L, start->index);
	node->end = byte_offset(L, end->index);
}

static struct yml_node *
new_node(struct loader *L)
{
	struct yml_node *node = arena_alloc(L->doc->arena, sizeof(*node));

	memset(node, 0, sizeof(*node));
	return node;
}

static void
fail_tag(struct loader *L, int line, int col, const char *tag)
{
	const char *core = "tag:yaml.org,2002:";

	if (strncmp(tag, core, strlen(core)) == 0)
		fail(L, line, col,
		    "explicit tags (!!%s) are not allowed; remove the tag",
		    tag + strlen(core));
	else
		fail(L, line, col,
		    "explicit tags (%s) are not allowed; remove the tag", tag);
}

static int
check_props(struct loader *L, const yaml_event_t *ev, const char *anchor,
    const char *tag, int implicit)
{
	int line = (int)ev->start_mark.line + 1;
	int col = (int)ev->start_mark.column + 1;

	if (anchor != NULL) {
		fail(L, line, col,
		    "anchors (&%s) are not allowed; write the value out",
		    anchor);
		return -1;
	}
	if (tag != NULL && !implicit) {
		fail_tag(L, line, col, tag);
		return -1;
	}
	return 0;
}

static int
attach(struct loader *L, struct yml_node *node)
{
	struct frame *f;

	if (L->depth == 0) {
		L->doc->root = node;
		return 0;
	}
	f = &L->stack[L->depth - 1];
	if (f->node->type == YML_MAP && f->n % 2 == 0) {
		if (!yml_is_scalar(node)) {
			fail(L, node->line, node->col,
			    "mapping keys must be scalars");
			return -1;
		}
		if (node->style == YML_PLAIN && node->len == 2 &&
		    memcmp(node->str, "<<", 2) == 0) {
			fail(L, node->line, node->col,
			    "merge keys (<<) are not allowed; write the "
			    "fields out");
			return -1;
		}
	}
	if (f->n == f->cap)
		f->kids = xgrow(f->kids, &f->cap, f->n + 1, sizeof(*f->kids));
	f->kids[f->n++] = node;
	return 0;
}

static int
on_scalar(struct loader *L, const yaml_event_t *ev)
{
	const char *val = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length, at;
	struct yml_node *node;

	if (check_props(L, ev, (const char *)ev->data.scalar.anchor,
	        (const char *)ev->data.scalar.tag,
	        ev->data.scalar.plain_implicit ||
	            ev->data.scalar.quoted_implicit) < 0)
		return -1;
	if (ev->data.scalar.tag != NULL) {
		fail_tag(L, (int)ev->start_mark.line + 1,
		    (int)ev->start_mark.column + 1,
		    (const char *)ev->data.scalar.tag);
		return -1;
	}
	if (!(L->flags & YML_NO_LIMITS) && len > YML_MAX_SCALAR) {
		fail(L, (int)ev->start_mark.line + 1,
		    (int)ev->start_mark.column + 1,
		    "value of %zu bytes is longer than the limit of 1 MiB",
		    len);
		return -1;
	}
	/* Only escapes and bidi overrides get past libyaml's own check. */
	if (!(L->flags & YML_ALLOW_CTRL) &&
	    (L->bidi ||
	        ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
	    bad_char(val, len, &at)) {
		fail(L, (int)ev->start_mark.line + 1,
		    (int)ev->start_mark.column + 1,
		    "value contains a control character (byte %zu of the "
		    "value); remove it",
		    at + 1);
		return -1;
	}
	node = new_node(L);
	node->type = YML_STR;
	node->str = arena_strndup(L->doc->arena, val, len);
	node->len = len;
	switch (ev->data.scalar.style) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
		node->style = YML_SINGLE;
		break;
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		node->style = YML_DOUBLE;
		break;
	case YAML_LITERAL_SCALAR_STYLE:
		node->style = YML_LITERAL;
		break;
	case YAML_FOLDED_SCALAR_STYLE:
		node->style = YML_FOLDED;
		break;
	default:
		node->style = YML_PLAIN;
		type_plain(node);
	}
	set_pos(L, node, &ev->start_mark, &ev->end_mark);
	return attach(L, node);
}

static int
on_start(struct loader *L, const yaml_event_t *ev, enum yml_type type)
{
	struct yml_node *node;
	struct frame *f;
	int flow;

	if (type == YML_MAP) {
		if (check_props(L, ev,
		        (const char *)ev->data.mapping_start.anchor,
		        (const char *)ev->data.mapping_start.tag,
		        ev->data.mapping_start.implicit) < 0)
			return -1;
		flow = ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
	} else {
		if (check_props(L, ev,
		        (const char *)ev->data.sequence_start.anchor,
		        (const char *)ev->data.sequence_start.tag,
		        ev->data.sequence_start.implicit) < 0)
			return -1;
		flow =
		    ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
	}
	if (L->depth >= YML_MAX_DEPTH) {
		fail(L, (int)ev->start_mark.line + 1,
		    (int)ev->start_mark.column + 1,
		    "nesting deeper than %d levels", YML_MAX_DEPTH);
		return -1;
	}
	node = new_node(L);
	node->type = type;
	node->style = flow ? YML_FLOW : YML_BLOCK;
	set_pos(L, node, &ev->start_mark, &ev->start_mark);
	if (attach(L, node) < 0)
		return -1;
	L->stack = xgrow(L->stack, &L->cap, L->depth + 1, sizeof(*L->stack));
	f = &L->stack[L->depth++];
	if (L->depth > L->inited) {
		f->kids = NULL;
		f->cap = 0;
		L->inited = L->depth;
	}
	/* A frame keeps its kids array for the next collection at its
	 * depth. */
	f->node = node;
	f->n = 0;
	return 0;
}

static int
cmp_pair_key(const void *pa, const void *pb)
{
	const struct yml_pair *a = pa, *b = pb;
	size_t n = a->key->len < b->key->len ? a->key->len : b->key->len;
	int c = memcmp(a->key->str, b->key->str, n);

	if (c != 0)
		return c;
	if (a->key->len != b->key->len)
		return a->key->len < b->key->len ? -1 : 1;
	return a->key->start < b->key->start ? -1 : 1;
}

/* Duplicate keys: sort a copy of the pairs, compare neighbours. */
static int
same_key(const struct yml_node *a, const struct yml_node *b)
{
	return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

/* The first key (in source order) that repeats an earlier one, or NULL.
 * Small mappings, the usual ones, are cheaper to compare pairwise. */
static const struct yml_node *
find_duplicate(const struct yml_node *map)
{
	const struct yml_node *dup = NULL;
	struct yml_pair *sorted;
	size_t i, j;

	if (map->n <= 16) {
		for (i = 1; i < map->n; i++)
			for (j = 0; j < i; j++)
				if (same_key(
				        map->pairs[j].key, map->pairs[i].key))
					return map->pairs[i].key;
		return NULL;
	}
	sorted = xmalloc(map->n * sizeof(*sorted));
	memcpy(sorted, map->pairs, map->n * sizeof(*sorted));
	qsort(sorted, map->n, sizeof(*sorted), cmp_pair_key);
	for (i = 1; i < map->n; i++)
		if (same_key(sorted[i - 1].key, sorted[i].key) &&
		    (dup == NULL || sorted[i].key->start < dup->start))
			dup = sorted[i].key;
	free(sorted);
	return dup;
}

static int
check_duplicates(struct loader *L, const struct yml_node *map)
{
	const struct yml_node *dup = find_duplicate(map);
	size_t i;

	if (dup == NULL)
		return 0;
	for (i = 0; !same_key(map->pairs[i].key, dup); i++)
		;
	fail(L, dup->line, dup->col,
	    "duplicate key \"%.*s\" (first defined on line %d)",
	    dup->len > 64 ? 64 : (int)dup->len, dup->str,
	    map->pairs[i].key->line);
	return -1;
}

static int
on_end(struct loader *L, const yaml_event_t *ev)
{
	struct frame *f = &L->stack[L->depth - 1];
	struct yml_node *node = f->node;
	size_t i;

	node->end = byte_offset(L, ev->end_mark.index);
	if (node->type == YML_SEQ) {
		node->n = f->n;
		node->items =
		    arena_alloc(L->doc->arena, f->n * sizeof(*node->items));
		if (f->n)
			memcpy(
			    node->items, f->kids, f->n * sizeof(*node->items));
	} else {
		node->n = f->n / 2;
		node->pairs =
		    arena_alloc(L->doc->arena, node->n * sizeof(*node->pairs));
		for (i = 0; i < node->n; i++) {
			node->pairs[i].key = f->kids[2 * i];
			node->pairs[i].val = f->kids[2 * i + 1];
		}
	}
	L->depth--;
	if (node->type == YML_MAP)
		return check_duplicates(L, node);
	return 0;
}

static void
libyaml_error(struct loader *L, const yaml_parser_t *p)
{
	int line, col;
	const char *problem = p->problem ? p->problem : "syntax error";

	if (p->error == YAML_READER_ERROR) {
		size_t off = p->problem_offset, bad;

		/* libyaml points at the byte that broke a sequence; report
		 * where the first ill-formed sequence starts. */
		bad = utf8_validate(L->data, L->len);
		if (bad < L->len && bad <= off)
			off = bad;
		offset_position(L->data, L->len, off, &line, &col);
		if (strstr(problem, "UTF-8") || strstr(problem, "octet"))
			fail(L, line, col,
			    "invalid UTF-8 (%s) at byte %zu; save the file as "
			    "UTF-8",
			    problem, off + L->bom);
		else
			fail(L, line, col, "%s at byte %zu", problem,
			    off + L->bom);
		return;
	}
	if (p->error == YAML_MEMORY_ERROR) {
		fail(L, 1, 1, "out of memory while parsing");
		return;
	}
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;
	{
		size_t off = byte_offset(L, p->problem_mark.index) - L->bom;

		if (off < L->len && L->data[off] == '\t') {
			fail(L, line, col,
			    "tab character where YAML expects spaces; indent "
			    "with spaces");
			return;
		}
	}
	if (p->context != NULL)
		fail(L, line, col, "%s %s", p->context, problem);
	else
		fail(L, line, col, "%s", problem);
}

/* JSON writes characters outside the BMP as surrogate pairs, which YAML
 * forbids: rewrite each pair as one \UXXXXXXXX escape. */
static char *
join_surrogates(const char *s, size_t len, size_t *outlen)
{
	struct buf b = BUF_INIT;
	size_t i = 0;

	while (i < len) {
		unsigned hi, lo;

		if (s[i] == '\\' && i + 11 < len && s[i + 1] == 'u' &&
		    s[i + 6] == '\\' && s[i + 7] == 'u' &&
		    sscanf(s + i + 2, "%4x", &hi) == 1 &&
		    sscanf(s + i + 8, "%4x", &lo) == 1 && hi >= 0xD800 &&
		    hi <= 0xDBFF && lo >= 0xDC00 && lo <= 0xDFFF &&
		    all_digits(s + i + 2, 4, 16) &&
		    all_digits(s + i + 8, 4, 16)) {
			unsigned cp =
			    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);

			buf_printf(&b, "\\U%08X", cp);
			i += 12;
			continue;
		}
		if (s[i] == '\\' && i + 1 < len) {
			buf_add(&b, s + i, 2);
			i += 2;
			continue;
		}
		buf_putc(&b, s[i++]);
	}
	*outlen = b.len;
	return buf_detach(&b);
}

static int
run(struct loader *L)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int docs = 0, done = 0, rc = 0;

	if (!yaml_parser_initialize(&p)) {
		fail(L, 1, 1, "cannot initialise the YAML parser");
		return -1;
	}
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(
	    &p, (const unsigned char *)L->data, L->len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			libyaml_error(L, &p);
			rc = -1;
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				fail(L, (int)ev.start_mark.line + 1,
				    (int)ev.start_mark.column + 1,
				    "more than one document; a record file "
				    "holds one");
				rc = -1;
			} else if (ev.data.document_start.version_directive ||
			    ev.data.document_start.tag_directives.start !=
			        ev.data.document_start.tag_directives.end) {
				fail(L, 1, 1,
				    "%% directives are not allowed; remove "
				    "them");
				rc = -1;
			}
			break;
		case YAML_SCALAR_EVENT:
			rc = on_scalar(L, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			rc = on_start(L, &ev, YML_SEQ);
			break;
		case YAML_MAPPING_START_EVENT:
			rc = on_start(L, &ev, YML_MAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			rc = on_end(L, &ev);
			break;
		case YAML_ALIAS_EVENT:
			fail(L, (int)ev.start_mark.line + 1,
			    (int)ev.start_mark.column + 1,
			    "aliases (*%s) are not allowed; write the value "
			    "out",
			    (const char *)ev.data.alias.anchor);
			rc = -1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (rc < 0)
			break;
	}
	yaml_parser_delete(&p);
	return rc;
}

/* Parse src (len bytes and a NUL), which the document then owns. */
static int
parse_owned(struct yml_doc **out, const char *path, char *src, size_t len,
    unsigned flags, struct diag_list *d)
{
	struct loader L;
	struct yml_doc *doc;
	const char *data = src;
	char *joined = NULL;
	size_t i;
	int rc;

	*out = NULL;
	doc = xcalloc(1, sizeof(*doc));
	doc->path = xstrdup(path);
	doc->arena = xcalloc(1, sizeof(*doc->arena));
	/* Most records need about ten times their size in nodes: start near
	 * that so a small record does not pin a large chunk. */
	doc->arena->next = len < 256 ? 4096 : len * 8;
	doc->src = src;
	doc->srclen = len;
	memset(&L, 0, sizeof(L));
	L.doc = doc;
	L.flags = flags;
	L.d = d;
	L.data = data;
	L.len = len;
	if (!(flags & YML_NO_LIMITS) && len > YML_MAX_SIZE) {
		fail(&L, 1, 1,
		    "file of %zu bytes is larger than the limit of 4 MiB", len);
		yml_doc_free(doc);
		return -1;
	}
	/* Nodes keep 32-bit offsets. */
	if (len >= UINT32_MAX) {
		fail(&L, 1, 1, "file of %zu bytes is too large to read", len);
		yml_doc_free(doc);
		return -1;
	}
	if (flags & YML_JSON) {
		/* Node offsets then refer to the joined text: keep it as the
		 * source so they stay right. */
		joined = join_surrogates(data, len, &L.len);
		L.data = joined;
		free(doc->src);
		doc->src = xstrndup(joined, L.len);
		doc->srclen = L.len;
	}
	/* libyaml keeps a BOM as content once the encoding is set. */
	if (L.len >= 3 && memcmp(L.data, "\xEF\xBB\xBF", 3) == 0) {
		L.bom = 3;
		L.data += 3;
		L.len -= 3;
	}
	find_wide(&L);
	rc = run(&L);
	for (i = 0; i < L.inited; i++)
		free(L.stack[i].kids);
	free(L.stack);
	free(L.wide);
	free(joined);
	if (rc == 0 && doc->root == NULL) {
		if (flags & YML_ANY_ROOT) {
			doc->root = new_node(&L);
			doc->root->type = YML_NULL;
			doc->root->str = "";
			doc->root->line = doc->root->col = 1;
		} else {
			fail(&L, 1, 1,
			    "the file is empty; a record is a "
			    "mapping of fields");
			rc = -1;
		}
	}
	if (rc == 0 && !(flags & YML_ANY_ROOT) && doc->root->type != YML_MAP) {
		fail(&L, doc->root->line, doc->root->col,
		    "expected a mapping of fields at the top, found %s",
		    yml_type_name(doc->root->type));
		rc = -1;
	}
	if (rc < 0 || L.failed) {
		yml_doc_free(doc);
		return -1;
	}
	*out = doc;
	return 0;
}

int
yml_parse(struct yml_doc **out, const char *path, const char *data, size_t len,
    unsigned flags, struct diag_list *d)
{
	return parse_owned(out, path, xstrndup(data, len), len, flags, d);
}

int
yml_load_file(struct yml_doc **out, const char *path, const char *fspath,
    unsigned flags, struct diag_list *d)
{
	return yml_load_file_at(out, path, AT_FDCWD, fspath, flags, d);
}

int
yml_load_file_at(struct yml_doc **out, const char *path, int dirfd,
    const char *fspath, unsigned flags, struct diag_list *d)
{
	struct stat st;
	char *data = NULL;
	size_t got = 0;
	int fd;

	*out = NULL;
	fd = openat(
	    dirfd, fspath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		if (errno == ELOOP) {
			diag_add(d, path, 0, 0, RULE_YAML,
			    "is a symbolic link; records must be regular "
			    "files");
			return -1;
		}
		diag_error("cannot open '%s': %s", path, strerror(errno));
		return -2;
	}
	if (fstat(fd, &st) < 0) {
		diag_error("cannot stat '%s': %s", path, strerror(errno));
		close(fd);
		return -2;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_add(d, path, 0, 0, RULE_YAML, "is not a regular file");
		close(fd);
		return -1;
	}
	if (!(flags & YML_NO_LIMITS) && (size_t)st.st_size > YML_MAX_SIZE) {
		diag_add(d, path, 1, 1, RULE_YAML,
		    "file of %lld bytes is larger than the limit of 4 MiB",
		    (long long)st.st_size);
		close(fd);
		return -1;
	}
	data = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, data + got, (size_t)st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			diag_error(
			    "cannot read '%s': %s", path, strerror(errno));
			free(data);
			close(fd);
			return -2;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	data[got] = '\0';
	return parse_owned(out, path, data, got, flags, d);
}

void
yml_doc_free(struct yml_doc *doc)
{
	if (doc == NULL || doc->held == YML_STORED)
		return;
	if (doc->held == YML_ONE_BLOCK) {
		free(doc);
		return;
	}
	arena_free(doc->arena);
	free(doc->path);
	free(doc->src);
	free(doc);
}

/* The arena bytes copy_node will take for n and everything under it. */
static size_t
node_size(const struct yml_node *n)
{
	size_t i, size = arena_round(sizeof(*n));

	if (n->str != NULL)
		size += arena_round(n->len + 1);
	if (n->type == YML_SEQ && n->n > 0) {
		size += arena_round(n->n * sizeof(*n->items));
		for (i = 0; i < n->n; i++)
			size += node_size(n->items[i]);
	}
	if (n->type == YML_MAP && n->n > 0) {
		size += arena_round(n->n * sizeof(*n->pairs));
		for (i = 0; i < n->n; i++)
			size += node_size(n->pairs[i].key) +
			    node_size(n->pairs[i].val);
	}
	return size;
}

static struct yml_node *
copy_node(struct yml_arena *a, const struct yml_node *n)
{
	struct yml_node *c = arena_alloc(a, sizeof(*c));
	size_t i;

	*c = *n;
	if (n->str != NULL)
		c->str = arena_strndup(a, n->str, n->len);
	if (n->type == YML_SEQ && n->n > 0) {
		c->items = arena_alloc(a, n->n * sizeof(*c->items));
		for (i = 0; i < n->n; i++)
			c->items[i] = copy_node(a, n->items[i]);
	}
	if (n->type == YML_MAP && n->n > 0) {
		c->pairs = arena_alloc(a, n->n * sizeof(*c->pairs));
		for (i = 0; i < n->n; i++) {
			c->pairs[i].key = copy_node(a, n->pairs[i].key);
			c->pairs[i].val = copy_node(a, n->pairs[i].val);
		}
	}
	return c;
}

static int
key_wanted(const struct yml_node *key, const char *const *keys, size_t nkeys)
{
	size_t i;

	for (i = 0; i < nkeys; i++)
		if (strlen(keys[i]) == key->len &&
		    memcmp(keys[i], key->str, key->len) == 0)
			return 1;
	return 0;
}

struct yml_store {
	pthread_mutex_t lock;
	struct chunk *head;
};

/* Blocks of the store: a few hundred pruned records each. */
#define STORE_BLOCK (256u << 10)

struct yml_store *
yml_store_new(void)
{
	struct yml_store *st = xcalloc(1, sizeof(*st));

	pthread_mutex_init(&st->lock, NULL);
	return st;
}

void
yml_store_free(struct yml_store *st)
{
	struct chunk *c, *next;

	if (st == NULL)
		return;
	for (c = st->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	pthread_mutex_destroy(&st->lock);
	free(st);
}

/* n bytes (a multiple of the alignment of a chunk) from the store. */
static void *
store_alloc(struct yml_store *st, size_t n)
{
	struct chunk *c;
	void *p;

	pthread_mutex_lock(&st->lock);
	c = st->head;
	if (c == NULL || c->size - c->used < n) {
		size_t size = n > STORE_BLOCK ? n : STORE_BLOCK;

		c = xmalloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		/* A block too large for the rest goes behind the head. */
		if (st->head != NULL && n > STORE_BLOCK) {
			c->next = st->head->next;
			st->head->next = c;
		} else {
			c->next = st->head;
			st->head = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += n;
	pthread_mutex_unlock(&st->lock);
	return p;
}

/* The pairs of root that yml_doc_prune keeps, into kept (root->n long). */
static size_t
kept_pairs(const struct yml_node *root, const char *const *keys, size_t nkeys,
    struct yml_pair *kept)
{
	size_t i, n = 0;

	for (i = 0; i < root->n; i++)
		if (key_wanted(root->pairs[i].key, keys, nkeys))
			kept[n++] = root->pairs[i];
	return n;
}

struct yml_doc *
yml_doc_prune(const struct yml_doc *doc, const char *const *keys, size_t nkeys,
    struct yml_store *st)
{
	const struct yml_node *root = doc->root;
	struct yml_node top = *root;
	struct yml_pair few[32], *kept = few;
	struct yml_doc *out;
	struct yml_arena *arena;
	struct chunk *c;
	size_t size, pathlen = strlen(doc->path) + 1, at_arena, at_chunk, whole;
	char *block;

	/* A stand-in for the root with only the wanted pairs. */
	if (root->type == YML_MAP && root->n > 0) {
		if (root->n > sizeof(few) / sizeof(few[0]))
			kept = xcalloc(root->n, sizeof(*kept));
		top.n = (uint32_t)kept_pairs(root, keys, nkeys, kept);
		top.pairs = kept;
	}
	/* One block: the document, its arena, a chunk of exactly the size
	 * the nodes need, and the path. */
	size = node_size(&top);
	at_arena = arena_round(sizeof(*out));
	at_chunk = (at_arena + sizeof(*arena) + _Alignof(struct chunk) - 1) /
	    _Alignof(struct chunk) * _Alignof(struct chunk);
	/* Blocks follow each other in a store: keep the next one aligned. */
	whole = (at_chunk + sizeof(*c) + size + pathlen +
	            _Alignof(struct chunk) - 1) /
	    _Alignof(struct chunk) * _Alignof(struct chunk);
	block = st != NULL ? store_alloc(st, whole) : xmalloc(whole);
	out = (struct yml_doc *)block;
	arena = (struct yml_arena *)(block + at_arena);
	c = (struct chunk *)(block + at_chunk);
	memset(out, 0, sizeof(*out));
	c->next = NULL;
	c->used = 0;
	c->size = size;
	arena->head = c;
	arena->next = 0;
	out->arena = arena;
	out->held = st != NULL ? YML_STORED : YML_ONE_BLOCK;
	out->path = (char *)c->data + size;
	memcpy(out->path, doc->path, pathlen);
	out->root = copy_node(arena, &top);
	if (kept != few)
		free(kept);
	return out;
}

const struct yml_pair *
yml_get_pair(const struct yml_node *map, const char *key)
{
	size_t i, n;

	if (map == NULL || map->type != YML_MAP)
		return NULL;
	n = strlen(key);
	for (i = 0; i < map->n; i++) {
		const struct yml_node *k = map->pairs[i].key;

		if (k->len == n && memcmp(k->str, key, n) == 0)
			return &map->pairs[i];
	}
	return NULL;
}

const struct yml_node *
yml_get(const struct yml_node *map, const char *key)
{
	const struct yml_pair *p = yml_get_pair(map, key);

	return p ? p->val : NULL;
}

const char *
yml_get_str(const struct yml_node *map, const char *key)
{
	const struct yml_node *n = yml_get(map, key);

	return n != NULL && n->type == YML_STR ? n->str : NULL;
}

int
yml_is_scalar(const struct yml_node *n)
{
	return n != NULL && n->type != YML_SEQ && n->type != YML_MAP;
}

const char *
yml_type_name(enum yml_type t)
{
	switch (t) {
	case YML_NULL:
		return "null";
	case YML_BOOL:
		return "a boolean";
	case YML_INT:
		return "an integer";
	case YML_FLOAT:
		return "a number";
	case YML_STR:
		return "a string";
	case YML_SEQ:
		return "a list";
	case YML_MAP:
		return "a mapping";
	}
	return "a value";
}
