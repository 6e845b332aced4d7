"""A later report that names the story's main happening joins its row, whatever its day and the
country its speaker accuses (align/_retoldnamed.py; session 32, retell).

Shape restated in invented words from real multi-side coverage: a gas attack on the town of
Eastvale is told on its day by most outlets; ten days later a piece relays an envoy who accuses
two foreign states of "staging the gas attack in Eastvale" (the attack is placed at the accused
state, the accusation at Eastvale); weeks later another piece tells a head of state's finding on
"the crash of Ivan Petrov's plane" in another script, with no place at all. Both dated by their
publication, they formed rows of their own, and the dispute they carry never met the first
reports. Guards: a later report with a day of its own, a later happening with the same name on
a day between, a report naming nothing the main row names, a document telling both rows, a
report older than the row or beyond the horizon, and the switch off keep the rows apart.
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._retoldnamed import join_retold_named, named_keys, sentence_places

DAY = 738000


def _m(doc: str, day: int, firm: bool, *, names: frozenset[str] = frozenset({"eastvale"}),
       lemma: str = "attack", kind: str = "ASSAULT", family: str = "material_conflict",
       pub: int | None = None) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=kind, family=family, sentence="...",
                           span=(0, 60), interval=(day, day), date_firm=firm,
                           extra={"by_report": not firm, "names": names,
                                  "published": (pub if pub is not None else day,) * 2})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_retold_named_days": 400, **over}


def _story(late: list[MentionFeatures]) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: three reports of the day at the town; row 1: the later report's mentions."""
    first = [_m("a", DAY, True), _m("a", DAY, True, lemma="kill"), _m("b", DAY, True),
             _m("c", DAY, True, names=frozenset({"eastvale", "petrov"}))]
    return first + late, [0] * len(first) + [1] * len(late)


def _staged(gap: int = 10, doc: str = "s", names: frozenset[str] = frozenset({"eastvale"})) -> list[MentionFeatures]:
    """The later piece: the attack placed at an accused state (a country: no name), the envoy's
    accusation at the town."""
    return [_m(doc, DAY + gap, False, names=frozenset()),
            _m(doc, DAY + gap, False, names=names, lemma="accuse", kind="ACCUSE", family="verbal_conflict")]


def test_a_staging_claim_days_later_joins_the_main_row() -> None:
    feats, labels = _story(_staged())
    assert join_retold_named(feats, _cfg(), labels) == [0] * 6


def test_a_finding_weeks_later_naming_the_victim_joins_the_main_row() -> None:
    late = [_m("f", DAY + 43, False, names=frozenset(), lemma="crash", kind="DISASTER", family="DISASTER"),
            _m("f", DAY + 43, False, names=frozenset({"petrov"}), lemma="explode")]
    feats, labels = _story(late)
    feats.append(_m("c", DAY, True, names=frozenset({"petrov"}), lemma="crash", kind="DISASTER", family="DISASTER"))
    labels.append(0)
    assert join_retold_named(feats, _cfg(), labels) == [0] * 7


def test_a_report_with_a_day_of_its_own_stays_apart() -> None:
    # "on Tuesday a new attack hit Eastvale": a happening on a day the later report states
    late = [_m("n", DAY + 10, True), *_staged()[1:]]
    feats, labels = _story(late)
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_a_later_happening_with_the_name_keeps_the_report_apart() -> None:
    feats, labels = _story(_staged(gap=12))
    feats += [_m("x", DAY + 8, True), _m("y", DAY + 8, True)]
    labels += [2, 2]
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_a_report_naming_nothing_of_the_main_row_stays_apart() -> None:
    feats, labels = _story(_staged(names=frozenset({"northvale"})))
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_a_document_telling_both_rows_keeps_them_apart() -> None:
    feats, labels = _story(_staged(doc="a"))
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_an_older_report_or_one_beyond_the_horizon_stays_apart() -> None:
    for gap in (-5, 0, 500):
        feats, labels = _story(_staged(gap=gap))
        assert join_retold_named(feats, _cfg(), labels) == labels


