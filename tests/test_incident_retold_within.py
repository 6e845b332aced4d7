"""A later toll report told at a region or a country joins the row of the town it names inside
it (align/_containing.py, align/_followups.join_retold with ``incident_retold_contained``;
session 31, followup).

Shape restated in invented words from real multi-side coverage: a strike on a block of flats in
Eastvale is told on its day by most outlets ("a rocket hit a block in Eastvale on Saturday");
days later, reports of the rising toll ("rescuers have now recovered 30 bodies from the block in
Eastvale (Northvale region) destroyed by the shelling", "as of 9:00 on Wednesday, 30 dead")
state no day for the strike, tell it at the region or the country, and formed rows of their own:
the day of the count was read as a day of their own, a statement word of the report left in the
strike's row as a document telling both, and the region as another place. Guards: a new strike
the later report tells at a place on a day of its own, a nearer strike on a town of the region,
two rows on two towns the report names, and the switch off keep the rows apart.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._containing import Level, contains
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._followups import join_retold

DAY = 738000
REGION = "northvale_region"


def _m(doc: str, day: int, firm: bool, *, by_report: bool = False, place: str | None = "eastvale",
       lemma: str = "strike", kind: str = "ASSAULT", family: str = "material_conflict",
       inside: frozenset[str] = frozenset()) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=kind, family=family, sentence="...",
                           span=(0, 60), interval=(day, day), date_firm=firm,
                           places=frozenset({place} if place else ()),
                           extra={"by_report": by_report, "inside": inside})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_retold_days": 21, "incident_retold_min_days": 2,
            "incident_retold_contained": True, **over}


def _story(late: list[MentionFeatures]) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: two reports of the day at the town; row 1: the later report's mentions."""
    return [_m("a", DAY, True), _m("a", DAY, True, lemma="kill"), _m("b", DAY, True)] + late, \
        [0, 0, 0] + [1] * len(late)


def _toll(gap: int = 4, place: str = REGION, towns: frozenset[str] = frozenset({"eastvale"}),
          doc: str = "t") -> list[MentionFeatures]:
    """The later report: the shelling and the dead told at the region, its document naming the
    town inside it; the count's day and the rescue stated."""
    return [_m(doc, DAY + gap, False, by_report=True, place=place, inside=towns, lemma="shelling"),
            _m(doc, DAY + gap, False, by_report=True, place=place, inside=towns, lemma="destroy"),
            _m(doc, DAY + gap, True, place=None, lemma="kill"),
            _m(doc, DAY + gap, True, place=None, lemma="rescue", kind="AID", family="material_cooperation")]


def test_a_toll_report_told_at_the_region_joins_the_town_row() -> None:
    feats, labels = _story(_toll())
    assert join_retold(feats, _cfg(), labels) == [0] * 7


def test_a_toll_report_told_at_the_country_joins_the_town_row() -> None:
    feats, labels = _story(_toll(place="westland"))
    assert join_retold(feats, _cfg(), labels) == [0] * 7


def test_off_the_region_is_another_place_and_the_count_day_its_own() -> None:
    feats, labels = _story(_toll())
    assert join_retold(feats, _cfg(incident_retold_contained=False), labels) == labels


def test_a_statement_of_the_report_left_in_the_row_does_not_keep_it_apart() -> None:
    feats, labels = _story(_toll())
    feats.append(_m("t", DAY + 4, True, place=None, lemma="state", kind="STATEMENT", family="STATEMENT"))
    labels.append(0)
    assert join_retold(feats, _cfg(), labels) == [0] * 8


def test_a_new_strike_told_at_a_place_on_its_own_day_stays_apart() -> None:
    # "on Wednesday a missile hit Eastvale again": a placed happening on a day of the report's own
    feats, labels = _story([*_toll(), _m("t", DAY + 4, True, lemma="hit")])
    assert join_retold(feats, _cfg(), labels) == labels


def test_a_new_strike_on_its_own_day_stays_apart_even_unplaced() -> None:
    # "new strikes on Wednesday" whose sentence names no place: still a happening of its own day
    feats, labels = _story([*_toll(), _m("t", DAY + 4, True, place=None, lemma="bombard")])
    assert join_retold(feats, _cfg(), labels) == labels


def test_a_nearer_strike_on_a_town_of_the_region_leaves_the_report_alone() -> None:
    feats, labels = _story(_toll(towns=frozenset({"eastvale", "southmere"})))
    feats.append(_m("c", DAY + 3, True, place="southmere"))
    labels.append(2)
    assert join_retold(feats, _cfg(), labels) == labels


def test_two_rows_on_two_towns_the_report_names_stay_apart() -> None:
    feats, labels = _story(_toll(gap=6, towns=frozenset({"eastvale", "southmere"})))
    feats.append(_m("c", DAY + 1, True, place="southmere"))
    labels.append(2)
    assert join_retold(feats, _cfg(), labels) == labels


def test_a_town_lies_within_its_division_and_country_only() -> None:
    town = Level("city", "WL", "05")
    assert contains(Level("admin1", "WL", "05"), town)
    assert contains(Level("country", "WL", ""), town)
    assert contains(Level("country", "WL", ""), Level("admin1", "WL", "05"))
    assert not contains(Level("admin1", "WL", "07"), town)
    assert not contains(Level("admin1", "EL", "05"), town)
    assert not contains(Level("city", "WL", "05"), Level("city", "WL", "05"))
    assert not contains(town, Level("admin1", "WL", "05"))
