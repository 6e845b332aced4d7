"""CPU seconds of each pipeline component, tokenizing, conversion and JSON, per document.

Usage (from the repository root, ``PYTHONPATH=src``)::

    .venv/bin/python -m bench.components --texts ../shared/data/polnear/train/text -n 100

The documents are read as ``fullpicture analyze`` reads them, then run in batches of 16 inside
the memory zone (as ``analyze`` does: outside it until ``[pipeline] zone_after_strings``), ``nlp.pipeline`` called component by component (``pipe`` where a component
has one), converted to the analysis model and encoded as the ``--jsonl`` line. Two passes; the
second is printed (the first builds what components build on first use). ``--bare`` times the
shipped spaCy model as loaded by ``spacy.load``, as ``bench/bench_process.py``'s bare script
runs it. CPU time (``time.process_time``) is the figure to compare on a loaded machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, default=ROOT.parent / "shared" / "data" / "polnear" / "train" / "text")
    ap.add_argument("-n", "--docs", type=int, default=100)
    ap.add_argument("--bare", action="store_true", help="the bare spaCy model instead of fullpicture's pipeline")
    args = ap.parse_args(argv)
    import spacy

    from fullpicture.batch import encode_json
    from fullpicture.ingest import read_path
    from fullpicture.nlp import pipeline as P
    from fullpicture.nlp._heap import freeze_once
    from fullpicture.nlp._zone import memory_zone
    from fullpicture.nlp.convert import doc_to_analysis
    from fullpicture.nlp.extensions import finish_sync
    from fullpicture.settings import load_settings

    settings = load_settings()
    files = sorted(p for p in args.texts.iterdir() if p.suffix == ".txt")[: args.docs]
    docs = [d for f in files for d in read_path(f, settings=settings)]
    nlp = spacy.load(settings.get("pipeline", "model")) if args.bare else P.get_pipeline(settings, "en")
    cpu: dict[str, float] = defaultdict(float)
    for _ in range(2):
        cpu.clear()
        for i in range(0, len(docs), 16):
            batch = docs[i : i + 16]
            with memory_zone(nlp, not args.bare, 50_000, int(settings.get("pipeline", "zone_after_strings", 0))):
                t = time.process_time()
                ds = [nlp.make_doc(d.text) if args.bare else P.make_doc(nlp, d, deferred=True) for d in batch]
                cpu["make_doc"] += time.process_time() - t
                for name, proc in nlp.pipeline:
                    t = time.process_time()
                    ds = list(proc.pipe(ds, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in ds]
                    cpu[name] += time.process_time() - t
                if not args.bare:
                    t = time.process_time()
                    analyses = [doc_to_analysis(finish_sync(d, False)) for d in ds]
                    cpu["convert"] += time.process_time() - t
            if not args.bare:
                freeze_once(True)
                t = time.process_time()
                for a in analyses:
                    encode_json(a)
                cpu["json"] += time.process_time() - t
    for name, s in sorted(cpu.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {s:.2f} | {1000 * s / len(docs):.1f} |")
    print(f"{len(docs)} documents, {sum(cpu.values()):.2f} CPU s in all (second pass)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
