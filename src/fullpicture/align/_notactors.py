"""Names the parser takes for an attack's agent that are no actors: news agencies (the
reporter of "a doctor told AFP that soldiers fired") and weapon systems (the instrument of "a
HIMARS strike hit the prison"); ``data/align/not_actors.toml``, ``[align]
conflict_agent_not_actors``."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    from fullpicture._data import data_toml

    data = data_toml("align", "not_actors.toml")
    names = [n for section in ("outlets", "weapons") for n in data.get(section, {}).get("names", [])]
    return frozenset(n if n.isupper() else n.lower() for n in names)


def not_actor(name: str) -> bool:
    """Whether an entity's name is a news agency's or a weapon system's (acronyms in capitals
    only: "AP" is the agency, "ap" is no name)."""
    name = name.strip()
    return name in _names() or (not name.isupper() and name.lower() in _names())
