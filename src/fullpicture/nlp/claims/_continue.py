"""Quotations continued after their attribution: '"Q1," X said. "Q2."'.

A speaker's quotation is often split by the attribution: the first piece, then the source
and cue, then (in the same paragraph) the rest of what was said in a second quotation
with no cue of its own. The content of that attribution is both pieces (PolNeAR annotates
it as one discontinuous content; a claim keeps one span, from the first piece to the end of
the second). The second piece's orphan claim (a quotation the tagger kept without a cue)
goes; claims whose cue lies inside it are left for :func:`~._merge.univocal` to drop.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from fullpicture.nlp.claims._extract import RawClaim
from fullpicture.nlp.claims._spans import quote_window

# what may stand between the attribution and the second piece: the rest of the attribution's
# sentence ("said Smith, an economist at ...", "she said, clapping."), on one line, no quotation
_GAP = re.compile(r"[^\n\"“”«»]{1,200}")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def continue_quotes(text: str, claims: list[RawClaim], quotes: list[tuple[int, int]]) -> list[RawClaim]:
    """The claims, with quoted contents extended over the quotation that continues them.

    ``quotes`` are the text's quotation spans (:func:`~._spans.quote_spans`, sorted). A claim
    is extended when its content is a quotation (up to a trailing character) that ends before
    its cue and source, and the next quotation starts after them in the same paragraph with
    only the rest of their sentence between; not when another claim's cue lies in between or
    another attribution (with a cue outside it) already holds that quotation.
    """
    att = [c for c in claims if c.kind != "naming"]
    starts = [q[0] for q in quotes]
    drop: set[int] = set()
    for c in att:
        if c.cue is None or id(c) in drop:
            continue
        cs, ce = c.content
        if c.cue[0] < ce or not any(qs <= cs < qe and abs(qe - ce) <= 1 for qs, qe in quote_window(quotes, cs, cs)):
            continue
        tail = max(c.cue[1], c.source[1] if c.source else 0)
        k = bisect_left(starts, tail)
        if k >= len(quotes) or not _GAP.fullmatch(text[tail : quotes[k][0]]):
            continue
        q2 = quotes[k]
        if any(
            o is not c and o.cue is not None
            and (tail <= o.cue[0] < q2[0] or _overlaps(o.content, q2) and not q2[0] <= o.cue[0] < q2[1])
            for o in att
        ):
            continue
        drop.update(id(o) for o in att if o.cue is None and _overlaps(o.content, q2))
        c.content = (cs, q2[1])
    return [c for c in claims if id(c) not in drop] if drop else claims
