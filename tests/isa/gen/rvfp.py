"""IEEE 754 binary32/binary64 arithmetic as the RISC-V F and D extensions define it, written
from the specifications (IEEE 754-2008 and the unprivileged ISA's F/D chapters) with exact
rational arithmetic, to compute the expected results and fflags of the generated FP tests.

RISC-V specifics: tininess is detected after rounding; NaN results are the canonical NaN
(0x7fc00000 / 0x7ff8000000000000), never a propagated payload; conversions to integers
saturate and raise NV (NaN converts to the largest value); fmin/fmax return the canonical NaN
only when both inputs are NaN, and order -0 below +0."""
from fractions import Fraction
from math import isqrt

NX, UF, OF, DZ, NV = 1, 2, 4, 8, 16
RNE, RTZ, RDN, RUP, RMM = 0, 1, 2, 3, 4
RM_NAMES = ['rne', 'rtz', 'rdn', 'rup', 'rmm']


class Fmt:
    def __init__(self, name, ebits, mbits):
        self.name = name
        self.e = ebits
        self.m = mbits
        self.bias = (1 << (ebits - 1)) - 1
        self.emin = 1 - self.bias
        self.emax = self.bias
        self.width = 1 + ebits + mbits
        self.qnan = ((1 << ebits) - 1) << mbits | 1 << (mbits - 1)
        self.inf = ((1 << ebits) - 1) << mbits
        self.maxfin = (((1 << ebits) - 2) << mbits) | ((1 << mbits) - 1)
        self.sign = 1 << (ebits + mbits)


S = Fmt('s', 8, 23)
D = Fmt('d', 11, 52)


def fields(f, bits):
    sign = bits >> (f.e + f.m) & 1
    exp = bits >> f.m & ((1 << f.e) - 1)
    frac = bits & ((1 << f.m) - 1)
    return sign, exp, frac


def is_nan(f, b):
    _, e, m = fields(f, b)
    return e == (1 << f.e) - 1 and m != 0


def is_snan(f, b):
    return is_nan(f, b) and not (b >> (f.m - 1)) & 1


def is_inf(f, b):
    _, e, m = fields(f, b)
    return e == (1 << f.e) - 1 and m == 0


def is_zero(f, b):
    return b & ~f.sign & ((1 << f.width) - 1) == 0


def value(f, b):
    """Exact value of a finite encoding (Fraction, sign included)."""
    sign, e, m = fields(f, b)
    if e == 0:
        v = Fraction(m) * Fraction(2) ** (f.emin - f.m)
    else:
        v = Fraction((1 << f.m) | m) * Fraction(2) ** (e - f.bias - f.m)
    return -v if sign else v


def ilog2(v):
    """floor(log2(v)) for a positive Fraction."""
    n, d = v.numerator, v.denominator
    e = n.bit_length() - d.bit_length()
    if Fraction(2) ** e > v:
        e -= 1
    return e


def round_int(q, neg, rm):
    """Round the non-negative Fraction q (a magnitude) to an integer; neg is the sign."""
    fl = q.numerator // q.denominator
    rem = q - fl
    if rem == 0:
        return fl
    if rm == RTZ:
        return fl
    if rm == RDN:
        return fl + 1 if neg else fl
    if rm == RUP:
        return fl if neg else fl + 1
    if rm == RMM:
        return fl + 1 if rem >= Fraction(1, 2) else fl
    # RNE
    if rem > Fraction(1, 2):
        return fl + 1
    if rem < Fraction(1, 2):
        return fl
    return fl + (fl & 1)


def encode_mag(f, r):
    """Encoding of a representable non-negative magnitude r (no sign)."""
    if r == 0:
        return 0
    if r < Fraction(2) ** f.emin:
        m = r / Fraction(2) ** (f.emin - f.m)
        assert m.denominator == 1
        return int(m)
    e = ilog2(r)
    m = r / Fraction(2) ** (e - f.m)
    assert m.denominator == 1 and (1 << f.m) <= m < (2 << f.m), (r, e, m)
    return (e + f.bias) << f.m | (int(m) - (1 << f.m))


