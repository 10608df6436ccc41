#!/usr/bin/env python3
"""Generates the integer ISA tests (rv_alu, rv_shift, rv_mul, rv_div, zba, zbb, zbb_rot, zbs, rv_a, lambda: rv_rand(201)) from the case
lists below, with expected values from rvint.py (the specification's semantics).
usage: gen_int.py OUTDIR     (writes OUTDIR/NAME.S; the checked-in files are its output)"""
import os

from genlib import header, outdir, xlen_block
from rvint import lit, mask, op, s, sext, unop

B = (32, 64)
R64 = (64,)
R32 = (32,)
SMALL = [0, 1, 2, 3, 7, 0x7ff, 0x800, 0xfff]
EDGE = [0, 1, -1, 0x7fffffff, 0x80000000, 0xffffffff, -0x80000000, 0x100000000,
        0x7fffffffffffffff, -0x8000000000000000, 0x123456789abcdef0, 0x0f0f0f0f, 0xff00ff00]



class T:
    def __init__(self, name, title):
        self.name = name
        self.title = title
        self.items = []   # (kind, ...)
        self.prelude = ''
        self.epilogue = ''

    def rr(self, inst, a, b, xlens=B, variant=''):
        self.items.append(('rr', inst, a, b, xlens, variant))

    def ri(self, inst, a, imm, xlens=B, variant=''):
        self.items.append(('ri', inst, a, imm, xlens, variant))

    def r(self, inst, a, xlens=B):
        self.items.append(('r', inst, a, xlens))

    def comment(self, text):
        self.items.append(('c', text))

    def raw(self, text, xlens=B):
        """Hand-written case: text with {n} for the case number, or a dict XLEN -> text."""
        if isinstance(text, dict):
            xlens = tuple(sorted(text))
        self.items.append(('raw', text, xlens))

    def render(self, path):
        out = []
        n = 0
        for it in self.items:
            if it[0] == 'c':
                out.append('\n    /* ' + '\n       '.join(__import__('textwrap').wrap(it[1], 88)) + ' */')
                continue
            n += 1
            assert n <= 191, (self.name, n)
            lines = {}
            xlens = it[-1] if it[0] in ('r', 'raw') else it[4]
            for X in xlens:
                if it[0] == 'rr':
                    _, inst, a, b, _, variant = it
                    res = op(inst, a, b, X)
                    if variant == 'src1':
                        t = 'TEST_RR_SRC1_EQ_DEST(%d, %s, %s, %s, %s)' % (
                            n, inst, lit(res, X), lit(a, X), lit(b, X))
                    elif variant == 'src2':
                        t = 'TEST_RR_SRC2_EQ_DEST(%d, %s, %s, %s, %s)' % (
                            n, inst, lit(res, X), lit(a, X), lit(b, X))
                    elif variant == 'src12':
                        res = op(inst, a, a, X)
                        t = 'TEST_RR_SRC12_EQ_DEST(%d, %s, %s, %s)' % (
                            n, inst, lit(res, X), lit(a, X))
                    elif variant == 'zero':
                        t = 'TEST_RR_ZERODEST(%d, %s, %s, %s)' % (n, inst, lit(a, X), lit(b, X))
                    else:
                        t = 'TEST_RR(%d, %s, %s, %s, %s)' % (
                            n, inst, lit(res, X), lit(a, X), lit(b, X))
                elif it[0] == 'ri':
                    _, inst, a, imm, _, variant = it
                    res = op(inst, a, imm, X)
                    mac = 'TEST_RI_SRC1_EQ_DEST' if variant == 'src1' else 'TEST_RI'
                    t = '%s(%d, %s, %s, %s, %d)' % (mac, n, inst, lit(res, X), lit(a, X), imm)
                elif it[0] == 'r':
                    _, inst, a, _ = it
                    res = unop(inst, a, X)
                    t = 'TEST_R(%d, %s, %s, %s)' % (n, inst, lit(res, X), lit(a, X))
                else:
                    t = (it[1][X] if isinstance(it[1], dict) else it[1]).format(n=n)
                lines[X] = t
            out.append(xlen_block(lines, '    '))
        with open(path, 'w') as f:
            f.write(header(self.title, 'gen_int.py', 'the ISA specification\'s semantics in '
                           'gen/rvint.py', 'TEST_xx(N, ...) or TESTNUM(N)'))
            f.write('#include "isa.h"\n' + self.prelude + '\nTEST_MAIN\n')
            f.write('\n'.join(out))
            f.write('\n\n    li a0, 0\n    ret\n' + self.epilogue)


