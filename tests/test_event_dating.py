"""The date an event mention gets from its sentence: shapes found on real multi-side news,
restated in invented sentences (issue 9/11: dates of events on real text).

2031-03-07 is a Friday."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text

PUB = "2031-03-07"


def _ev(a, trigger):
    return next(e for e in a.events if e.trigger.text == trigger)


@pytest.mark.parametrize("text", [
    "The ministry said on Thursday that nine guards had been killed in the ambush.",
    "Nine guards were killed in the ambush, the ministry said on Thursday.",
    "The ministry claimed Thursday that nine guards were killed in the ambush.",
])
def test_a_reporting_clause_date_dates_the_report_not_the_event(text):
    """The day a ministry spoke is not the day of the ambush it tells: the mention keeps that
    day as an approximate date, never as a stated one."""
    a = analyze_text(text, published=PUB)
    for trig in ("killed", "ambush"):
        ev = _ev(a, trig)
        assert ev.date == "2031-03-06"
        assert ev.date_source == "narrative"


def test_the_reporting_verb_itself_keeps_its_stated_date():
    a = analyze_text("The ministry accused the rebels on Thursday of shelling the depot.", published=PUB)
    assert _ev(a, "accused").date_source == "sentence"


def test_a_date_in_the_events_own_clause_stays_stated():
    a = analyze_text("The ministry said that nine guards were killed on Wednesday.", published=PUB)
    ev = _ev(a, "killed")
    assert (ev.date, ev.date_source) == ("2031-03-05", "sentence")


@pytest.mark.parametrize("text", [
    "The Wednesday ambush that killed nine guards shocked the town.",
    "The ambush that took place on Wednesday shocked the town.",
])
def test_a_relative_clause_describing_the_event_noun_still_dates_it(text):
    a = analyze_text(text, published=PUB)
    assert _ev(a, "ambush").date == "2031-03-05"


def test_a_weekday_named_on_that_weekday_in_a_future_sentence_is_today():
    """Written on a Friday, "will discuss Friday's flooding" is about today, not next week."""
    a = analyze_text("The council will discuss Friday's flooding.", published=PUB)
    assert [t.value for t in a.timexes if t.text.startswith("Friday")] == ["2031-03-07"]


def test_next_weekday_still_looks_forward():
    a = analyze_text("The council will meet next Friday.", published=PUB)
    assert [t.value for t in a.timexes if "Friday" in t.text] == ["2031-03-14"]


@pytest.mark.parametrize("text", [
    "Raptor 2000 fighter jets dropped bombs on the camp.",
    "The raids were carried out by 12 raptor 2000 aircraft.",
])
def test_a_number_inside_a_model_name_is_no_year(text):
    a = analyze_text(text, published=PUB)
    assert not [t for t in a.timexes if t.value == "2000"]


@pytest.mark.parametrize("text", ["The 2000 election was close.", "Voters went to the polls in 2000.",
                                  "Fiscal 2000 results were weak."])
def test_a_year_stays_a_year(text):
    a = analyze_text(text, published=PUB)
    assert [t.value for t in a.timexes if "2000" in t.text] == ["2000"]


def test_a_photo_captions_date_sets_no_narrative_time():
    """A caption paragraph dated the day after the blast (the photo's day) must not re-date the
    story's following sentences."""
    text = ("Survivors recall the depot blast\n\n"
            "Burned trucks are seen near the depot, Sometown, March 6, 2031. (Jo Lens / Agency)\n\n"
            "At 7 p.m. on Wednesday, March 5, an explosion rocked the depot.\n\n"
            "Rescuers said the fire burned for hours.")
    a = analyze_text(text, published=PUB)
    assert _ev(a, "explosion").date.startswith("2031-03-05")
    assert _ev(a, "burned").date.startswith("2031-03-05")
    assert not [e for e in a.events if e.trigger.text == "Burned"]


def test_the_agent_of_a_passive_is_no_place():
    """"missiles supplied by Northland hit the school": Northland acted; it is not where."""
    a = analyze_text("Suddenly, rockets, guided weapons supplied by Kazakhstan to Mongolia, hit the school.",
                     published=PUB)
    ev = _ev(a, "hit")
    place = next((e for e in a.entities if e.id == ev.place), None)
    assert place is None or "Kazakhstan" not in place.name


def test_since_on_the_events_own_verb_dates_its_start():
    """"have fired shots since 3 March": the event runs from that day; "the deadliest ambush since
    the war began in 2029" is no ambush of 2029."""
    a = analyze_text("Since 3 March, the rebels have fired shells along the border.", published=PUB)
    assert _ev(a, "fired").date == "2031-03-03"
    b = analyze_text("It was the deadliest ambush since the war began in March 2029.", published=PUB)
    assert not _ev(b, "ambush").date.startswith("2029")


def test_a_relative_clause_on_the_events_subject_dates_it():
    """"A quake which hit the coast on Wednesday killed a child": the quake's day is the death's."""
    a = analyze_text("A strong quake which hit the coast on Wednesday killed a child.", published=PUB)
    assert _ev(a, "killed").date == "2031-03-05"


def test_a_sentence_frame_date_reaches_a_relative_clause_on_the_object():
    """"In 2004 a quake triggered a tsunami that killed thousands": the tsunami's dead are of 2004."""
    a = analyze_text("In 2004 a huge quake triggered a tsunami that killed thousands of people.", published=PUB)
    assert _ev(a, "killed").date == "2004"


def test_a_relative_clause_on_the_object_of_the_events_clause_dates_it():
    a = analyze_text("A huge quake triggered a tsunami that killed thousands of people in 2004.", published=PUB)
    assert _ev(a, "quake").date == "2004"


def test_a_background_date_does_not_move_the_narrative():
    """"the deadliest ambush since the war began in March 2029": the next sentence's dead are not
    of March 2029; nor does a date inside a relative clause about a recalled bombing re-date
    what follows."""
    a = analyze_text("It was the deadliest ambush since the war began in March 2029. Nine guards died.",
                     published=PUB)
    assert not _ev(a, "died").date.startswith("2029")
    b = analyze_text("Navy jets hit a depot of the militia that claimed a bombing on 2 March. "
                     "Nine guards died in the raid.", published=PUB)
    assert _ev(b, "died").date != "2031-03-02"


def test_walking_up_from_a_verb_that_is_not_above_the_date_ends():
    """A time expression governed by its own verb, under a reporting verb with no happening noun
    in between: the upward walk stops at the root (it once looped forever there, because spaCy
    makes a new Token object per access, so ``tok.head is tok`` is never true)."""
    from fullpicture import load_settings
    from fullpicture.nlp.events._dating import _dates_event_noun
    from fullpicture.nlp.pipeline import bare_pipeline

    doc = bare_pipeline(load_settings())("The minister said they left.")
    left = next(t for t in doc if t.text == "left")
    assert left.head.text == "said"
    assert _dates_event_noun(left, left) is False
