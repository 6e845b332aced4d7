"""Who answered an act and who only plotted one are no doers of it (session 42).

Invented texts restating the shapes of a false agent conflict seen on real coverage: a row of one
state's strikes where a third side's reports also tell the struck state's answer ("carried out
retaliatory strikes", "в ответ армия ... нанесла удары") and attacks said to be still plotted
from the struck state ("new attacks from X being plotted"): their doers stood as that side's
account of who struck, against every other side's."""

from __future__ import annotations

from fullpicture.align._counteracts import answers
from fullpicture.align._entityconflicts import _entity_conflict
from fullpicture.align._rowmembers import Member
from fullpicture.align._tolddoers import told_doers
from fullpicture.align._util import EntityIndex
from fullpicture.settings import load_settings
from tests.helpers import analyze_text


def _event(text: str, trigger: str):
    a = analyze_text(text, published="2031-05-04")
    return a, next(e for e in a.events if e.trigger.text == trigger)


def test_an_attack_still_being_plotted_has_no_told_doer():
    a, ev = _event("The ministry said it had word of new attacks from Romania being plotted against the posts.",
                   "attacks")
    assert told_doers(a, ev, 3) == []
    a, ev = _event("The ministry said attacks from Romania hit the posts on Monday.", "attacks")
    assert [d.state for d in told_doers(a, ev, 3)] == ["RO"]


def test_words_of_an_answer():
    assert answers(*_event("Bulgaria carried out retaliatory strikes on the border posts.", "strikes"))
    assert answers(*_event("В ответ армия Болгарии нанесла удары по позициям на границе.", "удары"))
    assert not answers(*_event("Bulgaria carried out strikes on the border posts.", "strikes"))


_ROW = [
    ("east", "Romanian drones struck the Varn depot on 3 May 2031, killing two guards.", "2031-05-03"),
    ("west", "Romanian drones struck the Varn depot on 3 May 2031, the governor said.", "2031-05-03"),
    ("third", "Bulgaria closed its airspace and carried out retaliatory strikes on 3 May 2031.", "2031-05-03"),
    ("third", "Bulgaria then carried out retaliatory strikes near the border on 3 May 2031.", "2031-05-03"),
]


def _conflict(**over: object):
    analyses = [analyze_text(t, published=p) for _, t, p in _ROW]
    members = [Member(side=s, analysis=a, event=e) for (s, _, _), a in zip(_ROW, analyses, strict=True)
               for e in a.events]
    return _entity_conflict(members, EntityIndex(analyses), "agent", {**load_settings().section("align"), **over})


def test_the_answer_of_the_struck_state_is_no_rival_doer():
    before = _conflict(conflict_agent_answers=False)
    assert before is not None and ("third", "Bulgaria") in {(v.side, v.value) for v in before.values}
    assert _conflict() is None