def rv_alu():
    t = T('rv_alu', 'RV32I/RV64I register-register and immediate arithmetic and logic, W forms, '
          'lui/auipc.')
    t.comment('add / sub: wrap-around at XLEN, carries across bit 31 on RV64')
    for a, b in [(0, 0), (1, 1), (3, 7), (-1, 1), (0x7fffffff, 1), (0xffffffff, 1),
                 (-0x80000000, -1), (0x7fffffffffffffff, 1), (-0x8000000000000000, -1),
                 (0x123456789abcdef0, 0x0fedcba987654321)]:
        t.rr('add', a, b)
    for a, b in [(0, 0), (1, 1), (3, 7), (0, 1), (-0x80000000, 1), (0x80000000, 0x80000001),
                 (-0x8000000000000000, 1), (0x123456789abcdef0, 0x0fedcba987654321)]:
        t.rr('sub', a, b)
    t.rr('add', 13, 11, variant='src1')
    t.rr('add', 14, 11, variant='src2')
    t.rr('add', 13, 0, variant='src12')
    t.rr('sub', 13, 11, variant='src1')
    t.rr('sub', 14, 11, variant='src2')
    t.rr('sub', 13, 0, variant='src12')
    t.rr('add', 1, 2, variant='zero')
    t.raw('TESTNUM({n}); li a1, 5; add a0, x0, a1; CHECK(a0, 5); sub a0, x0, a1; CHECK(a0, -5)')
    t.comment('addi: 12-bit sign-extended immediates')
    for a, imm in [(0, 0), (1, 1), (3, 7), (0, -2048), (0, 2047), (-1, 1), (0x7fffffff, 1),
                   (0xffffffff, 1), (0x7fffffffffffffff, 2047), (5, -1)]:
        t.ri('addi', a, imm)
    t.ri('addi', 13, 11, variant='src1')
    t.comment('logic, register and immediate (immediates sign-extended to XLEN)')
    for inst in ('and', 'or', 'xor'):
        for a, b in [(0xff00ff00, 0x0f0f0f0f), (0x0ff00ff0, 0xf0f0f0f0), (-1, 0x123456789abcdef0),
                     (0xff00ff00ff00ff00, 0x00ff00ff0f0f0f0f)]:
            t.rr(inst, a, b)
        t.rr(inst, 0xff00ff00, 0x0f0f0f0f, variant='src1')
        t.rr(inst, 0xff00ff00, 0x0f0f0f0f, variant='src12')
    for inst in ('andi', 'ori', 'xori'):
        for a, imm in [(0xff00ff00, -241), (0x00ff00ff, 0x70f), (0xff00ff00ff00ff00, -1),
                       (0x123456789abcdef0, 0x0f0), (0, -2048)]:
            t.ri(inst, a, imm)
    t.comment('set-less-than, signed and unsigned (sltiu compares with the sign-extended '
              'immediate as unsigned)')
    for inst in ('slt', 'sltu'):
        for a, b in [(0, 0), (0, 1), (1, 0), (-1, 0), (0, -1), (-1, -1), (0x7fffffff, 0x80000000),
                     (-0x80000000, 0x7fffffff), (0x7fffffffffffffff, -0x8000000000000000),
                     (-2, -1), (0xffffffff, 0x100000000)]:
            t.rr(inst, a, b)
        t.rr(inst, 3, 5, variant='src1')
        t.rr(inst, 3, 5, variant='src2')
    for inst in ('slti', 'sltiu'):
        for a, imm in [(0, 0), (0, 1), (1, 1), (-1, 0), (0, -1), (-1, -1), (5, -2048),
                       (-2049, -2048), (2046, 2047), (0x7fffffff, -1), (1, 1)]:
            t.ri(inst, a, imm)
    t.ri('sltiu', 0, 1)    # seqz
    t.ri('sltiu', -1, -1)  # max unsigned < max unsigned: 0
    t.comment('lui: 20-bit immediate into bits 31:12, sign-extended from bit 31 on RV64')
    for imm in (0, 1, 0x7ffff, 0x80000, 0xfffff, 0x12345):
        r = imm << 12
        t.raw({X: 'TESTNUM({n}); lui a0, 0x%x; CHECK(a0, %s)' % (imm, lit(sext(r, 32, X), X))
               for X in B})
    t.raw('TESTNUM({n}); lui a0, 0x12345; addi a0, a0, 0x678; CHECK(a0, 0x12345678)')
    t.raw('TESTNUM({n}); lui x0, 0x12345; CHECK(x0, 0)')
    t.comment('auipc: pc + (imm << 12), the 32-bit immediate sign-extended on RV64; the linker '
              'places the test near 0x80000000')
    for imm in (0, 1, 0x7ffff, 0x80000, 0xfffff, 0x12345):
        v = imm << 12
        t.raw({X: 'TESTNUM({n}); 1: auipc a0, 0x%x; la a1, 1b; li a2, %s; add a1, a1, a2; '
                  'CHECK_REG(a0, a1)' % (imm, lit(sext(v, 32, X), X)) for X in B})
    t.raw('TESTNUM({n}); 1: auipc a0, 0x80000; la a1, 1b; li a2, 0x80000000; xor a1, a1, a2; '
          'CHECK_REG(a0, a1); srli a2, a0, 31; CHECK(a2, 0)')
    t.comment('RV64 W forms: 32-bit result sign-extended, upper source bits ignored')
    for a, b in [(0, 0), (1, 1), (0x7fffffff, 1), (0xffffffff, 1), (0x80000000, -1),
                 (0x123456789abcdef0, 0x0fedcba987654321), (0xffffffff00000005, 0x00000001fffffffd),
                 (-1, -1)]:
        t.rr('addw', a, b, xlens=R64)
        t.rr('subw', a, b, xlens=R64)
    for a, imm in [(0, 0), (0x7fffffff, 1), (0xffffffff, 0), (0x80000000, 0), (0x123456789, -1),
                   (0x17fffffff, 2047), (-2048, -2048), (0x100000000, -1)]:
        t.ri('addiw', a, imm, xlens=R64)
    t.rr('addw', 0x7fffffff, 1, xlens=R64, variant='src1')
    t.rr('subw', 0, 0x80000000, xlens=R64, variant='src2')
    t.rr('addw', 0x40000000, 0, xlens=R64, variant='src12')
    return t


