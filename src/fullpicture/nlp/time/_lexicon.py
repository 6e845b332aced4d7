"""The calendar vocabulary of the time grammar, loaded once from ``data/time/lexicon.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from fullpicture._errors import ConfigError

_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True)
class Lexicon:
    """Word lists (lower case) and derived lookups."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague: set[str]
    ordinals: dict[str, int]
    units: dict[str, str]  # singular unit -> code ("TH", "D", "10Y", ...)
    plurals: dict[str, str]  # plural -> singular
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    quarters: dict[str, int]
    holidays: dict[str, str]
    floating: dict[str, list[int]]
    # name -> ISO alpha-2 -> MM-DD: a holiday whose day depends on the country (_holidays)
    national: dict[str, dict[str, str]]
    ref_words: dict[str, str]
    set_words: dict[str, str]
    future_aux: frozenset[str] = frozenset()
    future_heads: frozenset[str] = frozenset()
    modal_forward: frozenset[str] = frozenset()
    forward_signals: tuple[str, ...] = ()
    signals: dict[str, str] = field(default_factory=dict)
    list_joiners: str = "and"  # regex alternation of the words joining a list's last two days
    extra: dict[str, Any] = field(default_factory=dict)

    def unit_of(self, word: str) -> str | None:
        """Singular unit for a (possibly plural, hyphenated) unit word."""
        w = word.lower().rstrip(".")
        if w in self.units:
            return w
        return self.plurals.get(w)

    def number(self, text: str) -> float | None:
        """Value of a number phrase ("twenty-four", "48", "a couple of"); None when vague/unknown."""
        t = re.sub(r"\s+", " ", text.lower().strip())
        if t in self.numbers:
            return self.numbers[t]
        digits = t.replace(",", "")
        try:
            return float(digits)
        except ValueError:
            pass
        m = re.fullmatch(r"(\d+) 1/2", t)  # "2 1/2"
        if m:
            return int(m.group(1)) + 0.5
        m = re.fullmatch(r"(\w+)[ -](\w+)", t)
        if m and m.group(1) in _TENS and m.group(2) in _ONES:
            return self.numbers[m.group(1)] + self.numbers[m.group(2)]
        m = re.fullmatch(r"(\w+)[ -]and[ -]a[ -]half", t)
        if m and m.group(1) in self.numbers:
            return self.numbers[m.group(1)] + 0.5
        return None


def alternation(words: list[str] | set[str] | dict[str, Any]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def _read(name: str) -> dict[str, Any]:
    root = resources.files("fullpicture").joinpath("data/time").joinpath(name)
    try:
        return tomllib.loads(root.read_text(encoding="utf-8"))
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"time lexicon {name} is missing or invalid: {exc}") from exc


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load the shipped lexicon (cached per process)."""
    d = _read("lexicon.toml")
    return Lexicon(
        months={k.lower(): int(v) for k, v in d["months"].items()},
        weekdays={k.lower(): int(v) for k, v in d["weekdays"].items()},
        numbers={k.lower(): float(v) for k, v in d["numbers"].items()},
        vague={k.lower() for k in d["vague_numbers"]},
        ordinals={k.lower(): int(v) for k, v in d["ordinals"].items()},
        units={k.lower(): str(v) for k, v in d["units"].items()},
        plurals={k.lower(): str(v) for k, v in d["plural_units"].items()},
        seasons={k.lower(): str(v) for k, v in d["seasons"].items()},
        parts_of_day={k.lower(): str(v) for k, v in d["parts_of_day"].items()},
        quarters={k.lower(): int(v) for k, v in d["quarters"].items()},
        holidays={k.lower(): str(v) for k, v in d["holidays"].items()},
        floating={k.lower(): list(v) for k, v in d["floating_holidays"].items()},
        national={k.lower(): {str(cc): str(day) for cc, day in v.items()} for k, v in d.get("national_holidays", {}).items()},
        ref_words={k.lower(): str(v) for k, v in d["ref_words"].items()},
        set_words={k.lower(): str(v) for k, v in d["set_words"].items()},
        future_aux=frozenset(d["tense"]["future_auxiliaries"]),
        future_heads=frozenset(d["tense"]["future_heads"]),
        modal_forward=frozenset(d["tense"]["modal_forward"]),
        forward_signals=tuple(str(w).lower() for w in d["tense"].get("forward_signals", [])),
        signals={k.lower(): str(v) for k, v in d["signals"].items()},
        list_joiners="|".join(re.escape(str(w)) for w in d.get("day_lists", {}).get("joiners", ["and"])),
    )


def number_pattern(lex: Lexicon) -> str:
    """Regex for a cardinal quantity: digits, number words, compounds, vague quantities."""
    compound = "(?:" + "|".join(_TENS) + r")[\s-](?:" + "|".join(_ONES) + ")"
    words = alternation(set(lex.numbers) | lex.vague)
    return rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+\s+1/2|\d+(?:\.\d+)?|{compound}|{words}(?:[\s-]and[\s-]a[\s-]half)?)"
