#!/usr/bin/env bash
# Builds one libFuzzer target of the Fuzz package and runs it for a while, then sums up the run.
#
#   scripts/fuzz.sh <target> <minutes> [libFuzzer flags...]
#
# <target> is FuzzClientFile or FuzzOpenReferral (or client-file / open-referral, the corpus names).
# Not part of CI; see Fuzz/README.md. Each run starts a fresh working corpus in Fuzz/.work (the seed
# corpus in Fuzz/corpus is only read) and leaves crashing inputs in Fuzz/.work/artifacts.
set -euo pipefail

usage() { echo "usage: $0 FuzzClientFile|FuzzOpenReferral <minutes> [libFuzzer flags...]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
case "$1" in
    FuzzClientFile | client-file) target=FuzzClientFile corpus=client-file ;;
    FuzzOpenReferral | open-referral) target=FuzzOpenReferral corpus=open-referral ;;
    *) usage ;;
esac
[[ "$2" =~ ^[0-9]+$ && "$2" -gt 0 ]] || usage
minutes=$2
shift 2

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Debug by default, for the clearest backtraces. FUZZ_CONFIGURATION=release runs about six times
# faster and checks as much: the readers use precondition, never assert.
configuration=${FUZZ_CONFIGURATION:-debug}
build=(swift build -c "$configuration" --sanitize=fuzzer --package-path Fuzz --scratch-path Fuzz/.build)
"${build[@]}" --product "$target"
binary=$("${build[@]}" --show-bin-path)/$target

run="Fuzz/.work/$corpus-$(date +%Y%m%d-%H%M%S)"
artifacts=Fuzz/.work/artifacts
mkdir -p "$run/corpus" "$run/tmp" "$artifacts"
log="$run/fuzz.log"
dictionary=()
[[ -f "Fuzz/dictionaries/$corpus.dict" ]] && dictionary=("-dict=Fuzz/dictionaries/$corpus.dict")

# Swift's own crash handler would take the signal before libFuzzer, which then writes no crash
# file: turn it off. The client-file target keeps its data folder under $TMPDIR; a crash leaves it
# in the run's folder rather than in /tmp.
status=0
SWIFT_BACKTRACE=enable=no TMPDIR="$root/$run/tmp" "$binary" \
    -max_total_time=$((minutes * 60)) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/$target-" -print_final_stats=1 "${dictionary[@]}" "$@" \
    "$run/corpus" "Fuzz/corpus/$corpus" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}

stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
last_status=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
findings=$(sed -n 's/.*Test unit written to //p' "$log")

echo
echo "== $target ($configuration), $minutes min (log: $log)"
echo "executions:     $(stat number_of_executed_units)"
echo "execs/s:        $(stat average_exec_per_sec)"
echo "coverage:       $(grep -oE 'cov: [0-9]+ ft: [0-9]+' <<<"$last_status" || echo '?')"
echo "corpus:         $(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' <<<"$last_status" || echo '?') (new this run: $(find "$run/corpus" -type f | wc -l) in $run/corpus)"
echo "peak RSS:       $(stat peak_rss_mb) MB"
echo "slowest input:  $(stat slowest_unit_time_sec) s"
if [[ -n "$findings" ]]; then
    echo "FOUND:          $(grep -m1 -E '^==[0-9]+== ERROR|deadly signal|ERROR: libFuzzer' "$log" || echo 'see the log')"
    echo "$findings" | sed 's/^/input:          /'
else
    echo "findings:       none"
fi
exit "$status"
