"""One actor, many names (session 39): invented texts.

Sides name one armed group or organisation in their own language or by an acronym ("ISIS" in an
English report, "Daech" or "l'État islamique" in a French one, "ИГИЛ" in a Russian one). Read as
different agents, they made a false agent conflict; the alias table (``data/align/actors.toml``)
makes them one actor in entity linking, agent conflicts and the naming table. Real disputes stay:
two groups, or two states' armies, are two agents; a description a side chooses ("terrorists")
is no name of anyone; a bare surname tagged as a person is no group. The village, the dates and
the tolls are invented.
"""

from __future__ import annotations

from types import SimpleNamespace

from fullpicture._data import data_toml
from fullpicture.align._actors import entity_actor, fold_accents
from fullpicture.align._entityconflicts import _entity_conflict, actor_kind
from fullpicture.align._naming import naming_table
from fullpicture.align._rowmembers import Member
from fullpicture.align._util import EntityIndex
from fullpicture.models import Entity
from fullpicture.models.entities import Geo, Mention
from tests.helpers import analyze_text

EN = "Gunmen from ISIS attacked the village of Velmora on Tuesday, killing nine shepherds, officials said.\n"
FR = "Des combattants de l'État islamique ont attaqué mardi le village de Velmora. Daech a revendiqué l'attaque.\n"
RU = "Боевики ИГИЛ напали во вторник на деревню Велмора и убили девять пастухов.\n"


def _members(*told):
    return [Member(side=side, analysis=a, event=e) for side, a in told for e in a.events if e.type == "ASSAULT"]


def _doc(doc: str, text: str, language: str, *names: tuple[str, str]):
    """A stand-in analysis with the fields entity linking and the naming table read: one entity
    per (name, type), its mention found in ``text``."""
    ents = []
    for k, (name, type_) in enumerate(names, 1):
        at = text.index(name)
        ents.append(Entity(id=f"e{k}", name=name, type=type_, mentions=[Mention(start=at, end=at + len(name), text=name)]))
    return SimpleNamespace(document=SimpleNamespace(id=doc, language=language), text=text, entities=ents, framing=[])


def test_one_group_named_in_three_languages_is_one_agent():
    en, fr, ru = (analyze_text(t, published="2031-05-07") for t in (EN, FR, RU))
    index = EntityIndex([en, fr, ru])
    keys = {index.key(a.document.id, e.id) for a in (en, fr, ru) for e in a.entities if index.actor(a.document.id, e.id)}
    assert len(keys) == 1
    assert {e.name for a in (en, fr, ru) for e in a.entities if index.actor(a.document.id, e.id)} >= {"ISIS", "ИГИЛ", "Daech"}
    assert _entity_conflict(_members(("north", en), ("south", fr), ("east", ru)), index, "agent", {}) is None


def test_two_groups_and_two_states_armies_stay_two_agents():
    en = analyze_text(EN, published="2031-05-07")
    other = analyze_text("Hezbollah fighters attacked the village of Velmora on Tuesday, killing nine shepherds.\n",
                         published="2031-05-07")
    c = _entity_conflict(_members(("north", en), ("south", other)), EntityIndex([en, other]), "agent", {})
    assert c is not None and {v.side for v in c.values} == {"north", "south"}
    peru = analyze_text("The Peruvian army shelled the village of Velmora on Tuesday, killing nine shepherds.\n",
                        published="2031-05-07")
    chile = analyze_text("The Chilean army shelled the village of Velmora on Tuesday, killing nine shepherds.\n",
                         published="2031-05-07")
    index = EntityIndex([peru, chile])
    assert not any(index.actor(a.document.id, e.id) for a in (peru, chile) for e in a.entities)
    c = _entity_conflict(_members(("north", peru), ("south", chile)), index, "agent", {})
    assert c is not None and {v.side for v in c.values} == {"north", "south"}


def test_descriptions_a_side_chooses_are_no_names_in_the_table():
    data = data_toml("align", "actors.toml")["actors"]
    forms = {fold_accents(w).lower() for a in data.values() for name in a["names"] for ws in name.values() for w in ws}
    for word in ("terrorists", "militants", "rebels", "insurgents", "jihadists", "terroristes", "jihadistes",
                 "rebelles", "террористы", "боевики", "боевиков", "бандформирования", "army", "armée", "армия"):
        assert not any(word in f.split() for f in forms), word
    assert all(a.get("source") for a in data.values())
    a = _doc("d1", "Terrorists attacked the village.", "en", ("Terrorists", "NORP"))
    assert entity_actor(a, a.entities[0]) is None


def test_a_surname_tagged_as_a_person_is_no_group_but_the_group_word_makes_it_one():
    alone = _doc("d1", "The violinist Wagner played in Velmora.", "en", ("Wagner", "PERSON"))
    assert entity_actor(alone, alone.entities[0]) is None
    group = _doc("d2", "Le groupe Wagner a bombardé Velmora.", "fr", ("Wagner", "PERSON"))
    found = entity_actor(group, group.entities[0])
    assert found is not None and found.id == "wagner" and found.surface == "groupe Wagner"
    assert actor_kind(group.entities[0], {}, known=True) == "collective"
    assert actor_kind(group.entities[0], {}) == "person"


