"""fp_time (French, Russian): a day-month without a year after the publication day is last year's.

A report recalls an earlier happening by its day and month alone ("le 9 novembre") with no full
date before it. Read in the publication year it would lie months ahead; unless its sentence tells
something to come, it is the year before, also when the story's own days this year (a weekday)
set the narrative's year. All texts are illustrative sentences written for this project.
"""

from __future__ import annotations

import pytest

from fullpicture.nlp.time._calendar import parse_ref
from fullpicture.nlp.time._intl import load_grammar, tag_intl
from tests.test_time_tagger import by_text, tag, time_nlp  # noqa: F401  (fixture)


def _values(language: str, text: str, published: str, past_days: int = 31) -> dict[str, str]:
    g = load_grammar(language)
    assert g is not None
    return {t.text.rstrip("."): t.value for t in tag_intl(g, text, parse_ref(published), 31, past_days)[0]}


@pytest.mark.parametrize(("language", "text", "expr"), [
    ("fr", "Samedi, l'armée a libéré deux captifs de Xville. Ils avaient été enlevés le 9 novembre au festival de Yfest.",
     "9 novembre"),
    ("ru", "В субботу армия освободила двух пленников в Иксвиле. Их похитили 9 ноября на фестивале Игрек.", "9 ноября"),
])
def test_recalled_day_after_publication_is_last_years(language, text, expr):
    got = _values(language, text, "2030-06-08")
    assert got[expr] == "2029-11-09"


def test_anaphor_follows_the_recalled_day():
    got = _values("fr", "Samedi, deux captifs ont été libérés. Le 9 novembre, des hommes armés avaient attaqué Xville. "
                        "Ce jour-là, la frontière a été fermée.", "2030-06-08")
    assert got["Ce jour-là"] == "2029-11-09"


@pytest.mark.parametrize(("language", "text", "expr"), [
    ("fr", "Samedi, le ministre a parlé. Le sommet de Xville aura lieu le 9 novembre.", "9 novembre"),
    ("fr", "Le vote, prévu le 9 novembre, divise le parlement.", "9 novembre"),
    ("ru", "В субботу министр выступил. Саммит в Иксвиле состоится 9 ноября.", "9 ноября"),
    ("ru", "Голосование намечено на 9 ноября.", "9 ноября"),
])
def test_announced_day_stays_ahead(language, text, expr):
    assert _values(language, text, "2030-06-08")[expr] == "2030-11-09"


def test_close_days_and_written_years_are_kept():
    # within the slack after publication: this year's (a date told a few weeks ahead)
    assert _values("fr", "La trêve du 20 juin a tenu.", "2030-06-08")["20 juin"] == "2030-06-20"
    # a full date with its year written just before: that year (full_date_days), not the rule's
    got = _values("fr", "Le 2 novembre 2025, la ville a été bombardée ; le 9 novembre, la trêve a été signée.", "2030-06-08")
    assert got["9 novembre"] == "2025-11-09"
    # months alone follow the same rule
    assert _values("fr", "En novembre, la ville a été bombardée.", "2030-06-08")["En novembre"] == "2029-11"
    assert _values("fr", "Les élections auront lieu en novembre.", "2030-06-08")["en novembre"] == "2030-11"


def test_setting_off_keeps_the_storys_year():
    text = "Samedi, deux captifs ont été libérés. Ils avaient été enlevés le 9 novembre."
    assert _values("fr", text, "2030-06-08", past_days=-1)["9 novembre"] == "2030-11-09"


def test_english_past_tense_already_takes_last_year(time_nlp):  # noqa: F811
    doc = tag(time_nlp, "On Saturday two captives were freed. They were abducted on 9 November at the Yfest festival.",
              published="2030-06-08")
    assert by_text(doc)["9 November"].value == "2029-11-09"


@pytest.mark.parametrize(("language", "text", "term", "day"), [
    ("fr", "Le juge a placé les deux guetteurs en détention jusqu'au 14 juin. Ils avaient été interpellés le 11 avril.",
     "14 juin", "11 avril"),
    ("ru", "Суд арестовал двух наблюдателей до 14 июня. Их задержали утром 11 апреля.", "14 июня", "11 апреля"),
])
def test_a_term_stays_ahead_and_lends_no_year(language, text, term, day):
    # "until 14 June" in a report of 13 April is this June's term, and the arrest day told after
    # it takes the publication's year, not the year a misread term would have given it
    got = _values(language, text, "2031-04-13")
    assert got[term] == "2031-06-14"
    assert got[day] == "2031-04-11"


@pytest.mark.parametrize(("language", "text", "recalled", "day"), [
    ("fr", "Le 9 novembre, des hommes armés avaient attaqué Xville. Le 2 juin, le tribunal a siégé.", "9 novembre", "2 juin"),
    ("ru", "9 ноября вооружённые люди напали на Иксвиль. 2 июня суд начал заседание.", "9 ноября", "2 июня"),
])
def test_a_recalled_days_inferred_year_is_not_the_storys(language, text, recalled, day):
    # the recalled day is last year's only by the past-days rule: the next bare day, close to
    # publication, is this year's
    got = _values(language, text, "2031-06-08")
    assert got[recalled] == "2030-11-09"
    assert got[day] == "2031-06-02"


def test_a_month_in_full_leaves_the_sentence_stop_out():
    g = load_grammar("fr")
    assert g is not None
    got = {t.text: t.value for t in tag_intl(g, "Ils ont été arrêtés le 14 juin. Le 2 sept. 2030, rien.", parse_ref("2031-04-13"), 31, 31)[0]}
    assert "14 juin" in got and "14 juin." not in got
    assert got["2 sept. 2030"] == "2030-09-02"


def test_english_until_in_a_past_sentence_is_a_term(time_nlp):  # noqa: F811
    doc = tag(time_nlp, "A court ordered the two lookouts held until June 14. They were detained on April 11.", "2031-04-13")
    got = by_text(doc)
    assert got["June 14"].value == "2031-06-14"
    assert got["April 11"].value == "2031-04-11"
