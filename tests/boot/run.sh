#!/bin/bash
# Real firmware stacks on platforms/virt64.yaml, as docs/boot.md describes them: Debian's
# OpenSBI (fw_jump) with the S-mode U-Boot, the M-mode U-Boot on its own, four harts, and a
# reset from the U-Boot prompt. Commands are typed into U-Boot through stdin (a FIFO, so each
# one is sent once the prompt is there) and the answers are checked against the installed
# packages and the device tree socsim generated.
# Usage: tests/boot/run.sh SOCSIM    (BOOT_TIMEOUT: host seconds per boot, default 180)
set -u
SOCSIM=$(realpath "${1:?usage: tests/boot/run.sh SOCSIM}")
OPENSBI=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf
UBOOT_S=/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
UBOOT_M=/usr/lib/u-boot/qemu-riscv64/u-boot.bin
TIMEOUT=${BOOT_TIMEOUT:-180}
T=$(mktemp -d "${TMPDIR:-/tmp}/socsim-boot.XXXXXX") || exit 2
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    exec 3>&- 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
pass=0; fail=0

ok()  { pass=$((pass + 1)); echo "PASS $1"; }
bad() {
    fail=$((fail + 1)); echo "FAIL $1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | tail -25 | sed 's/^/    /'
}

missing=""
for f in "$OPENSBI" "$UBOOT_S" "$UBOOT_M"; do [ -r "$f" ] || missing="$missing $f"; done
if [ -n "$missing" ]; then
    bad "firmware not installed:$missing (Debian packages opensbi and u-boot-qemu: make deps)"
    echo "$pass passed, $fail failed"
    exit 1
fi
# The versions the banners must show: the packages' own.
upstream() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null | sed 's/^[0-9]*://; s/-[^-]*$//'; }
OPENSBI_VER=$(upstream opensbi)                                    # 1.1
UBOOT_VER=$(dpkg-query -W -f='${Version}' u-boot-qemu 2>/dev/null) # 2023.01+dfsg-2+deb12u3
[ -n "$OPENSBI_VER" ] || OPENSBI_VER='[0-9.]+'
[ -n "$UBOOT_VER" ] || UBOOT_VER='20[0-9.]+[^ ]*'

# ---- a console session: socsim reads a FIFO we keep open, writes to a file we watch ----

start() { # NAME ARGS...: socsim run ARGS...
    name=$1; shift
    out=$T/$name.out
    rm -f "$T/in"
    mkfifo "$T/in"
    "$SOCSIM" run "$@" <"$T/in" >"$out" 2>"$T/$name.err" &
    pid=$!
    exec 3>"$T/in"
    deadline=$((SECONDS + TIMEOUT))
}

text() { tr -d '\r' <"$out"; }

# Wait until the console has at least N lines matching the extended regex; false on timeout
# or when socsim ended first.
wait_for() { # REGEX [N]
    local n=${2:-1}
    while [ "$(text | grep -cE -- "$1")" -lt "$n" ]; do
        kill -0 "$pid" 2>/dev/null || return 1
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.1
    done
}

send() { printf '%s\r' "$1" >&3; }

# Wait for socsim to end (killing it at the deadline); sets status ("timeout" if killed).
finish() {
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"; wait "$pid" 2>/dev/null; status=timeout
    else
        wait "$pid"; status=$?
    fi
    pid=
    exec 3>&-
}

# Stop autoboot at its countdown and wait for the Nth prompt.
to_prompt() { # N
    wait_for '^Hit any key to stop autoboot' "$1" && send "" && wait_for '^=> ' "$1"
}

# type a command at prompt N and wait for prompt N+1
command() { # N COMMAND
    send "$2" && wait_for '^=> ' $(($1 + 1))
}

