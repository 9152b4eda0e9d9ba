/* The "format" assertions of schemas: date, date-time and email. */
#include <arpa/inet.h>
#include <string.h>

#include "date.h"
#include "schema_int.h"

static int
atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') ||
	    (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/* Local part: a dot-atom or a quoted string; returns its length or 0. */
static size_t
email_local(const char *s, size_t len)
{
	size_t i = 0;

	if (len > 0 && s[0] == '"') {
		for (i = 1; i < len; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c == '"')
				return i + 1;
			if (c == '\\') {
				if (++i >= len || (unsigned char)s[i] < 0x20 ||
				    (unsigned char)s[i] > 0x7e)
					return 0;
			} else if (c < 0x20 || c > 0x7e) {
				return 0;
			}
		}
		return 0;
	}
	for (;;) {
		size_t start = i;
		while (i < len && atext((unsigned char)s[i]))
			i++;
		if (i == start)
			return 0;
		if (i >= len || s[i] != '.')
			return i;
		i++;
	}
}

static int
email_domain(const char *s, size_t len)
{
	char ip[64];

	if (len > 0 && s[0] == '[') {
		if (len < 3 || s[len - 1] != ']' || len - 2 >= sizeof ip)
			return 0;
		if (len > 7 && !memcmp(s + 1, "IPv6:", 5)) {
			unsigned char a[16];
			memcpy(ip, s + 6, len - 7);
			ip[len - 7] = '\0';
			return inet_pton(AF_INET6, ip, a) == 1;
		} else {
			unsigned char a[4];
			memcpy(ip, s + 1, len - 2);
			ip[len - 2] = '\0';
			return inet_pton(AF_INET, ip, a) == 1;
		}
	}
	if (len == 0 || len > 255)
		return 0;
	for (size_t i = 0; i < len;) {
		size_t start = i;
		while (i < len && s[i] != '.') {
			unsigned char c = (unsigned char)s[i];
			if (!((c >= 'a' && c <= 'z') ||
			        (c >= 'A' && c <= 'Z') ||
			        (c >= '0' && c <= '9') || c == '-'))
				return 0;
			i++;
		}
		if (i == start || i - start > 63 || s[start] == '-' ||
		    s[i - 1] == '-')
			return 0;
		if (i < len && ++i == len)
			return 0;
	}
	return 1;
}

/* RFC 5321 Mailbox: local part "@" domain or address literal. */
static int
email_ok(const char *s, size_t len)
{
	size_t n = email_local(s, len);

	if (n == 0 || n > 64 || n >= len || s[n] != '@')
		return 0;
	return email_domain(s + n + 1, len - n - 1);
}

int
schema_format_ok(enum schema_format f, const char *s, size_t len)
{
	struct gd_datetime dt;

	switch (f) {
	case SF_DATE:
		return date_format_date_ok(s, len);
	case SF_DATETIME:
		/* RFC 3339, or a record's date-time without seconds (SPEC §1).
		 */
		return date_format_datetime_ok(s, len) ||
		    datetime_parse(s, len, &dt, NULL) == 0;
	case SF_EMAIL:
		return email_ok(s, len);
	case SF_NONE:
		break;
	}
	return 1;
}
