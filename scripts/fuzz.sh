#!/usr/bin/env bash
# Coverage-guided fuzzing of Apus with libFuzzer (outside CI). Builds each target of the Fuzz/ package on its own
# with the fuzzer and address sanitizers, writes seed corpora, and runs every target for SECONDS (default 600).
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]       e.g. bash scripts/fuzz.sh 60 fuzz-text
#
# Findings (crash-*, timeout-*, oom-*) go to .fuzz/findings/<target>/; each one becomes a regression test.
# Per-target logs, with executions per second and coverage, go to .fuzz/logs/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(fuzz-inbound fuzz-json fuzz-commands fuzz-text fuzz-config fuzz-rest-response)
fi
bash scripts/install-deps.sh
mkdir -p .fuzz/seeds .fuzz/corpus .fuzz/findings .fuzz/logs

# Seeds: the Discord corpus and the tests' inputs, through a normal build of the seed writer. For fuzz-inbound's
# sender mode (mode byte 3: the harness compresses plaintext with zlib) the seeds are what Discord sends, plaintext
# payloads each sync-flushed (seed-sender-*); the other flushes are left to the fuzzer.
swift build --package-path Fuzz --scratch-path .build-fuzz-seeds --product fuzz-seeds
"$(swift build --package-path Fuzz --scratch-path .build-fuzz-seeds --show-bin-path)/fuzz-seeds" ../shared/discord-corpus .fuzz/seeds
# Payloads written as one complete zlib stream (Z_FINISH), as a sender without streaming would: mode byte 1, then
# the stream (the harness cuts zlib-stream input after each 00 00 FF FF).
python3 - <<'PY'
import glob, os, zlib
out = ".fuzz/seeds/fuzz-inbound"
for index, path in enumerate(sorted(glob.glob("../shared/discord-corpus/*.json"))[:20]):
    data = zlib.compress(open(path, "rb").read())[:0xFFFF]
    with open(os.path.join(out, "seed-zlib-finish-%02d" % index), "wb") as f:
        f.write(bytes([1]) + data)
PY

# A dictionary of boundary tokens for the targets that read numbers as text (Fuzz/dictionaries/TARGET.dict).
dict_option() {
    if [ -f "Fuzz/dictionaries/$1.dict" ]; then echo "-dict=Fuzz/dictionaries/$1.dict"; fi
}

# fuzz-config: TOMLKit leaks on every document parsed (TESTING.md, finding 3), so leak checks are off there, per
# input (-detect_leaks=0) and at exit (ASAN_OPTIONS), where they would write an empty "crash" file for the leak.
leak_option() {
    if [ "$1" = "fuzz-config" ]; then echo "-detect_leaks=0"; fi
}
asan_options() {
    if [ "$1" = "fuzz-config" ]; then echo "detect_leaks=0"; else echo "${ASAN_OPTIONS:-}"; fi
}

for target in "${targets[@]}"; do
    echo "==> building $target"
    swift build --package-path Fuzz --scratch-path .build-fuzz --sanitize=fuzzer --sanitize=address --product "$target"
    binary="$(swift build --package-path Fuzz --scratch-path .build-fuzz --sanitize=fuzzer --sanitize=address --show-bin-path)/$target"
    mkdir -p ".fuzz/corpus/$target" ".fuzz/findings/$target"
    echo "==> fuzzing $target for $seconds s"
    ASAN_OPTIONS="$(asan_options "$target")" "$binary" ".fuzz/corpus/$target" ".fuzz/seeds/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
        $(dict_option "$target") $(leak_option "$target") -artifact_prefix=".fuzz/findings/$target/" > ".fuzz/logs/$target.log" 2>&1 \
        || echo "$target stopped with a finding (see .fuzz/findings/$target/)"
    grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|cov:|ERROR|SUMMARY" ".fuzz/logs/$target.log" | tail -5 || true
done
