#!/usr/bin/env python3
"""Times coursekit against the tools a user would otherwise pick, on one synthetic catalogue.

Run by benchmarks/compare.sh; see there. Each command runs RUNS times (default 2) under
/usr/bin/time; the table shows the median wall time and peak RSS, and each tool's time as a
multiple of coursekit's (for pack: coursekit's as a multiple of zip's).
"""
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile

bin_, work, floor_bin, venv_bin = sys.argv[1:5]
runs = int(os.environ.get("RUNS", "2"))
# Seconds after which a slow tool is stopped and shown as "> N" (TOOL_TIMEOUT; default: none).
tool_timeout = float(os.environ["TOOL_TIMEOUT"]) if os.environ.get("TOOL_TIMEOUT") else None
work = pathlib.Path(work)
courses = work / "courses"
yaml_files = sorted(str(p) for p in courses.rglob("*.yaml"))
md_files = sorted(str(p) for p in courses.rglob("*.md"))
by_name = {}
for path in yaml_files:
    by_name.setdefault(pathlib.Path(path).name, []).append(path)
schema_of = {"course.yaml": "course", "module.yaml": "module", "quiz.yaml": "quiz",
             "programme.yaml": "programme", "case-study.yaml": "case-study"}


def run_once(command, cwd=work, shell=False, prepare=None, timeout=None):
    """Wall seconds and peak RSS (KiB, the largest process) of one run; None when it was
    stopped after `timeout` seconds."""
    if prepare:
        prepare()
    with tempfile.NamedTemporaryFile("r") as out:
        wrapped = ["/usr/bin/time", "-f", "%e %M", "-o", out.name] + (["bash", "-c", command] if shell else command)
        process = subprocess.Popen(wrapped, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
            return None
        wall, peak = out.read().strip().splitlines()[-1].split()
        return float(wall), int(peak)


def timed(command, cwd=work, shell=False, prepare=None, timeout=None):
    """Median wall seconds and peak RSS (KiB, the largest process) over `runs` runs; a run
    stopped after `timeout` seconds counts as that many (shown as "> N")."""
    walls, rss = [], []
    for _ in range(runs):
        result = run_once(command, cwd, shell, prepare, timeout)
        if result is None:
            return timeout, 0, walls + [timeout, "stopped"]
        walls.append(result[0])
        rss.append(result[1])
    return statistics.median(walls), statistics.median(rss), walls


def xargs(tool_args, files, parallel=1):
    listing = work / f".files-{abs(hash(tuple(tool_args)))}"
    listing.write_text("\0".join(files))
    # Without -n, every name fits in one command line and -P never starts a second process.
    per_process = f" -n {-(-len(files) // parallel)}" if parallel > 1 else ""
    return f"xargs -0 -P{parallel}{per_process} -s 1000000 {' '.join(tool_args)} < {listing}"


rows = []


def row(name, result, reference=None, note=""):
    wall, rss, walls = result
    stopped = "stopped" in walls
    shown = f"> {wall:.0f}" if stopped else f"{wall:.2f}"
    ratio = (f"> {wall / reference:.1f}×" if stopped else f"{wall / reference:.1f}×") if reference else ""
    runs_text = " / ".join(w if isinstance(w, str) else f"{w:.2f}" for w in walls)
    rows.append((name, shown, ratio, f"{rss / 1024:.0f}", runs_text, note))
    print(f"  {name}: {shown} s ({runs_text}), {rss / 1024:.0f} MiB {note}", file=sys.stderr, flush=True)
    return wall


print(f"catalogue: {len(yaml_files)} YAML and {len(md_files)} Markdown files", file=sys.stderr)
validate = row("coursekit validate (all rules, 2 threads)", timed([bin_, "validate", "courses", "--format", "text"]))
shutil.rmtree(work / ".coursekit-cache", ignore_errors=True)
subprocess.run([bin_, "validate", "courses", "--cache"], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
row("coursekit validate --cache, nothing changed", timed([bin_, "validate", "courses", "--format", "text", "--cache"]), validate)
schema_cmds = " && ".join(
    xargs([f"{venv_bin}/check-jsonschema", "--schemafile", str(work / "schemas" / f"{schema_of[name]}.schema.json")], files) + " || true"
    for name, files in sorted(by_name.items()) if name in schema_of)
schema_result = timed(schema_cmds, shell=True, timeout=tool_timeout)
row("check-jsonschema (same YAML, same schemas)", schema_result, validate, "schemas only")
row("yamllint (same YAML)", timed(xargs([f"{venv_bin}/yamllint", "-f", "parsable"], yaml_files) + " || true", shell=True, timeout=tool_timeout), validate)
row("pymarkdownlnt (same Markdown)", timed(xargs([f"{venv_bin}/pymarkdown", "scan"], md_files) + " || true", shell=True, timeout=tool_timeout), validate)
floor = row("floor: libyaml + cmark-gfm parse only (C, 2 processes)",
            timed(xargs([floor_bin], yaml_files + md_files, parallel=2), shell=True), validate)

# Packing: the first PACK_COUNT courses, every edition, against zip -r of the same sources.
pack_count = int(os.environ.get("PACK_COUNT", "300"))
pack_paths = sorted(str(p.relative_to(work)) for p in courses.iterdir()
                    if p.is_dir() and p.name not in ("library", "programmes", "case-studies"))[:pack_count]
out = work / "out"


def clean():
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(work / ".coursekit-cache", ignore_errors=True)
    (work / "sources.zip").unlink(missing_ok=True)


zip_time = row(f"zip -r -q ({pack_count} course folders + library + case studies)",
               timed(["zip", "-r", "-q", "sources.zip"] + pack_paths + ["courses/library", "courses/case-studies"], prepare=clean))
pack_cmd = [bin_, "pack"] + pack_paths + ["--out", str(out), "--editions", "all"]
cold = timed(pack_cmd + ["--no-cache"], prepare=clean)
row(f"coursekit pack --no-cache ({pack_count} courses, {2 * pack_count} archives)", cold, zip_time, "ratio = pack ÷ zip")
archives = len(list(out.glob("*.ecar")))
print(f"  pack wrote {archives} archives (expected {2 * pack_count})", file=sys.stderr)
if archives != 2 * pack_count:
    sys.exit("pack did not write every archive: the figures would measure a failing run")
subprocess.run(pack_cmd, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
row("coursekit pack, cache warm, nothing changed", timed(pack_cmd), zip_time, "ratio = pack ÷ zip")
lesson = sorted((work / pack_paths[0]).rglob("*.md"))[0]


def touch_lesson():
    with open(lesson, "a", encoding="utf-8") as handle:
        handle.write("\nOne more line.\n")


row("coursekit pack, cache warm, one lesson changed", timed(pack_cmd, prepare=touch_lesson), zip_time, "ratio = pack ÷ zip")
log = (work / ".coursekit-cache" / "last-pack.log").read_text().splitlines() if (work / ".coursekit-cache" / "last-pack.log").exists() else []
print(f"  after one lesson changed: {sum(l.startswith('written') for l in log)} written, {sum(l.startswith('unchanged') for l in log)} unchanged; "
      f"validation batches: {sum(l.startswith('loaded') for l in log)} loaded, {' '.join(l for l in log if l.startswith('reused'))}", file=sys.stderr)

print("| command | median s | ratio to coursekit | peak RSS MiB | runs (s) | note |")
print("| --- | ---: | ---: | ---: | --- | --- |")
for r in rows:
    print("| " + " | ".join(r) + " |")
print(f"\ncatalogue: {len(yaml_files)} YAML + {len(md_files)} Markdown files; validate/floor ratios are tool ÷ coursekit validate")

# The two ratio targets, from back-to-back pairs of runs (PAIRS, default 5): on a shared machine
# the speed drifts by tens of percent within minutes, so a ratio of two medians taken minutes
# apart can be off by as much; each pair's ratio is taken under the same conditions.
pairs = int(os.environ.get("PAIRS", "5"))


def paired(name, reference, measured, target, better, unit):
    ratios = []
    for _ in range(pairs):
        base = run_once(*reference)
        value = run_once(*measured)
        ratios.append(value[0] / base[0])
    ratio = statistics.median(ratios)
    met = ratio <= target if better == "at most" else ratio >= target
    shown = " ".join(f"{r:.2f}" for r in ratios)
    print(f"{name}: {ratio:.2f}{unit} (median of {pairs} pairs: {shown}); target {better} {target}{unit}: {'met' if met else 'NOT met'}")


print(f"\ntargets:")
schema_ratio = schema_result[0] / validate
print(f"check-jsonschema ÷ validate: {'> ' if 'stopped' in schema_result[2] else ''}{schema_ratio:.1f}× (medians above); "
      f"target at least 10×: {'met' if schema_ratio >= 10 else 'NOT met'}")
paired("validate ÷ parse floor", (xargs([floor_bin], yaml_files + md_files, parallel=2), work, True),
       ([bin_, "validate", "courses", "--format", "text"], work), 3, "at most", "×")
paired("pack --no-cache ÷ zip -r -q",
       (["zip", "-r", "-q", "sources.zip"] + pack_paths + ["courses/library", "courses/case-studies"], work, False, clean),
       (pack_cmd + ["--no-cache"], work, False, clean), 1, "at most", "×")
