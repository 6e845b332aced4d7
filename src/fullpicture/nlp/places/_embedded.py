"""Place names that NER does not hand over as places: nationality adjectives used as
modifiers ("Syrian-Turkish border", "Russian-backed"), continent and region adjectives
("European", "Central American"), place names inside organisation or event names
("Washington Post", "Mississippi State", "Bank of Mexico") and capitalised datelines
("SAN ANTONIO —").

These follow GeoWebNews' scheme: a demonym that modifies a noun is an associative toponym
(Non_Literal_Modifier), a demonym for people ("the Russians") is not a toponym; a place
inside a larger name is an embedded toponym. Embedded places are flagged (``embedded``) so
that other layers keep linking the organisation, not the place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.places._translit import fold
from fullpicture.nlp.places._wordlists import Lexicon

if TYPE_CHECKING:
    from fullpicture.nlp.places._resolve import PlaceIndex

EMBED_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "NORP"})
# kinds of record an embedded name may resolve to without further evidence (cities need
# population or another mention of the same place in the document)
EMBED_KINDS = frozenset({"country", "continent", "admin1", "capital", "region", "water", "river", "mountain", "desert"})
_HYPHENS = ("-", "–", "‐")
_DASHES = ("-", "--", "—", "–")
_EMBED_AFTER = frozenset({"of", "at", "in", "for", "the"})
_MAX_SUB = 4


def _modifier(doc: Doc, tok: Token) -> bool:
    """``tok`` modifies a noun: amod/compound/nmod, a hyphenated compound ("Russian-backed",
    "anti-Russian", "Syrian-Turkish"), or an adjective before its head noun."""
    if tok.dep_ in ("amod", "compound", "nmod"):
        return True
    if tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.dep_ in ("amod", "compound", "nmod"):
        return True  # "German, Irish and other immigrants"
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if nxt is not None and nxt.text in _HYPHENS and not nxt.whitespace_ and tok.i + 2 < len(doc):
        return True
    if prev is not None and prev.text in _HYPHENS and not prev.whitespace_ and tok.i >= 2 and not doc[tok.i - 2].whitespace_:
        return True
    return tok.pos_ == "ADJ" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i


def demonym_modifier(doc: Doc, tok: Token, lex: Lexicon) -> bool:
    """``tok`` is a nationality adjective ("Serbian") modifying a noun."""
    if not tok.text[:1].isupper() or fold(tok.text) not in lex.demonyms:
        return False
    if tok.ent_type_ in ("PERSON", "LANGUAGE"):
        return False
    if _in_place_name(doc, tok):
        return False  # part of a longer place name ("Indian Ocean", "Korean Peninsula")
    return _modifier(doc, tok)


def _in_place_name(doc: Doc, tok: Token) -> bool:
    for ent in token_arrays(doc).ents:
        if ent.start <= tok.i < ent.end:
            return ent.label_ in ("GPE", "LOC", "FAC") and len(ent) > 1
    return False


def ethnonym_tokens(doc: Doc, lex: Lexicon) -> set[int]:
    """Tokens of compound ethnonyms ("African Americans", "Mexican-American voters"): a
    nationality or continent adjective before an ethnonym head of the lexicon. They name a
    people; neither word is a place. "Latin American" (a region adjective) is none."""
    out: set[int] = set()
    toks = token_arrays(doc)
    text, space = toks.text, toks.space
    for i in range(len(text) - 1):
        if not text[i][:1].isupper():
            continue
        f = fold(text[i])
        if not (f in lex.demonyms or f in lex.continent_demonyms):
            continue
        j = i + 1
        if text[j] in _HYPHENS and not space[i] and j + 1 < len(text):
            j += 1
        head = fold(text[j])
        if head in lex.ethnonym_heads and f"{f} {head}" not in lex.continent_demonyms:
            out.update(range(i, j + 1))
    return out


def region_demonyms(doc: Doc, pi: PlaceIndex, lex: Lexicon, skip: set[int] = frozenset()) -> dict[int, tuple[int, int]]:  # type: ignore[assignment]
    """``start -> (end, record)`` for continent/region adjectives modifying a noun (tokens in
    ``skip`` excepted)."""
    out: dict[int, tuple[int, int]] = {}
    toks = token_arrays(doc)
    text = toks.text
    n, i = len(doc), 0
    while i < n:
        found = None
        if text[i][:1].isupper() and i not in skip:
            for length in (2, 1):
                if i + length > n:
                    continue
                f = fold(toks.span_text(i, i + length))
                name = lex.continent_demonyms.get(f)
                if name and _modifier(doc, doc[i + length - 1]):
                    ids = [r for r in pi.gaz.lookup(fold(name)) if pi.gaz.cols["kind"][r] in ("continent", "region", "admin1")]
                    if ids:
                        found = (i + length, ids[0])
                        break
        if found:
            out[i] = found
            i = found[0]
        else:
            i += 1
    return out


def _name_word(t: str, is_alpha: bool) -> bool:
    """A token (its text and ``is_alpha``) that can be part of a name: capitalised, letters
    (dots and apostrophes aside)."""
    return t[:1].isupper() and (is_alpha or t.replace(".", "").replace("'", "").isalpha())


def embedded_names(doc: Doc, start: int, end: int, pi: PlaceIndex, skip: set[int], skeleton_min_pop: int,
                   known: frozenset[str] = frozenset(), known_min_pop: int = 0) -> list[tuple[int, int]]:
    """Sub-spans of the name ``doc[start:end]`` that are gazetteer names (longest first,
    left to right); the whole span itself is not one of them. After another name only a
    country or continent, or a place the document names on its own (``known``: folded names
    NER tags as places, and of some size: a division or a city of ``known_min_pop``:
    "Marine Energy Wales" in a story set "in Wales"; "South Kilburn Estate" is a name of its own)."""
    out: list[tuple[int, int]] = []
    toks = token_arrays(doc)  # the token attributes as lists: no Token object per token
    text, lower, is_alpha = toks.text, toks.lower, toks.is_alpha
    named = {k: _name_word(text[k], is_alpha[k]) for k in range(start, end)}
    i = start
    while i < end:
        if i in skip or not named[i]:
            i += 1
            continue
        after_name = i > start and lower[i - 1] not in _EMBED_AFTER
        hit = None
        for j in range(min(end, i + _MAX_SUB), i, -1):
            if (i, j) == (start, end) or not all(named[k] and k not in skip for k in range(i, j)):
                continue
            sub = toks.span_text(i, j)
            cands = pi.candidates(sub, skeleton_min_pop, skeleton=False)
            # after another name ("Wells Fargo", "HSBC Malta") only a country or continent
            if cands and (not after_name or any(pi.place(c).kind in ("country", "continent") for c, _ in cands)
                          or (fold(sub) in known and any(
                              pi.place(c).kind in EMBED_KINDS or pi.place(c).pop >= known_min_pop for c, _ in cands))):
                hit = j
                break
        if hit:
            out.append((i, hit))
            i = hit
        else:
            i += 1
    return out


def dateline_places(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Capitalised runs opening a line and followed by a dateline mark ("CAIRO -",
    "SOUTH WAZIRISTAN, April 5", "RALEIGH, N.C. (AP)"); after a headline's full stop when a
    dash follows ("... Grant Event. IMMOKALEE – Congressman"); opening the text before a
    capitalised word when the agency's mark was stripped ("OKLAHOMA CITY The Latest ...")."""
    out: list[tuple[int, int]] = []
    toks = token_arrays(doc)
    text, ws, is_space, is_alpha = toks.text, toks.whitespace, toks.is_space, toks.is_alpha
    n, i = len(doc), 0
    while i < n:
        at_line_start = i == 0 or "\n" in text[i - 1] or is_space[i - 1] or "\n" in ws[i - 1]
        after_stop = i > 0 and text[i - 1] in (".", "!", "?")
        if not (at_line_start or after_stop):
            i += 1
            continue
        j = i
        while j < n and j - i < 4 and is_alpha[j] and text[j].isupper() and len(text[j]) > 1:
            j += 1
        mark = j < n and (text[j] in _DASHES if after_stop and not at_line_start else text[j] in (",", "(", *_DASHES))
        bare = i == 0 and j < n and j - i >= 2 and text[j][:1].isupper() and not text[j].isupper()
        if j > i and (mark or bare) and not any(k in taken for k in range(i, j)):
            out.append((i, j))
        i = max(j, i + 1)
    return out


def country_run(doc: Doc, start: int, end: int, pi: PlaceIndex, min_pop: int) -> list[tuple[int, int]]:
    """One-token spans of a place span that is a run of country names without their comma
    ("Cyprus, Greece Italy or Spain" tagged "Greece Italy"); empty when the whole span is a
    name of the gazetteer or any token is no country."""
    if end - start < 2 or pi.candidates(doc[start:end].text, min_pop, False):
        return []
    for tok in doc[start:end]:
        if not tok.is_alpha or not any(pi.place(i).kind == "country" for i, _v in pi.candidates(tok.text, min_pop, False)):
            return []
    return [(i, i + 1) for i in range(start, end)]
