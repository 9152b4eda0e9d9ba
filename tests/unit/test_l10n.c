/* Unit tests of the label table: complete, consistent, and used keys exist. */
#include "unit.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "l10n.h"

static void
test_lookup(void **state)
{
	(void)state;
	assert_string_equal(l10n_enum("sv", "priority", "high"), "Hög");
	assert_string_equal(l10n_enum("sv", "priority", "low"), "Låg");
	assert_string_equal(l10n_enum("nb", "priority", "high"), "Høy");
	assert_string_equal(l10n_enum("nb", "priority", "low"), "Lav");
	assert_string_equal(l10n_enum("en", "priority", "normal"), "Normal");
	assert_string_equal(
	    l10n_enum("sv", "task-status", "ongoing"), "Pågående");
	assert_string_equal(l10n_enum("sv", "task-status", "done"), "Klar");
	assert_string_equal(l10n_enum("nb", "task-status", "ongoing"), "Pågår");
	assert_string_equal(l10n_enum("nb", "task-status", "done"), "Fullført");
	assert_string_equal(l10n_enum("sv", "quarter", "Q3"), "Kvartal 3");
	assert_string_equal(l10n_get("nb", "col.quarter"), "Kvartal");
	/* Unknown or absent locale: English. */
	assert_string_equal(l10n_get(NULL, "col.quarter"), "Quarter");
	assert_string_equal(l10n_get("de", "col.quarter"), "Quarter");
	/* Unknown key: the key itself; unknown value: the value. */
	assert_string_equal(l10n_get("sv", "no.such.key"), "no.such.key");
	assert_string_equal(l10n_enum("sv", "priority", "urgent"), "urgent");
	assert_null(l10n_enum("sv", "priority", NULL));
	assert_true(l10n_locale_valid("nb"));
	assert_true(l10n_locale_valid("sv"));
	assert_true(l10n_locale_valid("en"));
	assert_false(l10n_locale_valid("no"));
	assert_false(l10n_locale_valid("EN"));
	assert_false(l10n_locale_valid(NULL));
}

static void
test_format(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	l10n_format(&b, "nb", "report.status.summary", "64 %", "3", "20", NULL);
	assert_string_equal(
	    buf_cstr(&b), "Fullført: 64 % (3 av 20 oppgaver fullført)");
	buf_reset(&b);
	l10n_format(&b, "sv", "fmt.percent", "64", NULL);
	assert_string_equal(buf_cstr(&b), "64 %");
	buf_reset(&b);
	l10n_format(&b, "en", "fmt.percent", "64", NULL);
	assert_string_equal(buf_cstr(&b), "64%");
	buf_reset(&b);
	/* A missing argument leaves nothing; a brace that is no
	 * placeholder stays. */
	l10n_format(&b, "en", "fmt.of", "1", NULL);
	assert_string_equal(buf_cstr(&b), "1 of ");
	buf_reset(&b);
	l10n_format(&b, "en", "x{y}{1", NULL);
	assert_string_equal(buf_cstr(&b), "x{y}{1");
	buf_free(&b);
}

static void
test_complete(void **state)
{
	size_t i, j;

	(void)state;
	assert_true(l10n_size > 100);
	for (i = 0; i < l10n_size; i++) {
		const struct l10n_entry *e = &l10n_table[i];

		assert_non_null(e->key);
		assert_true(e->key[0] != '\0');
		for (j = 0; j < L10N_NLOCALES; j++) {
			if (e->text[j] == NULL || e->text[j][0] == '\0')
				fail_msg("%s: locale %zu is empty", e->key, j);
			if (e->text[j][strlen(e->text[j]) - 1] == ' ')
				fail_msg("%s: trailing blank", e->key);
		}
		/* Every key is found again by lookup, so none is shadowed
		 * by a duplicate. */
		for (j = i + 1; j < l10n_size; j++)
			if (strcmp(e->key, l10n_table[j].key) == 0)
				fail_msg("duplicate key %s", e->key);
		assert_ptr_equal(l10n_get("sv", e->key), e->text[L10N_SV]);
		assert_ptr_equal(l10n_get("nb", e->key), e->text[L10N_NB]);
		assert_ptr_equal(l10n_get("en", e->key), e->text[L10N_EN]);
	}
}

/* The placeholders {1}..{9} a text uses, as a bit set. */
static unsigned
placeholders(const char *s)
{
	unsigned set = 0;

	for (; *s; s++)
		if (s[0] == '{' && s[1] >= '1' && s[1] <= '9' && s[2] == '}')
			set |= 1u << (s[1] - '0');
	return set;
}

static void
test_placeholders(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < l10n_size; i++) {
		const struct l10n_entry *e = &l10n_table[i];
		unsigned en = placeholders(e->text[L10N_EN]);

		if (placeholders(e->text[L10N_NB]) != en ||
		    placeholders(e->text[L10N_SV]) != en)
			fail_msg(
			    "%s: placeholders differ between locales", e->key);
	}
}

