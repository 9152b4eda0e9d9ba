/*
 * Unit tests of the git modules, on throwaway repositories built commit by
 * commit with libgit2 and fixed dates: --at, history with a rename, commit
 * counts with merges, changed files and provenance.
 */
#include "unit.h"

#include <fcntl.h>
#include <ftw.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "git.h"
#include "git_int.h"
#include "repo.h"
#include "xalloc.h"

#define CONFIG "organisation:\n  name: Test\n"

/* The record files, as the repository describes them to git. */
static const char *const record_dirs[] = {
    "register", "dpa", "incident", "dpia", "ros", "request", "plan"};
static const char *const record_top[] = {"gdprctl.yaml"};
static const struct git_files record_files = {
    record_dirs, 7, repo_record_name, record_top, 1};

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

/* The index as the file holds it now, to change and write back. */
static git_index *
index_open(void)
{
	git_index *idx = NULL;

	check(git_repository_index(&idx, F.repo));
	check(git_index_read(idx, 1));
	return idx;
}

static void
index_write(git_index *idx)
{
	check(git_index_write(idx));
	git_index_free(idx);
}

static void
stage(const char *path)
{
	git_index *idx = index_open();

	check(git_index_add_bypath(idx, path));
	index_write(idx);
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
	assert_int_equal(d.v[0].rule, RULE_YAML);
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

static int
cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
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
	assert_int_equal(
	    git_changed_since(F.root, "HEAD", &record_files, NULL, &s), 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(
	    git_changed_since(F.root, "HEAD~1", &record_files, NULL, &s), 0);
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
	assert_int_equal(
	    git_changed_since(F.root, "HEAD", &record_files, NULL, &s), 0);
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
	assert_int_equal(
	    git_changed_since(F.root, "HEAD", &record_files, NULL, &s), 0);
	assert_true(git_pathset_has(&s, "gdprctl.yaml"));
	git_pathset_free(&s);
	fx_close();
}

/* A text file's name, for a git_files that is not the records'. */
static int
txt_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* The comparison knows only the directories, names and top files it is
 * given: here two directories of text files and two top files. */
static void
test_changed_other_files(void **state)
{
	static const char *const dirs[] = {"notes", "docs"};
	static const char *const top[] = {"README", "LICENSE"};
	static const struct git_files f = {dirs, 2, txt_name, top, 2};
	struct git_pathset s = {0};
	git_oid c1;

	(void)state;
	fx_open("sub");
	c1 = mk("c1", "A", "2025-01-01T10:00:00", 0, NULL, NULL,
	    (const char *const[]){"sub/gdprctl.yaml", CONFIG, "sub/notes/a.txt",
	        "a", "sub/notes/b.md", "b", "sub/docs/c.txt", "c", "sub/README",
	        "r", "sub/LICENSE", "l", "sub/register/REG-001.yaml",
	        "id: REG-001\n", "README", "r", NULL});
	head_at(&c1);
	assert_int_equal(git_changed_since(F.root, "HEAD", &f, NULL, &s), 0);
	assert_int_equal(s.n, 0);
	put("sub/notes/a.txt", "changed");
	put("sub/notes/b.md", "changed");
	put("sub/docs/d.txt", "new");
	put("sub/README", "changed");
	put("sub/register/REG-001.yaml", "id: REG-001\nname: x\n");
	put("sub/gdprctl.yaml", CONFIG "# changed\n");
	put("README", "changed above the root");
	del("sub/LICENSE");
	assert_int_equal(git_changed_since(F.root, "HEAD", &f, NULL, &s), 0);
	assert_set(&s,
	    (const char *const[]){
	        "LICENSE", "README", "docs/d.txt", "notes/a.txt", NULL});
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
	assert_int_equal(git_provenance(F.root, NULL, &record_files, &p), 0);
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
	assert_int_equal(git_provenance(F.root, NULL, &record_files, &p), 0);
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
	assert_int_equal(git_provenance(F.root, NULL, &record_files, &p), 0);
	assert_false(p.dirty);
	put("request/REQ-2026-001.yaml", "id: REQ-2026-001\n");
	assert_int_equal(git_provenance(F.root, NULL, &record_files, &p), 0);
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
	assert_int_equal(git_provenance(F.root, NULL, &record_files, &p), 0);
	assert_false(p.dirty);
	put("register/REG-001.yaml", "id: REG-001\nname: staged\n");
	stage("register/REG-001.yaml");
	put("register/REG-001.yaml", "id: REG-001\nname: x\n");
	assert_int_equal(git_provenance(F.root, NULL, &record_files, &p), 0);
	assert_true(p.dirty);
	del("register/REG-001.yaml");
	assert_int_equal(git_provenance(F.root, NULL, &record_files, &p), 0);
	assert_true(p.dirty);

	/* --at: the commit of the revision, never dirty. */
	assert_int_equal(
	    git_provenance(F.root, "HEAD~1", &record_files, &p), 0);
	assert_int_equal(p.state, GIT_PROV_COMMIT);
	assert_memory_equal(p.commit, git_oid_tostr_s(&c1), 7);
	assert_string_equal(p.date, "2025-01-01");
	assert_false(p.dirty);
	assert_int_equal(
	    git_provenance(F.root, "HEAD~9", &record_files, &p), -1);
	fx_close();

	assert_int_equal(git_provenance("/", NULL, &record_files, &p), 0);
	assert_int_equal(p.state, GIT_PROV_NO_REPO);
	git_prov_text(&p, &b);
	assert_string_equal(
	    b.ptr, "Computed from records not in a git repository.");
	buf_free(&b);
}

/*
 * The oracle for the changed record files: libgit2's diff of the tree of
 * rev against the index and work tree, as git_changed_since computed them
 * before it compared the index itself.
 */
static void
oracle(const char *rev, struct git_pathset *out)
{
	static const char *const dirs[] = {"gdprctl.yaml", "register", "dpa",
	    "incident", "dpia", "ros", "request", "plan"};
	git_repository *repo = NULL;
	git_object *obj = NULL;
	git_tree *tree = NULL;
	git_diff *diff = NULL;
	git_diff_options o;
	const char *sub = F.root + strlen(F.dir);
	char *specs[8];
	size_t i, n, plen;
	int k;

	sub += *sub == '/';
	check(git_repository_open(&repo, F.dir));
	check(git_revparse_single(&obj, repo, rev));
	check(git_commit_tree(&tree, (git_commit *)obj));
	for (k = 0; k < 8; k++) {
		struct buf b = BUF_INIT;

		buf_printf(&b, "%s%s%s", sub, *sub ? "/" : "", dirs[k]);
		specs[k] = buf_detach(&b);
	}
	plen = strlen(specs[0]) - strlen(dirs[0]);
	check(git_diff_options_init(&o, GIT_DIFF_OPTIONS_VERSION));
	o.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS |
	    GIT_DIFF_DISABLE_PATHSPEC_MATCH;
	o.pathspec.strings = specs;
	o.pathspec.count = 8;
	check(git_diff_tree_to_workdir_with_index(&diff, repo, tree, &o));
	n = git_diff_num_deltas(diff);
	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		const git_diff_delta *dd = git_diff_get_delta(diff, i);
		const char *p[2] = {dd->old_file.path, dd->new_file.path};

		for (k = 0; k < 2; k++) {
			if (p[k] == NULL ||
			    strncmp(p[k], specs[0], plen) != 0 ||
			    !repo_is_record_file(p[k] + plen) ||
			    git_pathset_has(out, p[k] + plen))
				continue;
			out->v = xgrow(
			    out->v, &out->cap, out->n + 1, sizeof(*out->v));
			out->v[out->n++] = xstrdup(p[k] + plen);
			qsort(out->v, out->n, sizeof(*out->v), cmp_path);
		}
	}
	for (k = 0; k < 8; k++)
		free(specs[k]);
	git_diff_free(diff);
	git_tree_free(tree);
	git_object_free(obj);
	git_repository_free(repo);
}

