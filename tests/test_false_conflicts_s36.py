"""Values of two sides that do not contradict each other make no conflict (session 36).

Shapes restated in invented words after real multi-side coverage: a sea and a country named
for one seizure (places of different grain), and a count of one group of people set against a
count of another (no soldiers hurt, one reporter wounded).
"""

from __future__ import annotations

import pytest

from fullpicture.align._figurevalues import comparable, population
from tests.helpers import analyze_text, compare_texts, widest_row

SEA = ("Patrol boats seized in the Caspian Sea\n\nCoast guard ships seized three patrol boats in the "
       "Caspian Sea on Sunday, the coast guard said.\n")
LAND = ("Patrol boats seized\n\nCoast guard ships seized three patrol boats off Iran on Sunday, "
        "the coast guard said.\n")


@pytest.mark.slow
def test_a_sea_and_a_country_make_no_place_conflict(lexical):
    row = widest_row(compare_texts(lexical, {"north": SEA, "south": LAND}, "2024-03-05"))
    assert len({m.document for m in row.mentions}) == 2  # one row for the one seizure
    assert not [c for c in row.conflicts if c.field == "place"], row.conflicts


@pytest.mark.slow
def test_open_areas_off_compares_them_by_distance(lexical):
    row = widest_row(compare_texts(lexical, {"north": SEA, "south": LAND}, "2024-03-05",
                                   place_conflict_open_areas=False))
    assert [c for c in row.conflicts if c.field == "place"], row.conflicts


def _pops(text: str) -> dict[str, str]:
    a = analyze_text(text, published="2022-05-11")
    return {f.text: population(a, f) for f in a.figures}


def test_journalists_are_a_group_of_their_own() -> None:
    pops = _pops("Two journalists were wounded in the raid on Tuesday, the press union said.")
    assert pops["Two"] == "journalists"
    assert not comparable("journalists", "servicemen")  # "no soldiers were hurt" counts others
    assert comparable("journalists", "people")


def test_journalists_in_french_and_russian() -> None:
    assert _pops("Deux journalistes ont été blessés mardi lors du raid.").get("Deux") == "journalists"
    assert _pops("Во время рейда во вторник были ранены два журналиста.").get("два") == "journalists"


def _fig(side: str, low: float, date: str, *, bound: bool = False):
    from fullpicture.models import Figure
    from fullpicture.models.comparison import ConflictValue

    fig = Figure(id=f"{side}{low}{date}", start=0, end=1, text=str(int(low)), value=None if bound else low,
                 low=low, high=None if bound else low, counts="killed")
    return fig, ConflictValue(side=side, value=fig.text, document=f"{side}-{date}-{low}", date=date,
                              field="figure:killed")


def _clash(per_side, **cfg) -> bool:
    from fullpicture.align._figureclash import _clashes
    from tests.helpers import lexical_settings

    return bool(_clashes({"killed": per_side}, {**lexical_settings().section("align"), **cfg})[0])


def test_a_state_count_inside_a_toll_a_wire_relays_as_it_rose_is_no_dispute() -> None:
    """A wire gives 5 dead the first day, 14 the third and "at least 40" the fourth (one toll as it
    rose); the struck state's press gives 27 on the fourth morning: a stage, no rival count."""
    per_side = {"international": [_fig("international", 5, "2030-03-01"), _fig("international", 14, "2030-03-03"),
                                  _fig("international", 40, "2030-03-04", bound=True)],
                "ruritanian": [_fig("ruritanian", 27, "2030-03-04")]}
    assert not _clash(per_side)
    assert _clash(per_side, figure_rising_relays=False)


def test_a_wire_whose_values_fall_relays_rival_accounts() -> None:
    """A wire whose later day gives fewer dead than its earlier day relays two accounts, not one
    rising toll: a state's count between them still clashes with both."""
    per_side = {"international": [_fig("international", 40, "2030-03-01"), _fig("international", 10, "2030-03-02")],
                "ruritanian": [_fig("ruritanian", 24, "2030-03-02")]}
    assert _clash(per_side)



FLED_FROM = "Families flee city\n\nThousands of families fled from Aleppo on Monday, officials said.\n"
FLED_TO = "Families cross border\n\nThousands of families fled to Istanbul on Monday, the agency said.\n"


@pytest.mark.slow
def test_where_people_fled_from_and_to_make_no_place_conflict(lexical):
    """One side tells where the families fled from, another where they went: two points of one
    route, no dispute over where it happened."""
    row = widest_row(compare_texts(lexical, {"north": FLED_FROM, "south": FLED_TO}, "2024-03-05"))
    assert len({m.document for m in row.mentions}) == 2
    assert not [c for c in row.conflicts if c.field == "place"], row.conflicts
    # the shape before: flights read as places, and (session 41) towns of a state the text never
    # names still compared as resolved places
    old = widest_row(compare_texts(lexical, {"north": FLED_FROM, "south": FLED_TO}, "2024-03-05",
                                   conflict_place_types=["ASSAULT", "DISPLACE"],
                                   place_conflict_unplaced_abroad=False))
    assert [c for c in old.conflicts if c.field == "place"], old.conflicts