def rv_shift():
    t = T('rv_shift', 'RV32I/RV64I shifts: sll/srl/sra, the immediate forms, the W forms; '
          'register shift amounts use the low 5 (RV32) or 6 (RV64) bits.')
    vals = [0x1, 0x80000000, 0x21212121, 0xffffffff, 0x8000000000000001, -1, 0x123456789abcdef0,
            0x7fffffff]
    for inst in ('sll', 'srl', 'sra'):
        t.comment(inst)
        for a, sh in [(1, 0), (1, 1), (1, 7), (1, 14), (1, 31), (0x80000000, 31), (-1, 1),
                      (0x21212121, 31), (0x80000001, 4), (0x8000000000000001, 63),
                      (0x123456789abcdef0, 32), (0x123456789abcdef0, 36), (-0x8000000000000000, 63),
                      (0x80000000, 0xffffffe0), (0x80000000, 0xffffffe1), (-1, 0xffffffff),
                      (0x21212121, 0x7fffffe7), (0x123456789abcdef0, -1)]:
            t.rr(inst, a, sh)
        t.rr(inst, 0x80000000, 7, variant='src1')
        t.rr(inst, 0x80000000, 14, variant='src2')
        t.rr(inst, 7, 0, variant='src12')
    for inst in ('slli', 'srli', 'srai'):
        t.comment(inst)
        for a, sh in [(1, 0), (1, 1), (0x80000000, 7), (0x80000001, 31), (-1, 31), (0x21212121, 14),
                      (0x7fffffff, 1), (0x8000000000000000, 1)]:
            t.ri(inst, a, sh)
        for a, sh in [(0x123456789abcdef0, 32), (0x8000000000000001, 63),
                      (0x8000000000000001, 33), (-1, 63), (0x80000000, 48)]:
            t.ri(inst, a, sh, xlens=R64)
        t.ri(inst, 0x80000001, 7, variant='src1')
    for inst in ('sllw', 'srlw', 'sraw'):
        t.comment(inst + ' (RV64): shifts the low 32 bits by rs2[4:0], sign-extends the result')
        for a, sh in [(1, 0), (1, 31), (0x80000000, 0), (0x80000000, 1), (0x80000000, 31),
                      (0xffffffff, 4), (0x123456789abcdef0, 4), (0xffffffff7fffffff, 1),
                      (0x00000000fffffff0, 32), (0x21212121, 0xffffffe1), (0x80000000, 63),
                      (0x1ffffffff, 16)]:
            t.rr(inst, a, sh, xlens=R64)
    for inst in ('slliw', 'srliw', 'sraiw'):
        t.comment(inst + ' (RV64)')
        for a, sh in [(1, 0), (1, 31), (0x80000000, 0), (0x80000000, 1), (0x80000000, 31),
                      (0xffffffff, 4), (0x123456789abcdef0, 4), (0xffffffff7fffffff, 1),
                      (0x1ffffffff, 16)]:
            t.ri(inst, a, sh, xlens=R64)
    return t


