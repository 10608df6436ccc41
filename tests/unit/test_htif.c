/* HTIF: placement from tohost/fromhost symbols, exit codes, RV32 split writes, console
 * putchar/getchar with Spike's fromhost replies, and the reply queue. */
#include "models/core/symtab.h"
#include "tests/unit/devtest.h"

#define TOHOST 0x80001000ULL
#define SETTLE 10000000ULL /* 10 us */
#define POLL 100000000ULL  /* 100 us */
#define CMD(dev, cmd, payload) (((uint64_t)(dev) << 56) | ((uint64_t)(cmd) << 48) | (payload))

/* Place a new HTIF with tohost at TOHOST and fromhost at `from` (0: no fromhost symbol). */
static struct device *make_at(struct devtest *t, uint64_t from, uint64_t *base, uint64_t *size)
{
    struct symtab syms;
    symtab_init(&syms);
    CU_ASSERT_EQUAL(symtab_add(&syms, "_start", 0x80000000, 0, true), 0);
    CU_ASSERT_EQUAL(symtab_add(&syms, "tohost", TOHOST, 8, false), 0);
    if (from)
        CU_ASSERT_EQUAL(symtab_add(&syms, "fromhost", from, 8, false), 0);
    symtab_finish(&syms);
    devtest_init(t, 0);
    struct device *dev = devtest_create(t, &dev_htif, NULL);
    CU_ASSERT_FALSE(dev_htif.mapped);
    CU_ASSERT_TRUE_FATAL(dev->type->place(dev, &syms, base, size));
    symtab_free(&syms);
    return dev;
}

/* The usual layout: fromhost right after tohost; the region starts at tohost. */
static struct device *make(struct devtest *t)
{
    uint64_t base, size;
    struct device *dev = make_at(t, TOHOST + 8, &base, &size);
    CU_ASSERT_EQUAL(base, TOHOST);
    CU_ASSERT_EQUAL(size, 16);
    return dev;
}

static void done(struct devtest *t, struct device *dev)
{
    devtest_destroy(dev);
    CU_ASSERT_EQUAL(t->clock.count, 0);
    devtest_fini(t);
}

static void test_stays_unmapped_without_tohost(void)
{
    struct devtest t;
    struct symtab syms;
    symtab_init(&syms);
    symtab_add(&syms, "fromhost", TOHOST, 8, false);
    symtab_finish(&syms);
    devtest_init(&t, 0);
    struct device *dev = devtest_create(&t, &dev_htif, NULL);
    uint64_t base = 1, size = 1;
    CU_ASSERT_FALSE(dev->type->place(dev, &syms, &base, &size));
    symtab_free(&syms);
    done(&t, dev);
}

static void test_fromhost_below_tohost_is_mapped_too(void)
{
    struct devtest t;
    uint64_t base, size;
    struct device *dev = make_at(&t, TOHOST - 8, &base, &size);
    CU_ASSERT_EQUAL(base, TOHOST - 8);
    CU_ASSERT_EQUAL(size, 16);
    devtest_wr(dev, 8, 8, CMD(1, 1, 'k'));
    CU_ASSERT_STRING_EQUAL(t.out, "k");
    CU_ASSERT_EQUAL(devtest_rd(dev, 0, 8), CMD(1, 1, 0x100 | 'k'));
    CU_ASSERT_EQUAL(devtest_rd(dev, 8, 8), 0);
    done(&t, dev);
}

static void test_distant_fromhost_maps_only_tohost(void)
{
    struct devtest t;
    uint64_t base, size;
    struct device *dev = make_at(&t, TOHOST + 64, &base, &size); /* riscv-tests layout */
    CU_ASSERT_EQUAL(base, TOHOST);
    CU_ASSERT_EQUAL(size, 8);
    CU_ASSERT_EQUAL(t.guest_errors, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(t.last_error, "not next to tohost"));
    devtest_wr(dev, 0, 8, CMD(1, 1, 'p')); /* console still prints, replies are dropped */
    CU_ASSERT_STRING_EQUAL(t.out, "p");
    devtest_wr(dev, 0, 8, (7 << 1) | 1);
    CU_ASSERT_EQUAL(t.exits, 1);
    CU_ASSERT_EQUAL(t.exit_code, 7);
    done(&t, dev);
}

