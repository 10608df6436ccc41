#!/bin/bash
# Command-line behaviour: exit statuses, error messages, limits, determinism, platform lookup.
# Usage: tests/cli/run.sh SOCSIM BUILD
SOCSIM=$(realpath "$1")
BUILD=$(realpath "${2:-build}")
FW=$BUILD/fw/tests
HELLO=$(realpath examples/hello/hello.elf)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0

ok()   { pass=$((pass + 1)); echo "PASS $1"; }
bad()  { fail=$((fail + 1)); echo "FAIL $1"; [ -n "$2" ] && printf '%s\n' "$2" | sed 's/^/    /' | head -20; }

# expect NAME STATUS PATTERN -- command...: exit status and a pattern in stdout+stderr.
expect() {
    local name=$1 want=$2 pat=$3; shift 4
    local out rc
    out=$("$@" </dev/null 2>&1); rc=$?
    if [ "$rc" != "$want" ]; then bad "$name: exit status $rc, expected $want" "$out"; return; fi
    if [ -n "$pat" ] && ! printf '%s\n' "$out" | grep -qE -- "$pat"; then
        bad "$name: output lacks /$pat/" "$out"; return
    fi
    ok "$name (status $want${pat:+, says /$pat/})"
}

# Raw RV32 programs written out as little-endian words.
raw() { local f=$T/$1; shift; : >"$f"; for w in "$@"; do
        printf "\\x$(printf %02x $((w & 255)))\\x$(printf %02x $((w >> 8 & 255)))\\x$(printf %02x $((w >> 16 & 255)))\\x$(printf %02x $((w >> 24 & 255)))" >>"$f"; done; }
raw loop.bin 0x0000006f                       # j .
raw sleep.bin 0x10500073 0xffdff06f           # wfi; j .-4  (no interrupt enabled)
# lui t0,0x10000; li t1,'X'; sb t1,0(t0) (UART THR); j .
raw printloop.bin 0x100002b7 0x05800313 0x00628023 0x0000006f
# auipc t0,0; addi t0,t0,16; csrw mtvec,t0; sw zero,4(zero); handler: wfi
raw badstore.bin 0x00000297 0x01028293 0x30529073 0x00002223 0x10500073

expect "--version prints the version" 0 '^socsim [0-9]' -- "$SOCSIM" --version
expect "--help shows the run usage" 0 'socsim run PLATFORM' -- "$SOCSIM" --help
expect "no arguments is a usage error" 2 'usage:' -- "$SOCSIM"
expect "unknown command is a usage error" 2 "unknown command 'frobnicate'" -- "$SOCSIM" frobnicate
expect "unknown option is a usage error" 2 "unknown option '--bogus'" -- "$SOCSIM" run virt32 "$HELLO" --bogus
expect "run without firmware is a usage error" 2 'missing FIRMWARE' -- "$SOCSIM" run virt32
expect "an option missing its value says so" 2 "option '--max-insns' needs a value" -- "$SOCSIM" run virt32 "$HELLO" --max-insns
expect "a QEMU option socsim lacks is not mistaken for one of ours" 2 "unknown option '-m'" -- "$SOCSIM" run virt32 "$HELLO" -m 256M
expect "a second firmware after -kernel is refused by name" 2 "unexpected argument 'extra'" -- "$SOCSIM" run virt32 -kernel "$HELLO" extra
expect "check refuses run-only options" 2 "--stats is an option of 'run', not of 'check'" -- "$SOCSIM" check virt32 --stats
expect "--max-insns needs a number" 2 "--max-insns expects" -- "$SOCSIM" run virt32 "$HELLO" --max-insns lots
expect "unknown platform name" 2 "no platform 'nosuch'" -- "$SOCSIM" run nosuch "$HELLO"
expect "missing firmware file" 2 "$T/none.elf: cannot open" -- "$SOCSIM" run virt32 "$T/none.elf"
head -c 100 "$HELLO" >"$T/trunc.elf"
expect "truncated ELF" 2 "trunc.elf: truncated" -- "$SOCSIM" run virt32 "$T/trunc.elf"
expect "host (x86-64) ELF" 2 "not RISC-V" -- "$SOCSIM" run virt32 "$(type -P true)"
riscv64-unknown-elf-objcopy --change-addresses 0x10000000 "$HELLO" "$T/high.elf" 2>/dev/null
expect "ELF outside memory" 2 "is not inside RAM or ROM" -- "$SOCSIM" run virt32 "$T/high.elf"

