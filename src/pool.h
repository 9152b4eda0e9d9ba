/* A worker pool for independent per-record work with deterministic output. */
#ifndef GD_POOL_H
#define GD_POOL_H

#include <stddef.h>

/* The default number of jobs: the online processors, at least 1. */
int pool_default_jobs(void);
/*
 * Call fn(i, worker, arg) for every i in 0..n-1 on up to jobs threads;
 * worker is 0..jobs-1 so callers can keep per-worker state. Items are
 * handed out in order; results must not depend on which worker ran them.
 * Returns the number of workers used (1 when no thread could start).
 */
int pool_run(
    size_t n, int jobs, void (*fn)(size_t i, int worker, void *arg), void *arg);
/*
 * As pool_run, but up to jobs threads however few the items: for items
 * that are each much work (a directory to read), not for many small ones.
 */
int pool_run_coarse(
    size_t n, int jobs, void (*fn)(size_t i, int worker, void *arg), void *arg);

#endif
