/* Unit tests of the YAML loader: typing, positions, every rule and limit. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"

#include "buf.h"
#include "yml.h"

static struct yml_doc *
parse(const char *text, size_t len, unsigned flags, struct diag_list *d)
{
	struct yml_doc *doc = NULL;

	yml_parse(&doc, "t.yaml", text, len, flags, d);
	return doc;
}

/* Parse text that must fail with one yaml finding at line:col whose
 * message contains want. */
static void
expect_error(const char *text, size_t len, int line, int col, const char *want)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc = parse(text, len, 0, &d);

	assert_null(doc);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].rule, RULE_YAML);
	assert_int_equal(d.v[0].severity, DIAG_ERROR);
	if (strstr(d.v[0].message, want) == NULL)
		fail_msg("message '%s' lacks '%s'", d.v[0].message, want);
	assert_int_equal(d.v[0].line, line);
	assert_int_equal(d.v[0].col, col);
	diag_list_free(&d);
}

#define EXPECT_ERROR(text, line, col, want)                                    \
	expect_error(text, sizeof(text) - 1, line, col, want)

static void
test_core_schema_typing(void **state)
{
	static const struct {
		const char *value;
		enum yml_type type;
	} cases[] = {
	    {"NO", YML_STR},
	    {"yes", YML_STR},
	    {"off", YML_STR},
	    {"on", YML_STR},
	    {"No", YML_STR},
	    {"true", YML_BOOL},
	    {"False", YML_BOOL},
	    {"TRUE", YML_BOOL},
	    {"tRue", YML_STR},
	    {"12", YML_INT},
	    {"-7", YML_INT},
	    {"+3", YML_INT},
	    {"0o17", YML_INT},
	    {"0x1F", YML_INT},
	    {"0b1", YML_STR},
	    {"1.5e3", YML_FLOAT},
	    {".5", YML_FLOAT},
	    {"1.", YML_FLOAT},
	    {".inf", YML_FLOAT},
	    {"-.Inf", YML_FLOAT},
	    {".nan", YML_FLOAT},
	    {"null", YML_NULL},
	    {"~", YML_NULL},
	    {"", YML_NULL},
	    {"NULL", YML_NULL},
	    {"nULL", YML_STR},
	    {"2026-03-01", YML_STR},
	    {"2019/1234", YML_STR},
	    {"1_000", YML_STR},
	    {"12:30", YML_STR},
	    {"'12'", YML_STR},
	    {"\"true\"", YML_STR},
	    {"e3", YML_STR},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct diag_list d = DIAG_LIST_INIT;
		struct buf b = BUF_INIT;
		struct yml_doc *doc;
		const struct yml_node *v;

		buf_printf(&b, "k: %s\n", cases[i].value);
		doc = parse(b.ptr, b.len, 0, &d);
		assert_non_null(doc);
		v = yml_get(doc->root, "k");
		assert_non_null(v);
		if (v->type != cases[i].type)
			fail_msg("'%s' typed as %s", cases[i].value,
			    yml_type_name(v->type));
		yml_doc_free(doc);
		buf_free(&b);
		diag_list_free(&d);
	}
}

static void
test_numbers(void **state)
{
	struct diag_list d = DIAG_LIST_INIT;
	const char text[] = "a: 0x1F\nb: -12\nc: 1.5e3\n"
	                    "d: 99999999999999999999\ne: 0o17\n";
	struct yml_doc *doc = parse(text, sizeof(text) - 1, 0, &d);

	(void)state;
	assert_non_null(doc);
	assert_int_equal(yml_get(doc->root, "a")->ival, 31);
	assert_int_equal(yml_get(doc->root, "b")->ival, -12);
	assert_true(yml_get(doc->root, "c")->num == 1500.0);
	assert_true(yml_get(doc->root, "d")->is_big);
	assert_true(yml_get(doc->root, "d")->num > 9e19);
	assert_int_equal(yml_get(doc->root, "e")->ival, 15);
	yml_doc_free(doc);
	diag_list_free(&d);
}

