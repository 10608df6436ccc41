/* Platform loader: platform YAML (with includes and --set overrides) -> harts, devices, bus
 * regions and interrupt wires in a struct sim. The YAML is first read into a small tree that
 * keeps every node's file position, so each error can say FILE:LINE:COL and what was expected.
 * The file format is described in docs/platforms.md. */
#include "sim/platform_tree.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "models/cpu/riscv/rv.h"
#include "sim/sim.h"

#ifndef SOCSIM_DATADIR
#define SOCSIM_DATADIR "/usr/local/share/socsim"
#endif

#define MAX_DEPTH 64          /* YAML nesting; a platform needs 4 */
#define MAX_NODES 1000000     /* guards against alias expansion bombs */
#define MAX_INCLUDE_DEPTH 16

/* ---- errors ------------------------------------------------------------------------------ */

/* Write "FILE:LINE:COL: error: MSG" (or "FILE: error: MSG" for nodes from --set) into err. */
static int vfail(char *err, size_t errlen, const struct pnode *at, const char *fmt, va_list ap)
{
    int n;
    if (at && at->line)
        n = snprintf(err, errlen, "%s:%u:%u: error: ", at->file, at->line, at->col);
    else if (at)
        n = snprintf(err, errlen, "%s: error: ", at->file);
    else
        n = snprintf(err, errlen, "socsim: error: ");
    if (n >= 0 && (size_t)n < errlen)
        n += vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
    /* A copy made from a template points at the template's text: say which copy it was. */
    if (at && at->origin && n >= 0 && (size_t)n < errlen)
        snprintf(err + n, errlen - (size_t)n, " (%s)", at->origin);
    return -1;
}

