"""Russian verbs that name a strike only with a projectile (``[subjects]`` and ``[objects]`` of
data/events/plover.ru.toml; sentences written for this test): a rocket that "fell on" a school, a
rocket "fired" from a garden and a drone "launched" at a depot are strikes; falling prices, a
statement put out and a project launched are none."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


@pytest.mark.parametrize(("text", "types"), [
    ("По словам военных, ракета повстанцев упала на школу вчера вечером.", ["ASSAULT"]),
    ("Цены на хлеб упали за неделю.", []),
    ("Командир сказал, что они выпустили ракету из сада.", ["ASSAULT"]),
    ("Компания выпустила новый фильм.", []),
    ("Боевики запустили беспилотник по складу.", ["ASSAULT"]),
    ("Правительство запустило новый проект.", []),
])
def test_falling_firing_and_launching_need_a_projectile(text: str, types: list[str]) -> None:
    events = analyze_text(text, published="2031-03-07").events
    assert sorted({e.type for e in events}) == types


def test_a_projectile_that_fell_is_dated_by_its_sentence() -> None:
    """The strike told by "упала" takes its sentence's evening ("вчера вечером"), as a strike
    told by any other verb would."""
    a = analyze_text("По словам военных, ракета повстанцев упала на школу вчера вечером.", published="2031-03-07")
    ev = next(e for e in a.events if e.type == "ASSAULT")
    assert (ev.date or "").startswith("2031-03-06") and ev.date_source == "sentence"
