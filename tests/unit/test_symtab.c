/* Symbol table: sorting, look-up by name, and address-to-symbol rules (containing symbol first,
 * then the nearest size-0 function below). */
#include <string.h>

#include "models/core/symtab.h"
#include "tests/unit/unit.h"

static void fill(struct symtab *t)
{
    symtab_init(t);
    /* Added out of order on purpose. */
    CU_ASSERT_EQUAL(symtab_add(t, "main", 0x80000100, 0x40, true), 0);
    CU_ASSERT_EQUAL(symtab_add(t, "_start", 0x80000000, 0, true), 0);
    CU_ASSERT_EQUAL(symtab_add(t, "tohost", 0x80001000, 8, false), 0);
    CU_ASSERT_EQUAL(symtab_add(t, "fromhost", 0x80001040, 8, false), 0);
    CU_ASSERT_EQUAL(symtab_add(t, "loop", 0x80000120, 0, false), 0);    /* label in main */
    CU_ASSERT_EQUAL(symtab_add(t, "trap_entry", 0x80000200, 0, true), 0); /* asm, no size */
    CU_ASSERT_EQUAL(symtab_add(t, "helper", 0x80000300, 0x10, true), 0);
    symtab_finish(t);
}

static void test_sorted_by_address_then_name(void)
{
    struct symtab t;
    fill(&t);
    CU_ASSERT_EQUAL(t.n, 7);
    for (size_t i = 1; i < t.n; i++)
        CU_ASSERT(t.v[i - 1].addr < t.v[i].addr ||
                  (t.v[i - 1].addr == t.v[i].addr && strcmp(t.v[i - 1].name, t.v[i].name) < 0));
    CU_ASSERT_STRING_EQUAL(t.v[0].name, "_start");
    symtab_free(&t);
    CU_ASSERT_EQUAL(t.n, 0);
    CU_ASSERT_PTR_NULL(t.v);
}

static void test_lookup_by_name(void)
{
    struct symtab t;
    fill(&t);
    uint64_t a = 0;
    CU_ASSERT(symtab_lookup(&t, "tohost", &a));
    CU_ASSERT_EQUAL(a, 0x80001000);
    CU_ASSERT(symtab_lookup(&t, "fromhost", &a));
    CU_ASSERT_EQUAL(a, 0x80001040);
    CU_ASSERT(symtab_lookup(&t, "main", NULL));
    CU_ASSERT_FALSE(symtab_lookup(&t, "nosuch", &a));
    CU_ASSERT_FALSE(symtab_lookup(&t, "", &a));
    symtab_free(&t);
}

static void test_name_is_copied(void)
{
    struct symtab t;
    symtab_init(&t);
    char name[] = "buf";
    symtab_add(&t, name, 0x10, 4, false);
    name[0] = 'x';
    symtab_finish(&t);
    CU_ASSERT(symtab_lookup(&t, "buf", NULL));
    symtab_free(&t);
}

static const char *at(const struct symtab *t, uint64_t addr)
{
    const struct symbol *s = symtab_find_addr(t, addr);
    return s ? s->name : "(none)";
}

static void test_find_addr_containing_symbol(void)
{
    struct symtab t;
    fill(&t);
    CU_ASSERT_STRING_EQUAL(at(&t, 0x80000100), "main");
    CU_ASSERT_STRING_EQUAL(at(&t, 0x8000013f), "main");
    /* A size-0 label inside main does not hide main. */
    CU_ASSERT_STRING_EQUAL(at(&t, 0x80000124), "main");
    CU_ASSERT_STRING_EQUAL(at(&t, 0x80001004), "tohost");
    CU_ASSERT_STRING_EQUAL(at(&t, 0x8000030f), "helper");
    symtab_free(&t);
}

static void test_find_addr_nearest_sizeless_function(void)
{
    struct symtab t;
    fill(&t);
    CU_ASSERT_STRING_EQUAL(at(&t, 0x80000000), "_start");
    CU_ASSERT_STRING_EQUAL(at(&t, 0x800000fc), "_start");
    CU_ASSERT_STRING_EQUAL(at(&t, 0x80000200), "trap_entry");
    CU_ASSERT_STRING_EQUAL(at(&t, 0x800002fc), "trap_entry");
    symtab_free(&t);
}

