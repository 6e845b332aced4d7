"""Words a regular expression cannot match without: a cheap test before the search (speed only).

A case-insensitive pattern of many alternatives ("subscribe ...|sign up ...|privacy policy|...")
is tried at every position of a text, each alternative in turn: on a short paragraph that is
tens of microseconds, even where nothing matches. :func:`needles` reads the parsed pattern and
returns, where it can, a set of lower-case ASCII strings ("needles") such that every match of
the pattern contains one of them. :class:`NeedleFilter` searches an ASCII text only when one of
them occurs in it (``str.__contains__``, in C), and any other text as before: so its answers
are exactly the pattern's.

Why ASCII texts only: with ``re.IGNORECASE`` an ASCII letter of the pattern matches its other
case and nothing else in an ASCII text, which ``str.lower`` tells alike; outside ASCII, Unicode
case folding has special cases (``ſ`` matches ``s``, ``K`` the Kelvin sign) that it does not.
A needle with a non-ASCII character is allowed only when ``re`` matches that character with no
ASCII character, even ignoring case (Cyrillic words, "©"): it can then never occur in a match
in an ASCII text, and is dropped there. (A case-sensitive pattern's needles are tested on the
lower-cased text too: a weaker test, still a necessary one.)
"""

from __future__ import annotations

import re
from typing import Any

_P: Any
try:  # the standard library's regex parser (private; without it, no needles: every text is searched)
    from re import _parser as _P  # type: ignore[attr-defined,no-redef]
except ImportError:  # pragma: no cover - a Python that moved it
    _P = None


class _Unknown(Exception):
    """A construct whose required words are not worked out here."""


def _pick(best: frozenset[str] | None, cand: frozenset[str] | None) -> frozenset[str] | None:
    """The better of two needle sets that each every match contains one of: the one whose
    shortest needle is longer (fewer false hits), then the smaller."""
    if cand is None or not cand:
        return best
    if best is None:
        return cand
    return cand if (min(map(len, cand)), -len(cand)) > (min(map(len, best)), -len(best)) else best


def _required(seq: Any) -> frozenset[str] | None:
    """Needles of a parsed sequence (None: none known)."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in seq:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if run:
            best = _pick(best, frozenset({"".join(run)}))
            run = []
        if name == "BRANCH":
            alts = [_required(alt) for alt in av[1]]
            if all(a is not None for a in alts):
                best = _pick(best, frozenset().union(*[a for a in alts if a is not None]))
        elif name == "SUBPATTERN":
            _group, add, remove, sub = av
            if add or remove:
                raise _Unknown  # local flags
            best = _pick(best, _required(sub))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, sub = av
            if low >= 1:
                best = _pick(best, _required(sub))
        elif name == "ATOMIC_GROUP":
            best = _pick(best, _required(av))
        elif name in ("AT", "IN", "ANY", "NOT_LITERAL", "ASSERT", "ASSERT_NOT", "CATEGORY"):
            pass  # consumes at most one character of a class, or nothing: no word
        else:
            raise _Unknown  # GROUPREF, conditional groups, ...
    if run:
        best = _pick(best, frozenset({"".join(run)}))
    return best


_ASCII = "".join(map(chr, range(128)))


def _ascii_safe(ch: str) -> bool:
    """An ASCII character, or one that ``re`` matches with no ASCII character even ignoring
    case (asked of ``re`` itself: "İ" matches "i", "ſ" matches "s")."""
    return ch.isascii() or not re.compile(re.escape(ch), re.IGNORECASE).search(_ASCII)


def _parse(pattern: re.Pattern[str]) -> Any:
    """``pattern``'s parsed form (read, never changed, by :func:`needles` and :func:`_words`),
    or None when it cannot be had."""
    if _P is None:
        return None
    try:
        return _P.parse(pattern.pattern, pattern.flags)
    except (re.error, AttributeError, TypeError, ValueError, IndexError, RecursionError):
        return None


def needles(pattern: re.Pattern[str], parsed: Any = None) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` contains in an ASCII text
    (case-insensitively when the pattern is), or None when they cannot be worked out.
    ``parsed``: :func:`_parse` of ``pattern`` when the caller has it already."""
    if _P is None or pattern.flags & (re.VERBOSE | re.LOCALE) or not isinstance(pattern.pattern, str):
        return None
    if parsed is None:
        parsed = _parse(pattern)
        if parsed is None:
            return None
    try:
        if parsed.state.flags & ~(pattern.flags | re.UNICODE | re.IGNORECASE | re.MULTILINE | re.DOTALL):
            return None  # inline flags
        found = _required(parsed)
    except (_Unknown, re.error, AttributeError, TypeError, ValueError, RecursionError):
        return None
    if not found or not all(_ascii_safe(ch) for word in found for ch in word):
        return None
    # a needle with a character no ASCII text holds can never be found in one: left out
    return frozenset(w.lower() for w in found if w.isascii())


