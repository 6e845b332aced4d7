"""Reading a number token of a parsed Doc: its value (digit groups, decimal commas), and the
numbers that count nothing (a magnitude, a day of the month, a list item's number, a year)."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp.figures._data import FigureLexicon

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_YEARISH = re.compile(r"^(1[89]|20)\d\d$")


def _dep(tok: Token) -> str:
    """A token's relation without its UD subtype ("nummod:gov", "nsubj:pass", "obl:arg")."""
    return tok.dep_.split(":", 1)[0]


_DECIMAL_COMMA = re.compile(r"^\d+(?:,\d+)?$")


def _past_participle(tok: Token) -> bool:
    """A past participle in a language tagged with universal features ("12 soldats tués")."""
    return tok.morph.get("VerbForm", []) == ["Part"] and tok.morph.get("Tense", []) == ["Past"]


def _number_value(tok: Token, lex: FigureLexicon) -> float | None:
    low = tok.lower_
    if lex.decimal == ",":
        text = "".join(ch for ch in tok.text if ch not in lex.groups)  # "100\u202f000" as one token
        if _DECIMAL_COMMA.match(text) and (text == tok.text or re.match(r"^\d{1,3}(?:\D\d{3})+(?:,\d+)?$", tok.text)):
            return float(text.replace(",", "."))
    elif _DIGITS.match(tok.text):
        return float(tok.text.replace(",", ""))
    if low in lex.words and low != "a":
        return lex.words[low]
    return None


def _digit_groups(doc: Doc, j: int, value: float, groups: frozenset[str]) -> tuple[float, int]:
    """Extend a number over space-separated groups of three digits ("100 000", "2\u00a0500",
    "1\u202f250\u202f000"): one separator character between the groups, nothing else."""
    text = doc_text(doc)
    while True:
        k = j
        while k < len(doc) and doc[k].is_space:
            k += 1
        if k >= len(doc) or not (doc[k].text.isdigit() and len(doc[k].text) == 3):
            return value, j
        prev = doc[j - 1]
        gap = text[prev.idx + len(prev) : doc[k].idx]
        if len(gap) != 1 or gap not in groups:
            return value, j
        value, j = value * 1000 + int(doc[k].text), k + 1


def _lower_place(value: float, nxt: float) -> bool:
    """Whether number word ``nxt`` fills a lower place of ``value`` in a compound number
    (20 + 5, 100 + 20, 2000 + 200): ``value`` at least 20 and ``nxt`` below its lowest place."""
    if value < 20 or not value.is_integer() or nxt <= 0:
        return False
    place = 1
    while int(value) % (place * 10) == 0:
        place *= 10
    return nxt < place


_MAGNITUDE = {"magnitude", "richter"}


def _magnitude(doc: Doc, i: int, j: int) -> bool:
    """An earthquake magnitude: "magnitude 6.1", "magnitude-6.1", "6.1-magnitude", "6.1 magnitude",
    "measuring 7.6 on the Richter scale"."""
    before = [t.lower_ for t in doc[max(0, i - 3) : i] if t.text not in ("-", "of", "a")]
    after = [t.lower_ for t in doc[j : min(len(doc), j + 3)] if t.text != "-"]
    if (len(after) >= 2 and after[0] in ("and", "or", "to") and j + 1 < len(doc)
            and _DIGITS.match(doc[j + 1].text) and _magnitude(doc, j + 1, j + 2)):
        return True  # "7.6 and 7.5 magnitude quakes": both are magnitudes
    return bool((before and before[-1] in _MAGNITUDE) or (after and after[0] in _MAGNITUDE)
                or (after[:3] and "richter" in after[:3]))


def _one_of_the_most(doc: Doc, i: int, value: float, lex: FigureLexicon) -> bool:
    """"One of the deadliest strikes", "one of its worst days": an idiom, not a count of one
    ("one of the most senior officers was hurt" still counts an officer)."""
    if value != 1 or i + 3 >= len(doc) or doc[i + 1].lower_ != "of" or doc[i + 2].tag_ not in ("DT", "PRP$"):
        return False
    if not (doc[i + 3].tag_ in ("JJS", "RBS") or doc[i + 3].lower_ in ("most", "largest", "single")):
        return False
    noun = next((t for t in doc[i + 3 : i + 7] if t.pos_ in ("NOUN", "PROPN")), None)
    return noun is None or noun.lemma_.lower() not in lex.people_nouns


