"""``fp_claims``: attributed claims (who says what), author and editor assertions.

Attributions come from :mod:`fullpicture.nlp.claims._learned` (the rules of ``_extract``
plus the CRF tagger of ``_tagger``, each learned claim with its confidence); sources are resolved to
entities through the entity layer (metonymy included). Sentences of body zones that carry no
attribution become ``author`` claims, sentences of editorial zones ``editor`` claims.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fullpicture.models import Claim, ClaimCue, ClaimSource
from fullpicture.nlp._shared import (
    capital_state,
    doc_text,
    entity_for_span,
    entity_index,
    entity_type,
    pipeline_language,
    resolve,
)
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.extensions import synced

_EDITOR_ZONES = {"editorial_note", "inline_note"}
_AUTHOR_ZONES = {"body"}
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them"}
_PERSONAL = {"he", "she", "him", "her"}


def _zone_at(doc: Doc, char: int) -> str:
    try:
        from fullpicture.nlp.zones import zone_kind_at
    except Exception:  # noqa: BLE001
        return "body"
    return zone_kind_at(doc, char)


def _mention_list(index: dict[str, Any]) -> list[tuple[int, str, str]]:
    """(start, entity id, type) of every entity mention, sorted."""
    out = [(m.start, e.id, e.type) for e in index.values() for m in e.mentions]
    out.sort()
    return out


def _antecedent(index: dict[str, Any], mentions: list[tuple[int, str, str]], char: int, personal: bool) -> str | None:
    """The nearest preceding entity mention that fits a pronoun (person or not), metonymy resolved."""
    k = bisect_left(mentions, (char, "", ""))
    for start, eid, typ in reversed(mentions[max(0, k - 40) : k]):
        if (typ == "PERSON") == personal and start < char:
            return resolve(index, eid)
    return None


class ClaimsComponent:
    """Fills ``doc._.fp_claims`` with :class:`~fullpicture.models.Claim` objects."""

    def __init__(self, settings: dict[str, Any]) -> None:
        cfg = dict(settings.get("events", {})) if isinstance(settings.get("events"), dict) else {}
        self.author_claims = bool(cfg.get("author_claims", True))
        self.min_author_tokens = int(cfg.get("min_author_tokens", 4))
        self.pronoun_window = int(cfg.get("pronoun_window_chars", 400))
        self.extractor = AttributionExtractor.from_settings(settings, pipeline_language(settings))

    @synced
    def __call__(self, doc: Doc) -> Doc:
        """Extract the claims of one document."""
        index = entity_index(doc)
        raws = [r for r in self.extractor(doc) if _zone_at(doc, (r.cue or r.content)[0]) not in _EDITOR_ZONES]
        claims: list[tuple[int, Claim]] = []
        mentions = _mention_list(index)
        last: dict[bool, tuple[int, str]] = {}  # personal? -> (char, entity) of the last named source
        for raw in raws:
            claim = self._claim(doc, index, raw)
            src = claim.source
            if src and src.entity is None and src.start is not None and src.text.lower() in _PRONOUNS:
                personal = src.text.lower() in _PERSONAL
                prev = last.get(personal)
                # the speaker of the claims just before, else the nearest fitting mention
                if prev is not None and src.start - prev[0] <= self.pronoun_window:
                    src.entity = prev[1]
                else:
                    src.entity = _antecedent(index, mentions, src.start, personal)
            elif src and src.entity and src.start is not None:
                last[entity_type(index, src.entity) == "PERSON"] = (src.start, src.entity)
            if src and src.entity:
                # a capital that speaks stands for its state ("Moscow says")
                src.entity = capital_state(index, src.entity) or src.entity
            claims.append((claim.start, claim))
        claims.extend((c.start, c) for c in self._sentence_claims(doc, raws))
        claims.sort(key=lambda x: (x[0], x[1].end))
        out = []
        for n, (_, c) in enumerate(claims, 1):
            c.id = f"c{n}"
            out.append(c)
        doc._.fp_claims = out
        return doc

    @staticmethod
    def _claim(doc: Doc, index: dict[str, Any], raw: RawClaim) -> Claim:
        s, e = raw.content
        cue = None
        if raw.cue is not None:
            cue = ClaimCue(start=raw.cue[0], end=raw.cue[1], text=doc_text(doc)[raw.cue[0] : raw.cue[1]], lemma=raw.cue_lemma)
        source = None
        if raw.source is not None:
            ss, se = raw.source
            head = doc[raw.source_head] if raw.source_head is not None else None
            ent = entity_for_span(doc, index, ss, se, head)
            if head is not None and not head._.fp_entity and head.pos_ != "PROPN":
                # "sources in Kyiv": a generic head located by a place
                for c in head.children:
                    if c.dep_ == "prep" and c.lower_ in ("in", "from", "at", "close", "near"):
                        for g in c.children:
                            if g.dep_ == "pobj":
                                place = entity_for_span(doc, index, g.idx, g.idx + len(g), g)
                                ent = capital_state(index, place) or place or ent
            source = ClaimSource(entity=ent, text=doc_text(doc)[ss:se], start=ss, end=se)
        return Claim(
            id="", start=s, end=e, text=doc_text(doc)[s:e], kind=raw.kind, cue=cue, source=source,  # type: ignore[arg-type]
            hedged=bool(raw.hedges), hedges=list(raw.hedges), confidence=raw.confidence,
        )

    def _sentence_claims(self, doc: Doc, raws: list[RawClaim]) -> list[Claim]:
        """Author claims for unattributed body sentences; editor claims for editorial zones."""
        covered = sorted((min(r.content[0], (r.cue or r.content)[0]), max(r.content[1], (r.cue or r.content)[1])) for r in raws if r.kind != "naming")
        starts = [cs for cs, _ in covered]
        reach = list(accumulate((ce for _, ce in covered), max))  # the furthest end so far
        out: list[Claim] = []
        arrays = token_arrays(doc)
        space, punct, idx, text, pos = arrays.is_space, arrays.is_punct, arrays.idx, arrays.text, arrays.pos
        for a, b in arrays.sents:
            toks = [i for i in range(a, b) if not space[i] and not punct[i]]
            if not toks:
                continue
            s, e = idx[toks[0]], idx[toks[-1]] + len(text[toks[-1]])
            zone = _zone_at(doc, s)
            if zone in _EDITOR_ZONES:
                out.append(Claim(id="", start=s, end=e, text=doc_text(doc)[s:e], kind="editor", source=ClaimSource(text="editor")))
                continue
            if not self.author_claims or zone not in _AUTHOR_ZONES or len(toks) < self.min_author_tokens:
                continue
            if not any(pos[i] in ("VERB", "AUX") for i in toks):
                continue
            k = bisect_left(starts, e)  # the covered spans that start before the sentence ends
            if k and reach[k - 1] > s:  # one of them ends inside or after it
                continue
            out.append(Claim(id="", start=s, end=e, text=doc_text(doc)[s:e], kind="author", source=ClaimSource(text="author")))
        return out


@Language.factory("fp_claims", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> ClaimsComponent:
    """Factory for ``fp_claims``."""
    return ClaimsComponent(settings)
