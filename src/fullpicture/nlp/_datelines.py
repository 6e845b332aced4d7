"""Datelines: where a report was filed ("GENEVA (Reuters) –", "Kyiv, Ukraine —", "LONDON: "),
never where its events happened. The event layer keeps their place names off the events; the
paragraph layer starts a sentence at one, so a headline never runs into the lead it opens."""

from __future__ import annotations

import re

_DL_WORD = r"(?:[A-ZА-ЯЁ][\w.'’-]*|\d{1,2}|[a-zа-яё]{2,5}\.?)"
_DATELINE = re.compile(rf"^[ \t]*({_DL_WORD}(?:(?:[ ,]+|/){_DL_WORD}){{0,5}})[ ,]*(?:\([^()\n]{{1,30}}\)[ ]*)?"
                       r"(?:[—–-]{1,2}[ ]|(—)(?=[A-ZА-ЯЁ«\"]))", re.M)
# "Northtown/Southtown, Feb 26 :", "Northtown, 4 March:": a colon ends a dateline that ends in its day
_DL_DAY = r"(?:[A-ZА-ЯЁ][a-zа-яё]{2,8}\.?[ ]\d{1,2}|\d{1,2}[ ][A-ZА-ЯЁa-zа-яё][a-zа-яё]{2,8}\.?)"
_DATELINE_DATED = re.compile(rf"^[ \t]*({_DL_WORD}(?:(?:[ ,]+|/){_DL_WORD}){{0,4}}?[ ,]+{_DL_DAY})[ ]?:[ ]", re.M)
# "LONDON:", "GAZA:": a place word in capitals and a colon opening a line near the top
_DATELINE_CAPS = re.compile(r"^[ \t]*([A-ZА-ЯЁ]{3,}(?:[ -][A-ZА-ЯЁ]{3,}){0,2}):[ ]", re.M)
# "Agency | Eastcity | Updated: 11-03-2031 09:20": a byline of fields split by bars, one of them
# a date or a clock time
_DATELINE_BARS = re.compile(r"^[ \t]*([^\n|]{2,60}(?:[ \t]\|[ \t][^\n|]{1,60}){2,})[ \t]*$", re.M)
_BYLINE_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}")
_DATELINE_WINDOW = 600
# a wire dateline in capitals ("EASTCITY – ...") may open the lead after a long photo caption
_CAPS_DATELINE_WINDOW = 1500
_CAPS_WORD = re.compile(r"[A-ZА-ЯЁ]{3,}")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the datelines near the top of a text ("GENEVA (Reuters) –",
    "Kyiv, Ukraine —", "MOSCOW, 10 Jun -", "LONDON: ", "Agency | Eastcity | Updated: 11-03-2031"): where the report was filed, never where its events
    happened. Past the first ``_DATELINE_WINDOW`` characters (a headline and a photo caption
    before the lead) only a dash dateline whose first word is in capitals counts ("EASTCITY –")."""
    end = min(len(text), _DATELINE_WINDOW)
    late = [m.span(1) for m in _DATELINE.finditer(text, end, min(len(text), _CAPS_DATELINE_WINDOW))
            if _CAPS_WORD.fullmatch(m.group(1).split()[0].rstrip(","))]
    return sorted([m.span(1) for rx in (_DATELINE, _DATELINE_DATED, _DATELINE_CAPS) for m in rx.finditer(text, 0, end)
                   if rx is not _DATELINE or not m.group(2) or _tight_dateline(m.group(1))]
                  + [m.span(1) for m in _DATELINE_BARS.finditer(text, 0, end) if _BYLINE_DATE.search(m.group(1))]
                  + late)


def _tight_dateline(words: str) -> bool:
    """A dash with no space after it ends a dateline only in its usual shapes ("KYIV, Ukraine—",
    "WASHINGTON—"), not in a headline's "Eastland—Westland talks"."""
    return "," in words or words.split()[0].isupper()
