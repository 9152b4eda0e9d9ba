/*
 * Unit tests of the git modules, on throwaway repositories built commit by
 * commit with libgit2 and fixed dates: --at, history with a rename, commit
 * counts with merges, changed files and provenance.
 */
#include "unit.h"

#include <ftw.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "git.h"
#include "repo.h"
#include "xalloc.h"

#define CONFIG "organisation:\n  name: Test\n"

/* A scratch repository: dir is its work tree, root the records root. */
struct fx {
	char dir[64];
	char *root;
	git_repository *repo;
};

static struct fx F;

static void
check(int rc)
{
	if (rc < 0)
		fail_msg("libgit2: %s",
		    git_error_last() != NULL ? git_error_last()->message : "?");
}

static char *
at(const char *base, const char *path)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "%s/%s", base, path);
	return buf_detach(&b);
}

/* Write a file of the work tree, creating its directory. */
static void
put(const char *path, const char *text)
{
	char *p = at(F.dir, path), *slash = strrchr(p, '/');
	FILE *fp;

	*slash = '\0';
	mkdir(p, 0777);
	*slash = '/';
	fp = fopen(p, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	free(p);
}

static void
del(const char *path)
{
	char *p = at(F.dir, path);

	assert_int_equal(unlink(p), 0);
	free(p);
}

static void
fx_open(const char *sub)
{
	git_repository_init_options o;

	snprintf(F.dir, sizeof(F.dir), "%s", "/tmp/gdprctl-git.XXXXXX");
	assert_non_null(mkdtemp(F.dir));
	check(git_repository_init_options_init(
	    &o, GIT_REPOSITORY_INIT_OPTIONS_VERSION));
	o.flags = GIT_REPOSITORY_INIT_MKPATH;
	o.initial_head = "main";
	check(git_repository_init_ext(&F.repo, F.dir, &o));
	F.root = sub != NULL ? at(F.dir, sub) : xstrdup(F.dir);
	mkdir(F.root, 0777);
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
fx_close(void)
{
	git_repository_free(F.repo);
	nftw(F.dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(F.root);
	memset(&F, 0, sizeof(F));
}

/*
 * A commit whose tree holds exactly the files given as path, content
 * pairs (NULL-terminated; a content starting with "->" makes a symbolic
 * link), with the given parents and dates; no ref moves.
 */
static git_oid
mk(const char *msg, const char *author, const char *date, int offset,
    const git_oid *p1, const git_oid *p2, const char *const *files)
{
	git_index *idx = NULL;
	git_signature *sig = NULL;
	git_commit *par[2] = {NULL, NULL};
	git_tree *tree = NULL;
	git_oid tid, id;
	struct tm tm = {0};
	size_t i, np = 0;

	check(git_index_new(&idx));
	for (i = 0; files[i] != NULL; i += 2) {
		git_index_entry e;
		const char *text = files[i + 1];
		int link = strncmp(text, "->", 2) == 0;

		memset(&e, 0, sizeof(e));
		if (link)
			text += 2;
		check(git_blob_create_from_buffer(
		    &e.id, F.repo, text, strlen(text)));
		e.mode = link ? GIT_FILEMODE_LINK : GIT_FILEMODE_BLOB;
		e.path = files[i];
		check(git_index_add(idx, &e));
	}
	check(git_index_write_tree_to(&tid, idx, F.repo));
	check(git_tree_lookup(&tree, F.repo, &tid));
	assert_non_null(strptime(date, "%Y-%m-%dT%H:%M:%S", &tm));
	check(git_signature_new(
	    &sig, author, "a@example.org", timegm(&tm) - offset * 60, offset));
	if (p1 != NULL)
		check(git_commit_lookup(&par[np++], F.repo, p1));
	if (p2 != NULL)
		check(git_commit_lookup(&par[np++], F.repo, p2));
	check(git_commit_create(&id, F.repo, NULL, sig, sig, NULL, msg, tree,
	    np, (const git_commit **)par));
	git_commit_free(par[0]);
	git_commit_free(par[1]);
	git_tree_free(tree);
	git_signature_free(sig);
	git_index_free(idx);
	return id;
}

/* Point main (and so HEAD) at id and check it out into the work tree. */
static void
head_at(const git_oid *id)
{
	git_checkout_options co;
	git_reference *ref = NULL;

	check(git_checkout_options_init(&co, GIT_CHECKOUT_OPTIONS_VERSION));
	check(
	    git_reference_create(&ref, F.repo, "refs/heads/main", id, 1, NULL));
	git_reference_free(ref);
	co.checkout_strategy =
	    GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED;
	check(git_checkout_head(F.repo, &co));
}

static void
tag(const char *name, const git_oid *id)
{
	git_object *o = NULL;
	git_oid t;

	check(git_object_lookup(&o, F.repo, id, GIT_OBJECT_COMMIT));
	check(git_tag_create_lightweight(&t, F.repo, name, o, 0));
	git_object_free(o);
}

static void
stage(const char *path)
{
	git_index *idx = NULL;

	check(git_repository_index(&idx, F.repo));
	check(git_index_add_bypath(idx, path));
	check(git_index_write(idx));
	git_index_free(idx);
}

static const char *
name_of(const struct record *rec)
{
	const char *s = rec->doc ? yml_get_str(rec->doc->root, "name") : NULL;

	return s != NULL ? s : "";
}

static void
test_at(void **state)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct repo *r = NULL;
	git_oid c1, c2;

	(void)state;
	fx_open(NULL);
	c1 = mk("Add REG-001", "Ann", "2025-03-01T10:00:00", 60, NULL, NULL,
	    (const char *const[]){"gdprctl.yaml", CONFIG,
	        "register/REG-001.yaml", "id: REG-001\nname: First\n",
	        "dpa/DPA-001.yaml", "->../x", "register/notes.txt",
	        "not a record", NULL});
	c2 = mk("Second", "Ann", "2025-03-02T10:00:00", 60, &c1, NULL,
	    (const char *const[]){"gdprctl.yaml", CONFIG,
	        "register/REG-001.yaml", "id: REG-001\nname: Second\n",
	        "register/REG-002.yaml", "id: REG-002\nname: Two\n", NULL});
	head_at(&c2);
	tag("v1", &c1);
	/* The working tree differs from both commits. */
	put("register/REG-001.yaml", "id: REG-001\nname: Edited\n");

	assert_int_equal(repo_open_at(&r, F.root, "HEAD~1", &d), 0);
	assert_int_equal(repo_load(r, &d), 0);
	assert_int_equal(r->n, 2);
	assert_string_equal(r->recs[0].path, "dpa/DPA-001.yaml");
	assert_null(r->recs[0].doc);
	assert_string_equal(r->recs[1].path, "register/REG-001.yaml");
	assert_string_equal(name_of(&r->recs[1]), "First");
	assert_string_equal(r->cfg.org_name, "Test");
	/* The symbolic link is a finding, as in the working tree. */
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].path, "dpa/DPA-001.yaml");
	assert_string_equal(d.v[0].rule, "yaml");
	repo_free(r);
	diag_list_free(&d);

	assert_int_equal(repo_open_at(&r, F.root, "v1", &d), 0);
	assert_int_equal(repo_load(r, &d), 0);
	assert_string_equal(
	    name_of(repo_find(r, KIND_REGISTER, "REG-001")), "First");
	repo_free(r);
	diag_list_free(&d);

	assert_int_equal(repo_open_at(&r, F.root, "main", &d), 0);
	assert_int_equal(repo_load(r, &d), 0);
	assert_int_equal(r->n, 2);
	assert_string_equal(
	    name_of(repo_find(r, KIND_REGISTER, "REG-001")), "Second");
	assert_non_null(repo_find(r, KIND_REGISTER, "REG-002"));
	repo_free(r);

	assert_int_equal(repo_open_at(&r, F.root, NULL, &d), 0);
	assert_int_equal(repo_load(r, &d), 0);
	assert_string_equal(
	    name_of(repo_find(r, KIND_REGISTER, "REG-001")), "Edited");
	repo_free(r);
	diag_list_free(&d);

	assert_int_equal(repo_open_at(&r, F.root, "HEAD~2", &d), -1);
	assert_null(r);
	assert_int_equal(repo_open_at(&r, F.root, "nosuchref", &d), -1);
	assert_int_equal(repo_open_at(&r, F.root, "HEAD^{tree}", &d), -1);
	fx_close();
}