printf '.globl _start\n_start: j _start\n' >"$T/rv64.S"
riscv64-unknown-elf-gcc -nostdlib -march=rv64i -mabi=lp64 -Wl,-Ttext=0x80000000 "$T/rv64.S" -o "$T/rv64.elf"
expect "RV64 ELF on an RV32 platform" 2 "rv64.elf: 64-bit ELF on a platform with RV32 harts" -- \
    "$SOCSIM" run virt32 "$T/rv64.elf"
expect "hello prints and exits 0" 0 'Hello from socsim!' -- "$SOCSIM" run virt32 "$HELLO"
# GDB stub options (the stub itself: tests/gdb)
expect "--gdb with a port out of range" 2 "bad address '99999'" -- "$SOCSIM" run virt32 "$HELLO" --gdb 99999
expect "--gdb on a Unix socket in a missing directory" 2 "$T/nodir/s: No such file or directory" -- \
    "$SOCSIM" run virt32 "$HELLO" --gdb "unix:$T/nodir/s"
expect "-S without --gdb or -s" 2 "-S needs --gdb or -s" -- "$SOCSIM" run virt32 "$HELLO" -S
expect "--gdb-detach takes run or halt" 2 "--gdb-detach expects 'run' or 'halt'" -- \
    "$SOCSIM" run virt32 "$HELLO" --gdb-detach maybe
expect "check refuses --gdb" 2 "--gdb is an option of 'run', not of 'check'" -- "$SOCSIM" check virt32 --gdb 1234
expect "a run with the stub listening and no client ends as usual" 0 'Hello from socsim!' -- \
    "$SOCSIM" run virt32 "$HELLO" --gdb "unix:$T/idle.sock"
expect "sifive_test exit code 3 becomes the status" 3 '' -- "$SOCSIM" run virt32 "$FW/exit_code3.elf" -q
expect "sifive_test exit code 42 becomes the status" 42 '' -- "$SOCSIM" run virt32 "$FW/exit_code42.elf" -q
expect "--max-insns stops an endless loop with 124" 124 '^instructions: 1000$' -- \
    "$SOCSIM" run virt32 --load "$T/loop.bin@0x80000000" --max-insns 1000 --stats
expect "--timeout stops an endless loop with 124" 124 'stopped by --timeout' -- \
    timeout 10 "$SOCSIM" run virt32 --load "$T/loop.bin@0x80000000" --timeout 0.3
expect "WFI with nothing to wake it is reported, status 3" 3 'every hart waits' -- \
    timeout 10 "$SOCSIM" run virt32 --load "$T/sleep.bin@0x80000000"
expect "QEMU-style -bios none -kernel works" 0 'Hello from socsim!' -- \
    "$SOCSIM" run virt32 -bios none -nographic -kernel "$HELLO"
expect "--load outside memory is an error" 2 'not inside RAM or ROM' -- \
    "$SOCSIM" run virt32 --load "$T/loop.bin@0x40000000"

# A jump to unmapped memory with mtvec still 0 faults forever: said once, not per fault.
raw wild.bin 0x000000e7   # jalr ra, 0(zero)
out=$(timeout 10 "$SOCSIM" run virt32 --load "$T/wild.bin@0x80000000" --timeout 0.3 2>&1)
[ "$(printf '%s\n' "$out" | grep -c 'guest error: hart0: instruction fetch at 0x0: unmapped address (mtvec 0x0)')" = 1 ] \
    && ok "a fetch-fault loop at an unmapped trap vector is reported once" \
    || bad "fetch fault report" "$out"

