#!/usr/bin/env python3
"""Runs one command, prints its wall time, throughput, peak memory and ratio to the baseline.
Usage: measure.py NAME COUNT BASELINE_FILE -- COMMAND..."""
import resource
import subprocess
import sys
import time

name, count, baseline_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
command = sys.argv[sys.argv.index("--") + 1:]
start = time.monotonic()
completed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
seconds = time.monotonic() - start
peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
baseline = None
try:
    for line in open(baseline_file, encoding="utf-8"):
        parts = line.split()
        if len(parts) >= 2 and parts[0] == name and not line.startswith("#"):
            baseline = float(parts[1])
except FileNotFoundError:
    pass
ratio = f"{seconds / baseline:.2f}x baseline ({baseline:.2f} s)" if baseline else "no baseline"
print(f"{name:<9} {count:>6} courses {seconds:>8.2f} s {count / seconds:>9.1f} courses/s "
      f"peak RSS {peak_mib:>7.1f} MiB  exit {completed.returncode}  {ratio}")
if completed.returncode not in (0, 1):
    sys.stderr.write(completed.stderr.decode("utf-8", "replace")[-2000:])
    sys.exit(1)