/* The set as repo_list_changed finds it, with the listing given. */
static void
listed(const char *rev, struct git_pathset *out)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct repo *r = NULL;

	assert_int_equal(repo_open(&r, F.root, &d), 0);
	assert_int_equal(repo_list_changed(r, rev), 0);
	assert_true(r->listed);
	*out = r->changed;
	memset(&r->changed, 0, sizeof(r->changed));
	repo_free(r);
	diag_list_free(&d);
}

/*
 * git_changed_since(rev), from the directories and from a listing (when
 * there is a gdprctl.yaml to open the records with), &record_files, is want; so
 * is the oracle's set when agree is set.
 */
static void
expect(const char *rev, int agree, const char *const *want)
{
	struct git_pathset s = {0};
	char *cfg = at(F.root, "gdprctl.yaml");

	assert_int_equal(
	    git_changed_since(F.root, rev, &record_files, NULL, &s), 0);
	assert_set(&s, want);
	git_pathset_free(&s);
	if (access(cfg, F_OK) == 0) {
		listed(rev, &s);
		assert_set(&s, want);
		git_pathset_free(&s);
	}
	free(cfg);
	if (agree) {
		oracle(rev, &s);
		assert_set(&s, want);
		git_pathset_free(&s);
	}
}

#define WANT(...) ((const char *const[]){__VA_ARGS__ NULL})

