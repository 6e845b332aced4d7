"""Event words on real text, session 25 (verbs; invented sentences restating shapes of real
reports): the other side's words for a strike are a strike too. The fall of a projectile or of
its debris told by a noun ("the fall of an interceptor", "la chute d'un missile", "падение
ракеты", "падіння уламків"), a projectile that "hit" by a colloquial verb ("угодила", "попал"),
the detonation of stored munitions, and projectiles launched in a "series" are strikes,
whichever side tells them; the fall of a town, falling prices, a person who "fell" into
captivity and a series of reforms are none."""

from __future__ import annotations

import pytest

from fullpicture.nlp.events.limited import find_triggers, trigger_list
from fullpicture.nlp.lang.words import words
from tests.helpers import analyze_text


def _types(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in analyze_text(text, published="2031-11-14").events}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Officials blamed the damage in Xville on the fall of a defensive missile.", "fall"),
    ("The ministry said the fall of debris set two roofs alight.", "fall"),
    ("Le ministère attribue les dégâts à la chute d'un missile intercepteur sur Xville.", "chute"),
    ("La chute de débris a été signalée dans deux quartiers de Xville.", "chute"),
    ("Министерство заявило о падении зенитной ракеты на склад в Иксграде.", "падении"),
    ("Падение обломков зафиксировали в двух районах Иксграда.", "Падение"),
])
def test_the_fall_of_a_projectile_is_a_strike(text, trigger):
    assert _types(text).get(trigger) == "ASSAULT"


@pytest.mark.parametrize(("text", "trigger", "typ"), [
    # (the English noun of falling names a strike only with a projectile, [subjects]: no mention)
    ("The fall of the town came after a long siege.", "fall", None),
    ("La chute de la ville est survenue en mai.", "chute", "RETREAT"),
    ("Эксперты отметили падение цен на зерно.", "падение", None),
    ("Падение рубля продолжилось в пятницу.", "Падение", None),
])
def test_the_fall_of_a_town_or_of_prices_is_no_strike(text, trigger, typ):
    assert _types(text).get(trigger) == typ


@pytest.mark.parametrize(("text", "trigger", "typ"), [
    ("Одна из ракет угодила в здание склада в Иксграде.", "угодила", "ASSAULT"),
    ("Снаряд попал в школу на окраине Иксграда.", "попал", "ASSAULT"),
    ("Двое солдат попали в плен под Иксградом.", "попали", None),
    ("Водитель угодил в пробку на мосту.", "угодил", None),
])
def test_a_colloquial_hit_needs_a_projectile(text, trigger, typ):
    assert _types(text).get(trigger) == typ


@pytest.mark.parametrize(("text", "trigger"), [
    ("The detonation of the stored shells set the nearby cinema on fire.", "detonation"),
    ("La détonation des munitions stockées a provoqué un incendie dans le cinéma voisin.", "détonation"),
    ("Детонация хранившихся снарядов вызвала пожар в соседнем кинотеатре.", "Детонация"),
])
def test_a_detonation_of_munitions_is_a_strike(text, trigger):
    assert _types(text).get(trigger) == "ASSAULT"


@pytest.mark.parametrize(("text", "trigger", "typ"), [
    ("The brigade launched a series of missiles at the town.", "launched", "ASSAULT"),
    ("La brigade a lancé une série de roquettes sur la vallée.", "lancé", "ASSAULT"),
    ("Une dizaine de roquettes ont été lancées vers la colline.", "lancées", "ASSAULT"),
    ("The ministry launched a series of reforms in the spring.", "launched", None),
    ("Le ministre a lancé une série de réformes au printemps.", "lancé", None),
])
def test_projectiles_launched_in_a_series_are_an_attack(text, trigger, typ):
    assert _types(text).get(trigger) == typ


@pytest.mark.parametrize(("text", "typ"), [
    ("A drone crashed into a house in Xville overnight.", "ASSAULT"),
    ("The small plane crashed in a field near Xville.", "DISASTER"),
])
def test_a_projectile_that_crashed_struck(text, typ):
    assert typ in {e.type for e in analyze_text(text, published="2031-11-14").events}


