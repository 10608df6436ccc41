#!/bin/sh
# Confirms that the rvc test really contains every RV32C instruction in its 16-bit form:
# disassembles the rvc_* routines without aliases and looks for each c.* mnemonic.
# usage: check_rvc.sh OBJDUMP ELF
set -eu
objdump=$1
elf=$2

dis=$("$objdump" -d -M no-aliases "$elf" |
    awk '/^[0-9a-f]+ <rvc_[a-z]+>:$/ { on = 1; next } /^[0-9a-f]+ <.*>:$/ { on = 0 } on')

missing=""
for m in c.addi4spn c.lw c.sw c.nop c.addi c.jal c.li c.addi16sp c.lui c.srli c.srai c.andi \
         c.sub c.xor c.or c.and c.j c.beqz c.bnez c.slli c.lwsp c.jr c.mv c.ebreak c.jalr \
         c.add c.swsp; do
    # A 16-bit instruction shows as 4 hex digits followed by its mnemonic; without aliases
    # objdump prints c.nop as its expansion "c.addi zero,0".
    pat="$m([[:space:]]|\$)"
    [ "$m" = c.nop ] && pat="(c\.nop|c\.addi[[:space:]]+zero,0)([[:space:]]|\$)"
    printf '%s\n' "$dis" | grep -Eq "^ *[0-9a-f]+:[[:space:]]+[0-9a-f]{4}[[:space:]]+$pat" ||
        missing="$missing $m"
done

if [ -n "$missing" ]; then
    echo "check_rvc: $elf lacks compressed encodings for:$missing" >&2
    exit 1
fi
echo "check_rvc: all 27 RV32C instructions present as 16-bit encodings in $elf"
