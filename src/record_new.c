/* gdprctl KIND new: a record from the kind's template with the next free
 * id, opened in the editor, then checked. */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "record.h"
#include "record_kind.h"
#include "utf8.h"
#include "write.h"
#include "xalloc.h"

#define MAX_OPTS 3

/* The value of each field option, as it goes into the template. */
struct fill {
	const struct kind_info *rk;
	const struct rctx *c;
	const char *id;
	struct buf val[MAX_OPTS];
	int given[MAX_OPTS];
	struct gd_date year_of; /* the date whose year goes into the id */
};

/* A text option as a double-quoted YAML scalar. */
static int
quote_text(const char *cmd, const char *opt, const char *s, struct buf *out)
{
	size_t len = strlen(s), i;

	if (len == 0) {
		usage_error(cmd, "--%s must not be empty", opt);
		return -1;
	}
	if (utf8_validate(s, len) != len) {
		usage_error(cmd, "--%s is not valid UTF-8", opt);
		return -1;
	}
	buf_putc(out, '"');
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x20 || ch == 0x7F) {
			usage_error(cmd,
			    "--%s must be one line of text without "
			    "control characters",
			    opt);
			return -1;
		}
		if (ch == '"' || ch == '\\')
			buf_putc(out, '\\');
		buf_putc(out, ch);
	}
	buf_putc(out, '"');
	return 0;
}

static int
one_of(const char *const *values, const char *s)
{
	size_t i;

	for (i = 0; values[i] != NULL; i++)
		if (strcmp(values[i], s) == 0)
			return 1;
	return 0;
}

static int
bad_enum(const char *cmd, const struct ropt *o, const char *s)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; o->values[i] != NULL; i++)
		buf_printf(&b, "%s%s",
		    i == 0                 ? ""
		        : o->values[i + 1] ? ", "
		                           : " or ",
		    o->values[i]);
	usage_error(cmd, "--%s takes %s, not '%s'", o->name, buf_cstr(&b), s);
	buf_free(&b);
	return -1;
}

/* Check the value s of option o and store its template form. */
static int
set_opt(struct fill *f, size_t i, const char *s)
{
	const struct ropt *o = &f->rk->opts[i];
	const char *cmd = f->rk->name;
	struct buf *v = &f->val[i];
	struct gd_datetime t;
	struct gd_date d;
	const char *why;

	buf_reset(v);
	f->given[i] = 1;
	switch (o->type) {
	case RO_TEXT:
		return quote_text(cmd, o->name, s, v);
	case RO_ENUM:
		if (!one_of(o->values, s))
			return bad_enum(cmd, o, s);
		buf_puts(v, s);
		return 0;
	case RO_COUNTRY:
		if (strlen(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' ||
		    s[1] > 'Z') {
			usage_error(cmd,
			    "--%s takes an ISO 3166-1 alpha-2 code in "
			    "capitals such as SE, not '%s'",
			    o->name, s);
			return -1;
		}
		buf_puts(v, s);
		return 0;
	case RO_DATE:
		if (strcmp(s, "today") == 0) {
			d = f->c->today;
		} else if (date_parse(s, strlen(s), &d) < 0) {
			usage_error(cmd,
			    "--%s takes a date YYYY-MM-DD or today, "
			    "not '%s'",
			    o->name, s);
			return -1;
		}
		buf_grow(v, 11);
		date_format(d, v->ptr);
		v->len = 10;
		f->year_of = d;
		return 0;
	case RO_DATETIME:
		if (strcmp(s, "now") == 0) {
			datetime_format(f->c->now, v);
			f->year_of = datetime_date(f->c->now);
			return 0;
		}
		if (datetime_parse(s, strlen(s), &t, &why) < 0) {
			usage_error(cmd,
			    "--%s takes a date-time with a UTC offset "
			    "such as 2026-03-02T10:15:00+01:00, or now, "
			    "not '%s': %s",
			    o->name, s, why);
			return -1;
		}
		buf_puts(v, s);
		f->year_of = datetime_date(t);
		return 0;
	}
	return -1;
}

/* Defaults of the options not given. */
static void
set_defaults(struct fill *f)
{
	size_t i;

	for (i = 0; i < f->rk->nopts; i++) {
		const struct ropt *o = &f->rk->opts[i];
		const char *cc = f->c->cfg->country;

		if (f->given[i])
			continue;
		if (o->type == RO_DATE)
			set_opt(f, i, "today");
		else if (o->type == RO_DATETIME)
			set_opt(f, i, "now");
		else if (o->type == RO_COUNTRY)
			buf_puts(&f->val[i],
			    cc != NULL && strlen(cc) == 2 ? cc : "TODO");
		else
			buf_puts(&f->val[i], o->def);
	}
}

/* The highest number N of the ids stem + N of kind k: in record ids and
 * file names alike. */
static long
highest(const struct repo *r, enum kind k, const char *stem)
{
	const struct record *rec = NULL;
	size_t n = strlen(stem);
	long max = 0;

	while ((rec = repo_next(r, k, rec)) != NULL) {
		const char *base = strrchr(rec->path, '/') + 1;
		const char *cand[2];
		size_t i;

		cand[0] = base;
		cand[1] = rec->id;
		for (i = 0; i < 2; i++) {
			const char *s = cand[i];
			char *end;
			long v;

			if (s == NULL || strncmp(s, stem, n) != 0 ||
			    !(s[n] >= '0' && s[n] <= '9'))
				continue;
			errno = 0;
			v = strtol(s + n, &end, 10);
			if (errno != 0 || v > 99999999 ||
			    (*end != '\0' && strcmp(end, ".yaml") != 0 &&
			        strcmp(end, ".yml") != 0))
				continue;
			if (v > max)
				max = v;
		}
	}
	return max;
}

static char *
next_id(const struct fill *f)
{
	const char *prefix = f->rk->prefix;
	struct buf stem = BUF_INIT, id = BUF_INIT;

	if (f->rk->year_opt != NULL)
		buf_printf(&stem, "%s-%04d-", prefix, f->year_of.y);
	else
		buf_printf(&stem, "%s-", prefix);
	buf_printf(&id, "%s%03ld", stem.ptr,
	    highest(f->c->r, f->rk->kind, stem.ptr) + 1);
	buf_free(&stem);
	return buf_detach(&id);
}

/* Scale labels for a comment: "1 Rare, 2 Likely", on one line. */
static void
labels(struct buf *out, const char **l, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		buf_printf(out, "%s%zu ", i ? ", " : "", i + 1);
		for (j = 0; l[i][j] != '\0'; j++)
			buf_putc(
			    out, (unsigned char)l[i][j] < 0x20 ? ' ' : l[i][j]);
	}
}