def rv_mul():
    t = T('rv_mul', 'M extension multiplication: mul, mulh, mulhsu, mulhu, and RV64 mulw.')
    pairs = [(0, 0), (1, 1), (3, 7), (-1, -1), (-1, 1), (1, -1), (0x7fffffff, 0x7fffffff),
             (-0x80000000, -0x80000000), (-0x80000000, 0x7fffffff), (0xffffffff, 0xffffffff),
             (0x7fffffffffffffff, 0x7fffffffffffffff), (-0x8000000000000000, -1),
             (0x123456789abcdef0, -0x0fedcba987654321), (-7, 0x8000000000000000 + 3),
             (0xaaaaaaab, 0x0002fe7d), (0x0002fe7d, 0xaaaaaaab)]
    for inst in ('mul', 'mulh', 'mulhsu', 'mulhu'):
        t.comment(inst)
        for a, b in pairs:
            t.rr(inst, a, b)
        t.rr(inst, -7, 13, variant='src1')
        t.rr(inst, -7, 13, variant='src2')
        t.rr(inst, -7, 0, variant='src12')
    t.comment('mulw (RV64): low 32 bits of the product, sign-extended')
    for a, b in WPAIRS:
        t.rr('mulw', a, b, xlens=R64)
    t.rr('mulw', -20, 6, xlens=R64, variant='src1')
    return t


WPAIRS = [(20, 6), (-20, 6), (0x7fffffff, 2), (0x80000000, -1), (0xffffffff80000000, -1),
          (0x123456789, 0), (0x1fffffffe, 0x100000002), (0xffffffff, 1), (0x80000000, 0x80000000),
          (0xabcdef0123456789, 0x0000000f00000010), (7, 0x100000000)]


def rv_div():
    t = T('rv_div', 'M extension division: div, divu, rem, remu (division by zero and signed '
          'overflow as the spec defines them), and the RV64 W forms.')
    dpairs = [(20, 6), (-20, 6), (20, -6), (-20, -6), (7, 0), (-7, 0), (0, 0), (-1, 0),
              (-0x80000000, -1), (-0x8000000000000000, -1), (-0x80000000, 1), (1, -1),
              (0x123456789abcdef0, 0x12345), (-1, -1), (0xffffffff, 3), (0x80000000, 2),
              (5, 10)]
    for inst in ('div', 'divu', 'rem', 'remu'):
        t.comment(inst + ' (by zero: div -1, divu all ones, rem/remu the dividend; overflow: '
                  'div the dividend, rem 0)')
        for a, b in dpairs:
            t.rr(inst, a, b)
        t.rr(inst, -20, 6, variant='src1')
        t.rr(inst, 20, -6, variant='src2')
    for inst in ('divw', 'divuw', 'remw', 'remuw'):
        t.comment(inst + ' (RV64): low 32 bits of the operands, result sign-extended')
        for a, b in WPAIRS:
            t.rr(inst, a, b, xlens=R64)
        t.rr(inst, -20, 6, xlens=R64, variant='src1')
    return t


def zba():
    t = T('zba', 'Zba: sh1add, sh2add, sh3add; RV64 add.uw, sh1add.uw, sh2add.uw, sh3add.uw, '
          'slli.uw (zext.w).')
    pairs = [(0, 0), (1, 2), (-1, 1), (0x7fffffff, 0x10), (0x80000000, 0x80000000),
             (0x4000000000000001, 3), (0xffffffff, -1), (0x123456789abcdef0, 0x1111111111111111)]
    for inst in ('sh1add', 'sh2add', 'sh3add'):
        t.comment(inst)
        for a, b in pairs:
            t.rr(inst, a, b)
        t.rr(inst, 5, 7, variant='src1')
        t.rr(inst, 5, 7, variant='src2')
    for inst in ('add.uw', 'sh1add.uw', 'sh2add.uw', 'sh3add.uw'):
        t.comment(inst + ' (RV64): rs1 zero-extended from 32 bits')
        for a, b in pairs + [(0xfffffffff0000000, 1), (0x180000000, 0)]:
            t.rr(inst, a, b, xlens=R64)
        t.rr(inst, -1, 7, variant='src1', xlens=R64)
    t.comment('zext.w (add.uw rd, rs, zero), RV64')
    for a in (0, -1, 0x80000000, 0x123456789abcdef0):
        t.raw({64: 'TESTNUM({n}); li a1, %s; zext.w a0, a1; CHECK(a0, %s)'
                   % (lit(a, 64), lit(a & 0xffffffff, 64))})
    t.comment('slli.uw (RV64): zero-extend the low 32 bits, then shift by 0..63')
    for a, sh in [(-1, 0), (-1, 1), (-1, 31), (-1, 32), (-1, 63), (0x123456789abcdef0, 4),
                  (0x80000001, 32), (0x80000001, 33)]:
        t.ri('slli.uw', a, sh, xlens=R64)
    return t


