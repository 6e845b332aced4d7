"""A figure's value and whom it counts: its numeric range, its display text, when two values
clash, and the population a figure counts (people, civilians, servicemen, a part of a toll, a
running total), with which populations are comparable."""

from __future__ import annotations

import functools
import math
import re
from typing import Any

from fullpicture._data import language_words
from fullpicture.align._agents import name_state
from fullpicture.align._currentcount import current_count
from fullpicture.align._figureaside import aside_population
from fullpicture.align._figuretold import (
    beyond_other_count,
    denied,
    recalled,
    running_total,
    told_earlier,
)
from fullpicture.align._runningcount import campaign_words, running_count
from fullpicture.align._scopedzero import scoped_zero
from fullpicture.align._sincetotal import counted_since_long_before
from fullpicture.align._tollnoun import breakdown_subgroup, toll_noun_population
from fullpicture.align._util import claim_by_id, sentence_bounds
from fullpicture.align._victims import own_people
from fullpicture.models import Analysis, Figure


def figure_range(f: Figure) -> tuple[float, float] | None:
    """The numeric range a figure states, or None when it states none.

    A lower bound without an upper one ("at least 200": ``low`` set, ``high`` unset) is
    open-ended, and vice versa ("fewer than 50").
    """
    if f.low is None and f.high is None:
        return None if f.value is None else (f.value, f.value)
    lo = f.low if f.low is not None else 0.0
    hi = f.high if f.high is not None else math.inf
    return (min(lo, hi), max(lo, hi))


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def figure_text(f: Figure) -> str:
    """Display value of a figure: its number or closed range, else its own words."""
    r = figure_range(f)
    if r == (0.0, 0.0) and not any(ch.isdigit() for ch in f.text):
        return f.text  # "no one", "without causing casualties": a zero in words
    if r is None or math.isinf(r[1]) or (r[0] == 0 and f.low is None) or (f.approximate and not f.vague):
        return f.text  # "more than 100,000", "about 50,000": the hedge is part of the value
    return _fmt(r[0]) if r[0] == r[1] else f"{_fmt(r[0])}–{_fmt(r[1])}"


def ranges_clash(a: Figure, b: Figure, cfg: dict[str, Any]) -> bool:
    """True when two figures about the same count cannot both be right.

    Ranges must be disjoint by more than a relative tolerance: ``figure_tolerance`` for
    exact figures and bounds, ``figure_tolerance_approx`` when a closed figure is
    approximate ("about 300"). Vague figures ("dozens") never clash.
    """
    ra, rb = figure_range(a), figure_range(b)
    if ra is None or rb is None or a.vague or b.vague:
        return False

    def tol(f: Figure, r: tuple[float, float]) -> float:
        closed = (f.low is None) == (f.high is None)
        key = "figure_tolerance_approx" if f.approximate and closed else "figure_tolerance"
        return float(cfg.get(key, 0.0))

    t = max(tol(a, ra), tol(b, rb))
    gap = max(ra[0], rb[0]) - min(ra[1], rb[1])
    finite = [x for x in (*ra, *rb) if not math.isinf(x)]
    scale = max([abs(x) for x in finite] + [1.0])
    return gap > t * scale


@functools.lru_cache(maxsize=1)
def _populations() -> tuple[dict[str, str], frozenset[str]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "counts.toml")
    pops = {k.lower(): str(v) for k, v in data.get("populations", {}).items()}
    return pops, frozenset(w.lower() for w in data.get("not_people", {}).get("nouns", []))


_PARTITIVE = re.compile(r"^\s+of\s+(?:the|his|her|their|its|my|our|your|them|those|these|whom)\b", re.I)
_INCLUDING = re.compile(r"^[^.;\n]{0,40}?(?:\bincluding(?!\s+(?:some|many|several|most|those)\b)|\bamong them|(?<!many )(?<!most )(?<!some )(?<!several )"
                        r"(?<!all )(?<!few )(?<!none )\bof (?:whom|them))\b", re.I)
# ("35 prisoners, many of whom had guarded the depot", "30 detainees including some who ...": a
# vague part told about them, no breakdown of the count into classes)


