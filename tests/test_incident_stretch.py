"""A stated stretch of days keys the mentions it dates (align/_stretch.py; session 41).

Shape restated in invented words from real multi-side coverage: an army's communiqué tells an
operation against fighters in a village "du 4 au 12 mai" (the time layer reads one day of it, the
last, and every mention after it inherits that day), while other reports date the same operation
to its first day ("between May 4 and 12": the time layer reads May 4). The two days kept the
reports in two big rows of one operation. Here a mention dated by the stretch is keyed by the
whole stretch. Guards: a lone date, a stretch running backwards or too long, a mention of
another date, a mention dated by its report, the rule off.
"""

from __future__ import annotations

import datetime as dt

import pytest

from fullpicture import load_settings
from fullpicture.align._stretch import stretch_of, stretches
from fullpicture.models import Analysis, DocumentInfo, Event, Timex, Trigger
from fullpicture.models.events import Evidence


def _day(s: str) -> int:
    return dt.date.fromisoformat(s).toordinal()


def _analysis(text: str, language: str, dates: list[tuple[str, str]],
              events: list[tuple[str, str, str]] = ()) -> Analysis:
    """``dates``: (words of the text, value); ``events``: (trigger, date, date source)."""
    timexes = [Timex(id=f"t{k}", start=text.index(w), end=text.index(w) + len(w), text=w, type="DATE",
                     value=v, anchor="explicit") for k, (w, v) in enumerate(dates)]
    evs = []
    for k, (w, date, source) in enumerate(events):
        at = text.index(w)
        start = text.rfind(". ", 0, at) + 2 if ". " in text[:at] else 0
        end = text.find(".", at) + 1
        evs.append(Event(id=f"e{k}", type="ASSAULT", trigger=Trigger(start=at, end=at + len(w), text=w),
                         date=date, date_source=source, evidence=Evidence(start=start, end=end)))
    return Analysis(document=DocumentInfo(id="d", source="d.txt", language=language, published="2030-05-20"),
                    text=text, timexes=timexes, events=evs)


@pytest.mark.parametrize(("language", "text", "dates", "first", "last"), [
    ("fr", "L'armée a mené du 4 au 12 mai 2030 une opération contre une base à Westvale.",
     [("12 mai 2030", "2030-05-12")], "2030-05-04", "2030-05-12"),
    ("en", "The army said it had killed the fighters between May 4 and 12 near Westvale.",
     [("May 4", "2030-05-04")], "2030-05-04", "2030-05-12"),
    ("en", "The operation ran from May 4 to May 12 around Westvale.",
     [("May 4", "2030-05-04"), ("May 12", "2030-05-12")], "2030-05-04", "2030-05-12"),
    ("ru", "Операция в Вествейле проходила с 4 по 12 мая 2030 года.",
     [("12 мая 2030 года", "2030-05-12")], "2030-05-04", "2030-05-12"),
    ("ru", "По данным миссии, 4-12 мая 2030 года в Вествейле были убиты десятки человек.",
     [("12 мая 2030 года", "2030-05-12")], "2030-05-04", "2030-05-12"),
    ("fr", "Selon la mission, les 4–12 mai 2030, des dizaines de personnes ont été tuées à Westvale.",
     [("12 mai 2030", "2030-05-12")], "2030-05-04", "2030-05-12"),
])
def test_a_stated_stretch_is_read_around_its_date(language: str, text: str, dates: list[tuple[str, str]],
                                                  first: str, last: str) -> None:
    a = _analysis(text, language, dates)
    found = stretches(a, 31)
    assert found, text
    assert set(found.values()) == {(_day(first), _day(last))}


@pytest.mark.parametrize(("language", "text", "dates"), [
    # a lone date
    ("en", "The army struck the base near Westvale on May 12.", [("May 12", "2030-05-12")]),
    # a count, not a day: "between 4 and 12 fighters"
    ("en", "Between 4 and 12 fighters were killed on May 12 near Westvale.", [("May 12", "2030-05-12")]),
    # running backwards
    ("fr", "L'armée a mené du 14 au 12 mai 2030 une opération.", [("12 mai 2030", "2030-05-12")]),
    # a score or a decimal before a dash is no first day
    ("fr", "Le match s'est fini sur 2,4-12 mai 2030 à Westvale.", [("12 mai 2030", "2030-05-12")]),
    # longer than the limit
    ("en", "The siege lasted from April 1 to June 30 in Westvale.",
     [("April 1", "2030-04-01"), ("June 30", "2030-06-30")]),
])
def test_no_stretch(language: str, text: str, dates: list[tuple[str, str]]) -> None:
    assert not stretches(_analysis(text, language, dates), 31)


def test_the_mentions_dated_by_the_stretch_take_it() -> None:
    text = ("L'armée a mené du 4 au 12 mai 2030 une opération à Westvale. Plusieurs combattants ont été tués. "
            "Le 15 mai 2030, un convoi a été attaqué près de Eastford.")
    a = _analysis(text, "fr", [("12 mai 2030", "2030-05-12"), ("15 mai 2030", "2030-05-15")],
                  [("opération", "2030-05-12", "sentence"), ("tués", "2030-05-12", "narrative"),
                   ("attaqué", "2030-05-15", "sentence"), ("convoi", "2030-05-20", "published")])
    found = stretches(a, 31)
    got = [stretch_of(a, ev, found) for ev in a.events]
    stretch = (_day("2030-05-04"), _day("2030-05-12"))
    assert got == [stretch, stretch, None, None]


def test_off() -> None:
    a = _analysis("L'armée a mené du 4 au 12 mai 2030 une opération.", "fr", [("12 mai 2030", "2030-05-12")])
    assert not stretches(a, 0)
    assert load_settings().section("align")["incident_stretch_max_days"] > 0
