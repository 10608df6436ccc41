#!/bin/sh
# Confirms that an rv_c build really contains every compressed instruction of its XLEN as a
# 16-bit encoding: disassembles test_main (and its helpers) without aliases and looks for each
# c.* mnemonic. The XLEN comes from the file name (NAME.rv32.elf / NAME.rv64.elf).
# usage: check_rvc.sh OBJDUMP ELF
set -eu
objdump=$1
elf=$2

common="c.addi4spn c.lw c.sw c.nop c.addi c.li c.addi16sp c.lui c.srli c.srai c.andi c.sub
        c.xor c.or c.and c.j c.beqz c.bnez c.slli c.lwsp c.jr c.mv c.ebreak c.jalr c.add
        c.swsp c.fld c.fsd c.fldsp c.fsdsp"
case $elf in
*.rv32.elf) want="$common c.jal c.flw c.fsw c.flwsp c.fswsp" ;;
*.rv64.elf) want="$common c.ld c.sd c.ldsp c.sdsp c.addiw c.addw c.subw" ;;
*) echo "check_rvc: $elf: name must end in .rv32.elf or .rv64.elf" >&2; exit 2 ;;
esac

dis=$("$objdump" -d -M no-aliases "$elf" |
    awk '/^[0-9a-f]+ <[a-z_0-9]+>:$/ { on = ($2 !~ /^<isa_|^<_start>/) } on')

missing=""
n=0
for m in $want; do
    n=$((n + 1))
    # A 16-bit instruction shows as 4 hex digits followed by its mnemonic; without aliases
    # objdump prints c.nop as "c.addi zero,0" or "c.nop".
    pat="$m([[:space:]]|\$)"
    [ "$m" = c.nop ] && pat="(c\.nop|c\.addi[[:space:]]+zero,0)([[:space:]]|\$)"
    printf '%s\n' "$dis" | grep -Eq "^ *[0-9a-f]+:[[:space:]]+[0-9a-f]{4}[[:space:]]+$pat" ||
        missing="$missing $m"
done

if [ -n "$missing" ]; then
    echo "check_rvc: $elf lacks compressed encodings for:$missing" >&2
    exit 1
fi
echo "check_rvc: all $n compressed instructions present as 16-bit encodings in $elf"