static int fail(char *err, size_t errlen, const struct pnode *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int fail(char *err, size_t errlen, const struct pnode *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(err, errlen, at, fmt, ap);
    va_end(ap);
    return -1;
}

/* "FILE:LINE:COL" of a node, for messages that point at a second place. */
static const char *where(const struct pnode *n, char *buf, size_t len)
{
    if (n->line)
        snprintf(buf, len, "%s:%u:%u", n->file, n->line, n->col);
    else
        snprintf(buf, len, "%s", n->file);
    return buf;
}

static const char *srcpos_str(struct srcpos p, char *buf, size_t len)
{
    if (p.line)
        snprintf(buf, len, "%s:%u:%u", p.file, p.line, p.col);
    else
        snprintf(buf, len, "%s", p.file ? p.file : "?");
    return buf;
}

static const char *kind_name(const struct pnode *n)
{
    switch (n->kind) {
    case PN_MAP: return "map";
    case PN_SEQ: return "list";
    case PN_SCALAR: return "single value";
    }
    return "?";
}

/* Append ", item" (or "item" first) to a fixed buffer, truncating quietly. */
static void list_add(char *buf, size_t len, const char *item)
{
    size_t used = strlen(buf);
    if (used + 1 >= len)
        return;
    snprintf(buf + used, len - used, "%s%s", used ? ", " : "", item);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "socsim: out of memory\n");
        abort();
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

static char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

/* ---- tree -------------------------------------------------------------------------------- */

static struct pnode *node_new(enum pnode_kind kind, const char *file, unsigned line, unsigned col)
{
    struct pnode *n = xmalloc(sizeof(*n));
    memset(n, 0, sizeof(*n));
    n->kind = kind;
    n->file = file;
    n->line = line;
    n->col = col;
    return n;
}

static void node_add(struct pnode *n, struct pnode *kid)
{
    if (n->n == n->cap) {
        unsigned cap = n->cap ? n->cap * 2 : 8;
        struct pnode **k = realloc(n->kids, cap * sizeof(*k));
        if (!k)
            abort();
        n->kids = k;
        n->cap = cap;
    }
    n->kids[n->n++] = kid;
}

void ptree_free(struct pnode *n)
{
    if (!n)
        return;
    for (unsigned i = 0; i < n->n; i++)
        ptree_free(n->kids[i]);
    free(n->kids);
    free(n->text);
    free(n->origin);
    free(n);
}

struct pnode *ptree_copy(const struct pnode *n)
{
    struct pnode *c = node_new(n->kind, n->file, n->line, n->col);
    c->plain = n->plain;
    if (n->text)
        c->text = xstrdup(n->text);
    if (n->origin)
        c->origin = xstrdup(n->origin);
    for (unsigned i = 0; i < n->n; i++)
        node_add(c, ptree_copy(n->kids[i]));
    return c;
}

static unsigned ptree_count(const struct pnode *n)
{
    unsigned c = 1;
    for (unsigned i = 0; i < n->n && c < MAX_NODES; i++)
        c += ptree_count(n->kids[i]);
    return c;
}

static int pmap_find(const struct pnode *m, const char *key)
{
    for (unsigned i = 0; i < pmap_len(m); i++)
        if (!strcmp(pmap_key(m, i)->text, key))
            return (int)i;
    return -1;
}

struct pnode *pmap_get(const struct pnode *m, const char *key)
{
    if (!m || m->kind != PN_MAP)
        return NULL;
    int i = pmap_find(m, key);
    return i < 0 ? NULL : pmap_val(m, (unsigned)i);
}

static void pmap_remove(struct pnode *m, unsigned i)
{
    ptree_free(m->kids[2 * i]);
    ptree_free(m->kids[2 * i + 1]);
    memmove(&m->kids[2 * i], &m->kids[2 * i + 2], (m->n - 2 * i - 2) * sizeof(*m->kids));
    m->n -= 2;
}

struct pnode *ptree_merge(struct pnode *base, struct pnode *over)
{
    if (!base)
        return over;
    if (!over)
        return base;
    if (base->kind != PN_MAP || over->kind != PN_MAP) {
        ptree_free(base);
        return over;
    }
    for (unsigned i = 0; i < pmap_len(over); i++) {
        struct pnode *k = pmap_key(over, i), *v = pmap_val(over, i);
        int j = pmap_find(base, k->text);
        if (j >= 0) {
            /* The key keeps its first position: that is where the item was defined. */
            base->kids[2 * j + 1] = ptree_merge(base->kids[2 * j + 1], v);
            ptree_free(k);
        } else {
            node_add(base, k);
            node_add(base, v);
        }
    }
    free(over->kids);
    free(over->text);
    free(over->origin);
    free(over);
    return base;
}

/* An empty plain scalar is YAML's null: `hart0:` with nothing after it. */
static bool is_null(const struct pnode *n)
{
    return n->kind == PN_SCALAR && n->plain && !n->text[0];
}

/* ---- YAML -> tree ------------------------------------------------------------------------ */

struct anchor {
    char *name;
    const struct pnode *node;
};

struct yp {
    yaml_parser_t parser;
    const char *file;
    const char *text;
    size_t len;
    char *err;
    size_t errlen;
    struct anchor *anchors;
    unsigned nanchors, capanchors;
    unsigned nodes;
};

static int yp_syntax_error(struct yp *p)
{
    const yaml_parser_t *y = &p->parser;
    struct pnode at = {.file = p->file, .line = 1, .col = 1};
    if (y->error == YAML_MEMORY_ERROR)
        return fail(p->err, p->errlen, &at, "out of memory while reading YAML");
    if (y->error == YAML_READER_ERROR) {
        /* The reader only knows a byte offset: count lines up to it. */
        for (size_t i = 0; i < y->problem_offset && i < p->len; i++) {
            if (p->text[i] == '\n')
                at.line++, at.col = 1;
            else
                at.col++;
        }
    } else {
        at.line = (unsigned)y->problem_mark.line + 1;
        at.col = (unsigned)y->problem_mark.column + 1;
    }
    const char *problem = y->problem ? y->problem : "syntax error";
    if (y->context)
        return fail(p->err, p->errlen, &at, "invalid YAML: %s (%s at line %u, column %u)",
                    problem, y->context, (unsigned)y->context_mark.line + 1,
                    (unsigned)y->context_mark.column + 1);
    return fail(p->err, p->errlen, &at, "invalid YAML: %s", problem);
}

static int yp_next(struct yp *p, yaml_event_t *ev)
{
    if (!yaml_parser_parse(&p->parser, ev))
        return yp_syntax_error(p);
    return 0;
}

static struct pnode *yp_node_at(struct yp *p, enum pnode_kind kind, const yaml_event_t *ev)
{
    return node_new(kind, p->file, (unsigned)ev->start_mark.line + 1,
                    (unsigned)ev->start_mark.column + 1);
}

static void yp_anchor(struct yp *p, const yaml_char_t *name, const struct pnode *n)
{
    if (!name)
        return;
    if (p->nanchors == p->capanchors) {
        p->capanchors = p->capanchors ? p->capanchors * 2 : 8;
        struct anchor *a = realloc(p->anchors, p->capanchors * sizeof(*a));
        if (!a)
            abort();
        p->anchors = a;
    }
    p->anchors[p->nanchors++] = (struct anchor){xstrdup((const char *)name), n};
}

/* Build the node that starts with *ev (consumed). Returns NULL with p->err set. */
static struct pnode *yp_node(struct yp *p, yaml_event_t *ev, unsigned depth)
{
    struct pnode *n = NULL;
    yaml_event_t e;
    struct pnode at = {.file = p->file, .line = (unsigned)ev->start_mark.line + 1,
                       .col = (unsigned)ev->start_mark.column + 1};
    if (++p->nodes > MAX_NODES) {
        fail(p->err, p->errlen, &at, "more than %u YAML nodes", MAX_NODES);
        goto out;
    }
    if (depth > MAX_DEPTH) {
        fail(p->err, p->errlen, &at, "YAML nested more than %u levels deep", MAX_DEPTH);
        goto out;
    }
    switch (ev->type) {
    case YAML_ALIAS_EVENT: {
        const char *name = (const char *)ev->data.alias.anchor;
        for (unsigned i = p->nanchors; i-- > 0;) {
            if (strcmp(p->anchors[i].name, name))
                continue;
            p->nodes += ptree_count(p->anchors[i].node);
            if (p->nodes > MAX_NODES) {
                fail(p->err, p->errlen, &at, "more than %u YAML nodes after expanding '*%s'",
                     MAX_NODES, name);
                goto out;
            }
            n = ptree_copy(p->anchors[i].node);
            goto out;
        }
        fail(p->err, p->errlen, &at, "alias '*%s' refers to no anchor defined before it", name);
        goto out;
    }
    case YAML_SCALAR_EVENT:
        n = yp_node_at(p, PN_SCALAR, ev);
        n->text = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        yp_anchor(p, ev->data.scalar.anchor, n);
        goto out;
    case YAML_SEQUENCE_START_EVENT:
        n = yp_node_at(p, PN_SEQ, ev);
        for (;;) {
            if (yp_next(p, &e) < 0)
                goto bad;
            if (e.type == YAML_SEQUENCE_END_EVENT) {
                yaml_event_delete(&e);
                break;
            }
            struct pnode *kid = yp_node(p, &e, depth + 1);
            if (!kid)
                goto bad;
            node_add(n, kid);
        }
        yp_anchor(p, ev->data.sequence_start.anchor, n);
        goto out;
    case YAML_MAPPING_START_EVENT:
        n = yp_node_at(p, PN_MAP, ev);
        for (;;) {
            if (yp_next(p, &e) < 0)
                goto bad;
            if (e.type == YAML_MAPPING_END_EVENT) {
                yaml_event_delete(&e);
                break;
            }
            struct pnode *k = yp_node(p, &e, depth + 1);
            if (!k)
                goto bad;
            if (k->kind != PN_SCALAR) {
                fail(p->err, p->errlen, k, "expected a plain key, got a %s", kind_name(k));
                ptree_free(k);
                goto bad;
            }
            int dup = pmap_find(n, k->text);
            if (dup >= 0) {
                const struct pnode *first = pmap_key(n, (unsigned)dup);
                fail(p->err, p->errlen, k, "duplicate key '%s' (first at line %u, column %u)",
                     k->text, first->line, first->col);
                ptree_free(k);
                goto bad;
            }
            node_add(n, k);
            if (yp_next(p, &e) < 0)
                goto bad;
            struct pnode *v = yp_node(p, &e, depth + 1);
            if (!v)
                goto bad;
            node_add(n, v);
        }
        yp_anchor(p, ev->data.mapping_start.anchor, n);
        goto out;
    default:
        fail(p->err, p->errlen, &at, "unexpected YAML event");
        goto out;
    }
bad:
    ptree_free(n);
    n = NULL;
out:
    yaml_event_delete(ev);
    return n;
}

struct pnode *ptree_parse(const char *file, const char *text, size_t len, char *err,
                          size_t errlen)
{
    struct yp p = {.file = file, .text = text, .len = len, .err = err, .errlen = errlen};
    struct pnode *root = NULL;
    yaml_event_t ev;
    struct pnode top = {.file = file, .line = 1, .col = 1};
    if (!yaml_parser_initialize(&p.parser)) {
        fail(err, errlen, &top, "cannot initialise the YAML parser");
        return NULL;
    }
    yaml_parser_set_input_string(&p.parser, (const unsigned char *)text, len);
    if (yp_next(&p, &ev) < 0)
        goto done;
    yaml_event_delete(&ev); /* stream start */
    if (yp_next(&p, &ev) < 0)
        goto done;
    if (ev.type != YAML_DOCUMENT_START_EVENT) {
        yaml_event_delete(&ev);
        fail(err, errlen, &top, "the file is empty: expected a map of platform keys "
                                "(name, timebase, cpus, devices, ...)");
        goto done;
    }
    yaml_event_delete(&ev);
    if (yp_next(&p, &ev) < 0)
        goto done;
    root = yp_node(&p, &ev, 0);
    if (!root)
        goto done;
    if (yp_next(&p, &ev) < 0) /* document end */
        goto bad;
    yaml_event_delete(&ev);
    if (yp_next(&p, &ev) < 0)
        goto bad;
    if (ev.type != YAML_STREAM_END_EVENT) {
        struct pnode at = {.file = file, .line = (unsigned)ev.start_mark.line + 1,
                           .col = (unsigned)ev.start_mark.column + 1};
        yaml_event_delete(&ev);
        fail(err, errlen, &at, "a second YAML document starts here; a platform file holds one");
        goto bad;
    }
    yaml_event_delete(&ev);
    goto done;
bad:
    ptree_free(root);
    root = NULL;
done:
    for (unsigned i = 0; i < p.nanchors; i++)
        free(p.anchors[i].name);
    free(p.anchors);
    yaml_parser_delete(&p.parser);
    return root;
}

/* ---- files and includes ------------------------------------------------------------------ */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (n + 1 >= cap) {
            cap *= 2;
            char *b = realloc(buf, cap);
            if (!b)
                abort();
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno ? errno : EIO;
        fclose(f);
        free(buf);
        errno = e;
        return NULL;
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

/* An include is relative to the directory of the file that names it. */
static char *join_dir(const char *of, const char *name)
{
    const char *slash = strrchr(of, '/');
    if (name[0] == '/' || !slash)
        return xstrdup(name);
    return xasprintf("%.*s/%s", (int)(slash - of), of, name);
}

struct incl {
    const char *shown; /* the path as opened */
    char *real;
};

struct loader {
    struct sim *sim;
    char *err;
    size_t errlen;
    struct incl stack[MAX_INCLUDE_DEPTH + 1];
};

static struct pnode *load_rec(struct loader *L, const char *path, const char *text,
                              unsigned depth, const struct pnode *from)
{
    const char *file = sim_intern_file(L->sim, path);
    size_t len = 0;
    char *buf = NULL;
    if (text) {
        len = strlen(text);
    } else {
        buf = read_file(path, &len);
        if (!buf) {
            if (from)
                fail(L->err, L->errlen, from, "cannot open include file '%s': %s", path,
                     strerror(errno));
            else
                snprintf(L->err, L->errlen, "%s: error: cannot open platform file: %s", path,
                         strerror(errno));
            return NULL;
        }
        text = buf;
    }
    char *real = realpath(path, NULL);
    if (!real)
        real = xstrdup(path);
    for (unsigned i = 0; i < depth; i++) {
        if (strcmp(L->stack[i].real, real))
            continue;
        char chain[1024] = "";
        for (unsigned j = i; j < depth; j++) {
            strncat(chain, L->stack[j].shown, sizeof(chain) - strlen(chain) - 1);
            strncat(chain, " -> ", sizeof(chain) - strlen(chain) - 1);
        }
        strncat(chain, path, sizeof(chain) - strlen(chain) - 1);
        fail(L->err, L->errlen, from, "include cycle: %s", chain);
        free(real);
        free(buf);
        return NULL;
    }
    struct pnode *root = ptree_parse(file, text, len, L->err, L->errlen);
    free(buf);
    if (!root) {
        free(real);
        return NULL;
    }
    if (root->kind != PN_MAP) {
        fail(L->err, L->errlen, root,
             "expected a map of platform keys (name, timebase, cpus, devices, ...), got a %s",
             kind_name(root));
        goto bad;
    }
    int ii = pmap_find(root, "include");
    if (ii < 0) {
        free(real);
        return root;
    }
    const struct pnode *inc = pmap_val(root, (unsigned)ii);
    if (inc->kind == PN_MAP || is_null(inc)) {
        fail(L->err, L->errlen, inc,
             "'include': expected a file name or a list of file names, got %s",
             is_null(inc) ? "nothing" : "a map");
        goto bad;
    }
    if (depth >= MAX_INCLUDE_DEPTH) {
        fail(L->err, L->errlen, inc, "includes nested more than %u deep", MAX_INCLUDE_DEPTH);
        goto bad;
    }
    L->stack[depth] = (struct incl){file, real};
    struct pnode *base = NULL;
    unsigned nitems = inc->kind == PN_SEQ ? inc->n : 1;
    for (unsigned i = 0; i < nitems; i++) {
        const struct pnode *item = inc->kind == PN_SEQ ? inc->kids[i] : inc;
        if (item->kind != PN_SCALAR || !item->text[0]) {
            fail(L->err, L->errlen, item, "'include': expected a file name, got %s%s",
                 item->kind == PN_SCALAR ? "nothing" : "a ",
                 item->kind == PN_SCALAR ? "" : kind_name(item));
            ptree_free(base);
            goto bad;
        }
        char *sub_path = join_dir(path, item->text);
        struct pnode *sub = load_rec(L, sub_path, NULL, depth + 1, item);
        free(sub_path);
        if (!sub) {
            ptree_free(base);
            goto bad;
        }
        base = base ? ptree_merge(base, sub) : sub;
    }
    pmap_remove(root, (unsigned)ii);
    free(real);
    if (!base)
        return root;
    /* The merged tree is this file's: keep its position for errors about the whole file. */
    const char *rfile = root->file;
    unsigned rline = root->line, rcol = root->col;
    base = ptree_merge(base, root);
    base->file = rfile;
    base->line = rline;
    base->col = rcol;
    return base;
bad:
    free(real);
    ptree_free(root);
    return NULL;
}

struct pnode *ptree_load(struct sim *sim, const char *path, const char *text, char *err,
                         size_t errlen)
{
    struct loader L = {.sim = sim, .err = err, .errlen = errlen};
    return load_rec(&L, path, text, 0, NULL);
}

/* ---- --set ------------------------------------------------------------------------------- */

int ptree_apply_set(struct sim *sim, struct pnode *root, const struct set_override *set,
                    char *err, size_t errlen)
{
    bool missing;
    return ptree_apply_set_ex(sim, root, set, &missing, err, errlen);
}

int ptree_apply_set_ex(struct sim *sim, struct pnode *root, const struct set_override *set,
                       bool *missing, char *err, size_t errlen)
{
    *missing = false;
    char *label = xasprintf("--set %s=%s", set->path, set->value);
    struct pnode at = {.file = sim_intern_file(sim, label)};
    free(label);
    char *path = xstrdup(set->path);
    int r = -1;
    /* Split at dots; an empty component is an error. */
    char *comp[64];
    unsigned ncomp = 0;
    for (char *s = path;;) {
        char *dot = strchr(s, '.');
        if (dot)
            *dot = 0;
        if (!*s || ncomp == 64) {
            fail(err, errlen, &at,
                 "expected a dotted path of keys (e.g. devices.uart0.base), got '%s'",
                 set->path);
            goto out;
        }
        comp[ncomp++] = s;
        if (!dot)
            break;
        s = dot + 1;
    }
    struct pnode *node = root;
    size_t prefix = 0; /* length of set->path up to the current component */
    for (unsigned i = 0; i + 1 < ncomp; i++) {
        prefix += strlen(comp[i]) + (i ? 1 : 0);
        struct pnode *v = pmap_get(node, comp[i]);
        if (!v) {
            *missing = true;
            fail(err, errlen, &at,
                 "'%.*s' does not exist in the platform (only the last key of a --set path "
                 "may be new)",
                 (int)prefix, set->path);
            goto out;
        }
        if (v->kind != PN_MAP) {
            fail(err, errlen, &at, "'%.*s' is a %s, not a map of keys", (int)prefix, set->path,
                 kind_name(v));
            goto out;
        }
        node = v;
    }
    const char *last = comp[ncomp - 1];
    struct pnode *v = pmap_get(node, last);
    if (v && v->kind != PN_SCALAR) {
        fail(err, errlen, &at, "'%s' is a %s; --set only replaces single values", set->path,
             kind_name(v));
        goto out;
    }
    if (!v) {
        struct pnode *k = node_new(PN_SCALAR, at.file, 0, 0);
        k->text = xstrdup(last);
        k->plain = true;
        v = node_new(PN_SCALAR, at.file, 0, 0);
        node_add(node, k);
        node_add(node, v);
    }
    free(v->text);
    v->text = xstrdup(set->value);
    v->plain = true;
    v->file = at.file;
    v->line = v->col = 0;
    free(v->origin); /* the value is the --set's now, not a template's */
    v->origin = NULL;
    r = 0;
out:
    free(path);
    return r;
}

/* ---- hart templates ---------------------------------------------------------------------- */

/* What a $expression may name: `harts` everywhere, `i` only inside a template's copy. */
struct xenv {
    uint64_t harts, i;
    bool have_i; /* evaluating a copy: i is defined */
    bool used_i; /* the expression mentioned i */
};

struct xparse {
    const char *p, *end;
    struct xenv *env;
    char *msg;
    size_t msglen;
};

static const char xhelp[] =
    "an expression may use i, harts, integers, + - * / % and parentheses";

static int xerr(struct xparse *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int xerr(struct xparse *x, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->msg, x->msglen, fmt, ap);
    va_end(ap);
    return -1;
}

static void x_space(struct xparse *x)
{
    while (x->p < x->end && (*x->p == ' ' || *x->p == '\t'))
        x->p++;
}

static int x_expr(struct xparse *x, uint64_t *v);

static int x_factor(struct xparse *x, uint64_t *v)
{
    x_space(x);
    if (x->p >= x->end)
        return xerr(x, "expected a number, i or harts at the end (%s)", xhelp);
    char c = *x->p;
    if (c == '(') {
        x->p++;
        if (x_expr(x, v) < 0)
            return -1;
        x_space(x);
        if (x->p >= x->end || *x->p != ')')
            return xerr(x, "missing ')'");
        x->p++;
        return 0;
    }
    if (c >= '0' && c <= '9') {
        const char *start = x->p;
        while (x->p < x->end && ((*x->p >= '0' && *x->p <= '9') || (*x->p >= 'a' && *x->p <= 'z') ||
                                 (*x->p >= 'A' && *x->p <= 'Z') || *x->p == '_'))
            x->p++;
        char num[64], msg[128];
        union param_value pv;
        snprintf(num, sizeof(num), "%.*s", (int)(x->p - start), start);
        if (param_parse(PARAM_INT, num, &pv, msg, sizeof(msg)) < 0)
            return xerr(x, "%s", msg);
        *v = pv.u;
        return 0;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
        const char *start = x->p;
        while (x->p < x->end && ((*x->p >= 'a' && *x->p <= 'z') || (*x->p >= 'A' && *x->p <= 'Z') ||
                                 (*x->p >= '0' && *x->p <= '9') || *x->p == '_'))
            x->p++;
        size_t n = (size_t)(x->p - start);
        if (n == 1 && *start == 'i') {
            if (!x->env->have_i)
                return xerr(x, "'i' is only defined in a hart template (a cpus: name such as "
                               "hart$i) and in a templated irqs: line (such as msip$i)");
            x->env->used_i = true;
            *v = x->env->i;
            return 0;
        }
        if (n == 5 && !strncmp(start, "harts", 5)) {
            *v = x->env->harts;
            return 0;
        }
        return xerr(x, "unknown name '%.*s' (%s)", (int)n, start, xhelp);
    }
    return xerr(x, "unexpected '%c' (%s)", c, xhelp);
}

static int x_term(struct xparse *x, uint64_t *v)
{
    if (x_factor(x, v) < 0)
        return -1;
    for (;;) {
        x_space(x);
        if (x->p >= x->end || !strchr("*/%", *x->p))
            return 0;
        char op = *x->p++;
        uint64_t r;
        if (x_factor(x, &r) < 0)
            return -1;
        if (op == '*') {
            if (__builtin_mul_overflow(*v, r, v))
                return xerr(x, "the result does not fit in 64 bits");
        } else if (!r) {
            return xerr(x, "division by zero");
        } else {
            *v = op == '/' ? *v / r : *v % r;
        }
    }
}

static int x_expr(struct xparse *x, uint64_t *v)
{
    if (x_term(x, v) < 0)
        return -1;
    for (;;) {
        x_space(x);
        if (x->p >= x->end || (*x->p != '+' && *x->p != '-'))
            return 0;
        char op = *x->p++;
        uint64_t r;
        if (x_term(x, &r) < 0)
            return -1;
        if (op == '+' ? __builtin_add_overflow(*v, r, v) : __builtin_sub_overflow(*v, r, v))
            return xerr(x, op == '+' ? "the result does not fit in 64 bits"
                                     : "the result is negative");
    }
}

static bool is_name_char(char c, bool first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (!first && c >= '0' && c <= '9');
}

/* Replace every $name and $(expression) in text by its decimal value. There is no escape for
 * a literal '$' (no parameter needs one), so an expanded tree holds no '$' and expanding it
 * again changes nothing. Returns a malloc'd string, or NULL with a message in msg. */
static char *x_subst(const char *text, struct xenv *env, char *msg, size_t msglen)
{
    size_t cap = strlen(text) + 32, len = 0;
    char *out = xmalloc(cap);
    for (const char *p = text; *p;) {
        const char *dollar = strchr(p, '$');
        size_t lit = dollar ? (size_t)(dollar - p) : strlen(p);
        char num[24] = "";
        const char *next = p + lit;
        if (dollar) {
            const char *from = dollar + 1, *to; /* the expression */
            {
                if (*from == '(') {
                    int depth = 0;
                    for (to = from; *to; to++) {
                        depth += *to == '(' ? 1 : *to == ')' ? -1 : 0;
                        if (!depth)
                            break;
                    }
                    if (!*to) {
                        snprintf(msg, msglen, "'$(' without a closing ')'");
                        goto bad;
                    }
                    next = ++to;
                } else if (is_name_char(*from, true)) {
                    for (to = from; is_name_char(*to, false); to++)
                        ;
                    next = to;
                } else {
                    snprintf(msg, msglen, "'$' must be followed by a name or a (expression)");
                    goto bad;
                }
                struct xparse x = {from, to, env, msg, msglen};
                uint64_t v;
                if (x_expr(&x, &v) < 0)
                    goto bad;
                x_space(&x);
                if (x.p != to) {
                    snprintf(msg, msglen, "unexpected '%c' in $%.*s (%s)", *x.p,
                             (int)(to - from), from, xhelp);
                    goto bad;
                }
                snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
            }
        }
        if (len + lit + strlen(num) + 1 > cap) {
            cap = 2 * (len + lit + strlen(num) + 1);
            char *o = realloc(out, cap);
            if (!o)
                abort();
            out = o;
        }
        memcpy(out + len, p, lit);
        len += lit;
        memcpy(out + len, num, strlen(num));
        len += strlen(num);
        p = next;
    }
    out[len] = 0;
    return out;
bad:
    free(out);
    return NULL;
}

static bool has_template(const char *s)
{
    return strchr(s, '$') != NULL;
}

static void set_origin(struct pnode *n, const char *origin)
{
    free(n->origin);
    n->origin = xstrdup(origin);
    for (unsigned i = 0; i < n->n; i++)
        set_origin(n->kids[i], origin);
}

struct expander {
    char *err;
    size_t errlen;
    uint64_t harts;
};

static const char template_places[] =
    "$i, $harts and $(...) may stand in a hart name under cpus:, an output under irqs: and "
    "in values";

/* Evaluate the $expressions of every value under n. Keys may not hold any here. */
static int subst_values(struct expander *E, struct pnode *n, struct xenv *env)
{
    char msg[512];
    if (n->kind == PN_SCALAR) {
        if (!has_template(n->text))
            return 0;
        char *t = x_subst(n->text, env, msg, sizeof(msg));
        if (!t)
            return fail(E->err, E->errlen, n, "'%s': %s", n->text, msg);
        free(n->text);
        n->text = t;
        return 0;
    }
    for (unsigned i = 0; i < n->n; i++) {
        struct pnode *kid = n->kids[i];
        if (n->kind == PN_MAP && i % 2 == 0) {
            if (has_template(kid->text))
                return fail(E->err, E->errlen, kid, "'%s': %s", kid->text, template_places);
            continue;
        }
        if (subst_values(E, kid, env) < 0)
            return -1;
    }
    return 0;
}

/* Expand the templates among the keys of map m (hart names, or irqs: outputs): one copy per
 * i in 0..harts-1, in the template's place. An entry written out with a copy's name is merged
 * over the copy (its keys win) rather than being a second entry: that is how an including
 * file or a --set changes one hart of a template. m is only changed on success. */
static int expand_map(struct expander *E, struct pnode *m)
{
    unsigned cap = 2 * pmap_len(m) + 2, nk = 0;
    struct pnode **kids = xmalloc(cap * sizeof(*kids));
    bool *copy = xmalloc(cap / 2 * sizeof(*copy));
    char msg[512];
    for (unsigned e = 0; e < pmap_len(m); e++) {
        const struct pnode *k = pmap_key(m, e), *v = pmap_val(m, e);
        unsigned ncopies = has_template(k->text) ? (unsigned)E->harts : 1;
        if (nk + 2 * ncopies > cap) {
            cap = 2 * (nk + 2 * ncopies);
            kids = realloc(kids, cap * sizeof(*kids));
            copy = realloc(copy, cap / 2 * sizeof(*copy));
            if (!kids || !copy)
                abort();
        }
        if (!has_template(k->text)) {
            struct xenv env = {.harts = E->harts};
            struct pnode *nv = ptree_copy(v);
            kids[nk] = ptree_copy(k);
            kids[nk + 1] = nv;
            copy[nk / 2] = false;
            nk += 2;
            if (subst_values(E, nv, &env) < 0)
                goto bad;
            continue;
        }
        for (uint64_t i = 0; i < E->harts; i++) {
            struct xenv env = {.harts = E->harts, .i = i, .have_i = true};
            char *name = x_subst(k->text, &env, msg, sizeof(msg));
            if (!name) {
                fail(E->err, E->errlen, k, "'%s': %s", k->text, msg);
                goto bad;
            }
            if (!env.used_i) {
                fail(E->err, E->errlen, k,
                     "template '%s' does not use i: every copy would be named '%s'", k->text,
                     name);
                free(name);
                goto bad;
            }
            struct pnode *ck = ptree_copy(k), *cv = ptree_copy(v);
            free(ck->text);
            ck->text = name;
            char *origin = xasprintf("template '%s' with i=%llu", k->text, (unsigned long long)i);
            set_origin(ck, origin);
            set_origin(cv, origin);
            free(origin);
            kids[nk] = ck;
            kids[nk + 1] = cv;
            copy[nk / 2] = true;
            nk += 2;
            env.used_i = false;
            if (subst_values(E, cv, &env) < 0)
                goto bad;
        }
    }
    /* Written-out entries that name a copy are merged into it. */
    for (unsigned a = 0; a < nk / 2; a++) {
        if (copy[a])
            continue;
        for (unsigned b = 0; b < nk / 2; b++) {
            if (!copy[b] || strcmp(kids[2 * a]->text, kids[2 * b]->text))
                continue;
            struct pnode *over = kids[2 * a + 1];
            if (is_null(over))
                ptree_free(over);
            else
                kids[2 * b + 1] = ptree_merge(kids[2 * b + 1], over);
            ptree_free(kids[2 * a]);
            memmove(&kids[2 * a], &kids[2 * a + 2], (nk - 2 * a - 2) * sizeof(*kids));
            memmove(&copy[a], &copy[a + 1], (nk / 2 - a - 1) * sizeof(*copy));
            nk -= 2;
            a--;
            break;
        }
    }
    for (unsigned i = 0; i < m->n; i++)
        ptree_free(m->kids[i]);
    free(m->kids);
    m->kids = kids;
    m->n = m->cap = nk;
    if (!nk) {
        m->kids = NULL;
        free(kids);
    }
    free(copy);
    return 0;
bad:
    for (unsigned i = 0; i < nk; i++)
        ptree_free(kids[i]);
    free(kids);
    free(copy);
    return -1;
}

int ptree_expand(struct pnode *root, char *err, size_t errlen)
{
    struct expander E = {.err = err, .errlen = errlen, .harts = 1};
    const struct pnode *hv = pmap_get(root, "harts");
    if (hv) {
        union param_value pv;
        char msg[256];
        if (hv->kind != PN_SCALAR)
            return fail(err, errlen, hv, "'harts': expected an integer (how many copies of the "
                                         "hart template), got a %s", kind_name(hv));
        if (param_parse(PARAM_INT, hv->text, &pv, msg, sizeof(msg)) < 0)
            return fail(err, errlen, hv, "'harts': %s", msg);
        if (pv.u < 1)
            return fail(err, errlen, hv, "'harts' must be at least 1");
        if (pv.u > SIM_MAX_HARTS)
            return fail(err, errlen, hv, "'harts' is %llu; socsim builds at most %u harts",
                        (unsigned long long)pv.u, SIM_MAX_HARTS);
        E.harts = pv.u;
    }
    struct pnode *cpus = pmap_get(root, "cpus");
    if (cpus && cpus->kind == PN_MAP && expand_map(&E, cpus) < 0)
        return -1;
    struct pnode *devs = pmap_get(root, "devices");
    if (!devs || devs->kind != PN_MAP)
        return 0;
    for (unsigned d = 0; d < pmap_len(devs); d++) {
        const struct pnode *name = pmap_key(devs, d);
        struct pnode *dev = pmap_val(devs, d);
        if (has_template(name->text))
            return fail(err, errlen, name, "'%s': a device cannot be a template (%s)",
                        name->text, template_places);
        if (dev->kind != PN_MAP)
            continue;
        for (unsigned i = 0; i < pmap_len(dev); i++) {
            const struct pnode *k = pmap_key(dev, i);
            struct pnode *v = pmap_val(dev, i);
            struct xenv env = {.harts = E.harts};
            if (has_template(k->text))
                return fail(err, errlen, k, "'%s': %s", k->text, template_places);
            if (!strcmp(k->text, "irqs") && v->kind == PN_MAP) {
                if (expand_map(&E, v) < 0)
                    return -1;
            } else if (subst_values(&E, v, &env) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

/* ---- interpretation ---------------------------------------------------------------------- */

struct inst {
    const char *name;
    const struct pnode *key, *val; /* val: a map, or NULL for an empty entry */
    bool hart;
    const struct dev_type *type;
    struct device *dev;
};

struct wired {
    const struct pnode *key;
    char *to, *from;
};

struct build {
    struct sim *sim;
    char *err;
    size_t errlen;
    struct inst *insts;
    unsigned ninsts;
    struct wired *wires;
    unsigned nwires;
};

static struct srcpos pos_of(const struct pnode *n)
{
    return (struct srcpos){n->file, n->line, n->col};
}

static const char *a_an(const char *word)
{
    return strchr("aeiou", word[0]) ? "an" : "a";
}

/* A scalar value of the given type; `what` names it for the message ("'size' of device 'ram'"). */
static int get_value(struct build *b, const struct pnode *v, enum param_type type,
                     const char *what, union param_value *out)
{
    const char *tn = param_type_name(type);
    if (v->kind != PN_SCALAR)
        return fail(b->err, b->errlen, v, "%s: expected %s %s, got a %s", what, a_an(tn), tn,
                    kind_name(v));
    char msg[512];
    if (param_parse(type, v->text, out, msg, sizeof(msg)) < 0)
        return fail(b->err, b->errlen, v, "%s: %s", what, msg);
    return 0;
}

static const char *const top_keys[] = {"name", "description", "include", "timebase", "harts",
                                       "cpus", "devices", NULL};

static bool in_list(const char *const *list, const char *s)
{
    for (unsigned i = 0; list[i]; i++)
        if (!strcmp(list[i], s))
            return true;
    return false;
}

static unsigned count_params(const struct param_decl *d)
{
    unsigned n = 0;
    while (d[n].name)
        n++;
    return n;
}

static int find_param(const struct param_decl *d, const char *name)
{
    for (unsigned i = 0; d[i].name; i++)
        if (!strcmp(d[i].name, name))
            return (int)i;
    return -1;
}

/* Fill vals[] (one per decl) from an instance's keys, skipping `reserved` ones; apply
 * defaults; complain about unknown keys and missing required parameters. */
static int fill_params(struct build *b, const struct inst *in, const struct param_decl *decls,
                       const char *const *reserved, union param_value *vals)
{
    unsigned n = count_params(decls);
    bool *set = xmalloc(n * sizeof(bool));
    memset(set, 0, n * sizeof(bool));
    const char *kind = in->hart ? "hart" : "device";
    int r = -1;
    for (unsigned i = 0; in->val && i < pmap_len(in->val); i++) {
        const struct pnode *k = pmap_key(in->val, i), *v = pmap_val(in->val, i);
        if (reserved && in_list(reserved, k->text))
            continue;
        int p = find_param(decls, k->text);
        if (p < 0) {
            char keys[512] = "";
            for (unsigned j = 0; reserved && reserved[j]; j++)
                list_add(keys, sizeof(keys), reserved[j]);
            for (unsigned j = 0; j < n; j++)
                list_add(keys, sizeof(keys), decls[j].name);
            if (in->hart)
                fail(b->err, b->errlen, k, "unknown key '%s' in hart '%s' (accepted: %s)",
                     k->text, in->name, keys);
            else
                fail(b->err, b->errlen, k, "unknown key '%s' in device '%s' (%s accepts: %s)",
                     k->text, in->name, in->type->name, keys);
            goto out;
        }
        char what[256];
        snprintf(what, sizeof(what), "'%s' of %s '%s'", k->text, kind, in->name);
        if (get_value(b, v, decls[p].type, what, &vals[p]) < 0)
            goto out;
        set[p] = true;
    }
    for (unsigned j = 0; j < n; j++) {
        if (set[j])
            continue;
        const char *tn = param_type_name(decls[j].type);
        if (!decls[j].def) {
            if (in->hart)
                fail(b->err, b->errlen, in->key,
                     "hart '%s' is missing required parameter '%s' (%s %s)", in->name,
                     decls[j].name, a_an(tn), tn);
            else
                fail(b->err, b->errlen, in->key,
                     "device '%s' (%s) is missing required parameter '%s' (%s %s)", in->name,
                     in->type->name, decls[j].name, a_an(tn), tn);
            goto out;
        }
        char msg[512];
        if (param_parse(decls[j].type, decls[j].def, &vals[j], msg, sizeof(msg)) < 0) {
            fail(b->err, b->errlen, in->key, "default of '%s' for %s '%s' is bad (model bug): %s",
                 decls[j].name, kind, in->name, msg);
            goto out;
        }
    }
    r = 0;
out:
    free(set);
    return r;
}

static bool valid_name(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!(*s == '_' || *s == '-' || (*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
              (*s >= 'A' && *s <= 'Z')))
            return false;
    return true;
}

/* Gather the entries of `cpus:` or `devices:` into b->insts, checking names. */
static int collect(struct build *b, const struct pnode *sec, bool hart)
{
    for (unsigned i = 0; i < pmap_len(sec); i++) {
        const struct pnode *k = pmap_key(sec, i), *v = pmap_val(sec, i);
        if (!valid_name(k->text))
            return fail(b->err, b->errlen, k,
                        "invalid name '%s': use letters, digits, '_' and '-'", k->text);
        for (unsigned j = 0; j < b->ninsts; j++) {
            if (strcmp(b->insts[j].name, k->text))
                continue;
            char w[512];
            return fail(b->err, b->errlen, k, "duplicate name '%s': already used by the %s at %s",
                        k->text, b->insts[j].hart ? "hart" : "device",
                        where(b->insts[j].key, w, sizeof(w)));
        }
        if (v->kind != PN_MAP && !is_null(v))
            return fail(b->err, b->errlen, v, "%s '%s': expected a map of parameters, got a %s",
                        hart ? "hart" : "device", k->text, kind_name(v));
        b->insts[b->ninsts++] = (struct inst){
            .name = k->text, .key = k, .val = v->kind == PN_MAP ? v : NULL, .hart = hart};
    }
    return 0;
}

static int build_hart(struct build *b, struct inst *in, unsigned index)
{
    unsigned n = count_params(rv_hart_params);
    union param_value *vals = xmalloc((n + 1) * sizeof(*vals));
    memset(vals, 0, (n + 1) * sizeof(*vals));
    int r = fill_params(b, in, rv_hart_params, NULL, vals);
    if (r == 0) {
        struct dev_config cfg = {in->name, rv_hart_params, vals};
        char msg[512] = "";
        struct rv_hart *h =
            rv_hart_create(&cfg, &b->sim->env, &b->sim->bus, index, msg, sizeof(msg));
        if (!h) {
            r = fail(b->err, b->errlen, in->key, "hart '%s': %s", in->name, msg);
        } else {
            sim_add_hart(b->sim, h, pos_of(in->key));
            in->dev = rv_hart_device(h);
        }
    }
    free(vals);
    return r;
}

static const char *const reserved_mapped[] = {"type", "base", "irqs", NULL};
static const char *const reserved_unmapped[] = {"type", "irqs", NULL};

static int build_device(struct build *b, struct inst *in)
{
    struct sim *sim = b->sim;
    const struct pnode *tv = pmap_get(in->val, "type");
    char types[512] = "";
    for (unsigned i = 0; dev_types[i]; i++)
        list_add(types, sizeof(types), dev_types[i]->name);
    if (!tv)
        return fail(b->err, b->errlen, in->key, "device '%s' has no 'type' (known types: %s)",
                    in->name, types);
    if (tv->kind != PN_SCALAR)
        return fail(b->err, b->errlen, tv,
                    "'type' of device '%s': expected a device type name, got a %s", in->name,
                    kind_name(tv));
    in->type = dev_type_find(tv->text);
    if (!in->type)
        return fail(b->err, b->errlen, tv,
                    "unknown device type '%s' for device '%s' (known types: %s)", tv->text,
                    in->name, types);
    const struct dev_type *t = in->type;

    const struct pnode *bv = pmap_get(in->val, "base");
    if (!t->mapped && bv) {
        int bi = pmap_find(in->val, "base");
        return fail(b->err, b->errlen, pmap_key(in->val, (unsigned)bi),
                    "device '%s' (%s) is not mapped at a fixed address; remove 'base'",
                    in->name, t->name);
    }
    int size_idx = find_param(t->params, "size");
    if (t->mapped && size_idx < 0)
        return fail(b->err, b->errlen, in->key,
                    "device type '%s' is mapped but declares no 'size' parameter (model bug)",
                    t->name);

    /* Parameters first: a misspelt `bsae:` is better reported as such than as a missing base. */
    unsigned n = count_params(t->params);
    union param_value *vals = xmalloc((n + 1) * sizeof(*vals));
    memset(vals, 0, (n + 1) * sizeof(*vals));
    int r = fill_params(b, in, t->params, t->mapped ? reserved_mapped : reserved_unmapped, vals);
    if (r < 0)
        goto out;
    uint64_t base = 0;
    if (t->mapped && !bv) {
        r = fail(b->err, b->errlen, in->key,
                 "device '%s' (%s) is memory-mapped and needs 'base: ADDRESS'", in->name,
                 t->name);
        goto out;
    }
    if (bv) {
        char what[256];
        snprintf(what, sizeof(what), "'base' of device '%s'", in->name);
        union param_value pv;
        if ((r = get_value(b, bv, PARAM_INT, what, &pv)) < 0)
            goto out;
        base = pv.u;
    }
    uint64_t size = t->mapped ? vals[size_idx].u : 0;
    struct dev_config cfg = {in->name, t->params, vals};
    char msg[512] = "";
    in->dev = t->create(&cfg, &sim->env, msg, sizeof(msg));
    if (!in->dev) {
        r = fail(b->err, b->errlen, in->key, "device '%s' (%s): %s", in->name, t->name, msg);
        goto out;
    }
    sim_add_device(sim, in->dev, t->mapped, base, size, pos_of(in->key), &cfg);
    if (t->mapped && bus_map(&sim->bus, in->dev, base, size, msg, sizeof(msg)) < 0) {
        /* Name where the device already there was defined, when it is one of ours. */
        const struct sim_dev *other = NULL;
        bool wraps = !size || base + (size - 1) < base;
        for (unsigned i = 0; !wraps && i + 1 < sim->ndevs; i++) {
            const struct sim_dev *d = &sim->devs[i];
            if (d->mapped && d->size && base <= d->base + (d->size - 1) &&
                d->base <= base + (size - 1))
                other = d;
        }
        if (other) {
            char w[512];
            r = fail(b->err, b->errlen, in->key, "%s (%s is defined at %s)", msg,
                     other->dev->name, srcpos_str(other->pos, w, sizeof(w)));
        } else {
            r = fail(b->err, b->errlen, in->key, "device '%s' (%s): %s", in->name, t->name, msg);
        }
    }
out:
    free(vals);
    return r;
}

/* Pin names for a message, with runs like 1, 2, ..., 96 shortened to 1..96. */
static void pin_list(const struct device *dev, bool outputs, char *buf, size_t len)
{
    buf[0] = 0;
    unsigned i = 0;
    while (i < dev->npins) {
        const struct dev_pin *p = &dev->pins[i];
        if (p->output != outputs) {
            i++;
            continue;
        }
        /* Split into a prefix and a trailing number. */
        size_t l = strlen(p->name), d = l;
        while (d > 0 && p->name[d - 1] >= '0' && p->name[d - 1] <= '9')
            d--;
        unsigned j = i + 1;
        if (d < l) {
            unsigned long num = strtoul(p->name + d, NULL, 10);
            while (j < dev->npins) {
                const struct dev_pin *q = &dev->pins[j];
                char expect[40];
                snprintf(expect, sizeof(expect), "%.*s%lu", (int)d, p->name, num + (j - i));
                if (q->output != outputs || strcmp(q->name, expect))
                    break;
                j++;
            }
        }
        char item[64];
        if (j - i >= 3) {
            snprintf(item, sizeof(item), "%s..%s", p->name, dev->pins[j - 1].name);
        } else {
            snprintf(item, sizeof(item), "%s", p->name);
            j = i + 1;
        }
        list_add(buf, len, item);
        i = j;
    }
    if (!buf[0])
        snprintf(buf, len, "none");
}

static int wire_one(struct build *b, const struct inst *in, const struct pnode *k,
                    const struct pnode *v)
{
    char list[512];
    struct dev_pin *src = dev_find_pin(in->dev, k->text);
    const char *tname = v->kind == PN_SCALAR ? v->text : "?";
    if (!src) {
        pin_list(in->dev, true, list, sizeof(list));
        return fail(b->err, b->errlen, k,
                    "IRQ %s.%s -> %s: %s (%s) has no interrupt output '%s' (outputs: %s)",
                    in->name, k->text, tname, in->name, in->type->name, k->text, list);
    }
    if (!src->output) {
        pin_list(in->dev, true, list, sizeof(list));
        return fail(b->err, b->errlen, k,
                    "IRQ %s.%s -> %s: '%s' is an input of %s; 'irqs' lists the device's "
                    "outputs (outputs: %s)",
                    in->name, k->text, tname, k->text, in->name, list);
    }
    if (v->kind != PN_SCALAR)
        return fail(b->err, b->errlen, v,
                    "IRQ %s.%s: expected DEVICE.PIN as the target (e.g. plic.10), got a %s",
                    in->name, k->text, kind_name(v));
    const char *dot = strchr(v->text, '.');
    if (!dot || dot == v->text || !dot[1])
        return fail(b->err, b->errlen, v,
                    "IRQ %s.%s -> %s: expected DEVICE.PIN as the target (e.g. plic.10)",
                    in->name, k->text, v->text);
    char *tdev = xstrndup(v->text, (size_t)(dot - v->text));
    const char *tpin = dot + 1;
    int r = -1;
    struct device *dst = sim_find_device(b->sim, tdev);
    if (!dst) {
        fail(b->err, b->errlen, v, "IRQ %s.%s -> %s: no device or hart named '%s'", in->name,
             k->text, v->text, tdev);
        goto out;
    }
    struct dev_pin *to = dev_find_pin(dst, tpin);
    const char *dtype = "hart";
    for (unsigned i = 0; i < b->ninsts; i++)
        if (b->insts[i].dev == dst && !b->insts[i].hart)
            dtype = b->insts[i].type->name;
    if (!to || to->output) {
        pin_list(dst, false, list, sizeof(list));
        if (!to)
            fail(b->err, b->errlen, v, "IRQ %s.%s -> %s: %s (%s) has no input '%s' (inputs: %s)",
                 in->name, k->text, v->text, tdev, dtype, tpin, list);
        else
            fail(b->err, b->errlen, v,
                 "IRQ %s.%s -> %s: '%s' is an output of %s; expected an input (inputs: %s)",
                 in->name, k->text, v->text, tpin, tdev, list);
        goto out;
    }
    char *from = xasprintf("%s.%s", in->name, k->text);
    for (unsigned i = 0; i < b->nwires; i++) {
        if (strcmp(b->wires[i].to, v->text))
            continue;
        char w[512];
        fail(b->err, b->errlen, v, "IRQ %s -> %s: %s is already driven by %s (at %s)", from,
             v->text, v->text, b->wires[i].from, where(b->wires[i].key, w, sizeof(w)));
        free(from);
        goto out;
    }
    irq_connect(src->line, to->handler, to->opaque, to->n);
    sim_add_wire(b->sim, from, v->text, pos_of(k));
    b->wires = realloc(b->wires, (b->nwires + 1) * sizeof(*b->wires));
    if (!b->wires)
        abort();
    b->wires[b->nwires++] = (struct wired){k, xstrdup(v->text), from};
    r = 0;
out:
    free(tdev);
    return r;
}

static int wire_irqs(struct build *b, const struct inst *in)
{
    const struct pnode *irqs = pmap_get(in->val, "irqs");
    if (!irqs || is_null(irqs))
        return 0;
    if (irqs->kind != PN_MAP)
        return fail(b->err, b->errlen, irqs,
                    "'irqs' of device '%s': expected a map of OUTPUT: DEVICE.PIN "
                    "(e.g. irq: plic.10), got a %s",
                    in->name, kind_name(irqs));
    for (unsigned i = 0; i < pmap_len(irqs); i++)
        if (wire_one(b, in, pmap_key(irqs, i), pmap_val(irqs, i)) < 0)
            return -1;
    return 0;
}

/* The file's base name without .yaml: the platform's name when it has no `name:`. */
static char *stem(const char *path)
{
    const char *s = strrchr(path, '/');
    s = s ? s + 1 : path;
    size_t n = strlen(s);
    if (n > 5 && !strcmp(s + n - 5, ".yaml"))
        n -= 5;
    return xstrndup(s, n);
}

static int get_string(struct build *b, const struct pnode *root, const char *key, char **out)
{
    const struct pnode *v = pmap_get(root, key);
    if (!v)
        return 0;
    if (v->kind != PN_SCALAR)
        return fail(b->err, b->errlen, v, "'%s': expected a string, got a %s", key,
                    kind_name(v));
    free(*out);
    *out = xstrdup(v->text);
    return 0;
}

int platform_build(struct sim *sim, const struct pnode *root, char *err, size_t errlen)
{
    struct build b = {.sim = sim, .err = err, .errlen = errlen};
    int r = -1;
    for (unsigned i = 0; i < pmap_len(root); i++) {
        const struct pnode *k = pmap_key(root, i);
        if (!strcmp(k->text, "include"))
            return fail(err, errlen, k, "'include' cannot be set here: includes are read "
                                        "before --set overrides apply");
        if (!in_list(top_keys, k->text)) {
            char keys[256] = "";
            for (unsigned j = 0; top_keys[j]; j++)
                list_add(keys, sizeof(keys), top_keys[j]);
            return fail(err, errlen, k, "unknown top-level key '%s' (expected one of: %s)",
                        k->text, keys);
        }
    }
    if (!pmap_get(root, "name")) {
        free(sim->name);
        sim->name = stem(root->file);
    }
    if (get_string(&b, root, "name", &sim->name) < 0 ||
        get_string(&b, root, "description", &sim->description) < 0)
        return -1;

    const struct pnode *tb = pmap_get(root, "timebase");
    if (!tb)
        return fail(err, errlen, root,
                    "missing 'timebase' (the mtime frequency, e.g. timebase: 10MHz)");
    union param_value pv;
    if (get_value(&b, tb, PARAM_FREQ, "'timebase'", &pv) < 0)
        return -1;
    if (!pv.u)
        return fail(err, errlen, tb, "'timebase' must be above 0 Hz");
    sim->env.timebase_hz = pv.u;

    const struct pnode *cpus = pmap_get(root, "cpus");
    if (!cpus)
        return fail(err, errlen, root, "missing 'cpus': a platform needs at least one hart");
    if (cpus->kind != PN_MAP && !is_null(cpus))
        return fail(err, errlen, cpus, "'cpus': expected a map of hart names, got a %s",
                    kind_name(cpus));
    if (cpus->kind != PN_MAP || !pmap_len(cpus))
        return fail(err, errlen, cpus, "'cpus' is empty: a platform needs at least one hart");
    if (pmap_len(cpus) > SIM_MAX_HARTS)
        return fail(err, errlen, cpus, "'cpus' has %u harts; socsim builds at most %u",
                    pmap_len(cpus), SIM_MAX_HARTS);
    const struct pnode *devs = pmap_get(root, "devices");
    if (devs && devs->kind != PN_MAP && !is_null(devs))
        return fail(err, errlen, devs, "'devices': expected a map of device names, got a %s",
                    kind_name(devs));
    if (devs && devs->kind != PN_MAP)
        devs = NULL;

    b.insts = xmalloc((pmap_len(cpus) + (devs ? pmap_len(devs) : 0)) * sizeof(*b.insts));
    if (collect(&b, cpus, true) < 0 || (devs && collect(&b, devs, false) < 0))
        goto out;
    for (unsigned i = 0; i < b.ninsts; i++)
        if (b.insts[i].hart && build_hart(&b, &b.insts[i], i) < 0)
            goto out;
    /* mhartid names a hart to firmware (and the device tree's cpu@N): it must be unique. */
    for (unsigned i = 1; i < sim->nharts; i++) {
        for (unsigned j = 0; j < i; j++) {
            if (rv_hart_id(sim->harts[i]) != rv_hart_id(sim->harts[j]))
                continue;
            char w[512];
            fail(err, errlen, b.insts[i].key, "hart '%s' has mhartid %llu, as hart '%s' (at %s) "
                 "does", b.insts[i].name, (unsigned long long)rv_hart_id(sim->harts[i]),
                 b.insts[j].name, where(b.insts[j].key, w, sizeof(w)));
            goto out;
        }
    }
    for (unsigned i = 0; i < b.ninsts; i++)
        if (!b.insts[i].hart && build_device(&b, &b.insts[i]) < 0)
            goto out;
    for (unsigned i = 0; i < b.ninsts; i++)
        if (!b.insts[i].hart && wire_irqs(&b, &b.insts[i]) < 0)
            goto out;
    r = 0;
out:
    for (unsigned i = 0; i < b.nwires; i++) {
        free(b.wires[i].to);
        free(b.wires[i].from);
    }
    free(b.wires);
    free(b.insts);
    return r;
}

/* ---- entry points ------------------------------------------------------------------------ */

int platform_load(struct sim *sim, const char *path, const char *text,
                  const struct set_override *sets, unsigned nsets, char *err, size_t errlen)
{
    struct pnode *root = ptree_load(sim, path, text, err, errlen);
    if (!root)
        return -1;
    /* A --set applies before template expansion (so `harts` and the template itself can be
     * set), unless its path goes through an entry only the expansion creates, such as
     * cpus.hart2.freq: that one applies to the expanded tree. */
    bool *later = xmalloc((nsets + 1) * sizeof(*later));
    int r = 0;
    for (unsigned i = 0; i < nsets && r == 0; i++) {
        r = ptree_apply_set_ex(sim, root, &sets[i], &later[i], err, errlen);
        if (r < 0 && later[i])
            r = 0;
        else
            later[i] = false;
    }
    if (r == 0)
        r = ptree_expand(root, err, errlen);
    bool again = false;
    for (unsigned i = 0; i < nsets && r == 0; i++)
        if (later[i]) {
            r = ptree_apply_set(sim, root, &sets[i], err, errlen);
            again = true;
        }
    if (r == 0 && again)
        r = ptree_expand(root, err, errlen); /* the values those --set gave */
    if (r == 0)
        r = platform_build(sim, root, err, errlen);
    free(later);
    ptree_free(root);
    return r;
}

/* Call fn on each platform directory in search order until it returns non-NULL. */
static char *each_dir(char *(*fn)(const char *dir, void *arg), void *arg)
{
    char *r = NULL;
    const char *env = getenv("SOCSIM_PLATFORM_PATH");
    if (env && *env) {
        char *copy = xstrdup(env);
        for (char *s = copy, *save = NULL, *d; !r && (d = strtok_r(s, ":", &save)); s = NULL)
            r = fn(d, arg);
        free(copy);
        if (r)
            return r;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            /* build/socsim in the source tree, then an installed PREFIX/bin/socsim, so an
             * installed copy finds its platforms wherever PREFIX was. */
            static const char *const rel[] = {"../platforms", "../share/socsim/platforms"};
            for (unsigned k = 0; k < 2 && !r; k++) {
                char *dir = xasprintf("%s/%s", exe, rel[k]);
                char *real = realpath(dir, NULL);
                r = fn(real ? real : dir, arg);
                free(real);
                free(dir);
            }
            if (r)
                return r;
        }
    }
    return fn(SOCSIM_DATADIR "/platforms", arg);
}

static char *try_dir(const char *dir, void *arg)
{
    char *p = xasprintf("%s/%s", dir, (const char *)arg);
    if (access(p, R_OK) == 0)
        return p;
    free(p);
    return NULL;
}

struct dirlist {
    char buf[2048];
};

static char *list_dir(const char *dir, void *arg)
{
    list_add(((struct dirlist *)arg)->buf, sizeof(((struct dirlist *)arg)->buf), dir);
    return NULL;
}

static bool looks_like_path(const char *name)
{
    size_t n = strlen(name);
    return strchr(name, '/') || (n > 5 && !strcmp(name + n - 5, ".yaml"));
}

char *platform_resolve(const char *name)
{
    if (!name || !*name)
        return NULL;
    if (looks_like_path(name) && access(name, R_OK) == 0)
        return xstrdup(name);
    if (strchr(name, '/'))
        return NULL;
    size_t n = strlen(name);
    char *file = n > 5 && !strcmp(name + n - 5, ".yaml") ? xstrdup(name)
                                                          : xasprintf("%s.yaml", name);
    char *r = each_dir(try_dir, file);
    free(file);
    return r;
}

int sim_load_platform(struct sim *sim, const char *path, const struct set_override *sets,
                      unsigned nsets)
{
    char *file = platform_resolve(path);
    if (!file) {
        if (strchr(path, '/') || access(path, R_OK) == 0) {
            int e = access(path, R_OK) == 0 ? 0 : errno;
            fprintf(stderr, "%s: error: cannot open platform file: %s\n", path,
                    strerror(e ? e : ENOENT));
        } else {
            struct dirlist dl = {""};
            each_dir(list_dir, &dl);
            if (looks_like_path(path))
                fprintf(stderr,
                        "socsim: error: cannot find platform file '%s' (not in the current "
                        "directory nor in %s)\n",
                        path, dl.buf);
            else
                fprintf(stderr, "socsim: error: unknown platform '%s' (no %s.yaml in %s)\n",
                        path, path, dl.buf);
        }
        return -1;
    }
    char err[2048] = "";
    int r = platform_load(sim, file, NULL, sets, nsets, err, sizeof(err));
    if (r < 0)
        fprintf(stderr, "%s\n", err);
    free(file);
    return r;
}

/* ---- printing ---------------------------------------------------------------------------- */

static void fmt_size(uint64_t v, char *buf, size_t len)
{
    if (v && !(v & ((1ULL << 30) - 1)))
        snprintf(buf, len, "%llu GiB", (unsigned long long)(v >> 30));
    else if (v && !(v & ((1ULL << 20) - 1)))
        snprintf(buf, len, "%llu MiB", (unsigned long long)(v >> 20));
    else if (v && !(v & ((1ULL << 10) - 1)))
        snprintf(buf, len, "%llu KiB", (unsigned long long)(v >> 10));
    else
        snprintf(buf, len, "%llu B", (unsigned long long)v);
}

static void fmt_freq(uint64_t hz, char *buf, size_t len)
{
    if (hz && hz % 1000000000 == 0)
        snprintf(buf, len, "%llu GHz", (unsigned long long)(hz / 1000000000));
    else if (hz && hz % 1000000 == 0)
        snprintf(buf, len, "%llu MHz", (unsigned long long)(hz / 1000000));
    else if (hz && hz % 1000 == 0)
        snprintf(buf, len, "%llu kHz", (unsigned long long)(hz / 1000));
    else
        snprintf(buf, len, "%llu Hz", (unsigned long long)hz);
}

static int cmp_base(const void *a, const void *b)
{
    const struct sim_dev *x = *(const struct sim_dev *const *)a;
    const struct sim_dev *y = *(const struct sim_dev *const *)b;
    return x->base < y->base ? -1 : x->base > y->base;
}

void platform_print(const struct sim *sim, FILE *out)
{
    char buf[64];
    fprintf(out, "platform %s", sim->name ? sim->name : "?");
    if (sim->description)
        fprintf(out, ": %s", sim->description);
    fmt_freq(sim->env.timebase_hz, buf, sizeof(buf));
    fprintf(out, "\ntimebase %s\n", buf);

    fprintf(out, "cpus:\n");
    for (unsigned i = 0; i < sim->nharts; i++) {
        const struct rv_hart *h = sim->harts[i];
        /* The hart keeps a period in ps: show the frequency exactly when it round-trips. */
        uint64_t period = rv_hart_period_ps(h);
        uint64_t hz = period ? (PS_PER_SEC + period / 2) / period : 0;
        fmt_freq(hz, buf, sizeof(buf));
        if (hz % 1000)
            snprintf(buf, sizeof(buf), "%.3f MHz", period ? 1e6 / (double)period : 0.0);
        fprintf(out, "  %-10s %s  %s\n", rv_hart_device(sim->harts[i])->name, rv_hart_isa(h),
                buf);
    }

    const struct sim_dev **v = xmalloc(sim->ndevs * sizeof(*v));
    unsigned nm = 0, width = 0;
    for (unsigned i = 0; i < sim->ndevs; i++) {
        if (sim->devs[i].mapped)
            v[nm++] = &sim->devs[i];
        unsigned l = (unsigned)strlen(sim->devs[i].dev->name);
        width = l > width ? l : width;
    }
    qsort(v, nm, sizeof(*v), cmp_base);
    fprintf(out, "memory map:\n");
    for (unsigned i = 0; i < nm; i++) {
        fmt_size(v[i]->size, buf, sizeof(buf));
        fprintf(out, "  0x%016llx-0x%016llx  %8s  %-*s  (%s)\n", (unsigned long long)v[i]->base,
                (unsigned long long)(v[i]->base + v[i]->size - 1), buf, (int)width,
                v[i]->dev->name, v[i]->dev->type->name);
    }
    free(v);
    if (nm < sim->ndevs) {
        fprintf(out, "not mapped by the platform:\n");
        for (unsigned i = 0; i < sim->ndevs; i++)
            if (!sim->devs[i].mapped)
                fprintf(out, "  %-*s  (%s)%s\n", (int)width, sim->devs[i].dev->name,
                        sim->devs[i].dev->type->name,
                        sim->devs[i].dev->type->place ? "  placed by the firmware's symbols"
                                                      : "");
    }
    fprintf(out, "irqs:\n");
    for (unsigned i = 0; i < sim->nwires; i++)
        fprintf(out, "  %s -> %s\n", sim->wires[i].from, sim->wires[i].to);
}

static void print_param(FILE *out, int width, const char *name, const char *type,
                        const char *def, const char *help)
{
    fprintf(out, "    %-*s  %-9s  %-20s  %s\n", width, name, type, def, help ? help : "");
}

static void print_params(FILE *out, const struct param_decl *d, bool mapped)
{
    int width = mapped ? 4 : 0;
    for (unsigned i = 0; d[i].name; i++)
        width = (int)strlen(d[i].name) > width ? (int)strlen(d[i].name) : width;
    if (mapped)
        print_param(out, width, "base", "integer", "required", "address of the region on the bus");
    for (unsigned i = 0; d[i].name; i++) {
        char def[80];
        if (!d[i].def)
            snprintf(def, sizeof(def), "required");
        else if (!d[i].def[0])
            snprintf(def, sizeof(def), "default \"\"");
        else
            snprintf(def, sizeof(def), "default %s", d[i].def);
        print_param(out, width, d[i].name, param_type_name(d[i].type), def, d[i].help);
    }
}

void platform_print_types(FILE *out)
{
    fprintf(out, "cpus: entries (RISC-V hart): %s\n", rv_hart_help);
    print_params(out, rv_hart_params, false);
    fprintf(out, "\ndevices: entries, by type:\n");
    for (unsigned i = 0; dev_types[i]; i++) {
        const struct dev_type *t = dev_types[i];
        fprintf(out, "\n  %s: %s\n", t->name, t->help ? t->help : "");
        print_params(out, t->params, t->mapped);
        if (!t->mapped && !t->params[0].name)
            fprintf(out, "    (no parameters)\n");
    }
}
