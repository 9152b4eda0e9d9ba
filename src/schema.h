/*
 * JSON Schema (draft 2020-12) validation of loaded YAML/JSON node trees, for
 * the keywords SPEC §2 lists. Schemas are compiled once into a set; after
 * schema_set_finish the set is read-only and may be used from several
 * threads at once.
 */
#ifndef GD_SCHEMA_H
#define GD_SCHEMA_H

#include <stddef.h>

#include "diag.h"
#include "yml.h"

struct schema_set; /* compiled schemas, by file name */
struct schema;     /* one compiled (sub)schema */

int schema_set_new(struct schema_set **out);
/*
 * Compile a schema document, taking ownership of doc (also on failure).
 * name is how a $ref names the file ("common.schema.json"). Problems in the
 * schema go to d (rule "schema") at their position in doc->path.
 */
int schema_set_add(struct schema_set *set, const char *name,
    struct yml_doc *doc, struct diag_list *d);
/* Compile the schema files built into the binary (src/schema_data.h). */
int schema_set_add_builtin(struct schema_set *set, struct diag_list *d);
/* Resolve every $ref; after this the set is read-only and thread-safe. */
int schema_set_finish(struct schema_set *set, struct diag_list *d);
/* The root schema of the file called name, or NULL. */
const struct schema *schema_set_get(
    const struct schema_set *set, const char *name);
/*
 * Validate a node tree. Each failure becomes a finding of rule "schema" at
 * the offending node, under path, with the node's JSON pointer. Returns the
 * number of findings added.
 */
size_t schema_validate(const struct schema *s, const struct yml_node *root,
    const char *path, struct diag_list *d);
/* Whether root is valid, without findings. */
int schema_is_valid(const struct schema *s, const struct yml_node *root);
void schema_set_free(struct schema_set *set);

#endif
