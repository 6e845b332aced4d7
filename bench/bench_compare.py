"""A comparison of many documents from files, stage by stage.

Usage:
    .venv/bin/python bench/bench_compare.py --texts ../shared/data/polnear/train/text -n 300 --workers 2

Sides are the publishers (the PolNeAR file name prefix: breitbart, nyt, ...). Times, in one
process: reading the files, analysing them (``--workers`` processes), then
``fullpicture.align.compare`` split into embedding the event sentences and triggers
(``build_vectors``), event clustering, claim matching (``align_claims``), the rest of the
alignment, and rendering the HTML report. ``--no-embeddings`` switches the MiniLM features
off (lexical similarity only). Prints a Markdown table and the load average.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, action="append", required=True)
    ap.add_argument("-n", "--docs", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-embeddings", action="store_true")
    args = ap.parse_args(argv)

    import fullpicture.align._compare as C
    from fullpicture import analyze_many, load_settings
    from fullpicture.align import assign_sides
    from fullpicture.ingest import read_path
    from fullpicture.report import render_html

    settings = load_settings()
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, fn: Any) -> Any:  # wrap a function of the alignment module, adding up its time
        def wrapper(*a: Any, **k: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.perf_counter() - t0
        return wrapper

    C.build_vectors = timed("embeddings (build_vectors)", C.build_vectors)
    C.cluster = timed("event clustering", C.cluster)
    C.align_claims = timed("claims (align_claims)", C.align_claims)
    load0 = os.getloadavg()[0]
    t_all = time.perf_counter()
    by_side: dict[str, list[Path]] = defaultdict(list)
    for p in sorted(p for d in args.texts for p in d.rglob("*.txt")):
        by_side[p.name.split("_")[0]].append(p)
    files = [f for group in zip(*by_side.values(), strict=False) for f in group]  # publishers in turn
    files += [f for g in by_side.values() for f in g if f not in set(files)]
    files = files[: args.docs]
    t0 = time.perf_counter()
    docs = [d for f in files for d in read_path(f, settings=settings)]
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    analyses = [a for a in analyze_many(docs, settings, workers=args.workers) if hasattr(a, "events")]
    t_analyse = time.perf_counter() - t0
    user = {a.document.id: Path(a.document.source).name.split("_")[0] for a in analyses}
    if args.no_embeddings:
        C._cfg = lambda s: {**(s or load_settings()).section("align"), "embeddings": False}
    t0 = time.perf_counter()
    comparison = C.compare(analyses, sides=assign_sides(analyses, user), settings=settings)
    t_align = time.perf_counter() - t0
    t0 = time.perf_counter()
    html = render_html(comparison)
    t_render = time.perf_counter() - t0
    total = time.perf_counter() - t_all
    rest = t_align - sum(spent.values())
    n_claims = sum(len(a.claims) for a in analyses)
    n_events = sum(len(a.events) for a in analyses)
    print(f"{len(analyses)} documents ({n_events} event mentions, {n_claims} claims), {len(set(user.values()))} sides, "
          f"workers {args.workers}, embeddings {'off' if args.no_embeddings else 'on'}, "
          f"load average {load0:.1f} before, {os.getloadavg()[0]:.1f} after")
    print("| stage | seconds |\n|---|---:|")
    print(f"| reading {len(files)} files | {t_read:.1f} |")
    print(f"| analysis | {t_analyse:.1f} |")
    for name, s in spent.items():
        print(f"| {name} | {s:.1f} |")
    print(f"| rest of the alignment | {rest:.1f} |")
    print(f"| HTML report ({len(html) // 1024} KB) | {t_render:.1f} |")
    print(f"| **total** | **{total:.1f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
