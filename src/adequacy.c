/*
 * The extent of the EEA and the built-in table of adequacy decisions
 * (Art. 45). Each row names its act and where its dates were checked;
 * gdprctl(5) lists the table and says how to keep it current.
 */
#include <string.h>

#include "adequacy.h"

/*
 * EU 27 (Greece also as EL, the EU's own code), the territories that are
 * part of the EU under ISO codes of their own (Art. 355(1) TFEU: the
 * outermost regions; Art. 355(4): Åland), and the EEA EFTA states. The
 * Canary Islands, the Azores, Madeira, Ceuta and Melilla have no code of
 * their own (ES, PT). The Faroe Islands, Greenland and the overseas
 * countries and territories (Art. 355(2)) are outside the EU.
 */
static const char eea[] = "AT AX BE BG CY CZ DE DK EE EL ES FI FR GF GP GR "
                          "HR HU IE IS IT LI LT LU LV MF MQ MT NL NO PL PT "
                          "RE RO SE SI SK YT ";

int
adequacy_in_eea(const char *country)
{
	const char *p;

	if (country == NULL || strlen(country) != 2)
		return 0;
	for (p = eea; *p; p += 3)
		if (p[0] == country[0] && p[1] == country[1])
			return 1;
	return 0;
}

#define D(y, m, d)                                                             \
	{                                                                      \
		y, m, d                                                        \
	}
#define NONE                                                                   \
	{                                                                      \
		0, 0, 0                                                        \
	}

/*
 * The decisions adopted under Directive 95/46/EC (the first eleven rows)
 * carry their act numbers as in EUR-Lex; all eleven were amended by
 * Implementing Decision (EU) 2016/2295 of 16 December 2016 (EUR-Lex
 * 32016D2295) and confirmed in force by the Commission's review of 15
 * January 2024. Every decision under the Directive was incorporated into
 * the EEA Agreement (europalov.no, on Decision 2003/821/EC).
 */
const struct adequacy adequacy_table[] = {
    {"CH", "Switzerland", "Decision 2000/518/EC", NULL, D(2000, 7, 26), NONE,
        NONE, NULL, ADQ_EEA_UNDATED},
    {"CA", "Canada", "Decision 2002/2/EC",
        "commercial organisations subject to PIPEDA", D(2001, 12, 20), NONE,
        NONE, NULL, ADQ_EEA_UNDATED},
    {"AR", "Argentina", "Decision 2003/490/EC", NULL, D(2003, 6, 30), NONE,
        NONE, NULL, ADQ_EEA_UNDATED},
    {"GG", "Guernsey", "Decision 2003/821/EC", NULL, D(2003, 11, 21), NONE,
        NONE, NULL, ADQ_EEA_UNDATED},
    {"IM", "Isle of Man", "Decision 2004/411/EC", NULL, D(2004, 4, 28), NONE,
        NONE, NULL, ADQ_EEA_UNDATED},
    {"JE", "Jersey", "Decision 2008/393/EC", NULL, D(2008, 5, 8), NONE, NONE,
        NULL, ADQ_EEA_UNDATED},
    {"FO", "Faroe Islands", "Decision 2010/146/EU", NULL, D(2010, 3, 5), NONE,
        NONE, NULL, ADQ_EEA_UNDATED},
    {"AD", "Andorra", "Decision 2010/625/EU", NULL, D(2010, 10, 19), NONE, NONE,
        NULL, ADQ_EEA_UNDATED},
    {"IL", "Israel", "Decision 2011/61/EU", NULL, D(2011, 1, 31), NONE, NONE,
        NULL, ADQ_EEA_UNDATED},
    {"UY", "Uruguay", "Implementing Decision 2012/484/EU", NULL, D(2012, 8, 21),
        NONE, NONE, NULL, ADQ_EEA_UNDATED},
    /* OJ L 28, 30.1.2013, p. 12: adopted 19 December 2012. */
    {"NZ", "New Zealand", "Implementing Decision 2013/65/EU", NULL,
        D(2012, 12, 19), NONE, NONE, NULL, ADQ_EEA_UNDATED},
    /* EUR-Lex 32019D0419. EEA incorporation date not confirmed at its
     * source; the EU date stands for it. */
    {"JP", "Japan", "Implementing Decision (EU) 2019/419",
        "business operators subject to the APPI", D(2019, 1, 23), NONE, NONE,
        NULL, ADQ_EEA_UNDATED},
    /* Adopted 28 June 2021 for four years (to 27 June 2025), extended in
     * June 2025 to 27 December 2025 while the Data (Use and Access) Act
     * 2025 was assessed (Commission, 24 June 2025). UK is the code the
     * ISO reserves for the United Kingdom beside GB. */
    {"GB UK", "United Kingdom", "Implementing Decision (EU) 2021/1772", NULL,
        D(2021, 6, 28), D(2025, 12, 27), NONE, NULL, ADQ_EEA_UNDATED},
    /* EUR-Lex 32022D0254. EEA Joint Committee decision of 8 July 2022
     * (europalov.no, "Beskyttelse av personopplysninger ved
     * datautveksling med Sør-Korea"). */
    {"KR", "Republic of Korea", "Implementing Decision (EU) 2022/254", NULL,
        D(2021, 12, 17), NONE, D(2022, 7, 8),
        "EEA Joint Committee decision of 8 July 2022", 0},
    /* EUR-Lex 32023D1795: organisations on the Data Privacy Framework
     * List of the US Department of Commerce. */
    {"US", "United States", "Implementing Decision (EU) 2023/1795",
        "organisations certified under the EU-US Data Privacy Framework",
        D(2023, 7, 10), NONE, NONE, NULL, ADQ_EEA_UNDATED | ADQ_DPF},
    /* EUR-Lex 32025D1382, OJ L 18.7.2025: the first decision for an
     * international organisation (Art. 45(1)). */
    {"EPO", "European Patent Organisation",
        "Implementing Decision (EU) 2025/1382", NULL, D(2025, 7, 15), NONE,
        NONE, NULL, ADQ_EEA_UNDATED},
    /* The renewal adopted 19 December 2025, for six years: to 27 December
     * 2031 (Commission, 19 December 2025). */
    {"GB UK", "United Kingdom", "Implementing Decision of 19 December 2025",
        NULL, D(2025, 12, 19), D(2031, 12, 27), NONE, NULL, ADQ_EEA_UNDATED},
    /* EUR-Lex 32026D0179, OJ 28.1.2026. Not yet in the EEA Agreement: the
     * EEA EFTA states sent their draft Joint Committee decision to the
     * Commission on 6 May 2026 (europalov.no, "Beskyttelse av
     * personopplysninger ved datautveksling med Brasil"). */
    {"BR", "Brazil", "Implementing Decision (EU) 2026/179", NULL,
        D(2026, 1, 26), NONE, NONE, NULL, 0},
};
const size_t adequacy_count =
    sizeof(adequacy_table) / sizeof(adequacy_table[0]);

