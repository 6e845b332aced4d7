"""Cost bounded by size: analyse texts of hostile shapes and compare with news-like text.

Usage:
    .venv/bin/python bench/bench_shapes.py                    # 1 MB each (slow: minutes)
    .venv/bin/python bench/bench_shapes.py --kb 100 --shapes news,one_line
    .venv/bin/python bench/bench_shapes.py --kb 100,200,500,1000 --shapes news   # growth with length

Each shape is analysed in a fresh subprocess (``fullpicture.analyze`` on the text, model
loading not timed); reported: seconds (wall and CPU of the analysis), ratio to the news-like
text of the same size, peak RSS (MB), and with several sizes the CPU per 100 KB. Target
(issue 15): every shape within 10x the news-like time, peak RSS under 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_NEWS = [
    "Illustrative text written for the fullpicture project, paragraph {n}.",
    "The council of the river district met on Monday and agreed to reopen the gate on the upper river, "
    "officials said. At least {n} families had been displaced by the flooding since March, according to "
    "the regional office.",
    "\"We were never consulted about the closure,\" a farmer from the eastern bank told reporters in the "
    "town of Lowford. The western council denied the claim and accused its rivals of so-called sabotage.",
    "Talks between the two councils are expected to resume in April under the mediation of the "
    "provincial governor, Lina Petrova, who said the dispute had gone on for too long.",
]


def make(shape: str, size: int) -> str:
    """A text of about ``size`` characters of one shape."""
    if shape == "news":
        parts, n = [], 0
        while sum(map(len, parts)) < size:
            parts.append(_NEWS[n % len(_NEWS)].format(n=n))
            n += 1
        return "\n\n".join(parts)[:size]
    if shape == "one_line":
        unit = "the council met on monday and agreed to reopen the gate, officials said; "
        return (unit * (size // len(unit) + 1))[:size]
    if shape == "short_lines":
        unit = "gate closed\n"
        return (unit * (size // len(unit) + 1))[:size]
    if shape == "paragraphs":
        return "\n\n".join(f"p{i}" for i in range(size // 8))[:size]
    if shape == "repeated_phrase":
        unit = "the so-called regime terrorists "
        return (unit * (size // len(unit) + 1))[:size]
    if shape == "table":
        rows = ["| district | families | date |", "|---|---|---|"]
        i = 0
        while sum(map(len, rows)) < size:
            rows.append(f"| district {i} | {i * 3} | 2024-03-{i % 28 + 1:02d} |")
            i += 1
        return "\n".join(rows)[:size]
    raise ValueError(shape)


SHAPES = ("news", "one_line", "short_lines", "paragraphs", "repeated_phrase", "table")

_CHILD = """
import json, resource, sys, time
from fullpicture import analyze, load_settings
from fullpicture.ingest import load_text
from fullpicture._api import analyze_document
sys.path.insert(0, {bench!r})
from bench_shapes import make
s = load_settings()
analyze_document(load_text("Warm up: the council met on Monday.", source="<w>"), s)
text = make({shape!r}, {size})
fmt = "markdown" if {shape!r} == "table" else "text"
t0, c0 = time.perf_counter(), time.process_time()
if fmt == "markdown":
    from pathlib import Path
    from fullpicture.ingest._text import read_markdown
    from fullpicture.ingest._build import to_document
    doc = to_document(read_markdown(Path("t.md"), text)[0], "<t>", s)
else:
    doc = load_text(text, source="<t>")
a = analyze_document(doc, s)
dt, cpu = time.perf_counter() - t0, time.process_time() - c0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"shape": {shape!r}, "chars": len(text), "seconds": round(dt, 2), "cpu_s": round(cpu, 2), "peak_rss_mb": round(rss),
                  "entities": len(a.entities), "events": len(a.events), "framing": len(a.framing), "notes": a.document.notes}}))
"""


def run(shape: str, size: int, timeout: int) -> dict:
    """Analyse one shape in a fresh process."""
    code = _CHILD.format(bench=str(ROOT / "bench"), shape=shape, size=size)
    try:
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"shape": shape, "chars": size, "seconds": None, "error": f"over {timeout} s"}
    if res.returncode != 0:
        return {"shape": shape, "chars": size, "seconds": None, "error": res.stderr.strip().splitlines()[-1][:200]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kb", default="1000", help="size of each text in KB (1000 = 1 MB); several: 100,200,500,1000")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--timeout", type=int, default=1800)
    args = ap.parse_args()
    print(f"load average at start {os.getloadavg()[0]:.1f}", flush=True)
    rows = [run(s, int(kb) * 1000, args.timeout) for kb in args.kb.split(",") for s in args.shapes.split(",")]
    print("| shape | chars | seconds | CPU s | CPU s per 100 KB | x news | peak RSS MB | entities | events | framing | notes |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        base = next((b["seconds"] for b in rows if b["shape"] == "news" and b["chars"] == r["chars"] and b.get("seconds")), None)
        ratio = f"{r['seconds'] / base:.1f}" if base and r.get("seconds") else "-"
        per = f"{r['cpu_s'] / (r['chars'] / 100_000):.2f}" if r.get("cpu_s") else "-"
        print(f"| {r['shape']} | {r['chars']:,} | {r.get('seconds') or r.get('error')} | {r.get('cpu_s', '-')} | {per} | {ratio} "
              f"| {r.get('peak_rss_mb', '-')} | {r.get('entities', '-')} | {r.get('events', '-')} | {r.get('framing', '-')} "
              f"| {'; '.join(r.get('notes') or [])} |")
    print(f"load average at end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
