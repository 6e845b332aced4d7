"""Strikes on different towns stay apart: a row that holds happenings told at two towns far
apart is split by town.

The pair model and the joins take two places within ``place_conflict_km`` as compatible (a
town and its district, a region's point beside its city), and mentions told at no place or at
a country link one town's strike to another's: a strike on Eastvale absorbs the same night's
shelling of Northford, 70 km away, and Northford's toll then reads as a rival toll. Here each
row's happenings of ``incident_town_split_types`` (strikes, not a flood that reaches many
towns; no consequence: the wounded die in the next town's hospital) told at or struck at a
gazetteer town (``extra["towns"]``) are grouped by town, towns within
``incident_town_split_km`` of each other being one group (a city and the town on its edge, two
quarters told as two towns); when at least two groups are each told by at least
``incident_town_split_min_docs`` documents, and the group told by most documents is told by
at least ``incident_town_split_keep_share`` of the row's documents (the row is that town's
strike, not a happening most reports place at a village or a region off the gazetteer's towns),
that group keeps the row and each other group becomes a row of its own. A group told by one
document only splits off too when all its towns lie more than ``incident_town_split_far_km``
from every town of the group that keeps the row (another country's town struck the same night,
told in passing by one report: the row's strike is not a rocket hitting a city hundreds of km
away; 0 = off); nearer, one report's town may be the row's own town named after a larger one.
A happening dated only by its report, a report published at least
``incident_later_report_days`` after the row's stated day, is a follow-up's telling: its town is
where the follow-up was said (talks in a capital), so it counts for no group. A mention follows, in this order: its own towns
(told at or struck), the happening it is a consequence of, and the one group its document
tells in the row (when the document tells the row at no other place, not even a country or a
region: a report of the Northford shelling alone); a mention none of these decides (told at no
place, or at the country or region of both) stays. Two names of one town are one gazetteer
place (one key): they never split.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import incident_lexicon, is_consequence
from fullpicture.align._toldrow import later_report, row_index
from fullpicture.align._util import modal_day
from fullpicture.nlp.places._gazetteer import haversine_km


def _town_groups(towns: dict[str, tuple[float, float]], km: float) -> dict[str, int]:
    """``town key -> group``: towns within ``km`` of each other (by chains) are one group."""
    keys = sorted(towns)
    group = {k: n for n, k in enumerate(keys)}
    for x, a in enumerate(keys):
        for b in keys[x + 1:]:
            (la, oa), (lb, ob) = towns[a], towns[b]
            if group[a] != group[b] and haversine_km(la, oa, lb, ob) <= km:
                old, new = group[b], group[a]
                group = {k: (new if g == old else g) for k, g in group.items()}
    return group


def _far_groups(towns: dict[str, tuple[float, float]], group: dict[str, int], keep: int,
                cands: set[int], km: float) -> list[int]:
    """The groups of ``cands`` whose every town lies more than ``km`` from every town of group
    ``keep`` (none when ``km`` is 0)."""
    if km <= 0:
        return []
    kept = [towns[k] for k, g in group.items() if g == keep]
    return sorted(g for g in cands
                  if all(haversine_km(la, oa, lb, ob) > km
                         for k, h in group.items() if h == g for la, oa in [towns[k]] for lb, ob in kept))


def _own_group(f: MentionFeatures, group: dict[str, int]) -> int | None:
    """The group of the towns a mention is told at or struck (``extra["towns"]``); None when it
    names none of the row's told towns or towns of two groups."""
    gs = {group[k] for k, _, _ in f.extra.get("towns", ()) if k in group}
    return next(iter(gs)) if len(gs) == 1 else None


def split_town_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int],
                    host: dict[int, int]) -> list[int]:
    """Incident label per mention after splitting rows by town (see the module docstring);
    ``host``: consequence or anaphor -> the happening it hangs on, inside each document."""
    km = float(cfg.get("incident_town_split_km", 0.0))
    if km <= 0:
        return labels
    min_docs = int(cfg.get("incident_town_split_min_docs", 2))
    share = float(cfg.get("incident_town_split_keep_share", 0.0))
    far_km = float(cfg.get("incident_town_split_far_km", 0.0))
    types = {t.upper() for t in cfg.get("incident_town_split_types", ["ASSAULT"])}
    lex = incident_lexicon()

    later = int(cfg.get("incident_later_report_days", 0))

    def evidence(f: MentionFeatures, day: int | None = None) -> bool:
        # a happening, not a consequence: the wounded die in the next town's hospital; nor a
        # later report's telling dated only by the report (its town is where it was said)
        return (f.type or "").upper() in types and not is_consequence(f, lex) \
            and not (day is not None and later_report(f, day, later))

    rows: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        rows[lab].append(i)
    out = list(labels)
    fresh = max(labels, default=-1) + 1
    _, days = row_index(feats, labels)
    for lab, idx in rows.items():
        day = modal_day(days.get(lab, Counter()))
        towns: dict[str, tuple[float, float]] = {}
        for i in idx:
            if evidence(feats[i], day):
                for k, lat, lon in feats[i].extra.get("towns", ()):
                    towns[k] = (lat, lon)
        if len(towns) < 2:
            continue
        group = _town_groups(towns, km)
        docs: dict[int, set[str]] = defaultdict(set)
        for i in idx:
            if evidence(feats[i], day):
                for k, _, _ in feats[i].extra.get("towns", ()):
                    docs[group[k]].add(feats[i].doc)
        told = [g for g in docs if len(docs[g]) >= min_docs]
        if not told:
            continue
        keep = max(told, key=lambda g: (len(docs[g]), -g))
        told += _far_groups(towns, group, keep, set(docs) - set(told), far_km)
        if len(told) < 2:
            continue
        if len(docs[keep]) < share * len({feats[i].doc for i in idx}):
            continue  # most of its reports tell it at no town of these (a village, a region)
        group = {k: g for k, g in group.items() if g in told}
        out_of = _assign(feats, idx, group, host)
        new = {g: fresh + n for n, g in enumerate(sorted(set(told) - {keep}))}
        new[keep] = lab
        fresh += len(new) - 1
        for i in idx:
            g = out_of.get(i)
            if g is not None:
                out[i] = new[g]
    return out


def _assign(feats: Sequence[MentionFeatures], idx: list[int], group: dict[str, int],
            host: dict[int, int]) -> dict[int, int]:
    """``mention -> group`` for the mentions of one row that a town decides (module docstring)."""
    got: dict[int, int] = {}
    for i in idx:
        g = _own_group(feats[i], group)
        if g is not None:
            got[i] = g
    inrow = set(idx)
    for i in idx:
        if i not in got and i in host and host[i] in inrow and host[i] in got:
            got[i] = got[host[i]]
    by_doc: dict[str, set[int | None]] = defaultdict(set)
    for i, g in got.items():
        by_doc[feats[i].doc].add(g)
    for i in idx:
        if i not in got and feats[i].places:
            by_doc[feats[i].doc].add(None)  # told at another place too (a country, a region)
    for i in idx:
        tells = by_doc.get(feats[i].doc, set())
        only = next(iter(tells)) if len(tells) == 1 else None
        if i not in got and only is not None:
            got[i] = only
    return got
