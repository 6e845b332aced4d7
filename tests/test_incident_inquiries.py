"""An inquiry into a happening joins that happening's row (session 23, align/_inquiries.py).

Shape restated in invented words from real multi-side coverage: reports of both sides tell that
prosecutors or investigators opened a case into the strike ("opened a criminal case into the
strike", "une enquête a été ouverte", "возбуждено уголовное дело"). Those words gave no event
mention, or one that formed a row of its own, so two reports that both told the inquiry never met
in the strike's row. An inquiry is a step taken after its happening: it takes the incident of the
happening of its sentence, else of the one a consequence of its sentence hangs on, else of the
last happening of the previous sentence; it never merges two happenings. The rule reads words,
never who investigates."""

from __future__ import annotations

import pytest

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import incident_lexicon, is_inquiry
from fullpicture.align._incidents import incident_labels
from fullpicture.align._inquiries import inquiry_hosts, join_inquired
from tests.helpers import analyze_text


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _m(lemma: str, typ: str, span: tuple[int, int], doc: str = "d", **extra: object) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=typ, sentence="...", span=span,
                           interval=(738000, 738000), extra=dict(extra))


@pytest.mark.parametrize(("text", "trigger"), [
    ("Prosecutors opened a criminal case into the strike on Monday.", "criminal case"),
    ("An investigation into the blast has been opened.", "investigation"),
    ("Police are investigating the attack on the Eastvale market.", "investigating"),
    ("Le parquet a ouvert une enquête sur la frappe de lundi.", "enquête"),
    ("Une information judiciaire a été ouverte après la frappe.", "information judiciaire"),
    ("Следователи возбудили уголовное дело после удара по рынку.", "возбудили уголовное дело"),
    ("По факту взрыва начато расследование.", "расследование"),
])
def test_inquiry_words_are_mentions(text: str, trigger: str) -> None:
    a = analyze_text(text, published="2030-03-05")
    assert [e.type for e in a.events if e.trigger.text == trigger] == ["INVESTIGATE"]


def test_a_case_alone_is_no_inquiry() -> None:
    a = analyze_text("In any case, the market reopened on Monday.", published="2030-03-05")
    assert not [e for e in a.events if e.type == "INVESTIGATE"]


def test_an_inquiry_hangs_on_the_happening_of_its_sentence() -> None:
    strike = _m("strike", "ASSAULT", (0, 60))
    case = _m("criminal case", "INVESTIGATE", (61, 140))
    into = _m("strike", "ASSAULT", (61, 140))
    assert is_inquiry(case, incident_lexicon())
    assert inquiry_hosts([strike, case, into], _cfg()) == {1: 2}


def test_an_inquiry_over_the_dead_hangs_on_their_happening() -> None:
    strike = _m("strike", "ASSAULT", (0, 60))
    case = _m("investigation", "INVESTIGATE", (61, 140))
    deaths = _m("death", "ASSAULT", (61, 140))  # "death" is a consequence lemma
    assert inquiry_hosts([strike, case, deaths], _cfg(), host={2: 0}) == {1: 0}


def test_an_inquiry_told_next_hangs_on_the_previous_sentence() -> None:
    strike = _m("strike", "ASSAULT", (0, 60))
    case = _m("investigation", "INVESTIGATE", (61, 100))
    assert inquiry_hosts([strike, case], _cfg(incident_inquiry_window=1)) == {1: 0}
    assert inquiry_hosts([strike, case], _cfg(incident_inquiry_window=0)) == {}


def test_shipped_an_inquiry_in_a_sentence_of_its_own_is_its_own_happening() -> None:
    """Session 36: "The army struck the depot at Northtown. The mission's inquiry later found ...":
    an inquiry told in a sentence of its own keeps its own row (another doer, another day); told
    with its act in one sentence ("an investigation into the strike") it still hangs on it."""
    strike = _m("strike", "ASSAULT", (0, 60))
    case = _m("investigation", "INVESTIGATE", (61, 100))
    assert inquiry_hosts([strike, case], _cfg()) == {}
    into = _m("strike", "ASSAULT", (61, 100))
    assert inquiry_hosts([strike, case, into], _cfg()) == {1: 2}


