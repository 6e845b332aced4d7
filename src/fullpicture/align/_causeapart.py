"""A happening told as what led to another one of its sentence is another happening.

"Militiamen burned the Westvale market in revenge for the killing of two guards", "the raids
came in response to the ambush", "la milice a pillé le bourg en représailles à l'embuscade", "в
ответ на нападение на пост солдаты обстреляли деревню": the killing and the burning are two
happenings, told in one sentence, often at one place and on one day, the second as the sequel of
the first. The pair model can file both in one row (same place, same day, violent verbs), which
then fuses a trigger with its reprisal.

A mention *is told as a cause* when its trigger lies in a unit opened by a phrase of a table of
``data/align/cause.toml`` (``[opens]``: "after", "in response to", "après", "после"; ``[reprisal]``:
the phrases of a response or a reprisal only; ``[align] link_cause_phrases``) and closed by the
next clause break ([breaks]): :func:`cause_unit`. Its *sequel* is a happening of the same
sentence told outside the unit that can host consequences (not itself a consequence: "two were
killed after the strike" tells the strike's own dead): :func:`caused`. With ``[align]
link_cause_apart`` the mention clustering never merges two clusters that hold such a pair
(:func:`told_apart`, ``_linking.average_link``). Phrases only, never whose words: both sides alike.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import can_host, incident_lexicon, told_about


@lru_cache(maxsize=8)
def _opens(language: str, table: str = "opens") -> re.Pattern[str] | None:
    """The phrases of ``language`` that open a unit of cause (``[opens]`` of ``cause.toml``, or
    another table of it: ``[reprisal]``)."""
    pat = data_toml("align", "cause.toml").get(table, {}).get(language)
    return re.compile(pat, re.I) if pat else None


@lru_cache(maxsize=1)
def _breaks() -> re.Pattern[str]:
    """The marks that close a unit of cause (``[breaks]`` of ``cause.toml``)."""
    return re.compile(data_toml("align", "cause.toml").get("breaks", {}).get("all", r"[,;:.!?]"))


def cause_unit(sentence: str, trigger: tuple[int, int], language: str | None,
               table: str = "opens") -> tuple[int, int] | None:
    """``(start, end)`` in ``sentence`` of the unit of cause the trigger at ``trigger`` (offsets
    in ``sentence``) lies in: the last phrase of cause (of ``table`` of ``cause.toml``) before it
    whose unit reaches it; else None."""
    pat = _opens((language or "en").split("-")[0].lower(), table)
    if pat is None:
        return None
    t0 = trigger[0]
    found = None
    for m in pat.finditer(sentence, 0, t0):
        end = _breaks().search(sentence, m.end())
        if t0 < (hi := end.start() if end else len(sentence)):
            found = (m.start(), hi)
    return found


def cause_units(sentence: str, language: str | None, table: str = "opens") -> list[tuple[int, int]]:
    """``(start, end)`` in ``sentence`` of every unit of cause (of ``table`` of ``cause.toml``):
    from each phrase of cause to the next clause break."""
    pat = _opens((language or "en").split("-")[0].lower(), table)
    if pat is None:
        return []
    out = []
    for m in pat.finditer(sentence):
        end = _breaks().search(sentence, m.end())
        out.append((m.start(), end.start() if end else len(sentence)))
    return out


def units_outside(sentence: str, trigger: int, start: int, language: str | None) -> list[tuple[int, int]]:
    """The units of cause (table ``opens``) of ``sentence`` (starting at ``start`` in its text)
    that the trigger at ``trigger`` (in the text) lies outside, as offsets in the text: a facility
    named there is the cause's, not the trigger's ("strikes ... after damage to the bridge")."""
    at = trigger - start
    return [(start + s, start + e) for s, e in cause_units(sentence, language) if not s <= at < e]


def caused(cause: MentionFeatures, sequel: MentionFeatures) -> bool:
    """Whether ``cause`` is told as the cause of ``sequel`` in one sentence: ``cause`` (no act of
    word) in a unit of cause, ``sequel`` a happening that hosts consequences told outside any."""
    unit = cause.extra.get("cause_unit")
    if not unit or cause.doc != sequel.doc or cause.span is None or cause.span != sequel.span \
            or sequel.extra.get("cause_unit"):
        return False
    lex = incident_lexicon()
    at = int(sequel.extra.get("at", -1))
    return not unit[0] <= at < unit[1] and can_host(sequel, lex) and not told_about(cause, lex)


def told_apart(feats: Sequence[MentionFeatures]) -> dict[int, set[int]]:
    """``mention -> mentions`` its sentence tells apart from it as cause and sequel (both ways)."""
    sentences: dict[tuple[str, tuple[int, int]], list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if f.span is not None:
            sentences[(f.doc, f.span)].append(i)
    out: dict[int, set[int]] = defaultdict(set)
    for idx in sentences.values():
        for i in idx:
            if not feats[i].extra.get("cause_unit"):
                continue
            for j in idx:
                if j != i and caused(feats[i], feats[j]):
                    out[i].add(j)
                    out[j].add(i)
    return dict(out)
