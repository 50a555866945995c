#!/bin/sh
# Fuzz coursekit with libFuzzer: Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
# Targets: yaml markdown schema suppression archive glob (default: all), 60 s each by default.
# Builds an instrumented binary (-sanitize=fuzzer,address) in .build/fuzz, seeds each target's
# corpus from courses/ and Fuzz/regressions/<target>/, and runs it. A crash input is written to
# .build/fuzz/crashes/; fix the bug and copy the input to Fuzz/regressions/<target>/, where the
# unit tests (FuzzRegressionTests) replay it on every `swift test`.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-yaml markdown schema suppression archive glob}
root=$PWD
work=$root/.build/fuzz
export COURSEKIT_FUZZ=1
swift build --build-path "$work" --product coursekit-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
binary=$work/debug/coursekit-fuzz
export COURSEKIT_SCHEMAS=$root/schemas
# Objects alive at exit (the schema set, Swift runtime caches) are not leaks per input.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
mkdir -p "$work/crashes"
for target in $targets; do
    corpus=$work/corpus/$target
    mkdir -p "$corpus"
    case $target in
        yaml|schema) find courses examples -name '*.yaml' -exec cp {} "$corpus/" \; 2>/dev/null || true ;;
        markdown|suppression) find courses examples -name '*.md' -size -64k -exec cp {} "$corpus/" \; 2>/dev/null || true ;;
        archive)
            if [ -x .build/debug/coursekit ] && [ ! -e "$work/ecar" ]; then
                .build/debug/coursekit pack courses/anm-asha-maternal-newborn-care --out "$work/ecar" >/dev/null 2>&1 || true
            fi
            find "$work/ecar" -name '*.ecar' -size -4M -exec cp {} "$corpus/" \; 2>/dev/null || true ;;
        glob) printf 'courses/**/x.md\ncourses/a/b/x.md' > "$corpus/seed1"; printf '**/*.hi.md\na/b/c.hi.md' > "$corpus/seed2" ;;
    esac
    seeds=""
    [ -d "Fuzz/regressions/$target" ] && seeds="Fuzz/regressions/$target"
    echo "== $target: $seconds s" >&2
    COURSEKIT_FUZZ_TARGET=$target "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
        -max_len=1048576 -print_final_stats=1 -artifact_prefix="$work/crashes/$target-" "$corpus" $seeds 2>&1 \
        | grep -E '^(#[0-9]+ +DONE|Done|==[0-9]+==ERROR|SUMMARY|stat::number_of_executed_units|artifact_prefix|Test unit written)' || true
done
