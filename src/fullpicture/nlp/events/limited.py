"""``fp_limited_events``: happenings of a document read by the limited pipeline.

For a language with word lists (``data/lang/word_lists.toml``), a word that begins with a
start of ``data/events/limited.<family>.toml`` is a trigger of that start's type ("napadnuti"
-> ASSAULT, lemma "napad", gloss "attack"). Its place is the nearest place of its sentence
(``fp_places``), its date a date written in the sentence ("29. maja 2023."), else the
publication day moved by a day word of the sentence ("juče": the day before; "u ponedeljak":
the last Monday up to the publication day), else the day of the last dated sentence before it
in its paragraph (the narrative reference time, as in English), else the publication day; its modality ``negated`` after a negation ("nema povređenih"). Its agent
only in the few shapes of :mod:`fullpicture.nlp.events._agents` ("قصف مغربي": a Moroccan
shelling), as an ``ORG`` entity added to ``doc._.fp_entities``; no patients or sources. Figures of
the sentence (``fp_limited_figures``) are linked to the nearest trigger.

Reads: the text, ``doc._.fp_info``, ``doc._.fp_entities``, ``doc._.fp_figures``, the zones.
Writes: ``doc._.fp_events`` and the ``event`` of each figure.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fullpicture._data import data_toml
from fullpicture.models import Event
from fullpicture.models.events import Evidence, Trigger
from fullpicture.nlp.events._agents import agent_entity, agent_words, find_agent
from fullpicture.nlp.events._asof import asof_words, counts_day
from fullpicture.nlp.events._targets import attach_targets
from fullpicture.nlp.extensions import synced
from fullpicture.nlp.lang.words import (
    Reading,
    Word,
    dates,
    families,
    read,
    starts_with_any,
    without_clitic,
    word_list_doc,
    word_list_family,
)
from fullpicture.nlp.zones import NON_STORY_ZONES, zone_kind_at

_PARAGRAPH = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class TriggerList:
    """A family's trigger starts (type, lemma, gloss), negations and day words."""

    starts: dict[str, tuple[str, str, str]]
    phrases: dict[tuple[str, ...], tuple[str, str, str]]
    exclude: tuple[str, ...]
    negation: frozenset[str]
    days: dict[str, int]
    max_ending: int
    family: str = ""
    speaker_verbs: dict[str, bool] = field(default_factory=dict)
    according: frozenset[str] = frozenset()
    weekdays: dict[str, int] = field(default_factory=dict)  # word -> 0 (Monday) .. 6 (Sunday)
    # a word of falling or wrecking that tells a crash only beside a craft ("впав приватний літак")
    crash_words: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    crafts: tuple[str, ...] = ()


@lru_cache(maxsize=8)
def trigger_list(family: str) -> TriggerList:
    """``data/events/limited.<family>.toml``."""
    d = data_toml("events", f"limited.{family}.toml")
    starts: dict[str, tuple[str, str, str]] = {}
    phrases: dict[tuple[str, ...], tuple[str, str, str]] = {}
    for typ, table in d["types"].items():
        for start, (lemma, gloss) in table.items():
            key = tuple(start.split())
            if len(key) > 1:
                phrases[key] = (typ, lemma, gloss)
            else:
                starts.setdefault(start, (typ, lemma, gloss))
    s = d.get("settings", {})
    crashes = d.get("crashes", {})
    crash_words = {w: ("DISASTER", lemma, gloss) for w, (lemma, gloss) in crashes.get("words", {}).items()}
    return TriggerList(starts, phrases, tuple(s.get("exclude", ())), frozenset(d.get("negation", {}).get("words", ())),
                       {k: int(v) for k, v in d.get("days", {}).items()}, int(s.get("max_ending", 6)), family,
                       dict.fromkeys(d.get("speakers", {}).get("verbs", ()), True),
                       frozenset(d.get("speakers", {}).get("according", ())),
                       {k: int(v) for k, v in d.get("weekdays", {}).items()},
                       crash_words, tuple(crashes.get("crafts", ())))


@lru_cache(maxsize=8)
def _glosses(family: str) -> dict[str, str]:
    tl = trigger_list(family)
    return {lemma: gloss for _, lemma, gloss in [*tl.starts.values(), *tl.phrases.values(), *tl.crash_words.values()]}


def limited_glosses(language: str) -> dict[str, str]:
    """English glosses of the trigger lemmas of ``language``'s word lists ({} without any)."""
    family = word_list_family(language)
    return {} if family is None else _glosses(family)


def family_glosses() -> dict[str, str]:
    """English glosses of the trigger lemmas of every family's word lists."""
    return {lemma: gloss for f in families() for lemma, gloss in _glosses(f).items()}


