/* Detection and masking of Nordic national identity numbers in free text. */
#ifndef GD_IDNUM_H
#define GD_IDNUM_H

#include <stddef.h>

#include "buf.h"

enum idnum_kind {
	IDNUM_NO_FNR,    /* Norwegian fødselsnummer */
	IDNUM_NO_DNR,    /* Norwegian D-number: day + 40 */
	IDNUM_NO_HNR,    /* Norwegian H-number: month + 40 */
	IDNUM_NO_SYNTH,  /* Tenor synthetic: month + 80, day + 40 or not */
	IDNUM_SE_PNR,    /* Swedish personnummer */
	IDNUM_SE_SAMORD, /* Swedish samordningsnummer: day + 60 */
	IDNUM_FI_HETU,   /* Finnish henkilötunnus */
	IDNUM_DK_CPR,    /* Danish CPR number, DDMMYY-SSSS form only */
};

struct idnum_match {
	size_t off, len; /* the number's bytes in the scanned text */
	enum idnum_kind kind;
};

/*
 * Finds every identity number in s[0..len): returns the count and, when
 * it is not 0, a malloc'd array in *out (else *out is NULL); free() it.
 * One linear pass that allocates nothing unless it finds something.
 *
 * A number is not found inside a longer run of digits: the byte before it
 * must not be a digit, nor the byte after it (for a henkilötunnus, whose
 * last character may be a letter, not a letter either). Dates must be
 * real after removing the D, H, synthetic and samordning offsets.
 *
 * The text "DDMMYY-NNNN" can read as three kinds; it is reported once,
 * as the first of these that holds: Finnish (mod-31 check character),
 * Swedish (Luhn), Danish (date only). Other forms cannot overlap:
 * Norwegian numbers are 11 digits, Swedish 10 or 12, and the 12-digit
 * Swedish form counts once, not again as its 10-digit tail.
 */
size_t idnum_scan(const char *s, size_t len, struct idnum_match **out);

/* "Norwegian fødselsnummer", "Swedish personnummer", ... */
const char *idnum_kind_name(enum idnum_kind k);

/*
 * Appends s[0..len) masked: the first four digits kept, every later digit
 * and every letter replaced by '*', separators kept ("1508**-****").
 */
void idnum_mask(const char *s, size_t len, struct buf *out);

#endif
