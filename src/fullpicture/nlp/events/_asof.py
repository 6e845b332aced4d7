"""A date that dates a count, not the act it counts: "as of 9 March, 4,200 had fled".

"As of / as at <day>", "à la date du <day>", "selon un bilan arrêté au <day>", "по состоянию на
<day>", "станом на <day>" tell how many had fled or died by that day: the count's day. Read as the
day of the act it counts, it moved a flight or a shelling told over weeks to the day of each
report's count. Such a date dates no act of its sentence and is no time of the story the next
sentences inherit (:mod:`fullpicture.nlp.events._dating`, :mod:`fullpicture.nlp.events._trail`,
the limited pipeline's :mod:`fullpicture.nlp.events.limited`). The words are language data:
``[as_of]`` of ``data/events/background*.toml`` and ``data/events/limited.<family>.toml``:
``words`` always date a count; ``count_words`` ("by", "au", "на") do so only in a sentence that
holds a figure, before a date written with a number, with no number just before the word ("du 2
au 9 mars" is a span) and none of ``not_after`` right before it ("в ночь на 9 марта" is a night).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from fullpicture._data import data_toml, data_toml_lang
from fullpicture.nlp._doctext import doc_text


@dataclass(frozen=True)
class AsofWords:
    """The words before a date that make it a count's day (module docstring)."""

    words: re.Pattern[str] | None
    counts: re.Pattern[str] | None
    not_after: frozenset[str]


def _ending(words: list[str]) -> re.Pattern[str] | None:
    alt = sorted((str(w).lower() for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, alt)) + r")\s*$") if alt else None


@lru_cache(maxsize=16)
def asof_words(source: str) -> AsofWords:
    """``[as_of]`` of ``data/events/background*.toml`` for a language code, or of
    ``data/events/<source>.toml`` for a name with a dot ("limited.uk")."""
    if "." in source:
        data = data_toml("events", f"{source}.toml").get("as_of", {})
    else:
        data = data_toml_lang("events", "background.toml", source or "en").get("as_of", {})
    return AsofWords(_ending(data.get("words", [])), _ending(data.get("count_words", [])),
                     frozenset(str(w).lower() for w in data.get("not_after", [])))


_LAST_WORD = re.compile(r"(\w+)\W*$")


def said_as_of(text: str, at: int, floor: int, spec: AsofWords) -> bool:
    """Whether one of ``spec``'s ``words`` ("as of", "по состоянию на") ends right before the date
    written at character ``at``, in the 40 characters before it and not before ``floor``."""
    return spec.words is not None and spec.words.search(_left(text, at, floor)) is not None


def _left(text: str, at: int, floor: int) -> str:
    return text[max(0, floor, at - 40) : at].lower().replace("’", "'")


def counts_day(text: str, at: int, sent: tuple[int, int], figures: list[int], spec: AsofWords) -> bool:
    """Whether the date written at character ``at`` dates a count: it follows one of ``spec``'s
    ``words``, or one of its ``count_words`` in a sentence (``sent``, a character span) holding a
    figure (``figures``: their start characters), with no number of the sentence just before the
    word and none of its ``not_after`` words right before it."""
    left = _left(text, at, sent[0])
    if spec.words is not None and spec.words.search(left):
        return True
    m = spec.counts.search(left) if spec.counts is not None else None
    if m is None or any(ch.isdigit() for ch in left[max(0, m.start() - 8) : m.start()]):
        return False
    before = _LAST_WORD.search(left[: m.start()])
    if before is not None and before.group(1) in spec.not_after:
        return False
    return any(sent[0] <= f < sent[1] for f in figures)


def asof_date(doc: Doc, i: int) -> bool:
    """Whether the date whose first token is ``i`` dates a count (:func:`counts_day`, with the
    sentence's figures of ``fp_figures``); after a count word, only a date written with a number
    in its first two words ("by Friday" stays the act's)."""
    spec = asof_words(doc.lang_ or "en")
    if spec.words is None and spec.counts is None:
        return False
    tok = doc[i]
    sent = tok.sent
    figures = [f.start for f in doc._.fp_figures or []]
    text = doc_text(doc)  # (spaCy's doc.text joins every token anew on each read)
    if said_as_of(text, tok.idx, 0, spec):
        return True
    written = doc[i : i + 2] if i + 1 < len(doc) and not doc[i + 1].is_punct else doc[i : i + 1]
    if not any(ch.isdigit() for t in written for ch in t.text):
        return False  # "by Friday": no written day
    return counts_day(text, tok.idx, (sent.start_char, sent.end_char), figures, spec)
