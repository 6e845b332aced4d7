"""A happening recalled by the time elapsed since it ("One year has passed since the attack")
is dated that long before the report, not on the report's day (sentences written for this test:
anniversary pieces that restate a strike of years before)."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


@pytest.mark.parametrize(("text", "trigger", "date"), [
    ("One year has passed since the Northland army launched a missile attack on Westfield.", "attack", "2020-10-11"),
    ("Two years pass since Northland's missile attack on Westfield", "attack", "2019-10-11"),
    ("It has been six months since the strike on the Westfield depot.", "strike", "2021-04-11"),
    ("Aujourd'hui, quatre ans se sont écoulés depuis la frappe de missile sur la ville de Westfield.", "frappe", "2017-10-11"),
    ("Прошло два года с момента ракетного удара по Вестфилду.", "удара", "2019-10-11"),
])
def test_elapsed_time_dates_the_recalled_happening(text: str, trigger: str, date: str) -> None:
    a = analyze_text(text, published="2021-10-11")
    dated = {e.trigger.text: (e.date, e.date_source) for e in a.events}
    assert dated[trigger] == (date, "sentence")


def test_a_happening_before_the_phrase_keeps_the_report_day() -> None:
    text = "Northland shelled Westfield on Monday, when two years had passed since the attack on the depot."
    a = analyze_text(text, published="2021-10-13")
    dated = {e.trigger.text: e.date for e in a.events}
    assert dated["shelled"] == "2021-10-11"
    assert dated["attack"] == "2019-10-13"


def test_month_end_and_leap_day() -> None:
    import datetime as dt

    from fullpicture.nlp.events._elapsed import _back

    assert _back(dt.date(2021, 3, 31), 1, "month") == dt.date(2021, 2, 28)
    assert _back(dt.date(2021, 2, 28), 1, "year") == dt.date(2020, 2, 28)
    assert _back(dt.date(2024, 2, 29), 1, "year") == dt.date(2023, 2, 28)
    assert _back(dt.date(2021, 1, 10), 2, "week") == dt.date(2020, 12, 27)


def test_off_by_setting() -> None:
    from fullpicture import analyze, load_settings
    from fullpicture.ingest import load_text
    from fullpicture.settings import Settings

    base = load_settings()
    off = Settings(data={**base.data, "events": {**base.section("events"), "elapsed_since": False}})
    doc = load_text("One year has passed since the missile attack on Westfield.", source="x.txt",
                    published="2021-10-11")
    a = analyze(doc, settings=off)
    assert [e.date for e in a.events if e.trigger.text == "attack"] == ["2021-10-11"]
