"""Attribution extraction as shipped: the rules, then the learned tagger over them.

``[claims] order = "rules_first"`` (shipped) keeps every rule claim and adds the tagger's
attributions where the rules found nothing; ``"tagger_first"`` takes the tagger's and keeps
rule claims only where the tagger left the text untouched. ``[claims] learned = false`` in
settings (or missing weights, or a language other than English) falls back to the rules
alone. Both ways a quotation continued after its attribution joins its content
(:mod:`~fullpicture.nlp.claims._continue`) and an attribution nested in another's content
is dropped (:func:`~fullpicture.nlp.claims._merge.univocal`). With the tagger, the learned cue
classifier (:mod:`~fullpicture.nlp.claims._cues`, ``[claims] cue_keep_min`` / ``cue_add_min``)
then drops attributions unlikely to be ones and adds verbs and nouns the others missed, and
the learned source chooser (:mod:`~fullpicture.nlp.claims._source_model`, ``[claims]
source_none_offset``) picks each attribution's source among its candidates, or none.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.claims._acts import physical_act
from fullpicture.nlp.claims._conjoined import split_conjoined
from fullpicture.nlp.claims._continue import continue_paragraphs, continue_quotes
from fullpicture.nlp.claims._cues import cues_path, load_cues, read_prior, vet
from fullpicture.nlp.claims._data import claim_lexicon
from fullpicture.nlp.claims._extract import ClaimExtractor
from fullpicture.nlp.claims._merge import merge, rules_first, univocal
from fullpicture.nlp.claims._participle import split_participles
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._roleprob import LABELS, token_probs
from fullpicture.nlp.claims._source_model import (
    choose,
    load_sources,
    sources_crf,
    sources_path,
    sources_runs,
)
from fullpicture.nlp.claims._spans import (
    content_stop,
    quote_clause_start,
    quote_spans,
    source_before_content,
    source_comma,
    source_lead,
)
from fullpicture.nlp.claims._tagger import AttributionTagger, prior_path


class AttributionExtractor:
    """Rules plus CRF tagger; build once, call per parsed document."""

    def __init__(
        self, learned: bool = True, model: str | None = None, order: str = "rules_first", language: str = "en",
        min_cue_prob: float = 0.1, cue_limits: tuple[float, float, float] = (0.0, 1.0, 1.0),
        source_chooser: bool = False, source_none_offset: float = 0.0, source_run_min: float = 0.05,
    ) -> None:
        self.rules = ClaimExtractor(claim_lexicon(language))
        # the tagger was trained on English news (PolNeAR): other languages keep the rules
        self.tagger = AttributionTagger(model) if learned and language == "en" else None
        self.order = order
        self.min_cue_prob = min_cue_prob
        # the cue classifier (:mod:`._cues`): keep, add and candidate thresholds
        self.cue_limits = cue_limits
        self.cues = load_cues(cues_path()) if self.tagger is not None else None
        self.cue_prior = read_prior(prior_path()) if self.cues is not None else {}
        # the source chooser (:mod:`._source_model`)
        self.source_none_offset = source_none_offset
        self.sources = load_sources(sources_path()) if self.tagger is not None and source_chooser else None
        self.sources_crf = sources_crf(sources_path()) if self.sources is not None else False
        # the CRF's source runs as candidates, for a chooser trained with them (``[claims] source_run_min``)
        self.source_run_min = source_run_min if self.sources_crf and sources_runs(sources_path()) else None

    @classmethod
    def from_settings(cls, settings: dict[str, Any], language: str = "en") -> AttributionExtractor:
        """From the ``[claims]`` table of the settings (``learned``, ``order``)."""
        cfg = settings.get("claims", {}) if isinstance(settings.get("claims"), dict) else {}
        limits = (float(cfg.get("cue_keep_min", 0.0)), float(cfg.get("cue_add_min", 1.0)),
                  float(cfg.get("cue_candidate_min", 1.0)))
        return cls(bool(cfg.get("learned", True)), order=str(cfg.get("order", "rules_first")), language=language,
                   min_cue_prob=float(cfg.get("learned_min_cue_prob", 0.1)), cue_limits=limits,
                   source_chooser=bool(cfg.get("source_chooser", False)),
                   source_none_offset=float(cfg.get("source_none_offset", 0.0)),
                   source_run_min=float(cfg.get("source_run_min", 0.05)))

    @property
    def learned(self) -> bool:
        """Whether the tagger runs (weights present and enabled)."""
        return self.tagger is not None and self.tagger.available

    def _clauseless(self, doc: Doc, c: RawClaim) -> bool:
        """A learned, unquoted claim whose cue is a verb the rules accept only with a clause
        ("show", "see", "know": ``need_clause`` in the lexicon) and that has none, nor an
        object, or has a particle of motion ("the minister showed the journalists around the
        base"). With an object it stays: PolNeAR annotates "a study found 31 cases"."""
        if c.confidence is None or c.cue is None or c.kind == "direct":
            return False
        span = doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        lex = self.rules.lex
        if root.lemma_.lower() not in lex.need_clause or any(ch.dep_ in ("ccomp", "xcomp") for ch in root.children):
            return False
        objects = [ch for ch in root.children if ch.dep_ in ("dobj", "attr", "oprd", "acomp")]
        # the particle may hang on the verb or on its object ("the journalists around the base")
        motion = any(ch.dep_ in ("prep", "advmod", "prt") and ch.lower_ in lex.motion
                     for t in (root, *objects) for ch in t.children)
        return not objects or motion

    def _physical_act(self, doc: Doc, c: RawClaim) -> bool:
        """A learned claim that tells an act of force or harm (:func:`._acts.physical_act`)."""
        return physical_act(doc, c, self.rules.lex)

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

    def _vet(self, doc: Doc, claims: list[RawClaim], probs: dict[int, float] | None = None) -> list[RawClaim]:
        """The claims the cue classifier keeps, and those it adds (:func:`._cues.vet`; ``probs``
        receives the keep model's probabilities)."""
        keep, add, cand = self.cue_limits
        if self.cues is None or self.tagger is None or (keep <= 0 and add >= 1):
            return claims
        return vet(doc, claims, self.cues, self.rules.lex, self.tagger.roles, self.cue_prior, keep, add, cand,
                   self.rejected, probs, self.tagger)

    def _sources(self, doc: Doc, claims: list[RawClaim], probs: dict[int, float]) -> list[RawClaim]:
        """The claims with the source chooser's sources (:func:`._source_model.choose`)."""
        if self.sources is None or self.tagger is None:
            return claims
        return choose(doc, claims, self.sources, self.tagger.roles, self.source_none_offset, self.cue_prior, probs,
                      self.tagger if self.sources_crf else None, self.source_run_min)

    def rejected(self, doc: Doc, c: RawClaim) -> bool:
        """Whether a learned claim is an act or a verb without the clause it needs."""
        return self._clauseless(doc, c) or self._physical_act(doc, c)

    def __call__(self, doc: Doc) -> list[RawClaim]:
        """All attributions (and naming claims) of a document."""
        rules = split_participles(doc, self.rules(doc), self.rules.lex.verbs)
        if not self.learned or self.tagger is None:
            # one role per token (PolNeAR's univocality), quotations continued after their attribution
            text = doc_text(doc)
            quotes = quote_spans(text)
            rules = split_conjoined(doc, rules)
            claims = univocal(continue_paragraphs(text, continue_quotes(text, rules, quotes), quotes))
            toks = token_arrays(doc)
            return _commas(text, claims, [toks.idx[a] for a, _ in toks.sents], self.rules.lex.leading_focus)
        tagged = self.tagger(doc, rules)
        claims = rules_first(doc, tagged, rules) if self.order == "rules_first" else merge(doc, tagged, rules)
        unlike = self._unlike_cues(doc, claims)
        claims = [c for c in claims
                  if id(c) not in unlike and not self._clauseless(doc, c) and not self._physical_act(doc, c)]
        probs: dict[int, float] = {}
        claims = self._sources(doc, self._vet(doc, claims, probs), probs)
        toks = token_arrays(doc)
        bounds = toks.sents
        starts = [toks.idx[a] for a, _ in bounds]
        for c in claims:
            if c.confidence is None or c.hedges:
                continue
            k = bisect_right(starts, (c.cue or c.content)[0]) - 1
            if k >= 0:
                self.rules._hedges(doc, doc[bounds[k][0] : bounds[k][1]], c)
        return _commas(doc_text(doc), claims, starts, self.rules.lex.leading_focus)


def _commas(text: str, claims: list[RawClaim], starts: list[int], focus: frozenset[str] = frozenset()
            ) -> list[RawClaim]:
    """Sources with PolNeAR's comma convention (:func:`._spans.source_comma`), without a
    focus word of ``focus`` at their start (:func:`._spans.source_lead`) and out of their own
    content (:func:`._spans.source_before_content`), contents
    without their sentence's full stop (:func:`._spans.content_stop`), a quotation before its
    speaker from the start of its clause (:func:`._spans.quote_clause_start`; ``starts``: the
    sentences' first characters, ascending), in place."""
    for c in claims:
        if c.source is not None:
            src = source_before_content(text, c.source, c.content)
            c.source = source_comma(text, source_lead(text, src, focus) if focus else src)
        if c.kind not in ("naming", "direct"):  # a transcript's line keeps its stop (layout claims)
            c.content = content_stop(text, c.content)
        elif c.kind == "direct" and c.cue is not None and c.cue[0] >= c.content[1]:
            taken = [o.cue[0] for o in claims if o is not c and o.cue is not None]
            if c.source is not None:
                taken.append(c.source[0])
            k = bisect_right(starts, c.content[0]) - 1
            if k >= 0:
                c.content = (quote_clause_start(text, c.content, taken, starts[k]), c.content[1])
    return claims
