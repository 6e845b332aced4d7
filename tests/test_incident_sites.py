"""A facility's kind and its town, read from the whole document (align/_facility.py), and a region
word inside a facility's name (nlp/events/_args.py).

Shapes restated in invented words from real multi-side coverage: a theatre named after its region
("the Lyon Regional Drama Theatre", standing in another town) put later reports of a strike on it
in the region's capital, so they never met the strike's row; a report that tells "a strike on a
theatre" names the town only once, elsewhere ("the Grenoble Drama Theatre"), or names it inside a
name the entity layer read whole. A facility named by its own name alone (no facility noun beside
the trigger) is a site of its own kind for the rival-versions join.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._facility import document_sites
from fullpicture.align._rivalversions import join_rival_versions
from fullpicture.align._util import EntityIndex
from fullpicture.ingest import load_text
from fullpicture.models import Analysis, Entity, Geo, Mention
from fullpicture.nlp.events._towns import regional_in_names

LYON = Geo(lat=45.76, lon=4.84, geonames_id=2996944, country="FR")
GRENOBLE = Geo(lat=45.19, lon=5.72, geonames_id=3014728, country="FR")


def _ent(eid: str, typ: str, text: str, name: str, geo: Geo | None = None, nth: int = 0) -> Entity:
    starts = []
    k = text.find(name)
    while k >= 0:
        starts.append(k)
        k = text.find(name, k + 1)
    s = starts[nth]
    return Entity(id=eid, name=name, type=typ, geo=geo, mentions=[Mention(start=s, end=s + len(name), text=name)])


def _analysis(text: str, entities: list[Entity]) -> Analysis:
    doc = load_text(text, source="<sites>", title="Note")
    return Analysis(document=doc.info, text=doc.text, zones=list(doc.zones), entities=entities)


REGIONAL = "Smoke rose over the Lyon Regional Drama Theatre in Grenoble. Later a strike on the theatre killed two."


def _regional_entities(text: str) -> list[Entity]:
    ents = [_ent("e1", "ORG", text, "Lyon Regional Drama Theatre"), _ent("e2", "GPE", text, "Lyon", LYON)]
    return ents + ([_ent("e3", "GPE", text, "Grenoble", GRENOBLE)] if "Grenoble" in text else [])


def test_a_region_word_inside_a_name_makes_its_place_word_no_place_of_the_event() -> None:
    ents = _regional_entities(REGIONAL)
    spans = regional_in_names(REGIONAL, {e.id: e for e in ents}, [])
    start = REGIONAL.find("Lyon")
    assert spans == {(start, start + 4)}


def test_the_place_word_stays_when_the_document_names_no_other_town() -> None:
    text = "Smoke rose over the Lyon Regional Drama Theatre. Later a strike on the theatre killed two."
    ents = _regional_entities(text)
    assert regional_in_names(text, {e.id: e for e in ents}, []) == set()


def test_a_town_inside_a_name_without_a_region_word_is_no_region() -> None:
    text = "Smoke rose over the Lyon Drama Theatre, far from Grenoble."
    ents = [_ent("e1", "ORG", text, "Lyon Drama Theatre"), _ent("e2", "GPE", text, "Lyon", LYON),
            _ent("e3", "GPE", text, "Grenoble", GRENOBLE)]
    assert regional_in_names(text, {e.id: e for e in ents}, []) == set()


def test_the_document_names_the_theatres_town_not_the_region() -> None:
    a = _analysis(REGIONAL, _regional_entities(REGIONAL))
    index = EntityIndex([a])
    sites = document_sites(a, index)
    assert sites == {"theatre": frozenset({index.key(a.document.id, "e3")})}


def test_a_town_inside_a_name_read_whole_is_the_facilitys_town() -> None:
    # the entity layer read "Grenoble Drama Theatre" whole; another report names Grenoble
    text = "Dozens died in the Grenoble Drama Theatre."
    a = _analysis(text, [_ent("e1", "FAC", text, "Grenoble Drama Theatre")])
    other_text = "Grenoble was quiet."
    b = _analysis(other_text, [_ent("e1", "GPE", other_text, "Grenoble", GRENOBLE)])
    b = b.model_copy(update={"document": b.document.model_copy(update={"id": "other"})})
    index = EntityIndex([a, b])
    assert document_sites(a, index) == {"theatre": frozenset({index.key("other", "e1")})}
    # a word is no town unless some document names it as a place
    assert document_sites(a, EntityIndex([a])) == {}


def _m(doc: str, lemma: str, day: int, *, sites: frozenset[str] = frozenset(), where: str | None = None,
       lent: frozenset[tuple[str, str]] = frozenset(), named: frozenset[tuple[str, str]] = frozenset(),
       ) -> MentionFeatures:
    places = frozenset({where}) if where else frozenset()
    return MentionFeatures(doc=doc, lemma=lemma, type="ATTACK", family="material_conflict", interval=(day, day),
                           date_firm=True, places=places,
                           extra={"sites": sites, "where": places, "doc_sites": lent, "facility": named})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_rival_join": True, **over}


DAY = 738000


def test_a_theatre_whose_town_its_document_names_elsewhere_meets_the_other_version() -> None:
    # one side: "aircraft bombed the theatre in Eastport"; the other: "the theatre was blown up",
    # its document naming "the Eastport drama theatre" in another sentence
    feats = [_m("a", "bomb", DAY, sites=frozenset({"theatre"}), where="eastport"),
             _m("b", "blow up", DAY, sites=frozenset({"theatre"}), lent=frozenset({("theatre", "eastport")}))]
    assert len(set(join_rival_versions(feats, _cfg(), [0, 1]))) == 1
    # without the document's place, the second version has no place to meet at
    feats[1] = _m("b", "blow up", DAY, sites=frozenset({"theatre"}))
    assert join_rival_versions(feats, _cfg(), [0, 1]) == [0, 1]


def test_a_facility_named_alone_is_a_site_of_its_own_kind() -> None:
    # "the Eastworks steel plant was shelled" / "militants blew up Eastworks": no noun beside the second
    works = frozenset({("", "eastworks")})
    feats = [_m("a", "shell", DAY, named=works), _m("b", "blow up", DAY + 1, named=works)]
    assert len(set(join_rival_versions(feats, _cfg(), [0, 1]))) == 1
    assert join_rival_versions(feats, _cfg(incident_rival_named_sites=False), [0, 1]) == [0, 1]
    # two named facilities stay apart
    feats[1] = _m("b", "blow up", DAY + 1, named=frozenset({("", "westworks")}))
    assert join_rival_versions(feats, _cfg(), [0, 1]) == [0, 1]


def test_with_sides_the_two_versions_come_from_two_sides() -> None:
    feats = [_m("a", "bomb", DAY, sites=frozenset({"theatre"}), where="eastport"),
             _m("b", "blow up", DAY, sites=frozenset({"theatre"}), where="eastport")]
    feats[0].extra["side"] = feats[1].extra["side"] = "north"
    assert join_rival_versions(feats, _cfg(incident_rival_other_side=True), [0, 1]) == [0, 1]
    assert len(set(join_rival_versions(feats, _cfg(incident_rival_other_side=False), [0, 1]))) == 1
    feats[1].extra["side"] = "south"
    assert len(set(join_rival_versions(feats, _cfg(incident_rival_other_side=True), [0, 1]))) == 1
    # sides unknown (a comparison without them) count as two sides
    del feats[0].extra["side"]
    feats[1].extra["side"] = "north"
    assert len(set(join_rival_versions(feats, _cfg(incident_rival_other_side=True), [0, 1]))) == 1
