"""Attribution extraction as shipped: the rules, then the learned tagger over them.

``[claims] order = "rules_first"`` (shipped) keeps every rule claim and adds the tagger's
attributions where the rules found nothing; ``"tagger_first"`` takes the tagger's and keeps
rule claims only where the tagger left the text untouched. ``[claims] learned = false`` in
settings (or missing weights, or a language other than English) falls back to the rules
alone. Both ways a quotation continued after its attribution joins its content
(:mod:`~fullpicture.nlp.claims._continue`) and an attribution nested in another's content
is dropped (:func:`~fullpicture.nlp.claims._merge.univocal`).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc, Token

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp.claims._continue import continue_paragraphs, continue_quotes
from fullpicture.nlp.claims._data import claim_lexicon
from fullpicture.nlp.claims._extract import ClaimExtractor, RawClaim
from fullpicture.nlp.claims._merge import merge, rules_first, univocal
from fullpicture.nlp.claims._roleprob import LABELS, token_probs
from fullpicture.nlp.claims._spans import quote_spans
from fullpicture.nlp.claims._tagger import AttributionTagger


class AttributionExtractor:
    """Rules plus CRF tagger; build once, call per parsed document."""

    def __init__(
        self, learned: bool = True, model: str | None = None, order: str = "rules_first", language: str = "en",
        min_cue_prob: float = 0.1,
    ) -> None:
        self.rules = ClaimExtractor(claim_lexicon(language))
        # the tagger was trained on English news (PolNeAR): other languages keep the rules
        self.tagger = AttributionTagger(model) if learned and language == "en" else None
        self.order = order
        self.min_cue_prob = min_cue_prob

    @classmethod
    def from_settings(cls, settings: dict[str, Any], language: str = "en") -> AttributionExtractor:
        """From the ``[claims]`` table of the settings (``learned``, ``order``)."""
        cfg = settings.get("claims", {}) if isinstance(settings.get("claims"), dict) else {}
        return cls(bool(cfg.get("learned", True)), order=str(cfg.get("order", "rules_first")), language=language,
                   min_cue_prob=float(cfg.get("learned_min_cue_prob", 0.1)))

    @property
    def learned(self) -> bool:
        """Whether the tagger runs (weights present and enabled)."""
        return self.tagger is not None and self.tagger.available

    def _clauseless(self, doc: Doc, c: RawClaim) -> bool:
        """A learned, unquoted claim whose cue is a verb the rules accept only with a clause
        ("show", "see", "know": ``need_clause`` in the lexicon) and that has none ("the
        minister showed the journalists around the base")."""
        if c.confidence is None or c.cue is None or c.kind == "direct":
            return False
        span = doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.lemma_.lower() in self.rules.lex.need_clause and not any(
            ch.dep_ in ("ccomp", "xcomp") for ch in root.children)

    def _physical_act(self, doc: Doc, c: RawClaim) -> bool:
        """A learned claim whose cue is a verb of physical force (``[acts] verbs`` in the
        lexicon) acting on a place: its object is a place noun (``[acts] places``) or a LOC/FAC
        entity, or an "in"/"at" phrase of the verb or of its object names one, a GPE or an
        untyped proper name ("invaders attacked the station in X", "X forces hit Y at the
        depot: 30 killed"). Political news attacks people and records with these verbs ("hit
        Clinton on trade", "attacked her record in Ohio"), which stay; so do cue verbs of the
        lexicon ("blast")."""
        if c.confidence is None or c.cue is None or c.kind == "direct" or not self.rules.lex.acts:
            return False
        span = doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand")
        if span is None:
            return False
        verb = span.root
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in self.rules.lex.acts or lemma in self.rules.lex.verbs:
            return False
        objs = [t for t in verb.children if t.dep_ in ("dobj", "nsubjpass")]
        if any(o.ent_type_ == "PERSON" or o.pos_ == "PRON" for o in objs):
            return False
        places = self.rules.lex.act_places

        def place(t: Token, named: bool) -> bool:
            # a country as the object is often the one criticised ("hit China on trade"); a
            # proper name counts after "in"/"at" only, and never a person's or a date
            if t.lemma_.lower() in places or t.ent_type_ in ("LOC", "FAC"):
                return True
            return named and (t.ent_type_ == "GPE" or (t.pos_ == "PROPN" and not t.ent_type_))

        if any(place(o, False) for o in objs):
            return True
        for head in [verb, *objs]:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "at") and any(
                        place(p, True) for p in prep.children if p.dep_ == "pobj"):
                    return True
        return False

    def _unlike_cues(self, doc: Doc, claims: list[RawClaim]) -> set[int]:
        """Ids of learned claims whose cue no token of which the role network (tok2vec vectors
        of the token and its context, :mod:`._roleprob`) gives a cue probability of at least
        ``min_cue_prob``: a photo caption's "A view of", a layout colon, an act ("attacked")."""
        if self.tagger is None or self.tagger.roles is None or self.min_cue_prob <= 0:
            return set()
        spans = []
        for c in claims:
            if c.confidence is None or c.cue is None or c.kind == "naming":
                continue
            span = doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand")
            if span is not None and len(span):
                spans.append((id(c), span.start, span.end))
        tokens = [i for _, a, b in spans for i in range(a, b)]
        probs = token_probs(doc, tokens, self.tagger.roles)
        if probs is None:
            return set()
        cue = probs[:, LABELS.index("CUE")].tolist()
        out, k = set(), 0
        for cid, a, b in spans:
            if max(cue[k : k + b - a]) < self.min_cue_prob:
                out.add(cid)
            k += b - a
        return out

    def __call__(self, doc: Doc) -> list[RawClaim]:
        """All attributions (and naming claims) of a document."""
        rules = self.rules(doc)
        if not self.learned or self.tagger is None:
            # one role per token (PolNeAR's univocality), quotations continued after their attribution
            text = doc_text(doc)
            quotes = quote_spans(text)
            return univocal(continue_paragraphs(text, continue_quotes(text, rules, quotes), quotes))
        tagged = self.tagger(doc, rules)
        claims = rules_first(doc, tagged, rules) if self.order == "rules_first" else merge(doc, tagged, rules)
        unlike = self._unlike_cues(doc, claims)
        claims = [c for c in claims
                  if id(c) not in unlike and not self._clauseless(doc, c) and not self._physical_act(doc, c)]
        starts = [s.start_char for s in doc.sents]
        sents = list(doc.sents)
        for c in claims:
            if c.confidence is None or c.hedges:
                continue
            k = bisect_right(starts, (c.cue or c.content)[0]) - 1
            if k >= 0:
                self.rules._hedges(doc, sents[k], c)
        return claims
