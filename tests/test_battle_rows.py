"""One battle of several days is one row, whatever its words and days (session 38, align/_battlerows.py).

Shape restated in invented words from real multi-side coverage: a three-day battle around the
desert town of Wellmark is told by one report as "the fighting", by another as "a battle" on its
last day, by a third as "les affrontements", by a fourth as "засада на колонну" (an ambush on the
column), by two more as "an attack on a patrol", and by a rebel statement as "the positions we
seized"; each was keyed on its own word and day, and one row was placed at the rebel
alliance's name (the "Sandline Front") read as a place, so the sides' tellings never met. Rows
told mostly in combat words join the combat row told by the most documents when their days lie
close and no two known places clash; a strike from afar stays its own happening, a battle months
later is another, an attack alone or a one-report seizure makes no battle."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._battlerows import combat_words, join_battle_rows
from fullpicture.align._eventpairs import MentionFeatures

DAY = 738000
WELLMARK = (19.5, 2.1, "ZZ", False)
FAR_TOWN = (9.0, -11.5, "YY", False)


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _m(doc: str, lemma: str, day: int = DAY, firm: bool = True, kind: str = "ASSAULT", place: str = "",
       geo: tuple[float, float, str, bool] | None = None, **extra: object) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=kind, family="material_conflict", sentence="...",
                           span=(0, 50), interval=(day, day), date_firm=firm,
                           places=frozenset({place}) if place else frozenset(), geo=geo,
                           extra={"modality": "asserted", **extra})


def _battle() -> list[MentionFeatures]:
    """The fighting told by two reports on the battle's first day (row 0)."""
    return [_m("a", "fighting", DAY, place="Wellmark", geo=WELLMARK), _m("b", "fighting", DAY),
            _m("b", "kill", DAY, kind="KILL")]


def test_the_words_are_read_from_the_data() -> None:
    words = combat_words()
    assert {"fighting", "battle", "affrontement", "бой", "засада"} <= words.combat
    assert {"seize", "saisir", "захватить"} <= words.outcome
    assert {"attack", "attaque", "нападение"} <= words.attack
    assert {"strike", "frappe", "обстрел"} <= words.strike


def test_a_battle_told_by_many_words_on_three_days_is_one_row() -> None:
    feats = _battle() + [
        _m("c", "battle", DAY + 2), _m("c", "statement", DAY + 2, kind="STATEMENT"),
        _m("d", "affrontement", DAY + 1, firm=False),
        _m("e", "засада", DAY + 3, place="Wellmark", geo=WELLMARK), _m("e", "погибнуть", DAY + 3, kind="KILL"),
        _m("f", "attack", DAY + 1), _m("g", "attack", DAY + 1),
        _m("h", "seize", DAY + 2, kind="COERCE"),
    ]
    labels = [0, 0, 0, 1, 1, 2, 3, 3, 4, 4, 5]
    out = join_battle_rows(feats, _cfg(), labels)
    assert len(set(out)) == 1


def test_an_alliance_name_read_as_a_place_keeps_no_row_apart() -> None:
    feats = _battle() + [_m("c", "combat", DAY + 1, place="Sandline Front"), _m("d", "combat", DAY + 1)]
    out = join_battle_rows(feats, _cfg(), [0, 0, 0, 1, 1])
    assert out[3] == out[0]


def test_a_battle_at_a_far_known_town_stays_apart() -> None:
    feats = _battle() + [_m("c", "clash", DAY + 1, place="Farmouth", geo=FAR_TOWN)]
    out = join_battle_rows(feats, _cfg(), [0, 0, 0, 1])
    assert out[3] != out[0]


def test_a_strike_from_afar_stays_its_own_happening() -> None:
    feats = _battle() + [_m("c", "strike", DAY + 1), _m("d", "attack", DAY + 1), _m("e", "frappe", DAY + 1)]
    out = join_battle_rows(feats, _cfg(), [0, 0, 0, 1, 1, 1])
    assert out[3] != out[0]


def test_a_battle_months_later_is_another() -> None:
    feats = _battle() + [_m("c", "battle", DAY + 120), _m("d", "fighting", DAY + 121)]
    out = join_battle_rows(feats, _cfg(), [0, 0, 0, 1, 1])
    assert out[3] != out[0]


def test_a_separate_clash_stays_apart() -> None:
    feats = _battle() + [_m("c", "clash", DAY + 1, distinct=True)]
    out = join_battle_rows(feats, _cfg(), [0, 0, 0, 1])
    assert out[3] != out[0]


def test_attacks_alone_or_a_seizure_in_one_report_make_no_battle() -> None:
    feats = [_m("a", "attack"), _m("b", "attack"), _m("c", "seize", DAY + 1, kind="COERCE"),
             _m("d", "attaque", DAY + 1)]
    labels = [0, 0, 1, 2]
    assert join_battle_rows(feats, _cfg(), labels) == labels


def test_a_row_telling_another_happening_beside_a_fight_keeps_apart() -> None:
    feats = _battle() + [_m("c", "fighting", DAY + 1), _m("c", "flee", DAY + 1, kind="DISPLACE"),
                         _m("c", "arrest", DAY + 1, kind="COERCE"), _m("c", "vote", DAY + 1, kind="AGREE")]
    out = join_battle_rows(feats, _cfg(), [0, 0, 0, 1, 1, 1, 1])
    assert out[3] != out[0]


def test_off_by_setting() -> None:
    feats = _battle() + [_m("c", "battle", DAY + 1)]
    labels = [0, 0, 0, 1]
    assert join_battle_rows(feats, _cfg(incident_combat_days=0), labels) == labels


def _month(doc: str, lemma: str, first: int, last: int, **kw: object) -> MentionFeatures:
    """A mention dated only by a month (its interval spans the month)."""
    m = _m(doc, lemma, first, **kw)  # type: ignore[arg-type]
    m.interval = (first, last)
    return m


def test_a_report_dated_only_by_the_month_joins_the_battle_inside_it() -> None:
    # (session 40) two later reports tell "the fighting in July": their month's first day lies
    # four weeks before the battle, yet the month holds it
    feats = _battle() + [_month("c", "бой", DAY - 20, DAY + 10), _month("d", "бой", DAY - 20, DAY + 10),
                         _m("d", "погибнуть", DAY + 2, firm=False, kind="KILL")]
    out = join_battle_rows(feats, _cfg(), [0, 0, 0, 1, 1, 1])
    assert out[3] == out[0]


def test_a_month_that_does_not_hold_the_battle_keeps_apart() -> None:
    feats = _battle() + [_month("c", "бой", DAY - 60, DAY - 31), _month("d", "бой", DAY - 60, DAY - 31)]
    out = join_battle_rows(feats, _cfg(), [0, 0, 0, 1, 1])
    assert out[3] != out[0]


def test_one_shelling_told_among_a_battles_many_fighting_words_leaves_it_a_battle() -> None:
    # (session 40) the battle's own row told "the fighting" by four reports and once "the strikes":
    # it made no battle row and a later report's "combats" stayed apart
    feats = [_m("a", "fighting"), _m("b", "battle"), _m("c", "бой"), _m("e", "combat"), _m("e", "удар"),
             _m("f", "combat", DAY + 2)]
    out = join_battle_rows(feats, _cfg(), [0, 0, 0, 0, 0, 1])
    assert out[5] == out[0]
    # a row told as much by strikes as by fighting stays a strike: no battle takes it
    feats = _battle() + [_m("c", "clash", DAY + 1), _m("c", "удар", DAY + 1)]
    assert join_battle_rows(feats, _cfg(), [0, 0, 0, 1, 1])[3] != 0