static void
test_positions_and_offsets(void **state)
{
	struct diag_list d = DIAG_LIST_INIT;
	const char text[] = "\xEF\xBB\xBFid: REG-001 # comment\n"
	                    "name: \"Lønn æøå\"\n"
	                    "list:\n  - a\n  - {c: 'x'}\n";
	struct yml_doc *doc = parse(text, sizeof(text) - 1, 0, &d);
	const struct yml_node *n, *l;

	(void)state;
	assert_non_null(doc);
	n = yml_get(doc->root, "id");
	assert_int_equal(n->line, 1);
	assert_int_equal(n->col, 5);
	assert_memory_equal(doc->src + n->start, "REG-001", 7);
	assert_int_equal(n->end - n->start, 7);
	n = yml_get(doc->root, "name");
	assert_int_equal(n->line, 2);
	assert_int_equal(n->col, 7);
	assert_int_equal(n->style, YML_DOUBLE);
	assert_string_equal(n->str, "Lønn æøå");
	/* The quotes are part of the node's text. */
	assert_memory_equal(
	    doc->src + n->start, "\"Lønn æøå\"", n->end - n->start);
	l = yml_get(doc->root, "list");
	assert_int_equal(l->type, YML_SEQ);
	assert_int_equal(l->n, 2);
	n = yml_get(l->items[1], "c");
	assert_int_equal(n->line, 5);
	assert_int_equal(n->col, 9);
	assert_int_equal(n->style, YML_SINGLE);
	assert_memory_equal(doc->src + n->start, "'x'", 3);
	yml_doc_free(doc);
	diag_list_free(&d);
}

/* Every plain scalar's offsets cover exactly its text, wherever
 * characters of one to four bytes fall, in maps, sequences and flow. */
static void
check_plain_offsets(const struct yml_doc *doc, const struct yml_node *n)
{
	size_t i;

	if (n->type == YML_MAP) {
		for (i = 0; i < n->n; i++) {
			check_plain_offsets(doc, n->pairs[i].key);
			check_plain_offsets(doc, n->pairs[i].val);
		}
	} else if (n->type == YML_SEQ) {
		for (i = 0; i < n->n; i++)
			check_plain_offsets(doc, n->items[i]);
	} else if (n->style == YML_PLAIN) {
		assert_int_equal(n->end - n->start, n->len);
		assert_memory_equal(doc->src + n->start, n->str, n->len);
	}
	assert_true(n->start <= n->end && n->end <= doc->srclen);
}

static void
test_offsets_multibyte(void **state)
{
	static const char *const words[] = {"a", "Bærum", "Tromsø",
	    "\xF0\x9F\x98\x80", "\xE2\x82\xAC", "abcdefghijklmnop", "ÆØÅæøå",
	    "x\xC3\xA9y"};
	struct buf b = BUF_INIT;
	int round, i;

	(void)state;
	for (round = 0; round < 64; round++) {
		struct diag_list d = DIAG_LIST_INIT;
		struct yml_doc *doc;

		buf_reset(&b);
		for (i = 0; i < 12; i++) {
			const char *w = words[(round * 7 + i * 3) % 8];
			const char *v = words[(round + i * 5) % 8];

			if ((round + i) % 3 == 0)
				buf_printf(&b, "k%d%s: [%s, %s]\n", i, w, v, w);
			else if ((round + i) % 3 == 1)
				buf_printf(&b, "k%d%s:\n  - %s\n  - {%s: %s}\n",
				    i, w, v, w, v);
			else
				buf_printf(&b, "%s%d: %s %s\n", w, i, v, v);
		}
		doc = parse(b.ptr, b.len, 0, &d);
		if (doc == NULL)
			fail_msg("%s: %s", b.ptr, d.v[0].message);
		check_plain_offsets(doc, doc->root);
		yml_doc_free(doc);
		diag_list_free(&d);
	}
	buf_free(&b);
}