/* The records root in a subdirectory; gdprctl.yaml missing at a commit. */
static void
test_at_subdir(void **state)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct repo *r = NULL;
	git_oid c1, c2;

	(void)state;
	fx_open("gdpr");
	c1 = mk("Start", "Ann", "2025-03-01T10:00:00", 0, NULL, NULL,
	    (const char *const[]){"README", "x", NULL});
	c2 = mk("Records", "Ann", "2025-03-02T10:00:00", 0, &c1, NULL,
	    (const char *const[]){"README", "x", "gdpr/gdprctl.yaml", CONFIG,
	        "gdpr/ros/ROS-001.yaml", "id: ROS-001\nname: Risk\n",
	        "register/REG-009.yaml", "id: REG-009\n", NULL});
	head_at(&c2);
	assert_int_equal(repo_open_at(&r, F.root, "HEAD", &d), 0);
	assert_int_equal(repo_load(r, &d), 0);
	assert_int_equal(r->n, 1);
	assert_string_equal(r->recs[0].path, "ros/ROS-001.yaml");
	assert_string_equal(name_of(&r->recs[0]), "Risk");
	repo_free(r);
	assert_int_equal(repo_open_at(&r, F.root, "HEAD~1", &d), -1);
	assert_int_equal(d.n, 0);
	fx_close();
}

