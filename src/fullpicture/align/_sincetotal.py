"""A toll counted since a day long before the report: a running total, not one happening's.

"Since <day>, N have been killed" where the day lies weeks before the report's publication counts
every death since a campaign began, not the dead of the strike the report is about; a "since"
of this week's day ("since Tuesday") is the happening's current toll. The words that open such a
"since" are per-language data, the openers of a period up to the report (``since`` of
``data/events/relative.toml`` [period], ``_relative.since_words``); the number of days
that makes a start "long before" is ``[align] figure_total_since_days`` of the settings the caller
passes. Every side is read alike.
"""

from __future__ import annotations

import functools
import re

from fullpicture.align._dates import interval
from fullpicture.align._relative import since_words
from fullpicture.align._util import published_day
from fullpicture.models import Analysis, Figure

_SENTENCE_BREAK = re.compile(r"[.!?;\n]\s")


@functools.lru_cache(maxsize=1)
def _since_words() -> dict[str, re.Pattern[str]]:
    data = since_words()
    return {lang: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))
                             + r")\s+(?:the\s+|le\s+)?$", re.I) for lang, ws in data.items() if ws}


def counted_since_long_before(a: Analysis, f: Figure, days: int) -> bool:
    """Whether the figure's sentence (up to 80 characters after it) counts "since" a date that lies more
    than ``days`` days (``[align] figure_total_since_days``; 0: never) before the document's
    publication ("since 3 June the toll in the province has risen to 9,000" in a report of August,
    "9,000 killed since 3 June"): a campaign's total."""
    published = published_day(a)
    pat = _since_words().get(a.document.language or "en")
    if days <= 0 or not published or pat is None:
        return False
    pub = interval(published)
    if pub is None:
        return False
    sentence_start = f.start - len(_SENTENCE_BREAK.split(a.text[max(0, f.start - 160) : f.start])[-1])
    sentence_end = f.end + len(_SENTENCE_BREAK.split(a.text[f.end : f.end + 80])[0])
    for t in a.timexes:
        if t.type != "DATE" or not (sentence_start <= t.start and t.end <= sentence_end) or t.start < f.end <= t.end:
            continue
        if not pat.search(a.text[max(0, t.start - 20) : t.start]):
            continue
        day = interval(t.value)  # the time layer's value: a year-less date already placed by publication
        if day is not None and pub[0] - day[0] > days:
            return True
    return False
