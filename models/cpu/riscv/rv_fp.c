/* F and D: every instruction of class FP in rv_insn_fd.def (loads and stores run in the
 * execute loop).
 *
 * All arithmetic is done in integers. The host FPU has no round-to-nearest-ties-to-max-magnitude
 * (RMM), does not report flags without switching and testing its environment around every
 * operation, and its NaN results differ from RISC-V's canonical NaN; software gives the same
 * results and flags on every host in all five modes. Every operation reduces its exact result
 * (or, where that is infinite, the leading bits plus a sticky bit that says "something nonzero
 * follows") to a sign, an exponent and a 64-bit significand, and rounds it once in round_pack.
 * Underflow is tiny-after-rounding, as RISC-V specifies: the result is tiny if rounding it to
 * the format's precision with an unbounded exponent range leaves it below the smallest normal.
 * UF is raised for a tiny result only when it is also inexact (IEEE 754's default handling).
 *
 * Values travel as raw bits: a single in the low 32 bits of a uint64_t, a double in all 64. The
 * format descriptor (F32 or F64) says where the fields are. */
#include <math.h>

#include "rv_private.h"

typedef unsigned __int128 u128;

enum { RM_RNE, RM_RTZ, RM_RDN, RM_RUP, RM_RMM, RM_DYN = 7 };

struct fpfmt {
    unsigned mbits; /* stored fraction bits */
    unsigned ebits; /* exponent bits */
    int bias;       /* also the largest unbiased exponent */
};

static const struct fpfmt F32 = {23, 8, 127};
static const struct fpfmt F64 = {52, 11, 1023};

#define BOX 0xffffffff00000000ull /* upper half of a NaN-boxed single */
#define CNAN32 0x7fc00000ull
#define CNAN64 0x7ff8000000000000ull

/* fclass result bits */
#define CLASS_NEG_INF (1u << 0)
#define CLASS_NEG_NORMAL (1u << 1)
#define CLASS_NEG_SUBNORMAL (1u << 2)
#define CLASS_NEG_ZERO (1u << 3)
#define CLASS_POS_ZERO (1u << 4)
#define CLASS_POS_SUBNORMAL (1u << 5)
#define CLASS_POS_NORMAL (1u << 6)
#define CLASS_POS_INF (1u << 7)
#define CLASS_SNAN (1u << 8)
#define CLASS_QNAN (1u << 9)

/* Field access. */

static inline uint64_t sign_bit(const struct fpfmt *f)
{
    return 1ull << (f->mbits + f->ebits);
}
static inline bool sign_of(const struct fpfmt *f, uint64_t a)
{
    return (a >> (f->mbits + f->ebits)) & 1;
}
static inline unsigned emask(const struct fpfmt *f)
{
    return (1u << f->ebits) - 1;
}
static inline unsigned exp_field(const struct fpfmt *f, uint64_t a)
{
    return (unsigned)(a >> f->mbits) & emask(f);
}
static inline uint64_t frac_field(const struct fpfmt *f, uint64_t a)
{
    return a & ((1ull << f->mbits) - 1);
}
static inline uint64_t inf_bits(const struct fpfmt *f, bool sign)
{
    return (sign ? sign_bit(f) : 0) | (uint64_t)emask(f) << f->mbits;
}
static inline uint64_t zero_bits(const struct fpfmt *f, bool sign)
{
    return sign ? sign_bit(f) : 0;
}
static inline uint64_t cnan(const struct fpfmt *f)
{
    return f == &F32 ? CNAN32 : CNAN64;
}
static inline bool is_zero(const struct fpfmt *f, uint64_t a)
{
    return (a & (sign_bit(f) - 1)) == 0;
}
static inline bool is_nan(const struct fpfmt *f, uint64_t a)
{
    return exp_field(f, a) == emask(f) && frac_field(f, a) != 0;
}
/* A signaling NaN has the most significant fraction bit clear. */
static inline bool is_snan(const struct fpfmt *f, uint64_t a)
{
    return is_nan(f, a) && !((a >> (f->mbits - 1)) & 1);
}

/* Exponent and significand of a finite nonzero value: a = sig * 2^(exp - mbits) with sig in
 * [2^mbits, 2^(mbits+1)); subnormals are normalized. Returns exp. */
