/*
 * Git access through libgit2, with its error codes turned into messages:
 * opening the repository, reading a commit's tree (--at) and the
 * provenance line of reports.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "git_int.h"
#include "xalloc.h"

#define FULL_HISTORY "run `git fetch --unshallow` (in CI: fetch-depth: 0)"

static const char *
git_msg(void)
{
	const git_error *e = git_error_last();

	return e != NULL && e->message != NULL ? e->message : "unknown error";
}

/* libgit2 loads TLS certificates at start-up: only pay for that in the
 * commands that use git. */
static int started;

void
git_start(void)
{
	if (!started) {
		git_libgit2_init();
		started = 1;
	}
}

void
git_stop(void)
{
	if (started) {
		git_libgit2_shutdown();
		started = 0;
	}
}

int
git_in_repo(const char *dir)
{
	git_buf out = {0};
	int rc;

	git_start();
	rc = git_repository_discover(&out, dir, 0, NULL);
	git_buf_dispose(&out);
	return rc == 0;
}

int
git_init_repo(const char *dir)
{
	git_repository *repo = NULL;

	git_start();
	if (git_repository_init(&repo, dir, 0) < 0) {
		diag_error("cannot run git init in '%s': %s", dir, git_msg());
		return -1;
	}
	git_repository_free(repo);
	return 0;
}

int
gitr_fail(const char *what)
{
	diag_error("%s: %s", what, git_msg());
	return -1;
}

/*
 * libgit2 1.5 refuses a repository owned by another user with GIT_EOWNER,
 * or, when no safe.directory is configured at all, with a "config value
 * 'safe.directory' was not found" error.
 */
static int
not_owned(int rc)
{
	const git_error *e = git_error_last();

	return rc == GIT_EOWNER ||
	    (e != NULL && e->message != NULL &&
	        strstr(e->message, "safe.directory") != NULL);
}

/* Report a repository git would refuse to use; returns -1. */
static int
open_failed(int rc, char *dot)
{
	size_t n = strlen(dot);

	if (!not_owned(rc))
		return gitr_fail("cannot open the git repository");
	/* git's safe.directory names the work tree. */
	if (n > 6 && strcmp(dot + n - 6, "/.git/") == 0)
		dot[n - 6] = '\0';
	diag_error("the git repository at '%s' belongs to another user; if "
	           "you trust it, run: git config --global --add "
	           "safe.directory %s",
	    dot, dot);
	return -1;
}

/* The prefix of root (absolute, real) in the work tree wd, or NULL. */
static char *
root_prefix(const char *root, const char *wd)
{
	struct buf b = BUF_INIT;
	char *real = realpath(wd, NULL), *out = NULL;
	size_t n;

	if (real == NULL)
		return NULL;
	n = strcmp(real, "/") == 0 ? 0 : strlen(real);
	if (strcmp(root, real) == 0) {
		out = xstrdup("");
	} else if (strncmp(root, real, n) == 0 && root[n] == '/') {
		buf_printf(&b, "%s/", root + n + 1);
		out = buf_detach(&b);
	}
	free(real);
	return out;
}

