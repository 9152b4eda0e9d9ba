/*
 * Changing records: check the changed repository in memory, write only
 * when the record gains no error, and only to <root>/<dir>/<id>.yaml.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "change.h"
#include "write.h"
#include "xalloc.h"

int
change_dir(const struct repo *r, enum kind k, const char *id)
{
	const struct kind_info *ki = kinds[k];
	size_t plen = strlen(ki->prefix), rootlen = strlen(r->root);
	struct buf dir = BUF_INIT;
	char *real = NULL;
	int fd = -1;

	if (id == NULL || !id_valid(id) || strncmp(id, ki->prefix, plen) != 0 ||
	    id[plen] != '-') {
		diag_error("'%s' is not a valid %s id (%s-...)", id ? id : "",
		    ki->name, ki->prefix);
		return -1;
	}
	buf_printf(&dir, "%s/%s", r->root, ki->dir);
	real = realpath(dir.ptr, NULL);
	if (real == NULL) {
		diag_error(
		    "cannot use directory '%s': %s", ki->dir, strerror(errno));
		goto done;
	}
	/* The root is a real path already; so must the directory be under
	 * it, whatever symlinks lead there. */
	if (strncmp(real, r->root, rootlen) != 0 || real[rootlen] != '/') {
		diag_error(
		    "'%s' leads out of the repository; not writing there",
		    ki->dir);
		goto done;
	}
	fd = open(real, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		diag_error(
		    "cannot open directory '%s': %s", ki->dir, strerror(errno));
done:
	free(real);
	buf_free(&dir);
	return fd;
}

static void
copy_rules(struct diag_list *dst, const struct diag_list *rules)
{
	if (rules != NULL)
		diag_copy_overrides(dst, rules);
}

static int
is_error_of(const struct diag *g, const char *path)
{
	return g->severity == DIAG_ERROR && strcmp(g->path, path) == 0;
}

/*
 * The errors about path in after that before does not have, into fresh.
 * Lines move when keys are inserted, so findings match without them:
 * first by rule and message, then by rule alone, since a change may
 * restate a known problem (a request answered late was overdue before).
 */
static void
new_errors(const struct diag_list *before, const struct diag_list *after,
    const char *path, struct diag_list *fresh)
{
	char *used = xcalloc(before->n + 1, 1);
	char *matched = xcalloc(after->n + 1, 1);
	size_t i, j;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < after->n; i++) {
			const struct diag *a = &after->v[i];

			if (matched[i] || !is_error_of(a, path))
				continue;
			for (j = 0; j < before->n; j++) {
				const struct diag *b = &before->v[j];

				if (!used[j] && is_error_of(b, path) &&
				    b->rule == a->rule &&
				    (pass == 1 ||
				        strcmp(b->message, a->message) == 0))
					break;
			}
			if (j < before->n)
				used[j] = matched[i] = 1;
		}
	}
	for (i = 0; i < after->n; i++) {
		const struct diag *a = &after->v[i];

		if (!matched[i] && is_error_of(a, path))
			diag_push(fresh, a);
	}
	free(used);
	free(matched);
}

static int
refuse(struct diag_list *fresh, const char *path, const struct change_ctx *cc)
{
	diag_sort(fresh);
	fflush(stdout);
	diag_print(fresh, stderr, DIAG_TEXT, cc->color);
	diag_error("%s not changed: the change would make it invalid", path);
	return CHANGE_REFUSED;
}

int
change_record(struct repo *r, const struct record *rec, const char *text,
    size_t len, const struct change_ctx *cc)
{
	struct diag_list before = DIAG_LIST_INIT, after = DIAG_LIST_INIT;
	struct diag_list fresh = DIAG_LIST_INIT;
	struct buf want = BUF_INIT;
	struct yml_doc *doc = NULL, *old;
	int rc = CHANGE_FAILED, dirfd = -1;

	if (rec->doc == NULL) {
		diag_error("'%s' does not load; fix it first (see 'gdprctl "
		           "validate')",
		    rec->path);
		goto done;
	}
	if ((dirfd = change_dir(r, rec->kind, rec->id)) < 0)
		goto done;
	buf_printf(&want, "%s/%s.yaml", kinds[rec->kind]->dir, rec->id);
	if (strcmp(want.ptr, rec->path) != 0) {
		diag_error("'%s' is not named after its id; rename it to '%s' "
		           "first",
		    rec->path, want.ptr);
		goto done;
	}
	copy_rules(&before, cc->rules);
	copy_rules(&after, cc->rules);
	if (check_records(r, cc->co, &before) < 0)
		goto done;
	if (yml_parse(&doc, rec->path, text, len, 0, &after) < 0) {
		new_errors(&before, &after, rec->path, &fresh);
		rc = refuse(&fresh, rec->path, cc);
		goto done;
	}
	old = repo_set_doc(r, rec, doc);
	if (check_records(r, cc->co, &after) < 0) {
		yml_doc_free(repo_set_doc(r, rec, old));
		goto done;
	}
	new_errors(&before, &after, rec->path, &fresh);
	if (fresh.n > 0) {
		yml_doc_free(repo_set_doc(r, rec, old));
		rc = refuse(&fresh, rec->path, cc);
		goto done;
	}
	yml_doc_free(old);
	if (write_replace_at(
	        dirfd, strrchr(want.ptr, '/') + 1, rec->path, text, len) < 0)
		goto done;
	rc = CHANGE_WRITTEN;
done:
	if (dirfd >= 0)
		close(dirfd);
	diag_list_free(&before);
	diag_list_free(&after);
	diag_list_free(&fresh);
	buf_free(&want);
	return rc;
}

