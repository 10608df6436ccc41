#!/usr/bin/env bash
# End-to-end tests of socsim's GDB stub with the real client, gdb-multiarch (Debian package
# `gdb-multiarch`). The programs are tests/gdb/*.c, built by mk/gdb.mk into GDB_BUILD_DIR
# for RV32 (virt32) and RV64 (virt64); every value a check expects is one that program
# defines (see the comments in prog.c, spin.c, smp.c, irq.c, second.c), and line numbers are
# found through the LINE:name comments in the sources.
#
#   tests/gdb/run.sh SOCSIM GDB_BUILD_DIR [SCENARIO...]
#
# Scenarios: prog32 prog64 (break/step/next/finish, backtrace, locals, globals, struct,
# set var, watch/rwatch/awatch, hbreak, registers and CSRs, x/ on RAM and a UART register,
# set $pc), monitor, irq (monitor step-irq), ctrlc, smp32 smp64, load, detach, extended, tcp, dash-s.
# Prints one line per check and "N passed, M failed"; exit status 1 when a check failed.
# Environment: GDB (default gdb-multiarch), GDB_TIMEOUT (s per gdb session, 30),
# SIM_TIMEOUT (s per socsim run, 120); KEEP=1 keeps the outputs (socsim, gdb) in /tmp.
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 SOCSIM GDB_BUILD_DIR [SCENARIO...]" >&2
    exit 2
fi
SOCSIM=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(cd "$2" 2>/dev/null && pwd) || { echo "$0: $2: no such directory (make gdb-tests)" >&2; exit 2; }
shift 2
only=" $* "
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2

[ -x "$SOCSIM" ] || { echo "$0: $SOCSIM is not executable" >&2; exit 2; }
command -v "${GDB:-gdb-multiarch}" >/dev/null ||
    { echo "$0: ${GDB:-gdb-multiarch} not found (Debian package gdb-multiarch)" >&2; exit 2; }

. "$here/lib.sh"

passed=0
failed=0

pass() {
    passed=$((passed + 1))
    echo "PASS $1"
}

# fail DESCRIPTION [DETAIL...]: each DETAIL is printed indented below.
fail() {
    failed=$((failed + 1))
    echo "FAIL $1"
    shift
    local l
    for l in "$@"; do
        printf '%s\n' "$l" | head -40 | sed 's/^/    | /'
    done
}

# The line of `LINE:NAME` in a source file.
line_of() {
    local n
    n=$(grep -n "LINE:$2 " "$here/$1" | head -1 | cut -d: -f1)
    [ -n "$n" ] || { echo "$0: no LINE:$2 in $1" >&2; exit 2; }
    echo "$n"
}

# gdb's "[Inferior 1 (...) exited with code NN]" for exit status $1: NN is octal ("0%o").
exited() { printf 'exited with code 0*%o\\]' "$1"; }
# The frame line gdb prints when it connects to a target halted at reset (-S).
at_reset='^(0x[0-9a-f]+ in )?_start \(\) at .*start\.S:[0-9]+$'

# match TEXT RE...: the REs match lines of TEXT in this order (one line per RE); on failure
# `missing` is the first RE without a line.
match() {
    local text=$1 line i=0
    shift
    local res=("$@")
    while IFS= read -r line; do
        [ "$i" -lt "${#res[@]}" ] || break
        [[ $line =~ ${res[$i]} ]] && i=$((i + 1))
    done <<<"$text"
    if [ "$i" -lt "${#res[@]}" ]; then
        missing=${res[$i]}
        return 1
    fi
}

# check SECTION DESCRIPTION RE...: the output of SECTION has lines matching the REs, in order.
check() {
    local s=$1 desc=$2 text
    shift 2
    text=$(section "$s")
    if match "$text" "$@"; then
        pass "$desc"
    elif [ -z "$text" ] && ! grep -q "@@ $s\$" "$gout"; then
        fail "$desc" "gdb never reached \"${sec_cmds[$s]}\"; its output ended with:" \
            "$(tail -12 "$gout")"
    else
        fail "$desc" "no line matches /$missing/; gdb's output of \"${sec_cmds[$s]}\":" \
            "${text:-(nothing)}"
    fi
}