#: per alphabet (see :class:`NeedleFilter`): each character's case-insensitive pattern, and the
#: characters already asked whether they are risky (made once per process, not per filter)
_SHARED: dict[str, tuple[list[re.Pattern[str]], dict[str, bool]]] = {}


class NeedleFilter:
    """``pattern.search`` / ``finditer`` that skip a text holding none of the pattern's
    :func:`needles` (same answers as the pattern's own; see the module)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        parsed = _parse(pattern)  # once, for both
        found = needles(pattern, parsed) if parsed is not None else None
        self.needles = found if found and all(found) else None
        # the non-ASCII characters of the pattern's own words (Cyrillic ones): a text with a
        # character that may match one of them, or an ASCII one, is searched in full
        self._alphabet = _ASCII + "".join(sorted({ch for w in _words(pattern, parsed) for ch in w if not ch.isascii()}))
        # both depend on the alphabet only: shared by the filters of one alphabet
        self._letters, self._risky = _SHARED.get(self._alphabet) or _SHARED.setdefault(
            self._alphabet, ([re.compile(re.escape(ch), re.IGNORECASE) for ch in self._alphabet], {}))

    def _plain(self, text: str) -> bool:
        """Every character of ``text`` is ASCII, or one that ``re`` matches (ignoring case)
        with no ASCII character and no character of the pattern's words."""
        if text.isascii():
            return True
        risky = self._risky
        for ch in set(text):
            if ch.isascii():
                continue
            got = risky.get(ch)
            if got is None:  # asked both ways: ch as a pattern in the alphabet, each letter in ch
                got = risky[ch] = (re.compile(re.escape(ch), re.IGNORECASE).search(self._alphabet) is not None
                                   or any(rx.match(ch) for rx in self._letters))
            if got:
                return False
        return True

    @property
    def alphabet(self) -> str:
        """The characters :meth:`plain` tests against: filters with the same alphabet give the
        same :meth:`plain` answer for a text."""
        return self._alphabet

    def plain(self, text: str) -> bool:
        """Whether the needle test holds for ``text`` (see :meth:`_plain`)."""
        return self._plain(text)

    def possible_lower(self, low: str | None) -> bool:
        """:meth:`possible` of a text whose :meth:`plain` was asked already: ``low`` is the
        text's ``lower()`` where it is plain, None where it is not (several filters of one
        alphabet share one test and one ``lower()`` per text)."""
        words = self.needles
        if words is None or low is None:
            return True
        return any(w in low for w in words)

    def possible(self, text: str) -> bool:
        """False only when the pattern cannot match ``text``."""
        if self.needles is None:
            return True
        return self.possible_lower(text.lower() if self._plain(text) else None)

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``."""
        return self.pattern.search(text) if self.possible(text) else None

    def count(self, text: str) -> int:
        """The number of ``pattern.finditer(text)`` matches."""
        return sum(1 for _ in self.pattern.finditer(text)) if self.possible(text) else 0


def _words(pattern: re.Pattern[str], parsed: Any = None) -> frozenset[str]:
    """Every literal run of the pattern (its words and their pieces), non-ASCII ones included
    (``parsed``: :func:`_parse` of ``pattern`` when the caller has it)."""
    if parsed is None:
        parsed = _parse(pattern)
    if _P is None or parsed is None:
        return frozenset()
    out: set[str] = set()

    def walk(seq: Any) -> None:
        run: list[str] = []
        for op, av in seq:
            name = str(op)
            if name == "LITERAL":
                run.append(chr(av))
                continue
            if run:
                out.add("".join(run))
                run = []
            if name == "BRANCH":
                for alt in av[1]:
                    walk(alt)
            elif name == "SUBPATTERN":
                walk(av[3])
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                walk(av[2])
            elif name in ("ATOMIC_GROUP",):
                walk(av)
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(av[1])
            elif name == "IN":
                out.update(chr(v) for o, v in av if str(o) == "LITERAL")
        if run:
            out.add("".join(run))

    try:
        walk(parsed)
    except (re.error, AttributeError, TypeError, ValueError, IndexError, RecursionError):
        return frozenset()
    return frozenset(out)


__all__ = ["NeedleFilter", "needles"]
