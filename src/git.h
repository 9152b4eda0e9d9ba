/* Git access through libgit2: the only file that includes <git2.h>. */
#ifndef GD_GIT_H
#define GD_GIT_H

/* libgit2 set-up and tear-down, once per process. */
void git_start(void);
void git_stop(void);
/* Whether dir is inside a git work tree. */
int git_in_repo(const char *dir);
/* git init in dir. */
int git_init_repo(const char *dir);

#endif
