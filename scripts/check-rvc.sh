#!/bin/sh
# Confirms that a test ELF really contains every compressed instruction it is meant to test, as
# 16-bit encodings: disassembles the chosen functions without aliases and looks for each c.*
# mnemonic (the assembler may otherwise quietly emit 32-bit forms).
#
#   scripts/check-rvc.sh OBJDUMP ELF SET [FUNCTIONS [EXCEPT]]
#
# SET: rv32c (the 27 RV32C integer instructions), rv32fdc (+ c.flw/c.fsw/c.fld/c.fsd and their
# sp forms) or rv64fdc (RV64C integer + c.fld/c.fsd forms). FUNCTIONS is an extended regular
# expression the function names must match ('.' by default), EXCEPT one they must not.
# Used by mk/firmware.mk (tests/firmware/rvc) and mk/isa.mk (tests/isa/rv_c).
set -eu
if [ $# -lt 3 ]; then
    echo "usage: $0 OBJDUMP ELF SET [FUNCTIONS [EXCEPT]]" >&2
    exit 2
fi
objdump=$1
elf=$2
set=$3
only=${4:-.}
except=${5:-^\$}

common="c.addi4spn c.lw c.sw c.nop c.addi c.li c.addi16sp c.lui c.srli c.srai c.andi c.sub
        c.xor c.or c.and c.j c.beqz c.bnez c.slli c.lwsp c.jr c.mv c.ebreak c.jalr c.add c.swsp"
fd="c.fld c.fsd c.fldsp c.fsdsp"
case $set in
rv32c) want="$common c.jal" ;;
rv32fdc) want="$common c.jal $fd c.flw c.fsw c.flwsp c.fswsp" ;;
rv64fdc) want="$common c.ld c.sd c.ldsp c.sdsp c.addiw c.addw c.subw $fd" ;;
*) echo "$0: unknown SET '$set' (rv32c, rv32fdc, rv64fdc)" >&2; exit 2 ;;
esac

dis=$("$objdump" -d -M no-aliases "$elf" |
    awk -v only="$only" -v except="$except" '
        /^[0-9a-f]+ <.*>:$/ { name = $2; sub(/^</, "", name); sub(/>:$/, "", name)
                              on = name ~ only && name !~ except; next }
        on')

missing=""
n=0
for m in $want; do
    n=$((n + 1))
    # A 16-bit instruction shows as 4 hex digits followed by its mnemonic; without aliases
    # objdump prints c.nop as "c.nop" or as its expansion "c.addi zero,0".
    pat="$m([[:space:]]|\$)"
    [ "$m" = c.nop ] && pat="(c\.nop|c\.addi[[:space:]]+zero,0)([[:space:]]|\$)"
    printf '%s\n' "$dis" | grep -Eq "^ *[0-9a-f]+:[[:space:]]+[0-9a-f]{4}[[:space:]]+$pat" ||
        missing="$missing $m"
done

if [ -n "$missing" ]; then
    echo "check-rvc: $elf lacks compressed encodings for:$missing" >&2
    exit 1
fi
echo "check-rvc: all $n $set compressed instructions present as 16-bit encodings in $elf"
