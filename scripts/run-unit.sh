#!/bin/sh
# Run each CUnit test program; print its report and a combined "N passed, M failed" line.
pass=0; fail=0; status=0
for t in "$@"; do
    out=$("$t" 2>&1); rc=$?
    printf '%s\n' "$out" | grep -E '^  Test: |^unit ' | sed 's/^  Test: /  /'
    line=$(printf '%s\n' "$out" | grep -E '^unit .*: [0-9]+ passed, [0-9]+ failed$' | tail -1)
    p=$(printf '%s' "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
    f=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed$/\1/')
    if [ -z "$line" ] || [ $rc -ne 0 ]; then
        [ -z "$line" ] && { echo "FAIL $t crashed or printed no summary (exit $rc):"; printf '%s\n' "$out" | tail -20; }
        status=1
        [ -z "$f" ] || [ "$f" = 0 ] && f=1
    fi
    pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
done
echo "unit tests: $pass passed, $fail failed"
exit $status
