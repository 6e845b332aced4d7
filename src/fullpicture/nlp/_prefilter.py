"""A first-character guard for regular expressions scanned over whole texts (speed only).

Python's ``re`` tries a pattern at every position of the text. A pattern that opens with
``\\b`` and an alternation of words ("january|february|..."), or with optional groups, gets
no help from the engine's own prefix search, so each position costs a try of every
alternative. :func:`guarded` prefixes the pattern with a lookahead for the characters a
match can begin with (``(?=[jfm...])``), computed from the parsed pattern: a position whose
character cannot begin a match fails at once. The lookahead is a necessary condition only,
never a new one, so the matches (spans, groups, group numbers) are exactly those of the
original pattern; where the first characters cannot be worked out (a back-reference, a
pattern that can match the empty string, an unknown construct) the pattern is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

_P: Any
try:  # the standard library's regex parser (private; without it, patterns are left unguarded)
    from re import _parser as _P  # type: ignore[attr-defined,no-redef]
except ImportError:  # pragma: no cover - a Python that moved it
    _P = None

_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W",
}
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


class _Unknown(Exception):
    """The first characters cannot be stated as one character class."""


def _char(code: int) -> str:
    ch = chr(code)
    return "\\" + ch if ch in "\\]^-[" else ch


def _class_items(items: list[tuple[Any, Any]]) -> list[str]:
    out: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append(_char(av))
        elif name == "RANGE":
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            out.append(_CATEGORIES[str(av)])
        else:  # NEGATE, an unknown category, ...
            raise _Unknown
    return out


def _first(seq: Any) -> tuple[list[str], bool]:
    """(class items a match of ``seq`` can begin with, whether ``seq`` can match empty)."""
    items: list[str] = []
    for op, av in seq:
        name = str(op)
        if name == "LITERAL":
            return items + [_char(av)], False
        if name == "IN":
            return items + _class_items(av), False
        if name in _ZERO_WIDTH:
            continue  # consumes nothing; leaving it out keeps the class a superset
        if name == "BRANCH":
            nullable = False
            for alt in av[1]:
                sub, empty = _first(alt)
                items += sub
                nullable = nullable or empty
            if not nullable:
                return items, False
            continue
        if name == "SUBPATTERN":
            _group, add, remove, sub_seq = av
            if add or remove:  # local flags (say, case) would change what the class matches
                raise _Unknown
            sub, empty = _first(sub_seq)
            items += sub
            if not empty:
                return items, False
            continue
        if name == "ATOMIC_GROUP":
            sub, empty = _first(av)
            items += sub
            if not empty:
                return items, False
            continue
        if name in _REPEATS:
            low, _high, sub_seq = av
            sub, empty = _first(sub_seq)
            items += sub
            if low > 0 and not empty:
                return items, False
            continue
        raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, ...
    return items, True


def first_class(pattern: str, flags: int = 0) -> str | None:
    """A character class (``[...]``) holding every character a match of ``pattern`` can begin
    with, or None when that cannot be worked out."""
    if _P is None:  # pragma: no cover
        return None
    try:
        parsed = _P.parse(pattern, flags)
        if parsed.state.flags & ~(flags | re.UNICODE | re.IGNORECASE | re.VERBOSE):
            return None  # inline flags other than case
        items, empty = _first(parsed)
    except (_Unknown, re.error, AttributeError, TypeError, ValueError):
        return None
    if empty or not items:
        return None
    return "[" + "".join(dict.fromkeys(items)) + "]"


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with a first-character lookahead when one can be
    worked out (same matches, same groups; see the module's docstring)."""
    cls = first_class(pattern, flags)
    if cls is None or pattern.startswith("(?") and pattern[2:3].isalpha():
        return re.compile(pattern, flags)
    return re.compile(f"(?={cls})(?:{pattern})", flags)


__all__ = ["first_class", "guarded"]
