"""Alignment time for 1k, 10k and 100k synthetic event mentions (near-linear growth).

    .venv/bin/python -m bench.bench_align                # 1k, 10k, 100k
    .venv/bin/python -m bench.bench_align --sizes 1000,10000
    .venv/bin/python -m bench.bench_align --embeddings --sizes 10000,100000,1000000
    .venv/bin/python -m bench.bench_align --embeddings --corpus stories --sizes 10000,100000 --repeat 3

Two synthetic corpora. ``--corpus stories`` (:func:`stories`) grows the way a news corpus
does, by more stories over more days (200 mentions a day, Zipf-distributed lemmas, places and
story sizes, documents that each tell one story): many mentions corefer, so the clustering's
average-link merging is a large share of the time. ``--corpus flat`` (the default, the
original generator, :func:`synthetic`): true events (one per 5 mentions on average) spread over time
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
import contextlib
import functools
import os
import random
import resource
import time

import numpy as np

from fullpicture.align import _events
from fullpicture.align._events import MentionFeatures, Vectors
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
        iv = _interval(rng, ev["day"])
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


def _interval(rng: random.Random, day: int) -> tuple[int, int] | None:
    """A mention's date interval: none (10 %), the event's 30-day month (20 %) or its day."""
    r = rng.random()
    if r < 0.1:
        return None
    if r < 0.3:
        first = day - day % 30
        return (first, first + 29)
    return (day, day)


def _zipf(rng: random.Random, size: int, s: float = 1.1) -> int:
    """An index in ``range(size)`` drawn with probability proportional to ``1 / (k + 1) ** s``
    (inverse-CDF over a cached table)."""
    table = _ZIPF.get((size, s))
    if table is None:
        w = np.cumsum(1.0 / np.arange(1, size + 1) ** s)
        table = _ZIPF[(size, s)] = w / w[-1]
    return min(size - 1, int(np.searchsorted(table, rng.random(), side="right")))


_ZIPF: dict[tuple[int, float], np.ndarray] = {}


def stories(n: int, seed: int = 0, per_day: int = 200) -> tuple[list[MentionFeatures], list[int]]:
    """``n`` mentions of a news-like corpus that grows by more stories over more days, and
    their true event ids.

    The corpus covers ``n / per_day`` days. Each story starts on a day of its own, lasts 1-14
    days, happens at one place (a Zipf draw from ``n / 50`` places, so capitals recur) with a
    few actors (Zipf over 5,000) and holds 1-8 events; each event has a type, a day inside the
    story and 1-3 trigger lemmas drawn (Zipf) from 300 lemmas of its family. A story is told
    by documents of 3-15 mentions of its events (a story's size is Zipf-like: most stories are
    told once or twice, a few by dozens of documents). Dates are stated (70%), at month
    granularity (20%) or missing (10%), as in :func:`synthetic`."""
    rng = random.Random(seed)
    days = max(1, n // per_day)
    fams = list(FAMILIES)
    n_places = max(10, n // 50)
    feats: list[MentionFeatures] = []
    gold: list[int] = []
    n_events = 0
    d = 0
    while len(feats) < n:
        start = 738000 + rng.randrange(days)
        span = 1 + min(13, int(rng.expovariate(1 / 3)))
        place = f"p{_zipf(rng, n_places)}"
        actors = [f"a{_zipf(rng, 5000)}" for _ in range(4)]
        events = []
        for _ in range(rng.randint(1, 8)):
            fam = rng.choice(fams)
            events.append({
                "type": rng.choice(FAMILIES[fam]), "family": fam, "day": start + rng.randrange(span),
                "parts": frozenset(rng.sample(actors, 2)),
                "lemmas": [f"{fam[:3]}{_zipf(rng, 300)}" for _ in range(rng.randint(1, 3))],
                "id": n_events,
            })
            n_events += 1
        for _ in range(1 + _zipf(rng, 60, 1.3)):
            doc = f"d{d}"
            d += 1
            for _ in range(rng.randint(3, 15)):
                if len(feats) >= n:
                    break
                ev = rng.choice(events)
                iv = _interval(rng, ev["day"])
                feats.append(MentionFeatures(
                    doc=doc, lemma=rng.choice(ev["lemmas"]), type=ev["type"], family=ev["family"],
                    interval=iv, places=frozenset({place}), participants=ev["parts"]))
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


def scores(gold: list[int], labels: list[int]) -> tuple[float, float, float, float, float]:
    """The clustering against the generator's true events: B-cubed precision, recall and F1
    (mention-averaged), and pairwise precision and recall (pairs of mentions put together),
    from the contingency table of the two labelings (linear in the mentions)."""
    g = np.asarray(gold, dtype=np.int64)
    r = np.asarray(labels, dtype=np.int64)
    if not len(g):
        return 0.0, 0.0, 0.0, 0.0, 0.0
    width = int(r.max()) + 1
    cells, cnt = np.unique(g * width + r, return_counts=True)
    cnt = cnt.astype(np.float64)
    g_size = np.bincount(g).astype(np.float64)
    r_size = np.bincount(r).astype(np.float64)
    n = len(g)
    b3_r = float(np.sum(cnt**2 / g_size[cells // width])) / n
    b3_p = float(np.sum(cnt**2 / r_size[cells % width])) / n
    b3_f = 2 * b3_p * b3_r / (b3_p + b3_r) if b3_p + b3_r else 0.0
    together = float(np.sum(cnt * (cnt - 1))) / 2
    gold_pairs = float(np.sum(g_size * (g_size - 1))) / 2
    resp_pairs = float(np.sum(r_size * (r_size - 1))) / 2
    pair_p = together / resp_pairs if resp_pairs else 0.0
    pair_r = together / gold_pairs if gold_pairs else 0.0
    return b3_p, b3_r, b3_f, pair_p, pair_r


# what ``--phases`` times: (label, module or class, attribute); times are inclusive (a phase
# called inside another counts in both: the gate's and the features' document similarity in
# ``_doc_column``, the features the average-link loop fetches in ``features``)
_PHASES = (
    ("candidate pairs", "fullpicture.align._events", "candidate_pairs"),
    ("  block memberships", "fullpicture.align._blocking", "_block_members"),
    ("  de-duplication sort", "fullpicture.align._blocking", "_sorted_unique"),
    ("PairScorer set-up", "fullpicture.align._eventpairs:PairScorer", "__init__"),
    ("scored pairs (chunks)", "fullpicture.align._events", "scored_pairs"),
    ("  locality order", "fullpicture.align._blocking", "locality_order"),
    ("  story gate (gate_all / _gate)", "fullpicture.align._eventpairs:PairScorer", "_gate"),
    ("  document similarity", "fullpicture.align._eventpairs:PairScorer", "_doc_column"),
    ("  features", "fullpicture.align._eventpairs:PairScorer", "features"),
    ("  logistic", "fullpicture.align._eventpairs:PairScorer", "logistic"),
    ("  rules", "fullpicture.align._eventpairs:PairScorer", "rules"),
    ("average-link loop", "fullpicture.align._events", "_average_link"),
)


@contextlib.contextmanager
def _phase_timer(totals: dict[str, list[float]]):
    """Wrap each function of :data:`_PHASES` so that its CPU seconds (``process_time``) and
    calls add up in ``totals`` while the block runs; the originals are put back after."""
    import importlib

    saved = []
    for label, where, name in _PHASES:
        mod, _, cls = where.partition(":")
        owner = importlib.import_module(mod)
        if cls:
            owner = getattr(owner, cls)
        orig = owner.__dict__[name] if cls else getattr(owner, name)
        acc = totals.setdefault(label, [0.0, 0])

        def timed(*a, _orig=orig, _acc=acc, **k):
            t = time.process_time()
            try:
                return _orig(*a, **k)
            finally:
                _acc[0] += time.process_time() - t
                _acc[1] += 1

        saved.append((owner, name, orig))
        setattr(owner, name, functools.wraps(orig)(timed))
    try:
        yield totals
    finally:
        for owner, name, orig in reversed(saved):
            setattr(owner, name, orig)


def density(feats: list[MentionFeatures], pairs: np.ndarray) -> str:
    """A line on how dense a corpus is: its documents and days, its candidate pairs, and the
    distinct document pairs among the candidate pairs of two documents (one document product
    each for the story gate), per mention and as a share of all document pairs."""
    from fullpicture.align._eventpairs import value_ids

    n = len(feats)
    doc = value_ids([f.doc for f in feats])
    nd = int(doc.max()) + 1
    days = [f.interval[0] for f in feats if f.interval]
    di, dj = doc[pairs[:, 0]], doc[pairs[:, 1]]
    other = di != dj
    n_other = int(other.sum())
    keys = np.unique(np.minimum(di, dj)[other].astype(np.int64) * nd + np.maximum(di, dj)[other])
    return (f"{n:,} mentions: {nd:,} documents ({n / nd:.1f} mentions each), {max(days) - min(days) + 1:,} days; "
            f"candidate pairs {len(pairs):,} ({len(pairs) / n:.1f} a mention), {n_other:,} across documents; "
            f"distinct document pairs {len(keys):,} ({len(keys) / n:.1f} a mention, one per "
            f"{n_other / max(1, len(keys)):.2f} cross pairs, {len(keys) / (nd * (nd - 1) / 2):.4f} of all "
            f"document pairs; a document is paired with {2 * len(keys) / nd:.0f} of the other {nd - 1:,})")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _print_phases(phases: dict[int, dict[str, list[float]]]) -> None:
    """The CPU seconds of each stage by size (calls in brackets) and their growth per 10x."""
    sizes = sorted(phases)
    print("\nCPU s by stage (inclusive; calls in brackets):\n")
    head = " | ".join(f"{n:,}" for n in sizes)
    grow = [f"{a:,} -> {b:,}" for a, b in zip(sizes, sizes[1:], strict=False)]
    print(f"| stage | {head} | " + " | ".join(grow) + " |")
    print("|---|" + "---:|" * (len(sizes) + len(grow)))
    for label, _where, _name in _PHASES:
        cells = [phases[n].get(label, [0.0, 0]) for n in sizes]
        ratios = []
        for (a, b), (x, y) in zip(zip(sizes, sizes[1:], strict=False),
                                  zip(cells, cells[1:], strict=False), strict=True):
            ratios.append(f"{(y[0] / x[0]) ** (1 / np.log10(b / a)):.1f}x" if x[0] > 0 and y[0] > 0 else "–")
        print(f"| {label} | " + " | ".join(f"{c[0]:.3f} ({int(c[1])})" for c in cells)
              + " | " + " | ".join(ratios) + " |")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--embeddings", action="store_true", help="precomputed sentence/trigger/document vectors")
    ap.add_argument("--dim", type=int, default=384, help="vector width with --embeddings (MiniLM: 384)")
    ap.add_argument("--corpus", choices=("flat", "stories"), default="flat",
                    help="flat: fixed lemma and place vocabularies, 10 mentions a day (the original "
                         "generator); stories: stories over days, Zipf vocabularies (a corpus that grows "
                         "by more stories over more days)")
    ap.add_argument("--repeat", type=int, default=1, help="run each size this many times; report the "
                    "fastest (CPU) run")
    ap.add_argument("--score", action="store_true", help="also print the clustering's B-cubed P/R/F1 and "
                    "pairwise P/R against the generator's true events (not timed)")
    ap.add_argument("--phases", action="store_true", help="also print the CPU seconds of each stage "
                    "(blocking, de-duplication, set-up, story gate, features, rules, average-link loop) "
                    "of the fastest run of each size; inclusive times, the timed runs instrumented")
    ap.add_argument("--density", action="store_true", help="instead of timing, print how dense each "
                    "corpus is: documents, days, candidate pairs, distinct document pairs among them "
                    "(what the story gate computes a product for) per mention and as a share of all "
                    "document pairs")
    args = ap.parse_args(argv)
    cfg = {**load_settings().section("align"), "embeddings": False}
    make = stories if args.corpus == "stories" else synthetic
    if args.density:
        for n in (int(s) for s in args.sizes.split(",")):
            feats, _gold = make(n)
            print(density(feats, _events.candidate_pairs(feats, cfg)), flush=True)
            del feats, _gold
        return 0
    print(f"corpus: {args.corpus}; embeddings: {'precomputed, ' + str(args.dim) + ' dims' if args.embeddings else 'off'}"
          f"; runs per size: {args.repeat} (the fastest by CPU is shown)")
    print(f"load average at start: {os.getloadavg()[0]:.1f} (wall seconds are inflated by other processes; "
          "CPU seconds, this process's user + system time, are not)")
    print("| mentions | candidate pairs | pairs / mention | blocking s | total s | CPU s | growth per 10x (wall) "
          "| growth per 10x (CPU) | CPU s / 1k mentions | clusters | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    prev: tuple[int, float, float] | None = None
    scored: list[str] = []
    phases: dict[int, dict[str, list[float]]] = {}
    for n in (int(s) for s in args.sizes.split(",")):
        feats, gold = make(n)
        vec = vectors(feats, gold, args.dim) if args.embeddings else None
        best: tuple[float, float, float, int, int] | None = None
        for _ in range(max(1, args.repeat)):
            totals: dict[str, list[float]] = {}
            with _phase_timer(totals) if args.phases else contextlib.nullcontext(totals):
                t0, c0 = time.perf_counter(), time.process_time()
                pairs = _events.candidate_pairs(feats, cfg)
                t1 = time.perf_counter()
                labels, _stats = _events.cluster(feats, cfg, vec, pairs)
                t2, c2 = time.perf_counter(), time.process_time()
            run = (c2 - c0, t2 - t0, t1 - t0, len(pairs), len(set(labels)))
            if best is None or run[0] < best[0]:
                best, phases[n] = run, totals
            del pairs
        assert best is not None
        cpu, wall, blocking, n_pairs, n_clusters = best
        score = scores(gold, labels) if args.score else None
        del labels
        growth = growth_cpu = "–"
        if prev is not None:
            per = 1 / np.log10(n / prev[0])
            growth = f"{(wall / prev[1]) ** per:.1f}x"
            growth_cpu = f"{(cpu / prev[2]) ** per:.1f}x"
        prev = (n, wall, cpu)
        print(
            f"| {n:,} | {n_pairs:,} | {n_pairs / n:.1f} | {blocking:.2f} | {wall:.2f} | {cpu:.2f} "
            f"| {growth} | {growth_cpu} | {1000 * cpu / n:.3f} | {n_clusters:,} | {_rss_mb():.0f} |",
            flush=True,
        )
        if score is not None:
            scored.append(f"{n:,} mentions: B-cubed P/R/F1 {score[0]:.4f} / {score[1]:.4f} / {score[2]:.4f}; "
                          f"pairwise P/R {score[3]:.4f} / {score[4]:.4f}")
        del feats, gold, vec
    if scored:
        print("\nagainst the true events:\n" + "\n".join(scored))
    if args.phases:
        _print_phases(phases)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
