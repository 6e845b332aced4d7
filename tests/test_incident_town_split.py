"""Strikes on different towns stay apart (align/_townsplit.py).

Shape restated in invented words from real multi-side coverage of a war's shelling: reports
of a strike on Eastvale and reports of the same night's shelling of Northford, a town 70 km
away, shared one row (the pair model takes two places within place_conflict_km as compatible,
and placeless mentions bridge them); Northford's toll then read as a rival of Eastvale's.
Guards: two names of one town (one key) never split; a town and a suburb within
incident_town_split_km stay one place; a town told by one document only is not enough (unless it
lies hundreds of km from the row's town: incident_town_split_far_km); a
mention told at the country of both stays with the row told by most documents."""

from __future__ import annotations

from dataclasses import replace

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._townsplit import split_town_rows

DAY = 738000
EASTVALE = ("g1", (40.40, 47.10, "XL", False))
NORTHFORD = ("g2", (39.80, 46.75, "XL", False))  # about 70 km from Eastvale
EDGEWOOD = ("g3", (40.45, 47.15, "XL", False))  # about 7 km from Eastvale
XLAND = ("g9", (40.0, 47.0, "XL", True))


def _m(doc: str, place: tuple[str, tuple[float, float, str, bool]] | None, lemma: str = "strike",
       span: int = 0, typ: str = "ASSAULT") -> MentionFeatures:
    key, geo = place if place else (None, None)
    towns = ((key, geo[0], geo[1]),) if key and geo and not geo[3] else ()
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family="material_conflict", interval=(DAY, DAY),
                           date_firm=False, geo=geo, places=frozenset({key} if key else ()),
                           span=(span, span + 10), trigger=lemma, sentence=lemma,
                           extra={"towns": towns, "where": frozenset({key} if key else ())})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _night() -> list[MentionFeatures]:
    """Three reports of the Eastvale strike, two of the Northford shelling (one of them also
    tells Eastvale), all in one row."""
    return [
        _m("a", EASTVALE), _m("a", None, "killed", span=20),
        _m("b", EASTVALE), _m("b", XLAND, "attack", span=40),
        _m("c", EASTVALE, "shelling"),
        _m("d", NORTHFORD, "shelling"), _m("d", None, "killed", span=20),
        _m("c", NORTHFORD, "shelling", span=60), _m("c", None, "wounded", span=60),
    ]


def test_two_towns_far_apart_are_two_rows() -> None:
    feats = _night()
    # c's "wounded" hangs on c's Northford shelling; d tells Northford alone
    out = split_town_rows(feats, _cfg(), [0] * len(feats), {8: 7})
    east = {out[i] for i in (0, 1, 2, 3, 4)}
    north = {out[i] for i in (5, 6, 7, 8)}
    assert east == {0}  # the town told by most documents keeps the row, with the country's mention
    assert len(north) == 1 and north != east


def test_a_consequence_follows_its_happening() -> None:
    feats = [*_night(), _m("e", EASTVALE), _m("e", NORTHFORD, span=80), _m("e", None, "killed", span=120)]
    host = {len(feats) - 1: len(feats) - 2}  # "The shelling killed three" after the Northford strike
    out = split_town_rows(feats, _cfg(), [0] * len(feats), host)
    assert out[-1] == out[5] != out[0]
    # without its happening, a mention of a report that tells both towns stays
    out = split_town_rows(feats, _cfg(), [0] * len(feats), {})
    assert out[-1] == out[0] == 0 and out[8] == 0


def test_a_report_told_also_at_the_country_keeps_its_placeless_mentions() -> None:
    # d tells the Northford shelling and, at the country, another strike: its placeless "killed"
    # may be either
    feats = [*_night(), _m("d", XLAND, "attack", span=90)]
    out = split_town_rows(feats, _cfg(), [0] * len(feats), {})
    assert out[5] != 0 and out[6] == 0


def test_off_by_setting() -> None:
    feats = _night()
    assert split_town_rows(feats, _cfg(incident_town_split_km=0.0), [0] * len(feats), {}) == [0] * len(feats)


def test_one_town_under_two_names_stays_one_row() -> None:
    # "Eastvale" and its other name resolve to one gazetteer place: one key
    feats = [_m(d, EASTVALE) for d in "abcd"]
    assert split_town_rows(feats, _cfg(), [0] * 4, {}) == [0] * 4


def test_a_town_and_its_suburb_stay_one_row() -> None:
    feats = [_m("a", EASTVALE), _m("b", EASTVALE), _m("c", EDGEWOOD), _m("d", EDGEWOOD)]
    assert split_town_rows(feats, _cfg(), [0] * 4, {}) == [0] * 4