def test_a_happening_told_apart_before_hosts_no_inquiry() -> None:
    other = _m("strike", "ASSAULT", (0, 60), distinct=True)
    case = _m("investigation", "INVESTIGATE", (61, 100))
    assert inquiry_hosts([other, case], _cfg()) == {}


def test_an_inquiry_never_reaches_another_document() -> None:
    strike = _m("strike", "ASSAULT", (0, 60), doc="a")
    case = _m("investigation", "INVESTIGATE", (61, 100), doc="b")
    assert inquiry_hosts([strike, case], _cfg()) == {}


def test_off_by_setting() -> None:
    strike = _m("strike", "ASSAULT", (0, 60))
    case = _m("criminal case", "INVESTIGATE", (0, 60))
    assert inquiry_hosts([strike, case], _cfg(incident_inquiries=False)) == {}


def test_two_sides_inquiries_share_the_strikes_row() -> None:
    one = analyze_text("A missile hit the central market of Eastvale on Monday, killing 12 people. "
                       "Prosecutors opened a criminal case into the strike.", published="2030-03-05")
    two = analyze_text("Un missile a frappé le marché central d'Eastvale lundi, tuant 12 personnes. "
                       "Une enquête a été ouverte.", published="2030-03-05")
    inc, _ = incident_labels([one, two], _cfg(embeddings=False, incident_inquiry_window=1))
    rows = {(a.document.id, e.type): inc[(a.document.id, e.id)] for a in (one, two) for e in a.events}
    for a in (one, two):
        assert rows[(a.document.id, "INVESTIGATE")] == rows[(a.document.id, "ASSAULT")]


def test_an_inquiry_after_a_sentence_of_dead_hangs_on_their_happening() -> None:
    strike = _m("strike", "ASSAULT", (0, 60))
    killed = _m("kill", "ASSAULT", (61, 100))
    case = _m("investigation", "INVESTIGATE", (101, 160))
    assert inquiry_hosts([strike, killed, case], _cfg(incident_inquiry_window=1), host={1: 0}) == {2: 0}


DAY = 738000


def _h(doc: str, day: int, firm: bool, place: str = "northtown", lemma: str = "shelling") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type="ASSAULT", family="material_conflict", sentence="...",
                           span=(0, 60), interval=(day, day), date_firm=firm, places=frozenset({place}),
                           extra={"definite": True})


def _story_and_followup(late: MentionFeatures) -> tuple[list[MentionFeatures], list[int]]:
    """The shelling told by two reports on its day (row 0), and a report months later whose
    "mission to investigate the shelling of the prison in Northtown" is dated by its report (row 1)."""
    return [_h("a", DAY, True), _h("b", DAY, True), late], [0, 0, 1]


def test_an_inquired_happening_told_months_later_joins_the_dated_row() -> None:
    feats, labels = _story_and_followup(_h("c", DAY + 160, False))
    assert join_inquired(feats, _cfg(), labels, {2}) == [0, 0, 0]


def test_a_happening_no_inquiry_is_about_stays_apart() -> None:
    feats, labels = _story_and_followup(_h("c", DAY + 160, False))
    assert join_inquired(feats, _cfg(), labels, set()) == labels


def test_an_inquired_happening_at_another_place_or_with_its_own_day_stays_apart() -> None:
    feats, labels = _story_and_followup(_h("c", DAY + 160, False, place="southville"))
    assert join_inquired(feats, _cfg(), labels, {2}) == labels
    feats, labels = _story_and_followup(_h("c", DAY + 160, True))
    assert join_inquired(feats, _cfg(), labels, {2}) == labels


def test_an_inquired_happening_joins_no_row_when_two_could_be_meant() -> None:
    feats = [_h("a", DAY, True), _h("b", DAY + 30, True), _h("c", DAY + 160, False)]
    assert join_inquired(feats, _cfg(), [0, 1, 2], {2}) == [0, 1, 2]


def test_inquired_join_off_by_setting() -> None:
    feats, labels = _story_and_followup(_h("c", DAY + 160, False))
    assert join_inquired(feats, _cfg(incident_inquiry_followup_days=0), labels, {2}) == labels
