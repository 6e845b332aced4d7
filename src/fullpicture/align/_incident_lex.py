"""The incident lexicon and the compatibility tests shared by the incident rules."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures


@dataclasses.dataclass(frozen=True)
class IncidentLexicon:
    """Consequence lemmas, the event types that can host them, and the types a definite
    anaphor ("the flight", "the blast") can refer back to."""

    consequences: frozenset[str]
    host_types: frozenset[str]
    anaphor_types: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def incident_lexicon() -> IncidentLexicon:
    """The shipped lists (``data/events/incidents.toml``)."""
    data = data_toml("events", "incidents.toml")
    return IncidentLexicon(
        consequences=frozenset(w.lower() for w in data["consequences"]["lemmas"]),
        host_types=frozenset(t.upper() for t in data["hosts"]["types"]),
        anaphor_types=frozenset(t.upper() for t in [*data["hosts"]["types"], *data.get("anaphora", {}).get("types", [])]),
    )


def compatible(a: MentionFeatures, b: MentionFeatures, places: bool = True) -> bool:
    """No stated-date clash and (``places``) no two different named places."""
    ia, ib = a.interval, b.interval
    if ia and ib and a.date_firm and b.date_firm and (ia[0] > ib[1] or ib[0] > ia[1]):
        return False
    return not (places and a.places and b.places and not (a.places & b.places))


def counted_later(h: MentionFeatures, c: MentionFeatures, slack: int = 3) -> bool:
    """A consequence counted on a later stated day than its happening ("As of 6 a.m. on June 28,
    16 were killed" after a strike on June 27): the count's date, not another happening's."""
    if h.places and c.places and not (h.places & c.places):
        return False
    ih, ic = h.interval, c.interval
    return bool(ih and ic and 0 <= ic[0] - ih[1] <= slack)


def fits(h: MentionFeatures, c: MentionFeatures) -> bool:
    """A consequence fits a happening: compatible, or counted a few days later."""
    return compatible(h, c) or counted_later(h, c)


def distinct(f: MentionFeatures) -> bool:
    """A happening told apart from the story's ("In a separate attack", "another strike")."""
    return bool(f.extra.get("distinct"))


def is_consequence(f: MentionFeatures, lex: IncidentLexicon) -> bool:
    return f.lemma in lex.consequences or f.lemma.replace(" ", "_") in lex.consequences


def can_host(f: MentionFeatures, lex: IncidentLexicon) -> bool:
    return not is_consequence(f, lex) and (f.type or "").upper() in lex.host_types


def happening(f: MentionFeatures, lex: IncidentLexicon) -> bool:
    """A happening a definite anaphor can name ("the blast", "the flight")."""
    return not is_consequence(f, lex) and (f.type or "").upper() in lex.anaphor_types
