/* The compliance rules of SPEC section 2 beyond yaml and schema. */
#ifndef GD_RULES_H
#define GD_RULES_H

#include "diag.h"
#include "repo.h"

/* id-filename and id-duplicate over the records of the repository. */
void rules_ids(const struct repo *r, struct diag_list *d);

#endif
