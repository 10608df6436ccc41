/* String handling: generates a text of pseudo-random words, then copies, measures, compares
 * and tokenizes it with both the C library and simple local implementations, which must
 * agree; the tokenizer's word count must match the count recorded while generating. */
#include <string.h>

#include "bench.h"

#define TEXT_MAX 24000
#define MAX_WORDS 4096

static char text[TEXT_MAX + 64], copy[TEXT_MAX + 64], scratch[TEXT_MAX + 64];
static const char *words[MAX_WORDS];

static size_t my_strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

static int my_strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (int)(unsigned char)*a - (int)(unsigned char)*b;
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

/* Splits s in place at spaces, commas and newlines; returns the number of tokens. */
static int tokenize(char *s, const char **out, int max)
{
    int n = 0;
    while (*s) {
        while (*s == ' ' || *s == ',' || *s == '\n')
            *s++ = 0;
        if (!*s)
            break;
        if (n < max)
            out[n] = s;
        n++;
        while (*s && *s != ' ' && *s != ',' && *s != '\n')
            s++;
    }
    return n;
}

static int generate(uint32_t *seed)
{
    int len = 0, count = 0;
    while (len < TEXT_MAX - 40) {
        int wl = 1 + (int)(bench_rand(seed) % 12);
        for (int i = 0; i < wl; i++)
            text[len++] = (char)('a' + bench_rand(seed) % 26);
        count++;
        uint32_t sep = bench_rand(seed) % 10;
        text[len++] = sep == 0 ? ',' : sep == 1 ? '\n' : ' ';
        if (sep == 2)
            text[len++] = ' '; /* runs of separators make empty tokens that must be skipped */
    }
    text[len] = 0;
    return count;
}

int bench_strings(unsigned scale, uint32_t *result)
{
    int bad = 0;
    uint32_t seed = 0xabcdef01u, acc = 0;
    for (unsigned r = 0; r < 135 * scale; r++) {
        int expect_words = generate(&seed);
        size_t len = strlen(text);
        if (len != my_strlen(text)) {
            bench_fail("strings", "strlen disagrees with a byte loop");
            bad = 1;
        }
        strcpy(copy, text);
        memcpy(scratch, text, len + 1);
        if (strcmp(copy, text) != 0 || my_strcmp(scratch, text) != 0 ||
            memcmp(copy, scratch, len + 1) != 0) {
            bench_fail("strings", "strcpy/memcpy copies differ from the original");
            bad = 1;
        }
        copy[len / 2] ^= 0x20; /* flip case of one letter (or turn a separator into junk) */
        if (sign(strcmp(copy, text)) != sign(my_strcmp(copy, text)) || strcmp(copy, text) == 0) {
            bench_fail("strings", "strcmp on a changed copy");
            bad = 1;
        }
        int n = tokenize(scratch, words, MAX_WORDS);
        if (n != expect_words) {
            bench_fail("strings", "tokenizer word count");
            bad = 1;
        }
        /* Words are NUL-separated inside scratch: their lengths plus separators fit len. */
        size_t total = 0;
        int stored = n < MAX_WORDS ? n : MAX_WORDS;
        for (int i = 0; i < stored; i++) {
            total += strlen(words[i]);
            if (i && my_strcmp(words[i - 1], words[i]) < 0)
                acc++;
        }
        if (total >= len) {
            bench_fail("strings", "token lengths exceed the text");
            bad = 1;
        }
        acc = acc * 131u + (uint32_t)n + (uint32_t)total;
    }
    *result = acc;
    return bad;
}
