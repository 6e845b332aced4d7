"""Counts of people set aside from a happening's toll (``data/figures/aside.toml``; session 31).

Three shapes that any report of any conflict writes, read alike in en/fr/ru/uk:

* people counted by a status they no longer hold ("two former hostages told of the camp"):
  who they were, not whom the happening hit (population ``recalled``; counts of a status only:
  "12 former soldiers were killed" is a toll);
* a count given as a share of a group ("3 out of 12 passengers", "3 passagers sur 12"): a part of
  that group (``part``);
* a number quoted with at most two words in the middle of a sentence that casts doubt on it ('only
  one agency speaks of "27 dead"'): a figure the outlet holds at a distance as another's words
  (``quoted``); a claim relayed in quotes with no doubt stays the claimant's count.
"""

from __future__ import annotations

import functools
import re

from fullpicture.align._util import sentence_bounds
from fullpicture.models import Analysis, Figure


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    from fullpicture._data import data_toml

    return data_toml("figures", "aside.toml")


@functools.lru_cache(maxsize=16)
def _patterns(section: str, lang: str) -> tuple[re.Pattern[str], ...]:
    data = _data()
    nums = "|".join(re.escape(n) for n in data.get("numbers", {}).get(lang, ())) or r"(?!x)x"
    return tuple(re.compile(p.replace("NUM", f"(?:{nums})"), re.I) for p in data.get(section, {}).get(lang, ()))


def _after(a: Analysis, f: Figure, section: str) -> re.Match[str] | None:
    rest = a.text[f.end : f.end + 80]
    return next((m for p in _patterns(section, a.document.language or "en") if (m := p.match(rest))), None)


def _share(a: Analysis, f: Figure) -> bool:
    """"3 out of 12", "3 passagers sur 12": a whole in digits is at least the count."""
    hit = _after(a, f, "out_of")
    if hit is None:
        return False
    whole = hit.groupdict().get("whole") or ""
    return not whole.isdigit() or f.value is None or f.value <= float(whole)


def _quoted(a: Analysis, f: Figure) -> bool:
    """The number opens a short quotation inside a sentence: an opening mark right before it, a
    closing one within two words after it, and a word of the sentence before the mark on its line."""
    q = _data().get("quotes", {})
    opens, closes = tuple(q.get("open", ())), tuple(q.get("close", ()))
    if f.start < 1 or not a.text[: f.start].rstrip(" ").endswith(opens):
        return False
    mark = a.text[: f.start].rstrip(" ")
    line = mark[: -1][mark.rfind("\n") + 1 :]
    if not re.search(r"\w[^.!?:]*$", line):
        return False  # a headline or a sentence that opens on the quotation: the speaker's words
    hit = re.match(r"^((?:\s+[^\s\"«»“”„‘’]+){0,2})\s*(\S)", a.text[f.end : f.end + 60])
    return hit is not None and hit.group(2) in closes and _doubted(a, f)


def _doubted(a: Analysis, f: Figure) -> bool:
    """The figure's sentence casts doubt on it ("only one agency speaks of ...", "unconfirmed")."""
    start, end = sentence_bounds(a.text, f.start, f.end)
    sentence = a.text[start:end]
    pats = _patterns("doubt", a.document.language or "en")
    return any(p.search(sentence) for p in pats)


def aside_population(a: Analysis, f: Figure) -> str | None:
    """``recalled``, ``part`` or ``quoted`` where the figure counts people set aside from the
    happening's toll (module doc), else None."""
    if _after(a, f, "former") and (f.counts or "") in _data().get("former_counts", {}).get("counts", ()):
        return "recalled"
    if _share(a, f):
        return "part"
    if _quoted(a, f):
        return "quoted"
    return None