def test_a_place_the_parser_cut_from_a_name_is_only_the_actor_with_the_rest_of_the_name():
    geo = Geo(lat=1.0, lon=2.0, geonames_id=99, country="FR", source="geonames")
    cut = _doc("d1", "L'État islamique a frappé Velmora.", "fr", ("État", "GPE"))
    cut.entities[0] = cut.entities[0].model_copy(update={"geo": geo})
    found = entity_actor(cut, cut.entities[0])
    assert found is not None and found.id == "islamic_state" and found.surface == "État islamique"
    state = _doc("d2", "L'État a frappé Velmora.", "fr", ("État", "GPE"))
    assert entity_actor(state, state.entities[0]) is None


def test_case_forms_and_acronym_case():
    for text, name in (("Позиции «Хезболлы» обстреляли.", "Хезболлы"), ("Удар нанесён «Хезболлой».", "Хезболлой"),
                       ("Бойцы ИГИЛа напали.", "ИГИЛа"), ("Позиции Исламского государства обстреляли.", "Исламского государства")):
        a = _doc("d1", text, "ru", (name, "ORG"))
        assert entity_actor(a, a.entities[0]) is not None, name
    assert entity_actor(*(lambda a: (a, a.entities[0]))(_doc("d1", "L'Otan a condamné.", "fr", ("Otan", "ORG")))).id == "nato"
    # one name in two languages' acronyms: the Arabic name's and the French translation's
    jnim = _doc("d1", "Le JNIM et le GSIM sont un seul groupe.", "fr", ("JNIM", "ORG"), ("GSIM", "ORG"))
    assert {entity_actor(jnim, e).name_key(e.name) for e in jnim.entities} == {"jnim#0"}
    for text, name, lang in (("Is it over, asked Vera Is.", "Is", "en"), ("Ei Velmora", "Ei", "fr"),
                             ("EI forces", "EI", "en")):  # a French acronym in an English text
        a = _doc("d1", text, lang, (name, "ORG"))
        assert entity_actor(a, a.entities[0]) is None, name


def test_naming_table_shows_another_name_but_not_one_name_in_another_language():
    en = _doc("d1", "ISIS fighters attacked Velmora.", "en", ("ISIS", "ORG"))
    ru = _doc("d2", "Боевики ИГИЛ напали на Велмору.", "ru", ("ИГИЛ", "ORG"))
    fr = _doc("d3", "Daech a attaqué Velmora.", "fr", ("Daech", "GPE"))
    assert naming_table([en, ru], {"d1": "north", "d2": "south"}, EntityIndex([en, ru])) == []
    rows = naming_table([en, fr], {"d1": "north", "d3": "south"}, EntityIndex([en, fr]))
    assert [sorted((v.side, v.name) for v in r.variants) for r in rows] == [[("north", "ISIS"), ("south", "Daech")]]


def test_a_states_forces_and_bodies_in_each_language_name_that_state():
    from fullpicture.align._agents import name_state

    for words, state in (("FAMa", "ML"), ("les Forces armées maliennes", "ML"), ("малийская армия", "ML"),
                         ("армия Сербии", "RS"), ("полиция Косова", "XK"), ("ЦАХАЛа", "IL"), ("Тсахал", "IL"),
                         ("марокканская армия", "MA"), ("the KSF", "XK"), ("Shin Bet", "IL")):
        assert name_state(words) == state, words
    # two states' forces stay two states
    assert name_state("армия Сербии") != name_state("полиция Косова")


def test_an_entity_that_only_shares_a_name_with_a_known_actor_adds_no_name_to_its_row():
    # the parser clustered a mission's long name with the alliance's acronym: a bridge to the
    # alliance's group, not one of its names
    text = "The Ardent Shield Force said the Alliance troops stayed. Alliance officers met."
    mixed = Entity(id="e1", name="Ardent Shield Force", type="ORG", aliases=["Ardent Shield Force", "NATO"],
                   mentions=[Mention(start=4, end=23, text="Ardent Shield Force")])
    en = SimpleNamespace(document=SimpleNamespace(id="d1", language="en"), text=text, entities=[mixed], framing=[])
    nato = _doc("d2", "NATO said its troops stayed.", "en", ("NATO", "ORG"))
    ru = _doc("d3", "В НАТО заявили, что войска остались.", "ru", ("НАТО", "ORG"))
    index = EntityIndex([en, nato, ru])
    assert index.key("d1", "e1") == index.key("d2", "e1") == index.key("d3", "e1")
    assert naming_table([en, nato, ru], {"d1": "north", "d2": "north", "d3": "south"}, index) == []