def zbb():
    t = T('zbb', 'Zbb: andn, orn, xnor, clz, ctz, cpop, max, maxu, min, minu, sext.b, sext.h, '
          'zext.h, and the RV64 clzw, ctzw, cpopw (rotates and bytes: zbb_rot).')
    pairs = [(0xff00ff00, 0x0f0f0f0f), (-1, 0x123456789abcdef0), (0, 0), (0x5555aaaa, -1)]
    for inst in ('andn', 'orn', 'xnor'):
        t.comment(inst)
        for a, b in pairs:
            t.rr(inst, a, b)
        t.rr(inst, 0xff00ff00, 0x0f0f0f0f, variant='src1')
    uvals = [0, 1, 2, 0x80000000, 0x7fffffff, 0xffffffff, 0x00010000, 0x8000000000000000,
             0x0000000100000000, -1, 0x123456789abcdef0, 0x00000000000000f0, 0x40000000]
    for inst in ('clz', 'ctz', 'cpop'):
        t.comment(inst + ' (XLEN-wide; clz/ctz of 0 is XLEN)')
        for a in uvals:
            t.r(inst, a)
    for inst in ('clzw', 'ctzw', 'cpopw'):
        t.comment(inst + ' (RV64): the low 32 bits only; clzw/ctzw of 0 is 32')
        for a in [0, 1, 0x80000000, 0xffffffff00000000, 0x100000001, 0xffff0000ffff, 0x7fffffff,
                  0x123456789abcdef0, -1]:
            t.r(inst, a, xlens=R64)
    for inst in ('max', 'maxu', 'min', 'minu'):
        t.comment(inst)
        for a, b in [(1, 2), (2, 1), (-1, 1), (1, -1), (0x80000000, 0x7fffffff),
                     (-0x8000000000000000, 0x7fffffffffffffff), (5, 5), (-3, -2)]:
            t.rr(inst, a, b)
        t.rr(inst, -1, 1, variant='src1')
        t.rr(inst, -1, 1, variant='src2')
    for inst in ('sext.b', 'sext.h', 'zext.h'):
        t.comment(inst)
        for a in [0, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x12345678, 0x89abcdef,
                  0x123456789abc80f0, -1]:
            t.r(inst, a)
    return t


def zbb_rot():
    t = T('zbb_rot', 'Zbb rotates and byte operations: rol, ror, rori, orc.b, rev8, and the RV64 '
          'rolw, rorw, roriw.')
    for inst in ('rol', 'ror'):
        t.comment(inst + ' (rotate amount rs2[4:0] / rs2[5:0])')
        for a, sh in [(0x80000001, 0), (0x80000001, 1), (0x80000001, 31), (0x12345678, 8),
                      (0x12345678, 36), (0x8000000000000001, 63), (0x123456789abcdef0, 32),
                      (0x0123456789abcdef, 0xffffffc4), (-1, 13)]:
            t.rr(inst, a, sh)
        t.rr(inst, 0x12345678, 4, variant='src1')
    t.comment('rori')
    for a, sh in [(0x80000001, 0), (0x80000001, 1), (0x80000001, 31), (0x12345678, 8),
                  (0x12345678, 20)]:
        t.ri('rori', a, sh)
    for a, sh in [(0x8000000000000001, 63), (0x123456789abcdef0, 32), (0x0123456789abcdef, 36)]:
        t.ri('rori', a, sh, xlens=R64)
    for inst in ('rolw', 'rorw'):
        t.comment(inst + ' (RV64): rotate the low 32 bits by rs2[4:0], sign-extend')
        for a, sh in [(0x80000001, 0), (0x80000001, 1), (0x12345678, 8), (0xffffffff12345678, 36),
                      (0x40000000, 1), (0x80000000, 32), (0xfedcba9876543210, 0xffffffe4)]:
            t.rr(inst, a, sh, xlens=R64)
    t.comment('roriw (RV64)')
    for a, sh in [(0x80000001, 0), (0x80000001, 1), (0x12345678, 8), (0xffffffff12345678, 31),
                  (0x00000001, 1)]:
        t.ri('roriw', a, sh, xlens=R64)
    t.comment('orc.b: each byte 0x00 stays, any other byte becomes 0xff')
    for a in [0, 1, 0x00ff0080, 0x01000000, 0x0100000000000000, 0x1200003400000056, -1,
              0x80000000]:
        t.r('orc.b', a)
    t.comment('rev8: byte-reverse the whole register (32 or 64 bits)')
    for a in [0, 0x12345678, 0x0123456789abcdef, 0xff, 0x80000000, -2]:
        t.r('rev8', a)
    return t


