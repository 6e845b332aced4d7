"""Russian verbs that name a happening only with the right object (``[objects]`` of
data/events/plover.ru.toml; sentences written for this test): "aimed against", "goals set" and
"taken to hospital" send, supply and bring nothing."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


@pytest.mark.parametrize(("text", "types"), [
    ("Это стало актом, направленным против гражданской инфраструктуры.", []),
    ("Армия не смогла добиться поставленных целей на этом участке.", []),
    ("После удара 40 человек доставлены в больницы с ранениями.", ["ASSAULT"]),
    ("Северия направила войска к границе.", ["MOBILIZE"]),
    ("Южания поставила соседям новые ракеты.", ["AID"]),
    ("Волонтеры доставили гуманитарную помощь в город.", ["AID"]),
])
def test_sending_supplying_and_bringing_need_their_object(text: str, types: list[str]) -> None:
    events = analyze_text(text, published="2022-07-29").events
    assert sorted({e.type for e in events}) == types
