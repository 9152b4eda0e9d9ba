/* Internals shared by the repo*.c files. */
#ifndef GD_REPO_INT_H
#define GD_REPO_INT_H

#include "repo.h"

/* Order records by path, for qsort. */
int repo_cmp_path(const void *a, const void *b);
/*
 * A record's path "dir/name" (dir of dlen bytes, none when 0), followed
 * after its NUL by the name up to its first dot, the id repo_name_ids
 * takes from it; r keeps the block until repo_free.
 */
char *repo_keep_path(
    struct repo *r, const char *dir, size_t dlen, const char *name);
/*
 * List every record directory of the working tree on the pool; with rev
 * not NULL, compare the tree of rev with git's index and then the index
 * with the working tree's stat data meanwhile, into *ch (NULL after
 * reporting why not).
 */
int repo_list_worktree(
    struct repo *r, const char *rev, struct git_changes **ch);
/*
 * Load path (relative to the root) from the working tree, or from the
 * commit of --at. Returns 0, -1 after a finding, -2 after a program error
 * and, from a commit only, 1 when the file is not there.
 */
int repo_load_file(const struct repo *r, const char *path, struct yml_doc **doc,
    struct diag_list *d);
/* Set rec's id and id_node from its doc. */
void repo_set_id(struct record *rec);

#endif
