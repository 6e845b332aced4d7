"""``_needles``: a word test before a regular-expression search gives the search's own answers."""

from __future__ import annotations

import random
import re

from fullpicture._needles import NeedleFilter, needles
from fullpicture.ingest._cues import load_cues


def test_needles_of_simple_patterns():
    assert needles(re.compile(r"\bsign\s+up\s+for\b", re.I)) == {"sign"}
    assert needles(re.compile(r"^\W*(?:read|see)\s+more", re.I)) == {"more"}
    assert needles(re.compile(r"\b(?:privacy\s+policy|terms\s+of\s+use)\b", re.I)) == {"privacy", "terms"}
    assert needles(re.compile(r"(?:ab)?c|x", re.I)) == {"c", "x"}
    assert needles(re.compile(r"\d+|word", re.I)) is None  # one alternative needs no word
    assert needles(re.compile(r"(?i:abc)")) is None  # local flags: not worked out
    assert needles(re.compile(r"\u0130x", re.I)) is None  # "İ" matches "i" when case is ignored
    assert needles(re.compile("подпишитесь|click", re.I)) == {"click"}  # never in an ASCII text


def _check(pattern: re.Pattern[str], texts: list[str]) -> None:
    f = NeedleFilter(pattern)
    for t in texts:
        assert bool(f.search(t)) == bool(pattern.search(t)), t
        assert f.count(t) == sum(1 for _ in pattern.finditer(t)), t


def test_the_filter_answers_as_the_pattern():
    rx = re.compile(r"\bsubscribe\s+now\b|\bcookie\s+policy\b|©\s*\d{4}|все\s+права|\bkelvin\b", re.I | re.M)
    texts = ["", "Subscribe now!", "SUBSCRIBE   NOW", "ſubscribe now", "cookie policy", "Cookie “policy”",
             "© 2023 Agency", "Все права защищены", "ВСЕ ПРАВА", "\u212aelvin scale", "Kelvin", "plain text",
             "naïve “quotes” — subscribe now", "subscribe\nnow", "İ subscribe now"]
    _check(rx, texts)
    f = NeedleFilter(rx)
    assert not f.possible("plain text") and not f.possible("naïve “quotes” — no cue")  # not searched
    assert f.possible("ſubscribe now") and f.possible("\u212aelvin") and f.possible("все")  # searched in full


def test_random_texts_over_the_shipped_boilerplate_cues():
    rx = load_cues().boilerplate
    pieces = ["subscribe", " now", "sign up for our newsletter", "share this article", "click here", "cookies",
              "©", " 2024", "all rights reserved", "read more", "\n", " ", "ſ", "\u212a", "İ", "“", "—", "é", "и",
              "подпишитесь", "privacy policy", "Follow us", "photo: ", "x", "The", "."]
    rng = random.Random(0)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    _check(rx, texts)


def test_time_rules_skipped_by_their_words_find_the_same_matches(monkeypatch):
    """The time grammar scans a rule (and a trigger) only in a text holding one of its words:
    the matches are those of scanning every rule everywhere, non-ASCII texts included."""
    from fullpicture.nlp.time import _grammar as g

    def spans(text: str) -> list[tuple[int, int, int, str, tuple[int, int]]]:
        g._LAST = None
        return [(a, b, c, d.rule, d.match.span()) for a, b, c, d in g._matches(text)]

    pieces = ["last week", " on Monday", " the weekend", " 3 p.m.", " yesterday", " in the 1990s", " every year",
              " two days ago", " 12/05/2019", " 2019-05-12", " nineteen ninety", " weekly", " this morning",
              " Mondays", " now", " ſ", " \u212a", " İ", " “quoted”", " — ", " é", " вчера", ".", " The army said",
              " for hours", " the past decade", " next", " year-earlier", " months"]
    rng = random.Random(1)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(400)]
    with_filters = [spans(t) for t in texts]

    class Everywhere:  # a filter that never rules a text out
        needles = None

    rules, trigs = g._filters()
    monkeypatch.setattr(g, "_filters", lambda: (tuple(Everywhere() for _ in rules), dict.fromkeys(trigs, Everywhere())))
    assert [spans(t) for t in texts] == with_filters
    assert any(with_filters) and not all(with_filters)