def zbs():
    t = T('zbs', 'Zbs: bclr, bclri, bext, bexti, binv, binvi, bset, bseti; the bit index is '
          'rs2 / shamt modulo XLEN.')
    for inst in ('bclr', 'bext', 'binv', 'bset'):
        t.comment(inst)
        for a, b in [(-1, 0), (-1, 31), (0, 31), (0x80000000, 31), (0x12345678, 3), (0x12345678, 4),
                     (-1, 63), (0, 63), (0x8000000000000000, 63), (0x100000000, 32),
                     (0x5a5a5a5a5a5a5a5a, 0xffffffe1), (1, 0xffffffe0), (0, 64 + 7)]:
            t.rr(inst, a, b)
        t.rr(inst, 0x12345678, 4, variant='src1')
        t.rr(inst, 0x12345678, 4, variant='src2')
    for inst in ('bclri', 'bexti', 'binvi', 'bseti'):
        t.comment(inst)
        for a, sh in [(-1, 0), (-1, 31), (0, 31), (0x80000000, 31), (0x12345678, 3), (0x12345678, 4),
                      (0x12345678, 9)]:
            t.ri(inst, a, sh)
        for a, sh in [(-1, 63), (0, 63), (0x8000000000000000, 63), (0x100000000, 32), (-1, 32)]:
            t.ri(inst, a, sh, xlens=R64)
    return t


def amo(inst, old, src, bits):
    m = (1 << bits) - 1
    o, v = old & m, src & m
    so, sv = s(o, bits), s(v, bits)
    return {'amoswap': v, 'amoadd': (o + v) & m, 'amoxor': o ^ v, 'amoand': o & v, 'amoor': o | v,
            'amomin': o if so < sv else v, 'amomax': o if so > sv else v,
            'amominu': min(o, v), 'amomaxu': max(o, v)}[inst]