static void
config_set(const char *name, int value)
{
	git_config *cfg = NULL;

	check(git_repository_config(&cfg, F.repo));
	check(git_config_set_bool(cfg, name, value));
	git_config_free(cfg);
}

/* Set the flags of path's index entry. */
static void
index_flag(const char *path, uint16_t flags, uint16_t extended)
{
	git_index *idx = index_open();
	git_index_entry e;

	e = *git_index_get_bypath(idx, path, 0);
	e.flags |= flags;
	e.flags_extended |= extended;
	check(git_index_add(idx, &e));
	index_write(idx);
}

/* Record the trees of the index in it, as git commit does. */
static void
cache_tree(void)
{
	git_index *idx = index_open();
	git_oid id;

	check(git_index_write_tree(&id, idx));
	index_write(idx);
}

static void
unstage(const char *path)
{
	git_index *idx = index_open();

	check(git_index_remove_bypath(idx, path));
	index_write(idx);
}

/* Set the modification time of path (in the work tree) to that of ref
 * plus ns nanoseconds. */
static void
touch_after(const char *path, const char *ref, long ns)
{
	char *p = at(F.dir, path), *r = at(F.dir, ref);
	struct timespec ts[2];
	struct stat st;

	assert_int_equal(stat(r, &st), 0);
	ts[0] = st.st_atim;
	ts[1] = st.st_mtim;
	ts[1].tv_sec += ns / 1000000000;
	ts[1].tv_nsec += ns % 1000000000;
	if (ts[1].tv_nsec >= 1000000000) {
		ts[1].tv_sec++;
		ts[1].tv_nsec -= 1000000000;
	}
	assert_int_equal(utimensat(AT_FDCWD, p, ts, 0), 0);
	free(p);
	free(r);
}

static void
touch_like(const char *path, const char *ref)
{
	touch_after(path, ref, 0);
}

static const char *const base_files[] = {"gdprctl.yaml", CONFIG,
    "register/REG-001.yaml", "id: REG-001\nname: aaaa\n",
    "register/REG-002.yaml", "id: REG-002\n", "register/REG-003.yaml",
    "id: REG-003\n", "register/notes.txt", "x", "dpa/DPA-001.yaml",
    "id: DPA-001\n", "ros/ROS-001.yaml", "id: ROS-001\n", "README", "x", NULL};

