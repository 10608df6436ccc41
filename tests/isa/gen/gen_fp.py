#!/usr/bin/env python3
"""Generates the F/D ISA tests (fp_*.S) from the case lists below, with expected results and
fflags from rvfp.py (IEEE 754 and the RISC-V F/D rules, exact rational arithmetic).
usage: gen_fp.py [OUTDIR]     (writes OUTDIR/NAME.S; the checked-in files are its output)"""
import os
from fractions import Fraction

import rvfp as fp
from genlib import header, outdir, xlen_block
from rvfp import D, DZ, NV, NX, OF, RDN, RMM, RNE, RTZ, RUP, S, UF, RM_NAMES

B = (32, 64)
R64 = (64,)
FLAGNAMES = [(NV, 'F_NV'), (DZ, 'F_DZ'), (OF, 'F_OF'), (UF, 'F_UF'), (NX, 'F_NX')]


def flags_txt(fl):
    parts = [n for v, n in FLAGNAMES if fl & v]
    return '|'.join(parts) if parts else '0'


def lit(v, xlen):
    v &= (1 << xlen) - 1
    return '0x%x' % v if v > 9 else str(v)


def sext32(v, xlen):
    v &= 0xffffffff
    if v >> 31:
        v -= 1 << 32
    return v & ((1 << xlen) - 1)


def K(f):
    """Named values of format f."""
    b = lambda x: fp.bits_of(f, x)
    one = b(1.0)
    k = {
        '0': 0, '-0': f.sign, 'inf': f.inf, '-inf': f.sign | f.inf, 'qnan': f.qnan,
        '-qnan': f.sign | f.qnan, 'qnanp': f.qnan | 0x1234, 'snan': f.inf | 1,
        'snanp': f.inf | (1 << (f.m - 2)) | 0x55, '-snan': f.sign | f.inf | 1,
        'minsub': 1, '-minsub': f.sign | 1, 'maxsub': (1 << f.m) - 1, 'minnorm': 1 << f.m,
        '-minnorm': f.sign | 1 << f.m, 'max': f.maxfin, '-max': f.sign | f.maxfin,
        '1': one, '-1': f.sign | one, '1+': one + 1, '1-': one - 1, '2': b(2.0), '-2': b(-2.0),
        '3': b(3.0), '-3': b(-3.0), '0.5': b(0.5), '1.5': b(1.5), '-1.5': b(-1.5), '2.5': b(2.5),
        '-2.5': b(-2.5), '0.1': b(0.1), '10': b(10.0), '7': b(7.0), '-7': b(-7.0),
        '0.25': b(0.25), '4': b(4.0), '9': b(9.0), '6': b(6.0), '-6': b(-6.0), '100': b(100.0),
        'half_ulp': b(2.0 ** -(f.m + 1)), 'quarter_ulp': b(2.0 ** -(f.m + 2)),
        '3q_ulp': b(3 * 2.0 ** -(f.m + 2)),
        'pi': b(3.141592653589793), '-pi': b(-3.141592653589793), 'e': b(2.718281828459045),
        '-e': b(-2.718281828459045),
    }
    k['-half_ulp'] = k['half_ulp'] | f.sign
    # 2^emin * (2 - 2^-(m-1)) and 0.5 * (1 + 2^-m): product 2^emin * (1 - 2^-2m), tiny before
    # rounding, not after (RISC-V detects tininess after rounding): NX without UF.
    k['nearmin_a'] = fp.encode_mag(f, Fraction(2) ** f.emin * (2 - Fraction(2) ** -(f.m - 1)))
    k['nearmin_b'] = fp.encode_mag(f, Fraction(1, 2) * (1 + Fraction(2) ** -f.m))
    return k



