/* PLIC: register reset values and WARL masks, priority/threshold gating of the context outputs,
 * claim order (priority, then lowest id), completion rules and the level gateway. */
#include "tests/unit/devtest.h"

#define PRIO(s) (4u * (s))
#define PENDING(w) (0x1000u + 4u * (w))
#define ENABLE(c, w) (0x2000u + 0x80u * (c) + 4u * (w))
#define THRESHOLD(c) (0x200000u + 0x1000u * (c))
#define CLAIM(c) (0x200004u + 0x1000u * (c))

enum { CTX0, CTX1 };

static struct device *make(struct devtest *t, const char *const *ovr)
{
    devtest_init(t, 0);
    struct device *dev = devtest_create(t, &dev_plic, ovr);
    devtest_connect(t, dev, "ctx0", CTX0);
    devtest_connect(t, dev, "ctx1", CTX1);
    return dev;
}

static void done(struct devtest *t, struct device *dev)
{
    devtest_destroy(dev);
    devtest_fini(t);
}

static void raise_src(struct device *dev, unsigned src, bool level)
{
    char name[16];
    snprintf(name, sizeof(name), "%u", src);
    devtest_drive(dev, name, level);
}

/* Enable src for ctx at priority prio. */
static void route(struct device *dev, unsigned ctx, unsigned src, unsigned prio)
{
    devtest_wr(dev, PRIO(src), 4, prio);
    uint64_t en = devtest_rd(dev, ENABLE(ctx, src / 32), 4);
    devtest_wr(dev, ENABLE(ctx, src / 32), 4, en | (1u << (src % 32)));
}

static void test_reset_values(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    for (unsigned s = 0; s <= 96; s++)
        CU_ASSERT_EQUAL(devtest_rd(dev, PRIO(s), 4), 0);
    for (unsigned w = 0; w < 32; w++) {
        CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(w), 4), 0);
        CU_ASSERT_EQUAL(devtest_rd(dev, ENABLE(0, w), 4), 0);
        CU_ASSERT_EQUAL(devtest_rd(dev, ENABLE(1, w), 4), 0);
    }
    CU_ASSERT_EQUAL(devtest_rd(dev, THRESHOLD(0), 4), 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, THRESHOLD(1), 4), 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 0);
    CU_ASSERT_FALSE(t.pin[CTX0].level);
    CU_ASSERT_FALSE(t.pin[CTX1].level);
    done(&t, dev);
}

static void test_inputs_are_named_1_to_sources(void)
{
    struct devtest t;
    struct device *dev = make(&t, DT("sources=31"));
    CU_ASSERT_PTR_NOT_NULL(dev_find_pin(dev, "1"));
    CU_ASSERT_PTR_NOT_NULL(dev_find_pin(dev, "31"));
    CU_ASSERT_PTR_NULL(dev_find_pin(dev, "0"));
    CU_ASSERT_PTR_NULL(dev_find_pin(dev, "32"));
    CU_ASSERT_PTR_NULL(dev_find_pin(dev, "ctx2"));
    done(&t, dev);
}

static void test_priority_is_masked_to_priority_bits(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_wr(dev, PRIO(5), 4, 0xffffffff);
    CU_ASSERT_EQUAL(devtest_rd(dev, PRIO(5), 4), 7);
    devtest_wr(dev, THRESHOLD(1), 4, 0x1d);
    CU_ASSERT_EQUAL(devtest_rd(dev, THRESHOLD(1), 4), 5);
    done(&t, dev);

    dev = make(&t, DT("priority_bits=5"));
    devtest_wr(dev, PRIO(5), 4, 0xffffffff);
    CU_ASSERT_EQUAL(devtest_rd(dev, PRIO(5), 4), 31);
    done(&t, dev);
}

static void test_source0_and_absent_sources_are_reserved(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_wr(dev, PRIO(0), 4, 3);
    CU_ASSERT_EQUAL(devtest_rd(dev, PRIO(0), 4), 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, PRIO(97), 4), 0);
    CU_ASSERT_EQUAL(t.guest_errors, 3);
    /* Enable bits exist only for sources 1..96: bit 0 of word 0 and bits past 96 read 0. */
    devtest_wr(dev, ENABLE(0, 0), 4, 0xffffffff);
    devtest_wr(dev, ENABLE(0, 3), 4, 0xffffffff);
    devtest_wr(dev, ENABLE(0, 4), 4, 0xffffffff);
    CU_ASSERT_EQUAL(devtest_rd(dev, ENABLE(0, 0), 4), 0xfffffffe);
    CU_ASSERT_EQUAL(devtest_rd(dev, ENABLE(0, 3), 4), 0x1);
    CU_ASSERT_EQUAL(devtest_rd(dev, ENABLE(0, 4), 4), 0);
    done(&t, dev);
}