int
change_create(struct repo *r, enum kind k, const char *id, const char *text,
    size_t len, const struct change_ctx *cc)
{
	struct diag_list after = DIAG_LIST_INIT, fresh = DIAG_LIST_INIT;
	struct diag_list none = DIAG_LIST_INIT;
	struct buf dir = BUF_INIT, rel = BUF_INIT;
	struct yml_doc *doc = NULL;
	struct stat st;
	int rc = CHANGE_FAILED, dirfd = -1;
	const char *name;

	buf_printf(&dir, "%s/%s", r->root, kinds[k]->dir);
	if (lstat(dir.ptr, &st) < 0 && write_mkdir(dir.ptr) < 0)
		goto done;
	if ((dirfd = change_dir(r, k, id)) < 0)
		goto done;
	buf_printf(&rel, "%s/%s.yaml", kinds[k]->dir, id);
	name = strrchr(rel.ptr, '/') + 1;
	if (repo_find(r, k, id) != NULL ||
	    fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		diag_error("'%s' already exists; not overwriting it", rel.ptr);
		goto done;
	}
	copy_rules(&after, cc->rules);
	if (yml_parse(&doc, rel.ptr, text, len, 0, &after) < 0) {
		new_errors(&none, &after, rel.ptr, &fresh);
		rc = refuse(&fresh, rel.ptr, cc);
		goto done;
	}
	repo_add(r, k, rel.ptr, doc);
	if (check_records(r, cc->co, &after) < 0)
		goto done;
	new_errors(&none, &after, rel.ptr, &fresh);
	if (fresh.n > 0) {
		rc = refuse(&fresh, rel.ptr, cc);
		goto done;
	}
	if (write_new_at(dirfd, name, rel.ptr, text, len) < 0)
		goto done;
	rc = CHANGE_WRITTEN;
done:
	if (dirfd >= 0)
		close(dirfd);
	diag_list_free(&after);
	diag_list_free(&fresh);
	buf_free(&dir);
	buf_free(&rel);
	return rc;
}

int
change_open(struct change *c, const char *dir, struct gd_date today, int color)
{
	memset(c, 0, sizeof(*c));
	date_format(today, c->today);
	c->co.today = today;
	c->cc.co = &c->co;
	c->cc.rules = &c->d;
	c->cc.color = color;
	if (repo_open(&c->r, dir, &c->d) < 0)
		return -1;
	return repo_load(c->r, &c->d);
}

int
change_begin(struct change *c, const struct record *rec)
{
	struct diag_list d = DIAG_LIST_INIT;
	int rc;

	if (rec->doc == NULL) {
		diag_error("'%s' does not load; fix it first (see 'gdprctl "
		           "validate')",
		    rec->path);
		return -1;
	}
	c->rec = rec;
	rc = edit_open(&c->ed, rec->path, rec->doc->src, rec->doc->srclen, &d);
	diag_list_free(&d);
	return rc;
}

int
change_begin_id(struct change *c, enum kind k, const char *id)
{
	const struct record *rec = repo_find(c->r, k, id);

	if (rec == NULL) {
		diag_error("no %s %s in the repository", kinds[k]->name, id);
		return -1;
	}
	return change_begin(c, rec);
}

int
change_set(struct change *c, const char *path, const char *name,
    const char *value, enum edit_type type, int show)
{
	const struct yml_node *old = edit_get(c->ed, path);
	struct buf was = BUF_INIT;

	if (old != NULL && yml_is_scalar(old) && old->len > 0 &&
	    memchr(old->str, '\n', old->len) == NULL)
		buf_puts(&was, old->str);
	else
		buf_puts(&was, "-");
	if (edit_set(c->ed, path, value, type) < 0) {
		buf_free(&was);
		return -1;
	}
	if (c->summary.len > 0)
		buf_puts(&c->summary, ", ");
	if (show)
		buf_printf(&c->summary, "%s %s -> %s", name, was.ptr, value);
	else
		buf_printf(&c->summary, "%s changed", name);
	buf_free(&was);
	return 0;
}

int
change_commit(struct change *c)
{
	size_t len;
	const char *text = edit_text(c->ed, &len);
	int rc;

	if (len == c->rec->doc->srclen &&
	    memcmp(text, c->rec->doc->src, len) == 0) {
		diag_info("%s: %s%sno change (%s)", c->rec->path,
		    c->subject ? c->subject : "", c->subject ? ": " : "",
		    c->summary.ptr);
		return CHANGE_WRITTEN;
	}
	rc = change_record(c->r, c->rec, text, len, &c->cc);
	if (rc == CHANGE_WRITTEN)
		diag_info("%s: %s%s%s", c->rec->path,
		    c->subject ? c->subject : "", c->subject ? ": " : "",
		    c->summary.ptr);
	return rc;
}

void
change_close(struct change *c)
{
	edit_free(c->ed);
	repo_free(c->r);
	diag_list_free(&c->d);
	buf_free(&c->summary);
	memset(c, 0, sizeof(*c));
}
