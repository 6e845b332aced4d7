"""``fp_figures``: quantities with their unit and what they count, linked to their claim.

Vague numbers follow ACLED's convention (``data/figures/vague.toml``); approximators
(``data/figures/approximators.toml``) turn a number into a bound or an approximation.
``event`` is filled later by ``fp_events``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fullpicture.models import Claim, Figure
from fullpicture.nlp._intervals import index_of, start_end
from fullpicture.nlp._shared import doc_text, pipeline_language
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.extensions import plain_token_extension, synced
from fullpicture.nlp.figures._data import figure_lexicon
from fullpicture.nlp.figures._extract import FigureExtractor
from fullpicture.nlp.zones import NON_STORY_ZONES, in_story

_ATTRIBUTED = ("direct", "indirect", "according_to", "unsourced")


def claim_for(claims: list[Claim], start: int, end: int) -> str | None:
    """The id of the narrowest claim whose span holds ``[start, end)`` (attributed first)."""
    best: tuple[int, int, str] | None = None
    for c in (claims[k] for k in index_of(claims, start_end).near(start, end)):
        if c.start <= start and end <= c.end and c.kind != "naming":
            rank = (0 if c.kind in _ATTRIBUTED else 1, c.end - c.start, c.id)
            if best is None or rank < best:
                best = rank
    return best[2] if best else None


def _off_story(doc: Doc) -> list[int]:
    """The character offsets of the tokens outside the story (:func:`in_story` false), read
    from the token offsets and the plain zone data without a ``Token`` per token."""
    if not plain_token_extension("fp_zone"):
        return [t.idx for t in doc if not in_story(t)]
    data: dict[Any, Any] = doc.user_data
    return [idx for idx in token_arrays(doc).idx if data.get(("._.", "fp_zone", idx, None)) in NON_STORY_ZONES]


class FiguresComponent:
    """Fills ``doc._.fp_figures``."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.extractor = FigureExtractor(figure_lexicon(pipeline_language(settings)))

    @synced
    def __call__(self, doc: Doc) -> Doc:
        """Extract the figures of one document."""
        skip: set[int] = set()
        for tx in doc._.fp_timexes or []:
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is not None:
                skip.update(t.idx for t in span)
        skip.update(_off_story(doc))  # no figures from notes, bios, footers
        claims = list(doc._.fp_claims or [])
        figures: list[Figure] = []
        for n, raw in enumerate(self.extractor(doc, skip), 1):
            figures.append(
                Figure(
                    id=f"f{n}", start=raw.start, end=raw.end, text=doc_text(doc)[raw.start : raw.end],
                    value=raw.value, low=raw.low, high=raw.high, unit=raw.unit, counts=raw.counts,
                    approximate=raw.approximate, vague=raw.vague, claim=claim_for(claims, raw.start, raw.end),
                )
            )
        doc._.fp_figures = figures
        return doc


@Language.factory("fp_figures", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> FiguresComponent:
    """Factory for ``fp_figures``."""
    return FiguresComponent(settings)