static void test_pending_follows_line_and_is_read_only(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    raise_src(dev, 33, true);
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(1), 4), 1u << 1);
    devtest_wr(dev, PENDING(1), 4, 0);
    CU_ASSERT_EQUAL(t.guest_errors, 1);
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(1), 4), 1u << 1);
    CU_ASSERT_FALSE(t.pin[CTX0].level); /* not enabled, priority 0 */
    done(&t, dev);
}

static void test_context_irq_needs_enable_and_priority_above_threshold(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    raise_src(dev, 10, true);
    devtest_wr(dev, PRIO(10), 4, 3);
    CU_ASSERT_FALSE(t.pin[CTX0].level);
    devtest_wr(dev, ENABLE(0, 0), 4, 1u << 10);
    CU_ASSERT_TRUE(t.pin[CTX0].level);
    CU_ASSERT_FALSE(t.pin[CTX1].level);
    devtest_wr(dev, THRESHOLD(0), 4, 3); /* priority must exceed the threshold */
    CU_ASSERT_FALSE(t.pin[CTX0].level);
    devtest_wr(dev, THRESHOLD(0), 4, 2);
    CU_ASSERT_TRUE(t.pin[CTX0].level);
    devtest_wr(dev, PRIO(10), 4, 0);
    CU_ASSERT_FALSE(t.pin[CTX0].level);
    done(&t, dev);
}

static void test_claim_returns_highest_priority_then_lowest_id(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    route(dev, 0, 7, 2);
    route(dev, 0, 40, 5);
    route(dev, 0, 3, 5);
    route(dev, 0, 90, 1);
    raise_src(dev, 7, true);
    raise_src(dev, 40, true);
    raise_src(dev, 3, true);
    raise_src(dev, 90, true);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 3);  /* priority 5, lower id than 40 */
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 40);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 7);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 90);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 0);
    CU_ASSERT_FALSE(t.pin[CTX0].level);
    done(&t, dev);
}

static void test_claim_clears_pending_and_lowers_irq(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    route(dev, 0, 1, 1);
    raise_src(dev, 1, true);
    CU_ASSERT_TRUE(t.pin[CTX0].level);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 1);
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(0), 4), 0);
    CU_ASSERT_FALSE(t.pin[CTX0].level);
    done(&t, dev);
}

static void test_claim_ignores_threshold(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    route(dev, 0, 4, 2);
    devtest_wr(dev, THRESHOLD(0), 4, 7);
    raise_src(dev, 4, true);
    CU_ASSERT_FALSE(t.pin[CTX0].level);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 4);
    done(&t, dev);
}

static void test_priority_zero_is_never_claimed(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    route(dev, 0, 4, 0);
    raise_src(dev, 4, true);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(0), 4), 1u << 4); /* still pending */
    done(&t, dev);
}

static void test_gateway_holds_level_until_complete_then_repends(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    route(dev, 0, 9, 1);
    raise_src(dev, 9, true);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 9);
    /* Line still high, but the gateway waits for completion. */
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(0), 4), 0);
    CU_ASSERT_FALSE(t.pin[CTX0].level);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 0);
    devtest_wr(dev, CLAIM(0), 4, 9);
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(0), 4), 1u << 9);
    CU_ASSERT_TRUE(t.pin[CTX0].level);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 9);
    /* Serviced: the line drops before completion, so nothing pends again. */
    raise_src(dev, 9, false);
    devtest_wr(dev, CLAIM(0), 4, 9);
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(0), 4), 0);
    CU_ASSERT_FALSE(t.pin[CTX0].level);
    CU_ASSERT_EQUAL(t.guest_errors, 0);
    done(&t, dev);
}

static void test_request_stays_pending_after_line_drops(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    route(dev, 0, 2, 1);
    raise_src(dev, 2, true);
    raise_src(dev, 2, false);
    CU_ASSERT_TRUE(t.pin[CTX0].level);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 2);
    devtest_wr(dev, CLAIM(0), 4, 2);
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(0), 4), 0);
    done(&t, dev);
}

static void test_complete_for_source_not_enabled_is_ignored(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    route(dev, 0, 5, 1);
    raise_src(dev, 5, true);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 5);
    devtest_wr(dev, CLAIM(1), 4, 5); /* context 1 does not enable source 5 */
    CU_ASSERT_EQUAL(t.guest_errors, 1);
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(0), 4), 0); /* gateway still busy */
    devtest_wr(dev, CLAIM(0), 4, 0);                    /* no such source */
    devtest_wr(dev, CLAIM(0), 4, 97);
    CU_ASSERT_EQUAL(t.guest_errors, 3);
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(0), 4), 0);
    devtest_wr(dev, CLAIM(0), 4, 5);
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(0), 4), 1u << 5);
    done(&t, dev);
}

