#!/usr/bin/env bash
# Speed of the GDB stub as gdb-multiarch sees it, timed inside gdb (its Python):
#   stepi round trip: `stepi 10000` in spin.rv32.elf's loop on virt32, divided by 10000
#   vCont;s round trip: the stub's single step alone, 10000 "maintenance packet vCont;s:1"
#   load 1 MiB:       `load big.rv32.elf` (spin plus 1 MiB of data, tests/gdb/blob.S)
# Both over a Unix socket.
#
#   tests/gdb/bench.sh SOCSIM GDB_BUILD_DIR
#
# Prints "stepi round trip: N us", "vCont;s round trip (maintenance packet): N us" and
# "load 1 MiB: N ms"; exit status 1 if one could not be measured. STEPS (default 10000) changes the number of steps.
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 SOCSIM GDB_BUILD_DIR" >&2
    exit 2
fi
SOCSIM=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(cd "$2" 2>/dev/null && pwd) || { echo "$0: $2: no such directory (make gdb-tests)" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.." || exit 2
steps=${STEPS:-10000}

[ -x "$SOCSIM" ] || { echo "$0: $SOCSIM is not executable" >&2; exit 2; }
. "$here/lib.sh"

status=0

# timed TAG ELF SETUP... -- COMMAND: seconds COMMAND takes, after the SETUP commands.
timed() {
    local tag=$1 elf=$2
    shift 2
    start_sim "$tag" unix virt32 "$elf" -S || { echo "$tag: $sim_why" >&2; return 1; }
    gdb_begin
    mark setup
    g "target remote $target"
    while [ "$1" != -- ]; do g "$1"; shift; done
    shift
    mark timed
    g 'python import time; t0 = time.perf_counter()'
    g "$1"
    g 'python print("@@ seconds %.6f" % (time.perf_counter() - t0))'
    g 'kill'
    gdb_run "$tag" "$elf"
    wait_sim 5
    seconds=$(sed -n 's/^@@ seconds //p' "$gout")
    if [ -z "$seconds" ]; then
        echo "$tag: not measured; gdb's output:" >&2
        tail -20 "$gout" | sed 's/^/    | /' >&2
        return 1
    fi
    if grep -qE '^(Remote connection closed|Cannot|Couldn.t|Error|Warning)' "$gout"; then
        echo "$tag: gdb reported a problem:" >&2
        grep -E '^(Remote connection closed|Cannot|Couldn.t|Error|Warning)' "$gout" |
            sed 's/^/    | /' >&2
        return 1
    fi
}

if timed stepi "$dir/spin.rv32.elf" 'break main' 'continue' 'delete' -- "stepi $steps"; then
    awk -v s="$seconds" -v n="$steps" 'BEGIN { printf "stepi round trip: %.1f us\n", s * 1e6 / n }'
else
    status=1
fi

# The stub's own single step, without gdb's software stepping around it (gdb 13 steps RISC-V
# code by planting a breakpoint at the next instruction and continuing, so its stepi never
# sends vCont;s): one vCont;s packet and its stop reply per step.
if timed vcont "$dir/spin.rv32.elf" 'break main' 'continue' 'delete' -- \
    "python [gdb.execute('maintenance packet vCont;s:1', to_string=True) for _ in range($steps)]"; then
    awk -v s="$seconds" -v n="$steps" \
        'BEGIN { printf "vCont;s round trip (maintenance packet): %.1f us\n", s * 1e6 / n }'
else
    status=1
fi

if timed load "$dir/big.rv32.elf" -- "load $dir/big.rv32.elf"; then
    awk -v s="$seconds" 'BEGIN { printf "load 1 MiB: %.0f ms\n", s * 1e3 }'
else
    status=1
fi

exit $status