def rv_a():
    t = T('rv_a', 'A extension: lr/sc (success, failure, the reservation consumed by any sc, '
          'sign extension), every amo*.w and, on RV64, amo*.d: rd = the old value (sign-extended '
          'for .w), memory = op(old, rs2), the neighbouring words untouched.')
    t.prelude = '''
#define W32(v) ((((v) & 0xffffffff) ^ 0x80000000) - 0x80000000)
#define GUARD 0x5a5a5a5a

/* amo on the word at abuf + 8 (guards on both sides): rd, then memory. */
#define TEST_AMO_W(n, inst, mem0, src, rd_exp, mem_exp) \\
    TESTNUM(n); call fill_abuf; la a3, abuf + 8; li a1, mem0; sw a1, 0(a3); \\
    li a2, src; inst a0, a2, (a3); CHECK(a0, W32(rd_exp)); \\
    lw a4, 0(a3); CHECK(a4, W32(mem_exp)); call check_abuf_w
#define TEST_AMO_D(n, inst, mem0, src, rd_exp, mem_exp) \\
    TESTNUM(n); call fill_abuf; la a3, abuf + 8; li a1, mem0; sd a1, 0(a3); \\
    li a2, src; inst a0, a2, (a3); CHECK(a0, rd_exp); \\
    ld a4, 0(a3); CHECK(a4, mem_exp); call check_abuf_d
'''
    t.raw('addi sp, sp, -16; SREG ra, 0(sp); TESTNUM({n})')
    t.comment('lr.w / sc.w: success writes and gives 0')
    t.raw('TESTNUM({n}); call fill_abuf; la a3, abuf + 8; li a1, 0x11112222; sw a1, 0(a3); '
          'lr.w a0, (a3); CHECK(a0, 0x11112222); li a2, 0x33334444; sc.w a4, a2, (a3); '
          'CHECK(a4, 0); lw a5, 0(a3); CHECK(a5, 0x33334444); call check_abuf_w')
    t.comment('a second sc.w without a new lr.w fails (any sc invalidates the reservation): '
              'nonzero rd, memory unchanged')
    t.raw('TESTNUM({n}); la a3, abuf + 8; li a2, 0x55556666; sc.w a4, a2, (a3); '
          'CHECK_NZ(a4); lw a5, 0(a3); CHECK(a5, 0x33334444)')
    t.comment('after a failed sc.w the reservation is gone too; lr.w again then sc.w succeeds')
    t.raw('TESTNUM({n}); la a3, abuf + 8; li a2, 0x77778888; sc.w a4, a2, (a3); '
          'CHECK_NZ(a4); lr.w a0, (a3); CHECK(a0, 0x33334444); sc.w a4, a2, (a3); '
          'CHECK(a4, 0); lw a5, 0(a3); CHECK(a5, 0x77778888)')
    t.comment('lr.w sign-extends on RV64; sc.w stores the low 32 bits of rs2')
    t.raw('TESTNUM({n}); call fill_abuf; la a3, abuf + 8; li a1, 0x80000001; sw a1, 0(a3); '
          'lr.w a0, (a3); CHECK(a0, W32(0x80000001)); li a2, W32(0xfedcba98); '
          'sc.w a4, a2, (a3); CHECK(a4, 0); lw a5, 0(a3); CHECK(a5, W32(0xfedcba98)); '
          'call check_abuf_w')
    t.comment('aq/rl forms')
    t.raw('TESTNUM({n}); la a3, abuf + 8; lr.w.aq a0, (a3); CHECK(a0, W32(0xfedcba98)); '
          'li a2, 7; sc.w.rl a4, a2, (a3); CHECK(a4, 0); lr.w.aqrl a0, (a3); CHECK(a0, 7); '
          'li a2, 8; sc.w.aqrl a4, a2, (a3); CHECK(a4, 0); lw a5, 0(a3); CHECK(a5, 8)')
    t.raw({64: 'TESTNUM({n}); call fill_abuf; la a3, abuf + 8; li a1, 0x8000000011112222; '
               'sd a1, 0(a3); lr.d a0, (a3); CHECK(a0, 0x8000000011112222); '
               'li a2, 0x123456789abcdef0; sc.d a4, a2, (a3); CHECK(a4, 0); ld a5, 0(a3); '
               'CHECK(a5, 0x123456789abcdef0); call check_abuf_d'})
    t.raw({64: 'TESTNUM({n}); la a3, abuf + 8; li a2, 5; sc.d a4, a2, (a3); '
               'CHECK_NZ(a4); ld a5, 0(a3); CHECK(a5, 0x123456789abcdef0); '
               'lr.d.aqrl a0, (a3); sc.d.aqrl a4, a2, (a3); CHECK(a4, 0); ld a5, 0(a3); CHECK(a5, 5)'})
    wvals = [(0x7fffffff, 1), (0x80000000, 0x7fffffff), (0xffffffff, 1), (5, 0xfffffffe),
             (0x12345678, 0x0f0f0f0f)]
    for inst in ('amoswap', 'amoadd', 'amoxor', 'amoand', 'amoor', 'amomin', 'amomax',
                 'amominu', 'amomaxu'):
        t.comment(inst + '.w')
        for old, src in wvals:
            t.raw('TEST_AMO_W({n}, %s.w, 0x%x, 0x%x, 0x%x, 0x%x)'
                  % (inst, old, src, old, amo(inst, old, src, 32)))
        # RV64: the upper half of rs2 is ignored
        old, src = 0x80000000, 0x100000001
        t.raw({64: 'TEST_AMO_W({n}, %s.w, 0x%x, 0x%x, 0x%x, 0x%x)'
                   % (inst, old, src, old, amo(inst, old, src, 32))})
        t.raw('TEST_AMO_W({n}, %s.w.aqrl, 0x%x, 0x%x, 0x%x, 0x%x)'
              % (inst, 0xfffffff0, 0x10, 0xfffffff0, amo(inst, 0xfffffff0, 0x10, 32)))
    dvals = [(0x7fffffffffffffff, 1), (0x8000000000000000, 0x7fffffffffffffff),
             (0xffffffffffffffff, 1), (0x00000000ffffffff, 0xffffffff00000000),
             (0x123456789abcdef0, 0x0f0f0f0f0f0f0f0f)]
    for inst in ('amoswap', 'amoadd', 'amoxor', 'amoand', 'amoor', 'amomin', 'amomax',
                 'amominu', 'amomaxu'):
        t.comment(inst + '.d (RV64)')
        for old, src in dvals:
            t.raw({64: 'TEST_AMO_D({n}, %s.d, 0x%x, 0x%x, 0x%x, 0x%x)'
                       % (inst, old, src, old, amo(inst, old, src, 64))})
    t.comment('rd = x0: memory still updated; rd == rs2')
    t.raw('TESTNUM({n}); la a3, abuf + 8; li a1, 40; sw a1, 0(a3); li a2, 2; '
          'amoadd.w x0, a2, (a3); CHECK(x0, 0); lw a4, 0(a3); CHECK(a4, 42); '
          'amoswap.w a2, a2, (a3); CHECK(a2, 42); lw a4, 0(a3); CHECK(a4, 2)')
    t.raw('LREG ra, 0(sp); addi sp, sp, 16')
    t.epilogue = '''
/* abuf = 24 bytes of GUARD; the operand is the word / dword at abuf + 8. */
fill_abuf:
    la t0, abuf
    li t1, GUARD
    sw t1, 0(t0)
    sw t1, 4(t0)
    sw t1, 8(t0)
    sw t1, 12(t0)
    sw t1, 16(t0)
    sw t1, 20(t0)
    ret
/* The words around the operand word / dword are still GUARD. */
check_abuf_w:
    la t0, abuf
    li t1, GUARD
    lw t2, 4(t0)
    CHECK_REG(t1, t2)
    lw t2, 12(t0)
    CHECK_REG(t1, t2)
    ret
check_abuf_d:
    la t0, abuf
    li t1, GUARD
    lw t2, 4(t0)
    CHECK_REG(t1, t2)
    lw t2, 16(t0)
    CHECK_REG(t1, t2)
    ret

DATA_SECTION
    .balign 16
abuf:
    .skip 24
'''
    return t