@lru_cache(maxsize=1)
def _month_names() -> frozenset[str]:
    """Month names and their short forms of the time layer's lexicons (en, fr, ru)."""
    from fullpicture._data import data_toml

    return frozenset(str(k).lower() for name in ("lexicon.toml", "fr.toml", "ru.toml")
                     for k in data_toml("time", name).get("months", {}))


def _day_of_month(doc: Doc, i: int, j: int) -> bool:
    """A day of the month between a month name and a year ("on March, 14, 2021", "Nov 9,
    2021"), which the parser did not tag as a date: no count."""
    if j != i + 1 or not doc[i].text.isdigit() or not 1 <= int(doc[i].text) <= 31:
        return False
    k = i - 1 if i > 0 and doc[i - 1].text == "," else i
    if k <= 0 or doc[k - 1].lower_.rstrip(".") not in _month_names():
        return False
    m = j + 1 if j < len(doc) and doc[j].text == "," else j
    return m < len(doc) and _YEARISH.match(doc[m].text) is not None


_CLOCK = re.compile(r"^(\d{1,2})[.:hH](\d{2})$")


def _clock_time(doc: Doc, i: int, lex: FigureLexicon) -> bool:
    """A clock time written as one token of hours and minutes ("04.17", "21:40", "4h17"): hours
    up to 24, minutes up to 59, and either a leading zero (no count is written "02") or a word of
    time right before it (numbers*.toml [clock] ``before``: "at", "à", "в"); no multiplier after it
    ("2.30 million"). No count."""
    m = _CLOCK.match(doc[i].text)
    if m is None or int(m.group(1)) > 24 or int(m.group(2)) > 59:
        return False
    if i + 1 < len(doc) and doc[i + 1].lower_ in lex.multipliers:
        return False  # "about 2.30 million": a decimal number
    return (len(m.group(1)) == 2 and m.group(1)[0] == "0") or (i > 0 and doc[i - 1].lower_ in lex.clock_before)


def _day_range_start(doc: Doc, i: int, j: int) -> bool:
    """The first day of a range of days whose second day a month name follows ("entre le 27 et le
    31 mars", "from 27 to 31 March", "с 27 по 31 марта"): joined by at most two short words, no
    count."""
    if j != i + 1 or not doc[i].text.isdigit() or not 1 <= int(doc[i].text) <= 31:
        return False
    for k in range(j, min(len(doc) - 1, j + 3)):
        t = doc[k]
        if t.text.isdigit():
            return 1 <= int(t.text) <= 31 and k > j and doc[k + 1].lower_.rstrip(".") in _month_names()
        if t.is_punct and t.text not in ("-", "\u2013", "\u2014") or len(t.text) > 4:
            return False
    return False


def _list_item_number(doc: Doc, i: int, j: int) -> bool:
    """The number of a numbered list item: digits alone at the start of a line (or of the
    text), closed by "." or ")" and followed by a space ("1. The army struck ...", "2) Кроме
    того ..."). A count at a line's start is followed by its noun or verb, not by a full stop."""
    if j != i + 1 or not doc[i].text.isdigit() or j >= len(doc) or doc[j].text not in (".", ")"):
        return False
    text = doc_text(doc)
    start, end = doc[i].idx, doc[j].idx + len(doc[j])
    line = text.rfind("\n", 0, start) + 1
    if text[line:start].strip() or doc[j].idx != start + len(doc[i]):
        return False
    return end < len(text) and text[end] in " \t\u00a0"


def _past_aside(doc: Doc, k: int, reach: int = 10) -> int | None:
    """The token after an aside between commas that opens at ``k`` (", including a baby,"): an
    aside with no verb of a clause of its own; None where ``k`` opens none."""
    if k >= len(doc) or doc[k].text != ",":
        return None
    for t in doc[k + 1 : min(len(doc), k + 1 + reach)]:
        if t.text == ",":
            return t.i + 1 if t.i > k + 1 else None
        if t.is_punct or t.like_num or (t.pos_ in ("VERB", "AUX") and _dep(t) not in ("prep", "amod", "acl")):
            return None
    return None
