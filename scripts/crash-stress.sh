#!/usr/bin/env bash
# Kills the store's save path with SIGKILL at random moments, 1,000 times unless told otherwise,
# and checks after every kill that each file is whole and each acknowledged save is on disk.
#
#     scripts/crash-stress.sh [kills] [seed]
#
# The test suite runs the same harness with 50 kills. A failure prints the seed that repeats it.
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-1000}"
swift build --build-tests --scratch-path .build-stress
env CASELOAD_CRASH_KILLS="$kills" ${2:+CASELOAD_CRASH_SEED="$2"} \
    swift test --skip-build --scratch-path .build-stress --filter CrashHarnessTests 2>&1 \
    | grep -E "crash harness|passed|failed|error|Issue"
