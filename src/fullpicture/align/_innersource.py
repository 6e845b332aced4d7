"""A speaker named inside a figure's own clause: whose account the count is.

"The ministry said ... a depot was hit during a raid that Baku says killed at least
14": the figure sits in the ministry's claim, but its own clause names another speaker, Baku,
whose count it is. The reporting clauses are language data (``data/figures/inner.toml``), read
alike for every state; the state is read from the inner speaker's words (``_agents.name_state``).

A claim whose speaker is a personal pronoun ("It said that 60 soldiers were killed") goes on
with the speaker of the claim just before it ("The defence ministry said ..."):
:func:`pronoun_state`.
"""

from __future__ import annotations

import functools
import re

from fullpicture._data import language_words
from fullpicture.align._agents import claim_state, name_state
from fullpicture.align._util import EntityIndex, claim_by_id
from fullpicture.models import Analysis, Figure

_CLAUSE_END = re.compile(r"[.!?;\n]\s")


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "inner.toml").get("inner", {})
    return {lang: tuple(re.compile(p) for p in ps) for lang, ps in data.items()}


def pronoun_state(a: Analysis, claim_id: str | None, index: EntityIndex, reach: int) -> str | None:
    """The state a claim whose speaker is a personal pronoun speaks for ("It said that ..."): that
    of the nearest claim before it, ending at most ``reach`` characters before it, whose speaker is
    no pronoun ("The defence ministry said ..."), the speaker going on; None for any other claim,
    or where that claim's speaker names no state (the pronoun's own link then stands)."""
    claim = claim_by_id(a, claim_id)
    words = language_words("figures", "inner.toml", "pronoun_speakers", a.document.language)
    if reach <= 0 or claim is None or claim.source is None or (claim.source.text or "").strip().lower() not in words:
        return None
    before = [c for c in a.claims if c.source is not None and c.kind != "naming" and c.id != claim.id
              and c.start < claim.start and claim.start - c.end <= reach
              and (c.source.text or "").strip().lower() not in words]
    if not before:
        return None
    last = max(before, key=lambda c: (c.start, c.end))
    return claim_state(a, last.id, index)


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


_RUBRIC_PART = re.compile(r"[\s\-–/,]+")


def rubric_speaker(a: Analysis, claim_id: str | None) -> bool:
    """Whether a claim's speaker is a headline's rubric ("Freedonia: three colonels dead near Lask",
    "Freedonia-Ruritania: eight dead in strikes"): a line that opens with names of states only,
    followed by a colon, tells the story's country, not who said what follows (the outlet's own
    words, or a speaker the line names after it)."""
    claim = claim_by_id(a, claim_id)
    src = claim.source if claim is not None else None
    if src is None or src.start is None or src.end is None:
        return False
    opens = src.start == 0 or a.text[max(0, src.start - 1)] == "\n"
    if not opens or not a.text[src.end : src.end + 2].lstrip().startswith(":"):
        return False
    parts = [p for p in _RUBRIC_PART.split(src.text or "") if p]
    return bool(parts) and all(name_state(p) for p in parts)
