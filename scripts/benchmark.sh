#!/usr/bin/env bash
# Builds release binaries and runs caseload-bench on generated caseloads (see BENCHMARKS.md):
#
#     scripts/benchmark.sh                          # 1,000, 10,000 and 100,000 clients
#     scripts/benchmark.sh --sizes 1000,10000       # any caseload-bench run options
#
# Generated caseloads are kept in $BENCH_WORK (default /tmp/caseload-bench) for later runs; the
# 100,000-client one takes about a minute to write and 1.7 GB of disk. SCRATCH=.build-x builds
# with another --scratch-path.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=()
[[ -n ${SCRATCH:-} ]] && scratch=(--scratch-path "$SCRATCH")
for product in caseload caseload-bench; do
    swift build -c release "${scratch[@]}" --product "$product"
done
bin=$(swift build -c release "${scratch[@]}" --show-bin-path)
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB"
exec "$bin/caseload-bench" run --work "${BENCH_WORK:-/tmp/caseload-bench}" "$@"