static inline int unpack(const struct fpfmt *f, uint64_t a, uint64_t *sig)
{
    unsigned e = exp_field(f, a);
    uint64_t m = frac_field(f, a);
    if (likely(e != 0)) {
        *sig = m | 1ull << f->mbits;
        return (int)e - f->bias;
    }
    int s = __builtin_clzll(m) - (63 - (int)f->mbits);
    *sig = m << s;
    return 1 - f->bias - s;
}

/* x >> d, with the bits shifted out ORed into bit 0 ("jamming"). Rounding at least two bits
 * above bit 0 then sees the same result as with every bit kept: the true value and the jammed
 * one lie strictly between the same two neighbouring even numbers. */
static inline uint64_t jam64(uint64_t x, unsigned d)
{
    if (d == 0)
        return x;
    if (d >= 64)
        return x != 0;
    return x >> d | ((x << (64 - d)) != 0);
}
static inline u128 jam128(u128 x, unsigned d)
{
    if (d == 0)
        return x;
    if (d >= 128)
        return x != 0;
    return x >> d | ((x << (128 - d)) != 0);
}
static inline unsigned clz128(u128 x)
{
    uint64_t hi = (uint64_t)(x >> 64);
    return hi ? (unsigned)__builtin_clzll(hi) : 64 + (unsigned)__builtin_clzll((uint64_t)x);
}

/* Whether rounding away the nonzero bits `rest` (half: the weight of their top bit) moves the
 * magnitude up to the next representable value; odd: the last kept bit. */
static inline bool round_up(unsigned rm, bool sign, bool odd, uint64_t rest, uint64_t half)
{
    switch (rm) {
    case RM_RNE: return rest > half || (rest == half && odd);
    case RM_RMM: return rest >= half;
    case RM_RDN: return sign;
    case RM_RUP: return !sign;
    default: return false; /* RTZ */
    }
}

/* Round sign * sig * 2^(exp - 63) to the format (sig has its leading one at bit 63; bit 0 may
 * be a sticky bit) and return its bits, accruing NX, UF and OF. */
static uint64_t round_pack(const struct fpfmt *f, bool sign, int exp, uint64_t sig, unsigned rm,
                           unsigned *fl)
{
    const unsigned sh = 63 - f->mbits; /* bits below the last one kept */
    const uint64_t low = (1ull << sh) - 1, half = 1ull << (sh - 1);
    const int emin = 1 - f->bias;
    const uint64_t s = zero_bits(f, sign);
    uint64_t m, rest;

    if (unlikely(exp < emin)) {
        /* Tininess after rounding: only a value in [2^(emin-1), 2^emin) whose kept bits are
         * all ones can round (at full precision) up to 2^emin and so not be tiny. */
        rest = sig & low;
        bool tiny = exp < emin - 1 || (sig >> sh) != (1ull << (f->mbits + 1)) - 1 || rest == 0 ||
                    !round_up(rm, sign, true, rest, half);
        sig = jam64(sig, (unsigned)(emin - exp));
        m = sig >> sh;
        rest = sig & low;
        if (rest) {
            *fl |= FFLAG_NX | (tiny ? FFLAG_UF : 0);
            m += round_up(rm, sign, m & 1, rest, half);
        }
        /* m counts units of the subnormal spacing; reaching 2^mbits carries into the exponent
         * field and is exactly the smallest normal. */
        return s | m;
    }
    m = sig >> sh;
    rest = sig & low;
    if (rest) {
        *fl |= FFLAG_NX;
        if (round_up(rm, sign, m & 1, rest, half) && (++m >> (f->mbits + 1))) {
            m >>= 1;
            exp++;
        }
    }
    if (unlikely(exp > f->bias)) {
        *fl |= FFLAG_OF | FFLAG_NX;
        bool to_inf = rm == RM_RNE || rm == RM_RMM || (rm == RM_RDN && sign) ||
                      (rm == RM_RUP && !sign);
        return to_inf ? inf_bits(f, sign) : inf_bits(f, sign) - 1; /* or the largest finite */
    }
    /* m includes the leading one, which adds one to the biased exponent field. */
    return s | (((uint64_t)(exp + f->bias - 1) << f->mbits) + m);
}

