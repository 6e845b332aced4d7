"""Figures that count a part of a toll told beside them: one territory's count beside
another's, a French, Russian or word-list-language count broken down or added (population stems,
partitives, including words), the members of an armed body, a part of a set of the casualties,
and one nationality's count beside a larger count of the same kind. Split from ``_figurevalues``
(whose :func:`population` reads these, and which re-exports them)."""

from __future__ import annotations

import functools
import re

from fullpicture._data import language_words
from fullpicture.align._agents import name_state
from fullpicture.align._figurecues import _SUBGROUPS, _same_count_elsewhere
from fullpicture.align._util import claim_by_id, sentence_bounds
from fullpicture.models import Analysis, Figure


@functools.lru_cache(maxsize=8)
def _territory_words(language: str) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """(the opening of a territory after a count: a preposition of ``counts.toml``
    [territory_prepositions] and an article; the nouns of [territory_nouns])."""
    preps = language_words("figures", "counts.toml", "territory_prepositions", language)
    nouns = language_words("figures", "counts.toml", "territory_nouns", language)
    if not preps:
        return None, nouns
    return (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(preps))) + r")\s+"
                       r"(?:(?:the|les?|la|des)\s+|l['’])?", re.I), nouns)


def _territory(a: Analysis, f: Figure) -> str | None:
    """The territory a count is told for, within its clause ("11 in Freedonia", "27 died in
    rebel-held areas"): a place the entity layer found right after the preposition, or the words
    up to a territory noun; folded to lower case. None when the clause names none."""
    pat, nouns = _territory_words(a.document.language or "en")
    if pat is None:
        return None
    clause = re.split(r"[,;:.!?\n()]", a.text[f.end : f.end + 80], maxsplit=1)[0]
    starts = {x.start: x.end for e in a.entities if e.type in ("GPE", "LOC") for x in e.mentions}
    for m in pat.finditer(clause):
        at = f.end + m.end()
        if at in starts:
            return a.text[at : starts[at]].lower()
        words = clause[m.end() :].split()[:4]
        hit = next((k for k, w in enumerate(words) if w.strip("\"'«»“”").lower() in nouns), None)
        if hit is not None:
            return " ".join(words[: hit + 1]).lower()
    return None


def _territory_part(a: Analysis, f: Figure) -> bool:
    """A count told for one territory beside a count of the same kind told in the same sentence
    for another ("the toll rose to 11 in Freedonia, while 27 died in rebel-held areas"): each is a
    territory's part of the toll, neither the whole; the same territory twice ("Freedonia says 11 died
    in Tarnow, Ruritania says 27 died in Tarnow") is two accounts of one count."""
    text = a.text
    s0, s1 = sentence_bounds(text, f.start, f.end)
    others = [g for g in a.figures if g is not f and g.counts == f.counts and s0 <= g.start < s1 and g.start != f.start]
    if not others:
        return False
    mine = _territory(a, f)
    return mine is not None and any((t := _territory(a, g)) is not None and t != mine for g in others)


@functools.lru_cache(maxsize=4)
def _stems(language: str) -> tuple[tuple[tuple[str, str], ...], frozenset[str], re.Pattern[str] | None]:
    from fullpicture._data import data_toml_lang

    data = data_toml_lang("figures", "counts.toml", language)
    stems = data.get("population_stems", {})
    including = stems.get("including", [])
    return (tuple(sorted(((str(k), str(v)) for k, v in stems.get("stems", {}).items()), key=lambda kv: -len(kv[0]))),
            frozenset(stems.get("added", [])),
            re.compile(r"^[^.;\n]{0,40}?(?<!\w)(?:" + "|".join(map(re.escape, including)) + r")(?!\w)", re.I)
            if including else None)


