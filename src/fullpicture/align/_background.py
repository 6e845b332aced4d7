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
report. A row whose happenings are all told as background is left as it is; the war's own words
("the war", "l'invasion") stay where they are.

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
from fullpicture.align._incident_lex import happening, incident_lexicon, is_consequence
from fullpicture.align._relative import _period
from fullpicture.align._settingrows import setting_rows

# a clause ends between a frame phrase and the trigger it would qualify
_CLAUSE_END = re.compile(r"[,:;()\n]|\s[-–—]\s")
# ... and between a setting and the phrase of its start, only a stronger stop ("the war,
# which began in June" tells its start)
_STOP = re.compile(r"[:;()\n]")


@lru_cache(maxsize=8)
def _lasting(language: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    """``start``, ``began``, ``frame``, ``before`` and ``duration`` phrase patterns of ``language`` (``[lasting.<lang>]`` of
    ``data/events/relative.toml``)."""
    data = data_toml("events", "relative.toml").get("lasting", {}).get(language, {})
    return {k: tuple(re.compile(p, re.I) for p in data.get(k, [])) for k in ("start", "began", "frame", "before", "duration")}


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
        moving = {i for i in acts if background(feats[i])}
        if not moving or len(moving) == len(acts):
            continue
        # the consequences of a sentence whose happenings of the row all move go with them
        staying = {(feats[i].doc, feats[i].span) for i in acts if i not in moving}
        leaving = {(feats[i].doc, feats[i].span) for i in moving}
        moving |= {i for i in idx if is_consequence(feats[i], lex)
                   and (key := (feats[i].doc, feats[i].span)) in leaving and key not in staying}
        homes = sorted((s for s in settings if docs[s] & docs[r]), key=lambda s: (-len(docs[s]), s))
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
    return out


def _war_word(f: MentionFeatures) -> bool:
    """A happening measured in months or years ("a ten-month offensive"): the war itself."""
    return bool(f.extra.get("lasting_setting"))