# SIGTERM ends the run with 130 and what the guest printed still reaches a file.
"$SOCSIM" run virt32 --load "$T/printloop.bin@0x80000000" >"$T/sig.out" 2>"$T/sig.err" </dev/null &
pid=$!; sleep 0.5; kill -TERM $pid; wait $pid; rc=$?
[ $rc = 130 ] && [ "$(cat "$T/sig.out")" = X ] && grep -q interrupted "$T/sig.err" \
    && ok "SIGTERM: status 130, 'interrupted' on stderr, console output flushed to the file" \
    || bad "SIGTERM: status $rc, stdout '$(cat "$T/sig.out")'" "$(cat "$T/sig.err")"

# ...also while a semihosting console read waits for input that does not come.
mkfifo "$T/silent"
sleep 20 >"$T/silent" &   # holds the pipe open without writing; killed below, by its own pid
spid=$!
"$SOCSIM" run virt32 "$FW/semihost_readc.elf" <"$T/silent" >"$T/rc.out" 2>"$T/rc.err" &
pid=$!; sleep 0.5; kill -TERM $pid; wait $pid; rc=$?
kill $spid 2>/dev/null; wait $spid 2>/dev/null
[ $rc = 130 ] && ok "SIGTERM ends a run blocked in a semihosting console read (130)" \
    || bad "SIGTERM during SYS_READC: status $rc" "$(cat "$T/rc.err")"

# On a terminal (a pty from script(1)), keys reach the guest as they are typed, without a
# newline and without the terminal echoing them, and the terminal is restored afterwards.
out=$( (sleep 0.5; printf 'ab\032\034q'; sleep 3) | script -qec \
    "'$SOCSIM' run virt32 '$FW/console_echo.elf' --timeout 10; echo status=\$?; stty -a" /dev/null 2>&1 | tr -d '\r')
if [[ $out == $'[a][b][\032][\034][q]'* && $out == *"status=0"* && $out == *" icanon "* && $out == *" echo "* ]]; then
    ok "terminal input is raw during a run (keys without newline, no echo, Ctrl-Z/Ctrl-\\ to the guest) and restored after"
else
    bad "terminal raw mode" "$out"
fi

# Platform names resolve from any working directory.
out=$(cd "$T" && "$SOCSIM" run virt32 "$HELLO" 2>&1) && [[ $out == *"Hello from socsim!"* ]] \
    && ok "platform 'virt32' found from another directory" || bad "platform lookup from $T" "$out"

# An installed copy finds its platforms under its own PREFIX, wherever that is.
if make -s --no-print-directory install PREFIX="$T/prefix" BUILD="$BUILD" >"$T/install.log" 2>&1; then
    out=$(cd / && "$T/prefix/bin/socsim" run virt32 "$HELLO" 2>&1) && [[ $out == *"Hello from socsim!"* ]] \
        && ok "make install PREFIX=...: the installed socsim finds platform 'virt32'" \
        || bad "installed socsim cannot run virt32" "$out"
else
    bad "make install PREFIX=$T/prefix failed" "$(cat "$T/install.log")"
fi

# Same inputs, same output and counts.
a=$("$SOCSIM" run virt32 "$HELLO" --stats 2>&1 | grep -v '^host seconds\|^MIPS')
b=$("$SOCSIM" run virt32 "$HELLO" --stats 2>&1 | grep -v '^host seconds\|^MIPS')
[ "$a" = "$b" ] && ok "two runs give identical output, instruction and cycle counts" \
    || bad "runs differ" "$(diff <(echo "$a") <(echo "$b"))"

# Two harts interleave the same way every time.
smp=(run "$(realpath tests/firmware/smp.yaml)" "$FW/smp.elf" --stats)
a=$("$SOCSIM" "${smp[@]}" 2>&1 | grep -v '^host seconds\|^MIPS')
b=$("$SOCSIM" "${smp[@]}" 2>&1 | grep -v '^host seconds\|^MIPS')
[ "$a" = "$b" ] && [[ $a == *"all 6 checks passed"* ]] \
    && ok "two harts: identical output and counts on a second run" \
    || bad "two-hart runs differ" "$(diff <(echo "$a") <(echo "$b"))"

