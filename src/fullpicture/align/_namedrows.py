"""Rows that name a happening by a judgement, an anaphora or its dead, joined to its row.

One happening is named by different words on each side: "the massacre", "an atrocity", "this
crime", "the tragedy", "a provocation", "the staging", "the incident". Such a noun tells no new
happening; it names one already told. Its victims are told by other words again: "were shot
dead", "were buried", "погибли". Each word made a row of its own at the happening's place, so the
sides' versions (the accusation, the denial) never met.

A row joins the row of violence (``[hosts] violent_types``) told by the most documents (then
the most mentions) among those larger than it that share one of its names, when

* at least ``incident_named_host_violent_share`` of that row's mentions are of violence (a row
  of statements with one figurative "exploded" hosts no named happening: a natural death told
  by two outlets of an appointment story stays its own row);

* one of its mentions is a naming noun (``[naming] nouns`` of data/events/incidents.toml, in
  en/fr/ru/uk, with the glossed lemmas of the word-list languages), or its mentions tell only
  the dead (a harm, a word of killing, burying or finding the dead: ``[naming] killings``), a
  naming noun and acts of word, none told apart;
* a name of a place or a person of its mentions (any script: "Eastvale", "Иствейл"; a group or
  a country is no name of a happening) is one of that row's;
* none of its happenings states a day more than ``incident_named_day_slack`` days from that
  row's day (a new happening with its own day stays apart), and it is told from that many days
  before that day up to ``incident_named_days`` after it (an anniversary piece retells it);
* none of its mentions is placed at a town outside that row's country;
* and no other row tells a violent happening at one of the shared names on a stated day after
  that row's and up to the naming row's (a second happening there that the words may name).

A row's day is the day its happenings state, else the first day it is told on. Words, days,
names and the comparison's own structure only: both sides alike. ``0`` days switches it off.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import (
    IncidentLexicon,
    distinct,
    incident_lexicon,
    is_consequence,
    same_place_types,
    with_glossed,
)
from fullpicture.align._toldrow import happening_days
from fullpicture.align._util import UnionFind, home_country, modal_day, short_interval


@lru_cache(maxsize=1)
def _naming_lex() -> tuple[frozenset[str], frozenset[str]]:
    """``(naming nouns, words of killing)`` of ``[naming]``, lower case, glossed lemmas added."""
    data = data_toml("events", "incidents.toml").get("naming", {})
    return (with_glossed(w.lower() for w in data.get("nouns", [])),
            with_glossed(w.lower() for w in data.get("killings", [])))


def is_naming(f: MentionFeatures) -> bool:
    """A mention whose trigger names a happening by a judgement or an anaphora ("the massacre",
    "une provocation", "инцидент"), not told apart."""
    return f.lemma.lower() in _naming_lex()[0] and not distinct(f)


def victims_only(feats: Sequence[MentionFeatures], idx: Sequence[int], lex: IncidentLexicon) -> bool:
    """Whether the mentions ``idx`` tell only the dead (a harm, a word of killing, burying or
    finding the dead), consequences, naming nouns and acts of word, at least one such harm and
    none told apart."""
    kill = _naming_lex()[1]
    harm = [i for i in idx if (lem := feats[i].lemma.lower()) in lex.harm or lem in kill]
    if not harm or any(distinct(feats[i]) for i in harm):
        return False
    return all(i in harm or is_naming(feats[i]) or (feats[i].type or "").upper() in lex.told_about
               or is_consequence(feats[i], lex) for i in idx)


def join_named_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining the rows that name a happening by a judgement,
    an anaphora or its dead to the row of that happening (module docstring)."""
    far = int(cfg.get("incident_named_days", 0))
    if far <= 0:
        return labels
    slack = int(cfg.get("incident_named_day_slack", 3))
    share = float(cfg.get("incident_named_host_violent_share", 0.0))
    lex = incident_lexicon()
    members: dict[int, list[int]] = defaultdict(list)
    docs: dict[int, set[str]] = defaultdict(set)
    names: dict[int, set[str]] = defaultdict(set)
    for i, f in enumerate(feats):
        members[labels[i]].append(i)
        docs[labels[i]].add(f.doc)
        names[labels[i]] |= f.extra.get("where_names", frozenset())
    own = happening_days(feats, labels, same_place_types(cfg), lex)
    first = {r: min((iv[0] for i in idx if (iv := short_interval(feats[i].interval, 31)) is not None), default=None)
             for r, idx in members.items()}
    day: dict[int, int] = {}
    for r, idx in members.items():
        violent = sum((feats[i].type or "").upper() in lex.violent_types for i in idx)
        if violent and violent >= share * len(idx):
            d = modal_day(own.get(r, Counter()))
            d = first[r] if d is None else d
            if d is not None:
                day[r] = d

    def size(r: int) -> tuple[int, int, int]:
        return len(docs[r]), len(members[r]), -r

    uf: UnionFind[int] = UnionFind()
    for r in sorted(members, key=size):
        idx = members[r]
        if not (any(is_naming(feats[i]) for i in idx) or victims_only(feats, idx, lex)):
            continue
        when = first[r]
        cands = [t for t, d in day.items() if t != r and names[t] & names[r] and size(t) > size(r)
                 and all(abs(o - d) <= slack for o in own.get(r, ()))
                 and (when is None or -slack <= when - d <= far)]
        if not cands:
            continue
        best = max(cands, key=size)
        shared = names[best] & names[r]
        top = day[best] if when is None else when
        if any(day[best] + slack < d <= top + slack and names[t] & shared
               for t in day if t not in (r, best) and uf.find(t) != uf.find(best)
               and (d := modal_day(own.get(t, Counter()))) is not None):
            continue  # a later happening at the name, which the words may name
        if _abroad(feats, members[best], idx):
            continue
        uf.union(best, r)
    return [uf.find(r) for r in labels]


def _abroad(feats: Sequence[MentionFeatures], big: list[int], small: list[int]) -> bool:
    """Whether a mention of the small row is placed at a town outside the big row's country."""
    countries = Counter(g[2] for i in big if (g := feats[i].geo) is not None and g[2])
    home = home_country(countries)
    return home is not None and any((g := feats[i].geo) is not None and not g[3] and g[2] != home
                                    for i in small)
