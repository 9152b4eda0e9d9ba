/* The deadlines of SPEC sections 1 and 2, shared by the rules and reports. */
#include "deadline.h"

/* Config values are unchecked longs: keep them where int arithmetic and the
 * saturating date functions are safe (far beyond year 9999 anyway). */
static int
clamp(long v, long max)
{
	if (v < 0)
		return 0;
	return (int)(v > max ? max : v);
}

int
deadline_date(const struct yml_node *n, struct gd_date *out)
{
	if (n == NULL || n->type != YML_STR)
		return -1;
	return date_parse(n->str, n->len, out);
}

int
deadline_datetime(const struct yml_node *n, struct gd_datetime *out)
{
	if (n == NULL || n->type != YML_STR)
		return -1;
	return datetime_parse(n->str, n->len, out, NULL);
}

struct gd_datetime
deadline_day_start(struct gd_date today, struct gd_datetime like)
{
	struct gd_datetime t = date_start(today);

	t.utc -= (int64_t)like.offset * 60;
	t.offset = like.offset;
	t.zulu = like.zulu;
	return t;
}

int
deadline_breach(const struct config *cfg, const struct yml_node *inc,
    struct gd_datetime *discovered, struct gd_datetime *deadline)
{
	if (deadline_datetime(yml_get(inc, "discovered"), discovered) < 0)
		return -1;
	*deadline = datetime_add_hours(
	    *discovered, clamp(cfg->breach_hours, 100000000));
	return 0;
}

int
deadline_request(const struct config *cfg, const struct yml_node *req,
    struct gd_date *deadline)
{
	const struct yml_node *ext = yml_get(req, "extended");
	struct gd_date received;
	int months = clamp(cfg->request_months, 1000000);

	if (deadline_date(yml_get(req, "received"), &received) < 0)
		return -1;
	if (ext != NULL && ext->type == YML_BOOL && ext->boolean)
		months += clamp(cfg->extension_months, 1000000);
	*deadline = date_add_months(received, months);
	return 0;
}

int
deadline_ros(const struct config *cfg, const struct yml_node *ros,
    struct gd_date *next_review, struct gd_date *aged)
{
	struct gd_date date;

	if (deadline_date(yml_get(ros, "date"), &date) < 0)
		return -1;
	*aged = date_add_years(date, clamp(cfg->ros_max_age_years, 100000));
	if (deadline_date(yml_get(ros, "next_review"), next_review) < 0)
		*next_review = *aged;
	return 0;
}

int
deadline_review(
    const struct config *cfg, const struct yml_node *reg, struct gd_date *due)
{
	struct gd_date reviewed;

	if (deadline_date(yml_get(reg, "reviewed"), &reviewed) < 0)
		return -1;
	*due = date_add_months(
	    reviewed, clamp(cfg->review_max_age_months, 1000000));
	return 0;
}
