#!/usr/bin/env bash
# S-mode payloads under the real OpenSBI: the privileged machinery (S-mode, delegation,
# interrupts, Sv39, PMP, misaligned-access traps, several harts) exercised by real M-mode
# firmware, not only by our own tests.
#
#   tests/sbi/run.sh SOCSIM SBI_BUILD_DIR [NAME...]        under socsim (the "S-mode payloads
#                                                          under OpenSBI" stage of make test)
#   RUNNER=qemu tests/sbi/run.sh - SBI_BUILD_DIR [NAME...]  the same payloads on QEMU, to compare
#
# Each test is a small bare-metal RV64 S-mode program, tests/sbi/NAME.c (+ NAME.S), linked at
# 0x80200000 with tests/sbi/common/ into SBI_BUILD_DIR/NAME.elf (`make sbi-tests`, mk/sbi.mk).
# It runs as
#   socsim run platforms/virt64.yaml --bios fw_jump.elf --kernel NAME.elf [options]
#   qemu-system-riscv64 -M virt -nographic -bios fw_jump.elf -kernel NAME.elf [options]
# with Debian's OpenSBI 1.1 (package opensbi; OPENSBI=FILE to use another fw_jump.elf), which
# enters the payload in S-mode at 0x80200000 with a0 = hartid and a1 = the device tree. The
# payload talks to OpenSBI through SBI calls only (v0.2+ convention: a7 = extension, a6 =
# function; output through the legacy console_putchar, OpenSBI 1.1 has no DBCN), prints
# "checked: WHAT" for every check it makes ("FAIL: WHAT: got X, want Y" when one fails) and
# ends with "sbi-test NAME: all N checks passed" and SBI SRST shutdown, which OpenSBI turns
# into the sifive_test finisher's 0x5555: exit status 0. A failing payload prints "sbi-test
# NAME: M of N checks FAILED" and writes the finisher's FAIL code itself (status 1): OpenSBI
# 1.1's sifive_test driver ignores the SRST reason, so a "system failure" shutdown also exits
# 0, and a reboot restarts the payload forever. A run passes when the status is 0, the "all N
# checks passed" line is there and no line starts with "FAIL"; for payloads that print
# "info: SBI spec version X.Y" / "info: implementation version X.Y" these must also match
# OpenSBI's banner ("Runtime SBI Version", "OpenSBI vX.Y").
#
# The tests (each file's header says exactly what it checks and where the expected values
# come from):
#   sbi_base        base extension: spec/impl version and id, probe, unknown extension and
#                   function (-2), mvendorid/marchid/mimpid = the platform's, HSM status of
#                   self, RFENCE, reserved SRST values (-3), legacy getchar
#   sbi_timer       set_timer: S-timer interrupt (scause = interrupt | 5) not before the
#                   deadline, from wfi too; STIP pending with SIE clear, cleared by a timer
#                   set far ahead or to infinity; masked by sie.STIE
#   traps           medeleg vs OpenSBI's redirection: PMP access faults on OpenSBI's image and
#                   the CLINT, ebreak, an illegal CSR access
#   misaligned      every load/store width (integer, F/D, compressed) at every misaligned
#                   offset and across a page: spec values, no trap in S-mode; run with
#                   misaligned: trap (OpenSBI emulates; checked by the instructions one access
#                   retires) and misaligned: emulate (the hart does it)
#   misaligned_amo  misaligned amoadd.w / lr.w: not emulated, reach S-mode as 6 / 4
#   paging          Sv39: translation, page faults (invalid, read-only, non-canonical,
#                   misaligned superpage, W without R, U pages and SUM, X-only and MXR), A/D,
#                   sfence.vma, misaligned accesses through the MMU (OpenSBI's MPRV path)
#   smp             HSM start/status/stop/restart, entry registers, IPIs both ways (mask,
#                   hart_mask_base = -1), exact amoadd totals across 4 and 8 harts
# The shutdown at the end needs socsim's sifive_test to take OpenSBI's 16-bit store (writew):
# QEMU's accepts 2- and 4-byte writes.
#
# tests.list: one run per line, "name | label | socsim options | qemu" (see the file); the
# same test may run several times with different options (e.g. misaligned: trap / emulate).
# Output: "PASS NAME (label): N checks" or "FAIL NAME (label): why" plus the payload's FAIL
# lines and the end of its output, then "N passed, M failed"; the status is nonzero on any
# failure. Missing OpenSBI (Debian package opensbi, which make deps installs) is a failure.
# A new test: tests/sbi/NAME.c with TEST_NAME("NAME"), test_main(hartid, dtb) making its
# checks (check, check_eq; tests/sbi/common/sbi.h) and ending with test_done(); a line in
# tests.list; and its QEMU result next to it.
# Environment: TIMEOUT (host seconds per run, default 15), OPENSBI, QEMU (qemu-system-riscv64),
# TESTS_LIST (default tests/sbi/tests.list).
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 SOCSIM SBI_BUILD_DIR [NAME...]  (RUNNER=qemu to use QEMU)" >&2
    exit 2
fi
socsim=$1
dir=$2
shift 2
only=" $* "
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runner=${RUNNER:-socsim}
timeout_s=${TIMEOUT:-15}
opensbi=${OPENSBI:-/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf}
qemu=${QEMU:-qemu-system-riscv64}
list=${TESTS_LIST:-$here/tests.list}
platform=$root/platforms/virt64.yaml

case $runner in
socsim) [ -x "$socsim" ] || { echo "$0: $socsim is not executable" >&2; exit 2; } ;;
qemu) command -v "$qemu" >/dev/null || { echo "$0: $qemu not found" >&2; exit 2; } ;;
*) echo "$0: RUNNER must be socsim or qemu" >&2; exit 2 ;;
esac

