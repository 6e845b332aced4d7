"""Every ``Doc._``, ``Span._`` and ``Token._`` extension fullpicture uses, declared once.

Components write here; :mod:`fullpicture.nlp.convert` turns a ``Doc`` into an
:class:`~fullpicture.models.Analysis`. Values are lists of the pydantic models
from :mod:`fullpicture.models`, so conversion is a copy.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

DOC_EXTENSIONS: dict[str, object] = {
    "fp_info": None,  # models.DocumentInfo of the source document
    "fp_zones": None,  # list[models.Zone], sorted by start
    "fp_entities": None,  # list[models.Entity]
    "fp_timexes": None,  # list[models.Timex]
    "fp_narrative": None,  # list[tuple[int, str]]: (char offset, reference date) set by fp_time
    "fp_time_anchor": None,  # models.TimeAnchor: the reference time fp_time used (published or inferred)
    "fp_claims": None,  # list[models.Claim]
    "fp_figures": None,  # list[models.Figure]
    "fp_events": None,  # list[models.Event]
    "fp_framing": None,  # list[models.FramingCue]
    "fp_framing_profile": None,  # models.FramingProfile
}

TOKEN_EXTENSIONS: dict[str, object] = {
    "fp_entity": None,  # entity id of the mention covering this token
    "fp_timex": None,  # timex id covering this token
    "fp_zone": None,  # zone kind of this token
}

SPAN_EXTENSIONS: dict[str, object] = {
    "fp_entity": None,  # entity id a span was linked to
}


def register_extensions() -> None:
    """Declare all extensions (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in TOKEN_EXTENSIONS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()