class T:
    def __init__(self, name, title):
        self.name = name
        self.title = title
        self.items = []

    def comment(self, text):
        self.items.append(('c', text))

    def case(self, per_xlen):
        """per_xlen: dict XLEN -> list of statements (strings), or a list for both."""
        if not isinstance(per_xlen, dict):
            per_xlen = {X: per_xlen for X in B}
        self.items.append(('case', per_xlen))

    def render(self, path):
        out = []
        n = 0
        for it in self.items:
            if it[0] == 'c':
                out.append('\n    /* ' + '\n       '.join(__import__('textwrap').wrap(it[1], 88)) + ' */')
                continue
            n += 1
            assert n <= 191, (self.name, n)
            per = it[1]
            texts = {X: '    TESTNUM(%d); ' % n + '; '.join(st) for X, st in per.items()}
            out.append(xlen_block(texts))
        with open(path, 'w') as fh:
            fh.write(header(self.title, 'gen_fp.py', 'IEEE 754 and the RISC-V F/D rules in '
                            'gen/rvfp.py', 'TESTNUM(N)'))
            fh.write('#include "isa.h"\n#include "fp.h"\n\nTEST_MAIN\n')
            fh.write('\n'.join(out))
            fh.write('\n\n    csrwi fcsr, 0\n    li a0, 0\n    ret\n\nFP_DATA\n')
        return n


def fli(f, reg, b):
    return 'FLI_%s(%s, 0x%x)' % (f.name.upper(), reg, b)


def fchk(f, reg, b):
    if f is S:
        return 'FCHECK_S(%s, 0x%x)' % (reg, b)
    return 'FCHECK_D(%s, 0x%x, 0x%x)' % (reg, b >> 32, b & 0xffffffff)


def rm_pre(rm):
    """(statements before the op, the rm operand). rm: int (static) or ('dyn', int)."""
    if isinstance(rm, tuple):
        return ['fsrmi %d' % rm[1]], 'dyn'
    return [], RM_NAMES[rm]


def rm_val(rm):
    return rm[1] if isinstance(rm, tuple) else rm


def op2(t, f, name, a, b, rm=RNE):
    fn = {'fadd': fp.add, 'fsub': fp.sub, 'fmul': fp.mul, 'fdiv': fp.div}[name]
    r, fl = fn(f, a, b, rm_val(rm))
    pre, rmo = rm_pre(rm)
    t.case([fli(f, 'fa0', a), fli(f, 'fa1', b)] + pre +
           ['FCLEAR', '%s.%s fa2, fa0, fa1, %s' % (name, f.name, rmo), fchk(f, 'fa2', r),
            'FFLAGS(%s)' % flags_txt(fl)])


def op1(t, f, a, rm=RNE):
    r, fl = fp.sqrt(f, a, rm_val(rm))
    pre, rmo = rm_pre(rm)
    t.case([fli(f, 'fa0', a)] + pre +
           ['FCLEAR', 'fsqrt.%s fa2, fa0, %s' % (f.name, rmo), fchk(f, 'fa2', r),
            'FFLAGS(%s)' % flags_txt(fl)])


FMA = {'fmadd': (False, False), 'fmsub': (False, True), 'fnmsub': (True, False),
       'fnmadd': (True, True)}


def op3(t, f, name, a, b, c, rm=RNE):
    np_, na = FMA[name]
    r, fl = fp.fma(f, a, b, c, rm_val(rm), np_, na)
    pre, rmo = rm_pre(rm)
    t.case([fli(f, 'fa0', a), fli(f, 'fa1', b), fli(f, 'fa2', c)] + pre +
           ['FCLEAR', '%s.%s fa3, fa0, fa1, fa2, %s' % (name, f.name, rmo), fchk(f, 'fa3', r),
            'FFLAGS(%s)' % flags_txt(fl)])


def f2i(t, f, kind, a, rm=RNE):
    """fcvt.{w,wu,l,lu}.f"""
    bits = 32 if kind in ('w', 'wu') else 64
    v, fl = fp.to_int(f, a, rm_val(rm), bits, kind in ('w', 'l'))
    pre, rmo = rm_pre(rm)
    per = {}
    for X in (B if bits == 32 else R64):
        res = sext32(v, X) if bits == 32 else v & ((1 << 64) - 1)
        per[X] = [fli(f, 'fa0', a)] + pre + [
            'FCLEAR', 'fcvt.%s.%s a0, fa0, %s' % (kind, f.name, rmo), 'CHECK(a0, %s)' % lit(res, X),
            'FFLAGS(%s)' % flags_txt(fl)]
    t.case(per)


