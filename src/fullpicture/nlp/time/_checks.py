"""Context checks that reject grammar matches which are not time expressions ("May" the modal)."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import IDX
from spacy.tokens import Doc

from fullpicture.nlp._doctext import doc_text
from fullpicture.nlp.time._grammar import Candidate

_PREV_WORD = re.compile(r"([\w'$#£€.%-]+)\W*$")
_NEXT_WORD = re.compile(r"^\W*?([\w'%]+)")
# Words after which a bare month name ("May", "March") is a month.
_MONTH_CUES = {
    "in", "of", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this",
    "during", "through", "from", "to", "before", "after", "between", "and", "or", "for", "that",
    "on", "throughout", "around", "end", "beginning", "start", "middle", "as", "at", "past",
}
# Words after which a four-digit number is a year.
_YEAR_CUES = _MONTH_CUES | {"fiscal", "year", "the", "'s", "mid-", "summer", "spring", "winter", "fall", "autumn"}
_UNIT_TAGS = {"NNS", "NNPS"}
# a capitalised word before a year that still makes it a date ("Winter 2019 issue", "Sept 2020")
_SEASONS_MONTHS = frozenset({
    "winter", "spring", "summer", "autumn", "fall", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "christmas", "easter",
})
_RATE_BEFORE = re.compile(r"(?:\d|million|billion|thousand|percent|%|cents?|dollars?|each|times|twice)\W*$", re.IGNORECASE)


class Env:
    """Cheap access to the words and spaCy tags around a character range."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self._starts = doc.to_array([IDX]).tolist() if len(doc) else []
        self.parsed = bool(len(doc)) and doc.has_annotation("DEP")

    def prev_word(self, start: int) -> str:
        """The word just before ``start`` (lower case, '' at the start)."""
        m = _PREV_WORD.search(self.text, max(0, start - 40), start)
        return m.group(1).lower() if m else ""

    def next_word(self, end: int) -> str:
        """The word just after ``end`` (lower case)."""
        m = _NEXT_WORD.match(self.text[end : end + 40])
        return m.group(1).lower() if m else ""

    def next_char(self, end: int) -> str:
        """The first non-space character after ``end``."""
        rest = self.text[end : end + 10].lstrip()
        return rest[:1]

    def token_index(self, char: int) -> int:
        """Index of the token covering ``char``."""
        from bisect import bisect_right

        return max(0, bisect_right(self._starts, char) - 1)

    def tag_after(self, end: int) -> str:
        """Fine-grained tag of the first token starting at or after ``end``."""
        from bisect import bisect_left

        i = bisect_left(self._starts, end)
        if i < len(self.doc):
            return str(self.doc[i].tag_)
        return ""

    def tag_at(self, char: int) -> str:
        """Fine-grained tag of the token covering ``char``."""
        if not len(self.doc):
            return ""
        return str(self.doc[self.token_index(char)].tag_)


def _cap(s: str) -> bool:
    return bool(s) and s[0].isupper()


def _check_month(c: Candidate, env: Env) -> bool:
    g = c.match.groupdict()
    mon = g["mon"]
    if not _cap(mon):
        return False
    low = mon.lower()
    if low == "may" and env.tag_at(c.match.start("mon")) == "MD":
        return False
    bare = c.rule == "my" and not (g.get("y") or g.get("rel") or g.get("pre"))
    if bare and len(low) <= 4 and low not in ("june", "july", "may") and not c.match.group(0).endswith("."):
        return False
    if bare and (low in ("may", "march") or (len(low) <= 4 and low not in ("june", "july"))):
        return env.prev_word(c.start) in _MONTH_CUES
    return True


def _check_year(c: Candidate, env: Env) -> bool:
    g = c.match.groupdict()
    prev = env.prev_word(c.start)
    if prev.endswith(("$", "#", "£", "€")) or env.text[max(0, c.start - 1) : c.start] in ("$", ".", ",", "-", "/"):
        return False
    if env.next_char(c.end) in ("%",) or re.match(r"\.\d", env.text[c.end : c.end + 2]):
        return False
    if g.get("pre") or g.get("fy") or g.get("y2"):
        return True
    nxt = env.next_word(c.end)
    if env.tag_after(c.end) in _UNIT_TAGS and nxt not in ("years",) and prev not in _YEAR_CUES:
        return False
    if prev not in _YEAR_CUES and _designation(c, env):
        return False
    return int(g["y"]) >= 1900 or prev in _YEAR_CUES


