"""Alignment time for 1k, 10k and 100k synthetic event mentions (near-linear growth).

    .venv/bin/python -m bench.bench_align                # 1k, 10k, 100k
    .venv/bin/python -m bench.bench_align --sizes 1000,10000
    .venv/bin/python -m bench.bench_align --embeddings --sizes 10000,100000,1000000

Synthetic corpus: true events (one per 5 mentions on average) spread over time
(10 mentions a day); each mention copies its event's type, place and participants, dates
it at day or month granularity (or leaves it undated, 10%), and picks its trigger lemma
from the event's synonym set; documents hold 20 mentions. The shipped ``[align]``
settings are used with embeddings off: sentence embeddings cost a fixed time per mention
(about 8 ms per sentence on one core, see OFFLINE-COMPONENTS) and are not part of this
measurement. With ``--embeddings`` every mention gets precomputed unit vectors (its
event's sentence and trigger vectors plus noise, ``--dim`` wide, float32) and every
document the normalised mean of its sentences, as ``build_vectors`` makes them, so the
dense features are on and only the embedding model's own time is left out. Prints a
Markdown table with the growth per 10x and the peak RSS of the process.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time

import numpy as np

from fullpicture.align._events import MentionFeatures, Vectors, candidate_pairs, cluster
from fullpicture.settings import load_settings

FAMILIES = {
    "material_conflict": ["ASSAULT", "COERCE", "MOBILIZE"],
    "verbal_conflict": ["ACCUSE", "THREATEN"],
    "movement": ["DISPLACE"],
}


def synthetic(n: int, seed: int = 0) -> tuple[list[MentionFeatures], list[int]]:
    """``n`` mentions and their true event ids."""
    rng = random.Random(seed)
    n_events = max(1, n // 5)
    days = max(1, n // 10)
    events = []
    for e in range(n_events):
        fam = rng.choice(list(FAMILIES))
        events.append(
            {
                "type": rng.choice(FAMILIES[fam]),
                "family": fam,
                "day": 738000 + rng.randrange(days),
                "place": f"p{rng.randrange(max(1, n_events // 3))}",
                "parts": frozenset(f"a{rng.randrange(500)}" for _ in range(2)),
                "lemmas": [f"{fam[:3]}{rng.randrange(40)}" for _ in range(3)],
                "id": e,
            }
        )
    feats, gold = [], []
    for i in range(n):
        ev = rng.choice(events)
        r = rng.random()
        if r < 0.1:
            iv = None
        elif r < 0.3:
            first = ev["day"] - ev["day"] % 30
            iv = (first, first + 29)
        else:
            iv = (ev["day"], ev["day"])
        feats.append(
            MentionFeatures(
                doc=f"d{i // 20}",
                lemma=rng.choice(ev["lemmas"]),
                type=ev["type"],
                family=ev["family"],
                interval=iv,
                places=frozenset({ev["place"]}),
                participants=ev["parts"],
            )
        )
        gold.append(ev["id"])
    return feats, gold


def vectors(feats: list[MentionFeatures], gold: list[int], dim: int, seed: int = 0) -> Vectors:
    """Precomputed unit vectors: per event a sentence and a trigger direction, per mention
    that direction plus noise; per document the normalised mean of its sentence vectors."""
    rng = np.random.default_rng(seed)
    n_events = max(gold) + 1
    g = np.asarray(gold)

    def unit(x: np.ndarray) -> np.ndarray:
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        return x

    sent = np.empty((len(feats), dim), dtype=np.float32)
    trig = np.empty((len(feats), dim), dtype=np.float32)
    step = 100_000
    base_s = unit(rng.standard_normal((n_events, dim), dtype=np.float32))
    base_t = unit(rng.standard_normal((n_events, dim), dtype=np.float32))
    for lo in range(0, len(feats), step):
        hi = min(len(feats), lo + step)
        sent[lo:hi] = unit(base_s[g[lo:hi]] + 0.8 * rng.standard_normal((hi - lo, dim), dtype=np.float32) / np.sqrt(dim) * 4)
        trig[lo:hi] = unit(base_t[g[lo:hi]] + 0.5 * rng.standard_normal((hi - lo, dim), dtype=np.float32) / np.sqrt(dim) * 4)
    del base_s, base_t
    docs: dict[str, np.ndarray] = {}
    rows: dict[str, list[int]] = {}
    for i, f in enumerate(feats):
        rows.setdefault(f.doc, []).append(i)
    for d, r in rows.items():
        v = sent[r].mean(axis=0)
        docs[d] = v / max(float(np.linalg.norm(v)), 1e-12)
    return Vectors(sentence=sent, trigger=trig, document=docs)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--embeddings", action="store_true", help="precomputed sentence/trigger/document vectors")
    ap.add_argument("--dim", type=int, default=384, help="vector width with --embeddings (MiniLM: 384)")
    args = ap.parse_args(argv)
    cfg = {**load_settings().section("align"), "embeddings": False}
    print(f"embeddings: {'precomputed, ' + str(args.dim) + ' dims' if args.embeddings else 'off'}")
    print(f"load average at start: {os.getloadavg()[0]:.1f} (wall seconds are inflated by other processes; "
          "CPU seconds, this process's user + system time, are not)")
    print("| mentions | candidate pairs | pairs / mention | blocking s | total s | CPU s | growth per 10x (wall) "
          "| growth per 10x (CPU) | CPU s / 1k mentions | clusters | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    prev: tuple[int, float, float] | None = None
    for n in (int(s) for s in args.sizes.split(",")):
        feats, gold = synthetic(n)
        vec = vectors(feats, gold, args.dim) if args.embeddings else None
        t0, c0 = time.perf_counter(), time.process_time()
        pairs = candidate_pairs(feats, cfg)
        t1 = time.perf_counter()
        labels, _stats = cluster(feats, cfg, vec, pairs)
        t2, c2 = time.perf_counter(), time.process_time()
        growth = growth_cpu = "–"
        if prev is not None:
            per = 1 / np.log10(n / prev[0])
            growth = f"{((t2 - t0) / prev[1]) ** per:.1f}x"
            growth_cpu = f"{((c2 - c0) / prev[2]) ** per:.1f}x"
        prev = (n, t2 - t0, c2 - c0)
        print(
            f"| {n:,} | {len(pairs):,} | {len(pairs) / n:.1f} | {t1 - t0:.2f} | {t2 - t0:.2f} | {c2 - c0:.2f} "
            f"| {growth} | {growth_cpu} | {1000 * (c2 - c0) / n:.3f} | {len(set(labels)):,} | {_rss_mb():.0f} |",
            flush=True,
        )
        del feats, gold, vec, pairs, labels
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