def test_a_town_told_by_one_document_does_not_split() -> None:
    feats = [_m("a", EASTVALE), _m("b", EASTVALE), _m("c", NORTHFORD)]
    assert split_town_rows(feats, _cfg(), [0] * 3, {}) == [0] * 3


def test_a_statement_is_no_town_happening() -> None:
    # "officials in Northford said": a statement's place does not make a town group
    feats = [_m("a", EASTVALE), _m("b", EASTVALE), _m("c", NORTHFORD, "say", typ="STATEMENT"),
             _m("d", NORTHFORD, "say", typ="STATEMENT")]
    assert split_town_rows(feats, _cfg(), [0] * 4, {}) == [0] * 4


def test_a_town_struck_counts_though_told_at_the_country() -> None:
    # "Xland shelled Northford": told at the country, Northford is the place it struck
    feats = _night()
    for i in (5, 7):
        feats[i] = _m(feats[i].doc, XLAND, "shelling", span=feats[i].span[0] if feats[i].span else 0)
        feats[i].extra["towns"] = ((NORTHFORD[0], NORTHFORD[1][0], NORTHFORD[1][1]),)
    out = split_town_rows(feats, _cfg(), [0] * len(feats), {})
    assert out[5] == out[7] != out[0]


def test_the_wounded_dying_in_another_towns_hospital_do_not_split() -> None:
    # "two of the wounded died in a Northford hospital": a consequence's town is no happening's
    feats = [_m(d, EASTVALE) for d in "abc"] + [_m("d", NORTHFORD, "die"), _m("e", NORTHFORD, "die")]
    assert split_town_rows(feats, _cfg(), [0] * 5, {}) == [0] * 5


FARPORT = ("g4", (46.90, 53.60, "YL", False))  # about 900 km from Eastvale, in another country


def test_a_far_town_told_by_one_document_splits() -> None:
    # one report of the Eastvale strike adds, in passing, a missile that hit Farport the same
    # night: a town hundreds of km away is another happening even when one report tells it
    feats = [_m("a", EASTVALE), _m("b", EASTVALE), _m("c", EASTVALE),
             _m("c", FARPORT, "strike", span=60), _m("c", None, "killed", span=60)]
    out = split_town_rows(feats, _cfg(incident_town_split_far_km=300.0), [0] * 5, {4: 3})
    assert out[:3] == [0, 0, 0]
    assert out[3] == out[4] != 0


def test_a_far_town_needs_the_setting() -> None:
    feats = [_m("a", EASTVALE), _m("b", EASTVALE), _m("c", FARPORT, span=60)]
    assert split_town_rows(feats, _cfg(incident_town_split_far_km=0.0), [0] * 3, {}) == [0] * 3
    # a town 70 km away told by one report stays (the row's town named after a larger one)
    feats = [_m("a", EASTVALE), _m("b", EASTVALE), _m("c", NORTHFORD, span=60)]
    assert split_town_rows(feats, _cfg(), [0] * 3, {}) == [0] * 3


def test_no_far_split_without_a_town_two_documents_tell() -> None:
    # every town told by one report: no group keeps the row, nothing splits
    feats = [_m("a", EASTVALE), _m("c", FARPORT, span=60)]
    assert split_town_rows(feats, _cfg(), [0] * 2, {}) == [0] * 2


def _reported(doc: str, place: tuple[str, tuple[float, float, str, bool]], pub: int) -> MentionFeatures:
    """A happening dated only by its report, published on day ``pub``."""
    m = _m(doc, place)
    return replace(m, extra={**m.extra, "by_report": True, "published": (pub, pub)})


def test_a_later_reports_town_splits_no_row() -> None:
    # session 36: two follow-ups days on tell the Eastvale strike in passing, in a sentence about
    # talks held in Northford; their strike is dated and placed by the report, not by the strike
    first = [replace(_m(d, EASTVALE), date_firm=True) for d in "abc"]
    late = [_reported(d, NORTHFORD, DAY + 4) for d in "xy"]
    feats = first + late
    assert split_town_rows(feats, _cfg(), [0] * len(feats), {}) == [0] * len(feats)
    # the same reports published on the strike's day tell another town struck: split
    same = first + [_reported(d, NORTHFORD, DAY) for d in "xy"]
    out = split_town_rows(same, _cfg(), [0] * len(same), {})
    assert out[:3] == [0, 0, 0] and out[3] == out[4] != 0
    # and with the rule off (0 days), the later reports' town splits too
    out = split_town_rows(feats, _cfg(incident_later_report_days=0), [0] * len(feats), {})
    assert out[3] == out[4] != 0