char *
git_root_prefix(const char *root)
{
	git_repository *repo = NULL;
	git_buf dot = {0};
	char *out = NULL;
	int rc;

	git_start();
	rc = git_repository_discover(&dot, root, 0, NULL);
	if (rc == 0) {
		rc = git_repository_open_ext(
		    &repo, dot.ptr, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
		if (rc < 0)
			diag_warn("cannot open the git repository (%s); paths "
			          "are relative to the records root",
			    git_msg());
	}
	if (rc == 0 && git_repository_workdir(repo) != NULL)
		out = root_prefix(root, git_repository_workdir(repo));
	git_repository_free(repo);
	git_buf_dispose(&dot);
	return out != NULL ? out : xstrdup("");
}

int
gitr_open(struct gitr *g, const char *root)
{
	git_buf dot = {0};
	char *real;
	int rc;

	memset(g, 0, sizeof(*g));
	git_start();
	real = realpath(root, NULL);
	if (real == NULL) {
		diag_error(
		    "cannot use directory '%s': %s", root, strerror(errno));
		return -1;
	}
	rc = git_repository_discover(&dot, real, 0, NULL);
	if (rc == 0) {
		rc = git_repository_open_ext(
		    &g->repo, dot.ptr, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
		if (rc < 0)
			rc = open_failed(rc, dot.ptr);
	} else if (rc == GIT_ENOTFOUND) {
		rc = 1;
	} else {
		rc = gitr_fail("cannot look for a git repository");
	}
	if (rc == 0 && git_repository_workdir(g->repo) != NULL)
		g->prefix = root_prefix(real, git_repository_workdir(g->repo));
	/* A bare repository, or a root inside .git: no work tree to use. */
	if (rc == 0 && g->prefix == NULL)
		rc = 1;
	if (rc != 0) {
		git_repository_free(g->repo);
		g->repo = NULL;
	}
	git_buf_dispose(&dot);
	free(real);
	return rc;
}

void
gitr_close(struct gitr *g)
{
	git_repository_free(g->repo);
	free(g->prefix);
	g->repo = NULL;
	g->prefix = NULL;
}

char *
gitr_path(const struct gitr *g, const char *path)
{
	size_t a = strlen(g->prefix), b = strlen(path);
	char *s = xmalloc(a + b + 1);

	memcpy(s, g->prefix, a);
	memcpy(s + a, path, b + 1);
	return s;
}

const char *
gitr_strip(const struct gitr *g, const char *path)
{
	size_t n = strlen(g->prefix);

	return strncmp(path, g->prefix, n) == 0 ? path + n : NULL;
}

int
gitr_need_history(const struct gitr *g, const char *what)
{
	if (!git_repository_is_shallow(g->repo))
		return 0;
	diag_error("%s needs a full clone: %s", what, FULL_HISTORY);
	return -1;
}

int
gitr_commit(struct gitr *g, const char *rev, git_commit **out)
{
	git_object *obj = NULL, *peeled = NULL;
	int rc;

	*out = NULL;
	rc = git_revparse_single(&obj, g->repo, rev);
	if (rc == GIT_EAMBIGUOUS) {
		diag_error("revision '%s' is ambiguous; give more digits of "
		           "the commit id",
		    rev);
		return -1;
	}
	if (rc < 0 && rc != GIT_ENOTFOUND && rc != GIT_EINVALIDSPEC)
		return gitr_fail("cannot resolve the revision");
	if (rc < 0) {
		if (git_repository_is_shallow(g->repo))
			diag_error("unknown revision '%s': this is a shallow "
			           "clone and the commit may not have been "
			           "fetched; %s",
			    rev, FULL_HISTORY);
		else if (git_repository_head_unborn(g->repo) == 1)
			diag_error("unknown revision '%s': the repository has "
			           "no commits yet",
			    rev);
		else
			diag_error("unknown revision '%s'", rev);
		return -1;
	}
	rc = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (rc < 0) {
		diag_error("revision '%s' is not a commit", rev);
		return -1;
	}
	*out = (git_commit *)peeled;
	return 0;
}

void
gitr_date(git_time_t t, int offset, char out[11])
{
	long long s = (long long)t + (long long)offset * 60;
	long long days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);

	/* Far outside 0001..9999, where date_from_days saturates anyway. */
	if (days < -1000000)
		days = -1000000;
	if (days > 4000000)
		days = 4000000;
	date_format(date_from_days((long)days), out);
}

struct git_snap {
	struct gitr g;
	git_commit *commit;
	git_tree *tree;
	char id[GIT_OID_HEXSZ + 1];
};

int
git_snap_open(struct git_snap **out, const char *root, const char *rev)
{
	struct git_snap *s = xcalloc(1, sizeof(*s));
	int rc;

	*out = NULL;
	rc = gitr_open(&s->g, root);
	if (rc == 1)
		diag_error("--at needs a git repository");
	if (rc != 0)
		goto fail;
	if (gitr_commit(&s->g, rev, &s->commit) < 0)
		goto fail;
	if (git_commit_tree(&s->tree, s->commit) < 0) {
		gitr_fail("cannot read the commit's tree");
		goto fail;
	}
	git_oid_tostr(s->id, sizeof(s->id), git_commit_id(s->commit));
	*out = s;
	return 0;
fail:
	git_snap_free(s);
	return -1;
}

const char *
git_snap_commit(const struct git_snap *s)
{
	return s->id;
}

static enum git_entry_type
entry_type(const git_tree_entry *e)
{
	switch (git_tree_entry_filemode(e)) {
	case GIT_FILEMODE_BLOB:
	case GIT_FILEMODE_BLOB_EXECUTABLE:
		return GIT_ENTRY_FILE;
	case GIT_FILEMODE_LINK:
		return GIT_ENTRY_SYMLINK;
	default:
		return GIT_ENTRY_OTHER;
	}
}

/* The entry at path (relative to the root), or NULL with *rc 0 or -1. */
static git_tree_entry *
snap_entry(struct git_snap *s, const char *path, int *rc)
{
	git_tree_entry *e = NULL;
	char *full = gitr_path(&s->g, path);
	int r;

	*rc = 0;
	r = git_tree_entry_bypath(&e, s->tree, full);
	free(full);
	if (r == GIT_ENOTFOUND)
		return NULL;
	if (r < 0) {
		*rc = gitr_fail("cannot read the commit's tree");
		return NULL;
	}
	return e;
}

int
git_snap_list(struct git_snap *s, const char *dir,
    int (*fn)(const char *name, enum git_entry_type type, void *arg), void *arg)
{
	git_tree_entry *e;
	git_tree *t = NULL;
	size_t i, n;
	int rc;

	e = snap_entry(s, dir, &rc);
	if (e == NULL)
		return rc;
	if (git_tree_entry_type(e) != GIT_OBJECT_TREE) {
		git_tree_entry_free(e);
		return 0;
	}
	rc = git_tree_lookup(&t, s->g.repo, git_tree_entry_id(e));
	git_tree_entry_free(e);
	if (rc < 0)
		return gitr_fail("cannot read the commit's tree");
	n = git_tree_entrycount(t);
	for (i = 0; i < n && rc == 0; i++) {
		const git_tree_entry *c = git_tree_entry_byindex(t, i);

		rc = fn(git_tree_entry_name(c), entry_type(c), arg);
	}
	git_tree_free(t);
	return rc;
}

int
git_snap_read(struct git_snap *s, const char *path, size_t max, char **data,
    size_t *len, enum git_entry_type *type)
{
	git_tree_entry *e;
	git_odb *odb = NULL;
	git_blob *blob = NULL;
	git_object_t ot;
	size_t size;
	int rc;

	*data = NULL;
	*len = 0;
	e = snap_entry(s, path, &rc);
	if (e == NULL)
		return rc < 0 ? -1 : 1;
	*type = entry_type(e);
	if (*type != GIT_ENTRY_FILE)
		goto done;
	rc = git_repository_odb(&odb, s->g.repo);
	if (rc == 0)
		rc = git_odb_read_header(&size, &ot, odb, git_tree_entry_id(e));
	if (rc == 0 && size <= max)
		rc = git_blob_lookup(&blob, s->g.repo, git_tree_entry_id(e));
	if (rc < 0) {
		rc = gitr_fail("cannot read a file of the commit");
		goto done;
	}
	*len = size;
	if (blob != NULL) {
		*len = (size_t)git_blob_rawsize(blob);
		*data = xmalloc(*len + 1);
		memcpy(*data, git_blob_rawcontent(blob), *len);
		(*data)[*len] = '\0';
	}
done:
	git_blob_free(blob);
	git_odb_free(odb);
	git_tree_entry_free(e);
	return rc < 0 ? -1 : 0;
}

void
git_snap_free(struct git_snap *s)
{
	if (s == NULL)
		return;
	git_tree_free(s->tree);
	git_commit_free(s->commit);
	gitr_close(&s->g);
	free(s);
}

int
git_provenance(const char *root, const char *rev, const struct git_files *f,
    struct git_prov *out)
{
	struct git_pathset changed = {0};
	struct gitr g;
	git_commit *c = NULL;
	git_tree *t = NULL;
	git_buf sid = {0};
	const git_signature *who;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = gitr_open(&g, root);
	if (rc == 1) {
		out->state = GIT_PROV_NO_REPO;
		return 0;
	}
	if (rc < 0)
		return -1;
	if (rev == NULL && git_repository_head_unborn(g.repo) == 1) {
		out->state = GIT_PROV_NO_COMMITS;
		gitr_close(&g);
		return 0;
	}
	rc = gitr_commit(&g, rev != NULL ? rev : "HEAD", &c);
	if (rc == 0 && git_object_short_id(&sid, (git_object *)c) < 0)
		rc = gitr_fail("cannot abbreviate the commit id");
	if (rc == 0) {
		out->state = GIT_PROV_COMMIT;
		snprintf(out->commit, sizeof(out->commit), "%s", sid.ptr);
		who = git_commit_committer(c);
		gitr_date(who->when.time, who->when.offset, out->date);
	}
	if (rc == 0 && rev == NULL) {
		rc = git_commit_tree(&t, c) < 0
		    ? gitr_fail("cannot read the commit's tree")
		    : gitr_changed(&g, root, f, t, NULL, &changed);
		out->dirty = changed.n > 0;
	}
	git_pathset_free(&changed);
	git_buf_dispose(&sid);
	git_tree_free(t);
	git_commit_free(c);
	gitr_close(&g);
	return rc;
}

void
git_prov_text(const struct git_prov *p, struct buf *out)
{
	switch (p->state) {
	case GIT_PROV_NO_REPO:
		buf_puts(out, "Computed from records not in a git repository.");
		break;
	case GIT_PROV_NO_COMMITS:
		buf_puts(out, "Computed from records with no commits yet.");
		break;
	case GIT_PROV_COMMIT:
		buf_printf(out, "Computed from commit %s (%s)%s.", p->commit,
		    p->date, p->dirty ? " with uncommitted changes" : "");
		break;
	}
}