def i2f(t, f, kind, v, rm=RNE, upper=0):
    """fcvt.f.{w,wu,l,lu} of the integer v (a Python int in the source's range); on RV64 the
    W forms get `upper` in bits 63:32 of the source register, which they must ignore."""
    bits = 32 if kind in ('w', 'wu') else 64
    r, fl = fp.from_int(f, v, rm_val(rm))
    pre, rmo = rm_pre(rm)
    per = {}
    for X in (B if bits == 32 else R64):
        src = v & ((1 << bits) - 1)
        if bits == 32 and X == 64:
            src |= (upper & 0xffffffff) << 32
        exact = f is D and bits == 32      # binutils takes no rm for the always exact forms
        insn = 'fcvt.%s.%s fa2, a1' % (f.name, kind) + ('' if exact else ', ' + rmo)
        per[X] = ['li a1, %s' % lit(src, X)] + ([] if exact else pre) + [
            'FCLEAR', insn, fchk(f, 'fa2', r),
            'FFLAGS(%s)' % flags_txt(fl)]
    t.case(per)


def cvt_ff(t, src, dst, a, rm=RNE):
    r, fl = fp.convert(src, dst, a, rm_val(rm))
    pre, rmo = rm_pre(rm)
    insn = 'fcvt.%s.%s fa2, fa0, %s' % (dst.name, src.name, rmo) if dst is S else \
        'fcvt.%s.%s fa2, fa0' % (dst.name, src.name)
    t.case([fli(src, 'fa0', a)] + (pre if dst is S else []) +
           ['FCLEAR', insn, fchk(dst, 'fa2', r), 'FFLAGS(%s)' % flags_txt(fl)])


def cmp(t, f, op, a, b):
    r, fl = fp.compare(f, a, b, op)
    t.case([fli(f, 'fa0', a), fli(f, 'fa1', b), 'FCLEAR',
            'f%s.%s a0, fa0, fa1' % (op, f.name), 'CHECK(a0, %d)' % r,
            'FFLAGS(%s)' % flags_txt(fl)])


def minmax(t, f, name, a, b):
    r, fl = fp.minmax(f, a, b, name == 'fmax')
    t.case([fli(f, 'fa0', a), fli(f, 'fa1', b), 'FCLEAR',
            '%s.%s fa2, fa0, fa1' % (name, f.name), fchk(f, 'fa2', r),
            'FFLAGS(%s)' % flags_txt(fl)])


def fclass(t, f, a):
    t.case([fli(f, 'fa0', a), 'FCLEAR', 'fclass.%s a0, fa0' % f.name,
            'CHECK(a0, 0x%x)' % fp.fclass(f, a), 'FFLAGS(0)'])


# ---------------------------------------------------------------------------------------------