# --set reaches the platform: half the clock, twice the simulated time for the same work.
t100=$("$SOCSIM" run virt32 "$HELLO" --stats 2>&1 | sed -n 's/^simulated time: //p')
t50=$("$SOCSIM" run virt32 "$HELLO" --stats --set cpus.hart0.freq=50MHz 2>&1 | sed -n 's/^simulated time: //p')
awk -v a="${t100% s}" -v b="${t50% s}" 'BEGIN { exit !(a > 0 && b > 1.99 * a && b < 2.01 * a) }' \
    && ok "--set cpus.hart0.freq=50MHz doubles simulated time ($t100 -> $t50)" \
    || bad "--set freq: $t100 vs $t50"
expect "--set with a bad value names it" 2 "error:.*hello" -- "$SOCSIM" run virt32 "$HELLO" --set cpus.hart0.freq=hello

# --insn-mix: the per-class counts add up to the instruction count; --stats alone has no mix.
out=$("$SOCSIM" run virt32 "$HELLO" --insn-mix 2>&1 >/dev/null)
n=$(printf '%s\n' "$out" | sed -n 's/^instructions: //p')
sum=$(printf '%s\n' "$out" | sed -n 's/^instruction mix://p' | awk '{ for (i = 2; i <= NF; i += 3) s += $i } END { print s + 0 }')
[ -n "$n" ] && [ "$n" = "$sum" ] && ! "$SOCSIM" run virt32 "$HELLO" --stats 2>&1 | grep -q 'instruction mix' \
    && ok "--insn-mix classes add up to the $n instructions; --stats alone prints no mix" \
    || bad "--insn-mix: $sum in the mix vs $n instructions" "$out"

# A guest error names the hart, size, address and pc; the guest gets its access fault.
expect "a store to an unmapped address is a guest error and a trap" 3 \
    'guest error: hart0: 4-byte write at 0x4 \(pc 0x8000000c\): unmapped address' -- \
    timeout 10 "$SOCSIM" run virt32 --load "$T/badstore.bin@0x80000000"
expect "check prints the memory map" 0 '0x0000000010000000-0x00000000100000ff.*uart0' -- "$SOCSIM" check virt32
expect "devices lists ns16550 parameters" 0 'ns16550' -- "$SOCSIM" devices

# ---- boot flow: device tree, --bios, --kernel, --dtb, --append, harts (docs/boot.md) ----
CLI=$(cd "$(dirname "$0")" && pwd)
XCC=(riscv64-unknown-elf-gcc -nostdlib -Wl,--no-relax -Wl,-N -Wl,--no-warn-rwx-segments)
rv32=(-march=rv32i -mabi=ilp32) rv64=(-march=rv64i -mabi=lp64)
"${XCC[@]}" "${rv32[@]}" -Wl,-Ttext=0x80000000 "$CLI/boot_regs.S" -o "$T/regs32.elf"
"${XCC[@]}" "${rv64[@]}" -Wl,-Ttext=0x80000000 "$CLI/boot_regs.S" -o "$T/regs64.elf"
"${XCC[@]}" "${rv64[@]}" -Wl,-Ttext=0x80000000 -DNHARTS=3 "$CLI/boot_regs.S" -o "$T/regs64x3.elf"
"${XCC[@]}" "${rv32[@]}" -Wl,-Ttext=0x80000000 -DNEXT=0x80400000 "$CLI/stage.S" -o "$T/bios32.elf"
"${XCC[@]}" "${rv32[@]}" -Wl,-Ttext=0x80000000 "$CLI/stage.S" -o "$T/kern32.elf"
"${XCC[@]}" "${rv64[@]}" -Wl,-Ttext=0x80000000 -DNEXT=0x80200000 "$CLI/stage.S" -o "$T/bios64.elf"
"${XCC[@]}" "${rv64[@]}" -Wl,-Ttext=0x80000000 "$CLI/stage.S" -o "$T/kern64.elf"
"${XCC[@]}" "${rv64[@]}" -Wl,-Ttext=0x80200000 "$CLI/stage.S" -o "$T/kern64hi.elf"
for f in bios32 kern32 bios64 kern64; do
    riscv64-unknown-elf-objcopy -O binary "$T/$f.elf" "$T/$f.bin"
