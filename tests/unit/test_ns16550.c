/* 16550A UART: reset values, divisor latches, transmit to the console, THRE and receive
 * interrupts with IIR priorities, FIFO trigger levels and character timeout, console input
 * polling against simulated time, loopback and the modem status register. */
#include "tests/unit/devtest.h"

#define POLL 100000000ULL /* the UART's console poll period: 100 us */

enum { RBR, IER, IIR, LCR, MCR, LSR, MSR, SCR };
#define FCR IIR
#define DLL RBR
#define DLM IER

static struct device *make(struct devtest *t, const char *const *ovr)
{
    devtest_init(t, 0);
    struct device *dev = devtest_create(t, &dev_ns16550, ovr);
    devtest_connect(t, dev, "irq", 0);
    return dev;
}

static void done(struct devtest *t, struct device *dev)
{
    devtest_destroy(dev);
    CU_ASSERT_EQUAL(t->clock.count, 0);
    devtest_fini(t);
}

static uint8_t rd(struct device *dev, unsigned reg) { return (uint8_t)devtest_rd(dev, reg, 1); }
static void wr(struct device *dev, unsigned reg, uint8_t v) { devtest_wr(dev, reg, 1, v); }

static void test_reset_values(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    CU_ASSERT_EQUAL(rd(dev, IER), 0x00);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x01);
    CU_ASSERT_EQUAL(rd(dev, LCR), 0x00);
    CU_ASSERT_EQUAL(rd(dev, MCR), 0x00);
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x60);
    CU_ASSERT_EQUAL(rd(dev, MSR), 0xb0);
    CU_ASSERT_EQUAL(rd(dev, SCR), 0x00);
    CU_ASSERT_EQUAL(rd(dev, RBR), 0x00);
    wr(dev, LCR, 0x80);
    CU_ASSERT_EQUAL(rd(dev, DLL), 0x00);
    CU_ASSERT_EQUAL(rd(dev, DLM), 0x00);
    CU_ASSERT_FALSE(t.pin[0].level);
    CU_ASSERT_EQUAL(t.guest_errors, 0);
    done(&t, dev);
}

static void test_reset_restores_power_on_values(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    wr(dev, IER, 0x0f);
    wr(dev, FCR, 0xc1);
    wr(dev, MCR, 0x1f);
    wr(dev, SCR, 0x55);
    wr(dev, LCR, 0x83);
    CU_ASSERT_TRUE(t.pin[0].level);
    dev->type->reset(dev);
    CU_ASSERT_FALSE(t.pin[0].level);
    CU_ASSERT_EQUAL(rd(dev, LCR), 0x00);
    CU_ASSERT_EQUAL(rd(dev, IER), 0x00);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x01);
    CU_ASSERT_EQUAL(rd(dev, MCR), 0x00);
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x60);
    CU_ASSERT_EQUAL(rd(dev, MSR), 0xb0);
    CU_ASSERT_EQUAL(rd(dev, SCR), 0x00);
    done(&t, dev);
}

static void test_thr_write_prints_byte_and_stays_empty(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    wr(dev, RBR, 'h');
    wr(dev, RBR, 'i');
    CU_ASSERT_STRING_EQUAL(t.out, "hi");
    CU_ASSERT_EQUAL(rd(dev, LSR) & 0x60, 0x60);
    done(&t, dev);
}

static void test_dlab_selects_divisor_latches_without_printing(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    wr(dev, IER, 0x05);
    wr(dev, LCR, 0x83);
    wr(dev, DLL, 0x02);
    wr(dev, DLM, 0x01);
    CU_ASSERT_EQUAL(t.nout, 0);
    CU_ASSERT_EQUAL(rd(dev, DLL), 0x02);
    CU_ASSERT_EQUAL(rd(dev, DLM), 0x01);
    wr(dev, LCR, 0x03);
    CU_ASSERT_EQUAL(rd(dev, LCR), 0x03);
    CU_ASSERT_EQUAL(rd(dev, IER), 0x05); /* IER untouched by the DLM write */
    wr(dev, RBR, 'x');
    CU_ASSERT_STRING_EQUAL(t.out, "x");
    done(&t, dev);
}