/* Each kind of change, against the oracle one after another. */
static void
test_changed_kinds(void **state)
{
	git_oid c1, c2;
	char *p;

	(void)state;
	fx_open(NULL);
	c1 = mk("c1", "A", "2025-01-01T10:00:00", 0, NULL, NULL, base_files);
	c2 = mk("c2", "A", "2025-01-02T10:00:00", 0, &c1, NULL,
	    (const char *const[]){"gdprctl.yaml", CONFIG,
	        "register/REG-001.yaml", "id: REG-001\nname: bbbb\n",
	        "register/REG-002.yaml", "id: REG-002\n",
	        "register/REG-003.yaml", "id: REG-003\n", "register/notes.txt",
	        "x", "dpa/DPA-001.yaml", "id: DPA-001\n", "ros/ROS-001.yaml",
	        "id: ROS-001\n", "README", "x", NULL});
	head_at(&c2);
	expect("HEAD", 1, WANT());
	/* Committed between the revision and HEAD, with and without the
	 * trees of the index recorded. */
	expect("HEAD~1", 1, WANT("register/REG-001.yaml", ));
	cache_tree();
	expect("HEAD~1", 1, WANT("register/REG-001.yaml", ));
	expect("HEAD", 1, WANT());
	/* Staged only: the work tree is as the index. */
	put("register/REG-002.yaml", "id: REG-002\nname: staged\n");
	stage("register/REG-002.yaml");
	expect("HEAD", 1, WANT("register/REG-002.yaml", ));
	/* Back as in HEAD in the work tree, still changed in the index. */
	put("register/REG-002.yaml", "id: REG-002\n");
	expect("HEAD", 1, WANT("register/REG-002.yaml", ));
	stage("register/REG-002.yaml");
	expect("HEAD", 1, WANT());
	/* Deleted, not staged; deleted and staged; out of the index only. */
	del("dpa/DPA-001.yaml");
	del("ros/ROS-001.yaml");
	unstage("ros/ROS-001.yaml");
	unstage("register/REG-003.yaml");
	expect("HEAD", 1,
	    WANT("dpa/DPA-001.yaml", "register/REG-003.yaml",
	        "ros/ROS-001.yaml", ));
	/* Untracked; ignored (by name, by directory); not record files. */
	put(".gitignore", "register/REG-9*.yaml\nincident/\n");
	put("register/REG-004.yml", "id: REG-004\n");
	put("register/REG-900.yaml", "id: REG-900\n");
	put("incident/INC-001.yaml", "id: INC-001\n");
	put("register/old/REG-005.yaml", "id: REG-005\n");
	put("register/.REG-006.yaml", "id: REG-006\n");
	put("register/REG-007.txt", "id: REG-007\n");
	put("plan/README", "x");
	put("plan/PLAN-2025.yaml/x.yaml", "a directory named as a record");
	expect("HEAD", 1,
	    WANT("dpa/DPA-001.yaml", "register/REG-003.yaml",
	        "register/REG-004.yml", "ros/ROS-001.yaml", ));
	/* A rename: the old path and the new. */
	p = at(F.dir, "register/REG-002.yaml");
	{
		char *q = at(F.dir, "register/REG-020.yaml");

		assert_int_equal(rename(p, q), 0);
		free(q);
	}
	free(p);
	unstage("register/REG-002.yaml");
	stage("register/REG-020.yaml");
	expect("HEAD", 1,
	    WANT("dpa/DPA-001.yaml", "register/REG-002.yaml",
	        "register/REG-003.yaml", "register/REG-004.yml",
	        "register/REG-020.yaml", "ros/ROS-001.yaml", ));
	/* Staged as new, then deleted: in neither HEAD nor the work tree. */
	put("register/REG-030.yaml", "id: REG-030\n");
	stage("register/REG-030.yaml");
	del("register/REG-030.yaml");
	/* Executable now. */
	p = at(F.dir, "register/REG-001.yaml");
	assert_int_equal(chmod(p, 0755), 0);
	free(p);
	expect("HEAD", 1,
	    WANT("dpa/DPA-001.yaml", "register/REG-001.yaml",
	        "register/REG-002.yaml", "register/REG-003.yaml",
	        "register/REG-004.yml", "register/REG-020.yaml",
	        "ros/ROS-001.yaml", ));
	/* core.filemode off: the mode bits do not count. */
	config_set("core.filemode", 0);
	expect("HEAD", 1,
	    WANT("dpa/DPA-001.yaml", "register/REG-002.yaml",
	        "register/REG-003.yaml", "register/REG-004.yml",
	        "register/REG-020.yaml", "ros/ROS-001.yaml", ));
	/* gdprctl.yaml counts: changed, or deleted (git rm). */
	put("gdprctl.yaml", CONFIG "# changed\n");
	expect("HEAD~1", 1,
	    WANT("dpa/DPA-001.yaml", "gdprctl.yaml", "register/REG-001.yaml",
	        "register/REG-002.yaml", "register/REG-003.yaml",
	        "register/REG-004.yml", "register/REG-020.yaml",
	        "ros/ROS-001.yaml", ));
	unstage("gdprctl.yaml");
	del("gdprctl.yaml");
	expect("HEAD", 1,
	    WANT("dpa/DPA-001.yaml", "gdprctl.yaml", "register/REG-002.yaml",
	        "register/REG-003.yaml", "register/REG-004.yml",
	        "register/REG-020.yaml", "ros/ROS-001.yaml", ));
	fx_close();
}