static void
test_at_no_git(void **state)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct repo *r = NULL;
	char dir[] = "/tmp/gdprctl-nogit.XXXXXX";
	char *cfg;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	cfg = at(dir, "gdprctl.yaml");
	fp = fopen(cfg, "w");
	assert_non_null(fp);
	fputs(CONFIG, fp);
	fclose(fp);
	assert_int_equal(repo_open_at(&r, dir, "HEAD", &d), -1);
	assert_null(r);
	assert_int_equal(repo_open_at(&r, dir, NULL, &d), 0);
	repo_free(r);
	unlink(cfg);
	rmdir(dir);
	free(cfg);
	diag_list_free(&d);
}

static void
test_history_rename(void **state)
{
	static const char *const base[] = {"gdprctl.yaml", CONFIG, NULL};
	struct git_hist h;
	const char *rec1 = "id: REG-001\nname: Payroll\npurpose: Pay the "
	                   "staff every month\nlegal_basis: contract\n";
	const char *rec2 = "id: REG-001\nname: Payroll\npurpose: Pay the "
	                   "staff every month\nlegal_basis: legal-obligation\n";
	const char *rec3 = "id: REG-010\nname: Payroll\npurpose: Pay the "
	                   "staff every month\nlegal_basis: legal-obligation\n";
	const char *rec4 = "id: REG-010\nname: Payroll and pensions\npurpose: "
	                   "Pay the staff every month\nlegal_basis: "
	                   "legal-obligation\n";
	git_oid c0, c1, c2, c3, c4, c5;

	(void)state;
	fx_open(NULL);
	c0 = mk("Init", "Ann", "2025-01-01T09:00:00", 60, NULL, NULL, base);
	c1 = mk("Add payroll", "Ann Berg", "2025-01-10T09:00:00", 60, &c0, NULL,
	    (const char *const[]){
	        "gdprctl.yaml", CONFIG, "register/REG-001.yaml", rec1, NULL});
	c2 = mk("Unrelated", "Bo", "2025-02-10T09:00:00", 60, &c1, NULL,
	    (const char *const[]){"gdprctl.yaml", CONFIG,
	        "register/REG-001.yaml", rec1, "dpa/DPA-001.yaml",
	        "id: DPA-001\n", NULL});
	c3 =
	    mk("Change the basis", "Bo", "2025-03-10T23:30:00", -120, &c2, NULL,
	        (const char *const[]){"gdprctl.yaml", CONFIG,
	            "register/REG-001.yaml", rec2, "dpa/DPA-001.yaml",
	            "id: DPA-001\n", NULL});
	c4 = mk("Renumber", "Cy", "2025-04-10T09:00:00", 60, &c3, NULL,
	    (const char *const[]){"gdprctl.yaml", CONFIG,
	        "register/REG-010.yaml", rec3, "dpa/DPA-001.yaml",
	        "id: DPA-001\n", NULL});
	c5 = mk("Add pensions", "Cy", "2025-05-10T09:00:00", 60, &c4, NULL,
	    (const char *const[]){"gdprctl.yaml", CONFIG,
	        "register/REG-010.yaml", rec4, "dpa/DPA-001.yaml",
	        "id: DPA-001\n", NULL});
	head_at(&c5);

	assert_int_equal(git_history(F.root, "register/REG-010.yaml", &h), 0);
	assert_int_equal(h.n, 4);
	assert_string_equal(h.v[0].commit, git_oid_tostr_s(&c5));
	assert_string_equal(h.v[0].summary, "Add pensions");
	assert_string_equal(h.v[0].path, "register/REG-010.yaml");
	assert_string_equal(h.v[1].commit, git_oid_tostr_s(&c4));
	assert_string_equal(h.v[1].path, "register/REG-010.yaml");
	assert_string_equal(h.v[2].commit, git_oid_tostr_s(&c3));
	assert_string_equal(h.v[2].path, "register/REG-001.yaml");
	/* The author's own offset: 23:30 at -02:00 stays on the 10th. */
	assert_string_equal(h.v[2].date, "2025-03-10");
	assert_string_equal(h.v[2].author, "Bo");
	assert_string_equal(h.v[3].commit, git_oid_tostr_s(&c1));
	assert_string_equal(h.v[3].author, "Ann Berg");
	assert_string_equal(h.v[3].date, "2025-01-10");
	assert_int_equal(strlen(h.v[3].short_id), 7);
	assert_memory_equal(h.v[3].short_id, h.v[3].commit, 7);
	git_hist_free(&h);

	/* The old path ends with the rename, like git log -- path. */
	assert_int_equal(git_history(F.root, "register/REG-001.yaml", &h), 0);
	assert_int_equal(h.n, 3);
	assert_string_equal(h.v[0].commit, git_oid_tostr_s(&c4));
	git_hist_free(&h);

	assert_int_equal(git_history(F.root, "register/REG-404.yaml", &h), 0);
	assert_int_equal(h.n, 0);
	git_hist_free(&h);
	fx_close();
}

