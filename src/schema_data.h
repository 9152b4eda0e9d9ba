/* The schema files of schema/, built into the binary by tools/embed.sh. */
#ifndef GD_SCHEMA_DATA_H
#define GD_SCHEMA_DATA_H

#include <stddef.h>

struct schema_file {
	const char *name; /* "incident.schema.json" */
	const char *data; /* NUL-terminated */
	size_t len;
};

extern const struct schema_file schema_files[];
extern const unsigned schema_nfiles;

#endif
