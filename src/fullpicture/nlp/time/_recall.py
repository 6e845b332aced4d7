"""Recalled days: the year of a day-month written without one, from the words around it.

A day-month with no year takes the publication's year when it is near the publication day
(``_resolve.infer_year``, ``_intl._year_for``). Some wording tells that the day is gone by
even though, read in the publication year, it would still be to come:

* a recall word right before it ("since April 20", "depuis le 20 avril");
* a happening named by its day ("the April 20 attack", "le massacre du 20 avril",
  "нападение 20 апреля"): such a day lies on or before the publication day; when it would
  fall after it, its year is one the text does not give (``XXXX-04-20``), or the year before;
* a year phrase right after it ("on June 3 last year", "3 июня прошлого года");
* a year expression right before it, joined only by a comma or "on" ("three years ago, on
  March 9", "l'an dernier, le 3 juin"): that expression's year;
* a weekday after a recall word and read after the publication day ("since Friday" in a
  Thursday's report): the one a week before.

The words are in the ``[recall]`` table of ``data/time/lexicon.toml`` (English) and
``data/time/<language>.toml``; the rules run once over a text's resolved time expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from fullpicture._data import data_toml
from fullpicture.models import Timex

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_YEAR = re.compile(r"\d{4}")


def _words(items: object) -> str:
    return "|".join(str(w) for w in items) if isinstance(items, list) and items else ""


@dataclass(frozen=True)
class RecallGrammar:
    """The compiled recall wording of one language."""

    before: re.Pattern[str] | None  # ends right before the date
    after: re.Pattern[str] | None  # starts right after the date: a happening named by its day
    determiner: re.Pattern[str] | None  # ends right before such a date ("the", "its")
    noun_before: re.Pattern[str] | None  # ends right before the date: a happening named by its day
    years_after: list[tuple[re.Pattern[str], int]]  # starts right after the date -> years back
    joiners: re.Pattern[str]  # the gap between a year expression and the date it dates


@lru_cache(maxsize=8)
def load_recall(language: str) -> RecallGrammar | None:
    """The recall wording of ``language`` (None where its data has no ``[recall]`` table)."""
    try:
        d = data_toml("time", "lexicon.toml" if language == "en" else f"{language}.toml")
    except FileNotFoundError:
        return None
    r = d.get("recall")
    if not isinstance(r, dict):
        return None
    flags = re.IGNORECASE
    before, after, noun_before = _words(r.get("before")), _words(r.get("nouns_after")), _words(r.get("nouns_before"))
    det, link = _words(r.get("determiners_before")), _words(r.get("links_before"))
    return RecallGrammar(
        before=re.compile(r"(?<!\w)(?:" + before + r")\s*$", flags) if before else None,
        after=re.compile(r"^,?[ \t]+(?:[\w'’-]+[ \t]+)?(?:" + after + r")(?!\w)", flags) if after else None,
        determiner=re.compile(r"(?<!\w)(?:" + det + r")\s+$", flags) if det else None,
        noun_before=re.compile(r"(?<!\w)(?:" + noun_before + r")(?:\s+\S+){0,3}?\s+(?:" + link + r")\s*$", flags)
        if noun_before else None,
        years_after=[(re.compile(r"^[\s,]*(?:" + str(k) + r")(?!\w)", flags), int(v))
                     for k, v in dict(r.get("years_after", {})).items()],
        joiners=re.compile(r"^[\s,]*(?:(?:" + _words(r.get("joiners")) + r")\s*)?$", flags)
        if r.get("joiners") else re.compile(r"^[\s,]*$"),
    )


def _recalled(g: RecallGrammar, text: str, tx: Timex) -> bool:
    """The wording around ``tx`` tells a day gone by."""
    left = text[max(0, tx.start - 60) : tx.start]
    right = text[tx.end : tx.end + 60]
    # a happening named by its day: "the April 20 attack" (a determiner before it)
    named = g.after is not None and g.after.search(right) is not None and (
        g.determiner is None or g.determiner.search(left) is not None
        or g.determiner.search(" " + tx.text.split()[0] + " ") is not None)
    return (g.before is not None and g.before.search(left) is not None) or named \
        or (g.noun_before is not None and g.noun_before.search(left) is not None)


def _with_year(value: str, year: int) -> str | None:
    try:
        date(year, int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None
    return f"{year:04d}{value[4:]}"


def _weekday_back(tx: Timex, dct: date, changed: dict[int, str]) -> None:
    """A weekday after a recall word that was read after ``dct`` moves a week back."""
    day = _DAY.match(tx.value)
    assert day is not None
    d = date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
    if dct < d <= dct + timedelta(days=7):
        tx.value = changed[tx.start] = (d - timedelta(days=7)).isoformat() + tx.value[10:]


def recall_years(g: RecallGrammar | None, text: str, timexes: list[Timex], dct: date | None,
                 narrative: list[tuple[int, str]], ahead_days: int, year_after: bool = True,
                 previous: bool = False, year_before: bool = False) -> None:
    """Re-date, in place, the day-months written without a year that the wording around them
    sets in an earlier year (see the module doc); ``narrative`` entries at their offsets follow.
    ``ahead_days`` < 0: recall words off; else a day they recall more than this many days after
    ``dct`` lies in an earlier year: the year before (``previous``), else a year unknown
    (``XXXX-04-20``). ``year_after``: a year phrase right after the date ("last year");
    ``year_before``: a year expression right before it ("three years ago, on March 9")."""
    if g is None or (ahead_days < 0 and not year_after and not year_before):
        return
    changed: dict[int, str] = {}  # start -> new value
    for i, tx in enumerate(timexes):
        if tx.type not in ("DATE", "TIME") or tx.anchor == "explicit" or not _DAY.match(tx.value):
            continue
        if not any(ch.isdigit() for ch in tx.text):  # a weekday: "since Friday" is the last one
            if ahead_days >= 0 and dct is not None and g.before is not None \
                    and g.before.search(text[max(0, tx.start - 60) : tx.start]) is not None:
                _weekday_back(tx, dct, changed)
            continue
        year: int | None = None
        prev = timexes[i - 1] if i else None
        if year_before and prev is not None and prev.type == "DATE" and _YEAR.fullmatch(prev.value) \
                and g.joiners.match(text[prev.end : tx.start]):
            year = int(prev.value)  # "three years ago, on March 9"
        elif dct is not None:
            right = text[tx.end : tx.end + 40]
            back = next((n for p, n in g.years_after if p.match(right)), None) if year_after else None
            if back is not None:
                year = dct.year - back  # "on June 3 last year"
            elif ahead_days >= 0 and _recalled(g, text, tx):
                day = _DAY.match(tx.value)
                assert day is not None
                try:
                    d = date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
                except ValueError:
                    continue
                if d.year == dct.year and dct + timedelta(days=ahead_days) < d:
                    if not previous:  # gone by, in a year the text does not tell
                        tx.value = changed[tx.start] = "XXXX" + tx.value[4:]
                        continue
                    year = d.year - 1
        if year is None or year == int(tx.value[:4]):
            continue
        value = _with_year(tx.value, year)
        if value is not None:
            tx.value = value
            changed[tx.start] = value
    if changed:
        # a day of unknown year is no narrative time
        narrative[:] = [(off, changed[off][:10] if off in changed else v) for off, v in narrative
                        if not changed.get(off, "").startswith("X")]
