#!/usr/bin/env bash
# Runs the self-checking guest firmware listed in tests/firmware/tests.list.
#
#   tests/firmware/run.sh SOCSIM FWDIR [NAME...]     run under socsim (the default)
#   RUNNER=qemu tests/firmware/run.sh - FWDIR        run the same list under QEMU 7.x
#
# tests.list columns, separated by '|':
#   name | extra socsim options | expected exit status | stdin file or - | stdout regexes | qemu
# (stdout regexes: extended regexes separated by "&&", each must match a line of the output)
# The last column says how QEMU runs the test: empty for plain -M virt, extra QEMU options
# (e.g. "-M spike", "-semihosting-config enable=on,target=native"), or "skip: reason" when
# QEMU's behaviour legitimately differs from socsim's. @TMPDIR@ in the socsim options becomes
# a fresh directory; QEMU runs with that directory as its working directory. Under QEMU the
# output checked is stdout followed by stderr, because QEMU prints semihosting output there.
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 SOCSIM FWDIR [TEST...]  (RUNNER=qemu to use qemu-system-riscv32)" >&2
    exit 2
fi
socsim=$1
fwdir=$(cd "$2" && pwd) || exit 2
shift 2
only=" $* "
here=$(cd "$(dirname "$0")" && pwd)
list=${TESTS_LIST:-$here/tests.list}
runner=${RUNNER:-socsim}
timeout_s=20
qemu=${QEMU:-qemu-system-riscv32}

case $runner in
socsim) [ -x "$socsim" ] || { echo "$0: $socsim is not executable" >&2; exit 2; } ;;
qemu) command -v "$qemu" >/dev/null || { echo "$0: $qemu not found" >&2; exit 2; } ;;
*) echo "$0: RUNNER must be socsim or qemu" >&2; exit 2 ;;
esac

trim() {
    local s=$1
    s=${s#"${s%%[![:space:]]*}"}
    s=${s%"${s##*[![:space:]]}"}
    printf '%s' "$s"
}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/socsim-fw.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT

passed=0
failed=0
skipped=0

while IFS= read -r line || [ -n "$line" ]; do
    case $(trim "$line") in '' | '#'*) continue ;; esac
    IFS='|' read -r f_name f_opts f_status f_stdin f_pattern f_qemu <<<"$line"
    name=$(trim "$f_name")
    opts=$(trim "$f_opts")
    want=$(trim "$f_status")
    stdin_file=$(trim "$f_stdin")
    pattern=$(trim "${f_pattern:-}")
    qemu_col=$(trim "${f_qemu:-}")
    if [ "$only" != "  " ] && [[ $only != *" $name "* ]]; then
        continue
    fi

    elf=$fwdir/$name.elf
    if [ "$stdin_file" = - ] || [ -z "$stdin_file" ]; then
        input=/dev/null
    else
        input=$here/$stdin_file
    fi
    work=$scratch/$name
    mkdir -p "$work/root"
    opts=${opts//@TMPDIR@/$work/root}
    out=$work/stdout
    err=$work/stderr

    if [ "$runner" = qemu ]; then
        if [[ $qemu_col == skip* ]]; then
            echo "SKIP $name: ${qemu_col#skip:}" | sed 's/: */: /'
            skipped=$((skipped + 1))
            continue
        fi
        machine="-M virt"
        [[ $qemu_col == *"-M "* ]] && machine=""
        # shellcheck disable=SC2086 # option strings are meant to split into words
        (cd "$work/root" && timeout $((timeout_s + 5)) "$qemu" $machine -bios none -nographic \
            $qemu_col -kernel "$elf" <"$input" >"$out" 2>"$err")
        status=$?
        # QEMU sends semihosting console output to stderr; socsim puts it on stdout.
        cat "$err" >>"$out"
    else
        # shellcheck disable=SC2086
        platform=virt32
        [ -f "$here/$name.yaml" ] && platform=$here/$name.yaml
        timeout $((timeout_s + 10)) "$socsim" run "$platform" "$elf" -q --timeout "$timeout_s" $opts \
            <"$input" >"$out" 2>"$err"
        status=$?
    fi

    why=""
    if [ ! -f "$elf" ]; then
        why="missing $elf"
    elif [ "$status" != "$want" ]; then
        why="status $status expected $want"
    else
        # Several regexes may be given, separated by "&&"; each must match some line.
        rest=$pattern
        while [ -n "$rest" ]; do
            one=$(trim "${rest%%&&*}")
            if [[ $rest == *"&&"* ]]; then rest=${rest#*&&}; else rest=""; fi
            if [ -n "$one" ] && ! grep -Eq -- "$one" "$out"; then
                why="output does not match /$one/"
                break
            fi
        done
    fi

    if [ -z "$why" ]; then
        first=$(grep -m1 '^checked: ' "$out" | sed 's/^checked: //')
        [ -n "$first" ] || first=$(head -n1 "$out" | tr -d '\r')
        echo "PASS $name: $first"
        passed=$((passed + 1))
    else
        echo "FAIL $name: $why"
        echo "---- stdout ----"
        sed 's/^/  /' "$out"
        if [ "$runner" = socsim ]; then
            echo "---- stderr ----"
            sed 's/^/  /' "$err"
        fi
        echo "----------------"
        failed=$((failed + 1))
    fi
done <"$list"

[ "$skipped" -eq 0 ] || echo "$skipped skipped under $runner"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
