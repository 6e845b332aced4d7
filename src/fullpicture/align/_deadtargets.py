"""Who the dead were, as what was hit: a side that counts its dead as fighters ("the army
neutralised 40 terrorists") against a side that counts them as civilians ("some 60 civilians were
executed") disputes what the act hit, as a side naming a depot against one naming homes does.

Each compared count of the killed in a row (:func:`._figureitems.incident_figures_for`: the
side whose account it is, relays given to the relayed side) whose population is one of
``[dead.populations]`` of ``data/align/dead_targets.toml`` gives a value of field ``target``
of that table's class (its kind from ``[kinds]`` of ``data/events/targets.toml``): the count and
its noun in the document's own words, with their offsets. Counts of no such population (people,
servicemen, a part of a toll) give none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._figureitems import FigureItem
from fullpicture.models import Analysis
from fullpicture.models.comparison import ConflictValue

_NEXT_WORD = re.compile(r"\s*[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


def _noun_end(text: str, end: int, unit: str | None) -> int:
    """The end of a count's noun: the counted noun (``unit``) when it stands within a few words
    after the number, else the first word after it; the number's end when none follows."""
    if unit:
        at = text.lower().find(unit.lower(), end, end + _reach())
        if at >= 0:
            return at + len(unit)
    word = _NEXT_WORD.match(text, end)
    return word.end() if word else end


def _dead() -> dict[str, Any]:
    """The ``[dead]`` table of ``data/align/dead_targets.toml``."""
    table: dict[str, Any] = data_toml("align", "dead_targets.toml").get("dead", {})
    return table


@cache
def _reach() -> int:
    """Characters after a number within which its counted noun stands ("une vingtaine de terroristes")."""
    return int(_dead().get("noun_reach_chars", 0))


@cache
def _classes() -> dict[str, tuple[str, str]]:
    """Population -> (class, kind) of the people it counts."""
    kinds: dict[str, str] = data_toml("events", "targets.toml").get("kinds", {})
    pops: dict[str, str] = _dead().get("populations", {})
    return {str(pop): (str(cls), str(kinds.get(cls, "unspecified"))) for pop, cls in pops.items()}


@cache
def _counts() -> frozenset[str]:
    return frozenset(_dead().get("counts", []))


def dead_values(figs: Mapping[str, Mapping[str, list[FigureItem]]],
                analyses: Mapping[str, Analysis]) -> list[ConflictValue]:
    """The row's counts of the dead as what was hit (see the module docstring); ``analyses``:
    document id -> analysis, for the words of each count."""
    out: list[ConflictValue] = []
    classes = _classes()
    seen: set[tuple[str, int | None]] = set()
    for counts in sorted(_counts()):
        for items in figs.get(counts, {}).values():
            for fig, cv in items:
                told = classes.get(cv.population or "")
                a = analyses.get(cv.document)
                if told is None or a is None or (cv.document, fig.start) in seen:
                    continue
                seen.add((cv.document, fig.start))
                end = _noun_end(a.text, fig.end, fig.unit)
                out.append(ConflictValue(side=cv.side, reported_by=cv.reported_by, value=a.text[fig.start:end],
                                         document=cv.document, claim=cv.claim, start=fig.start, end=end,
                                         field="target", category=told[0], kind=told[1]))
    return out
