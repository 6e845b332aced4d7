"""``fp_claims``: placeholder component (filled by its layer's issue)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fullpicture.nlp import extensions  # noqa: F401


class _Component:
    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        doc._.fp_claims = []
        return doc


@Language.factory("fp_claims", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> _Component:
    """Factory for ``fp_claims``."""
    return _Component(settings)
