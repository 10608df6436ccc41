"""Integer semantics of RV32I/RV64I, M, Zba, Zbb and Zbs, written from the unprivileged ISA
specification, used to compute the expected values of the generated ISA tests. Values are
Python ints holding the register's XLEN-bit pattern (unsigned)."""


def mask(x, xlen):
    return x & ((1 << xlen) - 1)


def s(x, xlen):
    """Signed value of an XLEN-bit pattern."""
    x = mask(x, xlen)
    return x - (1 << xlen) if x >> (xlen - 1) else x


def sext(x, bits, xlen):
    """Sign-extend the low `bits` bits of x to XLEN."""
    x &= (1 << bits) - 1
    if x >> (bits - 1):
        x -= 1 << bits
    return mask(x, xlen)


def zext(x, bits):
    return x & ((1 << bits) - 1)


def w(x, xlen):
    """The result of a W instruction: low 32 bits sign-extended."""
    return sext(x, 32, xlen)


def trunc_div(a, b):
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def op(name, a, b, xlen):
    """rd for `name rd, rs1, rs2` (or `name rd, rs1, imm` with b = the immediate, already the
    value the instruction uses; shifts take the raw shamt)."""
    X = xlen
    a = mask(a, X)
    b = mask(b, X)
    sa, sb = s(a, X), s(b, X)
    sh = b & (X - 1)
    a32, b32 = a & 0xffffffff, b & 0xffffffff
    sa32 = s(a32, 32)
    sh32 = b & 31
    r = {
        # RV32I/RV64I
        'add': lambda: a + b, 'addi': lambda: a + b, 'sub': lambda: a - b,
        'and': lambda: a & b, 'andi': lambda: a & b, 'or': lambda: a | b,
        'ori': lambda: a | b, 'xor': lambda: a ^ b, 'xori': lambda: a ^ b,
        'slt': lambda: int(sa < sb), 'slti': lambda: int(sa < sb),
        'sltu': lambda: int(a < b), 'sltiu': lambda: int(a < b),
        'sll': lambda: a << sh, 'slli': lambda: a << sh,
        'srl': lambda: a >> sh, 'srli': lambda: a >> sh,
        'sra': lambda: sa >> sh, 'srai': lambda: sa >> sh,
        'addw': lambda: w(a + b, X), 'addiw': lambda: w(a + b, X), 'subw': lambda: w(a - b, X),
        'sllw': lambda: w(a32 << sh32, X), 'slliw': lambda: w(a32 << sh32, X),
        'srlw': lambda: w(a32 >> sh32, X), 'srliw': lambda: w(a32 >> sh32, X),
        'sraw': lambda: w(sa32 >> sh32, X), 'sraiw': lambda: w(sa32 >> sh32, X),
        # M
        'mul': lambda: a * b,
        'mulh': lambda: (sa * sb) >> X,
        'mulhsu': lambda: (sa * b) >> X,
        'mulhu': lambda: (a * b) >> X,
        'div': lambda: (-1 if b == 0 else sa if (sa == -(1 << (X - 1)) and sb == -1)
                        else trunc_div(sa, sb)),
        'divu': lambda: (mask(-1, X) if b == 0 else a // b),
        'rem': lambda: (sa if b == 0 else 0 if (sa == -(1 << (X - 1)) and sb == -1)
                        else sa - sb * trunc_div(sa, sb)),
        'remu': lambda: (a if b == 0 else a % b),
        'mulw': lambda: w(a32 * b32, X),
        'divw': lambda: w(-1 if b32 == 0 else sa32 if (sa32 == -(1 << 31) and s(b32, 32) == -1)
                          else trunc_div(sa32, s(b32, 32)), X),
        'divuw': lambda: w(0xffffffff if b32 == 0 else a32 // b32, X),
        'remw': lambda: w(sa32 if b32 == 0 else 0 if (sa32 == -(1 << 31) and s(b32, 32) == -1)
                          else sa32 - s(b32, 32) * trunc_div(sa32, s(b32, 32)), X),
        'remuw': lambda: w(a32 if b32 == 0 else a32 % b32, X),
        # Zba
        'sh1add': lambda: (a << 1) + b, 'sh2add': lambda: (a << 2) + b,
        'sh3add': lambda: (a << 3) + b,
        'add.uw': lambda: a32 + b, 'sh1add.uw': lambda: (a32 << 1) + b,
        'sh2add.uw': lambda: (a32 << 2) + b, 'sh3add.uw': lambda: (a32 << 3) + b,
        'slli.uw': lambda: a32 << (b & 63),
        # Zbb (two-operand)
        'andn': lambda: a & ~b, 'orn': lambda: a | ~b, 'xnor': lambda: ~(a ^ b),
        'max': lambda: a if sa > sb else b, 'min': lambda: a if sa < sb else b,
        'maxu': lambda: max(a, b), 'minu': lambda: min(a, b),
        'rol': lambda: (a << sh) | (a >> ((X - sh) % X)) if sh else a,
        'ror': lambda: (a >> sh) | (a << ((X - sh) % X)) if sh else a,
        'rori': lambda: (a >> sh) | (a << ((X - sh) % X)) if sh else a,
        'rolw': lambda: w(((a32 << sh32) | (a32 >> (32 - sh32))) if sh32 else a32, X),
        'rorw': lambda: w(((a32 >> sh32) | (a32 << (32 - sh32))) if sh32 else a32, X),
        'roriw': lambda: w(((a32 >> sh32) | (a32 << (32 - sh32))) if sh32 else a32, X),
        # Zbs
        'bclr': lambda: a & ~(1 << sh), 'bclri': lambda: a & ~(1 << sh),
        'bset': lambda: a | (1 << sh), 'bseti': lambda: a | (1 << sh),
        'binv': lambda: a ^ (1 << sh), 'binvi': lambda: a ^ (1 << sh),
        'bext': lambda: (a >> sh) & 1, 'bexti': lambda: (a >> sh) & 1,
    }[name]()
    return mask(r, X)


def unop(name, a, xlen):
    X = xlen
    a = mask(a, X)
    a32 = a & 0xffffffff

    def clz(v, n):
        c = 0
        for i in range(n - 1, -1, -1):
            if (v >> i) & 1:
                break
            c += 1
        return c

    def ctz(v, n):
        c = 0
        for i in range(n):
            if (v >> i) & 1:
                break
            c += 1
        return c

    r = {
        'clz': lambda: clz(a, X), 'ctz': lambda: ctz(a, X), 'cpop': lambda: bin(a).count('1'),
        'clzw': lambda: clz(a32, 32), 'ctzw': lambda: ctz(a32, 32),
        'cpopw': lambda: bin(a32).count('1'),
        'sext.b': lambda: sext(a, 8, X), 'sext.h': lambda: sext(a, 16, X),
        'zext.h': lambda: a & 0xffff,
        'orc.b': lambda: sum((0xff << (8 * i)) if (a >> (8 * i)) & 0xff else 0
                             for i in range(X // 8)),
        'rev8': lambda: sum(((a >> (8 * i)) & 0xff) << (8 * (X // 8 - 1 - i))
                            for i in range(X // 8)),
    }[name]()
    return mask(r, X)


def lit(v, xlen):
    """An li operand that gives the XLEN-bit pattern v."""
    v = mask(v, xlen)
    return '0x%x' % v if v > 9 else str(v)