def _designation(c: Candidate, env: Env) -> bool:
    """A number inside a name between two nouns, a model or a plan ("12 Raptor 2000 aircraft",
    "the Vision 2040 programme"), not a year."""
    if not env.parsed:
        return False
    i = env.token_index(c.start)
    if i == 0 or env.doc[i].idx != c.start:
        return False
    before = env.doc[i - 1]
    if before.tag_ not in ("NN", "NNP", "NNPS") or before.lower_ in _SEASONS_MONTHS:
        return False
    return env.tag_after(c.end).startswith("NN")


def _check_cap(group: str) -> Callable[[Candidate, Env], bool]:
    def check(c: Candidate, env: Env) -> bool:
        return _cap(c.match.group(group))

    return check


def _check_season(c: Candidate, env: Env) -> bool:
    g = c.match.groupdict()
    if g.get("y") or g.get("pre"):
        return True
    rel = (g.get("rel") or "").lower()
    nxt = env.next_word(c.end)
    if rel == "the":
        return nxt not in ("of", "in", "from", "and", "to") and g["s"].lower() != "spring"
    if rel:
        return True
    return env.prev_word(c.start) in ("in", "during", "this", "last", "next", "since", "until", "by", "through") and env.tag_at(c.start).startswith("NN")


def _check_quarter(c: Candidate, env: Env) -> bool:
    g = c.match.groupdict()
    if not (g.get("q") or g.get("rel") or g.get("y0") or g.get("the")):
        return False
    if not g.get("q") and not g.get("rel") and not g.get("y0") and env.next_word(c.end) in ("of", "century", "mile"):
        return False
    nxt = env.next_word(c.end)
    return not (nxt == "of" and not g.get("y") and env.next_word(c.end + 3) in ("a", "the", "its", "their", "his", "her"))


def _check_half(c: Candidate, env: Env) -> bool:
    g = c.match.groupdict()
    return bool(g.get("y")) or env.next_word(c.end) != "of"


def _check_duration(c: Candidate, env: Env) -> bool:
    g = c.match.groupdict()
    q, unit = g["q"].lower(), g["unit"].lower().rstrip(".")
    if unit in ("sec", "secs", "min", "mins", "hr", "hrs", "yr", "yrs") and not q[:1].isdigit():
        return False
    if unit == "second" and not q[:1].isdigit() and q not in ("one",):
        return False
    if q in ("some", "many") and unit in ("time", "day", "night"):
        return False
    if unit == "quarters" and g["sep"] == "-":
        return False
    if re.match(r"\s+old\b", env.text[c.end : c.end + 6]):
        return False  # an age: "52 years old"
    if q in ("a", "an") and not g.get("rel") and _RATE_BEFORE.search(env.text, max(0, c.start - 30), c.start):
        return False  # a rate: "$5 million a year", "four flights a week"
    if q in ("a", "an") and env.tag_at(max(0, c.match.start("q") - 2)) in ("NNS", "CD"):
        return False
    # "a day" / "an hour" inside "the first day" etc. are fine; "second" ordinal guarded above.
    return not (q[:1].isdigit() and len(q.replace(",", "")) >= 4 and "," in q)


def _check_bare(c: Candidate, env: Env) -> bool:
    prev = env.prev_word(c.start)
    return prev in ("for", "in", "over", "within", "after", "lasted", "took", "take", "spent", "spend", "than", "by")


def _check_relday(c: Candidate, env: Env) -> bool:
    w = c.match.group("w").lower()
    # "today's" possessive is still a date; "Today" the show name is rare enough.
    return w != "tonight" or env.prev_word(c.start) != "the"


def _check_ref(c: Candidate, env: Env) -> bool:
    r = c.match.group("r").lower()
    if r == "now":
        return env.text[c.end : c.end + 1] != "-"
    if r == "the present":
        return env.next_word(c.end) not in ("government", "administration", "situation", "case", "system")
    return True


def _check_holiday(c: Candidate, env: Env) -> bool:
    return _cap(c.match.group("hol"))


CHECKS: dict[str, Callable[[Candidate, Env], bool]] = {
    "mdy": _check_month,
    "dmy": _check_month,
    "my": _check_month,
    "year": _check_year,
    "weekday": _check_cap("wd"),
    "plwd": _check_cap("wd"),
    "season": _check_season,
    "quarter": _check_quarter,
    "half": _check_half,
    "duration": _check_duration,
    "bareunits": _check_bare,
    "relday": _check_relday,
    "ref": _check_ref,
    "holiday": _check_holiday,
}


def accept(c: Candidate, env: Env) -> bool:
    """True when the context supports reading ``c`` as a time expression."""
    check = CHECKS.get(c.rule)
    return True if check is None else check(c, env)