# check_not SECTION DESCRIPTION RE: no line of SECTION matches RE (and the section exists).
check_not() {
    local s=$1 desc=$2 re=$3 text
    text=$(section "$s")
    if ! grep -q "@@ $s\$" "$gout"; then
        fail "$desc" "gdb never reached \"${sec_cmds[$s]}\"; its output ended with:" \
            "$(tail -12 "$gout")"
    elif grep -qE -- "$re" <<<"$text"; then
        fail "$desc" "a line matches /$re/; gdb's output of \"${sec_cmds[$s]}\":" "$text"
    else
        pass "$desc"
    fi
}

# check_sim DESCRIPTION STATUS [RE...]: socsim ended with STATUS and its stdout has the REs.
check_sim() {
    local desc=$1 want=$2 text
    shift 2
    text=$(cat "$sim_out")
    if [ "$sim_status" != "$want" ]; then
        fail "$desc" "socsim: status $sim_status, expected $want ($sim_cmd); stdout and stderr:" \
            "$text" "$(cat "$sim_err")"
    elif ! match "$text" "$@"; then
        fail "$desc" "socsim's console has no line matching /$missing/:" "$text"
    else
        pass "$desc"
    fi
}

# The session could not start: one failure standing for the scenario's checks.
not_started() {
    fail "$1: socsim with the GDB stub starts and listens ($sim_cmd)" "$sim_why" \
        "$(cat "$sim_err" 2>/dev/null)"
}

want() { [ "$only" = "  " ] || [[ $only == *" $1 "* ]]; }