def find_triggers(ws: list[Word], tl: TriggerList, sent_of: list[int] | None = None,
                  craft_window: int = 0) -> list[tuple[int, int, tuple[str, str, str]]]:
    """``(first word, end word, (type, lemma, gloss))`` of each trigger, left to right; with
    ``sent_of`` and ``craft_window``, a crash word no list start takes ("впав", "розбився") is a
    crash when a craft word ("літак") is at most ``craft_window`` words from it in its sentence."""
    out = []
    i = 0
    while i < len(ws):
        hit = None
        for key, val in tl.phrases.items():
            n = len(key)
            if i + n <= len(ws) and all(ws[i + k].folded.startswith(part) and len(ws[i + k].folded) - len(part) <= tl.max_ending
                                        for k, part in enumerate(key)):
                hit = (i, i + n, val)
                break
        if hit is None and not ws[i].folded.startswith(tl.exclude or ("\0",)):
            key1 = starts_with_any(ws[i].folded, tl.starts, tl.max_ending, tl.family)
            if key1:
                hit = (i, i + 1, tl.starts[key1])
        if hit is None and sent_of is not None and craft_window > 0 and tl.crash_words:
            key2 = starts_with_any(ws[i].folded, tl.crash_words, tl.max_ending, tl.family)
            if key2 and _craft_near(ws, sent_of, i, tl, craft_window):
                hit = (i, i + 1, tl.crash_words[key2])
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def _craft_near(ws: list[Word], sent_of: list[int], i: int, tl: TriggerList, window: int) -> bool:
    """A craft word within ``window`` words of word ``i`` in its sentence."""
    lo, hi = max(0, i - window), min(len(ws), i + window + 1)
    return any(sent_of[k] == sent_of[i] and starts_with_any(ws[k].folded, dict.fromkeys(tl.crafts), tl.max_ending, tl.family)
               for k in range(lo, hi) if k != i)


def _published(doc: Doc) -> dt.date | None:
    pub = getattr(doc._.fp_info, "published", None)
    if not pub:
        return None
    try:
        return dt.date.fromisoformat(str(pub)[:10])
    except ValueError:
        return None


def _speaks(ws: list[Word], wstarts: list[int], start: int, end: int, tl: TriggerList) -> bool:
    """A place named as the one who speaks: before a speaking verb ("Bakú informó") or after
    "according to" ("según Rabat")."""
    k = bisect_left(wstarts, end)
    if k < len(ws) and starts_with_any(ws[k].folded, tl.speaker_verbs, 4, tl.family):
        return True
    j = bisect_left(wstarts, start) - 1
    return j >= 0 and without_clitic(ws[j].folded, tl.family, tl.according) in tl.according


