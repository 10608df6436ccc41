#!/usr/bin/env bash
# Runs the ISA tests listed in tests/isa/*.list (see docs/testing.md, "ISA tests").
#
#   tests/isa/run.sh SOCSIM ISA_BUILD_DIR [NAME...]      run under socsim (the default)
#   RUNNER=qemu tests/isa/run.sh - ISA_BUILD_DIR [NAME...]  run under qemu-system-riscv32/64 -M spike
#
# List columns, separated by '|':
#   name | xlens (32,64 or 32 or 64) | extra socsim options | qemu
# The qemu column holds extra QEMU options, or "skip: reason" when QEMU 7.2 legitimately
# differs. Each test is NAME.rv32.elf / NAME.rv64.elf in ISA_BUILD_DIR and must exit 0.
# Under socsim it runs on virt32 / virt64 (or tests/isa/[priv/]NAME.rvXX.yaml when that
# exists), whose harts have every extension the tests are built for (rv32/rv64 gc + Zba, Zbb,
# Zbs); 64-bit runs are reported "not runnable yet" while platforms/virt64.yaml is missing.
# A failing test's exit status is its case number or trap code (tests/isa/common/isa.h).
# Environment: TESTS_LISTS (lists to run, default tests/isa/*.list), TIMEOUT (seconds, 20),
# QEMU32 / QEMU64 (QEMU binaries), SOCSIM_ISA32 / SOCSIM_ISA64 (if set, hart0's isa is set
# to it with --set, unless the test's options set an isa).
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 SOCSIM ISA_BUILD_DIR [TEST...]  (RUNNER=qemu to use QEMU)" >&2
    exit 2
fi
socsim=$1
dir=$2
[ -d "$dir" ] || { echo "$0: $dir: no such directory (make isa-tests)" >&2; exit 2; }
dir=$(cd "$dir" && pwd)
shift 2
only=" $* "
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runner=${RUNNER:-socsim}
timeout_s=${TIMEOUT:-20}
qemu32=${QEMU32:-qemu-system-riscv32}
qemu64=${QEMU64:-qemu-system-riscv64}
isa32=${SOCSIM_ISA32:-}
isa64=${SOCSIM_ISA64:-}
# QEMU 7.2's default rv32/rv64 CPU: name the extensions the tests are built for.
qemu_cpu32="rv32,zba=true,zbb=true,zbs=true"
qemu_cpu64="rv64,zba=true,zbb=true,zbs=true"
lists=${TESTS_LISTS:-$(ls "$here"/*.list 2>/dev/null)}

case $runner in
socsim) [ -x "$socsim" ] || { echo "$0: $socsim is not executable" >&2; exit 2; } ;;
qemu)
    for q in "$qemu32" "$qemu64"; do
        command -v "$q" >/dev/null || { echo "$0: $q not found" >&2; exit 2; }
    done
    ;;
*) echo "$0: RUNNER must be socsim or qemu" >&2; exit 2 ;;
esac

have_virt64=0
[ -f "$root/platforms/virt64.yaml" ] && have_virt64=1

trim() {
    local s=$1
    s=${s#"${s%%[![:space:]]*}"}
    s=${s%"${s##*[![:space:]]}"}
    printf '%s' "$s"
}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/socsim-isa.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT

passed=0
failed=0
skipped=0
notrun=0

for list in $lists; do
    while IFS= read -r line || [ -n "$line" ]; do
        case $(trim "$line") in '' | '#'*) continue ;; esac
        IFS='|' read -r f_name f_xlens f_opts f_qemu <<<"$line"
        name=$(trim "$f_name")
        xlens=$(trim "$f_xlens")
        opts=$(trim "${f_opts:-}")
        qemu_col=$(trim "${f_qemu:-}")
        if [ "$only" != "  " ] && [[ $only != *" $name "* ]]; then
            continue
        fi
        srcdir=$here
        [ -f "$here/$name.S" ] || srcdir=$here/priv
        for xlen in ${xlens//,/ }; do
            id=$name.rv$xlen
            elf=$dir/$id.elf
            out=$scratch/$id.out
            if [ "$runner" = qemu ]; then
                if [[ $qemu_col == skip* ]]; then
                    echo "SKIP $id: $(trim "${qemu_col#skip:}")"
                    skipped=$((skipped + 1))
                    continue
                fi
                if [ "$xlen" = 32 ]; then q=$qemu32 cpu=$qemu_cpu32; else q=$qemu64 cpu=$qemu_cpu64; fi
                [[ $qemu_col == *"-cpu "* ]] && cpu="" || cpu="-cpu $cpu"
                # shellcheck disable=SC2086 # option strings are meant to split into words
                [ -f "$elf" ] && timeout "$timeout_s" "$q" -M spike -nographic -bios none $cpu \
                    $qemu_col -kernel "$elf" </dev/null >"$out" 2>&1
                status=$?
            else
                if [ "$xlen" = 64 ] && [ $have_virt64 = 0 ] && [ ! -f "$srcdir/$id.yaml" ]; then
                    echo "NOT RUN $id: platforms/virt64.yaml does not exist yet"
                    notrun=$((notrun + 1))
                    continue
                fi
                platform=virt$xlen
                [ -f "$srcdir/$id.yaml" ] && platform=$srcdir/$id.yaml
                isaopt=()
                if [[ $opts != *"isa="* ]]; then
                    if [ "$xlen" = 32 ] && [ -n "$isa32" ]; then isaopt=(--set "cpus.hart0.isa=$isa32"); fi
                    if [ "$xlen" = 64 ] && [ -n "$isa64" ]; then isaopt=(--set "cpus.hart0.isa=$isa64"); fi
                fi
                # shellcheck disable=SC2086
                [ -f "$elf" ] && timeout $((timeout_s + 10)) "$socsim" run "$platform" "$elf" -q \
                    --timeout "$timeout_s" "${isaopt[@]}" $opts </dev/null >"$out" 2>&1
                status=$?
            fi
            if [ ! -f "$elf" ]; then
                echo "FAIL $id: missing $elf (make isa-tests)"
                failed=$((failed + 1))
            elif [ "$status" = 0 ]; then
                echo "PASS $id"
                passed=$((passed + 1))
            else
                case $status in
                124) why="timed out" ;;
                *) why="exit status $status" ;;
                esac
                if [ "$status" -ge 1 ] && [ "$status" -le 191 ]; then
                    why="$why (case $status)"
                elif [ "$status" -ge 192 ] && [ "$status" -le 223 ]; then
                    why="$why (unexpected exception, mcause $((status - 192)))"
                elif [ "$status" -ge 224 ] && [ "$status" -le 239 ]; then
                    why="$why (unexpected interrupt, cause $((status - 224)))"
                fi
                echo "FAIL $id: $why"
                sed 's/^/    /' "$out" | head -n 20
                failed=$((failed + 1))
            fi
        done
    done <"$list"
done

[ "$skipped" -eq 0 ] || echo "$skipped skipped under $runner"
[ "$notrun" -eq 0 ] || echo "$notrun not runnable yet (no platforms/virt64.yaml)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
