/*
 * Where personal data may go without a Chapter V safeguard: the extent of
 * the EEA, and the Commission's adequacy decisions (Art. 45) with the
 * dates they apply from in the EU and in the EEA EFTA states.
 */
#ifndef GD_ADEQUACY_H
#define GD_ADEQUACY_H

#include <stddef.h>

#include "date.h"

/* The recipient must be certified under the EU-US Data Privacy
 * Framework; the decision covers no one else in the country. */
#define ADQ_DPF 0x1
/* In the EEA Agreement, or taken to be, on a date not recorded here: the
 * EU date stands for it. */
#define ADQ_EEA_UNDATED 0x2

struct adequacy {
	/* ISO 3166-1 alpha-2 codes separated by spaces, or the short name of
	 * an international organisation (EPO) */
	const char *codes;
	const char *name;
	const char *act;   /* "Implementing Decision (EU) 2019/419" */
	const char *scope; /* who in the country is covered; NULL: all */
	struct gd_date adopted;
	struct gd_date until; /* the last day it applies; {0}: no end */
	/* When it took effect in the EEA Agreement (EEA Joint Committee
	 * decision); {0} and no ADQ_EEA_UNDATED: not incorporated. */
	struct gd_date eea_from;
	const char *eea_act; /* "JCD of 8 July 2022"; NULL when unknown */
	unsigned flags;
};

/* Every decision, oldest first; the table gdprctl(5) lists. */
extern const struct adequacy adequacy_table[];
extern const size_t adequacy_count;

enum adequacy_status {
	ADQ_IN_FORCE,   /* a decision applies on the date */
	ADQ_NONE,       /* no decision names the recipient */
	ADQ_NOT_YET,    /* adopted after the date */
	ADQ_ENDED,      /* every decision for it ended before the date */
	ADQ_NOT_IN_EEA, /* in force in the EU, not yet in the EEA Agreement */
};

/*
 * Whether a country code is in the EEA: the EU member states (Greece as
 * GR or EL), their territories that are part of the EU under their own
 * ISO codes (Åland AX, French Guiana GF, Guadeloupe GP, Martinique MQ,
 * Mayotte YT, Réunion RE, Saint-Martin MF), Iceland, Liechtenstein and
 * Norway.
 */
int adequacy_in_eea(const char *country);

/*
 * Whether an adequacy decision covers transfers to dest (a country code
 * or an organisation's short name) by a controller established in
 * controller (a country code; NULL counts as an EU member state) on the
 * date on. *out is set to the decision concerned, or NULL with
 * ADQ_NONE. Iceland and Liechtenstein apply a decision from its
 * incorporation into the EEA Agreement; Norway applies it from its EU
 * date (see adequacy.c).
 */
enum adequacy_status adequacy_check(const char *dest, const char *controller,
    struct gd_date on, const struct adequacy **out);

#endif
