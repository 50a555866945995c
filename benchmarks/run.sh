#!/usr/bin/env bash
# Benchmarks coursekit at iGOT scale: validates (and, when available, packs) a synthetic
# catalogue built from the shipped courses, printing wall time, throughput and peak memory,
# and the ratio against the recorded baseline (benchmarks/baseline.txt).
#   benchmarks/run.sh [COUNT]      (default 4179, the iGOT catalogue size)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
count="${1:-4179}"
work="${TMPDIR:-/tmp}/coursekit-bench"
cd "$root"
swift build -c release --product coursekit >/dev/null
bin="$root/.build/release/coursekit"
python3 "$here/make-catalogue.py" "$root/courses" "$work" "$count"
measure() { python3 "$here/measure.py" "$1" "$count" "$here/baseline.txt" -- "${@:2}"; }
cd "$work"
measure validate "$bin" validate courses --format text
if "$bin" --help | grep -q "  pack"; then
  rm -rf "$work/out"
  measure pack "$bin" pack courses --out "$work/out" --lang all
fi