/* Round sign * v * 2^e0, v nonzero. */
static inline uint64_t norm_round64(const struct fpfmt *f, bool sign, int e0, uint64_t v,
                                    unsigned rm, unsigned *fl)
{
    int z = __builtin_clzll(v);
    return round_pack(f, sign, e0 + 63 - z, v << z, rm, fl);
}
static inline uint64_t norm_round128(const struct fpfmt *f, bool sign, int e0, u128 v,
                                     unsigned rm, unsigned *fl)
{
    unsigned z = clz128(v);
    v <<= z;
    return round_pack(f, sign, e0 + 127 - (int)z, (uint64_t)(v >> 64) | ((uint64_t)v != 0), rm,
                      fl);
}

/* The canonical NaN, with NV if an operand is a signaling NaN. */
static inline uint64_t nan2(const struct fpfmt *f, uint64_t a, uint64_t b, unsigned *fl)
{
    if (is_snan(f, a) || is_snan(f, b))
        *fl |= FFLAG_NV;
    return cnan(f);
}
static inline uint64_t invalid(const struct fpfmt *f, unsigned *fl)
{
    *fl |= FFLAG_NV;
    return cnan(f);
}

/* An exact zero sum of operands of opposite signs is +0, or -0 when rounding down. */
static inline uint64_t zero_sum(const struct fpfmt *f, bool sa, bool sb, unsigned rm)
{
    return zero_bits(f, sa == sb ? sa : rm == RM_RDN);
}

static uint64_t fp_add(const struct fpfmt *f, uint64_t a, uint64_t b, unsigned rm, unsigned *fl)
{
    bool sa = sign_of(f, a), sb = sign_of(f, b);
    if (unlikely(exp_field(f, a) == emask(f) || exp_field(f, b) == emask(f))) {
        if (is_nan(f, a) || is_nan(f, b))
            return nan2(f, a, b, fl);
        if (exp_field(f, a) == exp_field(f, b) && sa != sb)
            return invalid(f, fl); /* inf - inf */
        return exp_field(f, a) == emask(f) ? a : b;
    }
    if (unlikely(is_zero(f, a) || is_zero(f, b))) {
        if (!is_zero(f, a))
            return a;
        if (!is_zero(f, b))
            return b;
        return zero_sum(f, sa, sb, rm);
    }
    uint64_t ma, mb;
    int xa = unpack(f, a, &ma), xb = unpack(f, b, &mb);
    /* Leading ones at bit 62: room for the carry of a sum, and 9 or more guard bits. */
    ma <<= 62 - f->mbits;
    mb <<= 62 - f->mbits;
    if (xa < xb || (xa == xb && ma < mb)) {
        uint64_t t = ma;
        ma = mb;
        mb = t;
        int tx = xa;
        xa = xb;
        xb = tx;
        bool ts = sa;
        sa = sb;
        sb = ts;
    }
    mb = jam64(mb, (unsigned)(xa - xb));
    uint64_t r;
    if (sa == sb) {
        r = ma + mb;
    } else {
        r = ma - mb;
        if (r == 0)
            return zero_sum(f, false, true, rm);
    }
    return norm_round64(f, sa, xa - 62, r, rm, fl);
}

static uint64_t fp_mul(const struct fpfmt *f, uint64_t a, uint64_t b, unsigned rm, unsigned *fl)
{
    bool s = sign_of(f, a) != sign_of(f, b);
    if (unlikely(exp_field(f, a) == emask(f) || exp_field(f, b) == emask(f))) {
        if (is_nan(f, a) || is_nan(f, b))
            return nan2(f, a, b, fl);
        if (is_zero(f, a) || is_zero(f, b))
            return invalid(f, fl); /* inf * 0 */
        return inf_bits(f, s);
    }
    if (is_zero(f, a) || is_zero(f, b))
        return zero_bits(f, s);
    uint64_t ma, mb;
    int x = unpack(f, a, &ma) + unpack(f, b, &mb);
    if (f->mbits < 32) /* the product of two 24-bit significands fits 64 bits */
        return norm_round64(f, s, x - 2 * (int)f->mbits, ma * mb, rm, fl);
    /* With both leading ones at bit 63 the product's is at bit 126 or 127: its upper half
     * with a sticky bit for the lower is all round_pack needs. */
    u128 p = (u128)(ma << (63 - f->mbits)) * (mb << (63 - f->mbits));
    return norm_round64(f, s, x - 62, (uint64_t)(p >> 64) | ((uint64_t)p != 0), rm, fl);
}

