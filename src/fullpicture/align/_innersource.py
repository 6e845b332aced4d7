"""A speaker named inside a figure's own clause: whose account the count is.

"The ministry said ... a depot was hit during a raid that Baku says killed at least
14": the figure sits in the ministry's claim, but its own clause names another speaker, Baku,
whose count it is. The reporting clauses are language data (``data/figures/inner.toml``), read
alike for every state; the state is read from the inner speaker's words (``_agents.name_state``).
"""

from __future__ import annotations

import functools
import re

from fullpicture.align._agents import name_state
from fullpicture.models import Analysis, Figure

_CLAUSE_END = re.compile(r"[.!?;\n]\s")


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "inner.toml").get("inner", {})
    return {lang: tuple(re.compile(p) for p in ps) for lang, ps in data.items()}


def inner_state(a: Analysis, f: Figure, reach: int = 160) -> str | None:
    """The state that a reporting clause inside the figure's own sentence, just before the figure,
    names as its speaker ("that Baku says killed", "qui, selon Erevan, a fait"); None when no such
    clause (within ``reach`` characters, in the figure's sentence) names a state."""
    pats = _patterns().get(a.document.language or "en", ())
    if not pats:
        return None
    before = a.text[max(0, f.start - reach) : f.start]
    ends = list(_CLAUSE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    for pat in pats:
        hit = pat.search(before)
        if hit is not None:
            state = name_state(hit.group("who"))
            if state:
                return state
    return None