static void test_find_addr_none(void)
{
    struct symtab t;
    fill(&t);
    CU_ASSERT_STRING_EQUAL(at(&t, 0x7fffffff), "(none)");
    CU_ASSERT_STRING_EQUAL(at(&t, 0), "(none)");
    /* Past the end of a sized function, with nothing else: not attributed to it. */
    CU_ASSERT_STRING_EQUAL(at(&t, 0x80000310), "(none)");
    /* Past an object: objects are never the "nearest" fallback. */
    CU_ASSERT_STRING_EQUAL(at(&t, 0x80001048), "(none)");
    CU_ASSERT_STRING_EQUAL(at(&t, UINT64_MAX), "(none)");
    symtab_free(&t);

    struct symtab e;
    symtab_init(&e);
    symtab_finish(&e);
    CU_ASSERT_PTR_NULL(symtab_find_addr(&e, 0x1234));
    CU_ASSERT_FALSE(symtab_lookup(&e, "x", NULL));
    symtab_free(&e);
}

static void test_find_addr_prefers_function_at_same_address(void)
{
    struct symtab t;
    symtab_init(&t);
    symtab_add(&t, "aaa_object", 0x1000, 0x100, false);
    symtab_add(&t, "zzz_func", 0x1000, 0x100, true);
    symtab_finish(&t);
    CU_ASSERT_STRING_EQUAL(at(&t, 0x1010), "zzz_func");
    symtab_free(&t);
}

static void test_find_addr_innermost_when_nested(void)
{
    struct symtab t;
    symtab_init(&t);
    symtab_add(&t, "outer", 0x1000, 0x1000, true);
    symtab_add(&t, "inner", 0x1400, 0x100, true);
    symtab_add(&t, "label", 0x1800, 0, false);
    symtab_finish(&t);
    CU_ASSERT_STRING_EQUAL(at(&t, 0x1450), "inner");
    CU_ASSERT_STRING_EQUAL(at(&t, 0x1500), "outer"); /* past inner: back to outer */
    CU_ASSERT_STRING_EQUAL(at(&t, 0x1900), "outer");
    CU_ASSERT_STRING_EQUAL(at(&t, 0x2000), "(none)");
    symtab_free(&t);
}

static void test_duplicates_are_dropped(void)
{
    struct symtab t;
    symtab_init(&t);
    symtab_add(&t, "f", 0x10, 4, true);
    symtab_add(&t, "f", 0x10, 4, true);
    symtab_add(&t, "g", 0x10, 4, true);
    symtab_finish(&t);
    CU_ASSERT_EQUAL(t.n, 2);
    symtab_free(&t);
}

static void test_many_symbols(void)
{
    struct symtab t;
    symtab_init(&t);
    char name[32];
    for (int i = 999; i >= 0; i--) {
        snprintf(name, sizeof(name), "f%d", i);
        CU_ASSERT_EQUAL(symtab_add(&t, name, 0x1000 + (uint64_t)i * 0x10, 0x10, true), 0);
    }
    symtab_finish(&t);
    CU_ASSERT_EQUAL(t.n, 1000);
    CU_ASSERT_STRING_EQUAL(at(&t, 0x1000 + 500 * 0x10 + 4), "f500");
    CU_ASSERT_STRING_EQUAL(at(&t, 0x1000 + 999 * 0x10 + 0xf), "f999");
    CU_ASSERT_STRING_EQUAL(at(&t, 0x1000 + 1000 * 0x10), "(none)");
    uint64_t a;
    CU_ASSERT(symtab_lookup(&t, "f777", &a));
    CU_ASSERT_EQUAL(a, 0x1000 + 777 * 0x10);
    symtab_free(&t);
}

UNIT_MAIN("symtab", T(test_sorted_by_address_then_name), T(test_lookup_by_name),
          T(test_name_is_copied), T(test_find_addr_containing_symbol),
          T(test_find_addr_nearest_sizeless_function), T(test_find_addr_none),
          T(test_find_addr_prefers_function_at_same_address),
          T(test_find_addr_innermost_when_nested), T(test_duplicates_are_dropped),
          T(test_many_symbols))