def test_an_anniversary_piece_years_later_joins_under_the_shipped_horizon() -> None:
    # session 33: pieces one to four years on (anniversaries, a spokesman's later version) name
    # the happening with no day of their own; 400 days kept those of the fourth year apart
    cfg = load_settings().section("align")
    feats, labels = _story(_staged(gap=4 * 365 + 1))
    assert join_retold_named(feats, cfg, labels) == [0] * len(labels)


def test_a_page_sixteen_years_later_joins_under_the_shipped_horizon() -> None:
    # session 38: a broadcaster's page on the affair sixteen years on names it with no day of its
    # own; the ten-year horizon kept it in a row of its year
    cfg = load_settings().section("align")
    feats, labels = _story(_staged(gap=16 * 365 + 4))
    assert join_retold_named(feats, cfg, labels) == [0] * len(labels)


def test_a_stated_period_holding_the_main_day_is_no_day_of_its_own() -> None:
    # session 33: "three years ago, on the seventh, the enemy bombed the school of this village":
    # the time layer gives the year alone, firm; it holds the strike's day
    year = (DAY - 100, DAY + 265)
    late = [_m("y", DAY + 3 * 365, False)]
    feats, labels = _story(late)
    feats[-1] = replace(feats[-1], interval=year, date_firm=True)
    assert join_retold_named(feats, _cfg(incident_retold_named_days=3660), labels) == [0] * len(labels)
    # a year that does not hold it (the year after) is a day of its own
    feats[-1] = replace(feats[-1], interval=(DAY + 300, DAY + 664))
    assert join_retold_named(feats, _cfg(incident_retold_named_days=3660), labels) == labels


def test_a_mention_told_at_no_place_names_its_sentences_places() -> None:
    spans = [(5, "town"), (40, "hall"), (90, "other")]
    assert sentence_places(spans, 0, 60) == ["town", "hall"]
    assert sentence_places(spans, 60, 80) == []


def test_a_pooled_comparison_of_many_stories_has_no_main_happening() -> None:
    # session 33: the largest row of a pooled comparison is one story's among many; a later
    # report of another story naming the same capital stays apart
    feats, labels = _story(_staged())
    feats += [_m(f"o{k}", DAY - 30 * k, True, names=frozenset({f"town{k}"})) for k in range(1, 9)]
    labels += list(range(2, 10))
    assert join_retold_named(feats, _cfg(incident_retold_named_share=0.5), labels) == labels
    assert join_retold_named(feats, _cfg(incident_retold_named_share=0.0), labels)[4:6] == [0, 0]


def test_off() -> None:
    feats, labels = _story(_staged())
    assert join_retold_named(feats, _cfg(incident_retold_named_days=0), labels) == labels


def test_no_single_main_row_joins_nothing() -> None:
    feats, labels = _story(_staged())
    feats += [_m(d, DAY, True, names=frozenset({"eastvale"})) for d in "pqr"]
    labels += [2, 2, 2]
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_later_reports_count_with_the_main_row_for_its_share() -> None:
    # session 36: the more follow-ups a story has, each dated by its own day, the fewer of the
    # comparison's documents the first day's row holds (three of seven here); with the follow-ups
    # it takes, the main row is one story's again
    late = [_m(d, DAY + 40 * k, False) for k, d in enumerate("stu", start=1)]
    feats, labels = _story(late)
    labels[-3:] = [1, 2, 3]
    feats += [_m("v", DAY - 90, True, names=frozenset({"northvale"}))]
    labels += [4]
    assert join_retold_named(feats, _cfg(incident_retold_named_share=0.5), labels) == [0] * 7 + [4]
    # a main row and its retellings told by fewer than half of the documents: no main happening
    assert join_retold_named(feats, _cfg(incident_retold_named_share=0.9), labels) == labels


def test_a_document_whose_words_only_sit_in_the_main_row_tells_no_happening_there() -> None:
    # session 36: a follow-up's inquiry and accusation words hang on the main row; its own
    # past-tense telling of the strike, dated by the report, is the same happening
    late = [_m("f", DAY + 3, False),
            _m("f", DAY + 3, False, lemma="investigate", kind="INVESTIGATE", family="verbal_cooperation")]
    feats, labels = _story(late)
    labels[-1] = 0
    assert join_retold_named(feats, _cfg(), labels) == [0] * len(labels)