static void test_thre_interrupt_raised_when_enabled_and_cleared_by_iir_read(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    wr(dev, IER, 0x02);
    CU_ASSERT_TRUE(t.pin[0].level);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x02);
    CU_ASSERT_FALSE(t.pin[0].level);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x01);
    /* Rewriting IER with THRI still set is not a new enable. */
    wr(dev, IER, 0x02);
    CU_ASSERT_FALSE(t.pin[0].level);
    done(&t, dev);
}

static void test_thr_write_reasserts_thre_interrupt(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    wr(dev, IER, 0x02);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x02);
    CU_ASSERT_FALSE(t.pin[0].level);
    wr(dev, RBR, 'a'); /* sent at once: the holding register is empty again */
    CU_ASSERT_TRUE(t.pin[0].level);
    CU_ASSERT_EQUAL(t.pin[0].rises, 2);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x02);
    wr(dev, IER, 0x00); /* a driver with nothing more to send */
    CU_ASSERT_FALSE(t.pin[0].level);
    CU_ASSERT_STRING_EQUAL(t.out, "a");
    done(&t, dev);
}

static void test_input_is_polled_every_100us_and_backs_off_while_idle(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_set_input(&t, "ok", false);
    wr(dev, IER, 0x01);
    devtest_advance(&t, POLL - 1);
    CU_ASSERT_EQUAL(t.reads, 0);
    CU_ASSERT_EQUAL(rd(dev, LSR) & 0x01, 0);
    devtest_advance(&t, 1);
    CU_ASSERT_EQUAL(t.reads, 1);
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x61);
    CU_ASSERT_TRUE(t.pin[0].level);
    CU_ASSERT_EQUAL(t.pin[0].changed_at, POLL);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x04);
    CU_ASSERT_EQUAL(rd(dev, RBR), 'o');
    CU_ASSERT_FALSE(t.pin[0].level);
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x60);
    devtest_advance(&t, POLL);
    CU_ASSERT_EQUAL(rd(dev, RBR), 'k');
    /* Nothing more yet: the poll interval doubles each time, 3P, 5P, 9P, 17P, ... */
    devtest_advance(&t, 5 * POLL); /* now 7P: polls at 3P and 5P */
    CU_ASSERT_EQUAL(t.reads, 4);
    devtest_advance(&t, 2000 * POLL);
    /* 9P, 17P, 33P, 65P, 129P, 257P, then every 128P (12.8 ms) up to 2007P: 13 more */
    CU_ASSERT_EQUAL(t.reads, 4 + 6 + 13);
    devtest_set_input(&t, "ab", false);
    devtest_advance(&t, 128 * POLL); /* the next idle poll finds 'a' */
    CU_ASSERT_EQUAL(rd(dev, RBR), 'a');
    devtest_advance(&t, POLL); /* and the pace is back to one byte per 100 us */
    CU_ASSERT_EQUAL(rd(dev, RBR), 'b');
    done(&t, dev);
}

static void test_polling_stops_at_eof(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_set_input(&t, "z", true);
    devtest_advance(&t, POLL);
    CU_ASSERT_EQUAL(rd(dev, RBR), 'z');
    devtest_advance(&t, POLL);
    CU_ASSERT_EQUAL(t.reads, 2);
    CU_ASSERT_EQUAL(t.clock.count, 0);
    devtest_advance(&t, 10 * POLL);
    CU_ASSERT_EQUAL(t.reads, 2);
    dev->type->reset(dev); /* input that has ended stays ended */
    CU_ASSERT_EQUAL(t.clock.count, 0);
    done(&t, dev);
}

static void test_non_fifo_mode_holds_one_byte_and_waits(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_set_input(&t, "abc", false);
    devtest_advance(&t, 5 * POLL);
    CU_ASSERT_EQUAL(t.reads, 1); /* receive buffer full: nothing more taken */
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x61); /* and no overrun */
    CU_ASSERT_EQUAL(rd(dev, RBR), 'a');
    devtest_advance(&t, POLL);
    CU_ASSERT_EQUAL(rd(dev, RBR), 'b');
    done(&t, dev);
}

