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
measure() { python3 "$here/measure.py" "$1" "${count}" "$here/baseline.txt" -- "${@:2}"; }
cd "$work"
measure validate "$bin" validate courses --format text
# Packing writes every edition (two per course); it is measured on the first PACK_COUNT courses
# (default 300) so a run stays short, and reported per course; --no-cache, so every archive is built.
# benchmarks/compare.sh compares with other tools and measures the warm cache.
pack_count="${PACK_COUNT:-300}"
rm -rf "$work/out"
mapfile -t pack_paths < <(ls -d courses/*/ | grep -v -e '/library/' -e '/programmes/' -e '/case-studies/' | head -n "$pack_count")
count="$pack_count" measure pack "$bin" pack "${pack_paths[@]}" --out "$work/out" --editions all --no-cache
