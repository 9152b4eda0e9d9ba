/* gdprctl schema: export the built-in schemas, validate files against one. */
#include <dirent.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "schema.h"
#include "schema_data.h"
#include "write.h"
#include "xalloc.h"
#include "yml.h"

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * Any YAML or JSON file: JSON (by its name) with surrogate pairs joined;
 * control characters are data here, not a mistake in a record.
 */
static int
load_any(struct yml_doc **doc, const char *path, struct diag_list *d)
{
	unsigned flags = YML_ANY_ROOT | YML_ALLOW_CTRL;

	if (ends_with(path, ".json"))
		flags |= YML_JSON;
	return yml_load_file(doc, path, path, flags, d);
}

/* Add a schema file under its base name, for $refs from its siblings. */
static int
add_schema(struct schema_set *set, const char *path, struct diag_list *d)
{
	struct yml_doc *doc = NULL;
	char *copy = xstrdup(path);
	int rc = load_any(&doc, path, d);

	if (rc == 0)
		rc = schema_set_add(set, basename(copy), doc, d);
	free(copy);
	return rc;
}

/*
 * The schema and the *.schema.json files beside it, so that references
 * between exported schemas resolve.
 */
static int
load_schemas(struct schema_set *set, const char *path, struct diag_list *d)
{
	char *dcopy = xstrdup(path), *bcopy = xstrdup(path);
	const char *dir = dirname(dcopy), *base = basename(bcopy);
	struct buf sib = BUF_INIT;
	struct dirent *de;
	DIR *dp;
	int rc = add_schema(set, path, d);

	if (rc == 0 && (dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			if (!ends_with(de->d_name, ".schema.json") ||
			    strcmp(de->d_name, base) == 0)
				continue;
			buf_reset(&sib);
			buf_printf(&sib, "%s/%s", dir, de->d_name);
			if (add_schema(set, sib.ptr, d) != 0)
				rc = -1;
		}
		closedir(dp);
	}
	buf_free(&sib);
	free(dcopy);
	free(bcopy);
	return rc;
}

static int
schema_check_files(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct diag_list d = DIAG_LIST_INIT, sd = DIAG_LIST_INIT;
	enum diag_format fmt = DIAG_TEXT;
	struct schema_set *set = NULL;
	const struct schema *s;
	char *copy = NULL;
	int ch, i, rc = EXIT_FAIL, unreadable = 0;

	opt_reset();
	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'f':
			if (diag_format_parse(optarg, &fmt) < 0)
				return usage_error("schema",
				    "--format takes text, json, github, sarif "
				    "or codequality, not '%s'",
				    optarg);
			break;
		case 'h':
			return print_usage("schema");
		default:
			return opt_error("schema", ch, argv);
		}
	}
	if (argc - optind < 2)
		return usage_error("schema",
		    "schema validate takes a schema and one or more files");
	if (schema_set_new(&set) < 0)
		goto done;
	if (load_schemas(set, argv[optind], &sd) != 0 ||
	    schema_set_finish(set, &sd) < 0) {
		diag_sort(&sd);
		diag_print(&sd, stderr, DIAG_TEXT, 0);
		diag_error("cannot use '%s' as a JSON Schema", argv[optind]);
		goto done;
	}
	copy = xstrdup(argv[optind]);
	s = schema_set_get(set, basename(copy));
	for (i = optind + 1; i < argc; i++) {
		struct yml_doc *doc = NULL;
		int lrc = load_any(&doc, argv[i], &d);

		if (lrc == -2)
			unreadable = 1;
		if (lrc == 0)
			schema_validate(s, doc->root, argv[i], &d);
		yml_doc_free(doc);
	}
	diag_sort(&d);
	if (diag_print(&d, stdout, fmt, ctx->color_out) < 0 || unreadable)
		goto done;
	rc = diag_count(&d, DIAG_ERROR) > 0 ? EXIT_FINDINGS : EXIT_OK;
	if (rc == EXIT_FINDINGS)
		diag_format_summary(&d, fmt);
done:
	free(copy);
	schema_set_free(set);
	diag_list_free(&d);
	diag_list_free(&sd);
	return rc;
}

static int
schema_export(int argc, char **argv)
{
	struct buf path = BUF_INIT;
	unsigned i;
	int rc = EXIT_FAIL;

	if (argc != 2)
		return usage_error(
		    "schema", "schema export takes one directory");
	if (write_mkdir(argv[1]) < 0)
		goto done;
	for (i = 0; i < schema_nfiles; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s", argv[1], schema_files[i].name);
		if (write_replace(path.ptr, schema_files[i].data,
		        schema_files[i].len) < 0)
			goto done;
	}
	diag_info("wrote %u schemas to '%s'", schema_nfiles, argv[1]);
	rc = EXIT_OK;
done:
	buf_free(&path);
	return rc;
}

int
cmd_schema(int argc, char **argv, struct gd_ctx *ctx)
{
	if (argc < 2)
		return usage_error("schema",
		    "schema needs a verb: export or "
		    "validate");
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		return print_usage("schema");
	if (strcmp(argv[1], "export") == 0)
		return schema_export(argc - 1, argv + 1);
	if (strcmp(argv[1], "validate") == 0)
		return schema_check_files(argc - 1, argv + 1, ctx);
	return usage_error("schema", "'%s' is not a schema verb", argv[1]);
}
