/* The table of the record kinds' descriptors, and ids. */
#include <string.h>

#include "kind.h"

const struct kind_info *const kinds[KIND_COUNT] = {
    [KIND_REGISTER] = &kind_register,
    [KIND_DPA] = &kind_dpa,
    [KIND_INCIDENT] = &kind_incident,
    [KIND_DPIA] = &kind_dpia,
    [KIND_ROS] = &kind_ros,
    [KIND_REQUEST] = &kind_request,
    [KIND_PLAN] = &kind_plan,
};

int
kind_by_name(const char *s)
{
	int k;

	for (k = 0; k < KIND_COUNT; k++)
		if (strcmp(kinds[k]->name, s) == 0)
			return k;
	return -1;
}

int
kind_placeholder(const char *s, size_t len)
{
	return len == sizeof(KIND_PLACEHOLDER) - 1 &&
	    memcmp(s, KIND_PLACEHOLDER, len) == 0;
}

int
id_valid(const char *id)
{
	const char *p = id;

	if (!(*p >= 'A' && *p <= 'Z'))
		return 0;
	while (*p >= 'A' && *p <= 'Z')
		p++;
	if (*p++ != '-')
		return 0;
	if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
	        (*p >= '0' && *p <= '9')))
		return 0;
	for (; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		        (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	return 1;
}
