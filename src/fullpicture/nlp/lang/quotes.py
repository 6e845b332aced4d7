"""Quotation marks around a name, not around words: «Укргидроэнерго», командование «Юг»,
комплекс «Ольха», « Charlie Hebdo ». Russian and French news write the names of companies,
commands, operations, weapons and newspapers in quotation marks; they are neither scare
quotes (framing) nor quotations with a speaker (claims)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc

from fullpicture.nlp._doctext import doc_text, token_starts

_INNER_PUNCT = set(".,;:!?…")


def name_quote(doc: Doc, start: int, end: int, names: Iterable[tuple[int, int]] = ()) -> bool:
    """Whether the quotation ``[start, end)`` (marks included) holds a name: its content
    begins with a capital, has at most four words and no sentence punctuation, and is one of
    ``names`` (entity mention spans: it is the mention, or lies inside one), or comes right
    after a common noun ("компания «Укргидроэнерго»", "комплекса «Ольха»") or right before one
    ('the "Tanjug" news agency')."""
    text = doc_text(doc)
    inner_s, inner_e = start + 1, end - 1
    content = text[inner_s:inner_e].strip()
    if not content or not content[0].isupper() or len(content.split()) > 4 or _INNER_PUNCT & set(content):
        return False
    lo = inner_s + (len(text[inner_s:inner_e]) - len(text[inner_s:inner_e].lstrip()))
    hi = lo + len(content)
    if any(s <= lo and hi <= e for s, e in names) or any(lo <= s and e <= hi and (s, e) == (lo, hi) for s, e in names):
        return True
    starts = token_starts(doc)
    k = bisect_right(starts, start) - 1  # the token holding the opening mark, or the one before it
    while k >= 0 and (doc[k].idx >= start or doc[k].is_space):
        k -= 1
    if k < 0:
        return False
    before = doc[k]
    if before.pos_ == "NOUN" and before.text[:1].islower() and before.idx + len(before.text) >= start - 1:
        return True
    # ...or right before one: 'the "Tanjug" news agency', 'the "Azov" regiment'
    j = bisect_right(starts, end - 1)  # the first token starting after the closing mark
    while j < len(doc) and doc[j].is_space:
        j += 1
    return (j < len(doc) and doc[j].idx <= end + 1 and doc[j].text[:1].islower()
            and (doc[j].pos_ == "NOUN" or (doc[j].pos_ == "ADJ" and j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN")))