static void
test_history_merge(void **state)
{
	struct git_hist h;
	git_oid c1, a1, b1, m1, b2, m2;

	(void)state;
	fx_open(NULL);
	c1 = mk("Add", "A", "2025-01-01T10:00:00", 0, NULL, NULL,
	    (const char *const[]){"register/REG-001.yaml", "id: REG-001\n",
	        "dpa/DPA-001.yaml", "v1", NULL});
	a1 = mk("Main edits dpa", "A", "2025-01-02T10:00:00", 0, &c1, NULL,
	    (const char *const[]){"register/REG-001.yaml", "id: REG-001\n",
	        "dpa/DPA-001.yaml", "v2", NULL});
	b1 = mk("Side edits reg", "B", "2025-01-03T10:00:00", 0, &c1, NULL,
	    (const char *const[]){"register/REG-001.yaml",
	        "id: REG-001\nname: x\n", "dpa/DPA-001.yaml", "v1", NULL});
	/* An ordinary merge: REG-001 as on the side branch. */
	m1 = mk("Merge side", "A", "2025-01-04T10:00:00", 0, &a1, &b1,
	    (const char *const[]){"register/REG-001.yaml",
	        "id: REG-001\nname: x\n", "dpa/DPA-001.yaml", "v2", NULL});
	/* A side change the next merge throws away (-s ours). */
	b2 = mk("Side change dropped", "B", "2025-01-05T10:00:00", 0, &m1, NULL,
	    (const char *const[]){"register/REG-001.yaml",
	        "id: REG-001\nname: y\n", "dpa/DPA-001.yaml", "v2", NULL});
	/* An evil merge: changes the record beyond both parents. */
	m2 = mk("Evil merge", "A", "2025-01-06T10:00:00", 0, &m1, &b2,
	    (const char *const[]){"register/REG-001.yaml",
	        "id: REG-001\nname: z\n", "dpa/DPA-001.yaml", "v2", NULL});
	head_at(&m2);
	assert_int_equal(git_history(F.root, "register/REG-001.yaml", &h), 0);
	assert_int_equal(h.n, 4);
	assert_string_equal(h.v[0].commit, git_oid_tostr_s(&m2));
	assert_string_equal(h.v[1].commit, git_oid_tostr_s(&b2));
	assert_string_equal(h.v[2].commit, git_oid_tostr_s(&b1));
	assert_string_equal(h.v[3].commit, git_oid_tostr_s(&c1));
	git_hist_free(&h);
	fx_close();
}

