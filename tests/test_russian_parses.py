"""The per-process cache of pymorphy3's parses (nlp/lang/russian.py ``parses``) gives what the
analyser gives, for known words, guesses and non-words alike (issue 14: several layers read the
same words)."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3")

from fullpicture.nlp.lang.russian import _analyzer, parses  # noqa: E402


@pytest.mark.parametrize("word", ["дом", "домами", "Зеленоборск", "зеленоборского", "бежал", "42", "-", ""])
def test_cached_parses_equal_the_analyser(word: str) -> None:
    fresh = _analyzer().parse(word)
    assert list(parses(word)) == fresh
    assert parses(word) is parses(word)  # read once, then from the cache
