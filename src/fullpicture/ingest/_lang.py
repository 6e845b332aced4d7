"""Offline language identification with lingua, the detector built once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_DEFAULT = ("en", "ru", "uk", "fr", "de", "es", "it", "pt", "ar", "tr", "fa", "he", "hy", "az", "ka", "sr", "bs", "hr", "sq", "pl", "zh", "ja")


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = []
    for c in codes:
        iso = getattr(IsoCode639_1, c.upper(), None)
        if iso is not None:
            isos.append(iso)
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).with_low_accuracy_mode().build()


def detect_language(text: str, codes: tuple[str, ...] | None = None, sample: int = 1200) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure or too short."""
    if len(text.strip()) < 3:
        return None
    lang = _detector(tuple(codes or _DEFAULT)).detect_language_of(text[:sample])
    return None if lang is None else str(lang.iso_code_639_1.name).lower()