/* Every enum of SPEC sections 1 and 3 has a label for each value. */
static void
test_enums(void **state)
{
	static const struct {
		const char *type;
		const char *values;
	} enums[] = {
	    {"priority", "high normal low"},
	    {"task-status", "not-started ongoing done cancelled"},
	    {"quarter", "Q1 Q2 Q3 Q4"},
	    {"incident-risk", "none risk high"},
	    {"incident-status", "open closed"},
	    {"breach-type", "confidentiality integrity availability"},
	    {"cia", "confidentiality integrity availability"},
	    {"exemption", "encrypted mitigated disproportionate"},
	    {"dpa-status", "draft signed terminated"},
	    {"dpia-status", "draft completed approved"},
	    {"dpia-conclusion",
	        "acceptable acceptable-with-measures prior-consultation"},
	    {"dpia", "not-required"},
	    {"ros-status", "draft approved"},
	    {"request-type",
	        "access rectification erasure restriction portability "
	        "objection"},
	    {"request-outcome", "granted partially-granted refused withdrawn"},
	    {"register-status", "planned active retired"},
	    {"special-category",
	        "racial-ethnic-origin political-opinions religious-beliefs "
	        "trade-union genetic biometric health sex-life "
	        "criminal-offences"},
	    {"legal-basis",
	        "consent contract legal-obligation vital-interests public-task "
	        "legitimate-interests"},
	    {"art9-condition",
	        "explicit-consent employment vital-interests non-profit-body "
	        "made-public legal-claims substantial-public-interest "
	        "health-care public-health archiving-research "
	        "official-authority"},
	    {"safeguard", "adequacy scc bcr derogation other"},
	    {"level", "low medium high"},
	    {"criterion",
	        "evaluation_scoring automated_decision systematic_monitoring "
	        "sensitive_data large_scale matching_datasets "
	        "vulnerable_subjects innovative_technology prevents_rights"},
	    {"severity", "error warning"},
	    {"bool", "true false"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(enums) / sizeof(enums[0]); i++) {
		char *copy = strdup(enums[i].values), *save = NULL, *v;

		for (v = strtok_r(copy, " ", &save); v != NULL;
		     v = strtok_r(NULL, " ", &save)) {
			const char *en = l10n_enum("en", enums[i].type, v);

			if (en == v)
				fail_msg(
				    "no label for %s %s", enums[i].type, v);
		}
		free(copy);
	}
}

/* Whether some key starts with prefix. */
static int
have_prefix(const char *prefix)
{
	size_t i, n = strlen(prefix);

	for (i = 0; i < l10n_size; i++)
		if (strncmp(l10n_table[i].key, prefix, n) == 0)
			return 1;
	return 0;
}

static int
have_key(const char *key)
{
	size_t i;

	for (i = 0; i < l10n_size; i++)
		if (strcmp(l10n_table[i].key, key) == 0)
			return 1;
	return 0;
}

/*
 * The first string literal of each call of a lookup function in the
 * sources names a key (or an enum type) that the table has.
 */
static void
scan_source(const char *path, const char *text)
{
	/* The first five take a key, the others an enum type. */
	static const char *const calls[] = {"l10n_get(", "l10n_format(",
	    "rep_label(", "rv_l10n(", "col_head(", "l10n_enum(", "rep_enum("};
	size_t i;

	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		const char *call = calls[i];
		const char *p = text;

		while ((p = strstr(p, call)) != NULL) {
			const char *end = strchr(p, ';'), *q = strchr(p, '"');
			char key[128];
			size_t n;

			p += strlen(call);
			if (q == NULL || (end != NULL && q > end))
				continue;
			n = strcspn(q + 1, "\"");
			if (n == 0 || n >= sizeof(key) - 8)
				continue;
			memcpy(key, q + 1, n);
			key[n] = '\0';
			if (i < 5) {
				if (!have_key(key))
					fail_msg("%s: key '%s' is not in the "
					         "table",
					    path, key);
			} else {
				char prefix[140];

				snprintf(
				    prefix, sizeof(prefix), "enum.%s.", key);
				if (!have_prefix(prefix))
					fail_msg("%s: enum type '%s' is not in "
					         "the table",
					    path, key);
			}
		}
	}
}

static void
test_sources(void **state)
{
	DIR *dp = opendir("src");
	struct dirent *de;

	(void)state;
	if (dp == NULL) {
		skip();
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		size_t n = strlen(de->d_name);
		char path[512], *text;
		FILE *fp;
		long len;

		if (n < 3 || strcmp(de->d_name + n - 2, ".c") != 0 ||
		    strcmp(de->d_name, "l10n.c") == 0)
			continue;
		snprintf(path, sizeof(path), "src/%s", de->d_name);
		fp = fopen(path, "rb");
		assert_non_null(fp);
		fseek(fp, 0, SEEK_END);
		len = ftell(fp);
		fseek(fp, 0, SEEK_SET);
		text = calloc(1, (size_t)len + 1);
		assert_int_equal(fread(text, 1, (size_t)len, fp), (size_t)len);
		fclose(fp);
		scan_source(path, text);
		free(text);
	}
	closedir(dp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lookup),
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_complete),
	    cmocka_unit_test(test_placeholders),
	    cmocka_unit_test(test_enums),
	    cmocka_unit_test(test_sources),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
