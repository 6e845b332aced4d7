"""The background of a story is one row of its own, never the story's happening.

Reports of one strike tell its background in passing: the war it belongs to ("since the start
of the occupation", "depuis le début de la guerre", "с начала войны"), the place's past ("the
mill has been hit again and again", "touché à maintes reprises", "многократно били по"),
the way a side fights ("the militia lobs shells on the farms nearly every night", "a ten-month
offensive"). Those happenings share the report's day and place, so they joined the story's row
and set their agents and figures against the story's; and each report words them otherwise, so
the background was scattered over several small rows.

A happening is told *as background* when it is told in a lasting or iterative frame of its
clause ("repeatedly", "several times", "almost every night", "in recent months": ``frame`` and
``before`` phrases of ``[lasting.<lang>]`` in ``data/events/relative.toml``), or measured in
months or years ("a ten-month offensive": ``duration``; such a happening is the war itself,
whatever word a side uses for it). A happening told in such a frame on a day its sentence states
("bombed the district several times on 3 May") is the story's own.

:func:`join_background` moves such happenings (and the consequences of their sentence that no
other happening of the row tells) out of the rows of the story's happenings into the row of the
war told by the most documents among those sharing a document with the row (a setting row:
``_settingrows``): a happening measured in months always, one told in a lasting frame only when
its own report tells the war in that row (two sides' "they shell our towns every night" are two
happenings, not one); else the former form one row, and each report's others one row of that
report. A row whose happenings are all told as background is left as it is. The war's own words
("the war", "l'invasion": ``[distinct] settings``) told in a row of the story's happenings go
to the story's row of the war too (session 30: the held-out set's commonest miss was a war
absorbed into the story's row).

A lasting kind of happening (``[distinct] campaigns``: an offensive, a campaign, a conflict) is
the war, whatever its word, where its sentence tells it lasting: the start of a period ("since the
assault on the valley began", :func:`told_war_start`), going on ("the ongoing offensive"), started
("launched an air campaign"), the span of another happening ("during the recent aggression"; not
of the kinds that name one act as often, ``campaign_acts``), or begun long before its report
(``_eventfeat``); a happening framed by the war itself ("wounded throughout the fighting",
:func:`told_in_war`) is the war's. The war's words that leave a row sharing no report with a row
of the war form a row of their own, joined to the war by the setting join run once more.

A setting told with its start ("since the war between A and B broke out in May", "depuis le
début de la guerre en mai": ``start`` and ``began`` phrases) keeps that day out of the
recalled-war check of :func:`fullpicture.align._settingrows.join_setting_rows`: the war began
that day, it is no other war. Phrases only, never whose words: both sides alike
(``incident_background_join``; off when false).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import (
    happening,
    incident_lexicon,
    is_consequence,
    setting_lemmas,
)
from fullpicture.align._relative import _period
from fullpicture.align._settingrows import join_setting_rows, setting_rows

# a clause ends between a frame phrase and the trigger it would qualify
_CLAUSE_END = re.compile(r"[,:;()\n]|\s[-–—]\s")
# ... and between a setting and the phrase of its start, only a stronger stop ("the war,
# which began in June" tells its start)
_STOP = re.compile(r"[:;()\n]")


@lru_cache(maxsize=8)
def _lasting(language: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    """``start``, ``began``, ``since``, ``ongoing``, ``launch``, ``during``, ``war_frame``, ``frame``, ``before``,
    ``duration``, ``to_come``, ``to_come_after`` and ``ended`` phrase patterns of ``language`` (``[lasting.<lang>]`` of
    ``data/events/relative.toml``)."""
    data = data_toml("events", "relative.toml").get("lasting", {}).get(language, {})
    keys = ("start", "began", "since", "ongoing", "launch", "during", "war_frame", "frame", "before", "duration",
            "to_come", "to_come_after", "ended")
    return {k: tuple(re.compile(p, re.I) for p in data.get(k, [])) for k in keys}


def _lang(language: str) -> str:
    return (language or "en").split("-")[0].lower()


def _reaches(sentence: str, start: int, end: int, chars: int, stop: re.Pattern[str] = _CLAUSE_END) -> bool:
    """Whether ``sentence[start:end]`` is at most ``chars`` long and crosses no ``stop``."""
    return 0 <= end - start <= chars and not stop.search(sentence, start, end)


def told_as_period(sentence: str, trigger: tuple[int, int], language: str, chars: int) -> bool:
    """Whether the trigger at ``trigger`` (offsets inside ``sentence``) names the period a count
    runs from ("since the start of the war", "depuis le début de l'offensive", "с начала
    операции"): it follows a ``start`` phrase within ``chars`` characters of its clause."""
    t0 = trigger[0]
    return any(_reaches(sentence, m.end(), t0, chars)
               for pat in _lasting(_lang(language))["start"] for m in pat.finditer(sentence, 0, t0))


def told_begun(sentence: str, trigger: tuple[int, int], language: str, chars: int) -> bool:
    """Whether the trigger names a setting told with its start ("the war began in June", "since
    the war between A and B broke out", "la guerre déclenchée le 3 juin"): a ``began`` phrase
    within ``chars`` characters after it in its clause, or a ``start`` phrase before it."""
    t1 = trigger[1]
    return told_as_period(sentence, trigger, language, chars) or any(
        _reaches(sentence, t1, m.start(), chars, _STOP)
        for pat in _lasting(_lang(language))["began"] for m in pat.finditer(sentence, t1))


def told_lasting(sentence: str, trigger: tuple[int, int], language: str, chars: int,
                 others: Sequence[int] = ()) -> bool:
    """Whether the trigger is told in a lasting or iterative frame of its clause ("hit
    repeatedly", "à plusieurs reprises", "неоднократно", "almost every night"): a ``frame``
    phrase within ``chars`` characters before or after it, or a ``before`` phrase before it
    ("constantly shell"; "the toll is constantly rising" tells the count). ``others``: where the
    sentence's other triggers start; a frame with one of them between tells that one ("accused
    each other repeatedly of violating"). A frame after a superlative ranks the story's
    happening ("the worst flood in years")."""
    t0, t1 = trigger

    def free(lo: int, hi: int) -> bool:
        return not any(lo <= o < hi for o in others)

    for key, m0, m1 in _lasting_hits(sentence, _lang(language)):
        if _reaches(sentence, m1, t0, chars) and free(m1, t0):
            return True
        if key == "frame" and _reaches(sentence, t1, m0, chars) and free(t1, m0):
            return True
    return False


@lru_cache(maxsize=4096)
def _lasting_hits(sentence: str, language: str) -> tuple[tuple[str, int, int], ...]:
    """The ``frame`` and ``before`` phrases of a sentence that follow no superlative: (key, start,
    end), pattern by pattern, each in text order. Kept per sentence: its other triggers read them too."""
    phrases = _lasting(language)
    _, superlative = _period(language)
    return tuple((key, m.start(), m.end()) for key in ("frame", "before") for pat in phrases[key]
                 for m in pat.finditer(sentence) if not any(sup.search(sentence, 0, m.start()) for sup in superlative))


# characters between a span of months or years and the happening it measures ("a ten-month
# offensive", "une guerre de deux ans")
_DURATION_GAP = 12


def told_lasting_setting(sentence: str, trigger: tuple[int, int], language: str) -> bool:
    """Whether the trigger names a happening measured in months or years ("a ten-month offensive",
    "une offensive de deux ans", "многомесячная операция"): a ``duration`` phrase right before or
    after it; the happening lasts, it is the war, whatever its word."""
    t0, t1 = trigger
    return any(_reaches(sentence, m.end(), t0, _DURATION_GAP) or _reaches(sentence, t1, m.start(), _DURATION_GAP)
               for pat in _lasting(_lang(language))["duration"] for m in pat.finditer(sentence))


def told_ongoing(sentence: str, trigger: tuple[int, int], language: str) -> bool:
    """Whether the trigger is told going on at the report's time ("the ongoing offensive", "la
    guerre en cours", "продолжающейся операции"): an ``ongoing`` phrase right before or after it
    (the caller reads only lasting kinds of happening: ``lasting_kinds``)."""
    t0, t1 = trigger
    return any(_reaches(sentence, m.end(), t0, _DURATION_GAP) or _reaches(sentence, t1, m.start(), _DURATION_GAP)
               for pat in _lasting(_lang(language))["ongoing"] for m in pat.finditer(sentence))


# characters between a verb of starting and the lasting happening it starts ("launched its
# full-scale invasion")
_LAUNCH_GAP = 20


def told_launched(sentence: str, trigger: tuple[int, int], language: str) -> bool:
    """Whether the trigger follows a verb of starting ("launched an air campaign", "a lancé
    l'offensive", "начал операцию": ``launch`` phrases) in its clause: the caller reads only
    lasting kinds of happening (``lasting_kinds``), whose start so told makes them the war."""
    t0 = trigger[0]
    return any(_reaches(sentence, m.end(), t0, _LAUNCH_GAP)
               for pat in _lasting(_lang(language))["launch"] for m in pat.finditer(sentence, 0, t0))


def told_during(sentence: str, trigger: tuple[int, int], language: str) -> bool:
    """Whether the trigger is told as the span of another happening ("a strike during the recent
    aggression", "en pleine guerre", "в ходе конфликта": ``during`` phrases right before it in its
    clause); the caller reads only lasting kinds that seldom name one act."""
    t0 = trigger[0]
    return any(_reaches(sentence, m.end(), t0, _LAUNCH_GAP)
               for pat in _lasting(_lang(language))["during"] for m in pat.finditer(sentence, 0, t0))


def told_to_come(sentence: str, trigger: tuple[int, int], language: str) -> bool:
    """Whether the trigger is told still to come or as ended ("an impending offensive",
    "предстоящее наступление": a ``to_come`` phrase ending right before it; "l'offensive prévue":
    a ``to_come_after`` phrase right after it; "after an offensive": an ``ended`` phrase right
    before it): no war going on at the report's time."""
    t0, t1 = trigger
    phrases = _lasting(_lang(language))
    before = sentence[max(0, t0 - 40):t0]
    after = sentence[t1:t1 + 30]
    return any(p.search(before) for key in ("to_come", "ended") for p in phrases[key]) \
        or any(p.search(after) for p in phrases["to_come_after"])


def told_in_war(sentence: str, trigger: tuple[int, int], language: str, chars: int,
                others: Sequence[int] = ()) -> bool:
    """Whether the trigger is framed by the war itself ("wounded throughout the fighting",
    "tout au long de la guerre", "за время войны": ``war_frame`` phrases within ``chars``
    characters before or after it in its clause, no other trigger between): the war's happening."""
    t0, t1 = trigger
    for pat in _lasting(_lang(language))["war_frame"]:
        for m in pat.finditer(sentence):
            if _reaches(sentence, m.end(), t0, chars) and not any(m.end() <= o < t0 for o in others):
                return True
            if _reaches(sentence, t1, m.start(), chars) and not any(t1 <= o < m.start() for o in others):
                return True
    return False


def told_war_start(sentence: str, trigger: tuple[int, int], language: str, chars: int, kind: bool = True) -> bool:
    """Whether the trigger names the happening a period runs from, told by its start: right after
    a ``start`` phrase ("since the offensive's first day", "depuis le début de l'assaut", "с
    начала операции"), or between a ``since`` phrase and a ``began`` phrase ("since the assault
    on the valley began", "depuis que l'offensive a commencé", "с тех пор как началась
    операция"), each at most ``chars`` characters from it in its clause; the latter only of a
    lasting kind of happening (``kind``: "since Monday the army struck and began to advance" tells
    a strike). Whatever its word, that happening lasts up to the report: it is the war, no
    happening of the story's day."""
    t0, t1 = trigger
    phrases = _lasting(_lang(language))
    if any(_reaches(sentence, m.end(), t0, chars)
           for pat in phrases["start"] for m in pat.finditer(sentence, 0, t0)):
        return True
    for pat in phrases["since"] if kind else ():
        for m in pat.finditer(sentence, 0, t0):
            if not _reaches(sentence, m.end(), t0, chars):
                continue
            # "since the assault began", or (Russian order) "с тех пор как началась операция"
            if any(_reaches(sentence, t1, b.start(), chars, _STOP) or m.end() <= b.start() < t0
                   for bp in phrases["began"] for b in bp.finditer(sentence, m.end())):
                return True
    return False


def background(f: MentionFeatures) -> bool:
    """Whether a mention is told as the story's background (module docstring): in a lasting or
    iterative frame (unless its sentence states its one day), or measured in months or years."""
    # "bombed the district several times on 3 May": the story's happening, told on its day
    one_day = f.extra.get("stated_day") and f.interval is not None and f.interval[0] == f.interval[1]
    return bool(f.extra.get("lasting") and not one_day) or _war_word(f)


def join_background(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after moving the happenings told as background out of the
    story's rows (module docstring)."""
    if not cfg.get("incident_background_join", False):
        return labels
    lex = incident_lexicon()
    members: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        members[lab].append(i)
    settings = set(setting_rows(feats, members))
    docs = {r: {feats[i].doc for i in idx} for r, idx in members.items()}
    out = list(labels)
    fresh = max(labels, default=-1) + 1
    for r, idx in sorted(members.items()):
        if r in settings:
            continue
        acts = [i for i in idx if happening(feats[i], lex)]
        homes = sorted((s for s in settings if docs[s] & docs[r]), key=lambda s: (-len(docs[s]), s))
        # a war's word told plainly leaves the row only for a row of the war (alone, it is
        # no more the war's row than the story's)
        moving = {i for i in acts if background(feats[i]) and (homes or not _named_war(feats[i]))}
        if not moving or len(moving) == len(acts):
            continue
        # the consequences of a sentence whose happenings of the row all move go with them
        staying = {(feats[i].doc, feats[i].span) for i in acts if i not in moving}
        leaving = {(feats[i].doc, feats[i].span) for i in moving}
        moving |= {i for i in idx if is_consequence(feats[i], lex)
                   and (key := (feats[i].doc, feats[i].span)) in leaving and key not in staying}
        rest: dict[str, int] = {}
        for i in sorted(moving, key=lambda i: (not _war_word(feats[i]), i)):
            f = feats[i]
            # the war's own words go to the story's row of the war; a happening told in a
            # lasting frame only to a row of the war its own report tells (two sides' "they
            # shell our towns every night" are two happenings, not one), else to its report's row
            own = homes if _war_word(f) else [s for s in homes if f.doc in docs[s]]
            if own:
                out[i] = own[0]
                docs[own[0]].add(f.doc)  # its report now tells the war
                continue
            where = "" if _war_word(f) else f.doc
            if where not in rest:
                rest[where], fresh = fresh, fresh + 1
            out[i] = rest[where]
    # the war's words moved out of a row sharing no report with the story's row of the war
    # ("Israel launched an air campaign" in one report, "the war" in others) form rows of the
    # war of their own: the setting join runs once more over them
    return join_setting_rows(feats, cfg, out) if fresh > max(labels, default=-1) + 1 else out


def _named_war(f: MentionFeatures) -> bool:
    """A war's own word ("the war", "l'invasion") told with nothing that makes it last."""
    return f.lemma in setting_lemmas() and not f.extra.get("lasting_setting") and not f.extra.get("lasting")


def _war_word(f: MentionFeatures) -> bool:
    """A happening measured in months or years ("a ten-month offensive"): the war itself."""
    return bool(f.extra.get("lasting_setting")) or f.lemma in setting_lemmas()