static uint64_t fp_div(const struct fpfmt *f, uint64_t a, uint64_t b, unsigned rm, unsigned *fl)
{
    bool s = sign_of(f, a) != sign_of(f, b);
    bool ia = exp_field(f, a) == emask(f), ib = exp_field(f, b) == emask(f);
    if (unlikely(ia || ib)) {
        if (is_nan(f, a) || is_nan(f, b))
            return nan2(f, a, b, fl);
        if (ia && ib)
            return invalid(f, fl); /* inf / inf */
        return ia ? inf_bits(f, s) : zero_bits(f, s);
    }
    if (unlikely(is_zero(f, b))) {
        if (is_zero(f, a))
            return invalid(f, fl); /* 0 / 0 */
        *fl |= FFLAG_DZ;
        return inf_bits(f, s);
    }
    if (is_zero(f, a))
        return zero_bits(f, s);
    uint64_t ma, mb;
    int x = unpack(f, a, &ma) - unpack(f, b, &mb);
    /* a/b = (ma/mb) * 2^x with ma/mb in (1/2, 2). Scale the dividend so the quotient has at
     * least mbits + 3 bits; a nonzero remainder becomes the sticky bit. */
    if (f->mbits < 32) {
        uint64_t n = ma << 39;
        return norm_round64(f, s, x - 39, n / mb | (n % mb != 0), rm, fl);
    }
    u128 n = (u128)ma << 62;
    return norm_round64(f, s, x - 62, (uint64_t)(n / mb) | (n % mb != 0), rm, fl);
}

/* floor(sqrt(n)) for 2^125 <= n < 2^127; *exact: no remainder. The host's sqrt gives an
 * estimate with about 50 correct bits and one Newton step roughly doubles that; the integer
 * corrections then make the result exact whatever the estimate was, so correctness does not
 * depend on the host FPU (only the number of correction steps does). */
static uint64_t isqrt128(u128 n, bool *exact)
{
    uint64_t r = (uint64_t)sqrt((double)n);
    r = (uint64_t)(((u128)r + n / r) >> 1);
    while ((u128)r * r > n)
        r--;
    while ((u128)(r + 1) * (r + 1) <= n)
        r++;
    *exact = (u128)r * r == n;
    return r;
}

static uint64_t fp_sqrt(const struct fpfmt *f, uint64_t a, unsigned rm, unsigned *fl)
{
    if (unlikely(is_nan(f, a)))
        return nan2(f, a, a, fl);
    if (is_zero(f, a))
        return a; /* sqrt(-0) = -0 */
    if (sign_of(f, a))
        return invalid(f, fl);
    if (exp_field(f, a) == emask(f))
        return a; /* +inf */
    uint64_t m;
    int x = unpack(f, a, &m) - (int)f->mbits; /* a = m * 2^x */
    /* Scale m by 2^k so that x - k is even and the radicand has 126 or 127 bits: the root
     * then has 63 or 64. */
    const int k0 = 125 - (int)f->mbits;
    unsigned k = (unsigned)(k0 + ((x - k0) & 1));
    bool exact;
    uint64_t r = isqrt128((u128)m << k, &exact);
    return norm_round64(f, false, (x - (int)k) / 2, r | !exact, rm, fl);
}

