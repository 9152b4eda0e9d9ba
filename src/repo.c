/* The records repository: finding its root, opening it with gdprctl.yaml,
 * freeing it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "pool.h"
#include "repo.h"
#include "repo_int.h"
#include "xalloc.h"

/* As repo_find_root; 1 and no message when no directory has the file. */
static int
find_root(const char *start, char **out)
{
	char *dir = realpath(start, NULL);
	struct buf b = BUF_INIT;

	*out = NULL;
	if (dir == NULL) {
		diag_error(
		    "cannot use directory '%s': %s", start, strerror(errno));
		return -1;
	}
	for (;;) {
		struct stat st;
		char *slash;

		buf_reset(&b);
		buf_printf(
		    &b, "%s/%s", strcmp(dir, "/") ? dir : "", CONFIG_FILE);
		if (lstat(b.ptr, &st) == 0) {
			*out = dir;
			buf_free(&b);
			return 0;
		}
		if (strcmp(dir, "/") == 0)
			break;
		slash = strrchr(dir, '/');
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	buf_free(&b);
	free(dir);
	return 1;
}

int
repo_find_root(const char *start, char **out)
{
	int rc = find_root(start, out);

	if (rc == 1) {
		diag_error(
		    "not in a gdprctl repository (no %s here or in any "
		    "parent directory); run 'gdprctl init' to create one",
		    CONFIG_FILE);
		return -1;
	}
	return rc;
}

int
repo_exists(const char *start)
{
	char *root = NULL;
	int rc = find_root(start, &root);

	free(root);
	return rc < 0 ? -1 : rc == 0;
}

/* The files at the top of the root that belong to the records. */
static const char *const top_files[] = {CONFIG_FILE};

/*
 * Read gdprctl.yaml into r->cfg. A file that cannot be used is printed
 * with its findings and frees r.
 */
static int
load_config(struct repo *r, struct yml_doc *doc, struct diag_list *d)
{
	struct diag_list cd = DIAG_LIST_INIT;

	if (config_load(&r->cfg, doc, &cd) < 0) {
		diag_sort(&cd);
		fflush(stdout);
		diag_print(&cd, stderr, DIAG_TEXT, 0);
		diag_list_free(&cd);
		repo_free(r);
		return -1;
	}
	diag_copy_overrides(d, &cd);
	diag_move(d, &cd);
	diag_list_free(&cd);
	return 0;
}

int
repo_open(struct repo **out, const char *start, struct diag_list *d)
{
	return repo_open_at(out, start, NULL, d);
}

int
repo_open_at(
    struct repo **out, const char *start, const char *rev, struct diag_list *d)
{
	struct repo *r;
	struct yml_doc *doc = NULL;
	int k, rc;

	*out = NULL;
	r = xcalloc(1, sizeof(*r));
	r->jobs = pool_default_jobs();
	for (k = 0; k < KIND_COUNT; k++) {
		r->dirfd[k] = -1;
		r->dirs[k] = kinds[k]->dir;
	}
	r->files = (struct git_files){
	    r->dirs, KIND_COUNT, repo_record_name, top_files, 1};
	if (repo_find_root(start, &r->root) < 0) {
		free(r);
		return -1;
	}
	r->store = yml_store_new();
	if (rev != NULL) {
		r->rev = xstrdup(rev);
		if (git_snap_open(&r->snap, r->root, rev) < 0) {
			repo_free(r);
			return -1;
		}
	}
	rc = repo_load_file(r, CONFIG_FILE, &doc, d);
	if (rc == 1)
		diag_error("there is no %s in revision '%s'", CONFIG_FILE, rev);
	if (rc == -2 || rc == 1) {
		repo_free(r);
		return -1;
	}
	if (doc == NULL)
		config_defaults(&r->cfg, "en");
	else if (load_config(r, doc, d) < 0)
		return -1;
	*out = r;
	return 0;
}

void
repo_free(struct repo *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		yml_doc_free(r->recs[i].doc);
	for (i = 0; i < KIND_COUNT; i++)
		if (r->dirfd[i] >= 0)
			close(r->dirfd[i]);
	for (i = 0; i < r->nblocks; i++)
		free(r->blocks[i]);
	free(r->blocks);
	free(r->recs);
	free(r->idx);
	git_snap_free(r->snap);
	git_pathset_free(&r->changed);
	yml_store_free(r->store);
	config_free(&r->cfg);
	free(r->root);
	free(r->rev);
	free(r);
}
