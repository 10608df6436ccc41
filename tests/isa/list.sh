#!/bin/sh
# Prints NAME.rv32 / NAME.rv64 for every test in the given ISA test lists (tests/isa/*.list):
# one word per build, for mk/isa.mk. List lines: name | xlens | socsim options | qemu.
# usage: list.sh LIST...
set -eu
for list in "$@"; do
    awk -F'|' '
        /^[ \t]*($|#)/ { next }
        {
            name = $1; xl = $2
            gsub(/[ \t]/, "", name); gsub(/[ \t]/, "", xl)
            n = split(xl, x, ",")
            for (i = 1; i <= n; i++) {
                if (x[i] != "32" && x[i] != "64") {
                    printf "%s: test %s: xlens must be 32, 64 or 32,64 (have \"%s\")\n", \
                        FILENAME, name, xl > "/dev/stderr"
                    exit 1
                }
                print name ".rv" x[i]
            }
        }' "$list"
done