def test_a_later_account_naming_nothing_joins_the_main_row() -> None:
    # session 36: a first-person account nine days on tells the boarding and the firing with no
    # place but the open sea and no name: dated by its report, a row of its own
    late = [_m("p", DAY + 9, False, names=frozenset(), lemma="board"),
            _m("p", DAY + 9, False, names=frozenset(), lemma="fire")]
    feats, labels = _story(late)
    assert join_retold_named(feats, _cfg(incident_retold_nameless=True), labels) == [0] * 6
    assert join_retold_named(feats, _cfg(incident_retold_nameless=False), labels) == labels
    # a row of that family stating a later day (another raid, named elsewhere) keeps it apart
    feats += [_m("x", DAY + 5, True, names=frozenset({"northvale"})),
              _m("y", DAY + 5, True, names=frozenset({"northvale"}))]
    labels += [2, 2]
    assert join_retold_named(feats, _cfg(incident_retold_nameless=True), labels) == labels


def test_a_later_shoot_down_retells_the_main_rows_crash() -> None:
    # session 36: the first reports tell a plane's crash at the town; a follow-up weeks on tells
    # that it was shot down there, dated by its report: one happening in two families
    first = [_m(d, DAY, True, lemma="crash", kind="DISASTER", family="DISASTER") for d in "abc"]
    late = [replace(_m("s", DAY + 20, False, lemma="shoot"), trigger="shot down")]
    feats, labels = first + late, [0, 0, 0, 1]
    assert join_retold_named(feats, _cfg(incident_retold_downing=True), labels) == [0] * 4
    assert join_retold_named(feats, _cfg(incident_retold_downing=False), labels) == labels
    # an attack that is no shoot-down stays in its family
    other = [*first, replace(late[0], lemma="attack", trigger="attacked")]
    assert join_retold_named(other, _cfg(incident_retold_downing=True), labels) == labels


def test_a_day_stated_after_the_report_is_no_day_of_its_own() -> None:
    # session 36: the time layer read a follow-up's weekday forward, weeks after the report's
    # publication; a past act its report tells cannot fall after the report
    late = [replace(_m("w", DAY + 60, False), interval=(DAY + 140, DAY + 140), date_firm=True)]
    feats, labels = _story(late)
    cfg = _cfg(incident_retold_after_report=True)
    assert join_retold_named(feats, cfg, labels) == [0] * len(labels)
    assert join_retold_named(feats, _cfg(incident_retold_after_report=False), labels) == labels
    # a day stated before the report (a new act on a day of its own) still keeps it apart
    feats[-1] = replace(feats[-1], interval=(DAY + 50, DAY + 50))
    assert join_retold_named(feats, cfg, labels) == labels


class _Index:
    """An entity index of one document: id -> (name, type)."""

    def __init__(self, ents: dict[str, tuple[str, str]]) -> None:
        self.ents = ents

    def display(self, doc: str, eid: str | None, resolve: bool = False) -> str | None:
        return self.ents[eid][0] if eid else None

    def entity(self, doc: str, eid: str | None) -> SimpleNamespace | None:
        return SimpleNamespace(type=self.ents[eid][1]) if eid else None


def test_names_meet_across_scripts_a_surname_alone_and_no_country() -> None:
    latin = _Index({"p": ("Ivan Petrov", "PERSON"), "t": ("Eastvale", "GPE"), "c": ("France", "GPE")})
    cyrillic = _Index({"p": ("Петров", "PERSON"), "t": ("Иствейл", "GPE")})
    a = named_keys(latin, "d", ["p", "t", "c"])  # type: ignore[arg-type]
    b = named_keys(cyrillic, "d", ["p", "t"])  # type: ignore[arg-type]
    assert a & b  # the surname, told alone in the other script
    assert not any("franc" in k for k in a)  # a country is no name of a happening
