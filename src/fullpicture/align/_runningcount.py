"""Running counts of an exodus: the count of the people who fled, told day by day as it grows.

A population's flight after an offensive is told by every side as a running count: "so far 3,000
residents have fled", "7,500 have left since the shelling began", "as of Friday, 9,000 had crossed".
Such a count is the happening's own count as it stood that day, not a campaign's running total (the
"so far" of a war's dead): its words make it a ``total`` only where they name a war or a conflict
(:func:`campaign_words`). Two sides' values of it told on different days are stages of one growing
count where the later value is the higher (:func:`._daystages.running_stage`): no conflict; a later value below
an earlier one, or two values of one day, are still compared. The counts read so are ``[align]
figure_running_counts`` (counts of the displaced and the evacuated); the words that name a war are
``[totals] campaign`` of ``data/figures/counts.toml``. A count told "as of" a day is that day's
stage (:func:`count_day`, ``[align] figure_count_days``): its compared value carries that day, not
its report's.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from fullpicture.align._util import published_day, sentence_bounds
from fullpicture.models import Analysis, Figure
from fullpicture.nlp.events._asof import asof_words, counts_day, said_as_of

_SENTENCE_BREAK = re.compile(r"[.!?;\n]\s")


def running_count(f: Figure, cfg: dict[str, Any]) -> bool:
    """Whether the figure counts what ``[align] figure_running_counts`` reads as a running count."""
    return bool(f.counts) and f.counts in (cfg.get("figure_running_counts") or ())


@functools.lru_cache(maxsize=1)
def _campaign() -> re.Pattern[str] | None:
    from fullpicture._data import data_toml

    words = data_toml("figures", "counts.toml").get("totals", {}).get("campaign", [])
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.I) if words else None


def campaign_words(a: Analysis, f: Figure) -> bool:
    """Whether the figure's sentence names a war or a conflict (``[totals] campaign`` of
    ``counts.toml``: "since the war began 2 million have fled"): a campaign's total, not one
    exodus's running count."""
    pat = _campaign()
    if pat is None:
        return False
    before = _SENTENCE_BREAK.split(a.text[max(0, f.start - 160) : f.start])[-1]
    after = _SENTENCE_BREAK.split(a.text[f.end : f.end + 120])[0]
    return bool(pat.search(before) or pat.search(after))


def count_day(a: Analysis, f: Figure) -> str | None:
    """The day the figure's count is told as of ("as of 9 May, 4,100 had fled", "по состоянию на 9
    мая"): a day-precise date of its sentence after a word of ``[as_of]``
    (:func:`fullpicture.nlp.events._asof.counts_day`), on or before the report's day; else None
    (the count keeps its report's day)."""
    spec = asof_words(a.document.language or "en")
    if spec.words is None and spec.counts is None:
        return None
    lo, hi = sentence_bounds(a.text, f.start, f.end)
    pub = published_day(a)
    for t in a.timexes:
        value = str(t.value)
        if t.type != "DATE" or not lo <= t.start < hi or len(value) != 10 or value[4] != "-" or (pub and value > pub):
            continue
        if t.start < f.end and f.start < t.end:
            continue  # the figure's own number read as a date
        written = any(ch.isdigit() for ch in t.text)
        if said_as_of(a.text, t.start, lo, spec) or (written and counts_day(a.text, t.start, (lo, hi), [f.start], spec)):
            return value
    return None
