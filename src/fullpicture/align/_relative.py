"""A happening told on the day before another one of its sentence is that day's happening.

"The attack came a day after a barrage on Southland killed 52", "the assault on Southland a day
earlier", "l'assaut a eu lieu au lendemain de bombardements", "накануне армия обстреляла город": the
barrage and its dead are the previous day's happening, told as the cause or the background of
the one the report is about. Most such mentions state no day of their own (the phrase is no
date), so they inherit the report's day and join the story's row with their figures.

A mention is *told the day before* when its trigger follows an ``after`` phrase of
``data/events/relative.toml`` ("a day after", "au lendemain de") within ``after_chars``
characters in its sentence, or lies within ``after_chars`` after or ``before_chars`` before an
``earlier`` phrase ("a day earlier", "накануне"). Its *relative day* is the day it states when it
states one, else the day it inherits less one (the report tells its main happening on the day
it inherits). :func:`split_day_before` moves a mention whose relative day lies before its row's
day out of the row; those of one row and one day form one row (``incident_relative_days``;
run after the town split, so a row of the earlier happening's own town keeps them). Phrases
only, never whose words: both sides alike.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import incident_lexicon, is_consequence
from fullpicture.align._util import modal_day


@lru_cache(maxsize=8)
def _phrases(language: str) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """``(after, earlier)`` phrase patterns of ``language`` (``data/events/relative.toml``)."""
    data = data_toml("events", "relative.toml").get(language, {})
    return (tuple(re.compile(p, re.I) for p in data.get("after", [])),
            tuple(re.compile(p, re.I) for p in data.get("earlier", [])))


def told_day_before(sentence: str, trigger: tuple[int, int], language: str,
                    after_chars: int, before_chars: int, said: Sequence[int] = ()) -> bool:
    """Whether the trigger at ``trigger`` (offsets inside ``sentence``) tells a happening of the
    day before its sentence's main one (module docstring). ``said``: where the sentence's
    speech cues end; an ``earlier`` phrase just after one dates the saying ("he had said the day
    before that ..."), not a happening."""
    after, earlier = _phrases((language or "en").split("-")[0].lower())
    t0, t1 = trigger
    for pat in after:
        for m in pat.finditer(sentence, 0, t0):
            if 0 <= t0 - m.end() <= after_chars:
                return True
    for pat in earlier:
        for m in pat.finditer(sentence):
            if any(0 <= m.start() - e <= _SAID_GAP for e in said):
                continue
            if 0 <= t0 - m.end() <= after_chars or 0 <= m.start() - t1 <= before_chars:
                return True
    return False


# characters between a speech cue and an ``earlier`` phrase that dates it ("said | a day earlier")
_SAID_GAP = 2


@lru_cache(maxsize=1)
def since_words() -> dict[str, tuple[str, ...]]:
    """The words that open a period running up to the report right before its start ("since",
    "depuis", "с"), per language code (``[period.<lang>] since`` of ``data/events/relative.toml``):
    read by the period rule here and by the running-total rule of ``_sincetotal``."""
    data = data_toml("events", "relative.toml").get("period", {})
    return {lang: tuple(d.get("since", [])) for lang, d in data.items()}


@lru_cache(maxsize=8)
def _period(language: str) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """``(period phrases, superlatives)`` of ``language`` (``[period]`` of
    ``data/events/relative.toml``; ``{since}`` in a phrase stands for any of :func:`since_words`)."""
    data = data_toml("events", "relative.toml").get("period", {}).get(language, {})
    since = "(?:" + "|".join(map(re.escape, sorted(since_words().get(language, ()), key=len, reverse=True))) + ")"
    return (tuple(re.compile(p.replace("{since}", since), re.I) for p in data.get("phrases", [])),
            tuple(re.compile(p, re.I) for p in data.get("superlative", [])))


def told_to_date(sentence: str, trigger: tuple[int, int], language: str, before_chars: int,
                 after_chars: int) -> bool:
    """Whether the trigger at ``trigger`` (offsets inside ``sentence``) tells a toll or a
    happening of a period that runs up to the report ("killed since 3 June", "the fighting so
    far", "depuis le déclenchement du conflit"): within ``after_chars`` after a period phrase
    in its clause, or ``before_chars`` before one with no superlative before it ("the deadliest
    strike since the war began" is the story's strike)."""
    phrases, superlative = _period((language or "en").split("-")[0].lower())
    t0, t1 = trigger
    for pat in phrases:
        for m in pat.finditer(sentence):
            if 0 <= t0 - m.end() <= after_chars and not _CLAUSE_END.search(sentence, m.end(), t0):
                return True
            if 0 <= m.start() - t1 <= before_chars and not any(
                    sup.search(sentence, 0, m.start()) for sup in superlative):
                return True
    return False


# a clause ends between a period phrase and a trigger after it ("since the war began: the army
# struck ...")
_CLAUSE_END = re.compile(r"[:;]")


def relative_day(f: MentionFeatures) -> int | None:
    """The day of a mention told the day before another (its stated day, else the day it
    inherits less one); None for any other mention, or one dated coarser than a day."""
    if not f.extra.get("day_before") or not f.interval or f.interval[0] != f.interval[1]:
        return None
    return f.interval[0] if f.date_firm else f.interval[0] - 1


def split_day_before(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after moving the mentions told the day before their row's
    happening out of it: a mention whose relative day lies 1 to ``incident_relative_days`` days
    before its row's most common stated day leaves it; those of one row and one day form one row
    (every report's "a day after X" of one story's row is the one happening X)."""
    horizon = int(cfg.get("incident_relative_days", 0))
    if horizon <= 0:
        return labels
    rows: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        rows[lab].append(i)
    out = list(labels)
    lex = incident_lexicon()
    fresh = max(labels, default=-1) + 1
    for idx in rows.values():
        before = [(i, r) for i in idx if (r := relative_day(feats[i])) is not None]
        if not before:
            continue
        mine = modal_day(Counter(iv[0] for i in idx
                                 if (iv := feats[i].interval) and feats[i].date_firm and not feats[i].bare))
        if mine is None:
            continue
        leaving = [(i, r) for i, r in before if 0 < mine - r <= horizon]
        # a toll goes with a happening of its sentence told that day ("a day after strikes that
        # killed 39"), never alone ("he had said the day before that six were killed")
        told = {(feats[i].doc, feats[i].span) for i, _ in leaving if not is_consequence(feats[i], lex)}
        dest: dict[int, int] = {}
        for i, r in leaving:
            if (feats[i].doc, feats[i].span) in told:
                if r not in dest:
                    dest[r] = fresh
                    fresh += 1
                out[i] = dest[r]
    return out
