#!/bin/bash
# Run every test stage against the build in $1 and print one combined closing line.
BUILD=${1:-build}
SOCSIM=$BUILD/socsim
total_pass=0; total_fail=0; failed_stages=()

stage() {
    local name=$1; shift
    echo "== $name"
    local out rc
    out=$("$@" 2>&1); rc=$?
    printf '%s\n' "$out"
    local line p f
    line=$(printf '%s\n' "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -1)
    p=$(printf '%s' "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
    f=$(printf '%s' "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
    if [ $rc -ne 0 ] && [ "${f:-0}" = 0 ]; then f=1; fi
    total_pass=$((total_pass + ${p:-0})); total_fail=$((total_fail + ${f:-0}))
    [ $rc -ne 0 ] && failed_stages+=("$name")
}

stage "unit tests (CUnit)" scripts/run-unit.sh $(find "$BUILD/tests/unit" -name "test_*" ! -name "*.d" -type f | sort)
stage "platform files" tests/platform/run.sh "$SOCSIM"
stage "command line" tests/cli/run.sh "$SOCSIM" "$BUILD"
stage "firmware" tests/firmware/run.sh "$SOCSIM" "$BUILD/fw/tests"
[ -x tests/isa/run.sh ] && stage "ISA tests" tests/isa/run.sh "$SOCSIM" "$BUILD/isa"
[ -x tests/gdb/run.sh ] && stage "GDB stub (gdb-multiarch)" tests/gdb/run.sh "$SOCSIM" "$BUILD/gdb"
[ -x tests/sbi/run.sh ] && stage "S-mode payloads under OpenSBI" tests/sbi/run.sh "$SOCSIM" "$BUILD/sbi"
[ -x tests/boot/run.sh ] && stage "firmware stacks (OpenSBI, U-Boot)" tests/boot/run.sh "$SOCSIM"

echo "=="
[ ${#failed_stages[@]} -gt 0 ] && echo "failed stages: ${failed_stages[*]}"
echo "all tests: $total_pass passed, $total_fail failed"
[ $total_fail -eq 0 ] && [ ${#failed_stages[@]} -eq 0 ]
