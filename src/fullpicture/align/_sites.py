"""Facilities by kind (``[sites]`` of ``data/events/incidents.toml``): the kinds named next to a
happening's trigger ("the theatre", "драмтеатр", "l'hôpital"), and the patterns of a facility noun
around a place name ("the Eastvale prison", "la prison d'Eastvale")."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

# words allowed between a facility noun and its place name ("the prison camp in occupied X",
# "X hydroelectric power station")
_BETWEEN_BEFORE = 3
_BETWEEN_AFTER = 2


@functools.lru_cache(maxsize=1)
def site_kinds() -> tuple[tuple[str, str], ...]:
    """``(kind, regular expression of its words)`` of every kind: ``word*`` is the word's
    beginning, then any word characters; another word matches itself and its plural in -s, -es
    or -x."""
    from fullpicture._data import data_toml

    out = []
    for kind, words in sorted(data_toml("events", "incidents.toml").get("sites", {}).items()):
        forms = sorted((str(w).lower() for w in words), key=len, reverse=True)
        body = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + "(?:s|es|x)?"
                        for w in forms)
        out.append((kind, body))
    return tuple(out)


def _alternation() -> str:
    """One group per kind, named ``k<n>`` after its place in :func:`site_kinds`."""
    return "|".join(f"(?P<k{k}>{body})" for k, (_, body) in enumerate(site_kinds()))


def kind_of(m: re.Match[str]) -> str:
    """The kind whose group matched."""
    assert m.lastgroup is not None
    return site_kinds()[int(m.lastgroup[1:])][0]


@functools.lru_cache(maxsize=1)
def site_pattern() -> re.Pattern[str] | None:
    """One pattern of every facility word, a named group per kind."""
    if not site_kinds():
        return None
    return re.compile(r"(?<!\w)(?:" + _alternation() + r")(?!\w)", re.U | re.I)


@functools.lru_cache(maxsize=1)
def noun_patterns() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """``(before, after)``: a facility noun ending the text before a place name (up to three
    words between), and one opening the text after it (up to two words between); the kind's
    group is the last one each pattern closes."""
    if not site_kinds():
        return None
    noun = r"(?<!\w)(?:" + _alternation() + r")(?!\w)"
    before = re.compile(rf"{noun}(?:[\s'’-]+[\w-]+){{0,{_BETWEEN_BEFORE}}}[\s'’]+$", re.I | re.U)
    after = re.compile(rf"^[\s'’-]*(?:[\w-]+\s+){{0,{_BETWEEN_AFTER}}}?{noun}", re.I | re.U)
    return before, after


def named_kinds(before_text: str, after_text: str) -> frozenset[str]:
    """The kinds of the facility nouns around a place name: ending ``before_text`` or opening
    ``after_text`` (:func:`noun_patterns`)."""
    pats = noun_patterns()
    if pats is None:
        return frozenset()
    out = set()
    m = pats[0].search(before_text)
    if m is not None:
        out.add(_noun_kind(m))
    m = pats[1].search(after_text)
    if m is not None:
        out.add(_noun_kind(m))
    return frozenset(out)


def _noun_kind(m: re.Match[str]) -> str:
    """The kind of the one ``k<n>`` group a match of :func:`noun_patterns` took."""
    for name, value in m.groupdict().items():
        if value is not None:
            return site_kinds()[int(name[1:])][0]
    raise AssertionError("a facility noun matched no kind")


def facility_kinds(text: str, start: int, end: int, lo: int, hi: int, window: int,
                   skip: Sequence[tuple[int, int]] = ()) -> frozenset[str]:
    """The facility kinds of the words within ``window`` characters of the trigger ``text[start:end]``,
    inside the sentence ``text[lo:hi]``, but those starting inside a span of ``skip`` (offsets in
    ``text``)."""
    if window <= 0:
        return frozenset()
    pattern = site_pattern()
    if pattern is None:
        return frozenset()
    at = max(lo, start - window)
    span = text[at : min(hi, end + window)]
    return frozenset(kind_of(m) for m in pattern.finditer(span)
                     if m.lastgroup and not any(s <= at + m.start() < e for s, e in skip))
