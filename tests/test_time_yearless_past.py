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
