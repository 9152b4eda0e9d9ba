/* gdprctl plan: list a year's tasks, start a new plan, update a task. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "change.h"
#include "cmd.h"
#include "csv.h"
#include "edit.h"
#include "jsonw.h"
#include "md.h"
#include "table.h"
#include "xalloc.h"

static const char list_usage[] =
    "usage: gdprctl plan list [--year Y] [--format table|csv|json|md]\n"
    "\n"
    "List the tasks of a plan, by quarter: quarter, id, title, priority,\n"
    "status and percent (an absent percent is 0).\n"
    "\n"
    "  --year Y     the plan of year Y (default: this year's, else the\n"
    "               newest)\n"
    "  --format F   table (default), csv, json or md\n";

static const char new_usage[] =
    "usage: gdprctl plan new YEAR [--copy-tasks]\n"
    "\n"
    "Write plan/PLAN-YEAR.yaml with the four quarters, their themes and the\n"
    "continuous work of the previous plan (the newest before YEAR), and\n"
    "print its path. An existing plan is never overwritten.\n"
    "\n"
    "  --copy-tasks   copy the previous plan's tasks too: status\n"
    "                 not-started, percent 0, no date and no notes\n";

static const char set_usage[] =
    "usage: gdprctl plan set TASK [--year Y] [--percent N] [--status S]\n"
    "                        [--priority P] [--date D] [--note TEXT]\n"
    "\n"
    "Change the named values of task TASK and set its date to today (or\n"
    "D). Nothing else in the file changes; a change that would make the\n"
    "plan invalid is refused.\n"
    "\n"
    "  --year Y       the plan of year Y (default: this year's, else the\n"
    "                 newest)\n"
    "  --percent N    how far the task has come, 0-100\n"
    "  --status S     not-started, ongoing, done or cancelled\n"
    "  --priority P   high, normal or low\n"
    "  --date D       the date of the update, YYYY-MM-DD (default today)\n"
    "  --note TEXT    set the task's notes\n";

static const char *const statuses[] = {
    "not-started", "ongoing", "done", "cancelled", NULL};
static const char *const priorities[] = {"high", "normal", "low", NULL};

static int
one_of(const char *s, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strcmp(*set, s) == 0)
			return 1;
	return 0;
}

/* The year of PLAN-YYYY in s (n bytes), or 0. */
static long
id_year(const char *s, size_t n)
{
	long y = 0;
	size_t i;

	if (n != 9 || strncmp(s, "PLAN-", 5) != 0)
		return 0;
	for (i = 5; i < 9; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	return y;
}

/* A plan's year: from its id (which names the file), else its year. */
static long
plan_year(const struct record *rec)
{
	const char *base = strrchr(rec->path, '/');
	const struct yml_node *y;
	long year;

	if (rec->id != NULL && (year = id_year(rec->id, strlen(rec->id))) > 0)
		return year;
	base = base != NULL ? base + 1 : rec->path;
	if (rec->doc == NULL)
		return id_year(base, strcspn(base, "."));
	y = yml_get(rec->doc->root, "year");
	return y != NULL && y->type == YML_INT && !y->is_big && y->ival > 0 &&
	        y->ival <= 9999
	    ? (long)y->ival
	    : 0;
}

/* The plan of year (0: the newest), only looking before before (0: all). */
static const struct record *
find_plan(const struct repo *r, long year, long before)
{
	const struct record *rec, *best = NULL;
	long by = 0;

	for (rec = repo_next(r, KIND_PLAN, NULL); rec != NULL;
	     rec = repo_next(r, KIND_PLAN, rec)) {
		long y = plan_year(rec);

		if (y <= 0)
			continue;
		if (year > 0) {
			if (y == year)
				return rec;
			continue;
		}
		if ((before == 0 || y < before) && y > by) {
			best = rec;
			by = y;
		}
	}
	return best;
}

/*
 * The plan of year, or by default the plan of today's year, or when there
 * is none the newest plan (a repository kept for past years).
 */
static const struct record *
plan_or_complain(const struct repo *r, long year, struct gd_date today)
{
	const struct record *rec;

	if (year > 0)
		rec = find_plan(r, year, 0);
	else if ((rec = find_plan(r, today.y, 0)) == NULL)
		rec = find_plan(r, 0, 0);
	if (rec == NULL && year > 0)
		diag_error("no plan for %ld; start one with 'gdprctl plan new "
		           "%ld'",
		    year, year);
	else if (rec == NULL)
		diag_error("no plan in the repository; start one with "
		           "'gdprctl plan new YEAR'");
	else if (rec->doc == NULL)
		diag_error("'%s' does not load; fix it first (see 'gdprctl "
		           "validate')",
		    rec->path);
	else
		return rec;
	return NULL;
}

static int
year_option(const char *s, long *out)
{
	if (opt_long(s, 1900, 9999, out) < 0)
		return usage_error("plan",
		    "--year takes a year such as 2026, "
		    "not '%s'",
		    s);
	return 0;
}

/* One task as listed. */
struct row {
	const char *quarter, *id, *title, *priority, *status;
	char percent[24];
	int percent_int; /* percent is a number (absent counts as 0) */
	int q;           /* 1-4; 5 when the quarter is missing or odd */
	size_t order;
};

static const char *
str_or_null(const struct yml_node *map, const char *key)
{
	const struct yml_node *n = yml_get(map, key);

	return n != NULL && yml_is_scalar(n) && n->type != YML_NULL ? n->str
	                                                            : NULL;
}

static int
cmp_row(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;

	if (a->q != b->q)
		return a->q < b->q ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static struct row *
collect_rows(const struct yml_node *plan, size_t *n)
{
	const struct yml_node *tasks = yml_get(plan, "tasks");
	struct row *rows;
	size_t i, cnt = 0;

	*n = 0;
	if (tasks == NULL || tasks->type != YML_SEQ)
		return NULL;
	rows = xcalloc(tasks->n + 1, sizeof(*rows));
	for (i = 0; i < tasks->n; i++) {
		const struct yml_node *t = tasks->items[i], *pct;
		struct row *w = &rows[cnt];

		if (t->type != YML_MAP)
			continue;
		w->quarter = str_or_null(t, "quarter");
		w->id = str_or_null(t, "id");
		w->title = str_or_null(t, "title");
		w->priority = str_or_null(t, "priority");
		w->status = str_or_null(t, "status");
		w->q = w->quarter != NULL && strlen(w->quarter) == 2 &&
		        w->quarter[0] == 'Q' && w->quarter[1] >= '1' &&
		        w->quarter[1] <= '4'
		    ? w->quarter[1] - '0'
		    : 5;
		w->order = i;
		pct = yml_get(t, "percent");
		w->percent_int = 1;
		if (pct == NULL || pct->type == YML_NULL) {
			snprintf(w->percent, sizeof(w->percent), "0");
		} else if (pct->type == YML_INT && !pct->is_big) {
			snprintf(w->percent, sizeof(w->percent), "%lld",
			    (long long)pct->ival);
		} else {
			w->percent_int = 0;
			snprintf(w->percent, sizeof(w->percent), "%.20s",
			    yml_is_scalar(pct) ? pct->str : "");
		}
		cnt++;
	}
	qsort(rows, cnt, sizeof(*rows), cmp_row);
	*n = cnt;
	return rows;
}

static void
list_table(struct buf *b, const struct row *rows, size_t n, int color)
{
	static const char *const hdr[] = {
	    "QUARTER", "ID", "TITLE", "PRIORITY", "STATUS", "PERCENT"};
	struct table *t = table_new(6);
	size_t i, k;

	for (k = 0; k < 6; k++)
		table_header(t, k, hdr[k],
		    k == 5       ? TABLE_RIGHT
		        : k == 2 ? TABLE_SHRINK
		                 : TABLE_LEFT);
	for (i = 0; i < n; i++) {
		const char *v[6] = {rows[i].quarter, rows[i].id, rows[i].title,
		    rows[i].priority, rows[i].status, rows[i].percent};

		table_add_row(t);
		for (k = 0; k < 6; k++)
			table_cell(t, k, v[k] != NULL ? v[k] : "-");
	}
	table_render(t, b, 80, color);
	table_free(t);
}

static void
list_csv(struct buf *b, const struct row *rows, size_t n)
{
	struct csv c;
	size_t i;

	csv_init(&c, b);
	csv_header(&c, "quarter,id,title,priority,status,percent");
	for (i = 0; i < n; i++) {
		csv_cell(&c, rows[i].quarter);
		csv_cell(&c, rows[i].id);
		csv_cell(&c, rows[i].title);
		csv_cell(&c, rows[i].priority);
		csv_cell(&c, rows[i].status);
		if (rows[i].percent_int)
			csv_cell_num(&c, rows[i].percent);
		else
			csv_cell(&c, rows[i].percent);
		csv_row_end(&c);
	}
}

static void
list_json(struct buf *b, const struct record *rec, long year,
    const struct row *rows, size_t n)
{
	struct jsonw w;
	size_t i;

	jsonw_init(&w, b, 1);
	jsonw_obj_begin(&w);
	jsonw_key(&w, "plan");
	jsonw_str(&w, rec->id);
	jsonw_key(&w, "year");
	jsonw_int(&w, year);
	jsonw_key(&w, "tasks");
	jsonw_arr_begin(&w);
	for (i = 0; i < n; i++) {
		jsonw_obj_begin(&w);
		jsonw_key(&w, "quarter");
		jsonw_str(&w, rows[i].quarter);
		jsonw_key(&w, "id");
		jsonw_str(&w, rows[i].id);
		jsonw_key(&w, "title");
		jsonw_str(&w, rows[i].title);
		jsonw_key(&w, "priority");
		jsonw_str(&w, rows[i].priority);
		jsonw_key(&w, "status");
		jsonw_str(&w, rows[i].status);
		jsonw_key(&w, "percent");
		if (rows[i].percent_int)
			jsonw_int(&w, strtoll(rows[i].percent, NULL, 10));
		else
			jsonw_str(&w, rows[i].percent);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
}

static void
list_md(struct buf *b, const struct row *rows, size_t n)
{
	static const char *const hdr[] = {
	    "Quarter", "Id", "Title", "Priority", "Status", "Percent"};
	struct md_table t;
	size_t i, k;

	md_table_begin(&t, b, 6);
	for (k = 0; k < 6; k++)
		md_table_header(&t, hdr[k], k == 5 ? MD_RIGHT : MD_LEFT);
	for (i = 0; i < n; i++) {
		md_table_cell(&t, rows[i].quarter);
		md_table_cell(&t, rows[i].id);
		md_table_cell(&t, rows[i].title);
		md_table_cell(&t, rows[i].priority);
		md_table_cell(&t, rows[i].status);
		md_table_cell(&t, rows[i].percent);
		md_table_row_end(&t);
	}
	md_table_end(&t);
}

static int
plan_list(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"year", required_argument, NULL, 'y'},
	    {"format", required_argument, NULL, 'f'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	static const char *const formats[] = {
	    "table", "csv", "json", "md", NULL};
	struct diag_list d = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;
	const struct record *rec;
	struct repo *r = NULL;
	struct row *rows = NULL;
	const char *format = "table";
	long year = 0;
	size_t n;
	int ch, rc = EXIT_FAIL;

	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'y':
			if (year_option(optarg, &year) != 0)
				return EXIT_FAIL;
			break;
		case 'f':
			format = optarg;
			if (!one_of(format, formats))
				return usage_error("plan",
				    "--format takes table, csv, "
				    "json or md, not '%s'",
				    format);
			break;
		case 'h':
			fputs(list_usage, stdout);
			return EXIT_OK;
		default:
			return opt_error("plan", ch, argv);
		}
	}
	if (optind < argc)
		return usage_error("plan", "plan list takes no arguments");
	if (repo_open(&r, ctx->dir, &d) < 0 || repo_load(r, &d) < 0)
		goto done;
	rec = plan_or_complain(r, year, ctx->today);
	if (rec == NULL)
		goto done;
	rows = collect_rows(rec->doc->root, &n);
	if (strcmp(format, "csv") == 0)
		list_csv(&out, rows, n);
	else if (strcmp(format, "json") == 0)
		list_json(&out, rec, plan_year(rec), rows, n);
	else if (strcmp(format, "md") == 0)
		list_md(&out, rows, n);
	else
		list_table(&out, rows, n, ctx->color_out);
	fwrite(out.ptr, 1, out.len, stdout);
	rc = EXIT_OK;
done:
	free(rows);
	buf_free(&out);
	repo_free(r);
	diag_list_free(&d);
	return rc;
}

/* "[a, b]" from a list of strings (anything else is left out). */
static void
flow_list(struct buf *b, const struct yml_node *seq)
{
	size_t i, k = 0;

	buf_putc(b, '[');
	for (i = 0; seq != NULL && seq->type == YML_SEQ && i < seq->n; i++) {
		const struct yml_node *v = seq->items[i];

		if (v->type != YML_STR)
			continue;
		if (k++ > 0)
			buf_puts(b, ", ");
		edit_scalar(b, v->str, EDIT_STR, 1);
	}
	buf_putc(b, ']');
}

/* One line of a copied task: its value of key, or the fixed value. */
static void
copy_field(struct buf *b, const struct yml_node *task, const char *key,
    const char *fixed, int *first)
{
	const struct yml_node *v = yml_get(task, key);

	if (fixed == NULL && (v == NULL || v->type != YML_STR))
		return;
	buf_printf(b, "%s%s: ", *first ? "  - " : "    ", key);
	*first = 0;
	if (fixed != NULL)
		buf_puts(b, fixed);
	else
		edit_scalar(b, v->str, EDIT_STR, 0);
	buf_putc(b, '\n');
}

static void
new_plan_text(
    struct buf *b, long year, const struct record *prev, int copy_tasks)
{
	const struct yml_node *root = prev != NULL ? prev->doc->root : NULL;
	const struct yml_node *themes = yml_get(root, "themes");
	const struct yml_node *tasks = yml_get(root, "tasks");
	size_t i, copied = 0;
	int q;

	buf_printf(b,
	    "# The compliance plan of %ld: the annual wheel (the "
	    "themes of each\n# quarter), the work that goes on all "
	    "year and the tasks.\n",
	    year);
	if (prev != NULL)
		buf_printf(b, "# Started from %s.\n", prev->path);
	buf_printf(b,
	    "# Update a task with: gdprctl plan set TASK --percent N "
	    "--status S\nid: PLAN-%ld\nyear: %ld\nthemes:\n",
	    year, year);
	for (q = 1; q <= 4; q++) {
		char key[3] = {'Q', (char)('0' + q), '\0'};

		buf_printf(b, "  %s: ", key);
		flow_list(b, yml_get(themes, key));
		buf_putc(b, '\n');
	}
	buf_puts(b, "continuous: ");
	flow_list(b, yml_get(root, "continuous"));
	buf_putc(b, '\n');
	for (i = 0; copy_tasks && tasks != NULL && tasks->type == YML_SEQ &&
	     i < tasks->n;
	     i++) {
		const struct yml_node *t = tasks->items[i];

		int first = 1;

		if (t->type != YML_MAP)
			continue;
		if (copied++ == 0)
			buf_puts(b, "tasks:\n");
		copy_field(b, t, "id", NULL, &first);
		copy_field(b, t, "quarter", NULL, &first);
		copy_field(b, t, "title", NULL, &first);
		copy_field(b, t, "priority", NULL, &first);
		copy_field(b, t, "status", "not-started", &first);
		copy_field(b, t, "percent", "0", &first);
		copy_field(b, t, "role", NULL, &first);
	}
	if (copied == 0)
		buf_puts(b, "tasks: []\n");
}

static int
plan_new(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"copy-tasks", no_argument, NULL, 'c'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct change c;
	struct buf text = BUF_INIT, id = BUF_INIT;
	const struct record *prev;
	long year;
	int ch, copy = 0, rc = EXIT_FAIL;

	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'c':
			copy = 1;
			break;
		case 'h':
			fputs(new_usage, stdout);
			return EXIT_OK;
		default:
			return opt_error("plan", ch, argv);
		}
	}
	if (argc - optind != 1)
		return usage_error("plan", "plan new takes one year");
	if (opt_long(argv[optind], 1900, 9999, &year) < 0)
		return usage_error(
		    "plan", "'%s' is not a year such as 2026", argv[optind]);
	if (cmd_change_open(&c, ctx) < 0)
		goto done;
	if ((prev = find_plan(c.r, year, 0)) != NULL) {
		diag_error(
		    "'%s' already exists; not overwriting it", prev->path);
		goto done;
	}
	prev = find_plan(c.r, 0, year);
	if (prev != NULL && prev->doc == NULL) {
		diag_error("'%s' does not load; fix it first (see 'gdprctl "
		           "validate')",
		    prev->path);
		goto done;
	}
	new_plan_text(&text, year, prev, copy);
	buf_printf(&id, "PLAN-%ld", year);
	rc = cmd_change_status(
	    change_create(c.r, KIND_PLAN, id.ptr, text.ptr, text.len, &c.cc));
	if (rc == EXIT_OK)
		printf("%s/%s.yaml\n", kinds[KIND_PLAN]->dir, id.ptr);
