"""Words and sentences of a text no tagger reads: the limited pipeline's word lists.

A language of a family in ``data/lang/word_lists.toml`` has its events and casualty figures
read from word lists (``data/events/limited.<family>.toml``, ``data/figures/limited.<family>.toml``).
Words are found by their shape, lower-cased and written in one script ("Напад" and "napad"
are one word in Serbian), and keep their character offsets in the original text.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml

# letters (apostrophes inside: "s'ka"), or a number with its separators ("1.200", "3,5")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
_LONGEST = 24  # no start in the word lists is longer
# a sentence ends at . ! ? (Armenian ։) or a line break, before a space and a capital, digit or quote
_SENT_END = re.compile(r"[.!?…؟։]+[\"'”»)]*(?=\s+[\"'“«(]?[^\W_a-z])|\n+")


@dataclass(frozen=True)
class Word:
    """A word of the text: offsets in the original, and its folded form for look-ups."""

    start: int
    end: int
    text: str
    folded: str


@lru_cache(maxsize=1)
def _config() -> dict:
    return data_toml("lang", "word_lists.toml")


@lru_cache(maxsize=32)
def word_list_family(language: str | None) -> str | None:
    """The word-list family of ``language`` ("sr" -> "sh"), None when it has no word lists."""
    if not language:
        return None
    for family, langs in _config()["families"].items():
        if language in langs:
            return str(family)
    return None


@lru_cache(maxsize=32)
def figure_list_family(language: str | None) -> str | None:
    """The family whose figure word lists read ``language``: its word-list family, or its
    ``[figures_only]`` family (figures without happenings: "tr", "az", "hy"); None otherwise."""
    family = word_list_family(language)
    if family or not language:
        return family
    for fam, langs in _config().get("figures_only", {}).items():
        if language in langs:
            return str(fam)
    return None


def figures_only(family: str) -> bool:
    """Whether ``family`` has figure word lists but no happenings (``[figures_only]``)."""
    return family in _config().get("figures_only", {}) and family not in _config()["families"]


def month_first(family: str) -> bool:
    """Whether the family's dates may put the month before the day ("հուլիսի 14-ին")."""
    return family in _config().get("month_first", {}).get("families", [])


def month_names(family: str) -> dict[str, int]:
    """The family's month names (word starts, folded) and their numbers (``[months.<family>]``)."""
    return {str(k): int(v) for k, v in _config().get("months", {}).get(family, {}).items()}


def families() -> list[str]:
    """The word-list families (``data/lang/word_lists.toml``)."""
    return list(_config()["families"])


@lru_cache(maxsize=8)
def _table(family: str) -> dict[int, str]:
    return {ord(k): v for k, v in _config().get("transliterate", {}).get(family, {}).items()}


def fold(text: str, family: str) -> str:
    """Lower case, in the family's one script (Serbian Cyrillic -> Latin)."""
    return text.lower().translate(_table(family))


