"""Quotations continued after their attribution: '"Q1," X said. "Q2."'.

A speaker's quotation is often split by the attribution: the first piece, then the source
and cue, then (in the same paragraph) the rest of what was said in a second quotation
with no cue of its own. The content of that attribution is both pieces (PolNeAR annotates
it as one discontinuous content; a claim keeps one span, from the first piece to the end of
the second). The second piece's orphan claim (a quotation the tagger kept without a cue)
goes; claims whose cue lies inside it are left for :func:`~._merge.univocal` to drop.

A speaker's quotation also runs on over the next paragraphs, each of them one quotation
with no attribution of its own ('"Q1," X said.¶¶"Q2."'): in PolNeAR train, 72 of 124 such
paragraphs continue the content of the attribution that ends the paragraph before, and 11
carry no attribution (:func:`continue_paragraphs`).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from fullpicture.nlp.claims._raw import RawClaim
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
    claims = [c for c in claims if id(c) not in drop] if drop else claims
    return _opening_pieces(text, claims, quotes)


# between the first piece and the attribution: at most a comma and spaces
_LEAD_GAP = re.compile(r"[ \t,]{0,3}")


def _opening_pieces(text: str, claims: list[RawClaim], quotes: list[tuple[int, int]]) -> list[RawClaim]:
    """The claims, with a quoted content after its attribution joined to the quotation's
    first piece before it ('"Hopefully," the mayor said, "the bridge will hold."', where the
    parse gave the verb only the second piece): a quotation that ends with a comma inside
    its closing mark right before the source or cue, in the same paragraph, held by no other
    attribution with a cue. A cue-less claim on the first piece goes."""
    att = [c for c in claims if c.kind != "naming"]
    ends = [q[1] for q in quotes]
    drop: set[int] = set()
    for c in att:
        if c.cue is None:
            continue
        head = min(c.cue[0], c.source[0] if c.source else c.cue[0])
        tail = max(c.cue[1], c.source[1] if c.source else 0)
        cs = c.content[0]
        if cs < tail or not any(qs == cs for qs, _ in quote_window(quotes, cs, cs)):
            continue
        k = bisect_left(ends, head + 1) - 1  # the last quotation ending at or before the attribution
        if k < 0:
            continue
        q1 = quotes[k]
        if not _LEAD_GAP.fullmatch(text[q1[1] : head]) or text[q1[1] - 2 : q1[1] - 1] != "," and text[q1[1] - 3 : q1[1] - 2] != ",":
            continue
        if "\n" in text[q1[1] : cs] or any(o is not c and o.cue is not None and _overlaps(o.content, q1) for o in att):
            continue
        drop.update(id(o) for o in att if o.cue is None and _overlaps(o.content, q1))
        c.content = (q1[0], c.content[1])
    return [c for c in claims if id(c) not in drop] if drop else claims


# what may follow the attribution at the end of its paragraph: the rest of its sentence
# ("said on Monday."), no other sentence and no quotation
_TAIL = re.compile(r"[^\n\"“”«».!?]{0,80}[.!?]?[ \t\xa0]*")


def continue_paragraphs(text: str, claims: list[RawClaim], quotes: list[tuple[int, int]]) -> list[RawClaim]:
    """The claims, with quoted contents extended over the paragraphs that go on quoting them.

    A paragraph that is one quotation, holds no cue, and follows a paragraph ending with a
    direct attribution (its content, cue or source, then the rest of that sentence) joins
    that attribution's content, which then ends with it; the quotation's own cue-less claim
    goes. Several such paragraphs in a row join the same attribution.
    """
    att = [c for c in claims if c.kind != "naming" and c.cue is not None]
    drop: set[int] = set()
    for qs, qe in quotes:
        ps = text.rfind("\n", 0, qs) + 1
        pe = text.find("\n", qe)
        pe = len(text) if pe < 0 else pe
        if ps < 2 or text[ps:qs].strip() or text[qe:pe].strip() or any(ps <= c.cue[0] < pe for c in att if c.cue):
            continue
        prev_end = len(text[:ps].rstrip())
        best: tuple[int, RawClaim] | None = None
        for c in att:
            tail = max(c.content[1], c.cue[1] if c.cue else 0, c.source[1] if c.source else 0)
            if c.kind == "direct" and tail <= prev_end and _TAIL.fullmatch(text[tail:prev_end]) \
                    and (best is None or tail > best[0]):
                best = (tail, c)
        if best is None:
            continue
        drop.update(id(o) for o in claims if o.cue is None and o.kind != "naming" and _overlaps(o.content, (qs, qe)))
        best[1].content = (best[1].content[0], qe)
    return [c for c in claims if id(c) not in drop] if drop else claims
