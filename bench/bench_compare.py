"""A comparison of many documents, stage by stage, from files or from a store.

Usage:
    .venv/bin/python bench/bench_compare.py --texts ../shared/data/polnear/train/text -n 300 --workers 2
    .venv/bin/python bench/bench_compare.py --texts ... -n 300 --store /tmp/p300.db   # ingest once, then from the store

Sides are the publishers (the PolNeAR file name prefix: breitbart, nyt, ...). Times, in one
process: reading the files, analysing them (``--workers`` processes), then
``fullpicture.align.compare`` split into embedding the event sentences and triggers
(``build_vectors``), event clustering (``incidents``), claim matching (``align_claims``,
embedding the claims included), the rest of the alignment, and rendering the HTML report.
Each stage: wall seconds and CPU seconds (this process and its finished children, so the
analysis workers and every ONNX thread count).

``--store DB``: the analyses are stored in ``DB`` (with their sentence vectors, as ``fullpicture
ingest`` does) when it is empty, then loaded back and compared from the store: the second
run of a comparison, which embeds nothing. ``--cache-dir`` sets the file cache of vectors
(default: a fresh temporary folder, so a run from files embeds everything; the usual gazetteer
index is linked into it when it has none, so that its one-time build is not timed as analysis). ``--no-embeddings``
switches the MiniLM features off (lexical similarity only). ``--json PATH`` writes the
comparison's JSON (to check that two trees give the same). Prints a Markdown table, the
number of texts the model encoded, and the load average.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any


def _cpu() -> float:
    """CPU seconds of this process, its finished children and its live ones (the pool's
    workers stay alive between stages, so ``os.times`` alone would miss them)."""
    t = os.times()
    live = 0.0
    try:
        import psutil

        for c in psutil.Process().children(recursive=True):
            try:
                ct = c.cpu_times()  # a forkserver's reaped workers are in its children_* times
                live += ct.user + ct.system + ct.children_user + ct.children_system
            except psutil.Error:
                pass
    except ImportError:  # pragma: no cover - psutil is a dependency of a dependency
        pass
    return t.user + t.system + t.children_user + t.children_system + live


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, action="append", required=True)
    ap.add_argument("-n", "--docs", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-embeddings", action="store_true")
    ap.add_argument("--store", type=Path, help="compare from this store (filled from the files when empty)")
    ap.add_argument("--analyses", type=Path,
                    help="fill the store from these analyses (JSON Lines) instead of analysing the files again")
    ap.add_argument("--cache-dir", type=Path,
                    help="the vector file cache's folder (default: a fresh one; the usual gazetteer index is linked in)")
    ap.add_argument("--json", type=Path, help="write the comparison's JSON here")
    args = ap.parse_args(argv)
    cache_dir = args.cache_dir or Path(tempfile.mkdtemp(prefix="fp-bench-cache-"))
    os.environ["FULLPICTURE_CACHE_DIR"] = str(cache_dir)
    # the gazetteer index (built once per installation, minutes) would be rebuilt in a fresh
    # cache folder and counted as analysis: link the usual one where the folder has none
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fullpicture"
    for g in home.glob("gazetteer-*.sqlite"):
        if cache_dir.resolve() != home.resolve() and not (cache_dir / g.name).exists():
            cache_dir.mkdir(parents=True, exist_ok=True)
            (cache_dir / g.name).symlink_to(g)

    import fullpicture._compare as P
    import fullpicture.align._compare as C
    from fullpicture import analyze_many, load_settings, open_store, precompute_vectors
    from fullpicture.align import assign_sides
    from fullpicture.align._embed import embedder_for
    from fullpicture.ingest import read_path
    from fullpicture.report import render_html

    settings = load_settings()
    wall: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)

    def timed(name: str, fn: Any) -> Any:  # wrap a function of the alignment module, adding up its time
        def wrapper(*a: Any, **k: Any) -> Any:
            t0, c0 = time.perf_counter(), _cpu()
            try:
                return fn(*a, **k)
            finally:
                wall[name] += time.perf_counter() - t0
                cpu[name] += _cpu() - c0
        return wrapper

    def stage(name: str, fn: Any, *a: Any, **k: Any) -> Any:
        return timed(name, fn)(*a, **k)

    C.build_vectors = timed("embeddings of event sentences and triggers (`build_vectors`)", C.build_vectors)
    C.incidents = timed("event clustering (`incidents`)", C.incidents)
    C.align_claims = timed("claims (`align_claims`, embedding the claims included)", C.align_claims)
    if args.no_embeddings:
        C._cfg = lambda s: {**(s or load_settings()).section("align"), "embeddings": False}
    load0 = os.getloadavg()[0]
    t_all, c_all = time.perf_counter(), _cpu()
    by_side: dict[str, list[Path]] = defaultdict(list)
    for p in sorted(p for d in args.texts for p in d.rglob("*.txt")):
        by_side[p.name.split("_")[0]].append(p)
    files = [f for group in zip(*by_side.values(), strict=False) for f in group]  # publishers in turn
    files += [f for g in by_side.values() for f in g if f not in set(files)]
    files = files[: args.docs]
    store = open_store(args.store, settings) if args.store else None
    vectors = P.vector_cache(settings, store)
    emb = embedder_for(settings.section("align")) if not args.no_embeddings else None
    if store is not None and store.count() == 0:
        if args.analyses:
            from fullpicture.models import Analysis

            analyses = stage("analysis", lambda: [Analysis.model_validate_json(x)
                                                   for x in args.analyses.read_text().splitlines() if x.strip()])
        else:
            docs = stage(f"reading {len(files)} files", lambda: [d for f in files for d in read_path(f, settings=settings)])
            analyses = stage("analysis", lambda: [a for a in analyze_many(docs, settings, workers=args.workers)
                                                   if hasattr(a, "events")])
        stage("ingest: storing analyses and their vectors", lambda: (
            [store.add(a) for a in analyses], precompute_vectors(analyses, settings, vectors)))
        print(f"store filled: {len(analyses)} documents, {wall['analysis']:.1f} s analysis, "
              f"{wall['ingest: storing analyses and their vectors']:.1f} s storing and embedding "
              f"({emb.encoded if emb else 0} texts); run again to compare from the store")
        store.close()
        return 0
    if store is not None:
        analyses = stage("loading analyses from the store", lambda: list(store.iter_analyses()))
    else:
        docs = stage(f"reading {len(files)} files", lambda: [d for f in files for d in read_path(f, settings=settings)])
        analyses = stage("analysis", lambda: [a for a in analyze_many(docs, settings, workers=args.workers)
                                               if hasattr(a, "events")])
    encoded0 = emb.encoded if emb is not None else 0
    user = {a.document.id: Path(a.document.source).name.split("_")[0] for a in analyses}
    comparison = stage("alignment", lambda: C.compare(analyses, sides=assign_sides(analyses, user), settings=settings,
                                                       vectors=vectors))
    html = stage("HTML report", lambda: render_html(comparison))
    total, total_cpu = time.perf_counter() - t_all, _cpu() - c_all
    inner = [k for k in wall if k.startswith(("embeddings", "event clustering", "claims"))]
    wall["rest of the alignment"] = wall.pop("alignment") - sum(wall[k] for k in inner)
    cpu["rest of the alignment"] = cpu.pop("alignment") - sum(cpu[k] for k in inner)
    n_claims = sum(len(a.claims) for a in analyses)
    n_events = sum(len(a.events) for a in analyses)
    encoded = (emb.encoded - encoded0) if emb is not None else 0
    print(f"{len(analyses)} documents ({n_events} event mentions, {n_claims} claims), {len(set(user.values()))} sides, "
          f"{'from the store' if store is not None else 'from files'}, workers {args.workers}, "
          f"embeddings {'off' if args.no_embeddings else 'on'}, texts encoded by the model in the comparison: {encoded}, "
          f"load average {load0:.1f} before, {os.getloadavg()[0]:.1f} after, {os.cpu_count()} cores")
    print("| stage | wall s | CPU s |\n|---|---:|---:|")
    order = [k for k in wall if k != "HTML report" and k != "rest of the alignment"] + ["rest of the alignment"]
    order += ["HTML report"]
    for name in order:
        label = f"HTML report ({len(html) // 1024} KB)" if name == "HTML report" else name
        print(f"| {label} | {wall[name]:.1f} | {cpu[name]:.1f} |")
    print(f"| **total** | **{total:.1f}** | **{total_cpu:.1f}** |")
    if args.json:
        import json

        args.json.write_text(json.dumps(comparison.to_json_dict(), ensure_ascii=False, sort_keys=True))
    if store is not None:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
