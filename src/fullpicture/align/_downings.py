"""A craft's crash and its shoot-down, one incident.

One side tells that an aircraft crashed (a disaster: "the cargo plane crashed near X", "самолёт
потерпел крушение"); the other that it was shot down (an assault: "X's forces shot down the
plane", "l'avion a été abattu"). The two words are of two type families, so the pair model never
compares them, and the story's one happening becomes two rows. A row holding a crash
(``[downings] crash`` of ``data/events/incidents.toml``, a mention of type DISASTER) joins a row
holding a shoot-down (``[downings] shoot``, of type ASSAULT) when

* a document tells both, one in each row (the evidence that the words name one happening);
* the rows' days (the most common day told in each) are at most ``incident_downing_days``
  apart (0 = off);
* the rows' places are mostly in one country (the country most of each row's placed mentions
  are in), or one row has none;
* the rows' sentences do not name two different type designations only ("a Zeta-9 crashed"
  and "a Kappa-4 was shot down" stay apart).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._util import UnionFind, home_country, modal_day, short_interval

_DESIGNATION = re.compile(r"\b[^\W\d_]{1,5}-\d{1,4}[^\W\d_]{0,3}\b")


@functools.lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """``(crash lemmas, shoot-down lemmas)`` of ``[downings]``, with the word-list languages'
    lemmas of those glosses ("збити": "shoot down")."""
    from fullpicture._data import data_toml
    from fullpicture.align._incident_lex import with_glossed

    spec = data_toml("events", "incidents.toml").get("downings", {})
    return (with_glossed(w.lower() for w in spec.get("crash", [])),
            with_glossed(w.lower() for w in spec.get("shoot", [])))


def _kind(f: MentionFeatures, crash: frozenset[str], shoot: frozenset[str]) -> str:
    """'crash', 'shoot' or ''."""
    t = (f.type or "").upper()
    if t == "DISASTER" and f.lemma in crash:
        return "crash"
    words = f.trigger.lower().split()
    # a phrase keeps its head's lemma ("shot down": "shoot"): the lemma and the particle
    if t == "ASSAULT" and (f.lemma in shoot or (len(words) > 1 and f"{f.lemma} {words[-1]}" in shoot)):
        return "shoot"
    return ""


def downing_kind(f: MentionFeatures) -> str:
    """'crash' (a craft's crash told as a disaster), 'shoot' (its shoot-down told as an assault)
    or '' for mention ``f`` (``[downings]`` of ``data/events/incidents.toml``)."""
    crash, shoot = _words()
    return _kind(f, crash, shoot)


def join_downings(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining a crash row to the shoot-down rows of one craft
    (module docstring)."""
    horizon = int(cfg.get("incident_downing_days", 0))
    crash, shoot = _words()
    if horizon <= 0 or not crash or not shoot:
        return labels
    kinds = [_kind(f, crash, shoot) for f in feats]
    if "crash" not in kinds or "shoot" not in kinds:
        return labels
    days: dict[int, Counter[int]] = defaultdict(Counter)
    countries: dict[int, Counter[str]] = defaultdict(Counter)
    names: dict[int, set[str]] = defaultdict(set)
    told: dict[tuple[str, str], set[int]] = defaultdict(set)  # (document, kind) -> rows
    for i, f in enumerate(feats):
        r = labels[i]
        if (iv := short_interval(f.interval, 1)) is not None:
            days[r][iv[0]] += 1
        if f.geo is not None and f.geo[2]:
            countries[r][f.geo[2]] += 1
        if kinds[i]:
            told[(f.doc, kinds[i])].add(r)
            names[r].update(m.lower() for m in _DESIGNATION.findall(f.sentence))
    pairs: set[tuple[int, int]] = set()
    for (doc, kind), rows in told.items():
        if kind != "crash":
            continue
        for c in rows:
            for s in told.get((doc, "shoot"), ()):
                if c != s:
                    pairs.add((c, s))
    uf: UnionFind[int] = UnionFind()
    for c, s in sorted(pairs):
        dc, ds = modal_day(days[c]), modal_day(days[s])
        if dc is None or ds is None or abs(dc - ds) > horizon:
            continue
        hc, hs = home_country(countries[c]), home_country(countries[s])
        if hc and hs and hc != hs:
            continue
        if names[c] and names[s] and not names[c] & names[s]:
            continue
        uf.union(c, s)
    return [uf.find(r) for r in labels]
