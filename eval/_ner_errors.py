"""Error types of an NER prediction against BIO gold, for the error analysis in
docs/benchmarks/languages.md (``python -m eval.multilingual_ner --sets wikineural-ru --errors``).

Each wrong predicted span is one of: ``type G->P`` (same tokens as a gold entity of type G),
``MISC->P`` (exactly a gold MISC span, which the scores leave out), ``overlapMISC->P``,
``bound G->P longer|shorter|cross`` (overlaps a gold entity G with other edges), ``spurious P``;
each gold entity that no prediction overlaps is ``missed G``."""

from __future__ import annotations

import random
import sys
from collections import Counter


def _misc_spans(tags: list[str]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    start = None
    for i, t in enumerate([*tags, "O"]):
        if start is not None and t != "I-MISC":
            out.add((start, i))
            start = None
        if t == "B-MISC" or (t == "I-MISC" and start is None):
            start = i
    return out


def error_types(tags: list[str], gold: set[tuple[int, int, str]], pred: set[tuple[int, int, str]]) -> Counter[str]:
    """Counts of the error types (module docstring) of one sentence."""
    out: Counter[str] = Counter()
    misc = _misc_spans(tags)
    for a, b, t in pred - gold:
        same = [g for g in gold if g[0] == a and g[1] == b]
        over = [g for g in gold if g[0] < b and a < g[1]]
        if same:
            out[f"type {same[0][2]}->{t}"] += 1
        elif (a, b) in misc:
            out[f"MISC->{t}"] += 1
        elif any(m[0] < b and a < m[1] for m in misc):
            out[f"overlapMISC->{t}"] += 1
        elif over:
            g = over[0]
            edge = "longer" if a <= g[0] and b >= g[1] else "shorter" if a >= g[0] and b <= g[1] else "cross"
            out[f"bound {g[2]}->{t} {edge}"] += 1
        else:
            out[f"spurious {t}"] += 1
    for a, b, t in gold - pred:
        if not any(p[0] < b and a < p[1] for p in pred):
            out[f"missed {t}"] += 1
    return out


Spans = set[tuple[int, int, str]]


def convention_steps(tags: list[str], gold: Spans, pred: Spans) -> dict[str, tuple[Spans, Spans]]:
    """(gold, predicted) of one sentence with the silver labels' conventions read the news way,
    cumulatively: ``quotes_misc`` leaves out predictions that overlap a silver MISC span
    (websites, magazines, events, products); ``quotes_misc_orgloc`` also counts ORG for LOC or
    LOC for ORG on the same tokens as a hit (states, unions, teams, institutions). The spans
    passed in are already quote-trimmed. An upper bound: it forgives some real errors too."""
    misc = _misc_spans(tags)
    kept = {p for p in pred if not any(m[0] < p[1] and p[0] < m[1] for m in misc)}
    labels = {(a, b): t for a, b, t in gold}
    swapped = {(a, b, labels[(a, b)]) if {t, labels.get((a, b))} == {"ORG", "LOC"} else (a, b, t) for a, b, t in kept}
    return {"quotes_misc": (gold, kept), "quotes_misc_orgloc": (gold, swapped)}


def error_units(sent: int, tags: list[str], gold: Spans, pred: Spans) -> list[tuple[int, int, int, str, str]]:
    """``(sentence, start, end, type, error type)`` of each error unit of one sentence: each wrong
    predicted span, and each gold entity that no prediction overlaps (as in :func:`error_types`)."""
    out = []
    for a, b, t in sorted(pred - gold):
        out.append((sent, a, b, t, next(iter(error_types(tags, gold, {(a, b, t)})))))
    for a, b, t in sorted(gold - pred):
        if not any(p[0] < b and a < p[1] for p in pred):
            out.append((sent, a, b, t, f"missed {t}"))
    return out


def _marked(toks: list[str], gold: Spans, pred: Spans) -> str:
    """The tokens with gold spans in [TYPE ...] and predicted spans in {TYPE ...}."""
    ends_g = Counter(b for _, b, _ in gold)
    ends_p = Counter(b for _, b, _ in pred)
    starts_g = {a: t for a, _, t in gold}
    starts_p = {a: t for a, _, t in pred}
    out = []
    for i, w in enumerate([*toks, ""]):
        mark = "}" * ends_p[i] + "]" * ends_g[i]
        mark += f"[{starts_g[i]} " if i in starts_g else ""
        mark += f"{{{starts_p[i]} " if i in starts_p else ""
        out.append(mark + w)
    return " ".join(out).strip()


def print_sample(units: list[tuple[int, int, int, str, str]], sents: list[tuple[list[str], list[str]]],
                 preds: list[Spans], n: int, seed: int) -> None:
    """Print ``n`` error units drawn with ``seed``, each with its window of the sentence, to stderr."""
    from eval.multilingual_ner import bio_spans

    for k, (si, a, b, t, kind) in enumerate(random.Random(seed).sample(units, min(n, len(units)))):
        toks, tags = sents[si]
        lo, hi = max(0, a - 12), min(len(toks), b + 10)
        gold = {(x - lo, y - lo, z) for x, y, z in bio_spans(tags) if x >= lo and y <= hi}
        pred = {(x - lo, y - lo, z) for x, y, z in preds[si] if x >= lo and y <= hi}
        print(f"{k:3d} | {kind} | {' '.join(toks[a:b])} ({t})\n    {_marked(toks[lo:hi], gold, pred)}", file=sys.stderr)
