"""The long fuzz run (``make fuzz``): the properties of tests/test_fuzz.py with many inputs.

Usage:
    .venv/bin/python bench/fuzz.py                       # 2,000 inputs per reader property
    .venv/bin/python bench/fuzz.py --examples 200 --compare 5 --seed 1

Runs pytest on tests/test_fuzz.py in a child process with FULLPICTURE_FUZZ_EXAMPLES set,
then prints one Markdown table: inputs per property, the slowest input (each is bounded to
10 s: a hang fails its property), failures (a traceback, a lost good document or invalid
UTF-8 fails the property, and pytest shows the shrunk input) and the child's peak RSS.
Exit status 0 when every property held and peak RSS stayed under --max-rss-mb.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=2000, help="inputs per reader property (5 properties)")
    ap.add_argument("--compare", type=int, default=20, help="inputs for the compare property")
    ap.add_argument("--seed", type=int, default=None, help="a random seed (default: hypothesis's derandomized run)")
    ap.add_argument("--max-rss-mb", type=float, default=1024)
    args = ap.parse_args()
    stats = Path(tempfile.mkdtemp(prefix="fp-fuzz-stats-")) / "stats.json"
    env = {**os.environ, "FULLPICTURE_FUZZ_EXAMPLES": str(args.examples),
           "FULLPICTURE_FUZZ_COMPARE_EXAMPLES": str(args.compare), "FULLPICTURE_FUZZ_STATS": str(stats),
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", str(ROOT / "tests" / "test_fuzz.py")]
    if args.seed is not None:
        env["FULLPICTURE_FUZZ_SEED"] = str(args.seed)
        cmd += [f"--hypothesis-seed={args.seed}"]
    t0 = time.monotonic()
    res = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    wall = time.monotonic() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    data = json.loads(stats.read_text()) if stats.exists() else {"counts": {}, "slowest_s": {}}
    counts, slowest = data["counts"], data["slowest_s"]
    summary = res.stdout.strip().splitlines()[-1] if res.stdout.strip() else res.stderr.strip()[-300:]
    print(f"fuzz: {sum(counts.values()):,} inputs in {wall:.0f} s, pytest: {summary}, peak RSS {rss:.0f} MB")
    print("| property | inputs | slowest input (s) |")
    print("|---|---|---|")
    for k in sorted(counts):
        print(f"| {k} | {counts[k]:,} | {slowest.get(k, 0):.2f} |")
    print(f"| **all** | **{sum(counts.values()):,}** | {max(slowest.values(), default=0):.2f} |")
    if res.returncode != 0:
        print(res.stdout[-6000:], file=sys.stderr)
    ok = res.returncode == 0 and rss < args.max_rss_mb
    print(f"fuzz: {'OK' if ok else 'FAILED'} (failures make pytest fail; peak RSS limit {args.max_rss_mb:.0f} MB)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
