"""Names the parser takes for an attack's agent that are no actors: news agencies (the
reporter of "a doctor told AFP that soldiers fired") and weapon systems (the instrument of "a
HIMARS strike hit the prison"); ``data/align/not_actors.toml``, ``[align]
conflict_agent_not_actors``. And the outlets of the compared documents themselves, named by
their web address ("when the Courier contacted officials" in a report of courier.example):
``[align] conflict_agent_row_outlets``."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlparse


@functools.lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    from fullpicture._data import data_toml

    data = data_toml("align", "not_actors.toml")
    names = [n for section in ("outlets", "weapons") for n in data.get(section, {}).get("names", [])]
    return frozenset(n if n.isupper() else n.lower() for n in names)


#: a name written as a web host ("EXAMPLE.RU", "courier.example"): a site, the outlet that reports
_HOST = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,6}$")


def not_actor(name: str) -> bool:
    """Whether an entity's name is a news agency's or a weapon system's (acronyms in capitals
    only: "AP" is the agency, "ap" is no name), or a web host's (an outlet's site)."""
    name = name.strip()
    return name in _names() or (not name.isupper() and name.lower() in _names()) or bool(_HOST.match(name))


_NOT_LETTERS = re.compile(r"[\W\d_]+")


def outlet_keys(addresses: Iterable[str | None]) -> frozenset[str]:
    """The outlet names that web addresses (or bare host names) give: each host's labels but its
    last (the top-level domain), a registry's short label before it ("co" of "co.example") and
    "www", lower case ("www.daily-courier.co.example" gives "dailycourier"); labels of fewer than
    two letters give none."""
    out: set[str] = set()
    for address in addresses:
        if not address:
            continue
        host = urlparse(address if "//" in address else f"//{address}").hostname or ""
        labels = host.split(".")[:-1]
        if len(labels) >= 2 and len(labels[-1]) <= 3:
            labels = labels[:-1]  # "co.example", "com.example": the registry's, no outlet's
        for label in labels:
            key = _NOT_LETTERS.sub("", label.lower())
            if len(key) >= 2 and key != "www":
                out.add(key)
    return frozenset(out)


def row_outlets(members: Iterable[Any]) -> frozenset[str]:
    """The outlets (:func:`outlet_keys`) of the row members' documents, by address and site."""
    return outlet_keys(x for m in members for x in (m.analysis.document.url, m.analysis.document.site))


def row_outlet(name: str, keys: frozenset[str]) -> bool:
    """Whether an entity's name, its letters alone, is an outlet of ``keys`` (:func:`outlet_keys`):
    "Daily Courier" for daily-courier.example."""
    return bool(keys) and _NOT_LETTERS.sub("", name.lower()) in keys