static void test_fifo_fills_to_16_without_overrun(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_set_input(&t, "0123456789abcdefXYZ", false);
    wr(dev, FCR, 0x01);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0xc1);
    devtest_advance(&t, 30 * POLL);
    CU_ASSERT_EQUAL(t.reads, 16);
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x61);
    CU_ASSERT_EQUAL(rd(dev, RBR), '0');
    devtest_advance(&t, POLL);
    CU_ASSERT_EQUAL(t.reads, 17);
    char got[17] = {0};
    for (int i = 0; i < 16; i++)
        got[i] = (char)rd(dev, RBR);
    CU_ASSERT_STRING_EQUAL(got, "123456789abcdefX");
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x60);
    done(&t, dev);
}

/* Feed bytes one per poll with the given FCR and check when the data interrupt appears. */
static void check_trigger(uint8_t fcr, unsigned level)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_set_input(&t, "ABCDEFGHIJKLMNOP", false);
    wr(dev, FCR, fcr);
    wr(dev, IER, 0x01);
    for (unsigned n = 1; n < level; n++) {
        devtest_advance(&t, POLL);
        CU_ASSERT_FALSE(t.pin[0].level);
        CU_ASSERT_EQUAL(rd(dev, IIR), 0xc1);
    }
    devtest_advance(&t, POLL);
    CU_ASSERT_TRUE(t.pin[0].level);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0xc4);
    CU_ASSERT_EQUAL(rd(dev, RBR), 'A');
    if (level > 1) { /* below the trigger again */
        CU_ASSERT_FALSE(t.pin[0].level);
    }
    devtest_destroy(dev);
    devtest_fini(&t);
}

static void test_fifo_trigger_levels_1_4_8_14(void)
{
    check_trigger(0x01, 1);
    check_trigger(0x41, 4);
    check_trigger(0x81, 8);
    check_trigger(0xc1, 14);
}

static void test_character_timeout_below_trigger_level(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_set_input(&t, "hi", false);
    wr(dev, FCR, 0x81); /* trigger 8 */
    wr(dev, IER, 0x01);
    devtest_advance(&t, 2 * POLL);
    CU_ASSERT_FALSE(t.pin[0].level);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0xc1);
    /* One poll period without new input. */
    devtest_advance(&t, POLL - 1);
    CU_ASSERT_FALSE(t.pin[0].level);
    devtest_advance(&t, 1);
    CU_ASSERT_TRUE(t.pin[0].level);
    CU_ASSERT_EQUAL(t.pin[0].changed_at, 3 * POLL);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0xcc);
    CU_ASSERT_EQUAL(rd(dev, RBR), 'h'); /* a read clears the indication */
    CU_ASSERT_FALSE(t.pin[0].level);
    devtest_advance(&t, POLL); /* and restarts the timer for what is left */
    CU_ASSERT_EQUAL(rd(dev, IIR), 0xcc);
    CU_ASSERT_EQUAL(rd(dev, RBR), 'i');
    CU_ASSERT_EQUAL(rd(dev, IIR), 0xc1);
    devtest_advance(&t, 3 * POLL);
    CU_ASSERT_FALSE(t.pin[0].level); /* empty FIFO: no timeout */
    done(&t, dev);
}

static void test_no_timeout_in_non_fifo_mode(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_set_input(&t, "q", false);
    wr(dev, IER, 0x01);
    devtest_advance(&t, 5 * POLL);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x04);
    done(&t, dev);
}

static void test_fcr_clears_receive_fifo(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_set_input(&t, "abc", false);
    wr(dev, FCR, 0x01);
    devtest_advance(&t, 3 * POLL);
    CU_ASSERT_EQUAL(rd(dev, LSR) & 1, 1);
    wr(dev, FCR, 0x03);
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x60);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0xc1); /* clear bits self-clear, FIFO stays on */
    done(&t, dev);
}