def words(text: str, family: str) -> list[Word]:
    """The words and numbers of ``text``, left to right."""
    return [Word(m.start(), m.end(), m.group(), fold(m.group(), family)) for m in _TOKEN.finditer(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` covering ``text`` (ends at . ! ? before a capital, and
    at line breaks: headlines and captions are sentences of their own)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            out.append((start, end))
        start = end
    if text[start:].strip():
        out.append((start, len(text)))
    return out


@dataclass(frozen=True)
class Reading:
    """A text's words, its sentence spans and the sentence of each word."""

    words: list[Word]
    spans: list[tuple[int, int]]
    sentence: list[int]  # sentence index of each word
    starts: list[int]  # start of each sentence

    def sentence_at(self, char: int) -> int:
        """Index of the sentence holding ``char``."""
        return max(0, bisect_right(self.starts, char) - 1)


@lru_cache(maxsize=2)
def read(text: str, family: str) -> Reading:
    """The words and sentences of ``text``, each word with its sentence. The events and the
    figures components read the same text one after the other: the last reading is kept (read
    only: callers must not change it)."""
    ws = words(text, family)
    spans = sentences(text)
    starts = [a for a, _ in spans]
    return Reading(ws, spans, [max(0, bisect_right(starts, w.start) - 1) for w in ws], starts)


def starts_with_any(word: str, starts: Mapping[str, object], max_ending: int, family: str = "") -> str | None:
    """The longest key of ``starts`` that ``word`` begins with, leaving at most ``max_ending``
    more letters (so a short start does not take long words of another meaning); in a family
    with clitics, then the word without its joined clitic ("والهجوم" -> "هجوم")."""
    found = _starts_with(word, starts, max_ending)
    if found is None and family:
        for clitic in _clitics(family):
            if word.startswith(clitic) and len(word) - len(clitic) >= 3:
                found = _starts_with(word[len(clitic):], starts, max_ending)
                if found is not None:
                    break
    return found


def without_clitic(word: str, family: str, known: Collection[str]) -> str:
    """``word`` without a joined clitic when only that form is in ``known`` (exact look-ups)."""
    if word in known:
        return word
    for clitic in _clitics(family):
        if word.startswith(clitic) and word[len(clitic):] in known:
            return word[len(clitic):]
    return word


@lru_cache(maxsize=8)
def _clitics(family: str) -> tuple[str, ...]:
    return tuple(sorted(_config().get("clitics", {}).get(family, ()), key=len, reverse=True))


def _starts_with(word: str, starts: Mapping[str, object], max_ending: int) -> str | None:
    for n in range(min(len(word), _LONGEST), 0, -1):
        key = word[:n]
        if key in starts and len(word) - n <= max_ending:
            return key
    return None


_DAY = re.compile(r"^\d{1,2}$")
_YEAR4 = re.compile(r"^(19|20)\d\d$")
_MONTH_GLUE = frozenset({"de", "del", "i"})


@lru_cache(maxsize=8)
def _month_words(family: str) -> tuple[dict[str, int], dict[tuple[str, str], int], int, dict[str, int], frozenset[str]]:
    """A family's one-word months, two-word months ("تشرين الثاني"), month ending, day words
    ("الفاتح": 1) and glue words (``data/lang/word_lists.toml``)."""
    cfg = _config()
    one: dict[str, int] = {}
    two: dict[tuple[str, str], int] = {}
    for key, month in cfg.get("months", {}).get(family, {}).items():
        parts = key.split()
        if len(parts) == 2:
            two[(parts[0], parts[1])] = int(month)
        else:
            one[key] = int(month)
    return (one, two, int(cfg.get("month_ending", {}).get(family, 5)),
            {k: int(v) for k, v in cfg.get("day_words", {}).get(family, {}).items()},
            _MONTH_GLUE | frozenset(cfg.get("month_glue", {}).get(family, ())))


def _month_at(ws: list[Word], k: int, family: str) -> tuple[int, int] | None:
    """``(month, end word)`` of a month name starting at word ``k``."""
    one, two, ending, _days, _glue = _month_words(family)
    if k >= len(ws):
        return None
    if k + 1 < len(ws):
        pair = (without_clitic(ws[k].folded, family, {a for a, _ in two}), ws[k + 1].folded)
        if pair in two:
            return two[pair], k + 2
    key = starts_with_any(ws[k].folded, one, ending, family)
    return (one[key], k + 1) if key is not None else None


def dates(ws: list[Word], family: str, published: dt.date | None) -> list[tuple[int, int, str]]:
    """``(first word, end word, ISO day)`` of each written date: a day number (or a word for it,
    ``[day_words]``: "الفاتح" is the first), a month name (``[months.<family>]``, one glue word
    such as "de" may stand between) and an optional year; without a year, the publication year
    (the year before for a month after the publication month). Digits are read as folded
    (Eastern Arabic digits are digits)."""
    one, two, _ending, day_words, glue = _month_words(family)
    if not one and not two:
        return []
    out = []
    for i, w in enumerate(ws):
        if _DAY.match(w.folded) and 1 <= int(w.folded) <= 31:
            day = int(w.folded)
        elif (word := without_clitic(w.folded, family, day_words)) in day_words:
            day = day_words[word]
        else:
            continue
        k = i + 1
        if k < len(ws) and ws[k].folded in glue:
            k += 1
        found = _month_at(ws, k, family)
        if found is None:
            continue
        (month, end), year = found, None
        j = end + 1 if end < len(ws) and ws[end].folded in glue else end
        if j < len(ws) and _YEAR4.match(ws[j].folded):
            year, end = int(ws[j].folded), j + 1
        if year is None and published is not None:
            year = published.year - (1 if month > published.month else 0)
        if year is None:
            continue
        try:
            out.append((i, end, dt.date(year, month, day).isoformat()))
        except ValueError:
            continue
    return out


def word_list_doc(doc: Any, figures: bool = False) -> tuple[str, str] | None:
    """``(family, text)`` of a parsed document whose language has word lists, else None; with
    ``figures``, also of one whose language has figure word lists only."""
    from fullpicture.nlp._doctext import doc_text

    language = getattr(doc._.fp_info, "language", None)
    family = figure_list_family(language) if figures else word_list_family(language)
    return None if family is None else (family, doc_text(doc))
