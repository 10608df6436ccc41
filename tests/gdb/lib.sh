# Helpers shared by tests/gdb/run.sh and tests/gdb/bench.sh (sourced, not run).
# KEEP=1 keeps the scratch directory (socsim's and gdb's outputs) and says where it is.
#
# Every socsim and gdb process runs under `timeout`; the pids of those wrappers are kept in
# `started` and only those are ever signalled. socsim listens on a Unix socket in the scratch
# directory (or a free TCP port, or 1234 for -s); gdb runs in batch mode with one -ex per
# command, so a failing command does not stop the ones after it, and "echo @@ NAME" markers
# split its output into sections that the checks read.

GDB=${GDB:-gdb-multiarch}
gdb_timeout=${GDB_TIMEOUT:-30}    # seconds, one gdb session
sim_timeout=${SIM_TIMEOUT:-120}   # seconds, one socsim run

scratch=$(mktemp -d "/tmp/socsim-gdb.XXXXXX") || exit 2
started=()

forget_pid() {
    local p keep=()
    for p in "${started[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
    started=("${keep[@]}")
}

cleanup() {
    local p
    for p in "${started[@]}"; do
        kill -TERM "$p" 2>/dev/null
    done
    for p in "${started[@]}"; do
        wait "$p" 2>/dev/null
    done
    if [ -n "${KEEP:-}" ]; then
        echo "outputs kept in $scratch" >&2
    else
        rm -rf "$scratch"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A TCP port with nothing on it (local address of no socket in /proc/net/tcp and tcp6).
port_in_use() {
    local hex
    hex=$(printf '%04X' "$1")
    awk -v h=":$hex" 'NR > 1 && substr($2, length($2) - 4) == h { found = 1 } END { exit !found }' \
        /proc/net/tcp /proc/net/tcp6 2>/dev/null
}
port_listening() {
    local hex
    hex=$(printf '%04X' "$1")
    awk -v h=":$hex" 'NR > 1 && substr($2, length($2) - 4) == h && $4 == "0A" { found = 1 }
        END { exit !found }' /proc/net/tcp /proc/net/tcp6 2>/dev/null
}
free_port() {
    local p i
    for i in $(seq 50); do
        p=$((20000 + RANDOM % 40000))
        port_in_use "$p" || { echo "$p"; return 0; }
    done
    return 1
}

# start_sim TAG MODE PLATFORM ELF [socsim options...]
#   MODE unix: --gdb unix:SOCKET; tcp: --gdb 127.0.0.1:PORT (a free port); s: -s (port 1234).
# Sets sim_pid, target (what gdb's "target remote" takes), sim_out, sim_err, sim_cmd.
# Waits until socsim listens; returns 1 (with sim_why) if it does not.
start_sim() {
    local tag=$1 mode=$2 plat=$3 elf=$4 try i
    shift 4
    sim_out=$scratch/$tag.sim.out
    sim_err=$scratch/$tag.sim.err
    sim_why=
    for try in 1 2 3 4 5; do
        local opt=()
        case $mode in
        unix) sock=$scratch/$tag.sock; target=$sock; opt=(--gdb "unix:$sock") ;;
        tcp)
            port=$(free_port) || { sim_why="no free TCP port found"; return 1; }
            target=127.0.0.1:$port; opt=(--gdb "127.0.0.1:$port") ;;
        s)
            port=1234; target=127.0.0.1:1234; opt=(-s)
            for i in $(seq 100); do port_listening 1234 || break; sleep 0.1; done
            port_listening 1234 && { sim_why="port 1234 is taken by another program"; return 1; } ;;
        esac
        sim_cmd="socsim run $plat $(basename "$elf") ${opt[*]} $*"
        timeout -k 5 "$sim_timeout" "$SOCSIM" run "$plat" "$elf" "${opt[@]}" "$@" \
            </dev/null >"$sim_out" 2>"$sim_err" &
        sim_pid=$!
        started+=("$sim_pid")
        for i in $(seq 200); do
            case $mode in
            unix) [ -S "$sock" ] && return 0 ;;
            *) port_listening "$port" && return 0 ;;
            esac
            kill -0 "$sim_pid" 2>/dev/null || break
            sleep 0.05
        done
        if kill -0 "$sim_pid" 2>/dev/null; then
            sim_why="socsim did not listen within 10 s"
            return 1
        fi
        wait "$sim_pid"
        sim_status=$?
        forget_pid "$sim_pid"
        sim_why="socsim exited with status $sim_status before listening: $(head -c 300 "$sim_err")"
        # Only a TCP port someone took in the meantime is worth another try.
        [ "$mode" = tcp ] && grep -qi 'in use' "$sim_err" || return 1
    done
    return 1
}

# wait_sim SECONDS: wait for socsim to end; sim_status is its exit status, or "running" if it
# is still running after SECONDS (it is then stopped).
wait_sim() {
    local i n=$(( $1 * 20 ))
    for i in $(seq "$n"); do
        kill -0 "$sim_pid" 2>/dev/null || break
        sleep 0.05
    done
    if kill -0 "$sim_pid" 2>/dev/null; then
        sim_status=running
        kill -TERM "$sim_pid" 2>/dev/null
        wait "$sim_pid" 2>/dev/null
    else
        wait "$sim_pid"
        sim_status=$?
    fi
    forget_pid "$sim_pid"
}

# Building a gdb session: G holds the arguments; mark NAME starts a section of the output.
gdb_begin() {
    G=()
    sec=
    declare -gA sec_cmds=()
}
mark() {
    sec=$1
    sec_cmds[$sec]=
    G+=(-ex "echo @@ $1\\n")
}
g() {
    G+=(-ex "$1")
    sec_cmds[$sec]+="${sec_cmds[$sec]:+; }$1"
}

# gdb_run TAG ELF: run the session in the foreground; gout is its output, gdb_status its status.
gdb_run() {
    gout=$scratch/$1.gdb.out
    timeout --foreground -k 5 "$gdb_timeout" "$GDB" -nx -batch -q "${G[@]}" -ex 'echo @@ end\n' \
        "$2" </dev/null >"$gout" 2>&1 &
    gdb_pid=$!
    started+=("$gdb_pid")
    wait "$gdb_pid"
    gdb_status=$?
    forget_pid "$gdb_pid"
}

# gdb_start TAG ELF: the same in the background (gdb_pid: its timeout wrapper, which passes
# SIGINT on to gdb alone); gdb_wait waits for it.
gdb_start() {
    gout=$scratch/$1.gdb.out
    timeout --foreground -k 5 "$gdb_timeout" "$GDB" -nx -batch -q "${G[@]}" -ex 'echo @@ end\n' \
        "$2" </dev/null >"$gout" 2>&1 &
    gdb_pid=$!
    started+=("$gdb_pid")
}
gdb_wait() {
    wait "$gdb_pid"
    gdb_status=$?
    forget_pid "$gdb_pid"
}

# section NAME: the output lines of section NAME of the last session. A marker may end a line
# whose start belongs to the section before it (output without a final newline).
section() {
    awk -v n="@@ $1" '
        match($0, /@@ [A-Za-z0-9_.-]+$/) {
            if (on && RSTART > 1) print substr($0, 1, RSTART - 1)
            on = substr($0, RSTART) == n
            next
        }
        on' "$gout"
}