/* a * b + c, rounded once. The fnm* and fmsub variants negate operands before calling. */
static uint64_t fp_fma(const struct fpfmt *f, uint64_t a, uint64_t b, uint64_t c, unsigned rm,
                       unsigned *fl)
{
    bool sp = sign_of(f, a) != sign_of(f, b), sc = sign_of(f, c);
    bool ia = exp_field(f, a) == emask(f), ib = exp_field(f, b) == emask(f),
         ic = exp_field(f, c) == emask(f);
    if (unlikely(ia || ib || ic)) {
        bool inf_zero = (ia && !frac_field(f, a) && is_zero(f, b)) ||
                        (ib && !frac_field(f, b) && is_zero(f, a));
        if (is_nan(f, a) || is_nan(f, b) || is_nan(f, c)) {
            /* inf * 0 is invalid even when c is a quiet NaN (RISC-V requires NV there). */
            if (inf_zero || is_snan(f, c))
                *fl |= FFLAG_NV;
            return nan2(f, a, b, fl);
        }
        if (inf_zero)
            return invalid(f, fl);
        if (ia || ib) {
            if (ic && sc != sp)
                return invalid(f, fl); /* inf - inf */
            return inf_bits(f, sp);
        }
        return c;
    }
    if (is_zero(f, a) || is_zero(f, b)) /* exact zero product: c, or a signed zero sum */
        return is_zero(f, c) ? zero_sum(f, sp, sc, rm) : c;
    uint64_t ma, mb;
    int xp = unpack(f, a, &ma) + unpack(f, b, &mb) - 2 * (int)f->mbits; /* P = ma*mb * 2^xp */
    u128 p = (u128)ma * mb;
    if (is_zero(f, c))
        return norm_round128(f, sp, xp, p, rm, fl);
    /* Both terms with their leading one at bit 125 (room for a carry); ep, ec: the exponent
     * of that bit. The smaller term is jammed into the larger one's frame; the product has at
     * most 106 bits, so nothing is lost unless the exponents are 20 or more apart, and then
     * a difference cancels at most one leading bit. */
    unsigned zp = clz128(p);
    p <<= zp - 2;
    int ep = xp + 127 - (int)zp;
    uint64_t mc;
    int ec = unpack(f, c, &mc);
    u128 q = (u128)mc << (125 - f->mbits);
    bool sr = sp, sq = sc;
    if (ec > ep || (ec == ep && q > p)) {
        u128 t = p;
        p = q;
        q = t;
        int te = ep;
        ep = ec;
        ec = te;
        sr = sc;
        sq = sp;
    }
    q = jam128(q, (unsigned)(ep - ec));
    u128 r;
    if (sr == sq) {
        r = p + q;
    } else {
        r = p - q;
        if (r == 0)
            return zero_sum(f, false, true, rm);
    }
    return norm_round128(f, sr, ep - 125, r, rm, fl);
}

/* Float to integer of `width` bits (signed or not), rounded by rm, returned as its low `width`
 * bits. Out-of-range values, infinities and NaNs saturate and raise NV (not NX); NaN gives
 * the largest positive value. */
static uint64_t fp_to_int(const struct fpfmt *f, uint64_t a, unsigned rm, bool is_signed,
                          unsigned width, unsigned *fl)
{
    const uint64_t umax = width == 64 ? ~0ull : (1ull << width) - 1;
    const uint64_t smax = umax >> 1, smin = smax + 1; /* smin: magnitude of the most negative */
    bool neg = sign_of(f, a);
    uint64_t mag = 0;
    bool inexact = false, over = false;

    if (is_nan(f, a)) {
        neg = false;
        over = true;
    } else if (exp_field(f, a) == emask(f)) {
        over = true;
    } else if (!is_zero(f, a)) {
        uint64_t m;
        int x = unpack(f, a, &m); /* a = m * 2^(x - mbits) */
        if (x > 63) {
            over = true;
        } else if (x >= (int)f->mbits) {
            mag = m << (x - (int)f->mbits);
        } else {
            unsigned n = f->mbits - (unsigned)x; /* fraction bits */
            if (n > 62) { /* |a| < 2^-9: rounds like any value in (0, 1/2) */
                m = 1;
                n = 62;
            }
            mag = m >> n;
            uint64_t rest = m & ((1ull << n) - 1);
            if (rest) {
                inexact = true;
                mag += round_up(rm, neg, mag & 1, rest, 1ull << (n - 1));
            }
        }
        if (!over)
            over = mag > (is_signed ? (neg ? smin : smax) : (neg ? 0 : umax));
    }
    if (over) {
        *fl |= FFLAG_NV;
        if (is_signed)
            return neg ? smin : smax;
        return neg ? 0 : umax;
    }
    if (inexact)
        *fl |= FFLAG_NX;
    return (neg ? -mag : mag) & umax;
}

