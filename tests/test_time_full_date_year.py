"""fp_time: a day-month without a year takes the year of the last full date written before it.

A retrospective published years later tells a day in full and then yearless days around it;
those days are the story's, not the publication year's. All texts here are illustrative
sentences written for this project.
"""

from __future__ import annotations

from tests.test_time_tagger import by_text, tag, time_nlp  # noqa: F401  (fixture)


def test_retrospective_yearless_days_take_the_full_dates_year(time_nlp):  # noqa: F811
    text = ("Illustrative text. Four years have passed since the shelling of the port on March 3, 2019. "
            "A truce had been agreed on March 2, and on March 9 the guns fell silent again.")
    doc = tag(time_nlp, text, published="2023-03-03")
    tx = by_text(doc)
    assert (tx["March 2"].value, tx["March 2"].anchor) == ("2019-03-02", "narrative")
    assert tx["March 9"].value == "2019-03-09"


def test_year_written_in_between_blocks_the_rule(time_nlp):  # noqa: F811
    # another year written after the full date: the bare day no longer follows that date
    text = ("Illustrative text. The dam was breached on May 2, 2018. Repairs were planned for 2024, "
            "and on May 20 the council met.")
    doc = tag(time_nlp, text, published="2023-05-25")
    assert by_text(doc)["May 20"].value == "2023-05-20"


def test_far_from_the_full_date_keeps_the_publication_year(time_nlp):  # noqa: F811
    # a day-month months away from the earlier full date is read as before (publication year)
    text = ("Illustrative text. The mission began on January 5, 2019. The convoy was stopped on August 20.")
    doc = tag(time_nlp, text, published="2023-09-25")
    assert by_text(doc)["August 20"].value == "2023-08-20"


def test_new_year_crossing(time_nlp):  # noqa: F811
    text = ("Illustrative text. The siege began on December 28, 2016, and the garrison left on January 4.")
    doc = tag(time_nlp, text, published="2021-06-01")
    assert by_text(doc)["January 4"].value == "2017-01-04"


def test_setting_off_restores_the_publication_year():
    from fullpicture.nlp.time._calendar import Ref, year_near

    full = Ref(__import__("datetime").date(2019, 3, 3), "D")
    assert year_near(full, 3, 2, 31) == 2019
    assert year_near(full, 3, 2, 0) is None
    assert year_near(full, 8, 20, 31) is None
    assert year_near(Ref(full.day, "M"), 3, 2, 31) is None


def test_other_languages_follow_the_full_date():
    from fullpicture.nlp.time._calendar import parse_ref
    from fullpicture.nlp.time._intl import load_grammar, tag_intl

    fr = load_grammar("fr")
    assert fr is not None
    text = "Le 3 mars 2019, le port a été bombardé. Aujourd'hui on s'en souvient. La trêve du 2 mars n'a pas tenu."
    got = {t.text: t.value for t in tag_intl(fr, text, parse_ref("2023-03-03"), 31)[0]}
    assert got["2 mars"] == "2019-03-02"
    # the rule off: as before, the story's last day (today's) gives the year
    got_off = {t.text: t.value for t in tag_intl(fr, text, parse_ref("2023-03-03"), 0)[0]}
    assert got_off["2 mars"] == "2023-03-02"
    ru = load_grammar("ru")
    assert ru is not None
    text = "3 марта 2019 года порт обстреляли. Сегодня об этом вспоминают. Перемирие 2 марта не соблюдалось."
    got = {t.text: t.value for t in tag_intl(ru, text, parse_ref("2023-03-03"), 31)[0]}
    assert [v for k, v in got.items() if k.startswith("2 март")] == ["2019-03-02"]