static void
test_rules(void **state)
{
	(void)state;
	EXPECT_ERROR("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key \"a\"");
	EXPECT_ERROR("a: &x 1\nb: 2\n", 1, 4, "anchors");
	EXPECT_ERROR("a: 1\nb: *x\n", 2, 4, "aliases");
	EXPECT_ERROR("<<: {a: 1}\n", 1, 1, "merge keys");
	EXPECT_ERROR("a: !!str 1\n", 1, 4, "explicit tags (!!str)");
	EXPECT_ERROR("a: !foo 1\n", 1, 4, "explicit tags (!foo)");
	EXPECT_ERROR("%YAML 1.2\n---\na: 1\n", 1, 1, "directives");
	EXPECT_ERROR("a: 1\n---\nb: 2\n", 2, 1, "more than one document");
	EXPECT_ERROR("", 1, 1, "empty");
	EXPECT_ERROR("- a\n", 1, 1, "expected a mapping");
	EXPECT_ERROR("a:\n\tb: 1\n", 2, 1, "tab");
	EXPECT_ERROR("a: \"x\\0y\"\n", 1, 4, "control character");
	EXPECT_ERROR("a: \"x\\x1b\"\n", 1, 4, "control character");
	EXPECT_ERROR("a: \"\\u202E\"\n", 1, 4, "control character");
	EXPECT_ERROR("a: \"\\x85\"\n", 1, 4, "control character");
	EXPECT_ERROR("? [a]\n: 1\n", 1, 3, "keys must be scalars");
	EXPECT_ERROR("a: [1, 2\n", 2, 1, "");
	EXPECT_ERROR("a: 1\0b", 1, 5, "control characters");
	/* Raw characters in every style: libyaml refuses C0, DEL and C1;
	 * bidi overrides are refused here. */
	EXPECT_ERROR("a: x\x01y\n", 1, 5, "control characters");
	EXPECT_ERROR("a: 'x\x1b'\n", 1, 6, "control characters");
	EXPECT_ERROR("a: |\n  x\x7fy\n", 2, 4, "control characters");
	EXPECT_ERROR("a: x\xC2\x80y\n", 1, 5, "control characters");
	EXPECT_ERROR("a: x\xE2\x80\xAEy\n", 1, 4, "control character");
	EXPECT_ERROR("a: 'x\xE2\x81\xA6'\n", 1, 4, "control character");
	EXPECT_ERROR("a: >\n  x\xE2\x80\xAAy\n", 1, 4, "control character");
	EXPECT_ERROR("x\xE2\x80\xACy: 1\n", 1, 1, "control character");
}

static void
test_tabs_and_newlines_allowed(void **state)
{
	struct diag_list d = DIAG_LIST_INIT;
	const char text[] = "a: \"x\\ty\"\nb: |\n  one\n  two\n";
	struct yml_doc *doc = parse(text, sizeof(text) - 1, 0, &d);

	(void)state;
	assert_non_null(doc);
	assert_string_equal(yml_get_str(doc->root, "a"), "x\ty");
	assert_string_equal(yml_get_str(doc->root, "b"), "one\ntwo\n");
	assert_int_equal(d.n, 0);
	yml_doc_free(doc);
}

static void
test_invalid_utf8_position(void **state)
{
	(void)state;
	/* Byte 14 (0-based) is a lone continuation byte on line 2. */
	EXPECT_ERROR("id: REG-001\nb: x\x80y\n", 2, 5, "invalid UTF-8");
	EXPECT_ERROR("a: \xC3\n", 1, 4, "invalid UTF-8");
	/* UTF-16 is not accepted. */
	EXPECT_ERROR("\xFF\xFE"
	             "a\0:\0",
	    1, 1, "");
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
test_deep_nesting(void **state)
{
	size_t depth = 100000, i;
	char *text = malloc(depth * 2 + 8);
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc;
	double t0;

	(void)state;
	memcpy(text, "a: ", 3);
	for (i = 0; i < depth; i++)
		text[3 + i] = '[';
	for (i = 0; i < depth; i++)
		text[3 + depth + i] = ']';
	t0 = now_ms();
	doc = parse(text, 3 + 2 * depth, 0, &d);
	printf(
	    "loader: 100000-deep nesting rejected in %.1f ms\n", now_ms() - t0);
	assert_null(doc);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].message, "nesting deeper than 64"));
	assert_int_equal(d.v[0].line, 1);
	diag_list_free(&d);
	/* Block nesting too. */
	{
		struct buf b = BUF_INIT;

		for (i = 0; i < 70; i++) {
			buf_fill(&b, ' ', i);
			buf_printf(&b, "k%zu:\n", i);
		}
		doc = parse(b.ptr, b.len, 0, &d);
		assert_null(doc);
		assert_non_null(strstr(d.v[0].message, "nesting"));
		buf_free(&b);
		diag_list_free(&d);
	}
	free(text);
}

