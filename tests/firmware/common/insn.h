/* Macros that run exactly one named instruction on register operands, so the compiler cannot
 * fold the computation away. The 32-bit encoding is forced (norvc) so the base-ISA tests do
 * not accidentally test a compressed twin instead. */
#ifndef INSN_H
#define INSN_H

#include <stdint.h>

#define NORVC_BEGIN ".option push\n\t.option norvc\n\t"
#define NORVC_END "\n\t.option pop"

/* rd = op rs1, rs2 */
#define RR(op, a, b) \
    ({ uint32_t r_; \
       __asm__ volatile(NORVC_BEGIN op " %0, %1, %2" NORVC_END \
                        : "=r"(r_) : "r"((uint32_t)(a)), "r"((uint32_t)(b))); r_; })

/* rd = op rs1, imm */
#define RI(op, a, imm) \
    ({ uint32_t r_; \
       __asm__ volatile(NORVC_BEGIN op " %0, %1, %2" NORVC_END \
                        : "=r"(r_) : "r"((uint32_t)(a)), "i"(imm)); r_; })

/* 1 if the branch "op rs1, rs2, target" is taken, else 0 */
#define BRANCH_TAKEN(op, a, b) \
    ({ uint32_t t_; \
       __asm__ volatile(NORVC_BEGIN "li %0, 1\n\t" op " %1, %2, 1f\n\tli %0, 0\n1:" NORVC_END \
                        : "=&r"(t_) : "r"((uint32_t)(a)), "r"((uint32_t)(b))); t_; })

#endif
