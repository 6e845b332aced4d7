"""One battle of several days is one row, whatever its words and days.

Ground combat is told by many words ("the fighting", "a battle", "clashes", "an ambush on the
column", "the assault", "les combats", "бой", "столкновения") and dated by many days (the day it
began, each day of it, the statement's, the report's). The pair model keys rows on the word and
the day, so one battle of three days was scattered over rows of each word and day, and the
sides' tellings never met.

Rows told mostly in words of ground combat (``[combat_rows] combat`` of
``data/events/incidents.toml``, en/fr/ru/uk lemmas and their glossed forms, counted only as a
violent happening), of an attack (``attack``: words a strike or an assault on a person also take)
or of its outcomes (``outcome``: a position taken, a unit surrendering) join the combat row told
by the most documents (at least ``incident_combat_anchor_min_docs``) when their day lies at most
``incident_combat_days`` days from that row's (a row dated only by a month or a week, "the
fighting in July", is near when its span holds that day) and their places do not clash (two places the
gazetteer knows that contain neither the other; a name it does not know, often an armed group's
or a command's name read as a place, is no place of the battle). Attack and outcome words count
beside combat words; alone they join a battle, they make none. Guards: a row that tells a
strike, a shelling or a bombing (``strike``) keeps apart when those words are at least
``incident_combat_strike_share`` of what it tells (one "strikes" among a battle's many "fighting"
words leaves it a battle), so does a row told as a distinct
happening ("in a separate clash"), one told only as planned, expected or not done, and one whose
fighting words are fewer than ``incident_combat_row_share`` of what it tells beside consequences,
acts of word and the war or campaign told as its setting; a battle dated months apart is another.
``incident_combat_days = 0`` switches it off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import (
    distinct,
    incident_lexicon,
    is_consequence,
    lasting_kinds,
    told_about,
    with_glossed,
)
from fullpicture.align._lastingrows import _UNREAL, row_day, rows_clash, told_day
from fullpicture.align._util import short_interval
from fullpicture.align._wordrows import row_members


@dataclass(frozen=True)
class CombatWords:
    """Lemmas of ground combat, of its outcomes, of an attack, and of a strike from afar
    (``[combat_rows]``)."""

    combat: frozenset[str]
    outcome: frozenset[str]
    attack: frozenset[str]
    strike: frozenset[str]


@lru_cache(maxsize=1)
def combat_words() -> CombatWords:
    """The ``[combat_rows]`` lists of ``data/events/incidents.toml`` (lower case, glossed forms)."""
    data = data_toml("events", "incidents.toml").get("combat_rows", {})

    def words(key: str) -> frozenset[str]:
        return with_glossed(str(w).lower() for w in data.get(key, []))

    strike = words("strike")
    combat = words("combat") - strike
    outcome = words("outcome") - combat - strike
    return CombatWords(combat=combat, outcome=outcome, attack=words("attack") - combat - outcome - strike,
                       strike=strike)


def _kind(f: MentionFeatures, words: CombatWords) -> str | None:
    """``combat``, ``outcome``, ``attack`` or ``strike`` for a mention's lemma (or its last word),
    else None; a combat or attack word counts only as a violent happening (``[hosts]
    violent_types``: "the fight over the budget", "attacked the bill" are no battle)."""
    lemma = f.lemma.lower()
    violent = (f.type or "").upper() in incident_lexicon().violent_types
    for w in (lemma, lemma.rsplit(" ", 1)[-1]):
        for kind in ("strike", "combat", "outcome", "attack"):
            if w in getattr(words, kind):
                return kind if violent or kind in ("strike", "outcome") else None
    return None


def _setting(f: MentionFeatures) -> bool:
    """A war or a campaign named in a battle's row (its setting: "the war", "the operation")."""
    lemma = f.lemma.lower()
    return lemma in lasting_kinds() and lemma not in combat_words().combat


def _combat_row(feats: Sequence[MentionFeatures], idx: Sequence[int], words: CombatWords,
                share: float, strike_share: float = 0.0) -> str | None:
    """``combat`` for a row told mostly in combat words, ``attack`` for one told only in attack
    and outcome words (it joins a battle, it makes none), None for any other (module docstring)."""
    lex = incident_lexicon()
    acts = [i for i in idx if not (is_consequence(feats[i], lex) or told_about(feats[i], lex) or _setting(feats[i]))]
    if not acts or any(distinct(feats[i]) for i in acts):
        return None
    if all(feats[i].extra.get("modality") in _UNREAL for i in acts):
        return None
    kinds = [_kind(feats[i], words) for i in acts]
    strikes = kinds.count("strike")
    if strikes and strikes >= strike_share * len(kinds):
        return None
    fighting = sum(k in ("combat", "outcome", "attack") for k in kinds)
    if "combat" in kinds and fighting >= share * len(kinds):
        return "combat"
    return "attack" if fighting == len(kinds) else None


def _near(feats: Sequence[MentionFeatures], idx: Sequence[int], day: int, horizon: int) -> bool:
    """Whether a row is told at most ``horizon`` days from ``day``: by its stated days (one day
    each), else by a stated month or week that holds ``day`` (a report dated only "in July" is
    no battle of the 1st), else by the days its reports inherit."""
    stated = told_day(feats, idx, 1, True)
    if stated is not None:
        return abs(stated - day) <= horizon
    wide = [iv for i in idx if feats[i].date_firm and (iv := short_interval(feats[i].interval, 31)) is not None]
    if wide:
        return any(iv[0] - horizon <= day <= iv[1] + horizon for iv in wide)
    told = told_day(feats, idx, 1, False)
    return told is not None and abs(told - day) <= horizon


def join_battle_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining the rows of one battle (module docstring)."""
    horizon = int(cfg.get("incident_combat_days", 0))
    words = combat_words()
    if horizon <= 0 or not words.combat:
        return labels
    share = float(cfg.get("incident_combat_row_share", 1.0))
    strike_share = float(cfg.get("incident_combat_strike_share", 0.0))
    km = float(cfg.get("incident_near_km", 0.0))
    members, docs = row_members(feats, labels)
    kinds = {r: _combat_row(feats, idx, words, share, strike_share) for r, idx in sorted(members.items())}
    rows = [r for r, k in kinds.items() if k]
    # an anchor's day: its stated or told single days first, a month's first day only when no other
    days = {r: row_day(feats, members[r], 1) or row_day(feats, members[r]) for r in rows}
    joined: dict[int, int] = {}
    left = sorted(rows, key=lambda r: (kinds[r] != "combat", -len(docs[r]), -len(members[r]), r))
    anchor_docs = int(cfg.get("incident_combat_anchor_min_docs", 2))
    while left and kinds[left[0]] == "combat" and len(docs[left[0]]) >= anchor_docs:
        anchor, rest = left[0], left[1:]
        day = days[anchor]
        left = []
        for r in rest:
            near = day is not None and _near(feats, members[r], day, horizon)
            # (a name the gazetteer does not know, often a group's or a command's read as a place,
            # tells no place of the battle)
            if near and not rows_clash(feats, members[anchor], members[r], km, known_only=True):
                joined[r] = anchor
            else:
                left.append(r)
    return [joined.get(r, r) for r in labels]
