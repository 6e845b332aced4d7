"""Doers a mention's words name where the parse gives it none: the state a phrase right after
the act names as its author or its origin.

The parse reads an agent from a subject, a possessive or a "by" phrase of the trigger itself;
it misses the doer told by a phrase the act's words lead into:

* **a "by" phrase** a few words after the trigger ("the strike launched by the Eastland armed
  forces", "un tir de drones par les forces eastlandaises", "удар был нанесен
  Вооруженными силами Eastland"; ``[by]`` of ``data/align/told_doers.toml``);
* **an armed body in the instrumental case** (Russian, Ukrainian: "обстрел eastlandскими
  вооруженными силами"; ``[instrumental]``);
* **an origin** ("missiles fired from Eastland", "shelled from the territory of Eastland", "с
  территории Eastland"; ``[origin]``): the state the fire came from, as the telling side says;
* **a demonym after the act noun** in a language whose adjectives follow their noun ("une frappe
  eastlandaise", "des tirs de roquettes eastlandais"; ``[after_noun]``, with the weapon words
  that may stand between).

The phrase must stand in the trigger's clause (no comma, semicolon, colon, bracket or dash
between) and name a state (:func:`._agents.name_state`): a group of no state, a weapon or a
place of a contested territory gives none. An act the clause tells as still being plotted
("new attacks from Eastland being plotted"; ``[plans_after]``) has no doer yet: none. Words only,
alike for every side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fullpicture._data import data_toml
from fullpicture.align._agents import name_state
from fullpicture.models import Analysis, Event

_BREAK = re.compile(r"[,;:()\[\]—–«»\"“”\n]|\s-\s|[.!?](?:\s|$)")
_WORD = re.compile(r"[\w'’#/-]+", re.UNICODE)


@dataclass(frozen=True)
class ToldDoer:
    """A state a mention's words name as its doer, and the words (offsets in the text)."""

    state: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _data() -> dict[str, dict[str, list[str]]]:
    return {k: v for k, v in data_toml("align", "told_doers.toml").items() if k != "source"}


def _words(table: str, lang: str) -> list[str]:
    return [str(w).lower() for w in _data().get(table, {}).get(lang, [])]


def _clause_after(a: Analysis, ev: Event, reach: int) -> tuple[int, str]:
    """(offset, text) of the trigger's clause after it, at most ``reach`` characters, within its
    sentence."""
    start = ev.trigger.end
    end = min(ev.evidence.end, start + reach)
    rest = a.text[start:end]
    cut = _BREAK.search(rest)
    return start, rest[: cut.start()] if cut else rest


def _tokens(text: str, offset: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), offset + m.start(), offset + m.end()) for m in _WORD.finditer(text)]


def told_doers(a: Analysis, ev: Event, gap: int, reach: int = 80, words: int = 6) -> list[ToldDoer]:
    """The states the words after ``ev``'s trigger name as its doer (see the module docstring):
    an opener of ``[by]`` at most ``gap`` words after the trigger (of ``[origin]`` at most one),
    no word of reporting (``[not_between]``) before it, then the state
    its next ``words`` words name; a noun of ``[instrumental]`` in that reach with the words around
    it; a demonym of ``[after_noun]``. Empty when ``gap`` is 0."""
    if gap <= 0:
        return []
    lang = a.document.language or "en"
    offset, clause = _clause_after(a, ev, reach)
    toks = _tokens(clause, offset)
    low = [t[0].lower() for t in toks]
    out: list[ToldDoer] = []
    for plan in _words("plans_after", lang):  # "attacks from Eastland being plotted": a plan, no act yet
        parts = plan.split()
        if any(all(w.startswith(p) for w, p in zip(low[i:i + len(parts)], parts, strict=True))
               for i in range(len(low) - len(parts) + 1)):
            return []
    reports = tuple(_words("not_between", lang))
    for table, most in (("by", gap), ("origin", min(gap, 1))):
        for opener in sorted(_words(table, lang), key=lambda w: -len(w.split())):
            parts = opener.split()
            for i in range(min(most, len(low) - len(parts)) + 1):
                if reports and any(w.startswith(reports) for w in low[:i]):
                    break  # a reporting word before the phrase ("... reported by the media"): who tells it, not who did it
                if low[i : i + len(parts)] == parts:
                    _add(out, a, toks[i + len(parts) : i + len(parts) + words], lang)
                    break
    inst = set(_words("instrumental", lang))
    for i, w in enumerate(low[: gap + 3]):
        if w in inst:
            _add(out, a, toks[max(0, i - 2) : i + 3], lang)
    links = _words("after_noun", lang)
    if links and toks:
        k = 2 if len(toks) > 2 and low[0] in links and low[1].startswith(tuple(_words("weapons", lang))) else 0
        if toks[k][0].islower():  # "une frappe eastlandaise", "des tirs de roquettes eastlandais"
            _add(out, a, toks[k : k + 1], lang)
    return out


def _add(out: list[ToldDoer], a: Analysis, toks: list[tuple[str, int, int]], lang: str) -> None:
    """Add the state ``toks`` name, with the words that name it: the shortest run of them that
    names the state, widened over the armed-body words (``[bodies]``) and capitalised words
    right after it, less the lower-case words before them that name nothing ("the", "нанесен")."""
    if not toks or not (state := name_state(a.text[toks[0][1] : toks[-1][2]])):
        return
    end = next(k for k in range(1, len(toks) + 1) if name_state(a.text[toks[0][1] : toks[k - 1][2]]) == state)
    bodies = set(_words("bodies", lang))

    def body(w: str) -> bool:  # "l’armée": the word without its elided article
        return re.sub(r"^\w['’]", "", w.lower()) in bodies

    while end < len(toks) and (body(toks[end][0]) or toks[end][0][:1].isupper()):
        end += 1
    first = 0
    while (first < end - 1 and not body(toks[first][0]) and not toks[first][0][:1].isupper()
           and name_state(a.text[toks[first + 1][1] : toks[end - 1][2]]) == state):
        first += 1
    if not any(d.state == state for d in out):
        start, stop = toks[first][1], toks[end - 1][2]
        out.append(ToldDoer(state=state, start=start, end=stop, text=a.text[start:stop]))