static void
test_size_limits(void **state)
{
	size_t big = 10u << 20;
	char *text = malloc(big + 8);
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc;
	double t0;

	(void)state;
	memcpy(text, "a: ", 3);
	memset(text + 3, 'x', big);
	text[3 + big] = '\n';
	t0 = now_ms();
	doc = parse(text, big + 4, 0, &d);
	printf("loader: 10 MiB line rejected in %.1f ms\n", now_ms() - t0);
	assert_null(doc);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].message, "limit of 4 MiB"));
	diag_list_free(&d);
	/* A 2 MiB scalar in a file under the size limit. */
	text[3 + (2u << 20)] = '\n';
	doc = parse(text, 4 + (2u << 20), 0, &d);
	assert_null(doc);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].message, "limit of 1 MiB"));
	assert_int_equal(d.v[0].line, 1);
	assert_int_equal(d.v[0].col, 4);
	diag_list_free(&d);
	free(text);
}

static void
test_alias_bomb(void **state)
{
	const char text[] = "a: &a [x, x, x, x, x, x, x, x, x]\n"
	                    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	                    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	                    "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	                    "e: &e [*e]\n";
	struct diag_list d = DIAG_LIST_INIT;

	(void)state;
	assert_null(parse(text, sizeof(text) - 1, 0, &d));
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].message, "anchors"));
	diag_list_free(&d);
}

static void
test_many_keys_duplicate(void **state)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct buf b = BUF_INIT;
	size_t i;
	double t0;

	(void)state;
	for (i = 0; i < 100000; i++)
		buf_printf(&b, "k%zu: 1\n", i);
	buf_puts(&b, "k5: 2\n");
	t0 = now_ms();
	assert_null(parse(b.ptr, b.len, 0, &d));
	printf("loader: duplicate among 100000 keys found in %.1f ms\n",
	    now_ms() - t0);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 100001);
	assert_non_null(strstr(d.v[0].message, "first defined on line 6"));
	buf_free(&b);
	diag_list_free(&d);
}

static void
test_json_mode(void **state)
{
	const char text[] = "{\"a\":1,\"b\":[1.0,\"\\uD83D\\uDE00\"],"
	                    "\t\"c\" : null}";
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc;
	const struct yml_node *b;

	(void)state;
	doc = parse(text, sizeof(text) - 1, YML_JSON | YML_ANY_ROOT, &d);
	assert_non_null(doc);
	b = yml_get(doc->root, "b");
	assert_int_equal(b->items[0]->type, YML_FLOAT);
	assert_string_equal(b->items[1]->str, "\xF0\x9F\x98\x80");
	/* Offsets point into doc->src, which holds the joined text. */
	assert_memory_equal(doc->src + b->items[1]->start, "\"\\U0001F600\"",
	    b->items[1]->end - b->items[1]->start);
	assert_int_equal(yml_get(doc->root, "c")->type, YML_NULL);
	yml_doc_free(doc);
	doc = parse("[1, 2]", 6, YML_ANY_ROOT, &d);
	assert_non_null(doc);
	assert_int_equal(doc->root->type, YML_SEQ);
	yml_doc_free(doc);
	doc = parse("", 0, YML_ANY_ROOT, &d);
	assert_non_null(doc);
	assert_int_equal(doc->root->type, YML_NULL);
	yml_doc_free(doc);
	assert_int_equal(d.n, 0);
}

static void
test_load_file(void **state)
{
	char dir[] = "/tmp/gdprctl-yml-XXXXXX";
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc;
	struct buf p = BUF_INIT, q = BUF_INIT;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	buf_printf(&p, "%s/a.yaml", dir);
	fp = fopen(p.ptr, "w");
	fputs("id: REG-001\n", fp);
	fclose(fp);
	assert_int_equal(yml_load_file(&doc, "a.yaml", p.ptr, 0, &d), 0);
	assert_string_equal(yml_get_str(doc->root, "id"), "REG-001");
	yml_doc_free(doc);
	/* A symlink is not followed. */
	buf_printf(&q, "%s/l.yaml", dir);
	assert_int_equal(symlink(p.ptr, q.ptr), 0);
	assert_int_equal(yml_load_file(&doc, "l.yaml", q.ptr, 0, &d), -1);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].message, "symbolic link"));
	unlink(q.ptr);
	/* A directory is not a regular file. */
	assert_int_equal(yml_load_file(&doc, "dir", dir, 0, &d), -1);
	assert_int_equal(d.n, 2);
	/* A missing file is a failure to do the job. */
	assert_int_equal(
	    yml_load_file(&doc, "nope", "/nonexistent/x.yaml", 0, &d), -2);
	unlink(p.ptr);
	rmdir(dir);
	buf_free(&p);
	buf_free(&q);
	diag_list_free(&d);
}

