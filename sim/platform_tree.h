/* Private to the platform loader (sim/platform.c) and its unit test: the small tree a platform
 * YAML file is parsed into, with the file position of every node, and the loader's stages
 * (parse, include merge, --set, build) so each can be tested on its own. */
#ifndef SOCSIM_PLATFORM_TREE_H
#define SOCSIM_PLATFORM_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "sim/sim.h"

enum pnode_kind { PN_SCALAR, PN_MAP, PN_SEQ };

struct pnode {
    enum pnode_kind kind;
    const char *file; /* outlives the tree (interned in struct sim, or a literal in tests) */
    unsigned line, col; /* 1-based; line 0: the node came from a --set (file is "--set P=V") */
    bool plain;         /* scalar written without quotes (an empty plain scalar is YAML null) */
    char *text;         /* scalar value */
    char *origin;       /* copies made from a hart template: "template 'hart$i' with i=2",
                         * added to error messages about the copy; NULL otherwise */
    struct pnode **kids; /* map: key, value, key, value, ... (keys are scalars); seq: items */
    unsigned n, cap;     /* number of kids; a map has n / 2 entries */
};

/* Map access: entry i's key and value; look-up by key returns the value or NULL. */
static inline unsigned pmap_len(const struct pnode *m) { return m->n / 2; }
static inline struct pnode *pmap_key(const struct pnode *m, unsigned i) { return m->kids[2 * i]; }
static inline struct pnode *pmap_val(const struct pnode *m, unsigned i)
{
    return m->kids[2 * i + 1];
}
struct pnode *pmap_get(const struct pnode *m, const char *key);

void ptree_free(struct pnode *n);
struct pnode *ptree_copy(const struct pnode *n);
/* Merge `over` into `base` (both consumed): maps merge key by key, recursively; anything else
 * in `over` replaces what `base` had. Returns the merged tree. */
struct pnode *ptree_merge(struct pnode *base, struct pnode *over);

/* Parse one YAML document. On error returns NULL with "FILE:LINE:COL: error: ..." in err.
 * An empty document is an error too (a platform file needs at least one key). */
struct pnode *ptree_parse(const char *file, const char *text, size_t len, char *err,
                          size_t errlen);

/* Read `path` (or use `text` when not NULL) and resolve its `include:` key recursively;
 * file names are interned in sim. Returns the merged tree or NULL with err set. */
struct pnode *ptree_load(struct sim *sim, const char *path, const char *text, char *err,
                         size_t errlen);

/* Apply one --set to the merged tree. Returns 0 or -1 with "--set P=V: error: ..." in err. */
int ptree_apply_set(struct sim *sim, struct pnode *root, const struct set_override *set,
                    char *err, size_t errlen);

/* Apply one --set; when a key before the last one does not exist yet, set *missing (the
 * caller may retry after template expansion, which creates hart0, hart1, ...). */
int ptree_apply_set_ex(struct sim *sim, struct pnode *root, const struct set_override *set,
                       bool *missing, char *err, size_t errlen);

/* Expand hart templates in place (docs/platforms.md, "Several harts"): the top-level `harts: N`
 * (default 1), `cpus:` entries whose name holds $expressions (one copy per i in 0..N-1),
 * `irqs:` lines whose output holds them, and $expressions in every other value under cpus:
 * and devices: (`harts` only, no `i`). Entries written out with the name of a copy are merged
 * over it. Expanding an expanded tree changes nothing. Returns 0 or -1 with err set. */
int ptree_expand(struct pnode *root, char *err, size_t errlen);

/* Interpret a merged, expanded tree: create harts and devices, map them, wire interrupts. */
int platform_build(struct sim *sim, const struct pnode *root, char *err, size_t errlen);

/* The whole of sim_load_platform without printing: `text` (may be NULL) stands for the
 * contents of `path`, so tests can load inline YAML. */
int platform_load(struct sim *sim, const char *path, const char *text,
                  const struct set_override *sets, unsigned nsets, char *err, size_t errlen);

#endif