static void
test_count(void **state)
{
	static const char *const dirs[] = {"register/", "dpa/", "ros/"};
	size_t n[3];
	git_oid c1, c2, s1, m1, s2, m2, m3, c3, c4;

	(void)state;
	fx_open(NULL);
	c1 = mk("c1", "A", "2024-12-31T23:00:00", 0, NULL, NULL,
	    (const char *const[]){
	        "register/R.yaml", "1", "dpa/D.yaml", "1", NULL});
	c2 = mk("c2", "A", "2025-02-01T10:00:00", 0, &c1, NULL,
	    (const char *const[]){
	        "register/R.yaml", "2", "dpa/D.yaml", "1", NULL});
	s1 = mk("s1", "A", "2025-03-01T10:00:00", 0, &c1, NULL,
	    (const char *const[]){
	        "register/R.yaml", "1", "dpa/D.yaml", "2", NULL});
	/* Takes each side's change: counts for neither directory. */
	m1 = mk("m1", "A", "2025-04-01T10:00:00", 0, &c2, &s1,
	    (const char *const[]){
	        "register/R.yaml", "2", "dpa/D.yaml", "2", NULL});
	s2 = mk("s2", "A", "2025-05-01T10:00:00", 0, &m1, NULL,
	    (const char *const[]){
	        "register/R.yaml", "3", "dpa/D.yaml", "2", NULL});
	/* Drops s2's change (-s ours): s2 is not in git log -- register/. */
	m2 = mk("m2", "A", "2025-06-01T10:00:00", 0, &m1, &s2,
	    (const char *const[]){
	        "register/R.yaml", "2", "dpa/D.yaml", "2", NULL});
	/* Adds ros/ in the merge itself: differs from both parents. */
	m3 = mk("m3", "A", "2025-07-01T10:00:00", 0, &m2, &s2,
	    (const char *const[]){"register/R.yaml", "2", "dpa/D.yaml", "2",
	        "ros/X.yaml", "1", NULL});
	/* 2026 in its own offset, 2025 in UTC. */
	c3 = mk("c3", "A", "2026-01-01T00:30:00", 60, &m3, NULL,
	    (const char *const[]){"register/R.yaml", "2", "dpa/D.yaml", "3",
	        "ros/X.yaml", "1", NULL});
	/* A clock that went backwards: 2025 after 2026. */
	c4 = mk("c4", "A", "2025-12-01T10:00:00", 0, &c3, NULL,
	    (const char *const[]){"register/R.yaml", "4", "dpa/D.yaml", "3",
	        "ros/X.yaml", "1", NULL});
	head_at(&c4);
	assert_int_equal(git_count_commits(F.root, NULL, 2025, dirs, 3, n), 0);
	/* register: c2, c4 (m3 not: ros/ alone differs); dpa: s1; ros: m3 */
	assert_int_equal(n[0], 2);
	assert_int_equal(n[1], 1);
	assert_int_equal(n[2], 1);
	assert_int_equal(git_count_commits(F.root, NULL, 2024, dirs, 3, n), 0);
	assert_int_equal(n[0], 1);
	assert_int_equal(n[1], 1);
	assert_int_equal(n[2], 0);
	assert_int_equal(git_count_commits(F.root, NULL, 2026, dirs, 3, n), 0);
	assert_int_equal(n[0], 0);
	assert_int_equal(n[1], 1);
	assert_int_equal(n[2], 0);
	fx_close();
}