# ---------------------------------------------------------------------------------------
# prog32 / prog64: prog.c on virt32 / virt64, halted at reset (-S), over a Unix socket.
scenario_prog() {
    local x=$1 plat=$2 t=prog${1#rv}
    local elf=$dir/prog.$x.elf
    local l_main_first l_main_outer l_main_fp l_outer_first l_outer_call l_middle_call
    local l_leaf_sum l_leaf_ret l_loop l_loop_body l_threshold l_main_ret
    l_main_first=$(line_of prog.c main_first)
    l_main_outer=$(line_of prog.c main_outer)
    l_main_fp=$(line_of prog.c main_fp)
    l_outer_first=$(line_of prog.c outer_first)
    l_outer_call=$(line_of prog.c outer_call)
    l_middle_call=$(line_of prog.c middle_call)
    l_leaf_sum=$(line_of prog.c leaf_sum)
    l_leaf_ret=$(line_of prog.c leaf_ret)
    l_loop=$(line_of prog.c loop)
    l_loop_body=$(line_of prog.c loop_body)
    l_threshold=$(line_of prog.c threshold_read)
    l_main_ret=$(line_of prog.c main_ret)
    local arch=riscv:rv32
    [ "$x" = rv64 ] && arch=riscv:rv64

    start_sim "$t" unix "$plat" "$elf" -S || { not_started "$t"; return; }
    gdb_begin
    mark connect;   g "target remote $target"
    mark arch;      g "show architecture"
    mark reset_pc;  g 'info symbol $pc'
    mark stepi;     g 'stepi'; g 'info symbol $pc'
    mark brk_main;  g 'break main'; g 'continue'
    mark next;      g 'next'; g 'next'
    mark locals;    g 'info locals'
    mark step;      g 'step'
    mark brk_leaf;  g 'break leaf'; g 'continue'
    mark bt;        g 'bt'
    mark leaf_next; g 'next'; g 'info args'; g 'p sum'
    mark finish1;   g 'finish'
    mark finish2;   g 'finish'
    mark finish3;   g 'finish'
    mark result;    g 'next'; g 'p result'
    mark globals;   g 'p origin'; g 'p origin.name'; g 'p limit'; g 'p threshold'; g 'p/x table'
    mark x_ram;     g 'x/4xw &table'
    mark x_uart;    g 'x/1xb 0x10000005'
    mark fp;        g 'next'; g 'info registers fs1'
    mark csr;       g 'next'; g 'p/x $mscratch'; g 'p/x $mstatus & 0x6000'
    mark regs;      g 'info registers pc sp'
    mark allregs;   g 'info all-registers'
    mark priv;      g 'p $priv'
    mark watch1;    g 'watch counter'; g 'continue'
    mark watch2;    g 'continue'
    mark setvar;    g 'delete'; g 'set var limit = 4'; g 'p limit'
    mark rwatch;    g 'rwatch threshold'; g 'awatch result'; g 'continue'; g 'continue'
    mark hbreak;    g 'delete'; g "hbreak prog.c:$l_main_ret"; g 'continue'
    mark counter;   g 'p counter'
    # gdb reselects the frame it had selected before a register write (main, now frame 1).
    mark setpc;     g 'delete'; g 'set $pc = alt_exit'; g 'frame 0'; g 'info symbol $pc'
    mark exit;      g 'continue'
    gdb_run "$t" "$elf"

    local h='0x[0-9a-f]+'
    check connect "$x: gdb connects over a Unix socket (--gdb unix:PATH), target halted at _start" \
        "$at_reset"
    check arch "$x: the target description gives $arch" "currently \"$arch\""
    check reset_pc "$x: -S halts at reset, at the ELF entry _start" "^_start in section \.text"
    check stepi "$x: stepi executes one instruction (auipc of la gp: pc = _start + 4)" \
        "^_start \+ 4 in section \.text"
    check brk_main "$x: break main, continue: stops in main at prog.c:$l_main_first" \
        "^Breakpoint 1 at $h: file .*prog\.c, line $l_main_first\." \
        "^Breakpoint 1, main \(\) at .*prog\.c:$l_main_first"
    check next "$x: next, next: at the call of outer, prog.c:$l_main_outer" "^$l_main_outer\s"
    check locals "$x: info locals: local_a = 7, local_b = 11" "^local_a = 7$" "^local_b = 11$"
    check step "$x: step enters outer (n=7) at prog.c:$l_outer_first" \
        "^outer \(n=7\) at .*prog\.c:$l_outer_first"
    check brk_leaf "$x: break leaf, continue: leaf (a=22, b=10) at prog.c:$l_leaf_sum" \
        "^Breakpoint 2, leaf \(a=22, b=10\) at .*prog\.c:$l_leaf_sum"
    check bt "$x: backtrace: leaf (a=22, b=10) < middle (v=21) < outer (n=7) < main" \
        "^#0 +leaf \(a=22, b=10\) at .*prog\.c:$l_leaf_sum" \
        "^#1 +$h in middle \(v=21\) at .*prog\.c:$l_middle_call" \
        "^#2 +$h in outer \(n=7\) at .*prog\.c:$l_outer_call" \
        "^#3 +$h in main \(\) at .*prog\.c:$l_main_outer" 
    check_not bt "$x: backtrace ends at main (no frames beyond it)" "^#4 "
    check leaf_next "$x: next in leaf, info args and a local: a = 22, b = 10, sum = 32" \
        "^$l_leaf_ret\s" "^a = 22$" "^b = 10$" "^\\\$[0-9]+ = 32$"
    check finish1 "$x: finish from leaf returns 64 to middle (prog.c:$l_middle_call)" \
        "^$h in middle \(v=21\) at .*prog\.c:$l_middle_call$" \
        "^Value returned is \\\$[0-9]+ = 64$"
    check finish2 "$x: finish from middle returns 64 to outer (prog.c:$l_outer_call)" \
        "^$h in outer \(n=7\) at .*prog\.c:$l_outer_call$" "^Value returned is \\\$[0-9]+ = 64$"
    check finish3 "$x: finish from outer returns 64 to main (prog.c:$l_main_outer)" \
        "^$h in main \(\) at .*prog\.c:$l_main_outer$" "^Value returned is \\\$[0-9]+ = 64$"
    check result "$x: next stores it: result = 64" "^$l_main_fp\s" "^\\\$[0-9]+ = 64$"
    check globals "$x: globals and a struct: origin = {3, -4, \"origin\"}, limit 5, threshold 42, table" \
        "^\\\$[0-9]+ = \{x = 3, y = -4, name = $h \"origin\"\}$" \
        "^\\\$[0-9]+ = $h \"origin\"$" "^\\\$[0-9]+ = 5$" "^\\\$[0-9]+ = 42$" \
        "^\\\$[0-9]+ = \{0xdeadbeef, 0x1234567, 0x89abcdef, 0xcafef00d\}$"
    check x_ram "$x: x/4xw on RAM reads the table" \
        "^$h <table>:\s+0xdeadbeef\s+0x01234567\s+0x89abcdef\s+0xcafef00d$"
    check x_uart "$x: x/1xb on a device register: UART LSR at 0x10000005 reads 0x60 (THRE|TEMT)" \
        "^0x10000005:\s+0x60$"
    check fp "$x: FP register fs1 holds the double 2.5 load_fp put there" "^fs1 .*2\.5"
    check csr "$x: p \$mscratch = 0x5a5a1234 (main wrote it); \$mstatus.FS = Dirty (fld wrote fs1)" \
        "^\\\$[0-9]+ = 0x5a5a1234$" "^\\\$[0-9]+ = 0x6000$"
    check regs "$x: info registers pc sp: pc in main, sp in the stack below 0x88000000" \
        "^pc\s+$h\s+$h <main\+[0-9]+>$" "^sp\s+0x0*87f[0-9a-f]{5}\s+0x0*87f[0-9a-f]{5}$"
    local r
    for r in ra sp a0 t6 pc; do
        check allregs "$x: info all-registers lists the integer register $r" "^$r\s+$h"
    done
    for r in ft0 fs1 fa0 ft11 fflags frm fcsr; do
        check allregs "$x: info all-registers lists the FP register $r" "^$r\s"
    done
    for r in mstatus misa mie mtvec mscratch mepc mcause mtval mip mhartid; do
        check allregs "$x: info all-registers lists the CSR $r" "^$r\s+$h"
    done
    check allregs "$x: info all-registers lists the virtual register priv (M-mode)" \
        "^priv\s+0x3\s+prv:3 \[Machine\]$"
    check priv "$x: p \$priv = 3 (M-mode)" "^\\\$[0-9]+ = 3$"
    check watch1 "$x: watch counter: first change 0 -> 1 in the loop (prog.c:$l_loop_body)" \
        "^Hardware watchpoint [0-9]+: counter$" "^Old value = 0$" "^New value = 1$"
    check watch2 "$x: watch counter: next change 1 -> 3" "^Old value = 1$" "^New value = 3$"
    check setvar "$x: set var limit = 4 writes the variable" "^\\\$[0-9]+ = 4$"
    check rwatch "$x: rwatch threshold: the read in main sees 42" \
        "^Hardware read watchpoint [0-9]+: threshold$" "^Value = 42$"
    check rwatch "$x: awatch result: the read in main sees 64" \
        "^Hardware access \(read/write\) watchpoint [0-9]+: result$" "^Value = 64$"
    check hbreak "$x: hbreak prog.c:$l_main_ret stops there" \
        "^Hardware assisted breakpoint [0-9]+ at $h: file .*prog\.c, line $l_main_ret\." \
        "^Breakpoint [0-9]+, main \(\) at .*prog\.c:$l_main_ret"
    check counter "$x: set var limit = 4 took effect: counter = 0+1+2+3 = 6" "^\\\$[0-9]+ = 6$"
    check setpc "$x: set \$pc = alt_exit moves the pc" "^alt_exit in section \.text"
    check exit "$x: continue runs alt_exit to its exit(77): gdb sees the exit code" \
        "$(exited 77)"
    wait_sim 10
    check_sim "$x: socsim exits with 77; the console shows counter 6 and alt_exit" 77 \
        "^result 64 counter 6 local_b 12 table\[1\] 0x01234567 origin \(3, -4\)$" \
        "^alt_exit reached$"
}

# ---------------------------------------------------------------------------------------
# monitor: every monitor command, and gdb's info mem from the stub's memory map.
scenario_monitor() {
    local t=monitor elf=$dir/prog.rv32.elf
    start_sim "$t" unix virt32 "$elf" -S || { not_started "$t"; return; }
    gdb_begin
    mark connect;   g "target remote $target"
    mark help;      g 'monitor help'
    mark devices;   g 'monitor info devices'
    mark mem;       g 'monitor info mem'
    mark regs;      g 'monitor regs uart0'
    mark stats;     g 'stepi 10'; g 'monitor stats'
    mark infomem;   g 'info mem'
    mark bad;       g 'monitor no-such-command'
    mark main;      g 'break main'; g 'continue'; g 'set var limit = 4'; g 'p limit'
    mark reset;     g 'monitor reset'; g 'maintenance flush register-cache'
                    g 'info symbol $pc'; g 'p limit'
    mark rerun;     g 'continue'
    mark exit;      g 'delete'; g 'continue'
    gdb_run "$t" "$elf"

    check connect "monitor: gdb connects" "$at_reset"
    local c
    for c in help reset 'info devices' 'info mem' regs stats step-irq; do
        check help "monitor help lists '$c'" "(^|[^a-z-])$c([^a-z-]|$)"
    done
    for c in test:sifive_test clint:clint plic:plic uart0:ns16550 ram:ram; do
        check devices "monitor info devices: ${c%%:*} (${c#*:}) from platforms/virt32.yaml" \
            "${c%%:*}.*${c#*:}"
    done
    check mem "monitor info mem: RAM at 0x80000000 (128 MiB) and uart0 at 0x10000000" \
        "0x0*10000000.*uart0" "0x0*80000000.*ram"
    # docs/devices.md: 8-bit registers at offsets 0-7 (reg_shift 0); LSR (offset 5) resets to
    # 0x60 and stays so while the UART is idle.
    check regs "monitor regs uart0: shows LSR (offset 5) = 0x60 (THRE|TEMT, idle)" \
        "([Ll][Ss][Rr]|\+0x0*5:).*0x0*60\b"
    check stats "monitor stats after stepi 10 from reset: 10 instructions" \
        "^instructions:? +10$"
    check infomem "info mem: gdb has the stub's memory map, with RAM at 0x80000000" \
        "^Using memory regions provided by the target" "0x0*80000000 +0x0*88000000 +rw"
    check bad "monitor no-such-command: an error message, and the session goes on" "."
    check main "monitor: break main and set var before the reset" \
        "^Breakpoint 1, main \(\)" "^\\\$[0-9]+ = 4$"
    check reset "monitor reset: pc back at _start, the image reloaded (limit = 5 again)" \
        "^_start in section \.text" "^\\\$[0-9]+ = 5$"
    check rerun "monitor reset: continue runs the program again to break main" \
        "^Breakpoint 1, main \(\)"
    check exit "monitor: after the reset the program exits with 10 (counter with limit 5)" \
        "$(exited 10)"
    wait_sim 10
    check_sim "monitor: socsim exits with 10; the console shows counter 10" 10 \
        "^result 64 counter 10 "
    # The firmware makes no guest errors, so any would come from the debugger's reads.
    if grep -q 'guest error' "$sim_err"; then
        fail "monitor: the monitor commands cause no guest errors" \
            "socsim's stderr has $(grep -c 'guest error' "$sim_err") guest error lines, the first:" \
            "$(grep 'guest error' "$sim_err" | head -3)"
    else
        pass "monitor: the monitor commands cause no guest errors"
    fi
}

# ---------------------------------------------------------------------------------------
# irq: monitor step-irq off/on with a machine software interrupt pending (irq.c).
# gdb 13 steps RISC-V code in software (a breakpoint at the next instruction and a continue),
# so its stepi never sends vCont;s and cannot show step-irq; the stub's single step is driven
# with "maintenance packet vCont;s:1" (thread 1 steps; gdb's register cache is then flushed).
scenario_irq() {
    local t=irq elf=$dir/irq.rv32.elf
    start_sim "$t" unix virt32 "$elf" -S || { not_started "$t"; return; }
    gdb_begin
    mark connect;   g "target remote $target"
    mark ready;     g 'break irq_ready'; g 'continue'; g 'delete'
    mark off;       g 'monitor step-irq off'; g 'set $mstatus = $mstatus | 8'
                    g 'maintenance packet vCont;s:1'; g 'maintenance flush register-cache'
                    g 'info symbol $pc'; g 'p irq_count'; g 'set $pc_off = $pc'
    mark on;        g 'monitor step-irq on'; g 'maintenance packet vCont;s:1'
                    g 'maintenance flush register-cache'; g 'info symbol $pc'; g 'p/x $mcause'
                    g 'p (unsigned long)$mepc == (unsigned long)$pc_off'; g 'p irq_count'
    mark exit;      g 'continue'
    gdb_run "$t" "$elf"

    check connect "irq: gdb connects" "$at_reset"
    check ready "irq: break irq_ready (MSIP pending and enabled, mstatus.MIE clear)" \
        "^Breakpoint 1, irq_ready \(\)"
    check off "irq: step-irq off: a step (vCont;s) after setting mstatus.MIE stays in irq_ready" \
        "^step-irq is off$" "^received: \"T05" "^irq_ready \+ [0-9]+ in section \.text" \
        "^\\\$[0-9]+ = 0$"
    check on "irq: step-irq on: a step enters irq_handler; mcause = M software interrupt, mepc = the pc" \
        "^step-irq is on$" "^received: \"T05" "^irq_handler in section \.text" \
        "^\\\$[0-9]+ = 0x80*3$" "^\\\$[0-9]+ = 1$" "^\\\$[0-9]+ = 0$"
    check exit "irq: the program counts one interrupt and exits with 41" "$(exited 41)"
    wait_sim 10
    check_sim "irq: socsim exits with 41" 41 "^irq_count 1$"
}

# ---------------------------------------------------------------------------------------
# ctrlc: Ctrl-C (SIGINT to gdb, which sends 0x03) stops spin.c's endless loop.
scenario_ctrlc() {
    local t=ctrlc elf=$dir/spin.rv32.elf i
    start_sim "$t" unix virt32 "$elf" -S || { not_started "$t"; return; }
    gdb_begin
    mark connect;   g "target remote $target"
    mark cont;      g 'continue'
    mark stopped;   g 'p spins > 0'; g 'info symbol $pc'
    mark exit;      g 'set var stop_spinning = 1'; g 'continue'
    gdb_start "$t" "$elf"
    # The program prints "spinning" once gdb has let it run.
    for i in $(seq 200); do
        grep -q '^spinning' "$sim_out" 2>/dev/null && break
        kill -0 "$gdb_pid" 2>/dev/null || break
        sleep 0.05
    done
    sleep 0.5
    kill -INT "$gdb_pid" 2>/dev/null
    gdb_wait
    check cont "ctrlc: Ctrl-C in gdb interrupts the endless loop (SIGINT)" \
        "^Program received signal SIGINT, Interrupt\.$"
    check stopped "ctrlc: stopped inside the loop, which had run (spins > 0)" \
        "^\\\$[0-9]+ = 1$" "^(main|spin_once) \+ [0-9]+ in section \.text"
    check exit "ctrlc: set var stop_spinning = 1, continue: exits with 21" \
        "$(exited 21)"
    wait_sim 10
    check_sim "ctrlc: socsim exits with 21" 21 "^spinning$" "^stopped spinning$"
}

# ---------------------------------------------------------------------------------------
# smp32 / smp64: two harts as two threads (smp.c on virt32 / virt64 with --set harts=2).
scenario_smp() {
    local x=$1 plat=$2 t=smp${1#rv}
    local elf=$dir/smp.$x.elf
    local l_tick l_wait
    l_tick=$(line_of smp.c hart1_tick)
    l_wait=$(line_of smp.c main_wait)
    start_sim "$t" unix "$plat" "$elf" -S --set harts=2 || { not_started "$t"; return; }
    gdb_begin
    mark connect;   g "target remote $target"
    mark threads0;  g 'info threads'
    mark brk;       g 'break hart1_tick'; g 'continue'
    mark threads;   g 'info threads'
    mark t2;        g 'p $mhartid'; g 'bt'
    mark t1;        g 'thread 1'; g 'p $mhartid'; g 'bt'
    mark t2b;       g 'thread 2'; g 'p ticks1'; g 'p hart1_id'
    mark exit;      g 'delete'; g 'continue'
    gdb_run "$t" "$elf"

    check threads0 "$x smp: info threads at reset: two threads" "^\*? +1 +Thread 1" "^ +2 +Thread 2"
    check brk "$x smp: break hart1_tick: thread 2 hits it" \
        "^Thread 2 .*hit Breakpoint 1, hart1_tick \(\) at .*smp\.c:$l_tick"
    check threads "$x smp: info threads: thread 2 current, thread 1 listed" \
        "^ +1 +Thread 1" "^\* 2 +Thread 2 .*hart1_tick \(\) at .*smp\.c:$l_tick"
    check t2 "$x smp: thread 2 is hart 1 (mhartid 1), called from secondary_main (hartid=1)" \
        "^\\\$[0-9]+ = 1$" "^#0 +hart1_tick \(\)" "^#1 .*secondary_main \(hartid=1\)"
    check t1 "$x smp: thread 1 switches to hart 0 (mhartid 0), waiting in main" \
        "^\[Switching to thread 1 " "^\\\$[0-9]+ = 0$" "^#0 .*main \(\) at .*smp\.c:$l_wait"
    check t2b "$x smp: thread 2 again: ticks1 = 0 (its first tick not done yet), hart1_id = 1" \
        "^\[Switching to thread 2 " "^\\\$[0-9]+ = 0$" "^\\\$[0-9]+ = 1$"
    check exit "$x smp: both harts run on to the exit (33)" "$(exited 33)"
    wait_sim 10
    check_sim "$x smp: socsim exits with 33" 33 "^hart 1 \(mhartid 1\) ticked$"
}

# ---------------------------------------------------------------------------------------
# load: gdb's load of a second image over the first, after the first has run a little.
scenario_load() {
    local t=load elf=$dir/prog.rv32.elf second=$dir/second.rv32.elf
    start_sim "$t" unix virt32 "$elf" -S || { not_started "$t"; return; }
    gdb_begin
    mark connect;   g "target remote $target"
    mark main;      g 'break main'; g 'continue'; g 'delete'
    mark load;      g "load $second"; g 'p/x $pc'
    mark exit;      g 'continue'
    gdb_run "$t" "$elf"

    check main "load: the first image (prog) runs to main" "^Breakpoint 1, main \(\)"
    check load "load: gdb writes second.rv32.elf and sets the pc to its entry 0x80000000" \
        "^Loading section \.text, size 0x[0-9a-f]+ lma 0x80000000$" \
        "^Start address 0x0*80000000, load size [0-9]+$" "^\\\$[0-9]+ = 0x80000000$"
    check exit "load: continue runs the second image: exits with 42" \
        "$(exited 42)"
    wait_sim 10
    check_sim "load: socsim exits with 42; the console shows only the second image" 42 \
        "^second image running$"
}

# ---------------------------------------------------------------------------------------
# detach: a first session detaches, the program runs on; a second session finds it further.
scenario_detach() {
    local t=detach elf=$dir/spin.rv32.elf
    start_sim "$t" unix virt32 "$elf" -S || { not_started "$t"; return; }
    gdb_begin
    mark connect;   g "target remote $target"
    mark brk;       g 'break spin_once'; g 'continue'; g 'p spins'
    mark detach;    g 'delete'; g 'detach'
    gdb_run "$t.1" "$elf"
    check connect "detach: first session connects" "$at_reset"
    check brk "detach: first session: break spin_once, spins = 0" \
        "^Breakpoint 1, spin_once \(\)" "^\\\$[0-9]+ = 0$"
    check detach "detach: detach" "^\[Inferior 1 \(.*\) detached\]$"
    sleep 1
    if ! kill -0 "$sim_pid" 2>/dev/null; then
        wait_sim 1
        fail "detach: socsim keeps running after the client detaches" \
            "socsim exited with status $sim_status" "$(cat "$sim_err")"
        return
    fi
    gdb_begin
    mark connect;   g "target remote $target"
    mark further;   g 'p spins > 1000'
    mark exit;      g 'set var stop_spinning = 1'; g 'continue'
    gdb_run "$t.2" "$elf"
    check connect "detach: a second session connects to the same socsim; the loop is halted" \
        "^(0x[0-9a-f]+ in )?(main|spin_once) \(\) at .*spin\.c:[0-9]+$"
    check further "detach: the second session sees the program further along (spins > 1000)" \
        "^\\\$[0-9]+ = 1$"
    check exit "detach: set var stop_spinning = 1: exits with 21" \
        "$(exited 21)"
    wait_sim 10
    check_sim "detach: socsim exits with 21" 21 "^stopped spinning$"
}

# ---------------------------------------------------------------------------------------
# extended: target extended-remote, run restarts the program (vRun / R).
scenario_extended() {
    local t=extended elf=$dir/prog.rv32.elf
    start_sim "$t" unix virt32 "$elf" -S || { not_started "$t"; return; }
    gdb_begin
    mark connect;   g "target extended-remote $target"
    mark main;      g 'break main'; g 'continue'; g 'set var limit = 4'
    mark run;       g 'run'; g 'p limit'
    mark exit;      g 'delete'; g 'continue'
    mark run2;      g 'run'
    gdb_run "$t" "$elf"
    check connect "extended: target extended-remote connects" "$at_reset"
    check main "extended: break main" "^Breakpoint 1, main \(\)"
    check run "extended: run restarts the program: main again, limit 5 again (reloaded)" \
        "^Breakpoint 1, main \(\)" "^\\\$[0-9]+ = 5$"
    check exit "extended: the restarted program exits with 10" "$(exited 10)"
    check run2 "extended: run after the exit starts it once more (exits with 10 again)" \
        "$(exited 10)"
    wait_sim 3    # an extended-remote server may stay for the next client; not checked
}

# ---------------------------------------------------------------------------------------
# tcp: --gdb 127.0.0.1:PORT.
scenario_tcp() {
    local t=tcp elf=$dir/prog.rv32.elf
    start_sim "$t" tcp virt32 "$elf" -S || { not_started "$t"; return; }
    gdb_begin
    mark connect;   g "target remote $target"
    mark leaf;      g 'break leaf'; g 'continue'; g 'bt'
    mark exit;      g 'delete'; g 'continue'
    gdb_run "$t" "$elf"
    check connect "tcp: gdb connects over TCP (--gdb 127.0.0.1:$port)" "$at_reset"
    check leaf "tcp: break leaf, bt over TCP" "^Breakpoint 1, leaf \(a=22, b=10\)" \
        "^#3 .* main \(\)"
    check exit "tcp: the program exits with 10" "$(exited 10)"
    wait_sim 10
    check_sim "tcp: socsim exits with 10" 10 "^result 64 counter 10 "
}

# ---------------------------------------------------------------------------------------
# rom: `load` of an image into ROM (the memory map marks ROM as flash: vFlashErase/Write/Done),
# and a breakpoint there, which GDB turns into a hardware one by itself.
scenario_rom() {
    local t=rom elf=$dir/spin.rv32.elf rom=$dir/rom.rv32.elf
    start_sim "$t" unix tests/gdb/rom.yaml "$elf" -S || { not_started "$t"; return; }
    gdb_begin
    mark connect;   g "target remote $target"
    mark map;       g 'info mem'
    mark load;      g "load $rom"
    mark words;     g 'x/2xw 0x20000000'
    mark brk;       g 'break *0x2000000e'; g 'set $pc = 0x20000000'; g 'continue'
    mark exit;      g 'delete'; g 'continue'
    gdb_run "$t" "$elf"
    check connect "rom: gdb connects" "$at_reset"
    check map "rom: the memory map shows the ROM as flash" "0x20000000 0x20010000 flash"
    check load "rom: load writes the image into ROM" "^Loading section \.text, size 0x14 lma 0x20000000"
    check words "rom: the ROM holds the image (lui t0,0x100; lui t1,0x53)" \
        "^0x20000000:[[:space:]]+0x001002b7[[:space:]]+0x00053337"
    check brk "rom: the breakpoint in ROM is a hardware one and is hit" \
        "automatically using hardware breakpoints" "^Breakpoint 1, 0x2000000e"
    check exit "rom: the program in ROM exits with 5" "$(exited 5)"
    wait_sim 5
    check_sim "rom: socsim exits with 5" 5 ""
}

# ---------------------------------------------------------------------------------------
# dash-s: QEMU's -s (gdb on TCP port 1234) and -S.
scenario_dash_s() {
    local t=dash-s elf=$dir/prog.rv32.elf
    start_sim "$t" s virt32 "$elf" -S || { not_started "$t"; return; }
    gdb_begin
    mark connect;   g "target remote :1234"
    mark reset_pc;  g 'info symbol $pc'
    mark exit;      g 'continue'
    gdb_run "$t" "$elf"
    check connect "-s: gdb connects to port 1234" "$at_reset"
    check reset_pc "-s -S: halted at _start" "^_start in section \.text"
    check exit "-s: the program exits with 10" "$(exited 10)"
    wait_sim 10
    check_sim "-s: socsim exits with 10" 10 "^result 64 counter 10 "
}

want prog32 && scenario_prog rv32 virt32
want prog64 && scenario_prog rv64 virt64
want monitor && scenario_monitor
want irq && scenario_irq
want ctrlc && scenario_ctrlc
want smp32 && scenario_smp rv32 virt32
want smp64 && scenario_smp rv64 virt64
want load && scenario_load
want detach && scenario_detach
want extended && scenario_extended
want rom && scenario_rom
want tcp && scenario_tcp
want dash-s && scenario_dash_s

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
