/*
 * The records repository: root discovery, listing, loading, lookup (repo.c,
 * repo_list.c, repo_load.c, repo_index.c, repo_scope.c).
 */
#ifndef GD_REPO_H
#define GD_REPO_H

#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "git.h"
#include "kind.h"
#include "yml.h"

struct record {
	enum kind kind;
	/* Relative to the root, "incident/INC-2026-001.yaml"; the repository
	 * holds it. */
	char *path;
	struct yml_doc *doc; /* NULL when the file did not load */
	/* The id field when it is a string; for a record not loaded, the id
	 * its file name gives (repo_name_ids), kept after the path's NUL. */
	const char *id;
	const struct yml_node *id_node;
	int in_scope; /* findings about it are reported */
};

struct repo {
	char *root; /* absolute */
	char *rev;  /* --at REV, or NULL for the working tree */
	/* The commit of rev, read instead of the working tree. */
	struct git_snap *snap;
	/* After repo_scope_changed (scoped), the files in scope. */
	struct git_pathset changed;
	int scoped;
	struct config cfg;
	/* The record files, for git: the record directories and gdprctl.yaml.
	 */
	const char *dirs[KIND_COUNT];
	struct git_files files;
	int jobs;            /* threads for loading; set before repo_load */
	struct record *recs; /* sorted by path */
	size_t n, cap;
	int listed; /* recs hold every record file of the working tree */
	/* The records' paths, many to a block. */
	char **blocks;
	size_t nblocks, nblocks_cap;
	int dirfd[KIND_COUNT]; /* the record directories listed, or -1 */
	/* Open-addressing index of (kind, id) -> record. */
	size_t *idx;
	size_t idxcap;
	struct yml_store *store; /* the pruned records */
};

#define CONFIG_FILE "gdprctl.yaml"

/*
 * The first directory from start upwards that holds gdprctl.yaml, as an
 * absolute path in *out. Returns -1 (and reports) when there is none.
 */
int repo_find_root(const char *start, char **out);
/* Whether start is in a repository: 1 or 0, -1 (reported) when start
 * cannot be used. */
int repo_exists(const char *start);
/* Find the root and load gdprctl.yaml (its findings go to d). */
int repo_open(struct repo **out, const char *start, struct diag_list *d);
/*
 * As repo_open, but with rev not NULL gdprctl.yaml and later the records
 * come from the tree of commit rev (--at), not from the working tree.
 */
int repo_open_at(
    struct repo **out, const char *start, const char *rev, struct diag_list *d);
/* Read and parse every record file of every kind. */
int repo_load(struct repo *r, struct diag_list *d);
/* As repo_load, but only the files of kind k: the others are listed and
 * known by the ids of their file names (repo_name_ids), not loaded. */
int repo_load_kind(struct repo *r, enum kind k, struct diag_list *d);

/*
 * The steps of repo_load for callers that load in their own way: list
 * the record files of every kind (sorted by path, none loaded); the
 * number of threads loading may use; load rec, which is one of r's
 * records (its doc and id; -1 only when the job cannot be done, findings
 * go to d; safe on any thread while no two load the same record); index
 * the ids of the records.
 */
int repo_list(struct repo *r);
int repo_load_jobs(const struct repo *r);
int repo_load_record(
    const struct repo *r, struct record *rec, struct diag_list *d);
void repo_index(struct repo *r);
/*
 * Replace the doc of rec (one of r's) by the copy yml_doc_prune makes
 * with keys in r's store, for a run that needs only those fields of it
 * from now on.
 */
void repo_prune_record(
    struct repo *r, struct record *rec, const char *const *keys, size_t nkeys);
/*
 * Give every record that is not loaded the id its file name gives (the
 * name without .yaml or .yml), and index the ids: other records can then
 * refer to it without it being parsed.
 */
void repo_name_ids(struct repo *r);
/*
 * After repo_name_ids and loading the n records which, index their ids:
 * the index is only rebuilt when one's id is not its file name's.
 */
void repo_index_loaded(struct repo *r, const size_t *which, size_t n);
/*
 * Whether the text of rec's file (read into text, a buffer the caller
 * keeps for the next call, not parsed) holds one of the ids as a whole
 * word; also when it cannot be read, so that loading it reports why.
 */
int repo_mentions(const struct repo *r, const struct record *rec,
    const char *const *ids, size_t nids, struct buf *text);
/*
 * --changed-since: put only the records changed since rev in scope (rules
 * skip the others but still see them as references); afterwards
 * repo_in_scope tells which findings to keep.
 */
int repo_scope_changed(struct repo *r, const char *rev);
/*
 * repo_list, then repo_scope_changed, with git's part that needs no
 * working tree done while the directories are read.
 */
int repo_list_changed(struct repo *r, const char *rev);
/* Whether findings about path (relative to the root) are wanted. */
int repo_in_scope(const struct repo *r, const char *path);
/*
 * Whether path (relative to the root) is one repo_load reads: gdprctl.yaml,
 * or a *.yaml / *.yml file directly in a record directory, not hidden.
 */
int repo_is_record_file(const char *path);
/*
 * The kind of the record file at path (relative to the root), KIND_COUNT
 * for gdprctl.yaml, or -1 when repo_is_record_file would say no.
 */
int repo_record_kind(const char *path);
/* Whether name is a record file's name within a record directory. */
int repo_record_name(const char *name);
/* The record of kind k with id, or NULL. */
const struct record *repo_find(
    const struct repo *r, enum kind k, const char *id);
/* Records of one kind, in path order: iterate with repo_next. */
const struct record *repo_next(
    const struct repo *r, enum kind k, const struct record *prev);
/*
 * Give record rec the parse doc (owned by r from now on) and return its
 * old one for the caller to free. Record pointers stay valid.
 */
struct yml_doc *repo_set_doc(
    struct repo *r, const struct record *rec, struct yml_doc *doc);
/*
 * Add a record of kind k at path (relative to the root) with the parse doc
 * (owned by r from now on). Invalidates pointers to records.
 */
const struct record *repo_add(
    struct repo *r, enum kind k, const char *path, struct yml_doc *doc);
void repo_free(struct repo *r);

#endif
