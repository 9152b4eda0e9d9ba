/*
 * Benchmark floor: read every record file of a repository once and parse it
 * with libyaml's event API, single-threaded. No validator can be faster.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "buf.h"
#include "xalloc.h"

static const char *const dirs[] = {
    "register",
    "dpa",
    "incident",
    "dpia",
    "ros",
    "request",
    "plan",
};

struct totals {
	long files, events, failed;
	size_t bytes;
};

/* Read the whole file into *data (a buffer reused between files). */
static int
read_file(const char *path, struct buf *data)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -1;
	}
	buf_reset(data);
	buf_grow(data, (size_t)st.st_size + 1);
	while ((n = read(fd, data->ptr + data->len,
	            data->cap - data->len - 1)) > 0) {
		data->len += (size_t)n;
		if (data->len + 1 >= data->cap)
			buf_grow(data, data->cap);
	}
	close(fd);
	return n < 0 ? -1 : 0;
}

static void
parse(const struct buf *data, struct totals *t)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int done = 0;

	yaml_parser_initialize(&p);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(
	    &p, (const unsigned char *)data->ptr, data->len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			t->failed++;
			break;
		}
		t->events++;
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void
scan_dir(const char *root, const char *dir, struct buf *data, struct totals *t)
{
	struct buf path = BUF_INIT;
	struct dirent *de;
	DIR *dp;

	buf_printf(&path, "%s/%s", root, dir);
	dp = opendir(path.ptr);
	if (dp == NULL) {
		buf_free(&path);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.' || !ends_with(de->d_name, ".yaml"))
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s/%s", root, dir, de->d_name);
		if (read_file(path.ptr, data) < 0) {
			t->failed++;
			continue;
		}
		t->files++;
		t->bytes += data->len;
		parse(data, t);
	}
	closedir(dp);
	buf_free(&path);
}

int
main(int argc, char **argv)
{
	struct totals t = {0, 0, 0, 0};
	struct buf data = BUF_INIT;
	size_t i;

	if (argc != 2) {
		fputs("usage: baseline REPO\n", stderr);
		return 2;
	}
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		scan_dir(argv[1], dirs[i], &data, &t);
	buf_free(&data);
	printf("%ld files, %zu bytes, %ld events, %ld not parsed\n", t.files,
	    t.bytes, t.events, t.failed);
	return 0;
}
