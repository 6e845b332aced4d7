"""Named roads and squares: "Royal Street", "Collins Avenue", "Eglinton Avenue West", "Rue Casa Calvo".

No shipped gazetteer lists streets. A street is placed at the city the document places it in:
the city or capital named right after it ("in Miami Beach"), else the one the document names
most often (the most populous of equals); without one it is no place (nothing is invented). The street keeps an entity of its own, with
the city's point and no GeoNames id. Streets whose names stand for an institution ("Downing
Street", "Wall Street") are landmarks of ``regions.tsv`` and resolve as such.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.tokens import Doc

from fullpicture.nlp._tokens import token_arrays

_TYPE_AFTER = frozenset({
    "street", "st.", "avenue", "ave.", "road", "rd.", "boulevard", "blvd.", "drive", "lane", "highway",
    "square", "parkway", "terrace", "place", "crescent",
})
_TYPE_BEFORE = frozenset({"rue", "calle", "via", "avenida", "boulevard", "place", "piazza", "plaza"})
_DIRECTIONS_AFTER = frozenset({"north", "south", "east", "west"})
# names readers take as figures of speech ("Main Street voters"), not as one street
_GENERIC = frozenset({"main street", "high street", "easy street", "sesame street", "memory lane", "lovers lane"})
_MAX_NAME = 4


def _name_token(tok: Any) -> bool:
    text = tok.text
    return (tok.is_alpha and text[:1].isupper() and len(text) > 1) or (tok.like_num and text[:1].isdigit() and text[-2:] in ("st", "nd", "rd", "th"))


def _saint(doc: Doc, tok: Any) -> bool:
    """"St. Gregory": "St." before a name (not a direction) is a saint, not a street."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.lower_ in ("st.", "st") and nxt is not None and nxt.text[:1].isupper() and nxt.lower_ not in _DIRECTIONS_AFTER


def street_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of street names: capitalised words (or an ordinal: "14th St.") before a
    capitalised street word, or after "Rue"/"Calle"/..."""
    out: list[tuple[int, int]] = []
    for i, low in enumerate(token_arrays(doc).lower):
        if low not in _TYPE_AFTER and low not in _TYPE_BEFORE:
            continue  # neither branch below: no Token needed
        tok = doc[i]
        if low in _TYPE_AFTER and tok.text[:1].isupper() and tok.i > 0 and not _saint(doc, tok):
            start = tok.i
            while start > 0 and tok.i - start < _MAX_NAME and _name_token(doc[start - 1]) and doc[start - 1].lower_ not in _TYPE_AFTER:
                start -= 1
            if start == tok.i or (doc[start].lower_ in ("the", "a") and start + 1 == tok.i):
                continue
            end = tok.i + 1
            if end < len(doc) and doc[end].lower_ in _DIRECTIONS_AFTER and doc[end].text[:1].isupper():
                end += 1  # "Eglinton Avenue West"
            out.append((start, end))
        elif low in _TYPE_BEFORE and tok.text[:1].isupper() and tok.i + 1 < len(doc):
            end = tok.i + 1
            while end < len(doc) and end - tok.i <= _MAX_NAME and (_name_token(doc[end]) or doc[end].lower_ in ("de", "d’", "d'", "la", "del")):
                end += 1
            while end > tok.i + 1 and not _name_token(doc[end - 1]):
                end -= 1
            if end > tok.i + 1:
                out.append((tok.i, end))
    spans: list[tuple[int, int]] = []
    for s, e in sorted(out, key=lambda x: (x[0], -x[1])):
        if doc[s:e].text.lower() in _GENERIC or (spans and s < spans[-1][1]):
            continue
        spans.append((s, e))
    return spans


def street_city(doc: Doc, span: tuple[int, int], cities: list[tuple[int, int, int]]) -> int | None:
    """The record of the city a street lies in. ``cities`` holds (first token, record,
    population) of the document's resolved cities and capitals. The city right after the
    street ("on Collins Avenue in Miami Beach", "Royal Street, New Orleans") wins, else the
    document's most named city, the more populous of equals; None without a city."""
    if not cities:
        return None
    at = span[1] + 1 if span[1] < len(doc) and doc[span[1]].lower_ in ("in", ",", "of") else -1
    for pos, rec, _pop in cities:
        if pos == at:
            return rec
    counts = Counter(rec for _pos, rec, _pop in cities)
    pops = {rec: pop for _pos, rec, pop in cities}
    return max(counts, key=lambda r: (counts[r], pops[r], -r))