static void
test_count_no_repo(void **state)
{
	static const char *const dirs[] = {"register/"};
	char dir[] = "/tmp/gdprctl-nogit.XXXXXX";
	size_t n[1] = {7};

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(git_count_commits(dir, NULL, 2025, dirs, 1, n), 1);
	assert_int_equal(n[0], 0);
	rmdir(dir);
}

static void
assert_set(const struct git_pathset *s, const char *const *want)
{
	size_t i;

	for (i = 0; want[i] != NULL; i++) {
		if (i >= s->n)
			fail_msg("missing %s", want[i]);
		assert_string_equal(s->v[i], want[i]);
	}
	assert_int_equal(s->n, i);
}

static void
test_changed_since(void **state)
{
	struct git_pathset s = {0};
	struct diag_list d = DIAG_LIST_INIT;
	struct repo *r = NULL;
	git_oid c1, c2;

	(void)state;
	fx_open(NULL);
	c1 = mk("c1", "A", "2025-01-01T10:00:00", 0, NULL, NULL,
	    (const char *const[]){"gdprctl.yaml", CONFIG,
	        "register/REG-001.yaml", "id: REG-001\n",
	        "register/REG-002.yaml", "id: REG-002\n", "dpa/DPA-001.yaml",
	        "id: DPA-001\n", "incident/INC-001.yaml", "id: INC-001\n",
	        "README", "x", NULL});
	c2 = mk("c2", "A", "2025-01-02T10:00:00", 0, &c1, NULL,
	    (const char *const[]){"gdprctl.yaml", CONFIG,
	        "register/REG-001.yaml", "id: REG-001\n",
	        "register/REG-002.yaml", "id: REG-002\n", "dpa/DPA-001.yaml",
	        "id: DPA-001\n", "plan/PLAN-2025.yaml", "id: PLAN-2025\n",
	        "incident/INC-001.yaml", "id: INC-001\n", "README", "x", NULL});
	head_at(&c2);
	assert_int_equal(git_changed_since(F.root, "HEAD", &s), 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(git_changed_since(F.root, "HEAD~1", &s), 0);
	assert_set(&s, (const char *const[]){"plan/PLAN-2025.yaml", NULL});
	git_pathset_free(&s);

	put("register/REG-001.yaml", "id: REG-001\nname: changed\n");
	put("register/REG-003.yaml", "id: REG-003\n");
	stage("register/REG-003.yaml");
	put("ros/ROS-001.yaml", "id: ROS-001\n");
	del("dpa/DPA-001.yaml");
	put("register/REG-020.yaml", "id: REG-002\n");
	del("register/REG-002.yaml");
	/* Not records: a text file, a subdirectory, a hidden file. */
	put("register/notes.txt", "x");
	put("register/old/REG-009.yaml", "x");
	put("register/.REG-008.yaml", "x");
	put("README", "changed");
	assert_int_equal(git_changed_since(F.root, "HEAD", &s), 0);
	assert_set(&s,
	    (const char *const[]){"dpa/DPA-001.yaml", "register/REG-001.yaml",
	        "register/REG-002.yaml", "register/REG-003.yaml",
	        "register/REG-020.yaml", "ros/ROS-001.yaml", NULL});
	assert_true(git_pathset_has(&s, "ros/ROS-001.yaml"));
	assert_false(git_pathset_has(&s, "README"));
	git_pathset_free(&s);

	assert_int_equal(repo_open(&r, F.root, &d), 0);
	assert_int_equal(repo_load(r, &d), 0);
	assert_int_equal(repo_scope_changed(r, "HEAD~1"), 0);
	assert_false(repo_find(r, KIND_INCIDENT, "INC-001")->in_scope);
	assert_true(repo_find(r, KIND_REGISTER, "REG-002")->in_scope);
	assert_true(repo_find(r, KIND_REGISTER, "REG-001")->in_scope);
	assert_true(repo_find(r, KIND_PLAN, "PLAN-2025")->in_scope);
	assert_true(repo_in_scope(r, "register/REG-020.yaml"));
	assert_false(repo_in_scope(r, "gdprctl.yaml"));
	assert_int_equal(repo_scope_changed(r, "HEAD~5"), -1);
	repo_free(r);
	diag_list_free(&d);

	put("gdprctl.yaml", CONFIG "# changed\n");
	assert_int_equal(git_changed_since(F.root, "HEAD", &s), 0);
	assert_true(git_pathset_has(&s, "gdprctl.yaml"));
	git_pathset_free(&s);
	fx_close();
}

static void
test_provenance(void **state)
{
	struct git_prov p;
	struct buf b = BUF_INIT;
	git_oid c1, c2;
	char want[96];

	(void)state;
	fx_open(NULL);
	assert_int_equal(git_provenance(F.root, NULL, &p), 0);
	assert_int_equal(p.state, GIT_PROV_NO_COMMITS);
	git_prov_text(&p, &b);
	assert_string_equal(
	    b.ptr, "Computed from records with no commits yet.");
	buf_reset(&b);

	c1 = mk("c1", "A", "2025-01-01T10:00:00", 0, NULL, NULL,
	    (const char *const[]){"gdprctl.yaml", CONFIG,
	        "register/REG-001.yaml", "id: REG-001\n", "README", "x", NULL});
	/* 23:30 at -02:00 is the next day in UTC; the commit's date is not. */
	c2 = mk("c2", "A", "2026-01-15T23:30:00", -120, &c1, NULL,
	    (const char *const[]){"gdprctl.yaml", CONFIG,
	        "register/REG-001.yaml", "id: REG-001\nname: x\n", "README",
	        "x", NULL});
	head_at(&c2);
	assert_int_equal(git_provenance(F.root, NULL, &p), 0);
	assert_int_equal(p.state, GIT_PROV_COMMIT);
	assert_string_equal(p.date, "2026-01-15");
	assert_int_equal(strlen(p.commit), 7);
	assert_memory_equal(p.commit, git_oid_tostr_s(&c2), 7);
	assert_false(p.dirty);
	git_prov_text(&p, &b);
	snprintf(want, sizeof(want), "Computed from commit %.7s (2026-01-15).",
	    git_oid_tostr_s(&c2));
	assert_string_equal(b.ptr, want);
	buf_reset(&b);

	put("README", "not a record");
	assert_int_equal(git_provenance(F.root, NULL, &p), 0);
	assert_false(p.dirty);
	put("request/REQ-2026-001.yaml", "id: REQ-2026-001\n");
	assert_int_equal(git_provenance(F.root, NULL, &p), 0);
	assert_true(p.dirty);
	git_prov_text(&p, &b);
	snprintf(want, sizeof(want),
	    "Computed from commit %.7s (2026-01-15) with uncommitted "
	    "changes.",
	    git_oid_tostr_s(&c2));
	assert_string_equal(b.ptr, want);
	buf_reset(&b);
	del("request/REQ-2026-001.yaml");
	put("register/REG-001.yaml", "id: REG-001\nname: x\n");
	assert_int_equal(git_provenance(F.root, NULL, &p), 0);
	assert_false(p.dirty);
	put("register/REG-001.yaml", "id: REG-001\nname: staged\n");
	stage("register/REG-001.yaml");
	put("register/REG-001.yaml", "id: REG-001\nname: x\n");
	assert_int_equal(git_provenance(F.root, NULL, &p), 0);
	assert_true(p.dirty);
	del("register/REG-001.yaml");
	assert_int_equal(git_provenance(F.root, NULL, &p), 0);
	assert_true(p.dirty);

	/* --at: the commit of the revision, never dirty. */
	assert_int_equal(git_provenance(F.root, "HEAD~1", &p), 0);
	assert_int_equal(p.state, GIT_PROV_COMMIT);
	assert_memory_equal(p.commit, git_oid_tostr_s(&c1), 7);
	assert_string_equal(p.date, "2025-01-01");
	assert_false(p.dirty);
	assert_int_equal(git_provenance(F.root, "HEAD~9", &p), -1);
	fx_close();

	assert_int_equal(git_provenance("/", NULL, &p), 0);
	assert_int_equal(p.state, GIT_PROV_NO_REPO);
	git_prov_text(&p, &b);
	assert_string_equal(
	    b.ptr, "Computed from records not in a git repository.");
	buf_free(&b);
}

/* A shallow clone (a .git/shallow file) cannot give history. */
static void
test_shallow(void **state)
{
	static const char *const dirs[] = {"register/"};
	struct git_hist h;
	struct git_pathset s = {0};
	size_t n[1];
	git_oid c1, c2;
	char *path;
	FILE *fp;

	(void)state;
	fx_open(NULL);
	c1 = mk("c1", "A", "2025-01-01T10:00:00", 0, NULL, NULL,
	    (const char *const[]){"register/REG-001.yaml", "1", NULL});
	c2 = mk("c2", "A", "2025-01-02T10:00:00", 0, &c1, NULL,
	    (const char *const[]){"register/REG-001.yaml", "2", NULL});
	head_at(&c2);
	path = at(F.dir, ".git/shallow");
	fp = fopen(path, "w");
	assert_non_null(fp);
	fprintf(fp, "%s\n", git_oid_tostr_s(&c2));
	fclose(fp);
	free(path);
	assert_int_equal(git_history(F.root, "register/REG-001.yaml", &h), -1);
	assert_int_equal(h.n, 0);
	assert_int_equal(git_count_commits(F.root, NULL, 2025, dirs, 1, n), -1);
	assert_int_equal(git_changed_since(F.root, "HEAD", &s), 0);
	git_pathset_free(&s);
	fx_close();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_at),
	    cmocka_unit_test(test_at_subdir),
	    cmocka_unit_test(test_at_no_git),
	    cmocka_unit_test(test_history_rename),
	    cmocka_unit_test(test_history_merge),
	    cmocka_unit_test(test_count),
	    cmocka_unit_test(test_count_no_repo),
	    cmocka_unit_test(test_changed_since),
	    cmocka_unit_test(test_provenance),
	    cmocka_unit_test(test_shallow),
	};
	int rc;

	git_libgit2_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	git_libgit2_shutdown();
	return rc;
}
