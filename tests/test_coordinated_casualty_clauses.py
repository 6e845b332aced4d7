"""Two casualty clauses joined by "et": each count is its own clause's (session 41, tolls).

Shape seen on real French coverage of an attack on a concert hall, restated in invented words,
numbers and places: "au moins N personnes ont perdu la vie et plus de M personnes ont été
blessées". The French parser hangs the second counted noun on the first clause (a conjunct of
"perdu" or of "vie"), so the injured count was read as a second death toll, and set against
another side's later death toll as a false conflict. The verb right after the noun (over its
auxiliaries) says what it counts; an adjective of state as the predicate ("sont mortes") counts
the dead. A count sharing one verb ("a tué 30 soldats et 12 civils") keeps that verb's count.
"""

from __future__ import annotations

import pytest

_LEAD = "Une explosion a frappé jeudi soir une salle des fêtes de Valmorin. "


def _counts(text: str) -> list[tuple[float | None, str | None]]:
    from fullpicture import analyze

    a = analyze(_LEAD + text)
    assert a.document.language == "fr"
    return [(f.value, f.counts) for f in a.figures if f.start >= len(_LEAD)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Au moins 30 personnes ont perdu la vie et plus de 120 personnes ont été blessées.",
     [(30.0, "killed"), (120.0, "injured")]),
    ("Dans la salle, où au moins 30 personnes ont perdu la vie et plus de 120 personnes ont été "
     "blessées, les secours sont restés toute la nuit.",
     [(30.0, "killed"), (120.0, "injured")]),
    ("Au moins 30 personnes sont mortes et plus de 120 personnes ont été blessées.",
     [(30.0, "killed"), (120.0, "injured")]),
    ("Trente personnes sont mortes et quarante ont été blessées.",
     [(30.0, "killed"), (40.0, "injured")]),
])
def test_each_clause_counts_its_own_casualties(text, expected):
    assert _counts(text) == expected


def test_a_count_sharing_one_verb_keeps_it():
    assert _counts("L'armée a tué 30 soldats et 12 civils dans la ville.") == [(30.0, "killed"), (12.0, "killed")]