def round_to(f, v, rm, sign_of_zero=0):
    """Round an exact value v (Fraction) to format f: (bits, flags). A zero v gives a zero with
    sign sign_of_zero."""
    if v == 0:
        return (f.sign if sign_of_zero else 0), 0
    neg = v < 0
    mag = -v if neg else v
    sbit = f.sign if neg else 0
    e = ilog2(mag)
    # rounded with an unbounded exponent range (for overflow and tininess)
    q_unb = Fraction(2) ** (e - f.m)
    r_unb = round_int(mag / q_unb, neg, rm) * q_unb
    flags = 0
    maxv = value(f, f.maxfin)
    if r_unb > maxv:
        flags = OF | NX
        to_inf = rm in (RNE, RMM) or (rm == RUP and not neg) or (rm == RDN and neg)
        return sbit | (f.inf if to_inf else f.maxfin), flags
    quantum = Fraction(2) ** (max(e, f.emin) - f.m)
    r = round_int(mag / quantum, neg, rm) * quantum
    if r != mag:
        flags |= NX
        if r_unb < Fraction(2) ** f.emin:
            flags |= UF
    if r > maxv:   # cannot happen when r_unb <= maxv, kept as a guard
        raise AssertionError
    return sbit | encode_mag(f, r), flags


def sum_zero_sign(sa, sb, rm):
    """Sign of an exact zero sum of operands with signs sa, sb (IEEE 754 6.3)."""
    if sa == sb:
        return sa
    return 1 if rm == RDN else 0


def add(f, a, b, rm, negate_b=False):
    if negate_b and not is_nan(f, b):
        b ^= f.sign
    if is_nan(f, a) or is_nan(f, b):
        return f.qnan, NV if (is_snan(f, a) or is_snan(f, b)) else 0
    sa, sb = a >> (f.width - 1), b >> (f.width - 1)
    if is_inf(f, a) and is_inf(f, b):
        if sa != sb:
            return f.qnan, NV
        return a, 0
    if is_inf(f, a):
        return a, 0
    if is_inf(f, b):
        return b, 0
    v = value(f, a) + value(f, b)
    if v == 0:
        return round_to(f, v, rm, sum_zero_sign(sa, sb, rm))
    return round_to(f, v, rm)


def sub(f, a, b, rm):
    return add(f, a, b, rm, negate_b=True)


def mul(f, a, b, rm):
    if is_nan(f, a) or is_nan(f, b):
        return f.qnan, NV if (is_snan(f, a) or is_snan(f, b)) else 0
    sign = (a ^ b) >> (f.width - 1) & 1
    if (is_inf(f, a) and is_zero(f, b)) or (is_zero(f, a) and is_inf(f, b)):
        return f.qnan, NV
    if is_inf(f, a) or is_inf(f, b):
        return (f.sign if sign else 0) | f.inf, 0
    v = value(f, a) * value(f, b)
    return round_to(f, v, rm, sign)


def div(f, a, b, rm):
    if is_nan(f, a) or is_nan(f, b):
        return f.qnan, NV if (is_snan(f, a) or is_snan(f, b)) else 0
    sign = (a ^ b) >> (f.width - 1) & 1
    sbit = f.sign if sign else 0
    if (is_inf(f, a) and is_inf(f, b)) or (is_zero(f, a) and is_zero(f, b)):
        return f.qnan, NV
    if is_inf(f, a):
        return sbit | f.inf, 0
    if is_inf(f, b):
        return sbit, 0
    if is_zero(f, b):
        return sbit | f.inf, DZ
    v = value(f, a) / value(f, b)
    return round_to(f, v, rm, sign)


def sqrt(f, a, rm):
    if is_nan(f, a):
        return f.qnan, NV if is_snan(f, a) else 0
    if is_zero(f, a):
        return a, 0
    if a >> (f.width - 1):
        return f.qnan, NV
    if is_inf(f, a):
        return a, 0
    v = value(f, a)
    k = 1400
    scaled = v * Fraction(4) ** k
    n = scaled.numerator // scaled.denominator
    r = isqrt(n)
    if r * r == n and scaled.denominator == 1:
        exact = Fraction(r, 2 ** k)
    else:
        # strictly between r and r + 1 (units of 2^-k): no rounding boundary lies inside
        exact = Fraction(2 * r + 1, 2 ** (k + 1))
    return round_to(f, exact, rm)


