"""Figures linked to the events they count (``figure.event``, ``event.figures``): up the parse
from the figure to a trigger, else, for a casualty count, the violent event of its sentence or of
the sentences just before it."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from fullpicture.models import Event
from fullpicture.nlp._shared import doc_text
from fullpicture.nlp.events._countverb import counted_event
from fullpicture.nlp.events._uses import RESULT_DEPS, resultative
from fullpicture.nlp.figures._data import figure_lexicon


class FigureLinker:
    """Links each figure of a document to the event it counts."""

    def __init__(self, cfg: dict[str, Any], language: str) -> None:
        self.max_hops = int(cfg.get("figure_event_max_hops", 6))
        self.casualty_counts = frozenset(cfg.get("figure_sentence_link_counts", ()))
        self.casualty_types = frozenset(cfg.get("figure_sentence_link_types", ()))
        self.counted_verb_counts = frozenset(cfg.get("figure_counted_verb_counts", ()))
        self.back_sentences = int(cfg.get("figure_previous_sentences", 0))
        # verbs that say what a figure counts ("погибли", "killed"): a figure told by one that is
        # no event mention is left with it, not lent to another event of its sentence
        self.count_verbs = dict(figure_lexicon(language).count_verbs)

    def link(self, doc: Doc, head_of: dict[int, Event]) -> None:
        """Set ``figure.event`` and ``event.figures`` for the figures of ``doc``; ``head_of`` maps
        each trigger token to its event."""
        for fig in doc._.fp_figures or []:
            span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
            if span is None:
                continue
            tok: Token = span[-1]
            ev = None
            own_verb = False  # the verb that says what the figure counts is no event mention
            for _ in range(self.max_hops):
                if tok.pos_ == "VERB" and self.count_verbs.get(tok.lemma_.lower()) == fig.counts and tok.i not in head_of:
                    own_verb = True
                if tok.i in head_of and tok.i not in range(span.start, span.end):
                    ev = head_of[tok.i]
                    break
                controlled = [c for c in tok.children if c.dep_ == "xcomp" and c.i in head_of]
                if controlled and tok.pos_ in ("VERB", "AUX"):  # "50,000 chose to leave": the leaving
                    ev = head_of[controlled[0].i]
                    break
                if resultative(tok):  # "left 150 wounded": the state's event, else the cause's
                    kids = [c for c in tok.children if c.i in head_of and c.dep_ in RESULT_DEPS]
                    subj = [c for c in tok.children if c.i in head_of and c.dep_ == "nsubj"]
                    pick = sorted(kids, key=lambda c: abs(c.i - span.start)) or subj
                    if pick:
                        ev = head_of[pick[0].i]
                        break
                    # "attacked ..., leaving 40 people dead": the event the clause depends on
                if tok.head.i == tok.i:
                    break
                tok = tok.head
            if ev is None and fig.counts in self.casualty_counts and not own_verb:
                ev = self._sentence_event(span, head_of) or self._previous_event(span, head_of)
            if ev is None and fig.counts in self.counted_verb_counts:  # "the number who fled rose to N"
                ev = counted_event(span, head_of, fig.counts, self.count_verbs)
            if ev is None:
                continue
            fig.event = ev.id
            if fig.id not in ev.figures:
                ev.figures.append(fig.id)

    def _sentence_event(self, span: Span, head_of: dict[int, Event]) -> Event | None:
        """A casualty figure the parse links to no trigger ("Five dead, dozens injured in quake",
        "confirmed 30 dead and 55 wounded"): the nearest violent or disaster event of its
        sentence (``figure_sentence_link_types``), since the dead and wounded of a sentence are
        its happening's."""
        sent = span.sent
        cands = [(abs(i - span.start), i) for i in range(sent.start, sent.end)
                 if i in head_of and head_of[i].type in self.casualty_types
                 and not (span.start <= i < span.end)]
        return head_of[min(cands)[1]] if cands else None

    def _previous_event(self, span: Span, head_of: dict[int, Event]) -> Event | None:
        """A casualty figure in a sentence that tells no violent or disaster event ("A report put
        the death toll at 100 to 300."): the last such event of the nearest of the
        ``figure_previous_sentences`` sentences before it in its paragraph, whose toll it gives."""
        doc = span.doc
        text = doc_text(doc)
        sent = span.sent
        for _ in range(self.back_sentences):
            if sent.start == 0:
                return None
            prev = doc[sent.start - 1].sent
            if "\n" in text[prev.end_char : span.start_char]:
                return None  # another paragraph
            hits = [i for i in range(prev.start, prev.end) if i in head_of and head_of[i].type in self.casualty_types]
            if hits:
                return head_of[hits[-1]]
            sent = prev
        return None
