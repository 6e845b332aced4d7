"""Rival versions of one happening join one row (align/_rivalversions.py, session 18).

Shapes restated in invented words from real multi-side coverage: one side's outlets say aircraft
bombed the drama theatre of a port town on a given day; the other side's say the theatre was mined
and blown up from inside by the first side's enemy, and a retrospective dates it by its year only.
Different words, types and agents: the pair model keeps two rows. Both tell a violent happening
next to the same kind of facility at the same place on compatible days, so they are one incident,
told two ways. Kept apart: two strikes on the theatre a week apart, a theatre and a hospital of one
town, theatres of two towns, a report that tells one of them as another strike, consequences; a
country is a facility's place only for a mention that tells no finer place.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._rivalversions import join_rival_versions
from fullpicture.align._sites import facility_kinds

DAY = 738000
YEAR = (737791, 738155)  # a year-only date: any day of its year


def _m(doc: str, lemma: str, typ: str = "ATTACK", day: tuple[int, int] | None = (DAY, DAY), firm: bool = True,
       sites: frozenset[str] = frozenset({"theatre"}), where: str | None = "eastport",
       distinct: bool = False) -> MentionFeatures:
    places = frozenset({where}) if where else frozenset()
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family="material_conflict", interval=day,
                           date_firm=firm, places=places,
                           extra={"sites": sites, "where": places, "distinct": distinct})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_rival_join": True, **over}


def test_bombed_and_blown_up_theatre_are_one_row():
    feats = [
        _m("a", "bomb"), _m("a", "kill", day=(DAY, DAY)),            # row 0: aircraft bombed the theatre
        _m("c", "strike"),                                          # row 0
        _m("b", "blow up", typ="ASSAULT", day=YEAR),                 # row 1: blown up from inside, "in 2022"
        _m("d", "explosion", typ="ASSAULT", day=(DAY + 1, DAY + 1), firm=False),  # row 1, dated by its report
    ]
    out = join_rival_versions(feats, _cfg(), [0, 0, 0, 1, 1])
    assert len(set(out)) == 1


def test_off_leaves_rows_alone():
    feats = [_m("a", "bomb"), _m("b", "blow up", typ="ASSAULT", day=YEAR)]
    assert join_rival_versions(feats, _cfg(incident_rival_join=False), [0, 1]) == [0, 1]


def test_two_strikes_on_one_theatre_a_week_apart_stay_apart():
    feats = [_m("a", "strike"), _m("b", "strike", day=(DAY + 7, DAY + 7))]
    assert join_rival_versions(feats, _cfg(), [0, 1]) == [0, 1]


def test_rows_whose_main_days_differ_stay_apart():
    # the second row's facility mention is undated, but the row tells its own day a week later
    feats = [_m("a", "strike"), _m("b", "blast", day=None), _m("b", "shelling", sites=frozenset(),
                                                              day=(DAY + 7, DAY + 7))]
    assert join_rival_versions(feats, _cfg(), [0, 1, 1]) == [0, 1, 1]


def test_two_facilities_of_one_town_stay_apart():
    feats = [_m("a", "strike"), _m("b", "blow up", sites=frozenset({"hospital"}))]
    assert join_rival_versions(feats, _cfg(), [0, 1]) == [0, 1]


def test_theatres_of_two_towns_stay_apart():
    feats = [_m("a", "strike"), _m("b", "blow up", where="westport")]
    assert join_rival_versions(feats, _cfg(), [0, 1]) == [0, 1]


def test_one_document_is_no_rival_version_of_itself():
    feats = [_m("a", "strike"), _m("a", "blow up")]
    assert join_rival_versions(feats, _cfg(), [0, 1]) == [0, 1]


def test_a_report_telling_another_strike_keeps_rows_apart():
    feats = [_m("a", "strike"), _m("b", "strike"), _m("b", "strike", distinct=True, sites=frozenset())]
    assert join_rival_versions(feats, _cfg(), [0, 1, 0]) == [0, 1, 0]


def test_consequences_and_statements_do_not_join_rows():
    feats = [_m("a", "strike"), _m("b", "kill", typ="ASSAULT"), _m("c", "deny", typ="REJECT")]
    assert join_rival_versions(feats, _cfg(), [0, 1, 2]) == [0, 1, 2]


def test_both_sides_read_alike():
    """The rule reads no side, word or agent: swapping which report bombs and which blows up,
    and their order, gives the same grouping."""
    one = [_m("a", "bomb"), _m("b", "blow up", typ="ASSAULT", day=YEAR)]
    two = [_m("b", "blow up", typ="ASSAULT", day=YEAR), _m("a", "bomb")]
    assert len(set(join_rival_versions(one, _cfg(), [0, 1]))) == 1
    assert len(set(join_rival_versions(two, _cfg(), [0, 1]))) == 1


def test_a_crowded_facility_kind_at_one_place_is_left_alone():
    feats = [_m(f"d{k}", "strike") for k in range(4)]
    assert join_rival_versions(feats, _cfg(incident_rival_max_rows=3), [0, 1, 2, 3]) == [0, 1, 2, 3]


def test_facility_kinds_read_inflections_and_whole_words():
    text = "Боевики взорвали здание драмтеатра изнутри."
    t = text.index("взорвали")
    assert facility_kinds(text, t, t + 8, 0, len(text), 60) == {"theatre"}
    text = "The shelling caused heavy damage to homes."
    t = text.index("shelling")
    assert facility_kinds(text, t, t + 8, 0, len(text), 60) == frozenset()  # "damage" is no dam
    text = "Les frappes ont touché l'hôpital de la ville."
    t = text.index("frappes")
    assert facility_kinds(text, t, t + 7, 0, len(text), 60) == {"hospital"}
    assert facility_kinds(text, t, t + 7, 0, len(text), 0) == frozenset()


def _country_only(doc: str, lemma: str) -> MentionFeatures:
    """A happening told at a facility of a country, no finer place ("a school in Eastland")."""
    f = _m(doc, lemma, sites=frozenset({"school"}), where="eastland")
    f.extra["site_where"] = frozenset()
    return f


def test_a_country_is_the_place_only_of_a_mention_with_none_finer():
    feats = [_country_only("a", "strike"), _country_only("b", "blow up")]
    assert len(set(join_rival_versions(feats, _cfg(incident_rival_countries=True), [0, 1]))) == 1
    assert join_rival_versions(feats, _cfg(incident_rival_countries=False), [0, 1]) == [0, 1]
    # a school of a named town is not "a school in Eastland" (which may be any of its schools)
    town = _m("c", "strike", sites=frozenset({"school"}), where="eastport")
    town.extra["site_where"] = frozenset({"eastport"})
    town.extra["where"] = frozenset({"eastport", "eastland"})
    assert join_rival_versions([feats[0], town], _cfg(incident_rival_countries=True), [0, 1]) == [0, 1]
