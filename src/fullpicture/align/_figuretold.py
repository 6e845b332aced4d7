"""How a figure's own sentence tells its number: as a campaign's running total
(:func:`running_total`; ``data/figures/counts.toml`` [totals]), or as an earlier report of its
count, a number it denies, the toll of an earlier happening it recalls, a preliminary count
(``data/figures/earlier.toml``). Read by :func:`._figurevalues.population`."""

from __future__ import annotations

import functools
import re

from fullpicture.align._relative import since_words
from fullpicture.align._util import sentence_bounds
from fullpicture.models import Analysis, Figure

# a running total ("more than 300 killed so far", "nine killed in the war", "pushing the
# toll above 500"): the campaign's count, not the incident's (the words after the number:
# :func:`_total_after`)
_TOTAL_BEFORE = re.compile(r"\b(?:bringing|pushing|raising|taking|brings|pushes|raises|takes)\s+(?:the\s+)?"
                           r"(?:[\w-]+\s+){0,3}(?:toll|total|tally|number)\s+(?:of\s+\w+\s+)?"
                           # "the death toll since the start of the war to", "in the five-month conflict to"
                           r"(?:(?:since|in|of|during)\s+[^.;\n]{0,60}?\s)?(?:to|above|past|over)\s*$", re.I)

# "40 killed, bringing the toll since the start of the war to 9,000": the 40 are the happening's
# own toll, added to the total that follows
_BRINGS = re.compile(r"\b(?:bringing|pushing|raising|taking|brings|pushes|raises|takes)\s+(?:the\s+)?"
                     r"(?:[\w-]+\s+){0,3}(?:toll|total|tally|number)\b", re.I)

# the toll of a stretch of days: "after 13 days of bombardment, which has claimed more than 660
# lives", "three weeks of fighting that have killed 900"
_TOTAL_SPELL = re.compile(r"\b(?:\d+|[a-z]+)\s+(?:days|weeks|months|years)\s+of\s+[\w\s,-]{1,60}?\b(?:which|that)\s+"
                          r"(?:has|have)\s+(?:now\s+|already\s+)?\w+\s+(?:the\s+lives\s+of\s+)?$", re.I)

# "..., the deadliest strike of the offensive so far": a superlative's "so far", not a total
_SUPERLATIVE = re.compile(r"\b(?:deadliest|bloodiest|worst|biggest|largest|heaviest|highest|single|most \w+)\b", re.I)


def running_total(a: Analysis, f: Figure) -> bool:
    """The figure's words tell it as a campaign's running total: a total phrase after it ("so
    far", "in the war"; no superlative's "so far", no count "since" a recent day, no "bringing
    the toll to" that adds it to a total), a total before it ("pushing the toll above"; a war's
    toll in the language's words: ``counts.toml`` [totals] before) or a spell of days that
    claimed it. (A count "since" a day long before the report is :mod:`._sincetotal`'s.)"""
    after_total = _total_after()
    total = after_total.match(a.text[f.end : f.end + 110]) if after_total is not None else None
    return bool((total and not _SUPERLATIVE.search(total.group(0)) and not _since_recent(a.text, f.end + total.end(), total)
                 and not _BRINGS.search(total.group(0)))
                or _TOTAL_BEFORE.search(a.text[max(0, f.start - 120) : f.start]) or _total_told_before(a, f)
                or _TOTAL_SPELL.search(a.text[max(0, f.start - 120) : f.start]))


@functools.lru_cache(maxsize=1)
def _totals_before() -> dict[str, re.Pattern[str]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "counts.toml").get("totals", {}).get("before", {})
    return {lang: re.compile("|".join(f"(?:{p})" for p in ps), re.I) for lang, ps in data.items() if ps}


def _total_told_before(a: Analysis, f: Figure) -> bool:
    """A toll told as a war's or a campaign's in the figure's sentence before it ("Число жертв с
    начала войны превысило 12 тысяч", "trois semaines de combats ont fait 900 morts"): a running
    total (``counts.toml`` [totals] before)."""
    pat = _totals_before().get(a.document.language or "en")
    if pat is None:
        return False
    before = re.split(r"[.!?;\n]\s", a.text[max(0, f.start - 120) : f.start])[-1]
    return bool(pat.search(before))


@functools.lru_cache(maxsize=1)
def _total_after() -> re.Pattern[str] | None:
    """The words after a number that tell it as a running total ("so far", "in the war"):
    ``[totals] after`` of ``data/figures/counts.toml`` (English), within 90 characters of the
    number's sentence."""
    from fullpicture._data import data_toml

    words = data_toml("figures", "counts.toml").get("totals", {}).get("after", [])
    return re.compile(r"^[^.;\n]{0,90}?\b(?:" + "|".join(words) + ")", re.I) if words else None