def fp_arith(f):
    k = K(f)
    t = T('fp_arith_' + f.name, 'fadd/fsub/fmul/fdiv/fsqrt.%s: exact and inexact results, signed '
          'zeros, infinities, NaN inputs (canonical NaN out, NV for signaling NaNs), invalid '
          'operations, division by zero, overflow, underflow and subnormals (round to nearest '
          'even; the other modes are in fp_round_%s).' % (f.name, f.name))
    t.comment('fadd')
    for a, b in [('1', '2'), ('2.5', '-1'), ('1', 'half_ulp'), ('1+', 'half_ulp'), ('1', '3q_ulp'),
                 ('0.1', '0.1'), ('0', '0'), ('-0', '-0'), ('0', '-0'), ('-0', '0'), ('3', '-3'),
                 ('-1', '0'), ('inf', '1'), ('inf', 'inf'), ('inf', '-inf'), ('-inf', '-max'),
                 ('qnan', '1'), ('1', 'qnanp'), ('-qnan', '-qnan'), ('snan', '1'), ('1', 'snanp'),
                 ('snan', 'qnan'), ('max', 'max'), ('-max', '-max'), ('max', '1'),
                 ('minnorm', '-minsub'), ('minsub', 'minsub'), ('maxsub', 'minsub'),
                 ('pi', 'e')]:
        op2(t, f, 'fadd', k[a], k[b])
    t.comment('fsub')
    for a, b in [('3', '1'), ('1', '3'), ('1', '1'), ('0', '0'), ('-0', '0'), ('0', '-0'),
                 ('-0', '-0'), ('inf', 'inf'), ('inf', '-inf'), ('-inf', 'inf'), ('1', 'inf'),
                 ('qnan', 'qnan'), ('snan', '1'), ('-max', 'max'), ('minnorm', 'minsub'),
                 ('1', 'half_ulp'), ('1+', '1'), ('pi', '-e')]:
        op2(t, f, 'fsub', k[a], k[b])
    t.comment('fmul')
    for a, b in [('2', '3'), ('-2', '3'), ('-2', '-3'), ('0', '-1'), ('-0', '-0'), ('0', '0'),
                 ('inf', '0'), ('-0', 'inf'), ('inf', '-2'), ('-inf', '-inf'), ('max', '2'),
                 ('-max', '1.5'), ('max', '1'), ('minnorm', '0.5'), ('minnorm', '1-'),
                 ('minsub', '0.5'), ('-minsub', '0.5'), ('minsub', '0.25'), ('minsub', '1.5'),
                 ('nearmin_a', 'nearmin_b'), ('1+', '1+'), ('0.1', '10'), ('qnan', '0'),
                 ('snan', '0'), ('inf', 'qnanp'), ('pi', 'pi'), ('maxsub', '2')]:
        op2(t, f, 'fmul', k[a], k[b])
    t.comment('fdiv')
    for a, b in [('6', '3'), ('1', '3'), ('-1', '3'), ('1', '0'), ('-1', '0'), ('1', '-0'),
                 ('0', '0'), ('-0', '0'), ('inf', 'inf'), ('inf', '0'), ('inf', '-2'),
                 ('1', 'inf'), ('-1', 'inf'), ('0', '-3'), ('max', '0.5'), ('minnorm', '2'),
                 ('minsub', '2'), ('minnorm', '3'), ('1', '7'), ('qnan', '0'), ('snan', '1'),
                 ('0', 'qnan'), ('1', 'max'), ('pi', 'e'), ('max', 'minsub')]:
        op2(t, f, 'fdiv', k[a], k[b])
    t.comment('fsqrt')
    for a in ['4', '9', '2', '0', '-0', 'inf', '-inf', '-1', '-minsub', 'qnan', 'snan', '-qnan',
              'minsub', 'maxsub', 'minnorm', 'max', '0.25', '1+', '3', '100', '1-', 'pi']:
        op1(t, f, k[a])
    return t


def fp_fma(f):
    k = K(f)
    t = T('fp_fma_' + f.name, 'fmadd/fmsub/fnmsub/fnmadd.%s: one rounding of a*b+c, the signs of '
          'the four forms, zero signs, infinities, NV for inf*0 even with a quiet-NaN addend, '
          'NaNs, overflow and underflow.' % f.name)
    cases = [('2', '3', '1'), ('2', '3', '-7'), ('1.5', '-2', '0.5'), ('1+', '1-', '-1'),
             ('1+', '1+', '-1'), ('1', '1', '-1'), ('0', '0', '0'), ('0', '0', '-0'),
             ('-0', '0', '-0'), ('0', '-1', '0'), ('inf', '0', '1'), ('inf', '0', 'qnan'),
             ('0', 'inf', 'snan'), ('inf', '1', '-inf'), ('inf', '2', 'inf'), ('1', '2', 'inf'),
             ('qnan', '1', '1'), ('1', 'snan', '1'), ('1', '1', 'snan'), ('max', '2', '-max'),
             ('max', '2', '-inf'), ('minnorm', '0.5', '0'), ('minnorm', '1-', '0'),
             ('minsub', '0.5', '-0'), ('0.1', '10', '-1'), ('pi', 'e', '-pi'),
             ('half_ulp', 'half_ulp', '1'), ('3', '3', 'half_ulp'), ('-max', '1', 'minsub'),
             ('nearmin_a', 'nearmin_b', '0'), ('max', '1.5', '-max'), ('1', '1', '0')]
    for name in ('fmadd', 'fmsub', 'fnmsub', 'fnmadd'):
        t.comment(name)
        for a, b, c in cases:
            op3(t, f, name, k[a], k[b], k[c])
    t.comment('zero results in round-down (the sign of an exact zero sum is - only in RDN)')
    for name in ('fmadd', 'fnmadd'):
        for a, b, c in [('1', '1', '-1'), ('0', '0', '-0'), ('0', '-1', '0')]:
            op3(t, f, name, k[a], k[b], k[c], RDN)
    return t