@pytest.mark.parametrize(("text", "want"), [
    ("Падіння уламків зафіксовано у двох районах міста.", ["падіння"]),
    ("Уночі на склад впала ракета, пошкоджено дах.", ["впасти", "пошкодити"]),
    ("Детонація боєприпасів спричинила пожежу.", ["детонація", "пожежа"]),
    # falling prices and a falling person are no strike
    ("Падіння цін тривало весь місяць.", []),
    ("Чоловік впав на сходах.", []),
])
def test_ukrainian_falls_of_projectiles(text, want):
    got = [v[1] for _i, _j, v in find_triggers(words(text, "uk"), trigger_list("uk"))]
    assert got == want, got


@pytest.mark.parametrize(("text", "triggers"), [
    ("Днём бомбардировщики выпустили две ракеты по Иксграду. Одна из них упала в поле, а вторая "
     "попала в склад.", {"упала", "попала"}),
    ("The crews fired two rockets at Xville. One of them fell on a stadium and the other landed in a yard.",
     {"fell", "landed"}),
])
def test_one_of_the_projectiles_named_before_strikes(text, triggers):
    types = _types(text)
    assert all(types.get(t) == "ASSAULT" for t in triggers), types


@pytest.mark.parametrize(("text", "trigger"), [
    ("Двое солдат попали в плен под Иксградом. Один из них упал при побеге.", "упал"),
    ("Prices of bread rose in March. One of them fell in April.", "fell"),
])
def test_one_of_things_that_are_no_projectiles_strikes_nothing(text, trigger):
    assert trigger not in _types(text)


@pytest.mark.parametrize(("text", "trigger", "typ"), [
    ("L'armée a nié, soutenant avoir uniquement touché des dépôts militaires.", "soutenant", None),
    ("Le ministre soutient que la frappe visait un dépôt.", "soutient", None),
    ("Le pays voisin soutient l'Ukraine depuis le début.", "soutient", "SUPPORT"),
])
def test_maintaining_a_claim_is_no_support(text, trigger, typ):
    assert _types(text).get(trigger) == typ


def test_a_fire_told_after_a_strike_joins_the_strike_row(tmp_path, lexical):
    """A Ukrainian report's fire ("пожежа", a blaze to the word lists) told after the strike that
    set it is that strike's consequence: one row, no row of the fire alone."""
    import json

    from fullpicture import analyze
    from fullpicture.align import compare
    from fullpicture.models.comparison import Side

    def doc(name: str, text: str, side: str):
        p = tmp_path / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(json.dumps({"published": "2031-06-03", "perspective": side}))
        return analyze(p)

    uk = doc("uk", "Удар по Іксграду\n\nУчора ракета влучила в торговий центр в Іксграді. "
             "Пожежу на площі двох тисяч метрів гасили до ранку.", "two")
    en = doc("en", "Strike on Ixgrad\n\nA missile hit a shopping centre in Ixgrad on Tuesday, officials said.",
             "one")
    fire = next(e.id for e in uk.events if e.trigger.lemma == "пожежа")
    hit = next(e.id for e in uk.events if e.trigger.lemma == "влучити")
    comp = compare([en, uk], [Side(label="one", origin="user", documents=[en.document.id]),
                              Side(label="two", origin="user", documents=[uk.document.id])], settings=lexical)
    row_of = {(m.document, m.event): r.id for r in comp.events for m in r.mentions}
    assert row_of[(uk.document.id, fire)] == row_of[(uk.document.id, hit)]



@pytest.mark.parametrize(("text", "trigger", "typ"), [
    ("Le président a dénoncé un crime de guerre après la frappe sur le marché.", "guerre", None),
    ("Les lois de la guerre protègent les civils.", "guerre", None),
    ("La guerre a commencé il y a deux ans.", "guerre", "ASSAULT"),
])
def test_a_legal_category_names_no_war(text, trigger, typ):
    assert _types(text).get(trigger) == typ
