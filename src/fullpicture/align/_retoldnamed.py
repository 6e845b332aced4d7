"""Later reports that retell the story's main happening by naming it, joined to its row.

A piece days, weeks or months after a disputed happening (a claim that it was staged, a
finding on its cause, an envoy's or a ministry's version) names it with no day of its own ("the
chemical attack in Eastvale", "the crash of Ivan Petrov's plane"): its mentions take the
report's publication day, and are often placed at the country a speaker accuses or speaks for.
The nearer and far retold joins (``_followups``, ``_retoldfar``) look for the target by the
mention's own place and family, so such a row stays apart, and the dispute it carries (who did
it, whether it happened) never meets the first reports.

The comparison's main happening is the row that the most documents tell (one such row only),
when at least ``incident_retold_named_share`` of the comparison's documents tell it or a row
it takes here: one story compared (a pooled comparison of many stories has no main happening,
and its stories' later reports name the same capitals and leaders; a story with many
follow-ups, each dated by its own day, leaves fewer of its documents in the first day's row).
A row joins it, up to ``incident_retold_named_days`` after the main row's day (0 = off), when

* no document tells a happening in both rows (a follow-up whose inquiry or accusation words
  hang on the main row still retells the happening in a row of its own);
* none of its happenings (of a same-place type, not told apart, not a consequence) states a
  day of its own (each is dated by its report, or by a day it inherits, or by a stated period,
  a year or a month, that holds the main row's day: "three years ago"; with
  ``incident_retold_after_report``, a day after the report's own is a misread one, none; with
  ``incident_retold_ceremony_days``, the day of an anniversary or a commemoration its sentence
  tells, at most a day from the report's, in a report at least that many days after the main
  row's day, is the ceremony's, none: "the memorial held yesterday for the sailors who died in
  the blast"): a report telling a new happening with its day stays apart;
* one of its happenings is of a family the main row tells (with ``incident_retold_downing``, a
  craft's shoot-down retells the main row's crash and the other way round: ``_downings``);
* it names the main happening: one of the places or participants of its mentions (a country
  aside: a speaker's or an accused state is no name of a happening) is one of the main row's,
  in any script ("Petrov" and "Петров"); a mention told at no place names the places of its
  sentence ("in Eastvale, three years ago, the enemy bombed the school of this village"); with
  ``incident_retold_nameless``, a row that names nothing at all (no place but a country, no
  person: a first-person account days on, "they boarded us and fired") retells it too; with
  ``incident_retold_ceremony_days``, a row of reports published that long after the main row's
  day names too what their anniversary sentences name ("the tenth anniversary memorial of the
  Northwind sinking"), and its mentions of ``incident_retold_ceremony_types`` (the memorial, the
  march of that year) stay when it joins; with ``incident_retold_retro_days``, a row of reports
  published at least that long after the main row's day (a retrospective, a court story years
  on) names it when its places all lie in the main row's countries and one is no country (the
  region of the story: "the airliner downed over the Eastmarch province");
* and no other row tells a happening of that family with one of those names (for a row naming
  nothing: at all) on a day after the main row's and up to the report's: a later happening the
  report may tell.

Words, days, names and the comparison's own structure only: both sides alike.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from fullpicture.align._anniversary import anniversary_sentence, ceremony_day
from fullpicture.align._downings import downing_kind
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import incident_lexicon, same_place_types
from fullpicture.align._toldrow import happening_days, place_happening
from fullpicture.align._util import EntityIndex, country_code, modal_day
from fullpicture.nlp.places._translit import script_key

_WORD = re.compile(r"\w+")
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_CRAFT = frozenset({"crash", "shoot"})  # the kinds of ``_downings.downing_kind``


def named_keys(index: EntityIndex, doc: str, eids: Iterable[str]) -> frozenset[str]:
    """Keys under which the entities ``eids`` of ``doc`` are one name in any script: the
    whole name (:func:`script_key`), and a person's last word (a surname told alone); none for
    a country."""
    out: set[str] = set()
    for eid in eids:
        name = index.display(doc, eid, resolve=True)
        ent = index.entity(doc, eid)
        if not name or ent is None or country_code(name) is not None:
            continue
        key = script_key(name)
        if key:
            out.add(key)
        parts = name.split()
        if ent.type == "PERSON" and len(parts) > 1:
            last = script_key(parts[-1])
            if len(last) >= 4:
                out.add(last)
    return frozenset(out)


def place_mentions(a: Any) -> list[tuple[int, str]]:
    """``(start, entity id)`` of every place (GPE, LOC, FAC) mention of analysis ``a``, sorted:
    the places a sentence names, for a happening told at none (:func:`sentence_places`)."""
    return sorted((m.start, e.id) for e in a.entities if e.type in _PLACE_TYPES
                  for m in e.mentions if not m.embedded)


def sentence_places(mentions: Sequence[tuple[int, str]], start: int, end: int) -> list[str]:
    """The places of ``mentions`` (:func:`place_mentions`) named inside ``[start, end)``: a
    later report's sentence names the happening's town though the happening is told at none
    ("in Eastvale, three years ago, the enemy struck the school of this village")."""
    i = bisect_left(mentions, (start, ""))
    out = []
    while i < len(mentions) and mentions[i][0] < end:
        out.append(mentions[i][1])
        i += 1
    return out


def unknown_place_names(index: EntityIndex, doc: str, place: str | None,
                        mentions: Sequence[tuple[int, str]], start: int, end: int) -> frozenset[str]:
    """Names (:func:`named_keys`) of the gazetteer places named inside ``[start, end)`` when a
    happening there is told at a ``place`` the gazetteer does not know (no point: a nationality
    noun read as a place, "the trial of the Westlander pilot for the bombing of Eastvale"); none
    otherwise."""
    ent = index.entity(doc, place) if place else None
    if ent is None or ent.geo is not None:
        return frozenset()
    known = [e for e in sentence_places(mentions, start, end)
             if e != place and (pe := index.entity(doc, e)) is not None and pe.geo is not None]
    return named_keys(index, doc, known)


def _main_row(docs: dict[int, set[str]], happens: set[int]) -> int | None:
    """The row told by the most documents among the rows that tell a happening (None on a tie)."""
    sizes = sorted(((len(docs[r]), r) for r in happens), reverse=True)
    if not sizes or (len(sizes) > 1 and sizes[0][0] == sizes[1][0]):
        return None
    return sizes[0][1]


def _holds(interval: tuple[int, int] | None, day: int) -> bool:
    """Whether a stated period (a year, a month: "three years ago") holds the main row's day."""
    return interval is not None and interval[0] <= day <= interval[1] and interval[1] > interval[0]