# check NAME REGEX...: every regex matches a line of the session's console (grep -E)
check() {
    local what=$1 miss=""; shift
    for re in "$@"; do text | grep -qE -- "$re" || miss="$miss"$'\n'"  no line matching: $re"; done
    if [ -z "$miss" ]; then ok "$what"; else bad "$what" "$miss"$'\n'"$(text)"; fi
}

# the lines between `=> COMMAND` and the next prompt
answer() { text | awk -v c="=> $1" '$0 == c { on = 1; next } /^=> / { on = 0 } on'; }

esc() { printf '%s' "$1" | sed 's/[][\.*^$+?(){}|/]/\\&/g'; }

# ---- OpenSBI fw_jump + S-mode U-Boot, one hart ----

start smode virt64 --bios "$OPENSBI" --kernel "$UBOOT_S" --append "console=ttyS0 socsim-test"
if to_prompt 1 && command 1 version && command 2 sbi && command 3 bdinfo &&
   command 4 "fdt addr \$fdtcontroladdr; fdt print /chosen" && send poweroff; then
    finish
    [ "$status" = 0 ] && ok "OpenSBI + S-mode U-Boot: prompt reached, poweroff ends the run with status 0" \
        || bad "OpenSBI + S-mode U-Boot: status $status after poweroff" "$(cat "$T/smode.err")"
else
    finish
    bad "OpenSBI + S-mode U-Boot: no prompt within $TIMEOUT s (status $status)" "$(text; cat "$T/smode.err")"
fi
check "OpenSBI banner and platform, from socsim's device tree" \
    "^OpenSBI v$(esc "$OPENSBI_VER")\$" \
    '^  / __ \\                  / ____\|  _ \\_   _\|$' \
    '^Platform Name +: socsim,virt64$' \
    '^Platform HART Count +: 1$' \
    '^Platform IPI Device +: aclint-mswi$' \
    '^Platform Timer Device +: aclint-mtimer @ 10000000Hz$' \
    '^Platform Console Device +: uart8250$' \
    '^Platform Reboot Device +: sifive_test$' \
    '^Platform Shutdown Device +: sifive_test$' \
    '^Domain0 Next Address +: 0x0000000080200000$' \
    '^Domain0 Next Mode +: S-mode$' \
    '^Boot HART ID +: 0$' \
    '^Boot HART Base ISA +: rv64imafdc$'
check "U-Boot banner: the package's version, our hart, model and RAM" \
    "^U-Boot $(esc "$UBOOT_VER") \\(" \
    '^CPU: +rv64imafdc_zicsr_zifencei_zicntr_zihpm_zba_zbb_zbs$' \
    '^Model: socsim,virt64$' \
    '^DRAM: +256 MiB$'
a=$(answer version)
[[ $a == *"U-Boot $UBOOT_VER ("* && $a == *"riscv64-linux-gnu-gcc"* ]] \
    && ok "version answers with the package's U-Boot version and its toolchain" \
    || bad "version" "$a"
a=$(answer sbi)
if printf '%s\n' "$a" | grep -qE '^SBI [0-9]+\.[0-9]+$' &&
   printf '%s\n' "$a" | grep -qxE "OpenSBI $(esc "$OPENSBI_VER")" &&
   printf '%s\n' "$a" | grep -qx '  System Reset Extension'; then
    ok "sbi: SBI version, the implementation line 'OpenSBI $OPENSBI_VER', the reset extension"
else
    bad "sbi" "$a"
fi
a=$(answer bdinfo)
if printf '%s\n' "$a" | grep -qx -- '-> start    = 0x0000000080000000' &&
   printf '%s\n' "$a" | grep -qx -- '-> size     = 0x0000000010000000' &&
   printf '%s\n' "$a" | grep -qE '^fdt_blob += 0x000000008[0-9a-f]{7}$'; then
    ok "bdinfo: the DRAM bank of virt64 and a device tree in it"
else
    bad "bdinfo" "$a"
