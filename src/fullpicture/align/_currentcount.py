"""A count of the hurt who are still in hospital: a part of the injured, not a rival count.

"Of the 40 wounded, 12 are still in hospital" or "There are still 14 hurt being treated" tells how
many of the injured are left today, not how many were hurt: set against another side's count of the
injured it makes a false dispute. The words that tell it are per-language data
(``data/figures/earlier.toml`` [current_before], [current_after]); every side is read alike.
"""

from __future__ import annotations

import functools
import re

from fullpicture.models import Analysis, Figure

_SENTENCE_BREAK = re.compile(r"[.!?;\n]\s")


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, tuple[re.Pattern[str], ...]], dict[str, tuple[re.Pattern[str], ...]]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "earlier.toml")

    def compiled(table: str) -> dict[str, tuple[re.Pattern[str], ...]]:
        return {lang: tuple(re.compile(p, re.I) for p in ps) for lang, ps in data.get(table, {}).items()}

    return compiled("current_before"), compiled("current_after")


def current_count(a: Analysis, f: Figure) -> bool:
    """Whether the figure counts the hurt still in hospital (``earlier.toml`` [current_before]
    on the end of its sentence before it, [current_after] on the words after it)."""
    before_pats, after_pats = _patterns()
    lang = a.document.language or "en"
    before = _SENTENCE_BREAK.split(a.text[max(0, f.start - 120) : f.start])[-1]
    after = a.text[f.end : f.end + 100]
    return any(p.search(before) for p in before_pats.get(lang, ())) \
        or any(p.match(after) for p in after_pats.get(lang, ()))
