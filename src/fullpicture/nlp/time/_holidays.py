"""Holidays one name marks on different days in different countries ("Independence Day").

The name takes the day of the country its own words give ("Freedonia's Independence Day",
"the Freedonian Independence Day", "Independence Day in Freedonia"), else of the listed country
the document names most often (one country alone at the top), else none: a story set in one
country never takes another country's holiday of the same name. Country words are the
gazetteer's (``data/gazetteer``: demonyms, conventional names and aliases) with the ISO short
names.
"""

from __future__ import annotations

import re
from functools import lru_cache

_POSSESSIVE = re.compile(r"['’]s?$")
_ORDINAL = re.compile(r"\s+\d{1,3}(?:st|nd|rd|th)$")
_AFTER = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?")


@lru_cache(maxsize=1)
def country_words() -> dict[str, str]:
    """Country word as written ("Ukraine", "Ukrainian", "U.S.") -> ISO 3166-1 alpha-2."""
    import pycountry

    from fullpicture._data import data_rows

    out: dict[str, str] = {}
    for name in ("demonyms.tsv", "country_aliases.tsv"):
        for cc, *rest in data_rows("gazetteer", name):
            if len(cc) == 2:
                for w in "\t".join(rest).split("|"):
                    out.setdefault(w.strip(), cc)
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            short = str(getattr(c, attr, "") or "")
            if short and "," not in short:
                out.setdefault(short, str(c.alpha_2))
    return out


@lru_cache(maxsize=32)
def _pattern(ccs: frozenset[str]) -> re.Pattern[str]:
    words = sorted((w for w, cc in country_words().items() if cc in ccs), key=lambda w: (-len(w), w))
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def _document_country(text: str, ccs: frozenset[str]) -> str | None:
    # not cached: one pass of a compiled pattern (under half a millisecond per 5,000 characters),
    # asked only for a national holiday's name, and a cache keyed on it held whole texts
    counts: dict[str, int] = {}
    words = country_words()
    for m in _pattern(ccs).finditer(text):
        cc = words[m.group(0)]
        counts[cc] = counts.get(cc, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return max(counts, key=lambda k: counts[k])


def holiday_country(text: str, start: int, end: int, ccs: frozenset[str]) -> str | None:
    """The country (of ``ccs``) whose holiday the name at ``text[start:end]`` is, or None."""
    words = country_words()
    before = _POSSESSIVE.sub("", _ORDINAL.sub("", text[max(0, start - 60) : start].rstrip())).split()
    for k in (3, 2, 1):  # "the United States' ...", "Freedonian ..."
        if len(before) >= k and " ".join(before[-k:]) in words:
            cc = words[" ".join(before[-k:])]
            return cc if cc in ccs else None  # a country the table does not list: no day
    after = _AFTER.match(text, end)
    if after is not None:
        m = _pattern(ccs).match(text, after.end())
        if m is not None:
            return words[m.group(0)]
    return _document_country(text, ccs)
