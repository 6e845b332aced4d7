"""Loading a language's time grammar: ``data/time/<lang>.toml`` compiled into an :class:`IntlGrammar`.

:func:`load_grammar` reads the language file's word tables (months in every case form news
uses, weekdays, number words, units, relative days and periods, parts of the day), fills the
``{placeholders}`` of its rules with their alternations and compiles them, with the words of
things to come, of terms, of habits and the joiners of day lists; :mod:`._intl` interprets the
rules by kind.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture._errors import ConfigError
from fullpicture.nlp.time._lexicon import alternation


@dataclass
class IntlGrammar:
    """Word lists and compiled rules of one language."""

    language: str
    words: dict[str, dict[str, Any]]
    rules: list[tuple[str, re.Pattern[str], str]] = field(default_factory=list)
    # the words of a sentence that tells something to come ("prévu", "состоится"): a date
    # written without a year there may lie after the publication day
    future: re.Pattern[str] | None = None
    # the words right before a date that make it a term ("до 9 июля", "jusqu'au 9 juillet"): written
    # without a year, it may lie after the publication day ([future] before)
    until: re.Pattern[str] | None = None
    # the words that make a weekday told without "dernier"/"prochain" a habit ("le dimanche": on
    # Sundays), no day ([habitual] before_weekday)
    habitual: frozenset[str] = frozenset()
    # the words that make such a weekday, in a sentence of something to come, the next one ("à
    # partir de lundi": from next Monday; [habitual] forward_before_weekday)
    forward: re.Pattern[str] | None = None
    # the words joining a list's last two days ("et", "и"; [day_lists] joiners), as an alternation
    joiners: str = ""

    def get(self, table: str, key: str) -> Any:
        """Look ``key`` up (lower case, whitespace collapsed) in a word table."""
        return self.words[table].get(re.sub(r"\s+", " ", key.lower().rstrip(".")))


_TABLES = {
    "month": "months", "weekday": "weekdays", "number": "numbers", "unit": "units",
    "relday": "relative_days", "relperiod": "relative_periods", "narrday": "narrative_days",
    "pod": "parts_of_day", "thispod": "this_pod",
}


@lru_cache(maxsize=8)
def load_grammar(language: str) -> IntlGrammar | None:
    """The grammar of ``language`` (None when no ``data/time/<language>.toml`` exists)."""
    try:
        d = data_toml("time", f"{language}.toml")
    except FileNotFoundError:
        return None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"time grammar data/time/{language}.toml is invalid: {exc}") from exc
    words = {t: {k.lower(): v for k, v in d.get(t, {}).items()} for t in set(_TABLES.values())}
    words["_frag"] = dict(d.get("words", {}))
    future = [str(w) for w in d.get("future", {}).get("words", [])]
    g = IntlGrammar(language, words, future=re.compile(r"(?<!\w)(?:" + "|".join(future) + r")(?!\w)", re.IGNORECASE)
                    if future else None,
                    until=_words_before(d.get("future", {}).get("before", []), space=r"\s*"),
                    habitual=frozenset(str(w).lower() for w in d.get("habitual", {}).get("before_weekday", [])),
                    forward=_words_before(d.get("habitual", {}).get("forward_before_weekday", [])),
                    joiners="|".join(re.escape(str(w)) for w in d.get("day_lists", {}).get("joiners", [])))
    subs = {ph: alternation(list(words[t])) for ph, t in _TABLES.items()}
    # a month name is a whole word: "10 maisons" holds no "10 mai"
    subs["month"] += r"(?!\w)"
    subs.update({k: f"(?:{v})" for k, v in d.get("words", {}).items()})
    for rule in d.get("rules", []):
        pat = re.sub(r"\{(\w+)\}", lambda m: subs[m.group(1)], rule["pattern"])
        g.rules.append((rule["kind"], re.compile(pat, re.IGNORECASE), str(rule.get("need", ""))))
    return g


def _words_before(words: list[str], space: str = r"\s+") -> re.Pattern[str] | None:
    """A pattern of ``words`` (whole words, spaces free) that end right before an expression,
    ``space`` between them and it (``\\s*`` lets an elided "jusqu'au" touch it)."""
    if not words:
        return None
    alts = "|".join(r"\s+".join(re.escape(p) for p in str(w).split()) for w in words)
    return re.compile(r"(?<!\w)(?:" + alts + r")" + space + "$", re.IGNORECASE)