/* Stat data that hide an edit, and the racy case that hashes. */
static void
test_changed_stat(void **state)
{
	char *idx;
	git_oid c1;

	(void)state;
	fx_open(NULL);
	c1 = mk("c1", "A", "2025-01-01T10:00:00", 0, NULL, NULL, base_files);
	head_at(&c1);
	/* Same size, the old modification time: the ctime tells. */
	put("README", "y");
	touch_like("README", "register/REG-002.yaml");
	touch_like("register/REG-002.yaml", "register/REG-001.yaml");
	put("register/REG-001.yaml", "id: REG-001\nname: bbbb\n");
	touch_like("register/REG-001.yaml", "register/REG-002.yaml");
	expect("HEAD", 1, WANT("register/REG-001.yaml", ));
	/* Without the ctime the stat data match, and the entry is older
	 * than the index: the edit goes unseen, by git too. */
	config_set("core.trustctime", 0);
	touch_after(".git/index", "register/REG-001.yaml", 1000000000);
	expect("HEAD", 1, WANT());
	/* Older by a nanosecond is older. */
	touch_after(".git/index", "register/REG-001.yaml", 1);
	expect("HEAD", 1, WANT());
	/* As new as the index: racy, so the content is compared. */
	idx = at(F.dir, ".git/index");
	touch_like(".git/index", "register/REG-001.yaml");
	expect("HEAD", 1, WANT("register/REG-001.yaml", ));
	put("register/REG-001.yaml", "id: REG-001\nname: aaaa\n");
	touch_like("register/REG-001.yaml", ".git/index");
	expect("HEAD", 1, WANT());
	free(idx);
	fx_close();
}

/* Content compared through git's filters (core.autocrlf). */
static void
test_changed_filters(void **state)
{
	git_oid c1;

	(void)state;
	fx_open(NULL);
	config_set("core.autocrlf", 1);
	c1 = mk("c1", "A", "2025-01-01T10:00:00", 0, NULL, NULL, base_files);
	head_at(&c1);
	/* Written again as checked out (CRLF), with new stat data. */
	put("register/REG-002.yaml", "id: REG-002\r\n");
	put("register/REG-003.yaml", "id: REG-003\r\n");
	expect("HEAD", 1, WANT());
	put("register/REG-003.yaml", "id: REG-0X3\r\n");
	expect("HEAD", 1, WANT("register/REG-003.yaml", ));
	fx_close();
}