passed=0
failed=0
skipped=0

bad() { # TITLE WHY [DETAIL]
    failed=$((failed + 1))
    echo "FAIL $1: $2"
    [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/    /'
}

if [ ! -r "$opensbi" ]; then
    bad "OpenSBI" "$opensbi not found (Debian package opensbi: apt-get install opensbi)"
    echo "$passed passed, $failed failed"
    exit 1
fi
if [ ! -d "$dir" ]; then
    bad "payloads" "$dir: no such directory (make sbi-tests)"
    echo "$passed passed, $failed failed"
    exit 1
fi
dir=$(cd "$dir" && pwd)
if [ "$runner" = socsim ] && [ ! -f "$platform" ]; then
    bad "virt64" "$platform does not exist"
    echo "$passed passed, $failed failed"
    exit 1
fi

trim() {
    local s=$1
    s=${s#"${s%%[![:space:]]*}"}
    s=${s%"${s##*[![:space:]]}"}
    printf '%s' "$s"
}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/socsim-sbi.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT

# The banner's values, for the payloads' "info:" lines.
banner_check() { # OUTFILE -> prints what does not match, if anything
    local out=$1 want got
    got=$(sed -n 's/^info: SBI spec version \([0-9.]*\)\r*$/\1/p' "$out" | head -1)
    want=$(sed -n 's/^Runtime SBI Version *: *\([0-9.]*\)\r*$/\1/p' "$out" | head -1)
    if [ -n "$got" ] && [ "$got" != "$want" ]; then
        echo "get_spec_version says $got, OpenSBI's banner 'Runtime SBI Version' says '$want'"
    fi
    got=$(sed -n 's/^info: implementation version \([0-9.]*\)\r*$/\1/p' "$out" | head -1)
    want=$(sed -n 's/^OpenSBI v\([0-9.]*\)\r*$/\1/p' "$out" | head -1)
    if [ -n "$got" ] && [ "$got" != "$want" ]; then
        echo "get_impl_version says $got, OpenSBI's banner says 'OpenSBI v$want'"
    fi
}

n=0
while IFS= read -r line || [ -n "$line" ]; do
    case $(trim "$line") in '' | '#'*) continue ;; esac
    IFS='|' read -r f_name f_label f_opts f_qemu <<<"$line"
    name=$(trim "$f_name")
    label=$(trim "${f_label:-}")
    opts=$(trim "${f_opts:-}")
    qemu_col=$(trim "${f_qemu:-}")
    if [ "$only" != "  " ] && [[ $only != *" $name "* ]]; then
        continue
    fi
    title=$name
    [ -n "$label" ] && title="$name ($label)"
    n=$((n + 1))
    elf=$dir/$name.elf
    out=$scratch/$n.out
    err=$scratch/$n.err
    if [ ! -f "$elf" ]; then
        bad "$title" "$elf not built (make sbi-tests)"
        continue
    fi

    if [ "$runner" = qemu ]; then
        if [[ $qemu_col == skip* ]]; then
            echo "SKIP $title: $(trim "${qemu_col#skip:}")"
            skipped=$((skipped + 1))
            continue
        fi
        eval "extra=($qemu_col)"
        timeout -k 2 "$timeout_s" "$qemu" -M virt -nographic -bios "$opensbi" -kernel "$elf" \
            "${extra[@]}" </dev/null >"$out" 2>"$err"
        status=$?
    else
        eval "extra=($opts)"
        timeout -k 2 "$timeout_s" "$socsim" run "$platform" --bios "$opensbi" --kernel "$elf" \
            "${extra[@]}" </dev/null >"$out" 2>"$err"
        status=$?
    fi

    summary=$(grep -aE "^sbi-test $name: " "$out" | tr -d '\r' | tail -1)
    fails=$(grep -aE '^FAIL' "$out" | tr -d '\r')
    mismatch=$(banner_check "$out")
    checks=$(printf '%s' "$summary" | sed -n 's/.*: all \([0-9]*\) checks passed$/\1/p')
    if [ "$status" = 0 ] && [ -n "$checks" ] && [ -z "$fails" ] && [ -z "$mismatch" ]; then
        passed=$((passed + 1))
        echo "PASS $title: $checks checks"
        continue
    fi
    case $status in
    0) why="exit status 0 but ${summary:-no 'sbi-test $name:' line}" ;;
    124 | 137) why="timed out after $timeout_s s" ;;
    3) why="exit status 3: every hart waits for an interrupt (hung)" ;;
    *) why="exit status $status${summary:+: $summary}" ;;
    esac
    [ -n "$mismatch" ] && why="$why; $mismatch"
    # The payload's FAIL lines, OpenSBI's own trap report (cause, tval, pc) if it died, and
    # the last lines of the console.
    detail=$fails
    firmware=$(tr -d '\r' <"$out" | grep -a -m3 '^sbi_trap_error: ')
    [ -n "$firmware" ] && detail="${detail:+$detail$'\n'}--- OpenSBI:"$'\n'$firmware
    detail="${detail:+$detail$'\n'}--- last lines of the console:"$'\n'$(tr -d '\r' <"$out" |
        grep -avE '^(checked|sbi_trap_error): ' | tail -4)
    if [ -s "$err" ]; then
        detail="$detail"$'\n'"--- stderr:"$'\n'$(sort "$err" | uniq -c | sort -rn | head -5 |
            sed 's/^ *1 //; s/^ *\([0-9]*\) \(.*\)/\2   (x\1)/')
    fi
    bad "$title" "$why" "$detail"
done <"$list"

if [ "$runner" = qemu ]; then
    echo "$passed passed, $failed failed, $skipped skipped (QEMU)"
else
    echo "$passed passed, $failed failed"
fi
[ $failed -eq 0 ]
