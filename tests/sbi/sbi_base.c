/* SBI base extension (SBI spec v1.0, chapter 4) and the calls every other test relies on.
 *
 * Expected values: spec version with bit 31 clear and at least 0.2 (the v0.2 calling
 * convention this suite uses); implementation id 1 = OpenSBI (the spec's table of
 * implementation IDs); probe_extension gives a nonzero value for BASE, TIME, IPI, RFENCE,
 * HSM, SRST and the legacy putchar, and 0 for an unknown id; calling an unknown extension,
 * or an unknown function of the base extension, fails with SBI_ERR_NOT_SUPPORTED (-2);
 * hart_get_status of an id that is no hart fails with SBI_ERR_INVALID_PARAM (-3), and so does
 * system_reset with a reserved reset type or reason (10.1; the run going on proves it
 * returned); RFENCE on this hart succeeds; the legacy console_getchar with nothing typed
 * returns -1. mvendorid/marchid/mimpid are the hart's CSRs, which the platform sets (socsim:
 * 0 unless cpus.<hart>.mvendorid/marchid/mimpid are set); the run passes the values it
 * expects in the kernel command line, /chosen/bootargs: "mvendorid=... marchid=...
 * mimpid=...", absent = 0. The spec and implementation versions are printed as "info:"
 * lines, which tests/sbi/run.sh compares with OpenSBI's own banner ("Runtime SBI Version",
 * "OpenSBI vX.Y").
 */
#include "sbi.h"

TEST_NAME("sbi_base");

#define EXT_UNKNOWN 0x58595A5A /* "XYZZ": no extension has this id */

