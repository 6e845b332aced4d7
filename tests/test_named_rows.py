"""Rows that name a happening by a judgement, an anaphora or its dead join its row
(align/_namedrows.py; session 33, naming).

Shape restated in invented words from real multi-side coverage: the killings found in the town of
Eastvale are told by one side's outlets as "the Eastvale massacre" and "atrocities", by the other
side's as "a provocation" and "staged", by a Russian-language piece as "провокация в Иствейле",
and by others only through the dead ("were shot dead", "were buried"). Each word made a row of
its own at the town, so the accusation and the denial never met. Guards: a row naming a
happening with a day of its own far from the row's, a later happening at the town that the
words may name, a row placed at a town abroad, a row sharing only a group's name (no place, no
person), a row of another happening's words (a battle), and the switch off keep the rows apart.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import incident_lexicon
from fullpicture.align._namedrows import is_naming, join_named_rows, victims_only

DAY = 738000
TOWN = frozenset({"eastvale"})


def _m(doc: str, lemma: str, kind: str, day: int = DAY, firm: bool = False,
       names: frozenset[str] = TOWN, geo: tuple[float, float, str, bool] | None = None) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=kind, sentence="...", span=(0, 60),
                           interval=(day, day), date_firm=firm, geo=geo,
                           extra={"where_names": names, "published": (day, day)})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_named_days": 3650,
            "incident_named_day_slack": 3, **over}


def _story(late: list[MentionFeatures]) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: three reports of the killings at the town on their day; row 1: ``late``."""
    first = [_m("a", "kill", "ASSAULT", firm=True), _m("a", "massacre", "ASSAULT"),
             _m("b", "kill", "ASSAULT", firm=True), _m("c", "attack", "ATTACK", firm=True)]
    return first + late, [0] * len(first) + [1] * len(late)


def test_naming_nouns_in_three_languages() -> None:
    for lemma in ("provocation", "atrocity", "incident", "tragédie", "провокация", "трагедія"):
        assert is_naming(_m("x", lemma, "ACCUSE"))
    assert not is_naming(_m("x", "battle", "FIGHT"))


def test_a_provocation_at_the_town_joins_the_row_of_the_killings() -> None:
    late = [_m("d", "provocation", "ACCUSE", DAY + 1), _m("d", "deny", "REJECT", DAY + 1)]
    feats, labels = _story(late)
    assert join_named_rows(feats, _cfg(), labels) == [0] * 6


def test_a_piece_in_another_script_years_later_joins_by_the_town() -> None:
    # an anniversary piece: "провокация" told of the town, written in Cyrillic (one key)
    late = [_m("r", "провокация", "ACCUSE", DAY + 700), _m("r", "погибнуть", "ASSAULT", DAY + 700)]
    feats, labels = _story(late)
    assert join_named_rows(feats, _cfg(), labels) == [0] * 6


def test_rows_of_the_dead_only_join_the_row_of_the_killings() -> None:
    shot = [_m("e", "shoot dead", "ASSAULT", DAY + 2), _m("e", "kill", "ASSAULT", DAY + 2)]
    feats, labels = _story(shot)
    assert victims_only(feats, [4, 5], incident_lexicon())
    assert join_named_rows(feats, _cfg(), labels) == [0] * 6
    buried = [_m("f", "bury", "OTHER", DAY + 2), _m("g", "bury", "OTHER", DAY + 2)]
    feats, labels = _story(buried)
    assert join_named_rows(feats, _cfg(), labels) == [0] * 6


def test_a_row_of_another_happening_keeps_its_row() -> None:
    # a battle at the town told with its dead is no name of the killings
    late = [_m("h", "battle", "FIGHT", DAY + 1), _m("h", "kill", "ASSAULT", DAY + 1)]
    feats, labels = _story(late)
    assert join_named_rows(feats, _cfg(), labels) == labels


def test_a_named_happening_with_a_day_of_its_own_stays_apart() -> None:
    # "the tragedy of 12 May": a happening on its own stated day, weeks from the row's
    late = [_m("n", "tragedy", "ASSAULT", DAY + 30, firm=True)]
    feats, labels = _story(late)
    assert join_named_rows(feats, _cfg(), labels) == labels


def test_a_later_happening_at_the_town_keeps_the_words_apart() -> None:
    feats, labels = _story([_m("d", "massacre", "ASSAULT", DAY + 20)])
    feats += [_m("x", "attack", "ATTACK", DAY + 10, firm=True), _m("x", "kill", "ASSAULT", DAY + 10, firm=True)]
    labels += [2, 2]
    assert join_named_rows(feats, _cfg(), labels) == labels


def test_a_row_placed_at_a_town_abroad_stays_apart() -> None:
    home = (50.0, 30.0, "AA", False)
    feats, labels = _story([_m("m", "provocation", "ACCUSE", DAY + 30, geo=(53.9, 27.5, "BB", False))])
    for f in feats[:4]:
        f.geo = home
    assert join_named_rows(feats, _cfg(), labels) == labels


def test_a_group_name_alone_ties_nothing() -> None:
    late = [_m("g", "provocation", "ACCUSE", DAY + 1, names=frozenset())]
    feats, labels = _story(late)
    assert join_named_rows(feats, _cfg(), labels) == labels


def test_switched_off() -> None:
    feats, labels = _story([_m("d", "provocation", "ACCUSE", DAY + 1)])
    assert join_named_rows(feats, _cfg(incident_named_days=0), labels) == labels


def test_a_row_of_statements_hosts_no_named_happening() -> None:
    # an appointment story: announcements and one figurative "erupted"; the death of a former
    # office holder, told by two outlets, is its own row, not a name of the announcements
    host = [_m("a", "announce", "STATEMENT", firm=True), _m("a", "erupt", "ASSAULT", firm=True),
            _m("b", "announce", "STATEMENT", firm=True), _m("c", "announce", "STATEMENT", firm=True)]
    death = [_m("a", "death", "ASSAULT"), _m("b", "death", "ASSAULT")]
    feats, labels = host + death, [0] * 4 + [1] * 2
    assert join_named_rows(feats, _cfg(), labels) == labels
    assert join_named_rows(feats, _cfg(incident_named_host_violent_share=0.0), labels) == [0] * 6


def test_the_shipped_settings_join_named_rows() -> None:
    cfg = load_settings().section("align")
    assert cfg["incident_named_days"] > 0 and cfg["incident_named_host_violent_share"] > 0
