/* The deadlines of SPEC sections 1 and 2, shared by the rules and reports. */
#ifndef GD_DEADLINE_H
#define GD_DEADLINE_H

#include "config.h"
#include "date.h"
#include "yml.h"

/* A date field as a date: 0 when n is a string holding a valid date. */
int deadline_date(const struct yml_node *n, struct gd_date *out);
/* A date-time field: 0 when n is a string holding a valid date-time. */
int deadline_datetime(const struct yml_node *n, struct gd_datetime *out);

/*
 * The instant a date-only "today" stands for when it is compared with a
 * date-time written in offset `like`: the first instant of that day in
 * that offset. A deadline has passed once it lies before this instant, so
 * nothing is overdue on the day of its deadline.
 */
struct gd_datetime deadline_day_start(
    struct gd_date today, struct gd_datetime like);

/*
 * The notification deadline of an incident (Art. 33(1)): discovered plus
 * breach_notification_hours. 0 when discovered is a valid date-time.
 */
int deadline_breach(const struct config *cfg, const struct yml_node *inc,
    struct gd_datetime *discovered, struct gd_datetime *deadline);

/*
 * The answer deadline of a request (Art. 12(3)): received plus
 * request_response_months calendar months, plus request_extension_months
 * when extended is true, in one step (the same day number, or the last
 * day of a shorter month). 0 when received is a valid date.
 */
int deadline_request(const struct config *cfg, const struct yml_node *req,
    struct gd_date *deadline);

/*
 * When a ROS is due again: its next_review, or date plus
 * ros_max_age_years when it has none. *aged is date plus the years, the
 * day after which the analysis is too old whatever next_review says.
 * 0 when date is a valid date.
 */
int deadline_ros(const struct config *cfg, const struct yml_node *ros,
    struct gd_date *next_review, struct gd_date *aged);

/* reviewed plus review_max_age_months. 0 when reviewed is a valid date. */
int deadline_review(
    const struct config *cfg, const struct yml_node *reg, struct gd_date *due);

#endif