# a count added to one told before: "eight guards were also injured"; "two more prisoners
# died" after a count of the dead (not "five were killed and 12 more wounded")
_ADDED = re.compile(r"^(?:(?!\b(?:who|that|which)\b)[^.;,\n]){0,50}?\b(?:were|was|are|is|have been|has been|had "
                    r"been)\s+also\b", re.I)
_MORE = re.compile(r"^\s+more\b", re.I)
# a count a person's possessive opens ("his three brothers", "her two sons"): one family's dead
_POSSESSED = re.compile(r"\b(?:her|his|my)\s+$", re.I)


# a number joined by a hyphen to the word after it is part of a modifier ("a twelve-storey block",
# "a six-floor tower"), no count
_COMPOUND = re.compile(r"-([^\W\d_]+)")


def _modifier_number(a: Analysis, f: Figure) -> bool:
    """A number joined by a hyphen to a word that is not its own unit ("a twelve-storey block" whose
    count is of blocks): a modifier's number, no count ("a 6.1-magnitude quake" is its magnitude)."""
    hit = _COMPOUND.match(a.text[f.end : f.end + 30])
    return hit is not None and hit.group(1).lower() != (f.unit or "").lower().split(" ")[0]

# a count of the worst hurt among the injured is a part of the injured
_SEVERITY = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:were\s+|are\s+|was\s+)?(?:seriously|critically|severely|badly|gravely)\s+"
                       r"(?:injured|wounded|hurt|ill|burned)\b", re.I)
_SEVERITY_AFTER_NUMBER = re.compile(r"^\s*(?:of them\s+|of whom\s+)?(?:seriously|critically|severely|badly|gravely)\b"
                                    r"|^\s+(?:[\w-]+\s+){0,3}?in (?:a\s+)?(?:serious|critical|grave) condition", re.I)


@functools.lru_cache(maxsize=1)
def _bare_partitive() -> re.Pattern[str] | None:
    """"one of victims killed": a partitive on a bare plural noun of the dead or hurt
    (``counts.toml`` [parts] ``sets``), as a translated report writes it without an article."""
    from fullpicture._data import data_toml

    sets = [w for w in data_toml("figures", "counts.toml").get("parts", {}).get("sets", []) if w.isascii()]
    return re.compile(r"^\s+of\s+(?:" + "|".join(map(re.escape, sets)) + r")\b", re.I) if sets else None


def _partitive(after: str) -> bool:
    """A part of a group told right after a number: "three of the four soldiers", "one of
    victims killed"."""
    bare = _bare_partitive()
    return bool(_PARTITIVE.match(after) or (bare is not None and bare.match(after)))


def _same_count_elsewhere(a: Analysis, f: Figure) -> bool:
    """The document states another figure of the same count, before or after ``f`` ("two more
    died in hospital, bringing the toll to 60": the total told after the increment)."""
    return any(g is not f and g.counts == f.counts and (g.start, g.end) != (f.start, f.end) for g in a.figures)


def population(a: Analysis, f: Figure, cfg: dict[str, Any] | None = None) -> str:
    """Who a figure counts (:func:`_population`); with ``figure_toll_nouns``, a subgroup count that
    opens the breakdown of a toll ("including 32 children") is a ``part`` (:mod:`._tollnoun`)."""
    told = _population(a, f, cfg)
    if _flag(cfg, "figure_toll_nouns") and breakdown_subgroup(a, f, told):
        return "part"
    return told