/*
 * The EEA EFTA states. Pending a Joint Committee decision an EFTA state
 * may apply an adequacy decision already (Art. 45(1a) as inserted for the
 * EFTA states by EEA Joint Committee Decision No 154/2018). Norway does:
 * a decision applies there from its EU date (personopplysningsforskriften
 * § 2; the Government's EEA note on Implementing Decision (EU) 2022/254).
 * Iceland and Liechtenstein are held to the incorporation date.
 */
static int
eea_date_applies(const char *controller)
{
	return controller != NULL &&
	    (strcmp(controller, "IS") == 0 || strcmp(controller, "LI") == 0);
}

static int
names(const struct adequacy *a, const char *dest)
{
	size_t n = strlen(dest);
	const char *p = a->codes;

	while (*p) {
		size_t len = strcspn(p, " ");

		if (len == n && strncmp(p, dest, n) == 0)
			return 1;
		p += len;
		p += strspn(p, " ");
	}
	return 0;
}

static int
is_set(struct gd_date d)
{
	return d.y != 0;
}

/* How near a decision that does not apply comes to applying. */
static int
nearness(enum adequacy_status s)
{
	switch (s) {
	case ADQ_NOT_IN_EEA:
		return 3;
	case ADQ_ENDED:
		return 2;
	case ADQ_NOT_YET:
		return 1;
	default:
		return 0;
	}
}

enum adequacy_status
adequacy_check(const char *dest, const char *controller, struct gd_date on,
    const struct adequacy **out)
{
	enum adequacy_status best = ADQ_NONE;
	size_t i;

	*out = NULL;
	if (dest == NULL)
		return ADQ_NONE;
	for (i = 0; i < adequacy_count; i++) {
		const struct adequacy *a = &adequacy_table[i];
		enum adequacy_status s;

		if (!names(a, dest))
			continue;
		if (date_cmp(on, a->adopted) < 0)
			s = ADQ_NOT_YET;
		else if (is_set(a->until) && date_cmp(on, a->until) > 0)
			s = ADQ_ENDED;
		else if (eea_date_applies(controller) &&
		    !(a->flags & ADQ_EEA_UNDATED) &&
		    (!is_set(a->eea_from) || date_cmp(on, a->eea_from) < 0))
			s = ADQ_NOT_IN_EEA;
		else {
			*out = a;
			return ADQ_IN_FORCE;
		}
		/* The rows are oldest first: keep the latest that ended and
		 * the earliest not yet adopted. */
		if (nearness(s) > nearness(best) ||
		    (s == ADQ_ENDED && best == ADQ_ENDED)) {
			*out = a;
			best = s;
		}
	}
	return best;
}
