"""Per-language pipelines: which spaCy pipeline analyses a document, and the notice for the rest.

English, French and Russian get a full analysis (``[pipeline.models]`` in settings). A
document in any other language goes through a *limited* pipeline: a multi-language
tokenizer, the zones, the names of places and the figures; it carries a notice saying that
entities, events and claims were not analysed, and the English pipeline never runs on it. A
language with word lists (``data/lang/word_lists.toml``) also gets its happenings and casualty
figures from them (:mod:`fullpicture.nlp.lang.words`), and a notice saying so.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

LIMITED = "xx"


def pipeline_language(language: str | None, models: Mapping[str, Any]) -> str:
    """The key of the pipeline for a document in ``language`` (ISO 639-1 or None).

    An unidentified language (None: too short or unsure) is treated as English, as before.
    """
    if not language:
        return "en"
    return language if language in models else LIMITED


def limited_notice(language: str | None) -> str:
    """The per-document notice for a language without a full pipeline."""
    from importlib import resources

    from fullpicture.nlp.lang.words import word_list_family

    family = word_list_family(language)
    if family and resources.files("fullpicture").joinpath("data", "claims", f"limited.{family}.toml").is_file():
        return (f"language {language}: places, happenings, casualty figures and attributed claims from word "
                "lists only; people and organisations not analysed")
    if family:
        return (f"language {language}: places, happenings and casualty figures from word lists only; "
                "people, organisations and claims not analysed")
    return f"language {language or '?'}: entities, events and claims not analysed"


def script_of(text: str) -> str:
    """The writing system of a name, from its first letter ("LATIN", "CYRILLIC", ...; "" with
    no letter): "Xankəndi" and "Khankendi" share one, "Ханкенди" has another."""
    ch = next((c for c in text if c.isalpha()), "")
    return unicodedata.name(ch, "").split(" ")[0] if ch else ""

