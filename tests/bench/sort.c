/* Sorting pseudo-random 32-bit keys: an iterative quicksort (median of three, insertion sort
 * for short runs) on a large array, and a plain insertion sort on a smaller one that is also
 * quicksorted for comparison. Each result is checked for order and for being a permutation. */
#include <string.h>

#include "bench.h"

#define BIG 20000
#define SMALL 1500

static uint32_t big[BIG], small_a[SMALL], small_b[SMALL];

static void insertion_sort(uint32_t *a, int n)
{
    for (int i = 1; i < n; i++) {
        uint32_t v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void swap(uint32_t *a, uint32_t *b)
{
    uint32_t t = *a;
    *a = *b;
    *b = t;
}

static void quicksort(uint32_t *a, int n)
{
    int stack[64][2], sp = 0;
    stack[sp][0] = 0;
    stack[sp][1] = n - 1;
    sp++;
    while (sp) {
        sp--;
        int lo = stack[sp][0], hi = stack[sp][1];
        while (hi - lo > 16) {
            int mid = lo + (hi - lo) / 2;
            if (a[mid] < a[lo])
                swap(&a[mid], &a[lo]);
            if (a[hi] < a[lo])
                swap(&a[hi], &a[lo]);
            if (a[hi] < a[mid])
                swap(&a[hi], &a[mid]);
            uint32_t pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot)
                    i++;
                while (a[j] > pivot)
                    j--;
                if (i <= j) {
                    swap(&a[i], &a[j]);
                    i++;
                    j--;
                }
            }
            /* Recurse (via the stack) into the larger part, loop on the smaller one. */
            if (j - lo > hi - i) {
                stack[sp][0] = lo;
                stack[sp][1] = j;
                sp++;
                lo = i;
            } else {
                stack[sp][0] = i;
                stack[sp][1] = hi;
                sp++;
                hi = j;
            }
        }
        insertion_sort(a + lo, hi - lo + 1);
    }
}

static int sorted(const uint32_t *a, int n)
{
    for (int i = 1; i < n; i++)
        if (a[i - 1] > a[i])
            return 0;
    return 1;
}

/* Order-independent fingerprint: sum and xor of the keys and of a mix of each key. */
static uint64_t fingerprint(const uint32_t *a, int n)
{
    uint32_t s = 0, x = 0, m = 0;
    for (int i = 0; i < n; i++) {
        s += a[i];
        x ^= a[i];
        m += a[i] * 0x9e3779b9u ^ (a[i] >> 7);
    }
    return ((uint64_t)(s ^ m) << 32) | x;
}

int bench_sort(unsigned scale, uint32_t *result)
{
    int bad = 0;
    uint32_t seed = 0xc0ffee11u, acc = 0;
    for (unsigned r = 0; r < 36 * scale; r++) {
        for (int i = 0; i < BIG; i++)
            big[i] = bench_rand(&seed) % 1000003u; /* with duplicates */
        uint64_t before = fingerprint(big, BIG);
        quicksort(big, BIG);
        if (!sorted(big, BIG) || fingerprint(big, BIG) != before) {
            bench_fail("sort", "quicksort result is not a sorted permutation");
            bad = 1;
        }
        acc = acc * 33u + big[BIG / 2];

        for (int i = 0; i < SMALL; i++)
            small_a[i] = small_b[i] = bench_rand(&seed);
        insertion_sort(small_a, SMALL);
        quicksort(small_b, SMALL);
        if (!sorted(small_a, SMALL) || memcmp(small_a, small_b, sizeof small_a) != 0) {
            bench_fail("sort", "insertion sort and quicksort disagree");
            bad = 1;
        }
        acc ^= small_a[SMALL / 3];
    }
    *result = acc;
    return bad;
}
