"""Split a document into zones using several signals: position, cue phrases, layout hints,
line length and heading shape. Never one site's markup.

Zones partition the text: they are sorted by start, do not overlap and cover every
character (the whitespace between paragraphs belongs to the zone before it). An
``inline_note`` lies inside a body paragraph; the body zone is split around it, so
the partition stays flat and ``zone_kind_at`` is a simple lookup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fullpicture._needles import NeedleFilter
from fullpicture.ingest._cues import Cues, load_cues
from fullpicture.models import Zone

_PARA = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_LINE = re.compile(r"[^\n]+")
_END_PUNCT = tuple(".!:;,…")


@dataclass
class Unit:
    """A paragraph or line: the smallest thing that gets one zone kind."""

    start: int
    end: int
    text: str
    hint: str | None = None
    kind: str = "body"
    byline: bool = False


def heading_shaped(line: str, question_ok: bool = False) -> bool:
    """A short line with no final sentence punctuation that starts with a capital or digit
    (a final "?" or "!" only when ``question_ok``, which marks a document's first line: a
    headline may ask, and real headlines run longer than subheadings, up to 24 words)."""
    s = line.strip().strip("*_#").strip()
    max_chars, max_words = (200, 24) if question_ok else (120, 14)
    if not s or len(s) > max_chars or len(s.split()) > max_words:
        return False
    core = s.rstrip("\"'”’»)]").rstrip()
    if not core or core.endswith(_END_PUNCT) or (not question_ok and core.endswith(("?", "!"))):
        return False
    if s[0] in "([" and s[-1:] in ")]":
        return False
    return s[0].isupper() or s[0].isdigit() or s[0] in "\"“«'‘"


def question_subheading(line: str) -> bool:
    """A short stand-alone question used as a subheading in plain text ("What happens to the
    convoy now?"): at most 12 words, a capital first letter, no quotation marks."""
    s = line.strip().strip("*_#").strip()
    if not s.endswith("?") or len(s) > 100 or len(s.split()) > 12 or not s[0].isupper():
        return False
    return not any(q in s for q in "\"“”«»")


def _wrapped_prose(lines: list[str]) -> bool:
    """Hard-wrapped prose: most line breaks fall before a lower-case word or after a comma."""
    breaks = len(lines) - 1
    joins = sum(
        1 for a, b in zip(lines, lines[1:], strict=False)
        if b.lstrip()[:1].islower() or a.rstrip().endswith((",", "-", "–"))
    )
    return breaks > 0 and joins * 2 > breaks


def split_units(text: str, hints: list[tuple[int, int, str]]) -> list[Unit]:
    """Paragraphs (blank-line separated); lines when a paragraph is a stack of lines that
    each stand alone rather than hard-wrapped prose."""
    units: list[Unit] = []
    pattern = _PARA if "\n\n" in text else _LINE
    for m in pattern.finditer(text):
        lines = list(_LINE.finditer(m.group(0)))
        texts = [x.group(0) for x in lines]
        if len(lines) > 1 and not _wrapped_prose(texts):
            # a stack of lines that each stand alone (paragraph per line, footer lines, lists)
            units.extend(Unit(m.start() + x.start(), m.start() + x.end(), x.group(0)) for x in lines)
            continue
        if len(lines) > 1 and heading_shaped(texts[0]) and texts[1].lstrip()[:1].isupper():
            first = lines[0]
            units.append(Unit(m.start(), m.start() + first.end(), first.group(0)))
            units.append(Unit(m.start() + lines[1].start(), m.end(), m.group(0)[lines[1].start():]))
            continue
        units.append(Unit(m.start(), m.end(), m.group(0)))
    hi = 0
    hints = sorted(hints)
    for u in units:
        while hi < len(hints) and hints[hi][1] <= u.start:
            hi += 1
        if hi < len(hints) and hints[hi][0] <= u.start < hints[hi][1]:
            u.hint = hints[hi][2]
    return units


def _classify(units: list[Unit], title: str | None, cues: Cues) -> None:
    n = len(units)
    n_content = sum(1 for u in units if not heading_shaped(u.text))
    content_seen = 0  # non-heading units so far
    for i, u in enumerate(units[:8]):
        s = u.text.strip()
        u.byline = i < 6 and len(s) < 160 and not s.endswith(".") and bool(cues.byline.match(s))
    for i, u in enumerate(units):
        s = u.text.strip()
        from_end = n - 1 - i
        late = from_end < 3 or i >= 0.6 * n
        if cues.editorial_prefix.match(s):
            u.kind = "editorial_note"
        elif _is_boilerplate(s, late, cues):
            u.kind = "boilerplate"
        elif u.byline and content_seen <= 2:
            u.kind = "heading"
        elif late and len(s) < 700 and (_is_bio(s, cues) or (from_end == 0 and _is_role_bio(s, cues))):
            u.kind = "author_bio"
        elif u.hint == "heading" or (title and s == title.strip()) or (
            u.hint not in ("list", "quote") and heading_shaped(s, i == 0) and ((i == 0 and n > 1) or _next_is_longer(units, i))
        ) or (i > 0 and content_seen > 0 and question_subheading(s) and _next_is_prose(units, i)):
            u.kind = "heading"
        elif n_content > 1 and _editorial_voice(s, u, content_seen, from_end, cues):
            u.kind = "editorial_note"
        if u.kind != "heading":
            content_seen += 1


def _editorial_voice(s: str, u: Unit, content_seen: int, from_end: int, cues: Cues) -> bool:
    """Publisher-voice cue, in a set-off paragraph (italic or bracketed) or a short one at either end."""
    set_off = u.hint == "emphasis" or (s[:1] in "[(" and s[-1:] in "])")
    near_end = content_seen < 2 or from_end < 3
    if not (set_off or (near_end and len(s) < 600)) or len(s) > 1500:
        return False
    return bool(cues.editorial_voice.search(s))


def _is_boilerplate(s: str, late: bool, cues: Cues) -> bool:
    """Short lines with a footer cue; longer ones near the end only when cues are dense."""
    cue = _needle_filter(cues.boilerplate)  # the same answers; a paragraph without a cue word is not searched
    if len(s) >= 400 or (len(s) >= 160 and not late) or not cue.search(s):
        return False
    return len(s) < 160 or len(s) / cue.count(s) < 80


@lru_cache(maxsize=8)
def _needle_filter(pattern: re.Pattern[str]) -> NeedleFilter:
    return NeedleFilter(pattern)


def _is_bio(s: str, cues: Cues) -> bool:
    m = cues.bio_prefix.match(s)
    rest = s[m.end():] if m else s
    if m and cues.roles.search(rest):
        return True
    b = cues.bio.match(rest)
    if not b or b.group("name").startswith(("Mr.", "Mrs.", "Ms.", "Mr ", "Mrs ", "Ms ")):
        return False  # a second reference in news copy, not an author box
    return bool(cues.roles.search(rest[b.end():b.end() + 80]))


def _is_role_bio(s: str, cues: Cues) -> bool:
    """The closing paragraph opens with "<Full Name> is a <role words> at/with <Org>" (a
    press officer, a programme lead...): an author box even when the role is not a known one."""
    b = cues.bio.match(s)
    if not b or b.group("name").startswith(("Mr", "Mrs", "Ms", "Dr")):
        return False
    return bool(cues.role_phrase.match(s, b.end()))


def _next_is_prose(units: list[Unit], i: int) -> bool:
    """The unit after ``i`` is a body paragraph: longer, sentence-final, not itself a question."""
    if i + 1 >= len(units):
        return False
    nxt = units[i + 1].text.strip()
    return len(nxt) > 2 * len(units[i].text.strip()) and nxt.endswith((".", "\"", "”", "»")) and not question_subheading(nxt)


def _next_is_longer(units: list[Unit], i: int) -> bool:
    if i + 1 >= len(units):
        return False
    if units[i + 1].byline:
        return True
    return len(units[i + 1].text) > len(units[i].text) * 1.5 or not heading_shaped(units[i + 1].text)


def build_zones(text: str, hints: list[tuple[int, int, str]] | None = None, title: str | None = None) -> tuple[list[Zone], list[Unit]]:
    """Zones covering ``text`` (sorted, flat) and the classified units behind them."""
    cues = load_cues()
    units = split_units(text, hints or [])
    if not units:
        return [Zone(kind="body", start=0, end=len(text))], []
    _classify(units, title, cues)
    raw: list[tuple[str, int, int]] = []
    for i, u in enumerate(units):
        start = 0 if i == 0 else u.start
        end = units[i + 1].start if i + 1 < len(units) else len(text)
        if u.kind == "body":
            pos = start
            for m in cues.inline_note.finditer(text, u.start, u.end):
                raw.append(("body", pos, m.start()))
                raw.append(("inline_note", m.start(), m.end()))
                pos = m.end()
            raw.append(("body", pos, end))
        else:
            raw.append((u.kind, start, end))
    zones: list[Zone] = []
    for kind, s, e in raw:
        if e <= s:
            continue
        if zones and zones[-1].kind == kind and kind != "inline_note":
            zones[-1] = Zone(kind=zones[-1].kind, start=zones[-1].start, end=e)
        else:
            zones.append(Zone(kind=kind, start=s, end=e))  # type: ignore[arg-type]
    return zones, units
