"""Alignment time for 1k, 10k and 100k synthetic event mentions (near-linear growth).

    .venv/bin/python -m bench.bench_align                # 1k, 10k, 100k
    .venv/bin/python -m bench.bench_align --sizes 1000,10000

Synthetic corpus: true events (one per 5 mentions on average) spread over time
(10 mentions a day); each mention copies its event's type, place and participants, dates
it at day or month granularity (or leaves it undated, 10%), and picks its trigger lemma
from the event's synonym set; documents hold 20 mentions. The shipped ``[align]``
settings are used with embeddings off: sentence embeddings cost a fixed time per mention
(about 8 ms per sentence on one core, see OFFLINE-COMPONENTS) and are not part of this
measurement. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import random
import time

from fullpicture.align._events import MentionFeatures, candidate_pairs, cluster
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


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    args = ap.parse_args(argv)
    cfg = {**load_settings().section("align"), "embeddings": False}
    print("| mentions | candidate pairs | pairs / mention | blocking s | total s | s / 1k mentions | clusters |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in (int(s) for s in args.sizes.split(",")):
        feats, _gold = synthetic(n)
        t0 = time.perf_counter()
        pairs = candidate_pairs(feats, cfg)
        t1 = time.perf_counter()
        labels, _stats = cluster(feats, cfg, None, pairs)
        t2 = time.perf_counter()
        print(
            f"| {n:,} | {len(pairs):,} | {len(pairs) / n:.1f} | {t1 - t0:.2f} | {t2 - t0:.2f} "
            f"| {1000 * (t2 - t0) / n:.3f} | {len(set(labels)):,} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
