/* gdprctl schema: export the built-in schemas, validate files against one. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "schema_data.h"
#include "write.h"

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
	(void)ctx;
	if (argc < 2)
		return usage_error("schema",
		    "schema needs a verb: export or "
		    "validate");
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		return print_usage("schema");
	if (strcmp(argv[1], "export") == 0)
		return schema_export(argc - 1, argv + 1);
	return usage_error("schema", "'%s' is not a schema verb", argv[1]);
}
