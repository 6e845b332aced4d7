"""Whose people a figure counts: the nation its words name ("120 Ruritanian soldiers", "35
Ruritanians") or the speaker's own state for a count told as the speaker's own people ("18 of its
soldiers", "12 soldats tués dans ses rangs"; ``data/figures/victims.toml``).

A toll is compared with another side's toll of the same people: in a clash of two armies, each
side's count of its own dead and one side's claim of the other side's dead are three counts of
two groups, and only two counts of one group can contradict each other
(``align/_figureclash``, ``[align] figure_victim_groups``).
"""

from __future__ import annotations

import functools
import re

from fullpicture.align._agents import claim_state, name_state
from fullpicture.align._util import EntityIndex
from fullpicture.models import Analysis, Figure


@functools.lru_cache(maxsize=1)
def _own() -> dict[str, tuple[re.Pattern[str], ...]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "victims.toml").get("own", {})
    return {lang: tuple(re.compile(p, re.I) for p in ps) for lang, ps in data.items()}


def own_people(a: Analysis, f: Figure) -> str | None:
    """The noun of a count told as the speaker's own people ("18 of its soldiers": "soldiers";
    "" where the words name no noun, "dans ses rangs"), None for any other count."""
    after = a.text[f.end : f.end + 80]
    for p in _own().get(a.document.language or "en", ()):
        hit = p.match(after)
        if hit:
            return (hit.groupdict().get("noun") or "").lower()
    return None


@functools.lru_cache(maxsize=1)
def _nation_nouns() -> dict[str, dict[str, str]]:
    """Language -> a nation's people noun (every inflected form, lowercase) -> ISO code."""
    from fullpicture._data import data_toml

    data = data_toml("figures", "victims.toml").get("nation_nouns", {})
    return {lang: {w.lower(): cc.upper() for cc, words in by_cc.items() for w in words}
            for lang, by_cc in data.items()}


def _word_state(word: str, language: str) -> str | None:
    w = word.strip(",.;:!?\"“”«»()[]'’")
    if not w:
        return None
    state = name_state(w) or _nation_nouns().get(language, {}).get(w.lower())
    if state is None and language == "en" and len(w) > 4 and w.endswith("s"):
        state = name_state(w[:-1])  # "Ukrainians", "Armenians": the nation's people
    return state


def _noun_words(a: Analysis, f: Figure) -> list[str]:
    """The words from the number to the end of its noun ("Ruritanian soldiers")."""
    after = a.text[f.end : f.end + 60]
    if f.unit:
        k = after.lower().find(f.unit.lower())
        return after[: k + len(f.unit)].split() if 0 <= k <= 40 else []
    return after.split()[:1]


def victims(a: Analysis, f: Figure, index: EntityIndex | None = None) -> str | None:
    """The ISO code of the state whose people a figure counts, None where its words name none.

    A count told as the speaker's own ("18 of its soldiers") counts the people of the state its
    claim's source speaks for (none where its source names no state); otherwise a nation
    named between the number and its noun ("120 Ruritanian soldiers") or by the noun itself
    ("35 Ruritanians")."""
    if own_people(a, f) is not None:
        return claim_state(a, f.claim, index) if index is not None else None
    lang = a.document.language or "en"
    for w in _noun_words(a, f):
        state = _word_state(w, lang)
        if state:
            return state
    return None