@functools.lru_cache(maxsize=1)
def _recent() -> re.Pattern[str] | None:
    from fullpicture._data import data_toml

    words = data_toml("figures", "counts.toml").get("totals", {}).get("recent", [])
    return re.compile(r"^[^.;\n]{0,40}?\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I) if words else None


def _since_recent(text: str, end: int, total: re.Match[str]) -> bool:
    """A count "since" a start told as a day of this week ("killed since hostilities began on
    Tuesday", "since the strike last night"): the current toll of the happening, no campaign's."""
    recent = _recent()
    # the total phrase (_total_after) and the recent words are English: its "since" words
    # (``[period.en] since`` of data/events/relative.toml)
    return recent is not None and any(w in total.group(0).lower() for w in since_words().get("en", ())) \
        and bool(recent.match(text[end : end + 60]))


@functools.lru_cache(maxsize=4)
def _earlier(section: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    """The case-insensitive patterns per language of one section of ``data/figures/earlier.toml``
    (``before``, ``denied``, ``preliminary``, ``recalled``)."""
    from fullpicture._data import data_toml

    data = data_toml("figures", "earlier.toml").get(section, {})
    return {lang: tuple(re.compile(p, re.I) for p in ps) for lang, ps in data.items()}


def _sentence_before(a: Analysis, f: Figure, chars: int) -> str:
    """The words of the figure's sentence before it, within ``chars`` characters."""
    before = a.text[max(0, f.start - chars) : f.start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("! "), before.rfind("? "))
    return before[cut + 1 :]


def _said(a: Analysis, f: Figure, section: str, chars: int = 120, english: bool = False) -> bool:
    """One pattern of ``earlier.toml`` [``section``] of the document's language holds in the
    figure's sentence before it (``english``: the English patterns for a language with none)."""
    pats = _earlier(section)
    lang = a.document.language or "en"
    before = _sentence_before(a, f, chars)
    return any(p.search(before) for p in (pats.get(lang, pats.get("en", ())) if english else pats.get(lang, ())))


def preliminary(a: Analysis, f: Figure) -> bool:
    """The figure's sentence tells it as preliminary ("according to preliminary information, 5
    were killed"; ``earlier.toml`` [preliminary]): an early stage of its count where its side
    states a higher value of it too."""
    return _said(a, f, "preliminary")


def recalled(a: Analysis, f: Figure) -> bool:
    """The figure counts an earlier happening its sentence recalls to set the day's in time ("four
    days after a rocket attack that killed 7"), or the previous time a place was hit ("Last time,
    on the 3rd, rockets killed 7"): ``earlier.toml`` [recalled], on the sentence's last 200
    characters."""
    return _said(a, f, "recalled", 200) or recalled_next(a, f)


@functools.lru_cache(maxsize=1)
def _next_patterns() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "earlier.toml").get("recalled_next", {})
    lead, anaphor = data.get("lead", {}), data.get("anaphor", {})
    return {lang: (re.compile("|".join(f"(?:{p})" for p in lead[lang]), re.I),
                   re.compile("|".join(f"(?:{p})" for p in anaphor[lang]), re.I))
            for lang in lead if lang in anaphor and lead[lang] and anaphor[lang]}


def recalled_next(a: Analysis, f: Figure) -> bool:
    """The figure's sentence opens on a definite subject of a happening's word that the sentence
    before recalls as an earlier happening ("... comes a year after the gas attack on Tarnow. The
    attack killed 60"): the nearest happening of that word is the recalled one, so the count is
    its toll (``earlier.toml`` [recalled_next])."""
    pats = _next_patterns().get(a.document.language or "en")
    if pats is None:
        return False
    s0, _ = sentence_bounds(a.text, f.start, f.end)
    hit = pats[1].match(a.text[s0 : f.start])
    if hit is None or s0 < 2:
        return False
    p0, _ = sentence_bounds(a.text, s0 - 2, s0 - 2)
    lead = pats[0].search(a.text[p0 : s0].rstrip(" .\n"))
    noun = (hit.group("noun") or "").lower()[:5]
    return lead is not None and len(noun) >= 4 and any(
        w.lower().startswith(noun) for w in re.findall(r"\w+", lead.group("tail")))


def denied(a: Analysis, f: Figure) -> bool:
    """The figure's sentence denies the count ("there weren't 300 or even 700 deaths", "the
    figure of 2,000 dead is doubtful": ``earlier.toml`` [denied], [denied_after]): a number
    someone says is wrong, no value of anyone's account (a zero, "there were no casualties", is
    a value)."""
    return bool(f.value) and (_said(a, f, "denied") or _said_after(a, f, "denied_after"))


def _said_after(a: Analysis, f: Figure, section: str, chars: int = 100) -> bool:
    """One pattern of ``earlier.toml`` [``section``] of the document's language matches the
    figure's sentence right after it ("... is very doubtful": [denied_after])."""
    _, s1 = sentence_bounds(a.text, f.start, f.end)
    after = a.text[f.end : min(s1, f.end + chars)]
    return any(p.match(after) for p in _earlier(section).get(a.document.language or "en", ()))


def told_earlier(a: Analysis, f: Figure) -> bool:
    """The figure's sentence tells it as an earlier report of its count (``earlier.toml``)."""
    return _said(a, f, "before", english=True)


def beyond_other_count(a: Analysis, f: Figure) -> bool:
    """The figure's "another" or "a further" adds people to a count of another kind told just
    before it in its sentence ("nine died and another 30 were hurt", "four guards killed, a further
    six wounded"): the hurt are people beyond the dead, and the number is the whole count of its
    own kind, no part added to a count of that kind."""
    s0, _ = sentence_bounds(a.text, f.start, f.end)
    before = [g for g in a.figures if s0 <= g.start and g.end <= f.start and g.counts]
    if not before or not f.counts:
        return False
    return max(before, key=lambda g: g.end).counts != f.counts
