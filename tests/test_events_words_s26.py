"""Event words on real text, session 26 (verbs; invented sentences restating shapes of real
reports): which words make a mention, and of what happening. A war that a superlative ranks
within ("one of the deadliest strikes of the war") is a comparison class, no happening; a weapon
"supplied by" an ally tells where it came from, no supply; a strike "delivered" passively is told
by its noun; French rescue language ("retirés des gravats", "les fouilles se poursuivent",
"un incendie s'est déclaré") names no withdrawal, prosecution or declaration; help for the
wounded, people buried under rubble and an air-raid alert are no happenings of their own. Each
rule reads both sides' wording alike."""

from __future__ import annotations

import json

import pytest

from tests.helpers import analyze_text


def _types(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in analyze_text(text, published="2031-11-14").events}


@pytest.mark.parametrize(("text", "setting"), [
    ("Officials said 31 people died in Xville in the war's worst single attack.", "war"),
    ("The blast killed 40 people in Xville, making it one of the deadliest attacks of the war.", "war"),
    ("Rockets hit a Xville market on Friday, the worst attack on the town since the invasion began.", "invasion"),
    ("Le bombardement de Xville est le plus meurtrier depuis le début de la guerre.", "guerre"),
    ("La frappe sur Xville est la plus lourde de la guerre, selon la mairie.", "guerre"),
    ("Это самый кровопролитный удар по Иксграду за время войны.", "войны"),
    ("Это крупнейшая атака на Иксград за время войны.", "войны"),
])
def test_a_war_a_superlative_ranks_within_is_no_happening(text, setting):
    types = _types(text)
    assert setting not in types, types
    assert "ASSAULT" in types.values(), types  # the strike itself keeps its mention


@pytest.mark.parametrize(("text", "setting"), [
    ("The war began in May and reached Xville in June.", "war"),
    ("Most of the war was fought around Xville.", "war"),
    # a superlative that ranks no happening ranks within no war
    ("It is the most recent sign of a party at war with the press in Xville.", "war"),
    ("La guerre a commencé il y a deux ans près de Xville.", "guerre"),
])
def test_a_war_told_plainly_keeps_its_mention(text, setting):
    assert _types(text).get(setting) == "ASSAULT"


@pytest.mark.parametrize(("text", "supply"), [
    ("Three ally-supplied rockets hit a depot in Xville.", "supplied"),
    ("The brigade shelled Xville with the ally-supplied Zeta Launch System.", "supplied"),
    ("The Xville depot was shelled with guns supplied by the alliance.", "supplied"),
    ("The shelling of Xville used a launcher, supplied to the army by its allies, officials said.", "supplied"),
    ("Les roquettes que l'alliance avait livrées ont touché la gare de Xville.", "livrées"),
    ("Les missiles fournis par l'allié ont frappé Xville.", "fournis"),
    ("Удар по Иксграду нанесли ракетами, поставленными союзником.", "поставленными"),
])
def test_where_a_weapon_came_from_is_no_supply(text, supply):
    types = _types(text)
    assert supply not in types, types
    assert "ASSAULT" in types.values(), types


@pytest.mark.parametrize(("text", "supply"), [
    ("The ally supplied the missiles to the army last year.", "supplied"),
    ("Союзник поставил Иксландии ракеты в прошлом году.", "поставил"),
    ("Food supplied by the agency reached Xville on Monday.", "supplied"),
])
def test_a_supply_told_as_a_clause_stays_a_supply(text, supply):
    assert _types(text).get(supply) == "AID"


def test_a_strike_delivered_passively_is_told_by_its_noun():
    types = _types("The strike on the Xville depot was delivered at dawn, the army said.")
    assert types.get("strike") == "ASSAULT"
    assert "delivered" not in types, types


@pytest.mark.parametrize(("text", "trigger", "typ"), [
    # rescue language after a strike
    ("Onze dépouilles ont été retirées des gravats à Xville, selon la mairie.", "retirées", None),
    ("Les fouilles se poursuivent ce matin à Xville.", "poursuivent", None),
    ("Le ministre a poursuivi: la ville est calme.", "poursuivi", None),
    ("Un incendie s'est déclaré dans un entrepôt de Xville.", "déclaré", None),
    # the same verbs in their own senses
    ("L'armée a retiré ses troupes de Xville.", "retiré", "RETREAT"),
    ("Le procureur a poursuivi l'ancien maire en justice pour meurtre.", "poursuivi", "SANCTION"),
    ("Le maire de Xville a déclaré que la ville était calme.", "déclaré", "STATEMENT"),
])
def test_french_rescue_language_names_no_other_happening(text, trigger, typ):
    assert _types(text).get(trigger) == typ


def _rows(tmp_path, lexical, texts):
    """Analyse ``(name, text, side)`` documents, compare them, and return the analyses and
    ``(document, event) -> row``."""
    from fullpicture import analyze
    from fullpicture.align import compare
    from fullpicture.models.comparison import Side

    analyses = []
    for name, text, side in texts:
        p = tmp_path / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(json.dumps({"published": "2031-06-03", "perspective": side}))
        analyses.append((side, analyze(p)))
    sides = [Side(label=s, origin="user", documents=[a.document.id]) for s, a in analyses]
    comp = compare([a for _, a in analyses], sides, settings=lexical)
    return [a for _, a in analyses], {(m.document, m.event): r.id for r in comp.events for m in r.mentions}


def test_casualties_beside_a_ranked_war_stay_with_the_strike(tmp_path, lexical):
    """"the rockets killed N in the war's worst attack on the town": the dead are the strike's;
    no row of the war holds them."""
    (one, two), row_of = _rows(tmp_path, lexical, [
        ("one", "Strike on Ixgrad\n\nRockets struck a school in Ixgrad on Sunday. The rockets killed 40 "
         "people in the war's worst attack on the town, the agency said.", "one"),
        ("two", "Strike on Ixgrad\n\nA rocket strike hit a school in Ixgrad on Sunday, officials said.", "two"),
    ])
    killed = next(e.id for e in one.events if e.trigger.lemma == "kill")
    struck = next(e.id for e in one.events if e.trigger.lemma == "strike" and e.trigger.text == "struck")
    assert not any(e.trigger.lemma == "war" for e in one.events)
    assert row_of[(one.document.id, killed)] == row_of[(one.document.id, struck)]


@pytest.mark.parametrize(("text", "typ"), [
    # the people who shelter are no people sheltered: no aid given
    ("Families sheltering in the Xville gym fled at dawn.", None),
    # a shelter given to people stays aid
    ("A Xville school sheltering 300 refugees was hit.", "AID"),
])
def test_people_sheltering_give_no_aid(text, typ):
    assert _types(text).get("sheltering") == typ



@pytest.mark.parametrize(("text", "trigger", "typ"), [
    # the trapped, the alert before a strike and residents warned are the strike's story
    ("Several residents of Xville are still thought to be buried under rubble.", "buried", None),
    ("Medics rushed to help the injured near the Xville depot.", "help", None),
    ("An air-raid alert had sounded in Xville ten minutes before the blast.", "alert", None),
    ("The mayor of Xville warned residents to stay in shelters after a drone alert.", "warned", None),
    # a funeral, a threat and help given to a town keep their types
    ("The agency will help the residents of Xville rebuild their homes.", "help", "AID"),
    ("Relatives buried the children killed in the strike on Xville.", "buried", "CEREMONY"),
    ("The army warned of retaliation against Xville.", "warned", "THREATEN"),
])
def test_the_trapped_and_the_alert_are_no_happening_of_their_own(text, trigger, typ):
    assert _types(text).get(trigger) == typ

