"""The row a later report's happening is joined to: the shared part of the follow-up joins.

A facility's follow-up (``_followups.join_followups``), an inquired happening
(``_inquiries.join_inquired``) and a retold one (``_followups.join_retold``) each pick the
mentions of a row told on a later day than their happening, and look for the one row that tells
a happening of their family at their facility or place on a stated day some days before. The
three read the rows alike (:func:`row_index`) and test a candidate row alike
(:func:`told_targets`); they differ in the key a row is told at (a facility's ``Site``, a
place) and in which mentions they pick.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Hashable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import distinct, is_consequence
from fullpicture.align._util import modal_day, short_interval

K = TypeVar("K", bound=Hashable)


def row_index(feats: Sequence[MentionFeatures], labels: Sequence[int]) -> tuple[
        dict[int, set[str]], dict[int, Counter[int]]]:
    """``(row -> its documents, row -> counts of the days its mentions state)``: a stated day is
    a firm, not bare date of at most one day."""
    docs: dict[int, set[str]] = defaultdict(set)
    days: dict[int, Counter[int]] = defaultdict(Counter)
    for i, f in enumerate(feats):
        r = labels[i]
        docs[r].add(f.doc)
        stated = short_interval(f.interval, 1)
        if f.date_firm and not f.bare and stated is not None:
            days[r][stated[0]] += 1
    return docs, days


def place_happening(f: MentionFeatures, types: Container[str], lex: Any) -> bool:
    """Whether ``f`` tells a happening of a same-place type that is neither set apart as
    distinct nor a consequence (what a row is told at its places by)."""
    return (f.type or "").upper() in types and not distinct(f) and not is_consequence(f, lex)


def told_places(feats: Sequence[MentionFeatures], labels: Sequence[int], types: Container[str],
                lex: Any) -> dict[int, dict[str, set[str]]]:
    """Row -> place -> the families of its :func:`place_happening` mentions that state a firm,
    not bare day of at most one day."""
    told: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for i, f in enumerate(feats):
        if f.date_firm and not f.bare and short_interval(f.interval, 1) is not None \
                and place_happening(f, types, lex):
            for p in f.places:
                told[labels[i]][p].add(f.family)
    return told


def told_targets(r: int, when: int, family: str, keys: Iterable[K],
                 told: Mapping[int, Mapping[K, set[str]]], docs: Mapping[int, set[str]],
                 days: Mapping[int, Counter[int]], window: tuple[int, int], slack: int,
                 nearest: bool = False, own: Mapping[int, Counter[int]] | None = None) -> tuple[set[int], set[int]]:
    """``(targets, nearer)``: the rows other than ``r`` that tell a happening of ``family`` at
    one of ``keys`` (``told``: row -> key -> families), share no document with ``r``, and state
    a (modal) day ``window[0]`` to ``window[1]`` days before ``when``, unless ``r`` states a day
    of its own (in ``own``, else in ``days``) more than ``slack`` days from theirs. With
    ``nearest``, rows whose day is 0 to ``window[0]`` days before ``when`` come back as
    ``nearer`` (a later happening at that key)."""
    low, horizon = window
    keys = tuple(keys)
    targets: set[int] = set()
    nearer: set[int] = set()
    for t, held in told.items():
        if t == r or docs[t] & docs[r] or not any(family in held.get(k, ()) for k in keys):
            continue
        day = modal_day(days.get(t, Counter()))
        if day is None or not (0 if nearest else low) <= when - day <= horizon:
            continue
        if any(abs(d - day) > slack for d in (days if own is None else own).get(r, ())):
            continue  # the picked row states a day of its own, another one
        (targets if when - day >= low else nearer).add(t)
    return targets, nearer


def rows_told_targets(r: int, idx: Iterable[int], feats: Sequence[MentionFeatures],
                      told: Mapping[int, Mapping[str, set[str]]], docs: Mapping[int, set[str]],
                      days: Mapping[int, Counter[int]], window: tuple[int, int], slack: int,
                      nearest: bool = False, own: Mapping[int, Counter[int]] | None = None,
                      within: bool = False) -> tuple[set[int], set[int]]:
    """:func:`told_targets` of the mentions ``idx`` of row ``r`` (each at its places, with
    ``within`` also at the document's places inside them, on its one-day interval), united:
    ``(targets, nearer)``."""
    targets: set[int] = set()
    nearer: set[int] = set()
    for i in idx:
        f = feats[i]
        when = short_interval(f.interval, 1)
        assert when is not None
        keys = f.places | f.extra.get("inside", frozenset()) if within else f.places
        far_rows, near_rows = told_targets(r, when[0], f.family, keys, told, docs, days,
                                           window, slack, nearest, own)
        targets |= far_rows
        nearer |= near_rows
    return targets, nearer


def happening_days(feats: Sequence[MentionFeatures], labels: Sequence[int], types: Container[str],
                   lex: Any) -> dict[int, Counter[int]]:
    """Row -> counts of the days its :func:`place_happening` mentions state (a firm, not bare
    date of at most one day): the days a row tells a happening on. The day of a count ("48 dead
    as of Thursday"), of a rescue or of a statement is no day of the happening."""
    out: dict[int, Counter[int]] = defaultdict(Counter)
    for i, f in enumerate(feats):
        stated = short_interval(f.interval, 1)
        if f.date_firm and not f.bare and stated is not None and place_happening(f, types, lex):
            out[labels[i]][stated[0]] += 1
    return out


def happening_docs(feats: Sequence[MentionFeatures], labels: Sequence[int],
                   types: Container[str]) -> dict[int, set[str]]:
    """Row -> the documents that tell a happening of a same-place type in it (not only a
    statement or a rescue: a later report's "the service said so", left in the
    happening's row, does not make that report tell the happening)."""
    out: dict[int, set[str]] = defaultdict(set)
    for i, f in enumerate(feats):
        if (f.type or "").upper() in types:
            out[labels[i]].add(f.doc)
    return out


def later_report(f: MentionFeatures, day: int, days: int) -> bool:
    """Whether ``f`` is dated only by its report (no day stated or inherited), a report published
    at least ``days`` days after ``day`` (a row's stated day; ``days`` 0: never): a follow-up's
    past-tense telling, whose day and place are the report's, not the happening's."""
    pub = f.extra.get("published")
    return days > 0 and bool(f.extra.get("by_report")) and not f.date_firm and pub is not None \
        and pub[0] - day >= days