def _after(f: MentionFeatures, slack: int) -> bool:
    """Whether ``f`` states a day after its report's publication (beyond ``slack``): a misread
    day (a weekday or a month taken forward), no day of a happening the report tells."""
    pub = f.extra.get("published")
    return bool(f.date_firm and f.interval and pub and f.interval[0] > pub[1] + slack)


def ceremony_dated(f: MentionFeatures, day: int | None, gap: int, slack: int) -> bool:
    """Whether ``f``'s stated day is that of an anniversary or a commemoration its report tells
    at least ``gap`` days after the main row's ``day`` (:func:`_anniversary.ceremony_day`): no
    day of the happening the ceremony recalls."""
    pub = f.extra.get("published")
    return bool(gap > 0 and day is not None and f.date_firm and pub and pub[0] - day >= gap
                and ceremony_day(f.interval, pub, f.sentence, slack))


def _before_report(feats: Sequence[MentionFeatures], labels: Sequence[int], types: set[str],
                   lex: Any, slack: int, apart: Any = None, after: bool = True) -> dict[int, Counter[int]]:
    """:func:`happening_days` of the mentions whose day is not after their report's
    (:func:`_after`) nor, with ``apart``, one ``apart(f)`` holds (a ceremony's day)."""
    keep = [i for i, f in enumerate(feats) if not (after and _after(f, slack)) and not (apart and apart(f))]
    days = happening_days([feats[i] for i in keep], [labels[i] for i in keep], types, lex)
    return {r: c for r, c in days.items() if c}


def _anniversary_names(feats: Sequence[MentionFeatures], day: int, gap: int) -> dict[str, set[str]]:
    """Document published at least ``gap`` days after ``day`` -> the name keys
    (:func:`script_key`) of the words and word pairs of its sentences that tell an anniversary
    or a commemoration ("ten years since the Eastvale went down, a service for its crew"): the happening
    the piece recalls, named there when its own retelling names only the ceremony's places."""
    out: dict[str, set[str]] = {}
    seen: set[tuple[str, str]] = set()
    for f in feats:
        pub = f.extra.get("published")
        if not pub or pub[0] - day < gap:
            continue
        keys = out.setdefault(f.doc, set())
        if (f.doc, f.sentence) in seen or not anniversary_sentence(f.sentence):
            continue
        seen.add((f.doc, f.sentence))
        words = [w for w in (script_key(t) for t in _WORD.findall(f.sentence)) if w]
        keys.update(words)
        keys.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return out


def _downed(main: set[str], row: set[str]) -> bool:
    """Whether one row tells a craft's crash and the other its shoot-down: one happening told
    in two families (``_downings``)."""
    return bool(main & _CRAFT and row & _CRAFT)


def _within(countries: set[str], geos: list[Any]) -> bool:
    """Whether the places ``geos`` of a row (gazetteer points) sit only in ``countries``, the
    main row's, and one of them is no country: a retrospective's region or town of the story."""
    return bool(geos) and all(g[2] in countries for g in geos) and any(not g[3] for g in geos)


