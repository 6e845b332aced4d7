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


# Letters that only Ukrainian (і ї є ґ) or Serbian (ђ ј љ њ ћ џ) Cyrillic use, not Russian.
_UK = set("іїєґІЇЄҐ")
_SR = set("ђјљњћџЂЈЉЊЋЏ")


def _cyrillic(text: str) -> str | None:
    """ru/uk/sr from the letters of a mostly Cyrillic text (None when not Cyrillic)."""
    letters = [ch for ch in text if ch.isalpha()]
    cyr = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    if len(cyr) < max(8, 0.6 * len(letters)):
        return None
    chars = set(cyr)
    return "uk" if chars & _UK else "sr" if chars & _SR else "ru"


def detect_language(
    text: str, codes: tuple[str, ...] | None = None, sample: int = 1200,
    min_confidence: float = 0.8, short: int = 400,
) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure or too short.

    The detector runs in lingua's fast low-accuracy mode, which errs on short texts ("Kosovo
    declared independence in 2008." comes out Albanian). Since the language now chooses the
    analysis pipeline, a text shorter than ``short`` characters whose detected language has a
    confidence under ``min_confidence`` gets None (treated as English), except a Cyrillic text,
    which gets ru/uk/sr from its letters.
    """
    if len(text.strip()) < 3:
        return None
    det = _detector(tuple(codes or _DEFAULT))
    lang = det.detect_language_of(text[:sample])
    if len(text.strip()) >= short:
        return None if lang is None else str(lang.iso_code_639_1.name).lower()
    conf = det.compute_language_confidence(text[:sample], lang) if lang is not None else 0.0
    if lang is not None and conf >= min_confidence:
        return str(lang.iso_code_639_1.name).lower()
    return _cyrillic(text)