static void test_contexts_see_only_their_enables(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    route(dev, 0, 6, 1);
    route(dev, 1, 70, 1);
    raise_src(dev, 70, true);
    CU_ASSERT_FALSE(t.pin[CTX0].level);
    CU_ASSERT_TRUE(t.pin[CTX1].level);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(1), 4), 70);
    CU_ASSERT_FALSE(t.pin[CTX1].level);
    done(&t, dev);
}

static void test_shared_source_is_claimed_once(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    route(dev, 0, 8, 1);
    route(dev, 1, 8, 1);
    raise_src(dev, 8, true);
    CU_ASSERT_TRUE(t.pin[CTX0].level);
    CU_ASSERT_TRUE(t.pin[CTX1].level);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(1), 4), 8);
    CU_ASSERT_FALSE(t.pin[CTX0].level);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 0);
    done(&t, dev);
}

static void test_reserved_offsets_read_zero(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    CU_ASSERT_EQUAL(devtest_rd(dev, 0x1080, 4), 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, ENABLE(2, 0), 4), 0);     /* context 2 absent */
    CU_ASSERT_EQUAL(devtest_rd(dev, THRESHOLD(0) + 8, 4), 0); /* hole after claim */
    CU_ASSERT_EQUAL(devtest_rd(dev, THRESHOLD(2), 4), 0);
    devtest_wr(dev, THRESHOLD(2), 4, 1);
    CU_ASSERT_EQUAL(t.guest_errors, 5);
    CU_ASSERT_PTR_NOT_NULL(strstr(t.last_error, "reserved offset 0x202000"));
    done(&t, dev);
}

static void test_reset_clears_routing_but_keeps_line_levels(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    route(dev, 0, 12, 4);
    raise_src(dev, 12, true);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(0), 4), 12);
    dev->type->reset(dev);
    CU_ASSERT_EQUAL(devtest_rd(dev, PRIO(12), 4), 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, ENABLE(0, 0), 4), 0);
    /* The gateway was freed by the reset and the line is still high. */
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(0), 4), 1u << 12);
    CU_ASSERT_FALSE(t.pin[CTX0].level);
    done(&t, dev);
}

static void test_bad_parameters_are_rejected(void)
{
    struct devtest t;
    char err[256];
    devtest_init(&t, 0);
    CU_ASSERT_PTR_NULL(devtest_try_create(&t, &dev_plic, DT("sources=0"), err, sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "sources 0 out of range (1..1023)"));
    CU_ASSERT_PTR_NULL(devtest_try_create(&t, &dev_plic, DT("sources=1024"), err, sizeof(err)));
    CU_ASSERT_PTR_NULL(devtest_try_create(&t, &dev_plic, DT("contexts=0"), err, sizeof(err)));
    CU_ASSERT_PTR_NULL(devtest_try_create(&t, &dev_plic, DT("priority_bits=0"), err,
                                          sizeof(err)));
    CU_ASSERT_PTR_NULL(devtest_try_create(&t, &dev_plic, DT("size=0x200000"), err, sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "too small"));
    devtest_fini(&t);
}

static void test_max_sources_work(void)
{
    struct devtest t;
    struct device *dev = make(&t, DT("sources=1023"));
    route(dev, 1, 1023, 7);
    raise_src(dev, 1023, true);
    CU_ASSERT_EQUAL(devtest_rd(dev, PENDING(31), 4), 1u << 31);
    CU_ASSERT_TRUE(t.pin[CTX1].level);
    CU_ASSERT_EQUAL(devtest_rd(dev, CLAIM(1), 4), 1023);
    done(&t, dev);
}

UNIT_MAIN("plic",
          T(test_reset_values),
          T(test_inputs_are_named_1_to_sources),
          T(test_priority_is_masked_to_priority_bits),
          T(test_source0_and_absent_sources_are_reserved),
          T(test_pending_follows_line_and_is_read_only),
          T(test_context_irq_needs_enable_and_priority_above_threshold),
          T(test_claim_returns_highest_priority_then_lowest_id),
          T(test_claim_clears_pending_and_lowers_irq),
          T(test_claim_ignores_threshold),
          T(test_priority_zero_is_never_claimed),
          T(test_gateway_holds_level_until_complete_then_repends),
          T(test_request_stays_pending_after_line_drops),
          T(test_complete_for_source_not_enabled_is_ignored),
          T(test_contexts_see_only_their_enables),
          T(test_shared_source_is_claimed_once),
          T(test_reserved_offsets_read_zero),
          T(test_reset_clears_routing_but_keeps_line_levels),
          T(test_bad_parameters_are_rejected),
          T(test_max_sources_work))
