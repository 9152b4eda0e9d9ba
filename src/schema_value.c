/*
 * Values in the JSON data model: number comparison, exact multipleOf,
 * equality and hashing of node trees.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "schema_int.h"

static int
cmp_int_double(int64_t i, double f)
{
	double fl;
	int64_t fi;

	if (isnan(f))
		return 2;
	if (f >= 9223372036854775808.0)
		return -1;
	if (f < -9223372036854775808.0)
		return 1;
	fl = floor(f);
	fi = (int64_t)fl;
	if (i != fi)
		return i < fi ? -1 : 1;
	return f > fl ? -1 : 0;
}

static int
exact_int(const struct yml_node *n)
{
	return n->type == YML_INT && !n->is_big;
}

int
schema_num_cmp(const struct yml_node *a, const struct yml_node *b)
{
	int r;

	if (exact_int(a) && exact_int(b))
		return (a->ival > b->ival) - (a->ival < b->ival);
	if (exact_int(a) && b->type == YML_FLOAT)
		return cmp_int_double(a->ival, b->num);
	if (a->type == YML_FLOAT && exact_int(b)) {
		r = cmp_int_double(b->ival, a->num);
		return r == 2 ? 2 : -r;
	}
	if (isnan(a->num) || isnan(b->num))
		return 2;
	return (a->num > b->num) - (a->num < b->num);
}

static int
is_num(const struct yml_node *n)
{
	return n->type == YML_INT || n->type == YML_FLOAT;
}

/*
 * A decimal number's text as digits without leading or trailing zeros
 * times a power of ten; -1 for other forms (hex, .inf).
 */
static int
dec_parse(const char *s, size_t len, struct buf *dig, long *exp)
{
	size_t i = 0;
	long frac = 0, e = 0;
	int any = 0;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	for (int part = 0; part < 2; part++) {
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			if (dig->len > 0 || s[i] != '0')
				buf_putc(dig, s[i]);
			frac += part;
			any = 1;
			i++;
		}
		if (part == 0 && i < len && s[i] == '.')
			i++;
		else
			break;
	}
	if (!any)
		return -1;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		int neg = 0;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			neg = s[i++] == '-';
		if (i >= len)
			return -1;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			if (e < 100000000)
				e = e * 10 + (s[i] - '0');
			i++;
		}
		if (neg)
			e = -e;
	}
	if (i != len)
		return -1;
	e -= frac;
	while (dig->len > 0 && dig->ptr[dig->len - 1] == '0') {
		buf_truncate(dig, dig->len - 1);
		e++;
	}
	*exp = e;
	return 0;
}

/*
 * Whether x is a multiple of m, exactly on the decimal texts where they
 * allow it (0.0075 is a multiple of 0.0001), else in doubles.
 */
int
schema_multiple_of(const struct yml_node *x, const struct yml_node *m)
{
	struct buf xd = BUF_INIT, md = BUF_INIT;
	long xe, me, e;
	int ok = -1;

	if (exact_int(x) && exact_int(m))
		return x->ival % m->ival == 0;
	if (dec_parse(x->str, x->len, &xd, &xe) == 0 &&
	    dec_parse(m->str, m->len, &md, &me) == 0) {
		e = xe < me ? xe : me;
		if (xd.len == 0) {
			ok = 1;
		} else if (md.len + (size_t)(me - e) <= 37 &&
		    xe - e <= 100000) {
			unsigned __int128 mv = 0, r = 0;

			for (size_t i = 0; i < md.len; i++)
				mv = mv * 10 + (unsigned)(md.ptr[i] - '0');
			for (long i = 0; i < me - e; i++)
				mv *= 10;
			for (size_t i = 0; i < xd.len; i++)
				r = (r * 10 + (unsigned)(xd.ptr[i] - '0')) % mv;
			for (long i = 0; i < xe - e && r != 0; i++)
				r = r * 10 % mv;
			ok = r == 0;
		}
	}
	buf_free(&xd);
	buf_free(&md);
	if (ok < 0) {
		double q = x->num / m->num;
		ok = isfinite(q) && q == floor(q);
	}
	return ok;
}

static int
big_equal(const struct yml_node *a, const struct yml_node *b)
{
	struct buf ad = BUF_INIT, bd = BUF_INIT;
	long ae, be;
	int r;

	if (dec_parse(a->str, a->len, &ad, &ae) < 0 ||
	    dec_parse(b->str, b->len, &bd, &be) < 0)
		r = a->num == b->num;
	else
		r = (a->str[0] == '-') == (b->str[0] == '-') && ae == be &&
		    ad.len == bd.len &&
		    !memcmp(buf_cstr(&ad), buf_cstr(&bd), ad.len);
	buf_free(&ad);
	buf_free(&bd);
	return r;
}

const struct yml_node *
schema_map_get(const struct yml_node *map, const char *key, size_t len)
{
	for (size_t i = 0; i < map->n; i++)
		if (map->pairs[i].key->len == len &&
		    memcmp(map->pairs[i].key->str, key, len) == 0)
			return map->pairs[i].val;
	return NULL;
}

int
schema_node_equal(const struct yml_node *a, const struct yml_node *b)
{
	if (is_num(a) && is_num(b)) {
		if (a->type == YML_INT && b->type == YML_INT &&
		    (a->is_big || b->is_big))
			return a->is_big && b->is_big && big_equal(a, b);
		return schema_num_cmp(a, b) == 0;
	}
	if (a->type != b->type)
		return 0;
	switch (a->type) {
	case YML_NULL:
		return 1;
	case YML_BOOL:
		return !a->boolean == !b->boolean;
	case YML_STR:
		return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
	case YML_SEQ:
		if (a->n != b->n)
			return 0;
		for (size_t i = 0; i < a->n; i++)
			if (!schema_node_equal(a->items[i], b->items[i]))
				return 0;
		return 1;
	case YML_MAP:
		if (a->n != b->n)
			return 0;
		for (size_t i = 0; i < a->n; i++) {
			const struct yml_node *k = a->pairs[i].key;
			const struct yml_node *v =
			    schema_map_get(b, k->str, k->len);
			if (v == NULL || !schema_node_equal(a->pairs[i].val, v))
				return 0;
		}
		return 1;
	default:
		return 0;
	}
}

static uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211u;
	return h;
}

/* Equal nodes hash alike (1 and 1.0 too, objects in any key order). */
uint64_t
schema_node_hash(const struct yml_node *n)
{
	uint64_t h = 14695981039346656037u, sum = 0;
	double v;

	switch (n->type) {
	case YML_NULL:
		return 1;
	case YML_BOOL:
		return 2 + !!n->boolean;
	case YML_INT:
	case YML_FLOAT:
		v = n->num == 0 || isnan(n->num) ? 0 : n->num;
		return hash_bytes(h, &v, sizeof v);
	case YML_STR:
		return hash_bytes(h ^ 5, n->str, n->len);
	case YML_SEQ:
		for (size_t i = 0; i < n->n; i++) {
			uint64_t x = schema_node_hash(n->items[i]);
			h = hash_bytes(h ^ 6, &x, sizeof x);
		}
		return h;
	case YML_MAP:
		for (size_t i = 0; i < n->n; i++) {
			const struct yml_node *k = n->pairs[i].key;
			uint64_t x = schema_node_hash(n->pairs[i].val);
			sum += hash_bytes(
			    hash_bytes(h, k->str, k->len), &x, sizeof x);
		}
		return sum ^ 7;
	}
	return 0;
}
