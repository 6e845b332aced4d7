"""Whole-process cost: ``fullpicture analyze`` against a bare spaCy ``nlp.pipe`` script.

Usage:
    .venv/bin/python bench/bench_process.py --texts ../shared/data/polnear/dev/text \
        --texts ../shared/data/polnear/train/text -n 120 --pairs 5

Each *pair* runs two fresh processes on the same texts, one after the other (the order
alternates between pairs): ``fullpicture analyze FILES --jsonl -o /dev/null`` and a
script that loads the same spaCy model and runs ``nlp.pipe`` over the same files' text.
Start-up (imports, model, gazetteer and lexicon loading) is included in both. Wall time and
peak RSS (``os.wait4``) are measured from outside; the medians over the pairs and the
median of the per-pair ratios are printed. The load average before and after is printed
too, since on a shared machine it decides how much the figures can be trusted.

Both sides start from bytecode, as installed packages do: spaCy's modules were byte-compiled
when it was installed, so fullpicture's source is byte-compiled once before the pairs (what
``pip install`` does). ``--no-compile`` skips that; where ``PYTHONDONTWRITEBYTECODE`` is set,
every fullpicture run then compiles its modules from source (about 0.4 CPU s a process).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_EXTS = {".txt", ".md", ".html", ".htm"}

BARE = r"""
import sys, spacy
from pathlib import Path
files = [Path(p) for p in Path(sys.argv[2]).read_text().split("\n") if p]
nlp = spacy.load(sys.argv[1])
n = 0
for doc in nlp.pipe((f.read_text(encoding="utf-8") for f in files), batch_size=16):
    n += len(doc)
print(n)
"""


def pick_files(dirs: list[Path], n: int) -> list[Path]:
    """The first ``n`` article files (sorted) under ``dirs``, in order."""
    out: list[Path] = []
    for d in dirs:
        out += sorted(p for p in d.rglob("*") if p.is_file() and p.suffix.lower() in _EXTS)
    if len(out) < n:
        raise SystemExit(f"only {len(out)} files under {', '.join(map(str, dirs))}, need {n}")
    return out[:n]


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds (user + system) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:3])}... exited {code}: {err[-2000:]}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, action="append", required=True, help="folder of articles (repeatable)")
    ap.add_argument("-n", "--docs", type=int, default=120)
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--workers", type=int, default=1, help="--workers passed to fullpicture analyze")
    ap.add_argument("--settings", type=Path, help="a TOML file passed to fullpicture analyze --settings")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-compile", action="store_true", help="do not byte-compile fullpicture's source first")
    args = ap.parse_args(argv)
    if not args.no_compile:
        compileall.compile_dir(str(ROOT / "src" / "fullpicture"), quiet=1)
    from fullpicture.settings import load_settings

    model = load_settings().get("pipeline", "model")
    files = pick_files(args.texts, args.docs)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    exe = str(Path(sys.executable).with_name("fullpicture"))
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(str(f) for f in files))
        script = Path(tmp) / "bare.py"
        script.write_text(BARE)
        fp_cmd = [exe, "analyze", *map(str, files), "--jsonl", "-o", os.devnull, "--workers", str(args.workers)]
        if args.settings:
            fp_cmd += ["--settings", str(args.settings)]
        bare_cmd = [sys.executable, str(script), model, str(listing)]
        load_before = os.getloadavg()
        rows = []
        for i in range(args.pairs):
            order = [("fp", fp_cmd), ("bare", bare_cmd)]
            if i % 2:
                order.reverse()
            r = {name: timed(cmd, env) for name, cmd in order}
            rows.append(r)
            print(f"pair {i + 1}: fullpicture {r['fp'][0]:.2f}s ({r['fp'][2]:.2f} CPU s) {r['fp'][1]:.0f} MB, "
                  f"bare spaCy {r['bare'][0]:.2f}s ({r['bare'][2]:.2f} CPU s) {r['bare'][1]:.0f} MB, "
                  f"ratio {r['fp'][0] / r['bare'][0]:.3f} (CPU {r['fp'][2] / r['bare'][2]:.3f})", file=sys.stderr)
        load_after = os.getloadavg()
    med = statistics.median
    result = {
        "documents": len(files),
        "characters": sum(len(f.read_text(encoding="utf-8")) for f in files),
        "pairs": args.pairs,
        "workers": args.workers,
        "fullpicture_s": round(med(r["fp"][0] for r in rows), 2),
        "bare_spacy_s": round(med(r["bare"][0] for r in rows), 2),
        "time_ratio": round(med(r["fp"][0] / r["bare"][0] for r in rows), 3),
        "fullpicture_cpu_s": round(med(r["fp"][2] for r in rows), 2),
        "bare_spacy_cpu_s": round(med(r["bare"][2] for r in rows), 2),
        "cpu_ratio": round(med(r["fp"][2] / r["bare"][2] for r in rows), 3),
        "fullpicture_rss_mb": round(med(r["fp"][1] for r in rows)),
        "bare_spacy_rss_mb": round(med(r["bare"][1] for r in rows)),
        "rss_ratio": round(med(r["fp"][1] / r["bare"][1] for r in rows), 3),
        "compiled": not args.no_compile,
        "load_avg_before": [round(x, 2) for x in load_before],
        "load_avg_after": [round(x, 2) for x in load_after],
        "model": model,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['documents']} documents, {result['characters']:,} characters, median of {args.pairs} pairs "
              f"(load average before {result['load_avg_before'][0]}, after {result['load_avg_after'][0]})")
        print("| run | seconds | CPU seconds | peak RSS MB |")
        print("|---|---:|---:|---:|")
        print(f"| bare spaCy `nlp.pipe` (process) | {result['bare_spacy_s']} | {result['bare_spacy_cpu_s']} "
              f"| {result['bare_spacy_rss_mb']} |")
        print(f"| `fullpicture analyze --jsonl` (process) | {result['fullpicture_s']} | {result['fullpicture_cpu_s']} "
              f"| {result['fullpicture_rss_mb']} |")
        print(f"time ratio **{result['time_ratio']}x**, CPU ratio **{result['cpu_ratio']}x**, "
              f"RSS ratio **{result['rss_ratio']}x** (medians of the per-pair ratios)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