static void test_disabling_fifo_mode_empties_fifo(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_set_input(&t, "ab", false);
    wr(dev, FCR, 0x01);
    devtest_advance(&t, 2 * POLL);
    wr(dev, FCR, 0x00);
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x60);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x01);
    done(&t, dev);
}

static void test_iir_reports_rx_before_thre(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_set_input(&t, "r", false);
    wr(dev, IER, 0x03);
    devtest_advance(&t, POLL);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x04);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x04); /* reading IIR for RX does not ack THRE */
    rd(dev, RBR);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x02);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x01);
    done(&t, dev);
}

static void test_loopback_sends_thr_to_receiver(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_set_input(&t, "console", false);
    wr(dev, FCR, 0x01);
    wr(dev, MCR, 0x10);
    wr(dev, RBR, 'L');
    wr(dev, RBR, 'B');
    CU_ASSERT_EQUAL(t.nout, 0);
    devtest_advance(&t, 3 * POLL);
    CU_ASSERT_EQUAL(t.reads, 0); /* the line input is disconnected in loopback */
    CU_ASSERT_EQUAL(rd(dev, RBR), 'L');
    CU_ASSERT_EQUAL(rd(dev, RBR), 'B');
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x60);
    wr(dev, MCR, 0x00);
    wr(dev, RBR, '!');
    CU_ASSERT_STRING_EQUAL(t.out, "!");
    done(&t, dev);
}

static void test_loopback_overrun_sets_oe_and_line_status_interrupt(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    wr(dev, MCR, 0x10);
    wr(dev, IER, 0x05);
    wr(dev, RBR, '1');
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x04);
    wr(dev, RBR, '2'); /* non-FIFO: replaces the unread byte */
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x06);
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x63);
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x61); /* OE clears on read */
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x04);
    CU_ASSERT_EQUAL(rd(dev, RBR), '2');
    done(&t, dev);
}

static void test_loopback_msr_reflects_mcr_outputs(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    wr(dev, MCR, 0x10);
    CU_ASSERT_EQUAL(rd(dev, MSR), 0x0b); /* CTS, DSR, DCD dropped: their deltas */
    CU_ASSERT_EQUAL(rd(dev, MSR), 0x00);
    wr(dev, MCR, 0x10 | 0x02); /* RTS -> CTS */
    CU_ASSERT_EQUAL(rd(dev, MSR), 0x11);
    wr(dev, MCR, 0x10 | 0x01); /* DTR -> DSR */
    CU_ASSERT_EQUAL(rd(dev, MSR), 0x23);
    wr(dev, MCR, 0x10 | 0x04); /* OUT1 -> RI */
    CU_ASSERT_EQUAL(rd(dev, MSR), 0x42);
    wr(dev, MCR, 0x10 | 0x08); /* OUT2 -> DCD; RI trailing edge */
    CU_ASSERT_EQUAL(rd(dev, MSR), 0x8c);
    wr(dev, MCR, 0xff);
    CU_ASSERT_EQUAL(rd(dev, MCR), 0x1f);
    CU_ASSERT_EQUAL(rd(dev, MSR) & 0xf0, 0xf0);
    done(&t, dev);
}

static void test_modem_status_interrupt_cleared_by_msr_read(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    wr(dev, MCR, 0x10);
    rd(dev, MSR);
    wr(dev, IER, 0x08);
    CU_ASSERT_FALSE(t.pin[0].level);
    wr(dev, MCR, 0x12);
    CU_ASSERT_TRUE(t.pin[0].level);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x00);
    rd(dev, MSR);
    CU_ASSERT_FALSE(t.pin[0].level);
    CU_ASSERT_EQUAL(rd(dev, IIR), 0x01);
    done(&t, dev);
}

