/* Shared device plumbing: parameter parsing, configuration look-ups, pins, guest errors. */
#include "device.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int find_param(const struct dev_config *cfg, const char *param)
{
    for (int i = 0; cfg->decls[i].name; i++)
        if (!strcmp(cfg->decls[i].name, param))
            return i;
    fprintf(stderr, "socsim: internal error: %s asks for undeclared parameter '%s'\n",
            cfg->name, param);
    abort();
}

uint64_t cfg_u64(const struct dev_config *cfg, const char *param)
{
    return cfg->values[find_param(cfg, param)].u;
}

bool cfg_bool(const struct dev_config *cfg, const char *param)
{
    return cfg->values[find_param(cfg, param)].b;
}

const char *cfg_str(const struct dev_config *cfg, const char *param)
{
    return cfg->values[find_param(cfg, param)].s;
}

const char *param_type_name(enum param_type type)
{
    switch (type) {
    case PARAM_INT: return "integer";
    case PARAM_SIZE: return "size";
    case PARAM_FREQ: return "frequency";
    case PARAM_BOOL: return "boolean";
    case PARAM_STRING: return "string";
    }
    return "?";
}

/* Unsigned integer in decimal, 0x hex, 0o/0 octal-free (leading zeros are decimal), 0b binary,
 * with optional '_' separators. Sets *end to the first unparsed character. */
static int parse_uint(const char *s, uint64_t *out, const char **end)
{
    int base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        base = 16, s += 2;
    else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
        base = 2, s += 2;
    uint64_t v = 0;
    int digits = 0;
    for (;; s++) {
        int d;
        if (*s == '_' && digits)
            continue;
        if (isdigit((unsigned char)*s))
            d = *s - '0';
        else if (base == 16 && isxdigit((unsigned char)*s))
            d = tolower((unsigned char)*s) - 'a' + 10;
        else
            break;
        if (d >= base)
            return -1;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            return -2;
        v = v * (uint64_t)base + (uint64_t)d;
        digits++;
    }
    if (!digits)
        return -1;
    *out = v;
    *end = s;
    return 0;
}

struct suffix {
    const char *s;
    uint64_t mul;
};

static const struct suffix size_suffixes[] = {
    {"", 1},         {"B", 1},           {"K", 1ULL << 10}, {"KiB", 1ULL << 10},
    {"M", 1ULL << 20}, {"MiB", 1ULL << 20}, {"G", 1ULL << 30}, {"GiB", 1ULL << 30},
    {NULL, 0},
};

static const struct suffix int_suffixes[] = {{"", 1}, {NULL, 0}};

static const struct suffix freq_suffixes[] = {
    {"", 1}, {"Hz", 1}, {"kHz", 1000}, {"KHz", 1000}, {"MHz", 1000000}, {"GHz", 1000000000},
    {NULL, 0},
};

static int parse_scaled(const char *text, const struct suffix *sfx, uint64_t *out, char *err,
                        size_t errlen, const char *what)
{
    uint64_t v;
    const char *end;
    int r = parse_uint(text, &v, &end);
    if (r == -2) {
        snprintf(err, errlen, "'%s' is too large (values are at most 64 bits)", text);
        return -1;
    }
    if (r < 0) {
        snprintf(err, errlen, "expected %s, got '%s'", what, text);
        return -1;
    }
    while (*end == ' ')
        end++;
    for (int i = 0; sfx[i].s; i++) {
        if (strcmp(end, sfx[i].s))
            continue;
        if (v > UINT64_MAX / sfx[i].mul) {
            snprintf(err, errlen, "'%s' is too large (values are at most 64 bits)", text);
            return -1;
        }
        *out = v * sfx[i].mul;
        return 0;
    }
    snprintf(err, errlen, "expected %s, got '%s' (unknown suffix '%s')", what, text, end);
    return -1;
}

int param_parse(enum param_type type, const char *text, union param_value *out, char *err,
                size_t errlen)
{
    switch (type) {
    case PARAM_INT:
        return parse_scaled(text, int_suffixes, &out->u, err, errlen, "an integer");
    case PARAM_SIZE:
        return parse_scaled(text, size_suffixes, &out->u, err, errlen,
                            "a size (e.g. 4096, 0x1000, 64KiB, 128MiB)");
    case PARAM_FREQ:
        return parse_scaled(text, freq_suffixes, &out->u, err, errlen,
                            "a frequency (e.g. 10MHz, 32768Hz)");
    case PARAM_BOOL:
        if (!strcasecmp(text, "true") || !strcasecmp(text, "yes") || !strcasecmp(text, "on")) {
            out->b = true;
            return 0;
        }
        if (!strcasecmp(text, "false") || !strcasecmp(text, "no") || !strcasecmp(text, "off")) {
            out->b = false;
            return 0;
        }
        snprintf(err, errlen, "expected a boolean (true/false), got '%s'", text);
        return -1;
    case PARAM_STRING:
        out->s = text;
        return 0;
    }
    snprintf(err, errlen, "unknown parameter type");
    return -1;
}

void dev_init(struct device *dev, const struct dev_type *type, const struct dev_config *cfg,
              struct sim_env *env)
{
    dev->type = type;
    dev->name = strdup(cfg && cfg->name ? cfg->name : type->name);
    dev->env = env;
    dev->pins = NULL;
    dev->npins = dev->pincap = 0;
}

void dev_fini(struct device *dev)
{
    free(dev->name);
    free(dev->pins);
    dev->name = NULL;
    dev->pins = NULL;
    dev->npins = dev->pincap = 0;
}

static struct dev_pin *new_pin(struct device *dev, const char *name)
{
    if (dev->npins == dev->pincap) {
        unsigned cap = dev->pincap ? dev->pincap * 2 : 8;
        struct dev_pin *p = realloc(dev->pins, cap * sizeof(*p));
        if (!p)
            abort();
        dev->pins = p;
        dev->pincap = cap;
    }
    struct dev_pin *p = &dev->pins[dev->npins++];
    memset(p, 0, sizeof(*p));
    snprintf(p->name, sizeof(p->name), "%s", name);
    return p;
}

void dev_add_output(struct device *dev, const char *name, struct irq_line *line)
{
    struct dev_pin *p = new_pin(dev, name);
    p->output = true;
    p->line = line;
}

void dev_add_input(struct device *dev, const char *name, irq_handler_fn *fn, void *opaque,
                   unsigned n)
{
    struct dev_pin *p = new_pin(dev, name);
    p->handler = fn;
    p->opaque = opaque;
    p->n = n;
}

struct dev_pin *dev_find_pin(struct device *dev, const char *name)
{
    for (unsigned i = 0; i < dev->npins; i++)
        if (!strcmp(dev->pins[i].name, name))
            return &dev->pins[i];
    return NULL;
}

const struct dev_type *dev_type_find(const char *name)
{
    for (int i = 0; dev_types[i]; i++)
        if (!strcmp(dev_types[i]->name, name))
            return dev_types[i];
    return NULL;
}

void env_guest_error(struct sim_env *env, const char *who, const char *fmt, ...)
{
    char msg[512];
    int n = snprintf(msg, sizeof(msg), "%s: ", who);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
    va_end(ap);
    if (env && env->guest_error)
        env->guest_error(env->owner, msg);
    else
        fprintf(stderr, "socsim: guest error: %s\n", msg);
}