/* Entries git does not look at in the work tree, and conflicts. */
static void
test_changed_flags(void **state)
{
	git_index_entry anc, ours, theirs;
	git_index *idx;
	git_oid c1;

	(void)state;
	fx_open(NULL);
	c1 = mk("c1", "A", "2025-01-01T10:00:00", 0, NULL, NULL, base_files);
	head_at(&c1);
	index_flag("register/REG-001.yaml", GIT_INDEX_ENTRY_VALID, 0);
	index_flag("register/REG-002.yaml", 0, GIT_INDEX_ENTRY_SKIP_WORKTREE);
	put("register/REG-001.yaml", "id: REG-001\nname: edited\n");
	put("register/REG-002.yaml", "id: REG-002\nname: edited\n");
	expect("HEAD", 1, WANT());
	/* A skip-worktree file missing is no change, as for git (libgit2's
	 * diff has it deleted). */
	del("register/REG-002.yaml");
	expect("HEAD", 0, WANT());
	put("register/REG-002.yaml", "id: REG-002\nname: edited\n");
	/* A conflict. */
	idx = index_open();
	anc = *git_index_get_bypath(idx, "register/REG-003.yaml", 0);
	anc.path = "register/REG-003.yaml"; /* the entry's own goes next */
	ours = theirs = anc;
	check(git_index_remove_bypath(idx, "register/REG-003.yaml"));
	check(git_index_conflict_add(idx, &anc, &ours, &theirs));
	index_write(idx);
	expect("HEAD", 1, WANT("register/REG-003.yaml", ));
	fx_close();
}

/* The records root below the top of the work tree; symbolic links. */
static void
test_changed_subdir(void **state)
{
	git_oid c1;

	(void)state;
	fx_open("gdpr");
	c1 = mk("c1", "A", "2025-01-01T10:00:00", 0, NULL, NULL,
	    (const char *const[]){"gdpr/gdprctl.yaml", CONFIG,
	        "gdpr/register/REG-001.yaml", "id: REG-001\n",
	        "gdpr/dpa/DPA-001.yaml", "->../register/REG-001.yaml",
	        "gdpr/dpa/DPA-002.yaml", "->DPA-001.yaml",
	        "register/REG-002.yaml", "id: REG-002\n", "gdprctl.yaml",
	        CONFIG, NULL});
	head_at(&c1);
	expect("HEAD", 1, WANT());
	put("register/REG-002.yaml", "outside the records root\n");
	put("gdprctl.yaml", "outside too\n");
	put("gdpr/register/REG-001.yaml", "id: REG-001\nname: x\n");
	put("gdpr/ros/ROS-001.yaml", "id: ROS-001\n");
	{
		char *p = at(F.dir, "gdpr/dpa/DPA-002.yaml");

		assert_int_equal(unlink(p), 0);
		assert_int_equal(symlink("../ros/ROS-001.yaml", p), 0);
		free(p);
	}
	expect("HEAD", 1,
	    WANT("dpa/DPA-002.yaml", "register/REG-001.yaml",
	        "ros/ROS-001.yaml", ));
	put("gdpr/gdprctl.yaml", CONFIG "# x\n");
	stage("gdpr/gdprctl.yaml");
	expect("HEAD", 1,
	    WANT("dpa/DPA-002.yaml", "gdprctl.yaml", "register/REG-001.yaml",
	        "ros/ROS-001.yaml", ));
	fx_close();
}

/* No index file: nothing is staged, every file of HEAD deleted from it. */
static void
test_changed_no_index(void **state)
{
	git_oid c1;
	char *p;

	(void)state;
	fx_open(NULL);
	c1 = mk("c1", "A", "2025-01-01T10:00:00", 0, NULL, NULL, base_files);
	head_at(&c1);
	p = at(F.dir, ".git/index");
	assert_int_equal(unlink(p), 0);
	free(p);
	expect("HEAD", 1,
	    WANT("dpa/DPA-001.yaml", "gdprctl.yaml", "register/REG-001.yaml",
	        "register/REG-002.yaml", "register/REG-003.yaml",
	        "ros/ROS-001.yaml", ));
	fx_close();
}