class LimitedEventsComponent:
    """Fills ``doc._.fp_events`` for a language with word lists."""

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        cfg = (settings or {}).get("events", {})
        self.cfg: dict[str, Any] = cfg if isinstance(cfg, dict) else {}

    @synced
    def __call__(self, doc: Doc) -> Doc:
        """Find the happenings of one document."""
        opened = word_list_doc(doc)
        if opened is None:
            return doc
        family, text = opened
        tl = trigger_list(family)
        reading = read(text, family)
        ws, spans, sent_of = reading.words, reading.spans, reading.sentence
        pub = _published(doc)
        wstarts = [w.start for w in ws]
        places = [(m.start, e.id) for e in doc._.fp_entities or [] for m in e.mentions
                  if not _speaks(ws, wstarts, m.start, m.end, tl)]
        places.sort()
        figures = [f.start for f in doc._.fp_figures or []]
        written = [d for d in dates(ws, family, pub)  # "станом на 9 березня": a count's day, no act's
                   if not counts_day(text, ws[d[0]].start, spans[sent_of[d[0]]], figures, asof_words(f"limited.{family}"))]
        shift_of: dict[int, int] = {}  # the first day word ("juče") of each sentence
        weekday_of: dict[int, int] = {}  # and its first weekday ("u ponedeljak")
        for n, (w, sk) in enumerate(zip(ws, sent_of, strict=True)):
            pair = f"{ws[n - 1].folded} {w.folded}" if n and sent_of[n - 1] == sk else ""
            if pair in tl.days:  # a two-word day ("اول امس": the day before yesterday)
                shift_of.setdefault(sk, tl.days[pair])
            elif w.folded in tl.days:
                shift_of.setdefault(sk, tl.days[w.folded])
            day = without_clitic(w.folded, family, tl.weekdays)
            if day in tl.weekdays:
                weekday_of.setdefault(sk, tl.weekdays[day])
        if pub is not None:  # a weekday is the last such day up to the publication day
            for sk, wd in weekday_of.items():
                shift_of.setdefault(sk, -((pub.weekday() - wd) % 7))
        own: dict[int, str] = {}  # the day each dated sentence gives (its last written date, else its day word)
        for _a, _b, iso in written:
            own[sent_of[_a]] = iso
        if pub is not None:
            for sk, shift in shift_of.items():
                own.setdefault(sk, (pub + dt.timedelta(days=shift)).isoformat())
        dated = sorted(own)
        # paragraph of each sentence: the narrative day is carried within a paragraph only (no
        # tagger tells a new paragraph's background from its news in these languages)
        breaks = [m.start() for m in _PARAGRAPH.finditer(text)]
        para = [bisect_left(breaks, a) for a, _b in spans]
        events: list[Event] = []
        aw = agent_words(family)
        actors: dict[str, Any] = {}  # ISO code -> the document's actor entity of that state
        window = int(self.cfg.get("limited_craft_window", 0))
        triggers = [t for t in find_triggers(ws, tl, sent_of, window) if zone_kind_at(doc, ws[t[0]].start) not in NON_STORY_ZONES]
        agent_of = {i: find_agent(text, ws, sent_of, i, j, v[1], aw, tl.negation) if aw else None for i, j, v in triggers}
        acting = [(ws[a[0]].start, ws[a[1] - 1].end) for a in agent_of.values() if a]
        # a place named as who did it ("من قبل المغرب": by Morocco) is no place of the happening
        places = [(p, eid) for p, eid in places if not any(a <= p < b for a, b in acting)]
        for i, j, (typ, lemma, _gloss) in triggers:
            s = sent_of[i]
            lo, hi = spans[s]
            negated = any(i - k >= 0 and sent_of[i - k] == s
                          and without_clitic(ws[i - k].folded, family, tl.negation) in tl.negation for k in (1, 2))
            k = bisect_left(dated, s) - 1  # the narrative: the last dated sentence before this one
            narrative = own[dated[k]] if k >= 0 and para[dated[k]] == para[s] else None
            date, source = self._date(sent_of, s, i, written, shift_of.get(s), pub, narrative)
            near = [(abs(p - ws[i].start), eid) for p, eid in places if lo <= p < hi]
            start, end = ws[i].start, ws[j - 1].end
            agent = agent_of[i]
            events.append(Event(
                agents=[agent_entity(text, ws, agent[:2], agent[2], actors)] if agent else [],
                id=f"e{len(events) + 1}", type=typ,
                trigger=Trigger(start=start, end=end, text=text[start:end], lemma=lemma),
                date=date, date_source=source if date else None,  # type: ignore[arg-type]
                place=min(near)[1] if near else None,
                modality="negated" if negated else "asserted",
                evidence=Evidence(start=lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip())), end=lo + len(text[lo:hi].rstrip())),
            ))
        attach_targets(doc, events, family, self.cfg)
        self._link_figures(doc, events, reading)
        if actors:
            doc._.fp_entities = [*(doc._.fp_entities or []), *actors.values()]
        doc._.fp_events = events
        return doc

    @staticmethod
    def _date(sent_of: list[int], s: int, i: int, written: list[tuple[int, int, str]], shift: int | None,
              pub: dt.date | None, narrative: str | None = None) -> tuple[str | None, str | None]:
        """A written date of the sentence (the nearest), else the publication day moved by the
        sentence's day word (``shift``: "juče" is -1; a weekday goes back to its last day up to
        the publication day), else the day of the last dated sentence before it (``narrative``,
        as the English pipeline's narrative reference time), else the publication day."""
        near = [(abs(a - i), iso) for a, _b, iso in written if sent_of[a] == s]
        if near:
            return min(near)[1], "sentence"
        if shift is not None and pub is not None:
            return (pub + dt.timedelta(days=shift)).isoformat(), "sentence"
        if narrative is not None:
            return narrative, "narrative"
        return (pub.isoformat(), "published") if pub else (None, None)

    @staticmethod
    def _link_figures(doc: Doc, events: list[Event], reading: Reading) -> None:
        """A figure belongs to the nearest trigger of its sentence."""
        sent = [reading.sentence_at(ev.trigger.start) for ev in events]
        for fig in doc._.fp_figures or []:
            s = reading.sentence_at(fig.start)
            cands = [(min(abs(ev.trigger.start - fig.end), abs(fig.start - ev.trigger.end)), n)
                     for n, ev in enumerate(events) if sent[n] == s]
            if cands:
                ev = events[min(cands)[1]]
                fig.event = ev.id
                ev.figures.append(fig.id)


@Language.factory("fp_limited_events", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> LimitedEventsComponent:
    """Factory for ``fp_limited_events``."""
    return LimitedEventsComponent(settings)
