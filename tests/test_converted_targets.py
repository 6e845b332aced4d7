"""A place told as turned into, or used as, a military one (nlp/events/_converted.py) is that
account's military label of what was hit (align/_targets.py), against another side's civilian
noun for the same place. Sentences and places invented."""

from __future__ import annotations

from types import SimpleNamespace

from fullpicture.align._targets import target_conflict, target_values
from fullpicture.models.events import Target
from fullpicture.nlp.events._converted import conversions


def _found(text: str, language: str = "en") -> list[tuple[str, str, str]]:
    return [(c.site_class, c.category, text[c.start:c.end]) for c in conversions(text, language, 4)]


def test_a_site_turned_into_or_used_as_a_military_one():
    text = "Witnesses said the old school in Ostrava Nova had been turned into a firing position by gunmen."
    assert _found(text) == [("school", "position", "firing position")]
    assert _found("The clinic was used as a base.") == [("hospital", "base", "base")]
    assert _found("The troops were using the clinic as their base.") == [("hospital", "base", "base")]
    assert _found("Selon eux, l'école servait de point d'appui aux combattants.", "fr") == [
        ("school", "position", "point d'appui")]
    assert _found("Здание школы было переоборудовано в опорный пункт.", "ru") == [
        ("school", "position", "опорный пункт")]
    assert _found("Школу перетворили на опорний пункт.", "uk") == [("school", "position", "опорний пункт")]


def test_no_conversion_when_negated_denied_far_or_the_other_way_round():
    assert _found("The clinic was never used as a base.") == []
    assert _found("The ministry denied that the clinic was used as a base.") == []
    assert _found("The clinic was used for storage, officials said, near a base.") == []
    assert _found("The base was turned into a school.") == []  # a military site become civilian
    assert conversions("The clinic was used as a base.", "en", 0) == []  # switched off


def _member(side: str, doc: str, text: str, target: Target | None, trigger: int = 0) -> SimpleNamespace:
    analysis = SimpleNamespace(text=text, claims=[], document=SimpleNamespace(id=doc, language="en"))
    event = SimpleNamespace(target=target, modality="asserted", source=None, trigger=SimpleNamespace(start=trigger))
    return SimpleNamespace(side=side, analysis=analysis, event=event)


def test_a_converted_place_is_a_rival_account_of_the_place_the_other_side_names():
    east = "A bomb hit the clinic of Lindberg on Tuesday."
    hit = east.index("clinic")
    west = "The strike on the clinic was staged. The clinic had long been turned into a firing position."
    on = west.index("clinic")
    members = [_member("east", "a", east, Target(start=hit, end=hit + 6, text="clinic", category="hospital",
                                                  kind="civilian")),
               _member("west", "b", west, Target(start=on, end=on + 6, text="clinic", category="hospital",
                                                  kind="civilian"))]
    index = SimpleNamespace()
    assert target_conflict(target_values(members, index=index)) is None  # off: both name a clinic
    values = target_values(members, index=index, conversion_gap=4)
    assert [(v.side, v.value, v.category, v.kind) for v in values if v.kind == "military"] == [
        ("west", "firing position", "converted", "military")]
    c = target_conflict(values)
    assert c is not None and {(v.side, v.value) for v in c.values} == {
        ("east", "clinic"), ("west", "firing position")}


def test_a_converted_place_of_another_class_than_the_row_names_is_no_value():
    east = "A bomb hit the clinic of Lindberg on Tuesday."
    hit = east.index("clinic")
    west = "The bakery had long been turned into a firing position."
    members = [_member("east", "a", east, Target(start=hit, end=hit + 6, text="clinic", category="hospital",
                                                  kind="civilian")),
               _member("west", "b", west, None)]
    values = target_values(members, index=SimpleNamespace(), conversion_gap=4)
    assert all(v.kind != "military" for v in values)


def test_the_words_between_verb_and_military_site_must_link_them():
    assert _found("Families from the school turned to the army base for help.") == []
    assert _found("People fled the clinic and became targets near the military base.") == []
    assert _found("The clinic had been turned into a makeshift base.") == [("hospital", "base", "base")]


def test_what_the_place_aimed_at_was_told_with_a_copula():
    found = conversions("Officials in Tarnow said the targeted location was a special security camp.", "en", 4)
    assert [(c.aim, c.category) for c in found] == [(True, "base")]
    assert conversions("The targeted location was not a security camp.", "en", 4) == []
    assert [c.aim for c in conversions("La cible était une base militaire.", "fr", 4)] == [True]
    assert [c.category for c in conversions("Целью удара был командный пункт.", "ru", 4)] == ["command_post"]
    assert conversions("The market was a busy place near the base.", "en", 4) == []  # no word of the aim


def test_the_place_aimed_at_is_told_of_the_act_its_own_sentence_tells():
    east = "A bomb hit the clinic of Lindberg on Tuesday."
    hit = east.index("clinic")
    west = "A blast shook the town. Smoke rose. The targeted site was a depot."
    clinic = Target(start=hit, end=hit + 6, text="clinic", category="hospital", kind="civilian")
    near = [_member("east", "a", east, clinic), _member("west", "b", west, None, west.index("rose"))]
    values = target_values(near, index=SimpleNamespace(), conversion_gap=4)
    assert [(v.side, v.value) for v in values if v.kind == "military"] == [("west", "depot")]
    far = [_member("east", "a", east, clinic), _member("west", "b", west, None, west.index("blast"))]
    assert all(v.kind != "military" for v in target_values(far, index=SimpleNamespace(), conversion_gap=4))
