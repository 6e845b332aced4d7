"""A date inside a relative clause or participle hung on another noun dates only that clause's
happening (session 23, dates; invented sentences restating a shape of real reports: a raid of
today "to release hostages seized on <a day months before>" was dated to the captives' day and joined
the recalled happening's row). A clause on the event's own happening (its subject, or the noun of
its preposition) still dates it ("the raid, which began on Monday, killed nine": session 24).
2031-11-14 is a Friday."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _ev(a, trigger):
    return next(e for e in a.events if e.trigger.text == trigger)


def test_a_participle_on_another_noun_does_not_date_the_main_happening():
    a = analyze_text("The raid on Veldra was meant to release two hostages seized on 3 March.", published="2031-11-14")
    assert (_ev(a, "raid").date, _ev(a, "raid").date_source) == ("2031-11-14", "published")


@pytest.mark.parametrize(("text", "trigger", "date"), [
    # a clause hung on the trigger itself still dates it
    ("The raid, which began on 12 November, freed two hostages.", "raid", "2031-11-12"),
    ("The operation carried out on 12 November freed two hostages.", "operation", "2031-11-12"),
    # and the clause's own happening keeps its day
    ("Le raid visait à libérer deux otages enlevés le 3 mars.", "enlevés", "2031-03-03"),
])
def test_a_clause_dates_its_own_noun_and_its_own_happening(text, trigger, date):
    assert _ev(analyze_text(text, published="2031-11-14"), trigger).date == date


def test_the_french_main_happening_is_not_dated_by_the_participle():
    a = analyze_text("Le raid visait à libérer deux otages enlevés le 3 mars.", published="2031-11-14")
    assert _ev(a, "raid").date == "2031-11-14"


@pytest.mark.parametrize(("text", "trigger", "date"), [
    # the clause hangs on the event's own happening (its subject, or the object of its
    # preposition): the raid that killed them began that day, so the killing is dated by it
    ("Nine guards were killed in the raid, which began on Monday.", "killed", "2031-11-10"),
    ("Four farmers died in the shelling that started on 2 November.", "died", "2031-11-02"),
    ("Le bombardement, qui a commencé le 3 novembre, a tué neuf gardes.", "tué", "2031-11-03"),
    # a happening that is no argument of the event still dates only its own clause
    ("The shelling killed four farmers who had fled the fighting that began on 2 May.", "killed", "2031-11-14"),
])
def test_a_clause_on_the_events_own_happening_dates_the_event(text, trigger, date):
    assert _ev(analyze_text(text, published="2031-11-14"), trigger).date == date


@pytest.mark.parametrize(("text", "trigger", "date"), [
    # session 25: two attack clauses hung on one projectile tell one attack, its launch and its
    # hit; the hit's day dates the launch too (a lone "launched" took the report's day and made
    # a row of its own, a day after the strike)
    ("The spokeswoman said on Friday that it was a shell launched by Freedonia that hit the "
     "clinic in Veldra on Thursday.", "launched", "2031-11-13"),
    ("The spokeswoman said on Friday that it was a shell launched by Freedonia that hit the "
     "clinic in Veldra on Thursday.", "hit", "2031-11-13"),
    # a clause of another kind on the same noun keeps its day to itself
    ("Police said the man arrested on Thursday who attacked the guard was released.", "attacked",
     "2031-11-14"),
])
def test_two_attack_clauses_on_one_projectile_share_a_day(text, trigger, date):
    assert _ev(analyze_text(text, published="2031-11-14"), trigger).date == date
