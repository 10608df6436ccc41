#!/usr/bin/env bash
# Measures socsim's speed on the benchmark firmware and, when qemu-system-riscv32 is on PATH,
# compares it with QEMU on the same ELF. Best of 3 runs each.
#
#   scripts/bench.sh SOCSIM ELF
#
# BENCH_SOCSIM_ARGS adds options to socsim's command line; QEMU=none skips the comparison.
#
# socsim runs as "SOCSIM run virt32 ELF --stats" and must print "instructions: N" and
# "host seconds: S" lines (key: value) on stderr. QEMU cannot count instructions cheaply, so
# its MIPS figure is socsim's instruction count divided by QEMU's wall-clock time (QEMU's
# start-up is included; it is a few tens of milliseconds).
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 SOCSIM ELF" >&2
    exit 2
fi
socsim=$1
elf=$2
runs=${BENCH_RUNS:-3}
qemu=${QEMU:-qemu-system-riscv32}
for f in "$socsim" "$elf"; do
    [ -e "$f" ] || { echo "$0: $f not found" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/socsim-bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# "key: value" lookup in a stats file; prints the value's first word.
stat_value() {
    sed -n "s/^[[:space:]]*$2:[[:space:]]*\([^[:space:]]*\).*/\1/p" "$1" | head -n1
}

now() {
    date +%s.%N
}

best_socsim=""
insns=""
for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    if ! "$socsim" run virt32 "$elf" --stats ${BENCH_SOCSIM_ARGS:-} >"$tmp/out" 2>"$tmp/err"; then
        echo "$0: socsim run failed:" >&2
        cat "$tmp/out" "$tmp/err" >&2
        exit 1
    fi
    n=$(stat_value "$tmp/err" instructions)
    s=$(stat_value "$tmp/err" "host seconds")
    if [ -z "$n" ] || [ -z "$s" ]; then
        echo "$0: no 'instructions:' / 'host seconds:' lines in socsim's --stats output" >&2
        cat "$tmp/err" >&2
        exit 1
    fi
    if [ -n "$insns" ] && [ "$n" != "$insns" ]; then
        echo "$0: warning: instruction count changed between runs ($insns, $n)" >&2
    fi
    insns=$n
    if [ -z "$best_socsim" ] || awk -v a="$s" -v b="$best_socsim" 'BEGIN { exit !(a < b) }'; then
        best_socsim=$s
    fi
done
grep -E '^(socsim bench|bench:)' "$tmp/out"

socsim_mips=$(awk -v n="$insns" -v s="$best_socsim" 'BEGIN { printf "%.1f", n / s / 1e6 }')
echo "instructions: $insns"
echo "socsim: best of $runs: ${best_socsim}s, ${socsim_mips} MIPS"

if [ "$qemu" = none ]; then
    exit 0
fi
if ! command -v "$qemu" >/dev/null; then
    echo "qemu: $qemu not on PATH, no comparison"
    exit 0
fi

best_qemu=""
for _ in $(seq "$runs"); do
    t0=$(now)
    timeout 120 "$qemu" -M virt -bios none -nographic -kernel "$elf" </dev/null >"$tmp/qout" 2>&1
    status=$?
    t1=$(now)
    if [ "$status" -ne 0 ]; then
        echo "$0: qemu run failed with status $status:" >&2
        cat "$tmp/qout" >&2
        exit 1
    fi
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    if [ -z "$best_qemu" ] || awk -v a="$s" -v b="$best_qemu" 'BEGIN { exit !(a < b) }'; then
        best_qemu=$s
    fi
done
qemu_mips=$(awk -v n="$insns" -v s="$best_qemu" 'BEGIN { printf "%.1f", n / s / 1e6 }')
ratio=$(awk -v a="$socsim_mips" -v b="$qemu_mips" 'BEGIN { printf "%.2f", a / b }')
echo "qemu: best of $runs: ${best_qemu}s wall clock, ${qemu_mips} MIPS (socsim's instruction count / QEMU time)"
echo "socsim/qemu speed ratio: $ratio"
