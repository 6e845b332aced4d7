"""Agents the parse gives a mention that are no doer of the row's happening.

* **An interception** ("air defence shot down the drone", "сбили беспилотник", "a abattu deux
  drones"): its subject is the defender, not who sent the drone or missile; a downing verb is an
  interception when its sentence names a projectile and no aircraft that carries people
  (``data/align/not_actors.toml`` [interceptions]), so that the downing of an airliner keeps
  its doer.
* **A lasting setting told in the row of one act** ("the blasts are a consequence of Eastland's
  aggression", "amid the invasion"): the aggressor of a war named as background is the doer of
  the war, not of the act the row tells; in a row of the war itself (no member of a single act)
  the setting's doer stays.
* **A clause taken for a name** ("Eastlanders Bomb Village School, Killing Dozens"): an entity
  whose mention holds the trigger of an act is a headline or clause, never an agent value.
* **The possessor of an act suffered** ("the captain's detention was extended"): a name in the
  possessive right before a noun of ``[undergone]`` with no "of" object after it is who suffers
  the act, not its doer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._incident_lex import setting_lemmas, with_glossed
from fullpicture.models import Analysis, Event, Mention

_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _interceptions() -> dict[str, dict[str, tuple[str, ...]]]:
    data = data_toml("align", "not_actors.toml").get("interceptions", {})
    return {part: {lang: tuple(w.lower() for w in ws) for lang, ws in by_lang.items()}
            for part, by_lang in data.items() if isinstance(by_lang, dict)}


def interception(a: Analysis, ev: Event) -> bool:
    """Whether ``ev`` tells an interception: its lemma an interception's (``always``), or a
    downing's (``downings``) in a sentence whose words name a projectile (``projectiles``, word
    starts) and no aircraft (``aircraft``)."""
    data, lang = _interceptions(), a.document.language or "en"
    lemma = (ev.trigger.lemma or ev.trigger.text or "").lower()
    if lemma in data.get("always", {}).get(lang, ()):
        return True
    parts = (ev.trigger.text or "").lower().split()
    phrase = f"{lemma} {parts[-1]}" if len(parts) > 1 else lemma  # "shot down": "shoot down"
    if not {lemma, phrase} & set(data.get("downings", {}).get(lang, ())):
        return False
    words = [w.lower() for w in _WORD.findall(a.text[ev.evidence.start : ev.evidence.end])]
    projectiles, aircraft = data.get("projectiles", {}).get(lang, ()), data.get("aircraft", {}).get(lang, ())
    return (any(w.startswith(projectiles) for w in words) if projectiles else False) and not (
        aircraft and any(w.startswith(aircraft) for w in words))


@lru_cache(maxsize=1)
def _background_kinds() -> frozenset[str]:
    """Lasting settings (``[distinct] settings`` of data/events/incidents.toml) and the words that
    name a war by its framing (``[background_kinds]`` of not_actors.toml: "aggression"); not the
    campaigns that name one act as often ("offensive", "operation")."""
    words = data_toml("align", "not_actors.toml").get("background_kinds", {}).get("words", [])
    return setting_lemmas() | with_glossed(w.lower() for w in words)


def _lasting(ev: Event) -> bool:
    return (ev.trigger.lemma or "").lower() in _background_kinds()


def background_settings(members: Sequence[Any], types: set[str]) -> set[int]:
    """The positions in ``members`` of mentions of a lasting setting (a war, an invasion, an
    aggression: :func:`_background_kinds`) when the row also holds a mention of ``types`` that is
    no setting: there the setting is background."""
    lasting = {i for i, m in enumerate(members) if _lasting(m.event)}
    acts = any(m.event.type in types and not _lasting(m.event) for m in members)
    return lasting if acts and len(lasting) < len(members) else set()


def clause_name(a: Analysis, mention: Mention | None, types: set[str]) -> bool:
    """Whether an entity's ``mention`` holds the trigger of a mention of ``types`` (a headline or
    clause the parse took for a name: "Eastlanders Bomb Village School")."""
    if mention is None:
        return False
    return any(e.type in types and mention.start <= e.trigger.start < mention.end for e in a.events)


_POSSESSIVE = re.compile(r"^['’]s?\s+(?:[\w-]+\s+)?$")


def undergoer_possessive(a: Analysis, mention: Mention | None, ev: Event) -> bool:
    """Whether an entity's ``mention`` is the possessor of ``ev``'s trigger, a noun of an act
    suffered (``[undergone]`` of not_actors.toml: "Varn's detention", "the envoy's killing"), with
    no "of" right after the trigger ("Eastland's detention of the crew" keeps its doer)."""
    if mention is None or not (mention.end <= ev.trigger.start <= mention.end + 20):
        return False
    lemma = (ev.trigger.lemma or ev.trigger.text or "").lower()
    if lemma not in _undergone().get(a.document.language or "en", frozenset()):
        return False
    if not _POSSESSIVE.match(a.text[mention.end : ev.trigger.start]):
        return False
    return not re.match(r"\s+of\b", a.text[ev.trigger.end : ev.trigger.end + 4], re.I)


@lru_cache(maxsize=1)
def _undergone() -> dict[str, frozenset[str]]:
    data = data_toml("align", "not_actors.toml").get("undergone", {})
    return {lang: frozenset(w.lower() for w in ws) for lang, ws in data.items()}
