/* CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) over a pseudo-random buffer, computed
 * with a 256-entry table and cross-checked bit by bit; plus the standard check value. */
#include <string.h>

#include "bench.h"

#define BUF_SIZE 16384

static uint32_t table[256];
static uint8_t buf[BUF_SIZE];

static void make_table(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
}

static uint32_t crc_table(const uint8_t *p, uint32_t len)
{
    uint32_t c = 0xffffffffu;
    while (len--)
        c = table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

static uint32_t crc_bitwise(const uint8_t *p, uint32_t len)
{
    uint32_t c = 0xffffffffu;
    while (len--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & -(c & 1));
    }
    return c ^ 0xffffffffu;
}

int bench_crc32(unsigned scale, uint32_t *result)
{
    int bad = 0;
    uint32_t seed = 0x1234567u;
    make_table();
    for (uint32_t i = 0; i < BUF_SIZE; i++)
        buf[i] = (uint8_t)bench_rand(&seed);

    /* CRC-32 of "123456789" is 0xCBF43926 (the catalogued check value). */
    if (crc_table((const uint8_t *)"123456789", 9) != 0xcbf43926u) {
        bench_fail("crc32", "check value of \"123456789\"");
        bad = 1;
    }

    uint32_t acc = 0;
    for (unsigned r = 0; r < 1400 * scale; r++) {
        buf[r % BUF_SIZE] ^= (uint8_t)r; /* vary the input between rounds */
        acc ^= crc_table(buf, BUF_SIZE);
    }
    uint32_t slow = crc_bitwise(buf, BUF_SIZE);
    if (slow != crc_table(buf, BUF_SIZE)) {
        bench_fail("crc32", "table and bitwise CRCs differ");
        bad = 1;
    }
    *result = acc;
    return bad;
}