static uint64_t int_to_fp(const struct fpfmt *f, bool neg, uint64_t mag, unsigned rm,
                          unsigned *fl)
{
    if (mag == 0)
        return 0;
    return norm_round64(f, neg, 0, mag, rm, fl);
}

/* Between formats: NaNs become the target's canonical NaN (NV if signaling). */
static uint64_t fp_convert(const struct fpfmt *to, const struct fpfmt *from, uint64_t a,
                           unsigned rm, unsigned *fl)
{
    bool s = sign_of(from, a);
    if (is_nan(from, a)) {
        if (is_snan(from, a))
            *fl |= FFLAG_NV;
        return cnan(to);
    }
    if (exp_field(from, a) == emask(from))
        return inf_bits(to, s);
    if (is_zero(from, a))
        return zero_bits(to, s);
    uint64_t m;
    int x = unpack(from, a, &m);
    return norm_round64(to, s, x - (int)from->mbits, m, rm, fl);
}

/* a < b for non-NaN values; with zeros_ordered, -0 < +0 (for fmin/fmax). */
static inline bool fp_less(const struct fpfmt *f, uint64_t a, uint64_t b, bool zeros_ordered)
{
    bool sa = sign_of(f, a), sb = sign_of(f, b);
    if (sa != sb)
        return sa && (zeros_ordered || !is_zero(f, a) || !is_zero(f, b));
    return a != b && (sa != (a < b)); /* same sign: magnitudes order as bit patterns */
}

/* fmin/fmax (F/D 2.2): a NaN operand is ignored, two NaNs give the canonical NaN, any
 * signaling NaN raises NV. */
static uint64_t fp_minmax(const struct fpfmt *f, uint64_t a, uint64_t b, bool max, unsigned *fl)
{
    bool na = is_nan(f, a), nb = is_nan(f, b);
    if (na || nb) {
        if (is_snan(f, a) || is_snan(f, b))
            *fl |= FFLAG_NV;
        if (na && nb)
            return cnan(f);
        return na ? b : a;
    }
    return fp_less(f, a, b, true) != max ? a : b;
}

/* feq is a quiet comparison (NV only for signaling NaNs); flt and fle signal on any NaN. */
static bool fp_eq(const struct fpfmt *f, uint64_t a, uint64_t b, unsigned *fl)
{
    if (is_nan(f, a) || is_nan(f, b)) {
        if (is_snan(f, a) || is_snan(f, b))
            *fl |= FFLAG_NV;
        return false;
    }
    return a == b || (is_zero(f, a) && is_zero(f, b));
}
static bool fp_lt(const struct fpfmt *f, uint64_t a, uint64_t b, bool or_equal, unsigned *fl)
{
    if (is_nan(f, a) || is_nan(f, b)) {
        *fl |= FFLAG_NV;
        return false;
    }
    return fp_less(f, a, b, false) || (or_equal && (a == b || (is_zero(f, a) && is_zero(f, b))));
}

static unsigned fp_class(const struct fpfmt *f, uint64_t a)
{
    bool s = sign_of(f, a);
    unsigned e = exp_field(f, a);
    uint64_t m = frac_field(f, a);
    if (e == emask(f)) {
        if (!m)
            return s ? CLASS_NEG_INF : CLASS_POS_INF;
        return (m >> (f->mbits - 1)) & 1 ? CLASS_QNAN : CLASS_SNAN;
    }
    if (e == 0) {
        if (!m)
            return s ? CLASS_NEG_ZERO : CLASS_POS_ZERO;
        return s ? CLASS_NEG_SUBNORMAL : CLASS_POS_SUBNORMAL;
    }
    return s ? CLASS_NEG_NORMAL : CLASS_POS_NORMAL;
}

/* Per operation, from the table: the extensions it needs and its mask (bits 14:12 outside the
 * mask are a rounding mode). */