void test_main(unsigned long hartid, const void *dtb)
{
    struct sbiret r;

    check(fdt_valid(dtb), "a1 at entry points to a device tree (magic 0xd00dfeed) at %p", dtb);
    unsigned long harts[MAX_HARTS];
    int n = fdt_harts(dtb, harts, MAX_HARTS);
    int found = 0;
    for (int i = 0; i < n; i++)
        found |= harts[i] == hartid;
    check(found, "a0 at entry (%lu) is the id of a hart in the tree's /cpus (%d harts)",
          hartid, n);

    r = sbi_call(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0, 0);
    unsigned long major = ((unsigned long)r.value >> 24) & 0x7f;
    unsigned long minor = (unsigned long)r.value & 0xffffff;
    check_eq(r.error, SBI_SUCCESS, "get_spec_version succeeds");
    check(((unsigned long)r.value >> 31) == 0, "spec version %#lx: bit 31 (reserved) is 0",
          r.value);
    check(major > 0 || minor >= 2, "spec version %lu.%lu is at least 0.2", major, minor);
    note("SBI spec version %lu.%lu", major, minor);

    r = sbi_call(SBI_EXT_BASE, SBI_BASE_GET_IMPL_ID, 0, 0, 0);
    check_eq(r.error, SBI_SUCCESS, "get_impl_id succeeds");
    check_eq(r.value, SBI_IMPL_OPENSBI, "implementation id is 1 (OpenSBI)");

    r = sbi_call(SBI_EXT_BASE, SBI_BASE_GET_IMPL_VERSION, 0, 0, 0);
    check_eq(r.error, SBI_SUCCESS, "get_impl_version succeeds");
    /* OpenSBI encodes its version as major << 16 | minor */
    note("implementation version %lu.%lu", (unsigned long)r.value >> 16,
         (unsigned long)r.value & 0xffff);

    static const struct {
        unsigned long id;
        const char *name;
    } present[] = {
        {SBI_EXT_BASE, "BASE (0x10)"},
        {SBI_EXT_TIME, "TIME (0x54494d45)"},
        {SBI_EXT_IPI, "IPI (0x735049)"},
        {SBI_EXT_RFENCE, "RFENCE (0x52464e43)"},
        {SBI_EXT_HSM, "HSM (0x48534d)"},
        {SBI_EXT_SRST, "SRST (0x53525354)"},
        {SBI_EXT_LEGACY_PUTCHAR, "legacy console_putchar (0x01)"},
    };
    for (unsigned i = 0; i < sizeof(present) / sizeof(present[0]); i++) {
        r = sbi_call(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, present[i].id, 0, 0);
        check(r.error == SBI_SUCCESS && r.value != 0,
              "probe_extension(%s): present (error %ld, value %ld)", present[i].name, r.error,
              r.value);
    }
    r = sbi_call(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, EXT_UNKNOWN, 0, 0);
    check(r.error == SBI_SUCCESS && r.value == 0,
          "probe_extension(0x%x, unknown): error 0, value 0 (error %ld, value %ld)",
          EXT_UNKNOWN, r.error, r.value);
    r = sbi_call(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, SBI_EXT_DBCN, 0, 0);
    note("probe_extension(DBCN) = %ld (the debug console is SBI 2.0, OpenSBI 1.3)", r.value);
    r = sbi_call(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, SBI_EXT_PMU, 0, 0);
    note("probe_extension(PMU) = %ld", r.value);

    r = sbi_call(EXT_UNKNOWN, 0, 0, 0, 0);
    check_eq(r.error, (unsigned long)SBI_ERR_NOT_SUPPORTED,
             "a call to the unknown extension 0x%x fails with SBI_ERR_NOT_SUPPORTED",
             EXT_UNKNOWN);
    r = sbi_call(SBI_EXT_BASE, 99, 0, 0, 0);
    check_eq(r.error, (unsigned long)SBI_ERR_NOT_SUPPORTED,
             "base extension function 99 (none) fails with SBI_ERR_NOT_SUPPORTED");

    unsigned long want_vendor = bootarg(dtb, "mvendorid", 0);
    unsigned long want_arch = bootarg(dtb, "marchid", 0);
    unsigned long want_imp = bootarg(dtb, "mimpid", 0);
    r = sbi_call(SBI_EXT_BASE, SBI_BASE_GET_MVENDORID, 0, 0, 0);
    check_eq(r.error, SBI_SUCCESS, "get_mvendorid succeeds");
    check_eq(r.value, want_vendor, "mvendorid through SBI is the platform's");
    r = sbi_call(SBI_EXT_BASE, SBI_BASE_GET_MARCHID, 0, 0, 0);
    check_eq(r.error, SBI_SUCCESS, "get_marchid succeeds");
    check_eq(r.value, want_arch, "marchid through SBI is the platform's");
    r = sbi_call(SBI_EXT_BASE, SBI_BASE_GET_MIMPID, 0, 0, 0);
    check_eq(r.error, SBI_SUCCESS, "get_mimpid succeeds");
    check_eq(r.value, want_imp, "mimpid through SBI is the platform's");

    r = sbi_hart_status(hartid);
    check(r.error == SBI_SUCCESS && r.value == SBI_HSM_STARTED,
          "hart_get_status(self = %lu): STARTED (error %ld, value %ld)", hartid, r.error,
          r.value);
    r = sbi_hart_status(4000);
    check_eq(r.error, (unsigned long)SBI_ERR_INVALID_PARAM,
             "hart_get_status(4000, no such hart) fails with SBI_ERR_INVALID_PARAM");

    /* RFENCE on this hart alone (hart_mask = 1 << (hartid - base), base = hartid) */
    r = sbi_call(SBI_EXT_RFENCE, 0, 1, hartid, 0);
    check_eq(r.error, SBI_SUCCESS, "remote_fence_i on this hart succeeds");
    r = sbi_call(SBI_EXT_RFENCE, 1, 1, hartid, 0); /* start 0, size 0 */
    check_eq(r.error, SBI_SUCCESS, "remote_sfence_vma on this hart succeeds");

    /* SRST with reserved values must fail and return (spec 10.1: reset types 3..0xEFFFFFFF
     * and reasons 2..0xDFFFFFFF are reserved): SBI_ERR_INVALID_PARAM */
    r = sbi_system_reset(3, SBI_SRST_REASON_NONE);
    check_eq(r.error, (unsigned long)SBI_ERR_INVALID_PARAM,
             "system_reset(type 3, reserved) fails with SBI_ERR_INVALID_PARAM");
    r = sbi_system_reset(SBI_SRST_SHUTDOWN, 2);
    check_eq(r.error, (unsigned long)SBI_ERR_INVALID_PARAM,
             "system_reset(shutdown, reason 2, reserved) fails with SBI_ERR_INVALID_PARAM");

    /* legacy console_getchar (0x02): nothing typed (stdin is /dev/null) gives -1 */
    r = sbi_call(0x02, 0, 0, 0, 0);
    check_eq(r.error, (unsigned long)-1L, "legacy console_getchar with no input returns -1");

    test_done();
}
