"""Event words that name one kind of act (``data/events/equivalents.toml``): the class of a
mention's trigger, so that "bought", "the takeover" and "the merger" of two reports can match."""

from __future__ import annotations

import re
from functools import lru_cache

from fullpicture._data import data_toml

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _classes() -> tuple[int, dict[str, tuple[tuple[str, tuple[str, ...]], ...]]]:
    """``(window, language -> ((class, entry words), ...))``."""
    data = data_toml("events", "equivalents.toml")
    window = int(data.get("match", {}).get("window", 3))
    by_lang: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for name, langs in data.get("classes", {}).items():
        for lang, entries in langs.items():
            for entry in entries:
                by_lang.setdefault(lang, []).append((name, tuple(entry.lower().replace("’", "'").split())))
    return window, {lang: tuple(v) for lang, v in by_lang.items()}


def _subsequence(part: tuple[str, ...], words: list[str]) -> bool:
    it = iter(words)
    return all(w in it for w in part)


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def word_class(lemma: str, trigger: str, before: str = "", after: str = "", language: str = "en") -> str:
    """The equivalence class of a trigger ('' when none): its lemma or text is an entry, or one
    word of a phrase entry whose other words stand in ``before`` / ``after`` (the text just
    before and after the trigger), in order, at most ``window`` words away."""
    window, by_lang = _classes()
    entries = by_lang.get(language or "en", ())
    if not entries:
        return ""
    heads = {lemma.lower().replace("_", " "), trigger.lower().replace("’", "'")}
    b: list[str] | None = None
    a: list[str] | None = None
    for name, entry in entries:
        if " ".join(entry) in heads:
            return name
        for k, w in enumerate(entry):
            if w not in heads or len(entry) == 1:
                continue
            if b is None:
                b, a = _words(before)[-window:], _words(after)[:window]
            assert a is not None
            if _subsequence(entry[:k], b) and _subsequence(entry[k + 1 :], a):
                return name
    return ""
