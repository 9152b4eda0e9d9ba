/* Git access through libgit2, with its error codes turned into messages. */
#include <git2.h>
#include <string.h>

#include "diag.h"
#include "git.h"

static const char *
git_msg(void)
{
	const git_error *e = git_error_last();

	return e != NULL && e->message != NULL ? e->message : "unknown error";
}

void
git_start(void)
{
	git_libgit2_init();
}

void
git_stop(void)
{
	git_libgit2_shutdown();
}

int
git_in_repo(const char *dir)
{
	git_buf out = {0};
	int rc;

	rc = git_repository_discover(&out, dir, 0, NULL);
	git_buf_dispose(&out);
	return rc == 0;
}

int
git_init_repo(const char *dir)
{
	git_repository *repo = NULL;

	if (git_repository_init(&repo, dir, 0) < 0) {
		diag_error("cannot run git init in '%s': %s", dir, git_msg());
		return -1;
	}
	git_repository_free(repo);
	return 0;
}
