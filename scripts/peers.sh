#!/usr/bin/env bash
# Measures Caseload against peers on the same machine in one run, and prints the ratios:
#   1. `caseload list` on N clients against `task list` (taskwarrior) on N imported tasks;
#   2. `caseload-bench load-all` (every client file decoded in full, as opening the app does; its
#      first, untimed run writes the summary cache) against Python's json.load
#      over the same files.
# Each pair is run once to warm up, then RUNS times each, interleaved run by run; the ratio is
# peer median / Caseload median, so above 1 means Caseload is faster.
#
#     scripts/peers.sh [N] [RUNS]          # defaults: 10000 clients, 9 runs
#
# Builds release binaries first (SCRATCH=.build-x to use another --scratch-path; BIN=DIR to use
# binaries already built there instead). Installs Debian's `taskwarrior` (and `python3`) with
# apt-get when missing, which needs root. Works in a temporary folder, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
runs="${2:-9}"
if ! [[ $n =~ ^[1-9][0-9]*$ && $runs =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: scripts/peers.sh [N clients, default 10000] [RUNS, default 9]" >&2
    exit 2
fi

step() { printf '\n== %s\n' "$*"; }
fail() { echo "peers: $*" >&2; exit 1; }
trap 'echo "peers: failed: \`$BASH_COMMAND\` (line $LINENO)" >&2' ERR

tmp=$(mktemp -d "${TMPDIR:-/tmp}/caseload-peers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- Tools ---------------------------------------------------------------------------------------
missing=()
command -v task >/dev/null || missing+=(taskwarrior)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
    step "Installing from Debian: ${missing[*]}"
    [[ $(id -u) == 0 ]] || fail "not root; install them first: sudo apt-get install -y ${missing[*]}"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } >"$tmp/apt.log" 2>&1 \
        || { tail -n 20 "$tmp/apt.log" >&2; fail "apt-get could not install ${missing[*]}"; }
    grep '^Setting up' "$tmp/apt.log" || true
fi
# Absolute paths, so that no wrapper (a pyenv shim, say) is timed along with the program.
task=$(command -v task)
python=$(python3 -c 'import sys; print(sys.executable)')

# --- Build ---------------------------------------------------------------------------------------
if [[ -n ${BIN:-} ]]; then
    bin=$(cd "$BIN" && pwd)
    step "Using the binaries in $bin"
else
    scratch=()
    [[ -n ${SCRATCH:-} ]] && scratch=(--scratch-path "$SCRATCH")
    step "Building caseload and caseload-bench (release${SCRATCH:+, scratch path $SCRATCH})"
    for product in caseload caseload-bench; do
        swift build -c release "${scratch[@]}" --product "$product" >"$tmp/build.log" 2>&1 \
            || { tail -n 30 "$tmp/build.log" >&2; fail "swift build --product $product failed"; }
    done
    bin=$(swift build -c release "${scratch[@]}" --show-bin-path)
fi
for program in caseload caseload-bench; do
    [[ -x $bin/$program ]] || fail "no $program in $bin"
done

# --- Data ----------------------------------------------------------------------------------------
step "Writing $n demo clients and $n taskwarrior tasks into $tmp"
"$bin/caseload" demo --clients "$n" --dir "$tmp/caseload" >/dev/null \
    || fail "caseload demo --clients $n failed"
"$python" scripts/peers_tasks.py "$n" "$tmp/tasks.json" || fail "writing the tasks failed"
mkdir "$tmp/task"
# An isolated taskwarrior: its own data and rc file, nothing from ~/.taskrc. defaultwidth=0 means
# no wrapping when stdout is not a terminal, so each task is one line, as each client is in
# `caseload list`; the list report has no row limit (only `next` has limit:page). label and
# affected keep the column headings and the "N tasks" footer, as caseload prints both. news.version
# stops 2.6's "Recently upgraded to 2.6.0" line, which it prints on a random quarter of runs.
cat >"$tmp/taskrc" <<EOF
data.location=$tmp/task
confirmation=off
verbose=label,affected
defaultwidth=0
news.version=2.6.0
EOF
export TASKRC="$tmp/taskrc" TASKDATA="$tmp/task"
"$task" import "$tmp/tasks.json" >/dev/null 2>"$tmp/import.log" \
    || { tail -n 5 "$tmp/import.log" >&2; fail "task import failed"; }
# Untimed first runs: taskwarrior's garbage collection after the import, Caseload's summary cache.
"$task" list >/dev/null
"$bin/caseload" list --data-dir "$tmp/caseload" >/dev/null

read -r rows_caseload bytes_caseload < <("$bin/caseload" list --data-dir "$tmp/caseload" | wc -lc)
read -r rows_task bytes_task < <("$task" list | wc -lc)
files=$(find "$tmp/caseload/clients" -name '*.json' | wc -l)
echo "client files: $files"
echo "caseload list prints $rows_caseload lines ($bytes_caseload bytes); task list $rows_task lines ($bytes_task bytes)"
((files == n)) || fail "expected $n client files, found $files"
((rows_caseload >= n && rows_task >= n)) || fail "a list printed fewer than $n lines"
loaded=$("$bin/caseload-bench" load-all "$tmp/caseload")
echo "caseload-bench load-all says: $loaded"
[[ $loaded == "$n clients"* ]] || fail "load-all did not load $n clients"
size_store=$(du -sh "$tmp/caseload" | cut -f1)
size_clients=$(du -sh "$tmp/caseload/clients" | cut -f1)
size_task=$(du -sh "$tmp/task" | cut -f1)
echo "caseload store: $size_store (clients/ $size_clients); taskwarrior data: $size_task"
ls -l "$tmp/task" | awk 'NR > 1 { printf "  %s %s\n", $5, $9 }'

# --- Timing --------------------------------------------------------------------------------------
timer=("$python" scripts/peers_tasks.py time "$runs")
step "caseload list vs task list ($runs runs each, interleaved)"
"${timer[@]}" '`caseload list` vs `task list`' "$tmp/rows.md" \
    -- "$bin/caseload" list --data-dir "$tmp/caseload" -- "$task" list
step "caseload-bench load-all vs python3 json.load ($runs runs each, interleaved)"
"${timer[@]}" '`caseload-bench load-all` vs `json.load`' "$tmp/rows.md" \
    -- "$bin/caseload-bench" load-all "$tmp/caseload" \
    -- "$python" -c 'import json,glob,sys; [json.load(open(p, encoding="utf-8")) for p in glob.glob(sys.argv[1]+"/clients/*.json")]' "$tmp/caseload"

# --- Summary -------------------------------------------------------------------------------------
model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
step "Summary"
cat <<EOF
N = $n, RUNS = $runs; $(nproc) cores, ${model:-unknown CPU}; $(uname -sr)
caseload store $size_store (clients/ $size_clients), taskwarrior data $size_task
peers: task $("$task" --version), $("$python" --version 2>&1)
caseload: $(git log -1 --format='%h %cs' 2>/dev/null || echo 'not a git checkout')$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')

Wall-clock medians (min, and median CPU time over all threads); ratio = peer median / Caseload median.

| Comparison | Caseload | Peer | Ratio | |
|---|---|---|---|---|
$(cat "$tmp/rows.md")
EOF