done
# What a little-endian 32-bit load of the big-endian word N reads: the "size=" the programs print.
le32() { printf '%08x' $(( ($1 & 255) << 24 | ($1 >> 8 & 255) << 16 | ($1 >> 16 & 255) << 8 | $1 >> 24 )); }

expect "dtb -o writes a blob" 0 '' -- "$SOCSIM" dtb virt64 -o "$T/virt64.dtb"
out=$(dtc -I dtb -O dts "$T/virt64.dtb" 2>&1)
[[ $out == *'riscv,isa = "rv64imafdc_zicsr_zifencei_zicntr_zihpm_zba_zbb_zbs";'* &&
   $out == *'mmu-type = "riscv,sv39";'* && $out == *'stdout-path = "/soc/serial@10000000";'* &&
   $out == *'compatible = "sifive,plic-1.0.0\0riscv,plic0";'* && $out != *Warning* ]] \
    && ok "dtc reads the virt64 tree without a warning: isa, mmu-type, stdout-path, PLIC" \
    || bad "dtc on virt64.dtb" "$out"
"$SOCSIM" dtb virt64 2>&1 | cmp -s - "$T/virt64.dtb" \
    && ok "dtb without -o writes the same blob to stdout" || bad "dtb to stdout differs from -o"
out=$(script -qec "'$SOCSIM' dtb virt64; echo status=\$?" /dev/null 2>&1 </dev/null | tr -d '\r')
[[ $out == *"not writing a binary device tree to a terminal"*"status=2"* ]] \
    && ok "dtb refuses to write binary to a terminal (status 2)" || bad "dtb to a terminal" "$out"
out=$("$SOCSIM" dtb virt64 --append "console=ttyS0 earlycon" | dtc -I dtb -O dts 2>&1)
[[ $out == *'bootargs = "console=ttyS0 earlycon";'* ]] \
    && ok "--append becomes /chosen/bootargs" || bad "dtb --append" "$out"
out=$("$SOCSIM" dtb virt64 --set harts=4 | dtc -I dtb -O dts 2>&1)
[[ $out == *"cpu@3 {"* && $out == *"core3 {"* &&
   $out == *"interrupts-extended = <0x02 0x0b 0x02 0x09 0x04 0x0b 0x04 0x09 0x06 0x0b 0x06 0x09 0x08 0x0b 0x08 0x09>;"* &&
   $out == *"interrupts-extended = <0x02 0x03 0x02 0x07 0x04 0x03 0x04 0x07 0x06 0x03 0x06 0x07 0x08 0x03 0x08 0x07>;"* ]] \
    && ok "--set harts=4: four cpus, CLINT and PLIC (M and S context) lines for each" \
    || bad "dtb --set harts=4" "$out"
expect "dtb refuses run options" 2 "--stats is an option of 'run', not of 'dtb'" -- "$SOCSIM" dtb virt64 --stats
expect "run refuses -o" 2 "-o is an option of 'dtb', not of 'run'" -- "$SOCSIM" run virt64 "$T/kern64.elf" -o x
expect "check refuses --append" 2 "--append is an option of 'run' and 'dtb', not of 'check'" -- "$SOCSIM" check virt64 --append x
expect "check says where the device tree goes" 0 "^device tree: $(wc -c <"$T/virt64.dtb") bytes at 0x000000008fe00000" -- \
    "$SOCSIM" check virt64

# a0 = mhartid and a1 = the tree, on every hart and again after a guest-requested reset (which
# also rewrites the tree the program scribbled on), at QEMU's address.
n=$("$SOCSIM" dtb virt32 | wc -c)
want="hart=00000000 dtb=87e00000 magic=edfe0dd0 size=$(le32 "$n")"
out=$(timeout 10 "$SOCSIM" run virt32 "$T/regs32.elf" --max-insns 1000000 2>&1); rc=$?
[ $rc = 0 ] && [ "$out" = "$want"$'\n'"$want" ] \
    && ok "virt32: a0 = 0, a1 = 0x87e00000 (QEMU's place) holding the tree, again after a reset" \
    || bad "virt32 boot registers (status $rc)" "$out"