/* The value of placeholder name (len bytes); 0 when known. */
static int
placeholder(const struct fill *f, const char *name, size_t len, struct buf *out)
{
	const struct config *cfg = f->c->cfg;
	char day[11];
	size_t i;

#define IS(s) (len == strlen(s) && strncmp(name, s, len) == 0)
	for (i = 0; i < f->rk->nopts; i++)
		if (IS(f->rk->opts[i].name)) {
			buf_add(out, f->val[i].ptr, f->val[i].len);
			return 0;
		}
	if (IS("id")) {
		buf_puts(out, f->id);
	} else if (IS("today")) {
		date_format(f->c->today, day);
		buf_puts(out, day);
	} else if (IS("basis")) {
		buf_puts(
		    out, cfg->public_authority ? "public-task" : "contract");
	} else if (IS("hours")) {
		buf_printf(out, "%ld", cfg->breach_hours);
	} else if (IS("months")) {
		buf_printf(out, "%ld", cfg->request_months);
	} else if (IS("extension")) {
		buf_printf(out, "%ld", cfg->extension_months);
	} else if (IS("years")) {
		buf_printf(out, "%ld", cfg->ros_max_age_years);
	} else if (IS("nl")) {
		buf_printf(out, "%zu", cfg->nlikelihood);
	} else if (IS("nc")) {
		buf_printf(out, "%zu", cfg->nconsequence);
	} else if (IS("likelihood")) {
		labels(out, cfg->likelihood, cfg->nlikelihood);
	} else if (IS("consequence")) {
		labels(out, cfg->consequence, cfg->nconsequence);
	} else {
		return -1;
	}
#undef IS
	return 0;
}

static void
expand(const struct fill *f, struct buf *out)
{
	const char *p = f->rk->tmpl, *q;

	while ((q = strstr(p, "${")) != NULL) {
		const char *end = strchr(q, '}');

		buf_add(out, p, (size_t)(q - p));
		if (end == NULL ||
		    placeholder(f, q + 2, (size_t)(end - q - 2), out) < 0) {
			buf_puts(out, "${");
			p = q + 2;
			continue;
		}
		p = end + 1;
	}
	buf_puts(out, p);
}

/* Run $VISUAL or $EDITOR (which may hold arguments) on path. */
static void
edit(const char *path)
{
	const char *ed = getenv("VISUAL");
	struct buf cmd = BUF_INIT;
	int status;
	pid_t pid;

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	buf_printf(&cmd, "%s \"$1\"", ed);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		diag_warn("cannot start the editor: %s", strerror(errno));
	} else if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd.ptr, "sh", path, (char *)NULL);
		_exit(127);
	} else {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			diag_warn("the editor '%s' failed; the record is "
			          "kept as it is",
			    ed);
	}
	buf_free(&cmd);
}