fi
a=$(answer "fdt addr \$fdtcontroladdr; fdt print /chosen")
[[ $a == *'bootargs = "console=ttyS0 socsim-test";'* && $a == *'stdout-path = "/soc/serial@10000000";'* ]] \
    && ok "the tree U-Boot got through OpenSBI is ours: /chosen holds the --append string" \
    || bad "fdt print /chosen" "$a"

# ---- M-mode U-Boot alone: it gets a1 straight from socsim ----

dtb_size=$("$SOCSIM" dtb virt64 | wc -c)
start mmode virt64 --kernel "$UBOOT_M"
if to_prompt 1 && command 1 bdinfo && command 2 "fdt addr \$fdtcontroladdr; fdt print /cpus" &&
   send poweroff; then
    finish
    [ "$status" = 0 ] && ok "M-mode U-Boot: prompt reached, poweroff ends the run with status 0" \
        || bad "M-mode U-Boot: status $status after poweroff" "$(cat "$T/mmode.err")"
else
    finish
    bad "M-mode U-Boot: no prompt within $TIMEOUT s (status $status)" "$(text; cat "$T/mmode.err")"
fi
check "M-mode U-Boot banner, model and RAM" "^U-Boot $(esc "$UBOOT_VER") \\(" \
    '^Model: socsim,virt64$' '^DRAM: +256 MiB$'
a=$(answer bdinfo)
want=$(printf 'fdt_size    = 0x%016x' $(( (dtb_size + 31) / 32 * 32 )))
[[ $a == *"$want"* && $a == *"-> size     = 0x0000000010000000"* ]] \
    && ok "bdinfo: U-Boot copied a tree of our size ($dtb_size bytes, from a1) into its RAM" \
    || bad "M-mode bdinfo (want '$want')" "$a"
a=$(answer "fdt addr \$fdtcontroladdr; fdt print /cpus")
[[ $a == *"timebase-frequency = <0x00989680>;"* && $a == *'mmu-type = "riscv,sv39";'* ]] \
    && ok "fdt print /cpus: socsim's timebase and mmu-type" || bad "M-mode fdt print /cpus" "$a"

# ---- four harts: OpenSBI brings them all up, U-Boot lists them ----

start smp virt64 --set harts=4 --bios "$OPENSBI" --kernel "$UBOOT_S"
if to_prompt 1 && command 1 "cpu list" && send poweroff; then
    finish
    [ "$status" = 0 ] && ok "four harts: prompt reached, poweroff ends the run with status 0" \
        || bad "four harts: status $status after poweroff" "$(cat "$T/smp.err")"
else
    finish
    bad "four harts: no prompt within $TIMEOUT s (status $status)" "$(text; cat "$T/smp.err")"
fi
check "four harts: OpenSBI counts them and puts them all in its domain" \
    '^Platform HART Count +: 4$' '^Domain0 HARTs +: 0\*,1\*,2\*,3\*$'
a=$(answer "cpu list")
[ "$(printf '%s\n' "$a" | grep -cE '^  [0-3]: cpu@[0-3] +rv64imafdc_')" = 4 ] \
    && ok "cpu list: U-Boot sees cpu@0..cpu@3" || bad "cpu list" "$a"

# ---- reset from the prompt: images and device tree come back, the stack boots again ----

start reset virt64 --bios "$OPENSBI" --kernel "$UBOOT_S"
if to_prompt 1 && send reset && to_prompt 2 && send poweroff; then
    finish
    [ "$status" = 0 ] && ok "reset at the U-Boot prompt: OpenSBI and U-Boot boot again; poweroff, status 0" \
        || bad "reset: status $status after poweroff" "$(cat "$T/reset.err")"
else
    finish
    bad "reset: no second prompt within $TIMEOUT s (status $status)" "$(text; cat "$T/reset.err")"
fi
[ "$(text | grep -c '^Platform Name .*: socsim,virt64$')" = 2 ] \
    && ok "after the reset OpenSBI reads socsim's tree again" || bad "reset: second OpenSBI banner" "$(text)"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