/* Whether a and b are the same tree at the same positions. */
static void
assert_same_tree(const struct yml_node *a, const struct yml_node *b)
{
	size_t i;

	assert_int_equal(a->type, b->type);
	assert_int_equal(a->style, b->style);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->col, b->col);
	assert_int_equal(a->start, b->start);
	assert_int_equal(a->end, b->end);
	assert_int_equal(a->n, b->n);
	if (a->str != NULL) {
		assert_ptr_not_equal(a->str, b->str);
		assert_int_equal(a->len, b->len);
		assert_memory_equal(a->str, b->str, a->len + 1);
	}
	assert_true(a->ival == b->ival && a->boolean == b->boolean);
	for (i = 0; a->type == YML_SEQ && i < a->n; i++)
		assert_same_tree(a->items[i], b->items[i]);
	for (i = 0; a->type == YML_MAP && i < a->n; i++) {
		assert_same_tree(a->pairs[i].key, b->pairs[i].key);
		assert_same_tree(a->pairs[i].val, b->pairs[i].val);
	}
}

/* A pruned copy keeps only the wanted top-level keys, whole and in source
 * order, at their positions, and outlives the document it came from. */
static void
test_prune(void **state)
{
	static const char text[] = "# a comment\n"
	                           "id: REG-001\n"
	                           "name: Lønn\n"
	                           "processors: [DPA-001, \"DPA-002\"]\n"
	                           "transfers:\n"
	                           "  - country: US\n"
	                           "    safeguard: scc\n"
	                           "status: active\n"
	                           "reviewed: 2025-01-01\n"
	                           "count: 12\n";
	static const char *const keys[] = {
	    "status", "id", "transfers", "processors", "count", "absent"};
	static const char *const want[] = {
	    "id", "processors", "transfers", "status", "count"};
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc = parse(text, sizeof(text) - 1, 0, &d);
	struct yml_doc *sk, *none;
	const struct yml_node *n;
	size_t i, j;

	(void)state;
	assert_non_null(doc);
	sk = yml_doc_prune(doc, keys, sizeof(keys) / sizeof(keys[0]), NULL);
	none = yml_doc_prune(doc, NULL, 0, NULL);
	assert_string_equal(sk->path, doc->path);
	assert_null(sk->src);
	assert_int_equal(sk->root->line, doc->root->line);
	assert_int_equal(sk->root->col, doc->root->col);
	assert_int_equal(sk->root->n, 5);
	for (i = 0; i < sk->root->n; i++) {
		const struct yml_pair *p = &sk->root->pairs[i];

		assert_string_equal(p->key->str, want[i]);
		for (j = 0; j < doc->root->n; j++)
			if (strcmp(doc->root->pairs[j].key->str, want[i]) == 0)
				break;
		assert_true(j < doc->root->n);
		assert_same_tree(p->key, doc->root->pairs[j].key);
		assert_same_tree(p->val, doc->root->pairs[j].val);
	}
	assert_null(yml_get(sk->root, "name"));
	assert_null(yml_get(sk->root, "reviewed"));
	assert_int_equal(none->root->type, YML_MAP);
	assert_int_equal(none->root->n, 0);
	yml_doc_free(doc);
	/* The copy stands alone. */
	n = yml_get(yml_get(sk->root, "transfers")->items[0], "safeguard");
	assert_string_equal(n->str, "scc");
	assert_int_equal(n->line, 7);
	assert_int_equal(n->col, 16);
	n = yml_get(sk->root, "processors")->items[1];
	assert_string_equal(n->str, "DPA-002");
	assert_int_equal(n->style, YML_DOUBLE);
	assert_int_equal(n->line, 4);
	assert_int_equal(n->col, 23);
	assert_int_equal(yml_get(sk->root, "count")->ival, 12);
	yml_doc_free(sk);
	yml_doc_free(none);
	assert_int_equal(d.n, 0);
}

