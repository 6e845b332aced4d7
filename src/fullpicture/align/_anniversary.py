"""A happening recalled by its anniversary or a commemoration takes no day from its sentence.

"Today marks the fourth anniversary of the strike on the Eastvale hall", "the commemoration of
the Eastvale massacre on Sunday", "третья годовщина трагедии в Иксвиле": the day its sentence
states ("today", "on Sunday", a date) is the anniversary's, and the happening in its complement
took place years before. Read as its own firm day, that day sets the happening apart from the
first reports (two events that hold days years apart never unite), and the anniversary piece
stays a row of its own. Such a mention keeps the day as its report's, not firm: the joins of later
retellings (``_retoldnamed``) may then take it to the happening's row.

A mention is recalled by an anniversary when an anniversary or commemoration word
(``data/align/anniversary.toml`` [anniversary], en/fr/ru/uk) ends at most
``incident_anniversary_chars`` characters before its trigger in its sentence, and no comma,
semicolon or break word ([breaks]: "and", "while") lies between them (the happening of a clause
of its own is told of its own day). :func:`ceremony_day`: a day a sentence with such a word
states within a day or so of its report's publication is the ceremony's (read by the named join,
``_retoldnamed``, for reports years on). Words only: both sides alike.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fullpicture._data import data_toml, language_words


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    table = data_toml("align", "anniversary.toml").get("anniversary", {})
    return {lang: re.compile(p, re.I) for lang, p in table.items()}


def recalled_by_anniversary(sentence: str, trigger: int, language: str | None, reach: int) -> bool:
    """Whether the mention whose trigger starts at offset ``trigger`` of ``sentence`` is told in
    the complement of an anniversary or commemoration word ending at most ``reach`` characters
    before it (module docstring). 0: never."""
    pat = _patterns().get(language or "en") if reach > 0 else None
    if pat is None or trigger <= 0:
        return False
    start = max(0, trigger - reach)
    breaks = language_words("align", "anniversary.toml", "breaks", language)
    for m in pat.finditer(sentence, start, trigger):
        between = sentence[m.end():trigger]
        if "," in between or ";" in between:
            continue
        if breaks & {w.strip(".'’\"“”«»()").lower() for w in between.split()}:
            continue
        return True
    return False


def anniversary_sentence(sentence: str) -> bool:
    """Whether ``sentence`` holds an anniversary or commemoration word of any language of
    [anniversary] ("the crew was honoured yesterday at an anniversary service")."""
    return any(p.search(sentence) for p in _patterns().values())


def ceremony_day(interval: tuple[int, int] | None, published: tuple[int, int] | None, sentence: str,
                 slack: int) -> bool:
    """Whether a stated day is its anniversary's: it lies within ``slack`` days of its report's
    publication and its sentence tells an anniversary or a commemoration ("the memorial held
    yesterday to remember the sailors who died in the blast"). The happening the ceremony
    recalls took place years before; the day is the ceremony's."""
    if interval is None or published is None or interval[1] - interval[0] > 1:
        return False
    return published[0] - slack <= interval[0] <= published[1] + slack and anniversary_sentence(sentence)
