#!/bin/sh
# Platform-file tests: run `SOCSIM check FILE` on every tests/platform/err_*.yaml and ok_*.yaml
# from the repository root. An err_ file must exit 2 with the first stderr line equal to its
# `# expect:` line; an ok_ file must exit 0 and print every `# stdout:` line. An optional
# `# args:` line gives extra arguments (e.g. --set overrides) placed before FILE.
# Usage: tests/platform/run.sh path/to/socsim
SOCSIM=${1:?usage: tests/platform/run.sh SOCSIM}
tmp=${TMPDIR:-/tmp}/socsim-platform.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

for f in tests/platform/err_*.yaml tests/platform/ok_*.yaml; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .yaml)
    expect=$(sed -n 's/^# expect: //p' "$f" | head -n 1)
    args=$(sed -n 's/^# args: //p' "$f" | head -n 1)
    # shellcheck disable=SC2086  # args is a word list on purpose
    "$SOCSIM" check $args "$f" >"$tmp/out" 2>"$tmp/err"
    status=$?
    case $name in
    err_*)
        got=$(head -n 1 "$tmp/err")
        if [ -z "$expect" ]; then
            echo "FAIL $name: no '# expect:' line in $f"
            fail=$((fail + 1))
        elif [ $status -eq 2 ] && [ "$got" = "$expect" ]; then
            echo "PASS $name: ${expect#*error: }"
            pass=$((pass + 1))
        else
            echo "FAIL $name: exit status $status (want 2)"
            echo "  expected: $expect"
            echo "  got:      $got"
            fail=$((fail + 1))
        fi
        ;;
    ok_*)
        missing=$(sed -n 's/^# stdout: //p' "$f" | while IFS= read -r line; do
            grep -qxF -- "$line" "$tmp/out" || printf '  missing stdout line: %s\n' "$line"
        done)
        if [ $status -eq 0 ] && [ -z "$missing" ]; then
            echo "PASS $name: loads"
            pass=$((pass + 1))
        else
            echo "FAIL $name: exit status $status (want 0)"
            sed 's/^/  stderr: /' "$tmp/err"
            [ -n "$missing" ] && printf '%s\n' "$missing" && sed 's/^/  stdout: /' "$tmp/out"
            fail=$((fail + 1))
        fi
        ;;
    esac
done

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