def fp_round(f):
    k = K(f)
    t = T('fp_round_' + f.name, 'The five rounding modes on inexact %s results, static (rm in '
          'the instruction) and dynamic (rm = dyn, frm set by fsrmi): ties, positive and '
          'negative, for fadd, fsub, fmul, fdiv, fsqrt, fmadd, and fcvt to/from integers; '
          'overflow in each mode (inf or the largest finite number).' % f.name)
    dyn = lambda r: ('dyn', r)
    for rm in range(5):
        t.comment('%s, static' % RM_NAMES[rm])
        op2(t, f, 'fadd', k['1'], k['half_ulp'], rm)       # tie, even below
        op2(t, f, 'fadd', k['1+'], k['half_ulp'], rm)      # tie, even above
        op2(t, f, 'fadd', k['-1'], k['-half_ulp'], rm)     # negative tie
        op2(t, f, 'fadd', k['1'], k['quarter_ulp'], rm)    # below the tie
        op2(t, f, 'fadd', k['-1'], k['3q_ulp'] | f.sign, rm)  # above the tie, negative
        op2(t, f, 'fsub', k['1'], k['1'], rm)              # exact zero: -0 in RDN only
        op2(t, f, 'fmul', k['1+'], k['1+'], rm)
        op2(t, f, 'fdiv', k['1'], k['3'], rm)
        op2(t, f, 'fdiv', k['-2'], k['3'], rm)
        op1(t, f, k['2'], rm)
        op3(t, f, 'fmadd', k['1+'], k['1+'], k['-1'], rm)
        op3(t, f, 'fnmadd', k['1'], k['3'], k['quarter_ulp'], rm)
        op2(t, f, 'fmul', k['max'], k['2'], rm)            # overflow
        op2(t, f, 'fmul', k['-max'], k['2'], rm)
        op2(t, f, 'fmul', k['minsub'], k['0.5'], rm)       # underflow to 0 or minsub
        op2(t, f, 'fmul', k['-minsub'], k['0.25'], rm)
        f2i(t, f, 'w', k['2.5'], rm)
        f2i(t, f, 'w', k['-2.5'], rm)
        f2i(t, f, 'wu', k['1.5'], rm)
        if f is S:
            i2f(t, f, 'w', (1 << 24) + 1, rm)
            i2f(t, f, 'w', -((1 << 25) + 3), rm)
        else:
            i2f(t, f, 'l', (1 << 53) + 1, rm)
            i2f(t, f, 'l', -((1 << 54) + 3), rm)
        t.comment('%s, dynamic (frm)' % RM_NAMES[rm])
        op2(t, f, 'fadd', k['1'], k['half_ulp'], dyn(rm))
        op2(t, f, 'fadd', k['-1'], k['3q_ulp'] | f.sign, dyn(rm))
        op2(t, f, 'fdiv', k['-2'], k['3'], dyn(rm))
        op1(t, f, k['3'], dyn(rm))
        op3(t, f, 'fmsub', k['1+'], k['1+'], k['1'], dyn(rm))
        op2(t, f, 'fmul', k['-max'], k['2'], dyn(rm))
        f2i(t, f, 'w', k['-2.5'], dyn(rm))
        f2i(t, f, 'w', k['1.5'], dyn(rm))
        if f is S:
            i2f(t, f, 'w', -((1 << 25) + 3), dyn(rm))
        else:
            i2f(t, f, 'l', (1 << 62) + (1 << 9) + 1, dyn(rm))
    t.comment('the static rm overrides frm')
    t.case(['fsrmi 3', fli(f, 'fa0', k['1']), fli(f, 'fa1', k['3']), 'FCLEAR',
            'fdiv.%s fa2, fa0, fa1, rtz' % f.name, fchk(f, 'fa2', fp.div(f, k['1'], k['3'], RTZ)[0]),
            'FFLAGS(F_NX)', 'frrm a0', 'CHECK(a0, 3)', 'fsrmi 0'])
    return t


