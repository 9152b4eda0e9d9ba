/*
 * Loading the records, from the working tree or a commit, on the pool;
 * and searching a record's text for ids without parsing it.
 */
#include <stdatomic.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "pool.h"
#include "repo.h"
#include "repo_int.h"
#include "xalloc.h"

int
repo_load_file(const struct repo *r, const char *path, struct yml_doc **doc,
    struct diag_list *d)
{
	enum git_entry_type type = GIT_ENTRY_OTHER;
	struct buf fs = BUF_INIT;
	char *data = NULL;
	size_t len = 0;
	int rc, k;

	*doc = NULL;
	k = repo_record_kind(path);
	/* A listed directory's files open without walking the path again. */
	if (r->snap == NULL && k >= 0 && k < KIND_COUNT && r->dirfd[k] >= 0)
		return yml_load_file_at(
		    doc, path, r->dirfd[k], strchr(path, '/') + 1, 0, d);
	if (r->snap == NULL) {
		buf_printf(&fs, "%s/%s", r->root, path);
		rc = yml_load_file(doc, path, fs.ptr, 0, d);
		buf_free(&fs);
		return rc;
	}
	rc = git_snap_read(r->snap, path, YML_MAX_SIZE, &data, &len, &type);
	if (rc != 0)
		return rc < 0 ? -2 : 1;
	if (type == GIT_ENTRY_SYMLINK) {
		diag_add(d, path, 0, 0, RULE_YAML,
		    "is a symbolic link; records must be regular files");
		return -1;
	}
	if (type != GIT_ENTRY_FILE) {
		diag_add(d, path, 0, 0, RULE_YAML, "is not a regular file");
		return -1;
	}
	if (data == NULL) {
		diag_add(d, path, 1, 1, RULE_YAML,
		    "file of %zu bytes is larger than the limit of 4 MiB", len);
		return -1;
	}
	rc = yml_parse(doc, path, data, len, 0, d);
	free(data);
	return rc;
}

void
repo_set_id(struct record *rec)
{
	const struct yml_pair *p;

	rec->id = NULL;
	rec->id_node = NULL;
	if (rec->doc == NULL)
		return;
	p = yml_get_pair(rec->doc->root, "id");
	if (p != NULL && p->val->type == YML_STR) {
		rec->id = p->val->str;
		rec->id_node = p->val;
	}
}

int
repo_load_jobs(const struct repo *r)
{
	/* libgit2 reads of one repository stay on one thread. */
	return r->snap != NULL || r->jobs < 1 ? 1 : r->jobs;
}

int
repo_load_record(const struct repo *r, struct record *rec, struct diag_list *d)
{
	int rc;

	yml_doc_free(rec->doc);
	rc = repo_load_file(r, rec->path, &rec->doc, d);
	repo_set_id(rec);
	return rc < -1 ? -1 : 0;
}

void
repo_prune_record(
    struct repo *r, struct record *rec, const char *const *keys, size_t nkeys)
{
	struct yml_doc *full = rec->doc;

	if (full == NULL)
		return;
	rec->doc = yml_doc_prune(full, keys, nkeys, r->store);
	yml_doc_free(full);
	repo_set_id(rec);
}

/*
 * Read the file at path (relative to directory at) into text, not through
 * a symlink: -1 when it cannot be read, is not a regular file or is larger
 * than YML_MAX_SIZE. Reading up to the end costs less than an fstat, which
 * is left for when nothing could be read.
 */
static int
read_text(int at, const char *path, struct buf *text)
{
	struct stat st;
	ssize_t n;
	int fd, rc;

	buf_reset(text);
	fd = openat(at, path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return -1;
	do {
		size_t want;

		buf_grow(text, 65536);
		want = text->cap - text->len - 1;
		n = read(fd, text->ptr + text->len, want);
		if (n > 0)
			text->len += (size_t)n;
		/* Less than asked of a regular file is its end; anything else
		 * is read only to be searched for ids, and then refused when
		 * loaded. */
		if (n > 0 && (size_t)n < want)
			break;
	} while (
	    (n > 0 || (n < 0 && errno == EINTR)) && text->len <= YML_MAX_SIZE);
	rc = n < 0 || text->len > YML_MAX_SIZE ? -1 : 0;
	/* Nothing read: an empty file, or a FIFO and the like. */
	if (rc == 0 && text->len == 0 &&
	    (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)))
		rc = -1;
	close(fd);
	text->ptr[text->len] = '\0';
	return rc;
}

