/*
 * Unit tests of the extent of the EEA and the adequacy table (Art. 45):
 * dates checked at the sources named in src/adequacy.c.
 */
#include "unit.h"

#include <string.h>

#include "adequacy.h"

static struct gd_date
day(const char *s)
{
	struct gd_date d;

	assert_int_equal(date_parse(s, strlen(s), &d), 0);
	return d;
}

static void
test_eea(void **state)
{
	static const char *const in[] = {"NO", "SE", "IS", "LI", "DE", "GR",
	    "EL", "IE", "AX", "RE", "GP", "MQ", "GF", "YT", "MF"};
	/* Outside: EFTA but not EEA, former member, Danish and French
	 * territories outside the EU, reserved codes. */
	static const char *const out[] = {"CH", "GB", "UK", "FO", "GL", "BL",
	    "PM", "NC", "SJ", "US", "", "N", "NOR", "no"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		if (!adequacy_in_eea(in[i]))
			fail_msg("%s should be in the EEA", in[i]);
	for (i = 0; i < sizeof(out) / sizeof(out[0]); i++)
		if (adequacy_in_eea(out[i]))
			fail_msg("%s should be outside the EEA", out[i]);
	assert_false(adequacy_in_eea(NULL));
}

struct check_case {
	const char *dest, *controller, *on;
	enum adequacy_status want;
	const char *act; /* a part of the decision's act, or NULL */
};

static void
test_check(void **state)
{
	static const struct check_case cases[] = {
	    /* No decision at all: the examples. */
	    {"CN", "NO", "2026-12-02", ADQ_NONE, NULL},
	    {"IN", "SE", "2026-12-02", ADQ_NONE, NULL},
	    {"RU", "NO", "2026-12-02", ADQ_NONE, NULL},
	    {"SG", "NO", "2026-12-02", ADQ_NONE, NULL},
	    /* Each decision on a date it applies. */
	    {"CH", "NO", "2026-12-02", ADQ_IN_FORCE, "2000/518/EC"},
	    {"CA", "SE", "2026-12-02", ADQ_IN_FORCE, "2002/2/EC"},
	    {"AR", "SE", "2026-12-02", ADQ_IN_FORCE, "2003/490/EC"},
	    {"GG", "SE", "2026-12-02", ADQ_IN_FORCE, "2003/821/EC"},
	    {"IM", "SE", "2026-12-02", ADQ_IN_FORCE, "2004/411/EC"},
	    {"JE", "SE", "2026-12-02", ADQ_IN_FORCE, "2008/393/EC"},
	    {"FO", "NO", "2026-12-02", ADQ_IN_FORCE, "2010/146/EU"},
	    {"AD", "SE", "2026-12-02", ADQ_IN_FORCE, "2010/625/EU"},
	    {"IL", "SE", "2026-12-02", ADQ_IN_FORCE, "2011/61/EU"},
	    {"UY", "SE", "2026-12-02", ADQ_IN_FORCE, "2012/484/EU"},
	    {"NZ", "SE", "2026-12-02", ADQ_IN_FORCE, "2013/65/EU"},
	    {"JP", "SE", "2026-12-02", ADQ_IN_FORCE, "2019/419"},
	    {"KR", "SE", "2026-12-02", ADQ_IN_FORCE, "2022/254"},
	    {"US", "SE", "2026-12-02", ADQ_IN_FORCE, "2023/1795"},
	    {"EPO", "SE", "2026-12-02", ADQ_IN_FORCE, "2025/1382"},
	    {"BR", "SE", "2026-12-02", ADQ_IN_FORCE, "2026/179"},
	    /* Before adoption, and on the day of it. */
	    {"JP", "SE", "2019-01-22", ADQ_NOT_YET, "2019/419"},
	    {"JP", "SE", "2019-01-23", ADQ_IN_FORCE, "2019/419"},
	    {"BR", "SE", "2026-01-25", ADQ_NOT_YET, "2026/179"},
	    {"EPO", "NO", "2025-07-14", ADQ_NOT_YET, "2025/1382"},
	    /* The United Kingdom: the 2021 decision ran to 27 December 2025
	     * after its extension; the renewal from 19 December 2025 runs to
	     * 27 December 2031. UK is accepted beside GB. */
	    {"GB", "SE", "2021-06-27", ADQ_NOT_YET, "2021/1772"},
	    {"GB", "SE", "2025-06-28", ADQ_IN_FORCE, "2021/1772"},
	    {"GB", "SE", "2025-12-27", ADQ_IN_FORCE, "2021/1772"},
	    {"GB", "SE", "2025-12-28", ADQ_IN_FORCE, "19 December 2025"},
	    {"UK", "NO", "2026-12-02", ADQ_IN_FORCE, "19 December 2025"},
	    {"GB", "SE", "2031-12-27", ADQ_IN_FORCE, "19 December 2025"},
	    {"GB", "SE", "2031-12-28", ADQ_ENDED, "19 December 2025"},
	    /* The EEA EFTA states: Brazil's decision is not yet in the EEA
	     * Agreement, so it does not count in Iceland or Liechtenstein;
	     * Norway applies it from its EU date. */
	    {"BR", "IS", "2026-12-02", ADQ_NOT_IN_EEA, "2026/179"},
	    {"BR", "LI", "2026-12-02", ADQ_NOT_IN_EEA, "2026/179"},
	    {"BR", "NO", "2026-12-02", ADQ_IN_FORCE, "2026/179"},
	    {"BR", "IS", "2026-01-25", ADQ_NOT_YET, "2026/179"},
	    /* Korea: EU from 17 December 2021, EEA from 8 July 2022. */
	    {"KR", "IS", "2022-07-07", ADQ_NOT_IN_EEA, "2022/254"},
	    {"KR", "IS", "2022-07-08", ADQ_IN_FORCE, "2022/254"},
	    {"KR", "NO", "2021-12-17", ADQ_IN_FORCE, "2022/254"},
	    {"KR", "DE", "2021-12-16", ADQ_NOT_YET, "2022/254"},
	    /* No controller country counts as an EU member state. */
	    {"KR", NULL, "2021-12-17", ADQ_IN_FORCE, "2022/254"},
	    /* Privacy Shield and Safe Harbour are gone. */
	    {"US", "SE", "2020-07-17", ADQ_NOT_YET, "2023/1795"},
	    {"XX", "SE", "2026-12-02", ADQ_NONE, NULL},
	    {"", "SE", "2026-12-02", ADQ_NONE, NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct check_case *c = &cases[i];
		const struct adequacy *a = (const struct adequacy *)1;
		enum adequacy_status s =
		    adequacy_check(c->dest, c->controller, day(c->on), &a);

		if (s != c->want)
			fail_msg("%s from %s on %s: status %d, want %d",
			    c->dest, c->controller ? c->controller : "-", c->on,
			    (int)s, (int)c->want);
		if (c->act == NULL) {
			if (a != NULL)
				fail_msg(
				    "%s: a decision for no decision", c->dest);
		} else if (a == NULL || strstr(a->act, c->act) == NULL) {
			fail_msg("%s from %s on %s: act %s, want %s", c->dest,
			    c->controller ? c->controller : "-", c->on,
			    a ? a->act : "none", c->act);
		}
	}
}

/* Only the United States decision is limited to certified recipients;
 * rows are oldest first and none names an EEA country. */
static void
test_table(void **state)
{
	size_t i, dpf = 0;

	(void)state;
	for (i = 0; i < adequacy_count; i++) {
		const struct adequacy *a = &adequacy_table[i];
		char code[4] = {0};

		if (a->flags & ADQ_DPF) {
			assert_string_equal(a->codes, "US");
			dpf++;
		}
		if (i > 0)
			assert_true(date_cmp(adequacy_table[i - 1].adopted,
			                a->adopted) <= 0);
		if (a->until.y != 0)
			assert_true(date_cmp(a->adopted, a->until) < 0);
		if (a->eea_from.y != 0)
			assert_true(date_cmp(a->adopted, a->eea_from) <= 0);
		memcpy(code, a->codes, 2);
		assert_false(adequacy_in_eea(code));
	}
	assert_int_equal(dpf, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_eea),
	    cmocka_unit_test(test_check),
	    cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
