"""Disputed counts: a side that rejects another side's count without a number of its own
("Israel disputes this figure", '"They went as far as inflating the numbers of casualties," a
spokesman for the army said') contests that count (``data/figures/disputes.toml``).

A dispute belongs to an incident when its paragraph tells one of the incident's mentions of the
same document. What it disputes is the count its words name ("the death toll", "the numbers of
casualties"), else the count of the incident's figure told last before it in its paragraph ("471
people were killed. X disputes this figure."). Who disputes is the state of the claim holding the
words (its source), else the state the words before the verb name; the dispute sits under the
compared side whose account that is (``_agents.account_side``), and none when no state is named.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from fullpicture.align._agents import account_side, claim_state, name_state, side_state
from fullpicture.align._rowmembers import side_of_state as _side_of_state
from fullpicture.align._util import EntityIndex, published_day
from fullpicture.models import Analysis
from fullpicture.models.comparison import ConflictValue


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[re.Pattern[str], ...]], dict[str, str]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "disputes.toml")
    pats = {lang: tuple(re.compile(p, re.I) for p in ps) for lang, ps in data.get("patterns", {}).items()}
    return pats, {k.lower(): str(v) for k, v in data.get("nouns", {}).items()}


@functools.lru_cache(maxsize=256)
def _hits(language: str, text: str) -> tuple[tuple[int, int, str, str], ...]:
    """The dispute phrases of ``language`` in ``text``: (start, end, phrase, disputed noun), pattern
    by pattern, each in text order. Kept: every incident of a comparison reads its documents'."""
    pats, _ = _lexicon()
    return tuple((hit.start(), hit.end(), hit.group(0),
                  (hit.groupdict().get("of") or hit.groupdict().get("noun") or "").lower())
                 for pat in pats.get(language, pats.get("en", ())) for hit in pat.finditer(text))


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _sentence_start(text: str, para_start: int, pos: int) -> int:
    cut = max(text.rfind(". ", para_start, pos), text.rfind("! ", para_start, pos), text.rfind("? ", para_start, pos))
    return para_start if cut < 0 else cut + 2


def _disputer(a: Analysis, pos: int, sent_start: int, index: EntityIndex) -> str | None:
    holding = [c for c in a.claims if c.start <= pos < c.end and c.source is not None and c.kind != "naming"]
    holding.sort(key=lambda c: c.end - c.start)
    for c in holding:
        state = claim_state(a, c.id, index)
        if state:
            return state
    return name_state(a.text[sent_start:pos])


def figure_disputes(
    members: Sequence[Any], by_count: dict[str, dict[str, list[tuple[Any, ConflictValue]]]], index: EntityIndex,
    hedged: bool = False,
) -> dict[str, dict[str, list[ConflictValue]]]:
    """``counts -> side -> [dispute values]`` of an incident's documents (see the module
    docstring); ``by_count`` is the incident's :func:`~fullpicture.align._figureitems.incident_figures`.
    ``hedged``: also :func:`hedged_disputes`."""
    _, nouns = _lexicon()
    side_of_state = _side_of_state(members)
    docs: dict[str, tuple[Analysis, str, list[int]]] = {}
    for m in members:
        doc = m.analysis.document.id
        docs.setdefault(doc, (m.analysis, m.side, []))[2].append(m.event.evidence.start)
    figs: dict[str, list[tuple[int, str]]] = {}
    for count, per_side in by_count.items():
        for items in per_side.values():
            for f, cv in items:
                figs.setdefault(cv.document, []).append((f.start, count))
    out: dict[str, dict[str, list[ConflictValue]]] = {}
    for doc, (a, side, starts) in docs.items():
        for h0, h1, phrase, noun in _hits(a.document.language or "en", a.text):
            p0, p1 = _paragraph(a.text, h0)
            if not any(p0 <= s < p1 for s in starts):
                continue  # a dispute told away from this incident's mentions
            counts: str | None = nouns.get(noun)
            if counts is None:  # "this figure": the count of the figure told before it
                before = [(s, c) for s, c in figs.get(doc, []) if p0 <= s < h0]
                counts = max(before)[1] if before else None
            if counts is None:
                continue
            state = _disputer(a, h0, _sentence_start(a.text, p0, h0), index)
            who = account_side(side, state, side_of_state) if state else None
            if who is None:
                continue  # nobody named disputes: no side's account
            out.setdefault(counts, {}).setdefault(who, []).append(ConflictValue(
                side=who, reported_by=side if who != side else None, value=phrase,
                document=doc, start=h0, end=h1, field=f"figure:{counts}", date=published_day(a)))
        if hedged:
            for counts, value in hedged_disputes(a, side, starts, by_count, side_of_state, index):
                out.setdefault(counts, {}).setdefault(side, []).append(value)
    return out


@functools.lru_cache(maxsize=1)
def _hedges() -> dict[str, re.Pattern[str]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "disputes.toml").get("hedges", {})
    return {lang: re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)
            for lang, words in data.items() if words}


def hedged_disputes(
    a: Analysis, side: str, starts: Sequence[int], by_count: dict[str, dict[str, list[tuple[Any, ConflictValue]]]],
    side_of_state: dict[str, str], index: EntityIndex, reach: int = 80,
) -> list[tuple[str, ConflictValue]]:
    """A state's side that tells another state's count with a hedge of disbelief just before it
    ("the ministry claimed that the plane was allegedly carrying 65 prisoners", "якобы самолёт
    перевозил 65 пленных"; ``[hedges]`` of disputes.toml) disputes that count: ``(counts,
    dispute value)`` for each such figure in a paragraph of the incident's mentions whose count,
    or a value of the other state's account equal to it, is one of ``by_count``'s counts."""
    mine = side_state(side)
    hedge = _hedges().get(a.document.language or "en")
    if mine is None or hedge is None:
        return []
    out = []
    for f in a.figures:
        p0, p1 = _paragraph(a.text, f.start)
        if not any(p0 <= s < p1 for s in starts):
            continue
        lead = a.text[max(p0, f.start - reach) : f.start]
        cut = max(lead.rfind(". "), lead.rfind("! "), lead.rfind("? "))
        hits = list(hedge.finditer(lead[cut + 1 :] if cut >= 0 else lead))
        state = claim_state(a, f.claim, index)
        if not hits or state is None or state == mine or state not in side_of_state:
            continue
        theirs = side_of_state[state]
        counts = f.counts if f.counts in by_count else next(
            (c for c, per in sorted(by_count.items()) for g, _ in per.get(theirs, []) if g.value == f.value), None)
        if counts is None:
            continue
        start = f.start - len(lead) + (cut + 1 if cut >= 0 else 0) + hits[-1].start()
        out.append((counts, ConflictValue(side=side, value=a.text[start : f.end], document=a.document.id,
                                          start=start, end=f.end, field=f"figure:{counts}", date=published_day(a))))
    return out
