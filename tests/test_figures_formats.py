"""Number formats of French and Russian news in fp_figures: decimal comma, thousands grouped by a
space, a no-break space or a narrow no-break space, and abbreviated multipliers ("тыс.")."""

from __future__ import annotations

import pytest

_CONTEXT = {
    "fr": "Les autorités locales ont publié un nouveau bilan dans la soirée, après une journée de combats. ",
    "ru": "Местные власти опубликовали новые данные вечером, после дня ожесточённых боёв. ",
}


def _figures(text: str, language: str = "en") -> list[tuple[str, float, str | None]]:
    from fullpicture import analyze

    a = analyze(_CONTEXT.get(language, "") + text)  # long enough for the language to be identified
    assert (a.document.language or "en") == language
    return [(f.text, f.value, f.counts) for f in a.figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Au moins 100 000 personnes ont fui la ville.", ("Au moins 100 000", 100000.0)),
        ("Environ 100\u202f000 personnes ont fui la ville.", ("Environ 100\u202f000", 100000.0)),
        ("Selon l'ONU, 2\u00a0500 soldats ont été tués.", ("2 500", 2500.0)),  # ingest makes U+00A0 a space
        ("Le coût de la reconstruction atteint 1,5 million d'euros.", ("1,5 million", 1500000.0)),
    ],
)
def test_french_number_formats(text, expected):
    got = _figures(text, "fr")
    assert [(t, v) for t, v, _ in got] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Из города эвакуированы 100 000 жителей.", ("100 000", 100000.0, "evacuated")),
        ("В результате удара погибли 100 тыс. человек.", ("100 тыс.", 100000.0, "killed")),
        ("Ущерб составил 1,5 млн долларов.", ("1,5 млн", 1500000.0, None)),
    ],
)
def test_russian_number_formats(text, expected):
    assert _figures(text, "ru") == [expected]


def test_english_comma_thousands_unchanged():
    got = _figures("At least 1,500 people were killed and 2.5 million displaced.")
    assert [(t, v) for t, v, _ in got] == [("At least 1,500", 1500.0), ("2.5 million", 2500000.0)]


def test_two_numbers_are_not_joined_across_a_year():
    # a four-digit year never opens a group: "En 2023, 15 ..." stays two numbers, the year dropped
    got = _figures("En 2023 15 soldats sont morts.", "fr")
    assert [v for _, v, _ in got] == [15.0]
