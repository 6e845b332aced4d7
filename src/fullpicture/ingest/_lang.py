"""Offline language identification with lingua, the detector built once per process.

lingua's verdict is refined with data (``data/lang/langid.toml``): Serbian in Latin letters
(lingua's Serbian model is Cyrillic only) is told from Croatian and Bosnian by its ekavian
and Serbian-only words; a Cyrillic text by the letters only one language uses; a Latin-script
text by its function words when they belong to another language than lingua's verdict (a short
English line dense with Balkan or Turkic names).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_DEFAULT = ("en", "ru", "uk", "fr", "de", "es", "it", "pt", "ar", "tr", "fa", "he", "hy", "az", "ka", "sr", "bs", "hr", "sq", "pl", "zh", "ja", "bg", "mk", "be", "sl")

_WORD = re.compile(r"[^\W\d_]+")
_WHOLE_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")  # not the "u" of "\u0418" or "x2"


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = []
    for c in codes:
        iso = getattr(IsoCode639_1, c.upper(), None)
        if iso is not None:
            isos.append(iso)
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).with_low_accuracy_mode().build()


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    from fullpicture._data import data_toml

    return data_toml("lang", "langid.toml")


def _cyrillic(text: str) -> str | None:
    """ru/uk/sr/... from the letters of a mostly Cyrillic text (None when not Cyrillic): a
    text with letters only one other language uses is that language, else Russian."""
    letters = [ch for ch in text if ch.isalpha()]
    cyr = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    if len(cyr) < max(8, 0.6 * len(letters)):
        return None
    chars = set(cyr)
    for lang, own in _data()["cyrillic"].items():  # in file order: be, mk before uk, sr
        if chars & set(own):
            return str(lang)
    return "ru"


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in letters) >= 0.8 * len(letters)


def _markers(words: list[str], entries: list[str]) -> int:
    whole = {e for e in entries if len(e) <= 4}
    starts = tuple(e for e in entries if len(e) > 4)
    return sum(w in whole or w.startswith(starts) for w in words)


def refine_hbs(text: str, lang: str) -> str:
    """Serbian, Croatian or Bosnian: a Latin-script text of this family that uses more
    Serbian (ekavian, Serbian-only) word forms than Croatian/Bosnian ones is Serbian; lingua
    cannot say it (its Serbian model is Cyrillic only)."""
    hbs = _data()["hbs"]
    if lang not in hbs["family"] or not _mostly_latin(text):
        return lang
    words = [w.lower() for w in _WORD.findall(text)]
    sr, other = _markers(words, hbs["serbian"]), _markers(words, hbs["other"])
    return "sr" if sr > other else ("hr" if lang == "sr" else lang)


@lru_cache(maxsize=1)
def _function_words() -> tuple[dict[str, dict[str, float]], float, float, dict[str, int]]:
    """word -> {language: weight (1/number of languages listing it)}, min score, ratio, and
    each language's family number (``[function_words]`` of ``langid.toml``)."""
    cfg = _data()["function_words"]
    langs: dict[str, set[str]] = {}
    for lang, words in cfg["words"].items():
        for w in words:
            langs.setdefault(str(w), set()).add(str(lang))
    table = {w: {lang: 1.0 / len(ls) for lang in ls} for w, ls in langs.items()}
    family = {str(lang): n for n, fam in enumerate(cfg.get("families", [])) for lang in fam}
    return table, float(cfg["min_score"]), float(cfg["ratio"]), family


def _function_word_scores(text: str) -> dict[str, float]:
    """Each language's function-word score in ``text`` (see :func:`function_word_language`)."""
    table = _function_words()[0]
    scores: dict[str, float] = {}
    for w in _WHOLE_WORD.findall(text):
        if len(w) > 1 and w.isupper():
            continue  # "ET" (Eastern Time), "AM": abbreviations, not words
        for cand, weight in table.get(w.lower(), {}).items():
            scores[cand] = scores.get(cand, 0.0) + weight
    return scores


def plainly_english(head: str, codes: tuple[str, ...]) -> bool:
    """Whether :func:`function_word_language` turns *any* verdict of lingua on ``head`` (a long
    text's sample) into English: a mostly Latin-script text whose English function words score
    at least ``min_score`` and ``ratio`` times every other language's. lingua's verdict then
    decides nothing (English stays English; any other language, refined or not, is overturned),
    so :func:`detect_language` need not ask it: the same answer without lingua's models (loaded
    on first use) and its n-gram scoring. (lingua answers None on a long text only when its two
    best languages score exactly alike; not the case for a text with English function words.)"""
    if "en" not in codes or not _mostly_latin(head):
        return False
    _, min_score, ratio, family = _function_words()
    if "en" in family:
        return False
    scores = _function_word_scores(head)
    en = scores.get("en", 0.0)
    return en >= min_score and all(en >= ratio * v for c, v in scores.items() if c != "en")