RR_OPS = ['add', 'sub', 'and', 'or', 'xor', 'slt', 'sltu', 'sll', 'srl', 'sra', 'mul', 'mulh',
          'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu', 'sh1add', 'sh2add', 'sh3add', 'andn',
          'orn', 'xnor', 'max', 'maxu', 'min', 'minu', 'rol', 'ror', 'bclr', 'bext', 'binv', 'bset']
RR_OPS64 = ['addw', 'subw', 'sllw', 'srlw', 'sraw', 'mulw', 'divw', 'divuw', 'remw', 'remuw',
            'add.uw', 'sh1add.uw', 'sh2add.uw', 'sh3add.uw', 'rolw', 'rorw']
R_OPS = ['clz', 'ctz', 'cpop', 'sext.b', 'sext.h', 'zext.h', 'orc.b', 'rev8']
R_OPS64 = ['clzw', 'ctzw', 'cpopw']


def rand_value(rng):
    r = rng.random()
    if r < 0.15:
        return rng.choice([0, 1, -1, 0x7fffffff, 0x80000000, 0xffffffff, 0x7fffffffffffffff,
                           -0x8000000000000000, 2, -2])
    if r < 0.3:
        return rng.getrandbits(rng.randint(1, 64))
    if r < 0.45:
        return -rng.getrandbits(rng.randint(1, 63))
    if r < 0.55:
        return (rng.getrandbits(32) << 32) | rng.choice([0, 0xffffffff, 0x80000000, 0x7fffffff])
    return rng.getrandbits(64)


def rv_rand(seed, count=185):
    import random
    rng = random.Random(seed)
    t = T('rv_rand', 'Pseudo-random operands (fixed seed %d) for the RV32I/RV64I, M, Zba, Zbb and '
          'Zbs register-register and unary instructions and the RV64 W forms; each case runs on '
          'both XLENs (the RV32 build sees the low 32 bits) unless it is RV64-only.' % seed)
    for _ in range(count):
        r = rng.random()
        a, b = rand_value(rng), rand_value(rng)
        if r < 0.6:
            t.rr(rng.choice(RR_OPS), a, b)
        elif r < 0.8:
            t.rr(rng.choice(RR_OPS64), a, b, xlens=R64)
        elif r < 0.95:
            t.r(rng.choice(R_OPS), a)
        else:
            t.r(rng.choice(R_OPS64), a, xlens=R64)
    return t


def main():
    out = outdir()
    for gen in (rv_alu, rv_shift, rv_mul, rv_div, zba, zbb, zbb_rot, zbs, rv_a, lambda: rv_rand(201)):
        t = gen()
        t.render(os.path.join(out, t.name + '.S'))


if __name__ == '__main__':
    main()
