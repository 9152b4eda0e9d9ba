/* Rules id-filename and id-duplicate: ids match file names and are unique. */
#include <string.h>

#include "rules.h"

static void
check_filename(const struct record *rec, struct diag_list *d)
{
	const struct kind_info *ki = kinds[rec->kind];
	const char *base = strrchr(rec->path, '/');
	const struct yml_node *n = rec->id_node;
	size_t plen = strlen(ki->prefix), idlen;

	base = base ? base + 1 : rec->path;
	if (rec->id == NULL) {
		if (strlen(base) < 5 ||
		    strcmp(base + strlen(base) - 5, ".yaml") != 0)
			diag_add(d, rec->path, 0, 0, RULE_ID_FILENAME,
			    "record files end in .yaml; rename the file");
		return;
	}
	if (strncmp(rec->id, ki->prefix, plen) != 0 || rec->id[plen] != '-') {
		diag_add(d, rec->path, n->line, n->col, RULE_ID_FILENAME,
		    "id \"%s\" in %s/ must start with %s-; move the file or "
		    "fix the id",
		    rec->id, ki->dir, ki->prefix);
		return;
	}
	idlen = strlen(rec->id);
	if (strncmp(base, rec->id, idlen) != 0 ||
	    strcmp(base + idlen, ".yaml") != 0)
		diag_add(d, rec->path, n->line, n->col, RULE_ID_FILENAME,
		    "id \"%s\" does not match the file name; rename the file "
		    "to %s.yaml or fix the id",
		    rec->id, rec->id);
}

void
rules_ids(const struct repo *r, struct diag_list *d)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		const struct record *rec = &r->recs[i];
		const struct record *first;

		if (!rec->in_scope || rec->doc == NULL)
			continue;
		check_filename(rec, d);
		if (rec->id == NULL)
			continue;
		first = repo_find(r, rec->kind, rec->id);
		if (first != NULL && first != rec)
			diag_add(d, rec->path, rec->id_node->line,
			    rec->id_node->col, RULE_ID_DUPLICATE,
			    "id \"%s\" is also used by %s; ids must be unique",
			    rec->id, first->path);
	}
}