/* Copies pruned into a store, many of them and from two threads, stand
 * alone until the store is freed; yml_doc_free leaves them be. */
struct store_job {
	struct yml_store *st;
	const struct yml_doc *doc;
	struct yml_doc *out[300];
};

static void *
store_worker(void *arg)
{
	static const char *const keys[] = {"id", "list"};
	struct store_job *job = arg;

	for (size_t i = 0; i < 300; i++)
		job->out[i] = yml_doc_prune(job->doc, keys, 2, job->st);
	return NULL;
}

static void
test_prune_store(void **state)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct buf b = BUF_INIT;
	struct yml_doc *doc;
	struct store_job jobs[2];
	pthread_t th;

	(void)state;
	buf_puts(&b, "id: REG-001\nname: x\nlist:\n");
	for (int i = 0; i < 400; i++)
		buf_printf(&b, "  - {a: %d, b: Bærum}\n", i);
	doc = parse(b.ptr, b.len, 0, &d);
	assert_non_null(doc);
	jobs[0].st = jobs[1].st = yml_store_new();
	jobs[0].doc = jobs[1].doc = doc;
	assert_int_equal(pthread_create(&th, NULL, store_worker, &jobs[0]), 0);
	store_worker(&jobs[1]);
	assert_int_equal(pthread_join(th, NULL), 0);
	yml_doc_free(doc);
	for (int j = 0; j < 2; j++) {
		for (size_t i = 0; i < 300; i++) {
			const struct yml_doc *p = jobs[j].out[i];
			const struct yml_node *l = yml_get(p->root, "list");

			assert_int_equal(p->held, YML_STORED);
			assert_string_equal(p->path, "t.yaml");
			assert_int_equal(p->root->n, 2);
			assert_int_equal(l->n, 400);
			assert_int_equal(
			    yml_get(l->items[399], "a")->ival, 399);
			assert_string_equal(
			    yml_get_str(l->items[7], "b"), "Bærum");
			yml_doc_free(jobs[j].out[i]);
		}
	}
	yml_store_free(jobs[0].st);
	yml_store_free(NULL);
	buf_free(&b);
}

/* The loader reads a 2 KB record in well under a millisecond. */
static void
test_speed_2k_record(void **state)
{
	struct buf b = BUF_INIT;
	struct diag_list d = DIAG_LIST_INIT;
	int i, n = 2000;
	double t0, per;

	(void)state;
	buf_puts(&b,
	    "id: REG-001\nname: Lønns- og personalsystem\n"
	    "purpose: Personalforvaltning, utbetale lønn\n"
	    "legal_basis:\n  - {basis: contract, reference: A}\n");
	while (b.len < 2048)
		buf_puts(&b,
		    "data_categories: [contact details, payroll, "
		    "bank account, tax]\n"
		    "x: 1\n");
	/* Keys repeat above; make them unique. */
	buf_reset(&b);
	buf_puts(&b, "id: REG-001\nname: Lønns- og personalsystem\n");
	for (i = 0; b.len < 2048; i++)
		buf_printf(
		    &b, "field_%d: [contact details, payroll, %d]\n", i, i);
	t0 = now_ms();
	for (i = 0; i < n; i++) {
		struct yml_doc *doc = parse(b.ptr, b.len, 0, &d);

		assert_non_null(doc);
		yml_doc_free(doc);
	}
	per = (now_ms() - t0) / n;
	printf("loader: %.3f ms per %zu-byte record\n", per, b.len);
	assert_int_equal(d.n, 0);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_core_schema_typing),
	    cmocka_unit_test(test_numbers),
	    cmocka_unit_test(test_positions_and_offsets),
	    cmocka_unit_test(test_offsets_multibyte),
	    cmocka_unit_test(test_rules),
	    cmocka_unit_test(test_tabs_and_newlines_allowed),
	    cmocka_unit_test(test_invalid_utf8_position),
	    cmocka_unit_test(test_deep_nesting),
	    cmocka_unit_test(test_size_limits),
	    cmocka_unit_test(test_alias_bomb),
	    cmocka_unit_test(test_many_keys_duplicate),
	    cmocka_unit_test(test_json_mode),
	    cmocka_unit_test(test_load_file),
	    cmocka_unit_test(test_prune),
	    cmocka_unit_test(test_prune_store),
	    cmocka_unit_test(test_speed_2k_record),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