static void test_missing_fromhost_maps_only_tohost(void)
{
    struct devtest t;
    uint64_t base, size;
    struct device *dev = make_at(&t, 0, &base, &size);
    CU_ASSERT_EQUAL(base, TOHOST);
    CU_ASSERT_EQUAL(size, 8);
    CU_ASSERT_EQUAL(t.guest_errors, 0);
    done(&t, dev);
}

static void test_tohost_1_exits_with_0(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 8, 1);
    CU_ASSERT_EQUAL(t.exits, 1);
    CU_ASSERT_EQUAL(t.exit_code, 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, 0, 8), 0); /* the host clears tohost */
    done(&t, dev);
}

static void test_odd_tohost_exits_with_value_shifted_right(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 8, (23 << 1) | 1); /* riscv-tests: test 23 failed */
    CU_ASSERT_EQUAL(t.exit_code, 23);
    CU_ASSERT_EQUAL(t.guest_errors, 0);
    done(&t, dev);
    /* A code too wide for an int is still a failure, never 0. */
    dev = make(&t);
    devtest_wr(dev, 0, 8, (1ULL << 33) | 1);
    CU_ASSERT_EQUAL(t.exits, 1);
    CU_ASSERT_NOT_EQUAL(t.exit_code, 0);
    done(&t, dev);
}

static void test_rv32_split_write_acts_on_second_word(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 4, (5 << 1) | 1); /* sw TESTNUM, tohost */
    CU_ASSERT_EQUAL(t.exits, 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, 0, 4), 11);
    devtest_wr(dev, 4, 4, 0); /* sw zero, tohost+4 */
    CU_ASSERT_EQUAL(t.exits, 1);
    CU_ASSERT_EQUAL(t.exit_code, 5);
    CU_ASSERT_EQUAL(devtest_rd(dev, 0, 8), 0);
    done(&t, dev);
}

static void test_rv32_low_word_with_bit0_is_not_taken_alone(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    /* putchar('a') split in two: the low word alone would look like an exit command. */
    devtest_wr(dev, 0, 4, 'a');
    devtest_wr(dev, 4, 4, 0x01010000);
    CU_ASSERT_EQUAL(t.exits, 0);
    CU_ASSERT_STRING_EQUAL(t.out, "a");
    /* High word first works as well. */
    devtest_wr(dev, 4, 4, 0x01010000);
    devtest_wr(dev, 0, 4, 'b');
    CU_ASSERT_STRING_EQUAL(t.out, "ab");
    done(&t, dev);
}

static void test_lone_word_write_is_taken_after_settling(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 4, 1);
    devtest_advance(&t, SETTLE - 1);
    CU_ASSERT_EQUAL(t.exits, 0);
    devtest_advance(&t, 1);
    CU_ASSERT_EQUAL(t.exits, 1);
    CU_ASSERT_EQUAL(t.exit_code, 0);
    done(&t, dev);
}

static void test_zeroing_tohost_bytewise_does_nothing(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    for (unsigned i = 0; i < 16; i++)
        devtest_wr(dev, i, 1, 0);
    devtest_advance(&t, 2 * SETTLE);
    CU_ASSERT_EQUAL(t.exits, 0);
    CU_ASSERT_EQUAL(t.nout, 0);
    CU_ASSERT_EQUAL(t.guest_errors, 0);
    done(&t, dev);
}

static void test_putchar_prints_and_acknowledges_in_fromhost(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 8, CMD(1, 1, 'H'));
    CU_ASSERT_STRING_EQUAL(t.out, "H");
    CU_ASSERT_EQUAL(devtest_rd(dev, 0, 8), 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, 8, 8), CMD(1, 1, 0x100 | 'H'));
    CU_ASSERT_EQUAL(devtest_rd(dev, 12, 4), 0x01010000); /* RV32 reads the halves */
    done(&t, dev);
}

static void test_replies_wait_until_fromhost_is_cleared(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 8, CMD(1, 1, 'o'));
    devtest_wr(dev, 0, 8, CMD(1, 1, 'k'));
    CU_ASSERT_STRING_EQUAL(t.out, "ok");
    CU_ASSERT_EQUAL(devtest_rd(dev, 8, 8), CMD(1, 1, 0x100 | 'o'));
    devtest_wr(dev, 8, 8, 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, 8, 8), CMD(1, 1, 0x100 | 'k'));
    devtest_wr(dev, 8, 4, 0); /* RV32 clears it in two halves */
    CU_ASSERT_NOT_EQUAL(devtest_rd(dev, 8, 8), 0);
    devtest_wr(dev, 12, 4, 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, 8, 8), 0);
    done(&t, dev);
}

