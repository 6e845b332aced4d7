"""Counts of people set aside from a happening's toll (``data/figures/aside.toml``; session 31).

Three shapes that any report of any conflict writes, read alike in en/fr/ru/uk:

* people counted by a status they no longer hold ("two former hostages told of the camp"):
  who they were, not whom the happening hit (population ``recalled``; counts of a status only:
  "12 former soldiers were killed" is a toll);
* a count given as a share of a group ("3 out of 12 passengers", "3 passagers sur 12"): a part of
  that group (``part``);
* a number quoted with at most two words in the middle of a sentence that casts doubt on it ('only
  one agency speaks of "27 dead"'): a figure the outlet holds at a distance as another's words
  (``quoted``); a claim relayed in quotes with no doubt stays the claimant's count;
* a number that names a thing rather than counting (``things``; session 32): it follows a noun that
  names things by number ("flight 752", "resolution 2334", "рейс", "vol"; ``[designators]``) or a
  name written with a capital in the middle of a sentence, not a place or a time ("a Kestrel 417"),
  with no noun of its own after it.
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


_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"«“]))([^\W\d_][\w.-]*|№)[ \u00a0]$")


def _designator(a: Analysis, f: Figure) -> bool:
    """The number names a thing (module doc): a noun of ``[designators]`` right before it, or a
    capitalised name right before it that no sentence opens, no word of ``[name_not_after]``
    introduces ("in Lask 12 died") and that is no place, people or time (a headline's capitals are
    its style); the number with no noun of its own."""
    hit = _WORD_BEFORE.search(a.text[max(0, f.start - 40) : f.start])
    if hit is None:
        return False
    word = hit.group(1)
    if f.unit:
        return False
    if word.lower() in _designator_nouns(a.document.language or "en"):
        return True
    if not word[0].isupper() or any(z.kind == "heading" and z.start <= f.start < z.end for z in a.zones):
        return False
    at = f.start - len(hit.group(0))
    if re.search(r"(?:^|[.!?:;\n\"«“])\s*$", a.text[max(0, at - 3) : at]):
        return False  # "Nearly 40 ...": a word that opens a sentence
    lang = a.document.language or "en"
    prev = a.text[max(0, at - 20) : at].split()
    if prev and prev[-1].lower() in _data().get("name_not_after", {}).get(lang, ()):
        return False  # "in Lask 12 died": a place the entity layer may not know
    if any(t.start <= at < t.end for t in a.timexes):
        return False  # "on Friday 12 died"
    return not any(e.type in _PLACES and any(x.start <= at < x.end for x in e.mentions) for e in a.entities)


_PLACES = frozenset({"GPE", "LOC", "NORP", "FAC"})


@functools.lru_cache(maxsize=8)
def _designator_nouns(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _data().get("designators", {}).get(lang, ()))


def aside_population(a: Analysis, f: Figure) -> str | None:
    """``recalled``, ``part`` or ``quoted`` where the figure counts people set aside from the
    happening's toll, ``things`` where its number names a thing (module doc), else None."""
    if _designator(a, f):
        return "things"
    if _after(a, f, "former") and (f.counts or "") in _data().get("former_counts", {}).get("counts", ()):
        return "recalled"
    if _share(a, f):
        return "part"
    if _quoted(a, f):
        return "quoted"
    return None
