#!/usr/bin/env bash
# One-off (outside CI): the gateway, REST and scheduler test suites under ThreadSanitizer, in a build folder of
# their own. TESTING.md records what it found and how the reports were triaged: on Linux ThreadSanitizer does not see
# Synchronization.Mutex's locking, so accesses inside one Mutex's withLock on two threads are reported as races; check
# each report's two stacks by hand. The log is overwritten by each run.
#
#   bash scripts/tsan.sh [FILTER]        default FILTER: ApusGatewayTests|ApusHTTPTests|ApusSchedulerTests
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${1:-ApusGatewayTests|ApusHTTPTests|ApusSchedulerTests}"
bash scripts/install-deps.sh
swift build --build-tests --sanitize=thread --scratch-path .build-tsan
TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1 report_signal_unsafe=0" \
    swift test --skip-build --sanitize=thread --scratch-path .build-tsan --filter "$filter" 2>&1 | tee .build-tsan/tsan-report.log
echo "ThreadSanitizer reports: $(grep -c 'WARNING: ThreadSanitizer' .build-tsan/tsan-report.log || true) (log: .build-tsan/tsan-report.log)"
