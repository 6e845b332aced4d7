"""A retrospective's telling placed at a name the gazetteer does not know reads the known places
of its sentence (align/_retoldnamed.unknown_place_names, read by align/_retroacts.py; session 39,
inquiry).

Shape restated in invented words: a camp at Redmoor was bombed; the reports of the day tell it at
Redmoor. Years on, a court story tells "the verdict against the Westlander pilot tried for the
bombing of Redmoor": the entity layer reads the nationality noun "Westlander" as the bombing's
place, a name with no gazetteer point, so the telling missed the story's place and kept a row of
the verdict's year. Such a telling is also told at the gazetteer places its sentence names.
Guards: a sentence naming no known place, or only a far one, keeps it apart; an event placed at a
known town reads only that town; the switch of retrospective joins off keeps it apart.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._retoldnamed import place_mentions, unknown_place_names
from fullpicture.align._retroacts import join_retro_acts
from fullpicture.align._util import EntityIndex
from fullpicture.models import Analysis, Entity
from fullpicture.models._base import DocumentInfo
from fullpicture.models.entities import Geo, Mention
from fullpicture.nlp.places._translit import script_key

DAY = 738000
LATE = DAY + 6000
REDMOOR = (10.0, 20.0, "XA", False)


def _m(doc: str, *, day: int = DAY, firm: bool = True, geo: tuple[float, float, str, bool] | None = REDMOOR,
       names: frozenset[str] = frozenset({script_key("Redmoor")}), pub: int = DAY,
       sentence_names: frozenset[str] = frozenset()) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma="bomb", type="ASSAULT", family="material_conflict", sentence="...",
                           span=(100, 180), interval=(day, day), date_firm=firm, geo=geo,
                           extra={"by_report": not firm, "names": names, "sentence_names": sentence_names,
                                  "published": (pub, pub), "recall_marker": ""})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _court(sentence_names: frozenset[str]) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: three reports of the day at Redmoor; row 1: the court story's telling at the
    unknown name, its year a stated period holding the story's day."""
    first = [_m(d) for d in "abc"]
    late = _m("court", day=DAY, firm=True, geo=None, names=frozenset({script_key("Westlander")}), pub=LATE,
              sentence_names=sentence_names)
    return [*first, late], [0, 0, 0, 1]


def test_a_telling_at_an_unknown_name_joins_by_the_known_place_of_its_sentence() -> None:
    feats, labels = _court(frozenset({script_key("Redmoor")}))
    assert join_retro_acts(feats, _cfg(), labels) == [0, 0, 0, 0]


def test_a_sentence_naming_no_known_place_or_another_keeps_it_apart() -> None:
    for names in (frozenset(), frozenset({script_key("Fartown")})):
        feats, labels = _court(names)
        assert join_retro_acts(feats, _cfg(), labels) == labels


def test_the_switch_off_keeps_it_apart() -> None:
    feats, labels = _court(frozenset({script_key("Redmoor")}))
    assert join_retro_acts(feats, _cfg(incident_retro_act_days=0), labels) == labels


TEXT = "The Westlander pilot was sentenced for the bombing of Redmoor. Later, Ashby stayed calm."


def _analysis(*, pilot_geo: Geo | None) -> Analysis:
    def ent(eid: str, name: str, geo: Geo | None) -> Entity:
        start = TEXT.index(name)
        return Entity(id=eid, name=name, type="GPE", geo=geo,
                      mentions=[Mention(start=start, end=start + len(name), text=name)])

    return Analysis(document=DocumentInfo(id="d1", source="court.txt"), text=TEXT, entities=[
        ent("e1", "Westlander", pilot_geo),
        ent("e2", "Redmoor", Geo(lat=10.0, lon=20.0, country="XA")),
        ent("e3", "Ashby", Geo(lat=10.1, lon=20.1, country="XA")),
    ])


def test_the_known_places_are_those_of_the_sentence_when_its_place_is_unknown() -> None:
    a = _analysis(pilot_geo=None)
    index, spans, end = EntityIndex([a]), place_mentions(a), TEXT.index("Later")
    assert unknown_place_names(index, "d1", "e1", spans, 0, end) == {script_key("Redmoor")}
    assert unknown_place_names(index, "d1", "e1", spans, end, len(TEXT)) == {script_key("Ashby")}
    assert unknown_place_names(index, "d1", None, spans, 0, end) == frozenset()


def test_a_known_place_reads_no_other_name() -> None:
    a = _analysis(pilot_geo=Geo(lat=50.0, lon=5.0, country="XB"))
    assert unknown_place_names(EntityIndex([a]), "d1", "e1", place_mentions(a), 0, TEXT.index("Later")) == frozenset()