def fp_cvt(f):
    k = K(f)
    t = T('fp_cvt_' + f.name, 'fcvt between %s and integers: w, wu, l, lu (RV64) in both '
          'directions; rounding, NX, saturation with NV (NaN to the largest value, no NX), '
          'negative values to unsigned, the 32-bit results sign-extended on RV64 (wu too), the '
          'W sources ignoring bits 63:32.' % f.name)
    b = lambda x: fp.bits_of(f, x)
    vals = ['0', '-0', '1', '-1', '1.5', '-1.5', '2.5', '0.1', '0.5',
            'minsub', '-minsub', 'inf', '-inf', 'qnan', '-qnan', 'snan', 'max', '-max', '100', '-7']
    extra = {
        'w': [2.0 ** 31, -2.0 ** 31, -2.0 ** 31 - 1 if f is D else -2.0 ** 31 * (1 + 2 ** -23),
              2.0 ** 31 - 1 if f is D else 2.0 ** 31 - 128, -0.9, 2147483647.5 if f is D else 1e10],
        'wu': [2.0 ** 32, 2.0 ** 32 - 1 if f is D else 2.0 ** 32 - 256, 3e9, -0.4, -0.5, -0.6,
               -1.0, 2.0 ** 31],
        'l': [2.0 ** 63, -2.0 ** 63, 2.0 ** 63 - 1024 if f is D else 2.0 ** 63 - 2.0 ** 39,
              -2.0 ** 63 - 2048 if f is D else -2.0 ** 63 * (1 + 2 ** -23), 1e18, -1e18, -0.9,
              2.0 ** 40 + 0.5],
        'lu': [2.0 ** 64, 2.0 ** 64 - 2048 if f is D else 2.0 ** 64 - 2.0 ** 40, 2.0 ** 63, -0.4,
               -0.6, -1.0, 1.8e19],
    }
    for kind in ('w', 'wu', 'l', 'lu'):
        t.comment('fcvt.%s.%s' % (kind, f.name))
        for v in vals:
            f2i(t, f, kind, k[v], RTZ if v in ('1.5', '-1.5', '0.1') else RNE)
        for x in extra[kind]:
            f2i(t, f, kind, b(x), RNE)
        f2i(t, f, kind, b(-0.5), RUP)      # rounds to -0: representable even unsigned
    ints = {
        'w': [(0, 0), (1, 0), (-1, 0xffffffff), (0x7fffffff, 0), (-0x80000000, 1), (16777217, 0),
              (-16777217, 0), (123456789, 0x12345678), (-123456789, 0xdeadbeef)],
        'wu': [(0, 0), (1, 0xffffffff), (0xffffffff, 0xffffffff), (0x80000000, 0), (16777217, 0),
               (0x80000001, 0x1)],
        'l': [(0, 0), (-1, 0), (1 << 62, 0), (-(1 << 63), 0), ((1 << 63) - 1, 0), ((1 << 53) + 1, 0),
              (-((1 << 53) + 1), 0), (0x123456789abcdef, 0)],
        'lu': [(0, 0), ((1 << 64) - 1, 0), (1 << 63, 0), ((1 << 53) + 1, 0), ((1 << 63) + 1, 0),
               (0x123456789abcdef, 0)],
    }
    for kind in ('w', 'wu', 'l', 'lu'):
        t.comment('fcvt.%s.%s' % (f.name, kind))
        for v, upper in ints[kind]:
            i2f(t, f, kind, v, RNE, upper)
    return t


def fp_cvt_sd():
    ks, kd = K(S), K(D)
    t = T('fp_cvt_sd', 'fcvt.s.d (rounding, overflow, underflow, subnormal results, NaN '
          'canonicalisation, NV for signaling NaNs) and fcvt.d.s (exact: subnormal singles become '
          'normal doubles; NaNs canonical).')
    b = lambda x: fp.bits_of(D, x)
    t.comment('fcvt.s.d')
    dvals = [kd['0'], kd['-0'], kd['1'], kd['-1.5'], kd['inf'], kd['-inf'], kd['qnan'],
             kd['qnanp'], kd['-qnan'], kd['snan'], kd['snanp'], b(0.1), b(-0.1), b(3.4028234663852886e38),
             b(3.4028235677973366e38), b(1e39), b(-1e39), kd['max'], b(2.0 ** -126), b(2.0 ** -127),
             b(2.0 ** -149), b(2.0 ** -150), b(2.0 ** -150 * 1.5), b(2.0 ** -151), kd['minsub'],
             b(1.0 + 2.0 ** -24), b(1.0 + 2.0 ** -24 + 2.0 ** -40), b(1.0 + 3 * 2.0 ** -24),
             b(-(1.0 + 2.0 ** -24)), b(2.0 ** -126 * (1 - 2.0 ** -25))]
    for v in dvals:
        cvt_ff(t, D, S, v, RNE)
    for rm in (RTZ, RDN, RUP, RMM):
        for v in (b(0.1), b(-0.1), b(1.0 + 2.0 ** -24), b(-(1.0 + 2.0 ** -24)), b(1e39), b(-1e39),
                  b(2.0 ** -150)):
            cvt_ff(t, D, S, v, rm)
    for rm in range(5):
        cvt_ff(t, D, S, b(-1.0 / 3), ('dyn', rm))
    t.comment('fcvt.d.s')
    svals = [ks['0'], ks['-0'], ks['1'], ks['-1.5'], ks['inf'], ks['-inf'], ks['qnan'],
             ks['qnanp'], ks['-qnan'], ks['snan'], ks['snanp'], ks['minsub'], ks['-minsub'],
             ks['maxsub'], ks['minnorm'], ks['max'], ks['-max'], ks['0.1'], ks['pi']]
    for v in svals:
        cvt_ff(t, S, D, v)
    return t


