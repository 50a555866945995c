#!/usr/bin/env python3
"""Builds a synthetic catalogue of iGOT size from the shipped courses, for benchmarks.

Each shipped department course is copied N times under a new id (its own modules and quizzes
get new ids too), all referencing the one shared library, as a real state catalogue would.
Usage: make-catalogue.py SOURCE_COURSES_DIR OUT_DIR COUNT
"""
import pathlib
import re
import shutil
import sys

source, out, count = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
if out.exists():
    shutil.rmtree(out)
(out / "courses").mkdir(parents=True)
for shared in ("library", "case-studies"):  # case studies: courses cite them (caseStudies:)
    if (source / shared).is_dir():
        shutil.copytree(source / shared, out / "courses" / shared)
schemas = pathlib.Path(__file__).resolve().parent.parent / "schemas"
shutil.copytree(schemas, out / "schemas")
# As the shipped coursekit.yaml: fill-in and match questions become choice questions, else every
# edition is blocked (pack-unplayable-question) and pack writes nothing.
(out / "coursekit.yaml").write_text("extends: up-karmayogi-2026\npack:\n  unplayableQuestions: convert\n", encoding="utf-8")
templates = sorted(p.parent for p in source.glob("*/course.yaml"))
if not templates:
    sys.exit(f"no courses under {source}")
id_line = re.compile(r"^(id:\s*)([a-z][a-z0-9-]*)\s*$", re.M)
for n in range(count):
    template = templates[n % len(templates)]
    target = out / "courses" / f"{template.name}-{n:05d}"
    shutil.copytree(template, target)
    for yaml_file in list(target.rglob("*.yaml")):
        text = yaml_file.read_text(encoding="utf-8")
        yaml_file.write_text(id_line.sub(lambda m: f"{m.group(1)}{m.group(2)[:50]}-{n:05d}", text, count=1), encoding="utf-8")
print(f"{count} courses from {len(templates)} templates in {out}")