def _population(a: Analysis, f: Figure, cfg: dict[str, Any] | None = None) -> str:
    """Who a figure counts (``data/figures/counts.toml`` [populations]): people, civilians,
    servicemen, police; ``mixed`` when the count breaks down into classes ("170 people including
    12 civilians"); ``part`` for a partitive ("three of the four soldiers"); ``things`` for a noun
    that counts no people ("13 countries"); ``total`` for a running total of a campaign ("600
    killed so far", "pushing the toll above 680", "since <a day weeks before the report> N died":
    ``_sincetotal``); an unknown noun counts as people. ``part``,
    ``things`` and ``total`` are never compared with an incident's figures, nor ``earlier``: a
    figure told as an earlier stage of a count that has since changed ("earlier it was reported
    that 30 were hurt", "initially 40 dead were reported"; ``data/figures/earlier.toml``), nor
    ``denied``: a number its sentence says is wrong ("there weren't 700 deaths";
    ``earlier.toml`` [denied]), nor ``recalled``: the toll of an earlier happening the sentence
    recalls ("four days after a rocket attack that killed 7"; ``earlier.toml`` [recalled]), nor
    the people :mod:`._figureaside` sets aside (former hostages, "3 out of 12", a quoted count).
    A count of the hurt still in hospital is a ``part`` (``figure_current_counts``, :mod:`._currentcount`),
    and so is a zero told for one scope ("nobody outside was hurt"; ``figure_scoped_zeros``, :mod:`._scopedzero`).
    A count with no noun of its own told as "the number of dead children" counts that noun's class
    (``figure_toll_nouns``, :mod:`._tollnoun`).
    ``cfg``: the ``[align]`` settings (the shipped ones when None)."""
    if told_earlier(a, f):
        return "earlier"
    if denied(a, f):
        return "denied"
    if recalled(a, f):
        return "recalled"
    aside = aside_population(a, f)
    if aside is not None:
        return aside  # "two former hostages", "3 passengers out of 12", a quoted '"27 dead"'
    after = a.text[f.end : f.end + 60]
    if (running_total(a, f) and not _exodus_count(a, f, cfg)) or counted_since_long_before(a, f, _since_days(cfg)):
        return "total"
    if _modifier_number(a, f):
        return "things"  # "a twelve-storey block", "a six-floor tower": a number inside a modifier
    if _POSSESSED.search(a.text[max(0, f.start - 8) : f.start]):
        return "part"  # "his three brothers were killed": one family's dead among the toll
    if (re.search(r"\b(?:another|a further)\s+$", a.text[max(0, f.start - 12) : f.start], re.I)
            and not beyond_other_count(a, f)) \
            or _ADDED.match(after) or (_MORE.match(after) and _same_count_elsewhere(a, f)):
        return "part"  # "another four people died in hospital": added to a count told before or after
    if _SEVERITY.match(after) or _SEVERITY_AFTER_NUMBER.match(after):
        return "part"  # "30 people seriously injured", "55 wounded, 15 critically": the worst hurt
    if _flag(cfg, "figure_current_counts") and current_count(a, f):
        return "part"  # "of the 40 wounded, 12 are still in hospital": the hurt left today
    if _flag(cfg, "figure_scoped_zeros") and scoped_zero(a, f):
        return "part"  # "nobody outside the building was hurt": a zero of one scope (``_scopedzero``)
    if _territory_part(a, f):
        return "part"  # "11 in Freedonia, while 27 died in rebel-held areas": one territory's part
    if _flag(cfg, "figure_toll_nouns") and (told := toll_noun_population(a, f)) is not None:
        return told  # "the number of dead children was put at 47": a subgroup (``_tollnoun``)
    if _INCLUDING.match(after):
        return "mixed"
    if _ranked(a, f):
        return "commanders"  # "three field commanders died": the ranked among the dead
    own = own_people(a, f)
    if own:  # "18 of its soldiers": the speaker's own people, not a part of a group told before
        cls = _noun_population(own)
        if cls is not None and cls not in _SUBGROUPS:
            return cls
    if _partitive(after):
        return "part"  # "one of my sons", "three of the four soldiers": a part of a group
    if _among_a_set(a.text[max(0, f.start - 90) : f.start]) or _national_part(a, f):
        return "part"  # "among the injured are 11 Italians", "11 Italian soldiers" of two dozen
    lang = a.document.language or "en"
    if lang != "en":
        told = _limited_part(a, f, lang)
        if told is not None:
            return told
        own = _stem_population(a, f, lang)
        if own is not None:
            return own
    things = _populations()[1]
    noun = (f.unit or "").lower().strip()
    if noun and noun.split()[-1] in things:
        return "things"
    last = noun.split()[-1] if noun else ""
    if _armed_members(last, a.text[f.end : f.end + 40]):
        return "servicemen"  # "about 25 KFOR members": the members of an armed body
    return _noun_population(noun) or "people"


