"""A happening told as the cause of another is no rival version of it (session 40, mixed).

Shapes restated in invented words from real multi-side coverage: a blast damages a bridge on one
day; two days later a barrage strikes cities far away, and the barrage's reports tell the blast
only as its cause (a reprisal phrase naming the bridge, or a headline that tells the strikes
"after" the bridge's damage). The rival-versions join (``_rivalversions``) read the bridge named beside
the barrage's words as the barrage's facility and joined the blast's row and the barrage's: one
row for two happenings, with false toll and target conflicts between them. A unit of cause is
also read across an abbreviation's points ("the U.S. strike") and in "retaliation for" without
"in".
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._causeapart import cause_unit, cause_units
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._rivalversions import join_rival_versions
from fullpicture.align._sites import facility_kinds

DAY = 738000


def _at(sentence: str, word: str) -> tuple[int, int]:
    k = sentence.index(word)
    return k, k + len(word)


def _m(doc: str, lemma: str, day: int = DAY, cause: bool = False, side: str | None = None,
       site: bool = True) -> MentionFeatures:
    where = frozenset({"northcape"})
    return MentionFeatures(doc=doc, lemma=lemma, type="ASSAULT", family="material_conflict",
                           interval=(day, day), date_firm=True, places=where,
                           extra={"sites": frozenset({"bridge"} if site else ()), "where": where, "side": side,
                                  "cause_unit": (10, 40) if cause else None})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_rival_join": True, **over}


def test_a_cause_told_by_the_sequels_report_joins_no_rival_row() -> None:
    # row 0: the blast on the bridge, told by two reports; row 1: the barrage two days later,
    # whose report tells the blast only inside a reprisal phrase
    feats = [_m("a", "blast", side="west"), _m("b", "explosion", side="west"),
             _m("c", "attack", day=DAY + 2, cause=True, side="east"), _m("c", "strike", day=DAY + 2, side="east", site=False)]
    assert join_rival_versions(feats, _cfg(), [0, 0, 1, 1]) == [0, 0, 1, 1]
    # without the guard the cause keys the barrage's row at the bridge, and the rows join
    joined = join_rival_versions(feats, _cfg(incident_rival_cause_guard=False), [0, 0, 1, 1])
    assert len(set(joined)) == 1


def test_a_rival_version_told_plainly_still_joins() -> None:
    feats = [_m("a", "blast", side="west"), _m("c", "sabotage", day=DAY + 1, side="east")]
    assert len(set(join_rival_versions(feats, _cfg(), [0, 1]))) == 1


def test_a_facility_named_in_a_unit_of_cause_is_not_the_triggers() -> None:
    text = "Rockets struck Lowmere and Harwick after damage to the Northcape bridge, officials said."
    start, end = _at(text, "struck")
    assert "bridge" in facility_kinds(text, start, end, 0, len(text), 60)
    skip = [u for u in cause_units(text, "en") if not u[0] <= start < u[1]]
    assert skip and facility_kinds(text, start, end, 0, len(text), 60, skip) == frozenset()
    # the bridge's own happening, inside the unit, keeps it
    hs, he = _at(text, "damage")
    inside = [u for u in cause_units(text, "en") if not u[0] <= hs < u[1]]
    assert "bridge" in facility_kinds(text, hs, he, 0, len(text), 60, inside)


def test_units_of_cause_read_past_abbreviations_and_bare_retaliation() -> None:
    en = "Its gunners called the salvo retaliation for the U.K. strike of Tuesday on a depot."
    assert cause_unit(en, _at(en, "strike"), "en", "reprisal") is not None
    en2 = "Gunners shelled Eastbury and called it retaliation for an attack on a Westmoor dam."
    assert cause_unit(en2, _at(en2, "attack"), "en", "reprisal") is not None
    assert cause_unit(en2, _at(en2, "shelled"), "en", "reprisal") is None
    # a point that ends a clause still ends the unit
    en3 = "They fired in response to the shelling. Then the town burned."
    unit = cause_unit(en3, _at(en3, "shelling"), "en", "reprisal")
    assert unit is not None and en3[unit[0]:unit[1]] == "in response to the shelling"
    # a list opened by the unit stays in it: "..., including the blast on the bridge"
    en4 = "Crews fired missiles, in response to earlier raids, including the Nov. 3 blast at the depot."
    assert cause_unit(en4, _at(en4, "blast"), "en", "reprisal") is not None
    assert cause_unit(en4, _at(en4, "fired"), "en", "reprisal") is None
