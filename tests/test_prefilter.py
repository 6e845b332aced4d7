"""The first-character guard on regular expressions changes speed only, never matches."""

from __future__ import annotations

import re

import pytest

from fullpicture.nlp._prefilter import first_class, guarded
from fullpicture.nlp.time._grammar import _rules, triggers
from fullpicture.nlp.time._lexicon import load_lexicon

TEXTS = [
    "On Monday, March 3, 2024, about 40 people fled; two weeks ago the army said 12:30 p.m. EST.",
    "Early last week, the third quarter of fiscal 2019 and the 1990s: every other day, twice a year.",
    "İstanbul, ſeptember, KELVIN \u212a, ıt was the weekend; the 21st century, Thanksgiving Day.",
    "nothing here at all, only words and 5/12/24 and 2024-05-12T10:30, or nineteen eighty-four.",
    "",
]


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


@pytest.mark.parametrize("pattern", [
    r"\b(?:january|june|july)\b", r"(?:the\s+)?(?P<d>\d+)(?:st|nd)?", r"(?<!\w)'(?P<y>\d0)s",
    r"\b(?:(?P<mod>about|around)\s+)?(?P<q>\d+)[\s-]+(?P<u>days?|weeks?)", r"[^a-z]+x", r"(a|)b?",
    r"(?P<x>a)(?P=x)", r"(?i:ab)c", r"x*", r"\bweek(?:end)?\b|\bday\b",
])
def test_guarded_matches_like_the_pattern(pattern: str) -> None:
    for flags in (0, re.IGNORECASE):
        plain, fast = re.compile(pattern, flags), guarded(pattern, flags)
        for text in TEXTS:
            assert _matches(fast, text) == _matches(plain, text)
            assert fast.groupindex == plain.groupindex


def test_first_class_only_where_it_is_safe() -> None:
    assert first_class(r"\b(?:may|june)", re.IGNORECASE) == "[mj]"
    assert first_class(r"(?:the\s+)?\d", 0) == r"[t\d]"
    assert first_class(r"x*") is None  # can match the empty string
    assert first_class(r"(a)\1") == "[a]"
    assert first_class(r"\1?(a)") is None  # a back-reference first
    assert first_class(r".b") is None
    assert first_class(r"[^a]b") is None


def test_every_time_rule_and_trigger_matches_as_before() -> None:
    rules = _rules(load_lexicon())
    for _name, rx in rules:
        plain, fast = re.compile(rx, re.IGNORECASE), guarded(rx, re.IGNORECASE)
        for text in TEXTS:
            assert _matches(fast, text) == _matches(plain, text)
    for trig in triggers().values():
        plain = re.compile(trig.pattern.split(")(?:", 1)[1][:-1] if trig.pattern.startswith("(?=") else trig.pattern,
                           re.IGNORECASE)
        for text in TEXTS:
            assert [m.span() for m in trig.finditer(text)] == [m.span() for m in plain.finditer(text)]