def _align_cfg(cfg: dict[str, Any] | None) -> dict[str, Any]:
    """``cfg``, or the shipped ``[align]`` settings when None (a direct caller, such as a test,
    that passes none)."""
    if cfg is None:
        from fullpicture.settings import load_settings

        return dict(load_settings().section("align"))
    return cfg


def _flag(cfg: dict[str, Any] | None, key: str) -> bool:
    """``[align] key`` of ``cfg``, of the shipped settings when None."""
    return bool(_align_cfg(cfg).get(key, False))


def _exodus_count(a: Analysis, f: Figure, cfg: dict[str, Any] | None) -> bool:
    """A running count of the people who fled ("so far 3,000 have fled", ``[align]
    figure_running_counts``) whose sentence names no war: the exodus's own count as it stood, no
    campaign's total (:mod:`._runningcount`)."""
    return running_count(f, _align_cfg(cfg)) and not campaign_words(a, f)


def _since_days(cfg: dict[str, Any] | None) -> int:
    """``[align] figure_total_since_days`` of ``cfg``, of the shipped settings when None."""
    return int(_align_cfg(cfg).get("figure_total_since_days", 0))


def _ranked(a: Analysis, f: Figure) -> bool:
    """A count of commanders or leaders: a rank word (``counts.toml`` [ranks]) among the words
    from its number to the end of its noun ("two senior fighters", "deux chefs militaires")."""
    ranks = language_words("figures", "counts.toml", "ranks", a.document.language)
    after = a.text[f.end : f.end + 50]
    if f.unit:
        k = after.lower().find(f.unit.lower())
        after = after[: k + len(f.unit)] if k >= 0 else after.split(",")[0]
    words = {w.strip("\"'“”«»()[],.;:").lower() for w in after.split()[:4]}
    return bool(ranks & words)


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


def _noun_population(noun: str) -> str | None:
    """The population class of a noun (``counts.toml`` [populations]), None when unknown."""
    pops = _populations()[0]
    last = noun.split()[-1] if noun else ""
    for key in (noun, last, last[:-1] if last.endswith("s") else last,
                last[:-3] + "man" if last.endswith("men") else last):
        if key in pops:
            return pops[key]
    return None


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
    """"among the injured KFOR soldiers are 11 Italians", "parmi les blessés, 5 enfants": the
    count right after names a part of a set of the casualties."""
    pat = _parts()[0]
    return bool(pat and pat.search(before))


def _demonym_before_unit(a: Analysis, f: Figure) -> str | None:
    """The nationality adjective between a number and its noun ("11 Italian soldiers"), folded."""
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
    ("11 Italian soldiers were injured" after "about two dozen KFOR soldiers were injured")."""
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


def comparable(p: str, q: str) -> bool:
    """Two populations count the same people: the same class, or generic people and a class
    (a mixed count compares only with a mixed or generic one); demographic subgroups (children,
    women) and a facility's staff only with themselves."""
    if _NEVER & {p, q}:
        return False
    if p == q:
        return True
    return "people" in (p, q) and not ({p, q} & _SUBGROUPS)


def same_object(fa: Figure, fb: Figure) -> bool:
    """Whether two counts of things count one kind of thing: their nouns' last words open alike
    ("building" and "buildings"; not "schools" and "houses"); True where either names none."""
    ua, ub = (fa.unit or "").lower().split(), (fb.unit or "").lower().split()
    if not ua or not ub:
        return True
    return ua[-1][:4] == ub[-1][:4]


def whole_over_class(p: str, q: str) -> bool:
    """One population is a whole broken down into classes (``mixed``: "30 killed, among them three
    children") and the other one class of people that is no subgroup (servicemen, civilians,
    police): the class may be a part of the whole, so only a class count above the whole is a
    contradiction (:func:`class_exceeds_whole`)."""
    pair = {p, q}
    if "mixed" not in pair or len(pair) != 2 or pair & (_NEVER | _SUBGROUPS):
        return False
    return not pair & {"people"}