/*
 * Every entry gitx reads is the one libgit2 reads, in each version; the
 * number of entries flagged assume-valid or skip-worktree.
 */
static int
check_reader(unsigned version)
{
	struct gitx x;
	struct gitx_entry e;
	git_index *idx = index_open();
	char *file = at(F.dir, ".git/index");
	size_t i = 0;
	int rc, flagged = 0;

	check(git_index_set_version(idx, version));
	index_write(idx);
	idx = index_open();
	assert_int_equal(git_index_version(idx), version);
	assert_int_equal(gitx_open(&x, file), 0);
	assert_int_equal(x.version, version);
	while ((rc = gitx_next(&x, &e)) == 1) {
		const git_index_entry *g = git_index_get_byindex(idx, i++);

		assert_non_null(g);
		assert_string_equal(e.path, g->path);
		assert_memory_equal(e.id, g->id.id, GIT_OID_RAWSZ);
		assert_int_equal(e.mode, g->mode);
		assert_int_equal(e.size, g->file_size);
		assert_int_equal(e.mtime_s, (uint32_t)g->mtime.seconds);
		assert_int_equal(e.mtime_ns, g->mtime.nanoseconds);
		assert_int_equal(e.ctime_ns, g->ctime.nanoseconds);
		assert_int_equal(e.ino, g->ino);
		assert_int_equal(e.stage, git_index_entry_stage(g));
		assert_int_equal(
		    e.assume_valid, (g->flags & GIT_INDEX_ENTRY_VALID) != 0);
		assert_int_equal(e.skip_worktree,
		    (g->flags_extended & GIT_INDEX_ENTRY_SKIP_WORKTREE) != 0);
		flagged += e.assume_valid + e.skip_worktree;
	}
	assert_int_equal(rc, 0);
	assert_int_equal(i, git_index_entrycount(idx));
	gitx_close(&x);
	git_index_free(idx);
	free(file);
	return flagged;
}

static void
test_index_reader(void **state)
{
	git_index *idx;
	git_oid c1, tree;
	struct gitx x;
	struct gitx_entry e;
	git_tree *t = NULL;
	git_commit *c = NULL;
	git_tree_entry *te = NULL;
	char *file, longname[200];

	(void)state;
	fx_open(NULL);
	/* v4 drops more than 127 bytes of a long path: a two-byte varint. */
	memset(longname, 'x', sizeof(longname) - 1);
	memcpy(longname, "b/", 2);
	longname[sizeof(longname) - 1] = '\0';
	c1 = mk("c1", "A", "2025-01-01T10:00:00", 0, NULL, NULL,
	    (const char *const[]){"a", "1", longname, "0",
	        "register/REG-001.yaml", "1", "register/REG-001.yaml.bak", "2",
	        "register/REG-0010.yaml", "3", "register/sub/deeper/REG-1.yaml",
	        "4", "registers", "5",
	        "zz/a-very-long-directory-name-that-repeats/one", "6",
	        "zz/a-very-long-directory-name-that-repeats/two", "7", NULL});
	head_at(&c1);
	assert_int_equal(check_reader(2), 0);
	/* Flags of version 3 on (set in a version 3 index: libgit2 1.5
	 * loses them when adding to a version 4 one). */
	index_flag("register/REG-0010.yaml", GIT_INDEX_ENTRY_VALID, 0);
	index_flag("registers", 0, GIT_INDEX_ENTRY_SKIP_WORKTREE);
	assert_int_equal(check_reader(3), 2);
	assert_int_equal(check_reader(4), 2);

	/* The cache tree: written by write_tree, gone for a directory
	 * whose entries change. */
	file = at(F.dir, ".git/index");
	idx = index_open();
	check(git_index_set_version(idx, 2));
	check(git_index_write_tree(&tree, idx));
	index_write(idx);
	check(git_commit_lookup(&c, F.repo, &c1));
	check(git_commit_tree(&t, c));
	check(git_tree_entry_bypath(&te, t, "register/sub"));
	assert_int_equal(gitx_open(&x, file), 0);
	while (gitx_next(&x, &e) == 1)
		;
	assert_non_null(gitx_tree(&x, ""));
	assert_memory_equal(gitx_tree(&x, ""), tree.id, GIT_OID_RAWSZ);
	assert_non_null(gitx_tree(&x, "register/sub"));
	assert_memory_equal(gitx_tree(&x, "register/sub"),
	    git_tree_entry_id(te)->id, GIT_OID_RAWSZ);
	assert_null(gitx_tree(&x, "register/nothing"));
	gitx_close(&x);
	put("register/REG-001.yaml", "changed");
	stage("register/REG-001.yaml");
	assert_int_equal(gitx_open(&x, file), 0);
	while (gitx_next(&x, &e) == 1)
		;
	assert_null(gitx_tree(&x, "register"));
	assert_null(gitx_tree(&x, ""));
	assert_non_null(gitx_tree(&x, "zz"));
	gitx_close(&x);
	git_tree_entry_free(te);
	git_tree_free(t);
	git_commit_free(c);
	free(file);
	fx_close();
}

