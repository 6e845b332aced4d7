"""A capital or a country named where a statement about a happening is made is not the
happening's place (nlp/events/_speaker.py, ``[speaker_verbs]`` and ``[speaker_preps]`` of
``data/gazetteer/lexicon.toml``, ``speaker_seat_no_place`` of the events settings).

Shapes restated in invented words from real multi-side coverage: a headline of one side's outlet
said that "in <capital> they explained" the collapse of a house in a far town by a downed
missile, and another that "in <capital> they said" the other army had begun an offensive; the
capital became the place of the collapse and of the offensive, so those reports sat in rows of
their own, apart from every other report of the same happenings. Either side's capital reads
alike, in each of the three parsed languages; a town keeps its place (its own officials speak
where the happening was), and so does a capital named as the happening's place.
"""

from __future__ import annotations

import pytest

from tests._events_helpers import trigger_places as _places


@pytest.mark.parametrize(("text", "trigger", "place"), [
    ("В Москве объяснили обрушение части дома в Саратове упавшей ракетой.", "обрушение", "Saratov"),
    ("В Варшаве объяснили обрушение части дома в Саратове упавшей ракетой.", "обрушение", "Saratov"),
])
def test_the_speakers_capital_yields_to_the_happenings_town(text: str, trigger: str, place: str) -> None:
    assert _places(text, trigger) == [place]


@pytest.mark.parametrize(("text", "trigger"), [
    ("В Москве объяснили обрушение дома упавшей ракетой.", "обрушение"),
    ("В Варшаве заявили, что армия соседа начала наступление на южном направлении.", "наступление"),
    ("In Warsaw, the ministry explained the collapse of the tower by a downed missile.", "collapse"),
    ("In Warsaw, officials said the neighbouring army had launched an offensive.", "offensive"),
    ("À Varsovie, on a expliqué l'effondrement de la tour par un missile abattu.", "effondrement"),
])
def test_a_capital_where_it_was_said_is_no_place(text: str, trigger: str) -> None:
    assert _places(text, trigger) == [None]


@pytest.mark.parametrize(("text", "trigger", "place"), [
    ("В Москве обрушилась часть дома после удара ракеты.", "удара", "Moscow"),
    ("À Varsovie, une tour s'est effondrée après une frappe.", "frappe", "Warsaw"),
])
def test_a_capital_that_is_the_happenings_place_stays(text: str, trigger: str, place: str) -> None:
    assert _places(text, trigger) == [place]


def test_a_town_where_it_was_said_stays() -> None:
    assert _places("В Саратове объяснили обрушение дома упавшей ракетой.", "обрушение") == ["Saratov"]


def test_the_statement_keeps_its_own_place() -> None:
    text = "In Warsaw, the ministry denied the report about the strike."
    assert _places(text, "denied") == ["Warsaw"]
    assert _places(text, "strike") == [None]
