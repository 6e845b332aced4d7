"""The place a longer place name contains: "Western US", "South Venezuela", "Bank of Mexico".

A span taken as a place that is not a gazetteer name as a whole (a direction word before the
name, an institution or event named after it) resolves to the longest run of its capitalised
words (and "of") that names a place of some size: a country, continent, first-level division, capital,
curated region or feature, or a city or second-level division of at least ``min_pop`` under
its main name (any name from a million up: "New York" Auto Show). Demonyms count ("Russian Higher School of Economics" -> Russia). No reading
when the run is followed by a settlement word ("Washington Township" is not Washington),
except a city's name and "City" ending the span ("Birmingham City", "Ganja City": the city) or
when the rest of the span names another place too ("Greece Italy", a missing comma) or holds
initials ("RT America"); a name at the end of the span only after direction words or "of"
("Western US", "Bank of Mexico"; "Kaneohe Bay" is not the Bay region of Somalia).
A run that the document names as a place on its own (``known``) counts whatever its size,
also before initials or common nouns ("Nenagh MDC", "South Kilburn Estate", "Walker County
Sheriff's Office" in a document that names Nenagh, Kilburn, Walker County).
"""

from __future__ import annotations

import re
from typing import Any

from fullpicture.nlp.places._resolve import PlaceIndex
from fullpicture.nlp.places._translit import fold

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_BIG_KINDS = frozenset({"country", "continent", "admin1", "capital", "region", "water", "river", "mountain", "desert"})
# a word after the name that makes it another, smaller place of the same name
# ("Mississippi State" is a university when the gazetteer has no such division)
_SETTLEMENT_WORDS = frozenset({"township", "town", "village", "hamlet", "borough", "county", "parish", "city", "state", "republic"})
_DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower",
    "greater", "inner", "outer", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
    "south-east", "south-west", "northeastern", "northwestern", "southeastern", "southwestern", "far", "of", "the",
})


def contained_place(pi: PlaceIndex, text: str, min_pop: int,
                    known: frozenset[str] = frozenset()) -> tuple[str, list[tuple[int, bool]]] | None:
    """``(sub-name, candidates)`` of the longest capitalised run of words inside ``text`` (not
    the whole of it) that names a place of some size, or a place the document names on its own
    (``known``: folded names); None when there is none."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    n = len(words)
    for size in range(n - 1, 0, -1):
        for i in range(n - size + 1):
            run = words[i : i + size]
            if not text[run[0][0]].isupper() or not all(text[s].isupper() or text[s:e] == "of" for s, e in run):
                continue
            if i + size == n and i > 0 and not _head_ok(text, words[:i]):
                continue  # "Kaneohe Bay", "Virgin Islands": the name's own head noun, not a place in it
            sub = text[run[0][0] : run[-1][1]]
            named = fold(sub).removeprefix("the ") in known
            cands = pi.candidates(sub, min_pop, False) if named else _sized(pi, sub, min_pop)
            if not cands:
                continue
            after = text[words[i + size][0] : words[i + size][1]].lower() if i + size < n else ""
            # initials after a name the document places are its division's ("Nenagh MDC")
            rest = [text[s:e] for k, (s, e) in enumerate(words) if (k < i or (k >= i + size and not named)) and text[s].isupper()]
            rest_places = [text[s:e] for k, (s, e) in enumerate(words) if not i <= k < i + size and text[s].isupper()]
            if after == "city" and i == 0 and i + size == n - 1:
                # "Birmingham City" (its club), "Ganja City": the city of that name, when the
                # gazetteer holds no place named with "City" ("Mexico City", "Kuwait City" it does)
                cands = [c for c in cands if pi.place(c[0]).kind in ("city", "capital")]
                return (sub, cands) if cands else None
            if (after in _SETTLEMENT_WORDS or any(_acronym(w) for w in rest)
                    or any(_sized(pi, w, min_pop) for w in rest_places)):
                return None  # another place, or an organisation's initials ("RT America")
            return sub, cands
    return None


def _head_ok(text: str, before: list[tuple[int, int]]) -> bool:
    """The words before a name that ends the span are direction words ("Western US", "North
    Florida") or end with "of" ("State of Virginia", "Bank of Mexico")."""
    ws = [text[s:e].lower() for s, e in before]
    return ws[-1] == "of" or all(w in _DIRECTIONS for w in ws)


def _acronym(word: str) -> bool:
    return word.isupper() and word.isalpha() and 2 <= len(word) <= 4


def _sized(pi: PlaceIndex, name: str, min_pop: int) -> list[tuple[int, bool]]:
    """Candidates of ``name`` that are places of some size (see the module docstring)."""
    out = []
    for i, via in pi.candidates(name, min_pop, False):
        p = pi.place(i)
        main = fold(p.name) == fold(name).removeprefix("the ")
        if not via and (p.kind in _BIG_KINDS or i in pi.user_ids or ((main or p.pop >= 1_000_000) and p.kind in ("city", "admin2") and p.pop >= min_pop)):
            out.append((i, False))
    return out


# type words a division's name carries in the gazetteer but often not in text
_DIVISION_TYPES = ("district", "agency", "county", "province", "governorate", "municipality")


def typed_division(pi: PlaceIndex, text: str) -> list[tuple[int, bool]]:
    """The division a name without its type word names, when the gazetteer holds it only with
    one ("South Waziristan" is "South Waziristan Agency"); [] when none or several types fit."""
    found = [[c for c in pi.candidates(f"{text} {w}", 0, False) if pi.place(c[0]).kind in ("admin1", "admin2")]
             for w in _DIVISION_TYPES]
    found = [f for f in found if f]
    return found[0] if len(found) == 1 else []


def span_candidates(pi: PlaceIndex, text: str, cfg: dict[str, Any],
                    known: frozenset[str] = frozenset()) -> tuple[str, list[tuple[int, bool]]]:
    """The name to rank and its candidates for a span known to be a place (a gold toponym, a
    span NER tags as a place): the span's own candidates, else those of the place it contains
    (``known``: the folded names of the document's other place spans), else the division it
    names without its type word, else the countries and divisions an all-capital name
    abbreviates ("SA", "NJ")."""
    cands = pi.candidates(text, cfg["skeleton_min_pop"])
    if cands:
        return text, cands
    return (contained_place(pi, text, int(cfg.get("embedded_min_pop", 100_000)), known)
            or (text, typed_division(pi, text) or pi.abbreviation(text)))
