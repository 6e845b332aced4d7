"""``--workers 2`` against ``--workers 1``: whole ``fullpicture analyze`` processes, paired.

Usage:
    .venv/bin/python bench/bench_workers.py --texts ../shared/data/polnear/train/text -n 200 --pairs 3

Each pair runs ``fullpicture analyze FILES --jsonl -o /dev/null --workers 1`` and the same
with ``--workers N`` (order alternating between pairs); prints the median throughput
ratio (documents/s with N workers over documents/s with one; the target on 2 free cores is
at least 1.8) and the load average, which decides how far the figure can be trusted on a
shared machine. It also prints the CPU seconds of each whole process tree (the main process and
every pool worker, user + system, sampled with psutil every 0.2 s: a process's last 0.2 s
may be missed; the forkserver's workers are not the main process's children, so
``os.wait4`` alone would miss them) and the **CPU-normalised ratio** ``N x CPU(1) /
CPU(N)``: the throughput ratio N free cores would give if the N workers kept them busy, which
a loaded machine cannot show in wall time. It is an upper bound; what it leaves out is the
serial part (reading, writing, the pool's start), seen in the wall ratio on a free machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_process import ROOT, pick_files  # noqa: E402


def timed_tree(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, 0 (no RSS here) and CPU seconds of the whole process tree of ``cmd``."""
    import subprocess
    import time

    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: dict[int, float] = {}
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            for p in [root, *root.children(recursive=True)]:
                try:
                    c = p.cpu_times()
                    seen[p.pid] = c.user + c.system
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        time.sleep(0.2)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:3])}... exited {proc.returncode}")
    return time.perf_counter() - t0, 0.0, sum(seen.values())


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
    ratios, one, many, cpu_ratios = [], [], [], []
    cpu1: list[float] = []
    cpun: list[float] = []
    for i in range(args.pairs):
        runs = [(1, cmd(1)), (args.workers, cmd(args.workers))]
        if i % 2:
            runs.reverse()
        r = {w: timed_tree(c, env) for w, c in runs}
        t = {w: v[0] for w, v in r.items()}
        one.append(t[1])
        many.append(t[args.workers])
        ratios.append(t[1] / t[args.workers])
        cpu1.append(r[1][2])
        cpun.append(r[args.workers][2])
        cpu_ratios.append(args.workers * cpu1[-1] / cpun[-1])
        print(f"pair {i + 1}: workers 1 {t[1]:.1f}s ({cpu1[-1]:.1f} CPU s), workers {args.workers} "
              f"{t[args.workers]:.1f}s ({cpun[-1]:.1f} CPU s), throughput ratio {ratios[-1]:.2f}, "
              f"CPU-normalised {cpu_ratios[-1]:.2f}", file=sys.stderr)
    after = os.getloadavg()[0]
    print(f"{len(files)} documents, median of {args.pairs} pairs, load average {before:.1f} before, {after:.1f} after")
    med = statistics.median
    print(f"| workers | seconds (median) | documents/s | CPU seconds (median) |\n|---:|---:|---:|---:|\n"
          f"| 1 | {med(one):.1f} | {len(files) / med(one):.2f} | {med(cpu1):.1f} |\n"
          f"| {args.workers} | {med(many):.1f} | {len(files) / med(many):.2f} | {med(cpun):.1f} |")
    print(f"throughput ratio **{med(ratios):.2f}x** (wall; target on 2 free cores: >= 1.8x), "
          f"CPU-normalised **{med(cpu_ratios):.2f}x**")
    return 0


if __name__ == "__main__":
    sys.exit(main())
