"""Error types of an NER prediction against BIO gold, for the error analysis in
docs/benchmarks/languages.md (``python -m eval.multilingual_ner --sets wikineural-ru --errors``).

Each wrong predicted span is one of: ``type G->P`` (same tokens as a gold entity of type G),
``MISC->P`` (exactly a gold MISC span, which the scores leave out), ``overlapMISC->P``,
``bound G->P longer|shorter|cross`` (overlaps a gold entity G with other edges), ``spurious P``;
each gold entity that no prediction overlaps is ``missed G``."""

from __future__ import annotations

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