static void test_many_unread_acks_do_not_overflow(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    for (int i = 0; i < 100; i++)
        devtest_wr(dev, 0, 8, CMD(1, 1, '.'));
    CU_ASSERT_EQUAL(t.nout, 100);
    CU_ASSERT_EQUAL(t.guest_errors, 0);
    done(&t, dev);
}

static void test_getchar_answers_when_input_arrives(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 8, CMD(1, 0, 0));
    CU_ASSERT_EQUAL(t.reads, 1);
    CU_ASSERT_EQUAL(devtest_rd(dev, 8, 8), 0); /* nothing typed yet */
    devtest_set_input(&t, "x", false);
    devtest_advance(&t, POLL - 1);
    CU_ASSERT_EQUAL(devtest_rd(dev, 8, 8), 0);
    devtest_advance(&t, 1);
    CU_ASSERT_EQUAL(devtest_rd(dev, 8, 8), CMD(1, 0, 0x100 | 'x'));
    CU_ASSERT_EQUAL(t.clock.count, 0); /* no request left: no more polling */
    done(&t, dev);
}

static void test_getchar_answers_at_once_when_input_is_there(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_set_input(&t, "yz", false);
    devtest_wr(dev, 0, 8, CMD(1, 0, 0));
    CU_ASSERT_EQUAL(devtest_rd(dev, 8, 8), CMD(1, 0, 0x100 | 'y'));
    CU_ASSERT_EQUAL(t.reads, 1); /* one byte per request */
    done(&t, dev);
}

static void test_getchar_stops_polling_at_eof(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_set_input(&t, "", true);
    devtest_wr(dev, 0, 8, CMD(1, 0, 0));
    CU_ASSERT_EQUAL(devtest_rd(dev, 8, 8), 0);
    CU_ASSERT_EQUAL(t.clock.count, 0);
    done(&t, dev);
}

static void test_proxied_syscall_is_logged_and_ignored(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 8, 0x80002000); /* even: pointer to a syscall request */
    CU_ASSERT_EQUAL(t.exits, 0);
    CU_ASSERT_EQUAL(t.guest_errors, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(t.last_error, "proxied system call"));
    CU_ASSERT_EQUAL(devtest_rd(dev, 0, 8), 0);
    done(&t, dev);
}

static void test_unknown_device_is_logged(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 8, CMD(2, 0, 1));
    CU_ASSERT_EQUAL(t.exits, 0);
    CU_ASSERT_EQUAL(t.guest_errors, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(t.last_error, "unsupported device 2"));
    done(&t, dev);
}

static void test_reset_clears_words_and_keeps_placement(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 8, CMD(1, 1, 'a'));
    devtest_wr(dev, 0, 4, 3);
    dev->type->reset(dev);
    CU_ASSERT_EQUAL(devtest_rd(dev, 0, 8), 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, 8, 8), 0);
    devtest_advance(&t, 2 * SETTLE);
    CU_ASSERT_EQUAL(t.exits, 0);
    devtest_wr(dev, 0, 8, CMD(1, 1, 'b'));
    CU_ASSERT_EQUAL(devtest_rd(dev, 8, 8), CMD(1, 1, 0x100 | 'b'));
    done(&t, dev);
}

UNIT_MAIN("htif",
          T(test_stays_unmapped_without_tohost),
          T(test_fromhost_below_tohost_is_mapped_too),
          T(test_distant_fromhost_maps_only_tohost),
          T(test_missing_fromhost_maps_only_tohost),
          T(test_tohost_1_exits_with_0),
          T(test_odd_tohost_exits_with_value_shifted_right),
          T(test_rv32_split_write_acts_on_second_word),
          T(test_rv32_low_word_with_bit0_is_not_taken_alone),
          T(test_lone_word_write_is_taken_after_settling),
          T(test_zeroing_tohost_bytewise_does_nothing),
          T(test_putchar_prints_and_acknowledges_in_fromhost),
          T(test_replies_wait_until_fromhost_is_cleared),
          T(test_many_unread_acks_do_not_overflow),
          T(test_getchar_answers_when_input_arrives),
          T(test_getchar_answers_at_once_when_input_is_there),
          T(test_getchar_stops_polling_at_eof),
          T(test_proxied_syscall_is_logged_and_ignored),
          T(test_unknown_device_is_logged),
          T(test_reset_clears_words_and_keeps_placement))
