/* Integer matrix multiply C = A * B (N x N, 32-bit wrapping arithmetic), checked with the
 * identity sum(C) = sum_k colsum(A)[k] * rowsum(B)[k], which holds modulo 2^32 as well, and
 * with a transposed-B multiply that must give the same matrix. */
#include "bench.h"

#define N 64

static int32_t a[N][N], b[N][N], bt[N][N], c[N][N];

static void multiply(void)
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int32_t s = 0;
            for (int k = 0; k < N; k++)
                s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
}

int bench_matmul(unsigned scale, uint32_t *result)
{
    int bad = 0;
    uint32_t seed = 0x5eed1234u, acc = 0;
    for (unsigned r = 0; r < 115 * scale; r++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                a[i][j] = (int32_t)(bench_rand(&seed) % 2001u) - 1000;
                b[i][j] = (int32_t)(bench_rand(&seed) % 2001u) - 1000;
            }
        multiply();

        uint32_t total = 0, identity = 0;
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                total += (uint32_t)c[i][j];
        for (int k = 0; k < N; k++) {
            uint32_t col = 0, row = 0;
            for (int i = 0; i < N; i++) {
                col += (uint32_t)a[i][k];
                row += (uint32_t)b[k][i];
            }
            identity += col * row;
        }
        if (total != identity) {
            bench_fail("matmul", "sum(C) differs from sum of colsum(A) * rowsum(B)");
            bad = 1;
        }

        if (r == 0) {
            for (int i = 0; i < N; i++)
                for (int j = 0; j < N; j++)
                    bt[j][i] = b[i][j];
            for (int i = 0; i < N && !bad; i++)
                for (int j = 0; j < N; j++) {
                    int32_t s = 0;
                    for (int k = 0; k < N; k++)
                        s += a[i][k] * bt[j][k];
                    if (s != c[i][j]) {
                        bench_fail("matmul", "transposed multiply differs");
                        bad = 1;
                        break;
                    }
                }
        }
        acc = acc * 7u + total + (uint32_t)c[r % N][(r * 5) % N];
    }
    *result = acc;
    return bad;
}