def fp_cmp(f):
    k = K(f)
    t = T('fp_cmp_' + f.name, 'feq/flt/fle.%s (feq quiet: NV only for signaling NaNs; flt/fle '
          'signaling: NV for any NaN), fmin/fmax.%s (-0 < +0; one NaN input gives the other '
          'operand, two give the canonical NaN; NV for signaling NaNs) and fclass.%s (all ten '
          'classes).' % (f.name, f.name, f.name))
    pairs = [('1', '1'), ('1', '2'), ('2', '1'), ('-1', '1'), ('0', '-0'), ('-0', '0'),
             ('inf', 'max'), ('-inf', '-inf'), ('-inf', 'inf'), ('minsub', '0'), ('-minsub', '-0'),
             ('qnan', '1'), ('1', 'qnan'), ('qnan', 'qnan'), ('snan', '1'), ('1', 'snan'),
             ('1', '1+'), ('-1', '-2')]
    for op in ('eq', 'lt', 'le'):
        t.comment('f%s.%s' % (op, f.name))
        for a, b in pairs:
            cmp(t, f, op, k[a], k[b])
    mm = [('1', '2'), ('2', '1'), ('-1', '1'), ('0', '-0'), ('-0', '0'), ('-0', '-0'),
          ('inf', 'max'), ('-inf', '-max'), ('qnan', '1'), ('1', 'qnanp'), ('qnan', 'qnan'),
          ('snan', '1'), ('-1', 'snan'), ('snan', 'qnan'), ('snan', 'snan'), ('-qnan', '-inf'),
          ('minsub', '-minsub'), ('3', '3')]
    for name in ('fmin', 'fmax'):
        t.comment('%s.%s' % (name, f.name))
        for a, b in mm:
            minmax(t, f, name, k[a], k[b])
    t.comment('fclass.%s' % f.name)
    for v in ['-inf', '-1', '-minsub', '-0', '0', 'minsub', 'maxsub', '1', 'max', 'inf', 'snan',
              'snanp', 'qnan', 'qnanp', '-qnan', '-snan', '-minnorm', '-max']:
        fclass(t, f, k[v])
    return t