@functools.lru_cache(maxsize=8)
def _breakdown(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(a partitive right after a number: "12 из них"; an including word right before one:
    "dont 14 enfants") of ``counts.<lang>.toml`` [population_stems]."""
    from fullpicture._data import data_toml_lang

    stems = data_toml_lang("figures", "counts.toml", language).get("population_stems", {})
    part, including = stems.get("partitive", []), stems.get("including", [])
    return (re.compile(r"^\s+(?:" + "|".join(map(re.escape, part)) + r")(?!\w)", re.I) if part else None,
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, including)) + r")\s+(?:\w+\s+){0,2}$", re.I)
            if including else None)


def breakdown_part(a: Analysis, f: Figure, language: str) -> bool:
    """A French or Russian figure that counts a part of the count told before it: a partitive
    right after its number ("73 ранены, 12 из них дети"), or a subgroup count (children, women)
    that an including word opens ("27 blessés, dont six enfants": the children among the injured,
    not a count of children to set against the children among the dead)."""
    after_part, before_incl = _breakdown(language)
    if after_part is not None and after_part.match(a.text[f.end : f.end + 30]):
        return True
    return bool(before_incl is not None and f.counts in _SUBGROUPS
                and before_incl.search(a.text[max(0, f.start - 40) : f.start]))


def _stem_population(a: Analysis, f: Figure, language: str) -> str | None:
    """Who a French or Russian figure counts, from the beginnings of the words of its noun phrase
    ("20 мирных жителей": civilians, "5 военнослужащих": servicemen, "14 civils"); ``mixed`` for a
    count broken down into classes ("dont 10 civils", "в том числе"); ``part`` for
    a count added to an earlier one of the same count ("ещё двое скончались", "deux autres sont
    morts"). None where no stem matches (the English rules decide)."""
    stems, added, including = _stems(language)
    if not stems:
        return None
    if breakdown_part(a, f, language):
        return "part"
    before = a.text[max(0, f.start - 8) : f.start].lower().split()
    after = a.text[f.end : f.end + 50].lower()
    if including is not None and including.match(after):
        return "mixed"
    if ((before and before[-1] in added) or (after.split()[:1] and after.split()[0] in added)) \
            and _same_count_elsewhere(a, f):
        return "part"
    if f.unit:
        k = after.find(f.unit.lower())
        words = after[: k + len(f.unit)].split() if 0 <= k <= 30 else []
    else:
        words = after.split()[:1]
    for w in words:
        w = w.strip(".,;:!?«»\"()")
        hit = next((cls for stem, cls in stems if w.startswith(stem)), None)
        if hit is not None:
            return hit
    return None


def _limited_part(a: Analysis, f: Figure, language: str) -> str | None:
    """``part`` or ``mixed`` for a figure of a word-list language that counts a part of a group
    told beside it or breaks down into parts (``nlp.figures.limited.figure_part``: "jedan od
    ozlijeđenih", "trojica su teže ranjeni", "od kojih su ..."); a count told as added ("još
    dvoje") is a part when the document told a count of its kind before it."""
    from fullpicture.nlp.figures.limited import figure_part
    from fullpicture.nlp.lang.words import word_list_family

    family = word_list_family(language)
    if family is None:
        return None
    told = figure_part(a.text, f.start, f.end, family, f.counts)
    if told == "added":
        return "part" if _same_count_elsewhere(a, f) else None
    return told


@functools.lru_cache(maxsize=1)
def _armed() -> tuple[frozenset[str], re.Pattern[str] | None]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "counts.toml").get("armed_members", {})
    bodies = [re.escape(w.lower()) for w in data.get("bodies", [])]
    pat = re.compile(rf"(?<!\w)(?:{'|'.join(bodies)})", re.I) if bodies else None
    return frozenset(w.lower() for w in data.get("members", [])), pat


def _armed_members(noun: str, after: str) -> bool:
    """A count of members ("members", "personnel") of an armed body named just after the number."""
    members, bodies = _armed()
    return bool(noun and noun in members and bodies is not None and bodies.search(after))


@functools.lru_cache(maxsize=1)
def _parts() -> tuple[re.Pattern[str] | None, int]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "counts.toml").get("parts", {})
    among, sets = data.get("among", []), data.get("sets", [])
    if not among or not sets:
        return None, 0
    words = "|".join(re.escape(w) for w in among)
    nouns = "|".join(re.escape(w) for w in sets)
    pat = re.compile(rf"\b(?:{words})\s+(?:[^.;:!?\n]{{0,40}}?\s)?(?:{nouns})\b[^.;:!?\n]{{0,50}}$", re.I)
    return pat, int(data.get("national_window_chars", 800))


def _among_a_set(before: str) -> bool:
    """"among the wounded guards are 6 Danes", "parmi les blessés, 4 enfants": the
    count right after names a part of a set of the casualties."""
    pat = _parts()[0]
    return bool(pat and pat.search(before))


def _demonym_before_unit(a: Analysis, f: Figure) -> str | None:
    """The nationality adjective between a number and its noun ("6 Danish guards"), folded."""
    from fullpicture.nlp.places._translit import fold
    from fullpicture.nlp.places._wordlists import get_lexicon

    if not f.unit:
        return None
    ahead = a.text[f.end : f.end + 40]
    k = ahead.find(f.unit)
    if k <= 0:
        return None
    demonyms = get_lexicon().demonyms
    return next((fold(w) for w in ahead[:k].split() if fold(w) in demonyms), None)


def _national_part(a: Analysis, f: Figure) -> bool:
    """A count of one nationality beside a larger count of the same kind in the same document
    ("6 Danish guards were hurt" after "some thirty peacekeepers were hurt")."""
    window = _parts()[1]
    if not f.counts or f.value is None or window <= 0:
        return False
    if _demonym_before_unit(a, f) is None:
        return False
    return any(g is not f and g.counts == f.counts and (g.value or 0) > f.value and not g.vague
               and abs(g.start - f.start) <= window and _demonym_before_unit(a, g) is None
               and not _other_states_count(a, f, g) for g in a.figures)


def _other_states_count(a: Analysis, f: Figure, g: Figure) -> bool:
    """``g`` sits in a claim whose source names another state than the nation ``f`` counts
    ("37 Ruritanian soldiers" beside "Freedonia announced 45 dead": Freedonia's count, no whole
    of which the 37 are a part)."""
    from fullpicture.nlp.places._wordlists import get_lexicon

    if g.claim is None or g.claim == f.claim:
        return False
    claim = claim_by_id(a, g.claim)
    if claim is None or claim.source is None or claim.kind == "author":
        return False
    theirs = name_state(claim.source.text or "")
    mine = get_lexicon().demonyms.get(_demonym_before_unit(a, f) or "")
    return bool(theirs and mine and theirs != mine.upper())
