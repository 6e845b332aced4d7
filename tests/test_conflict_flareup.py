"""A conflict told on a time of its own is a flare-up of the fighting (session 39, splits).

Shapes restated in invented words from real multi-side coverage of two night clashes:

* a report published the next morning named the clash only as the night's conflict between the
  two groups: "conflict" was no trigger at all, so the report had no mention of
  the clash and never met the other sides' accounts of it. A conflict noun with a time of its
  own beside it (a night, a weekday, yesterday; en/fr/ru ``[senses]`` of
  data/events/plover*.toml) is now an assault; told with none it stays the lasting setting,
  no mention ("the conflict in the region", "a conflict of interest");
* another report told a flare-up of the conflict on a given night (Russian "обострение
  конфликта"): an escalation or flare-up of a conflict or of the fighting is an
  assault (``[objects]``: of those words only; "обострение болезни", an illness, is none).
"""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


@pytest.mark.parametrize("text", [
    "Saturday night's conflict at the Dunmere depot left ten guards hurt.",
    "The conflict on Monday night between the guards and the villagers left ten hurt in Dunmere.",
    "Le conflit de la nuit dernière entre les gardes et les villageois a fait dix blessés à Brumeval.",
    "Вчерашний конфликт между охраной и жителями села Дубравка закончился.",
])
def test_a_conflict_on_a_time_of_its_own_is_an_assault(text: str) -> None:
    a = analyze_text(text, published="2023-05-30")
    assert [e.type for e in a.events if e.trigger.text.lower().startswith(("conflict", "conflit", "конфликт"))] \
        == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "An escalation of the conflict was reported near Dunmere overnight.",
    "Вечером третьего мая у села Дубравка началось новое обострение конфликта.",
])
def test_a_flare_up_of_the_conflict_is_an_assault(text: str) -> None:
    a = analyze_text(text, published="2023-05-30")
    assert [e.type for e in a.events] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "The conflict in the region has lasted for years.",
    "The minister declared no conflict of interest in the contract.",
    "Le conflit dans la région dure depuis des années.",
    "Конфликт в регионе длится годами.",
    "Врачи сообщили об обострении болезни.",
    "The escalation of the rhetoric worried the envoys.",
])
def test_a_conflict_with_no_time_or_another_escalation_is_no_mention(text: str) -> None:
    a = analyze_text(text, published="2023-05-30")
    assert not [e for e in a.events if e.type == "ASSAULT"]