/* Whether s[at..at+n) is a whole id, not a piece of a longer word. */
static int
whole_id(const char *s, size_t len, size_t at, size_t n)
{
	static const char idchars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                              "abcdefghijklmnopqrstuvwxyz0123456789-";

	return (at == 0 || strchr(idchars, s[at - 1]) == NULL) &&
	    (at + n == len || s[at + n] == '\0' ||
	        strchr(idchars, s[at + n]) == NULL);
}

int
repo_mentions(const struct repo *r, const struct record *rec,
    const char *const *ids, size_t nids, struct buf *text)
{
	struct buf fs = BUF_INIT;
	enum git_entry_type type;
	char *copy = NULL;
	const char *data;
	size_t len = 0, i;
	int found = 0;

	if (r->snap != NULL) {
		if (git_snap_read(r->snap, rec->path, YML_MAX_SIZE, &copy, &len,
		        &type) != 0 ||
		    copy == NULL) {
			free(copy);
			return 1;
		}
		data = copy;
	} else {
		if (r->dirfd[rec->kind] >= 0) {
			found = read_text(r->dirfd[rec->kind],
			    strchr(rec->path, '/') + 1, text);
		} else {
			buf_printf(&fs, "%s/%s", r->root, rec->path);
			found = read_text(AT_FDCWD, fs.ptr, text);
			buf_free(&fs);
		}
		if (found < 0)
			return 1;
		data = text->ptr;
		len = text->len;
	}
	for (i = 0; !found && i < nids; i++) {
		size_t n = strlen(ids[i]);
		const char *p = data;

		while (!found &&
		    (p = memmem(p, len - (size_t)(p - data), ids[i], n)) !=
		        NULL) {
			found = whole_id(data, len, (size_t)(p - data), n);
			p++;
		}
	}
	free(copy);
	return found;
}

struct loading {
	struct repo *r;
	const size_t *which; /* the records to load, or NULL: all */
	struct diag_list *d; /* one per worker */
	atomic_int failed;
};

static void
load_one(size_t i, int worker, void *arg)
{
	struct loading *ld = arg;
	struct record *rec = &ld->r->recs[ld->which ? ld->which[i] : i];

	if (repo_load_record(ld->r, rec, &ld->d[worker]) < 0)
		atomic_store(&ld->failed, 1);
}

/* Load n of r's records (which, or all) on the pool; -1 when one could
 * not be for want of a resource. */
static int
load_some(struct repo *r, const size_t *which, size_t n, struct diag_list *d)
{
	struct loading ld;
	int k, jobs = repo_load_jobs(r);

	ld.r = r;
	ld.which = which;
	ld.d = xcalloc((size_t)jobs, sizeof(*ld.d));
	ld.failed = 0;
	for (k = 0; k < jobs; k++)
		diag_copy_overrides(&ld.d[k], d);
	pool_run(n, jobs, load_one, &ld);
	for (k = 0; k < jobs; k++) {
		diag_move(d, &ld.d[k]);
		diag_list_free(&ld.d[k]);
	}
	free(ld.d);
	return atomic_load(&ld.failed) ? -1 : 0;
}

int
repo_load(struct repo *r, struct diag_list *d)
{
	int rc = repo_list(r);

	if (load_some(r, NULL, r->n, d) < 0)
		rc = -1;
	repo_index(r);
	return rc;
}

int
repo_load_kind(struct repo *r, enum kind k, struct diag_list *d)
{
	int rc = repo_list(r);
	size_t *which = xcalloc(r->n + 1, sizeof(*which)), i, n = 0;

	repo_name_ids(r);
	for (i = 0; i < r->n; i++)
		if (r->recs[i].kind == k)
			which[n++] = i;
	if (load_some(r, which, n, d) < 0)
		rc = -1;
	free(which);
	repo_index(r);
	return rc;
}
