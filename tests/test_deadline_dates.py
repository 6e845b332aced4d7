"""A date right after "until / jusqu'au / до" ends a span or sets a deadline: it dates no act of
its sentence ("the sailors were arrested until 25 April": not the arrest's day) and no later
sentence inherits it (``[events] deadline_dates_apart``, ``[deadline]`` of
``data/events/background*.toml``). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text

_CASES = [
    ("en", "Border guards detained the crew of the Eastland tug on 2 March 2031. The sailors were arrested "
           "until 25 April 2031. A court extended their detention until July 2031.", ("arrested", "detention")),
    ("fr", "Des garde-frontières ont arrêté l'équipage du remorqueur Eastland le 2 mars 2031. Les marins ont "
           "été placés en détention jusqu'au 25 avril 2031. Un tribunal a prolongé leur détention jusqu'en "
           "juillet 2031. Des gardes ont frappé deux marins.", ("détention", "frappé")),
    ("ru", "Пограничники задержали экипаж буксира Истленд 2 марта 2031 года. Моряки арестованы до 25 апреля "
           "2031 года. Суд продлил их арест до июля 2031 года.", ("арестованы", "арест")),
]


@pytest.mark.parametrize(("language", "text", "held"), _CASES)
def test_a_deadline_dates_no_act(language, text, held) -> None:
    a = analyze_text(text, published="2031-03-05")
    dates = {e.trigger.text: e.date for e in a.events if e.trigger.text in held}
    assert set(dates) == set(held)
    assert all(d == "2031-03-02" for d in dates.values()), dates


def test_setting_off_lets_the_deadline_date_the_act() -> None:
    from fullpicture import analyze_document, load_settings
    from fullpicture.ingest import load_text
    from fullpicture.settings import Settings

    base = load_settings()
    settings = Settings(data={**base.data, "events": {**base.section("events"), "deadline_dates_apart": False}})
    a = analyze_document(load_text(_CASES[0][1], source="<test>", published="2031-03-05"), settings)
    told = {e.trigger.text: e.date for e in a.events}
    assert told["arrested"] == "2031-04-25"


@pytest.mark.parametrize(("text", "trigger", "date"), [
    # a negated verb: "not ... until" tells the day it happened
    ("Climbers were trapped on the Eastpeak ridge on 2 March 2031. They could not be rescued until 4 March 2031.",
     "rescued", "2031-03-04"),
    # a clause on the date tells a happening of that day
    ("The prisoner escaped from the Northgate jail on 2 March 2031. He was at large until 4 March 2031, when he "
     "was arrested at a farm.", "arrested", "2031-03-04"),
    # a verb that moves a happening to the date: the moved happening's day
    ("The judge heard the first witness on 2 March 2031, then postponed the testimony of the second until "
     "4 March 2031.", "testimony", "2031-03-04"),
])
def test_a_deadline_that_still_dates(text, trigger, date) -> None:
    a = analyze_text(text, published="2031-03-05")
    dates = {e.trigger.text: e.date for e in a.events}
    assert dates[trigger] == date, dates


@pytest.mark.parametrize(("text", "trigger"), [
    # a present perfect: the custody as it stands at the report, not the earlier seizure's day
    ("Border guards detained the crew of the Eastland tug on 2 March 2031. A criminal case was opened. "
     "The sailors have been arrested until 25 April 2031.", "arrested"),
    # a present passive: the same state
    ("Border guards detained the crew of the Eastland tug on 2 March 2031. The sailors are detained "
     "until 25 April 2031.", "detained"),
])
def test_a_present_state_held_to_a_deadline_takes_the_report_day(text, trigger) -> None:
    a = analyze_text(text, published="2031-03-09")
    dates = {e.trigger.text: (e.date, e.date_source) for e in a.events if e.trigger.start > 60}
    assert dates[trigger] == ("2031-03-09", "narrative"), dates
    first = [e for e in a.events if e.trigger.start < 60 and e.trigger.text == "detained"]
    assert first and first[0].date == "2031-03-02"