done:
	buf_free(&text);
	buf_free(&id);
	change_close(&c);
	return rc;
}

/* The index of the task with id in the plan, or -1 (reported). */
static long
find_task(const struct record *rec, const char *id)
{
	const struct yml_node *tasks = yml_get(rec->doc->root, "tasks");
	long found = -1;
	size_t i;

	for (i = 0; tasks != NULL && tasks->type == YML_SEQ && i < tasks->n;
	     i++) {
		const char *tid = yml_get_str(tasks->items[i], "id");

		if (tid == NULL || strcmp(tid, id) != 0)
			continue;
		if (found >= 0) {
			diag_error("task %s appears twice in '%s'; give the "
			           "tasks unique ids first",
			    id, rec->path);
			return -1;
		}
		found = (long)i;
	}
	if (found < 0)
		diag_error("no task %s in '%s'", id, rec->path);
	return found;
}

/* Set key of task ti of the plan being changed (see change_set). */
static int
set_task(struct change *c, long ti, const char *key, const char *value,
    enum edit_type type, int show)
{
	char path[64];

	snprintf(path, sizeof(path), "tasks[%ld].%s", ti, key);
	return change_set(c, path, key, value, type, show);
}

static int
plan_set(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"year", required_argument, NULL, 'y'},
	    {"percent", required_argument, NULL, 'p'},
	    {"status", required_argument, NULL, 's'},
	    {"priority", required_argument, NULL, 'P'},
	    {"date", required_argument, NULL, 'd'},
	    {"note", required_argument, NULL, 'n'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *percent = NULL, *status = NULL, *priority = NULL;
	const char *date = NULL, *note = NULL, *task;
	const struct record *rec;
	struct change c;
	struct buf subject = BUF_INIT;
	long year = 0, v, ti;
	int ch, rc = EXIT_FAIL;

	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'y':
			if (year_option(optarg, &year) != 0)
				return EXIT_FAIL;
			break;
		case 'p':
			percent = optarg;
			if (opt_long(percent, 0, 100, &v) < 0)
				return usage_error("plan",
				    "--percent takes a whole "
				    "number 0-100, not '%s'",
				    percent);
			break;
		case 's':
			status = optarg;
			if (!one_of(status, statuses))
				return usage_error("plan",
				    "--status takes not-started, ongoing, "
				    "done or cancelled, not '%s'",
				    status);
			break;
		case 'P':
			priority = optarg;
			if (!one_of(priority, priorities))
				return usage_error("plan",
				    "--priority takes high, "
				    "normal or low, not '%s'",
				    priority);
			break;
		case 'd':
			date = optarg;
			if (opt_date("plan", date) != 0)
				return EXIT_FAIL;
			break;
		case 'n':
			note = optarg;
			if (*note == '\0')
				return usage_error(
				    "plan", "--note must not be empty");
			break;
		case 'h':
			fputs(set_usage, stdout);
			return EXIT_OK;
		default:
			return opt_error("plan", ch, argv);
		}
	}
	if (argc - optind != 1)
		return usage_error("plan", "plan set takes one task id");
	task = argv[optind];
	if (!percent && !status && !priority && !date && !note)
		return usage_error("plan",
		    "nothing to set: give --percent, "
		    "--status, --priority, --date or "
		    "--note");
	if (cmd_change_open(&c, ctx) < 0)
		goto done;
	if ((rec = plan_or_complain(c.r, year, ctx->today)) == NULL ||
	    (ti = find_task(rec, task)) < 0 || change_begin(&c, rec) < 0)
		goto done;
	buf_printf(&subject, "task %s", task);
	c.subject = subject.ptr;
	/* In the order of the fields in a task, for keys that are new. */
	if ((priority != NULL &&
	        set_task(&c, ti, "priority", priority, EDIT_STR, 1) < 0) ||
	    (status != NULL &&
	        set_task(&c, ti, "status", status, EDIT_STR, 1) < 0) ||
	    set_task(&c, ti, "date", date ? date : c.today, EDIT_DATE, 1) < 0 ||
	    (percent != NULL &&
	        set_task(&c, ti, "percent", percent, EDIT_INT, 1) < 0) ||
	    (note != NULL && set_task(&c, ti, "notes", note, EDIT_STR, 0) < 0))
		goto done;
	rc = cmd_change_status(change_commit(&c));
done:
	change_close(&c);
	buf_free(&subject);
	return rc;
}

static const struct verb verbs[] = {
    {"list", plan_list, list_usage, CMD_PAGER},
    {"new", plan_new, new_usage, 0},
    {"set", plan_set, set_usage, 0},
    {NULL, NULL, NULL, 0},
};

int
cmd_plan(int argc, char **argv, struct gd_ctx *ctx)
{
	return verb_run("plan", verbs, argc, argv, ctx);
}
