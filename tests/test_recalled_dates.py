"""A date long before the report's day, told after the text set the story's recent time, recalls a
happening in passing: it dates its own sentence, and the sentences after it go on in the story's
time (``[events] recalled_dates_min_days_before``). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text

_CASES = [
    ("en", "On Saturday Xland's special forces freed two captives in Ytown. The two had been abducted on "
           "November 9 at the Zfest festival. They were rescued from two flats in the centre of the town.",
     "abducted", "rescued"),
    ("fr", "Samedi, les forces spéciales de Xland ont libéré deux captifs à Yville. Les deux avaient été "
           "enlevés le 9 novembre au festival Zfest. Ils ont été secourus dans deux appartements du centre.",
     "enlevés", "secourus"),
    ("ru", "В субботу спецназ Иксландии освободил двух пленников в Игреке. Оба были похищены 9 ноября "
           "на фестивале Зет. Их спасли из двух квартир в центре города.", "похищены", "спасли"),
]


@pytest.mark.parametrize(("language", "text", "recalled", "later"), _CASES)
def test_recalled_date_dates_its_own_sentence_only(language, text, recalled, later) -> None:
    a = analyze_text(text, published="2031-06-08")
    told = {e.trigger.text: e.date for e in a.events}
    assert told[recalled] == "2030-11-09"
    assert told[later] == "2031-06-07"  # the Saturday of the report of Sunday 8 June


def test_a_retrospective_keeps_its_old_date() -> None:
    # the text's first date is an old one: the story is set there, the next sentences inherit it
    a = analyze_text("On November 9 gunmen attacked the Zfest festival near Ytown. Dozens of guests were "
                     "abducted and taken across the border.", published="2031-06-08")
    told = {e.trigger.text: e.date for e in a.events}
    assert told["abducted"] == "2030-11-09"


def test_setting_off_lets_the_next_sentences_inherit() -> None:
    from fullpicture import analyze_document, load_settings
    from fullpicture.ingest import load_text
    from fullpicture.settings import Settings

    base = load_settings()
    settings = Settings(data={**base.data, "events": {**base.section("events"), "recalled_dates_min_days_before": -1}})
    a = analyze_document(load_text(_CASES[0][1], source="<test>", published="2031-06-08"), settings)
    told = {e.trigger.text: e.date for e in a.events}
    assert told["rescued"] == "2030-11-09"