static void test_scratch_and_writable_bits(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    wr(dev, SCR, 0xa5);
    CU_ASSERT_EQUAL(rd(dev, SCR), 0xa5);
    wr(dev, IER, 0xff);
    CU_ASSERT_EQUAL(rd(dev, IER), 0x0f);
    wr(dev, LCR, 0x1b);
    CU_ASSERT_EQUAL(rd(dev, LCR), 0x1b);
    done(&t, dev);
}

static void test_read_only_registers_log_writes(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    wr(dev, LSR, 0x00);
    wr(dev, MSR, 0x00);
    CU_ASSERT_EQUAL(t.guest_errors, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(t.last_error, "read-only MSR"));
    CU_ASSERT_EQUAL(rd(dev, LSR), 0x60);
    done(&t, dev);
}

static void test_reg_shift_spaces_registers(void)
{
    struct devtest t;
    struct device *dev = make(&t, DT("reg_shift=2"));
    CU_ASSERT_EQUAL(devtest_rd(dev, 5 * 4, 4), 0x60);
    CU_ASSERT_EQUAL(devtest_rd(dev, 2 * 4, 4), 0x01);
    devtest_wr(dev, 0, 4, 'w');
    CU_ASSERT_STRING_EQUAL(t.out, "w");
    CU_ASSERT_EQUAL(devtest_rd(dev, 1, 1), 0); /* between registers */
    CU_ASSERT_EQUAL(t.guest_errors, 1);
    CU_ASSERT_EQUAL(devtest_rd(dev, 8 * 4, 4), 0); /* past SCR */
    CU_ASSERT_EQUAL(t.guest_errors, 2);
    done(&t, dev);
}

static void test_wide_accesses_reach_byte_registers(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    CU_ASSERT_EQUAL(devtest_rd(dev, LSR, 4), 0x60);
    CU_ASSERT_EQUAL(devtest_rd(dev, SCR, 2), 0x00);
    devtest_wr(dev, RBR, 4, 0x12345641);
    CU_ASSERT_STRING_EQUAL(t.out, "A");
    CU_ASSERT_EQUAL(dev_ns16550.access_sizes, DEV_SZ1 | DEV_SZ2 | DEV_SZ4);
    done(&t, dev);
}

static void test_bad_parameters_are_rejected(void)
{
    struct devtest t;
    char err[256];
    devtest_init(&t, 0);
    CU_ASSERT_PTR_NULL(devtest_try_create(&t, &dev_ns16550, DT("reg_shift=5"), err,
                                          sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "reg_shift 5"));
    CU_ASSERT_PTR_NULL(devtest_try_create(&t, &dev_ns16550, DT("reg_shift=2", "size=16"), err,
                                          sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "too small"));
    devtest_fini(&t);
}

UNIT_MAIN("ns16550",
          T(test_reset_values),
          T(test_reset_restores_power_on_values),
          T(test_thr_write_prints_byte_and_stays_empty),
          T(test_dlab_selects_divisor_latches_without_printing),
          T(test_thre_interrupt_raised_when_enabled_and_cleared_by_iir_read),
          T(test_thr_write_reasserts_thre_interrupt),
          T(test_input_is_polled_every_100us_and_backs_off_while_idle),
          T(test_polling_stops_at_eof),
          T(test_non_fifo_mode_holds_one_byte_and_waits),
          T(test_fifo_fills_to_16_without_overrun),
          T(test_fifo_trigger_levels_1_4_8_14),
          T(test_character_timeout_below_trigger_level),
          T(test_no_timeout_in_non_fifo_mode),
          T(test_fcr_clears_receive_fifo),
          T(test_disabling_fifo_mode_empties_fifo),
          T(test_iir_reports_rx_before_thre),
          T(test_loopback_sends_thr_to_receiver),
          T(test_loopback_overrun_sets_oe_and_line_status_interrupt),
          T(test_loopback_msr_reflects_mcr_outputs),
          T(test_modem_status_interrupt_cleared_by_msr_read),
          T(test_scratch_and_writable_bits),
          T(test_read_only_registers_log_writes),
          T(test_reg_shift_spaces_registers),
          T(test_wide_accesses_reach_byte_registers),
          T(test_bad_parameters_are_rejected))
