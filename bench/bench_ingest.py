"""Memory of ``fullpicture ingest`` as the corpus grows: peak RSS at N and at 10 x N documents.

Usage:
    .venv/bin/python bench/bench_ingest.py --sizes 10000,100000

Synthetic news-like documents (a headline, a dateline, six paragraphs drawn from a small
vocabulary of places, actors and numbers, a byline) are written as JSON Lines files of
100 documents each, then ingested into a fresh SQLite store by the real ``ingest`` command
code (reading, resume check against the store, the in-flight-bounded runner, one
transaction per document; no sentence vectors, as with ``--no-embed``), each size in a fresh process. **The analysis is a stub**: to
time storage and streaming rather than spaCy, every document's analysis holds only its
document info, text and zones (labelled ``STUB`` in the output). Prints documents/s and the
peak RSS per size, and the ratio of the peak RSS at the largest size to the smallest
(target: within 1.10).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLACES = ["Kharkiv", "Gaza", "Stepanakert", "Pristina", "Laayoune", "Famagusta", "Donetsk", "Baku", "Yerevan"]
ACTORS = ["the army", "the ministry", "local officials", "rebels", "police", "the president", "residents"]
VERBS = ["said", "reported", "denied", "confirmed", "claimed", "announced"]
EVENTS = ["shelled", "attacked", "evacuated", "arrested", "killed", "wounded", "blockaded"]


def _doc(rng: random.Random, i: int) -> dict[str, str]:
    place = rng.choice(PLACES)
    paras = []
    for _ in range(6):
        a, v, e = rng.choice(ACTORS), rng.choice(VERBS), rng.choice(EVENTS)
        paras.append(f"{a.capitalize()} {v} that forces {e} {rng.randint(2, 900)} people near {place} "
                     f"on {rng.choice(['Monday', 'Tuesday', 'March 3', 'May 12'])}. "
                     f"The claim could not be verified independently (report {i}-{rng.random():.6f}).")
    return {"title": f"{rng.choice(EVENTS).capitalize()} near {place}", "text": f"{place.upper()} — " + "\n\n".join(paras),
            "published": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "source": f"syn-{i}"}


def write_corpus(folder: Path, n: int, per_file: int = 100) -> None:
    """``n`` synthetic documents in JSON Lines files of ``per_file`` each."""
    rng = random.Random(n)
    for f in range(0, n, per_file):
        with open(folder / f"part-{f // per_file:06d}.jsonl", "w", encoding="utf-8") as fh:
            for i in range(f, min(n, f + per_file)):
                fh.write(json.dumps(_doc(rng, i)) + "\n")


def child(corpus: Path, db: Path) -> None:
    """Ingest ``corpus`` into ``db`` with the stub analysis; print seconds and peak RSS."""
    import fullpicture.batch as batch
    from fullpicture.cli import ingest
    from fullpicture.models import Analysis

    def stub_analyze_many(documents, settings, *, workers=1, dask=False):  # type: ignore[no-untyped-def]
        for d in documents:  # STUB: no NLP, only what the store needs to write a document
            yield Analysis(document=d.info, text=d.text, zones=list(d.zones))

    batch.analyze_many = stub_analyze_many  # type: ignore[assignment]
    t0 = time.perf_counter()
    code = ingest._run((corpus,), str(db), None, None, 1, False, embed=False)  # no sentence vectors: storage only
    secs = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": secs, "peak_rss_mb": rss, "exit": code}))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--child", nargs=2, type=Path, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    rows = []
    print(f"STUB analysis (storage and streaming only), load average {os.getloadavg()[0]:.1f}", flush=True)
    print("| documents | seconds | documents/s | peak RSS MB |\n|---:|---:|---:|---:|", flush=True)
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            write_corpus(corpus, n)
            out = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(Path(tmp) / "store.db")],
                                 env=env, capture_output=True, text=True, check=False)
            if out.returncode != 0:
                raise SystemExit(out.stderr[-2000:])
            r = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append((n, r))
            print(f"| {n:,} | {r['seconds']:.1f} | {n / r['seconds']:.0f} | {r['peak_rss_mb']:.0f} |", flush=True)
    print(f"peak RSS at {rows[-1][0]:,} / at {rows[0][0]:,}: **{rows[-1][1]['peak_rss_mb'] / rows[0][1]['peak_rss_mb']:.3f}**")
    return 0


if __name__ == "__main__":
    sys.exit(main())
