"""A figure's value and whom it counts: its numeric range, its display text, when two values
clash, and the population a figure counts (people, civilians, servicemen, a part of a toll, a
running total), with which populations are comparable (the cues read around a number are in
``_figurecues``, the counts of a part of a toll in ``_figureparts``; both re-exported here)."""

from __future__ import annotations

import math
import re
from typing import Any

from fullpicture.align._currentcount import current_count
from fullpicture.align._figureaside import aside_population
from fullpicture.align._figurecues import (  # noqa: F401 re-exported
    _ADDED,
    _COMPOUND,
    _INCLUDING,
    _MORE,
    _NEVER,
    _PARTITIVE,
    _POSSESSED,
    _SEVERITY,
    _SEVERITY_AFTER_NUMBER,
    _SUBGROUPS,
    _align_cfg,
    _bare_partitive,
    _exodus_count,
    _flag,
    _modifier_number,
    _noun_population,
    _partitive,
    _populations,
    _ranked,
    _same_count_elsewhere,
    _since_days,
)
from fullpicture.align._figureparts import (  # noqa: F401 re-exported
    _among_a_set,
    _armed,
    _armed_members,
    _breakdown,
    _demonym_before_unit,
    _limited_part,
    _national_part,
    _other_states_count,
    _parts,
    _stem_population,
    _stems,
    _territory,
    _territory_part,
    _territory_words,
    breakdown_part,
)
from fullpicture.align._figuretold import (
    beyond_other_count,
    denied,
    recalled,
    running_total,
    told_earlier,
)
from fullpicture.align._scopedzero import scoped_zero
from fullpicture.align._sincetotal import counted_since_long_before
from fullpicture.align._tollnoun import breakdown_subgroup, toll_noun_population
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
        return "part"  # "among the wounded are 6 Danes", "6 Danish guards" of some thirty
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
        return "servicemen"  # "about 12 UNIFIL members": the members of an armed body
    return _noun_population(noun) or "people"


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
