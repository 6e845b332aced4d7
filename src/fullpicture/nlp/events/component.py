"""``fp_events``: event mentions typed with the PLOVER-mapped taxonomy (``data/events/plover.toml``)
and the general news types read after it (``data/events/news.toml``: courts, crime, health,
personnel, elections, business, launches, contests, awards, ceremonies, accidents).

Triggers are verbs, nominalizations and multiword phrases ("laid down their arms").
Arguments come from the dependency parse and the entity layer, the date from the time layer,
the modality from FactBank-style cues (``data/events/modality.toml``); an event inside an
attributed claim is ``reported`` and names that claim as its ``source``. Figures are linked
both ways (``event.figures``, ``figure.event``).

Triggers are found in ``_triggers`` (the tests of a word's use in ``_uses``), figures linked in
``_figurelinks``; this module builds each trigger's event.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fullpicture.models import Claim, Event
from fullpicture.models.events import Evidence, Trigger
from fullpicture.nlp._intervals import index_of, start_end
from fullpicture.nlp._shared import entity_index, pipeline_language
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.events._args import arguments, blamed_ids, place_positions
from fullpicture.nlp.events._data import event_lexicon
from fullpicture.nlp.events._dating import event_date
from fullpicture.nlp.events._elapsed import elapsed_date
from fullpicture.nlp.events._figurelinks import FigureLinker
from fullpicture.nlp.events._findings import act_words
from fullpicture.nlp.events._leadday import lead_days
from fullpicture.nlp.events._modality import modality
from fullpicture.nlp.events._targets import attach_targets
from fullpicture.nlp.events._towns import title_towns
from fullpicture.nlp.events._trail import narrative_trail, report_day, timex_positions
from fullpicture.nlp.events._triggers import TriggerFinder
from fullpicture.nlp.extensions import synced
from fullpicture.nlp.zones import in_story


class EventsComponent:
    """Fills ``doc._.fp_events`` and ``figure.event``."""

    def __init__(self, nlp: Language, settings: dict[str, Any]) -> None:
        cfg = settings.get("events", {}) if isinstance(settings.get("events"), dict) else {}
        self.cfg: dict[str, Any] = cfg
        self.language = pipeline_language(settings)
        self.linker = FigureLinker(cfg, self.language)
        self.lex = event_lexicon(self.language)
        self.finder = TriggerFinder(self.lex, act_words(self.language), cfg, self.language)
        self.reporting = self.lex.modality["reporting_kinds"]
        self.elapsed = bool(cfg.get("elapsed_since", False))
        self.future_inherited = bool(cfg.get("future_dates_inherited", True))
        self.labels_inherited = bool(cfg.get("label_dates_inherited", True))
        self.label_days = int(cfg.get("label_dates_min_days_before", 0))
        # a date this many days before the report's day, told after the story's recent time,
        # dates its own sentence only (< 0: off)
        self.recall_days = int(cfg.get("recalled_dates_min_days_before", -1))
        # a sentence whose stated days lie this many days apart lists happenings: no story time (0: off)
        self.list_days = int(cfg.get("listed_dates_min_span_days", 0))
        # a date right after "until / jusqu'au / до" is a deadline or a span's end: it dates no act
        self.deadlines = bool(cfg.get("deadline_dates_apart", False))
        # a date right after "as of / по состоянию на" dates a count: no act, no time of the story
        self.asofs = bool(cfg.get("asof_dates_apart", False))
        self.lead_types = frozenset(str(t).upper() for t in cfg.get("lead_act_types", []))  # _leadday
        self.lead_days = int(cfg.get("lead_act_days_before", 0))
        self.lead_min_days = int(cfg.get("lead_act_min_days_before", 1))
        # a title holder's state ("the President of Eastland") yields to the town named this close before
        self.title_town_chars = int(cfg.get("title_place_town_before_chars", 0))
        self.title_town_types = frozenset(cfg.get("title_place_town_types", []))
        self.own_clause_types = frozenset(cfg.get("own_clause_place_types", []))
        self.speaker_seats = bool(cfg.get("speaker_seat_no_place", False))

    @synced
    def __call__(self, doc: Doc) -> Doc:
        """Extract the events of one document."""
        index = entity_index(doc)
        txs = timex_positions(doc)
        trail = narrative_trail(doc, future=self.future_inherited, labels=self.labels_inherited,
                                label_days=self.label_days, recall_days=self.recall_days,
                                list_days=self.list_days, deadlines=self.deadlines, asofs=self.asofs)
        reference = report_day(doc) if self.elapsed else None
        places = place_positions(doc, index)
        lent = title_towns(doc, index, places, self.title_town_chars) if self.title_town_chars > 0 else places
        claims = [c for c in (doc._.fp_claims or []) if c.kind in self.reporting]
        claims.sort(key=lambda c: c.start)
        starts = [c.start for c in claims]
        events: list[Event] = []
        head_of: dict[int, Event] = {}
        bounds = token_arrays(doc).sents
        sent_starts = [a for a, _ in bounds]
        found = [t for t in self.finder.triggers(doc) if in_story(doc[t[3]])]
        for n, (s, e, typ, h) in enumerate(found, 1):
            trig = doc[h]
            a, b = bounds[bisect_right(sent_starts, h) - 1]
            sent = doc[a:b]
            claim = _claim_at(claims, starts, doc[s].idx)
            agents, patients, place = arguments(doc, index, trig, sent,
                                                lent if typ in self.title_town_types else places,
                                                own_clause=typ in self.own_clause_types,
                                                speaker_seats=self.speaker_seats)
            span = doc[s:e]
            date, date_source = event_date(doc, trig, sent, txs, trail, scheduled=not self.future_inherited,
                                           deadlines=self.deadlines, asofs=self.asofs)
            recalled = elapsed_date(doc, trig, sent, reference) if reference else None
            if recalled:  # "One year has passed since the attack": the attack's day
                date, date_source = recalled, "sentence"
            ev = Event(
                id=f"e{n}", type=typ,
                trigger=Trigger(start=span.start_char, end=span.end_char, text=span.text, lemma=self.finder.lemma_of.get(h, trig.lemma_.lower())),
                date=date, date_source=date_source,  # type: ignore[arg-type]
                place=place, agents=agents, patients=patients,
                blamed=[] if agents else blamed_ids(doc, index, trig),
                modality=modality(trig, self.lex, claim is not None),  # type: ignore[arg-type]
                source=claim.id if claim is not None else None,
                evidence=Evidence(start=sent.start_char, end=sent.end_char),
            )
            events.append(ev)
            for i in range(s, e):
                head_of[i] = ev
        if self.lead_days > 0:  # a lead's act told before any day: the day its report states for it
            dated = lead_days(events, report_day(doc), self.lead_types, self.lead_days, self.lead_min_days)
            swap = {id(old): new for old, new in zip(events, dated, strict=True)}
            head_of = {i: swap[id(ev)] for i, ev in head_of.items()}
            events = dated
        attach_targets(doc, events, self.language, self.cfg)
        self.linker.link(doc, head_of)
        doc._.fp_events = events
        return doc


def _claim_at(claims: list[Claim], starts: list[int], char: int) -> Claim | None:
    """The narrowest attributed claim whose content holds ``char``."""
    best = None
    k = bisect_right(starts, char)
    for c in (claims[n] for n in index_of(claims, start_end).near(char, char) if n < k):
        if c.start <= char < c.end and (best is None or c.end - c.start < best.end - best.start):
            best = c
    return best


@Language.factory("fp_events", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> EventsComponent:
    """Factory for ``fp_events``."""
    return EventsComponent(nlp, settings)
