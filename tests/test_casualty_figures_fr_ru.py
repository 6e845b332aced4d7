"""Casualty figures in French and Russian news style (issue 9): what each figure counts (killed,
injured, missing, detained, ...), who it counts, and an approximate or updated value. Every
sentence is invented; each restates a construction of real reports in its own words."""

from __future__ import annotations

import pytest

_CONTEXT = {
    "fr": "Les autorités régionales ont donné un nouveau bilan en fin de journée, après des frappes nocturnes. ",
    "ru": "Региональные власти сообщили новые данные в конце дня, после ночных ударов по городу. ",
    "en": "Regional officials gave a new toll late in the day after strikes overnight on the town. ",
}


def _figures(sentences: list[str], language: str) -> dict[str, tuple]:
    from fullpicture import analyze
    from fullpicture.align._figurevalues import population

    a = analyze(_CONTEXT[language] + " ".join(sentences))
    assert (a.document.language or "en") == language
    return {f.text: (f.value, f.counts, population(a, f), f.low, f.high) for f in a.figures
            if f.start >= len(_CONTEXT[language])}


@pytest.fixture(scope="module")
def ru() -> dict[str, tuple]:
    return _figures([
        "На площади погибли семь человек.",  # the numeral governs its noun (UD nummod:gov)
        "Ранены 64 человека.",
        "Ещё шестнадцать жителей получили ранения.",  # verb + object; a number word of the teens
        "В автобусе погибли 4 гражданских, 21 человек получил травмы.",  # the parser hangs 4 on the second verb
        "Число погибших возросло до 38.",  # "до" after a verb of change: the new value, no upper bound
        "Пропали без вести трое военных.",
        "Удар унёс жизни 12 человек.",
        "При взрыве погибли двадцать пять человек.",  # a compound number in words
        "Около 70 человек пострадали.",
        "С десяток полицейских были задержаны.",
    ], "ru")


def test_russian_numeral_before_its_noun_counts_the_verb(ru):
    assert ru["семь"][:3] == (7.0, "killed", "people")
    assert ru["64"][:2] == (64.0, "injured")


def test_russian_verb_and_object_count_together(ru):
    assert ru["шестнадцать"][:2] == (16.0, "injured")
    assert ru["12"][:2] == (12.0, "killed")
    assert ru["двадцать пять"][:2] == (25.0, "killed")


def test_russian_subject_after_its_verb_keeps_that_verb(ru):
    assert ru["4"][:3] == (4.0, "killed", "civilians")
    assert ru["21"][:2] == (21.0, "injured")


def test_russian_update_and_approximations(ru):
    assert ru["38"] == (38.0, "killed", "people", 38.0, 38.0)
    assert ru["Около 70"][:2] == (70.0, "injured")
    assert ru["С десяток"][:3] == (10.0, "detained", "police")


def test_russian_missing_servicemen(ru):
    assert ru["трое"][:3] == (3.0, "missing", "servicemen")


@pytest.fixture(scope="module")
def fr() -> dict[str, tuple]:
    return _figures([
        "Une vingtaine de soldats ont été blessés près du pont.",
        "Trois gendarmes sont portés disparus.",
        "Six civils ont perdu la vie et onze autres ont été blessés.",
        "La frappe a coûté la vie à quinze personnes.",
        "Le bilan s'est alourdi à 43 morts.",
        "La police a interpellé 12 manifestants.",
        "Deux militaires ont été tués et cinq autres blessés.",
    ], "fr")


def test_french_approximate_noun_counts_its_verb(fr):
    value, counts, pop, low, high = fr["Une vingtaine"]
    assert (value, counts, pop) == (20.0, "injured", "servicemen")
    assert low is None and high is None  # about twenty: neither bound


def test_french_idioms_of_death_and_disappearance(fr):
    assert fr["Trois"][:3] == (3.0, "missing", "police")
    assert fr["Six"][:3] == (6.0, "killed", "civilians")
    assert fr["quinze"][:2] == (15.0, "killed")
    assert fr["43"][:2] == (43.0, "killed")


def test_french_arrests_and_a_joined_noun_keep_their_counts(fr):
    assert fr["12"][1] == "detained"
    assert fr["cinq"][:2] == (5.0, "injured")  # "cinq autres blessés" after "tués"
    assert fr["Deux"][2] == "servicemen"


def test_english_equivalents():
    got = _figures([
        "The blast left 14 dead and 30 wounded.",
        "Four people lost their lives.",
        "The fire claimed the lives of nine people.",
        "Two soldiers were killed and six others wounded.",
        "Three police officers are missing.",
    ], "en")
    assert got["14"][:2] == (14.0, "killed")
    assert got["Four"][:2] == (4.0, "killed")
    assert got["nine"][:2] == (9.0, "killed")
    assert got["six"][:2] == (6.0, "injured")
    assert got["Three"][:3] == (3.0, "missing", "police")


def test_toll_of_a_stretch_of_days_is_a_running_total():
    got = _figures([
        "After nine days of shelling of the valley, which has claimed more than 300 lives, a school was hit.",
        "The strike on the school killed 25 people.",
    ], "en")
    assert got["more than 300"][1:3] == ("killed", "total")  # the campaign's count, not the strike's
    assert got["25"][1:3] == ("killed", "people")


def test_leaving_people_dead_is_no_displacement():
    got = _figures(["Troops shelled the market, leaving 30 people dead."], "en")
    assert got["30"][1] == "killed"


@pytest.mark.parametrize(("language", "sentence", "figure"), [
    ("fr", "Au moins 120 personnes ont été tuées, dont 9 civils.", "Au moins 120"),
    ("ru", "Погибли 120 человек, в том числе девять мирных жителей.", "120"),
])
def test_a_toll_broken_down_into_classes_is_mixed(language, sentence, figure):
    # as English "120 people, including 9 civilians": a mixed count, not comparable with a count
    # of servicemen alone
    got = _figures([sentence], language)
    assert got[figure][1] == "killed" and got[figure][2] == "mixed", got
