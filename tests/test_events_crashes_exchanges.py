"""Happenings told by words that name one only in their setting (nlp/events/_crafts.py;
``[crashes]`` and ``[exchanges]`` of data/events/plover*.toml; sentences written for this test,
both sides' wording alike).

Shape restated in invented words from real multi-side coverage of one aircraft's loss: reports
in Russian and French told the crash only by verbs of falling or crashing with the plane as
subject and by nouns of a crash, and every report told the prisoner exchange planned that day,
none of which gave an event. A craft's fall is a crash; a projectile's stays a strike; falling
prices, broken glass and the fall of a town are no crash; an exchange of fire is no exchange."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _types(text: str) -> set[str]:
    return {e.type for e in analyze_text(text, published="2031-03-07").events}


@pytest.mark.parametrize(("text", "crash"), [
    ("A Zeta-9 cargo plane fell in a field near Xtown on Tuesday.", True),
    ("The fall of the plane was filmed by a farmer.", True),
    ("Bread prices fell sharply last month.", False),
    ("The fall of the town ended the siege.", False),
    ("Во вторник в Иксовской области упал транспортный самолёт Зета-9.", True),
    ("Зета-9 разбился у деревни Иксово.", True),
    ("Грузовой самолёт потерпел крушение у деревни Иксово.", True),
    ("На месте падения самолёта работают спасатели.", True),
    ("Цены на хлеб упали за месяц.", False),
    ("Стёкла разбились в соседнем доме.", False),
    ("Un avion de transport Zeta-9 s'est écrasé mardi près d'Ixville.", True),
    ("La chute de l'avion a été filmée par un paysan.", True),
    ("Le crash a eu lieu mardi près d'Ixville.", True),
    ("Les prix du pain sont tombés en un mois.", False),
    ("La chute de la ville a mis fin au siège.", False),
])
def test_a_craft_falling_is_a_crash(text: str, crash: bool) -> None:
    assert ("DISASTER" in _types(text)) is crash


@pytest.mark.parametrize("text", [
    "A rocket fell on a barn in Xville on Tuesday.",
    "Ракета упала на поле у деревни Иксово.",
    "Un missile est tombé sur une ferme du village mardi.",
])
def test_a_projectile_falling_stays_a_strike(text: str) -> None:
    assert _types(text) == {"ASSAULT"}


@pytest.mark.parametrize(("text", "exchange"), [
    ("The swap of 50 for 50 prisoners planned for Monday did not take place.", True),
    ("The men who were to be exchanged were prisoners of the other side.", True),
    ("An exchange of fire killed two soldiers and wounded a prisoner.", False),
    ("The ministers exchanged views on trade.", False),
    ("В понедельник должен был состояться обмен пленными.", True),
    ("Военнопленных везли в город для обмена.", True),
    ("В ходе обмена огнём погибли двое военнослужащих.", False),
    ("Стороны провели обмен мнениями о торговле.", False),
    ("L'échange de prisonniers prévu lundi n'a pas eu lieu.", True),
    ("Un échange de tirs a blessé deux militaires.", False),
])
def test_an_exchange_needs_captives(text: str, exchange: bool) -> None:
    types = {e.type for e in analyze_text(text, published="2031-03-07").events
             if e.trigger.text.lower().startswith(("swap", "exchang", "обмен", "échang"))}
    assert (types == {"RETREAT"}) is exchange


@pytest.mark.parametrize("text", [
    "A truce meant to allow the exchange of prisoners took effect at noon.",
    "Une trêve devant permettre l'échange de prisonniers a pris effet à l'aube.",
    "Перемирие для обмена пленными вступило в силу в полдень.",
])
def test_an_exchange_told_as_a_truces_content_is_the_truce(text: str) -> None:
    events = analyze_text(text, published="2031-03-07").events
    assert not [e for e in events if e.type == "RETREAT"]


# Session 24 (rt): a report told the crash only by a participle qualifying the craft's type
# designation (the tagger's adjective), and two reports named the captives as "captured" persons,
# one of them only in the sentence before "They were flown there for exchange".
@pytest.mark.parametrize(("text", "crash", "lemma"), [
    ("Штаб усомнился, что пленные были на упавшем Зета-9, поскольку не знает, кто был на борту.",
     True, "упасть"),
    ("Спасатели осмотрели упавший самолёт у деревни Иксово.", True, "упасть"),
    ("Le fermier a filmé l'avion tombé près d'Ixville.", True, "tomber"),
    # a designation alone may be a missile's: no craft named, no crash
    ("Сапёры осмотрели упавшую Зета-9 у деревни Иксово.", False, ""),
    ("Упавшие цены на хлеб обрадовали покупателей.", False, ""),
])
def test_a_participle_of_crashing_told_of_a_craft_is_a_crash(text: str, crash: bool, lemma: str) -> None:
    crashes = [e for e in analyze_text(text, published="2031-03-07").events if e.type == "DISASTER"]
    assert bool(crashes) is crash
    if crash:
        assert crashes[0].trigger.lemma == lemma  # the verb's lemma: it meets "упал", "tomba"


@pytest.mark.parametrize(("text", "exchange"), [
    ("Aboard were 40 captured soldiers of the Zeta army flown to Karst for exchange.", True),
    ("Aboard were 40 captured soldiers of the Zeta army. They were flown to Karst for exchange.", True),
    ("Aboard were 40 prisoners of the Zeta army. They were flown to Karst for exchange.", True),
    # no captives in the sentence before: no prisoner exchange
    ("The market of Karst was quiet on Monday. Goods were flown there for exchange.", False),
    # an exchange rate after captives is no exchange of them
    ("Five hostages were freed on Monday. The exchange rate of the zeta fell.", False),
])
def test_captives_named_captured_or_in_the_sentence_before(text: str, exchange: bool) -> None:
    types = {e.type for e in analyze_text(text, published="2031-03-07").events
             if e.trigger.text.lower().startswith("exchang")}
    assert (types == {"RETREAT"}) is exchange
