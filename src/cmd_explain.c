/* gdprctl explain: what a rule checks, why, and how to fix a finding. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"

#define EXPLAIN_WIDTH 76
#define EXPLAIN_INDENT 4

/* text as lines of at most EXPLAIN_WIDTH columns, indented. */
static void
wrap(struct buf *b, const char *text)
{
	const char *p = text;
	size_t col = 0;

	while (*p != '\0') {
		const char *end = p;
		size_t n, w = 0;

		while (*end != '\0' && *end != ' ')
			end++;
		n = (size_t)(end - p);
		for (size_t i = 0; i < n; i++)
			w += ((unsigned char)p[i] & 0xC0) != 0x80;
		if (col > 0 && col + 1 + w > EXPLAIN_WIDTH) {
			buf_putc(b, '\n');
			col = 0;
		}
		if (col == 0) {
			buf_fill(b, ' ', EXPLAIN_INDENT);
			col = EXPLAIN_INDENT;
		} else {
			buf_putc(b, ' ');
			col++;
		}
		buf_add(b, p, n);
		col += w;
		p = end;
		while (*p == ' ')
			p++;
	}
	buf_putc(b, '\n');
}

static void
explain(const struct rule_info *ri, struct buf *b)
{
	int i;

	buf_printf(b, "%s: %s\n\n", ri->id, ri->summary);
	buf_printf(b, "Default severity: %s", diag_severity_name(ri->severity));
	if (ri->flags & RULE_WARNING_FORM)
		buf_puts(b, ", and warning for some findings");
	if (ri->flags & RULE_FIXED)
		buf_puts(b, "; rules: in gdprctl.yaml cannot lower it");
	buf_putc(b, '\n');
	if (ri->articles[0] != NULL) {
		buf_puts(b, "Articles: ");
		for (i = 0; i < RULE_MAX_ARTICLES && ri->articles[i]; i++)
			buf_printf(b, "%s%s", i ? ", " : "", ri->articles[i]);
		buf_putc(b, '\n');
	}
	buf_puts(b, "\nWhat it checks\n");
	wrap(b, ri->checks);
	buf_puts(b, "\nWhy\n");
	wrap(b, ri->why);
	buf_puts(b, "\nHow to fix a finding\n");
	wrap(b, ri->fix);
}

int
cmd_explain(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct buf out = BUF_INIT;
	enum rule r;
	int ch;

	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'h':
			return print_usage("explain");
		default:
			return opt_error("explain", ch, argv);
		}
	}
	if (optind + 1 != argc)
		return usage_error("explain", "explain takes one rule name");
	if (rule_lookup(argv[optind], &r) < 0)
		return usage_error("explain",
		    "'%s' is not a rule; 'gdprctl rules' lists them",
		    argv[optind]);
	explain(&rule_catalog[r], &out);
	fwrite(out.ptr, 1, out.len, stdout);
	buf_free(&out);
	return EXIT_OK;
}
