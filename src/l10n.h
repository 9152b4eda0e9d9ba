/*
 * Localisation: the one table of labels of reports and terminal output,
 * in English, Norwegian bokmål and Swedish, looked up by a stable key.
 */
#ifndef GD_L10N_H
#define GD_L10N_H

#include <stddef.h>

#include "buf.h"

enum l10n_locale {
	L10N_EN,
	L10N_NB,
	L10N_SV,
	L10N_NLOCALES,
};

/* Whether s names a supported locale: "en", "nb" or "sv". */
int l10n_locale_valid(const char *s);

/*
 * The label of key in locale ("en" when locale is NULL or unknown). A key
 * the table lacks comes back as itself, so a typo shows in the output.
 */
const char *l10n_get(const char *locale, const char *key);

/*
 * The label of the value of an enum field: l10n_enum("sv", "priority",
 * "high") is "Hög". A value the table does not know (a record that breaks
 * its schema) comes back as it is: data values are never translated.
 */
const char *l10n_enum(const char *locale, const char *type, const char *value);

/*
 * Append the label of key with {1}..{9} replaced by the arguments, a
 * NULL-terminated list of strings: l10n_format(b, "nb",
 * "report.status.tasks_complete", "3", "20", NULL).
 */
void l10n_format(struct buf *out, const char *locale, const char *key, ...)
    __attribute__((sentinel));

/* The table itself, for the consistency tests. */
struct l10n_entry {
	const char *key;
	const char *text[L10N_NLOCALES];
};

extern const struct l10n_entry l10n_table[];
extern const size_t l10n_size;

#endif
