"""Follow-up reports: the day of a later statement is no stated day of the happening it tells
(session 26, follow; invented sentences restating shapes of real reports).

A report published days after a strike tells it through statements about it: a spokesman "on
Monday described the fall of the missile as ...", an official who resigned "on Thursday" after a
remark about the strike. The statement's day dated the strike's mentions as if stated, and their
row met none of the other sides' reports. Across documents a date inherited from a report or a
statement is approximate, and one later than the other mention's day may be a later report's
day: it is no clash up to ``inherited_date_later_slack_days``. 2031-11-15 is a Saturday."""

from __future__ import annotations

import numpy as np
import pytest

from fullpicture import load_settings
from fullpicture.align._eventpairs import FEATURES, MentionFeatures, PairScorer
from tests.helpers import analyze_text


def _ev(a, trigger):
    return next(e for e in a.events if e.trigger.text == trigger)


@pytest.mark.parametrize(("text", "trigger"), [
    ("On Monday the spokesman described the fall of the missile on the tower in Veldra as the work of the "
     "defenders' own guns.", "fall"),
    ("The spokesman on Monday commented on the strike on the tower in Veldra.", "strike"),
    ("Le porte-parole a qualifié lundi la chute du missile sur la tour de Veldra de résultat des tirs de la "
     "défense.", "chute"),
    ("Представитель в понедельник назвал падение ракеты на башню в Вельдре результатом работы ПВО.", "падение"),
])
def test_a_happening_named_by_a_dated_statement_takes_the_statement_day_as_approximate(text, trigger):
    ev = _ev(analyze_text(text, published="2031-11-19"), trigger)
    assert (ev.date, ev.date_source) == ("2031-11-17", "narrative")


@pytest.mark.parametrize(("text", "trigger", "date"), [
    # a day of the happening's own phrase stays its own
    ("The spokesman on Monday commented on the strike of Sunday.", "strike", "2031-11-16"),
    # the statement's own day stays its own
    ("The spokesman on Monday commented on the strike on the tower in Veldra.", "commented", "2031-11-17"),
    # a happening that is no statement's object keeps the day of its clause
    ("The rebels launched an attack on the town on Monday.", "attack", "2031-11-17"),
])
def test_days_of_the_happening_or_of_the_statement_stay_stated(text, trigger, date):
    ev = _ev(analyze_text(text, published="2031-11-19"), trigger)
    assert (ev.date, ev.date_source) == (date, "sentence")


def test_a_later_act_of_another_happening_does_not_date_a_clause_it_explains():
    # the downing's verb, parsed as a clause of the resignation's verb, took its day as stated
    a = analyze_text("After claiming a rocket that hit the school in Orvel had been shot down by the guards, "
                     "the envoy tendered his resignation on Thursday.", published="2031-11-15")
    assert (_ev(a, "resignation").date, _ev(a, "resignation").date_source) == ("2031-11-13", "sentence")
    assert _ev(a, "shot down").date_source != "sentence"
    # a clause of the object's own happening keeps the date: the tsunami's dead are of that year
    b = analyze_text("In 2029 a huge quake triggered a tsunami that killed thousands of people.", published="2031-11-14")
    assert _ev(b, "killed").date == "2029"


def test_an_inherited_date_after_the_other_mentions_day_is_a_later_reports_day():
    cfg = {**load_settings().section("align"), "embeddings": False}
    later = cfg["inherited_date_later_slack_days"]
    slack = cfg["inherited_date_slack_days"]
    assert later > slack
    mk = lambda doc, day, firm=True: MentionFeatures(  # noqa: E731
        doc=doc, lemma="strike", family="material_conflict", type="ASSAULT", interval=(day, day), date_firm=firm)
    feats = [mk("a", 100), mk("b", 100 + later, firm=False), mk("c", 100 + later + 1, firm=False),
             mk("d", 100 - slack - 1, firm=False), mk("e", 100 + later, firm=True)]
    x = PairScorer(feats, cfg).features(np.array([[0, 1], [0, 2], [0, 3], [0, 4], [1, 0]]))
    hard, soft = FEATURES.index("date_clash"), FEATURES.index("date_clash_soft")
    # a follow-up's inherited day a few days after the strike's stated day: no clash, either order
    assert x[0, hard] == x[0, soft] == x[4, hard] == x[4, soft] == 0
    # farther than the later slack: a soft clash
    assert x[1, soft] == 1 and x[1, hard] == 0
    # an inherited day before the stated one is no later report's: the plain slack holds
    assert x[2, soft] == 1
    # two stated days still clash
    assert x[3, hard] == 1
