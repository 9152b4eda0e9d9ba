/* --changed-since: findings only about the records changed since a commit. */
#include <stdlib.h>

#include "repo.h"
#include "repo_int.h"
#include "xalloc.h"

/* Put in scope the records changed since ch's commit; looked: every
 * slice of the stat data went through git_changes_look. */
static int
scope(struct repo *r, struct git_changes *ch, int looked)
{
	struct git_wt wt = {repo_load_jobs(r), NULL, 0, looked};
	const char **listed = NULL;
	size_t i;
	int rc;

	/* The working tree's record files, as listed already. */
	if (r->snap == NULL && r->listed) {
		listed = xcalloc(r->n + 1, sizeof(*listed));
		for (i = 0; i < r->n; i++)
			listed[i] = r->recs[i].path;
		wt.listed = listed;
		wt.nlisted = r->n;
	}
	rc = git_changes_finish(ch, &wt, &r->changed);
	free(listed);
	if (rc < 0)
		return -1;
	r->scoped = 1;
	for (i = 0; i < r->n; i++)
		r->recs[i].in_scope =
		    git_pathset_has(&r->changed, r->recs[i].path);
	return 0;
}

int
repo_scope_changed(struct repo *r, const char *rev)
{
	struct git_changes *ch = NULL;
	int rc;

	if (git_changes_open(&ch, r->root, rev, &r->files) < 0)
		return -1;
	rc = scope(r, ch, 0);
	git_changes_free(ch);
	return rc;
}

int
repo_list_changed(struct repo *r, const char *rev)
{
	struct git_changes *ch = NULL;
	int rc;

	if (r->snap != NULL) {
		rc = repo_list(r);
		return repo_scope_changed(r, rev) < 0 ? -1 : rc;
	}
	rc = repo_list_worktree(r, rev, &ch);
	if (ch == NULL || scope(r, ch, 1) < 0)
		rc = -1;
	git_changes_free(ch);
	return rc;
}

int
repo_in_scope(const struct repo *r, const char *path)
{
	return !r->scoped || git_pathset_has(&r->changed, path);
}