def main_row_day(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: Sequence[int]) -> tuple[int, int] | None:
    """``(main row, its day)``: the one row the most documents tell among the rows telling a
    happening, and the most common day its happenings state (not after their report), when at
    least ``incident_retold_named_share`` of the comparison's documents tell it (one story
    compared); None otherwise."""
    types = same_place_types(cfg)
    lex = incident_lexicon()
    docs: dict[int, set[str]] = defaultdict(set)
    acts: set[int] = set()
    for i, f in enumerate(feats):
        docs[labels[i]].add(f.doc)
        if place_happening(f, types, lex):
            acts.add(labels[i])
    slack = int(cfg.get("inherited_date_slack_days", 1))
    own = _before_report(feats, labels, types, lex, slack, after=bool(cfg.get("incident_retold_after_report", False)))
    main = _main_row(docs, acts)
    share = float(cfg.get("incident_retold_named_share", 0.0))
    if main is None or len(docs[main]) < share * len({f.doc for f in feats}):
        return None
    day = modal_day(own.get(main, Counter()))
    return None if day is None else (main, day)


def join_retold_named(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining the rows that retell the main happening by
    naming it to the main row (module docstring)."""
    far = int(cfg.get("incident_retold_named_days", 0))
    if far <= 0:
        return labels
    slack = int(cfg.get("inherited_date_slack_days", 1))
    nameless = bool(cfg.get("incident_retold_nameless", False))
    craft = bool(cfg.get("incident_retold_downing", False))
    types = same_place_types(cfg)
    lex = incident_lexicon()
    docs: dict[int, set[str]] = defaultdict(set)
    names: dict[int, set[str]] = defaultdict(set)
    families: dict[int, set[str]] = defaultdict(set)
    acts: dict[int, list[int]] = defaultdict(list)
    geos: dict[int, list[Any]] = defaultdict(list)
    for i, f in enumerate(feats):
        r = labels[i]
        if f.geo is not None:
            geos[r].append(f.geo)
        docs[r].add(f.doc)
        names[r] |= f.extra.get("names", frozenset())
        if place_happening(f, types, lex):
            families[r].add(f.family)
            acts[r].append(i)
            if craft and (kind := downing_kind(f)):
                families[r].add(kind)
    after = bool(cfg.get("incident_retold_after_report", False))
    own = _before_report(feats, labels, types, lex, slack, after=after)
    main = _main_row(docs, set(acts))
    if main is None:
        return labels
    day = modal_day(own.get(main, Counter()))
    if day is None:
        return labels
    gap = int(cfg.get("incident_retold_ceremony_days", 0))
    retro = int(cfg.get("incident_retold_retro_days", 0))
    if gap > 0:  # an anniversary's day, years on, is no day of the happening it recalls
        own = _before_report(feats, labels, types, lex, slack, lambda f: ceremony_dated(f, day, gap, slack), after)
    recalled = _anniversary_names(feats, day, gap) if gap > 0 else {}
    later = {t: d for t in acts if t != main and (d := modal_day(own.get(t, Counter()))) is not None
             and d > day + slack}
    # a document shared with the main row keeps a row apart only when it tells a happening in
    # both: a follow-up's inquiry or accusation words hosted by the main row are no telling of it
    told = {f.doc for i, f in enumerate(feats) if labels[i] == main and place_happening(f, types, lex)}
    joined: set[int] = set()
    recalled_rows: set[int] = set()  # rows of pieces published years on (``_anniversary_names``)
    for r, idx in sorted(acts.items()):
        if r == main or {feats[i].doc for i in idx} & told or own.get(r) \
                or not (families[r] & families[main] or _downed(families[main], families[r])):
            continue
        pubs = [feats[i].extra.get("published") for i in idx]
        if any(feats[i].date_firm and not _holds(feats[i].interval, day) and not _after(feats[i], slack)
               and not ceremony_dated(feats[i], day, gap, slack) for i in idx) or not all(pubs):
            continue
        when = min(p[0] for p in pubs if p)
        shared = names[r] & names[main]
        if all(feats[i].doc in recalled for i in idx):
            recalled_rows.add(r)
        if not shared and r in recalled_rows:
            # an anniversary piece names its happening in the anniversary's sentence
            shared = set().union(*(recalled[feats[i].doc] for i in idx)) & names[main]
        if not shared and retro > 0 and when - day >= retro \
                and _within({g[2] for g in geos[main]}, geos[r]):
            shared = set(names[r])  # a retrospective told in the story's country, at no clashing place
        bare = nameless and not names[r]  # names nothing: no other place or person either
        if not (shared or bare) or not 0 < when - day <= far:
            continue
        if any(d <= when and families[t] & families[r] and (bare or names[t] & shared)
               for t, d in later.items()):
            continue
        joined.add(r)
    # one story compared: the main row with the retellings it takes is told by at least this share
    # of the comparison's documents (a later report dated by its own day is no second story)
    share = float(cfg.get("incident_retold_named_share", 0.0))
    story = docs[main].union(*(docs[r] for r in joined))
    if len(story) < share * len({f.doc for f in feats}):
        return labels
    # a ceremony of those years (a memorial, a march) is a happening of its own day: it stays
    kinds = {str(k).upper() for k in cfg.get("incident_retold_ceremony_types", ())} if gap > 0 else set()
    return [main if r in joined and not (r in recalled_rows and (feats[i].type or "").upper() in kinds) else r
            for i, r in enumerate(labels)]