def rand_operand(rng, f):
    """An encoding biased towards the interesting parts of format f."""
    sign = f.sign if rng.getrandbits(1) else 0
    r = rng.random()
    if r < 0.06:
        return sign | rng.choice([0, f.inf, f.qnan, f.inf | 1, f.qnan | 0x2a])
    emax_field = (1 << f.e) - 2
    exp = rng.choice([0, 0, 1, 2, f.bias - 1, f.bias, f.bias, f.bias + 1, f.bias + f.m,
                      f.bias - f.m, emax_field, emax_field - 1, rng.randint(1, emax_field),
                      rng.randint(1, emax_field)])
    mant = rng.choice([rng.getrandbits(f.m), rng.getrandbits(f.m), (1 << f.m) - 1, 0, 1,
                       1 << (f.m - 1), rng.getrandbits(f.m) | ((1 << (f.m // 2)) - 1),
                       rng.getrandbits(f.m) & ~((1 << (f.m // 2)) - 1)])
    if exp == 0 and mant == 0:
        mant = 1
    return sign | exp << f.m | mant


def fp_rand(f, seed, fma_heavy=False):
    import random
    rng = random.Random(seed)
    name = 'fp_rand%s_%s' % ('_fma' if fma_heavy else '', f.name)
    t = T(name, 'Pseudo-random %s cases (fixed seed %d): operands biased towards subnormals, '
          'the extreme exponents, 1.0 and special values, random static rounding modes; %s.'
          % (f.name, seed, 'fmadd/fmsub/fnmsub/fnmadd with addends near -a*b (cancellation, '
                           'sticky bits)' if fma_heavy else
                           'every arithmetic, conversion, min/max and compare instruction'))
    n = 0
    while n < 185:
        rm = rng.randrange(5)
        a, b, c = rand_operand(rng, f), rand_operand(rng, f), rand_operand(rng, f)
        if fma_heavy:
            kind = rng.choice(list(FMA))
            if rng.random() < 0.7 and not (is_special(f, a) or is_special(f, b)):
                p, _ = fp.mul(f, a, b, RNE)
                if not is_special(f, p):
                    c = p ^ (0 if kind in ('fmsub', 'fnmadd') else f.sign)
                    c += rng.choice([0, 0, 1, -1, 2]) if (c & ((1 << (f.width - 1)) - 1)) > 2 else 0
            op3(t, f, kind, a, b, c, rm)
            n += 1
            continue
        kind = rng.choice(['fadd', 'fsub', 'fmul', 'fdiv', 'fsqrt', 'fma', 'f2i', 'f2l', 'i2f',
                           'cvt', 'minmax', 'cmp'])
        if kind in ('fadd', 'fsub', 'fmul', 'fdiv'):
            if kind in ('fadd', 'fsub') and rng.random() < 0.4:
                b = (a ^ rng.choice([0, f.sign])) + rng.choice([0, 1, -1]) if not is_special(f, a) else b
                b &= (1 << f.width) - 1
            op2(t, f, kind, a, b, rm)
        elif kind == 'fsqrt':
            op1(t, f, a & ~f.sign if rng.random() < 0.8 else a, rm)
        elif kind == 'fma':
            op3(t, f, rng.choice(list(FMA)), a, b, c, rm)
        elif kind == 'f2i':
            v = fp.bits_of(f, rng.choice([1, -1]) * rng.uniform(0, 2.0 ** rng.randint(0, 33)))
            f2i(t, f, rng.choice(['w', 'wu']), v if rng.random() < 0.8 else a, rm)
        elif kind == 'f2l':
            v = fp.bits_of(f, rng.choice([1, -1]) * rng.uniform(0, 2.0 ** rng.randint(0, 65)))
            f2i(t, f, rng.choice(['l', 'lu']), v if rng.random() < 0.8 else a, rm)
        elif kind == 'i2f':
            k = rng.choice(['w', 'wu', 'l', 'lu'])
            bits = 32 if k in ('w', 'wu') else 64
            v = rng.getrandbits(rng.randint(1, bits))
            if k in ('w', 'l') and rng.getrandbits(1):
                v = -v if v < (1 << (bits - 1)) else -(1 << (bits - 1))
            if k in ('w', 'l') and v >= 1 << (bits - 1):
                v -= 1 << bits              # the signed value of the pattern
            i2f(t, f, k, v, rm, upper=rng.getrandbits(32))
        elif kind == 'cvt':
            if f is S:
                cvt_ff(t, S, D, a)
            else:
                cvt_ff(t, D, S, a, rm)
        elif kind == 'minmax':
            minmax(t, f, rng.choice(['fmin', 'fmax']), a, b if rng.random() < 0.8 else a ^ f.sign)
        else:
            cmp(t, f, rng.choice(['eq', 'lt', 'le']), a, b if rng.random() < 0.7 else a)
        n += 1
    return t


def is_special(f, x):
    return fp.is_nan(f, x) or fp.is_inf(f, x)


def main():
    out = outdir()
    tests = []
    for f in (S, D):
        tests += [fp_arith(f), fp_fma(f), fp_round(f), fp_cvt(f), fp_cmp(f)]
    tests.append(fp_cvt_sd())
    tests += [fp_rand(S, 101), fp_rand(D, 102), fp_rand(S, 103, True), fp_rand(D, 104, True)]
    for t in tests:
        n = t.render(os.path.join(out, t.name + '.S'))
        print('%s: %d cases' % (t.name, n))


if __name__ == '__main__':
    main()