def fma(f, a, b, c, rm, neg_prod=False, neg_add=False):
    """(+-a*b) + (+-c) with one rounding: fmadd (F, F), fmsub (F, T), fnmsub (T, F),
    fnmadd (T, T)."""
    inv_prod = (is_inf(f, a) and is_zero(f, b)) or (is_zero(f, a) and is_inf(f, b))
    if is_nan(f, a) or is_nan(f, b) or is_nan(f, c):
        nv = is_snan(f, a) or is_snan(f, b) or is_snan(f, c) or inv_prod
        return f.qnan, NV if nv else 0
    if inv_prod:
        return f.qnan, NV
    ps = ((a ^ b) >> (f.width - 1) & 1) ^ int(neg_prod)
    cs = (c >> (f.width - 1) & 1) ^ int(neg_add)
    if is_inf(f, a) or is_inf(f, b):
        if is_inf(f, c) and ps != cs:
            return f.qnan, NV
        return (f.sign if ps else 0) | f.inf, 0
    if is_inf(f, c):
        return (f.sign if cs else 0) | f.inf, 0
    p = value(f, a) * value(f, b)
    if neg_prod:
        p = -p
    cv = value(f, c)
    if neg_add:
        cv = -cv
    v = p + cv
    if v == 0:
        if p == 0 and cv == 0:
            return round_to(f, v, rm, sum_zero_sign(ps, cs, rm))
        return round_to(f, v, rm, 1 if rm == RDN else 0)
    return round_to(f, v, rm)


def minmax(f, a, b, want_max):
    flags = NV if (is_snan(f, a) or is_snan(f, b)) else 0
    if is_nan(f, a) and is_nan(f, b):
        return f.qnan, flags
    if is_nan(f, a):
        return b, flags
    if is_nan(f, b):
        return a, flags
    va, vb = value(f, a) if not is_inf(f, a) else None, None
    def key(x):
        if is_inf(f, x):
            return (1 if not x >> (f.width - 1) else -1, 0, 0)
        v = value(f, x)
        return (0, v, 0 if not x >> (f.width - 1) else -1)   # -0 below +0
    ka, kb = key(a), key(b)
    if want_max:
        return (a if ka >= kb else b), flags
    return (a if ka <= kb else b), flags


def compare(f, a, b, op):
    """feq / flt / fle: (result, flags)."""
    if is_nan(f, a) or is_nan(f, b):
        if op == 'eq':
            return 0, NV if (is_snan(f, a) or is_snan(f, b)) else 0
        return 0, NV
    def num(x):
        if is_inf(f, x):
            return Fraction(10) ** 400 * (-1 if x >> (f.width - 1) else 1)
        return value(f, x)
    va, vb = num(a), num(b)
    return int({'eq': va == vb, 'lt': va < vb, 'le': va <= vb}[op]), 0


def fclass(f, a):
    sign, e, m = fields(f, a)
    if is_inf(f, a):
        return 1 << 0 if sign else 1 << 7
    if is_nan(f, a):
        return 1 << 8 if is_snan(f, a) else 1 << 9
    if e == 0 and m == 0:
        return 1 << 3 if sign else 1 << 4
    if e == 0:
        return 1 << 2 if sign else 1 << 5
    return 1 << 1 if sign else 1 << 6


def to_int(f, a, rm, bits, signed):
    """fcvt.{w,wu,l,lu}.{s,d}: (integer value as a Python int, flags)."""
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    if is_nan(f, a):
        return hi, NV
    if is_inf(f, a):
        return (lo if a >> (f.width - 1) else hi), NV
    v = value(f, a)
    neg = v < 0
    r = round_int(-v if neg else v, neg, rm)
    r = -r if neg else r
    if r < lo:
        return lo, NV
    if r > hi:
        return hi, NV
    return r, (NX if r != v else 0)


def from_int(f, v, rm):
    """fcvt.{s,d}.{w,wu,l,lu}: v is the exact integer."""
    return round_to(f, Fraction(v), rm)


def convert(src, dst, a, rm):
    """fcvt.s.d / fcvt.d.s."""
    if is_nan(src, a):
        return dst.qnan, NV if is_snan(src, a) else 0
    sbit = dst.sign if a >> (src.width - 1) else 0
    if is_inf(src, a):
        return sbit | dst.inf, 0
    if is_zero(src, a):
        return sbit, 0
    return round_to(dst, value(src, a), rm)


def bits_of(f, x):
    """Encoding of a Python float (exactly representable in f) or a special string."""
    import struct
    if f is D:
        return struct.unpack('<Q', struct.pack('<d', x))[0]
    return struct.unpack('<I', struct.pack('<f', x))[0]
