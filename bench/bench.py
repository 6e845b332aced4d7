"""Time fullpicture's full analysis against bare spaCy ``nlp.pipe`` on the same texts.

Usage:
    .venv/bin/python bench/bench.py                  # examples/ + tests/fixtures/articles/, 200 docs
    .venv/bin/python bench/bench.py -n 500 --texts DIR --json

Reports documents/s for both, the ratio (fullpicture time / spaCy time) and the
peak RSS of the process (resource.getrusage), as a Markdown table (or JSON).
Both runs are warmed up on a few documents first, so model loading is not timed, and
they alternate chunk by chunk (--rounds) so that load from other processes on a shared
machine weighs on both alike.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = (ROOT / "examples", ROOT / "tests" / "fixtures" / "articles")


def _peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process and its (waited-for) children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + ch.ru_utime + ch.ru_stime


def load_documents(dirs: list[Path], n: int) -> list:
    """Read every article under ``dirs`` and repeat them to ``n`` documents.

    Repeats get a distinct numbered last line so that every document has its own id.
    """
    from fullpicture.ingest import Document, iter_documents
    from fullpicture.settings import load_settings

    settings = load_settings()
    base = [d for d in iter_documents(dirs, settings) if isinstance(d, Document)]
    if not base:
        raise SystemExit(f"no documents found under {', '.join(map(str, dirs))}")
    docs = []
    for i in range(n):
        d = base[i % len(base)]
        if i >= len(base):
            from dataclasses import replace

            info = d.info.model_copy(update={"id": f"{d.id[:56]}{i:08d}"})
            d = replace(d, info=info)
        docs.append(d)
    return docs


def bench(n: int, dirs: list[Path], batch_size: int, rounds: int = 6) -> dict:
    """Run both timings and return the figures."""
    import spacy

    from fullpicture import analyze_documents
    from fullpicture.nlp.pipeline import get_pipeline
    from fullpicture.settings import load_settings

    settings = load_settings()
    docs = load_documents(dirs, n)
    texts = [d.text for d in docs]
    chars = sum(len(t) for t in texts)

    from fullpicture.ingest import load_text

    load_text(texts[0], source="<warm>", settings=settings)
    t0 = time.perf_counter()
    for i, t in enumerate(texts):
        load_text(t, source=f"<{i}>", settings=settings)
    t_ingest = time.perf_counter() - t0

    bare = spacy.load(settings.get("pipeline", "model"))
    list(bare.pipe(texts[:4]))
    get_pipeline(settings)
    list(analyze_documents(docs[:4], settings))
    # Interleave the two runs chunk by chunk, so that load from other processes on a
    # shared machine weighs on both alike.
    t_spacy = t_fp = 0.0
    c_spacy = c_fp = 0.0  # CPU seconds (this process and its children), less noisy on a shared machine
    count = 0
    step = max(1, -(-n // rounds))
    for lo in range(0, n, step):
        t0, c0 = time.perf_counter(), _cpu_seconds()
        for _ in bare.pipe(texts[lo:lo + step], batch_size=batch_size):
            pass
        t_spacy += time.perf_counter() - t0
        c_spacy += _cpu_seconds() - c0
        t0, c0 = time.perf_counter(), _cpu_seconds()
        count += sum(1 for _ in analyze_documents(docs[lo:lo + step], settings))
        t_fp += time.perf_counter() - t0
        c_fp += _cpu_seconds() - c0

    return {
        "documents": count,
        "rounds": rounds,
        "characters": chars,
        "spacy_docs_per_s": round(n / t_spacy, 2),
        "fullpicture_docs_per_s": round(n / t_fp, 2),
        "spacy_seconds": round(t_spacy, 2),
        "fullpicture_seconds": round(t_fp, 2),
        "ratio": round(t_fp / t_spacy, 3),
        "spacy_cpu_seconds": round(c_spacy, 2),
        "fullpicture_cpu_seconds": round(c_fp, 2),
        "cpu_ratio": round(c_fp / c_spacy, 3) if c_spacy else None,
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "ingest_docs_per_s": round(n / t_ingest, 2),
        "ingest_seconds": round(t_ingest, 2),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "model": settings.get("pipeline", "model"),
        "python": platform.python_version(),
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
    }


def markdown(r: dict) -> str:
    """The figures as a Markdown table."""
    return "\n".join([
        f"Documents: {r['documents']} ({r['characters']:,} characters), model `{r['model']}`, Python {r['python']}",
        "",
        "| run | documents/s | seconds |",
        "|---|---:|---:|",
        f"| bare spaCy `nlp.pipe` | {r['spacy_docs_per_s']} | {r['spacy_seconds']} |",
        f"| fullpicture `analyze_documents` | {r['fullpicture_docs_per_s']} | {r['fullpicture_seconds']} |",
        f"| ingest only (`load_text`: normalize, zones, authors, language) | {r['ingest_docs_per_s']} | {r['ingest_seconds']} |",
        "",
        f"Ratio (fullpicture time / spaCy time): **{r['ratio']}x**. Peak RSS: **{r['peak_rss_mb']} MB**.",
        f"CPU seconds (process + children): spaCy {r['spacy_cpu_seconds']}, fullpicture {r['fullpicture_cpu_seconds']},"
        f" ratio **{r['cpu_ratio']}x**; load average at the end {r['load_average']}.",
    ])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--docs", type=int, default=200, help="number of documents (texts repeated)")
    ap.add_argument("--texts", type=Path, action="append", help="directory of articles (repeatable)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=6, help="chunks; the two runs alternate chunk by chunk")
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = ap.parse_args(argv)
    result = bench(args.docs, args.texts or list(DEFAULT_DIRS), args.batch_size, args.rounds)
    print(json.dumps(result, indent=2) if args.json else markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
