"""Where a statement was made, or who made it, is no place of the happening it tells (issue 9).

Shapes restated in invented words after real multi-side coverage: a minister "speaking to
reporters in" a capital about a strike elsewhere, a ministry "of" a state (Russian genitive)
accusing the other side of a strike, and datelines written with a slash, a colon after the day, or a dash with no space after it.
"""

from __future__ import annotations

import pytest

from fullpicture import analyze_documents
from fullpicture.align._speakerplace import statement_place
from fullpicture.ingest import load_text
from fullpicture.nlp.events._args import dateline_spans
from tests.helpers import compare_texts, widest_row

DEPOT = "Jets strike depot in Aleppo\n\nJets hit a fuel depot in Aleppo on Monday, killing four workers, the governor said.\n"
BRIEFING = ("Minister speaks on depot strike\n\nSpeaking to reporters in Ankara on Monday, the minister said four "
            "workers were killed when jets hit a fuel depot.\n")


def _analysis(settings, text: str, published: str = "2024-03-05"):
    return next(iter(analyze_documents([load_text(text, source="t", published=published)], settings)))


def _place_of(a, trigger: str):
    ev = next(e for e in a.events if e.trigger.text == trigger)
    ent = next((x for x in a.entities if x.id == ev.place), None)
    return ev, ent


@pytest.mark.slow
def test_a_briefing_place_is_no_place_of_the_strike_it_tells(lexical):
    a = _analysis(lexical, BRIEFING)
    ev, place = _place_of(a, "killed")
    assert place is not None and place.name == "Ankara"  # the sentence's only place
    assert statement_place(a, ev, place)


@pytest.mark.slow
def test_a_place_inside_the_told_content_stays_the_place(lexical):
    a = _analysis(lexical, DEPOT)
    ev, place = _place_of(a, "hit")
    assert place is not None and place.name == "Aleppo"
    assert not statement_place(a, ev, place)


@pytest.mark.slow
def test_the_speakers_city_raises_no_place_conflict(lexical):
    row = widest_row(compare_texts(lexical, {"north": DEPOT, "south": BRIEFING}, "2024-03-05"))
    assert len({m.document for m in row.mentions}) == 2  # one row for the one strike
    assert not [c for c in row.conflicts if c.field == "place"], row.conflicts


@pytest.mark.slow
def test_a_ministry_of_a_state_is_no_place_of_the_strike(lexical):
    # "the defence ministry of Turkey called the strike on a depot in Aleppo a provocation"
    a = _analysis(lexical, "Минобороны Турции назвало удар по складу в Алеппо провокацией.\n")
    _, place = _place_of(a, "удар")
    assert place is not None and place.name == "Aleppo", place


@pytest.mark.parametrize(("text", "dateline"), [
    ("Northtown/Southtown, Feb 26 : Jets struck a camp on Tuesday.", "Northtown/Southtown, Feb 26"),
    ("Northtown, 4 March: Jets struck a camp on Tuesday.", "Northtown, 4 March"),
    ("NORTHTOWN, Eastland—An explosion hit a camp.", "NORTHTOWN, Eastland"),
    ("NORTHTOWN—An explosion hit a camp.", "NORTHTOWN"),
    ("NORTHTOWN, 10 Jun - An explosion hit a camp.", "NORTHTOWN, 10 Jun"),
])
def test_dateline_shapes(text, dateline):
    assert [text[a:b] for a, b in dateline_spans(text)] == [dateline]


@pytest.mark.parametrize("text", [
    "Eastland: jets strike a camp",  # a headline's topic, no day
    "Eastland—Westland talks resume",  # a headline's pair of states
    "Update: the toll rose to 12",
])
def test_no_dateline(text):
    assert dateline_spans(text) == []


def _feature_places(settings, a, trigger: str) -> frozenset[str]:
    from fullpicture.align._eventfeat import build_features
    from fullpicture.align._util import EntityIndex

    cfg = {**settings.section("align"), "speaker_place_no_event_place": True}
    feats, refs = build_features([a], EntityIndex([a]), cfg)
    return next(f.places for f, (_, ev) in zip(feats, refs, strict=True) if ev.trigger.text == trigger)


@pytest.mark.slow
def test_a_briefing_city_is_no_place_of_the_event_for_alignment(lexical):
    """With ``speaker_place_no_event_place`` (shipped off): the city a minister spoke in is not
    where the depot burned, so the report's row can meet the other side's row about the depot."""
    a = _analysis(lexical, BRIEFING)
    assert _place_of(a, "killed")[1] is not None
    assert _feature_places(lexical, a, "killed") == frozenset()


@pytest.mark.slow
def test_a_country_that_speaks_stays_the_place(lexical):
    """A minister "addressing reporters in Turkey" says four workers were killed: a country named
    only where the claim is made stays the event's (coarsest) place
    (``speaker_place_keep_countries``); dropping such places cost two corpora."""
    from fullpicture.align._eventfeat import _is_country

    a = _analysis(lexical, "Minister speaks\n\nAddressing reporters in Turkey on Monday, the minister said four "
                           "workers were killed when jets hit a fuel depot.\n")
    ev, place = _place_of(a, "killed")
    assert place is not None and _is_country(place)
    assert statement_place(a, ev, place)
    assert _feature_places(lexical, a, "killed")
