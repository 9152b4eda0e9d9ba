/* gdprctl init: create a records repository. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cmd.h"
#include "git.h"
#include "repo.h"
#include "schema_data.h"
#include "write.h"

/* Quote a value for YAML when it is not a safe plain scalar. */
static void
yaml_value(struct buf *b, const char *s)
{
	const char *p;
	int plain = *s != '\0' && strchr("-?:,[]{}#&*!|>'\"%@`~ ", *s) == NULL;

	for (p = s; *p && plain; p++)
		if (*p == ':' || *p == '#' || (unsigned char)*p < 0x20)
			plain = 0;
	if (plain && s[strlen(s) - 1] == ' ')
		plain = 0;
	if (plain &&
	    (strcmp(s, "true") == 0 || strcmp(s, "false") == 0 ||
	        strcmp(s, "null") == 0 || strspn(s, "0123456789") == strlen(s)))
		plain = 0;
	if (plain) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	for (p = s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_putc(b, '\\');
		if ((unsigned char)*p < 0x20)
			buf_printf(b, "\\x%02x", (unsigned char)*p);
		else
			buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

static void
config_text(
    struct buf *b, const char *name, const char *country, const char *locale)
{
	buf_puts(b,
	    "# gdprctl configuration: who is responsible for the "
	    "records in this\n# repository and how they are "
	    "checked. See gdprctl(5).\n"
	    "organisation:\n  name: ");
	yaml_value(b, name);
	buf_puts(b, "\n  # ISO 3166-1 alpha-2 country code\n  country: ");
	yaml_value(b, country);
	buf_puts(b,
	    "\n  # true for a municipality or another public body "
	    "(Art. 6(1), last subparagraph)\n"
	    "  public_authority: false\n"
	    "# The controller and a contact point (Art. 30(1)(a))\n"
	    "controller:\n  name: ");
	yaml_value(b, name);
	buf_puts(b,
	    "\n  contact: postmottak@example.org\n"
	    "# The language of reports: en, nb or sv\n"
	    "locale: ");
	buf_puts(b, locale);
	buf_putc(b, '\n');
}

/* Map each record directory to its schema for yaml-language-server. */
static void
vscode_settings(struct buf *b)
{
	int k;

	buf_puts(b,
	    "{\n  \"yaml.schemas\": {\n"
	    "    \"./.gdprctl/schema/config.schema.json\": "
	    "[\"gdprctl.yaml\"]");
	for (k = 0; k < KIND_COUNT; k++)
		buf_printf(b,
		    ",\n    \"./.gdprctl/schema/%s\": [\"%s/*.yaml\"]",
		    kinds[k]->schema, kinds[k]->dir);
	buf_puts(b, "\n  }\n}\n");
}

/* The schemas and editor settings; existing files are left alone. */
static int
editor_setup(const char *dir)
{
	struct buf path = BUF_INIT, text = BUF_INIT;
	struct stat st;
	unsigned i;
	int rc = -1;

	buf_printf(&path, "%s/.gdprctl", dir);
	if (write_mkdir(path.ptr) < 0)
		goto done;
	buf_puts(&path, "/schema");
	if (write_mkdir(path.ptr) < 0)
		goto done;
	for (i = 0; i < schema_nfiles; i++) {
		buf_reset(&path);
		buf_printf(
		    &path, "%s/.gdprctl/schema/%s", dir, schema_files[i].name);
		if (lstat(path.ptr, &st) == 0)
			continue;
		if (write_new(path.ptr, schema_files[i].data,
		        schema_files[i].len) < 0)
			goto done;
	}
	buf_reset(&path);
	buf_printf(&path, "%s/.vscode", dir);
	if (write_mkdir(path.ptr) < 0)
		goto done;
	buf_puts(&path, "/settings.json");
	if (lstat(path.ptr, &st) == 0) {
		diag_info("left the existing .vscode/settings.json alone; map "
		          "the record directories to .gdprctl/schema/ in "
		          "\"yaml.schemas\" to validate while typing");
	} else {
		vscode_settings(&text);
		if (write_new(path.ptr, text.ptr, text.len) < 0)
			goto done;
	}
	rc = 0;
done:
	buf_free(&path);
	buf_free(&text);
	return rc;
}

int
cmd_init(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"name", required_argument, NULL, 'n'},
	    {"country", required_argument, NULL, 'c'},
	    {"locale", required_argument, NULL, 'l'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *name = "My organisation", *country = "NO", *locale = "en";
	struct buf dir = BUF_INIT, path = BUF_INIT, text = BUF_INIT;
	struct stat st;
	int ch, k, rc = EXIT_FAIL, had_git;

	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'n':
			name = optarg;
			break;
		case 'c':
			country = optarg;
			if (strlen(country) != 2 || country[0] < 'A' ||
			    country[0] > 'Z' || country[1] < 'A' ||
			    country[1] > 'Z')
				return usage_error("init",
				    "--country takes a two-letter ISO 3166 "
				    "code such as NO or SE, not '%s'",
				    country);
			break;
		case 'l':
			locale = optarg;
			if (strcmp(locale, "en") != 0 &&
			    strcmp(locale, "nb") != 0 &&
			    strcmp(locale, "sv") != 0)
				return usage_error("init",
				    "--locale takes en, nb or sv, not '%s'",
				    locale);
			break;
		case 'h':
			return print_usage("init");
		default:
			return opt_error("init", ch, argv);
		}
	}
	if (argc - optind > 1)
		return usage_error("init", "init takes at most one directory");
	if (*name == '\0')
		return usage_error("init", "--name must not be empty");
	if (argc - optind == 1 && argv[optind][0] == '/')
		buf_puts(&dir, argv[optind]);
	else
		buf_printf(&dir, "%s/%s", ctx->dir,
		    argc - optind == 1 ? argv[optind] : ".");
	if (stat(dir.ptr, &st) < 0 && write_mkdir(dir.ptr) < 0)
		goto done;
	buf_printf(&path, "%s/%s", dir.ptr, CONFIG_FILE);
	if (lstat(path.ptr, &st) == 0) {
		diag_error("%s already exists in '%s'; not overwriting it",
		    CONFIG_FILE, argc - optind == 1 ? argv[optind] : ".");
		goto done;
	}
	had_git = git_in_repo(dir.ptr);
	if (!had_git && git_init_repo(dir.ptr) < 0)
		goto done;
	config_text(&text, name, country, locale);
	if (write_new(path.ptr, text.ptr, text.len) < 0)
		goto done;
	for (k = 0; k < KIND_COUNT; k++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir.ptr, kinds[k]->dir);
		if (write_mkdir(path.ptr) < 0)
			goto done;
	}
	if (editor_setup(dir.ptr) < 0)
		goto done;
	diag_info("created a records repository in '%s'%s",
	    argc - optind == 1 ? argv[optind] : ".",
	    had_git ? "" : " (and ran git init)");
	rc = EXIT_OK;
done:
	buf_free(&dir);
	buf_free(&path);
	buf_free(&text);
	return rc;
}