#define FPX_F RV_EXT_F
#define FPX_D RV_EXT_D
#define FPX_F64 (RV_EXT_F | RV_EXT_ONLY64)
#define FPX_D64 (RV_EXT_D | RV_EXT_ONLY64)
static const struct {
    uint32_t mask;
    unsigned ext;
} fp_ops[RV_OP_COUNT] = {
#define RV_INSN(name, match, mask, fmt, ext, cls) [RV_OP_##name] = {mask, FPX_##ext},
#include "rv_insn_fd.def"
#undef RV_INSN
};

/* Register access. With D, FLEN is 64 and a single must be NaN-boxed, otherwise it reads as
 * the canonical NaN; with F alone FLEN is 32 and the upper half does not exist. */
static inline uint64_t get_f(const struct rv_hart *h, const struct fpfmt *f, unsigned r)
{
    uint64_t v = h->f[r];
    if (f == &F64)
        return v;
    if ((v & BOX) != BOX && (h->exts & RV_EXT_D))
        return CNAN32;
    return (uint32_t)v;
}
static inline void set_f(struct rv_hart *h, const struct fpfmt *f, unsigned r, uint64_t v)
{
    h->f[r] = f == &F32 ? v | BOX : v;
    h->mstatus |= MSTATUS_FS;
}
/* 32-bit integer results are sign-extended to XLEN. */
static inline void set_x32(struct rv_hart *h, unsigned r, uint64_t v)
{
    rv_set_x(h, r, (uint64_t)(int64_t)(int32_t)(uint32_t)v);
}

