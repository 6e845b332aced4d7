"""One lasting happening told by many words and days is one row.

A withdrawal, a drill or a blockade goes on for days: one report tells "the withdrawal", another
"the troops' retreat", a third "le retrait" or "вывод войск", each dated by its own day (the
day it began, a deadline, the report's day). The pair model keys rows on the word and the day, so
such a happening was scattered over one row per word and day, and the sides' tellings of it
never met.

Kinds of happening that last (``[lasting_families]`` of ``data/events/incidents.toml``: families of
lemmas in en/fr/ru/uk, read as the trigger's lemma, glossed for the word-list languages) join
here: rows whose happenings all belong to one family, anchored on the row told by the most
documents, join that row when their day lies at most ``incident_lasting_family_days`` days from
the anchor's (the modal day of its mentions) and their places do not clash (two different named
places that contain neither the other: a drill at sea and one off another country stay two). A
row whose family words are all told as planned, expected or not done (a drill to come) keeps
apart; a row that tells any other happening (the story's strike beside the withdrawal) is never
joined, so the main act is never swallowed; two drills weeks apart stay two rows.
``incident_lasting_family_days = 0`` switches it off.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import (
    _places_clash,
    incident_lexicon,
    is_consequence,
    told_about,
    with_glossed,
)
from fullpicture.align._util import modal_day, short_interval


@lru_cache(maxsize=1)
def lasting_families() -> dict[str, str]:
    """``lemma -> family`` of the kinds of happening that last (``[lasting_families]``)."""
    data = data_toml("events", "incidents.toml").get("lasting_families", {})
    out: dict[str, str] = {}
    for family, words in data.items():
        for w in with_glossed(str(x).lower() for x in words):
            out.setdefault(w, family)
    return out


# a drill planned, expected or denied is not the one held: its row keeps apart
_UNREAL = frozenset({"negated", "hypothetical", "planned", "expected"})


def _family(f: MentionFeatures, families: dict[str, str]) -> str | None:
    """The lasting family of a mention's lemma (or of its last word), None for none."""
    lemma = f.lemma.lower()
    return families.get(lemma) or families.get(lemma.rsplit(" ", 1)[-1])


def told_day(feats: Sequence[MentionFeatures], idx: Sequence[int], width: int, firm: bool) -> int | None:
    """The modal day of ``idx``'s mentions told within ``width`` days: stated days only with
    ``firm``, else every day they are told on (stated or their report's); None for no day."""
    days: Counter[int] = Counter()
    for i in idx:
        iv = short_interval(feats[i].interval, width)
        if iv is not None and (feats[i].date_firm or not firm):
            days[iv[0]] += 1
    return modal_day(days)


def row_day(feats: Sequence[MentionFeatures], idx: Sequence[int], width: int = 31) -> int | None:
    """The modal day of a row's mentions (stated days first, else inherited ones)."""
    stated = told_day(feats, idx, width, True)
    return stated if stated is not None else told_day(feats, idx, width, False)


def rows_clash(feats: Sequence[MentionFeatures], a: Sequence[int], b: Sequence[int], km: float,
               known_only: bool = False) -> bool:
    """Whether every placed mention of ``a`` clashes in place with every placed one of ``b``;
    with ``known_only``, only mentions at a place the gazetteer knows count."""
    pa = [feats[i] for i in a if feats[i].places and (feats[i].geo or not known_only)]
    pb = [feats[i] for i in b if feats[i].places and (feats[i].geo or not known_only)]
    if not pa or not pb:
        return False
    return all(_places_clash(x, y, km) for x in pa for y in pb)


def join_lasting_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining the rows of one lasting kind (module docstring)."""
    horizon = int(cfg.get("incident_lasting_family_days", 0))
    families = lasting_families()
    if horizon <= 0 or not families:
        return labels
    lex = incident_lexicon()
    km = float(cfg.get("incident_near_km", 0.0))
    members: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        members[lab].append(i)
    by_family: dict[str, list[int]] = defaultdict(list)
    for r, idx in sorted(members.items()):
        # what the row tells beside its consequences and acts of word about it
        acts = [i for i in idx if not is_consequence(feats[i], lex) and not told_about(feats[i], lex)]
        kinds = {_family(feats[i], families) for i in acts}
        # (a row told only as to come or not done is another happening: a drill planned for later)
        real = any(feats[i].extra.get("modality") not in _UNREAL for i in acts)
        if acts and real and len(kinds) == 1 and None not in kinds:
            by_family[str(next(iter(kinds)))].append(r)
    joined: dict[int, int] = {}
    for rows in by_family.values():
        if len(rows) < 2:
            continue
        docs = {r: {feats[i].doc for i in members[r]} for r in rows}
        days = {r: row_day(feats, members[r]) for r in rows}
        left = sorted(rows, key=lambda r: (-len(docs[r]), -len(members[r]), r))
        while left:
            anchor, rest = left[0], left[1:]
            day = days[anchor]
            left = []
            for r in rest:
                other = days[r]
                near = day is None or other is None or abs(other - day) <= horizon
                if near and not rows_clash(feats, members[anchor], members[r], km):
                    joined[r] = anchor
                else:
                    left.append(r)
    return [joined.get(r, r) for r in labels]