def class_exceeds_whole(fa: Figure, pa: str, fb: Figure, pb: str, cfg: dict[str, Any]) -> bool:
    """Of a whole (``mixed``) and a class count (:func:`whole_over_class`), the class count's lower
    end lies above the whole's upper end, beyond the tolerance: "30 killed in all, three of them
    children" in one side's words, "over 300 soldiers killed" in another's. A class count hedged
    from above ("up to 60 soldiers") stands for its stated number, approximate."""
    whole, part = (fa, fb) if pa == "mixed" else (fb, fa)
    if part.low is None and part.high is not None:
        # "up to 60 soldiers killed": the speaker's count is its top, told with a hedge
        part = part.model_copy(update={"value": part.high, "low": part.high, "approximate": True})
    rw, rp = figure_range(whole), figure_range(part)
    return rw is not None and rp is not None and rp[0] > rw[1] and ranges_clash(whole, part, cfg)


# "staff": a facility's own people; "commanders": the ranked among the dead (``_ranked``)
_SUBGROUPS = frozenset({"children", "women", "men", "adults", "staff", "commanders"})
# "quoted": a number the outlet cites at a distance as another's words (``_figureaside``)
# "later": a count told in a document published long after the row's day (``_figureitems``)
_NEVER = frozenset({"things", "part", "total", "earlier", "denied", "recalled", "quoted", "later"})


def stray_free(items: list[tuple[Figure, Any]], cfg: dict[str, Any]) -> list[tuple[Figure, Any]]:
    """One side's values of a count without its strays. A value's support is the number of the
    side's documents stating a value it agrees with; with ``figure_stray_support`` = r, a value
    stated in the side's documents with less than r times the best support is a stray (a figure
    of the other side quoted without its source, another incident's toll) unless it is dated
    after the best-supported value was first stated (an update). Sides with fewer than three values, or all
    from one document, keep them all. ``items`` are ``(figure, value)`` with ``.document`` and
    ``.date`` on the value.

    The best support is that of a closed value: an open bound or a vague number agrees with
    every value above it ("at least 63" with 63 and 89), so its support says nothing of which
    value the side states. A later value below ``figure_update_min_share`` of the best-supported
    one is no update of it (a toll is not revised from 400 to one: another incident's count, or
    a part, told months later)."""
    ratio = float(cfg.get("figure_stray_support", 0.0))
    if ratio <= 0 or len(items) < 3 or len({v.document for _, v in items}) < 2:
        return items
    closed = [(g, v) for g, v in items if is_closed(g)]  # "dozens", "at least 10" support nothing
    support = [len({v.document for g, v in closed if not ranges_clash(f, g, cfg)}) for f, _ in items]
    own = [n for (f, _), n in zip(items, support, strict=True) if is_closed(f)]
    best = max(own or support)
    tops = [(f, v) for (f, v), n in zip(items, support, strict=True) if n == best and (is_closed(f) or not own)]
    first = min((v.date or "") for _, v in tops)
    share = float(cfg.get("figure_update_min_share", 0.0))
    floor = share * max((figure_range(f) or (0.0, 0.0))[0] for f, _ in tops)

    def update(f: Figure, v: Any) -> bool:
        r = figure_range(f)
        return (v.date or "") > first and (r is None or r[1] >= floor)

    return [(f, v) for (f, v), n in zip(items, support, strict=True) if n >= ratio * best or update(f, v)]


def is_closed(f: Figure) -> bool:
    """Whether a figure states a closed range (neither vague nor an open bound)."""
    r = figure_range(f)
    return r is not None and not f.vague and not math.isinf(r[1]) and (f.low is None) == (f.high is None)


def relayed_strangers(items: list[tuple[Figure, Any]]) -> list[tuple[Figure, Any]]:
    """One side's values of a count without those another side's document relays (``reported_by``)
    that count people the side's own documents never count: where its own press says "more than
    70 servicemen", a wire's "at least 23 civilians" inside that side's admission is the wire's
    words, not the side's account. A relayed value of generic people, or of a class its own
    documents count, stays; so do all values of a side whose own documents state none."""
    own = {v.population or "people" for _, v in items if v.reported_by is None and v.population not in _NEVER}
    if not own:
        return items
    return [(f, v) for f, v in items if v.reported_by is None or v.population in _NEVER
            or any(comparable(v.population or "people", p) for p in own)]

