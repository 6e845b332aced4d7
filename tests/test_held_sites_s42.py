"""A site told as holding a military one ("the command post was located in the school") is that
account's military label of what was hit (align/_heldsites.py, align/_targets.py), against
another side's civilian noun for the same place. Sentences, places and sides invented."""

from __future__ import annotations

from types import SimpleNamespace

from fullpicture.align._heldsites import held_sites
from fullpicture.align._targets import target_conflict, target_values
from fullpicture.models.events import Target


def _found(text: str, language: str = "en") -> list[tuple[str, str, str]]:
    return [(text[c.site_start:c.site_end], c.site_class, text[c.start:c.end]) for c in held_sites(text, language, 4)]


def test_military_words_told_as_lying_in_a_site():
    assert _found("Officials in Varnby said the headquarters was located in the school.") == [
        ("school", "school", "headquarters")]
    assert _found("Selon l'armée, le quartier général se trouvait dans l'école du quartier.", "fr") == [
        ("école", "school", "quartier général")]
    assert _found("Штаб боевиков находился в здании больницы.", "ru") == [("здании", "building", "Штаб")]


def test_no_held_site_when_negated_far_split_or_switched_off():
    assert _found("There was no headquarters located in the school.") == []
    assert _found("The ministry denied that the headquarters was located in the school.") == []
    assert _found("The headquarters, officials said, was located in the school.") == []
    assert _found("The headquarters was moved far from the old river port and later located in the school.") == []
    assert held_sites("The headquarters was located in the school.", "en", 0) == []


def _member(side: str, doc: str, text: str, target: Target | None) -> SimpleNamespace:
    analysis = SimpleNamespace(text=text, claims=[], document=SimpleNamespace(id=doc, language="en"))
    event = SimpleNamespace(target=target, modality="asserted", source=None, trigger=SimpleNamespace(start=0))
    return SimpleNamespace(side=side, analysis=analysis, event=event)


def test_a_held_site_is_a_rival_account_of_the_site_the_other_side_names():
    east = "A bomb hit the school of Lindberg, where families sheltered."
    west = "The strike on the school was staged. The headquarters of the brigade was located in the school."
    hit, on = east.index("school"), west.index("school")
    members = [_member("east", "a", east, Target(start=hit, end=hit + 6, text="school", category="school",
                                                  kind="civilian")),
               _member("west", "b", west, Target(start=on, end=on + 6, text="school", category="school",
                                                  kind="civilian"))]
    index = SimpleNamespace()
    assert target_conflict(target_values(members, index=index, conversion_gap=4)) is None  # shape before: off
    values = target_values(members, index=index, conversion_gap=4, located=True)
    assert [(v.side, v.value, v.kind) for v in values if v.kind == "military"] == [
        ("west", "headquarters", "military")]
    c = target_conflict(values)
    assert c is not None and {(v.side, v.value) for v in c.values} == {("east", "school"), ("west", "headquarters")}
