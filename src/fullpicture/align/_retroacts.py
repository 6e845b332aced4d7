"""A retrospective's tellings of the story's main happening, joined to its row one by one.

A piece published years after a contested happening (a retrospective, a broadcaster's page on
the affair, a wire story on the twentieth year) retells it among other things: "twenty years to
the day after the bombing of the Eastvale camp, no official tribute", "the Northwind went down
off the cape on 26 March". Its tellings take the piece's day (or the day of the ceremony it
reports) and the place it names, often another spelling or a village inside the district the
first reports named, so they form a row of the piece's own year; and since the same piece tells
other happenings of the main row too, the whole-row joins of later retellings (``_retoldnamed``:
"no document tells both rows") leave them apart.

Here each mention of a report published at least ``incident_retro_act_days`` after the main
row's day joins the main row (the comparison's one row the most documents tell, ``_retoldnamed``)
when

* it tells a happening of a same-place type, of a family the main row tells (a craft's crash and
  its shoot-down alike, ``_downings``), not told apart ("another strike", ``distinct``) nor
  recalled as an earlier one ("previous attacks", ``_recallmark``), nor of a kind that may last
  as a whole (the war, the campaign, "the aggression": the setting years on, no telling of it);
* it states no day of its own: no firm day, or a firm day (or a stated period) that holds the main
  row's day, or one its report misreads forward (after the publication), or an anniversary's or a
  commemoration's day near the report's (``_anniversary.ceremony_day``): a stated day matching the
  main row's beats the publication's;
* it is told at the main row's place: one of its names (any script) is the main row's, or its
  gazetteer point (no country) lies at most ``incident_retro_act_km`` from a point of the main
  row's (a village inside the district, another spelling resolved to one place); one told at a
  name the gazetteer does not know (a nationality noun read as the place: "the trial of the
  Westlander pilot for the bombing of Eastvale") is also told at the known places its sentence
  names (``sentence_names``, ``_retoldnamed.unknown_place_names``);
* and its report tells no later happening of that family at the main row's place (a firm day
  after the main row's, not a ceremony's): such a report ("a new raid on the town four years
  on") keeps every telling that states no day apart, and only those whose stated day holds the
  main row's join.

The mentions of its report that hang on a joined mention in its row and sentence (the killed,
the wounded) follow it, but one stating a day of its own (the announcement "on Friday", years on). A comparison of many stories has no main row (``_retoldnamed``: the
share of documents). Days, places and the comparison's structure only: both sides alike.

Waves of reporting (``incident_retro_wave_days``, session 42): a rights group's findings, a
follow-up or a denial weeks or months on retells the happening among other things ("the massacre
in Eastvale", "the killings"); its tellings take the report's day and sit in the row of what the
report is about. A report published at least that many days (and fewer than
``incident_retro_act_days``) after the main row's day is taken as above when it also names the
main row's place itself (one of its names, not only a point nearby) and tells the happening as a
past one: one of its tellings there refers back to it (a definite noun phrase: "the massacre"),
or it states a day or a period that holds the main row's day ("in late November"). A telling in a
phrase of cause ("in response to the raid on the depot": what another happening answers) stays.
Its tellings never move the main row's day: they state none of their own. With
``incident_retro_wave_anaphors``, a report published ``incident_retold_min_days`` to that many
days on gives the main row its definite references ("the killings", placed at the capital of the
side it blames) that state no day, when the same word of that report already tells the main
row's happening there: the report's own earlier telling is what the reference refers back to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._downings import downing_kind
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import (
    IncidentLexicon,
    incident_lexicon,
    lasting_kinds,
    same_place_types,
)
from fullpicture.align._retoldnamed import ceremony_dated, main_row_day
from fullpicture.align._toldrow import place_happening
from fullpicture.nlp.places._resolve import haversine_km


def _kinds(f: MentionFeatures, craft: bool) -> set[str]:
    """The families ``f`` tells: its own, and a craft's crash or shoot-down (``_downings``)."""
    out = {f.family}
    if craft and (kind := downing_kind(f)):
        out.add(kind)
    return out


def _holds_day(f: MentionFeatures, day: int, slack: int) -> bool:
    """Whether ``f``'s stated day or period holds the main row's ``day`` (``slack`` either way)."""
    iv = f.interval
    return iv is not None and iv[0] - slack <= day <= iv[1] + slack


def _no_own_day(f: MentionFeatures, day: int, slack: int, gap: int) -> bool:
    """Whether ``f`` states no day apart from the main row's ``day`` (module docstring)."""
    if not f.date_firm or _holds_day(f, day, slack):
        return True
    pub = f.extra.get("published")
    if pub and f.interval and f.interval[0] > pub[1] + slack:
        return True  # a weekday or a month read forward: no day of the happening
    return ceremony_dated(f, day, gap, slack)


def _at_place(f: MentionFeatures, names: set[str], points: list[tuple[float, float]], km: float) -> bool:
    """Whether ``f`` is told at the main row's place: a shared name (its own, or for a place the
    gazetteer does not know its sentence's known places), or a gazetteer point (no country) at
    most ``km`` from one of the main row's."""
    if (f.extra.get("names", frozenset()) | f.extra.get("sentence_names", frozenset())) & names:
        return True
    g = f.geo
    return g is not None and not g[3] and km > 0 and any(haversine_km(g[0], g[1], a, b) <= km for a, b in points)


def _named(f: MentionFeatures, names: set[str]) -> bool:
    """Whether ``f`` names the main row's place itself: its own names, or for a place the
    gazetteer does not know its sentence's known places (no point nearby)."""
    return bool((f.extra.get("names", frozenset()) | f.extra.get("sentence_names", frozenset())) & names)