bool rv_fp_exec(struct rv_hart *h, const struct rv_insn *in)
{
    const uint32_t bits = in->bits;
    const unsigned rd = (bits >> 7) & 31, rs1 = (bits >> 15) & 31, rs2 = (bits >> 20) & 31,
                   rs3 = bits >> 27;
    const unsigned need = fp_ops[in->op].ext & ~(unsigned)RV_EXT_QUALIFIERS;
    unsigned rm = (bits >> 12) & 7, fl = 0;

    if (!(h->mstatus & MSTATUS_FS) || !need || (h->exts & need) != need ||
        ((fp_ops[in->op].ext & RV_EXT_ONLY64) && h->xlen != 64))
        return false;
    if (!(fp_ops[in->op].mask & 0x7000)) {
        if (rm == RM_DYN)
            rm = h->frm;
        if (rm > RM_RMM)
            return false;
    }
#define A get_f(h, f, rs1)
#define B get_f(h, f, rs2)
#define C get_f(h, f, rs3)
#define XS rv_get_x(h, rs1)
#define SGN sign_bit(f)
/* One case per format, each with f a constant, so the helpers are specialized per format. */
#define BOTH(name, ...)                                                                       \
    case RV_OP_##name##_s: {                                                                  \
        const struct fpfmt *const f = &F32;                                                   \
        __VA_ARGS__;                                                                          \
        break;                                                                                \
    }                                                                                         \
    case RV_OP_##name##_d: {                                                                  \
        const struct fpfmt *const f = &F64;                                                   \
        __VA_ARGS__;                                                                          \
        break;                                                                                \
    }

    switch (in->op) {
    BOTH(fadd, set_f(h, f, rd, fp_add(f, A, B, rm, &fl)))
    BOTH(fsub, set_f(h, f, rd, fp_add(f, A, B ^ SGN, rm, &fl)))
    BOTH(fmul, set_f(h, f, rd, fp_mul(f, A, B, rm, &fl)))
    BOTH(fdiv, set_f(h, f, rd, fp_div(f, A, B, rm, &fl)))
    BOTH(fsqrt, set_f(h, f, rd, fp_sqrt(f, A, rm, &fl)))
    BOTH(fmadd, set_f(h, f, rd, fp_fma(f, A, B, C, rm, &fl)))
    BOTH(fmsub, set_f(h, f, rd, fp_fma(f, A, B, C ^ SGN, rm, &fl)))
    BOTH(fnmsub, set_f(h, f, rd, fp_fma(f, A ^ SGN, B, C, rm, &fl)))       /* -(a*b) + c */
    BOTH(fnmadd, set_f(h, f, rd, fp_fma(f, A ^ SGN, B, C ^ SGN, rm, &fl))) /* -(a*b) - c */
    /* Sign injection works on the bits as they are (no canonicalization). */
    BOTH(fsgnj, set_f(h, f, rd, (A & ~SGN) | (B & SGN)))
    BOTH(fsgnjn, set_f(h, f, rd, (A & ~SGN) | (~B & SGN)))
    BOTH(fsgnjx, set_f(h, f, rd, A ^ (B & SGN)))
    BOTH(fmin, set_f(h, f, rd, fp_minmax(f, A, B, false, &fl)))
    BOTH(fmax, set_f(h, f, rd, fp_minmax(f, A, B, true, &fl)))
    BOTH(feq, rv_set_x(h, rd, fp_eq(f, A, B, &fl)))
    BOTH(flt, rv_set_x(h, rd, fp_lt(f, A, B, false, &fl)))
    BOTH(fle, rv_set_x(h, rd, fp_lt(f, A, B, true, &fl)))
    BOTH(fclass, rv_set_x(h, rd, fp_class(f, A)))
    BOTH(fcvt_w, set_x32(h, rd, fp_to_int(f, A, rm, true, 32, &fl)))
    BOTH(fcvt_wu, set_x32(h, rd, fp_to_int(f, A, rm, false, 32, &fl)))
    BOTH(fcvt_l, rv_set_x(h, rd, fp_to_int(f, A, rm, true, 64, &fl)))
    BOTH(fcvt_lu, rv_set_x(h, rd, fp_to_int(f, A, rm, false, 64, &fl)))
    case RV_OP_fcvt_s_w:
    case RV_OP_fcvt_d_w: {
        const struct fpfmt *f = in->op == RV_OP_fcvt_s_w ? &F32 : &F64;
        int32_t v = (int32_t)(uint32_t)XS;
        set_f(h, f, rd, int_to_fp(f, v < 0, v < 0 ? -(uint64_t)v : (uint64_t)v, rm, &fl));
        break;
    }
    case RV_OP_fcvt_s_wu:
    case RV_OP_fcvt_d_wu: {
        const struct fpfmt *f = in->op == RV_OP_fcvt_s_wu ? &F32 : &F64;
        set_f(h, f, rd, int_to_fp(f, false, (uint32_t)XS, rm, &fl));
        break;
    }
    case RV_OP_fcvt_s_l:
    case RV_OP_fcvt_d_l: {
        const struct fpfmt *f = in->op == RV_OP_fcvt_s_l ? &F32 : &F64;
        int64_t v = (int64_t)XS;
        set_f(h, f, rd, int_to_fp(f, v < 0, v < 0 ? -(uint64_t)v : (uint64_t)v, rm, &fl));
        break;
    }
    case RV_OP_fcvt_s_lu:
    case RV_OP_fcvt_d_lu: {
        const struct fpfmt *f = in->op == RV_OP_fcvt_s_lu ? &F32 : &F64;
        set_f(h, f, rd, int_to_fp(f, false, XS, rm, &fl));
        break;
    }
    case RV_OP_fcvt_s_d: set_f(h, &F32, rd, fp_convert(&F32, &F64, h->f[rs1], rm, &fl)); break;
    case RV_OP_fcvt_d_s:
        set_f(h, &F64, rd, fp_convert(&F64, &F32, get_f(h, &F32, rs1), rm, &fl));
        break;
    /* Moves transfer bits: fmv.x.w takes the low 32 bits whatever the boxing (and
     * sign-extends them), fmv.w.x boxes. */
    case RV_OP_fmv_x_w: set_x32(h, rd, h->f[rs1]); break;
    case RV_OP_fmv_x_d: rv_set_x(h, rd, h->f[rs1]); break;
    case RV_OP_fmv_w_x: set_f(h, &F32, rd, (uint32_t)XS); break;
    case RV_OP_fmv_d_x: set_f(h, &F64, rd, XS); break;
    default: return false;
    }
#undef BOTH
#undef SGN
#undef A
#undef B
#undef C
#undef XS
    if (fl) {
        h->fflags |= (uint8_t)fl;
        h->mstatus |= MSTATUS_FS;
    }
    return true;
}
