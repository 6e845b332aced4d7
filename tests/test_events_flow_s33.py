"""A Russian noun of a flow is a flight of people only when its genitive names people ("поток
беженцев"); a flow of gas or a pipeline's name ("газопровод «Северный поток»") tells no happening
(session 33; invented texts)."""

from __future__ import annotations

from fullpicture import analyze


def _triggers(text: str) -> list[str]:
    return [e.trigger.text.lower() for e in analyze(text).events]


def test_a_flow_of_people_is_their_flight():
    assert "поток" in _triggers("Поток беженцев из Варно вырос после обстрела.")


def test_a_pipeline_named_after_a_flow_is_no_happening():
    assert "поток" not in _triggers("Взрывы повредили газопровод «Западный поток» у острова Варно.")
    assert "поток" not in _triggers("По газопроводу Западный поток газ в Ласк не поступал.")
