"""A date right after "as of / à la date du / по состоянию на / станом на" dates a count, not the
act it counts: it dates no act of its sentence ("As of 9 May 2031, 4,100 people had fled": the
flight keeps the story's day) and no later sentence inherits it (``[events] asof_dates_apart``,
``[as_of]`` of ``data/events/background*.toml`` and ``limited.uk.toml``, nlp/events/_asof.py).
"by / au / на / к" do so only beside a figure, before a written day, not in a span or a night.
Sentences, places and numbers invented for this test."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text

# a story day (4 May 2031), then a count told as of a later day (9 May 2031); report of 11 May
_STORY = [
    ("en", "Guns shelled the town of Kessmoor on 4 May 2031. As of 9 May 2031, 4,100 residents had fled "
           "the town.", "fled"),
    ("en", "Guns shelled the town of Kessmoor on 4 May 2031. The number of residents who fled stood at 4,100 "
           "as at 9 May 2031.", "fled"),
    ("en", "Guns shelled the town of Kessmoor on 4 May 2031. By 9 May 2031, 4,100 residents had fled the town.",
     "fled"),
    ("fr", "Des canons ont bombardé la ville de Kessmoor le 4 mai 2031. À la date du 9 mai 2031, 4 100 "
           "habitants avaient fui la ville.", "fui"),
    ("fr", "Des canons ont bombardé la ville de Kessmoor le 4 mai 2031. Au 9 mai 2031, 4 100 habitants "
           "avaient fui la ville.", "fui"),
    ("ru", "Пушки обстреляли город Кессмур 4 мая 2031 года. По состоянию на 9 мая 2031 года город покинули "
           "4100 жителей.", "покинули"),
    ("ru", "Пушки обстреляли город Кессмур 4 мая 2031 года. На 9 мая 2031 года город покинули 4100 жителей.",
     "покинули"),
]


@pytest.mark.parametrize(("language", "text", "counted"), _STORY)
def test_an_asof_day_dates_no_act(language, text, counted) -> None:
    a = analyze_text(text, published="2031-05-11")
    assert a.document.language == language
    dates = {e.trigger.text: (e.date, e.date_source) for e in a.events}
    assert dates[counted] == ("2031-05-04", "narrative"), dates
    assert [f.value for f in a.figures] == [4100.0]


@pytest.mark.parametrize(("language", "text", "acts"), [
    ("en", "As of 9 May 2031, 60 civilians have been killed in the shelling of Kessmoor. Gunners hit the "
           "market again.", ("killed", "shelling", "hit")),
    ("fr", "Selon un bilan arrêté au 9 mai 2031, 60 civils ont été tués dans les bombardements de Kessmoor.",
     ("tués", "bombardements")),
    ("ru", "По состоянию на 9 мая 2031 года в результате обстрелов Кессмура погибли 60 мирных жителей. "
           "Артиллерия снова обстреляла рынок.", ("обстрелов", "погибли", "обстреляла")),
    ("uk", "Станом на 9 травня 2031 року внаслідок обстрілів Кессмура загинули 60 цивільних. Артилерія знову "
           "обстріляла ринок.", ("обстрілів", "загинули", "обстріляла")),
])
def test_an_asof_day_alone_leaves_the_report_day(language, text, acts) -> None:
    """With no other day in the text, the acts keep the report's day (approximate), neither in the
    count's sentence nor in the next one (no time of the story)."""
    a = analyze_text(text, published="2031-05-11")
    assert a.document.language == language
    dates = {e.trigger.text: (e.date, e.date_source) for e in a.events}
    assert set(acts) <= set(dates), dates
    assert all(dates[w] == ("2031-05-11", "published") for w in acts), dates


def test_a_closed_count_is_no_arrest() -> None:
    a = analyze_text("Selon un bilan arrêté au 9 mai 2031, 60 civils ont été tués dans les bombardements de "
                     "Kessmoor.", published="2031-05-11")
    assert "arrêté" not in {e.trigger.text for e in a.events}
    assert {e.trigger.text for e in a.events} >= {"tués", "bombardements"}


@pytest.mark.parametrize(("text", "trigger", "date"), [
    # no figure: "by" bounds the act ("had fallen by then")
    ("Guns shelled the town of Kessmoor on 4 May 2031. By 9 May 2031, troops had captured the town.",
     "captured", "2031-05-09"),
    # a count word after a number: a span's end, not a count's day
    ("Du 2 au 9 mai 2031, 60 civils ont été tués à Kessmoor.", "tués", "2031-05-09"),
    # a night up to the day ("в ночь на"): the act's own night
    ("В ночь на 9 мая 2031 года в результате обстрела Кессмура погибли 6 человек.", "погибли", "2031-05-09"),
    ("У ніч на 9 травня 2031 року внаслідок обстрілу Кессмура загинули 6 людей.", "загинули", "2031-05-09"),
])
def test_a_count_word_that_still_dates(text, trigger, date) -> None:
    a = analyze_text(text, published="2031-05-11")
    dates = {e.trigger.text: e.date for e in a.events}
    assert dates[trigger] == date, dates


def test_setting_off_lets_the_asof_day_date_the_act() -> None:
    from fullpicture import analyze_document, load_settings
    from fullpicture.ingest import load_text
    from fullpicture.settings import Settings

    base = load_settings()
    settings = Settings(data={**base.data, "events": {**base.section("events"), "asof_dates_apart": False}})
    a = analyze_document(load_text(_STORY[0][1], source="<test>", published="2031-05-11"), settings)
    assert {e.trigger.text: e.date for e in a.events}["fled"] == "2031-05-09"
