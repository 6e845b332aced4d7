"""Framing contrast: what sets each side apart, and tone toward each actor per side.

Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008, "Fightin' Words", Political Analysis 16(4)): for a side ``i`` against all other
sides, with counts ``y`` and prior ``alpha_w = prior_weight * y_w(all documents)``::

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
    z_w = delta_w / sqrt(1 / (y_iw + a_w) + 1 / (y_jw + a_w))

computed on three vocabularies: framing-cue terms, framing categories, and content words.
"""

from __future__ import annotations

import importlib
import math
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from fullpicture.align._util import STOPWORDS, EntityIndex, words
from fullpicture.models import Analysis
from fullpicture.models.comparison import FramingContrast


def log_odds_z(
    counts: Mapping[str, Counter[str]], prior_weight: float = 0.5
) -> dict[str, dict[str, float]]:
    """z-scores of every term for each group against all other groups.

    Terms whose odds are undefined get no score: a vocabulary of a single term (one side
    whose only framing category is scare quotes, say), a group holding every occurrence
    with no prior (``prior_weight`` 0), or an empty group."""
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    prior = max(float(prior_weight), 0.0)
    alpha = {w: prior * n for w, n in total.items()}
    a0 = sum(alpha.values())
    grand = sum(total.values())
    out: dict[str, dict[str, float]] = {}
    for g, c in counts.items():
        n_i = sum(c.values())
        n_j = grand - n_i
        z: dict[str, float] = {}
        for w, a in alpha.items():
            yi = c.get(w, 0)
            yj = total[w] - yi
            parts = (yi + a, n_i + a0 - yi - a, yj + a, n_j + a0 - yj - a)
            if min(parts) <= 0:  # log-odds undefined (0 or infinite odds): no evidence either way
                continue
            delta = math.log(parts[0] / parts[1]) - math.log(parts[2] / parts[3])
            z[w] = delta / math.sqrt(1 / parts[0] + 1 / parts[2])
        out[g] = z
    return out


_SPEAKERS = ("PERSON", "ORG", "NORP")


def _without_names(a: Analysis) -> str:
    """The text with the names of people, organisations and groups blanked: a side's
    spokespeople and outlets set its words apart, but they are who speaks, not how the story is
    told. Place names stay: which name a side uses for a place is part of its telling."""
    spans = [(m.start, m.end) for e in a.entities if e.type in _SPEAKERS for m in e.mentions]
    if not spans:
        return a.text
    chars = list(a.text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


@lru_cache(maxsize=8)
def _stopwords(language: str) -> frozenset[str]:
    """The English stopwords plus spaCy's list for the document's language."""
    if language in ("", "en"):
        return STOPWORDS
    try:
        module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    except ImportError:
        return STOPWORDS
    return STOPWORDS | frozenset(module.STOP_WORDS)


def _shared_languages(analyses: list[Analysis], side_of: Mapping[str, str]) -> set[str]:
    """Languages at least two sides write in: only their words are contrasted, so that a side's
    documents in a language no other side uses do not stand out for their language."""
    sides: dict[str, set[str]] = {}
    for a in analyses:
        if a.document.id in side_of:
            sides.setdefault(a.document.language or "en", set()).add(side_of[a.document.id])
    return {lang for lang, s in sides.items() if len(s) > 1}


def _counts(analyses: list[Analysis], side_of: Mapping[str, str]) -> dict[str, dict[str, Counter[str]]]:
    kinds: dict[str, dict[str, Counter[str]]] = {"term": {}, "category": {}, "word": {}}
    shared = _shared_languages(analyses, side_of)
    for a in analyses:
        side = side_of.get(a.document.id)
        if side is None:
            continue
        for k in kinds:
            kinds[k].setdefault(side, Counter())
        for cue in a.framing:
            kinds["term"][side][f"{cue.category}\t{' '.join(words(cue.text))}"] += 1
            kinds["category"][side][cue.category] += 1
        language = a.document.language or "en"
        if language not in shared:
            continue
        text = _without_names(a)
        body = text
        if a.zones:
            body = " ".join(text[z.start : z.end] for z in a.zones if z.kind in ("body", "heading"))
        names = {w for e in a.entities if e.type in _SPEAKERS for w in words(e.name)}  # "Valdez said" again
        stop = _stopwords(language)
        kinds["word"][side].update(
            w for w in words(body) if w not in stop and len(w) > 1 and not w.isdigit() and w not in names
        )
    return kinds


def framing_contrast(
    analyses: list[Analysis], side_of: Mapping[str, str], cfg: dict[str, Any]
) -> list[FramingContrast]:
    """Per side, the terms, categories and words with the highest log-odds z-scores."""
    if len(set(side_of.values())) < 2:
        return []
    prior = float(cfg.get("prior_weight", 0.5))
    min_z = float(cfg.get("framing_min_z", 1.96))
    top_k = int(cfg.get("framing_top_k", 15))
    rows: list[FramingContrast] = []
    for kind, counts in _counts(analyses, side_of).items():
        if not any(counts.values()):
            continue
        for side, z in log_odds_z(counts, prior).items():
            best = sorted(((s, w) for w, s in z.items() if s >= min_z and counts[side].get(w)), reverse=True)
            for s, w in best[:top_k]:
                if kind == "term":
                    category, term = w.split("\t", 1)
                elif kind == "category":
                    category, term = w, w
                else:
                    category, term = "lexical", w
                rows.append(FramingContrast(side=side, term=term, category=category, score=round(s, 3), kind=kind))  # type: ignore[arg-type]
    return rows


def tone_by_side(
    analyses: list[Analysis], side_of: Mapping[str, str], index: EntityIndex
) -> dict[str, dict[str, float]]:
    """Side -> entity display name -> mean tone (from each document's framing profile)."""
    acc: dict[str, dict[str, list[float]]] = {}
    for a in analyses:
        side = side_of.get(a.document.id)
        if side is None or a.framing_profile is None:
            continue
        for eid, tone in a.framing_profile.tone.items():
            name = index.display(a.document.id, eid, resolve=True) or eid
            acc.setdefault(side, {}).setdefault(name, []).append(float(tone))
    return {
        s: {n: round(sum(v) / len(v), 3) for n, v in sorted(d.items())} for s, d in acc.items()
    }
