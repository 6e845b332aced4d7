"""The time-expression grammar: regex rules built from the lexicon, and span selection."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from fullpicture._needles import NeedleFilter
from fullpicture.nlp._prefilter import guarded
from fullpicture.nlp.time._lexicon import Lexicon, alternation, load_lexicon, number_pattern

# Modifiers kept inside a timex span, TIMEX3 mod values (TimeML 1.2.1 guidelines).
APPROX_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "almost": "EQUAL_OR_LESS", "nearly": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
    "more than": "MORE_THAN", "just over": "MORE_THAN",
    "upwards of": "MORE_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "close to": "APPROX", "well over": "MORE_THAN",
}
PRE_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID",
    "the end of": "END", "the close of": "END", "the beginning of": "START", "the start of": "START",
    "the middle of": "MID", "the dawn of": "START",
}
_PRE = r"(?:(?P<pre>early|late|mid|the\s+end\s+of|the\s+close\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?"
_TZ = r"(?:[ECMP][SD]T|GMT|UTC|[A-Z]{3}\s+time|local\s+time)"


# A final dot that belongs to the expression ("Jan.", "p.m."), not to the sentence.
_ABBREV_DOT = re.compile(r"(?:\b[A-Za-z]{1,4}\.|\b[ap]\.\s?m\.)$")


# A determiner before one hyphenated modifier ("the eight-year", "that third-quarter"): TimeML
# leaves it out of the span.
_DET_HYPHEN = re.compile(r"(?:the|that|this|its|a|an)\s+(?=[\w.]+-[\w-]+$)", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """A grammar match before normalization."""

    start: int
    end: int
    rule: str
    match: re.Match[str]


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """All rules, in priority order (earlier wins ties), compiled once per process (each with
    its first-character guard: same matches, fewer tries, see :mod:`fullpicture.nlp._prefilter`)."""
    lex = load_lexicon()
    return tuple((name, guarded(rx, re.IGNORECASE)) for name, rx in _rules(lex))


def _rules(lex: Lexicon) -> list[tuple[str, str]]:
    month = alternation(lex.months)
    wd_full = alternation([w for w in lex.weekdays if len(w) > 4])
    wd = alternation(lex.weekdays)
    num = number_pattern(lex)
    ordw = alternation(lex.ordinals)
    day = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|{ordw})"
    year = r"(?:1[0-9]\d\d|20\d\d)"
    yref = rf"(?:{year}|this\s+year|last\s+year|next\s+year)"
    units = alternation(set(lex.units) | set(lex.plurals))
    plurals = alternation(lex.plurals)
    season = alternation(lex.seasons)
    pod = r"(?:morning|afternoon|evening|night)"
    approx = alternation(APPROX_MODS)
    quarter = alternation(lex.quarters)
    holiday = alternation(set(lex.holidays) | set(lex.floating) | set(lex.national))
    ref = alternation(lex.ref_words)
    setw = alternation(lex.set_words)
    hhmm = r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.\s?m\.|p\.\s?m\.|am\b|pm\b|a\.m\b|p\.m\b)"
    dpart = rf"(?P<dpart>{wd_full}(?:,?\s+{month}\.?\s+{day}(?:,\s+{year})?)?|today|yesterday|tomorrow|tonight|{month}\.?\s+{day}(?:,\s+{year})?)"
    tens = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    ones = "(?:one|two|three|four|five|six|seven|eight|nine)"
    teens = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    rel = r"(?:this|last|next|past|previous|coming|current|following|same|that|the\s+previous|the\s+following|the\s+next|the\s+same|the\s+past|the\s+coming|the\s+current|the\s+last|the\s+latest|the\s+prior|the\s+preceding)"
    return [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?\b"),
        ("slash", r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})\b(?!/)"),
        ("time", rf"\b(?:(?P<mod>{approx})\s+)?(?:{hhmm}|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?=\s+{_TZ})|(?P<word>noon|midnight|midday)|(?P<h3>{num})\s+o'clock)(?:\s+(?P<tz>{_TZ}))?(?:(?:,\s*|\s+)(?:on\s+)?{dpart})?"),
        ("mdy", rf"\b(?:(?P<wd>{wd})\.?,?\s+)?(?:(?P<pre>early|late|mid)[\s-]+)?(?P<mon>{month})\.?\s+(?:the\s+)?(?P<d>{day})(?![\d,]*\d)(?:\s*,?\s*(?P<y>{year})\b|\s+\((?P<py>{year})\))?(?:(?<=\))|\b)"),
        ("dmy", rf"\b(?:(?P<wd>{wd})\.?,?\s+)?(?:the\s+)?(?P<d>{day})\s+(?:of\s+)?(?P<mon>{month})\b\.?(?:,?\s+(?P<y>{year})\b|\s+\((?P<py>{year})\))?"),
        ("my", rf"\b{_PRE}(?:(?P<rel>this|last|next|past|coming|that)\s+)?(?P<mon>{month})\b\.?(?:,?\s+(?:of\s+)?(?P<y>{yref})\b)?"),
        ("decade", rf"(?<!\w)(?:the\s+)?{_PRE}(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<dec2>\d0)s|(?<=the\s)(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"),
        ("century", rf"\b(?:the\s+)?{_PRE}(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ordw})[\s-]+century\b"),
        ("year", rf"\b{_PRE}(?:(?P<fy>fiscal)(?:\s+year)?\s+)?(?P<y>{year})(?:(?:-|/)(?P<y2>\d{{4}}|\d{{2}})(?!\d))?\b(?!\s*%|,\d)"),
        ("quarter", rf"\b{_PRE}(?:(?P<the>the)\s+)?(?:(?P<rel>latest|last|past|current|next|coming|previous|preceding|prior|year-earlier|year-ago|same|this|that|final|recent|most\s+recent)\s+)?(?:(?P<y0>{year}|this\s+year's|last\s+year's|next\s+year's)\s+)?(?:(?P<fy>fiscal)\s+)?(?:(?P<q>{quarter})[\s-]+(?:fiscal\s+)?)?quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<y>{yref}))?"),
        ("half", rf"\b(?:the\s+)?(?:(?P<fy>fiscal)\s+)?(?P<h>first|second|last)[\s-]half\b(?:\s+of\s+(?:fiscal\s+)?(?P<y>{yref}))?"),
        ("season", rf"\b{_PRE}(?:(?P<rel>this|last|next|past|coming|the|that)\s+)?(?P<s>{season})\b(?:\s+(?:of\s+)?(?P<y>{year})\b)?"),
        ("holiday", rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<hol>{holiday})(?:\s+(?P<y>{year}))?\b"),
        ("weekday", rf"\b(?:(?P<pre>early|late|earlier|later)\s+)?(?:(?P<rel>last|next|this|coming|past|previous|this\s+coming|this\s+past|the\s+previous|the\s+following|the\s+next)\s+)?(?P<wd>{wd_full})\b(?:\s+(?P<pod>{pod}))?"),
        ("relday", rf"\b(?:(?P<pre>early|late|earlier|later|mid)[\s-]+)?(?:(?P<pod0>{pod})\s+)?(?P<w>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b(?:\s+(?P<pod>{pod}))?"),
        ("pod", rf"\b(?:(?P<pre>early|late|earlier|later)\s+)?(?P<rel>this|last|that|the\s+next|the\s+following|the\s+same)\s+(?P<pod>{pod})\b"),
        ("weekend", r"\b(?P<the>the)\s+weekend\b"),
        ("spelled", rf"\b(?:the\s+year\s+)?(?:(?P<c>nineteen)[\s-]+(?P<r>{tens}(?:[\s-]{ones})?|{teens}|hundred)|(?P<k>two\s+thousand)(?:\s+and)?(?:[\s-]+(?P<r2>{ones}|{teens}))?)\b(?![\s-]+{units}\b)"),
        ("relunit", rf"\b(?:(?P<pre>early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)[\s-]+)?(?P<rel>{rel})\s+(?:(?P<fy>fiscal)\s+)?(?P<unit>day|week|weekend|month|year|decade|century)\b"),
        ("ago", rf"\b(?:(?P<mod>{approx})\s+)?(?P<q>{num})[\s-]+(?P<unit>{units})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|previously|beforehand|afterwards?|before(?=\s*[,.;])|after(?=\s*[,.;]))"),
        ("yearago", r"\b(?:the\s+)?(?P<dir>year|month|week|quarter)-(?:earlier|ago)\b(?:\s+(?P<what>quarter|period|month|year|week))?"),
        ("duration", rf"\b(?:(?P<mod>{approx})\s+)?(?:(?P<the>the)\s+(?=(?:past|last|next|coming|previous|first|final|latest|recent|following|initial|remaining|ensuing|same|year-earlier|year-ago)\s))?(?:(?P<rel>past|last|next|coming|previous|first|final|latest|recent|following|initial|remaining|ensuing|same|year-earlier|year-ago)\s+)?(?!an?\s+\S+-long\b)(?P<q>{num})(?:\s+(?:to|or)\s+(?P<q2>{num})|-(?P<q3>\d+))?(?P<sep>[\s-]+)(?:(?:more|additional|further|straight|consecutive|trading|business|working)\s+)?(?P<unit>{units})\b(?P<long>-long|\s+long)?(?!-old)(?P<half>\s+and\s+a\s+half)?"),
        ("unitlong", rf"\b(?P<unit>{units})-long\b"),
        ("vague", rf"\b(?:(?P<the>the)\s+)?(?P<rel>past|last|next|following|ensuing|previous|first)\s+(?P<units>{plurals})\b"),
        ("bareunits", r"\b(?P<units>years|months|weeks|days|hours|decades|centuries)\b"),
        ("ref", rf"\b(?P<r>{ref})\b"),
        ("set", rf"\b(?P<e>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<q>{num})\s+)?(?P<what>{units}|{wd_full}|{month}|{pod}|{season})\b"),
        ("times", rf"\b(?P<f>once|twice|thrice|{num}\s+times)\s+(?:a|per|each|every)\s+(?P<unit>{units})\b"),
        ("setword", rf"\b(?P<sw>{setw})\b"),
        ("plwd", rf"\b(?P<wd>{wd_full})s\b"),
    ]


@lru_cache(maxsize=1)
def triggers() -> dict[str, re.Pattern[str]]:
    """Per rule, the head words every match contains; the rule only runs near them (speed)."""
    lex = load_lexicon()
    months = alternation(lex.months)
    units = alternation(set(lex.units) | set(lex.plurals))
    heads = {
        "time": r"\d+\s*[ap]\.?\s?m\b|noon|midnight|midday|o'clock|\d[:.]\d\d",
        "mdy": months, "dmy": months, "my": months,
        "century": r"century", "quarter": r"quarter", "half": r"half",
        "season": alternation(lex.seasons), "holiday": alternation(set(lex.holidays) | set(lex.floating) | set(lex.national)),
        "weekday": alternation(lex.weekdays),
        "relunit": r"day|week|weekend|month|year|decade|century",
        "ago": r"ago|earlier|later|now|hence|previously|beforehand|afterwards?|before|after",
        "duration": units, "unitlong": r"-long", "times": units,
    }
    return {k: guarded(r"\b(?:" + v + r")", re.IGNORECASE) for k, v in heads.items()}


@lru_cache(maxsize=1)
def _filters() -> tuple[tuple[NeedleFilter, ...], dict[str, NeedleFilter]]:
    """The words without which each rule, and each trigger, cannot match (speed only: a text
    holding none of a rule's words is not scanned for it; see :mod:`fullpicture._needles`)."""
    return (tuple(NeedleFilter(rx) for _name, rx in compiled_rules()),
            {k: NeedleFilter(rx) for k, rx in triggers().items()})


def _windows(text: str, trigger: re.Pattern[str], before: int = 60, after: int = 45) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        s, e = max(0, m.start() - before), min(len(text), m.end() + after)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


#: The last text's rule matches (:func:`_matches`): a document whose reference time is
#: inferred is tagged two or three times with other anchors, over the same text. One tuple,
#: read and replaced whole (safe across threads); it holds the text, so ``is`` cannot match
#: a new string at a freed one's address.
_LAST: tuple[str, list[tuple[int, int, int, Candidate]]] | None = None


def _matches(text: str) -> list[tuple[int, int, int, Candidate]]:
    """Every rule match in ``text`` as (-length, rule priority, start, candidate), sorted; the
    matches depend on the text only, so the last text's are reused (callers do not change them)."""
    global _LAST
    last = _LAST
    if last is not None and last[0] is text:
        return last[1]
    found: list[tuple[int, int, int, Candidate]] = []
    heads = triggers()
    cache: dict[str, list[tuple[int, int]]] = {}
    rule_filters, trigger_filters = _filters()
    lows: dict[str, str | None] = {}  # per filter alphabet: the text lower-cased, None if not plain

    def possible(f: NeedleFilter) -> bool:
        if f.needles is None:
            return True
        if f.alphabet not in lows:
            lows[f.alphabet] = text.lower() if f.plain(text) else None
        return f.possible_lower(lows[f.alphabet])

    for prio, (name, rx) in enumerate(compiled_rules()):
        if not possible(rule_filters[prio]):
            continue  # none of the words every match of the rule holds
        trig = heads.get(name)
        if trig is None:
            windows = [(0, len(text))]
        elif not possible(trigger_filters[name]):
            windows = []
        else:
            windows = cache.get(trig.pattern) or cache.setdefault(trig.pattern, _windows(text, trig))
        for m in (m for ws, we in windows for m in rx.finditer(text, ws, we)):
            s, e = m.span()
            while e > s and text[e - 1] in " \t\n,-":
                e -= 1
            if text[e - 1 : e] == "." and not _ABBREV_DOT.search(text, s, e):
                e -= 1
            det = _DET_HYPHEN.match(text, s, e)
            if det:
                s = det.end()
            if e > s:
                found.append((-(e - s), prio, s, Candidate(s, e, name, m)))
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    _LAST = (text, found)
    return found


def find_candidates(text: str, accept: Callable[[Candidate], bool]) -> list[Candidate]:
    """Rule matches in ``text`` that ``accept`` approves; overlaps: longest wins, then rule priority."""
    found = _matches(text)
    taken = bytearray(len(text))
    chosen: list[Candidate] = []
    for _, _, _, c in found:
        if any(taken[c.start : c.end]) or not accept(c):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen
