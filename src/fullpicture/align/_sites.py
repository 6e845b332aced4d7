"""Facility kinds named next to a happening's trigger (``[sites]`` of
``data/events/incidents.toml``): "the theatre", "драмтеатр", "l'hôpital"."""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=1)
def _site_pattern() -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """One pattern of every facility word, a named group per kind (``word*``: the word's
    beginning, then any word characters)."""
    from fullpicture._data import data_toml

    alts, kinds = [], []
    for k, (kind, words) in enumerate(sorted(data_toml("events", "incidents.toml").get("sites", {}).items())):
        kinds.append(kind)
        forms = sorted((str(w).lower() for w in words), key=len, reverse=True)
        body = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in forms)
        alts.append(f"(?P<k{k}>{body})")
    if not alts:
        return None, ()
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.U), tuple(kinds)


def facility_kinds(text: str, start: int, end: int, lo: int, hi: int, window: int) -> frozenset[str]:
    """The facility kinds of the words within ``window`` characters of the trigger ``text[start:end]``,
    inside the sentence ``text[lo:hi]``."""
    if window <= 0:
        return frozenset()
    pattern, kinds = _site_pattern()
    if pattern is None:
        return frozenset()
    span = text[max(lo, start - window) : min(hi, end + window)].lower()
    return frozenset(kinds[int(m.lastgroup[1:])] for m in pattern.finditer(span) if m.lastgroup)
