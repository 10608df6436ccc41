/* Tiny wrapper around CUnit: each tests/unit/test_*.c is its own program that lists its tests
 * with UNIT_MAIN("suite", T(fn), ...). Test function names say what they check. */
#ifndef SOCSIM_UNIT_H
#define SOCSIM_UNIT_H

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>

struct unit_test {
    const char *name;
    void (*fn)(void);
};

#define T(fn) { #fn, fn }

static inline int unit_run(const char *suite_name, const struct unit_test *tests)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    CU_pSuite s = CU_add_suite(suite_name, NULL, NULL);
    for (const struct unit_test *t = tests; t->name; t++)
        CU_add_test(s, t->name, t->fn);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_tests_failed();
    unsigned run = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    printf("unit %s: %u passed, %u failed\n", suite_name, run - failed, failed);
    return failed ? 1 : 0;
}

#define UNIT_MAIN(suite_name, ...)                                            \
    int main(void)                                                            \
    {                                                                         \
        static const struct unit_test tests[] = {__VA_ARGS__, {NULL, NULL}};  \
        return unit_run(suite_name, tests);                                   \
    }

#endif
