#!/usr/bin/env bash
# coursekit against the tools users would pick, on one synthetic catalogue of COUNT courses
# (default 1000): validate vs check-jsonschema, yamllint, pymarkdownlnt and the bare parse floor
# (libyaml + cmark-gfm in C); pack vs zip -r -q; pack with a warm cache and after one lesson
# changed; then peak memory of validate and pack at 1× and 4× the catalogue.
#   benchmarks/compare.sh [COUNT]      RUNS=2 (repetitions, median shown) PACK_COUNT=300
#   PAIRS=5: back-to-back pairs of runs for the two ratio targets (validate ÷ floor, pack ÷ zip)
#   TOOL_TIMEOUT=SECONDS stops a slow Python tool and shows "> SECONDS" (a lower bound).
# Needs: python3 with venv, cc, libyaml-dev, libcmark-gfm-dev, libcmark-gfm-extensions-dev, zip.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
count="${1:-1000}"
work="${TMPDIR:-/tmp}/coursekit-compare"
venv="${VENV:-${TMPDIR:-/tmp}/coursekit-bench-venv}"
cd "$root"
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product coursekit >/dev/null
bin="$root/.build/release/coursekit"
[ -x "$venv/bin/check-jsonschema" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q -r "$here/requirements.txt"; }
cc -O2 "$here/parse-floor.c" -lyaml -lcmark-gfm -lcmark-gfm-extensions -o "${TMPDIR:-/tmp}/coursekit-parse-floor"
echo "machine: $(nproc) cores, $(uname -m); load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 "$here/make-catalogue.py" "$root/courses" "$work" "$count" >&2
python3 "$here/compare.py" "$bin" "$work" "${TMPDIR:-/tmp}/coursekit-parse-floor" "$venv/bin"
# Peak memory at 1× and 4× the catalogue.
for factor in 1 4; do
  python3 "$here/make-catalogue.py" "$root/courses" "$work-mem" "$((count * factor))" >/dev/null
  cd "$work-mem"
  /usr/bin/time -f "%e %M" -o "$work-mem/v.time" "$bin" validate courses --format text >/dev/null 2>&1 || true
  mapfile -t paths < <(ls -d courses/*/ | grep -v -e '/library/' -e '/programmes/' -e '/case-studies/')
  /usr/bin/time -f "%e %M" -o "$work-mem/p.time" "$bin" pack "${paths[@]}" --out out --editions all --no-cache >/dev/null 2>&1 || true
  v=$(tail -1 "$work-mem/v.time"); p=$(tail -1 "$work-mem/p.time")
  echo "memory ${factor}× ($((count * factor)) courses): validate ${v% *} s, $(( ${v#* } / 1024 )) MiB; pack ${p% *} s, $(( ${p#* } / 1024 )) MiB"
  if [ "$factor" = 1 ]; then v1=${v#* }; p1=${p#* }; else
    awk -v v1="$v1" -v v4="${v#* }" -v p1="$p1" -v p4="${p#* }" 'BEGIN {
      printf "peak memory 4x / 1x: validate %.2fx, pack %.2fx; target at most 1.5x: %s\n", v4 / v1, p4 / p1,
        (v4 / v1 <= 1.5 && p4 / p1 <= 1.5) ? "met" : "NOT met" }'
  fi
  cd "$root"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