n=$("$SOCSIM" dtb virt64 --set harts=3 | wc -c)
want=""
for h in 0 1 2; do want+="hart=000000000000000$h dtb=000000008fe00000 magic=edfe0dd0 size=$(le32 "$n")"$'\n'; done
out=$(timeout 10 "$SOCSIM" run virt64 "$T/regs64x3.elf" --set harts=3 --max-insns 10000000 2>&1); rc=$?
[ $rc = 0 ] && [ "$out"$'\n' = "$want$want" ] \
    && ok "virt64 --set harts=3: each hart gets its mhartid in a0 and the tree in a1, also after a reset" \
    || bad "virt64 harts=3 boot registers (status $rc)" "$out"

# Two stages as QEMU loads them (checked against qemu-system-riscv32/64 7.2).
expect "raw --bios at the RAM base, raw --kernel at the next 2 MiB (RV64)" 0 \
    '^kernel pc=0000000080200000 a0=0000000000000000 a1=000000008fe00000$' -- \
    "$SOCSIM" run virt64 --bios "$T/bios64.bin" --kernel "$T/kern64.bin" --max-insns 100000
expect "raw FIRMWARE after a raw bios goes to the next 4 MiB (RV32)" 0 '^kernel pc=80400000 a0=00000000 a1=87e00000$' -- \
    "$SOCSIM" run virt32 --bios "$T/bios32.bin" "$T/kern32.bin" --max-insns 100000
expect "QEMU spelling: ELF -bios, raw -kernel after it" 0 '^kernel pc=0000000080200000' -- \
    "$SOCSIM" run virt64 -bios "$T/bios64.elf" -kernel "$T/kern64.bin" --max-insns 100000
expect "-bios none: a raw -kernel goes to the RAM base" 0 '^kernel pc=0000000080000000 a0=0+ a1=000000008fe00000$' -- \
    "$SOCSIM" run virt64 -bios none -kernel "$T/kern64.bin" --max-insns 100000
expect "an ELF kernel loads at its own addresses; the bios's entry is used" 0 '^bios pc=0000000080000000' -- \
    "$SOCSIM" run virt64 --bios "$T/bios64.bin" --kernel "$T/kern64hi.elf" --max-insns 100000
expect "a kernel over the bios is refused" 2 'kern64.elf \(0x80000000-0x[0-9a-f]+\) overlaps the bios' -- \
    "$SOCSIM" run virt64 --bios "$T/bios64.bin" --kernel "$T/kern64.elf"
expect "--bios twice is refused" 2 "--bios given twice" -- "$SOCSIM" run virt64 --bios a --bios b
expect "a RAM too small for the tree beside the image: a1 = 0" 0 'a1=0000000000000000$' -- \
    "$SOCSIM" run virt64 "$T/kern64.elf" --set devices.ram.size=1MiB --max-insns 100000

# --dtb replaces the generated tree (also after the reset); what is not a tree is refused.
dtc -I dtb -O dts "$T/virt64.dtb" 2>/dev/null | sed 's/model = "socsim,virt64"/model = "my board"/' |
    dtc -I dts -O dtb -o "$T/mine.dtb" - 2>/dev/null
n=$(wc -c <"$T/mine.dtb")
want="hart=0000000000000000 dtb=000000008fe00000 magic=edfe0dd0 size=$(le32 "$n")"
out=$(timeout 10 "$SOCSIM" run virt64 "$T/regs64.elf" --dtb "$T/mine.dtb" --max-insns 1000000 2>&1); rc=$?
[ $rc = 0 ] && [ "$out" = "$want"$'\n'"$want" ] \
    && ok "--dtb FILE: the harts get that blob ($n bytes), also after a reset" \
    || bad "--dtb (status $rc)" "$out"
expect "--dtb of something else is refused" 2 "not a device tree blob" -- \
    "$SOCSIM" run virt64 "$T/regs64.elf" --dtb "$T/kern64.bin"
expect "QEMU's -dtb spelling" 0 'size=' -- \
    "$SOCSIM" run virt64 "$T/regs64.elf" -dtb "$T/mine.dtb" --max-insns 1000000

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