def _told_past(f: MentionFeatures, day: int, slack: int) -> bool:
    """Whether ``f`` tells the main row's happening as a past one: a definite reference to it
    ("the massacre"), or a stated day or period holding the main row's ``day``."""
    return bool(f.extra.get("definite")) or (f.date_firm and _holds_day(f, day, slack))


def _placeless(f: MentionFeatures) -> bool:
    """Whether ``f`` is told at no place but a country and names nothing ("the bombing of the
    camp"): in a report that names the main row's place, the story's."""
    return not f.extra.get("names") and (f.geo is None or f.geo[3])


def _wave_anaphors(feats: Sequence[MentionFeatures], labels: list[int], main: int, day: int, low: int, wave: int,
                   types: set[str], lex: IncidentLexicon, lasting: frozenset[str]) -> set[int]:
    """The definite references ("the killings") of reports ``low`` to ``wave`` days on
    (``incident_retold_min_days``) whose same word already tells the main row's happening in that
    report (``types``, ``lex``, ``lasting``: the caller's same-place types, lexicon, lasting kinds)."""
    told = {(f.doc, f.lemma) for i, f in enumerate(feats) if labels[i] == main and place_happening(f, types, lex)}
    out: set[int] = set()
    for i, f in enumerate(feats):
        pub = f.extra.get("published")
        if labels[i] != main and pub and low <= pub[0] - day < wave and f.extra.get("definite") \
                and not f.date_firm and (f.doc, f.lemma) in told and place_happening(f, types, lex) \
                and not f.extra.get("cause_unit") and f.extra.get("recall_marker") != "recall" \
                and f.lemma.lower() not in lasting:
            out.add(i)
    return out


def join_retro_acts(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining a retrospective's tellings of the main
    happening to its row (module docstring)."""
    gap = int(cfg.get("incident_retro_act_days", 0))
    if gap <= 0:
        return labels
    wave = int(cfg.get("incident_retro_wave_days", 0))
    wave = wave if 0 < wave < gap else gap
    found = main_row_day(feats, cfg, labels)
    if found is None:
        return labels
    main, day = found
    slack = int(cfg.get("inherited_date_slack_days", 1))
    km = float(cfg.get("incident_retro_act_km", 0.0))
    craft = bool(cfg.get("incident_retold_downing", False))
    ceremony = int(cfg.get("incident_retold_ceremony_days", 0))
    types = same_place_types(cfg)
    lex = incident_lexicon()
    families: set[str] = set()
    names: set[str] = set()
    points: list[tuple[float, float]] = []
    for i, f in enumerate(feats):
        if labels[i] == main and place_happening(f, types, lex):
            families |= _kinds(f, craft)
            names |= f.extra.get("names", frozenset())
            if f.geo is not None and not f.geo[3]:
                points.append((f.geo[0], f.geo[1]))
    kinds = {str(k).upper() for k in cfg.get("incident_retold_ceremony_types", ())}
    lasting = lasting_kinds()
    late: dict[str, list[int]] = defaultdict(list)
    placed: set[str] = set()  # reports naming the main row's place for one of its kinds
    named: set[str] = set()  # reports weeks or months on that name the main row's place itself
    past: set[str] = set()  # ... and those that tell it as a past happening
    for i, f in enumerate(feats):
        pub = f.extra.get("published")
        if pub and pub[0] - day >= wave and place_happening(f, types, lex) and _kinds(f, craft) & families:
            late[f.doc].append(i)
            if pub[0] - day >= gap:
                if _at_place(f, names, points, km):
                    placed.add(f.doc)
                continue
            if _named(f, names):
                named.add(f.doc)
            if _told_past(f, day, slack):
                past.add(f.doc)
    placed |= named & past
    moved: set[int] = set()
    for doc, idx in late.items():
        if doc not in placed:
            continue
        # a later happening of the story's kind there, told with its own day (a march or a
        # memorial of those years is the ceremony's, no later happening of the kind)
        newer = any((iv := feats[i].interval) is not None and iv[0] > day + slack
                    and (feats[i].type or "").upper() not in kinds
                    and not _no_own_day(feats[i], day, slack, ceremony) for i in idx)
        for i in idx:
            f = feats[i]
            if labels[i] == main or f.extra.get("recall_marker") == "recall" or f.lemma.lower() in lasting \
                    or not (_at_place(f, names, points, km) or _placeless(f)) \
                    or (doc in named and f.extra.get("cause_unit")):
                continue  # "previous attacks", "in response to the raid": other happenings than the story's
            # a ceremony's own day is no day of the happening it recalls, but the march's own
            own = _no_own_day(f, day, slack, 0 if (f.type or "").upper() in kinds else ceremony)
            if (f.date_firm and _holds_day(f, day, slack)) if newer else own:
                moved.add(i)
    if cfg.get("incident_retro_wave_anaphors", False):
        moved |= _wave_anaphors(feats, labels, main, day, int(cfg.get("incident_retold_min_days", 2)), wave,
                                types, lex, lasting)
    if not moved:
        return labels
    # what hangs on a joined telling in its row and sentence (its killed, its wounded) follows it
    spans = {(feats[i].doc, feats[i].span, labels[i]) for i in moved}
    out = list(labels)
    for i, f in enumerate(feats):
        if i in moved or ((f.doc, f.span, labels[i]) in spans and not place_happening(f, types, lex)
                          and _no_own_day(f, day, slack, 0)):
            out[i] = main
    return out
