"""One happening, one row, whatever word each side uses for it (align/_rivalversions.py and
align/_facility.py, session 28).

Shapes restated in invented words from real multi-side coverage: one side's reports call the
army's entry into a hospital "a targeted operation", another side's say troops "stormed" or
"besieged" it, the wires say "raided". Every report names the one hospital (in three scripts), so
the rival-versions join should hold the versions in one row; it did not, because

* a report's row also held a happening it recalls from weeks before ("since the attack of last
  month"), and that far day, set against the report's own day of the raid in the other row, was
  read as the report telling the two rows apart;
* a report's act of word told apart ("did not answer requests for further comment") was read as
  the report telling another happening;
* the hospital was read as an organisation ("the Velmor Hospital said"), and an organisation was
  never a facility, so the versions that named it so had no site to meet at.

Kept apart as before: a report that tells another strike at the facility ("another strike"), two
strikes on one hospital a week apart (both told at the facility by one report), and an
organisation whose name holds no facility noun.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._facility import facility_places, name_word
from fullpicture.align._rivalversions import join_rival_versions
from fullpicture.align._util import EntityIndex
from fullpicture.ingest import load_text
from fullpicture.models import Analysis, Entity, Event, Mention
from fullpicture.models.events import Evidence, Trigger

DAY = 738000
WORD = ("hospital", "~" + name_word("Velmor Hospital"))


def _m(doc: str, lemma: str, side: str, *, typ: str = "ASSAULT", day: int | None = DAY, at_site: bool = True,
       distinct: bool = False) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family="material_conflict",
                           interval=(day, day) if day is not None else None, date_firm=day is not None,
                           extra={"facility": frozenset({WORD}) if at_site else frozenset(),
                                  "sites": frozenset(), "where": frozenset(), "side": side,
                                  "distinct": distinct})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_rival_join": True, **over}


def test_a_recalled_happening_in_a_row_does_not_tell_the_facilitys_versions_apart() -> None:
    feats = [
        _m("a", "operation", "north"),                              # row 0: "a targeted operation" at the hospital
        _m("d", "operation", "north"),                              # row 0
        _m("b", "raid", "wire"),                                    # row 1: the wire's "raid" at the hospital
        _m("b", "attack", "wire", day=DAY - 40, at_site=False),     # row 0: the wire recalls last month's attack
        _m("c", "storm", "south"),                                  # row 1: "troops stormed the hospital"
    ]
    assert len(set(join_rival_versions(feats, _cfg(), [0, 0, 1, 0, 1]))) == 1


def test_an_act_of_word_told_apart_does_not_tell_the_versions_apart() -> None:
    feats = [
        _m("a", "operation", "north"),
        _m("b", "raid", "wire"),
        _m("b", "comment", "wire", typ="STATEMENT", at_site=False, distinct=True),  # "further comment"
    ]
    assert len(set(join_rival_versions(feats, _cfg(), [0, 1, 0]))) == 1


def test_two_strikes_on_the_hospital_a_week_apart_told_by_one_report_stay_apart() -> None:
    feats = [
        _m("a", "strike", "north"),
        _m("b", "strike", "south", day=DAY + 7),
        _m("b", "strike", "south"),                                 # the report tells both, at the hospital
    ]
    assert join_rival_versions(feats, _cfg(), [0, 1, 0]) == [0, 1, 0]


def test_another_strike_told_by_a_report_still_keeps_rows_apart() -> None:
    feats = [_m("a", "strike", "north"), _m("b", "strike", "south"),
             _m("b", "strike", "south", at_site=False, distinct=True)]   # "in another strike"
    assert join_rival_versions(feats, _cfg(), [0, 1, 0]) == [0, 1, 0]


def test_both_sides_read_alike() -> None:
    one = [_m("a", "operation", "north"), _m("b", "storm", "south")]
    two = [_m("b", "storm", "south"), _m("a", "operation", "north")]
    assert len(set(join_rival_versions(one, _cfg(), [0, 1]))) == 1
    assert len(set(join_rival_versions(two, _cfg(), [0, 1]))) == 1


def _analysis(text: str, name: str, typ: str) -> tuple[Analysis, Event]:
    doc = load_text(text, source="<org>", title="Note")
    s = doc.text.find(name)
    ent = Entity(id="e1", name=name, type=typ, mentions=[Mention(start=s, end=s + len(name), text=name)])
    k = doc.text.find("stormed")
    ev = Event(id="v1", type="ASSAULT", trigger=Trigger(start=k, end=k + 7, text="stormed", lemma="storm"),
               evidence=Evidence(start=0, end=len(doc.text)), patients=["e1"])
    return Analysis(document=doc.info, text=doc.text, zones=list(doc.zones), entities=[ent], events=[ev]), ev


def test_a_hospital_read_as_an_organisation_is_a_facility_of_its_own_name() -> None:
    a, ev = _analysis("Troops stormed the Velmor Hospital at dawn.", "Velmor Hospital", "ORG")
    index = EntityIndex([a])
    assert facility_places(a, ev, index, words=True) == {WORD}
    assert facility_places(a, ev, index, words=False) == frozenset()


def test_an_organisation_with_no_facility_noun_is_no_facility() -> None:
    a, ev = _analysis("Troops stormed the Velmor Traders at dawn.", "Velmor Traders", "ORG")
    assert facility_places(a, ev, EntityIndex([a]), words=True) == frozenset()