/* Write bytes as the index file. */
static void
put_index(const void *data, size_t len)
{
	char *p = at(F.dir, ".git/index");
	FILE *fp = fopen(p, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	free(p);
}

/* Index files it must refuse rather than misread. */
static void
test_index_bad(void **state)
{
	static const unsigned char split[] = {'D', 'I', 'R', 'C', 0, 0, 0, 2, 0,
	    0, 0, 0, 'l', 'i', 'n', 'k', 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
	    10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
	struct git_pathset s = {0};
	unsigned char buf[64];
	struct gitx x;
	struct gitx_entry e;
	char *file;
	git_oid c1;

	(void)state;
	fx_open(NULL);
	c1 = mk("c1", "A", "2025-01-01T10:00:00", 0, NULL, NULL, base_files);
	head_at(&c1);
	file = at(F.dir, ".git/index");
	/* A split index: its entries are in another file. */
	put_index(split, sizeof(split));
	assert_int_equal(gitx_open(&x, file), 0);
	assert_int_equal(gitx_next(&x, &e), -1);
	gitx_close(&x);
	assert_int_equal(
	    git_changed_since(F.root, "HEAD", &record_files, NULL, &s), -1);
	/* Too short, another format, version 5. */
	put_index(split, 20);
	assert_int_equal(gitx_open(&x, file), -1);
	gitx_close(&x);
	memcpy(buf, split, sizeof(split));
	buf[0] = 'X';
	put_index(buf, sizeof(split));
	assert_int_equal(gitx_open(&x, file), -1);
	gitx_close(&x);
	buf[0] = 'D';
	buf[7] = 5;
	put_index(buf, sizeof(split));
	assert_int_equal(gitx_open(&x, file), -1);
	gitx_close(&x);
	/* One entry announced, none there. */
	buf[7] = 2;
	buf[11] = 1;
	put_index(buf, sizeof(split));
	assert_int_equal(gitx_open(&x, file), 0);
	assert_int_equal(gitx_next(&x, &e), -1);
	gitx_close(&x);
	assert_int_equal(s.n, 0);
	free(file);
	fx_close();
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
	assert_int_equal(
	    git_changed_since(F.root, "HEAD", &record_files, NULL, &s), 0);
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
	    cmocka_unit_test(test_changed_kinds),
	    cmocka_unit_test(test_changed_stat),
	    cmocka_unit_test(test_changed_filters),
	    cmocka_unit_test(test_changed_flags),
	    cmocka_unit_test(test_changed_subdir),
	    cmocka_unit_test(test_changed_no_index),
	    cmocka_unit_test(test_index_reader),
	    cmocka_unit_test(test_index_bad),
	    cmocka_unit_test(test_changed_other_files),
	    cmocka_unit_test(test_provenance),
	    cmocka_unit_test(test_shallow),
	};
	int rc;

	git_libgit2_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	git_libgit2_shutdown();
	return rc;
}
