/* A worker pool: threads take the next item index from one atomic counter. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "pool.h"
#include "xalloc.h"

struct pool {
	atomic_size_t next;
	size_t n;
	void (*fn)(size_t, int, void *);
	void *arg;
};

struct worker {
	struct pool *p;
	int id;
};

int
pool_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (n > 64 ? 64 : (int)n) : 1;
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	size_t i;

	while ((i = atomic_fetch_add(&w->p->next, 1)) < w->p->n)
		w->p->fn(i, w->id, w->p->arg);
	return NULL;
}

/* Run the items on jobs threads (at least 1), the caller's among them. */
static int
run(size_t n, int jobs, void (*fn)(size_t i, int worker, void *arg), void *arg)
{
	struct pool p;
	struct worker *ws;
	pthread_t *th;
	int started = 0, k;

	atomic_init(&p.next, 0);
	p.n = n;
	p.fn = fn;
	p.arg = arg;
	ws = xcalloc((size_t)jobs, sizeof(*ws));
	th = xcalloc((size_t)jobs, sizeof(*th));
	for (k = 0; k < jobs; k++) {
		ws[k].p = &p;
		ws[k].id = k;
	}
	for (k = 1; k < jobs; k++) {
		if (pthread_create(&th[k], NULL, work, &ws[k]) != 0)
			break;
		started++;
	}
	work(&ws[0]);
	for (k = 1; k <= started; k++)
		pthread_join(th[k], NULL);
	free(ws);
	free(th);
	return started + 1;
}

int
pool_run(
    size_t n, int jobs, void (*fn)(size_t i, int worker, void *arg), void *arg)
{
	if (jobs < 1)
		jobs = 1;
	/* Threads only pay off with enough items to share. */
	if ((size_t)jobs > n / 16 + 1)
		jobs = (int)(n / 16 + 1);
	return run(n, jobs, fn, arg);
}

int
pool_run_coarse(
    size_t n, int jobs, void (*fn)(size_t i, int worker, void *arg), void *arg)
{
	if ((size_t)jobs > n)
		jobs = (int)n;
	return run(n, jobs < 1 ? 1 : jobs, fn, arg);
}
