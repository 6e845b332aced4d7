"""Places named only as an analogy: "a provocation in the Eastvale style", "à la Eastvale",
"в стиле Eastvale", "like in Eastvale". The place is the model the speaker compares with, never
where the happening of the sentence took place. The cue words are language data (``[analogy]``
of ``data/events/plover.toml``): ``before`` ends the text before the place's name, ``after``
opens the text after it; quotation marks may stand between ("в стиле «Eastvale»")."""

from __future__ import annotations

import re
from functools import lru_cache

_QUOTES = "\"'«»“”„‘’‹›"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(a cue ending the text before a name, a cue opening the text after it)."""
    from fullpicture._data import data_toml

    data = data_toml("events", "plover.toml").get("analogy", {})

    def alternation(words: list[str]) -> str:
        return "|".join(r"\s+".join(re.escape(p) for p in str(w).split())
                        for w in sorted(words, key=len, reverse=True))

    q = re.escape(_QUOTES)
    before = data.get("before", [])
    after = data.get("after", [])
    pb = re.compile(rf"(?<!\w)(?:{alternation(before)})[\s{q}]*$", re.I | re.U) if before else None
    pa = re.compile(rf"[{q}]*[\s-](?:{alternation(after)})(?!\w)", re.I | re.U) if after else None
    return pb, pa


def analogy_place(text: str, start: int, end: int) -> bool:
    """Whether the place name ``text[start:end]`` is named only as an analogy (module docstring)."""
    pb, pa = _patterns()
    if pb is not None and pb.search(text, max(0, start - 40), start):
        return True
    return pa is not None and pa.match(text, end, min(len(text), end + 20)) is not None
