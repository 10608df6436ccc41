/* Zifencei: code written to RAM runs after fence.i, and rewriting code that has already run
 * (and may sit in a decode cache) takes effect after the next fence.i -- for a whole-word
 * rewrite, a halfword patch, and a switch between 32-bit and compressed code. */
#include "rt.h"

/* Encodings, by hand from the ISA manual:
 *   addi a0, x0, imm  = imm << 20 | 0 << 15 | 0 << 12 | 10 << 7 | 0x13
 *   jalr x0, 0(ra)    = 0 << 20 | 1 << 15 | 0 << 12 | 0 << 7 | 0x67 = 0x00008067
 *   c.li a0, imm      = 010 imm[5] 01010 imm[4:0] 01 -> c.li a0, 9 = 0x4525
 *   c.jr ra           = 1000 00001 00000 10 = 0x8082 */
#define ADDI_A0(imm) ((((uint32_t)(imm)) << 20) | (10u << 7) | 0x13u)
#define RET 0x00008067u
#define C_LI_A0_9 0x4525u
#define C_JR_RA 0x8082u

static uint32_t code[4] __attribute__((aligned(16)));

static uint32_t call_code(void)
{
    uint32_t (*fn)(void) = (uint32_t (*)(void))(uintptr_t)code;
    return fn();
}

static inline void fence_i(void)
{
    __asm__ volatile("fence.i" ::: "memory");
}

int main(void)
{
    volatile uint32_t *w = code;
    volatile uint16_t *h = (volatile uint16_t *)code;

    w[0] = ADDI_A0(5);
    w[1] = RET;
    fence_i();
    CHECK_EQ(call_code(), 5, "stored 'li a0,5; ret' runs after fence.i");
    CHECK_EQ(call_code(), 5, "and runs again unchanged");

    w[0] = ADDI_A0(7);
    fence_i();
    CHECK_EQ(call_code(), 7, "rewritten word (li a0,7) takes effect after fence.i");

    /* Patch only the upper halfword, i.e. imm[11:0] = 42 = 0x02a: 0x02a00513. */
    h[1] = 0x02a0;
    fence_i();
    CHECK_EQ(w[0], ADDI_A0(42), "halfword patch produced li a0,42");
    CHECK_EQ(call_code(), 42, "halfword-patched instruction takes effect after fence.i");

    /* Replace the 32-bit instruction by two compressed ones: c.li a0,9; c.jr ra. */
    h[0] = C_LI_A0_9;
    h[1] = C_JR_RA;
    fence_i();
    CHECK_EQ(call_code(), 9, "compressed code written over 32-bit code runs after fence.i");

    /* Negative immediate, byte-wise stores. */
    uint32_t insn = ADDI_A0(-3 & 0xfff);
    volatile uint8_t *b = (volatile uint8_t *)code;
    for (int i = 0; i < 4; i++)
        b[i] = (uint8_t)(insn >> (8 * i));
    w[1] = RET;
    fence_i();
    CHECK_EQ(call_code(), (uint32_t)-3, "code written byte by byte (li a0,-3) runs after fence.i");
    return rt_done();
}
