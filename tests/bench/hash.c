/* Adler-32 (computed with a modulo per byte and, separately, with the deferred-modulo block
 * method) and 32-bit FNV-1a over pseudo-random data, plus published check values. */
#include "bench.h"

#define BUF_SIZE 32768
#define ADLER_MOD 65521u
#define ADLER_NMAX 5552 /* largest n with 255n(n+1)/2 + (n+1)(MOD-1) < 2^32 */

static uint8_t buf[BUF_SIZE];

static uint32_t adler_simple(const uint8_t *p, uint32_t len)
{
    uint32_t a = 1, b = 0;
    while (len--) {
        a = (a + *p++) % ADLER_MOD;
        b = (b + a) % ADLER_MOD;
    }
    return (b << 16) | a;
}

static uint32_t adler_blocked(const uint8_t *p, uint32_t len)
{
    uint32_t a = 1, b = 0;
    while (len) {
        uint32_t n = len < ADLER_NMAX ? len : ADLER_NMAX;
        len -= n;
        while (n--) {
            a += *p++;
            b += a;
        }
        a %= ADLER_MOD;
        b %= ADLER_MOD;
    }
    return (b << 16) | a;
}

static uint32_t fnv1a(const uint8_t *p, uint32_t len)
{
    uint32_t h = 0x811c9dc5u;
    while (len--) {
        h ^= *p++;
        h *= 0x01000193u;
    }
    return h;
}

int bench_hash(unsigned scale, uint32_t *result)
{
    int bad = 0;
    uint32_t seed = 0xfeedf00du;
    for (uint32_t i = 0; i < BUF_SIZE; i++)
        buf[i] = (uint8_t)bench_rand(&seed);

    /* Published values: Adler-32("Wikipedia") = 0x11E60398, FNV-1a("") = 0x811C9DC5,
     * FNV-1a("a") = 0xE40C292C. */
    if (adler_blocked((const uint8_t *)"Wikipedia", 9) != 0x11e60398u ||
        fnv1a((const uint8_t *)"", 0) != 0x811c9dc5u || fnv1a((const uint8_t *)"a", 1) != 0xe40c292cu) {
        bench_fail("adler32+fnv1a", "published check values");
        bad = 1;
    }

    uint32_t acc = 0;
    for (unsigned r = 0; r < 700 * scale; r++) {
        buf[(r * 7919u) % BUF_SIZE] += 1;
        uint32_t x = adler_blocked(buf, BUF_SIZE);
        uint32_t y = fnv1a(buf, BUF_SIZE);
        acc = (acc * 31u) ^ x ^ y;
    }
    if (adler_simple(buf, BUF_SIZE) != adler_blocked(buf, BUF_SIZE)) {
        bench_fail("adler32+fnv1a", "per-byte and blocked Adler-32 differ");
        bad = 1;
    }
    *result = acc;
    return bad;
}
