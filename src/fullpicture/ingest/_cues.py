"""Cue phrases for zones, bylines, bios and perspectives, loaded once from ``data/zones/cues.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from fullpicture._errors import ConfigError

#: Upper-case letters of the Latin, Greek and Cyrillic blocks (``re`` has no ``\p{Lu}``).
UPPER = "".join(ch for ch in map(chr, range(0x41, 0x530)) if ch.isupper() and ch.isalpha())
_U = f"[{re.escape(UPPER)}]"
#: A personal name: two to four capitalised words (initials and particles allowed).
NAME = rf"{_U}[\w'’.-]*(?:\s+(?:(?:de|da|van|von|der|al|el|bin|ibn|di|du|le|la)\s+)?{_U}[\w'’.-]*){{1,3}}"


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns."""

    editorial_prefix: re.Pattern[str]
    editorial_voice: re.Pattern[str]
    inline_note: re.Pattern[str]
    boilerplate: re.Pattern[str]
    byline: re.Pattern[str]
    bio_prefix: re.Pattern[str]
    bio: re.Pattern[str]
    roles: re.Pattern[str]
    role_phrase: re.Pattern[str]
    perspective: tuple[re.Pattern[str], ...]
    org: re.Pattern[str]


def _alt(items: list[str]) -> str:
    return "(?:" + "|".join(f"(?:{x})" for x in items) + ")"


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The shipped cue file, compiled (once per process)."""
    path = resources.files("fullpicture").joinpath("data/zones/cues.yaml")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        i = re.IGNORECASE
        return Cues(
            editorial_prefix=re.compile(r"^\W{0,3}" + _alt(data["editorial_prefix"]), i),
            editorial_voice=re.compile(_alt(data["editorial_voice"]), i),
            inline_note=re.compile(_alt(data["inline_note"]), i),
            boilerplate=re.compile(_alt(data["boilerplate"]), i | re.M),
            byline=re.compile(r"^\W{0,3}(?i:" + _alt(data["byline_prefix"]) + r")\s+(?P<rest>\S.*)$", re.S),
            bio_prefix=re.compile(r"^\W{0,3}" + _alt(data["bio_prefix"]) + r"\s*", i),
            bio=re.compile(r"^\W{0,3}(?P<name>" + NAME + r")\s*,?\s+(?i:" + _alt(data["bio_verbs"]) + r")\b"),
            # A role noun followed by a preposition or the end of a clause ("editor at", "historian.").
            roles=re.compile(
                r"\b" + _alt(data["roles"]) + r"s?\b(?=\s*(?:[.,;:]|$)|\s+(?:at|with|of|for|in|on|and|who|based|covering)\b)", i
            ),
            # After "<Name> is": "a/an <up to five words> at/with/for <Capitalised>".
            role_phrase=re.compile(r"\s+(?:a|an)\s+(?:[\w'’-]+\s+){1,5}?(?:at|with|for)\s+(?:the\s+)?" + _U),
            perspective=tuple(re.compile(p) for p in data["perspective"]),
            org=re.compile(r"\b" + _alt(data["org_words"]) + r"\b", i),
        )
    except (KeyError, TypeError, re.error, yaml.YAMLError) as exc:
        raise ConfigError(f"data/zones/cues.yaml is invalid: {exc}") from exc