/* Check the repository with the new record and print its findings. */
static int
check_new(const struct gd_ctx *ctx, const char *rel)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct repo *r = NULL;
	struct rctx c;
	int rc = rec_open(ctx, &r, &c, &d, 1);

	diag_retain(&d, rec_of_path, (void *)rel);
	diag_sort(&d);
	fflush(stdout);
	diag_print(
	    &d, stderr, DIAG_TEXT, diag_color_enabled(ctx->color_mode, stderr));
	repo_free(r);
	diag_list_free(&d);
	return rc;
}

/* Whether id is one of kind rk: never a path, so never outside its
 * directory. */
static int
check_id(const struct kind_info *rk, const char *id)
{
	const char *prefix = rk->prefix;
	size_t n = strlen(prefix);

	if (id_valid(id) && strncmp(id, prefix, n) == 0 && id[n] == '-')
		return 0;
	usage_error(rk->name, "--id takes an id such as %s-%s, not '%s'",
	    prefix, rk->year_opt ? "2026-001" : "001", id);
	return -1;
}

/* Options: --id, --edit, --no-edit, --help, then the kind's own. */
static void
build_opts(const struct kind_info *rk, struct option *opts)
{
	static const struct option common[] = {
	    {"id", required_argument, NULL, 'i'},
	    {"edit", no_argument, NULL, 'e'},
	    {"no-edit", no_argument, NULL, 'n'},
	    {"help", no_argument, NULL, 'h'},
	};
	size_t i;

	memcpy(opts, common, sizeof(common));
	for (i = 0; i < rk->nopts; i++) {
		opts[4 + i].name = rk->opts[i].name;
		opts[4 + i].has_arg = required_argument;
		opts[4 + i].flag = NULL;
		opts[4 + i].val = 256 + (int)i;
	}
	memset(&opts[4 + rk->nopts], 0, sizeof(*opts));
}

int
record_new(int argc, char **argv, struct gd_ctx *ctx)
{
	enum kind k = rec_kind(ctx);
	const struct kind_info *rk = kinds[k];
	const char *name = kinds[k]->name;
	struct option opts[4 + MAX_OPTS + 1];
	const char *optval[MAX_OPTS] = {NULL};
	struct diag_list d = DIAG_LIST_INIT;
	struct fill f;
	struct buf text = BUF_INIT, abs = BUF_INIT, rel = BUF_INIT;
	struct repo *r = NULL;
	struct rctx c;
	const char *id = NULL;
	char *newid = NULL;
	int ch, editing = -1, rc = EXIT_FAIL;
	size_t i;

	build_opts(rk, opts);
	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'i':
			id = optarg;
			break;
		case 'e':
			editing = 1;
			break;
		case 'n':
			editing = 0;
			break;
		case 'h':
			return rec_usage(k, "new");
		default:
			if (ch >= 256 && ch < 256 + (int)rk->nopts) {
				optval[ch - 256] = optarg;
				break;
			}
			return opt_error(name, ch, argv);
		}
	}
	if (optind < argc)
		return usage_error(name, "%s new takes no arguments", name);
	if (id != NULL && check_id(rk, id) < 0)
		return EXIT_FAIL;
	memset(&f, 0, sizeof(f));
	f.rk = rk;
	f.c = &c;
	c.today = ctx->today;
	c.now = rec_now(ctx);
	f.year_of = c.today;
	for (i = 0; i < rk->nopts; i++)
		if (optval[i] != NULL && set_opt(&f, i, optval[i]) < 0)
			goto done;
	if (rec_open(ctx, &r, &c, &d, 0) < 0)
		goto done;
	set_defaults(&f);
	if (id == NULL)
		id = newid = next_id(&f);
	assert(id_valid(id));
	f.id = id;
	expand(&f, &text);
	buf_printf(&rel, "%s/%s.yaml", kinds[k]->dir, id);
	buf_printf(&abs, "%s/%s", r->root, kinds[k]->dir);
	if (write_mkdir(abs.ptr) < 0)
		goto done;
	buf_printf(&abs, "/%s.yaml", id);
	if (access(abs.ptr, F_OK) == 0 || errno != ENOENT) {
		diag_error("'%s' already exists; not overwriting it", rel.ptr);
		goto done;
	}
	if (write_new(abs.ptr, text.ptr, text.len) < 0)
		goto done;
	if (editing == 1 || (editing == -1 && isatty(STDIN_FILENO)))
		edit(abs.ptr);
	check_new(ctx, rel.ptr);
	printf("%s\n", rel.ptr);
	rc = EXIT_OK;
done:
	for (i = 0; i < MAX_OPTS; i++)
		buf_free(&f.val[i]);
	free(newid);
	buf_free(&text);
	buf_free(&abs);
	buf_free(&rel);
	repo_free(r);
	diag_list_free(&d);
	return rc;
}
