"""A facility's happening told with no place takes the town named just before it
(align/_facility.py), and a place named only as an analogy is no happening's place
(nlp/events/_analogy.py).

Shapes restated in invented words from real multi-side coverage: one side's report names the town
("a staging in Grenoble"), then, in the next sentence and with no place, says that the plant right
behind the burnt mall was the one hit; the other side's reports tell a strike on the mall in
Grenoble, so the two versions met nowhere. And a report calls a shelling "a provocation in the
style of" another town, which became the shelling's place.
"""

from __future__ import annotations

import pytest

from fullpicture import load_settings
from fullpicture.align._eventfeat import build_features
from fullpicture.align._facility import name_word, town_before, town_mentions
from fullpicture.align._util import EntityIndex
from fullpicture.ingest import load_text
from fullpicture.models import Analysis, Entity, Event, Geo, Mention
from fullpicture.models.events import Evidence, Trigger
from fullpicture.nlp.events._analogy import analogy_place

GRENOBLE = Geo(lat=45.19, lon=5.72, geonames_id=3014728, country="FR")
LYON = Geo(lat=45.76, lon=4.84, geonames_id=2996944, country="FR")

TEXT = ("Nobody knows who ordered the staging in Grenoble. "
        "The tractor plant right behind the burnt mall was the one the strike hit.")


def _town(eid: str, name: str, geo: Geo, text: str, actor: bool = False) -> Entity:
    s = text.find(name)
    return Entity(id=eid, name=name, type="GPE", geo=geo,
                  mentions=[Mention(start=s, end=s + len(name), text=name, actor=actor)])


def _analysis(text: str, entities: list[Entity], events: list[Event] | None = None) -> Analysis:
    doc = load_text(text, source="<sites>", title="Note")
    return Analysis(document=doc.info, text=doc.text, zones=list(doc.zones), entities=entities,
                    events=events or [])


def _strike(text: str) -> Event:
    k = text.find("strike")
    lo = text.find("The tractor")
    return Event(id="v1", type="ASSAULT", trigger=Trigger(start=k, end=k + 6, text="strike", lemma="strike"),
                 evidence=Evidence(start=lo, end=len(text)))


@pytest.mark.parametrize(("text", "name"), [
    ("Officials called it a provocation in the Grenoble style.", "Grenoble"),
    ("the Grenoble-style staging", "Grenoble"),
    ("une mise en scène à la Grenoble", "Grenoble"),
    ("just like in Grenoble, they staged it", "Grenoble"),
    ("назвали обстрел провокацией «в стиле Гренобля»", "Гренобля"),
    ("очередная провокация а-ля Гренобль", "Гренобль"),
])
def test_a_place_named_as_an_analogy(text: str, name: str) -> None:
    k = text.find(name)
    assert analogy_place(text, k, k + len(name))


@pytest.mark.parametrize(("text", "name"), [
    ("Rockets hit Grenoble on Monday.", "Grenoble"),
    ("обстрел Гренобля", "Гренобля"),
    ("Grenoble stylists met on Monday.", "Grenoble"),
])
def test_a_place_named_plainly_is_no_analogy(text: str, name: str) -> None:
    k = text.find(name)
    assert not analogy_place(text, k, k + len(name))


def test_an_analogys_town_is_no_place_of_the_happening() -> None:
    from fullpicture import analyze

    a = analyze("Чиновники назвали обстрел провокацией «в стиле Гренобля».")
    assert a.events
    assert all(ev.place is None for ev in a.events)


def test_the_town_named_last_before_the_sentence() -> None:
    a = _analysis(TEXT, [_town("e1", "Grenoble", GRENOBLE, TEXT)])
    index = EntityIndex([a])
    towns = town_mentions(a, index)
    key = index.key(a.document.id, "e1", resolve=True)
    assert towns == [(TEXT.find("Grenoble"), key)]
    start = TEXT.find("The tractor")
    assert town_before(towns, start, 300) == key
    assert town_before(towns, start, 5) is None  # farther than the window
    assert town_before(towns, TEXT.find("Grenoble"), 300) is None  # nothing named before


def test_an_actor_or_an_analogy_names_no_town() -> None:
    text = "Lyon ordered a staging in the Grenoble style. The plant behind the cinema was hit."
    a = _analysis(text, [_town("e1", "Lyon", LYON, text, actor=True), _town("e2", "Grenoble", GRENOBLE, text)])
    assert town_mentions(a, EntityIndex([a])) == []


def test_a_placeless_facility_happening_is_at_the_town_before_it() -> None:
    a = _analysis(TEXT, [_town("e1", "Grenoble", GRENOBLE, TEXT)], [_strike(TEXT)])
    index = EntityIndex([a])
    key = index.key(a.document.id, "e1", resolve=True)
    cfg = {**load_settings().section("align"), "incident_rival_join": True}
    feats, _ = build_features([a], index, {**cfg, "incident_site_town_before_chars": 300})
    assert feats[0].extra["sites"] == {"factory", "mall"}
    assert feats[0].extra["doc_sites"] == {("factory", key), ("mall", key)}
    feats, _ = build_features([a], index, {**cfg, "incident_site_town_before_chars": 0})
    assert not any(t == key for _, t in feats[0].extra["doc_sites"])


@pytest.mark.parametrize("name", ["Al-Velmor Baptist Hospital", "Velmor Arab Hospital", "hôpital Al Velmor",
                                  "больница Аль-Велмор"])
def test_one_facilitys_names_in_outlets_and_scripts_share_their_word(name: str) -> None:
    assert name_word(name) == name_word("the Al-Velmor al-Arabi Hospital") != ""


@pytest.mark.parametrize("name", ["Central City Hospital", "Lyon Drama Theatre", "the hospital"])
def test_plain_words_and_towns_are_no_facilitys_word(name: str) -> None:
    assert name_word(name) == ""


def test_a_facility_named_two_ways_meets_the_other_version() -> None:
    # two outlets of two sides: "a strike on the Al-Velmor Baptist Hospital" / "le bombardement de
    # l'hôpital Al Velmor": two entities, one hospital
    from fullpicture.align._eventpairs import MentionFeatures
    from fullpicture.align._rivalversions import join_rival_versions

    word = ("hospital", "~" + name_word("Al-Velmor Baptist Hospital"))
    feats = [MentionFeatures(doc=d, lemma=lem, type="ASSAULT", family="material_conflict", interval=(738000, 738000),
                             date_firm=True, extra={"facility": frozenset({(k, d), word}) if named else frozenset(),
                                                    "sites": frozenset(), "where": frozenset(), "side": side})
             for d, lem, k, side, named in [("a", "strike", "hospital", "north", True),
                                             ("b", "bombard", "hospital", "south", True)]]
    cfg = {**load_settings().section("align"), "incident_rival_join": True}
    assert len(set(join_rival_versions(feats, cfg, [0, 1]))) == 1
    assert join_rival_versions(feats, {**cfg, "incident_rival_named_sites": False}, [0, 1]) == [0, 1]
