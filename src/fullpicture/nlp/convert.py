"""Turn an analysed ``Doc`` into the :class:`~fullpicture.models.Analysis` model."""

from __future__ import annotations

from spacy.tokens import Doc

from fullpicture.models import Analysis
from fullpicture.nlp._doctext import doc_text


def doc_to_analysis(doc: Doc) -> Analysis:
    """Copy the ``Doc._.fp_*`` layers into an Analysis (the JSON contract)."""
    info = doc._.fp_info
    anchor = doc._.fp_time_anchor
    if info is not None and anchor is not None:
        info = info.model_copy(update={"time_anchor": anchor})
    return Analysis(
        document=info,
        text=doc_text(doc),
        zones=list(doc._.fp_zones or []),
        entities=list(doc._.fp_entities or []),
        timexes=list(doc._.fp_timexes or []),
        events=list(doc._.fp_events or []),
        figures=list(doc._.fp_figures or []),
        claims=list(doc._.fp_claims or []),
        framing=list(doc._.fp_framing or []),
        framing_profile=doc._.fp_framing_profile,
    )
