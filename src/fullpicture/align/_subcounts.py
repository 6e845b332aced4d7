"""A toll told as counts of several groups in one list: the list's sum is the toll, the counts
its parts.

"Two commanders, up to 40 officers and up to 15 advisers were killed" states one toll, broken
down by group: compared item by item, "up to 15 advisers" agrees with any toll under 15 and
"two commanders" with any other side's two, so a rival total of 11 never clashes with it. The
items of such a list are parts (population ``part``: shown, never compared) and their sum is the
side's value of the count: a closed sum where every item is closed, an open one ("at least")
where an item is a lower bound, and the stated numbers' sum told as approximate where an item is
hedged from above ("up to 40"): the list claims that many of each group, the hedge is the
claimant's. A list of one class of people keeps that class; of several, it is ``mixed`` (it
compares with a mixed or generic count, not with a count of one class). Every side is read
alike; the joining words are per-language data (``data/figures/counts.toml`` [sub_counts]).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from typing import Any

from fullpicture._data import language_words
from fullpicture.align._figurevalues import figure_text, population
from fullpicture.models import Analysis, Figure
from fullpicture.models.comparison import ConflictValue

#: populations that never stand in a list of people's counts
_NO_ITEM = frozenset({"things", "total", "earlier", "denied", "recalled", "part", "mixed"})


@functools.lru_cache(maxsize=8)
def _joiner(language: str) -> re.Pattern[str] | None:
    """The words between one item of a list and the next: the item's noun phrase, then a comma
    or a joining word of the language (``counts.toml`` [sub_count_joiners])."""
    words = language_words("figures", "counts.toml", "sub_count_joiners", language)
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"^[^\d.;:!?()\n]{1,50}?(?:,\s*(?:(?:" + alts + r")\s+)?|\s+(?:" + alts + r")\s+)[\"“”«»]?$", re.I)


@functools.lru_cache(maxsize=8)
def _words(language: str, table: str) -> re.Pattern[str] | None:
    """Any word of ``counts.toml`` [``table``] in ``language``: [sub_count_breakers], words that
    make the next number a part of the one before ("including", "of whom") or a count of another
    kind ("and 12 others"); [sub_count_openers], words that open a breakdown of a count told
    before."""
    words = language_words("figures", "counts.toml", table, language)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)",
                      re.I)


def sub_count_lists(a: Analysis, population: Callable[[Analysis, Figure], str]) -> list[list[Figure]]:
    """The lists of counts of different groups of one count in ``a`` ("two commanders, up to 40
    officers and up to 15 advisers were killed"): two items or more of one count and one claim,
    each with a noun of its own, the groups all different, joined by a comma or a joining word
    with no number, clause end or breaking word ("including", "others") between them; no item
    vague, a part, a total or a count of things (``population``)."""
    language = a.document.language or "en"
    join, breaks = _joiner(language), _words(language, "sub_count_breakers")
    opens = _words(language, "sub_count_openers")
    if join is None:
        return []
    figs = sorted((f for f in a.figures if f.counts and f.unit and f.value is not None and not f.vague),
                  key=lambda f: f.start)
    out: list[list[Figure]] = []
    run: list[Figure] = []
    for f in figs:
        prev = run[-1] if run else None
        gap = a.text[prev.end : f.start] if prev is not None else ""
        if (prev is not None and f.counts == prev.counts and f.claim == prev.claim and join.match(gap)
                and not (breaks is not None and breaks.search(gap))
                and (f.unit or "").lower() not in {(g.unit or "").lower() for g in run}):
            run.append(f)
            continue
        if len(run) >= 2:
            out.append(run)
        run = [f]
    if len(run) >= 2:
        out.append(run)
    return [r for r in out if not any(population(a, f) in _NO_ITEM for f in r)
            and not (opens is not None and opens.search(_clause_before(a.text, r[0].start)))]


def _clause_before(text: str, start: int) -> str:
    """The words of the clause before ``start`` ("20 died, including" before "7 children and 4
    women": the list is a breakdown of a count told before it, no toll of its own)."""
    before = text[max(0, start - 60) : start]
    return re.split(r"[.;:!?()\n]", before)[-1]


def list_sum(a: Analysis, items: list[Figure], populations: list[str]) -> tuple[Figure, str]:
    """The sum of a list's items as one figure of their count, and its population (one class,
    else ``mixed``); its text shows the items ("2 + up to 40 + up to 15") and its span covers
    the list."""
    lows = [f.low if f.low is not None else (f.value or 0.0) for f in items]
    highs = [f.high if f.high is not None else math.inf for f in items]
    hedged_above = any(f.low is None and f.high is not None for f in items) or any(f.approximate for f in items)
    stated = sum(f.value or 0.0 for f in items)
    if hedged_above:
        low: float | None
        low, high, approx = None, None, True
    else:
        low, high, approx = sum(lows), (None if any(math.isinf(h) for h in highs) else sum(highs)), False
    first, last = items[0], items[-1]
    total = Figure(id=f"{first.id}+sum", start=first.start, end=last.end,
                   text=" + ".join(f.text for f in items), value=stated, low=low, high=high,
                   unit=None, counts=first.counts, approximate=approx, vague=False, event=first.event,
                   claim=first.claim)
    classes = {p for p in populations if p != "people"}
    return total, (classes.pop() if len(classes) == 1 and "people" not in populations else
                   "people" if not classes else "mixed")


def sub_count_value(a: Analysis, f: Figure, cv: ConflictValue, lists: dict[str, dict[str, list[Figure]]],
                    seen: set[tuple[str, str]],
                    by_count: dict[str, dict[str, list[tuple[Figure, ConflictValue]]]],
                    cfg: dict[str, Any] | None = None) -> ConflictValue:
    """``cv`` (the value of ``f`` in ``a``) as a part where ``f`` is an item of a list of groups'
    counts (:func:`sub_count_lists`), the list's sum added once to ``by_count`` under ``cv``'s side
    (``lists``: each document's items by figure id, filled on first use; ``seen``: the (document,
    figure id) pairs already listed; ``cfg``: the ``[align]`` settings ``population`` reads)."""
    doc = a.document.id

    def pop_of(x: Analysis, g: Figure) -> str:
        return population(x, g, cfg)

    if doc not in lists:
        lists[doc] = {g.id: items for items in sub_count_lists(a, pop_of) for g in items}
    items = lists[doc].get(f.id)
    if items is None:
        return cv
    total, pop = list_sum(a, items, [pop_of(a, g) for g in items])
    if (doc, total.id) not in seen:
        seen.add((doc, total.id))
        by_count.setdefault(f.counts or "", {}).setdefault(cv.side, []).append(
            (total, cv.model_copy(update={"value": figure_text(total), "start": total.start, "end": total.end,
                                          "population": pop})))
    return cv.model_copy(update={"population": "part"})
