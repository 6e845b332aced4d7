"""French and Russian "N years later" counts from the time the story last named (sentences
written for this test)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("language", "text", "expr", "value"), [
    ("ru", "В 1995 году страны подписали договор. Спустя два года он был расторгнут.", "Спустя два года", "1997"),
    ("fr", "En 1995, les deux pays ont signé un traité. Deux ans plus tard, il a été rompu.", "Deux ans plus tard", "1997"),
    ("ru", "Бои начались 3 мая. Спустя два дня стороны объявили перемирие.", "Спустя два дня", "2021-05-05"),
    ("ru", "Переговоры продолжатся через две недели.", "через две недели", "2021-W24"),
])
def test_later_counts_from_the_time_last_named(language, text, expr, value):
    """"Two years later" after a year counts from that year, as precisely as it is known, not
    from the story's current day; "через" (in) still counts from the story's day."""
    from fullpicture.nlp.time._calendar import parse_ref
    from fullpicture.nlp.time._intl import load_grammar, tag_intl

    g = load_grammar(language)
    timexes, _ = tag_intl(g, text, parse_ref("2021-06-01"))
    assert {t.text: t.value for t in timexes}[expr] == value
