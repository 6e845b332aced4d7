"""Later reports of a happening at a facility join the facility's dated row (align/_followups.py).

Shape restated in invented words from real multi-side coverage: an explosion at a prison is told
on its day by most outlets ("a strike hit the prison in Eastvale on Friday"); a wire story a week
later tells "the strike at the Eastvale prison" with no day of its own, so its mentions take the
report's day, beyond any inherited-date slack, and formed a row of their own. Guards: a town is
no facility (two strikes on one town a week apart, the second report undated, stay two rows);
two dated rows at the facility leave the follow-up alone; a follow-up row that states a day of
its own, a follow-up past the horizon and rows one document tells both stay apart.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._followups import join_followups
from fullpicture.align._sites import named_kinds, noun_patterns

DAY = 738000
PRISON = "geo:prison-town"


def _m(doc: str, day: int, firm: bool, *, definite: bool = False, facility: bool = True,
       place: str = PRISON, lemma: str = "strike", kind: str = "prison", lent: bool = False) -> MentionFeatures:
    site = frozenset({(kind, place)})
    return MentionFeatures(doc=doc, lemma=lemma, type="ASSAULT", family="material_conflict",
                           interval=(day, day), date_firm=firm, places=frozenset({place}),
                           extra={"definite": definite, "where": frozenset({place}),
                                  "facility": site if facility and not lent else frozenset(),
                                  "doc_sites": site if lent else frozenset()})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_facility_followup_days": 21, **over}


def _rows(follow_facility: bool = True, follow_firm: bool = False, gap: int = 6) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: two reports of the day (facility named); row 1: a wire story ``gap`` days later."""
    feats = [
        _m("a", DAY, True), _m("a", DAY, True, lemma="kill", facility=False),
        _m("b", DAY, True),
        _m("w", DAY + gap, follow_firm, definite=True, facility=follow_facility),
        _m("w", DAY + gap, follow_firm, lemma="attack", definite=True, facility=False),
    ]
    return feats, [0, 0, 0, 1, 1]


def test_an_undated_definite_follow_up_at_a_facility_joins_its_dated_row() -> None:
    feats, labels = _rows()
    assert len(set(join_followups(feats, _cfg(), labels))) == 1


def test_off_by_setting() -> None:
    feats, labels = _rows()
    assert join_followups(feats, _cfg(incident_facility_followup_days=0), labels) == labels


def test_a_town_struck_twice_a_week_apart_stays_two_rows() -> None:
    feats, labels = _rows(follow_facility=False)
    assert len(set(join_followups(feats, _cfg(), labels))) == 2


def test_a_follow_up_with_a_stated_day_of_its_own_stays_apart() -> None:
    feats, labels = _rows(follow_firm=True)
    assert len(set(join_followups(feats, _cfg(), labels))) == 2


def test_a_follow_up_past_the_horizon_or_before_the_happening_stays_apart() -> None:
    feats, labels = _rows(gap=40)
    assert len(set(join_followups(feats, _cfg(), labels))) == 2
    feats, labels = _rows(gap=-5)
    assert len(set(join_followups(feats, _cfg(), labels))) == 2


def test_two_dated_rows_at_the_facility_leave_the_follow_up_alone() -> None:
    feats, labels = _rows()
    feats.append(_m("c", DAY + 3, True))
    labels.append(2)
    assert len(set(join_followups(feats, _cfg(), labels))) == 3


def test_rows_one_document_tells_both_stay_apart() -> None:
    feats, labels = _rows()
    feats.append(_m("w", DAY, True))
    labels.append(0)
    assert len(set(join_followups(feats, _cfg(), labels))) == 2


def test_facility_nouns_around_a_place_name() -> None:
    pats = noun_patterns()
    assert pats is not None
    before, after = pats
    assert after.search(" prison on Friday")
    assert after.search(" hydroelectric power station")
    assert before.search("the strike at the prison camp in occupied ")
    assert not after.search(", the regional capital")
    assert not before.search("the shelling of the city of ")
    assert before.search("des explosions dans la prison d'")
    assert before.search("удар по исправительной колонии в поселке ")


def test_the_nouns_around_a_place_name_tell_its_kind() -> None:
    assert named_kinds("the shelling of the drama theatre of ", "") == {"theatre"}
    assert named_kinds("", " regional hospital was hit") == {"hospital"}
    assert named_kinds("", " hydroelectric power station") == {"dam"}
    assert named_kinds("удар по исправительной колонии в поселке ", "") == {"prison"}
    assert named_kinds("the shelling of the city of ", "") == frozenset()


def test_a_theatre_and_a_hospital_of_one_town_stay_apart() -> None:
    # the dated row tells the town's theatre; the undated follow-up its hospital
    feats = [_m("a", DAY, True, kind="theatre"), _m("b", DAY, True, kind="theatre"),
             _m("w", DAY + 6, False, definite=True, kind="hospital")]
    assert len(set(join_followups(feats, _cfg(), [0, 0, 1]))) == 2
    feats[2] = _m("w", DAY + 6, False, definite=True, kind="theatre")
    assert len(set(join_followups(feats, _cfg(), [0, 0, 1]))) == 1


def test_a_follow_up_at_the_facility_its_document_names_joins() -> None:
    # "the strike on the theatre", the document naming the Eastvale drama theatre elsewhere
    feats = [_m("a", DAY, True, kind="theatre"), _m("b", DAY, True, kind="theatre"),
             _m("w", DAY + 6, False, definite=True, kind="theatre", lent=True)]
    assert len(set(join_followups(feats, _cfg(), [0, 0, 1]))) == 1
