"""A state named as what a title holder heads stands, for a violent happening, for the town named
just before its sentence (nlp/events/_towns.title_towns, ``[place_titles]`` of
``data/events/plover.toml``, ``title_place_town_before_chars`` and ``title_place_town_types`` of
the events settings).

Shape restated in invented words from real multi-side coverage: one side's report names the town
where a building burned in one sentence, then says in the next that the shelling was announced by
"the president of <country>"; the country became the shelling's place, so that report's version
sat in a row of its own, apart from the other side's reports of the same shelling in the town.
Both sides' titles read alike: any country, any of the three languages.
"""

from __future__ import annotations

import pytest

from tests._events_helpers import trigger_places as _places


@pytest.mark.parametrize(("text", "trigger"), [
    ("A warehouse burned in Grenoble on Monday. The shelling was announced by the President of Romania.",
     "shelling"),
    ("В городе Гренобль вечером сгорел склад. Об обстреле заявил президент Румынии Иван Петров.", "обстреле"),
    ("В городе Гренобль вечером сгорел склад. Об ударе сообщил министр обороны Румынии.", "ударе"),
    ("Un entrepôt a brûlé à Grenoble lundi. Le bombardement a été dénoncé par le président de la Roumanie.",
     "bombardement"),
])
def test_a_title_holders_state_yields_to_the_town_before(text: str, trigger: str) -> None:
    assert _places(text, trigger) == ["Grenoble"]


def test_with_no_town_before_the_state_stays() -> None:
    assert _places("The shelling was announced by the President of Romania on Monday.", "shelling") == ["Romania"]


def test_a_country_named_as_the_place_stays() -> None:
    text = "A warehouse burned in Grenoble on Monday. The strike hit a market in Romania, the president said."
    assert _places(text, "strike") == ["Romania"]
