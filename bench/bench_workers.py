"""``--workers 2`` against ``--workers 1``: whole ``fullpicture analyze`` processes, paired.

Usage:
    .venv/bin/python bench/bench_workers.py --texts ../shared/data/polnear/train/text -n 200 --pairs 3

Each pair runs ``fullpicture analyze FILES --jsonl -o /dev/null --workers 1`` and the same
with ``--workers N`` (order alternating between pairs); prints the median throughput
ratio (documents/s with N workers over documents/s with one; the target on 2 free cores is
at least 1.8) and the load average, which decides how far the figure can be trusted on a
shared machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_process import ROOT, pick_files, timed  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, action="append", required=True)
    ap.add_argument("-n", "--docs", type=int, default=200)
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    files = pick_files(args.texts, args.docs)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    exe = str(Path(sys.executable).with_name("fullpicture"))

    def cmd(w: int) -> list[str]:
        return [exe, "analyze", *map(str, files), "--jsonl", "-o", os.devnull, "--workers", str(w)]

    before = os.getloadavg()[0]
    ratios, one, many = [], [], []
    for i in range(args.pairs):
        runs = [(1, cmd(1)), (args.workers, cmd(args.workers))]
        if i % 2:
            runs.reverse()
        t = {w: timed(c, env)[0] for w, c in runs}
        one.append(t[1])
        many.append(t[args.workers])
        ratios.append(t[1] / t[args.workers])
        print(f"pair {i + 1}: workers 1 {t[1]:.1f}s, workers {args.workers} {t[args.workers]:.1f}s, "
              f"throughput ratio {ratios[-1]:.2f}", file=sys.stderr)
    after = os.getloadavg()[0]
    print(f"{len(files)} documents, median of {args.pairs} pairs, load average {before:.1f} before, {after:.1f} after")
    print(f"| workers | seconds (median) | documents/s |\n|---:|---:|---:|\n"
          f"| 1 | {statistics.median(one):.1f} | {len(files) / statistics.median(one):.2f} |\n"
          f"| {args.workers} | {statistics.median(many):.1f} | {len(files) / statistics.median(many):.2f} |")
    print(f"throughput ratio **{statistics.median(ratios):.2f}x** (target on 2 free cores: >= 1.8x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
