"""How far a vague count reaches: "dozens injured" against another side's "700 injured".

A vague number ("dozens", "des centaines", "десятки") stands for its lowest reading (the
``[vague]`` value of ``data/figures/vague*.toml``: 12 for "dozens") and, read generously, for up
to ``figure_vague_reach`` times that (``[align]``; "dozens" up to 120 at 10). Another side's count
whose lower end lies above that reach cannot be the same count told vaguely: the two clash. Only
the upper side is read: "several" (10 in the ACLED convention) against "3" says nothing. A count
beyond the reach of that reach (over 12,000 against "dozens") counts something else, and a vague
word in a document that states the count as a number is that document's summary of it. Only
the vague count of a side of a state is read so: a wire's or an outlet's "dozens hurt" is the
first word of a toll still rising (ECB+: several outlets' "dozens" and a few hundred injured
of one earthquake, reports of one day).

A vague count told on an earlier day than the other side's value is a first report that the later
count passed ("dozens hurt" in the first hours, "300 hurt" the next day): that pair is no
comparison at all (:func:`early_vague`).
"""

from __future__ import annotations

from typing import Any

from fullpicture.align._agents import side_state
from fullpicture.align._figurevalues import figure_range
from fullpicture.models import Figure
from fullpicture.models.comparison import ConflictValue


def reach(cfg: dict[str, Any]) -> float:
    """The ``figure_vague_reach`` factor (0: vague numbers never clash)."""
    return float(cfg.get("figure_vague_reach", 0) or 0)


def beyond_vague(a: tuple[Figure, ConflictValue], b: tuple[Figure, ConflictValue],
                 cfg: dict[str, Any], precise_docs: frozenset[str] = frozenset()) -> bool:
    """Whether one of two values is vague and the other's lower end lies above the vague one's
    reach (its value times ``figure_vague_reach``) but within the reach of that reach (a count
    a hundred times further is another count: a war's total, a town's people).
    ``precise_docs``: the documents that state the count as a number; a vague value of such a
    document is its loose summary of that number ("scores wounded" beside "400 wounded"), no
    reach of its own. Only a side of a state's vague count reaches: its army's "dozens hurt" is
    its account, a wire's or an outlet's "dozens" an early word of a toll still rising."""
    k = reach(cfg)
    if k <= 0 or not (a[0].vague or b[0].vague):
        return False
    for (v, cv), (other, _) in ((a, b), (b, a)):
        if not v.vague or v.value is None or v.value <= 0 or cv.document in precise_docs or side_state(cv.side) is None:
            continue
        r = figure_range(other)
        if r is not None and v.value * k < r[0] <= v.value * k * k:
            return True
    return False


def precise_documents(*sides: list[tuple[Figure, ConflictValue]]) -> frozenset[str]:
    """The documents that state a value of the count that is not vague."""
    return frozenset(cv.document for items in sides for f, cv in items if not f.vague)


def early_vague(x: tuple[Figure, ConflictValue], y: tuple[Figure, ConflictValue], cfg: dict[str, Any]) -> bool:
    """Whether of two values one is vague and told on an earlier day than the other, not vague:
    a first report the other side's later count passed, no pair to compare (with the reach on)."""
    if reach(cfg) <= 0:
        return False
    if x[0].vague == y[0].vague:
        return False
    (_, vv), (_, vo) = (x, y) if x[0].vague else (y, x)
    return bool(vv.date and vo.date and vv.date[:10] < vo.date[:10])