def function_word_language(text: str, lang: str | None, codes: tuple[str, ...]) -> str | None:
    """The language whose function words a Latin-script text uses, when they clearly point
    away from ``lang`` (lingua's verdict, led by the letters of names: "Officers were deployed
    to Banjskë and Zvečan" is no Croatian). Otherwise ``lang``. Only a candidate of ``codes``
    outside ``lang``'s family wins (Serbian/Croatian/Bosnian, Turkish/Azerbaijani are told
    apart elsewhere); an unsure verdict (None, read as English) is kept."""
    if lang is None or not _mostly_latin(text):
        return lang
    _, min_score, ratio, family = _function_words()
    scores = _function_word_scores(text)
    best = max((c for c in scores if c in codes), key=lambda c: scores[c], default=None)
    if best is None or best == lang or (lang in family and family.get(best) == family[lang]):
        return lang
    if scores[best] >= min_score and scores[best] >= ratio * scores.get(lang, 0.0):
        return best
    return lang


def detect_language(
    text: str, codes: tuple[str, ...] | None = None, sample: int = 1200,
    min_confidence: float = 0.8, short: int = 400,
) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure or too short.

    The detector runs in lingua's fast low-accuracy mode, which errs on short texts ("Kosovo
    declared independence in 2008." comes out Albanian). Since the language now chooses the
    analysis pipeline, a text shorter than ``short`` characters whose detected language has a
    confidence under ``min_confidence`` gets None (treated as English) when English is
    plausible (``[short] english_min_confidence`` in ``data/lang/langid.toml``); when it is
    not, the doubt is between other languages and the top one is kept. A Cyrillic text gets
    its language from its letters when unsure; Serbian in Latin letters, see :func:`refine_hbs`;
    a Latin-script verdict its function words contradict, see :func:`function_word_language`.
    A long text that is :func:`plainly_english` is English without asking lingua (the same
    answer: see there).
    """
    if len(text.strip()) < 3:
        return None
    codes = tuple(codes or _DEFAULT)
    if len(text.strip()) >= short and plainly_english(text[:sample], codes):
        return "en"  # what lingua's verdict would have become (see plainly_english)
    return lingua_language(text, codes, sample, min_confidence, short)


def lingua_language(text: str, codes: tuple[str, ...], sample: int = 1200, min_confidence: float = 0.8,
                    short: int = 400) -> str | None:
    """:func:`detect_language` through lingua always, without the English fast path (what
    ``bench/langid_identity.py`` compares it with)."""
    if len(text.strip()) < 3:
        return None
    lang = _detect(text, codes, sample, min_confidence, short)
    if lang in ("sr", "mk", "bg", "uk") and "ru" in codes and russian_letters(text[:sample]):
        return "ru"
    return function_word_language(text[:sample], lang, codes)


def russian_letters(text: str) -> bool:
    """A mostly Cyrillic text with none of the letters only Belarusian, Macedonian, Ukrainian
    or Serbian write, and with letters only Russian (and Belarusian) write (ы, э): Russian,
    though lingua, led by Serbian or Ukrainian names, says otherwise."""
    return _cyrillic(text) == "ru" and bool(set(text) & set(_data()["russian_only"]["letters"]))


def _detect(text: str, codes: tuple[str, ...], sample: int, min_confidence: float, short: int) -> str | None:
    det = _detector(codes)
    head = text[:sample]
    lang = det.detect_language_of(head)
    if lang is None:
        return _cyrillic(text) if len(text.strip()) < short else None
    code = str(lang.iso_code_639_1.name).lower()
    if len(text.strip()) >= short:
        return refine_hbs(head, code)
    values = {str(v.language.iso_code_639_1.name).lower(): v.value for v in det.compute_language_confidence_values(head)}
    if values.get(code, 0.0) >= min_confidence:
        return refine_hbs(head, code)
    cyr = _cyrillic(text)
    if cyr is not None:
        return cyr
    if code != "en" and values.get("en", 0.0) < float(_data()["short"]["english_min_confidence"]):
        return refine_hbs(head, code)
    return None
