/*
 * A reader of git's index file (versions 2 to 4, SHA-1), for comparing the
 * work tree with it: libgit2 loads an index of 100 000 entries in about
 * 40 ms, hashing and allocating all of it; this maps the file and walks it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "git_int.h"
#include "xalloc.h"

#define HEADER_SIZE 12
#define HASH_SIZE 20
/* ctime, mtime, dev, ino, mode, uid, gid, size, id and flags */
#define ENTRY_FIXED (10 * 4 + HASH_SIZE + 2)
/* Cache-tree levels followed; a real work tree is far shallower. */
#define TREE_DEPTH_MAX 1024

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static int
bad(const char *why)
{
	diag_error("cannot read the git index: %s", why);
	return -1;
}

int
gitx_open(struct gitx *x, const char *file)
{
	struct stat st;
	int fd;

	memset(x, 0, sizeof(*x));
	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		return 0; /* no index yet: nothing staged */
	if (fd < 0 || fstat(fd, &st) < 0) {
		diag_error("cannot read the git index: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	x->mtime = st.st_mtim;
	x->size = (size_t)st.st_size;
	if (x->size < HEADER_SIZE + HASH_SIZE) {
		close(fd);
		return bad("too short");
	}
	x->map = mmap(NULL, x->size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (x->map == MAP_FAILED) {
		x->map = NULL;
		diag_error("cannot read the git index: %s", strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	x->version = be32(x->map + 4);
	x->nent = be32(x->map + 8);
	x->pos = HEADER_SIZE;
	x->end = x->size - HASH_SIZE;
	if (memcmp(x->map, "DIRC", 4) != 0)
		return bad("not an index file");
	if (x->version < 2 || x->version > 4)
		return bad("unsupported version");
	return 0;
}

/* Decode v4's prefix length, a varint as git's decode_varint reads it. */
static int
varint(const unsigned char **p, const unsigned char *end, size_t *out)
{
	size_t v;
	unsigned char c;

	if (*p >= end)
		return -1;
	c = *(*p)++;
	v = c & 127;
	while (c & 128) {
		if (*p >= end || v >= SIZE_MAX >> 8)
			return -1;
		c = *(*p)++;
		v = ((v + 1) << 7) | (c & 127);
	}
	*out = v;
	return 0;
}

/* Parse one cache-tree node and its subtrees, keeping the valid ones. */
static int
tree_node(struct gitx *x, const unsigned char **p, const unsigned char *end,
    struct buf *path, int depth)
{
	const unsigned char *nul = memchr(*p, 0, (size_t)(end - *p));
	size_t keep = path->len;
	long count, subs, i;
	char *e;
	int rc = 0;

	if (nul == NULL || depth > TREE_DEPTH_MAX)
		return -1;
	if (nul > *p) {
		if (path->len > 0)
			buf_putc(path, '/');
		buf_add(path, *p, (size_t)(nul - *p));
	}
	*p = nul + 1;
	/* "<entries> <subtrees>\n", the entries -1 when invalid */
	nul = memchr(*p, '\n', (size_t)(end - *p));
	if (nul == NULL)
		return -1;
	errno = 0;
	count = strtol((const char *)*p, &e, 10);
	if (e == (const char *)*p || *e != ' ' || errno != 0)
		return -1;
	subs = strtol(e + 1, &e, 10);
	if (e != (const char *)nul || subs < 0 || errno != 0)
		return -1;
	*p = nul + 1;
	if (count >= 0) {
		if (end - *p < HASH_SIZE)
			return -1;
		x->trees = xgrow(
		    x->trees, &x->trees_cap, x->ntrees + 1, sizeof(*x->trees));
		x->trees[x->ntrees].path = xstrdup(buf_cstr(path));
		x->trees[x->ntrees++].id = *p;
		*p += HASH_SIZE;
	}
	for (i = 0; i < subs && rc == 0; i++)
		rc = tree_node(x, p, end, path, depth + 1);
	buf_truncate(path, keep);
	return rc;
}

/* After the entries: the extensions, of which only TREE is read. */
static int
extensions(struct gitx *x)
{
	while (x->pos < x->end) {
		const unsigned char *p = x->map + x->pos, *data;
		struct buf path = BUF_INIT;
		uint32_t len;
		int rc = 0;

		if (x->end - x->pos < 8 || be32(p + 4) > x->end - x->pos - 8)
			return bad("truncated extension");
		len = be32(p + 4);
		data = p + 8;
		/* Extensions not named in capitals are needed to read the
		 * entries right (a split or sparse index). */
		if (!(p[0] >= 'A' && p[0] <= 'Z')) {
			/* A signature git does not know could be any bytes. */
			if (p[0] >= 'a' && p[0] <= 'z' && p[1] >= 'a' &&
			    p[1] <= 'z' && p[2] >= 'a' && p[2] <= 'z' &&
			    p[3] >= 'a' && p[3] <= 'z')
				diag_error("cannot read the git index: "
				           "unsupported extension '%.4s'",
				    (const char *)p);
			else
				diag_error("cannot read the git index: bad "
				           "extension");
			return -1;
		}
		if (memcmp(p, "TREE", 4) == 0) {
			while (data < p + 8 + len && rc == 0)
				rc = tree_node(x, &data, p + 8 + len, &path, 0);
			buf_free(&path);
			if (rc < 0)
				return bad("bad cache tree");
		}
		x->pos += 8 + (size_t)len;
	}
	return 0;
}

int
gitx_next(struct gitx *x, struct gitx_entry *e)
{
	const unsigned char *p, *end, *name;
	unsigned flags;
	size_t fixed, len, strip;

	if (x->map == NULL || x->done)
		return 0;
	if (x->i == x->nent) {
		x->done = 1;
		return extensions(x);
	}
	p = x->map + x->pos;
	end = x->map + x->end;
	if ((size_t)(end - p) < ENTRY_FIXED)
		return bad("truncated entry");
	e->ctime_s = be32(p);
	e->ctime_ns = be32(p + 4);
	e->mtime_s = be32(p + 8);
	e->mtime_ns = be32(p + 12);
	e->ino = be32(p + 20);
	e->mode = be32(p + 24);
	e->uid = be32(p + 28);
	e->gid = be32(p + 32);
	e->size = be32(p + 36);
	e->id = p + 40;
	flags = (unsigned)p[60] << 8 | p[61];
	e->stage = (flags >> 12) & 3;
	e->assume_valid = (flags & 0x8000) != 0;
	e->skip_worktree = 0;
	e->intent_to_add = 0;
	fixed = ENTRY_FIXED;
	if (flags & 0x4000) {
		if (x->version < 3 || (size_t)(end - p) < fixed + 2)
			return bad("bad entry flags");
		e->skip_worktree = (p[62] & 0x40) != 0;
		e->intent_to_add = (p[62] & 0x20) != 0;
		fixed += 2;
	}
	name = p + fixed;
	if (x->version == 4) {
		if (varint(&name, end, &strip) < 0 || strip > x->path.len)
			return bad("bad path");
		len = strnlen((const char *)name, (size_t)(end - name));
		if (name + len == end)
			return bad("bad path");
		buf_truncate(&x->path, x->path.len - strip);
		buf_add(&x->path, name, len);
		e->path = buf_cstr(&x->path);
		x->pos = (size_t)(name + len + 1 - x->map);
	} else {
		len = strnlen((const char *)name, (size_t)(end - name));
		/* 1 to 8 NULs pad the entry to a multiple of 8 bytes. */
		if ((size_t)(end - name) < len + 1 ||
		    (size_t)(end - p) < ((fixed + len + 8) & ~(size_t)7))
			return bad("bad path");
		e->path = (const char *)name;
		x->pos += (fixed + len + 8) & ~(size_t)7;
	}
	x->i++;
	return 1;
}

const unsigned char *
gitx_tree(const struct gitx *x, const char *dir)
{
	size_t i;

	for (i = 0; i < x->ntrees; i++)
		if (strcmp(x->trees[i].path, dir) == 0)
			return x->trees[i].id;
	return NULL;
}

void
gitx_close(struct gitx *x)
{
	size_t i;

	if (x->map != NULL)
		munmap(x->map, x->size);
	for (i = 0; i < x->ntrees; i++)
		free(x->trees[i].path);
	free(x->trees);
	buf_free(&x->path);
	memset(x, 0, sizeof(*x));
}
